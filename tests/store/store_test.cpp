#include <doctest/doctest.h>

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "extract/pipeline.hpp"
#include "graph/path_finder.hpp"
#include "graph/resolver.hpp"
#include "export/exporter.hpp"
#include "store/session.hpp"
#include "tests/store/store_helpers.hpp"
#include "store/store.hpp"

#include <sstream>

using namespace irgraph;
namespace fs = std::filesystem;

namespace {
std::string fresh(const std::string& name) { return test::fresh_store(name); }

extract::Document article(const std::string& id, const std::string& text) {
  extract::Document d;
  d.id = id;
  d.title = text.substr(0, 20);
  d.date = "2021-06-01";
  d.text = text;
  return d;
}

void ingest(store::Session& s, const extract::Document& d) {
  static const extract::Pipeline pipeline;
  s.add(d, pipeline.extract(d));
}

std::string jsonld(const graph::KnowledgeGraph& g) {
  std::ostringstream out;
  exporters::make_exporter("jsonld")->write(g, {}, out);
  return out.str();
}

const std::vector<extract::Document>& corpus() {
  static const std::vector<extract::Document> docs = {
      article("a", "Greek Foreign Minister Nikos Dendias met Turkish Foreign Minister Mevlüt Çavuşoğlu in Ankara."),
      article("b", "Dendias later visited Cyprus. Foreign Minister Nikos Dendias met President Nicos Anastasiades."),
      article("c", "Cypriot President Nicos Anastasiades spoke by phone with Greek Prime Minister Kyriakos Mitsotakis."),
      article("d", "Turkish Foreign Minister Mevlut Cavusoglu will travel to Athens on Friday.")};
  return docs;
}

using test::dump;
}  // namespace

TEST_CASE("the graph survives a round trip through the store") {
  auto path = fresh("roundtrip.db");
  std::string before;
  {
    store::Session s(path);
    for (const auto& d : corpus()) ingest(s, d);
    before = dump(s.graph());
    CHECK(s.store().content_owner(corpus()[0].content_hash()) == std::optional<std::string>("a"));
  }
  store::Store again(path, store::Store::Mode::ReadOnly);
  auto loaded = again.load();
  CHECK(dump(loaded) == before);
  CHECK(again.stats().documents == 4);
  CHECK(again.document("b")->date == "2021-06-01");
  CHECK(again.schema_version() == store::kSchemaVersion);
}

TEST_CASE("ingesting the same content again adds nothing") {
  auto path = fresh("idempotent.db");
  store::Session s(path);
  ingest(s, corpus()[0]);
  auto before = dump(s.graph());
  auto again = corpus()[0];
  again.id = "another-id";  // same text under another name
  static const extract::Pipeline pipeline;
  CHECK(s.add(again, pipeline.extract(again)) == store::Session::Added::Copy);
  CHECK(s.add(again, pipeline.extract(again)) == store::Session::Added::Duplicate);
  CHECK(s.store().stats().copies == 1);
  CHECK(dump(s.graph()) == before);
  CHECK(s.store().stats().documents == 1);
}

TEST_CASE("a later commit appends evidence without duplicating what is stored") {
  auto path = fresh("append.db");
  store::Session s(path);
  ingest(s, article("a", "Greek Foreign Minister Nikos Dendias visited Egypt."));
  ingest(s, article("b", "Greek Foreign Minister Nikos Dendias visited Egypt again on Monday."));
  auto loaded = s.store().load();
  CHECK(loaded.evidence_count() == s.graph().evidence_count());
  CHECK(loaded.relation("official:nikos-dendias", RelationType::Visited, "country:EGY")->evidence.size() == 2);
}

TEST_CASE("after ingests, forgets and replacements the store equals one clean ingest of what survives") {
  // a, b, c, d, then forget b, replace d with new text, forget a nothing-id
  auto messy = fresh("messy.db");
  {
    store::Session s(messy);
    for (const auto& d : corpus()) ingest(s, d);
    CHECK(s.forget({"b", "no-such-doc"}) == std::vector<std::string>{"no-such-doc"});
    auto d2 = article("d", "Turkish Foreign Minister Mevlut Cavusoglu met Greek Prime Minister Kyriakos Mitsotakis in Athens.");
    static const extract::Pipeline pipeline;
    CHECK(s.add(d2, pipeline.extract(d2)) == store::Session::Added::Replaced);
  }
  auto clean = fresh("clean.db");
  {
    store::Session s(clean);
    ingest(s, corpus()[0]);
    ingest(s, corpus()[2]);
    ingest(s, article("d", "Turkish Foreign Minister Mevlut Cavusoglu met Greek Prime Minister Kyriakos Mitsotakis in Athens."));
  }
  store::Store m(messy, store::Store::Mode::ReadOnly), c(clean, store::Store::Mode::ReadOnly);
  CHECK(jsonld(m.load()) == jsonld(c.load()));
  CHECK(m.stats().documents == 3);
  CHECK(m.stats().evidence == c.stats().evidence);
  CHECK(m.load().find("official:nicos-anastasiades") != nullptr);  // still supported by c
}

TEST_CASE("a document skipped as a copy of another outlives the one it copied") {
  // b has a's text (skipped as a duplicate at ingest); forgetting or replacing
  // a must leave the store a clean ingest of b would give (issue 13, item 1)
  static const extract::Pipeline pipeline;
  const auto a = corpus()[0];
  auto b = a;
  b.id = "b-copy";
  b.date = "2021-06-03";  // its own metadata: its evidence is dated by it
  const auto c = corpus()[2];
  auto clean_of = [&](const std::string& name, const std::vector<extract::Document>& docs) {
    auto path = fresh(name);
    store::Session s(path);
    for (const auto& d : docs) s.add(d, pipeline.extract(d));
    return jsonld(s.graph());
  };

  SUBCASE("forget the original") {
    auto path = fresh("copy-forget.db");
    store::Session s(path);
    for (const auto& d : {a, b, c}) s.add(d, pipeline.extract(d));
    CHECK(s.store().stats().documents == 2);
    CHECK(s.forget({"a"}).empty());
    CHECK(jsonld(s.graph()) == clean_of("copy-forget-clean.db", {b, c}));
    CHECK(jsonld(s.store().load()) == jsonld(s.graph()));
    CHECK(s.store().document("b-copy")->date == "2021-06-03");
    CHECK(s.forget({"b-copy"}).empty());  // the copy is a document like any other now
    CHECK(jsonld(s.graph()) == clean_of("copy-forget-clean2.db", {c}));
  }
  SUBCASE("forget the copy") {
    auto path = fresh("copy-forget-copy.db");
    store::Session s(path);
    for (const auto& d : {a, b, c}) s.add(d, pipeline.extract(d));
    CHECK(s.forget({"b-copy"}).empty());  // known, so no "no document with id"
    CHECK(jsonld(s.graph()) == clean_of("copy-forget-copy-clean.db", {a, c}));
    CHECK(s.forget({"a"}).empty());
    CHECK(jsonld(s.graph()) == clean_of("copy-forget-copy-clean2.db", {c}));
  }
  SUBCASE("replace the original") {
    auto path = fresh("copy-replace.db");
    store::Session s(path);
    for (const auto& d : {a, b, c}) s.add(d, pipeline.extract(d));
    auto a2 = article("a", "Cypriot President Nicos Anastasiades visited Athens.");
    CHECK(s.add(a2, pipeline.extract(a2)) == store::Session::Added::Replaced);
    CHECK(jsonld(s.store().load()) == clean_of("copy-replace-clean.db", {b, c, a2}));
  }
  SUBCASE("a copy that changes is stored as itself") {
    auto path = fresh("copy-change.db");
    store::Session s(path);
    for (const auto& d : {a, b}) s.add(d, pipeline.extract(d));
    auto b2 = article("b-copy", "Cypriot President Nicos Anastasiades visited Athens.");
    CHECK(s.add(b2, pipeline.extract(b2)) == store::Session::Added::Replaced);
    CHECK(jsonld(s.store().load()) == clean_of("copy-change-clean.db", {a, b2}));
    CHECK(s.forget({"a"}).empty());
    CHECK(jsonld(s.store().load()) == clean_of("copy-change-clean2.db", {b2}));
  }
  SUBCASE("a document edited to equal another becomes its copy") {
    auto path = fresh("copy-edit.db");
    store::Session s(path);
    for (const auto& d : {a, c}) s.add(d, pipeline.extract(d));
    auto c_as_a = a;
    c_as_a.id = c.id;
    CHECK(s.add(c_as_a, pipeline.extract(c_as_a)) == store::Session::Added::Copy);
    CHECK(jsonld(s.store().load()) == clean_of("copy-edit-clean.db", {a}));  // c's old text is gone
    CHECK(s.forget({"a"}).empty());
    CHECK(jsonld(s.store().load()) == clean_of("copy-edit-clean2.db", {c_as_a}));
  }
}

TEST_CASE("an id read from another source replaces nothing unless asked") {
  static const extract::Pipeline pipeline;
  auto path = fresh("sources.db");
  store::Session s(path);
  auto first = article("1", "Kenyan President William Ruto visited Ethiopia.");
  first.source = "/feeds/a.jsonl";
  auto other = article("1", "Canadian Prime Minister Justin Trudeau visited Kyiv.");
  other.source = "/feeds/b.jsonl";
  CHECK(s.add(first, pipeline.extract(first)) == store::Session::Added::New);
  CHECK(s.add(other, pipeline.extract(other)) == store::Session::Added::Conflict);
  CHECK(s.store().document("1")->source == "/feeds/a.jsonl");
  CHECK(s.graph().find("official:justin-trudeau") == nullptr);
  // in one batch too: the first of the batch is the stored one
  auto fresh_id = article("2", "Kenyan President William Ruto visited Ethiopia again.");
  fresh_id.source = "/feeds/a.jsonl";
  auto fresh_other = fresh_id;
  fresh_other.text = "Canadian Prime Minister Justin Trudeau visited Kyiv again.";
  fresh_other.source = "/feeds/b.jsonl";
  CHECK(s.add({{fresh_id, pipeline.extract(fresh_id)}, {fresh_other, pipeline.extract(fresh_other)}}) ==
        std::vector<store::Session::Added>{store::Session::Added::New, store::Session::Added::Conflict});
  // its own source replaces it; so does any source when asked
  auto edited = first;
  edited.text = "Kenyan President William Ruto visited Uganda.";
  CHECK(s.add(edited, pipeline.extract(edited)) == store::Session::Added::Replaced);
  s.replace_across_sources(true);
  CHECK(s.add(other, pipeline.extract(other)) == store::Session::Added::Replaced);
  CHECK(s.store().document("1")->source == "/feeds/b.jsonl");
  CHECK(s.graph().find("official:justin-trudeau") != nullptr);
}

TEST_CASE("two sessions on one store see each other's documents") {
  auto path = fresh("two-writers.db");
  store::Session first(path);
  store::Session second(path);
  ingest(first, corpus()[0]);
  ingest(second, corpus()[1]);  // second reloads: its graph was loaded before a's commit
  ingest(first, corpus()[2]);
  store::Store check(path, store::Store::Mode::ReadOnly);
  CHECK(check.stats().documents == 3);
  auto g = check.load();
  CHECK(g.find("official:nikos-dendias")->documents.size() == 2);
  CHECK(dump(g) == dump(first.graph()));
}

TEST_CASE("a version 1 store is migrated in place") {
  auto path = fresh("v1.db");
  {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    const char* v1 =
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES('schema_version', '1'), ('application', 'irgraph');"
        "CREATE TABLE documents(id TEXT PRIMARY KEY, hash TEXT NOT NULL, title TEXT, date TEXT, url TEXT, origin TEXT,"
        " text TEXT NOT NULL, ingested_at TEXT NOT NULL);"
        "INSERT INTO documents VALUES('old', 'x', 'Old', '2019-01-02', '', 'old.txt',"
        " 'Egyptian Foreign Minister Sameh Shoukry met Jordanian Foreign Minister Ayman Safadi in Cairo.', '2019-01-02T00:00:00Z');";
    REQUIRE(sqlite3_exec(db, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  {
    store::Session s(path);
    CHECK(s.store().schema_version() == store::kSchemaVersion);
    CHECK(s.graph().relation("official:ayman-safadi", RelationType::MetWith, "official:sameh-shoukry") != nullptr);
  }
  store::Store again(path, store::Store::Mode::ReadOnly);
  CHECK(again.load().relation("official:ayman-safadi", RelationType::MetWith, "official:sameh-shoukry") != nullptr);
}

TEST_CASE("a version 2 store is migrated to keep copies") {
  auto path = fresh("v2.db");
  {
    store::Session s(path);
    ingest(s, corpus()[0]);
  }
  {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    // the layout of version 2: no copies, no sources
    REQUIRE(sqlite3_exec(db,
                         "DROP TABLE document_copies; DROP INDEX documents_source; ALTER TABLE documents DROP COLUMN source;"
                         "ALTER TABLE documents DROP COLUMN public_id; DROP TABLE curation; DROP TABLE redirects;"
                         "UPDATE meta SET value='2' WHERE key='schema_version'",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  store::Session s(path);
  CHECK(s.store().schema_version() == store::kSchemaVersion);
  auto copy = corpus()[0];
  copy.id = "copy";
  static const extract::Pipeline pipeline;
  CHECK(s.add(copy, pipeline.extract(copy)) == store::Session::Added::Copy);
  CHECK(s.forget({"a"}).empty());
  CHECK(s.store().document("copy").has_value());
  CHECK(s.store().document("copy")->source.empty());  // unknown, as for every document stored before
}

TEST_CASE("a file that is not a store is refused with a clear error, and left alone") {
  auto path = fresh("notes.db");
  { std::ofstream(path) << "these are my notes, not a database\n"; }
  CHECK_THROWS_WITH_AS(store::Store{path}, doctest::Contains("not an SQLite database"), StoreError);
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  CHECK(first == "these are my notes, not a database");
}

TEST_CASE("an SQLite database of another program is refused") {
  auto path = fresh("other.db");
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE accounts(id INTEGER)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  CHECK_THROWS_WITH_AS(store::Store{path}, doctest::Contains("not an irgraph store"), StoreError);
}

TEST_CASE("a store from a newer irgraph is refused") {
  auto path = fresh("newer.db");
  { store::Store created(path); }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "UPDATE meta SET value='99' WHERE key='schema_version'", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  CHECK_THROWS_WITH_AS(store::Store{path}, doctest::Contains("newer"), StoreError);
}

TEST_CASE("reading a missing store says how to make one") {
  CHECK_THROWS_WITH_AS(store::Store(fresh("missing.db"), store::Store::Mode::ReadOnly), doctest::Contains("ingest"), StoreError);
}

TEST_CASE("one batch gives the store that adding its documents one by one gives, duplicates and replacements included") {
  static const extract::Pipeline pipeline;
  auto docs = corpus();
  auto replacement = article("a", "Turkish Foreign Minister Mevlut Cavusoglu met Greek Prime Minister Kyriakos Mitsotakis in Athens.");
  auto duplicate = docs[1];
  duplicate.id = "copy-of-b";
  std::vector<extract::Document> sequence = docs;
  sequence.push_back(replacement);
  sequence.push_back(duplicate);

  auto one_by_one = fresh("one-by-one.db");
  std::vector<store::Session::Added> expected;
  {
    store::Session s(one_by_one);
    for (const auto& d : sequence) expected.push_back(s.add(d, pipeline.extract(d)));
  }
  auto batched = fresh("batched.db");
  {
    store::Session s(batched);
    std::vector<store::Session::Pending> batch;
    for (const auto& d : sequence) batch.push_back({d, pipeline.extract(d)});
    CHECK(s.add(batch) == expected);
  }
  CHECK(expected.back() == store::Session::Added::Copy);
  CHECK(expected[expected.size() - 2] == store::Session::Added::Replaced);
  store::Store a(one_by_one, store::Store::Mode::ReadOnly), b(batched, store::Store::Mode::ReadOnly);
  CHECK(jsonld(a.load()) == jsonld(b.load()));
  CHECK(a.stats().documents == b.stats().documents);
}

TEST_CASE("a search on the store's topology answers as one on the loaded graph, hop for hop and with the same evidence") {
  const std::string path = fresh("topology.db");
  {
    store::Session s(path);
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(IRGRAPH_SAMPLE_ARTICLES))
      if (f.path().extension() == ".txt") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 4);
    for (const auto& f : files) {
      std::ifstream in(f);
      std::stringstream text;
      text << in.rdbuf();
      ingest(s, article(f.stem().string(), text.str()));
    }
  }
  store::Store db(path, store::Store::Mode::ReadOnly);
  const graph::KnowledgeGraph full = db.load();
  const store::Topology topology = db.load_topology();
  CHECK(topology.entities.node_count() == full.node_count());
  CHECK(topology.entities.relation_count() == 0);  // evidence and relations stay in the store
  CHECK(topology.relations.size() == full.relation_count());
  graph::PathFinder on_graph(full), on_store(topology.entities, topology.relations);
  std::vector<std::string> keys;
  full.for_each_node([&](const graph::Node& n) { keys.push_back(n.key); });
  std::size_t compared = 0, hops = 0;
  for (std::size_t i = 0; i < keys.size(); ++i)
    for (std::size_t j = 0; j < keys.size(); ++j) {
      for (const std::set<RelationType>& via : {std::set<RelationType>{}, std::set<RelationType>{RelationType::MetWith}}) {
        auto a = on_graph.shortest_path(keys[i], keys[j], via), b = on_store.shortest_path(keys[i], keys[j], via);
        REQUIRE(a.has_value() == b.has_value());
        if (!a) continue;
        REQUIRE(a->size() == b->size());
        for (std::size_t h = 0; h < a->size(); ++h) {
          const auto &x = (*a)[h], &y = (*b)[h];
          CHECK(x.from == y.from);
          CHECK(x.to == y.to);
          CHECK(x.type == y.type);
          CHECK(x.forward == y.forward);
          const graph::Relation stored = db.relation(y.relation_id);
          REQUIRE(stored.evidence.size() == x.relation->evidence.size());
          for (std::size_t e = 0; e < stored.evidence.size(); ++e) {
            CHECK(stored.evidence[e].same_mention(x.relation->evidence[e]));
            CHECK(stored.evidence[e].text == x.relation->evidence[e].text);
          }
          ++hops;
        }
        ++compared;
      }
    }
  CHECK(compared > 300);
  CHECK(hops > 600);
  // an entity's relations read from the store are the loaded graph's, in the same order
  std::size_t relations = 0;
  full.for_each_node([&](const graph::Node& n) {
    const graph::Node* m = topology.entities.find(n.key);
    REQUIRE(m);
    CHECK(db.mentioning_documents(n.key) == n.documents.size());
    const auto stored = db.relations_of(topology, *m);
    std::size_t k = 0;
    full.for_each_relation_of(n.key, [&](const graph::Node& s, const graph::Relation& r, const graph::Node& t) {
      REQUIRE(k < stored.size());
      CHECK(stored[k].source->key == s.key);
      CHECK(stored[k].target->key == t.key);
      CHECK(stored[k].relation.type == r.type);
      REQUIRE(stored[k].relation.evidence.size() == r.evidence.size());
      for (std::size_t e = 0; e < r.evidence.size(); ++e) CHECK(stored[k].relation.evidence[e].same_mention(r.evidence[e]));
      ++k;
    });
    CHECK(k == stored.size());
    relations += k;
  });
  CHECK(relations == 2 * full.relation_count());
  CHECK_THROWS_AS(db.relation(1'000'000'000), StoreError);
}

TEST_CASE("a relation the store holds without evidence is reported as damage, never loaded half") {
  const std::string path = fresh("no-evidence.db");
  {
    store::Session s(path);
    for (const auto& d : corpus()) ingest(s, d);
  }
  std::int64_t id = 0;
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT min(id) FROM relations", -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    const std::string sql = "DELETE FROM evidence WHERE relation = " + std::to_string(id);
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  store::Store db(path, store::Store::Mode::ReadOnly);
  CHECK_THROWS_WITH_AS(db.load(), doctest::Contains("has no evidence"), StoreError);
  CHECK_THROWS_WITH_AS(db.relation(id), doctest::Contains("has no evidence"), StoreError);
  CHECK(db.load_topology().relations.size() >= 2);  // the topology does not read evidence
}

TEST_CASE("a version 3 store is migrated to public ids: document IRIs lose the local path") {
  auto path = fresh("v3.db");
  auto from_file = article("articles/a.txt", corpus()[0].text);
  from_file.origin = "./articles/a.txt";
  from_file.id_from_path = true;
  auto from_feed = article("afp-1", corpus()[1].text);
  from_feed.origin = "feed.jsonl:1";
  from_feed.id_from_input = true;
  {
    store::Session s(path);
    ingest(s, from_file);
    ingest(s, from_feed);
  }
  {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    REQUIRE(sqlite3_exec(db,
                         "ALTER TABLE documents DROP COLUMN public_id; ALTER TABLE document_copies DROP COLUMN public_id;"
                         "DROP TABLE curation; DROP TABLE redirects; UPDATE meta SET value='3' WHERE key='schema_version'",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  store::Session s(path);
  CHECK(s.store().schema_version() == store::kSchemaVersion);
  const std::string out = jsonld(s.graph());
  CHECK(out.find("urn:irgraph:document:content:" + from_file.content_hash()) != std::string::npos);
  CHECK(out.find("urn:irgraph:document:afp-1") != std::string::npos);
  CHECK(out.find("urn:irgraph:document:articles") == std::string::npos);
  // and a rebuild (forget) keeps them
  CHECK(s.forget({"afp-1"}).empty());
  CHECK(jsonld(s.graph()).find("urn:irgraph:document:content:" + from_file.content_hash()) != std::string::npos);
}
