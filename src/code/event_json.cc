#include "code/event_json.h"

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
