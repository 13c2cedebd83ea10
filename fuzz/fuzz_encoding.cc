// Charset detection and conversion (src/extract/encoding.h). The first byte picks the
// declared label (none, a real one, a bogus one) and whether the bytes are HTML; the
// rest is the page. Invariants: the output is valid UTF-8 without NUL; the sniffing
// helpers never read past the input.
#include <cstdint>
#include <string>

#include "extract/encoding.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hadath;
  if (size == 0) return 0;
  static const char* kLabels[] = {"",          "UTF-8",       "windows-1256", "ISO-8859-6", "UTF-16LE",
                                  "UTF-16BE",  "utf-32",      "x-bogus",      "latin1",     "Shift_JIS",
                                  "ISO-2022-JP", "UTF-7",     "gb18030",      "koi8-r",     "cp864",
                                  "text/html; charset=\"windows-1256\""};
  const uint8_t sel = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string declared = (sel & 0x10) ? CharsetParam(kLabels[sel & 15]) : kLabels[sel & 15];
  std::string out;
  Decoded info;
  DecodeToUtf8(bytes, declared, (sel & 0x20) != 0, &out, &info);
  fuzz::Check(fuzz::IsUtf8(out), "DecodeToUtf8 output is not UTF-8");
  fuzz::Check(!info.charset.empty(), "DecodeToUtf8 names no charset");
  MetaCharset(bytes);
  CharsetParam(bytes);
  std::string order;
  LooksLikeUtf16(bytes, &order);
  LooksBinary(bytes);
  return 0;
}
