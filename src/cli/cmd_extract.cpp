// timeliner extract: every temporal expression as JSON lines.
#include "cli/common.hpp"

#include <timeliner/json.hpp>
#include <timeliner/load.hpp>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <memory>
#include <thread>

namespace timeliner::cli {

namespace {

void warn_undated(const Document& doc) {
  if (!doc.published)
    std::cerr << "timeliner: warning: " << (doc.source == "-" ? "stdin" : doc.source)
              << ": no publication date found (give --dct or --dct-fallback): only explicit dates are resolved\n";
}

// Standard input, a line at a time, read in large blocks.
class StdinLines {
 public:
  bool next(std::string& line) {
    line.clear();
    for (;;) {
      if (pos_ == end_) {
        if (eof_) return !line.empty();
        fill();
        continue;
      }
      const char* start = buf_.get() + pos_;
      const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
      if (nl) {
        line.append(start, static_cast<std::size_t>(nl - start));
        pos_ += static_cast<std::size_t>(nl - start) + 1;
        return true;
      }
      line.append(start, end_ - pos_);
      pos_ = end_;
    }
  }

 private:
  void fill() {
    pos_ = end_ = 0;
    for (;;) {
      const ssize_t n = ::read(STDIN_FILENO, buf_.get(), kSize);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        eof_ = true;  // end of input, or an error reading it: the stream ends there
        return;
      }
      end_ = static_cast<std::size_t>(n);
      return;
    }
  }
  // Not zeroed: only the bytes read are looked at (zeroing the megabyte was 256 page faults, more
  // than the rest of a run on empty input).
  static constexpr std::size_t kSize = 1u << 20;
  std::unique_ptr<char[]> buf_ = std::make_unique_for_overwrite<char[]>(kSize);
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
};

// Standard input as JSON lines, for a pipe (Hadoop Streaming, Spark's RDD.pipe, a Dask worker):
// the main thread reads a batch of lines (64 per worker thread, 8 MB at most); the worker
// threads, the main one among them, read each line's JSON, tag its document and write its output
// lines into a buffer of its own; the main thread writes the buffers in input order, flushing
// after each batch (each document's flush was a write call of its own: 10,108 on the benchmark's
// 20 M characters, on the main thread). Two batches take turns: while the workers tag one, the main thread writes
// the one before and reads the one after (then joins them), so reading and writing do not leave
// the other cores idle. Memory stays bounded by the two batches whatever the length of the stream.
// Ids are kept as given (a stream does not remember earlier ids to make them unique).
int stream_jsonl_stdin(const LoadOptions& lopts, const ExtractOptions& xopts, unsigned threads) {
  threads = std::max(1u, threads);
  // Standard output in blocks of 64 KB rather than stdio's 4 KB (before anything is written to it).
  // (glibc takes the size only with a buffer given.)
  static char out_buffer[1u << 16];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  const std::size_t batch_lines = 64 * threads, batch_bytes = 8u << 20;
  RunCounts counts;
  counts.files = 1;
  struct Item {
    std::string line;
    std::size_t number = 0;
    FileLoad load;
    std::string out;             // the JSON lines of the line's document
    std::exception_ptr failure;  // rethrown by the main thread
  };
  struct Batch {
    std::vector<Item> items;
    std::size_t used = 0;  // items of this batch
  };
  Batch batches[2];
  Batch* current = &batches[0];  // the batch to tag next, set by the main thread
  Batch* tagging = nullptr;      // the batch being tagged: `current` as it was at the last barrier
  std::atomic<std::size_t> next{0};
  bool finishing = false;  // set by the main thread: the workers are to stop at the next barrier
  bool finished = false;   // `finishing` as it was at the last barrier
  // Once every thread has reached the barrier (so none is still reading `tagging`, `finished` or
  // counting with `next`), what they do from there on.
  auto turn = [&]() noexcept {
    tagging = current;
    next = 0;
    finished = finishing;
  };
  auto work = [&] {
    Batch& batch = *tagging;
    for (std::size_t i; (i = next++) < batch.used;) {
      Item& item = batch.items[i];
      try {
        if (item.line.size() > lopts.max_bytes) {
          const std::string where = "-:" + std::to_string(item.number);
          item.load.skipped.push_back(Skip{where, SkipReason::oversized, where + ": longer than --max-bytes"});
          continue;
        }
        load_jsonl_line(item.line, "-", item.number, lopts, item.load);
        for (const Document& doc : item.load.documents)
          if (!doc.text.empty())  // the grammar is built by the first text that needs it
            extract_each(Grammar::english(), doc, xopts, [&](Mention& m) {
              append_mention_json_line(item.out, doc.id, m);
              item.out += '\n';
            });
      } catch (...) {
        item.failure = std::current_exception();
      }
    }
  };
  StdinLines input;
  std::size_t number = 0;
  bool more = true;
  // Reads the next batch of lines into `batch` (none once the input has ended).
  auto fill = [&](Batch& batch) {
    batch.used = 0;
    std::size_t bytes = 0;
    while (more && batch.used < batch_lines && bytes < batch_bytes) {
      if (batch.used == batch.items.size()) batch.items.emplace_back();
      Item& item = batch.items[batch.used];
      if (!input.next(item.line)) {
        more = false;
        break;
      }
      ++number;
      // A blank line gives nothing (unless it is too long: that is reported).
      if (item.line.size() <= lopts.max_bytes && item.line.find_first_not_of(" \t\r") == std::string::npos) continue;
      item.number = number;
      item.load = FileLoad{};
      item.load.path = "-";
      item.out.clear();
      item.failure = nullptr;
      bytes += item.line.size();
      ++batch.used;
    }
  };
  // Writes a tagged batch: its warnings, then its documents' lines in input order.
  auto write = [&](Batch& batch) {
    for (std::size_t k = 0; k < batch.used; ++k)
      for (const auto& w : batch.items[k].load.warnings) std::cerr << "timeliner: warning: " << w << "\n";
    for (std::size_t k = 0; k < batch.used; ++k)
      for (const auto& sk : batch.items[k].load.skipped) {
        std::cerr << "timeliner: warning: skipped " << sk.message << "\n";
        counts.add_skip(to_string(sk.reason));
      }
    for (std::size_t k = 0; k < batch.used; ++k) {
      Item& item = batch.items[k];
      counts.documents += item.load.documents.size();
      if (item.failure) {
        std::cout.flush();
        std::rethrow_exception(item.failure);
      }
      for (const Document& doc : item.load.documents) warn_undated(doc);
      if (item.load.documents.empty()) continue;
      std::cout << item.out;
      if (item.line.capacity() > (1u << 20)) item.line = std::string();  // a long line's memory is given back
      if (item.out.capacity() > (1u << 20)) item.out = std::string();
    }
    std::cout.flush();
    batch.used = 0;
  };
  fill(batches[0]);
  if (batches[0].used == 0) threads = 1;  // no lines: no workers to start
  // The workers live as long as the stream (their scratch spaces and caches with them): at each barrier
  // they meet the main thread, then tag the current batch's lines.
  using Barrier = std::barrier<decltype(turn)>;
  Barrier sync(static_cast<std::ptrdiff_t>(threads), turn);
  std::vector<std::jthread> pool;
  for (unsigned k = 1; k < threads; ++k)
    pool.emplace_back([&] {
      for (;;) {
        sync.arrive_and_wait();
        if (finished) return;
        work();
      }
    });
  struct Stop {  // on every way out, the workers finish their batch, are released and joined
    Barrier& sync;
    bool& finishing;
    bool active;
    ~Stop() {
      if (!active) return;
      finishing = true;
      sync.arrive_and_wait();
    }
  } stop{sync, finishing, threads > 1};
  Batch* written = nullptr;  // the batch tagged in the turn before, to write
  for (;;) {
    // The workers have finished the batch before: they start on `current`.
    if (threads > 1)
      sync.arrive_and_wait();
    else
      turn();
    Batch& spare = current == &batches[0] ? batches[1] : batches[0];
    if (written) write(*written);
    fill(spare);
    work();
    if (spare.used == 0) break;  // no more lines: `current` is the last batch
    written = current;
    current = &spare;
  }
  if (threads > 1) {  // the workers finish the last batch and stop
    stop.active = false;
    finishing = true;
    sync.arrive_and_wait();
  }
  write(*current);
  if (counts.skipped_total() > 0) std::cerr << counts.summary() << "\n";
  return counts.skipped_total() > 0 ? kExitSkipped : 0;
}

}  // namespace

void add_extract_command(CLI::App& app, Action& action) {
  struct State {
    TaggingOptions tagging;
    InputOptions input;
    std::vector<std::string> inputs;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("extract", "Print every temporal expression as JSON lines");
  st->tagging.add_to(cmd);
  st->input.add_to(cmd);
  cmd->add_option("inputs", st->inputs, "Input files or folders; none or '-' reads standard input");
  cmd->final_callback([st, &action] {
    action = [st] {
      const LoadOptions lopts = st->input.load_options(st->tagging);
      const ExtractOptions xopts = st->tagging.extract_options();
      if (st->inputs.empty()) st->inputs.push_back("-");
      if (st->inputs == std::vector<std::string>{"-"} && lopts.format == InputFormat::jsonl)
        return stream_jsonl_stdin(lopts, xopts, st->input.threads());
      const auto files = expand_inputs(st->inputs);
      if (files.empty())
        std::cerr << "timeliner: warning: no article files in the inputs (.txt, .md, .html, .jsonl, .tml...)\n";
      // A file with much text is tagged and written as it goes (its mentions are not all held).
      StreamLarge stream;
      stream.write = [&xopts](const FileLoad& f) {
        const Grammar& grammar = Grammar::english();
        std::string out;
        for (const Document& doc : f.documents) {
          warn_undated(doc);
          extract_each(grammar, doc, xopts, [&](Mention& m) {
            append_mention_json_line(out, doc.id, m);
            out += '\n';
            if (out.size() >= (1u << 16)) {
              std::cout << out;
              out.clear();
            }
          });
        }
        std::cout << out;
        std::cout.flush();
      };
      const RunCounts counts = tag_files(
          files, lopts, xopts, st->input.threads(),
          [](TaggedFile& f) {
            std::string out;
            for (std::size_t k = 0; k < f.load.documents.size(); ++k) {
              const Document& doc = f.load.documents[k];
              warn_undated(doc);
              for (const auto& m : f.mentions[k]) {
                append_mention_json_line(out, doc.id, m);
                out += '\n';
                if (out.size() >= (1u << 16)) {  // a long document's lines are not all held at once
                  std::cout << out;
                  out.clear();
                }
              }
            }
            std::cout << out;
            std::cout.flush();
          },
          &stream);
      if (counts.skipped_total() > 0 || counts.files > 1) std::cerr << counts.summary() << "\n";
      return counts.skipped_total() > 0 ? kExitSkipped : 0;
    };
  });
}

}  // namespace timeliner::cli
