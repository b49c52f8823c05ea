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

bool set_unit(Frame& f, std::string_view v) {
  auto g = parse_grain(v);
  if (!g) return false;
  f.unit = *g;
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

constexpr std::array<std::pair<std::string_view, Setter>, 30> kSetters{{
    {"kind", set_kind},
    {"type", set_type},
    {"anchor", set_anchor},
    {"century", set_int<&Frame::century, 0, 99>},
    {"decade", set_int<&Frame::decade, 0, 999>},
    {"year", set_int<&Frame::year, 0, 9999>},
    {"year2", set_int<&Frame::year2, 0, 99>},
    {"decade2", set_int<&Frame::decade2, 0, 9>},
    {"half", set_int<&Frame::half, 1, 2>},
    {"season", set_int<&Frame::season, 1, 4>},
    {"quarter", set_int<&Frame::quarter, 1, 4>},
    {"month", set_int<&Frame::month, 1, 12>},
    {"range_month", set_int<&Frame::range_month, 1, 12>},
    {"week", set_int<&Frame::week, 1, 53>},
    {"day", set_int<&Frame::day, 1, 31>},
    {"weekday", set_int<&Frame::weekday, 1, 7>},
    {"weekend", set_int<&Frame::weekend, 1, 1>},
    {"pod", set_int<&Frame::pod, 1, 5>},
    {"hour", set_int<&Frame::hour, 0, 24>},
    {"minute", set_int<&Frame::minute, 0, 59>},
    {"meridiem", set_int<&Frame::meridiem, 0, 1>},
    {"unit", set_unit},
    {"amount", set_amount},
    {"vague", set_vague},
    {"dir", set_int<&Frame::dir, -1, 1>},
    {"side", set_int<&Frame::side, -1, 1>},
    {"lean", set_int<&Frame::lean, -1, 1>},
    {"ref", set_int<&Frame::ref, -1, 1>},
    {"times", set_int<&Frame::times, 1, 1000>},
    {"mod", set_mod},
}};

Setter find_setter(std::string_view field) {
  for (auto [name, s] : kSetters)
    if (name == field) return s;
  return nullptr;
}

}  // namespace

bool set_frame_field(Frame& frame, std::string_view field, std::string_view value) {
  if (field == "range_end") return set_int<&Frame::range_end, 0, 9999>(frame, value);
  if (field == "zone") {
    // "-300" is a fixed offset; "-300 us" the standard offset of a zone that keeps US daylight time.
    constexpr std::string_view kUs = " us";
    const bool us = value.size() > kUs.size() && value.substr(value.size() - kUs.size()) == kUs;
    if (us) value.remove_suffix(kUs.size());
    if (!set_int<&Frame::zone, -14 * 60, 14 * 60>(frame, value)) return false;
    frame.zone_us_daylight = us;
    return true;
  }
  if (field == "holiday") {
    // Checked for shape here; the resolver computes the day.
    if (value.empty() || value.size() > 16) return false;
    for (char c : value)
      if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-' && c != '+' && c != '/' && c != 'E') return false;
    frame.holiday = std::string(value);
    return true;
  }
  if (field == "same_period") {
    if (value != "1") return false;
    frame.same_period = true;
    return true;
  }
  if (field == "period") {
    auto g = parse_grain(value);
    if (!g) return false;
    frame.period = *g;
    return true;
  }
  if (field == "comparative") {
    if (value != "1") return false;
    frame.comparative = true;
    return true;
  }
  if (field == "with_figures") {
    if (value != "1") return false;
    frame.with_figures = true;
    return true;
  }
  if (field == "at") {
    auto g = parse_grain(value);
    if (!g) return false;
    frame.at = *g;
    return true;
  }
  if (field == "overnight") {
    if (value != "1") return false;
    frame.overnight = true;
    return true;
  }
  if (field == "plus_half") {
    if (value != "1") return false;
    frame.plus_half = true;
    return true;
  }
  if (field == "day_offset") return set_int<&Frame::day_offset, -14, 14>(frame, value);
  if (field == "year_dir") return set_int<&Frame::year_dir, -1, 1>(frame, value);
  if (field == "numeric") return set_int<&Frame::numeric, 1, 1>(frame, value);
  if (field == "nth_weekend") return value != "0" && set_int<&Frame::nth_weekend, -1, 5>(frame, value);
  if (field == "nth_week") return value != "0" && set_int<&Frame::nth_week, -1, 5>(frame, value);
  if (field == "century_ordinal") {  // "the 20th century" is TIMEX "19"
    if (!set_int<&Frame::century, 1, 100>(frame, value)) return false;
    *frame.century -= 1;
    return true;
  }
  Setter s = find_setter(field);
  return s != nullptr && s(frame, value);
}

bool is_frame_field(std::string_view field) {
  return field == "range_end" || field == "zone" || field == "holiday" || field == "same_period" || field == "period" ||
         field == "comparative" || field == "with_figures" || field == "plus_half" || field == "overnight" ||
         field == "at" || field == "year_dir" || field == "numeric" || field == "nth_weekend" || field == "nth_week" ||
         field == "century_ordinal" || find_setter(field) != nullptr;
}

}  // namespace timeliner
