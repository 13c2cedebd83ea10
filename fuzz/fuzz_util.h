// Shared by the fuzz targets: the data directory, the text stages loaded once, and a
// per-process scratch file for readers that take a path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/extractor.h"
#include "text/dates.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace hadath::fuzz {

// $HADATH_DATA, else the source tree's data/.
std::string DataDir();

// Normalizer, Tokenizer, DateGrammar and Extractor loaded from DataDir() on first use
// (aborts when the data cannot be loaded: that is a setup error, not a finding).
struct Stages {
  Normalizer normalizer;
  Tokenizer tokenizer;
  DateGrammar dates;
  Extractor extractor;
};
const Stages& GetStages();

// Writes `bytes` to a scratch file of this process whose name ends in `suffix`
// (".warc", ".jsonl.gz", …) and returns its path. The file is reused by later calls
// with the same suffix and removed at exit.
std::string ScratchFile(std::string_view bytes, const std::string& suffix);

// True when `s` is valid UTF-8 without NUL (utf8::Sanitize replaces nothing).
bool IsUtf8(std::string_view s);

// Aborts with `what` when `cond` is false: a broken invariant is a finding.
void Check(bool cond, const char* what);

}  // namespace hadath::fuzz
