#include "grammar/prefix.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

namespace timeliner::grammar {

namespace {

// Beyond this many keys a sub-pattern's keys are shortened: start-up time stays small.
constexpr std::size_t kMaxKeys = 512;

// The starts of a sub-pattern's matches: `whole` holds matches shorter than kKeyLength in full,
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
    if (s.size() >= kKeyLength) {
      s.resize(kKeyLength);
      cut.insert(std::move(s));
    } else {
      whole.insert(std::move(s));
    }
  }
  void add_cut(std::string s) {
    if (s.size() > kKeyLength) s.resize(kKeyLength);
    cut.insert(std::move(s));
  }
  void merge(const Starts& o) {
    whole.insert(o.whole.begin(), o.whole.end());
    cut.insert(o.cut.begin(), o.cut.end());
  }
  // Too many keys: shorten them all (a shorter cut key covers every longer one it begins).
  void limit() {
    for (std::size_t len = kKeyLength - 1; whole.size() + cut.size() > kMaxKeys; --len) {
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
  for (std::size_t i = 0; i <= kKeyLength + 1; ++i) {
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
        const std::size_t cap = kKeyLength + 1;
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

std::vector<std::vector<std::string>> start_keys(const std::vector<std::string_view>& patterns) {
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
  return all;
}

std::uint64_t source_hash(std::string_view source) {
  std::uint64_t h = 14695981039346656037ull;
  for (char c : source) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::string encode_keys(const std::vector<std::vector<std::string>>& keys) {
  std::string out;
  for (const auto& rule : keys) {
    if (rule.size() > 0xFFFF) throw std::runtime_error("start keys: too many keys for one rule");
    out += static_cast<char>(rule.size() & 0xFF);
    out += static_cast<char>(rule.size() >> 8);
    for (const auto& key : rule) {
      if (key.size() > kKeyLength) throw std::runtime_error("start keys: key too long");
      out += static_cast<char>(key.size());
      out += key;
    }
  }
  return out;
}

std::optional<std::vector<std::vector<std::string>>> decode_keys(std::string_view data, std::size_t rules) {
  std::vector<std::vector<std::string>> out(rules);
  std::size_t i = 0;
  auto byte = [&](std::size_t at) { return static_cast<std::size_t>(static_cast<unsigned char>(data[at])); };
  for (auto& rule : out) {
    if (data.size() - i < 2) return std::nullopt;
    const std::size_t n = byte(i) | (byte(i + 1) << 8);
    i += 2;
    rule.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
      if (i >= data.size()) return std::nullopt;
      const std::size_t len = byte(i++);
      if (len > kKeyLength || data.size() - i < len) return std::nullopt;
      rule.emplace_back(data.substr(i, len));
      i += len;
    }
  }
  if (i != data.size()) return std::nullopt;
  return out;
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
      always_ = true;
      empty_.push_back(rule);
      continue;
    }
    first_[k[0]] = true;
    auto& rules = exact_[pack(k, key.size())];
    if (rules.empty() || rules.back() != rule) rules.push_back(rule);
  }
}

void StartIndex::finish() {
  std::vector<std::pair<std::uint64_t, std::vector<std::uint16_t>>> keys(exact_.begin(), exact_.end());
  exact_.clear();
  std::sort(keys.begin(), keys.end());  // deterministic
  auto range_of = [&](const std::vector<std::uint16_t>& rules) {
    Range r{static_cast<std::uint32_t>(rules_.size()), 0};
    rules_.insert(rules_.end(), rules.begin(), rules.end());
    r.end = static_cast<std::uint32_t>(rules_.size());
    return r;
  };
  // The keys of two bytes or more and all their beginnings of two bytes or more.
  std::unordered_map<std::uint64_t, Range> all;
  for (const auto& [packed, rules] : keys) {
    const std::size_t length = packed >> 56;
    const std::uint64_t bytes = packed & ((std::uint64_t{1} << 56) - 1);
    if (length == 1) {
      one_[bytes & 0xFF] = range_of(rules);
      continue;
    }
    all[packed] = range_of(rules);
    for (std::size_t len = 2; len < length; ++len) {
      const std::uint64_t prefix =
          (static_cast<std::uint64_t>(len) << 56) | (bytes & ((std::uint64_t{1} << (8 * len)) - 1));
      all.emplace(prefix, Range{});
    }
  }
  std::size_t size = 16;
  shift_ = 60;
  while (size < 2 * all.size()) {
    size *= 2;
    --shift_;
  }
  slots_.assign(size, Slot{});
  for (const auto& [packed, rules] : all) {
    std::size_t i = static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ull) >> shift_);
    while (slots_[i].packed != 0) i = (i + 1) & (size - 1);
    slots_[i] = Slot{packed, rules};
  }
}

const StartIndex::Slot* StartIndex::find(std::uint64_t packed) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ull) >> shift_);; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.packed == packed) return &s;
    if (s.packed == 0) return nullptr;
  }
}

void StartIndex::candidates(std::string_view text, std::size_t pos, std::vector<std::uint16_t>& out) const {
  if (!empty_.empty()) out.insert(out.end(), empty_.begin(), empty_.end());
  const std::size_t n = std::min(kKeyLength, text.size() - pos);
  if (n == 0) return;
  const auto* t = reinterpret_cast<const unsigned char*>(text.data() + pos);
  const unsigned k0 = key_byte(t[0]);
  if (!first_[k0]) return;
  const Range one = one_[k0];
  if (one.begin != one.end) out.insert(out.end(), rules_.begin() + one.begin, rules_.begin() + one.end);
  if (slots_.empty()) return;
  std::uint64_t bytes = k0;
  for (std::size_t len = 2; len <= n; ++len) {
    bytes |= static_cast<std::uint64_t>(key_byte(t[len - 1])) << (8 * (len - 1));
    const Slot* s = find((static_cast<std::uint64_t>(len) << 56) | bytes);
    if (!s) return;  // no key begins so
    if (s->rules.begin != s->rules.end)
      out.insert(out.end(), rules_.begin() + s->rules.begin, rules_.begin() + s->rules.end);
  }
}

}  // namespace timeliner::grammar
