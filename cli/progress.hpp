#pragma once
/// A one-line progress display for long ingests: documents and bytes per
/// second and the time left, redrawn at most five times a second. Shown only
/// on a terminal; silent otherwise (and with --quiet).
#include <chrono>
#include <cstdint>
#include <ostream>

namespace irgraph::cli {

class Progress {
 public:
  /// `total_bytes` 0 when unknown (standard input): then no estimate of time left.
  Progress(std::ostream& out, bool enabled, std::uint64_t total_bytes);
  ~Progress();
  void update(std::uint64_t documents, std::uint64_t bytes);
  /// Clears the line (before a summary or an error message).
  void clear();

  /// Is file descriptor `fd` a terminal?
  static bool is_terminal(int fd);

 private:
  std::ostream& out_;
  bool enabled_;
  std::uint64_t total_;
  std::chrono::steady_clock::time_point start_, last_;
  bool shown_ = false;
};

}  // namespace irgraph::cli
