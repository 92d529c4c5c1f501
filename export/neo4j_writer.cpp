// Neo4j: a folder of `neo4j-admin database import` CSV files (nodes per
// label, relationships per type, typed headers, arrays, dates) and a
// cypher-shell script that creates the constraint and MERGEs the same graph.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>

#include "core/error.hpp"
#include "export/exporter.hpp"
#include "export/text_escape.hpp"

namespace irgraph::exporters {

namespace {

namespace fs = std::filesystem;

/// Array elements are split on ';' by neo4j-admin: a ';' inside one becomes ','.
template <class Strings>  // of std::string or graph::Atom
std::string array_field(const Strings& items) {
  std::string joined;
  for (const auto& i : items) {
    std::string x(std::string_view{i});
    for (char& c : x)
      if (c == ';') c = ',';
    joined += (joined.empty() ? "" : ";") + x;
  }
  return joined.empty() ? std::string() : csv_field(joined);  // unquoted empty: no property
}

std::ofstream open_file(const fs::path& p) {
  std::ofstream f(p, std::ios::binary);
  if (!f) throw Error("neo4j: cannot write " + p.string());
  return f;
}

class Neo4jExporter : public Exporter {
 public:
  std::string_view name() const override { return "neo4j"; }
  std::string_view description() const override {
    return "Neo4j: a folder of neo4j-admin import CSV files (nodes per label, relationships per type) and import.cypher";
  }
  std::string_view extension() const override { return ""; }
  bool writes_folder() const override { return true; }

  void write(const graph::KnowledgeGraph&, const Filter&, std::ostream&) const override {
    throw UsageError("export: neo4j writes a folder: give it with -o DIR");
  }

  void write_folder(const graph::KnowledgeGraph& g, const Filter& f, const std::string& dir) const override {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error("neo4j: cannot create folder " + dir + ": " + ec.message());
    Selection sel = select(g, f);
    std::map<NodeType, std::vector<const graph::Node*>> by_label;
    for (const auto* n : sel.nodes) by_label[n->type].push_back(n);
    std::map<RelationType, std::vector<const Selection::Rel*>> by_type;
    for (const auto& r : sel.relations) by_type[r.relation->type].push_back(&r);

    for (const auto& [type, nodes] : by_label) {
      auto out = open_file(fs::path(dir) / ("nodes_" + std::string(irgraph::name(type)) + ".csv"));
      out << "id:ID(Entity),:LABEL,name,aliases:string[],country,documents:int\n";
      for (const auto* n : nodes) {
        std::vector<std::string> aliases;
        for (const auto& a : n->aliases) aliases.push_back(a.text);
        out << csv_field(n->key) << ",Entity;" << irgraph::name(type) << "," << csv_field(n->name) << "," << array_field(aliases)
            << "," << (n->country.empty() ? "" : csv_field(n->country)) << "," << n->documents.size() << "\n";
      }
      if (!out.flush()) throw write_error("nodes_" + std::string(irgraph::name(type)) + ".csv");
    }
    for (const auto& [type, rels] : by_type) {
      auto out = open_file(fs::path(dir) / ("relationships_" + std::string(irgraph::name(type)) + ".csv"));
      out << ":START_ID(Entity),:END_ID(Entity),:TYPE,evidence:int,values:string[],firstDate:date,lastDate:date,"
             "sentence,sourceDocument\n";
      for (const auto* r : rels) {
        auto [lo, hi] = r->relation->date_range();
        const auto& ev = r->relation->evidence.front();
        out << csv_field(r->source->key) << "," << csv_field(r->target->key) << "," << irgraph::name(type) << ","
            << r->relation->evidence.size() << "," << array_field(r->relation->values()) << "," << lo << "," << hi << ","
            << csv_field(ev.text) << "," << csv_field(ev.doc_id) << "\n";
      }
      if (!out.flush()) throw write_error("relationships_" + std::string(irgraph::name(type)) + ".csv");
    }
    write_cypher(fs::path(dir) / "import.cypher", by_label, by_type);
  }

 private:
  /// The error for a failed write of `file`, with its cause (a full disk).
  static Error write_error(const std::string& file) {
    return Error("neo4j: writing " + file + " failed: " + std::strerror(errno));
  }
  static void write_cypher(const fs::path& path, const std::map<NodeType, std::vector<const graph::Node*>>& by_label,
                           const std::map<RelationType, std::vector<const Selection::Rel*>>& by_type) {
    auto out = open_file(path);
    out << "// irgraph: the same graph for cypher-shell -f import.cypher (Neo4j 4.4 and 5.x)\n"
           "CREATE CONSTRAINT irgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n";
    constexpr std::size_t kBatch = 500;
    for (const auto& [type, nodes] : by_label) {
      for (std::size_t i = 0; i < nodes.size(); i += kBatch) {
        out << "UNWIND [";
        for (std::size_t j = i; j < std::min(nodes.size(), i + kBatch); ++j) {
          const auto* n = nodes[j];
          out << (j > i ? ",\n  " : "\n  ") << "{id: " << cypher_string(n->key) << ", name: " << cypher_string(n->name)
              << ", aliases: [";
          for (std::size_t a = 0; a < n->aliases.size(); ++a) out << (a ? ", " : "") << cypher_string(n->aliases[a].text);
          out << "]";
          if (!n->country.empty()) out << ", country: " << cypher_string(n->country);
          out << "}";
        }
        out << "] AS row\nMERGE (n:Entity {id: row.id}) SET n:" << irgraph::name(type)
            << ", n.name = row.name, n.aliases = row.aliases, n.country = row.country;\n";
      }
    }
    for (const auto& [type, rels] : by_type) {
      for (std::size_t i = 0; i < rels.size(); i += kBatch) {
        out << "UNWIND [";
        for (std::size_t j = i; j < std::min(rels.size(), i + kBatch); ++j) {
          const auto* r = rels[j];
          auto [lo, hi] = r->relation->date_range();
          out << (j > i ? ",\n  " : "\n  ") << "{s: " << cypher_string(r->source->key) << ", t: " << cypher_string(r->target->key)
              << ", evidence: " << r->relation->evidence.size() << ", values: [";
          auto values = r->relation->values();
          for (std::size_t v = 0; v < values.size(); ++v) out << (v ? ", " : "") << cypher_string(values[v]);
          out << "], sentence: " << cypher_string(r->relation->evidence.front().text);
          if (!lo.empty()) out << ", first: " << cypher_string(lo) << ", last: " << cypher_string(hi);
          out << "}";
        }
        out << "] AS row\nMATCH (a:Entity {id: row.s}) MATCH (b:Entity {id: row.t})\nMERGE (a)-[r:" << irgraph::name(type)
            << "]->(b)\nSET r.evidence = row.evidence, r.values = row.values, r.sentence = row.sentence,"
               " r.firstDate = CASE WHEN row.first IS NULL THEN null ELSE date(row.first) END,"
               " r.lastDate = CASE WHEN row.last IS NULL THEN null ELSE date(row.last) END;\n";
      }
    }
    if (!out.flush()) throw write_error("import.cypher");
  }
};

}  // namespace

std::unique_ptr<Exporter> make_neo4j_exporter() { return std::make_unique<Neo4jExporter>(); }

}  // namespace irgraph::exporters
