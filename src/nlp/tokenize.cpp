// Words of English text, as the English Web Treebank writes them.
#include <timeliner/nlp.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace timeliner::nlp {
namespace {

// A code point and its length in bytes (an invalid byte is a code point of its own).
struct Cp {
  char32_t c = 0;
  std::size_t n = 1;
};

Cp decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > s.size()) return {b, 1};
  char32_t c = b & (0x3F >> (n - 1));
  for (std::size_t k = 1; k < n; ++k) {
    const auto x = static_cast<unsigned char>(s[i + k]);
    if ((x & 0xC0) != 0x80) return {b, 1};
    c = (c << 6) | (x & 0x3F);
  }
  return {c, n};
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000;
}

// Punctuation and symbols that are words of their own; everything else that is not a space is
// part of a word.
bool is_punct(char32_t c) {
  if (c < 0x80) return std::ispunct(static_cast<int>(c)) != 0;
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || c == 0xAB || c == 0xBB || c == 0xA1 ||
         c == 0xBF || c == 0xB7 || c == 0xA7 || c == 0xB6 || c == 0xA9 || c == 0xAE || c == 0x2122 ||
         (c >= 0x2190 && c <= 0x21FF) || (c >= 0x25A0 && c <= 0x27BF);
}

bool is_alnum_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_digit_byte(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words a period ends without ending the sentence.
bool is_abbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 60> kList = {
      "mr",   "mrs",  "ms",   "dr",    "jr",   "sr",   "st",   "inc",   "corp",  "co",    "ltd",  "vs",
      "etc",  "jan",  "feb",  "mar",   "apr",  "jun",  "jul",  "aug",   "sep",   "sept",  "oct",  "nov",
      "dec",  "mon",  "tue",  "tues",  "wed",  "thu",  "thur", "thurs", "fri",   "sat",   "sun",  "gen",
      "gov",  "sen",  "rep",  "reps",  "rev",  "lt",   "col",  "capt",  "sgt",   "ft",    "no",   "mt",
      "prof", "dept", "est",  "approx", "ave", "blvd", "univ", "assn",  "bros",  "pres",  "cf",   "al"};
  if (word.empty()) return false;
  // "J.", "U.S.", "e.g.", "a.m.": letters with periods between them.
  bool letters_and_periods = true, has_period = false;
  for (char c : word) {
    if (c == '.') has_period = true;
    else if (!std::isalpha(static_cast<unsigned char>(c))) letters_and_periods = false;
  }
  if (letters_and_periods && (has_period || (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0])))))
    return true;
  const std::string w = lower(word);
  return std::find(kList.begin(), kList.end(), w) != kList.end();
}

// Prefixes the treebank keeps joined to a word by a hyphen ("e-mail", "re-election").
bool joined_prefix(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kList = {
      "e",     "co",    "pre",   "post", "non",  "re",  "semi", "psycho", "pro",  "mid", "ex",    "anti",
      "multi", "un",    "sub",   "socio", "vice", "x",  "over", "mega",   "micro", "inter", "counter", "cyber"};
  const std::string w = lower(word);
  return std::find(kList.begin(), kList.end(), w) != kList.end();
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : t_(text) {}

  std::vector<Word> run() {
    std::size_t i = 0;
    while (i < t_.size()) {
      const Cp c = decode(t_, i);
      if (is_space(c.c)) {
        i += c.n;
        continue;
      }
      std::size_t j = i;
      while (j < t_.size()) {
        const Cp d = decode(t_, j);
        if (is_space(d.c)) break;
        j += d.n;
      }
      chunk(i, j);
      i = j;
    }
    return std::move(out_);
  }

 private:
  std::string_view t_;
  std::vector<Word> out_;

  void emit(std::size_t b, std::size_t e) {
    if (e <= b) return;
    Word w;
    w.begin = b;
    w.end = e;
    out_.push_back(w);
  }

  bool punct_at(std::size_t i) const { return is_punct(decode(t_, i).c); }

  // The start of the code point that ends at `e`.
  std::size_t back(std::size_t b, std::size_t e) const {
    std::size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(t_[k]) & 0xC0) == 0x80) --k;
    return k;
  }

  static bool is_emoticon(std::string_view s) {
    static constexpr std::array<std::string_view, 22> kList = {
        ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":p", ":-P", "<3",
        ":/", ":-/", "^_^", "XD", ":'(", ":o", ":O", "=)", ":]", ";-P"};
    return std::find(kList.begin(), kList.end(), s) != kList.end();
  }

  static bool is_url(std::string_view s) {
    const std::string l = lower(s.substr(0, std::min<std::size_t>(s.size(), 12)));
    if (s.find("://") != std::string_view::npos || l.starts_with("www.")) return true;
    // An e-mail address: letters, an @, then a domain with a dot.
    const auto at = s.find('@');
    return at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos &&
           is_alnum_byte(s[at - 1]) && at + 1 < s.size() && is_alnum_byte(s[at + 1]);
  }

  // A run of sentence-final punctuation ("...", "?!", "!!!") or of one repeated sign ("--", "**").
  std::size_t punct_run(std::size_t i, std::size_t e) const {
    const char first = t_[i];
    const bool final = first == '.' || first == '!' || first == '?';
    std::size_t j = i + decode(t_, i).n;
    while (j < e) {
      const char c = t_[j];
      if (final ? (c == '.' || c == '!' || c == '?') : (c == first && static_cast<unsigned char>(c) < 0x80)) {
        ++j;
        continue;
      }
      break;
    }
    return j;
  }

  void chunk(std::size_t b, std::size_t e) {
    const std::string_view whole = t_.substr(b, e - b);
    if (is_emoticon(whole)) return emit(b, e);
    // Leading punctuation: brackets, quotes, currency, bullets; each a word ("((" two).
    std::vector<std::pair<std::size_t, std::size_t>> tail;  // trailing words, from the last
    while (b < e && punct_at(b)) {
      const char c = t_[b];
      // "#1", "@name", "-5": signs that go with what follows stay for the word scan; "'s", "'90s".
      if ((c == '@' || c == '#') && b + 1 < e && is_alnum_byte(t_[b + 1]) && c == '@') break;
      if (c == '\'' && b + 1 < e && is_alnum_byte(t_[b + 1])) {
        const std::string rest = lower(t_.substr(b + 1, e - b - 1));
        if (rest == "s" || rest == "em" || rest == "til" || rest == "cause" ||
            (is_digit_byte(t_[b + 1]) && rest.size() <= 3))
          break;
      }
      const std::size_t j = (c == '.' || c == '-' || c == '*' || c == '=' || c == '_' || c == '!' || c == '?')
                                ? punct_run(b, e)
                                : b + decode(t_, b).n;
      emit(b, j);
      b = j;
    }
    if (b >= e) return;
    if (is_url(t_.substr(b, e - b))) {
      // Trailing punctuation of a sentence or a bracket still goes.
      while (e > b && (t_[e - 1] == '.' || t_[e - 1] == ',' || t_[e - 1] == ')' || t_[e - 1] == '"' ||
                       t_[e - 1] == ';' || t_[e - 1] == '!' || t_[e - 1] == '?' || t_[e - 1] == '>')) {
        tail.emplace_back(e - 1, e);
        --e;
      }
      emit(b, e);
      for (auto it = tail.rbegin(); it != tail.rend(); ++it) emit(it->first, it->second);
      return;
    }
    // Trailing punctuation, from the end.
    bool abbreviation = false;
    while (e > b) {
      const std::size_t k = back(b, e);
      const char32_t c = decode(t_, k).c;
      if (!is_punct(c)) break;
      if (c == '.' || c == '!' || c == '?') {
        // A run of them; a single period after an abbreviation stays with it.
        std::size_t s = e;
        while (s > b && (t_[s - 1] == '.' || t_[s - 1] == '!' || t_[s - 1] == '?')) --s;
        // A period after an abbreviation stays with it ("Inc.", and "Inc.." ends a sentence).
        if (s > b && t_[s] == '.' && (e - s == 1 || (e - s == 2 && t_[s + 1] == '.')) &&
            is_abbreviation(t_.substr(word_start(b, s), s - word_start(b, s)))) {
          if (e - s == 2) tail.emplace_back(s + 1, e);
          e = s + 1;
          abbreviation = true;
          break;
        }
        tail.emplace_back(s, e);
        e = s;
        continue;
      }
      // "parents'": the apostrophe of a plural possessive; "'" closing a quote otherwise.
      if (c == '\'' && k > b && (t_[k - 1] == 's' || t_[k - 1] == 'S') && k - b >= 2 && !quote_opened(b, k)) {
        tail.emplace_back(k, e);
        e = k;
        break;
      }
      if (c == '-' || c == '*' || c == '=' || c == '_') {
        std::size_t s = k;
        while (s > b && t_[s - 1] == static_cast<char>(c)) --s;
        tail.emplace_back(s, e);
        e = s;
        continue;
      }
      // An emoticon at the end of a word ("great:)").
      if ((c == ')' || c == '(') && k > b && (t_[k - 1] == ':' || t_[k - 1] == ';') && k - 1 > b) {
        tail.emplace_back(k - 1, e);
        e = k - 1;
        continue;
      }
      tail.emplace_back(k, e);
      e = k;
    }
    inner(b, e, abbreviation);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) emit(it->first, it->second);
  }

  // Where the word of letters and periods ending at `e` starts (for abbreviations: "U.S").
  std::size_t word_start(std::size_t b, std::size_t e) const {
    std::size_t s = e;
    while (s > b && (std::isalpha(static_cast<unsigned char>(t_[s - 1])) || t_[s - 1] == '.')) --s;
    return s;
  }

  // Whether a quote "'" opens somewhere in [b, k): the closing one is a quote's, not a possessive.
  bool quote_opened(std::size_t b, std::size_t k) const {
    for (std::size_t i = b; i < k; ++i)
      if (t_[i] == '\'' && (i == b || !is_alnum_byte(t_[i - 1]))) return true;
    return false;
  }

  // The middle of a chunk: words split at inner punctuation, then clitics.
  // `abbreviation`: the chunk ends with the period of an abbreviation, which stays.
  void inner(std::size_t b, std::size_t e, bool abbreviation) {
    std::size_t start = b;
    std::size_t i = b;
    while (i < e) {
      const Cp c = decode(t_, i);
      if (!is_punct(c.c)) {
        i += c.n;
        continue;
      }
      const char ch = t_[i];
      const bool prev_alnum = i > start && (is_alnum_byte(t_[i - 1]) || static_cast<unsigned char>(t_[i - 1]) >= 0x80);
      const bool next_alnum = i + 1 < e && (is_alnum_byte(t_[i + 1]) || static_cast<unsigned char>(t_[i + 1]) >= 0x80);
      const bool prev_digit = i > start && is_digit_byte(t_[i - 1]);
      const bool next_digit = i + 1 < e && is_digit_byte(t_[i + 1]);
      bool keep = false;
      if ((ch == '\'' || (c.c == 0x2019)) && prev_alnum && next_alnum) keep = true;  // clitics, "O'Brien"
      if ((ch == '.' || ch == ',' || ch == ':' || ch == '/') && prev_digit && next_digit) keep = true;
      if (ch == '.' && prev_alnum && next_alnum) keep = true;  // "U.S", "e.g", "file.txt"
      if (ch == '.' && abbreviation && i + 1 == e) keep = true;
      // "b/c", "w/o": one letter on each side.
      if (ch == '/' && prev_alnum && next_alnum && i == start + 1 && (i + 2 == e || !is_alnum_byte(t_[i + 2])))
        keep = true;
      if (ch == '&' && prev_alnum && next_alnum) keep = true;  // "AT&T"
      if ((ch == '@' || ch == '_') && prev_alnum && next_alnum) keep = true;
      if (ch == '-' && prev_alnum && next_alnum) {
        // "713-853-3989", "e-mail", "re-election" stay; "Al-Zaman", "long-term" split.
        std::size_t w = i;
        while (w > start && (is_alnum_byte(t_[w - 1]) || static_cast<unsigned char>(t_[w - 1]) >= 0x80)) --w;
        keep = (prev_digit && next_digit) || joined_prefix(t_.substr(w, i - w)) ||
               (w > start && t_[w - 1] == '-' && keep_hyphens_);
        keep_hyphens_ = keep;
      }
      if (keep) {
        i += c.n;
        continue;
      }
      word(start, i);
      const std::size_t j = (ch == '.' || ch == '-' || ch == '!' || ch == '?') ? punct_run(i, e) : i + c.n;
      emit(i, j);
      i = j;
      start = i;
    }
    word(start, e);
    keep_hyphens_ = false;
  }
  bool keep_hyphens_ = false;

  // A word, with its clitics split off: "do|n't", "I|'m", "Bush|'s", "can|not", "gon|na".
  void word(std::size_t b, std::size_t e) {
    if (e <= b) return;
    const std::string w = lower(t_.substr(b, e - b));
    auto ends = [&](std::string_view s) { return w.size() > s.size() && w.ends_with(s); };
    // The apostrophe as ' or as ’ (three bytes).
    for (const std::string_view apos : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
      const std::string nt = "n" + std::string(apos) + "t";
      if (ends(nt)) {
        const std::size_t cut = e - nt.size();
        emit(b, cut);
        emit(cut, e);
        return;
      }
      for (const std::string_view cl : {"s", "m", "d", "re", "ve", "ll"}) {
        const std::string full = std::string(apos) + std::string(cl);
        if (ends(full)) {
          const std::size_t cut = e - full.size();
          emit(b, cut);
          emit(cut, e);
          return;
        }
      }
    }
    // Without the apostrophe, as written on the web.
    static constexpr std::array<std::string_view, 20> kNt = {
        "dont",  "doesnt", "didnt", "isnt",  "wasnt",  "cant",   "wont",  "couldnt", "wouldnt", "shouldnt",
        "arent", "werent", "havent", "hasnt", "hadnt", "aint",  "arnt",  "mustnt",  "neednt",  "dont"};
    if (std::find(kNt.begin(), kNt.end(), w) != kNt.end()) {
      emit(b, e - 2);
      emit(e - 2, e);
      return;
    }
    struct Split {
      std::string_view word;
      std::size_t at;
    };
    static constexpr std::array<Split, 8> kSplits = {{{"cannot", 3},
                                                      {"gonna", 3},
                                                      {"wanna", 3},
                                                      {"gotta", 3},
                                                      {"outta", 3},
                                                      {"im", 1},
                                                      {"ive", 1},
                                                      {"youre", 3}}};
    for (const Split& s : kSplits) {
      if (w == s.word) {
        emit(b, b + s.at);
        emit(b + s.at, e);
        return;
      }
    }
    emit(b, e);
  }
};

}  // namespace

std::vector<Word> tokenize(std::string_view text) { return Tokenizer(text).run(); }

}  // namespace timeliner::nlp
