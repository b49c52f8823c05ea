#include <timeliner/timeline.hpp>

#include <algorithm>
#include <tuple>

namespace timeliner {

void order_events(std::vector<Event>& events) {
  auto key = [](const Event& e) {
    const auto& m = e.mentions.front();
    return std::make_tuple(e.date.bounds->earliest, e.date.bounds->latest, e.kind != EventKind::published,
                           std::cref(m.doc), m.timex_start, std::cref(e.date.timex));
  };
  std::stable_sort(events.begin(), events.end(), [&](const Event& a, const Event& b) { return key(a) < key(b); });
  std::size_t n = 0;
  for (auto& e : events) e.id = "e" + std::to_string(++n);
}

Timeline build_timeline(std::vector<Document> documents, const Grammar& grammar, const ExtractOptions& options) {
  Timeline t;
  for (const Document& doc : documents) {
    const auto mentions = extract(grammar, doc, options);
    auto events = attach_events(doc, mentions);
    for (auto& e : events) t.events.push_back(std::move(e));
  }
  order_events(t.events);
  t.documents = std::move(documents);
  return t;
}

}  // namespace timeliner
