// ingest: read articles, extract, resolve into the graph, commit document by document.
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "extract/pipeline.hpp"
#include "graph/resolver.hpp"
#include "store/session.hpp"

namespace irgraph::cli {

namespace {

class IngestCommand : public Command {
 public:
  std::string_view name() const override { return "ingest"; }
  std::string_view description() const override {
    return "read articles (.txt, .jsonl, folders, - for stdin) into the graph store";
  }
  void setup(CLI::App& app) override {
    app.add_option("inputs", inputs_, "files, folders (recursively) or - for standard input")->required();
  }
  int run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override {
    store::Session session(global.db);
    extract::Pipeline pipeline;
    std::size_t read = 0, ingested = 0, duplicates = 0, replaced = 0, skipped = 0;
    std::map<std::string, std::size_t> reasons;
    std::set<std::string> hashes_this_run;
    extract::ReadHandler handler;
    handler.on_error = [&](const InputError& e) {
      ++skipped;
      ++reasons[e.reason().substr(0, e.reason().find(':'))];
      err << "irgraph: " << e.what() << " (skipped)\n";
    };
    handler.on_document = [&](extract::Document&& d) {
      ++read;
      if (!hashes_this_run.insert(d.content_hash()).second || session.store().has_content(d.content_hash())) {
        ++duplicates;
        return;
      }
      switch (session.add(d, pipeline.extract(d))) {
        case store::Session::Added::New: ++ingested; break;
        case store::Session::Added::Replaced: ++ingested; ++replaced; break;
        case store::Session::Added::Duplicate: ++duplicates; break;  // another process stored it meanwhile
      }
      if (!global.quiet && ingested % 100 == 0) err << "ingest: " << ingested << " documents...\n";
    };
    extract::read_inputs(inputs_, handler);
    if (!global.quiet || skipped) {
      out << "ingest: " << read << " read, " << ingested << " ingested";
      if (replaced) out << " (" << replaced << " replacing an older version)";
      out << ", " << duplicates << " already stored, " << skipped << " skipped";
      if (skipped) {
        out << " (";
        bool first = true;
        for (const auto& [r, n] : reasons) {
          out << (first ? "" : ", ") << n << " " << r;
          first = false;
        }
        out << ")";
      }
      const auto& g = session.graph();
      out << "; graph: " << g.node_count() << " nodes, " << g.relation_count() << " relations, " << g.evidence_count()
          << " evidence\n";
    }
    return skipped ? kError : kOk;
  }

 private:
  std::vector<std::string> inputs_;
};

}  // namespace

std::unique_ptr<Command> make_ingest_command() { return std::make_unique<IngestCommand>(); }

}  // namespace irgraph::cli
