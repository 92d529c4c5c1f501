// Curation rules: stored, applied to every later ingest, forget and rebuild,
// undone, shared as a file; a merge leaves a redirect that exports keep.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "core/error.hpp"
#include "export/exporter.hpp"
#include "extract/pipeline.hpp"
#include "graph/curation.hpp"
#include "store/session.hpp"
#include "tests/store/store_helpers.hpp"

using namespace irgraph;
namespace fs = std::filesystem;
using graph::CurationAction;
using graph::CurationRule;

namespace {

std::string fresh(const std::string& name) { return test::fresh_store(name); }

extract::Document article(const std::string& id, const std::string& text) {
  extract::Document d;
  d.id = id;
  d.id_from_input = true;
  d.title = "t";
  d.date = "2021-06-01";
  d.text = text;
  return d;
}

const std::vector<extract::Document>& corpus() {
  static const std::vector<extract::Document> docs = {
      article("a", "Greek Foreign Minister Nikos Dendias met Turkish Foreign Minister Mevlüt Çavuşoğlu in Ankara."),
      article("b", "Dendias later visited Cyprus. Foreign Minister Nikos Dendias met President Nicos Anastasiades."),
      article("c", "Cypriot President Nicos Anastasiades spoke by phone with Greek Prime Minister Kyriakos Mitsotakis."),
      article("d", "Turkish Foreign Minister Mevlut Cavusoglu will travel to Athens on Friday."),
      article("e", "Greek Foreign Minister Dendias visited Cyprus on Monday.")};
  return docs;
}

void ingest(store::Session& s, const extract::Document& d) {
  static const extract::Pipeline pipeline;
  s.add(d, pipeline.extract(d));
}

using test::dump;

CurationRule rule(CurationAction a, std::string subject, std::string relation, std::string object) {
  CurationRule r;
  r.action = a;
  r.subject = std::move(subject);
  r.relation = std::move(relation);
  r.object = std::move(object);
  r.note = "test";
  return r;
}

/// A store given `rules` first and then every document: what a clean build with those rules holds.
std::string clean_build(const std::string& name, const std::vector<CurationRule>& rules, std::size_t docs) {
  store::Session s(fresh(name));
  s.import_rules(rules);
  for (std::size_t i = 0; i < docs; ++i) ingest(s, corpus()[i]);
  return dump(s.graph());
}

}  // namespace

TEST_CASE("a merge survives later ingests and forgets, leaves a redirect, and equals a clean build with the rule") {
  const auto path = fresh("curate-merge.db");
  store::Session s(path);
  for (std::size_t i = 0; i < 3; ++i) ingest(s, corpus()[i]);
  REQUIRE(s.graph().find("official:nikos-dendias"));
  const auto merge = rule(CurationAction::Merge, "official:nikos-dendias", "", "official:kyriakos-mitsotakis");
  const CurationRule stored = s.curate(merge);
  CHECK(stored.id > 0);
  CHECK_FALSE(stored.created_at.empty());
  CHECK(s.graph().find("official:nikos-dendias") == nullptr);
  CHECK(s.graph().current_key("official:nikos-dendias") == "official:kyriakos-mitsotakis");
  CHECK(s.graph().relation("official:kyriakos-mitsotakis", RelationType::MetWith, "official:mevlut-cavusoglu"));
  // the same decision again is not a second rule
  CHECK(s.curate(merge).id == stored.id);
  CHECK(s.curation().rules().size() == 1);
  // a later document naming Dendias goes to the entity that took him
  ingest(s, corpus()[4]);
  CHECK(s.graph().find("official:nikos-dendias") == nullptr);
  CHECK(s.graph().relation("official:kyriakos-mitsotakis", RelationType::Visited, "country:CYP"));
  // a forget rebuilds the graph with the rule
  CHECK(s.forget({"b"}).empty());
  CHECK(s.graph().find("official:nikos-dendias") == nullptr);
  // what a clean build of the documents left (a, c, e) with the rule holds
  {
    store::Session clean(fresh("curate-merge-clean2.db"));
    clean.import_rules({merge});
    for (const auto* id : {"a", "c", "e"})
      for (const auto& d : corpus())
        if (d.id == id) ingest(clean, d);
    CHECK(dump(clean.graph()) == dump(s.graph()));
  }
  // the store holds what the session holds, redirect included
  store::Store reread(path, store::Store::Mode::ReadOnly);
  CHECK(dump(reread.load()) == dump(s.graph()));
  CHECK(reread.load_topology().entities.current_key("official:nikos-dendias") == "official:kyriakos-mitsotakis");
}

TEST_CASE("a merge whose entity arrives later applies when it arrives, as a clean build does") {
  const auto merge = rule(CurationAction::Merge, "official:kyriakos-mitsotakis", "", "official:nikos-dendias");
  store::Session s(fresh("curate-late.db"));
  s.curate(merge);  // neither entity exists yet
  for (const auto& d : corpus()) ingest(s, d);
  CHECK(s.graph().find("official:kyriakos-mitsotakis") == nullptr);
  CHECK(s.graph().relation("official:nicos-anastasiades", RelationType::MetWith, "official:nikos-dendias"));
  CHECK(dump(s.graph()) == clean_build("curate-late-clean.db", {merge}, corpus().size()));
}

TEST_CASE("undo removes a rule and the graph is as if it had never been made") {
  const auto path = fresh("curate-undo.db");
  store::Session s(path);
  for (const auto& d : corpus()) ingest(s, d);
  const std::string before = dump(s.graph());
  const auto stored = s.curate(rule(CurationAction::Merge, "official:nikos-dendias", "", "official:kyriakos-mitsotakis"));
  CHECK(dump(s.graph()) != before);
  CHECK(s.undo(stored.id));
  CHECK(dump(s.graph()) == before);
  CHECK(s.graph().redirects().empty());
  CHECK_FALSE(s.undo(stored.id));
  // a rule's number is never given to another one: notes that cite "rule 1" keep their meaning
  const auto again = s.curate(rule(CurationAction::Merge, "official:nikos-dendias", "", "official:kyriakos-mitsotakis"));
  CHECK(again.id > stored.id);
  CHECK(s.undo(again.id));
  CHECK(store::Store(path, store::Store::Mode::ReadOnly).curation_rules().empty());
}

TEST_CASE("a split name becomes an entity of its own and is never the entity's alias again") {
  store::Session s(fresh("curate-split.db"));
  for (const auto& d : corpus()) ingest(s, d);
  const graph::Node* dendias = s.graph().find("official:nikos-dendias");
  REQUIRE(dendias);
  auto has_alias = [](const graph::Node* n, const std::string& a) {
    return std::any_of(n->aliases.begin(), n->aliases.end(), [&](const graph::Alias& x) { return x.text == a; });
  };
  REQUIRE(has_alias(dendias, "Dendias"));
  const auto split = rule(CurationAction::Split, "official:nikos-dendias", "", "Dendias");
  s.curate(split);
  // "Greek Foreign Minister Dendias visited Cyprus" (document e) is the split entity's
  const graph::Node* alone = s.graph().find("official:dendias");
  REQUIRE(alone);
  CHECK(alone->name == "Dendias");
  CHECK(s.graph().relation("official:dendias", RelationType::Visited, "country:CYP"));
  CHECK(s.graph().relation("official:dendias", RelationType::OfficialOf, "country:GRC"));
  CHECK_FALSE(has_alias(s.graph().find("official:nikos-dendias"), "Dendias"));
  CHECK(dump(s.graph()) == clean_build("curate-split-clean.db", {split}, corpus().size()));
}

TEST_CASE("a blocked name is no entity and its relations go with it; a type narrows the block") {
  store::Session s(fresh("curate-block.db"));
  for (const auto& d : corpus()) ingest(s, d);
  REQUIRE(s.graph().find("official:mevlut-cavusoglu"));
  s.curate(rule(CurationAction::Block, "Mevlut Cavusoglu", "Country", ""));  // no country has that name
  CHECK(s.graph().find("official:mevlut-cavusoglu"));
  s.curate(rule(CurationAction::Block, "mevlüt çavuşoğlu", "", ""));  // case and diacritics ignored
  CHECK(s.graph().find("official:mevlut-cavusoglu") == nullptr);
  CHECK(s.graph().find("place:athens:grc"));  // what else document d says stays
  CHECK_FALSE(s.graph().relation("official:mevlut-cavusoglu", RelationType::MetWith, "official:nikos-dendias"));
}

TEST_CASE("a renamed entity keeps its name when fuller names arrive; a rejected relation stays out whatever states it") {
  store::Session s(fresh("curate-rename.db"));
  ingest(s, corpus()[0]);
  REQUIRE(s.graph().find("official:nikos-dendias"));
  s.curate(rule(CurationAction::Rename, "official:nikos-dendias", "", "Dendias"));
  CHECK(s.graph().find("official:nikos-dendias")->name == "Dendias");
  ingest(s, corpus()[1]);  // "Nikos Dendias" again: a fuller name than the label, which it would replace
  const graph::Node* n = s.graph().find("official:nikos-dendias");
  REQUIRE(n);
  CHECK(n->name == "Dendias");
  CHECK(s.graph().relation("official:nicos-anastasiades", RelationType::MetWith, "official:nikos-dendias"));
  REQUIRE(s.graph().relation("official:nikos-dendias", RelationType::Visited, "country:CYP"));
  s.curate(rule(CurationAction::Reject, "official:nikos-dendias", "visited", "country:CYP"));
  CHECK_FALSE(s.graph().relation("official:nikos-dendias", RelationType::Visited, "country:CYP"));
  ingest(s, corpus()[4]);  // "Greek Foreign Minister Dendias visited Cyprus": stated again
  CHECK_FALSE(s.graph().relation("official:nikos-dendias", RelationType::Visited, "country:CYP"));
  CHECK(s.graph().relation("official:nikos-dendias", RelationType::OfficialOf, "country:GRC"));
}

TEST_CASE("rules go to a file and come back: validated, each decision once") {
  const std::vector<CurationRule> rules = {
      rule(CurationAction::Merge, "official:a", "", "official:b"), rule(CurationAction::Split, "official:b", "", "B \"Quoted\""),
      rule(CurationAction::Block, "Harry", "Official", ""), rule(CurationAction::Rename, "official:b", "", "Bé\nnot a break"),
      rule(CurationAction::Reject, "official:b", "metWith", "official:c")};
  auto with_break = rules;
  with_break[3].object = "Bé";
  const auto back = graph::rules_from_json(graph::rules_to_json(with_break));
  REQUIRE(back.size() == rules.size());
  for (std::size_t i = 0; i < back.size(); ++i) {
    CHECK(back[i].same_decision(with_break[i]));
    CHECK(back[i].note == "test");
  }
  CHECK_THROWS_WITH_AS(graph::rules_from_json("{\"irgraphCuration\": 1, \"rules\": [{\"action\": \"merge\", \"subject\": \"x\"}]}"),
                       doctest::Contains("rule 1"), Error);
  CHECK_THROWS_WITH_AS(graph::rules_from_json("{\"irgraphCuration\": 1, \"rules\": [{\"action\": \"explode\", \"subject\": \"x\"}]}"),
                       doctest::Contains("unknown action"), Error);
  CHECK_THROWS_WITH_AS(graph::rules_from_json("{\"rules\": []}"), doctest::Contains("not an irgraph curation file"), Error);
  CHECK_THROWS_WITH_AS(graph::rules_from_json("[1,"), doctest::Contains("bad JSON"), Error);
  CHECK_THROWS_WITH_AS(
      graph::rules_from_json("{\"irgraphCuration\": 1, \"rules\": [{\"action\": \"reject\", \"subject\": \"a\", \"relation\": \"likes\", \"object\": \"b\"}]}"),
      doctest::Contains("unknown relation type"), Error);
  CHECK_THROWS_AS(graph::rules_from_json("{\"irgraphCuration\": 1, \"rules\": [{\"action\": \"block\", \"subject\": \"a\\u001b[31m\"}]}"),
                  Error);
  // importing twice adds each decision once
  store::Session s(fresh("curate-import.db"));
  CHECK(s.import_rules(back) == back.size());
  CHECK(s.import_rules(back) == 0);
  CHECK(s.curation().rules().size() == back.size());
}

TEST_CASE("exports keep a merged entity's old key: owl:sameAs in RDF, formerKeys elsewhere") {
  store::Session s(fresh("curate-export.db"));
  for (const auto& d : corpus()) ingest(s, d);
  s.curate(rule(CurationAction::Merge, "official:nikos-dendias", "", "official:kyriakos-mitsotakis"));
  auto run = [&](const char* format) {
    std::ostringstream out;
    exporters::make_exporter(format)->write(s.graph(), {}, out);
    return out.str();
  };
  CHECK(run("ttl").find("owl:sameAs <urn:irgraph:entity:official:nikos-dendias>") != std::string::npos);
  const std::string jsonld = run("jsonld");
  CHECK(jsonld.find("\"@id\": \"owl:sameAs\"") != std::string::npos);
  CHECK(jsonld.find("\"urn:irgraph:entity:official:nikos-dendias\"") != std::string::npos);
  CHECK(run("graphml").find("<data key=\"former_keys\">official:nikos-dendias</data>") != std::string::npos);
  CHECK(run("gexf").find("<attvalue for=\"former_keys\" value=\"official:nikos-dendias\"/>") != std::string::npos);
  // and which rules touched an entity is known by its key or its old one
  const graph::Curation c(s.curation().rules());
  CHECK(c.touching(s.graph(), "official:kyriakos-mitsotakis").size() == 1);
  CHECK(c.touching(s.graph(), "official:mevlut-cavusoglu").empty());
}
