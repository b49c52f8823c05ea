// timeliner eval-timeline: a timeline summary scored against a gold one (date F1, ROUGE).
#include "cli/common.hpp"

#include <timeliner/tls.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace timeliner::cli {

void add_eval_timeline_command(CLI::App& app, Action& action) {
  struct State {
    std::string gold, predicted;
    bool json = false;
  };
  auto st = std::make_shared<State>();
  CLI::App* cmd = app.add_subcommand(
      "eval-timeline",
      "Score a timeline summary against a gold one: date F1, concatenated, agreement and alignment ROUGE-1/2 F1");
  cmd->add_option("gold", st->gold, "The gold summary: tilse format, or a timeline JSON with key dates")->required();
  cmd->add_option("predicted", st->predicted, "The summary to score, in either form")->required();
  cmd->add_flag("--json", st->json, "Print the figures as one JSON object");
  cmd->final_callback([st, &action] {
    action = [st] {
      auto read = [](const std::string& path) {
        try {
          return read_summary(read_whole_file(path));
        } catch (const UsageError&) {
          throw;
        } catch (const std::runtime_error& e) {
          throw UsageError(path + ": " + e.what());
        }
      };
      const TimelineSummary gold = read(st->gold), predicted = read(st->predicted);
      const TimelineScores s = evaluate_timeline(gold, predicted);
      const std::pair<const char*, const Score*> rows[] = {{"dates", &s.dates},
                                                           {"concat ROUGE-1", &s.concat_rouge1},
                                                           {"concat ROUGE-2", &s.concat_rouge2},
                                                           {"agreement ROUGE-1", &s.agreement_rouge1},
                                                           {"agreement ROUGE-2", &s.agreement_rouge2},
                                                           {"alignment ROUGE-1", &s.alignment_rouge1},
                                                           {"alignment ROUGE-2", &s.alignment_rouge2}};
      if (st->json) {
        nlohmann::ordered_json j;
        j["gold_dates"] = s.gold_dates;
        j["predicted_dates"] = s.predicted_dates;
        j["matched_dates"] = s.matched_dates;
        const char* keys[] = {"dates",
                              "concat_rouge1",
                              "concat_rouge2",
                              "agreement_rouge1",
                              "agreement_rouge2",
                              "alignment_rouge1",
                              "alignment_rouge2"};
        for (std::size_t i = 0; i < std::size(rows); ++i)
          j[keys[i]] = {{"p", rows[i].second->precision}, {"r", rows[i].second->recall}, {"f1", rows[i].second->f1}};
        std::cout << j.dump() << "\n";
        return 0;
      }
      std::cout << "timeliner eval-timeline: " << s.predicted_dates << " dates predicted, " << s.gold_dates << " gold, "
                << s.matched_dates << " the same\n";
      std::cout << "                       P       R       F1\n";
      char line[160];
      for (const auto& [name, x] : rows) {
        std::snprintf(line, sizeof line, "%-19s %6.4f  %6.4f  %6.4f\n", name, x->precision, x->recall, x->f1);
        std::cout << line;
      }
      return 0;
    };
  });
}

}  // namespace timeliner::cli
