// Tense cues: whether the clause around a mention looks back or ahead ("was", "will", "plans").
#pragma once

#include "grammar/compiled.hpp"
#include "resolve/resolver.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace timeliner {

class TenseCues {
 public:
  // Reads the cue vocabularies "cue_future", "cue_past", "cue_not_past", "cue_report",
  // "cue_intent" (words after which "to" introduces an act still ahead), "cue_intent_told" (acts of
  // intent told as done: "agreed", "offers"), "cue_plan_for" (after which "for" names the time planned)
  // "cue_compare" and "cue_linking" ("be", "remain": a participle after one belongs to a future cue
  // just before) of a grammar.
  explicit TenseCues(const grammar::Compiled& g);

  // The tense for a mention at [begin, end) of `sentence`: the nearest cue word before the mention
  // wins; a cue after it counts only when there is none before. `distance`, when given, receives
  // how many bytes separate the winning cue from the mention. `compared`, when given, receives
  // whether a word of "cue_compare" ("compared", "from", "than") comes before the mention.
  Tense tense_at(std::string_view sentence, std::size_t begin, std::size_t end, std::size_t* distance = nullptr,
                 bool* compared = nullptr) const;

 private:
  enum : std::uint16_t {
    kFuture = 1,
    kReport = 2,
    kPast = 4,
    kNotPast = 8,
    kIntent = 16,
    kCompare = 32,
    kIntentTold = 64,
    kPlanFor = 128,
    kLinking = 256
  };
  std::uint16_t flags_of(const std::string& word) const;
  std::unordered_map<std::string, std::uint16_t> cues_;  // word -> the vocabularies holding it
  std::size_t longest_ = 0;                              // the longest word of cues_
  // A filter before the lookup: per length and first byte of the words of cues_, a bit for each
  // last byte (bytes grouped as in byte_class()); most words of a sentence fail it.
  static unsigned byte_class(char c);
  std::vector<std::uint32_t> ends_;  // [(length * 28 + first class)] -> bits of last classes
};

}  // namespace timeliner
