#include <timeliner/load.hpp>
#include <timeliner/text.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

namespace timeliner {
namespace {

std::string read_stream(std::istream& in, const std::string& name, std::size_t max_bytes) {
  std::string data;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_bytes)
      throw LoadError(name + ": larger than the limit of " + std::to_string(max_bytes) + " bytes");
  }
  if (in.bad()) throw LoadError(name + ": read error");
  return data;
}

bool looks_like_title(std::string_view line) {
  if (line.empty() || line.size() > 200) return false;
  const char last = line.back();
  return last != '.' && last != ',' && last != ';' && last != ':';
}

}  // namespace

Document document_from_text(std::string_view bytes, std::string id, std::string source, const LoadOptions& options) {
  Document doc;
  doc.id = std::move(id);
  doc.source = std::move(source);
  std::size_t bad = std::string_view::npos;
  doc.text = sanitize_utf8(bytes, &bad);
  if (bad != std::string_view::npos)
    std::cerr << "timeliner: warning: " << doc.source << ": invalid UTF-8 at byte " << bad
              << ", replaced with U+FFFD\n";
  // Title: the first non-empty line, when followed by a blank line or more text.
  std::size_t b = doc.text.find_first_not_of(" \t\r\n");
  if (b != std::string::npos) {
    std::size_t e = doc.text.find('\n', b);
    if (e != std::string::npos) {
      std::string_view line = std::string_view(doc.text).substr(b, e - b);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (looks_like_title(line)) doc.title = std::string(line);
    }
  }
  if (options.dct) {
    doc.published = options.dct;
    doc.published_from = "cli";
  }
  return doc;
}

std::vector<Document> load_input(const std::string& path, const LoadOptions& options) {
  if (path == "-") {
    std::string data = read_stream(std::cin, "stdin", options.max_bytes);
    return {document_from_text(data, "stdin", "-", options)};
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw LoadError(path + ": no such file");
  if (std::filesystem::is_directory(status)) throw LoadError(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path + ": cannot open: " + std::strerror(errno));
  std::string data = read_stream(in, path, options.max_bytes);
  std::string id = std::filesystem::path(path).stem().string();
  if (id.empty()) id = "document";
  return {document_from_text(data, id, path, options)};
}

std::vector<Document> load_inputs(const std::vector<std::string>& paths, const LoadOptions& options) {
  std::vector<Document> out;
  std::set<std::string> ids;
  for (const auto& p : paths) {
    for (auto& doc : load_input(p, options)) {
      std::string id = doc.id;
      for (int n = 2; ids.count(id); ++n) id = doc.id + "-" + std::to_string(n);
      ids.insert(id);
      doc.id = id;
      out.push_back(std::move(doc));
    }
  }
  return out;
}

}  // namespace timeliner
