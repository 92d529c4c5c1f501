#pragma once
/// Subcommands: one class per command (cli/command_<name>.cpp), one registry
/// (make_commands) that main() and --help use. A command's setup() only
/// declares options; run() does the work and returns the exit code. Library
/// errors propagate to main(), the only place that catches.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "export/exporter.hpp"
#include "extract/document.hpp"
#include "graph/knowledge_graph.hpp"
#include "store/store.hpp"

namespace irgraph::cli {

/// Exit codes: done; an error; a usage error; not found (no such entity, no connection).
inline constexpr int kOk = 0, kError = 1, kUsage = 2, kNotFound = 3;

struct GlobalOptions {
  std::string db = "irgraph.db";
  bool quiet = false;
};

class Command {
 public:
  virtual ~Command() = default;
  virtual std::string_view name() const = 0;
  virtual std::string_view description() const = 0;
  /// Declares the command's options and arguments on its CLI11 subcommand.
  virtual void setup(CLI::App& app) = 0;
  virtual int run(const GlobalOptions& global, std::ostream& out, std::ostream& err) = 0;
};

/// Every command, in the order help lists them.
std::vector<std::unique_ptr<Command>> make_commands();

std::unique_ptr<Command> make_ingest_command();
std::unique_ptr<Command> make_export_command();
std::unique_ptr<Command> make_path_command();
std::unique_ptr<Command> make_show_command();
std::unique_ptr<Command> make_render_command();
std::unique_ptr<Command> make_stats_command();
std::unique_ptr<Command> make_forget_command();
std::unique_ptr<Command> make_extract_command();
std::unique_ptr<Command> make_merge_command();
std::unique_ptr<Command> make_curate_command();
std::unique_ptr<Command> make_serve_command();

/// The filter options export and render share.
struct FilterOptions {
  std::vector<std::string> types, relations;
  std::string from, to, focus;
  std::size_t min_evidence = 1;
  std::size_t top = 0;  ///< keep the entities with the most kept relations (0: all)
  int depth = 1;
  void add_to(CLI::App& app);
  /// Throws UsageError for unknown type or relation names, LookupError for an unknown focus.
  exporters::Filter to_filter(const graph::KnowledgeGraph& g) const;
};

/// How many documents ingest and merge commit per transaction (--batch).
struct BatchOption {
  std::size_t documents = 256;
  void add_to(CLI::App& app);
};

/// A date option's check: YYYY-MM-DD and a real day, else the message says what was wrong.
CLI::Validator iso_date_validator();

/// The publication date of documents that carry none in their metadata or a
/// dateline (--date); without it such documents stay undated, and relative
/// dates in them ("on Monday") resolve to nothing.
struct DocumentDateOption {
  std::string date;
  void add_to(CLI::App& app);
  void apply(extract::Document& d) const {
    if (d.date.empty()) d.date = date;
  }
};

/// The items of options given as comma-separated lists, repeated or not ("a,b" "c" -> a, b, c).
std::vector<std::string> split_commas(const std::vector<std::string>& in);

/// Parses comma-separated relation names ("metWith,signed"); throws UsageError.
std::vector<RelationType> parse_relations(const std::vector<std::string>& names);

/// The help footer of the commands that extract: every extractor and its rules,
/// in the order they run (their names and rule ids are stored on every record).
std::string extractors_help();

/// ", N copies of stored documents (same text, other id)" for ingest and merge summaries ("" for none).
std::string copies_note(std::size_t copies);

/// The error for a document not stored because its id was read from another
/// source (store::Session::Added::Conflict), naming both.
InputError conflict_error(const store::Store& db, const extract::Document& d);

/// "Name (Type)" for messages.
std::string label(const graph::KnowledgeGraph& g, const std::string& key);

}  // namespace irgraph::cli
