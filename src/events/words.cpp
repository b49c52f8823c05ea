#include "events/words.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace timeliner::words {
namespace {

bool in_list(std::string_view w, const auto& list) { return std::find(list.begin(), list.end(), w) != list.end(); }

constexpr std::array<std::string_view, 67> kStopWords = {
    "a",     "an",     "the",   "and",  "or",    "but",   "of",    "in",     "on",   "at",    "to",    "for",
    "by",    "with",   "from",  "as",   "into",  "about", "it",    "its",    "his",  "her",   "their", "they",
    "he",    "she",    "we",    "i",    "you",   "was",   "were",  "is",     "are",  "be",    "been",  "being",
    "has",   "have",   "had",   "will", "would", "can",   "could", "should", "may",  "might", "that",  "this",
    "these", "those",  "which", "who",  "than",  "then",  "there", "said",   "says", "say",   "also",  "not",
    "after", "before", "over",  "up",   "out",   "our",   "them"};

constexpr std::array<std::string_view, 22> kChangeWords = {
    "moved",    "move",        "moves",   "postponed", "postpone", "delayed",  "delay",   "shifted",
    "shift",    "rescheduled", "changed", "brought",   "advanced", "back",     "forward", "ahead",
    "switched", "pushed",      "put",     "deferred",  "reset",    "relocated"};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string stem(std::string w) {
  auto drop = [&](std::size_t n) { w.erase(w.size() - n); };
  if (ends_with(w, "'s")) drop(2);
  if (w.size() > 5 && ends_with(w, "ing")) {
    drop(3);
  } else if (w.size() > 4 && (ends_with(w, "ied") || ends_with(w, "ies"))) {
    drop(3);
    w += 'y';
  } else if (w.size() > 4 && ends_with(w, "ed")) {
    drop(2);
  } else if (w.size() > 4 &&
             (ends_with(w, "ses") || ends_with(w, "xes") || ends_with(w, "ches") || ends_with(w, "shes"))) {
    drop(2);
  } else if (w.size() > 3 && ends_with(w, "s") && !ends_with(w, "ss")) {
    drop(1);
  }
  if (w.size() > 3 && w.back() == 'e') drop(1);
  return w;
}

}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_stop_word(std::string_view w) { return in_list(w, kStopWords); }
bool is_change_word(std::string_view w) { return in_list(w, kChangeWords); }

std::vector<std::string> content_stems(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '.' || word.back() == '\'')) word.pop_back();
    if (!word.empty() && !is_stop_word(word)) out.push_back(stem(word));
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool digit_next = i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]));
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if ((c == ',' || c == '.') && !word.empty() && std::isdigit(static_cast<unsigned char>(word.back())) &&
               digit_next) {
      if (c == '.') word += '.';  // "2.4" stays, "4,000" becomes "4000"
    } else if (c == '\'' && !word.empty() && i + 1 < text.size() && text[i + 1] == 's') {
      ++i;  // possessive
    } else {
      flush();
    }
  }
  flush();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace timeliner::words
