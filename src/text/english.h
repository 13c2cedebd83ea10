// English language module: sentences and tokens of English news text, with
// the same Sentence/Token structures and exact byte spans as the Arabic path.
//
// Tokens:
//   words     runs of letters/digits/marks; an apostrophe clitic is its own
//             token ("Russia's" → Russia + 's, "didn't" → did + n't, whose
//             matching form is "not"); an inner hyphen between letters splits
//             the word and is dropped ("al-Qaeda" → al + Qaeda, "U.S.-led" →
//             U.S. + led), so "al-Qaeda" and "al Qaeda" match the same entry
//   acronyms  letters joined by dots ("U.S.", "U.N.") are one token; a word of
//             two or three capitals ("US", "UN", "EU") has the dotted matching
//             form ("u.s."), so it never matches the pronoun "us"
//   numbers   digits with inner . , : / ("3.5", "1,000", "10:30", "7/10/2023")
//   punct     every other character
// Matching form: lower case (Normalizer: NFKC, Latin lower-cased; ’ → ').
// Stems: a word whose Snowball English stem differs from its form, and is a
// stem some trigger was written with (`keep_stem`), gets a second reading
// {prefix "~", stem} — "~" marks a reading reached through the stemmer, so
// exact forms win over stems and names never match by stem.
//
// Sentences end at . ! ? (with following closing quotes/brackets) when the
// next word starts a sentence (capital, digit, opening quote, line end), not
// after a title or month abbreviation (Mr. Dr. Gen. Oct.), a single-letter
// initial ("George W. Bush") or a dotted acronym followed by a lower-case word;
// and at every line break.
//
// Thread safety: pure functions.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace hadath::english {

// The marker of a stem reading in Segment::prefix.
inline constexpr const char* kStemMark = "~";

// Splits `text` into sentences of tokens, into *out (cleared first; its memory
// reused). `keep_stem(stem)` says whether a stem reading is worth offering
// (nullptr: no stem readings at all). A nonzero `keep_id` names keep_stem's answers
// (the same id, the same answer for a stem: a vocabulary's id, Tokenizer::SetVocabulary):
// they are then remembered with the thread's cached stems.
void Split(std::string_view text, const Normalizer& norm, const std::function<bool(std::string_view)>& keep_stem,
           TokenizedText* out, uint64_t keep_id = 0);

// The matching form of one English word (lower case; "n't" → "not").
std::string Fold(std::string_view surface, const Normalizer& norm);

// Snowball English stem of a matching form.
std::string StemOf(std::string_view form);

// True for abbreviations after which a period does not end a sentence
// ("mr", "dr", "gen", "oct"…); `word` is the matching form.
bool IsAbbreviation(std::string_view word);

}  // namespace hadath::english
