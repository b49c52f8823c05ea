// timeliner extract: every temporal expression as JSON lines.
#include "cli/common.hpp"

#include <timeliner/json.hpp>
#include <timeliner/load.hpp>

#include <iostream>

namespace timeliner::cli {

void add_extract_command(CLI::App& app, Action& action) {
  struct State {
    TaggingOptions tagging;
    std::vector<std::string> inputs;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("extract", "Print every temporal expression as JSON lines");
  st->tagging.add_to(cmd);
  cmd->add_option("files", st->inputs, "Input files; none or '-' reads standard input");
  cmd->final_callback([st, &action] {
    action = [st] {
      LoadOptions lopts;
      lopts.dct = st->tagging.publication();
      const ExtractOptions xopts = st->tagging.extract_options();
      if (st->inputs.empty()) st->inputs.push_back("-");
      const Grammar& grammar = Grammar::english();
      for (const auto& doc : load_inputs(st->inputs, lopts)) {
        std::string out;
        for (const auto& m : extract(grammar, doc, xopts)) {
          out += mention_to_json_line(doc.id, m);
          out += '\n';
        }
        std::cout << out;
        std::cout.flush();
      }
      return 0;
    };
  });
}

}  // namespace timeliner::cli
