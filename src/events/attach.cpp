// Attachment: each dated mention becomes an event of its clause; relations derive more dates.
#include "events/headline.hpp"
#include "events/relations.hpp"
#include "events/words.hpp"

#include <timeliner/load.hpp>
#include <timeliner/text.hpp>
#include <timeliner/timeline.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <map>
#include <string>

namespace timeliner {
namespace {

bool is_ref(const TemporalValue& v) {
  return v.timex.size() > 4 && v.timex.compare(v.timex.size() - 4, 4, "_REF") == 0;
}

bool is_point(const Mention& m) {
  const TemporalValue& v = m.value;
  return v.bounds && !is_ref(v) && (v.type == TimexType::date || v.type == TimexType::time);
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

// The word starting at or after byte `i` (spaces skipped), before `limit`.
Span next_word(std::string_view text, std::size_t i, std::size_t limit) {
  while (i < limit && text[i] == ' ') ++i;
  std::size_t j = i;
  while (j < limit && (word_char(text[j]) || text[j] == '\'' || text[j] == '-')) ++j;
  return Span{i, j};
}

// The word ending before byte `i` (spaces skipped), not before `floor`.
Span prev_word(std::string_view text, std::size_t i, std::size_t floor) {
  while (i > floor && text[i - 1] == ' ') --i;
  std::size_t j = i;
  while (j > floor && (word_char(text[j - 1]) || text[j - 1] == '\'')) --j;
  return Span{j, i};
}

std::string lower_at(std::string_view text, Span s) { return words::lower(text.substr(s.begin, s.end - s.begin)); }

bool ends_with_word(const std::string& lower_text, std::string_view w) {
  return lower_text.size() > w.size() && lower_text.compare(lower_text.size() - w.size(), w.size(), w) == 0 &&
         lower_text[lower_text.size() - w.size() - 1] == ' ';
}

// "three months after his first visit": an offset, a direction and what it is measured from.
struct Relation {
  std::size_t mention = 0;  // index of the offset's mention
  relations::Offset offset;
  bool after = true;
  std::size_t begin = 0, kw_end = 0;       // bytes: "three months after"
  std::size_t ref_begin = 0, ref_end = 0;  // bytes: "his first visit"
};

std::optional<Relation> relation_at(std::string_view text, Span sentence, const std::vector<Mention>& ms,
                                    std::size_t index) {
  const Mention& m = ms[index];
  Relation r;
  r.mention = index;
  r.begin = m.begin;
  std::optional<relations::Offset> off;
  if (m.value.type == TimexType::duration) {
    // "for three months after the storm" is how long something lasted, not when.
    const std::string before = lower_at(text, prev_word(text, m.begin, sentence.begin));
    if (before == "for" || before == "within" || before == "over") return std::nullopt;
    off = relations::parse_iso_duration(m.value.timex);
    if (!off) off = relations::parse_offset_words(m.text);
    const Span w = next_word(text, m.end, sentence.end);
    const std::string kw = lower_at(text, w);
    if (kw != "after" && kw != "before") return std::nullopt;
    r.after = kw == "after";
    r.kw_end = w.end;
  } else if (is_point(m)) {
    // A tagger may read "two days before the vote" as "two days before" (the date narrated before).
    const std::string t = words::lower(m.text);
    const bool after = ends_with_word(t, "after"), before = ends_with_word(t, "before");
    if (!after && !before) return std::nullopt;
    off = relations::parse_offset_words(m.text);
    r.after = after;
    r.kw_end = m.end;
  } else {
    return std::nullopt;
  }
  if (!off) return std::nullopt;
  r.offset = *off;
  const Span ref_word = next_word(text, r.kw_end, sentence.end);
  if (ref_word.end == ref_word.begin) return std::nullopt;
  const std::string first = lower_at(text, ref_word);
  if (first == "that" || first == "this" || first == "it" || first == "which") return std::nullopt;
  r.ref_begin = ref_word.begin;
  r.ref_end = r.ref_begin;
  while (r.ref_end < sentence.end && text[r.ref_end] != ',' && text[r.ref_end] != ';') ++r.ref_end;
  while (r.ref_end > r.ref_begin && (text[r.ref_end - 1] == '.' || text[r.ref_end - 1] == ' ' ||
                                     text[r.ref_end - 1] == '!' || text[r.ref_end - 1] == '?'))
    --r.ref_end;
  return r;
}

// A dated thing of a sentence: a point mention, "since 2019", or "has grown for 30 years".
struct Point {
  std::size_t mention = 0;
  TemporalValue date;
  std::size_t last = static_cast<std::size_t>(-1);  // the mention that ends its range, if any
};

// A word of change among the few words before "from" (at `from`), in its clause: "moved from",
// "pushed back from", "pushed back the launch of its phone from November to March".
bool changes_date(std::string_view text, Span s, std::size_t from) {
  constexpr int kWords = 8;
  std::size_t i = from;
  for (int n = 0; n < kWords; ++n) {
    const Span w = prev_word(text, i, s.begin);
    if (w.end == w.begin) {
      // Over the hyphen of a compound, not over a comma or the start of the sentence.
      if (w.begin == s.begin || text[w.begin - 1] != '-') return false;
      i = w.begin - 1;
      continue;
    }
    const std::string lw = lower_at(text, w);
    if (words::is_change_word(lw)) return true;
    if (lw == "and" || lw == "but" || lw == "while") return false;
    i = w.begin;
  }
  return false;
}

// "from March to June 2024", "between 2019 and 2021", "June 10-12": the range the two dates
// `a` and `b` (in this order in sentence `s`) make, when the words around them make one. Not
// "moved (the vote) from March to June" (a change of date), nor a range that would end before it
// starts.
std::optional<TemporalValue> range_of(std::string_view text, Span s, const Mention& a, const Mention& b) {
  if (!a.value.bounds || !b.value.bounds || a.value.bounds->earliest > b.value.bounds->latest || b.begin < a.end)
    return std::nullopt;
  std::string_view between = text.substr(a.end, b.begin - a.end);
  while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
  while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
  const Span opener = prev_word(text, a.begin, s.begin);
  const std::string before = lower_at(text, opener);
  const std::string join = words::lower(between);
  bool range = false;
  if (join == "-" || join == "\u2013")
    range = true;
  else if (join == "and")
    range = before == "between";
  else if (join == "to" || join == "through" || join == "until" || join == "till" || join == "thru")
    range = before == "from" && !changes_date(text, s, opener.begin);
  if (!range) return std::nullopt;
  TemporalValue v = a.value;
  v.type = TimexType::date;
  v.mod = Mod::none;
  v.timex = a.value.timex + "/" + b.value.timex;
  v.bounds = Interval{a.value.bounds->earliest, b.value.bounds->latest};
  return v;
}

// ", who took office in 2023," / ", which opened in 1962.": a relative clause holding `anchor`
// (bytes of `sentence`) right after a short subject opening the sentence ("Ruiz", "The bridge").
struct Relative {
  Span subject;          // "Ruiz"
  Span clause;           // "took office in 2023" (after "who", up to the next comma or the end)
  bool passive = false;  // ", founded in 1903,": a participle, told with "was"
};

// Where a relative clause holding a date that ends at `from` ends: at the next comma or semicolon,
// or at the end of its sentence ("...who created the task force on Tuesday. ``The type" ends before
// the quotation that follows), without the period.
std::size_t relative_end(std::string_view sentence, std::size_t from) {
  std::size_t end = from;
  while (end < sentence.size() && sentence[end] != ',' && sentence[end] != ';') {
    const char c = sentence[end];
    if ((c == '.' || c == '!' || c == '?') && (end + 1 == sentence.size() || sentence[end + 1] == ' ') &&
        (end == from || std::islower(static_cast<unsigned char>(sentence[end - 1]))))
      break;
    ++end;
  }
  while (end > from && (sentence[end - 1] == '.' || sentence[end - 1] == ' ')) --end;
  return end;
}

// A date right before a noun or a possessive qualifies it: "the 1992 protests", "Thursday's ruling".
bool qualifies_noun(std::string_view sentence, std::size_t date_end) {
  if (sentence.substr(date_end, 2) == "'s") return true;
  if (date_end >= sentence.size() || sentence[date_end] != ' ') return false;
  const Span w = next_word(sentence, date_end, sentence.size());
  if (w.end == w.begin || !std::islower(static_cast<unsigned char>(sentence[w.begin]))) return false;
  const std::string lw = lower_at(sentence, w);
  return !words::is_stop_word(lw) && !words::is_past_verb(lw) && lw != "when" && lw != "where" && lw != "while";
}

std::optional<Relative> relative_clause(std::string_view sentence, Span anchor) {
  const std::size_t comma = sentence.rfind(',', anchor.begin);
  if (comma == std::string_view::npos || comma == 0) return std::nullopt;
  if (sentence.substr(comma, anchor.begin - comma).find(';') != std::string_view::npos) return std::nullopt;
  const Span pronoun = next_word(sentence, comma + 1, anchor.begin);
  const std::string p = lower_at(sentence, pronoun);
  // "who", "which", or a past participle ("founded", "born", "built") that opens the clause.
  const bool passive = p != "who" && p != "which";
  if (passive && !words::is_participle(p)) return std::nullopt;
  // The subject: a few words, with no punctuation but a period of an initial ("J. Smith"), ending
  // with a name ("Ada Whitfield", "Chief executive Lena Marsh") or opening with a determiner ("The
  // bridge"), and no past verb or auxiliary ("Voters backed the mayor, who...").
  std::size_t count = 0;
  bool determiner = false, name = false;
  for (std::size_t i = 0; i < comma;) {
    const Span w = next_word(sentence, i, comma);
    if (w.end == w.begin) {
      if (sentence[i] != '.') return std::nullopt;
      ++i;
      continue;
    }
    const std::string lw = lower_at(sentence, w);
    if (++count > 6 || (count > 1 && words::is_past_verb(lw)) || words::is_auxiliary(lw)) return std::nullopt;
    if (count == 1) determiner = words::is_determiner(lw);
    name = std::isupper(static_cast<unsigned char>(sentence[w.begin])) != 0;
    i = w.end;
  }
  if (!determiner && !name) return std::nullopt;
  const std::size_t end = relative_end(sentence, anchor.end);
  if (passive) {
    // The participle's clause closes with a comma before the sentence goes on: ", founded in 1903, was".
    if (end >= sentence.size() || sentence[end] != ',') return std::nullopt;
    return Relative{Span{0, comma}, Span{pronoun.begin, end}, true};
  }
  return Relative{Span{0, comma}, Span{pronoun.end, end}, false};
}

// A relative clause deeper in the sentence, or one with no comma, whose pronoun is followed by its
// verb: "...led by chief executive Sara Lind, who joined the bank in 2011", "a trial that opened on
// October 6", "Customers who bought a heater between January 2023 and May 2025 should stop". Its
// subject is the noun phrase before the pronoun ("Sara Lind", "a trial", "Customers"): up to eight
// words back to a determiner, stopping before a function word, a verb or a temporal phrase (the
// `cuts`), over the "and" and "of" of a name ("Savings and Loan Association") and its initials
// ("Dwight D. Eisenhower"). A restrictive clause (no comma) ends with its date; one after a comma
// at the next comma. None when the words between the pronoun and `anchor` (both in `clause`) hold a
// comma or a second verb ("The company that made the heaters recalled them on Monday": the date is
// the main clause's), or when the date qualifies a noun ("that led the 1992 protests", "that issued
// Thursday's ruling").
std::optional<Relative> inner_relative(std::string_view sentence, Span clause, Span anchor,
                                       const std::vector<Span>& cuts) {
  auto digit_at = [&](std::size_t i) {
    return i < sentence.size() && std::isdigit(static_cast<unsigned char>(sentence[i])) != 0;
  };
  auto upper_at = [&](std::size_t i) { return std::isupper(static_cast<unsigned char>(sentence[i])) != 0; };
  auto verb = [&](Span w) {
    const std::string lw = lower_at(sentence, w);
    return words::is_auxiliary(lw) || words::is_speech_verb(lw) ||
           (words::is_past_verb(lw) && std::islower(static_cast<unsigned char>(sentence[w.begin])));
  };
  if (qualifies_noun(sentence, anchor.end)) return std::nullopt;
  Span pronoun{0, 0};      // empty: none
  std::vector<Span> body;  // the words after the pronoun
  for (std::size_t i = clause.begin; i < anchor.begin;) {
    const Span w = next_word(sentence, i, anchor.begin);
    if (w.end == w.begin) {
      const char c = sentence[i];
      if ((c == ',' && !(i > 0 && digit_at(i - 1) && digit_at(i + 1))) || c == ';' || c == ':' || c == '(' || c == ')')
        pronoun = Span{0, 0};
      ++i;
      continue;
    }
    const std::string lw = lower_at(sentence, w);
    if (lw == "who" || lw == "which" || lw == "that") {
      pronoun = w;
      body.clear();
    } else if (pronoun.end > pronoun.begin) {
      body.push_back(w);
    }
    i = w.end;
  }
  if (pronoun.end == pronoun.begin || body.empty() || body.size() > 10 || !verb(body.front())) return std::nullopt;
  // The verb and its auxiliaries and participles ("was later moved"), then no other verb.
  std::size_t k = 1;
  while (k < body.size() && (verb(body[k]) || words::is_participle(lower_at(sentence, body[k])))) ++k;
  for (; k < body.size(); ++k)
    if (verb(body[k])) return std::nullopt;
  // The noun phrase before the pronoun (and its comma).
  std::size_t np_end = pronoun.begin;
  while (np_end > 0 && sentence[np_end - 1] == ' ') --np_end;
  const bool comma = np_end > 0 && sentence[np_end - 1] == ',';
  if (comma) --np_end;
  auto in_cut = [&](Span w) {
    return std::any_of(cuts.begin(), cuts.end(), [&](const Span& c) { return w.begin < c.end && c.begin < w.end; });
  };
  std::size_t np_begin = np_end, count = 0;
  while (count < 8 && np_begin > 0) {
    const Span w = prev_word(sentence, np_begin, 0);
    if (w.end == w.begin) {
      // The signs of an amount go with it ("$4.2", "12,000", "15%"; "£" is a word's byte), the
      // hyphens of a compound ("6-year-old", "three-judge"), the period of an initial ("D.").
      const char c = sentence[np_begin - 1];
      const bool inside_number = (c == '.' || c == ',') && np_begin > 1 && digit_at(np_begin - 2);
      const bool hyphen = c == '-' && np_begin > 1 && word_char(sentence[np_begin - 2]);
      const bool initial = c == '.' && np_begin > 1 && upper_at(np_begin - 2) &&
                           (np_begin == 2 || sentence[np_begin - 3] == ' ') && np_begin < np_end;
      if (c != '$' && c != '%' && !inside_number && !hyphen && !initial) break;
      --np_begin;
      continue;
    }
    if (in_cut(w)) break;
    const std::string lw = lower_at(sentence, w);
    if (words::is_determiner(lw)) {
      np_begin = w.begin;
      ++count;
      break;
    }
    // "Savings and Loan", "Council of Churches": between two capitalised words.
    const bool joins_name = (lw == "and" || lw == "of") && count > 0 && upper_at(np_begin) && w.begin > 1 &&
                            prev_word(sentence, w.begin, 0).end > prev_word(sentence, w.begin, 0).begin &&
                            upper_at(prev_word(sentence, w.begin, 0).begin);
    if (words::is_stop_word(lw) && !joins_name) break;
    if (verb(w)) {
      // A participle after a determiner, an adverb or a possessive is an adjective: "the FBI's
      // most wanted list", "the newly elected mayor"; "The council approved plans" is a verb.
      const Span before = prev_word(sentence, w.begin, 0);
      const std::string lb = lower_at(sentence, before);
      const bool adjective = !words::is_auxiliary(lw) && before.end > before.begin &&
                             (words::is_determiner(lb) || lb == "most" || lb.ends_with("ly") || lb.ends_with("'s"));
      if (!adjective) break;
    }
    np_begin = w.begin;
    ++count;
  }
  while (np_begin < np_end && !word_char(sentence[np_begin]) && sentence[np_begin] != '$') ++np_begin;
  if (count == 0 || np_begin >= np_end) return std::nullopt;
  return Relative{Span{np_begin, np_end}, Span{pronoun.end, comma ? relative_end(sentence, anchor.end) : anchor.end},
                  false};
}

// "The authority said on Wednesday that divers had inspected the crack on Tuesday": a date between
// a verb of speech and its "that" is the saying's when the reported clause has a date of its own
// (anchor `k` of `anchors`, in sentence order); its headline keeps who said it.
bool dates_the_saying(std::string_view sentence, const std::vector<Span>& anchors, std::size_t k) {
  const Span that = next_word(sentence, anchors[k].end, sentence.size());
  if (lower_at(sentence, that) != "that" ||
      std::none_of(anchors.begin() + static_cast<std::ptrdiff_t>(k) + 1, anchors.end(),
                   [&](const Span& a) { return a.begin >= that.end; }))
    return false;
  Span verb = prev_word(sentence, anchors[k].begin, 0);
  const std::string before = lower_at(sentence, verb);
  if (before == "on" || before == "in" || before == "at") verb = prev_word(sentence, verb.begin, 0);
  return words::is_speech_verb(lower_at(sentence, verb));
}

// The subject that opens a sentence: one to five words before its first verb, starting with a
// capital, with no punctuation ("Renner", "The competition authority", "Prosecutors"); empty when
// there is none.
std::string sentence_subject(std::string_view sentence) {
  std::size_t count = 0, end = 0;
  for (std::size_t i = 0; i < sentence.size() && count <= 5;) {
    const Span w = next_word(sentence, i, sentence.size());
    if (w.end == w.begin) {
      // "Brook, who led the city from 2015 to 2023, denied", "Mendes, 24, scored": the clause or the
      // age between commas is skipped.
      const Span pronoun = next_word(sentence, w.begin + 1, sentence.size());
      const std::string p = lower_at(sentence, pronoun);
      const bool age =
          !p.empty() &&
          std::all_of(p.begin(), p.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
          pronoun.end < sentence.size() && sentence[pronoun.end] == ',';
      const std::size_t close = sentence.find(',', pronoun.end);
      if (sentence[w.begin] != ',' || count == 0 || (p != "who" && p != "which" && !age) ||
          close == std::string_view::npos)
        return {};
      i = close + 1;
      continue;
    }
    const std::string lw = lower_at(sentence, w);
    const bool lower = std::islower(static_cast<unsigned char>(sentence[w.begin])) != 0;
    // After a determiner, a participle is an adjective: "The sweetened offer has".
    const bool after_determiner = words::is_determiner(lower_at(sentence, prev_word(sentence, w.begin, 0)));
    if (words::is_auxiliary(lw) || words::is_speech_verb(lw) ||
        (lower && words::is_past_verb(lw) && !after_determiner) || words::is_modal(lw)) {
      if (count == 0 || after_determiner || !std::isupper(static_cast<unsigned char>(sentence[0]))) return {};
      return std::string(sentence.substr(0, end));
    }
    // No function word but a determiner, "of" or "and" ("But analysts say..." has none).
    if (words::is_stop_word(lw) && !words::is_determiner(lw) && lw != "of" && lw != "and" &&
        !words::is_subject_pronoun(lw))
      return {};
    // An adverb before the verb is no part of the subject: "The agency first proposed".
    const bool adverb = count > 0 && lower &&
                        (lw.ends_with("ly") || lw == "first" || lw == "last" || lw == "later" || lw == "still" ||
                         lw == "now" || lw == "already" || lw == "again" || lw == "never");
    if (!adverb) end = w.end;
    ++count;
    i = w.end;
  }
  return {};
}

// How far back a name is looked for (written_as_name), so that a long document is not read again
// for every pronoun.
constexpr std::size_t kNameWindowBytes = 8000;

// A capitalised word that the text also writes capitalised inside a sentence, before a word in
// lower case ("Forward Luca Mendes signed"): a name, not a plural noun opening its sentence
// ("Prosecutors").
bool written_as_name(std::string_view text, std::string_view word) {
  for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    if (at < 2 || text[at - 1] != ' ') continue;
    // Inside a sentence, and followed by a word in lower case (not a title in capitals).
    const char c = text[at - 2];
    const Span next = next_word(text, at + word.size(), text.size());
    if ((std::isalnum(static_cast<unsigned char>(c)) || c == ',') && next.end > next.begin &&
        std::islower(static_cast<unsigned char>(text[next.begin])))
      return true;
  }
  return false;
}

// "He was indicted two weeks later": a headline that opens with the pronoun that opens its sentence
// names the subject of the sentence before, when the pronoun fits it: "he", "she" a name without a
// determiner ("Renner", "Luca Mendes"), "it" one with a determiner and no plural "s" ("The probe")
// or a name, "they" a plural ("Prosecutors", "The two banks"); their possessives the same ("Its
// predecessor" -> "The agency's predecessor"). Not "It was the first time".
// `text`: the bytes before the sentence, where names are looked for.
std::string resolve_pronoun(std::string_view text, std::string_view sentence, const std::string& before,
                            const std::string& own, std::string headline) {
  const auto space = headline.find(' ');
  if (space == std::string::npos) return headline;
  const std::string p = words::lower(std::string_view(headline).substr(0, space));
  if (!words::is_subject_pronoun(p) && p != "his" && p != "her" && p != "its" && p != "their") return headline;
  Span first = next_word(sentence, 0, sentence.size());
  const std::string* referent = &before;
  if (lower_at(sentence, first) != p) {
    // "The lander will separate in September, and it is expected to touch down two weeks later": a
    // later clause that opens with the pronoun names the sentence's own subject.
    referent = &own;
    first = Span{0, 0};
    for (const std::string_view join : {" and ", " but ", "; "}) {
      const auto at = sentence.find(std::string(join) + p + " ");
      if (at != std::string_view::npos) {
        first = Span{at + join.size(), at + join.size() + p.size()};
        break;
      }
    }
    if (first.end == first.begin) return headline;
  }
  const std::string& previous = *referent;
  if (previous.empty()) return headline;
  const bool possessive = p == "his" || p == "her" || p == "its" || p == "their";
  const Span after = next_word(sentence, first.end, sentence.size());
  const std::string next = lower_at(sentence, after);
  const bool determiner = words::is_determiner(lower_at(previous, next_word(previous, 0, previous.size())));
  const std::size_t last_word = previous.rfind(' ') == std::string::npos ? 0 : previous.rfind(' ') + 1;
  const bool name = !determiner && std::isupper(static_cast<unsigned char>(previous[last_word])) != 0;
  const bool plural = (previous.back() == 's' && !(name && written_as_name(text, previous))) ||
                      previous.find(" and ") != std::string::npos;
  bool fits = false;
  if (p == "he" || p == "she" || p == "his" || p == "her")
    fits = name && (!plural || previous.find(' ') != std::string::npos);  // "Luca Mendes", not "Prosecutors"
  else if (p == "it" || p == "its")
    fits = (determiner && !plural) || name;
  else if (p == "they" || p == "their")
    fits = plural;
  if (p == "it" && (next == "is" || next == "was")) {
    const Span third = next_word(sentence, after.end, sentence.size());
    fits = fits && words::is_participle(lower_at(sentence, third));
  }
  if (!fits) return headline;
  const std::string rest = headline.substr(space);
  if (!possessive) return previous + rest;
  return previous + (previous.back() == 's' ? "'" : "'s") + rest;
}

// A superlative among the few words before `at` in its clause: "the biggest drop", "the first time",
// "its highest level", "the most since".
bool superlative_before(std::string_view text, std::size_t floor, std::size_t at) {
  std::size_t i = at;
  for (int n = 0; n < 4; ++n) {
    const Span w = prev_word(text, i, floor);
    if (w.end == w.begin) return false;
    const std::string lw = lower_at(text, w);
    // "-est", but not "interest", "protest", "harvest", "request", "honest", "modest", "suggest"...
    static constexpr std::array<std::string_view, 9> kNotSuperlative = {"rest", "test", "vest", "quest", "nest",
                                                                        "dest", "fest", "west", "ggest"};
    const bool est = lw.size() > 5 && lw.ends_with("est") &&
                     (lw == "biggest" || std::none_of(kNotSuperlative.begin(), kNotSuperlative.end(),
                                                      [&](std::string_view e) { return lw.ends_with(e); }));
    if (est || lw == "first" || lw == "most" || lw == "least" || lw == "best" || lw == "worst") return true;
    i = w.begin;
  }
  return false;
}

bool perfect_before(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to;) {
    const Span w = next_word(text, i, to);
    if (w.end == w.begin) {
      ++i;
      continue;
    }
    const std::string lw = lower_at(text, w);
    if (lw == "has" || lw == "have" || lw == "hasn't" || lw == "haven't" || lw.ends_with("'ve")) return true;
    i = w.end;
  }
  return false;
}

// A later clause that starts with a past-tense verb ("... and returned home on Sunday", "and grew
// to 12,000 acres") borrows the subject of the sentence: the words before its first auxiliary or
// past verb ("Residents were evacuated", "The county began"), when that is one to four words.
std::string with_subject(std::string_view sentence, std::size_t clause_begin, std::string headline) {
  const auto first_space = headline.find(' ');
  const std::string first = words::lower(headline.substr(0, first_space));
  if (!words::is_auxiliary(first) && !words::is_speech_verb(first) && !words::is_past_verb(first)) return headline;
  const Span in_clause = next_word(sentence, sentence.find_first_not_of(" ,;", clause_begin), sentence.size());
  // The clause's own first word after any coordinator must be that verb, as written in lower case.
  Span w = in_clause;
  for (int i = 0; i < 2 && w.end > w.begin; ++i) {
    const std::string lw = lower_at(sentence, w);
    if (lw == first) {
      if (!std::islower(static_cast<unsigned char>(sentence[w.begin]))) return headline;
      break;
    }
    w = next_word(sentence, w.end, sentence.size());
  }
  if (lower_at(sentence, w) != first) return headline;
  // A pronoun opening the sentence is its subject, whatever the verb after it ("She won a seat in
  // 1968 and was elected four years later").
  const Span opening = next_word(sentence, 0, clause_begin);
  if (words::is_subject_pronoun(lower_at(sentence, opening))) {
    headline[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(headline[0])));
    return std::string(sentence.substr(opening.begin, opening.end - opening.begin)) + " " + headline;
  }
  std::size_t i = 0, count = 0;
  bool name = false;  // the word before is Capitalised
  while (i < clause_begin && count < 6) {
    const Span v = next_word(sentence, i, clause_begin);
    if (v.end == v.begin) {
      // A name and a comma: "Ada Whitfield, who served three terms, died on Saturday", "Chief
      // executive Lena Marsh, who took over in 2023, said".
      if (count == 0 || !name || v.begin >= clause_begin || sentence[v.begin] != ',') return headline;
      headline[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(headline[0])));
      return std::string(sentence.substr(0, i)) + " " + headline;
    }
    name = std::isupper(static_cast<unsigned char>(sentence[v.begin]));
    const std::string lv = lower_at(sentence, v);
    const bool verb = words::is_auxiliary(lv) || (count > 0 && words::is_past_verb(lv) &&
                                                  std::islower(static_cast<unsigned char>(sentence[v.begin])));
    if (verb) {
      if (count == 0 || count > 4) return headline;
      headline[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(headline[0])));
      return std::string(sentence.substr(0, v.begin - (v.begin > 0 ? 1 : 0))) + " " + headline;
    }
    if (!std::all_of(sentence.begin() + static_cast<std::ptrdiff_t>(v.begin),
                     sentence.begin() + static_cast<std::ptrdiff_t>(v.end),
                     [](char c) { return word_char(c) || c == '\'' || c == '-'; }))
      return headline;
    ++count;
    i = v.end;
  }
  return headline;
}

// The text an event shows: its sentence, or, for a sentence longer than kMaxContextBytes, the
// words around its date expression (about kMaxContextBytes / 2 on each side), so that a run-on
// sentence with hundreds of dates does not repeat itself in every event.
constexpr std::size_t kMaxContextBytes = 600;

Span context_of(std::string_view text, Span sentence, Span timex) {
  if (sentence.end - sentence.begin <= kMaxContextBytes) return sentence;
  // A budget of kMaxContextBytes: the timex, up to half the rest before it, the rest after it.
  const std::size_t rest = kMaxContextBytes - std::min(kMaxContextBytes, timex.end - timex.begin);
  const std::size_t before = std::min(rest / 2, timex.begin - sentence.begin);
  const std::size_t after = std::min(rest - before, sentence.end - timex.end);
  std::size_t b = timex.begin - before;
  std::size_t e = timex.end + after;
  if (e == sentence.end) b = std::max(sentence.begin, e > kMaxContextBytes ? e - kMaxContextBytes : 0);
  if (b > sentence.begin) {  // start at a word: after the first space of the window
    std::size_t i = b;
    while (i < timex.begin && text[i] != ' ') ++i;
    b = i < timex.begin ? i + 1 : b;
    while (b < timex.begin && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
  }
  if (e < sentence.end) {  // end at a word: before the last space of the window
    std::size_t i = e;
    while (i > timex.end && text[i - 1] != ' ') --i;
    e = i > timex.end ? i - 1 : e;
    while (e > timex.end && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
  }
  return Span{b, e};
}

struct Builder {
  const Document& doc;
  const std::vector<Mention>& ms;
  std::vector<Event> events;

  Event make(Span sentence, std::size_t sentence_cp, const TemporalValue& date, std::string headline,
             std::size_t timex_begin, std::size_t timex_end) const {
    const std::string_view text(doc.text);
    const Span w = context_of(text, sentence, Span{timex_begin, timex_end});
    Event e;
    e.date = date;
    e.text = doc.text.substr(w.begin, w.end - w.begin);
    e.headline = std::move(headline);
    EventMention m;
    m.doc = doc.id;
    m.start = sentence_cp + count_code_points(text.substr(sentence.begin, w.begin - sentence.begin));
    m.end = m.start + count_code_points(e.text);
    m.timex = doc.text.substr(timex_begin, timex_end - timex_begin);
    m.timex_start = m.start + count_code_points(text.substr(w.begin, timex_begin - w.begin));
    m.timex_end = m.timex_start + count_code_points(m.timex);
    m.date = e.date;
    m.headline = e.headline;
    m.text = e.text;
    e.mentions.push_back(std::move(m));
    return e;
  }
};

struct Pending {
  Relation rel;
  Span sentence;
  std::size_t sentence_cp = 0;
  std::vector<Span> cuts;  // sentence-relative
  std::vector<Annotation> durations, sets;
};

Annotation annotation_of(const Mention& m) { return Annotation{m.text, m.value.timex, m.value.freq}; }

void add_annotation(Event& e, const Mention& m) {
  auto& list = m.value.type == TimexType::set ? e.sets : e.durations;
  list.push_back(annotation_of(m));
}

// A run-on "sentence" (a page without punctuation, a table flattened to one line) is cut into
// pieces of at most kMaxSentenceBytes before events are attached, so that an event's text stays
// readable and the work per sentence stays bounded (the clause and relation steps compare mentions
// pairwise within a sentence). A piece ends at the last "; " or ", " of its window, else at its last
// space, else at the limit; never inside a mention (mentions are sorted and do not overlap).
constexpr std::size_t kMaxSentenceBytes = 2000;

std::vector<Span> bounded_sentences(std::string_view text, const std::vector<Span>& sentences,
                                    const std::vector<Mention>& mentions) {
  std::vector<Span> out;
  out.reserve(sentences.size());
  std::size_t m = 0;  // first mention that may end after the current position
  for (const Span& s : sentences) {
    std::size_t begin = s.begin;
    while (s.end - begin > kMaxSentenceBytes) {
      const std::size_t limit = begin + kMaxSentenceBytes;
      std::size_t cut = std::string_view::npos;
      for (std::size_t i = limit; i > begin + kMaxSentenceBytes / 2 && cut == std::string_view::npos; --i)
        if ((text[i - 1] == ';' || text[i - 1] == ',') && text[i] == ' ') cut = i;
      for (std::size_t i = limit; i > begin && cut == std::string_view::npos; --i)
        if (text[i] == ' ') cut = i;
      if (cut == std::string_view::npos) {
        cut = limit;
        while (cut > begin + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      }
      while (m < mentions.size() && mentions[m].end <= cut) ++m;
      if (m < mentions.size() && mentions[m].begin < cut) {
        // The cut falls inside a mention: end before it, or after it when it starts the piece.
        cut = std::min(s.end, mentions[m].begin > begin ? mentions[m].begin : mentions[m].end);
      }
      std::size_t end = cut;
      while (end > begin && text[end - 1] == ' ') --end;
      if (end > begin) out.push_back(Span{begin, end});
      begin = cut;
      while (begin < s.end && text[begin] == ' ') ++begin;
    }
    if (s.end > begin) out.push_back(Span{begin, s.end});
  }
  return out;
}

// Where the text goes on after a dateline's date ending at `at`: past an agency's name in brackets
// and the dash that follows ("(AP) - "), when they are there; else `at`.
std::size_t after_dateline(std::string_view text, std::size_t at, std::size_t limit) {
  auto skip_spaces = [&](std::size_t i) {
    while (i < limit && text[i] == ' ') ++i;
    return i;
  };
  std::size_t i = skip_spaces(at);
  if (i < limit && text[i] == '(') {
    const std::size_t close = text.find(')', i);
    if (close == std::string_view::npos || close >= limit || close - i > 30) return at;
    i = skip_spaces(close + 1);
  }
  const std::size_t dash = i;
  while (i < limit) {
    if (text[i] == '-' || text[i] == '_')
      ++i;
    else if (text.substr(i, 3) == "\u2014" || text.substr(i, 3) == "\u2013")
      i += 3;
    else
      break;
  }
  return i == dash ? at : skip_spaces(i);
}

// A dateline whose date has no year ("BEIJING, April 18 (Reuters) - "), which date_from_byline
// leaves to the text: a line that opens with a place in capitals and a comma ("KIRKWALL,",
// "AUSTIN, Texas,"), then the first mention, a date, then an agency's name or not and a dash.
// The bytes from the line's start to the date's end, like a dateline found by date_from_byline.
std::optional<Span> yearless_dateline(std::string_view text, const std::vector<Mention>& mentions) {
  constexpr std::size_t kTop = 700;
  if (mentions.empty() || mentions.front().begin > kTop || !is_point(mentions.front())) return std::nullopt;
  const Mention& m = mentions.front();
  const std::size_t line_begin = m.begin == 0 ? 0 : text.rfind('\n', m.begin - 1) + 1;  // npos + 1 == 0
  std::string_view before = text.substr(line_begin, m.begin - line_begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty() || before.back() != ',') return std::nullopt;
  before.remove_suffix(1);
  // "AUSTIN, Texas": a capitalised word or abbreviation after the place.
  if (const auto comma = before.rfind(','); comma != std::string_view::npos) {
    std::string_view region = before.substr(comma + 1);
    while (!region.empty() && region.front() == ' ') region.remove_prefix(1);
    if (region.empty() || region.size() > 12 || !std::isupper(static_cast<unsigned char>(region.front())) ||
        !std::all_of(region.begin(), region.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '.'; }))
      return std::nullopt;
    before = before.substr(0, comma);
  }
  std::size_t capitals = 0;
  for (char c : before) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isupper(u)) {
      ++capitals;
    } else if (std::islower(u) || std::isdigit(u) || !(u >= 0x80 || c == ' ' || c == '.' || c == '\'' || c == '-')) {
      return std::nullopt;
    }
  }
  if (capitals < 2 || before.size() > 40) return std::nullopt;
  std::size_t line_end = text.find('\n', m.end);
  if (line_end == std::string_view::npos) line_end = text.size();
  if (after_dateline(text, m.end, line_end) == m.end) return std::nullopt;
  return Span{line_begin, m.end};
}

}  // namespace

std::vector<Event> attach_events(const Document& doc, const std::vector<Mention>& mentions) {
  Builder b{doc, mentions, {}};
  const std::string_view text(doc.text);
  const auto sentences = bounded_sentences(text, split_sentences(doc.text), mentions);
  CodePointCounter cp(doc.text);
  // Where the text states its own date: a byline's line ("Published: April 5, 2025") or the head of a
  // dateline ("OSLO, April 5, 2025"). The publication has its event; a date there is not another.
  // A dateline without a year ("BEIJING, April 18 (Reuters) -") is one too.
  const auto byline = date_from_byline(text);
  const auto dateline = byline ? std::nullopt : yearless_dateline(text, mentions);
  const std::size_t byline_begin = byline ? byline->begin : dateline ? dateline->begin : 0;
  const std::size_t byline_end = byline ? byline->end : dateline ? dateline->end : 0;

  if (doc.published) {
    Event e;
    e.kind = EventKind::published;
    e.date.type = doc.published->time_of_day ? TimexType::time : TimexType::date;
    e.date.grain = doc.published->time_of_day ? Grain::minute : Grain::day;
    e.date.timex = format_instant(*doc.published);
    e.date.bounds = Interval{doc.published->day, doc.published->day};
    e.date.anchor = AnchorKind::explicit_;
    e.headline = doc.title.empty() ? "Published: " + doc.id : "Published: " + doc.title;
    // The opening sentence, after a byline that has a line of its own.
    auto opening = sentences.begin();
    while (opening != sentences.end() && std::next(opening) != sentences.end() && opening->end <= byline_end) ++opening;
    const Span first =
        opening == sentences.end() ? Span{0, 0} : context_of(text, *opening, Span{opening->begin, opening->begin});
    e.text = doc.text.substr(first.begin, first.end - first.begin);
    EventMention m;
    m.doc = doc.id;
    m.start = count_code_points(text.substr(0, first.begin));
    m.end = m.start + count_code_points(e.text);
    m.timex_start = m.timex_end = m.start;
    m.date = e.date;
    m.headline = e.headline;
    m.text = e.text;
    e.mentions.push_back(m);
    b.events.push_back(std::move(e));
  }

  std::vector<Pending> pending;
  std::size_t next = 0;                   // first mention not yet placed in a sentence
  std::string opening, previous_opening;  // subjects of this sentence and the one before, for pronouns
  for (const Span& s : sentences) {
    const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
    // A pronoun opening a sentence keeps the subject of the sentence before.
    previous_opening = std::move(opening);
    opening = sentence_subject(sentence);
    if (!opening.empty() && words::is_subject_pronoun(words::lower(opening))) opening = previous_opening;
    const std::size_t s_cp = cp.at(s.begin);
    std::vector<std::size_t> in;  // mentions of this sentence
    while (next < mentions.size() && mentions[next].begin < s.end) {
      if (mentions[next].begin >= s.begin && mentions[next].end <= s.end) in.push_back(next);
      ++next;
    }
    if (in.empty()) continue;

    std::vector<Relation> rels;
    std::vector<Point> points;
    std::vector<std::size_t> notes;  // durations and sets that annotate
    for (std::size_t i : in) {
      const Mention& m = mentions[i];
      // The date of a byline or dateline is the publication's, which has its event already.
      if (m.begin >= byline_begin && m.end <= byline_end) continue;
      if (auto r = relation_at(text, s, mentions, i)) {
        rels.push_back(*r);
        continue;
      }
      const std::string before = lower_at(text, prev_word(text, m.begin, s.begin));
      if (is_point(m)) {
        // "their biggest drop since January", "the first time since 2019": a comparison, no event.
        if (before == "since" && superlative_before(text, s.begin, prev_word(text, m.begin, s.begin).begin)) continue;
        Point p{i, m.value};
        if (before == "since" && doc.published && m.value.bounds->earliest <= doc.published->day)
          p.date = relations::until_publication(m.value, doc.published->day);
        points.push_back(std::move(p));
      } else if (m.value.type == TimexType::duration && doc.published && before == "for" &&
                 perfect_before(text, s.begin, m.begin)) {
        // "has grown for 30 years": from 30 years before publication until publication.
        const auto off = relations::parse_iso_duration(m.value.timex);
        const auto pub = relations::period_of(doc.published->day, Grain::day);
        const auto start = off && pub ? relations::shift(*pub, *off, -1) : std::nullopt;
        if (start) {
          Point p{i, relations::until_publication(*start, doc.published->day)};
          p.date.anchor = AnchorKind::publication;
          points.push_back(std::move(p));
        } else {
          notes.push_back(i);
        }
      } else if (m.value.type == TimexType::duration || m.value.type == TimexType::set) {
        notes.push_back(i);
      }
    }

    // Two dates that make a range are one event over it.
    for (std::size_t k = 0; k + 1 < points.size(); ++k) {
      const Point& following = points[k + 1];
      if (points[k].last != static_cast<std::size_t>(-1) ||
          following.date.timex != mentions[following.mention].value.timex)
        continue;
      if (auto r = range_of(text, s, mentions[points[k].mention], mentions[following.mention])) {
        points[k].date = std::move(*r);
        points[k].last = following.mention;
        points.erase(points.begin() + static_cast<std::ptrdiff_t>(k) + 1);
      }
    }

    // Everything temporal is cut from headlines, and so is each relation with what it refers to.
    std::vector<Span> cuts;
    for (std::size_t i : in) cuts.push_back(Span{mentions[i].begin - s.begin, mentions[i].end - s.begin});
    // A byline or dateline in the sentence ("WASHINGTON, April 5 (AP) -") is no part of a headline.
    if (byline_end > s.begin && byline_begin < s.end) {
      const std::size_t end = after_dateline(text, std::min(byline_end, s.end), s.end);
      cuts.push_back(Span{std::max(byline_begin, s.begin) - s.begin, end - s.begin});
    }
    for (const Relation& r : rels) {
      std::size_t from = r.begin - s.begin;
      while (from > 0 && (sentence[from - 1] == ' ' || sentence[from - 1] == ',')) --from;
      cuts.push_back(Span{from, r.ref_end - s.begin});
    }

    // The bytes of a point's expression: from its mention to the end of its range.
    auto span_of = [&](const Point& p) {
      const Mention& m = mentions[p.mention];
      return Span{m.begin, p.last == static_cast<std::size_t>(-1) ? m.end : mentions[p.last].end};
    };
    std::vector<Span> anchors;
    for (const Point& p : points) {
      const Span e = span_of(p);
      anchors.push_back(Span{e.begin - s.begin, e.end - s.begin});
      // "from", "between" before a range go with it.
      if (p.last != static_cast<std::size_t>(-1)) {
        const Span w = prev_word(text, e.begin, s.begin);
        const std::string opener = lower_at(text, w);
        if (opener == "from" || opener == "between") cuts.push_back(Span{w.begin - s.begin, e.end - s.begin});
      }
    }
    const auto clauses = split_clauses(sentence, anchors);
    // A date in a relative clause after the subject tells that clause's event, of that subject:
    // "Ruiz, who took office in 2023, said..." gives "Ruiz took office"; the other dates of the
    // sentence tell theirs without it.
    std::vector<std::optional<Relative>> relatives(points.size());
    std::vector<Span> main_cuts = cuts;
    std::vector<std::size_t> relative_ends;  // where the sentence goes on after a relative clause
    for (std::size_t k = 0; k < points.size(); ++k) {
      relatives[k] = relative_clause(sentence, anchors[k]);
      if (!relatives[k]) relatives[k] = inner_relative(sentence, clauses[k], anchors[k], cuts);
      if (!relatives[k]) continue;
      std::size_t end = relatives[k]->clause.end;  // with the comma that closes it
      while (end < sentence.size() && (sentence[end] == ' ' || sentence[end] == ',')) ++end;
      main_cuts.push_back(Span{relatives[k]->subject.end, end});
      if (relatives[k]->subject.begin == 0) relative_ends.push_back(end);
    }
    auto local_cuts = [&](const std::vector<Span>& all, Span c) {
      std::vector<Span> local;
      for (const Span& cut : all)
        if (cut.begin < c.end && c.begin < cut.end)
          local.push_back(Span{cut.begin > c.begin ? cut.begin - c.begin : 0, std::min(cut.end, c.end) - c.begin});
      return local;
    };
    const std::size_t first_event = b.events.size();
    for (std::size_t k = 0; k < points.size(); ++k) {
      const Span e = span_of(points[k]);
      std::string headline;
      if (const auto& r = relatives[k]) {
        const std::string clause = make_headline(sentence.substr(r->clause.begin, r->clause.end - r->clause.begin),
                                                 local_cuts(cuts, r->clause));
        if (!clause.empty()) {
          const std::string subject =
              make_headline(sentence.substr(r->subject.begin, r->subject.end - r->subject.begin), {});
          headline = subject + (r->passive ? " was " : " ") + words::lower(clause.substr(0, 1)) + clause.substr(1);
        }
      }
      if (headline.empty()) {
        Span c = clauses[k];
        // A clause that starts after a relative clause goes on from the subject before it.
        for (std::size_t end : relative_ends)
          if (c.begin > 0 && c.begin <= end) c.begin = 0;
        headline = make_headline(sentence.substr(c.begin, c.end - c.begin), local_cuts(main_cuts, c),
                                 dates_the_saying(sentence, anchors, k));
        if (c.begin > 0) headline = with_subject(sentence, c.begin, std::move(headline));
      }
      b.events.push_back(b.make(s, s_cp, points[k].date, std::move(headline), e.begin, e.end));
    }
    // A clause left empty by its dates ("Last winter, the county recorded storms between November
    // and March"; "on June 10 and 11") tells the event of the nearest clause that has words.
    for (std::size_t k = first_event; k < b.events.size(); ++k) {
      if (!b.events[k].headline.empty()) continue;
      std::size_t best = k;
      for (std::size_t j = first_event; j < b.events.size(); ++j)
        if (!b.events[j].headline.empty() && (best == k || (j > k ? j - k : k - j) < (best > k ? best - k : k - best)))
          best = j;
      if (best != k) {
        b.events[k].headline = b.events[best].headline;
        b.events[k].mentions.front().headline = b.events[k].headline;
      }
    }
    for (std::size_t k = first_event; k < b.events.size(); ++k) {
      b.events[k].headline = resolve_pronoun(
          text.substr(s.begin - std::min(s.begin, kNameWindowBytes), std::min(s.begin, kNameWindowBytes)), sentence,
          previous_opening, opening, std::move(b.events[k].headline));
      b.events[k].mentions.front().headline = b.events[k].headline;
    }
    // Durations and sets annotate the event of their clause (the nearest one when clauses are shared).
    std::vector<Annotation> loose_durations, loose_sets;
    for (std::size_t i : notes) {
      const Mention& m = mentions[i];
      if (points.empty()) {
        (m.value.type == TimexType::set ? loose_sets : loose_durations).push_back(annotation_of(m));
        continue;
      }
      std::size_t best = 0;
      for (std::size_t k = 0; k < points.size(); ++k)
        if (clauses[k].begin <= m.begin - s.begin && m.end - s.begin <= clauses[k].end) best = k;
      add_annotation(b.events[first_event + best], m);
    }

    for (const Relation& r : rels) {
      const Point* main = nullptr;
      const Point* ref = nullptr;
      std::size_t nearest = std::string_view::npos;
      for (const Point& p : points) {
        const Mention& m = mentions[p.mention];
        if (m.begin >= r.ref_begin && m.end <= r.ref_end) {
          ref = ref ? ref : &p;
          continue;
        }
        const std::size_t distance = m.end <= r.begin       ? r.begin - m.end
                                     : m.begin >= r.ref_end ? m.begin - r.ref_end
                                                            : 0;
        if (distance < nearest) {
          nearest = distance;
          main = &p;
        }
      }
      const int toward_ref = r.after ? -1 : 1;
      const std::string_view ref_text = text.substr(r.ref_begin, r.ref_end - r.ref_begin);
      if (main && !ref) {
        // "X in April, three months after Y": Y gets a date of its own.
        if (auto d = relations::shift(main->date, r.offset, toward_ref))
          b.events.push_back(b.make(s, s_cp, *d, make_headline(ref_text, {}), r.begin, r.kw_end));
      } else if (ref && !main) {
        // "three months after Y in April, X": X is dated from Y.
        if (auto d = relations::shift(ref->date, r.offset, -toward_ref)) {
          b.events.push_back(b.make(s, s_cp, *d, make_headline(sentence, cuts), r.begin, r.kw_end));
          for (const auto& a : loose_durations) b.events.back().durations.push_back(a);
          for (const auto& a : loose_sets) b.events.back().sets.push_back(a);
        }
      } else if (!main && !ref) {
        pending.push_back(Pending{r, s, s_cp, cuts, loose_durations, loose_sets});
      }
    }
  }

  // "Two days before the vote, X": the vote is an event told elsewhere in the document: the
  // nearest event told before X whose headline has every content word of "the vote", else the
  // nearest after it. Candidates come from an index of the events by content word (the rarest
  // word of "the vote" picks the list), ordered by position, so that a document with thousands
  // of such relations is not compared pairwise.
  const std::size_t told = b.events.size();
  std::vector<std::vector<std::string>> stems(told);
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_stem;
  for (std::size_t i = 0; i < told; ++i) {
    if (b.events[i].kind != EventKind::event || pending.empty()) continue;
    stems[i] = words::content_stems(b.events[i].headline);
    for (const auto& st : stems[i]) by_stem[st].push_back(i);
  }
  auto pos_of = [&](std::size_t i) { return b.events[i].mentions.front().start; };
  for (auto& [st, list] : by_stem)
    std::stable_sort(list.begin(), list.end(), [&](auto x, auto y) { return pos_of(x) < pos_of(y); });
  for (const Pending& p : pending) {
    const auto want = words::content_stems(text.substr(p.rel.ref_begin, p.rel.ref_end - p.rel.ref_begin));
    if (want.empty()) continue;
    const std::vector<std::size_t>* list = nullptr;
    for (const auto& st : want) {
      const auto it = by_stem.find(st);
      if (it == by_stem.end()) {
        list = nullptr;
        break;
      }
      if (!list || it->second.size() < list->size()) list = &it->second;
    }
    if (!list) continue;
    auto fits = [&](std::size_t i) {
      return std::includes(stems[i].begin(), stems[i].end(), want.begin(), want.end());
    };
    const std::size_t at = p.sentence_cp;
    // By position, then index: the last fitting one at or before `at` (the first of its
    // position), else the first fitting one after it.
    const auto split = std::partition_point(list->begin(), list->end(), [&](std::size_t i) { return pos_of(i) <= at; });
    const Event* best = nullptr;
    for (auto it = split; it != list->begin();) {
      --it;
      if (best && pos_of(*it) != best->mentions.front().start) break;
      if (fits(*it)) best = &b.events[*it];
    }
    if (!best) {
      for (auto it = split; it != list->end(); ++it) {
        if (fits(*it)) {
          best = &b.events[*it];
          break;
        }
      }
    }
    if (!best) continue;
    if (auto d = relations::shift(best->date, p.rel.offset, p.rel.after ? 1 : -1)) {
      const std::string_view sentence = text.substr(p.sentence.begin, p.sentence.end - p.sentence.begin);
      Event e = b.make(p.sentence, p.sentence_cp, *d, make_headline(sentence, p.cuts), p.rel.begin, p.rel.kw_end);
      e.durations = p.durations;
      e.sets = p.sets;
      b.events.push_back(std::move(e));
    }
  }
  for (auto& e : b.events) {
    std::sort(e.durations.begin(), e.durations.end());
    std::sort(e.sets.begin(), e.sets.end());
  }
  return b.events;
}

}  // namespace timeliner
