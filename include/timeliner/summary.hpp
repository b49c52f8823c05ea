// Timeline summarization: page noise out, the importance of every event and day, key dates with
// the sentences that best say what happened on each. Each stage works on an assembled timeline
// (or, for page noise, on one document before its events are made) and has its own tests.
#pragma once

#include <timeliner/extract.hpp>
#include <timeliner/text.hpp>
#include <timeliner/timeline.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace timeliner {

// ---- Page noise (src/summary/noise.cpp) ----

// The byte spans of `text` that are page furniture rather than article: reader comment sections
// ("NAME wrote:" blocks after a comments header, or two or more of them), picture captions with a
// credit ("... Photograph: NAME/AGENCY"), related-story lists after their header ("Related
// stories", "More on this story"), and lines of site furniture ("Last updated ...", "Share this",
// "Sign up", copyright). Whole lines, in text order, not overlapping.
std::vector<Span> page_noise(std::string_view text);

// Leaves out of `mentions` (of `text`, in text order) those inside page_noise(text): they make no
// events and no summary sentences.
void drop_page_noise(std::string_view text, std::vector<Mention>& mentions);

// A fingerprint of a sentence as written nearly verbatim: FNV-1a (64 bits) of its letters and
// digits in lower case, each run of other characters one space, trimmed.
std::uint64_t sentence_fingerprint(std::string_view sentence);

// How often a sentence must recur to be site furniture: in at least this many documents,
// published on at least this many different days (copies of one wire story on one day are news).
inline constexpr std::size_t kBoilerplateDocuments = 3;
inline constexpr std::size_t kBoilerplateDays = 3;

// Removes the mentions whose sentence recurs nearly verbatim (sentence_fingerprint) across the
// timeline's documents as furniture does (kBoilerplateDocuments, kBoilerplateDays), and those whose
// fingerprint is already in t.boilerplate; events left without mentions go (publications stay).
// Adds the new fingerprints to t.boilerplate. The result depends only on the set of mentions and
// fingerprints: removing boilerplate from the union of timelines that each had theirs removed gives
// what removing it from the union of the originals gives.
void remove_boilerplate(Timeline& t);

// ---- Salience (src/summary/salience.cpp) ----

// What a summary is about: words a user gives with --query. Sentences and events that mention
// none of them count kQueryMiss times as much.
struct Query {
  std::vector<std::string> stems;  // content-word stems, sorted (empty: no query)
  explicit Query(std::string_view words = {});
  bool empty() const { return stems.empty(); }
  // Whether `text` has one of the query's stems (always true for an empty query).
  bool matches(std::string_view text) const;
};
inline constexpr double kQueryMiss = 0.3;

// How important a day is, from the whole timeline (see docs/summaries.md):
//   references(d): the documents that refer to d in their text (a mention dated exactly d), each
//     counted once with its strongest mention: 1, times 2 when the mention is in the article's
//     lead (its first kLeadCodePoints), times kQueryMiss when its sentence misses the query; a
//     sentence that several documents repeat verbatim counts once;
//   published(d): the documents published on d or the day after (the news of d);
//   burst(d): references(d) / (1 + the mean of references over d-15 .. d+15): a day stands out
//     from the days around it;
//   score(d) = references(d) + 0.3 published(d) + 3 burst(d).
struct DayScore {
  date::sys_days day;
  double references = 0;
  double published = 0;
  double burst = 0;
  double score = 0;
};
inline constexpr std::size_t kLeadCodePoints = 400;

// Every day that some document refers to or was published on (or the day after), in day order.
std::vector<DayScore> score_days(const Timeline& t, const Query& query = Query());

// Sets every event's importance: its own references (as above, over its mentions) plus, for an
// event of one day, that day's score; divided by the largest in the timeline (0..1, rounded to
// three decimals). Publications count only their day's score.
void score_importance(Timeline& t, const std::vector<DayScore>& days, const Query& query = Query());

// ---- Date summaries (src/summary/summarize.cpp) ----

struct SummaryOptions {
  std::size_t dates = 0;                   // key dates to keep; 0 with auto_dates false: none
  bool auto_dates = false;                 // choose how many from the corpus (auto_date_count)
  std::size_t sentences = 2;               // sentences per key date
  std::string query;                       // words the summary is about (Query)
  std::optional<date::sys_days> from, to;  // key dates only within [from, to]
};

// How many key dates `auto` keeps: the square root of the number of documents, rounded, at least 5
// and at most 50, and never more than the days that two or more documents refer to.
std::size_t auto_date_count(const Timeline& t, const std::vector<DayScore>& days);

// A sentence as a summary shows it: without a leading dateline ("WASHINGTON, March 3 (AP) - ",
// "LONDON (Reuters) -") and surrounding spaces. `cut` (when given) receives how many code points
// were taken from the front.
std::string clean_sentence(std::string_view sentence, std::size_t* cut = nullptr);

// The key dates of `t`: the options.dates (or auto) best days within [from, to], chosen best first,
// each choice lowering (x0.9) the days within the mean gap between that many dates over the span, so
// that they cover the story rather than its busiest week. Each comes with the options.sentences
// sentences that best say what happened: chosen among the whole sentences (at most
// kMaxSummarySentenceBytes) that mention the day or open an article published on it, by centrality
// (TF-IDF cosine to all of that day's sentences; IDF over the timeline's sentences) divided by the
// fourth root of their length in words, times kQueryMiss when missing the query, with maximal
// marginal relevance (0.7 centrality, 0.3 redundancy with those chosen), from different documents
// where possible.
std::vector<KeyDate> select_key_dates(const Timeline& t, const std::vector<DayScore>& days,
                                      const SummaryOptions& options);
inline constexpr std::size_t kMaxSummarySentenceBytes = 250;

// Scores importance and, when options ask for dates, sets t.key_dates.
void summarize_timeline(Timeline& t, const SummaryOptions& options = {});

}  // namespace timeliner
