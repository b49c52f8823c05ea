// Loading articles from files and streams into documents.
#pragma once

#include <timeliner/document.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace timeliner {

// A file that cannot be read or parsed. what() is one line naming the file.
class LoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LoadOptions {
  std::optional<Instant> dct;  // publication date given by the user, for every document
  std::size_t max_bytes = 50u << 20;
};

// Makes a document from plain text: invalid UTF-8 replaced, a title taken from the first line
// when it looks like one (short, no final period). `id` names it in outputs.
Document document_from_text(std::string_view bytes, std::string id, std::string source, const LoadOptions& options);

// Reads one input: a path, or "-" for standard input. Throws LoadError.
std::vector<Document> load_input(const std::string& path, const LoadOptions& options);

// Reads every input, giving each document an id unique among them (a file's stem, with "-2",
// "-3"... appended on collisions).
std::vector<Document> load_inputs(const std::vector<std::string>& paths, const LoadOptions& options);

}  // namespace timeliner
