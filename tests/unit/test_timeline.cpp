#include <timeliner/load.hpp>
#include <timeliner/timeline.hpp>

#include <boost/test/unit_test.hpp>

using namespace timeliner;

namespace {
Document doc(const std::string& id, const std::string& text, const char* dct) {
  LoadOptions o;
  o.dct = parse_instant(dct);
  return document_from_text(text, id, id + ".txt", o);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(timeline)

BOOST_AUTO_TEST_CASE(headline_drops_the_temporal_phrase) {
  const std::string s = "The council approved the budget on Tuesday, officials said.";
  const auto b = s.find("Tuesday");
  BOOST_TEST(event_headline(s, Span{b, b + 7}) == "The council approved the budget");
  const std::string t = "Last week the river burst its banks.";
  BOOST_TEST(event_headline(t, Span{0, 9}) == "The river burst its banks");
}

// A long clause after a year (the model before took "2020" for its root: docs/parser.md).
BOOST_AUTO_TEST_CASE(a_long_clause_after_a_year) {
  // At most twelve words: what a long clause can do without goes first, then "...".
  const std::string long_s =
      "In 2020 the council of the small northern town, which has grown fast, approved a plan to build a new "
      "bridge over the river and two roads to the new station.";
  const std::string h = event_headline(long_s, Span{3, 7});
  std::size_t words = 1;
  for (char c : h) words += c == ' ';
  BOOST_TEST(words <= 12u, h);
  BOOST_TEST(h.find("approved") != std::string::npos, h);
}

BOOST_AUTO_TEST_CASE(events_are_ordered_and_point_at_their_sentence) {
  std::vector<Document> docs;
  docs.push_back(doc("a",
                     "Storm Hits Coast\n\nThe storm hit on Tuesday. Repairs began yesterday. It will end next month.",
                     "2025-04-18"));
  const Timeline t = build_timeline(std::move(docs), Grammar::english());
  BOOST_REQUIRE_EQUAL(t.events.size(), 4u);
  BOOST_TEST(t.events[0].date.timex == "2025-04-15");
  BOOST_TEST(t.events[0].headline == "The storm hit");
  BOOST_TEST(t.events[1].date.timex == "2025-04-17");
  BOOST_TEST((t.events[2].kind == EventKind::published));
  BOOST_TEST(t.events[2].headline == "Published: Storm Hits Coast");
  BOOST_TEST(t.events[3].date.timex == "2025-05");
  for (std::size_t i = 0; i < t.events.size(); ++i) BOOST_TEST(t.events[i].id == "e" + std::to_string(i + 1));
  const auto& m = t.events[0].mentions.at(0);
  BOOST_TEST(m.doc == "a");
  BOOST_TEST(m.timex == "Tuesday");
  BOOST_TEST(t.events[0].text == "The storm hit on Tuesday.");
  BOOST_TEST(m.timex_start - m.start == 17u);
  BOOST_TEST(m.end - m.start == t.events[0].text.size());
}

BOOST_AUTO_TEST_CASE(durations_sets_and_references_are_not_points) {
  std::vector<Document> docs;
  docs.push_back(doc("b", "It lasted 30 years. They meet every week. Prices are rising now.", "2025-04-18"));
  const Timeline t = build_timeline(std::move(docs), Grammar::english());
  BOOST_REQUIRE_EQUAL(t.events.size(), 1u);  // only the publication
  BOOST_TEST((t.events[0].kind == EventKind::published));
  // which they annotate, with no other event to annotate
  const Event& e = t.events[0];
  BOOST_REQUIRE_EQUAL(e.durations.size(), 1u);
  BOOST_TEST(e.durations[0].value == "P30Y");
  BOOST_REQUIRE_EQUAL(e.sets.size(), 1u);
  BOOST_TEST(e.sets[0].text == "every week");
  BOOST_REQUIRE_EQUAL(e.references.size(), 1u);
  BOOST_TEST(e.references[0].value == "PRESENT_REF");
}

BOOST_AUTO_TEST_CASE(ordering_is_deterministic_across_documents) {
  auto make = [] {
    std::vector<Document> docs;
    docs.push_back(doc("x", "The vote was held on March 3, 2025.", "2025-04-01"));
    docs.push_back(doc("y", "The vote happened on March 3, 2025. The count ended in March 2025.", "2025-04-02"));
    return build_timeline(std::move(docs), Grammar::english());
  };
  const Timeline a = make(), b = make();
  BOOST_REQUIRE_EQUAL(a.events.size(), b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    BOOST_TEST(a.events[i].date.timex == b.events[i].date.timex);
    BOOST_TEST(a.events[i].mentions[0].doc == b.events[i].mentions[0].doc);
  }
  // March 2025 (the month) starts before March 3 and ends after it: it sorts first by earliest.
  BOOST_TEST(a.events[0].date.timex == "2025-03");
  BOOST_TEST(a.events[1].date.timex == "2025-03-03");
  BOOST_TEST(a.events[1].mentions[0].doc == "x");
}

BOOST_AUTO_TEST_SUITE_END()
