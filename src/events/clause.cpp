// Events on the parse: predicates and their clauses.
#include "events/clause.hpp"

#include "events/words.hpp"

#include <timeliner/timeline.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>

namespace timeliner::events {
namespace {

using nlp::Rel;
using nlp::Upos;
using nlp::Xpos;

constexpr std::size_t kHeadlineWords = 12;

using words::lower;

// Nouns that name something that happens: "the election", "his visit", "Thursday's meeting", and
// long nouns of an act: "the acquisition", "his removal".
bool eventive(std::string_view word) {
  const std::string w = lower(word);
  if (words::in(words::List::eventive_nouns, w)) return true;
  // A plural of one: "the attacks", "protests this summer".
  if (w.size() > 3 && w.back() == 's' &&
      words::in(words::List::eventive_nouns, std::string_view(w).substr(0, w.size() - 1)))
    return true;
  if (w.size() > 6)
    for (const std::string& e : words::entries(words::List::eventive_endings))
      if (w.ends_with(e)) return true;
  return false;
}

// Adverbs that tie a clause to its neighbours or to time, no part of what happened.
bool connective_adverb(std::string_view word) { return words::in(words::List::connective_adverbs, lower(word)); }

bool is_pronoun_subject(std::string_view w) {
  const std::string l = lower(w);
  return l == "he" || l == "she" || l == "it" || l == "they";
}

bool is_possessive_pronoun(std::string_view w) {
  const std::string l = lower(w);
  return l == "his" || l == "her" || l == "its" || l == "their";
}

bool is_subject(Rel r) {
  const Rel b = nlp::base(r);
  return b == Rel::nsubj || b == Rel::csubj || b == Rel::expl;
}

bool is_quote(std::string_view w) {
  return w == "\"" || w == "'" || w == "``" || w == "''" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" ||
         w == "\xE2\x80\x98" || w == "\xE2\x80\x99";
}

}  // namespace

// ---------------------------------------------------------------------------------------------

Parse Parse::of(std::string_view sentence) {
  Parse p;
  p.text = sentence;
  // A label, bullet or dateline opening the sentence is no part of it: the parser reads what follows.
  const std::size_t skip = preamble(sentence).end;
  p.words = nlp::Model::english().analyze(sentence.substr(skip));
  for (nlp::Word& w : p.words) {
    w.begin += skip;
    w.end += skip;
  }
  p.deps.assign(p.words.size(), {});
  for (std::size_t i = 0; i < p.words.size(); ++i)
    if (p.words[i].head >= 0) p.deps[static_cast<std::size_t>(p.words[i].head)].push_back(static_cast<int>(i));
  return p;
}

std::string_view Parse::word(int i) const {
  const nlp::Word& w = words[static_cast<std::size_t>(i)];
  return text.substr(w.begin, w.end - w.begin);
}

int Parse::head_of(Span span) const {
  auto inside = [&](int i) {
    const nlp::Word& w = words[static_cast<std::size_t>(i)];
    return w.begin < span.end && span.begin < w.end;
  };
  for (int i = 0; i < static_cast<int>(words.size()); ++i) {
    if (!inside(i)) continue;
    const int h = words[static_cast<std::size_t>(i)].head;
    if (h < 0 || !inside(h)) return i;
  }
  return -1;
}

bool Parse::dominates(int root, int w) const {
  for (std::size_t guard = 0; w >= 0 && guard <= words.size(); ++guard) {
    if (w == root) return true;
    w = words[static_cast<std::size_t>(w)].head;
  }
  return false;
}

bool Cuts::covers(const nlp::Word& w) const {
  return std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return w.begin < s.end && s.begin < w.end; });
}

// ---------------------------------------------------------------------------------------------

namespace {

bool has_dep(const Parse& p, int x, Rel base_rel) {
  for (int d : p.deps[static_cast<std::size_t>(x)])
    if (nlp::base(p.words[static_cast<std::size_t>(d)].rel) == base_rel) return true;
  return false;
}

const nlp::Word& at(const Parse& p, int i) { return p.words[static_cast<std::size_t>(i)]; }

// A word that heads a clause: a verb, or a noun, adjective or pronoun with a copula ("was closed",
// "was president").
bool clause_head(const Parse& p, int x) {
  const Upos u = at(p, x).upos;
  return u == Upos::verb || has_dep(p, x, Rel::cop) || (u == Upos::aux && nlp::base(at(p, x).rel) == Rel::root);
}

bool noun(const Parse& p, int x) {
  const Upos u = at(p, x).upos;
  return u == Upos::noun || u == Upos::propn;
}

// The subject of clause head `c`, -1 when it has none.
int subject_of(const Parse& p, int c) {
  for (int d : p.deps[static_cast<std::size_t>(c)])
    if (is_subject(at(p, d).rel)) return d;
  return -1;
}

// Dependents that are never part of a headline: punctuation aside, asides and attachments.
bool aside(Rel r) {
  const Rel b = nlp::base(r);
  return b == Rel::parataxis || b == Rel::discourse || b == Rel::vocative || b == Rel::reparandum ||
         b == Rel::dislocated || b == Rel::list || b == Rel::orphan || b == Rel::dep;
}

// What a word's own small words are to it: they go when it goes.
bool function_word(Rel r) {
  const Rel b = nlp::base(r);
  return b == Rel::case_ || b == Rel::det || b == Rel::amod || b == Rel::advmod || b == Rel::nummod ||
         b == Rel::compound || b == Rel::flat || b == Rel::punct || b == Rel::cc || b == Rel::fixed || b == Rel::mark ||
         b == Rel::nmod || b == Rel::conj || b == Rel::appos;
}

// The first word of the subtree of `x`, punctuation aside.
int first_of(const Parse& p, int x) {
  int first = x;
  for (int d : p.deps[static_cast<std::size_t>(x)])
    if (at(p, d).upos != Upos::punct) first = std::min(first, first_of(p, d));
  return first;
}

// A mark that sets a phrase off from its sentence: a comma or a dash on either side, an opening
// bracket before it (`opening`) or a closing one after it.
bool set_off_mark(std::string_view w, bool opening) {
  return w == "," || w == "\xE2\x80\x94" || w == "--" || w == (opening ? "(" : ")");
}

// A modifier set off by a comma or a bracket ("Kopp, who is from Vermont,", "Mendes, 24,", "the
// plant, built in 1975,"): an aside about the word, not part of the event.
bool parenthetical(const Parse& p, int d) {
  const Rel b = nlp::base(p.words[static_cast<std::size_t>(d)].rel);
  if (b != Rel::acl && b != Rel::appos && b != Rel::amod && b != Rel::nummod && b != Rel::advcl && b != Rel::nmod)
    return false;
  const int first = first_of(p, d);
  if (first == 0 || first < p.words[static_cast<std::size_t>(d)].head) return false;
  return set_off_mark(p.word(first - 1), true);
}

// The last word of the subtree of `x`, punctuation aside.
int last_of(const Parse& p, int x) {
  int last = x;
  for (int d : p.deps[static_cast<std::size_t>(x)])
    if (at(p, d).upos != Upos::punct) last = std::max(last, last_of(p, d));
  return last;
}

// A phrase between commas (or brackets, dashes) inside its sentence: "The plant, built in 1975,
// closed".
bool set_off(const Parse& p, int x) {
  const int first = first_of(p, x), last = last_of(p, x);
  if (first == 0 || last + 1 >= static_cast<int>(p.words.size())) return false;
  return set_off_mark(p.word(first - 1), true) && set_off_mark(p.word(last + 1), false);
}

// "according to the Financial Times": an oblique that attributes, not what happened.
bool attribution(const Parse& p, int d) {
  for (int k : p.deps[static_cast<std::size_t>(d)]) {
    const std::string w = lower(p.word(k));
    if (nlp::base(at(p, k).rel) == Rel::case_ && (w == "according" || w == "per")) return true;
  }
  return false;
}

// A coordinated or adverbial clause, an event of its own.
bool own_clause(const Parse& p, int d) {
  const Rel b = nlp::base(at(p, d).rel);
  if (b == Rel::advcl) {
    // "voted to build a tram line": a purpose the clause tells.
    for (int k : p.deps[static_cast<std::size_t>(d)])
      if (nlp::base(at(p, k).rel) == Rel::mark && lower(p.word(k)) == "to" && at(p, d).xpos == Xpos::VB) return false;
    return true;
  }
  if (b == Rel::conj) return clause_head(p, d) || subject_of(p, d) >= 0;
  return false;
}

// Whether clause `d` of word `x` comes after a coordinating conjunction that is not its own ("began on
// Saturday and 4,000 people had been evacuated", where the parser hung "and" on "people").
bool coordinated(const Parse& p, int x, int d) {
  for (int i = x + 1; i < first_of(p, d); ++i)
    if (at(p, i).upos == Upos::cconj && !p.dominates(d, i)) return true;
  return false;
}

// A participle between a period and a date, no part of what happened: "for the quarter ended Sept.
// 30", "the nine months ended June 30" name a period.
bool between_dates(const Parse& p, int d, const Cuts& cuts) {
  if (d <= 0 || d + 1 >= static_cast<int>(p.words.size()) || at(p, d).upos != Upos::verb) return false;
  const Xpos x = at(p, d).xpos;
  return (x == Xpos::VBN || x == Xpos::VBD) && at(p, d - 1).upos == Upos::noun && cuts.covers(at(p, d - 1)) &&
         cuts.covers(at(p, d + 1)) && at(p, d + 1).upos == Upos::propn;
}

class Builder {
 public:
  Builder(const Parse& p, const Cuts& cuts) : p_(p), cuts_(cuts), keep_(p.words.size(), false) {}

  // Keeps word `x` and its subtree, but what a headline leaves out. `top`: x heads the clause.
  void add(int x, bool top) {
    if (cuts_.covers(at(p_, x))) {
      // A cut word goes with its function words ("on", "early", "the"), not with the rest of what
      // the parse hangs on it.
      const auto& deps = p_.deps[static_cast<std::size_t>(x)];
      for (std::size_t k = 0; k < deps.size(); ++k) {
        const int d = deps[k];
        if (cuts_.covers(at(p_, d))) continue;
        // Its comma shows where it stood, when words stand on both sides.
        if (at(p_, d).upos == Upos::punct) {
          keep_[static_cast<std::size_t>(d)] = true;
          continue;
        }
        // "sworn in on January 5": a preposition before the date's own is the verb's particle.
        if (nlp::base(at(p_, d).rel) == Rel::case_ && k + 1 < deps.size() && deps[k + 1] == d + 1 &&
            nlp::base(at(p_, d + 1).rel) == Rel::case_) {
          keep_[static_cast<std::size_t>(d)] = true;
          continue;
        }
        // "paid tribute Tuesday to the victims", "The World Court Friday rejected", with "tribute" and
        // "Court" hung on the date: a word between the verb and its date, or just before a date just
        // before its verb, is the verb's, not the date's.
        const Upos u = at(p_, d).upos;
        const Rel db = nlp::base(at(p_, d).rel);
        const int h = at(p_, x).head;
        if (d + 1 == x && (u == Upos::noun || u == Upos::adj || u == Upos::propn) &&
            (db == Rel::amod || db == Rel::compound) && h >= 0 && (h == d - 1 || h == x + 1) && clause_head(p_, h)) {
          add(d, false);
          continue;
        }
        if (joined(d))  // "on Friday night as he stood in his kitchen", the clause hung on the date
          add_joined(d);
        else if (!function_word(at(p_, d).rel) && !clause_head(p_, d))
          add(d, false);
      }
      return;
    }
    keep_[static_cast<std::size_t>(x)] = true;
    for (int d : p_.deps[static_cast<std::size_t>(x)]) {
      const Rel r = at(p_, d).rel;
      const Rel b = nlp::base(r);
      if (aside(r) || attribution(p_, d) || parenthetical(p_, d) || emptied(d)) continue;
      if (between_dates(p_, d, cuts_)) {
        // What the parser hung on it is the clause's ("rose 21% for the quarter ended Aug. 26" read
        // with "21%" on "ended").
        for (int k : p_.deps[static_cast<std::size_t>(d)])
          if (!cuts_.covers(at(p_, k)) && at(p_, k).upos != Upos::punct) add(k, false);
        continue;
      }
      // The clause of another date's predicate is that event's, but what a saying said (not a
      // clause after "and": "Flooding began on Saturday and 4,000 people had been evacuated by
      // Tuesday night" read with "people" on "Saturday" and "evacuated" for what "began" said).
      if ((b != Rel::ccomp || coordinated(p_, x, d)) && clause_head(p_, d) &&
          std::find(cuts_.predicates.begin(), cuts_.predicates.end(), d) != cuts_.predicates.end())
        continue;
      if (top) {
        // A clause the date also tells ("resigned and was replaced", "as he stood in his kitchen"),
        // told as a clause of its own, with the word that joins it.
        if (joined(d)) {
          add_joined(d);
          continue;
        }
        if (own_clause(p_, d) || b == Rel::cc || b == Rel::mark) continue;
        // "also", "meanwhile"; "when", "where" opening a relative or adverbial clause.
        if (b == Rel::advmod && (connective_adverb(p_.word(d)) || at(p_, d).xpos == Xpos::WRB)) continue;
      }
      add(d, false);
    }
  }
  // The words of noun phrase `n`, without its clauses, appositions, asides and the preposition
  // before it.
  void add_phrase(int n, int except, bool top = true) {
    if (cuts_.covers(at(p_, n))) return;
    keep_[static_cast<std::size_t>(n)] = true;
    for (int d : p_.deps[static_cast<std::size_t>(n)]) {
      const Rel b = nlp::base(at(p_, d).rel);
      if (d == except || aside(at(p_, d).rel) || b == Rel::acl || b == Rel::appos || b == Rel::advcl ||
          b == Rel::punct || b == Rel::conj || b == Rel::cc || parenthetical(p_, d) || (top && b == Rel::case_))
        continue;
      add_phrase(d, except, false);
    }
  }
  // A verb modifying a noun whose words were all cut ("the quarter ended Sept. 30"): nothing left
  // to tell.
  bool emptied(int d) const {
    if (nlp::base(at(p_, d).rel) != Rel::acl || at(p_, d).upos != Upos::verb) return false;
    bool cut = false;
    for (int k : p_.deps[static_cast<std::size_t>(d)]) {
      if (cuts_.covers(at(p_, k))) {
        cut = true;
        continue;
      }
      if (!function_word(at(p_, k).rel) || nlp::base(at(p_, k).rel) == Rel::nmod) return false;
    }
    return cut;
  }
  void keep_word(int x) { keep_[static_cast<std::size_t>(x)] = true; }
  void drop_word(int x) { keep_[static_cast<std::size_t>(x)] = false; }
  bool told_first(int x) const { return std::find(first_.begin(), first_.end(), x) != first_.end(); }
  // Clauses that `add` keeps where it would leave them out as clauses of their own.
  void join(std::vector<int> clauses) { joined_ = std::move(clauses); }
  bool joined(int d) const { return std::find(joined_.begin(), joined_.end(), d) != joined_.end(); }
  // A joined clause, told as a clause of its own, with the word that joins it ("and", "as", "when").
  void add_joined(int d) {
    add(d, true);
    for (int k : p_.deps[static_cast<std::size_t>(d)]) {
      const Rel kb = nlp::base(at(p_, k).rel);
      if (kb == Rel::cc || kb == Rel::mark || (kb == Rel::advmod && at(p_, k).xpos == Xpos::WRB)) keep_word(k);
    }
  }
  void drop(int x) {
    keep_[static_cast<std::size_t>(x)] = false;
    for (int d : p_.deps[static_cast<std::size_t>(x)]) drop(d);
  }
  bool kept(int x) const { return keep_[static_cast<std::size_t>(x)]; }
  void replace(int x, std::string text) {
    replaced_.push_back({x, std::move(text)});
    keep_[static_cast<std::size_t>(x)] = true;
  }
  void insert_before(int x, std::string text) { inserted_.push_back({x, std::move(text)}); }
  // The kept words before word `start` (but those told first) told after the others: what was said
  // before its saying ("..., an official said") told after it ("An official said ..."), after a
  // colon when it was a quotation.
  void tell_after(int start, bool quotation) {
    after_ = start;
    quotation_ = quotation;
  }
  // Noun phrase `n` (the word, its modifiers before it and the rest of its name) told first: the
  // speaker after its saying ("..., said Ms. Buckham"), or one the parser hung in what is told last,
  // taken for an apposition of what was said ("..., 549,000 marks, parliament said").
  void tell_first(int n) {
    keep_[static_cast<std::size_t>(n)] = true;
    first_.push_back(n);
    for (int d : p_.deps[static_cast<std::size_t>(n)]) {
      const Rel b = nlp::base(at(p_, d).rel);
      if ((d < n && (b == Rel::det || b == Rel::amod || b == Rel::compound || b == Rel::nmod || b == Rel::case_ ||
                     b == Rel::nummod || b == Rel::cc)) ||
          (d > n && (b == Rel::conj || b == Rel::cc || b == Rel::nmod)) || b == Rel::flat)
        tell_first(d);
    }
  }

  // The kept words as text: the original spacing between neighbours, one space across a gap;
  // punctuation only between two kept words (a comma of a list, a hyphen), never quotes.
  std::vector<std::string> tokens(std::vector<bool>* glued = nullptr) const {
    const int n = static_cast<int>(p_.words.size());
    std::vector<std::string> out;
    std::vector<bool> glue;
    int last = -2;
    // The order the words are told in: that of the text, but for the words told last.
    auto told_last = [&](int i) { return i < after_ && !told_first(i); };
    std::vector<int> order;
    for (int i = 0; i < n; ++i)
      if (keep_[static_cast<std::size_t>(i)] && told_first(i)) order.push_back(i);
    for (int i = 0; i < n; ++i)
      if (keep_[static_cast<std::size_t>(i)] && !told_first(i) && !told_last(i)) order.push_back(i);
    const std::size_t first_last = order.size();
    for (int i = 0; i < n; ++i)
      if (keep_[static_cast<std::size_t>(i)] && told_last(i)) order.push_back(i);
    bool opened = false;  // the words told last have begun
    for (std::size_t o = 0; o < order.size(); ++o) {
      const int i = order[o];
      const nlp::Word& w = at(p_, i);
      const std::string_view form = p_.word(i);
      if (w.upos == Upos::punct) {
        // Between two kept words, or a date's cut words between it and the kept word before
        // ("failed [on Sunday], flooding").
        int before = i - 1;
        auto cut = [&](int k) {
          const int h = at(p_, k).head;
          return cuts_.covers(at(p_, k)) || (h >= 0 && cuts_.covers(at(p_, h)));
        };
        while (before >= 0 && !keep_[static_cast<std::size_t>(before)] && cut(before)) --before;
        const bool inner = before >= 0 && i + 1 < n && keep_[static_cast<std::size_t>(before)] &&
                           keep_[static_cast<std::size_t>(i + 1)] && at(p_, before).upos != Upos::punct &&
                           at(p_, i + 1).upos != Upos::punct;
        const bool before_insert =
            std::any_of(inserted_.begin(), inserted_.end(), [&](const auto& x) { return x.first == i + 1; });
        if (!inner || is_quote(form) || before_insert) continue;
      }
      for (const auto& [x, text] : inserted_) {
        if (x != i) continue;
        out.push_back(text);
        glue.push_back(false);
        last = -2;
      }
      std::string t(form);
      for (const auto& [x, text] : replaced_)
        if (x == i) t = text;
      if (o >= first_last && !opened) {
        opened = true;
        last = -2;
        if (quotation_ && !out.empty()) {
          out.push_back(":");
          glue.push_back(true);
        } else if (w.xpos != Xpos::NNP && w.xpos != Xpos::NNPS && w.xpos != Xpos::JJ && t != "I" && !t.empty()) {
          // No longer the first word (but a name, "I", an adjective that may be one: "Cuban").
          t[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(t[0])));
        }
      }
      // Glued to the word before when the text has no space between them ("do" "n't", "U.S." ",").
      const bool adjacent =
          (last == i - 1 && at(p_, i - 1).end == w.begin) || (last >= 0 && (form == "," || form == ";" || form == ":"));
      out.push_back(std::move(t));
      glue.push_back(adjacent);
      last = i;
    }
    if (glued) *glued = std::move(glue);
    return out;
  }

  std::string text() const {
    std::vector<bool> glue;
    std::vector<std::string> toks = tokens(&glue);
    // No punctuation at either end.
    auto punct_token = [](const std::string& t) {
      return !t.empty() &&
             std::all_of(t.begin(), t.end(), [](char c) { return std::ispunct(static_cast<unsigned char>(c)); });
    };
    std::size_t b = 0, e = toks.size();
    while (b < e && punct_token(toks[b])) ++b;
    while (e > b && punct_token(toks[e - 1])) --e;
    std::string out;
    std::size_t words = 0;
    for (std::size_t k = b; k < e; ++k) {
      if (!punct_token(toks[k]) && !glue[k]) ++words;
      if (words > kHeadlineWords) {
        while (!out.empty() && (std::ispunct(static_cast<unsigned char>(out.back())) || out.back() == ' '))
          out.pop_back();
        out += "...";
        break;
      }
      if (!out.empty() && !glue[k]) out += ' ';
      out += toks[k];
    }
    if (!out.empty() && std::islower(static_cast<unsigned char>(out[0])))
      out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
  }

  std::size_t word_count() const {
    std::vector<bool> glue;
    const auto toks = tokens(&glue);
    std::size_t n = 0;
    for (std::size_t k = 0; k < toks.size(); ++k)
      n += !glue[k] && !std::all_of(toks[k].begin(), toks[k].end(),
                                    [](char c) { return std::ispunct(static_cast<unsigned char>(c)); });
    return n;
  }

 private:
  const Parse& p_;
  const Cuts& cuts_;
  std::vector<bool> keep_;
  std::vector<int> joined_;
  std::vector<std::pair<int, std::string>> replaced_, inserted_;
  int after_ = -1;
  std::vector<int> first_;
  bool quotation_ = false;
};

// The text of noun phrase `n` (without its clauses and appositions), `except` a subtree.
std::string phrase_text(const Parse& p, int n, const Cuts& cuts, int except = -1) {
  Builder b(p, cuts);
  b.add_phrase(n, except);
  std::string t = b.text();
  return t;
}

Referent referent_of(const Parse& p, int s, const Cuts& cuts) {
  Referent r;
  r.text = phrase_text(p, s, cuts);
  const nlp::Word& w = at(p, s);
  const bool determiner = has_dep(p, s, Rel::det) || has_dep(p, s, Rel::nmod);
  r.plural = w.xpos == Xpos::NNS || w.xpos == Xpos::NNPS || has_dep(p, s, Rel::conj);
  r.name = w.upos == Upos::propn && !has_dep(p, s, Rel::det) && w.xpos != Xpos::NNPS;
  r.thing = (w.upos == Upos::noun && determiner && !r.plural) || (w.upos == Upos::propn && !r.plural);
  return r;
}

bool fits(std::string_view pronoun, const Referent& r) {
  const std::string l = lower(pronoun);
  if (l == "he" || l == "she" || l == "his" || l == "her") return r.name;
  if (l == "it" || l == "its") return r.thing;
  if (l == "they" || l == "their") return r.plural;
  return false;
}

// Drops, one at a time, the parts a headline too long does without: relative clauses, appositions,
// clauses modifying nouns, then the farthest obliques and noun modifiers; never the subject.
void shorten(const Parse& p, Builder& b, int c, int subject = -1) {
  static constexpr std::array<Rel, 6> kOrder = {Rel::acl_relcl, Rel::appos, Rel::acl, Rel::advcl, Rel::nmod, Rel::obl};
  for (Rel target : kOrder) {
    while (b.word_count() > kHeadlineWords) {
      int victim = -1;
      for (int i = static_cast<int>(p.words.size()) - 1; i >= 0 && victim < 0; --i)
        if (i != c && b.kept(i) && at(p, i).rel == target && b.kept(at(p, i).head) &&
            (subject < 0 || !p.dominates(i, subject)))
          victim = i;
      if (victim < 0) break;
      b.drop(victim);
    }
  }
}

// A subject the parser hung on a phrase before its verb ("On Tuesday in Washington, the agency
// released", "On Thursday, according to the Courier, Lindqvist met": "the agency" and "Lindqvist"
// as an apposition or conjunct of "Tuesday" or "Courier"): a noun set off before verb `c`, in the
// subtree of an oblique of `c` or of a dependent that a headline cuts (a temporal phrase, an
// attribution). -1 when there is none. Only words between `after` and `c` are looked at: a clause
// the parser hung on the verb before it ("Flooding began on Saturday and 4,000 people had been
// evacuated", with "people" on "Saturday") looks in that verb's phrases after it (`from`).
int stray_subject(const Parse& p, int c, const Cuts& cuts, int from = -1, int after = -1) {
  if (from < 0) from = c;
  int found = -1;
  std::function<void(int)> visit = [&](int x) {
    for (int d : p.deps[static_cast<std::size_t>(x)]) {
      if (d >= c || d <= after) continue;
      const Rel b = nlp::base(at(p, d).rel);
      if ((b == Rel::appos || b == Rel::conj) && (noun(p, d) || at(p, d).upos == Upos::pron) &&
          !cuts.covers(at(p, d)) && !attribution(p, d)) {
        found = std::max(found, d);
        continue;
      }
      visit(d);
    }
  };
  for (int d : p.deps[static_cast<std::size_t>(from)])
    if (d < c && d > after && (cuts.covers(at(p, d)) || attribution(p, d) || nlp::base(at(p, d).rel) == Rel::obl))
      visit(d);
  return found;
}

// Whether noun `n` is the only subject of a verb after participle `c` ("the house built in 1975
// fell"), so that the participle modifies it.
bool sole_subject_of_verb_after(const Parse& p, int n, int c) {
  const int h = at(p, n).head;
  if (h <= c || nlp::base(at(p, n).rel) != Rel::nsubj || at(p, h).upos != Upos::verb) return false;
  int subjects = 0;
  for (int d : p.deps[static_cast<std::size_t>(h)]) subjects += is_subject(at(p, d).rel);
  return subjects == 1;
}

// The noun a relative pronoun (`r`: "who", "that", "which") follows: the word before it, past a
// comma, when it is a noun; then the head of its phrase ("the mayor of Bergen, who").
int antecedent(const Parse& p, int r) {
  int i = r - 1;
  if (i >= 0 && p.word(i) == ",") --i;
  if (i < 0 || !(noun(p, i) || at(p, i).upos == Upos::num)) return -1;
  // The phrase's head: up through compounds and flat names.
  while (at(p, i).head >= 0 && noun(p, at(p, i).head) && at(p, i).head < r) {
    const Rel b = nlp::base(at(p, i).rel);
    if (b != Rel::compound && b != Rel::flat) break;
    i = at(p, i).head;
  }
  return noun(p, i) ? i : -1;
}

bool one_event(const Parse& p, int h, int d);

// The clause that tells predicate `v`: its own, that of the verb it is the infinitive of ("plans to
// open a store in May": "plans"), or, for an event noun, the clause it stands in ("made his second
// visit to Beijing", "opened an inquiry into the levee failure").
int clause_of(const Parse& p, int v) {
  int c = v;
  // A noun up to the clause it stands in first, so that the clause of an infinitive whose object it
  // is reaches the verb it is the infinitive of ("expects to publish a report in December").
  if (!clause_head(p, c)) {
    int h = at(p, c).head;
    while (h >= 0 && !clause_head(p, h)) h = at(p, h).head;
    if (h >= 0) c = h;
  }
  // Past a state it was found in, too: "was found abandoned in December".
  while (nlp::base(at(p, c).rel) == Rel::xcomp && at(p, c).head >= 0 && clause_head(p, at(p, c).head) &&
         (at(p, c).xpos == Xpos::VB || at(p, c).xpos == Xpos::VBG || one_event(p, at(p, c).head, c)))
    c = at(p, c).head;
  // An infinitive of result right after the verb or adjective it hangs on is told with it, which
  // gives it its subject ("has been expanded to include Greece in 1952", not "Include Greece";
  // "weren't available to comment late yesterday"); not one with words between, which a headline
  // too long would lose ("requires the company to begin an auction process").
  if (const int h = at(p, c).head;
      nlp::base(at(p, c).rel) == Rel::advcl && h >= 0 && c == h + 2 && clause_head(p, h) && !own_clause(p, c))
    c = h;
  return c;
}

// An adverbial clause of the same moment as the clause it hangs on: "as he stood in his kitchen",
// "when he was gunned down", "while clinging to an inner tube", a participle without a subject or
// a joining word ("headed to East Africa, seeking to demonstrate support").
bool simultaneous(const Parse& p, int d) {
  if (nlp::base(at(p, d).rel) != Rel::advcl || !clause_head(p, d)) return false;
  bool joined = false;
  for (int k : p.deps[static_cast<std::size_t>(d)]) {
    const Rel b = nlp::base(at(p, k).rel);
    const std::string w = lower(p.word(k));
    if ((b == Rel::mark || b == Rel::advmod) && (w == "when" || w == "as" || w == "while")) return true;
    joined = joined || b == Rel::mark || is_subject(at(p, k).rel);
  }
  return !joined && at(p, d).xpos == Xpos::VBG;
}

// A verb whose object names the event: "made an announcement", "held talks", "paid a visit".
bool light_verb(std::string_view word) { return words::in(words::List::light_verbs, lower(word)); }

// A verb of saying: "said", "told", "announced".
bool saying(const Parse& p, int x) {
  return at(p, x).upos == Upos::verb && words::in(words::List::saying_verbs, lower(p.word(x)));
}

// A verb that tells a phase of its complement's event: "began trading", "completed the acquisition".
bool aspectual(std::string_view word) { return words::in(words::List::aspectual_verbs, lower(word)); }

// Whether verb `h` and its open complement `d` (xcomp) tell one event at one time: `h` is
// aspectual ("began to fall in mid-1996") or implicative ("declined to comment on Saturday"), or
// `d` is no infinitive but a participle or adjective telling the state `h` happened in ("was found
// abandoned in December", "began delving on Thursday"). Not "expects to publish in December": an
// infinitive of what is to come.
bool one_event(const Parse& p, int h, int d) {
  if (nlp::base(at(p, d).rel) != Rel::xcomp || at(p, d).head != h || at(p, h).upos != Upos::verb) return false;
  const Upos u = at(p, d).upos;
  if (u != Upos::verb && u != Upos::adj) return false;
  if (aspectual(p.word(h)) || words::in(words::List::implicative_verbs, lower(p.word(h)))) return true;
  for (int k : p.deps[static_cast<std::size_t>(d)])
    if (nlp::base(at(p, k).rel) == Rel::mark) return false;  // "to"
  if (at(p, d).xpos == Xpos::VB) return false;
  // The state follows its verb or its object at once ("found the car abandoned"), not past other
  // phrases: "inspected the line in June, three months before the freight train derailed" is a
  // clause the parser took for one.
  for (int k : p.deps[static_cast<std::size_t>(h)]) {
    const Rel b = nlp::base(at(p, k).rel);
    if (k > h && k < d && b != Rel::obj && b != Rel::iobj && b != Rel::advmod && b != Rel::compound) return false;
  }
  return true;
}

// The verbs that tell one event with verb `v` through open complements (one_event), up and down
// the chain ("was only beginning to get back on its feet"), but none that has a date of its own
// (`cuts.predicates`).
std::vector<int> complement_chain(const Parse& p, int v, const Cuts& cuts) {
  auto dated = [&](int x) {
    return std::find(cuts.predicates.begin(), cuts.predicates.end(), x) != cuts.predicates.end();
  };
  int top = v;
  for (std::size_t guard = 0; guard <= p.words.size(); ++guard) {
    const int h = at(p, top).head;
    if (h < 0 || !one_event(p, h, top) || dated(h)) break;
    top = h;
  }
  std::vector<int> chain{top};
  for (std::size_t i = 0; i < chain.size(); ++i)
    for (int d : p.deps[static_cast<std::size_t>(chain[i])])
      if (one_event(p, chain[i], d) && !dated(d)) chain.push_back(d);
  chain.erase(std::remove(chain.begin(), chain.end(), v), chain.end());
  return chain;
}

// Whether `x` (a clause of the sentence other than clause `c`) tells a date of its own: it is,
// or holds, the predicate of another date (`cuts.predicates`), not through a clause coordinated
// with it, nor through `c`.
bool dated_apart(const Parse& p, int x, int c, const Cuts& cuts) {
  const bool above = p.dominates(x, c);
  for (int w : cuts.predicates) {
    if (w < 0 || !p.dominates(x, w)) continue;
    if (!above) return true;
    if (p.dominates(c, w)) continue;
    int k = w;
    while (k != x && at(p, k).head != x) k = at(p, k).head;
    if (k == x || nlp::base(at(p, k).rel) != Rel::conj || p.dominates(k, c)) return true;
  }
  return false;
}

// A clause's time as its verb group tells it: past ("resigned", "was replaced", "had met"), present
// ("opens", "is scheduled"), future ("will open", "would run"), or unknown (a participle whose
// auxiliary is shared: "were killed and injured").
enum class Tense : std::uint8_t { unknown, past, present, future };

Tense tense_of(const Parse& p, int x) {
  Tense t = Tense::unknown;
  auto of = [](Xpos form) {
    return form == Xpos::VBD ? Tense::past : form == Xpos::VBZ || form == Xpos::VBP ? Tense::present : Tense::unknown;
  };
  for (int d : p.deps[static_cast<std::size_t>(x)]) {
    if (nlp::base(at(p, d).rel) != Rel::aux && nlp::base(at(p, d).rel) != Rel::cop) continue;
    const std::string w = lower(p.word(d));
    if (w == "will" || w == "would" || w == "'ll" || w == "shall") return Tense::future;
    if (t == Tense::unknown) t = of(at(p, d).xpos);
  }
  return t == Tense::unknown ? of(at(p, x).xpos) : t;
}

// Whether clause `d`, coordinated with clause `x` (its conj), tells the same time with it: a verb
// phrase sharing its subject ("resigned and was replaced", "raided two homes and searched for a
// suspect"), in a coordination joined by a conjunction ("and", "but"; not a participle the parser
// took for one: "rose in March, helped by demand"), in the same tense (not "was rebuilt and opens
// from March").
bool same_time_conjunct(const Parse& p, int x, int d) {
  if (nlp::base(at(p, d).rel) != Rel::conj || !clause_head(p, d) || subject_of(p, d) >= 0) return false;
  bool joined = false;
  for (int k : p.deps[static_cast<std::size_t>(x)])
    if (nlp::base(at(p, k).rel) == Rel::conj && has_dep(p, k, Rel::cc)) joined = true;
  if (!joined) return false;
  const Tense a = tense_of(p, x), b = tense_of(p, d);
  return a == b || a == Tense::unknown || b == Tense::unknown;
}

// The first of the clauses coordinated with clause `c` that share its date: "The minister resigned
// and was replaced on Monday" (for "replaced": "resigned"), not "evacuated on Saturday and returned
// home on Sunday".
int coordination_top(const Parse& p, int c, const Cuts& cuts) {
  int top = c;
  while (at(p, top).head >= 0 && same_time_conjunct(p, at(p, top).head, top) && clause_head(p, at(p, top).head) &&
         !dated_apart(p, at(p, top).head, c, cuts))
    top = at(p, top).head;
  return top;
}

// The clauses a headline of clause `top` (coordination_top) tells with it: the clauses coordinated
// with it and the clauses of the same moment hanging on them that have no date of their own.
std::vector<int> joined_clauses(const Parse& p, int top, int c, const Cuts& cuts) {
  std::vector<int> group{top};
  for (std::size_t i = 0; i < group.size(); ++i)
    for (int d : p.deps[static_cast<std::size_t>(group[i])])
      if (same_time_conjunct(p, group[i], d) && (p.dominates(d, c) || !dated_apart(p, d, c, cuts))) group.push_back(d);
  std::vector<int> out(group.begin() + 1, group.end());
  auto add = [&](int d) {
    if (simultaneous(p, d) && !p.dominates(d, c) && !dated_apart(p, d, c, cuts)) out.push_back(d);
  };
  for (int g : group)
    for (int d : p.deps[static_cast<std::size_t>(g)]) {
      add(d);
      // "was shot on Friday night as he stood in his kitchen", the clause hung on the date.
      if (cuts.covers(at(p, d)))
        for (int k : p.deps[static_cast<std::size_t>(d)]) add(k);
    }
  return out;
}

// Whether event noun `v` has a date before it in its own phrase ("the Aug. 7 bombings at the
// embassies", "the November 1995 assassination of Rabin"), a phrase of its own that tells what it
// was, and stands in its clause as no subject or object ("in the aftermath of the Aug. 7 bombings
// at the embassies"): the date is the noun's, not the clause's. (A bare "in the March 3 election"
// leaves the headline to its clause.)
bool dated_noun_aside(const Parse& p, int v, const Cuts& cuts) {
  if (!noun(p, v) || clause_head(p, v) || !has_dep(p, v, Rel::nmod)) return false;
  // A phrase with its preposition inside an oblique or the object of the clause, through noun
  // modifiers ("in the aftermath of", "a warning to travellers after"), not inside its subject
  // ("The tenth debate of the 2016 race").
  if (!has_dep(p, v, Rel::case_)) return false;
  for (int x = v;; x = at(p, x).head) {
    const Rel r = nlp::base(at(p, x).rel);
    if (at(p, x).head < 0 || (r != Rel::nmod && r != Rel::obl && r != Rel::obj)) return false;
    if (r == Rel::obl || r == Rel::obj) break;
  }
  for (int d : p.deps[static_cast<std::size_t>(v)])
    if (d < v && cuts.covers(at(p, d))) return true;
  return false;
}

}  // namespace

std::vector<int> shared_predicates(const Parse& p, int v, const Cuts& cuts) {
  std::vector<int> out;
  if (v < 0 || dated_noun_aside(p, v, cuts)) return out;
  const int c = clause_of(p, v);
  if (!clause_head(p, c)) return out;
  // An event noun shares its date with its clause when it is the object of a light verb ("made
  // his visit in April") or the event the clause happened at ("spoke at a conference on Tuesday"),
  // not when it is what the clause is about ("condemned the August bombings").
  if (v != c && noun(p, v) && !(at(p, v).head == c && (light_verb(p.word(c)) || nlp::base(at(p, v).rel) == Rel::obl)))
    return out;
  auto add = [&](int x) {
    if (x != v && std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  };
  // The event nouns of clause `x` that share its date: "paid tribute on Tuesday on a whirlwind
  // visit", "said at a news briefing today"; "held talks on Monday", "completed the acquisition
  // yesterday".
  auto add_nouns = [&](int x) {
    for (int d : p.deps[static_cast<std::size_t>(x)]) {
      if (!noun(p, d) || !eventive(p.word(d)) || cuts.covers(at(p, d))) continue;
      const Rel b = nlp::base(at(p, d).rel);
      if (b == Rel::obl || (b == Rel::obj && (light_verb(p.word(x)) || aspectual(p.word(x))))) add(d);
    }
  };
  // "expects to publish its report in December": the date is the infinitive's alone, but for the
  // verbs of one event with it ("began trading on the exchange in August").
  if (v != c && !noun(p, v)) {
    for (int x : complement_chain(p, v, cuts)) {
      add(x);
      add_nouns(x);
    }
    return out;
  }
  const int top = coordination_top(p, c, cuts);
  std::vector<int> clauses{top};
  for (int x : joined_clauses(p, top, c, cuts)) clauses.push_back(x);
  if (simultaneous(p, c) && at(p, c).head >= 0 && clause_head(p, at(p, c).head) &&
      !dated_apart(p, at(p, c).head, c, cuts))
    clauses.push_back(at(p, c).head);  // "killed when two helicopters crashed last February"
  for (std::size_t i = 0, n = clauses.size(); i < n; ++i)
    for (int x : complement_chain(p, clauses[i], cuts))
      if (std::find(clauses.begin(), clauses.end(), x) == clauses.end()) clauses.push_back(x);
  // What a saying says holds at its date when told in the present ("said on Friday that
  // authorities are pursuing 400 tips", "said today conditions appear to be deteriorating"), not
  // in the past or the future ("said they found a rifle", "said he would seek").
  if (saying(p, c))
    for (int d : p.deps[static_cast<std::size_t>(c)])
      if (nlp::base(at(p, d).rel) == Rel::ccomp && clause_head(p, d) && tense_of(p, d) == Tense::present &&
          !dated_apart(p, d, c, cuts) && !coordinated(p, c, d))
        clauses.push_back(d);
  for (int x : clauses) {
    add(x);
    add_nouns(x);
  }
  return out;
}

namespace {

// The clause the parser hung on word `x`, the root of the sentence, after it: an opening date read
// as the root ("Yesterday it closed at $4.375", "closed" a relative clause of "Yesterday"; "On
// Friday, the index was down 15.82", a copula clause), or a period's participle ("For the quarter
// ended Sept. 30, Delta posted net income", "posted" a parataxis of "ended"). A clause with a
// subject of its own; -1 when there is none.
int clause_hung_on(const Parse& p, int x) {
  for (int d : p.deps[static_cast<std::size_t>(x)])
    if (d > x && clause_head(p, d) && subject_of(p, d) >= 0) return d;
  return -1;
}

}  // namespace

int predicate_of(const Parse& p, int t) {
  if (t < 0) return -1;
  int x = t;
  for (std::size_t guard = 0; guard <= p.words.size(); ++guard) {
    const int h = at(p, x).head;
    if (h < 0) {
      // The phrase heads the sentence ("The vote is on Monday"): the event is its subject when it
      // names one, else the clause the parser hung on it, else there is no predicate.
      if (x != t) return x;
      const int s = subject_of(p, x);
      return s >= 0 && noun(p, s) ? s : clause_hung_on(p, x);
    }
    const Rel b = nlp::base(at(p, x).rel);
    if (b == Rel::conj) {  // "on June 10 and 11": the first day's
      x = h;
      continue;
    }
    if (clause_head(p, h)) return h;
    if (noun(p, h) && eventive(p.word(h))) return h;
    x = h;
  }
  return -1;
}

int modified_by_date(const Parse& p, int t) {
  if (t < 0) return -1;
  while (nlp::base(at(p, t).rel) == Rel::conj && at(p, t).head >= 0) t = at(p, t).head;  // "on June 10 and 11"
  int h = at(p, t).head;
  if (h < 0 || clause_head(p, h)) return -1;
  const Upos u = at(p, h).upos;
  const Rel b = nlp::base(at(p, t).rel);
  if (u == Upos::noun) {
    if (b != Rel::nmod && b != Rel::compound && b != Rel::amod && b != Rel::nummod) return -1;
    std::string prep;  // the date's preposition, "'s" for a possessive
    for (int k : p.deps[static_cast<std::size_t>(t)])
      if (nlp::base(at(p, k).rel) == Rel::case_) prep = lower(p.word(k));
    const bool possessive = prep == "'s" || prep == "'" || prep == "\xE2\x80\x99s";
    // Before the noun, within its phrase ("the Oct. 23 killing", "Sunday's debate"): not a date
    // opening the sentence or set off by a comma, hung on the subject after it ("On Sept. 2,
    // police", "Yesterday New York governor George Pataki toured").
    if (t < h) {
      const int last = last_of(p, t);
      if (!possessive && (!prep.empty() || first_of(p, t) == 0 ||
                          (last + 1 < static_cast<int>(p.words.size()) && p.word(last + 1) == ",")))
        return -1;
      // The phrase of a compound: "the Oct. 23 sniper shooting", "third-quarter net income".
      while (nlp::base(at(p, h).rel) == Rel::compound && at(p, h).head > h && noun(p, at(p, h).head)) h = at(p, h).head;
      return h;
    }
    // After it with "of" ("the incidents of Aug. 7"): a date after a noun without it is as often
    // the clause's, hung on the noun before it ("was found clinging to an inner tube Nov. 25").
    return prep == "of" ? h : -1;
  }
  // An adjective that is a predicate, after its noun or its copula ("notes due March 1"), not one
  // before its noun ("net income in the quarter").
  if (u == Upos::adj && t > h && (b == Rel::obl || b == Rel::nmod)) {
    const int n = at(p, h).head;
    return nlp::base(at(p, h).rel) != Rel::amod || (n >= 0 && n < h) ? h : -1;
  }
  return -1;
}

std::vector<int> measured_by(const Parse& p, int t) {
  std::vector<int> out;
  if (t < 0) return out;
  for (int n : p.deps[static_cast<std::size_t>(t)]) {
    const nlp::Word& w = at(p, n);
    if (n < t || nlp::base(w.rel) != Rel::nmod || (w.upos != Upos::noun && w.xpos != Xpos::VBG)) continue;
    bool of = false;
    for (int k : p.deps[static_cast<std::size_t>(n)])
      of = of || (nlp::base(at(p, k).rel) == Rel::case_ && lower(p.word(k)) == "of");
    if (!of) continue;
    out.push_back(n);
    for (int k : p.deps[static_cast<std::size_t>(n)])
      if (nlp::base(at(p, k).rel) == Rel::conj && (at(p, k).upos == Upos::noun || at(p, k).xpos == Xpos::VBG))
        out.push_back(k);
  }
  return out;
}

int saying_before(const Parse& p, int t, int v) {
  if (t < 0 || v < 0 || nlp::base(at(p, v).rel) != Rel::ccomp) return -1;
  const int h = at(p, v).head;
  if (h < 0 || h > t || !saying(p, h)) return -1;
  int x = t;  // the date's phrase, from its head up to the clause
  for (std::size_t guard = 0; x >= 0 && at(p, x).head != v && guard <= p.words.size(); ++guard) x = at(p, x).head;
  if (x < 0 || at(p, x).head != v) return -1;
  return first_of(p, v) == first_of(p, x) ? h : -1;
}

int dated_predicate(const Parse& p, int v, const Cuts& cuts) {
  for (std::size_t guard = 0; v >= 0 && guard <= p.words.size() && between_dates(p, v, cuts); ++guard)
    v = predicate_of(p, v);
  return v;
}

namespace {

// headline_of; `coordinate`: from the first of the coordinated clauses that share the date.
std::string clause_headline(const Parse& p, int v, const Cuts& cuts, const ReferentBefore& before, bool coordinate) {
  Builder b(p, cuts);
  // "in the aftermath of the Aug. 7 bombings": the bombings, not what was done in their aftermath.
  if (dated_noun_aside(p, v, cuts)) {
    b.add_phrase(v, -1);
    shorten(p, b, v);
    return b.text();
  }
  int c = clause_of(p, v);
  if (!clause_head(p, c)) {
    b.add_phrase(c, -1);
    shorten(p, b, c);
    return b.text();
  }
  // "The minister resigned and was replaced on Monday": the coordinated clauses the date tells,
  // from the first.
  const int own_clause_head = c;
  if (coordinate) c = coordination_top(p, c, cuts);
  const std::vector<int> joined = coordinate ? joined_clauses(p, c, own_clause_head, cuts) : std::vector<int>{};
  b.join(joined);
  b.add(c, true);
  const Rel rel = nlp::base(at(p, c).rel);
  const int head = at(p, c).head;
  const int own = subject_of(p, c);
  int subject = own;
  if (own < 0 && head >= 0) {
    if (rel == Rel::conj || rel == Rel::xcomp || rel == Rel::advcl) {
      // "The fire started on Wednesday and grew to 12,000 acres": the subject of the first verb.
      int h = head;
      while (nlp::base(at(p, h).rel) == Rel::conj && subject_of(p, h) < 0 && at(p, h).head >= 0) h = at(p, h).head;
      const int s = rel == Rel::advcl ? -1 : subject_of(p, h);
      if (s >= 0) {
        b.add_phrase(s, -1);
        subject = s;
      }
    } else if (rel == Rel::acl && at(p, c).xpos == Xpos::VBN && noun(p, head)) {
      // "The plant, built in 1975,": "The plant was built"; "the house built in 1975 fell": "The
      // house was built". Else the noun is the verb's subject that the parser missed ("Talks
      // collapsed on Tuesday" read as a noun and its participle).
      b.add_phrase(head, c);
      subject = head;
      if (set_off(p, c) || sole_subject_of_verb_after(p, head, c)) b.insert_before(c, "was");
    }
  }
  if (subject < 0 && (rel == Rel::root || rel == Rel::conj || rel == Rel::ccomp || rel == Rel::parataxis)) {
    if (const int s = stray_subject(p, c, cuts); s >= 0) {
      // The phrase it hung on goes ("Amid the trade fight, the chip maker opened"): it set the scene.
      for (int d : p.deps[static_cast<std::size_t>(c)])
        if (d < c && p.dominates(d, s)) b.drop(d);
      b.add_phrase(s, -1);
      subject = s;
    } else if (const int h = at(p, c).head; (rel == Rel::ccomp || rel == Rel::conj) && h >= 0 && h < c) {
      if (const int hs = stray_subject(p, c, cuts, h, h); hs >= 0) {
        b.add_phrase(hs, -1);
        subject = hs;
      }
    }
  }
  if (subject < 0 && at(p, c).upos == Upos::verb) {
    // A sentence the parser hung on a noun ("The firm that made the heaters was sold on Monday" read
    // with "firm" for root): the noun is the subject of the verbs after it that have none.
    int root = c;
    while (at(p, root).head >= 0) root = at(p, root).head;
    if (root < c && noun(p, root) && !cuts.covers(at(p, root))) {
      b.add_phrase(root, -1);
      subject = root;
    }
  }
  if (subject >= 0) {
    // A phrase before the subject, closed by a comma, sets the scene ("Amid the trade fight between
    // the two countries, the chip maker opened"): the headline starts at the subject.
    for (int d : p.deps[static_cast<std::size_t>(c)]) {
      const Rel r = nlp::base(at(p, d).rel);
      if (d >= subject || (r != Rel::obl && r != Rel::advcl && r != Rel::advmod) || p.dominates(d, v)) continue;
      const int last = last_of(p, d);
      if (last + 1 < subject && p.word(last + 1) == ",") b.drop(d);
    }
  }
  if (subject >= 0 && (at(p, subject).xpos == Xpos::WP || at(p, subject).xpos == Xpos::WDT)) {
    // "a trial that opened on October 6", "Taylor, who stepped down in May": the noun phrase the
    // relative pronoun follows.
    const int n = antecedent(p, subject);
    if (n >= 0) {
      b.keep_word(subject);
      b.replace(subject, phrase_text(p, n, cuts, c));
    }
  }
  // A pronoun subject, or a possessive one opening the subject, names its referent when it fits.
  if (subject >= 0) {
    int pronoun = -1;
    bool possessive = false;
    if (is_pronoun_subject(p.word(subject))) {
      pronoun = subject;
    } else {
      for (int d : p.deps[static_cast<std::size_t>(subject)])
        if (at(p, d).rel == Rel::nmod_poss && is_possessive_pronoun(p.word(d)) && d < subject) {
          pronoun = d;
          possessive = true;
        }
    }
    // "It was the first launch": no referent for "it" before a copula.
    const bool expletive = pronoun >= 0 && lower(p.word(pronoun)) == "it" && !possessive && has_dep(p, c, Rel::cop);
    if (pronoun >= 0 && !expletive) {
      std::optional<Referent> r;
      // In a clause below the main one ("confirmed it had paid", "and it is expected to"), the main
      // clause's subject; else the subject of the sentence before.
      const std::optional<Referent> main = main_subject(p);
      int root = c;
      while (at(p, root).head >= 0) root = at(p, root).head;
      const int main_s = subject_of(p, root);
      if (c != root && main && main_s >= 0 && main_s != pronoun && !p.dominates(c, main_s)) r = main;
      if (!r && c == root && before) r = before();
      if (r && !r->text.empty() && fits(p.word(pronoun), *r))
        b.replace(pronoun, possessive ? r->text + (r->text.back() == 's' ? "'" : "'s") : r->text);
    }
  }
  // What was said before its saying, the saying's date ("The plant may have saved lives, an official
  // said on Saturday"; "``We want peace,'' he said last year", parsed with "said" aside): the saying
  // is the event, told first, then what was said, so that the speaker is not lost past the words a
  // headline has ("An official said the plant may have saved lives"; "He said: We want peace").
  // Not a passive ("the accord was announced"), nor a saying with a thing for object ("reported net
  // income"): an addressee alone ("told reporters") may follow.
  auto reports_speech = [&] {
    for (int d : p.deps[static_cast<std::size_t>(c)]) {
      const Rel db = nlp::base(at(p, d).rel);
      if (at(p, d).rel == Rel::aux_pass || at(p, d).rel == Rel::nsubj_pass ||
          (db == Rel::obj && !p.deps[static_cast<std::size_t>(d)].empty()))
        return false;
    }
    return true;
  };
  if (v == c && at(p, c).upos == Upos::verb && words::in(words::List::saying_verbs, lower(p.word(c))) &&
      reports_speech()) {
    int content = -1;
    auto quote_at = [&](int i) { return i >= 0 && is_quote(p.word(i)); };
    bool said_after = false;  // "said on Friday that ...": what was said follows, as it is told
    for (int d : p.deps[static_cast<std::size_t>(c)]) {
      const Rel db = nlp::base(at(p, d).rel);
      if ((db == Rel::ccomp || db == Rel::parataxis) && d < c && clause_head(p, d)) content = d;
      // (Not the rest of a quotation the saying interrupts: '"...," she said, "so ..."'.)
      const int f = first_of(p, d);
      said_after = said_after || (db == Rel::ccomp && d > c && !quote_at(f - 1) && !quote_at(f - 2));
    }
    if (said_after) content = -1;
    // "said" aside (or, after a quotation, taken for what the quotation said): what was said is the
    // clause it hangs on.
    const int speaker = subject >= 0 && subject < c ? first_of(p, subject) : c;
    const bool after_quote = quote_at(speaker - 1) || quote_at(speaker - 2) || quote_at(speaker - 3);
    if (content < 0 && !said_after && (rel == Rel::parataxis || (rel == Rel::ccomp && after_quote)) && head >= 0 &&
        head < c && clause_head(p, head)) {
      content = head;
    }
    if (content >= 0) {
      if (!b.kept(content)) b.add(content, true);
      const int first = first_of(p, content);
      // A saying without a subject of its own, after a noun the parser hung in what was said
      // ("..., New Zealand said on Friday", "New Zealand" an apposition): that noun is the speaker.
      int n = c - 1;
      if ((subject < 0 || cuts.covers(at(p, subject))) && n > first && noun(p, n) && p.dominates(content, n) &&
          !cuts.covers(at(p, n))) {
        // "a spokesman from the alliance said": the noun the phrase qualifies; "hospital officials and
        // family members said": the whole coordination.
        while (nlp::base(at(p, n).rel) == Rel::nmod && has_dep(p, n, Rel::case_) && at(p, n).head > first &&
               at(p, n).head < n && noun(p, at(p, n).head))
          n = at(p, n).head;
        while (nlp::base(at(p, n).rel) == Rel::conj && has_dep(p, n, Rel::cc) && at(p, n).head > first &&
               noun(p, at(p, n).head))
          n = at(p, n).head;
        b.tell_first(n);
        subject = n;
      } else if (subject > c && !cuts.covers(at(p, subject))) {
        b.tell_first(subject);  // "said Ms. Buckham": "Ms. Buckham said"
      } else if (subject < 0) {
        // "said Ms. Buckham", "said a message", the noun hung elsewhere by the parser.
        int h = c + 1;
        while (h < static_cast<int>(p.words.size()) && (at(p, h).upos == Upos::det || at(p, h).upos == Upos::adj)) ++h;
        if (h < static_cast<int>(p.words.size()) && noun(p, h) && !cuts.covers(at(p, h))) {
          b.tell_first(h);
          subject = h;
        }
      }
      // "hospital officials and police said", with "hospital officials and" hung by the parser as
      // conjuncts in what was said: the coordination the speaker ends is the speaker.
      if (subject >= 0 && subject < c) {
        std::vector<int> parts;
        bool coordinated_speaker = has_dep(p, subject, Rel::cc);
        for (int f = first_of(p, subject);;) {
          int m = f - 1;
          const bool cc = m > first && at(p, m).upos == Upos::cconj;
          if (cc) --m;
          if (m <= first || !noun(p, m) || nlp::base(at(p, m).rel) != Rel::conj || !p.dominates(content, m) ||
              cuts.covers(at(p, m)))
            break;
          if (cc) {
            parts.push_back(m + 1);
            coordinated_speaker = true;
          }
          parts.push_back(m);
          coordinated_speaker = coordinated_speaker || has_dep(p, m, Rel::cc);
          f = first_of(p, m);
        }
        if (coordinated_speaker)
          for (int x : parts) b.tell_first(x);
      }
      // What comes before the speaker is what was said; a quotation when a quote mark opens it or
      // closes it just before the speaker.
      const int start = subject >= 0 && subject < c && !cuts.covers(at(p, subject)) ? first_of(p, subject) : c;
      const bool quotation = quote_at(first - 1) || quote_at(start - 1) || quote_at(start - 2) || quote_at(start - 3);
      b.tell_after(start, quotation);
      // After the saying, only its addressee ("told reporters") and speaker's name: the rest (its
      // circumstances, "in response to questions"; the rest of a quotation it interrupts) would read
      // as part of what was said.
      for (int i = c + 1; i < static_cast<int>(p.words.size()); ++i) {
        if (!b.kept(i) || b.told_first(i)) continue;
        bool addressee = false;
        for (int d : p.deps[static_cast<std::size_t>(c)]) {
          const Rel db = nlp::base(at(p, d).rel);
          addressee = addressee || ((db == Rel::obj || db == Rel::iobj) && p.dominates(d, i));
        }
        if (!addressee) b.drop_word(i);
      }
    }
  }
  // A headline too long goes without the clauses joined to it (the event still records their
  // predicates), from the last, but that of the predicate.
  for (auto it = joined.rbegin(); it != joined.rend() && b.word_count() > kHeadlineWords; ++it)
    if (!p.dominates(*it, v)) b.drop(*it);
  // Still too long from the first coordinated clause ("The Kremlin is wary of ... and is unlikely
  // to allow him on to the ballot next year"): the predicate's own clause.
  if (c != own_clause_head && b.word_count() > kHeadlineWords) return clause_headline(p, v, cuts, before, false);
  // A predicate the clause could not keep (an event noun in an aside): its own phrase.
  if (!b.kept(v) && noun(p, v)) {
    Builder phrase(p, cuts);
    phrase.add_phrase(v, -1);
    shorten(p, phrase, v);
    return phrase.text();
  }
  shorten(p, b, c, subject);
  return b.text();
}

}  // namespace

std::string headline_of(const Parse& p, int v, const Cuts& cuts, const ReferentBefore& before) {
  return v < 0 ? phrase_of(p, cuts) : clause_headline(p, v, cuts, before, true);
}

std::string phrase_of(const Parse& p, const Cuts& cuts) {
  Builder b(p, cuts);
  for (int i = 0; i < static_cast<int>(p.words.size()); ++i)
    if (at(p, i).head < 0) b.add(i, false);
  shorten(p, b, -1);
  return b.text();
}

std::optional<Referent> main_subject(const Parse& p) {
  for (int i = 0; i < static_cast<int>(p.words.size()); ++i) {
    if (at(p, i).head >= 0) continue;
    int s = subject_of(p, i);
    // A sentence the parser hung on its subject ("The probe lifted off" as a noun and its participle).
    if (s < 0 && noun(p, i) && has_dep(p, i, Rel::acl)) s = i;
    if (s < 0 || !noun(p, s)) return std::nullopt;
    Referent r = referent_of(p, s, Cuts{});
    if (r.text.empty()) return std::nullopt;
    return r;
  }
  return std::nullopt;
}

std::string span_text(const Parse& p, Span span) {
  const Cuts none;
  Builder b(p, none);
  for (int i = 0; i < static_cast<int>(p.words.size()); ++i) {
    const nlp::Word& w = at(p, i);
    if (w.begin < span.end && span.begin < w.end) b.keep_word(i);
  }
  return b.text();
}

bool perfect(const Parse& p, int v) {
  if (v < 0) return false;
  for (int d : p.deps[static_cast<std::size_t>(v)]) {
    const std::string w = lower(p.word(d));
    if (nlp::base(at(p, d).rel) == Rel::aux && (w == "has" || w == "have" || w == "'ve")) return true;
  }
  return false;
}

bool changes_date(const Parse& p, int t) {
  int v = predicate_of(p, t);
  for (int round = 0; round < 2 && v >= 0; ++round) {
    if (words::in(words::List::change_words, lower(p.word(v)))) return true;
    for (int d : p.deps[static_cast<std::size_t>(v)]) {
      const Rel b = nlp::base(at(p, d).rel);
      if ((b == Rel::compound || b == Rel::advmod) && words::in(words::List::change_words, lower(p.word(d))))
        return true;
    }
    // An event noun ("the launch of its phone from March"): the verb above it.
    if (clause_head(p, v)) break;
    v = at(p, v).head;
    while (v >= 0 && !clause_head(p, v)) v = at(p, v).head;
  }
  return false;
}

bool compares(const Parse& p, int t) {
  if (t < 0) return false;
  bool since = false;
  for (int d : p.deps[static_cast<std::size_t>(t)]) since = since || lower(p.word(d)) == "since";
  const int h = at(p, t).head;
  if (!since || h < 0) return false;
  auto superlative = [&](int x) {
    const std::string w = lower(p.word(x));
    return at(p, x).xpos == Xpos::JJS || at(p, x).xpos == Xpos::RBS || w == "first" || w == "most" || w == "least";
  };
  if (superlative(h)) return true;
  for (int d : p.deps[static_cast<std::size_t>(h)])
    if (d < t && superlative(d)) return true;
  return false;
}

Span preamble(std::string_view s) {
  std::size_t i = 0;
  auto skip_spaces = [&] {
    while (i < s.size() && s[i] == ' ') ++i;
  };
  // Bullets.
  for (bool more = true; more;) {
    more = false;
    skip_spaces();
    for (std::string_view b :
         {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xBA", "\xE2\x96\xAA", "*", "-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
      if (s.substr(i, b.size()) == b && i + b.size() < s.size() && s[i + b.size()] == ' ') {
        i += b.size();
        more = true;
      }
    }
  }
  skip_spaces();
  // A label: a few words and a colon ("Why it matters:"), or a known one and a comma ("Context,").
  {
    std::size_t j = i, words = 0;
    while (j < s.size() && words <= 4) {
      const char c = s[j];
      if (c == ':' && j + 1 < s.size() && s[j + 1] == ' ' && words > 0 &&
          std::isupper(static_cast<unsigned char>(s[i]))) {
        i = j + 1;
        skip_spaces();
        break;
      }
      if (c == ' ') ++words;
      if (c == '.' || c == ';' || (c == ',' && words > 0)) break;
      ++j;
    }
    for (std::string_view l : words::entries(words::List::labels))
      if (s.substr(i, l.size()) == l) {
        i += l.size();
        skip_spaces();
      }
  }
  // A dateline: a place in capitals, maybe its region ("INDEPENDENCE, Mo.", "BONN, Germany") and an
  // agency in brackets, and a dash (the wires' "_" too).
  {
    std::size_t j = i, caps = 0;
    while (j < s.size() && (std::isupper(static_cast<unsigned char>(s[j])) || s[j] == ' ' || s[j] == '.' ||
                            s[j] == ',' || s[j] == '\''))
      caps += std::isupper(static_cast<unsigned char>(s[j++])) != 0;
    // (j >= i + 3 first: with no capital before it, j - 1 would wrap around.)
    if (j >= i + 3 && j < s.size() && std::islower(static_cast<unsigned char>(s[j]))) {
      const std::size_t word = j - 1;  // the region's capital
      std::size_t r = j;
      while (r < s.size() && (std::isalpha(static_cast<unsigned char>(s[r])) || s[r] == '.')) ++r;
      if (s[word - 1] == ' ' && s[word - 2] == ',' && r - word <= 12) j = r;
    }
    std::size_t k = j;
    while (k < s.size() && s[k] == ' ') ++k;
    if (k < s.size() && s[k] == '(') {
      const auto close = s.find(')', k);
      if (close != std::string_view::npos && close - k < 30) k = close + 1;
    }
    while (k < s.size() && s[k] == ' ') ++k;
    for (std::string_view d : {"--", "-", "_", "\xE2\x80\x94", "\xE2\x80\x93"}) {
      if (caps >= 2 && s.substr(k, d.size()) == d && k + d.size() < s.size() && s[k + d.size()] == ' ') {
        i = k + d.size();
        skip_spaces();
        break;
      }
    }
  }
  // A dateline of a place in capitals and a comma: "WASHINGTON, the agency released" (five capitals
  // at least: not "NASA, the agency, said").
  {
    std::size_t j = i, caps = 0;
    while (j < s.size() && (std::isupper(static_cast<unsigned char>(s[j])) || s[j] == ' ' || s[j] == '.'))
      caps += std::isupper(static_cast<unsigned char>(s[j++])) != 0;
    if (caps >= 5 && j + 1 < s.size() && s[j] == ',' && s[j + 1] == ' ') {
      i = j + 1;
      skip_spaces();
    }
  }
  // An attribution opening the sentence: "According to the Daily Courier, ".
  for (std::string_view a : {"According to ", "according to "}) {
    if (s.substr(i, a.size()) != a) continue;
    const std::size_t comma = s.find(", ", i + a.size());
    if (comma != std::string_view::npos && comma - i < 80 &&
        s.substr(i, comma - i).find('.') == std::string_view::npos) {
      i = comma + 1;
      skip_spaces();
    }
  }
  return Span{0, i};
}

}  // namespace timeliner::events

namespace timeliner {

std::string event_headline(std::string_view sentence, Span timex) {
  const events::Parse p = events::Parse::of(sentence);
  events::Cuts cuts;
  cuts.spans.push_back(timex);
  if (const Span pre = events::preamble(sentence); pre.end > 0) cuts.spans.push_back(pre);
  return events::headline_of(p, events::dated_predicate(p, events::predicate_of(p, p.head_of(timex)), cuts), cuts,
                             nullptr);
}

}  // namespace timeliner
