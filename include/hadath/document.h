// hadath — documents as they enter and leave the extract stage.
#pragma once

#include <string>
#include <vector>

namespace hadath {

// The format a reader decided an input has.
enum class InputFormat { kAuto, kText, kHtml, kJsonl, kWarc };

// A raw input document: the bytes and what the container said about them.
// Produced by the ingest stage; consumed by Extractor.
struct Document {
  std::string id;          // input's own id (JSONL id, file stem); may be empty
  std::string url;
  std::string source;      // outlet / site as given by the input
  std::string date;        // publication date as given by the input (YYYY-MM-DD) or ""
  std::string title;       // title as given by the input, or ""
  std::string origin;      // where it came from, for error messages ("a.jsonl:12")
  std::string charset;     // charset the container declares (HTTP Content-Type in a WARC), or ""
  std::string crawl_date;  // when the page was fetched (WARC-Date, YYYY-MM-DD): the date only if the page has none
  InputFormat format = InputFormat::kText;  // kText or kHtml after ingest
  std::string body;        // raw bytes: scraped text or HTML
};

// A line or block that extraction removed, and why; kept so that
// `hadath extract --keep-boilerplate` and tests can show it.
struct Removed {
  std::string text;
  std::string reason;      // "skip-link", "caption", "posted-on", "comment-counter", ...
};

// The article as the rest of the pipeline sees it. All event offsets are
// Unicode code point offsets into `text`.
struct Extracted {
  std::string id;
  std::string url;
  std::string source;
  std::string title;
  std::string date;        // YYYY-MM-DD or ""
  std::string date_origin; // "input", "meta", "byline", "text", "crawl", or ""
  std::string site;
  std::string lang;        // "ar", "en", or "und"
  std::string text;        // UTF-8; title first (if any), paragraphs separated by "\n\n"
  std::string encoding;    // charset the bytes were decoded from ("UTF-8", "windows-1256", …)
  size_t invalid_bytes = 0;  // undecodable bytes replaced by U+FFFD
  std::vector<Removed> removed;
};

}  // namespace hadath
