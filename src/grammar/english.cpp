// The bundled English grammar, with the index of its rules' start keys laid out by the build.
#include "grammar/compiled.hpp"

#include <timeliner/extract.hpp>

namespace timeliner {

namespace grammar {
extern const char* const kEnglishSource;      // generated from src/grammar/en/*.tg at build time
extern const PrecomputedIndex kEnglishIndex;  // generated from the same files by src/grammar/keygen.cpp
}  // namespace grammar

const Grammar& Grammar::english() {
  static const Grammar g{std::make_unique<grammar::Compiled>(grammar::kEnglishSource, true, &grammar::kEnglishIndex)};
  return g;
}

}  // namespace timeliner
