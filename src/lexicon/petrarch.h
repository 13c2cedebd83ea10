// PETRARCH/TABARI dictionaries → hadath TSV (`hadath dict import-petrarch`).
//
// Actors (`PHRASE_ [CODE]`, `+SYNONYM_`, tab-indented `[CODE YYMMDD-YYMMDD]`,
// `[CODE <DATE]`, `[CODE >DATE]`) become rows of hadath's actor format with
// English names: `id name_en names_en codes wikidata note` (en/actors/*.tsv).
// Agents (`PHRASE {PLURAL} [~CODE]`, `!MACRO! = A, B` substitutions, regular
// plurals) become `id sector names_en name_en note` (en/agents.tsv).
//
// Dates: YYYYMMDD or YYMMDD (YY ≤ 30 → 20YY, else 19YY, as PETRARCH reads
// them). Every date problem is reported with file:line and either repaired
// (2-digit years expanded, day 00 → 01, a range whose ends are swapped) or the
// restriction dropped (unparsable, impossible dates); nothing is kept silently.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "hadath/status.h"

namespace hadath {

struct ImportNote {
  std::string where;    // "Phoenix.Countries.actors.txt:123"
  std::string action;   // repaired | dropped | skipped
  std::string message;
};

struct ImportResult {
  std::string tsv;                 // the generated file, with its GENERATED header
  size_t entries = 0, names = 0, codes = 0;
  std::vector<ImportNote> notes;
};

// `path` is read; `label` names it in notes and in the generated header.
Status ImportPetrarchActors(const std::string& path, const std::string& label, ImportResult* out);
Status ImportPetrarchAgents(const std::string& path, const std::string& label, ImportResult* out);

}  // namespace hadath
