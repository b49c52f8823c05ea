#include <timeliner/eval.hpp>
#include <timeliner/timeline.hpp>
#include <timeliner/timeml.hpp>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace timeliner;
namespace fs = std::filesystem;

namespace {
std::string fixture(const std::string& name) {
  std::ifstream in(fs::path(TIMELINER_SOURCE_DIR) / "tests" / "fixtures" / "timeml" / name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
std::string text_without_tags(const std::string& xml) {
  const auto b = xml.find("<TEXT>"), e = xml.find("</TEXT>");
  return std::regex_replace(xml.substr(b, e - b), std::regex("<[^>]*>"), "");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(timeml)

BOOST_AUTO_TEST_CASE(reads_text_dct_and_gold_timexes) {
  const TimemlDocument d = read_timeml(fixture("harbour.tml"), "harbour", "harbour.tml");
  BOOST_REQUIRE(d.document.published);
  BOOST_TEST(format_instant(*d.document.published) == "2025-04-18");
  BOOST_TEST(d.document.published_from == "timeml");
  BOOST_TEST(d.document.text.find("Crews & engineers") != std::string::npos);  // entity decoded
  BOOST_TEST(d.document.text.find('<') == std::string::npos);
  BOOST_REQUIRE_EQUAL(d.timexes.size(), 5u);
  BOOST_TEST(d.timexes[0].text == "yesterday");
  BOOST_TEST(d.document.text.substr(d.timexes[0].begin, 9) == "yesterday");
  BOOST_TEST(d.timexes[2].type == "DURATION");
  BOOST_TEST(d.timexes[2].value == "P6M");
}

BOOST_AUTO_TEST_CASE(writes_our_tags_and_keeps_every_other_byte) {
  const std::string raw = fixture("harbour.tml");
  const TimemlDocument d = read_timeml(raw, "harbour", "harbour.tml");
  const auto mentions = extract(Grammar::english(), d.document);
  const std::string out = write_timeml(d, mentions);
  // The text is unchanged once tags are removed; the part outside <TEXT> is untouched.
  BOOST_TEST(text_without_tags(out) == text_without_tags(raw));
  BOOST_TEST(out.substr(0, out.find("<TEXT>")) == raw.substr(0, raw.find("<TEXT>")));
  BOOST_TEST(out.substr(out.find("</TEXT>")) == raw.substr(raw.find("</TEXT>")));
  BOOST_TEST(out.find("<EVENT") == std::string::npos);  // old annotations inside TEXT are gone
  BOOST_TEST(out.find("&amp;") != std::string::npos);   // entities written as they were
  BOOST_TEST(out.find("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-04-17\">yesterday</TIMEX3>") != std::string::npos);
  BOOST_TEST(out.find("value=\"P6M\">six months</TIMEX3>") != std::string::npos);
  // Reading our output back finds our tags as its gold.
  const TimemlDocument again = read_timeml(out, "harbour", "out.tml");
  BOOST_TEST(again.timexes.size() == mentions.size());
}

BOOST_AUTO_TEST_CASE(scores_match_by_span_value_and_type) {
  const TimemlDocument d = read_timeml(fixture("harbour.tml"), "harbour", "harbour.tml");
  auto mentions = extract(Grammar::english(), d.document);
  // Perfect agreement with a copy of our own output as gold.
  const TimemlDocument self = read_timeml(write_timeml(d, mentions), "self", "self.tml");
  const EvalCounts all = score_document(self, mentions);
  BOOST_TEST(all.strict == mentions.size());
  BOOST_TEST(prf(all.value, all.system, all.gold).f1 == 100.0);
  // Against the fixture's gold: "today" is PRESENT_REF there and a date for us; one wrong value.
  std::vector<EvalIssue> issues;
  const EvalCounts c = score_document(d, mentions, &issues);
  BOOST_TEST(c.gold == 5u);
  BOOST_TEST(c.relaxed == 5u);
  BOOST_TEST(c.value == 4u);
  BOOST_REQUIRE_EQUAL(issues.size(), 1u);
  BOOST_TEST(issues[0].gold_text == "today");
  // A missed and an extra mention.
  mentions.erase(mentions.begin());
  const EvalCounts fewer = score_document(d, mentions);
  BOOST_TEST(fewer.relaxed == 4u);
  const Prf f = prf(fewer.relaxed, fewer.system, fewer.gold);
  BOOST_TEST(f.p == 100.0);
  BOOST_TEST(f.r == 80.0);
}

// TimeML writes a year BC either way: BC0218 or, astronomically, -0217; eval takes both.
BOOST_AUTO_TEST_CASE(values_bc_match_in_either_form) {
  BOOST_TEST(same_timex_value("BC0218", "-0217"));
  BOOST_TEST(same_timex_value("-0479-09", "BC0480-09"));
  BOOST_TEST(same_timex_value("BC0001", "-0000"));
  BOOST_TEST(same_timex_value("2025-04", "2025-04"));
  BOOST_TEST(!same_timex_value("BC0218", "-0218"));
  BOOST_TEST(!same_timex_value("BC0218", "0218"));
  BOOST_TEST(!same_timex_value("-02170", "BC02180"));
  // A gold written astronomically scores our BC value as right.
  TimemlDocument gold;
  gold.document.text = "Hannibal crossed the Alps in 218 BC.";
  GoldTimex t;
  t.begin = 28;
  t.end = 34;
  t.text = "218 BC";
  t.type = "DATE";
  t.value = "-0217";
  gold.timexes.push_back(t);
  const auto mentions = extract(Grammar::english(), gold.document);
  BOOST_REQUIRE_EQUAL(mentions.size(), 1u);
  BOOST_TEST(mentions[0].value.timex == "BC0218");
  BOOST_TEST(score_document(gold, mentions).value == 1u);
}

BOOST_AUTO_TEST_CASE(anchoring_counts_dates_and_the_predicates_of_durations) {
  // A date's event, a duration the parse hangs on another verb of a dated sentence, and a duration
  // in a sentence without a date (annotating the event told before it, with its own predicate).
  const std::string raw =
      "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-04-18\" "
      "functionInDocument=\"CREATION_TIME\">April 18, 2025</TIMEX3></DCT><TEXT>\n"
      "The ferry, which <EVENT eid=\"e1\">ran</EVENT> for <TIMEX3 tid=\"t1\" type=\"DURATION\" "
      "value=\"P30Y\">30 years</TIMEX3>, <EVENT eid=\"e2\">sank</EVENT> on <TIMEX3 tid=\"t2\" type=\"DATE\" "
      "value=\"2025-04-14\">Monday</TIMEX3>.\n"
      "The crew <EVENT eid=\"e3\">rested</EVENT> for <TIMEX3 tid=\"t3\" type=\"DURATION\" "
      "value=\"P2D\">two days</TIMEX3>.\n</TEXT>"
      "<MAKEINSTANCE eiid=\"ei1\" eventID=\"e1\"/><MAKEINSTANCE eiid=\"ei2\" eventID=\"e2\"/>"
      "<MAKEINSTANCE eiid=\"ei3\" eventID=\"e3\"/>"
      "<TLINK lid=\"l1\" relType=\"DURING\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>"
      "<TLINK lid=\"l2\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei2\" relatedToTime=\"t2\"/>"
      "<TLINK lid=\"l3\" relType=\"DURING\" eventInstanceID=\"ei3\" relatedToTime=\"t3\"/>"
      "<TLINK lid=\"l4\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t2\"/></TimeML>";
  const TimemlDocument d = read_timeml(raw, "ferry", "ferry.tml");
  BOOST_REQUIRE_EQUAL(d.event_time_links.size(), 4u);
  const auto events = attach_events(d.document, extract(Grammar::english(), d.document));
  const EvalCounts c = score_anchoring(d, events);
  BOOST_TEST(c.links == 4u);
  BOOST_TEST(c.links_found == 2u);           // "Monday", twice
  BOOST_TEST(c.links_found_anchored == 1u);  // "sank", not "ran": the duration's
  BOOST_TEST(c.links_noted == 2u);
  BOOST_TEST(c.links_noted_anchored == 2u);  // "ran", which governs "30 years", and "rested"
  BOOST_TEST(c.links_anchored == 3u);
  BOOST_TEST(c.timexes_linked == 3u);
  BOOST_TEST(c.timexes_anchored == 3u);
}

BOOST_AUTO_TEST_CASE(malformed_timeml_is_refused_with_its_name) {
  for (const char* bad : {"<TimeML>no text</TimeML>", "<TEXT>open <TIMEX3 tid=\"t1\">never closed</TEXT>",
                          "<TEXT>a </TIMEX3> b</TEXT>", "<TEXT>unclosed <tag</TEXT>", "<TEXT>no end"}) {
    try {
      read_timeml(bad, "bad", "bad.tml");
      BOOST_ERROR("accepted: " << bad);
    } catch (const std::runtime_error& e) {
      BOOST_TEST(std::string(e.what()).find("bad.tml") == 0u);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
