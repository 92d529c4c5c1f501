// show: an entity's names (and why they were merged), roles and relations with counts.
#include <iostream>
#include <map>

#include "cli/command.hpp"
#include "graph/json_out.hpp"
#include "cli/output.hpp"
#include "extract/pipeline.hpp"
#include "graph/query.hpp"
#include "store/json_views.hpp"
#include "store/store.hpp"

namespace irgraph::cli {

namespace {

class ShowCommand : public Command {
 public:
  std::string_view name() const override { return "show"; }
  std::string_view description() const override {
    return "an entity's names (with the reason for each merge), roles and relations with counts";
  }
  void setup(CLI::App& app) override {
    app.add_option("name", name_, "the entity, by any of its names")->required();
    app.add_flag("--trace", trace_, "also show which extractor and rule produced each relation");
    app.add_flag("--json", json_, "print the entity as one JSON document (shape in the README), every relation's evidence included");
  }
  int run(const GlobalOptions& global, std::ostream& raw_out, std::ostream&) override {
    TerminalText out(raw_out);  // names and sentences come from articles
    store::Store db(global.db, store::Store::Mode::ReadOnly);
    store::ReadTransaction snapshot(db);
    // entities and relation ends only; the entity's own relations are read
    // with their evidence afterwards, so a graph of millions of relations is
    // never held whole
    const store::Topology topology = db.load_topology();
    const graph::KnowledgeGraph& g = topology.entities;
    const graph::Node& n = *g.find(graph::lookup(g, name_));
    const std::size_t documents = db.mentioning_documents(n.key);
    const auto rules = graph::Curation(db.curation_rules()).touching(g, n.key);
    const auto former = g.redirects_to(n.key);
    if (json_) {
      graph::JsonOut j;
      store::write_entity_json(j, n, documents, db.relations_of(topology, n), rules, former);
      j.print(raw_out);
      return kOk;
    }
    out << n.name << "  [" << irgraph::name(n.type) << "]  " << n.key << "\n";
    if (!n.country.empty()) out << "  country: " << n.country << "\n";
    if (!n.aliases.empty()) {
      out << "  also known as:\n";
      for (const auto& a : n.aliases) out << "    " << a.text << "  (" << a.reason << ")\n";
    }
    out << "  mentioned in " << documents << (documents == 1 ? " document" : " documents") << "\n";
    if (!n.origin.empty()) out << "  first found by: " << n.origin << with_rule_description(n.origin) << "\n";
    if (!former.empty()) {
      out << "  former keys (redirects):";
      for (const auto& k : former) out << " " << k;
      out << "\n";
    }
    for (const auto& r : rules)
      out << "  curation rule " << r.id << ": " << r.describe() << (r.note.empty() ? "" : "  # " + r.note) << "\n";
    std::vector<std::string> roles;
    std::map<std::string, int> counts;
    std::vector<std::string> lines;
    for (const auto& [source, r, target] : db.relations_of(topology, n)) {
      const graph::Node &s = *source, &t = *target;
      const bool outgoing = s.key == n.key;
      const graph::Node& other = outgoing ? t : s;
      ++counts[std::string(irgraph::name(r.type))];
      if (r.type == RelationType::OfficialOf && outgoing)
        for (const auto& v : r.values()) roles.push_back(v + " of " + t.name);
      std::string line = "    " + std::string(outgoing || symmetric(r.type) ? "" : "← ") + std::string(irgraph::name(r.type));
      auto values = r.values();
      if (!values.empty()) line += " (" + values.front() + ")";
      line += "  " + other.name + " [" + std::string(irgraph::name(other.type)) + "]";
      auto [lo, hi] = r.date_range();
      line += "  ×" + std::to_string(r.evidence.size());
      if (!lo.empty()) line += "  " + (lo == hi ? lo.str() : lo + " – " + hi);
      lines.push_back(line);
      if (trace_)
        for (const auto& e : r.evidence)
          lines.push_back("        " + e.extractor + "/" + e.rule + "  " + e.doc_id + " sentence " + std::to_string(e.sentence) +
                          " [" + std::to_string(e.begin) + "," + std::to_string(e.end) + ")" +
                          with_rule_description(e.extractor + "/" + e.rule));
    }
    if (!roles.empty()) {
      out << "  roles:\n";
      for (const auto& r : roles) out << "    " << r << "\n";
    }
    out << "  relations:";
    for (const auto& [k, c] : counts) out << " " << k << " " << c;
    out << (counts.empty() ? " none\n" : "\n");
    for (const auto& l : lines) out << l << "\n";
    return kOk;
  }

 private:
  /// "  — <what the rule does>" for "extractor/rule ..." (nothing for a rule no extractor declares any more)
  static std::string with_rule_description(const std::string& origin) {
    const auto slash = origin.find('/');
    if (slash == std::string::npos) return {};
    const auto end = origin.find(' ', slash);
    const std::string_view d = extract::rule_description(
        std::string_view(origin).substr(0, slash), std::string_view(origin).substr(slash + 1, end == std::string::npos ? end : end - slash - 1));
    return d.empty() ? std::string() : "  — " + std::string(d);
  }


  std::string name_;
  bool trace_ = false, json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_show_command() { return std::make_unique<ShowCommand>(); }

}  // namespace irgraph::cli
