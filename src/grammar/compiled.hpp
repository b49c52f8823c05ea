// The compiled form of a grammar: vocabularies, slots and rules with their RE2 programs.
#pragma once

#include "grammar/prefix.hpp"
#include "resolve/frame.hpp"

#include <re2/re2.h>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace timeliner::grammar {

// How a captured slot's text becomes a frame field value.
enum class SlotParser : std::uint8_t {
  table,       // looked up in a vocabulary
  integer,     // the digits of the text
  number,      // a cardinal in digits or words: "25", "1,000", "twenty-five", "a dozen"
  ordinal,     // "5th", "fifth", "twenty-first"
  year_words,  // a year in words: "nineteen ninety-six", "two thousand and one"
};

struct Vocab {
  std::string name;
  std::string field;                                    // "-" when it only matches
  std::unordered_map<std::string, std::string> values;  // normalised word -> field value
  std::string regex;                                    // its words as a trie (compiled.cpp)
  bool cased = false;                                   // Capitalised or CAPITALS only
};

// One capture group of a rule's pattern. Field "=" marks the reported span (<<...>> in a pattern).
struct Capture {
  std::string field;
  SlotParser parser = SlotParser::table;
  const Vocab* vocab = nullptr;
};

struct Rule {
  std::string name;
  Frame base;  // the rule's static settings
  std::vector<Capture> captures;
  std::string pattern;      // the RE2 pattern, slots and definitions expanded
  std::string source_line;  // for error messages
  bool has_span = false;    // some words of the match are only context (<<...>>)
  // Groups of words (indices into the grammar's words()) of which every match contains one per
  // group (prefix.hpp, required_words()).
  std::vector<std::vector<std::uint16_t>> required;
  // The compiled pattern: at construction, or on first use when the grammar is compiled lazily.
  const RE2& re() const;

 private:
  friend class Compiled;
  mutable std::unique_ptr<RE2> re_;
  mutable std::unique_ptr<std::once_flag> once_ = std::make_unique<std::once_flag>();
  void compile() const;  // throws std::runtime_error naming the rule
};

// A candidate match of one rule.
struct Match {
  std::size_t begin = 0, end = 0;            // bytes, the whole match (context included)
  std::size_t span_begin = 0, span_end = 0;  // the expression itself, without <<context>>
  std::size_t rule = 0;
  std::vector<std::string_view> groups;  // one per capture
};

// An Aho-Corasick automaton of words (lower-case ASCII letters, digits, spaces, periods, hyphens),
// matched ASCII case aside.
class WordAutomaton {
 public:
  void build(const std::vector<std::string>& words);
  // Where each word last begins in `text` (npos when nowhere).
  std::vector<std::size_t> last_occurrences(std::string_view text) const;

 private:
  static constexpr std::uint32_t kEnds = 0x80000000u;
  std::vector<std::string> words_;
  std::vector<std::uint32_t> next_;               // state x byte class -> state
  std::vector<std::vector<std::uint16_t>> ends_;  // per state: the words that end there
};

struct Line;  // a line of grammar source, for error messages

class Compiled {
 public:
  // Parses the grammar. Its patterns are compiled here, or, when `lazy`, each on first use (start-up
  // then costs only the parse: a pattern that RE2 rejects throws when first used).
  // `index`, when given and made for this very source, spares the start-key analysis (prefix.hpp).
  explicit Compiled(std::string_view source, bool lazy = false, const PrecomputedIndex* index = nullptr);

  // All matches of all rules, overlapping ones resolved: the longest expression wins, then the
  // rule that comes first in the grammar. Reject matches are kept (callers drop them). In text order.
  // Each rule is tried only at the positions where its start keys (prefix.hpp) occur, anchored there.
  std::vector<Match> scan(std::string_view text) const;
  // scan() in pieces, for a text too long to hold all its candidate matches at once: `emit` gets
  // the matches in text order, a batch at a time, each batch as soon as it spans at least
  // `batch_bytes` of text and no match still to be found can overlap it (every candidate found so
  // far ends at or before the next position tried, so overlaps are settled within the batch). The
  // batches, one after the other, are exactly scan()'s result.
  void scan_batches(std::string_view text, std::size_t batch_bytes,
                    const std::function<void(std::vector<Match>&)>& emit) const;
  // The same result, each rule searched over the whole text: the reference the tests hold scan() to.
  std::vector<Match> scan_reference(std::string_view text) const;

  // Builds the frame of a match: the rule's settings, then each captured slot. Returns nothing
  // when a slot's text does not parse (an impossible day, an unknown word).
  std::optional<Frame> frame_of(const Match& m) const;

  const std::vector<Rule>& rules() const { return rules_; }
  const StartIndex& start_index() const { return starts_; }
  // The long start keys of the rules: those of the precomputed index, else none (every rule passes).
  const LongKeys& long_keys() const { return long_keys_; }
  // The words that rules require (Rule::required), and the same as encode_required() gives.
  const std::vector<std::string>& words() const { return words_; }
  std::string required_text() const;
  // Identifies this grammar among all those of the process, never reused.
  std::uint64_t id() const { return id_; }
  const Vocab* vocab(std::string_view name) const;

  // Numerals in words or digits, through the "numword" vocabulary. nullopt when not a number;
  // a value < 0 means a vague amount ("several").
  std::optional<double> parse_number(std::string_view text) const;
  std::optional<int> parse_ordinal(std::string_view text) const;

 private:
  std::string expand(std::string_view pattern, std::vector<Capture>* captures, int depth, const Line& line) const;

  std::map<std::string, std::string, std::less<>> defines_;
  std::map<std::string, Vocab, std::less<>> vocabs_;
  struct SlotDef {
    std::string field;
    SlotParser parser;
    std::string regex;
  };
  std::map<std::string, SlotDef, std::less<>> slots_;
  std::uint64_t id_;  // identifies this grammar to the per-thread pattern copies of scan()
  mutable std::atomic<bool> first_scanner_{false};  // some thread scans with the shared patterns
  std::vector<Rule> rules_;
  std::vector<std::string> words_;
  WordAutomaton automaton_;
  StartIndex starts_;
  LongKeys long_keys_;
  void require(const std::vector<std::vector<std::vector<std::string>>>& required);
  std::size_t longest_number_phrase_ = 1;
};

}  // namespace timeliner::grammar
