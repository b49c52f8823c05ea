// timeliner eval: TempEval-3 Task A scores of our tags against a folder of TimeML gold files.
#include "cli/common.hpp"

#include <timeliner/eval.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace timeliner::cli {

namespace {

const char* kind_name(EvalIssue::Kind k) {
  switch (k) {
    case EvalIssue::Kind::missed:
      return "MISSED";
    case EvalIssue::Kind::extra:
      return "EXTRA";
    case EvalIssue::Kind::span:
      return "SPAN";
    case EvalIssue::Kind::value:
      return "VALUE";
    case EvalIssue::Kind::type:
      return "TYPE";
  }
  return "?";
}

}  // namespace

void add_eval_command(CLI::App& app, Action& action) {
  struct State {
    TaggingOptions tagging;
    std::string dir;
    bool verbose = false, json = false;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand("eval",
                                     "Score our tags against TimeML gold files (TempEval-3 Task A), and the anchoring "
                                     "of our events to their dates against the TLINKs");
  st->tagging.add_to(cmd);
  cmd->add_option("gold_dir", st->dir, "Folder searched recursively for .tml files")->required();
  cmd->add_flag("--verbose", st->verbose, "List every miss, extra, span, value and type error");
  cmd->add_flag("--json", st->json, "Print the figures as one JSON object");
  cmd->final_callback([st, &action] {
    action = [st] {
      std::vector<EvalIssue> issues;
      const EvalCounts c =
          evaluate_folder(st->dir, Grammar::english(), st->tagging.extract_options(), st->verbose ? &issues : nullptr);
      const Prf strict = prf(c.strict, c.system, c.gold), relaxed = prf(c.relaxed, c.system, c.gold);
      const Prf value = prf(c.value, c.system, c.gold), type = prf(c.type, c.system, c.gold);
      for (const auto& i : issues)
        std::cout << kind_name(i.kind) << "\t" << i.doc << "\tgold: " << i.gold_text << " = " << i.gold_value
                  << "\tours: " << i.system_text << " = " << i.system_value << " (" << i.rule << ")\n";
      if (st->json) {
        nlohmann::ordered_json j;
        j["documents"] = c.documents;
        j["gold"] = c.gold;
        j["system"] = c.system;
        auto put = [&](const char* name, const Prf& x) { j[name] = {{"p", x.p}, {"r", x.r}, {"f1", x.f1}}; };
        put("strict", strict);
        put("relaxed", relaxed);
        put("value", value);
        put("type", type);
        j["anchoring"] = {{"links", c.links},
                          {"found", c.links_found},
                          {"found_anchored", c.links_found_anchored},
                          {"annotated", c.links_noted},
                          {"annotated_anchored", c.links_noted_anchored},
                          {"anchored", c.links_anchored},
                          {"accuracy", c.links ? 100.0 * double(c.links_anchored) / double(c.links) : 0.0},
                          {"timexes", c.timexes_linked},
                          {"timexes_anchored", c.timexes_anchored}};
        std::cout << j.dump() << "\n";
        return 0;
      }
      char line[160];
      std::cout << "timeliner eval: " << c.documents << " documents, " << c.gold << " gold TIMEX3, " << c.system
                << " found\n";
      std::cout << "           P       R       F1\n";
      for (auto [name, x] : {std::pair{"strict", strict}, {"relaxed", relaxed}, {"value", value}, {"type", type}}) {
        std::snprintf(line, sizeof line, "%-8s %6.2f  %6.2f  %6.2f\n", name, x.p, x.r, x.f1);
        std::cout << line;
      }
      if (c.links) {
        auto pct = [](std::size_t a, std::size_t b) {
          std::ostringstream s;
          s << std::fixed << std::setprecision(2) << 100.0 * double(a) / double(b) << "%";
          return s.str();
        };
        std::cout << "anchoring: " << c.links_anchored << " of " << c.links
                  << " gold event-time links of a sentence have the gold event as our predicate ("
                  << pct(c.links_anchored, c.links) << "): " << c.links_found_anchored << " of the " << c.links_found
                  << " whose timex has an event of ours, " << c.links_noted_anchored << " of the " << c.links_noted
                  << " whose timex is a duration, set or reference (\"now\") we annotate an event with\n"
                  << "anchoring by timex: " << c.timexes_anchored << " of " << c.timexes_linked
                  << " timexes with such links have one of their gold events as our predicate ("
                  << pct(c.timexes_anchored, c.timexes_linked) << ")\n";
      }
      return 0;
    };
  });
}

}  // namespace timeliner::cli
