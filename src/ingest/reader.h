// Ingest: turns command-line inputs into Documents, one at a time.
//
// An input is a file (format from its extension: .txt, .html/.htm,
// .jsonl, .jsonl.gz, .warc, .warc.gz; other extensions are sniffed), a
// directory (walked recursively in sorted order, hidden entries skipped), or
// "-" for stdin. JSONL lines carry `id, url, source, date, title` and `text`
// or `html`. WARC records become documents as src/ingest/warc.h describes
// (WARC-Target-URI → url, WARC-Record-ID → id, WARC-Date → crawl_date, the
// HTTP charset → charset). Every problem is reported through the ErrorSink
// with the input's name (and line number for JSONL, record number and byte
// offset for WARC) and reading goes on with the next input or record.
// Memory stays bounded: JSONL is streamed line by line (a line over
// max_line_bytes is dropped as soon as it is that long), WARC record by record.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "hadath/document.h"
#include "hadath/status.h"

namespace hadath {

struct ReadOptions {
  InputFormat stdin_format = InputFormat::kAuto;
  size_t max_line_bytes = 64u << 20;    // a longer JSONL line is skipped and reported
  size_t max_record_bytes = 64u << 20;  // a larger WARC record or file is skipped and reported
};

// `origin` names the file (and record), `st` says why.
using ErrorSink = std::function<void(const std::string& origin, const Status& st)>;
// Returning false stops reading.
using DocSink = std::function<bool(Document&& doc)>;

struct ReadStats {
  size_t documents = 0;
  size_t errors = 0;
  size_t skipped = 0;  // WARC records that are not pages (requests, metadata, redirects, images…)
};

void ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options, const DocSink& sink,
                const ErrorSink& errors, ReadStats* stats);

// Parses "txt", "html", "jsonl", "warc" (and "auto").
bool ParseInputFormat(const std::string& s, InputFormat* out);

}  // namespace hadath
