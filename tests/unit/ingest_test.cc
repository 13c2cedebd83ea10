// Ingest: files, directories, JSONL (plain and gzip), and every kind of bad input.
#include <gtest/gtest.h>
#include <zlib.h>

#include <sys/resource.h>
#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "hadath/engine.h"
#include "ingest/reader.h"
#include "ingest/warc.h"
#include "test_util.h"

namespace fs = std::filesystem;

namespace hadath {
namespace {

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("hadath-ingest-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  void Read(const std::vector<std::string>& inputs) {
    docs_.clear();
    errors_.clear();
    ReadStats st;
    ReadInputs(inputs, ReadOptions(), [&](Document&& d) { docs_.push_back(std::move(d)); return true; },
               [&](const std::string& origin, const Status& s) { errors_.push_back(origin + ": " + s.message()); },
               &st);
  }
  fs::path dir_;
  std::vector<Document> docs_;
  std::vector<std::string> errors_;
};

TEST_F(IngestTest, FilesByExtensionAndDirectoriesInSortedOrder) {
  Write("b/page.html", "<html><body><p>نص</p></body></html>");
  Write("a.txt", "نص الخبر");
  Write(".hidden/x.txt", "لا يقرأ");
  Read({dir_.string()});
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].id, "a");
  EXPECT_EQ(docs_[0].format, InputFormat::kText);
  EXPECT_EQ(docs_[1].id, "page");
  EXPECT_EQ(docs_[1].format, InputFormat::kHtml);
  EXPECT_TRUE(errors_.empty());
}

TEST_F(IngestTest, BadFilesAreReportedAndTheRestIsRead) {
  std::string good = Write("d/good.txt", "نص جيد");
  std::string empty = Write("d/empty.txt", "");
  std::string bin = Write("d/image.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  Read({(dir_ / "missing.txt").string(), (dir_ / "d").string()});
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].origin, good);
  ASSERT_EQ(errors_.size(), 3u);
  EXPECT_NE(errors_[0].find("missing.txt: no such file"), std::string::npos) << errors_[0];
  EXPECT_NE(errors_[1].find("empty.txt: empty file"), std::string::npos) << errors_[1];
  EXPECT_NE(errors_[2].find("image.bin: binary file"), std::string::npos) << errors_[2];
}

TEST_F(IngestTest, JsonlRecordsWithLineNumberedErrors) {
  std::string p = Write("feed.jsonl",
                        "{\"id\":\"n1\",\"url\":\"http://x/1\",\"source\":\"s\",\"date\":\"2023-10-27T09:00:00\","
                        "\"title\":\"عنوان\",\"text\":\"نص\"}\n"
                        "this is not json\n"
                        "\n"
                        "{\"id\":\"n2\",\"html\":\"<p>نص</p>\"}\n"
                        "{\"id\":\"n3\"}\n"
                        "[1,2]\n");
  Read({p});
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].id, "n1");
  EXPECT_EQ(docs_[0].date, "2023-10-27");
  EXPECT_EQ(docs_[0].title, "عنوان");
  EXPECT_EQ(docs_[0].origin, p + ":1");
  EXPECT_EQ(docs_[1].format, InputFormat::kHtml);
  ASSERT_EQ(errors_.size(), 3u);
  EXPECT_NE(errors_[0].find(":2: not a JSON object"), std::string::npos) << errors_[0];
  EXPECT_NE(errors_[1].find(":5: no \"text\" or \"html\""), std::string::npos) << errors_[1];
  EXPECT_NE(errors_[2].find(":6: not a JSON object"), std::string::npos) << errors_[2];
}

// A record with a bad byte or trailing text is reported with the parser's reason; the
// records around it are read. Numeric ids keep every digit.
TEST_F(IngestTest, JsonlErrorsSayWhereAndNumbersKeepTheirDigits) {
  std::string p = Write("mixed.jsonl",
                        "{\"id\":\"a\",\"text\":\"one\"}\n"
                        "{\"id\":\"b\",\"text\":\"bad \xff byte\"}\n"
                        "{\"id\":\"c\",\"text\":\"ok\"} trailing\n"
                        "{\"id\":12345678901234567890,\"text\":\"big id\",\"date\":20150101}\n"
                        "{\"id\":\"e\",\"html\":5,\"text\":\"text when html is no string\"}\n");
  Read({p});
  ASSERT_EQ(docs_.size(), 3u);
  EXPECT_EQ(docs_[0].id, "a");
  EXPECT_EQ(docs_[1].id, "12345678901234567890");
  EXPECT_EQ(docs_[1].date, "20150101");
  EXPECT_EQ(docs_[2].format, InputFormat::kText);
  EXPECT_EQ(docs_[2].body, "text when html is no string");
  ASSERT_EQ(errors_.size(), 2u);
  EXPECT_NE(errors_[0].find(":2: not a JSON object (The input is not valid UTF-8)"), std::string::npos) << errors_[0];
  EXPECT_NE(errors_[1].find(":3: not a JSON object ("), std::string::npos) << errors_[1];
}

TEST_F(IngestTest, GzipJsonlAndATruncatedOne) {
  std::string content;
  for (int i = 0; i < 500; ++i)
    content += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"نص رقم " + std::to_string(i) + "\"}\n";
  std::string path = (dir_ / "feed.jsonl.gz").string();
  gzFile gz = gzopen(path.c_str(), "wb");
  gzwrite(gz, content.data(), static_cast<unsigned>(content.size()));
  gzclose(gz);
  Read({path});
  EXPECT_EQ(docs_.size(), 500u);
  EXPECT_TRUE(errors_.empty());

  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string cut = Write("cut.jsonl.gz", bytes.substr(0, bytes.size() / 2));
  Read({cut, Write("after.txt", "نص بعد الملف التالف")});
  EXPECT_GT(docs_.size(), 1u);
  EXPECT_LT(docs_.size(), 501u);
  EXPECT_EQ(docs_.back().id, "after");
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("cut.jsonl.gz: damaged or truncated"), std::string::npos) << errors_[0];
}

TEST_F(IngestTest, OverlongJsonlLineIsSkipped) {
  std::string big(200000, 'x');
  std::string p = Write("big.jsonl", "{\"id\":\"a\",\"text\":\"" + big + "\"}\n{\"id\":\"b\",\"text\":\"نص\"}\n");
  ReadOptions opt;
  opt.max_line_bytes = 100000;
  ReadStats st;
  ReadInputs({p}, opt, [&](Document&& d) { docs_.push_back(std::move(d)); return true; },
             [&](const std::string& o, const Status& s) { errors_.push_back(o + ": " + s.message()); }, &st);
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "b");
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("big.jsonl:1: line longer"), std::string::npos) << errors_[0];
}

// ---- WARC: written here, record by record, as Common Crawl lays them out ----

std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string WarcRecordBytes(const std::string& type, const std::string& uri, const std::string& content_type,
                            const std::string& block, int id, long length_delta = 0) {
  std::string h = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-" +
                  std::string(12 - std::to_string(id).size(), '0') + std::to_string(id) +
                  ">\r\nWARC-Date: 2024-05-0" + std::to_string(1 + id % 9) + "T10:00:00Z\r\n";
  if (!uri.empty()) h += "WARC-Target-URI: " + uri + "\r\n";
  h += "Content-Type: " + content_type + "\r\nContent-Length: " +
       std::to_string(static_cast<long>(block.size()) + length_delta) + "\r\n\r\n";
  return h + block + "\r\n\r\n";
}

std::string Http(int status, const std::string& content_type, const std::string& body, bool chunked = false) {
  std::string h = "HTTP/1.1 " + std::to_string(status) + (status == 200 ? " OK" : " Not Found") +
                  "\r\nServer: test\r\nContent-Type: " + content_type + "\r\n";
  if (!chunked) return h + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::string b;
  for (size_t p = 0; p < body.size(); p += 1000) {
    std::string piece = body.substr(p, 1000);
    char hex[16];
    std::snprintf(hex, sizeof hex, "%zx", piece.size());
    b += std::string(hex) + "\r\n" + piece + "\r\n";
  }
  return h + "Transfer-Encoding: chunked\r\n\r\n" + b + "0\r\n\r\n";
}

std::string FixtureText(const std::string& name) {
  std::ifstream in(std::string(HADATH_TEST_DIR) + "/fixtures/" + name, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string ToCharset(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  out.resize(U_SUCCESS(err) ? n : 0);
  return out;
}

// The records of the test crawl, in order; `bad` marks the two damaged ones.
struct TestCrawl {
  std::vector<std::string> records;
  std::vector<bool> wrong_length, damaged;
};

TestCrawl MakeCrawl() {
  std::string wp = FixtureText("html/wordpress_ar.html");
  std::string pan = FixtureText("html/panarab_ar.html");
  std::string en = FixtureText("html/english.html");
  // the pan-Arab page served in windows-1256, its <meta> saying so too
  std::string pan1256 = pan;
  pan1256.replace(pan1256.find("charset=utf-8"), 13, "charset=windows-1256");
  pan1256 = ToCharset(pan1256, "windows-1256");
  TestCrawl c;
  auto add = [&](std::string r, bool wrong = false, bool dmg = false) {
    c.records.push_back(std::move(r));
    c.wrong_length.push_back(wrong);
    c.damaged.push_back(dmg);
  };
  add(WarcRecordBytes("warcinfo", "", "application/warc-fields", "software: hadath-test\r\nformat: WARC 1.1\r\n", 1));
  add(WarcRecordBytes("request", "https://south.example/p/1207", "application/http; msgtype=request",
                      "GET /p/1207 HTTP/1.1\r\nHost: south.example\r\n\r\n", 2));
  add(WarcRecordBytes("response", "https://south.example/p/1207", "application/http; msgtype=response",
                      Http(200, "text/html; charset=UTF-8", wp), 3));
  add(WarcRecordBytes("response", "https://www.ufuq.example/news/world/8200", "application/http; msgtype=response",
                      Http(200, "text/html; charset=windows-1256", pan1256, /*chunked=*/true), 4));
  add(WarcRecordBytes("response", "https://south.example/missing", "application/http; msgtype=response",
                      Http(404, "text/html", "<p>not found</p>"), 5));
  add(WarcRecordBytes("response", "https://south.example/logo.png", "application/http; msgtype=response",
                      Http(200, "image/png", std::string("\x89PNG\r\n\x1a\n\0\0", 10)), 6));
  add(WarcRecordBytes("response", "https://south.example/p/1300", "application/http; msgtype=response",
                      Http(200, "text/html", wp), 7, /*length_delta=*/+40), true);
  add(WarcRecordBytes("resource", "https://ledger.example/b/strike", "text/html", en, 8));
  add(WarcRecordBytes("response", "https://south.example/p/1301", "application/http; msgtype=response",
                      Http(200, "text/html", wp), 9), false, true);
  add(WarcRecordBytes("conversion", "https://ledger.example/b/strike.txt", "text/plain",
                      "Port workers end strike\nDock workers voted to end the strike on Thursday.\n", 10));
  return c;
}

// Writes the crawl as .warc.gz (one gzip member per record) or .warc; returns
// the byte offset of each record.
std::vector<uint64_t> WriteCrawl(const TestCrawl& c, const std::string& path, bool gz) {
  std::ofstream out(path, std::ios::binary);
  std::vector<uint64_t> offsets;
  uint64_t off = 0;
  for (size_t k = 0; k < c.records.size(); ++k) {
    std::string bytes = gz ? Gzip(c.records[k]) : c.records[k];
    if (c.damaged[k]) {
      if (!gz) continue;  // plain files have no members to damage
      for (size_t i = bytes.size() / 3; i < bytes.size() / 3 + 24; ++i) bytes[i] = static_cast<char>(0xFF);
    }
    offsets.push_back(off);
    out << bytes;
    off += bytes.size();
  }
  return offsets;
}

void CheckCrawlDocs(const std::vector<Document>& docs) {
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].url, "https://south.example/p/1207");
  EXPECT_EQ(docs[0].id, "urn:uuid:00000000-0000-0000-0000-000000000003");
  EXPECT_EQ(docs[0].crawl_date, "2024-05-04");
  EXPECT_EQ(docs[0].source, "south.example");
  EXPECT_EQ(docs[0].format, InputFormat::kHtml);
  EXPECT_EQ(docs[0].charset, "UTF-8");
  EXPECT_EQ(docs[1].url, "https://www.ufuq.example/news/world/8200");
  EXPECT_EQ(docs[1].charset, "windows-1256");
  EXPECT_EQ(docs[2].url, "https://ledger.example/b/strike");
  EXPECT_EQ(docs[2].format, InputFormat::kHtml);
  EXPECT_EQ(docs[3].format, InputFormat::kText);
  EXPECT_EQ(docs[3].body, "Port workers end strike\nDock workers voted to end the strike on Thursday.\n");

  // Each page extracts as it does from its own file.
  const Engine& eng = testing::TestEngine();
  Extracted ex;
  ASSERT_TRUE(eng.Extract(docs[0], &ex).ok());
  EXPECT_EQ(ex.title, "وزير الزراعة يفتتح سوقا جديدة للمزارعين في الكرك");
  EXPECT_EQ(ex.date, "2023-10-27");
  EXPECT_EQ(ex.site, "صوت الجنوب");
  ASSERT_TRUE(eng.Extract(docs[1], &ex).ok());
  EXPECT_EQ(ex.encoding, "windows-1256");
  EXPECT_EQ(ex.title, "مجلس الأمن يعقد جلسة طارئة بشأن الأوضاع الإنسانية في السودان");
  EXPECT_EQ(ex.date, "2023-11-14");
  EXPECT_EQ(ex.site, "الأفق الإخبارية");
  EXPECT_EQ(ex.invalid_bytes, 0u);
  EXPECT_NE(ex.text.find("ولم يصدر عن المجلس أي بيان في ختام الجلسة التي استمرت ثلاث ساعات."), std::string::npos);
  Document plain_pan;
  plain_pan.body = FixtureText("html/panarab_ar.html");
  plain_pan.format = InputFormat::kHtml;
  Extracted ex_utf8;
  ASSERT_TRUE(eng.Extract(plain_pan, &ex_utf8).ok());
  EXPECT_EQ(ex.text, ex_utf8.text);
  ASSERT_TRUE(eng.Extract(docs[2], &ex).ok());
  EXPECT_EQ(ex.site, "The Harbour Ledger");
  EXPECT_EQ(ex.date, "2024-02-09");
  ASSERT_TRUE(eng.Extract(docs[3], &ex).ok());
  EXPECT_EQ(ex.date, "2024-05-02");  // the crawl date: the text has none
  EXPECT_EQ(ex.date_origin, "crawl");
}

TEST_F(IngestTest, WarcGzWithOneMemberPerRecordAndTwoDamagedRecords) {
  TestCrawl crawl = MakeCrawl();
  std::string path = (dir_ / "crawl.warc.gz").string();
  std::vector<uint64_t> off = WriteCrawl(crawl, path, true);
  ReadStats st;
  ReadInputs({path, Write("after.txt", "نص بعد الأرشيف")}, ReadOptions(),
             [&](Document&& d) { docs_.push_back(std::move(d)); return true; },
             [&](const std::string& o, const Status& s) { errors_.push_back(o + ": " + s.message()); }, &st);
  ASSERT_EQ(docs_.size(), 5u);
  EXPECT_EQ(docs_.back().id, "after");
  docs_.pop_back();
  CheckCrawlDocs(docs_);
  EXPECT_EQ(st.skipped, 4u);  // warcinfo, request, 404, image
  for (const auto& e : errors_) SCOPED_TRACE(e);
  ASSERT_EQ(errors_.size(), 2u) << ::testing::PrintToString(errors_);
  EXPECT_EQ(errors_[0].find(path + ": record 7 at byte " + std::to_string(off[6]) + ": Content-Length"), 0u) << errors_[0];
  EXPECT_NE(errors_[0].find("does not match the record"), std::string::npos) << errors_[0];
  EXPECT_EQ(errors_[1].find(path + ": record 9 at byte " + std::to_string(off[8]) + ": damaged gzip member"), 0u)
      << errors_[1];
  for (const auto& d : docs_) EXPECT_EQ(d.origin.find(path + ": record "), 0u) << d.origin;
}

TEST_F(IngestTest, PlainWarcWithAWrongContentLength) {
  TestCrawl crawl = MakeCrawl();
  std::string path = (dir_ / "crawl.warc").string();
  std::vector<uint64_t> off = WriteCrawl(crawl, path, false);
  Read({path});
  // the damaged record is left out of the plain file: record 9 is the conversion
  ASSERT_EQ(docs_.size(), 4u);
  CheckCrawlDocs(docs_);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0].find(path + ": record 7 at byte " + std::to_string(off[6]) + ": Content-Length"), 0u) << errors_[0];
  // a Content-Length that is too short
  TestCrawl shorter = crawl;
  shorter.records[6] = WarcRecordBytes("response", "https://south.example/p/1300", "application/http; msgtype=response",
                                       Http(200, "text/html", "<p>نص</p>"), 7, -3);
  WriteCrawl(shorter, path, false);
  Read({path});
  EXPECT_EQ(docs_.size(), 4u);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("record 7"), std::string::npos) << errors_[0];
}

TEST_F(IngestTest, TruncatedWarcGzKeepsTheRecordsBeforeTheCut) {
  TestCrawl crawl = MakeCrawl();
  std::string path = (dir_ / "full.warc.gz").string();
  std::vector<uint64_t> off = WriteCrawl(crawl, path, true);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string cut = Write("cut.warc.gz", bytes.substr(0, off[3] + (off[4] - off[3]) / 2));  // inside record 4
  Read({cut});
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].url, "https://south.example/p/1207");
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0].find(cut + ": record 4 at byte " + std::to_string(off[3]) + ": truncated gzip member"), 0u)
      << errors_[0];
}

TEST_F(IngestTest, HttpResponsesAreParsed) {
  int status = 0;
  std::string ct, body, why;
  ASSERT_TRUE(ParseHttpResponse(Http(200, "text/html; charset=windows-1256", "<p>abc</p>", true), 1 << 20, &status,
                                &ct, &body, &why));
  EXPECT_EQ(status, 200);
  EXPECT_EQ(ct, "text/html; charset=windows-1256");
  EXPECT_EQ(body, "<p>abc</p>");
  std::string gz = Gzip("<p>مضغوط</p>");
  ASSERT_TRUE(ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n" + gz,
                                1 << 20, &status, &ct, &body, &why));
  EXPECT_EQ(body, "<p>مضغوط</p>");
  EXPECT_FALSE(ParseHttpResponse("garbage", 1 << 20, &status, &ct, &body, &why));
  EXPECT_TRUE(IsWarcName("a/CC-MAIN-1.warc.GZ"));
}

TEST_F(IngestTest, EmptyBinaryAndUtf16Files) {
  std::string empty_warc = Write("e.warc.gz", "");
  std::string utf16 = Write("u16.txt", ToCharset("\xEF\xBB\xBFنص بترميز UTF-16 في ملف نصي عادي", "UTF-16LE"));
  std::string bin = Write("x.dat", std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3E\0", 20));
  Read({empty_warc, utf16, bin});
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].origin, utf16);
  ASSERT_EQ(errors_.size(), 2u);
  EXPECT_NE(errors_[0].find("e.warc.gz: empty file"), std::string::npos) << errors_[0];
  EXPECT_NE(errors_[1].find("x.dat: binary file"), std::string::npos) << errors_[1];
  Extracted ex;
  ASSERT_TRUE(testing::TestEngine().Extract(docs_[0], &ex).ok());
  EXPECT_EQ(ex.text, "نص بترميز UTF-16 في ملف نصي عادي");
}

long MaxRssKiB() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

TEST_F(IngestTest, AHundredMegabyteJsonlLineIsSkippedInBoundedMemory) {
  std::string path = (dir_ / "huge.jsonl").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"id\":\"before\",\"text\":\"نص قبل السطر الطويل\"}\n{\"id\":\"huge\",\"text\":\"";
    std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 100; ++i) out << chunk;
    out << "\"}\n{\"id\":\"after\",\"text\":\"نص بعد السطر الطويل\"}\n";
  }
  // With an 8 MiB limit, the 100 MB line costs at most a few times the limit.
  ReadOptions small;
  small.max_line_bytes = 8u << 20;
  ReadStats st;
  long before = MaxRssKiB();
  ReadInputs({path}, small, [&](Document&& d) { docs_.push_back(std::move(d)); return true; },
             [&](const std::string& o, const Status& s) { errors_.push_back(o + ": " + s.message()); }, &st);
  long grown_mib = (MaxRssKiB() - before) / 1024;
  EXPECT_LT(grown_mib, 40) << "the reader held more than its line limit";
  EXPECT_EQ(docs_.size(), 2u);
  // With the default limit (64 MiB) too.
  Read({path});
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].id, "before");
  EXPECT_EQ(docs_[1].id, "after");
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("huge.jsonl:2: line longer than"), std::string::npos) << errors_[0];
}

}  // namespace
}  // namespace hadath
