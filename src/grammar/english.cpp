// The bundled English grammar, with the start keys of its rules computed by the build.
#include "grammar/compiled.hpp"

#include <timeliner/extract.hpp>

namespace timeliner {

namespace grammar {
extern const char* const kEnglishSource;    // generated from src/grammar/en/*.tg at build time
extern const PrecomputedKeys kEnglishKeys;  // generated from the same files by src/grammar/keygen.cpp
}  // namespace grammar

const Grammar& Grammar::english() {
  static const Grammar g{std::make_unique<grammar::Compiled>(grammar::kEnglishSource, true, &grammar::kEnglishKeys)};
  return g;
}

}  // namespace timeliner
