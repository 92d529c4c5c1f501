#pragma once
/// Shortest connections between entities, for many queries on one graph: a
/// compressed (CSR) copy of the adjacency, relations in either direction,
/// with 32-bit node numbers, and search state that is reused between queries
/// (an epoch stamp instead of clearing arrays), so a query costs what it
/// visits, not the size of the graph.
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace irgraph::graph {

struct Hop {
  std::string from, to;     ///< node keys, in path order
  RelationType type;
  bool forward = true;      ///< true when the relation runs from -> to
  const Relation* relation = nullptr;  ///< when the finder indexes a graph with its relations
  std::int64_t relation_id = 0;        ///< when it indexes RelationEnds: the store's relation id
};

/// What a connection may pass through and how it is weighed (path's options).
struct PathOptions {
  std::set<RelationType> via;          ///< follow only these relation types (all when empty)
  std::set<NodeType> avoid_types;      ///< never pass through entities of these types (the ends may be)
  std::set<std::string> avoid_nodes;   ///< never pass through these entities (node keys)
  std::size_t max_hops = 0;            ///< at most this many hops (0: any)
  std::size_t k = 1;                   ///< the best path and k - 1 alternatives (Yen's algorithm)
  bool by_hops = false;                ///< fewest hops; otherwise entities are weighed by type (type_weight)
  /// Whether a relation may be followed (min evidence, dates): its store id, or the relation itself
  /// when the finder indexes a graph with its relations. Empty: every relation.
  std::function<bool(std::int64_t relation_id, const Relation* relation)> keep;
};

/// What entering an entity of a type costs a weighted path: people, agreements
/// and bodies connect through what they did (1, 1, 2); a country or a place
/// connects nearly everyone in its news (4), so a path through one says little.
int type_weight(NodeType t);

/// A path and its cost (the sum of type_weight of each entity entered, the last
/// one included; with by_hops, its number of hops).
struct WeightedPath {
  std::vector<Hop> hops;
  long cost = 0;
};

class PathFinder {
 public:
  /// Indexes `g` (linear in its size). The graph must outlive the finder and
  /// not change while it is used.
  explicit PathFinder(const KnowledgeGraph& g);
  /// Indexes relations given by their ends (ordinals of `g`'s nodes), e.g. a
  /// store's topology (store::Topology): hops carry relation_id, not relation.
  /// Each node's arcs are its outgoing then its incoming relations, each in
  /// list order, as a graph built in that order has them, so both answer alike.
  PathFinder(const KnowledgeGraph& g, const std::vector<RelationEnds>& relations);

  /// The shortest connection from `from` to `to` (node keys), relations
  /// followed in either direction, restricted to `via` types when given;
  /// nullopt when none or when a key is unknown. Bidirectional breadth-first
  /// search that grows, level by level, the side with fewer relations to
  /// look at; neighbours in the graph's adjacency order, so one graph gives
  /// one answer. Not thread-safe (the search state is shared).
  std::optional<std::vector<Hop>> shortest_path(const std::string& from, const std::string& to,
                                                const std::set<RelationType>& via = {}) const;

  /// The best connections from `from` to `to` under `options`, best first: the
  /// cheapest loopless path (Dijkstra; with max_hops, the cheapest of at most
  /// that many hops), then up to k - 1 alternatives, each the next cheapest
  /// that differs from those before (Yen). Empty when there is none. Ties are
  /// broken by the graph's adjacency order, so one graph gives one answer.
  std::vector<WeightedPath> best_paths(const std::string& from, const std::string& to, const PathOptions& options) const;

 private:
  const KnowledgeGraph& g_;
  std::vector<const Node*> nodes_;          ///< by node number
  std::vector<std::uint32_t> offsets_;      ///< arcs of node v: [offsets_[v], offsets_[v + 1])
  std::vector<std::uint32_t> out_end_;      ///< arcs before out_end_[v] run forward (out-edges)
  std::vector<std::uint32_t> target_;       ///< per arc: the node at its other end
  std::vector<RelationType> type_;          ///< per arc
  std::vector<const Relation*> relation_;   ///< per arc (graph relations), or
  std::vector<std::int64_t> relation_id_;   ///< per arc (RelationEnds)
  // search state, reused: a node is seen in this query when stamp_ == epoch_
  mutable std::vector<std::uint32_t> stamp_;
  mutable std::vector<std::uint8_t> side_;
  mutable std::vector<std::uint32_t> parent_arc_;  ///< arc that reached the node (towards its side's root)
  mutable std::vector<std::uint32_t> parent_;
  mutable std::uint32_t epoch_ = 0;
  mutable std::vector<std::uint32_t> front_[2], next_;  ///< frontiers, kept: a query allocates nothing for them
  // the weighted search's state, by (node, hops) state number
  mutable std::vector<long> cost_;
  mutable std::vector<std::uint64_t> parent_state_;
  mutable std::vector<std::uint32_t> parent_arc_state_;
  mutable std::vector<char> done_;
  void init_nodes(std::size_t n);
  void init_search_state();
  /// The relation of an arc, the same for both of its arcs.
  std::int64_t relation_of(std::uint32_t arc) const;
  /// One cheapest path as arcs, avoiding `banned_nodes` (by number) and `banned_relations`.
  std::optional<std::pair<std::vector<std::uint32_t>, long>> cheapest(std::uint32_t start, std::uint32_t goal,
                                                                      const PathOptions& o, const std::vector<char>& arc_ok,
                                                                      const std::vector<char>& banned_nodes,
                                                                      const std::set<std::int64_t>& banned_relations) const;
  /// Arc `arc` of node v as a hop: in path order v -> target (`along`) or target -> v.
  Hop hop_of(std::uint32_t v, std::uint32_t arc, bool along = true) const;
  /// What following `arc` costs a path: one hop, or the weight of the entity it enters.
  long step_cost(const PathOptions& o, std::uint32_t arc) const;
};

}  // namespace irgraph::graph
