// Names of the tags and relations.
#include <timeliner/nlp.hpp>

#include <array>
#include <string_view>

namespace timeliner::nlp {
namespace {

constexpr std::array<std::string_view, kUposCount> kUpos = {"ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET",
                                                            "INTJ", "NOUN", "NUM",   "PART",  "PRON",  "PROPN",
                                                            "PUNCT", "SCONJ", "SYM", "VERB", "X"};

constexpr std::array<std::string_view, kXposCount> kXpos = {
    "NN",  "IN",    "DT",  "NNP",  "PRP", "JJ",  ".",   "RB",  "VB",  "NNS", ",",   "CC",  "VBP",
    "VBD", "VBZ",   "CD",  "VBN",  "VBG", "MD",  "TO",  "PRP$", "-RRB-", "-LRB-", "WDT", ":",   "WRB",
    "``",  "WP",    "''",  "RP",   "UH",  "HYPH", "POS", "NNPS", "JJS", "JJR", "NFP", "ADD", "EX",
    "RBR", "GW",    "$",   "SYM",  "PDT", "FW",  "RBS", "LS",  "AFX", "WP$", "XX",  "#"};

constexpr std::array<std::string_view, kRelCount> kRel = {
    "acl",        "acl:relcl",   "advcl",      "advcl:relcl",   "advmod",     "amod",          "appos",
    "aux",        "aux:pass",    "case",       "cc",            "cc:preconj", "ccomp",         "compound",
    "compound:prt", "conj",      "cop",        "csubj",         "csubj:outer", "csubj:pass",   "dep",
    "det",        "det:predet",  "discourse",  "dislocated",    "expl",       "fixed",         "flat",
    "goeswith",   "iobj",        "list",       "mark",          "nmod",       "nmod:desc",     "nmod:poss",
    "nmod:unmarked", "nsubj",    "nsubj:outer", "nsubj:pass",   "nummod",     "obj",           "obl",
    "obl:agent",  "obl:unmarked", "orphan",    "parataxis",     "punct",      "reparandum",    "root",
    "vocative",   "xcomp"};

template <typename E, std::size_t N>
std::optional<E> find(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Upos t) { return kUpos[static_cast<std::size_t>(t)]; }
std::string_view to_string(Xpos t) { return kXpos[static_cast<std::size_t>(t)]; }
std::string_view to_string(Rel r) { return kRel[static_cast<std::size_t>(r)]; }
std::optional<Upos> parse_upos(std::string_view s) { return find<Upos>(kUpos, s); }
std::optional<Xpos> parse_xpos(std::string_view s) { return find<Xpos>(kXpos, s); }
std::optional<Rel> parse_rel(std::string_view s) { return find<Rel>(kRel, s); }

Rel base(Rel r) {
  const std::string_view name = to_string(r);
  const auto colon = name.find(':');
  if (colon == std::string_view::npos) return r;
  return *parse_rel(name.substr(0, colon));
}

}  // namespace timeliner::nlp
