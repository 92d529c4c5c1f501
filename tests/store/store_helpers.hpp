#pragma once
// Helpers of the store's tests: a fresh store path, a graph as comparable text.
#include <filesystem>
#include <string>

#include "graph/knowledge_graph.hpp"

namespace irgraph::test {

/// A store path in the test folder, with no store (nor WAL) left from a run before.
inline std::string fresh_store(const std::string& name) {
  namespace fs = std::filesystem;
  fs::create_directories(IRGRAPH_TEST_TMP);
  fs::path p = fs::path(IRGRAPH_TEST_TMP) / name;
  for (auto s : {"", "-wal", "-shm"}) fs::remove(p.string() + s);
  return p.string();
}

/// Nodes (key, name, aliases with reasons), relations with evidence counts and redirects, in key order.
inline std::string dump(const graph::KnowledgeGraph& g) {
  std::string s;
  g.for_each_node([&](const graph::Node& n) {
    s += n.key + "|" + n.name;
    for (const auto& a : n.aliases) s += "|" + a.text + "(" + a.reason + ")";
    s += "\n";
  });
  g.for_each_relation([&](const graph::Node& a, const graph::Relation& r, const graph::Node& b) {
    s += a.key + " " + std::string(name(r.type)) + " " + b.key + " x" + std::to_string(r.evidence.size()) + "\n";
  });
  for (const auto& [k, r] : g.redirects()) s += "redirect " + k + " -> " + r.target + "\n";
  return s;
}

}  // namespace irgraph::test
