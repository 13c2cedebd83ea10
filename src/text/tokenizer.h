// Tokenizer: article text → sentences → tokens, each token with its byte span
// in the text, its matching form, and its clitic segmentations.
//
// Sentences end at . ! ? ؟ … ; followed by a space or line end (not inside
// numbers such as 3.5, not after a one-letter abbreviation such as «د.»), and
// at every line break. Tokens are maximal runs of letters/marks (words), of
// digits with inner . , : / (numbers), or single punctuation characters.
//
// Memory: a Token is offsets and views. Its matching form and its readings
// live in the TokenizedText that Split() fills (a bump arena plus sentence
// vectors, all recycled when the same TokenizedText is split into again), so
// tokens are valid while that TokenizedText lives and is not reused.
//
// Thread safety: immutable after Load(); Split() is const and thread-safe (each
// thread splits into its own TokenizedText).
#pragma once

#include <cstdint>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "hadath/status.h"
#include "text/normalizer.h"
#include "util/hash.h"

namespace hadath {

enum class TokenKind { kWord, kNumber, kPunct };

// One way to read a word: prefix clitics + stem + suffix clitic (matching forms).
// Views: clitics point into the Tokenizer (or static strings), stems into the
// TokenizedText that holds the token (or into whatever storage the builder chose).
struct Segment {
  std::string_view prefix, stem, suffix;
  // Fnv1a32(stem) (util/hash.h), set by the tokenizer so that every matcher
  // looks the stem up without hashing it again; 0: not computed (whoever
  // builds a Segment may leave it, readers then hash `stem` themselves).
  uint32_t hash = 0;
};

// A token is a few offsets and views: its strings and its segment list live in
// the TokenizedText it came from (valid while that lives and is not split into again).
struct Token {
  size_t begin = 0, end = 0;     // byte span in the text
  TokenKind kind = TokenKind::kWord;
  std::string_view norm;         // matching form of the whole token
  std::span<const Segment> segs; // segs[0] is always {"", norm, ""}
  bool arabic = false;           // contains an Arabic letter
};

// Fnv1a32 of a token's form: segs[0] is the form itself, hashed by the tokenizer (a token built
// elsewhere may leave the hash unset).
inline uint32_t TokenFormHash(const Token& t) {
  return !t.segs.empty() && t.segs[0].hash ? t.segs[0].hash : Fnv1a32(t.norm);
}

struct Sentence {
  size_t begin = 0, end = 0;   // byte span in the text
  std::vector<Token> tokens;
};

// Bump storage for the strings and segment lists that tokens view: chunks
// that never move (views stay valid when the arena or its owner is moved),
// kept by Clear() for the next text, so a reused arena stops allocating.
class TextArena {
 public:
  TextArena() = default;
  TextArena(TextArena&&) noexcept = default;
  TextArena& operator=(TextArena&&) noexcept = default;
  TextArena(const TextArena&) = delete;
  TextArena& operator=(const TextArena&) = delete;

  // Forgets every allocation (views into the arena become invalid); keeps up to
  // kKeepBytes of chunks for reuse.
  void Clear();
  std::string_view Copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(Allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }
  // Two pieces, concatenated.
  std::string_view Concat(std::string_view a, std::string_view b);
  std::span<const Segment> Copy(std::span<const Segment> segs) {
    static_assert(std::is_trivially_copyable_v<Segment> && std::is_trivially_destructible_v<Segment>);
    if (segs.empty()) return {};
    auto* p = static_cast<Segment*>(Allocate(segs.size() * sizeof(Segment), alignof(Segment)));
    std::memcpy(static_cast<void*>(p), segs.data(), segs.size() * sizeof(Segment));
    return {p, segs.size()};
  }
  // Room for n segments, value-initialized, to be filled in place (built field by field in the
  // arena, not on the stack and then copied: a copy of fields just stored one by one waits for
  // those stores to complete).
  std::span<Segment> NewSegments(size_t n) {
    static_assert(std::is_trivially_destructible_v<Segment>);
    auto* p = static_cast<Segment*>(Allocate(n * sizeof(Segment), alignof(Segment)));
    for (size_t k = 0; k < n; ++k) new (p + k) Segment();
    return {p, n};
  }
  // Room for at most `max` bytes, to be written and then trimmed by Shrink(p, n)
  // to the n bytes used. REQUIRES: no allocation in between.
  char* Reserve(size_t max) { return static_cast<char*>(Allocate(max, 1)); }
  std::string_view Shrink(char* p, size_t n) {
    used_ = static_cast<size_t>(p - reinterpret_cast<char*>(chunks_[cur_].data.get())) + n;
    return n ? std::string_view(p, n) : std::string_view();
  }

 private:
  static constexpr size_t kChunk = 32 << 10, kKeepBytes = 4 << 20;
  void* Allocate(size_t n, size_t align) {
    if (cur_ < chunks_.size()) {
      const size_t at = (used_ + align - 1) & ~(align - 1);
      if (at + n <= chunks_[cur_].size) {
        used_ = at + n;
        return chunks_[cur_].data.get() + at;
      }
    }
    return AllocateSlow(n, align);
  }
  void* AllocateSlow(size_t n, size_t align);
  struct Chunk {
    std::unique_ptr<std::byte[]> data;
    size_t size = 0;
  };
  std::vector<Chunk> chunks_;
  size_t cur_ = 0, used_ = 0;  // chunk being filled, bytes used in it
};

// The sentences of one text and the storage their tokens view (TextArena).
// Reusable: splitting into the same object again (Tokenizer::Split(text, &out))
// recycles its memory, so that a worker that keeps one allocates nothing in the
// steady state. Movable (views stay valid), not copyable. Reads like a
// const std::vector<Sentence>.
class TokenizedText {
 public:
  TokenizedText() = default;
  TokenizedText(TokenizedText&&) noexcept = default;
  TokenizedText& operator=(TokenizedText&&) noexcept = default;
  TokenizedText(const TokenizedText&) = delete;
  TokenizedText& operator=(const TokenizedText&) = delete;

  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const Sentence& operator[](size_t i) const { return sentences_[i]; }
  const Sentence& at(size_t i) const;  // throws std::out_of_range past size()
  const Sentence* begin() const { return sentences_.data(); }
  const Sentence* end() const { return sentences_.data() + n_; }
  const Sentence& front() const { return sentences_.front(); }
  const Sentence& back() const { return sentences_[n_ - 1]; }

  // Building (the tokenizers): Clear(); then tokens go into Current().tokens,
  // and EndSentence() closes the current sentence (dropped when it has no token).
  // REQUIRES: Current() is fetched again after EndSentence() (it may move).
  void Clear();
  Sentence& Current();
  void EndSentence(size_t end);
  TextArena& arena() { return arena_; }
  // Scratch buffers for the builders (contents unspecified between uses).
  std::string& scratch() { return scratch_; }
  std::vector<Segment>& segment_scratch() { return seg_scratch_; }

 private:
  std::vector<Sentence> sentences_;  // [0, n_) done; beyond: kept for their capacity
  size_t n_ = 0;
  TextArena arena_;
  std::string scratch_;
  std::vector<Segment> seg_scratch_;
};

// The readings of one word (Tokenizer::Segments), owning what they view.
class SegmentList {
 public:
  size_t size() const { return segs_.size(); }
  bool empty() const { return segs_.empty(); }
  const Segment& operator[](size_t i) const { return segs_[i]; }
  const Segment* begin() const { return segs_.data(); }
  const Segment* end() const { return segs_.data() + segs_.size(); }
  operator std::span<const Segment>() const { return segs_; }

 private:
  friend class Tokenizer;
  TextArena arena_;
  std::span<const Segment> segs_;
};

class Tokenizer {
 public:
  // REQUIRES: `normalizer` outlives this Tokenizer. `lang` "en" switches to the
  // English module (text/english.h: no clitics; stem readings for triggers).
  Status Load(const std::string& data_dir, const Normalizer* normalizer, const std::string& lang = "ar");

  // With `all_alternatives` false (the coder's mode) a split reading is kept
  // only when its stem is a word some dictionary knows (SetVocabulary); the
  // unsplit token is always kept. `hadath tokens` shows every alternative.
  TokenizedText Split(std::string_view text, bool all_alternatives = false) const;
  // The same into *out, reusing its memory (REQUIRES: no token of *out is still
  // in use: they are overwritten).
  void Split(std::string_view text, TokenizedText* out, bool all_alternatives = false) const;

  // Segments one matching form into its clitic alternatives. When the
  // surface word ends in teh marbuta (ة, folded to ه in matching forms), a
  // final ه is not offered as the pronoun suffix («إدانة» is not إدان + ه).
  // With a suffix split off, a stem is also offered as it is spelt alone
  // (ar/stem_endings.tsv: «زيارته» → زياره+ه, «لقائه» → لقاء+ه).
  SegmentList Segments(std::string_view norm, bool ends_in_teh_marbuta = false,
                       bool all_alternatives = true) const;

  // The words dictionaries can match (first words of every entry). Called
  // once by the Lexicon after loading; before that every alternative is kept.
  void SetVocabulary(std::unordered_set<std::string> words);
  // The same from a list (an image's, already sorted and unique: then neither set nor sort).
  void SetVocabulary(std::vector<std::string> words);
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
  // Stem spellings before a suffix (ar/stem_endings.tsv, matching forms): a
  // stem that a suffix was split off and that ends in `ending` is also offered
  // with `base` in its place («زيارته» → زياره+ه).
  struct StemEnding {
    std::string ending, base;
  };
  std::vector<StemEnding> stem_endings_;
  // The vocabulary as an open-addressing table of (Fnv1a32, index + 1) pairs
  // into vocab_words_: the hash of a stem serves this lookup and the matchers'.
  bool InVocabulary(std::string_view w, uint32_t hash) const;
  // Segments() into `arena` (REQUIRES: `norm` stays valid as long as the result;
  // stems are views into it). `scratch` is a reusable buffer.
  std::span<const Segment> SegmentsInto(std::string_view norm, bool ends_in_teh_marbuta, bool all_alternatives,
                                        TextArena* arena, std::vector<Segment>* scratch) const;
  std::vector<std::string> vocab_words_;
  std::vector<uint32_t> vocab_table_;
  uint64_t vocab_id_ = 0;  // this vocabulary's id (English stem cache, text/english.h)
  uint32_t vocab_mask_ = 0;
  void BuildVocabularyTable();  // vocab_table_ from vocab_words_ (sorted, unique), a new vocab_id_
  bool has_vocab_ = false;
  bool english_ = false;
};

}  // namespace hadath
