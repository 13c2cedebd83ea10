// WARC 1.0/1.1 reader: .warc and .warc.gz (gzip detected by its magic bytes;
// one gzip member per record as Common Crawl writes them, or one stream for the
// whole file). Streaming: memory holds one record (at most max_record_bytes)
// plus fixed buffers, whatever the size of the file.
//
// Next() returns every well-formed record; the ingest stage keeps `response`
// records (HTTP messages, parsed by ParseHttpResponse: chunked
// transfer-encoding and gzip/deflate content-encoding are undone), `resource`
// and `conversion` records (the block is the content, typed by the record's
// Content-Type), and skips the rest.
//
// Damage is reported through `on_error(record_number, byte_offset, reason)`
// and reading resynchronizes at the next record:
//   - a Content-Length that does not match the record (the block is not
//     followed by CRLF CRLF, or runs past the end of its gzip member) → the
//     reader scans for the next "WARC/1." line (in a member-per-record file,
//     the next member);
//   - a damaged or truncated gzip member → the reader looks for the next gzip
//     member header in the compressed bytes;
//   - a record larger than max_record_bytes is skipped without being buffered.
// Byte offsets are those of the record's gzip member in the compressed file
// for .warc.gz (the offsets Common Crawl indexes give), of the record itself for .warc.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "hadath/status.h"

namespace hadath {

struct WarcRecord {
  size_t number = 0;      // 1-based ordinal of the record in the file
  uint64_t offset = 0;    // see above
  std::string type;       // WARC-Type
  std::string target_uri; // WARC-Target-URI
  std::string date;       // WARC-Date
  std::string record_id;  // WARC-Record-ID without <>
  std::string content_type;  // the record's Content-Type ("application/http; msgtype=response", "text/html", …)
  std::string block;         // the record block (for a response: the HTTP message)
};

class WarcReader {
 public:
  using OnError = std::function<void(size_t record, uint64_t offset, const std::string& reason)>;
  WarcReader(std::string path, size_t max_record_bytes, OnError on_error);
  ~WarcReader();

  Status Open();
  // The next record (of any type); false at the end of the file.
  bool Next(WarcRecord* rec);
  // Records seen so far (good, skipped and damaged).
  size_t records() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Turns an HTTP response message into status, Content-Type and the decoded body.
// Returns false (with a reason) when the message cannot be parsed.
bool ParseHttpResponse(const std::string& message, size_t max_body_bytes, int* status, std::string* content_type,
                       std::string* body, std::string* why);

// True for a name ending in .warc or .warc.gz (any case).
bool IsWarcName(const std::string& name);

}  // namespace hadath
