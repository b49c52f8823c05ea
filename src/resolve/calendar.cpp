#include "resolve/calendar.hpp"

#include <date/iso_week.h>

#include <algorithm>

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

// `v` in decimal with at least `width` characters, zeros after the sign: printf's "%0*d".
void append_padded(std::string& out, long v, int width) {
  if (v < 0) {
    out += '-';
    --width;
  }
  unsigned long u = v < 0 ? 0ul - static_cast<unsigned long>(v) : static_cast<unsigned long>(v);
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  for (int k = n; k < width; ++k) out += '0';
  while (n > 0) out += digits[--n];
}

void append_year(std::string& out, int y) {
  if (y <= 0) out += "BC";
  append_padded(out, y <= 0 ? 1 - static_cast<long>(y) : y, 4);
}

}  // namespace

std::string timex_year(int y) {
  std::string out;
  append_year(out, y);
  return out;
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
  std::string out;  // short enough to stay in the string itself ("2025-04-17T09:30-04:00" aside)
  auto month_text = [&] {
    out += '-';
    if (month_known)
      append_padded(out, m, 2);
    else
      out += "XX";
  };
  auto day_text = [&] {
    month_text();
    out += '-';
    if (day_known)
      append_padded(out, unsigned(ymd.day()), 2);
    else
      out += "XX";
  };
  switch (p.grain) {
    case Grain::century:
    case Grain::decade: {
      const EraSpan e = era_span(y, p.grain == Grain::century ? 100 : 10);
      if (e.bc) out += "BC";
      append_padded(out, e.number, p.grain == Grain::century ? 2 : 3);
      return out;
    }
    case Grain::year:
      append_year(out, y);
      return out;
    case Grain::half:
      append_year(out, y);
      out += m <= 6 ? "-H1" : "-H2";
      return out;
    case Grain::quarter:
      append_year(out, y);
      out += "-Q";
      append_padded(out, (m - 1) / 3 + 1, 1);
      return out;
    case Grain::season: {
      static const char* names[] = {"", "SP", "SU", "FA", "WI"};
      auto [s, sy] = season_of(p.day);
      append_year(out, sy);
      out += '-';
      out += names[s];
      return out;
    }
    case Grain::month:
      append_year(out, y);
      month_text();
      return out;
    case Grain::week:
    case Grain::weekend: {
      const iso_week::year_weeknum_weekday iw{p.day};
      append_year(out, p.known ? y : int(iw.year()));
      out += "-W";
      if (p.known)
        out += "XX";
      else
        append_padded(out, unsigned(iw.weeknum()), 2);
      if (p.grain == Grain::weekend) out += "-WE";
      return out;
    }
    case Grain::day:
      break;
    case Grain::part_of_day: {
      static const char* names[] = {"", "MO", "AF", "EV", "NI", "DT"};
      append_year(out, y);
      day_text();
      out += 'T';
      out += names[p.pod >= 1 && p.pod <= 5 ? p.pod : 5];
      return out;
    }
    case Grain::hour:
    case Grain::minute:
    case Grain::second: {
      const int mm = p.minute < 0 ? 0 : p.minute;
      append_year(out, y);
      day_text();
      out += 'T';
      append_padded(out, mm / 60, 2);
      if (p.grain != Grain::hour) {
        out += ':';
        append_padded(out, mm % 60, 2);
      }
      if (p.grain == Grain::second) {
        out += ':';
        append_padded(out, p.second, 2);
      }
      if (p.zone) {
        const int z = *p.zone;
        const int a = z < 0 ? -z : z;
        out += z < 0 ? '-' : '+';
        append_padded(out, a / 60, 2);
        out += ':';
        append_padded(out, a % 60, 2);
      }
      return out;
    }
  }
  append_year(out, y);
  day_text();
  return out;
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
