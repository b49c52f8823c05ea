#include "nlp/lexicon.hpp"

#include <cctype>

namespace timeliner::nlp {

std::uint64_t hash_bytes(std::string_view s) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return mix(h);
}

void normalize(std::string_view form, std::string& out) {
  out.clear();
  for (char c : form) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isdigit(u))
      out += '0';
    else
      out += static_cast<char>(std::tolower(u));
  }
}

namespace {

// "Xxxx", "xx-xx", "dd.dd", "X.X.": letters as x/X, digits d, other bytes as they are, a run of a
// class longer than two shortened to two.
std::uint64_t shape_of(std::string_view form) {
  std::uint64_t h = 0x5A17E;
  char last = 0;
  int run = 0;
  for (char c : form) {
    const auto u = static_cast<unsigned char>(c);
    char k = std::isupper(u) ? 'X' : std::islower(u) ? 'x' : std::isdigit(u) ? 'd' : u >= 0x80 ? 'u' : c;
    if (u >= 0x80 && (u & 0xC0) == 0x80) continue;  // one 'u' per code point
    run = k == last ? run + 1 : 1;
    last = k;
    if (run > 2) continue;
    h = combine(h, static_cast<unsigned char>(k));
  }
  return h;
}

Lex make_boundary(std::uint64_t seed) {
  Lex l;
  l.form = l.norm = l.shape = seed;
  for (auto& p : l.prefix) p = seed;
  for (auto& s : l.suffix) s = seed;
  return l;
}

}  // namespace

const Lex& lex_start() {
  static const Lex l = make_boundary(0x5747);
  return l;
}
const Lex& lex_end() {
  static const Lex l = make_boundary(0xE4D);
  return l;
}

void describe(const std::vector<std::string_view>& forms, const LexTable& table, std::vector<Lex>& out,
              std::string& scratch) {
  out.resize(forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const std::string_view f = forms[i];
    Lex& l = out[i];
    l.form = hash_bytes(f);
    normalize(f, scratch);
    l.norm = hash_bytes(scratch);
    const std::size_t n = scratch.size();
    for (std::size_t k = 0; k < 4; ++k) l.prefix[k] = hash_bytes(std::string_view(scratch).substr(0, k + 1)) + k;
    for (std::size_t k = 0; k < 5; ++k)
      l.suffix[k] = hash_bytes(std::string_view(scratch).substr(n > k + 1 ? n - k - 1 : 0)) + 7 + k;
    l.shape = shape_of(f);
    l.flags = 0;
    bool lower = false, upper = false;
    for (char c : f) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isupper(u)) upper = true;
      if (std::islower(u)) lower = true;
      if (std::isdigit(u)) l.flags |= kDigit;
      if (c == '-') l.flags |= kHyphen;
      if (c == '.') l.flags |= kPeriod;
    }
    if (!f.empty() && std::isupper(static_cast<unsigned char>(f[0]))) l.flags |= kCapital;
    if (upper && !lower) l.flags |= kAllCaps;
    const LexEntry* e = table.find(l.norm);
    l.entry = e ? *e : LexEntry{};
  }
}

}  // namespace timeliner::nlp
