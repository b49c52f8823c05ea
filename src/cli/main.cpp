// The timeliner command line: subcommands are registered here and live in cmd_*.cpp.
#include "cli/common.hpp"

#include <timeliner/version.hpp>

#include <iostream>
#include <string>

namespace {

std::string one_line(std::string msg) {
  for (char& c : msg)
    if (c == '\n' || c == '\r') c = ' ';
  return msg;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace timeliner::cli;
  CLI::App app{"timeliner: builds event timelines from news articles", "timeliner"};
  app.set_version_flag("--version", std::string("timeliner ") + timeliner::kVersion);
  app.require_subcommand(1);

  Action action;
  add_extract_command(app, action);
  add_build_command(app, action);
  add_show_command(app, action);
  add_eval_command(app, action);
  add_tag_command(app, action);
  add_view_command(app, action);
  add_merge_command(app, action);
  add_eval_timeline_command(app, action);
  add_parse_command(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "timeliner: error: " << one_line(e.what()) << " (see timeliner --help)\n";
    return 2;
  }
  try {
    return action ? action() : 0;
  } catch (const std::exception& e) {
    std::cerr << "timeliner: error: " << one_line(e.what()) << "\n";
    return 1;
  }
}
