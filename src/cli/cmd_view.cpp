// timeliner view: one self-contained HTML page (the viewer with the timeline inlined).
#include "cli/common.hpp"

#include <timeliner/json.hpp>

#include <filesystem>

namespace fs = std::filesystem;

namespace timeliner::cli {

#ifdef TIMELINER_VIEWER_PAGE
// web/'s standalone.html, built and embedded at build time (CMakeLists.txt, TIMELINER_VIEWER).
extern const char* const kViewerPage;
#endif

namespace {

constexpr std::string_view kPlaceholder = "/*TIMELINER_DATA*/";

// JSON that can sit inside <script type="application/json">: no "<", ">" or "&" left to end it early.
std::string script_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

// The page to fill: --template when given, else the one built into the binary.
std::string page_template(const std::string& path) {
  if (!path.empty()) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw UsageError("viewer page " + path + " not found");
    return read_whole_file(path);
  }
#ifdef TIMELINER_VIEWER_PAGE
  return kViewerPage;
#else
  throw UsageError(
      "this timeliner was built without the viewer page (building it needs Node.js and web/node_modules, which "
      "scripts/setup.sh installs), so view needs --template PAGE.html");
#endif
}

}  // namespace

std::string render_standalone_page(const std::string& page_template, const std::string& timeline_json) {
  const auto at = page_template.find(kPlaceholder);
  if (at == std::string::npos || page_template.find(kPlaceholder, at + 1) != std::string::npos)
    throw UsageError("the viewer template must hold the data placeholder exactly once");
  std::string out = page_template.substr(0, at);
  out += script_safe(timeline_json);
  out += page_template.substr(at + kPlaceholder.size());
  return out;
}

void add_view_command(CLI::App& app, Action& action) {
  struct State {
    std::string input, output, page_template;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("view", "Write one self-contained HTML page showing a timeline (opens offline)");
  cmd->add_option("timeline", st->input, "A timeline written by 'timeliner build'")->required();
  cmd->add_option("-o,--output", st->output, "The HTML file to write")->required();
  cmd->add_option("--template", st->page_template,
                  "Another viewer page holding the /*TIMELINER_DATA*/ placeholder (default: the page built into "
                  "timeliner, web/'s standalone.html)");
  cmd->final_callback([st, &action] {
    action = [st] {
      refuse_output_over_input(st->output, {st->input, st->page_template});
      // Read and check the timeline, then write it back compact: the page gets valid data only.
      const std::string json = timeline_to_json(timeline_from_json(read_whole_file(st->input)));
      write_file_atomically(st->output, render_standalone_page(page_template(st->page_template), json));
      return 0;
    };
  });
}

}  // namespace timeliner::cli
