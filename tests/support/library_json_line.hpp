// extract's JSON line of a mention as the JSON library writes it (invalid UTF-8 replaced): the
// reference the hand-written writer (append_mention_json_line) is held to, byte for byte, by the
// unit tests and the extract fuzz target. Not part of the library: the command writes no DOM.
#pragma once

#include <timeliner/extract.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace timeliner::testing {

inline std::string mention_line_by_library(const std::string& doc_id, const Mention& m) {
  using ojson = nlohmann::ordered_json;
  ojson j;
  j["doc"] = doc_id;
  j["text"] = m.text;
  j["start"] = m.cp_begin;
  j["end"] = m.cp_end;
  j["type"] = std::string(to_string(m.value.type));
  j["value"] = m.value.timex;
  j["mod"] = m.value.mod == Mod::none ? ojson() : ojson(std::string(to_string(m.value.mod)));
  j["granularity"] = std::string(to_string(m.value.grain));
  j["earliest"] = m.value.bounds ? ojson(format_day(m.value.bounds->earliest)) : ojson();
  j["latest"] = m.value.bounds ? ojson(format_day(m.value.bounds->latest)) : ojson();
  j["anchor"] = std::string(to_string(m.value.anchor));
  if (!m.value.freq.empty()) j["freq"] = m.value.freq;
  j["rule"] = m.rule;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace timeliner::testing
