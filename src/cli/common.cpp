#include "cli/common.hpp"

#include <timeliner/formats.hpp>

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace timeliner::cli {

void TaggingOptions::add_to(CLI::App* cmd) {
  cmd->add_option("--dct", dct, "Publication date of every input, YYYY-MM-DD[THH:MM[+HH:MM]]");
  cmd->add_option("--type", type,
                  "Document type: news (deictic dates from the publication date), narrative (from the date "
                  "narrated before) or schedule (what is to come: the next one from the reference time)")
      ->check(CLI::IsMember({"news", "narrative", "schedule"}));
  cmd->add_flag("--day-first", day_first, "Read 4/5/2025 as 4 May (default: US order, April 5)");
}

ExtractOptions TaggingOptions::extract_options() const {
  ExtractOptions o;
  o.doc_type = parse_doc_type(type).value_or(DocType::news);
  o.day_first = day_first;
  return o;
}

std::optional<Instant> TaggingOptions::publication() const {
  if (dct.empty()) return std::nullopt;
  auto i = parse_instant(dct);
  if (!i) throw UsageError("invalid --dct '" + dct + "': expected a real date as YYYY-MM-DD or YYYY-MM-DDTHH:MM");
  return i;
}

void InputOptions::add_to(CLI::App* cmd) {
  cmd->add_option("--input-format", format, "Read inputs as auto (by extension), text, html, jsonl or timeml")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl", "timeml"}));
  cmd->add_option("--dct-fallback", dct_fallback,
                  "Publication date for documents where none is found, YYYY-MM-DD[THH:MM[+HH:MM]]");
  cmd->add_option("--max-bytes", max_bytes, "Skip input files larger than this many bytes (default: 50 MB)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("-j,--jobs", jobs, "Worker threads (default: all cores)")->check(CLI::Range(1u, 1024u));
}

LoadOptions InputOptions::load_options(const TaggingOptions& tagging) const {
  LoadOptions o;
  o.dct = tagging.publication();
  o.format = parse_input_format(format).value_or(InputFormat::auto_);
  o.max_bytes = max_bytes;
  if (!dct_fallback.empty()) {
    o.dct_fallback = parse_instant(dct_fallback);
    if (!o.dct_fallback)
      throw UsageError("invalid --dct-fallback '" + dct_fallback +
                       "': expected a real date as YYYY-MM-DD or YYYY-MM-DDTHH:MM");
  }
  return o;
}

unsigned InputOptions::threads() const {
  if (jobs > 0) return jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

void RunCounts::add_skip(std::string_view reason) {
  if (skipped.empty())
    for (const char* r : {"unreadable", "binary", "oversized", "malformed", "undated"}) skipped.emplace_back(r, 0);
  for (auto& [r, n] : skipped)
    if (r == reason) {
      ++n;
      return;
    }
  skipped.emplace_back(std::string(reason), 1);
}

std::size_t RunCounts::skipped_total() const {
  std::size_t n = 0;
  for (const auto& s : skipped) n += s.second;
  return n;
}

std::string RunCounts::summary() const {
  auto plural = [](std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); };
  std::string out = "timeliner: " + plural(documents, "document") + " from " + plural(files, "file");
  if (const std::size_t total = skipped_total()) {
    out += "; skipped " + std::to_string(total) + ":";
    bool first = true;
    for (const auto& [reason, n] : skipped) {
      if (!n) continue;
      out += (first ? " " : ", ") + std::to_string(n) + " " + reason;
      first = false;
    }
  }
  return out;
}

namespace {

// A one-line progress bar on standard error, drawn only when it is a terminal.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), on_(::isatty(STDERR_FILENO) == 1 && total > 1) {}
  ~Progress() { clear(); }
  void update(std::size_t done) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? static_cast<double>(done) / secs : 0.0;
    const int width = 24;
    const auto filled =
        static_cast<int>(static_cast<double>(width) * static_cast<double>(done) / static_cast<double>(total_));
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    char line[160];
    if (rate > 0) {
      const auto left = static_cast<long>(static_cast<double>(total_ - done) / rate);
      std::snprintf(line, sizeof line, "\r[%s] %zu/%zu files  %.1f/s  %ld:%02ld left\033[K", bar.c_str(), done, total_,
                    rate, left / 60, left % 60);
    } else {
      std::snprintf(line, sizeof line, "\r[%s] %zu/%zu files\033[K", bar.c_str(), done, total_);
    }
    std::cerr << line << std::flush;
    drawn_ = true;
  }
  void clear() {
    if (on_ && drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }

 private:
  std::size_t total_;
  bool on_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

RunCounts tag_files(const std::vector<std::string>& files, const LoadOptions& load, const ExtractOptions& extract_opts,
                    unsigned threads, const std::function<void(TaggedFile&)>& consume, const StreamLarge* stream) {
  RunCounts counts;
  counts.files = files.size();
  std::vector<std::optional<TaggedFile>> results(files.size());
  std::vector<char> streamed(files.size(), 0);  // results[i] waits for its turn to be written by its worker
  std::mutex mu;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  std::size_t finished = 0;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t turn = kNone;  // the streamed file whose worker may write now
  bool abandoned = false;    // the calling thread left early: no turn will come
  std::exception_ptr stream_failure;
  // Loads and tags file i into results[i], or only loads it when it is to be streamed (tagged and
  // written by its worker in its turn); says which.
  auto load_one = [&](std::size_t i) {
    TaggedFile t;
    bool stream_it = false;
    try {
      t.load = load_file(files[i], load);
      std::size_t bytes = 0;
      for (const auto& d : t.load.documents) bytes += d.text.size();
      stream_it = stream && !t.load.documents.empty() && bytes >= stream->min_bytes;
      if (!stream_it)
        for (const auto& d : t.load.documents)  // the grammar is built by the first text that needs it
          t.mentions.push_back(d.text.empty() ? std::vector<Mention>{} : extract(Grammar::english(), d, extract_opts));
    } catch (const std::exception& e) {
      stream_it = false;
      t.load.documents.clear();
      t.mentions.clear();
      t.load.skipped.push_back(Skip{files[i], SkipReason::malformed, files[i] + ": " + e.what()});
    }
    {
      std::lock_guard lock(mu);
      results[i] = std::move(t);
      streamed[i] = stream_it ? 1 : 0;
      if (!stream_it) ++finished;
    }
    ready.notify_all();
    return stream_it;
  };
  auto work = [&] {
    for (;;) {
      const std::size_t i = next++;
      if (i >= files.size()) return;
      if (!load_one(i)) continue;
      const FileLoad* loaded = nullptr;
      {
        std::unique_lock lock(mu);
        ready.wait(lock, [&] { return turn == i || abandoned; });
        if (abandoned) return;
        loaded = &results[i]->load;
      }
      std::exception_ptr failure;
      try {
        stream->write(*loaded);
      } catch (...) {
        failure = std::current_exception();
      }
      {
        std::lock_guard lock(mu);
        stream_failure = failure;
        turn = kNone;
        ++finished;
      }
      ready.notify_all();
    }
  };
  // One file (standard input among them) is tagged on the calling thread: a worker would only make
  // it wait, and starting one (its stack, its malloc arena, the wake-ups) was a tenth of the
  // start-up of a run on empty input.
  const auto n = files.size() <= 1 ? 0u : static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, files.size()));
  struct Pool {
    std::vector<std::thread> threads;
    std::atomic<std::size_t>& next;
    std::size_t end;
    std::mutex& mu;
    std::condition_variable& ready;
    bool& abandoned;
    ~Pool() {
      next = end;  // on an early exit, workers stop after their current file
      {
        std::lock_guard lock(mu);
        abandoned = true;  // and those waiting for their turn to write stop waiting
      }
      ready.notify_all();
      for (auto& t : threads) t.join();
    }
  } pool{{}, next, files.size(), mu, ready, abandoned};
  for (unsigned k = 0; k < n; ++k) pool.threads.emplace_back(work);

  Progress progress(files.size());
  const bool stdout_tty = ::isatty(STDOUT_FILENO) == 1;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < files.size(); ++i) {
    TaggedFile own;
    TaggedFile* t = nullptr;  // the worker keeps a streamed file: it tags it after the bookkeeping below
    std::size_t done = 0;
    if (n == 0) load_one(i);
    {
      std::unique_lock lock(mu);
      while (!results[i]) {
        ready.wait_for(lock, std::chrono::milliseconds(200));
        progress.update(finished);
      }
      if (streamed[i]) {
        t = &*results[i];
      } else {
        own = std::move(*results[i]);
        results[i].reset();
        t = &own;
      }
      done = finished;
    }
    if (!t->load.warnings.empty() || !t->load.skipped.empty()) {
      progress.clear();
      for (const auto& w : t->load.warnings) std::cerr << "timeliner: warning: " << w << "\n";
      for (const auto& s : t->load.skipped) {
        std::cerr << "timeliner: warning: skipped " << s.message << "\n";
        counts.add_skip(to_string(s.reason));
      }
    }
    counts.documents += t->load.documents.size();
    for (auto& d : t->load.documents) d.id = unique_id(d.id, ids);
    if (stdout_tty) progress.clear();  // output lines must not land inside the bar
    if (!streamed[i]) {
      consume(*t);
      progress.update(done);
      continue;
    }
    if (n == 0) {  // no worker: the file is tagged and written here
      stream->write(t->load);
      results[i].reset();
      continue;
    }
    std::exception_ptr failure;
    {
      std::unique_lock lock(mu);
      turn = i;
      ready.notify_all();
      while (turn == i) {
        ready.wait_for(lock, std::chrono::milliseconds(200));
        if (!stdout_tty) progress.update(finished);
      }
      results[i].reset();
      failure = stream_failure;
      done = finished;
    }
    if (failure) std::rethrow_exception(failure);
    progress.update(done);
  }
  progress.clear();
  return counts;
}

void OutputOptions::add_to(CLI::App* cmd) {
  cmd->add_option("--format", format,
                  "Output format: json (default), timelinejs, csv, jsonl, or tilse (the key dates and their "
                  "sentences as TLS research writes them; --dates auto unless --dates is given)")
      ->check(CLI::IsMember({"json", "timelinejs", "csv", "jsonl", "tilse"}));
  cmd->add_option("--dates", dates,
                  "Summarize: keep the N most important dates (or 'auto': as many as the corpus calls for), "
                  "each with its summary sentences")
      ->type_name("N|auto");
  cmd->add_option("--sentences", sentences, "Sentences per key date (default 2)")->check(CLI::Range(1, 100));
  cmd->add_option("--query", query,
                  "Words the timeline is about: sentences and events that mention none of them count less");
  cmd->add_option("--from", from, "Keep events that end on or after this day, YYYY-MM-DD");
  cmd->add_option("--to", to, "Keep events that start on or before this day, YYYY-MM-DD");
  cmd->add_option("--merge-threshold", threshold,
                  "Merge mentions at overlapping dates whose headlines have at least this cosine similarity "
                  "of content-word stems (0..1, default 0.5; above 1 merges nothing)")
      ->check(CLI::Range(0.0, 2.0));
}

MergeOptions OutputOptions::merge_options() const {
  MergeOptions o;
  o.threshold = threshold;
  return o;
}

std::string OutputOptions::render(Timeline t) const {
  auto day = [](const std::string& option, const std::string& value) -> std::optional<date::sys_days> {
    if (value.empty()) return std::nullopt;
    auto i = parse_instant(value);
    if (!i || i->time_of_day || value.size() != 10)
      throw UsageError("invalid " + option + " '" + value + "': expected a real date as YYYY-MM-DD");
    return i->day;
  };
  const auto lo = day("--from", from), hi = day("--to", to);
  if (lo && hi && *hi < *lo) throw UsageError("--to " + to + " is before --from " + from);
  const Format f = parse_format(format).value_or(Format::json);
  SummaryOptions summary;
  summary.sentences = sentences;
  summary.query = query;
  summary.from = lo;
  summary.to = hi;
  const std::string wanted = dates.empty() && f == Format::tilse ? "auto" : dates;
  if (wanted == "auto") {
    summary.auto_dates = true;
  } else if (!wanted.empty()) {
    std::size_t used = 0;
    unsigned long n = 0;
    try {
      n = std::stoul(wanted, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != wanted.size() || n == 0 || wanted.front() == '-' || wanted.front() == '+' || n > 100000)
      throw UsageError("invalid --dates '" + wanted + "': expected a number of dates (1 to 100000) or auto");
    summary.dates = n;
  }
  if (summary.auto_dates || summary.dates > 0 || !query.empty()) summarize_timeline(t, summary);
  filter_events(t, lo, hi);
  return format_timeline(t, f);
}

void write_file_atomically(const std::string& path, const std::string& content) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string tmp = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw UsageError("cannot write " + path + ": cannot create a file in " + dir.string());
    out << content;
    out.flush();
    if (!out) {
      out.close();
      std::remove(tmp.c_str());
      throw UsageError("cannot write " + path + ": write failed");
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    std::remove(tmp.c_str());
    throw UsageError("cannot write " + path + ": " + ec.message());
  }
}

void refuse_output_over_input(const std::string& output, const std::vector<std::string>& inputs) {
  if (output.empty() || output == "-") return;
  std::error_code ec;
  if (!fs::exists(output, ec)) return;
  for (const auto& in : inputs) {
    if (in == "-") continue;
    if (fs::equivalent(output, in, ec)) throw UsageError("refusing to write " + output + ": it is one of the inputs");
  }
}

void emit(const std::string& output, const std::string& content) {
  if (output.empty() || output == "-") {
    std::cout << content;
    std::cout.flush();
    return;
  }
  write_file_atomically(output, content);
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string timeline_table(const Timeline& t) {
  // WHEN: the first day, and the last one when it differs (its year too when that differs).
  struct Row {
    std::string when, value;
  };
  std::vector<Row> rows;
  std::size_t when_width = 4, value_width = 5;
  for (const auto& e : t.events) {
    Row r;
    const std::string first = format_day(e.date.bounds->earliest), last = format_day(e.date.bounds->latest);
    r.when = first;
    if (last != first) r.when += ".." + (last.substr(0, 4) == first.substr(0, 4) ? last.substr(5) : last);
    r.value = e.date.timex;
    if (e.date.mod != Mod::none) r.value += " " + std::string(to_string(e.date.mod));
    when_width = std::max(when_width, r.when.size());
    value_width = std::max(value_width, r.value.size());
    rows.push_back(std::move(r));
  }
  std::ostringstream out;
  out << std::left << std::setw(static_cast<int>(when_width + 3)) << "WHEN"
      << std::setw(static_cast<int>(value_width + 2)) << "VALUE"
      << "WHAT\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Event& e = t.events[i];
    out << std::left << std::setw(static_cast<int>(when_width + 3)) << rows[i].when
        << std::setw(static_cast<int>(value_width + 2)) << rows[i].value << e.headline;
    if (e.mentions.size() > 1) out << " [" << e.mentions.size() << " mentions]";
    out << "\n";
  }
  return out.str();
}

}  // namespace timeliner::cli
