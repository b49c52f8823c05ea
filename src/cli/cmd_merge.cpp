// timeliner merge: one timeline from finished timelines.
#include "cli/common.hpp"

#include <timeliner/json.hpp>

#include <iostream>

namespace timeliner::cli {

void add_merge_command(CLI::App& app, Action& action) {
  struct State {
    OutputOptions out;
    std::vector<std::string> inputs;
    std::string output;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "Merge timelines written by 'timeliner build' or 'timeliner merge' into one (in any order or grouping)");
  st->out.add_to(cmd);
  cmd->add_option("-o,--output", st->output, "Write the timeline here (default: standard output)");
  cmd->add_option("timelines", st->inputs, "Timeline JSON files")->required();
  cmd->final_callback([st, &action] {
    action = [st] {
      refuse_output_over_input(st->output, st->inputs);
      std::vector<Timeline> timelines;
      for (const auto& path : st->inputs) {
        try {
          timelines.push_back(timeline_from_json(read_whole_file(path)));
        } catch (const UsageError&) {
          throw;
        } catch (const std::runtime_error& e) {
          throw UsageError(path + ": " + e.what());
        }
      }
      emit(st->output, st->out.render(merge_timelines(timelines, st->out.merge_options())));
      return 0;
    };
  });
}

}  // namespace timeliner::cli
