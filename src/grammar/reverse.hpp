// An RE2 pattern turned around for the multi-pattern scan (src/grammar/scan_db.hpp): a pattern, in
// the syntax Hyperscan reads in its byte mode, that matches the bytes of every match of the RE2
// pattern written backwards. Scanning a text backwards with it, every end of a match found is a
// place where a match of the RE2 pattern starts.
//
// The pattern may match more than the RE2 one (never less): RE2 confirms each start. Constructs
// written loosely: a non-ASCII character that case folding might change (any one to four non-ASCII
// bytes), '.', negated classes and \D \S \W outside ASCII (the same), Unicode classes (any
// character), multi-line ^ and $ (no condition). Letters RE2 folds to non-ASCII ones under (?i)
// (k: the Kelvin sign, s: the long s) match those too.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace timeliner::grammar {

struct Reversed {
  std::string pattern;         // Hyperscan syntax, every byte outside [0-9A-Za-z] escaped as \xHH
  std::size_t min_length = 0;  // the fewest characters of its matches
  bool loose = false;          // some construct was written loosely: the pattern matches more than RE2's
  bool needs_digit = false;    // every match of the RE2 pattern has an ASCII digit in it
};

struct ReverseOptions {
  // Whether ^, $, \A and \z are kept (Hyperscan takes them only at the ends of a pattern); left
  // out, they are no condition (the pattern then matches more).
  bool anchors = true;
};

// Nothing when the pattern is not one RE2 accepts in the way the analysis reads it (the caller
// then tries the rule everywhere).
std::optional<Reversed> reverse_pattern(std::string_view re2_pattern, const ReverseOptions& options = {});

}  // namespace timeliner::grammar
