// Property tests: random publication dates and phrases from a seeded PRNG (the same cases on
// every run), checking what must hold for every output.
#include "support/checks.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/json.hpp>
#include <timeliner/text.hpp>
#include <timeliner/timeline.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace timeliner;
using namespace timeliner::testing;

namespace {

// std::mt19937_64's sequence is fixed by the standard; only our own arithmetic turns it into choices.
struct Rng {
  std::mt19937_64 gen{20261129};
  std::uint64_t below(std::uint64_t n) { return gen() % n; }
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& a) {
    return a[below(N)];
  }
};

constexpr std::array<const char*, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};

date::sys_days random_day(Rng& r, int y0 = 1900, int y1 = 2100) {
  const date::year_month ym{date::year{r.between(y0, y1)}, date::month{unsigned(r.between(1, 12))}};
  const unsigned last = unsigned((ym / date::last).day());
  return date::sys_days{ym / date::day{unsigned(r.between(1, int(last)))}};
}

std::string written(date::sys_days d) {
  const date::year_month_day ymd{d};
  return std::string(kMonths[unsigned(ymd.month()) - 1]) + " " + std::to_string(unsigned(ymd.day())) + ", " +
         std::to_string(int(ymd.year()));
}

Document doc_at(date::sys_days dct, std::string text) {
  Document d;
  d.id = "p";
  d.source = "p";
  d.text = std::move(text);
  d.published = Instant{dct, std::nullopt, std::nullopt};
  return d;
}

// A random sentence of temporal phrases, some plausible, some odd.
std::string random_text(Rng& r) {
  static constexpr std::array<const char*, 45> kPhrases{"yesterday",
                                                        "today",
                                                        "tomorrow",
                                                        "last week",
                                                        "next month",
                                                        "this year",
                                                        "last year",
                                                        "the next day",
                                                        "two days later",
                                                        "three weeks earlier",
                                                        "a year ago",
                                                        "in March",
                                                        "on Friday",
                                                        "last Monday",
                                                        "next weekend",
                                                        "the third quarter",
                                                        "the first half of 2019",
                                                        "the summer of 1987",
                                                        "last fall",
                                                        "the 1990s",
                                                        "the '90s",
                                                        "the 20th century",
                                                        "this morning",
                                                        "Tuesday night",
                                                        "2:15 p.m.",
                                                        "14:30",
                                                        "noon",
                                                        "6:40 p.m. EST",
                                                        "Christmas",
                                                        "Easter 2024",
                                                        "now",
                                                        "recently",
                                                        "the coming weeks",
                                                        "30 years",
                                                        "48 hours",
                                                        "every six weeks",
                                                        "twice a year",
                                                        "each Monday",
                                                        "fiscal 2024",
                                                        "the end of the month",
                                                        "midnight Friday",
                                                        "overnight",
                                                        "9 p.m. ET",
                                                        "a year ago today",
                                                        "between 11 p.m. and 1 a.m."};
  std::string out;
  const int n = r.between(1, 5);
  for (int i = 0; i < n; ++i) {
    switch (r.below(4)) {
      case 0:
        out += "It happened " + std::string(r.pick(kPhrases)) + ". ";
        break;
      case 1:
        out += "The report of " + written(random_day(r, 1, 9999)) + " said so. ";
        break;
      case 2:
        out += "Officials said " + std::to_string(r.between(1, 400)) + " days ago that prices rose " +
               r.pick(kPhrases) + ". ";
        break;
      default:
        out += "Café «" + std::string(r.pick(kPhrases)) + "» 😀 then " + r.pick(kPhrases) + " — fine.\n\n";
        break;
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(properties)

BOOST_AUTO_TEST_CASE(every_mention_is_well_formed) {
  Rng r;
  std::size_t mentions = 0;
  for (int i = 0; i < 2000; ++i) {
    const Document d = doc_at(random_day(r), random_text(r));
    ExtractOptions o;
    o.doc_type = r.below(2) ? DocType::news : DocType::narrative;
    for (const auto& m : extract(Grammar::english(), d, o)) {
      ++mentions;
      BOOST_TEST_INFO("text: " << d.text << " mention: " << m.text << " = " << m.value.timex);
      if (m.value.bounds) BOOST_TEST((m.value.bounds->earliest <= m.value.bounds->latest));
      BOOST_TEST(is_timex3_value(m.value.timex));
      BOOST_TEST(m.end <= d.text.size());
      BOOST_TEST(d.text.substr(m.begin, m.end - m.begin) == m.text);
      BOOST_TEST(code_point_slice(d.text, m.cp_begin, m.cp_end) == m.text);
      const std::string line = mention_to_json_line(d.id, m);
      BOOST_TEST(is_strict_utf8(line));
    }
  }
  BOOST_TEST(mentions > 4000u);
}

BOOST_AUTO_TEST_CASE(ago_and_later_come_back_to_the_same_unit) {
  Rng r;
  struct Unit {
    const char* name;
    int max;
  };
  static constexpr std::array<Unit, 3> kUnits{Unit{"days", 1000}, Unit{"months", 300}, Unit{"years", 200}};
  for (int i = 0; i < 1500; ++i) {
    const date::sys_days d = random_day(r, 1850, 2090);  // the years the grammar reads: 1500-2099
    const Unit u = r.pick(kUnits);
    const int n = r.between(2, u.max);
    const std::string count = std::to_string(n);
    const auto back = extract(Grammar::english(), doc_at(d, "It began " + count + " " + u.name + " ago."));
    BOOST_TEST_INFO(count << " " << u.name << " ago from " << format_day(d));
    BOOST_REQUIRE_EQUAL(back.size(), 1u);
    const TemporalValue x = back[0].value;
    BOOST_REQUIRE(x.bounds.has_value());
    // Anchor "N units later" on X, written at X's own precision.
    std::string anchor;
    const date::year_month_day xd{x.bounds->earliest};
    if (x.grain == Grain::day)
      anchor = "on " + written(x.bounds->earliest);
    else if (x.grain == Grain::month)
      anchor = std::string("in ") + kMonths[unsigned(xd.month()) - 1] + " " + std::to_string(int(xd.year()));
    else
      anchor = "in " + std::to_string(int(xd.year()));
    const std::string text = "It began " + anchor + ". " + count + " " + u.name + " later it ended.";
    const auto fwd = extract(Grammar::english(), doc_at(d, text));
    BOOST_TEST_INFO(text);
    BOOST_REQUIRE_EQUAL(fwd.size(), 2u);
    const TemporalValue y = fwd[1].value;
    BOOST_REQUIRE(y.bounds.has_value());
    BOOST_TEST((y.bounds->earliest <= d && d <= y.bounds->latest),
               text << " gave " << y.timex << "; expected " << format_day(d) << " within");
    BOOST_TEST(y.grain == x.grain, text);
  }
}

BOOST_AUTO_TEST_CASE(timelines_follow_the_schema_and_are_reproducible) {
  Rng r;
  for (int i = 0; i < 300; ++i) {
    std::vector<Document> docs;
    const int n = r.between(1, 3);
    for (int k = 0; k < n; ++k) {
      docs.push_back(doc_at(random_day(r), random_text(r)));
      docs.back().id = "d" + std::to_string(k);
    }
    const std::string json = timeline_to_json(build_timeline(docs, Grammar::english()));
    BOOST_TEST(is_strict_utf8(json));
    const auto parsed = nlohmann::json::parse(json);
    BOOST_TEST(timeline_schema_problem(parsed) == "");
    // Same input, same bytes; and what we write, we read back to the same bytes.
    BOOST_TEST(timeline_to_json(build_timeline(docs, Grammar::english())) == json);
    BOOST_TEST(timeline_to_json(timeline_from_json(json)) == json);
  }
}

BOOST_AUTO_TEST_CASE(extract_is_deterministic) {
  Rng r;
  for (int i = 0; i < 300; ++i) {
    const Document d = doc_at(random_day(r), random_text(r));
    std::string a, b;
    for (const auto& m : extract(Grammar::english(), d)) a += mention_to_json_line(d.id, m) + "\n";
    for (const auto& m : extract(Grammar::english(), d)) b += mention_to_json_line(d.id, m) + "\n";
    BOOST_TEST(a == b);
  }
}

// No expression crosses a blank line or a sentence end: pieces that make one expression when
// they meet ("5pm" and "the day before yesterday", "Friday" and "March 3") are put on both sides
// of blank lines (spaces in them too), sentence ends and line breaks, in every document type.
BOOST_AUTO_TEST_CASE(no_expression_crosses_a_blank_line_or_a_sentence_end) {
  static constexpr std::array<const char*, 24> kPieces{"5pm",      "the day before yesterday",
                                                       "tomorrow", "at 9:30",
                                                       "Friday",   "March 3",
                                                       "2025",     "10 a.m.",
                                                       "on",       "next",
                                                       "week",     "the",
                                                       "of",       "noon",
                                                       "Monday",   "3",
                                                       "EST",      "till 11:00",
                                                       "evening",  "at",
                                                       "2/15",     "hence",
                                                       "last",     "Christmas"};
  static constexpr std::array<const char*, 9> kBreaks{"\n\n", "\n \n", "\r\n\r\n", "\n\t\n\n", ". ",
                                                      "! ",   "? ",    ".\n",      "\n\n\n"};
  Rng r;
  std::size_t mentions = 0, blank_lines = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const int n = r.between(2, 12);
    for (int k = 0; k < n; ++k) {
      if (k > 0) text += r.below(3) == 0 ? " " : r.pick(kBreaks);
      text += r.pick(kPieces);
    }
    const Document d = doc_at(random_day(r, 1950, 2050), text);
    ExtractOptions o;
    o.doc_type = static_cast<DocType>(r.below(3));
    const auto sentences = split_sentences(d.text);
    for (const auto& m : extract(Grammar::english(), d, o)) {
      ++mentions;
      BOOST_TEST_INFO("text: " << d.text << " mention: " << m.text);
      bool blank = false, line_start = false;
      for (char c : m.text) {
        if (c == '\n') {
          blank = blank || line_start;
          line_start = true;
        } else if (c != ' ' && c != '\t' && c != '\r') {
          line_start = false;
        }
      }
      blank_lines += blank;
      BOOST_TEST(!blank);
      bool inside = false;
      for (const Span& s : sentences) inside = inside || (s.begin <= m.begin && m.end <= s.end);
      BOOST_TEST(inside);
    }
  }
  BOOST_TEST(mentions > 5000u);
  BOOST_TEST(blank_lines == 0u);
}

BOOST_AUTO_TEST_CASE(the_timex3_validator_knows_good_from_bad) {
  for (const char* good : {"2025-04-18",
                           "2025-W15",
                           "2025-W16-WE",
                           "2025-Q1",
                           "2025-H1",
                           "1987-SU",
                           "199",
                           "19",
                           "2025-04-18TMO",
                           "2025-04-18T14:15",
                           "2025-04-18T18:40-05:00",
                           "PRESENT_REF",
                           "P30Y",
                           "PT48H",
                           "P2Y6M",
                           "P20Y",
                           "PXM",
                           "P6W",
                           "XXXX-WXX-1",
                           "P1DE",
                           "P1DT12H",
                           "2024-02-29",
                           "2025-04-18T24:00",
                           "XXXX-WXX-1T09:00"})
    BOOST_TEST(is_timex3_value(good), good);
  for (const char* bad : {"", "2025-13", "2023-02-29", "2025-W54", "P", "PT", "P1DT", "TODAY", "2025-04-18T25:00",
                          "2025-04-18T24:30", "10000", "-001", "P1.5e+07Y", "2025-Q5", "XXXX-WXX-8"})
    BOOST_TEST(!is_timex3_value(bad), bad);
}

BOOST_AUTO_TEST_SUITE_END()
