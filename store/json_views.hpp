#pragma once
/// The JSON documents answers are given in, read from the store: an entity
/// (show --json, GET /api/entity) and connections (path --json, GET
/// /api/path). Shapes in the README.
#include <string>
#include <vector>

#include "graph/curation.hpp"
#include "graph/json_out.hpp"
#include "graph/path_finder.hpp"
#include "store/store.hpp"

namespace irgraph::store {

/// An entity with its names, the rules that touched it, the keys merged into
/// it and its relations with their evidence (Store::relations_of).
/// `total`: how many relations the entity has when `relations` holds only the
/// first of them (written as "relationsTotal"); 0 when it holds them all.
void write_entity_json(graph::JsonOut& j, const graph::Node& n, std::size_t documents, const std::vector<StoredRelation>& relations,
                       const std::vector<graph::CurationRule>& rules, const std::vector<std::string>& former,
                       std::size_t total = 0);

/// Connections from `a` to `b`, best first, each hop with its relation's evidence.
void write_path_json(graph::JsonOut& j, const Store& db, const graph::KnowledgeGraph& g, const std::string& a,
                     const std::string& b, const std::vector<graph::WeightedPath>& paths, bool by_hops);

/// The store's counts (stats --json, GET /api/stats).
void write_stats_json(graph::JsonOut& j, const std::string& store, const Stats& s);

/// A curation rule (curate list --json, /api/curation).
void write_rule_json(graph::JsonOut& j, const graph::CurationRule& r);

}  // namespace irgraph::store
