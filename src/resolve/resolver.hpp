// Turns frames into temporal values, anchored to the publication date or the date narrated before.
#pragma once

#include "resolve/calendar.hpp"
#include "resolve/frame.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/value.hpp>

#include <array>
#include <functional>
#include <optional>

namespace timeliner {

// Tense of the clause around a mention, as far as cue words tell.
enum class Tense : std::int8_t {
  past = -1,
  unknown = 0,
  future = 1,
  reported = -2,  // past only through a reporting verb ("said"): the report is past, the event may not be
  present = 2,    // a present passive ("when the case is heard in May"): neither past nor future, the nearest
  // "to" after an act of intent told as done ("agreed to buy", "extended its offer to acquire"): a
  // month or date lies ahead, but a bare weekday is the day of the act told ("agreed to buy it Friday").
  prospective = 3,
};

// What the cue words around a mention tell (TenseCues::tense_at()).
struct TenseCue {
  Tense tense = Tense::unknown;
  // Bytes between the cue that gave the tense and the mention (a far cue may govern another verb).
  std::size_t distance = 0;
  // A comparison word ("compared", "from", "than") comes before the mention in its sentence.
  bool compared_before = false;
  // The cue is the word right before the mention, the verb of the date ("ended Oct. 31").
  bool adjacent = false;
  // The cue is a word of "cue_anterior" ("had") or a participle after one: a past before the past told.
  bool anterior = false;
};

struct ResolveContext {
  std::optional<Instant> publication;
  DocType doc_type = DocType::news;
  std::optional<Point> previous;  // the last date resolved in this document
  // Sentences between that date and the mention: 0 in the same sentence, 1 in the one before...
  std::size_t previous_distance = static_cast<std::size_t>(-1);
  // The sentence of the mention (its number in the document), and, for each grain, the last date
  // resolved that is at least that precise, with its sentence: "the same day" after "on Thursday
  // ... last week" hangs on Thursday, the last date narrated with a day (see narrate()).
  std::size_t sentence = 0;
  struct Narrated {
    Point point;
    std::size_t sentence = 0;
  };
  std::array<std::optional<Narrated>, static_cast<std::size_t>(Grain::second) + 1> narrated;
  // Records `p`, resolved in sentence `s`, as the last date narrated (for `narrated`; the caller
  // sets `previous` and its distance).
  void narrate(const Point& p, std::size_t s) {
    for (std::size_t g = 0; g <= static_cast<std::size_t>(p.grain) && g < narrated.size(); ++g)
      narrated[g] = Narrated{p, s};
  }
  // The cue words around the mention, read only for a frame that asks (most need none): through
  // `find_tense` when it is set, else `tense` as it stands.
  TenseCue tense;
  std::function<TenseCue()> find_tense;
  TenseCue tense_cue() const { return find_tense ? find_tense() : tense; }
  // The fiscal period a report is about: the first quarter named in the lead (the first five
  // sentences) that ended before publication, at most about ten months before (a fiscal quarter
  // named by its number, "the fiscal first quarter" ended in September, lies months after the
  // calendar quarter we read it as); later quarters are comparisons ("after a flat second
  // quarter"). "A year ago" and "year-earlier" compare with that period a year before, wherever
  // they stand in the report.
  std::optional<Point> report_period;
  // A duration was found earlier in the sentence ("for the nine months ... a year earlier"): the
  // comparison is with that span, not with the report's quarter.
  bool span_in_sentence = false;
  // The sentence has figures (digits, currency, percent): "from $2 million a year ago" compares
  // amounts of periods; "a year ago the mayor resigned" does not.
  bool figures_in_sentence = false;
};

struct Resolved {
  TemporalValue value;
  std::optional<Point> point;  // the calendar position, for DATE and TIME values
};

// Resolves one frame. Returns nothing when the frame needs an anchor the context lacks, or
// names an impossible date ("February 30").
std::optional<Resolved> resolve(const Frame& frame, const ResolveContext& context);

}  // namespace timeliner
