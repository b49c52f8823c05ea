#include "support/library_json_line.hpp"

#include <timeliner/json.hpp>
#include <timeliner/load.hpp>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <random>

using namespace timeliner;
using Json = nlohmann::json;

BOOST_AUTO_TEST_SUITE(json)

BOOST_AUTO_TEST_CASE(mention_line_has_the_documented_fields) {
  Document d;
  d.id = "n1";
  d.text = "Caf\xC3\xA9 opened yesterday.";
  d.published = parse_instant("2025-04-18");
  auto ms = extract(Grammar::english(), d);
  BOOST_REQUIRE_EQUAL(ms.size(), 1u);
  const Json j = Json::parse(mention_to_json_line("n1", ms[0]));
  BOOST_TEST(j["doc"] == "n1");
  BOOST_TEST(j["text"] == "yesterday");
  BOOST_TEST(j["start"] == 12);  // code points: the é counts once
  BOOST_TEST(j["end"] == 21);
  BOOST_TEST(j["type"] == "DATE");
  BOOST_TEST(j["value"] == "2025-04-17");
  BOOST_TEST(j["granularity"] == "day");
  BOOST_TEST(j["earliest"] == "2025-04-17");
  BOOST_TEST(j["latest"] == "2025-04-17");
  BOOST_TEST(j["anchor"] == "publication");
  BOOST_TEST(j["rule"] == "yesterday");
  BOOST_TEST(j["mod"].is_null());
}

// extract's lines are written by hand for speed: byte for byte what the JSON library writes, for
// every kind of character (quotes, backslashes, control characters, DEL, non-ASCII, invalid UTF-8
// that the library replaces), every optional field and every day.
BOOST_AUTO_TEST_CASE(fast_mention_line_equals_the_library) {
  std::vector<std::string> strings{
      "", "plain", "q\"uote", "back\\slash", "tab\tnl\ncr\rff\fbs\b", std::string("nul\0x", 5), "\x01\x1f\x7f",
      "caf\xC3\xA9 \xE2\x80\x9C\xF0\x9F\x98\x80", "bad \xC3 byte", "\xFF\xFE", "\xED\xA0\x80", "/slash",
      // invalid sequences: each is replaced by its longest valid beginning
      "\xE0\x80\x80 overlong", "\xC0\xAF", "\xC1\xBF", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80 above U+10FFFF",
      "\xF5\x80", "\x80\x80 lone", "\xBF", "\xE2\x82 cut", "\xE2\x82", "\xF0\x9F\x98", "\xF0\x9F", "\xC3",
      "\xE2\x82\xE2\x82\xAC", "\xF0\x9F\x98\x22q", "\xC3\n", "\xED\x9F\xBF ok",
      "\xEE\x80\x80\xEF\xBF\xBF\xF4\x8F\xBF\xBF ok"};
  for (int c = 0; c < 0x80; ++c) strings.push_back(std::string(1, static_cast<char>(c)) + "a");
  for (int b = 0x80; b < 0x100; ++b)  // every byte that starts no ASCII character, alone and before others
    for (const char* rest : {"", "\x80", "\xA0\x80", "\x90\x80\x80", "a"})
      strings.push_back(std::string(1, static_cast<char>(b)) + rest);
  std::mt19937 rng(19);  // random bytes, mostly of the UTF-8 kind
  for (int k = 0; k < 2000; ++k) {
    std::string s;
    const int len = static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) {
      static constexpr unsigned char kPick[] = {0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xED, 0xEF,
                                                0xF0, 0xF4, 0xA0, 0x9F, '"',  'a',  0x01};
      s += static_cast<char>(rng() % 3 == 0 ? rng() % 256 : kPick[rng() % sizeof kPick]);
    }
    strings.push_back(s);
  }
  std::size_t checked = 0;
  for (const auto& s : strings) {
    for (int variant = 0; variant < 4; ++variant) {
      Mention m;
      m.text = s;
      m.cp_begin = static_cast<std::size_t>(variant) * 1234567;
      m.cp_end = m.cp_begin + s.size();
      m.rule = variant == 3 ? s : "rule_" + std::to_string(variant);
      m.value.timex = variant == 1 ? s : "2025-04-17";
      m.value.type = variant == 2 ? TimexType::set : TimexType::date;
      m.value.mod = variant == 1 ? Mod::approx : Mod::none;
      if (variant != 2)
        m.value.bounds =
            Interval{date::sys_days{date::year{variant * 3000} / 1 / 31}, date::sys_days{date::year{2025} / 12 / 9}};
      if (variant == 2) m.value.freq = s.empty() ? "1D" : s;
      const std::string id = variant == 0 ? s : "doc-" + std::to_string(variant);
      BOOST_TEST(mention_to_json_line(id, m) == testing::mention_line_by_library(id, m), "string " << checked);
      ++checked;
    }
  }
}

BOOST_AUTO_TEST_CASE(timeline_round_trips) {
  LoadOptions o;
  o.dct = parse_instant("2025-04-18T09:15+02:00");
  std::vector<Document> docs{
      document_from_text("Talks\n\nTalks resumed last week. The plant opens in early 2026.", "t", "t.txt", o)};
  const Timeline t = build_timeline(std::move(docs), Grammar::english());
  const std::string text = timeline_to_json(t);
  const Timeline back = timeline_from_json(text);
  BOOST_TEST(timeline_to_json(back) == text);
  const Json j = Json::parse(text);
  BOOST_TEST(j["schema"] == "timeliner.timeline/1");
  BOOST_TEST(j["documents"][0]["published"] == "2025-04-18T09:15+02:00");
  BOOST_TEST(j["documents"][0]["published_from"] == "cli");
  bool saw_mod = false;
  for (const auto& e : j["events"]) saw_mod = saw_mod || (e["date"].contains("mod") && e["date"]["mod"] == "START");
  BOOST_TEST(saw_mod);
}

BOOST_AUTO_TEST_CASE(malformed_timelines_are_refused_with_a_reason) {
  auto reason = [](const std::string& text) {
    try {
      timeline_from_json(text);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  BOOST_TEST(reason("{").find("not valid JSON") != std::string::npos);
  BOOST_TEST(reason(R"({"schema":"other","documents":[],"events":[]})").find("schema") != std::string::npos);
  BOOST_TEST(reason(R"({"schema":"timeliner.timeline/1","documents":[]})").find("events") != std::string::npos);
  const std::string bad_day =
      R"({"schema":"timeliner.timeline/1","documents":[],"events":[{"id":"e1","date":{"value":"x","type":"DATE",)"
      R"("granularity":"day","earliest":"2025-02-30","latest":"2025-03-01","anchor":"explicit"},"headline":"",)"
      R"("text":"","mentions":[{"doc":"d","start":0,"end":1,"timex":"x","timex_start":0,"timex_end":1}]}]})";
  BOOST_TEST(reason(bad_day).find("earliest") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
