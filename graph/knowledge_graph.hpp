#pragma once
/// The knowledge graph: one node per real-world entity (canonical key per
/// the ontology), one edge per (source, relation, target) carrying every
/// piece of evidence. Boost.Graph's adjacency_list is the storage; this class
/// is the only door to it and hands out keys, never descriptors.
#include <boost/graph/adjacency_list.hpp>

#include <functional>
#include <memory>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/ontology.hpp"
#include "graph/atom.hpp"

namespace irgraph::graph {

/// One supporting mention of a relation. Its strings are atoms: a graph of
/// millions of evidence items holds each document id, date, rule name and
/// sentence once.
struct Evidence {
  Atom doc_id;
  std::uint32_t sentence = 0;        ///< 0-based sentence index in the document
  std::uint32_t begin = 0, end = 0;  ///< byte span of the sentence in the document text
  Atom text;                         ///< the sentence
  Atom date;                         ///< event date YYYY-MM-DD, or empty
  Atom value;                        ///< mode / role / status, or empty
  Atom extractor, rule;              ///< which extractor and rule produced it

  bool same_mention(const Evidence& o) const {
    return sentence == o.sentence && doc_id == o.doc_id && rule == o.rule && value == o.value;
  }
};

/// Another name of a node and why it was merged in.
struct Alias {
  std::string text;
  std::string reason;  ///< "surface form", "diacritics or case", "transliteration", "surname", ...
};

struct Node {
  std::string key;  ///< canonical key: "country:TUR", "official:sergei-lavrov", "place:moscow:rus"
  NodeType type = NodeType::Country;
  std::string name;                        ///< fullest form seen, with diacritics
  std::vector<Alias> aliases;              ///< every other surface form
  std::string country;                     ///< alpha-3 of a place or body, when known
  std::map<std::string, std::uint32_t> documents;  ///< doc id -> mentions in it
  std::string origin;                      ///< extractor/rule of the first mention (trace)
  std::size_t ordinal = 0;                 ///< dense number in creation order (analyses index arrays by it)
};

struct Relation {
  RelationType type = RelationType::MetWith;
  std::vector<Evidence> evidence;
  std::size_t persisted = 0;  ///< evidence items already in the store (the store appends the rest)

  /// Distinct property values (roles, modes, statuses), most frequent first.
  std::vector<Atom> values() const;
  /// Earliest and latest event dates among the evidence ("" when none).
  std::pair<Atom, Atom> date_range() const;
};

/// A source document as the graph knows it (for provenance in exports and answers).
struct DocumentMeta {
  std::string id, title, date, url;
  /// What its IRI is made of (extract::Document::public_id); empty: the id.
  std::string public_id;
};

using RelationKey = std::tuple<std::string, RelationType, std::string>;  ///< (source key, type, target key)

/// The key of a relation, normalised for symmetric types.
RelationKey relation_key(const std::string& source, RelationType type, const std::string& target);

/// A key no entity holds any more: the entity it was merged into, and why.
struct Redirect {
  std::string target;
  std::string reason;
};

/// A relation without its evidence: its ends as Node::ordinal, its type, and
/// its id in the store (for graphs whose evidence stays there).
struct RelationEnds {
  std::uint32_t source = 0, target = 0;
  RelationType type = RelationType::MetWith;
  std::int64_t id = 0;
};

/// What changed since the last take_changes(): the store writes exactly this.
struct ChangeSet {
  std::set<std::string> nodes;              ///< added or modified nodes
  std::set<std::string> removed_nodes;
  std::set<RelationKey> relations;          ///< added or modified relations
  std::set<RelationKey> removed_relations;
  std::set<std::pair<std::string, std::string>> node_documents;  ///< (node key, doc id) whose mention count changed
  std::set<std::string> redirects;          ///< keys whose redirect was added, changed or removed
  bool empty() const {
    return nodes.empty() && removed_nodes.empty() && relations.empty() && removed_relations.empty() && node_documents.empty() &&
           redirects.empty();
  }
};

class KnowledgeGraph {
 public:
  // Out- and in-edge lists as vectors (16 bytes an entry, where std::list
  // nodes took 48); vertices and the edge list stay lists, so descriptors
  // stay valid while the graph changes.
  using Storage = boost::adjacency_list<boost::vecS, boost::listS, boost::bidirectionalS, Node, Relation>;
  using Vertex = Storage::vertex_descriptor;
  using Edge = Storage::edge_descriptor;

  KnowledgeGraph() : g_(std::make_unique<Storage>()) {}
  KnowledgeGraph(const KnowledgeGraph&) = delete;
  KnowledgeGraph& operator=(const KnowledgeGraph&) = delete;
  KnowledgeGraph(KnowledgeGraph&&) = default;
  KnowledgeGraph& operator=(KnowledgeGraph&&) = default;

  /// Room for this many nodes and relations (loading a stored graph of known size).
  void reserve(std::size_t nodes, std::size_t relations) {
    index_.reserve(nodes);
    edges_.reserve(relations);
  }

  /// The node with this key, or nullptr.
  const Node* find(std::string_view key) const;
  /// Creates the node if absent (with `name`); returns it for updating.
  Node& upsert_node(const std::string& key, NodeType type, const std::string& name);
  /// Records that `doc_id` mentions the node `count` times more.
  void add_document_mention(const std::string& key, const std::string& doc_id, std::uint32_t count = 1);
  /// Adds an alias unless it is the name or already there. Returns true when added.
  bool add_alias(const std::string& key, const std::string& alias, const std::string& reason);
  /// Renames a node (keeping the old name as an alias).
  void rename(const std::string& key, const std::string& name, const std::string& reason);
  /// Sets a node's country (places, bodies).
  void set_country(const std::string& key, const std::string& alpha3);

  /// Adds evidence to the edge (source, type, target), creating the edge. Symmetric
  /// relations are stored with the smaller key first. Returns false for a duplicate
  /// mention. Throws irgraph::Error when an end does not exist.
  bool add_evidence(const std::string& source, RelationType type, const std::string& target, Evidence ev);

  /// The relation (source, type, target), created without evidence when absent
  /// (for loading stored evidence, which holds no duplicates, without the
  /// duplicate check of add_evidence). Throws irgraph::Error when an end does not exist.
  Relation& upsert_relation(const std::string& source, RelationType type, const std::string& target);

  /// Moves every alias, mention and relation of `from` to `into` and removes
  /// `from`, whose key becomes a redirect to `into` (its IRI stays valid).
  void merge_nodes(const std::string& from, const std::string& into, const std::string& reason);

  /// Removes one relation with its evidence (a curation's rejection).
  void remove_relation(const std::string& source, RelationType type, const std::string& target) {
    remove_relation(relation_key(source, type, target));
  }

  /// Keys merged away, each to the entity that holds it now (chains resolved).
  const std::map<std::string, Redirect>& redirects() const { return redirects_; }
  /// Records a redirect (loading a store); a key a live entity holds never redirects.
  void set_redirect(const std::string& key, Redirect r);
  /// The live entity a key stands for: itself, its redirect's target, or "" when neither.
  std::string current_key(const std::string& key) const;
  /// Keys that redirect to `key`, in key order.
  std::vector<std::string> redirects_to(const std::string& key) const;

  /// Removes every piece of evidence from `doc_id`; relations left without
  /// evidence and nodes no document mentions any more disappear.
  void remove_document(const std::string& doc_id);

  const Relation* relation(const std::string& source, RelationType type, const std::string& target) const;

  std::size_t node_count() const { return boost::num_vertices(*g_); }
  std::size_t relation_count() const { return boost::num_edges(*g_); }
  std::size_t evidence_count() const;

  /// Nodes in key order.
  void for_each_node(const std::function<void(const Node&)>& fn) const;
  /// Relations in (source key, type, target key) order.
  void for_each_relation(const std::function<void(const Node& source, const Relation&, const Node& target)>& fn) const;
  /// Relations touching `key`, either direction, in key order.
  void for_each_relation_of(const std::string& key,
                            const std::function<void(const Node& source, const Relation&, const Node& target)>& fn) const;

  /// Registers (or updates) a document the graph's evidence cites.
  void set_document(DocumentMeta d) { documents_[d.id] = std::move(d); }
  const DocumentMeta* document(const std::string& id) const {
    auto it = documents_.find(id);
    return it == documents_.end() ? nullptr : &it->second;
  }
  const std::map<std::string, DocumentMeta>& documents() const { return documents_; }

  /// Changes since the last call (then cleared).
  ChangeSet take_changes();
  /// Whether changes are recorded (on by default). Loading what the store
  /// already holds turns it off: no change set the size of the graph is
  /// built and freed (which also left the heap fragmented for later queries).
  void track_changes(bool on) {
    tracking_ = on;
    if (!on) changes_ = {};
  }
  /// Puts changes back as pending (a commit that failed).
  void restore_changes(ChangeSet c);
  /// Records that the store now holds every evidence item of these relations.
  void mark_persisted(const ChangeSet& c);
  void mark_all_persisted();
  void mark_none_persisted();

  /// Read-only access to the storage for analyses in graph/ (queries, layouts).
  const Storage& storage() const { return *g_; }
  /// Vertex of a key (analyses only).
  std::optional<Vertex> vertex(std::string_view key) const;
  /// One more than the largest Node::ordinal (size of arrays indexed by it).
  std::size_t ordinal_bound() const { return next_ordinal_; }
  /// Every node at its Node::ordinal (null where a node was removed).
  std::vector<const Node*> nodes_by_ordinal() const;

 private:
  // Behind a pointer: descriptors (and key views) in index_, ordered_ and edges_ point into the storage,
  // so moving the graph must move the storage itself, never copy it.
  std::unique_ptr<Storage> g_;
  /// A relation by its end vertices: no key strings per relation.
  struct EdgeKey {
    Vertex source;
    RelationType type;
    Vertex target;
    bool operator==(const EdgeKey&) const = default;
  };
  struct EdgeKeyHash {
    std::size_t operator()(const EdgeKey& k) const noexcept {
      auto h = reinterpret_cast<std::uintptr_t>(k.source) * 0x9E3779B97F4A7C15ull;
      h ^= (reinterpret_cast<std::uintptr_t>(k.target) + static_cast<std::uintptr_t>(k.type)) * 0xC2B2AE3D27D4EB4Full;
      return static_cast<std::size_t>(h ^ (h >> 29));
    }
  };
  /// Nodes by key, viewing each node's own key: a hash for lookups, a tree for key order.
  std::unordered_map<std::string_view, Vertex> index_;
  std::map<std::string_view, Vertex> ordered_;
  std::unordered_map<EdgeKey, Edge, EdgeKeyHash> edges_;
  std::map<std::string, DocumentMeta> documents_;
  std::map<std::string, Redirect> redirects_;
  ChangeSet changes_;
  bool tracking_ = true;
  std::size_t next_ordinal_ = 0;

  Vertex require(std::string_view key) const;
  /// The edge of a (normalised) relation key, if there is one.
  std::optional<Edge> edge(const RelationKey& k) const;
  RelationKey key_of(Edge e) const;
  /// The relations of one vertex (in and out), in key order.
  std::vector<std::pair<RelationKey, Edge>> edges_of(Vertex v) const;
  void remove_relation(const RelationKey& k);
  void remove_node(const std::string& key);
};


}  // namespace irgraph::graph
