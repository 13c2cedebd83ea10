#include "server/metrics.h"

#include <fmt/core.h>

#include <tuple>

namespace hadath::server {

namespace {
// Label values escape backslash, quote and newline.
std::string Label(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '\\' || c == '"') { o += '\\'; o += c; }
    else if (c == '\n') o += "\\n";
    else o += c;
  }
  return o;
}
}  // namespace

void Metrics::Record(const std::string& route, const std::string& method, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{route, method, status}];
  Latency& l = latency_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++l.le[i];
  ++l.count;
  l.sum += seconds;
}

std::string Metrics::Render(const std::map<std::string, std::pair<std::string, double>>& gauges) const {
  std::string out;
  for (const auto& [name, hv] : gauges) {
    out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n{} {}\n", name, hv.first, name, name, hv.second);
  }
  std::lock_guard<std::mutex> lock(mu_);
  out += "# HELP hadath_http_requests_total HTTP requests answered, by route, method and status.\n"
         "# TYPE hadath_http_requests_total counter\n";
  for (const auto& [k, n] : requests_)
    out += fmt::format("hadath_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                       Label(std::get<0>(k)), Label(std::get<1>(k)), std::get<2>(k), n);
  out += "# HELP hadath_http_request_duration_seconds Time to answer a request, by route.\n"
         "# TYPE hadath_http_request_duration_seconds histogram\n";
  for (const auto& [route, l] : latency_) {
    for (size_t i = 0; i < kBuckets.size(); ++i)
      out += fmt::format("hadath_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", Label(route),
                         kBuckets[i], l.le[i]);
    out += fmt::format("hadath_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", Label(route),
                       l.count);
    out += fmt::format("hadath_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", Label(route), l.sum);
    out += fmt::format("hadath_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", Label(route), l.count);
  }
  return out;
}

}  // namespace hadath::server
