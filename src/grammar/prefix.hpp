// Start keys of rule patterns: a cheap, conservative test of where a rule could match.
//
// Every byte of text and pattern is mapped to a key byte (ASCII letters lower-cased, digits to '0',
// white space to ' ', other ASCII kept). The analysis of an RE2 pattern gives a set of key strings
// of at most kKeyLength bytes such that any match of the pattern starts with one of them (or, for
// a key marked "shorter" by the analysis, with that key and anything after it). Constructs that the
// analysis does not follow (., \w, negated classes, the bytes after a non-ASCII one...) end a key
// there, which only widens it: the test never misses a position where the rule matches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace timeliner::grammar {

inline constexpr std::size_t kKeyLength = 5;

// The key byte of a text byte: every non-ASCII byte is 0x80.
unsigned char key_byte(unsigned char c);

// The start keys of each RE2 pattern (syntax as RE2 accepts it). A pattern the analysis cannot
// parse gets the empty key: possible everywhere.
std::vector<std::vector<std::string>> start_keys(const std::vector<std::string_view>& patterns);

// Rules indexed by their start keys.
class StartIndex {
 public:
  void add(std::uint16_t rule, const std::vector<std::string>& keys);
  // Rules that may match at text[pos...], appended to `out` (may hold duplicates).
  void candidates(std::string_view text, std::size_t pos, std::vector<std::uint16_t>& out) const;
  // Quick test: may any rule start at text[pos]?
  bool may_start(unsigned char key0) const { return always_ || first_[key0]; }

 private:
  static std::uint64_t pack(const unsigned char* k, std::size_t n);
  std::vector<std::uint16_t> empty_;                          // rules with an empty key
  std::unordered_map<std::uint64_t, std::vector<std::uint16_t>> exact_;  // key -> rules
  bool always_ = false;
  bool first_[256] = {};  // some key of length >= 1 starts with this key byte
};

}  // namespace timeliner::grammar
