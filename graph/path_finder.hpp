#pragma once
/// Shortest connections between entities, for many queries on one graph: a
/// compressed (CSR) copy of the adjacency, relations in either direction,
/// with 32-bit node numbers, and search state that is reused between queries
/// (an epoch stamp instead of clearing arrays), so a query costs what it
/// visits, not the size of the graph.
#include <cstdint>
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
  void init_nodes(std::size_t n);
  void init_search_state();
};

}  // namespace irgraph::graph
