#include "resolve/resolver.hpp"

#include <date/iso_week.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace timeliner {
namespace {

using namespace date;

struct Anchor {
  Point point;  // day grain, with the clock minute when known
  AnchorKind kind;
};

int year_of(sys_days d) { return int(year_month_day{d}.year()); }

// Whether an underspecified date of news (a bare month, a weekday, a season) is told inside a
// flashback: a date opening a sentence of its paragraph ("In 2012, ...") set the time of what
// follows, and the story's time is now of another year than the publication's. A weekday needs a
// week or a day to hang on ("On March 3, 2012, ... on Sunday night"). Deictic words ("yesterday",
// "last week") still hang on the publication date.
bool in_flashback(const Frame& f, const ResolveContext& ctx) {
  if (ctx.doc_type != DocType::news || !ctx.story || !ctx.publication || !ctx.frame ||
      ctx.frame->paragraph != ctx.paragraph || ctx.story->paragraph != ctx.paragraph ||
      ctx.frame->anchor == AnchorKind::publication || ctx.story->anchor == AnchorKind::publication)
    return false;
  const int published = year_of(ctx.publication->day);
  const Point& now = ctx.story->point;
  if (ctx.frame->point.grain < Grain::year || year_of(ctx.frame->point.day) == published || now.grain < Grain::year ||
      year_of(now.day) == published)
    return false;
  return !f.weekday || (now.grain >= Grain::week && !now.known);
}

// The anchor of a frame: the publication date or the story's time, by the frame's policy and the
// document type. `underspecified`: a calendar frame that lacks its year (or more), whose news
// flashbacks anchor it too.
std::optional<Anchor> choose_anchor(const Frame& f, const ResolveContext& ctx, bool underspecified = false) {
  AnchorPolicy policy = f.anchor;
  if (policy == AnchorPolicy::automatic)
    policy = ctx.doc_type == DocType::narrative || (underspecified && in_flashback(f, ctx)) ? AnchorPolicy::previous
                                                                                            : AnchorPolicy::publication;
  // An underspecified date hangs on the story's time, an anaphor on the date narrated last.
  const std::optional<Narrated>& from = underspecified && f.anchor == AnchorPolicy::automatic ? ctx.story : ctx.last;
  if (policy == AnchorPolicy::previous && from) return Anchor{from->point, AnchorKind::previous};
  if (!ctx.publication) return std::nullopt;
  Point p;
  p.grain = Grain::day;
  p.day = ctx.publication->day;
  if (ctx.publication->time_of_day) p.minute = static_cast<int>(ctx.publication->time_of_day->count());
  return Anchor{p, AnchorKind::publication};
}

Point day_point(sys_days d) {
  Point p;
  p.grain = Grain::day;
  p.day = d;
  return p;
}

// Distance in days from the anchor day to the interval of a candidate (0 when inside).
long distance(const Interval& iv, sys_days anchor) {
  if (anchor < iv.earliest) return (iv.earliest - anchor).count();
  if (anchor > iv.latest) return (anchor - iv.latest).count();
  return 0;
}

// Chooses among candidate points the one a reader means, given a direction or the tense.
// dir -1: the last one that ends before the anchor's own unit; +1: the first that starts after;
// 0: the one containing the anchor or, failing that, the nearest. far_cue: the tense cue is far
// before the mention; adjacent_cue: it is the word right before it.
std::optional<Point> choose(const std::vector<Point>& candidates, sys_days anchor, std::optional<int> dir, Tense tense,
                            bool far_cue = false, bool adjacent_cue = false) {
  std::optional<Point> best;
  long best_score = std::numeric_limits<long>::max();
  for (const Point& c : candidates) {
    const Interval iv = bounds_of(c);
    long score;
    if (dir && *dir < 0) {
      if (iv.latest >= anchor) continue;
      score = (anchor - iv.latest).count();
    } else if (dir && *dir > 0) {
      if (iv.earliest <= anchor) continue;
      score = (iv.earliest - anchor).count();
    } else if (dir) {
      score = distance(iv, anchor);
    } else if (tense == Tense::past || tense == Tense::reported) {
      if (iv.earliest > anchor) continue;
      score = distance(iv, anchor);
    } else if (tense == Tense::future) {
      if (iv.latest < anchor) continue;
      score = distance(iv, anchor);
    } else {
      // Nearest; on a tie the earlier one (news reports more often look back).
      score = distance(iv, anchor) * 2 + (iv.earliest > anchor ? 1 : 0);
    }
    if (score < best_score) {
      best_score = score;
      best = c;
    }
  }
  if (best && !dir && (tense == Tense::past || tense == Tense::reported) && !adjacent_cue &&
      (best->grain == Grain::day || (best->grain == Grain::month && tense == Tense::reported))) {
    // A past cue a year back, while the same day is weeks ahead ("the vote on Jan. 14" in a report
    // of Jan. 7) or, after a reporting verb, the same month is about to begin: the near one. Not
    // when the cue is the verb of the date itself ("the quarter ended Oct. 31" told on Oct. 27).
    const long horizon = best->grain == Grain::day ? 45 : 31;
    for (const Point& c : candidates) {
      const Interval iv = bounds_of(c);
      if (iv.earliest > anchor && (iv.earliest - anchor).count() <= horizon && distance(bounds_of(*best), anchor) > 150)
        best = c;
    }
  }
  if (best && !dir && tense == Tense::future && far_cue && best->grain == Grain::day &&
      distance(bounds_of(*best), anchor) > 150) {
    // A future cue far before the day, a year ahead, while the same day was a few weeks ago ("the
    // mayor will visit the towns that were hit by the March 3 flood" in a report of March 14): the
    // cue belongs to another verb, the near day is meant.
    for (const Point& c : candidates) {
      const Interval iv = bounds_of(c);
      if (iv.latest < anchor && (anchor - iv.latest).count() <= 45) best = c;
    }
  }
  return best;
}

// Chooses among candidate points the one a story means, from the story's time `now` (the interval
// of the date narrated last). A story moves forward, and turns back now and then: a candidate
// inside `now` is taken first; otherwise the nearest, where a step back counts twice a step ahead
// ("in early October 1939 ... by late September" is that September, a week back; "on December 7,
// 1941 ... in January" the January three weeks ahead; "in March 2008 ... by October" that
// October). Told in the future ("would", "will"), only what lies ahead; in the past perfect
// ("had"), a step back counts once and one ahead four times (the perfect may belong to another
// clause: "the offensives had succeeded and, ..., on June 4 Rome was captured" is the June ahead).
// Nothing when no candidate fits.
std::optional<Point> choose_in_story(const std::vector<Point>& candidates, const Interval& now, Tense tense,
                                     bool anterior) {
  const bool ahead_only = tense == Tense::future || tense == Tense::prospective;
  std::optional<Point> best;
  long best_score = std::numeric_limits<long>::max();
  for (const Point& c : candidates) {
    const Interval iv = bounds_of(c);
    long score = 0;
    if (iv.earliest > now.latest) {
      score = (anterior ? 4 : 1) * (iv.earliest - now.latest).count();
    } else if (iv.latest < now.earliest) {
      if (ahead_only) continue;
      score = (anterior ? 1 : 2) * (now.earliest - iv.latest).count();
    }
    if (score < best_score) {
      best_score = score;
      best = c;
    }
  }
  return best;
}

std::optional<sys_days> make_day(int y, int m, int d) {
  const year_month_day ymd{year{y}, month{unsigned(m)}, day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

sys_days month_start(int y, int m) { return sys_days{year{y} / month{unsigned(m)} / 1}; }

int last_day(int y, int m) {
  return int(unsigned(year_month_day_last{year{y} / month{unsigned(m)} / date::last}.day()));
}

int expand_two_digit_year(int y2, const ResolveContext& ctx) {
  const int ref = ctx.publication ? year_of(ctx.publication->day) : 2000;
  int y = (ref / 100) * 100 + y2;
  if (y > ref + 20) y -= 100;
  return y;
}

std::string number_text(double v) {
  char buf[32];
  if (std::floor(v) == v)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// TIMEX3 duration of n units ("P3D", "PT2H", "P20Y", "PXY" when n is unknown). Whole decades and
// centuries are years ("two decades" is P20Y), as news is annotated, or, as history is
// (`timex2_units`, in a narrative), decades and centuries ("the past two centuries" P2CE).
std::string duration_value(std::optional<double> n, Grain unit, bool timex2_units = false) {
  if (n && (unit == Grain::season || unit == Grain::half)) {
    n = *n * (unit == Grain::half ? 6 : 3);
    unit = Grain::month;
  }
  if (n && (unit == Grain::decade || unit == Grain::century) && !(timex2_units && std::floor(*n) == *n)) {
    n = *n * (unit == Grain::decade ? 10 : 100);  // "two decades" is P20Y
    unit = Grain::year;
  }
  if (n && std::floor(*n) != *n && *n < 1e6) {
    // A fraction goes to the next smaller unit: "2 1/2 years" is P2Y6M, "half an hour" PT30M.
    const double whole = std::floor(*n), part = *n - whole;
    auto mixed = [&](const char* prefix, const char* big, double per, const char* small) {
      std::string out = prefix;
      if (whole > 0) out += number_text(whole) + big;
      return out + number_text(std::round(part * per)) + small;
    };
    switch (unit) {
      case Grain::year:
        return mixed("P", "Y", 12, "M");
      case Grain::month:
        return mixed("P", "M", 30, "D");
      case Grain::week:
        return mixed("P", "W", 7, "D");
      case Grain::day:
        return whole > 0 ? "P" + number_text(whole) + "DT" + number_text(std::round(part * 24)) + "H"
                         : "PT" + number_text(std::round(part * 24)) + "H";
      case Grain::hour:
        return mixed("PT", "H", 60, "M");
      case Grain::minute:
        return mixed("PT", "M", 60, "S");
      default:
        break;
    }
  }
  std::string amount = n ? number_text(*n) : "X";
  switch (unit) {
    case Grain::century:
      return "P" + amount + "CE";
    case Grain::decade:
      return "P" + amount + "DE";
    case Grain::year:
      return "P" + amount + "Y";
    case Grain::quarter:
      return "P" + amount + "Q";
    case Grain::half:
    case Grain::season:
      return "PXM";
    case Grain::month:
      return "P" + amount + "M";
    case Grain::week:
      return "P" + amount + "W";
    case Grain::weekend:
      return "P" + amount + "WE";
    case Grain::day:
      return "P" + amount + "D";
    case Grain::part_of_day:
      return "P" + amount + "D";
    case Grain::hour:
      return "PT" + amount + "H";
    case Grain::minute:
      return "PT" + amount + "M";
    case Grain::second:
      return "PT" + amount + "S";
  }
  return "P" + amount + "D";
}

// The value of a day, week, month or year of no date ("XXXX-XX-XX", "XXXX-WXX"); null for another unit.
const char* any_unit_value(Grain unit) {
  switch (unit) {
    case Grain::day:
      return "XXXX-XX-XX";
    case Grain::week:
      return "XXXX-WXX";
    case Grain::month:
      return "XXXX-XX";
    case Grain::year:
      return "XXXX";
    default:
      return nullptr;
  }
}

bool is_clock(Grain g) {
  return g == Grain::part_of_day || g == Grain::hour || g == Grain::minute || g == Grain::second;
}

Resolved finish(const Frame& f, Point p, AnchorKind anchor) {
  // "The week of March 6": the (ISO) week that contains the day; a Sunday starts the week after it,
  // as weeks named this way begin on Sunday in American usage. A holiday's week ("Easter week")
  // is the one it falls in.
  if (f.kind == FrameKind::calendar && f.period == Grain::week && p.grain == Grain::day)
    p = unit_containing(weekday{p.day} == Sunday && f.holiday.empty() ? p.day + days{1} : p.day, Grain::week);
  Resolved r;
  r.point = p;
  r.value.grain = p.grain;
  r.value.type = is_clock(p.grain) ? TimexType::time : TimexType::date;
  r.value.timex = timex_of(p);
  r.value.mod = f.mod;
  r.value.bounds = bounds_of(p, f.mod);
  r.value.anchor = anchor;
  return r;
}

// The weekend whose Saturday is the n-th in [first, end], counted from the end when n < 0.
std::optional<Point> nth_weekend_in(sys_days first, sys_days end, int n) {
  if (n == 0) return std::nullopt;
  sys_days sat = n > 0 ? first : end;
  while (weekday{sat} != Saturday) sat += days{n > 0 ? 1 : -1};
  sat += days{7 * (n > 0 ? n - 1 : n + 1)};
  if (sat < first || sat > end) return std::nullopt;
  return unit_containing(sat, Grain::weekend);
}

// "the first weekend of May" (month set) or "the final weekend of the year" in year y.
std::optional<Point> nth_weekend_of(const Frame& f, int y) {
  const sys_days first = month_start(y, f.month.value_or(1));
  const sys_days end =
      f.month ? sys_days{year{y} / month{unsigned(*f.month)} / last} : sys_days{year{y} / December / 31};
  return nth_weekend_in(first, end, *f.nth_weekend);
}

// "the first Monday of June" (the weekday and n of the frame, n < 0 from the month's end) in year y.
std::optional<Point> nth_weekday_of(const Frame& f, int y) {
  const weekday wd{unsigned(*f.weekday % 7)};  // 1 Monday .. 7 Sunday; date's weekday takes 0 for Sunday
  const year_month ym = year{y} / month{unsigned(*f.month)};
  sys_days d;
  if (*f.nth_week > 0) {
    const year_month_day_last end{ym / last};
    d = sys_days{ym / wd[unsigned(*f.nth_week)]};
    if (d > sys_days{end}) return std::nullopt;
  } else {
    d = sys_days{ym / wd[last]};
  }
  return day_point(d);
}

// "the first week of March": the ISO week holding the month's 4th day (as ISO weeks hold their
// year's 4 January), then the n-th after it; "the last week": the week holding the 4th day from
// the month's end. Nothing when the week would leave the month.
std::optional<Point> nth_week_of(int y, int m, int n) {
  const sys_days first = month_start(y, m), last = sys_days{year{y} / month{unsigned(m)} / date::last};
  const sys_days d = n > 0 ? first + days{3 + 7 * (n - 1)} : last - days{3 + 7 * (-n - 1)};
  if (d < first || d > last) return std::nullopt;
  return unit_containing(d, Grain::week);
}

// The half of the day (0 morning, 1 afternoon) of an hour written without one ("at 4", "9:30"),
// read in a schedule by the hours people meet: 8 to 11 in the morning, 12 to 7 in the afternoon
// or evening ("dinner at 7"), 1 to 6 and 12 too.
int office_half(int hour) { return hour >= 8 && hour <= 11 ? 0 : 1; }

// The minute of the day of a frame's clock (24 * 60 for midnight ending the day), or nothing. An
// hour written without its half of the day takes it from `half` when given, else from the part of
// the day told with it ("this evening at 8", "tonight at 12" is midnight), else, in a schedule,
// from office hours; elsewhere it is read as written ("at 9:30" is 09:30). "A quarter past 3pm",
// "ten to 5pm": minutes after or before the hour.
std::optional<int> clock_minute(const Frame& f, DocType type, std::optional<int> half = std::nullopt) {
  if (!f.hour && !f.hour_open) return std::nullopt;
  int h = f.hour ? *f.hour : *f.hour_open;
  std::optional<int> meridiem = f.meridiem;
  if (!meridiem && h >= 1 && h <= 12) {
    if (half) {
      meridiem = *half;
    } else if (f.pod) {
      // Morning; afternoon and evening; at night 6 to 11 in the evening, 12 its midnight.
      if (*f.pod == 1) meridiem = 0;
      if (*f.pod == 2 || *f.pod == 3 || (*f.pod == 4 && h >= 6)) meridiem = 1;
      if ((*f.pod == 3 || *f.pod == 4) && h == 12) h = 24;
    } else if (f.hour_open && type == DocType::schedule) {
      meridiem = office_half(h);
    }
  }
  if (meridiem && h != 24) {
    if (h < 1 || h > 12) return std::nullopt;
    if (*meridiem == 1 && h < 12) h += 12;
    if (*meridiem == 0 && h == 12) h = 0;
  }
  int minute = h * 60 + f.minute.value_or(0);
  if (f.rel_minutes) {
    if (f.minute) return std::nullopt;
    minute += f.rel_dir.value_or(1) * *f.rel_minutes;
    if (minute < 0) minute += 24 * 60;
  }
  // Hour 24 is midnight at the end of the day (TIMEX3 "T24:00"): "midnight Friday" closes Friday.
  if (minute == 24 * 60) return f.second.value_or(0) == 0 ? std::optional<int>(minute) : std::nullopt;
  if (h > 24 || minute > 24 * 60) return std::nullopt;
  return minute;
}

// Whether US daylight time is kept on day d: from the second Sunday of March to the first Sunday
// of November (the rule since 2007; the clocks change at 2 a.m., taken here as the whole day).
bool us_daylight_time(sys_days d) {
  const year_month_day ymd{d};
  const int y = int(ymd.year());
  const sys_days start = sys_days{year{y} / March / Sunday[2]};
  const sys_days end = sys_days{year{y} / November / Sunday[1]};
  return d >= start && d < end;
}

// Adds the clock or part of day of the frame to a day point (`half`: as clock_minute()).
Point with_time_of_day(Point dp, const Frame& f, DocType type, std::optional<int> half = std::nullopt) {
  if (auto m = clock_minute(f, type, half)) {
    dp.grain = f.second ? Grain::second : Grain::minute;
    dp.minute = *m;
    dp.second = f.second.value_or(0);
    if (f.zone) dp.zone = *f.zone + (f.zone_us_daylight && us_daylight_time(dp.day) ? 60 : 0);
  } else if (f.pod) {
    dp.grain = Grain::part_of_day;
    dp.pod = *f.pod;
  }
  return dp;
}

// "Between 11 p.m. and 1 a.m.", "went in at 10 p.m. and came out at 2 a.m.": a morning clock told
// after an evening one of the same day in its sentence is on the next day.
Point past_midnight(Point p, const Frame& f, const ResolveContext& ctx) {
  constexpr int kEvening = 18 * 60, kNoon = 12 * 60;
  if (f.dir || !ctx.previous() || ctx.previous_distance() != 0 || ctx.previous()->day != p.day) return p;
  if (ctx.previous()->minute < kEvening || p.minute < 0 || p.minute >= kNoon) return p;
  if (p.grain != Grain::minute && p.grain != Grain::hour) return p;
  p.day += days{1};
  return p;
}

// The day of a holiday in year y, from its rule: "12-25" (fixed), "11/4/4" (the 4th Thursday of
// November; -1 for the last), "11/1/1+1" (a day after the first Monday), "E-2" (Easter - 2 days).
std::optional<sys_days> holiday_in(const std::string& rule, int y) {
  int a = 0, b = 0, c = 0, off = 0;
  char sign = '+';
  if (std::sscanf(rule.c_str(), "E%c%d", &sign, &off) == 2) {
    // Anonymous Gregorian computus.
    const int g = y % 19, cent = y / 100, h = (cent - cent / 4 - (8 * cent + 13) / 25 + 19 * g + 15) % 30;
    const int i = h - (h / 28) * (1 - (h / 28) * (29 / (h + 1)) * ((21 - g) / 11));
    const int j = (y + y / 4 + i + 2 - cent + cent / 4) % 7;
    const int l = i - j, month = 3 + (l + 40) / 44, day = l + 28 - 31 * (month / 4);
    const sys_days easter = sys_days{year{y} / unsigned(month) / unsigned(day)};
    return easter + days{sign == '-' ? -off : off};
  }
  const int fields = std::sscanf(rule.c_str(), "%d/%d/%d%c%d", &a, &b, &c, &sign, &off);
  if (fields >= 3) {
    const weekday wd{unsigned(c % 7)};  // 1 Monday .. 7 Sunday; date's weekday takes 0 or 7 for Sunday
    sys_days d;
    if (b > 0) {
      d = sys_days{year{y} / unsigned(a) / wd[unsigned(b)]};
    } else {
      d = sys_days{year{y} / unsigned(a) / wd[date::last]};
    }
    if (fields == 5) d += days{sign == '-' ? -off : off};
    return d;
  }
  if (std::sscanf(rule.c_str(), "%d-%d", &a, &b) == 2) return make_day(y, a, b);
  return std::nullopt;
}

// In a schedule whose reference time has a UTC offset, a time given with a zone is told in the
// reference's own clock ("4pm CET" read at 04:30-02:00 is 13:00); otherwise it keeps its zone.
Point in_reference_zone(Point p, const ResolveContext& ctx) {
  if (ctx.doc_type != DocType::schedule || !p.zone || !ctx.publication || !ctx.publication->utc_offset) return p;
  long minute = p.minute - *p.zone + ctx.publication->utc_offset->count();
  const long day_shift = minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440);
  minute -= day_shift * 1440;
  p.day += days{day_shift};
  p.minute = static_cast<int>(minute);
  p.zone.reset();
  return p;
}

// Whether a point told in a schedule is not over at the reference time `ref` (a day, with its
// clock when known): a time not before it, a day or longer unit not ended before its day.
bool not_past(const Point& p, const Point& ref, const ResolveContext& ctx) {
  if (is_clock(p.grain) && p.grain != Grain::part_of_day) {
    const Point t = in_reference_zone(p, ctx);
    if (t.day != ref.day) return t.day > ref.day;
    return ref.minute < 0 || t.minute >= ref.minute;
  }
  return bounds_of(p).latest >= ref.day;
}

// What a schedule means by a date, a weekday or a time without a year or a day: the next one from
// the reference time. A weekday alone is the next such day after today ("monday", "tuesday" told on
// a Tuesday is next week's); with a clock or a part of day, the next one not past ("friday 3pm",
// "friday night" told on a Friday afternoon are that day's); anything else the first not over
// before the reference ("Feb 12" is today, "the third quarter" this year's or next).
std::optional<Point> next_ahead(std::vector<Point> candidates, const Frame& f, const Point& ref,
                                const ResolveContext& ctx) {
  std::sort(candidates.begin(), candidates.end(), [](const Point& x, const Point& y) { return x.day < y.day; });
  const bool weekday_alone = f.weekday && !f.month && !f.day && f.holiday.empty();
  for (const Point& c : candidates) {
    if (c.grain != Grain::day) {
      if (not_past(c, ref, ctx)) return c;
      continue;
    }
    const Point t = with_time_of_day(c, f, ctx.doc_type);
    if (t.grain != Grain::day ? not_past(t, ref, ctx) : weekday_alone ? c.day > ref.day : c.day >= ref.day) return t;
  }
  return std::nullopt;
}

// "Memorial Day weekend": the weekend before a Monday holiday, after a Friday one, else the one
// that holds it or follows it.
Point holiday_weekend(sys_days d) {
  const int wd = static_cast<int>(weekday{d}.iso_encoding());
  const sys_days saturday = wd == 1 ? d - days{2} : wd == 5 ? d + days{1} : d + days{6 - wd};
  return unit_containing(saturday, Grain::weekend);
}

std::optional<Resolved> resolve_calendar(const Frame& f, const ResolveContext& ctx) {
  std::optional<int> y = f.year;
  if (!y && f.year2) y = expand_two_digit_year(*f.year2, ctx);
  // "In 490" in a story told in years BC is 490 BC.
  if (!y && f.year_bare) y = ctx.story && year_of(ctx.story->point.day) <= 0 ? 1 - *f.year_bare : *f.year_bare;
  const bool timed = f.hour.has_value() || f.hour_open.has_value() || f.pod.has_value();

  // "1998-99", "1999-00": a range of years ends a few years after it starts; "2025-04" cannot, so
  // it is the ISO month April 2025.
  if (y && f.range_end && !f.month) {
    const int ahead = (*f.range_end - *y % 100 + 100) % 100;
    if (ahead < 1 || ahead > 9) {
      if (*f.range_end < 1 || *f.range_end > 12) return std::nullopt;
      Frame g = f;
      g.month = *f.range_end;
      g.range_end.reset();
      return resolve_calendar(g, ctx);
    }
  }

  // Centuries and decades BC count back: the 5th century BC (BC04) runs from 499 to 400 BC, the
  // 470s BC (BC047) from 479 to 470 BC; their first years are astronomically -498 and -478.
  if (f.century && !y) {
    Point p;
    p.grain = Grain::century;
    p.day = month_start(f.era == -1 ? -(*f.century * 100 + 98) : std::max(*f.century * 100, 1), 1);
    return finish(f, p, AnchorKind::explicit_);
  }
  if (f.decade && f.era == -1 && !y) {
    Point p;
    p.grain = Grain::decade;
    p.day = month_start(-(*f.decade * 10 + 8), 1);
    return finish(f, p, AnchorKind::explicit_);
  }
  if ((f.decade || f.decade2) && !y) {
    int dec;
    if (f.decade) {
      dec = *f.decade;
    } else {
      const int ref = ctx.publication ? year_of(ctx.publication->day) : 2000;
      dec = ref / 100 * 10 + *f.decade2;
      if (dec * 10 > ref) dec -= 10;
    }
    Point p;
    p.grain = Grain::decade;
    p.day = month_start(dec * 10, 1);
    return finish(f, p, AnchorKind::explicit_);
  }

  if (y && !f.holiday.empty()) {
    auto d = holiday_in(f.holiday, *y);
    if (!d) return std::nullopt;
    if (f.weekend) return finish(f, holiday_weekend(*d), AnchorKind::explicit_);
    return finish(f, with_time_of_day(day_point(*d), f, ctx.doc_type), AnchorKind::explicit_);
  }
  if (y) {
    if (f.nth_week && f.month) {
      auto p = f.weekday ? nth_weekday_of(f, *y) : nth_week_of(*y, *f.month, *f.nth_week);
      if (!p) return std::nullopt;
      return finish(f, *p, AnchorKind::explicit_);
    }
    if (f.nth_weekend) {
      auto p = nth_weekend_of(f, *y);
      if (!p) return std::nullopt;
      return finish(f, *p, AnchorKind::explicit_);
    }
    Point p;
    if (f.week) {
      const iso_week::year_weeknum_weekday iw{iso_week::year{*y}, iso_week::weeknum{unsigned(*f.week)}, iso_week::mon};
      if (!iw.ok()) return std::nullopt;
      p.grain = Grain::week;
      p.day = sys_days{iw};
    } else if (f.month && (f.day || f.day_last)) {
      auto d = make_day(*y, *f.month, f.day_last ? last_day(*y, *f.month) : *f.day);
      if (!d) return std::nullopt;
      p.grain = Grain::day;
      p.day = *d;
      p = with_time_of_day(p, f, ctx.doc_type);
    } else if (f.month) {
      p.grain = Grain::month;
      p.day = month_start(*y, *f.month);
    } else if (f.quarter) {
      p.grain = Grain::quarter;
      p.day = month_start(*y, (*f.quarter - 1) * 3 + 1);
    } else if (f.period == Grain::quarter && !ctx.span_in_sentence &&
               (ctx.report_period ||
                (ctx.previous() && ctx.previous()->grain == Grain::quarter && ctx.previous_distance() <= 1))) {
      // "the 1988 quarter": the quarter being reported, in that year; in a report naming its quarter
      // later than its lead, the quarter named in that sentence or the one before.
      p.grain = Grain::quarter;
      const Point& q = ctx.report_period ? *ctx.report_period : *ctx.previous();
      p.day = month_start(*y, unsigned(year_month_day{q.day}.month()));
    } else if (f.half) {
      p.grain = Grain::half;
      p.day = month_start(*y, *f.half == 1 ? 1 : 7);
    } else if (f.season) {
      p.grain = Grain::season;
      p.day = season_start(*y, *f.season);
    } else {
      p.grain = Grain::year;
      p.day = month_start(*y, 1);
    }
    return finish(f, p, AnchorKind::explicit_);
  }

  // A season a narrative names alone ("the Winter Offensive") is of the story's year, not of a date
  // that glanced away from it ("effective until 14 September 1978").
  const bool season_alone = f.dir && *f.dir == 0 && f.season && f.narrative;
  auto anchor = choose_anchor(f, ctx, (!f.dir || season_alone) && !f.year_dir);
  if (!anchor) return std::nullopt;
  const sys_days a = anchor->point.day;
  const int ay = year_of(a);
  std::vector<Point> candidates;

  if (f.year_dir) {
    // "June last year": the year is fixed relative to the anchor's.
    Frame g = f;
    g.year = ay + *f.year_dir;
    g.year_dir.reset();
    auto r = resolve_calendar(g, ctx);
    if (r) r->value.anchor = anchor->kind;
    return r;
  }

  if (f.nth_weekend && !f.month) {
    // "the final weekend of the year": the anchor's year.
    auto p = nth_weekend_of(f, ay);
    if (!p) return std::nullopt;
    return finish(f, *p, anchor->kind);
  }
  if (!f.holiday.empty()) {
    for (int cy = ay - 1; cy <= ay + 1; ++cy)
      if (auto d = holiday_in(f.holiday, cy)) candidates.push_back(f.weekend ? holiday_weekend(*d) : day_point(*d));
  } else if (f.nth_weekend) {
    for (int cy = ay - 1; cy <= ay + 1; ++cy)
      if (auto p = nth_weekend_of(f, cy)) candidates.push_back(*p);
  } else if (f.nth_week && f.month) {
    for (int cy = ay - 1; cy <= ay + 1; ++cy)
      if (auto p = f.weekday ? nth_weekday_of(f, cy) : nth_week_of(cy, *f.month, *f.nth_week)) candidates.push_back(*p);
  } else if (f.month && f.dir && *f.dir == 0 && !f.day) {
    // "this September": the month of the anchor's year, whether it has passed or not.
    Point p;
    p.grain = Grain::month;
    p.day = month_start(ay, *f.month);
    return finish(f, p, anchor->kind);
  } else if (f.month) {
    for (int cy = ay - 1; cy <= ay + 1; ++cy) {
      Point p;
      if (f.day || f.day_last) {
        auto d = make_day(cy, *f.month, f.day_last ? last_day(cy, *f.month) : *f.day);
        if (!d) continue;
        if (f.weekday && unsigned(weekday{*d}.iso_encoding()) != unsigned(*f.weekday)) continue;
        p.grain = Grain::day;
        p.day = *d;
      } else {
        p.grain = Grain::month;
        p.day = month_start(cy, *f.month);
      }
      candidates.push_back(p);
    }
    if (candidates.empty() && f.day && f.weekday) {
      // The weekday fits no nearby year: trust the date.
      Frame g = f;
      g.weekday.reset();
      return resolve_calendar(g, ctx);
    }
  } else if (f.day) {
    // "the 15th": this month's, last month's or next month's; "Thursday the 14th", "Thu 21st": the
    // weekday chooses among a year of months on each side.
    const year_month_day ymd{a};
    const int span = f.weekday ? 12 : 1;
    for (int k = -span; k <= span; ++k) {
      const year_month ym = ymd.year() / ymd.month() + months{k};
      const year_month_day cand{ym / day{unsigned(*f.day)}};
      if (!cand.ok()) continue;
      if (f.weekday && unsigned(weekday{sys_days{cand}}.iso_encoding()) != unsigned(*f.weekday)) continue;
      Point p;
      p.grain = Grain::day;
      p.day = sys_days{cand};
      candidates.push_back(p);
    }
  } else if (f.weekday) {
    for (int k = -7; k <= 7; ++k) {
      const sys_days d = a + days{k};
      if (unsigned(weekday{d}.iso_encoding()) != unsigned(*f.weekday)) continue;
      Point p;
      p.grain = Grain::day;
      p.day = d;
      candidates.push_back(p);
    }
    const bool next_week = f.next_week && ctx.doc_type == DocType::schedule;
    if ((f.dir && *f.dir == 0) || next_week) {
      // "this Friday": the one in the anchor's week; in a schedule "next Friday" the one of the week after.
      const Point week = unit_containing(a, Grain::week);
      const sys_days d = week.day + days{*f.weekday - 1 + (next_week ? 7 : 0)};
      Point p;
      p.grain = Grain::day;
      p.day = d;
      return finish(f, with_time_of_day(p, f, ctx.doc_type), anchor->kind);
    }
  } else if (f.season && f.dir && *f.dir == 0) {
    // "that autumn", "that winter": the season of the anchor's year; for a winter told from a month
    // or a day, the one around it or to come ("in January 2023 ... that winter" is the winter of
    // 2022-23, 2023-WI; "in March 1950 ... that winter" the winter of 1950-51, 1951-WI).
    int season_year = ay;
    if (*f.season == 4 && anchor->point.grain > Grain::year && unsigned(year_month_day{a}.month()) >= 3) ++season_year;
    Point p;
    p.grain = Grain::season;
    p.day = season_start(season_year, *f.season);
    return finish(f, p, anchor->kind);
  } else if (f.season || f.quarter || f.half) {
    const Grain g = f.season ? Grain::season : f.quarter ? Grain::quarter : Grain::half;
    for (int cy = ay - 1; cy <= ay + 1; ++cy) {
      Point p;
      p.grain = g;
      if (f.season)
        p.day = season_start(cy, *f.season);
      else if (f.quarter)
        p.day = month_start(cy, (*f.quarter - 1) * 3 + 1);
      else
        p.day = month_start(cy, *f.half == 1 ? 1 : 7);
      candidates.push_back(p);
    }
    if (!f.dir && f.quarter && ctx.doc_type != DocType::schedule) {
      // "the third quarter" in a report: the latest one that has begun; told in the future ("will
      // report third-quarter results"), the nearest: the one just ended, or one still to come.
      const Tense told = ctx.tense_cue().tense;
      const bool ahead = told == Tense::future || told == Tense::prospective;
      auto best = choose(candidates, a, std::nullopt, ahead ? Tense::unknown : Tense::past);
      if (best) return finish(f, *best, anchor->kind);
    }
  } else if (f.weekend) {
    for (int k = -1; k <= 1; ++k) {
      Point p = unit_containing(a + days{7 * k}, Grain::weekend);
      candidates.push_back(p);
    }
  } else if (timed) {
    // "this morning", "tonight", "at 2:15 p.m.": the anchor's day, moved by dir. A previous date
    // coarser than a day ("in 1998 ... in the morning") names no day: the publication day then.
    Point p;
    p.grain = Grain::day;
    p.day = a + days{f.dir.value_or(0)};
    // "Rain fell overnight": in a report, the night before the day reported on (a day named in the
    // sentence or the one before, else the publication day); "showers are expected overnight": the
    // coming one. In a narrative, the night of the day narrated.
    if (f.overnight && ctx.doc_type == DocType::news) {
      const bool near_day = ctx.previous() && ctx.previous()->grain == Grain::day && ctx.previous_distance() <= 1;
      if (near_day) p.day = ctx.previous()->day;
      const Tense told = ctx.tense_cue().tense;
      if (told != Tense::future && told != Tense::prospective) p.day -= days{1};
      return finish(f, with_time_of_day(p, f, ctx.doc_type), near_day ? AnchorKind::previous : AnchorKind::publication);
    }
    if (anchor->kind == AnchorKind::previous && anchor->point.grain < Grain::day) {
      if (!ctx.publication) return std::nullopt;
      p.day = ctx.publication->day + days{f.dir.value_or(0)};
      return finish(f, with_time_of_day(p, f, ctx.doc_type), AnchorKind::publication);
    }
    // A clock time alone ("will leave at 4 a.m.") after a day named in its sentence or the one
    // before ("arrives Thursday") is on that day.
    const bool clock = f.hour || f.hour_open;
    const bool day_told = f.dir || f.day_offset;
    if (anchor->kind == AnchorKind::publication && f.anchor == AnchorPolicy::automatic && !day_told && clock &&
        ctx.previous() && ctx.previous()->grain >= Grain::day && ctx.previous_distance() <= 1) {
      p.day = ctx.previous()->day;
      return finish(f, past_midnight(with_time_of_day(p, f, ctx.doc_type), f, ctx), AnchorKind::previous);
    }
    // In a schedule, a clock time without a day is the next one: today's, or tomorrow's once past
    // ("3am" told at 04:30); an hour without its half of the day ("at 6") is read by office hours
    // unless only the other half is still to come today ("at 8" told at 19:00 is 20:00).
    if (ctx.doc_type == DocType::schedule && anchor->kind == AnchorKind::publication && !day_told && clock) {
      std::vector<std::optional<int>> halves{std::nullopt};
      if (f.hour_open && !f.meridiem && !f.pod && *f.hour_open != 12) {
        const int office = office_half(*f.hour_open);
        halves = {office, 1 - office};
      }
      p.day = a;
      for (const auto& half : halves) {
        const Point today = with_time_of_day(p, f, ctx.doc_type, half);
        if (not_past(today, anchor->point, ctx)) return finish(f, today, anchor->kind);
      }
      p.day = a + days{1};
      return finish(f, with_time_of_day(p, f, ctx.doc_type, halves.front()), anchor->kind);
    }
    Point timed_point = past_midnight(with_time_of_day(p, f, ctx.doc_type), f, ctx);
    // Midnight told in the past with no day ("the fire started at midnight") is the one that began
    // the day; otherwise ("polls close at midnight") the one that ends it.
    if (timed_point.minute == 24 * 60 && ctx.tense_cue().tense == Tense::past) timed_point.minute = 0;
    return finish(f, timed_point, anchor->kind);
  } else {
    return std::nullopt;
  }

  // A bare weekday in a report without a tense cue most often names a day of the past week.
  const bool bare_weekday = f.weekday && !f.month && !f.day && !f.dir;
  // The tense only chooses among several candidates, and only without a direction: a single
  // candidate is taken whatever the tense (choose() falls back to it), and a direction decides
  // alone. Reading the cues of the sentence is then spared.
  const bool tense_chooses = !f.dir && candidates.size() > 1;
  const TenseCue cue = tense_chooses ? ctx.tense_cue() : TenseCue{};
  Tense tense = cue.tense == Tense::unknown && bare_weekday ? Tense::past : cue.tense;
  if (cue.tense == Tense::unknown && f.lean) tense = *f.lean > 0 ? Tense::future : Tense::past;
  if (tense == Tense::prospective) tense = bare_weekday ? Tense::past : Tense::future;
  // A story told in the past moves forward from the date told: "set out on March 3, 1911 ... returned
  // in the autumn" is that autumn, "sailed on 14 May 1620 ... sighted land on 9 November" that
  // November. Not after "had" ("it had been planned since the autumn"), which looks back.
  constexpr std::size_t kFarCue = 40;  // bytes: about six words
  if (anchor->kind == AnchorKind::previous && !f.dir) {
    // A bare month, day or weekday of a story: from the story's time. A future cue far before it
    // governs another verb ("advances would follow the victory at the river on 12 September").
    const Tense told = tense == Tense::future && cue.distance > kFarCue ? Tense::unknown : tense;
    auto best = choose_in_story(candidates, bounds_of(anchor->point), told, cue.anterior);
    if (!best) best = choose_in_story(candidates, bounds_of(anchor->point), Tense::unknown, false);
    if (!best) return std::nullopt;
    Point p = *best;
    // A weekday of a month or a year told ("in June 1941 ... on a Sunday") is known to that period.
    if (f.weekday && !f.day && !f.month && anchor->point.grain >= Grain::year && anchor->point.grain <= Grain::month)
      p.known = anchor->point.known.value_or(anchor->point.grain);
    if (p.grain == Grain::day) p = with_time_of_day(p, f, ctx.doc_type);
    return finish(f, p, anchor->kind);
  }
  if (ctx.doc_type == DocType::schedule && anchor->kind == AnchorKind::publication && !f.dir) {
    if (auto next = next_ahead(candidates, f, anchor->point, ctx)) return finish(f, *next, anchor->kind);
  }
  auto best = choose(candidates, a, f.dir, tense, cue.distance > kFarCue, cue.adjacent);
  if (!best && !f.dir) best = choose(candidates, a, std::nullopt, Tense::unknown);  // the tense fits none
  if (!best) return std::nullopt;
  Point p = *best;
  if (p.grain == Grain::day) p = with_time_of_day(p, f, ctx.doc_type);
  return finish(f, p, anchor->kind);
}

// In a schedule, a count of units from the reference ("in two weeks", "three weeks hence", "two
// weeks ago", "a week from tomorrow") is the day it reaches, or the minute for hours and minutes
// when the reference has a clock ("in 90 minutes"); a fraction is counted in the next smaller unit
// ("in half an hour" is 30 minutes).
std::optional<Resolved> count_from_now(const Frame& f, const Anchor& anchor) {
  struct Smaller {
    Grain unit, smaller;
    int per;
  };
  static constexpr std::array<Smaller, 7> kSmaller{{{Grain::year, Grain::month, 12},
                                                    {Grain::half, Grain::month, 6},
                                                    {Grain::quarter, Grain::month, 3},
                                                    {Grain::month, Grain::day, 30},
                                                    {Grain::week, Grain::day, 7},
                                                    {Grain::day, Grain::hour, 24},
                                                    {Grain::hour, Grain::minute, 60}}};
  Grain unit = *f.unit;
  double count = f.amount.value_or(1.0) + (f.plus_half ? 0.5 : 0.0);
  for (const Smaller& s : kSmaller)
    if (unit == s.unit && std::floor(count) != count) {
      count *= s.per;
      unit = s.smaller;
    }
  const long n = std::lround(count) * f.dir.value_or(1);
  if (std::abs(n) > 100000) return std::nullopt;
  Point start;
  start.day = anchor.point.day;
  if (is_clock(unit)) {
    if (anchor.point.minute < 0) return finish(f, start, anchor.kind);  // no clock to move from: the day
    start.grain = Grain::minute;
    start.minute = anchor.point.minute;
    if (unit == Grain::second) unit = Grain::minute;
  }
  Point p = shift(start, unit, n);
  if (f.day_offset && p.grain == Grain::day) p.day += days{*f.day_offset};
  return finish(f, with_time_of_day(p, f, DocType::schedule), anchor.kind);
}

// A time resolved with a zone, told in the reference's clock when a schedule's reference has one.
std::optional<Resolved> in_reference_zone(const Frame& f, std::optional<Resolved> r, const ResolveContext& ctx) {
  if (!r || !r->point || !r->point->zone) return r;
  const Point p = in_reference_zone(*r->point, ctx);
  if (!p.zone) r = finish(f, p, r->value.anchor);
  return r;
}

std::optional<Resolved> resolve_shift(const Frame& f, const ResolveContext& ctx) {
  if (!f.unit) {
    // "During this time", "at the same time": the time last narrated, at its own precision.
    if (f.amount.value_or(1.0) != 0.0 || f.anchor != AnchorPolicy::previous) return std::nullopt;
    const auto anchor = choose_anchor(f, ctx);
    if (!anchor) return std::nullopt;
    return finish(f, anchor->point, anchor->kind);
  }
  if (f.vague) {
    Frame r = f;
    r.kind = FrameKind::ref;
    r.ref = f.dir.value_or(-1);
    Resolved out;
    out.value.type = TimexType::date;
    out.value.timex = *r.ref < 0 ? "PAST_REF" : *r.ref > 0 ? "FUTURE_REF" : "PRESENT_REF";
    out.value.grain = Grain::day;
    out.value.mod = f.mod;
    out.value.anchor = AnchorKind::publication;
    return out;
  }
  auto anchor = choose_anchor(f, ctx);
  if (!anchor) return std::nullopt;
  const double amount = f.amount.value_or(1.0);
  const auto period = [](Grain g) {
    return g == Grain::quarter || g == Grain::half || g == Grain::month || g == Grain::season;
  };
  // "Profit rose from a year ago", "the year-earlier quarter": the same period a year before: the
  // period named earlier in the sentence, else the quarter the report is about, else (for a rule
  // naming one) the latest such period.
  // "Last year" compares periods only after a comparison of figures; else it is the year before.
  // "Up from 1985 to last year", "this year, up from last year's": years are compared.
  const bool year_here = ctx.previous() && ctx.previous_distance() == 0 && ctx.previous()->grain == Grain::year;
  const bool same_period =
      f.same_period && (!f.with_figures || (ctx.figures_in_sentence && ctx.tense_cue().compared_before && !year_here));
  const bool same_year_ago = same_period && *f.unit == Grain::year;
  // "41 years ago" is counted from now, not from "early December" named before it: only "a year
  // ago" compares with a period of the sentence.
  const bool here = ctx.previous() && ctx.previous_distance() == 0 &&
                    (f.anchor == AnchorPolicy::previous || f.amount.value_or(1.0) == 1.0);
  const bool here_period = here && (period(ctx.previous()->grain) ||
                                    (f.anchor == AnchorPolicy::previous && ctx.previous()->grain > Grain::year));
  // A span named before it in the sentence ("for the nine months ... a year earlier") is what is
  // compared: no single period of the year before, so the year before the publication's.
  const bool over_span = same_year_ago && ctx.span_in_sentence && !here_period;
  if (same_year_ago) {
    if (here_period) {
      anchor = Anchor{*ctx.previous(), AnchorKind::previous};
    } else if (over_span) {
      if (ctx.doc_type == DocType::news && ctx.publication)
        anchor = Anchor{day_point(ctx.publication->day), AnchorKind::publication};
    } else if (ctx.report_period && amount == 1.0 && (f.comparative || ctx.figures_in_sentence)) {
      anchor = Anchor{*ctx.report_period, AnchorKind::previous};
    } else if (f.period && ctx.publication) {
      anchor = Anchor{shift(unit_containing(ctx.publication->day, *f.period), *f.period, -1), AnchorKind::publication};
    } else if (anchor->kind == AnchorKind::previous && ctx.doc_type == DocType::news && ctx.publication &&
               ctx.previous_distance() > 1) {
      // "up from $2 a share a year earlier" far from any date: a report compares with a year ago.
      anchor = Anchor{day_point(ctx.publication->day), AnchorKind::publication};
    }
  }
  // "The quarter", "this quarter": the one reported on, when the document reports on one.
  if (!f.same_period && f.period && *f.period == *f.unit && ctx.report_period && ctx.report_period->grain == *f.unit)
    return finish(f, *ctx.report_period, AnchorKind::previous);
  if (f.exact && ctx.doc_type == DocType::schedule && anchor->kind == AnchorKind::publication)
    return count_from_now(f, *anchor);
  const long n = std::lround(amount) * f.dir.value_or(0);
  if (std::abs(n) > 100000) return std::nullopt;
  Grain unit = *f.unit;
  if (is_clock(unit) && anchor->point.minute < 0) {
    // No clock time to move from: the day is all we can tell.
    Point day = anchor->point;
    day.grain = Grain::day;
    return finish(f, day, anchor->kind);
  }
  // From a month, season or year told ("in October 1998 ... that same day", "in 1950 ... two days
  // later"), a day or a week is known only to that period: 1998-10-XX, 1950-XX-XX. From a coarser
  // anchor (a decade), the result is no finer than the anchor.
  const std::optional<Grain> known_from =
      anchor->kind != AnchorKind::previous ? std::nullopt
      : anchor->point.known                ? anchor->point.known
      : anchor->point.grain >= Grain::year && anchor->point.grain <= Grain::month && unit > Grain::month
          ? std::optional<Grain>(anchor->point.grain)
          : std::nullopt;
  const bool within_known = known_from && unit > Grain::month && !is_clock(unit);
  Grain grain =
      anchor->kind == AnchorKind::previous && anchor->point.grain < unit && !within_known ? anchor->point.grain : unit;
  if ((anchor->kind != AnchorKind::publication || same_period) && !over_span) {
    // "A year earlier" than a quarter is that quarter a year before ("that year" after "in June
    // 1998" is 1998; "in the fall of 1958 ... 40 years later" 1998-FA); from a month, a narrative
    // counts years in years ("in May 1776 ... the next year" is 1777), a report in its months.
    const bool in_years = ctx.doc_type == DocType::narrative && anchor->point.grain == Grain::month;
    if (unit == Grain::year && period(anchor->point.grain) && n != 0 && !in_years) grain = anchor->point.grain;
    if (unit == Grain::year && same_period && !f.with_figures && anchor->kind == AnchorKind::previous &&
        ctx.previous_distance() == 0)
      grain = anchor->point.grain;  // "for the quarter ended Sept. 30 ... a year earlier": that day
  }
  // "A year ago today", "ten years ago this month": the anchor's day (month) that many years back.
  if (f.at && *f.at > grain && anchor->point.grain >= *f.at) grain = *f.at;
  const Point start = grain == unit ? unit_containing(anchor->point.day, unit, anchor->point.minute)
                                    : unit_containing(anchor->point.day, grain);
  Point p = shift(start, unit, n);
  if (p.grain != grain) p = unit_containing(p.day, grain);
  if (p.grain == Grain::second) p.grain = Grain::minute;
  // "The first Monday of next month", "the last Friday of the month": that weekday of the month
  // reached; "the last day of next month" its last day.
  if (p.grain == Grain::month && ((f.weekday && f.nth_week) || f.day_last)) {
    const year_month_day first{p.day};
    Frame g = f;
    g.month = int(unsigned(first.month()));
    std::optional<Point> q = f.day_last
                                 ? day_point(sys_days{year_month_day_last{first.year() / first.month() / date::last}})
                                 : nth_weekday_of(g, int(first.year()));
    if (!q) return std::nullopt;
    p = *q;
  }
  if (within_known) p.known = known_from;
  // "Tuesday of last week", "Monday next week": that day of the week reached.
  if (f.weekday && p.grain == Grain::week) p = day_point(p.day + days{*f.weekday - 1});
  // "The first of next month": that day of the month reached (none past its last day).
  if (f.day && p.grain == Grain::month) {
    const year_month_day first{p.day};
    const year_month_day that{first.year(), first.month(), day{unsigned(*f.day)}};
    if (!that.ok()) return std::nullopt;
    p = day_point(sys_days{that});
  }
  // "Wednesday next week at 2pm", "in 2 days at 5pm": the clock on the day reached.
  if (p.grain == Grain::day) p = with_time_of_day(p, f, ctx.doc_type);
  Resolved r = finish(f, p, anchor->kind);
  // "Earlier this month" lies between the month's first day and the anchor day, not in its first
  // third as "early this month" does; "later this year" between the anchor day and the year's end.
  if (f.side && n == 0) {
    const Interval whole = bounds_of(p);
    const sys_days day = std::clamp(anchor->point.day, whole.earliest, whole.latest);
    r.value.bounds = *f.side < 0 ? Interval{whole.earliest, day} : Interval{day, whole.latest};
  }
  return r;
}

// The precision an anaphoric frame needs from the date it hangs on: "the same day", "the next
// day", "two days later", "3 p.m. that day" a day; "the same week" a week. None for the others.
std::optional<Grain> needed_precision(const Frame& f) {
  if (f.anchor != AnchorPolicy::previous) return std::nullopt;
  if (f.kind == FrameKind::shift && f.unit) return std::min(*f.unit, Grain::day);
  if (f.kind == FrameKind::calendar && (f.hour || f.hour_open || f.pod)) return Grain::day;
  return std::nullopt;
}

}  // namespace

std::optional<Resolved> resolve(const Frame& f, const ResolveContext& ctx) {
  if (f.schedule_only && ctx.doc_type != DocType::schedule) return std::nullopt;
  // "Next" is the next one, but before a weekday in a schedule ("next Friday" is then the Friday of
  // next week).
  if (f.next_week && !(f.weekday && !f.month && !f.day && ctx.doc_type == DocType::schedule)) {
    Frame g = f;
    g.next_week = false;
    g.dir = 1;
    return resolve(g, ctx);
  }
  // "Two days after relieving the siege": in a narrative, a count from the date narrated last.
  if (f.kind == FrameKind::duration && f.from_event && !f.vague && ctx.doc_type == DocType::narrative && ctx.last) {
    Frame g = f;
    g.kind = FrameKind::shift;
    g.type = TimexType::date;
    g.dir = f.from_event;
    g.anchor = AnchorPolicy::previous;
    g.same_period = *f.from_event < 0;
    g.from_event.reset();
    return resolve(g, ctx);
  }
  // The date narrated last is coarser than the frame needs ("last week ... the same day"): the
  // last one precise enough ("on Thursday") in its paragraph, or in the two before when the coarse
  // one was told in an earlier paragraph too ("met on Thursday.¶... in the last week.¶On the same
  // day, ..."); else the coarse one, of which the day is unknown ("killed last October. His name was
  // crossed out that same day" is 1998-10-XX, whatever day the paragraphs before told).
  constexpr std::size_t kPreciseParagraphsBack = 2;
  if (const auto need = needed_precision(f); need && ctx.last && ctx.last->point.grain < *need) {
    const auto& n = ctx.precise[static_cast<std::size_t>(*need)];
    if (n && n->sentence <= ctx.sentence && n->paragraph <= ctx.paragraph &&
        (n->paragraph == ctx.paragraph ||
         (ctx.last->paragraph != ctx.paragraph && ctx.paragraph - n->paragraph <= kPreciseParagraphsBack))) {
      ResolveContext c = ctx;
      c.last = n;
      c.precise[static_cast<std::size_t>(*need)].reset();  // no second substitution
      return resolve(f, c);
    }
  }
  switch (f.kind) {
    case FrameKind::calendar: {
      auto r = resolve_calendar(f, ctx);
      if (r && f.day_offset) {
        // "The day before last Tuesday", "5 p.m. the day before yesterday": the day named, moved;
        // only a day, or a time of day, can be.
        if (!r->point || (r->point->grain != Grain::day && !is_clock(r->point->grain))) return std::nullopt;
        Point p = *r->point;
        p.day += days{*f.day_offset};
        r = finish(f, p, r->value.anchor);
      }
      return in_reference_zone(f, std::move(r), ctx);
    }
    case FrameKind::shift:
      return in_reference_zone(f, resolve_shift(f, ctx), ctx);
    case FrameKind::duration: {
      if (!f.unit) return std::nullopt;
      if (f.ahead && !f.vague && ctx.doc_type == DocType::schedule) {
        // "in two weeks", "in 2 hours": in a schedule, the point that far ahead.
        Frame g = f;
        g.kind = FrameKind::shift;
        g.dir = 1;
        g.exact = true;
        return resolve_shift(g, ctx);
      }
      Resolved r;
      r.value.type = TimexType::duration;
      r.value.grain = *f.unit;
      r.value.timex = duration_value(
          f.vague ? std::nullopt : std::optional<double>(f.amount.value_or(1.0) + (f.plus_half ? 0.5 : 0.0)), *f.unit,
          ctx.doc_type == DocType::narrative);
      r.value.mod = f.mod;
      return r;
    }
    case FrameKind::set: {
      Resolved r;
      r.value.type = TimexType::set;
      r.value.mod = f.mod;
      if (f.weekday) {
        r.value.grain = Grain::day;
        r.value.timex = "XXXX-WXX-" + std::to_string(*f.weekday);
        if (const auto minute = clock_minute(f, ctx.doc_type)) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "T%02d:%02d", *minute / 60, *minute % 60);
          r.value.grain = Grain::minute;
          r.value.timex += buf;
        } else if (f.pod) {
          static const char* names[] = {"", "MO", "AF", "EV", "NI", "DT"};
          r.value.timex += std::string("T") + names[*f.pod];
        }
      } else if (f.month) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "XXXX-%02d", *f.month);
        r.value.grain = Grain::month;
        r.value.timex = buf;
      } else if (f.season) {
        static const char* seasons[] = {"", "SP", "SU", "FA", "WI"};
        r.value.grain = Grain::season;
        r.value.timex = std::string("XXXX-") + seasons[*f.season];
      } else if (f.pod) {
        static const char* names[] = {"", "MO", "AF", "EV", "NI", "DT"};
        r.value.grain = Grain::part_of_day;
        r.value.timex = std::string("XXXX-XX-XXT") + names[*f.pod];
      } else if (f.unit && ctx.doc_type == DocType::narrative && !f.vague && !f.rate && f.amount.value_or(1.0) == 1.0 &&
                 !f.times && any_unit_value(*f.unit)) {
        // Each day, week, month or year ("daily", "weekly", "annually"): in a narrative, written as
        // history is annotated (TIMEX2), the unit with its digits unknown: "XXXX-XX-XX".
        r.value.grain = *f.unit;
        r.value.timex = any_unit_value(*f.unit);
      } else if (f.unit) {
        r.value.grain = *f.unit;
        r.value.timex = duration_value(f.vague ? std::nullopt : std::optional<double>(f.amount.value_or(1.0)), *f.unit);
      } else {
        return std::nullopt;
      }
      if (f.times) r.value.freq = std::to_string(*f.times) + "X";
      return r;
    }
    case FrameKind::ref: {
      Resolved r;
      r.value.type = TimexType::date;
      r.value.grain = Grain::day;
      const int ref = f.ref.value_or(0);
      r.value.timex = ref < 0 ? "PAST_REF" : ref > 0 ? "FUTURE_REF" : "PRESENT_REF";
      r.value.mod = f.mod;
      r.value.anchor = AnchorKind::publication;
      if (ref == 0 && ctx.publication) r.value.bounds = Interval{ctx.publication->day, ctx.publication->day};
      return r;
    }
    case FrameKind::reject:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace timeliner
