#pragma once
/// A writing session on a store: the graph in memory, kept in step with the
/// store even when other processes write to it, and the operations that
/// change both together (add a document, forget documents). Each operation
/// is one transaction under the store's write lock.
#include <memory>
#include <string>
#include <vector>

#include "extract/records.hpp"
#include "graph/resolver.hpp"
#include "store/store.hpp"

namespace irgraph::store {

class Session {
 public:
  /// Opens (creating or migrating) the store and loads its graph.
  explicit Session(const std::string& db_path);

  enum class Added { New, Replaced, Duplicate };

  /// Adds one document and its records. The same content already stored adds
  /// nothing; the same id with other content replaces that document's
  /// evidence (the graph is rebuilt from the stored records, as if the old
  /// version had never been ingested).
  Added add(const extract::Document& doc, const extract::DocumentRecords& records);

  /// Removes the documents with these ids and everything only they supported.
  /// Returns the ids that were not stored.
  std::vector<std::string> forget(const std::vector<std::string>& ids);

  const graph::KnowledgeGraph& graph() const { return graph_; }
  Store& store() { return store_; }

 private:
  Store store_;
  graph::KnowledgeGraph graph_;
  std::unique_ptr<graph::Resolver> resolver_;
  std::uint64_t generation_ = 0;
  bool stale_ = true;

  void reload();
  void rebuild_from_records();
};

}  // namespace irgraph::store
