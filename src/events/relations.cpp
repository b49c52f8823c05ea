#include "events/relations.hpp"

#include "events/words.hpp"

#include <date/iso_week.h>

#include <array>
#include <charconv>

namespace timeliner::relations {
namespace {

std::optional<Grain> unit_of(std::string_view word) {
  std::string w = words::lower(word);
  if (w.size() > 1 && w.back() == 's') w.pop_back();
  if (w == "day") return Grain::day;
  if (w == "week") return Grain::week;
  if (w == "month") return Grain::month;
  if (w == "year") return Grain::year;
  return std::nullopt;
}

std::optional<int> number_of(std::string_view word) {
  const std::string w = words::lower(word);
  if (w == "a" || w == "an") return 1;
  const auto& names = words::entries(words::List::number_words);
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == w) return static_cast<int>(i);
  int n = 0;
  auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
  if (ec == std::errc() && p == w.data() + w.size() && n > 0 && n < 10000) return n;
  return std::nullopt;
}

// `v` in decimal with at least `width` digits, zeros before them, and "-" before a negative one
// (a year before AD 1, as ISO 8601 writes it: -0217).
std::string padded(int v, std::size_t width) {
  std::array<char, 16> digits{};
  const unsigned u = v < 0 ? 0u - static_cast<unsigned>(v) : static_cast<unsigned>(v);
  const char* end = std::to_chars(digits.data(), digits.data() + digits.size(), u).ptr;
  const auto n = static_cast<std::size_t>(end - digits.data());
  std::string out(v < 0 ? "-" : "");
  out.append(width > n ? width - n : 0, '0');
  out.append(digits.data(), n);
  return out;
}

std::string four_digits(int y) { return padded(y, 4); }
std::string two_digits(unsigned v) { return padded(static_cast<int>(v), 2); }

date::sys_days add_months(date::sys_days d, int months) {
  const date::year_month_day ymd{d};
  const date::year_month ym = date::year_month{ymd.year(), ymd.month()} + date::months{months};
  const date::day last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
  return date::sys_days{ym / (ymd.day() > last ? last : ymd.day())};
}

}  // namespace

std::optional<Offset> parse_iso_duration(std::string_view timex) {
  if (timex.size() < 3 || timex[0] != 'P') return std::nullopt;
  int n = 0;
  auto [p, ec] = std::from_chars(timex.data() + 1, timex.data() + timex.size() - 1, n);
  if (ec != std::errc() || p != timex.data() + timex.size() - 1 || n <= 0) return std::nullopt;
  switch (timex.back()) {
    case 'Y':
      return Offset{n, Grain::year};
    case 'M':
      return Offset{n, Grain::month};
    case 'W':
      return Offset{n, Grain::week};
    case 'D':
      return Offset{n, Grain::day};
    default:
      return std::nullopt;
  }
}

std::optional<Offset> parse_offset_words(std::string_view text) {
  const auto space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  auto rest = text.substr(space + 1);
  const auto n = number_of(text.substr(0, space));
  const auto unit = unit_of(rest.substr(0, rest.find(' ')));
  if (!n || !unit) return std::nullopt;
  return Offset{*n, *unit};
}

std::optional<TemporalValue> period_of(date::sys_days day, Grain g) {
  TemporalValue v;
  v.type = TimexType::date;
  v.grain = g;
  const date::year_month_day ymd{day};
  const int y = static_cast<int>(ymd.year());
  switch (g) {
    case Grain::year:
      v.timex = four_digits(y);
      v.bounds = Interval{date::sys_days{ymd.year() / 1 / 1}, date::sys_days{ymd.year() / 12 / 31}};
      break;
    case Grain::month:
      v.timex = four_digits(y) + "-" + two_digits(static_cast<unsigned>(ymd.month()));
      v.bounds = Interval{date::sys_days{ymd.year() / ymd.month() / 1},
                          date::sys_days{date::year_month_day_last{ymd.year(), date::month_day_last{ymd.month()}}}};
      break;
    case Grain::week: {
      const iso_week::year_weeknum_weekday w{day};
      v.timex = four_digits(static_cast<int>(w.year())) + "-W" + two_digits(static_cast<unsigned>(w.weeknum()));
      const date::sys_days monday{iso_week::year_weeknum_weekday{w.year(), w.weeknum(), iso_week::mon}};
      v.bounds = Interval{monday, monday + date::days{6}};
      break;
    }
    case Grain::day:
      v.timex = format_day(day);
      v.bounds = Interval{day, day};
      break;
    default:
      return std::nullopt;
  }
  return v;
}

std::optional<TemporalValue> shift(const TemporalValue& base, const Offset& offset, int sign) {
  if (!base.bounds) return std::nullopt;
  Grain g = base.grain < offset.unit ? base.grain : offset.unit;  // the coarser one
  if (g > Grain::day) g = Grain::day;
  if (g < Grain::year) return std::nullopt;
  if (g == Grain::weekend) g = Grain::week;
  if (g == Grain::half || g == Grain::season || g == Grain::quarter) g = Grain::month;  // the closest we can name
  const auto& b = *base.bounds;
  date::sys_days mid = b.earliest + (b.latest - b.earliest) / 2;
  const int n = sign * offset.count;
  switch (offset.unit) {
    case Grain::year:
      mid = add_months(mid, 12 * n);
      break;
    case Grain::month:
      mid = add_months(mid, n);
      break;
    case Grain::week:
      mid += date::days{7 * n};
      break;
    default:
      mid += date::days{n};
      break;
  }
  auto v = period_of(mid, g);
  if (v) v->anchor = AnchorKind::event;
  return v;
}

TemporalValue until_publication(const TemporalValue& start, date::sys_days published) {
  TemporalValue v = start;
  v.type = TimexType::date;
  v.mod = Mod::none;
  v.timex = start.timex + "/" + format_day(published);
  const date::sys_days from = start.bounds ? start.bounds->earliest : published;
  v.bounds = Interval{from < published ? from : published, published};
  return v;
}

}  // namespace timeliner::relations
