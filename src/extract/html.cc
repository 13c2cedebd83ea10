// HTML → blocks and metadata, with gumbo's HTML5 parser.
#include <gumbo.h>
#include <re2/re2.h>

#include <algorithm>
#include <functional>
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

// Collapses runs of white space to one space.
std::string Squash(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') { space = true; continue; }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Finds datePublished / headline in JSON-LD (objects, arrays, @graph).
void ScanJsonLd(const nlohmann::json& j, HtmlMeta* meta, int depth = 0) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const auto& x : j) ScanJsonLd(x, meta, depth + 1);
  } else if (j.is_object()) {
    auto it = j.find("datePublished");
    if (it != j.end() && it->is_string() && meta->date.empty()) meta->date = it->get<std::string>();
    for (const auto& [k, v] : j.items())
      if (v.is_array() || v.is_object()) ScanJsonLd(v, meta, depth + 1);
  }
}

}  // namespace

void ParseHtml(const Extractor& ex, const std::string& html, std::vector<Block>* blocks, HtmlMeta* meta) {
  GumboOptions opts = kGumboDefaultOptions;
  opts.max_errors = 1000;
  GumboOutput* out = gumbo_parse_with_options(&opts, html.data(), html.size());
  if (!out) return;

  auto is_in = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
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
  std::function<void(const GumboNode*, std::string*)> text_of = [&](const GumboNode* n, std::string* acc) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      acc->append(n->v.text.text);
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT || skipped(n)) return;
    if (n->v.element.tag == GUMBO_TAG_BR) { acc->push_back(' '); return; }
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i) text_of(static_cast<const GumboNode*>(ch.data[i]), acc);
    if (n->v.element.tag == GUMBO_TAG_TD || n->v.element.tag == GUMBO_TAG_DIV) acc->push_back(' ');
  };

  // Metadata and the candidate containers, in one walk (iterative: no recursion depth limit).
  std::vector<const GumboNode*> articles, mains;
  const GumboNode* body = nullptr;
  std::vector<const GumboNode*> stack = {out->root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_HTML) { if (const char* l = Attr(n, "lang")) meta->lang = l; }
    else if (tag == GUMBO_TAG_BODY) body = n;
    else if (tag == GUMBO_TAG_ARTICLE) articles.push_back(n);
    else if (tag == GUMBO_TAG_MAIN) mains.push_back(n);
    else if (tag == GUMBO_TAG_TITLE && meta->title.empty()) { text_of(n, &meta->title); meta->title = Squash(meta->title); }
    else if (tag == GUMBO_TAG_H1 && meta->h1.empty() && !skipped(n)) { text_of(n, &meta->h1); meta->h1 = Squash(meta->h1); }
    else if (tag == GUMBO_TAG_META) {
      const char* key = Attr(n, "property");
      if (!key) key = Attr(n, "name");
      if (!key) key = Attr(n, "itemprop");
      const char* content = Attr(n, "content");
      if (key && content) {
        std::string k = key;
        std::transform(k.begin(), k.end(), k.begin(), ::tolower);
        if (k == "og:title" && meta->og_title.empty()) meta->og_title = content;
        else if (k == "og:site_name" && meta->site.empty()) meta->site = content;
        else if ((k == "article:published_time" || k == "datepublished" || k == "pubdate" || k == "publishdate" ||
                  k == "date" || k == "dc.date.issued" || k == "sailthru.date") && meta->date.empty())
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
    } else if (tag == GUMBO_TAG_TIME && meta->date.empty()) {
      if (const char* dt = Attr(n, "datetime")) meta->date = dt;
    }
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
  }

  // Collect blocks below a container, in document order.
  auto collect = [&](const GumboNode* root, std::vector<Block>* bs) {
    std::vector<const GumboNode*> st = {root};
    while (!st.empty()) {
      const GumboNode* n = st.back();
      st.pop_back();
      if (n->type != GUMBO_NODE_ELEMENT || skipped(n)) continue;
      std::string tag = TagName(n);
      if (is_in(ex.block_tags_, tag)) {
        std::string t;
        text_of(n, &t);
        t = utf8::Trim(Squash(t));
        if (!t.empty()) bs->push_back({t, tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'});
        continue;
      }
      const GumboVector& ch = n->v.element.children;
      for (unsigned i = ch.length; i-- > 0;) st.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
  };
  auto text_len = [](const std::vector<Block>& bs) {
    size_t k = 0;
    for (const auto& b : bs) k += b.heading ? 0 : b.text.size();
    return k;
  };
  // The container with the most paragraph text: the largest <article>, else <main>, else
  // the element whose direct block children hold the most text, else <body>.
  std::vector<Block> best;
  for (const auto* list : {&articles, &mains}) {
    for (const GumboNode* a : *list) {
      std::vector<Block> bs;
      collect(a, &bs);
      if (text_len(bs) > text_len(best)) best = std::move(bs);
    }
    if (!best.empty()) break;
  }
  if (best.empty() && body) {
    // score each element by the text of its direct <p> children
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
          text_of(c, &t);
          score += utf8::Trim(t).size();
        }
        st.push_back(c);
      }
      if (score > winner_score) { winner_score = score; winner = n; }
    }
    collect(winner ? winner : body, &best);
  }
  *blocks = std::move(best);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
}

}  // namespace hadath
