// Request counters and latency histograms for GET /metrics (Prometheus text
// exposition format 0.0.4).
//
// Thread safety: Record() and Render() may be called concurrently.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace hadath::server {

class Metrics {
 public:
  // Upper bounds (seconds) of the latency histogram buckets.
  static constexpr std::array<double, 8> kBuckets = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5};

  void Record(const std::string& route, const std::string& method, int status, double seconds);
  // `gauges`: extra lines "name value" (e.g. store row counts), rendered as gauges.
  std::string Render(const std::map<std::string, std::pair<std::string, double>>& gauges) const;

 private:
  struct Latency {
    std::array<uint64_t, kBuckets.size()> le{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;  // route, method, status
  std::map<std::string, Latency> latency_;                                   // route
};

}  // namespace hadath::server
