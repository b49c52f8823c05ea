#include "grammar/scan_build.hpp"

#include "grammar/reverse.hpp"

#include <hs.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>

namespace timeliner::grammar {

namespace {

struct FreeDatabase {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
using Database = std::unique_ptr<hs_database_t, FreeDatabase>;

// No instruction-set extensions, generic tuning: the database loads on any processor.
hs_platform_info_t generic_platform() {
  hs_platform_info_t p{};
  p.tune = HS_TUNE_FAMILY_GENERIC;
  p.cpu_features = 0;
  return p;
}

// The database of `expressions` (ids: their rules), or the error: its message and the index of
// the expression at fault (-1 for none).
Database compile(const std::vector<const char*>& expressions, const std::vector<unsigned>& ids, unsigned mode,
                 std::string* error, int* at) {
  const hs_platform_info_t platform = generic_platform();
  const std::vector<unsigned> flags(expressions.size(), 0);
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(), static_cast<unsigned>(expressions.size()), mode,
                       &platform, &db, &err) == HS_SUCCESS)
    return Database(db);
  if (error) *error = err && err->message ? err->message : "unknown error";
  if (at) *at = err ? err->expression : -1;
  hs_free_compile_error(err);
  return nullptr;
}

std::string serialize(const hs_database_t* db) {
  char* bytes = nullptr;
  std::size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) throw std::runtime_error("scan: cannot serialize");
  std::string out(bytes, length);
  std::free(bytes);
  return out;
}

// The pattern of one rule as Hyperscan takes it alone (anchors kept, else dropped), or nothing.
std::optional<Reversed> accepted(std::string_view pattern) {
  for (bool anchors : {true, false}) {
    ReverseOptions options;
    options.anchors = anchors;
    auto r = reverse_pattern(pattern, options);
    if (!r || r->min_length == 0) return std::nullopt;  // a match may be empty: tried everywhere
    if (compile({r->pattern.c_str()}, {0}, HS_MODE_BLOCK, nullptr, nullptr)) return r;
  }
  return std::nullopt;
}

}  // namespace

BuiltScan build_scan(const std::vector<std::string_view>& patterns) {
  if (patterns.size() > 0xFFFF) throw std::runtime_error("scan: too many rules");
  BuiltScan out;
  std::vector<std::string> texts;
  std::vector<unsigned> ids;
  std::vector<bool> needs_digit;  // by rule
  for (std::size_t r = 0; r < patterns.size(); ++r) {
    auto reversed = accepted(patterns[r]);
    needs_digit.push_back(reversed && reversed->needs_digit);
    if (!reversed) {
      out.everywhere.push_back(static_cast<std::uint16_t>(r));
      continue;
    }
    if (reversed->loose) out.loose.push_back(static_cast<std::uint16_t>(r));
    texts.push_back(std::move(reversed->pattern));
    ids.push_back(static_cast<unsigned>(r));
  }
  // Taken alone, the patterns may still be too much together: the one Hyperscan names is left out.
  for (;;) {
    std::vector<const char*> expressions;
    for (const auto& t : texts) expressions.push_back(t.c_str());
    std::string error;
    int at = -1;
    const Database db = expressions.empty() ? nullptr : compile(expressions, ids, HS_MODE_BLOCK, &error, &at);
    if (db) {
      out.database = serialize(db.get());
      break;
    }
    if (expressions.empty()) break;
    if (at < 0 || static_cast<std::size_t>(at) >= texts.size()) throw std::runtime_error("scan: " + error);
    out.everywhere.push_back(static_cast<std::uint16_t>(ids[static_cast<std::size_t>(at)]));
    texts.erase(texts.begin() + at);
    ids.erase(ids.begin() + at);
  }
  std::sort(out.everywhere.begin(), out.everywhere.end());
  // The rules that may match without a digit, for texts without one: a text of news is mostly
  // such sentences, and the rules of dates in figures, clock times and numbers are a part of what
  // the scan costs a character.
  std::vector<const char*> without;
  std::vector<unsigned> without_ids;
  for (std::size_t k = 0; k < texts.size(); ++k)
    if (!needs_digit[ids[k]]) {
      without.push_back(texts[k].c_str());
      without_ids.push_back(ids[k]);
    }
  if (!out.database.empty() && !without.empty() && without.size() < texts.size())
    if (const Database db = compile(without, without_ids, HS_MODE_BLOCK, nullptr, nullptr))
      out.without_digits = serialize(db.get());
  return out;
}

}  // namespace timeliner::grammar
