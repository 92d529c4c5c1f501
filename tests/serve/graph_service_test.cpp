// The answers of irgraph serve, without HTTP: what they hold, and that a bad
// parameter is a 400 with a message, an unknown thing a 404, never a crash.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include "extract/pipeline.hpp"
#include "serve/curation_service.hpp"
#include "serve/graph_service.hpp"
#include "store/session.hpp"
#include "tests/store/store_helpers.hpp"

using namespace irgraph;

namespace {

extract::Document article(const std::string& id, const std::string& date, const std::string& text) {
  extract::Document d;
  d.id = id;
  d.id_from_input = true;
  d.title = "Title " + id;
  d.date = date;
  d.text = text;
  return d;
}

void ingest(store::Session& s, const extract::Document& d) {
  static const extract::Pipeline pipeline;
  s.add(d, pipeline.extract(d));
}

std::string store_with_articles(const std::string& name) {
  const std::string path = test::fresh_store(name);
  store::Session s(path);
  ingest(s, article("a", "2021-06-01", "Greek Foreign Minister Nikos Dendias met Turkish Foreign Minister Mevlüt Çavuşoğlu in Ankara."));
  ingest(s, article("b", "2021-07-01", "Foreign Minister Nikos Dendias met President Nicos Anastasiades in Nicosia."));
  ingest(s, article("c", "2021-08-01", "Cypriot President Nicos Anastasiades spoke by phone with Greek Prime Minister Kyriakos Mitsotakis."));
  return path;
}

rapidjson::Document json(const serve::Answer& a) {
  rapidjson::Document d;
  d.Parse(a.body.c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

serve::Params params(std::initializer_list<std::pair<const std::string, std::string>> p) { return serve::Params(p); }

}  // namespace

TEST_CASE("serve: search finds entities by any word's beginning, diacritics ignored, the whole name first") {
  serve::GraphService service(store_with_articles("serve-search.db"));
  auto a = service.search(params({{"q", "cavus"}}));
  REQUIRE(a.status == 200);
  auto d = json(a);
  REQUIRE(d["entities"].Size() >= 1);
  CHECK(std::string(d["entities"][0]["key"].GetString()) == "official:mevlut-cavusoglu");
  // "nicos" begins a word of Nicos Anastasiades and of Nicosia; "dend" the surname of Nikos Dendias
  d = json(service.search(params({{"q", "dend"}})));
  REQUIRE(d["entities"].Size() == 1);
  CHECK(std::string(d["entities"][0]["name"].GetString()) == "Nikos Dendias");
  d = json(service.search(params({{"q", "Greece"}, {"type", "Country"}})));
  REQUIRE(d["entities"].Size() >= 1);
  CHECK(std::string(d["entities"][0]["key"].GetString()) == "country:GRC");
  d = json(service.search(params({{"q", "ni"}, {"limit", "1"}})));
  CHECK(d["entities"].Size() == 1);
}

TEST_CASE("serve: an entity, its neighbourhood, a connection, a relation's and a document's evidence") {
  serve::GraphService service(store_with_articles("serve-answers.db"));
  auto d = json(service.entity(params({{"key", "Dendias"}})));
  CHECK(std::string(d["key"].GetString()) == "official:nikos-dendias");
  CHECK(d["relations"].Size() >= 2);
  CHECK_FALSE(d.HasMember("relationsTotal"));
  const auto all = d["relations"].Size();
  d = json(service.entity(params({{"key", "Dendias"}, {"limit", "1"}})));  // a hub's first relations only
  CHECK(d["relations"].Size() == 1);
  CHECK(d["relationsTotal"].GetUint() == all);
  d = json(service.neighbourhood(params({{"key", "official:nikos-dendias"}, {"depth", "2"}})));
  CHECK(d["nodes"].Size() >= 4);
  CHECK(d["edges"].Size() >= 3);
  CHECK_FALSE(d["truncated"].GetBool());
  const auto first_edge = d["edges"][0]["id"].GetInt64();
  d = json(service.neighbourhood(params({{"key", "official:nikos-dendias"}, {"depth", "2"}, {"limit", "2"}})));
  CHECK(d["nodes"].Size() == 2);
  CHECK(d["truncated"].GetBool());
  // a date window keeps the relations with evidence in it (the event date of each sentence is its article's)
  d = json(service.neighbourhood(params({{"key", "official:nikos-dendias"}, {"relations", "metWith"}, {"from", "2021-07-01"}})));
  for (const auto& e : d["edges"].GetArray()) CHECK(std::string(e["relation"].GetString()) == "metWith");
  d = json(service.path(params({{"from", "Çavuşoğlu"}, {"to", "Mitsotakis"}, {"k", "2"}})));
  REQUIRE(d["paths"].Size() >= 1);
  CHECK(d["paths"][0]["steps"][0]["evidence"].Size() >= 1);
  d = json(service.relation(params({{"id", std::to_string(first_edge)}})));
  CHECK(d["evidence"].Size() >= 1);
  CHECK(d["documents"].Size() >= 1);
  d = json(service.document(params({{"id", "b"}})));
  CHECK(std::string(d["title"].GetString()) == "Title b");
  REQUIRE(d["evidence"].Size() >= 1);
  CHECK(std::string(d["evidence"][0]["sentence"].GetString()).find("Anastasiades") != std::string::npos);
  d = json(service.stats({}));
  CHECK(d["documents"].GetUint() == 3);
}

TEST_CASE("serve: a bad parameter is a 400 with a message, an unknown thing a 404") {
  serve::GraphService service(store_with_articles("serve-errors.db"));
  struct Case {
    serve::Answer answer;
    int status;
    const char* says;
  };
  const Case cases[] = {
      {service.search({}), 400, "parameter 'q' is required"},
      {service.search(params({{"q", "x"}, {"limit", "0"}})), 400, "'limit' must be a whole number from 1 to 100"},
      {service.search(params({{"q", "x"}, {"limit", "12abc"}})), 400, "'limit'"},
      {service.search(params({{"q", "\xff\xfe"}})), 400, "not UTF-8"},
      {service.search(params({{"q", std::string(5000, 'a')}})), 400, "longer than"},
      {service.search(params({{"q", "x"}, {"type", "Planet"}})), 400, "unknown node type"},
      {service.neighbourhood(params({{"key", "Dendias"}, {"depth", "9"}})), 400, "'depth'"},
      {service.neighbourhood(params({{"key", "Dendias"}, {"from", "2021/07/01"}})), 400, "YYYY-MM-DD"},
      {service.neighbourhood(params({{"key", "Dendias"}, {"relations", "likes"}})), 400, "unknown relation type"},
      {service.path(params({{"from", "Dendias"}, {"to", "Mitsotakis"}, {"byHops", "maybe"}})), 400, "true or false"},
      {service.path(params({{"from", "Dendias"}})), 400, "'to' is required"},
      {service.entity(params({{"key", "Nobody At All"}})), 404, "no entity named"},
      {service.relation(params({{"id", "999999"}})), 404, "no relation"},
      {service.relation(params({{"id", "-1"}})), 400, "'id'"},
      {service.document(params({{"id", "zzz"}})), 404, "no document"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.answer.body);
    CHECK(c.answer.status == c.status);
    auto d = json(c.answer);
    REQUIRE(d.HasMember("error"));
    CHECK(std::string(d["error"].GetString()).find(c.says) != std::string::npos);
  }
}

TEST_CASE("serve: answers follow the store when another process ingests into it") {
  const std::string path = store_with_articles("serve-follow.db");
  serve::GraphService service(path);
  CHECK(service.entity(params({{"key", "Ruto"}})).status == 404);
  {
    store::Session s(path);
    ingest(s, article("d", "2021-09-01", "Kenyan President William Ruto visited Uganda."));
  }
  CHECK(service.entity(params({{"key", "Ruto"}})).status == 200);
}

TEST_CASE("serve: curation over HTTP makes and undoes rules only when allowed, and the answers follow") {
  const std::string path = store_with_articles("serve-curation.db");
  serve::GraphService service(path);
  serve::CurationService read_only(path, false);
  CHECK(read_only.add(R"({"action": "block", "subject": "Dendias"})").status == 403);
  CHECK(read_only.undo(params({{"id", "1"}})).status == 403);
  CHECK_FALSE(json(read_only.list())["editable"].GetBool());
  serve::CurationService curation(path, true);
  CHECK(curation.add("not json").status == 400);
  CHECK(curation.add(R"({"action": "explode", "subject": "x"})").status == 400);
  CHECK(curation.add(R"({"action": "merge", "subject": "Dendias"})").status == 400);
  CHECK(curation.add(R"({"action": "merge", "subject": "Nobody Known", "object": "Mitsotakis"})").status == 404);
  auto made = curation.add(R"({"action": "merge", "subject": "Dendias", "object": "Mitsotakis", "note": "test"})");
  REQUIRE(made.status == 200);
  const auto id = json(made)["id"].GetInt64();
  auto d = json(service.entity(params({{"key", "official:nikos-dendias"}})));
  CHECK(std::string(d["key"].GetString()) == "official:kyriakos-mitsotakis");
  CHECK(json(curation.list())["rules"].Size() == 1);
  CHECK(curation.undo(params({{"id", "x"}})).status == 400);
  CHECK(curation.undo(params({{"id", "999"}})).status == 404);
  CHECK(curation.undo(params({{"id", std::to_string(id)}})).status == 200);
  d = json(service.entity(params({{"key", "official:nikos-dendias"}})));
  CHECK(std::string(d["key"].GetString()) == "official:nikos-dendias");
}
