// Extraction: scraped pages and HTML reduced to the article and its metadata.
#include <gtest/gtest.h>

#include "test_util.h"

namespace hadath {
namespace {

using testing::TestEngine;

Extracted ExtractDoc(const std::string& body, InputFormat fmt, const std::string& title = "") {
  Document d;
  d.id = "t";
  d.body = body;
  d.format = fmt;
  d.title = title;
  Extracted ex;
  Status st = TestEngine().Extract(d, &ex);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return ex;
}

bool Removed(const Extracted& ex, const std::string& reason, const std::string& needle) {
  for (const auto& r : ex.removed)
    if (r.reason == reason && r.text.find(needle) != std::string::npos) return true;
  return false;
}

TEST(Extract, ScrapedPageLosesItsBoilerplateAndKeepsItsDate) {
  const std::string page =
      "تجاوز إلى المحتوى الرئيسي\n\n"
      "وزير الخارجية العراقي يزور عمّان\n\n"
      "صورة الوزير\n"
      "SiteName caption\n"
      "وصل وزير الخارجية العراقي إلى العاصمة الأردنية صباح اليوم\n"
      "posted onMarch 3, 2024\n"
      "12 تعليق\n\n"
      "وصل وزير الخارجية العراقي إلى العاصمة الأردنية صباح اليوم في زيارة رسمية تستمر يومين.\n\n"
      "ومن المنتظر أن يبحث الوزير ملفات المياه والطاقة مع نظيره.\n";
  Extracted ex = ExtractDoc(page, InputFormat::kText);
  EXPECT_EQ(ex.title, "وزير الخارجية العراقي يزور عمّان");
  EXPECT_EQ(ex.date, "2024-03-03");
  EXPECT_EQ(ex.date_origin, "byline");
  EXPECT_EQ(ex.lang, "ar");
  EXPECT_EQ(ex.text,
            "وزير الخارجية العراقي يزور عمّان\n\n"
            "وصل وزير الخارجية العراقي إلى العاصمة الأردنية صباح اليوم في زيارة رسمية تستمر يومين.\n\n"
            "ومن المنتظر أن يبحث الوزير ملفات المياه والطاقة مع نظيره.");
  EXPECT_TRUE(Removed(ex, "skip-link", "تجاوز"));
  EXPECT_TRUE(Removed(ex, "caption", "caption"));
  EXPECT_TRUE(Removed(ex, "caption", "صورة الوزير"));
  EXPECT_TRUE(Removed(ex, "posted-on", "posted on"));
  EXPECT_TRUE(Removed(ex, "comment-counter", "تعليق"));
  EXPECT_TRUE(Removed(ex, "duplicate", "صباح اليوم"));
}

TEST(Extract, ArabicBylineAndDateline) {
  Extracted ex = ExtractDoc("عنوان الخبر هنا\nنشر في 5 يناير 2022\nهذا نص الخبر الأول وفيه تفاصيل كثيرة.\n", InputFormat::kText);
  EXPECT_EQ(ex.date, "2022-01-05");
  ex = ExtractDoc("عنوان آخر للخبر\nالأحد 9 كانون الثاني 2022\nنص الخبر وفيه تفاصيل أخرى كثيرة.\n", InputFormat::kText);
  EXPECT_EQ(ex.date, "2022-01-09");
  EXPECT_TRUE(Removed(ex, "dateline", "كانون"));
}

TEST(Extract, HtmlPageKeepsHeadlineAndBodyInOrder) {
  const std::string html = R"(<!doctype html><html lang="ar"><head>
<title>الحكومة تعلن خطة جديدة - موقع التجربة</title>
<meta property="og:site_name" content="موقع التجربة">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2021-06-02T10:00:00Z"}]}</script>
</head><body>
<nav><ul><li>الرئيسية</li><li>سياسة</li></ul></nav>
<div id="sidebar"><p>الأكثر قراءة: خبر لا علاقة له بالموضوع إطلاقا</p></div>
<div class="content"><h1>الحكومة تعلن خطة جديدة</h1>
<p>أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المناطق الريفية.</p>
<div class="social-share"><p>شارك الخبر</p></div>
<p>وقال المتحدث إن الخطة تبدأ الشهر المقبل وتستمر عامين.</p>
<div class="related"><p>أخبار ذات صلة: افتتاح معرض الكتاب</p></div>
</div>
<div class="comments"><p>تعليق: خطة ممتازة</p></div>
<footer><p>حقوق النشر محفوظة</p></footer>
</body></html>)";
  Extracted ex = ExtractDoc(html, InputFormat::kHtml);
  EXPECT_EQ(ex.title, "الحكومة تعلن خطة جديدة");
  EXPECT_EQ(ex.date, "2021-06-02");
  EXPECT_EQ(ex.date_origin, "meta");
  EXPECT_EQ(ex.site, "موقع التجربة");
  EXPECT_EQ(ex.lang, "ar");
  EXPECT_EQ(ex.text,
            "الحكومة تعلن خطة جديدة\n\n"
            "أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين في المناطق الريفية.\n\n"
            "وقال المتحدث إن الخطة تبدأ الشهر المقبل وتستمر عامين.");
}

TEST(Extract, EmptyBinaryAndInvalidInput) {
  Document d;
  d.id = "x";
  Extracted ex;
  EXPECT_FALSE(TestEngine().Extract(d, &ex).ok());
  d.body = std::string("\x00\x01\x02abc", 6);
  EXPECT_FALSE(TestEngine().Extract(d, &ex).ok());
  d.body = "نص صالح\xFF مع بايت غير صالح في وسطه، ويستمر النص بعده.";
  ASSERT_TRUE(TestEngine().Extract(d, &ex).ok());
  EXPECT_EQ(ex.invalid_bytes, 1u);
}

TEST(Extract, ARecordWithOnlyATitleKeepsItsHeadline) {
  Document d;
  d.id = "feed:1";
  d.title = "وزير الطاقة يفتتح محطة جديدة لتوليد الكهرباء";
  d.body = " ";
  d.date = "2015-07-21";
  Extracted ex;
  ASSERT_TRUE(TestEngine().Extract(d, &ex).ok());
  EXPECT_EQ(ex.text, d.title);
  EXPECT_EQ(ex.date, "2015-07-21");
  d.title = "";
  EXPECT_FALSE(TestEngine().Extract(d, &ex).ok());
}

}  // namespace
}  // namespace hadath
