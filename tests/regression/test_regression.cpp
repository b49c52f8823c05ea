// Regression tests: one case per bug found (most by the fuzzers of fuzz/), named after the bug.
#include "support/checks.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/json.hpp>
#include <timeliner/text.hpp>
#include <timeliner/timeline.hpp>
#include <timeliner/timeml.hpp>

#include <boost/test/unit_test.hpp>

using namespace timeliner;
using namespace timeliner::testing;

BOOST_AUTO_TEST_SUITE(regression)

namespace {

Document doc_at(const std::string& dct, const std::string& text) {
  Document d;
  d.id = "r";
  d.source = "r";
  d.text = text;
  d.published = parse_instant(dct);
  return d;
}

}  // namespace

// Found by the hostile-input tests (year 0 and 10000): "January 1" from a 9999-12-31 publication
// date became "10000-01-01", "yesterday" from 0000-01-01 "-0001-12-31" (bounds "-001-12-31");
// the timeline written with them could not be read back by show, view or merge.
BOOST_AUTO_TEST_CASE(values_outside_years_0000_to_9999_are_dropped) {
  const auto late = extract(Grammar::english(), doc_at("9999-12-31", "On January 1 and the next year, and in 2025."));
  BOOST_REQUIRE_EQUAL(late.size(), 1u);
  BOOST_TEST(late[0].value.timex == "2025");
  const auto early = extract(Grammar::english(), doc_at("0000-01-01", "Yesterday, last year, 5 centuries ago, today."));
  BOOST_REQUIRE_EQUAL(early.size(), 1u);
  BOOST_TEST(early[0].value.timex == "0000-01-01");
  std::vector<Document> docs{doc_at("9999-12-31", "It ends on January 1.")};
  const std::string json = timeline_to_json(build_timeline(docs, Grammar::english()));
  BOOST_TEST(timeline_schema_problem(nlohmann::json::parse(json)) == "");
  BOOST_CHECK_NO_THROW(timeline_from_json(json));
}

BOOST_AUTO_TEST_SUITE_END()
