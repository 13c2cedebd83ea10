#include "text/tokenizer.h"

#include <algorithm>
#include <cstring>

#include <unicode/uchar.h>

#include "text/english.h"
#include "util/hash.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace hadath {

Status Tokenizer::Load(const std::string& data_dir, const Normalizer* normalizer, const std::string& lang) {
  norm_ = normalizer;
  english_ = lang == "en";
  if (english_) return Status::OK();  // no clitics in English
  TsvFile f;
  HADATH_RETURN_IF_ERROR(LoadTsv(data_dir, "ar/clitics.tsv", {"kind", "form"}, &f));
  prefixes_.clear();
  suffixes_.clear();
  for (const auto& row : f.rows) {
    std::string form = norm_->Normalize(row.Get("form"));
    if (row.Get("kind") == "prefix") prefixes_.push_back(form);
    else if (row.Get("kind") == "suffix") suffixes_.push_back(form);
    else return Status::Corrupt(row.rule + ": kind must be prefix or suffix");
  }
  auto longer = [](const std::string& a, const std::string& b) { return a.size() > b.size(); };
  std::stable_sort(prefixes_.begin(), prefixes_.end(), longer);
  std::stable_sort(suffixes_.begin(), suffixes_.end(), longer);
  // Groups by first (last) letter; a clitic shorter than one letter would fit
  // every word of the group, so it joins every group.
  auto group = [](const std::vector<std::string>& clitics, bool at_end, std::vector<CliticGroup>* groups) {
    groups->clear();
    for (const auto& c : clitics) {
      if (c.size() < 2) continue;
      const size_t o = at_end ? c.size() - 2 : 0;
      bool seen = false;
      for (const auto& g : *groups) seen |= g.a == c[o] && g.b == c[o + 1];
      if (!seen) groups->push_back({c[o], c[o + 1], {}});
    }
    for (auto& g : *groups)
      for (size_t k = 0; k < clitics.size(); ++k) {
        const std::string& c = clitics[k];
        const size_t o = at_end ? c.size() - 2 : 0;
        if (c.size() < 2 || (c[o] == g.a && c[o + 1] == g.b)) g.members.push_back(static_cast<uint16_t>(k));
      }
  };
  group(prefixes_, false, &prefix_groups_);
  group(suffixes_, true, &suffix_groups_);
  return Status::OK();
}

void Tokenizer::SetVocabulary(std::unordered_set<std::string> words) {
  vocab_words_.assign(words.begin(), words.end());
  std::sort(vocab_words_.begin(), vocab_words_.end());  // the same table whatever the set's order
  uint32_t size = 16;
  while (size < 2 * vocab_words_.size()) size *= 2;
  vocab_table_.assign(2 * size_t{size}, 0);
  vocab_mask_ = size - 1;
  for (uint32_t k = 0; k < vocab_words_.size(); ++k) {
    const uint32_t h = Fnv1a32(vocab_words_[k]);
    uint32_t slot = h & vocab_mask_;
    while (vocab_table_[2 * slot + 1]) slot = (slot + 1) & vocab_mask_;
    vocab_table_[2 * slot] = h;
    vocab_table_[2 * slot + 1] = k + 1;
  }
  has_vocab_ = true;
}

bool Tokenizer::InVocabulary(std::string_view w) const { return InVocabulary(w, Fnv1a32(w)); }

bool Tokenizer::InVocabulary(std::string_view w, uint32_t h) const {
  if (vocab_table_.empty()) return false;
  for (uint32_t slot = h & vocab_mask_;; slot = (slot + 1) & vocab_mask_) {
    const uint32_t id = vocab_table_[2 * slot + 1];
    if (!id) return false;
    if (vocab_table_[2 * slot] == h && vocab_words_[id - 1] == w) return true;
  }
}

namespace {
// Byte equality of short strings (clitics are 2-8 bytes): inline, no memcmp call.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  for (size_t k = 0; k < n; ++k)
    if (a[k] != b[k]) return false;
  return true;
}
}  // namespace

std::vector<Segment> Tokenizer::Segments(const std::string& norm, bool ends_in_teh_marbuta,
                                         bool all_alternatives) const {
  const bool filter = has_vocab_ && !all_alternatives;
  std::vector<Segment> out;
  out.push_back({"", norm, "", Fnv1a32(norm)});
  // Which prefixes and suffixes fit the word at all: each is checked once.
  const std::string* pre[32];
  size_t n_pre = 0;
  pre[n_pre++] = nullptr;  // no prefix
  // Every clitic starts (prefixes) or ends (suffixes) with one of a few letters: only the
  // group of the word's first (last) letter is tested, and most words skip the lists entirely.
  auto group_of = [](const std::vector<CliticGroup>& groups, char a, char b) -> const std::vector<uint16_t>* {
    for (const auto& g : groups)
      if (g.a == a && g.b == b) return &g.members;
    return nullptr;
  };
  if (const auto* members = norm.size() >= 2 ? group_of(prefix_groups_, norm[0], norm[1]) : nullptr)
    for (uint16_t k : *members) {
      const std::string& p = prefixes_[k];
      if (n_pre < 32 && norm.size() > p.size() && SameBytes(norm.data(), p.data(), p.size())) pre[n_pre++] = &p;
    }
  const std::string* suf[32];
  size_t n_suf = 0;
  suf[n_suf++] = nullptr;  // no suffix
  static const std::vector<uint16_t> kNone;
  const std::vector<uint16_t>* suffix_members =
      norm.size() >= 2 ? group_of(suffix_groups_, norm[norm.size() - 2], norm.back()) : nullptr;
  for (uint16_t k : suffix_members ? *suffix_members : kNone) {
    const std::string& x = suffixes_[k];
    if (n_suf >= 32 || norm.size() <= x.size()) continue;
    if (!SameBytes(norm.data() + norm.size() - x.size(), x.data(), x.size())) continue;
    if (ends_in_teh_marbuta && x.size() == 2 && x[0] == '\xD9' && x[1] == '\x87') continue;  // ه from ة
    suf[n_suf++] = &x;
  }
  if (n_pre == 1 && n_suf == 1) return out;
  out.reserve(4);
  static const std::string kEmpty, kLl = "\xD9\x84\xD9\x84", kAl = "\xD8\xA7\xD9\x84";
  for (size_t a = 0; a < n_pre; ++a) {
    size_t pl = pre[a] ? pre[a]->size() : 0;
    for (size_t b = 0; b < n_suf; ++b) {
      if (a == 0 && b == 0) continue;
      size_t sl = suf[b] ? suf[b]->size() : 0;
      if (pl + sl >= norm.size()) continue;
      std::string_view stem_view(norm.data() + pl, norm.size() - pl - sl);
      // Length in code points; 4 bytes per code point at most, so long stems need no count.
      if (stem_view.size() < 4 * min_stem_ && utf8::Length(stem_view) < min_stem_) continue;
      bool ll = pre[a] && pre[a]->size() >= kLl.size() &&
                SameBytes(pre[a]->data() + pre[a]->size() - kLl.size(), kLl.data(), kLl.size());
      const uint32_t h = Fnv1a32(stem_view);
      bool known = !filter || InVocabulary(stem_view, h);
      std::string with_article;
      uint32_t h_article = 0;
      bool known_with_article = false;
      if (ll) {
        with_article.reserve(kAl.size() + stem_view.size());
        with_article.append(kAl).append(stem_view);
        h_article = Fnv1a32(with_article);
        known_with_article = !filter || InVocabulary(with_article, h_article);
      }
      if (!known && !known_with_article) continue;
      const std::string& p = pre[a] ? *pre[a] : kEmpty;
      const std::string& x = suf[b] ? *suf[b] : kEmpty;
      // «لل» is ل + ال with the alef dropped: also offer the stem with its
      // article back («للأمم» → ل + الأمم), for entries written with «ال».
      if (known_with_article) out.push_back({p.substr(0, p.size() - 2), std::move(with_article), x, h_article});
      if (known) out.push_back({p, std::string(stem_view), x, h});
    }
  }
  return out;
}

namespace {

enum class CharClass { kSpace, kNewline, kWord, kDigit, kPunct };

CharClass ClassifySlow(char32_t c) {
  if (c == '\n' || c == 0x2028 || c == 0x2029) return CharClass::kNewline;
  if (c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || u_isspace(static_cast<UChar32>(c))) return CharClass::kSpace;
  if (c >= 0x200B && c <= 0x200D) return CharClass::kWord;  // zero-width joiners stay in words
  if (u_isdigit(static_cast<UChar32>(c))) return CharClass::kDigit;
  if (utf8::IsArabicMark(c) || u_isalpha(static_cast<UChar32>(c)) ||
      u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GENERAL_CATEGORY_MASK) & (U_GC_M_MASK))
    return CharClass::kWord;
  return CharClass::kPunct;
}

// Character classes of the BMP, computed once with ICU.
const uint8_t* ClassTable() {
  static const std::vector<uint8_t> table = [] {
    std::vector<uint8_t> t(0x10000);
    for (char32_t cp = 0; cp < 0x10000; ++cp) t[cp] = static_cast<uint8_t>(ClassifySlow(cp));
    return t;
  }();
  return table.data();
}

// REQUIRES: table == ClassTable() (fetched once per Split, so that this inlines).
inline CharClass Classify(const uint8_t* table, char32_t c) {
  return c < 0x10000 ? static_cast<CharClass>(table[c]) : ClassifySlow(c);
}

bool IsSentenceEnd(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x06D4;
}

}  // namespace

std::vector<Sentence> Tokenizer::Split(std::string_view text, bool all_alternatives) const {
  if (english_) {
    if (all_alternatives) return english::Split(text, *norm_, [](std::string_view) { return true; });
    if (!has_vocab_) return english::Split(text, *norm_, nullptr);  // dictionary phrases: forms only
    return english::Split(text, *norm_, [this](std::string_view stem) { return InVocabulary(stem); });
  }
  const uint8_t* ct = ClassTable();
  std::vector<Sentence> sentences;
  Sentence cur;
  cur.tokens.reserve(32);
  auto flush = [&](size_t end) {
    if (!cur.tokens.empty()) {
      cur.begin = cur.tokens.front().begin;
      cur.end = std::max(end, cur.tokens.back().end);
      sentences.push_back(std::move(cur));
    }
    cur = Sentence();
    cur.tokens.reserve(32);  // most news sentences: no regrowth
  };
  size_t i = 0;
  bool in_quote = false;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = utf8::Next(text, &i);
    CharClass cls = Classify(ct, c);
    if (cls == CharClass::kNewline) { flush(start); in_quote = false; continue; }
    if (cls == CharClass::kSpace) continue;
    Token tok;
    tok.begin = start;
    if (cls == CharClass::kWord) {
      tok.kind = TokenKind::kWord;
      tok.arabic = utf8::IsArabicLetter(c);
      size_t j = i;
      while (j < text.size()) {
        size_t k = j;
        char32_t d = utf8::Next(text, &k);
        CharClass dc = Classify(ct, d);
        if (dc != CharClass::kWord && dc != CharClass::kDigit) break;
        if (!tok.arabic) tok.arabic = utf8::IsArabicLetter(d);
        j = k;
      }
      i = j;
    } else if (cls == CharClass::kDigit) {
      tok.kind = TokenKind::kNumber;
      size_t j = i;
      while (j < text.size()) {
        size_t k = j;
        char32_t d = utf8::Next(text, &k);
        CharClass dc = Classify(ct, d);
        if (dc == CharClass::kDigit) { j = k; continue; }
        // inner separators: 3.5  1,000  10:30  27/10/2023  ٣٫٥
        if (d == '.' || d == ',' || d == ':' || d == '/' || d == 0x066B || d == 0x066C) {
          size_t m = k;
          if (m < text.size()) {
            char32_t e = utf8::Next(text, &m);
            if (Classify(ct, e) == CharClass::kDigit) { j = m; continue; }
          }
        }
        break;
      }
      i = j;
    } else {
      tok.kind = TokenKind::kPunct;
    }
    tok.end = i;
    norm_->NormalizeTo(text.substr(tok.begin, tok.end - tok.begin), &tok.norm);
    if (tok.kind == TokenKind::kWord && tok.arabic) {
      // Was the last letter (before any harakat or tatweel) a teh marbuta? Scan back.
      std::string_view surf = text.substr(tok.begin, tok.end - tok.begin);
      char32_t lastc = 0;
      size_t e = surf.size();
      while (e > 0) {
        size_t b = e - 1;
        while (b > 0 && (static_cast<unsigned char>(surf[b]) & 0xC0) == 0x80) --b;
        size_t q = b;
        char32_t c2 = utf8::Next(surf, &q);
        if (!utf8::IsArabicMark(c2)) { lastc = c2; break; }
        e = b;
      }
      tok.segs = Segments(tok.norm, lastc == 0x0629, all_alternatives);
    }
    else tok.segs.push_back({"", tok.norm, "", Fnv1a32(tok.norm)});
    bool end_sentence = false;
    if (tok.kind == TokenKind::kPunct) {
      // Quotation state: a terminator inside a quotation does not end the sentence.
      if (c == '"') in_quote = !in_quote;
      else if (c == 0x00AB || c == 0x201C) in_quote = true;
      else if (c == 0x00BB || c == 0x201D) in_quote = false;
    }
    if (tok.kind == TokenKind::kPunct && IsSentenceEnd(c) && !in_quote) {
      // Not after a one-letter abbreviation («د.», «U.»).
      bool abbrev = false;
      if (c == '.' && !cur.tokens.empty()) {
        const Token& prev = cur.tokens.back();
        abbrev = prev.kind == TokenKind::kWord && prev.end == tok.begin && utf8::Length(prev.norm) == 1;
      }
      size_t k = i;
      bool followed_by_break = true;
      if (k < text.size()) {
        char32_t n = utf8::Next(text, &k);
        CharClass nc = Classify(ct, n);
        followed_by_break = nc == CharClass::kSpace || nc == CharClass::kNewline || n == '"' ||
                            n == 0x00BB || n == 0x201D || IsSentenceEnd(n);
      }
      end_sentence = !abbrev && followed_by_break;
    }
    cur.tokens.push_back(std::move(tok));
    if (end_sentence) {
      // Keep following closing quotes / repeated terminators in this sentence.
      while (i < text.size()) {
        size_t k = i;
        char32_t n = utf8::Next(text, &k);
        if (!(IsSentenceEnd(n) || n == '"' || n == 0x00BB || n == 0x201D)) break;
        Token t;
        t.begin = i; t.end = k; t.kind = TokenKind::kPunct;
        norm_->NormalizeTo(text.substr(i, k - i), &t.norm);
        t.segs.push_back({"", t.norm, "", Fnv1a32(t.norm)});
        cur.tokens.push_back(std::move(t));
        i = k;
      }
      flush(i);
    }
  }
  flush(text.size());
  return sentences;
}

}  // namespace hadath
