// export: write the graph in one of the exporters' formats.
#include <fstream>
#include <iostream>

#include "cli/command.hpp"
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
    filter_.add_to(app);
  }
  int run(const GlobalOptions& global, std::ostream& out, std::ostream&) override {
    auto exporter = exporters::make_exporter(format_);
    store::Store db(global.db, store::Store::Mode::ReadOnly);
    graph::KnowledgeGraph g = db.load();
    exporters::Filter f = filter_.to_filter(g);
    if (exporter->writes_folder()) {
      if (output_.empty() || output_ == "-") throw UsageError("export: " + format_ + " writes a folder: give it with -o DIR");
      exporter->write_folder(g, f, output_);
      return kOk;
    }
    if (output_.empty() || output_ == "-") {
      exporter->write(g, f, out);
      out.flush();
      return kOk;
    }
    // write beside the target and rename, so a failed export never leaves half a file
    const std::string tmp = output_ + ".tmp";
    {
      std::ofstream file(tmp, std::ios::binary);
      if (!file) throw Error("export: cannot write " + output_);
      exporter->write(g, f, file);
      file.close();
      if (!file) throw Error("export: writing " + output_ + " failed");
    }
    if (std::rename(tmp.c_str(), output_.c_str()) != 0) throw Error("export: cannot move " + tmp + " to " + output_);
    return kOk;
  }

 private:
  std::string format_, output_;
  FilterOptions filter_;
};

}  // namespace

std::unique_ptr<Command> make_export_command() { return std::make_unique<ExportCommand>(); }

}  // namespace irgraph::cli
