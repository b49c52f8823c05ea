// Runs the timeliner executable as a child process with a time limit, measuring its peak memory.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace timeliner::testing {

struct ProcessResult {
  int code = -1;            // exit code, -1 when killed by a signal
  int signal = 0;           // the signal that ended it, 0 when it exited
  bool timed_out = false;   // killed by us after `timeout_s`
  double seconds = 0;       // wall time
  long max_rss_kb = 0;      // peak resident memory
  std::string out, err;
};

// Runs `exe` with `args`, standard input from `stdin_path` (/dev/null when empty), in `cwd`.
ProcessResult run_process(const std::string& exe, const std::vector<std::string>& args,
                          const std::filesystem::path& stdin_path = {}, double timeout_s = 60,
                          const std::filesystem::path& cwd = {});

// A fresh temporary folder, removed with everything in it at the end of the scope.
struct ScratchDir {
  std::filesystem::path path;
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::filesystem::path write(const std::string& name, const std::string& content) const;
};

std::string read_file(const std::filesystem::path& p);

}  // namespace timeliner::testing
