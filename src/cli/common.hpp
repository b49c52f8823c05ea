// Pieces shared by the subcommands of the timeliner command line.
#pragma once

#include <timeliner/extract.hpp>
#include <timeliner/load.hpp>
#include <timeliner/summary.hpp>
#include <timeliner/timeline.hpp>
#include <timeliner/value.hpp>

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace timeliner::cli {

// A failure the user can act on: printed as one line "timeliner: error: ...", exit code 1.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What a subcommand does once the command line is parsed; returns the exit code.
using Action = std::function<int()>;

// Each subcommand adds itself to the app and sets `action` when it is the one chosen.
void add_extract_command(CLI::App& app, Action& action);
void add_build_command(CLI::App& app, Action& action);
void add_show_command(CLI::App& app, Action& action);
void add_eval_command(CLI::App& app, Action& action);
void add_tag_command(CLI::App& app, Action& action);
void add_view_command(CLI::App& app, Action& action);
void add_merge_command(CLI::App& app, Action& action);
void add_eval_timeline_command(CLI::App& app, Action& action);
void add_parse_command(CLI::App& app, Action& action);

// The viewer page with the timeline JSON in place of its data placeholder, escaped for a script.
std::string render_standalone_page(const std::string& page_template, const std::string& timeline_json);

// Options shared by the commands that write a timeline: format, date range, merge threshold,
// summary (key dates, sentences, query).
struct OutputOptions {
  std::string format = "json";
  std::string from, to;
  double threshold = MergeOptions{}.threshold;
  std::string dates;  // a number or "auto"; empty: no key dates
  std::size_t sentences = SummaryOptions{}.sentences;
  std::string query;
  void add_to(CLI::App* cmd);
  MergeOptions merge_options() const;
  // The timeline summarized as asked (importance with the query, key dates within --from/--to),
  // restricted to --from/--to, in --format. Throws UsageError on an invalid date or --dates.
  std::string render(Timeline t) const;
};

// Options shared by the commands that tag text.
struct TaggingOptions {
  std::string dct;
  std::string type = "news";
  bool day_first = false;
  void add_to(CLI::App* cmd);
  ExtractOptions extract_options() const;
  std::optional<Instant> publication() const;  // throws UsageError on an invalid --dct
};

// Options shared by the commands that read articles: formats, dates, limits, threads.
struct InputOptions {
  std::string format = "auto";
  std::string dct_fallback;
  std::size_t max_bytes = 50u << 20;
  unsigned jobs = 0;  // 0: all cores
  void add_to(CLI::App* cmd);
  // Throws UsageError on an invalid --dct-fallback.
  LoadOptions load_options(const TaggingOptions& tagging) const;
  unsigned threads() const;
};

// Exit code when some inputs were skipped (the others' results are written).
constexpr int kExitSkipped = 3;

// One input file loaded and tagged: its documents (ids unique across the run) and their mentions.
struct TaggedFile {
  FileLoad load;
  std::vector<std::vector<Mention>> mentions;  // one list per document
};

// Counts for the summary line.
struct RunCounts {
  std::size_t files = 0;
  std::size_t documents = 0;
  std::vector<std::pair<std::string, std::size_t>> skipped;  // reason -> count, in a fixed order
  void add_skip(std::string_view reason);
  std::size_t skipped_total() const;
  // "timeliner: 12 documents from 10 files; skipped 2: 1 binary, 1 malformed"
  std::string summary() const;
};

// For tag_files: the files with much text are not tagged whole (all their mentions held at once)
// and handed to `consume`; their worker waits for their turn (the files before them consumed,
// their warnings printed, their ids made unique), then calls `write`, which tags and writes as it
// goes, in the place of the calling thread.
struct StreamLarge {
  std::size_t min_bytes = 8u << 20;  // the text of the file's documents together
  std::function<void(const FileLoad&)> write;
};

// Loads and tags `files` on `threads` worker threads; hands each file to `consume` on the calling
// thread in input order (whatever the number of threads), after printing its warnings. Shows a
// progress bar on standard error when it is a terminal.
RunCounts tag_files(const std::vector<std::string>& files, const LoadOptions& load, const ExtractOptions& extract,
                    unsigned threads, const std::function<void(TaggedFile&)>& consume,
                    const StreamLarge* stream = nullptr);

// Writes `content` to `path` whole or not at all: a temporary file beside it, then a rename.
void write_file_atomically(const std::string& path, const std::string& content);
// Writes to standard output when `output` is empty or "-", else atomically to the file.
void emit(const std::string& output, const std::string& content);
// Refuses an output path that names one of the inputs.
void refuse_output_over_input(const std::string& output, const std::vector<std::string>& inputs);
std::string read_whole_file(const std::string& path);

// A readable table of a timeline: date range, value, headline (and how many mentions merged).
std::string timeline_table(const Timeline& t);

}  // namespace timeliner::cli
