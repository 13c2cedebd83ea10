// UTF-8 helpers. All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hadath::utf8 {

// Decodes the code point at s[*pos] and advances *pos. Invalid sequences
// yield U+FFFD and advance one byte. REQUIRES: *pos < s.size().
char32_t NextSlow(std::string_view s, size_t* pos);
inline char32_t Next(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + *pos;
  if (p[0] < 0x80) { ++*pos; return p[0]; }
  // Two-byte sequences (Arabic, Latin-1…): the common case in Arabic text.
  if ((p[0] & 0xE0) == 0xC0 && p[0] >= 0xC2 && *pos + 1 < s.size() && (p[1] & 0xC0) == 0x80) {
    *pos += 2;
    return (static_cast<char32_t>(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
  }
  return NextSlow(s, pos);
}

void Append(std::string* out, char32_t cp);
std::string Encode(char32_t cp);

// Copies `in` to *out replacing every invalid byte sequence by U+FFFD;
// returns the number of invalid bytes replaced. NUL bytes count as invalid.
size_t Sanitize(std::string_view in, std::string* out);

// Number of code points in s.
size_t Length(std::string_view s);

// Maps byte offsets of one string to code point offsets. Build once per text.
// Keeps one bit per byte (a code point starts there) and a running count per
// 64 bytes: 1/16 of the memory of a per-byte table, and no copy of the text.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view text);
  // REQUIRES: byte <= text.size() and byte is on a code point boundary.
  size_t ToCodePoint(size_t byte) const;
 private:
  size_t size_ = 0;
  uint32_t end_ = 0;                // the code point count (offset of the end)
  std::vector<uint64_t> starts_;    // bit j: byte j (j >= 1) starts a code point
  std::vector<uint32_t> before_;    // set bits in the words before each word
};

// True for Arabic-script letters (the Arabic blocks, presentation forms excluded).
bool IsArabicLetter(char32_t c);
// Arabic harakat, Quranic marks, tatweel and similar combining marks.
bool IsArabicMark(char32_t c);

std::string Trim(std::string_view s);
// The same as a view into `s` (no copy): TrimView(s).empty() tells a blank text.
std::string_view TrimView(std::string_view s);

}  // namespace hadath::utf8
