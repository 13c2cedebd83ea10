// hadath._hadath — the Python binding (pybind11). The Python package (python/hadath/) wraps it;
// see python/hadath/__init__.py for the documented API.
//
// The binding edge of the error policy (README "Errors"): the library returns Status values,
// and here a failed Status becomes a Python exception (hadath.Error or a subclass, by code)
// whose message is the Status message. Every call that extracts, codes or touches the store
// releases the GIL while C++ works; Python objects are built afterwards, with the GIL held.
//
// Documents reach C++ in three ways, all giving the same Document as `hadath code` reads:
//   - Python values: a str/bytes (text or HTML) or a dict with the JSONL fields;
//   - a slice of a JSONL file (lines first..last, 1-based numbers kept for ids and origins);
//   - input paths, read by ReadInputs() exactly as the CLI does (files, directories, WARC…).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "code/event_json.h"
#include "hadath/engine.h"
#include "hadath/store.h"
#include "ingest/reader.h"
#include "lexicon/lexicon.h"
#include "util/utf8.h"

namespace py = pybind11;

namespace hadath::python {
namespace {

// ---------------------------------------------------------------------------------------
// Errors: one Python class per Status code, all subclasses of hadath.Error.

struct StatusError : std::exception {
  explicit StatusError(Status s) : st(std::move(s)) {}
  const char* what() const noexcept override { return st.message().c_str(); }
  Status st;
};

PyObject* g_error = nullptr;  // hadath.Error
PyObject* g_by_code[6] = {};  // indexed by Status::Code

void ThrowIfError(const Status& st) {
  if (!st.ok()) throw StatusError(st);
}

const char* CodeName(Status::Code c) {
  switch (c) {
    case Status::Code::kOk: return "ok";
    case Status::Code::kInvalidArgument: return "invalid_argument";
    case Status::Code::kNotFound: return "not_found";
    case Status::Code::kIOError: return "io_error";
    case Status::Code::kCorrupt: return "corrupt";
    case Status::Code::kUnsupported: return "unsupported";
  }
  return "unknown";
}

// A Python exception instance for a failed Status (for per-document results).
py::object ErrorObject(const Status& st, const std::string& origin) {
  PyObject* cls = g_by_code[static_cast<int>(st.code())];
  if (!cls) cls = g_error;
  std::string msg = origin.empty() ? st.message() : origin + ": " + st.message();
  py::object e = py::reinterpret_borrow<py::object>(cls)(msg);
  e.attr("code") = CodeName(st.code());
  e.attr("origin") = origin;
  return e;
}

// ---------------------------------------------------------------------------------------
// JSON → Python, keeping key order (the EVENT_FORMAT field order).

py::object ToPy(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::ordered_json::value_t::null: return py::none();
    case nlohmann::ordered_json::value_t::boolean: return py::bool_(j.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer: return py::int_(j.get<long long>());
    case nlohmann::ordered_json::value_t::number_unsigned: return py::int_(j.get<unsigned long long>());
    case nlohmann::ordered_json::value_t::number_float: return py::float_(j.get<double>());
    case nlohmann::ordered_json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      return py::reinterpret_steal<py::object>(PyUnicode_DecodeUTF8(s.data(), s.size(), "replace"));
    }
    case nlohmann::ordered_json::value_t::array: {
      py::list l(j.size());
      size_t i = 0;
      for (const auto& v : j) l[i++] = ToPy(v);
      return l;
    }
    case nlohmann::ordered_json::value_t::object: {
      py::dict d;
      for (const auto& [k, v] : j.items()) d[py::str(k)] = ToPy(v);
      return d;
    }
    default: return py::none();
  }
}

// ---------------------------------------------------------------------------------------
// Documents.

bool EndsWith(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// The file stem the JSONL reader uses for default ids (src/ingest/reader.cc Stem()).
std::string PathStem(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  for (const char* ext : {".jsonl.gz", ".warc.gz", ".html", ".htm", ".xhtml", ".txt", ".jsonl", ".warc"})
    if (EndsWith(name, ext)) return name.substr(0, name.size() - std::strlen(ext));
  return std::filesystem::path(path).stem().string();
}

std::string JsonField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return it->dump();
}

// One JSONL record, read as src/ingest/reader.cc Reader::Record() reads it (same fields, same
// default id "STEM:LINE", same origin "PATH:LINE"). Returns false for a blank line.
bool JsonlRecord(const std::string& path, size_t lineno, std::string_view line, Document* d, Status* st) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return false;
  d->origin = path + ":" + std::to_string(lineno);
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    *st = Status::Corrupt("not a JSON object");
    return true;
  }
  d->id = JsonField(j, "id");
  d->url = JsonField(j, "url");
  d->source = JsonField(j, "source");
  d->title = JsonField(j, "title");
  std::string date = JsonField(j, "date");
  d->date = date.size() >= 10 ? date.substr(0, 10) : date;
  if (j.contains("html") && j["html"].is_string()) {
    d->body = j["html"].get<std::string>();
    d->format = InputFormat::kHtml;
  } else if (j.contains("text") && j["text"].is_string()) {
    d->body = j["text"].get<std::string>();
    d->format = InputFormat::kText;
  } else {
    *st = Status::InvalidArgument("no \"text\" or \"html\" field");
  }
  if (d->id.empty()) d->id = PathStem(path) + ":" + std::to_string(lineno);
  return true;
}

InputFormat SniffBody(std::string_view body) {
  size_t i = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return i != std::string_view::npos && body[i] == '<' ? InputFormat::kHtml : InputFormat::kText;
}

InputFormat FormatArg(const std::string& f, std::string_view body) {
  if (f == "auto" || f.empty()) return SniffBody(body);
  if (f == "html") return InputFormat::kHtml;
  if (f == "txt" || f == "text") return InputFormat::kText;
  throw py::value_error("format must be 'auto', 'txt' or 'html', got '" + f + "'");
}

std::string PyField(const py::handle& v) {
  if (v.is_none()) return "";
  if (py::isinstance<py::bool_>(v)) return v.cast<bool>() ? "true" : "false";
  if (py::isinstance<py::bytes>(v)) return v.cast<std::string>();
  if (py::isinstance<py::str>(v)) return v.cast<std::string>();
  return py::str(v).cast<std::string>();
}

// A Python document: str/bytes (the body; text or HTML by sniffing) or a mapping with the
// JSONL fields (id, url, source, date, title, and html or text; optional format).
// A dict without text or html gives *st = InvalidArgument (reported per document, as the JSONL
// reader does); a value of another type raises TypeError.
Document DocFromPy(const py::handle& obj, size_t index, Status* st) {
  Document d;
  d.origin = "<document " + std::to_string(index) + ">";
  if (py::isinstance<py::str>(obj) || py::isinstance<py::bytes>(obj)) {
    d.body = obj.cast<std::string>();
    d.format = SniffBody(d.body);
    return d;
  }
  if (!py::isinstance<py::dict>(obj) && !py::hasattr(obj, "get"))
    throw py::type_error("a document is a str, bytes or a dict with 'text' or 'html', got " +
                         py::str(py::type::of(obj)).cast<std::string>());
  auto get = [&](const char* k) { return obj.attr("get")(k); };
  d.id = PyField(get("id"));
  d.url = PyField(get("url"));
  d.source = PyField(get("source"));
  d.title = PyField(get("title"));
  std::string date = PyField(get("date"));
  d.date = date.size() >= 10 ? date.substr(0, 10) : date;
  py::object html = get("html"), text = get("text");
  if (!html.is_none()) {
    d.body = PyField(html);
    d.format = InputFormat::kHtml;
  } else if (!text.is_none()) {
    d.body = PyField(text);
    py::object f = get("format");
    d.format = f.is_none() ? InputFormat::kText : FormatArg(PyField(f), d.body);
  }
  if (!d.id.empty()) d.origin = d.id;
  if (html.is_none() && text.is_none()) *st = Status::InvalidArgument("no \"text\" or \"html\" field");
  return d;
}

// ---------------------------------------------------------------------------------------
// Coding, in parallel over a batch.

struct CodeOptions {
  std::string fallback_date, lang;
  bool as_json = false;
};

struct Item {
  Document doc;
  Status st;
  bool extracted = false;
  Extracted ex;
  std::vector<Event> events;
  std::vector<std::string> json;  // as_json: the events as `hadath code` prints them
};

template <class F>
void ParallelFor(size_t n, int threads, F&& f) {
  size_t t = std::min<size_t>(threads < 1 ? 1 : threads, n);
  if (t <= 1) {
    for (size_t i = 0; i < n; ++i) f(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t k = 0; k < t; ++k)
    pool.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < n;) f(i);
    });
  for (auto& th : pool) th.join();
}

void CodeItem(const Engine& eng, const CodeOptions& o, Item* it) {
  if (!it->st.ok()) return;
  try {
    it->st = eng.Extract(it->doc, &it->ex);
    if (!it->st.ok()) return;
    it->extracted = true;
    if (!o.lang.empty()) it->ex.lang = o.lang;
    it->st = eng.Code(it->ex, &it->events, o.fallback_date);
    if (!it->st.ok() || !o.as_json) return;
    it->json.reserve(it->events.size());
    for (const Event& e : it->events) it->json.push_back(EventToJson(e).dump());
    it->events.clear();
  } catch (const std::exception& e) {  // the library throws none; nlohmann or allocation might
    it->st = Status::Corrupt(std::string("internal error: ") + e.what());
  }
}

py::object EventsToPy(const Item& it, bool as_json) {
  if (as_json) {
    py::list l(it.json.size());
    for (size_t i = 0; i < it.json.size(); ++i) l[i] = py::str(it.json[i]);
    return l;
  }
  py::list l(it.events.size());
  for (size_t i = 0; i < it.events.size(); ++i) l[i] = ToPy(EventToJson(it.events[i]));
  return l;
}

// Reads a slice of a JSONL file given as one buffer of lines, numbered from first_lineno.
std::vector<Item> ItemsFromLines(const std::string& path, size_t first_lineno, std::string_view buf) {
  std::vector<Item> items;
  size_t start = 0, lineno = first_lineno;
  while (start < buf.size()) {
    size_t nl = buf.find('\n', start);
    size_t end = nl == std::string_view::npos ? buf.size() : nl;
    Item it;
    if (JsonlRecord(path, lineno, buf.substr(start, end - start), &it.doc, &it.st)) items.push_back(std::move(it));
    ++lineno;
    start = end + 1;
  }
  return items;
}

// A summary of a batch run that yields JSON lines (the Dask path).
struct LinesResult {
  std::vector<std::string> lines;
  size_t documents = 0, failed = 0;
  std::vector<std::pair<std::string, std::string>> errors;  // origin, message
};

void Collect(std::vector<Item>& items, LinesResult* r) {
  for (Item& it : items) {
    if (!it.st.ok()) {
      ++r->failed;
      r->errors.emplace_back(it.doc.origin, it.st.message());
      continue;
    }
    ++r->documents;
    for (auto& s : it.json) r->lines.push_back(std::move(s));
  }
}

py::dict LinesToPy(LinesResult& r) {
  py::dict d;
  py::list lines(r.lines.size());
  for (size_t i = 0; i < r.lines.size(); ++i) lines[i] = py::str(r.lines[i]);
  d["lines"] = lines;
  d["documents"] = r.documents;
  d["failed"] = r.failed;
  py::list errs;
  for (auto& [o, m] : r.errors) errs.append(py::make_tuple(o, m));
  d["errors"] = errs;
  return d;
}

// ---------------------------------------------------------------------------------------
// The coder object.

class PyCoder {
 public:
  PyCoder(const std::string& data, int threads, bool keep_negated) : threads_(threads) {
    if (threads_ <= 0) threads_ = std::max(1u, std::thread::hardware_concurrency());
    EngineOptions opt;
    opt.data_dir = data;
    opt.keep_negated = keep_negated;
    Status st;
    {
      py::gil_scoped_release nogil;
      st = Engine::Open(opt, &engine_);
    }
    ThrowIfError(st);
  }

  const Engine& engine() const { return *engine_; }
  int threads() const { return threads_; }

  py::list Code(py::object text, const std::string& date, const std::string& fallback_date,
                const std::string& lang, const std::string& id, const std::string& url,
                const std::string& source, const std::string& title, const std::string& format) {
    Item it;
    it.doc = BodyDoc(text, date, id, url, source, title, format);
    CodeOptions o{fallback_date, lang, false};
    {
      py::gil_scoped_release nogil;
      CodeItem(*engine_, o, &it);
    }
    ThrowIfError(it.st);
    return EventsToPy(it, false);
  }

  py::dict Extract(py::object body, const std::string& date, const std::string& id, const std::string& url,
                   const std::string& source, const std::string& title, const std::string& format,
                   bool keep_boilerplate) {
    Document doc = BodyDoc(body, date, id, url, source, title, format);
    Extracted ex;
    Status st;
    nlohmann::ordered_json j;
    {
      py::gil_scoped_release nogil;
      st = engine_->Extract(doc, &ex);
      if (st.ok()) j = ExtractedToJson(ex, keep_boilerplate);
    }
    ThrowIfError(st);
    return ToPy(j).cast<py::dict>();
  }

  // Per document, in order: a list of events, or an hadath.Error instance.
  py::list CodeBatch(py::sequence docs, int threads, const std::string& fallback_date, const std::string& lang,
                     bool as_json) {
    std::vector<Item> items(docs.size());
    for (size_t i = 0; i < items.size(); ++i) items[i].doc = DocFromPy(docs[i], i, &items[i].st);
    Run(items, threads, {fallback_date, lang, as_json});
    py::list out(items.size());
    for (size_t i = 0; i < items.size(); ++i)
      out[i] = items[i].st.ok() ? EventsToPy(items[i], as_json) : ErrorObject(items[i].st, items[i].doc.origin);
    return out;
  }

  // A slice of a JSONL file (lines `first_lineno`… in `buf`) → event lines and counts.
  py::dict CodeJsonlLines(const std::string& path, size_t first_lineno, py::bytes buf, int threads,
                          const std::string& fallback_date) {
    std::string data = buf;
    LinesResult r;
    {
      py::gil_scoped_release nogil;
      std::vector<Item> items = ItemsFromLines(path, first_lineno, data);
      RunNoGil(items, threads, {fallback_date, "", true});
      Collect(items, &r);
    }
    return LinesToPy(r);
  }

  // Input paths read exactly as `hadath code` reads them → event lines and counts.
  py::dict CodePaths(const std::vector<std::string>& paths, int threads, const std::string& fallback_date) {
    LinesResult r;
    {
      py::gil_scoped_release nogil;
      ForEachBatch(paths, threads, [&](std::vector<Item>& items) {
        RunNoGil(items, threads, {fallback_date, "", true});
        Collect(items, &r);
      }, &r);
    }
    return LinesToPy(r);
  }

  // Reads `paths` with ReadInputs, handing batches of documents to `fn`; read errors go to `r`.
  template <class F>
  void ForEachBatch(const std::vector<std::string>& paths, int threads, F&& fn, LinesResult* r) {
    const size_t batch = 32 * static_cast<size_t>(std::max(1, threads <= 0 ? threads_ : threads));
    std::vector<Item> items;
    DocSink sink = [&](Document&& d) {
      items.emplace_back();
      items.back().doc = std::move(d);
      if (items.size() >= batch) {
        fn(items);
        items.clear();
      }
      return true;
    };
    ErrorSink errors = [&](const std::string& origin, const Status& st) {
      ++r->failed;
      r->errors.emplace_back(origin, st.message());
    };
    ReadStats stats;
    ReadInputs(paths, ReadOptions{}, sink, errors, &stats);
    if (!items.empty()) fn(items);
  }

  // Dictionary entries found in a text (actors, agents, places, triggers), leftmost-longest
  // per dictionary, in text order. Offsets are code points into the (UTF-8-sanitized) text.
  py::list Mentions(const std::string& text, const std::string& date) {
    struct M {
      const char* kind;
      size_t sentence, byte_begin, byte_end, start, end;
      uint32_t payload;
    };
    std::vector<M> found;
    std::string clean;
    const Lexicon& lex = engine_->lexicon();
    {
      py::gil_scoped_release nogil;
      utf8::Sanitize(text, &clean);
      utf8::OffsetMap off(clean);
      auto sentences = lex.tokenizer().Split(clean);
      const std::pair<const char*, const PhraseMatcher*> matchers[] = {
          {"actor", &lex.actor_matcher}, {"agent", &lex.agent_matcher},
          {"place", &lex.place_matcher}, {"trigger", &lex.trigger_matcher}};
      for (size_t si = 0; si < sentences.size(); ++si) {
        const auto& toks = sentences[si].tokens;
        for (const auto& [kind, matcher] : matchers)
          for (const PhraseMatch& m : matcher->FindAll(toks)) {
            size_t b = toks[m.begin].begin, e = toks[m.end - 1].end;
            found.push_back({kind, si, b, e, off.ToCodePoint(b), off.ToCodePoint(e), m.payload});
          }
      }
      std::stable_sort(found.begin(), found.end(),
                       [](const M& a, const M& b) { return a.start != b.start ? a.start < b.start : a.end > b.end; });
    }
    Ymd on;
    Ymd::Parse(date, &on);
    py::list out;
    for (const M& m : found) {
      py::dict d;
      d["kind"] = m.kind;
      d["text"] = py::str(clean.substr(m.byte_begin, m.byte_end - m.byte_begin));
      d["start"] = m.start;
      d["end"] = m.end;
      d["sentence_index"] = m.sentence;
      std::string k = m.kind;
      if (k == "actor" && m.payload < lex.actors.size()) {
        const ActorEntry& a = lex.actors[m.payload];
        d["id"] = a.id;
        d["code"] = a.CodeOn(on);
        d["name"] = a.name_en;
        d["rule"] = a.rule;
      } else if (k == "agent" && m.payload < lex.agents.size()) {
        const AgentEntry& a = lex.agents[m.payload];
        d["id"] = a.id;
        d["sector"] = a.sector;
        d["name"] = a.name_en;
        d["rule"] = a.rule;
      } else if (k == "place" && m.payload < lex.places.size()) {
        const PlaceEntry& p = lex.places[m.payload];
        d["id"] = p.id;
        d["name"] = p.name_en;
        d["country"] = p.country;
        d["lat"] = p.lat;
        d["lon"] = p.lon;
        d["geonames_id"] = p.geonames_id ? py::object(py::int_(*p.geonames_id)) : py::object(py::none());
        d["rule"] = p.rule;
      } else if (k == "trigger" && m.payload < lex.triggers.size()) {
        const TriggerEntry& t = lex.triggers[m.payload];
        const CameoCode* c = lex.cameo().Find(t.cameo);
        d["id"] = t.id;
        d["cameo"] = t.cameo;
        d["cameo_name"] = c ? c->label : "";
        d["type"] = t.type;
        d["rule"] = t.rule;
      }
      out.append(d);
    }
    return out;
  }

  void Run(std::vector<Item>& items, int threads, const CodeOptions& o) {
    py::gil_scoped_release nogil;
    RunNoGil(items, threads, o);
  }
  void RunNoGil(std::vector<Item>& items, int threads, const CodeOptions& o) {
    ParallelFor(items.size(), threads <= 0 ? threads_ : threads, [&](size_t i) { CodeItem(*engine_, o, &items[i]); });
  }

 private:
  static Document BodyDoc(const py::object& body, const std::string& date, const std::string& id,
                          const std::string& url, const std::string& source, const std::string& title,
                          const std::string& format) {
    if (!py::isinstance<py::str>(body) && !py::isinstance<py::bytes>(body))
      throw py::type_error("expected str or bytes, got " + py::str(py::type::of(body)).cast<std::string>());
    Document d;
    d.body = body.cast<std::string>();
    d.format = FormatArg(format, d.body);
    d.id = id;
    d.url = url;
    d.source = source;
    d.title = title;
    d.date = date.size() >= 10 ? date.substr(0, 10) : date;
    d.origin = id.empty() ? "<text>" : id;
    return d;
  }

  std::unique_ptr<Engine> engine_;
  int threads_;
};

// ---------------------------------------------------------------------------------------
// The event store (include/hadath/store.h), for writing from Python and Dask workers.

class PyStore {
 public:
  PyStore(const std::string& where, bool create, int dedup_window, bool dedup_any_country) : where_(where) {
    StoreOptions opt;
    opt.create_if_missing = create;
    opt.dedup.window_days = dedup_window;
    opt.dedup.match_country = !dedup_any_country;
    Status st;
    {
      py::gil_scoped_release nogil;
      st = Store::Open(where, opt, &store_);
    }
    ThrowIfError(st);
  }

  std::string backend() const { return store_->backend(); }

  py::dict Stats() {
    StoreStats s;
    Status st;
    {
      py::gil_scoped_release nogil;
      st = store_->Stats(&s);
    }
    ThrowIfError(st.WithContext(where_));
    py::dict d;
    d["documents"] = s.documents;
    d["events"] = s.events;
    d["mentions"] = s.mentions;
    d["actors"] = s.actors;
    d["places"] = s.places;
    return d;
  }

  // `hadath ingest` for Python documents, a JSONL slice or input paths: the same per-document
  // steps (IsUnchanged, Extract, Code, Put), committed every `batch` documents.
  py::dict IngestDocs(PyCoder& coder, py::sequence docs, size_t batch, const std::string& fallback_date) {
    std::vector<Item> items(docs.size());
    for (size_t i = 0; i < items.size(); ++i) items[i].doc = DocFromPy(docs[i], i, &items[i].st);
    return Ingest(coder, batch, fallback_date, [&](const std::function<bool(Document&&, const Status&)>& put) {
      for (Item& it : items)
        if (!put(std::move(it.doc), it.st)) return;
    });
  }

  py::dict IngestJsonlLines(PyCoder& coder, const std::string& path, size_t first_lineno, py::bytes buf,
                            size_t batch, const std::string& fallback_date) {
    std::string data = buf;
    return Ingest(coder, batch, fallback_date, [&](const std::function<bool(Document&&, const Status&)>& put) {
      std::vector<Item> items = ItemsFromLines(path, first_lineno, data);
      for (Item& it : items)
        if (!put(std::move(it.doc), it.st)) return;
    });
  }

  py::dict IngestPaths(PyCoder& coder, const std::vector<std::string>& paths, size_t batch,
                       const std::string& fallback_date) {
    return Ingest(coder, batch, fallback_date, [&](const std::function<bool(Document&&, const Status&)>& put) {
      bool go = true;
      DocSink sink = [&](Document&& d) { return go = put(std::move(d), Status::OK()); };
      ErrorSink errors = [&](const std::string& origin, const Status& st) {
        Document d;
        d.origin = origin;
        if (go) go = put(std::move(d), st);
      };
      ReadStats stats;
      ReadInputs(paths, ReadOptions{}, sink, errors, &stats);
    });
  }

 private:
  template <class Source>
  py::dict Ingest(PyCoder& coder, size_t batch, const std::string& fallback_date, Source&& source) {
    size_t seen = 0, added = 0, replaced = 0, unchanged = 0, duplicate = 0, mentions = 0, failed = 0, in_batch = 0;
    std::vector<std::pair<std::string, std::string>> errors;
    Status fatal;
    {
      py::gil_scoped_release nogil;
      const Engine& eng = coder.engine();
      fatal = store_->Begin();
      auto put = [&](Document&& doc, const Status& read_st) -> bool {
        if (!fatal.ok()) return false;
        if (!read_st.ok()) {
          ++failed;
          errors.emplace_back(doc.origin, read_st.message());
          return true;
        }
        ++seen;
        bool same = false;
        fatal = store_->IsUnchanged(doc, &same);
        if (!fatal.ok()) return false;
        if (same) {
          ++unchanged;
        } else {
          Extracted ex;
          std::vector<Event> events;
          Status st = eng.Extract(doc, &ex);
          if (st.ok()) st = eng.Code(ex, &events, fallback_date);
          if (!st.ok()) {
            ++failed;
            errors.emplace_back(doc.origin, st.message());
            return true;
          }
          PutResult r;
          fatal = store_->Put(doc, ex, events, &r);
          if (!fatal.ok()) {
            fatal = fatal.WithContext(doc.origin);
            return false;
          }
          switch (r) {
            case PutResult::kAdded: ++added; mentions += events.size(); break;
            case PutResult::kReplaced: ++replaced; mentions += events.size(); break;
            case PutResult::kUnchanged: ++unchanged; break;
            case PutResult::kDuplicate: ++duplicate; break;
          }
        }
        if (++in_batch >= batch) {
          in_batch = 0;
          fatal = store_->Commit();
          if (fatal.ok()) fatal = store_->Begin();
        }
        return fatal.ok();
      };
      if (fatal.ok()) source(std::function<bool(Document&&, const Status&)>(put));
      if (fatal.ok()) fatal = store_->Commit();
      else store_->Rollback();
    }
    ThrowIfError(fatal.WithContext(where_));
    py::dict d;
    d["seen"] = seen;
    d["documents"] = added + replaced + unchanged + duplicate;  // coded or already stored
    d["added"] = added;
    d["replaced"] = replaced;
    d["unchanged"] = unchanged;
    d["duplicate"] = duplicate;
    d["mentions"] = mentions;
    d["failed"] = failed;
    py::list errs;
    for (auto& [o, m] : errors) errs.append(py::make_tuple(o, m));
    d["errors"] = errs;
    return d;
  }

  std::string where_;
  std::unique_ptr<Store> store_;
};

}  // namespace
}  // namespace hadath::python

PYBIND11_MODULE(_hadath, m) {
  using namespace hadath::python;
  using hadath::Status;
  m.doc() = "hadath's C++ engine (use the `hadath` package, not this module directly)";
  m.attr("__version__") = hadath::Version();

  static py::exception<StatusError> error(m, "Error");
  error.attr("__module__") = "hadath";
  g_error = error.ptr();
  auto sub = [&](const char* name, std::initializer_list<PyObject*> extra) {
    py::tuple bases(1 + extra.size());
    bases[0] = error;
    size_t i = 1;
    for (PyObject* b : extra) bases[i++] = py::reinterpret_borrow<py::object>(b);
    std::string qual = std::string("hadath.") + name;
    PyObject* cls = PyErr_NewException(qual.c_str(), bases.ptr(), nullptr);
    m.add_object(name, py::reinterpret_steal<py::object>(cls));
    return cls;
  };
  g_by_code[static_cast<int>(Status::Code::kInvalidArgument)] = sub("InvalidInputError", {PyExc_ValueError});
  g_by_code[static_cast<int>(Status::Code::kCorrupt)] = sub("CorruptInputError", {PyExc_ValueError});
  g_by_code[static_cast<int>(Status::Code::kUnsupported)] = sub("UnsupportedInputError", {PyExc_ValueError});
  g_by_code[static_cast<int>(Status::Code::kNotFound)] = sub("NotFoundError", {PyExc_FileNotFoundError});
  g_by_code[static_cast<int>(Status::Code::kIOError)] = sub("ReadWriteError", {PyExc_OSError});
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const StatusError& e) {
      PyObject* cls = g_by_code[static_cast<int>(e.st.code())];
      if (!cls) cls = g_error;
      py::object exc = py::reinterpret_borrow<py::object>(cls)(e.st.message());
      exc.attr("code") = CodeName(e.st.code());
      exc.attr("origin") = "";
      PyErr_SetObject(cls, exc.ptr());
    }
  });

  py::class_<PyCoder>(m, "Coder", py::dynamic_attr())
      .def(py::init<const std::string&, int, bool>(), py::arg("data") = "", py::arg("threads") = 0,
           py::arg("keep_negated") = false)
      .def_property_readonly("data_dir", [](const PyCoder& c) { return c.engine().data_dir(); })
      .def_property_readonly("threads", &PyCoder::threads)
      .def("code", &PyCoder::Code, py::arg("text"), py::arg("date") = "", py::arg("fallback_date") = "",
           py::arg("lang") = "", py::arg("id") = "", py::arg("url") = "", py::arg("source") = "",
           py::arg("title") = "", py::arg("format") = "auto")
      .def("extract", &PyCoder::Extract, py::arg("body"), py::arg("date") = "", py::arg("id") = "",
           py::arg("url") = "", py::arg("source") = "", py::arg("title") = "", py::arg("format") = "auto",
           py::arg("keep_boilerplate") = false)
      .def("mentions", &PyCoder::Mentions, py::arg("text"), py::arg("date") = "")
      .def("_code_batch", &PyCoder::CodeBatch, py::arg("docs"), py::arg("threads") = 0,
           py::arg("fallback_date") = "", py::arg("lang") = "", py::arg("as_json") = false)
      .def("_code_jsonl_lines", &PyCoder::CodeJsonlLines, py::arg("path"), py::arg("first_lineno"),
           py::arg("lines"), py::arg("threads") = 0, py::arg("fallback_date") = "")
      .def("_code_paths", &PyCoder::CodePaths, py::arg("paths"), py::arg("threads") = 0,
           py::arg("fallback_date") = "");

  py::class_<PyStore>(m, "Store")
      .def(py::init<const std::string&, bool, int, bool>(), py::arg("where"), py::arg("create") = true,
           py::arg("dedup_window") = 1, py::arg("dedup_any_country") = false)
      .def_property_readonly("backend", &PyStore::backend)
      .def("stats", &PyStore::Stats)
      .def("_ingest_docs", &PyStore::IngestDocs, py::arg("coder"), py::arg("docs"), py::arg("batch") = 500,
           py::arg("fallback_date") = "")
      .def("_ingest_jsonl_lines", &PyStore::IngestJsonlLines, py::arg("coder"), py::arg("path"),
           py::arg("first_lineno"), py::arg("lines"), py::arg("batch") = 500, py::arg("fallback_date") = "")
      .def("_ingest_paths", &PyStore::IngestPaths, py::arg("coder"), py::arg("paths"), py::arg("batch") = 500,
           py::arg("fallback_date") = "");
}
