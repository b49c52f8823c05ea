// The timeliner executable, run as a process: exit codes, stdout, stderr.
#include "schema_check.hpp"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

// Exit code of a run where some inputs were skipped (docs/inputs.md).
constexpr int kExitSkipped = 3;

namespace {

struct Result {
  int code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    path =
        fs::temp_directory_path() / ("timeliner-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(path / name, std::ios::binary) << content;
    return path / name;
  }
};

// Runs the timeliner executable with `args` (shell words) and `input` on stdin, from `cwd`.
Result run(const std::string& args, const std::string& input = "", const std::string& cwd = ".") {
  TempDir tmp;
  const fs::path in = tmp.write("stdin", input);
  const std::string cmd = "cd '" + cwd + "' && '" TIMELINER_EXE "' " + args + " < '" + in.string() + "' > '" +
                          (tmp.path / "out").string() + "' 2> '" + (tmp.path / "err").string() + "'";
  const int status = std::system(cmd.c_str());
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(tmp.path / "out");
  r.err = slurp(tmp.path / "err");
  return r;
}

std::size_t lines(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(extract_reads_stdin_and_prints_json_lines) {
  const auto r = run("extract --dct 2025-04-18", "The deal was signed last week. Prices rose yesterday.\n");
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.err.empty());
  std::istringstream in(r.out);
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(in, line)) rows.push_back(nlohmann::json::parse(line));
  BOOST_REQUIRE_EQUAL(rows.size(), 2u);
  BOOST_TEST(rows[0]["text"] == "last week");
  BOOST_TEST(rows[0]["value"] == "2025-W15");
  BOOST_TEST(rows[0]["start"] == 20);
  BOOST_TEST(rows[0]["end"] == 29);
  BOOST_TEST(rows[1]["text"] == "yesterday");
  BOOST_TEST(rows[1]["value"] == "2025-04-17");
  BOOST_TEST(rows[1]["doc"] == "stdin");
  // "-" is standard input too.
  BOOST_TEST(run("extract --dct 2025-04-18 -", "Prices rose yesterday.").out ==
             run("extract --dct 2025-04-18", "Prices rose yesterday.").out);
}

BOOST_AUTO_TEST_CASE(extract_reads_files_in_order) {
  TempDir d;
  auto a = d.write("a.txt", "It opened on May 5, 2020.");
  auto b = d.write("b.txt", "It closed in 2021.");
  const auto r = run("extract '" + a.string() + "' '" + b.string() + "'");
  BOOST_TEST(r.code == 0);
  BOOST_TEST(lines(r.out) == 2u);
  BOOST_TEST(r.out.find("\"doc\":\"a\"") < r.out.find("\"doc\":\"b\""));
  BOOST_TEST(r.out.find("2020-05-05") != std::string::npos);
}

// docs/schedule.md: the reference keeps its clock, the next one is meant, zones are told in the
// reference's clock when it has an offset; the same sentence as news looks back.
BOOST_AUTO_TEST_CASE(extract_type_schedule_reads_what_is_to_come) {
  const std::string text = "Call at 3am. Lunch on Friday at 12:30, then 4pm CET.";
  const auto r = run("extract --dct 2013-02-12T04:30-02:00 --type schedule", text);
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.err.empty());
  std::vector<std::string> values;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) values.push_back(nlohmann::json::parse(line)["value"]);
  BOOST_TEST(values == (std::vector<std::string>{"2013-02-13T03:00", "2013-02-15T12:30", "2013-02-15T13:00"}),
             boost::test_tools::per_element());
  const auto news = run("extract --dct 2013-02-12T04:30-02:00", text);
  BOOST_TEST(news.out.find("2013-02-12T03:00") != std::string::npos);
  BOOST_TEST(news.out.find("2013-02-08T12:30") != std::string::npos);
  BOOST_TEST(news.out.find("2013-02-08T16:00+01:00") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(help_and_version) {
  auto v = run("--version");
  BOOST_TEST(v.code == 0);
  BOOST_TEST(v.out.find("timeliner 0.") == 0u);
  auto h = run("--help");
  BOOST_TEST(h.code == 0);
  BOOST_TEST(h.out.find("extract") != std::string::npos);
  BOOST_TEST(h.out.find("build") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_input_gives_one_line_and_non_zero_exit) {
  for (const std::string args : {"--no-such-option", "extract --dct 2025-13-45", "extract --dct yesterday",
                                 "extract /no/such/file.txt", "build", "frobnicate", "extract --type poem"}) {
    const auto r = run(args, "text");
    BOOST_TEST(r.code != 0, args);
    BOOST_TEST(lines(r.err) == 1u, args << " -> " << r.err);
    BOOST_TEST(r.err.find("timeliner: error:") == 0u, args);
    BOOST_TEST(r.out.empty(), args);
  }
  BOOST_TEST(run("extract --dct 2025-13-45").err.find("2025-13-45") != std::string::npos);
  BOOST_TEST(run("extract /no/such/file.txt").err.find("/no/such/file.txt") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(parse_prints_conllu) {
  const auto r = run("parse", "The minister arrived on Thursday. He didn't stay.\n");
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.err.empty());
  BOOST_TEST(r.out ==
             "# sent_id = 1\n# text = The minister arrived on Thursday.\n"
             "1\tThe\t_\tDET\tDT\t_\t2\tdet\t_\t_\n"
             "2\tminister\t_\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
             "3\tarrived\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
             "4\ton\t_\tADP\tIN\t_\t5\tcase\t_\t_\n"
             "5\tThursday\t_\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No\n"
             "6\t.\t_\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
             "# sent_id = 2\n# text = He didn't stay.\n"
             "1\tHe\t_\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
             "2\tdid\t_\tAUX\tVBD\t_\t4\taux\t_\tSpaceAfter=No\n"
             "3\tn't\t_\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
             "4\tstay\t_\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
             "5\t.\t_\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  TempDir d;
  const auto a = d.write("a.txt", "Prices rose.");
  BOOST_TEST(run("parse '" + a.string() + "'").out == run("parse", "Prices rose.").out);
  const auto bad = run("parse /no/such/file.txt");
  BOOST_TEST(bad.code != 0);
  BOOST_TEST(lines(bad.err) == 1u);
  BOOST_TEST(bad.err.find("/no/such/file.txt") != std::string::npos);
  BOOST_TEST(run("parse", "").out.empty());
}

BOOST_AUTO_TEST_CASE(build_needs_a_publication_date) {
  TempDir d;
  auto a = d.write("story.txt", "It rained yesterday.");
  const auto r = run("build '" + a.string() + "'");
  BOOST_TEST(r.code != 0);
  BOOST_TEST(r.err.find("story.txt") != std::string::npos);
  BOOST_TEST(r.err.find("--dct") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(build_writes_a_timeline_file_and_never_over_an_input) {
  TempDir d;
  const std::string story = "Flood Report\n\nThe river rose on Monday. Roads reopened yesterday.";
  auto a = d.write("story.txt", story);
  const auto out = d.path / "timeline.json";
  auto r = run("build --dct 2025-04-18 -o '" + out.string() + "' '" + a.string() + "'");
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(r.out.empty());
  const auto j = nlohmann::json::parse(slurp(out));
  BOOST_TEST(j["schema"] == "timeliner.timeline/1");
  BOOST_TEST(j["events"].size() == 3u);
  BOOST_TEST(j["events"][0]["date"]["value"] == "2025-04-14");
  // No temporary files left behind.
  std::size_t files = 0;
  for (auto& e : fs::directory_iterator(d.path)) files += e.is_regular_file();
  BOOST_TEST(files == 2u);

  r = run("build --dct 2025-04-18 -o '" + a.string() + "' '" + a.string() + "'");
  BOOST_TEST(r.code != 0);
  BOOST_TEST(r.err.find("one of the inputs") != std::string::npos);
  BOOST_TEST(slurp(a) == story);

  // An output in a folder that does not exist: an error, nothing written.
  r = run("build --dct 2025-04-18 -o '" + (d.path / "no" / "t.json").string() + "' '" + a.string() + "'");
  BOOST_TEST(r.code != 0);
  BOOST_TEST(lines(r.err) == 1u);
}

BOOST_AUTO_TEST_CASE(show_prints_a_table) {
  TempDir d;
  auto a = d.write("s.txt", "Talks ended on March 3, 2025.");
  const auto out = d.path / "t.json";
  BOOST_REQUIRE(run("build --dct 2025-04-18 -o '" + out.string() + "' '" + a.string() + "'").code == 0);
  const auto r = run("show '" + out.string() + "'");
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.out.find("WHEN") == 0u);
  BOOST_TEST(r.out.find("2025-03-03") != std::string::npos);
  BOOST_TEST(r.out.find("Talks ended") != std::string::npos);
  auto bad = d.write("bad.json", "{\"schema\": 1}");
  BOOST_TEST(run("show '" + bad.string() + "'").code != 0);
  // Columns as wide as their longest cell; a range over years writes both years.
  auto range = d.write("r.txt", "Sales fell from May 3, 2019 to May 9, 2021.");
  BOOST_REQUIRE(run("build --dct 2025-04-18 -o '" + (d.path / "r.json").string() + "' '" + range.string() + "'").code ==
                0);
  const auto r2 = run("show '" + (d.path / "r.json").string() + "'");
  BOOST_TEST(r2.out.find("2019-05-03..2021-05-09   2019-05-03/2021-05-09  Sales fell") != std::string::npos, r2.out);
}

BOOST_AUTO_TEST_CASE(tag_and_eval_timeml) {
  TempDir d;
  const std::string fixtures = std::string(TIMELINER_SOURCE_DIR) + "/tests/fixtures/timeml";
  auto r = run("tag '" + fixtures + "' -o '" + (d.path / "out").string() + "'");
  BOOST_TEST(r.code == 0, r.err);
  const std::string tagged = slurp(d.path / "out" / "harbour.tml");
  BOOST_TEST(tagged.find("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-04-17\">yesterday</TIMEX3>") !=
             std::string::npos);
  // Scoring our own output against itself is perfect; against the fixture's gold it is not.
  r = run("eval --json '" + (d.path / "out").string() + "'");
  BOOST_TEST(r.code == 0, r.err);
  const auto self = nlohmann::json::parse(r.out);
  BOOST_TEST(self["value"]["f1"].get<double>() == 100.0);
  r = run("eval '" + fixtures + "'");
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.out.find("1 documents, 5 gold TIMEX3") != std::string::npos, r.out);
  r = run("eval --verbose '" + fixtures + "'");
  BOOST_TEST(r.out.find("VALUE\tharbour\tgold: today = PRESENT_REF") != std::string::npos, r.out);
  // Never over an input; a folder without .tml files is an error.
  BOOST_TEST(run("tag '" + fixtures + "/harbour.tml' -o '" + fixtures + "'").code != 0);
  BOOST_TEST(run("eval '" + d.path.string() + "/nothing'").code != 0);
}

BOOST_AUTO_TEST_CASE(view_inlines_the_timeline_safely) {
  TempDir d;
  auto story = d.write("s.txt", "Hostile <img src=x onerror=\"alert(1)\"> & </script> text, written on March 3, 2025.");
  const auto timeline = d.path / "t.json";
  BOOST_REQUIRE(run("build --dct 2025-04-18 -o '" + timeline.string() + "' '" + story.string() + "'").code == 0);
  auto tpl = d.write("page.html",
                     "<html><script type=\"application/json\" id=\"timeline-data\">/*TIMELINER_DATA*/</script></html>");
  const auto page = d.path / "page-out.html";
  auto r = run("view '" + timeline.string() + "' --template '" + tpl.string() + "' -o '" + page.string() + "'");
  BOOST_TEST(r.code == 0, r.err);
  const std::string html = slurp(page);
  const auto b = html.find("timeline-data\">") + 15, e = html.rfind("</script>");
  const std::string data = html.substr(b, e - b);
  BOOST_TEST(data.find('<') == std::string::npos);
  BOOST_TEST(data.find('&') == std::string::npos);
  BOOST_TEST(data.find("\\u003cimg") != std::string::npos);
  BOOST_TEST(nlohmann::json::parse(data)["schema"] == "timeliner.timeline/1");
  // A template without the placeholder, a missing template, a broken timeline: errors.
  auto bad = d.write("bad.html", "<html></html>");
  BOOST_TEST(
      run("view '" + timeline.string() + "' --template '" + bad.string() + "' -o '" + page.string() + "'").code != 0);
  BOOST_TEST(run("view '" + timeline.string() + "' --template /no/such.html -o '" + page.string() + "'").code != 0);
  BOOST_TEST(run("view '" + story.string() + "' --template '" + tpl.string() + "' -o '" + page.string() + "'").code !=
             0);
  BOOST_TEST(slurp(page) == html);  // the earlier page is untouched by the failed runs
}

BOOST_AUTO_TEST_CASE(view_uses_the_page_built_into_the_binary) {
  // Run from a folder outside the source tree: the page comes from the binary, not from web/dist.
  TempDir d;
  d.write("s.txt", "The bridge reopened on Thursday after repairs that began on August 14, 2024.");
  BOOST_REQUIRE(run("build --dct 2025-04-18 -o t.json s.txt", "", d.path.string()).code == 0);
  const auto r = run("view t.json -o page.html", "", d.path.string());
#ifdef TIMELINER_VIEWER_PAGE
  BOOST_TEST(r.code == 0, r.err);
  const std::string html = slurp(d.path / "page.html");
  BOOST_TEST(html.find("/*TIMELINER_DATA*/") == std::string::npos);
  BOOST_TEST(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
                       "'sha256-") != std::string::npos);
  const std::string open = "id=\"timeline-data\">";
  const auto b = html.find(open) + open.size(), e = html.find("</script>", b);
  const auto data = nlohmann::json::parse(html.substr(b, e - b));
  BOOST_TEST(data["schema"] == "timeliner.timeline/1");
  BOOST_TEST(data["events"].size() == 3u);  // the reopening, the start of repairs, the publication
#else
  // Built without Node.js: one clear line, and no page.
  BOOST_TEST(r.code == 1);
  BOOST_TEST(r.err.find("built without the viewer page") != std::string::npos, r.err);
  BOOST_TEST(lines(r.err) == 1u, r.err);
  BOOST_TEST(!fs::exists(d.path / "page.html"));
#endif
}

BOOST_AUTO_TEST_CASE(build_reads_a_folder_of_pages_and_finds_their_dates) {
  const std::string pages = std::string(TIMELINER_SOURCE_DIR) + "/tests/fixtures/pages";
  const auto r = run("build --dct-fallback 2000-01-01 -j 2 '" + pages + "'");
  BOOST_TEST(r.code == kExitSkipped, r.err);  // the malformed line of articles.jsonl
  const auto j = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> from;
  for (const auto& d : j["documents"]) from[d["id"].get<std::string>()] = d["published_from"].get<std::string>();
  BOOST_TEST(from["jsonld-graph"] == "json-ld");
  BOOST_TEST(from["url-only"] == "url");
  BOOST_TEST(from["none"] == "fallback");
  BOOST_TEST(from["story"] == "timeml");
  BOOST_TEST(from["wire-1"] == "jsonl");
  // Two documents named "bom" and two "invalid-utf8": ids made unique in sorted path order.
  BOOST_TEST(from.count("bom-2") == 1u);
  BOOST_TEST(r.err.find("articles.jsonl:5") != std::string::npos);
  BOOST_TEST(r.err.find("invalid UTF-8 at byte") != std::string::npos);
  BOOST_TEST(r.err.find("timeliner: 34 documents from 30 files; skipped 1: 1 malformed") != std::string::npos, r.err);
  BOOST_TEST(r.err.find('\r') == std::string::npos);  // no progress bar when stderr is not a terminal
}

BOOST_AUTO_TEST_CASE(output_is_the_same_whatever_the_number_of_threads) {
  const std::string pages = std::string(TIMELINER_SOURCE_DIR) + "/tests/fixtures/pages";
  for (const std::string cmd : {"build --dct-fallback 2000-01-01", "extract"}) {
    const auto one = run(cmd + " -j 1 '" + pages + "'");
    const auto two = run(cmd + " -j 2 '" + pages + "'");
    const auto many = run(cmd + " -j 7 '" + pages + "'");
    BOOST_TEST(!one.out.empty(), cmd);
    BOOST_TEST((one.out == two.out && one.out == many.out), cmd);
    BOOST_TEST((one.err == two.err && one.err == many.err), cmd);
  }
}

BOOST_AUTO_TEST_CASE(bad_files_are_skipped_and_the_others_kept) {
  TempDir d;
  d.write("a.txt", "Talks ended on March 3, 2025.");
  d.write("b.txt", std::string("\x7f"
                               "ELF\0\0\0\x01",
                               8));
  d.write("c.txt", std::string(3000, 'x'));
  d.write("d.jsonl", "{\"text\": \"It snowed yesterday.\", \"published\": \"2025-01-02\"}\nnot json\n");
  auto r = run("build --dct 2025-04-18 --max-bytes 2000 '" + d.path.string() + "'");
  BOOST_TEST(r.code == kExitSkipped);
  BOOST_TEST(r.err.find("timeliner: warning: skipped " + (d.path / "b.txt").string() + ": binary") == 0u, r.err);
  BOOST_TEST(r.err.find("c.txt: larger than the limit of 2000 bytes") != std::string::npos);
  BOOST_TEST(r.err.find("d.jsonl:2: not a JSON object") != std::string::npos);
  BOOST_TEST(r.err.find("timeliner: 2 documents from 4 files; skipped 3: 1 binary, 1 oversized, 1 malformed") !=
                 std::string::npos,
             r.err);
  const auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["documents"].size() == 2u);
  // extract: the same skips, the same exit code, the good files' lines.
  r = run("extract --dct 2025-04-18 --max-bytes 2000 '" + d.path.string() + "'");
  BOOST_TEST(r.code == kExitSkipped);
  BOOST_TEST(lines(r.out) == 2u);
  // All fine: exit 0, and no summary for a single file.
  r = run("extract --dct 2025-04-18 '" + (d.path / "a.txt").string() + "'");
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.err.empty());
}

BOOST_AUTO_TEST_CASE(documents_without_a_date) {
  TempDir d;
  auto dated = d.write("dated.txt", "Storm hits coast\n\nBy Staff | May 2, 2024\n\nThe storm hit yesterday.");
  auto undated = d.write("undated.txt", "It rained yesterday. The dam opened on May 5, 2020.");
  // extract: still tagged (explicit dates only), with a warning naming it.
  auto r = run("extract '" + undated.string() + "'");
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.out.find("2020-05-05") != std::string::npos);
  BOOST_TEST(r.err.find("timeliner: warning: " + undated.string() + ": no publication date") == 0u, r.err);
  // build: skipped with a warning while other documents remain; an error when none does.
  r = run("build '" + dated.string() + "' '" + undated.string() + "'");
  BOOST_TEST(r.code == kExitSkipped);
  BOOST_TEST(r.err.find("skipped " + undated.string() + ": no publication date") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("1 undated") != std::string::npos);
  BOOST_TEST(nlohmann::json::parse(r.out)["documents"][0]["published_from"] == "byline");
  r = run("build --dct-fallback 2025-04-18 '" + dated.string() + "' '" + undated.string() + "'");
  BOOST_TEST(r.code == 0, r.err);
  const auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["documents"][0]["published"] == "2024-05-02");
  BOOST_TEST(j["documents"][1]["published_from"] == "fallback");
  BOOST_TEST(run("build --dct-fallback 2025-02-30 '" + dated.string() + "'").err.find("--dct-fallback") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(input_format_option_and_stdin) {
  const std::string page =
      "<html><head><meta property=\"article:published_time\" content=\"2025-04-18T02:30:00+08:00\"></head>"
      "<body><nav>Home</nav><article><p>Prices rose yesterday.</p></article></body></html>";
  auto r = run("build --input-format html -", page);
  BOOST_TEST(r.code == 0, r.err);
  const auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["documents"][0]["published"] == "2025-04-18T02:30+08:00");
  BOOST_TEST(j["documents"][0]["published_from"] == "meta:article:published_time");
  r = run("extract --input-format html", page);
  BOOST_TEST(r.out.find("\"value\":\"2025-04-17\"") != std::string::npos, r.out);
  BOOST_TEST(run("extract --input-format pdf", page).code == 2);
}

BOOST_AUTO_TEST_CASE(bundled_example_regenerates_identically) {
  TempDir d;
  const auto out = d.path / "example.json";
  const auto r =
      run("build --dct 2025-04-18 examples/harbour-bridge.txt -o '" + out.string() + "'", "", TIMELINER_SOURCE_DIR);
  BOOST_TEST(r.code == 0, r.err);
  const std::string committed = slurp(fs::path(TIMELINER_SOURCE_DIR) / "timelines" / "example.json");
  BOOST_TEST(!committed.empty());
  BOOST_TEST((slurp(out) == committed), "timelines/example.json is stale: run scripts/example.sh");
}

BOOST_AUTO_TEST_CASE(build_validates_against_the_schema_in_every_committed_timeline) {
  for (const char* name : {"example.json", "millbrook.json", "millbrook-summary.json", "trade-talks.json"}) {
    const std::string text = slurp(fs::path(TIMELINER_SOURCE_DIR) / "timelines" / name);
    BOOST_TEST(schema_check::timeline_errors(text) == "", name);
  }
  const auto index = nlohmann::json::parse(slurp(fs::path(TIMELINER_SOURCE_DIR) / "timelines" / "index.json"));
  BOOST_REQUIRE(index.is_array());
  for (const auto& entry : index) {
    BOOST_TEST(entry["title"].is_string());
    BOOST_TEST(fs::exists(fs::path(TIMELINER_SOURCE_DIR) / "timelines" / entry["file"].get<std::string>()));
  }
}

BOOST_AUTO_TEST_CASE(example_timelines_regenerate_identically) {
  TempDir d;
  auto r = run("build --dct 2025-04-18 examples/trade-talks.txt -o '" + (d.path / "t.json").string() + "'", "",
               TIMELINER_SOURCE_DIR);
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST((slurp(d.path / "t.json") == slurp(fs::path(TIMELINER_SOURCE_DIR) / "timelines" / "trade-talks.json")),
             "timelines/trade-talks.json is stale: run scripts/examples.sh");
  // The Millbrook story: each article built with its own publication date, then merged.
  std::istringstream dates(slurp(fs::path(TIMELINER_SOURCE_DIR) / "examples" / "millbrook" / "published.txt"));
  std::string line, parts;
  while (std::getline(dates, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::string file = line.substr(0, line.find(' ')), day = line.substr(line.find(' ') + 1);
    const std::string out = (d.path / (file + ".json")).string();
    r = run("build --dct " + day + " examples/millbrook/" + file + " -o '" + out + "'", "", TIMELINER_SOURCE_DIR);
    BOOST_TEST(r.code == 0, r.err);
    parts += " '" + out + "'";
  }
  r = run("merge" + parts + " -o '" + (d.path / "m.json").string() + "'");
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST((slurp(d.path / "m.json") == slurp(fs::path(TIMELINER_SOURCE_DIR) / "timelines" / "millbrook.json")),
             "timelines/millbrook.json is stale: run scripts/examples.sh");
  r = run("merge" + parts + " --dates auto -o '" + (d.path / "s.json").string() + "'");
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(
      (slurp(d.path / "s.json") == slurp(fs::path(TIMELINER_SOURCE_DIR) / "timelines" / "millbrook-summary.json")),
      "timelines/millbrook-summary.json is stale: run scripts/examples.sh");
}

BOOST_AUTO_TEST_CASE(merge_of_builds_equals_build_of_all_in_any_order) {
  TempDir d;
  auto a = d.write("a.txt", "Dam Talks\n\nTalks on the new dam opened on March 3, 2025.");
  auto b = d.write("b.txt",
                   "Dam Deal\n\nThe talks on the new dam opened on March 3, 2025. A deal was signed on April 2, 2025.");
  const auto ja = d.path / "a.json", jb = d.path / "b.json";
  BOOST_REQUIRE(run("build --dct 2025-04-03 '" + a.string() + "' -o '" + ja.string() + "'").code == 0);
  BOOST_REQUIRE(run("build --dct 2025-04-03 '" + b.string() + "' -o '" + jb.string() + "'").code == 0);
  const auto ab = run("merge '" + ja.string() + "' '" + jb.string() + "'");
  const auto ba = run("merge '" + jb.string() + "' '" + ja.string() + "'");
  const auto both = run("build --dct 2025-04-03 '" + b.string() + "' '" + a.string() + "'");
  BOOST_TEST(ab.code == 0, ab.err);
  BOOST_TEST(ab.out == ba.out);
  BOOST_TEST(ab.out == both.out);
  BOOST_TEST(schema_check::timeline_errors(ab.out) == "");
  const auto j = nlohmann::json::parse(ab.out);
  BOOST_TEST(j["events"].size() == 4u);  // two publications, the talks (merged), the deal
  BOOST_TEST(j["documents"].size() == 2u);
  // Merging nothing new changes nothing.
  const auto abj = d.write("ab.json", ab.out);
  BOOST_TEST(run("merge '" + abj.string() + "' '" + ja.string() + "'").out == ab.out);
  // --merge-threshold above 1 keeps every mention apart.
  BOOST_TEST(nlohmann::json::parse(
                 run("merge --merge-threshold 1.5 '" + ja.string() + "' '" + jb.string() + "'").out)["events"]
                 .size() == 5u);
}

BOOST_AUTO_TEST_CASE(merge_errors_are_one_line_and_never_overwrite_an_input) {
  TempDir d;
  auto a = d.write("a.txt", "It opened on May 5, 2020.");
  const auto ja = d.path / "a.json";
  BOOST_REQUIRE(run("build --dct 2025-04-03 '" + a.string() + "' -o '" + ja.string() + "'").code == 0);
  const std::string before = slurp(ja);
  auto r = run("merge '" + ja.string() + "' -o '" + ja.string() + "'");
  BOOST_TEST(r.code != 0);
  BOOST_TEST(r.err.find("one of the inputs") != std::string::npos);
  BOOST_TEST(slurp(ja) == before);
  auto bad = d.write("bad.json", "{\"schema\": \"timeliner.timeline/1\"}");
  for (const std::string& args : {"merge '" + bad.string() + "'", std::string("merge /no/such.json"),
                                  std::string("merge"), "merge --from 2025-02-30 '" + ja.string() + "'"}) {
    r = run(args);
    BOOST_TEST(r.code != 0, args);
    BOOST_TEST(lines(r.err) == 1u, args << " -> " << r.err);
    BOOST_TEST(r.err.find("timeliner: error:") == 0u, args);
  }
  BOOST_TEST(run("merge '" + bad.string() + "'").err.find("bad.json") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(build_formats_and_date_range) {
  TempDir d;
  auto a = d.write("s.txt", "Flood Report\n\nThe river rose on March 3, 2025. Roads reopened on April 10, 2025.");
  const std::string in = " '" + a.string() + "'";
  auto csv = run("build --dct 2025-04-18 --format csv" + in);
  BOOST_TEST(csv.code == 0, csv.err);
  BOOST_TEST(csv.out.find("id,kind,value,") == 0u);
  BOOST_TEST(lines(csv.out) == 4u);
  auto jsonl = run("build --dct 2025-04-18 --format jsonl" + in);
  BOOST_TEST(lines(jsonl.out) == 3u);
  auto tl = run("build --dct 2025-04-18 --format timelinejs" + in);
  const auto tj = nlohmann::json::parse(tl.out);
  BOOST_TEST(tj["events"].size() == 3u);
  BOOST_TEST(tj["events"][0]["start_date"]["month"] == 3);
  BOOST_TEST(tj["events"][0]["group"] == "Flood Report");
  auto ranged = run("build --dct 2025-04-18 --from 2025-04-01 --to 2025-04-17" + in);
  BOOST_TEST(schema_check::timeline_errors(ranged.out) == "");
  const auto rj = nlohmann::json::parse(ranged.out);
  BOOST_REQUIRE(rj["events"].size() == 1u);
  BOOST_TEST(rj["events"][0]["date"]["value"] == "2025-04-10");
  for (const std::string bad :
       {"--format xml", "--from 2025-4-1", "--to tomorrow", "--from 2025-05-01 --to 2025-04-01"}) {
    auto r = run("build --dct 2025-04-18 " + bad + in);
    BOOST_TEST(r.code != 0, bad);
    BOOST_TEST(lines(r.err) == 1u, bad);
    BOOST_TEST(r.out.empty(), bad);
  }
}

// The noise fixture (four articles on a flood) summarized: --dates, --sentences, --query, the tilse
// format, merge with --dates, and eval-timeline over the result.
BOOST_AUTO_TEST_CASE(build_and_merge_summarize_with_dates_sentences_and_query) {
  const std::string corpus = " '" TIMELINER_SOURCE_DIR "/tests/fixtures/noise/articles.jsonl'";
  auto json = run("build --dates 2 --sentences 1" + corpus);
  BOOST_TEST(json.code == 0, json.err);
  BOOST_TEST(schema_check::timeline_errors(json.out) == "");
  const auto j = nlohmann::json::parse(json.out);
  BOOST_REQUIRE(j["key_dates"].size() == 2u);
  BOOST_TEST(j["key_dates"][0]["date"] == "2025-03-02");
  BOOST_TEST(j["key_dates"][0]["sentences"].size() == 1u);
  for (const auto& e : j["events"]) BOOST_TEST(e.contains("importance"));
  // Without --dates: every event, with importance, and no key dates.
  auto plain = run("build" + corpus);
  BOOST_TEST(!nlohmann::json::parse(plain.out).contains("key_dates"));

  auto tilse = run("build --dates 2 --format tilse" + corpus);
  BOOST_TEST(tilse.code == 0, tilse.err);
  BOOST_TEST(tilse.out.find("2025-03-02\n") == 0u, tilse.out);
  BOOST_TEST(lines(tilse.out) == 8u, tilse.out);  // 2 x (date, 2 sentences, dashes)
  // tilse without --dates chooses them (auto).
  BOOST_TEST(run("build --format tilse" + corpus).out.find("--------------------------------\n") != std::string::npos);

  TempDir d;
  const fs::path built = d.write("built.json", plain.out);
  auto merged = run("merge --dates 2 --sentences 1 '" + built.string() + "'");
  BOOST_TEST(merged.code == 0, merged.err);
  BOOST_TEST(merged.out == json.out);

  // --query changes which sentence speaks for a day.
  auto about = run("build --dates 1 --sentences 1 --query 'inquiry' --format tilse" + corpus);
  BOOST_TEST(about.code == 0, about.err);

  // eval-timeline: a summary against itself scores 1 everywhere.
  const fs::path gold = d.write("gold.txt", tilse.out);
  auto same = run("eval-timeline '" + gold.string() + "' '" + gold.string() + "'");
  BOOST_TEST(same.code == 0, same.err);
  BOOST_TEST(same.out.find("dates               1.0000  1.0000  1.0000") != std::string::npos, same.out);
  const fs::path pred = d.write("pred.json", json.out);
  auto scored = run("eval-timeline --json '" + gold.string() + "' '" + pred.string() + "'");
  BOOST_TEST(scored.code == 0, scored.err);
  const auto sj = nlohmann::json::parse(scored.out);
  BOOST_TEST(sj["dates"]["f1"] == 1.0);
  BOOST_TEST(sj["gold_dates"] == 2);
  BOOST_TEST(sj["concat_rouge1"]["r"].get<double>() < 1.0);  // one sentence a date against two
}

BOOST_AUTO_TEST_CASE(summary_options_and_eval_timeline_errors_are_one_line) {
  const std::string corpus = " '" TIMELINER_SOURCE_DIR "/tests/fixtures/noise/articles.jsonl'";
  for (const std::string bad : {"--dates 0", "--dates -3", "--dates many", "--dates 5x", "--sentences 0"}) {
    auto r = run("build " + bad + corpus);
    BOOST_TEST(r.code != 0, bad);
    BOOST_TEST(lines(r.err) == 1u, bad << ": " << r.err);
    BOOST_TEST(r.out.empty(), bad);
  }
  TempDir d;
  const fs::path junk = d.write("junk.txt", "2025-03-01\nA\n--------------------------------\nnot a date\n");
  const fs::path plain = d.write("plain.json", run("build" + corpus).out);
  for (const std::string& args :
       {"'" + junk.string() + "' '" + junk.string() + "'", "'" + plain.string() + "' '" + plain.string() + "'",
        std::string("missing.txt missing.txt")}) {
    auto r = run("eval-timeline " + args);
    BOOST_TEST(r.code == 1, args);
    BOOST_TEST(lines(r.err) == 1u, args << ": " << r.err);
  }
  BOOST_TEST(run("eval-timeline '" + junk.string() + "' '" + junk.string() + "'").err.find("line 4") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
