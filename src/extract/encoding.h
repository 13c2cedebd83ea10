// Encodings: raw bytes of a page → UTF-8.
//
// The charset is taken, in this order, from
//   1. a byte order mark (UTF-8, UTF-16LE/BE);
//   2. the charset the container declares (HTTP Content-Type in a WARC record);
//   3. for HTML, <meta charset=…> or <meta http-equiv="Content-Type" content="…charset=…">
//      in the first 4 KiB;
//   4. detection: a UTF-16 NUL pattern, valid UTF-8, else uchardet.
// A declared legacy single-byte charset loses to UTF-8 when the bytes are valid UTF-8
// with multi-byte sequences (a common mislabelling of Arabic pages). Conversion is
// ICU's ucnv; bytes that are invalid or unmapped in the chosen charset become U+FFFD
// and are counted, never fatal.
// Thread safety: pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hadath {

struct Decoded {
  std::string charset;       // canonical name used ("UTF-8", "windows-1256", "UTF-16LE", …)
  std::string basis;         // bom | declared | meta | detected | default
  size_t invalid_bytes = 0;  // bytes replaced by U+FFFD
};

// Decodes `bytes` to UTF-8 (NUL characters are replaced and counted too).
// `declared` is the container's charset label or "".
void DecodeToUtf8(std::string_view bytes, std::string_view declared, bool html, std::string* out, Decoded* info);

// The charset named by <meta charset> / http-equiv in the first 4 KiB of an HTML page, or "".
std::string MetaCharset(std::string_view html);

// The charset parameter of a Content-Type header value ("text/html; charset=UTF-8" → "UTF-8").
std::string CharsetParam(std::string_view content_type);

// True for UTF-16 text without a BOM: NUL bytes, nearly all at the same parity.
// "LE"/"BE" in *order when true.
bool LooksLikeUtf16(std::string_view bytes, std::string* order);

// True when `bytes` (a file's head) is binary: NUL bytes that are not UTF-16 text.
bool LooksBinary(std::string_view bytes);

}  // namespace hadath
