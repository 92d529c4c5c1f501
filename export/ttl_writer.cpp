// Turtle for RDF stores and neosemantics, with Turtle-star annotations that
// carry each relation's evidence count, dates, property and first sentence.
#include <ostream>

#include "core/error.hpp"
#include "export/exporter.hpp"
#include "export/text_escape.hpp"

namespace irgraph::exporters {

namespace {

const char* schema_class(NodeType t) {
  switch (t) {
    case NodeType::Country: return "schema:Country";
    case NodeType::Official: return "schema:Person";
    case NodeType::Agreement: return "schema:Legislation";
    case NodeType::Place: return "schema:Place";
    case NodeType::Organization: return "schema:Organization";
  }
  return "schema:Thing";
}

class TtlExporter : public Exporter {
 public:
  std::string_view name() const override { return "ttl"; }
  std::string_view description() const override {
    return "Turtle with Turtle-star annotations of each relation's evidence (RDF stores, neosemantics)";
  }
  std::string_view extension() const override { return "ttl"; }

  void write(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out) const override {
    Selection sel = select(g, f);
    out << "@prefix ir: <" << kVocabulary << "> .\n"
        << "@prefix schema: <https://schema.org/> .\n"
           "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
           "@prefix prov: <http://www.w3.org/ns/prov#> .\n\n";
    for (const graph::Node* n : sel.nodes) {
      out << "<" << node_iri(n->key) << "> a ir:" << irgraph::name(n->type) << ", " << schema_class(n->type)
          << " ;\n  schema:name " << turtle_string(n->name);
      for (const auto& a : n->aliases) out << " ;\n  schema:alternateName " << turtle_string(a.text);
      out << " ;\n  ir:key " << turtle_string(n->key);
      if (!n->country.empty()) out << " ;\n  ir:countryCode " << turtle_string(n->country);
      out << " .\n";
    }
    out << "\n";
    for (const auto& r : sel.relations) {
      const std::string triple = "<" + node_iri(r.source->key) + "> ir:" + std::string(irgraph::name(r.relation->type)) +
                                 " <" + node_iri(r.target->key) + ">";
      out << triple << " .\n";
      out << "<< " << triple << " >> ir:evidenceCount " << r.relation->evidence.size();
      auto [lo, hi] = r.relation->date_range();
      if (!lo.empty())
        out << " ;\n  ir:firstDate \"" << lo << "\"^^xsd:date ;\n  ir:lastDate \"" << hi << "\"^^xsd:date";
      auto prop = property_name(r.relation->type);
      for (const auto& v : r.relation->values()) out << " ;\n  ir:" << prop << " " << turtle_string(v);
      const auto& ev = r.relation->evidence.front();
      out << " ;\n  ir:sentence " << turtle_string(ev.text) << " ;\n  prov:wasDerivedFrom <" << document_iri(ev.doc_id)
          << "> .\n";
    }
    if (!out) throw Error("ttl: writing failed");
  }
};

}  // namespace

std::unique_ptr<Exporter> make_ttl_exporter() { return std::make_unique<TtlExporter>(); }

}  // namespace irgraph::exporters
