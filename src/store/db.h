// A minimal SQL connection over SQLite and PostgreSQL (libpq), so that the
// store speaks one dialect-neutral SQL and runs the same code on both.
//
// SQL is written once with `?` placeholders and a few dialect tokens that
// Db::Sql() rewrites (see Dialect below). Values are bound and read as
// NULL, 64-bit integers, doubles or text.
//
// Thread safety: a Db and its statements belong to one thread at a time.
// Lifetimes: every Stmt must be destroyed before the Db that made it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "hadath/status.h"
#include "hadath/store.h"

namespace hadath::store {

enum class Dialect { kSqlite, kPostgres };

class Stmt {
 public:
  virtual ~Stmt() = default;
  // Binds parameter `i` (0-based) for the next Exec(). Bindings persist
  // until rebound or Clear().
  virtual void Bind(int i, const Value& v) = 0;
  void Bind(int i, int64_t v) { Bind(i, Value(v)); }
  void Bind(int i, int v) { Bind(i, Value(static_cast<int64_t>(v))); }
  void Bind(int i, size_t v) { Bind(i, Value(static_cast<int64_t>(v))); }
  void Bind(int i, double v) { Bind(i, Value(v)); }
  void Bind(int i, std::string_view v) { Bind(i, Value(std::string(v))); }
  void Bind(int i, const char* v) { Bind(i, Value(std::string(v))); }
  void Bind(int i, const std::string& v) { Bind(i, Value(v)); }
  void BindNull(int i) { Bind(i, Value()); }
  // Text, or NULL when empty.
  void BindOpt(int i, const std::string& v) { v.empty() ? BindNull(i) : Bind(i, v); }
  virtual void Clear() = 0;

  // Runs the statement. Rows, if any, are then read with Next()/Get().
  virtual Status Exec() = 0;
  // Advances to the next row; false at the end (or on error: see status()).
  virtual bool Next() = 0;
  virtual Status status() const = 0;

  virtual int columns() const = 0;
  virtual std::string column_name(int i) const = 0;
  // REQUIRES: Next() returned true.
  virtual Value Get(int i) const = 0;
  int64_t Int(int i) const;            // NULL → 0
  double Double(int i) const;          // NULL → 0
  std::string Text(int i) const;       // NULL → ""
  // The text of column `i` without a copy (NULL → ""); valid until the next Next()/Exec().
  virtual std::string_view TextView(int i) const = 0;
  bool IsNull(int i) const { return std::holds_alternative<std::monostate>(Get(i)); }
};

class Db {
 public:
  virtual ~Db() = default;
  // `path`: a file name (created when `create` is true). `conninfo`: a libpq URL.
  // `read_only`: the connection cannot write (SQLite: opened SQLITE_OPEN_READONLY with
  // PRAGMA query_only; PostgreSQL: default_transaction_read_only, set at connection start).
  // `hadath serve` reads through such connections only.
  static Status OpenSqlite(const std::string& path, bool create, std::unique_ptr<Db>* out, bool read_only = false);
  static Status OpenPostgres(const std::string& conninfo, std::unique_ptr<Db>* out, bool read_only = false);

  virtual Dialect dialect() const = 0;
  // Runs statements without parameters or results (several, separated by ';', for SQLite;
  // PostgreSQL accepts several too when there are no parameters).
  virtual Status Exec(const std::string& sql) = 0;
  // Prepares a statement; `sql` goes through Sql() first.
  virtual Status Prepare(const std::string& sql, std::unique_ptr<Stmt>* out) = 0;

  // Write transaction: SQLite BEGIN IMMEDIATE (one writer at a time); PostgreSQL BEGIN plus
  // a transaction-scoped advisory lock, so that concurrent ingests into one database
  // serialize their batches (deduplication reads what the previous batch wrote).
  virtual Status BeginWrite() = 0;
  Status Commit() { return Exec("COMMIT"); }
  Status Rollback() { return Exec("ROLLBACK"); }

  // Rewrites dialect tokens: `{pk}` → the auto-increment primary key type,
  // `{strpos}` → instr / strpos, `{is}` → IS / IS NOT DISTINCT FROM (equality where NULL
  // equals NULL); for PostgreSQL `?` → `$1, $2, …`.
  std::string Sql(std::string_view sql) const;
  // True when a table of that name exists.
  virtual Status TableExists(const std::string& name, bool* exists) = 0;
};

}  // namespace hadath::store
