// The weights of a linear classifier over hashed features, read in place from a model file:
// feature key -> the classes it has a weight for, and the weights, each one byte: the index of one
// of 256 levels (16-bit values chosen for the table's weights by 1-D k-means).
//
// Layout ("WGT3", little-endian): a header of six u32 (magic, classes, slots, row bytes, features,
// scale), the 256 levels (int16), then `slots` slots of 6 bytes {u16 check, u8 count, u24 offset}
// in an open-addressing table filled to 80% (linear probing from a key's home_slot(), keys.hpp),
// then the rows: per row `count` class bytes, then `count` level bytes. A slot and its row take two
// cache lines at most.
#pragma once

#include "nlp/keys.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace timeliner::nlp {

class Weights {
 public:
  Weights() = default;

  // Reads the table at `bytes` (as written by build()); throws std::runtime_error when it is not one.
  static Weights view(std::string_view bytes);

  // Adds the weights of feature `key` to `scores` (one per class).
  void add(std::uint64_t key, std::int32_t* scores) const { add_row(find(key), scores); }
  // Prefetches the slot of `key` (a model is larger than the caches: features are looked up in a
  // batch, each slot fetched ahead, then each row, then the rows read).
  void prefetch(std::uint64_t key) const { __builtin_prefetch(slots_ + slot_of(key) * kSlot); }
  // The slot of `key`: the first from its home slot on whose check is the key's, or none when an
  // empty slot comes first.
  const unsigned char* find(std::uint64_t key) const {
    const std::uint16_t check = check_of(key);
    for (std::size_t i = slot_of(key);;) {
      const unsigned char* s = slots_ + i * kSlot;
      std::uint16_t c;
      std::memcpy(&c, s, 2);
      if (c == check) return s;
      if (c == 0) return nullptr;
      if (++i == n_slots_) i = 0;
    }
  }
  // Prefetches the row of slot `s` (from find(); none does nothing).
  void prefetch_row(const unsigned char* s) const {
    if (!s) return;
    const unsigned char* row = row_of(s);
    __builtin_prefetch(row);
    __builtin_prefetch(row + 2 * s[2] - 1);
  }
  // Adds the row of slot `s` (from find(); none adds nothing) to `scores`.
  void add_row(const unsigned char* s, std::int32_t* scores) const {
    if (!s) return;
    const std::uint32_t count = s[2];
    const unsigned char* row = row_of(s);
    const unsigned char* level = row + count;
    const std::int16_t* value = levels_.data();
    std::uint32_t k = 0;
    for (; k + 4 <= count; k += 4) {
      scores[row[k]] += value[level[k]];
      scores[row[k + 1]] += value[level[k + 1]];
      scores[row[k + 2]] += value[level[k + 2]];
      scores[row[k + 3]] += value[level[k + 3]];
    }
    for (; k < count; ++k) scores[row[k]] += value[level[k]];
  }

  std::size_t classes() const { return n_classes_; }
  std::size_t features() const { return n_features_; }

  // One feature's weights before quantization: (class, weight) pairs.
  using Row = std::vector<std::pair<std::uint8_t, float>>;
  // Writes the table for `rows` (feature key -> row) over `n_classes` classes: weights scaled so
  // that the largest is `levels` (at most 32767), those that round to 0 dropped, then each replaced
  // by the nearest of the table's 256 levels.
  static std::string build(const std::vector<std::pair<std::uint64_t, Row>>& rows, std::size_t n_classes,
                           double levels = 32767);

 private:
  static constexpr std::size_t kSlot = 6;
  // A key's check (never 0, the mark of an empty slot) and first slot.
  static std::uint16_t check_of(std::uint64_t key) {
    const auto c = static_cast<std::uint16_t>(key >> 48);
    return c ? c : 1;
  }
  std::size_t slot_of(std::uint64_t key) const { return home_slot(key, n_slots_); }
  const unsigned char* row_of(const unsigned char* s) const {
    return rows_ + (s[3] | static_cast<std::uint32_t>(s[4]) << 8 | static_cast<std::uint32_t>(s[5]) << 16);
  }
  const unsigned char* slots_ = kEmpty;
  const unsigned char* rows_ = kEmpty;
  std::size_t n_slots_ = 1;
  std::size_t n_classes_ = 0;
  std::size_t n_features_ = 0;
  std::array<std::int16_t, 256> levels_{};
  static const unsigned char kEmpty[kSlot];
};

}  // namespace timeliner::nlp
