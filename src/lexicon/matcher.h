// PhraseMatcher: finds dictionary phrases (sequences of matching forms) in a
// token sequence, across clitic alternatives.
//
// The first word of a phrase may carry prefix clitics and, for one-word
// phrases, a suffix clitic («وبموسكو» → موسكو, «حكومتها» → حكومة); inner words
// must match exactly; the last word of a multiword phrase may carry a suffix.
//
// Two states: a builder (Add() …, then Build()) and a compiled, flat form — a
// byte blob of 32-bit arrays (interned forms, phrases, an open-addressing hash
// table of first forms) that the matcher reads in place. The blob is either
// owned (built from the TSV sources) or a view into a memory-mapped lexicon
// image (Attach()), so an image loads without copying or rehashing anything.
//
// Thread safety: immutable after Build()/Attach(); Match*() are const and may
// be called concurrently. REQUIRES: Build() or Attach() before any Match*().
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "hadath/status.h"
#include "text/tokenizer.h"

namespace hadath {

struct PhraseMatch {
  size_t begin = 0, end = 0;     // token range [begin, end)
  uint32_t payload = 0;          // caller's entry index
  // Clitics stripped from the first / last token: views into the tokens' text (their
  // TokenizedText), valid as long as the tokens the match was found in.
  std::string_view prefix;
  std::string_view suffix;
};

class PhraseMatcher {
 public:
  PhraseMatcher() = default;
  PhraseMatcher(const PhraseMatcher& o);
  PhraseMatcher& operator=(const PhraseMatcher& o);
  PhraseMatcher(PhraseMatcher&& o) noexcept;
  PhraseMatcher& operator=(PhraseMatcher&& o) noexcept;

  // `forms`: matching forms of the phrase's words (already normalized).
  void Add(const std::vector<std::string>& forms, uint32_t payload);
  // Compiles the added phrases (in Add order) into the owned flat form.
  void Build();
  // The compiled form, to store in an image (valid while this object lives).
  std::string_view blob() const { return {base_, size_}; }
  // Reads a compiled form in place. REQUIRES: `blob` is 4-byte aligned and
  // outlives this matcher (the Lexicon keeps its mapping open).
  Status Attach(std::string_view blob);

  // All phrases starting at token i, longest first.
  std::vector<PhraseMatch> MatchAt(const std::vector<Token>& toks, size_t i) const;

  // Leftmost-longest, non-overlapping matches over the whole sequence. When
  // several entries share the longest span, all of them are returned (same
  // begin/end), in the order they were added.
  std::vector<PhraseMatch> FindAll(const std::vector<Token>& toks) const;
  // The same into *out (cleared first; its capacity reused).
  void FindAllInto(const std::vector<Token>& toks, std::vector<PhraseMatch>* out) const;

  // True when some phrase starts with `form` (no clitic stripping).
  bool StartsPhrase(std::string_view form) const { return Lookup(form) != nullptr; }

  size_t size() const { return n_phrases_; }
  // Phrase k (in Add order): its words and payload (for `hadath dict`).
  std::vector<std::string_view> PhraseForms(size_t k) const;
  uint32_t PhrasePayload(size_t k) const { return phrases_[3 * k + 2]; }
  // Adds the first word of every phrase to *out.
  void FirstForms(std::unordered_set<std::string>* out) const;

  // Bare forms only: a token's other readings (clitic splits, English stems) are passed over.
  // English actors, agents and places list their inflected forms as written ("official|
  // officials"); triggers and cues also match by stem (set by the Lexicon after loading, not
  // stored in the image).
  void SetBareOnly(bool bare) { bare_only_ = bare; }

 private:
  // The views of a compiled form's arrays (no index read: Attach() checks them after).
  void Bind(const char* base, size_t size);
  // What is built from those arrays and not stored: the filters and keys.
  // REQUIRES: Bind(), and the indices checked (Attach) or built here (Build).
  void Derive();
  // The readings of a token this matcher reads: all of them, or the bare form only.
  std::span<const Segment> Readings(const Token& t) const {
    return bare_only_ && !t.segs.empty() ? t.segs.first(1) : t.segs;
  }
  bool bare_only_ = false;
  // The table slot of `form` as a first word, or nullptr.
  const uint32_t* Lookup(std::string_view form) const;
  const uint32_t* Lookup(std::string_view form, uint32_t h) const {  // h: FormHash(form)
    if (!base_) return nullptr;
    // Most words start no phrase: a bit per filter position (in cache) says so first.
    const uint32_t bit = (h * 0x9E3779B1u) >> filter_shift_;
    if (!((filter_[bit >> 6] >> (bit & 63)) & 1)) return nullptr;
    return Probe(form, h);
  }
  // a == b for the short words of a dictionary, without a call to memcmp or a loop whose end
  // depends on the length: two overlapping loads of each word.
  static bool SameForm(std::string_view a, std::string_view b) {
    const size_t n = a.size();
    if (n != b.size()) return false;
    if (n >= 8) {
      if (n > 16) return a == b;
      uint64_t a0, a1, b0, b1;
      std::memcpy(&a0, a.data(), 8);
      std::memcpy(&b0, b.data(), 8);
      std::memcpy(&a1, a.data() + n - 8, 8);
      std::memcpy(&b1, b.data() + n - 8, 8);
      return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    if (n >= 4) {
      uint32_t a0, a1, b0, b1;
      std::memcpy(&a0, a.data(), 4);
      std::memcpy(&b0, b.data(), 4);
      std::memcpy(&a1, a.data() + n - 4, 4);
      std::memcpy(&b1, b.data() + n - 4, 4);
      return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    if (n == 0) return true;
    return ((a[0] ^ b[0]) | (a[n / 2] ^ b[n / 2]) | (a[n - 1] ^ b[n - 1])) == 0;
  }
  // Lookup() past the bit filter: the table itself.
  const uint32_t* Probe(std::string_view form, uint32_t h) const {
    for (uint32_t slot = h & mask_;; slot = (slot + 1) & mask_) {
      const uint32_t* t = table_ + 4 * slot;
      if (!t[1]) return nullptr;
      if (t[0] == h && SameForm(Form(t[1] - 1), form)) return t;
    }
  }
  // False when no phrase of the group at table slot `slot` can start at a token followed by
  // one with these hashes (n_next > 0): it has no one-word phrase, and the pair filter
  // knows no multiword one whose second word has one of them.
  bool MayStartAt(const uint32_t* slot, const uint32_t* next_hash, size_t n_next) const {
    if (!pairs_) return true;
    // One-word phrases come first in a group (second-word hash 0).
    const uint32_t* second = second_ + slot[2];
    const uint8_t* words = words_ + slot[2];
    for (uint32_t q = 0; q < slot[3] && second[q] == 0; ++q)
      if (words[q] == 1) return true;
    return PairMayContinue(slot, next_hash, n_next);
  }
  // Whether the pair filter knows a multiword phrase of the group at `slot` whose second word
  // has one of the next token's hashes (false when the matcher has no multiword phrase).
  bool PairMayContinue(const uint32_t* slot, const uint32_t* next_hash, size_t n_next) const {
    return PairMayContinue(slot[0], next_hash, n_next);
  }
  // The same for the first word whose hash is h1 (its slot's hash).
  bool PairMayContinue(uint32_t h1, const uint32_t* next_hash, size_t n_next) const {
    if (!pairs_) return false;
    for (size_t k = 0; k < n_next; ++k) {
      const uint32_t bit = PairBit(h1, next_hash[k], pair_shift_);
      if ((pairs_[bit >> 5] >> (bit & 31)) & 1) return true;
    }
    return false;
  }
  // The bit of a (first word, second word) pair of hashes in a filter of 2^(32 - shift) bits.
  static uint32_t PairBit(uint32_t h1, uint32_t h2, uint32_t shift) {
    return static_cast<uint32_t>(((h1 * 0x9E3779B1u) ^ h2) * 0x85EBCA6Bu) >> shift;
  }
  // Whether the triple filter knows a multiword phrase with these first, second and third (0:
  // none, a two-word phrase) word hashes: false when the group at the first word's slot has
  // none, so its run of (second, third) keys need not be searched.
  bool TripleMayStart(uint32_t h1, uint32_t h2, uint32_t h3) const {
    const uint32_t bit = TripleBit(h1, h2, h3, triple_shift_);
    return (triples_[bit >> 6] >> (bit & 63)) & 1;
  }
  static uint32_t TripleBit(uint32_t h1, uint32_t h2, uint32_t h3, uint32_t shift) {
    return static_cast<uint32_t>(((((h1 * 0x9E3779B1u) ^ h2) * 0x85EBCA6Bu) ^ h3) * 0xC2B2AE35u) >> shift;
  }
  // MatchAt's work, appended to *out. Readings before `first_seg` start no
  // phrase; `first_slot`, when set, is Lookup() of reading `first_seg`.
  void MatchAtInto(const std::vector<Token>& toks, size_t i, size_t first_seg, const uint32_t* first_slot,
                   std::vector<PhraseMatch>* out) const;
  std::string_view Form(uint32_t id) const {
    return {pool_ + forms_[2 * id], forms_[2 * id + 1]};
  }

  std::vector<std::pair<std::vector<std::string>, uint32_t>> pending_;  // builder
  std::string owned_;                 // compiled form when built here
  const char* base_ = nullptr;        // compiled form (owned_ or an image)
  size_t size_ = 0;
  bool owns_ = false;
  uint32_t n_phrases_ = 0, n_forms_ = 0, mask_ = 0;
  // The first forms' hashes as a bit set of 8 bits per table slot (built by Derive(), not stored).
  std::vector<uint64_t> filter_;
  uint32_t filter_shift_ = 32;
  // At the same bit positions: the first forms whose group has a one-word phrase (FindAllInto
  // asks the pair filter, not the table, about the others first).
  std::vector<uint64_t> single_;
  const uint32_t* forms_ = nullptr;    // n_forms × {offset, length} into pool_
  const char* pool_ = nullptr;
  const uint32_t* phrases_ = nullptr;  // n_phrases × {forms begin, count, payload}
  const uint32_t* pforms_ = nullptr;   // form ids of every phrase, concatenated
  const uint32_t* first_ = nullptr;    // phrase indices grouped by first form
  const uint32_t* table_ = nullptr;    // (mask+1) × {hash, form id + 1, first_ begin, count}
  // In group order (parallel to first_):
  // (second, third) hashes as one key each, in group order (built by Derive(), not stored): the
  // search of a large group reads one array, not two.
  std::vector<uint64_t> keys_;
  // Bits of the (first, second, third or 0) word hashes of the multiword phrases (built by Derive()).
  std::vector<uint64_t> triples_;
  uint32_t triple_shift_ = 32;
  const uint32_t* second_ = nullptr;   // FormHash of the phrase's second word (0: one word)
  const uint32_t* third_ = nullptr;    // FormHash of its third word (0: fewer words)
  const uint8_t* words_ = nullptr;     // its word count (255: 255 or more, read phrases_)
  // Bits of the (first word, second word) hash pairs of the multiword phrases (null: none).
  const uint32_t* pairs_ = nullptr;
  uint32_t pair_shift_ = 32;
};

// 32-bit FNV-1a of a matching form (the matcher's table hash; stable).
uint32_t FormHash(std::string_view s);

}  // namespace hadath
