// Fuzz target: read_timeml on arbitrary bytes; for what it accepts, tag it with write_timeml
// and read our output back: the text must be the same and our tags must be found again.
#include "fuzz_common.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/timeml.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>

using namespace timeliner;
using timeliner::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  TimemlDocument doc;
  try {
    doc = read_timeml(bytes, "fuzz", "fuzz.tml");
  } catch (const std::runtime_error&) {
    return 0;  // malformed TimeML: a clear error is the right answer
  }
  check(fuzz::is_valid_utf8(doc.document.text), "TEXT is valid UTF-8");
  check(doc.raw_of.size() == doc.document.text.size() + 1, "raw_of maps every byte of the text");
  for (const auto& g : doc.timexes) check(g.begin <= g.end && g.end <= doc.document.text.size(), "gold span");

  const auto mentions = extract(Grammar::english(), doc.document);
  const std::string written = write_timeml(doc, mentions);
  check(fuzz::is_valid_utf8(written), "written TimeML is valid UTF-8");
  TimemlDocument again;
  try {
    again = read_timeml(written, "fuzz", "fuzz.tml");
  } catch (const std::runtime_error& e) {
    fuzz::fail("our own TimeML output does not read back");
  }
  check(again.document.text == doc.document.text, "round trip keeps the text");
  check(again.document.published == doc.document.published, "round trip keeps the DCT");
  std::size_t written_tags = 0, pos = 0;
  for (const auto& m : mentions) {
    if (m.begin < pos) continue;  // overlapping mentions are not written
    pos = m.end;
    ++written_tags;
  }
  check(again.timexes.size() == written_tags, "our tags read back");
  return 0;
}
