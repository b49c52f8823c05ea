// Salience: how important each day and each event is, from the whole timeline.
#include "events/words.hpp"

#include <timeliner/summary.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace timeliner {

Query::Query(std::string_view words) : stems(words::content_stems(words)) {}

bool Query::matches(std::string_view text) const {
  if (stems.empty()) return true;
  const auto have = words::content_stems(text);
  for (auto i = have.begin(), j = stems.begin(); i != have.end() && j != stems.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      return true;
    }
  }
  return false;
}

namespace {

// The day of a date that is exactly one day ("2025-04-17", "yesterday", "Monday morning").
std::optional<date::sys_days> single_day(const TemporalValue& v) {
  if (!v.bounds || v.bounds->earliest != v.bounds->latest) return std::nullopt;
  return v.bounds->earliest;
}

constexpr double kLeadWeight = 2.0;
constexpr double kPublishedWeight = 0.3;
constexpr double kBurstWeight = 3.0;
constexpr int kBurstRadius = 15;  // days on each side

// What one mention weighs as a reference: 1, times kLeadWeight in the article's lead, times
// kQueryMiss when its sentence misses the query.
double mention_weight(const EventMention& m, const Query& query) {
  double w = m.start < kLeadCodePoints ? kLeadWeight : 1.0;
  if (!query.matches(m.text)) w *= kQueryMiss;
  return w;
}

// The documents referring to each day, each counted once with its strongest mention; a sentence
// repeated verbatim by several documents counts for the first of them only.
std::map<date::sys_days, double> references(const Timeline& t, const Query& query) {
  struct Ref {
    date::sys_days day;
    std::uint64_t fingerprint;
    std::string_view doc;
    double weight;
  };
  std::vector<Ref> refs;
  for (const auto& e : t.events) {
    if (e.kind != EventKind::event) continue;
    for (const auto& m : e.mentions)
      if (const auto d = single_day(m.date))
        refs.push_back(Ref{*d, sentence_fingerprint(m.text), m.doc, mention_weight(m, query)});
  }
  // One sentence of a day once: the first document's, with its greatest weight.
  std::sort(refs.begin(), refs.end(), [](const Ref& a, const Ref& b) {
    return std::tie(a.day, a.fingerprint, a.doc, b.weight) < std::tie(b.day, b.fingerprint, b.doc, a.weight);
  });
  std::vector<Ref> kept;
  for (const Ref& r : refs)
    if (kept.empty() || kept.back().day != r.day || kept.back().fingerprint != r.fingerprint) kept.push_back(r);
  // Each document once per day, with its strongest mention.
  std::sort(kept.begin(), kept.end(), [](const Ref& a, const Ref& b) {
    return std::tie(a.day, a.doc, b.weight) < std::tie(b.day, b.doc, a.weight);
  });
  std::map<date::sys_days, double> out;
  for (std::size_t i = 0; i < kept.size(); ++i)
    if (i == 0 || kept[i].day != kept[i - 1].day || kept[i].doc != kept[i - 1].doc) out[kept[i].day] += kept[i].weight;
  return out;
}

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

}  // namespace

std::vector<DayScore> score_days(const Timeline& t, const Query& query) {
  const auto refs = references(t, query);
  std::map<date::sys_days, double> published;  // documents published on d or the day after
  for (const auto& doc : t.documents) {
    if (!doc.published) continue;
    published[doc.published->day] += 1;
    published[doc.published->day - date::days{1}] += 1;
  }
  std::map<date::sys_days, DayScore> days;
  for (const auto& [d, r] : refs) days[d].references = r;
  for (const auto& [d, p] : published) days[d].published = p;
  std::vector<DayScore> out;
  out.reserve(days.size());
  for (auto& [d, s] : days) {
    s.day = d;
    out.push_back(s);
  }
  // The mean of references over the kBurstRadius days on each side: a sliding window over the
  // days that have some (the others add nothing).
  std::vector<std::pair<date::sys_days, double>> ref_list(refs.begin(), refs.end());
  std::size_t lo = 0, hi = 0;
  double window = 0;
  for (auto& s : out) {
    while (hi < ref_list.size() && ref_list[hi].first <= s.day + date::days{kBurstRadius})
      window += ref_list[hi++].second;
    while (lo < hi && ref_list[lo].first < s.day - date::days{kBurstRadius}) window -= ref_list[lo++].second;
    const double mean = std::max(0.0, window) / (2 * kBurstRadius + 1);
    s.burst = s.references / (1.0 + mean);
    s.score = s.references + kPublishedWeight * s.published + kBurstWeight * s.burst;
  }
  return out;
}

void score_importance(Timeline& t, const std::vector<DayScore>& days, const Query& query) {
  std::unordered_map<std::int64_t, double> day_score;
  for (const auto& d : days) day_score[d.day.time_since_epoch().count()] = d.score;
  auto score_of = [&](date::sys_days d) {
    const auto it = day_score.find(d.time_since_epoch().count());
    return it == day_score.end() ? 0.0 : it->second;
  };
  std::vector<double> raw(t.events.size(), 0.0);
  double top = 0;
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    const Event& e = t.events[i];
    double own = 0;
    if (e.kind == EventKind::event) {
      // Each document once, with its strongest mention.
      std::map<std::string_view, double> per_doc;
      for (const auto& m : e.mentions) {
        double& w = per_doc[m.doc];
        w = std::max(w, mention_weight(m, query));
      }
      for (const auto& [doc, w] : per_doc) own += w;
    }
    if (const auto d = single_day(e.date)) own += score_of(*d);
    raw[i] = own;
    top = std::max(top, own);
  }
  for (std::size_t i = 0; i < t.events.size(); ++i) t.events[i].importance = top > 0 ? round3(raw[i] / top) : 0.0;
}

}  // namespace timeliner
