// The weights of a linear classifier over hashed features, read in place from a model file:
// feature key -> the classes it has a weight for, and the weights, quantized to 16 bits.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace timeliner::nlp {

class Weights {
 public:
  Weights() = default;

  // Reads the table at `bytes` (as written by build()); throws std::runtime_error when it is not one.
  static Weights view(std::string_view bytes);

  // Adds the weights of feature `key` to `scores` (one per class).
  void add(std::uint64_t key, std::int32_t* scores) const {
    const auto check = static_cast<std::uint32_t>(key >> 32) | 1u;
    for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
      const std::uint32_t c = checks_[i];
      if (c == check) {
        const std::uint32_t v = values_[i];
        const std::uint32_t start = v >> 8, count = v & 0xFF;
        for (std::uint32_t k = 0; k < count; ++k) scores[classes_[start + k]] += weights_[start + k];
        return;
      }
      if (c == 0) return;
    }
  }
  // Prefetches the slot of `key` (a model is larger than the caches: features are looked up in a
  // batch, each slot fetched ahead).
  void prefetch(std::uint64_t key) const { __builtin_prefetch(&checks_[key & mask_]); }

  std::size_t classes() const { return n_classes_; }
  std::size_t features() const { return n_features_; }

  // One feature's weights before quantization: (class, weight) pairs.
  using Row = std::vector<std::pair<std::uint8_t, float>>;
  // Writes the table for `rows` (feature key -> row) over `n_classes` classes: weights scaled so
  // that the largest is `levels` (at most 32767), those that round to 0 dropped.
  static std::string build(const std::vector<std::pair<std::uint64_t, Row>>& rows, std::size_t n_classes,
                           double levels = 32767);

 private:
  const std::uint32_t* checks_ = nullptr;
  const std::uint32_t* values_ = nullptr;
  const std::uint8_t* classes_ = nullptr;
  const std::int16_t* weights_ = nullptr;
  std::size_t mask_ = 0;
  std::size_t n_classes_ = 0;
  std::size_t n_features_ = 0;
  static const std::uint32_t kEmpty[1];
};

}  // namespace timeliner::nlp
