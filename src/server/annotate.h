// Spans of a coded text for the document view and POST /api/code: every actor,
// trigger, place and date mention, in code point offsets into Extracted::text.
//
// Spans come from two places: the events (source, target, trigger, the location's
// words in the event's sentence; `events` lists the indices of the events that use
// the span) and the dictionaries (every actor and place phrase and every date
// expression the lexicon finds, whether or not an event used it).
//
// Thread safety: pure functions of their arguments; the Engine is shared read-only.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hadath/document.h"
#include "hadath/engine.h"
#include "hadath/event.h"

namespace hadath::server {

struct Span {
  size_t start = 0, end = 0;  // code points, [start, end)
  std::string kind;           // actor | trigger | place | date
  std::string role;           // source | target | "" (actors); the date's basis (dates)
  std::string code;           // actor code, CAMEO code, place country, date (YYYY-MM-DD)
  std::string label;          // English name, CAMEO label, place name
  std::string rule;           // data file:line of the dictionary entry, when known
  std::vector<int> events;    // indices into the events passed in
};

// Spans sorted by start, then longer first; one span per (start, end, kind).
std::vector<Span> AnnotateSpans(const Engine& engine, const Extracted& doc, const std::vector<Event>& events);
nlohmann::ordered_json SpansToJson(const std::vector<Span>& spans);

}  // namespace hadath::server
