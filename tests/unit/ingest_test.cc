// Ingest: files, directories, JSONL (plain and gzip), and every kind of bad input.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "ingest/reader.h"

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

}  // namespace
}  // namespace hadath
