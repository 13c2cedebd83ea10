#include "extract/extractor.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <unordered_set>

#include "extract/encoding.h"
#include "util/swar.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace hadath {

struct Extractor::LineRule {
  std::string reason, rule;
  std::unique_ptr<RE2> re;
};

// The line rules as one set (the same patterns and options): one pass tells whether any rule
// can match a block, where trying the rules one by one costs a search each (most blocks are
// article text that no rule matches). The rules that start with "^" are matched anchored at
// the block's start, so the pass stops at the first bytes no rule can begin with; the others
// (a caption marker ending a line) are searched one by one, RE2 reading an end-anchored one
// backwards from the end.
struct Extractor::RuleSet {
  explicit RuleSet(const RE2::Options& o) : at_start(o, RE2::ANCHOR_START) {}
  RE2::Set at_start;
  size_t n_at_start = 0;
  std::vector<const RE2*> others;
};

namespace {
// Whether an RE2 pattern can only match at the start of the text: it begins with "^" and has
// no "|" outside parentheses and character classes (conservative: false when unsure).
bool StartAnchored(std::string_view p) {
  if (p.empty() || p[0] != '^') return false;
  int depth = 0;
  bool in_class = false;
  for (size_t i = 1; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') { ++i; continue; }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      if (i + 1 < p.size() && p[i + 1] == '^') ++i;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;  // ("[]…]": a literal ']')
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return false;
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return depth == 0 && !in_class;
}
}  // namespace

Extractor::Extractor() = default;
Extractor::~Extractor() = default;

Status Extractor::Load(const std::string& data_dir, const DateGrammar* dates) {
  dates_ = dates;
  TsvFile f;
  HADATH_RETURN_IF_ERROR(LoadTsv(data_dir, "extract/boilerplate.tsv", {"id", "reason", "pattern"}, &f));
  for (const auto& row : f.rows) {
    auto r = std::make_unique<LineRule>();
    r->reason = row.Get("reason");
    r->rule = row.rule;
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    r->re = std::make_unique<RE2>(row.Get("pattern"), o);
    if (!r->re->ok()) return Status::Corrupt(row.rule + ": bad pattern: " + r->re->error());
    line_rules_.push_back(std::move(r));
  }
  if (!line_rules_.empty()) {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    auto rs = std::make_unique<RuleSet>(o);
    bool ok = true;
    for (size_t k = 0; k < f.rows.size() && ok; ++k) {
      const std::string& pattern = f.rows[k].Get("pattern");
      if (StartAnchored(pattern)) {
        ok = rs->at_start.Add(pattern, nullptr) >= 0;
        ++rs->n_at_start;
      } else {
        rs->others.push_back(line_rules_[k]->re.get());
      }
    }
    if (ok && (!rs->n_at_start || rs->at_start.Compile())) rule_set_ = std::move(rs);  // (else each rule is tried alone)
  }
  TsvFile h;
  HADATH_RETURN_IF_ERROR(LoadTsv(data_dir, "extract/html.tsv", {"kind", "value"}, &h));
  std::string classes;
  for (const auto& row : h.rows) {
    const std::string& kind = row.Get("kind");
    if (kind == "skip_tag") skip_tags_.push_back(row.Get("value"));
    else if (kind == "block_tag") block_tags_.push_back(row.Get("value"));
    else if (kind == "skip_class") classes += (classes.empty() ? "" : "|") + std::string("(?:") + row.Get("value") + ")";
    else return Status::Corrupt(row.rule + ": kind must be skip_tag, block_tag or skip_class");
  }
  if (!classes.empty()) {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    skip_class_ = std::make_unique<RE2>(classes, o);
    if (!skip_class_->ok()) return Status::Corrupt("extract/html.tsv: bad skip_class pattern: " + skip_class_->error());
  }
  return Status::OK();
}

// Whether `s` has at least `k` words (runs of bytes other than space and tab); stops
// counting at the k-th (the rules below only compare a line's word count with a small number).
static bool HasWords(const std::string& s, size_t k) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\t';
    if (!sp && !in && ++n >= k) return true;
    in = !sp;
  }
  return n >= k;
}

static bool EndsWithSentencePunct(const std::string& s) {
  static const char* kEnds[] = {".", "!", "?", ":", "\xD8\x9F" /*؟*/, "\xE2\x80\xA6" /*…*/};
  for (const char* e : kEnds) {
    size_t n = std::char_traits<char>::length(e);
    if (s.size() >= n && s.compare(s.size() - n, n, e) == 0) return true;
  }
  return false;
}

static std::string DetectLang(const std::string& text) {
  size_t arabic = 0, latin = 0, i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {  // eight ASCII bytes at once
      const uint64_t w = swar::Load8(text.data() + i);
      if (!swar::AnyHigh(w)) { latin += swar::CountAsciiLetters(w); i += 8; continue; }
    }
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) { latin += static_cast<unsigned>((b | 0x20) - 'a') < 26u; ++i; continue; }  // ASCII: a Latin letter or nothing
    char32_t c = utf8::Next(text, &i);
    if (utf8::IsArabicLetter(c)) ++arabic;
  }
  if (arabic + latin < 20) return "und";
  if (arabic * 2 >= arabic + latin) return "ar";
  if (latin * 10 >= (arabic + latin) * 8) return "en";
  return "und";
}

void Extractor::Clean(std::vector<Block> blocks, const std::string& given_title, Extracted* out) const {
  std::vector<bool> keep(blocks.size(), true);
  auto drop = [&](size_t k, const std::string& reason) {
    if (!keep[k]) return;
    keep[k] = false;
    out->removed.push_back({blocks[k].text, reason});
  };
  // 1. line rules
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (rule_set_) {  // (passed over when no rule matches)
      bool any = false;
      if (rule_set_->n_at_start) {
        RE2::Set::ErrorInfo err;
        any = rule_set_->at_start.Match(blocks[k].text, nullptr, &err) || err.kind != RE2::Set::kNoError;
      }
      for (size_t q = 0; q < rule_set_->others.size() && !any; ++q) any = RE2::PartialMatch(blocks[k].text, *rule_set_->others[q]);
      if (!any) continue;
    }
    for (const auto& r : line_rules_) {
      std::string captured;
      bool hit = r->re->NumberOfCapturingGroups() > 0 ? RE2::PartialMatch(blocks[k].text, *r->re, &captured)
                                                      : RE2::PartialMatch(blocks[k].text, *r->re);
      if (!hit) continue;
      if (!captured.empty() && out->date.empty()) {
        Ymd d;
        if (dates_->ParseString(captured, &d)) {
          out->date = d.ToString();
          out->date_origin = "byline";
        }
      }
      drop(k, r->reason);
      // A caption marker also takes the image label just before it (a short line).
      if (r->reason == "caption" && k > 0 && keep[k - 1] && !HasWords(blocks[k - 1].text, 4) &&
          !EndsWithSentencePunct(blocks[k - 1].text))
        drop(k - 1, "caption");
      break;
    }
  }
  // 2. a line that parses as a date on its own is a dateline
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (!keep[k] || HasWords(blocks[k].text, 7)) continue;
    Ymd d;
    if (dates_->ParseString(blocks[k].text, &d)) {
      if (out->date.empty()) { out->date = d.ToString(); out->date_origin = "text"; }
      drop(k, "dateline");
    }
  }
  // 3. blocks repeated inside a longer block (captions, teasers), and exact repeats
  // (A block that starts with a non-ASCII byte is looked for with a Boyer-Moore-Horspool search,
  // its table built once: std::string::find tries every occurrence of the first byte, and an
  // Arabic UTF-8 lead byte is half the bytes of an Arabic text. For an ASCII first byte, rare
  // enough in the text, find is the cheaper.)
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (!keep[k] || !HasWords(blocks[k].text, 4)) continue;
    const std::string& a = blocks[k].text;
    std::optional<std::boyer_moore_horspool_searcher<std::string::const_iterator>> in;
    for (size_t m = 0; m < blocks.size(); ++m) {
      if (m == k || !keep[m]) continue;
      const std::string& b = blocks[m].text;
      bool inside = false;
      if (b.size() > a.size() && static_cast<unsigned char>(a[0]) < 0x80) {
        inside = b.find(a) != std::string::npos;
      } else if (b.size() > a.size()) {
        if (!in) in.emplace(a.begin(), a.end());
        inside = std::search(b.begin(), b.end(), *in) != b.end();
      }
      if (inside || (b == a && m < k)) {
        drop(k, "duplicate");
        break;
      }
    }
  }
  // 4. title
  std::string title = utf8::Trim(given_title);
  size_t first_body = 0;
  while (first_body < blocks.size() && !keep[first_body]) ++first_body;
  if (title.empty()) {
    for (size_t k = first_body; k < blocks.size(); ++k) {
      if (!keep[k]) continue;
      bool later = false;
      for (size_t m = k + 1; m < blocks.size() && !later; ++m) later = keep[m];
      if (later && !HasWords(blocks[k].text, 21) && !EndsWithSentencePunct(blocks[k].text)) {
        title = blocks[k].text;
        keep[k] = false;  // moved to the top, not removed
      }
      break;
    }
  } else {
    for (size_t k = 0; k < blocks.size(); ++k)
      if (keep[k] && blocks[k].text == title) { keep[k] = false; break; }
  }
  out->title = title;
  std::string text = title;
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (!keep[k]) continue;
    if (!text.empty()) text += "\n\n";
    text += blocks[k].text;
  }
  out->text = std::move(text);
}

namespace {

const char* const kTitleSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " \xC2\xAB "};

// "Headline - Site" → headline "Headline", site "Site" (the longer part is the headline).
void SplitTitle(const std::string& full, std::string* headline, std::string* site) {
  std::string t = full;
  site->clear();
  for (const char* sep : kTitleSeparators) {
    size_t p = t.rfind(sep);
    if (p == std::string::npos) continue;
    std::string a = utf8::Trim(t.substr(0, p)), b = utf8::Trim(t.substr(p + std::char_traits<char>::length(sep)));
    if (a.empty() || b.empty()) continue;
    if (a.size() >= b.size()) { t = a; if (site->empty()) *site = b; }
    else { t = b; if (site->empty()) *site = a; }
  }
  *headline = t;
}

// Removes "SEP site" / "site SEP" around a title when the site name is known.
std::string StripSite(const std::string& title, const std::string& site) {
  if (site.empty() || title.size() <= site.size()) return title;
  for (const char* sep : kTitleSeparators) {
    std::string suffix = std::string(sep) + site, prefix = site + sep;
    if (title.size() > suffix.size() && title.compare(title.size() - suffix.size(), suffix.size(), suffix) == 0)
      return utf8::Trim(title.substr(0, title.size() - suffix.size()));
    if (title.size() > prefix.size() && title.compare(0, prefix.size(), prefix) == 0)
      return utf8::Trim(title.substr(prefix.size()));
  }
  return title;
}

}  // namespace

Status Extractor::Extract(const Document& doc, Extracted* out) const {
  *out = Extracted();
  out->id = doc.id;
  out->url = doc.url;
  out->source = doc.source;
  Ymd given;
  bool has_given = !doc.date.empty() && Ymd::Parse(doc.date, &given);
  if (utf8::TrimView(doc.body).empty()) {
    // A record with a title and no body (common in feed exports) still has a
    // headline worth coding.
    std::string title = utf8::Trim(doc.title);
    if (title.empty()) return Status::InvalidArgument(doc.body.empty() ? "empty document" : "document has no text");
    if (has_given) { out->date = given.ToString(); out->date_origin = "input"; }
    out->title = out->text = title;
    out->site = doc.source;
    out->lang = DetectLang(title);
    return Status::OK();
  }
  if (LooksBinary(doc.body)) {
    size_t nul = std::count(doc.body.begin(), doc.body.end(), '\0');
    return Status::Unsupported("binary content (" + std::to_string(nul) + " NUL bytes)");
  }
  std::string body;
  Decoded dec;
  DecodeToUtf8(doc.body, doc.charset, doc.format == InputFormat::kHtml, &body, &dec);
  if (dec.invalid_bytes * 10 > doc.body.size() * 3)
    return Status::Unsupported("not text (" + std::to_string(dec.invalid_bytes) + " of " + std::to_string(doc.body.size()) +
                               " bytes undecodable as " + dec.charset + ")");
  out->invalid_bytes = dec.invalid_bytes;
  out->encoding = dec.charset;
  if (utf8::TrimView(body).empty()) return Status::InvalidArgument("document has no text");

  std::vector<Block> blocks;
  std::string title = utf8::Trim(doc.title);
  std::string meta_date, meta_origin;
  std::vector<Removed> html_dropped;
  if (doc.format == InputFormat::kHtml) {
    HtmlMeta meta;
    HADATH_RETURN_IF_ERROR(ParseHtml(*this, body, &blocks, &meta, &html_dropped));
    std::string title_head, title_site;
    SplitTitle(meta.title, &title_head, &title_site);
    out->site = !meta.site.empty() ? meta.site : !meta.ld_site.empty() ? meta.ld_site
              : !meta.app_name.empty() ? meta.app_name : title_site;
    if (title.empty()) title = StripSite(!meta.og_title.empty() ? meta.og_title : meta.h1, out->site);
    if (title.empty()) title = title_head;
    Ymd d;
    if (!meta.date.empty() && dates_->ParseString(meta.date, &d)) {
      meta_date = d.ToString();
      meta_origin = "meta";
    } else if (!meta.byline_date.empty()) {
      meta_date = meta.byline_date;
      meta_origin = "byline";
    }
    out->lang = meta.lang.substr(0, 2);
  } else {
    blocks = ScrapedBlocks(body);
  }
  Clean(std::move(blocks), title, out);
  out->removed.insert(out->removed.begin(), html_dropped.begin(), html_dropped.end());
  // Date: the input's own > page metadata > a byline or dateline in the text > when it was crawled.
  if (!meta_date.empty()) { out->date = meta_date; out->date_origin = meta_origin; }
  if (has_given) {
    out->date = given.ToString();
    out->date_origin = "input";
  }
  Ymd crawl;
  if (out->date.empty() && Ymd::Parse(doc.crawl_date, &crawl)) {
    out->date = crawl.ToString();
    out->date_origin = "crawl";
  }
  if (out->site.empty()) out->site = doc.source;
  std::string detected = DetectLang(out->text);
  if (out->lang.empty() || detected != "und") out->lang = detected;
  if (utf8::TrimView(out->text).empty()) return Status::InvalidArgument("no article text found");
  return Status::OK();
}

}  // namespace hadath
