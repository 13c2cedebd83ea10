#include "lexicon/petrarch.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "lexicon/cameo.h"
#include "text/dates.h"
#include "text/english.h"
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
    if (c == '_' || c == '\t') c = ' ';
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
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
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
  if (!ValidCode(code) || code.size() % 3) {
    notes->Add(line, "dropped", "code '" + code + "' is not a CAMEO actor code (3-letter blocks)");
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

// English words that PETRARCH lists as names ("US", "LET" as acronyms) but that
// would match ordinary text once names are matched case-blind.
bool FunctionWord(const std::string& w) {
  static const std::set<std::string> k = {
      "a", "all", "am", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "go", "he", "if",
      "in", "is", "it", "let", "may", "me", "my", "new", "no", "not", "now", "of", "on", "one", "or", "so", "the",
      "to", "up", "us", "we", "will", "act", "end", "man", "war", "law", "set", "put", "run", "win", "job", "aim",
      "art", "arm", "arms", "bar", "bid", "cap", "car", "cut", "die", "due", "far", "fit", "fix", "gap", "hit",
      "key", "lay", "led", "lot", "low", "mid", "net", "odd", "off", "old", "out", "own", "per", "raw", "red",
      "say", "sea", "see", "sun", "tax", "top", "try", "two", "use", "via", "way", "who", "why", "yes", "yet"};
  return k.count(w) > 0;
}

// A one-word actor name that is a common lower-case English word ("senate", "youth", "dawn",
// "occupied"): /usr/share/dict/american-english (package wamerican), as tools/link_en_actors.py
// reads it; without that file no name is dropped for this reason (the import says so).
constexpr const char* kCommonWordsFile = "/usr/share/dict/american-english";
bool CommonEnglishWord(const std::string& w) {
  static const std::set<std::string> k = [] {
    std::set<std::string> words;
    std::ifstream in(kCommonWordsFile);
    for (std::string line; std::getline(in, line);)
      if (line.size() >= 4 && std::all_of(line.begin(), line.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        words.insert(line);
    return words;
  }();
  return w.find(' ') == std::string::npos && k.count(w) > 0;
}

// "lashkar-e-taiba (let)" → "lashkar-e-taiba", and the part in parentheses when it
// reads as a name of its own (an acronym such as "dflp"; not "let", "country").
std::vector<std::string> SplitParenthesis(const std::string& name) {
  size_t a = name.find('('), b = name.find(')', a == std::string::npos ? 0 : a);
  if (a == std::string::npos || b == std::string::npos) return {name};
  std::string base = utf8::Trim(name.substr(0, a) + " " + name.substr(b + 1));
  std::string inner = utf8::Trim(name.substr(a + 1, b - a - 1));
  std::vector<std::string> out;
  if (!base.empty()) out.push_back(PhraseWords(base));
  static const std::set<std::string> kNotNames = {"country", "nation", "republic", "state", "city", "party",
                                                  "group", "region", "province", "people", "movement"};
  bool word = inner.find(' ') == std::string::npos;
  if (word && inner.size() >= 3 && !FunctionWord(inner) && !kNotNames.count(inner)) out.push_back(inner);
  return out;
}

// PETRARCH writes every name in capitals. hadath's English tokenizer reads a word
// of two or three capitals as an acronym ("UN" → u.n.), so a one-word name of two
// or three letters is written in capitals to match it; other names in lower case.
std::string NameCase(const std::string& n) {
  if (n.size() < 2 || n.size() > 3) return n;
  std::string u = n;
  for (char& c : u) {
    if (c < 'a' || c > 'z') return n;
    c = static_cast<char>(c - 'a' + 'A');
  }
  return u;
}

// A bare three-letter country code (USA, GEO): Phoenix's country records.
bool CountryCode(const std::string& code) { return code.size() == 3 && !CameoNonCountryBlock(code); }

const char* kActorHeader = "id\tname_en\tnames_en\tcodes\twikidata\tnote\n";

const char* kLicence =
    "(PETRARCH/Phoenix dictionaries, Open Event Data Alliance, MIT licence: "
    "../shared/reference/dictionaries/petrarch2/LICENSE).\n";

// A dated code "CODE FROM..TO" split into its parts; open ends become
// "0000-00-00" / "9999-99-99" so that ISO strings compare as dates.
struct Range {
  std::string code, from, to;
  static Range Parse(const std::string& r) {
    size_t sp = r.find(' '), dots = r.find("..");
    Range x{r.substr(0, sp), r.substr(sp + 1, dots - sp - 1), r.substr(dots + 2)};
    if (x.from.empty()) x.from = "0000-00-00";
    if (x.to.empty()) x.to = "9999-99-99";
    return x;
  }
  std::string Family() const { return code.substr(0, std::min<size_t>(6, code.size())); }
  std::string ToString() const {
    return code + " " + (from == "0000-00-00" ? "" : from) + ".." + (to == "9999-99-99" ? "" : to);
  }
};

// Each range loses the days that earlier ranges of its family cover (a shared
// boundary day is a handover and stays). Preserves first-match resolution.
std::vector<std::string> Disjoint(const std::vector<std::string>& dated, const std::string& who, int line,
                                  Notes* notes) {
  std::vector<Range> kept;
  std::vector<std::string> out;
  for (const auto& d : dated) {
    Range r = Range::Parse(d);
    std::vector<Range> pieces{r};
    for (const auto& e : kept) {
      if (e.Family() != r.Family()) continue;
      std::vector<Range> next;
      for (const auto& p : pieces) {
        if (std::max(p.from, e.from) >= std::min(p.to, e.to)) { next.push_back(p); continue; }
        if (p.from < e.from) next.push_back({p.code, p.from, e.from});
        if (e.to < p.to) next.push_back({p.code, e.to, p.to});
      }
      pieces = std::move(next);
    }
    if (pieces.size() == 1 && pieces[0].from == r.from && pieces[0].to == r.to) {
      kept.push_back(r);
      out.push_back(d);
      continue;
    }
    if (pieces.empty()) {
      notes->Add(line, "dropped", "'" + d + "' lies inside earlier ranges of its family (" + who +
                                      "); the first covering range wins, so it never applied");
      continue;
    }
    std::string now;
    for (const auto& p : pieces) {
      kept.push_back(p);
      out.push_back(p.ToString());
      now += (now.empty() ? "" : "; ") + p.ToString();
    }
    notes->Add(line, "repaired", "'" + d + "' overlaps an earlier range of its family (" + who + "): trimmed to '" +
                                     now + "'");
  }
  return out;
}

}  // namespace

std::string NameClaims::Key(const std::string& name) {
  std::string k;
  for (unsigned char c : name) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (c >= 'A' && c <= 'Z') { c = static_cast<unsigned char>(c - 'A' + 'a'); alnum = true; }
    if (alnum) k.push_back(static_cast<char>(c));
    else if (!k.empty() && k.back() != ' ') k.push_back(' ');
  }
  while (!k.empty() && k.back() == ' ') k.pop_back();
  return k;
}

const std::string* NameClaims::Claim(const std::string& name, const std::string& where) {
  auto [it, fresh] = owner.emplace(Key(name), where);
  return fresh ? nullptr : &it->second;
}

bool CameoNonCountryBlock(const std::string& b) {
  static const std::set<std::string> k = {
      // regions (CAMEO actor codebook)
      "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT",
      "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", "WEU", "INT",
      // religions as a primary block
      "BUD", "CHR", "HIN", "JEW", "MUS", "REL",
      // transnational kinds
      "IGO", "NGO", "IMG", "MNC", "UIS", "IRC", "NGM", "UNO",
      // former states
      "USR", "YUG", "DDR", "CSK"};
  return k.count(b) > 0;
}

Status ImportPetrarchActors(const std::string& path, const std::string& label, ImportResult* out,
                            NameClaims* claims) {
  std::string content;
  HADATH_RETURN_IF_ERROR(ReadFile(path, &content));
  Notes notes(label, out);
  if (std::error_code ec; !std::filesystem::exists(kCommonWordsFile, ec))
    notes.Add(0, "warning", std::string(kCommonWordsFile) +
                                " not found (Debian package wamerican): no one-word name is dropped as a common "
                                "English word, so the import differs from the one in data/en");
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
      << "# Source: " << label << " " << kLicence
      << "# Regenerate: hadath dict import-petrarch -o data/en ../shared/reference/dictionaries/petrarch2\n"
      << "# note: the source file:line of the record. Date problems, overlaps, names given\n"
      << "# elsewhere and skipped records are listed in en/IMPORT_REPORT.txt. A name's part in\n"
      << "# parentheses is cut off (\"georgia (country)\" → georgia) and kept as a name of its own\n"
      << "# when it is an acronym (\"(dflp)\"). Country records (a bare country code) are left to\n"
      << "# the hand-written en/countries.tsv.\n";
  tsv << kActorHeader;
  std::set<std::string> ids;
  for (auto& e : entries) {
    if (e.dated.empty() && e.fallback.empty()) {
      notes.Add(e.line, "dropped", "actor '" + e.names[0] + "' has no valid code");
      continue;
    }
    if (claims && !claims->countries.empty()) {
      // Former CAMEO country codes that ISO has replaced; other unknown first blocks are dropped.
      static const std::map<std::string, std::string> kRenamed = {{"TMP", "TLS"}, {"KSV", "XKX"}, {"ROM", "ROU"},
                                                                  {"ZAR", "COD"}, {"SUN", "USR"}};
      auto fix = [&](std::string& c) {
        std::string b = c.substr(0, 3);
        if (claims->countries.count(b) || CameoNonCountryBlock(b)) return true;
        auto it = kRenamed.find(b);
        if (it != kRenamed.end()) {
          notes.Add(e.line, "repaired", "country block " + b + " of '" + c + "' is " + it->second + " today");
          c = it->second + c.substr(3);
          return true;
        }
        notes.Add(e.line, "dropped", "code '" + c + "' starts with " + b + ", neither a country nor a CAMEO region");
        return false;
      };
      std::vector<std::string> dated;
      for (auto d : e.dated)
        if (fix(d)) dated.push_back(d);
      e.dated = dated;
      if (!e.fallback.empty() && !fix(e.fallback)) e.fallback.clear();
      if (e.dated.empty() && e.fallback.empty()) {
        notes.Add(e.line, "dropped", "actor '" + e.names[0] + "' has no valid code");
        continue;
      }
    }
    {
      bool country = CountryCode(e.fallback);
      for (const auto& d : e.dated) country |= CountryCode(d.substr(0, d.find(' ')));
      if (country) {
        notes.Add(e.line, "skipped", "country record '" + e.names[0] + "' (" + std::to_string(e.names.size()) +
                                         " names): countries are en/countries.tsv's, written by hand");
        continue;
      }
    }
    e.dated = Disjoint(e.dated, e.names[0], e.line, &notes);
    std::string codes;
    for (const auto& d : e.dated) codes += (codes.empty() ? "" : "; ") + d;
    if (!e.fallback.empty()) codes += (codes.empty() ? "" : "; ") + e.fallback;
    if (codes.empty()) {
      notes.Add(e.line, "dropped", "actor '" + e.names[0] + "' has no code left");
      continue;
    }
    std::string where = label + ":" + std::to_string(e.line);
    std::vector<std::string> names;
    std::set<std::string> own;
    std::vector<std::string> cleaned;
    for (const auto& n : e.names)
      for (const auto& c : SplitParenthesis(n)) cleaned.push_back(c);
    for (const auto& n : cleaned) {
      if (!own.insert(NameClaims::Key(n)).second) continue;
      if (FunctionWord(n)) {
        notes.Add(e.line, "dropped", "name '" + n + "' is an English word that ordinary text uses");
        continue;
      }
      if (CommonEnglishWord(n)) {
        notes.Add(e.line, "dropped", "name '" + n + "' is a common English word (/usr/share/dict/american-english)");
        continue;
      }
      if (const std::string* prev = claims ? claims->Claim(n, where) : nullptr) {
        notes.Add(e.line, "dropped", "name '" + n + "' is already given by " + *prev);
        continue;
      }
      names.push_back(NameCase(n));
    }
    if (names.empty()) {
      notes.Add(e.line, "dropped", "actor '" + e.names[0] + "': every name is given by another entry");
      continue;
    }
    std::set<std::string>& used = claims ? claims->ids : ids;
    std::string id = "pa-" + Slug(names[0]);
    for (int k = 2; !used.insert(id).second; ++k) id = "pa-" + Slug(names[0]) + "-" + std::to_string(k);
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : "|") + n;
    tsv << id << '\t' << TitleCase(names[0]) << '\t' << joined << '\t' << codes << "\t\t" << where << '\n';
    ++out->entries;
    out->names += names.size();
    out->codes += e.dated.size() + (e.fallback.empty() ? 0 : 1);
  }
  out->tsv = tsv.str();
  return Status::OK();
}

Status ImportPetrarchAgents(const std::string& path, const std::string& label, ImportResult* out,
                            NameClaims* claims) {
  std::string content;
  HADATH_RETURN_IF_ERROR(ReadFile(path, &content));
  Notes notes(label, out);
  std::map<std::string, std::vector<std::string>> macros;
  std::istringstream in(content);
  std::string raw;
  int lineno = 0;
  std::ostringstream tsv;
  tsv << "# GENERATED BY hadath dict import-petrarch; DO NOT EDIT.\n"
      << "# Source: " << label << " " << kLicence
      << "# Regenerate: hadath dict import-petrarch -o data/en ../shared/reference/dictionaries/petrarch2\n"
      << "# sector: the agent code without '~' (GOV, GOVMED: one or two blocks; a longer code is\n"
      << "# cut to two, with the full code in the note and the cut listed in en/IMPORT_REPORT.txt;\n"
      << "# a code written before '~', NGO~, is kept as written).\n"
      << "id\tsector\tnames_en\tname_en\tnote\n";
  std::set<std::string> ids;
  auto plural = [](const std::string& w) {
    if (w.size() >= 2 && w.compare(w.size() - 2, 2, "ss") == 0) return w + "es";
    if (!w.empty() && w.back() == 's') return w;  // already plural: "joint chiefs"
    if (w.size() >= 2 && w.back() == 'y' && !std::strchr("aeiou", w[w.size() - 2]))
      return w.substr(0, w.size() - 1) + "ies";
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
    size_t lb = t.find('['), rb = t.find_first_of("]}", lb == std::string::npos ? 0 : lb);
    if (lb == std::string::npos || rb == std::string::npos) {
      notes.Add(lineno, "skipped", "no [CODE] in '" + t + "'");
      continue;
    }
    if (t[rb] == '}') notes.Add(lineno, "repaired", "code closed by '}' instead of ']'");
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
    std::string full = code;
    full.erase(std::remove(full.begin(), full.end(), '~'), full.end());
    if (!ValidCode(full)) { notes.Add(lineno, "skipped", "agent code '" + code + "' is not a CAMEO code"); continue; }
    // One sector block, or two (GOVMED: government media); longer codes keep two.
    std::string sector = full.size() % 3 == 0 ? full.substr(0, 6) : full.substr(0, 3);
    if (sector != full)
      notes.Add(lineno, "repaired", "agent code '" + code + "' reduced to " + sector +
                                        " (hadath agent sectors are one or two 3-letter blocks)");
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
    std::string where = label + ":" + std::to_string(lineno);
    std::vector<std::string> kept;
    std::set<std::string> own;
    for (const auto& n : names) {
      if (n.empty() || !own.insert(NameClaims::Key(n)).second) continue;
      if (FunctionWord(n)) {
        notes.Add(lineno, "dropped", "name '" + n + "' is an English word that ordinary text uses");
        continue;
      }
      if (const std::string* prev = claims ? claims->Claim(n, where) : nullptr) {
        notes.Add(lineno, "dropped", "name '" + n + "' is already given by " + *prev);
        continue;
      }
      kept.push_back(NameCase(n));
    }
    if (kept.empty()) continue;  // every name reported above
    std::set<std::string>& used = claims ? claims->ids : ids;
    std::string id = "pag-" + Slug(kept[0]);
    for (int k = 2; !used.insert(id).second; ++k) id = "pag-" + Slug(kept[0]) + "-" + std::to_string(k);
    std::string joined;
    for (const auto& n : kept) joined += (joined.empty() ? "" : "|") + n;
    tsv << id << '\t' << sector << '\t' << joined << '\t' << kept[0] << '\t' << where
        << (sector != full ? " " + code : "") << '\n';
    ++out->entries;
    out->names += kept.size();
  }
  out->tsv = tsv.str();
  return Status::OK();
}

Status ImportPetrarchDiscards(const std::string& path, const std::string& label, ImportResult* out) {
  std::string content;
  HADATH_RETURN_IF_ERROR(ReadFile(path, &content));
  Notes notes(label, out);
  std::ostringstream tsv;
  tsv << "# GENERATED BY hadath dict import-petrarch; DO NOT EDIT.\n"
      << "# Source: " << label << " " << kLicence
      << "# Regenerate: hadath dict import-petrarch -o data/en ../shared/reference/dictionaries/petrarch2\n"
      << "# Phrases whose presence means the text is not political news (sports, entertainment,\n"
      << "# history). scope: sentence (the sentence is not coded) | story (the document is not).\n"
      << "# match: word (the phrase ends at a word boundary) | prefix (its last word is a stem).\n"
      << "scope\tmatch\tphrase\tnote\n";
  std::istringstream in(content);
  std::string raw;
  int lineno = 0;
  std::set<std::string> seen;
  while (std::getline(in, raw)) {
    ++lineno;
    std::string t = utf8::Trim(StripComment(raw, false));
    if (t.empty()) continue;
    bool story = t[0] == '+';
    if (story) t = utf8::Trim(t.substr(1));
    bool word = !t.empty() && t.back() == '_';
    std::string phrase = PhraseWords(t);
    if (phrase.empty()) { notes.Add(lineno, "skipped", "empty phrase"); continue; }
    std::string key = std::string(story ? "story " : "sentence ") + (word ? "word " : "prefix ") + phrase;
    if (!seen.insert(key).second) { notes.Add(lineno, "dropped", "duplicate of an earlier line: '" + phrase + "'"); continue; }
    tsv << (story ? "story" : "sentence") << '\t' << (word ? "word" : "prefix") << '\t' << phrase << '\t' << label << ':'
        << lineno << '\n';
    ++out->entries;
    ++out->names;
  }
  out->tsv = tsv.str();
  return Status::OK();
}

// ---------------------------------------------------------------------------
// CAMEO verb dictionary

namespace {

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool IsVowel(char c) { return c != 0 && std::strchr("aeiou", c) != nullptr; }

// The first word of a pattern comment ("RUSH", "ASK_FOR"): the verb it was found under.
std::string comment_word(const std::string& comment) {
  size_t i = 0;
  while (i < comment.size() && (std::isalpha(static_cast<unsigned char>(comment[i])) || comment[i] == '_')) ++i;
  std::string w = comment.substr(0, i);
  for (char& c : w) if (c == '_') c = ' ';
  return w;
}

// Verbs of two syllables stressed on the last, which double their final
// consonant (admit → admitted); one-syllable verbs are found by their shape.
const std::set<std::string>& DoublingVerbs() {
  static const std::set<std::string> k = {
      "abet", "admit", "allot", "commit", "compel", "confer", "control", "deter", "embed", "equip",
      "expel", "extol", "incur", "infer", "occur", "omit", "outstrip", "patrol", "permit", "prefer",
      "propel", "rebel", "recur", "refer", "regret", "repel", "submit", "transfer", "transmit", "upset"};
  return k;
}

// base, 3rd person, past, gerund of a regular English verb.
std::vector<std::string> RegularForms(const std::string& v) {
  std::vector<std::string> f{v};
  if (v.size() < 2) return f;
  char last = v.back(), prev = v[v.size() - 2];
  if (last == 'e') {
    f.push_back(v + "s");
    f.push_back(v + "d");
    f.push_back(v.size() >= 2 && (prev == 'e' || prev == 'y' || prev == 'o') ? v + "ing" : v.substr(0, v.size() - 1) + "ing");
  } else if (last == 'y' && !IsVowel(prev)) {
    f.push_back(v.substr(0, v.size() - 1) + "ies");
    f.push_back(v.substr(0, v.size() - 1) + "ied");
    f.push_back(v + "ing");
  } else {
    bool sibilant = last == 's' || last == 'x' || last == 'z' || v.ends_with("ch") || v.ends_with("sh");
    f.push_back(v + (sibilant ? "es" : "s"));
    int vowels = 0;
    for (size_t i = 0; i < v.size(); ++i)
      if (IsVowel(v[i]) && (i == 0 || !IsVowel(v[i - 1]))) ++vowels;
    bool cvc = v.size() >= 3 && !IsVowel(last) && IsVowel(prev) && !IsVowel(v[v.size() - 3]) &&
               !std::strchr("wxy", last);
    bool dbl = (cvc && vowels == 1) || DoublingVerbs().count(v);
    std::string stem = dbl ? v + last : v;
    f.push_back(stem + "ed");
    f.push_back(stem + "ing");
  }
  return f;
}

// "ABC_DEF" → "abc def"; '+' (the verb mark) removed.
std::string VerbWords(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '+'), s.end());
  return PhraseWords(s);
}

struct Verb {
  int line = 0;
  std::string base;                // "ask for"
  std::string head;                // "ASK": the verb word, upper case, as comments name it
  std::vector<std::string> forms;  // every inflected form
  std::string code;                // own code, "" when none
};

struct Block {
  int line = 0;
  std::string name, code;
  std::vector<Verb> verbs;
};

// A pattern element: the alternatives it stands for (without determiners),
// whether it is a noun slot (takes "the"/"a"), and its kind.
struct Element {
  enum Kind { kWord, kPrep, kSource, kTarget, kCompound, kSkip } kind = kWord;
  std::vector<std::string> alts;
  bool noun = false, synset = false;
};

// Words that follow a verb as particles or adverbs, not nouns: no determiner.
bool Particle(const std::string& w) {
  static const std::set<std::string> k = {
      "off", "out", "up", "down", "forward", "aside", "back", "away", "together", "over", "in", "on", "into",
      "to", "with", "for", "against", "toward", "towards", "at", "by", "from", "about", "around", "through",
      "behind", "before", "after", "under", "upon", "across", "along", "within", "without", "between", "among",
      "himself", "herself", "itself", "themselves", "free", "ablaze", "afire", "closer", "close", "open", "shut",
      "not", "no", "again", "further", "ahead", "apart", "home", "abroad", "positively", "negatively", "uncertain",
      "jointly", "publicly", "hands", "sides", "fire", "power", "office", "ground", "place", "part", "talks",
      "of", "as", "if", "that", "the", "a", "an"};
  return k.count(w) > 0;
}

// A noun slot also after "the", and a singular one after "a"/"an"; a synset's
// members (many, often plural) only after "the", and only when there are few.
std::vector<std::string> WithDeterminers(const std::vector<std::string>& alts, bool synset) {
  if (synset && alts.size() > 40) return alts;
  std::vector<std::string> out;
  for (const auto& a : alts) {
    out.push_back(a);
    out.push_back("the " + a);
    if (!synset && !a.empty() && a.back() != 's') out.push_back(std::string(IsVowel(a[0]) ? "an " : "a ") + a);
  }
  return out;
}

}  // namespace

Status ImportCameoVerbs(const std::string& path, const std::string& label, const CameoTable& cameo,
                        ImportResult* out, NameClaims* claims, bool one_word_verbs) {
  std::string content;
  HADATH_RETURN_IF_ERROR(ReadFile(path, &content));
  Notes notes(label, out);
  std::map<std::string, std::vector<std::string>> synsets;  // "&WEAPON" → phrases with plurals
  std::string synset;                                       // the synset being read
  bool synset_plurals = true;
  std::vector<Block> blocks;
  struct Pattern { int line; size_t block; std::string text, code, comment; };
  std::vector<Pattern> patterns;
  std::istringstream in(content);
  std::string raw;
  int lineno = 0;
  size_t transformations = 0;
  auto noun_plural = [](const std::string& w) {
    if (w.ends_with("ss") || w.ends_with("sh") || w.ends_with("ch") || w.ends_with("x")) return w + "es";
    if (w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ies";
    return w + "s";
  };
  while (std::getline(in, raw)) {
    ++lineno;
    size_t hash = raw.find('#');
    std::string comment = hash == std::string::npos ? "" : utf8::Trim(raw.substr(hash + 1));
    std::string t = utf8::Trim(hash == std::string::npos ? raw : raw.substr(0, hash));
    if (t.empty()) {
      if (utf8::Trim(raw).empty()) synset.clear();  // a blank line ends a synset; a comment line does not
      continue;
    }
    if (t[0] == '&') {
      synset = t;
      synset_plurals = t.back() != '_';
      if (!synset_plurals) synset.pop_back();
      synsets[synset];
      continue;
    }
    if (t[0] == '+' && !synset.empty() && blocks.empty()) {
      std::string m = t.substr(1);
      bool plural = synset_plurals && m.back() != '_';
      std::string w = PhraseWords(m);
      if (w.empty()) continue;
      auto& v = synsets[synset];
      v.push_back(w);
      if (plural) v.push_back(noun_plural(w));
      continue;
    }
    synset.clear();
    if (t.rfind("---", 0) == 0) {  // ---  NAME   [CODE]  ---
      Block b;
      b.line = lineno;
      size_t lb = t.find('['), rb = t.find(']');
      b.name = utf8::Trim(t.substr(3, (lb == std::string::npos ? t.size() : lb) - 3));
      if (lb != std::string::npos && rb != std::string::npos) b.code = utf8::Trim(t.substr(lb + 1, rb - lb - 1));
      blocks.push_back(b);
      continue;
    }
    if (t[0] == '~') {
      ++transformations;
      notes.Add(lineno, "unexpressed", "transformation '" + t +
                                           "': hadath triggers cannot rewrite one verb's event inside another's");
      continue;
    }
    if (blocks.empty()) { notes.Add(lineno, "skipped", "'" + t + "' before any verb block"); continue; }
    if (t[0] == '-') {
      size_t lb = t.rfind('['), rb = t.rfind(']');
      if (lb == std::string::npos || rb == std::string::npos || rb < lb) {
        notes.Add(lineno, "unexpressed", "pattern without [CODE]: '" + t + "'");
        continue;
      }
      patterns.push_back({lineno, blocks.size() - 1, utf8::Trim(t.substr(1, lb - 1)),
                          utf8::Trim(t.substr(lb + 1, rb - lb - 1)), comment});
      continue;
    }
    // A verb: WORD {FORMS} [CODE], +MULTI_WORD {+FORMS_X}, WIRE_+TAP {...}
    Verb v;
    v.line = lineno;
    std::string s = t;
    if (size_t lb = s.find('['); lb != std::string::npos) {
      size_t rb = s.find(']', lb);
      v.code = utf8::Trim(s.substr(lb + 1, rb == std::string::npos ? std::string::npos : rb - lb - 1));
      s = utf8::Trim(s.substr(0, lb));
    }
    std::string irregular;
    bool has_braces = false;
    if (size_t cb = s.find('{'); cb != std::string::npos) {
      size_t ce = s.find('}', cb);
      irregular = s.substr(cb + 1, ce == std::string::npos ? std::string::npos : ce - cb - 1);
      has_braces = true;
      s = utf8::Trim(s.substr(0, cb));
    }
    if (s.empty() || s.find(' ') != std::string::npos) {
      notes.Add(lineno, "skipped", "verb line '" + t + "' is not WORD {FORMS} [CODE]");
      continue;
    }
    std::string primary = s[0] == '+' ? s.substr(1) : s;
    v.base = VerbWords(primary);
    // The verb word: the one marked '+' in a multi-word verb, else the first.
    std::vector<std::string> parts = SplitList(s, '_');
    size_t vi = 0;
    for (size_t i = 0; i < parts.size(); ++i)
      if (parts[i][0] == '+') vi = i;
    for (auto& p : parts)
      if (p[0] == '+') p = p.substr(1);
    v.head = Upper(parts.empty() ? v.base : parts[vi]);
    if (has_braces) {
      v.forms.push_back(v.base);
      for (const auto& f : SplitList(irregular, ' ')) {
        std::string w = VerbWords(f);  // "{+WAS_X , +BE_X}": commas are separators too
        if (std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) v.forms.push_back(w);
      }
    } else {
      std::string word = PhraseWords(parts[vi]);
      for (const auto& f : RegularForms(word)) {
        std::string phrase;
        for (size_t i = 0; i < parts.size(); ++i)
          phrase += (phrase.empty() ? "" : " ") + (i == vi ? f : PhraseWords(parts[i]));
        v.forms.push_back(phrase);
      }
    }
    blocks.back().verbs.push_back(v);
  }

  // The English loader matches a verb's inflections through the Snowball stem of a
  // form's first word (text/english.h): keep the forms whose stem differs from the
  // base form's (irregular ones: sent, gave), and all forms of a verb whose first word
  // is not the inflected one (WIRE_+TAP).
  auto first_word = [](const std::string& f) { return f.substr(0, f.find(' ')); };
  size_t all_forms = 0, kept_forms = 0;
  for (auto& b : blocks)
    for (auto& v : b.verbs) {
      all_forms += v.forms.size();
      if (v.forms.empty() || Upper(first_word(v.forms[0])) != v.head) { kept_forms += v.forms.size(); continue; }
      const std::string base_stem = english::StemOf(first_word(v.forms[0]));
      std::vector<std::string> kept{v.forms[0]};
      for (size_t i = 1; i < v.forms.size(); ++i)
        if (english::StemOf(first_word(v.forms[i])) != base_stem) kept.push_back(v.forms[i]);
      kept_forms += kept.size();
      v.forms = std::move(kept);
    }

  // What the hand-written triggers already code: their forms (claims made before this
  // import), and the stems of their one-word forms.
  std::set<std::string> hand_forms, hand_stems;
  if (claims)
    for (const auto& [k, where] : claims->owner) {
      hand_forms.insert(k);
      if (k.find(' ') == std::string::npos) hand_stems.insert(english::StemOf(k));
    }

  // ---- rows
  struct Row { std::string id, cameo, forms, options, note; };
  std::vector<Row> rows;
  std::set<std::string> ids;
  size_t verb_rows = 0, pattern_rows = 0, unexpressed = 0, partial = 0;
  std::map<std::string, size_t> reasons;
  auto unexpress = [&](int line, const std::string& reason, const std::string& text, const std::string& detail = "") {
    notes.Add(line, "unexpressed", reason + (detail.empty() ? "" : " " + detail) + ": '" + text + "'");
    ++unexpressed;
    ++reasons[reason];
  };
  // The event code of "[A]", "[A:B]"; "" when not expressible (reported).
  auto event_code = [&](const std::string& raw_code, int line, const std::string& text) -> std::string {
    std::string a = raw_code, b;
    if (size_t c = raw_code.find(':'); c != std::string::npos) { a = raw_code.substr(0, c); b = raw_code.substr(c + 1); }
    if (a == "---" || (a.empty() && b.empty())) { unexpress(line, "null code (the pattern blocks an event)", text); return ""; }
    if (a.empty()) { unexpress(line, "only a reciprocal code (target → source)", text, "[:" + b + "]"); return ""; }
    if (!cameo.Find(a)) { unexpress(line, "unknown CAMEO code", text, a); return ""; }
    if (!b.empty()) {
      notes.Add(line, "partial", "reciprocal code " + b + " of [" + raw_code + "] dropped (hadath emits one event): '" + text + "'");
      ++partial;
    }
    return a;
  };
  auto emit = [&](const std::string& base_id, const std::string& code, std::vector<std::string> forms,
                  const std::string& options, int line, const std::string& note) {
    std::string where = label + ":" + std::to_string(line);
    std::vector<std::string> kept;
    std::set<std::string> own;
    size_t taken = 0;
    std::string first_taken;
    for (const auto& f : forms) {
      if (!own.insert(NameClaims::Key(f)).second) continue;
      if (const std::string* prev = claims ? claims->Claim(f, where) : nullptr) {
        if (!taken++) first_taken = "'" + f + "' (" + *prev + ")";
        continue;
      }
      kept.push_back(f);
    }
    if (taken)
      notes.Add(line, kept.empty() ? "dropped" : "repaired",
                std::to_string(taken) + " of " + std::to_string(own.size()) + " forms already given elsewhere, e.g. " +
                    first_taken + (kept.empty() ? ": no row" : ": left out"));
    if (kept.empty()) return false;
    std::string id = base_id;
    for (int k = 2; !ids.insert(id).second; ++k) id = base_id + "-" + std::to_string(k);
    std::string joined;
    for (const auto& f : kept) joined += (joined.empty() ? "" : "|") + f;
    rows.push_back({id, code, joined, options, where + (note.empty() ? "" : " " + note)});
    out->names += kept.size();
    return true;
  };
  // Verb rows: every verb with a code of its own or of its block.
  for (const auto& b : blocks)
    for (const auto& v : b.verbs) {
      std::string code = !v.code.empty() ? v.code : b.code;
      if (code.empty() || code == "---") continue;  // coded only through its patterns
      std::string c = event_code(code, v.line, v.base);
      if (c.empty()) continue;
      const bool one_word = v.base.find(' ') == std::string::npos;
      if (one_word && hand_stems.count(english::StemOf(v.base))) {
        notes.Add(v.line, "dropped", "verb '" + v.base + "': a hand-written trigger has its stem (the core codes it)");
        continue;
      }
      if (one_word && !one_word_verbs) {
        unexpress(v.line, "a one-word verb alone (its Snowball stem would also match nouns: propose/proposal)",
                  v.base + " [" + code + "]");
        continue;
      }
      // PETRARCH codes an isolated verb only between a source and a target.
      if (emit("cv-" + Slug(v.base), c, v.forms, one_word ? "needs_target" : "", v.line,
               "verb " + Upper(v.base) + " (block " + b.name + ")"))
        ++verb_rows;
    }
  // Pattern rows.
  for (const auto& p : patterns) {
    const Block& b = blocks[p.block];
    std::string text = "- " + p.text + " [" + p.code + "]";
    // Tokenize: *, WORD, {A B}, (PREP X), &SYN, $, +, %, ^
    std::vector<std::string> toks;
    for (size_t i = 0; i < p.text.size();) {
      char c = p.text[i];
      if (c == ' ' || c == '\t') { ++i; continue; }
      char close = c == '{' ? '}' : c == '(' ? ')' : 0;
      if (close) {
        int depth = 0;
        size_t j = i;
        for (; j < p.text.size(); ++j) {
          if (p.text[j] == c) ++depth;
          else if (p.text[j] == close && --depth == 0) break;
        }
        toks.push_back(p.text.substr(i, j - i + 1));
        i = j + 1;
      } else {
        size_t j = p.text.find_first_of(" \t", i);
        if (j == std::string::npos) j = p.text.size();
        toks.push_back(p.text.substr(i, j - i));
        i = j;
      }
    }
    auto star = std::find(toks.begin(), toks.end(), "*");
    if (star == toks.end()) { unexpress(p.line, "no verb position '*'", text); continue; }
    if (star != toks.begin()) {
      unexpress(p.line, "words before the verb (a subject constraint)", text);
      continue;
    }
    std::string why, what;
    // One element → its alternatives. A bare word or braced phrase is a noun
    // slot (determiners allowed before it) unless it is a particle.
    std::function<bool(const std::string&, Element*)> element = [&](const std::string& tok, Element* e) -> bool {
      if (tok == "$") { e->kind = Element::kSource; return true; }
      if (tok == "+") { e->kind = Element::kTarget; return true; }
      if (tok == "%") { e->kind = Element::kCompound; return true; }
      if (tok == "^") { e->kind = Element::kSkip; return true; }
      if (tok[0] == '&') {
        auto it = synsets.find(tok);
        if (it == synsets.end()) { why = "undefined synset"; what = tok; return false; }
        e->alts = it->second;
        e->noun = e->synset = true;
        return true;
      }
      if (tok[0] == '{') {
        // {A &B C}: the product of its words
        std::vector<std::string> acc{""};
        for (const auto& w : SplitList(tok.substr(1, tok.size() - 2), ' ')) {
          std::vector<std::string> alts;
          if (w[0] == '&') {
            auto it = synsets.find(w);
            if (it == synsets.end()) { why = "undefined synset"; what = w; return false; }
            alts = it->second;
          } else if (w == "$" || w == "+" || w == "%" || w == "^") {
            why = "an actor position inside a noun phrase";
            return false;
          } else {
            alts.push_back(PhraseWords(w));
          }
          std::vector<std::string> next;
          for (const auto& a : acc)
            for (const auto& x : alts) next.push_back(a.empty() ? x : a + " " + x);
          acc = std::move(next);
        }
        e->alts = acc;
        e->noun = true;
        return true;
      }
      std::string w = PhraseWords(tok);
      if (w.empty()) { why = "unreadable element '" + tok + "'"; return false; }
      e->alts = {w};
      e->noun = !Particle(w) && w.find(' ') == std::string::npos;
      return true;
    };
    // Post-verb elements, prepositional phrases flattened to prep + object.
    std::vector<Element> els;
    bool ok = true;
    for (auto it = star + 1; it != toks.end() && ok; ++it) {
      const std::string& tok = *it;
      if (tok[0] == '(') {
        std::string inner = utf8::Trim(tok.substr(1, tok.size() - 2));
        size_t sp = inner.find(' ');
        Element prep;
        prep.kind = Element::kPrep;
        prep.alts = {PhraseWords(inner.substr(0, sp))};
        els.push_back(prep);
        if (sp != std::string::npos) {
          Element obj;
          if (!(ok = element(utf8::Trim(inner.substr(sp + 1)), &obj))) break;
          els.push_back(obj);
        }
        continue;
      }
      Element e;
      ok = element(tok, &e);
      if (ok) els.push_back(e);
    }
    if (!ok) { unexpress(p.line, why, text, what); continue; }
    // Actor positions: only a target at the very end (after the phrase, as hadath
    // finds targets) is expressible.
    std::string options;
    for (size_t i = 0; i < els.size() && why.empty(); ++i) {
      auto k = els[i].kind;
      if (k == Element::kSource) why = "a source position '$' after the verb (hadath's source is before it)";
      else if (k == Element::kCompound) why = "a compound-actor position '%'";
      else if (k == Element::kSkip) why = "a skipped noun phrase '^' inside the pattern";
      else if (k == Element::kTarget && i + 1 != els.size()) why = "a target position '+' inside the pattern";
    }
    if (!why.empty()) { unexpress(p.line, why, text); continue; }
    if (!els.empty() && (els.back().kind == Element::kTarget || els.back().kind == Element::kPrep)) {
      if (els.back().kind == Element::kTarget) els.pop_back();
      options = "needs_target";
    }
    std::string code = event_code(p.code, p.line, text);
    if (code.empty()) continue;
    // The verbs: the one the comment names (where the pattern was found), else all of the block's.
    std::vector<const Verb*> verbs;
    std::string named = Upper(comment_word(p.comment));
    for (const auto& v : b.verbs) {
      bool hit = !named.empty() && (v.head == named || Upper(v.base) == named);
      for (const auto& f : v.forms) hit |= !named.empty() && Upper(f) == named;
      if (hit) verbs.push_back(&v);
    }
    if (verbs.empty())
      for (const auto& v : b.verbs) verbs.push_back(&v);
    if (verbs.empty()) { unexpress(p.line, "a pattern in a block without verbs", text); continue; }
    std::vector<std::string> forms;
    for (const Verb* v : verbs) forms.insert(forms.end(), v->forms.begin(), v->forms.end());
    size_t noun_slots = 0;
    for (const auto& e : els) {
      std::vector<std::string> alts = e.noun && noun_slots++ < 2 ? WithDeterminers(e.alts, e.synset) : e.alts;
      std::vector<std::string> next;
      for (const auto& f : forms)
        for (const auto& a : alts) next.push_back(f + " " + a);
      forms = std::move(next);
    }
    // A phrase whose object is itself a hand-written trigger ("held talks": «talks»,
    // coded by the core with its light verb), or whose verb shares a hand-written
    // noun trigger's stem, is left to the core.
    if (!hand_forms.empty()) {
      std::vector<std::string> kept;
      std::string example;
      for (const auto& f : forms) {
        std::vector<std::string> w = SplitList(f, ' ');
        // Verb + preposition only: when the verb's stem is a hand-written one-word noun
        // trigger's ("talk with" and the noun «talks»), the stem match would read the
        // noun and its preposition as this verb.
        bool hit = claims && w.size() == 2 && options == "needs_target" &&
                   claims->noun_stems.count(english::StemOf(w[0])) > 0;
        if (hit && example.empty()) example = w[0];
        for (size_t i = 1; i < w.size() && !hit; ++i) {
          std::string gram;
          for (size_t j = i; j < w.size() && !hit; ++j) {
            gram += (j == i ? "" : " ") + w[j];
            if (hand_forms.count(NameClaims::Key(gram))) { hit = true; if (example.empty()) example = gram; }
          }
        }
        if (!hit) kept.push_back(f);
      }
      if (kept.size() < forms.size())
        notes.Add(p.line, kept.empty() ? "dropped" : "repaired",
                  std::to_string(forms.size() - kept.size()) + " of " + std::to_string(forms.size()) +
                      " forms contain a hand-written trigger ('" + example + "'), which codes them" +
                      (kept.empty() ? ": no row" : ": left out"));
      forms = std::move(kept);
      if (forms.empty()) continue;
    }
    if (forms.size() > 2000) {
      unexpress(p.line, "too many surface forms for contiguous phrases (over 2000)", text, "(" + std::to_string(forms.size()) + ")");
      continue;
    }
    std::string note = text;
    note.erase(std::remove(note.begin(), note.end(), '\t'), note.end());
    if (emit("cv-" + Slug(PhraseWords(b.name)) + "-" + std::to_string(p.line), code, forms, options, p.line,
             "pattern " + note + (p.comment.empty() ? "" : " # " + p.comment)))
      ++pattern_rows;
  }

  std::ostringstream tsv;
  tsv << "# GENERATED BY hadath dict import-cameo-verbs; DO NOT EDIT.\n"
      << "# Source: " << label << " " << kLicence
      << "# Regenerate: hadath dict import-cameo-verbs ../shared/reference/dictionaries/petrarch2/CAMEO.2.0.txt \\\n"
      << "#   -o data/en/triggers/cameo.tsv --report data/en/CAMEO_VERBS_REPORT.txt\n"
      << "# Verb rows: every verb with a code of its own or of its block, with those of its\n"
      << "# inflections (listed ones, else regular: -s, -ed, -ing) that the English loader does\n"
      << "# not reach through the Snowball stem of the base form (sent, gave; not sends, giving);\n"
      << "# a one-word verb (only with --one-word-verbs: the English stemmer would match nouns\n"
      << "# too) needs a target, as PETRARCH codes an isolated verb between two actors, and is\n"
      << "# left out when a hand-written trigger has its stem. Pattern rows whose words\n"
      << "# after the verb contain a hand-written trigger (\"held talks\") are left to the core.\n"
      << "# Pattern rows (`- * NOUN (PREP NOUN)`):\n"
      << "# the verb's forms followed by the pattern's words as one contiguous phrase, synsets\n"
      << "# expanded; the first two noun slots also after \"the\"/\"a\" (a synset of up to 40\n"
      << "# members after \"the\"); applied to the verb the pattern's comment\n"
      << "# names (else to every verb of the block). A pattern ending in a preposition or '+'\n"
      << "# needs a target after it. What cannot be expressed is listed with its reason in\n"
      << "# en/CAMEO_VERBS_REPORT.txt. note: source file:line, the verb or the pattern.\n"
      << "id\tcameo\ttype\tforms\toptions\tnote\n";
  for (const auto& r : rows) tsv << r.id << '\t' << r.cameo << "\tverb\t" << r.forms << '\t' << r.options << '\t' << r.note << '\n';
  out->tsv = tsv.str();
  out->entries = rows.size();
  out->codes = verb_rows;  // rows from verbs; the rest are from patterns
  // Summary notes (the report's head counts them too).
  Notes summary(label, out);
  summary.Add(0, "summary", "verb forms: " + std::to_string(all_forms) + " listed or regular, " +
                                std::to_string(kept_forms) + " written (the others reach their base form by stem)");
  summary.Add(0, "summary", std::to_string(blocks.size()) + " verb blocks, " + std::to_string(patterns.size()) +
                                " patterns, " + std::to_string(transformations) + " transformations; rows: " +
                                std::to_string(verb_rows) + " verbs, " + std::to_string(pattern_rows) + " patterns; " +
                                std::to_string(unexpressed) + " items unexpressed (patterns, transformations, one-word verbs alone), " +
                                std::to_string(partial) +
                                " partial (reciprocal code dropped)");
  for (const auto& [reason, n] : reasons) summary.Add(0, "summary", "unexpressed: " + std::to_string(n) + " × " + reason);
  return Status::OK();
}

}  // namespace hadath
