// GraphML for Gephi, APOC (apoc.import.graphml) and networkx/igraph: declared
// keys, labels as APOC reads them, the relation type as the first data child.
// Every value of a relation (all roles), every sentence and document of its
// evidence, and an official's countries are kept. Symmetric relations (metWith)
// carry symmetric=true: a per-edge directed="false" would make a mixed graph,
// which NetworkX and igraph refuse to read.
#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <vector>

#include "core/error.hpp"
#include "export/exporter.hpp"
#include "export/text_escape.hpp"

namespace irgraph::exporters {

namespace {

class GraphmlExporter : public Exporter {
 public:
  std::string_view name() const override { return "graphml"; }
  std::string_view description() const override {
    return "GraphML: types, names, aliases, relation types, evidence counts and first/last dates as declared keys";
  }
  std::string_view extension() const override { return "graphml"; }

  void write(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out) const override {
    Selection sel = select(g, f);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
           // APOC reads labels from the key with id "labels" and the relation type from key id "label"
           "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
           "  <key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
           "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
           "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
           "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
           "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
           "  <key id=\"countries\" for=\"node\" attr.name=\"countries\" attr.type=\"string\"/>\n"
           "  <key id=\"former_keys\" for=\"node\" attr.name=\"formerKeys\" attr.type=\"string\"/>\n"
           "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
           "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
           "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
           "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"int\"/>\n"
           "  <key id=\"symmetric\" for=\"edge\" attr.name=\"symmetric\" attr.type=\"boolean\"/>\n"
           "  <key id=\"value\" for=\"edge\" attr.name=\"values\" attr.type=\"string\"/>\n"
           "  <key id=\"first_date\" for=\"edge\" attr.name=\"firstDate\" attr.type=\"string\"/>\n"
           "  <key id=\"last_date\" for=\"edge\" attr.name=\"lastDate\" attr.type=\"string\"/>\n"
           "  <key id=\"sentence\" for=\"edge\" attr.name=\"sentence\" attr.type=\"string\"/>\n"
           "  <key id=\"source_doc\" for=\"edge\" attr.name=\"sourceDocument\" attr.type=\"string\"/>\n"
           "  <key id=\"sentences\" for=\"edge\" attr.name=\"sentences\" attr.type=\"string\"/>\n"
           "  <key id=\"documents\" for=\"edge\" attr.name=\"documents\" attr.type=\"string\"/>\n"
           "  <graph id=\"irgraph\" edgedefault=\"directed\">\n";
    auto data = [&](const char* k, const std::string& v) {
      if (!v.empty()) out << "<data key=\"" << k << "\">" << xml_escape(v) << "</data>";
    };
    // an official's countries: the countries of its officialOf relations in the whole graph
    std::map<const graph::Node*, std::set<std::string>> countries;
    g.for_each_relation([&](const graph::Node& a, const graph::Relation& r, const graph::Node& b) {
      if (r.type == RelationType::OfficialOf && b.type == NodeType::Country) countries[&a].insert(b.key);
    });
    for (const graph::Node* n : sel.nodes) {
      out << "    <node id=\"" << xml_escape(n->key) << "\">";
      data("labels", ":Entity:" + std::string(irgraph::name(n->type)));
      data("n_label", n->name);
      data("name", n->name);
      data("type", std::string(irgraph::name(n->type)));
      data("aliases", joined_aliases(*n));
      data("country", n->country);
      if (auto it = countries.find(n); it != countries.end()) data("countries", joined(it->second, "|"));
      if (const auto* former = sel.former(n)) data("former_keys", joined(*former, "|"));
      out << "</node>\n";
    }
    std::size_t id = 0;
    for (const auto& r : sel.relations) {
      out << "    <edge id=\"e" << ++id << "\" source=\"" << xml_escape(r.source->key) << "\" target=\""
          << xml_escape(r.target->key) << "\">";
      data("label", std::string(irgraph::name(r.relation->type)));  // first child: APOC's relationship type
      data("relation", std::string(irgraph::name(r.relation->type)));
      out << "<data key=\"weight\">" << r.relation->evidence.size() << "</data>";
      out << "<data key=\"evidence\">" << r.relation->evidence.size() << "</data>";
      if (symmetric(r.relation->type)) out << "<data key=\"symmetric\">true</data>";
      data("value", joined(r.relation->values(), "|"));
      auto [lo, hi] = r.relation->date_range();
      data("first_date", lo);
      data("last_date", hi);
      const auto& ev = r.relation->evidence.front();
      data("sentence", ev.text);
      data("source_doc", ev.doc_id);
      std::vector<std::string> sentences;  // each distinct sentence once, in evidence order
      std::set<std::string> documents;
      for (const auto& e : r.relation->evidence) {
        if (std::find(sentences.begin(), sentences.end(), e.text) == sentences.end()) sentences.push_back(e.text);
        documents.insert(e.doc_id);
      }
      data("sentences", joined(sentences, "\n"));
      data("documents", joined(documents, "|"));
      out << "</edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
    if (!out) throw Error("graphml: writing failed");
  }
};

}  // namespace

std::unique_ptr<Exporter> make_graphml_exporter() { return std::make_unique<GraphmlExporter>(); }

}  // namespace irgraph::exporters
