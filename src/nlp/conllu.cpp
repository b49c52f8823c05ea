#include "nlp/conllu.hpp"

#include <charconv>
#include <map>
#include <stdexcept>
#include <tuple>

namespace timeliner::nlp::conllu {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (true) {
    const auto tab = line.find('\t', i);
    out.push_back(line.substr(i, tab == std::string_view::npos ? std::string_view::npos : tab - i));
    if (tab == std::string_view::npos) break;
    i = tab + 1;
  }
  return out;
}

bool parse_int(std::string_view s, std::size_t& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

std::vector<GoldSentence> read(std::string_view content) {
  std::vector<GoldSentence> out;
  GoldSentence cur;
  std::vector<bool> word_space;  // SpaceAfter of each word
  std::size_t line_no = 0;
  bool any = false;
  auto fail = [&](const std::string& why) {
    throw std::runtime_error("CoNLL-U line " + std::to_string(line_no) + ": " + why);
  };
  auto finish = [&] {
    if (!any) return;
    for (const GoldWord& w : cur.words)
      if (w.head >= static_cast<int>(cur.words.size())) fail("a head outside its sentence");
    // Words outside multiword tokens are tokens of their own.
    std::vector<GoldToken> tokens;
    std::size_t next = 0;
    auto single = [&](std::size_t k) { tokens.push_back(GoldToken{cur.words[k].form, k, k, word_space[k]}); };
    for (const GoldToken& t : cur.tokens) {
      if (t.last >= cur.words.size()) fail("a multiword token past its words");
      for (; next < t.first; ++next) single(next);
      tokens.push_back(t);
      next = t.last + 1;
    }
    for (; next < cur.words.size(); ++next) single(next);
    cur.tokens = std::move(tokens);
    out.push_back(std::move(cur));
    cur = GoldSentence{};
    word_space.clear();
    any = false;
  };
  std::size_t i = 0;
  while (i < content.size()) {
    auto nl = content.find('\n', i);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(i, nl - i);
    i = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
      continue;
    }
    if (line.front() == '#') {
      any = true;
      if (line.starts_with("# text = ")) cur.text = std::string(line.substr(9));
      if (line.starts_with("# sent_id = ")) cur.id = std::string(line.substr(12));
      continue;
    }
    const auto cols = split_tabs(line);
    if (cols.size() != 10) fail("expected 10 columns");
    any = true;
    const std::string_view id = cols[0];
    const bool space = cols[9].find("SpaceAfter=No") == std::string_view::npos;
    if (id.find('.') != std::string_view::npos) continue;  // an empty node
    const auto dash = id.find('-');
    if (dash != std::string_view::npos) {
      std::size_t a = 0, b = 0;
      if (!parse_int(id.substr(0, dash), a) || !parse_int(id.substr(dash + 1), b) || a < 1 || b < a ||
          a != cur.words.size() + 1)
        fail("a bad multiword token range");
      cur.tokens.push_back(GoldToken{std::string(cols[1]), a - 1, b - 1, space});
      continue;
    }
    std::size_t n = 0, head = 0;
    if (!parse_int(id, n) || n != cur.words.size() + 1) fail("word ids out of order");
    GoldWord w;
    w.form = std::string(cols[1]);
    w.upos = parse_upos(cols[3]).value_or(Upos::x);
    w.xpos = parse_xpos(cols[4]).value_or(Xpos::XX);
    if (cols[6] == "_") {
      w.head = -1;
    } else {
      if (!parse_int(cols[6], head)) fail("a bad head");
      w.head = static_cast<int>(head) - 1;
    }
    w.rel = parse_rel(cols[7]).value_or(Rel::dep);
    cur.words.push_back(std::move(w));
    word_space.push_back(space);
  }
  finish();
  return out;
}

std::string write(const std::vector<GoldSentence>& sentences) {
  std::string out;
  for (const auto& s : sentences) {
    if (!s.id.empty()) out += "# sent_id = " + s.id + "\n";
    if (!s.text.empty()) out += "# text = " + s.text + "\n";
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const GoldWord& w = s.words[i];
      out += std::to_string(i + 1) + "\t" + w.form + "\t_\t" + std::string(to_string(w.upos)) + "\t" +
             std::string(to_string(w.xpos)) + "\t_\t" + std::to_string(w.head + 1) + "\t" +
             std::string(to_string(w.rel)) + "\t_\t_\n";
    }
    out += "\n";
  }
  return out;
}

double Scores::f1(std::size_t correct) const {
  if (gold_words + system_words == 0) return 0.0;
  return 2.0 * static_cast<double>(correct) / static_cast<double>(gold_words + system_words);
}

std::vector<std::pair<std::size_t, std::size_t>> gold_spans(const GoldSentence& gold) {
  std::vector<std::pair<std::size_t, std::size_t>> spans(gold.words.size());
  std::size_t at = 0;
  const std::string& text = gold.text;
  for (const GoldToken& t : gold.tokens) {
    // Spaces between tokens: ASCII ones and a no-break space (U+00A0).
    while (at < text.size()) {
      if (text[at] == ' ' || text[at] == '\t')
        ++at;
      else if (text.compare(at, 2, "\xC2\xA0") == 0)
        at += 2;
      else
        break;
    }
    if (text.compare(at, t.form.size(), t.form) != 0)
      throw std::runtime_error("CoNLL-U: the tokens do not spell the text of " + gold.id);
    const std::size_t begin = at, end = at + t.form.size();
    at = end;
    std::string spelled;
    for (std::size_t k = t.first; k <= t.last; ++k) spelled += gold.words[k].form;
    std::size_t p = begin;
    for (std::size_t k = t.first; k <= t.last; ++k) {
      if (spelled == t.form) {
        spans[k] = {p, p + gold.words[k].form.size()};
        p += gold.words[k].form.size();
      } else {
        spans[k] = {begin, end};
      }
    }
  }
  return spans;
}

void score(const GoldSentence& gold, const SystemSentence& system, Scores& scores) {
  const auto spans = gold_spans(gold);
  std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::size_t> gold_at;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> seen;
  for (std::size_t k = 0; k < spans.size(); ++k) gold_at[{spans[k].first, spans[k].second, seen[spans[k]]++}] = k;
  seen.clear();
  std::vector<int> to_gold(system.words.size(), -1), to_system(gold.words.size(), -1);
  for (std::size_t k = 0; k < system.words.size(); ++k) {
    const std::pair<std::size_t, std::size_t> span{system.words[k].begin, system.words[k].end};
    const auto it = gold_at.find({span.first, span.second, seen[span]++});
    if (it == gold_at.end()) continue;
    to_gold[k] = static_cast<int>(it->second);
    to_system[it->second] = static_cast<int>(k);
  }
  scores.gold_words += gold.words.size();
  scores.system_words += system.words.size();
  for (std::size_t k = 0; k < system.words.size(); ++k) {
    if (to_gold[k] < 0) continue;
    const Word& s = system.words[k];
    const GoldWord& g = gold.words[static_cast<std::size_t>(to_gold[k])];
    ++scores.aligned;
    scores.upos += s.upos == g.upos;
    scores.xpos += s.xpos == g.xpos;
    const bool head = (g.head < 0 && s.head < 0) ||
                      (g.head >= 0 && s.head >= 0 && to_system[static_cast<std::size_t>(g.head)] == s.head);
    scores.uas += head;
    scores.las += head && s.rel == g.rel;
  }
}

}  // namespace timeliner::nlp::conllu
