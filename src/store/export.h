// Store rows → export layouts: GDELT 2.0 events (61 columns) and mentions
// (16 columns), JSON and CSV. Pure functions; the mapping is in the README
// ("Export").
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hadath/store.h"

namespace hadath::store {

// The published GDELT 2.0 column names, in order.
const std::vector<std::string>& GdeltEventColumns();    // 61
const std::vector<std::string>& GdeltMentionColumns();  // 16
std::vector<std::string> GdeltEventRow(const EventRecord& e);
std::vector<std::string> GdeltMentionRow(const MentionRecord& m);

// ISO alpha-3 → FIPS 10-4 ("" if unknown) and English country name.
std::string FipsCountry(const std::string& iso3);
std::string CountryName(const std::string& iso3);

// Flat columns shared by the CSV and JSON event exports.
const std::vector<std::string>& EventColumns();
std::vector<Value> EventValues(const EventRecord& e);
const std::vector<std::string>& MentionCsvColumns();
std::vector<Value> MentionCsvValues(const MentionRecord& m);
// A mention as the EVENT_FORMAT contract (what `hadath code` prints) plus
// store_event_id, mention_id and confidence.
nlohmann::ordered_json MentionToJson(const MentionRecord& m);

// One cell as text: NULL → "", reals without trailing zeros.
std::string ValueText(const Value& v);
nlohmann::ordered_json ValueJson(const Value& v);
// RFC 4180 field (quoted when it holds a comma, quote, CR or LF).
std::string CsvField(const std::string& s);
// A GDELT cell: tabs and newlines replaced by spaces.
std::string TsvField(const std::string& s);

}  // namespace hadath::store
