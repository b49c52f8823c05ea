// Date summaries: the key dates of a timeline and, for each, the sentences that best say what
// happened that day.
#include "core/sorted.hpp"
#include "events/words.hpp"

#include <timeliner/summary.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <queue>
#include <set>
#include <unordered_map>

namespace timeliner {
namespace {

std::optional<date::sys_days> single_day(const TemporalValue& v) {
  if (!v.bounds || v.bounds->earliest != v.bounds->latest) return std::nullopt;
  return v.bounds->earliest;
}

// A sentence as a bag of content-word stems, weighted by IDF and normalised to length 1.
using Vector = std::vector<std::pair<std::uint32_t, double>>;  // stem id, weight; sorted by id

double dot(const Vector& a, const Vector& b) {
  double s = 0;
  for_each_common(
      a, b, [](const auto& x) -> const auto& { return x.first; },
      [&](const auto& x, const auto& y) { s += x.second * y.second; });
  return s;
}

// Document frequencies of the stems of the timeline's sentences (each distinct sentence once).
struct Vocabulary {
  std::unordered_map<std::string, std::uint32_t> id;
  std::vector<std::uint32_t> df;
  std::size_t sentences = 0;

  void add(const std::vector<std::string>& stems) {
    ++sentences;
    for (const auto& st : stems) {
      const auto [it, fresh] = id.emplace(st, static_cast<std::uint32_t>(df.size()));
      if (fresh) df.push_back(0);
      ++df[it->second];
    }
  }
  Vector vector_of(const std::vector<std::string>& stems) const {
    Vector v;
    double norm = 0;
    for (const auto& st : stems) {
      const auto it = id.find(st);
      if (it == id.end()) continue;
      const double idf = std::log((1.0 + static_cast<double>(sentences)) / (1.0 + df[it->second])) + 1.0;
      v.emplace_back(it->second, idf);
      norm += idf * idf;
    }
    std::sort(v.begin(), v.end());
    norm = std::sqrt(norm);
    for (auto& [_, w] : v) w /= norm > 0 ? norm : 1.0;
    return v;
  }
};

struct Candidate {
  const EventMention* mention;
  std::string text;     // cleaned
  std::size_t cut = 0;  // code points cleaned off the front
  Vector vector;
  double relevance = 0;
};

constexpr double kMmrRelevance = 0.7;
constexpr double kSpreadFactor = 0.9;
constexpr std::size_t kMinSummaryWords = 5;

// Whether a mention's sentence may be shown as a summary sentence: whole (a long sentence's mention
// holds only the words around its date), of some words, not furniture.
bool summary_sentence(const EventMention& m, const std::set<std::uint64_t>& boilerplate) {
  if (m.text.size() > kMaxSummarySentenceBytes) return false;
  std::size_t words = 0;
  bool in_word = false;
  for (char c : m.text) {
    const bool w = std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    if (w && !in_word) ++words;
    in_word = w;
  }
  return words >= kMinSummaryWords && !boilerplate.contains(sentence_fingerprint(m.text));
}

// Picks `k` of the candidates: maximal marginal relevance, from documents not yet used while some
// remain.
std::vector<const Candidate*> pick(const std::vector<Candidate>& cands, std::size_t k) {
  std::vector<const Candidate*> chosen;
  std::vector<char> used(cands.size(), 0);
  std::set<std::string_view> docs;
  while (chosen.size() < k) {
    const Candidate* best = nullptr;
    double best_score = 0;
    std::size_t best_i = 0;
    for (const bool fresh_doc : {true, false}) {
      for (std::size_t i = 0; i < cands.size(); ++i) {
        if (used[i] || (fresh_doc && docs.contains(cands[i].mention->doc))) continue;
        double redundancy = 0;
        for (const Candidate* c : chosen) redundancy = std::max(redundancy, dot(cands[i].vector, c->vector));
        const double score = kMmrRelevance * cands[i].relevance - (1 - kMmrRelevance) * redundancy;
        if (!best || score > best_score) {
          best = &cands[i];
          best_score = score;
          best_i = i;
        }
      }
      if (best) break;
    }
    if (!best) break;
    used[best_i] = 1;
    docs.insert(best->mention->doc);
    chosen.push_back(best);
  }
  return chosen;
}

// The n best days within [options.from, options.to], chosen one at a time, best first (ties: the
// earlier day); each choice multiplies by kSpreadFactor the scores of the days within the mean gap
// between n days over the candidates' span, so that the dates cover the story rather than its
// busiest week. A heap with stale entries skipped: each choice touches about 2/n of the days.
std::vector<const DayScore*> spread_best_days(const std::vector<DayScore>& days, std::size_t n,
                                              const SummaryOptions& options) {
  std::vector<const DayScore*> candidates;  // in day order
  for (const auto& d : days) {
    if ((options.from && d.day < *options.from) || (options.to && d.day > *options.to)) continue;
    if (d.score > 0) candidates.push_back(&d);
  }
  if (candidates.empty()) return {};
  const auto span = (candidates.back()->day - candidates.front()->day).count();
  const date::days gap{static_cast<int>(static_cast<double>(span) / static_cast<double>(n))};
  std::vector<double> score(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) score[i] = candidates[i]->score;
  // Highest score first, then the earlier day (the smaller index).
  auto worse = [](const std::pair<double, std::size_t>& a, const std::pair<double, std::size_t>& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  };
  std::priority_queue<std::pair<double, std::size_t>, std::vector<std::pair<double, std::size_t>>, decltype(worse)>
      heap(worse);
  for (std::size_t i = 0; i < candidates.size(); ++i) heap.emplace(score[i], i);
  std::vector<char> taken(candidates.size(), 0);
  std::vector<const DayScore*> out;
  while (out.size() < n && !heap.empty()) {
    const auto [s, i] = heap.top();
    heap.pop();
    if (taken[i] || s != score[i]) continue;  // taken, or lowered since it was pushed
    taken[i] = 1;
    out.push_back(candidates[i]);
    const auto day = candidates[i]->day;
    const auto first = std::lower_bound(candidates.begin(), candidates.end(), day - gap,
                                        [](const DayScore* d, date::sys_days x) { return d->day < x; });
    for (auto it = first; it != candidates.end() && (*it)->day <= day + gap; ++it) {
      const auto j = static_cast<std::size_t>(it - candidates.begin());
      if (taken[j]) continue;
      score[j] *= kSpreadFactor;
      heap.emplace(score[j], j);
    }
  }
  std::sort(out.begin(), out.end(), [](const DayScore* a, const DayScore* b) { return a->day < b->day; });
  return out;
}

}  // namespace

std::string clean_sentence(std::string_view sentence, std::size_t* cut) {
  // "WASHINGTON, March 3, 2024 (AP) - ", "LONDON (Reuters) - ", "PORT ELLIS, Texas -", "BEIJING —".
  static const RE2 dateline(R"re(^\s*((?:[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3})(?:, [A-Z][A-Za-z.]{1,15})?))re"
                            R"re((?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?)?)re"
                            R"re( ?(?:\([A-Za-z][A-Za-z .&/\-]{0,30}\))? ?(?:-{1,2}|\x{2014}|\x{2013}) ?)re");
  static const RE2 agency(R"re(^\s*\((?:AP|Reuters|AFP|Bloomberg|PA|UPI|dpa)\) ?(?:-{1,2}|\x{2014}|\x{2013}) ?)re");
  std::string_view s = sentence;
  re2::StringPiece in(s.data(), s.size());
  re2::StringPiece city;
  // What follows a dateline opens a sentence: "NASA - the agency - launched it" has none.
  auto opens_sentence = [](const re2::StringPiece& rest) {
    return !rest.empty() &&
           (std::isupper(static_cast<unsigned char>(rest[0])) || std::isdigit(static_cast<unsigned char>(rest[0])) ||
            rest[0] == '"' || rest[0] == '\'' || static_cast<unsigned char>(rest[0]) >= 0x80);
  };
  if (RE2::Consume(&in, dateline, &city) && city.size() >= 3 && opens_sentence(in)) {
    s = std::string_view(in.data(), in.size());
  } else {
    in = re2::StringPiece(s.data(), s.size());
    if (RE2::Consume(&in, agency)) s = std::string_view(in.data(), in.size());
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
  if (cut) *cut = count_code_points(sentence.substr(0, static_cast<std::size_t>(s.data() - sentence.data())));
  return std::string(s);
}

std::size_t auto_date_count(const Timeline& t, const std::vector<DayScore>& days) {
  std::set<std::string_view> docs;
  for (const auto& d : t.documents) docs.insert(d.id);
  const auto wanted = static_cast<std::size_t>(std::lround(std::sqrt(static_cast<double>(docs.size()))));
  std::size_t supported = 0;
  for (const auto& d : days)
    if (d.references >= 2) ++supported;
  return std::min(std::clamp<std::size_t>(wanted, 5, 50), supported);
}

std::vector<KeyDate> select_key_dates(const Timeline& t, const std::vector<DayScore>& days,
                                      const SummaryOptions& options) {
  const std::size_t n = options.auto_dates ? auto_date_count(t, days) : options.dates;
  if (n == 0) return {};
  std::vector<const DayScore*> ranked = spread_best_days(days, n, options);
  double top = 0;
  for (const auto& d : days) top = std::max(top, d.score);

  const Query query(options.query);
  const std::set<std::uint64_t> boilerplate(t.boilerplate.begin(), t.boilerplate.end());
  std::map<date::sys_days, std::vector<Candidate>> candidates;
  for (const DayScore* d : ranked) candidates[d->day];
  // IDF over every distinct sentence of the timeline; candidates are the whole sentences dated to a
  // key day (publications: the article's opening sentence, dated to its day).
  Vocabulary vocabulary;
  std::set<std::uint64_t> seen;
  std::map<date::sys_days, std::set<std::uint64_t>> seen_on;
  for (const auto& e : t.events) {
    for (const auto& m : e.mentions) {
      const std::uint64_t f = sentence_fingerprint(m.text);
      const bool fresh = seen.insert(f).second;
      std::vector<std::string> stems;
      if (fresh) {
        stems = words::content_stems(m.text);
        vocabulary.add(stems);
      }
      const auto day = single_day(m.date);
      if (!day) continue;
      const auto slot = candidates.find(*day);
      if (slot == candidates.end() || !summary_sentence(m, boilerplate) || !seen_on[*day].insert(f).second) continue;
      Candidate c;
      c.mention = &m;
      c.text = clean_sentence(m.text, &c.cut);
      slot->second.push_back(std::move(c));
    }
  }
  std::vector<KeyDate> out;
  for (const DayScore* d : ranked) {
    auto& cands = candidates[d->day];
    // Centrality: cosine to the sum of the day's sentences.
    std::map<std::uint32_t, double> sum;
    for (auto& c : cands) {
      c.vector = vocabulary.vector_of(words::content_stems(c.text));
      for (const auto& [id, w] : c.vector) sum[id] += w;
    }
    Vector centroid(sum.begin(), sum.end());
    double norm = 0;
    for (const auto& [_, w] : centroid) norm += w * w;
    norm = std::sqrt(norm);
    for (auto& [_, w] : centroid) w /= norm > 0 ? norm : 1.0;
    // Centrality, less for a sentence that misses the query, and divided by the fourth root of its
    // length in words: of two sentences as central, the one that says it in fewer words.
    for (auto& c : cands) {
      const auto words = static_cast<double>(std::count(c.text.begin(), c.text.end(), ' ') + 1);
      c.relevance = dot(c.vector, centroid) * (query.matches(c.text) ? 1.0 : kQueryMiss) / std::pow(words, 0.25);
    }
    KeyDate k;
    k.day = d->day;
    k.importance = top > 0 ? std::round(d->score / top * 1000.0) / 1000.0 : 0.0;
    for (const Candidate* c : pick(cands, options.sentences)) {
      KeySentence s;
      s.doc = c->mention->doc;
      s.start = c->mention->start + c->cut;
      s.end = s.start + count_code_points(c->text);
      s.text = c->text;
      k.sentences.push_back(std::move(s));
    }
    out.push_back(std::move(k));
  }
  // The events of each key day, most important first.
  std::map<date::sys_days, std::vector<const Event*>> by_day;
  for (const auto& e : t.events)
    if (const auto d = single_day(e.date); d && candidates.contains(*d)) by_day[*d].push_back(&e);
  for (auto& k : out) {
    auto& list = by_day[k.day];
    std::stable_sort(list.begin(), list.end(),
                     [](const Event* a, const Event* b) { return a->importance > b->importance; });
    for (const Event* e : list) k.events.push_back(e->id);
  }
  return out;
}

void summarize_timeline(Timeline& t, const SummaryOptions& options) {
  const Query query(options.query);
  const auto days = score_days(t, query);
  score_importance(t, days, query);
  t.key_dates = select_key_dates(t, days, options);
}

}  // namespace timeliner
