// HTML extraction throughput on the extraction fixtures (tests/fixtures/html):
// a WordPress-style Arabic page, a pan-Arab outlet page with heavy navigation and
// related news, an English page, and the outlet page in windows-1256 (decoding
// included). Each benchmark reports bytes/s of raw HTML and checks its answer
// (title and the last paragraph) so a faster wrong extraction fails.
// Run: build-bench/bench/hadath_bench_extract --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <unicode/ucnv.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "hadath/engine.h"

namespace {

std::string Fixture(const char* name) {
  std::ifstream in(std::string(HADATH_BENCH_FIXTURES) + "/" + name, std::ios::binary);
  if (!in) { std::fprintf(stderr, "missing fixture %s\n", name); std::abort(); }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const hadath::Engine& Eng() {
  static const hadath::Engine* eng = [] {
    hadath::EngineOptions opt;
    opt.data_dir = HADATH_BENCH_DATA_DIR;
    std::unique_ptr<hadath::Engine> e;
    hadath::Status st = hadath::Engine::Open(opt, &e);
    if (!st.ok()) { std::fprintf(stderr, "%s\n", st.ToString().c_str()); std::abort(); }
    return e.release();
  }();
  return *eng;
}

void Run(benchmark::State& state, const std::string& html, const std::string& title, const std::string& last) {
  hadath::Document d;
  d.format = hadath::InputFormat::kHtml;
  d.body = html;
  hadath::Extracted ex;
  hadath::Status st = Eng().Extract(d, &ex);
  if (!st.ok() || ex.title != title || ex.text.size() < last.size() ||
      ex.text.compare(ex.text.size() - last.size(), last.size(), last) != 0) {
    state.SkipWithError("wrong extraction");
    return;
  }
  for (auto _ : state) {
    Eng().Extract(d, &ex);
    benchmark::DoNotOptimize(ex.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(html.size()));
}

void BM_ExtractWordPressArabic(benchmark::State& state) {
  Run(state, Fixture("wordpress_ar.html"), "وزير الزراعة يفتتح سوقا جديدة للمزارعين في الكرك",
      "وأضاف أن السوق تضم مئة وعشرين محلا ومخازن مبردة تتسع لألفي طن.");
}
void BM_ExtractPanArabOutlet(benchmark::State& state) {
  Run(state, Fixture("panarab_ar.html"), "مجلس الأمن يعقد جلسة طارئة بشأن الأوضاع الإنسانية في السودان",
      "ولم يصدر عن المجلس أي بيان في ختام الجلسة التي استمرت ثلاث ساعات.");
}
void BM_ExtractEnglish(benchmark::State& state) {
  Run(state, Fixture("english.html"), "Port workers end strike after wage deal",
      "The strike had left more than forty ships waiting offshore and delayed deliveries of fuel and grain.");
}
void BM_ExtractPanArabWindows1256(benchmark::State& state) {
  std::string utf8 = Fixture("panarab_ar.html");
  utf8.replace(utf8.find("charset=utf-8"), 13, "charset=windows-1256");
  std::string out(utf8.size() * 2, '\0');
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = ucnv_convert("windows-1256", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  out.resize(U_SUCCESS(err) ? n : 0);
  Run(state, out, "مجلس الأمن يعقد جلسة طارئة بشأن الأوضاع الإنسانية في السودان",
      "ولم يصدر عن المجلس أي بيان في ختام الجلسة التي استمرت ثلاث ساعات.");
}

BENCHMARK(BM_ExtractWordPressArabic);
BENCHMARK(BM_ExtractPanArabOutlet);
BENCHMARK(BM_ExtractEnglish);
BENCHMARK(BM_ExtractPanArabWindows1256);

}  // namespace

BENCHMARK_MAIN();
