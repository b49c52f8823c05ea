#pragma once

namespace timeliner {
inline constexpr const char* kVersion = "0.1.0";
}
