#include "export/render.hpp"

#include <graphviz/gvc.h>

#include <memory>

#include "core/error.hpp"
#include "export/cgraph_builder.hpp"

namespace irgraph::exporters {

namespace {
struct GvcCloser {
  void operator()(GVC_t* c) const { if (c) gvFreeContext(c); }
};
}  // namespace

void render(const graph::KnowledgeGraph& g, const Filter& f, const std::string& path, const RenderOptions& opt) {
  std::string format = opt.format;
  if (format.empty()) {
    auto dot = path.rfind('.');
    format = dot == std::string::npos ? "" : path.substr(dot + 1);
  }
  if (format != "svg" && format != "png")
    throw UsageError("render: cannot tell the format of '" + path + "': use a .svg or .png file (or --format)");
  Selection sel = select(g, f);
  const bool large = sel.nodes.size() > kLargeGraph;
  std::string engine = opt.engine.empty() ? (large ? "sfdp" : "dot") : opt.engine;
  CgraphStyle style;
  style.legend = opt.legend && !large;
  style.large = large;
  std::unique_ptr<GVC_t, GvcCloser> gvc(gvContext());
  if (!gvc) throw Error("render: Graphviz context unavailable");
  AgraphPtr ag = build_cgraph(g, f, style);
  if (large) {
    agattr(ag.get(), AGRAPH, const_cast<char*>("rankdir"), const_cast<char*>(""));
    agsafeset(ag.get(), const_cast<char*>("overlap"), const_cast<char*>("prism"), const_cast<char*>(""));
  }
  if (gvLayout(gvc.get(), ag.get(), engine.c_str()) != 0)
    throw Error("render: Graphviz layout engine '" + engine + "' failed");
  int rc = gvRenderFilename(gvc.get(), ag.get(), format.c_str(), path.c_str());
  gvFreeLayout(gvc.get(), ag.get());
  if (rc != 0) throw Error("render: could not write " + path + " as " + format);
}

}  // namespace irgraph::exporters
