#include "serve/graph_service.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/error.hpp"
#include "core/strings.hpp"
#include "extract/dates.hpp"
#include "extract/text.hpp"
#include "graph/curation.hpp"
#include "graph/json_out.hpp"
#include "graph/query.hpp"
#include "graph/resolver.hpp"
#include "serve/answer.hpp"
#include "store/json_views.hpp"

namespace irgraph::serve {

namespace {

constexpr std::size_t kMaxParameter = 1000;  ///< bytes of one parameter's value

/// A parameter's value ("" when absent). Throws UsageError (400) for one too long.
std::string param(const Params& p, const std::string& name) {
  auto it = p.find(name);
  if (it == p.end()) return {};
  if (it->second.size() > kMaxParameter)
    throw UsageError("parameter '" + name + "' is longer than " + std::to_string(kMaxParameter) + " bytes");
  if (extract::find_invalid_utf8(it->second)) throw UsageError("parameter '" + name + "' is not UTF-8");
  return it->second;
}

std::string required(const Params& p, const std::string& name) {
  std::string v = param(p, name);
  if (v.empty()) throw UsageError("parameter '" + name + "' is required");
  return v;
}

/// A whole number in [lo, hi], `fallback` when absent. Throws UsageError otherwise.
long number(const Params& p, const std::string& name, long fallback, long lo, long hi) {
  const std::string v = param(p, name);
  if (v.empty()) return fallback;
  long n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < lo || n > hi)
    throw UsageError("parameter '" + name + "' must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return n;
}

bool flag(const Params& p, const std::string& name) {
  const std::string v = param(p, name);
  if (v.empty() || v == "false" || v == "0") return false;
  if (v == "true" || v == "1") return true;
  throw UsageError("parameter '" + name + "' must be true or false");
}

std::string date(const Params& p, const std::string& name) {
  const std::string v = param(p, name);
  if (v.empty()) return v;
  const auto d = v.size() == 10 ? extract::parse_date(v) : std::nullopt;
  if (!d || d->iso() != v) throw UsageError("parameter '" + name + "': '" + v + "' is not a date written YYYY-MM-DD");
  return v;
}

std::vector<std::string> list(const Params& p, const std::string& name) { return split_commas(param(p, name)); }

/// The types a comma-separated parameter names (relation or node types). Throws UsageError for an unknown one.
template <class Type>
std::set<Type> types(const Params& p, const std::string& name, std::optional<Type> (*parse)(std::string_view), const char* what) {
  std::set<Type> out;
  for (const auto& s : list(p, name)) {
    auto t = parse(s);
    if (!t) throw UsageError("parameter '" + name + "': unknown " + what + " type '" + s + "'");
    out.insert(*t);
  }
  return out;
}

std::set<RelationType> relation_types(const Params& p, const std::string& name) {
  return types<RelationType>(p, name, &relation_type_from, "relation");
}

std::set<NodeType> node_types(const Params& p, const std::string& name) { return types<NodeType>(p, name, &node_type_from, "node"); }


}  // namespace

/// The store's topology and what the answers need indexed.
struct GraphService::Loaded {
  std::uint64_t generation = 0;
  store::Topology topology;
  std::vector<const graph::Node*> nodes;                ///< by ordinal
  std::vector<std::vector<std::uint32_t>> adjacency;    ///< by ordinal: indexes into topology.relations
  std::unordered_map<std::int64_t, std::uint32_t> by_id;  ///< relation store id -> index
  std::unordered_map<std::int64_t, store::Store::RelationSummary> summaries;
  std::vector<std::pair<std::string, std::uint32_t>> names;  ///< folded name (or its tail from a word on), ordinal; sorted
  std::unique_ptr<graph::PathFinder> finder;
  std::unique_ptr<graph::NameIndex> index;  ///< for entities asked for by a name
  std::vector<graph::CurationRule> rules;
  mutable std::mutex path_mutex;  ///< the path finder's search state is shared
  mutable std::mutex stats_mutex;
  mutable std::string stats;  ///< the counts' answer, made once per store state (counting evidence reads all of it)
  /// The entity a parameter names (key, merged-away key or any name). Throws LookupError (404).
  std::string find(const std::string& name) const { return graph::lookup(topology.entities, *index, name); }
};

GraphService::GraphService(const std::string& db_path) : db_path_(db_path) {
  auto db = std::make_unique<store::Store>(db_path_, store::Store::Mode::ReadOnly);  // a missing store fails here
  current(*db);
  idle_.push_back(std::move(db));
}

GraphService::~GraphService() = default;

std::shared_ptr<const GraphService::Loaded> GraphService::current(store::Store& db) {
  std::lock_guard<std::mutex> lock(refresh_mutex_);
  if (loaded_ && loaded_->generation == db.generation()) return loaded_;
  auto l = std::make_shared<Loaded>();
  store::ReadTransaction snapshot(db);
  l->generation = db.generation();
  l->topology = db.load_topology();
  l->summaries = db.relation_summaries();
  l->rules = db.curation_rules();
  const graph::KnowledgeGraph& g = l->topology.entities;
  l->nodes = g.nodes_by_ordinal();
  l->adjacency.resize(l->nodes.size());
  for (std::uint32_t i = 0; i < l->topology.relations.size(); ++i) {
    const auto& r = l->topology.relations[i];
    l->adjacency[r.source].push_back(i);
    if (r.target != r.source) l->adjacency[r.target].push_back(i);
    l->by_id[r.id] = i;
  }
  g.for_each_node([&](const graph::Node& n) {
    auto add = [&](const std::string& text) {
      const std::string f = extract::fold(text);
      for (std::size_t at = 0; at < f.size();) {  // the name, and its tail from each word on
        l->names.emplace_back(f.substr(at), static_cast<std::uint32_t>(n.ordinal));
        const auto sp = f.find(' ', at);
        if (sp == std::string::npos) break;
        at = sp + 1;
      }
    };
    add(n.name);
    for (const auto& a : n.aliases) add(a.text);
  });
  std::sort(l->names.begin(), l->names.end());
  l->names.erase(std::unique(l->names.begin(), l->names.end()), l->names.end());
  l->finder = std::make_unique<graph::PathFinder>(g, l->topology.relations);
  l->index = std::make_unique<graph::NameIndex>(g);
  loaded_ = std::move(l);
  return loaded_;
}

template <class F>
Answer GraphService::answer(F&& f) {
  // a connection of its own for this answer: from the idle ones, or a new one
  std::unique_ptr<store::Store> db;
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!idle_.empty()) {
      db = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  Answer a = answer_of([&] {
    if (!db) db = std::make_unique<store::Store>(db_path_, store::Store::Mode::ReadOnly);
    const std::shared_ptr<const Loaded> l = current(*db);
    return f(*l, *db);
  });
  if (db) {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    idle_.push_back(std::move(db));
  }
  return a;
}

Answer GraphService::search(const Params& p) {
  return answer([&](const Loaded& l, store::Store& db) {
    const std::string q = extract::fold(required(p, "q"));
    const auto limit = static_cast<std::size_t>(number(p, "limit", 10, 1, 100));
    const auto types = node_types(p, "type");
    struct Hit {
      int rank;  // 0: the whole name, 1: the name begins with it, 2: a word of it does
      std::size_t degree;
      const graph::Node* node;
    };
    std::map<std::uint32_t, Hit> hits;
    auto it = std::lower_bound(l.names.begin(), l.names.end(), std::pair<std::string, std::uint32_t>{q, 0});
    for (std::size_t scanned = 0; it != l.names.end() && it->first.compare(0, q.size(), q) == 0 && scanned < 20000;
         ++it, ++scanned) {
      const graph::Node* n = l.nodes[it->second];
      if (!n || (!types.empty() && !types.count(n->type))) continue;
      const std::string whole = extract::fold(n->name);
      int rank = whole == q ? 0 : whole.compare(0, q.size(), q) == 0 ? 1 : 2;
      if (it->first == q && rank > 0) rank = 1;  // an alias exactly
      auto [h, fresh] = hits.try_emplace(it->second, Hit{rank, l.adjacency[it->second].size(), n});
      if (!fresh) h->second.rank = std::min(h->second.rank, rank);
    }
    std::vector<Hit> ranked;
    for (const auto& [o, h] : hits) ranked.push_back(h);
    std::sort(ranked.begin(), ranked.end(), [](const Hit& a, const Hit& b) {
      return std::tie(a.rank, b.degree, a.node->name) < std::tie(b.rank, a.degree, b.node->name);
    });
    if (ranked.size() > limit) ranked.resize(limit);
    graph::JsonOut j;
    j.w.StartObject();
    j.field("query", q);
    j.key("entities");
    j.w.StartArray();
    for (const auto& h : ranked) {
      j.w.StartObject();
      j.field("key", h.node->key);
      j.field("name", h.node->name);
      j.field("type", irgraph::name(h.node->type));
      j.field("relations", h.degree);
      j.w.EndObject();
    }
    j.w.EndArray();
    j.w.EndObject();
    return j.text();
  });
}

Answer GraphService::entity(const Params& p) {
  return answer([&](const Loaded& l, store::Store& db) {
    const graph::KnowledgeGraph& g = l.topology.entities;
    const graph::Node& n = *g.find(l.find(required(p, "key")));
    graph::JsonOut j;
    // a hub's relations, each read with its evidence, are many: the first `limit` in key order
    const auto limit = static_cast<std::size_t>(number(p, "limit", 200, 1, 100000));
    std::vector<std::uint32_t> positions = l.adjacency[n.ordinal];
    if (positions.size() > limit) {
      auto key_of = [&](std::uint32_t i) {
        const auto& r = l.topology.relations[i];
        return std::tie(l.nodes[r.source]->key, r.type, l.nodes[r.target]->key);
      };
      std::partial_sort(positions.begin(), positions.begin() + static_cast<std::ptrdiff_t>(limit), positions.end(),
                        [&](std::uint32_t a, std::uint32_t b) { return key_of(a) < key_of(b); });
      positions.resize(limit);
    }
    store::write_entity_json(j, n, db.mentioning_documents(n.key), db.relations_at(l.topology, l.nodes, positions),
                             graph::Curation(l.rules).touching(g, n.key), g.redirects_to(n.key), l.adjacency[n.ordinal].size());
    return j.text();
  });
}

Answer GraphService::neighbourhood(const Params& p) {
  return answer([&](const Loaded& l, store::Store& db) {
    const graph::KnowledgeGraph& g = l.topology.entities;
    const graph::Node& center = *g.find(l.find(required(p, "key")));
    const int depth = static_cast<int>(number(p, "depth", 1, 1, 3));
    const auto limit = static_cast<std::size_t>(number(p, "limit", 300, 1, 5000));
    const auto via = relation_types(p, "relations");
    const auto types = node_types(p, "types");
    const std::string from = date(p, "from"), to = date(p, "to");
    const auto min_evidence = static_cast<std::size_t>(number(p, "minEvidence", 1, 1, 1000000));
    auto keep = [&](const graph::RelationEnds& r) {
      if (!via.empty() && !via.count(r.type)) return false;
      auto s = l.summaries.find(r.id);
      if (s == l.summaries.end() || s->second.evidence < min_evidence) return false;
      if ((!from.empty() || !to.empty()) && s->second.first_date.empty()) return false;
      if (!from.empty() && s->second.last_date < from) return false;
      if (!to.empty() && s->second.first_date > to) return false;
      return true;
    };
    // breadth first from the centre, nearest first, up to `limit` entities
    std::vector<int> level(l.nodes.size(), -1);
    std::vector<std::uint32_t> order{static_cast<std::uint32_t>(center.ordinal)};
    level[center.ordinal] = 0;
    bool truncated = false;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const std::uint32_t v = order[i];
      if (level[v] >= depth) continue;
      for (std::uint32_t ri : l.adjacency[v]) {
        const auto& r = l.topology.relations[ri];
        const std::uint32_t w = r.source == v ? r.target : r.source;
        if (level[w] >= 0 || !keep(r) || (!types.empty() && !types.count(l.nodes[w]->type))) continue;
        if (order.size() >= limit) {
          truncated = true;
          continue;
        }
        level[w] = level[v] + 1;
        order.push_back(w);
      }
    }
    graph::JsonOut j;
    j.w.StartObject();
    j.key("center");
    j.entity(center);
    j.key("nodes");
    j.w.StartArray();
    for (std::uint32_t v : order) {
      j.w.StartObject();
      j.field("key", l.nodes[v]->key);
      j.field("name", l.nodes[v]->name);
      j.field("type", irgraph::name(l.nodes[v]->type));
      j.field("relations", l.adjacency[v].size());
      j.field("distance", static_cast<std::uint64_t>(level[v]));
      j.w.EndObject();
    }
    j.w.EndArray();
    j.key("edges");
    j.w.StartArray();
    for (std::uint32_t v : order)
      for (std::uint32_t ri : l.adjacency[v]) {
        const auto& r = l.topology.relations[ri];
        if (r.source != v || level[r.target] < 0 || !keep(r)) continue;  // each relation once, from its source
        const auto& s = l.summaries.at(r.id);
        j.w.StartObject();
        j.key("id");
        j.w.Int64(r.id);
        j.field("source", l.nodes[r.source]->key);
        j.field("target", l.nodes[r.target]->key);
        j.field("relation", irgraph::name(r.type));
        j.field("evidence", s.evidence);
        j.field("firstDate", s.first_date);
        j.field("lastDate", s.last_date);
        j.w.EndObject();
      }
    j.w.EndArray();
    j.key("truncated");
    j.w.Bool(truncated);
    j.w.EndObject();
    return j.text();
  });
}

Answer GraphService::path(const Params& p) {
  return answer([&](const Loaded& l, store::Store& db) {
    const graph::KnowledgeGraph& g = l.topology.entities;
    graph::PathOptions options;
    options.k = static_cast<std::size_t>(number(p, "k", 1, 1, 10));
    options.max_hops = static_cast<std::size_t>(number(p, "maxHops", 0, 0, 50));
    options.by_hops = flag(p, "byHops");
    options.via = relation_types(p, "via");
    for (const auto& item : list(p, "avoid")) {
      if (auto t = node_type_from(item)) options.avoid_types.insert(*t);
      else options.avoid_nodes.insert(l.find(item));
    }
    const std::string a = l.find(required(p, "from")), b = l.find(required(p, "to"));
    std::vector<graph::WeightedPath> paths;
    {
      std::lock_guard<std::mutex> lock(l.path_mutex);
      paths = l.finder->best_paths(a, b, options);
    }
    graph::JsonOut j;
    store::write_path_json(j, db, g, a, b, paths, options.by_hops);
    return j.text();
  });
}

Answer GraphService::relation(const Params& p) {
  return answer([&](const Loaded& l, store::Store& db) {
    const long id = number(p, "id", 0, 1, std::numeric_limits<long>::max());
    auto it = l.by_id.find(id);
    if (it == l.by_id.end()) throw LookupError("no relation " + std::to_string(id));
    const auto& ends = l.topology.relations[it->second];
    const graph::Relation r = db.relation(id);
    graph::JsonOut j;
    j.w.StartObject();
    j.key("id");
    j.w.Int64(id);
    j.field("relation", irgraph::name(r.type));
    j.key("source");
    j.entity(*l.nodes[ends.source]);
    j.key("target");
    j.entity(*l.nodes[ends.target]);
    j.values_and_evidence(r);
    j.key("documents");
    j.w.StartArray();
    std::set<std::string> seen;
    for (const auto& e : r.evidence) {
      if (!seen.insert(e.doc_id).second) continue;
      const graph::DocumentMeta* d = l.topology.entities.document(e.doc_id);
      j.w.StartObject();
      j.field("id", e.doc_id.str());
      j.field("title", d ? d->title : "");
      j.field("date", d ? d->date : "");
      j.field("url", d ? d->url : "");
      j.w.EndObject();
    }
    j.w.EndArray();
    j.w.EndObject();
    return j.text();
  });
}

Answer GraphService::document(const Params& p) {
  return answer([&](const Loaded& l, store::Store& db) {
    const std::string id = required(p, "id");
    const graph::DocumentMeta* d = l.topology.entities.document(id);
    if (!d) throw LookupError("no document with id '" + id + "'");
    graph::JsonOut j;
    j.w.StartObject();
    j.field("id", d->id);
    j.field("publicId", d->public_id.empty() ? d->id : d->public_id);
    j.field("title", d->title);
    j.field("date", d->date);
    j.field("url", d->url);
    j.key("evidence");
    j.w.StartArray();
    for (const auto& [rid, e] : db.document_evidence(id)) {
      auto it = l.by_id.find(rid);
      if (it == l.by_id.end()) continue;
      const auto& ends = l.topology.relations[it->second];
      j.w.StartObject();
      j.key("relationId");
      j.w.Int64(rid);
      j.field("relation", irgraph::name(ends.type));
      j.key("source");
      j.entity(*l.nodes[ends.source]);
      j.key("target");
      j.entity(*l.nodes[ends.target]);
      j.field("sentence", e.text);
      j.field("sentenceIndex", e.sentence);
      j.field("begin", e.begin);
      j.field("end", e.end);
      j.field("date", e.date);
      j.field("value", e.value);
      j.w.EndObject();
    }
    j.w.EndArray();
    j.w.EndObject();
    return j.text();
  });
}

Answer GraphService::stats(const Params&) {
  return answer([&](const Loaded& l, store::Store& db) {
    std::lock_guard<std::mutex> lock(l.stats_mutex);
    if (l.stats.empty()) {
      graph::JsonOut j;
      store::write_stats_json(j, db.path(), db.stats());
      l.stats = j.text();
    }
    return l.stats;
  });
}

}  // namespace irgraph::serve
