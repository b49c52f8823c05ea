#include "resolve/calendar.hpp"

#include <date/iso_week.h>

#include <algorithm>
#include <cstdio>

namespace timeliner {
namespace {

using namespace date;

int year_of(sys_days d) { return int(year_month_day{d}.year()); }
unsigned month_of(sys_days d) { return unsigned(year_month_day{d}.month()); }

sys_days first_of_month(int y, unsigned m) { return sys_days{year{y} / month{m} / 1}; }

// The first and last (astronomical) years of the decade (size 10) or century (size 100) that holds
// year y, and its number as TIMEX3 writes it: 1990-1999 is the decade 199; 479-470 BC (-478..-469)
// the decade BC047; 500-401 BC the century BC04. Neither era has a year 0: the first decade AD
// begins in AD 1, the last decade BC ends in 1 BC (year 0).
struct EraSpan {
  int first, last, number;
  bool bc;
};
EraSpan era_span(int y, int size) {
  if (y >= 1) {
    const int n = y / size;
    return {std::max(n * size, 1), n * size + size - 1, n, false};
  }
  const int n = (1 - y) / size;
  return {1 - (n * size + size - 1), 1 - std::max(n * size, 1), n, true};
}

sys_days add_months(sys_days d, long n) {
  const year_month_day ymd{d};
  year_month ym = ymd.year() / ymd.month();
  ym += months{n};
  const auto month_end = (ym / date::last).day();
  const auto dd = ymd.day() > month_end ? month_end : ymd.day();
  return sys_days{ym / dd};
}

}  // namespace

std::string timex_year(int y) {
  char buf[16];
  if (y <= 0)
    std::snprintf(buf, sizeof buf, "BC%04d", 1 - y);
  else
    std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

std::pair<int, int> season_of(date::sys_days d) {
  const int y = year_of(d);
  const unsigned m = month_of(d);
  if (m >= 3 && m <= 5) return {1, y};
  if (m >= 6 && m <= 8) return {2, y};
  if (m >= 9 && m <= 11) return {3, y};
  return {4, m == 12 ? y + 1 : y};
}

date::sys_days season_start(int year, int season) {
  return season == 4 ? first_of_month(year - 1, 12) : first_of_month(year, unsigned(season * 3));
}

Point unit_containing(date::sys_days d, Grain g, int minute) {
  Point p;
  p.grain = g;
  const int y = year_of(d);
  const unsigned m = month_of(d);
  switch (g) {
    case Grain::century:
      p.day = sys_days{year{era_span(y, 100).first} / 1 / 1};
      break;
    case Grain::decade:
      p.day = sys_days{year{era_span(y, 10).first} / 1 / 1};
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
      p.day = season_start(sy, s);
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
    out.known = p.known;
  }
  return out;
}

std::string timex_of(const Point& p) {
  const year_month_day ymd{p.day};
  const int y = int(ymd.year());
  const unsigned m = unsigned(ymd.month());
  // A unit known only to a coarser grain writes X for what is unknown: its month when only the
  // year (or a season, quarter or half of it) is known, its day when only the month is.
  const bool month_known = !p.known || *p.known >= Grain::month;
  const bool day_known = !p.known;
  char buf[64];
  auto month_text = [&] {
    if (!month_known) return std::string("-XX");
    std::snprintf(buf, sizeof buf, "-%02u", m);
    return std::string(buf);
  };
  auto day_text = [&] {
    std::string out = month_text();
    if (!day_known) return out + "-XX";
    std::snprintf(buf, sizeof buf, "-%02u", unsigned(ymd.day()));
    return out + buf;
  };
  switch (p.grain) {
    case Grain::century:
    case Grain::decade: {
      const EraSpan e = era_span(y, p.grain == Grain::century ? 100 : 10);
      std::snprintf(buf, sizeof buf, p.grain == Grain::century ? "%s%02d" : "%s%03d", e.bc ? "BC" : "", e.number);
      return buf;
    }
    case Grain::year:
      return timex_year(y);
    case Grain::half:
      return timex_year(y) + (m <= 6 ? "-H1" : "-H2");
    case Grain::quarter:
      return timex_year(y) + "-Q" + std::to_string((m - 1) / 3 + 1);
    case Grain::season: {
      static const char* names[] = {"", "SP", "SU", "FA", "WI"};
      auto [s, sy] = season_of(p.day);
      return timex_year(sy) + "-" + names[s];
    }
    case Grain::month:
      return timex_year(y) + month_text();
    case Grain::week:
    case Grain::weekend: {
      const iso_week::year_weeknum_weekday iw{p.day};
      std::string out = timex_year(p.known ? y : int(iw.year()));
      if (p.known) {
        out += "-WXX";
      } else {
        std::snprintf(buf, sizeof buf, "-W%02u", unsigned(iw.weeknum()));
        out += buf;
      }
      if (p.grain == Grain::weekend) out += "-WE";
      return out;
    }
    case Grain::day:
      break;
    case Grain::part_of_day: {
      static const char* names[] = {"", "MO", "AF", "EV", "NI", "DT"};
      return timex_year(y) + day_text() + "T" + names[p.pod >= 1 && p.pod <= 5 ? p.pod : 5];
    }
    case Grain::hour:
    case Grain::minute:
    case Grain::second: {
      const int mm = p.minute < 0 ? 0 : p.minute;
      std::string out = timex_year(y) + day_text();
      if (p.grain == Grain::hour)
        std::snprintf(buf, sizeof buf, "T%02d", mm / 60);
      else if (p.grain == Grain::second)
        std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", mm / 60, mm % 60, p.second);
      else
        std::snprintf(buf, sizeof buf, "T%02d:%02d", mm / 60, mm % 60);
      out += buf;
      if (p.zone) {
        const int z = *p.zone;
        const int a = z < 0 ? -z : z;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", z < 0 ? '-' : '+', a / 60, a % 60);
        out += buf;
      }
      return out;
    }
  }
  return timex_year(y) + day_text();
}

Interval bounds_of(const Point& p, Mod mod) {
  if (p.known) {
    // Known only to a coarser unit: the bounds of that unit.
    Point coarse = unit_containing(p.day, *p.known);
    return bounds_of(coarse, mod);
  }
  const Point u = unit_containing(p.day, p.grain == Grain::part_of_day || p.grain == Grain::hour ||
                                                 p.grain == Grain::minute || p.grain == Grain::second
                                             ? Grain::day
                                             : p.grain);
  sys_days first = u.day;
  sys_days last = first;
  switch (p.grain) {
    case Grain::century:
    case Grain::decade:
      last = sys_days{year{era_span(year_of(first), p.grain == Grain::century ? 100 : 10).last} / 12 / 31};
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
