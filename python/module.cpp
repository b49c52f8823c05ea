// timeliner._core, the extension module under the Python package timeliner (python/timeliner/):
// the library's tagger and timeline builder, run without the GIL. Results cross as JSON text made
// by the library's own writers, so that a mention or a timeline has exactly the fields of the
// command line's output; the package turns them into dicts. Messages are the command line's.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <timeliner/extract.hpp>
#include <timeliner/json.hpp>
#include <timeliner/load.hpp>
#include <timeliner/timeline.hpp>
#include <timeliner/version.hpp>

#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace timeliner::python {

namespace {

// JSON text and the warnings met making it, for the package to issue.
using Result = std::pair<std::string, std::vector<std::string>>;

std::optional<Instant> instant_option(const std::optional<std::string>& value, const std::string& option) {
  if (!value) return std::nullopt;
  auto i = parse_instant(*value);
  if (!i)
    throw py::value_error("invalid " + option + " '" + *value +
                          "': expected a real date as YYYY-MM-DD or YYYY-MM-DDTHH:MM");
  return i;
}

std::optional<date::sys_days> day_option(const std::optional<std::string>& value, const std::string& option) {
  if (!value) return std::nullopt;
  auto i = parse_instant(*value);
  if (!i || i->time_of_day || value->size() != 10)
    throw py::value_error("invalid " + option + " '" + *value + "': expected a real date as YYYY-MM-DD");
  return i->day;
}

ExtractOptions extract_options(const std::string& type, bool day_first) {
  const std::optional<DocType> doc_type = parse_doc_type(type);
  if (!doc_type) throw py::value_error("--type: " + type + " not in {news,narrative,schedule}");
  ExtractOptions o;
  o.doc_type = *doc_type;
  o.day_first = day_first;
  return o;
}

Result extract_json(const std::string& text, const std::optional<std::string>& dct, const std::string& type,
                    bool day_first, const std::string& doc) {
  py::gil_scoped_release unlocked;
  LoadOptions load;
  load.dct = instant_option(dct, "--dct");
  const ExtractOptions options = extract_options(type, day_first);
  Result r;
  // As the command line reads a text on standard input: a title line, a byline's date.
  const Document d = document_from_text(text, doc, "-", load, &r.second);
  if (!d.published)
    r.second.push_back(doc +
                       ": no publication date found (give --dct or --dct-fallback): only explicit dates are resolved");
  r.first = "[";
  bool first = true;
  extract_each(Grammar::english(), d, options, [&](Mention& m) {
    if (!first) r.first += ',';
    first = false;
    append_mention_json_line(r.first, d.id, m);
  });
  r.first += ']';
  return r;
}

Result build_json(const std::vector<std::string>& articles, const std::optional<std::string>& dct,
                  const std::optional<std::string>& dct_fallback, const std::string& type, bool day_first,
                  double merge_threshold, const std::optional<std::string>& date_from,
                  const std::optional<std::string>& date_to) {
  py::gil_scoped_release unlocked;
  LoadOptions load;
  load.format = InputFormat::jsonl;
  load.dct = instant_option(dct, "--dct");
  load.dct_fallback = instant_option(dct_fallback, "--dct-fallback");
  const ExtractOptions options = extract_options(type, day_first);
  if (!(merge_threshold >= 0.0 && merge_threshold <= 2.0)) {
    std::ostringstream v;
    v << merge_threshold;
    throw py::value_error("--merge-threshold: Value " + v.str() + " not in range 0.000000 to 2.000000");
  }
  const auto lo = day_option(date_from, "--from"), hi = day_option(date_to, "--to");
  if (lo && hi && *hi < *lo) throw py::value_error("--to " + *date_to + " is before --from " + *date_from);

  // Each article is read as a line of JSON lines input is (`timeliner build --input-format jsonl`).
  FileLoad loaded;
  for (std::size_t i = 0; i < articles.size(); ++i) load_jsonl_line(articles[i], "articles", i + 1, load, loaded);
  Result r;
  r.second = std::move(loaded.warnings);
  for (const Skip& s : loaded.skipped) r.second.push_back("skipped " + s.message);
  std::set<std::string> ids;
  std::vector<Document> dated;
  std::vector<std::string> undated;
  for (Document& d : loaded.documents) {
    d.id = unique_id(d.id, ids);
    if (d.published)
      dated.push_back(std::move(d));
    else
      undated.push_back(d.source);
  }
  const std::string hint = ": no publication date found (give one with --dct or --dct-fallback)";
  if (dated.empty()) {
    if (!undated.empty())
      throw py::value_error(undated.front() + hint +
                            (undated.size() > 1 ? " (and " + std::to_string(undated.size() - 1) + " more)" : ""));
    if (articles.empty()) throw py::value_error("no articles to build a timeline from");
    throw py::value_error("no documents to build a timeline from: every input was skipped");
  }
  for (const auto& u : undated) r.second.push_back("skipped " + u + hint);
  Timeline t = build_timeline(std::move(dated), Grammar::english(), options, MergeOptions{merge_threshold});
  filter_events(t, lo, hi);
  r.first = timeline_to_json(t);
  return r;
}

}  // namespace

}  // namespace timeliner::python

PYBIND11_MODULE(_core, m) {
  using namespace timeliner::python;
  m.doc() = "The C++ core of the timeliner package: use timeliner.extract and timeliner.build.";
  m.attr("version") = timeliner::kVersion;
  m.def("extract_json", &extract_json, py::arg("text"), py::arg("dct"), py::arg("type"), py::arg("day_first"),
        py::arg("doc"),
        "The temporal expressions of `text` as a JSON array of extract's objects, and the warnings met.");
  m.def("build_json", &build_json, py::arg("articles"), py::arg("dct"), py::arg("dct_fallback"), py::arg("type"),
        py::arg("day_first"), py::arg("merge_threshold"), py::arg("date_from"), py::arg("date_to"),
        "The timeline of `articles` (each a line of JSON lines input) as the timeline JSON, and the warnings met.");
}
