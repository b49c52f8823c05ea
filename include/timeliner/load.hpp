// Loading articles from files and streams into documents: plain text, HTML pages, JSON lines,
// TimeML, folders of them; the publication date found in each.
#pragma once

#include <timeliner/document.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace timeliner {

// A file that cannot be read or parsed. what() is one line naming the file.
class LoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// How an input is read. `auto_` chooses by extension: .html/.htm, .jsonl, .tml, else text.
enum class InputFormat : std::uint8_t { auto_, text, html, jsonl, timeml };

std::string_view to_string(InputFormat f);                          // "auto", "text", "html"...
std::optional<InputFormat> parse_input_format(std::string_view s);  // the inverse
InputFormat format_of_path(std::string_view path);                  // by extension, text when unknown

struct LoadOptions {
  std::optional<Instant> dct;           // publication date given by the user, for every document
  std::optional<Instant> dct_fallback;  // for the documents where no date is found
  InputFormat format = InputFormat::auto_;
  std::size_t max_bytes = 50u << 20;  // larger files are skipped
};

// Why an input was skipped.
enum class SkipReason : std::uint8_t { unreadable, binary, oversized, malformed };
std::string_view to_string(SkipReason r);

struct Skip {
  std::string source;  // the file, or "file:line" for a line of a JSON lines file
  SkipReason reason = SkipReason::malformed;
  std::string message;  // one line naming the source
};

// What reading one input gave: its documents (ids not yet unique across inputs), and the
// problems met, each a line naming the file (printed by callers as warnings).
struct FileLoad {
  std::string path;
  std::vector<Document> documents;
  std::vector<std::string> warnings;
  std::vector<Skip> skipped;  // the whole file, or malformed lines of a JSON lines file
};

// A publication date found in a document, and where: "json-ld", "meta:article:published_time",
// "itemprop", "time", "meta:NAME", "url", "byline", "dateline", "jsonl", "timeml".
struct FoundDate {
  Instant when;
  std::string from;
  // For "byline" and "dateline", found by date_from_byline: the bytes of the text they take (the
  // byline's whole line; a dateline from its line's start to the date's end).
  std::size_t begin = 0, end = 0;
};

// Makes a document from plain text: invalid UTF-8 replaced, a title taken from the first line
// when it looks like one (short, no final period), a publication date from options.dct, else a
// byline or dateline at the top of the text, else options.dct_fallback. `id` names it in outputs.
// Warnings go to `warnings` when given, else to standard error.
Document document_from_text(std::string_view bytes, std::string id, std::string source, const LoadOptions& options,
                            std::vector<std::string>* warnings = nullptr);

// Reads one file ("-": standard input) in the format of options.format (by extension when auto;
// text for standard input). Never throws for bad input: the file is then in `skipped`.
FileLoad load_file(const std::string& path, const LoadOptions& options);

// The files named by `paths`: files as given, folders read recursively in sorted order (hidden
// entries skipped, each folder visited once), "-" kept. Throws LoadError for a path that does not exist.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths);

// `id`, or `id` with "-2", "-3"... appended when `taken` has it already; the result is added to `taken`.
std::string unique_id(const std::string& id, std::set<std::string>& taken);

// Reads one input: a file or "-". Throws LoadError when it gives no document (missing, binary,
// oversized, malformed); other problems (a bad line of JSON lines, invalid UTF-8) go to standard
// error as warnings.
std::vector<Document> load_input(const std::string& path, const LoadOptions& options);

// Reads every input (folders expanded) with load_input, giving each document an id unique among
// them (a file's stem, with "-2", "-3"... appended on collisions).
std::vector<Document> load_inputs(const std::vector<std::string>& paths, const LoadOptions& options);

// --- The parts, for callers with bytes in hand --------------------------------------------

// An article read from an HTML page.
struct HtmlArticle {
  std::string title;
  std::string text;  // the article body: paragraphs separated by blank lines, valid UTF-8
  std::optional<FoundDate> published;
  std::vector<std::string> warnings;  // invalid bytes, each naming `source`
};

// Parses an HTML page (charset from a BOM or <meta>, else UTF-8) and finds its publication date:
// JSON-LD, article:published_time, itemprop, <time> in the byline, other meta names, the URL
// (canonical, og:url, else `url`), a byline or dateline at the top of the text.
HtmlArticle read_html(std::string_view bytes, std::string_view source, std::string_view url = {});

// Parses a date as written in page metadata: ISO 8601 ("2025-04-18T02:30:00.000Z", "+08:00",
// "+0800"), RFC 822 ("Fri, 18 Apr 2025 02:30:00 +0800"), "April 18, 2025 6:40 p.m. EST",
// "18 April 2025", "20250418", Unix seconds. Time and zone are kept when present.
std::optional<Instant> parse_date_string(std::string_view s);

// A date in a URL path: /2018/02/07/, /2018-02-07/, /20180207/.
std::optional<Instant> date_from_url(std::string_view url);

// A byline ("By Staff | March 9, 2021, 6:40 p.m. EST") or dateline ("WASHINGTON, March 3,
// 2024 (AP) -") in the first ~600 characters of `text`. A date without a year is not enough.
std::optional<FoundDate> date_from_byline(std::string_view text);

// One line of a JSON lines stream, line `number` of `path` ("-" for standard input), read as a
// JSON lines file reads each: its document (or its skip) appended to `out`. For reading a stream
// a line at a time, in bounded memory.
void load_jsonl_line(std::string_view line, const std::string& path, std::size_t number, const LoadOptions& options,
                     FileLoad& out);

}  // namespace timeliner
