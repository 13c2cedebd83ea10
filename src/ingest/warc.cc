#include "ingest/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace hadath {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string TrimWs(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

bool ParseSize(const std::string& s, uint64_t* out) {
  std::string t = TrimWs(s);
  if (t.empty() || t.size() > 18) return false;
  uint64_t v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// Decompressed bytes of a .warc.gz (member by member) or the bytes of a .warc.
class Source {
 public:
  enum State { kOk, kEof, kDamaged };

  ~Source() {
    if (f_) std::fclose(f_);
    if (z_init_) inflateEnd(&zs_);
  }

  bool Open(const std::string& path, std::string* why) {
    f_ = std::fopen(path.c_str(), "rb");
    if (!f_) { *why = std::strerror(errno); return false; }
    in_.resize(1 << 18);
    Refill();
    gz_ = avail() >= 2 && in_[pos_] == 0x1f && in_[pos_ + 1] == 0x8b;
    if (gz_) {
      std::memset(&zs_, 0, sizeof zs_);
      if (inflateInit2(&zs_, 15 + 16) != Z_OK) { *why = "zlib initialisation failed"; return false; }
      z_init_ = true;
    }
    return true;
  }

  bool gz() const { return gz_; }
  State state() const { return state_; }
  const std::string& damage() const { return damage_; }
  uint64_t member_start() const { return member_start_; }
  uint64_t out_offset() const { return out_off_; }
  // Decompressed offset where the last complete gzip member ended.
  uint64_t last_member_end() const { return last_end_; }
  // (decompressed offset, compressed offset) of each gzip member start seen.
  std::vector<std::pair<uint64_t, uint64_t>>& boundaries() { return boundaries_; }

  // Appends up to n bytes to *out; returns the count, 0 when state() != kOk.
  size_t Read(std::string* out, size_t n) {
    if (state_ != kOk) return 0;
    return gz_ ? ReadGz(out, n) : ReadPlain(out, n);
  }

  // After kDamaged: continue at the next gzip member header after the damaged one.
  void Resync() {
    if (!gz_) { state_ = kEof; return; }
    uint64_t from = member_start_ + 1;
    if (std::fseek(f_, static_cast<long>(from), SEEK_SET) != 0) { state_ = kEof; return; }
    base_ = from;
    pos_ = len_ = 0;
    eof_ = false;
    while (true) {
      Refill();
      if (avail() < 3) { state_ = kEof; return; }
      const unsigned char* p = in_.data() + pos_;
      size_t n = avail();
      size_t k = 0;
      for (; k + 2 < n; ++k)
        if (p[k] == 0x1f && p[k + 1] == 0x8b && p[k + 2] == 0x08) break;
      if (k + 2 < n) {
        pos_ += k;
        member_open_ = false;
        probing_ = true;
        state_ = kOk;
        return;
      }
      if (eof_) { state_ = kEof; return; }
      pos_ += n - 2;
    }
  }

 private:
  size_t avail() const { return len_ - pos_; }
  uint64_t comp_offset() const { return base_ + pos_; }

  void Refill() {
    if (eof_) return;
    if (pos_ > 0) {
      std::memmove(in_.data(), in_.data() + pos_, avail());
      base_ += pos_;
      len_ -= pos_;
      pos_ = 0;
    }
    while (len_ < in_.size()) {
      size_t got = std::fread(in_.data() + len_, 1, in_.size() - len_, f_);
      if (got == 0) { eof_ = true; break; }
      len_ += got;
    }
  }

  size_t ReadPlain(std::string* out, size_t n) {
    if (avail() == 0) Refill();
    if (avail() == 0) { state_ = kEof; return 0; }
    size_t k = std::min(n, avail());
    out->append(reinterpret_cast<const char*>(in_.data() + pos_), k);
    pos_ += k;
    out_off_ += k;
    return k;
  }

  void Damage(const std::string& why) {
    state_ = kDamaged;
    damage_ = why;
  }

  size_t ReadGz(std::string* out, size_t n) {
    n = std::min<size_t>(n, 1 << 20);
    size_t old = out->size();
    while (out->size() == old) {
      if (avail() < 3 && !eof_) Refill();
      if (!member_open_) {
        if (avail() == 0) { state_ = kEof; return 0; }
        const unsigned char* p = in_.data() + pos_;
        if (avail() < 3 || p[0] != 0x1f || p[1] != 0x8b) {
          // Trailing bytes that are all zero are padding, not damage.
          bool zeros = std::all_of(p, p + avail(), [](unsigned char c) { return c == 0; });
          if (zeros && eof_) { state_ = kEof; return 0; }
          member_start_ = comp_offset();
          Damage("bytes that are not a gzip member");
          return 0;
        }
        member_start_ = comp_offset();
        boundaries_.push_back({out_off_, member_start_});
        if (boundaries_.size() > 64) boundaries_.erase(boundaries_.begin(), boundaries_.begin() + 32);
        inflateReset(&zs_);
        member_open_ = true;
        member_out_ = 0;
      }
      if (avail() == 0) Refill();
      if (avail() == 0) {
        Damage("truncated gzip member (the file ends inside it)");
        return 0;
      }
      out->resize(old + n);
      zs_.next_in = in_.data() + pos_;
      zs_.avail_in = static_cast<uInt>(avail());
      zs_.next_out = reinterpret_cast<Bytef*>(&(*out)[old]);
      zs_.avail_out = static_cast<uInt>(n);
      int ret = inflate(&zs_, Z_NO_FLUSH);
      size_t produced = n - zs_.avail_out;
      pos_ = static_cast<size_t>(zs_.next_in - in_.data());
      out->resize(old + produced);
      out_off_ += produced;
      member_out_ += produced;
      if (ret == Z_STREAM_END) {
        member_open_ = false;
        last_end_ = out_off_;
        probing_ = false;
      } else if (ret == Z_BUF_ERROR || (ret == Z_OK && produced == 0)) {
        if (eof_ && avail() == 0) {
          Damage("truncated gzip member (the file ends inside it)");
          return produced;
        }
        Refill();
      } else if (ret != Z_OK) {
        std::string why = std::string("damaged gzip member: ") + (zs_.msg ? zs_.msg : "inflate error");
        if (probing_ && member_out_ == 0) {
          // a false gzip magic found while resynchronizing: keep looking, silently
          Resync();
          if (state_ != kOk) return 0;
          continue;
        }
        Damage(why);
        return produced;
      } else {
        probing_ = false;
      }
    }
    return out->size() - old;
  }

  std::FILE* f_ = nullptr;
  bool gz_ = false, z_init_ = false, eof_ = false, member_open_ = false, probing_ = false;
  z_stream zs_{};
  std::vector<unsigned char> in_;
  size_t pos_ = 0, len_ = 0;
  uint64_t base_ = 0, member_start_ = 0, out_off_ = 0, member_out_ = 0, last_end_ = 0;
  State state_ = kOk;
  std::string damage_;
  std::vector<std::pair<uint64_t, uint64_t>> boundaries_;
};

constexpr size_t kMaxHeaderBytes = 1 << 20;

}  // namespace

bool IsWarcName(const std::string& name) {
  std::string l = Lower(name);
  auto ends = [&](const char* s) {
    size_t n = std::strlen(s);
    return l.size() >= n && l.compare(l.size() - n, n, s) == 0;
  };
  return ends(".warc") || ends(".warc.gz");
}

struct WarcReader::Impl {
  std::string path;
  size_t max_record;
  OnError on_error;
  Source src;
  std::string buf;
  size_t pos = 0;
  uint64_t buf_base = 0;  // decompressed offset of buf[0]
  size_t count = 0;
  size_t current = 0;     // record number in progress, 0 between records

  uint64_t at() const { return buf_base + pos; }

  void Compact() {
    if (pos > (1 << 16) && pos * 2 > buf.size()) {
      buf.erase(0, pos);
      buf_base += pos;
      pos = 0;
    }
  }
  bool Fill(size_t want) {
    Compact();
    return src.Read(&buf, std::max<size_t>(want, 1 << 16)) > 0;
  }
  bool Ensure(size_t n) {
    while (buf.size() - pos < n)
      if (!Fill(n - (buf.size() - pos))) return false;
    return true;
  }
  // Reads one line (without \n); false at end of data.
  bool Line(std::string* line, size_t limit) {
    size_t from = pos;
    while (true) {
      size_t nl = buf.find('\n', from);
      if (nl != std::string::npos) {
        line->assign(buf, pos, nl - pos);
        if (!line->empty() && line->back() == '\r') line->pop_back();
        pos = nl + 1;
        return true;
      }
      if (buf.size() - pos > limit) return false;
      from = buf.size();
      size_t keep = pos;
      uint64_t before = buf_base;
      if (!Fill(1 << 16)) return false;
      from -= (buf_base - before);
      (void)keep;
    }
  }
  uint64_t OffsetOf(uint64_t decomp) {
    if (!src.gz()) return decomp;
    uint64_t off = 0;
    for (const auto& [d, c] : src.boundaries())
      if (d <= decomp) off = c;
    return off;
  }
  bool StartsMember(uint64_t decomp) {
    for (const auto& [d, c] : src.boundaries())
      if (d == decomp) return true;
    return false;
  }
  bool MemberBoundaryIn(uint64_t lo, uint64_t hi) {
    for (const auto& [d, c] : src.boundaries())
      if (d > lo && d < hi) return true;
    return false;
  }
  void Report(size_t number, uint64_t offset, const std::string& why) { on_error(number, offset, why); }

  // After a damaged gzip member: report it and restart at the next member.
  void HandleDamage() {
    size_t n = current ? current : ++count;
    Report(n, src.member_start(), src.damage());
    current = 0;
    src.Resync();
    buf.clear();
    pos = 0;
    buf_base = src.out_offset();
  }
  // Scans forward from pos for a line starting "WARC/1."; false at end of data.
  bool Resync() {
    while (true) {
      size_t from = pos;
      while (true) {
        size_t k = buf.find("WARC/1.", from);
        if (k == std::string::npos) break;
        if (k == 0 || buf[k - 1] == '\n') { pos = k; return true; }
        from = k + 1;
      }
      pos = buf.size() > 8 ? std::max(pos, buf.size() - 8) : pos;
      if (!Fill(1 << 16)) return false;
    }
  }

  bool Next(WarcRecord* rec) {
    while (true) {
      if (src.state() == Source::kDamaged) { HandleDamage(); continue; }
      Compact();
      uint64_t start = at();
      std::string line;
      if (!Line(&line, 1 << 16)) {
        if (src.state() == Source::kDamaged) continue;
        if (buf.size() > pos && buf.find_first_not_of("\r\n\0", pos) != std::string::npos) {
          Report(++count, OffsetOf(start), "no WARC record at the end of the file (stray bytes)");
          pos = buf.size();
        }
        return false;
      }
      if (line.empty()) continue;
      if (line.rfind("WARC/", 0) != 0) {
        Report(++count, OffsetOf(start), "no WARC header where a record should start; skipped to the next record");
        if (!Resync()) {
          if (src.state() == Source::kDamaged) continue;
          return false;
        }
        continue;
      }
      current = ++count;
      *rec = WarcRecord();
      rec->number = current;
      rec->offset = OffsetOf(start);
      bool at_member = src.gz() && StartsMember(start);
      // header fields
      uint64_t length = 0;
      bool have_length = false, ok = true;
      size_t header_bytes = 0;
      while (true) {
        if (!Line(&line, kMaxHeaderBytes)) { ok = false; break; }
        header_bytes += line.size() + 2;
        if (line.empty()) break;
        if (header_bytes > kMaxHeaderBytes) { ok = false; break; }
        size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string name = Lower(TrimWs(line.substr(0, colon)));
        std::string value = TrimWs(line.substr(colon + 1));
        if (name == "content-length") have_length = ParseSize(value, &length);
        else if (name == "warc-type") rec->type = value;
        else if (name == "warc-target-uri") rec->target_uri = value;
        else if (name == "warc-date") rec->date = value;
        else if (name == "warc-record-id") rec->record_id = value;
        else if (name == "content-type") rec->content_type = value;
      }
      for (std::string* s : {&rec->target_uri, &rec->record_id})
        if (s->size() >= 2 && s->front() == '<' && s->back() == '>') *s = s->substr(1, s->size() - 2);
      if (!ok) {
        if (src.state() == Source::kDamaged) { HandleDamage(); continue; }
        Report(current, rec->offset, "truncated record header");
        current = 0;
        if (!Resync()) return false;
        continue;
      }
      if (!have_length) {
        Report(current, rec->offset, "missing or malformed Content-Length; skipped to the next record");
        current = 0;
        if (!Resync()) return false;
        continue;
      }
      uint64_t block_start = at();
      if (length > max_record) {
        // Skip without buffering; in a member-per-record file stop at the member's end.
        uint64_t left = length + 4;
        bool cut = false;
        while (left > 0) {
          size_t have = buf.size() - pos;
          if (have == 0 && !Fill(1 << 20)) break;
          have = buf.size() - pos;
          size_t take = static_cast<size_t>(std::min<uint64_t>(have, left));
          if (at_member && MemberBoundaryIn(start, at() + take)) { cut = true; break; }
          pos += take;
          left -= take;
          if (pos == buf.size()) { buf_base += pos; buf.clear(); pos = 0; }
        }
        if (src.state() == Source::kDamaged) { HandleDamage(); continue; }
        Report(current, rec->offset,
               cut ? "Content-Length " + std::to_string(length) + " runs past the end of the record's gzip member"
                   : "record of " + std::to_string(length) + " bytes is larger than the limit of " +
                         std::to_string(max_record) + " bytes; skipped");
        current = 0;
        if (cut && !Resync()) return false;
        continue;
      }
      bool complete = Ensure(static_cast<size_t>(length) + 4);
      // A record that starts a gzip member is judged once its member has ended: a damaged
      // member (bad CRC) is reported as such, not as a wrong Content-Length.
      if (at_member)
        while (src.state() == Source::kOk && src.last_member_end() <= start && Fill(1 << 16)) {
        }
      if (src.state() == Source::kDamaged && (!complete || src.last_member_end() <= start)) { HandleDamage(); continue; }
      bool crosses = at_member && MemberBoundaryIn(start, block_start + length + 4);
      if (!complete || crosses || buf.compare(pos + length, 4, "\r\n\r\n") != 0) {
        std::string why = !complete && !crosses
                              ? "truncated record: Content-Length " + std::to_string(length) + " but the file ends " +
                                    std::to_string(buf.size() - pos) + " bytes after the header"
                              : "Content-Length " + std::to_string(length) +
                                    " does not match the record (no record end after the block); skipped to the next record";
        Report(current, rec->offset, why);
        current = 0;
        if (!Resync()) {
          if (src.state() == Source::kDamaged) continue;
          return false;
        }
        continue;
      }
      rec->block.assign(buf, pos, static_cast<size_t>(length));
      pos += static_cast<size_t>(length) + 4;
      current = 0;
      return true;
    }
  }
};

WarcReader::WarcReader(std::string path, size_t max_record_bytes, OnError on_error) : impl_(new Impl) {
  impl_->path = std::move(path);
  impl_->max_record = max_record_bytes;
  impl_->on_error = std::move(on_error);
}
WarcReader::~WarcReader() = default;

Status WarcReader::Open() {
  std::string why;
  if (!impl_->src.Open(impl_->path, &why)) return Status::IOError(why);
  return Status::OK();
}

bool WarcReader::Next(WarcRecord* rec) { return impl_->Next(rec); }
size_t WarcReader::records() const { return impl_->count; }

// ---- HTTP ----

namespace {

bool Dechunk(const std::string& in, size_t max, std::string* out) {
  out->clear();
  size_t p = 0;
  while (p < in.size()) {
    size_t nl = in.find('\n', p);
    if (nl == std::string::npos) return false;
    std::string sz = TrimWs(in.substr(p, nl - p));
    size_t semi = sz.find(';');
    if (semi != std::string::npos) sz = TrimWs(sz.substr(0, semi));
    if (sz.empty() || sz.size() > 15 || sz.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return false;
    uint64_t n = std::stoull(sz, nullptr, 16);
    p = nl + 1;
    if (n == 0) return true;
    if (n > in.size() - p || out->size() + n > max) return false;
    out->append(in, p, static_cast<size_t>(n));
    p += static_cast<size_t>(n);
    if (in.compare(p, 2, "\r\n") == 0) p += 2;
    else if (p < in.size() && in[p] == '\n') ++p;
  }
  return true;  // no final 0-size chunk: keep what was there
}

bool Inflate(const std::string& in, int window_bits, size_t max, std::string* out) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  out->clear();
  char buf[1 << 15];
  int ret = Z_OK;
  while (ret == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    ret = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof buf - zs.avail_out);
    if (out->size() > max) { ret = Z_MEM_ERROR; break; }
    if (ret == Z_BUF_ERROR && zs.avail_in == 0) break;
  }
  inflateEnd(&zs);
  return ret == Z_STREAM_END || (ret == Z_BUF_ERROR && !out->empty());
}

}  // namespace

bool ParseHttpResponse(const std::string& msg, size_t max_body, int* status, std::string* content_type,
                       std::string* body, std::string* why) {
  size_t end = msg.find("\r\n\r\n");
  size_t skip = 4;
  size_t lf = msg.find("\n\n");
  if (end == std::string::npos || (lf != std::string::npos && lf < end)) { end = lf; skip = 2; }
  if (end == std::string::npos) {
    if (msg.rfind("HTTP/", 0) == 0 && msg.size() < 65536) { end = msg.size(); skip = 0; }
    else { *why = "HTTP response without an end of headers"; return false; }
  }
  std::string head = msg.substr(0, end);
  if (head.rfind("HTTP/", 0) != 0) { *why = "HTTP response without a status line"; return false; }
  size_t sp = head.find(' ');
  *status = sp == std::string::npos ? 0 : std::atoi(head.c_str() + sp + 1);
  std::string te, ce;
  content_type->clear();
  size_t p = head.find('\n');
  while (p != std::string::npos && p < head.size()) {
    size_t e = head.find('\n', p + 1);
    std::string line = head.substr(p + 1, (e == std::string::npos ? head.size() : e) - p - 1);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = Lower(TrimWs(line.substr(0, colon)));
      std::string value = TrimWs(line.substr(colon + 1));
      if (name == "content-type") *content_type = value;
      else if (name == "transfer-encoding") te = Lower(value);
      else if (name == "content-encoding") ce = Lower(value);
    }
    p = e;
  }
  std::string raw = end + skip <= msg.size() ? msg.substr(end + skip) : "";
  if (te.find("chunked") != std::string::npos) {
    std::string dechunked;
    // A body that was stored already de-chunked (crawlers often do) does not parse: keep it.
    if (Dechunk(raw, max_body, &dechunked)) raw = std::move(dechunked);
  }
  if (ce == "gzip" || ce == "x-gzip" || ce == "deflate") {
    std::string inflated;
    bool gzip_magic = raw.size() > 2 && static_cast<unsigned char>(raw[0]) == 0x1f && static_cast<unsigned char>(raw[1]) == 0x8b;
    // Inflate stops just past max_body: a body that decodes to more is refused, not kept.
    auto too_big = [&] {
      *why = ce + " content-encoding decodes to more than " + std::to_string(max_body) + " bytes; skipped";
      return false;
    };
    if (ce != "deflate" && gzip_magic) {
      if (!Inflate(raw, 15 + 16, max_body, &inflated)) {
        if (inflated.size() > max_body) return too_big();
        *why = "damaged gzip content-encoding";
        return false;
      }
      raw = std::move(inflated);
    } else if (ce == "deflate") {
      if (Inflate(raw, 15, max_body, &inflated)) raw = std::move(inflated);
      else if (inflated.size() > max_body) return too_big();
      else if (Inflate(raw, -15, max_body, &inflated)) raw = std::move(inflated);
      else if (inflated.size() > max_body) return too_big();
    }
  } else if (!ce.empty() && ce != "identity") {
    // br, zstd…: stored as received; most crawlers store the decoded payload anyway
  }
  *body = std::move(raw);
  return true;
}

}  // namespace hadath
