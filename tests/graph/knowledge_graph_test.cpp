#include <doctest/doctest.h>

#include "core/error.hpp"
#include "graph/knowledge_graph.hpp"

using namespace irgraph;
using namespace irgraph::graph;

namespace {
Evidence ev(const std::string& doc, std::uint32_t sentence, const std::string& value = "", const std::string& date = "") {
  Evidence e;
  e.doc_id = doc;
  e.sentence = sentence;
  e.text = "sentence " + std::to_string(sentence);
  e.value = value;
  e.date = date;
  e.extractor = "test";
  e.rule = "rule";
  return e;
}
}  // namespace

TEST_CASE("one node per key, one edge per relation, evidence accumulates") {
  KnowledgeGraph g;
  g.upsert_node("official:a", NodeType::Official, "A");
  g.upsert_node("official:b", NodeType::Official, "B");
  g.upsert_node("official:a", NodeType::Official, "ignored");
  CHECK(g.node_count() == 2);
  CHECK(g.find("official:a")->name == "A");
  CHECK(g.add_evidence("official:b", RelationType::MetWith, "official:a", ev("d1", 1, "meeting", "2020-01-02")));
  CHECK(g.add_evidence("official:a", RelationType::MetWith, "official:b", ev("d2", 4, "call", "2020-01-01")));
  CHECK_FALSE(g.add_evidence("official:a", RelationType::MetWith, "official:b", ev("d2", 4, "call")));  // same mention
  CHECK(g.relation_count() == 1);  // metWith is symmetric
  const Relation* r = g.relation("official:b", RelationType::MetWith, "official:a");
  REQUIRE(r);
  CHECK(r->evidence.size() == 2);
  CHECK(r->date_range().first == "2020-01-01");
  CHECK(r->date_range().second == "2020-01-02");
  CHECK(r->values() == std::vector<Atom>{"meeting", "call"});  // equal counts: first seen first
  CHECK(g.add_evidence("official:a", RelationType::MetWith, "official:b", ev("d3", 1, "call")));
  CHECK(r->values() == std::vector<Atom>{"call", "meeting"});  // most frequent first
  CHECK(g.add_evidence("official:a", RelationType::Accompanied, "official:b", ev("d1", 2)));
  CHECK(g.relation_count() == 2);
  CHECK_THROWS_AS(g.add_evidence("official:a", RelationType::Visited, "place:nowhere", ev("d1", 1)), Error);
}

TEST_CASE("merging moves aliases, mentions and relations") {
  KnowledgeGraph g;
  g.upsert_node("official:putin", NodeType::Official, "Putin");
  g.upsert_node("official:vladimir-putin", NodeType::Official, "Vladimir Putin");
  g.upsert_node("country:RUS", NodeType::Country, "Russia");
  g.add_document_mention("official:putin", "d1");
  g.add_evidence("official:putin", RelationType::OfficialOf, "country:RUS", ev("d1", 0, "President"));
  g.add_evidence("official:vladimir-putin", RelationType::OfficialOf, "country:RUS", ev("d2", 3, "President"));
  g.merge_nodes("official:putin", "official:vladimir-putin", "surname");
  CHECK(g.find("official:putin") == nullptr);
  const Node* n = g.find("official:vladimir-putin");
  REQUIRE(n);
  REQUIRE(n->aliases.size() == 1);
  CHECK(n->aliases[0].text == "Putin");
  CHECK(n->aliases[0].reason == "surname");
  CHECK(n->documents.count("d1") == 1);
  CHECK(g.relation_count() == 1);
  CHECK(g.relation("official:vladimir-putin", RelationType::OfficialOf, "country:RUS")->evidence.size() == 2);
}

TEST_CASE("removing a document drops what only it supported") {
  KnowledgeGraph g;
  for (auto k : {"official:a", "official:b", "official:c"}) g.upsert_node(k, NodeType::Official, k);
  g.add_document_mention("official:a", "d1");
  g.add_document_mention("official:a", "d2");
  g.add_document_mention("official:b", "d1");
  g.add_document_mention("official:c", "d2");
  g.add_evidence("official:a", RelationType::MetWith, "official:b", ev("d1", 0));
  g.add_evidence("official:a", RelationType::MetWith, "official:c", ev("d1", 1));
  g.add_evidence("official:a", RelationType::MetWith, "official:c", ev("d2", 0));
  g.take_changes();
  g.remove_document("d1");
  CHECK(g.find("official:b") == nullptr);
  CHECK(g.node_count() == 2);
  CHECK(g.relation_count() == 1);
  CHECK(g.relation("official:a", RelationType::MetWith, "official:c")->evidence.size() == 1);
  auto c = g.take_changes();
  CHECK(c.removed_nodes.count("official:b") == 1);
  CHECK(c.removed_relations.size() == 1);
}

TEST_CASE("iteration is in key order") {
  KnowledgeGraph g;
  for (auto k : {"b", "c", "a"}) g.upsert_node(k, NodeType::Place, k);
  std::string order;
  g.for_each_node([&](const Node& n) { order += n.key; });
  CHECK(order == "abc");
}
