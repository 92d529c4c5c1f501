#include "graph/knowledge_graph.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace irgraph::graph {

std::vector<Atom> Relation::values() const {
  // few distinct values per relation: a linear scan over atoms, no map
  std::vector<std::pair<Atom, std::size_t>> counts;
  for (const auto& e : evidence) {
    if (e.value.empty()) continue;
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == e.value; });
    if (it == counts.end()) counts.emplace_back(e.value, 1);
    else ++it->second;
  }
  std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<Atom> order;
  order.reserve(counts.size());
  for (const auto& c : counts) order.push_back(c.first);
  return order;
}

std::pair<Atom, Atom> Relation::date_range() const {
  Atom lo, hi;
  for (const auto& e : evidence) {
    if (e.date.empty()) continue;
    if (lo.empty() || e.date < lo) lo = e.date;
    if (hi.empty() || e.date > hi) hi = e.date;
  }
  return {lo, hi};
}

RelationKey relation_key(const std::string& source, RelationType type, const std::string& target) {
  if (symmetric(type) && target < source) return {target, type, source};
  return {source, type, target};
}

const Node* KnowledgeGraph::find(std::string_view key) const {
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &(*g_)[it->second];
}

std::optional<KnowledgeGraph::Vertex> KnowledgeGraph::vertex(std::string_view key) const {
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

KnowledgeGraph::Vertex KnowledgeGraph::require(std::string_view key) const {
  auto it = index_.find(key);
  if (it == index_.end()) throw Error("graph: no node " + std::string(key));
  return it->second;
}

std::optional<KnowledgeGraph::Edge> KnowledgeGraph::edge(const RelationKey& k) const {
  auto s = index_.find(std::get<0>(k)), t = index_.find(std::get<2>(k));
  if (s == index_.end() || t == index_.end()) return std::nullopt;
  auto it = edges_.find({s->second, std::get<1>(k), t->second});
  if (it == edges_.end()) return std::nullopt;
  return it->second;
}

RelationKey KnowledgeGraph::key_of(Edge e) const {
  // edges run from the key's source to its target (symmetric types normalised)
  return {(*g_)[boost::source(e, *g_)].key, (*g_)[e].type, (*g_)[boost::target(e, *g_)].key};
}

Node& KnowledgeGraph::upsert_node(const std::string& key, NodeType type, const std::string& name) {
  auto it = index_.find(key);
  if (it != index_.end()) return (*g_)[it->second];
  Vertex v = boost::add_vertex(*g_);
  Node& n = (*g_)[v];
  n.key = key;
  n.type = type;
  n.name = name;
  n.ordinal = next_ordinal_++;
  index_.emplace(n.key, v);  // views of the node's own key: it never changes and the node never moves
  ordered_.emplace(n.key, v);
  if (tracking_) changes_.nodes.insert(key);
  if (tracking_) changes_.removed_nodes.erase(key);
  if (redirects_.erase(key) && tracking_) changes_.redirects.insert(key);  // a live entity holds it again
  return n;
}

void KnowledgeGraph::set_redirect(const std::string& key, Redirect r) {
  if (index_.count(key) || key == r.target) return;
  redirects_[key] = std::move(r);
  if (tracking_) changes_.redirects.insert(key);
}

std::string KnowledgeGraph::current_key(const std::string& key) const {
  if (index_.count(key)) return key;
  auto it = redirects_.find(key);
  return it != redirects_.end() && index_.count(it->second.target) ? it->second.target : std::string();
}

std::vector<std::string> KnowledgeGraph::redirects_to(const std::string& key) const {
  std::vector<std::string> out;
  for (const auto& [from, r] : redirects_)
    if (r.target == key) out.push_back(from);
  return out;
}

void KnowledgeGraph::add_document_mention(const std::string& key, const std::string& doc_id, std::uint32_t count) {
  (*g_)[require(key)].documents[doc_id] += count;
  if (tracking_) changes_.node_documents.emplace(key, doc_id);  // the count only: the node's row and aliases stay as stored
}

bool KnowledgeGraph::add_alias(const std::string& key, const std::string& alias, const std::string& reason) {
  Node& n = (*g_)[require(key)];
  if (alias.empty() || alias == n.name) return false;
  for (const auto& a : n.aliases)
    if (a.text == alias) return false;
  n.aliases.push_back({alias, reason});
  if (tracking_) changes_.nodes.insert(key);
  return true;
}

void KnowledgeGraph::rename(const std::string& key, const std::string& name, const std::string& reason) {
  Node& n = (*g_)[require(key)];
  if (n.name == name) return;
  std::string old = n.name;
  n.name = name;
  n.aliases.erase(std::remove_if(n.aliases.begin(), n.aliases.end(), [&](const Alias& a) { return a.text == name; }),
                  n.aliases.end());
  add_alias(key, old, reason);
  if (tracking_) changes_.nodes.insert(key);
}

void KnowledgeGraph::set_country(const std::string& key, const std::string& alpha3) {
  Node& n = (*g_)[require(key)];
  if (n.country == alpha3) return;
  n.country = alpha3;
  if (tracking_) changes_.nodes.insert(key);
}

Relation& KnowledgeGraph::upsert_relation(const std::string& source, RelationType type, const std::string& target) {
  const bool swap = symmetric(type) && target < source;
  const Vertex s = require(swap ? target : source), t = require(swap ? source : target);
  auto it = edges_.find({s, type, t});
  if (it == edges_.end()) {
    Relation r;
    r.type = type;
    auto [e, ok] = boost::add_edge(s, t, r, *g_);
    (void)ok;
    it = edges_.emplace(EdgeKey{s, type, t}, e).first;
  }
  if (tracking_) {
    RelationKey k = relation_key(source, type, target);
    changes_.removed_relations.erase(k);
    changes_.relations.insert(std::move(k));
  }
  return (*g_)[it->second];
}

bool KnowledgeGraph::add_evidence(const std::string& source, RelationType type, const std::string& target, Evidence ev) {
  Relation& r = upsert_relation(source, type, target);
  for (const auto& e : r.evidence)
    if (e.same_mention(ev)) return false;
  r.evidence.push_back(std::move(ev));
  return true;
}

const Relation* KnowledgeGraph::relation(const std::string& source, RelationType type, const std::string& target) const {
  auto e = edge(relation_key(source, type, target));
  return e ? &(*g_)[*e] : nullptr;
}

void KnowledgeGraph::remove_relation(const RelationKey& k) {
  auto e = edge(k);
  if (!e) return;
  edges_.erase({boost::source(*e, *g_), std::get<1>(k), boost::target(*e, *g_)});
  boost::remove_edge(*e, *g_);
  if (tracking_) changes_.relations.erase(k);
  if (tracking_) changes_.removed_relations.insert(k);
}

void KnowledgeGraph::remove_node(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return;
  for (const auto& [k, e] : edges_of(it->second)) remove_relation(k);
  const Vertex v = it->second;
  ordered_.erase(it->first);
  index_.erase(it);  // before the node (and the key both maps view) goes
  boost::clear_vertex(v, *g_);
  boost::remove_vertex(v, *g_);
  if (tracking_) changes_.nodes.erase(key);
  if (tracking_) changes_.removed_nodes.insert(key);
}

void KnowledgeGraph::merge_nodes(const std::string& from, const std::string& into, const std::string& reason) {
  if (from == into) return;
  Vertex f = require(from);
  require(into);
  Node moved = (*g_)[f];
  add_alias(into, moved.name, reason);
  for (const auto& a : moved.aliases) add_alias(into, a.text, a.reason);
  for (const auto& [doc, n] : moved.documents) add_document_mention(into, doc, n);
  if (find(into)->country.empty() && !moved.country.empty()) set_country(into, moved.country);
  // re-home relations
  std::vector<std::pair<RelationKey, Relation>> rels;
  for (const auto& [k, e] : edges_of(f)) rels.emplace_back(k, (*g_)[e]);
  remove_node(from);
  // the key it leaves behind points to the survivor, and so do keys that pointed to it
  for (auto& [k, r] : redirects_)
    if (r.target == from) {
      r.target = into;
      if (tracking_) changes_.redirects.insert(k);
    }
  set_redirect(from, {into, reason});
  for (auto& [k, r] : rels) {
    std::string s = std::get<0>(k) == from ? into : std::get<0>(k);
    std::string t = std::get<2>(k) == from ? into : std::get<2>(k);
    if (s == t) continue;  // a relation between the two merged nodes disappears
    for (auto& ev : r.evidence) add_evidence(s, r.type, t, std::move(ev));
  }
}

void KnowledgeGraph::remove_document(const std::string& doc_id) {
  std::vector<RelationKey> empty;
  for (auto [it, end] = boost::edges(*g_); it != end; ++it) {
    Relation& r = (*g_)[*it];
    auto before = r.evidence.size();
    r.evidence.erase(std::remove_if(r.evidence.begin(), r.evidence.end(), [&](const Evidence& ev) { return ev.doc_id == doc_id; }),
                     r.evidence.end());
    if (r.evidence.size() == before) continue;
    r.persisted = 0;  // rewrite this relation's evidence
    if (tracking_) changes_.relations.insert(key_of(*it));
    if (r.evidence.empty()) empty.push_back(key_of(*it));
  }
  for (const auto& k : empty) remove_relation(k);
  std::vector<std::string> orphans;
  for (auto& [key, v] : ordered_) {
    Node& n = (*g_)[v];
    if (n.documents.erase(doc_id)) {
      if (tracking_) changes_.nodes.emplace(key);
      if (n.documents.empty()) orphans.emplace_back(key);
    }
  }
  for (const auto& key : orphans) remove_node(key);
  documents_.erase(doc_id);
}

std::size_t KnowledgeGraph::evidence_count() const {
  std::size_t n = 0;
  for (auto [it, end] = boost::edges(*g_); it != end; ++it) n += (*g_)[*it].evidence.size();
  return n;
}

std::vector<const Node*> KnowledgeGraph::nodes_by_ordinal() const {
  std::vector<const Node*> nodes(next_ordinal_, nullptr);
  for (const auto& [key, v] : ordered_) nodes[(*g_)[v].ordinal] = &(*g_)[v];
  return nodes;
}

void KnowledgeGraph::for_each_node(const std::function<void(const Node&)>& fn) const {
  for (const auto& [key, v] : ordered_) fn((*g_)[v]);
}

void KnowledgeGraph::for_each_relation(const std::function<void(const Node&, const Relation&, const Node&)>& fn) const {
  // (source key, type, target key) order: sources in key order, then each
  // source's out-edges (its relations as RelationKey's source) sorted
  std::vector<std::pair<const Relation*, const Node*>> out;
  for (const auto& [key, v] : ordered_) {
    out.clear();
    for (auto [it, end] = boost::out_edges(v, *g_); it != end; ++it)
      out.emplace_back(&(*g_)[*it], &(*g_)[boost::target(*it, *g_)]);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.first->type != b.first->type ? a.first->type < b.first->type : a.second->key < b.second->key;
    });
    const Node& source = (*g_)[v];
    for (const auto& [r, target] : out) fn(source, *r, *target);
  }
}

void KnowledgeGraph::for_each_relation_of(const std::string& key,
                                          const std::function<void(const Node&, const Relation&, const Node&)>& fn) const {
  auto v = vertex(key);
  if (!v) return;
  for (const auto& [k, e] : edges_of(*v)) fn((*g_)[boost::source(e, *g_)], (*g_)[e], (*g_)[boost::target(e, *g_)]);
}

std::vector<std::pair<RelationKey, KnowledgeGraph::Edge>> KnowledgeGraph::edges_of(Vertex v) const {
  // a node's own edges, in and out, in key order: no scan over the whole graph
  std::vector<std::pair<RelationKey, Edge>> found;
  for (auto [it, end] = boost::out_edges(v, *g_); it != end; ++it)
    found.emplace_back(RelationKey{(*g_)[v].key, (*g_)[*it].type, (*g_)[boost::target(*it, *g_)].key}, *it);
  for (auto [it, end] = boost::in_edges(v, *g_); it != end; ++it)
    found.emplace_back(RelationKey{(*g_)[boost::source(*it, *g_)].key, (*g_)[*it].type, (*g_)[v].key}, *it);
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return found;
}

ChangeSet KnowledgeGraph::take_changes() {
  ChangeSet c = std::move(changes_);
  changes_ = {};
  return c;
}

void KnowledgeGraph::restore_changes(ChangeSet c) {
  for (auto& k : c.nodes)
    if (!changes_.removed_nodes.count(k)) changes_.nodes.insert(k);
  for (auto& k : c.removed_nodes)
    if (!index_.count(k)) changes_.removed_nodes.insert(k);
  for (auto& k : c.relations)
    if (!changes_.removed_relations.count(k)) changes_.relations.insert(k);
  for (auto& k : c.removed_relations)
    if (!edge(k)) changes_.removed_relations.insert(k);
  changes_.node_documents.insert(c.node_documents.begin(), c.node_documents.end());
  changes_.redirects.insert(c.redirects.begin(), c.redirects.end());
}

void KnowledgeGraph::mark_persisted(const ChangeSet& c) {
  for (const auto& k : c.relations)
    if (auto e = edge(k)) (*g_)[*e].persisted = (*g_)[*e].evidence.size();
}

void KnowledgeGraph::mark_all_persisted() {
  for (auto [it, end] = boost::edges(*g_); it != end; ++it) (*g_)[*it].persisted = (*g_)[*it].evidence.size();
}

void KnowledgeGraph::mark_none_persisted() {
  for (auto [it, end] = boost::edges(*g_); it != end; ++it) (*g_)[*it].persisted = 0;
}

}  // namespace irgraph::graph
