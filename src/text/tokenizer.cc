#include "text/tokenizer.h"

#include <algorithm>

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
  auto longer = [](const std::string& a, const std::string& b) { return a.size() > b.size(); };
  std::stable_sort(prefixes_.begin(), prefixes_.end(), longer);
  std::stable_sort(suffixes_.begin(), suffixes_.end(), longer);
  return Status::OK();
}

std::vector<Segment> Tokenizer::Segments(const std::string& norm, bool ends_in_teh_marbuta) const {
  std::vector<Segment> out;
  out.push_back({"", norm, ""});
  std::vector<std::string> pre = {""};
  for (const auto& p : prefixes_)
    if (norm.size() > p.size() && norm.compare(0, p.size(), p) == 0) pre.push_back(p);
  for (const auto& p : pre) {
    std::string rest = norm.substr(p.size());
    for (size_t k = 0; k <= suffixes_.size(); ++k) {
      std::string s = k == suffixes_.size() ? std::string() : suffixes_[k];
      if (p.empty() && s.empty()) continue;
      if (ends_in_teh_marbuta && s == "\xD9\x87") continue;  // ه from ة
      if (!s.empty() && (rest.size() <= s.size() || rest.compare(rest.size() - s.size(), s.size(), s) != 0))
        continue;
      std::string stem = rest.substr(0, rest.size() - s.size());
      if (utf8::Length(stem) < min_stem_) continue;
      out.push_back({p, stem, s});
      // «لل» is ل + ال with the alef dropped: also offer the stem with its
      // article back («للأمم» → ل + الأمم), for entries written with «ال».
      static const std::string kLl = "\xD9\x84\xD9\x84", kAl = "\xD8\xA7\xD9\x84";
      if (p.size() >= kLl.size() && p.compare(p.size() - kLl.size(), kLl.size(), kLl) == 0)
        out.push_back({p.substr(0, p.size() - 2), kAl + stem, s});
    }
  }
  return out;
}

namespace {

enum class CharClass { kSpace, kNewline, kWord, kDigit, kPunct };

CharClass Classify(char32_t c) {
  if (c == '\n' || c == 0x2028 || c == 0x2029) return CharClass::kNewline;
  if (c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || u_isspace(static_cast<UChar32>(c))) return CharClass::kSpace;
  if (c >= 0x200B && c <= 0x200D) return CharClass::kWord;  // zero-width joiners stay in words
  if (u_isdigit(static_cast<UChar32>(c))) return CharClass::kDigit;
  if (utf8::IsArabicMark(c) || u_isalpha(static_cast<UChar32>(c)) ||
      u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GENERAL_CATEGORY_MASK) & (U_GC_M_MASK))
    return CharClass::kWord;
  return CharClass::kPunct;
}

bool IsSentenceEnd(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x06D4;
}

}  // namespace

std::vector<Sentence> Tokenizer::Split(std::string_view text) const {
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
  while (i < text.size()) {
    size_t start = i;
    char32_t c = utf8::Next(text, &i);
    CharClass cls = Classify(c);
    if (cls == CharClass::kNewline) { flush(start); continue; }
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
      std::string_view surf = text.substr(tok.begin, tok.end - tok.begin);
      size_t last = surf.size();
      // skip trailing harakat / tatweel to find the last letter
      char32_t lastc = 0;
      size_t q = 0;
      while (q < last) { char32_t c2 = utf8::Next(surf, &q); if (!utf8::IsArabicMark(c2)) lastc = c2; }
      tok.segs = Segments(tok.norm, lastc == 0x0629);
    }
    else tok.segs.push_back({"", tok.norm, ""});
    bool end_sentence = false;
    if (tok.kind == TokenKind::kPunct && IsSentenceEnd(c)) {
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
