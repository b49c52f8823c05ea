#include "text/tense.hpp"

#include <algorithm>
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

// The words whose neighbours tense_at() looks at, told apart once when a sentence is read.
enum class Kind : std::uint8_t {
  other,
  to,
  for_,
  is,
  are,
  am,
  being,
  be,
  not_,
  have,
  could,
  might,
  must,
  had,
  been,
  until,
  determiner
};

Kind kind_of(std::string_view w) {
  switch (w.size()) {
    case 1:
      return w == "a" ? Kind::determiner : Kind::other;
    case 2:
      if (w == "to") return Kind::to;
      if (w == "is") return Kind::is;
      if (w == "be") return Kind::be;
      if (w == "am") return Kind::am;
      if (w == "an" || w == "my") return Kind::determiner;
      return Kind::other;
    case 3:
      if (w == "for") return Kind::for_;
      if (w == "are") return Kind::are;
      if (w == "not") return Kind::not_;
      if (w == "had") return Kind::had;
      if (w == "the" || w == "its" || w == "his" || w == "her" || w == "our") return Kind::determiner;
      return Kind::other;
    case 4:
      if (w == "have") return Kind::have;
      if (w == "been") return Kind::been;
      if (w == "must") return Kind::must;
      if (w == "till") return Kind::until;
      if (w == "your" || w == "this") return Kind::determiner;
      return Kind::other;
    case 5:
      if (w == "being") return Kind::being;
      if (w == "could") return Kind::could;
      if (w == "might") return Kind::might;
      if (w == "until") return Kind::until;
      if (w == "their" || w == "these" || w == "those") return Kind::determiner;
      return Kind::other;
    default:
      return Kind::other;
  }
}

// An "-ed" word after an article or a possessive is an adjective, not a verb in the past ("a
// limited offer", "its proposed merger").
bool adjective(Kind previous_word) { return previous_word == Kind::determiner; }

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
      {"cue_intent_told", kIntentTold}, {"cue_plan_for", kPlanFor}, {"cue_linking", kLinking},
      {"cue_anterior", kAnterior},      {"cue_change", kChange}};
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

std::uint16_t TenseCues::flags_of(std::string_view word) const {
  if (word.size() > longest_) return 0;
  if (!word.empty() && !(ends_[word.size() * 28 + byte_class(word.front())] >> byte_class(word.back()) & 1)) return 0;
  const auto it = cues_.find(word);
  return it == cues_.end() ? 0 : it->second;
}

namespace {

// What tense_at() asks of a word (Words::Word::marks).
enum : std::uint8_t {
  kIsTo = 1,           // "to"
  kIsAre = 2,          // "is", "are": the date after one may be what is ("the vote is Tuesday")
  kPresentAux = 4,     // "is", "are", "am", "being": a participle after one is a present passive
  kIsBe = 8,           // "be"
  kPastPlan = 16,      // "to" of a plan of the past ("had planned to leave")
  kEndsFuture = 32,    // "not", "have" after "could", "might": the participle after it is no future
  kLinkingWord = 64,   // a word of "cue_linking"
  kAnteriorCue = 128,  // "had", or a participle after it ("had left", "had been sold"): a past before the past told
};

}  // namespace

void TenseCues::read(std::string_view sentence, Words& words) const {
  words.data_ = sentence.data();
  words.size_ = sentence.size();
  words.words_.clear();
  std::size_t i = 0;
  Kind kind = Kind::other, previous_word = Kind::other, before_previous = Kind::other, third_previous = Kind::other;
  std::uint16_t previous_flags = 0, before_previous_flags = 0;
  // Words read since the last change word ("postponed", "extended"), a few at most for "to" to be its target.
  constexpr std::size_t kChangeReach = 5;
  std::size_t since_change = kChangeReach + 1;
  const std::size_t n = sentence.size();
  const std::size_t short_word = std::max<std::size_t>(longest_, 5);
  std::string lowered(short_word, ' ');  // the word being read, lower-cased, while it is short enough
  char* const low = lowered.data();
  while (i < n) {
    while (i < n && !letter(sentence[i])) ++i;
    if (i == n) break;
    // A word: letters and apostrophes, lower-cased as it is read while it is short enough to be a
    // cue or a word of kind_of() (a longer one is only asked whether it ends in "-ed").
    const std::size_t b = i;
    for (char c; i < n && ((c = letter(sentence[i])) != 0 || sentence[i] == '\''); ++i)
      if (i - b < short_word) low[i - b] = c != 0 ? c : '\'';
    const std::size_t length = i - b;
    std::uint16_t flags = 0;
    third_previous = before_previous;
    before_previous = previous_word;
    previous_word = kind;
    kind = Kind::other;
    if (length <= short_word) {
      const std::string_view word(low, length);
      kind = kind_of(word);
      flags = flags_of(word);
    }
    Words::Word w;
    w.begin = static_cast<std::uint32_t>(b);
    w.end = static_cast<std::uint32_t>(i);
    w.compare = (flags & kCompare) != 0;
    if (kind == Kind::to) w.marks |= kIsTo;
    if (kind == Kind::is || kind == Kind::are) w.marks |= kIsAre | kPresentAux;
    if (kind == Kind::am || kind == Kind::being) w.marks |= kPresentAux;
    if (kind == Kind::be) w.marks |= kIsBe;
    if (flags & kLinking) w.marks |= kLinkingWord;
    if ((flags & kAnterior) || (previous_flags & kAnterior) ||
        ((previous_flags & kLinking) && (before_previous_flags & kAnterior)))
      w.marks |= kAnteriorCue;
    // The cue of the word, as far as it and the words before it tell; "is", "are" naming a date
    // after them depend on the mention (tense_at()).
    Tense t = Tense::unknown;
    ++since_change;
    w.change_target = (kind == Kind::to || kind == Kind::until) && since_change <= kChangeReach;
    if (kind == Kind::to && (previous_flags & kIntent) &&
        (before_previous == Kind::had || (before_previous == Kind::been && third_previous == Kind::had))) {
      t = Tense::past;  // "had been due to expire", "had planned to leave": a plan of the past, now past
      w.marks |= kPastPlan;
    } else if (kind == Kind::for_ && (previous_flags & kPlanFor)) {
      t = Tense::future;  // "the accession was planned for early March": the time planned lies ahead
    } else if (kind == Kind::to && (previous_flags & kIntent)) {
      t = previous_flags & kIntentTold ? Tense::prospective
                                       : Tense::future;  // "agreed to buy", "planned to leave": the act lies ahead
    } else if (((kind == Kind::not_ || kind == Kind::have) &&
                (previous_word == Kind::could || previous_word == Kind::might)) ||
               (kind == Kind::have && previous_word == Kind::must)) {
      // "could not be located Wednesday", "might have left on Friday", "must have left": a past
      t = Tense::past;
      w.marks |= kEndsFuture;
    } else if (flags & kFuture) {
      t = Tense::future;
    } else if (flags & kReport) {
      t = Tense::reported;
    } else if (flags & kPast) {
      t = Tense::past;
    } else if (length >= 5 && letter(sentence[i - 2]) == 'e' && letter(sentence[i - 1]) == 'd' && !(flags & kNotPast) &&
               !adjective(previous_word)) {
      t = Tense::past;
    }
    if (flags & kChange) since_change = 0;
    w.tense = t;
    words.words_.push_back(w);
    before_previous_flags = previous_flags;
    previous_flags = flags;
  }
}

Tense TenseCues::tense_at(std::string_view sentence, std::size_t begin, std::size_t end, std::size_t* distance,
                          bool* compared, bool* adjacent, bool* anterior) const {
  Words words;
  return tense_at(sentence, begin, end, distance, compared, words, adjacent, anterior);
}

Tense TenseCues::tense_at(std::string_view sentence, std::size_t begin, std::size_t end, std::size_t* distance,
                          bool* compared, Words& words, bool* adjacent, bool* anterior) const {
  if (words.data_ != sentence.data() || words.size_ != sentence.size()) read(sentence, words);
  if (compared) *compared = false;
  std::size_t best_index = 0, last_index_before = 0;  // word indexes: the winning cue, the last word before
  bool best_anterior = false;
  Tense best = Tense::unknown;
  std::size_t best_distance = std::string_view::npos;
  std::size_t last_future = std::string_view::npos;  // word index of the last future cue
  Tense last_future_tense = Tense::future;
  const std::vector<Words::Word>& all = words.words_;
  for (std::size_t k = 0; k < all.size(); ++k) {
    const Words::Word& w = all[k];
    const std::size_t b = w.begin;
    const std::size_t index = k + 1;
    if (b >= begin && b < end) continue;  // words of the mention itself
    if (b < begin) last_index_before = index;
    if (compared && w.compare && b < begin) *compared = true;
    const std::uint8_t previous = k >= 1 ? all[k - 1].marks : 0;
    const std::uint8_t before_previous = k >= 2 ? all[k - 2].marks : 0;
    Tense t = w.tense;
    // "the vote is Tuesday", "the wedding is in May": a date set, ahead (before any cue the word
    // itself may have).
    if ((w.marks & kIsAre) && b < begin && names_what_is(sentence.substr(w.end, begin - w.end))) t = Tense::future;
    // "Postponed to June 30", "extended by a month, to June 30": the new date, right after "to", lies
    // ahead (not the act of "extended their offers to acquire the firm Friday").
    if (w.change_target && b < begin && sentence.find_first_not_of(' ', w.end) == begin) t = Tense::future;
    if (w.marks & kEndsFuture) last_future = std::string_view::npos;  // the participle after it is no future
    // An infinitive has no tense of its own ("difficult to meet demand"): the verb before it decides.
    if ((previous & kIsTo) && t != Tense::unknown && !(w.marks & kIsTo)) t = Tense::unknown;
    // A participle after "to be" is an act still ahead ("guidelines to be published in November");
    // after "is", "are" a present passive, which names no past ("when the case is heard in May").
    if (t == Tense::past && (previous & kIsBe) && (before_previous & kIsTo)) {
      t = Tense::future;
    } else if (t == Tense::past && (previous & kPresentAux)) {
      t = Tense::present;
    }
    if (t == Tense::future || t == Tense::prospective) {
      last_future = index;
      last_future_tense = t;
    }
    // A participle after a linking verb right after a future cue belongs to it: "will be held",
    // "expected to be signed", "schools remain closed"; not a verb after a noun cue ("the deadline
    // passed").
    if (t == Tense::past && !(w.marks & kPastPlan) && (previous & kLinkingWord) &&
        last_future != std::string_view::npos && index - last_future <= 3)
      t = last_future_tense;
    if (t == Tense::unknown) continue;
    // Distance in bytes; a cue after the mention counts only when none comes before it.
    const std::size_t d = b < begin ? begin - b : (b - end) + sentence.size();
    if (d < best_distance) {
      best_distance = d;
      best = t;
      best_index = index;
      // "had" before the date looks back from the story ("had not met since 1614"); after it, it is
      // the date's own perfect ("by mid-November the Germans had taken the city").
      best_anterior = (w.marks & kAnteriorCue) != 0 && b < begin;
    }
  }
  if (distance) *distance = best_distance;
  if (adjacent) *adjacent = best != Tense::unknown && best_index == last_index_before;
  if (anterior) *anterior = best_anterior;
  return best;
}

}  // namespace timeliner
