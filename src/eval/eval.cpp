#include <timeliner/eval.hpp>
#include <timeliner/text.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace timeliner {

EvalCounts& EvalCounts::operator+=(const EvalCounts& o) {
  documents += o.documents;
  gold += o.gold;
  system += o.system;
  strict += o.strict;
  relaxed += o.relaxed;
  value += o.value;
  type += o.type;
  links += o.links;
  links_found += o.links_found;
  links_anchored += o.links_anchored;
  links_found_anchored += o.links_found_anchored;
  links_noted += o.links_noted;
  links_noted_anchored += o.links_noted_anchored;
  timexes_linked += o.timexes_linked;
  timexes_anchored += o.timexes_anchored;
  return *this;
}

Prf prf(std::size_t matched, std::size_t system, std::size_t gold) {
  Prf out;
  out.p = system ? 100.0 * double(matched) / double(system) : 0;
  out.r = gold ? 100.0 * double(matched) / double(gold) : 0;
  out.f1 = out.p + out.r > 0 ? 2 * out.p * out.r / (out.p + out.r) : 0;
  return out;
}

namespace {

// A value with an astronomical year before AD 1 ("-0217...") in the BC form ("BC0218...").
std::string bc_form(std::string_view v) {
  if (v.size() < 5 || v[0] != '-') return std::string(v);
  int year = 0;
  for (std::size_t i = 1; i < 5; ++i) {
    if (v[i] < '0' || v[i] > '9') return std::string(v);
    year = year * 10 + (v[i] - '0');
  }
  if (v.size() > 5 && v[5] >= '0' && v[5] <= '9') return std::string(v);  // more than four digits
  std::string digits = std::to_string(year + 1);                          // 1 to 10000
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return "BC" + digits + std::string(v.substr(5));
}

}  // namespace

bool same_timex_value(std::string_view a, std::string_view b) { return a == b || bc_form(a) == bc_form(b); }

EvalCounts score_document(const TimemlDocument& gold, const std::vector<Mention>& mentions,
                          std::vector<EvalIssue>* issues) {
  EvalCounts c;
  c.documents = 1;
  c.gold = gold.timexes.size();
  c.system = mentions.size();
  std::vector<bool> used(mentions.size(), false);
  auto add = [&](EvalIssue::Kind kind, const GoldTimex* g, const Mention* m) {
    if (!issues) return;
    EvalIssue i{kind, gold.document.id, "", "", "", "", ""};
    if (g) {
      i.gold_text = g->text;
      i.gold_value = g->value;
    }
    if (m) {
      i.system_text = m->text;
      i.system_value = m->value.timex;
      i.rule = m->rule;
    }
    issues->push_back(std::move(i));
  };
  std::size_t j0 = 0;
  for (const GoldTimex& g : gold.timexes) {
    // The first unused mention overlapping this gold span (both lists are in text order).
    while (j0 < mentions.size() && mentions[j0].end <= g.begin) ++j0;
    const Mention* match = nullptr;
    for (std::size_t j = j0; j < mentions.size() && mentions[j].begin < g.end; ++j) {
      if (used[j] || mentions[j].end <= g.begin) continue;
      used[j] = true;
      match = &mentions[j];
      break;
    }
    if (!match) {
      add(EvalIssue::Kind::missed, &g, nullptr);
      continue;
    }
    ++c.relaxed;
    const bool same_span = match->begin == g.begin && match->end == g.end;
    const bool same_value = same_timex_value(match->value.timex, g.value);
    const bool same_type = to_string(match->value.type) == g.type;
    c.strict += same_span;
    c.value += same_value;
    c.type += same_type;
    if (!same_value)
      add(EvalIssue::Kind::value, &g, match);
    else if (!same_type)
      add(EvalIssue::Kind::type, &g, match);
    else if (!same_span)
      add(EvalIssue::Kind::span, &g, match);
  }
  for (std::size_t j = 0; j < mentions.size(); ++j)
    if (!used[j]) add(EvalIssue::Kind::extra, nullptr, &mentions[j]);
  return c;
}

EvalCounts score_anchoring(const TimemlDocument& gold, const std::vector<Event>& events) {
  EvalCounts c;
  const std::string_view text = gold.document.text;
  const auto sentences = split_sentences(text);
  auto sentence_of = [&](std::size_t byte) -> std::size_t {
    const auto it = std::upper_bound(sentences.begin(), sentences.end(), byte,
                                     [](std::size_t b, const Span& s) { return b < s.end; });
    return it == sentences.end() || it->begin > byte ? static_cast<std::size_t>(-1)
                                                     : static_cast<std::size_t>(it - sentences.begin());
  };
  std::map<std::string_view, const GoldTimex*> timex_of;
  for (const auto& t : gold.timexes) timex_of[t.tid] = &t;
  std::map<std::string_view, const GoldEvent*> event_of;
  for (const auto& e : gold.events) event_of[e.eid] = &e;
  // The gold spans' byte offsets in code points, counted in one pass over the text.
  std::vector<std::size_t> bytes;
  for (const auto& t : gold.timexes) bytes.insert(bytes.end(), {t.begin, t.end});
  for (const auto& e : gold.events) bytes.insert(bytes.end(), {e.begin, e.end});
  std::sort(bytes.begin(), bytes.end());
  bytes.erase(std::unique(bytes.begin(), bytes.end()), bytes.end());
  std::vector<std::size_t> code_points(bytes.size());
  CodePointCounter counter(text);
  for (std::size_t i = 0; i < bytes.size(); ++i) code_points[i] = counter.at(std::min(bytes[i], text.size()));
  auto cp = [&](std::size_t byte) {
    return code_points[static_cast<std::size_t>(std::lower_bound(bytes.begin(), bytes.end(), byte) - bytes.begin())];
  };
  std::vector<const EventMention*> mentions;
  std::vector<const Annotation*> notes;  // durations, sets and references read in this document
  for (const auto& e : events) {
    for (const auto* list : {&e.durations, &e.sets, &e.references})
      for (const auto& a : *list)
        if (a.doc == gold.document.id) notes.push_back(&a);
    if (e.kind == EventKind::event)
      for (const auto& m : e.mentions) mentions.push_back(&m);
  }
  std::map<std::string_view, bool> by_timex;  // timex -> one of its links anchored
  for (const auto& link : gold.event_time_links) {
    const auto t = timex_of.find(link.tid);
    const auto e = event_of.find(link.eid);
    if (t == timex_of.end() || e == event_of.end() || t->second->end <= t->second->begin) continue;
    const GoldTimex& gt = *t->second;
    const GoldEvent& ge = *e->second;
    const std::size_t s = sentence_of(gt.begin);
    if (s == static_cast<std::size_t>(-1) || s != sentence_of(ge.begin)) continue;
    ++c.links;
    const std::size_t t_begin = cp(gt.begin), t_end = cp(gt.end), e_begin = cp(ge.begin), e_end = cp(ge.end);
    bool found = false, anchored = false;
    auto on_event = [&](std::size_t start, std::size_t end) { return start < e_end && end > e_begin; };
    auto tells = [&](const auto& x) {  // an EventMention or an Annotation
      return (x.predicate_start && on_event(*x.predicate_start, *x.predicate_end)) ||
             std::any_of(x.shared_predicates.begin(), x.shared_predicates.end(),
                         [&](const auto& w) { return on_event(w.first, w.second); });
    };
    for (const EventMention* m : mentions) {
      if (m->timex_end <= t_begin || m->timex_start >= t_end) continue;
      found = true;
      anchored = anchored || tells(*m);
    }
    // A timex we made no event for: a duration or set, told by the predicate that governs it.
    bool noted = false;
    for (const Annotation* a : notes) {
      if (found || a->end <= t_begin || a->start >= t_end) continue;
      noted = true;
      anchored = anchored || tells(*a);
    }
    c.links_found += found;
    c.links_found_anchored += found && anchored;
    c.links_noted += noted;
    c.links_noted_anchored += noted && anchored;
    c.links_anchored += anchored;
    by_timex[link.tid] = by_timex[link.tid] || anchored;
  }
  c.timexes_linked = by_timex.size();
  for (const auto& [tid, anchored] : by_timex) c.timexes_anchored += anchored;
  return c;
}

EvalCounts evaluate_folder(const std::string& dir, const Grammar& grammar, const ExtractOptions& options,
                           std::vector<EvalIssue>* issues) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw std::runtime_error(dir + ": not a folder");
  std::vector<fs::path> files;
  for (const auto& f : find_timeml_files(dir)) files.emplace_back(f);
  if (files.empty()) throw std::runtime_error(dir + ": no .tml files");
  EvalCounts total;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw std::runtime_error(f.string() + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    const TimemlDocument doc = read_timeml(ss.str(), f.stem().string(), f.string());
    const auto mentions = extract(grammar, doc.document, options);
    total += score_document(doc, mentions, issues);
    if (!doc.event_time_links.empty()) total += score_anchoring(doc, attach_events(doc.document, mentions));
  }
  return total;
}

}  // namespace timeliner
