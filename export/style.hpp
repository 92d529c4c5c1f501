#pragma once
/// How each node type looks, shared by every visual format (DOT, diagrams,
/// GEXF colours): shape, fill and border colour.
#include <cstdint>

#include "core/ontology.hpp"

namespace irgraph::exporters {

struct TypeStyle {
  const char* shape;   ///< Graphviz shape
  const char* fill;    ///< "#rrggbb"
  const char* border;  ///< "#rrggbb"
};

constexpr TypeStyle style_of(NodeType t) {
  switch (t) {
    case NodeType::Country: return {"box", "#e8f0fe", "#3b6fd8"};
    case NodeType::Official: return {"ellipse", "#fff4e5", "#d9822b"};
    case NodeType::Agreement: return {"note", "#eaf7ea", "#3c9a4a"};
    case NodeType::Place: return {"house", "#fdecea", "#c8553d"};
    case NodeType::Organization: return {"component", "#f3e8fd", "#8e44ad"};
  }
  return {"ellipse", "#ffffff", "#000000"};
}

/// One channel (0 red, 1 green, 2 blue) of a "#rrggbb" colour.
constexpr int channel(const char* hex, int i) {
  auto v = [](char c) { return c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0'; };
  return v(hex[1 + 2 * i]) * 16 + v(hex[2 + 2 * i]);
}

}  // namespace irgraph::exporters
