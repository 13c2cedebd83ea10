// bench_lexicon: the lexicon's numbers, medians of several runs, one core.
//
//   compile     TSV sources → matchers (Lexicon::LoadSources)
//   image load  the compiled image mapped, checked, entries decoded (LoadImage)
//   Load()      what Engine::Open pays: hashing every source for the key + image load
//   tokenize    SaudiNewsNet text → sentences and tokens (the floor under mentions)
//   match       the four matchers over pre-tokenized sentences
//   mentions    FindMentions end to end (tokenize + match + resolve + dates)
// Throughputs are printed from wall-clock and from CPU time (medians of each).
//
// Usage: hadath_bench_lexicon [MB of SaudiNewsNet text, default 16] [runs, default 5]
// Prints the mention counts too, so a change in the answers shows next to the speed.
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lexicon/image.h"
#include "lexicon/lexicon.h"
#include "lexicon/mentions.h"

using namespace hadath;

namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double CpuMs() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// Wall-clock milliseconds of each run; *cpu (optional) gets the CPU times,
// the steadier figure on a shared machine.
template <typename F>
std::vector<double> TimeRuns(int runs, F f, std::vector<double>* cpu = nullptr) {
  std::vector<double> ms;
  for (int r = 0; r < runs; ++r) {
    auto a = std::chrono::steady_clock::now();
    const double c = CpuMs();
    f();
    auto b = std::chrono::steady_clock::now();
    if (cpu) cpu->push_back(CpuMs() - c);
    ms.push_back(std::chrono::duration<double, std::milli>(b - a).count());
  }
  return ms;
}

// Texts of the corpus until `limit` bytes.
std::vector<std::string> ReadCorpus(const std::string& path, size_t limit) {
  std::vector<std::string> out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return out;
  std::string line;
  char buf[1 << 16];
  size_t total = 0;
  while (total < limit && gzgets(f, buf, sizeof buf)) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    line.clear();
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    out.push_back(j["text"].get<std::string>());
    total += out.back().size();
  }
  gzclose(f);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 16;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  const std::string dir = HADATH_BENCH_DATA_DIR;
  std::printf("hadath lexicon benchmark (medians of %d runs; data %s)\n", runs, dir.c_str());

  Lexicon src;
  auto compile = TimeRuns(std::max(3, runs / 2), [&] {
    Lexicon l;
    if (!l.LoadSources(dir).ok()) std::abort();
  });
  if (Status st = src.LoadSources(dir); !st.ok()) {
    std::fprintf(stderr, "%s\n", st.ToString().c_str());
    return 2;
  }
  uint64_t key = 0;
  Lexicon::SourceKey(dir, &key);
  const std::string path = "/tmp/hadath-bench-lexicon-" + std::to_string(::getpid()) + ".img";
  const std::string bytes = src.Serialize(key);
  WriteFileAtomic(path, bytes);
  auto load = TimeRuns(runs * 3, [&] {
    Lexicon l;
    if (!l.LoadImage(dir, path, key).ok()) std::abort();
  });
  auto keyed = TimeRuns(runs * 3, [&] {
    uint64_t k;
    Lexicon::SourceKey(dir, &k);
    Lexicon l;
    if (!l.LoadImage(dir, path, k).ok()) std::abort();
  });
  std::printf("%-34s %9.2f ms   (%s)\n", "compile from TSV", Median(compile), src.Stats().c_str());
  std::printf("%-34s %9.2f ms   (image %zu bytes)\n", "image load", Median(load), bytes.size());
  std::printf("%-34s %9.2f ms\n", "Load(): source key + image load", Median(keyed));

  const std::string corpus = std::string(HADATH_BENCH_SHARED_DIR) + "/corpus/saudinewsnet/saudinewsnet-2015.jsonl.gz";
  auto texts = ReadCorpus(corpus, mb << 20);
  if (texts.empty()) {
    std::remove(path.c_str());
    std::printf("(no SaudiNewsNet corpus at %s: mention benchmarks skipped)\n", corpus.c_str());
    return 0;
  }
  size_t total = 0;
  for (const auto& t : texts) total += t.size();
  const double mbytes = total / 1048576.0;
  Lexicon lex;
  if (!lex.LoadImage(dir, path, 0).ok()) return 2;  // matchers read in place from the mapping
  std::vector<TokenizedText> toks;
  std::vector<double> tok_cpu, match_cpu, ment_cpu;
  auto tok = TimeRuns(runs, [&] {
    toks.clear();
    for (const auto& t : texts) toks.push_back(lex.tokenizer().Split(t));
  }, &tok_cpu);
  size_t matches = 0;
  auto match = TimeRuns(runs, [&] {
    matches = 0;
    for (const auto& doc : toks)
      for (const auto& s : doc) {
        matches += lex.actor_matcher.FindAll(s.tokens).size();
        matches += lex.agent_matcher.FindAll(s.tokens).size();
        matches += lex.place_matcher.FindAll(s.tokens).size();
        matches += lex.cue_matcher.FindAll(s.tokens).size();
      }
  }, &match_cpu);
  size_t counts[4] = {0, 0, 0, 0};
  Ymd date;
  Ymd::Parse("2015-06-01", &date);
  auto ment = TimeRuns(runs, [&] {
    std::fill(counts, counts + 4, 0);
    for (const auto& t : texts)
      for (const auto& m : FindMentions(lex, t, date)) ++counts[static_cast<int>(m.kind)];
  }, &ment_cpu);
  std::printf("corpus: %zu SaudiNewsNet articles, %.1f MB UTF-8\n", texts.size(), mbytes);
  std::printf("%-34s %9.1f MB/s   (CPU time: %.1f MB/s)\n", "tokenize", mbytes / (Median(tok) / 1000),
              mbytes / (Median(tok_cpu) / 1000));
  std::printf("%-34s %9.1f MB/s   (CPU time: %.1f MB/s; %zu matches)\n", "match (4 matchers, pre-tokenized)",
              mbytes / (Median(match) / 1000), mbytes / (Median(match_cpu) / 1000), matches);
  std::printf("%-34s %9.1f MB/s   (CPU time: %.1f MB/s; actor %zu, agent %zu, place %zu, date %zu)\n",
              "mentions (end to end)", mbytes / (Median(ment) / 1000), mbytes / (Median(ment_cpu) / 1000), counts[0],
              counts[1], counts[2], counts[3]);
  std::remove(path.c_str());
  return 0;
}
