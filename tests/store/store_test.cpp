#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "extract/pipeline.hpp"
#include "graph/resolver.hpp"
#include "store/store.hpp"

using namespace irgraph;
namespace fs = std::filesystem;

namespace {
std::string fresh(const std::string& name) {
  fs::create_directories(IRGRAPH_TEST_TMP);
  fs::path p = fs::path(IRGRAPH_TEST_TMP) / name;
  for (auto s : {"", "-wal", "-shm"}) fs::remove(p.string() + s);
  return p.string();
}

extract::Document article(const std::string& id, const std::string& text) {
  extract::Document d;
  d.id = id;
  d.title = text.substr(0, 20);
  d.date = "2021-06-01";
  d.text = text;
  return d;
}

void ingest(store::Store& db, graph::KnowledgeGraph& g, const extract::Document& d) {
  static const extract::Pipeline pipeline;
  graph::Resolver r(g);
  r.add(pipeline.extract(d));
  g.set_document({d.id, d.title, d.date, d.url});
  db.commit(d, g);
}

std::string dump(const graph::KnowledgeGraph& g) {
  std::string s;
  g.for_each_node([&](const graph::Node& n) {
    s += n.key + "|" + n.name;
    for (const auto& a : n.aliases) s += "|" + a.text;
    s += "\n";
  });
  g.for_each_relation([&](const graph::Node& a, const graph::Relation& r, const graph::Node& b) {
    s += a.key + " " + std::string(name(r.type)) + " " + b.key + " x" + std::to_string(r.evidence.size()) + "\n";
  });
  return s;
}
}  // namespace

TEST_CASE("the graph survives a round trip through the store") {
  auto path = fresh("roundtrip.db");
  graph::KnowledgeGraph g;
  {
    store::Store db(path);
    ingest(db, g, article("a", "Greek Foreign Minister Nikos Dendias met Turkish Foreign Minister Mevlüt Çavuşoğlu in Ankara."));
    ingest(db, g, article("b", "Dendias later visited Cyprus. Foreign Minister Nikos Dendias met President Nicos Anastasiades."));
    CHECK(db.has_content(article("a", "Greek Foreign Minister Nikos Dendias met Turkish Foreign Minister Mevlüt Çavuşoğlu in Ankara.").content_hash()));
  }
  store::Store again(path, store::Store::Mode::ReadOnly);
  auto loaded = again.load();
  CHECK(dump(loaded) == dump(g));
  CHECK(loaded.evidence_count() == g.evidence_count());
  CHECK(again.stats().documents == 2);
  CHECK(again.document("b")->date == "2021-06-01");
}

TEST_CASE("a later commit appends evidence without duplicating what is stored") {
  auto path = fresh("append.db");
  graph::KnowledgeGraph g;
  store::Store db(path);
  ingest(db, g, article("a", "Greek Foreign Minister Nikos Dendias visited Egypt."));
  ingest(db, g, article("b", "Greek Foreign Minister Nikos Dendias visited Egypt again on Monday."));
  auto loaded = db.load();
  CHECK(loaded.evidence_count() == g.evidence_count());
  CHECK(loaded.relation("official:nikos-dendias", RelationType::Visited, "country:EGY")->evidence.size() == 2);
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
  { store::Store db(path); }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "UPDATE meta SET value='99' WHERE key='schema_version'", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  CHECK_THROWS_WITH_AS(store::Store{path}, doctest::Contains("newer"), StoreError);
}

TEST_CASE("reading a missing store says how to make one") {
  CHECK_THROWS_WITH_AS(store::Store(fresh("missing.db"), store::Store::Mode::ReadOnly), doctest::Contains("ingest"), StoreError);
}
