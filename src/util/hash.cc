#include "util/hash.h"

#include <cstdio>

namespace hadath {
uint64_t Fnv1a64(std::string_view s, uint64_t h) {
  constexpr uint64_t kPrime = 1099511628211ULL;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  // (eight bytes a round: the loop's own count and branch once per eight; a document's whole
  // text is hashed for its event ids)
  for (; n >= 8; p += 8, n -= 8) {
    h = (h ^ p[0]) * kPrime; h = (h ^ p[1]) * kPrime; h = (h ^ p[2]) * kPrime; h = (h ^ p[3]) * kPrime;
    h = (h ^ p[4]) * kPrime; h = (h ^ p[5]) * kPrime; h = (h ^ p[6]) * kPrime; h = (h ^ p[7]) * kPrime;
  }
  for (; n; ++p, --n) h = (h ^ *p) * kPrime;
  return h;
}
std::string HexDigits(uint64_t v, int digits) {
  static const char kHex[] = "0123456789abcdef";
  char buf[16];
  for (int k = 15; k >= 0; --k, v >>= 4) buf[k] = kHex[v & 15];
  return std::string(buf, digits < 0 ? 0 : digits < 16 ? digits : 16);
}
std::string HexHash(std::string_view s, int digits) { return HexDigits(Fnv1a64(s), digits); }
}  // namespace hadath
