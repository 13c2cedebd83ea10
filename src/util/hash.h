#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace hadath {
// 64-bit FNV-1a. Stable across runs and platforms: used in ids. `h`: the hash
// so far, to hash several pieces as one string (Fnv1a64(b, Fnv1a64(a)) ==
// Fnv1a64(a + b)) without building it.
uint64_t Fnv1a64(std::string_view s, uint64_t h = 1469598103934665603ULL);
// First `digits` lowercase hex digits of Fnv1a64(s).
std::string HexHash(std::string_view s, int digits = 16);
// First `digits` lowercase hex digits of the 64-bit value v (HexHash's spelling).
std::string HexDigits(uint64_t v, int digits = 16);

// 32-bit FNV-1a: the hash of a matching form (stored in compiled lexicon
// images, so it must never change). Inline: the tokenizer computes it once per
// reading of a word and every matcher reuses it (Segment::hash).
inline uint32_t Fnv1a32(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) { h ^= c; h *= 16777619u; }
  return h;
}
}  // namespace hadath
