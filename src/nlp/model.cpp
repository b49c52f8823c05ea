#include "nlp/model.hpp"

#include "nlp/labeler.hpp"
#include "nlp/parser.hpp"
#include "nlp/tagger.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace timeliner::nlp {
namespace detail {
namespace {

constexpr std::string_view kMagic = "TLNLP001";

template <typename T>
T read_at(std::string_view b, std::size_t at) {
  T v;
  std::memcpy(&v, b.data() + at, sizeof v);
  return v;
}

// Scores a batch of keys: every slot prefetched first, then found and its row prefetched, then the
// rows added. A batch scored in parts (into different scores) is fetched whole first, then added part
// by part.
struct Scorer {
  const Weights& w;
  void operator()(const std::uint64_t* keys, std::size_t n, std::int32_t* scores) const {
    const unsigned char* slots[kMaxBatch];
    fetch(keys, n, slots);
    add(slots, n, scores);
  }
  static constexpr std::size_t kMaxBatch =
      2 * std::max(kMaxParserFeatures, std::max(kMaxLabelerFeatures, kMaxTaggerFeatures));
  void fetch(const std::uint64_t* keys, std::size_t n, const unsigned char** slots) const {
    for (std::size_t j = 0; j < n; ++j) w.prefetch(keys[j]);
    for (std::size_t j = 0; j < n; ++j) {
      slots[j] = w.find(keys[j]);
      w.prefetch_row(slots[j]);
    }
  }
  void add(const unsigned char* const* slots, std::size_t n, std::int32_t* scores) const {
    for (std::size_t j = 0; j < n; ++j) w.add_row(slots[j], scores);
  }
};

}  // namespace

ModelData::ModelData(std::string_view b) {
  auto fail = [](const char* why) { throw std::runtime_error(std::string("not a timeliner model: ") + why); };
  const auto sections = read_sections(b);
  auto section = [&](std::string_view name) {
    const auto it = sections.find(name);
    if (it == sections.end()) fail("a section is missing");
    return it->second;
  };
  meta = section("META");
  const std::string_view t = section("TAGS");
  if (t.size() < 4) fail("bad tags");
  const auto n_tags = read_at<std::uint32_t>(t, 0);
  if (n_tags == 0 || n_tags > 255 || t.size() < 4 + 2ULL * n_tags) fail("bad tags");
  for (std::uint32_t i = 0; i < n_tags; ++i) {
    const auto u = static_cast<std::uint8_t>(t[4 + 2 * i]), x = static_cast<std::uint8_t>(t[5 + 2 * i]);
    if (u >= kUposCount || x >= kXposCount) fail("bad tags");
    tags.emplace_back(static_cast<Upos>(u), static_cast<Xpos>(x));
  }
  const std::string_view r = section("RELS");
  if (r.size() < 4) fail("bad relations");
  const auto n_rels = read_at<std::uint32_t>(r, 0);
  if (n_rels == 0 || n_rels > kRelCount || r.size() < 4 + n_rels) fail("bad relations");
  for (std::uint32_t i = 0; i < n_rels; ++i) {
    const auto x = static_cast<std::uint8_t>(r[4 + i]);
    if (x >= kRelCount) fail("bad relations");
    rels.push_back(static_cast<Rel>(x));
  }
  const std::string_view lk = section("LEXK"), le = section("LEXE");
  const std::size_t slots = lk.size() / 8;
  if (slots == 0 || slots >= (std::size_t{1} << 32) || lk.size() != slots * 8 || le.size() != slots * sizeof(LexEntry))
    fail("bad lexicon");
  // The lexicon's probes end at an empty slot: one must exist.
  bool empty = false;
  for (std::size_t i = 0; i < slots && !empty; ++i) empty = read_at<std::uint64_t>(lk, i * 8) == 0;
  if (!empty) fail("bad lexicon");
  lex =
      LexTable(reinterpret_cast<const std::uint64_t*>(lk.data()), reinterpret_cast<const LexEntry*>(le.data()), slots);
  tag_info.emplace(tags);
  tagger = Weights::view(section("TAGW"));
  parser = Weights::view(section("PARW"));
  labeler = Weights::view(section("LABW"));
  if (tagger.classes() != tags.size() || parser.classes() != kActions || labeler.classes() != rels.size())
    fail("weights of the wrong shape");
  arc_labels = sections.find("PARL") != sections.end();
  root_rel = static_cast<std::size_t>(std::find(rels.begin(), rels.end(), Rel::root) - rels.begin());
}

void ModelData::tag(const std::vector<Lex>& lx, std::vector<std::uint16_t>& out) const {
  std::vector<std::int32_t> scores;
  TagContext context;
  const std::size_t n = tags.size();
  tag_sentence(
      lx, *tag_info, n, Scorer{tagger},
      [n](std::size_t, const std::uint64_t*, std::size_t, const std::int32_t* s) { return best_class(s, n); }, out,
      scores, context);
}

std::vector<int> ModelData::parse(const std::vector<Lex>& lx, const std::vector<std::uint16_t>& t,
                                  PartialTree* arcs) const {
  ParseState s(lx.size());
  PartialTree own;
  PartialTree& tree = arcs ? *arcs : own;
  tree.reset(arc_labels ? lx.size() : 0);
  std::uint64_t keys[2 * kMaxParserFeatures];
  const Scorer score{parser};
  // The scores of the buffer's features, for the states with the same front (Left and Reduce keep it).
  std::int32_t buffer[kActions] = {0, 0, 0, 0};
  std::size_t front = static_cast<std::size_t>(-1);
  while (!s.terminal()) {
    std::size_t nb = 0;
    if (s.front() != front) nb = parser_features(s, lx, t, arc_labels, keys, ParserPart::buffer);
    const std::size_t n = parser_features(s, lx, t, arc_labels, keys + nb, ParserPart::rest);
    const unsigned char* slots[2 * kMaxParserFeatures];
    score.fetch(keys, nb + n, slots);
    if (s.front() != front) {
      front = s.front();
      std::fill(buffer, buffer + kActions, 0);
      score.add(slots, nb, buffer);
    }
    std::int32_t scores[kActions];
    std::copy(buffer, buffer + kActions, scores);
    score.add(slots + nb, n, scores);
    apply(s, tree, best_legal(s, scores), lx, t);
  }
  return finish_tree(s.heads(), lx.size());
}

void ModelData::apply(ParseState& s, PartialTree& tree, Action a, const std::vector<Lex>& lx,
                      const std::vector<std::uint16_t>& t) const {
  if (!arc_labels || a == kShift || a == kReduce) {
    s.apply(a);
    return;
  }
  const int h = a == kLeft ? s.buffer(0) : s.stack(0), d = a == kLeft ? s.stack(0) : s.buffer(0);
  s.apply(a);
  if (h == static_cast<int>(s.size())) {  // the root
    if (root_rel < rels.size()) s.set_label(d, static_cast<std::uint8_t>(root_rel + 1));
    return;
  }
  tree.attach(h, d);
  const auto dd = static_cast<std::size_t>(d);
  const std::size_t c = rels.size();
  if (tree.classes != c || tree.fixed.size() < tree.heads.size() * c) {
    tree.classes = c;
    tree.fixed.assign(tree.heads.size() * c, 0);
  }
  std::int32_t* fixed = tree.fixed.data() + dd * c;
  std::uint64_t keys[2 * kMaxLabelerFeatures];
  const Scorer score{labeler};
  const std::size_t nf = labeler_features(lx, t, tree.heads, tree.deps, tree.rels, dd, keys, LabelerPart::fixed);
  const std::size_t n = labeler_features(lx, t, tree.heads, tree.deps, tree.rels, dd, keys + nf, LabelerPart::tree);
  const unsigned char* slots[2 * kMaxLabelerFeatures];
  score.fetch(keys, nf + n, slots);
  std::fill(fixed, fixed + c, 0);
  score.add(slots, nf, fixed);
  tree.scored[dd] = 1;
  std::int32_t scores[kRelCount] = {};
  std::copy(fixed, fixed + c, scores);
  score.add(slots + nf, n, scores);
  const auto rel = static_cast<std::uint8_t>(best_relation(scores) + 1);
  tree.rels[dd] = rel;
  s.set_label(d, rel);
}

std::size_t ModelData::best_relation(const std::int32_t* scores) const {
  std::size_t best = root_rel == 0 && rels.size() > 1 ? 1 : 0;
  for (std::size_t c = best + 1; c < rels.size(); ++c)
    if (c != root_rel && scores[c] > scores[best]) best = c;
  return best;
}

std::vector<std::uint8_t> ModelData::label(const std::vector<Lex>& lx, const std::vector<std::uint16_t>& t,
                                           const std::vector<int>& heads, const PartialTree* arcs) const {
  const auto deps = dependents_of(heads);
  std::vector<std::uint8_t> out(heads.size(), 0);
  const std::size_t c = rels.size();
  std::vector<std::int32_t> scores(c);
  std::uint64_t keys[kMaxLabelerFeatures];
  const Scorer score{labeler};
  // The tree's root takes the relation root and no other word does (when the model knows the label).
  for (std::size_t d = 0; d < heads.size(); ++d) {
    if (heads[d] == -1 && root_rel < rels.size()) {
      out[d] = static_cast<std::uint8_t>(root_rel + 1);
      continue;
    }
    // A word the parser labeled has the same head here: its fixed features scored then.
    const bool scored =
        arcs && d < arcs->scored.size() && arcs->scored[d] && arcs->classes == c && arcs->heads[d] == heads[d];
    if (scored)
      std::copy(arcs->fixed.begin() + static_cast<std::ptrdiff_t>(d * c),
                arcs->fixed.begin() + static_cast<std::ptrdiff_t>((d + 1) * c), scores.begin());
    else
      std::fill(scores.begin(), scores.end(), 0);
    const std::size_t n =
        labeler_features(lx, t, heads, deps, out, d, keys, scored ? LabelerPart::tree : LabelerPart::all);
    score(keys, n, scores.data());
    out[d] = static_cast<std::uint8_t>(best_relation(scores.data()) + 1);
  }
  return out;
}

}  // namespace detail

std::map<std::string, std::string_view, std::less<>> read_sections(std::string_view b) {
  auto fail = [](const char* why) { throw std::runtime_error(std::string("not a timeliner model: ") + why); };
  if (b.size() < 16 || b.substr(0, 8) != detail::kMagic) fail("bad magic");
  const auto count = detail::read_at<std::uint32_t>(b, 8);
  if (count > 64 || 16 + count * 24ULL > b.size()) fail("bad section table");
  std::map<std::string, std::string_view, std::less<>> sections;
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::size_t at = 16 + i * 24;
    const std::string name(b.substr(at, 4));
    const auto offset = detail::read_at<std::uint64_t>(b, at + 8), size = detail::read_at<std::uint64_t>(b, at + 16);
    if (offset % 8 != 0 || offset > b.size() || size > b.size() - offset) fail("a section out of bounds");
    sections[name] = b.substr(offset, size);
  }
  return sections;
}

std::string write_model(const std::map<std::string, std::string>& sections) {
  auto put = [](std::string& out, auto v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); };
  std::string out(detail::kMagic);
  put(out, static_cast<std::uint32_t>(sections.size()));
  put(out, std::uint32_t{0});
  std::uint64_t offset = 16 + sections.size() * 24;
  std::vector<std::uint64_t> offsets;
  for (const auto& [name, bytes] : sections) {
    if (name.size() != 4) throw std::invalid_argument("a section name is four letters");
    offset = (offset + 7) / 8 * 8;
    out += name;
    put(out, std::uint32_t{0});
    put(out, offset);
    put(out, static_cast<std::uint64_t>(bytes.size()));
    offsets.push_back(offset);
    offset += bytes.size();
  }
  std::size_t k = 0;
  for (const auto& [name, bytes] : sections) {
    out.resize(offsets[k++], '\0');
    out += bytes;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

Model::Model(std::string_view bytes) : data_(std::make_unique<detail::ModelData>(bytes)) {}
Model::~Model() = default;
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;

namespace {

std::uint16_t tag_id(const detail::ModelData& m, const Word& w) {
  for (std::size_t i = 0; i < m.tags.size(); ++i)
    if (m.tags[i].first == w.upos && m.tags[i].second == w.xpos) return static_cast<std::uint16_t>(i + 1);
  // A pair the model never saw: the first tag with that universal part of speech.
  for (std::size_t i = 0; i < m.tags.size(); ++i)
    if (m.tags[i].first == w.upos) return static_cast<std::uint16_t>(i + 1);
  return 1;
}

void run(const detail::ModelData& m, const std::vector<std::string_view>& forms, std::vector<Word>& words, bool tag,
         bool parse) {
  std::vector<Lex> lx;
  std::string scratch;
  describe(forms, m.lex, lx, scratch);
  std::vector<std::uint16_t> tags;
  if (tag) {
    m.tag(lx, tags);
    for (std::size_t i = 0; i < words.size(); ++i) {
      words[i].upos = m.tags[tags[i] - 1u].first;
      words[i].xpos = m.tags[tags[i] - 1u].second;
    }
  } else {
    for (const Word& w : words) tags.push_back(tag_id(m, w));
  }
  if (!parse) return;
  PartialTree arcs;
  const std::vector<int> heads = m.parse(lx, tags, &arcs);
  const std::vector<std::uint8_t> rels = m.label(lx, tags, heads, &arcs);
  for (std::size_t i = 0; i < words.size(); ++i) {
    words[i].head = heads[i];
    words[i].rel = m.rels[rels[i] - 1u];
  }
}

}  // namespace

void Model::tag(const std::vector<std::string_view>& forms, std::vector<Word>& words) const {
  if (forms.size() != words.size()) throw std::invalid_argument("Model::tag: one form per word");
  run(*data_, forms, words, true, false);
}

void Model::parse(const std::vector<std::string_view>& forms, std::vector<Word>& words) const {
  if (forms.size() != words.size()) throw std::invalid_argument("Model::parse: one form per word");
  run(*data_, forms, words, false, true);
}

std::vector<Word> Model::analyze(std::string_view sentence) const {
  std::vector<Word> words = tokenize(sentence);
  std::vector<std::string_view> forms;
  forms.reserve(words.size());
  for (const Word& w : words) forms.push_back(sentence.substr(w.begin, w.end - w.begin));
  run(*data_, forms, words, true, true);
  return words;
}

}  // namespace timeliner::nlp
