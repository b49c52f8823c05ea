// Loading inputs: formats, publication date detection, encodings, folders, skipped files.
#include <timeliner/extract.hpp>
#include <timeliner/load.hpp>

#include "load/internal.hpp"

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace timeliner;

namespace {

const fs::path kPages = fs::path(TIMELINER_SOURCE_DIR) / "tests" / "fixtures" / "pages";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) out.push_back(field);
  return out;
}

FileLoad load_page(const std::string& name, const LoadOptions& options = {}) {
  return load_file((kPages / name).string(), options);
}

Document only_document(const FileLoad& f) {
  BOOST_REQUIRE_EQUAL(f.documents.size(), 1u);
  return f.documents.front();
}

std::string published_of(const Document& d) { return d.published ? format_instant(*d.published) : "-"; }

struct TempDir {
  fs::path path;
  TempDir() {
    static int n = 0;
    path = fs::temp_directory_path() / ("timeliner-load-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, const std::string& content) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << content;
    return path / name;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(load)

// Every row of tests/fixtures/pages/expected.tsv: the date found, where, and a phrase resolved from it.
BOOST_AUTO_TEST_CASE(fixture_pages_match_expected_tsv) {
  std::ifstream in(kPages / "expected.tsv");
  BOOST_REQUIRE(in);
  std::string line;
  std::size_t rows = 0, passed = 0;
  std::set<std::string> listed;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto f = split_tabs(line);
    BOOST_REQUIRE_MESSAGE(f.size() == 6, "expected.tsv: six fields: " << line);
    ++rows;
    listed.insert(f[0]);
    const FileLoad loaded = load_page(f[0]);
    const Document* doc = nullptr;
    for (const auto& d : loaded.documents)
      if (d.id == f[1]) doc = &d;
    BOOST_TEST_CONTEXT(f[0] << " " << f[1]) {
      BOOST_TEST(doc != nullptr);
      if (!doc) continue;
      const std::string from = doc->published_from.empty() ? "-" : doc->published_from;
      std::string value = "(phrase not found)";
      for (const auto& m : extract(Grammar::english(), *doc))
        if (m.text.find(f[4]) != std::string::npos) {
          value = m.value.timex;
          break;
        }
      BOOST_TEST(published_of(*doc) == f[2]);
      BOOST_TEST(from == f[3]);
      BOOST_TEST(value == f[5], f[4]);
      passed += published_of(*doc) == f[2] && from == f[3] && value == f[5];
    }
  }
  BOOST_TEST_MESSAGE("fixture pages: " << passed << "/" << rows << " rows pass");
  BOOST_TEST(rows >= 25u);
  BOOST_TEST(passed == rows);
  // Every fixture is described.
  for (const auto& e : fs::directory_iterator(kPages))
    if (e.path().filename() != "expected.tsv")
      BOOST_TEST(listed.count(e.path().filename().string()) == 1u, e.path().filename() << " not in expected.tsv");
}

BOOST_AUTO_TEST_CASE(metadata_date_strings) {
  struct Case {
    const char* in;
    const char* out;
  };
  for (const auto& c : std::vector<Case>{
           {"2025-04-18", "2025-04-18"},
           {"2025-04-18T02:30:00+08:00", "2025-04-18T02:30+08:00"},
           {"2025-04-18T02:30:00Z", "2025-04-18T02:30+00:00"},
           {"2025-04-18T02:30:00.000Z", "2025-04-18T02:30+00:00"},
           {"2025-04-18T02:30:00-0500", "2025-04-18T02:30-05:00"},
           {"2025-04-18 02:30", "2025-04-18T02:30"},
           {"2025-04-18T02:30", "2025-04-18T02:30"},
           {"2025-04-18T02:30:59", "2025-04-18T02:30"},
           {"2025-04-18T02:30Z", "2025-04-18T02:30+00:00"},
           {"2025/04/18", "2025-04-18"},
           {"20250418", "2025-04-18"},
           {"Fri, 18 Apr 2025 02:30:00 +0800", "2025-04-18T02:30+08:00"},
           {"Fri, 18 Apr 2025 02:30:00 GMT", "2025-04-18T02:30+00:00"},
           {"March 9, 2021, 6:40 p.m. EST", "2021-03-09T18:40-05:00"},
           {"Apr 18, 2025 - 02:30", "2025-04-18T02:30"},
           {"18 April 2025", "2025-04-18"},
           {"April 18th, 2025 12:05 AM", "2025-04-18T00:05"},
           {"04/18/2025", "2025-04-18"},
           {"1744943400", "2025-04-18T02:30+00:00"},
       }) {
    const auto i = parse_date_string(c.in);
    BOOST_TEST((i ? format_instant(*i) : std::string("(none)")) == c.out, c.in);
  }
  for (const char* bad : {"", "yesterday", "2025-02-30", "April 2025", "18 April", "2025-13-01", "25:61 2025-04-18x",
                          "2025-04-18T24:30", "2025-02-30T10:00", "2025-04-18T23:60:00"})
    BOOST_TEST(!parse_date_string(bad), bad);
}

BOOST_AUTO_TEST_CASE(dates_in_urls) {
  auto day = [](const char* url) {
    const auto i = date_from_url(url);
    return i ? format_instant(*i) : std::string("-");
  };
  BOOST_TEST(day("https://news.example.com/world/2018/02/07/bridge-opens/") == "2018-02-07");
  BOOST_TEST(day("https://example.com/2018-02-07/bridge") == "2018-02-07");
  BOOST_TEST(day("https://example.com/news/20180207/bridge.html") == "2018-02-07");
  BOOST_TEST(day("/local/story-20180207.html") == "2018-02-07");
  BOOST_TEST(day("https://example.com/2018/02/bridge") == "-");
  BOOST_TEST(day("https://example.com/story?date=2018-02-07") == "-");
  BOOST_TEST(day("https://2018-02-07.example.com/a") == "-");
  BOOST_TEST(day("https://example.com/item/123456789") == "-");
}

BOOST_AUTO_TEST_CASE(bylines_and_datelines) {
  auto found = [](const char* text) {
    const auto f = date_from_byline(text);
    return f ? format_instant(f->when) + " " + f->from : std::string("-");
  };
  BOOST_TEST(found("Title\n\nBy Staff | March 9, 2021, 6:40 p.m. EST\n\nText.") == "2021-03-09T18:40-05:00 byline");
  BOOST_TEST(found("Apr 18, 2025 - 02:30\n\nA pipe burst.") == "2025-04-18T02:30 byline");
  BOOST_TEST(found("WASHINGTON, March 3, 2024 (AP) — Officials met.") == "2024-03-03 dateline");
  BOOST_TEST(found("LONDON, 5 May 2010 - Fares rose.") == "2010-05-05 dateline");
  // Not enough alone: a dateline without a year, a date inside a sentence, an update.
  BOOST_TEST(found("BEIJING, April 18 (Reuters) - Output slowed.") == "-");
  BOOST_TEST(found("The plant, which opened on March 3, 2019, will close next year.") == "-");
  BOOST_TEST(found("Updated March 10, 2021\n\nText.") == "-");
  BOOST_TEST(found("Published March 9, 2021; Updated March 10, 2021") == "2021-03-09 byline");
  // Only the top of the text.
  BOOST_TEST(found((std::string(900, 'x') + "\nBy Staff | March 9, 2021\n").c_str()) == "-");
}

BOOST_AUTO_TEST_CASE(a_byline_on_the_first_line_is_not_the_title) {
  const std::string text = "By Staff | March 9, 2021\nTram Line Opens\n\nThe line opened today.\n";
  for (bool with_dct : {false, true}) {
    LoadOptions o;
    if (with_dct) o.dct = parse_instant("2021-03-10");
    const Document d = document_from_text(text, "t", "t.txt", o);
    BOOST_TEST(d.title == "Tram Line Opens");
    BOOST_TEST(format_instant(*d.published) == (with_dct ? "2021-03-10" : "2021-03-09"));
  }
  // A byline under the headline leaves the headline as the title; a first line with a date that is
  // no byline stays the title.
  BOOST_TEST(document_from_text("Tram Line Opens\nBy Staff | March 9, 2021\n\nIt opened.\n", "t", "t.txt", {}).title ==
             "Tram Line Opens");
  BOOST_TEST(document_from_text("The 2021 Tram Strike\n\nIt ended.\n", "t", "t.txt", {}).title ==
             "The 2021 Tram Strike");
}

BOOST_AUTO_TEST_CASE(a_byline_or_dateline_gives_the_bytes_it_takes) {
  auto taken = [](const std::string& text) {
    const auto f = date_from_byline(text);
    return f ? text.substr(f->begin, f->end - f->begin) : std::string("-");
  };
  BOOST_TEST(taken("Tram Line Opens\nBy Staff | March 9, 2021\n\nIt opened.\n") == "By Staff | March 9, 2021");
  BOOST_TEST(taken("LIMA, May 2, 2019 (AP) - Rain fell.\n") == "LIMA, May 2, 2019");
  BOOST_TEST(taken("Rain fell on May 2, 2019, in Lima.\n") == "-");
}

BOOST_AUTO_TEST_CASE(html_text_keeps_the_article_and_drops_the_rest) {
  const auto& ads = only_document(load_page("ads-aside.html"));
  BOOST_TEST(ads.text.find("Historic lighthouse sold") == 0u);
  BOOST_TEST(ads.text.find("sold at auction yesterday") != std::string::npos);
  for (const char* noise : {"Sale ends", "Sponsored", "Share this", "newsletter", "Great story", "Most read"})
    BOOST_TEST(ads.text.find(noise) == std::string::npos, noise);

  const auto& noisy = only_document(load_page("script-style-noise.html"));
  for (const char* noise : {"2001", "2002", "2003", "2004", "Search", "window.config"})
    BOOST_TEST(noisy.text.find(noise) == std::string::npos, noise);
  BOOST_TEST(noisy.text ==
             "Marathon route changes\n\nOrganisers changed the marathon route last week to avoid roadworks.");

  // Paragraphs stay apart, entities are decoded, the site header and footer are gone.
  const auto& dl = only_document(load_page("dateline.html"));
  BOOST_TEST(dl.text.find("WASHINGTON, March 3, 2024 (AP) \xE2\x80\x94 Officials") != std::string::npos);
  BOOST_TEST(dl.text.find("within weeks.\n\nCritics") != std::string::npos);
  const auto& ferry = only_document(load_page("jsonld-newsarticle.html"));
  BOOST_TEST(ferry.text.find("Sport") == std::string::npos);
  BOOST_TEST(ferry.text.find("Published since") == std::string::npos);
  BOOST_TEST(ferry.title == "Ferry service resumes after winter storms");
  // A wrapper whose class mentions a sidebar does not hide the article; "shareholders" is not "share".
  BOOST_TEST(read_html("<body><div class=\"layout with-sidebar\"><p>Rain fell.</p></div></body>", "w").text ==
             "Rain fell.");
  BOOST_TEST(read_html("<body><p class=\"shareholders\">Votes.</p><div class=\"top_ad\">Buy</div></body>", "s").text ==
             "Votes.");
  // The byline is read for the date, not kept as article text.
  const auto& by = only_document(load_page("byline-only.html"));
  BOOST_TEST(by.text.find("By Staff") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_charsets_are_decoded) {
  const auto& w = only_document(load_page("windows-1252.html"));
  BOOST_TEST(w.text.find("\xE2\x80\x9CWe are thrilled,\xE2\x80\x9D") != std::string::npos);
  BOOST_TEST(w.text.find("Ren\xC3\xA9"
                         "e Blanc") != std::string::npos);
  BOOST_TEST(w.text.find("\xE2\x82\xAC"
                         "2") != std::string::npos);
  BOOST_TEST(w.title == "Caf\xC3\xA9 opens on the quay");
  const auto& l = only_document(load_page("iso-8859-1.html"));
  BOOST_TEST(l.text.find("J\xC3\xBCrgen M\xC3\xBCller") != std::string::npos);
  for (const char* name : {"bom.html", "bom.txt"}) {
    const auto f = load_page(name);
    BOOST_TEST(f.warnings.empty(), name);
    BOOST_TEST(only_document(f).text.substr(0, 3) != "\xEF\xBB\xBF", name);
    BOOST_TEST(only_document(f).title.substr(0, 3) != "\xEF\xBB\xBF", name);
  }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_reported_with_its_offset_and_replaced) {
  for (const char* name : {"invalid-utf8.html", "invalid-utf8.txt"}) {
    const std::string raw = slurp(kPages / name);
    const std::size_t first_bad = std::min(raw.find("\xFF"), raw.find("\xE2\x82 four"));
    const auto f = load_page(name);
    BOOST_REQUIRE_EQUAL(f.warnings.size(), 1u);
    BOOST_TEST(f.warnings[0].find(name) != std::string::npos);
    BOOST_TEST(f.warnings[0].find("byte " + std::to_string(first_bad)) != std::string::npos, f.warnings[0]);
    BOOST_TEST(only_document(f).text.find("\xEF\xBF\xBD") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(dct_overrides_and_fallback_fills_in) {
  LoadOptions o;
  o.dct = parse_instant("2001-02-03");
  const auto& d = only_document(load_page("jsonld-newsarticle.html", o));
  BOOST_TEST(published_of(d) == "2001-02-03");
  BOOST_TEST(d.published_from == "cli");
  LoadOptions fb;
  fb.dct_fallback = parse_instant("2022-06-01");
  const auto& none = only_document(load_page("none.html", fb));
  BOOST_TEST(published_of(none) == "2022-06-01");
  BOOST_TEST(none.published_from == "fallback");
  const auto& found = only_document(load_page("jsonld-newsarticle.html", fb));
  BOOST_TEST(found.published_from == "json-ld");
}

BOOST_AUTO_TEST_CASE(json_lines_skip_malformed_lines_only) {
  const auto f = load_page("articles.jsonl");
  BOOST_TEST(f.documents.size() == 5u);
  BOOST_REQUIRE_EQUAL(f.skipped.size(), 1u);
  BOOST_TEST(f.skipped[0].source.ends_with("articles.jsonl:5"));
  BOOST_TEST(to_string(f.skipped[0].reason) == "malformed");
  BOOST_TEST(f.documents[0].title == "Port strike ends");
  BOOST_TEST(f.documents[0].source == "https://wire.example/p/1");
  BOOST_TEST(f.documents[3].id == "articles:4");
  // Invalid UTF-8 inside a line: replaced, reported with the byte offset in the file.
  TempDir t;
  const auto p = t.write("x.jsonl", "{\"text\":\"ok\"}\n{\"text\":\"bad \xC3 byte\",\"published\":\"2020-01-02\"}\n");
  const auto g = load_file(p.string(), {});
  BOOST_REQUIRE_EQUAL(g.documents.size(), 2u);
  BOOST_TEST(g.documents[1].text == "bad \xEF\xBF\xBD byte");
  BOOST_REQUIRE_EQUAL(g.warnings.size(), 1u);
  BOOST_TEST(g.warnings[0].find("byte 27") != std::string::npos, g.warnings[0]);
}

BOOST_AUTO_TEST_CASE(format_by_extension_or_option) {
  BOOST_TEST(to_string(format_of_path("a/b.HTML")) == "html");
  BOOST_TEST(to_string(format_of_path("a.htm")) == "html");
  BOOST_TEST(to_string(format_of_path("a.jsonl")) == "jsonl");
  BOOST_TEST(to_string(format_of_path("a.tml")) == "timeml");
  BOOST_TEST(to_string(format_of_path("a.md")) == "text");
  BOOST_TEST(to_string(format_of_path("README")) == "text");
  BOOST_TEST(to_string(*parse_input_format("html")) == "html");
  BOOST_TEST(!parse_input_format("pdf"));
  // A page read as text keeps its tags; read as HTML it does not.
  LoadOptions as_text;
  as_text.format = InputFormat::text;
  BOOST_TEST(only_document(load_page("none.html", as_text)).text.find("<article>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_files_are_skipped_with_a_reason) {
  TempDir t;
  const auto bin = t.write("photo.txt", std::string("GIF89a\0\0\x01", 9));
  const auto big = t.write("big.txt", std::string(2000, 'a'));
  const auto tml = t.write("broken.tml", "<TimeML><TEXT>never closed");
  LoadOptions small;
  small.max_bytes = 1000;
  BOOST_TEST(to_string(load_file(bin.string(), {}).skipped.at(0).reason) == "binary");
  BOOST_TEST(to_string(load_file(big.string(), small).skipped.at(0).reason) == "oversized");
  BOOST_TEST(to_string(load_file((t.path / "missing.txt").string(), {}).skipped.at(0).reason) == "unreadable");
  const auto m = load_file(tml.string(), {});
  BOOST_TEST(to_string(m.skipped.at(0).reason) == "malformed");
  BOOST_TEST(m.skipped.at(0).message.find("broken.tml") != std::string::npos);
  BOOST_TEST(m.documents.empty());
  // The library's older entry points still throw for them.
  BOOST_CHECK_THROW(load_input(bin.string(), {}), LoadError);
}

BOOST_AUTO_TEST_CASE(folders_are_read_recursively_in_sorted_order) {
  TempDir t;
  t.write("b/2.txt", "x");
  t.write("b/1.html", "<p>x</p>");
  t.write("a.jsonl", "{}");
  t.write(".hidden/3.txt", "x");
  t.write("b/.draft.txt", "x");
  t.write("b/picture.png", "x");
  fs::create_directory_symlink(t.path, t.path / "b" / "loop");
  const auto files = expand_inputs({t.path.string()});
  std::vector<std::string> rel;
  for (const auto& f : files) rel.push_back(fs::relative(f, t.path).string());
  BOOST_TEST(rel == (std::vector<std::string>{"a.jsonl", "b/1.html", "b/2.txt"}), boost::test_tools::per_element());
  BOOST_CHECK_THROW(expand_inputs({(t.path / "nope").string()}), LoadError);
  BOOST_TEST(expand_inputs({"-"}) == std::vector<std::string>{"-"});
}

BOOST_AUTO_TEST_CASE(deeply_nested_html_neither_crashes_nor_overflows) {
  std::string html = "<html><body><article>";
  for (int i = 0; i < 200000; ++i) html += "<div>";
  html += "<p>Deep text yesterday.</p>";
  const auto a = read_html(html, "deep.html");
  BOOST_TEST(a.text.find("Deep text") != std::string::npos);
  // Garbage is not HTML trouble either.
  const auto g = read_html(std::string("<<<>>>&&&;;</p></div><script>", 30), "junk.html");
  BOOST_TEST(!g.published);
}

BOOST_AUTO_TEST_CASE(timeml_without_dct_has_no_date) {
  TempDir t;
  const auto p = t.write("nodct.tml", "<TimeML><TEXT>It rained on May 5, 2020.</TEXT></TimeML>");
  const auto& d = only_document(load_file(p.string(), {}));
  BOOST_TEST(!d.published);
  BOOST_TEST(d.published_from.empty());
  BOOST_TEST(d.text == "It rained on May 5, 2020.");
}

// JSON lines of the common shape are read without the JSON library: the documents, warnings and
// skipped lines must be those that the library gives, for well-formed and malformed lines alike.
BOOST_AUTO_TEST_CASE(jsonl_fast_reader_equals_the_library) {
  std::vector<std::string> lines{
      R"({"id":"a","published":"2025-04-18","text":"Talks resumed yesterday."})",
      R"(  { "text" : "x\"q\\b\/s\b\f\n\r\t" , "id" : "b" }  )",
      R"({"text":"caf\u00e9 \u20AC \ud83d\ude00 \u0000 nul","id":"c"})",
      R"({"text":"\ud83d alone"})",
      R"({"text":"\ude00 low alone"})",
      R"({"text":"\ud83d\u0041 bad pair"})",
      R"({"text":"bad \x escape"})",
      R"({"text":"short \u12"})",
      "{\"text\":\"raw\ttab\"}",
      "{\"text\":\"raw \x01 control\"}",
      "{\"text\":\"caf\xC3\xA9 raw utf-8\"}",
      "{\"text\":\"bad \xC3 utf-8\"}",
      "{\"text\":\"\xEF\xBB\xBF"
      "bom inside\"}",
      "\xEF\xBB\xBF{\"text\":\"bom before\"}",
      R"({"text":"\ufeffescaped bom"})",
      R"({"text":"first","text":"second"})",
      R"({"id":"one","id":"two","text":"t"})",
      R"({"id":7,"text":"number id"})",
      R"({"id":1.50,"text":"decimal id"})",
      R"({"text":"t","extra":{"nested":[1,2,{"a":null}]},"flag":true})",
      R"({"text":"t","extra":"x","extra":"y"})",
      R"({"text":"t"} trailing)",
      R"({"text":"t",})",
      R"({"text":"t" "id":"x"})",
      R"({"text":"unterminated)",
      R"({"text":12})",
      R"({"html":"<p>Hello on Monday</p>","id":"h"})",
      R"({"html":5,"text":"html not a string"})",
      R"({})",
      R"([])",
      R"("text")",
      R"({"t\u0065xt":"escaped key"})",
      R"({"text":"t","published":"not a date"})",
      R"({"text":"t","url":"https://example.com/2024/03/05/story.html"})",
      R"({"text":"t","title":"A title","published":"2024-01-02T10:00+01:00"})",
      R"({"text":"Headline\n\nBody text written on Monday."})",
      "{\"text\":\"t\"}\r",
      "{\"text\"\t:\t\"tabs\"\t}",
      "{\"text\":\"t\"\x0b}",
      std::string("{\"text\":\"t\0\"}", 13),
  };
  // Long strings, read sixteen and eight bytes at a time: an escape, a raw control character, a
  // byte of DEL or of UTF-8, a quote or the line's end at each place of a block.
  for (std::size_t k = 0; k < 40; ++k)
    for (const char* special : {"\\n", "\\\"", "\t", "\x01", "\x1f", "\x20", "\x7f", "\xC3\xA9", "\"", ""}) {
      const std::string text = std::string(k, 'a') + special + std::string(k % 19, 'b');
      lines.push_back("{\"id\":\"long\",\"text\":\"" + text + (special[0] == '\0' ? "" : "\"}"));
    }
  auto same = [](const FileLoad& a, const FileLoad& b) {
    if (a.documents.size() != b.documents.size() || a.warnings != b.warnings || a.skipped.size() != b.skipped.size())
      return false;
    for (std::size_t i = 0; i < a.documents.size(); ++i) {
      const Document& x = a.documents[i];
      const Document& y = b.documents[i];
      if (x.id != y.id || x.title != y.title || x.source != y.source || x.text != y.text ||
          x.published.has_value() != y.published.has_value() || x.published_from != y.published_from)
        return false;
      if (x.published && format_instant(*x.published) != format_instant(*y.published)) return false;
    }
    for (std::size_t i = 0; i < a.skipped.size(); ++i)
      if (a.skipped[i].message != b.skipped[i].message || a.skipped[i].reason != b.skipped[i].reason) return false;
    return true;
  };
  LoadOptions options;
  std::string all;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    FileLoad fast, slow;
    load_detail::read_jsonl(lines[i], "in.jsonl", options, fast, i + 1, true);
    load_detail::read_jsonl(lines[i], "in.jsonl", options, slow, i + 1, false);
    BOOST_TEST(same(fast, slow), "line " << i << ": " << lines[i]);
    all += lines[i] + "\n";
  }
  FileLoad fast, slow;
  load_detail::read_jsonl(all, "all.jsonl", options, fast, 1, true);
  load_detail::read_jsonl(all, "all.jsonl", options, slow, 1, false);
  BOOST_TEST(same(fast, slow));
  BOOST_TEST(fast.documents.size() > 20u);
}

BOOST_AUTO_TEST_SUITE_END()
