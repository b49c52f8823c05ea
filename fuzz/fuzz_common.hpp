// Helpers shared by the fuzz targets: checks that abort (so libFuzzer reports them) when an
// invariant of our outputs breaks.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <timeliner/text.hpp>

namespace timeliner::fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

inline void check(bool ok, const char* what) {
  if (!ok) fail(what);
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
inline bool is_valid_utf8(std::string_view s) { return timeliner::is_valid_utf8(s); }

}  // namespace timeliner::fuzz
