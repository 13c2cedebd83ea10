// Db over PostgreSQL (libpq): statements are prepared server-side once and
// executed with text parameters; results are read whole (they are small:
// one batch's lookups, or a query's rows).
#include <libpq-fe.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "store/db.h"

namespace hadath::store {

namespace {

// Type OIDs of the results we read (pg_type.h).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

std::string PgError(PGconn* c) {
  std::string m = PQerrorMessage(c);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return "postgresql: " + m;
}

class PgStmt : public Stmt {
 public:
  PgStmt(PGconn* c, std::string name, int nparams) : c_(c), name_(std::move(name)), params_(nparams) {}
  ~PgStmt() override { if (res_) PQclear(res_); }

  void Bind(int i, const Value& v) override {
    if (i < 0 || i >= static_cast<int>(params_.size())) return;
    if (std::holds_alternative<std::monostate>(v)) params_[i].reset();
    else if (auto* n = std::get_if<int64_t>(&v)) params_[i] = std::to_string(*n);
    else if (auto* d = std::get_if<double>(&v)) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", *d);
      params_[i] = buf;
    } else params_[i] = std::get<std::string>(v);
  }
  void Clear() override { for (auto& p : params_) p.reset(); }

  Status Exec() override {
    if (res_) { PQclear(res_); res_ = nullptr; }
    std::vector<const char*> vals(params_.size());
    for (size_t i = 0; i < params_.size(); ++i) vals[i] = params_[i] ? params_[i]->c_str() : nullptr;
    res_ = PQexecPrepared(c_, name_.c_str(), static_cast<int>(vals.size()), vals.data(), nullptr, nullptr, 0);
    row_ = -1;
    ExecStatusType t = PQresultStatus(res_);
    if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
      status_ = Status::IOError(PgError(c_));
      return status_;
    }
    status_ = Status::OK();
    return status_;
  }
  bool Next() override {
    if (!res_ || !status_.ok()) return false;
    if (row_ + 1 >= PQntuples(res_)) return false;
    ++row_;
    return true;
  }
  Status status() const override { return status_; }
  int columns() const override { return res_ ? PQnfields(res_) : 0; }
  std::string column_name(int i) const override { return PQfname(res_, i); }
  std::string_view TextView(int i) const override {
    if (PQgetisnull(res_, row_, i)) return {};
    return std::string_view(PQgetvalue(res_, row_, i), static_cast<size_t>(PQgetlength(res_, row_, i)));
  }
  Value Get(int i) const override {
    if (PQgetisnull(res_, row_, i)) return Value();
    const char* s = PQgetvalue(res_, row_, i);
    switch (PQftype(res_, i)) {
      case kInt2: case kInt4: case kInt8: return Value(static_cast<int64_t>(std::strtoll(s, nullptr, 10)));
      case kFloat4: case kFloat8: case kNumeric: return Value(std::strtod(s, nullptr));
      case kBool: return Value(static_cast<int64_t>(s[0] == 't'));
      default: return Value(std::string(s, static_cast<size_t>(PQgetlength(res_, row_, i))));
    }
  }

 private:
  PGconn* c_;
  std::string name_;
  std::vector<std::optional<std::string>> params_;
  PGresult* res_ = nullptr;
  int row_ = -1;
  Status status_;
};

class PgDb : public Db {
 public:
  explicit PgDb(PGconn* c) : c_(c) {}
  ~PgDb() override { PQfinish(c_); }
  Dialect dialect() const override { return Dialect::kPostgres; }

  Status Exec(const std::string& sql) override {
    PGresult* r = PQexec(c_, Sql(sql).c_str());
    ExecStatusType t = PQresultStatus(r);
    PQclear(r);
    if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) return Status::IOError(PgError(c_));
    return Status::OK();
  }
  Status Prepare(const std::string& sql, std::unique_ptr<Stmt>* out) override {
    std::string s = Sql(sql);
    int nparams = 0;
    for (size_t i = 0; i < s.size(); ++i)
      if (s[i] == '$') nparams = std::max(nparams, std::atoi(s.c_str() + i + 1));
    std::string name = "h" + std::to_string(++counter_);
    PGresult* r = PQprepare(c_, name.c_str(), s.c_str(), 0, nullptr);
    ExecStatusType t = PQresultStatus(r);
    PQclear(r);
    if (t != PGRES_COMMAND_OK) return Status::IOError(PgError(c_) + " in: " + s);
    *out = std::make_unique<PgStmt>(c_, name, nparams);
    return Status::OK();
  }
  Status BeginWrite() override {
    // One writer per database at a time; the key is arbitrary but fixed ("hadath").
    return Exec("BEGIN; SELECT pg_advisory_xact_lock(4846414441544800)");
  }
  Status TableExists(const std::string& name, bool* exists) override {
    std::unique_ptr<Stmt> st;
    HADATH_RETURN_IF_ERROR(Prepare("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
                                   "AND table_name = ?", &st));
    st->Bind(0, name);
    HADATH_RETURN_IF_ERROR(st->Exec());
    *exists = st->Next();
    return st->status();
  }

 private:
  PGconn* c_;
  int counter_ = 0;
};

void IgnoreNotice(void*, const char*) {}

}  // namespace

Status Db::OpenPostgres(const std::string& conninfo, std::unique_ptr<Db>* out, bool read_only) {
  PGconn* c = PQconnectdb(conninfo.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PgError(c);
    PQfinish(c);
    return Status::IOError("cannot connect: " + msg);
  }
  PQsetNoticeProcessor(c, IgnoreNotice, nullptr);
  auto db = std::make_unique<PgDb>(c);
  HADATH_RETURN_IF_ERROR(db->Exec("SET client_min_messages = warning"));
  // Every later transaction of this session is read-only (a write fails with "cannot
  // execute … in a read-only transaction"). The server's statements are single prepared
  // statements, so no request can run a SET of its own.
  if (read_only) HADATH_RETURN_IF_ERROR(db->Exec("SET SESSION default_transaction_read_only = on"));
  *out = std::move(db);
  return Status::OK();
}

}  // namespace hadath::store
