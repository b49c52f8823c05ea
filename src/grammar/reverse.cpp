#include "grammar/reverse.hpp"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace timeliner::grammar {

namespace {

struct Unsupported : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Any one character: an ASCII byte, or one to four non-ASCII bytes (every UTF-8 sequence of a
// character beyond ASCII, and lone invalid bytes too).
constexpr std::string_view kAnyChar = "(?:[\\x00-\\x7F]|[\\x80-\\xFF]{1,4})";
constexpr std::string_view kAnyWide = "[\\x80-\\xFF]{1,4}";

void append_hex(std::string& out, unsigned char b) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += "\\x";
  out += kHex[b >> 4];
  out += kHex[b & 15];
}

bool is_alnum(unsigned c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_letter(unsigned c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

void append_byte(std::string& out, unsigned char b) {
  if (is_alnum(b))
    out += static_cast<char>(b);
  else
    append_hex(out, b);
}

// The UTF-8 bytes of a code point.
std::string utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// The bytes of a code point, last first.
std::string reversed_bytes(char32_t cp) {
  const std::string s = utf8(cp);
  std::string out;
  for (auto it = s.rbegin(); it != s.rend(); ++it) append_hex(out, static_cast<unsigned char>(*it));
  return out;
}

// Non-ASCII code points that no case folding changes: Latin-1 punctuation and signs (not the micro
// sign, which folds to the Greek mu), and General Punctuation up to the combining marks for
// symbols (dashes, quotation marks, currency signs). Others are written loosely under (?i).
bool caseless(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0xBF && cp != 0xB5) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x20FF);
}

// A set of characters: ASCII bytes, non-ASCII code points written exactly, and whether any
// non-ASCII character at all may stand there.
struct CharSet {
  std::bitset<128> ascii;
  std::vector<char32_t> wide;
  bool any_wide = false;

  void add_range(char32_t lo, char32_t hi, bool fold, bool& loose) {
    for (char32_t c = lo; c <= hi && c < 0x80; ++c) add_ascii(static_cast<unsigned char>(c), fold);
    if (hi < 0x80) return;
    lo = std::max<char32_t>(lo, 0x80);
    if (lo == hi && (!fold || caseless(lo))) {
      wide.push_back(lo);
      return;
    }
    loose = true;
    any_wide = true;
    if (fold) ascii.set();  // a letter beyond ASCII may fold to an ASCII one (the Kelvin sign to k)
  }
  void add_ascii(unsigned char c, bool fold) {
    ascii.set(c);
    if (!fold || !is_letter(c)) return;
    ascii.set(c ^ 0x20);
    // RE2 folds k to the Kelvin sign and s to the long s.
    if ((c | 0x20) == 'k') wide.push_back(0x212A);
    if ((c | 0x20) == 's') wide.push_back(0x17F);
  }
  void add(const CharSet& o) {
    ascii |= o.ascii;
    wide.insert(wide.end(), o.wide.begin(), o.wide.end());
    any_wide = any_wide || o.any_wide;
  }
  // The characters not in the set: those of ASCII exactly, any non-ASCII one (a superset).
  void negate(bool& loose) {
    ascii.flip();
    wide.clear();
    any_wide = true;
    loose = true;
  }

  std::string pattern() const {
    std::vector<std::string> alternatives;
    if (ascii.any()) {
      std::string c = "[";
      for (unsigned b = 0; b < 128;) {
        if (!ascii.test(b)) {
          ++b;
          continue;
        }
        unsigned e = b;
        while (e + 1 < 128 && ascii.test(e + 1)) ++e;
        append_hex(c, static_cast<unsigned char>(b));
        if (e > b) {
          c += '-';
          append_hex(c, static_cast<unsigned char>(e));
        }
        b = e + 1;
      }
      c += ']';
      if (ascii.count() == 1) {
        c.clear();
        for (unsigned b = 0; b < 128; ++b)
          if (ascii.test(b)) append_byte(c, static_cast<unsigned char>(b));
      }
      alternatives.push_back(std::move(c));
    }
    if (any_wide) {
      alternatives.emplace_back(kAnyWide);
    } else {
      for (char32_t cp : wide) alternatives.push_back(reversed_bytes(cp));
    }
    if (alternatives.empty()) return std::string(kAnyChar);  // matches nothing: written as anything
    if (alternatives.size() == 1) return alternatives.front();
    std::string out = "(?:";
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      if (i) out += '|';
      out += alternatives[i];
    }
    return out + ")";
  }
};

// A parsed pattern. Characters are sets of one character each; assertions hold their text
// written backwards ("\\A" for $), empty when dropped.
struct Node {
  enum class Kind : std::uint8_t { chars, seq, alt, repeat, assertion };
  Kind kind = Kind::seq;
  CharSet chars;
  std::string assertion;
  std::vector<Node> children;  // seq, alt; repeat: one
  int min = 0, max = -1;       // repeat; -1: no bound

  static Node of(Kind k) {
    Node n;
    n.kind = k;
    return n;
  }
};

// The fewest characters a match has.
std::size_t min_length(const Node& n) {
  switch (n.kind) {
    case Node::Kind::chars:
      return 1;
    case Node::Kind::assertion:
      return 0;
    case Node::Kind::seq: {
      std::size_t sum = 0;
      for (const Node& c : n.children) sum += min_length(c);
      return sum;
    }
    case Node::Kind::alt: {
      std::size_t least = static_cast<std::size_t>(-1);
      for (const Node& c : n.children) least = std::min(least, min_length(c));
      return n.children.empty() ? 0 : least;
    }
    case Node::Kind::repeat:
      return static_cast<std::size_t>(n.min) * min_length(n.children.front());
  }
  return 0;
}

// Whether every match has an ASCII digit in it: a character that can only be a digit, in a part every
// match has. As the tree matches at least what the RE2 pattern matches, this holds for RE2's
// matches too.
bool needs_digit(const Node& n) {
  switch (n.kind) {
    case Node::Kind::chars: {
      if (n.chars.any_wide || !n.chars.wide.empty() || n.chars.ascii.none()) return false;
      std::bitset<128> digits;
      for (int c = '0'; c <= '9'; ++c) digits.set(static_cast<std::size_t>(c));
      return (n.chars.ascii & ~digits).none();
    }
    case Node::Kind::assertion:
      return false;
    case Node::Kind::seq:
      return std::any_of(n.children.begin(), n.children.end(), [](const Node& c) { return needs_digit(c); });
    case Node::Kind::alt:
      return !n.children.empty() &&
             std::all_of(n.children.begin(), n.children.end(), [](const Node& c) { return needs_digit(c); });
    case Node::Kind::repeat:
      return n.min >= 1 && needs_digit(n.children.front());
  }
  return false;
}

// The pattern written backwards.
std::string emit(const Node& n) {
  switch (n.kind) {
    case Node::Kind::chars:
      return n.chars.pattern();
    case Node::Kind::assertion:
      return n.assertion;
    case Node::Kind::seq: {
      std::string out;
      for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) out += emit(*it);
      return out;
    }
    case Node::Kind::alt: {
      std::string out = "(?:";
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        if (i) out += '|';
        out += emit(n.children[i]);
      }
      return out + ")";
    }
    case Node::Kind::repeat: {
      const std::string inner = emit(n.children.front());
      if (inner.empty()) return inner;  // an assertion repeated
      std::string q;
      if (n.min == 0 && n.max == 1)
        q = "?";
      else if (n.min == 0 && n.max < 0)
        q = "*";
      else if (n.min == 1 && n.max < 0)
        q = "+";
      else
        q = "{" + std::to_string(n.min) + "," + (n.max < 0 ? "" : std::to_string(n.max)) + "}";
      return "(?:" + inner + ")" + q;
    }
  }
  return "";
}

struct Flags {
  bool fold = false;
  bool multiline = false;
};

class Parser {
 public:
  Parser(std::string_view p, bool anchors) : p_(p), anchors_(anchors) {}

  Node run(bool& loose) {
    Flags flags;
    Node n = alternation(flags);
    if (more()) throw Unsupported("unbalanced )");
    loose = loose_;
    return n;
  }

 private:
  bool more() const { return i_ < p_.size(); }
  unsigned char peek() const { return static_cast<unsigned char>(p_[i_]); }
  unsigned char take() {
    if (!more()) throw Unsupported("unexpected end");
    return static_cast<unsigned char>(p_[i_++]);
  }

  Node alternation(Flags& flags) {
    Node first = sequence(flags);
    if (!more() || peek() != '|') return first;
    Node alt = Node::of(Node::Kind::alt);
    alt.children.push_back(std::move(first));
    while (more() && peek() == '|') {
      ++i_;
      alt.children.push_back(sequence(flags));
    }
    return alt;
  }

  Node sequence(Flags& flags) {
    Node seq = Node::of(Node::Kind::seq);
    while (more() && peek() != '|' && peek() != ')') seq.children.push_back(quantified(flags));
    return seq;
  }

  Node quantified(Flags& flags) {
    Node atom_node = atom(flags);
    while (more()) {
      const unsigned char c = peek();
      int lo = 0, hi = -1;
      if (c == '*') {
        ++i_;
      } else if (c == '+') {
        ++i_;
        lo = 1;
      } else if (c == '?') {
        ++i_;
        hi = 1;
      } else if (c == '{') {
        std::size_t j = i_ + 1;
        std::string low, high;
        bool comma = false;
        while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') low += p_[j++];
        if (j < p_.size() && p_[j] == ',') {
          comma = true;
          ++j;
          while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') high += p_[j++];
        }
        if (low.empty() || j >= p_.size() || p_[j] != '}') break;  // a literal '{', read next as an atom
        if (low.size() > 4 || high.size() > 4) throw Unsupported("repeat count");
        i_ = j + 1;
        lo = std::stoi(low);
        hi = !comma ? lo : high.empty() ? -1 : std::stoi(high);
        if (hi >= 0 && hi < lo) throw Unsupported("repeat count");
      } else {
        break;
      }
      if (more() && peek() == '?') ++i_;  // non-greedy: the same strings
      Node r = Node::of(Node::Kind::repeat);
      r.min = lo;
      r.max = hi;
      r.children.push_back(std::move(atom_node));
      atom_node = std::move(r);
    }
    return atom_node;
  }

  // One character of the pattern (UTF-8) as a code point.
  char32_t code_point() {
    const unsigned char lead = take();
    if (lead < 0x80) return lead;
    const int n = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
    if (n < 0) throw Unsupported("invalid UTF-8");
    char32_t cp = lead & (0x3F >> n);
    for (int k = 0; k < n; ++k) {
      const unsigned char b = take();
      if ((b & 0xC0) != 0x80) throw Unsupported("invalid UTF-8");
      cp = (cp << 6) | (b & 0x3F);
    }
    return cp;
  }

  Node chars(const CharSet& s) {
    Node n = Node::of(Node::Kind::chars);
    n.chars = s;
    return n;
  }
  Node literal(char32_t cp, const Flags& flags) {
    CharSet s;
    s.add_range(cp, cp, flags.fold, loose_);
    return chars(s);
  }
  Node assertion(std::string text) {
    Node n = Node::of(Node::Kind::assertion);
    n.assertion = std::move(text);
    return n;
  }
  // ^ or \A (the start of the text: the end of the text turned around), $ or \z.
  Node anchor(bool start) {
    if (!anchors_) {
      loose_ = true;
      return assertion("");
    }
    return assertion(start ? "\\z" : "\\A");
  }

  Node atom(Flags& flags) {
    const unsigned char c = peek();
    if (c == '(') {
      ++i_;
      return group(flags);
    }
    if (c == '[') {
      ++i_;
      return chars(char_class(flags));
    }
    if (c == '.') {
      ++i_;
      loose_ = true;
      CharSet any;
      any.ascii.set();
      any.any_wide = true;
      return chars(any);
    }
    if (c == '^' || c == '$') {
      ++i_;
      if (flags.multiline) {  // at any line start or end: no condition
        loose_ = true;
        return assertion("");
      }
      return anchor(c == '^');
    }
    if (c == '\\') {
      ++i_;
      const unsigned char e = take();
      switch (e) {
        case 'b':
          return assertion("\\b");
        case 'B':
          return assertion("\\B");
        case 'A':
          return anchor(true);
        case 'z':
          return anchor(false);
        case 'Q': {
          Node seq = Node::of(Node::Kind::seq);
          while (more() && !(peek() == '\\' && i_ + 1 < p_.size() && p_[i_ + 1] == 'E'))
            seq.children.push_back(literal(code_point(), flags));
          if (more()) i_ += 2;
          return seq;
        }
        case 'C': {
          CharSet any;
          any.ascii.set();
          any.any_wide = true;
          return chars(any);
        }
        default:
          break;
      }
      --i_;
      CharSet s;
      char32_t cp = 0;
      if (!class_escape(s, flags, cp)) s.add_range(cp, cp, flags.fold, loose_);
      return chars(s);
    }
    if (c == '*' || c == '+' || c == '?' || c == ')' || c == '|') throw Unsupported("misplaced operator");
    return literal(code_point(), flags);
  }

  // After '(': the group, up to and past its ')'.
  Node group(Flags& outer) {
    Flags flags = outer;
    if (more() && peek() == '?') {
      ++i_;
      if (more() && (peek() == 'P' || peek() == '<')) {
        if (peek() == 'P') ++i_;
        if (take() != '<') throw Unsupported("group");
        while (more() && peek() != '>') ++i_;
        take();
      } else {
        bool negative = false, any = false;
        for (;;) {
          const unsigned char f = take();
          if (f == ')') {  // flags for the rest of the enclosing group
            if (!any) throw Unsupported("empty flags");
            outer = flags;
            return Node::of(Node::Kind::seq);
          }
          if (f == ':') break;
          any = true;
          if (f == '-') {
            if (negative) throw Unsupported("flags");
            negative = true;
          } else if (f == 'i') {
            flags.fold = !negative;
          } else if (f == 'm') {
            flags.multiline = !negative;
          } else if (f != 's' && f != 'U') {
            throw Unsupported("flag");
          }
        }
      }
    }
    Node inner = alternation(flags);
    if (take() != ')') throw Unsupported("unclosed group");
    return inner;
  }

  // The ASCII characters of \d, \s, \w (RE2's \s is [\t\n\f\r ]: \v added does no harm).
  static void perl_class(unsigned char letter, CharSet& s, bool fold) {
    const char* set = letter == 'd'   ? "0123456789"
                      : letter == 's' ? " \t\n\f\r\v"
                                      : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";
    for (const char* c = set; *c; ++c) s.add_ascii(static_cast<unsigned char>(*c), fold);
  }

  // An escape after the backslash: a class, added to `s` (true), or one character, its code point
  // in `cp` (false).
  bool class_escape(CharSet& s, const Flags& flags, char32_t& cp) {
    const unsigned char e = take();
    switch (e) {
      case 'd':
      case 's':
      case 'w':
        perl_class(e, s, flags.fold);
        return true;
      case 'D':
      case 'S':
      case 'W': {
        CharSet negated;
        perl_class(static_cast<unsigned char>(e | 0x20), negated, false);
        negated.negate(loose_);
        s.add(negated);
        return true;
      }
      case 'p':
      case 'P':  // a Unicode class: any character
        if (more() && peek() == '{') {
          while (more() && peek() != '}') ++i_;
          take();
        } else {
          take();
        }
        s.ascii.set();
        s.any_wide = true;
        loose_ = true;
        return true;
      case 'a':
        cp = 7;
        return false;
      case 'f':
        cp = '\f';
        return false;
      case 't':
        cp = '\t';
        return false;
      case 'n':
        cp = '\n';
        return false;
      case 'r':
        cp = '\r';
        return false;
      case 'v':
        cp = '\v';
        return false;
      case 'x': {
        std::string hex;
        if (more() && peek() == '{') {
          ++i_;
          while (more() && peek() != '}') hex += static_cast<char>(take());
          take();
        } else {
          hex += static_cast<char>(take());
          hex += static_cast<char>(take());
        }
        if (hex.empty() || hex.size() > 6) throw Unsupported("\\x");
        cp = 0;
        for (char h : hex) {
          const int v = h >= '0' && h <= '9'   ? h - '0'
                        : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                               : -1;
          if (v < 0) throw Unsupported("\\x");
          cp = cp * 16 + static_cast<char32_t>(v);
        }
        if (cp > 0x10FFFF) throw Unsupported("\\x");
        return false;
      }
      default:
        break;
    }
    if (e >= '0' && e <= '7') {  // octal (\1 to \7 alone would be backreferences)
      cp = e - '0';
      int digits = 0;
      for (; digits < 2 && more() && peek() >= '0' && peek() <= '7'; ++digits) cp = cp * 8 + (take() - '0');
      if (e != '0' && digits == 0) throw Unsupported("backreference");
      return false;
    }
    if (is_alnum(e) || e >= 0x80) throw Unsupported("escape");
    cp = e;  // an escaped punctuation character
    return false;
  }

  // After '[': the class, up to and past its ']'.
  CharSet char_class(const Flags& flags) {
    bool negated = false;
    if (more() && peek() == '^') {
      negated = true;
      ++i_;
    }
    CharSet s;
    bool first = true;
    for (;;) {
      if (!more()) throw Unsupported("unclosed class");
      if (peek() == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      if (peek() == '[' && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {
        const auto end = p_.find(":]", i_ + 2);
        if (end == std::string_view::npos) throw Unsupported("class name");
        const std::string_view name = p_.substr(i_ + 2, end - i_ - 2);
        i_ = end + 2;
        posix_class(s, name, flags);
        continue;
      }
      char32_t lo = 0;
      if (peek() == '\\') {
        ++i_;
        if (class_escape(s, flags, lo)) continue;
      } else {
        lo = code_point();
      }
      char32_t hi = lo;
      if (i_ + 1 < p_.size() && peek() == '-' && p_[i_ + 1] != ']') {
        ++i_;
        if (peek() == '\\') {
          ++i_;
          CharSet unused;
          if (class_escape(unused, flags, hi)) throw Unsupported("class range");
        } else {
          hi = code_point();
        }
        if (hi < lo) throw Unsupported("class range");
      }
      s.add_range(lo, hi, flags.fold, loose_);
    }
    if (negated) s.negate(loose_);
    return s;
  }

  void posix_class(CharSet& s, std::string_view name, const Flags& flags) {
    bool negated = false;
    if (!name.empty() && name.front() == '^') {
      negated = true;
      name.remove_prefix(1);
    }
    CharSet c;
    auto range = [&](unsigned lo, unsigned hi) {
      for (unsigned b = lo; b <= hi; ++b) c.add_ascii(static_cast<unsigned char>(b), flags.fold);
    };
    if (name == "alpha" || name == "alnum" || name == "upper" || name == "lower" || name == "word") {
      range('A', 'Z');
      range('a', 'z');
      if (name == "alnum" || name == "word") range('0', '9');
      if (name == "word") c.ascii.set('_');
    } else if (name == "digit") {
      range('0', '9');
    } else if (name == "xdigit") {
      range('0', '9');
      range('A', 'F');
      range('a', 'f');
    } else if (name == "space") {
      for (char ch : std::string_view(" \t\n\v\f\r")) c.ascii.set(static_cast<unsigned char>(ch));
    } else if (name == "blank") {
      c.ascii.set(' ');
      c.ascii.set('\t');
    } else {  // punct, print, graph, cntrl, ascii: any ASCII character, loosely
      range(0, 127);
      loose_ = true;
    }
    if (negated) c.negate(loose_);
    s.add(c);
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool anchors_ = true;
  bool loose_ = false;
};

}  // namespace

std::optional<Reversed> reverse_pattern(std::string_view re2_pattern, const ReverseOptions& options) {
  try {
    Reversed out;
    const Node whole = Parser(re2_pattern, options.anchors).run(out.loose);
    out.pattern = emit(whole);
    out.min_length = min_length(whole);
    out.needs_digit = needs_digit(whole);
    return out;
  } catch (const Unsupported&) {
    return std::nullopt;
  }
}

}  // namespace timeliner::grammar
