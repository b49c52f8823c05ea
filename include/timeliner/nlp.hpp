// The linguistic layer: English words, their parts of speech and a labeled dependency tree.
//
// A sentence is tokenized into words (Universal Dependencies conventions, as the English Web
// Treebank writes them: "don't" is "do" + "n't", "Al-Zaman" is "Al" "-" "Zaman"), tagged with a
// universal and a Penn part of speech, and parsed into a tree of Universal Dependencies relations.
// The tagger and the parser are averaged perceptrons trained by tools/train on UD English EWT
// (CC BY-SA 4.0, see models/README.md); the trained model is bundled into the library and read on
// first use only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace timeliner::nlp {

// Universal part-of-speech tags.
enum class Upos : std::uint8_t {
  adj,
  adp,
  adv,
  aux,
  cconj,
  det,
  intj,
  noun,
  num,
  part,
  pron,
  propn,
  punct,
  sconj,
  sym,
  verb,
  x,
};
inline constexpr std::size_t kUposCount = 17;

// Penn Treebank tags, as the English Web Treebank writes them.
enum class Xpos : std::uint8_t {
  NN, IN, DT, NNP, PRP, JJ, period, RB, VB, NNS, comma, CC, VBP, VBD, VBZ, CD, VBN, VBG, MD, TO,
  PRPS, RRB, LRB, WDT, colon, WRB, open_quote, WP, close_quote, RP, UH, HYPH, POS, NNPS, JJS, JJR,
  NFP, ADD, EX, RBR, GW, dollar, SYM, PDT, FW, RBS, LS, AFX, WPS, XX, hash,
};
inline constexpr std::size_t kXposCount = 51;

// Universal Dependencies relations, with the subtypes the English Web Treebank uses.
enum class Rel : std::uint8_t {
  acl, acl_relcl, advcl, advcl_relcl, advmod, amod, appos, aux, aux_pass, case_, cc, cc_preconj,
  ccomp, compound, compound_prt, conj, cop, csubj, csubj_outer, csubj_pass, dep, det, det_predet,
  discourse, dislocated, expl, fixed, flat, goeswith, iobj, list, mark, nmod, nmod_desc, nmod_poss,
  nmod_unmarked, nsubj, nsubj_outer, nsubj_pass, nummod, obj, obl, obl_agent, obl_unmarked, orphan,
  parataxis, punct, reparandum, root, vocative, xcomp,
};
inline constexpr std::size_t kRelCount = 51;

std::string_view to_string(Upos t);  // "NOUN"
std::string_view to_string(Xpos t);  // "NN", "-LRB-", "PRP$"
std::string_view to_string(Rel r);   // "nsubj:pass"
std::optional<Upos> parse_upos(std::string_view s);
std::optional<Xpos> parse_xpos(std::string_view s);
std::optional<Rel> parse_rel(std::string_view s);

// The relation without its subtype: nsubj for nsubj:pass, nmod for nmod:poss.
Rel base(Rel r);

// A word of a sentence.
struct Word {
  std::size_t begin = 0;  // bytes of the text analysed, [begin, end): the word is that text
  std::size_t end = 0;
  Upos upos = Upos::x;
  Xpos xpos = Xpos::XX;
  int head = -1;  // index of the head word in the sentence, -1 for the root
  Rel rel = Rel::dep;
};

// Splits `text` (one sentence, or any text: spaces and line breaks only separate) into words with
// their byte spans, untagged. Linear in the text.
std::vector<Word> tokenize(std::string_view text);

namespace detail {
class ModelData;
}

// A trained tagger and parser.
class Model {
 public:
  // Reads a model file's bytes (which must outlive the model). Throws std::runtime_error on a
  // file that is not a model of this version.
  explicit Model(std::string_view bytes);
  ~Model();
  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;

  // The English model bundled into the library, read on first use. Thread-safe.
  static const Model& english();

  // Tags `words` (their forms are `forms`, one per word) with upos and xpos.
  void tag(const std::vector<std::string_view>& forms, std::vector<Word>& words) const;
  // Fills head and rel of tagged words. Every word gets a head; exactly one has head -1.
  void parse(const std::vector<std::string_view>& forms, std::vector<Word>& words) const;
  // tokenize, tag and parse one sentence. Read-only: one model may serve any number of threads.
  std::vector<Word> analyze(std::string_view sentence) const;

  const detail::ModelData& data() const { return *data_; }

 private:
  std::unique_ptr<detail::ModelData> data_;
};

}  // namespace timeliner::nlp
