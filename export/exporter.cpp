#include "export/exporter.hpp"

#include "core/error.hpp"

namespace irgraph::exporters {

bool Filter::keep(const graph::Node& n) const {
  if (!node_types.empty() && !node_types.count(n.type)) return false;
  if (nodes && !nodes->count(n.key)) return false;
  return true;
}

bool Filter::keep(const graph::Node& s, const graph::Relation& r, const graph::Node& t) const {
  if (!keep(s) || !keep(t)) return false;
  if (!relation_types.empty() && !relation_types.count(r.type)) return false;
  if (r.evidence.size() < min_evidence) return false;
  if (!from_date.empty() || !to_date.empty()) {
    bool any = false;
    for (const auto& e : r.evidence)
      if (!e.date.empty() && (from_date.empty() || e.date >= from_date) && (to_date.empty() || e.date <= to_date)) any = true;
    if (!any) return false;
  }
  return true;
}

Selection select(const graph::KnowledgeGraph& g, const Filter& f) {
  Selection sel;
  const bool relation_filter = f.connected_only || !f.relation_types.empty() || f.min_evidence > 1 ||
                               !f.from_date.empty() || !f.to_date.empty();
  std::vector<bool> linked(relation_filter ? g.ordinal_bound() : 0);  // by Node::ordinal
  g.for_each_relation([&](const graph::Node& s, const graph::Relation& r, const graph::Node& t) {
    if (!f.keep(s, r, t)) return;
    sel.relations.push_back({&s, &r, &t});
    if (relation_filter) linked[s.ordinal] = linked[t.ordinal] = true;
  });
  g.for_each_node([&](const graph::Node& n) {
    if (!f.keep(n)) return;
    if (relation_filter && !linked[n.ordinal]) return;
    sel.nodes.push_back(&n);
  });
  if (!g.redirects().empty()) {
    const std::set<const graph::Node*> kept(sel.nodes.begin(), sel.nodes.end());
    for (const auto& [from, r] : g.redirects())
      if (const graph::Node* n = g.find(g.current_key(from)); n && kept.count(n)) sel.former_keys[n].push_back(from);
  }
  return sel;
}

namespace {
std::string percent_encode(std::string_view s, std::string_view keep) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                 c == '_' || c == '~' || keep.find(static_cast<char>(c)) != std::string_view::npos;
    if (plain) out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}
}  // namespace

std::string joined_aliases(const graph::Node& n, std::string_view sep) {
  std::string out;
  for (const auto& a : n.aliases) {
    if (!out.empty()) out += sep;
    out += a.text;
  }
  return out;
}

std::string node_iri(const std::string& key) { return "urn:irgraph:entity:" + percent_encode(key, ":"); }
std::string document_iri(const graph::KnowledgeGraph& g, const std::string& doc_id) {
  // an id the input gave is encoded whole (as IRIs exported before had it); a
  // content id, never the same as the document's own id, keeps its colon
  const graph::DocumentMeta* d = g.document(doc_id);
  if (d && !d->public_id.empty() && d->public_id != doc_id) return "urn:irgraph:document:" + percent_encode(d->public_id, ":");
  return "urn:irgraph:document:" + percent_encode(doc_id, "");
}
std::string statement_iri(const std::string& source_key, RelationType type, const std::string& target_key) {
  return "urn:irgraph:statement:" + percent_encode(source_key, ":") + "/" + std::string(name(type)) + "/" +
         percent_encode(target_key, ":");
}

const char* schema_type(NodeType t) {
  switch (t) {
    case NodeType::Country: return "Country";
    case NodeType::Official: return "Person";
    case NodeType::Agreement: return "Legislation";
    case NodeType::Place: return "Place";
    case NodeType::Organization: return "Organization";
  }
  return "Thing";
}

namespace {
using Maker = std::unique_ptr<Exporter> (*)();
constexpr Maker kMakers[] = {make_dot_exporter,     make_jsonld_exporter,   make_graphml_exporter, make_gexf_exporter,
                             make_gexf13_exporter,  make_ttl_exporter,      make_ttl_star_exporter, make_neo4j_exporter,
                             make_html_exporter};
}  // namespace

void Exporter::write_folder(const graph::KnowledgeGraph&, const Filter&, const std::string&) const {
  throw UsageError("export: " + std::string(name()) + " writes one file, not a folder");
}

std::vector<ExporterInfo> exporters() {
  std::vector<ExporterInfo> v;
  for (auto make : kMakers) {
    auto e = make();
    v.push_back({e->name(), e->description(), e->extension()});
  }
  return v;
}

std::unique_ptr<Exporter> make_exporter(std::string_view name) {
  for (auto make : kMakers) {
    auto e = make();
    if (e->name() == name) return e;
  }
  std::string known;
  for (const auto& e : exporters()) known += (known.empty() ? "" : ", ") + std::string(e.name);
  throw UsageError("export: unknown format '" + std::string(name) + "' (formats: " + known + ")");
}

}  // namespace irgraph::exporters
