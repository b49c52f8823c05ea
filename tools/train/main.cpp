// timeliner-train: trains and evaluates the tagger and parser of src/nlp on a CoNLL-U treebank.
// See docs/parser.md. Deterministic: the same inputs give the same model, byte for byte.
#include "clusters.hpp"
#include "nlp/conllu.hpp"
#include "nlp/labeler.hpp"
#include "nlp/lexicon.hpp"
#include "nlp/model.hpp"
#include "nlp/parser.hpp"
#include "nlp/tagger.hpp"
#include "perceptron.hpp"

#include <timeliner/nlp.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace timeliner::train {
namespace {

using nlp::conllu::GoldSentence;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<GoldSentence> treebank(const std::string& path) { return nlp::conllu::read(slurp(path)); }

// A fixed, portable pseudo-random sequence (splitmix64).
class Random {
 public:
  explicit Random(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() { return nlp::mix(s_ += 0x9E3779B97F4A7C15ULL); }
  double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[next() % i]);
  }

 private:
  std::uint64_t s_;
};

// ---------------------------------------------------------------------------------------------
// Tokenization against the treebank's text.

int cmd_tokens(const std::vector<std::string>& args) {
  if (args.empty()) throw std::runtime_error("usage: timeliner-train tokens FILE.conllu [-v]");
  const bool verbose = args.size() > 1 && args[1] == "-v";
  const auto gold = treebank(args[0]);
  std::size_t g = 0, s = 0, ok = 0;
  for (const auto& sent : gold) {
    const auto spans = nlp::conllu::gold_spans(sent);
    const auto words = nlp::tokenize(sent.text);
    std::set<std::pair<std::size_t, std::size_t>> want(spans.begin(), spans.end()), got;
    for (const auto& w : words) got.insert({w.begin, w.end});
    g += want.size();
    s += got.size();
    std::size_t here = 0;
    for (const auto& x : got) here += want.count(x);
    ok += here;
    if (verbose && (here != want.size() || here != got.size())) {
      std::string a, b;
      for (const auto& x : want) a += "[" + sent.text.substr(x.first, x.second - x.first) + "]";
      for (const auto& x : got) b += "[" + sent.text.substr(x.first, x.second - x.first) + "]";
      std::cout << "gold " << a << "\nours " << b << "\n\n";
    }
  }
  std::printf("words: gold %zu, ours %zu, same %zu: precision %.2f recall %.2f F1 %.2f\n", g, s, ok, 100.0 * ok / s,
              100.0 * ok / g, 200.0 * ok / (g + s));
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The tag set and the lexicon.

struct TagSet {
  std::vector<std::pair<nlp::Upos, nlp::Xpos>> tags;
  std::map<std::pair<nlp::Upos, nlp::Xpos>, std::uint16_t> id;
  std::uint16_t of(nlp::Upos u, nlp::Xpos x) {
    const auto it = id.find({u, x});
    if (it != id.end()) return it->second;
    const auto n = static_cast<std::uint16_t>(tags.size());
    tags.emplace_back(u, x);
    id[{u, x}] = n;
    return n;
  }
};

// Word clusters: normalised form -> cluster at three granularities (1-based), capital and
// frequency buckets.
using Clusters = std::unordered_map<std::string, std::array<std::uint16_t, 5>>;

Clusters read_clusters(const std::string& path) {
  Clusters out;
  if (path.empty()) return out;
  std::istringstream in(slurp(path));
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string word;
    std::array<std::uint16_t, 5> v{};
    ls >> word;
    for (auto& x : v) {
      unsigned u = 0;
      if (ls >> u) x = static_cast<std::uint16_t>(u);
    }
    out[word] = v;
  }
  return out;
}

struct Lexicon {
  std::vector<std::uint64_t> keys;
  std::vector<nlp::LexEntry> entries;
  nlp::LexTable table() const { return nlp::LexTable(keys.data(), entries.data(), keys.size()); }
};

// Ambiguity classes from the training words: the set of tags a word had, for words seen at least
// `min_count` times (tags under 1% of its uses ignored).
Lexicon build_lexicon(const std::vector<GoldSentence>& train, TagSet& tagset, const Clusters& clusters,
                      std::size_t min_count) {
  std::unordered_map<std::string, std::map<std::uint16_t, std::size_t>> seen;
  std::string norm;
  for (const auto& s : train)
    for (const auto& w : s.words) {
      nlp::normalize(w.form, norm);
      ++seen[norm][tagset.of(w.upos, w.xpos)];
    }
  std::map<std::uint64_t, nlp::LexEntry> all;
  std::map<std::vector<std::uint16_t>, std::uint16_t> classes;
  std::vector<std::string> words;
  for (const auto& [w, tags] : seen) words.push_back(w);
  std::sort(words.begin(), words.end());
  for (const auto& w : words) {
    const auto& tags = seen[w];
    std::size_t total = 0;
    for (const auto& [t, n] : tags) total += n;
    if (total < min_count) continue;
    std::vector<std::uint16_t> set;
    for (const auto& [t, n] : tags)
      if (n * 100 >= total) set.push_back(t);
    auto it = classes.find(set);
    if (it == classes.end()) it = classes.emplace(set, static_cast<std::uint16_t>(classes.size() + 1)).first;
    auto& e = all[nlp::hash_bytes(w)];
    e.ambiguity = it->second;
    std::map<nlp::Xpos, std::size_t> by_xpos;
    for (const auto& [t, n] : tags) by_xpos[tagset.tags[t].second] += n;
    const auto top = std::max_element(by_xpos.begin(), by_xpos.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
    e.major = static_cast<std::uint8_t>(static_cast<int>(top->first) + 1);
  }
  for (const auto& [w, c] : clusters) {
    auto& e = all[nlp::hash_bytes(w)];
    for (int k = 0; k < 3; ++k) e.cluster[k] = c[k];
    e.capital = static_cast<std::uint8_t>(c[3]);
    e.frequency = static_cast<std::uint8_t>(c[4]);
  }
  Lexicon lex;
  // Filled to 80%.
  const std::size_t slots = all.size() * 5 / 4 + 1;
  lex.keys.assign(slots, 0);
  lex.entries.assign(slots, nlp::LexEntry{});
  for (const auto& [key, e] : all) {
    if (key == 0) continue;
    std::size_t i = nlp::home_slot(key, slots);
    while (lex.keys[i] != 0) i = i + 1 == slots ? 0 : i + 1;
    lex.keys[i] = key;
    lex.entries[i] = e;
  }
  return lex;
}

std::vector<std::string_view> forms_of(const GoldSentence& s) {
  std::vector<std::string_view> out;
  for (const auto& w : s.words) out.push_back(w.form);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The tagger.

struct TaggerTrainer {
  TagSet& tagset;
  const nlp::LexTable lex;
  Perceptron model;

  bool first_pass = true;  // features are counted on the first pass
  TaggerTrainer(TagSet& t, const nlp::LexTable& l) : tagset(t), lex(l), model(t.tags.size()) {}

  void epoch(std::vector<const GoldSentence*> sentences, Random& rng) {
    rng.shuffle(sentences);
    std::vector<nlp::Lex> lx;
    std::string scratch;
    std::vector<std::uint16_t> tags;
    std::vector<std::int32_t> scores;
    nlp::TagContext context;
    const nlp::TagInfo info(tagset.tags);
    const std::size_t n_classes = model.classes();
    for (const GoldSentence* s : sentences) {
      nlp::describe(forms_of(*s), lex, lx, scratch);
      nlp::tag_sentence(
          lx, info, n_classes,
          [&](const std::uint64_t* keys, std::size_t n, std::int32_t* sc) { model.score(keys, n, sc); },
          [&](std::size_t i, const std::uint64_t* keys, std::size_t n, const std::int32_t* sc) {
            const std::size_t guess = nlp::best_class(sc, n_classes);
            const std::size_t gold = tagset.of(s->words[i].upos, s->words[i].xpos);
            if (first_pass) model.observe(keys, n);
            model.learn(keys, n, gold, guess);
            model.tick();
            return guess;
          },
          tags, scores, context);
    }
  }
};

// Tags with frozen weights.
struct FrozenTagger {
  const TagSet& tagset;
  nlp::LexTable lex;
  nlp::Weights weights;
  void tag(const std::vector<std::string_view>& forms, std::vector<std::uint16_t>& tags) const {
    std::vector<nlp::Lex> lx;
    std::string scratch;
    std::vector<std::int32_t> scores;
    nlp::TagContext context;
    const nlp::TagInfo info(tagset.tags);
    const std::size_t n = tagset.tags.size();
    nlp::describe(forms, lex, lx, scratch);
    nlp::tag_sentence(
        lx, info, n,
        [&](const std::uint64_t* keys, std::size_t k, std::int32_t* s) {
          for (std::size_t j = 0; j < k; ++j) weights.add(keys[j], s);
        },
        [n](std::size_t, const std::uint64_t*, std::size_t, const std::int32_t* s) { return nlp::best_class(s, n); },
        tags, scores, context);
  }
};

std::string frozen_bytes;  // keeps the last frozen weights alive (experiments)

double tag_accuracy(const FrozenTagger& t, const std::vector<GoldSentence>& gold, double* xpos_acc = nullptr) {
  std::size_t ok = 0, ok_x = 0, all = 0;
  std::vector<std::uint16_t> tags;
  for (const auto& s : gold) {
    t.tag(forms_of(s), tags);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const auto& [u, x] = t.tagset.tags[tags[i] - 1];
      ok += u == s.words[i].upos;
      ok_x += x == s.words[i].xpos;
      ++all;
    }
  }
  if (xpos_acc) *xpos_acc = 100.0 * ok_x / all;
  if (std::getenv("TL_CONFUSIONS")) {
    std::map<std::pair<std::string, std::string>, int> conf;
    std::map<std::string, int> words;
    for (const auto& s : gold) {
      t.tag(forms_of(s), tags);
      for (std::size_t i = 0; i < s.words.size(); ++i) {
        const auto& [u, x] = t.tagset.tags[tags[i] - 1];
        if (u != s.words[i].upos) {
          ++conf[{std::string(nlp::to_string(s.words[i].upos)), std::string(nlp::to_string(u))}];
          ++words[s.words[i].form + " " + std::string(nlp::to_string(s.words[i].upos)) + "->" +
                  std::string(nlp::to_string(u))];
        }
      }
    }
    std::vector<std::pair<int, std::string>> top;
    for (const auto& [k, v] : conf) top.emplace_back(v, k.first + " -> " + k.second);
    std::sort(top.rbegin(), top.rend());
    for (std::size_t i = 0; i < top.size() && i < 25; ++i)
      std::printf("  %4d %s\n", top[i].first, top[i].second.c_str());
    top.clear();
    for (const auto& [k, v] : words) top.emplace_back(v, k);
    std::sort(top.rbegin(), top.rend());
    for (std::size_t i = 0; i < top.size() && i < 40; ++i)
      std::printf("  %4d %s\n", top[i].first, top[i].second.c_str());
  }
  return 100.0 * ok / all;
}

struct Options {
  std::map<std::string, std::string> named;
  std::string get(const std::string& k, const std::string& def = "") const {
    const auto it = named.find(k);
    return it == named.end() ? def : it->second;
  }
};

Options parse_options(const std::vector<std::string>& args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!args[i].starts_with("--") || i + 1 >= args.size()) throw std::runtime_error("bad option " + args[i]);
    o.named[args[i].substr(2)] = args[i + 1];
    ++i;
  }
  return o;
}

int cmd_tagger(const std::vector<std::string>& args) {
  const Options o = parse_options(args);
  const auto train = treebank(o.get("train"));
  const auto dev = treebank(o.get("dev"));
  const int iterations = std::stoi(o.get("iterations", "10"));
  const auto min_count = static_cast<std::uint32_t>(std::stoul(o.get("min-count", "1")));
  TagSet tagset;
  for (const auto& s : train)
    for (const auto& w : s.words) tagset.of(w.upos, w.xpos);
  const Clusters clusters = read_clusters(o.get("clusters"));
  const Lexicon lexicon = build_lexicon(train, tagset, clusters, std::stoul(o.get("min-amb", "3")));
  TaggerTrainer trainer(tagset, lexicon.table());
  Random rng(1);
  std::vector<const GoldSentence*> all;
  for (const auto& s : train) all.push_back(&s);
  for (int it = 1; it <= iterations; ++it) {
    const auto t0 = std::chrono::steady_clock::now();
    trainer.epoch(all, rng);
    trainer.first_pass = false;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::istringstream levels(it == iterations ? o.get("levels", "32767") : "32767");
    for (double l; levels >> l;) {
      frozen_bytes = nlp::Weights::build(trainer.model.averaged(min_count), tagset.tags.size(), l);
      FrozenTagger frozen{tagset, lexicon.table(), nlp::Weights::view(frozen_bytes)};
      double xacc = 0;
      const double acc = tag_accuracy(frozen, dev, &xacc);
      std::printf("iteration %d: dev UPOS %.2f XPOS %.2f (%zu features, levels %g: %zu bytes, %.1f s)\n", it, acc, xacc,
                  trainer.model.features(), l, frozen_bytes.size(), secs);
      std::fflush(stdout);
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The parser and the labeler.

// The dynamic oracle of arc-eager (Goldberg & Nivre 2012, 2013): how many gold arcs action `a`
// makes unreachable from state `s`. `gold`: the gold head of each word, n for the root.
int cost(const nlp::ParseState& s, nlp::Action a, const std::vector<int>& gold) {
  const int n = static_cast<int>(s.size());
  const int b = static_cast<int>(s.front());
  const int top = s.stack(0);
  const auto& stack = s.stack_words();
  int c = 0;
  switch (a) {
    case nlp::kLeft:
      for (int k = b; k < n; ++k) c += gold[static_cast<std::size_t>(k)] == top;
      c += gold[static_cast<std::size_t>(top)] > b;
      break;
    case nlp::kRight: {
      const int h = gold[static_cast<std::size_t>(b)];
      if (h != top) {
        if (h > b) ++c;
        for (int k : stack) c += k == h;
      }
      for (int k : stack) c += gold[static_cast<std::size_t>(k)] == b && s.head(k) < 0;
      break;
    }
    case nlp::kReduce:
      for (int k = b; k < n; ++k) c += gold[static_cast<std::size_t>(k)] == top;
      break;
    case nlp::kShift: {
      const int h = gold[static_cast<std::size_t>(b)];
      for (int k : stack) c += (gold[static_cast<std::size_t>(k)] == b && s.head(k) < 0) + (k == h);
      break;
    }
  }
  return c;
}

struct ParserTrainer {
  Perceptron model{nlp::kActions};
  bool first_pass = true;
  double explore = 0.9;
  // The model whose labeler labels the arcs when it has arc_labels (its parser is not used).
  const nlp::detail::ModelData* labels = nullptr;

  // One pass; `tags[i]`: the (predicted) tags of sentence i. `dynamic`: follow the model's own
  // mistakes with probability `explore` (from the second pass on).
  void epoch(const std::vector<GoldSentence>& train, const std::vector<std::vector<std::uint16_t>>& tags,
             const nlp::LexTable& lex, Random& rng, bool dynamic) {
    std::vector<std::size_t> order(train.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    rng.shuffle(order);
    std::vector<nlp::Lex> lx;
    std::string scratch;
    std::uint64_t keys[nlp::kMaxParserFeatures];
    for (std::size_t idx : order) {
      const GoldSentence& g = train[idx];
      const std::size_t n = g.words.size();
      std::vector<int> gold(n);
      for (std::size_t i = 0; i < n; ++i) gold[i] = g.words[i].head < 0 ? static_cast<int>(n) : g.words[i].head;
      nlp::describe(forms_of(g), lex, lx, scratch);
      nlp::ParseState s(n);
      nlp::PartialTree tree;
      tree.reset(n);
      while (!s.terminal()) {
        const std::size_t nf = nlp::parser_features(s, lx, tags[idx], labels->arc_labels, keys);
        std::int32_t scores[nlp::kActions] = {0, 0, 0, 0};
        model.score(keys, nf, scores);
        const nlp::Action guess = nlp::best_legal(s, scores);
        int costs[nlp::kActions];
        int least = 1 << 30;
        for (int a = 0; a < static_cast<int>(nlp::kActions); ++a) {
          costs[a] = s.legal(static_cast<nlp::Action>(a)) ? cost(s, static_cast<nlp::Action>(a), gold) : 1 << 30;
          least = std::min(least, costs[a]);
        }
        int best = -1;  // the best-scoring action of least cost
        for (int a = 0; a < static_cast<int>(nlp::kActions); ++a)
          if (costs[a] == least && (best < 0 || scores[a] > scores[best])) best = a;
        if (first_pass) model.observe(keys, nf);
        model.learn(keys, nf, static_cast<std::size_t>(best), guess);
        model.tick();
        const bool follow_guess = costs[guess] == least || (dynamic && rng.uniform() < explore);
        labels->apply(s, tree, follow_guess ? guess : static_cast<nlp::Action>(best), lx, tags[idx]);
      }
    }
  }
};

struct LabelerTrainer {
  Perceptron model{nlp::kRelCount};
  bool first_pass = true;

  void epoch(const std::vector<GoldSentence>& train, const std::vector<std::vector<std::uint16_t>>& tags,
             const nlp::LexTable& lex, Random& rng) {
    std::vector<std::size_t> order(train.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    rng.shuffle(order);
    std::vector<nlp::Lex> lx;
    std::string scratch;
    std::uint64_t keys[nlp::kMaxLabelerFeatures];
    std::vector<std::int32_t> scores;
    for (std::size_t idx : order) {
      const GoldSentence& g = train[idx];
      std::vector<int> heads;
      for (const auto& w : g.words) heads.push_back(w.head);
      nlp::describe(forms_of(g), lex, lx, scratch);
      const auto deps = nlp::dependents_of(heads);
      std::vector<std::uint8_t> rels(heads.size(), 0);
      for (std::size_t d = 0; d < heads.size(); ++d) {
        const std::size_t nf = nlp::labeler_features(lx, tags[idx], heads, deps, rels, d, keys);
        scores.assign(nlp::kRelCount, 0);
        model.score(keys, nf, scores.data());
        std::size_t guess = 0;
        for (std::size_t c = 1; c < scores.size(); ++c)
          if (scores[c] > scores[guess]) guess = c;
        const auto gold = static_cast<std::size_t>(g.words[d].rel);
        if (first_pass) model.observe(keys, nf);
        model.learn(keys, nf, gold, guess);
        model.tick();
        rels[d] = static_cast<std::uint8_t>(guess + 1);
      }
    }
  }
};

std::string tags_section(const TagSet& t) {
  std::string out;
  const auto n = static_cast<std::uint32_t>(t.tags.size());
  out.append(reinterpret_cast<const char*>(&n), 4);
  for (const auto& [u, x] : t.tags) {
    out += static_cast<char>(u);
    out += static_cast<char>(x);
  }
  return out;
}

std::string rels_section() {
  std::string out;
  const auto n = static_cast<std::uint32_t>(nlp::kRelCount);
  out.append(reinterpret_cast<const char*>(&n), 4);
  for (std::size_t r = 0; r < nlp::kRelCount; ++r) out += static_cast<char>(r);
  return out;
}

struct Parts {
  std::string meta, tagger, parser, labeler;
  bool arc_labels = false;  // --arc-labels yes: the parser labels its arcs (PARL)
};

std::string model_bytes(const TagSet& t, const Lexicon& lex, const Parts& p) {
  std::map<std::string, std::string> sections;
  sections["META"] = p.meta;
  sections["TAGS"] = tags_section(t);
  sections["RELS"] = rels_section();
  sections["LEXK"] = std::string(reinterpret_cast<const char*>(lex.keys.data()), lex.keys.size() * 8);
  sections["LEXE"] =
      std::string(reinterpret_cast<const char*>(lex.entries.data()), lex.entries.size() * sizeof(nlp::LexEntry));
  sections["TAGW"] = p.tagger;
  sections["PARW"] = p.parser;
  sections["LABW"] = p.labeler;
  if (p.arc_labels) sections["PARL"] = "";
  return nlp::write_model(sections);
}

// A model's scores on a treebank: from its gold words, and from the words of its text.
struct Evaluation {
  nlp::conllu::Scores gold, raw;
  double seconds_gold = 0, seconds_raw = 0;
  std::size_t sentences = 0;
};

Evaluation evaluate(const nlp::Model& model, const std::vector<GoldSentence>& gold, bool raw) {
  Evaluation e;
  e.sentences = gold.size();
  // Processor time, not wall time: the machine may be shared.
  auto t0 = std::clock();
  std::vector<nlp::conllu::SystemSentence> out(gold.size());
  for (std::size_t i = 0; i < gold.size(); ++i) {
    const auto forms = forms_of(gold[i]);
    std::vector<nlp::Word> words(forms.size());
    model.tag(forms, words);
    model.parse(forms, words);
    out[i].words = std::move(words);
  }
  e.seconds_gold = static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    // Gold words: aligned one to one.
    const auto spans = nlp::conllu::gold_spans(gold[i]);
    for (std::size_t k = 0; k < spans.size(); ++k) {
      out[i].words[k].begin = spans[k].first;
      out[i].words[k].end = spans[k].second;
    }
    nlp::conllu::score(gold[i], out[i], e.gold);
  }
  if (!raw) return e;
  t0 = std::clock();
  for (std::size_t i = 0; i < gold.size(); ++i) out[i].words = model.analyze(gold[i].text);
  e.seconds_raw = static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
  for (std::size_t i = 0; i < gold.size(); ++i) nlp::conllu::score(gold[i], out[i], e.raw);
  return e;
}

void print_scores(const char* what, const nlp::conllu::Scores& s) {
  std::printf("%s: words %.2f UPOS %.2f XPOS %.2f UAS %.2f LAS %.2f\n", what, 100 * s.f1(s.aligned), 100 * s.f1(s.upos),
              100 * s.f1(s.xpos), 100 * s.f1(s.uas), 100 * s.f1(s.las));
}

std::vector<std::vector<std::uint16_t>> tag_all(const TaggerTrainer& t, const std::string& weights,
                                                const Lexicon& lexicon, const std::vector<GoldSentence>& sents,
                                                const std::vector<std::size_t>& which) {
  FrozenTagger frozen{t.tagset, lexicon.table(), nlp::Weights::view(weights)};
  std::vector<std::vector<std::uint16_t>> out(sents.size());
  for (std::size_t i : which) frozen.tag(forms_of(sents[i]), out[i]);
  return out;
}

void oracle_scores(const nlp::Model& model, const std::vector<GoldSentence>& gold);

// The averaged weights of a perceptron before pruning and quantization, and how often each
// feature was seen on the first pass.
struct Raw {
  std::size_t classes = 0;
  std::vector<std::pair<std::uint64_t, nlp::Weights::Row>> rows;
  std::vector<std::uint32_t> seen;  // per row
  static Raw of(const Perceptron& p) {
    Raw r;
    r.classes = p.classes();
    r.rows = p.averaged(1);
    for (const auto& [key, row] : r.rows) r.seen.push_back(p.seen(key));
    return r;
  }
  // The table of the features seen at least `min_count` times.
  std::string table(std::uint32_t min_count) const {
    std::vector<std::pair<std::uint64_t, nlp::Weights::Row>> kept;
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (min_count <= 1 || seen[i] >= min_count) kept.push_back(rows[i]);
    return nlp::Weights::build(kept, classes);
  }
};

// Raw weights in a file (native byte order: a file for the next step, not for keeping).
void save_raw(const std::array<Raw, 3>& parts, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  auto put = [&](auto v) { out.write(reinterpret_cast<const char*>(&v), sizeof v); };
  for (const Raw& r : parts) {
    put(static_cast<std::uint64_t>(r.classes));
    put(static_cast<std::uint64_t>(r.rows.size()));
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
      put(r.rows[i].first);
      put(r.seen[i]);
      put(static_cast<std::uint32_t>(r.rows[i].second.size()));
      for (const auto& [c, v] : r.rows[i].second) {
        put(c);
        put(v);
      }
    }
  }
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::array<Raw, 3> load_raw(const std::string& path) {
  const std::string b = slurp(path);
  std::size_t at = 0;
  auto get = [&](auto& v) {
    if (at + sizeof v > b.size()) throw std::runtime_error(path + ": cut short");
    std::memcpy(&v, b.data() + at, sizeof v);
    at += sizeof v;
  };
  std::array<Raw, 3> parts;
  for (Raw& r : parts) {
    std::uint64_t classes = 0, n = 0;
    get(classes);
    get(n);
    r.classes = classes;
    for (std::uint64_t i = 0; i < n; ++i) {
      std::uint64_t key = 0;
      std::uint32_t seen = 0, size = 0;
      get(key);
      get(seen);
      get(size);
      nlp::Weights::Row row(size);
      for (auto& [c, v] : row) {
        get(c);
        get(v);
      }
      r.rows.emplace_back(key, std::move(row));
      r.seen.push_back(seen);
    }
  }
  return parts;
}

constexpr const char* kCounts = "1 2 3 4 6 8 12 16";

// Of the models within `budget` bytes whose tagger, parser and labeler leave out the features seen
// fewer times than one of `counts` on the first pass, the best on dev (LAS, then UAS); for each
// pruning of the tagger and the parser, the least pruned labeler that fits.
Parts choose(const TagSet& tagset, const Lexicon& lexicon, const Parts& parts, const std::array<Raw, 3>& raw,
             const std::vector<GoldSentence>& dev, std::size_t budget, const std::string& counts_text) {
  std::vector<std::uint32_t> counts;
  std::istringstream in(counts_text);
  for (std::uint32_t c; in >> c;) counts.push_back(c);
  std::vector<std::string> tw, pw, lw;
  for (const std::uint32_t c : counts) {
    tw.push_back(raw[0].table(c));
    pw.push_back(raw[1].table(c));
    lw.push_back(raw[2].table(c));
  }
  double best_las = -1, best_uas = -1;
  Parts best = parts;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    for (std::size_t p = 0; p < counts.size(); ++p) {
      Parts tried = parts;
      tried.tagger = tw[t];
      tried.parser = pw[p];
      std::string b;
      std::size_t l = 0;
      for (; l < counts.size(); ++l) {
        tried.labeler = lw[l];
        b = model_bytes(tagset, lexicon, tried);
        if (b.size() <= budget) break;
      }
      if (l == counts.size()) continue;
      const nlp::Model m(b);
      const auto e = evaluate(m, dev, false);
      const double las = e.gold.f1(e.gold.las), uas = e.gold.f1(e.gold.uas);
      std::printf("counts: tagger %u, parser %u, labeler %u: %zu bytes; ", counts[t], counts[p], counts[l], b.size());
      print_scores("dev", e.gold);
      std::fflush(stdout);
      if (las > best_las || (las == best_las && uas > best_uas)) {
        best_las = las;
        best_uas = uas;
        best = tried;
      }
    }
  }
  if (best_las < 0) throw std::runtime_error("no model within the budget");
  return best;
}

// pack: the model from the raw weights of a training (--save-raw), with the same --train,
// --clusters, --dev, --max-bytes, --counts, --meta and --out as train.
int cmd_pack(const std::vector<std::string>& args) {
  const Options o = parse_options(args);
  const auto train = treebank(o.get("train"));
  const auto dev = treebank(o.get("dev"));
  TagSet tagset;
  for (const auto& s : train)
    for (const auto& w : s.words) tagset.of(w.upos, w.xpos);
  const Lexicon lexicon = build_lexicon(train, tagset, read_clusters(o.get("clusters")), 3);
  const auto raw = load_raw(o.get("raw"));
  Parts parts;
  parts.meta = o.get("meta", "timeliner tagger and parser");
  parts.arc_labels = o.get("arc-labels") == "yes";
  parts =
      choose(tagset, lexicon, parts, raw, dev, std::stoull(o.get("max-bytes", "16000000")), o.get("counts", kCounts));
  const std::string bytes = model_bytes(tagset, lexicon, parts);
  std::ofstream out(o.get("out"), std::ios::binary);
  if (!out || !out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    throw std::runtime_error("cannot write " + o.get("out"));
  std::fprintf(stderr, "model: %zu bytes\n", bytes.size());
  return 0;
}

int cmd_train(const std::vector<std::string>& args) {
  const Options o = parse_options(args);
  const auto train = treebank(o.get("train"));
  const auto dev = o.get("dev").empty() ? std::vector<GoldSentence>{} : treebank(o.get("dev"));
  const int tagger_iterations = std::stoi(o.get("tagger-iterations", "12"));
  const int parser_iterations = std::stoi(o.get("parser-iterations", "15"));
  const int labeler_iterations = std::stoi(o.get("labeler-iterations", "10"));
  const std::size_t folds = std::stoul(o.get("folds", "5"));
  // Features of the parser and labeler seen fewer times than this on the first pass are left out of
  // the model (the size budget, docs/parser.md); --tagger-min-count does the same for the tagger.
  const auto min_count = static_cast<std::uint32_t>(std::stoul(o.get("min-count", "1")));
  const auto tagger_min_count = static_cast<std::uint32_t>(std::stoul(o.get("tagger-min-count", "1")));
  TagSet tagset;
  for (const auto& s : train)
    for (const auto& w : s.words) tagset.of(w.upos, w.xpos);
  const Clusters clusters = read_clusters(o.get("clusters"));
  const Lexicon lexicon = build_lexicon(train, tagset, clusters, 3);
  auto log = [](const std::string& m) {
    std::fprintf(stderr, "%s\n", m.c_str());
    std::fflush(stderr);
  };
  std::vector<const GoldSentence*> all;
  for (const auto& s : train) all.push_back(&s);
  auto train_tagger = [&](const std::vector<const GoldSentence*>& on) {
    TaggerTrainer t(tagset, lexicon.table());
    Random rng(1);
    for (int it = 1; it <= tagger_iterations; ++it) {
      t.epoch(on, rng);
      t.first_pass = false;
    }
    return std::pair(std::move(t), nlp::Weights::build(t.model.averaged(tagger_min_count), tagset.tags.size()));
  };
  Parts parts;
  parts.meta = o.get("meta", "timeliner tagger and parser");
  // --reuse FILE --stages labeler: the other parts from a model made before with the same data.
  const std::string stages = o.get("stages", "tagger,parser,labeler");
  auto stage = [&](const std::string& name) { return stages.find(name) != std::string::npos; };
  std::string reused;
  if (!o.get("reuse").empty()) {
    reused = slurp(o.get("reuse"));
    const auto sections = nlp::read_sections(reused);
    parts.tagger = std::string(sections.at("TAGW"));
    parts.parser = std::string(sections.at("PARW"));
    parts.labeler = std::string(sections.at("LABW"));
  }
  // The tagger, on all the training words.
  // It and the jackknife's taggers below are independent: each is trained on a thread of its own
  // (the same model as one after the other, sooner).
  std::thread tagger_thread;
  std::unique_ptr<TaggerTrainer> tagger;  // kept for the choice of pruning
  if (stage("tagger")) {
    tagger_thread = std::thread([&] {
      auto [t, w] = train_tagger(all);
      parts.tagger = std::move(w);
      log("tagger: " + std::to_string(t.model.features()) + " features, " + std::to_string(parts.tagger.size()) +
          " bytes");
      tagger = std::make_unique<TaggerTrainer>(std::move(t));
    });
  }
  // The parser learns from tags as the tagger gives them on text it never saw: each fold tagged by
  // a tagger trained on the others.
  std::vector<std::vector<std::uint16_t>> tags(train.size());
  const std::string cache = o.get("tags-cache");
  if (!cache.empty() && std::filesystem::exists(cache)) {
    std::istringstream in(slurp(cache));
    for (auto& t : tags) {
      std::size_t n = 0;
      in >> n;
      t.resize(n);
      for (auto& x : t) in >> x;
    }
    log("jackknife: tags read from " + cache);
  } else if (folds <= 1) {
    TagSet& ts = tagset;
    for (std::size_t i = 0; i < train.size(); ++i)
      for (const auto& w : train[i].words) tags[i].push_back(static_cast<std::uint16_t>(ts.of(w.upos, w.xpos) + 1));
  } else {
    std::mutex done;
    std::vector<std::thread> workers;
    for (std::size_t f = 0; f < folds; ++f) {
      workers.emplace_back([&, f] {
        std::vector<const GoldSentence*> rest;
        std::vector<std::size_t> held;
        for (std::size_t i = 0; i < train.size(); ++i) {
          if (i % folds == f)
            held.push_back(i);
          else
            rest.push_back(&train[i]);
        }
        auto [t, w] = train_tagger(rest);
        auto part = tag_all(t, w, lexicon, train, held);
        const std::lock_guard lock(done);
        for (std::size_t i : held) tags[i] = std::move(part[i]);
        log("jackknife: fold " + std::to_string(f + 1) + " of " + std::to_string(folds) + " tagged");
      });
    }
    for (auto& w : workers) w.join();
    if (!cache.empty()) {
      std::ofstream out(cache);
      for (const auto& t : tags) {
        out << t.size();
        for (auto x : t) out << ' ' << x;
        out << '\n';
      }
    }
  }
  if (tagger_thread.joinable()) tagger_thread.join();
  // The labeler, on gold trees.
  LabelerTrainer labeler;
  if (stage("labeler")) {
    Random rng(3);
    for (int it = 1; it <= labeler_iterations; ++it) {
      labeler.epoch(train, tags, lexicon.table(), rng);
      labeler.first_pass = false;
    }
    parts.labeler = nlp::Weights::build(labeler.model.averaged(min_count), nlp::kRelCount);
    log("labeler: " + std::to_string(labeler.model.features()) + " features, " + std::to_string(parts.labeler.size()) +
        " bytes");
  }
  parts.arc_labels = o.get("arc-labels") == "yes";
  // The model whose labeler labels the parser's arcs in training (any parser table will do).
  Parts for_labels = parts;
  if (for_labels.parser.empty()) for_labels.parser = nlp::Weights::build({}, nlp::kActions);
  const std::string label_bytes = stage("parser") ? model_bytes(tagset, lexicon, for_labels) : std::string();
  const std::optional<nlp::Model> label_model =
      stage("parser") ? std::optional<nlp::Model>(std::in_place, label_bytes) : std::nullopt;
  ParserTrainer parser;
  parser.explore = std::stod(o.get("explore", "0.9"));
  if (label_model) parser.labels = &label_model->data();
  Random rng(2);
  for (int it = 1; it <= (stage("parser") ? parser_iterations : 0); ++it) {
    const auto t0 = std::chrono::steady_clock::now();
    parser.epoch(train, tags, lexicon.table(), rng, it > 1);
    parser.first_pass = false;
    parts.parser = nlp::Weights::build(parser.model.averaged(min_count), nlp::kActions);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::string line = "parser: iteration " + std::to_string(it) + ", " + std::to_string(parser.model.features()) +
                       " features, " + std::to_string(parts.parser.size()) + " bytes, " +
                       std::to_string(static_cast<int>(secs)) + " s";
    if (!dev.empty()) {
      const std::string bytes = model_bytes(tagset, lexicon, parts);
      const nlp::Model m(bytes);
      const auto e = evaluate(m, dev, false);
      char buf[160];
      std::snprintf(buf, sizeof buf, "; dev UPOS %.2f UAS %.2f LAS %.2f", 100 * e.gold.f1(e.gold.upos),
                    100 * e.gold.f1(e.gold.uas), 100 * e.gold.f1(e.gold.las));
      line += buf;
    }
    log(line);
  }
  // --sweep "1 2 4 8": the parser and labeler pruned at each of these counts, on dev.
  if (!o.get("sweep").empty() && !dev.empty() && stage("parser") && stage("labeler")) {
    std::istringstream counts(o.get("sweep"));
    for (std::uint32_t mc; counts >> mc;) {
      Parts tried = parts;
      tried.parser = nlp::Weights::build(parser.model.averaged(mc), nlp::kActions);
      tried.labeler = nlp::Weights::build(labeler.model.averaged(mc), nlp::kRelCount);
      const std::string b = model_bytes(tagset, lexicon, tried);
      const nlp::Model m(b);
      const auto e = evaluate(m, dev, false);
      std::printf("min count %u: parser %zu bytes, labeler %zu bytes, model %zu bytes; ", mc, tried.parser.size(),
                  tried.labeler.size(), b.size());
      print_scores("dev", e.gold);
      std::fflush(stdout);
    }
  }
  if (tagger && stage("parser") && stage("labeler")) {
    const std::array<Raw, 3> raw{Raw::of(tagger->model), Raw::of(parser.model), Raw::of(labeler.model)};
    // --save-raw FILE: the averaged weights before pruning and quantization, for `pack`.
    if (!o.get("save-raw").empty()) save_raw(raw, o.get("save-raw"));
    if (!o.get("max-bytes").empty() && !dev.empty())
      parts = choose(tagset, lexicon, parts, raw, dev, std::stoull(o.get("max-bytes")), o.get("counts", kCounts));
  }
  const std::string bytes = model_bytes(tagset, lexicon, parts);
  if (!dev.empty()) {
    const nlp::Model m(bytes);
    const auto e = evaluate(m, dev, false);
    print_scores("dev", e.gold);
  }
  std::ofstream out(o.get("out"), std::ios::binary);
  if (!out || !out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    throw std::runtime_error("cannot write " + o.get("out"));
  log("model: " + std::to_string(bytes.size()) + " bytes");
  return 0;
}

// Scores of the parser with gold tags, and of the labeler on gold trees (with predicted tags).
void oracle_scores(const nlp::Model& model, const std::vector<GoldSentence>& gold) {
  nlp::conllu::Scores with_tags, with_trees;
  std::map<std::pair<nlp::Rel, nlp::Rel>, int> confusions;
  const auto& m = model.data();
  for (const auto& g : gold) {
    const auto forms = forms_of(g);
    std::vector<nlp::Word> words(forms.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
      words[i].upos = g.words[i].upos;
      words[i].xpos = g.words[i].xpos;
    }
    model.parse(forms, words);
    nlp::conllu::SystemSentence s{words};
    const auto spans = nlp::conllu::gold_spans(g);
    for (std::size_t k = 0; k < spans.size(); ++k) {
      s.words[k].begin = spans[k].first;
      s.words[k].end = spans[k].second;
    }
    nlp::conllu::score(g, s, with_tags);
    std::vector<nlp::Lex> lx;
    std::string scratch;
    nlp::describe(forms, m.lex, lx, scratch);
    std::vector<std::uint16_t> tags;
    m.tag(lx, tags);
    std::vector<int> heads;
    for (const auto& w : g.words) heads.push_back(w.head);
    const auto rels = m.label(lx, tags, heads);
    for (std::size_t k = 0; k < heads.size(); ++k) {
      s.words[k].head = heads[k];
      s.words[k].rel = m.rels[rels[k] - 1u];
      if (s.words[k].rel != g.words[k].rel) ++confusions[{g.words[k].rel, s.words[k].rel}];
    }
    nlp::conllu::score(g, s, with_trees);
  }
  print_scores("gold tags ", with_tags);
  print_scores("gold trees", with_trees);
  std::vector<std::pair<int, std::pair<nlp::Rel, nlp::Rel>>> top;
  for (const auto& [k, v] : confusions) top.emplace_back(v, k);
  std::sort(top.rbegin(), top.rend());
  for (std::size_t i = 0; i < top.size() && i < 30; ++i)
    std::printf("  %4d gold %s, ours %s\n", top[i].first, std::string(nlp::to_string(top[i].second.first)).c_str(),
                std::string(nlp::to_string(top[i].second.second)).c_str());
}

int cmd_eval(const std::vector<std::string>& args) {
  const Options o = parse_options(args);
  const std::string bytes = slurp(o.get("model"));
  const nlp::Model model(bytes);
  const auto gold = treebank(o.get("gold"));
  if (o.get("oracle") == "yes") oracle_scores(model, gold);
  const auto e = evaluate(model, gold, true);
  print_scores("gold words", e.gold);
  print_scores("our words ", e.raw);
  std::printf("speed: %.0f sentences/s from gold words (tag, parse, label), %.0f from text (and tokenize)\n",
              e.sentences / e.seconds_gold, e.sentences / e.seconds_raw);
  return 0;
}

// Clusters of the words of unlabeled text: .jsonl articles (their "text") and .conllu treebanks
// (their words), folders read in sorted order.
int cmd_clusters(const std::vector<std::string>& args) {
  std::vector<std::string> inputs;
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i].starts_with("--")) {
      rest.push_back(args[i]);
      if (i + 1 < args.size()) rest.push_back(args[++i]);
    } else {
      inputs.push_back(args[i]);
    }
  }
  const Options o = parse_options(rest);
  ClusterCorpus corpus(std::stoul(o.get("min-count", "3")));
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    if (std::filesystem::is_directory(in)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(in))
        if (e.is_regular_file()) files.push_back(e.path().string());
    } else {
      files.push_back(in);
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    if (file.ends_with(".conllu")) {
      for (const auto& s : treebank(file)) {
        std::vector<std::string> forms;
        for (const auto& w : s.words) forms.push_back(w.form);
        corpus.add_sentence(forms);
      }
    } else if (file.ends_with(".jsonl")) {
      std::istringstream in(slurp(file));
      std::string line;
      while (std::getline(in, line)) {
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("text") && j["text"].is_string()) corpus.add_text(j["text"].get<std::string>());
      }
    }
  }
  std::fprintf(stderr, "%zu files, %zu tokens\n", files.size(), corpus.tokens());
  std::vector<std::size_t> sizes;
  std::istringstream ss(o.get("classes", "64,256,1024"));
  for (std::string x; std::getline(ss, x, ',');) sizes.push_back(std::stoul(x));
  if (sizes.size() != 3) throw std::runtime_error("--classes takes three numbers");
  const auto result = corpus.cluster(sizes, std::stoi(o.get("iterations", "10")));
  std::ofstream out(o.get("out"), std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + o.get("out"));
  for (const auto& [w, c] : result)
    out << w << ' ' << c[0] << ' ' << c[1] << ' ' << c[2] << ' ' << corpus.capital_bucket(w) << ' '
        << corpus.frequency_bucket(w) << '\n';
  return 0;
}

}  // namespace
}  // namespace timeliner::train

int main(int argc, char** argv) {
  using namespace timeliner::train;
  try {
    if (argc < 2) {
      std::cerr << "usage: timeliner-train tokens|tagger ...\n";
      return 2;
    }
    const std::string cmd = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (cmd == "tokens") return cmd_tokens(args);
    if (cmd == "tagger") return cmd_tagger(args);
    if (cmd == "clusters") return cmd_clusters(args);
    if (cmd == "train") return cmd_train(args);
    if (cmd == "pack") return cmd_pack(args);
    if (cmd == "eval") return cmd_eval(args);
    std::cerr << "timeliner-train: unknown command " << cmd << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "timeliner-train: error: " << e.what() << "\n";
    return 1;
  }
}
