#include "store/json_views.hpp"

namespace irgraph::store {

void write_entity_json(graph::JsonOut& j, const graph::Node& n, std::size_t documents, const std::vector<StoredRelation>& relations,
                       const std::vector<graph::CurationRule>& rules, const std::vector<std::string>& former,
                       std::size_t total) {
  j.w.StartObject();
  j.field("key", n.key);
  j.field("name", n.name);
  j.field("type", irgraph::name(n.type));
  j.field("country", n.country);
  j.key("aliases");
  j.w.StartArray();
  for (const auto& a : n.aliases) {
    j.w.StartObject();
    j.field("name", a.text);
    j.field("reason", a.reason);
    j.w.EndObject();
  }
  j.w.EndArray();
  j.field("documents", documents);
  j.field("origin", n.origin);
  j.key("formerKeys");
  j.w.StartArray();
  for (const auto& k : former) j.str(k);
  j.w.EndArray();
  j.key("curation");
  j.w.StartArray();
  for (const auto& r : rules) {
    j.w.StartObject();
    j.key("id");
    j.w.Int64(r.id);
    j.field("description", r.describe());
    j.field("note", r.note);
    j.field("created", r.created_at);
    j.w.EndObject();
  }
  j.w.EndArray();
  if (total > relations.size()) j.field("relationsTotal", total);
  j.key("relations");
  j.w.StartArray();
  for (const auto& [source, r, target] : relations) {
    const bool outgoing = source->key == n.key;
    j.w.StartObject();
    j.field("relation", irgraph::name(r.type));
    j.field("direction", outgoing ? "out" : "in");
    j.key("other");
    j.entity(outgoing ? *target : *source);
    auto [lo, hi] = r.date_range();
    j.field("firstDate", lo);
    j.field("lastDate", hi);
    j.values_and_evidence(r);
    j.w.EndObject();
  }
  j.w.EndArray();
  j.w.EndObject();
}

void write_path_json(graph::JsonOut& j, const Store& db, const graph::KnowledgeGraph& g, const std::string& a,
                     const std::string& b, const std::vector<graph::WeightedPath>& paths, bool by_hops) {
  j.w.StartObject();
  j.key("from");
  j.entity(*g.find(a));
  j.key("to");
  j.entity(*g.find(b));
  j.field("weighing", by_hops ? "hops" : "type");
  j.key("paths");
  j.w.StartArray();
  for (const auto& p : paths) {
    j.w.StartObject();
    j.field("hops", p.hops.size());
    j.field("cost", static_cast<std::uint64_t>(p.cost));
    j.key("steps");
    j.w.StartArray();
    for (const auto& h : p.hops) {
      j.w.StartObject();
      j.key("from");
      j.entity(*g.find(h.from));
      j.key("to");
      j.entity(*g.find(h.to));
      j.field("relation", irgraph::name(h.type));
      j.key("forward");
      j.w.Bool(h.forward);
      j.values_and_evidence(db.relation(h.relation_id));
      j.w.EndObject();
    }
    j.w.EndArray();
    j.w.EndObject();
  }
  j.w.EndArray();
  j.w.EndObject();
}

void write_stats_json(graph::JsonOut& j, const std::string& store, const Stats& s) {
  j.w.StartObject();
  j.field("store", store);
  j.field("documents", s.documents);
  j.field("copies", s.copies);
  j.field("undatedDocuments", s.undated);
  j.field("nodes", s.nodes);
  j.field("aliases", s.aliases);
  j.counts("nodesByType", s.nodes_by_type);
  j.field("relations", s.relations);
  j.field("evidence", s.evidence);
  j.field("datedEvidence", s.dated_evidence);
  j.counts("relationsByType", s.relations_by_type);
  j.w.EndObject();
}

void write_rule_json(graph::JsonOut& j, const graph::CurationRule& r) {
  j.w.StartObject();
  j.key("id");
  j.w.Int64(r.id);
  j.field("action", graph::name(r.action));
  j.field("subject", r.subject);
  j.field("relation", r.relation);
  j.field("object", r.object);
  j.field("note", r.note);
  j.field("created", r.created_at);
  j.field("description", r.describe());
  j.w.EndObject();
}

}  // namespace irgraph::store
