// Ingest: turns command-line inputs into Documents, one at a time.
//
// An input is a file (format from its extension: .txt, .html/.htm,
// .jsonl, .jsonl.gz; other extensions are sniffed), a directory (walked
// recursively in sorted order, hidden entries skipped), or "-" for stdin.
// JSONL lines carry `id, url, source, date, title` and `text` or `html`.
// Every problem is reported through the ErrorSink with the input's name
// (and line number for JSONL) and reading goes on with the next input.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "hadath/document.h"
#include "hadath/status.h"

namespace hadath {

struct ReadOptions {
  InputFormat stdin_format = InputFormat::kAuto;
  size_t max_line_bytes = 64u << 20;  // a longer JSONL line is skipped and reported
};

// `origin` names the file (and record), `st` says why.
using ErrorSink = std::function<void(const std::string& origin, const Status& st)>;
// Returning false stops reading.
using DocSink = std::function<bool(Document&& doc)>;

struct ReadStats {
  size_t documents = 0;
  size_t errors = 0;
};

void ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options, const DocSink& sink,
                const ErrorSink& errors, ReadStats* stats);

// Parses "txt", "html", "jsonl" (and "auto").
bool ParseInputFormat(const std::string& s, InputFormat* out);

}  // namespace hadath
