#pragma once
/// Questions on the graph: find an entity by any of its names, the shortest
/// connection between two entities (with evidence per hop), an entity's
/// relations, and the neighbourhood of an entity (for focused exports).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "graph/path_finder.hpp"

namespace irgraph::graph {

/// Finds the node a user means by `name`: a key, a name or alias (case and
/// diacritics ignored), a person-name variant or a unique surname. Throws
/// LookupError listing candidates when the name is unknown ("did you mean")
/// or ambiguous.
std::string lookup(const KnowledgeGraph& g, const std::string& name);
class NameIndex;
/// The same with the graph's names indexed already (many lookups on one graph).
std::string lookup(const KnowledgeGraph& g, const NameIndex& names, const std::string& name);

/// Nodes whose names are closest to `name` (edit distance on folded forms), best first.
std::vector<std::string> suggestions(const KnowledgeGraph& g, const std::string& name, std::size_t max = 5);

/// The shortest connection from `from` to `to` (relations followed in either
/// direction), restricted to `via` types when given; nullopt when none. One
/// query: PathFinder answers many on the same graph without indexing it again.
std::optional<std::vector<Hop>> shortest_path(const KnowledgeGraph& g, const std::string& from, const std::string& to,
                                              const std::set<RelationType>& via = {});

/// Keys of nodes within `depth` hops of `center` (relations in either direction), center included.
std::set<std::string> neighbourhood(const KnowledgeGraph& g, const std::string& center, int depth);

/// The evidence to show for a relation: the first dated one, else the first.
const Evidence& representative_evidence(const Relation& r);

}  // namespace irgraph::graph
