#include "grammar/prefix.hpp"

#include <re2/filtered_re2.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

namespace timeliner::grammar {

namespace {

// Beyond this many keys a sub-pattern's keys are shortened: the analysis (run by the build for the
// bundled grammar) and the index stay small. 2048 shortened the keys of the numbers in words
// ("the couple" became "the c", tried at every "the company"); 16384 keeps them (the bundled
// index: 43 K keys -> 81 K, 1.1 MB more of binary, under a second more of build).
constexpr std::size_t kMaxKeys = 16384;
// LongKeys: fewer, a rule with more than kMaxLongKeys is not tested anyway.
constexpr std::size_t kMaxLongAnalysisKeys = 4096;

// The length of the keys being found (kKeyLength for the start index, longer for LongKeys).
thread_local std::size_t key_length = kKeyLength;
// Whether runs of white space are written as one space in the keys being found (LongKeys).
thread_local bool collapse_spaces = false;
thread_local std::size_t max_keys = kMaxKeys;

void collapse(std::string& s) {
  if (!collapse_spaces) return;
  std::size_t o = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!(s[i] == ' ' && o > 0 && s[o - 1] == ' ')) s[o++] = s[i];
  s.resize(o);
}

// The starts of a sub-pattern's matches: `whole` holds matches shorter than key_length in full,
// `cut` holds beginnings after which anything may follow.
struct Starts {
  std::set<std::string> whole, cut;

  static Starts empty_match() {
    Starts s;
    s.whole.insert("");
    return s;
  }
  static Starts anything() {
    Starts s;
    s.cut.insert("");
    return s;
  }
  void add_whole(std::string s) {
    collapse(s);
    if (s.size() >= key_length) {
      s.resize(key_length);
      cut.insert(std::move(s));
    } else {
      whole.insert(std::move(s));
    }
  }
  void add_cut(std::string s) {
    collapse(s);
    if (s.size() > key_length) s.resize(key_length);
    cut.insert(std::move(s));
  }
  void merge(const Starts& o) {
    whole.insert(o.whole.begin(), o.whole.end());
    cut.insert(o.cut.begin(), o.cut.end());
  }
  // Too many keys: shorten them all (a shorter cut key covers every longer one it begins).
  void limit() {
    for (std::size_t len = key_length - 1; whole.size() + cut.size() > max_keys; --len) {
      Starts s;
      for (const auto& w : whole) s.cut.insert(w.substr(0, len));
      for (const auto& c : cut) s.cut.insert(c.substr(0, len));
      *this = std::move(s);
      if (len == 0) break;
    }
  }
  bool operator==(const Starts& o) const { return whole == o.whole && cut == o.cut; }
};

Starts concat(const Starts& a, const Starts& b) {
  Starts r;
  r.cut = a.cut;
  for (const auto& x : a.whole) {
    for (const auto& y : b.whole) r.add_whole(x + y);
    for (const auto& y : b.cut) r.add_cut(x + y);
  }
  r.limit();
  return r;
}

Starts star(const Starts& a) {
  Starts r = Starts::empty_match();
  for (std::size_t i = 0; i <= key_length + 1; ++i) {
    Starts next = r;
    next.merge(concat(r, a));
    next.limit();
    if (next == r) break;
    r = std::move(next);
  }
  return r;
}

// One byte out of `cs`. A non-ASCII byte (0x80) begins a multi-byte character, so anything may
// follow it; so may 'k' and 's', which match the Kelvin sign and the long s without case.
Starts chars(const std::set<unsigned char>& cs) {
  Starts s;
  for (unsigned char c : cs) {
    if (c == 0x80) {
      s.cut.insert("\x80");
      continue;
    }
    s.whole.insert(std::string(1, static_cast<char>(c)));
    if (c == 'k' || c == 's') s.cut.insert("\x80");
  }
  return s;
}

using Memo = std::map<std::string, Starts, std::less<>>;  // group text -> its starts

class Analyzer {
 public:
  Analyzer(std::string_view p, Memo& memo) : p_(p), memo_(memo) {}

  Starts run() {
    Starts s = alternation();
    if (i_ != p_.size()) fail("unbalanced ')'");
    return s;
  }

 private:
  [[noreturn]] void fail(const char* what) const { throw std::runtime_error(std::string("start keys: ") + what); }
  bool more() const { return i_ < p_.size(); }
  unsigned char peek() const { return static_cast<unsigned char>(p_[i_]); }

  Starts alternation() {
    Starts s = sequence();
    while (more() && peek() == '|') {
      ++i_;
      s.merge(sequence());
      s.limit();
    }
    return s;
  }

  Starts sequence() {
    Starts s = Starts::empty_match();
    while (more() && peek() != '|' && peek() != ')') {
      if (skipping_ > 0) {
        quantified(atom());
        continue;
      }
      // Once no start is whole, later atoms add nothing: they are only parsed past.
      if (s.whole.empty()) ++skipping_;
      Starts a = quantified(atom());
      if (s.whole.empty()) {
        --skipping_;
      } else {
        s = concat(s, a);
      }
    }
    return s;
  }

  Starts quantified(Starts a) {
    if (skipping_ > 0) a = Starts::empty_match();  // the operators below are then cheap
    while (more()) {
      const unsigned char c = peek();
      if (c == '?') {
        ++i_;
        a.merge(Starts::empty_match());
      } else if (c == '*') {
        ++i_;
        a = star(a);
      } else if (c == '+') {
        ++i_;
        a = concat(a, star(a));
      } else if (c == '{') {
        std::size_t j = i_ + 1, lo = 0, hi = 0;
        bool has_lo = false, has_comma = false, has_hi = false;
        while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9')
          lo = std::min<std::size_t>(lo * 10 + (p_[j++] - '0'), 1000), has_lo = true;
        if (j < p_.size() && p_[j] == ',') {
          has_comma = true;
          ++j;
          while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9')
            hi = std::min<std::size_t>(hi * 10 + (p_[j++] - '0'), 1000), has_hi = true;
        }
        if (!has_lo || j >= p_.size() || p_[j] != '}') return a;  // a literal '{', read as an atom next
        i_ = j + 1;
        if (!has_comma) hi = lo;
        const std::size_t cap = key_length + 1;
        Starts r = Starts::empty_match();
        for (std::size_t k = 0; k < std::min(lo, cap); ++k) r = concat(r, a);
        if (has_comma && !has_hi) {
          r = concat(r, star(a));
        } else {
          Starts opt = a;
          opt.merge(Starts::empty_match());
          for (std::size_t k = lo; k < hi && k < lo + cap; ++k) r = concat(r, opt);
        }
        a = std::move(r);
      } else {
        break;
      }
      if (more() && peek() == '?') ++i_;  // non-greedy: the same strings
    }
    return a;
  }

  // One escape after a backslash, inside or outside a class: adds its key bytes to `cs`, or
  // returns false when it stands for more than the analysis follows.
  bool escape(std::set<unsigned char>& cs, bool& zero_width) {
    if (!more()) fail("trailing backslash");
    const unsigned char c = peek();
    ++i_;
    zero_width = false;
    switch (c) {
      case 'd':
        cs.insert('0');
        return true;
      case 's':
        cs.insert(' ');
        return true;
      case 'n':
      case 't':
      case 'r':
      case 'f':
      case 'v':
        cs.insert(' ');
        return true;
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        zero_width = true;
        return true;
      default:
        break;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
    cs.insert(key_byte(c));
    return true;
  }

  // After '(': the group's starts, up to and past its ')'.
  Starts group() {
    if (more() && peek() == '?') {
      ++i_;
      if (more() && peek() == 'P') {
        while (more() && peek() != '>') ++i_;
        if (!more()) fail("unclosed group name");
        ++i_;
      } else {
        while (more() && (std::isalpha(peek()) || peek() == '-')) ++i_;
        if (!more()) fail("unclosed group");
        if (peek() == ')') {  // flags for the rest: they match nothing
          ++i_;
          return Starts::empty_match();
        }
        if (peek() != ':') fail("unknown group");
        ++i_;
      }
    }
    Starts s = alternation();
    if (!more() || peek() != ')') fail("unclosed group");
    ++i_;
    return s;
  }

  // The index just after the ')' closing the group opened at `open`.
  std::size_t group_end(std::size_t open) const {
    int depth = 0;
    for (std::size_t j = open; j < p_.size(); ++j) {
      const char c = p_[j];
      if (c == '\\') {
        ++j;
      } else if (c == '[') {
        ++j;
        if (j < p_.size() && p_[j] == '^') ++j;
        if (j < p_.size() && p_[j] == ']') ++j;
        while (j < p_.size() && p_[j] != ']') {
          if (p_[j] == '\\') ++j;
          ++j;
        }
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        return j + 1;
      }
    }
    fail("unclosed group");
  }

  Starts atom() {
    const unsigned char c = peek();
    ++i_;
    if (c == '(') {
      // Groups recur (a vocabulary in many rules): each distinct one is analysed once.
      const std::size_t open = i_ - 1, close = group_end(open);
      const std::string whole(p_.substr(open, close - open));
      if (skipping_ > 0) {
        i_ = close;
        return Starts::empty_match();
      }
      if (auto it = memo_.find(whole); it != memo_.end()) {
        i_ = close;
        return it->second;
      }
      Starts s = group();
      if (i_ != close) fail("unbalanced group");
      memo_.emplace(whole, s);
      return s;
    }
    if (c == '[') return char_class();
    if (c == '\\') {
      std::set<unsigned char> cs;
      bool zero_width = false;
      if (!escape(cs, zero_width)) return Starts::anything();
      return zero_width ? Starts::empty_match() : chars(cs);
    }
    if (c == '.') return Starts::anything();
    if (c == '^' || c == '$') return Starts::empty_match();
    if (c == ')' || c == '|' || c == '*' || c == '+' || c == '?') fail("misplaced operator");
    return chars({key_byte(c)});
  }

  Starts char_class() {
    bool negated = false, wide = false;
    if (more() && peek() == '^') {
      negated = true;
      ++i_;
    }
    std::set<unsigned char> cs;
    bool first = true;
    while (true) {
      if (!more()) fail("unclosed class");
      unsigned char c = peek();
      if (c == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      if (c == '[' && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {
        const auto end = p_.find(":]", i_ + 2);
        if (end == std::string_view::npos) fail("unclosed class name");
        i_ = end + 2;
        wide = true;
        continue;
      }
      ++i_;
      int lo = c;
      if (c == '\\') {
        std::set<unsigned char> esc;
        bool zero_width = false;
        const std::size_t at = i_;
        if (!escape(esc, zero_width)) {
          wide = true;
          continue;
        }
        if (esc.size() != 1 || p_[at] == 'd' || p_[at] == 's') {  // a class escape, not one byte
          cs.insert(esc.begin(), esc.end());
          continue;
        }
        lo = static_cast<unsigned char>(p_[at]);
      }
      if (i_ + 1 < p_.size() && peek() == '-' && p_[i_ + 1] != ']') {
        ++i_;
        int hi = peek();
        ++i_;
        if (hi == '\\') {
          if (!more()) fail("trailing backslash");
          hi = peek();
          ++i_;
        }
        if (hi >= 0x80 || lo >= 0x80) cs.insert(0x80);
        for (int x = lo; x <= hi && x < 0x80; ++x) cs.insert(key_byte(static_cast<unsigned char>(x)));
        continue;
      }
      cs.insert(key_byte(static_cast<unsigned char>(lo)));
    }
    if (negated || wide) return Starts::anything();
    return chars(cs);
  }

  std::string_view p_;
  std::size_t i_ = 0;
  int skipping_ = 0;
  Memo& memo_;
};

}  // namespace

std::vector<std::vector<std::string>> start_keys(const std::vector<std::string_view>& patterns, std::size_t length,
                                                 bool collapsed) {
  const std::size_t was = key_length;
  key_length = length;
  collapse_spaces = collapsed;
  max_keys = collapsed ? kMaxLongAnalysisKeys : kMaxKeys;
  Memo memo;
  std::vector<std::vector<std::string>> all;
  for (std::string_view pattern : patterns) {
    std::vector<std::string> keys{""};  // not understood: possible everywhere
    try {
      Starts s = Analyzer(pattern, memo).run();
      keys.assign(s.whole.begin(), s.whole.end());
      keys.insert(keys.end(), s.cut.begin(), s.cut.end());
    } catch (const std::runtime_error&) {
    }
    all.push_back(std::move(keys));
  }
  key_length = was;
  collapse_spaces = false;
  max_keys = kMaxKeys;
  return all;
}

std::vector<std::vector<std::vector<std::string>>> required_words(const std::vector<std::string_view>& patterns) {
  std::vector<std::vector<std::vector<std::string>>> out(patterns.size());
  re2::FilteredRE2 filter(3);  // words of 3 letters or more
  RE2::Options opts;
  opts.set_case_sensitive(true);
  opts.set_log_errors(false);
  opts.set_max_mem(32 << 20);
  opts.set_longest_match(true);
  std::vector<int> id_of(patterns.size(), -1);  // the filter's id of each pattern it took
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    int id = -1;
    if (filter.Add(patterns[i], opts, &id) == RE2::NoError) id_of[i] = id;
  }
  if (filter.NumRegexps() == 0) return out;
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  // A word may stand for its atom when the text's ASCII-lower-cased bytes are enough to find it, and
  // is worth looking for when it is not one that occurs every few lines of running text (or inside
  // such words: "old" in "told", "per" in "paper").
  static const std::set<std::string, std::less<>> kCommon{
      "all", "and", "are",  "each", "every", "for", "from", "full",  "high", "long", "old",
      "one", "per", "that", "the",  "this",  "two", "was",  "whole", "with", "year", "date"};
  auto usable = [](const std::string& a) {
    if (kCommon.count(a)) return false;
    for (char c : a)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' || c == '-') || c == 'k' ||
          c == 's')
        return false;
    return !a.empty();
  };
  // Whether pattern id may match when only the atoms not in `absent` occur.
  std::vector<int> present, potential;
  auto possible = [&](const std::vector<char>& absent, int id) {
    present.clear();
    for (std::size_t a = 0; a < atoms.size(); ++a)
      if (!absent[a]) present.push_back(static_cast<int>(a));
    potential.clear();
    filter.AllPotentials(present, &potential);
    return std::find(potential.begin(), potential.end(), id) != potential.end();
  };
  // Atoms longest first: long words are rare, and tried first they make the group found rarer.
  std::vector<std::size_t> order(atoms.size());
  for (std::size_t a = 0; a < order.size(); ++a) order[a] = a;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return atoms[x].size() > atoms[y].size(); });
  // Atoms required alone: one call tells it for every pattern.
  std::vector<std::vector<std::size_t>> single(patterns.size());
  for (std::size_t a : order) {
    if (!usable(atoms[a])) continue;
    std::vector<char> absent(atoms.size(), 0);
    absent[a] = 1;
    present.clear();
    for (std::size_t b = 0; b < atoms.size(); ++b)
      if (b != a) present.push_back(static_cast<int>(b));
    potential.clear();
    filter.AllPotentials(present, &potential);
    std::sort(potential.begin(), potential.end());
    for (std::size_t i = 0; i < patterns.size(); ++i)
      if (id_of[i] >= 0 && !std::binary_search(potential.begin(), potential.end(), id_of[i])) single[i].push_back(a);
  }
  constexpr std::size_t kGroups = 2, kGroupWords = 4;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const int id = id_of[i];
    if (id < 0) continue;
    for (std::size_t a : single[i]) {
      if (out[i].size() == kGroups) break;
      out[i].push_back({atoms[a]});
    }
    if (!out[i].empty()) continue;
    // A group: usable atoms held out, longest first, until the pattern cannot match; then those not
    // needed put back.
    std::vector<char> absent(atoms.size(), 0);
    std::vector<std::size_t> held;
    bool found = false;
    for (std::size_t a : order) {
      if (!usable(atoms[a])) continue;
      absent[a] = 1;
      held.push_back(a);
      if (!possible(absent, id)) {
        found = true;
        break;
      }
    }
    if (!found) continue;
    std::vector<std::string> group;
    for (auto it = held.rbegin(); it != held.rend(); ++it) {
      absent[*it] = 0;
      if (!possible(absent, id)) continue;  // not needed
      absent[*it] = 1;
      group.push_back(atoms[*it]);
    }
    if (!group.empty() && group.size() <= kGroupWords) {
      std::sort(group.begin(), group.end());
      out[i].push_back(std::move(group));
    }
  }
  return out;
}

std::string encode_required(const std::vector<std::vector<std::vector<std::string>>>& required) {
  std::string out;
  for (const auto& groups : required) {
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (g) out += ';';
      for (std::size_t w = 0; w < groups[g].size(); ++w) {
        if (w) out += '|';
        out += groups[g][w];
      }
    }
    out += '\n';
  }
  return out;
}

std::vector<std::vector<std::vector<std::string>>> decode_required(std::string_view text) {
  std::vector<std::vector<std::vector<std::string>>> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::vector<std::vector<std::string>> groups;
    std::string_view line = text.substr(pos, nl - pos);
    while (!line.empty()) {
      std::size_t semi = line.find(';');
      std::string_view g = line.substr(0, semi);
      std::vector<std::string> words;
      while (!g.empty()) {
        std::size_t bar = g.find('|');
        words.emplace_back(g.substr(0, bar));
        g = bar == std::string_view::npos ? std::string_view{} : g.substr(bar + 1);
      }
      groups.push_back(std::move(words));
      line = semi == std::string_view::npos ? std::string_view{} : line.substr(semi + 1);
    }
    out.push_back(std::move(groups));
    pos = nl + 1;
  }
  return out;
}

std::uint64_t source_hash(std::string_view source) {
  std::uint64_t h = 14695981039346656037ull;
  for (char c : source) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

// A key's hash (which tells its length too) as its rule's.
std::uint64_t LongKeys::mix(std::size_t rule, std::uint64_t hash) {
  return hash ^ (static_cast<std::uint64_t>(rule) * 0x9E3779B97F4A7C15ull);
}

// What the table holds of it: never 0, the mark of a free slot.
std::uint32_t LongKeys::fingerprint(std::uint64_t mixed) { return static_cast<std::uint32_t>(mixed) | 1u; }

void LongKeys::build(const std::vector<std::vector<std::string>>& keys) {
  masks_.assign(keys.size(), 0);
  std::vector<std::uint64_t> values;
  for (std::size_t r = 0; r < keys.size(); ++r) {
    if (keys[r].size() > kMaxLongKeys) continue;
    std::uint32_t mask = 0;
    std::vector<std::uint64_t> mine;
    bool any = false;
    for (const auto& k : keys[r]) {
      if (k.empty() || k.size() > kLongKeyLength) {
        any = true;
        break;
      }
      std::uint64_t h = 14695981039346656037ull;
      for (char c : k) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
      }
      mask |= std::uint32_t{1} << k.size();
      mine.push_back(mix(r, h));
    }
    if (any) continue;
    masks_[r] = mask;
    values.insert(values.end(), mine.begin(), mine.end());
  }
  std::size_t size = 16;
  unsigned shift = 60;
  while (size < values.size() * 2) {
    size *= 2;
    --shift;
  }
  table_.assign(size, 0);
  for (std::uint64_t v : values) {
    std::size_t i = static_cast<std::size_t>((v * 0x9E3779B97F4A7C15ull) >> shift);
    const auto f = fingerprint(v);
    while (table_[i] != 0 && table_[i] != f) i = (i + 1) & (size - 1);
    table_[i] = f;
  }
  data_ = {masks_, table_, shift};
}

std::size_t LongKeys::hashes(std::string_view text, std::size_t pos, std::uint64_t* h) {
  std::uint64_t v = 14695981039346656037ull;
  std::size_t n = 0;
  unsigned char last = 0;
  for (std::size_t i = pos; i < text.size() && n < kLongKeyLength; ++i) {
    const unsigned char b = key_byte(static_cast<unsigned char>(text[i]));
    if (b == ' ' && last == ' ') continue;
    last = b;
    v ^= b;
    v *= 1099511628211ull;
    h[++n] = v;
  }
  return n;
}

bool LongKeys::pass(std::size_t rule, const std::uint64_t* h, std::size_t n) const {
  const std::size_t size = data_.table.size();
  // The lengths of its keys that the text has, shortest first.
  for (std::uint32_t mask = data_.masks[rule] & ((std::uint32_t{2} << n) - 1); mask != 0; mask &= mask - 1) {
    const auto len = static_cast<std::size_t>(std::countr_zero(mask));
    const std::uint64_t v = mix(rule, h[len]);
    const auto f = fingerprint(v);
    for (std::size_t i = static_cast<std::size_t>((v * 0x9E3779B97F4A7C15ull) >> data_.shift);;
         i = (i + 1) & (size - 1)) {
      if (data_.table[i] == f) return true;
      if (data_.table[i] == 0) break;
    }
  }
  return false;
}

std::uint64_t StartIndex::pack(const unsigned char* k, std::size_t n) {
  std::uint64_t v = static_cast<std::uint64_t>(n) << 56;
  for (std::size_t i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(k[i]) << (8 * i);
  return v;
}

void StartIndex::add(std::uint16_t rule, const std::vector<std::string>& keys) {
  for (const auto& key : keys) {
    const auto* k = reinterpret_cast<const unsigned char*>(key.data());
    if (key.empty()) {
      empty_.push_back(rule);
      continue;
    }
    first_[k[0]] = 1;
    pairs_.emplace_back(pack(k, key.size()), rule);
  }
}

void StartIndex::finish() {
  // The keys in lexicographic order: as big-endian numbers, then shorter first. Then each key's
  // beginnings that the key before it does not share are new, and every beginning is seen once.
  struct Key {
    std::uint64_t big = 0;  // the bytes, the first in the highest bits
    std::uint64_t packed = 0;
    std::size_t length = 0;
    std::uint16_t rule = 0;
    bool operator<(const Key& o) const {
      if (big != o.big) return big < o.big;
      if (length != o.length) return length < o.length;
      return rule < o.rule;
    }
  };
  std::vector<Key> keys;
  keys.reserve(pairs_.size());
  for (const auto& [packed, rule] : pairs_) {
    Key k;
    k.packed = packed;
    k.length = packed >> 56;
    for (std::size_t i = 0; i < k.length; ++i) k.big |= ((packed >> (8 * i)) & 0xFF) << (8 * (7 - i));
    k.rule = rule;
    keys.push_back(k);
  }
  pairs_.clear();
  pairs_.shrink_to_fit();
  std::sort(keys.begin(), keys.end());
  std::vector<std::pair<std::uint64_t, std::uint64_t>> all;  // keys of two bytes or more, their beginnings
  const Key* previous = nullptr;
  for (std::size_t i = 0; i < keys.size();) {
    const Key& k = keys[i];
    const auto begin = static_cast<std::uint32_t>(rules_.size());
    for (; i < keys.size() && keys[i].big == k.big && keys[i].length == k.length; ++i)
      if (rules_.size() == begin || keys[i].rule != rules_.back()) rules_.push_back(keys[i].rule);
    const auto end = static_cast<std::uint32_t>(rules_.size());
    if (k.length == 1) {
      one_[2 * (k.packed & 0xFF)] = begin;
      one_[2 * (k.packed & 0xFF) + 1] = end;
    } else {
      std::size_t shared = 0;  // bytes in common with the key before
      if (previous)
        while (shared < std::min(previous->length, k.length) &&
               ((previous->big >> (8 * (7 - shared))) & 0xFF) == ((k.big >> (8 * (7 - shared))) & 0xFF))
          ++shared;
      const std::uint64_t bytes = k.packed & ((std::uint64_t{1} << 56) - 1);
      for (std::size_t len = std::max<std::size_t>(2, shared + 1); len < k.length; ++len)
        all.emplace_back((static_cast<std::uint64_t>(len) << 56) | (bytes & ((std::uint64_t{1} << (8 * len)) - 1)), 0);
      all.emplace_back(k.packed, begin | (static_cast<std::uint64_t>(end) << 32));
    }
    previous = &k;
  }
  std::size_t size = 16;
  unsigned shift = 60;
  while (size < 2 * all.size()) {
    size *= 2;
    --shift;
  }
  slots_.assign(2 * size, 0);
  for (const auto& [packed, range] : all) {
    std::size_t i = static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ull) >> shift);
    while (slots_[2 * i] != 0) i = (i + 1) & (size - 1);
    slots_[2 * i] = packed;
    slots_[2 * i + 1] = range;
  }
  adopt(StartIndexData{empty_, rules_, one_, slots_, first_, shift});
}

void StartIndex::adopt(const StartIndexData& data) {
  data_ = data;
  always_ = !data_.empty.empty();
}

StartIndexData StartIndex::data() const { return data_; }

std::ptrdiff_t StartIndex::find(std::uint64_t packed) const {
  const std::size_t mask = data_.slots.size() / 2 - 1;
  for (std::size_t i = static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ull) >> data_.shift);; i = (i + 1) & mask) {
    const std::uint64_t at = data_.slots[2 * i];
    if (at == packed) return static_cast<std::ptrdiff_t>(2 * i + 1);
    if (at == 0) return -1;
  }
}

std::size_t StartIndex::candidates(std::string_view text, std::size_t pos, std::span<const std::uint16_t>* out) const {
  std::size_t lists = 0;
  auto add = [&](std::uint32_t begin, std::uint32_t end) {
    if (begin != end) out[lists++] = data_.rules.subspan(begin, end - begin);
  };
  if (always_) out[lists++] = data_.empty;
  const std::size_t n = std::min(kKeyLength, text.size() - pos);
  if (n == 0) return lists;
  const auto* t = reinterpret_cast<const unsigned char*>(text.data() + pos);
  const unsigned k0 = key_byte(t[0]);
  if (!data_.first[k0]) return lists;
  add(data_.one[2 * k0], data_.one[2 * k0 + 1]);
  if (data_.slots.empty()) return lists;
  std::uint64_t bytes = k0;
  for (std::size_t len = 2; len <= n; ++len) {
    bytes |= static_cast<std::uint64_t>(key_byte(t[len - 1])) << (8 * (len - 1));
    const std::ptrdiff_t at = find((static_cast<std::uint64_t>(len) << 56) | bytes);
    if (at < 0) return lists;  // no key begins so
    const std::uint64_t range = data_.slots[static_cast<std::size_t>(at)];
    add(static_cast<std::uint32_t>(range), static_cast<std::uint32_t>(range >> 32));
  }
  return lists;
}

}  // namespace timeliner::grammar
