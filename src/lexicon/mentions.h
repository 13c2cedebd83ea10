// Mentions: every actor, agent, place and date a text names, resolved
// against the Lexicon (`hadath mentions`, the GSR span evaluation, benches).
//
// Per sentence: leftmost-longest matches of every matcher; a role noun takes
// the country of a demonym («الجيش الروسي»), a genitive country or named actor
// («وزير خارجية إيران»), or, for member nouns, «لـ» + organisation; a country
// or capital after «في»/«بـ» is a place, else an actor (a metonym: «زودت
// إيران موسكو»); a bare demonym is not a mention. Actors take the code in
// force on the document date. When one span names several entries (the same
// name in several countries: «طرابلس», «عمان»), the country context decides
// (data/README.md, "Place disambiguation"): a country named in the same
// sentence, else in the document, else the largest population (a country
// outranks a city).
// Thread safety: pure function of a const Lexicon.
#pragma once

#include <string>
#include <vector>

#include "lexicon/lexicon.h"

namespace hadath {

struct Mention {
  enum class Kind { kActor, kAgent, kPlace, kDate };
  Kind kind = Kind::kActor;
  size_t sentence = 0;
  size_t begin = 0, end = 0;          // byte span in the text
  std::string code, country, sector, name, id;
  std::vector<std::string> rules;     // file:line of every entry used
  const PlaceEntry* place = nullptr;  // kPlace
  std::string date;                   // kDate: YYYY-MM-DD
  std::string why;                    // how an ambiguous span was resolved
};

const char* MentionKindName(Mention::Kind k);

// `doc_date` may be invalid (actors then take their latest role).
std::vector<Mention> FindMentions(const Lexicon& lex, const std::string& text, const Ymd& doc_date);

// The 3-letter country of an actor code ("" for IGO/NGO/IMG/MNC… codes).
std::string CountryOfCode(const std::string& code);
std::string SectorOfCode(const std::string& code);

}  // namespace hadath
