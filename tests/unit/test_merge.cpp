// Merging: within and across documents, and over finished timelines in any order or grouping.
#include "schema_check.hpp"

#include <timeliner/json.hpp>
#include <timeliner/load.hpp>
#include <timeliner/timeline.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <set>

using namespace timeliner;

namespace {

Document doc(const std::string& id, const std::string& text, const char* dct) {
  LoadOptions o;
  o.dct = parse_instant(dct);
  return document_from_text(text, id, id + ".txt", o);
}

Timeline build(std::vector<Document> docs, double threshold = MergeOptions{}.threshold) {
  MergeOptions m;
  m.threshold = threshold;
  return build_timeline(std::move(docs), Grammar::english(), {}, m);
}

const Event* find(const Timeline& t, const std::string& headline) {
  for (const auto& e : t.events)
    if (e.headline == headline) return &e;
  return nullptr;
}

// Three articles on one story, with facts repeated in other words.
const char* kA =
    "Dam Talks Open\n\nMinisters opened talks on the new dam on March 3, 2025. The river authority approved the "
    "dam budget on February 20, 2025.";
const char* kB =
    "Dam Talks\n\nTalks on the new dam opened on March 3, 2025, officials said. Farmers protested against the dam "
    "on March 5, 2025.";
const char* kC =
    "Dam Deal\n\nThe talks on the new dam opened in March 2025. Farmers protested against the dam on March 5, 2025. "
    "A deal was signed on April 2, 2025. Engineers are now testing the gates for three weeks.";

std::vector<Timeline> three() {
  return {build({doc("a", kA, "2025-03-04")}), build({doc("b", kB, "2025-03-06")}),
          build({doc("c", kC, "2025-04-03")})};
}

std::string merged(std::vector<Timeline> ts) { return timeline_to_json(merge_timelines(ts)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(merge)

BOOST_AUTO_TEST_CASE(similarity_is_cosine_over_content_word_stems) {
  BOOST_TEST(headline_similarity("The talks opened", "Talks open") == 1.0);
  BOOST_TEST(headline_similarity("Farmers protested", "The farmers protest") == 1.0);
  BOOST_TEST(headline_similarity("Talks opened", "Farmers protested") == 0.0);
  BOOST_TEST(headline_similarity("", "Farmers protested") == 0.0);
  // Two of two against two of four: 2 / sqrt(2 * 4).
  BOOST_TEST(headline_similarity("His first visit", "Huang made his first visit") == 2.0 / std::sqrt(2.0 * 4.0),
             boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(a_repeated_teaser_merges_within_a_document) {
  const Timeline t = build({doc("t",
                                "Bridge News\n\nThe bridge reopened on April 17, 2025. Other news followed. "
                                "The bridge reopened on April 17, 2025, after repairs.",
                                "2025-04-18")});
  const Event* e = find(t, "The bridge reopened");
  BOOST_REQUIRE(e);
  BOOST_TEST(e->mentions.size() == 2u);
  BOOST_TEST(e->mentions[0].start < e->mentions[1].start);
  BOOST_TEST(t.events.size() == 2u);  // and the publication
}

BOOST_AUTO_TEST_CASE(reports_merge_across_documents_finer_date_wins) {
  std::vector<Document> docs{doc("a", kA, "2025-03-04"), doc("b", kB, "2025-03-06"), doc("c", kC, "2025-04-03")};
  const Timeline t = build(std::move(docs));
  const Event* talks = nullptr;
  for (const auto& e : t.events)
    if (e.headline.find("alks") != std::string::npos) talks = talks ? talks : &e;
  BOOST_REQUIRE(talks);
  BOOST_TEST(talks->mentions.size() == 3u);  // March 3 twice and "March 2025" inside it
  BOOST_TEST(talks->date.timex == "2025-03-03");
  const Event* protest = find(t, "Farmers protested against the dam");
  BOOST_REQUIRE(protest);
  BOOST_TEST(protest->mentions.size() == 2u);
  // The merged mention keeps what it said itself.
  bool month = false;
  for (const auto& m : talks->mentions) month = month || m.date.timex == "2025-03";
  BOOST_TEST(month);
  // Different things on the same day do not merge: 3 publications, budget, talks, protest, deal.
  BOOST_TEST(t.events.size() == 7u);
}

BOOST_AUTO_TEST_CASE(the_threshold_is_configurable) {
  std::vector<Document> docs{doc("a", kA, "2025-03-04"), doc("b", kB, "2025-03-06")};
  const Timeline none = build(docs, 1.01);
  std::size_t mentions = 0;
  for (const auto& e : none.events) {
    BOOST_TEST(e.mentions.size() == 1u);
    mentions += e.mentions.size();
  }
  BOOST_TEST(build(docs).events.size() < none.events.size());
  BOOST_TEST(mentions == none.events.size());
}

BOOST_AUTO_TEST_CASE(a_derived_date_merges_with_the_explicit_report) {
  std::vector<Document> docs{
      doc("a", "Huang made his first visit to Beijing on January 14, 2025.", "2025-01-15"),
      doc("b", "Huang made his second visit to Beijing in April 2025, three months after his first visit to Beijing.",
          "2025-04-18")};
  const Timeline t = build(std::move(docs));
  const Event* e = find(t, "Huang made his first visit to Beijing");
  BOOST_REQUIRE(e);
  BOOST_TEST(e->mentions.size() == 2u);
  BOOST_TEST(e->date.timex == "2025-01-14");
  BOOST_TEST(e->mentions[1].date.timex == "2025-01");
  BOOST_TEST(e->mentions[1].headline == "His first visit to Beijing");
}

BOOST_AUTO_TEST_CASE(headlines_that_give_different_amounts_are_different_events) {
  const Timeline t =
      build({doc("a", "Savin Corp. reported a net loss of $35.2 million in the third quarter.", "2025-10-20"),
             doc("b", "Ogden Corp. reported a net loss of $27.1 million in the third quarter.", "2025-10-21"),
             doc("c", "Savin reported a net loss of $35.2 million for the third quarter.", "2025-10-22")});
  const Event* savin = find(t, "Savin Corp. reported a net loss of $35.2 million");
  const Event* ogden = find(t, "Ogden Corp. reported a net loss of $27.1 million");
  BOOST_REQUIRE(savin && ogden);
  BOOST_TEST(savin->mentions.size() == 2u);  // the same amount merges
  BOOST_TEST(ogden->mentions.size() == 1u);
  // A headline without numbers still merges with one that has some.
  const Timeline u = build({doc("a", "Savin Corp. reported a net loss of $35.2 million on May 5, 2025.", "2025-05-06"),
                            doc("b", "Savin Corp. reported a net loss on May 5, 2025.", "2025-05-07")});
  BOOST_TEST(u.events.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_state_until_publication_does_not_swallow_points) {
  // "since 1958" overlaps every later day; it must not merge with a similar point event.
  const Timeline t = build({doc("w",
                                "The town has drawn its water from the river since 1958. The town shut its water "
                                "intake on the river on September 8, 2025.",
                                "2025-09-10")});
  BOOST_TEST(t.events.size() == 3u);
  for (const auto& e : t.events) BOOST_TEST(e.mentions.size() == 1u);
}

// Limits of a merge: a year overlaps both January 5 and December 20, but no event may hold both
// days; and an event's headlines all share a content word, however alike neighbours are.
BOOST_AUTO_TEST_CASE(merges_never_span_incompatible_days_or_unrelated_words) {
  const Timeline t = build({doc("y",
                                "Floods hit the valley on January 5, 2025. Floods hit the valley in 2025. "
                                "Floods hit the valley on December 20, 2025.",
                                "2025-12-31")});
  for (const auto& e : t.events) {
    std::set<date::sys_days> days;
    for (const auto& m : e.mentions)
      if (m.date.grain == Grain::day) days.insert(m.date.bounds->earliest);
    BOOST_TEST(days.size() <= 1u, e.headline);
  }
  const Timeline chain = build({doc("c",
                                    "Fire crews contained the leak on March 3, 2025.\n\n"
                                    "Crews contained a spill on March 3, 2025.\n\nA spill closed the road on March 3, "
                                    "2025.",
                                    "2025-03-04")},
                               0.3);
  for (const auto& e : chain.events) {
    bool leak = false, road = false;
    for (const auto& m : e.mentions) {
      leak = leak || m.headline.find("leak") != std::string::npos;
      road = road || m.headline.find("road") != std::string::npos;
    }
    BOOST_TEST(!(leak && road), e.headline);
  }
}

// The same thing said again and again in one run-on sentence is one event of one mention.
BOOST_AUTO_TEST_CASE(repeats_within_a_sentence_are_one_mention) {
  std::string text = "The committee met.";
  for (int i = 0; i < 5000; ++i) text += " On Monday";
  text += ".";
  const Timeline t = build({doc("m", text, "2025-04-18")});
  std::size_t monday = 0;
  for (const auto& e : t.events)
    if (e.date.timex == "2025-04-14") {
      ++monday;
      BOOST_TEST(e.mentions.size() == 1u);
    }
  BOOST_TEST(monday == 1u);
  // Two different clauses at one date stay two mentions of one sentence.
  const Timeline two = build({doc("t", "Crews arrived on Monday and the road reopened on Monday.", "2025-04-18")});
  std::size_t events = 0;
  for (const auto& e : two.events) events += e.kind == EventKind::event ? 1 : 0;
  BOOST_TEST(events == 2u);
}

BOOST_AUTO_TEST_CASE(merge_is_associative_and_commutative) {
  const auto ts = three();
  const std::string reference = merged(ts);
  std::array<int, 3> order{0, 1, 2};
  do {
    const Timeline& x = ts[order[0]];
    const Timeline& y = ts[order[1]];
    const Timeline& z = ts[order[2]];
    BOOST_TEST(merged({x, y, z}) == reference);
    BOOST_TEST(merged({merge_timelines({x, y}), z}) == reference);
    BOOST_TEST(merged({x, merge_timelines({y, z})}) == reference);
    // Through the JSON text too, as the command line does.
    const Timeline xy = timeline_from_json(timeline_to_json(merge_timelines({x, y})));
    BOOST_TEST(merged({xy, z}) == reference);
  } while (std::next_permutation(order.begin(), order.end()));
  BOOST_TEST(merged({ts[0], ts[0]}) == merged({ts[0]}));  // idempotent
  BOOST_TEST(schema_check::timeline_errors(reference) == "");
  // A reference on a publication, a duration of a dateless sentence on the deal: kept by merging.
  BOOST_TEST(reference.find("\"references\"") != std::string::npos);
  BOOST_TEST(reference.find("\"three weeks\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(building_together_equals_merging_separate_builds) {
  std::vector<Document> docs{doc("c", kC, "2025-04-03"), doc("a", kA, "2025-03-04"), doc("b", kB, "2025-03-06")};
  const std::string together = timeline_to_json(build(std::move(docs)));
  BOOST_TEST(together == merged(three()));
}

BOOST_AUTO_TEST_CASE(events_are_ordered_by_earliest_then_latest) {
  const Timeline t = merge_timelines(three());
  for (std::size_t i = 1; i < t.events.size(); ++i) {
    const auto& a = *t.events[i - 1].date.bounds;
    const auto& b = *t.events[i].date.bounds;
    BOOST_TEST((a.earliest < b.earliest || (a.earliest == b.earliest && a.latest <= b.latest)));
    BOOST_TEST(t.events[i].id == "e" + std::to_string(i + 1));
  }
  BOOST_TEST(t.documents.size() == 3u);
  BOOST_TEST(t.documents[0].id == "a");
}

BOOST_AUTO_TEST_SUITE_END()
