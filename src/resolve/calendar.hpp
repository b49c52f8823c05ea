// Calendar positions at a grain: formatting as TIMEX3, bounds, and arithmetic in whole units.
#pragma once

#include <timeliner/value.hpp>

#include <date/date.h>

#include <optional>
#include <string>

namespace timeliner {

// A calendar unit at some grain, identified by its first day (and, for times, a clock position).
// Years are astronomical, as in the date library: 1 BC is year 0, 218 BC is year -217 (written
// BC0218 in a TIMEX3 value).
struct Point {
  Grain grain = Grain::day;
  date::sys_days day{};     // first day of the unit (for a season: its first day)
  int minute = -1;          // minute of the day for hour/minute grains, -1 otherwise
  int pod = 0;              // part of day 1..5 for the part_of_day grain
  std::optional<int> zone;  // minutes east of UTC, for TIME values given with a zone
  // The coarser grain (year, half, season, quarter or month) to which alone the unit is known:
  // "that night" told after "in August 1918" is a night of that month, 1918-08-XXTNI, whose
  // bounds are the month's. Unset when the unit is known at its own grain.
  std::optional<Grain> known;
  int second = 0;           // second of the minute for the second grain
};

// The unit of grain `g` that contains day `d` (for clock grains, pass the minute too).
Point unit_containing(date::sys_days d, Grain g, int minute = -1);

// Moves by n whole units of grain `by` (which may differ from p.grain: a day point moved by
// months keeps its day, clamped to the month's end). The result keeps p's grain.
Point shift(const Point& p, Grain by, long n);

// TIMEX3 value of a point: "2025", "2025-04", "2025-W15", "2025-Q2", "2025-SU", "199", "19",
// "BC0218", "BC047" (the 470s BC), "1918-08-XXTNI" (a night known to its month)...
std::string timex_of(const Point& p);

// A year as TIMEX3 writes it: "0476", "2025", "BC0218" for the astronomical year -217.
std::string timex_year(int year);

// Inclusive day bounds of a point, narrowed by START/MID/END mods for grains coarser than a day.
Interval bounds_of(const Point& p, Mod mod = Mod::none);

// Season number (1 spring .. 4 winter) and its year for a day. A winter is named by the year of
// its January, as climatology counts it and TIMEX2 annotators write it: the winter of 1777-78
// (December 1777 to February 1778) is 1778-WI.
std::pair<int, int> season_of(date::sys_days d);

// The first day of season `season` (1 spring .. 4 winter) named by `year`: 1778-WI begins on
// December 1, 1777.
date::sys_days season_start(int year, int season);

}  // namespace timeliner
