// DOT: shape and colour by node type, relation labels; streamed as text for
// exports, built in cgraph for rendering.
#include <cstring>
#include <ostream>
#include <unordered_map>
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

void describe_dot(const graph::KnowledgeGraph& g, const Filter& f, const CgraphStyle& st, DotSink& out) {
  // attribute defaults: (kind, name, value, value for large graphs; nullptr: not set)
  using K = DotSink::Kind;
  struct Default {
    K kind;
    const char* key;
    const char* normal;
    const char* large;
  };
  static const Default kDefaults[] = {
      {K::Graph, "charset", "UTF-8", "UTF-8"},
      {K::Graph, "rankdir", "LR", "LR"},
      {K::Graph, "fontname", "DejaVu Sans", "DejaVu Sans"},
      {K::Graph, "outputorder", "edgesfirst", "edgesfirst"},
      {K::Graph, "label", "", ""},
      {K::Graph, "labelloc", "t", "t"},
      {K::Graph, "style", "", ""},
      {K::Graph, "color", "", ""},
      {K::Graph, "fontsize", "14", "10"},
      {K::Graph, "overlap", nullptr, "prism"},
      {K::Graph, "splines", nullptr, "true"},
      {K::Node, "fontname", "DejaVu Sans", "DejaVu Sans"},
      {K::Node, "style", "filled", "filled"},
      {K::Node, "fillcolor", "white", "white"},
      {K::Node, "color", "black", "black"},
      {K::Node, "shape", "ellipse", "ellipse"},
      {K::Node, "label", "\\N", "\\N"},
      {K::Node, "tooltip", "", ""},
      {K::Node, "fontsize", "12", "9"},
      {K::Node, "type", "", ""},
      {K::Edge, "fontname", "DejaVu Sans", "DejaVu Sans"},
      {K::Edge, "fontsize", "9", "7"},
      {K::Edge, "label", "", ""},
      {K::Edge, "style", "solid", "solid"},
      {K::Edge, "color", "black", "black"},
      {K::Edge, "fontcolor", "#444444", "#444444"},
      {K::Edge, "dir", "forward", "forward"},
      {K::Edge, "penwidth", "1", "1"},
      {K::Edge, "tooltip", "", ""},
      {K::Edge, "relation", "", ""},
      {K::Edge, "evidence", "0", "0"},
      {K::Edge, "dates", "", ""},
  };
  for (const auto& d : kDefaults)
    if (const char* v = st.large ? d.large : d.normal) out.declare(d.kind, d.key, v);

  Selection sel = select(g, f);
  // roles of officials for their labels
  std::unordered_map<std::string_view, std::string> roles;
  for (const auto& r : sel.relations)
    if (r.relation->type == RelationType::OfficialOf && !roles.count(r.source->key)) {
      auto v = r.relation->values();
      if (!v.empty()) roles[r.source->key] = v.front();
    }
  std::vector<DotAttr> attrs;
  for (const graph::Node* n : sel.nodes) {
    TypeStyle ts = style_of(n->type);
    std::string label = dot_safe(n->name, 300);
    if (auto it = roles.find(n->key); it != roles.end()) label += "\\n" + dot_safe(it->second, 100);
    attrs.clear();
    attrs.push_back({"label", std::move(label)});
    attrs.push_back({"shape", ts.shape});
    attrs.push_back({"fillcolor", ts.fill});
    attrs.push_back({"color", ts.border});
    attrs.push_back({"type", std::string(name(n->type))});
    if (st.tooltips) {
      std::string tip = std::string(name(n->type)) + ": " + n->name;
      if (!n->aliases.empty()) {
        tip += " (also";
        for (std::size_t i = 0; i < n->aliases.size() && i < 8; ++i) tip += (i ? ", " : " ") + n->aliases[i].text;
        tip += ")";
      }
      attrs.push_back({"tooltip", dot_safe(tip, 1000)});
    }
    out.node(n->key, attrs);
  }
  for (const auto& r : sel.relations) {
    RelStyle rs = style_of(r.relation->type);
    // parts escaped one by one, joined by Graphviz line breaks
    std::string label(name(r.relation->type));
    auto values = r.relation->values();
    if (!values.empty()) label += " (" + dot_safe(values.front(), 200) + ")";
    auto [lo, hi] = r.relation->date_range();
    std::string dates = lo.empty() ? "" : (lo == hi ? lo.str() : lo + " – " + hi);
    if (!dates.empty()) label += "\\n" + dates;
    if (r.relation->evidence.size() > 1) label += "\\n×" + std::to_string(r.relation->evidence.size());
    attrs.clear();
    // large diagrams: edge labels only as tooltips, or the picture drowns in text
    if (!st.large) attrs.push_back({"label", label});
    attrs.push_back({"style", rs.style});
    attrs.push_back({"color", rs.color});
    attrs.push_back({"relation", std::string(name(r.relation->type))});
    attrs.push_back({"evidence", std::to_string(r.relation->evidence.size())});
    attrs.push_back({"dates", dates});
    if (rs.undirected) attrs.push_back({"dir", "none"});
    double width = 1.0 + std::min<double>(4.0, static_cast<double>(r.relation->evidence.size() - 1) * 0.75);
    attrs.push_back({"penwidth", std::to_string(width).substr(0, 4)});
    if (st.tooltips) {
      const auto& ev = r.relation->evidence.front();
      std::string tip = (st.large ? label + ": " : std::string()) + dot_safe(ev.text, 1200) + " [" + dot_safe(ev.doc_id, 200) +
                        (ev.date.empty() ? "" : ", " + ev.date) + "]";
      attrs.push_back({"tooltip", std::move(tip)});
    } else if (st.large) {
      attrs.push_back({"tooltip", label});
    }
    out.edge(r.source->key, r.target->key, attrs);
  }
  if (st.legend) {
    out.begin_cluster("cluster_legend", {{"label", "Legend"}, {"style", "rounded,dashed"}, {"color", "#999999"}});
    std::string prev;
    for (NodeType t : kNodeTypes) {
      std::string id = "legend:" + std::string(name(t));
      TypeStyle ts = style_of(t);
      out.node(id, {{"label", std::string(name(t))}, {"shape", ts.shape}, {"fillcolor", ts.fill}, {"color", ts.border}});
      if (!prev.empty()) out.edge(prev, id, {{"style", "invis"}});
      prev = id;
    }
    out.end_cluster();
  }
}

namespace {

/// Builds a cgraph graph (for layout and rendering).
class CgraphSink : public DotSink {
 public:
  explicit CgraphSink(Agdisc_t* disc) : ag_(agopen(const_cast<char*>("irgraph"), Agdirected, disc)) {
    if (!ag_) throw Error("dot: cgraph could not create a graph");
    current_ = ag_.get();
  }
  void declare(Kind k, const char* key, const char* value) override {
    int kind = k == Kind::Graph ? AGRAPH : k == Kind::Node ? AGNODE : AGEDGE;
    agattr(ag_.get(), kind, const_cast<char*>(key), const_cast<char*>(value));
  }
  void node(const std::string& id, const std::vector<DotAttr>& attrs) override {
    Agnode_t* n = agnode(current_, const_cast<char*>(id.c_str()), 1);
    if (!n) throw Error("dot: cgraph could not create node " + id);
    for (const auto& a : attrs) set(n, a.key, a.value);
  }
  void edge(const std::string& tail, const std::string& head, const std::vector<DotAttr>& attrs) override {
    Agnode_t* t = agnode(current_, const_cast<char*>(tail.c_str()), 0);
    Agnode_t* h = agnode(current_, const_cast<char*>(head.c_str()), 0);
    if (!t || !h) throw Error("dot: an edge between unknown nodes " + tail + " and " + head);
    std::string id = "e" + std::to_string(++edges_);
    Agedge_t* e = agedge(current_, t, h, const_cast<char*>(id.c_str()), 1);
    if (!e) throw Error("dot: cgraph could not create an edge");
    for (const auto& a : attrs) set(e, a.key, a.value);
  }
  void begin_cluster(const std::string& name, const std::vector<DotAttr>& attrs) override {
    current_ = agsubg(ag_.get(), const_cast<char*>(name.c_str()), 1);
    for (const auto& a : attrs) set(current_, a.key, a.value);
  }
  void end_cluster() override { current_ = ag_.get(); }
  AgraphPtr take() { return std::move(ag_); }

 private:
  AgraphPtr ag_;
  Agraph_t* current_ = nullptr;
  std::size_t edges_ = 0;
};

}  // namespace

AgraphPtr build_cgraph(const graph::KnowledgeGraph& g, const Filter& f, const CgraphStyle& st, Agdisc_t* disc) {
  CgraphSink sink(disc);
  describe_dot(g, f, st, sink);
  return sink.take();
}

namespace {

/// Streams DOT text: defaults once, then one line per node and edge with the
/// attributes that differ from the defaults. Every ID and value is quoted,
/// with '"' escaped, as cgraph's own writer does; values come through
/// dot_safe, so the text reads back in Graphviz 2.42.
class DotTextSink : public DotSink {
 public:
  explicit DotTextSink(std::ostream& out) : out_(out) {}
  void declare(Kind k, const char* key, const char* value) override {
    defaults_[static_cast<int>(k)].push_back({key, value});
  }
  void node(const std::string& id, const std::vector<DotAttr>& attrs) override {
    start();
    line_.assign(indent());
    quote(id);
    attributes(Kind::Node, attrs);
    flush_line();
  }
  void edge(const std::string& tail, const std::string& head, const std::vector<DotAttr>& attrs) override {
    start();
    line_.assign(indent());
    quote(tail);
    line_ += " -> ";
    quote(head);
    attributes(Kind::Edge, attrs);
    flush_line();
  }
  void begin_cluster(const std::string& name, const std::vector<DotAttr>& attrs) override {
    start();
    line_.assign("\tsubgraph ");
    quote(name);
    line_ += " {\n\t\tgraph";
    attributes(Kind::Graph, attrs, /*all=*/true);
    flush_line();
    in_cluster_ = true;
  }
  void end_cluster() override {
    out_ << "\t}\n";
    in_cluster_ = false;
  }
  void finish() {
    start();
    out_ << "}\n";
  }

 private:
  std::ostream& out_;
  std::vector<DotAttr> defaults_[3];
  bool started_ = false, in_cluster_ = false;
  std::string line_;

  const char* indent() const { return in_cluster_ ? "\t\t" : "\t"; }
  void quote(std::string_view v) {
    line_ += '"';
    for (char c : v) {
      if (c == '"') line_ += '\\';
      line_ += c;
    }
    line_ += '"';
  }
  void attributes(Kind k, const std::vector<DotAttr>& attrs, bool all = false) {
    bool first = true;
    for (const auto& a : attrs) {
      if (!all && is_default(k, a)) continue;
      line_ += first ? "\t[" : ", ";
      first = false;
      line_ += a.key;
      line_ += '=';
      quote(a.value);
    }
    if (!first) line_ += ']';
    line_ += ";\n";
  }
  bool is_default(Kind k, const DotAttr& a) const {
    for (const auto& d : defaults_[static_cast<int>(k)])
      if (std::strcmp(d.key, a.key) == 0) return d.value == a.value;
    return false;
  }
  void flush_line() { out_.write(line_.data(), static_cast<std::streamsize>(line_.size())); }
  void start() {
    if (started_) return;
    started_ = true;
    out_ << "digraph \"irgraph\" {\n";
    const char* names[] = {"graph", "node", "edge"};
    for (int k = 0; k < 3; ++k) {  // empty defaults are Graphviz's own: not written
      std::vector<DotAttr> set;
      for (const auto& d : defaults_[k])
        if (!d.value.empty()) set.push_back(d);
      line_.assign("\t");
      line_ += names[k];
      attributes(static_cast<Kind>(k), set, /*all=*/true);
      flush_line();
    }
  }
};

class DotExporter : public Exporter {
 public:
  std::string_view name() const override { return "dot"; }
  std::string_view description() const override { return "Graphviz DOT: shape and colour by type, relation labels"; }
  std::string_view extension() const override { return "dot"; }
  void write(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out) const override {
    DotTextSink sink(out);
    describe_dot(g, f, CgraphStyle{}, sink);
    sink.finish();
    if (!out) throw Error("dot: writing failed");
  }
};

}  // namespace

std::unique_ptr<Exporter> make_dot_exporter() { return std::make_unique<DotExporter>(); }

}  // namespace irgraph::exporters
