// Fuzz target: timeline_from_json (the reader of show, view and merge) on arbitrary bytes.
// Malformed input must give std::runtime_error; what it accepts must write back as valid UTF-8
// JSON that reads again to the same bytes.
#include "fuzz_common.hpp"

#include <timeliner/json.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>

using namespace timeliner;
using timeliner::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  Timeline t;
  try {
    t = timeline_from_json(bytes);
  } catch (const std::runtime_error&) {
    return 0;
  }
  for (const auto& e : t.events)
    if (e.date.bounds) check(e.date.bounds->earliest <= e.date.bounds->latest, "earliest <= latest");
  const std::string json = timeline_to_json(t);
  check(fuzz::is_valid_utf8(json), "written timeline is valid UTF-8");
  Timeline again;
  try {
    again = timeline_from_json(json);
  } catch (const std::runtime_error&) {
    fuzz::fail("our own timeline JSON does not read back");
  }
  check(timeline_to_json(again) == json, "timeline JSON round trip is stable");
  return 0;
}
