// The event store, on SQLite always and on PostgreSQL when HADATH_TEST_PG_URL names a
// server (tests/store/pg_test.sh starts a private one and runs the *Postgres* tests).
// Events are built by hand: these tests pin the store's semantics, not the coder's.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "code/event_json.h"
#include "hadath/store.h"
#include "store/db.h"
#include "store/export.h"

namespace fs = std::filesystem;

namespace hadath {
namespace {

struct Backend {
  std::string name;  // "Sqlite" / "Postgres"
};

std::vector<Backend> Backends() {
  std::vector<Backend> b = {{"Sqlite"}};
  if (const char* u = std::getenv("HADATH_TEST_PG_URL"); u && *u) b.push_back({"Postgres"});
  return b;
}

Event Ev(const std::string& root, const std::string& src, const std::string& tgt, const std::string& date,
         const std::string& country = "", size_t sentence = 1) {
  Event e;
  e.event_id = "x:" + std::to_string(sentence);
  e.sentence_index = sentence;
  e.sentence = "جملة " + src + " " + tgt;
  e.date = date;
  e.date_basis = "document";
  e.source.code = src;
  e.source.country = src.substr(0, 3);
  e.source.text = src;
  e.source.start = 0;
  e.source.end = 3;
  if (!tgt.empty()) {
    ActorRef t;
    t.code = tgt;
    t.country = tgt.substr(0, 3);
    t.text = tgt;
    t.start = 10;
    t.end = 14;
    e.target = t;
  }
  e.root = root;
  e.cameo = root + "0";
  e.cameo_name = "name " + root;
  e.quad_class = root < "06" ? 1 : root < "10" ? 2 : root < "14" ? 3 : 4;
  e.goldstein = root < "10" ? 3.5 : -5.0;
  e.trigger_text = "فعل";
  e.trigger_start = 5;
  e.trigger_end = 8;
  if (!country.empty()) {
    e.location.country = country;
    e.location.name = "Place in " + country;
    e.location.text = "مكان";
    e.location.lat = 24.5;
    e.location.lon = 46.7;
    e.location.geonames_id = 108410;
  }
  e.rules = {"ar/triggers.tsv:1", "ar/actors.tsv:2"};
  return e;
}

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam().name == "Sqlite") {
      dir_ = fs::temp_directory_path() /
             ("hadath-store-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
      fs::remove_all(dir_);
      fs::create_directories(dir_);
      where_ = (dir_ / "t.db").string();
    } else {
      where_ = std::getenv("HADATH_TEST_PG_URL");
      DropAll();  // a clean database per test
    }
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  void DropAll() {
    std::string cmd = "psql -q -X -v ON_ERROR_STOP=1 '" + where_ +
                      "' -c 'DROP TABLE IF EXISTS document_texts, mentions, events, documents, actors, places, schema_version CASCADE'"
                      " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
  }
  void Open(StoreOptions opt = {}) {
    store_.reset();
    Status st = Store::Open(where_, opt, &store_);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  PutResult Put(const std::string& id, const std::string& body, const std::vector<Event>& events,
                const std::string& source = "aawsat", const std::string& date = "2015-07-21") {
    Document raw;
    raw.id = id;
    raw.source = source;
    raw.date = date;
    raw.body = body;
    Extracted ex;
    ex.id = id;
    ex.source = source;
    ex.date = date;
    ex.title = "عنوان " + id;
    ex.text = body;
    ex.lang = "ar";
    std::vector<Event> evs = events;
    for (auto& e : evs) {
      e.doc_id = id;
      e.doc_source = source;
      e.doc_date = date;
      e.doc_title = ex.title;
    }
    PutResult r = PutResult::kUnchanged;
    EXPECT_TRUE(store_->Begin().ok());
    Status st = store_->Put(raw, ex, evs, &r);
    EXPECT_TRUE(st.ok()) << st.ToString();
    EXPECT_TRUE(store_->Commit().ok());
    return r;
  }
  StoreStats Stats() {
    StoreStats s;
    EXPECT_TRUE(store_->Stats(&s).ok());
    return s;
  }
  std::vector<EventRecord> Events(const QueryFilter& f = {}) {
    std::vector<EventRecord> out;
    Status st = store_->ForEachEvent(f, [&](const EventRecord& e) { out.push_back(e); });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return out;
  }
  std::unique_ptr<store::Db> ReadOnly() {
    std::unique_ptr<store::Db> db;
    Status st = GetParam().name == "Sqlite" ? store::Db::OpenSqlite(where_, false, &db, /*read_only=*/true)
                                            : store::Db::OpenPostgres(where_, &db, /*read_only=*/true);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return db;
  }
  Table Query(const std::string& kind, const QueryFilter& f = {}, const std::string& by = "month") {
    Table t;
    Status st = store_->Query(kind, f, by, &t);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return t;
  }

  fs::path dir_;
  std::string where_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, FreshDatabaseHasTheLatestSchema) {
  Open();
  EXPECT_EQ(store_->schema_version(), Store::LatestSchemaVersion());
  EXPECT_EQ(store_->backend(), GetParam().name == "Sqlite" ? "sqlite" : "postgresql");
  StoreStats s = Stats();
  EXPECT_EQ(s.documents, 0);
  EXPECT_EQ(s.events, 0);
}

TEST_P(StoreTest, SameDocumentTwiceAddsNothing) {
  Open();
  std::vector<Event> evs = {Ev("04", "SAUGOV", "USAGOV", "2015-07-21"), Ev("19", "IMGREBISL", "SYR", "2015-07-20")};
  EXPECT_EQ(Put("d1", "نص", evs), PutResult::kAdded);
  StoreStats a = Stats();
  EXPECT_EQ(a.documents, 1);
  EXPECT_EQ(a.events, 2);
  EXPECT_EQ(a.mentions, 2);
  EXPECT_EQ(a.actors, 4);
  EXPECT_EQ(Put("d1", "نص", evs), PutResult::kUnchanged);
  Document raw;
  raw.id = "d1";
  raw.source = "aawsat";
  raw.date = "2015-07-21";
  raw.body = "نص";
  bool unchanged = false;
  ASSERT_TRUE(store_->IsUnchanged(raw, &unchanged).ok());
  EXPECT_TRUE(unchanged);
  StoreStats b = Stats();
  EXPECT_EQ(b.documents, a.documents);
  EXPECT_EQ(b.events, a.events);
  EXPECT_EQ(b.mentions, a.mentions);
}

TEST_P(StoreTest, SameContentUnderAnotherIdIsADuplicate) {
  Open();
  EXPECT_EQ(Put("d1", "نص واحد", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21")}), PutResult::kAdded);
  EXPECT_EQ(Put("d2", "نص واحد", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21")}, "alriyadh"), PutResult::kDuplicate);
  EXPECT_EQ(Stats().documents, 1);
  EXPECT_EQ(Stats().mentions, 1);
}

TEST_P(StoreTest, ChangedDocumentReplacesItsMentions) {
  Open();
  EXPECT_EQ(Put("d1", "v1", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21")}), PutResult::kAdded);
  EXPECT_EQ(Put("d2", "other", {Ev("19", "SYRGOV", "SYR", "2015-07-21")}), PutResult::kAdded);
  EXPECT_EQ(Put("d1", "v2", {Ev("11", "JORGOV", "ISR", "2015-07-21"), Ev("19", "SYRGOV", "SYR", "2015-07-21", "", 2)}),
            PutResult::kReplaced);
  StoreStats s = Stats();
  EXPECT_EQ(s.documents, 2);
  EXPECT_EQ(s.mentions, 3);
  EXPECT_EQ(s.events, 2);  // the 04 event lost its only mention; the 19 event has two
  auto evs = Events();
  ASSERT_EQ(evs.size(), 2u);
  for (const auto& e : evs) {
    EXPECT_NE(e.root, "04");
    if (e.root == "19") {
      EXPECT_EQ(e.num_mentions, 2);
      EXPECT_EQ(e.num_articles, 2);
    }
  }
  // And back: replacing again leaves no stale counts.
  EXPECT_EQ(Put("d1", "v3", {}), PutResult::kReplaced);
  EXPECT_EQ(Stats().mentions, 1);
  EXPECT_EQ(Stats().events, 1);
  EXPECT_EQ(Events()[0].num_articles, 1);
}

TEST_P(StoreTest, MeetingsMergeAcrossDocumentsInEitherDirection) {
  Open();
  Put("d1", "a", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21")}, "aawsat");
  Put("d2", "b", {Ev("04", "USAGOV", "SAUGOV", "2015-07-22")}, "alriyadh");
  Put("d3", "c", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21")}, "aawsat");
  auto evs = Events();
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].num_mentions, 3);
  EXPECT_EQ(evs[0].num_articles, 3);
  EXPECT_EQ(evs[0].num_sources, 2);
  EXPECT_EQ(evs[0].date, "2015-07-21");
  EXPECT_EQ(evs[0].source.code, "SAUGOV");  // the earliest mention represents the event
  EXPECT_EQ(evs[0].first_doc_id, "d1");
}

TEST_P(StoreTest, DirectionMattersOutsideMeetingsAndCooperation) {
  Open();
  Put("d1", "a", {Ev("19", "SAUMIL", "YEMREB", "2015-07-21")});
  Put("d2", "b", {Ev("19", "YEMREB", "SAUMIL", "2015-07-21")});
  Put("d3", "c", {Ev("06", "SAUGOV", "YEMGOV", "2015-07-21")});
  Put("d4", "d", {Ev("06", "YEMGOV", "SAUGOV", "2015-07-21")});
  EXPECT_EQ(Events().size(), 3u);
}

TEST_P(StoreTest, TwoMentionsInOneDocumentAreOneArticle) {
  Open();
  Put("d1", "a", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21", "", 1), Ev("04", "SAUGOV", "USAGOV", "2015-07-21", "", 5)});
  auto evs = Events();
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].num_mentions, 2);
  EXPECT_EQ(evs[0].num_articles, 1);
  EXPECT_EQ(evs[0].num_sources, 1);
}

TEST_P(StoreTest, DateWindowIsTunable) {
  Open();
  Put("d1", "a", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21")});
  Put("d2", "b", {Ev("04", "SAUGOV", "USAGOV", "2015-07-24")});
  EXPECT_EQ(Events().size(), 2u);
  StoreOptions wide;
  wide.dedup.window_days = 5;
  Open(wide);
  Put("d3", "c", {Ev("04", "SAUGOV", "USAGOV", "2015-07-23")});
  auto evs = Events();
  ASSERT_EQ(evs.size(), 2u);
  // Both are within 5 days: the nearest date wins (2015-07-24).
  EXPECT_EQ(evs[0].num_mentions, 1);
  EXPECT_EQ(evs[1].num_mentions, 2);
}

TEST_P(StoreTest, KnownLocationCountriesMustAgree) {
  Open();
  Put("d1", "a", {Ev("19", "ISRMIL", "PSE", "2015-07-21", "PSE")});
  Put("d2", "b", {Ev("19", "ISRMIL", "PSE", "2015-07-21", "LBN")});
  Put("d3", "c", {Ev("19", "ISRMIL", "PSE", "2015-07-21")});  // unknown: joins the first
  auto evs = Events();
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_EQ(evs[0].num_mentions, 2);
  EXPECT_EQ(evs[0].location.country, "PSE");
  EXPECT_EQ(evs[1].location.country, "LBN");
  StoreOptions any;
  any.dedup.match_country = false;
  Open(any);
  Put("d4", "d", {Ev("19", "ISRMIL", "PSE", "2015-07-21", "EGY")});
  EXPECT_EQ(Events().size(), 2u);
}

TEST_P(StoreTest, RollbackLeavesNothing) {
  Open();
  Document raw;
  raw.id = "d1";
  raw.body = "x";
  Extracted ex;
  ex.id = "d1";
  ex.text = "x";
  PutResult r;
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->Put(raw, ex, {Ev("04", "SAUGOV", "USAGOV", "2015-07-21")}, &r).ok());
  ASSERT_TRUE(store_->Rollback().ok());
  EXPECT_EQ(Stats().documents, 0);
  EXPECT_EQ(Stats().events, 0);
}

TEST_P(StoreTest, MentionsComeBackAsCoded) {
  Open();
  Event e = Ev("04", "SAUGOV", "USAGOV", "2015-07-21", "SAU", 3);
  Event n = Ev("11", "JORGOV", "", "2015-07-20");
  n.modality = "intended";
  Put("d1", "a", {e, n});
  std::vector<MentionRecord> ms;
  ASSERT_TRUE(store_->ForEachMention({}, [&](const MentionRecord& m) { ms.push_back(m); }).ok());
  ASSERT_EQ(ms.size(), 2u);
  e.doc_id = "d1";
  e.doc_source = "aawsat";
  e.doc_date = "2015-07-21";
  e.doc_title = "عنوان d1";
  EXPECT_EQ(EventToJson(ms[0].event).dump(), EventToJson(e).dump());
  EXPECT_FALSE(ms[1].event.target.has_value());
  EXPECT_DOUBLE_EQ(ms[0].confidence, 0.9);             // document date
  EXPECT_DOUBLE_EQ(ms[1].confidence, 0.8 * 0.9 * 0.7);  // no target, intended
}

// Schema 3 keeps each document's extracted text (for the document view), replaced with it.
TEST_P(StoreTest, DocumentTextIsStoredAndReplaced) {
  Open();
  Put("d1", "النص الأول كاملا.", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21")});
  Put("d1", "النص الثاني كاملا.", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21")});
  Put("d2", "نص آخر.", {});
  store_.reset();
  std::unique_ptr<store::Db> db = ReadOnly();
  ASSERT_TRUE(db);
  std::unique_ptr<store::Stmt> s;
  ASSERT_TRUE(db->Prepare("SELECT d.doc_key, t.text FROM documents d JOIN document_texts t ON t.document_id = d.id"
                          " ORDER BY d.doc_key", &s).ok());
  ASSERT_TRUE(s->Exec().ok());
  ASSERT_TRUE(s->Next());
  EXPECT_EQ(s->Text(0), "d1");
  EXPECT_EQ(s->TextView(1), "النص الثاني كاملا.");
  ASSERT_TRUE(s->Next());
  EXPECT_EQ(s->Text(1), "نص آخر.");
  EXPECT_FALSE(s->Next());
}

// `hadath serve` reads through read-only connections: every kind of write fails.
TEST_P(StoreTest, ReadOnlyConnectionRefusesWrites) {
  Open();
  Put("d1", "a", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21")});
  store_.reset();
  std::unique_ptr<store::Db> db = ReadOnly();
  ASSERT_TRUE(db);
  std::unique_ptr<store::Stmt> s;
  ASSERT_TRUE(db->Prepare("SELECT count(*) FROM events", &s).ok());
  ASSERT_TRUE(s->Exec().ok());
  ASSERT_TRUE(s->Next());
  EXPECT_EQ(s->Int(0), 1);
  s.reset();
  for (const char* sql : {"DELETE FROM events", "UPDATE documents SET title = 'x'",
                          "INSERT INTO schema_version (version, applied_at) VALUES (99, 'x')",
                          "CREATE TABLE evil (x INTEGER)", "DROP TABLE mentions"}) {
    EXPECT_FALSE(db->Exec(sql).ok()) << sql;
    std::unique_ptr<store::Stmt> w;
    Status st = db->Prepare(sql, &w);
    if (st.ok()) st = w->Exec();
    EXPECT_FALSE(st.ok()) << sql;
  }
  if (GetParam().name == "Sqlite") {
    EXPECT_FALSE(db->Exec("PRAGMA query_only = OFF; DELETE FROM events").ok());  // opened read-only as well
  } else {
    // A transaction of its own is read-only too (default_transaction_read_only).
    EXPECT_FALSE(db->Exec("BEGIN; DELETE FROM events").ok());
    db->Exec("ROLLBACK");
  }
  Open();
  EXPECT_EQ(Stats().events, 1);
}

TEST_P(StoreTest, QueriesAndFilters) {
  Open();
  Put("d1", "a", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21"), Ev("19", "IMGREBISL", "SYR", "2015-06-02", "SYR", 2)});
  Put("d2", "b", {Ev("04", "USAGOV", "SAUGOV", "2015-07-21"), Ev("11", "JORGOV", "ISR", "2015-07-01", "", 2)},
      "alriyadh");
  Put("d3", "c", {Ev("19", "IMGREBISL", "IRQ", "2015-07-10")});

  Table dy = Query("dyads");
  ASSERT_EQ(dy.columns[0], "source");
  ASSERT_EQ(dy.rows.size(), 4u);
  EXPECT_EQ(std::get<int64_t>(dy.rows[0][3]), 2);  // the merged meeting: 2 mentions

  Table tl = Query("timeline");
  ASSERT_EQ(tl.rows.size(), 2u);  // 2015-06, 2015-07
  EXPECT_EQ(std::get<std::string>(tl.rows[0][0]), "2015-06");
  EXPECT_EQ(std::get<int64_t>(tl.rows[1][1]), 3);
  EXPECT_EQ(Query("timeline", {}, "day").rows.size(), 4u);
  EXPECT_EQ(Query("timeline", {}, "year").rows.size(), 1u);

  Table ac = Query("actors");
  ASSERT_FALSE(ac.rows.empty());
  EXPECT_EQ(std::get<std::string>(ac.rows[0][0]), "IMGREBISL");  // 2 events, sorted first

  QueryFilter f;
  f.actors = {"IMG"};
  EXPECT_EQ(Query("events", f).rows.size(), 2u);
  f.actors = {"USA", "SAU"};
  EXPECT_EQ(Query("events", f).rows.size(), 1u);
  f = {};
  f.root = "19";
  f.country = "SYR";
  EXPECT_EQ(Query("events", f).rows.size(), 1u);
  f = {};
  f.quad_class = 3;
  EXPECT_EQ(Query("events", f).rows.size(), 1u);
  f = {};
  f.from = "2015-07-01";
  f.to = "2015-07-10";
  EXPECT_EQ(Query("events", f).rows.size(), 2u);
  f = {};
  f.text = "JORGOV";
  EXPECT_EQ(Query("events", f).rows.size(), 1u);
  f = {};
  f.doc = "d3";
  EXPECT_EQ(Query("events", f).rows.size(), 1u);
  f = {};
  f.limit = 2;
  EXPECT_EQ(Query("events", f).rows.size(), 2u);
  Table docs = Query("documents");
  ASSERT_EQ(docs.rows.size(), 3u);
  EXPECT_EQ(std::get<int64_t>(docs.rows[0][5]), 2);  // d1 reported 2 events
  f = {};
  f.root = "11";
  EXPECT_EQ(Query("documents", f).rows.size(), 1u);
  Table bad;
  EXPECT_FALSE(store_->Query("nonsense", {}, "", &bad).ok());
}

TEST_P(StoreTest, GdeltRowsHaveTheirColumns) {
  Open();
  Put("d1", "a", {Ev("19", "IGOWSTNAT", "AFGREB", "2015-07-20", "SAU")});
  auto evs = Events();
  ASSERT_EQ(evs.size(), 1u);
  auto row = store::GdeltEventRow(evs[0]);
  ASSERT_EQ(row.size(), 61u);
  ASSERT_EQ(store::GdeltEventColumns().size(), 61u);
  auto col = [&](const std::string& name) {
    const auto& c = store::GdeltEventColumns();
    return row[std::find(c.begin(), c.end(), name) - c.begin()];
  };
  EXPECT_EQ(col("SQLDATE"), "20150720");
  EXPECT_EQ(col("MonthYear"), "201507");
  EXPECT_EQ(col("Year"), "2015");
  EXPECT_EQ(col("Actor1Code"), "IGOWSTNAT");
  EXPECT_EQ(col("Actor1KnownGroupCode"), "NAT");
  EXPECT_EQ(col("Actor2CountryCode"), "AFG");
  EXPECT_EQ(col("Actor2Name"), "AFGHANISTAN");
  EXPECT_EQ(col("EventCode"), "190");
  EXPECT_EQ(col("EventBaseCode"), "190");
  EXPECT_EQ(col("EventRootCode"), "19");
  EXPECT_EQ(col("QuadClass"), "4");
  EXPECT_EQ(col("GoldsteinScale"), "-5");
  EXPECT_EQ(col("NumMentions"), "1");
  EXPECT_EQ(col("AvgTone"), "");
  EXPECT_EQ(col("ActionGeo_CountryCode"), "SA");  // FIPS, not ISO
  EXPECT_EQ(col("ActionGeo_Type"), "4");
  EXPECT_EQ(col("ActionGeo_FeatureID"), "108410");
  EXPECT_EQ(col("ActionGeo_Lat"), "24.5");
  EXPECT_EQ(col("SOURCEURL"), "d1");
  EXPECT_EQ(col("DATEADDED").size(), 14u);
  std::vector<MentionRecord> ms;
  ASSERT_TRUE(store_->ForEachMention({}, [&](const MentionRecord& m) { ms.push_back(m); }).ok());
  auto mrow = store::GdeltMentionRow(ms[0]);
  ASSERT_EQ(mrow.size(), 16u);
  EXPECT_EQ(mrow[0], std::to_string(evs[0].id));
  EXPECT_EQ(mrow[1], "20150720000000");
  EXPECT_EQ(mrow[11], "90");
}

TEST_P(StoreTest, OlderSchemaIsUpgraded) {
  StoreOptions v1;
  v1.target_version = 1;
  Open(v1);
  EXPECT_EQ(store_->schema_version(), 1);
  Put("d1", "a", {Ev("04", "SAUGOV", "USAGOV", "2015-07-21", "SAU")});
  Open();  // latest: migration 2 backfills actors and places
  EXPECT_EQ(store_->schema_version(), Store::LatestSchemaVersion());
  StoreStats s = Stats();
  EXPECT_EQ(s.documents, 1);
  EXPECT_EQ(s.actors, 2);
  EXPECT_EQ(s.places, 1);
  EXPECT_EQ(Query("actors").rows.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Store, StoreTest, ::testing::ValuesIn(Backends()),
                         [](const ::testing::TestParamInfo<Backend>& i) { return i.param.name; });

// SQLite only: the version check reads what another (newer) hadath wrote.
TEST(StoreSqlite, NewerSchemaIsRefused) {
  fs::path p = fs::temp_directory_path() / ("hadath-newer-" + std::to_string(::getpid()) + ".db");
  fs::remove(p);
  {
    std::unique_ptr<Store> s;
    ASSERT_TRUE(Store::Open(p.string(), {}, &s).ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_version VALUES (99, 'later')", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  std::unique_ptr<Store> s;
  Status st = Store::Open(p.string(), {}, &s);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("schema version 99 is newer"), std::string::npos) << st.message();
  fs::remove(p);
  fs::remove(p.string() + "-wal");
  fs::remove(p.string() + "-shm");
}

TEST(StoreSqlite, MissingDatabaseIsNotCreatedForReading) {
  StoreOptions o;
  o.create_if_missing = false;
  std::unique_ptr<Store> s;
  Status st = Store::Open("/nonexistent-dir/hadath.db", o, &s);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("no such database"), std::string::npos);
}

TEST(StoreSqlite, NotADatabaseIsReported) {
  fs::path p = fs::temp_directory_path() / ("hadath-notdb-" + std::to_string(::getpid()) + ".db");
  {
    std::FILE* f = std::fopen(p.c_str(), "w");
    std::fputs("this is not a database, just some text that is long enough to look like a header\n", f);
    std::fclose(f);
  }
  std::unique_ptr<Store> s;
  Status st = Store::Open(p.string(), {}, &s);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find(p.string()), std::string::npos) << st.message();
  fs::remove(p);
}

TEST(StoreExport, CsvAndValues) {
  EXPECT_EQ(store::CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(store::CsvField("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(store::CsvField("plain"), "plain");
  EXPECT_EQ(store::TsvField("a\tb\nc"), "a b c");
  EXPECT_EQ(store::ValueText(Value(2.50)), "2.5");
  EXPECT_EQ(store::ValueText(Value()), "");
  EXPECT_EQ(store::FipsCountry("PSE"), "WE");
  EXPECT_EQ(store::FipsCountry("DEU"), "GM");
  EXPECT_EQ(store::CountryName("RUS"), "Russia");
  EXPECT_EQ(store::GdeltMentionColumns().size(), 16u);
}

}  // namespace
}  // namespace hadath
