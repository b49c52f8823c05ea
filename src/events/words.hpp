// Word-level helpers shared by event attachment and merging.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace timeliner::words {

std::string lower(std::string_view s);

// Sorted, unique, lower-cased stems of the content words of `text`: function words dropped,
// light suffix stripping ("visited", "visits" -> "visit"), digits kept ("4,000" -> "4000").
std::vector<std::string> content_stems(std::string_view text);

// A few English word lists, lower-case.
bool is_stop_word(std::string_view w);
bool is_speech_verb(std::string_view w);  // said, announced, told...
// Of those, the ones a reported clause may follow with no "that": said, says, added, insisted.
bool is_say_verb(std::string_view w);
bool is_auxiliary(std::string_view w);        // was, were, is, are, has, have, had, will
bool is_modal(std::string_view w);            // would, could, can, may, might
bool is_determiner(std::string_view w);       // the, a, an, its, his, her, their, our
bool is_subject_pronoun(std::string_view w);  // he, she, they, it, we, i
// A past tense: a word of four letters or more ending in "ed" ("moved", "reopened"), or an
// irregular one that is seldom a noun (began, grew, rose, took, won...).
bool is_past_verb(std::string_view w);
// A past participle: a word of more than four letters ending in "ed", or an irregular one (born,
// built, made, held...).
bool is_participle(std::string_view w);
// Words before "from" that make "from March to June" a change of date, not a range: moved,
// postponed, back ("pushed back from"), forward...
bool is_change_word(std::string_view w);

}  // namespace timeliner::words
