// Pipeline: read → extract → code on N worker threads, results in input order.
//
// One reader thread streams Documents from the inputs (src/ingest); `threads`
// workers run Engine::Extract and Engine::Code; the calling thread receives
// every result — a coded document or an error, read errors included — in
// input order, so output is identical for any thread count. At most
// `window` documents are in flight (read but not yet delivered): memory stays
// flat whatever the input size.
// Thread safety: RunPipeline itself is called from one thread; the Engine is
// shared read-only by the workers (Engine is immutable after Open()).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "hadath/engine.h"
#include "ingest/reader.h"

namespace hadath {

struct PipelineOptions {
  size_t threads = 0;            // 0: one per core
  size_t window = 0;             // 0: 64 per thread
  std::string fallback_date;     // --date
  bool code = true;              // false: extract only
  bool keep_raw = false;         // also hand back the raw Document (PipelineResult::raw)
};

struct PipelineResult {
  std::string origin;            // file[:line]
  Status status;                 // not OK: the document (or a read) failed
  bool read_error = false;       // the input could not be read: no document, `raw` is empty
  Extracted doc;
  std::vector<Event> events;
  Document raw;                  // with PipelineOptions::keep_raw
};

struct PipelineStats {
  size_t documents = 0, failed = 0, events = 0;
};

// Calls `on_result` on the calling thread, in input order. Returning false
// from it stops the pipeline (remaining work is discarded).
void RunPipeline(const Engine& engine, const std::vector<std::string>& inputs, const ReadOptions& read,
                 const PipelineOptions& options, const std::function<bool(PipelineResult&&)>& on_result,
                 PipelineStats* stats);

}  // namespace hadath
