// Text utilities shared by the stages: UTF-8 handling and sentence segmentation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace timeliner {

// Replaces every invalid UTF-8 sequence (and NUL byte) with U+FFFD. Returns the byte offset of
// the first invalid byte through `first_bad` (npos when the text was valid). A leading BOM is dropped.
std::string sanitize_utf8(std::string_view bytes, std::size_t* first_bad = nullptr);

// The UTF-8 sequence that starts at s[i] (i < s.size()): its length in bytes and whether it is
// valid (NUL included). An invalid one is its longest valid beginning, at least one byte: what one
// U+FFFD replaces (Unicode's "maximal subpart", as the JSON library and most decoders do).
struct Utf8Sequence {
  std::size_t length = 1;
  bool valid = false;
};
Utf8Sequence utf8_sequence_at(std::string_view s, std::size_t i);

// Whether `s` is valid UTF-8 (NUL included; overlong forms and surrogates are not).
bool is_valid_utf8(std::string_view s);

// Appends the UTF-8 encoding of code point `cp` (at most U+10FFFF; callers replace surrogates and
// other values they do not accept first).
void append_utf8(std::string& out, char32_t cp);

// Number of code points in a valid UTF-8 string.
std::size_t count_code_points(std::string_view s);

// Byte offset -> code point offset, for ascending queries over one text in O(text) total.
class CodePointCounter {
 public:
  explicit CodePointCounter(std::string_view text) : text_(text) {}
  std::size_t at(std::size_t byte_offset);

 private:
  std::string_view text_;
  std::size_t byte_ = 0;
  std::size_t cp_ = 0;
};

struct Span {
  std::size_t begin = 0;  // bytes, [begin, end)
  std::size_t end = 0;
};

// Splits text into sentences: at . ! ? followed by a space and a capital, quote or digit (not after
// common abbreviations such as "Mr." or "Jan."), and at blank lines. Spans exclude surrounding spaces.
std::vector<Span> split_sentences(std::string_view text);

// The same sentences one at a time, for a text too long to hold all their spans at once.
class SentenceSplitter {
 public:
  explicit SentenceSplitter(std::string_view text) : text_(text) {}
  // The next sentence into `out`; false after the last.
  bool next(Span& out);

 private:
  std::string_view text_;
  std::size_t i_ = 0;      // where to look for the next sentence end
  std::size_t begin_ = 0;  // where the current sentence begins
  bool finished_ = false;
};

}  // namespace timeliner
