// Stemmer: Snowball stems (Debian's libstemmer) for event triggers and the
// English path. Never used to match names: a stem only widens how a trigger
// word is recognised.
// Thread safety: Stem() is thread-safe (one Snowball instance per thread and
// language, created on first use).
#pragma once

#include <string>
#include <string_view>

namespace hadath {

enum class StemLang { kArabic, kEnglish };

// Stems one word given in its matching form (normalize.tsv applied); returns
// the word unchanged when the stemmer is unavailable.
std::string Stem(std::string_view word, StemLang lang);

}  // namespace hadath
