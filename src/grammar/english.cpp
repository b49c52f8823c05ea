// The bundled English grammar, from what the build laid out for it (src/grammar/keygen.cpp): its
// parse, the index of its rules' start keys and their scan database. Start-up parses nothing.
#include "grammar/compiled.hpp"

#include <timeliner/extract.hpp>

namespace timeliner {

namespace grammar {
// Generated from src/grammar/en/*.tg at build time by src/grammar/keygen.cpp.
extern const PrecomputedGrammar kEnglishGrammar;
extern const PrecomputedIndex kEnglishIndex;
extern const PrecomputedScan kEnglishScan;
}  // namespace grammar

const Grammar& Grammar::english() {
  // Never destroyed: at exit, freeing the compiled patterns and the states their searches cached
  // would only give back memory the process is about to lose (17 M instructions after tagging
  // 2 MB of news).
  static const Grammar& g = *new Grammar{
      std::make_unique<grammar::Compiled>(grammar::kEnglishGrammar, &grammar::kEnglishIndex, &grammar::kEnglishScan)};
  return g;
}

}  // namespace timeliner
