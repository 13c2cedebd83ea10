#include "extract/encoding.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <vector>

#include "util/swar.h"
#include "util/utf8.h"

namespace hadath {
namespace {

std::string Lower(std::string_view s) {
  std::string r(s);
  std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return std::tolower(c); });
  return r;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// UTF-8 with at most a few stray bytes (one invalid byte per 4 multi-byte
// characters; legacy Arabic bytes almost never form valid UTF-8 sequences)? Sets *multibyte when it has multi-byte characters.
bool IsUtf8(std::string_view s, bool* multibyte) {
  size_t good = 0, bad = 0, i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c < 0x80) {  // ASCII: then eight bytes at a time while they are ASCII too
      ++i;
      while (i + 8 <= s.size() && !swar::AnyHigh(swar::Load8(s.data() + i))) i += 8;
      continue;
    }
    size_t start = i;
    char32_t cp = utf8::Next(s, &i);
    if (cp == 0xFFFD && !(i - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")) {
      if (s.size() - start < 4 && (c & 0xC0) == 0xC0) break;  // cut at the end of a buffer
      ++bad;
    } else {
      ++good;
    }
  }
  *multibyte = good > 0;
  return bad == 0 || bad * 4 <= good;
}

// WHATWG-style label clean-up, then ICU's canonical name; "" if ICU does not know it.
std::string CanonicalCharset(std::string_view label) {
  std::string l = Lower(label);
  while (!l.empty() && (l.back() == ' ' || l.back() == '"' || l.back() == '\'' || l.back() == ';')) l.pop_back();
  size_t b = l.find_first_not_of(" \"'");
  if (b == std::string::npos) return "";
  l = l.substr(b);
  if (l == "utf8" || l == "unicode-1-1-utf-8") l = "utf-8";
  if (l == "iso-8859-1" || l == "latin1" || l == "us-ascii" || l == "ascii" || l == "iso8859-1") l = "windows-1252";
  if (l == "arabic" || l == "iso-8859-6-i" || l == "iso-8859-6-e" || l == "asmo-708" || l == "iso_8859-6") l = "iso-8859-6";
  if (l == "cp1256" || l == "x-cp1256") l = "windows-1256";
  if (l == "utf-16" || l == "unicode") l = "utf-16le";
  UErrorCode err = U_ZERO_ERROR;
  const char* name = ucnv_getCanonicalName(l.c_str(), "IANA", &err);
  if (U_FAILURE(err) || !name) {
    err = U_ZERO_ERROR;
    name = ucnv_getCanonicalName(l.c_str(), "", &err);
  }
  if (U_FAILURE(err) || !name) return "";
  // ICU's internal name ("ibm-9448_X100-2005") → the IANA one ("windows-1256").
  err = U_ZERO_ERROR;
  const char* std_name = ucnv_getStandardName(name, "MIME", &err);
  if (U_FAILURE(err) || !std_name) {
    err = U_ZERO_ERROR;
    std_name = ucnv_getStandardName(name, "IANA", &err);
  }
  std::string n = U_SUCCESS(err) && std_name ? std_name : name;
  if (Lower(n) == "windows-1256") return "windows-1256";
  return n;
}

bool SingleByte(const std::string& cs) { return cs != "UTF-8" && cs.rfind("UTF-16", 0) != 0 && cs.rfind("UTF-32", 0) != 0; }

struct CountCtx {
  size_t bad = 0;
};

// Writes U+FFFD for each illegal/unmapped sequence and counts its bytes.
void CountingToU(const void* context, UConverterToUnicodeArgs* args, const char* /*codeUnits*/, int32_t length,
                 UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone
  auto* ctx = static_cast<CountCtx*>(const_cast<void*>(context));
  ctx->bad += static_cast<size_t>(length > 0 ? length : 1);
  static const UChar kRepl[] = {0xFFFD};
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, kRepl, 1, 0, err);
}

// Converts with ICU; false if the converter cannot be opened.
bool Convert(std::string_view bytes, const std::string& charset, std::string* out, size_t* bad) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> from(ucnv_open(charset.c_str(), &err), ucnv_close);
  if (U_FAILURE(err) || !from) return false;
  CountCtx ctx;
  ucnv_setToUCallBack(from.get(), CountingToU, &ctx, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> to(ucnv_open("UTF-8", &err), ucnv_close);
  if (U_FAILURE(err)) return false;
  out->clear();
  out->reserve(bytes.size() * 2);
  // Stream through a UTF-16 pivot buffer: bounded extra memory.
  std::vector<char> chunk(1 << 16);
  std::vector<UChar> pivot(1 << 14);
  UChar* ps = pivot.data();
  UChar* pt = pivot.data();
  const char* src = bytes.data();
  const char* src_end = src + bytes.size();
  while (true) {
    char* tgt = chunk.data();
    err = U_ZERO_ERROR;
    ucnv_convertEx(to.get(), from.get(), &tgt, chunk.data() + chunk.size(), &src, src_end, pivot.data(), &ps, &pt,
                   pivot.data() + pivot.size(), false, true, &err);
    out->append(chunk.data(), tgt - chunk.data());
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) return false;
    break;
  }
  *bad = ctx.bad;
  return true;
}

std::string Detect(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  uchardet_handle_data(ud, bytes.data(), std::min<size_t>(bytes.size(), 256 << 10));
  uchardet_data_end(ud);
  std::string cs = uchardet_get_charset(ud);
  uchardet_delete(ud);
  return cs;
}

}  // namespace

std::string CharsetParam(std::string_view content_type) {
  std::string l = Lower(content_type);
  size_t p = l.find("charset");
  if (p == std::string::npos) return "";
  p = l.find_first_not_of(" \t", p + 7);
  if (p == std::string::npos || l[p] != '=') return "";
  p = l.find_first_not_of(" \t\"'", p + 1);
  if (p == std::string::npos) return "";
  size_t e = l.find_first_of(" \t\"';,>/", p);
  return std::string(content_type.substr(p, e == std::string::npos ? std::string::npos : e - p));
}

std::string MetaCharset(std::string_view html) {
  std::string head = Lower(html.substr(0, 4096));
  size_t p = 0;
  while ((p = head.find("<meta", p)) != std::string::npos) {
    size_t e = head.find('>', p);
    if (e == std::string::npos) break;
    std::string_view tag(head.data() + p, e - p);
    std::string_view orig(html.data() + p, e - p);
    size_t c = tag.find("charset");
    if (c != std::string::npos) {
      size_t q = tag.find_first_not_of(" \t\r\n", c + 7);
      if (q != std::string::npos && tag[q] == '=') {
        // <meta charset="x"> or content="text/html; charset=x"
        std::string cs = CharsetParam(orig.substr(c));
        if (!cs.empty()) return cs;
      }
    }
    p = e;
  }
  return "";
}

bool LooksLikeUtf16(std::string_view b, std::string* order) {
  size_t n = std::min<size_t>(b.size(), 64 << 10) & ~size_t(1);
  if (n < 4) return false;
  if (!std::memchr(b.data(), '\0', n)) return false;  // (most text: no NUL at all)
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; ++i)
    if (b[i] == '\0') (i % 2 ? odd : even)++;
  size_t nul = even + odd;
  if (nul == 0) return false;
  // ASCII-heavy UTF-16 has a NUL in every other byte; Arabic UTF-16 (U+06xx)
  // has NULs only for spaces and punctuation. Either way they sit on one parity,
  // and the other parity has no NUL pairs (U+0000).
  if (std::max(even, odd) * 100 < nul * 98) return false;
  if (n < 16 || nul * 40 < n) return false;  // too few to be spaces between words
  // The code units must be text: control characters other than tab/CR/LF are rare.
  bool le = odd > even;
  size_t controls = 0;
  for (size_t i = 0; i + 1 < n; i += 2) {
    unsigned u = le ? (static_cast<unsigned char>(b[i]) | static_cast<unsigned char>(b[i + 1]) << 8)
                    : (static_cast<unsigned char>(b[i]) << 8 | static_cast<unsigned char>(b[i + 1]));
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f') ++controls;
  }
  if (controls * 100 > n / 2) return false;
  *order = le ? "LE" : "BE";
  return true;
}

bool LooksBinary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 64 << 10);
  if (head.find('\0') == std::string_view::npos) return false;
  if (StartsWith(head, "\xFF\xFE") || StartsWith(head, "\xFE\xFF")) return false;
  std::string order;
  return !LooksLikeUtf16(head, &order);
}

void DecodeToUtf8(std::string_view bytes, std::string_view declared, bool html, std::string* out, Decoded* info) {
  *info = Decoded();
  std::string cs;
  // 1. BOM
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    cs = "UTF-8";
    info->basis = "bom";
  } else if (StartsWith(bytes, "\xFF\xFE")) {
    bytes.remove_prefix(2);
    cs = "UTF-16LE";
    info->basis = "bom";
  } else if (StartsWith(bytes, "\xFE\xFF")) {
    bytes.remove_prefix(2);
    cs = "UTF-16BE";
    info->basis = "bom";
  }
  std::string order;
  bool utf16 = cs.empty() && LooksLikeUtf16(bytes, &order);
  bool multibyte = false;
  bool utf8 = cs.empty() && !utf16 && IsUtf8(bytes.substr(0, 1 << 20), &multibyte);
  // 2. declared by the container, 3. <meta>
  if (cs.empty() && !utf16) {
    for (int k = 0; k < 2 && cs.empty(); ++k) {
      std::string label = k == 0 ? std::string(declared) : html ? MetaCharset(bytes) : "";
      std::string c = label.empty() ? "" : CanonicalCharset(label);
      if (c.empty() || c.rfind("UTF-16", 0) == 0) continue;  // a UTF-16 label on 8-bit bytes is wrong
      if (SingleByte(c) && utf8 && multibyte) continue;        // mislabelled UTF-8
      if (c == "UTF-8" && !utf8) continue;                       // "UTF-8" on bytes that are not
      cs = c;
      info->basis = k == 0 ? "declared" : "meta";
    }
  }
  // 4. detection
  if (cs.empty()) {
    info->basis = "detected";
    if (utf16) cs = "UTF-16" + order;
    else if (utf8) cs = "UTF-8";
    else {
      cs = CanonicalCharset(Detect(bytes));
      if (cs.empty() || cs == "UTF-8") cs = "windows-1256";  // undecidable non-UTF-8 bytes: the Arabic legacy default
    }
  }
  info->charset = cs;
  if (cs == "UTF-8") {
    info->invalid_bytes = utf8::Sanitize(bytes, out);
    return;
  }
  size_t bad = 0;
  if (!Convert(bytes, cs, out, &bad)) {
    info->charset = "UTF-8";
    info->basis = "default";
    info->invalid_bytes = utf8::Sanitize(bytes, out);
    return;
  }
  // NUL characters (from UTF-16 U+0000) are not text either.
  std::string clean;
  size_t nul = utf8::Sanitize(*out, &clean);
  *out = std::move(clean);
  info->invalid_bytes = bad + nul;
}

}  // namespace hadath
