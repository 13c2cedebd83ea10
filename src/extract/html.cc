// HTML → blocks and metadata, with gumbo's HTML5 parser.
//
// Every walk over the tree is iterative (explicit stacks), and a page is
// refused before parsing when it is larger than kMaxHtmlBytes or its tags nest
// deeper than kMaxHtmlDepth (estimated by a scan of the tags): gumbo's
// tree construction is quadratic in the depth of the open-element stack and it
// frees the tree recursively.
#include <gumbo.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

#include "extract/extractor.h"
#include "util/utf8.h"

namespace hadath {
namespace {

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string TagName(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return "";
  if (n->v.element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(n->v.element.tag);
  GumboStringPiece p = n->v.element.original_tag;
  gumbo_tag_from_original_text(&p);
  std::string s(p.data, p.length);
  std::transform(s.begin(), s.end(), s.begin(), ::tolower);
  return s;
}

// Collapses runs of white space (and NBSP) to one space.
std::string Squash(const std::string& s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (!ws && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') { ws = true; ++i; }
    if (ws) { space = true; continue; }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Finds datePublished, the publisher's name and the headline in JSON-LD (objects, arrays, @graph).
void ScanJsonLd(const nlohmann::json& j, HtmlMeta* meta, int depth = 0) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const auto& x : j) ScanJsonLd(x, meta, depth + 1);
  } else if (j.is_object()) {
    auto it = j.find("datePublished");
    if (it != j.end() && it->is_string() && meta->ld_date.empty()) meta->ld_date = it->get<std::string>();
    it = j.find("publisher");
    if (it != j.end() && it->is_object() && meta->ld_site.empty()) {
      auto name = it->find("name");
      if (name != it->end() && name->is_string()) meta->ld_site = name->get<std::string>();
    }
    for (const auto& [k, v] : j.items())
      if (v.is_array() || v.is_object()) ScanJsonLd(v, meta, depth + 1);
  }
}

bool IsInline(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_SPAN: case GUMBO_TAG_B: case GUMBO_TAG_STRONG: case GUMBO_TAG_EM:
    case GUMBO_TAG_I: case GUMBO_TAG_U: case GUMBO_TAG_FONT: case GUMBO_TAG_SMALL: case GUMBO_TAG_BIG:
    case GUMBO_TAG_SUP: case GUMBO_TAG_SUB: case GUMBO_TAG_ABBR: case GUMBO_TAG_Q: case GUMBO_TAG_CITE:
    case GUMBO_TAG_MARK: case GUMBO_TAG_TIME: case GUMBO_TAG_S: case GUMBO_TAG_DEL: case GUMBO_TAG_INS:
    case GUMBO_TAG_CODE: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO: case GUMBO_TAG_DFN: case GUMBO_TAG_KBD:
    case GUMBO_TAG_VAR: case GUMBO_TAG_WBR:
      return true;
    default:
      return false;
  }
}

bool IsVoidOrAutoClosed(const std::string& name) {
  static const char* kNames[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                 "param", "source", "track", "wbr", "keygen", "p", "li", "td", "th", "tr",
                                 "dt", "dd", "option", "optgroup", "!doctype", "tbody", "thead", "rt", "rp"};
  for (const char* k : kNames)
    if (name == k) return true;
  return false;
}

}  // namespace

size_t EstimateHtmlDepth(std::string_view html, size_t stop_at) {
  size_t depth = 0, max_depth = 0, i = 0, n = html.size();
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  while (i < n) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    i = lt + 1;
    if (html.compare(lt, 4, "<!--") == 0) {
      size_t e = html.find("-->", lt + 4);
      i = e == std::string_view::npos ? n : e + 3;
      continue;
    }
    bool close = html[i] == '/';
    if (close) ++i;
    size_t b = i;
    while (i < n && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-' || html[i] == '!' || html[i] == ':')) ++i;
    if (i == b) continue;
    std::string name;
    for (size_t k = b; k < i && name.size() < 16; ++k) name.push_back(lower(html[k]));
    size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    bool self_closing = gt > 0 && html[gt - 1] == '/';
    i = gt + 1;
    if (close) {
      if (!IsVoidOrAutoClosed(name) && depth > 0) --depth;
      continue;
    }
    if (name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
        name == "plaintext" || name == "noscript") {
      // raw text: skip to the closing tag
      std::string endtag = "</" + name;
      size_t e = i;
      while (true) {
        e = html.find("</", e);
        if (e == std::string_view::npos) { i = n; break; }
        bool match = e + endtag.size() <= n;
        for (size_t k = 0; match && k < endtag.size(); ++k) match = lower(html[e + k]) == endtag[k];
        if (match) { i = e; break; }
        e += 2;
      }
      continue;
    }
    if (self_closing || IsVoidOrAutoClosed(name)) continue;
    if (++depth > max_depth) {
      max_depth = depth;
      if (max_depth > stop_at) return max_depth;
    }
  }
  return max_depth;
}

Status ParseHtml(const Extractor& ex, const std::string& html, std::vector<Block>* blocks, HtmlMeta* meta,
                 std::vector<Removed>* dropped) {
  if (html.size() > kMaxHtmlBytes)
    return Status::Unsupported("HTML of " + std::to_string(html.size()) + " bytes is larger than the limit of " +
                               std::to_string(kMaxHtmlBytes) + " bytes; skipped");
  if (EstimateHtmlDepth(html, kMaxHtmlDepth) > kMaxHtmlDepth)
    return Status::Unsupported("HTML nested deeper than " + std::to_string(kMaxHtmlDepth) + " levels; skipped");
  GumboOptions opts = kGumboDefaultOptions;
  opts.max_errors = 1000;
  GumboOutput* out = gumbo_parse_with_options(&opts, html.data(), html.size());
  if (!out) return Status::Corrupt("HTML could not be parsed");

  auto is_in = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  // Why an element is dropped ("html:nav", "html:class=social-share"), or "" if it is kept.
  auto skip_reason = [&](const GumboNode* n) -> std::string {
    std::string tag = TagName(n);
    if (is_in(ex.skip_tags_, tag)) return "html:" + tag;
    std::string cls;
    if (const char* c = Attr(n, "class")) cls += c;
    if (const char* i = Attr(n, "id")) { cls += " "; cls += i; }
    if (const char* r = Attr(n, "role")) { cls += " role-"; cls += r; }
    std::string hit;
    if (!cls.empty() && ex.skip_class_ && RE2::PartialMatch(cls, *ex.skip_class_, &hit)) return "html:class=" + utf8::Trim(cls);
    return "";
  };
  auto skipped = [&](const GumboNode* n) {
    std::string tag = TagName(n);
    if (is_in(ex.skip_tags_, tag)) return true;
    std::string cls;
    if (const char* c = Attr(n, "class")) cls += c;
    if (const char* i = Attr(n, "id")) { cls += " "; cls += i; }
    if (const char* r = Attr(n, "role")) { cls += " role-"; cls += r; }
    return !cls.empty() && ex.skip_class_ && RE2::PartialMatch(cls, *ex.skip_class_);
  };
  // All text below n (skipped elements left out); *link_bytes counts the text inside <a>.
  auto text_of = [&](const GumboNode* root, std::string* acc, size_t* link_bytes = nullptr) {
    struct Frame { const GumboNode* n; unsigned i; bool link; };
    std::vector<Frame> st;
    auto enter = [&](const GumboNode* n, bool in_link) {
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        acc->append(n->v.text.text);
        if (in_link && link_bytes) *link_bytes += std::strlen(n->v.text.text);
        return;
      }
      if (n->type != GUMBO_NODE_ELEMENT || skipped(n)) return;
      if (n->v.element.tag == GUMBO_TAG_BR) { acc->push_back(' '); return; }
      st.push_back({n, 0, in_link || n->v.element.tag == GUMBO_TAG_A});
    };
    enter(root, false);
    while (!st.empty()) {
      Frame& f = st.back();
      const GumboVector& ch = f.n->v.element.children;
      if (f.i >= ch.length) {
        GumboTag t = f.n->v.element.tag;
        if (!IsInline(t)) acc->push_back(' ');
        st.pop_back();
        continue;
      }
      bool link = f.link;
      enter(static_cast<const GumboNode*>(ch.data[f.i++]), link);
    }
  };

  // Metadata and the candidate containers, in one walk. Elements inside skipped
  // ones (navigation, asides, related lists) give no <h1>, <time> or byline.
  std::vector<const GumboNode*> articles, mains, bylines;
  const GumboNode* body = nullptr;
  std::string time_date;
  // A <header> inside an <article> or <main> holds the headline and byline: its
  // metadata counts (the page's own header, with today's date, does not).
  struct Item { const GumboNode* n; bool in_skip, in_article; };
  std::vector<Item> stack = {{out->root, false, false}};
  while (!stack.empty()) {
    auto [n, in_skip, in_article] = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = n->v.element.tag;
    bool skip_here = in_skip || (tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HEAD &&
                                 !(tag == GUMBO_TAG_HEADER && in_article) && skipped(n));
    bool article_here = in_article || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
    if (tag == GUMBO_TAG_HTML) { if (const char* l = Attr(n, "lang")) meta->lang = l; }
    else if (tag == GUMBO_TAG_BODY) body = n;
    else if (tag == GUMBO_TAG_ARTICLE && !skip_here) articles.push_back(n);
    else if (tag == GUMBO_TAG_MAIN && !skip_here) mains.push_back(n);
    else if (tag == GUMBO_TAG_TITLE && meta->title.empty()) { text_of(n, &meta->title); meta->title = utf8::Trim(Squash(meta->title)); }
    else if (tag == GUMBO_TAG_H1 && meta->h1.empty() && !skip_here) { text_of(n, &meta->h1); meta->h1 = utf8::Trim(Squash(meta->h1)); }
    else if (tag == GUMBO_TAG_META) {
      const char* key = Attr(n, "property");
      if (!key) key = Attr(n, "name");
      if (!key) key = Attr(n, "itemprop");
      const char* content = Attr(n, "content");
      if (key && content) {
        std::string k = key;
        std::transform(k.begin(), k.end(), k.begin(), ::tolower);
        if (k == "og:title" && meta->og_title.empty()) meta->og_title = utf8::Trim(Squash(content));
        else if (k == "og:site_name" && meta->site.empty()) meta->site = utf8::Trim(content);
        else if (k == "application-name" && meta->app_name.empty()) meta->app_name = utf8::Trim(content);
        else if ((k == "article:published_time" || k == "datepublished" || k == "pubdate" || k == "publishdate" ||
                  k == "date" || k == "dc.date.issued" || k == "dc.date" || k == "sailthru.date" ||
                  k == "og:published_time" || k == "publish-date" || k == "article.published") &&
                 meta->date.empty())
          meta->date = content;
      }
    } else if (tag == GUMBO_TAG_SCRIPT) {
      const char* type = Attr(n, "type");
      if (type && std::string(type) == "application/ld+json") {
        std::string js;
        const GumboVector& ch = n->v.element.children;
        for (unsigned i = 0; i < ch.length; ++i) {
          const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
          if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) js += c->v.text.text;
        }
        auto j = nlohmann::json::parse(js, nullptr, false);
        if (!j.is_discarded()) ScanJsonLd(j, meta);
      }
      continue;
    } else if (tag == GUMBO_TAG_TIME && time_date.empty() && !skip_here) {
      if (const char* dt = Attr(n, "datetime")) time_date = dt;
    }
    if (!skip_here && tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_BODY && bylines.size() < 16) {
      const char* c = Attr(n, "class");
      const char* i = Attr(n, "id");
      std::string cls = std::string(c ? c : "") + " " + (i ? i : "");
      std::transform(cls.begin(), cls.end(), cls.begin(), ::tolower);
      for (const char* k : {"date", "time", "byline", "posted", "publish", "meta"})
        if (cls.find(k) != std::string::npos) { bylines.push_back(n); break; }
    }
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(ch.data[i]), skip_here, article_here});
  }
  if (meta->date.empty()) meta->date = !meta->ld_date.empty() ? meta->ld_date : time_date;
  for (const GumboNode* b : bylines) {
    std::string t;
    text_of(b, &t);
    t = utf8::Trim(Squash(t));
    if (t.empty() || t.size() > 300) continue;
    Ymd d;
    if (ex.dates_->ParseString(t, &d)) { meta->byline_date = d.ToString(); break; }
  }

  // Blocks below a container, in document order: block elements (p, h1-h4,
  // blockquote, …) are one block each; runs of text and inline elements directly
  // inside other elements (<div>text<br>text</div>, <li>) are blocks too. Runs
  // that are mostly link text (menus, related lists) are dropped.
  auto collect = [&](const GumboNode* root, std::vector<Block>* bs, std::vector<Removed>* dropped) {
    std::string pending;
    size_t pending_links = 0;
    auto push = [&](std::string t, size_t links, bool heading) {
      t = utf8::Trim(Squash(t));
      if (t.empty()) return;
      if (links * 10 > t.size() * 6 && !heading) {  // a link list, not prose
        dropped->push_back({std::move(t), "links"});
        return;
      }
      bs->push_back({std::move(t), heading});
    };
    auto flush = [&] {
      push(pending, pending_links, false);
      pending.clear();
      pending_links = 0;
    };
    struct Frame { const GumboNode* n; unsigned i; bool link; };
    std::vector<Frame> st;
    if (root->type != GUMBO_NODE_ELEMENT) return;
    st.push_back({root, 0, false});
    while (!st.empty()) {
      Frame& f = st.back();
      const GumboVector& ch = f.n->v.element.children;
      if (f.i >= ch.length) {
        if (!IsInline(f.n->v.element.tag)) flush();
        st.pop_back();
        continue;
      }
      bool link = f.link;
      const GumboNode* c = static_cast<const GumboNode*>(ch.data[f.i++]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA || c->type == GUMBO_NODE_WHITESPACE) {
        pending += c->v.text.text;
        if (link) pending_links += std::strlen(c->v.text.text);
        continue;
      }
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      if (std::string why = skip_reason(c); !why.empty()) {
        GumboTag t = c->v.element.tag;
        if (t != GUMBO_TAG_SCRIPT && t != GUMBO_TAG_STYLE && t != GUMBO_TAG_NOSCRIPT && t != GUMBO_TAG_TEMPLATE) {
          std::string txt;
          // text_of skips a skipped root: read its children
          for (unsigned k = 0; k < c->v.element.children.length; ++k)
            text_of(static_cast<const GumboNode*>(c->v.element.children.data[k]), &txt);
          txt = utf8::Trim(Squash(txt));
          if (!txt.empty()) dropped->push_back({std::move(txt), why});
        }
        continue;
      }
      GumboTag t = c->v.element.tag;
      if (t == GUMBO_TAG_BR) { flush(); continue; }
      std::string name = TagName(c);
      if (is_in(ex.block_tags_, name)) {
        flush();
        std::string txt;
        size_t links = 0;
        text_of(c, &txt, &links);
        push(std::move(txt), links, name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6');
        continue;
      }
      if (!IsInline(t)) flush();
      st.push_back({c, 0, link || t == GUMBO_TAG_A});
    }
    flush();
  };
  auto text_len = [](const std::vector<Block>& bs) {
    size_t k = 0;
    for (const auto& b : bs) k += b.heading ? 0 : b.text.size();
    return k;
  };
  // The container with the most paragraph text: the largest <article>, else <main>, else
  // the element whose direct <p> children hold the most text, else <body>.
  std::vector<Block> best;
  std::vector<Removed> best_dropped;
  for (const auto* list : {&articles, &mains}) {
    for (const GumboNode* a : *list) {
      std::vector<Block> bs;
      std::vector<Removed> dr;
      collect(a, &bs, &dr);
      if (text_len(bs) > text_len(best)) { best = std::move(bs); best_dropped = std::move(dr); }
    }
    if (!best.empty()) break;
  }
  if (best.empty() && body) {
    const GumboNode* winner = nullptr;
    size_t winner_score = 0;
    std::vector<const GumboNode*> st = {body};
    while (!st.empty()) {
      const GumboNode* n = st.back();
      st.pop_back();
      if (n->type != GUMBO_NODE_ELEMENT || skipped(n)) continue;
      size_t score = 0;
      const GumboVector& ch = n->v.element.children;
      for (unsigned i = 0; i < ch.length; ++i) {
        const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
        if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_P && !skipped(c)) {
          std::string t;
          size_t links = 0;
          text_of(c, &t, &links);
          size_t len = utf8::Trim(t).size();
          score += len > links ? len - links : 0;
        }
        st.push_back(c);
      }
      if (score > winner_score) { winner_score = score; winner = n; }
    }
    collect(winner ? winner : body, &best, &best_dropped);
  }
  *blocks = std::move(best);
  if (dropped) *dropped = std::move(best_dropped);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return Status::OK();
}

}  // namespace hadath
