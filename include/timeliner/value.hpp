// Temporal values: what a temporal expression means once resolved.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace timeliner {

// TIMEX3 types.
enum class TimexType : std::uint8_t { date, time, duration, set };

// The precision of a value, from the coarsest to the finest.
enum class Grain : std::uint8_t {
  century,
  decade,
  year,
  half,
  season,
  quarter,
  month,
  week,
  weekend,
  day,
  part_of_day,
  hour,
  minute,
  second,
};

// TIMEX3 `mod`.
enum class Mod : std::uint8_t {
  none,
  start,
  mid,
  end,
  approx,
  before,
  after,
  on_or_before,
  on_or_after,
  more_than,
  less_than,
  equal_or_more,
  equal_or_less,
};

// What a value was resolved against.
enum class AnchorKind : std::uint8_t {
  none,         // durations, sets, values that need no anchor
  explicit_,    // the text states the value in full ("April 18, 2025")
  publication,  // deictic, from the publication date ("yesterday")
  previous,     // anaphoric, from the date narrated before ("two days later")
  event,        // derived from another event's date ("three months after X")
};

// Inclusive calendar-day bounds of a value.
struct Interval {
  date::sys_days earliest;
  date::sys_days latest;
  friend bool operator==(const Interval&, const Interval&) = default;
};

// A point in time known to a given precision: a publication date, or the day of a mention.
struct Instant {
  date::sys_days day{};
  std::optional<std::chrono::minutes> time_of_day;  // local clock time when known
  std::optional<std::chrono::minutes> utc_offset;   // zone offset when known
  friend bool operator==(const Instant&, const Instant&) = default;
};

// A resolved temporal value.
struct TemporalValue {
  TimexType type = TimexType::date;
  std::string timex;  // TIMEX3 value attribute: "2025-W15", "P3D", "PRESENT_REF"...
  Grain grain = Grain::day;
  std::optional<Interval> bounds;  // set for DATE and TIME values with a calendar position
  Mod mod = Mod::none;
  AnchorKind anchor = AnchorKind::none;
  std::string freq;  // TIMEX3 freq for SET values ("2X"), empty otherwise
};

std::string_view to_string(TimexType t);
std::string_view to_string(Grain g);
std::string_view to_string(Mod m);  // "" for Mod::none
std::string_view to_string(AnchorKind a);

std::ostream& operator<<(std::ostream& os, TimexType t);
std::ostream& operator<<(std::ostream& os, Grain g);
std::ostream& operator<<(std::ostream& os, Mod m);
std::ostream& operator<<(std::ostream& os, AnchorKind a);

std::optional<TimexType> parse_timex_type(std::string_view s);
std::optional<Grain> parse_grain(std::string_view s);
std::optional<Mod> parse_mod(std::string_view s);
std::optional<AnchorKind> parse_anchor(std::string_view s);

// "2025-04-18"; a year before AD 1 astronomically, with its sign: 218 BC is "-0217-06-01".
std::string format_day(date::sys_days d);
// "2025-04-18", "2025-04-18T02:30", "2025-04-18T02:30+08:00"
std::string format_instant(const Instant& i);

// Parses "YYYY-MM-DD" ("-YYYY-MM-DD" for an astronomical year before AD 1), "YYYY-MM-DDTHH:MM",
// optional ":SS", optional "Z" or "+HH:MM" / "-HH:MM".
// Returns nothing when the text is not such a date or names an impossible day or time.
std::optional<Instant> parse_instant(std::string_view s);

}  // namespace timeliner
