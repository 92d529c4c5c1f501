#pragma once
/// The persistent store: an embedded SQLite database holding the documents
/// (with content hashes) and the graph (nodes, aliases, relations,
/// evidence). Each document is committed with its graph changes in one
/// transaction, so a store holds exactly the documents whose commit finished.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract/document.hpp"
#include "graph/knowledge_graph.hpp"

struct sqlite3;

namespace irgraph::store {

/// Version of the schema this build writes; older stores are migrated on open.
inline constexpr int kSchemaVersion = 1;

struct DocumentInfo {
  std::string id, hash, title, date, url, origin, ingested_at;
};

struct Stats {
  std::size_t documents = 0, nodes = 0, aliases = 0, relations = 0, evidence = 0;
  std::vector<std::pair<std::string, std::size_t>> nodes_by_type, relations_by_type;
};

class Store {
 public:
  enum class Mode { ReadWrite, ReadOnly };

  /// Opens (ReadWrite: creates) the store at `path`. Throws StoreError when the
  /// file is not an irgraph store, has a newer schema, or cannot be opened.
  explicit Store(const std::string& path, Mode mode = Mode::ReadWrite);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }

  /// Is a document with this content hash stored?
  bool has_content(const std::string& hash) const;
  std::optional<DocumentInfo> document(const std::string& id) const;
  std::vector<DocumentInfo> documents() const;

  /// The whole graph.
  graph::KnowledgeGraph load() const;

  /// Stores `doc` and the graph's pending changes in one transaction, then marks
  /// them persisted in `g`. On failure nothing is written and StoreError is thrown.
  void commit(const extract::Document& doc, graph::KnowledgeGraph& g);

  Stats stats() const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  void exec(const char* sql) const;
  void migrate();
};

}  // namespace irgraph::store
