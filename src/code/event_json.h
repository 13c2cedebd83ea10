// Event and Extracted → JSON, in the field order of EVENT_FORMAT.md.
#pragma once

#include <nlohmann/json.hpp>

#include "hadath/document.h"
#include "hadath/event.h"

namespace hadath {

nlohmann::ordered_json EventToJson(const Event& e);
nlohmann::ordered_json ExtractedToJson(const Extracted& d, bool with_removed);

}  // namespace hadath
