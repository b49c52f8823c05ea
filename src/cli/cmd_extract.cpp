// timeliner extract: every temporal expression as JSON lines.
#include "cli/common.hpp"

#include <timeliner/json.hpp>
#include <timeliner/load.hpp>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <exception>
#include <iostream>
#include <thread>

namespace timeliner::cli {

namespace {

void warn_undated(const Document& doc) {
  if (!doc.published)
    std::cerr << "timeliner: warning: " << (doc.source == "-" ? "stdin" : doc.source)
              << ": no publication date found (give --dct or --dct-fallback): only explicit dates are resolved\n";
}

// Standard input as JSON lines, for a pipe (Hadoop Streaming, Spark's RDD.pipe, a Dask worker):
// read a batch of lines at a time (a few per worker thread, a few MB at most), tag the batch with
// the worker threads, write each document's lines in input order and flush after each document.
// Memory stays bounded by the batch whatever the length of the stream. Ids are kept as given (a
// stream does not remember earlier ids to make them unique).
int stream_jsonl_stdin(const LoadOptions& lopts, const ExtractOptions& xopts, unsigned threads) {
  const Grammar& grammar = Grammar::english();
  threads = std::max(1u, threads);
  const std::size_t batch_docs = 8 * threads, batch_bytes = 8u << 20;
  RunCounts counts;
  counts.files = 1;
  std::size_t number = 0;
  std::string line;
  FileLoad batch;
  std::vector<std::vector<Mention>> mentions;
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failures;  // per document, rethrown by the main thread
  auto work = [&] {
    for (std::size_t i; (i = next++) < batch.documents.size();) {
      try {
        mentions[i] = extract(grammar, batch.documents[i], xopts);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  // The workers live as long as the stream (their compiled patterns with them): at each batch they
  // meet the main thread at the barrier, share the batch's documents, and meet again.
  std::barrier sync(static_cast<std::ptrdiff_t>(threads));
  bool finished = false;
  std::vector<std::jthread> pool;
  for (unsigned k = 1; k < threads; ++k)
    pool.emplace_back([&] {
      for (;;) {
        sync.arrive_and_wait();
        if (finished) return;
        work();
        sync.arrive_and_wait();
      }
    });
  struct Stop {  // on every way out, the workers are released and joined
    std::barrier<>& sync;
    bool& finished;
    bool active;
    ~Stop() {
      if (!active) return;
      finished = true;
      sync.arrive_and_wait();
    }
  } stop{sync, finished, threads > 1};
  for (bool more = true; more;) {
    batch = FileLoad{};
    batch.path = "-";
    std::size_t bytes = 0;
    while (batch.documents.size() < batch_docs && bytes < batch_bytes) {
      if (!std::getline(std::cin, line)) {
        more = false;
        break;
      }
      ++number;
      if (line.size() > lopts.max_bytes) {
        const std::string where = "-:" + std::to_string(number);
        batch.skipped.push_back(Skip{where, SkipReason::oversized, where + ": longer than --max-bytes"});
        continue;
      }
      load_jsonl_line(line, "-", number, lopts, batch);
      bytes += line.size();
    }
    mentions.assign(batch.documents.size(), {});
    failures.assign(batch.documents.size(), nullptr);
    next = 0;
    if (threads > 1) sync.arrive_and_wait();
    work();
    if (threads > 1) sync.arrive_and_wait();
    for (const auto& w : batch.warnings) std::cerr << "timeliner: warning: " << w << "\n";
    for (const auto& sk : batch.skipped) {
      std::cerr << "timeliner: warning: skipped " << sk.message << "\n";
      counts.add_skip(to_string(sk.reason));
    }
    counts.documents += batch.documents.size();
    for (std::size_t k = 0; k < batch.documents.size(); ++k) {
      const Document& doc = batch.documents[k];
      if (failures[k]) std::rethrow_exception(failures[k]);
      warn_undated(doc);
      std::string out;
      for (const auto& m : mentions[k]) {
        out += mention_to_json_line(doc.id, m);
        out += '\n';
      }
      std::cout << out;
      std::cout.flush();
    }
  }
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
      const RunCounts counts = tag_files(files, lopts, xopts, st->input.threads(), [](TaggedFile& f) {
        std::string out;
        for (std::size_t k = 0; k < f.load.documents.size(); ++k) {
          const Document& doc = f.load.documents[k];
          warn_undated(doc);
          for (const auto& m : f.mentions[k]) {
            out += mention_to_json_line(doc.id, m);
            out += '\n';
            if (out.size() >= (1u << 16)) {  // a long document's lines are not all held at once
              std::cout << out;
              out.clear();
            }
          }
        }
        std::cout << out;
        std::cout.flush();
      });
      if (counts.skipped_total() > 0 || counts.files > 1) std::cerr << counts.summary() << "\n";
      return counts.skipped_total() > 0 ? kExitSkipped : 0;
    };
  });
}

}  // namespace timeliner::cli
