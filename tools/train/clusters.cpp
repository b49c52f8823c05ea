// Word clusters from unlabeled text: the exchange algorithm (Kneser & Ney 1993; Martin, Liermann &
// Ney 1998) maximising the likelihood of a class bigram model, run at several numbers of classes.
// Words that occur in similar contexts ("Monday", "Tuesday"; "said", "added") share a class; the
// tagger and parser read the classes of words they never saw in the treebank.
#include "clusters.hpp"

#include "nlp/lexicon.hpp"

#include <timeliner/nlp.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>

namespace timeliner::train {
namespace {

// x log x, 0 for 0: tabulated for small counts.
class XLogX {
 public:
  XLogX() : table_(1 << 20) {
    for (std::size_t i = 1; i < table_.size(); ++i) table_[i] = static_cast<double>(i) * std::log(static_cast<double>(i));
  }
  double operator()(std::int64_t x) const {
    if (x < static_cast<std::int64_t>(table_.size())) return table_[static_cast<std::size_t>(x)];
    const double d = static_cast<double>(x);
    return d * std::log(d);
  }

 private:
  std::vector<double> table_;
};

struct Neighbour {
  std::uint32_t word;
  std::uint32_t count;
};

}  // namespace

ClusterCorpus::ClusterCorpus(std::size_t min_count) : min_count_(min_count) {
  ids_["<s>"] = 0;
  words_.push_back("<s>");
  counts_.push_back(0);
  inside_.push_back(0);
  capital_.push_back(0);
}

void ClusterCorpus::add_sentence(const std::vector<std::string>& forms) {
  std::string norm;
  sequence_.push_back(0);
  ++counts_[0];
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const std::string& f = forms[i];
    nlp::normalize(f, norm);
    auto it = ids_.find(norm);
    if (it == ids_.end()) {
      it = ids_.emplace(norm, static_cast<std::uint32_t>(words_.size())).first;
      words_.push_back(norm);
      counts_.push_back(0);
      inside_.push_back(0);
      capital_.push_back(0);
    }
    sequence_.push_back(it->second);
    ++counts_[it->second];
    if (i > 0 && !f.empty() && std::isalpha(static_cast<unsigned char>(f[0]))) {
      ++inside_[it->second];
      capital_[it->second] += std::isupper(static_cast<unsigned char>(f[0])) != 0;
    }
  }
}

void ClusterCorpus::add_text(std::string_view text) {
  // One sentence a line (the news corpus is written so); words by the runtime's tokenizer.
  std::size_t i = 0;
  std::vector<std::string> forms;
  while (i < text.size()) {
    std::size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(i, nl - i);
    forms.clear();
    for (const auto& w : nlp::tokenize(line)) forms.emplace_back(line.substr(w.begin, w.end - w.begin));
    if (!forms.empty()) add_sentence(forms);
    i = nl + 1;
  }
}

std::size_t ClusterCorpus::tokens() const { return sequence_.size(); }

std::uint16_t ClusterCorpus::capital_bucket(const std::string& norm) const {
  const auto it = ids_.find(norm);
  if (it == ids_.end() || inside_[it->second] < static_cast<std::int64_t>(min_count_)) return 0;
  const double share = static_cast<double>(capital_[it->second]) / static_cast<double>(inside_[it->second]);
  return share < 0.01 ? 1 : share < 0.25 ? 2 : share < 0.75 ? 3 : share < 0.99 ? 4 : 5;
}

std::uint16_t ClusterCorpus::frequency_bucket(const std::string& norm) const {
  const auto it = ids_.find(norm);
  if (it == ids_.end()) return 0;
  std::uint16_t b = 1;
  for (std::int64_t n = counts_[it->second]; n >= 10 && b < 7; n /= 10) ++b;
  return b;
}

std::vector<std::pair<std::string, std::vector<std::uint16_t>>> ClusterCorpus::cluster(
    const std::vector<std::size_t>& sizes, int iterations) const {
  // Vocabulary: words seen min_count times, by count then spelling; the others are one word, <rare>.
  std::vector<std::uint32_t> order(words_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : words_[a] < words_[b];
  });
  std::vector<std::uint32_t> vocab_id(words_.size());
  std::vector<std::uint32_t> kept;
  for (std::uint32_t w : order)
    if (counts_[w] >= static_cast<std::int64_t>(min_count_) || w == 0) kept.push_back(w);
  const auto rare = static_cast<std::uint32_t>(kept.size());
  for (std::uint32_t w = 0; w < words_.size(); ++w) vocab_id[w] = rare;
  for (std::uint32_t k = 0; k < kept.size(); ++k) vocab_id[kept[k]] = k;
  const std::size_t V = kept.size() + 1;
  std::vector<std::int64_t> unigram(V, 0);
  // Bigram counts as adjacency lists in both directions.
  std::unordered_map<std::uint64_t, std::uint32_t> pairs;
  pairs.reserve(sequence_.size());
  for (std::size_t i = 0; i < sequence_.size(); ++i) {
    const std::uint32_t b = vocab_id[sequence_[i]];
    ++unigram[b];
    if (i == 0) continue;
    const std::uint32_t a = vocab_id[sequence_[i - 1]];
    ++pairs[static_cast<std::uint64_t>(a) << 32 | b];
  }
  std::vector<std::vector<Neighbour>> right(V), left(V);
  {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> sorted(pairs.begin(), pairs.end());
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [k, n] : sorted) {
      const auto a = static_cast<std::uint32_t>(k >> 32), b = static_cast<std::uint32_t>(k);
      right[a].push_back({b, n});
      left[b].push_back({a, n});
    }
  }
  const XLogX f;
  std::vector<std::vector<std::uint16_t>> result(V, std::vector<std::uint16_t>(sizes.size(), 0));
  for (std::size_t which = 0; which < sizes.size(); ++which) {
    const std::size_t K = sizes[which];
    // Start: the K - 1 most frequent words one class each, the others round robin.
    std::vector<std::uint32_t> cls(V);
    for (std::size_t w = 0; w < V; ++w) cls[w] = static_cast<std::uint32_t>(w < K ? w : w % K);
    std::vector<std::int64_t> M(K * K, 0), N(K, 0);
    for (std::size_t a = 0; a < V; ++a) {
      N[cls[a]] += unigram[a];
      for (const auto& nb : right[a]) M[cls[a] * K + cls[nb.word]] += nb.count;
    }
    std::vector<std::int64_t> R(K, 0), L(K, 0);
    std::vector<std::uint32_t> rn, ln;  // classes with nonzero R, L
    for (int it = 0; it < iterations; ++it) {
      const auto t0 = std::chrono::steady_clock::now();
      std::size_t moved = 0;
      for (std::size_t w = 0; w < V; ++w) {
        std::int64_t self = 0;
        rn.clear();
        ln.clear();
        for (const auto& nb : right[w]) {
          if (nb.word == w) {
            self += nb.count;
            continue;
          }
          const std::uint32_t c = cls[nb.word];
          if (R[c] == 0) rn.push_back(c);
          R[c] += nb.count;
        }
        for (const auto& nb : left[w]) {
          if (nb.word == w) continue;
          const std::uint32_t c = cls[nb.word];
          if (L[c] == 0) ln.push_back(c);
          L[c] += nb.count;
        }
        const std::uint32_t a = cls[w];
        // Out of its class.
        for (std::uint32_t d : rn) M[a * K + d] -= R[d];
        for (std::uint32_t c : ln) M[c * K + a] -= L[c];
        M[a * K + a] -= self;
        N[a] -= unigram[w];
        // The best class to put it in.
        double best_gain = -1e300;
        std::uint32_t best = a;
        for (std::uint32_t b = 0; b < K; ++b) {
          double g = 0;
          for (std::uint32_t d : rn)
            if (d != b) g += f(M[b * K + d] + R[d]) - f(M[b * K + d]);
          for (std::uint32_t c : ln)
            if (c != b) g += f(M[c * K + b] + L[c]) - f(M[c * K + b]);
          const std::int64_t bb = M[b * K + b];
          g += f(bb + R[b] + L[b] + self) - f(bb);
          g -= 2 * (f(N[b] + unigram[w]) - f(N[b]));
          if (g > best_gain + 1e-9 || (b == a && g >= best_gain - 1e-9)) {
            best_gain = g;
            best = b;
          }
        }
        if (best != a) ++moved;
        cls[w] = best;
        for (std::uint32_t d : rn) M[best * K + d] += R[d];
        for (std::uint32_t c : ln) M[c * K + best] += L[c];
        M[best * K + best] += self;
        N[best] += unigram[w];
        for (std::uint32_t d : rn) R[d] = 0;
        for (std::uint32_t c : ln) L[c] = 0;
      }
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::fprintf(stderr, "clusters %zu: iteration %d, %zu words moved (%.1f s)\n", K, it + 1, moved, secs);
      if (moved == 0) break;
    }
    for (std::size_t w = 0; w < V; ++w) result[w][which] = static_cast<std::uint16_t>(cls[w] + 1);
  }
  std::vector<std::pair<std::string, std::vector<std::uint16_t>>> out;
  for (std::uint32_t k = 1; k < kept.size(); ++k) out.emplace_back(words_[kept[k]], result[k]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace timeliner::train
