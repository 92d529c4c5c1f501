#pragma once
/// Curation over HTTP, for a server started with --allow-curation: the rules
/// in force, a new rule (entities by any name, as `irgraph curate` takes
/// them) and undoing one. Each change is one transaction that rebuilds the
/// graph (store::Session), as the command does; GraphService's answers follow.
#include <cstdint>
#include <mutex>
#include <string>

#include "serve/graph_service.hpp"

namespace irgraph::serve {

class CurationService {
 public:
  /// `editable`: whether add and undo may change the store (serve --allow-curation).
  CurationService(std::string db_path, bool editable) : db_path_(std::move(db_path)), editable_(editable) {}

  /// GET /api/curation: {"editable": bool, "rules": [the rules in force, oldest first]}.
  Answer list();
  /// POST /api/curation with a JSON body {"action", "subject", "relation"?,
  /// "object"?, "note"?}: stores the rule and rebuilds; answers it with its id.
  Answer add(const std::string& body);
  /// DELETE /api/curation?id=N: undoes a rule. Both answer 403 when not editable.
  Answer undo(const Params& p);

 private:
  std::string db_path_;
  bool editable_ = false;
  std::mutex mutex_;  ///< one change at a time from this server
};

}  // namespace irgraph::serve
