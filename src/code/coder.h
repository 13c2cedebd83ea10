// Coder: one article's sentences → CAMEO events.
//
// Per sentence: find lexicon mentions (actors, agents, places, triggers,
// cues, dates), compose actor phrases («نائب وزير الخارجية الإيراني، علي باقري
// خاني» → one IRNGOV actor), cut the sentence into clauses at complementizers
// and relative pronouns (so a speaker is never the actor of what it reports),
// then for each trigger choose source and target by Arabic word order:
//   verb:  an actor before it in its clause (SVO, headlines) else the first
//          actor after it (VSO); the target is the next actor after it,
//          preferring those introduced by the trigger's target prepositions;
//          a verb joined by و/ف with no subject of its own shares the subject
//          of the previous event of the sentence.
//   noun:  the genitive actor right after it («زيارة أبو مرزوق»), or the
//          subject of a light verb («أجرى X محادثات مع Y»); a definite or
//          pronoun-suffixed noun with neither is a back-reference: no event.
// Negation, uncertainty and hypotheticals drop the event (or mark it, with
// keep_negated); intent cues map the code to its 03 family (data/modality.tsv).
// What is not a new event is data too: background frames and `unrealized` cues
// (ar/cues.tsv), trigger options for other senses of a word, objective genitives,
// verbal attacks and condemned events (ar/triggers.tsv), and the history cut-off
// and armed sectors (ar/settings.tsv); and what a careful coder does not take as a report of a
// specific event: imperfective habits and descriptions, relative and preposed temporal clauses,
// questions, prospective or tallied nouns, nouns with no anchor (actor, place, date, count);
// data/README.md documents each.
// Thread safety: stateless apart from the const Lexicon; Code() is thread-safe.
#pragma once

#include <string>
#include <vector>

#include "hadath/document.h"
#include "hadath/event.h"
#include "lexicon/lexicon.h"

namespace hadath {

// How the coder read one sentence, for `hadath explain`: the actor phrases it
// composed, and for every trigger the decision taken and why.
struct SentenceTrace {
  size_t index = 0;
  std::string text;
  struct ActorLine { std::string text, code, prep; int group = 0; std::vector<std::string> rules; };
  std::vector<ActorLine> actors;
  struct TriggerLine {
    std::string text, cameo, rule, reading;  // reading: verb | noun
    std::string decision;                    // "event" or why it was rejected
    std::string source, target, date, date_basis, location, modality;
  };
  std::vector<TriggerLine> triggers;
  std::vector<std::string> clauses;          // the sentence cut into clauses
};

class Coder {
 public:
  // REQUIRES: `lexicon` outlives the Coder.
  Coder(const Lexicon* lexicon, bool keep_negated) : lex_(lexicon), keep_negated_(keep_negated) {}

  // `trace`, when not null, receives one entry per sentence.
  void Code(const Extracted& doc, const std::string& fallback_date, std::vector<Event>* events,
            std::vector<SentenceTrace>* trace = nullptr) const;

 private:
  const Lexicon* lex_;
  bool keep_negated_;
};

}  // namespace hadath
