// Hostile inputs: each ends with a correct result or one clear error line, in bounded time and
// memory, never a crash. Library-level cases first, then the command line as a process.
#include "support/checks.hpp"
#include "support/process.hpp"

#include <timeliner/extract.hpp>
#include <timeliner/json.hpp>
#include <timeliner/load.hpp>
#include <timeliner/text.hpp>
#include <timeliner/timeline.hpp>

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace timeliner;
using namespace timeliner::testing;

namespace {

Document doc_of(std::string text, std::string dct = "2025-04-18") {
  Document d;
  d.id = "h";
  d.source = "h";
  d.text = sanitize_utf8(text);
  d.published = parse_instant(dct);
  return d;
}

std::vector<Mention> extract_checked(const Document& d) {
  auto ms = extract(Grammar::english(), d);
  for (const auto& m : ms) {
    BOOST_TEST_INFO(m.text << " = " << m.value.timex);
    BOOST_TEST(is_timex3_value(m.value.timex));
    if (m.value.bounds) BOOST_TEST((m.value.bounds->earliest <= m.value.bounds->latest));
    BOOST_TEST(is_strict_utf8(mention_to_json_line(d.id, m)));
  }
  return ms;
}

const Mention* find(const std::vector<Mention>& ms, const std::string& text) {
  for (const auto& m : ms)
    if (m.text == text) return &m;
  return nullptr;
}

std::size_t count_lines(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

ProcessResult cli(const std::vector<std::string>& args, const fs::path& in = {}, double timeout = 60) {
  return run_process(TIMELINER_EXE, args, in, timeout);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile)

BOOST_AUTO_TEST_CASE(invalid_utf8_and_nul_bytes) {
  static const char raw[] = "\xff\xfe On May 5, 2020\0 it \xc3\x28 rained \xed\xa0\x80 yesterday.\xf0\x9f";
  const std::string bytes(raw, sizeof raw - 1);  // the NUL inside included
  const auto ms = extract_checked(doc_of(bytes));
  BOOST_REQUIRE(find(ms, "May 5, 2020"));
  BOOST_TEST(find(ms, "May 5, 2020")->value.timex == "2020-05-05");
  BOOST_REQUIRE(find(ms, "yesterday"));
  // The command line: a file with NUL bytes is skipped as binary (exit 3, a warning naming it);
  // invalid UTF-8 alone gives a warning naming the byte and valid UTF-8 JSON on stdout.
  ScratchDir d;
  auto r = cli({"extract", "--dct", "2025-04-18", d.write("nul.txt", bytes).string()});
  BOOST_TEST(r.code == 3);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(r.err.find("nul.txt") != std::string::npos);
  const std::string no_nul = "\xff\xfe On May 5, 2020 it \xc3\x28 rained \xed\xa0\x80 yesterday.\xf0\x9f";
  r = cli({"extract", "--dct", "2025-04-18", d.write("bad.txt", no_nul).string()});
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.err.find("invalid UTF-8 at byte 0") != std::string::npos);
  BOOST_TEST(count_lines(r.err) == 1u);
  BOOST_TEST(is_strict_utf8(r.out));
  BOOST_TEST(count_lines(r.out) == 2u);
}

BOOST_AUTO_TEST_CASE(huge_numbers) {
  for (const char* text : {"It ends in 99999999999999999999 years.", "It began 99999999999999999999 days ago.",
                           "It lasted 99999999999999999999 hours.", "Every 99999999999999999999 weeks it rains.",
                           "It happened 123456789012 years later.", "In 2.5e300 years, nothing.",
                           "It lasted 1234567.5 years.", "It happened in the year 99999999999999999999."}) {
    BOOST_TEST_CONTEXT(text) { extract_checked(doc_of(text)); }
  }
}

BOOST_AUTO_TEST_CASE(impossible_dates_are_not_invented) {
  for (const char* text :
       {"It was signed on 31 February 2023.", "It was signed on February 30, 2024.", "It was signed on 2023-02-29.",
        "It was signed on 4/31/2025.", "It was signed on 13/13/2025.", "It was signed on 2025-13-45."}) {
    BOOST_TEST_CONTEXT(text) {
      for (const auto& m : extract_checked(doc_of(text)))
        BOOST_TEST((m.value.grain != Grain::day || m.value.bounds.has_value()));
    }
  }
  // Year 0 and year 10000: whatever is found stays inside the years we can write and read back.
  for (const char* text : {"In the year 0 nothing happened.", "On January 1, 0000 nothing happened.",
                           "The plan runs to 10000.", "On May 5, 10000 it ends.", "In 9999 and the next year."}) {
    BOOST_TEST_CONTEXT(text) {
      std::vector<Document> docs{doc_of(text, "9999-12-31")};
      const std::string json = timeline_to_json(build_timeline(docs, Grammar::english()));
      BOOST_TEST(timeline_schema_problem(nlohmann::json::parse(json)) == "");
      BOOST_CHECK_NO_THROW(timeline_from_json(json));
    }
  }
}

BOOST_AUTO_TEST_CASE(leap_days_and_month_ends) {
  auto value_of = [](const std::string& text, const std::string& dct, const std::string& phrase) {
    const auto ms = extract_checked(doc_of(text, dct));
    const Mention* m = find(ms, phrase);
    return m ? m->value.timex : std::string("(not found)");
  };
  BOOST_TEST(value_of("It rained yesterday.", "2024-03-01", "yesterday") == "2024-02-29");
  BOOST_TEST(value_of("It rained yesterday.", "2023-03-01", "yesterday") == "2023-02-28");
  BOOST_TEST(value_of("It ends tomorrow.", "2024-02-28", "tomorrow") == "2024-02-29");
  BOOST_TEST(value_of("It ends tomorrow.", "2024-12-31", "tomorrow") == "2025-01-01");
  BOOST_TEST(value_of("It began a month ago.", "2024-03-31", "a month ago") == "2024-02");
  BOOST_TEST(value_of("It began on Feb. 29, 2024. A year later it ended.", "2025-04-18", "A year later") == "2025");
  BOOST_TEST(value_of("It began on Jan. 31, 2025. The next day it ended.", "2025-04-18", "The next day") ==
             "2025-02-01");
  BOOST_TEST(value_of("It began on Dec. 31, 2024. Two days later it ended.", "2025-04-18", "Two days later") ==
             "2025-01-02");
}

BOOST_AUTO_TEST_CASE(time_zones_across_midnight) {
  for (const char* dct :
       {"2025-04-18T23:30+14:00", "2025-04-18T00:10-12:00", "2025-12-31T23:59Z", "2024-02-29T23:45+05:30"}) {
    BOOST_TEST_CONTEXT(dct) {
      const auto ms = extract_checked(
          doc_of("Shares fell at 11:45 p.m. EST and rose at 12:05 a.m. GMT. It rained tonight and yesterday.", dct));
      for (const auto& m : ms) {
        if (m.value.type != TimexType::time || !m.value.bounds) continue;
        // A time's bounds are its own day, the day its value names.
        BOOST_TEST(format_day(m.value.bounds->earliest) == m.value.timex.substr(0, 10));
        BOOST_TEST((m.value.bounds->earliest == m.value.bounds->latest));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(empty_files) {
  ScratchDir d;
  const auto empty = d.write("empty.txt", "");
  auto r = cli({"extract", "--dct", "2025-04-18", empty.string()});
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.out.empty());
  r = cli({"build", "--dct", "2025-04-18", empty.string()});
  BOOST_TEST(r.code == 0);
  BOOST_TEST(timeline_schema_problem(nlohmann::json::parse(r.out)) == "");
  // An empty timeline file is a clear error for show and view, not a crash.
  r = cli({"show", empty.string()});
  BOOST_TEST(r.code == 1);
  BOOST_TEST(count_lines(r.err) == 1u);
  BOOST_TEST(r.err.find("timeliner: error:") == 0u);
}

BOOST_AUTO_TEST_CASE(unreadable_files) {
  ScratchDir d;
  const auto locked = d.write("locked.txt", "It rained on May 5, 2020.");
  fs::permissions(locked, fs::perms::none);
  if (::access(locked.c_str(), R_OK) == 0) {
    // As root (as in CI) permissions do not deny reads: nothing to check here.
    BOOST_TEST_MESSAGE("unreadable_files: chmod 000 does not deny reads to this user (root?): check skipped");
    return;
  }
  for (const std::vector<std::string>& args : {std::vector<std::string>{"extract", locked.string()},
                                               {"build", "--dct", "2025-04-18", locked.string()},
                                               {"show", locked.string()}}) {
    const auto r = cli(args);
    BOOST_TEST(r.code == 1, args[0]);
    BOOST_TEST(count_lines(r.err) == 1u, args[0] << ": " << r.err);
    BOOST_TEST(r.err.find("locked.txt") != std::string::npos, args[0]);
  }
}

BOOST_AUTO_TEST_CASE(truncated_and_hostile_timeline_files) {
  ScratchDir d;
  const auto story = d.write("story.txt", "Flood\n\nThe river rose on Monday. Roads reopened on May 5, 2025.");
  const auto full = cli({"build", "--dct", "2025-05-07", story.string()});
  BOOST_REQUIRE(full.code == 0);
  for (std::size_t cut :
       {std::size_t{0}, std::size_t{1}, full.out.size() / 3, full.out.size() / 2, full.out.size() - 3}) {
    const auto f = d.write("cut.json", full.out.substr(0, cut));
    const auto r = cli({"show", f.string()});
    BOOST_TEST(r.code == 1, cut);
    BOOST_TEST(count_lines(r.err) == 1u, cut << ": " << r.err);
  }
  // Deeply nested arrays, a wrong type where a count goes, a negative count, a year of five digits.
  std::string nested = std::string(100000, '[') + std::string(100000, ']');
  std::string replaced = full.out;
  replaced.replace(replaced.find("\"start\": "), 9, "\"start\": -");
  std::string big_year = full.out;
  big_year.replace(big_year.find("\"earliest\": \"") + 13, 4, "99999");
  for (const std::string& bad : {nested, replaced, big_year, std::string("{\"schema\": 5}"), std::string("\xff\xfe")}) {
    const auto f = d.write("bad.json", bad);
    const auto r = cli({"show", f.string()});
    BOOST_TEST(r.code == 1);
    BOOST_TEST(count_lines(r.err) == 1u, r.err);
    BOOST_TEST(r.signal == 0);
  }
}

BOOST_AUTO_TEST_CASE(outputs_never_overwrite_inputs_nor_leave_partial_files) {
  ScratchDir d;
  const auto story = d.write("story.txt", "The river rose on May 5, 2025.");
  auto r = cli({"build", "--dct", "2025-05-07", story.string(), "-o", story.string()});
  BOOST_TEST(r.code == 1);
  BOOST_TEST(read_file(story) == "The river rose on May 5, 2025.");
  // The same file through another name.
  fs::create_symlink(story, d.path / "alias.txt");
  r = cli({"build", "--dct", "2025-05-07", story.string(), "-o", (d.path / "alias.txt").string()});
  BOOST_TEST(r.code == 1);
  BOOST_TEST(read_file(story) == "The river rose on May 5, 2025.");
  // A folder that does not exist: one error line, nothing written.
  r = cli({"build", "--dct", "2025-05-07", story.string(), "-o", (d.path / "no" / "t.json").string()});
  BOOST_TEST(r.code == 1);
  BOOST_TEST(count_lines(r.err) == 1u);
  BOOST_TEST(!fs::exists(d.path / "no"));
  // view: the timeline as its own output.
  r = cli({"build", "--dct", "2025-05-07", story.string(), "-o", (d.path / "t.json").string()});
  BOOST_REQUIRE(r.code == 0);
  const std::string before = read_file(d.path / "t.json");
  r = cli({"view", (d.path / "t.json").string(), "-o", (d.path / "t.json").string()});
  BOOST_TEST(r.code == 1);
  BOOST_TEST(read_file(d.path / "t.json") == before);
  // merge: one of the timelines as the output.
  r = cli({"merge", (d.path / "t.json").string(), (d.path / "t.json").string(), "-o", (d.path / "t.json").string()});
  BOOST_TEST(r.code == 1);
  BOOST_TEST(count_lines(r.err) == 1u, r.err);
  BOOST_TEST(read_file(d.path / "t.json") == before);
  // No temporary files left behind.
  for (const auto& e : fs::directory_iterator(d.path))
    BOOST_TEST(e.path().filename().string().find(".tmp-") == std::string::npos, e.path());
}

BOOST_AUTO_TEST_CASE(html_nested_200000_levels) {
  ScratchDir d;
  std::string page = "<html><head><title>Deep</title></head><body>";
  for (int i = 0; i < 200000; ++i) page += "<div>";
  page += "<p>The dam opened on May 5, 2020.</p>";
  for (int i = 0; i < 200000; ++i) page += "</div>";
  page += "</body></html>";
  const auto r = cli({"extract", "--dct", "2025-04-18", d.write("deep.html", page).string()}, {}, 120);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(r.signal == 0);
  BOOST_TEST((r.code == 0 || r.code == 3), r.err);
  BOOST_TEST(is_strict_utf8(r.out));
  BOOST_TEST(count_lines(r.err) <= 2u, r.err);
  BOOST_TEST_MESSAGE("html 200000 deep: exit " << r.code << ", " << count_lines(r.out) << " mentions, " << r.seconds
                                               << " s");
}

BOOST_AUTO_TEST_CASE(symlink_loops_in_folders) {
  ScratchDir d;
  fs::create_directories(d.path / "news" / "inner");
  d.write("news/inner/a.txt", "The river rose on May 5, 2020.");
  fs::create_directory_symlink(d.path / "news", d.path / "news" / "inner" / "loop");
  fs::create_directory_symlink(d.path / "news" / "inner", d.path / "news" / "back");
  fs::create_symlink(d.path / "news" / "self.txt", d.path / "news" / "self.txt");  // a link to itself
  const auto r = cli({"extract", "--dct", "2025-04-18", (d.path / "news").string()}, {}, 60);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(r.signal == 0);
  BOOST_TEST(r.out.find("2020-05-05") != std::string::npos, r.err);
  // Each file once, however many ways lead to it: one mention, one line.
  BOOST_TEST(count_lines(r.out) == 1u, r.out);
}

BOOST_AUTO_TEST_CASE(truncated_json_lines) {
  ScratchDir d;
  const std::string good = R"({"id":"a","text":"The river rose on May 5, 2020.","published":"2020-05-07"})";
  const std::string jsonl = good + "\n" + good.substr(0, good.size() / 2) +
                            "\n{\"id\":\"b\",\"text\":[1,2]}\n\xff\xfe\n" + good.substr(0, 20);
  const auto r = cli({"extract", d.write("feed.jsonl", jsonl).string()}, {}, 60);
  BOOST_TEST(r.signal == 0);
  BOOST_TEST(r.out.find("\"doc\":\"a\"") != std::string::npos, r.err);
  BOOST_TEST(is_strict_utf8(r.out));
  BOOST_TEST(r.err.find("feed.jsonl:2") != std::string::npos, r.err);
  for (std::size_t at = 0, nl; (nl = r.err.find('\n', at)) != std::string::npos; at = nl + 1)
    BOOST_TEST(r.err.substr(at, 10) == "timeliner:");
}

BOOST_AUTO_TEST_SUITE_END()

// A 100 MB single line and a 10 MB one: bounded time and memory (labelled "big" in CTest).
BOOST_AUTO_TEST_SUITE(hostile_big)

// "On Monday" 40,000 times in one sentence (400 KB) gave 40,000 events and 45 MB of JSON in 260 MB
// (200,000 times: 1 GB). Identical mentions of one sentence are one event: the timeline is a few
// KB, and time and memory are those of tagging the text.
BOOST_AUTO_TEST_CASE(one_date_repeated_in_one_sentence) {
  ScratchDir d;
  for (const int times : {40000, 200000}) {
    std::string text = "The committee met.";
    for (int i = 0; i < times; ++i) text += " On Monday";
    const fs::path in = d.write("monday.txt", text + ".\n");
    const fs::path out = d.path / "monday.json";
    auto r = cli({"build", "--dct", "2025-04-18", in.string(), "-o", out.string()}, {}, 600);
    BOOST_TEST(!r.timed_out);
    BOOST_TEST(r.code == 0, r.err);
    const std::string json = read_file(out);
    BOOST_TEST_MESSAGE("build, 'On Monday' x " << times << " (" << text.size() / 1024 << " KB): " << r.seconds
                                               << " s, peak " << r.max_rss_kb / 1024 << " MB, " << json.size()
                                               << " bytes out");
    BOOST_TEST(json.size() < 8192u);
    BOOST_TEST(json.find("\"2025-04-14\"") != std::string::npos);
    // The process, the grammar and the text's mentions (the tagger holds them): 40 times the text.
    BOOST_TEST(r.max_rss_kb < 64 * 1024 + 40 * static_cast<long>(text.size()) / 1024, "peak " << r.max_rss_kb << " kB");
  }
}

BOOST_AUTO_TEST_CASE(one_huge_line) {
  ScratchDir d;
  const fs::path path = d.path / "line.txt";
  auto make = [&](std::size_t bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    const std::string chunk = "word after word on May 5, 2020 and 12:30 p.m. then yesterday, ";
    std::string block;
    while (block.size() < (1u << 20)) block += chunk;
    std::size_t written = 0;
    while (written + block.size() <= bytes) {
      out << block;
      written += block.size();
    }
    out << std::string(bytes - written, 'x');
  };
  // Over the input limit (50 MB): skipped at once (exit 3) with a warning naming it and the
  // summary line, without reading it all into memory.
  make(100u << 20);
  auto r = cli({"extract", "--dct", "2025-04-18", path.string()}, {}, 120);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(r.code == 3);
  BOOST_TEST(count_lines(r.err) == 2u, r.err);
  BOOST_TEST(r.err.find("line.txt: larger than the limit") != std::string::npos);
  BOOST_TEST(r.max_rss_kb < 400 * 1024, "peak memory " << r.max_rss_kb << " kB");
  // The same from standard input.
  r = cli({"extract", "--dct", "2025-04-18"}, path, 120);
  BOOST_TEST(r.code == 3);
  BOOST_TEST(count_lines(r.err) == 2u, r.err);
  BOOST_TEST(r.max_rss_kb < 400 * 1024, "peak memory " << r.max_rss_kb << " kB");
  // Under the limit: read whole, in bounded time and memory; `build` too (sentences are cut into
  // pieces, events show the words around their dates, merging is indexed: linear in the line).
  make(4u << 20);
  r = cli({"build", "--dct", "2025-04-18", path.string(), "-o", (d.path / "line.json").string()}, {}, 600);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(fs::file_size(d.path / "line.json") < 400u * (4u << 20) / 10, "timeline of a 4 MB line");
  BOOST_TEST_MESSAGE("build, 4 MB line: " << r.seconds << " s, peak " << r.max_rss_kb / 1024 << " MB");
  BOOST_TEST(r.max_rss_kb < 3 * 1024 * 1024, "peak memory " << r.max_rss_kb << " kB");
  make(10u << 20);
  r = cli({"extract", "--dct", "2025-04-18", path.string()}, {}, 600);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(count_lines(r.out) > 100000u);
  BOOST_TEST_MESSAGE("10 MB line: " << r.seconds << " s, peak " << r.max_rss_kb / 1024 << " MB");
  // A file this large is tagged and written block by block (its mentions are never all held): the
  // issue's bound is 64 MB beyond the document itself.
  BOOST_TEST(r.max_rss_kb < (64 + 10) * 1024, "peak memory " << r.max_rss_kb << " kB");
  // The lines written as it went are those of the whole document tagged at once.
  LoadOptions lopts;
  lopts.dct = parse_instant("2025-04-18");
  const FileLoad loaded = load_file(path.string(), lopts);
  BOOST_TEST_REQUIRE(loaded.documents.size() == 1u);
  std::string expected;
  for (const auto& m : extract(Grammar::english(), loaded.documents[0])) {
    append_mention_json_line(expected, loaded.documents[0].id, m);
    expected += '\n';
  }
  BOOST_TEST((r.out == expected), "streamed output differs from extract() over the whole document");
  // Between two small files of the same name, on two threads: its lines come in its place, its id
  // made unique as the others' are (line, line-2, line-3).
  const fs::path a = d.path / "a", b = d.path / "b";
  fs::create_directories(a);
  fs::create_directories(b);
  const std::string small = "It rained on May 5, 2020, and again two days later.\n";
  std::ofstream(a / "line.txt") << small;
  std::ofstream(b / "line.txt") << small;
  r = cli({"extract", "-j", "2", "--dct", "2025-04-18", (a / "line.txt").string(), path.string(),
           (b / "line.txt").string()},
          {}, 600);
  BOOST_TEST(r.code == 0, r.err);
  const auto alone = cli({"extract", "--dct", "2025-04-18", (a / "line.txt").string()});
  BOOST_TEST(count_lines(alone.out) == 2u);
  auto renamed = [](const std::string& lines, const std::string& id) {
    const std::string from = "{\"doc\":\"line\",", to = "{\"doc\":\"" + id + "\",";
    std::string out;
    std::size_t done = 0;
    for (std::size_t at = 0; (at = lines.find(from, at)) != std::string::npos; at += from.size()) {
      out.append(lines, done, at - done);
      out += to;
      done = at + from.size();
    }
    out.append(lines, done, std::string::npos);
    return out;
  };
  BOOST_TEST((r.out == alone.out + renamed(expected, "line-2") + renamed(alone.out, "line-3")));
}

BOOST_AUTO_TEST_SUITE_END()
