// The compiled lexicon image: one flat, versioned, checksummed file that a
// Lexicon maps read-only and uses in place (see lexicon.h for what it holds).
//
// Layout (little-endian, every section 8-byte aligned):
//   header   64 bytes: magic "HADATHLX", format version, header size, the
//            source key (hash of every source file's content), payload size,
//            payload checksum, hadath version string (16 bytes, NUL-padded)
//   payload  a sequence of records written by ImageWriter: integers, doubles,
//            length-prefixed strings, and aligned blobs (the phrase matchers,
//            read in place by PhraseMatcher::Attach)
//
// A file whose magic, version, source key, size or checksum does not match is
// not used (the Lexicon recompiles from the sources).
// Thread safety: MappedImage is immutable after Open(); ImageReader is a cursor
// owned by one thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "hadath/status.h"

namespace hadath {

inline constexpr uint32_t kImageVersion = 11;  // 3: per-language sections (ar, then en); 4: matchers PHM2; 5: (4 was also used by a discarded phrase order); 6: PHM3; 7: PHM4; 8: derived Arabic accusatives; 9: PHM5; 10: trigger option object= (split verb phrases); 11: derived former-role (ELI) codes of persons
inline constexpr size_t kImageHeaderSize = 64;

// A fast 64-bit hash (8 bytes per step), used as the payload checksum and
// the source key. Stable across runs on little-endian machines.
uint64_t FastHash64(std::string_view data, uint64_t seed = 0);

class ImageWriter {
 public:
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void F64(double v) { Raw(&v, 8); }
  void Str(std::string_view s) { U32(static_cast<uint32_t>(s.size())); buf_.append(s); }
  // A blob that a reader can use in place: size, then bytes 8-byte aligned.
  void Blob(std::string_view b) { U64(b.size()); Align(); buf_.append(b); Align(); }
  void Align() { while (buf_.size() % 8) buf_.push_back('\0'); }
  // The complete file: header + payload.
  std::string Finish(uint64_t source_key, std::string_view hadath_version);

 private:
  void Raw(const void* p, size_t n) { buf_.append(static_cast<const char*>(p), n); }
  std::string buf_;
};

class ImageReader {
 public:
  ImageReader(const char* begin, size_t size) : base_(begin), p_(begin), end_(begin + size) {}
  uint32_t U32() { uint32_t v = 0; Raw(&v, 4); return v; }
  uint64_t U64() { uint64_t v = 0; Raw(&v, 8); return v; }
  double F64() { double v = 0; Raw(&v, 8); return v; }
  std::string_view Str() {
    uint32_t n = U32();
    if (!ok_ || static_cast<size_t>(end_ - p_) < n) { ok_ = false; return {}; }
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  std::string_view Blob() {
    uint64_t n = U64();
    Align();
    if (!ok_ || static_cast<uint64_t>(end_ - p_) < n) { ok_ = false; return {}; }
    std::string_view b(p_, n);
    p_ += n;
    Align();
    return b;
  }
  // A count that cannot exceed the bytes left (each item takes >= `min_bytes`).
  uint32_t Count(size_t min_bytes = 1) {
    uint32_t n = U32();
    if (static_cast<uint64_t>(n) * min_bytes > static_cast<uint64_t>(end_ - p_)) ok_ = false;
    return ok_ ? n : 0;
  }
  bool ok() const { return ok_; }
  bool done() const { return p_ == end_; }

 private:
  void Raw(void* out, size_t n) {
    if (!ok_ || static_cast<size_t>(end_ - p_) < n) { ok_ = false; return; }
    std::memcpy(out, p_, n);
    p_ += n;
  }
  void Align() {
    size_t off = static_cast<size_t>(p_ - base_);
    size_t pad = (8 - off % 8) % 8;
    if (static_cast<size_t>(end_ - p_) < pad) { ok_ = false; return; }
    p_ += pad;
  }
  const char* base_;
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

// A read-only memory mapping of an image file, checked at Open().
class MappedImage {
 public:
  MappedImage() = default;
  MappedImage(const MappedImage&) = delete;
  MappedImage& operator=(const MappedImage&) = delete;
  ~MappedImage();

  // Maps `path` and checks magic, version, size, checksum and (when
  // `expected_key` is nonzero) the source key.
  Status Open(const std::string& path, uint64_t expected_key);
  std::string_view payload() const { return {data_ + kImageHeaderSize, size_ - kImageHeaderSize}; }
  uint64_t source_key() const { return key_; }
  size_t file_size() const { return size_; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  uint64_t key_ = 0;
};

// Writes `bytes` to `path` atomically (temporary file + rename).
Status WriteFileAtomic(const std::string& path, std::string_view bytes);

}  // namespace hadath
