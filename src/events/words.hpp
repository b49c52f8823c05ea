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
// Words before "from" that make "from March to June" a change of date, not a range: moved,
// postponed, back ("pushed back from"), forward...
bool is_change_word(std::string_view w);

}  // namespace timeliner::words
