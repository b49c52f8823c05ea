// Word-level helpers shared by event attachment and merging, and the events' English vocabularies.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace timeliner::words {

std::string lower(std::string_view s);

// Sorted, unique, lower-cased stems of the content words of `text`: function words dropped,
// light suffix stripping ("visited", "visits" -> "visit"), digits kept ("4,000" -> "4000").
std::vector<std::string> content_stems(std::string_view text);

// The events' word lists: rule data in src/events/en/words.txt (embedded at build time), each
// list named there in brackets.
enum class List : std::uint8_t {
  stop_words,          // function words: "the", "said"
  change_words,        // before "from", a change of date: "moved", "postponed", "back"
  eventive_nouns,      // nouns of something that happens: "election", "visit"
  eventive_endings,    // endings of a long noun of an act: "tion", "ment"
  light_verbs,         // verbs whose object names the event, every form: "held", "paid"
  aspectual_verbs,     // a phase of the event of their complement, every form: "began", "completed"
  implicative_verbs,   // their complement happens in their act, every form: "declined", "voted"
  saying_verbs,        // every form: "said", "told", "added"
  connective_adverbs,  // "also", "meanwhile", "later"
  labels,              // opening a paragraph, as written: "Why it matters,"
  number_words,        // "zero" to "twelve", in order
};

// The entries of `list`, in the order of the file.
const std::vector<std::string>& entries(List list);
// Whether `word` (as given: lower-case it first for the lower-case lists) is an entry of `list`.
bool in(List list, std::string_view word);

}  // namespace timeliner::words
