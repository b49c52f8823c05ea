// What the tagger and the parser know of a word: hashes of its form, affixes and shape, its word
// clusters and the tags it was seen with. Shared by the runtime and the trainer (tools/train).
#pragma once

#include "nlp/keys.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace timeliner::nlp {

// FNV-1a of the bytes, mixed.
std::uint64_t hash_bytes(std::string_view s);

// The form as looked up: lower case, every digit 0 ("Sept. 30" -> "sept." / "00").
void normalize(std::string_view form, std::string& out);

// What a word's normalised form is known for (model data): its clusters at three granularities,
// learned from unlabeled text (0 when unknown), and its ambiguity class, the set of tags it had in
// the training treebank (0 when rare or unseen).
struct LexEntry {
  std::uint16_t cluster[3] = {0, 0, 0};
  std::uint16_t ambiguity = 0;
  std::uint8_t capital = 0;    // how often written with a capital inside a sentence: 1 never .. 5 always
  std::uint8_t frequency = 0;  // 1..7, log10 of its count in the unlabeled text
  std::uint8_t major = 0;      // its most frequent Penn tag in the treebank (Xpos + 1), 0 when unseen
  std::uint8_t reserved = 0;
};

// The lexicon of a model: normalised form hash -> entry, in a table that can be read in place.
class LexTable {
 public:
  LexTable() = default;
  // A table over `slots` slots of keys and entries, one of them empty (see model.cpp for the layout;
  // a key's first slot is home_slot()).
  LexTable(const std::uint64_t* keys, const LexEntry* entries, std::size_t slots)
      : keys_(keys), entries_(entries), slots_(slots) {}
  const LexEntry* find(std::uint64_t key) const {
    if (!keys_) return nullptr;
    for (std::size_t i = home_slot(key, slots_);;) {
      if (keys_[i] == key) return &entries_[i];
      if (keys_[i] == 0) return nullptr;
      if (++i == slots_) i = 0;
    }
  }

 private:
  const std::uint64_t* keys_ = nullptr;
  const LexEntry* entries_ = nullptr;
  std::size_t slots_ = 0;
};

// The attributes of a word the features read.
struct Lex {
  std::uint64_t form = 0;   // the form as written
  std::uint64_t norm = 0;   // normalised
  std::uint64_t prefix[4];  // of the normalised form, 1 to 4 code units
  std::uint64_t suffix[5];  // 1 to 5
  std::uint64_t shape = 0;  // "Xxxx", "dd", "x.x." (runs of more than two collapsed)
  LexEntry entry;
  std::uint8_t flags = 0;  // kCapital, kAllCaps, kDigit, kHyphen, kPeriod
};
constexpr std::uint8_t kCapital = 1, kAllCaps = 2, kDigit = 4, kHyphen = 8, kPeriod = 16;

// Fills `out` with the attributes of each form; `scratch` is reused between calls.
void describe(const std::vector<std::string_view>& forms, const LexTable& table, std::vector<Lex>& out,
              std::string& scratch);

// The attributes of the positions before the first word and after the last.
const Lex& lex_start();
const Lex& lex_end();

}  // namespace timeliner::nlp
