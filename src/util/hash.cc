#include "util/hash.h"

#include <cstdio>

namespace hadath {
uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) { h ^= c; h *= 1099511628211ULL; }
  return h;
}
std::string HexHash(std::string_view s, int digits) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(Fnv1a64(s)));
  return std::string(buf, digits < 16 ? digits : 16);
}
}  // namespace hadath
