#include "export/render.hpp"

#include <graphviz/gvc.h>

#include <cctype>
#include <memory>
#include <ostream>

#include "core/error.hpp"
#include "export/cgraph_builder.hpp"

namespace irgraph::exporters {

namespace {
struct GvcCloser {
  void operator()(GVC_t* c) const { if (c) gvFreeContext(c); }
};
}  // namespace

std::string render_format(const std::string& path, const std::string& requested) {
  if (!requested.empty()) {
    if (requested != "svg" && requested != "png")
      throw UsageError("render: unknown format '" + requested + "' (formats: svg, png)");
    return requested;
  }
  auto dot = path.rfind('.');
  std::string ext = dot == std::string::npos || path.find('/', dot) != std::string::npos ? "" : path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != "svg" && ext != "png")
    throw UsageError("render: cannot tell the format of '" + path + "' from its name: use a .svg or .png file, or --format svg|png");
  return ext;
}

void render(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out, const RenderOptions& opt) {
  const std::string format = render_format("", opt.format.empty() ? "svg" : opt.format);
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
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(gvc.get(), ag.get(), format.c_str(), &data, &length);
  gvFreeLayout(gvc.get(), ag.get());
  if (rc != 0 || !data) {
    if (data) gvFreeRenderData(data);
    throw Error("render: Graphviz could not render " + format);
  }
  out.write(data, static_cast<std::streamsize>(length));
  gvFreeRenderData(data);
}

}  // namespace irgraph::exporters
