// Fuzz target: the HTML loader (libxml2) on arbitrary bytes: an article always comes back, its
// text and title valid UTF-8, and the text can be tagged.
#include "fuzz_common.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/load.hpp>

#include <cstdint>
#include <string>
#include <string_view>

using namespace timeliner;
using timeliner::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  HtmlArticle a;
  try {
    a = read_html(bytes, "fuzz.html", "https://example.com/2025/04/18/story");
  } catch (const LoadError& e) {
    check(std::string_view(e.what()).find('\n') == std::string_view::npos, "load errors are one line");
    return 0;  // not a page: a clear one-line error is the right answer
  }
  check(fuzz::is_valid_utf8(a.text), "article text is valid UTF-8");
  check(fuzz::is_valid_utf8(a.title), "title is valid UTF-8");
  for (const auto& w : a.warnings) check(w.find('\n') == std::string::npos, "warnings are one line");
  Document d;
  d.id = "fuzz";
  d.text = a.text;
  if (a.published) d.published = a.published->when;
  for (const auto& m : extract(Grammar::english(), d)) check(m.end <= d.text.size(), "mention inside the text");
  return 0;
}
