// A frame: what a rule match says, field by field, before resolution. Rules fill frames from
// their static settings and their captured slots; the resolver turns a frame into a value.
#pragma once

#include <timeliner/value.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace timeliner {

// How a frame is resolved.
enum class FrameKind : std::uint8_t {
  calendar,  // calendar fields, complete or not: "April 18, 2025", "in January", "on Thursday"
  shift,     // an offset of whole units from an anchor: "three days ago", "last week", "later"
  duration,  // "30 years"
  set,       // "every six weeks", "each Monday"
  ref,       // "now", "recently", "in the coming weeks"
  reject,    // a match that is not a temporal expression ("May" the name); dropped
};

// Which date a deictic or anaphoric frame hangs on.
enum class AnchorPolicy : std::uint8_t {
  automatic,    // by document type: publication date for news, previous mention for narrative
  publication,  // always the publication date
  previous,     // the date narrated before ("two days later")
};

struct Frame {
  FrameKind kind = FrameKind::calendar;
  TimexType type = TimexType::date;
  AnchorPolicy anchor = AnchorPolicy::automatic;

  // Calendar fields.
  std::optional<int> century;      // TIMEX style: 19 for the 1900s
  std::optional<int> decade;       // TIMEX style: 199 for the 1990s
  std::optional<int> year;         // astronomical: 1 BC is 0, 480 BC is -479
  std::optional<int> year_bare;    // a year of up to four digits written without its era ("in 490"):
                                   // BC in a story told BC, else AD
  std::optional<int> era;          // -1 BC, +1 AD, for a century or decade ("the 5th century BC")
  std::optional<int> year2;        // two-digit year as written ("'90s" decade handled by decade2)
  std::optional<int> decade2;      // two-digit decade: "the '90s" -> 9
  std::optional<int> half;         // 1..2
  std::optional<int> season;       // 1 spring, 2 summer, 3 fall, 4 winter
  std::optional<int> quarter;      // 1..4
  std::optional<int> month;        // 1..12
  std::optional<int> week;         // ISO week number
  std::optional<int> day;          // 1..31
  std::optional<int> weekday;      // 1 Monday .. 7 Sunday
  std::optional<int> weekend;      // 1 when the frame names a weekend
  std::optional<int> nth_weekend;  // "the first weekend of May" 1, "the final weekend of the year" -1
  std::optional<int> nth_week;     // "the first week of March" 1, "the last week of July" -1
  std::optional<int> pod;          // part of day: 1 morning, 2 afternoon, 3 evening, 4 night, 5 day time
  std::optional<int> hour;         // 0..24
  std::optional<int> hour_open;    // 1..12, an hour written without its half of the day ("at 4", "9:30")
  std::optional<int> minute;       // 0..59
  std::optional<int> second;       // 0..59
  std::optional<int> meridiem;     // 0 a.m., 1 p.m.
  std::optional<int> rel_minutes;  // minutes before or after the hour: "a quarter past 3pm" 15
  std::optional<int> rel_dir;      // +1 past the hour, -1 to it ("ten to 5pm")
  // The second clock of a range on one day, "9:30 till 11:00 on Thursday": reported as an
  // expression of its own, the day told given to both.
  std::optional<int> range_hour;
  std::optional<int> range_hour_open;
  std::optional<int> range_minute;
  std::optional<int> range_meridiem;
  std::optional<int> range_weekday;  // the weekday a range of days ends on: "Monday to Friday"
  std::optional<int> zone;           // minutes east of UTC (standard time for a zone with daylight time)
  bool zone_us_daylight = false;     // the zone keeps US daylight time ("ET"): an hour more from March to November
  std::optional<int> day_offset;     // days after the day named: "the day before Easter" -1
  bool day_last = false;             // the last day of the month named: "the last day of February"
  std::string holiday;               // a holiday rule: "12-25", "11/4/4" (4th Thursday of November), "E-2" (Easter - 2)

  // Offsets, durations and sets.
  std::optional<Grain> unit;
  std::optional<double> amount;  // NaN-free; absent with vague == true means "some"
  bool same_period = false;      // "a year ago" as the year-ago period of a quarter named before
  std::optional<Grain> period;   // the period a rule names: "the year-earlier quarter"; with a shift of
                                 // the same unit ("the quarter"), the report's period when there is one
  bool comparative = false;      // "year-ago", "year-earlier": a comparison of periods by itself
  bool with_figures = false;     // same_period only in a sentence with figures ("from $3 million last year")
  bool plus_half = false;        // "a minute and a half"
  bool rate = false;             // a SET that is a rate ("per day"): its span in every convention, P1D
  bool narrative = false;        // the rule tags only in a narrative ("former" as PAST_REF, as history is annotated)
  std::optional<Grain> at;       // the grain of a shift's result when finer than its unit: "a year ago today" day
  bool overnight = false;  // "overnight": the night before the publication day told in the past, else the coming one
  // In a schedule (DocType::schedule): "next Friday" is the Friday of next week; a count from now
  // ("three weeks hence", "two weeks ago") is a day (a minute, for hours and minutes); a duration
  // after "in" ("in two weeks") is the point that far ahead; a frame schedule_only is read there only.
  bool next_week = false;
  bool exact = false;
  bool ahead = false;
  bool schedule_only = false;
  bool vague = false;              // "several", "a few", "years" without a number
  std::optional<int> dir;          // -1 past/last, 0 this, +1 next/coming
  // A count from an event the text names but does not date: "ten days after the siege" +1, "three
  // months before the intervention" -1. A span in news; in a narrative, the time that far from the
  // date narrated last, which is most often the event's ("the siege ended on 27 September ... two
  // days after relieving the siege").
  std::optional<int> from_event;
  std::optional<int> lean;         // the way to look without a tense cue: +1 ahead ("open until Sunday")
  std::optional<int> side;         // the part of the period before (-1) or after (+1) the anchor day:
                                   // "earlier this month" runs from the 1st to the anchor day
  std::optional<int> year_dir;     // the year relative to the anchor's: "June last year" -> -1
  std::optional<int> ref;          // -1 PAST_REF, 0 PRESENT_REF, +1 FUTURE_REF
  std::optional<int> times;        // SET frequency: "twice a year" -> 2
  std::optional<int> range_end;    // second day of "1998-99" or "May 5-7" (kept for later use)
  std::optional<int> range_month;  // the month a range ends in: "from March to June 2024"
  std::optional<int> range_year;   // the year a range of years ends in: "from 499 to 493 BC" (astronomical)
  std::optional<int> numeric;      // 1 when month and day were read from digits in US order (4/18)

  Mod mod = Mod::none;

  friend bool operator==(const Frame&, const Frame&) = default;
};

// Sets frame field `field` from its text form `value` ("month" "4", "unit" "week", "mod" "START").
// Returns false when the field is unknown or the value is not valid for it.
bool set_frame_field(Frame& frame, std::string_view field, std::string_view value);

// Whether `field` names a frame field.
bool is_frame_field(std::string_view field);

}  // namespace timeliner
