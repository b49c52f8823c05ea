// Relations between events: offsets ("three months after") and the dates they derive.
#pragma once

#include <timeliner/value.hpp>

#include <optional>
#include <string_view>

namespace timeliner::relations {

// A whole number of calendar units: 3 months, 2 days.
struct Offset {
  int count = 0;
  Grain unit = Grain::day;  // year, month, week or day
};

// "P3M", "P2D", "P1W", "P30Y" (whole units only).
std::optional<Offset> parse_iso_duration(std::string_view timex);
// "three months", "a week", "2 days" at the start of `text`.
std::optional<Offset> parse_offset_words(std::string_view text);

// `base` moved by `sign` * `offset`, at the coarser of the two granularities (the offset's when the
// base is finer): three months before April is January (a month), two days after May 3 is May 5.
// Anchored to an event. Nothing when that granularity is coarser than a year.
std::optional<TemporalValue> shift(const TemporalValue& base, const Offset& offset, int sign);

// The period of granularity `g` (year, month, week or day) that contains `day`, as a DATE value.
std::optional<TemporalValue> period_of(date::sys_days day, Grain g);

// An interval from the start of `start`'s period to the publication day, written as an ISO 8601
// interval ("2019/2025-04-18").
TemporalValue until_publication(const TemporalValue& start, date::sys_days published);

}  // namespace timeliner::relations
