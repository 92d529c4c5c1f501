#pragma once
/// A force-directed layout computed when a page is written, so that a browser
/// shows a big graph at once instead of laying it out at load.
#include <cstddef>
#include <utility>
#include <vector>

namespace irgraph::exporters {

struct Point {
  double x = 0, y = 0;
};

/// Positions for `n` nodes joined by `edges` (node indexes): Boost.Graph's
/// Fruchterman-Reingold layout of the nodes that have an edge, in a square
/// that grows with their number; nodes without an edge in rows below it.
/// Deterministic: the same graph always gets the same positions.
std::vector<Point> force_layout(std::size_t n, const std::vector<std::pair<std::size_t, std::size_t>>& edges);

}  // namespace irgraph::exporters
