// The timeliner command line: subcommands are registered here and live in cmd_*.cpp.
#include "cli/common.hpp"

#include <timeliner/version.hpp>

#include <iostream>
#include <string>
#include <string_view>

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

  // Only the subcommand named first is set up, or all of them when the first argument names none
  // (help, the version, a mistake): CLI11 builds each option as an object of its own, and setting
  // up all nine commands was half the instructions and a tenth of the page faults of a run on
  // empty input.
  struct Command {
    std::string_view name;
    void (*add)(CLI::App&, Action&);
  };
  static constexpr Command kCommands[] = {
      {"extract", add_extract_command}, {"build", add_build_command},
      {"show", add_show_command},       {"eval", add_eval_command},
      {"tag", add_tag_command},         {"view", add_view_command},
      {"merge", add_merge_command},     {"eval-timeline", add_eval_timeline_command},
      {"parse", add_parse_command}};
  const Command* named = nullptr;
  for (const Command& c : kCommands)
    if (argc > 1 && c.name == argv[1]) named = &c;
  Action action;
  for (const Command& c : kCommands)
    if (!named || named == &c) c.add(app, action);

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
