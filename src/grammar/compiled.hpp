// The compiled form of a grammar: vocabularies, slots and rules with their RE2 programs.
#pragma once

#include "grammar/prefix.hpp"
#include "grammar/scan_db.hpp"
#include "resolve/frame.hpp"

#include <re2/re2.h>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
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
  era_year,    // a year with its era, as an astronomical year: "480 BC" -479, "AD 79" 79, "1066" 1066
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

// A grammar as its parse leaves it, laid out by the build for the bundled grammar
// (src/grammar/keygen.cpp) so that start-up parses nothing: its vocabularies (their normalised words
// and values) and its rules (source line, expanded pattern, captures). Its tables hold no pointers:
// every string is a Text, a piece of the one string `text`, and every list a range of a flat table,
// so the tables need no relocation at load time (they stay in read-only pages the program shares,
// never written by the dynamic loader).
struct PrecomputedGrammar {
  struct Text {
    std::uint32_t offset = 0, length = 0;  // in `text`
  };
  struct Range {
    std::uint32_t first = 0, count = 0;  // elements of a flat table
  };
  struct Vocabulary {
    Text name, field;
    bool cased = false;
    Range entries;  // of `words`: word, value, word, value...
  };
  struct Slot {
    Text field;
    SlotParser parser = SlotParser::table;
    int vocab = -1;  // index into `vocabularies`, or -1
  };
  struct RuleLines {
    Text source_line, pattern;
    Range captures;  // of `slots`
  };
  struct Definition {
    Text name, pattern;  // Compiled::definition() of a definition without slots
  };
  std::uint64_t source_hash = 0;  // source_hash() of the source it was parsed from
  std::size_t longest_number_phrase = 1;
  std::string_view text;  // every string of the tables below (each once), one after the other
  std::span<const Vocabulary> vocabularies;
  std::span<const Text> words;
  std::span<const RuleLines> rules;
  std::span<const Slot> slots;
  std::span<const Definition> definitions;

  std::string_view operator[](Text t) const { return text.substr(t.offset, t.length); }
  template <typename T>
  std::span<const T> operator()(std::span<const T> table, Range r) const {
    return table.subspan(r.first, r.count);
  }
};

// The index of start keys of the rules, with the words they require (prefix.hpp).
struct KeyIndex {
  StartIndex starts;
  LongKeys long_keys;  // those of the precomputed index, else none (every rule passes)
  std::vector<std::string> words;
  WordAutomaton automaton;
  // Per rule, groups of words (indices into `words`) of which every match contains one per group.
  std::vector<std::vector<std::vector<std::uint16_t>>> required;
};

class Compiled {
 public:
  // Parses the grammar. Its patterns are compiled here, or, when `lazy`, each on first use (start-up
  // then costs only the parse: a pattern that RE2 rejects throws when first used).
  // `index` and `scan`, when given and made for this very source, are what the build laid out
  // (prefix.hpp, scan_db.hpp): they spare the start-key analysis, or its use.
  //
  // The rules are tried at the places the one scan over the text finds (scan_db.hpp) where the build
  // laid out the scan database and it loads, in a text of news-article size (kScanOnceBytes); at
  // those where their start keys occur (prefix.hpp) otherwise: a long text, a build without
  // Hyperscan, a grammar compiled at run time.
  explicit Compiled(std::string_view source, bool lazy = false, const PrecomputedIndex* index = nullptr,
                    const PrecomputedScan* scan = nullptr);
  // The same grammar from its parse laid out by the build (its patterns compiled on first use).
  explicit Compiled(const PrecomputedGrammar& parsed, const PrecomputedIndex* index = nullptr,
                    const PrecomputedScan* scan = nullptr);

  // All matches of all rules, overlapping ones resolved: the longest expression wins, then the
  // rule that comes first in the grammar. Reject matches are kept (callers drop them). In text order.
  // Each rule is tried, anchored, only at the places where a match of it may start (above).
  std::vector<Match> scan(std::string_view text) const;
  // scan() in pieces, for a text too long to hold all its candidate matches at once: `emit` gets
  // the matches in text order, a batch at a time, each batch as soon as it spans at least
  // `batch_bytes` of text and no match still to be found can overlap it (every candidate found so
  // far ends at or before the next position tried, so overlaps are settled within the batch). The
  // batches, one after the other, are exactly scan()'s result. A call costs little beyond its text
  // (a sentence at a time is cheap); `emit` may not scan again on the same thread.
  void scan_batches(std::string_view text, std::size_t batch_bytes,
                    const std::function<void(std::vector<Match>&)>& emit) const;
  // The same result, each rule searched over the whole text: the reference the tests hold scan() to.
  std::vector<Match> scan_reference(std::string_view text) const;

  // Builds the frame of a match: the rule's settings, then each captured slot. Returns nothing
  // when a slot's text does not parse (an impossible day, an unknown word).
  std::optional<Frame> frame_of(const Match& m) const;

  const std::vector<Rule>& rules() const { return rules_; }
  // Whether the rules are tried where the one scan finds them in texts of up to kScanOnceBytes
  // (else at their start keys).
  bool scans_once() const;
  // The start keys, made on first use (from the precomputed index when there is one).
  const KeyIndex& key_index() const;
  // The words that rules require (KeyIndex::required) as encode_required() gives them.
  std::string required_text() const;
  // Identifies this grammar among all those of the process, never reused.
  std::uint64_t id() const { return id_; }
  const Vocab* vocab(std::string_view name) const;
  const std::map<std::string, Vocab, std::less<>>& vocabularies() const { return vocabs_; }
  std::size_t longest_number_phrase() const { return longest_number_phrase_; }
  // The RE2 pattern of a definition without slots ("@define join ..."), for code that tests text
  // with it; empty when the grammar has no such definition.
  std::string definition(std::string_view name) const;
  // The names of the grammar's definitions, for the build to lay out those without slots.
  std::vector<std::string_view> definition_names() const;

  // Numerals in words or digits, through the "numword" vocabulary. nullopt when not a number;
  // a value < 0 means a vague amount ("several").
  std::optional<double> parse_number(std::string_view text) const;
  std::optional<int> parse_ordinal(std::string_view text) const;

 private:
  // `pattern` with its slots, definitions and span markers expanded; slots are appended to
  // `captures` (nullptr in a slot's own pattern, where none may be), `definition` inside a
  // definition (where no span marker may be).
  std::string expand(std::string_view pattern, std::vector<Capture>* captures, int depth, const Line& line,
                     bool definition = false) const;

  std::map<std::string, std::string, std::less<>> defines_;
  std::map<std::string, std::string, std::less<>> laid_out_definitions_;  // from a PrecomputedGrammar
  std::map<std::string, Vocab, std::less<>> vocabs_;
  struct SlotDef {
    std::string field;
    SlotParser parser;
    std::string regex;
  };
  std::map<std::string, SlotDef, std::less<>> slots_;
  std::uint64_t id_;  // identifies this grammar to the caches of each thread (tense cues)
  std::vector<Rule> rules_;
  std::size_t longest_number_phrase_ = 1;
  const PrecomputedIndex* precomputed_index_ = nullptr;  // when made for this source
  std::unique_ptr<StartScanner> scanner_;                // when the scan database is
  // Takes what the build laid out when it was made for the source of this hash.
  void adopt(std::uint64_t source_hash, const PrecomputedIndex* index, const PrecomputedScan* scan);
  mutable std::once_flag keys_once_;
  mutable std::unique_ptr<KeyIndex> keys_;
  // The candidate matches of `text` found at the start keys, or at the places of the one scan,
  // given to `emit` a batch at a time (scan_batches()).
  void scan_at_keys(std::string_view text, std::size_t batch_bytes,
                    const std::function<void(std::vector<Match>&)>& emit) const;
  void scan_at_starts(std::string_view text, std::size_t batch_bytes,
                      const std::function<void(std::vector<Match>&)>& emit) const;
};

}  // namespace timeliner::grammar
