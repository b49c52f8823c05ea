#include "support/checks.hpp"
#include <timeliner/text.hpp>
#include <timeliner/value.hpp>

#include <date/date.h>

#include <regex>

namespace timeliner::testing {

bool is_strict_utf8(std::string_view s) { return is_valid_utf8(s); }

namespace {

bool real_day(const std::string& y, const std::string& m, const std::string& d) {
  const date::year_month_day ymd{date::year{std::stoi(y)}, date::month{unsigned(std::stoi(m))},
                                 date::day{unsigned(std::stoi(d))}};
  return ymd.ok();
}

}  // namespace

bool is_timex3_value(std::string_view value) {
  std::string v(value);
  static const std::regex refs("PRESENT_REF|PAST_REF|FUTURE_REF");
  // A year before AD 1 is written with "BC" before its digits ("BC0218", the decade "BC047").
  const bool bc = v.rfind("BC", 0) == 0 && v.size() > 2 && v[2] >= '0' && v[2] <= '9';
  if (bc) v = v.substr(2);
  static const std::regex century_decade_year("[0-9]{2}|[0-9]{3}|[0-9]{4}");
  // A month, week, season... of a year; "XX" for a month or week known only to be in that year.
  static const std::regex year_part(
      "[0-9]{4}-(H[12]|Q[1-4]|SP|SU|FA|WI|0[1-9]|1[0-2]|XX|W(0[1-9]|[1-4][0-9]|5[0-3]|XX)(-WE)?)");
  // A day, optionally with a part of day or a clock time (hours, minutes, seconds; 24:00 for the
  // midnight that ends the day) and a zone; "XX" for a day (and month) known only to its month
  // (year): "1918-08-XXTNI".
  static const std::regex day(
      "([0-9]{4})-(0[1-9]|1[0-2]|XX)-(0[1-9]|[12][0-9]|3[01]|XX)"
      "(T(MO|AF|EV|NI|DT|(([01][0-9]|2[0-3])(:[0-5][0-9](:[0-5][0-9])?)?|24:00)(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])?))?");
  // Durations: one unit with a number or X ("P3D", "PXY", "P1.5Y", "P2DE", "P1WE"), or ISO 8601
  // combinations ("P2Y6M", "P1DT12H", "PT1H30M").
  static const std::regex one_unit("P([0-9]+(\\.[0-9]+)?|X)(Y|M|W|D|Q|DE|CE|WE)|PT([0-9]+(\\.[0-9]+)?|X)(H|M|S)");
  static const std::regex combined("P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+S)?)?");
  static const std::regex sets(
      "XXXX-WXX-[1-7](T(MO|AF|EV|NI|DT|([01][0-9]|2[0-3]):[0-5][0-9]|24:00))?|XXXX-(0[1-9]|1[0-2])|XXXX-XX-XXT(MO|AF|"
      "EV|NI|DT)");
  std::smatch m;
  if (std::regex_match(v, century_decade_year) || std::regex_match(v, year_part)) return true;
  if (std::regex_match(v, m, day)) {
    if (m[2] == "XX" && m[3] != "XX") return false;  // a day of an unknown month
    return m[3] == "XX" || real_day(bc ? std::to_string(1 - std::stoi(m[1])) : std::string(m[1]), m[2], m[3]);
  }
  if (bc) return false;
  if (std::regex_match(v, refs) || std::regex_match(v, one_unit) || std::regex_match(v, sets)) return true;
  if (v.size() > 1 && v != "PT" && v.back() != 'T' && std::regex_match(v, combined)) return true;
  return false;
}

std::string code_point_slice(std::string_view text, std::size_t begin, std::size_t end) {
  std::string out;
  std::size_t cp = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts && i > 0) ++cp;
    if (cp >= end) break;
    if (cp >= begin) out += text[i];
  }
  return out;
}

namespace {

std::string check_string(const nlohmann::json& obj, const char* key, const char* pattern = nullptr) {
  if (!obj.is_object() || !obj.contains(key)) return std::string("missing \"") + key + "\"";
  if (!obj.at(key).is_string()) return std::string("\"") + key + "\" is not a string";
  if (pattern && !std::regex_match(obj.at(key).get<std::string>(), std::regex(pattern)))
    return std::string("\"") + key + "\" does not match " + pattern;
  return {};
}

std::string check_count(const nlohmann::json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key)) return std::string("missing \"") + key + "\"";
  if (!obj.at(key).is_number_unsigned()) return std::string("\"") + key + "\" is not a count";
  return {};
}

}  // namespace

std::string timeline_schema_problem(const nlohmann::json& doc) {
  const char* kDay = "-?[0-9]{4,}-[0-9]{2}-[0-9]{2}";
  if (!doc.is_object()) return "not an object";
  if (doc.value("schema", "") != "timeliner.timeline/1") return "schema is not timeliner.timeline/1";
  if (!doc.contains("documents") || !doc["documents"].is_array()) return "documents is not an array";
  if (!doc.contains("events") || !doc["events"].is_array()) return "events is not an array";
  for (const auto& d : doc["documents"]) {
    for (const char* k : {"id", "title", "source", "published_from"})
      if (auto p = check_string(d, k); !p.empty()) return "document: " + p;
    if (d.contains("published"))
      if (auto p = check_string(
              d, "published", "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?");
          !p.empty())
        return "document: " + p;
  }
  for (const auto& e : doc["events"]) {
    for (const char* k : {"id", "headline", "text"})
      if (auto p = check_string(e, k); !p.empty()) return "event: " + p;
    if (!e.contains("date") || !e["date"].is_object()) return "event: no date object";
    const auto& date = e["date"];
    for (const char* k : {"value", "type", "granularity", "anchor"})
      if (auto p = check_string(date, k); !p.empty()) return "event date: " + p;
    for (const char* k : {"earliest", "latest"})
      if (auto p = check_string(date, k, kDay); !p.empty()) return "event date: " + p;
    // An event over a range ("from March to June 2024") has the ISO 8601 interval of its two ends.
    const std::string value = date["value"].get<std::string>();
    const auto slash = value.find('/');
    const bool ok = slash == std::string::npos
                        ? is_timex3_value(value)
                        : is_timex3_value(value.substr(0, slash)) && is_timex3_value(value.substr(slash + 1));
    if (!ok) return "event date: value is not TIMEX3 (or an interval of two)";
    const auto earliest = parse_instant(date["earliest"].get<std::string>());
    const auto latest = parse_instant(date["latest"].get<std::string>());
    if (!earliest || !latest) return "event: earliest or latest is not a day";
    if (earliest->day > latest->day) return "event: earliest > latest";
    if (!e.contains("mentions") || !e["mentions"].is_array() || e["mentions"].empty()) return "event: no mentions";
    for (const auto& m : e["mentions"]) {
      if (auto p = check_string(m, "doc"); !p.empty()) return "mention: " + p;
      if (auto p = check_string(m, "timex"); !p.empty()) return "mention: " + p;
      for (const char* k : {"start", "end", "timex_start", "timex_end"})
        if (auto p = check_count(m, k); !p.empty()) return "mention: " + p;
    }
  }
  return {};
}

}  // namespace timeliner::testing
