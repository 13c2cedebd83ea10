// Every documented input limit (README "Limits"), at its boundary: just under is read,
// just over is refused with the documented answer (a per-input report and reading goes
// on; 413; 400), never an out-of-memory kill.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "fuzz_util.h"
#include "hadath/engine.h"
#include "hadath/store.h"
#include "ingest/reader.h"
#include "server/api.h"

namespace hadath {
namespace {

namespace fs = std::filesystem;

struct Result {
  std::vector<Document> docs;
  std::vector<std::string> errors;
};

Result Read(const std::string& bytes, const std::string& suffix, const ReadOptions& opt) {
  const std::string path = fuzz::ScratchFile(bytes, suffix);
  Result r;
  ReadStats stats;
  ReadInputs({path}, opt, [&](Document&& d) { r.docs.push_back(std::move(d)); return true; },
             [&](const std::string&, const Status& st) { r.errors.push_back(st.message()); }, &stats);
  return r;
}

std::string Warc(const std::string& block, int n) {
  return "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(n) +
         ">\r\nWARC-Target-URI: file:///" + std::to_string(n) + ".txt\r\nContent-Type: text/plain\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

TEST(Limits, JsonlLineLength) {
  ReadOptions opt;
  opt.max_line_bytes = 4096;
  auto line = [](size_t n) {  // a JSONL line of exactly n bytes
    std::string head = "{\"id\":\"x\",\"text\":\"", tail = "\"}";
    return head + std::string(n - head.size() - tail.size(), 'a') + tail;
  };
  Result r = Read(line(4096) + "\n" + line(4097) + "\n" + line(100) + "\n", ".jsonl", opt);
  EXPECT_EQ(r.docs.size(), 2u);  // the first and the last: reading went on
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("4096 bytes"), std::string::npos) << r.errors[0];
  EXPECT_EQ(ReadOptions{}.max_line_bytes, 64u << 20);
}

TEST(Limits, DocumentSize) {
  ReadOptions opt;
  opt.max_record_bytes = 8192;
  EXPECT_EQ(Read(std::string(8192, 'a'), ".txt", opt).docs.size(), 1u);
  Result r = Read(std::string(8193, 'a'), ".txt", opt);
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("skipped"), std::string::npos) << r.errors[0];
  EXPECT_EQ(ReadOptions{}.max_record_bytes, 64u << 20);
}

TEST(Limits, WarcRecordSize) {
  ReadOptions opt;
  opt.max_record_bytes = 8192;
  Result r = Read(Warc(std::string(4000, 'a'), 1) + Warc(std::string(9000, 'b'), 2) + Warc("c c c", 3), ".warc", opt);
  ASSERT_EQ(r.docs.size(), 2u);  // the big record is skipped, the next one read
  EXPECT_EQ(r.docs[1].body, "c c c");
  EXPECT_EQ(r.errors.size(), 1u);
}

TEST(Limits, HtmlSizeAndDepth) {
  const auto& st = fuzz::GetStages();
  auto extract = [&](std::string html) {
    Document d;
    d.format = InputFormat::kHtml;
    d.body = std::move(html);
    Extracted out;
    return st.extractor.Extract(d, &out);
  };
  auto nested = [](size_t depth) {  // <html><body> and depth-2 <div>s
    std::string s = "<html><body>";
    for (size_t i = 2; i < depth; ++i) s += "<div>";
    s += "<p>نص المقال هنا</p>";
    for (size_t i = 2; i < depth; ++i) s += "</div>";
    return s + "</body></html>";
  };
  EXPECT_TRUE(extract(nested(kMaxHtmlDepth)).ok());
  Status deep = extract(nested(kMaxHtmlDepth + 1));
  EXPECT_EQ(deep.code(), Status::Code::kUnsupported) << deep.ToString();
  EXPECT_EQ(kMaxHtmlBytes, 16u << 20);
  Status big = extract("<p>" + std::string(kMaxHtmlBytes, 'a') + "</p>");
  EXPECT_EQ(big.code(), Status::Code::kUnsupported);
  EXPECT_TRUE(extract("<p>" + std::string(kMaxHtmlBytes - 8, 'a') + "</p>").ok());
}

TEST(Limits, ServerBodyTextAndPageSize) {
  EngineOptions eo;
  eo.data_dir = fuzz::DataDir();
  std::unique_ptr<Engine> engine;
  ASSERT_TRUE(Engine::Open(eo, &engine).ok());
  const std::string db = (fs::temp_directory_path() / ("hadath_limits_" + std::to_string(getpid()) + ".db")).string();
  {
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(db, {}, &store).ok());
  }
  server::ApiOptions ao;
  ao.db = db;
  ao.max_body = 4096;
  ao.max_code_chars = 100;
  std::unique_ptr<server::Api> api;
  ASSERT_TRUE(server::Api::Open(ao, engine.get(), &api).ok());
  auto post = [&](const std::string& body) {
    server::ApiRequest req;
    req.method = "POST";
    req.path = "/api/code";
    req.content_type = "text/plain; charset=utf-8";
    req.body = body;
    return api->Handle(req).status;
  };
  EXPECT_EQ(post(std::string(100, 'a')), 200);
  EXPECT_EQ(post(std::string(101, 'a')), 413);   // characters over max_code_chars
  EXPECT_EQ(post(std::string(4097, 'a')), 413);  // bytes over max_body
  auto page = [&](const std::string& limit) {
    server::ApiRequest req;
    req.method = "GET";
    req.path = "/api/events";
    req.params.emplace("limit", limit);
    return api->Handle(req).status;
  };
  EXPECT_EQ(server::ApiOptions{}.max_limit, 1000);
  EXPECT_EQ(page("1000"), 200);
  EXPECT_EQ(page("1001"), 400);
  EXPECT_EQ(page("0"), 400);
  EXPECT_EQ(server::ApiOptions{}.max_body, 1u << 20);
  api.reset();
  for (const char* s : {"", "-wal", "-shm"}) fs::remove(db + s);
}

}  // namespace
}  // namespace hadath
