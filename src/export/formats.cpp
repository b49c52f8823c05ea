#include "export/event_json.hpp"

#include <timeliner/formats.hpp>
#include <timeliner/json.hpp>
#include <timeliner/tls.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace timeliner {
namespace {

using ojson = nlohmann::ordered_json;
constexpr auto kReplaceInvalid = nlohmann::json::error_handler_t::replace;

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

enum class Precision { year, month, day };

Precision precision_of(Grain g) {
  if (g <= Grain::year) return Precision::year;
  if (g == Grain::month) return Precision::month;
  return Precision::day;
}

ojson tl_date(date::sys_days d, Precision p) {
  const date::year_month_day ymd{d};
  ojson j;
  j["year"] = static_cast<int>(ymd.year());
  if (p != Precision::year) j["month"] = static_cast<unsigned>(ymd.month());
  if (p == Precision::day) j["day"] = static_cast<unsigned>(ymd.day());
  return j;
}

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

std::string readable(date::sys_days d, Precision p) {
  const date::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  // Astronomical years before AD 1 read as years BC: -217 is 218 BC.
  const std::string year = y <= 0 ? std::to_string(1 - y) + " BC" : std::to_string(y);
  const std::string month = kMonths[static_cast<unsigned>(ymd.month()) - 1];
  if (p == Precision::year) return year;
  if (p == Precision::month) return month + " " + year;
  return month + " " + std::to_string(static_cast<unsigned>(ymd.day())) + ", " + year;
}

// What a reader sees for a date that is not one day: "the 1990s", "January 2025", "about 2020".
std::optional<std::string> display_date(const TemporalValue& v) {
  const Interval& b = *v.bounds;
  const Precision p = precision_of(v.grain);
  std::string out;
  // TimelineJS counts negative years its own way: a date BC always says what it is ("218 BC").
  const bool bc = static_cast<int>(date::year_month_day{b.earliest}.year()) <= 0;
  if (v.grain == Grain::decade && v.timex.size() == 3) {
    out = "the " + v.timex + "0s";
  } else if (v.grain == Grain::decade && v.timex.size() == 5 && v.timex.rfind("BC", 0) == 0) {
    out = "the " + std::to_string(std::stoi(v.timex.substr(2))) + "0s BC";
  } else if (b.earliest == b.latest && v.grain >= Grain::day) {
    if (v.mod == Mod::none && !bc) return std::nullopt;
    out = readable(b.earliest, Precision::day);
  } else {
    const std::string from = readable(b.earliest, p), to = readable(b.latest, p);
    if (from == to)
      out = from;
    else if (v.timex.find('/') != std::string::npos)
      out = "from " + from + " to " + readable(b.latest, Precision::day);
    else
      out = from + " to " + to;
  }
  if (v.mod == Mod::approx) out = "about " + out;
  if (v.mod == Mod::start) out = "early " + out;
  if (v.mod == Mod::mid) out = "mid " + out;
  if (v.mod == Mod::end) out = "late " + out;
  return out;
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The documents an event was read in, each once, space-separated.
std::string event_documents(const Event& e) {
  std::vector<std::string> seen;
  for (const auto& m : e.mentions)
    if (std::find(seen.begin(), seen.end(), m.doc) == seen.end()) seen.push_back(m.doc);
  std::string out;
  for (const auto& d : seen) out += (out.empty() ? "" : " ") + d;
  return out;
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "json") return Format::json;
  if (name == "timelinejs") return Format::timelinejs;
  if (name == "csv") return Format::csv;
  if (name == "jsonl") return Format::jsonl;
  if (name == "tilse") return Format::tilse;
  return std::nullopt;
}

std::string timeline_to_timelinejs(const Timeline& t) {
  std::map<std::string, std::string> titles;
  for (const auto& d : t.documents) titles[d.id] = d.title.empty() ? d.id : d.title;
  ojson events = ojson::array();
  for (const auto& e : t.events) {
    const Precision p = precision_of(e.date.grain);
    ojson j;
    j["start_date"] = tl_date(e.date.bounds->earliest, p);
    if (tl_date(e.date.bounds->latest, p) != j["start_date"]) j["end_date"] = tl_date(e.date.bounds->latest, p);
    ojson text;
    text["headline"] = html_escape(e.headline);
    text["text"] = html_escape(e.text);
    j["text"] = std::move(text);
    if (auto shown = display_date(e.date)) j["display_date"] = *shown;
    const std::string& doc = e.mentions.front().doc;
    j["group"] = titles.count(doc) ? titles[doc] : doc;
    j["unique_id"] = e.id;
    events.push_back(std::move(j));
  }
  ojson root;
  root["events"] = std::move(events);
  return root.dump(2, ' ', false, kReplaceInvalid) + "\n";
}

std::string timeline_to_csv(const Timeline& t) {
  std::string out = "id,kind,value,type,granularity,earliest,latest,mod,anchor,headline,text,documents,mentions\r\n";
  for (const auto& e : t.events) {
    const std::string fields[] = {e.id,
                                  e.kind == EventKind::published ? "published" : "event",
                                  e.date.timex,
                                  std::string(to_string(e.date.type)),
                                  std::string(to_string(e.date.grain)),
                                  format_day(e.date.bounds->earliest),
                                  format_day(e.date.bounds->latest),
                                  std::string(to_string(e.date.mod)),
                                  std::string(to_string(e.date.anchor)),
                                  e.headline,
                                  e.text,
                                  event_documents(e),
                                  std::to_string(e.mentions.size())};
    bool first = true;
    for (const auto& f : fields) {
      if (!first) out += ',';
      out += csv_field(f);
      first = false;
    }
    out += "\r\n";
  }
  return out;
}

std::string timeline_to_jsonl(const Timeline& t) {
  std::string out;
  for (const auto& e : t.events) out += event_json(e).dump(-1, ' ', false, kReplaceInvalid) + "\n";
  return out;
}

std::string format_timeline(const Timeline& t, Format format) {
  switch (format) {
    case Format::timelinejs:
      return timeline_to_timelinejs(t);
    case Format::csv:
      return timeline_to_csv(t);
    case Format::jsonl:
      return timeline_to_jsonl(t);
    case Format::tilse:
      return to_tilse(summary_of(t));
    default:
      return timeline_to_json(t);
  }
}

}  // namespace timeliner
