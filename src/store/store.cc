// Store: documents → mentions → deduplicated events, over Db (SQLite or PostgreSQL).
#include "hadath/store.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/db.h"
#include "store/schema.h"
#include "text/dates.h"
#include "util/hash.h"

namespace hadath {

using store::Db;
using store::Stmt;

double MentionConfidence(const Event& e) {
  double c = 1.0;
  if (!e.target) c *= 0.8;
  if (e.date_basis == "document" || e.date_basis.empty()) c *= 0.9;
  if (e.modality != "asserted") c *= 0.7;
  if (e.negated) c *= 0.5;
  return c;
}

namespace {

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

bool IsPostgresUrl(const std::string& s) {
  return s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
}

// Roots whose events are symmetric: who met whom does not depend on word order.
bool SymmetricRoot(const std::string& root) { return root == "04" || root == "06"; }

std::string DyadKey(const std::string& root, const std::string& a, const std::string& b) {
  if (SymmetricRoot(root) && b < a) return b + "|" + a;
  return a + "|" + b;
}

std::string PlaceKey(const Location& l) {
  if (l.geonames_id) return std::to_string(*l.geonames_id);
  return l.country + "|" + l.name;
}

std::string ShiftDate(const std::string& date, int days) {
  Ymd d;
  if (!Ymd::Parse(date, &d)) return date;
  return Ymd::FromDays(d.ToDays() + days).ToString();
}

int64_t DayDistance(const std::string& a, const std::string& b) {
  Ymd x, y;
  if (!Ymd::Parse(a, &x) || !Ymd::Parse(b, &y)) return 0;
  return std::llabs(x.ToDays() - y.ToDays());
}

// Column lookup by name for the rows of one statement.
class Cols {
 public:
  explicit Cols(const Stmt& s) : s_(s) {
    for (int i = 0; i < s.columns(); ++i) idx_[s.column_name(i)] = i;
  }
  int at(const std::string& n) const {
    auto it = idx_.find(n);
    return it == idx_.end() ? -1 : it->second;
  }
  std::string Text(const std::string& n) const { int i = at(n); return i < 0 ? "" : s_.Text(i); }
  int64_t Int(const std::string& n) const { int i = at(n); return i < 0 ? 0 : s_.Int(i); }
  double Double(const std::string& n) const { int i = at(n); return i < 0 ? 0 : s_.Double(i); }
  bool Null(const std::string& n) const { int i = at(n); return i < 0 || s_.IsNull(i); }
  std::optional<double> OptDouble(const std::string& n) const {
    return Null(n) ? std::nullopt : std::optional<double>(Double(n));
  }
  std::optional<long long> OptInt(const std::string& n) const {
    return Null(n) ? std::nullopt : std::optional<long long>(Int(n));
  }
  ActorRef Actor(const std::string& p) const {
    ActorRef a;
    a.text = Text(p + "_text");
    a.code = Text(p + "_code");
    a.country = Text(p + "_country");
    a.sector = Text(p + "_sector");
    a.name = Text(p + "_name");
    a.start = static_cast<size_t>(Int(p + "_start"));
    a.end = static_cast<size_t>(Int(p + "_end"));
    return a;
  }
  Location Loc() const {
    Location l;
    l.text = Text("location_text");
    l.name = Text("location_name");
    l.country = Text("location_country");
    l.lat = OptDouble("location_lat");
    l.lon = OptDouble("location_lon");
    l.geonames_id = OptInt("location_geonames_id");
    return l;
  }

 private:
  const Stmt& s_;
  std::map<std::string, int> idx_;
};

// WHERE clauses over events (alias e) for a QueryFilter, with their parameters.
struct Where {
  std::vector<std::string> clauses;
  std::vector<Value> params;
  void Add(std::string c, std::vector<Value> p) {
    clauses.push_back(std::move(c));
    for (auto& v : p) params.push_back(std::move(v));
  }
  std::string Sql(const char* lead = " WHERE ") const {
    if (clauses.empty()) return "";
    std::string s = lead;
    for (size_t i = 0; i < clauses.size(); ++i) s += (i ? " AND " : "") + clauses[i];
    return s;
  }
};

Where EventWhere(const QueryFilter& f, bool dates = true) {
  Where w;
  if (dates && !f.from.empty()) w.Add("e.date >= ?", {f.from});
  if (dates && !f.to.empty()) w.Add("e.date <= ?", {f.to});
  for (const auto& a : f.actors)
    w.Add("(e.source_code LIKE ? OR e.target_code LIKE ?)", {a + "%", a + "%"});
  if (!f.country.empty())
    w.Add("(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)",
          {f.country, f.country, f.country});
  if (!f.root.empty()) w.Add("e.root = ?", {f.root});
  if (f.quad_class) w.Add("e.quad_class = ?", {static_cast<int64_t>(f.quad_class)});
  if (!f.text.empty())
    w.Add("EXISTS (SELECT 1 FROM mentions tm JOIN documents td ON td.id = tm.document_id"
          " WHERE tm.event_id = e.id AND ({strpos}(tm.sentence, ?) > 0 OR {strpos}(td.title, ?) > 0))",
          {f.text, f.text});
  if (!f.doc.empty())
    w.Add("EXISTS (SELECT 1 FROM mentions dm JOIN documents dd ON dd.id = dm.document_id"
          " WHERE dm.event_id = e.id AND dd.doc_key = ?)",
          {f.doc});
  return w;
}

std::string Limit(const QueryFilter& f) {
  return f.limit > 0 ? " LIMIT " + std::to_string(f.limit) : "";
}

}  // namespace

struct Store::Impl {
  std::unique_ptr<Db> db;
  std::string backend;
  StoreOptions options;
  int version = 0;
  bool in_txn = false;
  std::map<std::string, std::unique_ptr<Stmt>> cache;

  Status Prep(const std::string& sql, Stmt** out) {
    auto it = cache.find(sql);
    if (it == cache.end()) {
      std::unique_ptr<Stmt> s;
      HADATH_RETURN_IF_ERROR(db->Prepare(sql, &s));
      it = cache.emplace(sql, std::move(s)).first;
    }
    it->second->Clear();
    *out = it->second.get();
    return Status::OK();
  }

  Status Migrate();
  Status RefreshEvent(int64_t id);
  Status AddMention(int64_t doc_id, const std::string& source_key, const Event& e, const std::string& now);
  Status SeeActor(const ActorRef& a, const std::string& date);
  Status SeePlace(const Location& l, const std::string& date);
};

Status Store::Impl::Migrate() {
  const auto& migs = store::Migrations();
  int target = options.target_version > 0 ? options.target_version : migs.back().version;
  for (;;) {
    bool exists = false;
    HADATH_RETURN_IF_ERROR(db->TableExists("schema_version", &exists));
    int current = 0;
    if (exists) {
      std::unique_ptr<Stmt> s;
      HADATH_RETURN_IF_ERROR(db->Prepare("SELECT max(version) FROM schema_version", &s));
      HADATH_RETURN_IF_ERROR(s->Exec());
      if (s->Next()) current = static_cast<int>(s->Int(0));
    }
    if (current > migs.back().version)
      return Status::Unsupported("database schema version " + std::to_string(current) +
                                 " is newer than this hadath supports (" + std::to_string(migs.back().version) +
                                 "); use a newer hadath");
    version = current;
    if (current >= target) return Status::OK();
    // One migration per transaction; re-read the version inside it (another process may
    // have migrated meanwhile).
    HADATH_RETURN_IF_ERROR(db->BeginWrite());
    bool again = false;
    if (exists) {
      std::unique_ptr<Stmt> s;
      Status st = db->Prepare("SELECT max(version) FROM schema_version", &s);
      if (st.ok()) st = s->Exec();
      if (!st.ok()) { db->Rollback(); return st; }
      again = s->Next() && s->Int(0) != current;
    } else {
      bool now = false;
      Status st = db->TableExists("schema_version", &now);
      if (!st.ok()) { db->Rollback(); return st; }
      again = now;
    }
    if (again) { HADATH_RETURN_IF_ERROR(db->Rollback()); continue; }
    const store::Migration& m = migs[static_cast<size_t>(current)];
    for (const std::string& sql : m.sql) {
      Status st = db->Exec(sql);
      if (!st.ok()) {
        db->Rollback();
        return st.WithContext("schema migration " + std::to_string(m.version));
      }
    }
    std::unique_ptr<Stmt> ins;
    Status st = db->Prepare("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", &ins);
    if (st.ok()) {
      ins->Bind(0, m.version);
      ins->Bind(1, NowUtc());
      st = ins->Exec();
    }
    ins.reset();
    if (!st.ok()) { db->Rollback(); return st; }
    HADATH_RETURN_IF_ERROR(db->Commit());
  }
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() {
  if (impl_ && impl_->in_txn) impl_->db->Rollback();
  if (impl_) impl_->cache.clear();
}

int Store::LatestSchemaVersion() { return store::Migrations().back().version; }
const std::string& Store::backend() const { return impl_->backend; }
int Store::schema_version() const { return impl_->version; }

Status Store::Open(const std::string& where_in, const StoreOptions& options, std::unique_ptr<Store>* out) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  std::string where = where_in;
  if (IsPostgresUrl(where)) {
    impl->backend = "postgresql";
    HADATH_RETURN_IF_ERROR(Db::OpenPostgres(where, &impl->db));
  } else {
    if (where.rfind("sqlite:", 0) == 0) where = where.substr(7);
    impl->backend = "sqlite";
    HADATH_RETURN_IF_ERROR(Db::OpenSqlite(where, options.create_if_missing, &impl->db));
  }
  Status st = impl->Migrate();
  if (!st.ok()) return impl->backend == "sqlite" ? st.WithContext(where) : st;
  out->reset(new Store(std::move(impl)));
  return Status::OK();
}

Status Store::Begin() {
  HADATH_RETURN_IF_ERROR(impl_->db->BeginWrite());
  impl_->in_txn = true;
  return Status::OK();
}
Status Store::Commit() {
  impl_->in_txn = false;
  return impl_->db->Commit();
}
Status Store::Rollback() {
  impl_->in_txn = false;
  return impl_->db->Rollback();
}

static std::string RawHash(const Document& d) {
  std::string s;
  s.reserve(d.body.size() + 256);
  s += std::to_string(static_cast<int>(d.format));
  for (const std::string* f : {&d.url, &d.source, &d.date, &d.title, &d.body}) {
    s += '\x1f';
    s += *f;
  }
  return HexHash(s);
}

Status Store::IsUnchanged(const Document& raw, bool* unchanged) {
  *unchanged = false;
  Stmt* s;
  if (!raw.id.empty()) {
    HADATH_RETURN_IF_ERROR(impl_->Prep("SELECT raw_hash FROM documents WHERE doc_key = ?", &s));
    s->Bind(0, raw.id);
    HADATH_RETURN_IF_ERROR(s->Exec());
    if (s->Next()) *unchanged = s->Text(0) == RawHash(raw);
  } else {
    HADATH_RETURN_IF_ERROR(impl_->Prep("SELECT 1 FROM documents WHERE raw_hash = ? LIMIT 1", &s));
    s->Bind(0, RawHash(raw));
    HADATH_RETURN_IF_ERROR(s->Exec());
    *unchanged = s->Next();
  }
  while (s->Next()) {}
  return s->status();
}

Status Store::Impl::SeeActor(const ActorRef& a, const std::string& date) {
  if (a.code.empty()) return Status::OK();
  Stmt* s;
  HADATH_RETURN_IF_ERROR(Prep(
      "INSERT INTO actors (code, name, country, sector, first_date, last_date) VALUES (?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (code, name) DO UPDATE SET"
      " first_date = CASE WHEN actors.first_date IS NULL OR excluded.first_date < actors.first_date"
      "  THEN excluded.first_date ELSE actors.first_date END,"
      " last_date = CASE WHEN actors.last_date IS NULL OR excluded.last_date > actors.last_date"
      "  THEN excluded.last_date ELSE actors.last_date END",
      &s));
  s->Bind(0, a.code);
  s->Bind(1, a.name);
  s->Bind(2, a.country);
  s->Bind(3, a.sector);
  s->BindOpt(4, date);
  s->BindOpt(5, date);
  return s->Exec();
}

Status Store::Impl::SeePlace(const Location& l, const std::string& date) {
  if (l.country.empty() && l.name.empty()) return Status::OK();
  Stmt* s;
  HADATH_RETURN_IF_ERROR(Prep(
      "INSERT INTO places (place_key, name, country, lat, lon, geonames_id, first_date, last_date)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (place_key) DO UPDATE SET"
      " first_date = CASE WHEN places.first_date IS NULL OR excluded.first_date < places.first_date"
      "  THEN excluded.first_date ELSE places.first_date END,"
      " last_date = CASE WHEN places.last_date IS NULL OR excluded.last_date > places.last_date"
      "  THEN excluded.last_date ELSE places.last_date END",
      &s));
  s->Bind(0, PlaceKey(l));
  s->Bind(1, l.name);
  s->Bind(2, l.country);
  l.lat ? s->Bind(3, *l.lat) : s->BindNull(3);
  l.lon ? s->Bind(4, *l.lon) : s->BindNull(4);
  l.geonames_id ? s->Bind(5, static_cast<int64_t>(*l.geonames_id)) : s->BindNull(5);
  s->BindOpt(6, date);
  s->BindOpt(7, date);
  return s->Exec();
}

// Recomputes an event's counts and representative fields from its mentions;
// deletes it when no mention is left.
Status Store::Impl::RefreshEvent(int64_t id) {
  Stmt* c;
  HADATH_RETURN_IF_ERROR(Prep(
      "SELECT count(*), count(DISTINCT m.document_id),"
      " count(DISTINCT CASE WHEN d.source = '' THEN d.doc_key ELSE d.source END), min(m.id)"
      " FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id = ?",
      &c));
  c->Bind(0, id);
  HADATH_RETURN_IF_ERROR(c->Exec());
  int64_t n = 0, arts = 0, srcs = 0, first = 0;
  if (c->Next()) { n = c->Int(0); arts = c->Int(1); srcs = c->Int(2); first = c->Int(3); }
  while (c->Next()) {}
  HADATH_RETURN_IF_ERROR(c->status());
  Stmt* u;
  if (n == 0) {
    HADATH_RETURN_IF_ERROR(Prep("DELETE FROM events WHERE id = ?", &u));
    u->Bind(0, id);
    return u->Exec();
  }
  // Representative fields: the earliest mention; location: the earliest with a country.
  HADATH_RETURN_IF_ERROR(Prep(
      "UPDATE events SET num_mentions = ?, num_articles = ?, num_sources = ?, first_mention_id = ?,"
      " (date, cameo, cameo_name, root, quad_class, goldstein, source_code, source_name, source_country,"
      "  source_sector, source_text, target_code, target_name, target_country, target_sector, target_text) ="
      " (SELECT date, cameo, cameo_name, root, quad_class, goldstein, source_code, source_name, source_country,"
      "  source_sector, source_text, target_code, target_name, target_country, target_sector, target_text"
      "  FROM mentions WHERE id = ?)"
      " WHERE id = ?",
      &u));
  u->Bind(0, n);
  u->Bind(1, arts);
  u->Bind(2, srcs);
  u->Bind(3, first);
  u->Bind(4, first);
  u->Bind(5, id);
  HADATH_RETURN_IF_ERROR(u->Exec());
  Stmt* l;
  HADATH_RETURN_IF_ERROR(Prep(
      "UPDATE events SET (location_name, location_country, location_lat, location_lon, location_geonames_id) ="
      " (SELECT location_name, location_country, location_lat, location_lon, location_geonames_id"
      "  FROM mentions WHERE id = COALESCE("
      "   (SELECT min(id) FROM mentions WHERE event_id = ? AND location_country <> ''), ?))"
      " WHERE id = ?",
      &l));
  l->Bind(0, id);
  l->Bind(1, first);
  l->Bind(2, id);
  return l->Exec();
}

Status Store::Impl::AddMention(int64_t doc_id, const std::string& source_key, const Event& e,
                               const std::string& now) {
  const std::string tcode = e.target ? e.target->code : "";
  const std::string dyad = DyadKey(e.root, e.source.code, tcode);
  // Find the event this mention reports: same root and dyad, date within the window,
  // compatible location country; the nearest date wins, then the oldest event.
  Stmt* f;
  HADATH_RETURN_IF_ERROR(Prep(
      "SELECT id, date FROM events WHERE root = ? AND dyad = ? AND date >= ? AND date <= ?"
      " AND (CAST(? AS TEXT) = '' OR location_country = '' OR location_country = ?) ORDER BY id",
      &f));
  int w = std::max(0, options.dedup.window_days);
  f->Bind(0, e.root);
  f->Bind(1, dyad);
  f->Bind(2, e.date.empty() ? std::string() : ShiftDate(e.date, -w));
  f->Bind(3, e.date.empty() ? std::string() : ShiftDate(e.date, w));
  std::string country = options.dedup.match_country ? e.location.country : "";
  f->Bind(4, country);
  f->Bind(5, country);
  HADATH_RETURN_IF_ERROR(f->Exec());
  int64_t event_id = 0, best = 0;
  while (f->Next()) {
    int64_t d = DayDistance(f->Text(1), e.date);
    if (event_id == 0 || d < best) { event_id = f->Int(0); best = d; }
  }
  HADATH_RETURN_IF_ERROR(f->status());

  // Counts of an existing event are updated in place (a full refresh would read all its
  // mentions for each new one): a new article unless this document already reported it,
  // a new source unless a document of the same source did.
  bool existed = event_id != 0;
  int64_t new_article = 1, new_source = 1;
  if (existed) {
    Stmt* q;
    HADATH_RETURN_IF_ERROR(Prep("SELECT 1 FROM mentions WHERE event_id = ? AND document_id = ? LIMIT 1", &q));
    q->Bind(0, event_id);
    q->Bind(1, doc_id);
    HADATH_RETURN_IF_ERROR(q->Exec());
    if (q->Next()) new_article = new_source = 0;
    while (q->Next()) {}
    HADATH_RETURN_IF_ERROR(q->status());
    if (new_source) {
      HADATH_RETURN_IF_ERROR(Prep(
          "SELECT 1 FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id = ?"
          " AND (CASE WHEN d.source = '' THEN d.doc_key ELSE d.source END) = ? LIMIT 1",
          &q));
      q->Bind(0, event_id);
      q->Bind(1, source_key);
      HADATH_RETURN_IF_ERROR(q->Exec());
      if (q->Next()) new_source = 0;
      while (q->Next()) {}
      HADATH_RETURN_IF_ERROR(q->status());
    }
  }
  if (event_id == 0) {
    Stmt* ins;
    HADATH_RETURN_IF_ERROR(Prep(
        "INSERT INTO events (date, root, cameo, cameo_name, quad_class, goldstein, dyad, source_code, source_name,"
        " source_country, source_sector, source_text, location_name, location_country,"
        " num_mentions, num_sources, num_articles, date_added)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', '', '', 0, 0, 0, ?) RETURNING id",
        &ins));
    ins->Bind(0, e.date);
    ins->Bind(1, e.root);
    ins->Bind(2, e.cameo);
    ins->Bind(3, e.cameo_name);
    ins->Bind(4, e.quad_class);
    ins->Bind(5, e.goldstein);
    ins->Bind(6, dyad);
    ins->Bind(7, e.source.code);
    ins->Bind(8, now);
    HADATH_RETURN_IF_ERROR(ins->Exec());
    if (ins->Next()) event_id = ins->Int(0);
    while (ins->Next()) {}
    HADATH_RETURN_IF_ERROR(ins->status());
  }

  Stmt* m;
  HADATH_RETURN_IF_ERROR(Prep(
      "INSERT INTO mentions (event_id, document_id, mention_key, sentence_index, sentence, date, date_basis,"
      " cameo, cameo_name, root, quad_class, goldstein, plover, plover_mode,"
      " source_text, source_code, source_country, source_sector, source_name, source_start, source_end,"
      " target_text, target_code, target_country, target_sector, target_name, target_start, target_end,"
      " trigger_text, trigger_start, trigger_end,"
      " location_text, location_name, location_country, location_lat, location_lon, location_geonames_id,"
      " negated, modality, confidence, rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      &m));
  int i = 0;
  m->Bind(i++, event_id);
  m->Bind(i++, doc_id);
  m->Bind(i++, e.event_id);
  m->Bind(i++, e.sentence_index);
  m->Bind(i++, e.sentence);
  m->Bind(i++, e.date);
  m->Bind(i++, e.date_basis);
  m->Bind(i++, e.cameo);
  m->Bind(i++, e.cameo_name);
  m->Bind(i++, e.root);
  m->Bind(i++, e.quad_class);
  m->Bind(i++, e.goldstein);
  m->Bind(i++, e.plover);
  m->Bind(i++, e.plover_mode);
  for (const ActorRef* a : {&e.source, e.target ? &*e.target : nullptr}) {
    if (a) {
      m->Bind(i++, a->text);
      m->Bind(i++, a->code);
      m->Bind(i++, a->country);
      m->Bind(i++, a->sector);
      m->Bind(i++, a->name);
      m->Bind(i++, a->start);
      m->Bind(i++, a->end);
    } else {
      for (int k = 0; k < 7; ++k) m->BindNull(i++);
    }
  }
  m->Bind(i++, e.trigger_text);
  m->Bind(i++, e.trigger_start);
  m->Bind(i++, e.trigger_end);
  m->Bind(i++, e.location.text);
  m->Bind(i++, e.location.name);
  m->Bind(i++, e.location.country);
  e.location.lat ? m->Bind(i++, *e.location.lat) : m->BindNull(i++);
  e.location.lon ? m->Bind(i++, *e.location.lon) : m->BindNull(i++);
  e.location.geonames_id ? m->Bind(i++, static_cast<int64_t>(*e.location.geonames_id)) : m->BindNull(i++);
  m->Bind(i++, static_cast<int64_t>(e.negated));
  m->Bind(i++, e.modality);
  m->Bind(i++, MentionConfidence(e));
  m->Bind(i++, nlohmann::json(e.rules).dump());
  HADATH_RETURN_IF_ERROR(m->Exec());
  if (!existed) {
    HADATH_RETURN_IF_ERROR(RefreshEvent(event_id));
  } else {
    Stmt* u;
    HADATH_RETURN_IF_ERROR(Prep(
        "UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles + ?,"
        " num_sources = num_sources + ? WHERE id = ?",
        &u));
    u->Bind(0, new_article);
    u->Bind(1, new_source);
    u->Bind(2, event_id);
    HADATH_RETURN_IF_ERROR(u->Exec());
    if (!e.location.country.empty()) {  // the first known location becomes the event's
      HADATH_RETURN_IF_ERROR(Prep(
          "UPDATE events SET location_name = ?, location_country = ?, location_lat = ?, location_lon = ?,"
          " location_geonames_id = ? WHERE id = ? AND location_country = ''",
          &u));
      u->Bind(0, e.location.name);
      u->Bind(1, e.location.country);
      e.location.lat ? u->Bind(2, *e.location.lat) : u->BindNull(2);
      e.location.lon ? u->Bind(3, *e.location.lon) : u->BindNull(3);
      e.location.geonames_id ? u->Bind(4, static_cast<int64_t>(*e.location.geonames_id)) : u->BindNull(4);
      u->Bind(5, event_id);
      HADATH_RETURN_IF_ERROR(u->Exec());
    }
  }
  if (version < 2) return Status::OK();  // actors and places arrive with schema 2
  HADATH_RETURN_IF_ERROR(SeeActor(e.source, e.date));
  if (e.target) HADATH_RETURN_IF_ERROR(SeeActor(*e.target, e.date));
  return SeePlace(e.location, e.date);
}

Status Store::Put(const Document& raw, const Extracted& doc, const std::vector<Event>& events, PutResult* result) {
  Impl& I = *impl_;
  const std::string raw_hash = RawHash(raw);
  const std::string content_hash = HexHash(doc.text + '\x1f' + doc.date);
  const std::string key = doc.id.empty() ? "sha:" + content_hash : doc.id;
  const std::string now = NowUtc();

  Stmt* s;
  HADATH_RETURN_IF_ERROR(I.Prep("SELECT id, raw_hash FROM documents WHERE doc_key = ?", &s));
  s->Bind(0, key);
  HADATH_RETURN_IF_ERROR(s->Exec());
  int64_t doc_id = 0;
  std::string old_hash;
  if (s->Next()) { doc_id = s->Int(0); old_hash = s->Text(1); }
  while (s->Next()) {}
  HADATH_RETURN_IF_ERROR(s->status());

  std::set<int64_t> touched;
  if (doc_id != 0) {
    if (old_hash == raw_hash) { *result = PutResult::kUnchanged; return Status::OK(); }
    // A changed document: drop its mentions (events are refreshed below), update the row.
    HADATH_RETURN_IF_ERROR(I.Prep("SELECT DISTINCT event_id FROM mentions WHERE document_id = ?", &s));
    s->Bind(0, doc_id);
    HADATH_RETURN_IF_ERROR(s->Exec());
    while (s->Next()) touched.insert(s->Int(0));
    HADATH_RETURN_IF_ERROR(s->status());
    HADATH_RETURN_IF_ERROR(I.Prep("DELETE FROM mentions WHERE document_id = ?", &s));
    s->Bind(0, doc_id);
    HADATH_RETURN_IF_ERROR(s->Exec());
    HADATH_RETURN_IF_ERROR(I.Prep(
        "UPDATE documents SET url = ?, source = ?, title = ?, date = ?, date_origin = ?, site = ?, lang = ?,"
        " raw_hash = ?, content_hash = ?, chars = ?, invalid_bytes = ?, num_mentions = ?, origin = ?,"
        " ingested_at = ? WHERE id = ?",
        &s));
    *result = PutResult::kReplaced;
  } else {
    HADATH_RETURN_IF_ERROR(I.Prep("SELECT 1 FROM documents WHERE content_hash = ? LIMIT 1", &s));
    s->Bind(0, content_hash);
    HADATH_RETURN_IF_ERROR(s->Exec());
    bool dup = s->Next();
    while (s->Next()) {}
    HADATH_RETURN_IF_ERROR(s->status());
    if (dup) { *result = PutResult::kDuplicate; return Status::OK(); }
    HADATH_RETURN_IF_ERROR(I.Prep(
        "INSERT INTO documents (url, source, title, date, date_origin, site, lang, raw_hash, content_hash,"
        " chars, invalid_bytes, num_mentions, origin, ingested_at, doc_key)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        &s));
    *result = PutResult::kAdded;
  }
  size_t chars = 0;
  for (unsigned char c : doc.text) chars += (c & 0xC0) != 0x80;
  int i = 0;
  s->Bind(i++, doc.url);
  s->Bind(i++, doc.source);
  s->Bind(i++, doc.title);
  s->Bind(i++, doc.date);
  s->Bind(i++, doc.date_origin);
  s->Bind(i++, doc.site);
  s->Bind(i++, doc.lang);
  s->Bind(i++, raw_hash);
  s->Bind(i++, content_hash);
  s->Bind(i++, chars);
  s->Bind(i++, doc.invalid_bytes);
  s->Bind(i++, events.size());
  s->Bind(i++, raw.origin);
  s->Bind(i++, now);
  if (doc_id != 0) s->Bind(i++, doc_id);
  else s->Bind(i++, key);
  HADATH_RETURN_IF_ERROR(s->Exec());
  if (doc_id == 0) {
    if (s->Next()) doc_id = s->Int(0);
    while (s->Next()) {}
    HADATH_RETURN_IF_ERROR(s->status());
  }
  if (I.version >= 3) {  // the text, for the document view (schema 3)
    HADATH_RETURN_IF_ERROR(I.Prep("INSERT INTO document_texts (document_id, text) VALUES (?, ?)"
                                  " ON CONFLICT (document_id) DO UPDATE SET text = excluded.text",
                                  &s));
    s->Bind(0, doc_id);
    s->Bind(1, doc.text);
    HADATH_RETURN_IF_ERROR(s->Exec());
  }
  const std::string source_key = doc.source.empty() ? key : doc.source;
  for (const Event& e : events) HADATH_RETURN_IF_ERROR(I.AddMention(doc_id, source_key, e, now));
  for (int64_t id : touched) HADATH_RETURN_IF_ERROR(I.RefreshEvent(id));
  return Status::OK();
}

Status Store::Stats(StoreStats* out) {
  const std::pair<const char*, int64_t*> tables[] = {{"documents", &out->documents}, {"events", &out->events},
                                                     {"mentions", &out->mentions}, {"actors", &out->actors},
                                                     {"places", &out->places}};
  for (auto& [t, dst] : tables) {
    Stmt* s;
    HADATH_RETURN_IF_ERROR(impl_->Prep(std::string("SELECT count(*) FROM ") + t, &s));
    HADATH_RETURN_IF_ERROR(s->Exec());
    if (s->Next()) *dst = s->Int(0);
    while (s->Next()) {}
    HADATH_RETURN_IF_ERROR(s->status());
  }
  return Status::OK();
}

static Status RunTable(Db& db, const std::string& sql, const std::vector<Value>& params, Table* out) {
  std::unique_ptr<Stmt> s;
  HADATH_RETURN_IF_ERROR(db.Prepare(sql, &s));
  for (size_t i = 0; i < params.size(); ++i) s->Bind(static_cast<int>(i), params[i]);
  HADATH_RETURN_IF_ERROR(s->Exec());
  out->columns.clear();
  out->rows.clear();
  for (int i = 0; i < s->columns(); ++i) out->columns.push_back(s->column_name(i));
  while (s->Next()) {
    std::vector<Value> row;
    for (int i = 0; i < s->columns(); ++i) row.push_back(s->Get(i));
    out->rows.push_back(std::move(row));
  }
  return s->status();
}

Status Store::Query(const std::string& kind, const QueryFilter& f, const std::string& by, Table* out) {
  Db& db = *impl_->db;
  const char* quads =
      " sum(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END) AS verbal_coop,"
      " sum(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END) AS material_coop,"
      " sum(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END) AS verbal_conflict,"
      " sum(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END) AS material_conflict";
  if (kind == "events") {
    Where w = EventWhere(f);
    return RunTable(db,
                    "SELECT e.id, e.date, e.cameo, e.cameo_name, e.quad_class, e.goldstein,"
                    " e.source_code, e.source_name, e.target_code, e.target_name,"
                    " e.location_name, e.location_country, e.num_mentions, e.num_sources, e.num_articles"
                    " FROM events e" + w.Sql() + " ORDER BY e.date, e.id" + Limit(f),
                    w.params, out);
  }
  if (kind == "dyads") {
    Where w = EventWhere(f);
    return RunTable(db,
                    "SELECT e.source_code AS source, COALESCE(e.target_code, '') AS target, count(*) AS events,"
                    " CAST(sum(e.num_mentions) AS BIGINT) AS mentions, avg(e.goldstein) AS goldstein," + std::string(quads) +
                    ", min(e.date) AS first, max(e.date) AS last FROM events e" + w.Sql() +
                    " GROUP BY e.source_code, COALESCE(e.target_code, '')"
                    " ORDER BY events DESC, mentions DESC, source, target" + Limit(f),
                    w.params, out);
  }
  if (kind == "timeline") {
    int n = by == "day" ? 10 : by == "year" ? 4 : 7;
    Where w = EventWhere(f);
    std::string period = "substr(e.date, 1, " + std::to_string(n) + ")";
    return RunTable(db,
                    "SELECT " + period + " AS period, count(*) AS events, CAST(sum(e.num_mentions) AS BIGINT) AS mentions,"
                    " avg(e.goldstein) AS goldstein," + quads + " FROM events e" + w.Sql() +
                    " GROUP BY " + period + " ORDER BY period" + Limit(f),
                    w.params, out);
  }
  if (kind == "actors") {
    Where w = EventWhere(f);
    std::vector<Value> params = w.params;
    params.insert(params.end(), w.params.begin(), w.params.end());
    std::string ws = w.Sql(" AND ");
    return RunTable(db,
                    "SELECT a.code, (SELECT min(name) FROM actors WHERE actors.code = a.code AND name <> '') AS name,"
                    " count(DISTINCT a.id) AS events, sum(a.as_source) AS as_source, sum(a.as_target) AS as_target,"
                    " avg(a.goldstein) AS goldstein, min(a.date) AS first, max(a.date) AS last FROM ("
                    " SELECT e.id, e.source_code AS code, 1 AS as_source, 0 AS as_target, e.goldstein, e.date"
                    "  FROM events e WHERE e.source_code <> ''" + ws +
                    " UNION ALL SELECT e.id, e.target_code, 0, 1, e.goldstein, e.date"
                    "  FROM events e WHERE e.target_code IS NOT NULL AND e.target_code <> ''" + ws +
                    ") a GROUP BY a.code ORDER BY events DESC, a.code" + Limit(f),
                    params, out);
  }
  if (kind == "documents") {
    QueryFilter ef = f;
    ef.text.clear();
    ef.doc.clear();
    Where w;
    if (!f.from.empty()) w.Add("d.date >= ?", {f.from});
    if (!f.to.empty()) w.Add("d.date <= ?", {f.to});
    if (!f.text.empty()) w.Add("{strpos}(d.title, ?) > 0", {f.text});
    if (!f.doc.empty()) w.Add("d.doc_key = ?", {f.doc});
    Where ew = EventWhere(ef, false);
    if (!ew.clauses.empty())
      w.Add("d.id IN (SELECT m.document_id FROM mentions m JOIN events e ON e.id = m.event_id" + ew.Sql() + ")",
            ew.params);
    return RunTable(db,
                    "SELECT d.doc_key AS id, d.date, d.source, d.title, d.num_mentions AS mentions,"
                    " (SELECT count(DISTINCT event_id) FROM mentions WHERE document_id = d.id) AS events"
                    " FROM documents d" + w.Sql() + " ORDER BY d.date, d.id" + Limit(f),
                    w.params, out);
  }
  return Status::InvalidArgument("unknown query '" + kind + "' (events, dyads, timeline, actors, documents)");
}

Status Store::ForEachEvent(const QueryFilter& f, const std::function<void(const EventRecord&)>& fn) {
  Where w = EventWhere(f);
  std::unique_ptr<Stmt> s;
  HADATH_RETURN_IF_ERROR(impl_->db->Prepare(
      "SELECT e.*, fm.sentence_index AS first_sentence_index, fd.doc_key AS first_doc_id, fd.url AS first_url,"
      " fd.source AS first_source FROM events e"
      " LEFT JOIN mentions fm ON fm.id = e.first_mention_id LEFT JOIN documents fd ON fd.id = fm.document_id" +
          w.Sql() + " ORDER BY e.id" + Limit(f),
      &s));
  for (size_t i = 0; i < w.params.size(); ++i) s->Bind(static_cast<int>(i), w.params[i]);
  HADATH_RETURN_IF_ERROR(s->Exec());
  Cols c(*s);
  while (s->Next()) {
    EventRecord r;
    r.id = c.Int("id");
    r.date = c.Text("date");
    r.cameo = c.Text("cameo");
    r.root = c.Text("root");
    r.quad_class = static_cast<int>(c.Int("quad_class"));
    r.goldstein = c.Double("goldstein");
    r.source = c.Actor("source");
    if (!c.Null("target_code")) r.target = c.Actor("target");
    r.location = c.Loc();
    r.num_mentions = c.Int("num_mentions");
    r.num_sources = c.Int("num_sources");
    r.num_articles = c.Int("num_articles");
    r.first_sentence_index = c.Int("first_sentence_index");
    r.first_doc_id = c.Text("first_doc_id");
    r.first_url = c.Text("first_url");
    r.first_source = c.Text("first_source");
    r.date_added = c.Text("date_added");
    fn(r);
  }
  return s->status();
}

Status Store::ForEachMention(const QueryFilter& f, const std::function<void(const MentionRecord&)>& fn) {
  Where w = EventWhere(f);
  std::unique_ptr<Stmt> s;
  HADATH_RETURN_IF_ERROR(impl_->db->Prepare(
      "SELECT m.*, d.doc_key, d.url AS doc_url, d.source AS doc_source, d.title AS doc_title, d.date AS doc_date,"
      " d.lang AS doc_lang, d.chars AS doc_chars, d.ingested_at, e.date AS event_date"
      " FROM mentions m JOIN documents d ON d.id = m.document_id JOIN events e ON e.id = m.event_id" +
          w.Sql() + " ORDER BY m.id" + Limit(f),
      &s));
  for (size_t i = 0; i < w.params.size(); ++i) s->Bind(static_cast<int>(i), w.params[i]);
  HADATH_RETURN_IF_ERROR(s->Exec());
  Cols c(*s);
  while (s->Next()) {
    MentionRecord r;
    r.id = c.Int("id");
    r.event_id = c.Int("event_id");
    Event& e = r.event;
    e.event_id = c.Text("mention_key");
    e.doc_id = c.Text("doc_key");
    e.doc_url = c.Text("doc_url");
    e.doc_source = c.Text("doc_source");
    e.doc_title = c.Text("doc_title");
    e.doc_date = c.Text("doc_date");
    e.sentence_index = static_cast<size_t>(c.Int("sentence_index"));
    e.sentence = c.Text("sentence");
    e.date = c.Text("date");
    e.date_basis = c.Text("date_basis");
    e.source = c.Actor("source");
    if (!c.Null("target_code")) e.target = c.Actor("target");
    e.cameo = c.Text("cameo");
    e.root = c.Text("root");
    e.cameo_name = c.Text("cameo_name");
    e.quad_class = static_cast<int>(c.Int("quad_class"));
    e.goldstein = c.Double("goldstein");
    e.plover = c.Text("plover");
    e.plover_mode = c.Text("plover_mode");
    e.trigger_text = c.Text("trigger_text");
    e.trigger_start = static_cast<size_t>(c.Int("trigger_start"));
    e.trigger_end = static_cast<size_t>(c.Int("trigger_end"));
    e.location = c.Loc();
    e.negated = c.Int("negated") != 0;
    e.modality = c.Text("modality");
    auto rules = nlohmann::json::parse(c.Text("rules"), nullptr, false);
    if (rules.is_array())
      for (auto& x : rules) if (x.is_string()) e.rules.push_back(x.get<std::string>());
    r.confidence = c.Double("confidence");
    r.lang = c.Text("doc_lang");
    r.doc_chars = c.Int("doc_chars");
    r.event_date = c.Text("event_date");
    r.ingested_at = c.Text("ingested_at");
    fn(r);
  }
  return s->status();
}

}  // namespace hadath
