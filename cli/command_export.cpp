// export: write the graph in one of the exporters' formats.
#include <iostream>
#include <optional>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "core/error.hpp"
#include "store/store.hpp"

namespace irgraph::cli {

namespace {

class ExportCommand : public Command {
 public:
  std::string_view name() const override { return "export"; }
  std::string_view description() const override {
    return "write the graph as DOT, JSON-LD, GraphML, GEXF, Turtle, Neo4j import files or an HTML page (filters select a part)";
  }
  void setup(CLI::App& app) override {
    std::string formats;
    for (const auto& e : exporters::exporters())
      formats += "\n  " + std::string(e.name) + ": " + std::string(e.description);
    app.add_option("-f,--format", format_, "output format:" + formats)->required();
    app.add_option("-o,--output", output_, "output file (default: standard output)");
    app.add_flag("--all-nodes", all_nodes_, "dot and html: also the entities that have no relation (the other formats keep them always)");
    filter_.add_to(app);
  }
  int run(const GlobalOptions& global, std::ostream& out, std::ostream&) override {
    auto exporter = exporters::make_exporter(format_);
    const bool to_stdout = output_.empty() || output_ == "-";
    if (exporter->writes_folder() && to_stdout)
      throw UsageError("export: " + format_ + " writes a folder: give it with -o DIR");
    // where it writes is checked before the store is read
    std::optional<OutputFolder> folder;
    std::optional<OutputFile> file;
    if (exporter->writes_folder()) folder.emplace(output_, global.db);
    else if (!to_stdout) file.emplace(output_, global.db);
    store::Store db(global.db, store::Store::Mode::ReadOnly);
    graph::KnowledgeGraph g = db.load();
    exporters::Filter f = filter_.to_filter(g);
    // drawings leave out what has nothing to draw a line to (the corpus graph: 2,244 of 3,484 entities),
    // data formats keep every entity
    if (format_ == "dot" || format_ == "html") f.connected_only = !all_nodes_;
    if (folder) {
      exporter->write_folder(g, f, folder->temp_path());
      folder->commit();
    } else if (file) {
      file->write([&](std::ostream& to) { exporter->write(g, f, to); });
    } else {
      exporter->write(g, f, out);
    }
    return kOk;
  }

 private:
  std::string format_, output_;
  bool all_nodes_ = false;
  FilterOptions filter_;
};

}  // namespace

std::unique_ptr<Command> make_export_command() { return std::make_unique<ExportCommand>(); }

}  // namespace irgraph::cli
