// Accuracy guard: the TempEval-3 Task A figures on the development sets (TBAQ for news, WikiWars
// for narrative text) may not fall more than one point below the levels recorded in
// tests/eval/levels.json.
#include <timeliner/eval.hpp>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace fs = std::filesystem;
using namespace timeliner;

namespace {

// The folder of a corpus: TIMELINER_CORPORA when set, else ../shared/corpora beside the sources.
fs::path corpus_dir(const std::string& name) {
  if (const char* env = std::getenv("TIMELINER_CORPORA")) return fs::path(env) / name;
  return fs::path(TIMELINER_SOURCE_DIR) / ".." / "shared" / "corpora" / name;
}

void guard(const nlohmann::json& level) {
  const std::string name = level.at("corpus").get<std::string>();
  const fs::path dir = corpus_dir(name);
  if (!fs::is_directory(dir)) {
    std::cout << "eval guard skipped: " << dir.string() << " not found (set TIMELINER_CORPORA to the folder of " << name
              << ")" << std::endl;
    return;
  }
  ExtractOptions options;
  options.doc_type = level.at("type").get<std::string>() == "narrative" ? DocType::narrative : DocType::news;
  const EvalCounts c = evaluate_folder(dir.string(), Grammar::english(), options);
  const Prf strict = prf(c.strict, c.system, c.gold), relaxed = prf(c.relaxed, c.system, c.gold);
  const Prf value = prf(c.value, c.system, c.gold), type = prf(c.type, c.system, c.gold);
  char line[300];
  std::snprintf(line, sizeof line,
                "eval guard, %s: %zu documents, %zu gold, %zu found: strict F1 %.2f, relaxed F1 %.2f, value F1 "
                "%.2f, type F1 %.2f",
                name.c_str(), c.documents, c.gold, c.system, strict.f1, relaxed.f1, value.f1, type.f1);
  std::cout << line << std::endl;
  BOOST_TEST(strict.f1 >= level.at("strict_f1").get<double>() - 1.0,
             name << ": strict F1 fell below the recorded level");
  BOOST_TEST(value.f1 >= level.at("value_f1").get<double>() - 1.0, name << ": value F1 fell below the recorded level");
  BOOST_TEST(c.documents == level.at("documents").get<std::size_t>());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(eval_guard)

BOOST_AUTO_TEST_CASE(development_set_scores_hold) {
  std::ifstream in(fs::path(TIMELINER_SOURCE_DIR) / "tests" / "eval" / "levels.json");
  const auto levels = nlohmann::json::parse(in);
  BOOST_REQUIRE(levels.at("sets").size() >= 2u);
  for (const auto& level : levels.at("sets")) guard(level);
}

BOOST_AUTO_TEST_SUITE_END()
