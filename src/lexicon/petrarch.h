// PETRARCH/TABARI dictionaries → hadath TSV (`hadath dict import-petrarch`,
// `hadath dict import-cameo-verbs`).
//
// Actors (`PHRASE_ [CODE]`, `+SYNONYM_`, tab-indented `[CODE YYMMDD-YYMMDD]`,
// `[CODE <DATE]`, `[CODE >DATE]`) become rows of hadath's actor format with
// English names: `id name_en names_en codes wikidata note` (en/actors/*.tsv).
// Agents (`PHRASE {PLURAL} [~CODE]`, `!MACRO! = A, B` substitutions, regular
// plurals) become `id sector names_en name_en note` (en/agents/*.tsv); the
// sector is the code without `~`, one or two blocks (`~GOVMED` → GOVMED).
// Discards (`PHRASE`, `+PHRASE` for a whole story, a final `_` for a whole word)
// become `scope match phrase note` (en/discards.tsv).
// The CAMEO verb dictionary (synsets, verb blocks, `- * NOUN (PREP NOUN) [CODE]`
// patterns) becomes trigger rows `id cameo type forms options note`
// (en/triggers/cameo.tsv): see ImportCameoVerbs.
//
// Dates: YYYYMMDD or YYMMDD (YY ≤ 30 → 20YY, else 19YY, as PETRARCH reads
// them). Every problem is reported with file:line and either repaired (day 00
// → 01, an overlap trimmed) or the restriction dropped (unparsable, impossible
// dates, ranges that run backwards); nothing is kept silently.
//
// Overlapping dated codes of one code family (the first six letters) are made
// disjoint without changing what a document date resolves to: PETRARCH and
// hadath both take the first restriction that covers the date, so each range
// loses the days an earlier range of its family already covers (it may be
// split in two, or dropped when nothing is left).
//
// Names: a name already given by another entry — a hand-written file or an
// earlier imported entry (`NameClaims`) — is removed from the later entry and
// reported, so every English name denotes one entry.
// Thread safety: pure functions; a NameClaims is owned by one caller.
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "hadath/status.h"

namespace hadath {

class CameoTable;

struct ImportNote {
  std::string where;    // "Phoenix.Countries.actors.txt:123"
  std::string action;   // repaired | dropped | skipped | partial | unexpressed
  std::string message;
};

struct ImportResult {
  std::string tsv;                 // the generated file, with its GENERATED header
  size_t entries = 0, names = 0, codes = 0;
  std::vector<ImportNote> notes;
};

// What one import run shares across files: names (or trigger forms) already
// taken (matching key → where it was given), ids already used, and the country
// codes an actor code may start with (empty: not checked).
struct NameClaims {
  std::unordered_map<std::string, std::string> owner;
  std::set<std::string> ids;
  std::set<std::string> countries;
  // Snowball stems of the one-word forms of hand-written *noun* triggers («talks»): a
  // verb pattern with that stem ("talk with") would read the noun as the verb.
  std::set<std::string> noun_stems;
  // Lower-case, every run of non-alphanumeric ASCII bytes one space, trimmed.
  static std::string Key(const std::string& name);
  // The `where` of an earlier claim, or nullptr after claiming `name` for `where`.
  const std::string* Claim(const std::string& name, const std::string& where);
};

// CAMEO actor codes that start with something other than a country: regions
// (MEA, WAF…), religions (MUS, BUD…), transnational kinds (IGO, NGO, IMG, MNC…),
// and former states (USR, YUG, DDR, CSK). PETRARCH's dictionaries use them.
bool CameoNonCountryBlock(const std::string& block);

// `path` is read; `label` names it in notes and in the generated header.
// `claims` (optional) holds the names other entries have already taken.
Status ImportPetrarchActors(const std::string& path, const std::string& label, ImportResult* out,
                            NameClaims* claims = nullptr);
Status ImportPetrarchAgents(const std::string& path, const std::string& label, ImportResult* out,
                            NameClaims* claims = nullptr);
Status ImportPetrarchDiscards(const std::string& path, const std::string& label, ImportResult* out);

// CAMEO.2.0.txt → trigger rows. `cameo` validates event codes. `claims` holds
// trigger forms already given (hand-written en/triggers.tsv): those forms are
// left out of the generated rows, reported. Every pattern that hadath's trigger
// language cannot express is a note with action `unexpressed` and the reason;
// a pattern expressed only in part (a reciprocal second code) is `partial`.
// One-word verbs alone ("propose" → 020) are imported only with `one_word_verbs`: the
// English loader also matches a verb through its Snowball stem, which nouns share
// ("proposal" → propos), so by default they are listed as unexpressed instead.
Status ImportCameoVerbs(const std::string& path, const std::string& label, const CameoTable& cameo,
                        ImportResult* out, NameClaims* claims = nullptr, bool one_word_verbs = false);

}  // namespace hadath
