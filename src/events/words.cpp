#include "events/words.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

namespace timeliner::words {

extern const char* const kEventWordsSource;  // src/events/en/words.txt, generated into the build

namespace {

constexpr std::array<std::string_view, 11> kListNames = {
    "stop-words",        "change-words", "eventive-nouns",     "eventive-endings", "light-verbs", "aspectual-verbs",
    "implicative-verbs", "saying-verbs", "connective-adverbs", "labels",           "number-words"};

struct Vocabulary {
  std::array<std::vector<std::string>, kListNames.size()> entries;  // in the file's order
  std::array<std::vector<std::string>, kListNames.size()> sorted;   // for look-ups
};

// Reads the lists of `source` (the format is described at the top of src/events/en/words.txt).
// The file is part of the build, so a mistake in it is a programming error.
Vocabulary read(std::string_view source) {
  Vocabulary v;
  std::vector<std::string>* list = nullptr;
  std::size_t line = 1;
  auto fail = [&](const std::string& what) {
    throw std::logic_error("src/events/en/words.txt:" + std::to_string(line) + ": " + what);
  };
  std::size_t i = 0;
  while (i < source.size()) {
    const char c = source[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '#') {
      while (i < source.size() && source[i] != '\n') ++i;
    } else if (c == '[') {
      const std::size_t close = source.find(']', i);
      if (close == std::string_view::npos || source.substr(i, close - i).find('\n') != std::string_view::npos)
        fail("a list name without ']'");
      const std::string_view name = source.substr(i + 1, close - i - 1);
      const auto it = std::find(kListNames.begin(), kListNames.end(), name);
      if (it == kListNames.end()) fail("unknown list [" + std::string(name) + "]");
      list = &v.entries[static_cast<std::size_t>(it - kListNames.begin())];
      if (!list->empty()) fail("list [" + std::string(name) + "] opened twice");
      i = close + 1;
    } else {
      if (!list) fail("an entry before the first list");
      std::size_t end = i;
      if (c == '"') {
        end = source.find('"', i + 1);
        if (end == std::string_view::npos || source.substr(i, end - i).find('\n') != std::string_view::npos)
          fail("an entry without its closing quote");
        list->emplace_back(source.substr(i + 1, end - i - 1));
        ++end;
      } else {
        while (end < source.size() && source[end] != ' ' && source[end] != '\n' && source[end] != '\t' &&
               source[end] != '\r' && source[end] != '#')
          ++end;
        list->emplace_back(source.substr(i, end - i));
      }
      i = end;
    }
  }
  for (std::size_t k = 0; k < kListNames.size(); ++k) {
    if (v.entries[k].empty())
      throw std::logic_error("src/events/en/words.txt: no list [" + std::string(kListNames[k]) + "]");
    v.sorted[k] = v.entries[k];
    std::sort(v.sorted[k].begin(), v.sorted[k].end());
  }
  return v;
}

const Vocabulary& vocabulary() {
  static const Vocabulary v = read(kEventWordsSource);
  return v;
}

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

const std::vector<std::string>& entries(List list) { return vocabulary().entries[static_cast<std::size_t>(list)]; }

bool in(List list, std::string_view word) {
  const auto& sorted = vocabulary().sorted[static_cast<std::size_t>(list)];
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), word,
                                   [](const std::string& a, std::string_view b) { return a < b; });
  return it != sorted.end() && *it == word;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> content_stems(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '.' || word.back() == '\'')) word.pop_back();
    if (!word.empty() && !in(List::stop_words, word)) out.push_back(stem(word));
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
