// Regression tests: one case per bug found (most by the fuzzers of fuzz/), named after the bug.
#include "support/checks.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/json.hpp>
#include <timeliner/load.hpp>
#include <timeliner/text.hpp>
#include <timeliner/timeline.hpp>
#include <timeliner/timeml.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

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

// Found by fuzz_timeml: with no TIMEX3 inside <DCT>, the first TIMEX3 of the text was taken as
// the creation time; once we re-tagged the text, the same file read back with another date.
BOOST_AUTO_TEST_CASE(timeml_creation_time_is_never_taken_from_the_text) {
  const std::string raw =
      "<TimeML><DCT>unknown</DCT>\n<TEXT>It rained on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-05-05\">May 5, "
      "2020</TIMEX3> and yesterday.</TEXT></TimeML>\n";
  const TimemlDocument doc = read_timeml(raw, "r", "r.tml");
  BOOST_TEST(!doc.document.published.has_value());
  const std::string written = write_timeml(doc, extract(Grammar::english(), doc.document));
  BOOST_TEST(!read_timeml(written, "r", "r.tml").document.published.has_value());
  // A creation time after the text still counts; one inside it never does.
  const TimemlDocument after = read_timeml(
      "<TimeML><TEXT>Then.</TEXT><TIMEX3 functionInDocument=\"CREATION_TIME\" value=\"1998-01-08\"/></TimeML>", "r",
      "r.tml");
  BOOST_REQUIRE(after.document.published.has_value());
  BOOST_TEST(format_instant(*after.document.published) == "1998-01-08");
  const TimemlDocument inside = read_timeml(
      "<TimeML><TEXT><TIMEX3 functionInDocument=\"CREATION_TIME\" value=\"1998-01-08\">Then</TIMEX3>.</TEXT></TimeML>",
      "r", "r.tml");
  BOOST_TEST(!inside.document.published.has_value());
}

// Found by the hostile-input test of a 20 MB single line (no sentence end): the tense cues were
// read over the whole sentence for every mention, quadratic in the line (over 10 minutes).
BOOST_AUTO_TEST_CASE(tense_cues_of_one_huge_sentence_are_read_near_each_mention) {
  Document d;
  d.id = "r";
  d.source = "r";
  d.published = parse_instant("2025-04-18");
  const std::string chunk = "word after word on May 5, 2020 and then yesterday, ";
  while (d.text.size() < 500000) d.text += chunk;
  const auto start = std::chrono::steady_clock::now();
  const auto ms = extract(Grammar::english(), d);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST(ms.size() > 10000u);
  BOOST_TEST(seconds < 30.0);
}

BOOST_AUTO_TEST_CASE(timeline_reader_turns_every_json_error_into_a_runtime_error) {
  // Found by fuzz_timeline_json: a number out of range for a count escaped as nlohmann's out_of_range.
  const std::string huge =
      R"({"schema":"timeliner.timeline/1","documents":[],"events":[{"id":"e1","date":{"value":"2025","type":"DATE",)"
      R"("granularity":"year","earliest":"2025-01-01","latest":"2025-12-31","anchor":"explicit"},"headline":"h",)"
      R"("text":"t","mentions":[{"doc":"d","start":99999999999999999999999,"end":1,"timex":"x","timex_start":0,)"
      R"("timex_end":1}]}]})";
  for (const std::string& text :
       {huge, std::string(R"({"schema":"timeliner.timeline/1","documents":{"id":1},"events":[]})")}) {
    try {
      timeline_from_json(text);
      BOOST_ERROR("accepted a malformed timeline");
    } catch (const std::runtime_error& e) {
      BOOST_TEST(std::string(e.what()).rfind("timeline:", 0) == 0u);
    } catch (...) {
      BOOST_ERROR("an exception other than std::runtime_error escaped");
    }
  }
}

BOOST_AUTO_TEST_CASE(json_lines_warnings_stay_on_one_line) {
  // Found by fuzz_jsonl: an unreadable "published" value was echoed with its newline.
  const auto path = std::filesystem::temp_directory_path() / "timeliner-regression-feed.jsonl";
  std::ofstream(path) << R"({"id":"a","text":"It rained yesterday.","published":"soon\nor\rlater"})"
                      << "\n";
  LoadOptions options;
  const FileLoad load = load_file(path.string(), options);
  std::filesystem::remove(path);
  BOOST_REQUIRE(!load.warnings.empty());
  for (const auto& w : load.warnings) {
    BOOST_TEST(w.find('\n') == std::string::npos);
    BOOST_TEST(w.find('\r') == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(timeml_round_trip_keeps_a_bare_ampersand_that_meets_text_after_a_tag) {
  // Found by fuzz_timeml: "&#6<TIMEX3 ...>;" became the entity "&#6;" once our writer dropped the tag.
  const std::string raw =
      "<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"2025-04-18\">x</TIMEX3></DCT><TEXT>Cost &#6<TIMEX3 tid=\"t1\">"
      "rose</TIMEX3>; then in 2024 it fell &amp; rose.</TEXT></TimeML>";
  const TimemlDocument doc = read_timeml(raw, "r", "r.tml");
  BOOST_TEST(doc.document.text == "Cost &#6rose; then in 2024 it fell & rose.");
  const std::string written = write_timeml(doc, extract(Grammar::english(), doc.document));
  const TimemlDocument again = read_timeml(written, "r", "r.tml");
  BOOST_TEST(again.document.text == doc.document.text);
  BOOST_TEST(again.timexes.size() == 1u);
}

BOOST_AUTO_TEST_CASE(json_lines_with_unreadable_html_skip_that_line_only) {
  // Found by fuzz_jsonl: read_html's LoadError ("not an HTML document") escaped the reader.
  const auto path = std::filesystem::temp_directory_path() / "timeliner-regression-html.jsonl";
  std::ofstream(path) << R"({"id":"a","text":"It rained yesterday.","published":"2025-04-18"})"
                      << "\n"
                      << R"({"id":"b","html":"","published":"2025-04-18"})"
                      << "\n"
                      << R"({"id":"c","text":"It snowed on Monday.","published":"2025-04-18"})"
                      << "\n";
  const FileLoad load = load_file(path.string(), LoadOptions{});
  std::filesystem::remove(path);
  BOOST_TEST(load.documents.size() == 2u);
  BOOST_TEST(load.skipped.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
