#include "grammar/scan_db.hpp"

#include "grammar/word_bytes.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <stdexcept>
#include <string>

#if TIMELINER_WITH_HYPERSCAN
#include <hs.h>
#endif

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace timeliner::grammar {

bool hyperscan_built() { return TIMELINER_WITH_HYPERSCAN != 0; }

#if TIMELINER_WITH_HYPERSCAN

struct StartScanner::Database {
  hs_database_t* db = nullptr;
  std::uint64_t id = 0;  // tells each thread's scratch space which database it was made for
  // The database without the rules that need a digit, loaded once enough text was scanned.
  std::atomic<std::size_t> scanned{0};
  std::once_flag without_once;
  std::atomic<hs_database_t*> without_digits{nullptr};
  Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database() {
    hs_free_database(db);
    hs_free_database(without_digits.load());
  }
};

namespace {

std::atomic<std::uint64_t> database_counter{0};

// Each thread's scratch space, and its copy of the text turned around.
struct ThreadScan {
  hs_scratch_t* scratch = nullptr;
  std::uint64_t scratch_for = 0;  // Database::id
  std::uint64_t without_for = 0;  // Database::id whose database without digits the scratch space also serves
  std::string reversed;
  ThreadScan() = default;
  ThreadScan(const ThreadScan&) = delete;
  ThreadScan& operator=(const ThreadScan&) = delete;
  ~ThreadScan() { hs_free_scratch(scratch); }
};

struct Context {
  std::string_view text;
  std::vector<std::uint64_t>* out;
};

// A match of rule `id` ends `to` bytes into the text turned around: one of the rule starts there.
int on_match(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/, void* context) {
  auto& c = *static_cast<Context*>(context);
  const std::size_t p = c.text.size() - static_cast<std::size_t>(to);
  if (p > 0 && is_word_byte(c.text[p - 1]) && is_word_byte(c.text[p])) return 0;  // inside a word
  c.out->push_back((static_cast<std::uint64_t>(p) << 16) | id);
  return 0;
}

// `text` turned around into `out`, eight bytes at a time.
void turn_around(std::string_view text, std::string& out) {
  const std::size_t n = text.size();
  out.resize(n);
  const char* in = text.data();
  char* o = out.data();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, in + n - i - 8, 8);
    w = __builtin_bswap64(w);
    std::memcpy(o + i, &w, 8);
  }
  for (; i < n; ++i) o[i] = in[n - 1 - i];
}

// Whether `text` holds an ASCII digit: sixteen bytes at a time, the last sixteen overlapping those
// before them (a sentence seldom fills its last sixteen).
bool has_digit(std::string_view text) {
#if defined(__SSE2__)
  if (text.size() >= 16) {
    const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
    auto digit_in = [&](std::size_t at) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
      const __m128i digit = _mm_sub_epi8(v, zero);  // a digit is at most 9 after it, unsigned
      return _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(digit, nine), digit)) != 0;
    };
    std::size_t i = 0;
    for (; i + 16 <= text.size(); i += 16)
      if (digit_in(i)) return true;
    return i < text.size() && digit_in(text.size() - 16);
  }
#endif
  for (char c : text)
    if (c >= '0' && c <= '9') return true;
  return false;
}

void check(hs_error_t e, const char* what) {
  if (e != HS_SUCCESS)
    throw std::runtime_error(std::string("scan: ") + what + " failed (Hyperscan error " + std::to_string(e) + ")");
}

}  // namespace

StartScanner::StartScanner(const PrecomputedScan& data, std::size_t without_digits_after)
    : data_(data), without_digits_after_(without_digits_after) {}
StartScanner::~StartScanner() = default;

bool StartScanner::usable() const {
  std::call_once(once_, [this] {
    if (data_.database.empty() || hs_valid_platform() != HS_SUCCESS) return;
    auto db = std::make_unique<Database>();
    if (hs_deserialize_database(reinterpret_cast<const char*>(data_.database.data()), data_.database.size(), &db->db) !=
        HS_SUCCESS)
      return;  // made by another version of the library: the caller uses the start keys
    db->id = ++database_counter;
    db_ = std::move(db);
  });
  return db_ != nullptr;
}

void StartScanner::starts(std::string_view text, std::vector<std::uint64_t>& out) const {
  out.clear();
  if (text.empty()) return;
  if (text.size() > kScanOnceBytes) throw std::logic_error("scan: text too long for one scan");
  thread_local ThreadScan own;
  if (own.scratch_for != db_->id) {
    check(hs_alloc_scratch(db_->db, &own.scratch), "scratch space");
    own.scratch_for = db_->id;
    own.without_for = 0;
  }
  // The database without the rules that need a digit is loaded once the texts scanned add up to
  // `without_digits_after_` bytes: loading it costs about what it saves on half a megabyte.
  hs_database_t* without = db_->without_digits.load(std::memory_order_acquire);
  if (!without && !data_.without_digits.empty() &&
      db_->scanned.fetch_add(text.size(), std::memory_order_relaxed) + text.size() >= without_digits_after_) {
    std::call_once(db_->without_once, [this] {
      hs_database_t* loaded = nullptr;
      if (hs_deserialize_database(reinterpret_cast<const char*>(data_.without_digits.data()),
                                  data_.without_digits.size(), &loaded) == HS_SUCCESS)
        db_->without_digits.store(loaded, std::memory_order_release);  // else the whole database serves every text
    });
    without = db_->without_digits.load(std::memory_order_acquire);
  }
  if (without && own.without_for != db_->id) {
    check(hs_alloc_scratch(without, &own.scratch), "scratch space");
    own.without_for = db_->id;
  }
  const hs_database_t* db = without && !has_digit(text) ? without : db_->db;
  turn_around(text, own.reversed);
  Context context{text, &out};
  check(
      hs_scan(db, own.reversed.data(), static_cast<unsigned>(own.reversed.size()), 0, own.scratch, on_match, &context),
      "scan");
  // Matches come in order of their ends in the text turned around: their starts backwards.
  std::reverse(out.begin(), out.end());
  if (!std::is_sorted(out.begin(), out.end())) std::sort(out.begin(), out.end());
}

#else  // no Hyperscan in the build

struct StartScanner::Database {};
StartScanner::StartScanner(const PrecomputedScan& data, std::size_t without_digits_after)
    : data_(data), without_digits_after_(without_digits_after) {}
StartScanner::~StartScanner() = default;
bool StartScanner::usable() const { return false; }
void StartScanner::starts(std::string_view, std::vector<std::uint64_t>& out) const { out.clear(); }

#endif

}  // namespace timeliner::grammar
