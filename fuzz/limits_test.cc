// Every documented input limit (README "Limits"), at its boundary: just under is read,
// just over is refused with the documented answer (a per-input report and reading goes
// on; 413; 400), never an out-of-memory kill.
#include <fcntl.h>
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

// `bytes` gzip-compressed (a member with a gzip header), or raw deflate when `window_bits` < 0.
std::string Compress(const std::string& bytes, int window_bits = 15 + 16) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, bytes.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// A WARC response record whose HTTP body is `body` sent with `encoding` (gzip, deflate).
std::string WarcResponse(const std::string& body, const std::string& encoding, int n) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Encoding: " + encoding +
                     "\r\n\r\n" + body;
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:r" + std::to_string(n) +
         ">\r\nWARC-Target-URI: http://example.org/" + std::to_string(n) +
         "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + std::to_string(http.size()) +
         "\r\n\r\n" + http + "\r\n\r\n";
}

// ReadInputs({"-"}) with standard input read from a file holding `bytes`.
Result ReadStdin(const std::string& bytes, const ReadOptions& opt) {
  const std::string path = fuzz::ScratchFile(bytes, ".stdin");
  int fd = open(path.c_str(), O_RDONLY);
  int saved = dup(STDIN_FILENO);
  EXPECT_GE(fd, 0);
  dup2(fd, STDIN_FILENO);
  close(fd);
  Result r;
  ReadStats stats;
  ReadInputs({"-"}, opt, [&](Document&& d) { r.docs.push_back(std::move(d)); return true; },
             [&](const std::string&, const Status& st) { r.errors.push_back(st.message()); }, &stats);
  dup2(saved, STDIN_FILENO);
  close(saved);
  return r;
}

std::string JsonlLine(size_t n) {  // a JSONL line of exactly n bytes (newline not counted)
  std::string head = "{\"id\":\"x\",\"text\":\"", tail = "\"}";
  return head + std::string(n - head.size() - tail.size(), 'a') + tail;
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
  EXPECT_EQ(Read("<p>" + std::string(8185, 'a') + "</p>", ".html", opt).docs.size(), 1u);
  EXPECT_EQ(Read("<p>" + std::string(8186, 'a') + "</p>", ".html", opt).errors.size(), 1u);
}

// Standard input is bounded like a file; JSONL on it is streamed, so only its lines are.
TEST(Limits, StdinDocumentSize) {
  ReadOptions opt;
  opt.max_record_bytes = 8192;
  Result at = ReadStdin(std::string(8192, 'a'), opt);
  ASSERT_EQ(at.docs.size(), 1u);
  EXPECT_EQ(at.docs[0].body.size(), 8192u);
  Result over = ReadStdin(std::string(8193, 'a'), opt);
  EXPECT_TRUE(over.docs.empty());
  ASSERT_EQ(over.errors.size(), 1u);
  EXPECT_NE(over.errors[0].find("8192 bytes for one document; skipped"), std::string::npos) << over.errors[0];

  opt.max_line_bytes = 1000;
  std::string feed;
  for (int i = 0; i < 40; ++i) feed += JsonlLine(600) + "\n";  // 24 KB of JSONL, 3 × max_record_bytes
  feed += JsonlLine(1001) + "\n" + JsonlLine(1000);
  Result jl = ReadStdin(feed, opt);
  EXPECT_EQ(jl.docs.size(), 41u);  // every line but the long one, the last without a newline
  ASSERT_EQ(jl.errors.size(), 1u);
  EXPECT_NE(jl.errors[0].find("1000 bytes"), std::string::npos) << jl.errors[0];
}

TEST(Limits, GzipJsonlLineLength) {
  ReadOptions opt;
  opt.max_line_bytes = 4096;
  // 100 KB of one line, compressed to almost nothing: dropped as soon as it is too long
  std::string gz = Compress(JsonlLine(4096) + "\n" + JsonlLine(100000) + "\n" + JsonlLine(50) + "\n");
  Result r = Read(gz, ".jsonl.gz", opt);
  EXPECT_EQ(r.docs.size(), 2u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("4096 bytes"), std::string::npos) << r.errors[0];
}

// An HTTP body is bounded after its content-encoding is undone (a compression bomb is
// refused with a report, the next record read).
TEST(Limits, DecodedHttpBody) {
  ReadOptions opt;
  opt.max_record_bytes = 8192;
  const std::string warc = WarcResponse(Compress(std::string(8192, 'a')), "gzip", 1) +
                           WarcResponse(Compress(std::string(1 << 20, 'b')), "gzip", 2) +
                           WarcResponse(Compress(std::string(1 << 20, 'c'), 15), "deflate", 3) +
                           WarcResponse(Compress("d d d", -15), "deflate", 4);
  ASSERT_LT(warc.size(), 8192u);
  Result r = Read(warc, ".warc", opt);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].body.size(), 8192u);
  EXPECT_EQ(r.docs[1].body, "d d d");
  ASSERT_EQ(r.errors.size(), 2u);
  for (const auto& e : r.errors) EXPECT_NE(e.find("decodes to more than 8192 bytes"), std::string::npos) << e;
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
