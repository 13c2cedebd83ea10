// Db over SQLite: WAL journal, NORMAL sync (durable against a process crash;
// never corrupt), a busy timeout so that a second writer waits instead of failing.
#include <sqlite3.h>

#include <filesystem>

#include "store/db.h"

namespace hadath::store {

namespace {

class SqliteStmt : public Stmt {
 public:
  SqliteStmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  ~SqliteStmt() override { sqlite3_finalize(s_); }

  void Bind(int i, const Value& v) override {
    Idle();
    int idx = i + 1;
    if (std::holds_alternative<std::monostate>(v)) sqlite3_bind_null(s_, idx);
    else if (auto* n = std::get_if<int64_t>(&v)) sqlite3_bind_int64(s_, idx, *n);
    else if (auto* d = std::get_if<double>(&v)) sqlite3_bind_double(s_, idx, *d);
    else {
      const std::string& t = std::get<std::string>(v);
      sqlite3_bind_text(s_, idx, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
    }
  }
  void Clear() override {
    Idle();
    sqlite3_clear_bindings(s_);
  }

  Status Exec() override {
    sqlite3_reset(s_);
    running_ = true;
    status_ = Status::OK();
    pending_ = false;
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) { pending_ = true; return Status::OK(); }
    if (rc == SQLITE_DONE) { Idle(); return Status::OK(); }
    status_ = Status::IOError(std::string("sqlite: ") + sqlite3_errmsg(db_));
    sqlite3_reset(s_);
    return status_;
  }
  bool Next() override {
    if (pending_) { pending_ = false; return true; }
    if (!status_.ok() || !running_) return false;
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) status_ = Status::IOError(std::string("sqlite: ") + sqlite3_errmsg(db_));
    Idle();  // a finished statement holds no read snapshot
    return false;
  }
  Status status() const override { return status_; }
  int columns() const override { return sqlite3_column_count(s_); }
  std::string column_name(int i) const override { return sqlite3_column_name(s_, i); }
  std::string_view TextView(int i) const override {
    const unsigned char* t = sqlite3_column_text(s_, i);
    if (!t) return {};
    return std::string_view(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(s_, i)));
  }
  Value Get(int i) const override {
    switch (sqlite3_column_type(s_, i)) {
      case SQLITE_NULL: return Value();
      case SQLITE_INTEGER: return Value(static_cast<int64_t>(sqlite3_column_int64(s_, i)));
      case SQLITE_FLOAT: return Value(sqlite3_column_double(s_, i));
      default: {
        const unsigned char* t = sqlite3_column_text(s_, i);
        int n = sqlite3_column_bytes(s_, i);
        return Value(std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(n)));
      }
    }
  }

 private:
  // Bindings need a reset statement (SQLITE_MISUSE otherwise).
  void Idle() {
    if (running_) { sqlite3_reset(s_); running_ = false; pending_ = false; }
  }
  sqlite3* db_;
  sqlite3_stmt* s_;
  bool running_ = false;
  bool pending_ = false;
  Status status_;
};

class SqliteDb : public Db {
 public:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  ~SqliteDb() override { sqlite3_close_v2(db_); }
  Dialect dialect() const override { return Dialect::kSqlite; }

  Status Exec(const std::string& sql) override {
    char* err = nullptr;
    std::string s = Sql(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Status::IOError("sqlite: " + msg);
    }
    return Status::OK();
  }
  Status Prepare(const std::string& sql, std::unique_ptr<Stmt>* out) override {
    std::string s = Sql(sql);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, s.c_str(), static_cast<int>(s.size()), &st, nullptr) != SQLITE_OK)
      return Status::IOError(std::string("sqlite: ") + sqlite3_errmsg(db_) + " in: " + s);
    *out = std::make_unique<SqliteStmt>(db_, st);
    return Status::OK();
  }
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  Status TableExists(const std::string& name, bool* exists) override {
    std::unique_ptr<Stmt> st;
    HADATH_RETURN_IF_ERROR(Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", &st));
    st->Bind(0, name);
    HADATH_RETURN_IF_ERROR(st->Exec());
    *exists = st->Next();
    return st->status();
  }

 private:
  sqlite3* db_;
};

}  // namespace

Status Db::OpenSqlite(const std::string& path, bool create, std::unique_ptr<Db>* out, bool read_only) {
  if ((read_only || !create) && !std::filesystem::exists(path))
    return Status::NotFound(path + ": no such database (run `hadath ingest --db " + path + " …` first)");
  sqlite3* db = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
                        : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IOError(path + ": cannot open: " + msg);
  }
  sqlite3_busy_timeout(db, 30000);
  auto sdb = std::make_unique<SqliteDb>(db);
  // A file that is not a database fails here, with SQLite's own words. A read-only
  // connection leaves the journal mode as the writer set it (WAL) and refuses writes
  // even to a writable file (query_only).
  // Switching a new file to WAL takes an exclusive lock and SQLite does not call the busy
  // handler for it: when several processes open one new database at once (Dask workers),
  // the losers get SQLITE_BUSY at once. Retry for as long as the busy timeout.
  if (!read_only) {
    for (int waited_ms = 0;; waited_ms += 20) {
      rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED) break;
      if (waited_ms >= 30000) break;
      sqlite3_sleep(20);
    }
  }
  Status st = read_only ? sdb->Exec("PRAGMA query_only = ON; SELECT count(*) FROM sqlite_master")
                        : sdb->Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
  if (!st.ok()) return st.WithContext(path);
  *out = std::move(sdb);
  return Status::OK();
}

}  // namespace hadath::store
