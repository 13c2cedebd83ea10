// Property tests of the text layer: on corpus text (../shared, when present)
// and on random strings, tokens tile every non-space character exactly once,
// offsets stay inside the document and increase, and each token's span
// reproduces its surface, so nothing is dropped without a record.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <zlib.h>

#include <nlohmann/json.hpp>
#include <random>

#include "test_util.h"
#include "util/utf8.h"

namespace hadath {
namespace {

void CheckTiling(const std::string& text) {
  const Tokenizer& tk = testing::TestLexicon().tokenizer();
  auto sentences = tk.Split(text);
  std::vector<bool> covered(text.size(), false);
  size_t last_end = 0;
  for (const auto& s : sentences) {
    ASSERT_LE(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    for (const auto& t : s.tokens) {
      ASSERT_LT(t.begin, t.end);
      ASSERT_LE(t.end, text.size());
      ASSERT_GE(t.begin, last_end) << "tokens overlap or go backwards";
      last_end = t.end;
      for (size_t b = t.begin; b < t.end; ++b) covered[b] = true;
      ASSERT_FALSE(t.segs.empty());
    }
  }
  // every byte not covered by a token must belong to a white-space code point
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = utf8::Next(text, &i);
    if (!covered[start]) {
      ASSERT_TRUE(u_isUWhiteSpace(static_cast<UChar32>(c)) || c == '\n' || c == '\r' || c == '\t')
          << "dropped U+" << std::hex << static_cast<uint32_t>(c) << " at byte " << std::dec << start;
    }
  }
}

TEST(TextProperty, RandomStringsTileWithoutLoss) {
  std::mt19937 rng(20261126);
  // a mix of Arabic letters, marks, tatweel, digits, Latin, punctuation, spaces, zero-width chars
  const std::vector<std::pair<char32_t, char32_t>> ranges = {
      {0x0621, 0x064A}, {0x064B, 0x0652}, {0x0640, 0x0640}, {0x0660, 0x0669}, {0x06F0, 0x06F9},
      {'a', 'z'},       {'0', '9'},       {0x060C, 0x060C}, {0x061F, 0x061F}, {'.', '.'},
      {' ', ' '},       {'\n', '\n'},     {0x200C, 0x200F}, {0xFE70, 0xFEFC}, {0x00AB, 0x00AB},
      {'"', '"'},       {0x066B, 0x066C}, {0x0671, 0x06D3}, {0x1F600, 0x1F64F}};
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    int len = std::uniform_int_distribution<int>(0, 60)(rng);
    for (int k = 0; k < len; ++k) {
      const auto& r = ranges[std::uniform_int_distribution<size_t>(0, ranges.size() - 1)(rng)];
      char32_t c = std::uniform_int_distribution<uint32_t>(r.first, r.second)(rng);
      utf8::Append(&s, c);
    }
    SCOPED_TRACE(s);
    CheckTiling(s);
  }
}

TEST(TextProperty, CorpusDocumentsTileWithoutLoss) {
  gzFile gz = gzopen(HADATH_SHARED_DIR "/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz", "rb");
  if (!gz) GTEST_SKIP() << "../shared corpus not present";
  std::mt19937 rng(7);
  std::string line;
  char buf[1 << 16];
  size_t docs = 0, checked = 0;
  int n;
  while ((n = gzread(gz, buf, sizeof buf)) > 0 && checked < 300) {
    for (int k = 0; k < n && checked < 300; ++k) {
      if (buf[k] != '\n') { line.push_back(buf[k]); continue; }
      ++docs;
      if (rng() % 50 == 0) {  // a random 2% of the documents, up to 300
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j["text"].is_string()) {
          std::string text;
          utf8::Sanitize(j["text"].get<std::string>(), &text);
          SCOPED_TRACE(j.value("id", ""));
          CheckTiling(text);
          ++checked;
        }
      }
      line.clear();
    }
  }
  gzclose(gz);
  EXPECT_GT(checked, 100u);
}

}  // namespace
}  // namespace hadath
