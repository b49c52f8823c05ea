// Headlines and clauses: a short phrase of what happened, cut out of its sentence.
#include "events/headline.hpp"

#include "events/words.hpp"

#include <timeliner/timeline.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace timeliner {
namespace {

constexpr std::size_t kHeadlineWords = 12;

struct Token {
  std::string text;
  std::size_t begin = 0;  // bytes in the clause
  std::size_t end = 0;
  bool punct = false;  // , ; : . ! ? or a dash
};

bool is_punct_char(char c) { return c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?'; }

bool is_dash(std::string_view t) { return t == "-" || t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93"; }

// Words split at spaces; trailing punctuation becomes tokens of its own.
std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j == i) break;
    std::size_t k = j;
    while (k > i && is_punct_char(s[k - 1])) --k;
    if (k > i) {
      const std::string_view w = s.substr(i, k - i);
      out.push_back({std::string(w), i, k, is_dash(w)});
    }
    for (std::size_t p = k; p < j; ++p) out.push_back({std::string(1, s[p]), p, p + 1, true});
    i = j;
  }
  return out;
}

// Words left dangling before a temporal phrase once it is cut out.
bool dangling_before_cut(std::string_view lower_word) {
  static constexpr std::array<std::string_view, 24> words = {
      "on",     "in",   "at",     "since", "by",      "from",       "until", "during",
      "of",     "as",   "for",    "and",   "the",     "early",      "late",  "mid",
      "within", "over", "around", "till",  "through", "throughout", "ended", "ending"};
  return std::find(words.begin(), words.end(), lower_word) != words.end();
}

// Of those, the words that may stand between another one and the phrase ("in the", "until early").
bool modifier_before_cut(std::string_view lower_word) {
  return lower_word == "the" || lower_word == "early" || lower_word == "late" || lower_word == "mid";
}

// Words that cannot start or end a headline.
bool debris(std::string_view lower_word) {
  static constexpr std::array<std::string_view, 24> words = {
      "on",   "in",    "at",      "since",  "by",    "from",   "until",  "during", "of",   "and", "but",  "or",
      "then", "while", "whereas", "within", "after", "before", "around", "as",     "with", "to",  "than", "so"};
  return std::find(words.begin(), words.end(), lower_word) != words.end();
}

bool article(std::string_view lower_word) { return lower_word == "the" || lower_word == "a" || lower_word == "an"; }

bool all_caps(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letter = letter || std::isupper(static_cast<unsigned char>(c));
  }
  return letter;
}

bool is_comma(const Token& t) { return t.punct && (t.text == "," || t.text == ";" || t.text == ":"); }

bool pronoun(std::string_view lower_word) {
  return lower_word == "it" || lower_word == "they" || lower_word == "he" || lower_word == "she";
}

void drop_attribution(std::vector<Token>& toks) {
  // "Officials said on Monday that X" -> "X"; "The report said the railway..." -> "The railway...".
  // A pronoun right after is replaced by the speaker: "The railway said it will pay" -> "The railway
  // will pay".
  for (std::size_t i = 1; i < toks.size() && i < 7; ++i) {
    if (toks[i].punct) break;
    if (!words::is_speech_verb(words::lower(toks[i].text))) continue;
    std::size_t rest = 0;
    for (std::size_t j = i + 1; j < toks.size() && j <= i + 4 && !toks[j].punct; ++j)
      if (words::lower(toks[j].text) == "that") rest = j + 1;
    if (rest == 0 && i + 1 < toks.size()) {
      // With no "that", a clause that opens with a determiner follows only a verb of saying ("said
      // the railway will pay", not "announced the deal"); one that opens with a pronoun needs a
      // verb after it ("confirmed it had", not "announced it").
      const std::string next = words::lower(toks[i + 1].text);
      const std::string then = i + 2 < toks.size() ? words::lower(toks[i + 2].text) : std::string();
      if ((next == "the" || next == "a" || next == "an" || next == "its" || next == "their") &&
          words::is_say_verb(words::lower(toks[i].text)))
        rest = i + 1;
      if (pronoun(next) && (words::is_say_verb(words::lower(toks[i].text)) || words::is_auxiliary(then) ||
                            words::is_past_verb(then) || words::is_modal(then)))
        rest = i + 1;
    }
    if (rest == 0 || rest >= toks.size()) break;
    std::vector<Token> speaker(toks.begin(), toks.begin() + static_cast<std::ptrdiff_t>(i));
    const bool substitute = pronoun(words::lower(toks[rest].text));
    toks.erase(toks.begin(), toks.begin() + static_cast<std::ptrdiff_t>(rest + (substitute ? 1 : 0)));
    if (substitute) toks.insert(toks.begin(), speaker.begin(), speaker.end());
    break;
  }
  // "X, officials said" / "X, said the mayor" / "X, according to police": a short tail.
  for (int round = 0; round < 2; ++round) {
    auto comma = std::find_if(toks.rbegin(), toks.rend(), [](const Token& t) { return is_comma(t); });
    if (comma == toks.rend()) return;
    const auto at = static_cast<std::size_t>(toks.rend() - comma - 1);
    std::size_t word_count = 0;
    bool speech = false;
    for (std::size_t j = at + 1; j < toks.size(); ++j) {
      if (toks[j].punct) continue;
      ++word_count;
      speech = speech || words::is_speech_verb(words::lower(toks[j].text));
    }
    if (!speech || word_count > 6 || at == 0) return;
    // ", said services would run normally" is the sentence's verb and what was said, no tail.
    if (at + 2 < toks.size() && words::is_speech_verb(words::lower(toks[at + 1].text)) &&
        std::any_of(toks.begin() + static_cast<std::ptrdiff_t>(at) + 2, toks.end(), [](const Token& t) {
          const std::string w = words::lower(t.text);
          return words::is_auxiliary(w) || words::is_modal(w);
        }))
      return;
    toks.erase(toks.begin() + static_cast<std::ptrdiff_t>(at), toks.end());
  }
}

// A verb, maybe after an adverb, at toks[i]: "said", "was", "closed", "still plans".
bool verb_at(const std::vector<Token>& toks, std::size_t i) {
  for (int n = 0; n < 2 && i < toks.size() && !toks[i].punct; ++n, ++i) {
    const std::string& t = toks[i].text;
    if (!std::islower(static_cast<unsigned char>(t[0]))) return false;
    const std::string w = words::lower(t);
    if (words::is_auxiliary(w) || words::is_speech_verb(w) || words::is_past_verb(w) || words::is_modal(w) ||
        (w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("ous") && !words::is_stop_word(w)))
      return true;
    if (!w.ends_with("ly") && w != "still" && w != "also" && w != "then" && w != "now") return false;
  }
  return false;
}

// ", which runs 1,200 trains a day," between the subject and its verb tells about the subject, not
// the event: "The operator, which runs 1,200 trains a day, said services would run" -> "The
// operator said services would run". Not when no verb follows it ("Taylor, who stepped down as
// chairman, president and chief executive").
void drop_relative_clauses(std::vector<Token>& toks) {
  for (std::size_t i = 1; i + 1 < toks.size(); ++i) {
    if (toks[i].text != ",") continue;
    const std::string w = words::lower(toks[i + 1].text);
    if (w != "which" && w != "who") continue;
    std::size_t close = i + 2;
    while (close < toks.size() && !(toks[close].punct && !is_dash(toks[close].text))) ++close;
    if (close >= toks.size() || toks[close].text != "," || !verb_at(toks, close + 1)) continue;
    toks.erase(toks.begin() + static_cast<std::ptrdiff_t>(i), toks.begin() + static_cast<std::ptrdiff_t>(close) + 1);
  }
}

// A finite verb at toks[i], written in lower case: "was", "has", "sickened", "would".
bool finite_verb(const Token& t) {
  if (t.punct || !std::islower(static_cast<unsigned char>(t.text[0]))) return false;
  const std::string w = words::lower(t.text);
  return words::is_auxiliary(w) || words::is_past_verb(w) || words::is_modal(w);
}

// For a headline too long to show whole: a relative clause without commas inside the subject,
// from its pronoun to the main verb, goes ("An outbreak of salmonella that has sickened 38 people in
// four states was linked to sprouts" -> "An outbreak of salmonella was linked to sprouts").
void drop_long_relative(std::vector<Token>& toks) {
  std::size_t words_count = 0;
  for (const auto& t : toks) words_count += !t.punct;
  if (words_count <= kHeadlineWords) return;
  for (std::size_t i = 1; i + 2 < toks.size(); ++i) {
    const std::string w = words::lower(toks[i].text);
    if ((w != "that" && w != "who" && w != "which") || toks[i - 1].punct || !finite_verb(toks[i + 1])) continue;
    const std::string before = words::lower(toks[i - 1].text);
    if (words::is_stop_word(before) || words::is_past_verb(before) || words::is_speech_verb(before)) continue;
    std::size_t k = i + 2;
    while (k < toks.size() && finite_verb(toks[k])) ++k;  // the clause's verb group ("has sickened")
    // Then the next verb is the main one when it is an auxiliary or an irregular past ("was
    // linked", "became"), not a word in -ed that may be a participle ("two Libyans suspected of");
    // no coordinator, conjunction, pronoun or second relative on the way ("which killed scores and
    // injured", "when the party held power", "the power they lost").
    auto main_verb = [](const Token& t) {
      const std::string v = words::lower(t.text);
      return finite_verb(t) && !(v.size() > 4 && v.ends_with("ed"));
    };
    while (k < toks.size() && !toks[k].punct && !finite_verb(toks[k])) {
      static constexpr std::array<std::string_view, 11> kJoins = {"and",     "or", "but",   "when",   "while", "where",
                                                                  "because", "if", "after", "before", "as"};
      const std::string v = words::lower(toks[k].text);
      if (std::find(kJoins.begin(), kJoins.end(), v) != kJoins.end() || words::is_subject_pronoun(v) || v == "that" ||
          v == "who" || v == "which")
        return;
      ++k;
    }
    if (k >= toks.size() || !main_verb(toks[k])) return;
    toks.erase(toks.begin() + static_cast<std::ptrdiff_t>(i), toks.begin() + static_cast<std::ptrdiff_t>(k));
    return;
  }
}

void trim_debris(std::vector<Token>& toks) {
  bool changed = true;
  while (changed && !toks.empty()) {
    changed = false;
    const std::string first = words::lower(toks.front().text);
    if (toks.front().punct || debris(first)) {
      toks.erase(toks.begin());
      changed = true;
      continue;
    }
    const std::string last = words::lower(toks.back().text);
    // "in" or "on" after a verb is its particle: "will be sworn in", "police moved in".
    const bool particle = (last == "in" || last == "on") && toks.size() > 1 && !toks[toks.size() - 2].punct &&
                          (words::is_participle(words::lower(toks[toks.size() - 2].text)) ||
                           words::is_past_verb(words::lower(toks[toks.size() - 2].text)));
    if (toks.back().punct || (debris(last) && !particle) || article(last)) {
      toks.pop_back();
      changed = true;
    }
  }
  // Two separators in a row, or a separator before a dash, keep only the last one.
  std::vector<Token> out;
  for (auto& t : toks) {
    if (t.punct && !out.empty() && out.back().punct && !is_dash(out.back().text)) out.pop_back();
    out.push_back(std::move(t));
  }
  toks = std::move(out);
}

}  // namespace

std::string make_headline(std::string_view clause, const std::vector<Span>& cuts) {
  return make_headline(clause, cuts, false);
}

std::string make_headline(std::string_view clause, const std::vector<Span>& cuts, bool keep_attribution) {
  std::vector<Token> all = tokenize(clause);
  std::vector<Token> toks;
  bool in_cut = false;
  auto is_cut = [&](const Token& t) {
    return std::any_of(cuts.begin(), cuts.end(), [&](const Span& c) { return t.begin < c.end && c.begin < t.end; });
  };
  for (std::size_t i = 0; i < all.size(); ++i) {
    Token& t = all[i];
    if (is_cut(t)) {
      // Modifiers, then one preposition: "in the", not the "over" of "took over in March". Once
      // for each run of cut words.
      if (in_cut) continue;
      in_cut = true;
      // A date before a noun qualifies it, and the words before stay: "the fight for the 1986
      // water law" is "the fight for the water law".
      std::size_t after = i;
      while (after < all.size() && is_cut(all[after])) ++after;
      if (after < all.size() && !all[after].punct && std::islower(static_cast<unsigned char>(all[after].text[0])) &&
          !debris(words::lower(all[after].text)) && !toks.empty() && article(words::lower(toks.back().text)))
        continue;
      bool preposition = false;
      while (!toks.empty() && !toks.back().punct) {
        const std::string w = words::lower(toks.back().text);
        if (!dangling_before_cut(w)) break;
        if (!modifier_before_cut(w)) {
          if (preposition) break;
          preposition = true;
        }
        toks.pop_back();
      }
      continue;
    }
    in_cut = false;
    toks.push_back(std::move(t));
  }
  // A dateline: "PORT ELLIS -" at the start, maybe with an agency: "BRIGHTON (Metro News) -".
  for (std::size_t i = 0; i < toks.size() && i < 6; ++i) {
    if (is_dash(toks[i].text)) {
      if (i > 0) toks.erase(toks.begin(), toks.begin() + static_cast<std::ptrdiff_t>(i + 1));
      break;
    }
    if (i > 0 && toks[i].text.front() == '(') {
      std::size_t close = i;
      while (close < toks.size() && close < i + 4 && toks[close].text.back() != ')') ++close;
      if (close + 1 < toks.size() && toks[close].text.back() == ')' && is_dash(toks[close + 1].text))
        toks.erase(toks.begin(), toks.begin() + static_cast<std::ptrdiff_t>(close + 2));
      break;
    }
    if (toks[i].punct || !all_caps(toks[i].text) || (i == 0 && toks[i].text.size() < 2)) break;
  }
  drop_relative_clauses(toks);
  trim_debris(toks);
  if (!keep_attribution) {
    drop_attribution(toks);
    trim_debris(toks);
  }
  drop_long_relative(toks);

  std::string out;
  std::size_t n = 0;
  bool truncated = false;
  for (const auto& t : toks) {
    if (!t.punct || is_dash(t.text)) {
      if (n == kHeadlineWords) {
        truncated = true;
        break;
      }
      ++n;
      if (!out.empty()) out += ' ';
    }
    out += t.text;
  }
  if (truncated) {
    while (!out.empty() && is_punct_char(out.back())) out.pop_back();
    out += "...";
  }
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string make_headline(std::string_view sentence, std::size_t timex_begin, std::size_t timex_end) {
  return make_headline(sentence, std::vector<Span>{Span{timex_begin, timex_end}});
}

namespace {

bool word_at(std::string_view s, std::size_t i, std::string_view w) {
  if (i + w.size() > s.size()) return false;
  for (std::size_t k = 0; k < w.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(s[i + k])) != w[k]) return false;
  const bool left = i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]));
  const bool right = i + w.size() == s.size() || !std::isalnum(static_cast<unsigned char>(s[i + w.size()]));
  return left && right;
}

// Where the clause after the gap [from, to) of `s` starts, or npos when the gap has no break.
std::size_t find_break(std::string_view s, std::size_t from, std::size_t to) {
  static constexpr std::array<std::string_view, 6> coordinators = {"and", "but", "while", "whereas", "then", "so"};
  for (std::size_t i = from; i < to; ++i)
    if (s[i] == ';') return i + 1;
  // ", and" then a bare "and": the last one before the next temporal phrase.
  for (int with_comma = 1; with_comma >= 0; --with_comma) {
    for (std::size_t i = to; i-- > from;) {
      for (auto c : coordinators) {
        if (!word_at(s, i, c) || i + c.size() > to) continue;
        std::size_t k = i;
        while (k > from && s[k - 1] == ' ') --k;
        const bool comma = k > from && s[k - 1] == ',';
        if (with_comma == 1 && !comma) continue;
        return comma ? k - 1 : i;
      }
    }
  }
  // A comma between digits is part of a number ("$250,000"), no break.
  auto digit = [&](std::size_t i) { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); };
  for (std::size_t i = from; i < to; ++i)
    if (s[i] == ',' && !(i > 0 && digit(i - 1) && digit(i + 1))) return i;
  return std::string_view::npos;
}

// The part of `clause` around `anchor` between strong breaks (a semicolon, ", and", ", but"...), so
// that "The bridge was closed the same day, and ferries doubled their crossings" keeps its first
// half for the same day. The whole clause when that part would have fewer than two other words.
Span narrow(std::string_view s, Span clause, Span anchor) {
  static constexpr std::array<std::string_view, 5> strong = {"and", "but", "while", "whereas", "then"};
  auto break_at = [&](std::size_t i) -> std::size_t {  // length of the break starting at i, or 0
    if (s[i] == ';') return 1;
    if (s[i] != ',') return 0;
    std::size_t k = i + 1;
    while (k < clause.end && s[k] == ' ') ++k;
    for (auto w : strong)
      if (word_at(s, k, w)) return k + w.size() - i;
    return 0;
  };
  Span out = clause;
  for (std::size_t i = clause.begin; i < anchor.begin; ++i)
    if (std::size_t n = break_at(i)) out.begin = i + n;
  for (std::size_t i = anchor.end; i < clause.end; ++i)
    if (break_at(i)) {
      out.end = i;
      break;
    }
  std::size_t words_left = 0;
  for (const auto& t : tokenize(s.substr(out.begin, out.end - out.begin)))
    words_left += !t.punct && (t.end + out.begin <= anchor.begin || t.begin + out.begin >= anchor.end);
  return words_left >= 2 ? out : clause;
}

}  // namespace

std::vector<Span> split_clauses(std::string_view sentence, const std::vector<Span>& anchors) {
  std::vector<Span> out(anchors.size(), Span{0, sentence.size()});
  if (anchors.empty()) return out;
  std::size_t clause_begin = 0;
  std::size_t first = 0;  // first anchor of the current clause
  for (std::size_t i = 0; i + 1 <= anchors.size(); ++i) {
    std::size_t brk = std::string_view::npos;
    if (i + 1 < anchors.size() && anchors[i].end <= anchors[i + 1].begin)
      brk = find_break(sentence, anchors[i].end, anchors[i + 1].begin);
    if (i + 1 < anchors.size() && brk == std::string_view::npos) continue;
    const std::size_t clause_end = i + 1 < anchors.size() ? brk : sentence.size();
    for (std::size_t k = first; k <= i; ++k) out[k] = Span{clause_begin, clause_end};
    clause_begin = clause_end;
    if (clause_begin < sentence.size() && (sentence[clause_begin] == ';' || sentence[clause_begin] == ','))
      ++clause_begin;
    first = i + 1;
  }
  for (std::size_t k = 0; k < anchors.size(); ++k) out[k] = narrow(sentence, out[k], anchors[k]);
  return out;
}

}  // namespace timeliner
