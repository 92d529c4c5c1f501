#pragma once
/// Diagrams: lays the graph out with Graphviz (gvc) and renders SVG or PNG.
#include <iosfwd>
#include <string>

#include "export/exporter.hpp"

namespace irgraph::exporters {

struct RenderOptions {
  std::string format;  ///< "svg" or "png"; empty: from the file extension
  std::string engine;  ///< Graphviz layout engine; empty: dot for small graphs, sfdp for large ones
  bool legend = true;
};

/// The format to render: `requested` when given (svg or png), else from the
/// extension of `path`. Throws UsageError naming what is wrong.
std::string render_format(const std::string& path, const std::string& requested);

/// Renders the selected graph to `out` (format: opt.format, default svg).
/// Throws UsageError for an unknown format and Error when Graphviz fails.
void render(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out, const RenderOptions& opt = {});

/// Node count above which the layout switches to sfdp without clusters.
inline constexpr std::size_t kLargeGraph = 150;

}  // namespace irgraph::exporters
