// Event and Extracted → JSON, in the field order of EVENT_FORMAT.md.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "hadath/document.h"
#include "hadath/event.h"

namespace hadath {

nlohmann::ordered_json EventToJson(const Event& e);
// Appends EventToJson(e).dump() to *out, byte for byte, without building the
// JSON tree (the `code` command's hot path).
void AppendEventJson(const Event& e, std::string* out);
nlohmann::ordered_json ExtractedToJson(const Extracted& d, bool with_removed);

}  // namespace hadath
