#include <doctest/doctest.h>

#include "core/error.hpp"
#include "graph/path_finder.hpp"
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

/// Deterministic pseudo-random numbers below n (a linear congruential generator).
struct Lcg {
  std::uint64_t x;
  int n;
  int operator()() {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((x >> 33) % static_cast<std::uint64_t>(n));
  }
};

/// n nodes "<prefix>0".."<prefix>n-1" of `type` and up to m random relations, of type(i) for the i-th.
template <class TypeOf>
KnowledgeGraph random_graph(const std::string& prefix, NodeType type, int n, int m, Lcg& next, TypeOf type_of) {
  KnowledgeGraph g;
  for (int i = 0; i < n; ++i) g.upsert_node(prefix + std::to_string(i), type, "N" + std::to_string(i));
  for (int i = 0; i < m; ++i) {
    int a = next(), b = next();
    if (a != b) g.add_evidence(prefix + std::to_string(a), type_of(i), prefix + std::to_string(b), ev("e" + std::to_string(i)));
  }
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

TEST_CASE("the bidirectional search finds paths as short as a plain breadth-first search") {
  const int n = 300;
  Lcg next{12345, n};
  auto g = random_graph("place:p", NodeType::Place, n, 450, next, [](int) { return RelationType::LocatedIn; });
  for (int q = 0; q < 60; ++q) {
    std::string a = "place:p" + std::to_string(next()), b = "place:p" + std::to_string(next());
    auto p = shortest_path(g, a, b);
    int plain = -1;
    for (int d = 0; d <= n && plain < 0; ++d)
      if (neighbourhood(g, a, d).count(b)) plain = d;
    if (plain < 0) {
      CHECK_FALSE(p.has_value());
      continue;
    }
    REQUIRE(p.has_value());
    CHECK(static_cast<int>(p->size()) == plain);
    if (!p->empty()) {
      CHECK(p->front().from == a);
      CHECK(p->back().to == b);
      for (std::size_t h = 1; h < p->size(); ++h) CHECK((*p)[h - 1].to == (*p)[h].from);
    }
  }
}

TEST_CASE("one path finder answers many queries like fresh searches, directions and filters included") {
  const int n = 200;
  Lcg next{777, n};
  auto g = random_graph("official:o", NodeType::Official, n, 320, next,
                        [](int i) { return i % 3 == 0 ? RelationType::Accompanied : RelationType::MetWith; });
  PathFinder finder(g);
  for (int q = 0; q < 150; ++q) {
    std::string a = "official:o" + std::to_string(next()), b = "official:o" + std::to_string(next());
    std::set<RelationType> via;
    if (q % 4 == 0) via = {RelationType::MetWith};
    auto reused = finder.shortest_path(a, b, via);
    auto fresh = shortest_path(g, a, b, via);
    REQUIRE(reused.has_value() == fresh.has_value());
    if (!reused) continue;
    REQUIRE(reused->size() == fresh->size());
    for (std::size_t h = 0; h < reused->size(); ++h) {
      const Hop& hop = (*reused)[h];
      CHECK(hop.from == (*fresh)[h].from);
      CHECK(hop.to == (*fresh)[h].to);
      if (!via.empty()) CHECK(hop.type == RelationType::MetWith);
      // the hop's relation exists in the direction it claims
      const Relation* r = hop.forward ? g.relation(hop.from, hop.type, hop.to) : g.relation(hop.to, hop.type, hop.from);
      CHECK(r == hop.relation);
    }
  }
  CHECK_FALSE(finder.shortest_path("official:o1", "official:nobody").has_value());
  CHECK(finder.shortest_path("official:o1", "official:o1")->empty());
}

TEST_CASE("a name of a megabyte or with terminal escapes is answered at once, and shown short and inert") {
  KnowledgeGraph g;
  g.upsert_node("official:a", NodeType::Official, "Annalena Baerbock");
  try {
    lookup(g, std::string(1 << 20, 'a'));
    FAIL("no error");
  } catch (const LookupError& e) {
    CHECK(std::string(e.what()).size() < 200);
    CHECK(std::string(e.what()).find("1048576 bytes") != std::string::npos);
  }
  try {
    lookup(g, "Nobody\x1b]0;owned\x07\x1b[31m");
    FAIL("no error");
  } catch (const LookupError& e) {
    CHECK(std::string(e.what()).find('\x1b') == std::string::npos);
    CHECK(std::string(e.what()).find('\x07') == std::string::npos);
  }
}

namespace {
/// a and z joined three ways: through a country (2 hops), through two officials
/// (3 hops), and through an agreement and an organisation (3 hops, one relation
/// of two evidence items dated 2021).
KnowledgeGraph three_ways() {
  KnowledgeGraph g;
  for (const auto& [key, type] : std::vector<std::pair<std::string, NodeType>>{
           {"official:a", NodeType::Official}, {"official:z", NodeType::Official}, {"country:C", NodeType::Country},
           {"official:p", NodeType::Official}, {"official:q", NodeType::Official}, {"agreement:t", NodeType::Agreement},
           {"org:o", NodeType::Organization}})
    g.upsert_node(key, type, key.substr(key.find(':') + 1));
  g.add_evidence("official:a", RelationType::OfficialOf, "country:C", ev("a of C", "2020-05-01"));
  g.add_evidence("official:z", RelationType::OfficialOf, "country:C", ev("z of C", "2020-05-01"));
  g.add_evidence("official:a", RelationType::MetWith, "official:p", ev("a met p", "2020-05-01"));
  g.add_evidence("official:p", RelationType::MetWith, "official:q", ev("p met q", "2020-05-01"));
  g.add_evidence("official:q", RelationType::MetWith, "official:z", ev("q met z", "2020-05-01"));
  g.add_evidence("official:a", RelationType::Signed, "agreement:t", ev("a signed t", "2021-03-01"));
  g.add_evidence("official:a", RelationType::Signed, "agreement:t", ev("a signed t again", "2021-04-01"));
  g.add_evidence("org:o", RelationType::PartyTo, "agreement:t", ev("o party to t", "2021-03-01"));
  g.add_evidence("official:z", RelationType::OfficialOf, "org:o", ev("z of o", "2021-03-01"));
  return g;
}
std::vector<std::string> through(const WeightedPath& p) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < p.hops.size(); ++i) out.push_back(p.hops[i].to);
  return out;
}
}  // namespace

TEST_CASE("paths worth reading: weighed by entity type, fewest hops on request, avoided types and entities") {
  KnowledgeGraph g = three_ways();
  PathFinder f(g);
  PathOptions o;
  auto best = f.best_paths("official:a", "official:z", o);
  REQUIRE(best.size() == 1);
  // through p and q (1 + 1 + 1) before the country (4 + 1) and the agreement and organisation (1 + 2 + 1)
  CHECK(through(best[0]) == std::vector<std::string>{"official:p", "official:q"});
  CHECK(best[0].cost == 3);
  o.by_hops = true;
  best = f.best_paths("official:a", "official:z", o);
  CHECK(through(best[0]) == std::vector<std::string>{"country:C"});
  CHECK(best[0].cost == 2);
  o = {};
  o.avoid_nodes = {"official:p"};
  o.avoid_types = {NodeType::Country};
  best = f.best_paths("official:a", "official:z", o);
  REQUIRE(best.size() == 1);
  CHECK(through(best[0]) == std::vector<std::string>{"agreement:t", "org:o"});
  o.avoid_types = {NodeType::Country, NodeType::Agreement};
  CHECK(f.best_paths("official:a", "official:z", o).empty());
  // the ends may be of an avoided type
  o = {};
  o.avoid_types = {NodeType::Country};
  CHECK(f.best_paths("official:a", "country:C", o).size() == 1);
}

TEST_CASE("paths worth reading: at most N hops, relations kept by a test, k alternatives best first and distinct") {
  KnowledgeGraph g = three_ways();
  PathFinder f(g);
  PathOptions o;
  o.max_hops = 2;
  auto best = f.best_paths("official:a", "official:z", o);
  REQUIRE(best.size() == 1);
  CHECK(through(best[0]) == std::vector<std::string>{"country:C"});  // the cheaper ones are 3 hops long
  o.max_hops = 1;
  CHECK(f.best_paths("official:a", "official:z", o).empty());
  o = {};
  o.keep = [](std::int64_t, const Relation* r) { return r->evidence.size() >= 2 || r->type != RelationType::Signed; };
  o.avoid_types = {NodeType::Country};
  o.avoid_nodes = {"official:p"};
  CHECK(f.best_paths("official:a", "official:z", o).size() == 1);  // the signed relation has 2 evidence items
  o.keep = [](std::int64_t, const Relation* r) { return r->type != RelationType::Signed; };
  CHECK(f.best_paths("official:a", "official:z", o).empty());
  o = {};
  o.k = 5;
  auto all = f.best_paths("official:a", "official:z", o);
  REQUIRE(all.size() == 3);  // only three loopless ways exist
  CHECK(all[0].cost == 3);
  CHECK(all[1].cost == 4);  // agreement 1, organisation 2, z 1
  CHECK(all[2].cost == 5);  // country 4, z 1
  CHECK(through(all[1]) == std::vector<std::string>{"agreement:t", "org:o"});
  CHECK(through(all[2]) == std::vector<std::string>{"country:C"});
  o.k = 2;
  CHECK(f.best_paths("official:a", "official:z", o).size() == 2);
}
