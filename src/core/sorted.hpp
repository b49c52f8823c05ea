// Walking two sorted sequences together.
#pragma once

#include <functional>

namespace timeliner {

// Calls `on_common(x, y)` for each pair of elements of `a` and `b` whose keys are equal, walking both
// once (a merge join): both must be sorted by `key`; equal keys repeated on both sides pair up in order.
template <class A, class B, class Key, class OnCommon>
void for_each_common(const A& a, const B& b, Key key, OnCommon on_common) {
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    const auto& ki = std::invoke(key, *i);
    const auto& kj = std::invoke(key, *j);
    if (ki < kj) {
      ++i;
    } else if (kj < ki) {
      ++j;
    } else {
      on_common(*i, *j);
      ++i, ++j;
    }
  }
}

}  // namespace timeliner
