// The relation of each word to its head, chosen once the tree is built: a linear model over the
// words and tags of the word, its head, its head's head, its dependents and the relations already
// given to the words before it. Shared with the trainer.
#pragma once

#include "nlp/lexicon.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace timeliner::nlp {

inline constexpr std::size_t kMaxLabelerFeatures = 96;

// The dependents of each word of a tree (heads: 0..n-1, -1 for the root), in order.
std::vector<std::vector<int>> dependents_of(const std::vector<int>& heads);

// A tree being built arc by arc, as the labeler reads one: heads (-1 for none yet, or the root),
// the dependents of each word in order, the relations (ids + 1) given so far. For the labels of
// the arcs a parser makes (parser.hpp); with the scores of each labeled word's fixed features
// (LabelerPart::fixed), which the labels of the whole tree read again.
struct PartialTree {
  std::vector<int> heads;
  std::vector<std::vector<int>> deps;
  std::vector<std::uint8_t> rels;
  // Per word, whether its fixed features were scored for its head, and their scores (one per
  // relation, `classes` a word: fixed[d * classes] onwards).
  std::vector<std::uint8_t> scored;
  std::vector<std::int32_t> fixed;
  std::size_t classes = 0;
  void reset(std::size_t n);
  // The arc from word `h` to word `d` (both 0..n-1).
  void attach(int h, int d);
};

// Which of a word's features to write: all; those of the word and its head alone (`fixed`: the
// same in any tree where the word has that head, so that the label of an arc the parser makes and
// the label of the word in the whole tree score them once); the others (`tree`).
enum class LabelerPart : std::uint8_t { all, fixed, tree };

// The feature keys of word `d` of a tree, given the relations (ids + 1) of the words before it. A
// part writes its keys in the order that `all` writes them.
std::size_t labeler_features(const std::vector<Lex>& lex, const std::vector<std::uint16_t>& tags,
                             const std::vector<int>& heads, const std::vector<std::vector<int>>& deps,
                             const std::vector<std::uint8_t>& rels, std::size_t d, std::uint64_t* out,
                             LabelerPart part = LabelerPart::all);

}  // namespace timeliner::nlp
