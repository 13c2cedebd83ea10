#include "text/tokenizer.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <type_traits>

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
  TsvFile endings;
  HADATH_RETURN_IF_ERROR(LoadTsv(data_dir, "ar/stem_endings.tsv", {"ending", "base"}, &endings));
  stem_endings_.clear();
  for (const auto& row : endings.rows) {
    StemEnding e{norm_->Normalize(row.Get("ending")), norm_->Normalize(row.Get("base"))};
    if (e.ending.empty() || e.base.empty()) return Status::Corrupt(row.rule + ": ending and base must not be empty");
    stem_endings_.push_back(std::move(e));
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
  SetVocabulary(std::vector<std::string>(words.begin(), words.end()));  // (sorted there: the same table whatever the set's order)
}

void Tokenizer::SetVocabulary(std::vector<std::string> words) {
  vocab_words_ = std::move(words);
  if (!std::is_sorted(vocab_words_.begin(), vocab_words_.end()) ||
      std::adjacent_find(vocab_words_.begin(), vocab_words_.end()) != vocab_words_.end()) {
    std::sort(vocab_words_.begin(), vocab_words_.end());
    vocab_words_.erase(std::unique(vocab_words_.begin(), vocab_words_.end()), vocab_words_.end());
  }
  BuildVocabularyTable();
}

void Tokenizer::BuildVocabularyTable() {
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
  static std::atomic<uint64_t> next_id{0};  // (ids unique in the process: a cache keyed by one never goes stale)
  vocab_id_ = ++next_id;
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

void TextArena::Clear() {
  cur_ = 0;
  used_ = 0;
  // A huge text leaves big chunks behind: keep a bounded amount for the next one.
  size_t kept = 0, k = 0;
  while (k < chunks_.size() && kept + chunks_[k].size <= kKeepBytes) kept += chunks_[k++].size;
  chunks_.resize(k);
}

void* TextArena::AllocateSlow(size_t n, size_t align) {
  while (cur_ < chunks_.size()) {
    Chunk& c = chunks_[cur_];
    const size_t at = (used_ + align - 1) & ~(align - 1);
    if (at + n <= c.size) {
      used_ = at + n;
      return c.data.get() + at;
    }
    if (used_ == 0) break;  // an unused chunk too small for n: replaced below
    ++cur_;
    used_ = 0;
  }
  Chunk c;
  c.size = std::max(kChunk, n + align);
  c.data = std::make_unique_for_overwrite<std::byte[]>(c.size);  // new[]: aligned for any fundamental type
  if (cur_ < chunks_.size()) chunks_[cur_] = std::move(c);
  else chunks_.push_back(std::move(c));
  used_ = n;
  return chunks_[cur_].data.get();
}

std::string_view TextArena::Concat(std::string_view a, std::string_view b) {
  if (a.size() + b.size() == 0) return {};
  char* p = static_cast<char*>(Allocate(a.size() + b.size(), 1));
  if (!a.empty()) std::memcpy(p, a.data(), a.size());
  if (!b.empty()) std::memcpy(p + a.size(), b.data(), b.size());
  return {p, a.size() + b.size()};
}

const Sentence& TokenizedText::at(size_t i) const {
  if (i >= n_) throw std::out_of_range("TokenizedText::at");
  return sentences_[i];
}

void TokenizedText::Clear() {
  n_ = 0;
  if (!sentences_.empty()) sentences_[0].tokens.clear();
  arena_.Clear();
}

Sentence& TokenizedText::Current() {
  if (n_ == sentences_.size()) {
    sentences_.emplace_back();
    sentences_.back().tokens.reserve(32);  // most news sentences: no regrowth
  }
  return sentences_[n_];
}

void TokenizedText::EndSentence(size_t end) {
  Sentence& s = Current();
  if (s.tokens.empty()) return;
  s.begin = s.tokens.front().begin;
  s.end = std::max(end, s.tokens.back().end);
  ++n_;
  if (n_ < sentences_.size()) sentences_[n_].tokens.clear();
}

SegmentList Tokenizer::Segments(std::string_view norm, bool ends_in_teh_marbuta, bool all_alternatives) const {
  SegmentList out;
  std::vector<Segment> scratch;
  std::string_view owned = out.arena_.Copy(norm);
  out.segs_ = SegmentsInto(owned, ends_in_teh_marbuta, all_alternatives, &out.arena_, &scratch);
  return out;
}

std::span<const Segment> Tokenizer::SegmentsInto(std::string_view norm, bool ends_in_teh_marbuta,
                                                 bool all_alternatives, TextArena* arena,
                                                 std::vector<Segment>* scratch) const {
  const bool filter = has_vocab_ && !all_alternatives;
  const Segment whole{{}, norm, {}, Fnv1a32(norm)};
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
  if (const auto* members = norm.size() >= 2 ? group_of(suffix_groups_, norm[norm.size() - 2], norm.back()) : nullptr)
    for (uint16_t k : *members) {
      const std::string& x = suffixes_[k];
      if (n_suf >= 32 || norm.size() <= x.size()) continue;
      if (!SameBytes(norm.data() + norm.size() - x.size(), x.data(), x.size())) continue;
      if (ends_in_teh_marbuta && x.size() == 2 && x[0] == '\xD9' && x[1] == '\x87') continue;  // ه from ة
      suf[n_suf++] = &x;
    }
  if (n_pre == 1 && n_suf == 1) {  // (built in place: see TextArena::NewSegments)
    const std::span<Segment> one = arena->NewSegments(1);
    one[0].stem = norm;
    one[0].hash = whole.hash;
    return one;
  }
  scratch->clear();
  scratch->push_back(whole);
  static constexpr std::string_view kLl = "\xD9\x84\xD9\x84", kAl = "\xD8\xA7\xD9\x84";
  static constexpr std::string_view kYa = "\xD9\x8A";  // «ي»
  auto EndsWithArticle = [&](std::string_view q) {
    return q.size() >= 4 && (q.substr(q.size() - 4) == kAl || q.substr(q.size() - 4) == kLl);
  };
  // (two letters at least after it: «ألفي» is folded to «الفي», the dual of «ألف» + nothing)
  auto StartsWithArticle = [&](std::string_view q) { return q.size() >= 8 && q.substr(0, 4) == kAl; };
  char joined[128];  // «ال» + stem, for the vocabulary lookup (longer stems: the arena)
  for (size_t a = 0; a < n_pre; ++a) {
    const std::string_view p = pre[a] ? std::string_view(*pre[a]) : std::string_view();
    for (size_t b = 0; b < n_suf; ++b) {
      if (a == 0 && b == 0) continue;
      const std::string_view x = suf[b] ? std::string_view(*suf[b]) : std::string_view();
      if (p.size() + x.size() >= norm.size()) continue;
      const std::string_view stem_view = norm.substr(p.size(), norm.size() - p.size() - x.size());
      // Length in code points; 4 bytes per code point at most, so long stems need no count.
      if (stem_view.size() < 4 * min_stem_ && utf8::Length(stem_view) < min_stem_) continue;
      // A word with the article takes no possessive pronoun: no suffix after a prefix that
      // ends in «ال»/«لل», and «ي» (my: nouns only) is not split off a stem that starts
      // with «ال» and two more letters — «الصحافي» is the nisba adjective, not «الصحاف» + ي.
      if (!x.empty() && (EndsWithArticle(p) || (x == kYa && StartsWithArticle(stem_view)))) continue;
      const bool ll = p.size() >= kLl.size() && SameBytes(p.data() + p.size() - kLl.size(), kLl.data(), kLl.size());
      const uint32_t h = Fnv1a32(stem_view);
      const bool known = !filter || InVocabulary(stem_view, h);
      // «لل» is ل + ال with the alef dropped: also offer the stem with its
      // article back («للأمم» → ل + الأمم), for entries written with «ال».
      if (ll) {
        std::string_view with_article;
        if (kAl.size() + stem_view.size() <= sizeof joined) {
          std::memcpy(joined, kAl.data(), kAl.size());
          std::memcpy(joined + kAl.size(), stem_view.data(), stem_view.size());
          with_article = std::string_view(joined, kAl.size() + stem_view.size());
        } else {
          with_article = arena->Concat(kAl, stem_view);
        }
        const uint32_t h_article = Fnv1a32(with_article);
        if (!filter || InVocabulary(with_article, h_article)) {
          if (with_article.data() == joined) with_article = arena->Copy(with_article);
          scratch->push_back({p.substr(0, p.size() - 2), with_article, x, h_article});
        }
      }
      if (known) scratch->push_back({p, stem_view, x, h});
      // A suffix changes how the stem ends (ar/stem_endings.tsv): offer it as
      // spelt alone, built on the stack and kept only when some entry knows it.
      if (!x.empty())
        for (const StemEnding& e : stem_endings_) {
          const size_t keep = stem_view.size() - std::min(stem_view.size(), e.ending.size());
          if (keep == 0 || keep + e.base.size() > sizeof joined ||
              !SameBytes(stem_view.data() + keep, e.ending.data(), e.ending.size()))
            continue;
          std::memcpy(joined, stem_view.data(), keep);
          std::memcpy(joined + keep, e.base.data(), e.base.size());
          const std::string_view restored(joined, keep + e.base.size());
          const uint32_t h_restored = Fnv1a32(restored);
          if (!filter || InVocabulary(restored, h_restored))
            scratch->push_back({p, arena->Copy(restored), x, h_restored});
        }
    }
  }
  return arena->Copy(std::span<const Segment>(*scratch));
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

TokenizedText Tokenizer::Split(std::string_view text, bool all_alternatives) const {
  TokenizedText out;
  Split(text, &out, all_alternatives);
  return out;
}

void Tokenizer::Split(std::string_view text, TokenizedText* out, bool all_alternatives) const {
  out->Clear();
  if (english_) {
    if (all_alternatives) return english::Split(text, *norm_, [](std::string_view) { return true; }, out);
    if (!has_vocab_) return english::Split(text, *norm_, nullptr, out);  // dictionary phrases: forms only
    return english::Split(text, *norm_, [this](std::string_view stem) { return InVocabulary(stem); }, out, vocab_id_);
  }
  const uint8_t* ct = ClassTable();
  TextArena& arena = out->arena();
  std::string& scratch = out->scratch();
  std::vector<Segment>& seg_scratch = out->segment_scratch();
  std::vector<Token>* cur = &out->Current().tokens;
  const size_t expansion = norm_->max_expansion();
  // One token: its matching form and its readings stored in the arena, the token itself built in
  // place at the end of the sentence (see TextArena::NewSegments).
  auto add = [&](const Token& tok, bool split_clitics, bool ends_in_teh_marbuta) {
    const std::string_view surface = text.substr(tok.begin, tok.end - tok.begin);
    // Straight into the arena; the rare token that needs NFKC goes through a string.
    char* room = arena.Reserve(surface.size() * expansion);
    size_t len = 0;
    std::string_view form;
    if (norm_->NormalizeRaw(surface, room, &len)) {
      form = arena.Shrink(room, len);
    } else {
      arena.Shrink(room, 0);
      norm_->NormalizeTo(surface, &scratch);
      form = arena.Copy(scratch);
    }
    std::span<const Segment> segs;
    if (split_clitics) {
      segs = SegmentsInto(form, ends_in_teh_marbuta, all_alternatives, &arena, &seg_scratch);
    } else {
      const std::span<Segment> whole = arena.NewSegments(1);
      whole[0].stem = form;
      whole[0].hash = Fnv1a32(form);
      segs = whole;
    }
    Token& t = cur->emplace_back();
    t.begin = tok.begin;
    t.end = tok.end;
    t.kind = tok.kind;
    t.arabic = tok.arabic;
    t.norm = form;
    t.segs = segs;
  };
  auto flush = [&](size_t end) {
    out->EndSentence(end);
    cur = &out->Current().tokens;
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
      add(tok, true, lastc == 0x0629);
    } else {
      add(tok, false, false);
    }
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
      if (c == '.' && cur->size() >= 2) {
        const Token& prev = (*cur)[cur->size() - 2];
        abbrev = prev.kind == TokenKind::kWord && prev.end == tok.begin && utf8::Length(prev.norm) == 1;
      }
      size_t k = i;
      bool followed_by_break = true;
      if (k < text.size()) {
        char32_t n = utf8::Next(text, &k);
        CharClass nc = Classify(ct, n);
        followed_by_break = nc == CharClass::kSpace || nc == CharClass::kNewline || n == '"' ||
                            n == 0x00BB || n == 0x201D || IsSentenceEnd(n);
        // A stop glued between two Arabic words («الوكالة.وكانت», scraped text) ends the
        // sentence too (a one-letter word before it is an abbreviation: «أ.ف.ب»).
        if (c == '.' && !followed_by_break && utf8::IsArabicLetter(n) && cur->size() >= 2) {
          const Token& prev = (*cur)[cur->size() - 2];
          followed_by_break = prev.kind == TokenKind::kWord && prev.arabic && prev.end == tok.begin;
        }
      }
      end_sentence = !abbrev && followed_by_break;
    }
    if (end_sentence) {
      // Keep following closing quotes / repeated terminators in this sentence.
      while (i < text.size()) {
        size_t k = i;
        char32_t n = utf8::Next(text, &k);
        if (!(IsSentenceEnd(n) || n == '"' || n == 0x00BB || n == 0x201D)) break;
        Token t;
        t.begin = i; t.end = k; t.kind = TokenKind::kPunct;
        add(t, false, false);
        i = k;
      }
      flush(i);
    }
  }
  flush(text.size());
}

}  // namespace hadath
