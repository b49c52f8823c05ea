// Validators shared by the property, hostile-input and regression tests: strict UTF-8, the
// TIMEX3 values we emit, code point slices, the required fields of the timeline schema.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace timeliner::testing {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_strict_utf8(std::string_view s);

// Whether `v` is a TIMEX3 value of the kinds timeliner emits (docs/values.md):
// dates to the day, weeks and weekends, quarters, halves, seasons, decades, centuries, parts of
// day, clock times with zones, durations, sets and the three references. Calendar days must exist.
bool is_timex3_value(std::string_view v);

// The code points [begin, end) of valid UTF-8 `text`, re-encoded.
std::string code_point_slice(std::string_view text, std::size_t begin, std::size_t end);

// "" when `doc` has every field schema/timeline.schema.json requires with the right JSON types and
// patterns, else a description of the first problem.
std::string timeline_schema_problem(const nlohmann::json& doc);

}  // namespace timeliner::testing
