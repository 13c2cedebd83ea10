#include "text/dates.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_map>

#include "util/hash.h"
#include "util/tsv.h"

namespace hadath {

// ---- Ymd (civil-from-days after H. Hinnant's public-domain algorithms) ----

static bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool Ymd::DayFits() const { return d <= DaysInMonth(y, m); }

std::string Ymd::ToString() const {
  if (!valid()) return "";
  if (y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99) {  // no snprintf: events call this often
    const char out[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                          static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                          static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                          static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
    return std::string(out, 10);
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool Ymd::Parse(std::string_view s, Ymd* out) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  Ymd r{std::atoi(std::string(s.substr(0, 4)).c_str()), std::atoi(std::string(s.substr(5, 2)).c_str()),
        std::atoi(std::string(s.substr(8, 2)).c_str())};
  if (!r.valid()) return false;
  *out = r;
  return true;
}

int64_t Ymd::ToDays() const {
  int yy = y - (m <= 2);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  unsigned yoe = static_cast<unsigned>(yy - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Ymd Ymd::FromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned dd = doy - (153 * mp + 2) / 5 + 1;
  unsigned mm = mp < 10 ? mp + 3 : mp - 9;
  return Ymd{static_cast<int>(yy + (mm <= 2)), static_cast<int>(mm), static_cast<int>(dd)};
}

int Ymd::Weekday() const {
  int64_t days = ToDays();  // 1970-01-01 was a Thursday (4)
  int64_t w = (days % 7 + 7) % 7;  // 0 = Thursday
  return static_cast<int>((w + 3) % 7) + 1;
}

// ---- grammar ----

Status DateGrammar::Load(const std::string& data_dir, const Normalizer* normalizer) {
  norm_ = normalizer;
  TsvFile f;
  HADATH_RETURN_IF_ERROR(LoadTsv(data_dir, "dates.tsv", {"kind", "value", "forms"}, &f));
  words_.clear();
  intervals_.clear();
  buckets_.clear();
  std::unordered_map<std::string, uint32_t> bucket_of;  // first form -> index into buckets_
  for (const auto& row : f.rows) {
    const std::string& kind = row.Get("kind");
    // (every kind has a KindBit(): Find() asks a token only for the kinds it can start)
    if (KindBit(kind) == 0)
      return Status::Corrupt(row.rule + ": kind must be month, hijri_month, weekday, relative, marker, past or interval");
    char* end = nullptr;
    long v = std::strtol(row.Get("value").c_str(), &end, 10);
    if (*end != '\0') return Status::Corrupt(row.rule + ": value must be an integer");
    for (const auto& form : SplitList(row.Get("forms"))) {
      Word w;
      w.kind = kind;
      w.value = static_cast<int>(v);
      w.rule = row.rule;
      for (const auto& piece : SplitList(form, ' ')) w.forms.push_back(norm_->Normalize(piece));
      if (w.forms.empty()) continue;
      if (kind == "interval") {  // (read by IntervalEndingAt only: not among Find()'s first words)
        intervals_.push_back(std::move(w));
        continue;
      }
      auto [it, fresh] = bucket_of.emplace(w.forms[0], static_cast<uint32_t>(buckets_.size()));
      if (fresh) buckets_.push_back({w.forms[0], {}, 0});
      Bucket& b = buckets_[it->second];
      b.words.push_back(static_cast<uint32_t>(words_.size()));
      b.kinds |= KindBit(kind);
      words_.push_back(std::move(w));
    }
  }
  first_filter_.assign(kFilterBits / 64, 0);
  size_t n_slots = 16;
  while (n_slots < 2 * buckets_.size()) n_slots *= 2;
  first_slots_.assign(n_slots, 0);
  for (size_t k = 0; k < buckets_.size(); ++k) {
    const uint32_t h = Fnv1a32(buckets_[k].first);
    const uint32_t b = h & (kFilterBits - 1);
    first_filter_[b >> 6] |= uint64_t{1} << (b & 63);
    size_t s = h & (n_slots - 1);
    while (first_slots_[s]) s = (s + 1) & (n_slots - 1);
    first_slots_[s] = (uint64_t{h} << 32) | (k + 1);
  }
  return Status::OK();
}

// The bit of a word kind; 0 for a kind the grammar does not know.
uint8_t DateGrammar::KindBit(std::string_view kind) {
  if (kind == "month") return 1;
  if (kind == "hijri_month") return 2;
  if (kind == "weekday") return 4;
  if (kind == "relative") return 8;
  if (kind == "marker") return 16;
  if (kind == "past") return 32;
  if (kind == "interval") return 64;
  return 0;
}

bool DateGrammar::IntervalEndingAt(const std::vector<Token>& toks, size_t end, int* days, size_t* begin,
                                   std::string* rule) const {
  if (end > toks.size()) return false;
  const Word* best = nullptr;
  for (const Word& w : intervals_) {
    const size_t n = w.forms.size();
    if (n > end || (best && n <= best->forms.size())) continue;
    bool ok = true;
    for (size_t k = 0; k < n && ok; ++k) ok = toks[end - n + k].norm == w.forms[k];
    if (ok) best = &w;
  }
  if (!best) return false;
  *days = best->value;
  *begin = end - best->forms.size();
  *rule = best->rule;
  return true;
}

static bool TokenIs(const Token& t, const std::string& form, bool allow_clitics) {
  if (t.norm == form) return true;
  if (!allow_clitics) return false;
  for (const auto& s : t.segs)
    if (s.stem == form && s.suffix.empty()) return true;
  return false;
}

size_t DateGrammar::MatchWord(const std::vector<Token>& toks, size_t i, std::string_view kind,
                              const Word** out) const {
  if (i >= toks.size()) return 0;
  size_t best = 0;
  auto try_bucket = [&](std::string_view first, uint32_t fnv) {
    const Bucket* bucket = FirstBucket(first, fnv ? fnv : Fnv1a32(first));
    if (!bucket) return;
    for (uint32_t idx : bucket->words) {
      const Word& w = words_[idx];
      if (w.kind != kind || i + w.forms.size() > toks.size() || w.forms.size() <= best) continue;
      bool ok = TokenIs(toks[i], w.forms[0], true);
      for (size_t k = 1; k < w.forms.size() && ok; ++k) ok = TokenIs(toks[i + k], w.forms[k], false);
      if (ok) { best = w.forms.size(); *out = &w; }
    }
  };
  const Token& t = toks[i];
  try_bucket(t.norm, TokenFormHash(t));
  for (const auto& s : t.segs)
    if (s.suffix.empty() && s.stem != t.norm) try_bucket(s.stem, s.hash);
  return best;
}

bool HijriToGregorian(int y, int m, int d, Ymd* out) {
  if (y < 1300 || y > 1600 || m < 1 || m > 12 || d < 1 || d > 30) return false;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(
      icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale("ar@calendar=islamic-umalqura"), err));
  if (U_FAILURE(err) || !cal) return false;
  cal->setLenient(false);
  cal->clear();
  cal->set(y, m - 1, d);
  UDate t = cal->getTime(err);
  if (U_FAILURE(err)) return false;
  Ymd r = Ymd::FromDays(static_cast<int64_t>(std::floor(t / 86400000.0)));
  if (!r.valid()) return false;
  *out = r;
  return true;
}

static bool AsInt(const Token& t, int* v) {
  if (t.kind != TokenKind::kNumber) return false;
  if (t.norm.empty() || t.norm.size() > 4) return false;
  int n = 0;
  for (char c : t.norm) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  *v = n;
  return true;
}

// "27/10/2023", "2023/10/27", "27-10-2023" as a number token (the tokenizer
// keeps / inside numbers) or as number '-' number '-' number.
// With `hijri`, the numbers are a Hijri date (year 1300-1600) converted to Gregorian.
// sscanf(s, "%d%c%d%c%d%n") read the whole of s. Number tokens ("2015", "1,000", "7/10/2023")
// are digits and . , : / only: those are read here (there %d can meet no sign or space); any
// other string, or a run of more than 9 digits, goes to sscanf itself.
static bool ScanThreeNumbers(const std::string& s, int* a, char* s1, int* b, char* s2, int* c) {
  bool plain = true;
  size_t run = 0;
  for (const char ch : s) {
    const bool digit = ch >= '0' && ch <= '9';
    run = digit ? run + 1 : 0;
    if (run > 9 || !(digit || ch == '.' || ch == ',' || ch == ':' || ch == '/')) { plain = false; break; }
  }
  if (!plain) {
    int used = 0;
    return std::sscanf(s.c_str(), "%d%c%d%c%d%n", a, s1, b, s2, c, &used) == 5 && static_cast<size_t>(used) == s.size();
  }
  size_t i = 0;
  auto number = [&](int* v) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    int n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') n = n * 10 + (s[i++] - '0');
    *v = n;
    return true;
  };
  auto sep = [&](char* ch) {
    if (i >= s.size()) return false;
    *ch = s[i++];
    return true;
  };
  return number(a) && sep(s1) && number(b) && sep(s2) && number(c) && i == s.size();
}

static bool NumericDate(const std::string& s, Ymd* out, bool hijri = false) {
  int a, b, c;
  char s1, s2;
  if (!ScanThreeNumbers(s, &a, &s1, &b, &s2, &c) || s1 != s2 || (s1 != '/' && s1 != '-' && s1 != '.'))
    return false;
  Ymd r = a > 31 ? Ymd{a, b, c} : Ymd{c, b, a};
  if (hijri) return HijriToGregorian(r.y, r.m, r.d, out);
  if (r.y < 100) r.y += 2000;
  if (!r.valid() && a <= 12 && b > 12) r = Ymd{c, a, b};  // US month/day/year
  if (!r.valid()) return false;
  *out = r;
  return true;
}

static bool IsOrdinalSuffix(const Token& t) {
  return t.norm == "st" || t.norm == "nd" || t.norm == "rd" || t.norm == "th";
}

std::vector<DateMention> DateGrammar::Find(const std::vector<Token>& toks, const Ymd& doc) const {
  std::vector<DateMention> out;
  // Which kinds of date word each token can start (KindBit()s): one lookup per reading
  // here, instead of one per reading and per word kind tried below.
  thread_local std::vector<uint8_t> may_start;  // (recycled: its capacity kept)
  may_start.assign(toks.size(), 0);
  bool any = false;
  for (size_t k = 0; k < toks.size(); ++k) {
    const Token& t = toks[k];
    uint8_t kinds = 0;
    for (size_t r = 0; r < t.segs.size(); ++r) {  // segs[0] is the token itself
      const Segment& g = t.segs[r];
      if (r > 0 && (!g.suffix.empty() || g.stem == t.norm)) continue;
      const std::string_view w = r == 0 ? std::string_view(t.norm) : std::string_view(g.stem);
      const uint32_t h = g.hash ? g.hash : Fnv1a32(w);
      if (!MayStart(h)) continue;
      if (const Bucket* b = FirstBucket(w, h)) kinds |= b->kinds;
    }
    if (t.segs.empty())
      if (const uint32_t h = Fnv1a32(t.norm); MayStart(h))
        if (const Bucket* b = FirstBucket(t.norm, h)) kinds |= b->kinds;
    may_start[k] = kinds;
    any |= kinds != 0 || t.kind == TokenKind::kNumber;
  }
  if (!any) return out;  // no number and no date word: nothing below can match
  auto match_word = [&](size_t k, std::string_view kind, const Word** w) -> size_t {
    return k < toks.size() && (may_start[k] & KindBit(kind)) ? MatchWord(toks, k, kind, w) : 0;
  };
  size_t i = 0;
  auto marker = [&](size_t k, int value) {
    // «م» (Gregorian) or «هـ» (Hijri) after a year
    const Word* m = nullptr;
    size_t n = k < toks.size() ? match_word(k, "marker", &m) : 0;
    return n && m->value == value ? n : size_t(0);
  };
  auto year_at = [&](size_t k, int* y) {
    // optional "," then a 4-digit year, optionally followed by «م» (Gregorian)
    if (k < toks.size() && (toks[k].norm == "," || toks[k].norm == "\xD8\x8C")) ++k;
    int v;
    if (k < toks.size() && AsInt(toks[k], &v) && v >= 1800 && v <= 2200) { *y = v; return k + 1 + marker(k + 1, 1); }
    return size_t(0);
  };
  // After a month name: "/ تشرين الأول" or "(تشرين الأول)" naming the same month again.
  auto month_alias = [&](size_t k, int month) {
    size_t j = k;
    bool paren = false;
    if (j < toks.size() && (toks[j].norm == "/" || toks[j].norm == "-" || toks[j].norm == "(")) { paren = toks[j].norm == "("; ++j; }
    else return k;
    const Word* w2 = nullptr;
    size_t n = match_word(j, "month", &w2);
    if (!n || w2->value != month) return k;
    j += n;
    if (paren && j < toks.size() && toks[j].norm == ")") ++j;
    return j;
  };
  const bool doc_valid = doc.valid();
  auto infer_year = [&](int m, int d) {
    if (!doc_valid) return Ymd{};
    Ymd r{doc.y, m, d};
    if (!r.valid()) return Ymd{};
    if (r.ToDays() > doc.ToDays() + 31) r.y -= 1;
    return r;
  };
  while (i < toks.size()) {
    const Token& t = toks[i];
    // Every shape below starts with a number or a date word.
    if (!may_start[i] && t.kind != TokenKind::kNumber) { ++i; continue; }
    const Word* w = nullptr;
    int d = 0;
    // numeric shapes
    if (t.kind == TokenKind::kNumber) {
      Ymd r;
      if (size_t h = marker(i + 1, 2); h && NumericDate(std::string(t.norm), &r, true)) {
        out.push_back({i, i + 1 + h, r, "explicit", "date:hijri-numeric"});
        i += 1 + h;
        continue;
      }
      if (NumericDate(std::string(t.norm), &r)) { out.push_back({i, i + 1 + marker(i + 1, 1), r, "explicit", "date:numeric"}); ++i; continue; }
      // «17/2/ 1986»: a space after the second slash splits the year off
      if (i + 2 < toks.size() && (toks[i + 1].norm == "/" || toks[i + 1].norm == "-") &&
          toks[i + 2].kind == TokenKind::kNumber &&
          NumericDate(std::string(t.norm) + std::string(toks[i + 1].norm) + std::string(toks[i + 2].norm), &r)) {
        out.push_back({i, i + 3 + marker(i + 3, 1), r, "explicit", "date:numeric"});
        i += 3;
        continue;
      }
      // 2023-10-27 split by the tokenizer into number - number - number
      if (i + 4 < toks.size() && toks[i + 1].norm == "-" && toks[i + 3].norm == "-" &&
          toks[i + 2].kind == TokenKind::kNumber && toks[i + 4].kind == TokenKind::kNumber &&
          NumericDate(std::string(t.norm) + "-" + std::string(toks[i + 2].norm) + "-" + std::string(toks[i + 4].norm), &r)) {
        out.push_back({i, i + 5, r, "explicit", "date:numeric"});
        i += 5;
        continue;
      }
      if (AsInt(t, &d) && d >= 1 && d <= 31) {
        size_t j = i + 1;
        if (j < toks.size() && IsOrdinalSuffix(toks[j])) ++j;
        if (j < toks.size() && (toks[j].norm == "of" || toks[j].norm == "\xD9\x85\xD9\x86" /*من*/)) {
          const Word* probe = nullptr;
          if (match_word(j + 1, "month", &probe)) ++j;
        }
        // day + Hijri month + year [هـ]
        if (size_t n = match_word(j, "hijri_month", &w)) {
          size_t k = j + n;
          int y = 0;
          if (k < toks.size() && AsInt(toks[k], &y) && y >= 1300 && y <= 1600 && HijriToGregorian(y, w->value, d, &r)) {
            size_t end = k + 1 + marker(k + 1, 2);
            out.push_back({i, end, r, "explicit", w->rule});
            i = end;
            continue;
          }
        }
        size_t n = match_word(j, "month", &w);
        if (n) {
          size_t k = j + n;
          if (k < toks.size() && toks[k].norm == ".") ++k;
          k = month_alias(k, w->value);
          int y = 0;
          size_t after = year_at(k, &y);
          Ymd r = after ? Ymd{y, w->value, d} : infer_year(w->value, d);
          if (r.valid()) {
            out.push_back({i, after ? after : k, r, "explicit", w->rule});
            i = after ? after : k;
            continue;
          }
        }
      }
    }
    // month day[, year]
    if (size_t n = match_word(i, "month", &w)) {
      size_t k = i + n;
      if (k < toks.size() && toks[k].norm == ".") ++k;
      k = month_alias(k, w->value);
      if (k < toks.size() && AsInt(toks[k], &d) && d >= 1 && d <= 31) {
        size_t day_end = k + 1;
        if (day_end < toks.size() && IsOrdinalSuffix(toks[day_end])) ++day_end;
        int y = 0;
        size_t after = year_at(day_end, &y);
        Ymd r = after ? Ymd{y, w->value, d} : infer_year(w->value, d);
        if (r.valid()) {
          out.push_back({i, after ? after : day_end, r, "explicit", w->rule});
          i = after ? after : day_end;
          continue;
        }
      }
    }
    // month + a `past` word («يوليو الماضي»): the last such month before the document's, from
    // its first day (a past reference, basis "relative")
    if (doc_valid)
      if (size_t n = match_word(i, "month", &w)) {
        const Word* pw = nullptr;
        size_t k = month_alias(i + n, w->value);
        if (size_t pn = match_word(k, "past", &pw)) {
          Ymd r{w->value < doc.m ? doc.y : doc.y - 1, w->value, 1};
          out.push_back({i, k + pn, r, "relative", w->rule});
          i = k + pn;
          continue;
        }
      }
    if (doc_valid) {
      if (size_t n = match_word(i, "weekday", &w)) {
        int back = (doc.Weekday() - w->value + 7) % 7;
        out.push_back({i, i + n, Ymd::FromDays(doc.ToDays() - back), "weekday", w->rule});
        i += n;
        continue;
      }
      if (size_t n = match_word(i, "relative", &w)) {
        out.push_back({i, i + n, Ymd::FromDays(doc.ToDays() + w->value), "relative", w->rule});
        i += n;
        continue;
      }
    }
    ++i;
  }
  return out;
}

bool DateGrammar::ParseString(std::string_view s, Ymd* out) const {
  std::string str(s);
  size_t p = str.find_first_of("0123456789");
  if (p != std::string::npos && Ymd::Parse(std::string_view(str).substr(p), out)) return true;
  // Tokenize crudely: normalize, then split into number and word tokens.
  std::vector<Token> toks;
  const std::string norm = norm_->Normalize(s);
  const std::string_view nv = norm;
  // Tokens view `norm`; their readings live here (at most two per token and
  // one token per byte: reserved, so that the spans never move).
  std::vector<Segment> readings;
  readings.reserve(2 * norm.size() + 2);
  size_t i = 0;
  while (i < norm.size()) {
    unsigned char c = norm[i];
    Token t;
    const size_t first = readings.size();
    if (c >= '0' && c <= '9') {
      size_t j = i;
      while (j < norm.size() && ((norm[j] >= '0' && norm[j] <= '9') ||
             ((norm[j] == '/' || norm[j] == '-' || norm[j] == '.') && j + 1 < norm.size() && norm[j + 1] >= '0' && norm[j + 1] <= '9')))
        ++j;
      t.kind = TokenKind::kNumber;
      t.norm = nv.substr(i, j - i);
      i = j;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    } else if (c < 0x80 && !std::isalpha(c)) {
      t.kind = TokenKind::kPunct;
      t.norm = nv.substr(i, 1);
      ++i;
    } else {
      size_t j = i;
      while (j < norm.size()) {
        unsigned char e = norm[j];
        if (e < 0x80 && !std::isalpha(e)) break;
        ++j;
      }
      t.kind = TokenKind::kWord;
      t.norm = nv.substr(i, j - i);
      readings.push_back({{}, t.norm, {}});
      if (t.norm.rfind("\xD8\xA7\xD9\x84", 0) == 0 && t.norm.size() > 4)  // «ال»
        readings.push_back({"\xD8\xA7\xD9\x84", t.norm.substr(4), {}});
      i = j;
    }
    if (readings.size() == first) readings.push_back({{}, t.norm, {}});
    t.segs = std::span<const Segment>(readings.data() + first, readings.size() - first);
    toks.push_back(t);
  }
  for (const auto& m : Find(toks, Ymd{})) {
    if (m.basis == "explicit" && m.date.valid()) { *out = m.date; return true; }
  }
  return false;
}

}  // namespace hadath
