#include "lexicon/petrarch.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "text/dates.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace hadath {

namespace {

std::string StripComment(const std::string& line, bool semicolon) {
  size_t cut = line.find('#');
  if (semicolon) cut = std::min(cut, line.find(';'));
  std::string s = cut == std::string::npos ? line : line.substr(0, cut);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  return s;
}

// "JAMES_BYRNES_" → "james byrnes"
std::string PhraseWords(std::string p) {
  for (char& c : p) {
    if (c == '_') c = ' ';
    else if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::string out;
  for (char c : p) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string TitleCase(const std::string& words) {
  std::string out = words;
  bool start = true;
  for (char& c : out) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = c == ' ' || c == '-' || c == '.';
  }
  return out;
}

std::string Slug(const std::string& words) {
  std::string out;
  for (char c : words) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    else if (!out.empty() && out.back() != '-') out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

bool ValidCode(const std::string& c) {
  if (c.size() < 3) return false;
  for (char ch : c)
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) return false;
  return true;
}

class Notes {
 public:
  Notes(const std::string& label, ImportResult* out) : label_(label), out_(out) {}
  void Add(int line, const char* action, const std::string& msg) {
    out_->notes.push_back({label_ + ":" + std::to_string(line), action, msg});
  }
 private:
  std::string label_;
  ImportResult* out_;
};

// YYYYMMDD or YYMMDD → ISO; false when it cannot be repaired.
bool ParseDate(const std::string& raw, int line, Notes* notes, std::string* iso) {
  std::string s = raw;
  for (char c : s)
    if (c < '0' || c > '9') {
      notes->Add(line, "dropped", "date '" + raw + "' is not YYYYMMDD or YYMMDD");
      return false;
    }
  int y, m, d;
  if (s.size() == 8) {
    y = std::stoi(s.substr(0, 4));
  } else if (s.size() == 6) {
    int yy = std::stoi(s.substr(0, 2));
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    s = std::to_string(y) + s.substr(2);
  } else {
    notes->Add(line, "dropped", "date '" + raw + "' has " + std::to_string(s.size()) + " digits");
    return false;
  }
  m = std::stoi(s.substr(4, 2));
  d = std::stoi(s.substr(6, 2));
  if (m == 0 || d == 0) {
    notes->Add(line, "repaired", "date '" + raw + "': month/day 00 read as 01");
    if (m == 0) m = 1;
    if (d == 0) d = 1;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  Ymd ymd;
  if (!Ymd::Parse(buf, &ymd) || Ymd::FromDays(ymd.ToDays()).ToString() != buf || y < 1800 || y > 2100) {
    notes->Add(line, "dropped", "date '" + raw + "' is not a calendar date");
    return false;
  }
  *iso = buf;
  return true;
}

// "[CODE ...]" restriction → "CODE FROM..TO" (or "CODE" when undated); "" when dropped.
std::string Restriction(const std::string& body, int line, Notes* notes) {
  std::istringstream in(body);
  std::string code, rest, tok;
  in >> code;
  while (in >> tok) rest += tok;
  if (!ValidCode(code)) {
    notes->Add(line, "dropped", "code '" + code + "' is not a CAMEO actor code");
    return "";
  }
  if (rest.empty()) return code;
  std::string from, to;
  if (rest[0] == '<') {
    if (!ParseDate(rest.substr(1), line, notes, &to)) return "";
    return code + " .." + to;
  }
  if (rest[0] == '>') {
    if (!ParseDate(rest.substr(1), line, notes, &from)) return "";
    return code + " " + from + "..";
  }
  size_t dash = rest.find('-');
  if (dash == std::string::npos) {
    notes->Add(line, "dropped", "restriction '" + rest + "' is neither <DATE, >DATE nor DATE-DATE");
    return "";
  }
  if (!ParseDate(rest.substr(0, dash), line, notes, &from) || !ParseDate(rest.substr(dash + 1), line, notes, &to))
    return "";
  if (to < from) {
    notes->Add(line, "dropped", "range " + rest + " of " + code + " runs backwards (" + from + " > " + to + ")");
    return "";
  }
  return code + " " + from + ".." + to;
}

const char* kActorHeader = "id\tname_en\tnames_en\tcodes\twikidata\tnote\n";

}  // namespace

Status ImportPetrarchActors(const std::string& path, const std::string& label, ImportResult* out) {
  std::string content;
  HADATH_RETURN_IF_ERROR(ReadFile(path, &content));
  Notes notes(label, out);
  struct Entry {
    int line = 0;
    std::vector<std::string> names;
    std::vector<std::string> dated;   // in file order
    std::string fallback;             // the primary phrase's code
  };
  std::vector<Entry> entries;
  std::istringstream in(content);
  std::string raw;
  int lineno = 0;
  auto codes_in = [](const std::string& s, std::vector<std::string>* bodies) {
    size_t p = 0;
    while ((p = s.find('[', p)) != std::string::npos) {
      size_t q = s.find(']', p);
      if (q == std::string::npos) break;
      bodies->push_back(s.substr(p + 1, q - p - 1));
      p = q + 1;
    }
  };
  while (std::getline(in, raw)) {
    ++lineno;
    std::string line = StripComment(raw, /*semicolon=*/true);
    if (utf8::Trim(line).empty()) continue;
    const bool indented = line[0] == ' ' || line[0] == '\t';
    std::string t = utf8::Trim(line);
    if (indented && t[0] == '[') {
      if (entries.empty()) { notes.Add(lineno, "skipped", "date restriction before any actor"); continue; }
      std::vector<std::string> bodies;
      codes_in(t, &bodies);
      if (bodies.empty()) { notes.Add(lineno, "dropped", "unterminated restriction '" + t + "'"); continue; }
      for (const auto& b : bodies) {
        std::string r = Restriction(b, lineno, &notes);
        if (r.empty()) continue;
        if (r.find(' ') == std::string::npos) entries.back().fallback = r;
        else entries.back().dated.push_back(r);
      }
      continue;
    }
    bool synonym = t[0] == '+';
    std::string phrase = synonym ? t.substr(1) : t;
    std::vector<std::string> bodies;
    codes_in(phrase, &bodies);
    size_t br = phrase.find('[');
    if (br != std::string::npos) phrase = phrase.substr(0, br);
    std::string words = PhraseWords(utf8::Trim(phrase));
    if (words.empty()) { notes.Add(lineno, "skipped", "no phrase in '" + t + "'"); continue; }
    if (!synonym || entries.empty()) {
      // A new record — unless the previous one has no codes yet and this is a
      // continuation of its names (TABARI allows several primary lines).
      if (synonym) notes.Add(lineno, "repaired", "synonym before any actor read as a new actor");
      if (!entries.empty() && entries.back().dated.empty() && entries.back().fallback.empty() && bodies.empty()) {
        entries.back().names.push_back(words);
      } else {
        entries.push_back(Entry{lineno, {words}, {}, ""});
      }
    } else {
      entries.back().names.push_back(words);
    }
    for (const auto& b : bodies) {
      std::string r = Restriction(b, lineno, &notes);
      if (r.empty()) continue;
      if (r.find(' ') == std::string::npos) entries.back().fallback = r;
      else entries.back().dated.push_back(r);
    }
  }
  std::ostringstream tsv;
  tsv << "# GENERATED BY hadath dict import-petrarch; DO NOT EDIT.\n"
      << "# Source: " << label << " (PETRARCH/Phoenix, MIT licence, Open Event Data Alliance).\n"
      << "# Regenerate: hadath dict import-petrarch -o data/en ../shared/reference/dictionaries/petrarch2\n";
  tsv << kActorHeader;
  std::set<std::string> ids;
  for (auto& e : entries) {
    if (e.dated.empty() && e.fallback.empty()) {
      notes.Add(e.line, "dropped", "actor '" + e.names[0] + "' has no valid code");
      continue;
    }
    // Two dated roles of one code family that overlap: the one inside the other is
    // redundant (dropped); a partial overlap is kept and reported.
    for (size_t a = 0; a < e.dated.size(); ++a)
      for (size_t b = 0; b < e.dated.size(); ++b) {
        if (a == b || e.dated[a].empty() || e.dated[b].empty()) continue;
        auto parse = [](const std::string& r, std::string* fam, std::string* from, std::string* to) {
          size_t sp = r.find(' '), dots = r.find("..");
          *fam = r.substr(0, std::min<size_t>(6, sp));
          *from = r.substr(sp + 1, dots - sp - 1);
          *to = r.substr(dots + 2);
          if (from->empty()) *from = "0000";
          if (to->empty()) *to = "9999";
        };
        std::string fa, a0, a1, fb, b0, b1;
        parse(e.dated[a], &fa, &a0, &a1);
        parse(e.dated[b], &fb, &b0, &b1);
        if (fa != fb || std::max(a0, b0) >= std::min(a1, b1)) continue;
        if (b0 <= a0 && a1 <= b1 && (a < b || !(a0 == b0 && a1 == b1))) {
          notes.Add(e.line, "dropped", "'" + e.dated[a] + "' lies inside '" + e.dated[b] + "' (" + e.names[0] + ")");
          e.dated[a].clear();
        } else if (a < b && !(a0 <= b0 && b1 <= a1)) {
          notes.Add(e.line, "kept", "'" + e.dated[a] + "' and '" + e.dated[b] + "' overlap (" + e.names[0] + ")");
        }
      }
    e.dated.erase(std::remove(e.dated.begin(), e.dated.end(), std::string()), e.dated.end());
    std::string id = "pa-" + Slug(e.names[0]);
    for (int k = 2; !ids.insert(id).second; ++k) id = "pa-" + Slug(e.names[0]) + "-" + std::to_string(k);
    std::string codes;
    for (const auto& d : e.dated) codes += (codes.empty() ? "" : "; ") + d;
    if (!e.fallback.empty()) codes += (codes.empty() ? "" : "; ") + e.fallback;
    std::vector<std::string> names;
    for (const auto& n : e.names)
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : "|") + n;
    tsv << id << '\t' << TitleCase(e.names[0]) << '\t' << joined << '\t' << codes << "\t\t" << label << ':' << e.line
        << '\n';
    ++out->entries;
    out->names += names.size();
    out->codes += e.dated.size() + (e.fallback.empty() ? 0 : 1);
  }
  out->tsv = tsv.str();
  return Status::OK();
}

Status ImportPetrarchAgents(const std::string& path, const std::string& label, ImportResult* out) {
  std::string content;
  HADATH_RETURN_IF_ERROR(ReadFile(path, &content));
  Notes notes(label, out);
  std::map<std::string, std::vector<std::string>> macros;
  std::istringstream in(content);
  std::string raw;
  int lineno = 0;
  std::ostringstream tsv;
  tsv << "# GENERATED BY hadath dict import-petrarch; DO NOT EDIT.\n"
      << "# Source: " << label << " (PETRARCH/Phoenix, MIT licence, Open Event Data Alliance).\n"
      << "# sector: the agent code without '~' (a code before '~', e.g. NGO~, is kept as written).\n"
      << "id\tsector\tnames_en\tname_en\tnote\n";
  std::set<std::string> ids;
  auto plural = [](const std::string& w) {
    if (w.size() >= 2 && w.compare(w.size() - 2, 2, "ss") == 0) return w + "es";
    if (!w.empty() && w.back() == 'y') return w.substr(0, w.size() - 1) + "ies";
    return w + "s";
  };
  while (std::getline(in, raw)) {
    ++lineno;
    std::string t = utf8::Trim(StripComment(raw, false));
    if (t.empty()) continue;
    size_t eq = t.find('=');
    size_t close = t[0] == '!' ? t.find('!', 1) : std::string::npos;
    if (close != std::string::npos && eq != std::string::npos && close < eq &&
        utf8::Trim(t.substr(close + 1, eq - close - 1)).empty()) {  // "!NAME! = A, B": a macro
      std::vector<std::string> vals;
      for (const auto& v : SplitList(t.substr(eq + 1), ',')) vals.push_back(PhraseWords(v));
      macros[t.substr(0, close + 1)] = vals;
      continue;
    }
    size_t lb = t.find('['), rb = t.find(']');
    if (lb == std::string::npos || rb == std::string::npos || rb < lb) {
      notes.Add(lineno, "skipped", "no [CODE] in '" + t + "'");
      continue;
    }
    std::string code = utf8::Trim(t.substr(lb + 1, rb - lb - 1));
    std::string phrase = utf8::Trim(t.substr(0, lb));
    std::string plurals;
    bool explicit_plural = false;
    if (size_t cb = phrase.find('{'); cb != std::string::npos) {
      size_t ce = phrase.find('}', cb);
      if (ce == std::string::npos) { notes.Add(lineno, "skipped", "unterminated {plural}"); continue; }
      plurals = phrase.substr(cb + 1, ce - cb - 1);
      explicit_plural = true;
      phrase = utf8::Trim(phrase.substr(0, cb));
    }
    std::string sector = code;
    sector.erase(std::remove(sector.begin(), sector.end(), '~'), sector.end());
    if (!ValidCode(sector)) { notes.Add(lineno, "skipped", "agent code '" + code + "' is not a CAMEO code"); continue; }
    // Expand one macro (the format allows one per phrase).
    std::vector<std::string> bases;
    size_t m0 = phrase.find('!');
    if (m0 != std::string::npos) {
      size_t m1 = phrase.find('!', m0 + 1);
      std::string name = m1 == std::string::npos ? "" : phrase.substr(m0, m1 - m0 + 1);
      auto it = macros.find(name);
      if (it == macros.end()) { notes.Add(lineno, "skipped", "undefined macro " + name); continue; }
      for (const auto& v : it->second)
        bases.push_back(PhraseWords(phrase.substr(0, m0) + v + phrase.substr(m1 + 1)));
    } else {
      bases.push_back(PhraseWords(phrase));
    }
    std::vector<std::string> names;
    for (const auto& b : bases) {
      if (b.empty()) continue;
      names.push_back(b);
      if (m0 != std::string::npos) continue;  // macro values carry their own plurals
      if (explicit_plural) {
        for (const auto& p : SplitList(plurals, ',')) names.push_back(PhraseWords(p));
      } else {
        names.push_back(plural(b));
      }
    }
    if (names.empty()) { notes.Add(lineno, "skipped", "empty phrase"); continue; }
    std::string id = "pag-" + Slug(names[0]);
    for (int k = 2; !ids.insert(id).second; ++k) id = "pag-" + Slug(names[0]) + "-" + std::to_string(k);
    std::string joined;
    for (const auto& n : names)
      if (("|" + joined + "|").find("|" + n + "|") == std::string::npos) joined += (joined.empty() ? "" : "|") + n;
    tsv << id << '\t' << sector << '\t' << joined << '\t' << names[0] << '\t' << label << ':' << lineno << '\n';
    ++out->entries;
    out->names += names.size();
  }
  out->tsv = tsv.str();
  return Status::OK();
}

}  // namespace hadath
