#include "code/event_json.h"

#include <charconv>
#include <algorithm>
#include <cmath>
#include <memory>
#include <cstring>

#include "util/swar.h"

namespace hadath {

static nlohmann::ordered_json ActorToJson(const ActorRef& a) {
  nlohmann::ordered_json j;
  j["text"] = a.text;
  j["code"] = a.code;
  j["country"] = a.country;
  j["sector"] = a.sector;
  j["name"] = a.name;
  j["start"] = a.start;
  j["end"] = a.end;
  return j;
}

nlohmann::ordered_json EventToJson(const Event& e) {
  nlohmann::ordered_json j;
  j["event_id"] = e.event_id;
  j["doc_id"] = e.doc_id;
  j["doc_url"] = e.doc_url;
  j["doc_source"] = e.doc_source;
  j["doc_title"] = e.doc_title;
  j["doc_date"] = e.doc_date;
  j["sentence_index"] = e.sentence_index;
  j["sentence"] = e.sentence;
  j["date"] = e.date;
  j["date_basis"] = e.date_basis;
  j["source"] = ActorToJson(e.source);
  j["target"] = e.target ? ActorToJson(*e.target) : nlohmann::ordered_json(nullptr);
  j["cameo"] = e.cameo;
  j["root"] = e.root;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["plover"] = e.plover;
  j["plover_mode"] = e.plover_mode;
  j["trigger"] = {{"text", e.trigger_text}, {"start", e.trigger_start}, {"end", e.trigger_end}};
  nlohmann::ordered_json loc;
  loc["text"] = e.location.text;
  loc["name"] = e.location.name;
  loc["country"] = e.location.country;
  loc["lat"] = e.location.lat ? nlohmann::ordered_json(*e.location.lat) : nlohmann::ordered_json(nullptr);
  loc["lon"] = e.location.lon ? nlohmann::ordered_json(*e.location.lon) : nlohmann::ordered_json(nullptr);
  loc["geonames_id"] =
      e.location.geonames_id ? nlohmann::ordered_json(*e.location.geonames_id) : nlohmann::ordered_json(nullptr);
  j["location"] = loc;
  j["negated"] = e.negated;
  j["modality"] = e.modality;
  j["rules"] = e.rules;
  j["cameo_name"] = e.cameo_name;
  return j;
}

namespace {

// The length of the strict UTF-8 sequence (RFC 3629: no overlong forms,
// surrogates or code points past U+10FFFF) at s[i], a byte >= 0x80; 0 when
// invalid. The same set nlohmann's serializer accepts without throwing.
size_t Utf8Length(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t left = s.size() - i;
  const unsigned char c = p[0];
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 1;
  else if (c >= 0xE0 && c <= 0xEF) { n = 2; if (c == 0xE0) lo = 0xA0; else if (c == 0xED) hi = 0x9F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 3; if (c == 0xF0) lo = 0x90; else if (c == 0xF4) hi = 0x8F; }
  else return 0;
  if (left <= n) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (size_t k = 2; k <= n; ++k)
    if (p[k] < 0x80 || p[k] > 0xBF) return 0;
  return n + 1;
}

// The bytes a JSON string cannot copy as they are: controls, '"', '\\', and
// the lead and continuation bytes of UTF-8 (checked).
struct SpecialBytes {
  bool is[256] = {};
  constexpr SpecialBytes() {
    for (int c = 0; c < 256; ++c) is[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  }
};
constexpr SpecialBytes kSpecial;

// Writes JSON in nlohmann's dump() spelling (no indent, UTF-8 kept as is) at
// a cursor into a buffer that the caller sized for the worst case (see Bound);
// `ok` turns false at the first string that is not valid UTF-8. The structure
// of an event is fixed, so its keys, commas and braces are written as literal
// runs ("{\"event_id\":", ",\"doc_id\":" …) of known length.
class Writer {
 public:
  explicit Writer(char* p) : p_(p) {}
  bool ok() const { return ok_; }
  char* end() const { return p_; }

  template <size_t N>
  void Raw(const char (&lit)[N]) {
    std::memcpy(p_, lit, N - 1);
    p_ += N - 1;
  }
  void Char(char c) { *p_++ = c; }
  void Null() { Raw("null"); }
  void Bool(bool b) {
    if (b) Raw("true");
    else Raw("false");
  }
  template <typename Int>
  void Integer(Int v) {
    p_ = std::to_chars(p_, p_ + kNumber, v).ptr;
  }
  void Double(double x) {
    if (!std::isfinite(x)) return Null();
    p_ = nlohmann::detail::to_chars(p_, p_ + kNumber, x);
  }
  void String(std::string_view s) {
    *p_++ = '"';
    const char* src = s.data();
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
      // Eight plain bytes at a time (no control, quote, backslash or non-ASCII
      // byte), copied as they are read.
      while (i + 8 <= n) {
        const uint64_t w = swar::Load8(src + i);
        if (swar::AnyHigh(w) | swar::AnyBelow(w, 0x20) | swar::AnyEqual(w, '"') | swar::AnyEqual(w, '\\')) break;
        std::memcpy(p_, &w, 8);
        p_ += 8;
        i += 8;
      }
      // then byte by byte up to the next eight (or the end)
      for (const size_t stop = i + 8 < n ? i + 8 : n; i < stop;) {
        const unsigned char c = static_cast<unsigned char>(src[i]);
        if (!kSpecial.is[c]) {
          *p_++ = static_cast<char>(c);
          ++i;
          continue;
        }
        if (c >= 0x80) {  // a multibyte sequence, kept as is when it is valid UTF-8
          size_t len;
          if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (static_cast<unsigned char>(src[i + 1]) & 0xC0) == 0x80) len = 2;
          else len = Utf8Length(s, i);
          if (!len) {
            ok_ = false;
            *p_++ = static_cast<char>(c);
            ++i;
            continue;
          }
          std::memcpy(p_, src + i, len);
          p_ += len;
          i += len;
          continue;
        }
        ++i;
        switch (c) {
          case '"': Raw("\\\""); break;
          case '\\': Raw("\\\\"); break;
          case '\b': Raw("\\b"); break;
          case '\f': Raw("\\f"); break;
          case '\n': Raw("\\n"); break;
          case '\r': Raw("\\r"); break;
          case '\t': Raw("\\t"); break;
          default: {
            static const char kHex[] = "0123456789abcdef";
            const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
            std::memcpy(p_, u, 6);
            p_ += 6;
          }
        }
      }
    }
    *p_++ = '"';
  }

  // Room for one number (to_chars of any integer; nlohmann's double spelling
  // needs at most 25 bytes and asks for a little more to work in).
  static constexpr size_t kNumber = 64;
  // The most bytes String(s) writes: each byte escaped as \u00XX, and quotes.
  static size_t StringBound(std::string_view s) { return 6 * s.size() + 2; }

 private:
  char* p_;
  bool ok_ = true;
};

void WriteActor(Writer& w, const ActorRef& a) {
  w.Raw("{\"text\":"); w.String(a.text);
  w.Raw(",\"code\":"); w.String(a.code);
  w.Raw(",\"country\":"); w.String(a.country);
  w.Raw(",\"sector\":"); w.String(a.sector);
  w.Raw(",\"name\":"); w.String(a.name);
  w.Raw(",\"start\":"); w.Integer(a.start);
  w.Raw(",\"end\":"); w.Integer(a.end);
  w.Char('}');
}

size_t ActorBound(const ActorRef& a) {
  return Writer::StringBound(a.text) + Writer::StringBound(a.code) + Writer::StringBound(a.country) +
         Writer::StringBound(a.sector) + Writer::StringBound(a.name) + 2 * Writer::kNumber;
}

// The most bytes AppendEventJson writes for e: every string at its worst,
// every number at kNumber, and 1 KB for the keys and punctuation (about 560
// bytes).
size_t Bound(const Event& e) {
  size_t b = 1024 + 9 * Writer::kNumber;
  for (const std::string* s : {&e.event_id, &e.doc_id, &e.doc_url, &e.doc_source, &e.doc_title, &e.doc_date,
                               &e.sentence, &e.date, &e.date_basis, &e.cameo, &e.root, &e.plover, &e.plover_mode,
                               &e.trigger_text, &e.location.text, &e.location.name, &e.location.country, &e.modality,
                               &e.cameo_name})
    b += Writer::StringBound(*s);
  b += ActorBound(e.source);
  if (e.target) b += ActorBound(*e.target);
  for (const std::string& r : e.rules) b += Writer::StringBound(r) + 1;
  return b;
}

}  // namespace

void AppendEventJson(const Event& e, std::string* out) {
  // (written into a scratch buffer of this thread, kept between calls and never
  // zero-filled, then appended: resizing `out` to the bound would clear it)
  thread_local std::unique_ptr<char[]> scratch;
  thread_local size_t scratch_size = 0;
  const size_t bound = Bound(e);
  if (bound > scratch_size) {
    scratch_size = std::max(bound, 2 * scratch_size);
    scratch.reset(new char[scratch_size]);
  }
  Writer w(scratch.get());
  w.Raw("{\"event_id\":"); w.String(e.event_id);
  w.Raw(",\"doc_id\":"); w.String(e.doc_id);
  w.Raw(",\"doc_url\":"); w.String(e.doc_url);
  w.Raw(",\"doc_source\":"); w.String(e.doc_source);
  w.Raw(",\"doc_title\":"); w.String(e.doc_title);
  w.Raw(",\"doc_date\":"); w.String(e.doc_date);
  w.Raw(",\"sentence_index\":"); w.Integer(e.sentence_index);
  w.Raw(",\"sentence\":"); w.String(e.sentence);
  w.Raw(",\"date\":"); w.String(e.date);
  w.Raw(",\"date_basis\":"); w.String(e.date_basis);
  w.Raw(",\"source\":"); WriteActor(w, e.source);
  w.Raw(",\"target\":");
  if (e.target) WriteActor(w, *e.target);
  else w.Null();
  w.Raw(",\"cameo\":"); w.String(e.cameo);
  w.Raw(",\"root\":"); w.String(e.root);
  w.Raw(",\"quad_class\":"); w.Integer(e.quad_class);
  w.Raw(",\"goldstein\":"); w.Double(e.goldstein);
  w.Raw(",\"plover\":"); w.String(e.plover);
  w.Raw(",\"plover_mode\":"); w.String(e.plover_mode);
  w.Raw(",\"trigger\":{\"text\":"); w.String(e.trigger_text);
  w.Raw(",\"start\":"); w.Integer(e.trigger_start);
  w.Raw(",\"end\":"); w.Integer(e.trigger_end);
  w.Raw("},\"location\":{\"text\":"); w.String(e.location.text);
  w.Raw(",\"name\":"); w.String(e.location.name);
  w.Raw(",\"country\":"); w.String(e.location.country);
  w.Raw(",\"lat\":"); if (e.location.lat) w.Double(*e.location.lat); else w.Null();
  w.Raw(",\"lon\":"); if (e.location.lon) w.Double(*e.location.lon); else w.Null();
  w.Raw(",\"geonames_id\":"); if (e.location.geonames_id) w.Integer(*e.location.geonames_id); else w.Null();
  w.Raw("},\"negated\":"); w.Bool(e.negated);
  w.Raw(",\"modality\":"); w.String(e.modality);
  w.Raw(",\"rules\":[");
  for (size_t k = 0; k < e.rules.size(); ++k) {
    if (k) w.Char(',');
    w.String(e.rules[k]);
  }
  w.Raw("],\"cameo_name\":"); w.String(e.cameo_name);
  w.Char('}');
  // Invalid UTF-8 (never from the pipeline, which sanitizes its text): the
  // general path, with nlohmann's own error.
  if (!w.ok()) *out += EventToJson(e).dump();
  else out->append(scratch.get(), static_cast<size_t>(w.end() - scratch.get()));
}

nlohmann::ordered_json ExtractedToJson(const Extracted& d, bool with_removed) {
  nlohmann::ordered_json j;
  j["id"] = d.id;
  j["url"] = d.url;
  j["title"] = d.title;
  j["date"] = d.date;
  j["date_origin"] = d.date_origin;
  j["site"] = d.site;
  j["lang"] = d.lang;
  j["invalid_bytes"] = d.invalid_bytes;
  j["text"] = d.text;
  if (with_removed) {
    nlohmann::ordered_json r = nlohmann::ordered_json::array();
    for (const auto& x : d.removed) r.push_back({{"reason", x.reason}, {"text", x.text}});
    j["removed"] = r;
  }
  return j;
}

}  // namespace hadath
