#include "server/http.h"

#include <fmt/core.h>
#include <httplib.h>
#include <signal.h>
#include <zlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

namespace hadath::server {

namespace fs = std::filesystem;

namespace {

const char* kCsp =
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:;"
    " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

std::string MimeOf(const std::string& ext) {
  static const std::map<std::string, std::string> kTypes = {
      // Types with a parameter are not recompressed by httplib (see StaticFile).
      {".html", "text/html; charset=utf-8"}, {".js", "application/javascript; charset=utf-8"},
      {".mjs", "application/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"}, {".geojson", "application/geo+json"}, {".svg", "image/svg+xml"},
      {".png", "image/png"}, {".jpg", "image/jpeg"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
      {".woff", "font/woff"}, {".txt", "text/plain; charset=utf-8"}, {".map", "application/json"}};
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// Constant-time comparison of the presented token.
bool SameToken(const std::string& a, const std::string& b) {
  unsigned char d = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) d |= static_cast<unsigned char>(a[i] ^ b[i % (b.empty() ? 1 : b.size())]);
  return d == 0 && !b.empty();
}

bool ReadFile(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

std::string Gzip(const std::string& in) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "";
  std::string out(deflateBound(&z, in.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : "";
}

// A file of the explorer, read once, with its gzip form compressed once. (httplib would
// otherwise compress large scripts with brotli at quality 11 on every request: seconds.)
struct StaticFile {
  std::string body, gz, type;
};

class StaticCache {
 public:
  std::shared_ptr<const StaticFile> Get(const fs::path& p) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = files_.find(p.string());
    if (it != files_.end()) return it->second;
    auto f = std::make_shared<StaticFile>();
    if (!ReadFile(p, &f->body)) return nullptr;
    f->type = MimeOf(p.extension().string());
    if (f->body.size() > 1024 && f->type.find("; charset") != std::string::npos && f->type.rfind("text/", 0) != 0)
      f->gz = Gzip(f->body);
    files_[p.string()] = f;
    return f;
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const StaticFile>> files_;
};

const char* kNoExplorer =
    "<!doctype html><meta charset=utf-8><title>hadath</title>"
    "<p>The web explorer was not built (npm was not available when hadath was built, or --web names no"
    " directory with an index.html). The JSON API works: <a href=\"/api/health\">/api/health</a>,"
    " <a href=\"/api/events\">/api/events</a>. See README, \"HTTP API and web explorer\".</p>\n";

}  // namespace

std::string ResolveWebDir(const std::string& explicit_dir, const std::string& argv0) {
  std::vector<fs::path> candidates;
  if (!explicit_dir.empty()) candidates.push_back(explicit_dir);
  else {
    if (const char* env = std::getenv("HADATH_WEB"); env && *env) candidates.push_back(env);
    std::error_code ec;
    fs::path exe = fs::weakly_canonical(fs::path(argv0.empty() ? "/proc/self/exe" : argv0), ec);
    if (fs::is_symlink("/proc/self/exe", ec)) exe = fs::read_symlink("/proc/self/exe", ec);
    if (!exe.empty()) {
      candidates.push_back(exe.parent_path().parent_path() / "share" / "hadath" / "web");
      candidates.push_back(exe.parent_path() / "web");  // build tree: <build>/web
    }
#ifdef HADATH_BUILD_WEB_DIR
    candidates.push_back(HADATH_BUILD_WEB_DIR);
#endif
  }
  for (const auto& c : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(c / "index.html", ec)) return fs::canonical(c, ec).string();
  }
  return "";
}

Status Serve(const HttpOptions& o, const Api& api, const std::function<void(int)>& on_listen) {
  httplib::Server svr;
  // httplib serves each connection on one thread from start to end, so a slow or idle
  // client holds a thread (never a database connection: those are taken per request).
  // Many more connection threads than database connections keep slow clients from
  // starving the others; each read waits at most read_timeout_s, an idle keep-alive
  // connection keep_alive_timeout_s.
  const int threads = std::max({1, o.threads, o.max_connections});
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  svr.set_payload_max_length(api.options().max_body);
  svr.set_read_timeout(o.read_timeout_s, 0);
  svr.set_write_timeout(o.read_timeout_s, 0);
  svr.set_keep_alive_timeout(o.keep_alive_timeout_s);
  svr.set_keep_alive_max_count(1000);
  // Headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm holds the
  // body until the client's delayed ACK (~40 ms) for part of the responses.
  svr.set_tcp_nodelay(true);

  const fs::path web = o.web_dir.empty() ? fs::path() : fs::path(o.web_dir);
  StaticCache cache;

  auto common_headers = [&o](httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Content-Security-Policy", kCsp);
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    if (!o.cors_origin.empty()) {
      res.set_header("Access-Control-Allow-Origin", o.cors_origin);
      res.set_header("Vary", "Origin");
    }
  };
  auto json_error = [](httplib::Response& res, int status, const std::string& msg) {
    res.status = status;
    nlohmann::json j{{"error", msg}};
    res.set_content(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                    "application/json; charset=utf-8");
  };

  // Authentication, CORS preflight: before any route. With a token, only a CORS preflight
  // (OPTIONS, when --cors is on: browsers never send credentials with it; it returns no
  // data) is answered without it.
  svr.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    common_headers(res);
    if (req.method == "OPTIONS" && (o.token.empty() || !o.cors_origin.empty())) {
      if (o.cors_origin.empty()) {
        json_error(res, 405, "CORS is off (start hadath serve with --cors ORIGIN)");
      } else {
        res.status = 204;
        res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        res.set_header("Access-Control-Max-Age", "600");
      }
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!o.token.empty()) {
      std::string presented;
      const std::string auth = req.get_header_value("Authorization");
      if (auth.rfind("Bearer ", 0) == 0) presented = auth.substr(7);
      else if (req.has_param("token")) presented = req.get_param_value("token");
      if (!SameToken(presented, o.token)) {
        res.set_header("WWW-Authenticate", "Bearer realm=\"hadath\"");
        json_error(res, 401, presented.empty() ? "missing bearer token" : "wrong bearer token");
        api.metrics().Record(Api::RouteOf(req.path), req.method, 401, 0);
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  auto handle = [&](const httplib::Request& req, httplib::Response& res) {
    auto t0 = std::chrono::steady_clock::now();
    if (Api::Owns(req.path)) {
      ApiRequest ar;
      ar.method = req.method;
      ar.path = req.path;
      for (const auto& [k, v] : req.params)
        if (k != "token") ar.params.emplace(k, v);
      ar.body = req.body;
      ar.content_type = req.get_header_value("Content-Type");
      ApiResponse r = api.Handle(ar);
      res.status = r.status;
      if (r.status == 200 && req.method != "POST") res.set_header("Cache-Control", "no-cache");
      res.set_header("Content-Type", r.content_type);
      res.body = std::move(r.body);  // no copy of a large page
    } else if (req.method != "GET" && req.method != "HEAD") {
      json_error(res, 405, "method not allowed");
    } else if (web.empty()) {
      res.status = req.path == "/" || req.path == "/index.html" ? 200 : 404;
      res.set_content(kNoExplorer, "text/html; charset=utf-8");
    } else {
      // A file under the web directory; anything else is the single page. The decoded path
      // must be relative, without NUL, backslash or dot segments (a "..", "%2e%2e" or "%2f"
      // in the request arrives here decoded); the canonical file (symlinks resolved) must
      // still be under the web root.
      std::string rel = req.path == "/" ? "index.html" : req.path.substr(1);
      bool refused = rel.empty() || rel[0] == '/' || rel.find('\0') != std::string::npos ||
                     rel.find('\\') != std::string::npos;
      for (size_t i = 0; !refused && i <= rel.size();) {
        size_t j = rel.find('/', i);
        if (j == std::string::npos) j = rel.size();
        std::string_view seg(rel.data() + i, j - i);
        refused = seg == "." || seg == ".." || (seg.empty() && j != rel.size());
        i = j + 1;
      }
      if (refused) {
        res.status = 404;
        res.set_content("not found\n", "text/plain; charset=utf-8");
        api.metrics().Record("static", req.method, 404, 0);
        return;
      }
      std::error_code ec;
      fs::path p = fs::weakly_canonical(web / rel, ec);
      const std::string root = web.string() + "/";
      bool inside = !ec && p.string().rfind(root, 0) == 0;
      if (!inside || !fs::is_regular_file(p, ec)) {
        if (rel.rfind("assets/", 0) == 0 || rel.find('.') != std::string::npos) {
          res.status = 404;
          res.set_content("not found\n", "text/plain; charset=utf-8");
          api.metrics().Record("static", req.method, 404, 0);
          return;
        }
        p = web / "index.html";
      }
      auto f = cache.Get(p);
      if (!f) {
        res.status = 500;
        res.set_content("cannot read file\n", "text/plain; charset=utf-8");
      } else {
        res.set_header("Cache-Control", rel.rfind("assets/", 0) == 0 ? "public, max-age=31536000, immutable"
                                                                      : "no-cache");
        res.set_header("Vary", "Accept-Encoding");
        if (!f->gz.empty() && req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos) {
          res.set_header("Content-Encoding", "gzip");
          res.set_content(f->gz, f->type.c_str());
        } else {
          res.set_content(f->body, f->type.c_str());
        }
      }
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      api.metrics().Record("static", req.method, res.status, s);
    }
  };
  svr.Get(".*", handle);
  svr.Post(".*", handle);
  svr.Put(".*", handle);
  svr.Delete(".*", handle);
  svr.Patch(".*", handle);

  // Errors httplib answers itself (413 over the body limit, 400 on a bad request line).
  svr.set_error_handler([&](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string msg = res.status == 413 ? fmt::format("request body is larger than {} bytes", api.options().max_body)
                                        : fmt::format("HTTP {}", res.status);
    json_error(res, res.status, msg);
    api.metrics().Record(Api::RouteOf(req.path), req.method, res.status, 0);
  });
  if (o.access_log) {
    svr.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      fmt::print(stderr, "{} {} {} {}\n", req.remote_addr, req.method, req.path, res.status);
    });
  }

  int port = o.port;
  if (port == 0) {
    port = svr.bind_to_any_port(o.host);
    if (port <= 0) return Status::IOError(fmt::format("cannot listen on {} (any port)", o.host));
  } else if (!svr.bind_to_port(o.host, port)) {
    return Status::IOError(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", o.host, port));
  }

  // SIGINT/SIGTERM stop the server: a thread waits for them (blocked everywhere else).
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread waiter([&svr, set] {
    int sig = 0;
    sigwait(&set, &sig);
    if (sig != 0) svr.stop();
  });
  if (on_listen) on_listen(port);
  bool ok = svr.listen_after_bind();
  // Wake the waiter if the server stopped by itself.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  return ok ? Status::OK() : Status::IOError("the server stopped with an error");
}

}  // namespace hadath::server
