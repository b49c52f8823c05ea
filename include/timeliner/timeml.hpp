// TimeML (TempEval-3 layout): reading annotated documents and writing our own annotations.
#pragma once

#include <timeliner/document.hpp>
#include <timeliner/extract.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace timeliner {

// A TIMEX3 annotation found in a TimeML document (the gold standard when scoring).
struct GoldTimex {
  std::size_t begin = 0, end = 0;  // bytes in TimemlDocument::document.text
  std::string text;
  std::string tid, type, value, mod;
};

// An EVENT annotation of the text (its word: "met", "election").
struct GoldEvent {
  std::size_t begin = 0, end = 0;  // bytes in TimemlDocument::document.text
  std::string eid;
};

// A TLINK between an event and a timex of the text: event `eid` (through its MAKEINSTANCE) and
// timex `tid`, whatever the relation type.
struct GoldEventTimeLink {
  std::string eid, tid;
};

struct TimemlDocument {
  Document document;               // text: the content of <TEXT>, tags removed, entities decoded
  std::vector<GoldTimex> timexes;  // inside <TEXT>, in order (the creation time is not among them)
  std::vector<GoldEvent> events;   // inside <TEXT>, in order
  std::vector<GoldEventTimeLink> event_time_links;  // the TLINKs of an event and a timex, in file order
  // For writing the document back with other annotations:
  std::string raw;                  // the whole file
  std::size_t text_open = 0;        // offset in raw just after "<TEXT>"
  std::size_t text_close = 0;       // offset in raw of "</TEXT>"
  std::vector<std::size_t> raw_of;  // for each byte of document.text (and one past the end): its
                                    // offset in the TEXT content with all tags removed, entities kept
  std::string stripped;             // the TEXT content with all tags removed, entities kept
};

// The .tml files under `dir`, recursively, in sorted order. Throws std::runtime_error (naming
// `dir`) when it cannot be read.
std::vector<std::string> find_timeml_files(const std::string& dir);

// Parses a TimeML file. The publication date comes from <DCT><TIMEX3 ... value="...">, the text
// from <TEXT>. Throws std::runtime_error (one line, naming `source`) on malformed input.
TimemlDocument read_timeml(std::string_view raw, std::string id, std::string source);

// The document with its TEXT re-annotated: previous tags inside <TEXT> removed, one <TIMEX3> per
// mention inserted (tid t1, t2...; type, value, mod, and freq for sets), every other byte unchanged.
std::string write_timeml(const TimemlDocument& doc, const std::vector<Mention>& mentions);

}  // namespace timeliner
