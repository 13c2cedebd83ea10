#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace hadath {
// 64-bit FNV-1a. Stable across runs and platforms: used in ids.
uint64_t Fnv1a64(std::string_view s);
// First `digits` lowercase hex digits of Fnv1a64(s).
std::string HexHash(std::string_view s, int digits = 16);

// 32-bit FNV-1a: the hash of a matching form (stored in compiled lexicon
// images, so it must never change). Inline: the tokenizer computes it once per
// reading of a word and every matcher reuses it (Segment::hash).
inline uint32_t Fnv1a32(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) { h ^= c; h *= 16777619u; }
  return h;
}
}  // namespace hadath
