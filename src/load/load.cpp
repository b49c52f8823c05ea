// Reading inputs: format by extension or option, size and binary checks, dates settled.
#include "load/internal.hpp"

#include <timeliner/text.hpp>
#include <timeliner/timeml.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace timeliner {
namespace fs = std::filesystem;
namespace {

// Reads at most max_bytes + 1 bytes; returns false when the stream failed.
bool read_stream(std::istream& in, std::size_t max_bytes, std::string& data) {
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_bytes) return true;
  }
  return !in.bad();
}

std::string lower_ext(const std::string& path) {
  std::string e = fs::path(path).extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

void skip(FileLoad& out, SkipReason reason, const std::string& why) {
  out.skipped.push_back(Skip{out.path, reason, out.path + ": " + why});
}

}  // namespace

namespace load_detail {

void settle_date(Document& doc, const std::optional<FoundDate>& found, const LoadOptions& options) {
  title_after_byline(doc, found);
  if (options.dct) {
    doc.published = options.dct;
    doc.published_from = "cli";
  } else if (found) {
    doc.published = found->when;
    doc.published_from = found->from;
  } else if (options.dct_fallback) {
    doc.published = options.dct_fallback;
    doc.published_from = "fallback";
  } else {
    doc.published.reset();
    doc.published_from.clear();
  }
}

void title_after_byline(Document& doc, const std::optional<FoundDate>& found) {
  // Only a title with a digit may be a byline's line ("Published: 2025-04-18").
  if (doc.title.find_first_of("0123456789") == std::string::npos) return;
  // Nor may a title that is not the text's first line (a JSON line's own title, mostly): the test
  // below needs it, and it spares looking for a byline.
  if (doc.title != title_from_first_line(doc.text)) return;
  const auto byline =
      found && found->from == "byline" && found->end > found->begin ? found : date_from_byline(doc.text);
  if (!byline || byline->from != "byline") return;
  const std::string_view text(doc.text);
  if (text.find_first_not_of(" \t\r\n") != byline->begin ||
      doc.title != title_from_first_line(text.substr(0, text.find('\n', byline->end) + 1)))
    return;
  doc.title = title_from_first_line(text.substr(byline->end));
}

std::string title_from_first_line(std::string_view text) {
  const std::size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const std::size_t e = text.find('\n', b);
  if (e == std::string_view::npos) return {};
  std::string_view line = text.substr(b, e - b);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  if (line.empty() || line.size() > 200) return {};
  const char last = line.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return {};
  return std::string(line);
}

std::string stem_of(const std::string& path) {
  std::string id = fs::path(path).stem().string();
  return id.empty() ? "document" : id;
}

}  // namespace load_detail

std::string_view to_string(InputFormat f) {
  switch (f) {
    case InputFormat::auto_:
      return "auto";
    case InputFormat::text:
      return "text";
    case InputFormat::html:
      return "html";
    case InputFormat::jsonl:
      return "jsonl";
    case InputFormat::timeml:
      return "timeml";
  }
  return "auto";
}

std::optional<InputFormat> parse_input_format(std::string_view s) {
  for (auto f : {InputFormat::auto_, InputFormat::text, InputFormat::html, InputFormat::jsonl, InputFormat::timeml})
    if (to_string(f) == s) return f;
  return std::nullopt;
}

InputFormat format_of_path(std::string_view path) {
  const std::string e = lower_ext(std::string(path));
  if (e == ".html" || e == ".htm" || e == ".xhtml") return InputFormat::html;
  if (e == ".jsonl" || e == ".ndjson") return InputFormat::jsonl;
  if (e == ".tml" || e == ".timeml") return InputFormat::timeml;
  return InputFormat::text;
}

std::string_view to_string(SkipReason r) {
  switch (r) {
    case SkipReason::unreadable:
      return "unreadable";
    case SkipReason::binary:
      return "binary";
    case SkipReason::oversized:
      return "oversized";
    case SkipReason::malformed:
      return "malformed";
  }
  return "malformed";
}

namespace {

// A text document from bytes that may be taken over as they are (valid UTF-8, no NUL, no byte order
// mark: what sanitize_utf8 would return unchanged), else from their sanitised copy.
Document text_document(std::string&& owned, std::string_view bytes, std::string id, std::string source,
                       const LoadOptions& options, std::vector<std::string>* warnings) {
  Document doc;
  doc.id = std::move(id);
  doc.source = std::move(source);
  std::size_t bad = std::string_view::npos;
  if (!owned.empty() && owned.data() == bytes.data() && is_valid_utf8(bytes) &&
      bytes.find('\0') == std::string_view::npos && !bytes.starts_with("\xEF\xBB\xBF"))
    doc.text = std::move(owned);
  else
    doc.text = sanitize_utf8(bytes, &bad);
  if (bad != std::string_view::npos) {
    const std::string w = doc.source + ": invalid UTF-8 at byte " + std::to_string(bad) + ", replaced with U+FFFD";
    if (warnings)
      warnings->push_back(w);
    else
      std::cerr << "timeliner: warning: " << w << "\n";
  }
  doc.title = load_detail::title_from_first_line(doc.text);
  load_detail::settle_date(doc, options.dct ? std::nullopt : date_from_byline(doc.text), options);
  return doc;
}

}  // namespace

Document document_from_text(std::string_view bytes, std::string id, std::string source, const LoadOptions& options,
                            std::vector<std::string>* warnings) {
  std::string none;
  return text_document(std::move(none), bytes, std::move(id), std::move(source), options, warnings);
}

FileLoad load_file(const std::string& path, const LoadOptions& options) {
  FileLoad out;
  out.path = path;
  InputFormat format = options.format;
  if (format == InputFormat::auto_) format = path == "-" ? InputFormat::text : format_of_path(path);
  std::string bytes;
  if (path == "-") {
    if (!read_stream(std::cin, options.max_bytes, bytes)) {
      skip(out, SkipReason::unreadable, "read error");
      return out;
    }
  } else {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      skip(out, SkipReason::unreadable, "no such file");
      return out;
    }
    if (fs::is_directory(status)) {
      skip(out, SkipReason::unreadable, "a folder that cannot be read");
      return out;
    }
    const auto size = fs::file_size(path, ec);
    if (!ec && size > options.max_bytes) {
      skip(out, SkipReason::oversized,
           "larger than the limit of " + std::to_string(options.max_bytes) + " bytes (--max-bytes)");
      return out;
    }
    if (!ec) bytes.reserve(static_cast<std::size_t>(size) + 1);  // read into one block of the file's size
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      skip(out, SkipReason::unreadable, std::string("cannot open: ") + std::strerror(errno));
      return out;
    }
    if (!read_stream(in, options.max_bytes, bytes)) {
      skip(out, SkipReason::unreadable, "read error");
      return out;
    }
  }
  if (bytes.size() > options.max_bytes) {
    skip(out, SkipReason::oversized,
         "larger than the limit of " + std::to_string(options.max_bytes) + " bytes (--max-bytes)");
    return out;
  }
  if (format != InputFormat::jsonl && std::string_view(bytes).substr(0, 8192).find('\0') != std::string_view::npos) {
    skip(out, SkipReason::binary, "binary data (NUL bytes), not text");
    return out;
  }
  const std::string id = path == "-" ? "stdin" : load_detail::stem_of(path);
  try {
    switch (format) {
      case InputFormat::auto_:
      case InputFormat::text:
        out.documents.push_back(text_document(std::move(bytes), bytes, id, path, options, &out.warnings));
        break;
      case InputFormat::html: {
        HtmlArticle a = read_html(bytes, path);
        for (auto& w : a.warnings) out.warnings.push_back(std::move(w));
        Document doc;
        doc.id = id;
        doc.source = path;
        doc.title = std::move(a.title);
        doc.text = std::move(a.text);
        load_detail::settle_date(doc, a.published, options);
        out.documents.push_back(std::move(doc));
        break;
      }
      case InputFormat::jsonl:
        load_detail::read_jsonl(bytes, path, options, out);
        break;
      case InputFormat::timeml: {
        std::size_t bad = std::string_view::npos;
        sanitize_utf8(bytes, &bad);
        if (bad != std::string_view::npos)
          out.warnings.push_back(path + ": invalid UTF-8 at byte " + std::to_string(bad) + ", replaced with U+FFFD");
        TimemlDocument t = read_timeml(bytes, id, path);
        Document doc = std::move(t.document);
        std::optional<FoundDate> found;
        if (doc.published) found = FoundDate{*doc.published, "timeml"};
        load_detail::settle_date(doc, found, options);
        out.documents.push_back(std::move(doc));
        break;
      }
    }
  } catch (const std::exception& e) {
    out.documents.clear();
    std::string why = e.what();
    if (why.rfind(path + ": ", 0) == 0) why = why.substr(path.size() + 2);
    skip(out, SkipReason::malformed, why);
  }
  return out;
}

std::string unique_id(const std::string& id, std::set<std::string>& taken) {
  std::string u = id;
  for (int n = 2; taken.count(u); ++n) u = id + "-" + std::to_string(n);
  taken.insert(u);
  return u;
}

std::vector<Document> load_input(const std::string& path, const LoadOptions& options) {
  FileLoad f = load_file(path, options);
  if (!f.skipped.empty() && f.documents.empty()) throw LoadError(f.skipped.front().message);
  for (const auto& w : f.warnings) std::cerr << "timeliner: warning: " << w << "\n";
  for (const auto& s : f.skipped) std::cerr << "timeliner: warning: " << s.message << "\n";
  return std::move(f.documents);
}

std::vector<Document> load_inputs(const std::vector<std::string>& paths, const LoadOptions& options) {
  std::vector<Document> out;
  std::set<std::string> ids;
  for (const auto& p : expand_inputs(paths)) {
    for (auto& doc : load_input(p, options)) {
      doc.id = unique_id(doc.id, ids);
      out.push_back(std::move(doc));
    }
  }
  return out;
}

}  // namespace timeliner
