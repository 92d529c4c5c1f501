#include "store/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <limits>
#include <map>
#include <thread>
#include <unordered_map>

#include "core/error.hpp"
#include "extract/pipeline.hpp"
#include "extract/records_json.hpp"
#include "graph/resolver.hpp"

namespace irgraph::store {

namespace {
/// "store: PATH: what happened", in the user's terms for the failures a user can act on.
std::string describe_failure(sqlite3* db, const std::string& path, const std::string& detail) {
  const int code = db ? sqlite3_extended_errcode(db) & 0xff : SQLITE_NOMEM;
  const std::string where = "store: " + path + ": ";
  switch (code) {
    case SQLITE_READONLY: return where + "store is read-only (permissions of the file or its folder, or a read-only file system)";
    case SQLITE_FULL: return "store: disk full while writing " + path;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return where + "store truncated or damaged: restore it from a backup, or rebuild it with 'irgraph ingest' (sqlite3 " +
             path + " .recover may save part of it)";
    case SQLITE_IOERR: return where + "I/O error (" + detail + "): is the disk full or failing?";
    case SQLITE_CANTOPEN: return where + "cannot open (" + detail + ")";
    default: return where + detail;
  }
}
}  // namespace

/// Prepared statements kept for reuse: preparing costs more than running the
/// small statements a batch runs thousands of times.
class StatementCache {
 public:
  StatementCache(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~StatementCache() {
    for (auto& [sql, st] : idle_) sqlite3_finalize(st);
  }
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  sqlite3* db() const { return db_; }
  const std::string& path() const { return path_; }
  /// An idle statement for `sql`, or a newly prepared one.
  sqlite3_stmt* take(const char* sql) {
    if (auto it = idle_.find(sql); it != idle_.end()) {
      sqlite3_stmt* st = it->second;
      idle_.erase(it);
      return st;
    }
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK) {
      sqlite3_finalize(st);
      throw StoreError(describe_failure(db_, path_, std::string("cannot prepare statement: ") + sqlite3_errmsg(db_)));
    }
    return st;
  }
  /// Takes a statement back, reset (one kept per SQL text; a second one in use at the same time is finalised).
  void give_back(const char* sql, sqlite3_stmt* st) {
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (!idle_.emplace(sql, st).second) sqlite3_finalize(st);
  }

 private:
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> idle_;
};

namespace {

/// A prepared statement from the store's cache, given back on scope exit; every step checked.
class Stmt {
 public:
  Stmt(StatementCache& cache, const char* sql) : cache_(cache), sql_(sql), db_(cache.db()), st_(cache.take(sql)) {}
  ~Stmt() { cache_.give_back(sql_, st_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, const std::string& s) {
    check(sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Stmt& bind(int i, std::int64_t v) {
    check(sqlite3_bind_int64(st_, i, v));
    return *this;
  }
  /// true while rows come
  bool step() {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError(describe_failure(db_, cache_.path(), sqlite3_errmsg(db_)));
  }
  void run() {
    while (step()) {}
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  void reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  std::string text(int col) const { return std::string(view(col)); }
  /// A text column without a copy (valid until the next step).
  std::string_view view(int col) const {
    auto* p = sqlite3_column_text(st_, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st_, col)))
             : std::string_view();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throw StoreError(std::string("store: bind failed: ") + sqlite3_errmsg(db_));
  }
  StatementCache& cache_;
  const char* sql_;
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id TEXT PRIMARY KEY, hash TEXT NOT NULL, title TEXT, date TEXT, url TEXT, origin TEXT,
  text TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(hash);
CREATE TABLE IF NOT EXISTS nodes(
  key TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, country TEXT, origin TEXT);
CREATE TABLE IF NOT EXISTS aliases(
  node TEXT NOT NULL REFERENCES nodes(key) ON DELETE CASCADE, alias TEXT NOT NULL, reason TEXT,
  PRIMARY KEY(node, alias));
CREATE TABLE IF NOT EXISTS node_documents(
  node TEXT NOT NULL REFERENCES nodes(key) ON DELETE CASCADE, doc TEXT NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY(node, doc));
CREATE TABLE IF NOT EXISTS relations(
  id INTEGER PRIMARY KEY, source TEXT NOT NULL REFERENCES nodes(key) ON DELETE CASCADE, type TEXT NOT NULL,
  target TEXT NOT NULL REFERENCES nodes(key) ON DELETE CASCADE, UNIQUE(source, type, target));
CREATE TABLE IF NOT EXISTS evidence(
  relation INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE, doc TEXT NOT NULL,
  sentence INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
  date TEXT, value TEXT, extractor TEXT, rule TEXT);
CREATE INDEX IF NOT EXISTS evidence_relation ON evidence(relation);
CREATE INDEX IF NOT EXISTS evidence_doc ON evidence(doc);
CREATE INDEX IF NOT EXISTS node_documents_doc ON node_documents(doc);
)sql";

// Version 2: each document's extraction records, in ingest order.
const char* kSchemaV2 = R"sql(
CREATE TABLE IF NOT EXISTS document_records(
  doc TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, seq INTEGER NOT NULL, records TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS document_records_seq ON document_records(seq);
)sql";

// Version 3: documents skipped at ingest because another document has their
// content ("copies"), with their own metadata and records, so that removing
// the document they copy leaves them in the graph as a clean ingest would;
// and each document's source (the canonical path of its input), so that
// document identity does not depend on how a path was typed and an id from
// another input never replaces a document unasked.
const char* kSchemaV3 = R"sql(
CREATE TABLE IF NOT EXISTS document_copies(
  id TEXT PRIMARY KEY, of TEXT NOT NULL, seq INTEGER NOT NULL, hash TEXT NOT NULL, title TEXT, date TEXT, url TEXT,
  origin TEXT, records TEXT NOT NULL, ingested_at TEXT NOT NULL, source TEXT);
CREATE INDEX IF NOT EXISTS document_copies_of ON document_copies(of, seq);
ALTER TABLE documents ADD COLUMN source TEXT;
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE INDEX IF NOT EXISTS document_copies_source ON document_copies(source);
)sql";

// Version 4: each document's public id (what its IRI is made of: the input's
// own id or URL, else its content hash, never a local path); the curation
// rules a team's corrections are stored as, applied on every ingest, forget
// and rebuild; and the keys that merged entities leave behind, pointing to
// the entity that took them (exported as owl:sameAs).
const char* kSchemaV4 = R"sql(
ALTER TABLE documents ADD COLUMN public_id TEXT;
ALTER TABLE document_copies ADD COLUMN public_id TEXT;
CREATE TABLE IF NOT EXISTS curation(
  id INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL, subject TEXT NOT NULL, relation TEXT NOT NULL DEFAULT '',
  object TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS redirects(key TEXT PRIMARY KEY, target TEXT NOT NULL, reason TEXT NOT NULL);
)sql";

/// The next position in ingest order, over documents and their copies (a
/// literal, for statements that are literals too: the cache keys on them).
#define IRGRAPH_NEXT_SEQ \
  "(SELECT max(coalesce((SELECT max(seq) FROM document_records), 0), coalesce((SELECT max(seq) FROM document_copies), 0)) + 1)"

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Store::Store(const std::string& path, Mode mode) : path_(path) {
  std::error_code fec;
  if (std::filesystem::is_directory(path, fec))
    throw StoreError("store: " + path + " is a folder: --db names the store file (for example " + path + "/irgraph.db)");
  if (mode == Mode::ReadOnly && !std::filesystem::exists(path))
    throw StoreError("store: " + path + ": no such store (run 'irgraph ingest' first, or name one with --db)");
  int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("store: " + path + ": cannot open: " + msg);
  }
  sqlite3_busy_timeout(db_, 30000);
  stmts_ = std::make_unique<StatementCache>(db_, path);
  // Another process opening or creating the same store at this moment can make
  // a statement here fail with "database is locked" at once (SQLite does not
  // wait where waiting could deadlock, e.g. switching a new file to WAL): try again.
  auto busy = [&](const StoreError& e) {
    const int code = sqlite3_errcode(db_) & 0xff;
    const std::string what = e.what();
    return code == SQLITE_BUSY || code == SQLITE_LOCKED || what.find("database is locked") != std::string::npos ||
           what.find("database table is locked") != std::string::npos;
  };
  auto setup = [&] {
    // reading the schema is the first access: a file that is not a database fails here
    try {
      Stmt probe(*stmts_, "SELECT count(*) FROM sqlite_master");
      probe.step();
    } catch (const StoreError& e) {
      if (busy(e)) throw;
      char header[16] = {};
      std::FILE* f = std::fopen(path.c_str(), "rb");
      const bool sqlite = f && std::fread(header, 1, sizeof header, f) == sizeof header &&
                          std::memcmp(header, "SQLite format 3", 16) == 0;
      if (f) std::fclose(f);
      if (sqlite) throw;  // described by its SQLite error: damaged, truncated, read-only ...
      throw StoreError("store: " + path + ": not an SQLite database (is --db pointing at the right file?)");
    }
    exec("PRAGMA foreign_keys = ON");
    // Identify the file before writing a byte to it: an irgraph store carries
    // irgraph's application id (stores made before it: a meta table that says so).
    bool has_meta = false, has_tables = false, legacy = false;
    std::int64_t app_id = 0;
    {  // one statement, one snapshot: another process may be creating the store
      Stmt st(*stmts_,
              "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'), "
              "EXISTS(SELECT 1 FROM sqlite_master WHERE type='table'), "
              "EXISTS(SELECT 1 FROM sqlite_master WHERE type='table' AND name='documents'), "
              "(SELECT application_id FROM pragma_application_id)");
      st.step();
      has_meta = st.integer(0) != 0;
      has_tables = st.integer(1) != 0;
      legacy = has_meta && st.integer(2) != 0;
      app_id = st.integer(3);
    }
    if (legacy && app_id == 0) {  // made before the application id: its meta table says whose it is
      Stmt st(*stmts_, "SELECT (SELECT value FROM meta WHERE key='application'), "
                       "EXISTS(SELECT 1 FROM meta WHERE key='schema_version')");
      st.step();
      const std::string app = st.text(0);
      legacy = app == "irgraph" || (app.empty() && st.integer(1) != 0);
    }
    const bool ours = app_id == kApplicationId || (app_id == 0 && legacy);
    if ((has_tables || app_id != 0) && !ours)
      throw StoreError("store: " + path + ": an SQLite database, but not an irgraph store (nothing was written to it)");
    if (has_meta) {
      const int v = schema_version();
      if (v > kSchemaVersion)
        throw StoreError("store: " + path + ": schema version " + std::to_string(v) + " is newer than this irgraph (" +
                         std::to_string(kSchemaVersion) + "); upgrade irgraph");
    }
    if (mode == Mode::ReadWrite) {
      // a 64 MB page cache: the store's pages are read back often while a batch
      // updates indexes (a read per page otherwise)
      exec("PRAGMA cache_size = -65536");
      exec("PRAGMA page_size = 16384");  // takes effect for a new store only: fewer, larger writes
      exec("PRAGMA journal_mode = WAL");
      if (app_id != kApplicationId) exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
      exec("PRAGMA synchronous = NORMAL");
      // checkpoint the WAL into the database every 32 MB (2,048 pages of 16 KB) rather than every 4 MB:
      // pages that many batches touch (hub nodes, indexes) are copied fewer times
      exec("PRAGMA wal_autocheckpoint = 2048");
    }
    if (mode == Mode::ReadWrite) migrate();
    else if (!has_meta) throw StoreError("store: " + path + ": empty store (run 'irgraph ingest' first)");
  };
  try {
    for (int attempt = 0;; ++attempt) {
      try {
        setup();
        break;
      } catch (const StoreError& e) {
        if (!busy(e) || attempt >= 1000) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(5 + attempt % 25));
      }
    }
  } catch (const StoreError&) {
    stmts_.reset();
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  } catch (const std::exception& e) {
    stmts_.reset();
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("store: " + path + ": " + e.what());
  }
}

Store::~Store() {
  stmts_.reset();  // statements before the connection
  if (db_) sqlite3_close(db_);
}

void Store::exec(const char* sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    throw StoreError(describe_failure(db_, path_, msg));
  }
}

void Store::migrate() {
  auto version = [&] {
    Stmt has(*stmts_, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'");
    if (!has.step()) return 0;
    return schema_version();
  };
  if (version() == kSchemaVersion) return;
  WriteTransaction tx(*this);
  const int from = version();  // again under the lock: another process may have migrated meanwhile
  if (from == kSchemaVersion) return;
  exec(kSchema);
  if (from < 2) exec(kSchemaV2);
  if (from < 3) exec(kSchemaV3);
  if (from < 4) {
    exec(kSchemaV4);
    // a document stored before public ids: its id is the input's unless it is
    // the path it was read from (a plain-text file, a JSON line without id)
    const std::pair<const char*, const char*> tables[] = {
        {"SELECT id, origin, hash FROM documents", "UPDATE documents SET public_id=?2 WHERE id=?1"},
        {"SELECT id, origin, hash FROM document_copies", "UPDATE document_copies SET public_id=?2 WHERE id=?1"}};
    for (const auto& [select, update] : tables) {
      std::vector<std::pair<std::string, std::string>> ids;  // id, public id
      {
        Stmt st(*stmts_, select);
        while (st.step()) {
          const std::string id = st.text(0), origin = st.text(1);
          ids.emplace_back(id, extract::id_is_local(id, origin) ? "content:" + st.text(2) : id);
        }
      }
      Stmt up(*stmts_, update);
      for (const auto& [id, pub] : ids) up.bind(1, id).bind(2, pub).run();
    }
  }
  if (from == 1) {
    // Version 1 kept no extraction records: extract them again from the stored
    // text and rebuild the graph from them, so records and graph agree.
    extract::Pipeline pipeline;
    std::vector<extract::Document> docs;
    {
      Stmt st(*stmts_, "SELECT id, title, date, url, origin, text FROM documents ORDER BY rowid");
      while (st.step()) {
        extract::Document d;
        d.id = st.text(0);
        d.title = st.text(1);
        d.date = st.text(2);
        d.url = st.text(3);
        d.origin = st.text(4);
        d.text = st.text(5);
        docs.push_back(std::move(d));
      }
    }
    Stmt ins(*stmts_, "INSERT INTO document_records(doc, seq, records) VALUES(?1, ?2, ?3)");
    std::int64_t seq = 0;
    graph::KnowledgeGraph g;
    graph::Resolver resolver(g);
    for (const auto& d : docs) {
      auto records = pipeline.extract(d);
      resolver.add(records);
      g.set_document(meta_of(d));
      ins.bind(1, d.id).bind(2, ++seq).bind(3, extract::records_to_json(records)).run();
    }
    rewrite_graph(g);
  }
  Stmt st(*stmts_, "INSERT INTO meta(key, value) VALUES('schema_version', ?1) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
  st.bind(1, std::to_string(kSchemaVersion)).run();
  Stmt app(*stmts_, "INSERT OR IGNORE INTO meta(key, value) VALUES('application', 'irgraph')");
  app.run();
  Stmt gen(*stmts_, "INSERT OR IGNORE INTO meta(key, value) VALUES('generation', '0')");
  gen.run();
  tx.commit();
}

int Store::schema_version() const {
  Stmt st(*stmts_, "SELECT value FROM meta WHERE key='schema_version'");
  if (!st.step()) return 0;
  const std::string v = st.text(0);
  int n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < 0)
    throw StoreError("store: " + path_ + ": store damaged: schema version '" + v.substr(0, 40) +
                     "' is not a number (restore the store from a backup, or rebuild it with 'irgraph ingest')");
  return n;
}

std::uint64_t Store::generation() const {
  Stmt st(*stmts_, "SELECT value FROM meta WHERE key='generation'");
  return st.step() ? std::stoull(st.text(0)) : 0;
}

void Store::bump_generation() {
  exec("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'");
}

ReadTransaction::ReadTransaction(const Store& s) : db_(s.db_), own_(sqlite3_get_autocommit(s.db_) != 0) {
  if (own_ && sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
    throw StoreError("store: " + s.path() + ": cannot begin a read: " + sqlite3_errmsg(db_));
}

ReadTransaction::~ReadTransaction() {
  if (own_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
}

WriteTransaction::WriteTransaction(Store& s) : store_(s) { store_.exec("BEGIN IMMEDIATE"); }

WriteTransaction::~WriteTransaction() {
  if (!done_) sqlite3_exec(store_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void WriteTransaction::commit() {
  store_.exec("COMMIT");
  done_ = true;
}

std::optional<std::string> Store::content_owner(const std::string& hash) const {
  Stmt st(*stmts_, "SELECT id FROM documents WHERE hash = ?1");
  st.bind(1, hash);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

bool Store::has_document(const std::string& id, const std::string& hash) const {
  Stmt st(*stmts_,
          "SELECT 1 FROM documents WHERE id = ?1 AND hash = ?2 UNION ALL SELECT 1 FROM document_copies WHERE id = ?1 AND hash = ?2");
  st.bind(1, id).bind(2, hash);
  return st.step();
}

bool Store::is_stored(const std::string& id) const {
  Stmt st(*stmts_, "SELECT 1 FROM documents WHERE id = ?1 UNION ALL SELECT 1 FROM document_copies WHERE id = ?1");
  st.bind(1, id);
  return st.step();
}

namespace {
DocumentInfo document_at(const Stmt& st) {
  return {st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6), st.text(7)};
}
}  // namespace

std::optional<DocumentInfo> Store::document(const std::string& id) const {
  Stmt st(*stmts_, "SELECT id, hash, title, date, url, origin, ingested_at, source FROM documents WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return document_at(st);
}

std::vector<DocumentInfo> Store::documents() const {
  std::vector<DocumentInfo> out;
  Stmt st(*stmts_, "SELECT id, hash, title, date, url, origin, ingested_at, source FROM documents ORDER BY id");
  while (st.step()) out.push_back(document_at(st));
  return out;
}

std::optional<std::string> Store::source_of(const std::string& id) const {
  Stmt st(*stmts_,
          "SELECT coalesce(source, '') FROM documents WHERE id = ?1 UNION ALL "
          "SELECT coalesce(source, '') FROM document_copies WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

std::optional<std::string> Store::id_of_source(const std::string& source) const {
  Stmt st(*stmts_, "SELECT id FROM documents WHERE source = ?1 UNION ALL SELECT id FROM document_copies WHERE source = ?1 LIMIT 2");
  st.bind(1, source);
  if (!st.step()) return std::nullopt;
  std::string id = st.text(0);
  if (st.step()) return std::nullopt;  // a file of many documents (JSON Lines): no one id
  return id;
}

namespace {

/// The evidence item in columns from `c` on: doc, sentence, begin, end, text,
/// date, value, extractor, rule.
graph::Evidence evidence_at(const Stmt& st, int c) {
  auto atom = [&](int col) { return graph::Atom(st.view(col)); };
  return {atom(c), static_cast<std::uint32_t>(st.integer(c + 1)), static_cast<std::uint32_t>(st.integer(c + 2)),
          static_cast<std::uint32_t>(st.integer(c + 3)), atom(c + 4), atom(c + 5), atom(c + 6), atom(c + 7), atom(c + 8)};
}

/// Node key -> Node::ordinal for the millions of lookups of a topology load:
/// open addressing over 16-byte slots (hash, ordinal, the key's place in one
/// buffer of all keys), so a lookup touches a slot and the buffer, not the
/// node. std::unordered_map took 56% of a 1M-node topology load.
class KeyNumbers {
 public:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  explicit KeyNumbers(const graph::KnowledgeGraph& g) {
    std::size_t size = 16;
    while (size < 2 * g.node_count()) size *= 2;
    slots_.resize(size);
    g.for_each_node([&](const graph::Node& n) {
      if (keys_.size() + n.key.size() > std::numeric_limits<std::uint32_t>::max())
        throw StoreError("store: node keys beyond 4 GB");
      const Slot slot{hash(n.key), static_cast<std::uint32_t>(n.ordinal), static_cast<std::uint32_t>(keys_.size()),
                      static_cast<std::uint32_t>(n.key.size())};
      keys_ += n.key;
      for (std::size_t i = slot.hash & (size - 1);; i = (i + 1) & (size - 1))
        if (slots_[i].ordinal == kNone) {
          slots_[i] = slot;
          break;
        }
    });
  }

  std::uint32_t find(std::string_view key) const {
    const std::uint32_t h = hash(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.ordinal == kNone) return kNone;
      if (s.hash == h && s.size == key.size() && std::string_view(keys_).substr(s.offset, s.size) == key) return s.ordinal;
    }
  }

 private:
  struct Slot {
    std::uint32_t hash = 0, ordinal = kNone, offset = 0, size = 0;
  };
  static std::uint32_t hash(std::string_view key) {
    const std::size_t h = std::hash<std::string_view>{}(key);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  std::vector<Slot> slots_;
  std::string keys_;
};

}  // namespace

std::size_t Store::relation_id_bound() const {
  Stmt st(*stmts_, "SELECT coalesce(max(id), 0) FROM relations");
  st.step();
  return static_cast<std::size_t>(st.integer(0)) + 1;
}

void Store::load_entities(graph::KnowledgeGraph& g, bool mentions) const {
  {
    Stmt st(*stmts_, "SELECT id, title, date, url, public_id FROM documents");
    while (st.step()) g.set_document({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4)});
  }
  {
    Stmt st(*stmts_, "SELECT key, type, name, country, origin FROM nodes");
    while (st.step()) {
      auto type = node_type_from(st.text(1));
      if (!type) throw StoreError("store: " + path_ + ": node " + st.text(0) + " has unknown type " + st.text(1));
      auto& n = g.upsert_node(st.text(0), *type, st.text(2));
      n.country = st.text(3);
      n.origin = st.text(4);
    }
  }
  {
    Stmt st(*stmts_, "SELECT node, alias, reason FROM aliases ORDER BY rowid");
    while (st.step()) g.add_alias(st.text(0), st.text(1), st.text(2));
  }
  if (mentions) {
    Stmt st(*stmts_, "SELECT node, doc, mentions FROM node_documents");
    while (st.step()) g.add_document_mention(st.text(0), st.text(1), static_cast<std::uint32_t>(st.integer(2)));
  }
  {
    Stmt st(*stmts_, "SELECT key, target, reason FROM redirects");
    while (st.step()) g.set_redirect(st.text(0), {st.text(1), st.text(2)});
  }
}

graph::KnowledgeGraph Store::load() const {
  ReadTransaction snapshot(*this);
  graph::KnowledgeGraph g;
  g.track_changes(false);  // the store holds all of it already
  {
    Stmt size(*stmts_, "SELECT (SELECT count(*) FROM nodes), (SELECT count(*) FROM relations)");
    size.step();
    g.reserve(static_cast<std::size_t>(size.integer(0)), static_cast<std::size_t>(size.integer(1)));
  }
  load_entities(g, true);
  // Relations in id order (the table's own order: no join, no sort), then
  // evidence in stored order appended to its relation by id: the store holds
  // no duplicates, so no check per item. load_topology() gives the same order.
  std::vector<graph::Relation*> by_id(relation_id_bound(), nullptr);
  {
    Stmt st(*stmts_, "SELECT id, source, type, target FROM relations");
    while (st.step()) {
      const auto id = static_cast<std::size_t>(st.integer(0));
      auto type = relation_type_from(st.text(2));
      if (id >= by_id.size() || !type) throw StoreError("store: " + path_ + ": relation " + std::to_string(id) + " is damaged");
      by_id[id] = &g.upsert_relation(st.text(1), *type, st.text(3));
    }
  }
  {
    Stmt st(*stmts_,
            "SELECT relation, doc, sentence, begin, end, text, date, value, extractor, rule FROM evidence ORDER BY rowid");
    while (st.step()) {
      const auto id = static_cast<std::size_t>(st.integer(0));
      if (id >= by_id.size() || !by_id[id]) throw StoreError("store: " + path_ + ": evidence of an unknown relation");
      by_id[id]->evidence.push_back(evidence_at(st, 1));
    }
  }
  for (std::size_t id = 0; id < by_id.size(); ++id)
    if (by_id[id] && by_id[id]->evidence.empty())
      throw StoreError("store: " + path_ + ": relation " + std::to_string(id) + " has no evidence (the store is damaged)");
  g.mark_all_persisted();
  g.track_changes(true);
  return g;
}

Topology Store::load_topology() const {
  ReadTransaction snapshot(*this);
  Topology t;
  t.entities.track_changes(false);
  load_entities(t.entities, false);
  KeyNumbers number(t.entities);
  std::vector<graph::RelationEnds> by_id(relation_id_bound());  // id 0: no relation
  {
    // in source order (the covering unique index): a source's relations come
    // together, so its key is looked up once
    Stmt st(*stmts_, "SELECT id, source, type, target FROM relations ORDER BY source");
    std::string last_source;
    std::uint32_t source = KeyNumbers::kNone;
    while (st.step()) {
      const auto id = static_cast<std::size_t>(st.integer(0));
      if (st.view(1) != last_source || source == KeyNumbers::kNone) {
        last_source = st.view(1);
        source = number.find(last_source);
      }
      auto type = relation_type_from(st.text(2));
      const std::uint32_t target = number.find(st.view(3));
      if (id == 0 || id >= by_id.size() || !type || source == KeyNumbers::kNone || target == KeyNumbers::kNone)
        throw StoreError("store: " + path_ + ": relation " + std::to_string(id) + " is damaged");
      by_id[id] = {source, target, *type, static_cast<std::int64_t>(id)};
    }
  }
  // in id order, as load() creates them, so a search answers as it does on the
  // loaded graph; ids of deleted relations leave holes
  std::erase_if(by_id, [](const graph::RelationEnds& r) { return r.id == 0; });
  t.relations = std::move(by_id);
  t.entities.track_changes(true);
  return t;
}

std::vector<StoredRelation> Store::relations_of(const Topology& t, const graph::Node& n) const {
  std::vector<std::uint32_t> positions;
  for (std::uint32_t i = 0; i < t.relations.size(); ++i)
    if (t.relations[i].source == n.ordinal || t.relations[i].target == n.ordinal) positions.push_back(i);
  return relations_at(t, t.entities.nodes_by_ordinal(), positions);
}

std::vector<StoredRelation> Store::relations_at(const Topology& t, const std::vector<const graph::Node*>& nodes,
                                                const std::vector<std::uint32_t>& positions) const {
  std::vector<StoredRelation> out;
  ReadTransaction snapshot(*this);
  for (std::uint32_t i : positions) {
    const auto& r = t.relations.at(i);
    out.push_back({nodes.at(r.source), relation(r.id), nodes.at(r.target)});
  }
  std::sort(out.begin(), out.end(), [](const StoredRelation& a, const StoredRelation& b) {
    return std::tie(a.source->key, a.relation.type, a.target->key) < std::tie(b.source->key, b.relation.type, b.target->key);
  });
  return out;
}

std::vector<std::pair<std::int64_t, graph::Evidence>> Store::document_evidence(const std::string& doc_id) const {
  std::vector<std::pair<std::int64_t, graph::Evidence>> out;
  Stmt st(*stmts_,
          "SELECT relation, doc, sentence, begin, end, text, date, value, extractor, rule FROM evidence WHERE doc = ?1 "
          "ORDER BY begin, rowid");
  st.bind(1, doc_id);
  while (st.step()) out.emplace_back(st.integer(0), evidence_at(st, 1));
  return out;
}

std::size_t Store::mentioning_documents(const std::string& key) const {
  Stmt st(*stmts_, "SELECT count(*) FROM node_documents WHERE node = ?1");
  st.bind(1, key);
  st.step();
  return static_cast<std::size_t>(st.integer(0));
}

std::unordered_map<std::int64_t, Store::RelationSummary> Store::relation_summaries() const {
  std::unordered_map<std::int64_t, RelationSummary> out;
  Stmt st(*stmts_,
          "SELECT relation, count(*), min(NULLIF(date, '')), max(NULLIF(date, '')) FROM evidence GROUP BY relation");
  while (st.step()) {
    RelationSummary& r = out[st.integer(0)];
    r.evidence = static_cast<std::size_t>(st.integer(1));
    r.first_date = st.text(2);
    r.last_date = st.text(3);
  }
  return out;
}

graph::Relation Store::relation(std::int64_t id) const {
  ReadTransaction snapshot(*this);
  Stmt head(*stmts_, "SELECT type FROM relations WHERE id = ?1");
  head.bind(1, id);
  if (!head.step()) throw StoreError("store: " + path_ + ": no relation " + std::to_string(id));
  graph::Relation r;
  auto type = relation_type_from(head.text(0));
  if (!type) throw StoreError("store: " + path_ + ": relation of unknown type " + head.text(0));
  r.type = *type;
  Stmt st(*stmts_,
          "SELECT doc, sentence, begin, end, text, date, value, extractor, rule FROM evidence WHERE relation = ?1 ORDER BY rowid");
  st.bind(1, id);
  while (st.step()) r.evidence.push_back(evidence_at(st, 0));
  if (r.evidence.empty())
    throw StoreError("store: " + path_ + ": relation " + std::to_string(id) + " has no evidence (the store is damaged)");
  r.persisted = r.evidence.size();
  return r;
}

void Store::for_each_records(const std::function<void(const graph::DocumentMeta&, extract::DocumentRecords&&)>& fn) const {
  Stmt st(*stmts_,
          "SELECT d.id, d.title, d.date, d.url, r.records, d.public_id FROM document_records r JOIN documents d ON d.id = r.doc "
          "ORDER BY r.seq");
  while (st.step()) {
    graph::DocumentMeta m{st.text(0), st.text(1), st.text(2), st.text(3), st.text(5)};
    extract::DocumentRecords r;
    try {
      r = extract::records_from_json(st.text(4));
    } catch (const Error& e) {
      throw StoreError("store: " + path_ + ": records of document " + m.id + " are damaged: " + e.what());
    }
    fn(m, std::move(r));
  }
}

void Store::put_document(const extract::Document& doc, const extract::DocumentRecords& records) {
  Stmt st(*stmts_,
          "INSERT INTO documents(id, hash, title, date, url, origin, text, ingested_at, source, public_id) "
          "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) "
          "ON CONFLICT(id) DO UPDATE SET hash=excluded.hash, title=excluded.title, date=excluded.date, url=excluded.url, "
          "origin=excluded.origin, text=excluded.text, ingested_at=excluded.ingested_at, source=excluded.source, "
          "public_id=excluded.public_id");
  st.bind(1, doc.id).bind(2, doc.content_hash()).bind(3, doc.title).bind(4, doc.date).bind(5, doc.url)
      .bind(6, doc.origin).bind(7, doc.text).bind(8, now_utc()).bind(9, doc.source).bind(10, doc.public_id()).run();
  Stmt rec(*stmts_,
           "INSERT INTO document_records(doc, seq, records) VALUES(?1, " IRGRAPH_NEXT_SEQ ", ?2) "
           "ON CONFLICT(doc) DO UPDATE SET seq=excluded.seq, records=excluded.records");
  rec.bind(1, doc.id).bind(2, extract::records_to_json(records)).run();
}

void Store::put_copy(const extract::Document& doc, const std::string& of, const extract::DocumentRecords& records) {
  Stmt st(*stmts_,
          "INSERT INTO document_copies(id, of, seq, hash, title, date, url, origin, records, ingested_at, source, public_id) "
          "VALUES(?1, ?2, " IRGRAPH_NEXT_SEQ ", ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
          "ON CONFLICT(id) DO UPDATE SET of=excluded.of, seq=excluded.seq, hash=excluded.hash, title=excluded.title, "
          "date=excluded.date, url=excluded.url, origin=excluded.origin, records=excluded.records, "
          "ingested_at=excluded.ingested_at, source=excluded.source, public_id=excluded.public_id");
  st.bind(1, doc.id).bind(2, of).bind(3, doc.content_hash()).bind(4, doc.title).bind(5, doc.date).bind(6, doc.url)
      .bind(7, doc.origin).bind(8, extract::records_to_json(records)).bind(9, now_utc()).bind(10, doc.source)
      .bind(11, doc.public_id()).run();
}

bool Store::delete_document(const std::string& id) {
  {
    Stmt copy(*stmts_, "DELETE FROM document_copies WHERE id=?1");
    copy.bind(1, id).run();
    if (sqlite3_changes(db_) > 0) return true;  // a copy: the graph never held it
  }
  // the first copy of this document (in ingest order) takes its place: the
  // document row with the copy's metadata and records, at the copy's position
  Stmt first(*stmts_, "SELECT id, seq FROM document_copies WHERE of=?1 ORDER BY seq LIMIT 1");
  first.bind(1, id);
  std::optional<std::pair<std::string, std::int64_t>> heir;
  if (first.step()) heir.emplace(first.text(0), first.integer(1));
  first.reset();
  if (heir) {
    Stmt promote(*stmts_,
                 "INSERT INTO documents(id, hash, title, date, url, origin, text, ingested_at, source, public_id) "
                 "SELECT c.id, c.hash, c.title, c.date, c.url, c.origin, d.text, c.ingested_at, c.source, c.public_id "
                 "FROM document_copies c JOIN documents d ON d.id = c.of WHERE c.id = ?1");
    promote.bind(1, heir->first).run();
    Stmt records(*stmts_, "INSERT INTO document_records(doc, seq, records) SELECT id, seq, records FROM document_copies WHERE id=?1");
    records.bind(1, heir->first).run();
    Stmt others(*stmts_, "UPDATE document_copies SET of=?2 WHERE of=?1");
    others.bind(1, id).bind(2, heir->first).run();
    Stmt drop(*stmts_, "DELETE FROM document_copies WHERE id=?1");
    drop.bind(1, heir->first).run();
  }
  Stmt st(*stmts_, "DELETE FROM documents WHERE id=?1");
  st.bind(1, id).run();
  return sqlite3_changes(db_) > 0;
}

void Store::write_nodes(const graph::KnowledgeGraph& g, const std::set<std::string>& keys,
                        const std::set<std::pair<std::string, std::string>>* docs) {
  Stmt up(*stmts_,
          "INSERT INTO nodes(key, type, name, country, origin) VALUES(?1,?2,?3,?4,?5) ON CONFLICT(key) DO UPDATE SET "
          "type=excluded.type, name=excluded.name, country=excluded.country, origin=excluded.origin");
  Stmt del_alias(*stmts_, "DELETE FROM aliases WHERE node=?1");
  Stmt ins_alias(*stmts_, "INSERT OR IGNORE INTO aliases(node, alias, reason) VALUES(?1,?2,?3)");
  // only the changed mention counts: a hub node (a country in every article) is not rewritten per document
  Stmt put_doc(*stmts_,
               "INSERT INTO node_documents(node, doc, mentions) VALUES(?1,?2,?3) "
               "ON CONFLICT(node, doc) DO UPDATE SET mentions=excluded.mentions");
  for (const auto& k : keys) {
    const graph::Node* n = g.find(k);
    if (!n) continue;
    up.bind(1, n->key).bind(2, std::string(name(n->type))).bind(3, n->name).bind(4, n->country).bind(5, n->origin).run();
    del_alias.bind(1, k).run();
    for (const auto& a : n->aliases) ins_alias.bind(1, k).bind(2, a.text).bind(3, a.reason).run();
    if (!docs)
      for (const auto& [d, m] : n->documents) put_doc.bind(1, k).bind(2, d).bind(3, static_cast<std::int64_t>(m)).run();
  }
  if (docs)
    for (const auto& [k, d] : *docs) {
      const graph::Node* n = g.find(k);
      if (!n) continue;
      auto it = n->documents.find(d);
      if (it != n->documents.end()) put_doc.bind(1, k).bind(2, d).bind(3, static_cast<std::int64_t>(it->second)).run();
    }
}

void Store::write_relations(const graph::KnowledgeGraph& g, const std::set<graph::RelationKey>& keys) {
  Stmt up(*stmts_, "INSERT INTO relations(source, type, target) VALUES(?1,?2,?3) ON CONFLICT DO NOTHING");
  Stmt id(*stmts_, "SELECT id FROM relations WHERE source=?1 AND type=?2 AND target=?3");
  Stmt clear(*stmts_, "DELETE FROM evidence WHERE relation=?1");
  Stmt ins(*stmts_,
           "INSERT INTO evidence(relation, doc, sentence, begin, end, text, date, value, extractor, rule) "
           "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
  for (const auto& [s, t, o] : keys) {
    const graph::Relation* r = g.relation(s, t, o);
    if (!r) continue;
    std::string tn(name(t));
    up.bind(1, s).bind(2, tn).bind(3, o).run();
    id.bind(1, s).bind(2, tn).bind(3, o);
    if (!id.step()) throw StoreError("store: relation vanished during a write");
    std::int64_t rid = id.integer(0);
    id.reset();
    std::size_t from = r->persisted;
    if (from == 0) clear.bind(1, rid).run();
    for (std::size_t i = from; i < r->evidence.size(); ++i) {
      const auto& e = r->evidence[i];
      ins.bind(1, rid).bind(2, e.doc_id).bind(3, static_cast<std::int64_t>(e.sentence)).bind(4, static_cast<std::int64_t>(e.begin))
          .bind(5, static_cast<std::int64_t>(e.end)).bind(6, e.text).bind(7, e.date).bind(8, e.value).bind(9, e.extractor)
          .bind(10, e.rule).run();
    }
  }
}

void Store::write_changes(graph::KnowledgeGraph& g) {
  graph::ChangeSet c = g.take_changes();
  try {
    {
      Stmt del(*stmts_, "DELETE FROM relations WHERE source=?1 AND type=?2 AND target=?3");
      for (const auto& [s, t, o] : c.removed_relations) del.bind(1, s).bind(2, std::string(name(t))).bind(3, o).run();
    }
    {
      Stmt del(*stmts_, "DELETE FROM nodes WHERE key=?1");
      for (const auto& k : c.removed_nodes) del.bind(1, k).run();
    }
    write_nodes(g, c.nodes, &c.node_documents);
    write_relations(g, c.relations);
    write_redirects(g, c.redirects);
  } catch (...) {
    g.restore_changes(std::move(c));  // still pending; the transaction rolls back
    throw;
  }
  g.mark_persisted(c);
}

void Store::rewrite_graph(graph::KnowledgeGraph& g) {
  exec("DELETE FROM evidence; DELETE FROM relations; DELETE FROM aliases; DELETE FROM node_documents; DELETE FROM nodes; "
       "DELETE FROM redirects;");
  g.take_changes();
  std::set<std::string> nodes;
  g.for_each_node([&](const graph::Node& n) { nodes.insert(n.key); });
  std::set<graph::RelationKey> relations;
  g.for_each_relation([&](const graph::Node& s, const graph::Relation& r, const graph::Node& t) {
    relations.insert(graph::RelationKey{s.key, r.type, t.key});
  });
  g.mark_none_persisted();
  write_nodes(g, nodes, nullptr);
  write_relations(g, relations);
  std::set<std::string> redirects;
  for (const auto& [k, r] : g.redirects()) redirects.insert(k);
  write_redirects(g, redirects);
  g.mark_all_persisted();
}

std::vector<graph::CurationRule> Store::curation_rules() const {
  std::vector<graph::CurationRule> out;
  Stmt st(*stmts_, "SELECT id, action, subject, relation, object, note, created_at FROM curation ORDER BY id");
  while (st.step()) {
    auto action = graph::curation_action_from(st.view(1));
    if (!action) throw StoreError("store: " + path_ + ": curation rule " + st.text(0) + " has unknown action " + st.text(1));
    out.push_back({st.integer(0), *action, st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)});
  }
  return out;
}

void Store::put_rule(graph::CurationRule& rule) {
  if (rule.created_at.empty()) rule.created_at = now_utc();
  Stmt st(*stmts_, "INSERT INTO curation(action, subject, relation, object, note, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  st.bind(1, std::string(graph::name(rule.action))).bind(2, rule.subject).bind(3, rule.relation).bind(4, rule.object)
      .bind(5, rule.note).bind(6, rule.created_at).run();
  rule.id = sqlite3_last_insert_rowid(db_);
}

bool Store::delete_rule(std::int64_t id) {
  Stmt st(*stmts_, "DELETE FROM curation WHERE id=?1");
  st.bind(1, id).run();
  return sqlite3_changes(db_) > 0;
}

void Store::write_redirects(const graph::KnowledgeGraph& g, const std::set<std::string>& keys) {
  Stmt put(*stmts_,
           "INSERT INTO redirects(key, target, reason) VALUES(?1, ?2, ?3) "
           "ON CONFLICT(key) DO UPDATE SET target=excluded.target, reason=excluded.reason");
  Stmt del(*stmts_, "DELETE FROM redirects WHERE key=?1");
  for (const auto& k : keys) {
    auto it = g.redirects().find(k);
    if (it == g.redirects().end()) del.bind(1, k).run();
    else put.bind(1, k).bind(2, it->second.target).bind(3, it->second.reason).run();
  }
}

Stats Store::stats() const {
  Stats s;
  auto count = [&](const char* sql) {
    Stmt st(*stmts_, sql);
    st.step();
    return static_cast<std::size_t>(st.integer(0));
  };
  s.documents = count("SELECT count(*) FROM documents");
  s.copies = count("SELECT count(*) FROM document_copies");
  s.nodes = count("SELECT count(*) FROM nodes");
  s.aliases = count("SELECT count(*) FROM aliases");
  s.relations = count("SELECT count(*) FROM relations");
  s.evidence = count("SELECT count(*) FROM evidence");
  s.undated = count("SELECT count(*) FROM documents WHERE date IS NULL OR date = ''");
  s.dated_evidence = count("SELECT count(*) FROM evidence WHERE date IS NOT NULL AND date <> ''");
  {
    Stmt st(*stmts_, "SELECT type, count(*) FROM nodes GROUP BY type ORDER BY type");
    while (st.step()) s.nodes_by_type.emplace_back(st.text(0), static_cast<std::size_t>(st.integer(1)));
  }
  {
    Stmt st(*stmts_, "SELECT type, count(*) FROM relations GROUP BY type ORDER BY type");
    while (st.step()) s.relations_by_type.emplace_back(st.text(0), static_cast<std::size_t>(st.integer(1)));
  }
  return s;
}

}  // namespace irgraph::store
