// The WARC reader (src/ingest/warc.h) through ReadInputs, as `hadath code x.warc[.gz]`
// reads a file (gzip members or plain, any damage), and ParseHttpResponse on the raw
// bytes (chunked, gzip/deflate bodies). Invariants: every document has a body within
// the record limit; reading always terminates.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "ingest/reader.h"
#include "ingest/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hadath;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string path = fuzz::ScratchFile(bytes, ".warc");
  ReadOptions opt;
  opt.max_record_bytes = 1u << 20;
  ReadStats stats;
  ReadInputs(
      {path}, opt,
      [&](Document&& doc) {
        fuzz::Check(doc.body.size() <= 4 * opt.max_record_bytes, "a WARC document over the record limit");
        return true;
      },
      [](const std::string&, const Status&) {}, &stats);

  int status = 0;
  std::string type, body, why;
  if (ParseHttpResponse(std::string(bytes), 1u << 20, &status, &type, &body, &why))
    fuzz::Check(body.size() <= (1u << 20), "an HTTP body over max_body_bytes");
  return 0;
}
