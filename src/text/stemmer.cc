#include "text/stemmer.h"

#include <libstemmer.h>

#include <memory>

namespace hadath {
namespace {

struct Deleter {
  void operator()(sb_stemmer* s) const { if (s) sb_stemmer_delete(s); }
};

sb_stemmer* Instance(StemLang lang) {
  thread_local std::unique_ptr<sb_stemmer, Deleter> arabic(sb_stemmer_new("arabic", "UTF_8"));
  thread_local std::unique_ptr<sb_stemmer, Deleter> english(sb_stemmer_new("english", "UTF_8"));
  return lang == StemLang::kArabic ? arabic.get() : english.get();
}

}  // namespace

std::string Stem(std::string_view word, StemLang lang) {
  sb_stemmer* s = Instance(lang);
  if (!s || word.empty()) return std::string(word);
  const sb_symbol* out =
      sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(s)));
}

}  // namespace hadath
