// Extraction on sentences written for these tests (not taken from the dev set).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "extract/pipeline.hpp"
#include "tests/extract/extract_helpers.hpp"

using namespace irgraph;
using namespace irgraph::extract;
using namespace irgraph::extract::testing;


TEST_CASE("officials: title before the name, with a country adjective") {
  auto r = run("Greek Foreign Minister Nikos Dendias arrived on Sunday.");
  CHECK(has(r.nodes(), "Official:Nikos Dendias"));
  CHECK(has(r.nodes(), "Country:Greece"));
  CHECK(has(r.relations(true), "officialOf:Nikos Dendias->Greece[Foreign Minister]"));
}

TEST_CASE("officials: possessive and apposition") {
  auto r = run("Jaishankar Subrahmanyam, India's external affairs minister, spoke first. "
               "Ana Brnabic, the prime minister of Serbia, replied.");
  CHECK(has(r.relations(true), "officialOf:Ana Brnabic->Serbia[Prime Minister]"));
}

TEST_CASE("officials: a surname later in the document is the same person") {
  auto r = run("Austrian Chancellor Karl Nehammer visited Kyiv. Nehammer said the talks were open.");
  int karls = 0;
  for (const auto& n : r.r.nodes) karls += n.type == NodeType::Official;
  CHECK(karls == 1);
  REQUIRE(r.node("Karl Nehammer"));
  CHECK(std::count(r.node("Karl Nehammer")->aliases.begin(), r.node("Karl Nehammer")->aliases.end(), "Nehammer") == 1);
}

TEST_CASE("officials: counterparts take the role of the person they answer") {
  auto r = run("Prime Minister Kyriakos Mitsotakis and his Bulgarian counterpart Kiril Petkov met in Sofia.");
  CHECK(has(r.relations(true), "officialOf:Kiril Petkov->Bulgaria[Prime Minister]"));
  CHECK(has(r.relations(), "metWith:Kyriakos Mitsotakis->Kiril Petkov"));
}

TEST_CASE("officials: a regime names its leader") {
  auto r = run("Rebels said the Hafez Makhlouf regime had fallen.");
  CHECK(has(r.nodes(), "Official:Hafez Makhlouf"));
}

TEST_CASE("agreements: place + head, years, fixed names; variants merge") {
  auto r = run("Officials praised the Lusaka process. The Lusaka platform and the Lusaka talks go on. "
               "They mentioned the 2011 nuclear deal and the JCPOA.");
  int lusaka = 0;
  for (const auto& n : r.r.nodes) lusaka += n.type == NodeType::Agreement && n.name.rfind("Lusaka", 0) == 0;
  CHECK(lusaka == 1);
  CHECK(has(r.nodes(), "Agreement:2011 nuclear deal"));
  CHECK(has(r.nodes(), "Agreement:Joint Comprehensive Plan of Action"));
}

TEST_CASE("organisations: acronyms introduced in parentheses; head nouns") {
  auto r = run("The Southern Water Authority (SWA) met the Regional Planning Council. SWA later agreed.");
  REQUIRE(r.node("Southern Water Authority"));
  CHECK(std::count(r.node("Southern Water Authority")->aliases.begin(), r.node("Southern Water Authority")->aliases.end(),
                   "SWA") == 1);
  CHECK(has(r.nodes(), "Organization:Regional Planning Council"));
}

TEST_CASE("metWith: phone calls, with the date resolved") {
  auto r = run("President Emmanuel Macron and Chancellor Olaf Scholz discussed energy over the phone on Saturday.");
  CHECK(has(r.relations(true), "metWith:Emmanuel Macron->Olaf Scholz[call]"));
  REQUIRE(r.relation(RelationType::MetWith));
  CHECK(r.relation(RelationType::MetWith)->evidence.date == "2021-03-13");
  CHECK(r.relation(RelationType::MetWith)->evidence.extractor == "met-with");
}

TEST_CASE("metWith: negated or cancelled meetings make no relation") {
  auto r = run("President Emmanuel Macron did not meet Chancellor Olaf Scholz. "
               "Prime Minister Boris Johnson refused to meet President Joe Biden.");
  CHECK_FALSE(r.relation(RelationType::MetWith));
}

TEST_CASE("accompanied: active list and passive") {
  auto r = run("Defence Minister Ben Wallace and Home Secretary Priti Patel accompanied Prime Minister Boris Johnson. "
               "President Joe Biden, accompanied by Secretary of State Antony Blinken, arrived later.");
  auto rel = r.relations();
  CHECK(has(rel, "accompanied:Ben Wallace->Boris Johnson"));
  CHECK(has(rel, "accompanied:Priti Patel->Boris Johnson"));
  CHECK(has(rel, "accompanied:Antony Blinken->Joe Biden"));
}

TEST_CASE("signed: passive with between; conditions make none") {
  auto r = run("The Lusaka agreement was signed on Friday between President Edgar Lungu and President Felix Tshisekedi.");
  CHECK(has(r.relations(), "signed:Edgar Lungu->Lusaka agreement"));
  CHECK(has(r.relations(), "signed:Felix Tshisekedi->Lusaka agreement"));
  auto c = run("Officials said President Edgar Lungu would leave if President Felix Tshisekedi signed the Lusaka agreement.");
  CHECK_FALSE(c.relation(RelationType::Signed));
}

TEST_CASE("guarantorOf: guarantor countries resolved to the countries named") {
  auto r = run("Egypt, Qatar and Jordan are the guarantors of the Cairo agreement.");
  auto rel = r.relations();
  CHECK(has(rel, "guarantorOf:Egypt->Cairo agreement"));
  CHECK(has(rel, "guarantorOf:Qatar->Cairo agreement"));
  CHECK(has(rel, "guarantorOf:Jordan->Cairo agreement"));
}

TEST_CASE("visited: planned travel and done visits") {
  auto r = run("Japanese Foreign Minister Yoshimasa Hayashi will travel to Canberra and Wellington next week. "
               "Italian Foreign Minister Luigi Di Maio visited Algeria.");
  auto rel = r.relations(true);
  CHECK(has(rel, "visited:Yoshimasa Hayashi->Canberra[planned]"));
  CHECK(has(rel, "visited:Yoshimasa Hayashi->Wellington[planned]"));
  CHECK(has(rel, "visited:Luigi Di Maio->Algeria[done]"));
}

TEST_CASE("locatedIn: from the text and from the gazetteer when the country is named") {
  auto r = run("The Kenyan capital Nairobi hosted envoys from Ethiopia. Talks moved to Addis Ababa.");
  auto rel = r.relations();
  CHECK(has(rel, "locatedIn:Nairobi->Kenya"));
  CHECK(has(rel, "locatedIn:Addis Ababa->Ethiopia"));
}

TEST_CASE("descriptions resolve to the official named elsewhere") {
  auto r = run("Spanish Foreign Minister José Manuel Albares arrived. Later Prime Minister Mark Rutte held talks with "
               "the Spanish foreign minister in The Hague.");
  CHECK(has(r.relations(), "metWith:José Manuel Albares->Mark Rutte"));
}

TEST_CASE("every record is traceable to an extractor and a rule") {
  auto r = run("German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.");
  REQUIRE_FALSE(r.r.relations.empty());
  for (const auto& x : r.r.relations) {
    CHECK_FALSE(x.evidence.extractor.empty());
    CHECK_FALSE(x.evidence.rule.empty());
    CHECK(x.evidence.text.find("Scholz") != std::string::npos);
  }
  for (const auto& n : r.r.nodes) CHECK_FALSE(n.extractor.empty());
}

TEST_CASE("group descriptions stand for the entities named just before") {
  auto r = run("Egypt, Qatar and Jordan met on Monday. The three countries signed the Cairo accord. "
               "President Abdel Fattah el-Sisi hosted King Abdullah. The two leaders discussed trade.");
  auto rel = r.relations();
  CHECK(has(rel, "signed:Egypt->Cairo accord"));
  CHECK(has(rel, "signed:Qatar->Cairo accord"));
  CHECK(has(rel, "signed:Jordan->Cairo accord"));
  for (const auto& n : r.r.nodes) CHECK(n.name != "The three countries");  // a description is no entity
}

TEST_CASE("meetings still to come are not meetings that happened") {
  auto r = run("President Emmanuel Macron will meet Chancellor Olaf Scholz next week.");
  CHECK_FALSE(r.relation(RelationType::MetWith));
}

TEST_CASE("delegation members serve the leader's country") {
  auto r = run("Turkish Foreign Minister Mevlüt Çavuşoğlu arrived in Oslo. Trade Minister Ruhsar Pekcan, "
               "Interior Minister Süleyman Soylu and Energy Minister Fatih Dönmez accompanied Çavuşoğlu.");
  auto rel = r.relations();
  CHECK(has(rel, "officialOf:Ruhsar Pekcan->Turkey"));
  CHECK(has(rel, "officialOf:Süleyman Soylu->Turkey"));
  CHECK(has(rel, "officialOf:Fatih Dönmez->Turkey"));
}
