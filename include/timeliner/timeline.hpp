// Events and timelines: dates attached to what happened, ordered and merged.
#pragma once

#include <timeliner/document.hpp>
#include <timeliner/extract.hpp>
#include <timeliner/text.hpp>
#include <timeliner/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace timeliner {

// Where an event was read: the sentence and the temporal phrase, as code point offsets. A mention
// also keeps what was read there (its own date, headline and sentence), so that merged timelines
// can be clustered again from their mentions alone.
struct EventMention {
  std::string doc;
  std::size_t start = 0;  // the sentence (for a sentence over 600 bytes, the words around the timex)
  std::size_t end = 0;
  std::string timex;  // the temporal phrase as written
  std::size_t timex_start = 0;
  std::size_t timex_end = 0;
  TemporalValue date;    // the date read at this mention
  std::string headline;  // the headline made from this mention's clause
  std::string text;      // this mention's sentence (the span start..end)
  // The word of the predicate the date is attached to ("met", "visit"), as code point offsets in
  // the document; absent when there is none (the publication, a sentence with no verb).
  std::optional<std::size_t> predicate_start, predicate_end;
  // The other predicates whose time the date also tells, [start, end) code points in the document:
  // "resigned" in "The minister resigned and was replaced on Monday" (predicate
  // "replaced"), "stood" in "was shot on Friday as he stood in his kitchen".
  std::vector<std::pair<std::size_t, std::size_t>> shared_predicates;
};

enum class EventKind : std::uint8_t { event, published };

// A duration ("for 18 months") or a set ("every spring") said of an event, not a point of its own.
struct Annotation {
  std::string text;   // as written
  std::string value;  // TIMEX3 value: "P18M", "XXXX-SP"
  std::string freq;   // TIMEX3 freq of a set, empty otherwise
  // Where it was read: the document and the expression's code points [start, end) in it (`doc` is
  // empty in timelines written before they were recorded).
  std::string doc;
  std::size_t start = 0, end = 0;
  // The predicate that governs the expression in its sentence's parse ("lasted" in "The talks
  // lasted for three hours"), code points in the document; absent when the parse gives none (the
  // annotation then goes to the nearest event of its sentence). It need not be the predicate of the
  // event annotated ("The plant, which ran for 30 years, closed on Monday": "ran").
  std::optional<std::size_t> predicate_start, predicate_end;
  // The other predicates the expression also tells, as for a date (EventMention::shared_predicates).
  std::vector<std::pair<std::size_t, std::size_t>> shared_predicates;
  friend auto operator<=>(const Annotation&, const Annotation&) = default;
};

struct Event {
  std::string id;
  EventKind kind = EventKind::event;
  TemporalValue date;     // always DATE or TIME with bounds
  double importance = 0;  // 0..1 from the whole timeline (summary.hpp: score_importance)
  std::string headline;   // a short phrase of what happened
  std::string text;       // the sentence
  std::vector<Annotation> durations;
  std::vector<Annotation> sets;
  // Present, past and future references ("now", "currently", "recently", "soon": PRESENT_REF,
  // PAST_REF, FUTURE_REF), which tell a time only by the publication's: annotations of the
  // publication's event, recording the predicate each governs.
  std::vector<Annotation> references;
  std::vector<EventMention> mentions;
};

// A sentence chosen to say what happened on a key date, with where it was read: code points
// [start, end) of document `doc` (the sentence without its dateline).
struct KeySentence {
  std::string doc;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
};

// One of the days a summarized timeline keeps (summary.hpp: summarize_timeline).
struct KeyDate {
  date::sys_days day;
  double importance = 0;               // 0..1, as the events'
  std::vector<KeySentence> sentences;  // most telling first
  std::vector<std::string> events;     // ids of the events of that day, most important first
};

struct Timeline {
  std::vector<Document> documents;  // text is not exported, only the metadata
  std::vector<Event> events;        // ordered by earliest, then latest
  std::vector<KeyDate> key_dates;   // chronological; empty unless the timeline was summarized
  // Fingerprints (sentence_fingerprint) of the sentences found again and again across documents
  // (site furniture) whose mentions were left out; sorted. Kept so that merging timelines leaves
  // out what building their documents at once would (summary.hpp: remove_boilerplate).
  std::vector<std::uint64_t> boilerplate;
};

// The headline of the event that the temporal phrase at bytes `timex` of `sentence` dates: the
// clause of the predicate that governs it in the sentence's dependency parse (the verb, or an
// event noun: "the election", "his visit"), with its subject, auxiliaries, negation, particles,
// objects and complements, without the temporal phrase, attributions, other clauses, labels and
// datelines; at most twelve words. Parses with nlp::Model::english().
std::string event_headline(std::string_view sentence, Span timex);

// Attaches each dated mention of `doc` to the predicate that governs it as an event (the first use
// parses, so loads nlp::Model::english()), derives the dates of events
// related to them ("three months after his first visit"), attaches durations and sets to the
// events of their clause, and adds a "published" event when the document has a publication date.
// The events are not merged or ordered yet.
std::vector<Event> attach_events(const Document& doc, const std::vector<Mention>& mentions);

// A sentence that says one date the same way more often than this keeps only the first ones:
// "On Monday" written 40,000 times in one sentence is one thing said once, not 40,000 events.
inline constexpr std::size_t kMaxRepeatsInSentence = 3;

// The events of one document: its mentions without page noise (summary.hpp: drop_page_noise) and
// without repeats beyond kMaxRepeatsInSentence (the same words, the same value, in one sentence),
// attached to their clauses (attach_events).
std::vector<Event> document_events(const Document& doc, std::vector<Mention> mentions);

// How events are merged: two event mentions merge when their kinds are `event`, their date
// intervals overlap, and headline_similarity of their headlines is at least `threshold`.
struct MergeOptions {
  double threshold = 0.5;
};

// Cosine similarity of the sets of lower-cased content-word stems of two headlines:
// |A and B| / sqrt(|A| |B|), 0 when either has none.
double headline_similarity(std::string_view a, std::string_view b);

// Merges events: every mention becomes a unit with its own date and headline; units are clustered
// by the transitive closure of the merge relation, each cluster becomes one event (the date,
// headline and text of its most precise mention, all mentions sorted, durations and sets united),
// and the events are ordered. The result depends only on the set of mentions, not their order.
std::vector<Event> merge_events(std::vector<Event> events, const MergeOptions& options = {});

// Finishes a timeline whose documents are set and whose events were attached (or read from other
// timelines): boilerplate removed (summary.hpp: remove_boilerplate), events merged and ordered
// (merge_events), importance scored (summary.hpp: score_importance, without a query).
void assemble_timeline(Timeline& t, const MergeOptions& merge = {});

// Tags every document, makes its events (document_events) and assembles one timeline
// (assemble_timeline). Event ids are assigned in order.
Timeline build_timeline(std::vector<Document> documents, const Grammar& grammar, const ExtractOptions& options = {},
                        const MergeOptions& merge = {});

// Merges finished timelines: documents deduplicated by id and sorted, events re-clustered from all
// mentions. Associative and commutative: the same mentions give the same timeline.
Timeline merge_timelines(const std::vector<Timeline>& timelines, const MergeOptions& options = {});

// Keeps the events whose interval overlaps [from, to] (either bound may be absent). Ids are kept.
void filter_events(Timeline& t, std::optional<date::sys_days> from, std::optional<date::sys_days> to);

// Sorts events by earliest, latest, then a stable tie-break, and renumbers their ids e1, e2...
void order_events(std::vector<Event>& events);

}  // namespace timeliner
