#include <doctest/doctest.h>

#include "graph/resolver.hpp"

using namespace irgraph;
using namespace irgraph::graph;
using extract::DocumentRecords;
using extract::NodeRecord;
using extract::RelationRecord;

namespace {
NodeRecord node(int id, NodeType t, const std::string& name, const std::string& key = "", const std::string& country = "") {
  NodeRecord n;
  n.id = id;
  n.type = t;
  n.name = name;
  n.key = key;
  n.country = country;
  n.extractor = "test";
  n.rule = "rule";
  return n;
}
DocumentRecords doc(const std::string& id, std::vector<NodeRecord> nodes, std::vector<RelationRecord> rels = {}) {
  DocumentRecords d;
  d.doc_id = id;
  d.nodes = std::move(nodes);
  d.relations = std::move(rels);
  return d;
}
std::size_t officials(const KnowledgeGraph& g) {
  std::size_t n = 0;
  g.for_each_node([&](const Node& x) { n += x.type == NodeType::Official; });
  return n;
}
}  // namespace

TEST_CASE("the same person across documents: variants, diacritics, surnames") {
  KnowledgeGraph g;
  Resolver r(g);
  r.add(doc("d1", {node(0, NodeType::Official, "Sergey Shoygu"), node(1, NodeType::Official, "Mevlüt Çavuşoğlu")}));
  r.add(doc("d2", {node(0, NodeType::Official, "Sergei Shoigu"), node(1, NodeType::Official, "Mevlut Cavusoglu")}));
  r.add(doc("d3", {node(0, NodeType::Official, "Shoigu")}));
  CHECK(officials(g) == 2);
  const Node* s = g.find("official:sergey-shoygu");
  REQUIRE(s);
  CHECK(s->documents.size() == 3);
  bool translit = false;
  for (const auto& a : s->aliases) translit |= a.text == "Sergei Shoigu" && a.reason == "transliteration";
  CHECK(translit);
}

TEST_CASE("a surname seen first takes the full name that comes later, and keeps its key (its IRI)") {
  KnowledgeGraph g;
  Resolver r(g);
  r.add(doc("d1", {node(0, NodeType::Official, "Erdoğan")}));
  r.add(doc("d2", {node(0, NodeType::Official, "Recep Tayyip Erdoğan")}));
  r.add(doc("d3", {node(0, NodeType::Official, "Tayyip Erdogan")}));
  CHECK(officials(g) == 1);
  CHECK_FALSE(g.find("official:recep-tayyip-erdogan"));
  const Node* n = g.find("official:erdogan");  // minted first: an export made after d1 still points at him
  REQUIRE(n);
  CHECK(n->name == "Recep Tayyip Erdoğan");
  CHECK(n->documents.size() == 3);
  // with two full names of that surname known, a lone surname stays apart and takes neither
  KnowledgeGraph h;
  Resolver q(h);
  q.add(doc("d1", {node(0, NodeType::Official, "Bush")}));
  q.add(doc("d2", {node(0, NodeType::Official, "George W. Bush")}));
  q.add(doc("d3", {node(0, NodeType::Official, "Jeb Bush")}));
  CHECK(h.find("official:bush")->name == "George W. Bush");
  CHECK(h.find("official:jeb-bush"));
}

TEST_CASE("a name with its last family names dropped is the one longer name it begins, in either order") {
  KnowledgeGraph g;
  Resolver r(g);
  r.add(doc("d1", {node(0, NodeType::Official, "Amina Juma Mwinyi")}));
  r.add(doc("d2", {node(0, NodeType::Official, "Amina Juma")}));              // shorter after longer
  r.add(doc("d3", {node(0, NodeType::Official, "Khalid bin Hamad")}));
  r.add(doc("d4", {node(0, NodeType::Official, "Khalid bin Hamad Al Thani")}));  // longer after shorter
  CHECK(officials(g) == 2);
  const Node* a = g.find("official:amina-juma-mwinyi");
  REQUIRE(a);
  CHECK(a->documents.size() == 2);
  bool dropped = false;
  for (const auto& al : a->aliases) dropped |= al.text == "Amina Juma" && al.reason == "last name dropped";
  CHECK(dropped);
  const Node* k = g.find("official:khalid-bin-hamad");  // the first key stays
  REQUIRE(k);
  CHECK(k->name == "Khalid bin Hamad Al Thani");
}

TEST_CASE("no last-name-dropped guess: two longer names, a particle at the end, spellings that differ") {
  KnowledgeGraph g;
  Resolver r(g);
  r.add(doc("d1", {node(0, NodeType::Official, "Omar Hassan Ali"), node(1, NodeType::Official, "Omar Hassan Nur")}));
  r.add(doc("d2", {node(0, NodeType::Official, "Omar Hassan")}));  // which one? none
  r.add(doc("d3", {node(0, NodeType::Official, "Faisal Al Mutairi")}));
  r.add(doc("d4", {node(0, NodeType::Official, "Faisal Al")}));  // a cut name is no leading form
  // transliteration and dropped "al" make one person key, not one leading form: other men
  r.add(doc("d5", {node(0, NodeType::Official, "Mohammed Saleem Khan")}));
  r.add(doc("d6", {node(0, NodeType::Official, "Mohammed Al Salem")}));
  CHECK(g.find("official:omar-hassan"));
  CHECK(g.find("official:omar-hassan-ali")->documents.size() == 1);
  CHECK(g.find("official:omar-hassan-nur")->documents.size() == 1);
  CHECK(g.find("official:faisal-al"));
  CHECK(g.find("official:mohammed-al-salem"));
  CHECK(g.find("official:mohammed-saleem-khan")->documents.size() == 1);
}

TEST_CASE("different people who share a surname stay apart") {
  KnowledgeGraph g;
  Resolver r(g);
  r.add(doc("d1", {node(0, NodeType::Official, "Kim Jong Un"), node(1, NodeType::Official, "Kim Yo Jong")}));
  r.add(doc("d2", {node(0, NodeType::Official, "George W. Bush")}));
  r.add(doc("d3", {node(0, NodeType::Official, "George H. W. Bush")}));
  r.add(doc("d4", {node(0, NodeType::Official, "Bush")}));  // ambiguous: not guessed
  CHECK(g.find("official:kim-jong-un"));
  CHECK(g.find("official:kim-yo-jong"));
  CHECK(g.find("official:george-w-bush"));
  CHECK(g.find("official:george-h-w-bush"));
  CHECK(g.find("official:george-w-bush")->documents.size() == 1);
  CHECK(g.find("official:george-h-w-bush")->documents.size() == 1);
}

TEST_CASE("countries by ISO code, places by name within their country, acronyms across documents") {
  KnowledgeGraph g;
  Resolver r(g);
  auto d1 = doc("d1", {node(0, NodeType::Country, "Turkey", "TUR"), node(1, NodeType::Organization, "National Intelligence Organization"),
                       node(2, NodeType::Place, "Moscow", "moscow:rus", "RUS")});
  d1.nodes[1].aliases = {"MİT"};
  r.add(d1);
  r.add(doc("d2", {node(0, NodeType::Country, "Türkiye", "TUR"), node(1, NodeType::Organization, "MIT"),
                   node(2, NodeType::Place, "Moscow", "moscow:usa", "USA")}));
  CHECK(g.find("country:TUR")->documents.size() == 2);
  CHECK(g.find("org:national-intelligence-organization")->documents.size() == 2);
  CHECK(g.find("place:moscow:rus"));
  CHECK(g.find("place:moscow:usa"));
}

TEST_CASE("relations land between the resolved nodes") {
  KnowledgeGraph g;
  Resolver r(g);
  RelationRecord rel;
  rel.type = RelationType::OfficialOf;
  rel.source = 0;
  rel.target = 1;
  rel.evidence.sentence = 2;
  rel.evidence.text = "Russian President Vladimir Putin said.";
  rel.evidence.value = "President";
  rel.evidence.rule = "stated-country";
  r.add(doc("d1", {node(0, NodeType::Official, "Vladimir Putin"), node(1, NodeType::Country, "Russia", "RUS")}, {rel}));
  r.add(doc("d2", {node(0, NodeType::Official, "Putin"), node(1, NodeType::Country, "Russia", "RUS")}, {rel}));
  const Relation* x = g.relation("official:vladimir-putin", RelationType::OfficialOf, "country:RUS");
  REQUIRE(x);
  CHECK(x->evidence.size() == 2);
  CHECK(x->evidence[1].doc_id == "d2");
}
