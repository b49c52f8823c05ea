// timeliner show: a timeline file as a readable table.
#include "cli/common.hpp"

#include <timeliner/json.hpp>

#include <iostream>

namespace timeliner::cli {

void add_show_command(CLI::App& app, Action& action) {
  auto path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("show", "Print a timeline JSON file as a readable table");
  cmd->add_option("timeline", *path, "A timeline written by 'timeliner build'")->required();
  cmd->final_callback([path, &action] {
    action = [path] {
      std::cout << timeline_table(timeline_from_json(read_whole_file(*path)));
      return 0;
    };
  });
}

}  // namespace timeliner::cli
