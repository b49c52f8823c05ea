#include <timeliner/eval.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace timeliner {

EvalCounts& EvalCounts::operator+=(const EvalCounts& o) {
  documents += o.documents;
  gold += o.gold;
  system += o.system;
  strict += o.strict;
  relaxed += o.relaxed;
  value += o.value;
  type += o.type;
  return *this;
}

Prf prf(std::size_t matched, std::size_t system, std::size_t gold) {
  Prf out;
  out.p = system ? 100.0 * double(matched) / double(system) : 0;
  out.r = gold ? 100.0 * double(matched) / double(gold) : 0;
  out.f1 = out.p + out.r > 0 ? 2 * out.p * out.r / (out.p + out.r) : 0;
  return out;
}

namespace {

// A value with an astronomical year before AD 1 ("-0217...") in the BC form ("BC0218...").
std::string bc_form(std::string_view v) {
  if (v.size() < 5 || v[0] != '-') return std::string(v);
  int year = 0;
  for (std::size_t i = 1; i < 5; ++i) {
    if (v[i] < '0' || v[i] > '9') return std::string(v);
    year = year * 10 + (v[i] - '0');
  }
  if (v.size() > 5 && v[5] >= '0' && v[5] <= '9') return std::string(v);  // more than four digits
  std::string digits = std::to_string(year + 1);                          // 1 to 10000
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return "BC" + digits + std::string(v.substr(5));
}

}  // namespace

bool same_timex_value(std::string_view a, std::string_view b) { return a == b || bc_form(a) == bc_form(b); }

EvalCounts score_document(const TimemlDocument& gold, const std::vector<Mention>& mentions,
                          std::vector<EvalIssue>* issues) {
  EvalCounts c;
  c.documents = 1;
  c.gold = gold.timexes.size();
  c.system = mentions.size();
  std::vector<bool> used(mentions.size(), false);
  auto add = [&](EvalIssue::Kind kind, const GoldTimex* g, const Mention* m) {
    if (!issues) return;
    EvalIssue i{kind, gold.document.id, "", "", "", "", ""};
    if (g) {
      i.gold_text = g->text;
      i.gold_value = g->value;
    }
    if (m) {
      i.system_text = m->text;
      i.system_value = m->value.timex;
      i.rule = m->rule;
    }
    issues->push_back(std::move(i));
  };
  std::size_t j0 = 0;
  for (const GoldTimex& g : gold.timexes) {
    // The first unused mention overlapping this gold span (both lists are in text order).
    while (j0 < mentions.size() && mentions[j0].end <= g.begin) ++j0;
    const Mention* match = nullptr;
    for (std::size_t j = j0; j < mentions.size() && mentions[j].begin < g.end; ++j) {
      if (used[j] || mentions[j].end <= g.begin) continue;
      used[j] = true;
      match = &mentions[j];
      break;
    }
    if (!match) {
      add(EvalIssue::Kind::missed, &g, nullptr);
      continue;
    }
    ++c.relaxed;
    const bool same_span = match->begin == g.begin && match->end == g.end;
    const bool same_value = same_timex_value(match->value.timex, g.value);
    const bool same_type = to_string(match->value.type) == g.type;
    c.strict += same_span;
    c.value += same_value;
    c.type += same_type;
    if (!same_value)
      add(EvalIssue::Kind::value, &g, match);
    else if (!same_type)
      add(EvalIssue::Kind::type, &g, match);
    else if (!same_span)
      add(EvalIssue::Kind::span, &g, match);
  }
  for (std::size_t j = 0; j < mentions.size(); ++j)
    if (!used[j]) add(EvalIssue::Kind::extra, nullptr, &mentions[j]);
  return c;
}

EvalCounts evaluate_folder(const std::string& dir, const Grammar& grammar, const ExtractOptions& options,
                           std::vector<EvalIssue>* issues) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw std::runtime_error(dir + ": not a folder");
  std::vector<fs::path> files;
  for (const auto& f : find_timeml_files(dir)) files.emplace_back(f);
  if (files.empty()) throw std::runtime_error(dir + ": no .tml files");
  EvalCounts total;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw std::runtime_error(f.string() + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    const TimemlDocument doc = read_timeml(ss.str(), f.stem().string(), f.string());
    total += score_document(doc, extract(grammar, doc.document, options), issues);
  }
  return total;
}

}  // namespace timeliner
