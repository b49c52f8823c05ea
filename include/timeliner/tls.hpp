// Timeline summaries as timeline summarization (TLS) research writes and scores them: dates, each
// with a few sentences; date selection F1 and the ROUGE variants of Martschat & Markert (2017).
#pragma once

#include <timeliner/timeline.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace timeliner {

struct DatedSummary {
  date::sys_days day;
  std::vector<std::string> sentences;
};
// Sorted by day, each day once.
using TimelineSummary = std::vector<DatedSummary>;

// The plain format of TLS research ("tilse"): for each date a line YYYY-MM-DD, its sentences one a
// line, then a line of 32 dashes. Line breaks inside a sentence become spaces.
std::string to_tilse(const TimelineSummary& summary);
// Reads that format (blank lines ignored, any line of ten dashes or more a separator, the last one
// optional; a date given twice gathers its sentences). Throws std::runtime_error naming the line of
// anything else.
TimelineSummary read_tilse(std::string_view text);

// The key dates of a summarized timeline and their sentences.
TimelineSummary summary_of(const Timeline& t);

// Reads a summary from text in either form: a timeline JSON with key dates, or the tilse format.
// Throws std::runtime_error (a timeline without key dates is an error).
TimelineSummary read_summary(std::string_view text);

// The words ROUGE counts: runs of letters and digits (any non-ASCII byte counts as a letter), in
// lower case; nothing stemmed or left out.
std::vector<std::string> rouge_tokens(std::string_view text);

struct Score {
  double precision = 0, recall = 0, f1 = 0;
};

struct TimelineScores {
  Score dates;  // exact days
  std::size_t predicted_dates = 0, gold_dates = 0, matched_dates = 0;
  Score concat_rouge1, concat_rouge2;        // all sentences of each side together
  Score agreement_rouge1, agreement_rouge2;  // n-grams count only on the same day
  Score alignment_rouge1, alignment_rouge2;  // days aligned many-to-one, weighted by distance
};

// Scores `predicted` against `gold` (Martschat & Markert 2017, "Improving ROUGE for Timeline
// Summarization"; see docs/summaries.md). N-grams never span two sentences. For a day d of one side
// and d' of the other, match_n(d, d') is the number of n-grams they share (clipped counts).
//   concat: ROUGE-N of all predicted sentences against all gold sentences;
//   agreement: precision = sum over days of both sides of match_n / n-grams of all predicted days,
//     recall = the same sum / n-grams of all gold days;
//   alignment (their "align+ m:1"): each predicted day is aligned to the gold day of least cost
//     (1 - 1/(|d - d'| + 1)) * (1 - ROUGE-1 F1 of the two days' sentences) (ties: the earlier day);
//     precision = sum over predicted days of match_n / (|d - d'| + 1), over the predicted n-grams;
//     recall aligns each gold day to a predicted day the same way, over the gold n-grams.
// F1 is 0 when precision and recall are both 0.
TimelineScores evaluate_timeline(const TimelineSummary& gold, const TimelineSummary& predicted);

}  // namespace timeliner
