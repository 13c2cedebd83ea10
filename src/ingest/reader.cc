#include "ingest/reader.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <simdjson.h>

#include "extract/encoding.h"
#include "ingest/warc.h"
#include "text/dates.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace fs = std::filesystem;

namespace hadath {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(),
                                                 [](char a, char b) { return std::tolower(a) == std::tolower(b); });
}

InputFormat FormatFromName(const std::string& name) {
  if (IsWarcName(name)) return InputFormat::kWarc;
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".jsonl.gz") || EndsWith(name, ".ndjson")) return InputFormat::kJsonl;
  if (EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".xhtml")) return InputFormat::kHtml;
  if (EndsWith(name, ".txt")) return InputFormat::kText;
  return InputFormat::kAuto;
}

InputFormat Sniff(const std::string& head) {
  size_t i = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (i == std::string::npos) return InputFormat::kText;
  if (head[i] == '{') return InputFormat::kJsonl;
  if (head.compare(i, 7, "WARC/1.") == 0) return InputFormat::kWarc;
  if (head[i] == '<') return InputFormat::kHtml;
  return InputFormat::kText;
}

std::string Stem(const fs::path& p) {
  std::string name = p.filename().string();
  for (const char* ext : {".jsonl.gz", ".warc.gz", ".html", ".htm", ".xhtml", ".txt", ".jsonl", ".warc"}) {
    if (EndsWith(name, ext)) return name.substr(0, name.size() - std::strlen(ext));
  }
  return p.stem().string();
}

// A JSONL field as a string: strings as they are, integers in decimal, other values as
// their JSON text; missing or null → "".
std::string JsonString(simdjson::dom::object obj, const char* key) {
  simdjson::dom::element v;
  if (obj[key].get(v) != simdjson::SUCCESS || v.is_null()) return "";
  std::string_view sv;
  if (v.get(sv) == simdjson::SUCCESS) return std::string(sv);
  int64_t i;
  if (v.get(i) == simdjson::SUCCESS) return std::to_string(i);
  uint64_t u;
  if (v.get(u) == simdjson::SUCCESS) return std::to_string(u);
  return simdjson::minify(v);
}

// A string field into *out; false when it is missing or not a string.
bool JsonText(simdjson::dom::object obj, const char* key, std::string* out) {
  std::string_view sv;
  if (obj[key].get(sv) != simdjson::SUCCESS) return false;
  out->assign(sv);
  return true;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// "http://www.example.com:80/a/b" → "www.example.com"
std::string Host(const std::string& url) {
  size_t p = url.find("://");
  if (p == std::string::npos) return "";
  p += 3;
  size_t e = url.find_first_of(":/?#", p);
  return Lower(url.substr(p, e == std::string::npos ? std::string::npos : e - p));
}

// The document format of a payload by its media type (kAuto: not a page).
InputFormat FormatFromMime(const std::string& content_type, const std::string& body) {
  std::string t = Lower(content_type);
  if (t.find("html") != std::string::npos) return InputFormat::kHtml;
  if (t.rfind("text/plain", 0) == 0) return InputFormat::kText;
  if (t.empty() || t.rfind("application/octet-stream", 0) == 0 || t.rfind("unk", 0) == 0) {
    if (LooksBinary(body)) return InputFormat::kAuto;
    return Sniff(body.substr(0, 512)) == InputFormat::kHtml ? InputFormat::kHtml : InputFormat::kText;
  }
  return InputFormat::kAuto;
}

std::string RecordOrigin(const std::string& file, size_t number, uint64_t offset) {
  return file + ": record " + std::to_string(number) + " at byte " + std::to_string(offset);
}

class Reader {
 public:
  Reader(const ReadOptions& o, const DocSink& sink, const ErrorSink& err, ReadStats* st)
      : opt_(o), sink_(sink), err_(err), stats_(st) {}

  bool Input(const std::string& input) {
    if (input == "-") return Stdin();
    std::error_code ec;
    fs::file_status s = fs::status(input, ec);
    if (ec || !fs::exists(s)) return Error(input, Status::NotFound("no such file or directory"));
    if (fs::is_directory(s)) return Directory(input);
    return File(input, FormatFromName(input));
  }

  bool stopped() const { return stopped_; }

 private:
  bool Error(const std::string& origin, const Status& st) {
    ++stats_->errors;
    err_(origin, st);
    return true;
  }
  bool Emit(Document&& d) {
    ++stats_->documents;
    if (!sink_(std::move(d))) stopped_ = true;
    return !stopped_;
  }

  bool Directory(const std::string& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) return Error(dir, Status::IOError(ec.message()));
    for (; it != end; it.increment(ec)) {
      if (ec) { Error(dir, Status::IOError(ec.message())); break; }
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      if (!File(f.string(), FormatFromName(f.string()))) return false;
    }
    return true;
  }

  bool File(const std::string& path, InputFormat fmt) {
    if (fmt == InputFormat::kJsonl) return Jsonl(path);
    if (fmt == InputFormat::kWarc) return Warc(path, path);
    std::error_code ec;
    uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > opt_.max_record_bytes)
      return Error(path, Status::Unsupported("file of " + std::to_string(size) + " bytes is larger than the limit of " +
                                             std::to_string(opt_.max_record_bytes) + " bytes for one document; skipped"));
    std::string body;
    Status st = ReadFile(path, &body);
    if (!st.ok()) return Error(path, Status::IOError(std::strerror(errno)));
    if (body.empty()) return Error(path, Status::InvalidArgument("empty file"));
    if (fmt == InputFormat::kAuto) fmt = Sniff(body.substr(0, 512));
    if (fmt == InputFormat::kWarc) return Warc(path, path);
    if (LooksBinary(body)) return Error(path, Status::Unsupported("binary file"));
    if (fmt == InputFormat::kJsonl) return JsonlBuffer(path, body);
    Document d;
    d.id = Stem(path);
    d.origin = path;
    d.format = fmt == InputFormat::kHtml ? InputFormat::kHtml : InputFormat::kText;
    d.body = std::move(body);
    return Emit(std::move(d));
  }

  // Bounded like a file: at most max_record_bytes + 1 bytes are read for one document;
  // JSONL (declared or sniffed) goes on streaming line by line after what was read.
  bool Stdin() {
    if (opt_.stdin_format == InputFormat::kWarc) return Warc("/dev/stdin", "<stdin>");
    std::string body;
    std::vector<char> buf(1 << 16);
    while (body.size() <= opt_.max_record_bytes) {
      ssize_t n = ::read(STDIN_FILENO, buf.data(), std::min(buf.size(), opt_.max_record_bytes + 1 - body.size()));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Error("<stdin>", Status::IOError(std::strerror(errno)));
      if (n == 0) break;
      body.append(buf.data(), static_cast<size_t>(n));
    }
    if (body.empty()) return Error("<stdin>", Status::InvalidArgument("empty input"));
    InputFormat fmt = opt_.stdin_format == InputFormat::kAuto ? Sniff(body.substr(0, 512)) : opt_.stdin_format;
    if (fmt == InputFormat::kJsonl) return Jsonl("<stdin>", std::move(body));
    if (body.size() > opt_.max_record_bytes)
      return Error("<stdin>", Status::Unsupported("input larger than the limit of " + std::to_string(opt_.max_record_bytes) +
                                                  " bytes for one document; skipped"));
    if (LooksBinary(body)) return Error("<stdin>", Status::Unsupported("binary input"));
    Document d;
    d.id = "stdin";
    d.origin = "<stdin>";
    d.format = fmt == InputFormat::kHtml ? InputFormat::kHtml : InputFormat::kText;
    d.body = std::move(body);
    return Emit(std::move(d));
  }

  // One JSONL record.
  bool Record(const std::string& path, size_t lineno, const std::string& line) {
    std::string origin = path + ":" + std::to_string(lineno);
    if (line.find_first_not_of(" \t\r") == std::string::npos) return true;
    // simdjson (validates the whole record, UTF-8 included): this runs on the single reader
    // thread, where nlohmann's lexer took two thirds of the time and capped `-j2` scaling.
    simdjson::dom::element root;
    if (auto err = json_.parse(line.data(), line.size()).get(root))
      return Error(origin, Status::Corrupt(std::string("not a JSON object (") + simdjson::error_message(err) + ")"));
    simdjson::dom::object j;
    if (root.get(j) != simdjson::SUCCESS) return Error(origin, Status::Corrupt("not a JSON object"));
    Document d;
    d.id = JsonString(j, "id");
    d.url = JsonString(j, "url");
    d.source = JsonString(j, "source");
    d.title = JsonString(j, "title");
    std::string date = JsonString(j, "date");
    d.date = date.size() >= 10 ? date.substr(0, 10) : date;
    d.origin = origin;
    if (JsonText(j, "html", &d.body)) {
      d.format = InputFormat::kHtml;
    } else if (JsonText(j, "text", &d.body)) {
      d.format = InputFormat::kText;
    } else {
      return Error(origin, Status::InvalidArgument("no \"text\" or \"html\" field"));
    }
    if (d.id.empty()) d.id = Stem(path) + ":" + std::to_string(lineno);
    return Emit(std::move(d));
  }

  bool JsonlBuffer(const std::string& path, const std::string& body) {
    size_t start = 0, lineno = 0;
    while (start < body.size()) {
      size_t nl = body.find('\n', start);
      size_t end = nl == std::string::npos ? body.size() : nl;
      ++lineno;
      if (!Record(path, lineno, body.substr(start, end - start))) return false;
      start = end + 1;
    }
    return true;
  }

  // Streams a JSONL file, gzip-compressed or not, line by line ("<stdin>": standard input,
  // after `head`, the bytes already read from it).
  bool Jsonl(const std::string& path, std::string head = {}) {
    gzFile gz = path == "<stdin>" ? gzdopen(::dup(STDIN_FILENO), "rb") : gzopen(path.c_str(), "rb");
    if (!gz) return Error(path, Status::IOError(std::strerror(errno ? errno : EIO)));
    gzbuffer(gz, 1 << 17);
    std::string line;
    std::vector<char> buf(1 << 16);
    size_t lineno = 0, records = 0, head_at = 0;
    bool too_long = false;
    int n;
    auto next = [&]() -> int {
      if (head_at >= head.size()) return gzread(gz, buf.data(), static_cast<unsigned>(buf.size()));
      size_t k = std::min(buf.size(), head.size() - head_at);
      std::memcpy(buf.data(), head.data() + head_at, k);
      head_at += k;
      return static_cast<int>(k);
    };
    while ((n = next()) > 0) {
      size_t start = 0;
      for (const char* nl; (nl = static_cast<const char*>(std::memchr(buf.data() + start, '\n', n - start)));) {
        const size_t k = nl - buf.data();
        if (!too_long && line.size() + (k - start) > opt_.max_line_bytes) too_long = true;
        if (!too_long) line.append(buf.data() + start, k - start);
        ++lineno;
        if (too_long) {
          Error(path + ":" + std::to_string(lineno), Status::InvalidArgument("line longer than " +
                std::to_string(opt_.max_line_bytes) + " bytes, skipped"));
        } else if (!Record(path, lineno, line)) {
          gzclose(gz);
          return false;
        }
        ++records;
        line.clear();
        too_long = false;
        start = k + 1;
      }
      // Drop an overlong line as soon as it is too long: the line buffer never holds more than
      // max_line_bytes (its capacity, grown geometrically, at most twice that).
      if (!too_long && line.size() + (n - start) > opt_.max_line_bytes) {
        too_long = true;
        line.clear();
        line.shrink_to_fit();
      }
      if (!too_long) line.append(buf.data() + start, n - start);
    }
    int errnum = 0;
    const char* msg = gzerror(gz, &errnum);
    bool truncated = n < 0 || (errnum != Z_OK && errnum != Z_STREAM_END);
    std::string why = truncated ? (msg ? msg : "read error") : "";
    if (!line.empty() || too_long) {
      ++lineno;
      if (truncated) {
        // the last, partial line of a damaged file is not a record
      } else if (too_long) {
        Error(path + ":" + std::to_string(lineno), Status::InvalidArgument("line too long, skipped"));
      } else if (!Record(path, lineno, line)) {
        gzclose(gz);
        return false;
      }
    }
    gzclose(gz);
    if (truncated) Error(path, Status::Corrupt("damaged or truncated after line " + std::to_string(lineno) + ": " + why));
    else if (lineno == 0) Error(path, Status::InvalidArgument("empty file"));
    return true;
  }

  // Streams a WARC file record by record (see ingest/warc.h).
  bool Warc(const std::string& path, const std::string& label) {
    std::error_code ec;
    if (path != "/dev/stdin" && fs::file_size(path, ec) == 0 && !ec) return Error(label, Status::InvalidArgument("empty file"));
    WarcReader wr(path, opt_.max_record_bytes, [&](size_t n, uint64_t off, const std::string& why) {
      Error(RecordOrigin(label, n, off), Status::Corrupt(why));
    });
    Status st = wr.Open();
    if (!st.ok()) return Error(label, st);
    WarcRecord r;
    while (wr.Next(&r)) {
      std::string origin = RecordOrigin(label, r.number, r.offset);
      std::string type = Lower(r.type);
      std::string content_type, body;
      if (type == "response") {
        if (Lower(r.content_type).rfind("application/http", 0) != 0 && !r.content_type.empty()) { ++stats_->skipped; continue; }
        int status = 0;
        std::string why;
        if (!ParseHttpResponse(r.block, opt_.max_record_bytes, &status, &content_type, &body, &why)) {
          Error(origin, Status::Corrupt(why));
          continue;
        }
        if (status < 200 || status >= 300) { ++stats_->skipped; continue; }
      } else if (type == "resource" || type == "conversion") {
        content_type = r.content_type;
        body = std::move(r.block);
      } else {
        ++stats_->skipped;  // warcinfo, request, metadata, revisit, continuation
        continue;
      }
      InputFormat fmt = FormatFromMime(content_type, body);
      if (fmt == InputFormat::kAuto || utf8::Trim(body).empty()) { ++stats_->skipped; continue; }
      Document d;
      d.id = !r.record_id.empty() ? r.record_id : Stem(path) + ":" + std::to_string(r.number);
      d.url = r.target_uri;
      d.source = Host(r.target_uri);
      Ymd crawl;
      if (Ymd::Parse(r.date, &crawl)) d.crawl_date = crawl.ToString();
      d.charset = CharsetParam(content_type);
      d.origin = origin;
      d.format = fmt;
      d.body = std::move(body);
      if (!Emit(std::move(d))) return false;
    }
    if (wr.records() == 0) Error(label, Status::InvalidArgument("no WARC records"));
    return true;
  }

  const ReadOptions& opt_;
  simdjson::dom::parser json_;  // reused for every JSONL record
  const DocSink& sink_;
  const ErrorSink& err_;
  ReadStats* stats_;
  bool stopped_ = false;
};

}  // namespace

bool ParseInputFormat(const std::string& s, InputFormat* out) {
  if (s == "auto") *out = InputFormat::kAuto;
  else if (s == "txt" || s == "text") *out = InputFormat::kText;
  else if (s == "html") *out = InputFormat::kHtml;
  else if (s == "jsonl") *out = InputFormat::kJsonl;
  else if (s == "warc") *out = InputFormat::kWarc;
  else return false;
  return true;
}

void ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options, const DocSink& sink,
                const ErrorSink& errors, ReadStats* stats) {
  Reader r(options, sink, errors, stats);
  for (const auto& in : inputs) {
    r.Input(in);
    if (r.stopped()) break;
  }
}

}  // namespace hadath
