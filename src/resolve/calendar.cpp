#include "resolve/calendar.hpp"

#include <date/iso_week.h>

#include <cstdio>

namespace timeliner {
namespace {

using namespace date;

int year_of(sys_days d) { return int(year_month_day{d}.year()); }
unsigned month_of(sys_days d) { return unsigned(year_month_day{d}.month()); }

sys_days first_of_month(int y, unsigned m) { return sys_days{year{y} / month{m} / 1}; }

// Floor division for negative years.
int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

sys_days add_months(sys_days d, long n) {
  const year_month_day ymd{d};
  year_month ym = ymd.year() / ymd.month();
  ym += months{n};
  const auto month_end = (ym / date::last).day();
  const auto dd = ymd.day() > month_end ? month_end : ymd.day();
  return sys_days{ym / dd};
}

std::string four_digit_year(int y) {
  char buf[16];
  if (y < 0)
    std::snprintf(buf, sizeof buf, "-%04d", -y);
  else
    std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

}  // namespace

std::pair<int, int> season_of(date::sys_days d) {
  const int y = year_of(d);
  const unsigned m = month_of(d);
  if (m >= 3 && m <= 5) return {1, y};
  if (m >= 6 && m <= 8) return {2, y};
  if (m >= 9 && m <= 11) return {3, y};
  return {4, m == 12 ? y : y - 1};
}

Point unit_containing(date::sys_days d, Grain g, int minute) {
  Point p;
  p.grain = g;
  const int y = year_of(d);
  const unsigned m = month_of(d);
  switch (g) {
    case Grain::century:
      p.day = sys_days{year{floor_div(y, 100) * 100} / 1 / 1};
      break;
    case Grain::decade:
      p.day = sys_days{year{floor_div(y, 10) * 10} / 1 / 1};
      break;
    case Grain::year:
      p.day = first_of_month(y, 1);
      break;
    case Grain::half:
      p.day = first_of_month(y, m <= 6 ? 1 : 7);
      break;
    case Grain::quarter:
      p.day = first_of_month(y, (m - 1) / 3 * 3 + 1);
      break;
    case Grain::season: {
      auto [s, sy] = season_of(d);
      p.day = first_of_month(sy, s == 4 ? 12 : unsigned(s * 3));
      break;
    }
    case Grain::month:
      p.day = first_of_month(y, m);
      break;
    case Grain::week:
      p.day = d - (weekday{d} - Monday);
      break;
    case Grain::weekend: {
      const sys_days monday = d - (weekday{d} - Monday);
      p.day = monday + days{5};
      break;
    }
    case Grain::day:
    case Grain::part_of_day:
      p.day = d;
      break;
    case Grain::hour:
      p.day = d;
      p.minute = minute < 0 ? 0 : minute / 60 * 60;
      break;
    case Grain::minute:
    case Grain::second:
      p.day = d;
      p.minute = minute < 0 ? 0 : minute;
      break;
  }
  return p;
}

Point shift(const Point& p, Grain by, long n) {
  Point out = p;
  switch (by) {
    case Grain::century:
      out.day = add_months(p.day, n * 1200);
      break;
    case Grain::decade:
      out.day = add_months(p.day, n * 120);
      break;
    case Grain::year:
      out.day = add_months(p.day, n * 12);
      break;
    case Grain::half:
      out.day = add_months(p.day, n * 6);
      break;
    case Grain::season:
    case Grain::quarter:
      out.day = add_months(p.day, n * 3);
      break;
    case Grain::month:
      out.day = add_months(p.day, n);
      break;
    case Grain::week:
    case Grain::weekend:
      out.day = p.day + days{7 * n};
      break;
    case Grain::day:
    case Grain::part_of_day:
      out.day = p.day + days{n};
      break;
    case Grain::hour:
    case Grain::minute:
    case Grain::second: {
      const long step = by == Grain::hour ? 60 : by == Grain::minute ? 1 : 0;
      long total = (p.minute < 0 ? 0 : p.minute) + step * n;
      long day_shift = total >= 0 ? total / 1440 : -((-total + 1439) / 1440);
      total -= day_shift * 1440;
      out.day = p.day + days{day_shift};
      out.minute = static_cast<int>(total);
      break;
    }
  }
  // Re-normalise to the first day of the unit at the point's own grain.
  if (out.grain != Grain::part_of_day && out.grain != Grain::hour && out.grain != Grain::minute &&
      out.grain != Grain::second) {
    const int keep_pod = out.pod;
    out = unit_containing(out.day, out.grain);
    out.pod = keep_pod;
    out.zone = p.zone;
  }
  return out;
}

std::string timex_of(const Point& p) {
  const year_month_day ymd{p.day};
  const int y = int(ymd.year());
  const unsigned m = unsigned(ymd.month());
  char buf[64];
  switch (p.grain) {
    case Grain::century:
      std::snprintf(buf, sizeof buf, "%02d", floor_div(y, 100));
      return buf;
    case Grain::decade:
      std::snprintf(buf, sizeof buf, "%03d", floor_div(y, 10));
      return buf;
    case Grain::year:
      return four_digit_year(y);
    case Grain::half:
      return four_digit_year(y) + (m <= 6 ? "-H1" : "-H2");
    case Grain::quarter:
      return four_digit_year(y) + "-Q" + std::to_string((m - 1) / 3 + 1);
    case Grain::season: {
      static const char* names[] = {"", "SP", "SU", "FA", "WI"};
      auto [s, sy] = season_of(p.day);
      return four_digit_year(sy) + "-" + names[s];
    }
    case Grain::month:
      std::snprintf(buf, sizeof buf, "-%02u", m);
      return four_digit_year(y) + buf;
    case Grain::week:
    case Grain::weekend: {
      const iso_week::year_weeknum_weekday iw{p.day};
      std::snprintf(buf, sizeof buf, "-W%02u", unsigned(iw.weeknum()));
      std::string out = four_digit_year(int(iw.year())) + buf;
      if (p.grain == Grain::weekend) out += "-WE";
      return out;
    }
    case Grain::day:
      break;
    case Grain::part_of_day: {
      static const char* names[] = {"", "MO", "AF", "EV", "NI", "DT"};
      std::snprintf(buf, sizeof buf, "-%02u-%02uT%s", m, unsigned(ymd.day()),
                    names[p.pod >= 1 && p.pod <= 5 ? p.pod : 5]);
      return four_digit_year(y) + buf;
    }
    case Grain::hour:
    case Grain::minute:
    case Grain::second: {
      const int mm = p.minute < 0 ? 0 : p.minute;
      if (p.grain == Grain::hour)
        std::snprintf(buf, sizeof buf, "-%02u-%02uT%02d", m, unsigned(ymd.day()), mm / 60);
      else
        std::snprintf(buf, sizeof buf, "-%02u-%02uT%02d:%02d", m, unsigned(ymd.day()), mm / 60, mm % 60);
      std::string out = four_digit_year(y) + buf;
      if (p.zone) {
        const int z = *p.zone;
        const int a = z < 0 ? -z : z;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", z < 0 ? '-' : '+', a / 60, a % 60);
        out += buf;
      }
      return out;
    }
  }
  std::snprintf(buf, sizeof buf, "-%02u-%02u", m, unsigned(ymd.day()));
  return four_digit_year(y) + buf;
}

Interval bounds_of(const Point& p, Mod mod) {
  const Point u = unit_containing(p.day, p.grain == Grain::part_of_day || p.grain == Grain::hour ||
                                                 p.grain == Grain::minute || p.grain == Grain::second
                                             ? Grain::day
                                             : p.grain);
  sys_days first = u.day;
  sys_days last = first;
  switch (p.grain) {
    case Grain::century:
      last = sys_days{year{year_of(first) + 99} / 12 / 31};
      break;
    case Grain::decade:
      last = sys_days{year{year_of(first) + 9} / 12 / 31};
      break;
    case Grain::year:
      last = sys_days{year{year_of(first)} / 12 / 31};
      break;
    case Grain::half:
      last = add_months(first, 6) - days{1};
      break;
    case Grain::season:
    case Grain::quarter:
      last = add_months(first, 3) - days{1};
      break;
    case Grain::month:
      last = add_months(first, 1) - days{1};
      break;
    case Grain::week:
      last = first + days{6};
      break;
    case Grain::weekend:
      last = first + days{1};
      break;
    default:
      break;
  }
  if (mod == Mod::start || mod == Mod::mid || mod == Mod::end) {
    // Thirds: "early 2025" is January to April, "mid-February" the 11th to the 20th.
    long total_months = 0;
    switch (p.grain) {
      case Grain::century:
        total_months = 1200;
        break;
      case Grain::decade:
        total_months = 120;
        break;
      case Grain::year:
        total_months = 12;
        break;
      case Grain::half:
        total_months = 6;
        break;
      case Grain::season:
      case Grain::quarter:
        total_months = 3;
        break;
      default:
        break;
    }
    if (total_months > 0) {
      const long third = total_months / 3;
      const long from = mod == Mod::start ? 0 : mod == Mod::mid ? third : total_months - third;
      const long to = mod == Mod::start ? third : mod == Mod::mid ? total_months - third : total_months;
      last = add_months(first, to) - days{1};
      first = add_months(first, from);
    } else if (p.grain == Grain::month) {
      if (mod == Mod::start)
        last = first + days{9};
      else if (mod == Mod::mid) {
        first = first + days{10};
        last = first + days{9};
      } else
        first = first + days{20};
    }
  }
  return {first, last};
}

}  // namespace timeliner
