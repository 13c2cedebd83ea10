// Extraction: scraped pages and HTML reduced to the article and its metadata.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "extract/encoding.h"
#include "extract/extractor.h"
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
  d.body = std::string("\x00\x01\x02" "abc", 6);
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

// ---- fixtures: pages in the shapes of real news sites (tests/fixtures/html) ----

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(HADATH_TEST_DIR) + "/fixtures/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Extracted ExtractHtml(const std::string& body, const std::string& charset = "") {
  Document d;
  d.id = "page";
  d.body = body;
  d.charset = charset;
  d.format = InputFormat::kHtml;
  Extracted ex;
  Status st = TestEngine().Extract(d, &ex);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return ex;
}

const char kWordPressText[] =
    "وزير الزراعة يفتتح سوقا جديدة للمزارعين في الكرك\n\n"
    "افتتح وزير الزراعة صباح الخميس سوقا مركزية جديدة للخضار والفواكه في مدينة الكرك، بكلفة بلغت مليوني دينار.\n\n"
    "وقال الوزير في كلمة خلال الافتتاح إن السوق ستوفر للمزارعين مكانا لبيع منتجاتهم مباشرة دون وسطاء، وإن الوزارة "
    "ستنشئ أسواقا مماثلة في الطفيلة ومعان العام المقبل.\n\n"
    "وأضاف أن السوق تضم مئة وعشرين محلا ومخازن مبردة تتسع لألفي طن.";

TEST(ExtractFixtures, WordPressArabicPage) {
  Extracted ex = ExtractHtml(Fixture("html/wordpress_ar.html"));
  EXPECT_EQ(ex.title, "وزير الزراعة يفتتح سوقا جديدة للمزارعين في الكرك");
  // the byline «نشر في الجمعة 27 أكتوبر 2023», not the header's «الأحد 29 أكتوبر 2023»
  EXPECT_EQ(ex.date, "2023-10-27");
  EXPECT_EQ(ex.date_origin, "byline");
  EXPECT_EQ(ex.site, "صوت الجنوب");  // <title> suffix
  EXPECT_EQ(ex.lang, "ar");
  EXPECT_EQ(ex.encoding, "UTF-8");
  EXPECT_EQ(ex.text, kWordPressText);
  EXPECT_TRUE(Removed(ex, "html:class=sharedaddy sd-sharing-enabled", "فيسبوك"));
  EXPECT_TRUE(Removed(ex, "html:class=jp-relatedposts jp-relatedposts", "مصنع للألبان"));
}

TEST(ExtractFixtures, PanArabOutletWithHeavyNavigationAndRelatedNews) {
  Extracted ex = ExtractHtml(Fixture("html/panarab_ar.html"));
  EXPECT_EQ(ex.title, "مجلس الأمن يعقد جلسة طارئة بشأن الأوضاع الإنسانية في السودان");  // og:title minus the site
  EXPECT_EQ(ex.date, "2023-11-14");
  EXPECT_EQ(ex.date_origin, "meta");
  EXPECT_EQ(ex.site, "الأفق الإخبارية");
  EXPECT_EQ(ex.lang, "ar");
  EXPECT_EQ(ex.text,
            "مجلس الأمن يعقد جلسة طارئة بشأن الأوضاع الإنسانية في السودان\n\n"
            "عقد مجلس الأمن الدولي مساء الثلاثاء جلسة طارئة لبحث الأوضاع الإنسانية المتدهورة في السودان، بطلب من "
            "بريطانيا والإمارات.\n\n"
            "وقال مسؤول أممي أمام المجلس إن أكثر من ستة ملايين شخص نزحوا من منازلهم منذ اندلاع القتال في أبريل الماضي، "
            "محذرا من أن المجاعة باتت تهدد مناطق واسعة في دارفور وكردفان.\n\n"
            "ودعا مندوب الصين في كلمته الطرفين المتحاربين إلى وقف فوري لإطلاق النار والعودة إلى طاولة المفاوضات في جدة.\n\n"
            "من جهته، قال مندوب السودان إن حكومته تتعاون مع الوكالات الإنسانية وتسهل وصول المساعدات إلى جميع المناطق.\n\n"
            "ولم يصدر عن المجلس أي بيان في ختام الجلسة التي استمرت ثلاث ساعات.");
  EXPECT_TRUE(Removed(ex, "html:class=read-also", "اقرأ أيضا"));
  EXPECT_TRUE(Removed(ex, "dateline", "14 نوفمبر 2023"));
  for (const char* junk : {"عاجل", "الأكثر قراءة", "ذات صلة", "الكوليرا", "نسأل الله", "جانب من جلسة", "إعلان",
                           "ملفات تعريف", "الخميس 16"})
    EXPECT_EQ(ex.text.find(junk), std::string::npos) << junk;
}

TEST(ExtractFixtures, EnglishPage) {
  Extracted ex = ExtractHtml(Fixture("html/english.html"));
  EXPECT_EQ(ex.title, "Port workers end strike after wage deal");
  EXPECT_EQ(ex.date, "2024-02-09");  // JSON-LD datePublished
  EXPECT_EQ(ex.date_origin, "meta");
  EXPECT_EQ(ex.site, "The Harbour Ledger");
  EXPECT_EQ(ex.lang, "en");
  EXPECT_EQ(ex.text,
            "Port workers end strike after wage deal\n\n"
            "Dock workers at the city's container port voted on Thursday to end a two-week strike after the port "
            "authority agreed to raise wages by nine percent.\n\n"
            "The union said members would return to work on Monday. \"This deal recognises the work our members do,\" "
            "its chairwoman told reporters.\n\n"
            "The strike had left more than forty ships waiting offshore and delayed deliveries of fuel and grain.");
  EXPECT_TRUE(Removed(ex, "byline", "Posted on February 9, 2024"));
}

TEST(ExtractFixtures, DatePriorityInputThenMetaThenBylineThenCrawl) {
  Document d;
  d.body = Fixture("html/wordpress_ar.html");
  d.format = InputFormat::kHtml;
  d.crawl_date = "2024-05-01";
  Extracted ex;
  ASSERT_TRUE(TestEngine().Extract(d, &ex).ok());
  EXPECT_EQ(ex.date, "2023-10-27");  // the page's byline beats the crawl date
  d.date = "2023-10-28";
  ASSERT_TRUE(TestEngine().Extract(d, &ex).ok());
  EXPECT_EQ(ex.date_origin, "input");
  d.date = "";
  d.body = "<html><body><article><p>نص خبر قصير بلا تاريخ منشور في الصفحة إطلاقا ولا في عنوانها.</p><p>فقرة ثانية من "
           "الخبر.</p></article></body></html>";
  ASSERT_TRUE(TestEngine().Extract(d, &ex).ok());
  EXPECT_EQ(ex.date, "2024-05-01");
  EXPECT_EQ(ex.date_origin, "crawl");
}

// ---- encodings: the same page in every charset gives the same UTF-8 text ----

std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << charset << ": " << u_errorName(err);
  out.resize(n);
  return out;
}

std::string WithMeta(std::string html, const std::string& charset) {
  size_t p = html.find("<meta charset=\"UTF-8\">");
  EXPECT_NE(p, std::string::npos);
  html.replace(p, 22, charset.empty() ? "" : "<meta charset=\"" + charset + "\">");
  return html;
}

TEST(Encodings, SamePageInEveryCharsetGivesIdenticalText) {
  const std::string page = Fixture("html/wordpress_ar.html");
  struct Case { const char* name; std::string bytes; std::string http; const char* charset; };
  std::vector<Case> cases = {
      {"utf-8, meta", page, "", "UTF-8"},
      {"utf-8 with BOM, no meta", "\xEF\xBB\xBF" + WithMeta(page, ""), "", "UTF-8"},
      {"windows-1256, meta", Encode(WithMeta(page, "windows-1256"), "windows-1256"), "", "windows-1256"},
      {"windows-1256, http charset only", Encode(WithMeta(page, ""), "windows-1256"), "windows-1256", "windows-1256"},
      {"windows-1256, http-equiv", Encode(WithMeta(page, "") , "windows-1256").insert(6, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">"), "", "windows-1256"},
      {"windows-1256, mislabelled utf-8 meta", Encode(page, "windows-1256"), "", "windows-1256"},
      {"windows-1256, undeclared (detected)", Encode(WithMeta(page, ""), "windows-1256"), "", "windows-1256"},
      {"iso-8859-6, meta", Encode(WithMeta(page, "ISO-8859-6"), "ISO-8859-6"), "", "ISO-8859-6"},
      {"iso-8859-6, http", Encode(WithMeta(page, ""), "ISO-8859-6"), "iso-8859-6", "ISO-8859-6"},
      {"utf-16le with BOM", Encode("\xEF\xBB\xBF" + WithMeta(page, ""), "UTF-16LE"), "", "UTF-16LE"},
      {"utf-16be without BOM", Encode(WithMeta(page, ""), "UTF-16BE"), "", "UTF-16BE"},
      {"utf-16le without BOM", Encode(WithMeta(page, ""), "UTF-16LE"), "", "UTF-16LE"},
      {"utf-8 page declared windows-1256", page, "windows-1256", "UTF-8"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_FALSE(LooksBinary(c.bytes));
    Extracted ex = ExtractHtml(c.bytes, c.http);
    EXPECT_EQ(ex.encoding, c.charset);
    EXPECT_EQ(ex.text, kWordPressText);
    EXPECT_EQ(ex.title, "وزير الزراعة يفتتح سوقا جديدة للمزارعين في الكرك");
    EXPECT_EQ(ex.date, "2023-10-27");
    EXPECT_EQ(ex.site, "صوت الجنوب");
    EXPECT_EQ(ex.invalid_bytes, 0u);
  }
}

TEST(Encodings, InvalidBytesAreReplacedAndCounted) {
  std::string text = "<p>نص عربي للاختبار فيه بايتات لا تقابل أي حرف في هذا الترميز.</p>";
  std::string bytes = Encode(text, "ISO-8859-6");
  bytes.insert(5, "\xA1\xA2");  // unassigned in ISO-8859-6
  std::string out;
  Decoded info;
  DecodeToUtf8(bytes, "ISO-8859-6", true, &out, &info);
  EXPECT_EQ(info.invalid_bytes, 2u);
  EXPECT_NE(out.find("\xEF\xBF\xBD\xEF\xBF\xBD"), std::string::npos);
  // UTF-8 with stray bytes stays UTF-8
  DecodeToUtf8("نص \xFE\xFF عربي سليم في أغلبه", "", false, &out, &info);
  EXPECT_EQ(info.charset, "UTF-8");
  EXPECT_EQ(info.invalid_bytes, 2u);
  EXPECT_EQ(CharsetParam("text/html; charset=\"Windows-1256\""), "Windows-1256");
  EXPECT_EQ(MetaCharset("<head><META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html; charset=iso-8859-6\">"), "iso-8859-6");
}

// ---- hostile HTML ----

TEST(ExtractLimits, HtmlNested100000DeepIsRefusedQuicklyWithoutCrashing) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>نص في العمق</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  Document d;
  d.body = html;
  d.format = InputFormat::kHtml;
  Extracted ex;
  auto t0 = std::chrono::steady_clock::now();
  Status st = TestEngine().Extract(d, &ex);
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(st.code(), Status::Code::kUnsupported);
  EXPECT_NE(st.message().find("nested deeper than"), std::string::npos) << st.message();
  EXPECT_LT(secs, 2.0);
  // 100,000 unclosed inline tags too
  html = "<p>";
  for (int i = 0; i < 100000; ++i) html += "<b>";
  d.body = html + "نص";
  EXPECT_FALSE(TestEngine().Extract(d, &ex).ok());
}

TEST(ExtractLimits, DeepButAllowedNestingIsExtracted) {
  std::string html = "<html><body><article>";
  for (int i = 0; i < 900; ++i) html += "<div><span>";
  html += "<p>فقرة أولى من خبر في عمق الصفحة، كتبت لاختبار المشي غير التعاودي في الشجرة.</p>";
  html += "<p>فقرة ثانية تكمل الخبر.</p>";
  for (int i = 0; i < 900; ++i) html += "</span></div>";
  html += "</article></body></html>";
  Extracted ex = ExtractHtml(html);
  EXPECT_NE(ex.text.find("فقرة ثانية تكمل الخبر."), std::string::npos);
  EXPECT_LE(EstimateHtmlDepth("<div><p>a<p>b<br><img src=x><!-- <div><div> --><script>'<div>'</script></div>", 100), 1u);
}

TEST(ExtractLimits, OversizedHtmlIsRefused) {
  Document d;
  d.format = InputFormat::kHtml;
  d.body = "<p>" + std::string(kMaxHtmlBytes, 'a') + "</p>";
  Extracted ex;
  Status st = TestEngine().Extract(d, &ex);
  EXPECT_EQ(st.code(), Status::Code::kUnsupported);
  EXPECT_NE(st.message().find("larger than the limit"), std::string::npos);
}

}  // namespace
}  // namespace hadath
