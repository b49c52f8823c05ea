// Pieces shared by the loaders in src/load (not part of the public API).
#pragma once

#include <timeliner/load.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace timeliner::load_detail {

// Sets the publication date of `doc`: options.dct, else `found`, else options.dct_fallback.
void settle_date(Document& doc, const std::optional<FoundDate>& found, const LoadOptions& options);

// Reads a JSON lines file: one article a line. Malformed lines are skipped and recorded.
// `first_line` numbers the first line of `bytes` (for a stream read a line at a time).
// `fast`: lines of the common shape are read without the JSON library (the same result; false is
// for the tests that hold the two ways to it).
void read_jsonl(std::string_view bytes, const std::string& path, const LoadOptions& options, FileLoad& out,
                std::size_t first_line = 1, bool fast = true);

// A title read from the first line is the byline's when the text opens with its byline
// ("Published: April 5, 2025"): the title is then the line after it, when that looks like one.
// `found` is the publication date found, which may be that byline.
void title_after_byline(Document& doc, const std::optional<FoundDate>& found);

// A title from the first line of a text, when it looks like one (short, no final punctuation).
std::string title_from_first_line(std::string_view text);

// The file name without folders and extension ("document" when that is empty).
std::string stem_of(const std::string& path);

}  // namespace timeliner::load_detail
