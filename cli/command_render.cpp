// render: a diagram of the graph (or of one entity's neighbourhood) through Graphviz.
#include <iostream>
#include <optional>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "export/render.hpp"
#include "store/store.hpp"

namespace irgraph::cli {

namespace {

class RenderCommand : public Command {
 public:
  std::string_view name() const override { return "render"; }
  std::string_view description() const override {
    return "draw the graph, or the neighbourhood of one entity, as SVG or PNG";
  }
  void setup(CLI::App& app) override {
    app.add_option("-o,--output", output_, "the diagram file (.svg or .png), or - for standard output")->required();
    app.add_option("--engine", options_.engine, "Graphviz layout engine (default: dot, or sfdp for large graphs)");
    app.add_option("--format", options_.format, "svg or png (default: from the file name; svg for -o -)");
    app.add_flag("--no-legend", no_legend_, "leave the legend out");
    app.add_flag("--all-nodes", all_nodes_, "also draw entities that have no relation");
    filter_.add_to(app);
  }
  int run(const GlobalOptions& global, std::ostream& out, std::ostream&) override {
    const bool to_stdout = output_ == "-";
    options_.format = to_stdout ? exporters::render_format(output_, options_.format.empty() ? "svg" : options_.format)
                                : exporters::render_format(output_, options_.format);
    // where it writes is checked before the layout, which can take long
    std::optional<OutputFile> file;
    if (!to_stdout) file.emplace(output_, global.db);
    store::Store db(global.db, store::Store::Mode::ReadOnly);
    graph::KnowledgeGraph g = db.load();
    options_.legend = !no_legend_;
    exporters::Filter f = filter_.to_filter(g);
    f.connected_only = !all_nodes_;
    if (!file) {
      exporters::render(g, f, out, options_);
      return kOk;
    }
    file->write([&](std::ostream& to) { exporters::render(g, f, to, options_); });
    if (!global.quiet) out << "render: wrote " << output_ << "\n";
    return kOk;
  }

 private:
  std::string output_;
  bool no_legend_ = false;
  bool all_nodes_ = false;
  exporters::RenderOptions options_;
  FilterOptions filter_;
};

}  // namespace

std::unique_ptr<Command> make_render_command() { return std::make_unique<RenderCommand>(); }

}  // namespace irgraph::cli
