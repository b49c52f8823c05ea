// Start keys of rule patterns: a cheap, conservative test of where a rule could match.
//
// Every byte of text and pattern is mapped to a key byte (ASCII letters lower-cased, digits to '0',
// white space to ' ', other ASCII kept). The analysis of an RE2 pattern gives a set of key strings
// of at most kKeyLength bytes such that any match of the pattern starts with one of them (or, for
// a key marked "shorter" by the analysis, with that key and anything after it). Constructs that the
// analysis does not follow (., \w, negated classes, the bytes after a non-ASCII one...) end a key
// there, which only widens it: the test never misses a position where the rule matches.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace timeliner::grammar {

inline constexpr std::size_t kKeyLength = 7;

// The key byte of a text byte: every non-ASCII byte is 0x80.
constexpr unsigned char key_byte_of(unsigned char c) {
  if (c >= 0x80) return 0x80;
  if (c >= 'A' && c <= 'Z') return static_cast<unsigned char>(c - 'A' + 'a');
  if (c >= '0' && c <= '9') return '0';
  if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') return ' ';
  return c;
}
inline constexpr auto kKeyBytes = [] {
  std::array<unsigned char, 256> t{};
  for (unsigned c = 0; c < 256; ++c) t[c] = key_byte_of(static_cast<unsigned char>(c));
  return t;
}();
inline unsigned char key_byte(unsigned char c) { return kKeyBytes[c]; }

// The start keys of each RE2 pattern (syntax as RE2 accepts it). A pattern the analysis cannot
// parse gets the empty key: possible everywhere.
std::vector<std::vector<std::string>> start_keys(const std::vector<std::string_view>& patterns);

// Start keys computed ahead of time (by the build, for the bundled grammar: src/grammar/keygen.cpp),
// valid for the grammar source whose source_hash() they carry.
struct PrecomputedKeys {
  std::uint64_t source_hash = 0;
  std::size_t key_length = 0;  // kKeyLength when they were computed
  std::size_t rules = 0;
  std::string_view data;  // encode_keys()
};

// FNV-1a of the grammar source text.
std::uint64_t source_hash(std::string_view source);
// Every rule's keys as bytes: per rule, its key count (2 bytes), then each key as its length (1 byte)
// and its bytes.
std::string encode_keys(const std::vector<std::vector<std::string>>& keys);
// The keys back from encode_keys(), or nothing when `data` is not the encoding of `rules` rules.
std::optional<std::vector<std::vector<std::string>>> decode_keys(std::string_view data, std::size_t rules);

// Rules indexed by their start keys.
class StartIndex {
 public:
  void add(std::uint16_t rule, const std::vector<std::string>& keys);
  // After the last add(): lays the keys out for candidates().
  void finish();
  // Rules that may match at text[pos...], appended to `out` (may hold duplicates).
  void candidates(std::string_view text, std::size_t pos, std::vector<std::uint16_t>& out) const;
  // Quick test: may any rule start at text[pos]?
  bool may_start(unsigned char key0) const { return always_ || first_[key0]; }

 private:
  static std::uint64_t pack(const unsigned char* k, std::size_t n);
  struct Range {
    std::uint32_t begin = 0, end = 0;  // in rules_
  };
  // Every beginning of two bytes or more of a key, with the rules of the key it is (if any):
  // an open-addressing table of packed strings (pack()), 0 marking a free slot.
  struct Slot {
    std::uint64_t packed = 0;
    Range rules;
  };
  const Slot* find(std::uint64_t packed) const;
  std::vector<std::uint16_t> empty_;                                     // rules with an empty key
  std::unordered_map<std::uint64_t, std::vector<std::uint16_t>> exact_;  // key -> rules, until finish()
  std::vector<std::uint16_t> rules_;                                     // the rules of each key, one after another
  Range one_[256];                                                       // rules of each one-byte key
  std::vector<Slot> slots_;                                              // a power of two in size
  unsigned shift_ = 64;                                                  // 64 - log2(slots_.size())
  bool always_ = false;
  bool first_[256] = {};  // some key of length >= 1 starts with this key byte
};

}  // namespace timeliner::grammar
