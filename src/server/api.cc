#include "server/api.h"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <rapidjson/writer.h>
#include <set>
#include <unordered_map>
#include <vector>

#include "code/event_json.h"
#include "hadath/store.h"
#include "server/annotate.h"
#include "store/db.h"
#include "store/export.h"
#include "text/dates.h"
#include "util/utf8.h"

namespace hadath::server {

using json = nlohmann::ordered_json;
using store::Db;
using store::Stmt;

namespace {

constexpr size_t kMaxTextParam = 200;   // code points of q
constexpr size_t kMaxIdParam = 512;     // bytes of a document id
constexpr size_t kMaxActors = 4;
constexpr int kMaxMentionsPerEvent = 200;
constexpr size_t kMaxRuleLine = 400;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

ApiResponse Json(int status, const json& j) {
  ApiResponse r;
  r.status = status;
  r.body = Dump(j);
  r.body += '\n';
  return r;
}

ApiResponse Error(int status, const std::string& msg) { return Json(status, json{{"error", msg}}); }

// A validation failure, carried out of the parameter parsers.
struct BadRequest {
  int status;
  std::string message;
};

bool IsValidUtf8(const std::string& s) {
  std::string tmp;
  return utf8::Sanitize(s, &tmp) == 0;
}

bool AllOf(const std::string& s, bool (*pred)(char)) {
  return std::all_of(s.begin(), s.end(), [&](char c) { return pred(c); });
}
bool UpperAlnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool Digit(char c) { return c >= '0' && c <= '9'; }

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool IsDate(const std::string& s) {
  Ymd d;
  return s.size() == 10 && Ymd::Parse(s, &d) && d.ToString() == s;
}

// Query parameters of one request: typed getters that throw BadRequest.
class Params {
 public:
  Params(const std::multimap<std::string, std::string>& m, std::initializer_list<const char*> allowed) : m_(m) {
    std::set<std::string> ok(allowed.begin(), allowed.end());
    for (const auto& [k, v] : m) {
      if (!ok.count(k)) {
        std::string list;
        for (const auto& a : ok) list += (list.empty() ? "" : ", ") + a;
        throw BadRequest{400, "unknown parameter '" + Clip(k) + "'" + (ok.empty() ? "" : " (accepted: " + list + ")")};
      }
      if (!IsValidUtf8(v)) throw BadRequest{400, "parameter '" + k + "' is not valid UTF-8"};
    }
  }

  std::optional<std::string> One(const std::string& name) const {
    auto [b, e] = m_.equal_range(name);
    if (b == e) return std::nullopt;
    if (std::next(b) != e) throw BadRequest{400, "parameter '" + name + "' given more than once"};
    return b->second;
  }
  std::vector<std::string> All(const std::string& name) const {
    std::vector<std::string> out;
    auto [b, e] = m_.equal_range(name);
    for (auto it = b; it != e; ++it) {
      size_t i = 0;
      const std::string& v = it->second;
      while (i <= v.size()) {  // comma-separated values too
        size_t j = v.find(',', i);
        if (j == std::string::npos) j = v.size();
        if (j > i) out.push_back(v.substr(i, j - i));
        i = j + 1;
      }
    }
    return out;
  }
  int Int(const std::string& name, int def, int lo, int hi) const {
    auto v = One(name);
    if (!v) return def;
    if (v->empty() || v->size() > 9 || !AllOf(*v, Digit))
      throw BadRequest{400, fmt::format("parameter '{}' must be an integer from {} to {}, got '{}'", name, lo, hi, Clip(*v))};
    int n = std::stoi(*v);
    if (n < lo || n > hi)
      throw BadRequest{400, fmt::format("parameter '{}' must be from {} to {}, got {}", name, lo, hi, n)};
    return n;
  }
  static std::string Clip(const std::string& s) {
    std::string o;
    utf8::Sanitize(s.substr(0, 60), &o);
    return o;
  }

 private:
  const std::multimap<std::string, std::string>& m_;
};

// WHERE clauses over events (alias e) and their bound values.
struct Where {
  std::vector<std::string> clauses;
  std::vector<Value> params;
  void Add(std::string c, std::vector<Value> p = {}) {
    clauses.push_back(std::move(c));
    params.insert(params.end(), p.begin(), p.end());
  }
  std::string Sql(const char* lead = " WHERE ") const {
    if (clauses.empty()) return "";
    std::string s = lead;
    for (size_t i = 0; i < clauses.size(); ++i) s += (i ? " AND " : "") + clauses[i];
    return s;
  }
};

// The event filters shared by events, dyads, timeline, places and documents.
Where ParseFilters(const Params& p) {
  Where w;
  auto from = p.One("from"), to = p.One("to");
  if (from && !IsDate(*from)) throw BadRequest{400, "parameter 'from' must be a date YYYY-MM-DD, got '" + Params::Clip(*from) + "'"};
  if (to && !IsDate(*to)) throw BadRequest{400, "parameter 'to' must be a date YYYY-MM-DD, got '" + Params::Clip(*to) + "'"};
  if (from && to && *from > *to) throw BadRequest{400, "'from' is after 'to'"};
  if (from) w.Add("e.date >= ?", {*from});
  if (to) w.Add("e.date <= ? AND e.date <> ''", {*to});
  std::vector<std::string> actors = p.All("actor");
  if (actors.size() > kMaxActors) throw BadRequest{400, fmt::format("at most {} actors", kMaxActors)};
  for (std::string a : actors) {
    a = Upper(a);
    if (a.empty() || a.size() > 40 || !AllOf(a, UpperAlnum))
      throw BadRequest{400, "parameter 'actor' must be a CAMEO code prefix (letters and digits), got '" + Params::Clip(a) + "'"};
    // Codes are letters and digits only, so the LIKE pattern has no wildcard but the last.
    w.Add("(e.source_code LIKE ? OR e.target_code LIKE ?)", {a + "%", a + "%"});
  }
  if (auto c = p.One("country")) {
    std::string cc = Upper(*c);
    if (cc.size() != 3 || !AllOf(cc, UpperAlnum))
      throw BadRequest{400, "parameter 'country' must be an ISO alpha-3 code, got '" + Params::Clip(*c) + "'"};
    w.Add("(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)", {cc, cc, cc});
  }
  if (auto r = p.One("root")) {
    if (r->size() != 2 || !AllOf(*r, Digit) || *r < "01" || *r > "20")
      throw BadRequest{400, "parameter 'root' must be a CAMEO root 01..20, got '" + Params::Clip(*r) + "'"};
    w.Add("e.root = ?", {*r});
  }
  int quad = p.Int("quad", 0, 1, 4);
  if (quad) w.Add("e.quad_class = ?", {static_cast<int64_t>(quad)});
  if (auto q = p.One("q")) {
    std::string t = utf8::Trim(*q);
    if (t.empty()) throw BadRequest{400, "parameter 'q' is empty"};
    if (utf8::Length(t) > kMaxTextParam) throw BadRequest{400, fmt::format("parameter 'q' is longer than {} characters", kMaxTextParam)};
    w.Add("EXISTS (SELECT 1 FROM mentions tm JOIN documents td ON td.id = tm.document_id"
          " WHERE tm.event_id = e.id AND ({strpos}(tm.sentence, ?) > 0 OR {strpos}(td.title, ?) > 0))",
          {t, t});
  }
  if (auto d = p.One("doc")) {
    if (d->empty() || d->size() > kMaxIdParam) throw BadRequest{400, "parameter 'doc' must be a document id"};
    w.Add("EXISTS (SELECT 1 FROM mentions dm JOIN documents dd ON dd.id = dm.document_id"
          " WHERE dm.event_id = e.id AND dd.doc_key = ?)",
          {*d});
  }
  return w;
}

// Row readers.
json Cell(const Stmt& s, int i) { return store::ValueJson(s.Get(i)); }

json ActorJson(const Stmt& s, int code, int name, int country, int sector, int text) {
  if (s.IsNull(code)) return nullptr;
  return json{{"code", s.Text(code)}, {"name", s.Text(name)}, {"country", s.Text(country)},
              {"sector", s.Text(sector)}, {"text", s.Text(text)}};
}

// SELECT list of an event row; EventRow() reads it in this order.
constexpr const char* kEventCols =
    "e.id, e.date, e.cameo, e.cameo_name, e.root, e.quad_class, e.goldstein,"
    " e.source_code, e.source_name, e.source_country, e.source_sector, e.source_text,"
    " e.target_code, e.target_name, e.target_country, e.target_sector, e.target_text,"
    " e.location_name, e.location_country, e.location_lat, e.location_lon, e.location_geonames_id,"
    " e.num_mentions, e.num_sources, e.num_articles, e.date_added";

json EventRow(const Stmt& s) {
  json j;
  j["id"] = s.Int(0);
  j["date"] = s.Text(1);
  j["cameo"] = s.Text(2);
  j["cameo_name"] = s.Text(3);
  j["root"] = s.Text(4);
  j["quad_class"] = s.Int(5);
  j["goldstein"] = s.Double(6);
  j["source"] = ActorJson(s, 7, 8, 9, 10, 11);
  j["target"] = ActorJson(s, 12, 13, 14, 15, 16);
  j["location"] = json{{"name", s.Text(17)}, {"country", s.Text(18)}, {"lat", Cell(s, 19)}, {"lon", Cell(s, 20)},
                       {"geonames_id", Cell(s, 21)}};
  j["num_mentions"] = s.Int(22);
  j["num_sources"] = s.Int(23);
  j["num_articles"] = s.Int(24);
  j["date_added"] = s.Text(25);
  return j;
}

// The same row, streamed with RapidJSON's Writer (no document tree: /api/events pages are
// the hottest path, and building nlohmann objects cost most of their time).
// The Writer appends straight to the response body. (Not rapidjson::StringBuffer: in
// Debian's RapidJSON 1.1 its first Reserve does arithmetic on a null pointer, which UBSan
// reports — found by the http fuzz target — and its bytes had to be copied into the body.)
struct BodyStream {
  using Ch = char;
  std::string* s;
  void Put(char c) { s->push_back(c); }
  void Flush() {}
};
using JsonWriter = rapidjson::Writer<BodyStream>;

void Str(JsonWriter& w, std::string_view v) {
  std::string clean;
  if (utf8::Sanitize(v, &clean) == 0) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  else w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));  // U+FFFD for bad bytes
}
void Key(JsonWriter& w, const char* k) { w.Key(k, static_cast<rapidjson::SizeType>(std::strlen(k))); }
void CellOut(JsonWriter& w, const Stmt& s, int i) {  // as store::ValueJson
  Value v = s.Get(i);
  if (auto* t = std::get_if<std::string>(&v)) Str(w, *t);
  else if (auto* n = std::get_if<int64_t>(&v)) w.Int64(*n);
  else if (auto* d = std::get_if<double>(&v)) w.Double(std::round(*d * 1e6) / 1e6);
  else w.Null();
}
void ActorOut(JsonWriter& w, const Stmt& s, int code, int name, int country, int sector, int text) {
  if (s.IsNull(code)) { w.Null(); return; }
  w.StartObject();
  Key(w, "code"); Str(w, s.TextView(code));
  Key(w, "name"); Str(w, s.TextView(name));
  Key(w, "country"); Str(w, s.TextView(country));
  Key(w, "sector"); Str(w, s.TextView(sector));
  Key(w, "text"); Str(w, s.TextView(text));
  w.EndObject();
}
void EventRowOut(JsonWriter& w, const Stmt& s) {  // the fields of EventRow(), in its order
  w.StartObject();
  Key(w, "id"); w.Int64(s.Int(0));
  Key(w, "date"); Str(w, s.TextView(1));
  Key(w, "cameo"); Str(w, s.TextView(2));
  Key(w, "cameo_name"); Str(w, s.TextView(3));
  Key(w, "root"); Str(w, s.TextView(4));
  Key(w, "quad_class"); w.Int64(s.Int(5));
  Key(w, "goldstein"); w.Double(s.Double(6));
  Key(w, "source"); ActorOut(w, s, 7, 8, 9, 10, 11);
  Key(w, "target"); ActorOut(w, s, 12, 13, 14, 15, 16);
  Key(w, "location");
  w.StartObject();
  Key(w, "name"); Str(w, s.TextView(17));
  Key(w, "country"); Str(w, s.TextView(18));
  Key(w, "lat"); CellOut(w, s, 19);
  Key(w, "lon"); CellOut(w, s, 20);
  Key(w, "geonames_id"); CellOut(w, s, 21);
  w.EndObject();
  Key(w, "num_mentions"); w.Int64(s.Int(22));
  Key(w, "num_sources"); w.Int64(s.Int(23));
  Key(w, "num_articles"); w.Int64(s.Int(24));
  Key(w, "date_added"); Str(w, s.TextView(25));
  w.EndObject();
}

constexpr const char* kQuadSums =
    " sum(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END), sum(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END),"
    " sum(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END), sum(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END)";

json QuadArray(const Stmt& s, int first) {
  return json::array({s.Int(first), s.Int(first + 1), s.Int(first + 2), s.Int(first + 3)});
}

// "ar/triggers.tsv:21" → the data line, read once per file.
class RuleBook {
 public:
  explicit RuleBook(std::string data_dir) : dir_(std::move(data_dir)) {}

  json Explain(const std::string& rule) {
    json j;
    j["rule"] = rule;
    size_t colon = rule.rfind(':');
    std::string file = colon == std::string::npos ? rule : rule.substr(0, colon);
    std::string line = colon == std::string::npos ? "" : rule.substr(colon + 1);
    j["kind"] = Kind(file);
    j["file"] = file;
    if (line.empty() || line.size() > 7 || !AllOf(line, Digit) || !SafePath(file)) {
      j["line"] = nullptr;
      j["text"] = nullptr;
      return j;
    }
    size_t n = std::stoul(line);
    j["line"] = n;
    const std::vector<std::string>* lines = Lines(file);
    if (lines && n >= 1 && n <= lines->size()) {
      std::string t = (*lines)[n - 1];
      if (t.size() > kMaxRuleLine) t = t.substr(0, kMaxRuleLine) + "…";
      j["text"] = t;
    } else {
      j["text"] = nullptr;
    }
    return j;
  }

 private:
  static bool SafePath(const std::string& f) {
    if (f.empty() || f[0] == '/' || f.find("..") != std::string::npos) return false;
    if (f.size() < 5 || f.compare(f.size() - 4, 4, ".tsv") != 0) return false;
    return std::all_of(f.begin(), f.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || Digit(c) || c == '_' || c == '-' || c == '.' || c == '/';
    });
  }
  static std::string Kind(const std::string& f) {
    for (const char* k : {"trigger", "actor", "agent", "place", "date", "modality", "cue", "countr", "normalize"})
      if (f.find(k) != std::string::npos) return std::string(k) == "countr" ? "country" : k;
    return "rule";
  }
  const std::vector<std::string>* Lines(const std::string& file) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = files_.find(file);
    if (it != files_.end()) return it->second ? &*it->second : nullptr;
    std::ifstream in(dir_ + "/" + file);
    std::optional<std::vector<std::string>> lines;
    if (in) {
      lines.emplace();
      std::string l;
      while (std::getline(in, l)) lines->push_back(std::move(l));
    }
    auto& slot = files_[file] = std::move(lines);
    return slot ? &*slot : nullptr;
  }

  std::string dir_;
  std::mutex mu_;
  std::unordered_map<std::string, std::optional<std::vector<std::string>>> files_;
};

bool IsPostgres(const std::string& s) {
  return s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
}

}  // namespace

struct Api::Impl {
  ApiOptions options;
  const Engine* engine = nullptr;
  std::string backend;
  int schema_version = 0;
  mutable Metrics metrics;
  std::unique_ptr<RuleBook> rules;

  // A read-only database connection and its prepared statements, by SQL text (the
  // statements are destroyed before the connection: members go in reverse order).
  struct Conn {
    std::unique_ptr<Db> db;
    std::unordered_map<std::string, std::unique_ptr<Stmt>> stmts;
    std::vector<Stmt*> used;  // statements run by the current request, reset when it ends
  };
  static constexpr size_t kMaxCachedStmts = 128;  // per connection; filters combine into few shapes

  // Database connections: a request takes one, and gives it back when done.
  mutable std::mutex mu;
  mutable std::vector<std::unique_ptr<Conn>> idle;

  class Lease {
   public:
    Lease(const Impl* impl, std::unique_ptr<Conn> c) : impl_(impl), c_(std::move(c)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (!c_) return;
      // A statement left mid-result would hold its read snapshot (and stop WAL checkpoints)
      // until its next use: reset every one this request ran.
      for (Stmt* s : c_->used) s->Clear();
      c_->used.clear();
      std::lock_guard<std::mutex> lock(impl_->mu);
      if (impl_->idle.size() < static_cast<size_t>(impl_->options.pool_size)) impl_->idle.push_back(std::move(c_));
    }
    Conn& operator*() const { return *c_; }
   private:
    const Impl* impl_;
    std::unique_ptr<Conn> c_;
  };

  // Every connection of the server is read-only (see Db::OpenSqlite / OpenPostgres).
  Status Connect(std::unique_ptr<Db>* out) const {
    if (IsPostgres(options.db)) return Db::OpenPostgres(options.db, out, /*read_only=*/true);
    std::string path = options.db.rfind("sqlite:", 0) == 0 ? options.db.substr(7) : options.db;
    return Db::OpenSqlite(path, false, out, /*read_only=*/true);
  }
  Lease Take() const {
    std::unique_ptr<Conn> c;
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!idle.empty()) {
        c = std::move(idle.back());
        idle.pop_back();
      }
    }
    if (!c) {
      c = std::make_unique<Conn>();
      Status st = Connect(&c->db);
      if (!st.ok()) throw BadRequest{503, "database unavailable: " + st.message()};
    }
    return Lease(this, std::move(c));
  }

  // Binds and runs `sql`, prepared once per connection; rows are then read by the caller.
  // The statement belongs to the connection: use it only while the lease is held.
  static Stmt* Run(Conn& c, const std::string& sql, const std::vector<Value>& params) {
    auto it = c.stmts.find(sql);
    Status st;
    if (it == c.stmts.end()) {
      if (c.stmts.size() >= kMaxCachedStmts) {
        for (Stmt* u : c.used) u->Clear();
        std::vector<std::string> drop;
        for (const auto& [k, v] : c.stmts)
          if (std::find(c.used.begin(), c.used.end(), v.get()) == c.used.end()) drop.push_back(k);
        for (const auto& k : drop) c.stmts.erase(k);
      }
      std::unique_ptr<Stmt> s;
      st = c.db->Prepare(sql, &s);
      if (!st.ok()) throw BadRequest{500, "database error: " + st.message()};
      it = c.stmts.emplace(sql, std::move(s)).first;
    }
    Stmt* s = it->second.get();
    if (std::find(c.used.begin(), c.used.end(), s) == c.used.end()) c.used.push_back(s);
    s->Clear();
    for (size_t i = 0; i < params.size(); ++i) s->Bind(static_cast<int>(i), params[i]);
    st = s->Exec();
    if (!st.ok()) throw BadRequest{500, "database error: " + st.message()};
    return s;
  }
  static void Check(const Stmt& s) {
    Status st = s.status();
    if (!st.ok()) throw BadRequest{500, "database error: " + st.message()};
  }

  int Limit(const Params& p, int def = 0) const {
    return p.Int("limit", def ? std::min(def, options.max_limit) : options.default_limit, 1, options.max_limit);
  }

  ApiResponse Route(const ApiRequest& req) const;
  ApiResponse Health() const;
  ApiResponse Prometheus() const;
  ApiResponse Events(const ApiRequest& req) const;
  ApiResponse EventById(const std::string& id) const;
  ApiResponse Dyads(const ApiRequest& req) const;
  ApiResponse Timeline(const ApiRequest& req) const;
  ApiResponse Actors(const ApiRequest& req) const;
  ApiResponse Places(const ApiRequest& req) const;
  ApiResponse Documents(const ApiRequest& req) const;
  ApiResponse DocumentById(const std::string& id) const;
  ApiResponse Code(const ApiRequest& req) const;
};

// GET /api/health
ApiResponse Api::Impl::Health() const {
  auto db = Take();
  auto s = Run(*db, "SELECT count(*) FROM events", {});
  int64_t events = s->Next() ? s->Int(0) : 0;
  while (s->Next()) {}
  Check(*s);
  return Json(200, json{{"status", "ok"}, {"version", Version()}, {"backend", backend},
                        {"schema_version", schema_version}, {"events", events}});
}

// GET /metrics
ApiResponse Api::Impl::Prometheus() const {
  std::map<std::string, std::pair<std::string, double>> gauges;
  auto db = Take();
  for (const char* t : {"documents", "events", "mentions", "actors", "places"}) {
    auto s = Run(*db, std::string("SELECT count(*) FROM ") + t, {});
    double n = s->Next() ? static_cast<double>(s->Int(0)) : 0;
    while (s->Next()) {}
    Check(*s);
    gauges[std::string("hadath_store_") + t] = {std::string("Rows in the store's ") + t + " table.", n};
  }
  gauges["hadath_info"] = {"hadath version " + std::string(Version()) + ", backend " + backend + ".", 1};
  ApiResponse r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = metrics.Render(gauges);
  return r;
}

// GET /api/events
ApiResponse Api::Impl::Events(const ApiRequest& req) const {
  Params params(req.params, {"from", "to", "actor", "country", "root", "quad", "q", "doc", "limit", "cursor"});
  Where w = ParseFilters(params);
  int limit = Limit(params);
  // Keyset pagination, newest first: the cursor is the last row's "date.id".
  if (auto c = params.One("cursor")) {
    size_t dot = c->rfind('.');
    std::string date = dot == std::string::npos ? "" : c->substr(0, dot);
    std::string id = dot == std::string::npos ? "" : c->substr(dot + 1);
    if (dot == std::string::npos || (!date.empty() && !IsDate(date)) || id.empty() || id.size() > 18 ||
        !AllOf(id, Digit))
      throw BadRequest{400, "parameter 'cursor' is not a cursor this server returned"};
    w.Add("(e.date < ? OR (e.date = ? AND e.id < ?))", {date, date, static_cast<int64_t>(std::stoll(id))});
  }
  auto db = Take();
  std::vector<Value> args = w.params;
  args.push_back(static_cast<int64_t>(limit + 1));
  auto s = Run(*db,
               std::string("SELECT ") + kEventCols + " FROM events e" + w.Sql() +
                   " ORDER BY e.date DESC, e.id DESC LIMIT ?",
               args);
  ApiResponse r;
  r.body.reserve(static_cast<size_t>(limit) * 900 + 64);
  BodyStream out{&r.body};
  JsonWriter jw(out);
  jw.StartObject();
  Key(jw, "events");
  jw.StartArray();
  int n = 0;
  bool more = false;
  std::string last_date;
  int64_t last_id = 0;
  while (s->Next()) {
    if (n == limit) { more = true; continue; }
    EventRowOut(jw, *s);
    last_id = s->Int(0);
    last_date = s->Text(1);
    ++n;
  }
  Check(*s);
  jw.EndArray();
  Key(jw, "next_cursor");
  if (more) Str(jw, last_date + "." + std::to_string(last_id));
  else jw.Null();
  jw.EndObject();
  r.body += '\n';
  return r;
}

// GET /api/events/{id}
ApiResponse Api::Impl::EventById(const std::string& id_text) const {
  if (id_text.empty() || id_text.size() > 18 || !AllOf(id_text, Digit))
    throw BadRequest{400, "an event id is a positive integer, got '" + Params::Clip(id_text) + "'"};
  int64_t id = std::stoll(id_text);
  auto db = Take();
  auto s = Run(*db, std::string("SELECT ") + kEventCols + " FROM events e WHERE e.id = ?", {id});
  if (!s->Next()) {
    Check(*s);
    throw BadRequest{404, "no event " + id_text};
  }
  json ev = EventRow(*s);
  while (s->Next()) {}
  auto m = Run(*db,
               "SELECT m.id, d.doc_key, d.title, d.url, d.source, d.date, m.sentence_index, m.sentence, m.date,"
               " m.date_basis, m.cameo, m.cameo_name, m.quad_class, m.goldstein, m.plover, m.plover_mode,"
               " m.source_text, m.source_code, m.source_name, m.target_text, m.target_code, m.target_name,"
               " m.trigger_text, m.location_text, m.location_name, m.location_country, m.negated, m.modality,"
               " m.confidence, m.rules, d.lang"
               " FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.event_id = ?"
               " ORDER BY m.id LIMIT ?",
               {id, static_cast<int64_t>(kMaxMentionsPerEvent)});
  json mentions = json::array();
  std::set<std::string> all_rules;
  while (m->Next()) {
    json j;
    j["mention_id"] = m->Int(0);
    j["doc_id"] = m->Text(1);
    j["doc_title"] = m->Text(2);
    j["doc_url"] = m->Text(3);
    j["doc_source"] = m->Text(4);
    j["doc_date"] = m->Text(5);
    j["lang"] = m->Text(30);
    j["sentence_index"] = m->Int(6);
    const std::string sentence = m->Text(7);
    j["sentence"] = sentence;
    j["date"] = m->Text(8);
    j["date_basis"] = m->Text(9);
    j["cameo"] = m->Text(10);
    j["cameo_name"] = m->Text(11);
    j["quad_class"] = m->Int(12);
    j["goldstein"] = m->Double(13);
    j["plover"] = m->Text(14);
    j["plover_mode"] = m->Text(15);
    j["source"] = json{{"text", m->Text(16)}, {"code", m->Text(17)}, {"name", m->Text(18)}};
    j["target"] = m->IsNull(20) ? json(nullptr)
                                : json{{"text", m->Text(19)}, {"code", m->Text(20)}, {"name", m->Text(21)}};
    j["trigger"] = m->Text(22);
    j["location"] = json{{"text", m->Text(23)}, {"name", m->Text(24)}, {"country", m->Text(25)}};
    j["negated"] = m->Int(26) != 0;
    j["modality"] = m->Text(27);
    j["confidence"] = m->Double(28);
    // Spans inside the sentence (code points), for highlighting it.
    json spans = json::array();
    auto mark = [&](const std::string& text, const char* kind, const char* role) {
      if (text.empty()) return;
      size_t at = sentence.find(text);
      if (at == std::string::npos) return;
      size_t b = utf8::Length(std::string_view(sentence).substr(0, at));
      json sp{{"start", b}, {"end", b + utf8::Length(text)}, {"kind", kind}};
      if (*role) sp["role"] = role;
      spans.push_back(std::move(sp));
    };
    mark(m->Text(16), "actor", "source");
    if (!m->IsNull(19)) mark(m->Text(19), "actor", "target");
    mark(m->Text(22), "trigger", "");
    mark(m->Text(23), "place", "");
    j["spans"] = std::move(spans);
    json rules = json::array(), why = json::array();
    try {
      json r = json::parse(m->Text(29));
      if (r.is_array())
        for (const auto& x : r)
          if (x.is_string()) {
            rules.push_back(x);
            why.push_back(this->rules->Explain(x.get<std::string>()));
          }
    } catch (const json::exception&) {
    }
    j["rules"] = std::move(rules);
    j["why"] = std::move(why);
    mentions.push_back(std::move(j));
  }
  Check(*m);
  ev["mentions"] = std::move(mentions);
  return Json(200, ev);
}

// GET /api/dyads. Two steps: rank the dyads by count alone (read from the covering index
// events_dyad, in group order), then aggregate the other columns for the top `limit` only
// (index searches per dyad). Half the work of aggregating every column of every dyad.
ApiResponse Api::Impl::Dyads(const ApiRequest& req) const {
  Params p(req.params, {"from", "to", "actor", "country", "root", "quad", "q", "doc", "limit"});
  Where w = ParseFilters(p);
  int limit = Limit(p);
  std::vector<Value> args = w.params;
  args.push_back(static_cast<int64_t>(limit));
  args.insert(args.end(), w.params.begin(), w.params.end());
  auto db = Take();
  auto s = Run(*db,
               "WITH top AS (SELECT e.source_code AS s, e.target_code AS t, count(*) AS n FROM events e" + w.Sql() +
                   // By the columns themselves (NULL targets form one group), so that the
                   // covering index delivers the rows already grouped.
                   " GROUP BY e.source_code, e.target_code"
                   " ORDER BY n DESC, e.source_code, COALESCE(e.target_code, '') LIMIT ?)"
                   " SELECT top.s, min(e.source_name), COALESCE(top.t, ''), min(e.target_name), top.n,"
                   " sum(e.num_mentions), avg(e.goldstein)," +
                   kQuadSums + ", min(e.date), max(e.date)"
                   " FROM top JOIN events e ON e.source_code = top.s AND e.target_code {is} top.t" +
                   w.Sql() +
                   " GROUP BY top.s, top.t, top.n ORDER BY top.n DESC, top.s, COALESCE(top.t, '')",
               args);
  json out = json::array();
  while (s->Next()) {
    out.push_back(json{{"source", s->Text(0)}, {"source_name", s->Text(1)}, {"target", s->Text(2)},
                       {"target_name", s->Text(3)}, {"events", s->Int(4)}, {"mentions", s->Int(5)},
                       {"goldstein", s->Double(6)}, {"quad", QuadArray(*s, 7)}, {"first", s->Text(11)},
                       {"last", s->Text(12)}});
  }
  Check(*s);
  return Json(200, json{{"dyads", out}});
}

// GET /api/timeline: counts and mean Goldstein per period, by quad class.
ApiResponse Api::Impl::Timeline(const ApiRequest& req) const {
  Params p(req.params, {"from", "to", "actor", "country", "root", "quad", "q", "doc", "by"});
  Where w = ParseFilters(p);
  std::string by = p.One("by").value_or("week");
  if (by != "day" && by != "week" && by != "month" && by != "year")
    throw BadRequest{400, "parameter 'by' must be day, week, month or year, got '" + Params::Clip(by) + "'"};
  w.Add("e.date <> ''");
  auto db = Take();
  auto s = Run(*db,
               "SELECT e.date, e.quad_class, count(*), sum(e.goldstein) FROM events e" + w.Sql() +
                   " GROUP BY e.date, e.quad_class ORDER BY e.date",
               w.params);
  struct Cell {
    int64_t n = 0;
    double g = 0;
  };
  std::map<std::string, std::array<Cell, 5>> periods;  // [0]: all quads
  while (s->Next()) {
    std::string d = s->Text(0);
    Ymd y;
    if (!Ymd::Parse(d, &y)) continue;
    std::string key;
    if (by == "day") key = y.ToString();
    else if (by == "week") key = Ymd::FromDays(y.ToDays() - (y.Weekday() - 1)).ToString();
    else if (by == "month") key = d.substr(0, 7);
    else key = d.substr(0, 4);
    int q = static_cast<int>(s->Int(1));
    auto& row = periods[key];
    for (int k : {0, q}) {
      if (k < 0 || k > 4) continue;
      row[k].n += s->Int(2);
      row[k].g += s->Double(3);
    }
  }
  Check(*s);
  json out = json::array();
  for (const auto& [k, row] : periods) {
    json quads = json::array();
    for (int q = 1; q <= 4; ++q)
      quads.push_back(json{{"events", row[q].n}, {"goldstein", row[q].n ? json(row[q].g / row[q].n) : json(nullptr)}});
    out.push_back(json{{"period", k}, {"events", row[0].n},
                       {"goldstein", row[0].n ? json(row[0].g / row[0].n) : json(nullptr)}, {"quad", quads}});
  }
  return Json(200, json{{"by", by}, {"periods", out}});
}

// GET /api/actors?q=: codes starting with q, or names containing it.
ApiResponse Api::Impl::Actors(const ApiRequest& req) const {
  Params p(req.params, {"q", "limit"});
  int limit = p.Int("limit", 10, 1, 100);
  std::string q = utf8::Trim(p.One("q").value_or(""));
  if (utf8::Length(q) > 64) throw BadRequest{400, "parameter 'q' is longer than 64 characters"};
  std::string lower = q;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::string code = Upper(q);
  auto db = Take();
  Stmt* s = nullptr;
  const std::string counts =
      ", (SELECT count(*) FROM events e WHERE e.source_code = a.code)"
      " + (SELECT count(*) FROM events e WHERE e.target_code = a.code) AS n";
  if (q.empty()) {
    s = Run(*db,
            "SELECT a.code, a.name, a.country, a.sector, a.first_date, a.last_date" + counts +
                " FROM (SELECT code, max(name) AS name, min(country) AS country, min(sector) AS sector,"
                " min(first_date) AS first_date, max(last_date) AS last_date FROM actors GROUP BY code) a"
                " ORDER BY n DESC, a.code LIMIT ?",
            {static_cast<int64_t>(limit)});
  } else {
    s = Run(*db,
            "SELECT a.code, a.name, a.country, a.sector, a.first_date, a.last_date" + counts +
                " FROM (SELECT code, max(name) AS name, min(country) AS country, min(sector) AS sector,"
                " min(first_date) AS first_date, max(last_date) AS last_date FROM actors"
                " WHERE substr(code, 1, ?) = ? OR {strpos}(lower(name), ?) > 0 GROUP BY code) a"
                " ORDER BY CASE WHEN a.code = ? THEN 0 WHEN substr(a.code, 1, ?) = ? THEN 1 ELSE 2 END, n DESC, a.code"
                " LIMIT ?",
            {static_cast<int64_t>(code.size()), code, lower, code, static_cast<int64_t>(code.size()), code,
             static_cast<int64_t>(limit)});
  }
  json out = json::array();
  while (s->Next())
    out.push_back(json{{"code", s->Text(0)}, {"name", s->Text(1)}, {"country", s->Text(2)}, {"sector", s->Text(3)},
                       {"first", s->Text(4)}, {"last", s->Text(5)}, {"events", s->Int(6)}});
  Check(*s);
  return Json(200, json{{"actors", out}});
}

// GET /api/places: events per place, for the map.
ApiResponse Api::Impl::Places(const ApiRequest& req) const {
  Params p(req.params, {"from", "to", "actor", "country", "root", "quad", "q", "doc", "limit"});
  Where w = ParseFilters(p);
  int limit = Limit(p, 500);
  w.Add("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL");
  std::vector<Value> args = w.params;
  args.push_back(static_cast<int64_t>(limit));
  auto db = Take();
  auto s = Run(*db,
               std::string("SELECT e.location_name, e.location_country, e.location_lat, e.location_lon,"
                           " max(e.location_geonames_id), count(*) AS n, avg(e.goldstein),") +
                   kQuadSums + ", min(e.date), max(e.date) FROM events e" + w.Sql() +
                   " GROUP BY e.location_name, e.location_country, e.location_lat, e.location_lon"
                   " ORDER BY n DESC, e.location_country, e.location_name LIMIT ?",
               args);
  json out = json::array();
  while (s->Next())
    out.push_back(json{{"name", s->Text(0)}, {"country", s->Text(1)}, {"lat", s->Double(2)}, {"lon", s->Double(3)},
                       {"geonames_id", Cell(*s, 4)}, {"events", s->Int(5)}, {"goldstein", s->Double(6)},
                       {"quad", QuadArray(*s, 7)}, {"first", s->Text(11)}, {"last", s->Text(12)}});
  Check(*s);
  return Json(200, json{{"places", out}});
}

// GET /api/documents
ApiResponse Api::Impl::Documents(const ApiRequest& req) const {
  Params p(req.params, {"from", "to", "actor", "country", "root", "quad", "q", "doc", "limit"});
  Where ew = ParseFilters(p);
  int limit = Limit(p);
  Where w;
  if (!ew.clauses.empty())
    w.Add("d.id IN (SELECT m.document_id FROM mentions m JOIN events e ON e.id = m.event_id" + ew.Sql() + ")",
          ew.params);
  std::vector<Value> args = w.params;
  args.push_back(static_cast<int64_t>(limit));
  auto db = Take();
  auto s = Run(*db,
               "SELECT d.doc_key, d.date, d.source, d.title, d.url, d.lang, d.num_mentions FROM documents d" + w.Sql() +
                   " ORDER BY d.date DESC, d.id DESC LIMIT ?",
               args);
  json out = json::array();
  while (s->Next())
    out.push_back(json{{"id", s->Text(0)}, {"date", s->Text(1)}, {"source", s->Text(2)}, {"title", s->Text(3)},
                       {"url", s->Text(4)}, {"lang", s->Text(5)}, {"mentions", s->Int(6)}});
  Check(*s);
  return Json(200, json{{"documents", out}});
}

// GET /api/documents/{id}: the extracted text the store keeps (schema 3), re-coded with
// the engine to find every actor, trigger, place and date in it; the re-coded events are
// linked to the stored ones by their trigger offsets. A document stored before schema 3
// has no text: its view is the title and the reporting sentences (`text_is_excerpt`).
ApiResponse Api::Impl::DocumentById(const std::string& id) const {
  if (id.empty() || id.size() > kMaxIdParam || !IsValidUtf8(id)) throw BadRequest{400, "bad document id"};
  auto db = Take();
  auto s = Run(*db,
               "SELECT id, doc_key, url, source, title, date, date_origin, site, lang, chars, num_mentions, ingested_at"
               " FROM documents WHERE doc_key = ?",
               {id});
  if (!s->Next()) {
    Check(*s);
    throw BadRequest{404, "no document '" + Params::Clip(id) + "'"};
  }
  const int64_t doc_row = s->Int(0);
  json meta{{"id", s->Text(1)},   {"url", s->Text(2)},  {"source", s->Text(3)},     {"title", s->Text(4)},
            {"date", s->Text(5)}, {"date_origin", s->Text(6)}, {"site", s->Text(7)}, {"lang", s->Text(8)},
            {"chars", s->Int(9)}, {"num_mentions", s->Int(10)}, {"ingested_at", s->Text(11)}};
  Extracted doc;
  doc.id = s->Text(1);
  doc.title = s->Text(4);
  doc.date = s->Text(5);
  doc.lang = s->Text(8);
  while (s->Next()) {}

  struct Stored {
    int64_t event_id;
    int64_t sentence_index;
    std::string cameo, source_code;
    int64_t trigger_start;
  };
  std::map<int64_t, std::string> sentences;
  std::vector<Stored> stored;
  auto m = Run(*db,
               "SELECT m.event_id, m.sentence_index, m.sentence, m.cameo, m.source_code, m.trigger_start FROM mentions m"
               " WHERE m.document_id = ? ORDER BY m.sentence_index, m.id",
               {doc_row});
  while (m->Next()) {
    sentences.emplace(m->Int(1), m->Text(2));
    stored.push_back({m->Int(0), m->Int(1), m->Text(3), m->Text(4), m->Int(5)});
  }
  Check(*m);

  bool full_text = false;
  if (schema_version >= 3) {
    auto t = Run(*db, "SELECT text FROM document_texts WHERE document_id = ?", {doc_row});
    if (t->Next()) {
      doc.text = t->Text(0);
      full_text = true;
    }
    while (t->Next()) {}
    Check(*t);
  }

  json blocks = json::array();
  std::vector<std::pair<size_t, int64_t>> block_starts;  // code point start → sentence index
  if (full_text) {
    // Paragraphs: the runs of text between line breaks.
    size_t cp = 0, start = 0, pos = 0;
    bool open = false;
    while (pos < doc.text.size()) {
      char32_t c = utf8::Next(doc.text, &pos);
      if (c == U'\n') {
        if (open) blocks.push_back(json{{"start", start}, {"end", cp}, {"sentence_index", nullptr}});
        open = false;
      } else if (!open) {
        start = cp;
        open = true;
      }
      ++cp;
    }
    if (open) blocks.push_back(json{{"start", start}, {"end", cp}, {"sentence_index", nullptr}});
  } else {
    // The title (unless a reporting sentence is the title), then the sentences.
    size_t cps = 0;
    auto append = [&](const std::string& t, int64_t index) {
      if (!doc.text.empty()) {
        doc.text += "\n\n";
        cps += 2;
      }
      size_t n = utf8::Length(t);
      blocks.push_back(json{{"start", cps}, {"end", cps + n}, {"sentence_index", index >= 0 ? json(index) : json(nullptr)}});
      block_starts.push_back({cps, index});
      doc.text += t;
      cps += n;
    };
    bool title_is_sentence = false;
    for (const auto& [i, t] : sentences) title_is_sentence |= (t == doc.title);
    if (!doc.title.empty() && !title_is_sentence) append(doc.title, -1);
    for (const auto& [i, t] : sentences) append(t, i);
  }

  std::vector<Event> events;
  if (!doc.text.empty()) {
    Status st = engine->Code(doc, &events, doc.date);
    if (!st.ok()) throw BadRequest{500, "coding failed: " + st.message()};
  }
  std::vector<Span> spans = AnnotateSpans(*engine, doc, events);
  json evs = json::array();
  for (const Event& e : events) {
    json j = EventToJson(e);
    json link = nullptr;
    // Over the stored text, offsets are the stored mentions' own: same trigger, same code.
    if (full_text)
      for (const Stored& st : stored)
        if (st.trigger_start == static_cast<int64_t>(e.trigger_start) && st.cameo == e.cameo) {
          link = st.event_id;
          break;
        }
    // Over the excerpt: same sentence, CAMEO code and source.
    int64_t sentence_index = full_text ? static_cast<int64_t>(e.sentence_index) : -1;
    if (!full_text)
      for (const auto& [start, index] : block_starts)
        if (start <= e.trigger_start) sentence_index = index;
    if (link.is_null())
      for (const Stored& st : stored)
      if (st.sentence_index == sentence_index && st.cameo == e.cameo && st.source_code == e.source.code) {
        link = st.event_id;
        break;
      }
    if (link.is_null())
      for (const Stored& st : stored)
        if (st.sentence_index == sentence_index && st.cameo == e.cameo) { link = st.event_id; break; }
    j["store_event_id"] = link;
    evs.push_back(std::move(j));
  }
  std::set<int64_t> event_ids;
  for (const Stored& st : stored) event_ids.insert(st.event_id);
  json out;
  out["document"] = std::move(meta);
  out["text"] = doc.text;
  out["text_is_excerpt"] = !full_text;
  out["blocks"] = std::move(blocks);
  out["spans"] = SpansToJson(spans);
  out["events"] = std::move(evs);
  out["store_event_ids"] = event_ids;
  return Json(200, out);
}

// POST /api/code
ApiResponse Api::Impl::Code(const ApiRequest& req) const {
  Params p(req.params, {"date"});
  if (req.body.size() > options.max_body)
    throw BadRequest{413, fmt::format("request body is larger than {} bytes", options.max_body)};
  std::string text, date = p.One("date").value_or(""), title;
  const std::string ct = req.content_type.substr(0, req.content_type.find(';'));
  if (ct == "application/json") {
    json j;
    try {
      j = json::parse(req.body);
    } catch (const json::exception& e) {
      throw BadRequest{400, std::string("body is not valid JSON: ") + e.what()};
    }
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
      throw BadRequest{400, "body must be a JSON object with a string \"text\" (and optional \"date\", \"title\")"};
    for (const auto& [k, v] : j.items())
      if (k != "text" && k != "date" && k != "title") throw BadRequest{400, "unknown field '" + Params::Clip(k) + "'"};
    text = j["text"].get<std::string>();
    if (j.contains("date")) {
      if (!j["date"].is_string() && !j["date"].is_null()) throw BadRequest{400, "\"date\" must be a string YYYY-MM-DD"};
      if (j["date"].is_string()) date = j["date"].get<std::string>();
    }
    if (j.contains("title")) {
      if (!j["title"].is_string()) throw BadRequest{400, "\"title\" must be a string"};
      title = j["title"].get<std::string>();
    }
  } else if (ct.empty() || ct == "text/plain") {
    text = req.body;
  } else {
    throw BadRequest{415, "send application/json {\"text\": …} or text/plain, not '" + Params::Clip(ct) + "'"};
  }
  if (!IsValidUtf8(text) || !IsValidUtf8(title)) throw BadRequest{400, "text is not valid UTF-8"};
  if (utf8::Trim(text).empty()) throw BadRequest{400, "text is empty"};
  if (utf8::Length(text) > options.max_code_chars)
    throw BadRequest{413, fmt::format("text is longer than {} characters", options.max_code_chars)};
  if (!date.empty() && !IsDate(date)) throw BadRequest{400, "date must be YYYY-MM-DD, got '" + Params::Clip(date) + "'"};

  auto t0 = std::chrono::steady_clock::now();
  Document raw;
  raw.id = "input";
  raw.origin = "POST /api/code";
  raw.format = InputFormat::kText;
  raw.body = text;
  raw.date = date;
  raw.title = title;
  Extracted doc;
  Status st = engine->Extract(raw, &doc);
  if (!st.ok()) throw BadRequest{400, "no text to code: " + st.message()};
  std::vector<Event> events;
  st = engine->Code(doc, &events, date);
  if (!st.ok()) throw BadRequest{500, "coding failed: " + st.message()};
  std::vector<Span> spans = AnnotateSpans(*engine, doc, events);
  json evs = json::array();
  for (const Event& e : events) evs.push_back(EventToJson(e));
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  json out;
  out["text"] = doc.text;
  out["lang"] = doc.lang;
  out["date"] = doc.date.empty() ? date : doc.date;
  out["title"] = doc.title;
  out["events"] = std::move(evs);
  out["spans"] = SpansToJson(spans);
  out["elapsed_ms"] = ms;
  return Json(200, out);
}

ApiResponse Api::Impl::Route(const ApiRequest& req) const {
  const std::string& path = req.path;
  const bool get = req.method == "GET" || req.method == "HEAD";
  auto only = [&](bool ok, const char* allow) {
    if (!ok) throw BadRequest{405, fmt::format("method {} not allowed on {} (allowed: {})", req.method, path, allow)};
  };
  auto no_params = [&] { Params p(req.params, {}); };
  if (path == "/api/health") { only(get, "GET"); no_params(); return Health(); }
  if (path == "/metrics") { only(get, "GET"); no_params(); return Prometheus(); }
  if (path == "/api/events") { only(get, "GET"); return Events(req); }
  if (path.rfind("/api/events/", 0) == 0) { only(get, "GET"); no_params(); return EventById(path.substr(12)); }
  if (path == "/api/dyads") { only(get, "GET"); return Dyads(req); }
  if (path == "/api/timeline") { only(get, "GET"); return Timeline(req); }
  if (path == "/api/actors") { only(get, "GET"); return Actors(req); }
  if (path == "/api/places") { only(get, "GET"); return Places(req); }
  if (path == "/api/documents") { only(get, "GET"); return Documents(req); }
  if (path.rfind("/api/documents/", 0) == 0) { only(get, "GET"); no_params(); return DocumentById(path.substr(15)); }
  if (path == "/api/code") { only(req.method == "POST", "POST"); return Code(req); }
  throw BadRequest{404, "no route " + Params::Clip(path)};
}

Api::Api(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Api::~Api() = default;

Status Api::Open(const ApiOptions& options, const Engine* engine, std::unique_ptr<Api>* out) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->engine = engine;
  {
    StoreOptions so;
    so.create_if_missing = false;
    std::unique_ptr<Store> st;
    HADATH_RETURN_IF_ERROR(Store::Open(options.db, so, &st));
    impl->backend = st->backend();
    impl->schema_version = st->schema_version();
  }
  impl->rules = std::make_unique<RuleBook>(engine->data_dir());
  auto first = std::make_unique<Impl::Conn>();
  HADATH_RETURN_IF_ERROR(impl->Connect(&first->db));
  impl->idle.push_back(std::move(first));
  out->reset(new Api(std::move(impl)));
  return Status::OK();
}

ApiResponse Api::Handle(const ApiRequest& req) const {
  auto t0 = std::chrono::steady_clock::now();
  ApiResponse r;
  try {
    r = impl_->Route(req);
  } catch (const BadRequest& e) {
    r = Error(e.status, e.message);
  } catch (const std::exception& e) {
    r = Error(500, std::string("internal error: ") + e.what());
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  impl_->metrics.Record(RouteOf(req.path), req.method, r.status, s);
  return r;
}

bool Api::Owns(const std::string& path) { return path == "/metrics" || path == "/api" || path.rfind("/api/", 0) == 0; }

std::string Api::RouteOf(const std::string& path) {
  for (const char* r : {"/api/health", "/metrics", "/api/events", "/api/dyads", "/api/timeline", "/api/actors",
                        "/api/places", "/api/documents", "/api/code"})
    if (path == r) return r;
  if (path.rfind("/api/events/", 0) == 0) return "/api/events/{id}";
  if (path.rfind("/api/documents/", 0) == 0) return "/api/documents/{id}";
  return Owns(path) ? "/api/other" : "static";
}

Metrics& Api::metrics() const { return impl_->metrics; }
const ApiOptions& Api::options() const { return impl_->options; }

}  // namespace hadath::server
