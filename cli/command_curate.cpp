// curate: an analyst's corrections as rules the store keeps and applies to
// every later ingest, forget and rebuild; listed, undone, shared as a file.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.hpp"
#include "graph/json_out.hpp"
#include "cli/output.hpp"
#include "core/error.hpp"
#include "graph/query.hpp"
#include "store/json_views.hpp"
#include "store/session.hpp"

namespace irgraph::cli {

namespace {

class CurateCommand : public Command {
 public:
  std::string_view name() const override { return "curate"; }
  std::string_view description() const override {
    return "correct the graph by rules that survive re-ingest: merge, split, block, rename, reject; list, undo, export, import";
  }
  void setup(CLI::App& app) override {
    app.require_subcommand(1);
    app.footer(
        "Each rule is stored with its note and time and applied to every later ingest, forget and rebuild.\n"
        "Entities are named by any of their names or by key; rules are stored by key, so a rules file made\n"
        "on one store applies to another built from the same articles.");
    auto sub = [&](const char* n, const char* what) {
      CLI::App* s = app.add_subcommand(n, what);
      s->fallthrough();
      return s;
    };
    merge_ = sub("merge", "merge the first entity into the second (its key stays valid: a redirect, owl:sameAs in RDF)");
    merge_->add_option("entity", a_, "the entity merged away")->required();
    merge_->add_option("into", b_, "the entity that stays")->required();
    split_ = sub("split", "make mentions of one of an entity's names an entity of their own");
    split_->add_option("entity", a_, "the entity holding the name")->required();
    split_->add_option("alias", b_, "the name to split off (as 'show' lists it)")->required();
    block_ = sub("block", "never make an entity of this name (mentions and their relations are dropped)");
    block_->add_option("name", a_, "the name (case and diacritics ignored)")->required();
    block_->add_option("--type", type_, "only mentions of this type (Country, Official, Agreement, Place, Organization)");
    rename_ = sub("rename", "give an entity the name it is shown and exported under");
    rename_->add_option("entity", a_, "the entity")->required();
    rename_->add_option("name", b_, "its new name (the old one stays an alias)")->required();
    reject_ = sub("reject", "remove a relation for good, whatever evidence states it again");
    reject_->add_option("source", a_, "the relation's source entity")->required();
    reject_->add_option("relation", relation_, "its type (metWith, officialOf, ...)")->required();
    reject_->add_option("target", b_, "its target entity")->required();
    for (CLI::App* s : {merge_, split_, block_, rename_, reject_})
      s->add_option("--note", note_, "why (kept with the rule, listed, exported)");
    list_ = sub("list", "the rules in force, oldest first");
    list_->add_flag("--json", json_, "as the curation file's JSON (with each rule's id)");
    undo_ = sub("undo", "remove a rule (by the id 'list' shows) and rebuild the graph without it");
    undo_->add_option("id", id_, "the rule's id")->required();
    export_ = sub("export", "write the rules to a file a team shares ('-' for standard output)");
    export_->add_option("-o,--output", file_, "the file")->required();
    import_ = sub("import", "add a shared file's rules (those not in force yet) and rebuild once");
    import_->add_option("file", file_, "the curation file")->required()->check(CLI::ExistingFile);
  }

  int run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override {
    if (list_->parsed()) return list(global, out);
    if (export_->parsed()) return export_rules(global, out);
    store::Session session(global.db);
    if (undo_->parsed()) {
      if (!session.undo(id_)) {
        err << "irgraph: curate: no rule with id " << id_ << " ('irgraph curate list' shows them)\n";
        return kNotFound;
      }
      if (!global.quiet) out << "curate: rule " << id_ << " undone; " << summary(session) << "\n";
      return kOk;
    }
    if (import_->parsed()) {
      std::ifstream in(file_, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      if (!in) throw Error("curate: " + file_ + ": cannot read");
      std::vector<graph::CurationRule> rules;
      try {
        rules = graph::rules_from_json(text.str());
      } catch (const Error& e) {
        throw Error("curate: " + file_ + ": " + e.what());
      }
      const std::size_t added = session.import_rules(rules);
      if (!global.quiet)
        out << "curate: " << added << " of " << rules.size() << " rules added (" << rules.size() - added
            << " in force already); " << summary(session) << "\n";
      return kOk;
    }
    const graph::CurationRule rule = make_rule(session.graph());
    const auto& before = session.curation().rules();
    const bool existed = std::any_of(before.begin(), before.end(), [&](const auto& r) { return r.same_decision(rule); });
    const auto stored = session.curate(rule);
    if (!global.quiet) {
      TerminalText text(out);
      text << "curate: rule " << stored.id << ": " << stored.describe() << (existed ? " (in force already)" : "") << "; "
           << summary(session) << "\n";
    }
    return kOk;
  }

 private:
  CLI::App *merge_ = nullptr, *split_ = nullptr, *block_ = nullptr, *rename_ = nullptr, *reject_ = nullptr;
  CLI::App *list_ = nullptr, *undo_ = nullptr, *export_ = nullptr, *import_ = nullptr;
  std::string a_, b_, type_, relation_, note_, file_;
  std::int64_t id_ = 0;
  bool json_ = false;

  static std::string summary(const store::Session& s) {
    return "graph: " + std::to_string(s.graph().node_count()) + " nodes, " + std::to_string(s.graph().relation_count()) +
           " relations";
  }

  /// The rule the parsed subcommand states, its entities looked up in `g`.
  graph::CurationRule make_rule(const graph::KnowledgeGraph& g) const {
    graph::CurationRule r;
    r.note = note_;
    r.subject = a_;
    r.object = b_;
    if (merge_->parsed()) r.action = graph::CurationAction::Merge;
    else if (split_->parsed()) r.action = graph::CurationAction::Split;
    else if (rename_->parsed()) r.action = graph::CurationAction::Rename;
    else if (block_->parsed()) {
      r.action = graph::CurationAction::Block;
      r.relation = type_;
    } else {
      r.action = graph::CurationAction::Reject;
      r.relation = relation_;
    }
    return graph::resolve(g, r);
  }

  int list(const GlobalOptions& global, std::ostream& raw_out) const {
    store::Store db(global.db, store::Store::Mode::ReadOnly);
    const auto rules = db.curation_rules();
    if (json_) {
      graph::JsonOut j;
      j.w.StartArray();
      for (const auto& r : rules) store::write_rule_json(j, r);
      j.w.EndArray();
      j.print(raw_out);
      return kOk;
    }
    TerminalText out(raw_out);
    if (rules.empty() && !global.quiet) out << "curate: no rules\n";
    for (const auto& r : rules)
      out << r.id << "  " << r.created_at << "  " << r.describe() << (r.note.empty() ? "" : "  # " + r.note) << "\n";
    return kOk;
  }

  int export_rules(const GlobalOptions& global, std::ostream& out) const {
    store::Store db(global.db, store::Store::Mode::ReadOnly);
    const std::string text = graph::rules_to_json(db.curation_rules());
    if (file_ == "-") {
      out << text;
      return kOk;
    }
    OutputFile file(file_, global.db);
    file.write([&](std::ostream& o) { o << text; });
    return kOk;
  }
};

}  // namespace

std::unique_ptr<Command> make_curate_command() { return std::make_unique<CurateCommand>(); }

}  // namespace irgraph::cli
