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
  // just before) and "cue_anterior" ("had") of a grammar.
  explicit TenseCues(const grammar::Compiled& g);

  // The tense for a mention at [begin, end) of `sentence`: the nearest cue word before the mention
  // wins; a cue after it counts only when there is none before. `distance`, when given, receives
  // how many bytes separate the winning cue from the mention. `compared`, when given, receives
  // whether a word of "cue_compare" ("compared", "from", "than") comes before the mention;
  // `adjacent`, whether the winning cue is the word right before the mention ("ended Oct. 31");
  // `anterior`, whether it is a word of "cue_anterior" ("had": a past before the past told) before
  // the mention (after it, "by May they had left", it is the perfect of the date's own clause).
  Tense tense_at(std::string_view sentence, std::size_t begin, std::size_t end, std::size_t* distance = nullptr,
                 bool* compared = nullptr, bool* adjacent = nullptr, bool* anterior = nullptr) const;

  // The words of a sentence with what each says on its own, read once for all the mentions in the
  // sentence (tense_at() with a Words kept between calls reads a sentence again only when it is
  // given another one).
  class Words {
   private:
    friend class TenseCues;
    struct Word {
      std::uint32_t begin = 0;  // bytes, within the sentence
      std::uint32_t end = 0;
      Tense tense = Tense::unknown;  // the word's cue, before its neighbours and the mention have a say
      std::uint8_t marks = 0;        // what tense_at() asks of the word and its neighbours (kIs... in tense.cpp)
      bool compare = false;          // a word of "cue_compare"
      bool change_target = false;    // "to", "until" a few words after a change ("postponed to")
    };
    const char* data_ = nullptr;
    std::size_t size_ = static_cast<std::size_t>(-1);
    std::vector<Word> words_;
  };
  Tense tense_at(std::string_view sentence, std::size_t begin, std::size_t end, std::size_t* distance, bool* compared,
                 Words& words, bool* adjacent = nullptr, bool* anterior = nullptr) const;

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
    kLinking = 256,
    kAnterior = 512,
    kChange = 1024
  };
  std::uint16_t flags_of(std::string_view word) const;
  void read(std::string_view sentence, Words& words) const;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint16_t, Hash, std::equal_to<>> cues_;  // word -> the vocabularies holding it
  std::size_t longest_ = 0;                                                     // the longest word of cues_
  // A filter before the lookup: per length and first byte of the words of cues_, a bit for each
  // last byte (bytes grouped as in byte_class()); most words of a sentence fail it.
  static unsigned byte_class(char c) {
    if (c >= 'a' && c <= 'z') return static_cast<unsigned>(c - 'a');
    return c == '\'' ? 26 : 27;
  }
  std::vector<std::uint32_t> ends_;  // [(length * 28 + first class)] -> bits of last classes
};

}  // namespace timeliner
