#include "cli/common.hpp"

#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace timeliner::cli {

void TaggingOptions::add_to(CLI::App* cmd) {
  cmd->add_option("--dct", dct, "Publication date of every input, YYYY-MM-DD[THH:MM[+HH:MM]]");
  cmd->add_option("--type", type, "Document type: news (deictic dates from the publication date) or narrative")
      ->check(CLI::IsMember({"news", "narrative"}));
  cmd->add_flag("--day-first", day_first, "Read 4/5/2025 as 4 May (default: US order, April 5)");
}

ExtractOptions TaggingOptions::extract_options() const {
  ExtractOptions o;
  o.doc_type = type == "narrative" ? DocType::narrative : DocType::news;
  o.day_first = day_first;
  return o;
}

std::optional<Instant> TaggingOptions::publication() const {
  if (dct.empty()) return std::nullopt;
  auto i = parse_instant(dct);
  if (!i) throw UsageError("invalid --dct '" + dct + "': expected a real date as YYYY-MM-DD or YYYY-MM-DDTHH:MM");
  return i;
}

void write_file_atomically(const std::string& path, const std::string& content) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string tmp = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw UsageError("cannot write " + path + ": cannot create a file in " + dir.string());
    out << content;
    out.flush();
    if (!out) {
      out.close();
      std::remove(tmp.c_str());
      throw UsageError("cannot write " + path + ": write failed");
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    std::remove(tmp.c_str());
    throw UsageError("cannot write " + path + ": " + ec.message());
  }
}

void refuse_output_over_input(const std::string& output, const std::vector<std::string>& inputs) {
  if (output.empty() || output == "-") return;
  std::error_code ec;
  if (!fs::exists(output, ec)) return;
  for (const auto& in : inputs) {
    if (in == "-") continue;
    if (fs::equivalent(output, in, ec)) throw UsageError("refusing to write " + output + ": it is one of the inputs");
  }
}

void emit(const std::string& output, const std::string& content) {
  if (output.empty() || output == "-") {
    std::cout << content;
    std::cout.flush();
    return;
  }
  write_file_atomically(output, content);
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string timeline_table(const Timeline& t) {
  std::ostringstream out;
  out << std::left << std::setw(23) << "WHEN" << std::setw(18) << "VALUE"
      << "WHAT\n";
  for (const auto& e : t.events) {
    std::string when = format_day(e.date.bounds->earliest);
    if (e.date.bounds->latest != e.date.bounds->earliest) when += ".." + format_day(e.date.bounds->latest).substr(5);
    std::string value = e.date.timex;
    if (e.date.mod != Mod::none) value += " " + std::string(to_string(e.date.mod));
    out << std::left << std::setw(23) << when << std::setw(18) << value << e.headline << "\n";
  }
  return out.str();
}

}  // namespace timeliner::cli
