// timeliner extract: every temporal expression as JSON lines.
#include "cli/common.hpp"

#include <timeliner/json.hpp>
#include <timeliner/load.hpp>

#include <iostream>

namespace timeliner::cli {

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
      const auto files = expand_inputs(st->inputs);
      if (files.empty())
        std::cerr << "timeliner: warning: no article files in the inputs (.txt, .md, .html, .jsonl, .tml...)\n";
      const RunCounts counts = tag_files(files, lopts, xopts, st->input.threads(), [](TaggedFile& f) {
        std::string out;
        for (std::size_t k = 0; k < f.load.documents.size(); ++k) {
          const Document& doc = f.load.documents[k];
          if (!doc.published)
            std::cerr << "timeliner: warning: " << (doc.source == "-" ? "stdin" : doc.source)
                      << ": no publication date found (give --dct or --dct-fallback): only explicit dates "
                         "are resolved\n";
          for (const auto& m : f.mentions[k]) {
            out += mention_to_json_line(doc.id, m);
            out += '\n';
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
