// An averaged perceptron over hashed features, for training (the runtime reads the frozen,
// quantized weights: src/nlp/weights.hpp). Integer updates, so that training is exact and the same
// on every machine.
#pragma once

#include "nlp/weights.hpp"

#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace timeliner::train {

class Perceptron {
 public:
  explicit Perceptron(std::size_t n_classes) : n_classes_(n_classes) { rehash(1 << 16); }

  std::size_t classes() const { return n_classes_; }
  std::size_t features() const { return used_; }

  // Adds the current weights of `keys` to `scores`.
  void score(const std::uint64_t* keys, std::size_t n, std::int32_t* scores) const {
    for (std::size_t j = 0; j < n; ++j) {
      const std::uint32_t r = find(keys[j]);
      if (r == kNone) continue;
      for (const Entry& e : rows_[r]) scores[e.cls] += e.w;
    }
  }

  // Counts how often each of `keys` was seen (call it on every example of one pass): averaged()
  // can then leave out the rare ones.
  void observe(const std::uint64_t* keys, std::size_t n) {
    for (std::size_t j = 0; j < n; ++j) ++seen_[keys[j]];
  }

  // One step: the weights of `keys` move by `delta` for class `cls`.
  void update(const std::uint64_t* keys, std::size_t n, std::size_t cls, int delta) {
    for (std::size_t j = 0; j < n; ++j) {
      std::vector<Entry>& row = rows_[insert(keys[j])];
      Entry* e = nullptr;
      for (Entry& x : row)
        if (x.cls == cls) e = &x;
      if (!e) {
        row.push_back(Entry{static_cast<std::uint16_t>(cls), 0, 0});
        e = &row.back();
      }
      e->w += delta;
      e->u += static_cast<std::int64_t>(delta) * clock_;
    }
  }
  // The perceptron's rule: toward the right class, away from the guess.
  void learn(const std::uint64_t* keys, std::size_t n, std::size_t gold, std::size_t guess) {
    if (gold == guess) return;
    update(keys, n, gold, 1);
    update(keys, n, guess, -1);
  }
  // How often `key` was seen by observe().
  std::uint32_t seen(std::uint64_t key) const {
    const auto it = seen_.find(key);
    return it == seen_.end() ? 0 : it->second;
  }
  // One example seen (the clock of the averaging).
  void tick() { ++clock_; }

  // The averaged weights of each feature, for Weights::build. Features seen fewer than `min_count`
  // times in updates... (all kept: pruning is by weight, in build).
  std::vector<std::pair<std::uint64_t, nlp::Weights::Row>> averaged(std::uint32_t min_count = 0) const {
    std::vector<std::pair<std::uint64_t, nlp::Weights::Row>> out;
    out.reserve(used_);
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == 0) continue;
      if (min_count > 1) {
        const auto it = seen_.find(keys_[i]);
        if (it == seen_.end() || it->second < min_count) continue;
      }
      nlp::Weights::Row row;
      for (const Entry& e : rows_[index_[i]]) {
        const double avg = static_cast<double>(e.w) - static_cast<double>(e.u) / static_cast<double>(clock_);
        if (avg != 0) row.emplace_back(static_cast<std::uint8_t>(e.cls), static_cast<float>(avg));
      }
      if (!row.empty()) out.emplace_back(keys_[i], std::move(row));
    }
    return out;
  }

 private:
  struct Entry {
    std::uint16_t cls;
    std::int32_t w;
    std::int64_t u;  // sum of clock * delta: the average is w - u / clock
  };
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  std::size_t n_classes_;
  std::vector<std::uint64_t> keys_;  // open addressing, 0 empty
  std::vector<std::uint32_t> index_;
  std::vector<std::vector<Entry>> rows_;
  std::size_t used_ = 0;
  std::int64_t clock_ = 1;
  std::unordered_map<std::uint64_t, std::uint32_t> seen_;

  static std::uint64_t fix(std::uint64_t k) { return k ? k : 1; }
  std::uint32_t find(std::uint64_t key) const {
    key = fix(key);
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return index_[i];
      if (keys_[i] == 0) return kNone;
    }
  }
  std::uint32_t insert(std::uint64_t key) {
    key = fix(key);
    if ((used_ + 1) * 2 > keys_.size()) rehash(keys_.size() * 2);
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return index_[i];
      if (keys_[i] == 0) {
        keys_[i] = key;
        index_[i] = static_cast<std::uint32_t>(rows_.size());
        rows_.emplace_back();
        ++used_;
        return index_[i];
      }
    }
  }
  void rehash(std::size_t size) {
    std::vector<std::uint64_t> old_keys = std::move(keys_);
    std::vector<std::uint32_t> old_index = std::move(index_);
    keys_.assign(size, 0);
    index_.assign(size, 0);
    const std::size_t mask = size - 1;
    for (std::size_t j = 0; j < old_keys.size(); ++j) {
      if (old_keys[j] == 0) continue;
      std::size_t i = old_keys[j] & mask;
      while (keys_[i] != 0) i = (i + 1) & mask;
      keys_[i] = old_keys[j];
      index_[i] = old_index[j];
    }
  }
};

}  // namespace timeliner::train
