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
  // The cue is a word of "cue_anterior" ("had") or a participle after one, before the mention: a
  // past before the past told.
  bool anterior = false;
};

// A date the text narrated: where it was, and how it was itself resolved.
struct Narrated {
  Point point;
  std::size_t sentence = 0;                   // its sentence, counted from the document's start
  std::size_t paragraph = 0;                  // its paragraph
  AnchorKind anchor = AnchorKind::explicit_;  // how it was itself resolved
};

struct ResolveContext {
  std::optional<Instant> publication;
  DocType doc_type = DocType::news;
  // The date narrated last before the mention: what anaphora hang on ("the next day", "that year",
  // "two weeks later").
  std::optional<Narrated> last;
  // The story's own time: the date the narration has reached, at the precision the text gave it
  // ("in June 1941" a month, "on December 7, 1941" a day). Underspecified expressions (a bare
  // month, a season, a weekday) resolve against it: in a narrative always, in news inside a
  // flashback. In a narrative it moves with the dates that carry the story on, not with those that
  // look back from it ("the previous April", "had not met since 1614") or ahead of it ("a campaign
  // planned for 1976"), nor with a date of a distant year that no sentence opens ("a report
  // declassified in 2005"), unless a second one confirms the jump. See docs/anchoring.md.
  std::optional<Narrated> story;
  std::size_t sentence = 0;  // the mention's sentence and paragraph, counted as Narrated's
  std::size_t paragraph = 0;
  // The last date that opened a sentence ("In 2012, ...", "On March 3, 2012, ..."), setting the
  // time of what follows in its paragraph: in news, a flashback when it is of another year than the
  // publication's.
  std::optional<Narrated> frame;
  // The date narrated before the mention, when there is one.
  const Point* previous() const { return last ? &last->point : nullptr; }
  // Sentences between that date and the mention: 0 in the same sentence, 1 in the one before...
  std::size_t previous_distance() const { return last ? sentence - last->sentence : static_cast<std::size_t>(-1); }
  // For each grain, the last date narrated that is at least that precise: "the same day" after "on
  // Thursday ... last week" hangs on Thursday, the last date narrated with a day, when both are in
  // its paragraph (see resolve()).
  std::array<std::optional<Narrated>, static_cast<std::size_t>(Grain::second) + 1> precise;
  // Records a date just resolved as the date narrated last, and as the story's time when it carries
  // the story on (`moves_story`; the first date of a document always does).
  void narrate(const Narrated& n, bool moves_story) {
    last = n;
    if (moves_story || !story) story = n;
    for (std::size_t g = 0; g <= static_cast<std::size_t>(n.point.grain) && g < precise.size(); ++g) precise[g] = n;
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
