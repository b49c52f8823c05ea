// Attachment: each dated mention becomes an event of its clause; relations derive more dates.
#include "events/clause.hpp"
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
#include <tuple>
#include <utility>

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

// "over the past two weeks", "in the last three months": a duration that ends at the time of
// telling, after a preposition of time (`word_before`), not the last weeks of something else ("the
// last two weeks of the campaign"), nor a subject ("The last two months have been hard").
bool past_period(std::string_view text, Span sentence, const Mention& m, const std::string& word_before) {
  static constexpr std::array<std::string_view, 6> kPrepositions{"in", "over", "for", "during", "throughout", "within"};
  if (std::find(kPrepositions.begin(), kPrepositions.end(), word_before) == kPrepositions.end()) return false;
  const std::string t = words::lower(m.text);
  if (!t.starts_with("the past ") && !t.starts_with("the last ")) return false;
  return lower_at(text, next_word(text, m.end, sentence.end)) != "of";
}

// A dated thing of a sentence: a point mention, "since 2019", or "has grown for 30 years".
struct Point {
  std::size_t mention = 0;
  TemporalValue date;
  std::size_t last = static_cast<std::size_t>(-1);  // the mention that ends its range, if any
};

// "from March to June 2024", "between 2019 and 2021", "June 10-12": the range the two dates
// `a` and `b` (in this order in sentence `s`) make, when the words around them make one. Not
// "moved (the vote) from March to June" (a change of date), nor a range that would end before it
// starts. `change`: the first date's predicate is a word of change.
std::optional<TemporalValue> range_of(std::string_view text, Span s, const Mention& a, const Mention& b, bool change) {
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
    range = before == "from" && !change;
  if (!range) return std::nullopt;
  TemporalValue v = a.value;
  v.type = TimexType::date;
  v.mod = Mod::none;
  v.timex = a.value.timex + "/" + b.value.timex;
  v.bounds = Interval{a.value.bounds->earliest, b.value.bounds->latest};
  return v;
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

  // The bytes `word` of sentence `sentence` (whose first byte is code point `sentence_cp`) in code
  // points of the document: [start, end).
  std::pair<std::size_t, std::size_t> code_points(Span sentence, std::size_t sentence_cp, Span word) const {
    const std::string_view text(doc.text);
    const std::size_t start = sentence_cp + count_code_points(text.substr(sentence.begin, word.begin - sentence.begin));
    return {start, start + count_code_points(text.substr(word.begin, word.end - word.begin))};
  }

  // A duration or set `m` of sentence `sentence`, with the predicate that governs it (bytes), when
  // the parse gives one, and the other predicates it tells.
  Annotation annotation(const Mention& m, Span sentence, std::size_t sentence_cp, std::optional<Span> predicate,
                        const std::vector<Span>& shared) const {
    Annotation a;
    a.text = m.text;
    a.value = m.value.timex;
    a.freq = m.value.freq;
    a.doc = doc.id;
    std::tie(a.start, a.end) = code_points(sentence, sentence_cp, Span{m.begin, m.end});
    if (predicate) std::tie(a.predicate_start, a.predicate_end) = code_points(sentence, sentence_cp, *predicate);
    for (const Span& word : shared) a.shared_predicates.push_back(code_points(sentence, sentence_cp, word));
    return a;
  }

  // `predicate`: the bytes of the predicate's word, when there is one; `shared`: those of the other
  // predicates the date tells.
  Event make(Span sentence, std::size_t sentence_cp, const TemporalValue& date, std::string headline,
             std::size_t timex_begin, std::size_t timex_end, std::optional<Span> predicate,
             const std::vector<Span>& shared = {}) const {
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
    if (predicate) std::tie(m.predicate_start, m.predicate_end) = code_points(sentence, sentence_cp, *predicate);
    for (const Span& word : shared) m.shared_predicates.push_back(code_points(sentence, sentence_cp, word));
    e.mentions.push_back(std::move(m));
    return e;
  }
};

struct Pending {
  Relation rel;
  Span sentence;
  std::size_t sentence_cp = 0;
  std::string headline;  // of the sentence's main clause
  std::optional<Span> predicate;
  std::vector<Annotation> durations, sets;
};

void add_annotation(Event& e, const Mention& m, Annotation a) {
  auto& list = m.value.type == TimexType::set ? e.sets : e.durations;
  list.push_back(std::move(a));
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
  // Durations and sets of a sentence without an event of its own (placed at the end, on the event
  // told nearest before them), and the present, past and future references ("now", "recently").
  std::vector<std::pair<Annotation, bool>> loose;  // bool: a set
  std::vector<Annotation> references;
  std::size_t next = 0;  // first mention not yet placed in a sentence
  // The parses of the sentences, the last few kept: a pronoun looks for its referent in the
  // sentences before its own, parsed only when one needs it.
  std::map<std::size_t, events::Parse> parses;
  auto parse_of = [&](std::size_t k) -> const events::Parse& {
    auto it = parses.find(k);
    if (it == parses.end()) {
      const Span& s = sentences[k];
      it = parses.emplace(k, events::Parse::of(text.substr(s.begin, s.end - s.begin))).first;
      while (parses.size() > 4) parses.erase(parses.begin());
    }
    return it->second;
  };
  // The subject of the nearest sentence before `k` (up to three back) whose main clause has a noun
  // phrase for subject: what "he", "it", "they" opening sentence k stand for.
  auto referent_before = [&](std::size_t k) -> std::optional<events::Referent> {
    for (std::size_t back = 1; back <= 3 && back <= k; ++back)
      if (auto r = events::main_subject(parse_of(k - back))) return r;
    return std::nullopt;
  };
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    const Span& s = sentences[si];
    const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
    const std::size_t s_cp = cp.at(s.begin);
    std::vector<std::size_t> in;  // mentions of this sentence
    while (next < mentions.size() && mentions[next].begin < s.end) {
      if (mentions[next].begin >= s.begin && mentions[next].end <= s.end) in.push_back(next);
      ++next;
    }
    if (in.empty()) continue;
    const events::Parse& parse = parse_of(si);
    auto head_of = [&](Span bytes) { return parse.head_of(Span{bytes.begin - s.begin, bytes.end - s.begin}); };
    // The predicate's word as bytes of the text.
    auto predicate_span = [&](int v) -> std::optional<Span> {
      if (v < 0) return std::nullopt;
      const nlp::Word& w = parse.words[static_cast<std::size_t>(v)];
      return Span{s.begin + w.begin, s.begin + w.end};
    };
    auto before = [&] { return referent_before(si); };

    std::vector<Relation> rels;
    std::vector<Point> points;
    std::vector<std::size_t> notes;  // durations and sets that annotate
    std::vector<std::size_t> refs;   // "now", "currently", "recently", "soon"
    for (std::size_t i : in) {
      const Mention& m = mentions[i];
      // The date of a byline or dateline is the publication's, which has its event already.
      if (m.begin >= byline_begin && m.end <= byline_end) continue;
      if (auto r = relation_at(text, s, mentions, i)) {
        rels.push_back(*r);
        continue;
      }
      const std::string word_before = lower_at(text, prev_word(text, m.begin, s.begin));
      if (is_point(m)) {
        // "their biggest drop since January", "the first time since 2019": a comparison, no event.
        if (word_before == "since" && events::compares(parse, head_of(Span{m.begin, m.end}))) continue;
        Point p{i, m.value};
        if (word_before == "since" && doc.published && m.value.bounds->earliest <= doc.published->day)
          p.date = relations::until_publication(m.value, doc.published->day);
        points.push_back(std::move(p));
      } else if (m.value.type == TimexType::duration && doc.published &&
                 ((word_before == "for" &&
                   events::perfect(parse, events::predicate_of(parse, head_of(Span{m.begin, m.end})))) ||
                  past_period(text, s, m, word_before))) {
        // "has grown for 30 years", "fell over the past two weeks": from 30 years (two weeks) before
        // publication until publication.
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
      } else if (is_ref(m.value)) {
        refs.push_back(i);
      }
    }

    // Two dates that make a range are one event over it.
    for (std::size_t k = 0; k + 1 < points.size(); ++k) {
      const Point& following = points[k + 1];
      if (points[k].last != static_cast<std::size_t>(-1) ||
          following.date.timex != mentions[following.mention].value.timex)
        continue;
      const Mention& a = mentions[points[k].mention];
      const bool change = events::changes_date(parse, head_of(Span{a.begin, a.end}));
      if (auto r = range_of(text, s, a, mentions[following.mention], change)) {
        points[k].date = std::move(*r);
        points[k].last = following.mention;
        points.erase(points.begin() + static_cast<std::ptrdiff_t>(k) + 1);
      }
    }

    // Everything temporal is cut from headlines, and so is each relation with what it refers to,
    // a byline or dateline, and a label or bullet opening the sentence.
    events::Cuts cuts;
    for (std::size_t i : in) cuts.spans.push_back(Span{mentions[i].begin - s.begin, mentions[i].end - s.begin});
    if (byline_end > s.begin && byline_begin < s.end) {
      const std::size_t end = after_dateline(text, std::min(byline_end, s.end), s.end);
      cuts.spans.push_back(Span{std::max(byline_begin, s.begin) - s.begin, end - s.begin});
    }
    if (const Span pre = events::preamble(sentence); pre.end > 0) cuts.spans.push_back(pre);
    for (const Relation& r : rels) cuts.spans.push_back(Span{r.begin - s.begin, r.ref_end - s.begin});

    // The bytes of a point's expression: from its mention to the end of its range.
    auto span_of = [&](const Point& p) {
      const Mention& m = mentions[p.mention];
      return Span{m.begin, p.last == static_cast<std::size_t>(-1) ? m.end : mentions[p.last].end};
    };
    const std::size_t first_event = b.events.size();
    std::vector<int> predicates;  // of each point's event
    std::vector<int> passed;      // the participle a period's date passed ("the quarter ended Sept. 30"), or -1
    std::vector<int> modified;    // the noun or adjective the date modifies ("the Oct. 23 killing"), or -1
    std::vector<int> saying;      // the saying before the date, hung on what was said ("said today it had"), or -1
    for (const Point& p : points) {
      const int t = head_of(Span{mentions[p.mention].begin, mentions[p.mention].end});
      const int own = events::predicate_of(parse, t);
      predicates.push_back(events::dated_predicate(parse, own, cuts));
      passed.push_back(own != predicates.back() ? own : -1);
      const int n = events::modified_by_date(parse, t);
      modified.push_back(n >= 0 && !cuts.covers(parse.words[static_cast<std::size_t>(n)]) ? n : -1);
      saying.push_back(events::saying_before(parse, t, predicates.back()));
    }
    for (std::size_t k = 0; k < points.size(); ++k) {
      const Span e = span_of(points[k]);
      const int v = predicates[k];
      events::Cuts own = cuts;  // the other events' predicates
      for (int w : predicates)
        if (w >= 0 && w != v) own.predicates.push_back(w);
      std::vector<Span> shared;
      for (int w : events::shared_predicates(parse, v, own)) shared.push_back(*predicate_span(w));
      if (passed[k] >= 0) shared.push_back(*predicate_span(passed[k]));  // the date does date it
      for (const int n : {modified[k], saying[k]}) {
        if (n < 0 || n == v) continue;
        const Span w = *predicate_span(n);
        if (std::none_of(shared.begin(), shared.end(), [&](const Span& x) { return x.begin == w.begin; }))
          shared.push_back(w);
      }
      b.events.push_back(b.make(s, s_cp, points[k].date, events::headline_of(parse, v, own, before), e.begin, e.end,
                                predicate_span(v), shared));
    }
    // A date alone in its clause ("on June 10 and 11" parsed apart) tells the event of the nearest
    // one that has words.
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
    // Durations and sets annotate the event whose predicate governs them, else the nearest one; the
    // annotation records the predicate that governs it, and those it shares, as a date's event does.
    std::vector<Annotation> loose_durations, loose_sets;
    // The annotation of mention `i`, and the predicate that governs it (-1 for none).
    auto annotate = [&](std::size_t i) -> std::pair<Annotation, int> {
      const Mention& m = mentions[i];
      const int t = head_of(Span{m.begin, m.end});
      const int governs = events::predicate_of(parse, t);
      const int v = events::dated_predicate(parse, governs, cuts);  // "for the year ended Sept. 30, X earned"
      events::Cuts own = cuts;                                      // the dates' predicates
      for (int w : predicates)
        if (w >= 0 && w != v) own.predicates.push_back(w);
      std::vector<Span> shared;
      if (v >= 0)
        for (int w : events::shared_predicates(parse, v, own)) shared.push_back(*predicate_span(w));
      // The period's participle, and the noun the expression modifies ("a five-hour visit").
      const int n = events::modified_by_date(parse, t);
      std::vector<int> also{governs != v ? governs : -1,
                            n >= 0 && !cuts.covers(parse.words[static_cast<std::size_t>(n)]) ? n : -1};
      for (const int w : events::measured_by(parse, t))  // "ten years of growth"
        if (!cuts.covers(parse.words[static_cast<std::size_t>(w)])) also.push_back(w);
      for (const int w : also) {
        if (w < 0 || w == v) continue;
        const Span x = *predicate_span(w);
        if (std::none_of(shared.begin(), shared.end(), [&](const Span& y) { return y.begin == x.begin; }))
          shared.push_back(x);
      }
      return {b.annotation(m, s, s_cp, predicate_span(v), shared), v};
    };
    for (std::size_t i : refs) references.push_back(annotate(i).first);
    for (std::size_t i : notes) {
      const Mention& m = mentions[i];
      auto [a, v] = annotate(i);
      if (points.empty()) {
        (m.value.type == TimexType::set ? loose_sets : loose_durations).push_back(std::move(a));
        continue;
      }
      std::size_t best = 0;
      std::size_t distance = std::string_view::npos;
      for (std::size_t k = 0; k < points.size(); ++k) {
        const Mention& pm = mentions[points[k].mention];
        const std::size_t d = v >= 0 && predicates[k] == v ? 0
                              : pm.end <= m.begin          ? m.begin - pm.end + 1
                                                           : pm.begin - m.end + 1;
        if (d < distance) {
          distance = d;
          best = k;
        }
      }
      add_annotation(b.events[first_event + best], m, std::move(a));
    }

    // The headline and predicate of the sentence's main clause, for events dated from a relation.
    auto main_clause = [&]() -> std::pair<std::string, int> {
      int root = -1;
      for (int w = 0; w < static_cast<int>(parse.words.size()) && root < 0; ++w)
        if (parse.words[static_cast<std::size_t>(w)].head < 0) root = w;
      return {events::headline_of(parse, root, cuts, before), root};
    };
    bool loose_placed = false;  // on an event dated from a relation, or waiting for one
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
      if (main && !ref) {
        // "X in April, three months after Y": Y gets a date of its own, the phrase Y for headline.
        if (auto d = relations::shift(main->date, r.offset, toward_ref)) {
          const Span ref_bytes{r.ref_begin - s.begin, r.ref_end - s.begin};
          const int v = parse.head_of(ref_bytes);
          b.events.push_back(
              b.make(s, s_cp, *d, events::span_text(parse, ref_bytes), r.begin, r.kw_end, predicate_span(v)));
        }
      } else if (ref && !main) {
        // "three months after Y in April, X": X is dated from Y.
        if (auto d = relations::shift(ref->date, r.offset, -toward_ref)) {
          const auto [headline, v] = main_clause();
          b.events.push_back(b.make(s, s_cp, *d, headline, r.begin, r.kw_end, predicate_span(v)));
          for (const auto& a : loose_durations) b.events.back().durations.push_back(a);
          for (const auto& a : loose_sets) b.events.back().sets.push_back(a);
          loose_placed = true;
        }
      } else if (!main && !ref) {
        const auto [headline, v] = main_clause();
        pending.push_back(Pending{r, s, s_cp, headline, predicate_span(v), loose_durations, loose_sets});
        loose_placed = true;
      }
    }
    if (!loose_placed) {
      for (auto& a : loose_durations) loose.emplace_back(std::move(a), false);
      for (auto& a : loose_sets) loose.emplace_back(std::move(a), true);
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
  auto resolve = [&](const Pending& p) {
    const auto want = words::content_stems(text.substr(p.rel.ref_begin, p.rel.ref_end - p.rel.ref_begin));
    if (want.empty()) return false;
    const std::vector<std::size_t>* list = nullptr;
    for (const auto& st : want) {
      const auto it = by_stem.find(st);
      if (it == by_stem.end()) {
        list = nullptr;
        break;
      }
      if (!list || it->second.size() < list->size()) list = &it->second;
    }
    if (!list) return false;
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
    if (!best) return false;
    const auto d = relations::shift(best->date, p.rel.offset, p.rel.after ? 1 : -1);
    if (!d) return false;
    Event e = b.make(p.sentence, p.sentence_cp, *d, p.headline, p.rel.begin, p.rel.kw_end, p.predicate);
    e.durations = p.durations;
    e.sets = p.sets;
    b.events.push_back(std::move(e));
    return true;
  };
  for (const Pending& p : pending) {
    if (resolve(p)) continue;
    for (const auto& a : p.durations) loose.emplace_back(a, false);
    for (const auto& a : p.sets) loose.emplace_back(a, true);
  }

  // Durations and sets of a sentence without an event of their own annotate the event whose date
  // was told nearest before them in the document (the time the story had reached), else the
  // nearest after them, else the publication's. References ("now", "recently", "soon") tell a
  // time by the publication's, and annotate its event; without one, they are placed like the
  // durations.
  std::size_t published = b.events.size();
  for (std::size_t i = 0; i < b.events.size() && published == b.events.size(); ++i)
    if (b.events[i].kind == EventKind::published) published = i;
  // The events' dates by position (code points), so that each annotation finds its host by a
  // binary search: a document with thousands of both is not compared pairwise.
  std::vector<std::pair<std::size_t, std::size_t>> by_position;  // timex_start, event index
  for (std::size_t i = 0; i < b.events.size(); ++i)
    if (b.events[i].kind == EventKind::event) by_position.emplace_back(b.events[i].mentions.front().timex_start, i);
  std::sort(by_position.begin(), by_position.end());
  auto host = [&](std::size_t at) -> Event* {
    auto it = std::upper_bound(by_position.begin(), by_position.end(), std::make_pair(at, b.events.size()));
    if (it != by_position.begin()) {  // the last date told at or before `at`, the first event of it
      it = std::lower_bound(by_position.begin(), it, std::make_pair(std::prev(it)->first, std::size_t{0}));
    }
    const std::size_t best = it != by_position.end() ? it->second : published;
    return best < b.events.size() ? &b.events[best] : nullptr;
  };
  for (auto& [a, set] : loose)
    if (Event* e = host(a.start)) (set ? e->sets : e->durations).push_back(std::move(a));
  for (auto& a : references)
    if (Event* e = published < b.events.size() ? &b.events[published] : host(a.start))
      e->references.push_back(std::move(a));
  for (auto& e : b.events) {
    for (auto* list : {&e.durations, &e.sets, &e.references}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
  }
  return b.events;
}

}  // namespace timeliner
