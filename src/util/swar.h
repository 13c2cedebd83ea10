#pragma once
// Eight bytes at a time in a uint64_t ("SIMD within a register"): scanners use
// these to step over runs of plain ASCII text instead of testing byte by byte.
#include <cstdint>
#include <cstring>

namespace hadath::swar {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x8080808080808080ull;

// The eight bytes at p (any alignment; byte k of the string is byte k of the
// value on a little-endian machine, but the tests below do not depend on order).
inline uint64_t Load8(const void* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
// Nonzero iff some byte of w is >= 0x80.
inline uint64_t AnyHigh(uint64_t w) { return w & kHigh; }
// Nonzero iff some byte of w is below n (n <= 128). Exact as a yes/no answer;
// which bits are set is not.
inline uint64_t AnyBelow(uint64_t w, unsigned n) { return (w - kOnes * n) & ~w & kHigh; }
// Nonzero iff some byte of w equals b.
inline uint64_t AnyEqual(uint64_t w, unsigned char b) { return AnyBelow(w ^ (kOnes * b), 1); }

// The number of ASCII letters (A-Z, a-z) among the bytes of w, all of them ASCII
// (AnyHigh(w) == 0): per byte, x = b | 0x20 is a letter iff 0x61 <= x <= 0x7A;
// adding 0x1F and 0x05 sets bit 7 at those bounds (no carry leaves a byte).
inline unsigned CountAsciiLetters(uint64_t w) {
  const uint64_t x = w | (kOnes * 0x20);
  // (bit 7 of a byte at most: the bytes' flags summed into the top byte by one multiplication,
  // inline where __builtin_popcountll without -mpopcnt is a libgcc call)
  return static_cast<unsigned>(((((x + kOnes * 0x1F) & ~(x + kOnes * 0x05) & kHigh) >> 7) * kOnes) >> 56);
}

}  // namespace hadath::swar
