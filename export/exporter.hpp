#pragma once
/// Exporters: one writer per format behind one interface, built by name.
/// Every writer takes the same Filter and writes deterministic output
/// (stable order), so two exports of one graph are byte-identical.
/// (`export` is a C++ keyword: the namespace is `exporters`.)
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace irgraph::exporters {

/// Which part of the graph to write. Empty sets mean "all".
struct Filter {
  std::set<NodeType> node_types;
  std::set<RelationType> relation_types;
  std::string from_date, to_date;  ///< keep relations with evidence dated in [from, to] (YYYY-MM-DD)
  std::size_t min_evidence = 1;    ///< keep relations with at least this many evidence items
  std::optional<std::set<std::string>> nodes;  ///< only these node keys (a focus neighbourhood)
  bool connected_only = false;     ///< leave out nodes without any kept relation (diagrams)

  bool keep(const graph::Node& n) const;
  bool keep(const graph::Node& source, const graph::Relation& r, const graph::Node& target) const;
};

/// The nodes and relations a filter keeps: relations need both ends kept;
/// with a relation filter, nodes left with no relation are dropped too.
struct Selection {
  std::vector<const graph::Node*> nodes;  ///< key order
  struct Rel {
    const graph::Node* source;
    const graph::Relation* relation;
    const graph::Node* target;
  };
  std::vector<Rel> relations;  ///< (source, type, target) order
  /// Keys merged into a kept node (its redirects), key order: owl:sameAs in
  /// RDF, "formerKeys" in the other formats, so identifiers exported before
  /// a merge still lead somewhere.
  std::map<const graph::Node*, std::vector<std::string>> former_keys;
  const std::vector<std::string>* former(const graph::Node* n) const {
    auto it = former_keys.find(n);
    return it == former_keys.end() ? nullptr : &it->second;
  }
};
Selection select(const graph::KnowledgeGraph& g, const Filter& f);

class Exporter {
 public:
  virtual ~Exporter() = default;
  virtual std::string_view name() const = 0;         ///< the --format value
  virtual std::string_view description() const = 0;
  virtual std::string_view extension() const = 0;    ///< file extension without dot
  /// Writes the selected graph; throws irgraph::Error when the stream fails.
  virtual void write(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out) const = 0;
  /// Formats made of several files (neo4j) write a folder instead of a stream.
  virtual bool writes_folder() const { return false; }
  virtual void write_folder(const graph::KnowledgeGraph& g, const Filter& f, const std::string& dir) const;
};

struct ExporterInfo {
  std::string_view name, description, extension;
};

/// Every exporter, in the order `--help` lists them.
std::vector<ExporterInfo> exporters();
/// The exporter called `name`; throws UsageError listing the formats when there is none.
std::unique_ptr<Exporter> make_exporter(std::string_view name);

std::unique_ptr<Exporter> make_dot_exporter();
std::unique_ptr<Exporter> make_jsonld_exporter();
std::unique_ptr<Exporter> make_graphml_exporter();
std::unique_ptr<Exporter> make_gexf_exporter();
std::unique_ptr<Exporter> make_ttl_exporter();
std::unique_ptr<Exporter> make_ttl_star_exporter();
std::unique_ptr<Exporter> make_gexf13_exporter();
std::unique_ptr<Exporter> make_neo4j_exporter();
std::unique_ptr<Exporter> make_html_exporter();

/// A node's aliases in one text field, separated by `sep`.
std::string joined_aliases(const graph::Node& n, std::string_view sep = "|");
/// Texts joined with `sep` ("a|b|c").
template <class Items>
std::string joined(const Items& items, std::string_view sep = "|") {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += sep;
    out += i;
  }
  return out;
}

/// The IRI of a node key, a relation, a document id (percent-encoded where needed).
std::string node_iri(const std::string& key);
/// A cited document's IRI, from its public id (the input's id or URL, else
/// its content hash), never from the path it was read from.
std::string document_iri(const graph::KnowledgeGraph& g, const std::string& doc_id);
/// The IRI of the statement node that carries a relation's evidence (JSON-LD, Turtle).
std::string statement_iri(const std::string& source_key, RelationType type, const std::string& target_key);
/// The schema.org class of a node type, without prefix ("Person" for officials).
const char* schema_type(NodeType t);
inline constexpr std::string_view kVocabulary = "urn:irgraph:ontology#";

}  // namespace irgraph::exporters
