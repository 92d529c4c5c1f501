// Turtle. `ttl` is plain RDF 1.1 Turtle, the same graph as the JSON-LD
// export: typed nodes, direct relation triples, and one rdf:Statement per
// relation whose ir:evidence resources keep every sentence with its document,
// span, date and rule (rdflib, raptor, any triple store read it). `ttl-star`
// is Turtle-star for stores that take it (GraphDB, Jena, neosemantics): the
// direct triples annotated in place with their evidence count, dates, values
// and first sentence.
#include <algorithm>
#include <ostream>
#include <unordered_set>

#include "core/error.hpp"
#include "export/exporter.hpp"
#include "export/text_escape.hpp"

namespace irgraph::exporters {

namespace {

void write_prefixes(std::ostream& out) {
  out << "@prefix ir: <" << kVocabulary << "> .\n"
      << "@prefix schema: <https://schema.org/> .\n"
         "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
         "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
         "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
         "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n\n";
}

void write_nodes(std::ostream& out, const Selection& sel) {
  for (const graph::Node* n : sel.nodes) {
    out << "<" << node_iri(n->key) << "> a ir:" << irgraph::name(n->type) << ", schema:" << schema_type(n->type)
        << " ;\n  schema:name " << turtle_string(n->name);
    for (const auto& a : n->aliases) out << " ;\n  schema:alternateName " << turtle_string(a.text);
    out << " ;\n  ir:key " << turtle_string(n->key);
    if (const auto* former = sel.former(n))
      for (const auto& k : *former) out << " ;\n  owl:sameAs <" << node_iri(k) << ">";
    if (!n->country.empty()) out << " ;\n  ir:countryCode " << turtle_string(n->country);
    out << " .\n";
  }
  out << "\n";
}

std::string date_literal(const std::string& d) { return "\"" + d + "\"^^xsd:date"; }

class TtlExporter : public Exporter {
 public:
  std::string_view name() const override { return "ttl"; }
  std::string_view description() const override {
    return "Turtle (RDF 1.1): the JSON-LD graph, every evidence sentence a resource (rdflib, raptor, triple stores)";
  }
  std::string_view extension() const override { return "ttl"; }

  void write(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out) const override {
    Selection sel = select(g, f);
    write_prefixes(out);
    write_nodes(out, sel);
    std::vector<graph::Atom> cited;  // each document once
    std::unordered_set<const std::string*> seen;
    for (const auto& r : sel.relations) {
      const std::string rel(irgraph::name(r.relation->type));
      const std::string s = "<" + node_iri(r.source->key) + ">", o = "<" + node_iri(r.target->key) + ">";
      const std::string sid = statement_iri(r.source->key, r.relation->type, r.target->key);
      out << s << " ir:" << rel << " " << o << " .\n";
      out << "<" << sid << "> a rdf:Statement, ir:Assertion ;\n  rdf:subject " << s << " ;\n  rdf:predicate ir:" << rel
          << " ;\n  rdf:object " << o << " ;\n  ir:evidenceCount " << r.relation->evidence.size();
      auto [lo, hi] = r.relation->date_range();
      if (!lo.empty()) out << " ;\n  ir:firstDate " << date_literal(lo) << " ;\n  ir:lastDate " << date_literal(hi);
      const auto prop = property_name(r.relation->type);
      if (!prop.empty())
        for (const auto& v : r.relation->values()) out << " ;\n  ir:" << prop << " " << turtle_string(v);
      for (std::size_t i = 0; i < r.relation->evidence.size(); ++i)
        out << (i == 0 ? " ;\n  ir:evidence " : ", ") << "<" << sid << "#e" << i + 1 << ">";
      out << " .\n";
      for (std::size_t i = 0; i < r.relation->evidence.size(); ++i) {
        const auto& e = r.relation->evidence[i];
        out << "<" << sid << "#e" << i + 1 << "> a ir:Evidence ;\n  prov:wasDerivedFrom <" << document_iri(g, e.doc_id)
            << "> ;\n  ir:sentenceIndex " << e.sentence << " ;\n  ir:charStart " << e.begin << " ;\n  ir:charEnd " << e.end
            << " ;\n  ir:sentence " << turtle_string(e.text);
        if (!e.date.empty()) out << " ;\n  ir:eventDate " << date_literal(e.date);
        if (!prop.empty() && !e.value.empty()) out << " ;\n  ir:" << prop << " " << turtle_string(e.value);
        out << " ;\n  ir:extractor " << turtle_string(e.extractor) << " ;\n  ir:rule " << turtle_string(e.rule) << " .\n";
        if (seen.insert(&e.doc_id.str()).second) cited.push_back(e.doc_id);
      }
    }
    std::sort(cited.begin(), cited.end());
    for (const graph::Atom& id : cited) {
      out << "\n<" << document_iri(g, id) << "> a schema:NewsArticle ;\n  schema:identifier " << turtle_string(id);
      if (const graph::DocumentMeta* d = g.document(id)) {
        if (!d->title.empty()) out << " ;\n  schema:headline " << turtle_string(d->title);
        if (!d->date.empty()) out << " ;\n  schema:datePublished " << date_literal(d->date);
        if (!d->url.empty()) out << " ;\n  schema:url " << turtle_string(d->url);
      }
      out << " .";
    }
    out << "\n";
    if (!out) throw Error("ttl: writing failed");
  }
};

class TtlStarExporter : public Exporter {
 public:
  std::string_view name() const override { return "ttl-star"; }
  std::string_view description() const override {
    return "Turtle-star: each relation annotated in place with its evidence count, dates and first sentence "
           "(GraphDB, Jena, neosemantics)";
  }
  std::string_view extension() const override { return "ttl"; }

  void write(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out) const override {
    Selection sel = select(g, f);
    write_prefixes(out);
    write_nodes(out, sel);
    for (const auto& r : sel.relations) {
      const std::string triple = "<" + node_iri(r.source->key) + "> ir:" + std::string(irgraph::name(r.relation->type)) +
                                 " <" + node_iri(r.target->key) + ">";
      out << triple << " .\n";
      out << "<< " << triple << " >> ir:evidenceCount " << r.relation->evidence.size();
      auto [lo, hi] = r.relation->date_range();
      if (!lo.empty()) out << " ;\n  ir:firstDate " << date_literal(lo) << " ;\n  ir:lastDate " << date_literal(hi);
      auto prop = property_name(r.relation->type);
      for (const auto& v : r.relation->values()) out << " ;\n  ir:" << prop << " " << turtle_string(v);
      const auto& ev = r.relation->evidence.front();
      out << " ;\n  ir:sentence " << turtle_string(ev.text) << " ;\n  prov:wasDerivedFrom <" << document_iri(g, ev.doc_id)
          << "> .\n";
    }
    if (!out) throw Error("ttl-star: writing failed");
  }
};

}  // namespace

std::unique_ptr<Exporter> make_ttl_exporter() { return std::make_unique<TtlExporter>(); }
std::unique_ptr<Exporter> make_ttl_star_exporter() { return std::make_unique<TtlStarExporter>(); }

}  // namespace irgraph::exporters
