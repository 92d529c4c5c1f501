// merge: the reduce stage. Reads the JSON Lines that `extract` wrote (any
// number of shards, in order) and builds or updates the store, resolving
// entities across shards exactly as ingest does.
#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "extract/records_json.hpp"
#include "store/session.hpp"

namespace irgraph::cli {

namespace {

class MergeCommand : public Command {
 public:
  std::string_view name() const override { return "merge"; }
  std::string_view description() const override {
    return "build or update the store from files written by extract (shards merged in the order given)";
  }
  void setup(CLI::App& app) override {
    app.add_option("files", files_, "JSON Lines files from extract, or - for standard input")->required();
    batch_.add_to(app);
    app.add_flag("--replace", replace_,
                 "let a document replace one of the same id read from another input; without it such a document "
                 "is skipped with an error");
  }
  int run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override {
    store::Session session(global.db);
    std::size_t skipped = 0;
    session.replace_across_sources(replace_);
    store::BatchWriter writer(session, {batch_.documents}, [&](const extract::Document& d) {
      err << "irgraph: merge: " << conflict_error(session.store(), d).what() << " (skipped)\n";
      ++skipped;
    });
    for (const auto& f : files_) {
      std::ifstream file;
      std::istream* in = &std::cin;
      if (f != "-") {
        file.open(f, std::ios::binary);
        if (!file) {
          err << "irgraph: merge: " << f << ": cannot open file (skipped)\n";
          ++skipped;
          continue;
        }
        in = &file;
      }
      std::string line;
      std::uint64_t lineno = 0;
      while (std::getline(*in, line)) {
        ++lineno;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        extract::ExtractedDocument x;
        try {
          x = extract::from_json_line(line);
        } catch (const Error& e) {
          err << "irgraph: merge: " << f << ":" << lineno << ": " << e.what() << " (skipped)\n";
          ++skipped;
          continue;
        }
        writer.add(std::move(x.document), std::move(x.records));
      }
    }
    writer.flush();
    const auto& [added, replaced, duplicates, copies, conflicts] = writer.counts();
    if (!global.quiet || skipped)
      out << "merge: " << added << " documents added" << (replaced ? " (" + std::to_string(replaced) + " replacing)" : "")
          << ", " << duplicates << " already stored" << copies_note(copies) << ", " << skipped << " skipped; graph: " << session.graph().node_count()
          << " nodes, " << session.graph().relation_count() << " relations\n";
    return skipped ? kError : kOk;
  }

 private:
  std::vector<std::string> files_;
  BatchOption batch_;
  bool replace_ = false;
};

}  // namespace

std::unique_ptr<Command> make_merge_command() { return std::make_unique<MergeCommand>(); }

}  // namespace irgraph::cli
