#pragma once
/// A writing session on a store: the graph in memory, kept in step with the
/// store even when other processes write to it, and the operations that
/// change both together (add a document, forget documents). Each operation
/// is one transaction under the store's write lock.
#include <chrono>
#include <functional>
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

  /// New; Replaced (an older version of the same id); Duplicate (stored as
  /// it is already); Copy (another document has its content: kept outside the
  /// graph, to take that document's place if it is forgotten or replaced);
  /// Conflict (its id is stored from another source and replace_across_sources
  /// is off: nothing changed).
  enum class Added { New, Replaced, Duplicate, Copy, Conflict };

  /// Whether a document may replace one of its id read from another source
  /// (another file, or standard input). Off by default: two inputs whose ids
  /// collide would silently replace each other's articles.
  void replace_across_sources(bool on) { replace_across_sources_ = on; }

  /// Adds one document and its records. The same document already stored
  /// adds nothing; another id with stored content is kept as a copy; the same
  /// id with other content replaces that document's evidence (the graph is
  /// rebuilt from the stored records, as if the old version had never been
  /// ingested).
  Added add(const extract::Document& doc, const extract::DocumentRecords& records);

  struct Pending {
    extract::Document document;
    extract::DocumentRecords records;
  };
  /// Adds several documents in one transaction (each as add() would, in
  /// order): all of them are stored, or none (a failure, a kill). One commit
  /// per batch instead of one per document is what makes bulk ingest fast.
  std::vector<Added> add(const std::vector<Pending>& batch);

  /// Removes the documents with these ids and everything only they supported.
  /// Returns the ids that were not stored.
  std::vector<std::string> forget(const std::vector<std::string>& ids);

  /// Stores a curation rule and rebuilds the graph with it (one
  /// transaction). Returns the stored rule; a rule making a decision already
  /// in force is not stored twice (that one is returned). Throws Error for a
  /// malformed rule.
  graph::CurationRule curate(graph::CurationRule rule);
  /// Removes a rule and rebuilds the graph without it; false when unknown.
  bool undo(std::int64_t rule_id);
  /// Stores the rules not in force yet (a team's shared file), one rebuild;
  /// returns how many were new.
  std::size_t import_rules(const std::vector<graph::CurationRule>& rules);
  const graph::Curation& curation() const { return curation_; }

  const graph::KnowledgeGraph& graph() const { return graph_; }
  Store& store() { return store_; }

 private:
  Store store_;
  graph::KnowledgeGraph graph_;
  graph::Curation curation_;
  std::unique_ptr<graph::Resolver> resolver_;
  std::uint64_t generation_ = 0;
  bool stale_ = true;
  bool replace_across_sources_ = false;

  /// Is `doc`'s id stored from another source, which it must not replace?
  bool conflicts(const extract::Document& doc) const;

  void reload();
  void rebuild_from_records();
  /// Runs `change` on the store under its write lock (it returns its result
  /// and whether it changed anything); after a change, rebuilds the graph from
  /// the records with the rules then in force. One transaction.
  template <class F>
  auto rebuilding(F&& change);
};

/// Groups documents into batches for Session::add: a batch commits when it
/// holds `max_documents` documents or `max_bytes` of text, when a document
/// arrives `max_wait` or more after the batch's first (checked on arrival: no
/// timer), and on flush(). Documents not yet
/// committed when the process dies are simply not stored (ingest again).
class BatchWriter {
 public:
  struct Limits {
    std::size_t max_documents = 256;
    std::size_t max_bytes = 16u << 20;
    std::chrono::milliseconds max_wait{2000};
  };
  /// Documents committed so far, by outcome.
  struct Counts {
    std::size_t added = 0;       ///< new or replacing
    std::size_t replaced = 0;    ///< of `added`, those replacing an older version
    std::size_t duplicates = 0;  ///< already stored (by another process meanwhile)
    std::size_t copies = 0;      ///< copies of a stored document's content
    std::size_t conflicts = 0;   ///< not stored: the id is another source's
  };

  /// Called after each commit for every document of the batch that was not
  /// stored because its id is another source's (Session::Added::Conflict).
  using OnConflict = std::function<void(const extract::Document&)>;
  BatchWriter(Session& session, Limits limits, OnConflict on_conflict = {})
      : session_(session), limits_(limits), on_conflict_(std::move(on_conflict)) {}

  void add(extract::Document doc, extract::DocumentRecords records);
  /// Commits what is pending (call before the end).
  void flush();
  const Counts& counts() const { return counts_; }

 private:
  Session& session_;
  Limits limits_;
  OnConflict on_conflict_;
  Counts counts_;
  std::vector<Session::Pending> pending_;
  std::size_t bytes_ = 0;
  std::chrono::steady_clock::time_point first_{};
};

}  // namespace irgraph::store
