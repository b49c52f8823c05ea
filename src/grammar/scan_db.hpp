// The one scan over a text that finds where each rule's matches may start (Hyperscan, or its fork
// Vectorscan, when the build found it).
//
// Every rule's RE2 pattern, turned around (reverse.hpp), is one pattern of a Hyperscan database,
// compiled and serialized by the build (src/grammar/keygen.cpp, scan_build.hpp) and embedded in the
// binary. A text is scanned backwards, a copy of it turned around: where a match of a turned
// pattern ends, a match of the rule starts. The scan reports every such place of every rule at
// once, and nothing else, save for patterns written loosely (a superset); RE2 then tries the rule
// anchored there, as the engine of record. Rules the database leaves out are tried at every place
// where a word may start.
//
// A text without an ASCII digit (most sentences of news) is scanned against a second database
// that leaves out the rules whose every match holds one (dates in figures, clock times, numbers):
// they cannot match there, and the scan then costs less a character. It is loaded once a process
// has scanned kWithoutDigitsAfterBytes (a short text does not pay for loading it).
//
// Only texts of up to kScanOnceBytes are scanned so (news articles): the copy turned around of a
// longer one would double the memory it takes, and Hyperscan's streaming mode, which would scan it
// in pieces, runs at half the speed; a longer text is tried at the start keys (prefix.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string_view>
#include <vector>

namespace timeliner::grammar {

// What the build lays out for the bundled grammar, valid for the grammar source whose
// source_hash() it carries (prefix.hpp). Empty in a build without Hyperscan.
struct PrecomputedScan {
  std::uint64_t source_hash = 0;
  std::size_t rules = 0;
  std::span<const unsigned char> database;    // serialized, block mode
  std::span<const std::uint16_t> everywhere;  // rules not in the database
  // Serialized, block mode: the database less the rules whose every match holds an ASCII digit,
  // scanned over a text without one (empty: the whole database is).
  std::span<const unsigned char> without_digits;
};

inline constexpr std::size_t kScanOnceBytes = std::size_t{256} << 10;
// Loading the database without the rules that need a digit costs about 4.6 M instructions, and it
// saves about 8.6 a character: it is loaded once a process has scanned half a megabyte.
inline constexpr std::size_t kWithoutDigitsAfterBytes = std::size_t{512} << 10;

class StartScanner {
 public:
  // The database without the rules that need a digit is loaded, and used for the texts without
  // one, once the texts scanned add up to `without_digits_after` bytes.
  explicit StartScanner(const PrecomputedScan& data, std::size_t without_digits_after = kWithoutDigitsAfterBytes);
  ~StartScanner();
  StartScanner(const StartScanner&) = delete;
  StartScanner& operator=(const StartScanner&) = delete;

  // Whether the database loads (on the first call; it does not when the build has no Hyperscan, or
  // when the library installed is not the one that compiled it).
  bool usable() const;
  // Every place in `text` (at most kScanOnceBytes) where some rule's match may start, and no place
  // inside a word (where no match is ever kept), as (position << 16 | rule), in increasing order.
  // Needs usable().
  void starts(std::string_view text, std::vector<std::uint64_t>& out) const;
  // The rules tried everywhere, in increasing order.
  std::span<const std::uint16_t> everywhere() const { return data_.everywhere; }

 private:
  struct Database;
  PrecomputedScan data_;
  std::size_t without_digits_after_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<Database> db_;  // null when it does not load
};

// Whether the build has Hyperscan.
bool hyperscan_built();

}  // namespace timeliner::grammar
