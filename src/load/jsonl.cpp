// JSON lines: one article a line, {"id", "title", "text" or "html", "published", "url"}.
#include "load/internal.hpp"

#include <timeliner/text.hpp>

#include <nlohmann/json.hpp>

namespace timeliner::load_detail {
namespace {

// A value echoed in a warning: control characters (newlines among them) shown as spaces, so the
// warning stays one line.
std::string one_line(std::string s) {
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return s;
}

std::string string_field(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return {};
}

}  // namespace

void read_jsonl(std::string_view bytes, const std::string& path, const LoadOptions& options, FileLoad& out,
                std::size_t first_line) {
  const std::string stem = stem_of(path);
  std::size_t line_start = 0;
  if (first_line == 1 && bytes.substr(0, 3) == "\xEF\xBB\xBF") line_start = 3;
  for (std::size_t number = first_line; line_start < bytes.size(); ++number) {
    std::size_t line_end = bytes.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = bytes.size();
    std::string_view raw = bytes.substr(line_start, line_end - line_start);
    const std::size_t offset = line_start;
    line_start = line_end + 1;
    const std::string where = path + ":" + std::to_string(number);
    if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::size_t bad = std::string_view::npos;
    const std::string line = sanitize_utf8(raw, &bad);
    if (bad != std::string_view::npos)
      out.warnings.push_back(path + ": invalid UTF-8 at byte " + std::to_string(offset + bad) + " (line " +
                             std::to_string(number) + "), replaced with U+FFFD");
    const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    auto malformed = [&](const std::string& why) {
      out.skipped.push_back(Skip{where, SkipReason::malformed, where + ": " + why});
    };
    if (j.is_discarded() || !j.is_object()) {
      malformed("not a JSON object");
      continue;
    }
    const auto text = j.find("text");
    const auto html = j.find("html");
    const bool has_text = text != j.end() && text->is_string();
    const bool has_html = html != j.end() && html->is_string();
    if (!has_text && !has_html) {
      malformed("no \"text\" or \"html\" string");
      continue;
    }
    std::string id = string_field(j, "id");
    if (id.empty()) id = stem + ":" + std::to_string(number);
    const std::string url = string_field(j, "url");
    const std::string source = url.empty() ? where : url;
    Document doc;
    std::optional<FoundDate> found;
    const std::string published = string_field(j, "published");
    if (!published.empty() && !options.dct) {
      if (auto i = parse_date_string(published))
        found = FoundDate{*i, "jsonl"};
      else
        out.warnings.push_back(where + ": cannot read \"published\": " + one_line(published.substr(0, 60)));
    }
    if (has_html) {
      HtmlArticle a;
      try {
        a = read_html(html->get<std::string>(), where, url);
      } catch (const LoadError& e) {
        // One bad article skips its own line, not the rest of the file.
        malformed(std::string("\"html\" is not readable: ") + e.what());
        continue;
      }
      for (auto& w : a.warnings) out.warnings.push_back(std::move(w));
      doc.title = std::move(a.title);
      doc.text = std::move(a.text);
      if (!found) found = a.published;
    } else {
      doc.text = sanitize_utf8(text->get<std::string>());
      doc.title = title_from_first_line(doc.text);
      if (!found && !options.dct && !url.empty())
        if (auto i = date_from_url(url)) found = FoundDate{*i, "url"};
      if (!found && !options.dct) found = date_from_byline(doc.text);
    }
    if (const std::string title = string_field(j, "title"); !title.empty()) doc.title = title;
    doc.id = std::move(id);
    doc.source = source;
    settle_date(doc, found, options);
    out.documents.push_back(std::move(doc));
  }
}

}  // namespace timeliner::load_detail

namespace timeliner {

void load_jsonl_line(std::string_view line, const std::string& path, std::size_t number, const LoadOptions& options,
                     FileLoad& out) {
  load_detail::read_jsonl(line, path, options, out, number);
}

}  // namespace timeliner
