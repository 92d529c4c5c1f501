// forget: remove documents and everything only they supported.
#include <iostream>

#include "cli/command.hpp"
#include "store/session.hpp"

namespace irgraph::cli {

namespace {

class ForgetCommand : public Command {
 public:
  std::string_view name() const override { return "forget"; }
  std::string_view description() const override {
    return "remove documents (by id) and the nodes and relations only they supported";
  }
  void setup(CLI::App& app) override {
    app.add_option("ids", ids_, "document ids, as ingest stored them (the path given, or the JSON \"id\")")->required();
  }
  int run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override {
    store::Session session(global.db);
    auto unknown = session.forget(ids_);
    for (const auto& id : unknown) err << "irgraph: forget: no document with id '" << id << "'\n";
    if (!global.quiet)
      out << "forget: " << ids_.size() - unknown.size() << " removed; graph: " << session.graph().node_count()
          << " nodes, " << session.graph().relation_count() << " relations\n";
    return unknown.empty() ? kOk : kError;
  }

 private:
  std::vector<std::string> ids_;
};

}  // namespace

std::unique_ptr<Command> make_forget_command() { return std::make_unique<ForgetCommand>(); }

}  // namespace irgraph::cli
