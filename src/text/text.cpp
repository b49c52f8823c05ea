#include <timeliner/text.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// A word of up to eight ASCII letters, lower-cased, as a number (its first letter in the lowest byte).
constexpr std::uint64_t word_key(std::string_view word) {
  std::uint64_t key = 0;
  for (std::size_t k = 0; k < word.size(); ++k)
    key |= static_cast<std::uint64_t>(static_cast<unsigned char>(word[k]) | 0x20) << (8 * k);
  return key;
}

// kAbbreviations as keys, sorted: a binary search rather than a comparison with each.
constexpr auto kAbbreviationKeys = [] {
  std::array<std::uint64_t, kAbbreviations.size()> keys{};
  for (std::size_t k = 0; k < keys.size(); ++k) keys[k] = word_key(kAbbreviations[k]);
  std::sort(keys.begin(), keys.end());
  return keys;
}();

bool is_ascii_letter(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }

bool is_abbreviation(std::string_view text, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && is_ascii_letter(text[b - 1])) --b;
  const std::size_t length = dot - b;
  if (length == 0) return false;
  // Single letters ("U.S.", "J. Smith") and dotted initialisms ("a.m.", "p.m.").
  if (length == 1) return true;
  if (length > 5) return false;
  return std::binary_search(kAbbreviationKeys.begin(), kAbbreviationKeys.end(), word_key(text.substr(b, length)));
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
#if defined(__SSE2__)
  // Sixteen bytes at a time: a byte that starts a code point is, as a signed byte, above -65
  // (0xBF, the last continuation byte); each such byte subtracts -1 from a byte counter, and the
  // counters are summed (_mm_sad_epu8) before any of them can pass 255.
  const __m128i last_continuation = _mm_set1_epi8(static_cast<char>(0xBF)), zero = _mm_setzero_si128();
  while (i + 16 <= s.size()) {
    __m128i counts = zero;
    for (int k = 0; k < 255 && i + 16 <= s.size(); ++k, i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      counts = _mm_sub_epi8(counts, _mm_cmpgt_epi8(v, last_continuation));
    }
    const __m128i sums = _mm_sad_epu8(counts, zero);
    n += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
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

namespace {

// The first byte at or after `i` that may end a sentence ("\n", ".", "!", "?"), or text.size().
std::size_t next_end(std::string_view text, std::size_t i) {
  const std::size_t n = text.size();
  const char* const data = text.data();
#if defined(__SSE2__)
  // Sixteen bytes at a time: the four compared at once, the first found by its bit in the mask.
  const __m128i newline = _mm_set1_epi8('\n'), period = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
                question = _mm_set1_epi8('?');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    const __m128i ends = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, period)),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, question)));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(ends));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  static constexpr auto kEnds = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {'\n', '.', '!', '?'}) t[c] = true;
    return t;
  }();
  while (i < n && !kEnds[static_cast<unsigned char>(data[i])]) ++i;
  return i;
}

}  // namespace

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
  const std::size_t n = text.size();
  while (i_ < n) {
    const std::size_t i = next_end(text, i_);
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
