// Events and timelines: dates attached to what happened, ordered.
#pragma once

#include <timeliner/document.hpp>
#include <timeliner/extract.hpp>
#include <timeliner/value.hpp>

#include <string>
#include <vector>

namespace timeliner {

// Where an event was read: the sentence and the temporal phrase, as code point offsets.
struct EventMention {
  std::string doc;
  std::size_t start = 0;  // sentence
  std::size_t end = 0;
  std::string timex;  // the temporal phrase as written
  std::size_t timex_start = 0;
  std::size_t timex_end = 0;
};

enum class EventKind : std::uint8_t { event, published };

struct Event {
  std::string id;
  EventKind kind = EventKind::event;
  TemporalValue date;    // always DATE or TIME with bounds
  std::string headline;  // a short phrase of what happened
  std::string text;      // the sentence
  std::vector<EventMention> mentions;
};

struct Timeline {
  std::vector<Document> documents;  // text is not exported, only the metadata
  std::vector<Event> events;        // ordered by earliest, then latest
};

// A short phrase of what happened: the sentence without its temporal phrase at byte offsets
// [timex_begin, timex_end) and the preposition before it, at most 12 words.
std::string make_headline(std::string_view sentence, std::size_t timex_begin, std::size_t timex_end);

// Attaches each dated mention of `doc` to its sentence as an event (and adds a "published" event
// when the document has a publication date).
std::vector<Event> attach_events(const Document& doc, const std::vector<Mention>& mentions);

// Tags every document and assembles one ordered timeline. Event ids are assigned in order.
Timeline build_timeline(std::vector<Document> documents, const Grammar& grammar, const ExtractOptions& options = {});

// Sorts events by earliest, latest, then a stable tie-break, and renumbers their ids e1, e2...
void order_events(std::vector<Event>& events);

}  // namespace timeliner
