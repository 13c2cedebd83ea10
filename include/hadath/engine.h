// hadath — the public entry point: load the data once, then extract and code.
//
//   hadath::EngineOptions opt;            // data_dir empty: default lookup
//   std::unique_ptr<hadath::Engine> eng;
//   hadath::Status st = hadath::Engine::Open(opt, &eng);
//   hadath::Extracted doc; eng->Extract(raw, &doc);
//   std::vector<hadath::Event> events; eng->Code(doc, &events);
//
// Thread safety: an Engine is immutable after Open(); Extract() and Code()
// are const and may be called concurrently from any number of threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "hadath/document.h"
#include "hadath/event.h"
#include "hadath/status.h"

namespace hadath {

class Lexicon;  // src/lexicon/lexicon.h: for the library's own tools (tokens, mentions)

struct EngineOptions {
  // Directory holding hadath's data files (cameo.tsv, ar/, geo/, extract/).
  // Empty: HADATH_DATA, else the installed share/hadath/data beside the
  // executable, else the source tree's data/ (build-tree runs).
  std::string data_dir;
  // Emit negated/uncertain events too (with negated=true) instead of dropping them.
  bool keep_negated = false;
};

// Resolves the data directory as EngineOptions::data_dir documents.
// REQUIRES: argv0 is the running executable's path (or empty).
std::string ResolveDataDir(const std::string& explicit_dir, const std::string& argv0);

class Engine {
 public:
  static Status Open(const EngineOptions& options, std::unique_ptr<Engine>* out);
  ~Engine();

  // Raw document → article text and metadata. Never fails on content:
  // undecodable bytes are replaced and counted; an error means no article
  // could be found at all (empty or binary input).
  Status Extract(const Document& doc, Extracted* out) const;

  // Article → events, in sentence order. `fallback_date` (YYYY-MM-DD) is used
  // when the article has no date of its own.
  Status Code(const Extracted& doc, std::vector<Event>* events,
              const std::string& fallback_date = "") const;

  const std::string& data_dir() const;
  // The loaded dictionaries, for hadath's own tools; not a stable API.
  const Lexicon& lexicon() const;

  struct Impl;
 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

const char* Version();

}  // namespace hadath
