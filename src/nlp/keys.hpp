// Keys: how the features of the tagger, parser and labeler become 64-bit keys, and where a key
// lives in the model's open-addressing tables (the lexicon, the weights).
#pragma once

#include <cstddef>
#include <cstdint>

namespace timeliner::nlp {

// A stable 64-bit mix (splitmix64's finaliser): feature keys must not depend on the platform.
constexpr std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBULL;
  h ^= h >> 31;
  return h;
}
constexpr std::uint64_t combine(std::uint64_t a, std::uint64_t b) { return mix(a * 0x9E3779B97F4A7C15ULL + b + 1); }

// Writes the keys of one classifier's features to `out`: a feature is a template's id combined
// with its values, left to right. The tagger, parser and labeler all write theirs with it.
class FeatureKeys {
 public:
  // Templates numbered by operator() come after `last_id`.
  explicit FeatureKeys(std::uint64_t* out, std::uint64_t last_id = 0) : out_(out), id_(last_id) {}
  // The next numbered template, over `values`.
  template <typename... V>
  void operator()(V... values) {
    put(++id_, values...);
  }
  // Template `id` over `values` (for a template of its own number, or one written in a loop).
  template <typename... V>
  void put(std::uint64_t id, V... values) {
    std::uint64_t key = id;
    ((key = combine(key, static_cast<std::uint64_t>(values))), ...);
    out_[n_++] = key;
  }
  // The next numbered template over `values` when `write`, else passed over unwritten (a part of a
  // classifier's features: the part's keys keep the numbers they have among all the features).
  template <typename... V>
  void put_if(bool write, V... values) {
    if (write)
      put(++id_, values...);
    else
      ++id_;
  }
  // How many keys were written.
  std::size_t size() const { return n_; }

 private:
  std::uint64_t* out_;
  std::uint64_t id_;
  std::size_t n_ = 0;
};

// The first slot of `key` in a table of `slots` slots (any number below 2^32): the high half of the
// product of its low 32 bits and the count. Probing goes on to the next slot, wrapping at the end.
inline std::size_t home_slot(std::uint64_t key, std::size_t slots) {
  return static_cast<std::size_t>((static_cast<std::uint64_t>(static_cast<std::uint32_t>(key)) * slots) >> 32);
}

}  // namespace timeliner::nlp
