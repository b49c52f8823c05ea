// Fuzz target: the JSON lines reader on arbitrary bytes: bad lines are skipped with one-line
// messages, documents come back with valid UTF-8 text.
#include "fuzz_common.hpp"
#include "load/internal.hpp"

#include <timeliner/load.hpp>

#include <cstdint>
#include <string>

using namespace timeliner;
using timeliner::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  LoadOptions options;
  if (size > 0 && (data[0] & 1)) options.dct_fallback = parse_instant("2025-04-18");
  FileLoad out;
  load_detail::read_jsonl(bytes, "fuzz.jsonl", options, out);
  for (const auto& d : out.documents) {
    check(fuzz::is_valid_utf8(d.text), "document text is valid UTF-8");
    check(fuzz::is_valid_utf8(d.title), "title is valid UTF-8");
    check(fuzz::is_valid_utf8(d.id), "id is valid UTF-8");
  }
  for (const auto& s : out.skipped) check(s.message.find('\n') == std::string::npos, "skip messages are one line");
  // The fast reader of the common line shape must give exactly what the JSON library gives.
  FileLoad slow;
  load_detail::read_jsonl(bytes, "fuzz.jsonl", options, slow, 1, /*fast=*/false);
  check(out.documents.size() == slow.documents.size(), "fast and library readers: same number of documents");
  for (std::size_t i = 0; i < out.documents.size() && i < slow.documents.size(); ++i) {
    const Document &a = out.documents[i], &b = slow.documents[i];
    check(a.id == b.id && a.title == b.title && a.source == b.source && a.text == b.text &&
              a.published_from == b.published_from && a.published == b.published,
          "fast and library readers: same documents");
  }
  check(out.warnings == slow.warnings, "fast and library readers: same warnings");
  check(out.skipped.size() == slow.skipped.size(), "fast and library readers: same skips");
  for (std::size_t i = 0; i < out.skipped.size() && i < slow.skipped.size(); ++i)
    check(out.skipped[i].message == slow.skipped[i].message, "fast and library readers: same skip messages");
  for (const auto& w : out.warnings) check(w.find('\n') == std::string::npos, "warnings are one line");
  return 0;
}
