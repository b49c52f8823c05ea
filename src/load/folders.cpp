// Folders: the article files under them, recursively, in sorted order.
#include <timeliner/load.hpp>

#include <algorithm>
#include <filesystem>

namespace timeliner {
namespace fs = std::filesystem;
namespace {

bool article_extension(const fs::path& p) {
  std::string e = p.extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* known : {".txt", ".md", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".tml", ".timeml"})
    if (e == known) return true;
  return false;
}

// The article files under `root`: hidden entries skipped, each folder read once even through
// symbolic links (no loops). A folder that cannot be listed is returned itself, so that reading
// it reports it.
std::vector<std::string> files_under(const fs::path& root) {
  std::vector<std::string> files;
  std::set<fs::path> visited;
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = pending.back();
    pending.pop_back();
    std::error_code ec;
    const fs::path real = fs::canonical(dir, ec);
    if (ec || !visited.insert(real).second) continue;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      files.push_back(dir.string());
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path p = it->path();
      if (p.filename().string().starts_with(".")) continue;
      std::error_code sec;
      const auto status = fs::status(p, sec);
      if (sec) {
        files.push_back(p.string());  // a dangling link or an unreadable entry: reported when read
        continue;
      }
      if (fs::is_directory(status))
        pending.push_back(p);
      else if (fs::is_regular_file(status) && article_extension(p))
        files.push_back(p.string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (p == "-") {
      out.push_back(p);
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (!fs::exists(status)) {
      if (fs::is_symlink(fs::symlink_status(p, ec))) throw LoadError(p + ": a broken symbolic link");
      throw LoadError(p + ": no such file or folder");
    }
    if (fs::is_directory(status)) {
      for (auto& f : files_under(p)) out.push_back(std::move(f));
    } else {
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace timeliner
