#include <timeliner/text.hpp>
#include <timeliner/timeline.hpp>

#include <cctype>
#include <string>

namespace timeliner {
namespace {

constexpr std::size_t kHeadlineWords = 12;

bool is_ref(const TemporalValue& v) {
  return v.timex.size() > 4 && v.timex.compare(v.timex.size() - 4, 4, "_REF") == 0;
}

// Words left dangling once the temporal phrase is cut out of a sentence.
bool dangling(std::string_view w) {
  static constexpr std::string_view words[] = {"on", "in", "at",  "since", "by",  "from",  "until", "during",
                                               "of", "as", "for", "and",   "the", "early", "late",  "mid"};
  std::string lower;
  for (char c : w) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto d : words)
    if (d == lower) return true;
  return false;
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string strip_punct(std::string w) {
  while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';' || w.back() == ':')) w.pop_back();
  return w;
}

}  // namespace

// A short phrase for the event: the sentence without the temporal phrase (and the preposition
// that introduced it), at most kHeadlineWords words.
std::string make_headline(std::string_view sentence, std::size_t tx_begin, std::size_t tx_end) {
  std::vector<std::string> before = words_of(sentence.substr(0, tx_begin));
  std::vector<std::string> after = words_of(sentence.substr(tx_end));
  while (!before.empty() && dangling(strip_punct(before.back()))) before.pop_back();
  if (!after.empty() && (after.front() == "," || after.front() == ".")) after.erase(after.begin());
  std::vector<std::string> all = before;
  if (!before.empty() && !after.empty() && !before.back().empty() && before.back().back() == ',' &&
      after.front().size() > 0 && after.front()[0] == ',')
    after.front().erase(0, 1);
  for (auto& w : after) all.push_back(w);
  std::string out;
  std::size_t n = 0;
  for (auto& w : all) {
    if (w.empty() || w == ",") continue;
    if (n == kHeadlineWords) {
      out = strip_punct(out) + "...";
      break;
    }
    if (!out.empty()) out += ' ';
    out += w;
    ++n;
  }
  if (n < kHeadlineWords || out.size() < 3 || out.compare(out.size() - 3, 3, "...") != 0) out = strip_punct(out);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::vector<Event> attach_events(const Document& doc, const std::vector<Mention>& mentions) {
  std::vector<Event> events;
  const auto sentences = split_sentences(doc.text);
  CodePointCounter cp(doc.text);
  auto sentence_of = [&](std::size_t begin, std::size_t end) -> Span {
    for (const Span& s : sentences)
      if (s.begin <= begin && end <= s.end) return s;
    return Span{begin, end};
  };

  if (doc.published) {
    Event e;
    e.kind = EventKind::published;
    e.date.type = doc.published->time_of_day ? TimexType::time : TimexType::date;
    e.date.grain = doc.published->time_of_day ? Grain::minute : Grain::day;
    e.date.timex = format_instant(*doc.published);
    e.date.bounds = Interval{doc.published->day, doc.published->day};
    e.date.anchor = AnchorKind::explicit_;
    e.headline = doc.title.empty() ? "Published: " + doc.id : "Published: " + doc.title;
    const Span first = sentences.empty() ? Span{0, 0} : sentences.front();
    e.text = doc.text.substr(first.begin, first.end - first.begin);
    EventMention m;
    m.doc = doc.id;
    m.start = count_code_points(std::string_view(doc.text).substr(0, first.begin));
    m.end = m.start + count_code_points(e.text);
    m.timex_start = m.timex_end = m.start;
    e.mentions.push_back(m);
    events.push_back(std::move(e));
  }

  for (const Mention& mention : mentions) {
    const TemporalValue& v = mention.value;
    if (!v.bounds || is_ref(v) || (v.type != TimexType::date && v.type != TimexType::time)) continue;
    const Span s = sentence_of(mention.begin, mention.end);
    Event e;
    e.date = v;
    e.text = doc.text.substr(s.begin, s.end - s.begin);
    e.headline = make_headline(e.text, mention.begin - s.begin, mention.end - s.begin);
    EventMention m;
    m.doc = doc.id;
    m.start = cp.at(s.begin);
    m.timex_start = mention.cp_begin;
    m.timex_end = mention.cp_end;
    m.end = m.start + count_code_points(e.text);
    m.timex = mention.text;
    e.mentions.push_back(std::move(m));
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace timeliner
