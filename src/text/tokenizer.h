// Tokenizer: article text → sentences → tokens, each token with its byte span
// in the text, its matching form, and its clitic segmentations.
//
// Sentences end at . ! ? ؟ … ; followed by a space or line end (not inside
// numbers such as 3.5, not after a one-letter abbreviation such as «د.»), and
// at every line break. Tokens are maximal runs of letters/marks (words), of
// digits with inner . , : / (numbers), or single punctuation characters.
//
// Thread safety: immutable after Load(); Tokenize() is const and thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "hadath/status.h"
#include "text/normalizer.h"

namespace hadath {

enum class TokenKind { kWord, kNumber, kPunct };

// One way to read a word: prefix clitics + stem + suffix clitic (matching forms).
struct Segment {
  std::string prefix, stem, suffix;
  // Fnv1a32(stem) (util/hash.h), set by the tokenizer so that every matcher
  // looks the stem up without hashing it again; 0: not computed (whoever
  // builds a Segment may leave it, readers then hash `stem` themselves).
  uint32_t hash = 0;
};

struct Token {
  size_t begin = 0, end = 0;   // byte span in the text
  TokenKind kind = TokenKind::kWord;
  std::string norm;            // matching form of the whole token
  std::vector<Segment> segs;   // segs[0] is always {"", norm, ""}
  bool arabic = false;         // contains an Arabic letter
};

struct Sentence {
  size_t begin = 0, end = 0;   // byte span in the text
  std::vector<Token> tokens;
};

class Tokenizer {
 public:
  // REQUIRES: `normalizer` outlives this Tokenizer. `lang` "en" switches to the
  // English module (text/english.h: no clitics; stem readings for triggers).
  Status Load(const std::string& data_dir, const Normalizer* normalizer, const std::string& lang = "ar");

  // With `all_alternatives` false (the coder's mode) a split reading is kept
  // only when its stem is a word some dictionary knows (SetVocabulary); the
  // unsplit token is always kept. `hadath tokens` shows every alternative.
  std::vector<Sentence> Split(std::string_view text, bool all_alternatives = false) const;

  // Segments one matching form into its clitic alternatives. When the
  // surface word ends in teh marbuta (ة, folded to ه in matching forms), a
  // final ه is not offered as the pronoun suffix («إدانة» is not إدان + ه).
  std::vector<Segment> Segments(const std::string& norm, bool ends_in_teh_marbuta = false,
                                bool all_alternatives = true) const;

  // The words dictionaries can match (first words of every entry). Called
  // once by the Lexicon after loading; before that every alternative is kept.
  void SetVocabulary(std::unordered_set<std::string> words);
  bool InVocabulary(std::string_view w) const;

  const Normalizer& normalizer() const { return *norm_; }

 private:
  const Normalizer* norm_ = nullptr;
  std::vector<std::string> prefixes_, suffixes_;  // longest first
  // The clitics grouped by the 2-byte first letter (prefixes) or last letter
  // (suffixes) they start or end with (all clitics are Arabic letters, 2 bytes in
  // UTF-8): indices into prefixes_/suffixes_, longest first as there. A word
  // tests only the group of its own first and last letter.
  struct CliticGroup {
    char a = 0, b = 0;
    std::vector<uint16_t> members;
  };
  std::vector<CliticGroup> prefix_groups_, suffix_groups_;
  size_t min_stem_ = 2;                           // code points
  // The vocabulary as an open-addressing table of (Fnv1a32, index + 1) pairs
  // into vocab_words_: the hash of a stem serves this lookup and the matchers'.
  bool InVocabulary(std::string_view w, uint32_t hash) const;
  std::vector<std::string> vocab_words_;
  std::vector<uint32_t> vocab_table_;
  uint32_t vocab_mask_ = 0;
  bool has_vocab_ = false;
  bool english_ = false;
};

}  // namespace hadath
