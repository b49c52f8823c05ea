// A document: an article's text with its publication date.
#pragma once

#include <timeliner/value.hpp>

#include <optional>
#include <string>

namespace timeliner {

struct Document {
  std::string id;      // unique within a run: file stem, JSON lines id...
  std::string title;   // may be empty
  std::string source;  // where it came from: a path, "-" for stdin, a URL
  std::string text;    // UTF-8, valid (loaders replace invalid bytes)
  std::optional<Instant> published;
  std::string published_from;  // how the publication date was found: "cli", "jsonl", "timeml"...
};

}  // namespace timeliner
