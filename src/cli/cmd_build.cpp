// timeliner build: one timeline from articles.
#include "cli/common.hpp"

#include <timeliner/json.hpp>
#include <timeliner/load.hpp>

#include <algorithm>
#include <iostream>

namespace timeliner::cli {

void add_build_command(CLI::App& app, Action& action) {
  struct State {
    TaggingOptions tagging;
    InputOptions input;
    OutputOptions out;
    std::vector<std::string> inputs;
    std::string output;
    bool table = false;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("build", "Build one timeline from articles");
  st->tagging.add_to(cmd);
  st->input.add_to(cmd);
  st->out.add_to(cmd);
  cmd->add_option("-o,--output", st->output, "Write the timeline here (default: standard output)");
  cmd->add_flag("--table", st->table, "Also print the timeline as a table on standard error");
  cmd->add_option("inputs", st->inputs, "Input files or folders, or '-' for standard input")->required();
  cmd->final_callback([st, &action] {
    action = [st] {
      const LoadOptions lopts = st->input.load_options(st->tagging);
      const ExtractOptions xopts = st->tagging.extract_options();
      refuse_output_over_input(st->output, st->inputs);
      const auto files = expand_inputs(st->inputs);
      refuse_output_over_input(st->output, files);
      // Tagging runs on the workers; events are attached here, in input order, once ids are unique.
      Timeline t;
      std::vector<std::string> undated;
      RunCounts counts = tag_files(files, lopts, xopts, st->input.threads(), [&](TaggedFile& f) {
        for (std::size_t k = 0; k < f.load.documents.size(); ++k) {
          Document& doc = f.load.documents[k];
          if (!doc.published) {
            undated.push_back(doc.source == "-" ? "stdin" : doc.source);
            continue;
          }
          for (auto& e : document_events(doc, std::move(f.mentions[k]))) t.events.push_back(std::move(e));
          doc.text.clear();  // not exported: keep memory flat over thousands of articles
          t.documents.push_back(std::move(doc));
        }
      });
      const std::string hint = ": no publication date found (give one with --dct or --dct-fallback)";
      if (t.documents.empty()) {
        if (!undated.empty())
          throw UsageError(undated.front() + hint +
                           (undated.size() > 1 ? " (and " + std::to_string(undated.size() - 1) + " more)" : ""));
        if (files.empty()) throw UsageError("no article files in the inputs (.txt, .md, .html, .jsonl, .tml...)");
        throw UsageError("no documents to build a timeline from: every input was skipped");
      }
      for (const auto& u : undated) {
        std::cerr << "timeliner: warning: skipped " << u << hint << "\n";
        counts.add_skip("undated");
      }
      // Documents in the order of their ids, as merge puts them: a build of several documents
      // equals the merge of their separate builds.
      std::stable_sort(t.documents.begin(), t.documents.end(),
                       [](const Document& x, const Document& y) { return x.id < y.id; });
      assemble_timeline(t, st->out.merge_options());
      emit(st->output, st->out.render(t));
      if (st->table) std::cerr << timeline_table(t);
      if (counts.skipped_total() > 0 || counts.files > 1) std::cerr << counts.summary() << "\n";
      return counts.skipped_total() > 0 ? kExitSkipped : 0;
    };
  });
}

}  // namespace timeliner::cli
