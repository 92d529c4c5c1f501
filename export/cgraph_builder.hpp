#pragma once
/// Builds a Graphviz cgraph graph from the knowledge graph (internal to
/// export/: the DOT writer writes it, the renderer lays it out).
#include <graphviz/cgraph.h>

#include <memory>
#include <string>

#include "export/exporter.hpp"

namespace irgraph::exporters {

struct AgraphCloser {
  void operator()(Agraph_t* g) const { if (g) agclose(g); }
};
using AgraphPtr = std::unique_ptr<Agraph_t, AgraphCloser>;

struct CgraphStyle {
  bool legend = false;     ///< add a legend cluster (diagrams, not data exports)
  bool tooltips = true;    ///< SVG tooltips with an evidence sentence
  bool large = false;      ///< a large graph: no clusters, smaller fonts
};

/// The selected graph as a directed cgraph graph. `disc` may be null.
AgraphPtr build_cgraph(const graph::KnowledgeGraph& g, const Filter& f, const CgraphStyle& style, Agdisc_t* disc = nullptr);

/// A value made safe for cgraph 2.42 (see formats.md §6): backslashes
/// doubled, CR/LF/TAB as spaces, at most `max_bytes` bytes (cut on a UTF-8 boundary).
std::string dot_safe(std::string_view value, std::size_t max_bytes = 2000);

}  // namespace irgraph::exporters
