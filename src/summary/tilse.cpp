// The plain format of timeline summaries, and reading a summary from either form.
#include <timeliner/json.hpp>
#include <timeliner/tls.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace timeliner {
namespace {

constexpr std::string_view kSeparator = "--------------------------------";  // 32 dashes

std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string to_tilse(const TimelineSummary& summary) {
  std::string out;
  for (const auto& d : summary) {
    out += format_day(d.day);
    out += '\n';
    for (const auto& s : d.sentences) {
      out += one_line(s);
      out += '\n';
    }
    out += kSeparator;
    out += '\n';
  }
  return out;
}

TimelineSummary read_tilse(std::string_view text) {
  std::map<date::sys_days, std::vector<std::string>> days;
  std::optional<date::sys_days> current;
  std::size_t number = 0;
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t e = text.find('\n', i);
    if (e == std::string_view::npos) e = text.size();
    const std::string_view line = trim(text.substr(i, e - i));
    ++number;
    i = e + 1;
    if (line.empty()) continue;
    if (line.size() >= 10 && line.find_first_not_of('-') == std::string_view::npos) {  // kSeparator, or near
      current.reset();
      continue;
    }
    if (!current) {
      const auto day = line.size() == 10 ? parse_instant(line) : std::nullopt;
      if (!day)
        throw std::runtime_error("line " + std::to_string(number) + ": expected a date YYYY-MM-DD, found '" +
                                 std::string(line.substr(0, 40)) + "'");
      current = day->day;
      days[*current];
      continue;
    }
    days[*current].emplace_back(line);
  }
  TimelineSummary out;
  for (auto& [d, s] : days) out.push_back(DatedSummary{d, std::move(s)});
  return out;
}

TimelineSummary summary_of(const Timeline& t) {
  TimelineSummary out;
  for (const auto& k : t.key_dates) {
    DatedSummary d{k.day, {}};
    for (const auto& s : k.sentences) d.sentences.push_back(s.text);
    if (!out.empty() && out.back().day == d.day) {
      out.back().sentences.insert(out.back().sentences.end(), d.sentences.begin(), d.sentences.end());
    } else {
      out.push_back(std::move(d));
    }
  }
  return out;
}

TimelineSummary read_summary(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') {
    const Timeline t = timeline_from_json(std::string(text));
    if (t.key_dates.empty()) throw std::runtime_error("the timeline has no key dates (build it with --dates)");
    return summary_of(t);
  }
  return read_tilse(text);
}

}  // namespace timeliner
