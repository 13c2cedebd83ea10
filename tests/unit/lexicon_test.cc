// The lexicon: the flat phrase matcher, the compiled image (round trip,
// damage, cache keying), dated roles, mentions and place disambiguation,
// `dict check` and the PETRARCH importer.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>

#include "code/coder.h"
#include "code/event_json.h"
#include "lexicon/check.h"
#include "lexicon/image.h"
#include "lexicon/lexicon.h"
#include "lexicon/mentions.h"
#include "lexicon/petrarch.h"
#include "test_util.h"
#include "util/tsv.h"

namespace fs = std::filesystem;

namespace hadath {
namespace {

using hadath::testing::TestLexicon;

std::string TempDir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("hadath-lexicon-test-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

std::vector<Token> Toks(const Lexicon& lex, const std::string& text) {
  // Tokens view the TokenizedText they come from: keep every one for the test's life.
  static std::deque<TokenizedText> keep;
  keep.push_back(lex.tokenizer().Split(text));
  std::vector<Token> out;
  for (auto& s : keep.back())
    for (auto& t : s.tokens) out.push_back(t);
  return out;
}

const Mention* Find(const std::vector<Mention>& ms, const std::string& text, const std::string& surface) {
  for (const auto& m : ms)
    if (text.substr(m.begin, m.end - m.begin) == surface) return &m;
  return nullptr;
}

TEST(PhraseMatcher, LeftmostLongestAcrossClitics) {
  const Lexicon& lex = TestLexicon();
  PhraseMatcher m;
  m.Add(lex.Forms("مجلس الأمن"), 1);
  m.Add(lex.Forms("مجلس"), 2);
  m.Add(lex.Forms("موسكو"), 3);
  m.Build();
  auto toks = Toks(lex, "اجتماع لمجلس الأمن وبموسكو");
  auto ms = m.FindAll(toks);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].payload, 1u);
  EXPECT_EQ(ms[0].end - ms[0].begin, 2u);
  EXPECT_EQ(ms[1].payload, 3u);
  EXPECT_FALSE(ms[1].prefix.empty());
}

TEST(PhraseMatcher, BareOnlyPassesOverOtherReadings) {
  const Lexicon& lex = TestLexicon();
  PhraseMatcher m;
  m.Add(lex.Forms("موسكو"), 1);
  m.Build();
  auto toks = Toks(lex, "وصل الوفد إلى موسكو ثم غادر بموسكو");
  EXPECT_EQ(m.FindAll(toks).size(), 2u);  // the bare form and the clitic reading
  m.SetBareOnly(true);
  auto ms = m.FindAll(toks);
  ASSERT_EQ(ms.size(), 1u);  // the bare form only
  EXPECT_TRUE(ms[0].prefix.empty());
  // English: an agent word matches its inflected forms only as listed, whatever the triggers.
  const Lexicon* en = lex.english_lexicon();
  ASSERT_NE(en, nullptr);
  auto en_toks = Toks(*en, "The alliance of 32 states condemned it.");
  for (const PhraseMatch& a : en->agent_matcher.FindAll(en_toks))
    EXPECT_NE(en_toks[a.begin].norm, "states");
}

// FindAll's shortcut (a token whose next word continues no multiword phrase takes its group's
// one-word phrases) finds what the general search finds: the leftmost-longest
// matches of MatchAt, position by position, each with the clitics of the first (longest) one;
// and MatchAt's filters and searches find what the definition finds.
std::vector<PhraseMatch> LeftmostLongestByMatchAt(const PhraseMatcher& m, const std::vector<Token>& toks) {
  std::vector<PhraseMatch> out;
  for (size_t i = 0; i < toks.size();) {
    std::vector<PhraseMatch> here = m.MatchAt(toks, i);
    if (here.empty()) { ++i; continue; }
    for (const PhraseMatch& x : here)
      if (x.end == here[0].end && x.prefix == here[0].prefix && x.suffix == here[0].suffix) out.push_back(x);
    i = here[0].end;
  }
  return out;
}

// MatchAt by its definition, phrase by phrase (no table, filter or search): the first word is a
// reading's stem, inner words are tokens' forms, the last one a form or, after a multiword
// phrase's other words, the stem of a suffix reading; longest first, then fewer clitics.
std::vector<PhraseMatch> MatchAtByDefinition(const PhraseMatcher& m, bool bare_only, const std::vector<Token>& toks, size_t i) {
  auto readings = [&](const Token& t) { return bare_only && !t.segs.empty() ? t.segs.first(1) : t.segs; };
  std::vector<PhraseMatch> out;
  for (const Segment& seg : readings(toks[i]))
    for (size_t k = 0; k < m.size(); ++k) {
      const std::vector<std::string_view> forms = m.PhraseForms(k);
      const size_t n = forms.size();
      if (forms[0] != seg.stem || i + n > toks.size() || (n > 1 && !seg.suffix.empty())) continue;
      bool ok = true;
      std::string_view last_suffix = n == 1 ? seg.suffix : std::string_view();
      for (size_t w = 1; w < n && ok; ++w) {
        if (toks[i + w].norm == forms[w]) continue;
        ok = false;
        if (w == n - 1)
          for (const Segment& s : readings(toks[i + w]))
            if (s.prefix.empty() && !s.suffix.empty() && s.stem == forms[w]) { ok = true; last_suffix = s.suffix; break; }
      }
      if (!ok) continue;
      bool dup = false;
      for (const PhraseMatch& x : out) dup |= x.payload == m.PhrasePayload(k) && x.end == i + n;
      if (dup) continue;
      PhraseMatch& x = out.emplace_back();
      x.begin = i;
      x.end = i + n;
      x.payload = m.PhrasePayload(k);
      x.prefix = seg.prefix;
      x.suffix = last_suffix;
    }
  std::stable_sort(out.begin(), out.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    if (a.end != b.end) return a.end > b.end;
    return a.prefix.size() + a.suffix.size() < b.prefix.size() + b.suffix.size();
  });
  return out;
}

TEST(PhraseMatcher, ShortcutsFindWhatTheGeneralSearchFinds) {
  const Lexicon& lex = TestLexicon();
  const Lexicon* en = lex.english_lexicon();
  ASSERT_NE(en, nullptr);
  // Our own sentences, dense in function words, verbs with objects, names and clitics.
  const std::vector<std::pair<const Lexicon*, std::string>> texts = {
      {en, "The army said on Monday that its jets had struck the rebels' positions near the border, "
           "and the rebels fired rockets at the town in return. Police arrested two men after the attack "
           "on the embassy; the minister condemned it and demanded the expulsion of the ambassador. "
           "Talks were held in Cairo, where the envoy met both sides and called for a ceasefire to take effect."},
      {en, "Protesters gathered outside parliament to demand the release of the journalists, and the "
           "government sent troops to the capital. The United Nations said aid had reached the city."},
      // (verbs with hundreds of CAMEO patterns each: a search of their large groups)
      {en, "The militia took over the airport and took an enclave in the north, then set up a committee "
           "and sent word to the envoy. A man attacked and stabbed a guard. The two sides set up joint "
           "companies, took note of the report and took leave of the armistice talks."},
      {&lex, "قال الجيش يوم الاثنين إن طائراته قصفت مواقع المتمردين قرب الحدود، وأطلق المتمردون "
             "صواريخ على البلدة. واعتقلت الشرطة رجلين بعد الهجوم على السفارة، وأدان الوزير الهجوم "
             "وطالب بطرد السفير. والتقى المبعوث بالطرفين في القاهرة ودعا إلى وقف إطلاق النار."},
  };
  for (const auto& [l, text] : texts) {
    const std::vector<Token> toks = Toks(*l, text);
    for (const PhraseMatcher* m : {&l->actor_matcher, &l->agent_matcher, &l->place_matcher, &l->trigger_matcher, &l->cue_matcher}) {
      // (English actors, agents and places match bare forms only)
      const bool bare_only = l->english() && m != &l->trigger_matcher && m != &l->cue_matcher;
      for (size_t i = 0; i < toks.size(); ++i) {
        const std::vector<PhraseMatch> got = m->MatchAt(toks, i), want = MatchAtByDefinition(*m, bare_only, toks, i);
        ASSERT_EQ(got.size(), want.size()) << "token " << i << " of: " << text;
        for (size_t k = 0; k < got.size(); ++k) {
          EXPECT_EQ(got[k].end, want[k].end);
          EXPECT_EQ(got[k].payload, want[k].payload);
          EXPECT_EQ(got[k].prefix, want[k].prefix);
          EXPECT_EQ(got[k].suffix, want[k].suffix);
        }
      }
      const std::vector<PhraseMatch> fast = m->FindAll(toks), general = LeftmostLongestByMatchAt(*m, toks);
      ASSERT_EQ(fast.size(), general.size()) << text;
      for (size_t k = 0; k < fast.size(); ++k) {
        EXPECT_EQ(fast[k].begin, general[k].begin);
        EXPECT_EQ(fast[k].end, general[k].end);
        EXPECT_EQ(fast[k].payload, general[k].payload);
        EXPECT_EQ(fast[k].prefix, general[k].prefix);
        EXPECT_EQ(fast[k].suffix, general[k].suffix);
      }
    }
  }
}

TEST(PhraseMatcher, AttachedBlobMatchesLikeTheBuiltOne) {
  const Lexicon& lex = TestLexicon();
  // A copy of the blob, 8-aligned, read in place.
  std::string_view blob = lex.actor_matcher.blob();
  std::vector<uint64_t> buf((blob.size() + 7) / 8);
  std::memcpy(buf.data(), blob.data(), blob.size());
  PhraseMatcher attached;
  ASSERT_TRUE(attached.Attach(std::string_view(reinterpret_cast<const char*>(buf.data()), blob.size())).ok());
  EXPECT_EQ(attached.size(), lex.actor_matcher.size());
  auto toks = Toks(lex, "التقى وزير الخارجية الروسي سيرغي لافروف بنظيره الإيراني في موسكو");
  auto a = lex.actor_matcher.FindAll(toks), b = attached.FindAll(toks);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].begin, b[i].begin);
    EXPECT_EQ(a[i].payload, b[i].payload);
  }
  // A group whose range runs past the phrases (a damaged table slot) is refused before anything
  // is built from it (the filters read every group: under ASan an early read fails here), and
  // leaves the matcher matching nothing.
  {
    std::vector<uint64_t> dam = buf;
    uint32_t* w = reinterpret_cast<uint32_t*>(dam.data());
    uint32_t* table = w + 8 + 2 * size_t{w[2]} + 3 * size_t{w[1]} + w[5] + w[6];
    size_t s = 0;
    while (s < w[3] && !table[4 * s + 1]) ++s;
    ASSERT_LT(s, w[3]);
    table[4 * s + 3] = 0x7FFFFFF0u;
    PhraseMatcher bad;
    EXPECT_FALSE(bad.Attach(std::string_view(reinterpret_cast<const char*>(dam.data()), blob.size())).ok());
    EXPECT_TRUE(bad.FindAll(toks).empty());
  }
  // A damaged header is refused.
  buf[0] ^= 0xFF;
  PhraseMatcher bad;
  EXPECT_FALSE(bad.Attach(std::string_view(reinterpret_cast<const char*>(buf.data()), blob.size())).ok());
}

TEST(LexiconImage, RoundTripKeepsEntriesRulesAndMatches) {
  Lexicon src;
  ASSERT_TRUE(src.LoadSources(HADATH_TEST_DATA_DIR).ok());
  uint64_t key = 0;
  ASSERT_TRUE(Lexicon::SourceKey(HADATH_TEST_DATA_DIR, &key).ok());
  std::string dir = TempDir("roundtrip");
  std::string path = dir + "/img";
  ASSERT_TRUE(WriteFileAtomic(path, src.Serialize(key)).ok());
  Lexicon img;
  Status st = img.LoadImage(HADATH_TEST_DATA_DIR, path, key);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_TRUE(img.load_info().from_image);
  EXPECT_EQ(img.Stats(), src.Stats());
  ASSERT_EQ(img.actors.size(), src.actors.size());
  for (size_t i = 0; i < src.actors.size(); ++i) {
    EXPECT_EQ(img.actors[i].rule, src.actors[i].rule);
    EXPECT_EQ(img.actors[i].codes.size(), src.actors[i].codes.size());
  }
  for (size_t i = 0; i < src.places.size(); ++i) EXPECT_EQ(img.places[i].geonames_id, src.places[i].geonames_id);
  for (size_t i = 0; i < src.triggers.size(); ++i) {
    const TriggerEntry &a = src.triggers[i], &b = img.triggers[i];
    EXPECT_EQ(a.rule, b.rule);
    EXPECT_EQ(a.target_preps, b.target_preps);
    EXPECT_EQ(a.third_location, b.third_location);
    EXPECT_EQ(a.needs_target, b.needs_target);
    EXPECT_EQ(a.actorless, b.actorless);
    EXPECT_EQ(a.qualifiers.size(), b.qualifiers.size());
  }
  for (size_t i = 0; i < src.cues.size(); ++i) EXPECT_EQ(img.cues[i].kind, src.cues[i].kind);
  // The coder codes the same events from both.
  {
    Coder c1(&src, false), c2(&img, false);
    Extracted doc;
    doc.id = "t";
    doc.date = "2023-10-27";
    doc.text = "استقبل وزير الخارجية الروسي سيرغي لافروف في موسكو وفدا من حركة حماس.\n"
               "أدانت وزارة الخارجية الإيرانية الهجوم الإسرائيلي على قطاع غزة.\n"
               "قتل ثلاثة أشخاص في انفجار سيارة مفخخة في بغداد.";
    std::vector<Event> e1, e2;
    c1.Code(doc, "", &e1);
    c2.Code(doc, "", &e2);
    ASSERT_EQ(e1.size(), e2.size());
    EXPECT_GT(e1.size(), 0u);
    for (size_t i = 0; i < e1.size(); ++i) EXPECT_EQ(EventToJson(e1[i]), EventToJson(e2[i]));
  }
  const std::string text = "قال المتحدث باسم الكرملين ديمتري بيسكوف في موسكو الجمعة إن روسيا تدعم الحوار.";
  Ymd d;
  Ymd::Parse("2023-10-27", &d);
  auto a = FindMentions(src, text, d), b = FindMentions(img, text, d);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].code, b[i].code);
    EXPECT_EQ(a[i].rules, b[i].rules);
  }
  // The wrong key, a flipped byte and a truncated file are all refused.
  Lexicon k2;
  EXPECT_FALSE(k2.LoadImage(HADATH_TEST_DATA_DIR, path, key + 1).ok());
  std::string bytes;
  ASSERT_TRUE(ReadFile(path, &bytes).ok());
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40;
  ASSERT_TRUE(WriteFileAtomic(dir + "/flipped", flipped).ok());
  Lexicon k3;
  EXPECT_FALSE(k3.LoadImage(HADATH_TEST_DATA_DIR, dir + "/flipped", key).ok());
  ASSERT_TRUE(WriteFileAtomic(dir + "/short", bytes.substr(0, bytes.size() - 100)).ok());
  Lexicon k4;
  EXPECT_FALSE(k4.LoadImage(HADATH_TEST_DATA_DIR, dir + "/short", key).ok());
  fs::remove_all(dir);
}

TEST(LexiconImage, CachedAndRebuiltWhenASourceChanges) {
  std::string root = TempDir("cache");
  std::string data = root + "/data", cache = root + "/cache";
  fs::copy(HADATH_TEST_DATA_DIR, data, fs::copy_options::recursive);
  // Content no other run has (images are keyed by content, in any cache dir).
  std::ofstream(data + "/ar/actors/zz_unique.tsv") << "# " << root << " " << ::time(nullptr)
                                                   << "\nid\tname_en\tnames_ar\tcodes\twikidata\tnote\n";
  setenv("HADATH_CACHE", cache.c_str(), 1);
  {
    Lexicon l1;
    ASSERT_TRUE(l1.Load(data).ok());
    EXPECT_FALSE(l1.load_info().from_image);
    EXPECT_FALSE(l1.load_info().image_path.empty());
    Lexicon l2;
    ASSERT_TRUE(l2.Load(data).ok());
    EXPECT_TRUE(l2.load_info().from_image);
    EXPECT_EQ(l2.load_info().source_key, l1.load_info().source_key);
    size_t before = l2.actors.size();
    // A new actor file: a new key, a recompile, the new entry found.
    std::ofstream(data + "/ar/actors/zz_test.tsv")
        << "id\tname_en\tnames_ar\tcodes\twikidata\tnote\nzz-test\tTest Person\tزززز ييييي\tFRAGOV\t\t\n";
    Lexicon l3;
    ASSERT_TRUE(l3.Load(data).ok());
    EXPECT_FALSE(l3.load_info().from_image);
    EXPECT_NE(l3.load_info().source_key, l1.load_info().source_key);
    EXPECT_EQ(l3.actors.size(), before + 1);
    Lexicon l4;
    ASSERT_TRUE(l4.Load(data).ok());
    EXPECT_TRUE(l4.load_info().from_image);
    EXPECT_EQ(l4.actors.size(), before + 1);
    // An edit that keeps the file's size (one code for another) is a new key too.
    std::ofstream(data + "/ar/actors/zz_test.tsv")
        << "id\tname_en\tnames_ar\tcodes\twikidata\tnote\nzz-test\tTest Person\tزززز ييييي\tDEUGOV\t\t\n";
    Lexicon l5;
    ASSERT_TRUE(l5.Load(data).ok());
    EXPECT_FALSE(l5.load_info().from_image);
    EXPECT_NE(l5.load_info().source_key, l4.load_info().source_key);
    const auto it = std::find_if(l5.actors.begin(), l5.actors.end(), [](const ActorEntry& e) { return e.id == "zz-test"; });
    ASSERT_NE(it, l5.actors.end());
    EXPECT_EQ(it->codes.at(0).code, "DEUGOV");
    // Only the current image is kept.
    size_t images = 0;
    for (const auto& e : fs::directory_iterator(cache)) images += e.path().extension() == ".img";
    EXPECT_EQ(images, 1u);
  }
  unsetenv("HADATH_CACHE");
  fs::remove_all(root);
}

TEST(Actors, DatedRolesChooseTheCode) {
  std::vector<DatedCode> codes;
  ASSERT_TRUE(ParseDatedCodes("PSEGOV 2006-03-29..2007-06-14; PSEREB ..2024-07-31", &codes).ok());
  ActorEntry e;
  e.codes = codes;
  Ymd d;
  Ymd::Parse("2006-06-01", &d);
  EXPECT_EQ(e.CodeOn(d), "PSEGOV");
  Ymd::Parse("2010-01-01", &d);
  EXPECT_EQ(e.CodeOn(d), "PSEREB");
  EXPECT_FALSE(ParseDatedCodes("RUSGOV 2010-01-01..2005-01-01", &codes).ok());
  EXPECT_FALSE(ParseDatedCodes("RUSGOV 2010-01-01", &codes).ok());
  EXPECT_FALSE(ParseDatedCodes("rusgov", &codes).ok());
}

TEST(Actors, FormerRolesAreElite) {
  auto code_on = [](const std::string& codes, const char* date) {
    std::vector<DatedCode> c;
    EXPECT_TRUE(ParseDatedCodes(codes, &c).ok());
    AddFormerRoles(&c);
    ActorEntry e;
    e.codes = c;
    Ymd d;
    if (date) Ymd::Parse(date, &d);
    return e.CodeOn(d);
  };
  const std::string ghani = "AFGGOV 2014-09-29..2021-08-15";
  EXPECT_EQ(code_on(ghani, "2020-01-01"), "AFGGOV");
  EXPECT_EQ(code_on(ghani, "2021-08-16"), "AFGELI");
  EXPECT_EQ(code_on(ghani, nullptr), "AFGGOV");  // an undated document: the role, not the derived code
  // Between two roles, and after the last; a later undated code wins over the derived one.
  const std::string two = "ISRGOV 1996-06-18..1999-07-06; ISRGOV 2009-03-31..2021-06-13";
  EXPECT_EQ(code_on(two, "2005-01-01"), "ISRELI");
  EXPECT_EQ(code_on(two, "2010-01-01"), "ISRGOV");
  EXPECT_EQ(code_on(two, "2022-01-01"), "ISRELI");
  EXPECT_EQ(code_on("IRNGOV 2021-09-01..2024-08-25; IRN", "2025-01-01"), "IRN");
  // Not a state role, not a country: no derived code.
  EXPECT_EQ(code_on("SYRREB 2011-01-01..2016-01-01", "2020-01-01"), "SYRREB");
  EXPECT_EQ(code_on("IGOUNO 2007-01-01..2016-12-31", "2020-01-01"), "IGOUNO");
}

TEST(Actors, PersonOrOrganisation) {
  EXPECT_TRUE(IsPersonRow("", "Sergey Lavrov", "RUSGOV"));
  EXPECT_FALSE(IsPersonRow("", "Popular Front for the Liberation of Palestine", "PSEREB"));
  EXPECT_FALSE(IsPersonRow("", "UNHCR", "IGOUNOREF"));
  EXPECT_FALSE(IsPersonRow("", "al-Qaeda", "IMGREBISL"));
  EXPECT_TRUE(IsPersonRow("person", "Hamas Council", ""));
}

TEST(Mentions, ActorsAgentsPlacesDates) {
  const Lexicon& lex = TestLexicon();
  Ymd d;
  Ymd::Parse("2023-10-27", &d);
  std::string text = "استقبل نائب وزير الخارجية الإيراني علي باقري خاني في موسكو وفدا من حركة حماس الخميس.";
  auto ms = FindMentions(lex, text, d);
  const Mention* ag = Find(ms, text, "نائب وزير الخارجية الإيراني");
  ASSERT_NE(ag, nullptr);
  EXPECT_EQ(ag->code, "IRNGOV");
  const Mention* person = Find(ms, text, "علي باقري خاني");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->code, "IRNGOV");
  const Mention* moscow = Find(ms, text, "موسكو");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->kind, Mention::Kind::kPlace);
  EXPECT_EQ(moscow->country, "RUS");
  ASSERT_NE(moscow->place, nullptr);
  EXPECT_NEAR(moscow->place->lat, 55.75, 0.05);
  EXPECT_NEAR(moscow->place->lon, 37.62, 0.05);
  const Mention* hamas = Find(ms, text, "حركة حماس");
  ASSERT_NE(hamas, nullptr);
  EXPECT_EQ(hamas->code, "PSEREB");
  const Mention* date = Find(ms, text, "الخميس");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->date, "2023-10-26");
  // A capital without «في» is the government: «زودت إيران موسكو».
  std::string t2 = "زودت إيران موسكو بطائرات مسيرة";
  auto m2 = FindMentions(lex, t2, d);
  const Mention* mos = Find(m2, t2, "موسكو");
  ASSERT_NE(mos, nullptr);
  EXPECT_EQ(mos->kind, Mention::Kind::kActor);
  EXPECT_EQ(mos->country, "RUS");
  std::string t3 = "وقال الجيش الروسي إن مجلس الأمن سيجتمع";
  auto m3 = FindMentions(lex, t3, d);
  ASSERT_NE(Find(m3, t3, "الجيش الروسي"), nullptr);
  EXPECT_EQ(Find(m3, t3, "الجيش الروسي")->code, "RUSMIL");
  ASSERT_NE(Find(m3, t3, "مجلس الأمن"), nullptr);
  EXPECT_EQ(Find(m3, t3, "مجلس الأمن")->code.substr(0, 6), "IGOUNO");
}

// Cue words come from ar/cues.tsv and then every file of ar/cues/ (the topics of the trigger
// families live beside them), each with its own rule id.
TEST(Lexicon, CuesDirectoryIsLoaded) {
  const Lexicon& lex = TestLexicon();
  bool base = false, dir = false;
  for (const auto& c : lex.cues) {
    base |= c.rule.rfind("ar/cues.tsv:", 0) == 0;
    dir |= c.rule.rfind("ar/cues/roots.tsv:", 0) == 0 && c.topic == "talks";
  }
  EXPECT_TRUE(base);
  EXPECT_TRUE(dir);
}

// The indefinite accusative of Arabic noun triggers (derived at load): «ـا» on the noun and the
// nisba adjectives that agree with it; none for a definite or genitive phrase.
TEST(Lexicon, ArabicIndefiniteAccusative) {
  auto prep = [](const std::string& w) { return w == "عن" || w == "على"; };
  auto acc = [&](const std::string& p, const std::vector<std::string>& fixed = {}) {
    return ArabicIndefiniteAccusative(p, prep, fixed);
  };
  EXPECT_EQ(acc("هجوم"), "هجوما");
  EXPECT_EQ(acc("قصف مدفعي"), "قصفا مدفعيا");
  EXPECT_EQ(acc("تمرين عسكري مشترك"), "تمرينا عسكريا مشتركا");
  EXPECT_EQ(acc("نداء إنساني"), "نداء إنسانيا");             // «ء» takes none, its adjective does
  EXPECT_EQ(acc("إضراب عن الطعام"), "إضرابا عن الطعام");     // a prepositional phrase stays
  EXPECT_EQ(acc("يوم للغضب"), "يوما للغضب");
  EXPECT_EQ(acc("هجوماً"), "");                                // already accusative
  for (const char* none : {"زيارة", "لقاء", "ذكرى", "مبدأ", "مظاهرات", "الحصار", "مسيرة احتجاجية"})
    EXPECT_EQ(acc(none), "") << none;                          // no «ـا» on these endings; definite
  for (const char* genitive : {"إطلاق النار", "إطلاق نار", "توقيع اتفاقية", "أعمال شغب", "قرض ميسر"})
    EXPECT_EQ(acc(genitive), "") << genitive;                  // a construct (or cannot be told)
  EXPECT_EQ(acc("قذائف", {"قذائف"}), "");                     // option no_accusative
  EXPECT_EQ(acc("تجريف أراضي", {"أراضي"}), "");
  // The lexicon: derived forms match; hand-listed ones keep their row («احتجاجا» is an adverb).
  const Lexicon& lex = TestLexicon();
  auto trigger = [&](const std::string& text) {
    auto ms = lex.trigger_matcher.FindAll(Toks(lex, text));
    return ms.size() == 1 && ms[0].begin == 0 ? lex.triggers[ms[0].payload].id : std::string("-");
  };
  EXPECT_EQ(trigger("قصفا مدفعيا"), "artillery-n");
  EXPECT_EQ(trigger("وحصارا"), "blockade-n");
  EXPECT_EQ(trigger("احتجاجا"), "protest-adv");  // listed in its own row: not protest-n's «ـا»
  EXPECT_EQ(trigger("صواريخا"), "-");            // no_accusative
}

TEST(Mentions, AmbiguousPlacesTakeTheCountryContext) {
  const Lexicon& lex = TestLexicon();
  Ymd d;
  std::string plain = "اشتباكات في طرابلس";
  auto m1 = FindMentions(lex, plain, d);
  ASSERT_NE(Find(m1, plain, "طرابلس"), nullptr);
  EXPECT_EQ(Find(m1, plain, "طرابلس")->country, "LBY");  // the larger city
  std::string lb = "اشتباكات في طرابلس شمال لبنان";
  auto m2 = FindMentions(lex, lb, d);
  ASSERT_NE(Find(m2, lb, "طرابلس"), nullptr);
  EXPECT_EQ(Find(m2, lb, "طرابلس")->country, "LBN");
  EXPECT_EQ(Find(m2, lb, "طرابلس")->why, "sentence country");
  std::string jo = "قال مسؤول أردني في عمان إن الأردن يرفض ذلك";
  auto m3 = FindMentions(lex, jo, d);
  ASSERT_NE(Find(m3, jo, "عمان"), nullptr);
  EXPECT_EQ(Find(m3, jo, "عمان")->country, "JOR");
  std::string om = "وصل الوزير إلى مسقط. وقالت عمان إنها ترحب";
  auto m4 = FindMentions(lex, om, d);
  ASSERT_NE(Find(m4, om, "عمان"), nullptr);
  EXPECT_EQ(Find(m4, om, "عمان")->country, "OMN");
}

TEST(DictCheck, TheDataIsClean) {
  CheckReport rep;
  ASSERT_TRUE(CheckDictionaries(HADATH_TEST_DATA_DIR, &rep).ok());
  for (const auto& e : rep.errors) ADD_FAILURE() << e.where << ": " << e.message;
  EXPECT_GT(rep.rows, 5000u);
}

TEST(DictCheck, ReportsEveryProblem) {
  std::string root = TempDir("check");
  std::string data = root + "/data";
  fs::copy(HADATH_TEST_DATA_DIR, data, fs::copy_options::recursive);
  std::ofstream(data + "/ar/actors/zz_bad.tsv")
      << "id\tname_en\tnames_ar\tcodes\twikidata\tnote\n"
      << "zz-1\tA\tسيرغي لافروف\tFRAGOV\t\t\n"                                        // name of RUSGOV
      << "zz-2\tB\tبببب\tRUSGOV 2010-01-01..2005-01-01\t\t\n"                         // backwards
      << "zz-3\tC\tجججج\tRUSGOV 2000-01-01..2010-01-01; RUSGOV 2005-01-01..\t\t\n"   // overlap
      << "zz-3\tD\tدددد\tRUSGOV\tQx\t\textra\n";                                      // dup id, wikidata, cells
  CheckReport rep;
  ASSERT_TRUE(CheckDictionaries(data, &rep).ok());
  std::string all;
  for (const auto& e : rep.errors) all += e.where + ": " + e.message + "\n";
  EXPECT_NE(all.find("zz_bad.tsv:2: actor name"), std::string::npos) << all;
  EXPECT_NE(all.find("zz_bad.tsv:3: date range runs backwards"), std::string::npos) << all;
  EXPECT_NE(all.find("zz_bad.tsv:4: date ranges of RUSGOV and RUSGOV overlap"), std::string::npos) << all;
  EXPECT_NE(all.find("zz_bad.tsv:5: duplicate id"), std::string::npos) << all;
  EXPECT_NE(all.find("zz_bad.tsv:5: bad wikidata"), std::string::npos) << all;
  EXPECT_NE(all.find("zz_bad.tsv:5: 7 cells"), std::string::npos) << all;
  fs::remove_all(root);
}

TEST(Petrarch, DatesRepairedOrDroppedNeverSilentlyKept) {
  std::string root = TempDir("petrarch");
  std::ofstream(root + "/t.actors.txt") << "# comment\n"
                                         << "JAMES_BYRNES_  ; CountryInfo.txt\n"
                                         << "\t[USAELI 18970101-450703]\n"
                                         << "\t[USAGOV 450703-470121]\n"
                                         << "HAMID_KARZAI_  [AFGMIL]\n"
                                         << "+KARZAI_\n"
                                         << "\t[AFGGOV 20120101-20110101]\n"
                                         << "\t[AFGGOV > 140600]\n"
                                         << "\t[AFGGOV < 1402311]\n";
  ImportResult r;
  ASSERT_TRUE(ImportPetrarchActors(root + "/t.actors.txt", "t.actors.txt", &r).ok());
  EXPECT_EQ(r.entries, 2u);
  EXPECT_NE(r.tsv.find("james byrnes\tUSAELI 1897-01-01..1945-07-03; USAGOV 1945-07-03..1947-01-21"), std::string::npos)
      << r.tsv;
  EXPECT_NE(r.tsv.find("hamid karzai|karzai\tAFGGOV 2014-06-01..; AFGMIL"), std::string::npos) << r.tsv;
  int dropped = 0, repaired = 0;
  for (const auto& n : r.notes) (n.action == "repaired" ? repaired : dropped)++;
  EXPECT_EQ(dropped, 2);   // backwards range, 7-digit date
  EXPECT_EQ(repaired, 1);  // day 00
  std::ofstream(root + "/t.agents.txt") << "!PERSON! = MAN, MEN\nDAIRY!PERSON! [~AGR]\nPOLICE {} [~COP]\nSOLDIER [~MIL]\n";
  ImportResult a;
  ASSERT_TRUE(ImportPetrarchAgents(root + "/t.agents.txt", "t.agents.txt", &a).ok());
  EXPECT_NE(a.tsv.find("AGR\tdairyman|dairymen"), std::string::npos) << a.tsv;  // as PETRARCH: no space
  EXPECT_NE(a.tsv.find("COP\tpolice\t"), std::string::npos) << a.tsv;
  EXPECT_NE(a.tsv.find("MIL\tsoldier|soldiers"), std::string::npos) << a.tsv;
  fs::remove_all(root);
}

// Option `object=` (split verb phrases, data/README.md): a topic list, with `object_within`
// words (default 5); a window without an object list, or out of range, stops loading.
TEST(Lexicon, TriggerOptionObject) {
  TriggerEntry t;
  t.options = {{"object", "gunfire|arms"}};
  ASSERT_TRUE(ParseTriggerOptions(nullptr, "split.tsv:1", &t).ok());
  EXPECT_EQ(t.opt.object, (std::vector<std::string>{"gunfire", "arms"}));
  EXPECT_EQ(t.opt.object_within, 5u);
  t.options = {{"object", "gunfire"}, {"object_within", "3"}};
  ASSERT_TRUE(ParseTriggerOptions(nullptr, "split.tsv:2", &t).ok());
  EXPECT_EQ(t.opt.object_within, 3u);
  t.options = {{"object_within", "3"}};
  EXPECT_FALSE(ParseTriggerOptions(nullptr, "split.tsv:3", &t).ok());
  t.options = {{"object", "gunfire"}, {"object_within", "0"}};
  EXPECT_FALSE(ParseTriggerOptions(nullptr, "split.tsv:4", &t).ok());
  t.options = {{"object", ""}};
  EXPECT_FALSE(ParseTriggerOptions(nullptr, "split.tsv:5", &t).ok());
}

}  // namespace
}  // namespace hadath
