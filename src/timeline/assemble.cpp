#include <timeliner/summary.hpp>
#include <timeliner/timeline.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

namespace timeliner {

namespace {

// The publication's text is the article's opening sentence; when the one attach_events chose lies in
// page noise (a related-stories list or a "Last updated" line taken for a byline), the first
// sentence of five words or more outside the noise, if any.
void open_outside_noise(const Document& doc, const std::vector<Span>& noise, std::vector<Event>& events) {
  auto in_noise = [&](Span s) {
    return std::any_of(noise.begin(), noise.end(), [&](const Span& n) { return n.begin <= s.begin && s.end <= n.end; });
  };
  auto words = [&](Span s) {
    return std::count(doc.text.begin() + static_cast<std::ptrdiff_t>(s.begin),
                      doc.text.begin() + static_cast<std::ptrdiff_t>(s.end), ' ') +
           1;
  };
  for (auto& e : events) {
    if (e.kind != EventKind::published || e.mentions.empty()) continue;
    EventMention& m = e.mentions.front();
    CodePointCounter cp(doc.text);
    SentenceSplitter sentences(doc.text);
    std::optional<Span> first;  // the first sentence outside the noise, of five words or more
    bool opening_in_noise = false;
    for (Span s; sentences.next(s) && !(opening_in_noise && first);) {
      if (cp.at(s.begin) == m.start) {
        if (!in_noise(s)) return;
        opening_in_noise = true;
      }
      if (!first && !in_noise(s) && words(s) >= 5) first = s;
    }
    if (!opening_in_noise || !first || first->end - first->begin > 600) return;
    e.text = doc.text.substr(first->begin, first->end - first->begin);
    m.start = m.timex_start = m.timex_end = count_code_points(std::string_view(doc.text).substr(0, first->begin));
    m.end = m.start + count_code_points(e.text);
    m.text = e.text;
  }
}

}  // namespace

std::vector<Event> document_events(const Document& doc, std::vector<Mention> mentions) {
  const auto noise = page_noise(doc.text);
  drop_page_noise(doc.text, mentions);
  // Repeats within a sentence: counted per (words, value) while the sentences go by.
  SentenceSplitter sentences(doc.text);
  Span s{0, 0};
  bool more = sentences.next(s);
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> seen;
  std::erase_if(mentions, [&](const Mention& m) {
    bool moved = false;
    while (more && s.end <= m.begin) {
      more = sentences.next(s);
      moved = true;
    }
    if (moved) seen.clear();
    return ++seen[{m.text, m.value.timex}] > kMaxRepeatsInSentence;
  });
  auto events = attach_events(doc, mentions);
  if (!noise.empty()) open_outside_noise(doc, noise, events);
  return events;
}

void assemble_timeline(Timeline& t, const MergeOptions& merge) {
  remove_boilerplate(t);
  t.events = merge_events(std::move(t.events), merge);
  score_importance(t, score_days(t));
}

Timeline build_timeline(std::vector<Document> documents, const Grammar& grammar, const ExtractOptions& options,
                        const MergeOptions& merge) {
  Timeline t;
  for (const Document& doc : documents)
    for (auto& e : document_events(doc, extract(grammar, doc, options))) t.events.push_back(std::move(e));
  // Documents in the order of their ids, as merge_timelines puts them: building several documents
  // at once gives the same timeline as merging their separate builds.
  std::stable_sort(documents.begin(), documents.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  t.documents = std::move(documents);
  assemble_timeline(t, merge);
  return t;
}

}  // namespace timeliner
