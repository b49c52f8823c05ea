// timeliner tag: TimeML files re-annotated with our TIMEX3 tags, for the TempEval-3 scorer.
#include "cli/common.hpp"

#include <timeliner/timeml.hpp>

#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace timeliner::cli {

void add_tag_command(CLI::App& app, Action& action) {
  struct State {
    TaggingOptions tagging;
    std::vector<std::string> inputs;
    std::string out_dir;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("tag", "Write TimeML files with our TIMEX3 tags (TempEval-3 layout)");
  st->tagging.add_to(cmd);
  cmd->add_option("inputs", st->inputs, "TimeML files, or folders searched recursively for .tml files")->required();
  cmd->add_option("-o,--output-dir", st->out_dir, "Folder for the tagged files (created when missing)")->required();
  cmd->final_callback([st, &action] {
    action = [st] {
      std::vector<fs::path> files;
      for (const auto& in : st->inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
          for (const auto& f : find_timeml_files(in)) files.emplace_back(f);
        } else {
          files.emplace_back(in);
        }
      }
      std::sort(files.begin(), files.end());
      std::error_code ec;
      fs::create_directories(st->out_dir, ec);
      if (ec) throw UsageError("cannot create " + st->out_dir + ": " + ec.message());
      const auto publication = st->tagging.publication();
      const ExtractOptions options = st->tagging.extract_options();
      for (const auto& f : files) {
        const fs::path target = fs::path(st->out_dir) / f.filename();
        if (fs::exists(target, ec) && fs::equivalent(target, f, ec))
          throw UsageError("refusing to write " + target.string() + ": it is one of the inputs");
        TimemlDocument doc = read_timeml(read_whole_file(f.string()), f.stem().string(), f.string());
        if (publication) doc.document.published = publication;
        write_file_atomically(target.string(), write_timeml(doc, extract(Grammar::english(), doc.document, options)));
      }
      std::cerr << "timeliner: tagged " << files.size() << " file" << (files.size() == 1 ? "" : "s") << " into "
                << st->out_dir << "\n";
      return 0;
    };
  });
}

}  // namespace timeliner::cli
