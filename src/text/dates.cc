#include "text/dates.h"

#include <cstdio>
#include <cstdlib>

#include "util/tsv.h"

namespace hadath {

// ---- Ymd (civil-from-days after H. Hinnant's public-domain algorithms) ----

static bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool Ymd::valid() const { return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m); }

std::string Ymd::ToString() const {
  if (!valid()) return "";
  char buf[16];
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
  for (const auto& row : f.rows) {
    const std::string& kind = row.Get("kind");
    if (kind != "month" && kind != "weekday" && kind != "relative")
      return Status::Corrupt(row.rule + ": kind must be month, weekday or relative");
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
      words_.push_back(std::move(w));
    }
  }
  return Status::OK();
}

static bool TokenIs(const Token& t, const std::string& form, bool allow_clitics) {
  if (t.norm == form) return true;
  if (!allow_clitics) return false;
  for (const auto& s : t.segs)
    if (s.stem == form && s.suffix.empty()) return true;
  return false;
}

size_t DateGrammar::MatchWord(const std::vector<Token>& toks, size_t i, const std::string& kind,
                              const Word** out) const {
  size_t best = 0;
  for (const auto& w : words_) {
    if (w.kind != kind || i + w.forms.size() > toks.size() || w.forms.size() <= best) continue;
    bool ok = true;
    for (size_t k = 0; k < w.forms.size() && ok; ++k) {
      // A trailing "." belongs to abbreviations such as "Oct." — skip it below.
      ok = TokenIs(toks[i + k], w.forms[k], k == 0);
    }
    if (ok) { best = w.forms.size(); *out = &w; }
  }
  return best;
}

static bool AsInt(const Token& t, int* v) {
  if (t.kind != TokenKind::kNumber) return false;
  for (char c : t.norm) if (c < '0' || c > '9') return false;
  if (t.norm.empty() || t.norm.size() > 4) return false;
  *v = std::atoi(t.norm.c_str());
  return true;
}

// "27/10/2023", "2023/10/27", "27-10-2023" as a number token (the tokenizer
// keeps / inside numbers) or as number '-' number '-' number.
static bool NumericDate(const std::string& s, Ymd* out) {
  int a, b, c;
  char s1, s2;
  if (std::sscanf(s.c_str(), "%d%c%d%c%d", &a, &s1, &b, &s2, &c) != 5 || s1 != s2 || (s1 != '/' && s1 != '-' && s1 != '.'))
    return false;
  Ymd r = a > 31 ? Ymd{a, b, c} : Ymd{c, b, a};
  if (r.y < 100) r.y += 2000;
  if (!r.valid()) return false;
  *out = r;
  return true;
}

std::vector<DateMention> DateGrammar::Find(const std::vector<Token>& toks, const Ymd& doc) const {
  std::vector<DateMention> out;
  size_t i = 0;
  auto year_at = [&](size_t k, int* y) {
    // optional "," then a 4-digit year, optionally followed by «م» (Gregorian)
    if (k < toks.size() && toks[k].norm == ",") ++k;
    int v;
    if (k < toks.size() && AsInt(toks[k], &v) && v >= 1800 && v <= 2200) { *y = v; return k + 1; }
    return size_t(0);
  };
  auto infer_year = [&](int m, int d) {
    if (!doc.valid()) return Ymd{};
    Ymd r{doc.y, m, d};
    if (!r.valid()) return Ymd{};
    if (r.ToDays() > doc.ToDays() + 31) r.y -= 1;
    return r;
  };
  while (i < toks.size()) {
    const Token& t = toks[i];
    const Word* w = nullptr;
    int d = 0;
    // numeric shapes
    if (t.kind == TokenKind::kNumber) {
      Ymd r;
      if (NumericDate(t.norm, &r)) { out.push_back({i, i + 1, r, "explicit", "date:numeric"}); ++i; continue; }
      if (AsInt(t, &d) && d >= 1 && d <= 31) {
        size_t n = MatchWord(toks, i + 1, "month", &w);
        if (n) {
          size_t k = i + 1 + n;
          if (k < toks.size() && toks[k].norm == ".") ++k;
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
    if (size_t n = MatchWord(toks, i, "month", &w)) {
      size_t k = i + n;
      if (k < toks.size() && toks[k].norm == ".") ++k;
      if (k < toks.size() && AsInt(toks[k], &d) && d >= 1 && d <= 31) {
        int y = 0;
        size_t after = year_at(k + 1, &y);
        Ymd r = after ? Ymd{y, w->value, d} : infer_year(w->value, d);
        if (r.valid()) {
          out.push_back({i, after ? after : k + 1, r, "explicit", w->rule});
          i = after ? after : k + 1;
          continue;
        }
      }
    }
    if (doc.valid()) {
      if (size_t n = MatchWord(toks, i, "weekday", &w)) {
        int back = (doc.Weekday() - w->value + 7) % 7;
        out.push_back({i, i + n, Ymd::FromDays(doc.ToDays() - back), "weekday", w->rule});
        i += n;
        continue;
      }
      if (size_t n = MatchWord(toks, i, "relative", &w)) {
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
  std::string norm = norm_->Normalize(s);
  size_t i = 0;
  while (i < norm.size()) {
    unsigned char c = norm[i];
    Token t;
    if (c >= '0' && c <= '9') {
      size_t j = i;
      while (j < norm.size() && ((norm[j] >= '0' && norm[j] <= '9') ||
             ((norm[j] == '/' || norm[j] == '-' || norm[j] == '.') && j + 1 < norm.size() && norm[j + 1] >= '0' && norm[j + 1] <= '9')))
        ++j;
      t.kind = TokenKind::kNumber;
      t.norm = norm.substr(i, j - i);
      i = j;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    } else if (c < 0x80 && !std::isalpha(c)) {
      t.kind = TokenKind::kPunct;
      t.norm = std::string(1, static_cast<char>(c));
      ++i;
    } else {
      size_t j = i;
      while (j < norm.size()) {
        unsigned char e = norm[j];
        if (e < 0x80 && !std::isalpha(e)) break;
        ++j;
      }
      t.kind = TokenKind::kWord;
      t.norm = norm.substr(i, j - i);
      t.segs.push_back({"", t.norm, ""});
      if (t.norm.rfind("\xD8\xA7\xD9\x84", 0) == 0 && t.norm.size() > 4)  // «ال»
        t.segs.push_back({"\xD8\xA7\xD9\x84", t.norm.substr(4), ""});
      i = j;
    }
    if (t.segs.empty()) t.segs.push_back({"", t.norm, ""});
    toks.push_back(std::move(t));
  }
  for (const auto& m : Find(toks, Ymd{})) {
    if (m.basis == "explicit" && m.date.valid()) { *out = m.date; return true; }
  }
  return false;
}

}  // namespace hadath
