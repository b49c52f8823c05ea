// The bytes of a word, for the engine's one rule about words: a match never starts or ends
// between two of them.
#pragma once

#include <array>
#include <cstddef>

namespace timeliner::grammar {

// ASCII letters, digits and '_' (std::isalnum in the "C" locale, which the program never changes),
// from a table: it is asked at every byte of the text.
inline constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<std::size_t>(c)] =
        (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  return t;
}();

inline bool is_word_byte(char c) { return kWordBytes[static_cast<unsigned char>(c)]; }

}  // namespace timeliner::grammar
