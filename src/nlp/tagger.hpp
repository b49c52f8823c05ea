// The part-of-speech tagger: greedy, left to right, one tag (a universal and a Penn tag together)
// per word from a linear model over the features below. Shared with the trainer.
#pragma once

#include "nlp/lexicon.hpp"

#include <timeliner/nlp.hpp>

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace timeliner::nlp {

inline constexpr std::size_t kMaxTaggerFeatures = 80;

// What the features need to know of the tag set.
class TagInfo {
 public:
  explicit TagInfo(const std::vector<std::pair<Upos, Xpos>>& tags);
  // Whether tag id + 1 `t` is a finite verb's (VBD, VBZ, VBP, MD).
  bool finite(std::uint16_t t) const { return t < finite_.size() && finite_[t]; }

 private:
  std::vector<bool> finite_;
};

// What the features of a word read beyond its neighbours, kept up to date as a sentence is tagged
// from left to right: whether a finite verb was tagged before it, and whether a word after it is
// one by its usual tag ("Talks collapsed" is a past tense; "talks collapsed by a dispute were" a
// participle).
struct TagContext {
  std::vector<bool> finite_after;  // per word
  bool finite_before = false;
  void start(const std::vector<Lex>& lex);
};

// The feature keys of word `i` of a sentence whose words are described by `lex`, given the tags
// of the words before it (`tags[k]`, tag ids + 1, for k < i). Returns how many were written to `out`.
std::size_t tagger_features(const std::vector<Lex>& lex, const std::vector<std::uint16_t>& tags,
                            const TagContext& context, std::size_t i, std::uint64_t* out);

// Tags a sentence from left to right: `score(keys, n, scores)` adds the scores of the classes for
// `n` keys, `decide(i, keys, n, scores)` returns the class chosen for word i. Writes tag ids + 1
// to `tags`.
template <typename Score, typename Decide>
void tag_sentence(const std::vector<Lex>& lex, const TagInfo& info, std::size_t n_classes, const Score& score,
                  const Decide& decide, std::vector<std::uint16_t>& tags, std::vector<std::int32_t>& scores,
                  TagContext& context) {
  tags.assign(lex.size(), 0);
  context.start(lex);
  std::uint64_t keys[kMaxTaggerFeatures];
  for (std::size_t i = 0; i < lex.size(); ++i) {
    const std::size_t n = tagger_features(lex, tags, context, i, keys);
    scores.assign(n_classes, 0);
    score(keys, n, scores.data());
    const std::size_t c = decide(i, keys, n, scores.data());
    tags[i] = static_cast<std::uint16_t>(c + 1);
    context.finite_before = context.finite_before || info.finite(tags[i]);
  }
}

// The best class by `scores`.
inline std::size_t best_class(const std::int32_t* scores, std::size_t n_classes) {
  std::size_t best = 0;
  for (std::size_t c = 1; c < n_classes; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

}  // namespace timeliner::nlp
