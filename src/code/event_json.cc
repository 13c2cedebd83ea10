#include "code/event_json.h"

#include <charconv>
#include <cmath>

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

// Appends JSON in nlohmann's dump() spelling (no indent, UTF-8 kept as is);
// `ok` turns false at the first string that is not valid UTF-8.
class Writer {
 public:
  explicit Writer(std::string* out) : out_(*out) {}
  bool ok() const { return ok_; }

  // `quoted`: a plain ASCII name in quotes with its colon, as written ("\"text\":").
  void Key(std::string_view quoted) {
    if (!first_) out_ += ',';
    first_ = false;
    out_.append(quoted);
  }
  void Open() { out_ += '{'; first_ = true; }
  void Close() { out_ += '}'; first_ = false; }
  void Null() { out_ += "null"; }
  void Bool(bool b) { out_ += b ? "true" : "false"; }
  template <typename Int>
  void Integer(Int v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void Double(double x) {
    if (!std::isfinite(x)) return Null();
    char buf[64];
    char* e = nlohmann::detail::to_chars(buf, buf + sizeof buf, x);
    out_.append(buf, e);
  }
  void String(std::string_view s) {
    out_ += '"';
    const size_t n = s.size();
    size_t run = 0;  // start of the bytes not yet written
    for (size_t i = 0; i < n;) {
      // Eight plain bytes at a time: no control, quote, backslash or non-ASCII byte.
      while (i + 8 <= n) {
        const uint64_t w = swar::Load8(s.data() + i);
        if (swar::AnyHigh(w) | swar::AnyBelow(w, 0x20) | swar::AnyEqual(w, '"') | swar::AnyEqual(w, '\\')) break;
        i += 8;
      }
      if (i >= n) break;
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (!kSpecial.is[c]) { ++i; continue; }
      if (c >= 0x80) {  // a multibyte sequence, kept as is when it is valid UTF-8
        const size_t len = Utf8Length(s, i);
        if (!len) { ok_ = false; ++i; continue; }
        i += len;
        continue;
      }
      out_.append(s.data() + run, i - run);
      run = ++i;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out_.append(u, 6);
        }
      }
    }
    out_.append(s.data() + run, n - run);
    out_ += '"';
  }

 private:
  std::string& out_;
  bool first_ = true;
  bool ok_ = true;
};

void WriteActor(Writer& w, const ActorRef& a) {
  w.Open();
  w.Key("\"text\":"); w.String(a.text);
  w.Key("\"code\":"); w.String(a.code);
  w.Key("\"country\":"); w.String(a.country);
  w.Key("\"sector\":"); w.String(a.sector);
  w.Key("\"name\":"); w.String(a.name);
  w.Key("\"start\":"); w.Integer(a.start);
  w.Key("\"end\":"); w.Integer(a.end);
  w.Close();
}

}  // namespace

void AppendEventJson(const Event& e, std::string* out) {
  const size_t at = out->size();
  Writer w(out);
  w.Open();
  w.Key("\"event_id\":"); w.String(e.event_id);
  w.Key("\"doc_id\":"); w.String(e.doc_id);
  w.Key("\"doc_url\":"); w.String(e.doc_url);
  w.Key("\"doc_source\":"); w.String(e.doc_source);
  w.Key("\"doc_title\":"); w.String(e.doc_title);
  w.Key("\"doc_date\":"); w.String(e.doc_date);
  w.Key("\"sentence_index\":"); w.Integer(e.sentence_index);
  w.Key("\"sentence\":"); w.String(e.sentence);
  w.Key("\"date\":"); w.String(e.date);
  w.Key("\"date_basis\":"); w.String(e.date_basis);
  w.Key("\"source\":"); WriteActor(w, e.source);
  w.Key("\"target\":");
  if (e.target) WriteActor(w, *e.target);
  else w.Null();
  w.Key("\"cameo\":"); w.String(e.cameo);
  w.Key("\"root\":"); w.String(e.root);
  w.Key("\"quad_class\":"); w.Integer(e.quad_class);
  w.Key("\"goldstein\":"); w.Double(e.goldstein);
  w.Key("\"plover\":"); w.String(e.plover);
  w.Key("\"plover_mode\":"); w.String(e.plover_mode);
  w.Key("\"trigger\":");
  w.Open();
  w.Key("\"text\":"); w.String(e.trigger_text);
  w.Key("\"start\":"); w.Integer(e.trigger_start);
  w.Key("\"end\":"); w.Integer(e.trigger_end);
  w.Close();
  w.Key("\"location\":");
  w.Open();
  w.Key("\"text\":"); w.String(e.location.text);
  w.Key("\"name\":"); w.String(e.location.name);
  w.Key("\"country\":"); w.String(e.location.country);
  w.Key("\"lat\":"); if (e.location.lat) w.Double(*e.location.lat); else w.Null();
  w.Key("\"lon\":"); if (e.location.lon) w.Double(*e.location.lon); else w.Null();
  w.Key("\"geonames_id\":"); if (e.location.geonames_id) w.Integer(*e.location.geonames_id); else w.Null();
  w.Close();
  w.Key("\"negated\":"); w.Bool(e.negated);
  w.Key("\"modality\":"); w.String(e.modality);
  w.Key("\"rules\":");
  *out += '[';
  for (size_t k = 0; k < e.rules.size(); ++k) {
    if (k) *out += ',';
    w.String(e.rules[k]);
  }
  *out += ']';
  w.Key("\"cameo_name\":"); w.String(e.cameo_name);
  w.Close();
  // Invalid UTF-8 (never from the pipeline, which sanitizes its text): the
  // general path, with nlohmann's own error.
  if (!w.ok()) {
    out->resize(at);
    *out += EventToJson(e).dump();
  }
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
