// The coder's output contract: every EVENT_FORMAT field, offsets that point at
// the right words, rules that name real data lines, dated roles.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "code/event_json.h"
#include "test_util.h"
#include "util/utf8.h"

namespace hadath {
namespace {

using testing::TestEngine;

std::vector<Event> Code(const std::string& text, const std::string& date) {
  Document d;
  d.id = "doc";
  d.body = text;
  d.date = date;
  Extracted ex;
  EXPECT_TRUE(TestEngine().Extract(d, &ex).ok());
  std::vector<Event> ev;
  EXPECT_TRUE(TestEngine().Code(ex, &ev).ok());
  return ev;
}

// Code-point substring.
std::string Sub(const std::string& s, size_t start, size_t end) {
  size_t i = 0, k = 0, b = std::string::npos;
  while (i <= s.size()) {
    if (k == start) b = i;
    if (k == end) return s.substr(b, i - b);
    if (i == s.size()) break;
    utf8::Next(s, &i);
    ++k;
  }
  return "<out of range>";
}

TEST(Coder, EventJsonHasEveryContractField) {
  auto ev = Code("التقى وزير الخارجية المصري بنظيره الأردني في عمّان.\n\nوقال إن اللقاء كان مثمرا.", "2024-02-01");
  ASSERT_FALSE(ev.empty());
  auto j = EventToJson(ev[0]);
  for (const char* f : {"event_id", "doc_id", "doc_url", "doc_source", "doc_title", "doc_date", "sentence_index",
                        "sentence", "date", "date_basis", "source", "target", "cameo", "root", "quad_class",
                        "goldstein", "plover", "plover_mode", "trigger", "location", "negated", "modality", "rules"})
    EXPECT_TRUE(j.contains(f)) << f;
  for (const char* f : {"text", "code", "country", "sector", "name", "start", "end"})
    EXPECT_TRUE(j["source"].contains(f)) << f;
  for (const char* f : {"text", "name", "country", "lat", "lon", "geonames_id"})
    EXPECT_TRUE(j["location"].contains(f)) << f;
}

// AppendEventJson writes what EventToJson(e).dump() writes, byte for byte.
TEST(Coder, DirectEventJsonEqualsTheJsonTree) {
  auto ev = Code("Police in Paris arrested two protesters on Monday.\n", "2024-02-01");
  Event e;
  e.event_id = "x:0:0";
  e.doc_title = "quote \" back\\slash \t tab \n line \x01 \x1f \x7f é «قال» \xF0\x9F\x98\x80";
  e.sentence = std::string("nul \0 inside", 12);
  e.source.text = "Ministry";
  e.source.start = 3;
  e.quad_class = -4;
  e.goldstein = -10.0;
  e.rules = {"a.tsv:1", "b.tsv:22"};
  std::vector<Event> cases = {e};
  e.target = ActorRef{"Iran", "IRN", "IRN", "", "Iran", 10, 14};
  e.goldstein = 3.4;
  e.location.lat = 24.7136;
  e.location.lon = -0.1;
  e.location.geonames_id = 108410;
  e.negated = true;
  e.rules.clear();
  cases.push_back(e);
  e.goldstein = std::nan("");
  e.location.lat = 1e-7;
  e.location.lon = 1e21;
  cases.push_back(e);
  cases.insert(cases.end(), ev.begin(), ev.end());
  for (const Event& c : cases) {
    std::string out = "prefix";
    AppendEventJson(c, &out);
    EXPECT_EQ(out, "prefix" + EventToJson(c).dump());
  }
  // Invalid UTF-8 goes the general way (nlohmann refuses it).
  e.doc_title = "bad \xC3\x28 byte";
  std::string out;
  EXPECT_ANY_THROW(AppendEventJson(e, &out));
}

TEST(Coder, OffsetsPointAtTheWordsInTheExtractedText) {
  const std::string text =
      "عنوان تجريبي للخبر\n\nوفي تطور لاحق، انتقدت وزارة الخارجية التركية إسرائيل بسبب العملية العسكرية.";
  Document d;
  d.id = "doc";
  d.body = text;
  d.date = "2024-05-05";
  Extracted ex;
  ASSERT_TRUE(TestEngine().Extract(d, &ex).ok());
  std::vector<Event> ev;
  ASSERT_TRUE(TestEngine().Code(ex, &ev).ok());
  ASSERT_EQ(ev.size(), 1u);
  const Event& e = ev[0];
  EXPECT_EQ(e.cameo, "111");
  EXPECT_EQ(e.source.code, "TURGOV");
  ASSERT_TRUE(e.target.has_value());
  EXPECT_EQ(e.target->code, "ISR");
  EXPECT_EQ(Sub(ex.text, e.source.start, e.source.end), e.source.text);
  EXPECT_EQ(Sub(ex.text, e.target->start, e.target->end), "إسرائيل");
  EXPECT_EQ(Sub(ex.text, e.trigger_start, e.trigger_end), "انتقدت");
  EXPECT_EQ(e.sentence_index, 1u);
  EXPECT_EQ(e.date, "2024-05-05");
  EXPECT_EQ(e.date_basis, "document");
  EXPECT_EQ(e.quad_class, 3);
  EXPECT_EQ(e.plover, "ACCUSE");
  // every rule names a data file and a line
  for (const auto& r : e.rules) EXPECT_NE(r.find(".tsv:"), std::string::npos) << r;
}

TEST(Coder, ActorRolesFollowTheDocumentDate) {
  const std::string s = "انتقد بنيامين نتنياهو الحكومة الإيرانية.";
  auto in_office = Code(s, "2023-03-01");
  ASSERT_EQ(in_office.size(), 1u);
  EXPECT_EQ(in_office[0].source.code, "ISRGOV");
  auto in_opposition = Code(s, "2022-01-10");
  ASSERT_EQ(in_opposition.size(), 1u);
  EXPECT_EQ(in_opposition[0].source.code, "ISROPP");
}

TEST(Coder, NegatedEventsAreDroppedUnlessAskedFor) {
  EXPECT_TRUE(Code("لم تنتقد الحكومة المصرية إسرائيل.", "2024-01-01").empty());
  Document d;
  d.id = "n";
  d.body = "لم تنتقد الحكومة المصرية إسرائيل.";
  d.date = "2024-01-01";
  EngineOptions opt;
  opt.data_dir = HADATH_TEST_DATA_DIR;
  opt.keep_negated = true;
  std::unique_ptr<Engine> eng;
  ASSERT_TRUE(Engine::Open(opt, &eng).ok());
  Extracted ex;
  ASSERT_TRUE(eng->Extract(d, &ex).ok());
  std::vector<Event> ev;
  ASSERT_TRUE(eng->Code(ex, &ev).ok());
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_TRUE(ev[0].negated);
}

// The coder's thresholds are data (ar/settings.tsv): an analyst changes them without C++.
std::vector<Event> CodeWithSettings(const std::string& settings, const std::string& text, const std::string& date) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("hadath-settings-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(HADATH_TEST_DATA_DIR, dir, fs::copy_options::recursive);
  {
    std::ofstream f(dir / "ar" / "settings.tsv", std::ios::trunc);
    f << "key\tvalue\tnote\n" << settings;
  }
  EngineOptions opt;
  opt.data_dir = dir.string();
  std::unique_ptr<Engine> eng;
  std::vector<Event> ev;
  Status st = Engine::Open(opt, &eng);
  EXPECT_TRUE(st.ok()) << st.message();
  if (st.ok()) {
    Document d;
    d.id = "s";
    d.body = text;
    d.date = date;
    Extracted ex;
    EXPECT_TRUE(eng->Extract(d, &ex).ok());
    EXPECT_TRUE(eng->Code(ex, &ev).ok());
  }
  fs::remove_all(dir);
  return ev;
}

TEST(Coder, HistoryDaysIsASetting) {
  const std::string text = "وكانت حركة حماس قد هاجمت إسرائيل في 7 أكتوبر 2021.";
  EXPECT_TRUE(Code(text, "2024-01-01").empty());  // the shipped 365 days: history
  auto ev = CodeWithSettings("history_days\t0\tnever\n", text, "2024-01-01");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].root, "19");
  EXPECT_EQ(ev[0].date, "2021-10-07");
}

TEST(Coder, ArmedSectorsIsASetting) {
  const std::string text = "هاجمت وسائل الإعلام الإيرانية الحكومة الفرنسية.";
  auto shipped = Code(text, "2024-01-01");
  ASSERT_EQ(shipped.size(), 1u);
  EXPECT_EQ(shipped[0].cameo, "111");  // unarmed=111: the media criticise
  auto ev = CodeWithSettings("armed_sectors\tMIL|MED\tmedia counted as armed\n", text, "2024-01-01");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "190");
}

// English cue words are data too (en/settings.tsv): a key given again later in the file
// replaces the shipped list.
std::vector<Event> CodeEnglishWithSetting(const std::string& line, const std::string& text, const std::string& date) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("hadath-en-settings-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(HADATH_TEST_DATA_DIR, dir, fs::copy_options::recursive);
  {
    std::ofstream f(dir / "en" / "settings.tsv", std::ios::app);
    f << line << "\n";
  }
  EngineOptions opt;
  opt.data_dir = dir.string();
  std::unique_ptr<Engine> eng;
  std::vector<Event> ev;
  Status st = Engine::Open(opt, &eng);
  EXPECT_TRUE(st.ok()) << st.message();
  if (st.ok()) {
    Document d;
    d.id = "s";
    d.body = text;
    d.date = date;
    Extracted ex;
    EXPECT_TRUE(eng->Extract(d, &ex).ok());
    EXPECT_TRUE(eng->Code(ex, &ev).ok());
  }
  fs::remove_all(dir);
  return ev;
}

TEST(Coder, EnglishCueWordsAreSettings) {
  // "May" with a capital inside a sentence is the month (capital_month_words), not the modal.
  const std::string text = "After fishing talks broke down in May, Bolivia expelled the Chilean ambassador on Monday.";
  auto shipped = Code(text, "2024-06-10");
  ASSERT_FALSE(shipped.empty());
  EXPECT_EQ(shipped[0].root, "17");
  EXPECT_TRUE(CodeEnglishWithSetting("capital_month_words\tmarch\tMay left out", text, "2024-06-10").empty());
  // "those of X" (of_pronouns): with "those" left out, "of Chile" is a complement, no source.
  const std::string those = "Several embassies, including those of Chile and Peru, condemned the Venezuelan government.";
  EXPECT_EQ(Code(those, "2024-06-10").size(), 2u);
  EXPECT_TRUE(CodeEnglishWithSetting("of_pronouns\tthat\tthose left out", those, "2024-06-10").empty());
  // a phrase list (pair_words) is read as words
  const std::string pair = "Ecuadorian troops clashed with Colombian troops on Sunday. On Monday both governments signed a border accord.";
  auto ev = CodeEnglishWithSetting("pair_words\tthe two\tboth left out", pair, "2024-06-10");
  size_t accords = 0;
  for (const auto& e : Code(pair, "2024-06-10")) accords += e.root == "05";
  EXPECT_EQ(accords, 2u);
  for (const auto& e : ev) EXPECT_NE(e.root, "05");
}

// Opens an engine on a copy of data/ with `line` appended to `file`; returns the load status.
Status OpenWithExtraLine(const std::string& file, const std::string& line) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("hadath-badline-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(HADATH_TEST_DATA_DIR, dir, fs::copy_options::recursive);
  {
    std::ofstream f(dir / file, std::ios::app);
    f << line << "\n";
  }
  EngineOptions opt;
  opt.data_dir = dir.string();
  std::unique_ptr<Engine> eng;
  Status st = Engine::Open(opt, &eng);
  fs::remove_all(dir);
  return st;
}

// Settings and trigger options are parsed once, at load: a bad value is a file:line error then,
// not a silent default while coding.
TEST(Coder, BadSettingsAreLoadErrors) {
  Status st = OpenWithExtraLine("ar/settings.tsv", "history_days\tmany\tnot a number");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("ar/settings.tsv:"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("history_days"), std::string::npos) << st.message();
  st = OpenWithExtraLine("ar/settings.tsv", "background_clause_roots\t18|1x\ta bad root");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("1x"), std::string::npos) << st.message();
  st = OpenWithExtraLine("ar/settings.tsv", "histroy_days\t30\ta typo");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("unknown setting 'histroy_days'"), std::string::npos) << st.message();
}

TEST(Coder, BadEnglishCueSettingsAreLoadErrors) {
  Status st = OpenWithExtraLine("en/settings.tsv", "rough_count_words\tabout|more than\tone word each");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("en/settings.tsv:"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("single words"), std::string::npos) << st.message();
}

TEST(Coder, BadTriggerOptionsAreLoadErrors) {
  Status st = OpenWithExtraLine("ar/triggers.tsv", "bad-1\t190\tnoun\tهجمة\tgenitive=object\tnote");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("ar/triggers.tsv:"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("genitive"), std::string::npos) << st.message();
  st = OpenWithExtraLine("ar/triggers.tsv", "bad-2\t190\tverb\tهجم\timperfect=yes\tnote");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("takes no value"), std::string::npos) << st.message();
  st = OpenWithExtraLine("ar/triggers.tsv", "bad-3\t190\tverb\tهجم\tunarmed=999\tnote");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("999"), std::string::npos) << st.message();
}

TEST(Engine, MissingDataDirectoryIsAClearError) {
  EngineOptions opt;
  opt.data_dir = "/nonexistent/hadath-data";
  std::unique_ptr<Engine> eng;
  Status st = Engine::Open(opt, &eng);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("/nonexistent/hadath-data"), std::string::npos);
}

}  // namespace
}  // namespace hadath
