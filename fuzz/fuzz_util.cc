#include "fuzz_util.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "util/utf8.h"

namespace hadath::fuzz {

std::string DataDir() {
  if (const char* env = std::getenv("HADATH_DATA"); env && *env) return env;
  return HADATH_FUZZ_DATA_DIR;
}

const Stages& GetStages() {
  static const Stages* stages = [] {
    auto* s = new Stages;
    const std::string dir = DataDir();
    Status st = s->normalizer.Load(dir);
    if (st.ok()) st = s->tokenizer.Load(dir, &s->normalizer);
    if (st.ok()) st = s->dates.Load(dir, &s->normalizer);
    if (st.ok()) st = s->extractor.Load(dir, &s->dates);
    if (!st.ok()) {
      std::fprintf(stderr, "fuzz: cannot load %s: %s\n", dir.c_str(), st.ToString().c_str());
      std::abort();
    }
    return s;
  }();
  return *stages;
}

namespace {
struct Scratch {
  std::map<std::string, std::string> paths;  // suffix → path
  ~Scratch() {
    for (const auto& [suffix, path] : paths) std::remove(path.c_str());
  }
};
}  // namespace

std::string ScratchFile(std::string_view bytes, const std::string& suffix) {
  static Scratch scratch;
  std::string& path = scratch.paths[suffix];
  if (path.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    path = std::string(tmp && *tmp ? tmp : "/tmp") + "/hadath-fuzz-" + std::to_string(getpid()) + suffix;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return path;
}

bool IsUtf8(std::string_view s) {
  std::string tmp;
  return utf8::Sanitize(s, &tmp) == 0;
}

void Check(bool cond, const char* what) {
  if (!cond) {
    std::fprintf(stderr, "fuzz: invariant broken: %s\n", what);
    std::abort();
  }
}

}  // namespace hadath::fuzz
