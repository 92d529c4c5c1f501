// ingest: read articles, extract (on worker threads), resolve into the graph in input
// order, commit in batches of documents.
#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include <filesystem>

#include "cli/command.hpp"
#include "cli/progress.hpp"
#include "core/error.hpp"
#include "extract/ordered_extractor.hpp"
#include "extract/paced_reader.hpp"
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
    batch_.add_to(app);
    date_.add_to(app);
    app.add_option("-j,--jobs", jobs_,
                   "threads: jobs - 1 extract while one reads, stores and extracts whenever it would wait; "
                   "documents kept in input order (default: the number of cores; 1 does everything on one thread; at most 256)")
        ->check(CLI::Range(1u, 256u));
    app.add_flag("--replace", replace_,
                 "let a document replace one of the same id read from another input (another file, or standard "
                 "input); without it such a document is skipped with an error");
    app.footer(extractors_help());
  }
  int run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override {
    store::Session session(global.db);
    extract::Pipeline pipeline;
    std::size_t read = 0, duplicates = 0, skipped = 0;  // duplicates found before extraction
    std::map<std::string, std::size_t> reasons;
    std::set<std::string> seen_this_run;  // id and content hash
    Progress progress(err, !global.quiet && Progress::is_terminal(2), input_bytes());
    std::uint64_t bytes = 0;
    extract::ReadHandler handler;
    handler.on_error = [&](const InputError& e) {
      progress.clear();
      ++skipped;
      ++reasons[e.reason().substr(0, e.reason().find(':'))];
      err << "irgraph: " << e.what() << " (skipped)\n";
    };
    session.replace_across_sources(replace_);
    store::BatchWriter writer(session, {batch_.documents}, [&](const extract::Document& d) {
      handler.on_error(conflict_error(session.store(), d));
    });
    extract::OrderedExtractor extractor(pipeline, jobs_, [&](extract::Document&& d, extract::DocumentRecords&& r) {
      bytes += d.text.size() + d.title.size();
      writer.add(std::move(d), std::move(r));
      progress.update(read, bytes);
    });
    std::size_t warnings = 0;
    handler.on_warning = [&](const InputError& e) {
      progress.clear();
      ++warnings;
      err << "irgraph: warning: " << e.what() << "\n";
    };
    std::map<std::string, std::string> ids_this_run;  // source -> id, for files read under their path
    handler.on_document = [&](extract::Document&& d) {
      ++read;
      date_.apply(d);
      // a file keeps the id it was first stored under, however its path is typed now
      if (d.id_from_path && !d.source.empty()) {
        if (auto [it, fresh] = ids_this_run.emplace(d.source, d.id); !fresh) d.id = it->second;
        else if (auto stored = session.store().id_of_source(d.source)) d.id = it->second = *stored;
      }
      // stored as it is already: nothing to do. Another id with stored content
      // goes on, to be kept as a copy of that document (Store::put_copy).
      const std::string hash = d.content_hash();
      if (!seen_this_run.insert(d.id + '\x1f' + hash).second || session.store().has_document(d.id, hash)) {
        ++duplicates;
        return;
      }
      extractor.submit(std::move(d));
    };
    if (has_live_input()) {
      // a feed (standard input, a pipe) is read on a thread of its own: while
      // it is quiet, what has arrived is extracted and committed, so each
      // document is stored as it comes, not when the next ones fill a chunk
      extract::read_inputs_paced(inputs_, handler, [&] {
        extractor.finish();
        writer.flush();
      });
    } else {
      extract::read_inputs(inputs_, handler);
    }
    extractor.finish();
    writer.flush();
    progress.clear();
    const std::size_t ingested = writer.counts().added, replaced = writer.counts().replaced;
    duplicates += writer.counts().duplicates;
    if (!global.quiet || skipped) {
      out << "ingest: " << read << " read, " << ingested << " ingested";
      if (replaced) out << " (" << replaced << " replacing an older version)";
      out << ", " << duplicates << " already stored" << copies_note(writer.counts().copies) << ", " << skipped << " skipped";
      if (skipped) {
        out << " (";
        bool first = true;
        for (const auto& [r, n] : reasons) {
          out << (first ? "" : ", ") << n << " " << r;
          first = false;
        }
        out << ")";
      }
      if (warnings) out << ", " << warnings << " warning" << (warnings == 1 ? "" : "s");
      const auto& g = session.graph();
      out << "; graph: " << g.node_count() << " nodes, " << g.relation_count() << " relations, " << g.evidence_count()
          << " evidence\n";
    }
    return skipped ? kError : kOk;
  }

 private:
  std::vector<std::string> inputs_;
  BatchOption batch_;
  DocumentDateOption date_;
  bool replace_ = false;
  unsigned jobs_ = std::clamp(std::thread::hardware_concurrency(), 1u, 256u);

  /// Is one input a feed (standard input, a FIFO, a pipe) that may pause?
  bool has_live_input() const {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& in : inputs_) {
      if (in == "-") return true;
      const auto st = fs::status(in, ec);
      if (!ec && fs::exists(st) && !fs::is_regular_file(st) && !fs::is_directory(st)) return true;
    }
    return false;
  }

  /// Size of the inputs, for the time-left estimate (0 when unknown).
  std::uint64_t input_bytes() const {
    namespace fs = std::filesystem;
    std::uint64_t total = 0;
    std::error_code ec;
    for (const auto& in : inputs_) {
      if (in == "-") return 0;
      if (fs::is_regular_file(in, ec)) total += fs::file_size(in, ec);
      else if (fs::is_directory(in, ec))
        for (fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end; it != end;
             it.increment(ec))
          if (!ec && it->is_regular_file(ec)) total += it->file_size(ec);
    }
    return total;
  }
};

}  // namespace

std::unique_ptr<Command> make_ingest_command() { return std::make_unique<IngestCommand>(); }

}  // namespace irgraph::cli
