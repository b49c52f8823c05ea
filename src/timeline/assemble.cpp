#include <timeliner/timeline.hpp>

#include <algorithm>

namespace timeliner {

Timeline build_timeline(std::vector<Document> documents, const Grammar& grammar, const ExtractOptions& options,
                        const MergeOptions& merge) {
  std::vector<Event> events;
  for (const Document& doc : documents) {
    auto attached = attach_events(doc, extract(grammar, doc, options));
    for (auto& e : attached) events.push_back(std::move(e));
  }
  Timeline t;
  t.events = merge_events(std::move(events), merge);
  // Documents in the order of their ids, as merge_timelines puts them: building several documents
  // at once gives the same timeline as merging their separate builds.
  std::stable_sort(documents.begin(), documents.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  t.documents = std::move(documents);
  return t;
}

}  // namespace timeliner
