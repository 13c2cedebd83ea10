// `hadath dict check`: every problem of the dictionaries, not just the first.
//
// Errors: a row with more cells than its header, a missing required column or
// cell, a bad code / date / coordinate / sector / CAMEO code / option, a date
// range that runs backwards, two dated ranges of one code family (the first
// six letters: IRNGOV, IGOUNO…) that overlap by more than their boundary day,
// a duplicate id, and a name that (after normalization) maps to different
// codes in two entries of the same kind (actors, agents). Place names shared
// by places of different countries are expected (resolved by context and
// population) and only counted.
// Thread safety: a pure function of the data directory.
#pragma once

#include <string>
#include <vector>

#include "hadath/status.h"

namespace hadath {

struct CheckIssue {
  std::string where;    // "ar/actors.tsv:12" (or a file)
  std::string message;
};

struct CheckReport {
  std::vector<CheckIssue> errors;
  size_t files = 0, rows = 0;
  size_t ambiguous_place_names = 0;  // names of places in different countries
};

// Fails only when the data directory cannot be read at all.
Status CheckDictionaries(const std::string& data_dir, CheckReport* report);

}  // namespace hadath
