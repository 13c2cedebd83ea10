#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace hadath {
// 64-bit FNV-1a. Stable across runs and platforms: used in ids.
uint64_t Fnv1a64(std::string_view s);
// First `digits` lowercase hex digits of Fnv1a64(s).
std::string HexHash(std::string_view s, int digits = 16);
}  // namespace hadath
