// path: the shortest connection between two entities, with evidence per hop.
#include <iostream>
#include <set>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "graph/path_finder.hpp"
#include "graph/query.hpp"
#include "store/store.hpp"

namespace irgraph::cli {

namespace {

class PathCommand : public Command {
 public:
  std::string_view name() const override { return "path"; }
  std::string_view description() const override {
    return "the shortest connection between two entities, each hop with its evidence";
  }
  void setup(CLI::App& app) override {
    app.add_option("from", from_, "an entity, by any of its names")->required();
    app.add_option("to", to_, "another entity")->required();
    app.add_option("--via", via_, "follow only these relations (comma-separated: metWith,accompanied,...)");
  }
  int run(const GlobalOptions& global, std::ostream& raw_out, std::ostream& raw_err) override {
    TerminalText out(raw_out), err(raw_err);  // names and sentences come from articles
    std::set<RelationType> via;
    for (auto r : parse_relations(via_)) via.insert(r);
    store::Store db(global.db, store::Store::Mode::ReadOnly);
    store::ReadTransaction snapshot(db);  // the hops' evidence from the same state as the topology
    // entities and relation ends only: the evidence of the hops is read from
    // the store afterwards, so a graph of millions of relations is searched
    // without holding their evidence
    store::Topology topology = db.load_topology();
    const graph::KnowledgeGraph& g = topology.entities;
    std::string a = graph::lookup(g, from_), b = graph::lookup(g, to_);
    auto path = graph::PathFinder(g, topology.relations).shortest_path(a, b, via);
    if (!path) {
      err << "irgraph: no connection between " << label(g, a) << " and " << label(g, b)
          << (via.empty() ? "" : " through the relations given") << "\n";
      return kNotFound;
    }
    out << label(g, a) << " → " << label(g, b) << ": " << path->size() << (path->size() == 1 ? " hop" : " hops") << "\n";
    int i = 0;
    for (const auto& h : *path) {
      const graph::Relation relation = db.relation(h.relation_id);
      const auto& ev = graph::representative_evidence(relation);
      std::string rel(irgraph::name(h.type));
      auto values = relation.values();
      if (!values.empty()) rel += " (" + values.front() + ")";
      out << "\n" << ++i << ". " << g.find(h.from)->name << (h.forward ? " —" + rel + "→ " : " ←" + rel + "— ")
          << g.find(h.to)->name << "\n";
      out << "   > " << ev.text << "\n";
      out << "   (" << ev.doc_id;
      if (!ev.date.empty()) out << ", " << ev.date;
      else if (const auto* d = g.document(ev.doc_id); d && !d->date.empty()) out << ", published " << d->date;
      if (relation.evidence.size() > 1) out << "; " << relation.evidence.size() - 1 << " more";
      out << ")\n";
    }
    return kOk;
  }

 private:
  std::string from_, to_;
  std::vector<std::string> via_;
};

}  // namespace

std::unique_ptr<Command> make_path_command() { return std::make_unique<PathCommand>(); }

}  // namespace irgraph::cli
