// The JSONL reader (src/ingest/reader.cc): the input as a .jsonl file, or as a
// .jsonl.gz when it starts with the gzip magic (then damaged/truncated members,
// concatenated members, lines across inflate buffers). Line limit 64 KiB so that the
// over-long-line path is reachable.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hadath;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bool gz = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
  const std::string path = fuzz::ScratchFile(bytes, gz ? ".jsonl.gz" : ".jsonl");
  ReadOptions opt;
  opt.max_line_bytes = 64u << 10;
  ReadStats stats;
  ReadInputs(
      {path}, opt,
      [&](Document&& doc) {
        fuzz::Check(doc.body.size() <= opt.max_line_bytes, "a JSONL document longer than its line");
        return true;
      },
      [](const std::string&, const Status&) {}, &stats);
  return 0;
}
