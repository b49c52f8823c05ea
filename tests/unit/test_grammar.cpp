#include "grammar/compiled.hpp"

#include <timeliner/extract.hpp>

#include <boost/test/unit_test.hpp>

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

BOOST_AUTO_TEST_SUITE(grammar)

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
