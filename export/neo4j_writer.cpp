// Neo4j: a folder of `neo4j-admin database import` CSV files (entity nodes per
// label, relationships per type, typed headers, arrays, dates; Document nodes
// with MENTIONS of the entities; one Evidence node per evidence item,
// SUPPORTED_BY its document) and a cypher-shell script that creates the
// constraints and MERGEs the same graph, every column set.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <set>

#include "core/error.hpp"
#include "export/exporter.hpp"
#include "export/text_escape.hpp"

namespace irgraph::exporters {

namespace {

namespace fs = std::filesystem;

/// A text property that is absent when empty (an unquoted empty field sets no property).
std::string optional_field(std::string_view s) { return s.empty() ? std::string() : csv_field(s); }

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

/// A Cypher list of strings.
template <class Strings>  // of std::string or graph::Atom
std::string cypher_list(const Strings& items) {
  std::string out = "[";
  for (const auto& i : items) out += (out.size() > 1 ? ", " : "") + cypher_string(std::string_view{i});
  return out + "]";
}

/// The texts of a node's aliases.
std::vector<std::string> alias_texts(const graph::Node& n) {
  std::vector<std::string> out;
  for (const auto& a : n.aliases) out.push_back(a.text);
  return out;
}

/// The keys merged into a kept node (none: an empty list).
std::vector<std::string> former_keys(const Selection& sel, const graph::Node* n) {
  const auto* former = sel.former(n);
  return former ? *former : std::vector<std::string>{};
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
    return "Neo4j: a folder of neo4j-admin import CSV files (entities per label, relationships per type, Document and "
           "Evidence nodes with MENTIONS and SUPPORTED_BY) and import.cypher";
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
    const Model m = model(g, f);
    for (const auto& [type, nodes] : m.by_label) {
      const std::string file = "nodes_" + std::string(irgraph::name(type)) + ".csv";
      auto out = open_file(fs::path(dir) / file);
      out << "id:ID(Entity),:LABEL,name,aliases:string[],country,documents:int,formerKeys:string[]\n";
      for (const auto* n : nodes)
        out << csv_field(n->key) << ",Entity;" << irgraph::name(type) << "," << csv_field(n->name) << ","
            << array_field(alias_texts(*n)) << "," << optional_field(n->country) << "," << n->documents.size() << ","
            << array_field(former_keys(m.sel, n)) << "\n";
      if (!out.flush()) throw write_error(file);
    }
    {
      auto out = open_file(fs::path(dir) / "nodes_Document.csv");
      out << "id:ID(Document),:LABEL,title,date:date,url\n";
      for (const auto& d : m.documents)
        out << csv_field(d.id) << ",Document," << optional_field(d.title) << "," << d.date << "," << optional_field(d.url) << "\n";
      if (!out.flush()) throw write_error("nodes_Document.csv");
    }
    {
      auto out = open_file(fs::path(dir) / "nodes_Evidence.csv");
      out << "id:ID(Evidence),:LABEL,relation,source,target,sentence,sentenceIndex:int,begin:int,end:int,date:date,value,"
             "extractor,rule\n";
      for (const auto& e : m.evidence)
        out << csv_field(e.id) << ",Evidence," << irgraph::name(e.rel->relation->type) << "," << csv_field(e.rel->source->key)
            << "," << csv_field(e.rel->target->key) << "," << csv_field(e.ev->text) << "," << e.ev->sentence << ","
            << e.ev->begin << "," << e.ev->end << "," << e.ev->date << "," << optional_field(e.ev->value) << ","
            << csv_field(e.ev->extractor) << "," << csv_field(e.ev->rule) << "\n";
      if (!out.flush()) throw write_error("nodes_Evidence.csv");
    }
    for (const auto& [type, rels] : m.by_type) {
      const std::string file = "relationships_" + std::string(irgraph::name(type)) + ".csv";
      auto out = open_file(fs::path(dir) / file);
      out << ":START_ID(Entity),:END_ID(Entity),:TYPE,evidence:int,values:string[],firstDate:date,lastDate:date,"
             "sentence,documents:string[],evidenceIds:string[]\n";
      for (const auto* r : rels) {
        auto [lo, hi] = r->relation->date_range();
        out << csv_field(r->source->key) << "," << csv_field(r->target->key) << "," << irgraph::name(type) << ","
            << r->relation->evidence.size() << "," << array_field(r->relation->values()) << "," << lo << "," << hi << ","
            << csv_field(r->relation->evidence.front().text) << "," << array_field(m.cites.at(r).documents) << ","
            << array_field(m.cites.at(r).evidence_ids) << "\n";
      }
      if (!out.flush()) throw write_error(file);
    }
    {
      auto out = open_file(fs::path(dir) / "relationships_MENTIONS.csv");
      out << ":START_ID(Document),:END_ID(Entity),:TYPE,mentions:int\n";
      for (const auto& x : m.mentions) out << csv_field(x.doc) << "," << csv_field(x.node->key) << ",MENTIONS," << x.count << "\n";
      if (!out.flush()) throw write_error("relationships_MENTIONS.csv");
    }
    {
      auto out = open_file(fs::path(dir) / "relationships_SUPPORTED_BY.csv");
      out << ":START_ID(Evidence),:END_ID(Document),:TYPE\n";
      for (const auto& e : m.evidence) out << csv_field(e.id) << "," << csv_field(e.ev->doc_id) << ",SUPPORTED_BY\n";
      if (!out.flush()) throw write_error("relationships_SUPPORTED_BY.csv");
    }
    write_cypher(fs::path(dir) / "import.cypher", m);
  }

 private:
  /// One evidence item as a node: the relation it supports and where it was read.
  struct EvidenceNode {
    std::string id;  ///< "<source>|<type>|<target>#<n>": stable across exports of one graph
    const Selection::Rel* rel;
    const graph::Evidence* ev;
  };
  /// What a relation's evidence cites: its evidence nodes' ids and its documents, each once, in order of citation.
  struct Citations {
    std::vector<std::string> evidence_ids, documents;
  };
  /// A document's mention of a node, and how many times.
  struct Mentions {
    std::string doc;
    const graph::Node* node;
    std::uint32_t count;
  };
  /// What the files hold: the selection by label and type, its documents, mentions and evidence.
  struct Model {
    Selection sel;
    std::map<NodeType, std::vector<const graph::Node*>> by_label;
    std::map<RelationType, std::vector<const Selection::Rel*>> by_type;
    std::vector<graph::DocumentMeta> documents;  ///< mentioned by a kept node or cited by kept evidence, id order
    std::vector<Mentions> mentions;              ///< node order, then document order
    std::vector<EvidenceNode> evidence;
    std::map<const Selection::Rel*, Citations> cites;
  };

  static Model model(const graph::KnowledgeGraph& g, const Filter& f) {
    Model m;
    m.sel = select(g, f);
    std::set<std::string> document_ids;
    for (const auto* n : m.sel.nodes) {
      m.by_label[n->type].push_back(n);
      for (const auto& [doc, count] : n->documents) {
        document_ids.insert(doc);
        m.mentions.push_back({doc, n, count});
      }
    }
    for (const auto& r : m.sel.relations) {
      m.by_type[r.relation->type].push_back(&r);
      const std::string base = r.source->key + "|" + std::string(irgraph::name(r.relation->type)) + "|" + r.target->key + "#";
      Citations& c = m.cites[&r];
      for (const auto& ev : r.relation->evidence) {
        c.evidence_ids.push_back(base + std::to_string(c.evidence_ids.size() + 1));
        m.evidence.push_back({c.evidence_ids.back(), &r, &ev});
        if (std::find(c.documents.begin(), c.documents.end(), ev.doc_id.str()) == c.documents.end())
          c.documents.push_back(ev.doc_id.str());
        document_ids.insert(ev.doc_id.str());
      }
    }
    for (const auto& id : document_ids) {
      const graph::DocumentMeta* d = g.document(id);
      m.documents.push_back(d ? *d : graph::DocumentMeta{id, "", "", "", ""});
    }
    return m;
  }

  /// The error for a failed write of `file`, with its cause (a full disk).
  static Error write_error(const std::string& file) {
    return Error("neo4j: writing " + file + " failed: " + std::strerror(errno));
  }

  /// The same graph as the CSV files, every column set, for cypher-shell: rows
  /// in UNWIND batches of kBatch, so a statement stays small however big the graph.
  static void write_cypher(const fs::path& path, const Model& m) {
    auto out = open_file(path);
    out << "// irgraph: the same graph as the CSV files, for cypher-shell -f import.cypher (Neo4j 4.4 and 5.x)\n"
           "CREATE CONSTRAINT irgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n"
           "CREATE CONSTRAINT irgraph_document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;\n"
           "CREATE CONSTRAINT irgraph_evidence_id IF NOT EXISTS FOR (e:Evidence) REQUIRE e.id IS UNIQUE;\n";
    // rows of `items` in batches, each row written by `row`, then `statement` on them
    auto batched = [&](std::size_t count, auto row, std::string_view statement) {
      for (std::size_t i = 0; i < count; i += kBatch) {
        out << "UNWIND [";
        for (std::size_t j = i; j < std::min(count, i + kBatch); ++j) {
          out << (j > i ? ",\n  " : "\n  ") << "{";
          row(j);
          out << "}";
        }
        out << "] AS row\n" << statement << ";\n";
      }
    };
    const std::string date_of = "CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END";
    // an empty text is left out of the row, so it sets no property (as an empty CSV field)
    auto optional = [&](std::string_view key, std::string_view value) {
      if (!value.empty()) out << key << cypher_string(value);
    };
    for (const auto& by_label : m.by_label) {
      const NodeType type = by_label.first;
      const auto& nodes = by_label.second;  // (named: clang 14 lets no lambda capture a structured binding)
      batched(nodes.size(), [&](std::size_t j) {
        const auto* n = nodes[j];
        out << "id: " << cypher_string(n->key) << ", name: " << cypher_string(n->name) << ", aliases: " << cypher_list(alias_texts(*n))
            << ", documents: " << n->documents.size();
        if (!n->country.empty()) out << ", country: " << cypher_string(n->country);
        if (m.sel.former(n)) out << ", formerKeys: " << cypher_list(former_keys(m.sel, n));
      }, "MERGE (n:Entity {id: row.id}) SET n:" + std::string(irgraph::name(type)) +
             ", n.name = row.name, n.aliases = row.aliases, n.country = row.country, n.documents = row.documents, "
             "n.formerKeys = row.formerKeys");
    }
    batched(m.documents.size(), [&](std::size_t j) {
      const auto& d = m.documents[j];
      out << "id: " << cypher_string(d.id);
      optional(", title: ", d.title);
      optional(", url: ", d.url);
      optional(", date: ", d.date);
    }, "MERGE (d:Document {id: row.id}) SET d.title = row.title, d.url = row.url, d.date = " + date_of);
    batched(m.evidence.size(), [&](std::size_t j) {
      const auto& e = m.evidence[j];
      out << "id: " << cypher_string(e.id) << ", relation: " << cypher_string(irgraph::name(e.rel->relation->type))
          << ", source: " << cypher_string(e.rel->source->key) << ", target: " << cypher_string(e.rel->target->key)
          << ", sentence: " << cypher_string(e.ev->text) << ", sentenceIndex: " << e.ev->sentence << ", begin: " << e.ev->begin
          << ", end: " << e.ev->end << ", extractor: " << cypher_string(e.ev->extractor) << ", rule: "
          << cypher_string(e.ev->rule) << ", doc: " << cypher_string(e.ev->doc_id);
      optional(", value: ", e.ev->value);
      optional(", date: ", e.ev->date);
    }, "MERGE (e:Evidence {id: row.id}) SET e.relation = row.relation, e.source = row.source, e.target = row.target,"
       " e.sentence = row.sentence, e.sentenceIndex = row.sentenceIndex, e.begin = row.begin, e.end = row.end,"
       " e.value = row.value, e.extractor = row.extractor, e.rule = row.rule, e.date = " + date_of +
       "\nWITH e, row MATCH (d:Document {id: row.doc}) MERGE (e)-[:SUPPORTED_BY]->(d)");
    for (const auto& by_type : m.by_type) {
      const RelationType type = by_type.first;
      const auto& rels = by_type.second;
      batched(rels.size(), [&](std::size_t j) {
        const auto* r = rels[j];
        auto [lo, hi] = r->relation->date_range();
        const Citations& c = m.cites.at(r);
        out << "s: " << cypher_string(r->source->key) << ", t: " << cypher_string(r->target->key)
            << ", evidence: " << r->relation->evidence.size() << ", values: " << cypher_list(r->relation->values())
            << ", sentence: " << cypher_string(r->relation->evidence.front().text)
            << ", documents: " << cypher_list(c.documents) << ", evidenceIds: " << cypher_list(c.evidence_ids);
        optional(", first: ", lo);
        optional(", last: ", hi);
      }, "MATCH (a:Entity {id: row.s}) MATCH (b:Entity {id: row.t})\nMERGE (a)-[r:" + std::string(irgraph::name(type)) +
             "]->(b)\nSET r.evidence = row.evidence, r.values = row.values, r.sentence = row.sentence,"
             " r.documents = row.documents, r.evidenceIds = row.evidenceIds,"
             " r.firstDate = CASE WHEN row.first IS NULL THEN null ELSE date(row.first) END,"
             " r.lastDate = CASE WHEN row.last IS NULL THEN null ELSE date(row.last) END");
    }
    batched(m.mentions.size(), [&](std::size_t j) {
      const Mentions& x = m.mentions[j];
      out << "d: " << cypher_string(x.doc) << ", n: " << cypher_string(x.node->key) << ", mentions: " << x.count;
    }, "MATCH (d:Document {id: row.d}) MATCH (n:Entity {id: row.n})\nMERGE (d)-[m:MENTIONS]->(n) SET m.mentions = row.mentions");
    if (!out.flush()) throw write_error("import.cypher");
  }

  static constexpr std::size_t kBatch = 500;
};

}  // namespace

std::unique_ptr<Exporter> make_neo4j_exporter() { return std::make_unique<Neo4jExporter>(); }

}  // namespace irgraph::exporters
