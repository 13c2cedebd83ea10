#include "lexicon/matcher.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "util/hash.h"

namespace hadath {

namespace {
constexpr uint32_t kMagic = 0x354D4850;  // "PHM5" (2: second-word hashes; 3: groups sorted by them; 4: third-word hashes;
                                         // 5: those hashes and word counts in group order, pair filter)
constexpr size_t kHeaderWords = 8;       // magic, phrases, forms, table, pool, pforms, first, log2 pair bits
constexpr uint32_t kLongPhrase = 255;     // the word count stored for phrases of 255 words or more
}  // namespace

uint32_t FormHash(std::string_view s) { return Fnv1a32(s); }


namespace {
// The hash of a reading's stem: the tokenizer's when it set one.
inline uint32_t StemHash(const Segment& s) { return s.hash ? s.hash : Fnv1a32(s.stem); }
}  // namespace

PhraseMatcher::PhraseMatcher(const PhraseMatcher& o) { *this = o; }

PhraseMatcher& PhraseMatcher::operator=(const PhraseMatcher& o) {
  if (this == &o) return *this;
  bare_only_ = o.bare_only_;
  pending_ = o.pending_;
  owned_ = o.owned_;
  owns_ = o.owns_;
  if (o.base_) { Bind(owns_ ? owned_.data() : o.base_, o.size_); Derive(); }
  else { base_ = nullptr; size_ = 0; n_phrases_ = 0; }
  return *this;
}

PhraseMatcher::PhraseMatcher(PhraseMatcher&& o) noexcept { *this = std::move(o); }

PhraseMatcher& PhraseMatcher::operator=(PhraseMatcher&& o) noexcept {
  if (this == &o) return *this;
  bare_only_ = o.bare_only_;
  pending_ = std::move(o.pending_);
  owns_ = o.owns_;
  const char* base = o.base_;
  size_t size = o.size_;
  owned_ = std::move(o.owned_);
  if (base) { Bind(owns_ ? owned_.data() : base, size); Derive(); }
  else { base_ = nullptr; size_ = 0; n_phrases_ = 0; }
  o.base_ = nullptr;
  o.size_ = 0;
  o.n_phrases_ = 0;
  return *this;
}

void PhraseMatcher::Add(const std::vector<std::string>& forms, uint32_t payload) {
  if (forms.empty()) return;
  pending_.emplace_back(forms, payload);
}

void PhraseMatcher::Build() {
  // Intern forms; group phrases by first form, keeping Add order inside a group.
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<const std::string*> forms;
  auto intern = [&](const std::string& f) {
    auto [it, fresh] = ids.emplace(f, static_cast<uint32_t>(forms.size()));
    if (fresh) forms.push_back(&it->first);
    return it->second;
  };
  std::vector<uint32_t> phrases, pforms;
  std::vector<uint32_t> first_of;  // first form id per phrase
  for (const auto& [fs, payload] : pending_) {
    phrases.push_back(static_cast<uint32_t>(pforms.size()));
    phrases.push_back(static_cast<uint32_t>(fs.size()));
    phrases.push_back(payload);
    for (const auto& f : fs) pforms.push_back(intern(f));
    first_of.push_back(pforms[phrases[phrases.size() - 3]]);
  }
  const uint32_t n_phrases = static_cast<uint32_t>(pending_.size());
  std::vector<uint32_t> order(n_phrases);
  for (uint32_t k = 0; k < n_phrases; ++k) order[k] = k;
  // FormHash of every phrase's second word (0 for one-word phrases): MatchAt
  // looks up the phrases of a first word by this number instead of trying each.
  // The same for the third word (0: fewer than three): a verb followed by a common word
  // ("asked the …") leaves hundreds of CAMEO patterns that only the third word tells apart.
  std::vector<uint32_t> second(n_phrases), third(n_phrases);
  for (uint32_t k = 0; k < n_phrases; ++k) {
    second[k] = phrases[3 * k + 1] > 1 ? FormHash(*forms[pforms[phrases[3 * k] + 1]]) : 0;
    third[k] = phrases[3 * k + 1] > 2 ? FormHash(*forms[pforms[phrases[3 * k] + 2]]) : 0;
  }
  // Grouped by first form; inside a group by second-word hash, third-word hash, then Add order.
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (first_of[a] != first_of[b]) return first_of[a] < first_of[b];
    if (second[a] != second[b]) return second[a] < second[b];
    if (third[a] != third[b]) return third[a] < third[b];
    return a < b;
  });
  size_t n_first_forms = 0;
  for (size_t k = 0; k < order.size(); ++k) n_first_forms += (k == 0 || first_of[order[k]] != first_of[order[k - 1]]);
  uint32_t table_size = 16;
  while (table_size < 2 * n_first_forms) table_size *= 2;
  std::vector<uint32_t> table(4 * table_size, 0);
  std::string pool;
  std::vector<uint32_t> form_spans;
  for (const std::string* f : forms) {
    form_spans.push_back(static_cast<uint32_t>(pool.size()));
    form_spans.push_back(static_cast<uint32_t>(f->size()));
    pool += *f;
  }
  while (pool.size() % 4) pool.push_back('\0');
  for (size_t k = 0; k < order.size();) {
    size_t e = k;
    while (e < order.size() && first_of[order[e]] == first_of[order[k]]) ++e;
    uint32_t fid = first_of[order[k]];
    uint32_t h = FormHash(*forms[fid]);
    uint32_t slot = h & (table_size - 1);
    while (table[4 * slot + 1]) slot = (slot + 1) & (table_size - 1);
    table[4 * slot] = h;
    table[4 * slot + 1] = fid + 1;
    table[4 * slot + 2] = static_cast<uint32_t>(k);
    table[4 * slot + 3] = static_cast<uint32_t>(e - k);
    k = e;
  }
  // A filter of (first word, second word) pairs of the multiword phrases, 8 bits per phrase:
  // most tokens that start some phrase are followed by no word that continues one.
  size_t n_multi = 0;
  for (uint32_t k = 0; k < n_phrases; ++k) n_multi += phrases[3 * k + 1] > 1;
  uint32_t pair_log2 = 0;
  if (n_multi) {
    pair_log2 = 6;
    while (pair_log2 < 32 && (uint64_t{1} << pair_log2) < 8ull * n_multi) ++pair_log2;
  }
  std::vector<uint32_t> pair_bits(pair_log2 ? (uint64_t{1} << pair_log2) / 32 : 0, 0);
  for (uint32_t k = 0; k < n_phrases; ++k) {
    if (phrases[3 * k + 1] < 2) continue;
    const uint32_t bit = PairBit(FormHash(*forms[first_of[k]]), second[k], 32 - pair_log2);
    pair_bits[bit >> 5] |= uint32_t{1} << (bit & 31);
  }
  uint32_t header[kHeaderWords] = {kMagic, n_phrases, static_cast<uint32_t>(forms.size()), table_size,
                                   static_cast<uint32_t>(pool.size()), static_cast<uint32_t>(pforms.size()),
                                   static_cast<uint32_t>(order.size()), pair_log2};
  std::string out;
  auto put = [&](const void* p, size_t bytes) { out.append(static_cast<const char*>(p), bytes); };
  put(header, sizeof header);
  put(form_spans.data(), form_spans.size() * 4);
  put(phrases.data(), phrases.size() * 4);
  put(pforms.data(), pforms.size() * 4);
  put(order.data(), order.size() * 4);
  put(table.data(), table.size() * 4);
  // Read by MatchAtInto for every phrase of a group it looks at, so stored in group order
  // (beside each other, not scattered over the phrase array): the second and third words'
  // hashes, the word count.
  for (uint32_t k = 0; k < n_phrases; ++k) put(&second[order[k]], 4);
  for (uint32_t k = 0; k < n_phrases; ++k) put(&third[order[k]], 4);
  std::string counts(n_phrases, '\0');
  for (uint32_t k = 0; k < n_phrases; ++k)
    counts[k] = static_cast<char>(std::min<uint32_t>(phrases[3 * order[k] + 1], kLongPhrase));
  while (counts.size() % 4) counts.push_back('\0');
  out += counts;
  put(pair_bits.data(), pair_bits.size() * 4);
  out += pool;
  owned_ = std::move(out);
  owns_ = true;
  pending_.clear();
  pending_.shrink_to_fit();
  Bind(owned_.data(), owned_.size());
  Derive();
}

void PhraseMatcher::Bind(const char* base, size_t size) {
  base_ = base;
  size_ = size;
  const uint32_t* h = reinterpret_cast<const uint32_t*>(base);
  n_phrases_ = h[1];
  n_forms_ = h[2];
  mask_ = h[3] - 1;
  const uint32_t* p = h + kHeaderWords;
  forms_ = p;  p += 2 * size_t{h[2]};
  phrases_ = p;  p += 3 * size_t{h[1]};
  pforms_ = p;  p += h[5];
  first_ = p;  p += h[6];
  table_ = p;  p += 4 * size_t{h[3]};
  second_ = p;  p += h[1];
  third_ = p;  p += h[1];
  words_ = reinterpret_cast<const uint8_t*>(p);  p += (size_t{h[1]} + 3) / 4;
  pairs_ = h[7] ? p : nullptr;  p += h[7] ? (uint64_t{1} << h[7]) / 32 : 0;
  pair_shift_ = 32 - h[7];
  pool_ = reinterpret_cast<const char*>(p);
}

void PhraseMatcher::Derive() {
  const uint32_t n_slots = mask_ + 1;
  keys_.resize(n_phrases_);
  for (uint32_t k = 0; k < n_phrases_; ++k) keys_[k] = (uint64_t{second_[k]} << 32) | third_[k];
  // The triple filter: 8 bits per multiword phrase, of its (first, second, third or 0) hashes.
  size_t n_multi = 0;
  for (uint32_t k = 0; k < n_phrases_; ++k) n_multi += words_[k] > 1;
  uint32_t triple_log2 = 6;
  while (triple_log2 < 32 && (uint64_t{1} << triple_log2) < 8ull * n_multi) ++triple_log2;
  triple_shift_ = 32 - triple_log2;
  triples_.assign((uint64_t{1} << triple_log2) / 64, 0);
  for (uint32_t s = 0; s < n_slots; ++s) {
    const uint32_t* t = table_ + 4 * size_t{s};
    if (!t[1]) continue;
    for (uint32_t q = t[2]; q < t[2] + t[3]; ++q) {
      if (words_[q] == 1) continue;
      const uint32_t bit = TripleBit(t[0], second_[q], third_[q], triple_shift_);
      triples_[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
  }
  // 8 × table size bits (at least 64): a word that starts no phrase is rejected there, one
  // time in ~16 or less passed on to the table.
  uint32_t log2_bits = 6;
  while (log2_bits < 32 && (uint64_t{1} << log2_bits) < 8ull * n_slots) ++log2_bits;
  filter_shift_ = 32 - log2_bits;
  filter_.assign((uint64_t{1} << log2_bits) / 64, 0);
  single_.assign(filter_.size(), 0);
  for (uint32_t s = 0; s < n_slots; ++s) {
    const uint32_t* t = table_ + 4 * size_t{s};
    if (!t[1]) continue;
    const uint32_t bit = (t[0] * 0x9E3779B1u) >> filter_shift_;
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    // (one-word phrases come first in a group: second-word hash 0)
    bool single = false;
    for (uint32_t q = t[2]; q < t[2] + t[3] && second_[q] == 0 && !single; ++q) single = words_[q] == 1;
    if (single) single_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

Status PhraseMatcher::Attach(std::string_view blob) {
  if (blob.size() < kHeaderWords * 4 || reinterpret_cast<uintptr_t>(blob.data()) % 4)
    return Status::Corrupt("phrase matcher: truncated or misaligned");
  uint32_t h[kHeaderWords];
  std::memcpy(h, blob.data(), sizeof h);
  if (h[0] != kMagic) return Status::Corrupt("phrase matcher: bad magic");
  if (h[3] == 0 || (h[3] & (h[3] - 1))) return Status::Corrupt("phrase matcher: bad table size");
  if (h[6] != h[1]) return Status::Corrupt("phrase matcher: group order is not the phrases");
  if (h[7] > 32 || (h[7] && h[7] < 6)) return Status::Corrupt("phrase matcher: bad pair filter size");
  uint64_t words = kHeaderWords + 2ull * h[2] + 5ull * h[1] + (h[1] + 3ull) / 4 + h[5] + h[6] + 4ull * h[3] +
                   (h[7] ? (uint64_t{1} << h[7]) / 32 : 0);
  if (words * 4 + h[4] != blob.size()) return Status::Corrupt("phrase matcher: sizes do not add up");
  owned_.clear();
  owns_ = false;
  pending_.clear();
  Bind(blob.data(), blob.size());
  // (a damaged blob leaves no matcher bound to it)
  auto fail = [&](const char* why) {
    base_ = nullptr;
    size_ = 0;
    n_phrases_ = 0;
    return Status::Corrupt(why);
  };
  // Bounds of every index, so that a damaged image cannot read out of range.
  for (uint32_t k = 0; k < n_forms_; ++k)
    if (uint64_t{forms_[2 * k]} + forms_[2 * k + 1] > h[4]) return fail("phrase matcher: form out of range");
  for (uint32_t k = 0; k < n_phrases_; ++k)
    if (uint64_t{phrases_[3 * k]} + phrases_[3 * k + 1] > h[5] || phrases_[3 * k + 1] == 0)
      return fail("phrase matcher: phrase out of range");
  for (uint32_t k = 0; k < h[5]; ++k)
    if (pforms_[k] >= n_forms_) return fail("phrase matcher: form id out of range");
  for (uint32_t k = 0; k < h[6]; ++k) {
    if (first_[k] >= n_phrases_) return fail("phrase matcher: phrase id out of range");
    const uint32_t n = phrases_[3 * first_[k] + 1];
    if (words_[k] != std::min<uint32_t>(n, kLongPhrase)) return fail("phrase matcher: bad word count");
  }
  for (uint32_t s = 0; s <= mask_; ++s) {
    const uint32_t* t = table_ + 4 * s;
    if (t[1] && (t[1] > n_forms_ || uint64_t{t[2]} + t[3] > h[6])) return fail("phrase matcher: bad table slot");
  }
  Derive();  // (only now: it follows the indices checked above)
  return Status::OK();
}

const uint32_t* PhraseMatcher::Lookup(std::string_view form) const { return Lookup(form, Fnv1a32(form)); }


std::vector<std::string_view> PhraseMatcher::PhraseForms(size_t k) const {
  std::vector<std::string_view> out;
  for (uint32_t j = 0; j < phrases_[3 * k + 1]; ++j) out.push_back(Form(pforms_[phrases_[3 * k] + j]));
  return out;
}

void PhraseMatcher::FirstForms(std::unordered_set<std::string>* out) const {
  if (!base_) return;
  for (uint32_t s = 0; s <= mask_; ++s)
    if (table_[4 * s + 1]) out->emplace(Form(table_[4 * s + 1] - 1));
}

std::vector<PhraseMatch> PhraseMatcher::MatchAt(const std::vector<Token>& toks, size_t i) const {
  std::vector<PhraseMatch> out;
  if (i < toks.size()) MatchAtInto(toks, i, 0, nullptr, &out);
  return out;
}

void PhraseMatcher::MatchAtInto(const std::vector<Token>& toks, size_t i, size_t first_seg,
                                const uint32_t* first_slot, std::vector<PhraseMatch>* out) const {
  const size_t out_begin = out->size();
  const Token& first = toks[i];
  // The hashes the second word may have: its matching form (as an inner word
  // or the last one), or the stem of a suffix reading (as the last word only).
  uint32_t next_hash[8] = {};
  size_t n_next = 0;
  if (i + 1 < toks.size()) {
    const Token& t = toks[i + 1];
    next_hash[n_next++] = TokenFormHash(t);
    for (const Segment& s : Readings(t))
      if (n_next < 8 && s.prefix.empty() && !s.suffix.empty()) next_hash[n_next++] = StemHash(s);
    if (t.segs.size() > 8) n_next = 0;  // (never in practice) no filtering
  }
  // The same for the third word, computed when a phrase of three words or more
  // first needs them.
  uint32_t third_hash[8] = {};
  size_t n_third = 0;
  bool third_done = false;
  auto third_hashes = [&] {
    third_done = true;
    if (n_next && i + 2 < toks.size()) {
      const Token& t = toks[i + 2];
      third_hash[n_third++] = TokenFormHash(t);
      for (const Segment& s : Readings(t))
        if (n_third < 8 && s.prefix.empty() && !s.suffix.empty()) third_hash[n_third++] = StemHash(s);
      if (t.segs.size() > 8) n_third = 0;
    }
  };
  const size_t left = toks.size() - i;  // words from token i on
  const std::span<const Segment> first_segs = Readings(first);
  for (size_t r = first_seg; r < first_segs.size(); ++r) {
    const Segment& seg = first_segs[r];
    const uint32_t* slot = r == first_seg && first_slot ? first_slot : Lookup(seg.stem, StemHash(seg));
    if (!slot) continue;
    // The group of this first word: phrase indices, and in the same (group) order their
    // second- and third-word hashes and word counts.
    const uint32_t* group = first_ + slot[2];
    const uint32_t group_size = slot[3];
    const uint32_t* second = second_ + slot[2];
    const uint32_t* third = third_ + slot[2];
    const uint64_t* group_keys = keys_.data() + slot[2];
    const uint8_t* words = words_ + slot[2];
    const bool bare = seg.suffix.empty();
    // (FindAllInto asked this of the reading it passes as first_slot.)
    if (n_next && !(r == first_seg && first_slot) && !MayStartAt(slot, next_hash, n_next)) continue;
    // Whether the phrase at group position q may match here, by its length and hashes.
    auto may_match = [&](uint32_t q) {
      size_t n = words[q];
      if (n == kLongPhrase) n = phrases_[3 * group[q] + 1];
      if (n > left) return false;
      if (n == 1) return true;
      // A multiword phrase may not have a suffix on its first word.
      if (!bare) return false;
      if (!n_next) return true;
      const uint32_t want = second[q];
      bool may = next_hash[0] == want;
      for (size_t k = 1; k < n_next && !may && n == 2; ++k) may = next_hash[k] == want;
      if (!may || n < 3) return may;
      if (!third_done) third_hashes();
      if (!n_third) return may;
      const uint32_t want3 = third[q];
      bool may3 = third_hash[0] == want3;
      for (size_t k = 1; k < n_third && !may3 && n == 3; ++k) may3 = third_hash[k] == want3;
      return may3;
    };
    // The phrases that may match here, in Add order: a group is sorted by second-word hash,
    // so a large one is searched by the hashes the next token has (and 0, one-word phrases)
    // instead of read through.
    thread_local std::vector<uint32_t> cands;
    cands.clear();
    if (!n_next || group_size <= 8) {
      for (uint32_t q = 0; q < group_size; ++q)
        if (may_match(q)) cands.push_back(group[q]);
    } else {
      // Runs of group positions with one (second, third) pair of hashes, each in Add order:
      // (0, 0) the one-word phrases; for each hash the next token has, (h, 0) the two-word
      // phrases and (h, t) those of more words for each hash t the token after it has.
      uint32_t keys[9] = {0};
      size_t n_keys = 1;
      for (size_t k = 0; k < n_next; ++k)
        if (std::find(keys, keys + n_keys, next_hash[k]) == keys + n_keys) keys[n_keys++] = next_hash[k];
      if (!third_done) third_hashes();
      uint32_t keys3[9] = {0};
      size_t n_keys3 = 1;
      for (size_t k = 0; k < n_third; ++k)
        if (std::find(keys3, keys3 + n_keys3, third_hash[k]) == keys3 + n_keys3) keys3[n_keys3++] = third_hash[k];
      // (A third token of more than 8 readings, never in practice: no third-word runs.)
      const bool all_third = i + 2 < toks.size() && !n_third;
      uint32_t lo[9 * 9], hi[9 * 9];
      size_t n_runs = 0;
      auto add_run = [&](uint32_t h2, uint32_t h3, bool any3) {
        // First position with (second, third) >= (h2, h3), or second >= h2 (any3: (h2, 0), as
        // hashes are unsigned), by a binary search without branches on the data (a large
        // group's keys are random: a branch there is mispredicted half the time); then the
        // run's end.
        const uint64_t want = (uint64_t{h2} << 32) | (any3 ? 0 : h3);
        uint32_t b = 0, len = want ? group_size : 0;  // (no key is below 0: the run starts the group)
        while (len > 1) {  // (the answer is in [b, b + len])
          const uint32_t half = len / 2;
          b += (group_keys[b + half - 1] < want) * half;
          len -= half;
        }
        b += len && group_keys[b] < want;
        uint32_t e = b;
        if (any3)
          while (e != group_size && (group_keys[e] >> 32) == h2) ++e;
        else
          while (e != group_size && group_keys[e] == want) ++e;
        if (b != e) { lo[n_runs] = b; hi[n_runs] = e; ++n_runs; }
      };
      add_run(0, 0, true);  // (and any multiword phrase whose second word hashes to 0)
      for (size_t k = 1; k < n_keys; ++k) {
        if (all_third) { add_run(keys[k], 0, true); continue; }
        // (the triple filter knows most runs are empty: one load instead of a search)
        for (size_t k3 = 0; k3 < n_keys3; ++k3)
          if (TripleMayStart(slot[0], keys[k], keys3[k3])) add_run(keys[k], keys3[k3], false);
      }
      while (n_runs) {
        size_t m = 0;
        for (size_t k = 1; k < n_runs; ++k)
          if (group[lo[k]] < group[lo[m]]) m = k;
        const uint32_t q = lo[m]++;
        if (lo[m] == hi[m]) { lo[m] = lo[n_runs - 1]; hi[m] = hi[n_runs - 1]; --n_runs; }
        if (may_match(q)) cands.push_back(group[q]);
      }
    }
    if (!std::is_sorted(cands.begin(), cands.end())) std::sort(cands.begin(), cands.end());
    for (const uint32_t pi : cands) {
      const uint32_t* ph = phrases_ + 3 * pi;
      const size_t n = ph[1];
      const uint32_t* fids = pforms_ + ph[0];
      bool ok = true;
      std::string_view last_suffix = n == 1 ? seg.suffix : std::string_view();
      for (size_t k = 1; k < n && ok; ++k) {
        const Token& t = toks[i + k];
        const std::string_view want = Form(fids[k]);
        if (SameForm(t.norm, want)) continue;
        ok = false;
        if (k == n - 1) {
          for (const Segment& s : Readings(t)) {
            if (s.prefix.empty() && !s.suffix.empty() && s.stem == want) {
              ok = true;
              last_suffix = s.suffix;
              break;
            }
          }
        }
      }
      if (!ok) continue;
      bool dup = false;
      for (size_t m = out_begin; m < out->size(); ++m) dup |= ((*out)[m].payload == ph[2] && (*out)[m].end == i + n);
      if (!dup) {
        PhraseMatch& m = out->emplace_back();
        m.begin = i;
        m.end = i + n;
        m.payload = ph[2];
        m.prefix = seg.prefix;
        m.suffix = last_suffix;
      }
    }
  }
  // Longest first; then the reading that strips fewer clitics (stable: few matches, insertion sort).
  auto before = [](const PhraseMatch& a, const PhraseMatch& b) {
    if (a.end != b.end) return a.end > b.end;
    return a.prefix.size() + a.suffix.size() < b.prefix.size() + b.suffix.size();
  };
  for (size_t k = out_begin + 1; k < out->size(); ++k)
    for (size_t j = k; j > out_begin && before((*out)[j], (*out)[j - 1]); --j) std::swap((*out)[j], (*out)[j - 1]);
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(const std::vector<Token>& toks) const {
  std::vector<PhraseMatch> out;
  FindAllInto(toks, &out);
  return out;
}

void PhraseMatcher::FindAllInto(const std::vector<Token>& toks, std::vector<PhraseMatch>* out) const {
  out->clear();
  if (!base_) return;
  // Lookup()'s filter in locals: the loop below runs for every reading of every token.
  const uint64_t* const filter = filter_.data();
  const uint64_t* const single = single_.data();
  const uint32_t shift = filter_shift_;
  const size_t n_toks = toks.size();
  size_t i = 0;
  while (i < n_toks) {
    // Fast path: no reading of this token starts a phrase.
    const uint32_t* slot = nullptr;
    size_t r = 0;
    const std::span<const Segment> segs = Readings(toks[i]);
    uint32_t next_hash[8];
    size_t n_next = 0, n_next_at = 0;
    for (; r < segs.size(); ++r) {
      const uint32_t h = StemHash(segs[r]);
      const uint32_t bit = (h * 0x9E3779B1u) >> shift;
      if (!((filter[bit >> 6] >> (bit & 63)) & 1)) continue;
      // Maybe a first word: does some phrase of it start here (a one-word one, or one whose
      // second word the next token may be)? The next token's hashes as MatchAtInto takes them.
      if (!n_next_at) {
        n_next_at = 1;
        if (i + 1 < n_toks) {
          const Token& t = toks[i + 1];
          n_next = 0;
          next_hash[n_next++] = TokenFormHash(t);
          for (const Segment& s : Readings(t))
            if (n_next < 8 && s.prefix.empty() && !s.suffix.empty()) next_hash[n_next++] = StemHash(s);
          if (t.segs.size() > 8) n_next = 0;
        }
      }
      // A word with no one-word phrase (by its bit: "the", "in" before an actor's name) that
      // the pair filter rules out starts nothing here: no need to find it in the table.
      bool pair = false;
      if (n_next && !((single[bit >> 6] >> (bit & 63)) & 1) && !(pair = PairMayContinue(h, next_hash, n_next))) continue;
      if (!(slot = Probe(segs[r].stem, h))) continue;
      if (!n_next || pair || MayStartAt(slot, next_hash, n_next)) break;
      slot = nullptr;
    }
    if (!slot) { ++i; continue; }
    const size_t at = out->size();
    // When no multiword phrase can start here — no word follows, or the pair filter knows none
    // whose second word the next token may be ("the" before most words, "attack" before most;
    // a function word whose group holds one-word phrases only, a third of English tokens) —
    // the matches are the one-word phrases of this reading's group, which come first in the
    // group (second-word hash 0), in Add order, as MatchAtInto would find them without its
    // search. It would drop those of the token's later readings, which strip as many clitics or
    // more, other ones, after them (two readings with the same clitics, two spellings of a
    // stem, fall back to it). (A multiword phrase that could match sets a pair bit of the next
    // token's hashes, so none is passed over.)
    {
      auto multi_at = [&](const uint32_t* s) {
        if (i + 1 >= n_toks) return false;
        if (!n_next) return true;  // (a next token of more than 8 readings: no filtering)
        return PairMayContinue(s, next_hash, n_next);
      };
      const size_t clitics = segs[r].prefix.size() + segs[r].suffix.size();
      bool one_word = !multi_at(slot);
      for (size_t r2 = r + 1; one_word && r2 < segs.size(); ++r2)
        if (const uint32_t* s2 = Lookup(segs[r2].stem, StemHash(segs[r2])))
          one_word = !multi_at(s2) && segs[r2].prefix.size() + segs[r2].suffix.size() >= clitics &&
                     (segs[r2].prefix != segs[r].prefix || segs[r2].suffix != segs[r].suffix);
      if (one_word) {
        const uint32_t* group = first_ + slot[2];
        const uint32_t* second = second_ + slot[2];
        const uint8_t* words = words_ + slot[2];
        for (uint32_t q = 0; q < slot[3] && second[q] == 0; ++q) {
          if (words[q] != 1) continue;
          const uint32_t payload = phrases_[3 * group[q] + 2];
          bool dup = false;
          for (size_t m = at; m < out->size() && !dup; ++m) dup = (*out)[m].payload == payload;
          if (dup) continue;
          PhraseMatch& m = out->emplace_back();
          m.begin = i;
          m.end = i + 1;
          m.payload = payload;
          m.prefix = segs[r].prefix;
          m.suffix = segs[r].suffix;
        }
        // (none: the last token, whose group has multiword phrases only; a later reading may
        // still match, as MatchAtInto finds)
        if (out->size() != at) { ++i; continue; }
      }
    }
    // The matches here, appended to *out; kept: the first one (the longest) and those of its
    // span and clitics.
    MatchAtInto(toks, i, r, slot, out);
    if (out->size() == at) { ++i; continue; }
    const size_t end = (*out)[at].end;
    size_t kept = at + 1;
    for (size_t k = at + 1; k < out->size(); ++k) {
      PhraseMatch& m = (*out)[k];
      const PhraseMatch& first = (*out)[at];
      if (m.end != end || m.prefix != first.prefix || m.suffix != first.suffix) continue;
      if (k != kept) (*out)[kept] = std::move(m);
      ++kept;
    }
    out->resize(kept);
    i = end;
  }
}

}  // namespace hadath
