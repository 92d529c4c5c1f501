// render: a diagram of the graph (or of one entity's neighbourhood) through Graphviz.
#include <chrono>
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
    app.add_flag("--force", force_,
                 "draw however many entities the filters keep (above " + std::to_string(kRenderLimit) +
                     " the layout takes minutes, and render refuses without it)");
    filter_.add_to(app);
  }
  int run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override {
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
    // a layout's time grows faster than the graph (sfdp on 2 cores: 400 entities 5 s, 800 29 s,
    // 1,200 85 s): past the limit, say what would draw instead of working for minutes
    const exporters::Selection sel = exporters::select(g, f);
    if (sel.nodes.size() > kRenderLimit && !force_)
      throw UsageError("render: " + std::to_string(sel.nodes.size()) + " entities and " + std::to_string(sel.relations.size()) +
                       " relations would take minutes to lay out (the limit is " + std::to_string(kRenderLimit) +
                       "); draw a part: --top 300 (the most connected), --focus NAME --depth 2, --min-evidence 2, "
                       "--types Official,Country, --from/--to; or --force to wait for the whole graph");
    const bool long_layout = sel.nodes.size() > exporters::kLargeGraph;
    const auto started = std::chrono::steady_clock::now();
    if (long_layout && !global.quiet)
      err << "render: laying out " << sel.nodes.size() << " entities and " << sel.relations.size() << " relations with "
          << (options_.engine.empty() ? "sfdp" : options_.engine) << " ..." << std::endl;
    if (!file) exporters::render(g, f, out, options_);
    else file->write([&](std::ostream& to) { exporters::render(g, f, to, options_); });
    if (long_layout && !global.quiet)
      err << "render: laid out in "
          << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count() / 1000.0
          << " s" << std::endl;
    if (file && !global.quiet) out << "render: wrote " << output_ << "\n";
    return kOk;
  }

  /// Entities a whole-graph drawing may hold without --force (about 30 s of layout on 2 cores).
  static constexpr std::size_t kRenderLimit = 800;

 private:
  std::string output_;
  bool no_legend_ = false;
  bool all_nodes_ = false;
  bool force_ = false;
  exporters::RenderOptions options_;
  FilterOptions filter_;
};

}  // namespace

std::unique_ptr<Command> make_render_command() { return std::make_unique<RenderCommand>(); }

}  // namespace irgraph::cli
