// The HTTP API of `hadath serve` in-process (src/server/api.h): the input is a raw
// HTTP/1.1 request (request line, headers, blank line, body); the request line's
// target is split and percent-decoded with cpp-httplib's own functions (as the server
// does), and the request goes through Api::Handle over a store built at start from
// tests/server/fixtures.jsonl (`hadath ingest`'s steps). Invariants: every answer is
// a known status with a JSON (or Prometheus) body; 5xx never happens.
#include <strings.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_util.h"
#include "hadath/engine.h"
#include "hadath/store.h"
#include "ingest/reader.h"
#include "server/api.h"

namespace {

namespace fs = std::filesystem;
using namespace hadath;

struct Fixture {
  std::unique_ptr<Engine> engine;
  std::unique_ptr<server::Api> api;
  std::string db;
};

const Fixture& Get() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    auto die = [](const Status& st) {
      std::fprintf(stderr, "fuzz_http: setup: %s\n", st.ToString().c_str());
      std::abort();
    };
    EngineOptions eo;
    eo.data_dir = fuzz::DataDir();
    if (Status st = Engine::Open(eo, &fx->engine); !st.ok()) die(st);
    const char* tmp = std::getenv("TMPDIR");
    fx->db = std::string(tmp && *tmp ? tmp : "/tmp") + "/hadath-fuzz-http-" + std::to_string(getpid()) + ".db";
    {
      std::unique_ptr<Store> store;
      if (Status st = Store::Open(fx->db, {}, &store); !st.ok()) die(st);
      (void)store->Begin();
      ReadStats stats;
      ReadInputs({fs::path(fuzz::DataDir()).parent_path().string() + "/tests/server/fixtures.jsonl"}, {},
                 [&](Document&& raw) {
                   Extracted doc;
                   std::vector<Event> events;
                   PutResult r;
                   if (fx->engine->Extract(raw, &doc).ok() && fx->engine->Code(doc, &events).ok())
                     (void)store->Put(raw, doc, events, &r);
                   return true;
                 },
                 [](const std::string&, const Status&) {}, &stats);
      if (Status st = store->Commit(); !st.ok()) die(st);
    }
    server::ApiOptions ao;
    ao.db = fx->db;
    ao.max_body = 64 << 10;
    ao.max_code_chars = 4000;
    ao.pool_size = 1;
    if (Status st = server::Api::Open(ao, fx->engine.get(), &fx->api); !st.ok()) die(st);
    std::atexit([] {
      for (const char* s : {"", "-wal", "-shm"}) std::remove((Get().db + s).c_str());
    });
    return fx;
  }();
  return *f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& fx = Get();
  const std::string raw(reinterpret_cast<const char*>(data), size);
  // Request line.
  size_t eol = raw.find("\r\n");
  if (eol == std::string::npos) eol = raw.find('\n');
  const std::string line = raw.substr(0, eol);
  size_t sp1 = line.find(' ');
  if (sp1 == std::string::npos) return 0;
  size_t sp2 = line.find(' ', sp1 + 1);
  server::ApiRequest req;
  req.method = line.substr(0, sp1);
  std::string target = line.substr(sp1 + 1, sp2 == std::string::npos ? std::string::npos : sp2 - sp1 - 1);
  size_t q = target.find('?');
  req.path = httplib::detail::decode_url(target.substr(0, q), false);
  if (q != std::string::npos) {
    httplib::Params params;
    httplib::detail::parse_query_text(target.substr(q + 1), params);
    for (const auto& [k, v] : params) req.params.emplace(k, v);
  }
  // Headers, then the body.
  size_t pos = eol == std::string::npos ? raw.size() : eol + (raw[eol] == '\r' ? 2 : 1);
  while (pos < raw.size()) {
    size_t e = raw.find('\n', pos);
    std::string h = raw.substr(pos, e == std::string::npos ? std::string::npos : e - pos);
    if (!h.empty() && h.back() == '\r') h.pop_back();
    pos = e == std::string::npos ? raw.size() : e + 1;
    if (h.empty()) break;
    size_t c = h.find(':');
    if (c != std::string::npos && strcasecmp(h.substr(0, c).c_str(), "Content-Type") == 0)
      req.content_type = h.substr(std::min(h.size(), h.find_first_not_of(' ', c + 1)));
  }
  req.body = raw.substr(std::min(pos, raw.size()));
  if (req.body.size() > fx.api->options().max_body) return 0;  // the HTTP layer answers 413

  server::Api::RouteOf(req.path);
  if (!server::Api::Owns(req.path)) return 0;
  server::ApiResponse r = fx.api->Handle(req);
  fuzz::Check(r.status >= 200 && r.status < 500, "the API answered 5xx (or an unknown status)");
  if (req.path.rfind("/api/", 0) == 0) {
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    fuzz::Check(!j.is_discarded(), "an /api/ answer is not JSON");
  }
  return 0;
}
