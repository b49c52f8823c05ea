#include "grammar/compiled.hpp"
#include "support/process.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/json.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>

using namespace timeliner;

namespace {
bool throws_with(const std::string& source, const std::string& fragment) {
  try {
    Grammar g(source);
  } catch (const std::runtime_error& e) {
    if (std::string(e.what()).find(fragment) != std::string::npos) return true;
    BOOST_TEST_MESSAGE("unexpected message: " << e.what());
    return false;
  }
  return false;
}
}  // namespace

namespace {
// The files of the corpus texts, the fixtures and the TBAQ texts when present, in path order.
std::vector<std::filesystem::path> test_text_files() {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const char* dir : {TIMELINER_SOURCE_DIR "/tests/corpus", TIMELINER_SOURCE_DIR "/tests/fixtures",
                          TIMELINER_SOURCE_DIR "/../shared/corpora/tbaq"}) {
    if (!fs::exists(dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

namespace timeliner::grammar {
extern const char* const kEnglishSource;
extern const PrecomputedIndex kEnglishIndex;
extern const PrecomputedScan kEnglishScan;
}  // namespace timeliner::grammar

BOOST_AUTO_TEST_SUITE(grammar)

// The bundled grammar is compiled lazily by Grammar::english(): compiled eagerly here, every one of
// its patterns must be valid.
BOOST_AUTO_TEST_CASE(english_grammar_compiles_eagerly) {
  BOOST_CHECK_NO_THROW(Grammar(timeliner::grammar::kEnglishSource, Grammar::eager));
}

// scan() tries each rule only where its start keys occur; it must find exactly what searching each
// rule over the whole text finds: on the corpus texts, the fixtures, the TBAQ texts when present,
// and texts made to trip it (non-ASCII, case, matches at the very start and end).
BOOST_AUTO_TEST_CASE(scan_equals_reference_scan) {
  const auto& c = Grammar::english().compiled();
  auto same = [&](const std::string& text, const std::string& what) {
    const auto fast = c.scan(text), slow = c.scan_reference(text);
    bool equal = fast.size() == slow.size();
    for (std::size_t i = 0; equal && i < fast.size(); ++i)
      equal = fast[i].begin == slow[i].begin && fast[i].end == slow[i].end && fast[i].rule == slow[i].rule &&
              fast[i].span_begin == slow[i].span_begin && fast[i].span_end == slow[i].span_end &&
              fast[i].groups == slow[i].groups;
    BOOST_TEST(equal, what << ": " << fast.size() << " vs " << slow.size() << " matches");
  };
  for (const char* t :
       {"2025", "Yesterday", "YESTERDAY, LAST WEEK and NEXT MONTH", "\xE2\x80\x9CLast year\xE2\x80\x9D",
        "the \xC2\xBD year",
        "\xE2\x82\xAC"
        "5 million in Q1 2024",
        "on  Monday,\n\nJanuary 5", "Ja\xE2\x84\xAA 5", "two   days\tlater", "(555) 123-4567 at 5 p.m."})
    same(t, t);
  for (const auto& f : test_text_files()) same(timeliner::testing::read_file(f), f.string());
}

namespace {
// The corpus texts, the fixtures and the TBAQ texts when present, one after the other.
std::string all_test_texts() {
  std::string all;
  for (const auto& f : test_text_files()) {
    all += timeliner::testing::read_file(f);
    all += "\n\n";
  }
  return all;
}
}  // namespace

// scan_batches() cuts the text where no match can straddle the cut: its batches, whatever their
// size, are scan()'s matches exactly, in order, matches near the cuts included.
BOOST_AUTO_TEST_CASE(scan_batches_equal_scan) {
  const auto& c = Grammar::english().compiled();
  const std::string text = all_test_texts() + "on May 5, 2020 and 12:30 p.m. then yesterday, two days later";
  const auto whole = c.scan(text);
  BOOST_TEST(whole.size() > 1000u);
  for (std::size_t batch_bytes :
       {std::size_t{0}, std::size_t{1}, std::size_t{13}, std::size_t{200}, std::size_t{4096}, std::size_t{1} << 20}) {
    std::vector<timeliner::grammar::Match> joined;
    std::size_t batches = 0;
    bool ordered = true;  // each batch ends before the next begins
    c.scan_batches(text, batch_bytes, [&](std::vector<timeliner::grammar::Match>& batch) {
      ++batches;
      if (!joined.empty() && !batch.empty() && joined.back().end > batch.front().begin) ordered = false;
      for (auto& m : batch) joined.push_back(std::move(m));
    });
    bool equal = joined.size() == whole.size();
    for (std::size_t i = 0; equal && i < whole.size(); ++i)
      equal = joined[i].begin == whole[i].begin && joined[i].end == whole[i].end && joined[i].rule == whole[i].rule &&
              joined[i].span_begin == whole[i].span_begin && joined[i].span_end == whole[i].span_end &&
              joined[i].groups == whole[i].groups;
    BOOST_TEST(equal, "batches of " << batch_bytes << " bytes: " << joined.size() << " vs " << whole.size());
    BOOST_TEST(ordered);
    if (batch_bytes <= 200) BOOST_TEST(batches > 100u, batches << " batches of " << batch_bytes << " bytes");
  }
  std::size_t calls = 0;
  c.scan_batches("", 1, [&](std::vector<timeliner::grammar::Match>&) { ++calls; });
  BOOST_TEST(calls == 0u);
}

// extract_each() tags block by block: the mentions, written as extract's JSON lines, are those of
// extract() over the whole document, for any block size (the state carried from one mention to the
// next, the sentence and the anchor dates, crosses the cuts).
BOOST_AUTO_TEST_CASE(extract_each_in_blocks_equals_extract) {
  Document doc;
  doc.id = "all";
  doc.text = all_test_texts();
  doc.published = parse_instant("2005-06-15");
  for (ExtractOptions options : {ExtractOptions{}, ExtractOptions{DocType::narrative, true}}) {
    std::string expected;
    for (const auto& m : extract(Grammar::english(), doc, options)) append_mention_json_line(expected, doc.id, m);
    BOOST_TEST(expected.size() > 10000u);
    for (std::size_t block : {std::size_t{1}, std::size_t{97}, std::size_t{5000}, std::size_t{1} << 20}) {
      std::string got;
      extract_each(
          Grammar::english(), doc, options, [&](Mention& m) { append_mention_json_line(got, doc.id, m); }, block);
      BOOST_TEST((got == expected), "blocks of " << block << " bytes");
    }
  }
}

// Required words: found by RE2's prefilter analysis; alternatives give one group; words with letters
// that RE2 folds from non-ASCII ones (k, s) and very common words are not used.
BOOST_AUTO_TEST_CASE(required_words_of_patterns) {
  using namespace timeliner::grammar;
  const auto req = required_words({"(?i:\\d+\\s+(?:days|weeks)\\s+ago)", "(?i:\\d+\\s+(?:later|after))",
                                   "(?i:\\d+\\s+weeks)", "(?i:in\\s+the\\s+morning)", "\\d+"});
  BOOST_TEST_REQUIRE(req.size() == 5u);
  BOOST_TEST(encode_required(req) == "ago\nafter|later\n\nmorning\n\n");
  BOOST_TEST(decode_required(encode_required(req)) == req);
}

// The automaton finds the last place each word begins, ASCII case aside, overlapping words included.
BOOST_AUTO_TEST_CASE(word_automaton_finds_last_occurrences) {
  using namespace timeliner::grammar;
  WordAutomaton a;
  a.build({"ago", "after", "thereafter", "now"});
  const auto last = a.last_occurrences("Two days AGO, and thereAfter... Now? ago");
  const std::size_t none = static_cast<std::size_t>(-1);
  BOOST_TEST(last[0] == 37u);
  BOOST_TEST(last[1] == 23u);
  BOOST_TEST(last[2] == 18u);
  BOOST_TEST(last[3] == 32u);
  BOOST_TEST(a.last_occurrences("nothing here")[1] == none);
  BOOST_TEST(a.last_occurrences("")[0] == none);
}

// A rule tried only where its required words occur further on finds what it found before: the
// match at the very end, the word in capitals, the word far from the start of the match.
BOOST_AUTO_TEST_CASE(required_words_keep_every_match) {
  const auto& c = Grammar::english().compiled();
  for (const char* t : {"3 years ago", "THREE YEARS AGO", "two   days\n\t later", "two days later. Ago",
                        "a year and a half", "5 days from now", "5 days from Now", "ago 5 days"}) {
    const auto fast = c.scan(t), slow = c.scan_reference(t);
    bool equal = fast.size() == slow.size();
    for (std::size_t i = 0; equal && i < fast.size(); ++i)
      equal = fast[i].begin == slow[i].begin && fast[i].end == slow[i].end && fast[i].rule == slow[i].rule;
    BOOST_TEST(equal, t);
  }
}

// Rules tried only where the text begins with one of their long start keys (white space runs as one
// space, ASCII case aside) find what they found before: runs of spaces, tabs and line ends inside
// the keys, capitals, keys cut by the end of the text, matches at the very end.
BOOST_AUTO_TEST_CASE(long_start_keys_keep_every_match) {
  const auto& c = Grammar::english().compiled();
  for (const char* t :
       {"in  the\n\tyear", "IN THE YEAR.", "for the fiscal   year", "on President's Day", "PRESIDENTS' DAY",
        "on the 5th,", "on  the\nfifth", "the day after Christmas", "Monday, \t March  3, 2025", "two   weeks\nago",
        "in the", "at 5 p.m.", "noon  on Dec. 31", "the 1990s", "in the\r\nnear term", "Q3  2024"}) {
    const auto fast = c.scan(t), slow = c.scan_reference(t);
    bool equal = fast.size() == slow.size();
    for (std::size_t i = 0; equal && i < fast.size(); ++i)
      equal = fast[i].begin == slow[i].begin && fast[i].end == slow[i].end && fast[i].rule == slow[i].rule;
    BOOST_TEST(equal, t);
  }
  // The keys of a rule: the text's first bytes hashed as the keys are.
  using namespace timeliner::grammar;
  LongKeys keys;
  keys.build({{"in the year", "noon"}, {""}});
  std::array<std::uint64_t, kLongKeyLength + 1> h{};
  auto pass = [&](std::size_t rule, std::string_view text) {
    return keys.pass(rule, h.data(), LongKeys::hashes(text, 0, h.data()));
  };
  BOOST_TEST(keys.tested(0));
  BOOST_TEST(!keys.tested(1));  // an empty key: possible everywhere
  BOOST_TEST(pass(0, "In  The\n Year"));
  BOOST_TEST(pass(0, "NOON"));
  BOOST_TEST(pass(0, "noontime"));
  BOOST_TEST(!pass(0, "in the company"));
  BOOST_TEST(!pass(0, "in the"));
  BOOST_TEST(!pass(0, "no"));
}

// What the build laid out for the bundled grammar (src/grammar/keygen.cpp): the index of start keys
// that the analysis gives at run time, and with Hyperscan the scan database, which loads, so that
// the rules are tried where the one scan finds them. An index made for another source text is not
// taken.
BOOST_AUTO_TEST_CASE(precomputed_scan_or_start_index_matches_the_analysis) {
  using namespace timeliner::grammar;
  const Compiled runtime(kEnglishSource, /*lazy=*/true);
  BOOST_TEST(!runtime.scans_once());  // compiled at run time: at its start keys
  const Compiled& bundled = Grammar::english().compiled();
  if (hyperscan_built()) {
    BOOST_TEST(kEnglishScan.source_hash == source_hash(kEnglishSource));
    BOOST_TEST(kEnglishScan.rules == runtime.rules().size());
    BOOST_TEST(kEnglishScan.database.size() > 100000u);
    BOOST_TEST(kEnglishScan.everywhere.empty());  // every rule of the grammar is in the database
    BOOST_TEST(bundled.scans_once());
  } else {
    BOOST_TEST(!bundled.scans_once());
    BOOST_TEST(kEnglishScan.rules == 0u);
  }
  {
    const StartIndexData a = runtime.key_index().starts.data(), b = kEnglishIndex.index;
    BOOST_TEST(kEnglishIndex.source_hash == source_hash(kEnglishSource));
    BOOST_TEST(kEnglishIndex.key_length == kKeyLength);
    BOOST_TEST(kEnglishIndex.rules == runtime.rules().size());
    auto same = [](auto x, auto y) { return std::equal(x.begin(), x.end(), y.begin(), y.end()); };
    BOOST_TEST(same(a.empty, b.empty));
    BOOST_TEST(same(a.rules, b.rules));
    BOOST_TEST(same(a.one, b.one));
    BOOST_TEST(same(a.slots, b.slots));
    BOOST_TEST(same(a.first, b.first));
    BOOST_TEST(a.shift == b.shift);
    BOOST_TEST(b.slots.size() > 1000u);
    // The words the rules require, the same too, and the long start keys.
    BOOST_TEST(std::string(kEnglishIndex.required) == runtime.required_text());
    std::vector<std::string_view> patterns;
    for (const Rule& r : runtime.rules()) patterns.push_back(r.pattern);
    LongKeys long_keys;
    long_keys.build(start_keys(patterns, kLongKeyLength, true));
    const LongKeysData la = long_keys.data(), lb = kEnglishIndex.long_keys;
    BOOST_TEST(kEnglishIndex.long_key_length == kLongKeyLength);
    BOOST_TEST(same(la.masks, lb.masks));
    BOOST_TEST(same(la.table, lb.table));
    BOOST_TEST(la.shift == lb.shift);
    BOOST_TEST(lb.table.size() > 1000u);
    BOOST_TEST(runtime.key_index().words.size() > 10u);
  }
  // Made for another source: ignored. (Taken, this index of an empty grammar would find nothing.)
  const std::string other = "@rule t DATE ref :: today\n";
  const std::vector<std::uint32_t> one(512, 0);
  const std::vector<std::uint8_t> first(256, 0);
  const PrecomputedIndex wrong{source_hash(kEnglishSource), kKeyLength, 1, {{}, {}, one, {}, first, 64}};
  const Compiled small(other, false, &wrong);
  BOOST_TEST(small.scan("today").size() == 1u);
  const PrecomputedIndex right{source_hash(other), kKeyLength, 1, {{}, {}, one, {}, first, 64}};
  const Compiled trusting(other, false, &right);
  BOOST_TEST(trusting.scan("today").empty());
  // A scan database made for another source is not taken either; one that does not load (here,
  // none) leaves the grammar at its start keys.
  const PrecomputedScan foreign{source_hash(kEnglishSource), 1, {}, {}, {}};
  BOOST_TEST(!Compiled(other, false, nullptr, &foreign).scans_once());
  const PrecomputedScan broken{source_hash(other), 1, {}, {}, {}};
  const Compiled fallback(other, false, nullptr, &broken);
  BOOST_TEST(!fallback.scans_once());
  BOOST_TEST(fallback.scan("today").size() == 1u);
}

// The bundled grammar comes from its parse laid out by the build (src/grammar/keygen.cpp), not from
// a parse at start-up: it is the parse of the grammar source, rule for rule and word for word.
BOOST_AUTO_TEST_CASE(precomputed_parse_equals_the_parse) {
  using namespace timeliner::grammar;
  const Compiled parsed(kEnglishSource, /*lazy=*/true);
  const Compiled& bundled = Grammar::english().compiled();
  BOOST_REQUIRE_EQUAL(bundled.rules().size(), parsed.rules().size());
  for (std::size_t r = 0; r < parsed.rules().size(); ++r) {
    const Rule &a = bundled.rules()[r], &b = parsed.rules()[r];
    BOOST_TEST(a.name == b.name);
    BOOST_TEST(a.source_line == b.source_line);
    BOOST_TEST(a.pattern == b.pattern);
    BOOST_TEST(a.has_span == b.has_span);
    BOOST_TEST((a.base == b.base), a.name);
    BOOST_REQUIRE_EQUAL(a.captures.size(), b.captures.size());
    for (std::size_t c = 0; c < a.captures.size(); ++c) {
      BOOST_TEST(a.captures[c].field == b.captures[c].field);
      BOOST_TEST((a.captures[c].parser == b.captures[c].parser));
      BOOST_TEST((a.captures[c].vocab ? a.captures[c].vocab->name : "") ==
                 (b.captures[c].vocab ? b.captures[c].vocab->name : ""));
    }
  }
  BOOST_REQUIRE_EQUAL(bundled.vocabularies().size(), parsed.vocabularies().size());
  for (const auto& [name, v] : parsed.vocabularies()) {
    const Vocab* w = bundled.vocab(name);
    BOOST_REQUIRE(w);
    BOOST_TEST(w->field == v.field);
    BOOST_TEST(w->cased == v.cased);
    BOOST_TEST((w->values == v.values), name);
  }
  BOOST_TEST(bundled.longest_number_phrase() == parsed.longest_number_phrase());
  BOOST_TEST(bundled.longest_number_phrase() > 1u);
  // The definitions code tests text with, those without slots (the words that join a clock and its day).
  for (std::string_view name : parsed.definition_names())
    BOOST_TEST(bundled.definition(name) == parsed.definition(name), name);
  BOOST_TEST(!bundled.definition("join").empty());
}

BOOST_AUTO_TEST_CASE(english_grammar_compiles) {
  const Grammar& g = Grammar::english();
  BOOST_TEST(g.rule_count() > 100u);
  BOOST_TEST(&g == &Grammar::english());
}

BOOST_AUTO_TEST_CASE(rule_language_errors_name_the_line) {
  BOOST_TEST(throws_with("@rule r DATE calendar :: {nosuch}", "unknown slot {nosuch}"));
  BOOST_TEST(throws_with("@rule r DATE calendar :: (a)", "only slots capture"));
  BOOST_TEST(throws_with("@rule r DATE nosuchkind :: a", "unknown rule kind"));
  BOOST_TEST(throws_with("@rule r DATE calendar :: a(", "grammar:1: rule r"));
  BOOST_TEST(throws_with("\n\n@rule r DATE calendar month=13 :: a", "grammar:3: bad setting month=13"));
  BOOST_TEST(throws_with("@vocab v month\nfoo => 99\n", "not valid for field month"));
  BOOST_TEST(throws_with("@define x %x\n@rule r DATE calendar :: %x", "nest too deeply"));
  BOOST_TEST(throws_with("# nothing\n", "no rules"));
}

BOOST_AUTO_TEST_CASE(small_grammar_matches_and_fills_frames) {
  const std::string src =
      "@vocab m month\n"
      "jan | january => 1\n"
      "\n"
      "@slot d day int \\d{1,2}\n"
      "@rule md DATE calendar :: {m}\\s+{d}\n"
      "@rule ctx DATE calendar year=2000 :: in\\s+<<{m}>>\n";
  Grammar g(src);
  const auto& c = g.compiled();
  auto matches = c.scan("born Jan 5 and in january");
  BOOST_REQUIRE_EQUAL(matches.size(), 2u);
  auto f = c.frame_of(matches[0]);
  BOOST_REQUIRE(f);
  BOOST_TEST(*f->month == 1);
  BOOST_TEST(*f->day == 5);
  BOOST_TEST(matches[1].span_begin == 18u);  // "january", without "in"
  BOOST_TEST(matches[1].span_end == 25u);
  BOOST_TEST(*c.frame_of(matches[1])->year == 2000);
  // Not inside words.
  BOOST_TEST(c.scan("janitor 5").empty());
}

BOOST_AUTO_TEST_CASE(longest_match_wins_then_rule_order) {
  Grammar g(
      "@rule short DATE ref ref=0 :: now\n"
      "@rule long DATE ref ref=1 :: now\\s+on\n"
      "@rule same DATE ref ref=-1 :: now\n");
  auto matches = g.compiled().scan("right now on");
  BOOST_REQUIRE_EQUAL(matches.size(), 1u);
  BOOST_TEST(g.compiled().rules()[matches[0].rule].name == "long");
  matches = g.compiled().scan("now");
  BOOST_REQUIRE_EQUAL(matches.size(), 1u);
  BOOST_TEST(g.compiled().rules()[matches[0].rule].name == "short");
}

BOOST_AUTO_TEST_CASE(numerals_in_words_and_digits) {
  const auto& c = Grammar::english().compiled();
  BOOST_TEST(*c.parse_number("twenty-five") == 25);
  BOOST_TEST(*c.parse_number("a dozen") == 12);
  BOOST_TEST(*c.parse_number("two hundred and fifty") == 250);
  BOOST_TEST(*c.parse_number("three thousand") == 3000);
  BOOST_TEST(*c.parse_number("1,500") == 1500);
  BOOST_TEST(*c.parse_number("2.5") == 2.5);
  BOOST_TEST(*c.parse_number("a couple of") == 2);
  BOOST_TEST(*c.parse_number("half a") == 0.5);
  BOOST_TEST(*c.parse_number("several") < 0);  // vague
  BOOST_TEST(!c.parse_number("banana"));
  BOOST_TEST(*c.parse_ordinal("twenty-first") == 21);
  BOOST_TEST(*c.parse_ordinal("3rd") == 3);
  BOOST_TEST(*c.parse_ordinal("ninth") == 9);
}

BOOST_AUTO_TEST_SUITE_END()
