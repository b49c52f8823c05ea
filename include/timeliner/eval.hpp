// Scoring against TimeML gold annotations, as TempEval-3 Task A (temporal expressions).
#pragma once

#include <timeliner/extract.hpp>
#include <timeliner/timeline.hpp>
#include <timeliner/timeml.hpp>

#include <string>
#include <vector>

namespace timeliner {

struct EvalCounts {
  std::size_t documents = 0;
  std::size_t gold = 0;     // gold TIMEX3
  std::size_t system = 0;   // our mentions
  std::size_t strict = 0;   // pairs with identical spans
  std::size_t relaxed = 0;  // pairs with overlapping spans (one-to-one)
  std::size_t value = 0;    // relaxed pairs with the same value
  std::size_t type = 0;     // relaxed pairs with the same type
  // Event-time anchoring: the gold TLINKs between an event and a timex of the same sentence (the
  // creation time aside); those whose event (for a date) or annotation (for a duration or set) has
  // the gold event's word for predicate or shared predicate. Split: the links for whose timex we
  // made an event, and those anchored among them; the links whose timex is a duration or set we
  // annotate an event with, and those anchored among them.
  std::size_t links = 0, links_anchored = 0;
  std::size_t links_found = 0, links_found_anchored = 0;
  std::size_t links_noted = 0, links_noted_anchored = 0;
  // The same by timex: the timexes with such links; those whose event has one of their gold
  // events for predicate (TimeBank often links one date to several events of its sentence).
  std::size_t timexes_linked = 0, timexes_anchored = 0;

  EvalCounts& operator+=(const EvalCounts& o);
};

// Precision, recall and F1 (in percent) for `matched` out of `system` found and `gold` expected.
struct Prf {
  double p = 0, r = 0, f1 = 0;
};
Prf prf(std::size_t matched, std::size_t system, std::size_t gold);

// One disagreement, for --verbose.
struct EvalIssue {
  enum class Kind { missed, extra, span, value, type } kind;
  std::string doc, gold_text, gold_value, system_text, system_value, rule;
};

// Whether two TIMEX3 values say the same, as TimeML writes a year BC either way: "BC0218" (as
// timeliner writes it) or astronomically, "-0217" (218 BC is the year -217 of ISO 8601), with the
// rest of the value alike ("BC0480-09" is "-0479-09").
bool same_timex_value(std::string_view a, std::string_view b);

// Scores one document: our mentions against its gold TIMEX3. Pairs are formed one-to-one in text
// order among overlapping spans. Issues are appended when `issues` is given.
EvalCounts score_document(const TimemlDocument& gold, const std::vector<Mention>& mentions,
                          std::vector<EvalIssue>* issues = nullptr);

// Scores the anchoring of `events` (attach_events of the document's mentions) against the gold
// event-time links of `gold` (counts the links_ and timexes_ fields only).
EvalCounts score_anchoring(const TimemlDocument& gold, const std::vector<Event>& events);

// Tags and scores every .tml file under `dir` (recursively, in sorted order).
EvalCounts evaluate_folder(const std::string& dir, const Grammar& grammar, const ExtractOptions& options,
                           std::vector<EvalIssue>* issues = nullptr);

}  // namespace timeliner
