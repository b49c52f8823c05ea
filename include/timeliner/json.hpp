// JSON exports: extract's JSON lines and the timeline document (schema/timeline.schema.json).
#pragma once

#include <timeliner/extract.hpp>
#include <timeliner/timeline.hpp>

#include <string>

namespace timeliner {

inline constexpr const char* kTimelineSchema = "timeliner.timeline/1";

// One JSON object (no newline) describing a mention of document `doc_id`.
std::string mention_to_json_line(const std::string& doc_id, const Mention& m);
// The same line appended to `out`.
void append_mention_json_line(std::string& out, const std::string& doc_id, const Mention& m);

// The timeline as JSON text, pretty-printed with two-space indentation and a final newline.
std::string timeline_to_json(const Timeline& t);

// Reads a timeline written by timeline_to_json. Throws std::runtime_error on malformed input.
Timeline timeline_from_json(const std::string& json_text);

}  // namespace timeliner
