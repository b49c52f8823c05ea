#include <timeliner/value.hpp>

#include <array>
#include <charconv>
#include <cstdio>
#include <ostream>
#include <utility>

namespace timeliner {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s) {
  for (const auto& [e, name] : table)
    if (name == s) return e;
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (const auto& [k, name] : table)
    if (k == e) return name;
  return {};
}

constexpr std::array<std::pair<TimexType, std::string_view>, 4> kTypes{{
    {TimexType::date, "DATE"},
    {TimexType::time, "TIME"},
    {TimexType::duration, "DURATION"},
    {TimexType::set, "SET"},
}};

constexpr std::array<std::pair<Grain, std::string_view>, 14> kGrains{{
    {Grain::century, "century"},
    {Grain::decade, "decade"},
    {Grain::year, "year"},
    {Grain::half, "half"},
    {Grain::season, "season"},
    {Grain::quarter, "quarter"},
    {Grain::month, "month"},
    {Grain::week, "week"},
    {Grain::weekend, "weekend"},
    {Grain::day, "day"},
    {Grain::part_of_day, "part_of_day"},
    {Grain::hour, "hour"},
    {Grain::minute, "minute"},
    {Grain::second, "second"},
}};

constexpr std::array<std::pair<Mod, std::string_view>, 13> kMods{{
    {Mod::none, ""},
    {Mod::start, "START"},
    {Mod::mid, "MID"},
    {Mod::end, "END"},
    {Mod::approx, "APPROX"},
    {Mod::before, "BEFORE"},
    {Mod::after, "AFTER"},
    {Mod::on_or_before, "ON_OR_BEFORE"},
    {Mod::on_or_after, "ON_OR_AFTER"},
    {Mod::more_than, "MORE_THAN"},
    {Mod::less_than, "LESS_THAN"},
    {Mod::equal_or_more, "EQUAL_OR_MORE"},
    {Mod::equal_or_less, "EQUAL_OR_LESS"},
}};

constexpr std::array<std::pair<AnchorKind, std::string_view>, 5> kAnchors{{
    {AnchorKind::none, "none"},
    {AnchorKind::explicit_, "explicit"},
    {AnchorKind::publication, "publication"},
    {AnchorKind::previous, "previous"},
    {AnchorKind::event, "event"},
}};

// Reads exactly `width` digits at s[pos...]; advances pos.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data() + pos, s.data() + pos + width, v);
  if (ec != std::errc{} || p != s.data() + pos + width) return std::nullopt;
  pos += width;
  return v;
}

}  // namespace

std::string_view to_string(TimexType t) { return name_of(kTypes, t); }
std::string_view to_string(Grain g) { return name_of(kGrains, g); }
std::string_view to_string(Mod m) { return name_of(kMods, m); }
std::string_view to_string(AnchorKind a) { return name_of(kAnchors, a); }

std::ostream& operator<<(std::ostream& os, TimexType t) { return os << to_string(t); }
std::ostream& operator<<(std::ostream& os, Grain g) { return os << to_string(g); }
std::ostream& operator<<(std::ostream& os, Mod m) { return os << (m == Mod::none ? "none" : to_string(m)); }
std::ostream& operator<<(std::ostream& os, AnchorKind a) { return os << to_string(a); }

std::optional<TimexType> parse_timex_type(std::string_view s) { return lookup(kTypes, s); }
std::optional<Grain> parse_grain(std::string_view s) { return lookup(kGrains, s); }
std::optional<Mod> parse_mod(std::string_view s) {
  if (s.empty()) return std::nullopt;
  return lookup(kMods, s);
}
std::optional<AnchorKind> parse_anchor(std::string_view s) { return lookup(kAnchors, s); }

std::string format_day(date::sys_days d) {
  const date::year_month_day ymd{d};
  const int y = int(ymd.year());
  char buf[32];
  // Years before AD 1 are astronomical with a sign, as ISO 8601 writes them: 218 BC is -0217.
  std::snprintf(buf, sizeof buf, "%s%04d-%02u-%02u", y < 0 ? "-" : "", y < 0 ? -y : y, unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

std::string format_instant(const Instant& i) {
  std::string out = format_day(i.day);
  if (!i.time_of_day) return out;
  const auto m = i.time_of_day->count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", int(m / 60), int(m % 60));
  out += buf;
  if (i.utc_offset) {
    const auto off = i.utc_offset->count();
    const auto a = off < 0 ? -off : off;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', int(a / 60), int(a % 60));
    out += buf;
  }
  return out;
}

std::optional<Instant> parse_instant(std::string_view s) {
  std::size_t pos = 0;
  const bool negative = !s.empty() && s[0] == '-';  // an astronomical year before AD 1: "-0217-06-01"
  if (negative) pos = 1;
  auto y = digits(s, pos, 4);
  if (y && negative) *y = -*y;
  if (!y || pos >= s.size() || s[pos++] != '-') return std::nullopt;
  auto mo = digits(s, pos, 2);
  if (!mo || pos >= s.size() || s[pos++] != '-') return std::nullopt;
  auto d = digits(s, pos, 2);
  if (!d) return std::nullopt;
  const date::year_month_day ymd{date::year{*y}, date::month{unsigned(*mo)}, date::day{unsigned(*d)}};
  if (!ymd.ok()) return std::nullopt;
  Instant out;
  out.day = date::sys_days{ymd};
  if (pos == s.size()) return out;
  if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
  ++pos;
  auto hh = digits(s, pos, 2);
  if (!hh || pos >= s.size() || s[pos++] != ':') return std::nullopt;
  auto mm = digits(s, pos, 2);
  if (!mm || *hh > 23 || *mm > 59) return std::nullopt;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    auto ss = digits(s, pos, 2);
    if (!ss || *ss > 60) return std::nullopt;
  }
  out.time_of_day = std::chrono::minutes{*hh * 60 + *mm};
  if (pos == s.size()) return out;
  if (s[pos] == 'Z' && pos + 1 == s.size()) {
    out.utc_offset = std::chrono::minutes{0};
    return out;
  }
  if (s[pos] != '+' && s[pos] != '-') return std::nullopt;
  const int sign = s[pos++] == '-' ? -1 : 1;
  auto oh = digits(s, pos, 2);
  if (!oh) return std::nullopt;
  int om = 0;
  if (pos < s.size()) {
    if (s[pos] == ':') ++pos;
    auto m = digits(s, pos, 2);
    if (!m) return std::nullopt;
    om = *m;
  }
  if (pos != s.size() || *oh > 14 || om > 59) return std::nullopt;
  out.utc_offset = std::chrono::minutes{sign * (*oh * 60 + om)};
  return out;
}

}  // namespace timeliner
