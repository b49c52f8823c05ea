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
#include <span>
#include <string>
#include <string_view>
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
std::vector<std::vector<std::string>> start_keys(const std::vector<std::string_view>& patterns,
                                                 std::size_t length = kKeyLength, bool collapsed = false);

// For each RE2 pattern, groups of words (lower-case ASCII) such that every match of the pattern
// contains, ASCII case aside, at least one word of each group: the rule need not be tried where
// no word of a group occurs at or after the position. No group when nothing is known. Found with
// RE2's own prefilter analysis (FilteredRE2), holding out words whose letters have non-ASCII case
// variants that RE2 folds to them (k: the Kelvin sign, s: the long s).
std::vector<std::vector<std::vector<std::string>>> required_words(const std::vector<std::string_view>& patterns);
// The same as one line of text per pattern (groups separated by ';', words by '|'), and back.
std::string encode_required(const std::vector<std::vector<std::vector<std::string>>>& required);
std::vector<std::vector<std::vector<std::string>>> decode_required(std::string_view text);

// A second, finer test after the start index: each rule's start keys of up to kLongKeyLength
// bytes, white space runs written as one space, as hashes. A rule passes at a position when the
// text there (key bytes, runs of white space as one space) begins with one of its keys, or when it
// has none (too many, or not understood). A hash that two strings share only lets more through.
inline constexpr std::size_t kLongKeyLength = 12;
inline constexpr std::size_t kMaxLongKeys = 4096;  // per rule: beyond, the rule is not tested
// The arrays of a LongKeys, as build() lays them out.
struct LongKeysData {
  std::span<const std::uint32_t> masks;  // per rule: bit l set when it has a key of l bytes
  std::span<const std::uint32_t> table;  // open addressing of the keys' hashes (32 bits of them), 0 free
  unsigned shift = 64;                   // 64 - log2(table size)
};

class LongKeys {
 public:
  LongKeys() = default;
  LongKeys(const LongKeys&) = delete;
  LongKeys& operator=(const LongKeys&) = delete;

  void build(const std::vector<std::vector<std::string>>& keys);  // start_keys(..., kLongKeyLength, true)
  // Instead of build(): arrays laid out before, which outlive this one.
  void adopt(const LongKeysData& data) { data_ = data; }
  LongKeysData data() const { return data_; }
  // The prefix hashes of the text at `pos`: h[l] for its first l key bytes (runs of white space as
  // one), l = 1..kLongKeyLength. Returns how many were set.
  static std::size_t hashes(std::string_view text, std::size_t pos, std::uint64_t* h);
  bool tested(std::size_t rule) const { return rule < data_.masks.size() && data_.masks[rule] != 0; }
  bool pass(std::size_t rule, const std::uint64_t* h, std::size_t n) const;

 private:
  static std::uint64_t mix(std::size_t rule, std::uint64_t hash);
  static std::uint32_t fingerprint(std::uint64_t mixed);
  std::vector<std::uint32_t> masks_;
  std::vector<std::uint32_t> table_;
  LongKeysData data_;
};

// Rules indexed by their start keys.
class StartIndex;

// The arrays of a StartIndex, as finish() lays them out.
struct StartIndexData {
  std::span<const std::uint16_t> empty;  // rules with an empty key
  std::span<const std::uint16_t> rules;  // the rules of each key, one after another
  std::span<const std::uint32_t> one;    // 512: [begin, end) in `rules` of each one-byte key
  std::span<const std::uint64_t> slots;  // per slot: the packed key (0: free), then begin | end << 32
  std::span<const std::uint8_t> first;   // 256: some key starts with this key byte
  unsigned shift = 64;                   // 64 - log2(slot count)
};

// A StartIndex laid out ahead of time (by the build, for the bundled grammar: src/grammar/keygen.cpp),
// valid for the grammar source whose source_hash() it carries.
struct PrecomputedIndex {
  std::uint64_t source_hash = 0;
  std::size_t key_length = 0;  // kKeyLength when it was made
  std::size_t rules = 0;       // rule count of the grammar
  StartIndexData index;
  const char* required = "";  // encode_required() of the rules' patterns
  LongKeysData long_keys;     // made with kLongKeyLength
  std::size_t long_key_length = 0;
};

// FNV-1a of the grammar source text.
std::uint64_t source_hash(std::string_view source);

// Rules indexed by their start keys.
class StartIndex {
 public:
  StartIndex() = default;
  StartIndex(const StartIndex&) = delete;
  StartIndex& operator=(const StartIndex&) = delete;

  void add(std::uint16_t rule, const std::vector<std::string>& keys);
  // After the last add(): lays the keys out for candidates().
  void finish();
  // Instead of add() and finish(): an index laid out before, whose arrays outlive this one.
  void adopt(const StartIndexData& data);
  StartIndexData data() const;

  // Rules that may match at text[pos...]: lists of them (a rule may be in more than one), each a
  // span of the index's own array, set in `out`; returns how many.
  static constexpr std::size_t kMaxLists = kKeyLength + 1;
  std::size_t candidates(std::string_view text, std::size_t pos, std::span<const std::uint16_t>* out) const;
  // Quick test: may any rule start at text[pos]?
  bool may_start(unsigned char key0) const { return always_ || data_.first[key0]; }

 private:
  static std::uint64_t pack(const unsigned char* k, std::size_t n);
  // Every beginning of two bytes or more of a key, with the rules of the key it is (if any), in an
  // open-addressing table of packed strings (pack()): the index of its slot, or -1.
  std::ptrdiff_t find(std::uint64_t packed) const;
  std::vector<std::pair<std::uint64_t, std::uint16_t>> pairs_;  // (packed key, rule), until finish()
  // What finish() lays out (adopt() uses arrays of its caller instead).
  std::vector<std::uint16_t> empty_, rules_;
  std::vector<std::uint32_t> one_ = std::vector<std::uint32_t>(512, 0);
  std::vector<std::uint64_t> slots_;
  std::vector<std::uint8_t> first_ = std::vector<std::uint8_t>(256, 0);
  StartIndexData data_{{}, {}, one_, {}, first_, 64};
  bool always_ = false;
};

}  // namespace timeliner::grammar
