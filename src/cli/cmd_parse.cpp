// timeliner parse: the words, parts of speech and dependency tree of each sentence, as CoNLL-U.
#include "cli/common.hpp"

#include <timeliner/nlp.hpp>
#include <timeliner/text.hpp>

#include <iostream>
#include <sstream>

namespace timeliner::cli {

void add_parse_command(CLI::App& app, Action& action) {
  auto path = std::make_shared<std::string>("-");
  CLI::App* cmd = app.add_subcommand(
      "parse", "Tag and parse text (a file, or - for standard input): one CoNLL-U sentence per sentence of the text");
  cmd->add_option("input", *path, "A text file, or - for standard input (the default)");
  cmd->final_callback([path, &action] {
    action = [path] {
      std::string raw;
      if (*path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        raw = ss.str();
      } else {
        raw = read_whole_file(*path);
      }
      const std::string text = sanitize_utf8(raw);
      const nlp::Model& model = nlp::Model::english();
      std::string out;
      std::size_t n = 0;
      for (const Span& s : split_sentences(text)) {
        std::string sentence = text.substr(s.begin, s.end - s.begin);
        for (char& c : sentence)
          if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        const auto words = model.analyze(sentence);
        if (words.empty()) continue;
        out += "# sent_id = " + std::to_string(++n) + "\n# text = " + sentence + "\n";
        for (std::size_t i = 0; i < words.size(); ++i) {
          const nlp::Word& w = words[i];
          const bool space = i + 1 == words.size() || words[i + 1].begin > w.end;
          out += std::to_string(i + 1) + "\t" + sentence.substr(w.begin, w.end - w.begin) + "\t_\t" +
                 std::string(nlp::to_string(w.upos)) + "\t" + std::string(nlp::to_string(w.xpos)) + "\t_\t" +
                 std::to_string(w.head + 1) + "\t" + std::string(nlp::to_string(w.rel)) + "\t_\t" +
                 (space ? "_" : "SpaceAfter=No") + "\n";
        }
        out += "\n";
      }
      std::cout << out;
      return 0;
    };
  });
}

}  // namespace timeliner::cli
