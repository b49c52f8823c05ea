// Timeline summaries in the format of TLS research, and their scores, on cases computed by hand.
#include <timeliner/json.hpp>
#include <timeliner/tls.hpp>

#include <boost/test/unit_test.hpp>

using namespace timeliner;
namespace tt = boost::test_tools;

namespace {

date::sys_days day(const char* s) { return parse_instant(s)->day; }

// Gold: the levee failed on March 1, an inquiry opened on March 5. Predicted: March 1 (right, with
// more words) and March 4 (a day early).
TimelineSummary gold() {
  return {{day("2025-03-01"), {"The levee failed."}}, {day("2025-03-05"), {"An inquiry opened."}}};
}
TimelineSummary predicted() {
  return {{day("2025-03-01"), {"The levee failed on Sunday."}}, {day("2025-03-04"), {"An inquiry was announced."}}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tls)

BOOST_AUTO_TEST_CASE(tilse_format_round_trips) {
  const TimelineSummary s{{day("2025-03-01"), {"The levee failed.", "Two lines\nbecome one."}},
                          {day("2025-03-05"), {}}};
  const std::string text = to_tilse(s);
  BOOST_TEST(text ==
             "2025-03-01\nThe levee failed.\nTwo lines become one.\n--------------------------------\n"
             "2025-03-05\n--------------------------------\n");
  const TimelineSummary back = read_tilse(text);
  BOOST_REQUIRE(back.size() == 2u);
  BOOST_TEST((back[0].day == day("2025-03-01")));
  BOOST_TEST(back[0].sentences == (std::vector<std::string>{"The levee failed.", "Two lines become one."}),
             tt::per_element());
  BOOST_TEST(back[1].sentences.empty());
  // Blank lines, a missing last separator, a date given twice, dates out of order.
  const TimelineSummary loose = read_tilse(
      "\n2025-03-05\nB\n\n------------------------------\n"
      "--------------------------------\n2025-03-01\nA\n"
      "--------------------------------\n2025-03-05\nC\n");
  BOOST_REQUIRE(loose.size() == 2u);
  BOOST_TEST((loose[0].day == day("2025-03-01")));
  BOOST_TEST(loose[1].sentences == (std::vector<std::string>{"B", "C"}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(tilse_errors_name_their_line) {
  try {
    read_tilse("2025-03-01\nA\n--------------------------------\nnot a date\n");
    BOOST_FAIL("no error");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()).find("line 4") != std::string::npos, e.what());
  }
  BOOST_CHECK_THROW(read_tilse("2025-13-01\nA\n"), std::runtime_error);
  BOOST_CHECK_THROW(read_summary(R"({"schema": "timeliner.timeline/1", "documents": [], "events": []})"),
                    std::runtime_error);  // no key dates
}

BOOST_AUTO_TEST_CASE(rouge_tokens_are_lower_case_words_and_numbers) {
  BOOST_TEST(rouge_tokens("Enron's $618m loss, Q3-2001.") ==
                 (std::vector<std::string>{"enron", "s", "618m", "loss", "q3", "2001"}),
             tt::per_element());
}

// Date F1: one of two right both ways: 0.5.
// Unigrams: gold 6 (the levee failed / an inquiry opened), predicted 9, shared 5.
// Bigrams (never across sentences): gold 4, predicted 7, shared 3 (the levee, levee failed, an inquiry).
BOOST_AUTO_TEST_CASE(date_f1_and_concatenated_rouge) {
  const TimelineScores s = evaluate_timeline(gold(), predicted());
  BOOST_TEST(s.matched_dates == 1u);
  BOOST_TEST(s.dates.precision == 0.5);
  BOOST_TEST(s.dates.recall == 0.5);
  BOOST_TEST(s.dates.f1 == 0.5);
  BOOST_TEST(s.concat_rouge1.precision == 5.0 / 9.0, tt::tolerance(1e-12));
  BOOST_TEST(s.concat_rouge1.recall == 5.0 / 6.0, tt::tolerance(1e-12));
  BOOST_TEST(s.concat_rouge1.f1 == 2.0 / 3.0, tt::tolerance(1e-12));
  BOOST_TEST(s.concat_rouge2.precision == 3.0 / 7.0, tt::tolerance(1e-12));
  BOOST_TEST(s.concat_rouge2.recall == 3.0 / 4.0, tt::tolerance(1e-12));
  BOOST_TEST(s.concat_rouge2.f1 == 6.0 / 11.0, tt::tolerance(1e-12));
}

// Agreement: only March 1 is on both sides: 3 unigrams (2 bigrams) shared, over 9 (7) predicted and
// 6 (4) gold.
BOOST_AUTO_TEST_CASE(agreement_rouge_counts_the_same_day_only) {
  const TimelineScores s = evaluate_timeline(gold(), predicted());
  BOOST_TEST(s.agreement_rouge1.precision == 3.0 / 9.0, tt::tolerance(1e-12));
  BOOST_TEST(s.agreement_rouge1.recall == 3.0 / 6.0, tt::tolerance(1e-12));
  BOOST_TEST(s.agreement_rouge1.f1 == 0.4, tt::tolerance(1e-12));
  BOOST_TEST(s.agreement_rouge2.f1 == 4.0 / 11.0, tt::tolerance(1e-12));
}

// Alignment, many to one. Predicted March 4 costs (1 - 1/4) * 1 = 0.75 against gold March 1 (no
// word shared) and (1 - 1/2) * (1 - 4/7) = 3/14 against gold March 5 (ROUGE-1 F1 of "an inquiry
// was announced" and "an inquiry opened": P 2/4, R 2/3, F 4/7): it goes to March 5, one day off,
// its 2 shared unigrams weigh 1/2. Precision (3 + 1) / 9, recall (3 + 1) / 6, F1 8/15.
// Bigrams: precision (2 + 1/2) / 7, recall (2 + 1/2) / 4, F1 5/11.
BOOST_AUTO_TEST_CASE(alignment_rouge_weighs_near_days_by_distance) {
  const TimelineScores s = evaluate_timeline(gold(), predicted());
  BOOST_TEST(s.alignment_rouge1.precision == 4.0 / 9.0, tt::tolerance(1e-12));
  BOOST_TEST(s.alignment_rouge1.recall == 4.0 / 6.0, tt::tolerance(1e-12));
  BOOST_TEST(s.alignment_rouge1.f1 == 8.0 / 15.0, tt::tolerance(1e-12));
  BOOST_TEST(s.alignment_rouge2.precision == 2.5 / 7.0, tt::tolerance(1e-12));
  BOOST_TEST(s.alignment_rouge2.recall == 2.5 / 4.0, tt::tolerance(1e-12));
  BOOST_TEST(s.alignment_rouge2.f1 == 5.0 / 11.0, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(identical_and_empty_predictions) {
  const TimelineScores same = evaluate_timeline(gold(), gold());
  for (const Score* x : {&same.dates, &same.concat_rouge1, &same.concat_rouge2, &same.agreement_rouge1,
                         &same.agreement_rouge2, &same.alignment_rouge1, &same.alignment_rouge2})
    BOOST_TEST(x->f1 == 1.0, tt::tolerance(1e-12));
  const TimelineScores none = evaluate_timeline(gold(), {});
  for (const Score* x : {&none.dates, &none.concat_rouge1, &none.agreement_rouge1, &none.alignment_rouge1}) {
    BOOST_TEST(x->precision == 0.0);
    BOOST_TEST(x->recall == 0.0);
    BOOST_TEST(x->f1 == 0.0);
  }
}

BOOST_AUTO_TEST_CASE(a_summarized_timeline_is_read_as_its_key_dates) {
  Timeline t;
  KeyDate k;
  k.day = day("2025-03-01");
  k.sentences = {KeySentence{"a", 0, 17, "The levee failed."}};
  t.key_dates.push_back(k);
  const TimelineSummary s = read_summary(timeline_to_json(t));
  BOOST_REQUIRE(s.size() == 1u);
  BOOST_TEST(s[0].sentences == std::vector<std::string>{"The levee failed."});
  BOOST_TEST(read_summary(to_tilse(s)).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
