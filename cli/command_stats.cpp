// stats: what the store holds.
#include <iostream>

#include "cli/command.hpp"
#include "graph/json_out.hpp"
#include "store/json_views.hpp"
#include "store/store.hpp"

namespace irgraph::cli {

namespace {

class StatsCommand : public Command {
 public:
  std::string_view name() const override { return "stats"; }
  std::string_view description() const override { return "count the documents, nodes, relations and evidence in the store"; }
  void setup(CLI::App& app) override {
    app.add_flag("--json", json_, "print the counts as one JSON document (shape in the README)");
  }
  int run(const GlobalOptions& global, std::ostream& out, std::ostream&) override {
    store::Store db(global.db, store::Store::Mode::ReadOnly);
    auto s = db.stats();
    if (json_) {
      graph::JsonOut j;
      store::write_stats_json(j, db.path(), s);
      j.print(out);
      return kOk;
    }
    out << "store: " << db.path() << "\n";
    out << "documents: " << s.documents;
    if (s.copies) out << " (and " << s.copies << (s.copies == 1 ? " copy" : " copies") << " of their text under other ids)";
    out << "\n";
    out << "undated documents: " << s.undated << " (no date in their metadata or a dateline; ingest --date dates them)\n";
    out << "nodes: " << s.nodes << " (" << s.aliases << " aliases)\n";
    for (const auto& [t, n] : s.nodes_by_type) out << "  " << t << ": " << n << "\n";
    out << "relations: " << s.relations << " (" << s.evidence << " evidence, " << s.dated_evidence
        << " of them dated)\n";
    for (const auto& [t, n] : s.relations_by_type) out << "  " << t << ": " << n << "\n";
    return kOk;
  }

 private:
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_stats_command() { return std::make_unique<StatsCommand>(); }

}  // namespace irgraph::cli
