// Scoring timeline summaries: date selection and the ROUGE variants of Martschat & Markert (2017),
// written from their definitions.
#include <timeliner/tls.hpp>

#include "core/sorted.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>

namespace timeliner {
namespace {

using Ngrams = std::map<std::vector<std::string>, std::size_t>;

// The n-grams of each sentence (never across two), counted.
Ngrams ngrams_of(const std::vector<std::string>& sentences, std::size_t n) {
  Ngrams out;
  for (const auto& s : sentences) {
    const auto tokens = rouge_tokens(s);
    for (std::size_t i = 0; i + n <= tokens.size(); ++i)
      ++out[std::vector<std::string>(tokens.begin() + static_cast<std::ptrdiff_t>(i),
                                     tokens.begin() + static_cast<std::ptrdiff_t>(i + n))];
  }
  return out;
}

std::size_t total(const Ngrams& g) {
  std::size_t n = 0;
  for (const auto& [_, c] : g) n += c;
  return n;
}

// Shared n-grams, each counted as often as the side with fewer has it.
std::size_t matched(const Ngrams& a, const Ngrams& b) {
  std::size_t n = 0;
  for_each_common(
      a, b, [](const auto& x) -> const auto& { return x.first; },
      [&](const auto& x, const auto& y) { n += std::min(x.second, y.second); });
  return n;
}

Score score_of(double numerator_p, double denominator_p, double numerator_r, double denominator_r) {
  Score s;
  s.precision = denominator_p > 0 ? numerator_p / denominator_p : 0.0;
  s.recall = denominator_r > 0 ? numerator_r / denominator_r : 0.0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
  return s;
}

double rouge1_f1(const Ngrams& a, const Ngrams& b) {
  const double m = static_cast<double>(matched(a, b));
  return score_of(m, static_cast<double>(total(a)), m, static_cast<double>(total(b))).f1;
}

long distance(date::sys_days a, date::sys_days b) { return std::labs((a - b).count()); }

struct Side {
  std::vector<date::sys_days> days;
  std::vector<Ngrams> unigrams, ngrams;  // per day: unigrams for the alignment cost, n-grams scored
};

Side side_of(const TimelineSummary& s, std::size_t n) {
  Side out;
  for (const auto& d : s) {
    out.days.push_back(d.day);
    out.unigrams.push_back(ngrams_of(d.sentences, 1));
    out.ngrams.push_back(ngrams_of(d.sentences, n));
  }
  return out;
}

// Many-to-one alignment from `from` to `to`: for each day of `from`, the day of `to` of least cost
// (date distance times content difference; ties: the earlier day). Returns the weighted matches
// summed over `from`'s days and the n-grams of `from`.
std::pair<double, double> aligned(const Side& from, const Side& to) {
  double numerator = 0, denominator = 0;
  for (std::size_t i = 0; i < from.days.size(); ++i) {
    denominator += static_cast<double>(total(from.ngrams[i]));
    if (to.days.empty()) continue;
    std::size_t best = 0;
    double best_cost = 0;
    for (std::size_t j = 0; j < to.days.size(); ++j) {
      const double date_cost = 1.0 - 1.0 / static_cast<double>(distance(from.days[i], to.days[j]) + 1);
      const double cost = date_cost * (1.0 - rouge1_f1(from.unigrams[i], to.unigrams[j]));
      if (j == 0 || cost < best_cost) {
        best = j;
        best_cost = cost;
      }
    }
    numerator += static_cast<double>(matched(from.ngrams[i], to.ngrams[best])) /
                 static_cast<double>(distance(from.days[i], to.days[best]) + 1);
  }
  return {numerator, denominator};
}

}  // namespace

std::vector<std::string> rouge_tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const auto c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(c) || c >= 0x80) {
      w += static_cast<char>(std::tolower(c));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  return out;
}

TimelineScores evaluate_timeline(const TimelineSummary& gold, const TimelineSummary& predicted) {
  TimelineScores out;
  std::set<date::sys_days> gold_days, predicted_days;
  for (const auto& d : gold) gold_days.insert(d.day);
  for (const auto& d : predicted) predicted_days.insert(d.day);
  out.gold_dates = gold_days.size();
  out.predicted_dates = predicted_days.size();
  for (const auto& d : predicted_days) out.matched_dates += gold_days.count(d);
  const auto m = static_cast<double>(out.matched_dates);
  out.dates = score_of(m, static_cast<double>(out.predicted_dates), m, static_cast<double>(out.gold_dates));

  for (const std::size_t n : {1u, 2u}) {
    // concat
    std::vector<std::string> all_gold, all_predicted;
    for (const auto& d : gold) all_gold.insert(all_gold.end(), d.sentences.begin(), d.sentences.end());
    for (const auto& d : predicted) all_predicted.insert(all_predicted.end(), d.sentences.begin(), d.sentences.end());
    const Ngrams g = ngrams_of(all_gold, n), p = ngrams_of(all_predicted, n);
    const auto shared = static_cast<double>(matched(p, g));
    const Score concat = score_of(shared, static_cast<double>(total(p)), shared, static_cast<double>(total(g)));

    // agreement
    const Side gs = side_of(gold, n), ps = side_of(predicted, n);
    double agree = 0, predicted_total = 0, gold_total = 0;
    for (const auto& x : ps.ngrams) predicted_total += static_cast<double>(total(x));
    for (const auto& x : gs.ngrams) gold_total += static_cast<double>(total(x));
    for (std::size_t i = 0, j = 0; i < ps.days.size() && j < gs.days.size();) {
      if (ps.days[i] < gs.days[j]) {
        ++i;
      } else if (gs.days[j] < ps.days[i]) {
        ++j;
      } else {
        agree += static_cast<double>(matched(ps.ngrams[i], gs.ngrams[j]));
        ++i, ++j;
      }
    }
    const Score agreement = score_of(agree, predicted_total, agree, gold_total);

    // alignment, many to one
    const auto [p_num, p_den] = aligned(ps, gs);
    const auto [r_num, r_den] = aligned(gs, ps);
    const Score alignment = score_of(p_num, p_den, r_num, r_den);

    (n == 1 ? out.concat_rouge1 : out.concat_rouge2) = concat;
    (n == 1 ? out.agreement_rouge1 : out.agreement_rouge2) = agreement;
    (n == 1 ? out.alignment_rouge1 : out.alignment_rouge2) = alignment;
  }
  return out;
}

}  // namespace timeliner
