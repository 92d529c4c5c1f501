#include "graph/path_finder.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <queue>

#include "core/error.hpp"

namespace irgraph::graph {

PathFinder::PathFinder(const KnowledgeGraph& g) : g_(g) {
  const auto& s = g.storage();
  const std::size_t n = g.ordinal_bound();
  if (n >= std::numeric_limits<std::uint32_t>::max() || 2 * g.relation_count() >= std::numeric_limits<std::uint32_t>::max())
    throw Error("path: the graph is too large to index");
  init_nodes(n);
  for (auto [v, vend] = boost::vertices(s); v != vend; ++v)
    offsets_[s[*v].ordinal + 1] = static_cast<std::uint32_t>(boost::out_degree(*v, s) + boost::in_degree(*v, s));
  for (std::size_t i = 0; i < n; ++i) offsets_[i + 1] += offsets_[i];
  const std::size_t arcs = offsets_[n];
  target_.resize(arcs);
  type_.resize(arcs);
  relation_.resize(arcs);
  for (auto [v, vend] = boost::vertices(s); v != vend; ++v) {
    const std::size_t o = s[*v].ordinal;
    std::uint32_t at = offsets_[o];
    auto put = [&](KnowledgeGraph::Vertex w, KnowledgeGraph::Edge e) {
      target_[at] = static_cast<std::uint32_t>(s[w].ordinal);
      type_[at] = s[e].type;
      relation_[at] = &s[e];
      ++at;
    };
    for (auto [it, end] = boost::out_edges(*v, s); it != end; ++it) put(boost::target(*it, s), *it);
    out_end_[o] = at;
    for (auto [it, end] = boost::in_edges(*v, s); it != end; ++it) put(boost::source(*it, s), *it);
  }
  init_search_state();
}

PathFinder::PathFinder(const KnowledgeGraph& g, const std::vector<RelationEnds>& relations) : g_(g) {
  const std::size_t n = g.ordinal_bound();
  if (n >= std::numeric_limits<std::uint32_t>::max() || 2 * relations.size() >= std::numeric_limits<std::uint32_t>::max())
    throw Error("path: the graph is too large to index");
  init_nodes(n);
  std::vector<std::uint32_t> out_degree(n, 0);
  for (const auto& r : relations) {
    if (r.source >= n || r.target >= n || !nodes_[r.source] || !nodes_[r.target]) throw Error("path: a relation's end is no node");
    ++out_degree[r.source];
    ++offsets_[r.source + 1];
    ++offsets_[r.target + 1];
  }
  for (std::size_t i = 0; i < n; ++i) offsets_[i + 1] += offsets_[i];
  const std::size_t arcs = offsets_[n];
  target_.resize(arcs);
  type_.resize(arcs);
  relation_id_.resize(arcs);
  std::vector<std::uint32_t> next_out(offsets_.begin(), offsets_.end() - 1), next_in(n);
  for (std::size_t v = 0; v < n; ++v) next_in[v] = out_end_[v] = offsets_[v] + out_degree[v];
  auto put = [&](std::uint32_t at, std::uint32_t other, const RelationEnds& r) {
    target_[at] = other;
    type_[at] = r.type;
    relation_id_[at] = r.id;
  };
  for (const auto& r : relations) {
    put(next_out[r.source]++, r.target, r);
    put(next_in[r.target]++, r.source, r);
  }
  init_search_state();
}

void PathFinder::init_nodes(std::size_t n) {
  nodes_ = g_.nodes_by_ordinal();
  offsets_.assign(n + 1, 0);
  out_end_.assign(n, 0);
}

void PathFinder::init_search_state() {
  const std::size_t n = nodes_.size();
  stamp_.assign(n, 0);
  side_.assign(n, 0);
  parent_.assign(n, 0);
  parent_arc_.assign(n, 0);
}

std::optional<std::vector<Hop>> PathFinder::shortest_path(const std::string& from, const std::string& to,
                                                          const std::set<RelationType>& via) const {
  const Node* a = g_.find(from);
  const Node* b = g_.find(to);
  if (!a || !b) return std::nullopt;
  const auto start = static_cast<std::uint32_t>(a->ordinal), goal = static_cast<std::uint32_t>(b->ordinal);
  if (start == goal) return std::vector<Hop>{};
  std::uint32_t allowed = 0;  // bit per relation type
  for (RelationType t : via) allowed |= 1u << static_cast<unsigned>(t);
  if (++epoch_ == 0) {  // wrapped: forget every stamp once
    std::fill(stamp_.begin(), stamp_.end(), 0);
    epoch_ = 1;
  }
  auto degree = [&](std::uint32_t v) { return std::size_t{offsets_[v + 1] - offsets_[v]}; };
  auto& front = front_;
  auto& next = next_;
  front[0].assign(1, start);
  front[1].assign(1, goal);
  std::size_t work[2] = {degree(start), degree(goal)};  // arcs the next level of each side would scan
  stamp_[start] = stamp_[goal] = epoch_;
  side_[start] = 0;
  side_[goal] = 1;
  std::uint32_t meet_v = 0, meet_arc = 0;
  int meet_side = -1;
  while (meet_side < 0 && !front[0].empty() && !front[1].empty()) {
    const int k = work[0] <= work[1] ? 0 : 1;
    next.clear();
    std::size_t next_work = 0;
    for (std::uint32_t v : front[k]) {
      for (std::uint32_t arc = offsets_[v]; arc < offsets_[v + 1]; ++arc) {
        if (allowed && !(allowed & (1u << static_cast<unsigned>(type_[arc])))) continue;
        const std::uint32_t w = target_[arc];
        if (stamp_[w] == epoch_) {
          if (side_[w] == k) continue;
          meet_v = v;
          meet_arc = arc;
          meet_side = k;
          break;
        }
        stamp_[w] = epoch_;
        side_[w] = static_cast<std::uint8_t>(k);
        parent_[w] = v;
        parent_arc_[w] = arc;
        next.push_back(w);
        next_work += degree(w);
      }
      if (meet_side >= 0) break;
    }
    front[k].swap(next);
    work[k] = next_work;
  }
  if (meet_side < 0) return std::nullopt;

  // the meeting arc joins node x (start side) and node y (goal side)
  const std::uint32_t x = meet_side == 0 ? meet_v : target_[meet_arc];
  const std::uint32_t y = meet_side == 0 ? target_[meet_arc] : meet_v;
  std::vector<Hop> hops;
  for (std::uint32_t v = x; v != start; v = parent_[v]) hops.push_back(hop_of(parent_[v], parent_arc_[v], true));
  std::reverse(hops.begin(), hops.end());
  hops.push_back(hop_of(meet_v, meet_arc, meet_side == 0));
  for (std::uint32_t v = y; v != goal; v = parent_[v]) hops.push_back(hop_of(parent_[v], parent_arc_[v], false));
  return hops;
}

int type_weight(NodeType t) {
  switch (t) {
    case NodeType::Official:
    case NodeType::Agreement: return 1;
    case NodeType::Organization: return 2;
    case NodeType::Country:
    case NodeType::Place: return 4;
  }
  return 1;
}

std::int64_t PathFinder::relation_of(std::uint32_t arc) const {
  return relation_.empty() ? relation_id_[arc] : static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(relation_[arc]));
}

Hop PathFinder::hop_of(std::uint32_t v, std::uint32_t arc, bool along) const {
  const std::uint32_t w = target_[arc];
  const bool out = arc < out_end_[v];  // the relation runs v -> w
  Hop h;
  h.from = along ? nodes_[v]->key : nodes_[w]->key;
  h.to = along ? nodes_[w]->key : nodes_[v]->key;
  h.type = type_[arc];
  h.forward = along ? out : !out;
  if (!relation_.empty()) h.relation = relation_[arc];
  else h.relation_id = relation_id_[arc];
  return h;
}

long PathFinder::step_cost(const PathOptions& o, std::uint32_t arc) const {
  return o.by_hops ? 1 : type_weight(nodes_[target_[arc]]->type);
}

std::optional<std::pair<std::vector<std::uint32_t>, long>> PathFinder::cheapest(
    std::uint32_t start, std::uint32_t goal, const PathOptions& o, const std::vector<char>& arc_ok,
    const std::vector<char>& banned_nodes, const std::set<std::int64_t>& banned_relations) const {
  const std::size_t layers = o.max_hops ? o.max_hops + 1 : 1;  // with a hop limit, a state is (node, hops)
  constexpr long kUnseen = -1;
  // states are numbered node * layers + hops; arrays, not maps: a search on a million entities
  // touches each array once to reset it and then only what it reaches
  const std::size_t states = nodes_.size() * layers;
  cost_.assign(states, kUnseen);
  parent_state_.resize(states);
  parent_arc_state_.resize(states);
  done_.assign(states, 0);
  using Item = std::tuple<long, std::uint64_t, std::uint64_t>;  // cost, order of arrival, state
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  std::uint64_t arrivals = 0;
  const std::uint64_t first = static_cast<std::uint64_t>(start) * layers;
  cost_[first] = 0;
  queue.emplace(0, arrivals++, first);
  while (!queue.empty()) {
    auto [cost, order, state] = queue.top();
    queue.pop();
    if (done_[state]) continue;
    done_[state] = 1;
    const auto v = static_cast<std::uint32_t>(state / layers);
    const std::size_t hops = state % layers;
    if (v == goal) {
      std::vector<std::uint32_t> arcs;
      for (std::uint64_t x = state; x != first; x = parent_state_[x]) arcs.push_back(parent_arc_state_[x]);
      std::reverse(arcs.begin(), arcs.end());
      return std::make_pair(std::move(arcs), cost);
    }
    if (o.max_hops && hops + 1 > o.max_hops) continue;
    for (std::uint32_t arc = offsets_[v]; arc < offsets_[v + 1]; ++arc) {
      if (!arc_ok[arc]) continue;
      const std::uint32_t w = target_[arc];
      if (banned_nodes[w] || (!banned_relations.empty() && banned_relations.count(relation_of(arc)))) continue;
      const long step = step_cost(o, arc);
      const std::uint64_t next = static_cast<std::uint64_t>(w) * layers + (o.max_hops ? hops + 1 : 0);
      if (cost_[next] != kUnseen && cost_[next] <= cost + step) continue;
      cost_[next] = cost + step;
      parent_state_[next] = state;
      parent_arc_state_[next] = arc;
      queue.emplace(cost + step, arrivals++, next);
    }
  }
  return std::nullopt;
}

std::vector<WeightedPath> PathFinder::best_paths(const std::string& from, const std::string& to, const PathOptions& o) const {
  const Node* a = g_.find(from);
  const Node* b = g_.find(to);
  if (!a || !b || a == b) return {};
  const auto start = static_cast<std::uint32_t>(a->ordinal), goal = static_cast<std::uint32_t>(b->ordinal);
  if (o.by_hops && o.k <= 1 && !o.max_hops && o.avoid_types.empty() && o.avoid_nodes.empty() && !o.keep) {
    // the fewest hops and nothing else: the bidirectional breadth-first search
    auto hops = shortest_path(from, to, o.via);
    if (!hops) return {};
    const long cost = static_cast<long>(hops->size());
    return {WeightedPath{std::move(*hops), cost}};
  }
  // arcs that may be followed at all: relation type, the relation's own test, the entity entered
  std::vector<char> arc_ok(target_.size(), 0);
  for (std::uint32_t v = 0; v < nodes_.size(); ++v) {
    if (!nodes_[v]) continue;
    for (std::uint32_t arc = offsets_[v]; arc < offsets_[v + 1]; ++arc) {
      const Node* w = nodes_[target_[arc]];
      const bool end = target_[arc] == goal;
      if (!o.via.empty() && !o.via.count(type_[arc])) continue;
      if (!end && (o.avoid_types.count(w->type) || o.avoid_nodes.count(w->key))) continue;
      if (o.keep && !o.keep(relation_.empty() ? relation_id_[arc] : 0, relation_.empty() ? nullptr : relation_[arc])) continue;
      arc_ok[arc] = 1;
    }
  }
  std::vector<char> banned(nodes_.size(), 0);
  auto first = cheapest(start, goal, o, arc_ok, banned, {});
  if (!first) return {};
  // Yen: paths as arcs, with the node each arc leaves
  struct Candidate {
    std::vector<std::uint32_t> arcs;
    long cost;
  };
  auto nodes_of = [&](const std::vector<std::uint32_t>& arcs) {
    std::vector<std::uint32_t> out{start};
    for (std::uint32_t arc : arcs) out.push_back(target_[arc]);
    return out;
  };
  auto cost_of = [&](const std::vector<std::uint32_t>& arcs) {
    long c = 0;
    for (std::uint32_t arc : arcs) c += step_cost(o, arc);
    return c;
  };
  std::vector<Candidate> found{{first->first, first->second}};
  std::vector<Candidate> candidates;
  while (found.size() < std::max<std::size_t>(o.k, 1)) {
    const auto& last = found.back().arcs;
    const auto last_nodes = nodes_of(last);
    for (std::size_t j = 0; j < last.size(); ++j) {
      const std::vector<std::uint32_t> root(last.begin(), last.begin() + static_cast<std::ptrdiff_t>(j));
      std::set<std::int64_t> banned_relations;
      for (const auto& p : found)
        if (p.arcs.size() > j && std::equal(root.begin(), root.end(), p.arcs.begin())) banned_relations.insert(relation_of(p.arcs[j]));
      std::fill(banned.begin(), banned.end(), 0);
      for (std::size_t q = 0; q < j; ++q) banned[last_nodes[q]] = 1;  // the root's nodes, its spur node excepted
      PathOptions spur = o;
      if (o.max_hops) spur.max_hops = o.max_hops - j;
      auto tail = cheapest(last_nodes[j], goal, spur, arc_ok, banned, banned_relations);
      if (!tail) continue;
      Candidate c{root, 0};
      c.arcs.insert(c.arcs.end(), tail->first.begin(), tail->first.end());
      c.cost = cost_of(c.arcs);
      const bool known = std::any_of(found.begin(), found.end(), [&](const Candidate& f) { return f.arcs == c.arcs; }) ||
                         std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& f) { return f.arcs == c.arcs; });
      if (!known) candidates.push_back(std::move(c));
    }
    if (candidates.empty()) break;
    // the cheapest candidate, fewer hops first on a tie, then the order found
    auto best = std::min_element(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
      return x.cost != y.cost ? x.cost < y.cost : x.arcs.size() < y.arcs.size();
    });
    found.push_back(std::move(*best));
    candidates.erase(best);
  }
  std::vector<WeightedPath> out;
  for (const auto& f : found) {
    WeightedPath p;
    p.cost = f.cost;
    const auto nodes = nodes_of(f.arcs);
    for (std::size_t i = 0; i < f.arcs.size(); ++i) p.hops.push_back(hop_of(nodes[i], f.arcs[i]));
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace irgraph::graph
