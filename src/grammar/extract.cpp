#include "grammar/compiled.hpp"
#include "resolve/resolver.hpp"
#include "text/tense.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/text.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>

namespace timeliner {

Grammar::Grammar(std::string_view source, CompileMode mode)
    : impl_(std::make_unique<grammar::Compiled>(source, mode == lazy)) {}
Grammar::Grammar(std::unique_ptr<grammar::Compiled> impl) : impl_(std::move(impl)) {}
Grammar::~Grammar() = default;
Grammar::Grammar(Grammar&&) noexcept = default;
Grammar& Grammar::operator=(Grammar&&) noexcept = default;

std::size_t Grammar::rule_count() const { return impl_->rules().size(); }

namespace {

// TIMEX3 values and our timeline files have four-digit years: a value that arithmetic pushed
// before 9999 BC (the astronomical year -9998) or after AD 9999 ("January 1" from a 9999-12-31
// publication date) is dropped.
bool in_writable_years(const Resolved& r) {
  static const date::sys_days first{date::year{-9998} / 1 / 1};
  static const date::sys_days last{date::year{9999} / 12 / 31};
  if (r.value.bounds) return r.value.bounds->earliest >= first && r.value.bounds->latest <= last;
  return !r.point || (r.point->day >= first && r.point->day <= last);
}

// Whether a sentence has figures: digits, "$", "%" or "#" (a table, not find_first_of(), which
// searches the set once per byte of the sentence).
bool has_figures(std::string_view sentence) {
  static constexpr auto kFigures = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view("0123456789$%#")) t[c] = true;
    return t;
  }();
  for (char c : sentence)
    if (kFigures[static_cast<unsigned char>(c)]) return true;
  return false;
}

// Whether a blank line (a line of spaces only) lies in text[from, to): the paragraph break between
// two sentences.
bool blank_line_between(std::string_view text, std::size_t from, std::size_t to) {
  bool line_start = false;
  for (std::size_t i = from; i < to && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      if (line_start) return true;
      line_start = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      line_start = false;
    }
  }
  return false;
}

// Whether the words before a date in its sentence leave it opening the sentence, as a frame for
// what follows: nothing, or a preposition of time ("In 2012, ...", "Back in March, ...", "On
// Sunday night, ...").
bool opens_sentence(std::string_view before) {
  static constexpr std::array<std::string_view, 12> kWords = {
      "in", "on", "during", "by", "at", "back", "early", "late", "since", "until", "around", "throughout"};
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < before.size()) {
    while (i < before.size() && (before[i] == ' ' || before[i] == '\n' || before[i] == '\t' || before[i] == '"')) ++i;
    std::size_t j = i;
    while (j < before.size() && before[j] != ' ' && before[j] != '\n' && before[j] != '\t') ++j;
    if (j == i) break;
    std::string word(before.substr(i, j - i));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (++words > 2 || std::find(kWords.begin(), kWords.end(), word) == kWords.end()) return false;
    i = j;
  }
  return true;
}

// Whether the words before a date open with "since" ("Since 1614, ...": the start of a span).
bool starts_with_since(std::string_view before) {
  while (!before.empty() && (before.front() == ' ' || before.front() == '\n' || before.front() == '"'))
    before.remove_prefix(1);
  return before.size() >= 5 && (before[0] == 's' || before[0] == 'S') && before.substr(1, 4) == "ince" &&
         (before.size() == 5 || before[5] == ' ' || before[5] == '\n');
}

// Whether the words before a date make it the end of a span: "until", "till".
bool ends_span(std::string_view before) {
  while (!before.empty() && (before.back() == ' ' || before.back() == '\n')) before.remove_suffix(1);
  const std::size_t space = before.find_last_of(" \n\t(");
  std::string word(before.substr(space == std::string_view::npos ? 0 : space + 1));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word == "until" || word == "till";
}

// Whether a date `n` narrated in a narrative carries the story on to its time. Not when it holds
// the story's time (a coarser period around it), nor when it looks back from the story ("the previous April", "two
// years earlier", "had not met since 1614") or ahead of it ("a campaign planned for 1976", "an assault that lasted
// until February 1945": `limit`, the date ends a span), nor when it is of a year far from the story's and opens no
// sentence ("a report declassified in 2005"), unless the last such date was of a year near it (the narration has moved
// there). `aside_year` keeps the year of that last distant date.
bool moves_story(const Narrated& n, const Frame& frame, bool opens, bool since, bool limit, const ResolveContext& ctx,
                 std::optional<int>& aside_year) {
  if ((frame.dir && *frame.dir < 0) || limit) return false;
  // A period that holds the story's time ("in 1941" told after "on December 7, 1941") leaves it
  // where it is, as precise as it was.
  const Interval now = bounds_of(ctx.story->point), told = bounds_of(n.point);
  if (told.earliest <= now.earliest && now.latest <= told.latest && n.point.grain < ctx.story->point.grain)
    return false;
  const TenseCue cue = ctx.tense_cue();
  // "By late May 1944, the Soviets had liberated Crimea": a date that opens its sentence is the
  // time a past perfect is told from, and the story moves there ("since 1614 they had not met" stays).
  const bool perfect_from_here = opens && !since && n.anchor == AnchorKind::explicit_;
  if ((cue.anterior && !perfect_from_here) || cue.tense == Tense::future || cue.tense == Tense::prospective)
    return false;
  if (n.anchor != AnchorKind::explicit_ || opens) return true;
  constexpr int kNearYears = 2;
  auto year = [](const Point& p) { return static_cast<int>(date::year_month_day{p.day}.year()); };
  const int y = year(n.point);
  if (std::abs(y - year(ctx.story->point)) <= kNearYears) return true;
  const bool confirmed = aside_year && std::abs(y - *aside_year) <= kNearYears;
  aside_year = y;
  return confirmed;
}

}  // namespace

std::vector<Mention> extract(const Grammar& grammar, const Document& doc, const ExtractOptions& options) {
  std::vector<Mention> out;
  extract_each(grammar, doc, options, [&](Mention& m) { out.push_back(std::move(m)); });
  return out;
}

void extract_each(const Grammar& grammar, const Document& doc, const ExtractOptions& options,
                  const std::function<void(Mention&)>& each, std::size_t block_bytes) {
  const grammar::Compiled& g = grammar.compiled();
  const std::string_view text = doc.text;
  // The cue words of the grammar, gathered once per thread.
  thread_local std::uint64_t cues_of = 0;
  thread_local std::optional<TenseCues> cached_cues;
  if (cues_of != g.id()) {
    cached_cues.emplace(g);
    cues_of = g.id();
  }
  const TenseCues& cues = *cached_cues;

  ResolveContext ctx;
  ctx.publication = doc.published;
  ctx.doc_type = options.doc_type;

  CodePointCounter cp(text);
  // The sentence of the match (number s), and the one after it.
  SentenceSplitter sentences(text);
  Span sent, following;
  const bool any_sentence = sentences.next(sent);
  bool more_sentences = any_sentence && sentences.next(following);
  std::size_t s = 0;
  std::size_t paragraph = 0;
  std::size_t duration_sentence = static_cast<std::size_t>(-1);
  std::size_t figures_sentence = static_cast<std::size_t>(-1);
  // The tense cues around the mention being resolved, read when the resolver first asks.
  TenseCues::Words sentence_words;  // the words of the last sentence read, read once
  const grammar::Match* current = nullptr;
  std::optional<TenseCue> current_cue;
  if (any_sentence) {
    ctx.find_tense = [&]() -> TenseCue {
      if (current_cue) return *current_cue;
      const grammar::Match& m = *current;
      // The sentence around the mention, at most kTenseWindow bytes on each side: a text without
      // sentence ends (one huge line) would otherwise be read whole for every mention.
      constexpr std::size_t kTenseWindow = 2000;
      std::size_t b = std::min(sent.begin, m.begin);
      std::size_t e = std::max(sent.end, m.end);
      if (m.begin - b > kTenseWindow) b = m.begin - kTenseWindow;
      if (e - m.end > kTenseWindow) e = m.end + kTenseWindow;
      TenseCue cue;
      cue.tense = cues.tense_at(text.substr(b, e - b), m.span_begin - b, m.span_end - b, &cue.distance,
                                &cue.compared_before, sentence_words, &cue.adjacent, &cue.anterior);
      current_cue = cue;
      return cue;
    };
  }
  // A date just resolved (its anchor taken from the value) is the date narrated last, and moves the
  // story's time unless, in a narrative, it is a glance away from it (ResolveContext::story).
  std::optional<int> aside_year;  // the year of the last distant date that left the story's time
  auto narrate = [&](const Point& point, AnchorKind how, const Frame& frame) {
    const Narrated n{point, s, paragraph, how};
    const std::string_view before =
        text.substr(sent.begin, current->span_begin > sent.begin ? current->span_begin - sent.begin : 0);
    const bool opens = opens_sentence(before);
    if (opens) ctx.frame = n;
    ctx.narrate(n, ctx.doc_type == DocType::news || !ctx.story ||
                       moves_story(n, frame, opens, starts_with_since(before), ends_span(before), ctx, aside_year));
  };
  Mention mention;
  // The text a slot filling `field` captured in match `m` (the last such slot); empty when none did.
  auto group_of = [&](const grammar::Match& m, std::string_view field) {
    std::string_view out;
    const auto& captures = g.rules()[m.rule].captures;
    for (std::size_t k = 0; k < captures.size() && k < m.groups.size(); ++k)
      if (captures[k].field == field && m.groups[k].data() != nullptr) out = m.groups[k];
    return out;
  };
  auto tag = [&](const grammar::Match& m) {
    auto frame = g.frame_of(m);
    if (!frame || frame->kind == FrameKind::reject) return;
    if (frame->narrative && ctx.doc_type != DocType::narrative) return;
    if (options.day_first && frame->numeric && frame->month && frame->day) {
      // Numeric dates in day-first order: swap when the rule read month/day.
      if (*frame->day <= 12) std::swap(*frame->month, *frame->day);
    }
    while (more_sentences && sent.end <= m.begin) {
      if (blank_line_between(text, sent.end, following.begin)) ++paragraph;
      sent = following;
      ++s;
      more_sentences = sentences.next(following);
    }
    ctx.sentence = s;
    ctx.paragraph = paragraph;
    current = &m;
    current_cue.reset();
    if (any_sentence) {
      if (s != figures_sentence) {
        figures_sentence = s;
        const std::string_view st = text.substr(sent.begin, sent.end - sent.begin);
        ctx.figures_in_sentence = has_figures(st);
      }
    }
    ctx.span_in_sentence = duration_sentence == s;
    // Reports `piece` of the text as an expression with the value `r`.
    auto emit = [&](std::string_view piece, Resolved& r) {
      mention.begin = static_cast<std::size_t>(piece.data() - text.data());
      mention.end = mention.begin + piece.size();
      mention.cp_begin = cp.at(mention.begin);
      mention.cp_end = cp.at(mention.end);
      mention.text.assign(piece);
      mention.value = std::move(r.value);
      mention.rule = g.rules()[m.rule].name;  // `each` may have taken the strings of the one before
      each(mention);
    };
    if (frame->range_year && frame->year_bare) {
      // "from 499 to 493 BC", "(240-238 BC)", "from 1066 to 1087": two years, the first in the era of
      // the second, and before it.
      const std::string_view first_text = group_of(m, "year_bare"), end_year = group_of(m, "range_year");
      if (first_text.empty() || end_year.empty()) return;
      Frame start = *frame, end = *frame;
      start.range_year.reset();
      start.year_bare.reset();
      start.year = *frame->range_year <= 0 ? 1 - *frame->year_bare : *frame->year_bare;
      end.range_year.reset();
      end.year_bare.reset();
      end.year = *frame->range_year;
      if (*start.year >= *end.year) return;
      auto first = resolve(start, ctx), last = resolve(end, ctx);
      if (!first || !last || !first->point || !last->point) return;
      emit(first_text, *first);
      narrate(*first->point, first->value.anchor, start);
      const std::size_t end_begin = static_cast<std::size_t>(end_year.data() - text.data());
      emit(text.substr(end_begin, m.span_end - end_begin), *last);
      narrate(*last->point, last->value.anchor, end);
      return;
    }
    if (frame->range_month && frame->month) {
      // "from March to June 2024", "between November and March", "from June 1 to Nov. 30": two
      // expressions, the first before the second. A year written after the second is both's.
      const std::string_view first_month = group_of(m, "month"), first_day = group_of(m, "day");
      const std::string_view end_month = group_of(m, "range_month");
      if (first_month.empty() || end_month.empty()) return;
      const std::string_view first_last = first_day.empty() ? first_month : first_day;  // ends the first
      const std::size_t first_end = static_cast<std::size_t>(first_last.data() + first_last.size() - text.data());
      const std::size_t end_begin = static_cast<std::size_t>(end_month.data() - text.data());
      const std::string_view first_text = text.substr(m.span_begin, first_end - m.span_begin);
      const std::string_view end_text = text.substr(end_begin, m.span_end - end_begin);
      Frame start = *frame;
      start.range_month.reset();
      start.range_end.reset();
      start.year.reset();
      Frame end = *frame;
      end.month = *frame->range_month;
      end.day = frame->range_end;
      end.range_month.reset();
      end.range_end.reset();
      // The first in the year before the second's when it comes later in a year ("November and March").
      const int wraps = std::pair(*start.month, start.day.value_or(0)) > std::pair(*end.month, end.day.value_or(0));
      auto year_of = [](const Resolved& r) { return static_cast<int>(date::year_month_day{r.point->day}.year()); };
      // The second resolved (with its year when written), and the first put before it.
      auto last = resolve(end, ctx);
      if (!last || !last->point || !in_writable_years(*last)) return;
      start.year = year_of(*last) - wraps;
      auto first = resolve(start, ctx);
      if (!first || !first->point || !in_writable_years(*first)) return;
      if (!frame->year && ctx.publication) {
        // No year written: the other way round (the first resolved alone, the second after it)
        // may fit better: a past range ends by the publication, a future one ends after it, and
        // otherwise the range nearer to the publication is taken ("runs from June 1 to Nov. 30",
        // told in April, is this year's).
        Frame alone = start;
        alone.year.reset();
        auto first2 = resolve(alone, ctx);
        std::optional<Resolved> last2;
        if (first2 && first2->point && in_writable_years(*first2)) {
          Frame after = end;
          after.year = year_of(*first2) + wraps;
          last2 = resolve(after, ctx);
          if (last2) last2->value.anchor = first2->value.anchor;
        }
        if (last2 && last2->point && in_writable_years(*last2) && year_of(*first2) != year_of(*first)) {
          const date::sys_days day = ctx.publication->day;
          auto middle = [](const Resolved& a, const Resolved& b) {
            return a.value.bounds->earliest + (b.value.bounds->latest - a.value.bounds->earliest) / 2;
          };
          auto distance = [&](date::sys_days d) { return d > day ? d - day : day - d; };
          const Tense tense = ctx.tense_cue().tense;
          bool other = false;
          if (tense == Tense::past || tense == Tense::reported)
            other = last->value.bounds->latest > day && last2->value.bounds->latest <= day;
          else if (tense == Tense::future || tense == Tense::prospective)
            other = last->value.bounds->latest < day && last2->value.bounds->latest >= day;
          else
            other = distance(middle(*first2, *last2)) < distance(middle(*first, *last));
          if (other) {
            first = std::move(first2);
            last = std::move(last2);
          }
        }
      }
      first->value.anchor = last->value.anchor;
      emit(first_text, *first);
      narrate(*last->point, last->value.anchor, *frame);
      emit(end_text, *last);
      return;
    }
    auto resolved = resolve(*frame, ctx);
    if (!resolved) return;
    if (!in_writable_years(*resolved)) return;
    // "up from $2 million a year ago" compares figures; it does not move the narrative to that year,
    // so a later "a year earlier" still compares with the current period.
    // A report names the period it is about in its lead: a quarter named further down is a
    // comparison or an aside ("the team trailed in the third quarter").
    constexpr std::size_t kLeadSentences = 5;
    const bool comparison = frame->same_period && frame->unit == Grain::year && ctx.figures_in_sentence &&
                            (!frame->with_figures || resolved->value.grain != Grain::year);
    if (resolved->point && resolved->value.bounds && !comparison &&
        (resolved->value.type == TimexType::date || resolved->value.type == TimexType::time)) {
      narrate(*resolved->point, resolved->value.anchor, *frame);
      if (!ctx.report_period && s < kLeadSentences && resolved->point->grain == Grain::quarter && ctx.publication &&
          resolved->value.bounds->latest < ctx.publication->day &&
          resolved->value.bounds->latest + date::days{300} >= ctx.publication->day)
        ctx.report_period = resolved->point;
    }
    if (resolved->value.type == TimexType::duration) duration_sentence = s;
    // "June 10 and 11", "Aug. 14-17": the second day is an expression of its own, in the month and
    // year the first was resolved to.
    std::optional<Resolved> second;
    std::string_view second_text;
    if (frame->range_end && frame->day && *frame->range_end > *frame->day && resolved->point &&
        resolved->point->grain == Grain::day) {
      second_text = group_of(m, "range_end");
      Frame next = *frame;
      next.day = *frame->range_end;
      next.range_end.reset();
      next.year = static_cast<int>(date::year_month_day{resolved->point->day}.year());
      if (!second_text.empty()) second = resolve(next, ctx);
      if (second) second->value.anchor = resolved->value.anchor;
    }
    // "1915-17", "1990-94": two years, the second a few years after the first, written with its
    // last two digits (a fiscal year or a season written "2014/15" stays one).
    std::string_view first_text = text.substr(m.span_begin, m.span_end - m.span_begin);
    if (frame->range_end && frame->year && !frame->day && !frame->month && resolved->point &&
        resolved->point->grain == Grain::year) {
      second_text = group_of(m, "range_end");
      const std::string_view year_text = group_of(m, "year");
      const std::size_t year_end = static_cast<std::size_t>(year_text.data() - text.data()) + year_text.size();
      if (year_text.empty() || year_end >= text.size() || text[year_end] == '/') second_text = {};
      const int ahead = (*frame->range_end - *frame->year % 100 + 100) % 100;
      if (!second_text.empty() && !year_text.empty() && ahead >= 1 && ahead <= 9) {
        Frame next = *frame;
        next.year = *frame->year + ahead;
        next.range_end.reset();
        second = resolve(next, ctx);
        if (second && in_writable_years(*second)) first_text = year_text;
      }
    }
    emit(first_text, *resolved);
    if (second) {
      if (second->point) narrate(*second->point, second->value.anchor, *frame);
      emit(second_text, *second);
    }
  };
  // The matches of a block are settled and tagged before the next block is scanned.
  g.scan_batches(text, block_bytes, [&](std::vector<grammar::Match>& batch) {
    for (const auto& m : batch) tag(m);
  });
}

}  // namespace timeliner
