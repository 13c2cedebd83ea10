#include "text/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>

#include "util/tsv.h"
#include "util/utf8.h"

namespace hadath {

static bool ParseHex(const std::string& s, char32_t* out) {
  if (s.empty()) return false;
  std::string h = s;
  if (h.size() > 2 && (h[0] == 'U' || h[0] == 'u') && h[1] == '+') h = h.substr(2);
  char* end = nullptr;
  unsigned long v = std::strtoul(h.c_str(), &end, 16);
  if (*end != '\0' || v > 0x10FFFF) return false;
  *out = static_cast<char32_t>(v);
  return true;
}

// Code points that ICU NFKC may change and the rule table does not cover:
// presentation forms, ligatures, full-width forms, general punctuation, Latin-1 symbols.
static inline bool NfkcCandidate(char32_t c) {
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x2000 && c <= 0x206F) || (c >= 0x00A0 && c <= 0x00BF);
}

Status Normalizer::Load(const std::string& data_dir) {
  TsvFile f;
  HADATH_RETURN_IF_ERROR(LoadTsv(data_dir, "ar/normalize.tsv", {"from", "to"}, &f));
  map_.clear();
  for (const auto& row : f.rows) {
    const std::string& from = row.Get("from");
    char32_t lo, hi;
    size_t dots = from.find("..");
    if (dots != std::string::npos) {
      if (!ParseHex(from.substr(0, dots), &lo) || !ParseHex(from.substr(dots + 2), &hi) || hi < lo)
        return Status::Corrupt(row.rule + ": bad code point range '" + from + "'");
    } else {
      if (!ParseHex(from, &lo)) return Status::Corrupt(row.rule + ": bad code point '" + from + "'");
      hi = lo;
    }
    std::u32string to;
    for (const auto& piece : SplitList(row.Get("to"), ' ')) {
      char32_t cp;
      if (!ParseHex(piece, &cp)) return Status::Corrupt(row.rule + ": bad replacement '" + piece + "'");
      to.push_back(cp);
    }
    for (char32_t c = lo; c <= hi; ++c) map_[c] = to;
  }
  BuildTable();
  UErrorCode err = U_ZERO_ERROR;
  nfkc_ = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) nfkc_ = nullptr;  // no NFKC folding; the table still applies
  return Status::OK();
}

void Normalizer::BuildTable() {
  bmp_.assign(0x10000, kIdentity);
  outputs_.clear();
  std::unordered_map<std::string, uint16_t> seen;
  std::u32string rep;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    bool keep = MapCodePoint(cp, &rep);
    if (keep && rep.size() == 1 && rep[0] == cp) continue;  // identity
    std::string utf;
    if (keep) for (char32_t r : rep) utf8::Append(&utf, r);
    auto [it, inserted] = seen.emplace(utf, static_cast<uint16_t>(outputs_.size()));
    if (inserted) outputs_.push_back(utf);
    bmp_[cp] = it->second;
    const size_t in_bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
    expansion_ = std::max(expansion_, (utf.size() + in_bytes - 1) / in_bytes);
  }
}

// Copies a few bytes (a code point, a short mapping) without a memcpy call.
static inline void PutShort(char*& o, const char* p, size_t n) {
  if (n <= 4) {
    for (size_t k = 0; k < n; ++k) o[k] = p[k];
  } else {
    std::memcpy(o, p, n);
  }
  o += n;
}

bool Normalizer::NormalizeRaw(std::string_view src, char* out, size_t* n) const {
  char* o = out;
  size_t i = 0;
  const uint16_t* table = bmp_.data();
  while (i < src.size()) {
    const unsigned char b = static_cast<unsigned char>(src[i]);
    if (b < 0x80) {  // ASCII: the table, no decoding
      const uint16_t k = table[b];
      if (k == kIdentity) *o++ = static_cast<char>(b);
      else PutShort(o, outputs_[k].data(), outputs_[k].size());
      ++i;
      continue;
    }
    const size_t start = i;
    const char32_t cp = utf8::Next(src, &i);
    if (cp >= 0x10000 || NfkcCandidate(cp)) return false;
    const uint16_t k = table[cp];
    if (k == kIdentity) {
      if (cp == 0xFFFD && i - start != 3) PutShort(o, "\xEF\xBF\xBD", 3);  // an invalid byte
      else PutShort(o, src.data() + start, i - start);
    } else {
      PutShort(o, outputs_[k].data(), outputs_[k].size());
    }
  }
  *n = static_cast<size_t>(o - out);
  return true;
}

bool Normalizer::MapCodePoint(char32_t cp, std::u32string* out) const {
  auto it = map_.find(cp);
  if (it == map_.end()) {
    *out = std::u32string(1, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
    return true;
  }
  *out = it->second;
  return !out->empty();
}

std::string Normalizer::Normalize(std::string_view surface) const {
  std::string out;
  NormalizeTo(surface, &out);
  return out;
}

void Normalizer::NormalizeTo(std::string_view surface, std::string* out) const {
  out->clear();
  out->reserve(surface.size());
  // One pass over the token: the rule table maps each code point; the first
  // code point that NFKC might change sends the whole token through ICU first
  // (rare: pure Arabic and ASCII text never needs it).
  std::string folded;
  std::string_view src = surface;
  bool checked = false;  // src already went through NFKC
  std::u32string rep;
  size_t i = 0;
  while (i < src.size()) {
    const unsigned char b = static_cast<unsigned char>(src[i]);
    if (b < 0x80) {  // ASCII: the table, no decoding
      const uint16_t k = bmp_[b];
      if (k == kIdentity) out->push_back(static_cast<char>(b));
      else *out += outputs_[k];
      ++i;
      continue;
    }
    size_t start = i;
    char32_t cp = utf8::Next(src, &i);
    if (!checked && NfkcCandidate(cp)) {
      checked = true;
      UErrorCode err = U_ZERO_ERROR;
      const icu::Normalizer2* nfkc = nfkc_;
      if (nfkc) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(surface.data(), surface.size()));
        icu::UnicodeString n = nfkc->normalize(u, err);
        if (U_SUCCESS(err)) {
          n.toUTF8String(folded);
          src = folded;
          out->clear();
          i = 0;
          continue;  // start again over the folded text
        }
      }
    }
    if (cp < 0x10000) {
      uint16_t k = bmp_[cp];
      if (k == kIdentity) {
        if (cp == 0xFFFD && i - start != 3) *out += "\xEF\xBF\xBD";  // an invalid byte
        else if (i - start == 2) { out->push_back(src[start]); out->push_back(src[start + 1]); }
        else out->append(src.data() + start, i - start);
      }
      else *out += outputs_[k];
      continue;
    }
    if (MapCodePoint(cp, &rep))
      for (char32_t r : rep) utf8::Append(out, r);
  }
}

}  // namespace hadath
