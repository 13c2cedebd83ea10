// The HTTP API of `hadath serve`, independent of the HTTP library: a request
// (method, path, query parameters, body) in, a JSON response out. src/server/http.cc
// binds it to cpp-httplib; tests call Handle() directly.
//
// Routes (README "HTTP API"):
//   GET  /api/health                     version, backend, schema, row counts
//   GET  /api/events?from&to&actor&country&root&quad&q&doc&limit&cursor
//   GET  /api/events/{id}                the event, its mentions and the rules that fired
//   GET  /api/dyads?…filters&limit       who interacted with whom
//   GET  /api/timeline?actor[&actor]&by=day|week|month&…filters
//   GET  /api/actors?q&limit             autocomplete over the actors seen
//   GET  /api/places?…filters&limit      event counts per place, with coordinates
//   GET  /api/documents?…filters&limit   documents
//   GET  /api/documents/{id}             the stored text (schema 3; older documents: the
//                                        reporting sentences) with the spans of every actor,
//                                        trigger, place and date mention
//   POST /api/code                       text (JSON {"text","date"} or text/plain) → events
//   GET  /metrics                        Prometheus text format
//
// Every parameter is validated (400 with {"error": …}); every SQL statement binds its
// values; page sizes are capped (ApiOptions::max_limit).
//
// Thread safety: Handle() is const and may be called from any number of threads;
// each call takes a read-only database connection (with its prepared statements) from a
// pool for its duration.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "hadath/engine.h"
#include "hadath/status.h"
#include "server/metrics.h"

namespace hadath::server {

struct ApiOptions {
  std::string db;                // SQLite path ("sqlite:" prefix allowed) or postgresql:// URL
  size_t max_body = 1 << 20;     // bytes of a POST body (the HTTP layer answers 413 above it)
  size_t max_code_chars = 200000;// code points of text POST /api/code accepts
  int default_limit = 100;       // page size when `limit` is absent
  int max_limit = 1000;          // largest `limit` accepted
  int pool_size = 8;             // database connections kept open
};

struct ApiRequest {
  std::string method;                              // GET, POST, …
  std::string path;                                // decoded, without the query string
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::string body;
  std::string content_type;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
};

class Api {
 public:
  // Opens the store (create_if_missing false: a missing database is an error) and
  // checks its schema. `engine` codes POST /api/code and re-codes document sentences;
  // it must outlive the Api.
  static Status Open(const ApiOptions& options, const Engine* engine, std::unique_ptr<Api>* out);
  ~Api();

  // Handles one request under /api/ or /metrics. Also records it in metrics().
  ApiResponse Handle(const ApiRequest& req) const;
  // True for paths Handle() answers (everything else is the web explorer's files).
  static bool Owns(const std::string& path);
  // The route label of a path for metrics ("/api/events/{id}"), or "other".
  static std::string RouteOf(const std::string& path);

  Metrics& metrics() const;
  const ApiOptions& options() const;

  struct Impl;

 private:
  explicit Api(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hadath::server
