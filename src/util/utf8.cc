#include "util/utf8.h"

#include "util/swar.h"

namespace hadath::utf8 {

char32_t NextSlow(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = *pos, n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) { *pos = i + 1; return c; }
  int len; char32_t cp;
  if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
  else { *pos = i + 1; return 0xFFFD; }
  if (i + len > n) { *pos = i + 1; return 0xFFFD; }
  for (int k = 1; k < len; ++k) {
    unsigned char cc = p[i + k];
    if ((cc & 0xC0) != 0x80) { *pos = i + 1; return 0xFFFD; }
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Reject overlong forms, surrogates and out-of-range values.
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *pos = i + 1;
    return 0xFFFD;
  }
  *pos = i + len;
  return cp;
}

void Append(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string Encode(char32_t cp) {
  std::string s;
  Append(&s, cp);
  return s;
}

size_t Sanitize(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  // Valid text is copied in runs; only a bad sequence (or NUL) breaks a run. Most input is
  // valid, and ASCII bytes are accepted without decoding.
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  size_t bad = 0, i = 0, run = 0;
  while (i < in.size()) {
    if (i + 8 <= in.size()) {  // eight ASCII bytes, none NUL
      const uint64_t w = swar::Load8(p + i);
      if (!(swar::AnyHigh(w) | swar::AnyBelow(w, 1))) { i += 8; continue; }
    }
    if (p[i] - 1u < 0x7Fu) { ++i; continue; }  // ASCII other than NUL
    size_t start = i;
    char32_t cp = Next(in, &i);
    bool was_invalid = (cp == 0xFFFD && !(i - start == 3 && in.substr(start, 3) == "\xEF\xBF\xBD"));
    if (was_invalid || cp == 0) {
      out->append(in.substr(run, start - run));
      run = i;
      bad += (cp == 0) ? 1 : (i - start);
      Append(out, 0xFFFD);
    }
  }
  out->append(in.substr(run, i - run));
  return bad;
}

size_t Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

OffsetMap::OffsetMap(std::string_view text) : size_(text.size()) {
  const size_t words = text.size() / 64 + 1;
  starts_.assign(words, 0);
  before_.resize(words);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  // Eight bytes at a time: a byte starts a code point unless it is 10xxxxxx; the
  // eight flags (high bits) are gathered into a byte by one multiplication.
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const uint64_t w = swar::Load8(p + i);
    const uint64_t starts = ~(w & ~(w << 1)) & swar::kHigh;
    starts_[i >> 6] |= (((starts >> 7) * 0x0102040810204080ull) >> 56) << (i & 63);
  }
  for (; i < text.size(); ++i) starts_[i >> 6] |= uint64_t{(p[i] & 0xC0) != 0x80} << (i & 63);
  starts_[0] &= ~uint64_t{1};  // byte 0 is not counted (see ToCodePoint)
  uint32_t n = 0;
  for (size_t w = 0; w < words; ++w) {
    before_[w] = n;
    n += static_cast<uint32_t>(__builtin_popcountll(starts_[w]));
  }
  end_ = text.empty() ? 0 : n + 1;
}

size_t OffsetMap::ToCodePoint(size_t byte) const {
  if (byte >= size_) return end_;
  const size_t w = byte >> 6, b = byte & 63;
  const uint64_t upto = b == 63 ? ~uint64_t{0} : (uint64_t{1} << (b + 1)) - 1;  // bits 0..b
  return before_[w] + static_cast<uint32_t>(__builtin_popcountll(starts_[w] & upto));
}

bool IsArabicLetter(char32_t c) {
  if (c >= 0x0621 && c <= 0x064A) return c != 0x0640;  // letters, not tatweel
  if (c >= 0x0671 && c <= 0x06D3) return true;          // extended letters (Persian, Urdu)
  if (c == 0x06D5 || (c >= 0x06EE && c <= 0x06EF) || (c >= 0x06FA && c <= 0x06FC)) return true;
  if (c >= 0x0750 && c <= 0x077F) return true;          // Arabic Supplement
  if (c >= 0x08A0 && c <= 0x08C9) return true;          // Arabic Extended-A letters
  return false;
}

bool IsArabicMark(char32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640 || (c >= 0x08CA && c <= 0x08FF);
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::string_view TrimView(std::string_view s) {
  size_t b = 0, e = s.size();
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (b < e && space(s[b])) ++b;
  while (e > b && space(s[e - 1])) --e;
  // Also trim no-break spaces (U+00A0) at both ends.
  while (e - b >= 2 && s.substr(b, 2) == "\xC2\xA0") b += 2;
  while (e - b >= 2 && s.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
  return s.substr(b, e - b);
}

}  // namespace hadath::utf8
