// The PETRARCH importers (src/lexicon/petrarch.h): actors with overlapping and
// broken date ranges, names given twice, agents, discards, and the CAMEO verb
// dictionary translated into trigger rows — every item either imported, repaired
// or listed, never silently kept or lost.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "lexicon/cameo.h"
#include "lexicon/petrarch.h"

namespace fs = std::filesystem;

namespace hadath {
namespace {

std::string Write(const std::string& name, const std::string& text) {
  fs::path dir = fs::temp_directory_path() / ("hadath-petrarch-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

std::string Notes(const ImportResult& r) {
  std::string s;
  for (const auto& n : r.notes) s += n.where + ": " + n.action + ": " + n.message + "\n";
  return s;
}

TEST(PetrarchActors, OverlapsAreTrimmedSoTheFirstRangeStillWins) {
  std::string path = Write("o.actors.txt",
                           "ANNA_EXAMPLE_  # invented\n"
                           "\t[XYZGOV 20010101-20090101]\n"
                           "\t[XYZGOV 20050101-20120101]\n"   // overlaps the first: keeps 2009..2012
                           "\t[XYZGOV 20020101-20030101]\n"   // inside the first: never applied
                           "\t[XYZELI 19900101-20010101]\n"   // another family: untouched
                           "\t[XYZGOV 19950101-20150101]\n"   // split around the first two
                           "\t[XYZELI]\n");
  ImportResult r;
  ASSERT_TRUE(ImportPetrarchActors(path, "o.actors.txt", &r).ok());
  EXPECT_NE(r.tsv.find("\tXYZGOV 2001-01-01..2009-01-01; XYZGOV 2009-01-01..2012-01-01; XYZELI 1990-01-01..2001-01-01; "
                       "XYZGOV 1995-01-01..2001-01-01; XYZGOV 2012-01-01..2015-01-01; XYZELI\t"),
            std::string::npos)
      << r.tsv;
  std::string notes = Notes(r);
  EXPECT_NE(notes.find("o.actors.txt:1: repaired: 'XYZGOV 2005-01-01..2012-01-01' overlaps"), std::string::npos) << notes;
  EXPECT_NE(notes.find("o.actors.txt:1: dropped: 'XYZGOV 2002-01-01..2003-01-01' lies inside"), std::string::npos) << notes;
  EXPECT_NE(notes.find("trimmed to 'XYZGOV 1995-01-01..2001-01-01; XYZGOV 2012-01-01..2015-01-01'"), std::string::npos)
      << notes;
}

TEST(PetrarchActors, ANameGivenElsewhereIsLeftOutAndReported) {
  std::string path = Write("n.actors.txt",
                           "BORIS_SAMPLEMAN_  [XYZGOV]\n"
                           "+SAMPLEMAN_\n"
                           "CARLA_SAMPLEMAN_  [XYZMIL]\n"
                           "+SAMPLEMAN_\n"
                           "DORA_TESTWELL_  [XYZBUS]\n");
  NameClaims claims;
  claims.Claim("Dora Testwell", "hand-written en/actors/linked.tsv:7");
  ImportResult r;
  ASSERT_TRUE(ImportPetrarchActors(path, "n.actors.txt", &r, &claims).ok());
  EXPECT_NE(r.tsv.find("\tboris sampleman|sampleman\tXYZGOV\t"), std::string::npos) << r.tsv;
  EXPECT_NE(r.tsv.find("\tcarla sampleman\tXYZMIL\t"), std::string::npos) << r.tsv;
  EXPECT_EQ(r.tsv.find("testwell"), std::string::npos) << r.tsv;
  EXPECT_EQ(r.entries, 2u);
  std::string notes = Notes(r);
  EXPECT_NE(notes.find("n.actors.txt:3: dropped: name 'sampleman' is already given by n.actors.txt:1"), std::string::npos)
      << notes;
  EXPECT_NE(notes.find("n.actors.txt:5: dropped: name 'dora testwell' is already given by hand-written"), std::string::npos)
      << notes;
}

TEST(PetrarchAgents, SectorsOfOneOrTwoBlocks) {
  std::string path = Write("a.agents.txt",
                           "!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"
                           "PRESS_OFFICER [~GOVMED]\n"
                           "HEALTH_!MINIST! [~GOVHLH]\n"
                           "ODD_ROLE [~GOVMEDXYZQ]\n"
                           "TEST_ATTORNEY {TEST_ATTORNEYS} [~JUD]\n"
                           "NOCODE_ROLE\n");
  ImportResult r;
  ASSERT_TRUE(ImportPetrarchAgents(path, "a.agents.txt", &r).ok());
  EXPECT_NE(r.tsv.find("GOVMED\tpress officer|press officers\t"), std::string::npos) << r.tsv;
  EXPECT_NE(r.tsv.find("GOVHLH\thealth minister|health ministers|health ministry|health ministries\t"), std::string::npos)
      << r.tsv;
  EXPECT_NE(r.tsv.find("JUD\ttest attorney|test attorneys\t"), std::string::npos) << r.tsv;
  std::string notes = Notes(r);
  EXPECT_NE(notes.find("a.agents.txt:4: repaired: agent code '~GOVMEDXYZQ' reduced to GOV"), std::string::npos) << notes;
  EXPECT_NE(notes.find("a.agents.txt:6: skipped: no [CODE]"), std::string::npos) << notes;
}

TEST(PetrarchDiscards, ScopeAndWordBoundary) {
  std::string path = Write("d.discards.txt", "# sports\n+CHESS OLYMPIAD # story\nRUGBY_\nRUGBY_\nTENNIS MATCH\n");
  ImportResult r;
  ASSERT_TRUE(ImportPetrarchDiscards(path, "d.discards.txt", &r).ok());
  EXPECT_NE(r.tsv.find("story\tprefix\tchess olympiad\td.discards.txt:2\n"), std::string::npos) << r.tsv;
  EXPECT_NE(r.tsv.find("sentence\tword\trugby\td.discards.txt:3\n"), std::string::npos) << r.tsv;
  EXPECT_NE(r.tsv.find("sentence\tprefix\ttennis match\t"), std::string::npos) << r.tsv;
  EXPECT_EQ(r.entries, 3u);
  EXPECT_NE(Notes(r).find("d.discards.txt:4: dropped: duplicate"), std::string::npos) << Notes(r);
}

TEST(CameoVerbs, VerbsAndPatternsBecomeTriggersTheRestIsListed) {
  CameoTable cameo;
  ASSERT_TRUE(cameo.Load(HADATH_TEST_DATA_DIR).ok());
  std::string path = Write("v.txt",
                           "&TROOPS\n"
                           "+SOLDIER\n"
                           "+ARMY_\n"
                           "\n"
                           "####### VERB PATTERNS #######\n"
                           "---  SHIP   [070]  ---\n"
                           "SHIP\n"
                           "SEND {SENDS SENT SENDING}\n"
                           "+HAND_OVER {+HANDS_OVER +HANDED_OVER +HANDING_OVER} [0234]\n"
                           "- * {MEDICAL SUPPLIES}                [073]  # SEND\n"
                           "- * &TROOPS (TO +)                    [0234] # SEND\n"
                           "- * (TO)                              [042:043] # SHIP\n"
                           "- &TROOPS * ENVOY                     [042]  # SEND\n"
                           "- * $ (FROM +)                        [042]  # SEND\n"
                           "- * NOTHING                           [---]  # SEND\n"
                           "- * (BEFORE COURT)                    [:173] # SEND\n"
                           "---  PONDER   [---]  ---\n"
                           "PONDER\n"
                           "- * PLAN                              [999]\n"
                           "~ a (a b SHIP) PONDER = a b 070\n");
  NameClaims claims;
  claims.Claim("sent", "hand-written en/triggers.tsv:3");
  ImportResult r;
  ASSERT_TRUE(ImportCameoVerbs(path, "v.txt", cameo, &r, &claims, /*one_word_verbs=*/true).ok());
  const std::string& t = r.tsv;
  // Verb rows: the base form, and the listed forms the stem of the base does not reach
  // (the loader matches ships/shipped/shipping through the stem "ship"); the hand-written
  // form is left out; no row for PONDER ([---]).
  EXPECT_NE(t.find("\t070\tverb\tship\tneeds_target\t"), std::string::npos) << t;
  EXPECT_NE(t.find("\t070\tverb\tsend\tneeds_target\t"), std::string::npos) << t;
  EXPECT_NE(t.find("\t0234\tverb\thand over\t\t"), std::string::npos) << t;
  EXPECT_EQ(t.find("verb\tponder"), std::string::npos) << t;
  // Patterns: the verb the comment names, with determiners before a noun slot.
  EXPECT_NE(t.find("\t073\tverb\tsend medical supplies|send the medical supplies|sent medical supplies|sent the medical supplies\t"),
            std::string::npos) << t;
  EXPECT_NE(t.find("|send the soldiers to|"), std::string::npos) << t;  // a synset: "the", not "a"
  EXPECT_EQ(t.find("a soldier"), std::string::npos) << t;
  EXPECT_NE(t.find("|sent the army to\tneeds_target"), std::string::npos) << t;  // ARMY_: no plural
  EXPECT_EQ(t.find("armies"), std::string::npos) << t;
  EXPECT_NE(t.find("\t042\tverb\tship to\tneeds_target\t"), std::string::npos) << t;
  std::string notes = Notes(r);
  EXPECT_NE(notes.find("v.txt:12: partial: reciprocal code 043"), std::string::npos) << notes;
  EXPECT_NE(notes.find("v.txt:13: unexpressed: words before the verb"), std::string::npos) << notes;
  EXPECT_NE(notes.find("v.txt:14: unexpressed: a source position '$'"), std::string::npos) << notes;
  EXPECT_NE(notes.find("v.txt:15: unexpressed: null code"), std::string::npos) << notes;
  EXPECT_NE(notes.find("v.txt:16: unexpressed: only a reciprocal code (target → source) [:173]"), std::string::npos) << notes;
  EXPECT_NE(notes.find("v.txt:19: unexpressed: unknown CAMEO code 999"), std::string::npos) << notes;
  EXPECT_NE(notes.find("v.txt:20: unexpressed: transformation"), std::string::npos) << notes;
  EXPECT_NE(notes.find("v.txt:8: repaired: 1 of 2 forms already given elsewhere, e.g. 'sent'"), std::string::npos)
      << notes;
  EXPECT_EQ(r.entries, 6u);  // 3 verbs + 3 patterns
  // By default one-word verbs alone are listed, not imported (the stemmer would match nouns).
  ImportResult d;
  ASSERT_TRUE(ImportCameoVerbs(path, "v.txt", cameo, &d).ok());
  EXPECT_EQ(d.tsv.find("verb\tship\t"), std::string::npos) << d.tsv;
  EXPECT_NE(d.tsv.find("\t0234\tverb\thand over\t\t"), std::string::npos) << d.tsv;
  EXPECT_NE(Notes(d).find("v.txt:7: unexpressed: a one-word verb alone"), std::string::npos) << Notes(d);
}

}  // namespace
}  // namespace hadath
