#pragma once
/// The questions `irgraph serve` answers, as JSON documents, without HTTP:
/// search entities by any name, an entity, a neighbourhood, connections, a
/// relation's evidence, a document's evidence spans, counts. It holds the
/// store's topology (entities and relation ends) and reads evidence from the
/// store per answer, so it never holds the whole graph with its evidence; it
/// reloads when another process changed the store. Thread-safe: answers run
/// at once, each on a read-only store connection of its own (SQLite in WAL
/// mode lets readers run together); connections searches share one path
/// finder, one at a time.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/path_finder.hpp"
#include "store/store.hpp"

namespace irgraph::serve {

/// Query parameters as the HTTP layer received them (name -> value).
using Params = std::multimap<std::string, std::string>;

/// An answer: an HTTP status and a JSON body ({"error": "..."} unless 200).
struct Answer {
  int status = 200;
  std::string body;
};

class GraphService {
 public:
  /// Opens the store read-only and loads its topology. Throws StoreError.
  explicit GraphService(const std::string& db_path);
  ~GraphService();

  /// GET /api/search?q=TEXT[&limit=N][&type=T]: entities whose names (or any
  /// word of them) begin with TEXT, case and diacritics ignored; an exact name
  /// first, then the most connected.
  Answer search(const Params& p);
  /// GET /api/entity?key=KEY (or a name): show --json's document.
  Answer entity(const Params& p);
  /// GET /api/neighbourhood?key=KEY[&depth=1..3][&relations=a,b][&types=A,B][&from=D][&to=D][&limit=N]
  Answer neighbourhood(const Params& p);
  /// GET /api/path?from=A&to=B[&k=1..10][&avoid=Country,Name][&via=a,b][&maxHops=N][&byHops=true]: path --json's document.
  Answer path(const Params& p);
  /// GET /api/relation?id=N: a relation's ends, values and every evidence item.
  Answer relation(const Params& p);
  /// GET /api/document?id=ID: a document's metadata and every evidence span it gives.
  Answer document(const Params& p);
  /// GET /api/stats: stats --json's document.
  Answer stats(const Params& p);

 private:
  struct Loaded;
  std::string db_path_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<store::Store>> idle_;  ///< read-only connections, one per answer at a time
  std::mutex refresh_mutex_;
  std::shared_ptr<const Loaded> loaded_;             ///< the store state answers read (swapped whole)
  /// The state to answer from, loaded again (once, whoever asks) when the store changed.
  std::shared_ptr<const Loaded> current(store::Store& db);
  template <class F>
  Answer answer(F&& f);
};

}  // namespace irgraph::serve
