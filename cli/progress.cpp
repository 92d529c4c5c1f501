#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace irgraph::cli {

Progress::Progress(std::ostream& out, bool enabled, std::uint64_t total_bytes)
    : out_(out), enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() { clear(); }

bool Progress::is_terminal(int fd) { return isatty(fd) == 1; }

void Progress::update(std::uint64_t documents, std::uint64_t bytes) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  if (secs < 0.05) return;
  double mbps = static_cast<double>(bytes) / 1e6 / secs, dps = static_cast<double>(documents) / secs;
  char line[160];
  int n = std::snprintf(line, sizeof line, "\r  %llu documents  %.1f docs/s  %.2f MB/s", static_cast<unsigned long long>(documents),
                        dps, mbps);
  std::string s(line, static_cast<std::size_t>(n));
  if (total_ > 0 && bytes > 0 && bytes <= total_) {
    double left = secs * static_cast<double>(total_ - bytes) / static_cast<double>(bytes);
    int pct = static_cast<int>(100.0 * static_cast<double>(bytes) / static_cast<double>(total_));
    std::snprintf(line, sizeof line, "  %3d%%  %d:%02d left   ", pct, static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    s += line;
  }
  out_ << s << std::flush;
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  out_ << "\r" << std::string(78, ' ') << "\r" << std::flush;
  shown_ = false;
}

}  // namespace irgraph::cli
