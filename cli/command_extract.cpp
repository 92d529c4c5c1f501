// extract: the map stage. Articles in, one JSON line of extraction records per
// document out, no store and no shared state: any engine that runs a command
// over shards (GNU parallel, Hadoop Streaming, Spark's pipe) can run it.
#include <iostream>

#include "cli/command.hpp"
#include "extract/pipeline.hpp"
#include "extract/records_json.hpp"

namespace irgraph::cli {

namespace {

class ExtractCommand : public Command {
 public:
  std::string_view name() const override { return "extract"; }
  std::string_view description() const override {
    return "extract articles to JSON Lines of per-document records on standard output (no store); see merge";
  }
  void setup(CLI::App& app) override {
    app.add_option("inputs", inputs_, "files, folders (recursively) or - for standard input")->required();
    date_.add_to(app);
    app.footer(extractors_help());
  }
  int run(const GlobalOptions&, std::ostream& out, std::ostream& err) override {
    extract::Pipeline pipeline;
    std::size_t skipped = 0;
    extract::ReadHandler handler;
    handler.on_error = [&](const InputError& e) {
      ++skipped;
      err << "irgraph: " << e.what() << " (skipped)\n";
    };
    handler.on_warning = [&](const InputError& e) { err << "irgraph: warning: " << e.what() << "\n"; };
    handler.on_document = [&](extract::Document&& d) {
      date_.apply(d);
      extract::ExtractedDocument x{std::move(d), {}};
      x.records = pipeline.extract(x.document);
      out << extract::to_json_line(x) << '\n';
    };
    extract::read_inputs(inputs_, handler);
    out.flush();
    if (!out) throw Error("extract: writing to standard output failed");
    return skipped ? kError : kOk;
  }

 private:
  std::vector<std::string> inputs_;
  DocumentDateOption date_;
};

}  // namespace

std::unique_ptr<Command> make_extract_command() { return std::make_unique<ExtractCommand>(); }

}  // namespace irgraph::cli
