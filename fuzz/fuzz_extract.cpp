// Fuzz target: extract() on arbitrary bytes with an arbitrary publication date.
// The first 8 bytes choose the options and the DCT; the rest is the document (sanitized as the
// loaders do). Checks the invariants every caller relies on.
#include "../tests/support/library_json_line.hpp"
#include "fuzz_common.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/json.hpp>
#include <timeliner/text.hpp>
#include <timeliner/timeline.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

using namespace timeliner;
using timeliner::fuzz::check;

namespace {

struct Header {
  Document doc;
  ExtractOptions options;
};

Header read_header(const std::uint8_t* data, std::size_t size, std::size_t& used) {
  Header h;
  h.doc.id = "fuzz";
  h.doc.source = "fuzz";
  if (size < 8) {
    used = 0;
    return h;
  }
  used = 8;
  const std::uint8_t flags = data[0];
  h.options.doc_type = (flags & 0x08) ? DocType::narrative : DocType::news;
  h.options.day_first = (flags & 0x10) != 0;
  if (flags & 0x01) {
    const int year = ((data[1] << 8) | data[2]) % 10000;  // every year --dct accepts: 0000..9999
    const unsigned month = data[3] % 12 + 1;
    const date::year_month y_m{date::year{year}, date::month{month}};
    const unsigned last = unsigned((y_m / date::last).day());
    Instant i;
    i.day = date::sys_days{y_m / date::day{data[4] % last + 1}};
    if (flags & 0x02) i.time_of_day = std::chrono::minutes{((data[5] << 8) | data[6]) % (24 * 60)};
    if ((flags & 0x06) == 0x06) i.utc_offset = std::chrono::minutes{(data[7] % 57 - 28) * 30};  // -14:00..+14:00
    h.doc.published = i;
  }
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::size_t used = 0;
  Header h = read_header(data, size, used);
  const std::string_view bytes(reinterpret_cast<const char*>(data) + used, size - used);
  h.doc.text = sanitize_utf8(bytes);
  check(fuzz::is_valid_utf8(h.doc.text), "sanitized text is valid UTF-8");
  const std::string& text = h.doc.text;

  const auto mentions = extract(Grammar::english(), h.doc, h.options);
  std::size_t last_begin = 0;
  for (const auto& m : mentions) {
    check(m.begin < m.end && m.end <= text.size(), "mention span inside the text");
    check(m.begin >= last_begin, "mentions in text order");
    last_begin = m.begin;
    check(text.compare(m.begin, m.end - m.begin, m.text) == 0, "mention text is the slice it names");
    check(count_code_points(std::string_view(text).substr(0, m.begin)) == m.cp_begin, "code point start");
    check(m.cp_end - m.cp_begin == count_code_points(m.text), "code point length");
    check(!m.value.timex.empty(), "a value");
    if (m.value.bounds) check(m.value.bounds->earliest <= m.value.bounds->latest, "earliest <= latest");
    const std::string line = mention_to_json_line("fuzz", m);
    check(fuzz::is_valid_utf8(line), "JSON line is valid UTF-8");
    check(nlohmann::json::accept(line), "JSON line parses");
    check(line == testing::mention_line_by_library("fuzz", m),
          "hand-written JSON line is the library's, byte for byte");
  }

  // The timeline of this one document survives its own reader, byte for byte.
  if (h.doc.published) {
    std::vector<Document> docs{h.doc};
    const Timeline t = build_timeline(std::move(docs), Grammar::english(), h.options);
    const std::string json = timeline_to_json(t);
    check(fuzz::is_valid_utf8(json), "timeline JSON is valid UTF-8");
    check(timeline_to_json(timeline_from_json(json)) == json, "timeline JSON round trip");
  }
  return 0;
}
