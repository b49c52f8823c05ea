// Event attachment: headlines, clauses, durations and sets, relations between events.
#include "events/words.hpp"

#include <timeliner/load.hpp>
#include <timeliner/timeline.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace timeliner;

namespace {

Timeline build_one(const std::string& text, const char* dct = "2025-04-18") {
  LoadOptions o;
  o.dct = parse_instant(dct);
  std::vector<Document> docs{document_from_text(text, "d", "d.txt", o)};
  return build_timeline(std::move(docs), Grammar::english());
}

const Event* find(const Timeline& t, const std::string& headline) {
  for (const auto& e : t.events)
    if (e.headline == headline) return &e;
  return nullptr;
}

std::string headlines(const Timeline& t) {
  std::string out;
  for (const auto& e : t.events) out += e.date.timex + " " + e.headline + " | ";
  return out;
}

// Checks that each text gives an event with each of the headlines listed after it.
void check_told(const std::vector<std::vector<std::string>>& cases) {
  for (const auto& c : cases) {
    const Timeline t = build_one(c.front());
    for (std::size_t i = 1; i < c.size(); ++i) BOOST_TEST(find(t, c[i]) != nullptr, c.front() + " -> " + headlines(t));
  }
}

std::string cut(const std::string& sentence, const std::string& phrase) {
  const auto b = sentence.find(phrase);
  return event_headline(sentence, Span{b, b + phrase.size()});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(events)

BOOST_AUTO_TEST_CASE(the_word_lists_are_rule_data) {
  // src/events/en/words.txt, embedded at build time: words, and quoted entries with spaces and commas.
  using words::List;
  BOOST_TEST(words::in(List::light_verbs, "held"));
  BOOST_TEST(words::in(List::eventive_nouns, "election"));
  BOOST_TEST(!words::in(List::eventive_nouns, "said"));
  BOOST_TEST(words::in(List::stop_words, "said"));
  const auto& labels = words::entries(List::labels);
  BOOST_TEST((std::find(labels.begin(), labels.end(), "Yes, but,") != labels.end()));
  BOOST_TEST(words::entries(List::number_words).size() == 13u);
  BOOST_TEST(words::entries(List::number_words)[12] == "twelve");
  // They are what the events use: a noun of the list is an event, a light verb gives its object's.
  BOOST_TEST(cut("The referendum in May drew record crowds.", "May") == "The referendum drew record crowds");
  check_told({{"The council resigned on May 9, twelve days after the referendum.", "The referendum"}});
}

BOOST_AUTO_TEST_CASE(headline_drops_datelines_attribution_and_debris) {
  BOOST_TEST(cut("BRIGHTON (Metro News) - The council voted on Wednesday to build a tram line.", "Wednesday") ==
             "The council voted to build a tram line");
  BOOST_TEST(cut("The minister resigned on Friday, according to two aides.", "Friday") == "The minister resigned");
  BOOST_TEST(cut("The plant closed in March, said the union.", "March") == "The plant closed");
  BOOST_TEST(cut("On Sunday, the river burst its banks.", "Sunday") == "The river burst its banks");
  BOOST_TEST(cut("Talks collapsed early on Tuesday.", "Tuesday") == "Talks collapsed");
  // A verb of announcing with an object is the event, not an attribution.
  BOOST_TEST(cut("The two banks announced the $4.2 billion deal in February.", "February") ==
             "The two banks announced the $4.2 billion deal");
  BOOST_TEST(cut("The thrift announced the plan on Monday.", "Monday") == "The thrift announced the plan");
  BOOST_TEST(cut("The ministry confirmed it had paid on Monday.", "Monday") == "The ministry had paid");
  // A date of the saying: the saying is the event, with what was said.
  BOOST_TEST(cut("The report said on Monday the railway will pay.", "Monday") ==
             "The report said the railway will pay");
  // A date of what was said: the saying goes.
  BOOST_TEST(cut("The operator, which runs 1,200 trains, said services would run on Wednesday.", "Wednesday") ==
             "Services would run");
  BOOST_TEST(cut("Kopp, who is from Vermont, was indicted in 1999.", "1999") == "Kopp was indicted");
  // A date in a relative clause dates that clause, its pronoun named.
  BOOST_TEST(cut("He succeeds Taylor, who stepped down as chairman, president and chief in May.", "May") ==
             "Taylor stepped down as chairman, president and chief");
  // A headline too long to show whole drops the relative clause inside its subject, up to the main verb.
  BOOST_TEST(cut("An outbreak of salmonella that has sickened 38 people in four states was linked to alfalfa "
                 "sprouts from one farm on Friday.",
                 "Friday") == "An outbreak of salmonella was linked to alfalfa sprouts from one farm");
  BOOST_TEST(cut("The firm that made the heaters was sold on Monday.", "Monday") == "The firm was sold");
  // What is not debris stays.
  BOOST_TEST(cut("The council approved the budget for schools on Monday.", "Monday") ==
             "The council approved the budget for schools");
}

BOOST_AUTO_TEST_CASE(a_byline_or_dateline_date_is_the_publication_not_an_event) {
  // The byline's line: no event of its own, and the published event shows what opens the article.
  const Timeline t = build_one("Published: 2025-04-18\nFerry Service Returns\n\nThe ferry sailed again on Tuesday.\n");
  BOOST_TEST(headlines(t) == "2025-04-15 The ferry sailed again | 2025-04-18 Published: Ferry Service Returns | ");
  BOOST_TEST(t.events.back().text == "Ferry Service Returns");
  // A dateline: its date and the agency's dash leave the headline of the sentence they open.
  const Timeline d = build_one("OSLO, April 18, 2025 (AP) \u2014 The strike ended on Wednesday.\n");
  BOOST_TEST(headlines(d) == "2025-04-16 The strike ended | 2025-04-18 Published: d | ");
  // A dateline without a year, with a region after the place.
  const Timeline r = build_one("AUSTIN, Texas, April 18 - The strike ended on Wednesday.\n");
  BOOST_TEST(headlines(r) == "2025-04-16 The strike ended | 2025-04-18 Published: d | ");
  // A date in the text's first sentence that is no dateline stays an event.
  const Timeline n = build_one("The bridge that opened on April 18, 2025 closed on Monday.\n");
  BOOST_TEST(headlines(n).find("2025-04-18 The bridge") != std::string::npos, headlines(n));
}

// A dateline without a year: its place is not the subject (a known misparse of the model before,
// docs/parser.md).
BOOST_AUTO_TEST_CASE(a_dateline_without_a_year) {
  const Timeline y = build_one("Output Slows\n\nBEIJING, April 18 (Reuters) - Factory output slowed yesterday.\n");
  BOOST_TEST(headlines(y) == "2025-04-17 Factory output slowed | 2025-04-18 Published: Output Slows | ");
}

BOOST_AUTO_TEST_CASE(two_dates_that_make_a_range_are_one_event_over_it) {
  auto one = [](const std::string& text) {
    const Timeline t = build_one(text, "2025-11-18");
    std::string out;
    for (const auto& e : t.events)
      if (e.kind == EventKind::event)
        out += e.date.timex + " " + format_day(e.date.bounds->earliest) + ".." + format_day(e.date.bounds->latest) +
               " " + e.headline + " [" + e.mentions.front().timex + "] | ";
    return out;
  };
  BOOST_TEST(one("The exhibition runs from March to June 2024.") ==
             "2024-03/2024-06 2024-03-01..2024-06-30 The exhibition runs [March to June 2024] | ");
  BOOST_TEST(one("Sales fell between 2019 and 2021.") ==
             "2019/2021 2019-01-01..2021-12-31 Sales fell [2019 and 2021] | ");
  BOOST_TEST(one("The museum was closed May 3-9.") ==
             "2025-05-03/2025-05-09 2025-05-03..2025-05-09 The museum was closed [May 3-9] | ");
  // A change of date is two dates; "June 10 and 11" without "between" too, each with the words.
  BOOST_TEST(one("The vote was moved from March to June.") ==
             "2025-03 2025-03-01..2025-03-31 The vote was moved [March] | "
             "2025-06 2025-06-01..2025-06-30 The vote was moved [June] | ");
  // The word of change may stand a few words before "from".
  BOOST_TEST(one("The firm pushed back the launch of its phone from March to June.") ==
             "2025-03 2025-03-01..2025-03-31 The firm pushed back the launch of its phone [March] | "
             "2025-06 2025-06-01..2025-06-30 The firm pushed back the launch of its phone [June] | ");
  BOOST_TEST(one("The shop was rebuilt and opens from March to June.") ==
             "2026-03/2026-06 2026-03-01..2026-06-30 The shop opens [March to June] | ");
  BOOST_TEST(one("Hearings were held on June 10 and 11.") ==
             "2025-06-10 2025-06-10..2025-06-10 Hearings were held [June 10] | "
             "2025-06-11 2025-06-11..2025-06-11 Hearings were held [11] | ");
  // A clause of a date alone tells the event of its neighbour.
  BOOST_TEST(one("Last winter, the county recorded eleven storms between November and March.") ==
             "2024-11/2025-03 2024-11-01..2025-03-31 The county recorded eleven storms [November and March] | "
             "2025-WI 2024-12-01..2025-02-28 The county recorded eleven storms [Last winter] | ");
}

BOOST_AUTO_TEST_CASE(a_date_in_a_relative_clause_tells_that_clause_of_the_subject) {
  check_told({
      {"Ruiz, who took office in 2023, said on Monday that the work would start.", "Ruiz took office",
       "Ruiz said that the work would start"},
      {"The bridge, which opened in 1962, carries 14,000 cars a day.", "The bridge opened"},
      // A participle's clause is told with "was", and the sentence goes on from the subject.
      {"The plant, built in 1975, closed on Monday.", "The plant was built", "The plant closed"},
      {"The club, founded in 1903, was relegated in the 1990s.", "The club was founded", "The club was relegated"},
      // Not a participle's clause: one that ends the sentence ("rose in March, helped by demand").
      {"Prices rose in March, helped by demand.", "Prices rose"},
      // Deeper in the sentence, or with no comma, the clause is of the noun phrase before its pronoun.
      {"Voters backed the mayor, who took office in 2023.", "The mayor took office"},
      {"The bank is led by Sara Lind, who joined it in 2011.", "Sara Lind joined it"},
      {"A jury found him guilty on Tuesday, ending a trial that opened on October 6.", "A jury found him guilty",
       "A trial opened"},
      {"Customers who bought a heater between January 2023 and May 2025 should stop using it.",
       "Customers bought a heater"},
      {"He was placed on the FBI's most wanted list, which began in 1950.", "The FBI's most wanted list began"},
      // The rest of the sentence tells its own date without the clause.
      {"The bridge that opened in 1962 closed on Monday.", "The bridge opened", "The bridge closed"},
      // A date that qualifies a noun dates the clause of that noun.
      {"He backed the leaders who led the 1992 protests.", "The leaders led the protests"},
  });
}

BOOST_AUTO_TEST_CASE(cutting_a_date_keeps_the_words_that_are_not_about_it) {
  // A particle of the verb stays ("took over"); "ended" goes with the date of a period.
  BOOST_TEST(cut("Marsh took over in March 2023.", "March 2023") == "Marsh took over");
  BOOST_TEST(cut("Okoro will be sworn in on January 5.", "January 5") == "Okoro will be sworn in");
  BOOST_TEST(cut("Police moved in on Tuesday.", "Tuesday") == "Police moved in");
  BOOST_TEST(cut("The vote was held in March.", "March") == "The vote was held");
  // A date before a noun qualifies it.
  BOOST_TEST(cut("She led the fight for the 1986 water law.", "1986") == "She led the fight for the water law");
  BOOST_TEST(cut("Talks ended on March 3, 2025.", "March 3, 2025") == "Talks ended");
}

BOOST_AUTO_TEST_CASE(the_date_of_a_saying_keeps_the_speaker_when_what_was_said_has_its_own) {
  // (With "divers" for "engineers", the model of 42a18db tags "divers" as a verb: a known misparse.)
  const Timeline t = build_one("The authority said on Wednesday that engineers had inspected the crack on Tuesday.");
  const Event* said = find(t, "The authority said that engineers had inspected the crack");
  const Event* done = find(t, "Engineers had inspected the crack");
  BOOST_REQUIRE_MESSAGE(said && done, headlines(t));
  BOOST_TEST(said->date.timex == "2025-04-16");
  BOOST_TEST(done->date.timex == "2025-04-15");
  // "testified" is a verb of speech too.
  check_told({{"Voss testified on Tuesday that he handed Brook $80,000 in 2021.", "Voss handed Brook $80,000",
               "Voss testified that he handed Brook $80,000"}});
}

// Known misparse (docs/parser.md): the model that tools/train/make-model.sh makes tags "divers" as a
// verb here, giving "The authority said had inspected the crack"; the model before did not. The check
// is its case's one expected failure until a model parses it again, alone in its case.
BOOST_AUTO_TEST_CASE(known_misparse_divers_tagged_a_verb, *boost::unit_test::expected_failures(1)) {
  // With one date, of the saying: the saying is the event.
  check_told({{"The authority said on Wednesday that divers had inspected the crack.",
               "The authority said that divers had inspected the crack"}});
}

BOOST_AUTO_TEST_CASE(a_comma_inside_a_number_is_no_clause_break) {
  const Timeline t = build_one("In March the regulator fined the operator $250,000 over a fire in May 2023.");
  for (const auto& e : t.events)
    if (e.kind == EventKind::event)
      BOOST_TEST(e.headline == "The regulator fined the operator $250,000 over a fire", headlines(t));
  BOOST_TEST(t.events.size() == 3u, headlines(t));
}

BOOST_AUTO_TEST_CASE(two_dates_in_one_sentence_give_two_events_with_their_own_clause) {
  // (Written "began on Saturday and by Tuesday night 4,000 people", the model of 42a18db hangs
  // "4,000" on "night": a known misparse.)
  const Timeline t = build_one("Flooding began on Saturday, and 4,000 people had been evacuated by Tuesday night.");
  const Event* a = find(t, "Flooding began");
  const Event* b = find(t, "4,000 people had been evacuated");
  BOOST_REQUIRE_MESSAGE(a && b, headlines(t));
  BOOST_TEST(a->date.timex == "2025-04-12");
  BOOST_TEST(format_day(b->date.bounds->earliest) == "2025-04-15");
  // Both point at the same sentence, each at its own temporal phrase.
  BOOST_TEST(a->mentions[0].start == b->mentions[0].start);
  BOOST_TEST(a->mentions[0].timex == "Saturday");
  BOOST_TEST(a->text == b->text);
}

BOOST_AUTO_TEST_CASE(a_later_clause_without_subject_borrows_the_sentence_subject) {
  check_told({
      {"Residents were evacuated on Saturday and returned home on Sunday.", "Residents were evacuated",
       "Residents returned home"},
      // The subject ends at an irregular past tense too, and the clause may start with one.
      {"The fire started on Wednesday near a campground and grew to 12,000 acres by Friday.",
       "The fire started near a campground", "The fire grew to 12,000 acres"},
      {"The county began the recount on Friday and finished it on Sunday.", "The county began the recount",
       "The county finished it"},
      // A clause with a subject of its own keeps it.
      {"Talks began on Saturday and the minister resigned on Sunday.", "The minister resigned"},
      // A pronoun subject, whatever its verb (a clause that starts with an auxiliary: below).
      // A name before a comma and a relative clause.
      {"Ada Whitfield, who served three terms in the 1980s, died on Saturday at home.", "Ada Whitfield died at home"},
  });
}

BOOST_AUTO_TEST_CASE(a_pronoun_opening_a_sentence_names_the_subject_before) {
  check_told({
      {"Renner was arrested in March. He was indicted in April.", "Renner was indicted"},
      {"The probe lifted off on March 9. It completed a flyby in April. Its predecessor was launched in 2014.",
       "The probe completed a flyby", "The probe's predecessor was launched"},
      {"Shareholders approved the deal on May 14. They voted again in June.", "Shareholders voted again"},
      {"The agency first proposed the mission in 2019. Its engineers began work in 2021.",
       "The agency's engineers began work"},
      // The subject of the sentence before may hold a relative clause.
      {"Brook, who led the city from 2015 to 2023, denied the charges. She will appear in court on April 2.",
       "Brook will appear in court"},
      {"Luca Mendes, 24, scored 31 goals last season. He will make his debut on May 14.",
       "Luca Mendes will make his debut"},
      // A one-word name ending in s is a name when the text writes it so inside a sentence.
      {"Forward Luca Mendes signed on Friday. Mendes scored 31 goals last season. He will make his debut on May 14.",
       "Mendes will make his debut"},
      {"Prosecutors rested their case on Friday. He will make his debut on May 14.", "He will make his debut"},
      // A later clause that opens with the pronoun names the sentence's own subject.
      {"The lander will separate in September, and it is expected to land two weeks later.", "The lander will separate",
       "The lander is expected to land"},
      {"The sweetened offer has wide support, and it is scheduled for completion by Dec. 10.",
       "The sweetened offer is scheduled for completion"},
      // Only when the pronoun fits: "he" no thing, "it" no plural, and not "It was the first time".
      {"The probe lifted off on March 9. He watched it on Monday.", "He watched it"},
      {"Engineers found a crack on Monday. It was found in May.", "It was found"},
      {"The probe lifted off on March 9. It was the first launch from the site in May.",
       "It was the first launch from the site"},
  });
}

// The word of an ASCII text at code points [start, end), "-" when absent.
static std::string word_at(const std::string& text, std::optional<std::size_t> start, std::optional<std::size_t> end) {
  return start && end ? text.substr(*start, *end - *start) : "-";
}

BOOST_AUTO_TEST_CASE(durations_annotate_the_event_of_their_sentence) {
  const Timeline t = build_one("The bridge closed in 1995 for 18 months. It lasted a week.");
  const Event* e = find(t, "The bridge closed");
  BOOST_REQUIRE_MESSAGE(e, headlines(t));
  BOOST_REQUIRE_EQUAL(e->durations.size(), 2u);
  BOOST_TEST(e->durations[0].value == "P18M");
  BOOST_TEST(e->durations[0].text == "18 months");
  // "a week" alone is no event: it annotates the event told before it, with its own predicate.
  BOOST_TEST(e->durations[1].text == "a week");
  BOOST_TEST(t.events.size() == 2u);  // the bridge and the publication
}

BOOST_AUTO_TEST_CASE(durations_without_a_date_annotate_the_event_told_before_them) {
  const std::string text =
      "Published: 2025-04-18\nMayor Visits Harbour\n\nThe mayor arrived at the harbour on Tuesday. She "
      "spent about three hours on the quay and toured the two-day fair. The council had met on Monday.";
  const Timeline t = build_one(text);
  const Event* arrived = find(t, "The mayor arrived at the harbour");
  const Event* met = find(t, "The council had met");
  BOOST_REQUIRE_MESSAGE(arrived && met, headlines(t));
  // Both durations of the dateless sentence: on Tuesday's event (told before), not Monday's.
  BOOST_REQUIRE_EQUAL(arrived->durations.size(), 2u);
  BOOST_TEST(met->durations.empty());
  std::vector<std::string> seen;
  for (const auto& a : arrived->durations)
    seen.push_back(a.text + ":" + word_at(text, a.predicate_start, a.predicate_end));
  std::sort(seen.begin(), seen.end());
  BOOST_TEST((seen == std::vector<std::string>{"about three hours:spent", "two-day:toured"}));
  // Before any event, the first one after; with none, the publication's.
  const Timeline first = build_one("The storm lasted two days. Crews cleared the roads on Friday.");
  const Event* cleared = find(first, "Crews cleared the roads");
  BOOST_REQUIRE_MESSAGE(cleared, headlines(first));
  BOOST_REQUIRE_EQUAL(cleared->durations.size(), 1u);
  BOOST_TEST(cleared->durations[0].text == "two days");
}

BOOST_AUTO_TEST_CASE(a_duration_shares_what_it_measures) {
  // "eleven weeks of negotiations and strikes": the nouns after "of" (and their conjuncts) are
  // what the duration measures, recorded beside the predicate that governs it.
  const std::string text =
      "The plant reopened on Monday after eleven weeks of negotiations and strikes. Residents endured two years "
      "of flooding. The pier was closed for two years.";
  const Timeline t = build_one(text);
  const Event* e = find(t, "The plant reopened");
  BOOST_REQUIRE_MESSAGE(e, headlines(t));
  std::vector<std::string> seen;
  for (const auto& a : e->durations) {
    std::string s = a.text + ":" + word_at(text, a.predicate_start, a.predicate_end);
    for (const auto& [b, x] : a.shared_predicates) s += "," + text.substr(b, x - b);
    seen.push_back(s);
  }
  BOOST_TEST((seen == std::vector<std::string>{"eleven weeks:reopened,negotiations,strikes",
                                               "two years:endured,flooding", "two years:closed"}));
}

BOOST_AUTO_TEST_CASE(a_report_of_figures_shares_its_period_with_them) {
  // "reported sales for the year": the period is the time of the figures (an event noun, object of
  // a verb of reporting figures) as well as of the report.
  const std::string text =
      "In the fiscal year, the chain reported sales of $9 million. The bakery reported a net loss of $2 million for "
      "the third quarter.";
  const Timeline t = build_one(text, "2025-11-18");
  std::vector<std::string> seen;
  for (const auto& e : t.events)
    for (const auto& m : e.mentions) {
      if (!m.predicate_start) continue;
      std::string s = m.timex + ":" + word_at(text, m.predicate_start, m.predicate_end);
      for (const auto& [b, x] : m.shared_predicates) s += "," + text.substr(b, x - b);
      seen.push_back(s);
    }
  std::sort(seen.begin(), seen.end());
  BOOST_TEST((seen == std::vector<std::string>{"the fiscal year:reported,sales", "the third quarter:loss,reported"}),
             headlines(t));
}

BOOST_AUTO_TEST_CASE(references_annotate_the_publication) {
  // "now", "currently", "recently", "soon" tell a time by the publication's: its event records
  // them with the predicate each governs, also in a sentence with a date of its own.
  const std::string text =
      "Published: 2025-04-18\nFerry Timetable\n\nThe ferry sailed on Tuesday and is now running twice a day. The "
      "old pier is currently closed. The harbour master recently retired.";
  const Timeline t = build_one(text);
  const auto pub =
      std::find_if(t.events.begin(), t.events.end(), [](const Event& e) { return e.kind == EventKind::published; });
  BOOST_REQUIRE(pub != t.events.end());
  std::vector<std::string> seen;
  for (const auto& a : pub->references)
    seen.push_back(a.text + ":" + a.value + ":" + word_at(text, a.predicate_start, a.predicate_end));
  BOOST_TEST((seen == std::vector<std::string>{"currently:PRESENT_REF:closed", "now:PRESENT_REF:running",
                                               "recently:PAST_REF:retired"}),
             "seen: " << seen.size());
  for (const auto& e : t.events)
    if (e.kind == EventKind::event) BOOST_TEST(e.references.empty());
}

BOOST_AUTO_TEST_CASE(durations_and_sets_record_the_predicate_that_governs_them) {
  struct Case {
    std::string text, headline, annotation, predicate;
    std::vector<std::string> shared;
  };
  for (const Case& c : std::vector<Case>{
           // The predicate of the duration, not of the event it annotates (the nearest).
           {"The ferry, which ran for 30 years, sank on Monday.", "The ferry sank", "30 years", "ran", {}},
           {"The talks on Tuesday lasted three hours.", "The talks lasted", "three hours", "lasted", {}},
           // The noun it modifies, an event noun: the visit lasted five hours.
           {"The minister arrived on Monday for a five-hour visit.",
            "The minister arrived for a visit",
            "five-hour",
            "visit",
            {"arrived"}},
           // A set tells the coordinated verbs as a date does.
           {"The council met every week in March and voted to close the pool.",
            "The council met and voted to close the pool",
            "every week",
            "met",
            {"voted", "close"}},
       }) {
    const Timeline t = build_one(c.text);
    const Event* e = find(t, c.headline);
    BOOST_REQUIRE_MESSAGE(e, c.text + " -> " + headlines(t));
    const auto& list = e->durations.empty() ? e->sets : e->durations;
    BOOST_REQUIRE_EQUAL(list.size(), 1u);
    const Annotation& a = list[0];
    BOOST_TEST(a.doc == "d");
    BOOST_TEST(word_at(c.text, a.start, a.end) == c.annotation, c.text);
    BOOST_TEST(word_at(c.text, a.predicate_start, a.predicate_end) == c.predicate, c.text);
    std::vector<std::string> shared;
    for (const auto& [start, end] : a.shared_predicates) shared.push_back(c.text.substr(start, end - start));
    BOOST_TEST(shared == c.shared, c.text);
  }
}

BOOST_AUTO_TEST_CASE(the_past_weeks_end_at_publication) {
  // "over the last two weeks", "in the past three months": a period up to the time of telling.
  const Timeline t = build_one(
      "Gas prices fell two cents a gallon over the last two weeks. In the past three months, stocks have plunged.");
  const Event* gas = find(t, "Gas prices fell two cents a gallon");
  const Event* stocks = find(t, "Stocks have plunged");
  BOOST_REQUIRE_MESSAGE(gas && stocks, headlines(t));
  BOOST_TEST(gas->date.timex == "2025-W14/2025-04-18");
  BOOST_TEST(stocks->date.timex == "2025-01/2025-04-18");
  BOOST_TEST(stocks->date.anchor == AnchorKind::publication);
  // Not the last weeks of something else, nor a subject, nor "each of the past three years".
  for (const char* text : {"The last two weeks of the campaign were hard.", "The last two months have been hard.",
                           "The company has reported declines in each of the past three years."}) {
    const Timeline n = build_one(text);
    BOOST_TEST(n.events.size() == 1u, text << " -> " << headlines(n));  // the publication alone
  }
}

BOOST_AUTO_TEST_CASE(offset_after_an_event_dates_the_event_it_refers_to) {
  const Timeline t =
      build_one("Huang made his second visit to Beijing in April 2025, three months after his first visit.");
  const Event* main = find(t, "Huang made his second visit to Beijing");
  const Event* ref = find(t, "His first visit");
  BOOST_REQUIRE_MESSAGE(main && ref, headlines(t));
  BOOST_TEST(main->date.timex == "2025-04");
  BOOST_TEST(ref->date.timex == "2025-01");
  BOOST_TEST((ref->date.grain == Grain::month));
  BOOST_TEST((ref->date.anchor == AnchorKind::event));
  BOOST_TEST(ref->mentions[0].timex == "three months after");
}

BOOST_AUTO_TEST_CASE(offset_before_a_dated_event_told_elsewhere) {
  const Timeline t =
      build_one("The vote was held on March 3, 2025. Two days before the vote, the party changed its leader.");
  const Event* e = find(t, "The party changed its leader");
  BOOST_REQUIRE_MESSAGE(e, headlines(t));
  BOOST_TEST(e->date.timex == "2025-03-01");
  BOOST_TEST((e->date.anchor == AnchorKind::event));
}

BOOST_AUTO_TEST_CASE(a_duration_for_after_an_event_is_no_relation) {
  const Timeline t =
      build_one("The storm hit on March 3, 2025. The town was without power for three months after the storm.");
  BOOST_TEST(t.events.size() == 2u, headlines(t));  // the storm and the publication
}

BOOST_AUTO_TEST_CASE(a_week_after_takes_the_granularity_of_the_offset) {
  const Timeline t = build_one("The minister resigned on May 10, 2024, a week after the election.");
  const Event* ref = find(t, "The election");
  BOOST_REQUIRE_MESSAGE(ref, headlines(t));
  BOOST_TEST(ref->date.timex == "2024-W18");
  BOOST_TEST((ref->date.grain == Grain::week));
  BOOST_TEST(format_day(ref->date.bounds->earliest) <= "2024-05-03");
  BOOST_TEST(format_day(ref->date.bounds->latest) >= "2024-05-03");
  BOOST_TEST(find(t, "The minister resigned") != nullptr);
}

BOOST_AUTO_TEST_CASE(the_same_day_takes_the_previous_date) {
  const Timeline t = build_one("The mayor resigned on March 3, 2025. The council met on the same day.");
  const Event* e = find(t, "The council met");
  BOOST_REQUIRE_MESSAGE(e, headlines(t));
  BOOST_TEST(e->date.timex == "2025-03-03");
}

BOOST_AUTO_TEST_CASE(since_and_perfect_durations_end_at_publication) {
  const Timeline t = build_one("Prices have risen since 2019. The market has grown for 30 years.");
  const Event* since = find(t, "Prices have risen");
  const Event* grown = find(t, "The market has grown");
  BOOST_REQUIRE_MESSAGE(since && grown, headlines(t));
  BOOST_TEST(format_day(since->date.bounds->earliest) == "2019-01-01");
  BOOST_TEST(format_day(since->date.bounds->latest) == "2025-04-18");
  BOOST_TEST(since->date.timex == "2019/2025-04-18");
  BOOST_TEST(format_day(grown->date.bounds->earliest) == "1995-01-01");
  BOOST_TEST(format_day(grown->date.bounds->latest) == "2025-04-18");
  BOOST_TEST((grown->date.anchor == AnchorKind::publication));
  // After a superlative, "since" compares: "their biggest drop since January" is no event of its own.
  const Timeline drop = build_one("Shares fell 6 percent on Monday, their biggest drop since January.");
  BOOST_TEST(headlines(drop) == "2025-04-14 Shares fell 6 percent | 2025-04-18 Published: d | ");
  BOOST_TEST(build_one("It was the first time since 2019 that the river flooded.").events.size() == 1u);
  // Without a perfect tense, a duration is no interval of its own.
  BOOST_TEST(build_one("The strike lasted for 30 days.").events.size() == 1u);
}

BOOST_AUTO_TEST_CASE(labels_bullets_attributions_and_datelines_leave_a_clause) {
  check_told({
      {"Why it matters: Amid the trade fight between the two countries, the chip maker opened a new plant in "
       "Shenzhen on Tuesday.",
       "The chip maker opened a new plant in Shenzhen"},
      {"Context, Lindqvist took a trip to Norway in March.", "Lindqvist took a trip to Norway"},
      {"\u2022 On Thursday, according to the Daily Courier, Lindqvist also met with the mayor of Bergen.",
       "Lindqvist met with the mayor of Bergen"},
      {"According to the Daily Courier, Lindqvist met with the mayor of Bergen on Thursday.",
       "Lindqvist met with the mayor of Bergen"},
      {"On Tuesday in Washington, the Federal Aviation Administration released new rules.",
       "The Federal Aviation Administration released new rules"},
      {"PORTLAND, the Federal Transit Agency released new rules on Wednesday.",
       "The Federal Transit Agency released new rules"},
      // A pronoun names the subject before.
      {"Lindqvist opened a plant in March. He added one more in May.", "Lindqvist added one more"},
  });
}

BOOST_AUTO_TEST_CASE(each_event_records_its_predicate) {
  const std::string text = "The council met on Monday and approved the budget on Friday.";
  const Timeline t = build_one(text);
  auto predicate = [&](const std::string& headline) {
    const Event* e = find(t, headline);
    BOOST_REQUIRE_MESSAGE(e, headlines(t));
    const EventMention& m = e->mentions.front();
    BOOST_REQUIRE(m.predicate_start && m.predicate_end);
    return text.substr(*m.predicate_start, *m.predicate_end - *m.predicate_start);
  };
  BOOST_TEST(predicate("The council met") == "met");
  BOOST_TEST(predicate("The council approved the budget") == "approved");
  // The publication has none.
  for (const auto& e : t.events)
    if (e.kind == EventKind::published) BOOST_TEST(!e.mentions.front().predicate_start.has_value());
}

// An event noun before its date (the model before took "Sunday" for a subject: docs/parser.md).
BOOST_AUTO_TEST_CASE(an_event_noun_before_its_date) {
  // An event noun governs its date: "the election".
  const std::string noun = "The election on Sunday drew record crowds.";
  const Timeline n = build_one(noun);
  bool election = false;
  for (const auto& e : n.events)
    for (const auto& m : e.mentions)
      if (m.predicate_start)
        election = election || noun.substr(*m.predicate_start, *m.predicate_end - *m.predicate_start) == "election";
  BOOST_TEST(election, headlines(n));
}

BOOST_AUTO_TEST_CASE(the_same_day_takes_the_last_day_narrated_across_paragraphs) {
  const Timeline t = build_one(
      "Lindqvist met the mayor of Bergen on Thursday.\n\nThe company has hired 200 workers in the last week.\n\n"
      "On the same day, Lindqvist also met with the head of the port authority.");
  const Event* e = find(t, "Lindqvist met with the head of the port authority");
  BOOST_REQUIRE_MESSAGE(e, headlines(t));
  BOOST_TEST(e->date.timex == "2025-04-17");
}

// The words of the predicates a date tells beyond its own (EventMention::shared_predicates).
std::vector<std::string> shared_words(const std::string& text, const Event& e) {
  std::vector<std::string> out;
  for (const auto& [start, end] : e.mentions.front().shared_predicates) out.push_back(text.substr(start, end - start));
  return out;
}

BOOST_AUTO_TEST_CASE(a_date_the_parser_took_for_the_root_tells_the_clause_hung_on_it) {
  // An opening date, or a period's participle, read as the root of the sentence, with the clause
  // hung on it (a relative clause, a parataxis, a copula clause): the clause is the event. Before,
  // these headlines were empty or "Ended".
  auto told = [](const std::string& text, const std::string& headline, const std::string& predicate,
                 std::vector<std::string> shared) {
    const Timeline t = build_one(text);
    const Event* e = find(t, headline);
    BOOST_REQUIRE_MESSAGE(e, text + " -> " + headlines(t));
    const EventMention& m = e->mentions.front();
    BOOST_TEST(word_at(text, m.predicate_start, m.predicate_end) == predicate, text);
    BOOST_TEST(shared_words(text, *e) == shared, text);
  };
  told("Yesterday the ferry left Oban at noon.", "The ferry left Oban", "left", {});
  told("For the quarter ended Sept. 30, the bakery posted net income of $1.2 million.",
       "The bakery posted net income of $1.2 million", "posted", {"ended"});
  told("In the fiscal year ended Jan. 31, the mill reported sales of $59 million.",
       "The mill reported sales of $59 million", "reported", {"sales", "ended"});
  told("On Friday, the main index of the Oslo exchange was down 15.82 at 1,202.4.",
       "The main index of the Oslo exchange was down 15.82 at 1,202.4", "15.82", {});
  // A clause with a subject of its own, after the date: not a fragment, and not another clause's
  // date ("the ferry that sank in March").
  told("Yesterday, the ferry that sank in March was raised.", "The ferry was raised", "raised", {});
  told("Yesterday, the ferry that sank in March was raised.", "The ferry sank", "sank", {});
  const Timeline fragment = build_one("Until this week.");
  BOOST_REQUIRE_EQUAL(fragment.events.size(), 2u);
  for (const auto& e : fragment.events)
    if (e.kind == EventKind::event) BOOST_TEST(!e.mentions.front().predicate_start.has_value());
}

BOOST_AUTO_TEST_CASE(an_infinitive_of_result_is_told_with_its_verb) {
  // Right after the verb or adjective it hangs on: the headline has a subject ("Include two clubs
  // from Wales" before). With words between, the infinitive keeps its own clause.
  check_told({
      {"The league was expanded to include two clubs from Wales in 1952.",
       "The league was expanded to include two clubs from Wales"},
      {"Club officials were not available to comment on Saturday.", "Club officials were not available to comment"},
      {"The board required the company to sell the land in May.", "The board required the company to sell the land"},
  });
  const Timeline t = build_one("The league was expanded to include two clubs from Wales in 1952.");
  BOOST_TEST(!find(t, "Include two clubs from Wales"), headlines(t));
}

BOOST_AUTO_TEST_CASE(a_plural_of_an_event_noun_is_an_event) {
  // "last year's attacks", "The protests on March 3": the noun the date is of, as its singular.
  auto predicate = [](const std::string& text, const std::string& headline) {
    const Timeline t = build_one(text);
    const Event* e = find(t, headline);
    BOOST_REQUIRE_MESSAGE(e, text + " -> " + headlines(t));
    return word_at(text, e->mentions.front().predicate_start, e->mentions.front().predicate_end);
  };
  const std::string arrest = "Police arrested a man on Tuesday in connection with last year's attacks in the capital.";
  BOOST_TEST(predicate(arrest, "Attacks in the capital") == "attacks");  // before: the arrest, dated last year
  BOOST_TEST(predicate(arrest, "Police arrested a man in connection with attacks in the capital") == "arrested");
  BOOST_TEST(predicate("The protests on March 3 drew thousands of people.", "The protests drew thousands of people") ==
             "protests");
  // Not a plural of a noun that names no event ("profits").
  BOOST_TEST(predicate("The firm reported its profits of last year on Monday.", "The firm reported its profits") ==
             "reported");
}

BOOST_AUTO_TEST_CASE(a_date_tells_the_clauses_that_share_it) {
  auto told = [](const std::string& text, const std::string& headline, std::vector<std::string> shared) {
    const Timeline t = build_one(text);
    const Event* e = find(t, headline);
    BOOST_REQUIRE_MESSAGE(e, text + " -> " + headlines(t));
    BOOST_TEST(shared_words(text, *e) == shared, text);
  };
  // Coordinated verbs without a date of their own share it, from the first.
  told("The minister resigned and was replaced on Monday.", "The minister resigned and was replaced", {"resigned"});
  told("Police raided two homes on Sunday and searched for a suspect.",
       "Police raided two homes and searched for a suspect", {"searched"});
  told("Delta issued new shares to Swissair during the quarter and repurchased 1.1 million shares.",
       "Delta issued new shares to Swissair and repurchased 1.1 million shares", {"repurchased"});
  // Not the verb an infinitive hangs on, one that has a date of its own, a subject of its own,
  // another tense, or no conjunction.
  // (the verb an infinitive hangs on: below)
  told("The shop was rebuilt and opens on Monday.", "The shop opens", {});
  told("Prices rose in March, helped by demand.", "Prices rose", {});
  told("Residents were evacuated on Saturday and returned home on Sunday.", "Residents were evacuated", {});
  told("Residents were evacuated on Saturday and returned home on Sunday.", "Residents returned home", {});
  // A clause of the same moment ("as", "when", "while"), even hung on the date by the parser.
  told("The doctor was shot on Friday night as he stood in his kitchen.",
       "The doctor was shot as he stood in his kitchen", {"stood"});
  // The event noun of a light verb, an event at which it happened (the date hung on the verb, or on
  // the noun: then the verb is shared).
  told("The two leaders held talks on Monday.", "The two leaders held talks", {"talks"});
  // (a date hung on the verb, its event noun shared: below)
  // The verbs of one event through an open complement: a phase of it, an act that is it, a state it
  // was found in; and the event noun of a phase.
  told("Shares of the firm began trading on the exchange in August.",
       "Shares of the firm began trading on the exchange", {"began"});
  told("On Friday, the chip maker began notifying customers about the flaw.",
       "The chip maker began notifying customers about the flaw", {"notifying"});
  told("Police officials declined to comment on Saturday.", "Police officials declined to comment", {"declined"});
  told("The car was found abandoned at the airport in December.", "The car was found abandoned at the airport",
       {"found"});
  told("The company completed the acquisition of the bank on Monday.",
       "The company completed the acquisition of the bank", {"acquisition"});
  // The noun a date modifies within its phrase, before it or after "of", its time told by the date.
  told("The senator attacked his rival in Sunday's debate.", "The senator attacked his rival in debate", {"debate"});
  told("Investigators have searched for the gunman since the Oct. 23 slaying.",
       "Investigators have searched for the gunman since the slaying", {"slaying"});
  // ("third-quarter net income": below)
  told("The incidents of Aug. 7 shook the city.", "The incidents shook the city", {"incidents"});
  // Not the subject after a date that opens the sentence.
  told("On Sept. 2, police in the capital arrested two men.", "Police in the capital arrested two men", {});
  // A saying and what it says in the present; the saying before a date that opens what was said.
  told("An official said on Friday that investigators are pursuing 400 tips.",
       "An official said that investigators are pursuing 400 tips", {"pursuing"});
  told("An official said on Friday that investigators found a rifle.",
       "An official said that investigators found a rifle", {});
  // (a date between the saying and what was said: below)
  told("The ministry said that today it had sent an envoy.", "The ministry had sent an envoy", {});
  // Not a commitment and what it commits to: each date its own.
  told("The council agreed on Monday to sell the land in May.", "The council agreed", {});
  told("The council agreed on Monday to sell the land in May.", "The council agreed to sell the land", {});
}

// A date between a saying and what was said: the model of the fifth sitting hangs "today" on "said"
// (the model before hung it on "sent", and the saying was then shared, acf72bb); the event is the
// saying, told with what was said.
BOOST_AUTO_TEST_CASE(a_date_between_a_saying_and_what_was_said) {
  const std::string text = "The ministry said today it had sent an envoy to the region.";
  const Timeline t = build_one(text);
  BOOST_TEST(find(t, "The ministry said it had sent an envoy to the region") != nullptr, headlines(t));
}

// Known misparse (docs/parser.md): "company" the root and "posted" its modifier, "income" hung on
// "posted": the headline loses "in".
BOOST_AUTO_TEST_CASE(known_misparse_posted_a_modifier_of_the_company, *boost::unit_test::expected_failures(1)) {
  const std::string text = "The company posted a 20% gain in third-quarter net income.";
  const Timeline t = build_one(text);
  const Event* e = find(t, "The company posted a 20% gain in net income");
  BOOST_TEST(e != nullptr, headlines(t));
  if (e) BOOST_TEST(shared_words(text, *e) == std::vector<std::string>{"income"}, text);
}

// Known misparse (docs/parser.md): "Tuesday" a modifier of "conference", so that the noun is the
// date's predicate and "spoke" is not shared (as with the model of 42a18db).
BOOST_AUTO_TEST_CASE(known_misparse_tuesday_a_modifier_of_the_conference, *boost::unit_test::expected_failures(1)) {
  const std::string text = "Lindqvist spoke at a news conference on Tuesday.";
  const Timeline t = build_one(text);
  const Event* e = find(t, "Lindqvist spoke at a news conference");
  BOOST_TEST(e != nullptr, headlines(t));
  if (e) BOOST_TEST(shared_words(text, *e) == std::vector<std::string>{"conference"}, text);
}

BOOST_AUTO_TEST_CASE(an_event_noun_keeps_its_date_and_its_place_in_the_headline) {
  // A date before an event noun that is no subject or object of its clause dates the noun, not
  // what was done around it.
  const Timeline t = build_one("The agency issued a warning to travellers after the March 3 bombings in the capital.");
  const Event* e = find(t, "The bombings in the capital");
  BOOST_REQUIRE_MESSAGE(e, headlines(t));
  BOOST_TEST(e->date.timex == "2025-03-03");
  // A subject or object keeps its clause, which does not share its date: "condemned the March 3
  // bombings" was later.
  for (const char* text : {"The mayor won the March 3 election.", "The mayor condemned the March 3 bombings."}) {
    const Timeline n = build_one(text);
    BOOST_REQUIRE_MESSAGE(n.events.size() == 2, headlines(n));
    const Event& march = n.events.front();
    BOOST_TEST(march.headline.starts_with("The mayor"), headlines(n));
    BOOST_TEST(march.mentions.front().shared_predicates.empty(), headlines(n));
  }
  // The phrase of the predicate stays when it sets the scene ("During his speech").
  BOOST_TEST(cut("During his speech on Wednesday, the mayor praised the firefighters.", "Wednesday") ==
             "During his speech, the mayor praised the firefighters");
}

BOOST_AUTO_TEST_CASE(a_clause_after_and_is_no_part_of_the_clause_before) {
  // The parser hangs "4,000 people" on "Saturday" and "evacuated" on "began" as what it said: each
  // date keeps its own clause, and the second finds its subject again.
  check_told({{"Flooding began on Saturday and 4,000 people had been evacuated by Tuesday night.", "Flooding began",
               "4,000 people had been evacuated"}});
}

BOOST_AUTO_TEST_CASE(a_saying_after_what_was_said_is_told_first) {
  // The date is the saying's: the speaker first, then what was said, so that a long report does not
  // push the speaker past the headline's twelve words.
  BOOST_TEST(cut("The new levee may have saved the town, an engineer said on Saturday.", "Saturday") ==
             "An engineer said the new levee may have saved the town");
  BOOST_TEST(cut("The ferry will not sail until the storm passes, the operator said Sunday.", "Sunday") ==
             "The operator said the ferry will not sail until the storm passes");
  // A quotation after a colon, without what follows the saying.
  BOOST_TEST(cut("\"We will not stop the search,\" the mayor told reporters on Monday.", "Monday") ==
             "The mayor told reporters: We will not stop the search");
  BOOST_TEST(cut("\"We can not rebuild the hall,\" she said on Tuesday, \"so the school will stay shut.\"",
                 "Tuesday") == "She said: We can not rebuild the hall");
  // The speaker after the saying, or hung by the parser on what was said.
  BOOST_TEST(cut("\"The roads are closed,\" said Ingrid Solberg on Monday.", "Monday") ==
             "Ingrid Solberg said: The roads are closed");
  BOOST_TEST(cut("The new rules will cost the two airlines about 90 million euros, parliament said on Friday.",
                 "Friday") == "Parliament said the new rules will cost the two airlines about 90...");
  BOOST_TEST(cut("Another man has been arrested, hospital officials and police said on Sunday.", "Sunday") ==
             "Hospital officials and police said another man has been arrested");
  // Its circumstances go: they would read as part of what was said.
  BOOST_TEST(cut("The bridge will stay closed, the council said Friday in response to questions.", "Friday") ==
             "The council said the bridge will stay closed");
  // A passive, a report of a thing: events as written.
  BOOST_TEST(cut("The brewer reported net income of 90 million dollars on Monday.", "Monday") ==
             "The brewer reported net income of 90 million dollars");
  BOOST_TEST(cut("The chairman echoed the official view on Tuesday, when the accord was announced.", "Tuesday") ==
             "The chairman echoed the official view");
}

// Known misparses (docs/parser.md) of the model that tools/train/make-model.sh makes, each its case's
// one expected failure until a model parses it again (Boost then reports fewer failures than
// expected), alone in its case so that no other check is excused by it. "officials" a conjunct of
// "bridge", which becomes the subject of "said" and the passive-looking "The bridge was reopened".
BOOST_AUTO_TEST_CASE(known_misparse_officials_a_conjunct_of_the_bridge, *boost::unit_test::expected_failures(1)) {
  // A date of what was said still dates what was said, without the saying.
  BOOST_TEST(cut("The bridge reopened on Thursday, city officials said.", "Thursday") == "The bridge reopened");
}

BOOST_AUTO_TEST_CASE(known_misparse_officials_a_conjunct_of_the_bridge_after_a_dateline,
                     *boost::unit_test::expected_failures(1)) {
  BOOST_TEST(cut("PORT ELLIS - The bridge reopened on Thursday, city officials said.", "Thursday") ==
             "The bridge reopened");
}

// "decided" the root and "said" its xcomp: the speaker is lost.
BOOST_AUTO_TEST_CASE(known_misparse_the_saying_under_what_was_said, *boost::unit_test::expected_failures(1)) {
  BOOST_TEST(cut("The alliance has decided to act, a spokesman for the government said on Monday.", "Monday") ==
             "A spokesman for the government said the alliance has decided to act");
}

// "mayor" a compound of "years": the headline loses it.
BOOST_AUTO_TEST_CASE(known_misparse_mayor_a_compound_of_years, *boost::unit_test::expected_failures(1)) {
  check_told(
      {{"She won a seat on the board in 1968 and was elected mayor four years later.", "She was elected mayor"}});
}

// The model hangs "December" on "report": the noun's clause is the infinitive's, and the headline
// still climbs to the verb it is the infinitive of (it read "The board publish its report").
BOOST_AUTO_TEST_CASE(a_noun_dated_in_an_infinitive_tells_the_verb_it_is_the_infinitive_of) {
  const Timeline t = build_one("The board expects to publish its report in December.");
  BOOST_TEST(find(t, "The board expects to publish its report") != nullptr, headlines(t));
}

BOOST_AUTO_TEST_CASE(a_word_between_a_verb_and_its_date_is_the_verbs) {
  // "tribute" and "Court" hung on the date by the parser: the headline keeps them.
  BOOST_TEST(cut("The minister paid tribute Tuesday to the victims of the flood.", "Tuesday") ==
             "The minister paid tribute to the victims of the flood");
  BOOST_TEST(cut("The World Court Friday rejected the objections of the two governments.", "Friday") ==
             "The World Court rejected the objections of the two governments");
}

BOOST_AUTO_TEST_CASE(a_wire_dateline_with_its_region_and_underscore_dash_is_cut) {
  BOOST_TEST(cut("NEW YORK _ A Brooklyn woman was killed on Thursday evening.", "Thursday evening") ==
             "A Brooklyn woman was killed");
  BOOST_TEST(cut("INDEPENDENCE, Mo. _ The alliance embraced three new members on Friday.", "Friday") ==
             "The alliance embraced three new members");
  BOOST_TEST(cut("BONN, Germany (AP)_ Parliament fined the party on Friday.", "Friday") ==
             "Parliament fined the party");
  // Not a dateline: a sentence opening with capitals and a comma.
  BOOST_TEST(cut("The US, Britain and France met on Friday.", "Friday") == "The US, Britain and France met");
}

BOOST_AUTO_TEST_CASE(a_participle_between_a_period_and_a_date_names_the_period) {
  // "the quarter ended Sept. 30" names a period: its event is what happened in it, "ended" shared.
  check_told({{"Net income rose 21% to 3 million dollars for the fourth quarter ended Aug. 26.",
               "Net income rose 21% to 3 million dollars"},
              {"The bank had a loss of 92 million dollars for the quarter ended Sept. 30.",
               "The bank had a loss of 92 million dollars"}});
  const std::string text = "The bank had a loss of 92 million dollars for the quarter ended Sept. 30.";
  const Timeline t = build_one(text);
  const Event* e = find(t, "The bank had a loss of 92 million dollars");
  BOOST_REQUIRE(e);
  const EventMention& m = e->mentions.front();
  BOOST_TEST(text.substr(*m.predicate_start, *m.predicate_end - *m.predicate_start) == "had");
  BOOST_TEST(shared_words(text, *e) == (std::vector<std::string>{"loss", "ended"}));  // the loss: a light verb's
}

BOOST_AUTO_TEST_SUITE_END()
