// The English language module (src/text/english.h): tokens, spans, sentences, stems.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"
#include "text/english.h"

namespace hadath {
namespace {

const Tokenizer& En() { return testing::TestLexicon().ForLang("en").tokenizer(); }

std::vector<std::string> Norms(const Sentence& s) {
  std::vector<std::string> out;
  for (const auto& t : s.tokens) out.emplace_back(t.norm);
  return out;
}

TEST(English, LexiconIsLoaded) {
  const Lexicon& lex = testing::TestLexicon();
  ASSERT_NE(lex.english_lexicon(), nullptr);
  EXPECT_TRUE(lex.ForLang("en").english());
  EXPECT_FALSE(lex.ForLang("ar").english());
  EXPECT_TRUE(lex.ForText("Iran met Russia.").english());
}

TEST(English, SpansReproduceTheSurface) {
  const std::string text =
      "Russia\xE2\x80\x99s envoy didn't meet al-Qaeda's U.S.-led rivals; \"It's 3.5%,\" Mr. O'Brien said.";
  for (const auto& s : En().Split(text)) {
    for (const auto& t : s.tokens) {
      ASSERT_LE(t.end, text.size());
      EXPECT_LT(t.begin, t.end);
      ASSERT_FALSE(t.segs.empty());
      EXPECT_EQ(t.segs[0].stem, t.norm);
    }
  }
  auto ss = En().Split(text);
  ASSERT_EQ(ss.size(), 1u);
  std::vector<std::string> surf;
  for (const auto& t : ss[0].tokens) surf.push_back(text.substr(t.begin, t.end - t.begin));
  const std::vector<std::string> want = {"Russia", "\xE2\x80\x99s", "envoy", "did", "n't", "meet", "al", "Qaeda", "'s",
                                         "U.S.", "led", "rivals", ";", "\"", "It", "'s", "3.5", "%", ",", "\"",
                                         "Mr", ".", "O'Brien", "said", "."};
  EXPECT_EQ(surf, want);
  auto norms = Norms(ss[0]);
  EXPECT_EQ(norms[1], "'s");   // curly apostrophe folded
  EXPECT_EQ(norms[4], "not");  // n't
  EXPECT_EQ(norms[9], "u.s.");
}

TEST(English, AcronymsInCapitalsAreNotPronouns) {
  auto ss = En().Split("The US told us that the UN and the U.N. agree.");
  ASSERT_EQ(ss.size(), 1u);
  auto n = Norms(ss[0]);
  EXPECT_EQ(n[1], "u.s.");
  EXPECT_EQ(n[3], "us");
  EXPECT_EQ(n[6], "u.n.");
  EXPECT_EQ(n[9], "u.n.");
}

TEST(English, SentencesOfNews) {
  const std::string text =
      "Mr. Lavrov met Gen. Ali Reza on Oct. 7 in Moscow. George W. Bush spoke at 3.5 p.m. to the U.S. Congress. "
      "He left for the U.S. The talks ended.\n\"We condemn this. It is a crime,\" she said. Did Iran agree? Yes!";
  auto ss = En().Split(text);
  std::vector<std::string> got;
  for (const auto& s : ss) got.push_back(text.substr(s.begin, s.end - s.begin));
  const std::vector<std::string> want = {
      "Mr. Lavrov met Gen. Ali Reza on Oct. 7 in Moscow.",
      "George W. Bush spoke at 3.5 p.m. to the U.S. Congress.",
      "He left for the U.S.",
      "The talks ended.",
      "\"We condemn this. It is a crime,\" she said.",
      "Did Iran agree?",
      "Yes!"};
  EXPECT_EQ(got, want);
}

TEST(English, StemReadingsOnlyForTriggerStems) {
  auto ss = En().Split("Israel condemned the statements.");
  ASSERT_EQ(ss.size(), 1u);
  const Token& condemned = ss[0].tokens[1];
  ASSERT_EQ(condemned.segs.size(), 2u);
  EXPECT_EQ(condemned.segs[1].prefix, english::kStemMark);
  EXPECT_EQ(condemned.segs[1].stem, "condemn");
  const Token& statements = ss[0].tokens[3];  // "statement" starts no trigger
  EXPECT_EQ(statements.segs.size(), 1u);
}

TEST(English, Abbreviations) {
  EXPECT_TRUE(english::IsAbbreviation("mr"));
  EXPECT_TRUE(english::IsAbbreviation("oct"));
  EXPECT_FALSE(english::IsAbbreviation("iran"));
}

}  // namespace
}  // namespace hadath
