// CoNLL-U: reading treebank files, and scoring a tagger and parser against one.
#pragma once

#include <timeliner/nlp.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace timeliner::nlp::conllu {

// A word of a treebank sentence, with its gold annotation.
struct GoldWord {
  std::string form;
  Upos upos = Upos::x;
  Xpos xpos = Xpos::XX;
  int head = -1;  // index of the head word, -1 for the root
  Rel rel = Rel::dep;
};

// A token of the sentence's text: one word, or a multiword token ("don't") of several.
struct GoldToken {
  std::string form;
  std::size_t first = 0, last = 0;  // its words, [first, last]
  bool space_after = true;
};

struct GoldSentence {
  std::string id;
  std::string text;  // "# text ="
  std::vector<GoldWord> words;
  std::vector<GoldToken> tokens;
};

// Reads a CoNLL-U file's text. Empty nodes ("8.1") are skipped. Throws std::runtime_error naming
// the line of the first malformed one.
std::vector<GoldSentence> read(std::string_view content);

// Writes sentences as CoNLL-U (the words alone, without multiword tokens).
std::string write(const std::vector<GoldSentence>& sentences);

// Scores as the CoNLL 2018 shared task counts (punctuation included).
struct Scores {
  std::size_t gold_words = 0, system_words = 0, aligned = 0;
  std::size_t upos = 0, xpos = 0, uas = 0, las = 0;  // correct among aligned words
  // F1 over words, so that a tokenization that differs from the gold one is scored fairly; with
  // gold tokens it is the accuracy.
  double f1(std::size_t correct) const;
};

// A system's analysis of a sentence's text: its words, their byte spans in `text`, and their annotation.
struct SystemSentence {
  std::vector<Word> words;
};

// Adds the scores of `system` (words of gold.text, with spans) against `gold`: words are aligned
// when they cover the same characters of the text (spaces aside); the words of a multiword token
// by their order in it. Heads count as right when they are aligned with the gold head.
void score(const GoldSentence& gold, const SystemSentence& system, Scores& scores);

// The byte spans of the gold words in gold.text (words of a multiword token share out its span
// when their forms spell it, else each gets the whole token). Throws when the tokens do not spell
// the text.
std::vector<std::pair<std::size_t, std::size_t>> gold_spans(const GoldSentence& gold);

}  // namespace timeliner::nlp::conllu
