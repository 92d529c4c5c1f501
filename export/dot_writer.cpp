// DOT through Graphviz cgraph: shape and colour by node type, relation labels.
#include <map>
#include <vector>

#include "core/error.hpp"
#include "export/cgraph_builder.hpp"
#include "export/style.hpp"

namespace irgraph::exporters {

namespace {

struct RelStyle {
  const char* style;
  const char* color;
  bool undirected;
};
RelStyle style_of(RelationType r) {
  switch (r) {
    case RelationType::MetWith: return {"bold", "#d9822b", true};
    case RelationType::Accompanied: return {"dashed", "#d9822b", false};
    case RelationType::Signed: return {"solid", "#3c9a4a", false};
    case RelationType::GuarantorOf: return {"bold", "#3c9a4a", false};
    case RelationType::PartyTo: return {"dotted", "#3c9a4a", false};
    case RelationType::OfficialOf: return {"dashed", "#7f8c8d", false};
    case RelationType::LocatedIn: return {"dotted", "#7f8c8d", false};
    case RelationType::Visited: return {"solid", "#3b6fd8", false};
  }
  return {"solid", "black", false};
}

/// cgraph takes char*; it copies what it is given.
void set(void* obj, const char* attr, const std::string& value) {
  agsafeset(obj, const_cast<char*>(attr), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

}  // namespace

std::string dot_safe(std::string_view v, std::size_t max_bytes) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else out += c;
  }
  if (out.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    if (cut > 0 && out[cut - 1] == '\\') --cut;  // never end on half an escape
    out.resize(cut);
    out += "…";
  }
  return out;
}

AgraphPtr build_cgraph(const graph::KnowledgeGraph& g, const Filter& f, const CgraphStyle& st, Agdisc_t* disc) {
  Agdesc_t desc = Agdirected;
  AgraphPtr ag(agopen(const_cast<char*>("irgraph"), desc, disc));
  if (!ag) throw Error("dot: cgraph could not create a graph");
  Agraph_t* G = ag.get();
  auto gattr = [&](const char* k, const char* v) { agattr(G, AGRAPH, const_cast<char*>(k), const_cast<char*>(v)); };
  auto nattr = [&](const char* k, const char* v) { agattr(G, AGNODE, const_cast<char*>(k), const_cast<char*>(v)); };
  auto eattr = [&](const char* k, const char* v) { agattr(G, AGEDGE, const_cast<char*>(k), const_cast<char*>(v)); };
  gattr("charset", "UTF-8");
  gattr("rankdir", "LR");
  gattr("fontname", "DejaVu Sans");
  gattr("outputorder", "edgesfirst");
  gattr("label", "");
  gattr("labelloc", "t");
  gattr("style", "");
  gattr("color", "");
  gattr("fontsize", st.large ? "10" : "14");
  if (st.large) {
    gattr("overlap", "prism");
    gattr("splines", "true");
  }
  nattr("fontname", "DejaVu Sans");
  nattr("style", "filled");
  nattr("fillcolor", "white");
  nattr("color", "black");
  nattr("shape", "ellipse");
  nattr("label", "\\N");
  nattr("tooltip", "");
  nattr("fontsize", st.large ? "9" : "12");
  nattr("type", "");
  eattr("fontname", "DejaVu Sans");
  eattr("fontsize", st.large ? "7" : "9");
  eattr("label", "");
  eattr("style", "solid");
  eattr("color", "black");
  eattr("fontcolor", "#444444");
  eattr("dir", "forward");
  eattr("penwidth", "1");
  eattr("tooltip", "");
  eattr("relation", "");
  eattr("evidence", "0");
  eattr("dates", "");

  Selection sel = select(g, f);
  std::map<std::string, Agnode_t*> nodes;
  // roles of officials for their labels
  std::map<std::string, std::string> roles;
  for (const auto& r : sel.relations)
    if (r.relation->type == RelationType::OfficialOf && !roles.count(r.source->key)) {
      auto v = r.relation->values();
      if (!v.empty()) roles[r.source->key] = v.front();
    }
  for (const graph::Node* n : sel.nodes) {
    Agnode_t* an = agnode(G, const_cast<char*>(n->key.c_str()), 1);
    if (!an) throw Error("dot: cgraph could not create node " + n->key);
    nodes[n->key] = an;
    TypeStyle ts = style_of(n->type);
    std::string label = dot_safe(n->name, 300);
    if (auto it = roles.find(n->key); it != roles.end()) label += "\\n" + dot_safe(it->second, 100);
    set(an, "label", label);
    set(an, "shape", ts.shape);
    set(an, "fillcolor", ts.fill);
    set(an, "color", ts.border);
    set(an, "type", std::string(name(n->type)));
    if (st.tooltips) {
      std::string tip = std::string(name(n->type)) + ": " + n->name;
      if (!n->aliases.empty()) {
        tip += " (also";
        for (std::size_t i = 0; i < n->aliases.size() && i < 8; ++i) tip += (i ? ", " : " ") + n->aliases[i].text;
        tip += ")";
      }
      set(an, "tooltip", dot_safe(tip, 1000));
    }
  }
  int edge_no = 0;
  for (const auto& r : sel.relations) {
    Agnode_t* s = nodes.at(r.source->key);
    Agnode_t* t = nodes.at(r.target->key);
    std::string id = "e" + std::to_string(++edge_no);
    Agedge_t* e = agedge(G, s, t, const_cast<char*>(id.c_str()), 1);
    if (!e) throw Error("dot: cgraph could not create an edge");
    RelStyle rs = style_of(r.relation->type);
    // parts escaped one by one, joined by Graphviz line breaks
    std::string label(name(r.relation->type));
    auto values = r.relation->values();
    if (!values.empty()) label += " (" + dot_safe(values.front(), 200) + ")";
    auto [lo, hi] = r.relation->date_range();
    std::string dates = lo.empty() ? "" : (lo == hi ? lo : lo + " – " + hi);
    if (!dates.empty()) label += "\\n" + dates;
    if (r.relation->evidence.size() > 1) label += "\\n×" + std::to_string(r.relation->evidence.size());
    // large diagrams: edge labels only as tooltips, or the picture drowns in text
    set(e, st.large ? "tooltip" : "label", label);
    set(e, "style", rs.style);
    set(e, "color", rs.color);
    set(e, "relation", std::string(name(r.relation->type)));
    set(e, "evidence", std::to_string(r.relation->evidence.size()));
    set(e, "dates", dates);
    if (rs.undirected) set(e, "dir", "none");
    double width = 1.0 + std::min<double>(4.0, static_cast<double>(r.relation->evidence.size() - 1) * 0.75);
    set(e, "penwidth", std::to_string(width).substr(0, 4));
    if (st.tooltips) {
      const auto& ev = r.relation->evidence.front();
      std::string tip = (st.large ? label + ": " : std::string()) + dot_safe(ev.text, 1200) + " [" + dot_safe(ev.doc_id, 200) +
                        (ev.date.empty() ? "" : ", " + ev.date) + "]";
      set(e, "tooltip", tip);
    }
  }
  if (st.legend) {
    Agraph_t* leg = agsubg(G, const_cast<char*>("cluster_legend"), 1);
    set(leg, "label", "Legend");
    set(leg, "style", "rounded,dashed");
    set(leg, "color", "#999999");
    Agnode_t* prev = nullptr;
    for (NodeType t : kNodeTypes) {
      std::string id = "legend:" + std::string(name(t));
      Agnode_t* n = agnode(leg, const_cast<char*>(id.c_str()), 1);
      TypeStyle ts = style_of(t);
      set(n, "label", std::string(name(t)));
      set(n, "shape", ts.shape);
      set(n, "fillcolor", ts.fill);
      set(n, "color", ts.border);
      if (prev) {
        Agedge_t* e = agedge(leg, prev, n, nullptr, 1);
        set(e, "style", "invis");
      }
      prev = n;
    }
  }
  return ag;
}

namespace {

/// cgraph writes through this discipline into a std::ostream.
int put_to_stream(void* chan, const char* s) {
  auto* out = static_cast<std::ostream*>(chan);
  out->write(s, static_cast<std::streamsize>(std::char_traits<char>::length(s)));
  return out->good() ? 0 : EOF;
}
int flush_stream(void* chan) {
  static_cast<std::ostream*>(chan)->flush();
  return 0;
}

class DotExporter : public Exporter {
 public:
  std::string_view name() const override { return "dot"; }
  std::string_view description() const override { return "Graphviz DOT via cgraph: shape and colour by type, relation labels"; }
  std::string_view extension() const override { return "dot"; }
  void write(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out) const override {
    static Agiodisc_t io = {AgIoDisc.afread, put_to_stream, flush_stream};
    static Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
    AgraphPtr ag = build_cgraph(g, f, CgraphStyle{}, &disc);
    if (agwrite(ag.get(), &out) != 0 || !out) throw Error("dot: writing failed");
  }
};

}  // namespace

std::unique_ptr<Exporter> make_dot_exporter() { return std::make_unique<DotExporter>(); }

}  // namespace irgraph::exporters
