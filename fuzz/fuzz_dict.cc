// The dictionary loader and the phrase compiler (src/util/tsv.*, src/lexicon/,
// src/extract/ rules). At start a small copy of data/ is made under $TMPDIR (every TSV
// cut to its header and first rows); each input replaces one of its files (picked by
// the first byte) and the whole lexicon is compiled from it (Lexicon::LoadSources: TSV
// parsing, dated codes, qualifiers, phrase matcher build) or, for data/extract/, the
// extractor's rules. A load either fails with a Status or yields matchers that then run
// over a sentence. The rest of the input is also attached as a compiled matcher image
// (PhraseMatcher::Attach must refuse any damaged blob, never read out of range).
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "lexicon/lexicon.h"
#include "lexicon/matcher.h"

namespace {

namespace fs = std::filesystem;

struct MiniData {
  std::string dir;
  std::vector<std::string> files;     // relative paths of the TSVs, sorted
  std::vector<std::string> contents;  // their cut-down contents
};

// The header and the first `rows` rows. With `own_codes`, only rows whose `codes` column is
// set: an English actor with empty codes inherits them from the Arabic entry with its id,
// which the cut Arabic files may not hold.
std::string Cut(const std::string& path, int rows, bool own_codes = false) {
  std::ifstream in(path, std::ios::binary);
  std::string line, out;
  bool header = false;
  int codes_col = -1;
  auto field = [](const std::string& l, int k) {
    size_t b = 0;
    for (int i = 0; i < k; ++i) {
      b = l.find('\t', b);
      if (b == std::string::npos) return std::string();
      ++b;
    }
    return l.substr(b, l.find('\t', b) - b);
  };
  while (rows > 0 && std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      for (int k = 0; k < 32; ++k)
        if (field(line, k) == "codes") { codes_col = k; break; }
    } else if (own_codes && codes_col >= 0 && field(line, codes_col).empty()) {
      continue;
    }
    out += line + "\n";
    if (header) --rows;
    header = true;
  }
  return out;
}

const MiniData& Mini() {
  static MiniData* m = [] {
    auto* d = new MiniData;
    const char* tmp = std::getenv("TMPDIR");
    d->dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/hadath-fuzz-dict-" + std::to_string(getpid());
    const fs::path src = hadath::fuzz::DataDir();
    for (const auto& e : fs::recursive_directory_iterator(src))
      if (e.is_regular_file() && e.path().extension() == ".tsv")
        d->files.push_back(fs::relative(e.path(), src).string());
    std::sort(d->files.begin(), d->files.end());
    for (const auto& f : d->files) {
      // The small tables whole (the tokenizer and the date grammar need them); the rest cut.
      const bool whole = f == "ar/normalize.tsv" || f == "ar/clitics.tsv" || f == "dates.tsv" ||
                         f == "cameo.tsv" || f == "modality.tsv" || f.rfind("extract/", 0) == 0;
      std::ifstream in(src / f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      d->contents.push_back(whole ? ss.str() : Cut(src / f, 40, f.rfind("en/actors", 0) == 0));
      fs::create_directories((fs::path(d->dir) / f).parent_path());
      std::ofstream(fs::path(d->dir) / f, std::ios::binary) << d->contents.back();
    }
    std::atexit([] { std::error_code ec; fs::remove_all(Mini().dir, ec); });
    hadath::Lexicon lex;
    hadath::Status st = lex.LoadSources(d->dir);
    if (!st.ok()) {
      std::fprintf(stderr, "fuzz_dict: the cut-down data does not load: %s\n", st.ToString().c_str());
      std::abort();
    }
    return d;
  }();
  return *m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hadath;
  if (size == 0) return 0;
  const MiniData& m = Mini();
  const size_t k = data[0] % m.files.size();
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const fs::path path = fs::path(m.dir) / m.files[k];
  std::ofstream(path, std::ios::binary | std::ios::trunc) << body;

  const auto& stages = fuzz::GetStages();
  if (m.files[k].rfind("extract/", 0) == 0) {
    Extractor ex;
    if (ex.Load(m.dir, &stages.dates).ok()) {
      Document doc;
      doc.format = InputFormat::kHtml;
      doc.body = "<html><head><title>t | site</title></head><body><nav>x</nav><article><p>" + body +
                 "</p><p>نشر في 5 يناير 2024</p></article></body></html>";
      Extracted out;
      (void)ex.Extract(doc, &out);
    }
  } else {
    Lexicon lex;
    if (lex.LoadSources(m.dir).ok()) {
      for (const Sentence& s : lex.tokenizer().Split(body.substr(0, 4096) + " التقى وزير الخارجية السعودي نظيره في موسكو")) {
        for (const PhraseMatcher* pm : {&lex.actor_matcher, &lex.agent_matcher, &lex.place_matcher,
                                        &lex.trigger_matcher, &lex.cue_matcher})
          for (const PhraseMatch& pmatch : pm->FindAll(s.tokens))
            fuzz::Check(pmatch.begin < pmatch.end && pmatch.end <= s.tokens.size(), "phrase match outside its sentence");
      }
      // What compiles attaches again, and matches the same.
      PhraseMatcher copy;
      std::vector<uint32_t> aligned((lex.trigger_matcher.blob().size() + 3) / 4);
      std::memcpy(aligned.data(), lex.trigger_matcher.blob().data(), lex.trigger_matcher.blob().size());
      fuzz::Check(copy.Attach({reinterpret_cast<const char*>(aligned.data()), lex.trigger_matcher.blob().size()}).ok(),
                  "a compiled matcher does not attach");
    }
  }
  std::ofstream(path, std::ios::binary | std::ios::trunc) << m.contents[k];

  // The raw bytes as a compiled matcher image.
  std::vector<uint32_t> blob((size - 1 + 3) / 4);
  std::memcpy(blob.data(), data + 1, size - 1);
  PhraseMatcher pm;
  if (pm.Attach({reinterpret_cast<const char*>(blob.data()), size - 1}).ok()) {
    for (const Sentence& s : stages.tokenizer.Split("التقى وزير الخارجية الروسي نظيره الإيراني في موسكو"))
      for (size_t i = 0; i < s.tokens.size(); ++i) pm.MatchAt(s.tokens, i);
    for (size_t k2 = 0; k2 < pm.size(); ++k2) pm.PhraseForms(k2);
  }
  return 0;
}
