// A model file: the tag set, the relations, the lexicon and the weights of the tagger, parser and
// labeler, laid out so that they are read in place (no copy, no parsing beyond checks).
//
// Layout (little-endian): "TLNLP001", u32 section count, u32 0, then per section {char name[4],
// u32 0, u64 offset, u64 size}, then the sections, each at an offset that is a multiple of 8:
//   META  text: what the model is, its licence, the command that made it
//   TAGS  u32 count, then per tag {u8 upos, u8 xpos}
//   RELS  u32 count, then per relation u8
//   LEXK  u64 keys of the lexicon's slots (0: empty; lexicon.hpp's LexTable)
//   LEXE  LexEntry per slot
//   TAGW, PARW, LABW  the weights of the tagger, the parser and the labeler (weights.hpp)
//   PARL  (optional, empty) the parser labels each arc as it makes it and reads the labels
#pragma once

#include "nlp/labeler.hpp"
#include "nlp/lexicon.hpp"
#include "nlp/parser.hpp"
#include "nlp/tagger.hpp"
#include "nlp/weights.hpp"

#include <timeliner/nlp.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace timeliner::nlp {
namespace detail {

class ModelData {
 public:
  explicit ModelData(std::string_view bytes);

  std::string_view meta;
  std::vector<std::pair<Upos, Xpos>> tags;
  std::vector<Rel> rels;
  LexTable lex;
  Weights tagger, parser, labeler;
  std::optional<TagInfo> tag_info;
  // Whether the parser labels its arcs as it makes them (PARL), and the id of the relation root
  // (rels.size() when the model lacks it).
  bool arc_labels = false;
  std::size_t root_rel = 0;

  // The pipeline's steps on described words (lexicon.hpp): tag ids + 1, heads (-1 root), relation
  // ids + 1. With `arcs`, parse() leaves there the arcs it labeled, and label() reads the scores of
  // their fixed features from it instead of scoring them again (the same relations).
  void tag(const std::vector<Lex>& lex, std::vector<std::uint16_t>& tags) const;
  std::vector<int> parse(const std::vector<Lex>& lex, const std::vector<std::uint16_t>& tags,
                         PartialTree* arcs = nullptr) const;
  // Applies action `a` to `s`; with arc_labels, labels the arc it makes (`tree`: the same arcs).
  void apply(ParseState& s, PartialTree& tree, Action a, const std::vector<Lex>& lex,
             const std::vector<std::uint16_t>& tags) const;
  std::vector<std::uint8_t> label(const std::vector<Lex>& lex, const std::vector<std::uint16_t>& tags,
                                  const std::vector<int>& heads, const PartialTree* arcs = nullptr) const;
  // The best relation by the labeler's `scores` (one per relation), never root (root_rel).
  std::size_t best_relation(const std::int32_t* scores) const;
};

}  // namespace detail

// The bytes of a model file made of these sections (name -> bytes), in name order.
std::string write_model(const std::map<std::string, std::string>& sections);
// The sections of a model file's bytes; throws std::runtime_error when they are not a model file.
std::map<std::string, std::string_view, std::less<>> read_sections(std::string_view bytes);

}  // namespace timeliner::nlp
