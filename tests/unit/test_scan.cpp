// The one scan (src/grammar/scan_db.hpp): patterns turned around for Hyperscan find every place
// where an RE2 match starts, and the bundled grammar tried at those places finds what it finds at
// its start keys (the path of a build without Hyperscan), mention for mention.
#include "grammar/compiled.hpp"
#include "grammar/reverse.hpp"
#if TIMELINER_WITH_HYPERSCAN
#include "grammar/scan_build.hpp"
#endif
#include "support/process.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/json.hpp>
#include <timeliner/load.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

using namespace timeliner;
using namespace timeliner::grammar;

namespace timeliner::grammar {
extern const char* const kEnglishSource;
}

BOOST_AUTO_TEST_SUITE(scan)

// The patterns turned around: a concatenation reads backwards, the bytes of a character too;
// what the analysis does not know gives nothing (the rule is then tried everywhere).
BOOST_AUTO_TEST_CASE(patterns_are_turned_around) {
  BOOST_TEST(reverse_pattern("abc")->pattern == "cba");
  BOOST_TEST(reverse_pattern("ab|cd")->pattern == "(?:ba|dc)");
  BOOST_TEST(reverse_pattern("a(?:bc)+")->pattern == "(?:cb)+a");
  BOOST_TEST(reverse_pattern("ab{2,3}c")->pattern == "c(?:b){2,3}a");
  BOOST_TEST(reverse_pattern("^a$")->pattern == "\\Aa\\z");  // the ends trade places
  BOOST_TEST(reverse_pattern("\xC2\xBD")->pattern == "\\xBD\\xC2");
  BOOST_TEST(reverse_pattern("a\\b")->pattern == "\\ba");
  BOOST_TEST(!reverse_pattern("ab")->loose);
  BOOST_TEST(reverse_pattern("a.b")->loose);
  BOOST_TEST(reverse_pattern("[^a]")->loose);
  BOOST_TEST(reverse_pattern("a{2,}")->min_length == 2u);
  BOOST_TEST(reverse_pattern("(?:ab)?")->min_length == 0u);
  BOOST_TEST(!reverse_pattern("a(b"));
  BOOST_TEST(!reverse_pattern("(?=a)"));
  BOOST_TEST(!reverse_pattern("\\1"));
  ReverseOptions no_anchors;
  no_anchors.anchors = false;
  BOOST_TEST(reverse_pattern("^a", no_anchors)->pattern == "a");
  BOOST_TEST(reverse_pattern("^a", no_anchors)->loose);
  // Whether every match holds a digit: the second database leaves such rules out for texts without one.
  BOOST_TEST(reverse_pattern("\\d+ days")->needs_digit);
  BOOST_TEST(reverse_pattern("(?i:in\\s+[0-9]{4})")->needs_digit);
  BOOST_TEST(reverse_pattern("(?:1|2)(?:st|nd)|3rd")->needs_digit);
  BOOST_TEST(!reverse_pattern("(?:\\d+|one) days")->needs_digit);
  BOOST_TEST(!reverse_pattern("\\d* days")->needs_digit);
  BOOST_TEST(!reverse_pattern("[\\d,] days")->needs_digit);
  BOOST_TEST(!reverse_pattern("(?:\\d)? days")->needs_digit);
  BOOST_TEST(!reverse_pattern("\\D")->needs_digit);
}

#if TIMELINER_WITH_HYPERSCAN

namespace {

bool is_word_byte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

// Where RE2 finds a match of `pattern` (not empty) anchored, at each place a word may start.
std::set<std::size_t> re2_starts(const std::string& pattern, std::string_view text) {
  RE2::Options opts;
  opts.set_longest_match(true);
  opts.set_log_errors(false);
  const RE2 re(pattern, opts);
  BOOST_REQUIRE_MESSAGE(re.ok(), pattern << ": " << re.error());
  std::set<std::size_t> out;
  for (std::size_t p = 0; p < text.size(); ++p) {
    if (p > 0 && is_word_byte(text[p - 1]) && is_word_byte(text[p])) continue;
    re2::StringPiece m;
    if (re.Match(text, p, text.size(), RE2::ANCHOR_START, &m, 1) && !m.empty()) out.insert(p);
  }
  return out;
}

std::vector<std::string_view> pattern_views(const std::vector<std::string>& patterns) {
  return {patterns.begin(), patterns.end()};
}

// The TimeML articles of TBAQ, when the corpus is there.
std::filesystem::path tbaq() {
  return std::filesystem::path(TIMELINER_SOURCE_DIR) / ".." / "shared" / "corpora" / "tbaq";
}

}  // namespace

// Hyperscan, scanning the text turned around, finds exactly the places where RE2 finds a match
// (more where a construct is written loosely, never fewer), for every construct the grammar's
// patterns use and more: case folding (the Kelvin sign and the long s that RE2 folds to k and s),
// classes with characters beyond ASCII, negated classes, anchors, word boundaries, counted
// repeats, flags.
BOOST_AUTO_TEST_CASE(scan_finds_every_start_of_re2) {
  const std::vector<std::string> patterns = {
      "(?i:\\d+\\s+days?\\s+ago)",
      "(?i:last\\s+(?:week|month|year))",
      "(?i:we(?:eks|ek)\\b)",
      "(?i:(?-i:[A-Z][a-z]+)\\s+\\d{1,2})",
      "[$\xE2\x82\xAC\xC2\xA3]\\s?\\d+",
      "\\d{1,3}(?:,\\d{3})+",
      "(?i:the\\s+(?:first|1st)\\s+half)",
      "[\xE2\x80\x98\xE2\x80\x99']\\d\\d",
      "(?i:caf\xC3\xA9)",
      "\\d+\\s*\xC2\xBD",
      "^\\w+",
      "\\d+$",
      "(?i:x.y)",
      "(?i:a[^b]c)",
      "\\D\\d",
      "\\S+@\\S+",
      "(?i:\\Qa.b\\E)",
      "\\x{20AC}\\d",
      "[[:digit:]]+[[:alpha:]]",
      "(?i)mid(?-i:DAY)",
      "\\bon\\b\\s+\\w",
      "(?i:sk)",
  };
  const std::vector<std::string> texts = {
      "3 days ago, 12 DAYS AGO and 1 day ago; last week, LAST YEAR; weeks and WEEK ago",
      "Monday 5, JUNE 12; $5, \xE2\x82\xAC 20, \xC2\xA3"
      "3; 1,000,000 and 12,34",
      "the first half, The 1st Half; \xE2\x80\x99"
      "98 and '05; CAF\xC3\x89 caf\xC3\xA9 Caf\xC3\xA9",
      "2\xC2\xBD and 3 \xC2\xBD; x-y X\xC3\xA9Y x\ny; abc aXc a\xC3\xA9"
      "c; a1 b2; mail me@example.org now",
      "a.b A.B axb; \xE2\x82\xAC"
      "9; 12ab 3c; midDAY MIDday; on time, ON it, upon",
      // RE2 folds k to the Kelvin sign and s to the long s: "we\xE2\x84\xAA" is "wek" to it.
      "wee\xE2\x84\xAA, WEE\xE2\x84\xAA"
      "S, we\xE2\x84\xAA, \xC5\xBFk, \xC5\xBF\xE2\x84\xAA, 4 day\xC5\xBF ago",
      "",
      "7",
      // No digit: scanned against the database without the rules whose matches all hold one.
      "Last WEEK, the first half of the year: weeks ago, upon a caf\xC3\xA9, on time. sk",
      "on time, weeks ago 12",  // its digits only in the last sixteen bytes
      "on time, weeks ago 12 and two days later",
  };
  const BuiltScan built = build_scan(pattern_views(patterns));
  BOOST_TEST(built.everywhere.empty());
  BOOST_TEST(!built.without_digits.empty());
  BOOST_TEST(built.without_digits.size() < built.database.size());
  const PrecomputedScan data{
      0,
      patterns.size(),
      {reinterpret_cast<const unsigned char*>(built.database.data()), built.database.size()},
      {},
      {reinterpret_cast<const unsigned char*>(built.without_digits.data()), built.without_digits.size()}};
  const StartScanner scanner(data, 0);  // the database without digits from the first text on
  BOOST_REQUIRE(scanner.usable());
  const std::set<std::uint16_t> loose(built.loose.begin(), built.loose.end());
  std::vector<std::uint64_t> found;
  auto check = [&](const std::string& text, const std::string& what) {
    scanner.starts(text, found);
    BOOST_TEST(std::is_sorted(found.begin(), found.end()));
    for (std::size_t r = 0; r < patterns.size(); ++r) {
      std::set<std::size_t> hs;
      for (std::uint64_t s : found)
        if ((s & 0xFFFF) == r) hs.insert(static_cast<std::size_t>(s >> 16));
      const auto want = re2_starts(patterns[r], text);
      const bool covers = std::includes(hs.begin(), hs.end(), want.begin(), want.end());
      BOOST_TEST(covers, what << ": " << patterns[r] << " misses a start of RE2");
      if (!loose.count(static_cast<std::uint16_t>(r)))
        BOOST_TEST((hs == want), what << ": " << patterns[r] << ": " << hs.size() << " places, RE2 " << want.size());
    }
  };
  for (const auto& t : texts) check(t, t);
  std::string all;
  for (const auto& t : texts) all += t + "\n";
  check(all, "all together");
  BOOST_TEST(built.loose.size() >= 5u);  // '.', [^b], \D, \S, \w with (?i), the non-ASCII letter under (?i)
}

// The bundled grammar tried where the one scan finds its rules finds what it finds at its start keys
// (the path without Hyperscan): the same matches in every test text, and extract's JSON lines for
// each TBAQ article, byte for byte.
BOOST_AUTO_TEST_CASE(one_scan_equals_start_keys) {
  const Grammar& once = Grammar::english();
  BOOST_REQUIRE(once.compiled().scans_once());
  const Grammar keys(kEnglishSource, Grammar::lazy);
  BOOST_REQUIRE(!keys.compiled().scans_once());
  std::vector<std::filesystem::path> files;
  for (const auto& dir : {std::filesystem::path(TIMELINER_SOURCE_DIR) / "tests" / "corpus",
                          std::filesystem::path(TIMELINER_SOURCE_DIR) / "tests" / "fixtures"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
      if (e.is_regular_file()) files.push_back(e.path());
  for (const auto& f : files) {
    const std::string text = timeliner::testing::read_file(f);
    const auto a = once.compiled().scan(text), b = keys.compiled().scan(text);
    bool equal = a.size() == b.size();
    for (std::size_t i = 0; equal && i < a.size(); ++i)
      equal = a[i].begin == b[i].begin && a[i].end == b[i].end && a[i].rule == b[i].rule && a[i].groups == b[i].groups;
    BOOST_TEST(equal, f.string() << ": " << a.size() << " vs " << b.size() << " matches");
  }
  if (!std::filesystem::exists(tbaq())) {
    BOOST_TEST_MESSAGE("TBAQ comparison skipped: no corpus at " << tbaq().string());
    return;
  }
  std::size_t documents = 0, lines = 0;
  for (const auto& doc : load_inputs({tbaq().string()}, LoadOptions{})) {
    std::string a, b;
    extract_each(once, doc, {}, [&](Mention& m) {
      append_mention_json_line(a, doc.id, m);
      a += '\n';
      ++lines;
    });
    extract_each(keys, doc, {}, [&](Mention& m) {
      append_mention_json_line(b, doc.id, m);
      b += '\n';
    });
    BOOST_TEST((a == b), doc.id);
    ++documents;
  }
  BOOST_TEST(documents >= 256u);
  BOOST_TEST(lines > 1500u);
}

#else

BOOST_AUTO_TEST_CASE(no_hyperscan_in_this_build) {
  BOOST_TEST_MESSAGE("scan: built without Hyperscan: the rules are tried at their start keys");
  BOOST_TEST(!Grammar::english().compiled().scans_once());
}

#endif

BOOST_AUTO_TEST_SUITE_END()
