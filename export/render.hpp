#pragma once
/// Diagrams: lays the graph out with Graphviz (gvc) and renders SVG or PNG.
#include <string>

#include "export/exporter.hpp"

namespace irgraph::exporters {

struct RenderOptions {
  std::string format;  ///< "svg" or "png"; empty: from the file extension
  std::string engine;  ///< Graphviz layout engine; empty: dot for small graphs, sfdp for large ones
  bool legend = true;
};

/// Renders the selected graph to `path`. Throws UsageError for an unknown
/// format and Error when Graphviz fails.
void render(const graph::KnowledgeGraph& g, const Filter& f, const std::string& path, const RenderOptions& opt = {});

/// Node count above which the layout switches to sfdp without clusters.
inline constexpr std::size_t kLargeGraph = 150;

}  // namespace irgraph::exporters
