// Timeline exports besides the v1 JSON document: TimelineJS, CSV, JSON lines.
#pragma once

#include <timeliner/timeline.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace timeliner {

enum class Format : std::uint8_t {
  json,        // the timeline document (schema/timeline.schema.json)
  timelinejs,  // Knight Lab TimelineJS JSON
  csv,         // RFC 4180, a header row, CRLF line ends
  jsonl,       // one event a line, as in the timeline document
  tilse,       // the key dates and their sentences in the plain format of TLS research (tls.hpp)
};

std::optional<Format> parse_format(std::string_view name);  // "json", "timelinejs", "csv", "jsonl", "tilse"

std::string timeline_to_timelinejs(const Timeline& t);
std::string timeline_to_csv(const Timeline& t);
std::string timeline_to_jsonl(const Timeline& t);

// The timeline in `format`.
std::string format_timeline(const Timeline& t, Format format);

}  // namespace timeliner
