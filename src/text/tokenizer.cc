#include "text/tokenizer.h"

#include <algorithm>
#include <cstring>

#include <unicode/uchar.h>

#include "util/tsv.h"
#include "util/utf8.h"

namespace hadath {

Status Tokenizer::Load(const std::string& data_dir, const Normalizer* normalizer) {
  norm_ = normalizer;
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
  prefix_initials_.clear();
  suffix_finals_.clear();
  for (const auto& p : prefixes_)
    if (p.size() >= 2 && prefix_initials_.find(p.substr(0, 2)) == std::string::npos) prefix_initials_ += p.substr(0, 2);
  for (const auto& x : suffixes_)
    if (x.size() >= 2 && suffix_finals_.find(x.substr(x.size() - 2)) == std::string::npos) suffix_finals_ += x.substr(x.size() - 2);
  auto longer = [](const std::string& a, const std::string& b) { return a.size() > b.size(); };
  std::stable_sort(prefixes_.begin(), prefixes_.end(), longer);
  std::stable_sort(suffixes_.begin(), suffixes_.end(), longer);
  return Status::OK();
}

void Tokenizer::SetVocabulary(std::unordered_set<std::string> words) {
  vocab_.clear();
  for (auto& w : words) vocab_.insert(std::move(w));
  has_vocab_ = true;
}

bool Tokenizer::InVocabulary(std::string_view w) const { return vocab_.find(w) != vocab_.end(); }

std::vector<Segment> Tokenizer::Segments(const std::string& norm, bool ends_in_teh_marbuta,
                                         bool all_alternatives) const {
  const bool filter = has_vocab_ && !all_alternatives;
  std::vector<Segment> out;
  out.push_back({"", norm, ""});
  // Which prefixes and suffixes fit the word at all: each is checked once.
  const std::string* pre[32];
  size_t n_pre = 0;
  pre[n_pre++] = nullptr;  // no prefix
  // Every clitic starts (prefixes) or ends (suffixes) with one of a few letters: test those
  // first so that most words skip the lists entirely.
  auto first_letter_in = [](const std::string& w, const std::string& letters) {
    return w.size() >= 2 && letters.find(w.substr(0, 2)) != std::string::npos;
  };
  if (first_letter_in(norm, prefix_initials_))
    for (const auto& p : prefixes_)
      if (n_pre < 32 && norm.size() > p.size() && std::memcmp(norm.data(), p.data(), p.size()) == 0) pre[n_pre++] = &p;
  const std::string* suf[32];
  size_t n_suf = 0;
  suf[n_suf++] = nullptr;  // no suffix
  const bool may_have_suffix = norm.size() >= 2 && suffix_finals_.find(norm.substr(norm.size() - 2)) != std::string::npos;
  for (const auto& x : suffixes_) {
    if (!may_have_suffix) break;
    if (n_suf >= 32 || norm.size() <= x.size()) continue;
    if (std::memcmp(norm.data() + norm.size() - x.size(), x.data(), x.size()) != 0) continue;
    if (ends_in_teh_marbuta && x == "\xD9\x87") continue;  // ه from ة
    suf[n_suf++] = &x;
  }
  if (n_pre == 1 && n_suf == 1) return out;
  static const std::string kLl = "\xD9\x84\xD9\x84", kAl = "\xD8\xA7\xD9\x84";
  for (size_t a = 0; a < n_pre; ++a) {
    size_t pl = pre[a] ? pre[a]->size() : 0;
    for (size_t b = 0; b < n_suf; ++b) {
      if (a == 0 && b == 0) continue;
      size_t sl = suf[b] ? suf[b]->size() : 0;
      if (pl + sl >= norm.size()) continue;
      std::string_view stem_view(norm.data() + pl, norm.size() - pl - sl);
      if (utf8::Length(stem_view) < min_stem_) continue;
      bool ll = pre[a] && pre[a]->size() >= kLl.size() &&
                pre[a]->compare(pre[a]->size() - kLl.size(), kLl.size(), kLl) == 0;
      bool known = !filter || InVocabulary(stem_view);
      bool known_with_article = ll && (!filter || InVocabulary(kAl + std::string(stem_view)));
      if (!known && !known_with_article) continue;
      std::string stem(stem_view);
      std::string p = pre[a] ? *pre[a] : std::string();
      std::string x = suf[b] ? *suf[b] : std::string();
      // «لل» is ل + ال with the alef dropped: also offer the stem with its
      // article back («للأمم» → ل + الأمم), for entries written with «ال».
      if (known_with_article) out.push_back({p.substr(0, p.size() - 2), kAl + stem, x});
      if (known) out.push_back({std::move(p), std::move(stem), std::move(x)});
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
CharClass Classify(char32_t c) {
  static const std::vector<uint8_t> table = [] {
    std::vector<uint8_t> t(0x10000);
    for (char32_t cp = 0; cp < 0x10000; ++cp) t[cp] = static_cast<uint8_t>(ClassifySlow(cp));
    return t;
  }();
  return c < 0x10000 ? static_cast<CharClass>(table[c]) : ClassifySlow(c);
}

bool IsSentenceEnd(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x06D4;
}

}  // namespace

std::vector<Sentence> Tokenizer::Split(std::string_view text, bool all_alternatives) const {
  std::vector<Sentence> sentences;
  Sentence cur;
  auto flush = [&](size_t end) {
    if (!cur.tokens.empty()) {
      cur.begin = cur.tokens.front().begin;
      cur.end = std::max(end, cur.tokens.back().end);
      sentences.push_back(std::move(cur));
    }
    cur = Sentence();
  };
  size_t i = 0;
  bool in_quote = false;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = utf8::Next(text, &i);
    CharClass cls = Classify(c);
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
        CharClass dc = Classify(d);
        if (dc != CharClass::kWord && dc != CharClass::kDigit) break;
        tok.arabic |= utf8::IsArabicLetter(d);
        j = k;
      }
      i = j;
    } else if (cls == CharClass::kDigit) {
      tok.kind = TokenKind::kNumber;
      size_t j = i;
      while (j < text.size()) {
        size_t k = j;
        char32_t d = utf8::Next(text, &k);
        CharClass dc = Classify(d);
        if (dc == CharClass::kDigit) { j = k; continue; }
        // inner separators: 3.5  1,000  10:30  27/10/2023  ٣٫٥
        if (d == '.' || d == ',' || d == ':' || d == '/' || d == 0x066B || d == 0x066C) {
          size_t m = k;
          if (m < text.size()) {
            char32_t e = utf8::Next(text, &m);
            if (Classify(e) == CharClass::kDigit) { j = m; continue; }
          }
        }
        break;
      }
      i = j;
    } else {
      tok.kind = TokenKind::kPunct;
    }
    tok.end = i;
    tok.norm = norm_->Normalize(text.substr(tok.begin, tok.end - tok.begin));
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
    else tok.segs.push_back({"", tok.norm, ""});
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
        CharClass nc = Classify(n);
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
        t.norm = norm_->Normalize(text.substr(i, k - i));
        t.segs.push_back({"", t.norm, ""});
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
