#include "lexicon/image.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace hadath {

namespace {
constexpr char kMagic[8] = {'H', 'A', 'D', 'A', 'T', 'H', 'L', 'X'};

inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
}  // namespace

uint64_t FastHash64(std::string_view data, uint64_t seed) {
  const uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t h = seed ^ (data.size() * kMul);
  const char* p = data.data();
  size_t n = data.size();
  // Four independent lanes so the multiplies overlap.
  uint64_t a = h, b = h + 1, c = h + 2, d = h + 3;
  while (n >= 32) {
    uint64_t w[4];
    std::memcpy(w, p, 32);
    a = (a ^ w[0]) * kMul; a ^= a >> 29;
    b = (b ^ w[1]) * kMul; b ^= b >> 29;
    c = (c ^ w[2]) * kMul; c ^= c >> 29;
    d = (d ^ w[3]) * kMul; d ^= d >> 29;
    p += 32;
    n -= 32;
  }
  h = Mix(a) ^ Mix(b + 0x1234567) ^ Mix(c + 0x7654321) ^ Mix(d + 0xabcdef);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = Mix(h ^ w);
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  return Mix(h ^ tail ^ (uint64_t{n} << 56));
}

std::string ImageWriter::Finish(uint64_t source_key, std::string_view hadath_version) {
  Align();
  std::string out(kImageHeaderSize, '\0');
  char* h = out.data();
  std::memcpy(h, kMagic, 8);
  uint32_t version = kImageVersion, header = kImageHeaderSize;
  uint64_t size = buf_.size(), sum = FastHash64(buf_);
  std::memcpy(h + 8, &version, 4);
  std::memcpy(h + 12, &header, 4);
  std::memcpy(h + 16, &source_key, 8);
  std::memcpy(h + 24, &size, 8);
  std::memcpy(h + 32, &sum, 8);
  std::memcpy(h + 40, hadath_version.data(), std::min<size_t>(hadath_version.size(), 16));
  out += buf_;
  return out;
}

MappedImage::~MappedImage() {
  if (data_) munmap(const_cast<char*>(data_), size_);
}

Status MappedImage::Open(const std::string& path, uint64_t expected_key) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound(path + ": cannot open");
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(kImageHeaderSize)) {
    ::close(fd);
    return Status::Corrupt(path + ": not a lexicon image (too short)");
  }
  size_t size = static_cast<size_t>(st.st_size);
  void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return Status::IOError(path + ": mmap failed");
  const char* d = static_cast<const char*>(p);
  auto fail = [&](const std::string& why) {
    munmap(p, size);
    return Status::Corrupt(path + ": " + why);
  };
  if (std::memcmp(d, kMagic, 8) != 0) return fail("not a lexicon image (bad magic)");
  uint32_t version, header;
  uint64_t key, psize, sum;
  std::memcpy(&version, d + 8, 4);
  std::memcpy(&header, d + 12, 4);
  std::memcpy(&key, d + 16, 8);
  std::memcpy(&psize, d + 24, 8);
  std::memcpy(&sum, d + 32, 8);
  if (version != kImageVersion || header != kImageHeaderSize)
    return fail("image format " + std::to_string(version) + ", this hadath reads " + std::to_string(kImageVersion));
  if (expected_key && key != expected_key) return fail("stale image (sources changed)");
  if (psize != size - kImageHeaderSize) return fail("truncated image");
  if (FastHash64(std::string_view(d + kImageHeaderSize, psize)) != sum) return fail("checksum mismatch");
  if (data_) munmap(const_cast<char*>(data_), size_);
  data_ = d;
  size_ = size;
  key_ = key;
  return Status::OK();
}

Status WriteFileAtomic(const std::string& path, std::string_view bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError(tmp + ": cannot create");
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t w = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      ::unlink(tmp.c_str());
      return Status::IOError(tmp + ": write failed");
    }
    done += static_cast<size_t>(w);
  }
  if (::close(fd) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return Status::IOError(path + ": cannot write");
  }
  return Status::OK();
}

}  // namespace hadath
