#include "cli/command.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/strings.hpp"
#include "extract/dates.hpp"
#include "extract/pipeline.hpp"
#include "graph/query.hpp"

namespace irgraph::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
  std::vector<std::unique_ptr<Command>> v;
  v.push_back(make_ingest_command());
  v.push_back(make_forget_command());
  v.push_back(make_export_command());
  v.push_back(make_path_command());
  v.push_back(make_show_command());
  v.push_back(make_render_command());
  v.push_back(make_stats_command());
  v.push_back(make_extract_command());
  v.push_back(make_merge_command());
  v.push_back(make_curate_command());
  v.push_back(make_serve_command());
  return v;
}

std::vector<std::string> split_commas(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const auto& s : in)
    for (auto& item : irgraph::split_commas(s)) out.push_back(std::move(item));
  return out;
}

std::vector<RelationType> parse_relations(const std::vector<std::string>& names) {
  std::vector<RelationType> out;
  for (const auto& n : split_commas(names)) {
    auto r = relation_type_from(n);
    if (!r) {
      std::string known;
      for (auto t : kRelationTypes) known += (known.empty() ? "" : ", ") + std::string(name(t));
      throw UsageError("unknown relation '" + n + "' (relations: " + known + ")");
    }
    out.push_back(*r);
  }
  return out;
}

void BatchOption::add_to(CLI::App& app) {
  app.add_option("--batch", documents,
                 "documents per transaction (default 256; a batch also commits when a document arrives 2 s or more after its first, and at the end; 1 commits each document alone)")
      ->check(CLI::PositiveNumber);
}

CLI::Validator iso_date_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        const auto d = s.size() == 10 ? extract::parse_date(s) : std::nullopt;
        return d && d->iso() == s ? std::string() : "'" + s + "' is not a date written YYYY-MM-DD";
      },
      "DATE");
}

void DocumentDateOption::add_to(CLI::App& app) {
  app.add_option("--date", date,
                 "publication date (YYYY-MM-DD) of the documents that give none in their metadata or a dateline "
                 "(default: they stay undated; stats counts them)")
      ->check(iso_date_validator());
}

void FilterOptions::add_to(CLI::App& app) {
  // a date the filter cannot compare would keep nothing, silently ("--from 2022/07/01")
  const CLI::Validator iso_date = iso_date_validator();
  app.add_option("--types", types, "keep only these node types (comma-separated: Country,Official,...)");
  app.add_option("--relations", relations, "keep only these relations (comma-separated: metWith,signed,...)");
  app.add_option("--from", from, "keep relations with evidence dated on or after this date (YYYY-MM-DD)")->check(iso_date);
  app.add_option("--to", to, "keep relations with evidence dated on or before this date (YYYY-MM-DD)")->check(iso_date);
  app.add_option("--min-evidence", min_evidence, "keep relations with at least this many evidence items")->check(CLI::PositiveNumber);
  app.add_option("--focus", focus, "keep the neighbourhood of this entity (any of its names)");
  app.add_option("--depth", depth, "with --focus: how many hops around it (default 1)")->check(CLI::NonNegativeNumber);
  app.add_option("--top", top, "keep the N entities with the most relations (after the other filters) and the relations among them")
      ->check(CLI::PositiveNumber);
}

exporters::Filter FilterOptions::to_filter(const graph::KnowledgeGraph& g) const {
  exporters::Filter f;
  for (const auto& t : split_commas(types)) {
    auto nt = node_type_from(t);
    if (!nt) throw UsageError("unknown node type '" + t + "' (types: Country, Official, Agreement, Place, Organization)");
    f.node_types.insert(*nt);
  }
  for (auto r : parse_relations(relations)) f.relation_types.insert(r);
  f.from_date = from;
  f.to_date = to;
  f.min_evidence = min_evidence;
  if (!focus.empty()) f.nodes = graph::neighbourhood(g, graph::lookup(g, focus), depth);
  if (top > 0) {
    // the entities with the most relations the other filters keep (ties: key order)
    std::map<const graph::Node*, std::size_t> degree;
    const exporters::Selection sel = exporters::select(g, f);
    for (const auto* n : sel.nodes) degree[n] = 0;
    for (const auto& r : sel.relations) ++degree[r.source], ++degree[r.target];
    std::vector<std::pair<const graph::Node*, std::size_t>> ranked(degree.begin(), degree.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first->key < b.first->key;
    });
    std::set<std::string> kept;
    for (std::size_t i = 0; i < ranked.size() && i < top; ++i) kept.insert(ranked[i].first->key);
    f.nodes = std::move(kept);
  }
  return f;
}

std::string extractors_help() {
  std::string footer = "Extractors and their rules, in the order they run (extractor/rule is stored on every record):";
  for (const auto& x : extract::standard_extractors()) {
    footer += "\n  " + std::string(x.name) + ": " + std::string(x.description);
    for (const auto& r : x.rules) footer += "\n      " + std::string(x.name) + "/" + std::string(r.id) + "  " + std::string(r.description);
  }
  return footer;
}

std::string label(const graph::KnowledgeGraph& g, const std::string& key) {
  const graph::Node* n = g.find(key);
  return n ? n->name + " (" + std::string(name(n->type)) + ")" : key;
}

std::string copies_note(std::size_t copies) {
  if (copies == 0) return {};
  return ", " + std::to_string(copies) + (copies == 1 ? " copy of a stored document" : " copies of stored documents") +
         " (same text, other id)";
}

InputError conflict_error(const store::Store& db, const extract::Document& d) {
  const std::string from = db.source_of(d.id).value_or("");
  return InputError(d.origin, 0, 0,
                    "id stored from another input: '" + d.id + "'" + (from.empty() ? "" : " came from " + from) +
                        "; not replaced (--replace lets it replace that document)");
}

}  // namespace irgraph::cli
