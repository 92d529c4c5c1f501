#include <doctest/doctest.h>

#include "core/error.hpp"
#include "graph/query.hpp"

using namespace irgraph;
using namespace irgraph::graph;

namespace {
Evidence ev(const std::string& text, const std::string& date = "") {
  Evidence e;
  e.doc_id = "d";
  e.text = text;
  e.date = date;
  e.rule = text;
  return e;
}

/// a -metWith- b -officialOf-> C <-officialOf- d ; a -accompanied-> d
KnowledgeGraph sample() {
  KnowledgeGraph g;
  g.upsert_node("official:mevlut-cavusoglu", NodeType::Official, "Mevlüt Çavuşoğlu");
  g.upsert_node("official:sergei-lavrov", NodeType::Official, "Sergei Lavrov");
  g.upsert_node("country:RUS", NodeType::Country, "Russia");
  g.upsert_node("official:vladimir-putin", NodeType::Official, "Vladimir Putin");
  g.upsert_node("official:putin-aide", NodeType::Official, "Ivan Putin");
  g.add_alias("official:vladimir-putin", "Putin", "surname");
  g.add_evidence("official:mevlut-cavusoglu", RelationType::MetWith, "official:sergei-lavrov", ev("They met.", "2020-01-01"));
  g.add_evidence("official:sergei-lavrov", RelationType::OfficialOf, "country:RUS", ev("Lavrov of Russia."));
  g.add_evidence("official:vladimir-putin", RelationType::OfficialOf, "country:RUS", ev("Putin of Russia."));
  return g;
}
}  // namespace

TEST_CASE("lookup by key, name, alias, without diacritics or case") {
  auto g = sample();
  CHECK(lookup(g, "Cavusoglu") == "official:mevlut-cavusoglu");
  CHECK(lookup(g, "MEVLUT CAVUSOGLU") == "official:mevlut-cavusoglu");
  CHECK(lookup(g, "Sergey Lavrov") == "official:sergei-lavrov");
  CHECK(lookup(g, "country:RUS") == "country:RUS");
  CHECK(lookup(g, "Vladimir Putin") == "official:vladimir-putin");
}

TEST_CASE("unknown and ambiguous names get candidates, not a crash") {
  auto g = sample();
  try {
    lookup(g, "Lavrow");
    FAIL("no error");
  } catch (const LookupError& e) {
    CHECK(std::string(e.what()).find("did you mean") != std::string::npos);
    CHECK(std::string(e.what()).find("Sergei Lavrov") != std::string::npos);
  }
  try {
    lookup(g, "Putin");  // alias of one, surname of another
    FAIL("no error");
  } catch (const LookupError& e) {
    CHECK(std::string(e.what()).find("ambiguous") != std::string::npos);
  }
}

TEST_CASE("shortest connection follows relations both ways, with evidence") {
  auto g = sample();
  auto p = shortest_path(g, "official:mevlut-cavusoglu", "official:vladimir-putin");
  REQUIRE(p);
  REQUIRE(p->size() == 3);
  CHECK((*p)[0].type == RelationType::MetWith);
  CHECK((*p)[1].to == "country:RUS");
  CHECK((*p)[1].forward);
  CHECK_FALSE((*p)[2].forward);
  CHECK(representative_evidence(*(*p)[0].relation).text == "They met.");
  // restricted to metWith there is none
  CHECK_FALSE(shortest_path(g, "official:mevlut-cavusoglu", "official:vladimir-putin", {RelationType::MetWith}));
  CHECK_FALSE(shortest_path(g, "official:mevlut-cavusoglu", "official:putin-aide"));
}

TEST_CASE("neighbourhood by depth") {
  auto g = sample();
  CHECK(neighbourhood(g, "country:RUS", 1).size() == 3);
  CHECK(neighbourhood(g, "country:RUS", 2).size() == 4);
  CHECK(neighbourhood(g, "country:RUS", 0).size() == 1);
}
