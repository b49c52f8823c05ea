#include <timeliner/text.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

using namespace timeliner;

namespace {
std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (auto s : split_sentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(replaces_invalid_utf8) {
  std::size_t bad = 0;
  BOOST_TEST(sanitize_utf8("caf\xC3\xA9", &bad) == "caf\xC3\xA9");
  BOOST_TEST(bad == std::string_view::npos);
  BOOST_TEST(sanitize_utf8("a\xFF"
                           "b",
                           &bad) ==
             "a\xEF\xBF\xBD"
             "b");
  BOOST_TEST(bad == 1u);
  BOOST_TEST(sanitize_utf8(std::string_view("a\0b", 3), &bad) ==
             "a\xEF\xBF\xBD"
             "b");
  BOOST_TEST(sanitize_utf8("\xEF\xBB\xBFhello") == "hello");
  // Overlong encodings and surrogates are invalid.
  BOOST_TEST(sanitize_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  BOOST_TEST(sanitize_utf8("\xED\xA0\x80").find("\xED") == std::string::npos);
  // A truncated sequence at the end.
  BOOST_TEST(sanitize_utf8("ok\xE2\x82") == "ok\xEF\xBF\xBD\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(counts_code_points) {
  BOOST_TEST(count_code_points("na\xC3\xAFve \xE2\x80\x94 \xF0\x9F\x93\x85") == 9u);
  std::string t = "\xC3\xA9t\xC3\xA9 2025";
  CodePointCounter c(t);
  BOOST_TEST(c.at(0) == 0u);
  BOOST_TEST(c.at(2) == 1u);
  BOOST_TEST(c.at(t.size()) == 8u);
  BOOST_TEST(c.at(3) == 2u);  // going back works too
  // Long texts, counted in blocks: every length up to a few blocks, and more than 255 blocks at once.
  const std::string unit = "d\xC3\xA9j\xC3\xA0 \xE2\x80\x94 \xF0\x9F\x93\x85 vu.";  // 12 code points, 19 bytes
  std::string many;
  for (int k = 0; k < 300; ++k) many += unit;
  BOOST_TEST(count_code_points(many) == 3600u);
  for (std::size_t length = 0; length <= 100; ++length) {
    const std::string_view part = std::string_view(many).substr(0, length);
    std::size_t expected = 0;
    for (char ch : part) expected += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    BOOST_TEST(count_code_points(part) == expected, "length " << length);
  }
}

// Sentence ends found wherever they fall in the blocks of bytes read at once, and abbreviations
// known in any case whatever comes before them.
BOOST_AUTO_TEST_CASE(splits_sentences_at_any_offset) {
  for (std::size_t pad = 0; pad < 40; ++pad) {
    const std::string first = std::string(pad, 'x') + " was held on DEC. 5 and Sept. 9 by Gov. Lee.";
    auto s = sentences(first + " Then Prof. Kim\nspoke! Why?");
    BOOST_TEST_REQUIRE(s.size() == 3u, "pad " << pad);
    BOOST_TEST(s[0] == (pad == 0 ? first.substr(1) : first));
    BOOST_TEST(s[1] == "Then Prof. Kim\nspoke!");
    BOOST_TEST(s[2] == "Why?");
  }
  // A word of more than five letters before a period is no abbreviation; a single letter is.
  BOOST_TEST(sentences("It rose by approx. Ten people came.").size() == 2u);
  BOOST_TEST(sentences("Ask J. Smith about it.").size() == 1u);
}

BOOST_AUTO_TEST_CASE(splits_sentences) {
  auto s = sentences("The vote was on Jan. 5 in the U.S. Senate. Mr. Smith left! Did he? Yes.");
  BOOST_TEST(s.size() == 4u);
  BOOST_TEST(s[0] == "The vote was on Jan. 5 in the U.S. Senate.");
  BOOST_TEST(s[1] == "Mr. Smith left!");
  auto p = sentences("Headline Without Period\n\nFirst paragraph here.\nIt goes on.\n\n  Second one");
  BOOST_TEST(p.size() == 4u);
  BOOST_TEST(p[0] == "Headline Without Period");
  BOOST_TEST(p[3] == "Second one");
  auto q = sentences("He said \"It is over.\" Then he left at 5 p.m. Monday.");
  BOOST_TEST(q.size() == 2u);
  BOOST_TEST(sentences("").empty());
  BOOST_TEST(sentences("   \n\n ").empty());
}

BOOST_AUTO_TEST_SUITE_END()
