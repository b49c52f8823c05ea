// Page noise: what a page carries besides its article (comments, captions, related stories, site
// furniture), found line by line in one document, and sentences that recur across a corpus.
#include <timeliner/summary.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstdint>
#include <set>
#include <unordered_map>

namespace timeliner {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// The words of `s` in lower case (letters, digits, apostrophes and hyphens inside), at most `limit`.
std::vector<std::string> lower_words(std::string_view s, std::size_t limit) {
  std::vector<std::string> out;
  std::string w;
  for (std::size_t i = 0; i <= s.size() && out.size() < limit; ++i) {
    const auto c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
    if (std::isalnum(c) || c >= 0x80 || ((c == '\'' || c == '-') && !w.empty())) {
      w += static_cast<char>(std::tolower(c));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

bool ends_sentence(std::string_view line) {
  while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')')) line.remove_suffix(1);
  if (line.size() >= 3 && line.substr(line.size() - 3) == "\xE2\x80\x9D") line.remove_suffix(3);  // ”
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?');
}

// "Comments", "Reader comments (139)", "Have your say", "Join the discussion", "12 comments".
bool comments_header(std::string_view line) {
  if (line.size() > 60) return false;
  auto w = lower_words(line, 8);
  while (!w.empty() && std::all_of(w.back().begin(), w.back().end(), [](char c) { return std::isdigit(c); }))
    w.pop_back();
  if (!w.empty() && std::all_of(w.front().begin(), w.front().end(), [](char c) { return std::isdigit(c); }))
    w.erase(w.begin());
  static const std::set<std::string, std::less<>> kHeaders{
      "comments",          "comment",           "reader comments",     "readers' comments",     "readers comments",
      "your comments",     "have your say",     "join the discussion", "join the conversation", "post a comment",
      "leave a comment",   "add your comment",  "add a comment",       "show comments",         "view comments",
      "view all comments", "show all comments", "discussion"};
  return kHeaders.contains(joined(w));
}

// "Makonnen wrote:", "jsmith wrote on June 3, 2010 at 4:15 pm:", "Dave said:": a name of one to four
// words, a verb of posting, perhaps when, then a colon ending the line or opening the comment.
bool comment_marker(std::string_view line) {
  const std::size_t colon = line.substr(0, 120).find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const auto w = lower_words(line.substr(0, colon), 16);
  static const std::set<std::string, std::less<>> kVerbs{"wrote",     "writes",  "said",  "says",
                                                         "commented", "replied", "posted"};
  for (std::size_t k = 1; k < w.size() && k <= 4; ++k) {
    if (!kVerbs.contains(w[k])) continue;
    if (k + 1 == w.size()) return true;                                   // "NAME wrote:"
    return (w[k + 1] == "on" || w[k + 1] == "at") && w.size() <= k + 12;  // "NAME wrote on DATE:"
  }
  return false;
}

// "Ana Ruiz/Valley Courier", "A. Ruiz/AP", "AFP / Getty Images", "courtesy of the family": at most
// eight words, each a name (a capital or a digit first) or a word that joins names.
bool names_only(std::string_view s) {
  std::size_t words = 0;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && (is_blank(s[i]) || s[i] == '/' || s[i] == ',' || s[i] == '.' || s[i] == '-' || s[i] == '(' ||
                            s[i] == ')' || s[i] == '&'))
      ++i;
    if (i >= s.size()) break;
    std::size_t j = i;
    while (j < s.size() && !is_blank(s[j]) && s[j] != '/' && s[j] != ',') ++j;
    const std::string_view w = s.substr(i, j - i);
    const auto c = static_cast<unsigned char>(w.front());
    static const std::set<std::string, std::less<>> kJoins{"and", "for", "via", "of", "de",  "da",      "van",
                                                           "von", "le",  "la",  "by", "the", "courtesy"};
    if (!(std::isupper(c) || std::isdigit(c) || c >= 0x80 || kJoins.contains(w))) return false;
    if (++words > 8) return false;
    i = j;
  }
  return true;
}

// "... Photograph: Jim Watson/AFP/Getty Images", "Image: AFP / Getty", "(AP Photo/Evan Vucci)": a
// credit closing the line. `alone`: the line is nothing but the credit.
bool credit(std::string_view line, bool* alone) {
  *alone = false;
  if (line.size() > 600) return false;
  if (!line.empty() && line.back() == ')') {
    const std::size_t open = line.rfind('(');
    if (open != std::string_view::npos && line.size() - open <= 80) {
      const auto w = lower_words(line.substr(open), 3);
      for (const auto& x : w)
        if (x == "photo" || x == "photograph" || x == "picture" || x == "image" || x == "photos") {
          *alone = trim(line.substr(0, open)).empty();
          return true;
        }
    }
  }
  const std::size_t colon = line.rfind(':');
  if (colon == std::string_view::npos || line.size() - colon > 90) return false;
  if (!names_only(line.substr(colon + 1))) return false;
  auto w = lower_words(line.substr(colon >= 40 ? colon - 40 : 0, colon >= 40 ? 40 : colon), 16);
  if (!w.empty() && w.back() == "by") w.pop_back();
  if (w.empty()) return false;
  static const std::set<std::string, std::less<>> kCredits{"photograph",   "photographs", "photo",      "photos",
                                                           "picture",      "pictures",    "image",      "images",
                                                           "illustration", "credit",      "photography"};
  if (!kCredits.contains(w.back())) return false;
  // Nothing but the credit: at most the credit's word (and "photo", "by") before the colon.
  const std::string_view head = trim(line.substr(0, colon));
  *alone = lower_words(head, 4).size() <= 2 && head.size() <= 20;
  return true;
}

// "Related stories", "More on this story", "See also", "Most read": the header of a list of links.
bool related_header(std::string_view line) {
  if (line.size() > 50) return false;
  const std::string w = joined(lower_words(line, 8));
  static const std::set<std::string, std::less<>> kHeaders{
      "related",           "related stories",     "related articles",
      "related coverage",  "related links",       "related content",
      "related news",      "related topics",      "more on this story",
      "more on this",      "read more",           "see also",
      "you may also like", "you might also like", "most read",
      "most popular",      "most viewed",         "most shared",
      "top stories",       "recommended",         "recommended for you",
      "further reading",   "more stories",        "more news",
      "also read"};
  return kHeaders.contains(w);
}

// A line of site furniture: "Last updated: 14:02 GMT, 3 March 2025", "Share this article", "Sign up
// to our newsletter", "© 2025 Gazette Media", "This article was amended on 29 July 2009 ...".
bool furniture(std::string_view line) {
  if (line.size() > 250) return false;
  const auto w = lower_words(line, 6);
  if (w.empty()) return false;
  const std::string_view l = line;
  if (l.starts_with("\xC2\xA9") || l.starts_with("(c)") || l.starts_with("(C)") || w[0] == "copyright") return true;
  for (std::size_t i = 0; i + 19 <= line.size(); ++i)
    if ((line[i] == 'a' || line[i] == 'A') && joined(lower_words(line.substr(i, 19), 3)) == "all rights reserved")
      return true;
  const std::string two = w.size() >= 2 ? w[0] + " " + w[1] : w[0];
  // "Last updated ...", "Updated: ...", "Posted on ...": a stamp, not a sentence.
  if (two == "last updated" || two == "last modified") return line.size() <= 100;
  if (w[0] == "updated" || w[0] == "posted" || w[0] == "modified" || two == "first published" || w[0] == "published") {
    const std::size_t skip = two == "first published" ? 2 : 1;
    const bool stamp = w.size() > skip && (w[skip] == "on" || w[skip] == "at");
    const std::size_t key_end = line.find(two == "first published" ? "ublished" : w[0].c_str() + 1);
    const bool colon =
        key_end != std::string_view::npos && line.find(':') != std::string_view::npos && line.find(':') < key_end + 12;
    return (stamp || colon) && line.size() <= 100 && !ends_sentence(line.substr(0, line.size()));
  }
  if (w.size() >= 4 && (w[0] == "this") && (w[1] == "article" || w[1] == "story" || w[1] == "piece") &&
      (w[2] == "was" || w[2] == "has") &&
      (w[3] == "amended" || w[3] == "altered" || w[3] == "corrected" || w[3] == "updated" || w[3] == "edited" ||
       (w[3] == "been" && w.size() >= 5)))
    return true;
  // Buttons and prompts: the whole line is one of them (not "Share prices fell on Monday.").
  if (line.size() > 80) return false;
  static const std::set<std::string, std::less<>> kWhole{"share",
                                                         "share this",
                                                         "share this article",
                                                         "share this story",
                                                         "share on facebook",
                                                         "share on twitter",
                                                         "share on whatsapp",
                                                         "share on linkedin",
                                                         "share via email",
                                                         "tweet",
                                                         "email",
                                                         "e-mail",
                                                         "email this",
                                                         "print",
                                                         "print this",
                                                         "print this page",
                                                         "subscribe",
                                                         "subscribe now",
                                                         "subscribe today",
                                                         "advertisement",
                                                         "sponsored",
                                                         "sponsored content",
                                                         "reply",
                                                         "report abuse",
                                                         "recommend",
                                                         "report",
                                                         "have your say",
                                                         "back to top",
                                                         "skip to content",
                                                         "skip to main content",
                                                         "follow us",
                                                         "next story",
                                                         "previous story",
                                                         "close",
                                                         "loading"};
  if (kWhole.contains(joined(w)) && !ends_sentence(line)) return true;
  if (two == "sign up" || two == "click here" || two == "follow us" || two == "subscribe to") return true;
  return false;
}

// FNV-1a's offset basis: the fingerprint of a sentence without letters or digits.
constexpr std::uint64_t kEmptyFingerprint = 1469598103934665603ull;

struct Line {
  std::size_t begin, end;  // bytes of the trimmed line
  std::string_view text;
};

}  // namespace

std::vector<Span> page_noise(std::string_view text) {
  std::vector<Line> lines;
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t e = text.find('\n', i);
    if (e == std::string_view::npos) e = text.size();
    std::size_t b = i, t = e;
    while (b < t && is_blank(text[b])) ++b;
    while (t > b && is_blank(text[t - 1])) --t;
    lines.push_back(Line{b, t, text.substr(b, t - b)});
    i = e + 1;
  }
  std::vector<char> noise(lines.size(), 0);

  // Reader comments: from a comments header followed by a comment, or from the first of three or
  // more comments, to the end of the page.
  std::size_t header = lines.size(), first_marker = lines.size(), markers = 0;
  bool marker_after_header = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (lines[k].text.empty()) continue;
    if (header == lines.size() && comments_header(lines[k].text)) {
      header = k;
    } else if (comment_marker(lines[k].text)) {
      ++markers;
      if (first_marker == lines.size()) first_marker = k;
      if (header < k) marker_after_header = true;
    }
  }
  std::size_t comments = lines.size();
  if (marker_after_header) comments = header;
  if (markers >= 3) comments = std::min(comments, first_marker);
  for (std::size_t k = comments; k < lines.size(); ++k) noise[k] = 1;

  for (std::size_t k = 0; k < comments; ++k) {
    const std::string_view l = lines[k].text;
    if (l.empty()) continue;
    bool alone = false;
    if (credit(l, &alone)) {
      noise[k] = 1;
      // A credit on a line of its own closes the caption on the line before.
      if (alone) {
        std::size_t p = k;
        while (p > 0 && lines[p - 1].text.empty()) --p;
        if (p > 0 && lines[p - 1].text.size() <= 300) noise[p - 1] = 1;
      }
      continue;
    }
    if (furniture(l)) {
      noise[k] = 1;
      continue;
    }
    if (related_header(l)) {
      noise[k] = 1;
      // The list: lines like headlines (no final punctuation, or short), up to 20 of them.
      std::size_t items = 0;
      for (std::size_t j = k + 1; j < comments && items < 20; ++j) {
        const std::string_view item = lines[j].text;
        if (item.empty()) continue;
        const bool headline_like = item.size() <= 160 && (!ends_sentence(item) || lower_words(item, 14).size() <= 12);
        if (!headline_like) break;
        noise[j] = 1;
        ++items;
        k = j;
      }
    }
  }

  std::vector<Span> out;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!noise[k] || lines[k].text.empty()) continue;
    if (!out.empty() && k > 0 && noise[k - 1]) {
      out.back().end = lines[k].end;  // a run of noisy lines is one span
    } else {
      out.push_back(Span{lines[k].begin, lines[k].end});
    }
  }
  // Runs separated only by blank lines join too.
  std::vector<Span> joined_spans;
  for (const Span& s : out) {
    if (!joined_spans.empty()) {
      const std::string_view gap = text.substr(joined_spans.back().end, s.begin - joined_spans.back().end);
      if (std::all_of(gap.begin(), gap.end(), [](char c) { return is_blank(c) || c == '\n'; })) {
        joined_spans.back().end = s.end;
        continue;
      }
    }
    joined_spans.push_back(s);
  }
  return joined_spans;
}

void drop_page_noise(std::string_view text, std::vector<Mention>& mentions) {
  const auto spans = page_noise(text);
  if (spans.empty()) return;
  std::size_t s = 0;
  std::erase_if(mentions, [&](const Mention& m) {
    while (s < spans.size() && spans[s].end <= m.begin) ++s;
    return s < spans.size() && spans[s].begin <= m.begin && m.end <= spans[s].end;
  });
}

std::uint64_t sentence_fingerprint(std::string_view sentence) {
  std::uint64_t h = kEmptyFingerprint;
  auto add = [&](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  bool space = false, any = false;
  for (char ch : sentence) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      if (space && any) add(' ');
      add(static_cast<unsigned char>(std::tolower(c)));
      space = false;
      any = true;
    } else {
      space = true;
    }
  }
  return h;
}

void remove_boilerplate(Timeline& t) {
  // Every (fingerprint, day, document) once, sorted: each fingerprint's documents and days in a run.
  std::unordered_map<std::string_view, std::pair<std::uint32_t, std::int32_t>> docs;  // id -> index, day
  constexpr std::int32_t kNoDay = INT32_MIN;
  for (const auto& d : t.documents)
    docs.emplace(
        d.id, std::pair{static_cast<std::uint32_t>(docs.size()),
                        d.published ? static_cast<std::int32_t>(d.published->day.time_since_epoch().count()) : kNoDay});
  struct Read {
    std::uint64_t fingerprint;
    std::int32_t day;
    std::uint32_t doc;
    auto operator<=>(const Read&) const = default;
  };
  std::vector<Read> reads;
  std::set<std::uint64_t> found(t.boilerplate.begin(), t.boilerplate.end());
  for (const auto& e : t.events) {
    for (const auto& m : e.mentions) {
      const auto d = docs.find(m.doc);
      if (d == docs.end()) continue;
      reads.push_back(Read{sentence_fingerprint(m.text), d->second.second, d->second.first});
    }
  }
  std::sort(reads.begin(), reads.end());
  reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
  for (std::size_t i = 0; i < reads.size();) {
    std::size_t j = i, days = 0;
    for (; j < reads.size() && reads[j].fingerprint == reads[i].fingerprint; ++j)
      if (reads[j].day != kNoDay && (j == i || reads[j].day != reads[j - 1].day)) ++days;
    if (j - i >= kBoilerplateDocuments && days >= kBoilerplateDays && reads[i].fingerprint != kEmptyFingerprint)
      found.insert(reads[i].fingerprint);
    i = j;
  }
  if (found.empty()) return;
  t.boilerplate.assign(found.begin(), found.end());
  for (auto& e : t.events) {
    if (e.kind != EventKind::event) continue;
    std::erase_if(e.mentions, [&](const EventMention& m) { return found.contains(sentence_fingerprint(m.text)); });
  }
  std::erase_if(t.events, [](const Event& e) { return e.mentions.empty(); });
}

}  // namespace timeliner
