#pragma once
/// Small string helpers shared by the command line and the HTTP API.
#include <string>
#include <string_view>
#include <vector>

namespace irgraph {

/// The non-empty items of a comma-separated list ("a,,b" -> a, b).
inline std::vector<std::string> split_commas(std::string_view s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    const auto c = s.find(',', pos);
    std::string_view part = s.substr(pos, c == std::string_view::npos ? std::string_view::npos : c - pos);
    if (!part.empty()) out.emplace_back(part);
    if (c == std::string_view::npos) break;
    pos = c + 1;
  }
  return out;
}

}  // namespace irgraph
