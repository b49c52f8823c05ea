// The dependency parser: arc-eager transitions (Nivre 2003), greedy, with the root at the end of
// the buffer (Ballesteros & Nivre 2013), chosen by a linear model over the rich non-local features
// of Zhang & Nivre (2011) and word clusters. The relations of the tree are chosen afterwards, over
// the whole tree, by the labeler; a model may also label each arc as it is made (the labeler on
// the tree built so far) and read those labels as features (Zhang & Nivre's label features).
// Shared with the trainer, which adds a dynamic oracle.
#pragma once

#include "nlp/lexicon.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace timeliner::nlp {

enum Action : std::uint8_t { kShift, kReduce, kLeft, kRight };
inline constexpr std::size_t kActions = 4;

// A parser configuration over words 0..n-1 and the root, n.
class ParseState {
 public:
  explicit ParseState(std::size_t n) { reset(n); }
  void reset(std::size_t n);

  std::size_t size() const { return n_; }
  bool terminal() const { return b_ == n_ && stack_.empty(); }
  bool legal(Action a) const;
  void apply(Action a);

  // Stack from the top (-1 when absent), buffer from its front (n is the root, -1 past it).
  int stack(std::size_t k) const { return k < stack_.size() ? stack_[stack_.size() - 1 - k] : -1; }
  int buffer(std::size_t k) const { return b_ + k <= n_ ? static_cast<int>(b_ + k) : -1; }
  const std::vector<int>& stack_words() const { return stack_; }
  std::size_t front() const { return b_; }
  int head(int w) const { return w < 0 ? -1 : heads_[static_cast<std::size_t>(w)]; }
  // Leftmost and rightmost dependents (-1 when none), and the second ones.
  int left(int w, int k = 0) const { return w < 0 ? -1 : lefts_[static_cast<std::size_t>(w)][k]; }
  int right(int w, int k = 0) const { return w < 0 ? -1 : rights_[static_cast<std::size_t>(w)][k]; }
  int left_count(int w) const { return w < 0 ? 0 : nl_[static_cast<std::size_t>(w)]; }
  int right_count(int w) const { return w < 0 ? 0 : nr_[static_cast<std::size_t>(w)]; }
  // The heads of words 0..n-1 (n for the root), -1 for words left without one.
  const std::vector<int>& heads() const { return heads_; }
  // The relation (id + 1, 0 none) given to word w's arc, and the sets of the relations of its
  // dependents on each side (a bit per relation).
  std::uint64_t label(int w) const { return w < 0 ? 0 : labels_[static_cast<std::size_t>(w)]; }
  std::uint64_t left_labels(int w) const { return w < 0 ? 0 : lsets_[static_cast<std::size_t>(w)]; }
  std::uint64_t right_labels(int w) const { return w < 0 ? 0 : rsets_[static_cast<std::size_t>(w)]; }
  // Gives relation `rel` (id + 1) to the arc of word `d`, which has a head.
  void set_label(int d, std::uint8_t rel);

 private:
  void add_arc(int h, int d);
  std::size_t n_ = 0;
  std::size_t b_ = 0;
  std::vector<int> stack_;
  std::vector<int> heads_;
  std::vector<std::array<int, 2>> lefts_, rights_;
  std::vector<int> nl_, nr_;
  std::vector<std::uint8_t> labels_;
  std::vector<std::uint64_t> lsets_, rsets_;
};

inline constexpr std::size_t kMaxParserFeatures = 128;

// Which of a state's features to write: all; those of the buffer alone (N0, N1, N2 and the word
// before N0: the same in every state with the same front, scored once for them); the others.
enum class ParserPart : std::uint8_t { all, buffer, rest };

// The feature keys of state `s` of a sentence described by `lex` with tags `tags` (tag ids + 1);
// with `labels`, also those of the relations of the arcs made (ParseState::set_label). A part
// writes its keys in the order that `all` writes them.
std::size_t parser_features(const ParseState& s, const std::vector<Lex>& lex, const std::vector<std::uint16_t>& tags,
                            bool labels, std::uint64_t* out, ParserPart part = ParserPart::all);

// The best legal action by `scores`.
inline Action best_legal(const ParseState& s, const std::int32_t* scores) {
  int best = -1;
  for (int a = 0; a < static_cast<int>(kActions); ++a)
    if (s.legal(static_cast<Action>(a)) && (best < 0 || scores[a] > scores[best])) best = a;
  return static_cast<Action>(best);
}

// The heads of a parse whose words were left without one, or with several at the root: the first
// word under the root stays; the others (and the headless) hang on it. Heads are 0..n-1, -1 root.
std::vector<int> finish_tree(const std::vector<int>& heads, std::size_t n);

}  // namespace timeliner::nlp
