// `hadath serve`: the Api and the web explorer's files over HTTP (cpp-httplib).
//
// Every response carries nosniff, a same-origin Content-Security-Policy and no
// CORS header unless `cors_origin` is set. With a token, every route (files, API,
// metrics) requires `Authorization: Bearer TOKEN` (or `?token=TOKEN`, so that a
// browser can open the page; the page then sends the header).
#pragma once

#include <functional>
#include <string>

#include "hadath/status.h"
#include "server/api.h"

namespace hadath::server {

struct HttpOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0: any free port (printed when listening)
  std::string token;               // empty: no authentication
  std::string cors_origin;         // empty: no CORS headers; "*" or an origin
  std::string web_dir;             // built explorer (index.html, assets/); empty: API only
  int threads = 8;                 // requests handled at once (each with a database connection)
  int max_connections = 64;        // connections served at once (one thread each; >= threads)
  int read_timeout_s = 5;          // a read (request line, header, body chunk) waits at most this
  int keep_alive_timeout_s = 5;    // an idle keep-alive connection is closed after this
  bool access_log = false;         // one line per request on stderr
};

// Listens and serves until SIGINT/SIGTERM (or `*stop` becomes callable and is
// called). `on_listen` receives the bound port before the first request.
Status Serve(const HttpOptions& options, const Api& api, const std::function<void(int port)>& on_listen);

// Where the explorer's built files are: `explicit_dir`, else $HADATH_WEB, else
// <prefix>/share/hadath/web beside the executable, else the build tree's web/dist.
// Empty when none holds an index.html.
std::string ResolveWebDir(const std::string& explicit_dir, const std::string& argv0);

}  // namespace hadath::server
