#include "text/english.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "text/stemmer.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace hadath::english {
namespace {

enum class Cls { kSpace, kNewline, kLetter, kDigit, kOther };

Cls ClassifyAscii(char32_t c) {
  if (c == '\n') return Cls::kNewline;
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return Cls::kSpace;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Cls::kLetter;
  if (c >= '0' && c <= '9') return Cls::kDigit;
  return Cls::kOther;
}

// The class of every ASCII character, computed once (most of English text).
struct AsciiClasses {
  Cls cls[128];
  bool alnum[256] = {};  // ASCII letters and digits (bytes >= 0x80: false)
  AsciiClasses() {
    for (char32_t c = 0; c < 128; ++c) {
      cls[c] = ClassifyAscii(c);
      alnum[c] = cls[c] == Cls::kLetter || cls[c] == Cls::kDigit;
    }
  }
};
const AsciiClasses kAscii;

Cls ClassifySlow(char32_t c);

inline Cls Classify(char32_t c) { return c < 0x80 ? kAscii.cls[c] : ClassifySlow(c); }

Cls ClassifySlow(char32_t c) {
  if (c == 0x2028 || c == 0x2029) return Cls::kNewline;
  if (c == 0xA0 || u_isspace(static_cast<UChar32>(c))) return Cls::kSpace;
  if (c >= 0x200B && c <= 0x200D) return Cls::kLetter;
  if (u_isdigit(static_cast<UChar32>(c))) return Cls::kDigit;
  if (u_isalpha(static_cast<UChar32>(c)) ||
      (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK))
    return Cls::kLetter;
  return Cls::kOther;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsTerminator(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
bool IsClosing(char32_t c) { return c == '"' || c == 0x201D || c == 0x2019 || c == '\'' || c == ')' || c == ']' || c == 0x00BB; }
bool IsOpeningQuote(char32_t c) { return c == '"' || c == 0x201C || c == 0x2018 || c == '\'' || c == '(' || c == 0x00AB; }
bool IsUpper(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(c)); }

char32_t At(std::string_view s, size_t i, size_t* next = nullptr) {
  size_t k = i;
  char32_t c = utf8::Next(s, &k);
  if (next) *next = k;
  return c;
}

// Clitics written after an apostrophe that are tokens of their own.
bool IsClitic(std::string_view lower) {
  return lower == "s" || lower == "re" || lower == "ve" || lower == "ll" || lower == "d" || lower == "m" ||
         lower == "t";
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Words after which an acronym's final period does end a sentence.
bool IsSentenceStarter(std::string_view lower) {
  static const std::array<std::string_view, 24> kWords = {
      "the", "a", "an", "it", "he", "she", "they", "we", "i", "in", "on", "but",
      "this", "that", "his", "her", "its", "their", "there", "after", "as", "at", "officials", "meanwhile"};
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

}  // namespace

bool IsAbbreviation(std::string_view w) {
  static const std::array<std::string_view, 62> kAbbrev = {
      "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "cdr",
      "brig", "gov", "sen", "rep", "reps", "pres", "sec", "amb", "rev", "hon", "st", "sr", "jr", "messrs",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
      "no", "vs", "v", "inc", "corp", "co", "ltd", "dept", "est", "approx", "ft"};
  return std::find(kAbbrev.begin(), kAbbrev.end(), w) != kAbbrev.end();
}

std::string Fold(std::string_view surface, const Normalizer& norm) {
  // A word of two or three capitals is an acronym: "US" → "u.s.".
  if (surface.size() >= 2 && surface.size() <= 3 &&
      std::all_of(surface.begin(), surface.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    std::string out;
    for (char c : surface) { out.push_back(static_cast<char>(c - 'A' + 'a')); out.push_back('.'); }
    return out;
  }
  std::string out = norm.Normalize(surface);
  // ’ → '
  if (out.find("\xE2\x80\x99") != std::string::npos) {
    std::string folded;
    for (size_t i = 0; i < out.size();) {
      if (out.compare(i, 3, "\xE2\x80\x99") == 0) { folded += '\''; i += 3; }
      else folded += out[i++];
    }
    out.swap(folded);
  }
  if (out == "n't") return "not";
  return out;
}

namespace {
// A cached stem: the form and its Snowball stem inline (one cache line), the form's and the
// stem's Fnv1a32, and keep_stem's answer for the stem under the vocabulary id `keep_id` (0: not
// asked yet). Forms or stems longer than kMaxLen are not cached.
struct alignas(64) StemSlot {
  static constexpr size_t kMaxLen = 22;
  uint32_t hash = 0, stem_hash = 0;
  uint64_t keep_id = 0;
  uint8_t form_len = 0, stem_len = 0;
  bool used = false, keep = false;
  char form[kMaxLen], stem[kMaxLen];
  std::string_view Form() const { return {form, form_len}; }
  std::string_view Stem() const { return {stem, stem_len}; }
};
static_assert(sizeof(StemSlot) == 64);

// StemOf's work; `hash` is Fnv1a32(form). Null when the form or its stem is too long to cache
// (then *stem holds the stem). The pointer is valid until this thread's next call.
// News repeats its words: this thread's stems (Snowball costs ~1 µs a word) are remembered in
// a two-way set-associative table of 2^14 sets (2 MiB), the most recently used way first. The
// set of a form's hash:
StemSlot* StemSet(uint32_t hash) {
  constexpr size_t kSets = 1 << 14;
  thread_local std::vector<StemSlot> cache(2 * kSets);
  return &cache[2 * ((hash ^ (hash >> 14)) & (kSets - 1))];
}

StemSlot* CachedStem(std::string_view form, uint32_t hash, std::string* stem) {
  StemSlot* set = StemSet(hash);
  for (int w = 0; w < 2; ++w) {
    StemSlot& s = set[w];
    if (s.used && s.hash == hash && s.Form() == form) {
      if (w == 1) std::swap(set[0], set[1]);
      return &set[0];
    }
  }
  *stem = Stem(form, StemLang::kEnglish);
  if (form.size() > StemSlot::kMaxLen || stem->size() > StemSlot::kMaxLen) return nullptr;
  set[1] = set[0];  // (the older way goes)
  StemSlot& s = set[0];
  s.used = true;
  s.hash = hash;
  s.stem_hash = Fnv1a32(*stem);
  s.keep_id = 0;
  s.keep = false;
  s.form_len = static_cast<uint8_t>(form.size());
  s.stem_len = static_cast<uint8_t>(stem->size());
  std::memcpy(s.form, form.data(), form.size());
  std::memcpy(s.stem, stem->data(), stem->size());
  return &s;
}

// Fold() straight into the arena (no allocation in the common case).
std::string_view FoldInto(std::string_view surface, const Normalizer& norm, TextArena* arena) {
  if (surface.size() >= 2 && surface.size() <= 3 &&
      std::all_of(surface.begin(), surface.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    char* p = arena->Reserve(2 * surface.size());
    for (size_t k = 0; k < surface.size(); ++k) {
      p[2 * k] = static_cast<char>(surface[k] - 'A' + 'a');
      p[2 * k + 1] = '.';
    }
    return arena->Shrink(p, 2 * surface.size());
  }
  char* room = arena->Reserve(surface.size() * norm.max_expansion());
  size_t len = 0;
  if (!norm.NormalizeRaw(surface, room, &len)) {
    arena->Shrink(room, 0);
    return arena->Copy(Fold(surface, norm));
  }
  // ’ → ' (in place: the text only gets shorter). (Most words have no byte 0xE2: looked for
  // inline, not by a call to memchr per word.)
  bool e2 = false;
  for (size_t r = 0; r < len; ++r) e2 |= room[r] == '\xE2';
  if (e2 && std::string_view(room, len).find("\xE2\x80\x99") != std::string_view::npos) {
    size_t w = 0;
    for (size_t r = 0; r < len;) {
      if (r + 3 <= len && std::memcmp(room + r, "\xE2\x80\x99", 3) == 0) {
        room[w++] = '\'';
        r += 3;
      } else {
        room[w++] = room[r++];
      }
    }
    len = w;
  }
  if (std::string_view(room, len) == "n't") std::memcpy(room, "not", 3);
  return arena->Shrink(room, len);
}

// Normalizer::Normalize() straight into the arena.
std::string_view NormalizeInto(std::string_view surface, const Normalizer& norm, TextArena* arena) {
  char* room = arena->Reserve(surface.size() * norm.max_expansion());
  size_t len = 0;
  if (norm.NormalizeRaw(surface, room, &len)) return arena->Shrink(room, len);
  arena->Shrink(room, 0);
  return arena->Copy(norm.Normalize(surface));
}
// A word of two or three capitals inside a dateline's place name, a run of capitalised words
// that opens a line and ends before "(", "," or a dash ("SAN SALVADOR (Agency) —", "TEL AVIV,
// LA PAZ —"), is a word of the name, not an acronym.
bool DatelineWord(std::string_view text, size_t b, size_t e) {
  if (e - b < 2 || e - b > 3) return false;
  auto caps = [](char c) { return c >= 'A' && c <= 'Z'; };
  for (size_t i = b; i < e; ++i) if (!caps(text[i])) return false;
  size_t s = b, words = 1;
  while (s > 0 && (caps(text[s - 1]) || text[s - 1] == ' ' || text[s - 1] == '-' || text[s - 1] == '.')) {
    if (text[s - 1] == ' ' || text[s - 1] == '-') ++words;
    --s;
  }
  if (s > 0 && text[s - 1] != '\n') return false;
  size_t f = e;
  while (f < text.size() && (caps(text[f]) || ((text[f] == ' ' || text[f] == '-') && f + 1 < text.size() && caps(text[f + 1])))) {
    if (!caps(text[f])) ++words;
    ++f;
  }
  if (words < 2 || f >= text.size()) return false;
  return text[f] == ',' || text.compare(f, 2, " (") == 0 || text.compare(f, 2, " -") == 0 ||
         text.compare(f, 4, " \xE2\x80\x94") == 0 || text.compare(f, 4, " \xE2\x80\x93") == 0;
}
}  // namespace

std::string StemOf(std::string_view form) {
  std::string stem;
  const StemSlot* s = CachedStem(form, Fnv1a32(form), &stem);
  return s ? std::string(s->Stem()) : stem;
}

void Split(std::string_view text, const Normalizer& norm, const std::function<bool(std::string_view)>& keep_stem,
           TokenizedText* out, uint64_t keep_id) {
  out->Clear();
  TextArena& arena = out->arena();
  std::vector<Token>* cur = &out->Current().tokens;
  // A word's stem reading is added one token late: the stem cache set of its form is fetched
  // from memory while the next token is read (the cache is large and, between documents, mostly
  // out of the processor's caches; a lookup right away would wait for it).
  bool stem_pending = false;  // cur->back() waits for its readings
  uint32_t pending_hash = 0;  // ... and this is Fnv1a32 of its form
  auto finish_stem = [&] {
    if (!stem_pending) return;
    stem_pending = false;
    Token& t = cur->back();
    // Each reading carries its stem's hash (Segment::hash), so that no matcher hashes it again.
    std::string_view stem;  // (a second reading: the stem, when a dictionary knows it)
    uint32_t stem_hash = 0;
    thread_local std::string long_stem;
    if (StemSlot* st = CachedStem(t.norm, pending_hash, &long_stem)) {
      if (st->stem_hash != pending_hash || st->Stem() != t.norm) {  // (the hashes first: no memcmp)
        if (!keep_id || st->keep_id != keep_id) {
          st->keep = keep_stem(st->Stem());
          st->keep_id = keep_id;
        }
        if (st->keep) { stem = arena.Copy(st->Stem()); stem_hash = st->stem_hash; }
      }
    } else if (long_stem != t.norm && keep_stem(long_stem)) {
      stem = arena.Copy(long_stem);
      stem_hash = Fnv1a32(long_stem);
    }
    const std::span<Segment> readings = arena.NewSegments(stem.empty() ? 1 : 2);
    readings[0].stem = t.norm;
    readings[0].hash = pending_hash;
    if (!stem.empty()) {
      readings[1].prefix = kStemMark;
      readings[1].stem = stem;
      readings[1].hash = stem_hash;
    }
    t.segs = readings;
  };
  auto flush = [&](size_t end) {
    finish_stem();
    out->EndSentence(end);
    cur = &out->Current().tokens;
  };
  auto emit = [&](size_t b, size_t e, TokenKind kind) {
    const std::string_view form = kind == TokenKind::kWord && !DatelineWord(text, b, e)
                                      ? FoldInto(text.substr(b, e - b), norm, &arena)
                                      : NormalizeInto(text.substr(b, e - b), norm, &arena);
    const uint32_t hash = Fnv1a32(form);
    const bool stem = keep_stem && kind == TokenKind::kWord && form.size() > 3;
    if (stem) __builtin_prefetch(StemSet(hash));
    finish_stem();  // (the word before this one)
    // (built in place: see TextArena::NewSegments)
    Token& t = cur->emplace_back();
    t.begin = b;
    t.end = e;
    t.kind = kind;
    t.norm = form;
    if (!stem) {
      const std::span<Segment> reading = arena.NewSegments(1);
      reading[0].stem = form;
      reading[0].hash = hash;
      t.segs = reading;
    }
    stem_pending = stem;
    pending_hash = hash;
  };
  const size_t n = text.size();
  // The first non-space character at or after i (its class), for sentence ends.
  auto next_visible = [&](size_t i, char32_t* c) {
    while (i < n) {
      size_t k;
      char32_t d = At(text, i, &k);
      Cls cl = Classify(d);
      if (cl == Cls::kNewline) { *c = '\n'; return i; }
      if (cl != Cls::kSpace) { *c = d; return i; }
      i = k;
    }
    *c = 0;
    return n;
  };
  // Does the text at i start a new sentence?
  auto starts_sentence = [&](size_t i) {
    char32_t c;
    size_t p = next_visible(i, &c);
    if (c == 0 || c == '\n') return true;
    if (p == i) return false;  // no space after the terminator
    Cls cl = Classify(c);
    if (cl == Cls::kDigit || IsOpeningQuote(c) || c == 0x2014 || c == '-') return true;
    return cl == Cls::kLetter && IsUpper(c);
  };
  bool in_quote = false;
  size_t i = 0;
  while (i < n) {
    size_t start = i, k;
    char32_t c = At(text, i, &k);
    Cls cls = Classify(c);
    if (cls == Cls::kNewline) { flush(start); in_quote = false; i = k; continue; }
    if (cls == Cls::kSpace) { i = k; continue; }
    if (cls == Cls::kLetter) {
      // Dotted acronym: single letters each followed by a period ("U.S.", "U.N.").
      size_t p = start, count = 0;
      while (p < n) {
        size_t q;
        char32_t l = At(text, p, &q);
        if (Classify(l) != Cls::kLetter || q >= n || text[q] != '.') break;
        ++count;
        p = q + 1;
      }
      if (count >= 2) {
        emit(start, p, TokenKind::kWord);
        i = p;
        // "… in the U.S. The talks …": the acronym's period ends the sentence
        // only before a word that typically starts one.
        char32_t d;
        size_t w = next_visible(i, &d);
        if (w > i && !in_quote && IsUpper(d)) {
          size_t e = w;
          while (e < n && Classify(At(text, e)) == Cls::kLetter) At(text, e, &e);
          if (IsSentenceStarter(Lower(text.substr(w, e - w)))) flush(i);
        }
        continue;
      }
      // A word: letters, digits and marks; apostrophes inside names stay ("O'Brien").
      size_t j = k;
      while (j < n && kAscii.alnum[static_cast<unsigned char>(text[j])]) ++j;  // (ASCII, most of it)
      while (j < n) {
        size_t q;
        char32_t d = At(text, j, &q);
        Cls dc = Classify(d);
        if (dc == Cls::kLetter || dc == Cls::kDigit) { j = q; continue; }
        if (IsApostrophe(d) && q < n && Classify(At(text, q)) == Cls::kLetter) {
          size_t e = q;
          while (e < n && Classify(At(text, e)) == Cls::kLetter) At(text, e, &e);
          if (!IsClitic(Lower(text.substr(q, e - q)))) { j = e; continue; }
        }
        break;
      }
      // "didn't" → did + n't
      size_t word_end = j;
      if (j < n && IsApostrophe(At(text, j))) {
        size_t q;
        At(text, j, &q);
        size_t e = q;
        while (e < n && Classify(At(text, e)) == Cls::kLetter) At(text, e, &e);
        std::string cl = Lower(text.substr(q, e - q));
        if (cl == "t" && j - start >= 2 && (text[j - 1] == 'n' || text[j - 1] == 'N')) {
          if (j - 1 > start) emit(start, j - 1, TokenKind::kWord);
          emit(j - 1, e, TokenKind::kWord);
          i = e;
          continue;
        }
        if (IsClitic(cl)) {
          emit(start, word_end, TokenKind::kWord);
          emit(j, e, TokenKind::kWord);  // 's 're 've 'll 'd 'm
          i = e;
          continue;
        }
      }
      emit(start, word_end, TokenKind::kWord);
      i = word_end;
      continue;
    }
    if (cls == Cls::kDigit) {
      size_t j = k;
      while (j < n) {
        size_t q;
        char32_t d = At(text, j, &q);
        Cls dc = Classify(d);
        if (dc == Cls::kDigit) { j = q; continue; }
        if ((d == '.' || d == ',' || d == ':' || d == '/') && q < n && Classify(At(text, q)) == Cls::kDigit) {
          j = q;
          continue;
        }
        break;
      }
      emit(start, j, TokenKind::kNumber);
      i = j;
      continue;
    }
    // An inner hyphen joining two words is not a token: "al-Qaeda" → al Qaeda.
    if (IsHyphen(c) && start > 0 && k < n && Classify(At(text, k)) == Cls::kLetter) {
      size_t b = start;
      while (b > 0 && (static_cast<unsigned char>(text[b - 1]) & 0xC0) == 0x80) --b;
      char32_t prev = b > 0 ? At(text, b - 1) : ' ';
      Cls pc = Classify(prev);
      if (pc == Cls::kLetter || pc == Cls::kDigit || prev == '.') { i = k; continue; }
    }
    // A clitic written on its own ("'s" in a dictionary entry) is the same token as after a word.
    if (IsApostrophe(c) && k < n && Classify(At(text, k)) == Cls::kLetter) {
      size_t e = k;
      while (e < n && Classify(At(text, e)) == Cls::kLetter) At(text, e, &e);
      if (IsClitic(Lower(text.substr(k, e - k)))) {
        emit(start, e, TokenKind::kWord);
        i = e;
        continue;
      }
    }
    // Punctuation.
    emit(start, k, TokenKind::kPunct);
    i = k;
    if (c == '"') in_quote = !in_quote;
    else if (c == 0x201C || c == 0x00AB) in_quote = true;
    else if (c == 0x201D || c == 0x00BB) in_quote = false;
    if (!IsTerminator(c)) continue;
    // A period after an abbreviation or a one-letter initial is not an end.
    if (c == '.' && cur->size() >= 2) {
      const Token& prev = (*cur)[cur->size() - 2];
      if (prev.kind == TokenKind::kWord && prev.end == start &&
          (IsAbbreviation(prev.norm) || utf8::Length(prev.norm) == 1))
        continue;
    }
    // Repeated terminators and closing quotes/brackets stay in this sentence.
    bool closed_quote = false;
    while (i < n) {
      size_t q;
      char32_t d = At(text, i, &q);
      if (!(IsTerminator(d) || IsClosing(d))) break;
      emit(i, q, TokenKind::kPunct);
      if (d == '"' || d == 0x201D || d == 0x00BB) closed_quote = true;
      i = q;
    }
    if (closed_quote) in_quote = false;
    if (in_quote) continue;
    if (starts_sentence(i)) flush(i);
  }
  flush(n);
}

}  // namespace hadath::english
