// Extractor: a raw Document → the article (text, title, date, site, lang).
//
// Scraped text and HTML are both reduced to a list of blocks (lines or
// paragraphs), then the same clean-up applies: boilerplate line rules from
// data/extract/boilerplate.tsv (skip-links, "posted on" bylines — whose date
// is kept —, comment counters, captions, share bars), a caption's image label,
// blocks that repeat a longer block, and the title. HTML uses gumbo (HTML5)
// with the tag and class rules of data/extract/html.tsv. Bytes are decoded to
// UTF-8 first (extract/encoding.h).
//
// Limits: an HTML page over kMaxHtmlBytes, or whose tags nest deeper than
// kMaxHtmlDepth, is refused with Status::Unsupported (reported, not parsed).
// Thread safety: immutable after Load(); Extract() is const and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "hadath/document.h"
#include "hadath/status.h"
#include "text/dates.h"

namespace re2 { class RE2; }

namespace hadath {

struct Block {
  std::string text;
  bool heading = false;   // h1-h6 in HTML
};

struct HtmlMeta {
  std::string title, h1, og_title, site, lang;
  std::string date;          // meta tags, else JSON-LD datePublished, else <time datetime>
  std::string ld_date, ld_site, app_name;
  std::string byline_date;   // YYYY-MM-DD parsed from an element classed date/byline/…
};

constexpr size_t kMaxHtmlBytes = 16u << 20;
constexpr size_t kMaxHtmlDepth = 2000;

class Extractor {
 public:
  Extractor();
  ~Extractor();
  // REQUIRES: `dates` outlives the Extractor.
  Status Load(const std::string& data_dir, const DateGrammar* dates);
  Status Extract(const Document& doc, Extracted* out) const;

 private:
  struct LineRule;
  struct RuleSet;  // all line rules in one RE2::Set: a block none matches is passed over at once
  std::vector<std::unique_ptr<LineRule>> line_rules_;
  std::unique_ptr<RuleSet> rule_set_;
  std::vector<std::string> skip_tags_, block_tags_;
  std::unique_ptr<re2::RE2> skip_class_;
  const DateGrammar* dates_ = nullptr;

  friend Status ParseHtml(const Extractor&, const std::string& html, std::vector<Block>*, HtmlMeta*,
                          std::vector<Removed>*);
  void Clean(std::vector<Block> blocks, const std::string& given_title, Extracted* out) const;
};

// Splits scraped text into trimmed, non-empty lines.
std::vector<Block> ScrapedBlocks(const std::string& text);
// `dropped` (may be null) receives the text of the elements dropped inside the chosen
// container, with the rule that dropped them ("html:nav", "html:class=…", "links").
Status ParseHtml(const Extractor& ex, const std::string& html, std::vector<Block>* blocks, HtmlMeta* meta,
                 std::vector<Removed>* dropped = nullptr);
// Nesting depth of the tags of `html` (void and auto-closed elements, comments
// and raw text left out); stops counting once it exceeds `stop_at`.
size_t EstimateHtmlDepth(std::string_view html, size_t stop_at);

}  // namespace hadath
