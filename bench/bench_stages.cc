// Micro-benchmarks of hadath's stages on text written for this benchmark.
// Run: make bench   (or build/bench/hadath_bench --benchmark_repetitions=5)
// Each benchmark reports bytes/s; the corpus-level numbers come from
// bench/corpus.sh, which checks its event count so a faster wrong answer fails.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <string>

#include "hadath/engine.h"
#include "lexicon/lexicon.h"

namespace {

const char* kParagraph =
    "وقال مسؤولون في وزارة الخارجية المصرية، الخميس، إن الوزير التقى بنظيره الأردني في عمّان "
    "لبحث الأوضاع في قطاع غزة، ودعا الجانبان إلى وقف إطلاق النار وإدخال المساعدات الإنسانية. "
    "وانتقدت الحكومة التركية الغارات الإسرائيلية على جنوب لبنان، فيما أعلن الجيش العراقي اعتقال "
    "مسلحين من تنظيم داعش قرب الموصل. ومن المتوقع أن يزور الرئيس الفرنسي بيروت الأسبوع المقبل.\n\n";

// The same paragraph in English (issue #11: English coding speed).
const char* kParagraphEn =
    "Officials at the Egyptian foreign ministry said on Thursday that the minister met his Jordanian "
    "counterpart in Amman to discuss the situation in the Gaza Strip, and both sides called for a "
    "ceasefire and for aid to be let in. The Turkish government criticized Israeli air strikes on "
    "southern Lebanon, while the Iraqi army said it had arrested militants near Mosul. The French "
    "president is expected to visit Beirut next week.\n\n";

std::string Article(int paragraphs, bool english = false) {
  std::string s = english ? "A test headline for a long article\n\n" : "عنوان تجريبي لمقال طويل\n\n";
  for (int i = 0; i < paragraphs; ++i) {
    std::string p = english ? kParagraphEn : kParagraph;
    p.insert(p.size() - 2, " (" + std::to_string(i + 1) + ")");  // distinct paragraphs: extraction drops repeats
    s += p;
  }
  return s;
}

const hadath::Lexicon& Lex() {
  static hadath::Lexicon* lex = [] {
    auto* l = new hadath::Lexicon();
    hadath::Status st = l->Load(HADATH_BENCH_DATA_DIR);
    if (!st.ok()) { std::fprintf(stderr, "%s\n", st.ToString().c_str()); std::abort(); }
    return l;
  }();
  return *lex;
}

const hadath::Engine& Eng() {
  static hadath::Engine* eng = [] {
    hadath::EngineOptions o;
    o.data_dir = HADATH_BENCH_DATA_DIR;
    std::unique_ptr<hadath::Engine> e;
    if (!hadath::Engine::Open(o, &e).ok()) std::abort();
    return e.release();
  }();
  return *eng;
}

void BM_LoadLexicon(benchmark::State& state) {
  for (auto _ : state) {
    hadath::Lexicon lex;
    benchmark::DoNotOptimize(lex.Load(HADATH_BENCH_DATA_DIR).ok());
  }
}
BENCHMARK(BM_LoadLexicon)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  std::string text = Article(50);
  for (auto _ : state) benchmark::DoNotOptimize(Lex().tokenizer().Split(text));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_Tokenize);

// The text of the SaudiNewsNet corpus (../shared, read at run time), as the
// issue's "normalize + split + tokenize the whole corpus" workload.
const std::string& CorpusText() {
  static std::string* text = [] {
    auto* t = new std::string();
    gzFile gz = gzopen(HADATH_BENCH_SHARED_DIR "/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz", "rb");
    if (!gz) return t;
    std::string line;
    char buf[1 << 16];
    int n;
    std::string all;
    while ((n = gzread(gz, buf, sizeof buf)) > 0) all.append(buf, n);
    gzclose(gz);
    size_t start = 0;
    while (start < all.size()) {
      size_t nl = all.find('\n', start);
      if (nl == std::string::npos) nl = all.size();
      auto j = nlohmann::json::parse(all.begin() + start, all.begin() + nl, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) { *t += j["text"].get<std::string>(); *t += "\n\n"; }
      start = nl + 1;
    }
    return t;
  }();
  return *text;
}

void BM_TokenizeCorpus(benchmark::State& state) {
  const std::string& text = CorpusText();
  if (text.empty()) { state.SkipWithError("../shared corpus not found"); return; }
  size_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    // paragraph by paragraph, as documents arrive
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find("\n\n", start);
      if (end == std::string::npos) end = text.size();
      for (const auto& s : Lex().tokenizer().Split(std::string_view(text).substr(start, end - start)))
        tokens += s.tokens.size();
      start = end + 2;
    }
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(BM_TokenizeCorpus)->Unit(benchmark::kSecond)->Iterations(1);

void BM_ExtractScraped(benchmark::State& state) {
  hadath::Document d;
  d.id = "b";
  d.body = "تجاوز إلى المحتوى\n" + Article(50) + "posted on March 3, 2024\n12 تعليق\n";
  for (auto _ : state) {
    hadath::Extracted ex;
    benchmark::DoNotOptimize(Eng().Extract(d, &ex).ok());
  }
  state.SetBytesProcessed(state.iterations() * d.body.size());
}
BENCHMARK(BM_ExtractScraped);

void CodeArticle(benchmark::State& state, bool english) {
  hadath::Document d;
  d.id = "b";
  d.date = "2024-03-14";
  d.body = Article(static_cast<int>(state.range(0)), english);
  hadath::Extracted ex;
  if (!Eng().Extract(d, &ex).ok()) std::abort();
  size_t n = 0;
  for (auto _ : state) {
    std::vector<hadath::Event> ev;
    benchmark::DoNotOptimize(Eng().Code(ex, &ev).ok());
    n = ev.size();
  }
  state.SetBytesProcessed(state.iterations() * ex.text.size());
  state.counters["events"] = static_cast<double>(n);
}
void BM_CodeArticle(benchmark::State& state) { CodeArticle(state, false); }
BENCHMARK(BM_CodeArticle)->Arg(1)->Arg(10);
void BM_CodeArticleEnglish(benchmark::State& state) { CodeArticle(state, true); }
BENCHMARK(BM_CodeArticleEnglish)->Arg(1)->Arg(10);

}  // namespace

BENCHMARK_MAIN();
