#include <timeliner/text.hpp>

#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

namespace timeliner {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid (or a NUL byte).
std::size_t valid_sequence(std::string_view s, std::size_t i) {
  if (s[i] == '\0') return 0;
  const Utf8Sequence q = utf8_sequence_at(s, i);
  return q.valid ? q.length : 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Words after which a period does not end a sentence (compared lower-case, without the period).
constexpr std::array<std::string_view, 46> kAbbreviations{
    "mr",  "mrs", "ms",   "dr",    "prof", "sen",  "rep", "gov", "gen", "col",   "lt",  "sgt",
    "st",  "jr",  "sr",   "inc",   "corp", "co",   "ltd", "no",  "vs",  "jan",   "feb", "mar",
    "apr", "jun", "jul",  "aug",   "sep",  "sept", "oct", "nov", "dec", "mon",   "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri",  "sat",  "sun", "ft",  "ca",  "approx"};

bool is_abbreviation(std::string_view text, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  const std::string_view word = text.substr(b, dot - b);
  if (word.empty()) return false;
  // Single letters ("U.S.", "J. Smith") and dotted initialisms ("a.m.", "p.m.").
  if (word.size() == 1) return true;
  if (word.size() > 5) return false;
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto a : kAbbreviations)
    if (a == lower) return true;
  return false;
}

bool starts_sentence(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isupper(u) || std::isdigit(u) || c == '"' || c == '\'' || c == '(' || u >= 0x80;
}

}  // namespace

Utf8Sequence utf8_sequence_at(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {1, true};
  std::size_t len;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return {1, false};
  }
  for (std::size_t k = 1; k < len; ++k) {
    if (i + k >= s.size()) return {k, false};
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return {k, false};
  }
  return {len, true};
}

std::string sanitize_utf8(std::string_view bytes, std::size_t* first_bad) {
  if (first_bad) *first_bad = std::string_view::npos;
  std::size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  std::string out;
  out.reserve(bytes.size() - i);
  const std::size_t n = bytes.size();
  std::size_t run = i;  // the valid bytes from here to i are copied at once
  while (i < n) {
    // Eight ASCII bytes at a time, none of them NUL.
    while (i + 8 <= n) {
      std::uint64_t v;
      std::memcpy(&v, bytes.data() + i, 8);
      constexpr std::uint64_t kLow = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
      if (((v | ((v - kLow) & ~v)) & kHigh) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    const std::size_t len = valid_sequence(bytes, i);
    if (len != 0) {
      i += len;
      continue;
    }
    if (first_bad && *first_bad == std::string_view::npos) *first_bad = i;
    out.append(bytes.data() + run, i - run);
    out += kReplacement;
    ++i;
    run = i;
  }
  out.append(bytes.data() + run, n - run);
  return out;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (i + 32 <= s.size()) {  // thirty-two ASCII bytes at a time
      std::uint64_t v[4];
      std::memcpy(v, s.data() + i, 32);
      if (((v[0] | v[1] | v[2] | v[3]) & 0x8080808080808080ull) == 0) {
        i += 32;
        continue;
      }
    }
    if (i + 8 <= s.size()) {  // eight ASCII bytes at a time
      std::uint64_t v;
      std::memcpy(&v, s.data() + i, 8);
      if ((v & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (s[i] == '\0') {
      ++i;
      continue;
    }
    const std::size_t len = valid_sequence(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0, i = 0;
  // Eight bytes at a time: each continuation byte (10xxxxxx) has its top bit set and the next
  // one clear; the bits that say so, summed by a multiplication, are taken from eight.
  constexpr std::uint64_t kHighs = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    const std::uint64_t continuation = (v & ~(v << 1) & kHighs) >> 7;
    n += 8 - static_cast<std::size_t>((continuation * kOnes) >> 56);
  }
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

std::size_t CodePointCounter::at(std::size_t byte_offset) {
  if (byte_offset < byte_) {
    byte_ = 0;
    cp_ = 0;
  }
  cp_ += count_code_points(text_.substr(byte_, byte_offset - byte_));
  byte_ = byte_offset;
  return cp_;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::vector<Span> split_sentences(std::string_view text) {
  std::vector<Span> out;
  SentenceSplitter sentences(text);
  for (Span s; sentences.next(s);) out.push_back(s);
  return out;
}

bool SentenceSplitter::next(Span& out) {
  const std::string_view text = text_;
  // The sentence that ends at `end` (without surrounding spaces), if it is not empty.
  auto emit = [&](std::size_t end) {
    while (begin_ < end && is_space(text[begin_])) ++begin_;
    std::size_t e = end;
    while (e > begin_ && is_space(text[e - 1])) --e;
    const bool some = e > begin_;
    if (some) out = {begin_, e};
    begin_ = end;
    return some;
  };
  // The bytes that may end a sentence; the others are passed over in a tight loop.
  static constexpr auto kEnds = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {'\n', '.', '!', '?'}) t[c] = true;
    return t;
  }();
  const std::size_t n = text.size();
  while (i_ < n) {
    std::size_t i = i_;
    // Eight bytes at a time while none of them may end a sentence (a byte equal to one of the four
    // makes a zero byte in the XOR, which the carries of the subtraction find).
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    auto has_zero = [](std::uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
    while (i + 8 <= n) {
      std::uint64_t v;
      std::memcpy(&v, text.data() + i, 8);
      if (has_zero(v ^ (kOnes * '\n')) || has_zero(v ^ (kOnes * '.')) || has_zero(v ^ (kOnes * '!')) ||
          has_zero(v ^ (kOnes * '?')))
        break;
      i += 8;
    }
    while (i < n && !kEnds[static_cast<unsigned char>(text[i])]) ++i;
    if (i >= n) {
      i_ = n;
      break;
    }
    i_ = i + 1;
    const char c = text[i];
    if (c == '\n') {
      // A blank line (paragraph break) always ends a sentence; so does a line without final
      // punctuation followed by a new line (headlines, datelines, list items).
      std::size_t j = i + 1;
      while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < n && text[j] == '\n') {
        if (emit(i)) return true;
        continue;
      }
      std::size_t k = i;
      while (k > begin_ && is_space(text[k - 1])) --k;
      if (k > begin_) {
        const char last = text[k - 1];
        const bool continues =
            std::islower(static_cast<unsigned char>(last)) || last == ',' || last == ';' || last == ':' || last == '-';
        if (!continues && j < n && !std::islower(static_cast<unsigned char>(text[j])) && emit(i)) return true;
      }
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t j = i + 1;
    while (j < n && (text[j] == '"' || text[j] == '\'' || text[j] == ')')) ++j;
    if (j >= n) continue;
    if (!is_space(text[j])) continue;
    std::size_t k = j;
    while (k < n && is_space(text[k])) ++k;
    if (k >= n || !starts_sentence(text[k])) continue;
    if (c == '.' && is_abbreviation(text, i)) {
      // "Jan. 5" continues; an abbreviation before a capitalised word usually does too.
      continue;
    }
    if (emit(j)) return true;
  }
  if (finished_) return false;
  finished_ = true;
  return emit(n);
}

}  // namespace timeliner
