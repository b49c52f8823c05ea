#include <timeliner/timeliner.hpp>

#include <iostream>

int main() {
  using namespace timeliner;
  Document doc;
  doc.id = "note";
  doc.text = "The bridge closed last week. It will reopen on May 5.";
  doc.published = parse_instant("2025-04-18");

  // Every temporal expression, resolved.
  for (const Mention& m : extract(Grammar::english(), doc))
    std::cout << m.text << " -> " << m.value.timex << " (" << format_day(m.value.bounds->earliest) << ".."
              << format_day(m.value.bounds->latest) << ")\n";

  // The events, merged and ordered, as the timeline JSON of `timeliner build`.
  const Timeline timeline = build_timeline({doc}, Grammar::english());
  std::cout << timeline_to_json(timeline);
}
