// The bundled English grammar, with what the build laid out for it: the scan databases of its rules,
// or the index of their start keys (src/grammar/keygen.cpp).
#include "grammar/compiled.hpp"

#include <timeliner/extract.hpp>

namespace timeliner {

namespace grammar {
extern const char* const kEnglishSource;      // generated from src/grammar/en/*.tg at build time
extern const PrecomputedIndex kEnglishIndex;  // generated from the same files by src/grammar/keygen.cpp
extern const PrecomputedScan kEnglishScan;    // the same
}  // namespace grammar

const Grammar& Grammar::english() {
  // Never destroyed: at exit, freeing the compiled patterns and the states their searches cached
  // would only give back memory the process is about to lose (17 M instructions after tagging
  // 2 MB of news).
  static const Grammar& g = *new Grammar{std::make_unique<grammar::Compiled>(
      grammar::kEnglishSource, true, &grammar::kEnglishIndex, &grammar::kEnglishScan)};
  return g;
}

}  // namespace timeliner
