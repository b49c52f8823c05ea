// Accuracy guard: the TempEval-3 Task A figures on the TBAQ corpus may not fall more than one point
// below the levels recorded in tests/eval/levels.json.
#include <timeliner/eval.hpp>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;
using namespace timeliner;

namespace {
fs::path corpus_dir() {
  if (const char* env = std::getenv("TIMELINER_TBAQ")) return env;
  return fs::path(TIMELINER_SOURCE_DIR) / ".." / "shared" / "corpora" / "tbaq";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(eval_guard)

BOOST_AUTO_TEST_CASE(tempeval3_scores_hold) {
  const fs::path dir = corpus_dir();
  if (!fs::is_directory(dir)) {
    std::cout << "eval guard skipped: " << dir.string() << " not found (set TIMELINER_TBAQ to its folder)" << std::endl;
    return;
  }
  const EvalCounts c = evaluate_folder(dir.string(), Grammar::english(), ExtractOptions{});
  const Prf strict = prf(c.strict, c.system, c.gold), relaxed = prf(c.relaxed, c.system, c.gold);
  const Prf value = prf(c.value, c.system, c.gold), type = prf(c.type, c.system, c.gold);
  char line[200];
  std::snprintf(line, sizeof line,
                "eval guard: %zu documents, %zu gold, %zu found: strict F1 %.2f, relaxed F1 %.2f, value F1 %.2f, "
                "type F1 %.2f",
                c.documents, c.gold, c.system, strict.f1, relaxed.f1, value.f1, type.f1);
  std::cout << line << std::endl;
  std::ifstream in(fs::path(TIMELINER_SOURCE_DIR) / "tests" / "eval" / "levels.json");
  const auto levels = nlohmann::json::parse(in);
  BOOST_TEST(strict.f1 >= levels["strict_f1"].get<double>() - 1.0, "strict F1 fell below the recorded level");
  BOOST_TEST(value.f1 >= levels["value_f1"].get<double>() - 1.0, "value F1 fell below the recorded level");
  BOOST_TEST(c.documents == 256u);
}

BOOST_AUTO_TEST_SUITE_END()
