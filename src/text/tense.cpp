#include "text/tense.hpp"

#include <cctype>
#include <string>

namespace timeliner {

TenseCues::TenseCues(const grammar::Compiled& g) : g_(g) {}

Tense TenseCues::tense_at(std::string_view sentence, std::size_t begin, std::size_t end, std::size_t* distance) const {
  const grammar::Vocab* future = g_.vocab("cue_future");
  const grammar::Vocab* past = g_.vocab("cue_past");
  const grammar::Vocab* not_past = g_.vocab("cue_not_past");
  const grammar::Vocab* report = g_.vocab("cue_report");
  const grammar::Vocab* intent = g_.vocab("cue_intent");
  Tense best = Tense::unknown;
  std::size_t best_distance = std::string_view::npos;
  std::size_t i = 0, index = 0;
  std::size_t last_future = std::string_view::npos;  // word index of the last future cue
  std::string word, previous_word;
  while (i < sentence.size()) {
    previous_word.swap(word);
    while (i < sentence.size() && !std::isalpha(static_cast<unsigned char>(sentence[i]))) ++i;
    const std::size_t b = i;
    word.clear();
    while (i < sentence.size() && (std::isalpha(static_cast<unsigned char>(sentence[i])) || sentence[i] == '\'')) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(sentence[i])));
      ++i;
    }
    if (word.empty()) continue;
    ++index;
    if (b >= begin && b < end) continue;  // words of the mention itself
    Tense t = Tense::unknown;
    if (word == "to" && intent && intent->values.count(previous_word)) {
      t = Tense::future;  // "agreed to buy", "planned to leave": the act lies ahead of the intent
    } else if (future && future->values.count(word)) {
      t = Tense::future;
    } else if (report && report->values.count(word)) {
      t = Tense::reported;
    } else if (past && past->values.count(word)) {
      t = Tense::past;
    } else if (word.size() >= 5 && word.compare(word.size() - 2, 2, "ed") == 0 &&
               !(not_past && not_past->values.count(word))) {
      t = Tense::past;
    }
    // An infinitive has no tense of its own ("difficult to meet demand"): the verb before it decides.
    if (previous_word == "to" && t != Tense::unknown && word != "to") t = Tense::unknown;
    if (t == Tense::future) last_future = index;
    // A participle right after a future cue belongs to it: "will be held", "expected to be signed".
    if (t == Tense::past && last_future != std::string_view::npos && index - last_future <= 3) t = Tense::future;
    if (t == Tense::unknown) continue;
    // Distance in bytes; a cue after the mention counts only when none comes before it.
    const std::size_t d = b < begin ? begin - b : (b - end) + sentence.size();
    if (d < best_distance) {
      best_distance = d;
      best = t;
    }
  }
  if (distance) *distance = best_distance;
  return best;
}

}  // namespace timeliner
