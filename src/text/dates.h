// The date grammar: one place for every way news writes a date, used both by
// extraction (meta tags, bylines, datelines) and by the coder (dates inside
// sentences). Month, weekday and relative-day words are data
// (data/dates.tsv); the shapes are:
//   ISO            2023-10-27, 2023-10-27T09:00:00Z
//   numeric        27/10/2023, 27-10-2023, 27.10.2023, 2023/10/27, 10/27/2023 when
//                  only that reading is valid (any digits: ٢٧/١٠/٢٠٢٣), optionally «م»
//   day month      27 أكتوبر [2023], 27 تشرين الأول 2023, 27 أكتوبر/تشرين الأول 2023م,
//                  27 من أكتوبر, 5 جانفي 2021 (Maghrebi), 7 October, 7 Oct. 2023, 27th of October
//   month day      October 27, 2023; Oct. 7; Oct 27th, 2023
//   Hijri          12 ربيع الآخر 1445 هـ, 12/4/1445هـ → Gregorian via ICU's islamic-umalqura calendar
//                  (a Hijri month or a numeric date needs its year; the numeric form needs «هـ»)
//   weekday        الخميس, Thursday      → the latest such day on or before the document date
//   relative       أمس, اليوم, غدا, yesterday → document date ± n days
// A weekday before an explicit date («الجمعة 27 أكتوبر 2023», "Friday, Oct 27") is
// part of the expression only in the sense that it is ignored by ParseString.
// Thread safety: immutable after Load(); all methods const and thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/status.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace hadath {

struct Ymd {
  int y = 0, m = 0, d = 0;
  // Inline: DatedCode::Covers and ActorEntry::CodeOn ask it for every actor match; a day
  // up to 28 needs no month table.
  bool valid() const {
    return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && (d <= 28 || DayFits());
  }
  std::string ToString() const;            // "YYYY-MM-DD", "" if invalid
  static bool Parse(std::string_view s, Ymd* out);  // strict "YYYY-MM-DD[...]"
  int64_t ToDays() const;                  // days since 1970-01-01
  static Ymd FromDays(int64_t days);
  int Weekday() const;                     // ISO: 1 = Monday … 7 = Sunday
  bool DayFits() const;                    // d <= the days of month m of year y
  // Earlier than o, for two valid dates (their (year, month, day) in order; no day count).
  bool Before(const Ymd& o) const { return y != o.y ? y < o.y : m != o.m ? m < o.m : d < o.d; }
};

// Hijri (Umm al-Qura) year/month/day → Gregorian; false if not a valid Hijri date.
bool HijriToGregorian(int y, int m, int d, Ymd* out);

struct DateMention {
  size_t tok_begin = 0, tok_end = 0;  // token index range [begin, end)
  Ymd date;
  std::string basis;                  // explicit | weekday | relative
  std::string rule;                   // data/dates.tsv:line of the word that fired, or the shape
};

class DateGrammar {
 public:
  // REQUIRES: `normalizer` outlives this object.
  Status Load(const std::string& data_dir, const Normalizer* normalizer);

  // Parses a date string from metadata or a byline; false if none found.
  // A weekday name in the string is ignored; relative words are not used.
  bool ParseString(std::string_view s, Ymd* out) const;

  // Finds date expressions in a sentence. `doc_date` may be invalid, in which
  // case only fully explicit dates (with a year) are returned.
  std::vector<DateMention> Find(const std::vector<Token>& toks, const Ymd& doc_date) const;

  // An interval phrase (data/dates.tsv kind `interval`: "a day after", "hours before") whose
  // last token is toks[end - 1]: *days is what it adds to the date of what it follows, *begin
  // its first token, *rule its data/dates.tsv line. False when none ends there.
  bool IntervalEndingAt(const std::vector<Token>& toks, size_t end, int* days, size_t* begin,
                        std::string* rule) const;

 private:
  struct Word {
    std::string kind;                  // month | hijri_month | weekday | relative | marker | past | interval
    int value = 0;
    std::vector<std::string> forms;    // matching forms of each word
    std::string rule;
  };
  // Matches a word entry at tokens[i]; returns the token count, 0 if none.
  size_t MatchWord(const std::vector<Token>& toks, size_t i, std::string_view kind, const Word** out) const;
  const Normalizer* norm_ = nullptr;
  // words_ indices by the matching form of their first word: MatchWord looks
  // up the token's forms instead of scanning every word.
  struct Bucket {
    std::string first;            // the first word's matching form
    std::vector<uint32_t> words;  // indices into words_
    uint8_t kinds = 0;            // KindBit() of each word's kind, or'ed
  };
  std::vector<Bucket> buckets_;
  // An open-addressing table of buckets_ by Fnv1a32 of their first word (the hash every token
  // reading carries): (hash << 32) | (bucket index + 1), 0 empty; a power of two in size.
  std::vector<uint64_t> first_slots_;
  // The bucket of a first word `form` whose Fnv1a32 is `fnv`, or null.
  const Bucket* FirstBucket(std::string_view form, uint32_t fnv) const {
    if (first_slots_.empty()) return nullptr;
    const size_t mask = first_slots_.size() - 1;
    for (size_t s = fnv & mask;; s = (s + 1) & mask) {
      const uint64_t e = first_slots_[s];
      if (!e) return nullptr;
      if (static_cast<uint32_t>(e >> 32) == fnv && buckets_[(e & 0xFFFFFFFFu) - 1].first == form)
        return &buckets_[(e & 0xFFFFFFFFu) - 1];
    }
  }
  // A bit per word kind (month, hijri_month, weekday, relative, marker, past, interval), so that Find() asks
  // MatchWord() only for the kinds a token can start.
  static uint8_t KindBit(std::string_view kind);
  // A one-hash Bloom filter of the buckets' first words by Fnv1a32 (the hash every
  // token reading already carries): most tokens are rejected without hashing.
  static constexpr uint32_t kFilterBits = 1u << 14;
  std::vector<uint64_t> first_filter_;
  bool MayStart(uint32_t fnv) const {
    if (first_filter_.empty()) return true;  // not loaded
    const uint32_t b = fnv & (kFilterBits - 1);
    return (first_filter_[b >> 6] >> (b & 63)) & 1;
  }
  std::vector<Word> words_;
  std::vector<Word> intervals_;  // kind `interval` (few: read through)
};

}  // namespace hadath
