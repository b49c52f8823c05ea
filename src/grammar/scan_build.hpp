// Compiling the scan database (scan_db.hpp) of a grammar's rules: done by the build for the
// bundled grammar (src/grammar/keygen.cpp). Needs the Hyperscan compiler, which the library itself
// does not link.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace timeliner::grammar {

struct BuiltScan {
  std::string database;                   // serialized
  std::string without_digits;             // serialized: the database less the rules whose matches all hold a digit
  std::vector<std::uint16_t> everywhere;  // rules left out, to be tried at every word start
  std::vector<std::uint16_t> loose;       // rules whose pattern matches more than RE2's
};

// One pattern per rule, its RE2 pattern turned around (reverse.hpp). A rule whose pattern the
// analysis or Hyperscan does not take as it is is taken without its anchors, or else left out. The
// database is made for any processor of the architecture (no instruction-set extensions), so
// that a binary built on one machine runs on another. A second database leaves out the rules
// whose every match holds an ASCII digit (Reversed::needs_digit), for texts without one (empty when
// there are none such, or Hyperscan does not take it). Throws std::runtime_error when Hyperscan
// fails otherwise.
BuiltScan build_scan(const std::vector<std::string_view>& patterns);

}  // namespace timeliner::grammar
