// The HTTP API without a network: Api::Handle on a store built from the examples,
// the metrics text format, and the spans of a coded text.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "hadath/engine.h"
#include "hadath/store.h"
#include "server/annotate.h"
#include "server/api.h"
#include "server/metrics.h"

namespace hadath::server {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EngineOptions eo;
    eo.data_dir = HADATH_TEST_DATA_DIR;
    ASSERT_TRUE(Engine::Open(eo, &engine_).ok());
    db_ = (fs::temp_directory_path() / ("hadath_server_test_" + std::to_string(::getpid()) + ".db")).string();
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(db_, {}, &store).ok());
    ASSERT_TRUE(store->Begin().ok());
    Document raw;
    raw.id = "doc-1";
    raw.date = "2024-03-12";
    raw.body = "استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الإيراني في القاهرة يوم الأحد.\n\n"
               "قصفت القوات الإسرائيلية مواقع لحزب الله في جنوب لبنان.";
    Extracted doc;
    ASSERT_TRUE(engine_->Extract(raw, &doc).ok());
    std::vector<Event> events;
    ASSERT_TRUE(engine_->Code(doc, &events).ok());
    ASSERT_FALSE(events.empty());
    PutResult r;
    ASSERT_TRUE(store->Put(raw, doc, events, &r).ok());
    ASSERT_TRUE(store->Commit().ok());
    ApiOptions ao;
    ao.db = db_;
    ao.max_body = 1000;
    ASSERT_TRUE(Api::Open(ao, engine_.get(), &api_).ok());
  }
  static void TearDownTestSuite() {
    api_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_ + suffix);
  }
  static ApiResponse Get(const std::string& path, std::multimap<std::string, std::string> params = {}) {
    ApiRequest req;
    req.method = "GET";
    req.path = path;
    req.params = std::move(params);
    return api_->Handle(req);
  }

  static std::unique_ptr<Engine> engine_;
  static std::unique_ptr<Api> api_;
  static std::string db_;
};
std::unique_ptr<Engine> ApiTest::engine_;
std::unique_ptr<Api> ApiTest::api_;
std::string ApiTest::db_;

TEST_F(ApiTest, EventsAndValidation) {
  ApiResponse r = Get("/api/events");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = json::parse(r.body);
  EXPECT_GE(j["events"].size(), 2u);
  EXPECT_TRUE(j["next_cursor"].is_null());
  EXPECT_EQ(Get("/api/events", {{"limit", "0"}}).status, 400);
  EXPECT_EQ(Get("/api/events", {{"actor", "ISR' --"}}).status, 400);
  EXPECT_EQ(Get("/api/events", {{"bogus", "1"}}).status, 400);
  EXPECT_EQ(Get("/api/events/12345").status, 404);
  EXPECT_EQ(Get("/api/nowhere").status, 404);
  r = Get("/api/events", {{"actor", "ISRMIL"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body)["events"].size(), 1u);
}

TEST_F(ApiTest, DocumentSpans) {
  ApiResponse r = Get("/api/documents/doc-1");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = json::parse(r.body);
  std::set<std::string> kinds;
  for (const auto& s : j["spans"]) kinds.insert(s["kind"].get<std::string>());
  EXPECT_TRUE(kinds.count("actor") && kinds.count("trigger") && kinds.count("place")) << r.body;
  // The whole stored text (schema 3), not the reporting sentences only; every span inside it,
  // every re-coded event linked to its stored event by its trigger offsets.
  EXPECT_FALSE(j["text_is_excerpt"].get<bool>());
  const std::string text = j["text"].get<std::string>();
  EXPECT_NE(text.find("استقبل الرئيس المصري"), std::string::npos);
  EXPECT_NE(text.find("جنوب لبنان"), std::string::npos);
  size_t cps = 0;
  for (unsigned char c : text) cps += (c & 0xC0) != 0x80;
  for (const auto& s : j["spans"]) EXPECT_LE(s["end"].get<size_t>(), cps);
  EXPECT_EQ(j["blocks"].size(), 2u) << j["blocks"].dump();
  ASSERT_FALSE(j["events"].empty());
  for (const auto& e : j["events"]) EXPECT_TRUE(e["store_event_id"].is_number()) << e.dump();
}

TEST_F(ApiTest, CodeAndBodyLimit) {
  ApiRequest req;
  req.method = "POST";
  req.path = "/api/code";
  req.content_type = "application/json";
  req.body = R"({"text":"التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو.","date":"2024-01-02"})";
  ApiResponse r = api_->Handle(req);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(json::parse(r.body)["events"].empty());
  req.body = std::string(2000, 'a');
  req.content_type = "text/plain";
  EXPECT_EQ(api_->Handle(req).status, 413);
  req.method = "GET";
  EXPECT_EQ(api_->Handle(req).status, 405);
}

TEST_F(ApiTest, MetricsCountRequests) {
  Get("/api/health");
  ApiResponse r = Get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.content_type.find("text/plain"), std::string::npos);
  EXPECT_NE(r.body.find("hadath_http_requests_total{route=\"/api/health\",method=\"GET\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(r.body.find("# TYPE hadath_store_events gauge"), std::string::npos);
}

// An English document is annotated with the English lexicon (its tokens, actors and places), and
// a person's surname alone after the full name is that person's actor span, as the coder reads it.
TEST_F(ApiTest, EnglishSpansAndSurnames) {
  Document raw;
  raw.id = "doc-en";
  raw.date = "2021-01-19";
  raw.body = "Opposition leader Bobi Wine addressed supporters in Kampala on Sunday.\n\n"
             "Police arrested Wine at his home on Monday.";
  Extracted doc;
  ASSERT_TRUE(engine_->Extract(raw, &doc).ok());
  std::vector<Event> events;
  ASSERT_TRUE(engine_->Code(doc, &events).ok());
  const std::vector<Span> spans = AnnotateSpans(*engine_, doc, events);
  // (ASCII text: code point offsets are byte offsets)
  auto text_of = [&](const Span& s) { return doc.text.substr(s.start, s.end - s.start); };
  bool kampala = false, surname = false;
  for (const Span& s : spans) {
    if (s.kind == "place" && text_of(s) == "Kampala") kampala = s.code == "UGA";
    if (s.kind == "actor" && text_of(s) == "Wine") {
      surname = s.code == "UGAOPP";
      EXPECT_NE(s.rule.find("surname_min_letters"), std::string::npos) << s.rule;
    }
  }
  EXPECT_TRUE(kampala);
  EXPECT_TRUE(surname);
}

TEST(Metrics, PrometheusText) {
  Metrics m;
  m.Record("/api/events", "GET", 200, 0.003);
  m.Record("/api/events", "GET", 200, 0.2);
  std::string t = m.Render({});
  EXPECT_NE(t.find("hadath_http_requests_total{route=\"/api/events\",method=\"GET\",status=\"200\"} 2"), std::string::npos);
  EXPECT_NE(t.find("hadath_http_request_duration_seconds_bucket{route=\"/api/events\",le=\"0.005\"} 1"), std::string::npos);
  EXPECT_NE(t.find("hadath_http_request_duration_seconds_count{route=\"/api/events\"} 2"), std::string::npos);
}

TEST(Routes, Labels) {
  EXPECT_EQ(Api::RouteOf("/api/events/17"), "/api/events/{id}");
  EXPECT_EQ(Api::RouteOf("/api/documents/a/b"), "/api/documents/{id}");
  EXPECT_EQ(Api::RouteOf("/assets/x.js"), "static");
  EXPECT_TRUE(Api::Owns("/metrics"));
  EXPECT_FALSE(Api::Owns("/index.html"));
}

}  // namespace
}  // namespace hadath::server
