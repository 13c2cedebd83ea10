// hadath — a coded event: the fields of ../shared/design/EVENT_FORMAT.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hadath {

struct ActorRef {
  std::string text;      // surface text of the mention
  std::string code;      // CAMEO actor code, e.g. "IRNGOV", "PSEREB"
  std::string country;   // first block of code: ISO alpha-3, IGO, NGO, IMG
  std::string sector;    // GOV MIL REB ... or ""
  std::string name;      // canonical (English) name of the entry, or ""
  size_t start = 0;      // code point offsets into Extracted::text
  size_t end = 0;
};

struct Location {
  std::string text;
  std::string name;
  std::string country;
  std::optional<double> lat, lon;
  std::optional<long long> geonames_id;
};

struct Event {
  std::string event_id;
  std::string doc_id, doc_url, doc_source, doc_title, doc_date;
  size_t sentence_index = 0;
  std::string sentence;
  std::string date;          // YYYY-MM-DD or ""
  std::string date_basis;    // explicit | weekday | relative | document | ""
  ActorRef source;
  std::optional<ActorRef> target;
  std::string cameo, root;
  std::string cameo_name;   // the code's CAMEO label (an added field)
  int quad_class = 0;
  double goldstein = 0.0;
  std::string plover, plover_mode;
  std::string trigger_text;
  size_t trigger_start = 0, trigger_end = 0;
  Location location;
  bool negated = false;
  std::string modality = "asserted";  // asserted | intended | hypothetical
  std::vector<std::string> rules;     // "file:line" of every entry that fired
};

}  // namespace hadath
