#include "nlp/weights.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace timeliner::nlp {
namespace {

constexpr std::uint32_t kMagic = 0x33544757;  // "WGT3"
constexpr std::size_t kHeader = 6 * sizeof(std::uint32_t);
constexpr std::size_t kLevels = 256;
constexpr std::size_t kMaxOffset = std::size_t{1} << 24;

std::uint32_t read32(std::string_view b, std::size_t at) {
  std::uint32_t v;
  std::memcpy(&v, b.data() + at, sizeof v);
  return v;
}

void put32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

// 256 levels for the values counted in `histogram` (value + 32767 -> count): 1-D k-means (Lloyd),
// started from levels evenly spaced in the square root of the magnitude, so that small weights,
// the most numerous, keep a fine grain and large ones a coarse one. Deterministic.
std::array<std::int16_t, kLevels> levels_for(const std::vector<std::uint64_t>& histogram, long top) {
  std::array<double, kLevels> c{};
  for (std::size_t i = 0; i < kLevels; ++i) {
    const double x = (static_cast<double>(i) - 127.5) / 127.5;  // -1 .. 1
    c[i] = (x < 0 ? -1 : 1) * x * x * static_cast<double>(std::max(top, 1L));
  }
  for (int round = 0; round < 20; ++round) {
    std::array<double, kLevels> sum{}, n{};
    std::size_t k = 0;
    for (std::size_t v = 0; v < histogram.size(); ++v) {
      if (histogram[v] == 0) continue;
      const double x = static_cast<double>(v) - 32767;
      while (k + 1 < kLevels && std::fabs(c[k + 1] - x) <= std::fabs(c[k] - x)) ++k;
      sum[k] += x * static_cast<double>(histogram[v]);
      n[k] += static_cast<double>(histogram[v]);
    }
    for (std::size_t i = 0; i < kLevels; ++i)
      if (n[i] > 0) c[i] = sum[i] / n[i];
    std::sort(c.begin(), c.end());
  }
  std::array<std::int16_t, kLevels> out{};
  for (std::size_t i = 0; i < kLevels; ++i) out[i] = static_cast<std::int16_t>(std::lround(c[i]));
  return out;
}

// The index of the level nearest `v` (levels sorted).
std::uint8_t nearest(const std::array<std::int16_t, kLevels>& levels, std::int16_t v) {
  const auto it = std::lower_bound(levels.begin(), levels.end(), v);
  std::size_t i = static_cast<std::size_t>(it - levels.begin());
  if (i == kLevels || (i > 0 && v - levels[i - 1] <= levels[i] - v)) --i;
  return static_cast<std::uint8_t>(i);
}

}  // namespace

const unsigned char Weights::kEmpty[kSlot] = {0, 0, 0, 0, 0, 0};

Weights Weights::view(std::string_view b) {
  if (b.size() < kHeader || read32(b, 0) != kMagic) throw std::runtime_error("not a table of weights");
  Weights w;
  w.n_classes_ = read32(b, 4);
  const std::size_t slots = read32(b, 8), row_bytes = read32(b, 12);
  w.n_features_ = read32(b, 16);
  if (slots == 0 || w.n_classes_ == 0 || w.n_classes_ > 256 || w.n_features_ >= slots || row_bytes > kMaxOffset)
    throw std::runtime_error("a table of weights with a bad header");
  if (b.size() < kHeader + 2 * kLevels + slots * kSlot + row_bytes)
    throw std::runtime_error("a table of weights cut short");
  std::memcpy(w.levels_.data(), b.data() + kHeader, 2 * kLevels);
  w.slots_ = reinterpret_cast<const unsigned char*>(b.data() + kHeader + 2 * kLevels);
  w.rows_ = w.slots_ + slots * kSlot;
  w.n_slots_ = slots;
  // An empty slot ends every probe, every row lies within the rows, every class within the classes:
  // a bad file cannot make add() loop, or read or write out of bounds.
  bool empty = false;
  for (std::size_t i = 0; i < slots; ++i) {
    const unsigned char* s = w.slots_ + i * kSlot;
    if (s[0] == 0 && s[1] == 0) {
      empty = true;
      continue;
    }
    const std::size_t count = s[2], offset = s[3] | std::size_t{s[4]} << 8 | std::size_t{s[5]} << 16;
    if (offset + 2 * count > row_bytes) throw std::runtime_error("a table of weights with a bad row");
    for (std::size_t k = 0; k < count; ++k)
      if (w.rows_[offset + k] >= w.n_classes_) throw std::runtime_error("a table of weights with a bad class");
  }
  if (!empty) throw std::runtime_error("a table of weights without an empty slot");
  return w;
}

std::string Weights::build(const std::vector<std::pair<std::uint64_t, Row>>& rows, std::size_t n_classes,
                           double levels) {
  if (n_classes == 0 || n_classes > 256) throw std::runtime_error("too many classes for a table");
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
    if (r.size() > 255) throw std::runtime_error("a row of more than 255 weights");
    if (!r.empty()) q.emplace_back(key, std::move(r));
  }
  std::vector<std::uint64_t> histogram(65535, 0);
  long largest = 0;
  for (const auto& [key, row] : q)
    for (const auto& [c, v] : row) {
      ++histogram[static_cast<std::size_t>(v + 32767)];
      largest = std::max(largest, static_cast<long>(std::abs(v)));
    }
  const auto book = levels_for(histogram, largest);
  const std::size_t slots = std::max<std::size_t>(16, q.size() * 5 / 4 + 1);
  Weights probe;
  probe.n_slots_ = slots;
  std::vector<std::uint16_t> checks(slots, 0);
  std::vector<std::size_t> row_of(slots, static_cast<std::size_t>(-1));
  for (std::size_t r = 0; r < q.size(); ++r) {
    const std::uint64_t key = q[r].first;
    const std::uint16_t check = check_of(key);
    std::size_t i = probe.slot_of(key);
    while (checks[i] != 0 && checks[i] != check) i = i + 1 == slots ? 0 : i + 1;
    if (checks[i] == check) continue;  // the same check on the same probe: the first row wins
    checks[i] = check;
    row_of[i] = r;
  }
  // Rows laid out in slot order, so that neighbouring slots share cache lines.
  std::string table(slots * kSlot, '\0'), data;
  std::size_t n_features = 0;
  for (std::size_t i = 0; i < slots; ++i) {
    if (row_of[i] == static_cast<std::size_t>(-1)) continue;
    const auto& row = q[row_of[i]].second;
    const std::size_t offset = data.size();
    if (offset >= kMaxOffset) throw std::runtime_error("too many weights for a table");
    for (const auto& [c, v] : row) data += static_cast<char>(c);
    for (const auto& [c, v] : row) data += static_cast<char>(nearest(book, v));
    char* s = table.data() + i * kSlot;
    std::memcpy(s, &checks[i], 2);
    s[2] = static_cast<char>(row.size());
    s[3] = static_cast<char>(offset & 0xFF);
    s[4] = static_cast<char>(offset >> 8 & 0xFF);
    s[5] = static_cast<char>(offset >> 16 & 0xFF);
    ++n_features;
  }
  if (data.size() > kMaxOffset) throw std::runtime_error("too many weights for a table");
  std::string out;
  put32(out, kMagic);
  put32(out, static_cast<std::uint32_t>(n_classes));
  put32(out, static_cast<std::uint32_t>(slots));
  put32(out, static_cast<std::uint32_t>(data.size()));
  put32(out, static_cast<std::uint32_t>(n_features));
  put32(out, static_cast<std::uint32_t>(std::lround(scale)));
  out.append(reinterpret_cast<const char*>(book.data()), 2 * kLevels);
  out += table;
  out += data;
  return out;
}

}  // namespace timeliner::nlp
