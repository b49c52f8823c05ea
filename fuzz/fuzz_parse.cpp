// Fuzz target: the tokenizer, tagger and parser (src/nlp) on arbitrary bytes, a sentence at a time
// as `timeliner parse` and the events give them: words inside the sentence, in order, not empty;
// every word has a head in the sentence, exactly one is the root, and no word is its own ancestor.
#include "fuzz_common.hpp"

#include <timeliner/nlp.hpp>
#include <timeliner/text.hpp>

#include <cstdint>
#include <string>
#include <string_view>

using namespace timeliner;
using timeliner::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = sanitize_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  const nlp::Model& model = nlp::Model::english();
  for (const Span& s : split_sentences(text)) {
    const std::string_view sentence(text.data() + s.begin, s.end - s.begin);
    const auto words = model.analyze(sentence);
    std::size_t roots = 0, last_end = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const nlp::Word& w = words[i];
      check(w.begin < w.end && w.end <= sentence.size(), "word inside its sentence, not empty");
      check(w.begin >= last_end, "words in order, not overlapping");
      last_end = w.end;
      if (w.head == -1) {
        ++roots;
        check(w.rel == nlp::Rel::root, "the root's relation is root");
        continue;
      }
      check(w.head >= 0 && static_cast<std::size_t>(w.head) < words.size(), "head inside the sentence");
      std::size_t steps = 0;
      for (int k = static_cast<int>(i); k != -1; k = words[static_cast<std::size_t>(k)].head)
        check(++steps <= words.size(), "no word is its own ancestor");
    }
    check(words.empty() ? roots == 0 : roots == 1, "one root");
  }
  return 0;
}
