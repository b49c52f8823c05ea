// The floor of `extract`: the one Hyperscan scan of each text (src/grammar/scan_db.hpp) with nothing
// done at the places it finds but keeping them; no RE2, no resolution, no output. Built by
// bench/run.sh (target timeliner_scan_floor, in a build with Hyperscan only).
// Usage: timeliner_scan_floor FILE.jsonl PASSES
//   -> {"chars": ..., "docs": ..., "scanned_docs": ..., "starts": ..., "seconds": [one per pass]}
#include "grammar/scan_db.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace timeliner::grammar {
extern const PrecomputedScan kEnglishScan;  // laid out by the build (src/grammar/keygen.cpp)
}

int main(int argc, char** argv) {
  using namespace timeliner::grammar;
  if (argc != 3) {
    std::cerr << "usage: timeliner_scan_floor FILE.jsonl PASSES\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "timeliner_scan_floor: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::vector<std::string> texts;
  std::size_t chars = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
    chars += texts.back().size();
  }
  const StartScanner scanner(kEnglishScan);
  if (!scanner.usable()) {
    std::cerr << "timeliner_scan_floor: the embedded scan database does not load\n";
    return 1;
  }
  const int passes = std::atoi(argv[2]);
  std::vector<double> seconds;
  std::vector<std::uint64_t> found;
  std::size_t starts = 0, scanned = 0;
  for (int p = 0; p < passes; ++p) {
    starts = scanned = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& t : texts) {
      if (t.size() > kScanOnceBytes) continue;  // extract tries such a text at its start keys
      scanner.starts(t, found);
      starts += found.size();
      ++scanned;
    }
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  nlohmann::json out{
      {"chars", chars}, {"docs", texts.size()}, {"scanned_docs", scanned}, {"starts", starts}, {"seconds", seconds}};
  std::cout << out.dump() << "\n";
  return 0;
}
