// timeliner build: one timeline from articles.
#include "cli/common.hpp"

#include <timeliner/json.hpp>
#include <timeliner/load.hpp>

#include <iostream>

namespace timeliner::cli {

void add_build_command(CLI::App& app, Action& action) {
  struct State {
    TaggingOptions tagging;
    std::vector<std::string> inputs;
    std::string output;
    bool table = false;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("build", "Build one timeline from articles");
  st->tagging.add_to(cmd);
  cmd->add_option("-o,--output", st->output, "Write the timeline here (default: standard output)");
  cmd->add_flag("--table", st->table, "Also print the timeline as a table on standard error");
  cmd->add_option("inputs", st->inputs, "Input files, or '-' for standard input")->required();
  cmd->final_callback([st, &action] {
    action = [st] {
      refuse_output_over_input(st->output, st->inputs);
      LoadOptions lopts;
      lopts.dct = st->tagging.publication();
      auto docs = load_inputs(st->inputs, lopts);
      for (const auto& d : docs)
        if (!d.published) throw UsageError(d.source + ": no publication date: give one with --dct");
      const Timeline t = build_timeline(std::move(docs), Grammar::english(), st->tagging.extract_options());
      emit(st->output, timeline_to_json(t));
      if (st->table) std::cerr << timeline_table(t);
      return 0;
    };
  });
}

}  // namespace timeliner::cli
