// Corpus tests: phrases and sentences with a publication date and the values a reader expects.
// The format is described in tests/corpus/README.md.
#include <timeliner/extract.hpp>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace timeliner;

namespace {

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(trim(cur));
  return out;
}

struct Expected {
  std::string value;
  std::map<std::string, std::string> attrs;  // type, mod, gran, earliest, latest, anchor, freq
};

Expected parse_expected(const std::string& s) {
  Expected e;
  std::istringstream in(s);
  in >> e.value;
  std::string kv;
  while (in >> kv) {
    const auto eq = kv.find('=');
    if (eq != std::string::npos) e.attrs[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return e;
}

std::string attr_of(const Mention& m, const std::string& key) {
  const auto& v = m.value;
  if (key == "type") return std::string(to_string(v.type));
  if (key == "mod") return v.mod == Mod::none ? "none" : std::string(to_string(v.mod));
  if (key == "gran") return std::string(to_string(v.grain));
  if (key == "earliest") return v.bounds ? format_day(v.bounds->earliest) : "none";
  if (key == "latest") return v.bounds ? format_day(v.bounds->latest) : "none";
  if (key == "anchor") return std::string(to_string(v.anchor));
  if (key == "freq") return v.freq.empty() ? "none" : v.freq;
  if (key == "rule") return m.rule;
  return "?" + key;
}

// Compares one mention with its expectation; returns "" when they agree, else what differs.
std::string compare(const Mention& m, const Expected& e) {
  std::string diff;
  if (m.value.timex != e.value) diff += " value " + m.value.timex + " (expected " + e.value + ")";
  for (const auto& [k, v] : e.attrs) {
    const std::string got = attr_of(m, k);
    if (got != v) diff += " " + k + " " + got + " (expected " + v + ")";
  }
  return diff;
}

std::string describe(const std::vector<Mention>& ms) {
  std::string out = "[";
  for (const auto& m : ms) out += " '" + m.text + "'=" + m.value.timex + " (" + m.rule + ")";
  return out + " ]";
}

struct Totals {
  int cases = 0;
  int failures = 0;
};

void run_file(const fs::path& file, Totals& totals) {
  std::ifstream in(file);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " << file);
  Document doc;
  doc.id = "corpus";
  ExtractOptions opts;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    const std::string where = file.filename().string() + ":" + std::to_string(number);
    if (line[0] == '@') {
      std::istringstream d(line);
      std::string key, value;
      d >> key >> value;
      if (key == "@dct") {
        doc.published = parse_instant(value);
        BOOST_REQUIRE_MESSAGE(doc.published, where << ": bad @dct");
      } else if (key == "@type") {
        const auto type = parse_doc_type(value);
        BOOST_REQUIRE_MESSAGE(type, where << ": unknown @type " << value);
        opts.doc_type = *type;
      } else if (key == "@dayfirst") {
        opts.day_first = value == "yes";
      } else {
        BOOST_FAIL(where << ": unknown directive " << key);
      }
      continue;
    }
    auto fail = [&](const std::string& why) {
      ++totals.failures;
      BOOST_ERROR(where << ": " << why);
    };
    if (line[0] == '!') {
      ++totals.cases;
      doc.text = trim(line.substr(1));
      const auto ms = extract(Grammar::english(), doc, opts);
      if (!ms.empty()) fail("expected nothing in '" + doc.text + "', got " + describe(ms));
      continue;
    }
    const auto arrow = line.rfind("=>");
    BOOST_REQUIRE_MESSAGE(arrow != std::string::npos, where << ": no '=>'");
    const std::string lhs = trim(line.substr(0, arrow));
    const std::string rhs = trim(line.substr(arrow + 2));
    if (!lhs.empty() && lhs[0] == '{') {
      ++totals.cases;
      BOOST_REQUIRE_MESSAGE(lhs.back() == '}', where << ": unclosed {");
      std::string text;
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      const std::string pilcrow = "\xC2\xB6";  // a paragraph break
      for (std::size_t i = 1; i + 1 < lhs.size(); ++i) {
        if (lhs[i] == '[') {
          spans.push_back({text.size(), 0});
        } else if (lhs[i] == ']') {
          spans.back().second = text.size();
        } else if (lhs.compare(i, pilcrow.size(), pilcrow) == 0) {
          text += "\n\n";
          i += pilcrow.size() - 1;
        } else {
          text += lhs[i];
        }
      }
      std::vector<Expected> expected;
      for (const auto& part : split(rhs, ';')) expected.push_back(parse_expected(part));
      BOOST_REQUIRE_MESSAGE(expected.size() == spans.size(),
                            where << ": " << spans.size() << " spans but " << expected.size() << " values");
      doc.text = text;
      const auto ms = extract(Grammar::english(), doc, opts);
      bool ok = ms.size() == spans.size();
      std::string diff;
      for (std::size_t i = 0; ok && i < ms.size(); ++i) {
        if (ms[i].begin != spans[i].first || ms[i].end != spans[i].second)
          ok = false;
        else
          diff += compare(ms[i], expected[i]);
      }
      if (!ok)
        fail("spans differ in '" + text + "': got " + describe(ms));
      else if (!diff.empty())
        fail("in '" + text + "':" + diff);
      continue;
    }
    const Expected e = parse_expected(rhs);
    for (const auto& phrase : split(lhs, '|')) {
      ++totals.cases;
      doc.text = phrase;
      const auto ms = extract(Grammar::english(), doc, opts);
      if (ms.size() != 1 || ms[0].begin != 0 || ms[0].end != phrase.size()) {
        fail("'" + phrase + "' is not one whole expression: got " + describe(ms));
        continue;
      }
      const std::string diff = compare(ms[0], e);
      if (!diff.empty()) fail("'" + phrase + "':" + diff + " [rule " + ms[0].rule + "]");
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corpus)

BOOST_AUTO_TEST_CASE(phrase_corpus) {
  const fs::path dir = fs::path(TIMELINER_SOURCE_DIR) / "tests" / "corpus";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  BOOST_REQUIRE(!files.empty());
  Totals totals;
  for (const auto& f : files) run_file(f, totals);
  BOOST_TEST_MESSAGE("corpus: " << totals.cases << " cases in " << files.size() << " files, " << totals.failures
                                << " failed");
  BOOST_TEST(totals.cases >= 150);
}

BOOST_AUTO_TEST_SUITE_END()
