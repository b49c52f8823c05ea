#include "grammar/compiled.hpp"
#include "resolve/resolver.hpp"
#include "text/tense.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/text.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace timeliner {

Grammar::Grammar(std::string_view source, CompileMode mode)
    : impl_(std::make_unique<grammar::Compiled>(source, mode == lazy)) {}
Grammar::Grammar(std::unique_ptr<grammar::Compiled> impl) : impl_(std::move(impl)) {}
Grammar::~Grammar() = default;
Grammar::Grammar(Grammar&&) noexcept = default;
Grammar& Grammar::operator=(Grammar&&) noexcept = default;

std::size_t Grammar::rule_count() const { return impl_->rules().size(); }

std::optional<DocType> parse_doc_type(std::string_view name) {
  if (name == "news") return DocType::news;
  if (name == "narrative") return DocType::narrative;
  if (name == "schedule") return DocType::schedule;
  return std::nullopt;
}

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

// Whether a sentence has figures: digits, "$", "%" or "#" (sixteen bytes at a time, then a table).
bool has_figures(std::string_view sentence) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9), dollar = _mm_set1_epi8('$'),
                percent = _mm_set1_epi8('%'), hash = _mm_set1_epi8('#');
  for (; i + 16 <= sentence.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(sentence.data() + i));
    const __m128i digit = _mm_sub_epi8(v, zero);  // a digit is at most 9 after it, unsigned
    const __m128i figures = _mm_or_si128(
        _mm_cmpeq_epi8(_mm_min_epu8(digit, nine), digit),
        _mm_or_si128(_mm_cmpeq_epi8(v, dollar), _mm_or_si128(_mm_cmpeq_epi8(v, percent), _mm_cmpeq_epi8(v, hash))));
    if (_mm_movemask_epi8(figures) != 0) return true;
  }
#endif
  static constexpr auto kFigures = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view("0123456789$%#")) t[c] = true;
    return t;
  }();
  for (; i < sentence.size(); ++i)
    if (kFigures[static_cast<unsigned char>(sentence[i])]) return true;
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

// Whether the words before a date make it the end of a span: "until", "till", right before it or
// a few words back in its clause, before the event that ends the span ("lasted until the fall of
// the capital in February 1945"). A comma, a semicolon or a word that opens another clause ends
// the search.
bool ends_span(std::string_view before) {
  constexpr int kWords = 7;
  static constexpr std::array<std::string_view, 7> kClause = {"and", "but", "which", "while", "when", "who", "where"};
  for (int n = 0; n < kWords; ++n) {
    while (!before.empty() && (before.back() == ' ' || before.back() == '\n' || before.back() == '\t'))
      before.remove_suffix(1);
    if (before.empty() || before.back() == ',' || before.back() == ';' || before.back() == ':') return false;
    const std::size_t space = before.find_last_of(" \n\t(");
    std::string word(before.substr(space == std::string_view::npos ? 0 : space + 1));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (word == "until" || word == "till") return true;
    if (std::find(kClause.begin(), kClause.end(), word) != kClause.end()) return false;
    if (space == std::string_view::npos || before[space] == '(') return false;
    before = before.substr(0, space);
  }
  return false;
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

// A match and its frame, waiting to be tagged.
struct Piece {
  grammar::Match match;
  std::optional<Frame> frame;
};

// Whether a frame names a day (a weekday, a date, a holiday, a day told from today, "the
// 15th"), without a clock: what a clock time is joined to.
bool names_day(const Frame& f) {
  if (f.hour || f.hour_open || f.range_hour || f.range_hour_open) return false;
  if (f.range_end || f.range_month || f.range_weekday || f.weekend) return false;
  switch (f.kind) {
    case FrameKind::calendar:
      return f.weekday || f.day || f.day_last || !f.holiday.empty() || f.day_offset || (f.pod && f.dir);
    case FrameKind::shift:
      // "tomorrow", "the day after tomorrow", "Wednesday next week", "the first of next month".
      return !f.vague && ((f.unit == Grain::day) || (f.unit == Grain::week && f.weekday) ||
                          (f.unit == Grain::month && (f.day || f.day_last || (f.weekday && f.nth_week))));
    case FrameKind::duration:
      return f.ahead && !f.vague && f.unit && *f.unit <= Grain::day;  // "in 2 days": the day that far ahead
    default:
      return false;
  }
}

// Whether a frame is a clock time (or a range of them) and nothing more: what is joined to a day.
bool only_clock(const Frame& f) {
  return f.kind == FrameKind::calendar && (f.hour || f.hour_open) && !f.weekday && !f.month && !f.day &&
         f.holiday.empty() && !f.dir && !f.day_offset && !f.year && !f.year2 && f.anchor != AnchorPolicy::previous;
}

// Whether a frame is a part of the day and nothing more ("in the evening"), joined after a day.
bool only_part_of_day(const Frame& f) {
  return f.kind == FrameKind::calendar && f.pod && !f.hour && !f.hour_open && !f.weekday && !f.month && !f.day &&
         f.holiday.empty() && (!f.dir || f.anchor == AnchorPolicy::previous) && !f.day_offset && !f.year;
}

// A clock and its day side by side, the words between them those of the grammar's %join: one
// expression, the clock on that day ("5pm tomorrow", "Friday at 3pm", "at 7:30 PM on Fri, Sep
// 20", "9:30 till 11:00 on Thursday", "the day after tomorrow in the evening"). The match of the
// clock carries the joined span (a range keeps its groups), the frame the day with the clock.
std::optional<Piece> join(const Piece& first, const grammar::Match& second_match, const std::optional<Frame>& second,
                          std::string_view text, const RE2* joiner) {
  if (!joiner || !first.frame || !second || first.match.span_end > second_match.span_begin) return std::nullopt;
  const Frame& a = *first.frame;
  const Frame& b = *second;
  const Frame* day = nullptr;
  const Frame* clock = nullptr;
  if (only_clock(a) && names_day(b)) {
    clock = &a;
    day = &b;
  } else if (names_day(a) && (only_clock(b) || (only_part_of_day(b) && !a.pod))) {
    day = &a;
    clock = &b;
  } else {
    return std::nullopt;
  }
  const std::string_view between = text.substr(first.match.span_end, second_match.span_begin - first.match.span_end);
  if (!RE2::FullMatch(re2::StringPiece(between.data(), between.size()), *joiner)) return std::nullopt;
  Piece out;
  out.match = clock == &a ? first.match : second_match;
  out.match.begin = std::min(first.match.begin, second_match.begin);
  out.match.end = std::max(first.match.end, second_match.end);
  out.match.span_begin = first.match.span_begin;
  out.match.span_end = second_match.span_end;
  Frame f = *day;
  if (f.kind == FrameKind::duration) {
    f.kind = FrameKind::shift;
    f.dir = 1;
    f.exact = true;
  }
  f.type = TimexType::time;
  f.hour = clock->hour;
  f.hour_open = clock->hour_open;
  f.minute = clock->minute;
  f.second = clock->second;
  f.meridiem = clock->meridiem;
  f.rel_minutes = clock->rel_minutes;
  f.rel_dir = clock->rel_dir;
  f.range_hour = clock->range_hour;
  f.range_hour_open = clock->range_hour_open;
  f.range_minute = clock->range_minute;
  f.range_meridiem = clock->range_meridiem;
  if (clock->zone) {
    f.zone = clock->zone;
    f.zone_us_daylight = clock->zone_us_daylight;
  }
  if (!f.pod) f.pod = clock->pod;
  if (f.mod == Mod::none) f.mod = clock->mod;
  f.schedule_only = false;
  out.frame = f;
  return out;
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
  // The words that join a clock and its day (the grammar's %join), compiled once per thread.
  thread_local std::uint64_t joiner_of = 0;
  thread_local std::unique_ptr<RE2> cached_joiner;
  if (joiner_of != g.id()) {
    const std::string pattern = g.definition("join");
    cached_joiner = pattern.empty() ? nullptr : std::make_unique<RE2>(pattern);
    joiner_of = g.id();
  }
  const RE2* joiner = cached_joiner && cached_joiner->ok() ? cached_joiner.get() : nullptr;

  ResolveContext ctx;
  ctx.publication = doc.published;
  ctx.doc_type = options.doc_type;

  CodePointCounter cp(text);
  // The sentence being scanned (number s, in paragraph `paragraph`): each is scanned alone, so that
  // no expression crosses a sentence end or a blank line ("at 5pm\n\nthe day before yesterday" is two).
  SentenceSplitter sentences(text);
  Span sent;
  std::size_t s = static_cast<std::size_t>(-1);
  std::size_t paragraph = 0;
  std::size_t duration_sentence = static_cast<std::size_t>(-1);
  std::size_t figures_sentence = static_cast<std::size_t>(-1);
  // The tense cues around the mention being resolved, read when the resolver first asks.
  TenseCues::Words sentence_words;  // the words of the last sentence read, read once
  const grammar::Match* current = nullptr;
  std::optional<TenseCue> current_cue;
  ctx.find_tense = [&]() -> TenseCue {
    if (current_cue) return *current_cue;
    const grammar::Match& m = *current;
    // The sentence around the mention, at most kTenseWindow bytes on each side: a text without
    // sentence ends (one huge line) would otherwise be read whole for every mention.
    constexpr std::size_t kTenseWindow = 2000;
    std::size_t b = sent.begin, e = sent.end;
    if (m.begin - b > kTenseWindow) b = m.begin - kTenseWindow;
    if (e - m.end > kTenseWindow) e = m.end + kTenseWindow;
    TenseCue cue;
    cue.tense = cues.tense_at(text.substr(b, e - b), m.span_begin - b, m.span_end - b, &cue.distance,
                              &cue.compared_before, sentence_words, &cue.adjacent, &cue.anterior);
    current_cue = cue;
    return cue;
  };
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
  // "9:30 till 11:00 on Thursday", "3-4pm tomorrow", "Monday to Friday": two expressions, the first
  // end (with the day told, when it comes first) and the second (with the day told after it). The
  // second is on the first's day (the next day for an earlier clock: "11 p.m. to 1 a.m."), or the
  // first such weekday after it; the first end takes the half of the day of the second when it has
  // none ("3-4pm", but "11-1pm" is 11 a.m.).
  auto tag_range = [&](const grammar::Match& m, const Frame& frame, const auto& emit) {
    const auto& captures = g.rules()[m.rule].captures;
    auto is_second = [](std::string_view field) { return field.substr(0, 6) == "range_"; };
    std::size_t second_begin = m.span_end, first_end = m.span_begin;
    for (std::size_t k = 0; k < captures.size() && k < m.groups.size(); ++k)
      if (m.groups[k].data() != nullptr && is_second(captures[k].field))
        second_begin = std::min(second_begin, static_cast<std::size_t>(m.groups[k].data() - text.data()));
    for (std::size_t k = 0; k < captures.size() && k < m.groups.size(); ++k) {
      const std::string_view piece = m.groups[k];
      const std::size_t at = static_cast<std::size_t>(piece.data() - text.data());
      if (piece.data() != nullptr && captures[k].field != "=" && !is_second(captures[k].field) && at < second_begin)
        first_end = std::max(first_end, at + piece.size());
    }
    if (first_end <= m.span_begin || second_begin >= m.span_end || first_end > second_begin) return;
    Frame start = frame, end = frame;
    for (Frame* f : {&start, &end}) {
      f->range_hour.reset();
      f->range_hour_open.reset();
      f->range_minute.reset();
      f->range_meridiem.reset();
      f->range_weekday.reset();
    }
    if (frame.range_weekday) {
      end.weekday = frame.range_weekday;
    } else {
      end.hour = frame.range_hour;
      end.hour_open = frame.range_hour_open;
      end.minute = frame.range_minute;
      end.meridiem = frame.range_meridiem;
      end.second.reset();
      const std::optional<int> start_hour = start.hour_open ? start.hour_open : start.hour;
      const std::optional<int> end_hour = end.hour_open ? end.hour_open : end.hour;
      if (!start.meridiem && end.meridiem && start_hour && *start_hour >= 1 && *start_hour <= 12 && end_hour) {
        auto minute_of = [](int h, int meridiem, int minute) { return (h % 12 + 12 * meridiem) * 60 + minute; };
        start.meridiem = end.meridiem;
        if (minute_of(*start_hour, *end.meridiem, start.minute.value_or(0)) >
            minute_of(*end_hour, *end.meridiem, end.minute.value_or(0)))
          start.meridiem = 1 - *end.meridiem;
      }
    }
    auto first = resolve(start, ctx);
    if (!first || !first->point || !in_writable_years(*first)) return;
    // The second end, pinned to the first's day (or a day after it).
    auto pinned = [&](date::sys_days day) {
      const date::year_month_day ymd{day};
      Frame f;
      f.type = end.type;
      f.year = static_cast<int>(ymd.year());
      f.month = static_cast<int>(unsigned(ymd.month()));
      f.day = static_cast<int>(unsigned(ymd.day()));
      f.hour = end.hour;
      f.hour_open = end.hour_open;
      f.minute = end.minute;
      f.meridiem = end.meridiem;
      f.pod = end.pod;
      f.zone = end.zone;
      f.zone_us_daylight = end.zone_us_daylight;
      return resolve(f, ctx);
    };
    const date::sys_days first_day = first->point->day;
    std::optional<Resolved> last;
    if (frame.range_weekday) {
      const int ahead = (*frame.range_weekday - static_cast<int>(date::weekday{first_day}.iso_encoding()) + 7) % 7;
      last = pinned(first_day + date::days{ahead == 0 ? 7 : ahead});
    } else {
      last = pinned(first_day);
      if (last && last->point && last->point->day == first_day && last->point->minute < first->point->minute)
        last = pinned(first_day + date::days{1});
    }
    if (!last || !last->point || !in_writable_years(*last)) return;
    last->value.anchor = first->value.anchor;
    emit(text.substr(m.span_begin, first_end - m.span_begin), *first);
    narrate(*last->point, last->value.anchor, frame);
    emit(text.substr(second_begin, m.span_end - second_begin), *last);
  };
  auto tag = [&](const grammar::Match& m, std::optional<Frame>& frame) {  // `frame` is the caller's, spent
    if (!frame || frame->kind == FrameKind::reject) return;
    if (frame->narrative && ctx.doc_type != DocType::narrative) return;
    if (options.day_first && frame->numeric && frame->month && frame->day) {
      // Numeric dates in day-first order: swap when the rule read month/day.
      if (*frame->day <= 12) std::swap(*frame->month, *frame->day);
    }
    ctx.sentence = s;
    ctx.paragraph = paragraph;
    current = &m;
    current_cue.reset();
    if (s != figures_sentence) {
      figures_sentence = s;
      ctx.figures_in_sentence = has_figures(text.substr(sent.begin, sent.end - sent.begin));
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
    if (frame->range_hour || frame->range_hour_open || frame->range_weekday) {
      tag_range(m, *frame, emit);
      return;
    }
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
      // With its ordinal suffix when it has one ("the 23rd and 24th").
      const std::size_t after = static_cast<std::size_t>(second_text.data() - text.data()) + second_text.size();
      for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (!second_text.empty() && text.substr(after, 2) == suffix &&
            (after + 2 == text.size() || !std::isalnum(static_cast<unsigned char>(text[after + 2]))))
          second_text = text.substr(after - second_text.size(), second_text.size() + 2);
      Frame next = *frame;
      next.day = *frame->range_end;
      next.range_end.reset();
      const date::year_month_day first_day{resolved->point->day};
      next.year = static_cast<int>(first_day.year());
      next.month = static_cast<int>(unsigned(first_day.month()));  // "the 23rd and 24th" names none
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
    if (second) {
      // "22-25 April 1951": the month comes after the second day, whose expression runs to the end.
      const std::string_view day_text = group_of(m, "day"), month_text = group_of(m, "month");
      if (!day_text.empty() && !month_text.empty() && month_text.data() > second_text.data()) {
        first_text = day_text;
        const std::size_t second_begin = static_cast<std::size_t>(second_text.data() - text.data());
        second_text = text.substr(second_begin, m.span_end - second_begin);
      }
    }
    emit(first_text, *resolved);
    if (second) {
      if (second->point) narrate(*second->point, second->value.anchor, *frame);
      emit(second_text, *second);
    }
  };
  // Each match waits for the next, which it may join into one expression (join()); the last of a
  // sentence is tagged alone. The matches of a block of a sentence are settled and tagged before
  // the next block is scanned.
  std::optional<Piece> pending;
  auto take = [&](grammar::Match& m) {
    std::optional<Frame> frame = g.frame_of(m);
    if (pending) {
      if (auto joined = join(*pending, m, frame, text, joiner)) {
        pending.reset();
        tag(joined->match, joined->frame);
        return;
      }
      tag(pending->match, pending->frame);
    }
    pending = Piece{std::move(m), std::move(frame)};
  };
  std::size_t last_end = 0;
  while (sentences.next(sent)) {
    ++s;
    if (s > 0 && blank_line_between(text, last_end, sent.begin)) ++paragraph;
    last_end = sent.end;
    g.scan_batches(text.substr(sent.begin, sent.end - sent.begin), block_bytes,
                   [&](std::vector<grammar::Match>& batch) {
                     for (auto& m : batch) {
                       m.begin += sent.begin;
                       m.end += sent.begin;
                       m.span_begin += sent.begin;
                       m.span_end += sent.begin;
                       take(m);
                     }
                   });
    if (pending) tag(pending->match, pending->frame);
    pending.reset();
  }
}

}  // namespace timeliner
