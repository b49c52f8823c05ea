#include "grammar/compiled.hpp"
#include "grammar/word_bytes.hpp"

#include <timeliner/extract.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <set>
#include <sstream>
#include <stdexcept>

namespace timeliner::grammar {

struct Line {
  int number;  // within its file
  std::string_view text;
  std::string_view file;  // set by "# file: NAME" lines of the embedded grammar
};

namespace {

std::atomic<std::uint64_t> grammar_counter{0};  // ids of Compiled grammars, never reused

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // ’, the apostrophe of typeset text

// Lower-case, runs of spaces and hyphens as one space, periods dropped, ’ as ': the key form of a word.
std::string normalise(std::string_view s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (s.substr(i, kRightQuote.size()) == kRightQuote) {
      c = '\'';
      i += kRightQuote.size() - 1;
    }
    const auto u = static_cast<unsigned char>(c);
    if (std::isspace(u) || c == '-') {
      space = !out.empty();
      continue;
    }
    if (c == '.') continue;
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(u));
  }
  return out;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// A vocabulary word as a regex: metacharacters escaped, spaces and hyphens as flexible separators,
// an apostrophe as either ' or ’ ("Valentine’s Day").
void append_word_regex(std::string& out, std::string_view word) {
  for (char c : word) {
    if (c == '\'') {
      out += "['\xE2\x80\x99]";
    } else if (c == ' ') {
      out += "[\\s\\-]+";
    } else if (c == '-') {
      out += "[\\s\\-]?";
    } else if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      out += c;
    } else {
      out += '\\';
      out += c;
    }
  }
}

// The bytes of the character at `i` of `word` (a UTF-8 sequence is kept whole).
std::size_t char_bytes(std::string_view word, std::size_t i) {
  const auto lead = static_cast<unsigned char>(word[i]);
  const std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return std::min(n, word.size() - i);
}

// The words `w[b, e)`, sorted, which share their first `d` bytes: the regex of the rest of
// them, appended to `out`. A trie, each beginning written once ("t(?:en|h(?:irty|ree))"), which
// matches the same strings as the alternation of the words, and which RE2 parses and compiles in
// much less time (a quarter less for the numbers in words). Where one word begins another the
// longer is preferred (the optional rest is greedy), and branches come longest word first, as
// the alternation had its words.
void append_trie_regex(std::string& out, const std::vector<std::string>& w, std::size_t b, std::size_t e,
                       std::size_t d) {
  const bool ends = w[b].size() == d;  // sorted: a word that is the shared beginning comes first
  if (ends) ++b;
  struct Branch {
    std::size_t b, e, longest;
  };
  std::vector<Branch> branches;
  for (std::size_t i = b; i < e;) {
    // Sorted: the words of a branch follow one another, and differ from the others at the byte
    // `d` or, within a UTF-8 sequence, at one of the bytes after it.
    const std::size_t bytes = char_bytes(w[i], d);
    std::size_t j = i, longest = 0;
    for (; j < e && w[j].compare(d, bytes, w[i], d, bytes) == 0; ++j) longest = std::max(longest, w[j].size());
    branches.push_back({i, j, longest});
    i = j;
  }
  if (branches.empty()) return;
  std::sort(branches.begin(), branches.end(), [](const Branch& x, const Branch& y) {
    return x.longest != y.longest ? x.longest > y.longest : x.b < y.b;
  });
  // Each branch's regex, its first character apart when that is an ASCII letter or digit.
  struct Text {
    char lead = 0;  // 0: none apart
    std::string rest;
  };
  std::vector<Text> texts(branches.size());
  for (std::size_t n = 0; n < branches.size(); ++n) {
    const Branch& br = branches[n];
    std::string& t = texts[n].rest;
    // The characters every word of the branch has, up to where one of them ends or they part.
    const std::string_view first = w[br.b], last = w[br.e - 1];
    std::size_t k = d;
    do {
      const std::size_t bytes = char_bytes(first, k);
      append_word_regex(t, first.substr(k, bytes));
      k += bytes;
    } while (first.size() > k && last.substr(k, char_bytes(first, k)) == first.substr(k, char_bytes(first, k)));
    if (br.e - br.b > 1 || first.size() > k) append_trie_regex(t, w, br.b, br.e, k);
    if (std::isalnum(static_cast<unsigned char>(t[0]))) {
      texts[n].lead = t[0];
      t.erase(0, 1);
    }
  }
  // Branches that differ only in their first character ("Day|day" of the cased tables) are
  // written once after a class of those characters ("[Dd]ay"): the same strings, and RE2 parses
  // and compiles the rest once. The order of the alternatives does not matter (leftmost-longest).
  std::vector<std::string> alternatives;
  std::vector<bool> done(texts.size(), false);
  for (std::size_t n = 0; n < texts.size(); ++n) {
    if (done[n]) continue;
    if (texts[n].lead == 0) {
      alternatives.push_back(texts[n].rest);
      continue;
    }
    std::string leads(1, texts[n].lead);
    for (std::size_t m = n + 1; m < texts.size(); ++m)
      if (!done[m] && texts[m].lead != 0 && texts[m].rest == texts[n].rest) {
        leads += texts[m].lead;
        done[m] = true;
      }
    alternatives.push_back((leads.size() == 1 ? leads : "[" + leads + "]") + texts[n].rest);
  }
  const bool group = ends || alternatives.size() > 1;
  if (group) out += "(?:";
  for (std::size_t n = 0; n < alternatives.size(); ++n) {
    if (n != 0) out += '|';
    out += alternatives[n];
  }
  if (group) out += ends ? ")?" : ")";
}

// The words of `s` that spaces and tabs separate.
std::vector<std::string_view> fields(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// A rule's line up to its "::" ("@rule NAME TYPE KIND [field=value...]") into `rule`: its name and
// static settings. Returns what is wrong with it, if anything; `case_sensitive` gets its case= setting.
std::optional<std::string> read_rule_head(std::string_view line, Rule& rule, bool& case_sensitive) {
  const auto words = fields(line.substr(0, line.find("::")));
  const std::string_view type = words.size() > 2 ? words[2] : "", kind = words.size() > 3 ? words[3] : "";
  rule.name = words.size() > 1 ? std::string(words[1]) : "";
  if (!set_frame_field(rule.base, "type", type)) return "unknown TIMEX3 type " + std::string(type);
  if (!set_frame_field(rule.base, "kind", kind)) return "unknown rule kind " + std::string(kind);
  case_sensitive = false;
  for (std::size_t i = 4; i < words.size(); ++i) {
    const std::string_view setting = words[i];
    const auto eq = setting.find('=');
    if (eq == std::string_view::npos) return "setting without '=': " + std::string(setting);
    const std::string_view key = setting.substr(0, eq), value = setting.substr(eq + 1);
    if (key == "case") {
      case_sensitive = value == "sensitive";
      continue;
    }
    if (!set_frame_field(rule.base, key, value)) return "bad setting " + std::string(setting);
  }
  return std::nullopt;
}

[[noreturn]] void fail(const Line& at, const std::string& what) {
  std::string where = at.file.empty() ? "grammar" : std::string(at.file);
  throw std::runtime_error(where + ":" + std::to_string(at.number) + ": " + what);
}

}  // namespace

const Vocab* Compiled::vocab(std::string_view name) const {
  auto it = vocabs_.find(name);
  return it == vocabs_.end() ? nullptr : &it->second;
}

std::string Compiled::definition(std::string_view name) const {
  if (auto laid_out = laid_out_definitions_.find(name); laid_out != laid_out_definitions_.end())
    return laid_out->second;
  auto it = defines_.find(name);
  if (it == defines_.end()) return {};
  const Line line{0, it->second, name};
  std::vector<Capture> slots;
  const std::string pattern = expand(it->second, &slots, 0, line, true);
  return slots.empty() ? "(?i:" + pattern + ")" : std::string{};
}

std::vector<std::string_view> Compiled::definition_names() const {
  std::vector<std::string_view> out;
  for (const auto& [name, pattern] : defines_) out.push_back(name);
  for (const auto& [name, pattern] : laid_out_definitions_) out.push_back(name);
  return out;
}

std::string Compiled::expand(std::string_view pattern, std::vector<Capture>* captures, int depth, const Line& line,
                             bool definition) const {
  if (depth > 16) fail(line, "definitions nest too deeply (a cycle?)");
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += c;
      out += pattern[++i];
      continue;
    }
    if (c == '<' && pattern.substr(i, 2) == "<<") {
      if (!captures || definition) fail(line, "span markers are not allowed inside definitions");
      Capture cap;
      cap.field = "=";
      captures->push_back(cap);
      out += "(";
      ++i;
      continue;
    }
    if (c == '>' && pattern.substr(i, 2) == ">>") {
      out += ")";
      ++i;
      continue;
    }
    const bool slot = c == '{' && i + 1 < pattern.size() && std::isalpha(static_cast<unsigned char>(pattern[i + 1]));
    const bool macro = c == '%' && i + 1 < pattern.size() && std::isalpha(static_cast<unsigned char>(pattern[i + 1]));
    if (!slot && !macro) {
      out += c;
      continue;
    }
    std::size_t j = i + 1;
    while (j < pattern.size() && (std::isalnum(static_cast<unsigned char>(pattern[j])) || pattern[j] == '_')) ++j;
    std::string_view name = pattern.substr(i + 1, j - i - 1);
    if (macro) {
      if (auto d = defines_.find(name); d != defines_.end()) {
        // A definition may hold slots ("@define clock {hour12}:{minute}"): they capture for the rule.
        out += "(?:" + expand(d->second, captures, depth + 1, line, true) + ")";
      } else if (const Vocab* v = vocab(name)) {
        out += "(?:" + v->regex + ")";
      } else {
        fail(line, "unknown definition %" + std::string(name));
      }
      i = j - 1;
      continue;
    }
    // Slot: {name} or {name>field}
    std::string field;
    if (j < pattern.size() && pattern[j] == '>') {
      std::size_t k = j + 1;
      while (k < pattern.size() && pattern[k] != '}') ++k;
      field = std::string(pattern.substr(j + 1, k - j - 1));
      j = k;
    }
    if (j >= pattern.size() || pattern[j] != '}') fail(line, "unclosed slot {" + std::string(name));
    if (!captures) fail(line, "slots are not allowed inside slot patterns");
    Capture cap;
    std::string regex;
    if (const Vocab* v = vocab(name)) {
      cap.parser = SlotParser::table;
      cap.vocab = v;
      cap.field = v->field;
      regex = v->regex;
    } else if (auto s = slots_.find(name); s != slots_.end()) {
      cap.parser = s->second.parser;
      cap.field = s->second.field;
      regex = expand(s->second.regex, nullptr, depth + 1, line);
    } else {
      fail(line, "unknown slot {" + std::string(name) + "}");
    }
    if (!field.empty()) cap.field = field;
    if (cap.field != "-" && !is_frame_field(cap.field))
      fail(line, "slot {" + std::string(name) + "} fills unknown field " + cap.field);
    captures->push_back(cap);
    out += "(" + regex + ")";
    i = j;
  }
  return out;
}

void Rule::compile() const {
  RE2::Options opts;
  opts.set_case_sensitive(true);
  opts.set_log_errors(false);
  opts.set_max_mem(32 << 20);
  opts.set_longest_match(true);  // leftmost-longest: alternatives need no careful order
  auto re = std::make_unique<RE2>(pattern, opts);
  if (!re->ok()) throw std::runtime_error("grammar: " + source_line + ": rule " + name + ": " + re->error());
  if (re->NumberOfCapturingGroups() != static_cast<int>(captures.size()))
    throw std::runtime_error("grammar: rule " + name + ": use (?:...) for groups; only slots capture");
  re_ = std::move(re);
}

const RE2& Rule::re() const {
  std::call_once(*once_, [this] { compile(); });
  return *re_;
}

Compiled::Compiled(std::string_view source, bool lazy, const PrecomputedIndex* precomputed, const PrecomputedScan* scan)
    : id_(++grammar_counter) {
  // Split into lines, joining continuation lines (starting with whitespace) to the line before.
  std::vector<Line> lines;
  {
    int number = 0;
    std::string_view file;
    std::size_t pos = 0;
    while (pos <= source.size()) {
      std::size_t nl = source.find('\n', pos);
      if (nl == std::string_view::npos) nl = source.size();
      std::string_view raw = source.substr(pos, nl - pos);
      ++number;
      pos = nl + 1;
      std::string_view t = trim(raw);
      if (t.substr(0, 8) == "# file: ") {
        file = trim(t.substr(8));
        number = 0;
        continue;
      }
      if (t.empty() || t.front() == '#') {
        if (t.empty()) lines.push_back({number, {}, file});
        continue;
      }
      lines.push_back({number, raw, file});
      if (nl == source.size()) break;
    }
  }

  std::vector<std::string> joined_storage;
  joined_storage.reserve(lines.size());
  std::vector<Line> entries;
  for (const Line& l : lines) {
    if (l.text.empty()) {
      entries.push_back(l);
      continue;
    }
    const bool continuation = std::isspace(static_cast<unsigned char>(l.text.front())) && !entries.empty() &&
                              !entries.back().text.empty() && entries.back().text.substr(0, 6) == "@rule ";
    if (continuation) {
      joined_storage.push_back(std::string(entries.back().text) + std::string(trim(l.text)));
      entries.back().text = joined_storage.back();
    } else {
      entries.push_back({l.number, trim(l.text), l.file});
    }
  }

  Vocab* current_vocab = nullptr;
  std::vector<std::string> vocab_words;
  auto close_vocab = [&] {
    if (!current_vocab) return;
    std::vector<std::string> spelt;  // every way of writing each word
    for (const auto& w : vocab_words) {
      if (!current_vocab->cased) {
        spelt.push_back(w);
        continue;
      }
      // Capitalised ("Election day"), title case ("Election Day") and capitals, matched
      // case-sensitively.
      std::string cap = w, title = w, upper = w;
      if (!cap.empty()) cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
      for (std::size_t k = 0; k < title.size(); ++k) {
        if (k != 0 && title[k - 1] != ' ' && title[k - 1] != '-') continue;
        const std::string_view rest = std::string_view(title).substr(k);
        const bool small =
            k != 0 && (rest.substr(0, 3) == "of " || rest.substr(0, 4) == "the " || rest.substr(0, 4) == "and ");
        if (!small) title[k] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[k])));
      }
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      spelt.push_back(cap);
      spelt.push_back(upper);
      spelt.push_back(title);
    }
    std::sort(spelt.begin(), spelt.end());
    spelt.erase(std::unique(spelt.begin(), spelt.end()), spelt.end());
    std::string regex;
    if (!spelt.empty()) append_trie_regex(regex, spelt, 0, spelt.size(), 0);
    current_vocab->regex = current_vocab->cased ? "(?-i:" + regex + ")" : regex;
    current_vocab = nullptr;
    vocab_words.clear();
  };

  for (const Line& l : entries) {
    std::string_view t = l.text;
    if (t.empty()) {
      close_vocab();
      continue;
    }
    if (t.front() != '@') {
      if (!current_vocab) fail(l, "text outside a @vocab block");
      const auto arrow = t.find("=>");
      std::string_view words = trim(t.substr(0, arrow));
      std::string value = arrow == std::string_view::npos ? "" : std::string(trim(t.substr(arrow + 2)));
      if (current_vocab->field != "-") {
        Frame probe;
        if (!set_frame_field(probe, current_vocab->field, value))
          fail(l, "value '" + value + "' is not valid for field " + current_vocab->field);
      }
      std::size_t pos = 0;
      while (pos <= words.size()) {
        std::size_t bar = words.find('|', pos);
        if (bar == std::string_view::npos) bar = words.size();
        std::string_view w = trim(words.substr(pos, bar - pos));
        if (!w.empty()) {
          current_vocab->values.emplace(normalise(w), value);
          vocab_words.emplace_back(w);
          if (current_vocab->name == "numword") {
            const std::string norm = normalise(w);
            longest_number_phrase_ = std::max(longest_number_phrase_, split_words(norm).size());
          }
        }
        pos = bar + 1;
      }
      continue;
    }
    close_vocab();
    std::istringstream in{std::string(t)};
    std::string directive, name;
    in >> directive >> name;
    if (name.empty()) fail(l, "missing name after " + directive);
    if (directive == "@define") {
      std::string rest;
      std::getline(in, rest);
      defines_[name] = std::string(trim(rest));
    } else if (directive == "@vocab") {
      std::string field, flag;
      in >> field >> flag;
      if (field.empty()) fail(l, "@vocab needs a field (or -)");
      if (!flag.empty() && flag != "cased") fail(l, "unknown @vocab flag " + flag);
      if (field != "-" && !is_frame_field(field)) fail(l, "unknown field " + field);
      Vocab& v = vocabs_[name];
      v.name = name;
      v.field = field;
      v.cased = flag == "cased";
      current_vocab = &v;
    } else if (directive == "@slot") {
      std::string field, parser, rest;
      in >> field >> parser;
      std::getline(in, rest);
      SlotDef def;
      def.field = field;
      def.regex = std::string(trim(rest));
      if (parser == "int")
        def.parser = SlotParser::integer;
      else if (parser == "number")
        def.parser = SlotParser::number;
      else if (parser == "ordinal")
        def.parser = SlotParser::ordinal;
      else if (parser == "year_words")
        def.parser = SlotParser::year_words;
      else if (parser == "era_year")
        def.parser = SlotParser::era_year;
      else
        fail(l, "unknown slot parser " + parser);
      if (!is_frame_field(field)) fail(l, "unknown field " + field);
      slots_[name] = def;
    } else if (directive == "@rule") {
      const auto sep = t.find("::");
      if (sep == std::string_view::npos) fail(l, "@rule without '::' before its pattern");
      Rule rule;
      rule.source_line = std::string(t);
      bool case_sensitive = false;
      if (auto wrong = read_rule_head(t, rule, case_sensitive)) fail(l, *wrong);
      std::string pattern = expand(trim(t.substr(sep + 2)), &rule.captures, 0, l);
      if (!case_sensitive) pattern = "(?i:" + pattern + ")";
      rule.pattern = std::move(pattern);
      for (const Capture& c : rule.captures) rule.has_span = rule.has_span || c.field == "=";
      if (!lazy) {
        try {
          rule.compile();
        } catch (const std::runtime_error& e) {
          std::string what = e.what();
          fail(l, what.substr(what.find("rule " + name)));
        }
      }
      if (rules_.size() >= 0xFFFF) fail(l, "too many rules");
      rules_.push_back(std::move(rule));
    } else {
      fail(l, "unknown directive " + directive);
    }
  }
  close_vocab();
  if (rules_.empty()) throw std::runtime_error("grammar has no rules");
  if (precomputed || scan) adopt(source_hash(source), precomputed, scan);
}

Compiled::Compiled(const PrecomputedGrammar& parsed, const PrecomputedIndex* precomputed, const PrecomputedScan* scan)
    : id_(++grammar_counter), longest_number_phrase_(parsed.longest_number_phrase) {
  std::vector<const Vocab*> vocabs;
  for (const auto& v : parsed.vocabularies) {
    Vocab& vocab = vocabs_[std::string(parsed[v.name])];
    vocab.name = parsed[v.name];
    vocab.field = parsed[v.field];
    vocab.cased = v.cased;
    const auto entries = parsed(parsed.words, v.entries);
    vocab.values.reserve(entries.size() / 2);
    for (std::size_t i = 0; i + 1 < entries.size(); i += 2)
      vocab.values.emplace(parsed[entries[i]], parsed[entries[i + 1]]);
    vocabs.push_back(&vocab);
  }
  rules_.reserve(parsed.rules.size());
  for (const auto& r : parsed.rules) {
    Rule rule;
    const std::string_view line = parsed[r.source_line];
    rule.source_line = line;
    bool case_sensitive = false;
    if (auto wrong = read_rule_head(line, rule, case_sensitive)) throw std::logic_error("grammar: " + *wrong);
    rule.pattern = parsed[r.pattern];
    for (const auto& c : parsed(parsed.slots, r.captures)) {
      Capture cap;
      cap.field = parsed[c.field];
      cap.parser = c.parser;
      cap.vocab = c.vocab >= 0 ? vocabs.at(static_cast<std::size_t>(c.vocab)) : nullptr;
      rule.has_span = rule.has_span || cap.field == "=";
      rule.captures.push_back(std::move(cap));
    }
    rules_.push_back(std::move(rule));
  }
  for (const auto& d : parsed.definitions) laid_out_definitions_.emplace(parsed[d.name], parsed[d.pattern]);
  adopt(parsed.source_hash, precomputed, scan);
}

void Compiled::adopt(std::uint64_t hash, const PrecomputedIndex* precomputed, const PrecomputedScan* scan) {
  if (precomputed && precomputed->key_length == kKeyLength && precomputed->rules == rules_.size() &&
      precomputed->source_hash == hash)
    precomputed_index_ = precomputed;
  if (scan && scan->rules == rules_.size() && scan->source_hash == hash)
    scanner_ = std::make_unique<StartScanner>(*scan);
}

bool Compiled::scans_once() const { return scanner_ && scanner_->usable(); }

namespace {

// The words required by each rule, as indices into `index.words` (new words are added).
void require(KeyIndex& index, const std::vector<std::vector<std::vector<std::string>>>& required, std::size_t rules) {
  index.required.assign(rules, {});
  if (required.size() != rules) return;  // not made for these rules: nothing known
  std::map<std::string, std::uint16_t, std::less<>> ids;
  for (std::size_t r = 0; r < rules; ++r)
    for (const auto& group : required[r]) {
      std::vector<std::uint16_t> group_ids;
      for (const auto& w : group) {
        if (w.empty()) continue;
        auto [it, added] = ids.emplace(w, static_cast<std::uint16_t>(index.words.size()));
        if (added) index.words.push_back(w);
        group_ids.push_back(it->second);
      }
      if (group_ids.size() == group.size() && !group_ids.empty()) index.required[r].push_back(std::move(group_ids));
    }
  index.automaton.build(index.words);
}

}  // namespace

const KeyIndex& Compiled::key_index() const {
  std::call_once(keys_once_, [this] {
    auto index = std::make_unique<KeyIndex>();
    if (const PrecomputedIndex* pre = precomputed_index_) {
      index->starts.adopt(pre->index);
      require(*index, decode_required(pre->required), rules_.size());
      if (pre->long_key_length == kLongKeyLength && pre->long_keys.masks.size() == rules_.size())
        index->long_keys.adopt(pre->long_keys);
    } else {
      std::vector<std::string_view> patterns;
      for (const Rule& r : rules_) patterns.push_back(r.pattern);
      require(*index, required_words(patterns), rules_.size());
      const auto keys = start_keys(patterns);
      for (std::size_t r = 0; r < rules_.size(); ++r) index->starts.add(static_cast<std::uint16_t>(r), keys[r]);
      index->starts.finish();
    }
    keys_ = std::move(index);
  });
  return *keys_;
}

namespace {
// The byte classes of the automaton: ASCII letters case-folded, digits, space, period, hyphen; 0
// for every other byte.
constexpr auto kWordClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) {
    t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - 'a' + 1);
    t[static_cast<std::size_t>(c - 'a' + 'A')] = static_cast<std::uint8_t>(c - 'a' + 1);
  }
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - '0' + 27);
  t[' '] = 37;
  t['.'] = 38;
  t['-'] = 39;
  return t;
}();
constexpr std::size_t kWordClasses = 40;
}  // namespace

void WordAutomaton::build(const std::vector<std::string>& words) {
  words_ = words;
  // The trie, then the failure links breadth first, completing the transitions into a DFA.
  next_.assign(kWordClasses, 0);
  ends_.assign(1, {});
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::uint32_t s = 0;
    for (char c : words[w]) {
      const std::uint8_t k = kWordClass[static_cast<unsigned char>(c)];
      if (next_[s * kWordClasses + k] == 0) {
        next_[s * kWordClasses + k] = static_cast<std::uint32_t>(ends_.size());
        ends_.emplace_back();
        next_.resize(ends_.size() * kWordClasses, 0);
      }
      s = next_[s * kWordClasses + k];
    }
    ends_[s].push_back(static_cast<std::uint16_t>(w));
  }
  std::vector<std::uint32_t> fail(ends_.size(), 0), queue;
  for (std::size_t k = 0; k < kWordClasses; ++k)
    if (next_[k] != 0) queue.push_back(next_[k]);
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const std::uint32_t s = queue[q];
    for (std::uint16_t w : ends_[fail[s]]) ends_[s].push_back(w);  // words ending here by the fallback
    for (std::size_t k = 0; k < kWordClasses; ++k) {
      std::uint32_t& t = next_[s * kWordClasses + k];
      if (t != 0) {
        fail[t] = next_[fail[s] * kWordClasses + k];
        queue.push_back(t);
      } else {
        t = next_[fail[s] * kWordClasses + k];
      }
    }
  }
  // Class 0 (a byte in no word) always leads back to the start.
  for (std::size_t s = 0; s < ends_.size(); ++s) next_[s * kWordClasses] = 0;
  // Each transition as the offset of its target's row, its top bit set when words end there.
  for (auto& t : next_) t = static_cast<std::uint32_t>(t * kWordClasses) | (ends_[t].empty() ? 0u : kEnds);
}

std::vector<std::size_t> WordAutomaton::last_occurrences(std::string_view text) const {
  std::vector<std::size_t> last(words_.size(), static_cast<std::size_t>(-1));
  if (words_.empty()) return last;
  std::uint32_t row = 0;
  const std::uint32_t* next = next_.data();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::uint32_t t = next[row + kWordClass[bytes[i]]];
    row = t & ~kEnds;
    if (t & kEnds)
      for (std::uint16_t w : ends_[row / kWordClasses]) last[w] = i + 1 - words_[w].size();
  }
  return last;
}

std::string Compiled::required_text() const {
  const KeyIndex& index = key_index();
  std::vector<std::vector<std::vector<std::string>>> all;
  for (const auto& rule_groups : index.required) {
    std::vector<std::vector<std::string>> groups;
    for (const auto& g : rule_groups) {
      std::vector<std::string> words;
      for (auto w : g) words.push_back(index.words[w]);
      groups.push_back(std::move(words));
    }
    all.push_back(std::move(groups));
  }
  return encode_required(all);
}

namespace {

// Whether a required word (lower-case ASCII) occurs, ASCII case aside, at or after a position: the
// last occurrence of every word, found in one pass over the text (on the first question) by an
// Aho-Corasick automaton of all the grammar's required words (WordAutomaton).
class WordFinder {
 public:
  WordFinder(std::string_view text, const WordAutomaton& automaton) : text_(text), automaton_(automaton) {}
  bool after(std::uint16_t w, std::size_t pos) {
    if (!scanned_) {
      last_ = automaton_.last_occurrences(text_);
      scanned_ = true;
    }
    return last_[w] != kNone && last_[w] >= pos;
  }
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

 private:
  std::string_view text_;
  const WordAutomaton& automaton_;
  std::vector<std::size_t> last_;
  bool scanned_ = false;
};

// Longest expression first (context words do not count), then earliest rule, then leftmost;
// keep those whose expression overlaps no whole match kept: the context words of a match kept
// before may be another's expression ("every Tuesday and <<Thursday>>" after "every Tuesday"),
// while a match kept keeps its own context from those after it (the year of "Aug. 14-17, 2025"). The order is total, so
// the result does not depend on the order candidates were found in.
void select_longest(std::vector<Match>& candidates, std::vector<Match>& out) {
  out.clear();
  if (candidates.size() == 1) {  // nothing to overlap
    out.push_back(std::move(candidates.front()));
    return;
  }
  thread_local std::vector<std::size_t> order;
  thread_local std::vector<std::uint64_t> taken;
  order.resize(candidates.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Match& x = candidates[a];
    const Match& y = candidates[b];
    const auto lx = x.span_end - x.span_begin, ly = y.span_end - y.span_begin;
    if (lx != ly) return lx > ly;
    if (x.rule != y.rule) return x.rule < y.rule;
    return x.begin < y.begin;
  });
  // The bytes covered by the matches kept, from the first byte of any candidate on: a match (never
  // empty) overlaps a kept one when one of its bytes is covered. Ranges of bits, a word at a time.
  std::size_t base = static_cast<std::size_t>(-1), last = 0;
  for (const Match& m : candidates) {
    base = std::min(base, m.begin);
    last = std::max(last, m.end);
  }
  taken.assign(candidates.empty() ? 0 : (last - base) / 64 + 1, 0);
  // The bits [b, e) of word w (0 <= b < e <= 64).
  auto bits = [](std::size_t b, std::size_t e) {
    const std::uint64_t upto = e == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << e) - 1;
    return upto & ~((std::uint64_t{1} << b) - 1);
  };
  auto covered = [&](std::size_t b, std::size_t e) {
    for (std::size_t w = b / 64; w * 64 < e; ++w)
      if (taken[w] & bits(std::max(b, w * 64) - w * 64, std::min(e, w * 64 + 64) - w * 64)) return true;
    return false;
  };
  auto take = [&](std::size_t b, std::size_t e) {
    for (std::size_t w = b / 64; w * 64 < e; ++w)
      taken[w] |= bits(std::max(b, w * 64) - w * 64, std::min(e, w * 64 + 64) - w * 64);
  };
  out.reserve(candidates.size());
  for (std::size_t idx : order) {
    Match& m = candidates[idx];
    if (m.span_begin < m.span_end && covered(m.span_begin - base, m.span_end - base)) continue;
    take(m.begin - base, m.end - base);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.span_begin < b.span_begin; });
}

// A match of `rule` (the text of each of `n` groups in `groups`) as a candidate, or nothing when it is
// empty or starts or ends inside a word.
std::optional<Match> candidate(const Rule& rule, std::size_t r, std::string_view text,
                               const std::vector<re2::StringPiece>& groups, int n) {
  const std::size_t b = static_cast<std::size_t>(groups[0].data() - text.data());
  const std::size_t e = b + groups[0].size();
  if (e == b) return std::nullopt;
  // Whole words only: a match may not start or end inside a word.
  const bool bad_start = b > 0 && is_word_byte(text[b - 1]) && is_word_byte(text[b]);
  const bool bad_end = e < text.size() && is_word_byte(text[e - 1]) && is_word_byte(text[e]);
  if (bad_start || bad_end) return std::nullopt;
  Match m;
  m.begin = b;
  m.end = e;
  m.rule = r;
  m.groups.reserve(rule.captures.size());
  m.span_begin = b;
  m.span_end = e;
  for (int g = 1; g < n; ++g) {
    const re2::StringPiece& piece = groups[static_cast<std::size_t>(g)];
    m.groups.emplace_back(piece.data(), piece.size());
    if (rule.captures[static_cast<std::size_t>(g - 1)].field == "=" && piece.data() != nullptr) {
      m.span_begin = static_cast<std::size_t>(piece.data() - text.data());
      m.span_end = m.span_begin + piece.size();
    }
  }
  return m;
}

}  // namespace

// The reference search runs each rule over the whole text: from `pos`, the leftmost-longest match;
// a whole-word one is kept and the search goes on after it, any other moves `pos` one byte on.
// A match that starts inside a word is never kept, and a rejected match never moves `pos` past
// its start, so the kept matches are also found by trying the rule anchored at each position
// where a word may start, in order, skipping those before the end of the last match kept: that
// is scan(), with the positions further narrowed to those where a match of the rule starts, as the
// one scan finds them (scan_db.hpp), or to those where one of the rule's start keys occurs (a
// position where the rule can match has one of them, prefix.hpp), and, for the bundled grammar,
// where the text begins with one of its longer keys (LongKeys, prefix.hpp).
namespace {

// The groups of a match of `re` known to span text[b, e), into `groups` (n of them). RE2 is given
// only the match and the byte on each side of it as its text: what ^, $ and \b see is the same as
// in the whole text, and it then needs no DFA pass over the whole text before its group search (it
// runs one when the text is longer than its bit-state engine takes).
bool match_groups(const RE2& re, std::string_view text, std::size_t b, std::size_t e, re2::StringPiece* groups, int n) {
  const std::size_t from = b > 0 ? b - 1 : 0;
  const std::size_t to = std::min(text.size(), e + 1);
  return re.Match(text.substr(from, to - from), b - from, e - from, RE2::ANCHOR_BOTH, groups, n);
}

// Per rule, where matches may start from and where it was last tried, as `base` plus a position of
// the text, for the scans of one thread: each scan takes a base above all it wrote before, so that
// a scan of a short text (extract() scans a sentence at a time) finds them all stale without
// clearing them. Grown to the largest grammar scanned; new entries (0) are stale for every base.
struct ScanScratch {
  std::vector<std::size_t> next, tried;
  std::size_t base = 1;
};

ScanScratch& scan_scratch(std::size_t rules) {
  thread_local ScanScratch own;
  if (own.next.size() < rules) {
    own.next.resize(rules, 0);
    own.tried.resize(rules, 0);
  }
  return own;
}

// The candidates of one scan: each rule tried anchored at the places it is given, in text order,
// skipping those before the end of its last match kept; settled (overlaps resolved, groups found)
// and handed on a batch at a time.
class Trials {
 public:
  Trials(const std::vector<Rule>& rules, ScanScratch& own, std::string_view text, std::size_t batch_bytes,
         const std::function<void(std::vector<Match>&)>& emit)
      : rules_(rules),
        text_(text),
        batch_bytes_(batch_bytes),
        emit_(emit),
        next_(own.next.data()),
        tried_(own.tried.data()),
        base_(own.base) {
    own.base += text.size() + 1;
  }

  // Before the rules tried at `p`: no candidate found from here on can overlap those found so
  // far once they all end here; they are settled when they span enough text.
  void at(std::size_t p) {
    if (!candidates_.empty() && reach_ <= p && p - first_ >= batch_bytes_) settle();
    found_ = candidates_.size();
  }
  // Whether rule `r` is still to try at `p` (a rule may be named more than once at a place).
  bool fresh(std::size_t p, std::size_t r) {
    if (tried_[r] == base_ + p) return false;
    tried_[r] = base_ + p;
    return base_ + p >= next_[r];
  }
  void attempt(std::size_t p, std::size_t r) {
    const Rule& rule = rules_[r];
    const RE2& re = rule.re();
    // First the DFA alone, for the match's end: most tries fail within a few bytes. Asking for
    // the groups at once would make RE2 run its bit-state engine over the rest of the text.
    re2::StringPiece whole;
    if (!re.Match(text_, p, text_.size(), RE2::ANCHOR_START, &whole, 1)) return;
    const std::size_t e = p + whole.size();
    if (e == p || (e < text_.size() && is_word_byte(text_[e - 1]) && is_word_byte(text_[e]))) return;
    if (!rule.has_span) {
      // The match is the expression: its groups are needed only if it is selected (settle()).
      Match m;
      m.begin = m.span_begin = p;
      m.end = m.span_end = e;
      m.rule = r;
      next_[r] = base_ + e;
      candidates_.push_back(std::move(m));
      return;
    }
    // Then the groups, within the match (as RE2 itself does after a DFA search).
    const int n = static_cast<int>(rule.captures.size()) + 1;
    groups_.assign(static_cast<std::size_t>(n), {});
    if (!match_groups(re, text_, p, e, groups_.data(), n)) return;
    if (auto m = candidate(rule, r, text_, groups_, n)) {
      next_[r] = base_ + m->end;
      candidates_.push_back(std::move(*m));
    }
  }
  // After the rules tried at `p`.
  void done(std::size_t p) {
    if (candidates_.size() == found_) return;
    if (found_ == 0) first_ = p;
    for (std::size_t k = found_; k < candidates_.size(); ++k) reach_ = std::max(reach_, candidates_[k].end);
  }
  void finish() {
    if (!candidates_.empty()) settle();
  }

 private:
  // The overlaps among the candidates resolved (the longest wins), then the groups of the selected
  // matches that have them still to find: the search within the match that the DFA found always
  // finds it again (a match that did not would be dropped).
  void settle() {
    std::vector<Match>& selected = selected_;
    select_longest(candidates_, selected);
    candidates_.clear();
    std::size_t kept = 0;
    for (Match& m : selected) {
      const Rule& rule = rules_[m.rule];
      if (m.groups.size() != rule.captures.size()) {
        const int n = static_cast<int>(rule.captures.size()) + 1;
        groups_.assign(static_cast<std::size_t>(n), {});
        if (!match_groups(rule.re(), text_, m.begin, m.end, groups_.data(), n)) continue;
        m.groups.reserve(rule.captures.size());
        for (int g = 1; g < n; ++g)
          m.groups.emplace_back(groups_[static_cast<std::size_t>(g)].data(),
                                groups_[static_cast<std::size_t>(g)].size());
      }
      if (&selected[kept] != &m) selected[kept] = std::move(m);
      ++kept;
    }
    selected.resize(kept);
    emit_(selected);
  }

  const std::vector<Rule>& rules_;
  std::string_view text_;
  std::size_t batch_bytes_;
  const std::function<void(std::vector<Match>&)>& emit_;
  std::vector<Match> candidates_;
  std::vector<Match> selected_;  // those of a batch handed on (emptied by settle() before each)
  std::size_t* next_;            // per rule: matches may start from here, plus base_ (the thread's scratch)
  std::size_t* tried_;           // per rule: the position where it was last tried, plus base_
  std::size_t base_;
  std::vector<re2::StringPiece> groups_;
  std::size_t found_ = 0;  // candidates before the current position
  std::size_t first_ = 0;  // where the candidates not yet settled begin
  std::size_t reach_ = 0;  // where the last of them ends
};

// Whether a match may start at `p` (not inside a word).
bool word_start(std::string_view text, std::size_t p) {
  return p == 0 || !is_word_byte(text[p - 1]) || !is_word_byte(text[p]);
}

}  // namespace

std::vector<Match> Compiled::scan(std::string_view text) const {
  std::vector<Match> out;
  scan_batches(text, static_cast<std::size_t>(-1), [&](std::vector<Match>& batch) {
    if (out.empty()) {
      out = std::move(batch);
    } else {
      out.reserve(out.size() + batch.size());
      for (Match& m : batch) out.push_back(std::move(m));
    }
  });
  return out;
}

void Compiled::scan_batches(std::string_view text, std::size_t batch_bytes,
                            const std::function<void(std::vector<Match>&)>& emit) const {
  if (text.empty()) return;
  if (text.size() <= kScanOnceBytes && scans_once())
    scan_at_starts(text, batch_bytes, emit);
  else
    scan_at_keys(text, batch_bytes, emit);
}

void Compiled::scan_at_starts(std::string_view text, std::size_t batch_bytes,
                              const std::function<void(std::vector<Match>&)>& emit) const {
  Trials trials(rules_, scan_scratch(rules_.size()), text, batch_bytes, emit);
  thread_local std::vector<std::uint64_t> starts;
  scanner_->starts(text, starts);
  const auto everywhere = scanner_->everywhere();
  std::size_t k = 0;
  auto run = [&](std::size_t p) {
    trials.at(p);
    for (; k < starts.size() && (starts[k] >> 16) == p; ++k) {
      const std::size_t r = starts[k] & 0xFFFF;
      if (trials.fresh(p, r)) trials.attempt(p, r);
    }
    if (!everywhere.empty() && word_start(text, p))
      for (std::uint16_t r : everywhere)
        if (trials.fresh(p, r)) trials.attempt(p, r);
    trials.done(p);
  };
  if (everywhere.empty()) {
    while (k < starts.size()) run(static_cast<std::size_t>(starts[k] >> 16));
  } else {
    for (std::size_t p = 0; p < text.size(); ++p) run(p);
  }
  trials.finish();
}

void Compiled::scan_at_keys(std::string_view text, std::size_t batch_bytes,
                            const std::function<void(std::vector<Match>&)>& emit) const {
  const KeyIndex& keys = key_index();
  Trials trials(rules_, scan_scratch(rules_.size()), text, batch_bytes, emit);
  std::array<std::span<const std::uint16_t>, StartIndex::kMaxLists> lists;
  std::array<std::uint64_t, kLongKeyLength + 1> prefix_hashes{};
  std::size_t hashed_at = static_cast<std::size_t>(-1), hashed = 0;
  WordFinder finder(text, keys.automaton);
  // Only in a text of news-article size: in a long one the words occur again further on nearly
  // everywhere, and the pass over the text would cost more than the tries it spares.
  constexpr std::size_t kFilteredText = 256u << 10;
  const bool filter = text.size() <= kFilteredText;
  for (std::size_t p = 0; p < text.size(); ++p) {
    // A match that starts inside a word is never kept: on to the word's last byte.
    if (p > 0 && is_word_byte(text[p - 1]) && is_word_byte(text[p])) {
      while (p + 1 < text.size() && is_word_byte(text[p + 1])) ++p;
      continue;
    }
    if (!keys.starts.may_start(key_byte(static_cast<unsigned char>(text[p])))) continue;
    const std::size_t list_count = keys.starts.candidates(text, p, lists.data());
    if (list_count == 0) continue;
    trials.at(p);
    for (std::size_t l = 0; l < list_count; ++l)
      for (std::uint16_t r : lists[l]) {
        if (!trials.fresh(p, r)) continue;
        // A rule whose required words do not all occur from here on cannot match here.
        if (filter && !keys.required[r].empty()) {
          bool possible = true;
          for (const auto& group : keys.required[r]) {
            bool any = false;
            for (std::uint16_t w : group) any = any || finder.after(w, p);
            if (!any) {
              possible = false;
              break;
            }
          }
          if (!possible) continue;
        }
        // Nor where the text does not begin with one of its long start keys (the bundled grammar's).
        if (keys.long_keys.tested(r)) {
          if (hashed_at != p) {
            hashed_at = p;
            hashed = LongKeys::hashes(text, p, prefix_hashes.data());
          }
          if (!keys.long_keys.pass(r, prefix_hashes.data(), hashed)) continue;
        }
        trials.attempt(p, r);
      }
    trials.done(p);
  }
  trials.finish();
}

std::vector<Match> Compiled::scan_reference(std::string_view text) const {
  std::vector<Match> candidates;
  std::vector<re2::StringPiece> groups;
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = rules_[r];
    const int n = static_cast<int>(rule.captures.size()) + 1;
    groups.assign(static_cast<std::size_t>(n), {});
    std::size_t pos = 0;
    while (pos <= text.size() && rule.re().Match(text, pos, text.size(), RE2::UNANCHORED, groups.data(), n)) {
      const std::size_t b = static_cast<std::size_t>(groups[0].data() - text.data());
      if (auto m = candidate(rule, r, text, groups, n)) {
        pos = m->end;
        candidates.push_back(std::move(*m));
      } else {
        pos = b + 1;
      }
    }
  }
  std::vector<Match> out;
  select_longest(candidates, out);
  return out;
}

std::optional<double> Compiled::parse_number(std::string_view text) const {
  std::string digits;
  bool has_digit = false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) has_digit = true;
  }
  if (has_digit) {
    double half = 0;
    for (std::string_view frac : {std::string_view("1/2"), std::string_view("\xC2\xBD")}) {
      if (const auto at = text.find(frac); at != std::string_view::npos) {
        half = 0.5;
        text = trim(text.substr(0, at));
      }
    }
    for (char c : text)
      if (c != ',') digits += c;
    if (digits.empty() && half > 0) return half;
    try {
      std::size_t used = 0;
      const double v = std::stod(digits, &used);
      if (used != digits.size() || !std::isfinite(v) || v < 0 || v > 1e9) return std::nullopt;
      return v + half;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  const Vocab* words = vocab("numword");
  if (!words) return std::nullopt;
  const std::string norm = normalise(text);
  if (norm == "a" || norm == "an") return 1.0;  // the article as a count: "a year ago"
  const auto tokens = split_words(norm);
  double total = 0, current = 0;
  bool any = false;
  for (std::size_t i = 0; i < tokens.size();) {
    if (tokens[i] == "and" || tokens[i] == "of") {
      ++i;
      continue;
    }
    // Longest vocabulary phrase starting at token i.
    bool found = false;
    for (std::size_t len = std::min(longest_number_phrase_, tokens.size() - i); len >= 1; --len) {
      std::string phrase;
      for (std::size_t k = i; k < i + len; ++k) {
        if (k > i) phrase += ' ';
        phrase += tokens[k];
      }
      auto it = words->values.find(phrase);
      if (it == words->values.end()) continue;
      const std::string& v = it->second;
      if (v == "X") return -1.0;
      if (!v.empty() && v[0] == 'x') {  // multiplier: "hundred" x100, "dozen" x12
        const double mul = std::stod(v.substr(1));
        if (mul >= 1000) {
          total += (current == 0 ? 1 : current) * mul;
          current = 0;
        } else {
          current = (current == 0 ? 1 : current) * mul;
        }
      } else {
        current += std::stod(v);
      }
      any = true;
      found = true;
      i += len;
      break;
    }
    if (!found) return std::nullopt;
  }
  if (!any) return std::nullopt;
  return total + current;
}

std::optional<int> Compiled::parse_ordinal(std::string_view text) const {
  std::string_view t = trim(text);
  if (!t.empty() && std::isdigit(static_cast<unsigned char>(t.front()))) {
    int v = 0;
    std::size_t i = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && v < 100000) v = v * 10 + (t[i++] - '0');
    return v;
  }
  const Vocab* ords = vocab("ordword");
  if (!ords) return std::nullopt;
  const std::string norm = normalise(t);
  auto tokens = split_words(norm);
  if (tokens.empty()) return std::nullopt;
  auto last = ords->values.find(std::string(tokens.back()));
  if (last == ords->values.end()) return std::nullopt;
  int v = std::stoi(last->second);
  if (tokens.size() > 1) {
    std::string head(norm.substr(0, norm.size() - tokens.back().size()));
    auto n = parse_number(trim(head));
    if (!n || *n < 0) return std::nullopt;
    v += static_cast<int>(*n);
  }
  return v;
}

std::optional<Frame> Compiled::frame_of(const Match& m) const {
  const Rule& rule = rules_[m.rule];
  Frame f = rule.base;
  for (std::size_t i = 0; i < rule.captures.size(); ++i) {
    const Capture& cap = rule.captures[i];
    std::string_view text = m.groups[i];
    if (text.data() == nullptr || cap.field == "=") continue;  // optional slot not taken, or the span
    std::string value;
    switch (cap.parser) {
      case SlotParser::table: {
        auto it = cap.vocab->values.find(normalise(text));
        if (it == cap.vocab->values.end()) return std::nullopt;
        if (cap.field == "-") continue;
        value = it->second;
        break;
      }
      case SlotParser::integer: {
        for (char c : text)
          if (std::isdigit(static_cast<unsigned char>(c))) value += c;
        while (value.size() > 1 && value[0] == '0') value.erase(0, 1);
        if (value.empty() || value.size() > 6) return std::nullopt;
        break;
      }
      case SlotParser::number: {
        auto n = parse_number(text);
        if (!n) return std::nullopt;
        if (*n < 0) {
          value = "X";
        } else {
          // As a stream writes it ("%g": six significant digits), without a stream per number.
          char digits[32];
          const auto written = std::to_chars(digits, digits + sizeof digits, *n, std::chars_format::general, 6);
          value.assign(digits, written.ptr);
        }
        break;
      }
      case SlotParser::year_words: {
        // "nineteen ninety-six": a century then a number; "two thousand and one": one number.
        const std::string norm = normalise(text);
        std::optional<double> year;
        if (norm.find("thousand") != std::string::npos) {
          year = parse_number(norm);
        } else {
          const auto sp = norm.find(' ');
          if (sp == std::string::npos) return std::nullopt;
          std::string rest = norm.substr(sp + 1);
          if (rest.rfind("hundred", 0) == 0) rest = rest.substr(7);
          const auto century = parse_number(norm.substr(0, sp));
          const auto within = trim(rest).empty() ? std::optional<double>(0) : parse_number(trim(rest));
          if (century && within && *century > 0 && *within >= 0 && *within < 100) year = *century * 100 + *within;
        }
        if (!year || *year < 1000 || *year > 2999) return std::nullopt;
        value = std::to_string(static_cast<int>(*year));
        break;
      }
      case SlotParser::era_year: {
        // The digits, and a B (BC, B.C., BCE) for a year before AD 1, counted astronomically:
        // 1 BC is the year 0 of the calendar, 480 BC the year -479.
        int year = 0;
        bool bc = false;
        for (char c : text) {
          if (std::isdigit(static_cast<unsigned char>(c)) && year < 100000)
            year = year * 10 + (c - '0');
          else if (c == 'B' || c == 'b')
            bc = true;
        }
        if (year < 1 || year > 9999) return std::nullopt;
        value = std::to_string(bc ? 1 - year : year);
        break;
      }
      case SlotParser::ordinal: {
        auto n = parse_ordinal(text);
        if (!n) return std::nullopt;
        value = std::to_string(*n);
        break;
      }
    }
    if (!set_frame_field(f, cap.field, value)) return std::nullopt;
  }
  return f;
}

}  // namespace timeliner::grammar
