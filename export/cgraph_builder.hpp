#pragma once
/// The diagram of a knowledge graph in Graphviz terms (internal to export/):
/// describe_dot() says what to draw, node by node and edge by edge, to a
/// DotSink; the DOT writer streams it as text, the renderer builds a cgraph
/// graph from it and lays it out.
#include <graphviz/cgraph.h>

#include <memory>
#include <string>
#include <vector>

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

struct DotAttr {
  const char* key;
  std::string value;
};

/// Receives a diagram: attribute defaults first, then nodes, edges and clusters.
class DotSink {
 public:
  enum class Kind { Graph, Node, Edge };
  virtual ~DotSink() = default;
  /// A default value of an attribute (every attribute used is declared).
  virtual void declare(Kind kind, const char* key, const char* value) = 0;
  virtual void node(const std::string& id, const std::vector<DotAttr>& attrs) = 0;
  virtual void edge(const std::string& tail, const std::string& head, const std::vector<DotAttr>& attrs) = 0;
  virtual void begin_cluster(const std::string& name, const std::vector<DotAttr>& attrs) = 0;
  virtual void end_cluster() = 0;
};

/// The selected graph, styled, told to `sink`.
void describe_dot(const graph::KnowledgeGraph& g, const Filter& f, const CgraphStyle& style, DotSink& sink);

/// The selected graph as a directed cgraph graph. `disc` may be null.
AgraphPtr build_cgraph(const graph::KnowledgeGraph& g, const Filter& f, const CgraphStyle& style, Agdisc_t* disc = nullptr);

/// A value made safe for cgraph 2.42 (see formats.md §6): backslashes
/// doubled, CR/LF/TAB as spaces, at most `max_bytes` bytes (cut on a UTF-8 boundary).
std::string dot_safe(std::string_view value, std::size_t max_bytes = 2000);

}  // namespace irgraph::exporters
