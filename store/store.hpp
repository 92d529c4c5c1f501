#pragma once
/// The persistent store: an embedded SQLite database (WAL mode) holding the
/// documents (with content hashes and their extraction records) and the
/// graph built from them (nodes, aliases, relations, evidence). Writers take
/// the database's write lock for whole documents (WriteTransaction, one or a
/// batch of them), so a store holds exactly the documents whose transaction
/// committed, and a
/// generation counter tells a writer when another process changed the store.
///
/// Schema history: 1 = documents and graph; 2 = + per-document extraction
/// records (`document_records`), so that `forget` and replaced documents
/// rebuild the graph exactly; 3 = + copies and sources; 4 = + public ids,
/// curation rules and redirects. Older stores are migrated in place on open.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/document.hpp"
#include "extract/records.hpp"
#include "graph/curation.hpp"
#include "graph/knowledge_graph.hpp"

struct sqlite3;

namespace irgraph::store {

class StatementCache;

/// What the graph knows of a document (for provenance in exports and answers).
inline graph::DocumentMeta meta_of(const extract::Document& d) {
  return {d.id, d.title, d.date, d.url, d.public_id()};
}

/// SQLite application id of an irgraph store ("irgp"): a file without it is never written.
inline constexpr std::int64_t kApplicationId = 0x69726770;

/// Version of the schema this build writes; older stores are migrated on open.
inline constexpr int kSchemaVersion = 4;

struct DocumentInfo {
  std::string id, hash, title, date, url, origin, ingested_at;
  std::string source;  ///< the canonical path of its input ("" when stored before schema 3)
};

struct Stats {
  std::size_t documents = 0, nodes = 0, aliases = 0, relations = 0, evidence = 0;
  std::size_t copies = 0;  ///< documents skipped because another has their content
  std::size_t undated = 0;  ///< documents without a publication date (none in metadata, dateline or --date)
  std::size_t dated_evidence = 0;  ///< evidence items that carry the date of their event
  std::vector<std::pair<std::string, std::size_t>> nodes_by_type, relations_by_type;
};

class Store;

/// The graph without its evidence: documents, nodes and aliases (no mention
/// counts), and every relation's ends and type as node ordinals, in the
/// order Store::load() creates relations (by relation id).
struct Topology {
  graph::KnowledgeGraph entities;
  std::vector<graph::RelationEnds> relations;
};

/// A relation read from the store, with its ends among a Topology's entities.
struct StoredRelation {
  const graph::Node* source = nullptr;
  graph::Relation relation;
  const graph::Node* target = nullptr;
};

/// One read snapshot while it lives (unless a transaction is open already):
/// several reads see one state of the store, whatever writers commit meanwhile.
class ReadTransaction {
 public:
  explicit ReadTransaction(const Store& s);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  sqlite3* db_;
  bool own_;
};

/// BEGIN IMMEDIATE ... COMMIT: holds the write lock; rolled back when left
/// without commit() (an exception, a kill: SQLite rolls back on next open).
class WriteTransaction {
 public:
  explicit WriteTransaction(Store& s);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit();

 private:
  Store& store_;
  bool done_ = false;
};

class Store {
 public:
  enum class Mode { ReadWrite, ReadOnly };

  /// Opens (ReadWrite: creates, migrates) the store at `path`. Throws
  /// StoreError when the file is not an irgraph store, has a newer schema, or
  /// cannot be opened. Never writes to a file that is not an irgraph store.
  explicit Store(const std::string& path, Mode mode = Mode::ReadWrite);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  int schema_version() const;

  /// The id of the document holding this content, if any.
  std::optional<std::string> content_owner(const std::string& hash) const;
  /// Is this id stored with this content (as a document or as a copy)?
  bool has_document(const std::string& id, const std::string& hash) const;
  /// Is this id stored (as a document or as a copy)?
  bool is_stored(const std::string& id) const;
  /// The source (Document::source) the document or copy with this id was
  /// read from ("" when unknown), or nothing when the id is not stored.
  std::optional<std::string> source_of(const std::string& id) const;
  /// The id of the one document or copy read from this source (a plain-text
  /// file), or nothing when none or several (a JSON Lines file) are.
  std::optional<std::string> id_of_source(const std::string& source) const;
  std::optional<DocumentInfo> document(const std::string& id) const;
  std::vector<DocumentInfo> documents() const;

  /// The whole graph, read in one snapshot.
  graph::KnowledgeGraph load() const;
  /// For queries on graphs too large to hold with their evidence: entities
  /// and relation ends in one snapshot, evidence left in the store.
  Topology load_topology() const;
  /// One stored relation (Topology's RelationEnds::id) with its evidence in stored order.
  graph::Relation relation(std::int64_t id) const;
  /// Per stored relation: how many evidence items and their first and last event dates ("" when
  /// undated), read by one aggregate query, for filters on a topology (path --min-evidence, --from).
  struct RelationSummary {
    std::size_t evidence = 0;
    std::string first_date, last_date;
  };
  std::unordered_map<std::int64_t, RelationSummary> relation_summaries() const;
  /// A node's relations (either direction) with their evidence, in key order
  /// as KnowledgeGraph::for_each_relation_of gives them on the loaded graph.
  std::vector<StoredRelation> relations_of(const Topology& t, const graph::Node& n) const;
  /// The relations at these positions of t.relations (a node's, from an adjacency kept by the
  /// caller: no scan of every relation), with their evidence, in the order relations_of gives;
  /// `nodes` is t.entities.nodes_by_ordinal().
  std::vector<StoredRelation> relations_at(const Topology& t, const std::vector<const graph::Node*>& nodes,
                                           const std::vector<std::uint32_t>& positions) const;
  /// Every evidence item a document gives, with its relation's store id, in stored order.
  std::vector<std::pair<std::int64_t, graph::Evidence>> document_evidence(const std::string& doc_id) const;
  /// How many documents mention the node with this key.
  std::size_t mentioning_documents(const std::string& key) const;

  /// Every document's extraction records in ingest order (for rebuilding the graph).
  void for_each_records(const std::function<void(const graph::DocumentMeta&, extract::DocumentRecords&&)>& fn) const;

  /// The curation rules in force, in the order they were made.
  std::vector<graph::CurationRule> curation_rules() const;

  /// Changes whenever any process writes; a writer holding a graph loaded at
  /// another generation must reload it.
  std::uint64_t generation() const;

  // --- writes: call inside a WriteTransaction ---------------------------------
  /// Adds (or replaces) a document row with its records, last in ingest order.
  void put_document(const extract::Document& doc, const extract::DocumentRecords& records);
  /// Records `doc` as a copy of the stored document `of` (same content; its
  /// own id, metadata and records), last in ingest order. Its text is not
  /// stored again; the graph does not hold it while `of` is stored.
  void put_copy(const extract::Document& doc, const std::string& of, const extract::DocumentRecords& records);
  /// Removes a document row and its records (not its evidence: rewrite the
  /// graph), or a copy. A document's first copy takes its place (with the
  /// copy's metadata, records and position in ingest order), so the store
  /// holds what a clean ingest of the remaining inputs would.
  bool delete_document(const std::string& id);
  /// Writes the graph's pending changes, then marks them persisted.
  void write_changes(graph::KnowledgeGraph& g);
  /// Replaces every graph table with `g`.
  void rewrite_graph(graph::KnowledgeGraph& g);
  void bump_generation();
  /// Stores a rule (its id and, when empty, its time are set).
  void put_rule(graph::CurationRule& rule);
  /// Removes a rule; false when no rule has this id.
  bool delete_rule(std::int64_t id);

  Stats stats() const;

 private:
  friend class WriteTransaction;
  friend class ReadTransaction;
  sqlite3* db_ = nullptr;
  std::unique_ptr<StatementCache> stmts_;
  std::string path_;
  void exec(const char* sql) const;
  void migrate();
  /// Documents, nodes and aliases (and mention counts when `mentions`) into `g`.
  void load_entities(graph::KnowledgeGraph& g, bool mentions) const;
  /// One more than the largest relation id (size of arrays indexed by it).
  std::size_t relation_id_bound() const;
  /// Node rows and aliases of `keys`; mention counts of `docs` only, or all of them when null.
  void write_nodes(const graph::KnowledgeGraph& g, const std::set<std::string>& keys,
                   const std::set<std::pair<std::string, std::string>>* docs);
  void write_relations(const graph::KnowledgeGraph& g, const std::set<graph::RelationKey>& keys);
  /// Redirect rows of `keys` (deleted where the graph holds none).
  void write_redirects(const graph::KnowledgeGraph& g, const std::set<std::string>& keys);
};

}  // namespace irgraph::store
