// The temporal tagger: finds temporal expressions in a document and resolves them.
#pragma once

#include <timeliner/document.hpp>
#include <timeliner/value.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace timeliner {

// How deictic expressions ("yesterday", "last week") are anchored, as HeidelTime's document types.
enum class DocType : std::uint8_t {
  news,       // to the publication date
  narrative,  // to the date narrated before
  schedule,   // to the reference time, looking ahead: reminders, invitations, listings (docs/schedule.md)
};

// "news", "narrative", "schedule"; nothing for another word.
std::optional<DocType> parse_doc_type(std::string_view name);

struct ExtractOptions {
  DocType doc_type = DocType::news;
  bool day_first = false;  // "4/5/2025" is 4 May rather than April 5
};

// One temporal expression found in a document.
struct Mention {
  std::size_t begin = 0;  // byte offsets into Document::text, [begin, end)
  std::size_t end = 0;
  std::size_t cp_begin = 0;  // the same span in Unicode code points
  std::size_t cp_end = 0;
  std::string text;  // the expression as written
  TemporalValue value;
  std::string rule;  // name of the grammar rule that matched
};

namespace grammar {
class Compiled;
}

// A compiled grammar: rule data parsed and its patterns compiled once. Read-only after
// construction, so one instance may be shared by any number of threads.
class Grammar {
 public:
  // eager: every pattern compiled by the constructor; lazy: each on first use, so a process that
  // tags little starts fast (an invalid pattern then throws when first used, not here).
  enum CompileMode : std::uint8_t { eager, lazy };

  // Compiles grammar source text (the rule language is described in src/grammar/README.md).
  // Throws std::runtime_error naming the line of the first error.
  explicit Grammar(std::string_view source, CompileMode mode = eager);
  ~Grammar();
  Grammar(Grammar&&) noexcept;
  Grammar& operator=(Grammar&&) noexcept;

  // The English grammar bundled into the library at build time, parsed on first use, its patterns
  // compiled lazily (the test suite compiles it eagerly, so it holds no invalid pattern).
  static const Grammar& english();

  std::size_t rule_count() const;
  const grammar::Compiled& compiled() const { return *impl_; }

 private:
  explicit Grammar(std::unique_ptr<grammar::Compiled> impl);
  std::unique_ptr<grammar::Compiled> impl_;
};

// Finds and resolves every temporal expression of `doc`, in text order. A document without a
// publication date still gets its explicit dates; deictic ones are then left unresolved.
std::vector<Mention> extract(const Grammar& grammar, const Document& doc, const ExtractOptions& options = {});

// The same mentions handed to `each` one at a time, in text order, as soon as they are settled:
// the text is scanned in blocks of about `block_bytes` (cut only where no match can straddle the
// cut), so a document of any length is tagged without holding all its matches or mentions at once.
void extract_each(const Grammar& grammar, const Document& doc, const ExtractOptions& options,
                  const std::function<void(Mention&)>& each, std::size_t block_bytes = std::size_t{1} << 20);

}  // namespace timeliner
