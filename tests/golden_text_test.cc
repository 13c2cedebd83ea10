// Golden tests of the text layer kept as data: tests/golden/text/*.test.
// Each case is text in and the token sequence out (format: tests/golden/README.md):
//   SURFACE<TAB>MATCHING FORM[<TAB>ALTERNATIVE ...]   or   //   (a sentence break)
// and, for every token of every case, the token's span in the text must
// reproduce its surface and the whole word must be its first alternative.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_util.h"
#include "util/tsv.h"

namespace fs = std::filesystem;

namespace hadath {
namespace {

struct TextCase {
  std::string file, name, text;
  int line = 0;
  std::vector<std::string> expected;
};

std::vector<TextCase> Load(const fs::path& path) {
  std::vector<TextCase> cases;
  std::ifstream in(path);
  std::string line;
  int lineno = 0;
  bool in_expected = false;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.rfind("=== ", 0) == 0) {
      cases.push_back({path.filename().string(), line.substr(4), "", lineno, {}});
      in_expected = false;
      continue;
    }
    if (cases.empty()) continue;
    if (!in_expected) {
      if (line == "----") { in_expected = true; continue; }
      cases.back().text += (cases.back().text.empty() ? "" : "\n") + line;
    } else if (!line.empty()) {
      cases.back().expected.push_back(line);
    }
  }
  return cases;
}

std::string Alt(const Segment& s) {
  std::string out;
  if (!s.prefix.empty()) out.append(s.prefix).append("+");
  out += s.stem;
  if (!s.suffix.empty()) out.append("+").append(s.suffix);
  return out;
}

TEST(GoldenText, AllCases) {
  const Lexicon& lex = testing::TestLexicon();
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(HADATH_TEST_DIR) / "golden" / "text"))
    if (e.path().extension() == ".test") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  size_t n = 0;
  for (const auto& f : files) {
    for (const TextCase& c : Load(f)) {
      ++n;
      SCOPED_TRACE(c.file + ":" + std::to_string(c.line) + " «" + c.name + "»");
      auto sentences = lex.tokenizer().Split(c.text, /*all_alternatives=*/true);
      std::vector<const Token*> toks;
      std::vector<std::string> got;  // "//" between sentences
      for (size_t si = 0; si < sentences.size(); ++si) {
        if (si > 0) { got.push_back("//"); toks.push_back(nullptr); }
        for (const Token& t : sentences[si].tokens) {
          std::string surface = c.text.substr(t.begin, t.end - t.begin);
          EXPECT_EQ(lex.normalizer().Normalize(surface), t.norm) << surface;
          ASSERT_FALSE(t.segs.empty());
          EXPECT_EQ(t.segs[0].stem, t.norm) << "first alternative must be the whole word: " << surface;
          got.push_back(surface);
          toks.push_back(&t);
        }
      }
      ASSERT_EQ(got.size(), c.expected.size()) << "token count";
      for (size_t k = 0; k < got.size(); ++k) {
        auto cells = SplitList(c.expected[k], '\t');
        std::vector<std::string> raw;  // keep empty-free cells in order
        std::istringstream in(c.expected[k]);
        for (std::string cell; std::getline(in, cell, '\t');) raw.push_back(cell);
        EXPECT_EQ(got[k], raw[0]) << "token " << k;
        if (raw[0] == "//" || !toks[k]) continue;
        if (raw.size() > 1) EXPECT_EQ(toks[k]->norm, raw[1]) << raw[0];
        if (raw.size() > 2) {
          for (const auto& want : SplitList(raw[2], ' ')) {
            const bool banned = want[0] == '!';  // «!ALT»: must not be offered
            const std::string alt = banned ? want.substr(1) : want;
            bool found = false;
            for (const auto& s : toks[k]->segs) found |= (Alt(s) == alt);
            EXPECT_EQ(found, !banned) << raw[0] << ": alternative " << alt << (banned ? " offered" : " not offered");
          }
        }
        if (raw.size() > 3 && !raw[3].empty())  // START-END byte span in the case text
          EXPECT_EQ(std::to_string(toks[k]->begin) + "-" + std::to_string(toks[k]->end), raw[3]) << raw[0];
      }
    }
  }
  std::printf("golden text: %zu cases\n", n);
}

}  // namespace
}  // namespace hadath
