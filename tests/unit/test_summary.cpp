// Summaries: page noise, salience, key dates and their sentences.
#include "schema_check.hpp"

#include <timeliner/json.hpp>
#include <timeliner/load.hpp>
#include <timeliner/summary.hpp>
#include <timeliner/timeline.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace timeliner;

namespace {

std::string slice(std::string_view text, const Span& s) { return std::string(text.substr(s.begin, s.end - s.begin)); }

// The noisy lines of `text`, each trimmed.
std::vector<std::string> noisy_lines(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : page_noise(text)) {
    std::istringstream in(slice(text, s));
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) out.push_back(line);
  }
  return out;
}

Document doc(const std::string& id, const std::string& text, const char* published) {
  LoadOptions o;
  o.dct = parse_instant(published);
  return document_from_text(text, id, id + ".txt", o);
}

std::vector<Document> noise_corpus() {
  LoadOptions o;
  return load_file(std::string(TIMELINER_SOURCE_DIR) + "/tests/fixtures/noise/articles.jsonl", o).documents;
}

// An event of one mention, made by hand: document, position, day, sentence.
Event mention_event(const std::string& docid, std::size_t start, const char* day, const std::string& text) {
  Event e;
  e.date.type = TimexType::date;
  e.date.grain = Grain::day;
  e.date.timex = day;
  e.date.bounds = Interval{parse_instant(day)->day, parse_instant(day)->day};
  e.date.anchor = AnchorKind::explicit_;
  e.headline = text;
  e.text = text;
  EventMention m;
  m.doc = docid;
  m.start = start;
  m.end = start + text.size();
  m.timex = day;
  m.date = e.date;
  m.headline = text;
  m.text = text;
  e.mentions.push_back(m);
  return e;
}

Document meta(const std::string& id, const char* published) {
  Document d;
  d.id = id;
  d.published = parse_instant(published);
  return d;
}

const DayScore* day_of(const std::vector<DayScore>& days, const char* day) {
  for (const auto& d : days)
    if (d.day == parse_instant(day)->day) return &d;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(summary)

BOOST_AUTO_TEST_CASE(comment_sections_are_noise_from_their_header_to_the_end) {
  const std::string page =
      "The levee failed on Sunday.\n\nComments (2)\n\nRiverWatcher wrote on March 3, 2025 at 4:15 pm:\n\n"
      "Terrible news. It leaked on Saturday too.\n\nDee wrote:\n\nThe council ignored the warnings.\n";
  const auto lines = noisy_lines(page);
  BOOST_TEST(lines.size() == 5u);
  BOOST_TEST(lines.front() == "Comments (2)");
  BOOST_TEST(lines.back() == "The council ignored the warnings.");
  // Without a header, three "NAME wrote:" make a comment section; one or two quotes in an article do not.
  BOOST_TEST(noisy_lines("A wrote:\n\nx\n\nB wrote:\n\ny\n\nC said:\n\nz").size() == 6u);
  BOOST_TEST(noisy_lines("Clement Freud wrote: \"Nigella has seduced with sex.\"\n\nVisconti wrote: It was new.\n\n"
                         "The album came out on Friday.")
                 .empty());
}

BOOST_AUTO_TEST_CASE(captions_with_credits_are_noise) {
  BOOST_TEST(
      noisy_lines("Volunteers fill sandbags on Sunday. Photograph: Ana Ruiz/Valley Courier\n\nThe levee held.") ==
      std::vector<std::string>{"Volunteers fill sandbags on Sunday. Photograph: Ana Ruiz/Valley Courier"});
  // A credit on a line of its own takes the caption above it.
  BOOST_TEST(noisy_lines("Bowie on stage in 2004.\nPhotograph: Martin Rickett / PA\nEarlier this month, Bowie "
                         "released his best album for 25 years.") ==
             (std::vector<std::string>{"Bowie on stage in 2004.", "Photograph: Martin Rickett / PA"}));
  BOOST_TEST(noisy_lines("President Biden speaks on Monday. (AP Photo/Evan Vucci)").size() == 1u);
  // A colon in a sentence is no credit.
  BOOST_TEST(noisy_lines("The image: a city under water on Monday, as residents fled.").empty());
}

BOOST_AUTO_TEST_CASE(related_story_lists_and_furniture_are_noise) {
  const std::string page =
      "The inquiry opened on Monday.\n\nRelated stories\n\nLevee repairs approved on February 12, 2025\n\n"
      "River warning issued on Friday\n\nThe county said the inquiry would report in June, after hearing "
      "residents and engineers in three towns.\n\nLast updated: March 4, 2025 at 9:40 am\n\nShare this article\n\n"
      "Sign up to our weekly newsletter:\n\n\xC2\xA9 2025 Valley Courier Media\n\nThis article was amended on 29 "
      "July 2009 to correct an email address.";
  const auto lines = noisy_lines(page);
  BOOST_TEST(
      lines == (std::vector<std::string>{"Related stories", "Levee repairs approved on February 12, 2025",
                                         "River warning issued on Friday", "Last updated: March 4, 2025 at 9:40 am",
                                         "Share this article",
                                         "Sign up to our weekly newsletter:", "\xC2\xA9 2025 Valley Courier Media",
                                         "This article was amended on 29 July 2009 to correct an email address."}),
      boost::test_tools::per_element());
  // Words that open furniture lines may open sentences too.
  BOOST_TEST(noisy_lines("Share prices fell on Monday.\n\nFirst published in 1982 under a pseudonym, the novel sold "
                         "well.\n\nUpdated figures came on Friday, officials said.")
                 .empty());
}

BOOST_AUTO_TEST_CASE(mentions_in_noise_make_no_events) {
  Document d = doc("p",
                   "The levee failed on Sunday.\n\nVolunteers worked on Monday. Photograph: A. Ruiz/AP\n\n"
                   "Comments\n\nDee wrote on March 4, 2025 at 9:30 am:\n\nIt leaked on Saturday.",
                   "2025-03-05");
  const Timeline t = build_timeline({d}, Grammar::english());
  std::vector<std::string> headlines;
  for (const auto& e : t.events)
    if (e.kind == EventKind::event) headlines.push_back(e.headline);
  BOOST_TEST(headlines == std::vector<std::string>{"The levee failed"});
}

// The fixture corpus: each of four articles carries the same dated footer, a comment section, a
// caption, related stories, furniture. Only the articles' own events remain.
BOOST_AUTO_TEST_CASE(a_corpus_with_a_shared_footer_and_comments_gives_events_of_its_articles_only) {
  const Timeline t = build_timeline(noise_corpus(), Grammar::english());
  BOOST_REQUIRE(t.documents.size() == 4u);
  std::set<std::string> headlines;
  for (const auto& e : t.events) {
    if (e.kind != EventKind::event) continue;
    headlines.insert(e.headline);
    BOOST_TEST((e.date.bounds->earliest >= parse_instant("2025-03-01")->day), e.headline);
    for (const auto& m : e.mentions) {
      BOOST_TEST(m.text.find("Courier") == std::string::npos, m.text);
      BOOST_TEST(m.text.find("wrote") == std::string::npos, m.text);
      BOOST_TEST(m.text.find("Photograph") == std::string::npos, m.text);
    }
  }
  BOOST_TEST(headlines.contains("The Calder River levee failed, flooding 300 homes in Millbrook"));
  BOOST_TEST(headlines.contains("The governor declared a state of emergency"));
  BOOST_TEST(headlines.contains("The county opened an inquiry into the levee failure"));
  BOOST_TEST(t.boilerplate.size() == 1u);  // the footer's sentence
  BOOST_TEST(schema_check::timeline_errors(timeline_to_json(t)) == "");
}

// Each article built on its own keeps its footer (one document is no corpus); merging the four
// builds removes it as building them at once does, in any grouping.
BOOST_AUTO_TEST_CASE(boilerplate_removal_is_the_same_for_builds_and_merges) {
  const auto docs = noise_corpus();
  const std::string together = timeline_to_json(build_timeline(docs, Grammar::english()));
  std::vector<Timeline> parts;
  for (const auto& d : docs) parts.push_back(build_timeline({d}, Grammar::english()));
  BOOST_TEST(parts[0].boilerplate.empty());
  BOOST_TEST(timeline_to_json(merge_timelines(parts)) == together);
  const Timeline first3 = merge_timelines({parts[0], parts[1], parts[2]});
  BOOST_TEST(first3.boilerplate.size() == 1u);
  const Timeline reread = timeline_from_json(timeline_to_json(first3));
  BOOST_TEST(timeline_to_json(merge_timelines({reread, parts[3]})) == together);
  BOOST_TEST(timeline_to_json(merge_timelines({parts[3], merge_timelines({parts[1], parts[0]}), parts[2]})) ==
             together);
}

BOOST_AUTO_TEST_CASE(a_sentence_recurring_on_one_day_is_news_not_furniture) {
  // Three copies of one wire story published the same day: its sentences stay.
  Timeline t;
  for (const char* id : {"a", "b", "c"}) {
    t.documents.push_back(meta(id, "2025-03-04"));
    t.events.push_back(mention_event(id, 0, "2025-03-03", "The governor declared a state of emergency on Monday."));
  }
  remove_boilerplate(t);
  BOOST_TEST(t.events.size() == 3u);
  BOOST_TEST(t.boilerplate.empty());
  // On three days it is furniture.
  t.documents[1].published = parse_instant("2025-03-05");
  t.documents[2].published = parse_instant("2025-03-06");
  remove_boilerplate(t);
  BOOST_TEST(t.events.empty());
  BOOST_TEST(t.boilerplate == std::vector<std::uint64_t>{sentence_fingerprint("the governor declared a STATE of "
                                                                              "emergency, on Monday")});
}

BOOST_AUTO_TEST_CASE(fingerprints_ignore_case_spacing_and_punctuation_only) {
  BOOST_TEST(sentence_fingerprint("Last updated:  March 4") == sentence_fingerprint("last updated march 4."));
  BOOST_TEST(sentence_fingerprint("March 4") != sentence_fingerprint("March 5"));
  BOOST_TEST(sentence_fingerprint("") == sentence_fingerprint(" - "));
}

// Salience by hand. Documents: a (published March 2), b (March 10), c (March 10). Mentions of March 1:
// a in its lead (2), b outside it (1); of March 5: b (1), and c twice (counts once, 1).
// references: March 1 = 3, March 5 = 2. published(d): documents published on d or the day after.
// burst(d) = references(d) / (1 + (sum of references over d-15..d+15) / 31).
BOOST_AUTO_TEST_CASE(day_scores_follow_their_definition) {
  Timeline t;
  t.documents = {meta("a", "2025-03-02"), meta("b", "2025-03-10"), meta("c", "2025-03-10")};
  t.events = {mention_event("a", 10, "2025-03-01", "The fire started on March 1."),
              mention_event("b", 900, "2025-03-01", "Since the fire of March 1, the road has been shut."),
              mention_event("b", 1200, "2025-03-05", "The road reopened on March 5."),
              mention_event("c", 1300, "2025-03-05", "Crews cleared the road on March 5."),
              mention_event("c", 1500, "2025-03-05", "On March 5 the road reopened.")};
  const auto days = score_days(t);
  const DayScore* m1 = day_of(days, "2025-03-01");
  const DayScore* m5 = day_of(days, "2025-03-05");
  BOOST_REQUIRE(m1);
  BOOST_REQUIRE(m5);
  BOOST_TEST(m1->references == 3.0);
  BOOST_TEST(m1->published == 1.0);  // a, published the day after
  BOOST_TEST(m5->references == 2.0);
  BOOST_TEST(m5->published == 0.0);
  const double mean = 5.0 / 31.0;
  BOOST_TEST(m1->burst == 3.0 / (1.0 + mean), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(m1->score == 3.0 + 0.3 * 1.0 + 3.0 * (3.0 / (1.0 + mean)), boost::test_tools::tolerance(1e-12));
  // A day with publications only: March 9 (b and c published the day after).
  const DayScore* m9 = day_of(days, "2025-03-09");
  BOOST_REQUIRE(m9);
  BOOST_TEST(m9->references == 0.0);
  BOOST_TEST(m9->score == 0.3 * 2.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(a_sentence_repeated_verbatim_by_several_documents_counts_once) {
  Timeline t;
  t.documents = {meta("a", "2025-03-02"), meta("b", "2025-03-02")};
  t.events = {mention_event("a", 900, "2025-03-01", "The fire started on March 1."),
              mention_event("b", 900, "2025-03-01", "The fire started on March 1.")};
  BOOST_TEST(day_of(score_days(t), "2025-03-01")->references == 1.0);
  t.events[1] = mention_event("b", 900, "2025-03-01", "A fire broke out on March 1.");
  BOOST_TEST(day_of(score_days(t), "2025-03-01")->references == 2.0);
}

BOOST_AUTO_TEST_CASE(the_query_weighs_mentions_that_miss_it_less) {
  Timeline t;
  t.documents = {meta("a", "2025-03-20"), meta("b", "2025-03-20")};
  t.events = {mention_event("a", 900, "2025-03-01", "Enron filed for bankruptcy on March 1."),
              mention_event("b", 900, "2025-03-02", "The markets fell on March 2.")};
  const Query q("Enron");
  BOOST_TEST(q.matches("ENRON's shares"));
  BOOST_TEST(!q.matches("The markets fell"));
  BOOST_TEST(Query().matches("anything"));
  const auto days = score_days(t, q);
  BOOST_TEST(day_of(days, "2025-03-01")->references == 1.0);
  BOOST_TEST(day_of(days, "2025-03-02")->references == kQueryMiss);
}

BOOST_AUTO_TEST_CASE(importance_is_relative_to_the_most_important_event) {
  Timeline t;
  t.documents = {meta("a", "2025-03-02"), meta("b", "2025-03-10")};
  t.events = {mention_event("a", 10, "2025-03-01", "The fire started on March 1."),
              mention_event("b", 900, "2025-03-01", "The fire of March 1 was put out."),
              mention_event("b", 1200, "2025-03-05", "The road reopened on March 5.")};
  t.events = merge_events(t.events);
  const auto days = score_days(t);
  score_importance(t, days);
  double top = 0;
  for (const auto& e : t.events) {
    BOOST_TEST(e.importance >= 0.0);
    BOOST_TEST(e.importance <= 1.0);
    top = std::max(top, e.importance);
  }
  BOOST_TEST(top == 1.0);
  const auto fire =
      std::find_if(t.events.begin(), t.events.end(), [](const Event& e) { return e.mentions.size() == 2; });
  BOOST_REQUIRE(fire != t.events.end());
  BOOST_TEST(fire->importance == 1.0);
}

BOOST_AUTO_TEST_CASE(datelines_are_cleaned_from_summary_sentences) {
  std::size_t cut = 0;
  BOOST_TEST(clean_sentence("WASHINGTON, March 3, 2024 (AP) - The Senate passed the bill.", &cut) ==
             "The Senate passed the bill.");
  BOOST_TEST(cut == 33u);
  BOOST_TEST(clean_sentence("LONDON (Reuters) - Shares fell.") == "Shares fell.");
  BOOST_TEST(clean_sentence("PORT ELLIS, Texas - Crews arrived.") == "Crews arrived.");
  BOOST_TEST(clean_sentence("(Reuters) - Shares fell.") == "Shares fell.");
  BOOST_TEST(clean_sentence("  The bill passed.  ", &cut) == "The bill passed.");
  BOOST_TEST(cut == 2u);
  // Not a dateline: a sentence that opens with capitals and a dash inside.
  BOOST_TEST(clean_sentence("NASA - the agency - launched it.") == "NASA - the agency - launched it.");
}

// Key dates on the Millbrook-like corpus of the noise fixture: the N best days, in date order, each
// with whole sentences of their documents (the offsets give back the text), from different
// documents where possible.
BOOST_AUTO_TEST_CASE(key_dates_carry_sentences_with_their_provenance) {
  const auto docs = noise_corpus();
  Timeline t = build_timeline(docs, Grammar::english());
  SummaryOptions o;
  o.dates = 2;
  o.sentences = 2;
  summarize_timeline(t, o);
  BOOST_REQUIRE(t.key_dates.size() == 2u);
  BOOST_TEST((t.key_dates[0].day < t.key_dates[1].day));
  BOOST_TEST(format_day(t.key_dates[0].day) == "2025-03-02");  // the levee failed
  for (const auto& k : t.key_dates) {
    BOOST_TEST(k.importance > 0.0);
    BOOST_TEST(k.importance <= 1.0);
    BOOST_TEST(!k.events.empty());
    BOOST_REQUIRE(k.sentences.size() == 2u);
    BOOST_TEST(k.sentences[0].doc != k.sentences[1].doc);
    for (const auto& s : k.sentences) {
      const auto d = std::find_if(docs.begin(), docs.end(), [&](const Document& x) { return x.id == s.doc; });
      BOOST_REQUIRE(d != docs.end());
      // Code points: this corpus is ASCII.
      BOOST_TEST(d->text.substr(s.start, s.end - s.start) == s.text);
      BOOST_TEST(s.text.find("MILLBROOK -") == std::string::npos);  // the dateline is cleaned off
    }
  }
  // The timeline written with its key dates is valid and reads back the same.
  const std::string json = timeline_to_json(t);
  BOOST_TEST(schema_check::timeline_errors(json) == "");
  BOOST_TEST(timeline_to_json(timeline_from_json(json)) == json);
}

BOOST_AUTO_TEST_CASE(dates_are_chosen_within_the_range_and_auto_follows_the_corpus) {
  Timeline t = build_timeline(noise_corpus(), Grammar::english());
  SummaryOptions o;
  o.dates = 10;
  o.from = parse_instant("2025-03-03")->day;
  o.to = parse_instant("2025-03-05")->day;
  summarize_timeline(t, o);
  BOOST_TEST(!t.key_dates.empty());
  for (const auto& k : t.key_dates) {
    BOOST_TEST((k.day >= *o.from));
    BOOST_TEST((k.day <= *o.to));
  }
  // auto: sqrt(4 documents) = 2, at least 5, but no more than the days two documents refer to.
  const auto days = score_days(t);
  std::size_t supported = 0;
  for (const auto& d : days) supported += d.references >= 2 ? 1 : 0;
  BOOST_TEST(auto_date_count(t, days) == std::min<std::size_t>(5, supported));
}

// Days of scores 10, 9.5 and 9.4 (March 1-3) and 9 (June 1), two dates wanted: the mean gap over
// the span is 92 / 2 = 46 days, so choosing March 1 lowers March 2 and 3 to 8.55 and 8.46, and June 1
// comes second.
BOOST_AUTO_TEST_CASE(key_dates_cover_the_story_rather_than_its_busiest_days) {
  std::vector<DayScore> days;
  for (const auto& [day, score] :
       {std::pair{"2025-03-01", 10.0}, {"2025-03-02", 9.5}, {"2025-03-03", 9.4}, {"2025-06-01", 9.0}}) {
    DayScore d;
    d.day = parse_instant(day)->day;
    d.references = d.score = score;
    days.push_back(d);
  }
  SummaryOptions o;
  o.dates = 2;
  std::vector<std::string> chosen;
  for (const auto& k : select_key_dates(Timeline{}, days, o)) chosen.push_back(format_day(k.day));
  BOOST_TEST(chosen == (std::vector<std::string>{"2025-03-01", "2025-06-01"}), boost::test_tools::per_element());
  o.dates = 3;  // a gap of 30 days: the same
  chosen.clear();
  for (const auto& k : select_key_dates(Timeline{}, days, o)) chosen.push_back(format_day(k.day));
  BOOST_TEST(chosen == (std::vector<std::string>{"2025-03-01", "2025-03-02", "2025-06-01"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_query_chooses_among_sentences) {
  Timeline t;
  t.documents = {meta("a", "2025-03-02"), meta("b", "2025-03-02")};
  t.events = {mention_event("a", 10, "2025-03-01", "Heavy rain fell across the county on March 1, flooding roads."),
              mention_event("b", 10, "2025-03-01", "The Millbrook levee failed on March 1 after heavy rain fell.")};
  SummaryOptions o;
  o.dates = 1;
  o.sentences = 1;
  o.query = "levee";
  summarize_timeline(t, o);
  BOOST_REQUIRE(t.key_dates.size() == 1u);
  BOOST_REQUIRE(t.key_dates[0].sentences.size() == 1u);
  BOOST_TEST(t.key_dates[0].sentences[0].doc == "b");
  o.query = "flooding roads";
  summarize_timeline(t, o);
  BOOST_TEST(t.key_dates[0].sentences[0].doc == "a");
}

BOOST_AUTO_TEST_CASE(old_timelines_without_importance_or_key_dates_still_load) {
  const std::string old = R"({"schema": "timeliner.timeline/1", "documents": [], "events": [{"id": "e1",
    "date": {"value": "2025-03-01", "type": "DATE", "granularity": "day", "earliest": "2025-03-01",
    "latest": "2025-03-01", "anchor": "explicit"}, "headline": "x", "text": "x",
    "mentions": [{"doc": "a", "start": 0, "end": 1, "timex": "x", "timex_start": 0, "timex_end": 1}]}]})";
  const Timeline t = timeline_from_json(old);
  BOOST_TEST(t.events.size() == 1u);
  BOOST_TEST(t.events[0].importance == 0.0);
  BOOST_TEST(t.key_dates.empty());
  BOOST_TEST(t.boilerplate.empty());
  BOOST_CHECK_THROW(timeline_from_json(R"({"schema": "timeliner.timeline/1", "documents": [], "events": [],
    "boilerplate": ["xyz"]})"),
                    std::runtime_error);
  BOOST_CHECK_THROW(timeline_from_json(R"({"schema": "timeliner.timeline/1", "documents": [], "events": [],
    "key_dates": [{"date": "2025-02-30", "sentences": []}]})"),
                    std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
