// irgraph: knowledge graphs of international relations from news articles.
// The only place that catches: maps errors to one-line messages and exit codes.
#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "core/error.hpp"

namespace {

std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace irgraph;
  cli::GlobalOptions global;
  CLI::App app{"irgraph: builds one knowledge graph of international relations (officials, countries, agreements,\n"
               "places, organisations and who met, signed, visited ...) from news articles, answers questions on it\n"
               "and exports it to Graphviz, JSON-LD and more.",
               "irgraph"};
  app.set_version_flag("-V,--version", "irgraph 0.1.0");
  app.add_option("--db", global.db, "the graph store (SQLite)")->capture_default_str();
  app.add_flag("-q,--quiet", global.quiet, "print only errors and results");
  app.require_subcommand(1);
  app.footer("Exit status: 0 done; 1 an error (bad input is skipped and counted, the rest is done); 2 a usage error;\n"
             "3 not found (no entity of that name, no connection between the two).\n"
             "'irgraph help COMMAND' or 'irgraph COMMAND --help' describes a command.");
  auto commands = cli::make_commands();
  std::vector<std::pair<CLI::App*, cli::Command*>> subs;
  for (auto& c : commands) {
    CLI::App* sub = app.add_subcommand(std::string(c->name()), std::string(c->description()));
    sub->fallthrough();  // --db and -q after the command too
    c->setup(*sub);
    subs.emplace_back(sub, c.get());
  }
  // "irgraph help [COMMAND]" is "irgraph [COMMAND] --help"
  std::vector<std::string> args(argv, argv + argc);
  if (args.size() > 1 && args[1] == "help") {
    args.erase(args.begin() + 1);
    args.push_back("--help");
  }
  // the command word: the first argument that is no global option or its value
  std::size_t word_at = 1;
  while (word_at < args.size() && (args[word_at] == "--db" || args[word_at].rfind("--db=", 0) == 0 || args[word_at] == "-q" ||
                                   args[word_at] == "--quiet")) {
    word_at += args[word_at] == "--db" ? 2 : 1;
  }
  // an unknown subcommand gets "did you mean"
  if (word_at < args.size() && args[word_at][0] != '-') {
    std::string word = args[word_at];
    bool known = false;
    std::string best;
    std::size_t best_d = 99;
    for (auto& c : commands) {
      if (c->name() == word) known = true;
      auto d = distance(word, std::string(c->name()));
      if (d < best_d) { best_d = d; best = c->name(); }
    }
    if (!known) {
      std::cerr << "irgraph: unknown command '" << word << "'";
      if (best_d <= 2) std::cerr << "; did you mean '" << best << "'?";
      std::cerr << "\nRun 'irgraph --help' for the commands.\n";
      return cli::kUsage;
    }
  }
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend() - 1);  // CLI11 takes them last first
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return cli::kUsage;
  }
  // messages name files, entities and lines from the input: no escape sequence reaches the terminal
  auto report = [](const std::exception& e, int code, const char* kind = "") {
    cli::TerminalText(std::cerr) << "irgraph: " << kind << e.what() << "\n";
    return code;
  };
  try {
    if (global.db.empty()) throw UsageError("--db: empty path (name the store file)");
    for (auto& [sub, cmd] : subs)
      if (sub->parsed()) {
        errno = 0;
        const int rc = cmd->run(global, std::cout, std::cerr);
        std::cout.flush();
        if (!std::cout) {
          // results that never reached their reader are a failure (a full disk, a closed pipe)
          const int e = errno;
          std::cerr << "irgraph: cannot write standard output" << (e ? std::string(": ") + std::strerror(e) : "") << "\n";
          return cli::kError;
        }
        return rc;
      }
  } catch (const UsageError& e) {
    return report(e, cli::kUsage);
  } catch (const LookupError& e) {
    return report(e, cli::kNotFound);
  } catch (const Error& e) {
    return report(e, cli::kError);
  } catch (const std::exception& e) {
    return report(e, cli::kError, "internal error: ");
  }
  return cli::kUsage;
}
