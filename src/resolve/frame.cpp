#include "resolve/frame.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <functional>
#include <utility>

namespace timeliner {
namespace {

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> parse_double(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || !(v >= 0) || v > 1e9) return std::nullopt;
  return v;
}

using Setter = bool (*)(Frame&, std::string_view);

template <std::optional<int> Frame::*Field, int Lo, int Hi>
bool set_int(Frame& f, std::string_view v) {
  auto i = parse_int(v);
  if (!i || *i < Lo || *i > Hi) return false;
  f.*Field = *i;
  return true;
}

// "1" sets a flag; nothing else is a value for one.
template <bool Frame::*Field>
bool set_flag(Frame& f, std::string_view v) {
  if (v != "1") return false;
  f.*Field = true;
  return true;
}

template <std::optional<Grain> Frame::*Field>
bool set_grain(Frame& f, std::string_view v) {
  auto g = parse_grain(v);
  if (!g) return false;
  f.*Field = *g;
  return true;
}

// An ordinal that cannot be zero: "the first weekend of May" 1, "the final weekend" -1.
template <std::optional<int> Frame::*Field>
bool set_nth(Frame& f, std::string_view v) {
  return v != "0" && set_int<Field, -1, 5>(f, v);
}

bool set_kind(Frame& f, std::string_view v) {
  static constexpr std::array<std::pair<std::string_view, FrameKind>, 6> kinds{{
      {"calendar", FrameKind::calendar},
      {"shift", FrameKind::shift},
      {"duration", FrameKind::duration},
      {"set", FrameKind::set},
      {"ref", FrameKind::ref},
      {"reject", FrameKind::reject},
  }};
  for (auto [name, k] : kinds)
    if (name == v) {
      f.kind = k;
      return true;
    }
  return false;
}

bool set_anchor(Frame& f, std::string_view v) {
  if (v == "auto")
    f.anchor = AnchorPolicy::automatic;
  else if (v == "publication")
    f.anchor = AnchorPolicy::publication;
  else if (v == "previous")
    f.anchor = AnchorPolicy::previous;
  else
    return false;
  return true;
}

bool set_type(Frame& f, std::string_view v) {
  auto t = parse_timex_type(v);
  if (!t) return false;
  f.type = *t;
  return true;
}

bool set_mod(Frame& f, std::string_view v) {
  auto m = parse_mod(v);
  if (!m) return false;
  f.mod = *m;
  return true;
}

bool set_amount(Frame& f, std::string_view v) {
  if (v == "X") {
    f.vague = true;
    f.amount.reset();
    return true;
  }
  auto d = parse_double(v);
  if (!d) return false;
  f.amount = *d;
  return true;
}

bool set_vague(Frame& f, std::string_view v) {
  if (v != "0" && v != "1") return false;
  f.vague = v == "1";
  return true;
}

bool set_holiday(Frame& f, std::string_view v) {
  // Checked for shape here; the resolver computes the day.
  if (v.empty() || v.size() > 16) return false;
  for (char c : v)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-' && c != '+' && c != '/' && c != 'E') return false;
  f.holiday = std::string(v);
  return true;
}

bool set_zone(Frame& f, std::string_view v) {
  // "-300" is a fixed offset; "-300 us" the standard offset of a zone that keeps US daylight time.
  constexpr std::string_view kUs = " us";
  const bool us = v.size() > kUs.size() && v.substr(v.size() - kUs.size()) == kUs;
  if (us) v.remove_suffix(kUs.size());
  if (!set_int<&Frame::zone, -14 * 60, 14 * 60>(f, v)) return false;
  f.zone_us_daylight = us;
  return true;
}

bool set_century_ordinal(Frame& f, std::string_view v) {  // "the 20th century" is TIMEX "19"
  if (!set_int<&Frame::century, 1, 100>(f, v)) return false;
  *f.century -= 1;
  return true;
}

// -1 before Christ, +1 after; nothing else.
bool set_era(Frame& f, std::string_view v) {
  if (v != "-1" && v != "1" && v != "+1") return false;
  f.era = v == "-1" ? -1 : 1;
  return true;
}

constexpr std::array<std::pair<std::string_view, Setter>, 66> kSetters{{
    {"kind", set_kind},
    {"type", set_type},
    {"anchor", set_anchor},
    {"century", set_int<&Frame::century, 0, 99>},
    {"decade", set_int<&Frame::decade, 0, 999>},
    {"year", set_int<&Frame::year, -9998, 9999>},
    {"year_bare", set_int<&Frame::year_bare, 1, 9999>},
    {"era", set_era},
    {"year2", set_int<&Frame::year2, 0, 99>},
    {"decade2", set_int<&Frame::decade2, 0, 9>},
    {"half", set_int<&Frame::half, 1, 2>},
    {"season", set_int<&Frame::season, 1, 4>},
    {"quarter", set_int<&Frame::quarter, 1, 4>},
    {"month", set_int<&Frame::month, 1, 12>},
    {"range_month", set_int<&Frame::range_month, 1, 12>},
    {"range_year", set_int<&Frame::range_year, -9998, 9999>},
    {"week", set_int<&Frame::week, 1, 53>},
    {"day", set_int<&Frame::day, 1, 31>},
    {"weekday", set_int<&Frame::weekday, 1, 7>},
    {"weekend", set_int<&Frame::weekend, 1, 1>},
    {"pod", set_int<&Frame::pod, 1, 5>},
    {"hour", set_int<&Frame::hour, 0, 24>},
    {"hour_open", set_int<&Frame::hour_open, 1, 12>},
    {"minute", set_int<&Frame::minute, 0, 59>},
    {"second", set_int<&Frame::second, 0, 59>},
    {"meridiem", set_int<&Frame::meridiem, 0, 1>},
    {"rel_minutes", set_int<&Frame::rel_minutes, 1, 59>},
    {"rel_dir", set_int<&Frame::rel_dir, -1, 1>},
    {"range_hour", set_int<&Frame::range_hour, 0, 24>},
    {"range_hour_open", set_int<&Frame::range_hour_open, 1, 12>},
    {"range_minute", set_int<&Frame::range_minute, 0, 59>},
    {"range_meridiem", set_int<&Frame::range_meridiem, 0, 1>},
    {"range_weekday", set_int<&Frame::range_weekday, 1, 7>},
    {"unit", set_grain<&Frame::unit>},
    {"amount", set_amount},
    {"vague", set_vague},
    {"dir", set_int<&Frame::dir, -1, 1>},
    {"side", set_int<&Frame::side, -1, 1>},
    {"lean", set_int<&Frame::lean, -1, 1>},
    {"from_event", set_int<&Frame::from_event, -1, 1>},
    {"ref", set_int<&Frame::ref, -1, 1>},
    {"times", set_int<&Frame::times, 1, 1000>},
    {"mod", set_mod},
    {"range_end", set_int<&Frame::range_end, 0, 9999>},
    {"zone", set_zone},
    {"holiday", set_holiday},
    {"same_period", set_flag<&Frame::same_period>},
    {"period", set_grain<&Frame::period>},
    {"comparative", set_flag<&Frame::comparative>},
    {"with_figures", set_flag<&Frame::with_figures>},
    {"at", set_grain<&Frame::at>},
    {"overnight", set_flag<&Frame::overnight>},
    {"plus_half", set_flag<&Frame::plus_half>},
    {"narrative", set_flag<&Frame::narrative>},
    {"rate", set_flag<&Frame::rate>},
    {"day_offset", set_int<&Frame::day_offset, -14, 14>},
    {"day_last", set_flag<&Frame::day_last>},
    {"next_week", set_flag<&Frame::next_week>},
    {"exact", set_flag<&Frame::exact>},
    {"ahead", set_flag<&Frame::ahead>},
    {"schedule_only", set_flag<&Frame::schedule_only>},
    {"year_dir", set_int<&Frame::year_dir, -1, 1>},
    {"numeric", set_int<&Frame::numeric, 1, 1>},
    {"nth_weekend", set_nth<&Frame::nth_weekend>},
    {"nth_week", set_nth<&Frame::nth_week>},
    {"century_ordinal", set_century_ordinal},
}};

static_assert(!kSetters.back().first.empty(), "kSetters has more room than entries");

Setter find_setter(std::string_view field) {
  for (auto [name, s] : kSetters)
    if (name == field) return s;
  return nullptr;
}

}  // namespace

bool set_frame_field(Frame& frame, std::string_view field, std::string_view value) {
  Setter s = find_setter(field);
  return s != nullptr && s(frame, value);
}

bool is_frame_field(std::string_view field) { return find_setter(field) != nullptr; }

}  // namespace timeliner
