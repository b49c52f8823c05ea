#include "text/tense.hpp"

#include <array>

namespace timeliner {

namespace {

// Lower-case ASCII letters, 0 for other bytes ("C" locale std::isalpha and std::tolower).
constexpr auto kLetters = [] {
  std::array<char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
  return t;
}();

char letter(char c) { return kLetters[static_cast<unsigned char>(c)]; }

// An "-ed" word after an article or a possessive is an adjective, not a verb in the past ("a
// limited offer", "its proposed merger").
bool adjective(const std::string& previous_word) {
  static const char* const determiners[] = {"a",   "an",   "the", "its",  "their", "his",  "her",
                                            "our", "your", "my",  "this", "these", "those"};
  for (const char* d : determiners)
    if (previous_word == d) return true;
  return false;
}

// Whether the words between "is" and a date make the date what is: nothing, or only "on", "in",
// "for" ("the vote is on Tuesday"); not "the index is higher than in March".
bool names_what_is(std::string_view between) {
  std::size_t k = 0;
  while (k < between.size() && between[k] == ' ') ++k;
  const std::string_view rest = between.substr(k);
  if (rest.empty()) return true;
  for (std::string_view p : {"on ", "in ", "for "})
    if (rest.size() >= p.size() && rest.substr(0, p.size()) == p &&
        rest.find_first_not_of(' ', p.size()) == std::string_view::npos)
      return true;
  return false;
}

}  // namespace

TenseCues::TenseCues(const grammar::Compiled& g) {
  const std::pair<const char*, std::uint16_t> vocabs[] = {
      {"cue_future", kFuture},          {"cue_report", kReport},    {"cue_past", kPast},
      {"cue_not_past", kNotPast},       {"cue_intent", kIntent},    {"cue_compare", kCompare},
      {"cue_intent_told", kIntentTold}, {"cue_plan_for", kPlanFor}, {"cue_linking", kLinking}};
  for (const auto& [name, flag] : vocabs) {
    const grammar::Vocab* v = g.vocab(name);
    if (!v) continue;
    for (const auto& entry : v->values) {
      cues_[entry.first] |= flag;
      longest_ = std::max(longest_, entry.first.size());
    }
  }
  ends_.assign((longest_ + 1) * 28, 0);
  for (const auto& [word, flags] : cues_) {
    if (word.empty()) continue;
    ends_[word.size() * 28 + byte_class(word.front())] |= std::uint32_t{1} << byte_class(word.back());
  }
}

unsigned TenseCues::byte_class(char c) {
  if (c >= 'a' && c <= 'z') return static_cast<unsigned>(c - 'a');
  return c == '\'' ? 26 : 27;
}

std::uint16_t TenseCues::flags_of(const std::string& word) const {
  if (word.size() > longest_) return 0;
  if (!word.empty() && !(ends_[word.size() * 28 + byte_class(word.front())] >> byte_class(word.back()) & 1)) return 0;
  const auto it = cues_.find(word);
  return it == cues_.end() ? 0 : it->second;
}

Tense TenseCues::tense_at(std::string_view sentence, std::size_t begin, std::size_t end, std::size_t* distance,
                          bool* compared) const {
  if (compared) *compared = false;
  Tense best = Tense::unknown;
  std::size_t best_distance = std::string_view::npos;
  std::size_t i = 0, index = 0;
  std::size_t last_future = std::string_view::npos;  // word index of the last future cue
  Tense last_future_tense = Tense::future;
  std::string word, previous_word, before_previous, third_previous;
  while (i < sentence.size()) {
    third_previous.swap(before_previous);
    before_previous.swap(previous_word);
    previous_word.swap(word);
    while (i < sentence.size() && !letter(sentence[i])) ++i;
    const std::size_t b = i;
    word.clear();
    for (; i < sentence.size(); ++i) {
      const char c = letter(sentence[i]);
      if (c)
        word += c;
      else if (sentence[i] == '\'')
        word += '\'';
      else
        break;
    }
    if (word.empty()) continue;
    ++index;
    if (b >= begin && b < end) continue;  // words of the mention itself
    const std::uint16_t flags = flags_of(word);
    if (compared && (flags & kCompare) && b < begin) *compared = true;
    Tense t = Tense::unknown;
    const bool past_plan = word == "to" && (flags_of(previous_word) & kIntent) &&
                           (before_previous == "had" || (before_previous == "been" && third_previous == "had"));
    if (past_plan) {
      t = Tense::past;  // "had been due to expire", "had planned to leave": a plan of the past, now past
    } else if (word == "for" && (flags_of(previous_word) & kPlanFor)) {
      t = Tense::future;  // "the accession was planned for early March": the time planned lies ahead
    } else if (word == "to" && (flags_of(previous_word) & kIntent)) {
      t = flags_of(previous_word) & kIntentTold
              ? Tense::prospective
              : Tense::future;  // "agreed to buy", "planned to leave": the act lies ahead of the intent
    } else if ((word == "is" || word == "are") && b < begin && names_what_is(sentence.substr(i, begin - i))) {
      t = Tense::future;  // "the vote is Tuesday", "the wedding is in May": a date set, ahead
    } else if ((word == "not" || word == "have") && (previous_word == "could" || previous_word == "might")) {
      t = Tense::past;                       // "could not be located Wednesday", "might have left on Friday": a past
      last_future = std::string_view::npos;  // the participle after it is no future
    } else if (flags & kFuture) {
      t = Tense::future;
    } else if (flags & kReport) {
      t = Tense::reported;
    } else if (flags & kPast) {
      t = Tense::past;
    } else if (word.size() >= 5 && word.compare(word.size() - 2, 2, "ed") == 0 && !(flags & kNotPast) &&
               !adjective(previous_word)) {
      t = Tense::past;
    }
    // An infinitive has no tense of its own ("difficult to meet demand"): the verb before it decides.
    if (previous_word == "to" && t != Tense::unknown && word != "to") t = Tense::unknown;
    // A participle after "to be" is an act still ahead ("guidelines to be published in November");
    // after "is", "are" a present passive, which names no past ("when the case is heard in May").
    if (t == Tense::past && previous_word == "be" && before_previous == "to") {
      t = Tense::future;
    } else if (t == Tense::past &&
               (previous_word == "is" || previous_word == "are" || previous_word == "am" || previous_word == "being")) {
      t = Tense::present;
    }
    if (t == Tense::future || t == Tense::prospective) {
      last_future = index;
      last_future_tense = t;
    }
    // A participle after a linking verb right after a future cue belongs to it: "will be held",
    // "expected to be signed", "schools remain closed"; not a verb after a noun cue ("the deadline
    // passed").
    if (t == Tense::past && !past_plan && (flags_of(previous_word) & kLinking) &&
        last_future != std::string_view::npos && index - last_future <= 3)
      t = last_future_tense;
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
