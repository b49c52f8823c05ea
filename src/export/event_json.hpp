// One event as JSON, shared by the timeline and JSON lines exports.
#pragma once

#include <timeliner/timeline.hpp>

#include <nlohmann/json.hpp>

namespace timeliner {

nlohmann::ordered_json event_json(const Event& e);

}  // namespace timeliner
