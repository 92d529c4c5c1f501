#include "graph/query.hpp"

#include <algorithm>
#include <deque>
#include <map>

#include "core/error.hpp"
#include "extract/names.hpp"
#include "extract/text.hpp"
#include "graph/resolver.hpp"

namespace irgraph::graph {

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
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

std::string describe(const KnowledgeGraph& g, const std::string& key) {
  const Node* n = g.find(key);
  return n ? n->name + " (" + std::string(name(n->type)) + ", " + key + ")" : key;
}

}  // namespace

std::vector<std::string> suggestions(const KnowledgeGraph& g, const std::string& name, std::size_t max) {
  const std::string f = extract::fold(name);
  std::vector<std::pair<std::size_t, std::string>> scored;
  auto distance_to = [&](const std::string& name) {
    std::string n = extract::fold(name);
    std::size_t d = edit_distance(f, n);
    // a misspelt surname: compare with the last word too
    if (auto sp = n.rfind(' '); sp != std::string::npos) d = std::min(d, edit_distance(f, n.substr(sp + 1)));
    return d;
  };
  g.for_each_node([&](const Node& n) {
    std::size_t best = distance_to(n.name);
    for (const auto& a : n.aliases) best = std::min(best, distance_to(a.text));
    // a name that contains the query is a good suggestion too
    if (extract::fold(n.name).find(f) != std::string::npos) best = std::min<std::size_t>(best, 1);
    scored.emplace_back(best, n.key);
  });
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, k] : scored) {
    if (out.size() >= max || d > std::max<std::size_t>(3, f.size() / 2)) break;
    out.push_back(k);
  }
  return out;
}

namespace {
/// A name as a message shows it: at most 80 bytes (cut on a character
/// boundary), control characters blanked so no terminal escape reaches the screen.
std::string shown(const std::string& name) {
  std::size_t n = std::min<std::size_t>(name.size(), 80);
  while (n < name.size() && n > 0 && (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80) --n;
  std::string out = name.substr(0, n);
  if (auto bad = extract::find_invalid_utf8(out)) out.resize(*bad);
  extract::blank_controls(out);
  if (n < name.size()) out += "\u2026 (" + std::to_string(name.size()) + " bytes)";
  return out;
}
/// No entity has a name this long: such a query is answered at once.
constexpr std::size_t kLongestName = 1000;
}  // namespace

std::string lookup(const KnowledgeGraph& g, const std::string& name) {
  if (g.find(name)) return name;
  return lookup(g, NameIndex(g), name);
}

std::string lookup(const KnowledgeGraph& g, const NameIndex& names, const std::string& name) {
  if (g.find(name)) return name;
  if (std::string now = g.current_key(name); !now.empty()) return now;  // a key merged away: the entity that took it
  if (name.size() > kLongestName) throw LookupError("query: no entity named \"" + shown(name) + "\"");
  auto c = names.candidates(name);
  if (c.size() == 1) return c.front();
  if (c.size() > 1) {
    // an exact name beats an alias or surname hit
    std::vector<std::string> exact;
    for (const auto& k : c)
      if (extract::fold(g.find(k)->name) == extract::fold(name)) exact.push_back(k);
    if (exact.size() == 1) return exact.front();
    std::string msg = "query: \"" + shown(name) + "\" is ambiguous; it could be:";
    for (const auto& k : c) msg += "\n  " + describe(g, k);
    throw LookupError(msg);
  }
  std::string msg = "query: no entity named \"" + shown(name) + "\"";
  auto s = suggestions(g, name);
  if (!s.empty()) {
    msg += "; did you mean:";
    for (const auto& k : s) msg += "\n  " + describe(g, k);
  }
  throw LookupError(msg);
}

const Evidence& representative_evidence(const Relation& r) {
  for (const auto& e : r.evidence)
    if (!e.date.empty()) return e;
  return r.evidence.front();
}

std::optional<std::vector<Hop>> shortest_path(const KnowledgeGraph& g, const std::string& from, const std::string& to,
                                              const std::set<RelationType>& via) {
  return PathFinder(g).shortest_path(from, to, via);
}

std::set<std::string> neighbourhood(const KnowledgeGraph& g, const std::string& center, int depth) {
  std::set<std::string> out;
  auto start = g.vertex(center);
  if (!start) return out;
  const auto& s = g.storage();
  std::map<KnowledgeGraph::Vertex, int> dist{{*start, 0}};
  std::deque<KnowledgeGraph::Vertex> q{*start};
  while (!q.empty()) {
    auto v = q.front();
    q.pop_front();
    out.insert(s[v].key);
    if (dist[v] >= depth) continue;
    auto visit = [&](KnowledgeGraph::Vertex w) {
      if (dist.emplace(w, dist[v] + 1).second) q.push_back(w);
    };
    for (auto [it, end] = boost::out_edges(v, s); it != end; ++it) visit(boost::target(*it, s));
    for (auto [it, end] = boost::in_edges(v, s); it != end; ++it) visit(boost::source(*it, s));
  }
  return out;
}

}  // namespace irgraph::graph
