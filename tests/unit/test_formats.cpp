// Output formats: the timeline JSON against its schema, TimelineJS, CSV, JSON lines, date ranges.
#include "schema_check.hpp"

#include <timeliner/formats.hpp>
#include <timeliner/json.hpp>
#include <timeliner/load.hpp>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

using namespace timeliner;
using Json = nlohmann::json;

namespace {

Timeline sample() {
  LoadOptions o;
  o.dct = parse_instant("2025-04-18");
  std::vector<Document> docs{
      document_from_text("Harbour \"News\"\n\nThe bridge reopened to cars, buses and bikes on April 17, 2025. Repairs "
                         "began in October 2024. "
                         "It last closed in the 1990s for 18 months. Prices have risen since 2019.",
                         "h", "h.txt", o)};
  return build_timeline(std::move(docs), Grammar::english());
}

std::vector<std::string> split_lines(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto j = s.find(sep, i);
    out.push_back(s.substr(i, j - i));
    if (j == std::string::npos) break;
    i = j + sep.size();
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(formats)

BOOST_AUTO_TEST_CASE(the_schema_checker_catches_violations) {
  BOOST_TEST(schema_check::timeline_errors(timeline_to_json(sample())) == "");
  Json j = Json::parse(timeline_to_json(sample()));
  j["events"][0]["date"]["type"] = "DURATION";
  j["events"][1]["mentions"] = Json::array();
  j["documents"][0].erase("id");
  const std::string errors = schema_check::timeline_errors(j.dump());
  BOOST_TEST(errors.find("/events/0/date/type") != std::string::npos, errors);
  BOOST_TEST(errors.find("/events/1/mentions: fewer items") != std::string::npos, errors);
  BOOST_TEST(errors.find("/documents/0: missing id") != std::string::npos, errors);
}

BOOST_AUTO_TEST_CASE(timelinejs_has_dates_text_and_groups) {
  const Timeline t = sample();
  const Json j = Json::parse(timeline_to_timelinejs(t));
  BOOST_REQUIRE(j["events"].is_array());
  BOOST_TEST(j["events"].size() == t.events.size());
  bool day = false, decade = false, month = false;
  for (const auto& e : j["events"]) {
    BOOST_TEST(e["start_date"]["year"].is_number_integer());
    BOOST_TEST(e["text"]["headline"].is_string());
    BOOST_TEST(e["group"] == "Harbour \"News\"");
    if (e["text"]["headline"] == "The bridge reopened to cars, buses and bikes") {
      day = e["start_date"] == Json{{"year", 2025}, {"month", 4}, {"day", 17}} && !e.contains("display_date") &&
            !e.contains("end_date");
      BOOST_TEST(e["text"]["text"].get<std::string>().find("&quot;") == std::string::npos);
    }
    if (e.contains("display_date") && e["display_date"] == "the 1990s")
      decade = e["start_date"] == Json{{"year", 1990}} && e["end_date"] == Json{{"year", 1999}};
    if (e.contains("display_date") && e["display_date"] == "October 2024")
      month = e["start_date"] == Json{{"year", 2024}, {"month", 10}};
  }
  BOOST_TEST(day);
  BOOST_TEST(decade);
  BOOST_TEST(month);
}

// Years BC: events sort across the era boundary, the JSON keeps its schema and reads back, TimelineJS
// gets astronomical years with a display date that says BC, CSV the TIMEX3 value and ISO days.
BOOST_AUTO_TEST_CASE(dates_bc_sort_and_export) {
  LoadOptions o;
  o.dct = parse_instant("2025-04-18");
  std::vector<Document> docs{document_from_text(
      "Carthage fell in 146 BC. Hannibal crossed the Alps in 218 BC. Rome was founded in the 8th century BC. "
      "The first war began in the 260s BC. Augustus died in AD 14.",
      "c", "c.txt", o)};
  const Timeline t = build_timeline(std::move(docs), Grammar::english());
  std::vector<std::string> order;
  for (const auto& e : t.events)
    if (e.kind == EventKind::event) order.push_back(e.date.timex);
  BOOST_TEST(order == (std::vector<std::string>{"BC07", "BC026", "BC0218", "BC0146", "0014"}),
             boost::test_tools::per_element());
  const std::string json = timeline_to_json(t);
  BOOST_TEST(schema_check::timeline_errors(json) == "");
  BOOST_TEST(timeline_to_json(timeline_from_json(json)) == json);
  BOOST_TEST(json.find("\"earliest\": \"-0217-01-01\"") != std::string::npos);
  const Json tl = Json::parse(timeline_to_timelinejs(t));
  bool hannibal = false;
  for (const auto& e : tl["events"])
    if (e["text"]["headline"].get<std::string>().find("Hannibal") != std::string::npos)
      hannibal = e["start_date"] == Json{{"year", -217}} && e["display_date"] == "218 BC";
  BOOST_TEST(hannibal);
  const std::string csv = timeline_to_csv(t);
  BOOST_TEST(csv.find(",BC0218,DATE,year,-0217-01-01,-0217-12-31,") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(csv_quotes_as_rfc4180) {
  const Timeline t = sample();
  const std::string csv = timeline_to_csv(t);
  const auto rows = split_lines(csv, "\r\n");
  BOOST_TEST(rows[0] == "id,kind,value,type,granularity,earliest,latest,mod,anchor,headline,text,documents,mentions");
  BOOST_TEST(rows.size() == t.events.size() + 1);  // a header, then one row an event
  BOOST_TEST(csv.ends_with("\r\n"));
  // The headline with commas is quoted; the title's quotes are doubled.
  BOOST_TEST(csv.find(",\"The bridge reopened to cars, buses and bikes\",") != std::string::npos);
  BOOST_TEST(csv.find("\"Published: Harbour \"\"News\"\"\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(jsonl_is_one_event_a_line) {
  const Timeline t = sample();
  std::istringstream in(timeline_to_jsonl(t));
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    const Json e = Json::parse(line);
    BOOST_TEST(e["id"] == t.events[n].id);
    // Each line is an event of the timeline schema.
    std::vector<std::string> errors;
    schema_check::check(schema_check::timeline_schema(),
                        schema_check::timeline_schema()["properties"]["events"]["items"], e, "", errors);
    BOOST_TEST(errors.empty());
    ++n;
  }
  BOOST_TEST(n == t.events.size());
}

BOOST_AUTO_TEST_CASE(a_date_range_keeps_overlapping_events) {
  Timeline t = sample();
  filter_events(t, date::sys_days{date::year{2024} / 10 / 15}, date::sys_days{date::year{2025} / 4 / 17});
  std::vector<std::string> values;
  for (const auto& e : t.events) values.push_back(e.date.timex);
  // October 2024 overlaps, the interval since 2019 overlaps, April 17 is the last day kept.
  BOOST_TEST((values == std::vector<std::string>{"2019/2025-04-18", "2024-10", "2025-04-17"}));
}

BOOST_AUTO_TEST_CASE(the_v1_json_with_annotations_round_trips) {
  const std::string text = timeline_to_json(sample());
  BOOST_TEST(text.find("\"durations\"") != std::string::npos);
  BOOST_TEST(timeline_to_json(timeline_from_json(text)) == text);
  BOOST_TEST(schema_check::timeline_errors(text) == "");
  // A duration keeps where it was read and the predicate that governs it (a verb before it).
  const Timeline back = timeline_from_json(text);
  const auto e =
      std::find_if(back.events.begin(), back.events.end(), [](const Event& x) { return !x.durations.empty(); });
  BOOST_REQUIRE(e != back.events.end());
  const Annotation& a = e->durations.front();
  BOOST_TEST(a.doc == "h");
  BOOST_TEST(a.end - a.start == std::string("18 months").size());
  BOOST_REQUIRE(a.predicate_start.has_value());
  BOOST_TEST(*a.predicate_end <= a.start);
}

BOOST_AUTO_TEST_CASE(references_round_trip_and_old_timelines_load_without_them) {
  LoadOptions o;
  o.dct = parse_instant("2025-04-18");
  std::vector<Document> docs{document_from_text(
      "Pier Notice\n\nThe old pier is currently closed. The ferry sailed on Tuesday.", "p", "p.txt", o)};
  const std::string text = timeline_to_json(build_timeline(std::move(docs), Grammar::english()));
  BOOST_TEST(text.find("\"references\"") != std::string::npos);
  BOOST_TEST(timeline_to_json(timeline_from_json(text)) == text);
  BOOST_TEST(schema_check::timeline_errors(text) == "");
  // Without the field (a timeline written before it), the events load with none.
  auto j = nlohmann::json::parse(text);
  for (auto& e : j["events"]) e.erase("references");
  const Timeline old = timeline_from_json(j.dump());
  for (const auto& e : old.events) BOOST_TEST(e.references.empty());
}

BOOST_AUTO_TEST_SUITE_END()
