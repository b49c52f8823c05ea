#include "nlp/weights.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace timeliner::nlp {
namespace {

constexpr std::uint32_t kMagic = 0x31544757;  // "WGT1"
constexpr std::size_t kHeader = 6 * sizeof(std::uint32_t);

std::uint32_t read32(std::string_view b, std::size_t at) {
  std::uint32_t v;
  std::memcpy(&v, b.data() + at, sizeof v);
  return v;
}

void put32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

}  // namespace

const std::uint32_t Weights::kEmpty[1] = {0};

Weights Weights::view(std::string_view b) {
  if (b.size() < kHeader || read32(b, 0) != kMagic) throw std::runtime_error("not a table of weights");
  if (reinterpret_cast<std::uintptr_t>(b.data()) % alignof(std::uint32_t) != 0)
    throw std::runtime_error("a table of weights not aligned");
  Weights w;
  w.n_classes_ = read32(b, 4);
  const std::size_t slots = read32(b, 8), entries = read32(b, 12);
  w.n_features_ = read32(b, 16);
  if (slots == 0 || (slots & (slots - 1)) != 0 || w.n_classes_ == 0 || w.n_classes_ > 256 ||
      w.n_features_ >= slots)
    throw std::runtime_error("a table of weights with a bad header");
  const std::size_t need = kHeader + slots * 8 + entries * 3;
  if (b.size() < need) throw std::runtime_error("a table of weights cut short");
  const char* p = b.data() + kHeader;
  w.checks_ = reinterpret_cast<const std::uint32_t*>(p);
  w.values_ = reinterpret_cast<const std::uint32_t*>(p + slots * 4);
  w.weights_ = reinterpret_cast<const std::int16_t*>(p + slots * 8);
  w.classes_ = reinterpret_cast<const std::uint8_t*>(p + slots * 8 + entries * 2);
  w.mask_ = slots - 1;
  // Every row within the entries, every class within the classes: a bad file cannot make add()
  // read or write out of bounds.
  for (std::size_t i = 0; i < slots; ++i) {
    if (w.checks_[i] == 0) continue;
    const std::uint32_t v = w.values_[i];
    if ((v >> 8) + (v & 0xFF) > entries) throw std::runtime_error("a table of weights with a bad row");
  }
  for (std::size_t k = 0; k < entries; ++k)
    if (w.classes_[k] >= w.n_classes_) throw std::runtime_error("a table of weights with a bad class");
  return w;
}

std::string Weights::build(const std::vector<std::pair<std::uint64_t, Row>>& rows, std::size_t n_classes,
                           double levels) {
  // The largest weight is `levels`; those that round to 0 are dropped.
  float top = 0;
  for (const auto& [key, row] : rows)
    for (const auto& [c, v] : row) top = std::max(top, std::fabs(v));
  const double scale = top > 0 ? levels / top : 1.0;
  // Quantized rows, empty ones dropped.
  std::vector<std::pair<std::uint64_t, std::vector<std::pair<std::uint8_t, std::int16_t>>>> q;
  for (const auto& [key, row] : rows) {
    std::vector<std::pair<std::uint8_t, std::int16_t>> r;
    for (const auto& [c, v] : row) {
      const long x = std::lround(v * scale);
      if (x != 0) r.emplace_back(c, static_cast<std::int16_t>(std::clamp(x, -32767L, 32767L)));
    }
    std::sort(r.begin(), r.end());
    if (!r.empty()) q.emplace_back(key, std::move(r));
  }
  std::size_t slots = 16;
  while (slots * 7 < q.size() * 10) slots *= 2;
  std::vector<std::uint32_t> checks(slots, 0), values(slots, 0);
  std::vector<std::int16_t> weights;
  std::vector<std::uint8_t> classes;
  std::vector<std::size_t> row_of(slots, static_cast<std::size_t>(-1));
  for (std::size_t r = 0; r < q.size(); ++r) {
    const std::uint64_t key = q[r].first;
    const auto check = static_cast<std::uint32_t>(key >> 32) | 1u;
    std::size_t i = key & (slots - 1);
    while (checks[i] != 0 && checks[i] != check) i = (i + 1) & (slots - 1);
    if (checks[i] == check) continue;  // the same check at the same place: the first row wins
    checks[i] = check;
    row_of[i] = r;
  }
  // Rows laid out in slot order, so that neighbouring slots share cache lines.
  std::size_t n_features = 0;
  for (std::size_t i = 0; i < slots; ++i) {
    if (row_of[i] == static_cast<std::size_t>(-1)) continue;
    const auto& row = q[row_of[i]].second;
    values[i] = static_cast<std::uint32_t>(weights.size() << 8 | row.size());
    for (const auto& [c, v] : row) {
      classes.push_back(c);
      weights.push_back(v);
    }
    ++n_features;
  }
  if (weights.size() >= (1u << 24) || n_classes > 256) throw std::runtime_error("too many weights for a table");
  std::string out;
  put32(out, kMagic);
  put32(out, static_cast<std::uint32_t>(n_classes));
  put32(out, static_cast<std::uint32_t>(slots));
  put32(out, static_cast<std::uint32_t>(weights.size()));
  put32(out, static_cast<std::uint32_t>(n_features));
  put32(out, static_cast<std::uint32_t>(std::lround(scale)));
  out.append(reinterpret_cast<const char*>(checks.data()), checks.size() * 4);
  out.append(reinterpret_cast<const char*>(values.data()), values.size() * 4);
  out.append(reinterpret_cast<const char*>(weights.data()), weights.size() * 2);
  out.append(reinterpret_cast<const char*>(classes.data()), classes.size());
  return out;
}

}  // namespace timeliner::nlp
