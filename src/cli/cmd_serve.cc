// hadath serve: the HTTP API over an event store, and the web explorer.
#include <fmt/core.h>

#include <cstdlib>

#include "cli/commands.h"
#include "cli/store_flags.h"
#include "server/api.h"
#include "server/http.h"

namespace hadath::cli {

namespace {
struct ServeArgs {
  std::string db = "hadath.db";
  server::HttpOptions http;
  server::ApiOptions api;
  std::string web;
  size_t max_body_kib = 1024;
  bool no_web = false;
};
}  // namespace

void RegisterServe(CLI::App& app, Globals& g) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "serve the event store over HTTP: a JSON API and the web explorer\n\n"
      "Examples:\n"
      "  hadath serve --db news.db                      http://127.0.0.1:8080/\n"
      "  hadath serve --db news.db --port 0             any free port (printed)\n"
      "  HADATH_TOKEN=s3cret hadath serve --db news.db  every route needs 'Authorization: Bearer s3cret'\n"
      "  curl 'http://127.0.0.1:8080/api/events?actor=SAU&root=04&limit=5'");
  AddDbOption(cmd, &args->db);
  cmd->add_option("--host", args->http.host, "address to listen on (127.0.0.1: this machine only)");
  cmd->add_option("--port", args->http.port, "port (0: any free port, printed on stderr)")->check(CLI::Range(0, 65535));
  cmd->add_option("--token", args->http.token,
                  "require 'Authorization: Bearer TOKEN' (or ?token=TOKEN) on every route")
      ->envname("HADATH_TOKEN");
  cmd->add_option("--cors", args->http.cors_origin,
                  "allow cross-origin requests from this origin ('*' for any); default: no CORS headers");
  cmd->add_option("--web", args->web,
                  "directory of the built web explorer (default: $HADATH_WEB, the installed share/hadath/web,\n"
                  "the build tree's web/)");
  cmd->add_flag("--no-web", args->no_web, "serve the API only");
  cmd->add_option("--threads", args->http.threads, "requests handled at once, each with a read-only database connection")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--max-connections", args->http.max_connections,
                  "client connections served at once (one thread each; idle and slow ones are closed after\n"
                  "--read-timeout seconds without data)")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--read-timeout", args->http.read_timeout_s,
                  "seconds a read from a client (and an idle keep-alive connection) may wait")
      ->check(CLI::Range(1, 300));
  cmd->add_option("--max-body", args->max_body_kib, "largest request body, KiB (larger: 413)")
      ->check(CLI::Range(1, 64 * 1024));
  cmd->add_option("--max-limit", args->api.max_limit, "largest page size a request may ask for")
      ->check(CLI::Range(1, 100000));
  cmd->add_flag("--log", args->http.access_log, "one line per request on stderr");
  cmd->callback([args, &g] {
    auto engine = OpenEngine(g);
    if (!engine) { g.exit_code = 2; return; }
    args->api.db = args->db;
    args->api.max_body = args->max_body_kib * 1024;
    args->api.pool_size = args->http.threads;
    args->http.keep_alive_timeout_s = args->http.read_timeout_s;
    if (args->api.default_limit > args->api.max_limit) args->api.default_limit = args->api.max_limit;
    std::unique_ptr<server::Api> api;
    Status st = server::Api::Open(args->api, engine.get(), &api);
    if (!st.ok()) {
      fmt::print(stderr, "hadath: {}\n", st.message());
      g.exit_code = 2;
      return;
    }
    if (!args->no_web) args->http.web_dir = server::ResolveWebDir(args->web, g.argv0);
    if (!args->web.empty() && args->http.web_dir.empty()) {
      fmt::print(stderr, "hadath: --web {}: no index.html there\n", args->web);
      g.exit_code = 2;
      return;
    }
    st = server::Serve(args->http, *api, [&](int port) {
      const std::string& h = args->http.host;
      std::string host = h.find(':') != std::string::npos ? "[" + h + "]" : h;
      fmt::print(stderr, "hadath serve: listening on http://{}:{}/ ({}; explorer: {})\n", host, port, args->db,
                 args->http.web_dir.empty() ? "not built, API only" : args->http.web_dir);
      std::fflush(stderr);
    });
    if (!st.ok()) {
      fmt::print(stderr, "hadath: {}\n", st.message());
      g.exit_code = 2;
    }
  });
}

}  // namespace hadath::cli
