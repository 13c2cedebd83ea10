#include "store/export.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "code/event_json.h"
#include "text/dates.h"

namespace hadath::store {

namespace {

struct CountryRow {
  const char* iso3;
  const char* fips;
  const char* name;
};
const CountryRow kCountries[] = {
#include "store/fips.inc"
};

const CountryRow* FindCountry(const std::string& iso3) {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string, const CountryRow*>;
    for (const auto& r : kCountries) (*m)[r.iso3] = &r;
    return m;
  }();
  auto it = index->find(iso3);
  return it == index->end() ? nullptr : it->second;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string Num(double v) {
  std::string s = fmt::format("{:.6f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string Digits(const std::string& date) {  // "2015-07-21" → "20150721"
  std::string d;
  for (char c : date)
    if (c >= '0' && c <= '9') d += c;
  return d;
}

bool IsGroupBlock(const std::string& b) { return b == "IGO" || b == "NGO" || b == "IMG"; }

// Actor columns 1..10 of GDELT: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
// Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
void ActorColumns(const ActorRef* a, std::vector<std::string>* out) {
  std::vector<std::string> c(10);
  if (a && !a->code.empty()) {
    std::vector<std::string> blocks;
    for (size_t i = 0; i + 3 <= a->code.size(); i += 3) blocks.push_back(a->code.substr(i, 3));
    size_t next = 1;
    c[0] = a->code;
    std::vector<std::string> types;
    if (!blocks.empty() && IsGroupBlock(blocks[0])) {
      // IGOUNO, IGOWSTNAT, IMGREBISL: the type is IGO/NGO/IMG, the last block the group.
      types.push_back(blocks[0]);
      if (blocks.size() > 1 && blocks.back() != a->sector) {
        c[3] = blocks.back();
        blocks.pop_back();
      }
    } else if (!blocks.empty()) {
      c[2] = blocks[0];
    }
    if (!a->sector.empty() && std::find(types.begin(), types.end(), a->sector) == types.end())
      types.push_back(a->sector);
    for (size_t i = next; i < blocks.size(); ++i)
      if (std::find(types.begin(), types.end(), blocks[i]) == types.end()) types.push_back(blocks[i]);
    for (size_t i = 0; i < types.size() && i < 3; ++i) c[7 + i] = types[i];
    std::string name = a->name;
    if (name.empty() && !c[2].empty()) name = CountryName(c[2]);
    c[1] = Upper(name);
  }
  out->insert(out->end(), c.begin(), c.end());
}

}  // namespace

std::string FipsCountry(const std::string& iso3) {
  const CountryRow* r = FindCountry(iso3);
  return r ? r->fips : "";
}
std::string CountryName(const std::string& iso3) {
  const CountryRow* r = FindCountry(iso3);
  return r ? r->name : "";
}

const std::vector<std::string>& GdeltEventColumns() {
  static const std::vector<std::string> kCols = [] {
    std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
    for (const char* a : {"Actor1", "Actor2"})
      for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                            "Religion2Code", "Type1Code", "Type2Code", "Type3Code"})
        c.push_back(std::string(a) + f);
    for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"})
      c.push_back(f);
    for (const char* g : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"})
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"})
        c.push_back(std::string(g) + f);
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    return c;
  }();
  return kCols;
}

const std::vector<std::string>& GdeltMentionColumns() {
  static const std::vector<std::string> kCols = {
      "GLOBALEVENTID",   "EventTimeDate",    "MentionTimeDate", "MentionType",
      "MentionSourceName", "MentionIdentifier", "SentenceID",    "Actor1CharOffset",
      "Actor2CharOffset", "ActionCharOffset", "InRawText",       "Confidence",
      "MentionDocLen",   "MentionDocTone",   "MentionDocTranslationInfo", "Extras"};
  return kCols;
}

std::vector<std::string> GdeltEventRow(const EventRecord& e) {
  std::vector<std::string> r;
  r.reserve(61);
  r.push_back(std::to_string(e.id));
  std::string d = Digits(e.date);
  Ymd ymd;
  bool dated = Ymd::Parse(e.date, &ymd);
  r.push_back(dated ? d : "");
  r.push_back(dated ? d.substr(0, 6) : "");
  r.push_back(dated ? d.substr(0, 4) : "");
  if (dated) {
    int64_t doy = ymd.ToDays() - Ymd{ymd.y, 1, 1}.ToDays() + 1;
    r.push_back(fmt::format("{:.4f}", ymd.y + static_cast<double>(doy) / 365.0));
  } else {
    r.push_back("");
  }
  ActorColumns(&e.source, &r);
  ActorColumns(e.target ? &*e.target : nullptr, &r);
  r.push_back(e.first_sentence_index <= 1 ? "1" : "0");  // IsRootEvent: headline or lead
  r.push_back(e.cameo);
  r.push_back(e.cameo.substr(0, std::min<size_t>(3, e.cameo.size())));
  r.push_back(e.root);
  r.push_back(std::to_string(e.quad_class));
  r.push_back(Num(e.goldstein));
  r.push_back(std::to_string(e.num_mentions));
  r.push_back(std::to_string(e.num_sources));
  r.push_back(std::to_string(e.num_articles));
  r.push_back("");  // AvgTone: not computed
  for (int i = 0; i < 16; ++i) r.push_back("");  // Actor1Geo_*, Actor2Geo_*: actors are not geolocated
  const Location& l = e.location;
  if (!l.country.empty()) {
    std::string fips = FipsCountry(l.country);
    bool city = l.geonames_id.has_value();
    std::string country = CountryName(l.country);
    std::string full = l.name.empty() ? country : (country.empty() || l.name == country ? l.name : l.name + ", " + country);
    r.push_back(city ? "4" : "1");  // 4 WORLDCITY, 1 COUNTRY
    r.push_back(TsvField(full));
    r.push_back(fips);
    r.push_back(fips);               // ADM1Code: the country part only (no ADM1 in the gazetteer)
    r.push_back("");                 // ADM2Code
    r.push_back(l.lat ? Num(*l.lat) : "");
    r.push_back(l.lon ? Num(*l.lon) : "");
    r.push_back(city ? std::to_string(*l.geonames_id) : fips);
  } else {
    for (int i = 0; i < 8; ++i) r.push_back("");
  }
  std::string added = Digits(e.date_added);
  r.push_back(added);
  r.push_back(TsvField(e.first_url.empty() ? e.first_doc_id : e.first_url));
  return r;
}

std::vector<std::string> GdeltMentionRow(const MentionRecord& m) {
  const Event& e = m.event;
  std::vector<std::string> r;
  r.reserve(16);
  r.push_back(std::to_string(m.event_id));
  r.push_back(m.event_date.empty() ? "" : Digits(m.event_date) + "000000");
  r.push_back(e.doc_date.empty() ? Digits(m.ingested_at) : Digits(e.doc_date) + "000000");
  r.push_back("1");  // MentionType 1: WEB
  r.push_back(TsvField(e.doc_source));
  r.push_back(TsvField(e.doc_url.empty() ? e.doc_id : e.doc_url));
  r.push_back(std::to_string(e.sentence_index));
  r.push_back(std::to_string(e.source.start));
  r.push_back(e.target ? std::to_string(e.target->start) : "-1");
  r.push_back(std::to_string(e.trigger_start));
  r.push_back("1");  // InRawText: coded from the original text, no translation
  r.push_back(std::to_string(static_cast<int>(std::lround(m.confidence * 100))));
  r.push_back(std::to_string(m.doc_chars));
  r.push_back("");  // MentionDocTone
  r.push_back("");  // MentionDocTranslationInfo: not translated
  r.push_back("");  // Extras
  return r;
}

const std::vector<std::string>& EventColumns() {
  static const std::vector<std::string> kCols = {
      "id", "date", "cameo", "root", "quad_class", "goldstein",
      "source_code", "source_name", "source_country", "source_sector",
      "target_code", "target_name", "target_country", "target_sector",
      "location_name", "location_country", "location_lat", "location_lon", "location_geonames_id",
      "num_mentions", "num_sources", "num_articles", "first_doc_id", "first_url", "date_added"};
  return kCols;
}

std::vector<Value> EventValues(const EventRecord& e) {
  auto opt = [](const auto& o) { return o ? Value(*o) : Value(); };
  auto txt = [](const std::string& s) { return Value(s); };
  std::vector<Value> v = {Value(e.id), txt(e.date), txt(e.cameo), txt(e.root),
                          Value(static_cast<int64_t>(e.quad_class)), Value(e.goldstein),
                          txt(e.source.code), txt(e.source.name), txt(e.source.country), txt(e.source.sector)};
  if (e.target) {
    for (const std::string* s : {&e.target->code, &e.target->name, &e.target->country, &e.target->sector})
      v.push_back(txt(*s));
  } else {
    for (int i = 0; i < 4; ++i) v.push_back(Value());
  }
  v.push_back(txt(e.location.name));
  v.push_back(txt(e.location.country));
  v.push_back(opt(e.location.lat));
  v.push_back(opt(e.location.lon));
  v.push_back(e.location.geonames_id ? Value(static_cast<int64_t>(*e.location.geonames_id)) : Value());
  v.push_back(Value(e.num_mentions));
  v.push_back(Value(e.num_sources));
  v.push_back(Value(e.num_articles));
  v.push_back(txt(e.first_doc_id));
  v.push_back(txt(e.first_url));
  v.push_back(txt(e.date_added));
  return v;
}

const std::vector<std::string>& MentionCsvColumns() {
  static const std::vector<std::string> kCols = {
      "mention_id", "store_event_id", "event_id", "doc_id", "doc_date", "sentence_index", "date", "date_basis",
      "cameo", "root", "quad_class", "goldstein", "source_code", "source_text", "source_start", "source_end",
      "target_code", "target_text", "target_start", "target_end", "trigger_text", "trigger_start", "trigger_end",
      "location_name", "location_country", "modality", "negated", "confidence", "rules"};
  return kCols;
}

std::vector<Value> MentionCsvValues(const MentionRecord& m) {
  const Event& e = m.event;
  auto i64 = [](auto x) { return Value(static_cast<int64_t>(x)); };
  std::string rules;
  for (const auto& r : e.rules) rules += (rules.empty() ? "" : " ") + r;
  std::vector<Value> v = {i64(m.id), i64(m.event_id), Value(e.event_id), Value(e.doc_id), Value(e.doc_date),
                          i64(e.sentence_index), Value(e.date), Value(e.date_basis), Value(e.cameo), Value(e.root),
                          i64(e.quad_class), Value(e.goldstein), Value(e.source.code), Value(e.source.text),
                          i64(e.source.start), i64(e.source.end)};
  if (e.target) {
    v.insert(v.end(), {Value(e.target->code), Value(e.target->text), i64(e.target->start), i64(e.target->end)});
  } else {
    v.insert(v.end(), {Value(), Value(), Value(), Value()});
  }
  v.insert(v.end(), {Value(e.trigger_text), i64(e.trigger_start), i64(e.trigger_end), Value(e.location.name),
                     Value(e.location.country), Value(e.modality), i64(e.negated), Value(m.confidence),
                     Value(rules)});
  return v;
}

nlohmann::ordered_json MentionToJson(const MentionRecord& m) {
  nlohmann::ordered_json j = EventToJson(m.event);
  j["store_event_id"] = m.event_id;
  j["mention_id"] = m.id;
  j["confidence"] = m.confidence;
  return j;
}

std::string ValueText(const Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&v)) return Num(*d);
  return "";
}

nlohmann::ordered_json ValueJson(const Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* n = std::get_if<int64_t>(&v)) return *n;
  if (auto* d = std::get_if<double>(&v)) return std::round(*d * 1e6) / 1e6;
  return nullptr;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o += '"';
    o += c;
  }
  return o + "\"";
}

std::string TsvField(const std::string& s) {
  std::string o = s;
  for (char& c : o)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return o;
}

}  // namespace hadath::store
