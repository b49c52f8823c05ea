// Merging: mentions that tell the same thing at compatible dates become one event.
#include "core/sorted.hpp"
#include "events/words.hpp"

#include <timeliner/timeline.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>

namespace timeliner {
namespace {

int anchor_rank(AnchorKind a) {
  switch (a) {
    case AnchorKind::explicit_:
      return 0;
    case AnchorKind::publication:
      return 1;
    case AnchorKind::previous:
      return 2;
    case AnchorKind::event:
      return 3;
    default:
      return 4;
  }
}

auto date_key(const TemporalValue& v) {
  return std::make_tuple(v.bounds->earliest, v.bounds->latest, v.timex, static_cast<int>(v.type),
                         static_cast<int>(v.grain), static_cast<int>(v.mod), static_cast<int>(v.anchor), v.freq);
}

auto mention_key(const EventMention& m) {
  return std::tie(m.doc, m.start, m.timex_start, m.timex_end, m.end, m.timex, m.headline, m.text, m.predicate_start,
                  m.predicate_end, m.shared_predicates);
}

// One mention with everything it said: the unit that merging clusters.
struct Unit {
  EventKind kind = EventKind::event;
  EventMention mention;
  std::vector<Annotation> durations, sets, references;
  std::vector<std::string> stems;
  std::vector<std::string> numbers;  // the stems that are numbers ("35.2", "4000")
};

// "Savin reported a net loss of $35.2 million" and "Ogden reported net income of $27.1 million"
// are alike in words but tell different amounts: two headlines that both give numbers and share
// none are different events.
bool numbers_agree(const Unit& a, const Unit& b) {
  if (a.numbers.empty() || b.numbers.empty()) return true;
  for (const auto& n : a.numbers)
    if (std::binary_search(b.numbers.begin(), b.numbers.end(), n)) return true;
  return false;
}

// "since 1958", "for 80 years": a state until publication, which overlaps nearly everything; such
// mentions only merge with each other.
bool open_interval(const Unit& u) { return u.mention.date.timex.find('/') != std::string::npos; }

bool unit_less(const Unit& a, const Unit& b) {
  const auto ka = mention_key(a.mention), kb = mention_key(b.mention);
  if (ka != kb) return ka < kb;
  if (a.kind != b.kind) return a.kind < b.kind;
  return date_key(a.mention.date) < date_key(b.mention.date);
}

bool unit_same(const Unit& a, const Unit& b) { return !unit_less(a, b) && !unit_less(b, a); }

void unite(std::vector<Annotation>& into, const std::vector<Annotation>& from) {
  into.insert(into.end(), from.begin(), from.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

// Every annotation list of `from` (a unit) united into those of `into` (a unit or an event).
template <class Into>
void unite_annotations(Into& into, const Unit& from) {
  unite(into.durations, from.durations);
  unite(into.sets, from.sets);
  unite(into.references, from.references);
}

double cosine(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0.0;
  std::size_t common = 0;
  for_each_common(
      a, b, [](const std::string& x) -> const std::string& { return x; },
      [&](const std::string&, const std::string&) { ++common; });
  return static_cast<double>(common) / std::sqrt(static_cast<double>(a.size()) * static_cast<double>(b.size()));
}

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

bool overlap(const Unit& a, const Unit& b) {
  const Interval& x = *a.mention.date.bounds;
  const Interval& y = *b.mention.date.bounds;
  return x.earliest <= y.latest && y.earliest <= x.latest;
}

// What every mention of a cluster has in common: the days all their intervals share and the stems all
// their headlines share. A cluster may only grow while both stay non-empty, so that no event spans
// dates further apart than the coarser of two mentions' granularities (pairwise overlapping
// intervals have a common day), and no event holds mentions whose headlines share no content word.
struct Common {
  Interval days;
  std::vector<std::string> stems;
};

// Joins the clusters of `a` and `b` when what they have in common stays non-empty.
bool unite_if_common(std::vector<std::size_t>& parent, std::vector<Common>& common, std::size_t a, std::size_t b) {
  const std::size_t ra = find_root(parent, a), rb = find_root(parent, b);
  if (ra == rb) return true;
  const Common& x = common[ra];
  const Common& y = common[rb];
  const Interval days{std::max(x.days.earliest, y.days.earliest), std::min(x.days.latest, y.days.latest)};
  if (days.latest < days.earliest) return false;
  std::vector<std::string> stems;
  std::set_intersection(x.stems.begin(), x.stems.end(), y.stems.begin(), y.stems.end(), std::back_inserter(stems));
  if (stems.empty()) return false;
  parent[ra] = rb;
  common[rb] = Common{days, std::move(stems)};
  common[ra] = Common{};
  return true;
}

// Clusters the events (kind event): a pair may link when the intervals overlap, their open_interval
// agree, their numbers agree (numbers_agree) and their stems have a cosine of at least `threshold`;
// the links are taken from the most alike pair down (ties in canonical order: the result depends
// only on the set of units), each joining two clusters only when what the two have in common stays
// non-empty (Common). Exact, and near linear on real collections (the reduce step of a corpus of
// millions of articles), where comparing every pair of overlapping events would be quadratic (a
// year overlaps every day in it):
//  1. Events with the same interval, kind of interval and stems are alike with everyone alike: one
//     representative per such class is compared, the others join it.
//  2. Representatives are paired by prefix filtering: stems ordered rarest first, a cosine of t
//     needs an overlap o >= t*t*|a| (since |b| >= t*t*|a|), so two alike sets share a stem among
//     the first |a| - ceil(t*t*|a|) + 1 of each; only such pairs are compared. Two units without a
//     common stem never link, whatever the threshold.
void link_similar(const std::vector<Unit>& units, std::vector<std::size_t>& parent, double threshold) {
  using Key = std::tuple<bool, date::sys_days, date::sys_days, const std::vector<std::string>*>;
  auto key_of = [&](std::size_t i) {
    const Unit& u = units[i];
    return Key{open_interval(u), u.mention.date.bounds->earliest, u.mention.date.bounds->latest, &u.stems};
  };
  auto key_less = [](const Key& a, const Key& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
    if (std::get<2>(a) != std::get<2>(b)) return std::get<2>(a) < std::get<2>(b);
    return *std::get<3>(a) < *std::get<3>(b);
  };
  std::vector<Common> common(units.size());
  std::vector<std::size_t> events;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].kind != EventKind::event) continue;
    events.push_back(i);
    common[i] = Common{*units[i].mention.date.bounds, units[i].stems};
  }
  std::stable_sort(events.begin(), events.end(), [&](auto a, auto b) { return key_less(key_of(a), key_of(b)); });
  std::vector<std::size_t> reps;
  for (std::size_t k = 0; k < events.size(); ++k) {
    const std::size_t i = events[k];
    if (!reps.empty() && !key_less(key_of(reps.back()), key_of(i))) {
      if (!units[i].stems.empty() && threshold <= 1.0) unite_if_common(parent, common, i, reps.back());
      continue;
    }
    reps.push_back(i);
  }

  // Stems numbered rarest first (ties by spelling), each representative's stems in that order.
  std::map<std::string_view, std::size_t> freq;
  for (std::size_t i : reps)
    for (const auto& st : units[i].stems) ++freq[st];
  std::vector<std::pair<std::size_t, std::string_view>> order;
  for (const auto& [st, n] : freq) order.emplace_back(n, st);
  std::sort(order.begin(), order.end());
  std::map<std::string_view, std::size_t> rank;
  for (std::size_t r = 0; r < order.size(); ++r) rank[order[r].second] = r;
  std::vector<std::vector<std::size_t>> lists(order.size());  // stem -> representatives with it in their prefix
  std::vector<std::size_t> seen(units.size(), units.size());
  std::vector<std::size_t> ranked;
  struct Link {
    double similarity;
    std::size_t a, b;  // a < b, indices of canonically ordered units
  };
  std::vector<Link> links;
  const double t = std::max(threshold, 0.0);
  for (std::size_t i : reps) {
    const Unit& a = units[i];
    ranked.clear();
    for (const auto& st : a.stems) ranked.push_back(rank.at(st));
    std::sort(ranked.begin(), ranked.end());
    const double bound = t * t * static_cast<double>(ranked.size()) - 1e-9;
    const std::size_t need = std::max<std::size_t>(1, static_cast<std::size_t>(std::max(0.0, std::floor(bound))));
    const std::size_t prefix = ranked.size() >= need ? ranked.size() - need + 1 : 0;
    for (std::size_t p = 0; p < prefix; ++p) {
      for (std::size_t j : lists[ranked[p]]) {
        if (seen[j] == i) continue;
        seen[j] = i;
        const Unit& b = units[j];
        if (!overlap(a, b) || open_interval(a) != open_interval(b) || !numbers_agree(a, b)) continue;
        const double similarity = cosine(a.stems, b.stems);
        if (similarity >= threshold) links.push_back(Link{similarity, std::min(i, j), std::max(i, j)});
      }
    }
    for (std::size_t p = 0; p < prefix; ++p) lists[ranked[p]].push_back(i);
  }
  std::sort(links.begin(), links.end(), [](const Link& x, const Link& y) {
    if (x.similarity != y.similarity) return x.similarity > y.similarity;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  for (const Link& l : links) unite_if_common(parent, common, l.a, l.b);
}

// Mentions of one document that say the same (kind, date, headline) in one stretch of text (their
// spans overlap or touch: one sentence, or the pieces of a run-on sentence) are one mention, the
// first: a sentence holding "On Monday" 40,000 times tells one thing once. `units` are in canonical
// order; the others' durations and sets go to the one kept.
void collapse_repeats(std::vector<Unit>& units) {
  std::vector<std::size_t> order(units.size());
  std::iota(order.begin(), order.end(), 0);
  auto same_saying = [&](const Unit& a, const Unit& b) {
    return a.kind == b.kind && a.mention.doc == b.mention.doc && a.mention.headline == b.mention.headline &&
           date_key(a.mention.date) == date_key(b.mention.date);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const Unit& a = units[x];
    const Unit& b = units[y];
    const auto ka = std::tie(a.mention.doc, a.mention.headline);
    const auto kb = std::tie(b.mention.doc, b.mention.headline);
    if (ka != kb) return ka < kb;
    if (a.kind != b.kind) return a.kind < b.kind;
    if (date_key(a.mention.date) != date_key(b.mention.date))
      return date_key(a.mention.date) < date_key(b.mention.date);
    return a.mention.start < b.mention.start;
  });
  std::vector<char> drop(units.size(), 0);
  std::size_t keep = units.size(), reach = 0;
  for (std::size_t i : order) {
    Unit& u = units[i];
    if (keep != units.size() && same_saying(units[keep], u) && u.mention.start <= reach + 1) {
      unite_annotations(units[keep], u);
      reach = std::max(reach, u.mention.end);
      drop[i] = 1;
      continue;
    }
    keep = i;
    reach = u.mention.end;
  }
  std::size_t n = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (drop[i]) continue;
    if (n != i) units[n] = std::move(units[i]);
    ++n;
  }
  units.resize(n);
}

}  // namespace

double headline_similarity(std::string_view a, std::string_view b) {
  return cosine(words::content_stems(a), words::content_stems(b));
}

std::vector<Event> merge_events(std::vector<Event> events, const MergeOptions& options) {
  std::vector<Unit> units;
  for (auto& e : events) {
    for (auto& m : e.mentions) {
      Unit u;
      u.kind = e.kind;
      u.mention = std::move(m);
      if (!u.mention.date.bounds) u.mention.date = e.date;
      u.durations = e.durations;
      u.sets = e.sets;
      u.references = e.references;
      units.push_back(std::move(u));
    }
  }
  // The same mention twice (a timeline merged with itself) counts once.
  std::sort(units.begin(), units.end(), unit_less);
  std::vector<Unit> unique;
  for (auto& u : units) {
    if (!unique.empty() && unit_same(unique.back(), u)) {
      unite_annotations(unique.back(), u);
      continue;
    }
    unique.push_back(std::move(u));
  }
  units = std::move(unique);
  collapse_repeats(units);
  for (auto& u : units) {
    u.stems = words::content_stems(u.mention.headline);
    std::copy_if(u.stems.begin(), u.stems.end(), std::back_inserter(u.numbers),
                 [](const std::string& st) { return std::isdigit(static_cast<unsigned char>(st[0])) != 0; });
  }

  // Union-find over every pair whose intervals overlap and whose headlines are alike.
  std::vector<std::size_t> parent(units.size());
  std::iota(parent.begin(), parent.end(), 0);
  link_similar(units, parent, options.threshold);

  std::vector<std::vector<std::size_t>> clusters(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) clusters[find_root(parent, i)].push_back(i);
  std::vector<Event> out;
  for (const auto& members : clusters) {
    if (members.empty()) continue;
    // The most precise mention speaks for the cluster: narrowest interval, finest grain, most
    // direct anchor, then the first in canonical order.
    auto rank = [&](std::size_t i) {
      const auto& d = units[i].mention.date;
      return std::make_tuple((d.bounds->latest - d.bounds->earliest).count(), -static_cast<int>(d.grain),
                             anchor_rank(d.anchor), i);
    };
    const std::size_t rep =
        *std::min_element(members.begin(), members.end(), [&](auto a, auto b) { return rank(a) < rank(b); });
    Event e;
    e.kind = units[rep].kind;
    e.date = units[rep].mention.date;
    e.headline = units[rep].mention.headline;
    e.text = units[rep].mention.text;
    for (std::size_t i : members) {  // members are in canonical order
      e.mentions.push_back(units[i].mention);
      unite_annotations(e, units[i]);
    }
    out.push_back(std::move(e));
  }
  order_events(out);
  return out;
}

void order_events(std::vector<Event>& events) {
  auto key = [](const Event& e) {
    const auto& m = e.mentions.front();
    return std::make_tuple(e.date.bounds->earliest, e.date.bounds->latest, e.kind != EventKind::published,
                           mention_key(m), date_key(e.date), std::cref(e.headline));
  };
  std::stable_sort(events.begin(), events.end(), [&](const Event& a, const Event& b) { return key(a) < key(b); });
  std::size_t n = 0;
  for (auto& e : events) e.id = "e" + std::to_string(++n);
}

Timeline merge_timelines(const std::vector<Timeline>& timelines, const MergeOptions& options) {
  Timeline t;
  std::vector<Event> events;
  for (const auto& in : timelines) {
    t.documents.insert(t.documents.end(), in.documents.begin(), in.documents.end());
    events.insert(events.end(), in.events.begin(), in.events.end());
  }
  auto doc_key = [](const Document& d) {
    return std::make_tuple(std::cref(d.id), std::cref(d.title), std::cref(d.source),
                           d.published ? format_instant(*d.published) : std::string(), std::cref(d.published_from));
  };
  std::sort(t.documents.begin(), t.documents.end(),
            [&](const auto& a, const auto& b) { return doc_key(a) < doc_key(b); });
  t.documents.erase(
      std::unique(t.documents.begin(), t.documents.end(), [](const auto& a, const auto& b) { return a.id == b.id; }),
      t.documents.end());
  for (const auto& in : timelines)
    t.boilerplate.insert(t.boilerplate.end(), in.boilerplate.begin(), in.boilerplate.end());
  std::sort(t.boilerplate.begin(), t.boilerplate.end());
  t.boilerplate.erase(std::unique(t.boilerplate.begin(), t.boilerplate.end()), t.boilerplate.end());
  t.events = std::move(events);
  assemble_timeline(t, options);
  return t;
}

void filter_events(Timeline& t, std::optional<date::sys_days> from, std::optional<date::sys_days> to) {
  std::erase_if(t.events, [&](const Event& e) {
    return (from && e.date.bounds->latest < *from) || (to && e.date.bounds->earliest > *to);
  });
}

}  // namespace timeliner
