// path: the shortest connection between two entities, with evidence per hop.
#include <iostream>
#include <set>
#include <unordered_map>

#include "cli/command.hpp"
#include "graph/json_out.hpp"
#include "cli/output.hpp"
#include "graph/path_finder.hpp"
#include "graph/query.hpp"
#include "store/json_views.hpp"
#include "store/store.hpp"

namespace irgraph::cli {

namespace {

class PathCommand : public Command {
 public:
  std::string_view name() const override { return "path"; }
  std::string_view description() const override {
    return "the best connection between two entities (and alternatives), each hop with its evidence";
  }
  void setup(CLI::App& app) override {
    app.add_option("FROM", from_, "an entity, by any of its names")->required();
    app.add_option("TO", to_, "another entity")->required();
    app.add_option("--via", via_, "follow only these relations (comma-separated: metWith,accompanied,...)");
    app.add_option("--avoid", avoid_,
                   "never pass through these entity types or entities (comma-separated: Country,Place,\"Vladimir Putin\")");
    app.add_option("--max-hops", max_hops_, "at most this many hops")->check(CLI::PositiveNumber);
    app.add_option("--min-evidence", min_evidence_, "follow only relations with at least this many evidence items")
        ->check(CLI::PositiveNumber);
    app.add_option("--from", since_, "follow only relations with evidence dated on or after this date (YYYY-MM-DD)")
        ->check(iso_date_validator());
    app.add_option("--to", until_, "follow only relations with evidence dated on or before this date (YYYY-MM-DD)")
        ->check(iso_date_validator());
    app.add_option("-k", k_, "the best connection and up to k - 1 alternatives, best first (default 1)")
        ->check(CLI::Range(1u, 20u));
    app.add_flag("--json", json_, "print the connections as one JSON document (shape in the README); none: an empty \"paths\"");
    app.add_flag("--by-hops", by_hops_,
                 "the fewest hops, every entity alike (default: weighed by type, people and agreements 1, "
                 "organisations 2, countries and places 4, so a path through what people did comes first)");
  }
  int run(const GlobalOptions& global, std::ostream& raw_out, std::ostream& raw_err) override {
    TerminalText out(raw_out), err(raw_err);  // names and sentences come from articles
    graph::PathOptions options;
    for (auto r : parse_relations(via_)) options.via.insert(r);
    options.max_hops = max_hops_;
    options.k = k_;
    options.by_hops = by_hops_;
    store::Store db(global.db, store::Store::Mode::ReadOnly);
    store::ReadTransaction snapshot(db);  // the hops' evidence from the same state as the topology
    // entities and relation ends only: the evidence of the hops is read from
    // the store afterwards, so a graph of millions of relations is searched
    // without holding their evidence
    store::Topology topology = db.load_topology();
    const graph::KnowledgeGraph& g = topology.entities;
    for (const auto& item : split_commas(avoid_)) {
      if (auto t = node_type_from(item)) options.avoid_types.insert(*t);
      else options.avoid_nodes.insert(graph::lookup(g, item));  // an unknown name is an error (exit 3)
    }
    std::unordered_map<std::int64_t, store::Store::RelationSummary> summaries;
    if (min_evidence_ > 1 || !since_.empty() || !until_.empty()) {
      summaries = db.relation_summaries();
      options.keep = [&](std::int64_t id, const graph::Relation*) {
        auto it = summaries.find(id);
        if (it == summaries.end()) return false;
        const auto& r = it->second;
        if (r.evidence < min_evidence_) return false;
        // a relation with evidence in the window: first <= until and last >= since (undated ones: out)
        if ((!since_.empty() || !until_.empty()) && r.first_date.empty()) return false;
        if (!since_.empty() && r.last_date < since_) return false;
        if (!until_.empty() && r.first_date > until_) return false;
        return true;
      };
    }
    std::string a = graph::lookup(g, from_), b = graph::lookup(g, to_);
    const auto paths = graph::PathFinder(g, topology.relations).best_paths(a, b, options);
    const bool restricted = !options.via.empty() || !options.avoid_types.empty() || !options.avoid_nodes.empty() ||
                            options.max_hops || options.keep;
    if (json_) {
      graph::JsonOut j;
      store::write_path_json(j, db, g, a, b, paths, by_hops_);
      j.print(raw_out);
    }
    if (paths.empty()) {
      err << "irgraph: no connection between " << label(g, a) << " and " << label(g, b)
          << (restricted ? " with the restrictions given" : "") << "\n";
      return kNotFound;
    }
    if (json_) return kOk;
    const std::string weighing = by_hops_ ? "fewest hops"
                                          : "weighed by entity type: official, agreement 1; organisation 2; country, place 4";
    int n = 0;
    for (const auto& p : paths) {
      if (n++) out << "\n";
      out << label(g, a) << " → " << label(g, b) << ": " << p.hops.size() << (p.hops.size() == 1 ? " hop" : " hops");
      if (paths.size() > 1) out << " (connection " << n << " of " << paths.size() << ", cost " << p.cost << ")";
      else if (!by_hops_) out << " (cost " << p.cost << ")";
      out << "\n";
      if (n == 1) out << "[" << weighing << "]\n";
      print_hops(out, db, g, p.hops);
    }
    return kOk;
  }

 private:
  static void print_hops(std::ostream& out, const store::Store& db, const graph::KnowledgeGraph& g,
                         const std::vector<graph::Hop>& hops) {
    int i = 0;
    for (const auto& h : hops) {
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
  }


  std::string from_, to_, since_, until_;
  std::vector<std::string> via_, avoid_;
  std::size_t max_hops_ = 0, min_evidence_ = 1, k_ = 1;
  bool by_hops_ = false, json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_path_command() { return std::make_unique<PathCommand>(); }

}  // namespace irgraph::cli
