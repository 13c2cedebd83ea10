// The date grammar: strings from metadata and bylines, and dates in sentences.
#include <gtest/gtest.h>

#include "test_util.h"

namespace hadath {
namespace {

using testing::TestLexicon;

std::string Parse(const std::string& s) {
  Ymd d;
  return TestLexicon().dates().ParseString(s, &d) ? d.ToString() : "";
}

TEST(Ymd, CivilArithmeticAndWeekdays) {
  Ymd d{2023, 10, 27};
  EXPECT_EQ(d.Weekday(), 5);  // a Friday
  EXPECT_EQ(Ymd::FromDays(d.ToDays() - 1).ToString(), "2023-10-26");
  EXPECT_EQ(Ymd::FromDays(Ymd{2024, 3, 1}.ToDays() - 1).ToString(), "2024-02-29");
  EXPECT_FALSE((Ymd{2023, 2, 29}).valid());
  Ymd p;
  EXPECT_TRUE(Ymd::Parse("2024-01-05T10:00:00Z", &p));
  EXPECT_EQ(p.ToString(), "2024-01-05");
  EXPECT_FALSE(Ymd::Parse("2024-13-05", &p));
}

TEST(DateGrammar, ParsesMetadataAndBylineShapes) {
  EXPECT_EQ(Parse("2023-10-27T08:00:00+03:00"), "2023-10-27");
  EXPECT_EQ(Parse("October 27, 2023"), "2023-10-27");
  EXPECT_EQ(Parse("Oct. 7, 2023"), "2023-10-07");
  EXPECT_EQ(Parse("7 October 2023"), "2023-10-07");
  EXPECT_EQ(Parse("الجمعة 27 أكتوبر 2023"), "2023-10-27");
  EXPECT_EQ(Parse("27 تشرين الأول 2023"), "2023-10-27");
  EXPECT_EQ(Parse("٢٧/١٠/٢٠٢٣"), "2023-10-27");
  EXPECT_EQ(Parse("5 جويلية 2021"), "2021-07-05");
  EXPECT_EQ(Parse("12 غشت 2019"), "2019-08-12");
  EXPECT_EQ(Parse("لا يوجد تاريخ هنا"), "");
}

std::vector<DateMention> Find(const std::string& sentence, const std::string& doc_date) {
  Ymd d;
  Ymd::Parse(doc_date, &d);
  auto s = TestLexicon().tokenizer().Split(sentence);
  return TestLexicon().dates().Find(s.at(0).tokens, d);
}

TEST(DateGrammar, ResolvesWeekdaysAndRelativeDaysAgainstTheDocumentDate) {
  auto m = Find("اجتمع الوفدان يوم الخميس في العاصمة", "2023-10-27");  // a Friday
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].date.ToString(), "2023-10-26");
  EXPECT_EQ(m[0].basis, "weekday");
  m = Find("وقال الجمعة إن", "2023-10-27");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].date.ToString(), "2023-10-27");
  m = Find("وصل الوزير أمس إلى بغداد", "2024-01-01");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].date.ToString(), "2023-12-31");
  EXPECT_EQ(m[0].basis, "relative");
}

TEST(DateGrammar, ExplicitDatesWithoutYearTakeTheDocumentYear) {
  auto m = Find("الهجوم الذي وقع في 7 أكتوبر", "2023-10-27");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].date.ToString(), "2023-10-07");
  EXPECT_EQ(m[0].basis, "explicit");
  // a December date read in January belongs to the previous year
  m = Find("منذ 28 ديسمبر", "2024-01-03");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].date.ToString(), "2023-12-28");
}

TEST(DateGrammar, EveryFormArabicNewsPrints) {
  EXPECT_EQ(Parse("الجمعة، 27 أكتوبر/تشرين الأول 2023"), "2023-10-27");
  EXPECT_EQ(Parse("27 أكتوبر (تشرين الأول) 2023م"), "2023-10-27");
  EXPECT_EQ(Parse("نشر في: ٢٧ أكتوبر ٢٠٢٣ - ١٠:٣٠ ص"), "2023-10-27");
  EXPECT_EQ(Parse("27 من أكتوبر 2023"), "2023-10-27");
  EXPECT_EQ(Parse("١٢/٠٣/٢٠٢٤"), "2024-03-12");
  EXPECT_EQ(Parse("2023/10/27"), "2023-10-27");
  EXPECT_EQ(Parse("27.10.2023"), "2023-10-27");
  // Maghrebi months
  EXPECT_EQ(Parse("الخميس 12 جانفي 2023"), "2023-01-12");
  EXPECT_EQ(Parse("3 أوت 2022"), "2022-08-03");
  EXPECT_EQ(Parse("14 يوليوز 2021"), "2021-07-14");
  EXPECT_EQ(Parse("20 شتنبر 2020"), "2020-09-20");
  EXPECT_EQ(Parse("1 نونبر 2019"), "2019-11-01");
}

TEST(DateGrammar, HijriDatesConvertWithUmmAlQura) {
  EXPECT_EQ(Parse("12 ربيع الآخر 1445 هـ"), "2023-10-27");
  EXPECT_EQ(Parse("الجمعة 12 ربيع الثاني 1445هـ الموافق 27 أكتوبر 2023م"), "2023-10-27");
  EXPECT_EQ(Parse("1 رمضان 1444 هـ"), "2023-03-23");
  EXPECT_EQ(Parse("10 ذو الحجة 1444هـ"), "2023-06-28");
  EXPECT_EQ(Parse("1445/4/12 هـ"), "2023-10-27");
  EXPECT_EQ(Parse("12/4/1445هـ"), "2023-10-27");
  EXPECT_EQ(Parse("30 صفر 1445 هـ"), "2023-09-15");
  EXPECT_EQ(Parse("30 محرم 1445 هـ"), "");  // Muharram 1445 has 29 days in Umm al-Qura
  Ymd g;
  ASSERT_TRUE(HijriToGregorian(1445, 1, 1, &g));
  EXPECT_EQ(g.ToString(), "2023-07-19");
}

TEST(DateGrammar, EnglishForms) {
  EXPECT_EQ(Parse("Friday, October 27, 2023"), "2023-10-27");
  EXPECT_EQ(Parse("Oct 27th, 2023"), "2023-10-27");
  EXPECT_EQ(Parse("the 27th of October 2023"), "2023-10-27");
  EXPECT_EQ(Parse("Fri, 27 Oct 2023 09:00:00 GMT"), "2023-10-27");
  EXPECT_EQ(Parse("10/27/2023"), "2023-10-27");
  EXPECT_EQ(Parse("Sept. 3, 2022"), "2022-09-03");
  EXPECT_EQ(Parse("Updated 2 hours ago"), "");
}

TEST(DateGrammar, HijriAndSplitIsoDatesInSentences) {
  auto m = Find("وصل الوفد في 12 ربيع الآخر 1445 هـ إلى الرياض", "2023-11-01");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].date.ToString(), "2023-10-27");
  EXPECT_EQ(m[0].tok_end - m[0].tok_begin, 5u);  // 12 ربيع الآخر 1445 هـ
  m = Find("the meeting of 2023-10-27 ended", "2023-11-01");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].date.ToString(), "2023-10-27");
  m = Find("أنفق صفر دولار في 5 رمضان", "2023-11-01");  // a Hijri month needs its year
  EXPECT_TRUE(m.empty());
}

TEST(DateGrammar, NumericDateWithTheYearSplitOffByASpace) {
  auto m = Find("وفي 17/2/ 1986 غادر البلاد", "2008-07-17");  // «17/2/ 1986»: a space after the slash
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].date.ToString(), "1986-02-17");
  EXPECT_EQ(m[0].tok_end - m[0].tok_begin, 3u);
}

TEST(DateGrammar, NumericDatesInSentencesAndNumbersThatAreNot) {
  // Day/month/year, year/month/day, dotted, and the US month/day/year order.
  for (const auto& [text, want] : std::vector<std::pair<std::string, std::string>>{
           {"the talks of 27/10/2023 ended", "2023-10-27"},
           {"the talks of 2023/10/27 ended", "2023-10-27"},
           {"the talks of 27.10.2023 ended", "2023-10-27"},
           {"the talks of 10/27/2023 ended", "2023-10-27"},
           {"the talks of 27/10/23 ended", "2023-10-27"}}) {
    auto m = Find(text, "2023-11-01");
    ASSERT_EQ(m.size(), 1u) << text;
    EXPECT_EQ(m[0].date.ToString(), want) << text;
    EXPECT_EQ(m[0].rule, "date:numeric") << text;
  }
  // Counts, decimals, times, mixed separators and overlong numbers are no dates.
  for (const std::string text : {"about 1,000 people and 3.5 tonnes", "at 10:30 on the square",
                                 "ratio 27/10.2023 of it", "code 12/10/2023/5 here", "id 1234567890123/10/5 here"})
    EXPECT_TRUE(Find(text, "2023-11-01").empty()) << text;
}

}  // namespace
}  // namespace hadath
