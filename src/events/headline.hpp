// Headline options the library keeps to itself.
#pragma once

#include <timeliner/timeline.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace timeliner {

// make_headline, with the attribution kept ("The authority said that divers had inspected the
// crack") when `keep_attribution`: for the date of the saying itself.
std::string make_headline(std::string_view clause, const std::vector<Span>& cuts, bool keep_attribution);

}  // namespace timeliner
