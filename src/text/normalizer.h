// Normalizer: surface token → matching form.
//
// Rules live in data/ar/normalize.tsv (see data/README.md): each row maps one
// code point (or an inclusive range) to a replacement sequence, or deletes it.
// Compatibility characters (Arabic presentation forms, ligatures, full-width
// forms) are first folded with ICU NFKC; Latin letters are lower-cased.
//
// Offsets are never lost: normalization works per token, and a token keeps
// the byte span of its surface text in the document.
//
// Thread safety: immutable after Load(); Normalize() is const and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/normalizer2.h>

#include "hadath/status.h"

namespace hadath {

class Normalizer {
 public:
  Status Load(const std::string& data_dir);

  // Returns the matching form of `surface` (UTF-8 in, UTF-8 out).
  std::string Normalize(std::string_view surface) const;
  // The same into *out (its capacity is reused). REQUIRES: out does not alias surface.
  void NormalizeTo(std::string_view surface, std::string* out) const;

  // The common case without any allocation: writes the matching form of
  // `surface` to out[0, *n) and returns true, or returns false (nothing
  // usable written) when the token needs NormalizeTo's general path (NFKC
  // folding, code points beyond the BMP). REQUIRES: `out` has room for
  // max_expansion() × surface.size() bytes.
  bool NormalizeRaw(std::string_view surface, char* out, size_t* n) const;
  size_t max_expansion() const { return expansion_; }

  // Maps a single code point; returns false when it is deleted.
  // `*out` receives the replacement (possibly several code points).
  bool MapCodePoint(char32_t cp, std::u32string* out) const;

  size_t rule_count() const { return map_.size(); }

 private:
  void BuildTable();
  std::unordered_map<char32_t, std::u32string> map_;  // empty value: delete
  // For every BMP code point: kIdentity, or an index into outputs_ (the UTF-8
  // of its mapping, possibly empty = deleted). Built once by Load().
  static constexpr uint16_t kIdentity = 0xFFFF;
  std::vector<uint16_t> bmp_;
  std::vector<std::string> outputs_;
  size_t expansion_ = 3;  // most output bytes per input byte over the BMP table (≥ 3: U+FFFD)
  // ICU's NFKC singleton, fetched by Load() on one thread: its lazy creation inside ICU is
  // synchronized in uninstrumented code, so workers creating it concurrently looked like a
  // race to ThreadSanitizer. Workers only read this pointer.
  const icu::Normalizer2* nfkc_ = nullptr;
};

}  // namespace hadath
