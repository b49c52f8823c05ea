// The tagger and parser's speed (docs/parser.md): sentences per second on one thread over a
// CoNLL-U file (EWT's test part by default), from its gold words (tag, parse, label) and from its
// raw sentences (tokenize too), and each step alone; medians of several runs, processor time.
//
// usage: timeliner_nlp_bench [FILE.conllu [RUNS]]   (built by `cmake --build build --target
// timeliner_nlp_bench`; run from the project root)
#include "nlp/conllu.hpp"
#include "nlp/lexicon.hpp"
#include "nlp/model.hpp"

#include <timeliner/nlp.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace nlp = timeliner::nlp;

namespace {

double seconds(const std::function<void()>& f) {
  const auto t0 = std::clock();
  f();
  return static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string path = argc > 1 ? argv[1] : "../shared/corpora/ud-ewt/en_ewt-ud-test.conllu";
    const int runs = argc > 2 ? std::stoi(argv[2]) : 7;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    const auto gold = nlp::conllu::read(ss.str());
    if (gold.empty() || runs < 1) throw std::runtime_error("nothing to measure");
    const nlp::Model& model = nlp::Model::english();
    const auto& m = model.data();
    std::vector<std::vector<std::string_view>> forms(gold.size());
    std::size_t words = 0;
    for (std::size_t i = 0; i < gold.size(); ++i) {
      for (const auto& w : gold[i].words) forms[i].emplace_back(w.form);
      words += forms[i].size();
    }
    // The steps alone, on described words: the features and the weights, without the words' hashing.
    std::vector<std::vector<nlp::Lex>> lex(gold.size());
    std::vector<std::vector<std::uint16_t>> tags(gold.size());
    std::vector<std::vector<int>> heads(gold.size());
    std::vector<nlp::PartialTree> arcs(gold.size());  // what the parse leaves for the labels
    std::string scratch;
    std::vector<double> t_gold, t_raw, t_describe, t_tag, t_parse, t_label, t_tokenize;
    std::size_t sink = 0;
    for (int r = 0; r < runs; ++r) {
      t_gold.push_back(seconds([&] {
        for (const auto& f : forms) {
          std::vector<nlp::Word> w(f.size());
          model.tag(f, w);
          model.parse(f, w);
          sink += w.size();
        }
      }));
      t_raw.push_back(seconds([&] {
        for (const auto& g : gold) sink += model.analyze(g.text).size();
      }));
      t_tokenize.push_back(seconds([&] {
        for (const auto& g : gold) sink += nlp::tokenize(g.text).size();
      }));
      t_describe.push_back(seconds([&] {
        for (std::size_t i = 0; i < gold.size(); ++i) nlp::describe(forms[i], m.lex, lex[i], scratch);
      }));
      t_tag.push_back(seconds([&] {
        for (std::size_t i = 0; i < gold.size(); ++i) m.tag(lex[i], tags[i]);
      }));
      t_parse.push_back(seconds([&] {
        for (std::size_t i = 0; i < gold.size(); ++i) heads[i] = m.parse(lex[i], tags[i], &arcs[i]);
      }));
      t_label.push_back(seconds([&] {
        for (std::size_t i = 0; i < gold.size(); ++i) sink += m.label(lex[i], tags[i], heads[i], &arcs[i]).size();
      }));
    }
    const double n = static_cast<double>(gold.size());
    std::printf("%s: %zu sentences, %zu words; medians of %d runs, one thread, processor time\n", path.c_str(),
                gold.size(), words, runs);
    std::printf("  from gold words (tag, parse, label): %8.0f sentences/s\n", n / median(t_gold));
    std::printf("  from raw text (and tokenize):        %8.0f sentences/s\n", n / median(t_raw));
    std::printf(
        "  steps alone, microseconds a sentence: tokenize %.1f, describe %.1f, tag %.1f, parse %.1f, label %.1f\n",
        1e6 * median(t_tokenize) / n, 1e6 * median(t_describe) / n, 1e6 * median(t_tag) / n, 1e6 * median(t_parse) / n,
        1e6 * median(t_label) / n);
    if (sink == 0) std::printf("(nothing)\n");
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "timeliner_nlp_bench: error: " << e.what() << "\n";
    return 1;
  }
}
