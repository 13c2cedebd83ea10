// Golden tests kept as data: tests/golden/**/*.test (format in tests/golden/README.md).
// Each case is text in, expected events out; the set of coded events must equal
// the expected set exactly, so a golden test checks precision as well as recall.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "test_util.h"

namespace fs = std::filesystem;

namespace hadath {
namespace {

struct Case {
  std::string file, name, date, text, source;
  int line = 0;
  std::vector<std::string> expected;
};

std::vector<Case> LoadCases(const fs::path& path) {
  std::vector<Case> cases;
  std::ifstream in(path);
  std::string line;
  int lineno = 0;
  enum { kHeader, kText, kExpected } state = kHeader;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.rfind("=== ", 0) == 0) {
      cases.push_back(Case{path.filename().string(), line.substr(4), "", "", "", lineno, {}});
      state = kText;
      continue;
    }
    if (cases.empty() || state == kHeader) continue;
    Case& c = cases.back();
    if (state == kText) {
      if (line == "----") { state = kExpected; continue; }
      if (c.text.empty() && line.rfind("date: ", 0) == 0) { c.date = line.substr(6); continue; }
      if (c.text.empty() && line.rfind("source: ", 0) == 0) { c.source = line.substr(8); continue; }
      c.text += (c.text.empty() ? "" : "\n") + line;
    } else {
      size_t b = line.find_first_not_of(" \t");
      if (b == std::string::npos || line[b] == '#') continue;
      c.expected.push_back(line.substr(b));
    }
  }
  return cases;
}

// Does one coded event satisfy one expected tuple "CAMEO SRC TGT DATE [@LOC] [intended]"?
bool Satisfies(const Event& e, const std::string& want) {
  std::istringstream in(want);
  std::string cameo, src, tgt, date, extra;
  in >> cameo >> src >> tgt >> date;
  // "-": no target, or for the source an unknown perpetrator (empty code)
  auto actor_ok = [](const std::string& w, const ActorRef* a) {
    if (w == "-") return a == nullptr || a->code.empty();
    if (!a) return false;
    return w.size() == 3 ? a->country == w : a->code == w;
  };
  bool cameo_ok = cameo.size() == 2 ? e.root == cameo : e.cameo == cameo;
  if (!cameo_ok || !actor_ok(src, &e.source) || !actor_ok(tgt, e.target ? &*e.target : nullptr) || e.date != date)
    return false;
  while (in >> extra) {
    if (extra[0] == '@' && e.location.country != extra.substr(1)) return false;
    if (extra == "intended" && e.modality != "intended") return false;
  }
  return true;
}

std::string Describe(const Event& e) {
  std::string s = e.cameo + " " + e.source.code + " " + (e.target ? e.target->code : "-") + " " + e.date;
  if (!e.location.country.empty()) s += " @" + e.location.country;
  if (e.modality != "asserted") s += " " + e.modality;
  return s + "   (trigger «" + e.trigger_text + "»)";
}

TEST(Golden, AllCases) {
  const Engine& eng = testing::TestEngine();
  std::vector<fs::path> files;
  // every *.test below tests/golden (ar/, en/, …) except the text layer's (tests/golden/text, golden_text_test.cc)
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(HADATH_TEST_DIR) / "golden"))
    if (entry.path().extension() == ".test" && entry.path().parent_path().filename() != "text")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  size_t n_cases = 0;
  for (const auto& f : files) {
    for (const Case& c : LoadCases(f)) {
      ++n_cases;
      SCOPED_TRACE(c.file + ":" + std::to_string(c.line) + " «" + c.name + "»");
      Document d;
      d.id = "golden";
      d.body = c.text;
      d.date = c.date;
      d.source = c.source;
      Extracted ex;
      ASSERT_TRUE(eng.Extract(d, &ex).ok());
      std::vector<Event> events;
      ASSERT_TRUE(eng.Code(ex, &events).ok());
      std::vector<bool> used(events.size(), false);
      for (const auto& want : c.expected) {
        bool found = false;
        for (size_t k = 0; k < events.size(); ++k)
          if (Satisfies(events[k], want)) { used[k] = true; found = true; }
        EXPECT_TRUE(found) << "missing: " << want;
      }
      for (size_t k = 0; k < events.size(); ++k)
        EXPECT_TRUE(used[k]) << "unexpected: " << Describe(events[k]);
    }
  }
  EXPECT_GT(n_cases, 10u);
  std::printf("golden: %zu cases in %zu files\n", n_cases, files.size());
}

// The events of one article as comparable tuples: CAMEO, source code, target country, date.
std::set<std::string> Tuples(const Engine& eng, const std::string& text, const std::string& date, std::string* lang) {
  Document d;
  d.id = "seed";
  d.body = text;
  d.date = date;
  Extracted ex;
  EXPECT_TRUE(eng.Extract(d, &ex).ok());
  if (lang) *lang = ex.lang;
  std::vector<Event> events;
  EXPECT_TRUE(eng.Code(ex, &events).ok());
  std::set<std::string> out;
  for (const auto& e : events)
    out.insert(e.cameo + " " + e.source.code + " " + (e.target ? e.target->country : "-") + " " + e.date);
  return out;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// examples/seed_en.txt retells the seed story in English (in our own words): it must code
// to the events the Arabic seed codes to, by the same machinery.
TEST(Golden, EnglishSeedCodesLikeTheArabicSeed) {
  const Engine& eng = testing::TestEngine();
  std::string lang;
  const std::set<std::string> en =
      Tuples(eng, ReadAll(fs::path(HADATH_TEST_DIR) / ".." / "examples" / "seed_en.txt"), "2023-10-27", &lang);
  EXPECT_EQ(lang, "en");
  const std::set<std::string> want = {
      "040 IRNGOV PSE 2023-10-27",   // the title: a senior Iranian official meets Hamas leaders
      "044 IRNGOV PSE 2023-10-27",   // … in Moscow: a third country
      "040 PSEREB RUS 2023-10-26",   // Abu Marzouk's talks with Russian officials on Thursday
      "040 IRNGOV RUS 2023-10-26",   // Bagheri Kani meets Bogdanov on Thursday
      "042 PSEREB RUS 2023-10-27",   // Abu Marzouk's visit to Moscow
      "111 ISRGOV RUS 2023-10-27",   // Israel's foreign ministry condemns Russia
      "100 ISRGOV RUS 2023-10-27",   // … and demands the delegation's expulsion
      "072 IRN RUS 2023-10-27",      // Iran supplied drones
      "0332 RUS IRN 2023-10-27",     // Moscow expected to provide fighter jets (intent)
      "192 RUS UKR 2023-10-27",      // the invasion of Ukraine (background clause)
      "051 ISR UKR 2023-10-27",      // Israel voices support for Kyiv
  };
  EXPECT_EQ(en, want);
  const fs::path arabic = fs::path(HADATH_SHARED_DIR) / "corpus" / "seed" / "000_adf2e6658df28c14.txt";
  if (!fs::exists(arabic)) GTEST_SKIP() << "../shared seed not present: compared with the expected list only";
  const std::set<std::string> ar = Tuples(eng, ReadAll(arabic), "2023-10-27", &lang);
  EXPECT_EQ(lang, "ar");
  EXPECT_EQ(en, ar);
}

// One engine codes Arabic and English documents side by side, each with its own lexicon.
TEST(Golden, MixedLanguagesInOneEngine) {
  const Engine& eng = testing::TestEngine();
  std::string lang;
  auto en = Tuples(eng, "Egypt criticized Libya on Monday.", "2024-03-14", &lang);
  EXPECT_EQ(lang, "en");
  EXPECT_EQ(en, (std::set<std::string>{"111 EGY LBY 2024-03-11"}));
  auto ar = Tuples(eng, "انتقدت مصر ليبيا يوم الاثنين في بيان رسمي.", "2024-03-14", &lang);
  EXPECT_EQ(lang, "ar");
  EXPECT_EQ(ar, (std::set<std::string>{"111 EGY LBY 2024-03-11"}));
}

}  // namespace
}  // namespace hadath
