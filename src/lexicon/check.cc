#include "lexicon/check.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "lexicon/cameo.h"
#include "lexicon/lexicon.h"
#include "lexicon/petrarch.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace fs = std::filesystem;

namespace hadath {

namespace {

// A TSV file read leniently: every row is kept, problems are reported.
struct Row {
  std::string rule;
  std::vector<std::string> cells;
  const std::vector<std::string>* header;
  const std::string& Get(const std::string& col) const {
    static const std::string kEmpty;
    for (size_t i = 0; i < header->size(); ++i)
      if ((*header)[i] == col) return i < cells.size() ? cells[i] : kEmpty;
    return kEmpty;
  }
};

struct File {
  std::string rel;
  std::vector<std::string> header;
  std::vector<Row> rows;
};

class Checker {
 public:
  Checker(std::string dir, CheckReport* rep) : dir_(std::move(dir)), rep_(rep) {}

  void Error(const std::string& where, const std::string& msg) { rep_->errors.push_back({where, msg}); }

  // Reads `rel`; false when it cannot be read (reported).
  bool Read(const std::string& rel, const std::vector<std::string>& required, File* f) {
    std::string content;
    Status st = ReadFile(dir_ + "/" + rel, &content);
    if (!st.ok()) { Error(rel, "cannot read"); return false; }
    ++rep_->files;
    f->rel = rel;
    std::istringstream in(content);
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
      ++lineno;
      if (lineno == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::string t = utf8::Trim(line);
      if (t.empty() || t[0] == '#') continue;
      std::vector<std::string> cells;
      size_t start = 0;
      while (true) {
        size_t tab = line.find('\t', start);
        cells.push_back(utf8::Trim(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      std::string rule = rel + ":" + std::to_string(lineno);
      if (f->header.empty()) { f->header = cells; continue; }
      while (cells.size() > f->header.size() && cells.back().empty()) cells.pop_back();
      if (cells.size() > f->header.size())
        Error(rule, std::to_string(cells.size()) + " cells, header has " + std::to_string(f->header.size()) +
                        " (a tab inside a cell?)");
      f->rows.push_back({rule, std::move(cells), nullptr});
      ++rep_->rows;
    }
    if (f->header.empty()) { Error(rel, "no header line"); return false; }
    for (auto& r : f->rows) r.header = &f->header;
    bool ok = true;
    for (const auto& col : required)
      if (std::find(f->header.begin(), f->header.end(), col) == f->header.end()) {
        Error(rel, "missing column '" + col + "'");
        ok = false;
      }
    return ok;
  }

  bool Required(const Row& r, std::initializer_list<const char*> cols) {
    bool ok = true;
    for (const char* c : cols)
      if (r.Get(c).empty()) { Error(r.rule, std::string("empty '") + c + "'"); ok = false; }
    return ok;
  }

  std::string Dir(const std::string& base, std::vector<std::string>* files) {
    std::error_code ec;
    if (fs::exists(fs::path(dir_) / (base + ".tsv"), ec)) files->push_back(base + ".tsv");
    std::vector<std::string> more;
    for (const auto& e : fs::directory_iterator(fs::path(dir_) / base, ec))
      if (e.path().extension() == ".tsv") more.push_back(base + "/" + e.path().filename().string());
    std::sort(more.begin(), more.end());
    files->insert(files->end(), more.begin(), more.end());
    return base;
  }

  std::string dir_;
  CheckReport* rep_;
};

bool IsUpperCode(const std::string& s) {
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return !s.empty();
}

bool ParseNumber(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return *end == '\0';
}

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

Status CheckDictionaries(const std::string& dir, CheckReport* rep) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": not a directory");
  Checker ck(dir, rep);
  Normalizer norm;
  Tokenizer tok;
  CameoTable cameo;
  {
    Status st = norm.Load(dir);
    if (!st.ok()) { ck.Error("ar/normalize.tsv", st.message()); return Status::OK(); }
    st = tok.Load(dir, &norm);
    if (!st.ok()) ck.Error("ar/clitics.tsv", st.message());
    st = cameo.Load(dir);
    if (!st.ok()) ck.Error("cameo.tsv", st.message());
  }
  auto key_of = [&](const std::string& phrase) {
    std::string k;
    for (const auto& s : tok.Split(phrase))
      for (const auto& t : s.tokens) k.append(k.empty() ? "" : " ").append(t.norm);
    return k;
  };

  // name key → (codes, rule) of the first entry that had it
  struct Seen { std::string codes, rule; };
  std::unordered_map<std::string, Seen> actor_names, agent_names, capital_names;
  std::map<std::string, std::set<std::string>> place_names;  // name → countries
  auto note_name = [&](std::unordered_map<std::string, Seen>& seen, const std::string& name, const std::string& codes,
                       const std::string& rule, const char* what) {
    std::string k = key_of(name);
    if (k.empty()) { ck.Error(rule, "name '" + name + "' has no letters"); return; }
    auto [it, fresh] = seen.emplace(k, Seen{codes, rule});
    if (!fresh && it->second.codes != codes)
      ck.Error(rule, std::string(what) + " name «" + name + "» is " + codes + " here but " + it->second.codes + " at " +
                         it->second.rule);
  };

  // ---- countries (ar/countries.tsv, and the territories of geo/countries.tsv)
  std::set<std::string> countries = {"IGO", "NGO", "IMG", "MNC", "UIS", "IRC"};
  {
    File g;
    if (ck.Read("geo/countries.tsv", {"code", "lat", "lon"}, &g))
      for (const auto& r : g.rows) {
        ck.Required(r, {"code", "lat", "lon"});
        countries.insert(r.Get("code"));
      }
  }
  {
    File f;
    if (ck.Read("ar/countries.tsv", {"code", "name_en", "names_ar", "demonyms_ar", "capital_ar"}, &f)) {
      std::set<std::string> codes;
      for (const auto& r : f.rows) {
        ck.Required(r, {"code", "names_ar"});
        const std::string& code = r.Get("code");
        if (code.size() != 3 || !IsUpperCode(code)) ck.Error(r.rule, "country code must be 3 capital letters: '" + code + "'");
        if (!codes.insert(code).second) ck.Error(r.rule, "duplicate country code " + code);
        countries.insert(code);
        for (const auto& n : SplitList(r.Get("names_ar"))) note_name(actor_names, n, code, r.rule, "country");
        // A capital may share its name with a country («عمان»: Oman, Amman): the
        // context rule resolves it, so capitals are not checked against countries.
        for (const auto& n : SplitList(r.Get("capital_ar"))) note_name(capital_names, n, code, r.rule, "capital");
      }
    }
  }
  // ---- actors and agents, per language: ar, and en when data/en exists (English names
  // are checked against each other, not against Arabic ones).
  std::vector<std::string> langs = {"ar"};
  if (fs::is_directory(fs::path(dir) / "en", ec)) langs.push_back("en");
  std::set<std::string> ar_actor_ids;
  for (const std::string& lang : langs) {
  const std::string names_col = "names_" + lang;
  if (lang != "ar") actor_names.clear(), agent_names.clear();
  if (lang == "en" && fs::exists(fs::path(dir) / "en/countries.tsv", ec)) {
    File f;
    if (ck.Read("en/countries.tsv", {"code", names_col}, &f))
      for (const auto& r : f.rows)
        for (const auto& n : SplitList(r.Get(names_col))) note_name(actor_names, n, r.Get("code"), r.rule, "country");
  }
  {
    std::vector<std::string> files;
    ck.Dir(lang + "/actors", &files);
    if (files.empty() && lang == "ar") ck.Error("ar/actors.tsv", "missing");
    std::map<std::string, std::string> ids;
    for (const auto& rel : files) {
      File f;
      if (!ck.Read(rel, {"id", "name_en", names_col, "codes"}, &f)) continue;
      for (const auto& r : f.rows) {
        // An English entry with empty codes inherits those of the Arabic entry with its id.
        const bool inherits = lang != "ar" && r.Get("codes").empty();
        if (inherits) {
          ck.Required(r, {"id", names_col.c_str()});
          if (!r.Get("id").empty() && !ar_actor_ids.count(r.Get("id")))
            ck.Error(r.rule, "empty codes, and no Arabic actor with id '" + r.Get("id") + "' to inherit them from");
        } else {
          ck.Required(r, {"id", names_col.c_str(), "codes"});
        }
        const std::string& id = r.Get("id");
        if (lang == "ar") ar_actor_ids.insert(id);
        if (!id.empty()) {
          auto [it, fresh] = ids.emplace(id, r.rule);
          if (!fresh) ck.Error(r.rule, "duplicate id '" + id + "' (first at " + it->second + ")");
        }
        const std::string& kind = r.Get("kind");
        if (!kind.empty() && kind != "person" && kind != "org") ck.Error(r.rule, "kind must be person or org: '" + kind + "'");
        const std::string& wd = r.Get("wikidata");
        if (!wd.empty() && !(wd[0] == 'Q' && AllDigits(wd.substr(1)))) ck.Error(r.rule, "bad wikidata id '" + wd + "'");
        std::vector<DatedCode> codes;
        if (r.Get("codes").empty()) continue;
        Status st = ParseDatedCodes(r.Get("codes"), &codes);
        if (!st.ok()) { ck.Error(r.rule, st.message()); continue; }
        std::set<std::string> plain;
        for (size_t a = 0; a < codes.size(); ++a) {
          const DatedCode& c = codes[a];
          plain.insert(c.code);
          // English (PETRARCH) entries may start with a CAMEO region or religion: MEAREB.
          if (!countries.count(c.code.substr(0, 3)) && !(lang != "ar" && CameoNonCountryBlock(c.code.substr(0, 3))))
            ck.Error(r.rule, "unknown country block in '" + c.code + "'");
          if (c.code.size() % 3) ck.Error(r.rule, "code '" + c.code + "' is not made of 3-letter blocks");
          if (!c.from.valid() && !c.to.valid()) continue;  // undated: the fallback
          for (size_t b = a + 1; b < codes.size(); ++b) {
            const DatedCode& d = codes[b];
            if (!d.from.valid() && !d.to.valid()) continue;
            if (c.code.substr(0, 6) != d.code.substr(0, 6)) continue;
            int64_t c0 = c.from.valid() ? c.from.ToDays() : INT64_MIN, c1 = c.to.valid() ? c.to.ToDays() : INT64_MAX;
            int64_t d0 = d.from.valid() ? d.from.ToDays() : INT64_MIN, d1 = d.to.valid() ? d.to.ToDays() : INT64_MAX;
            int64_t lo = std::max(c0, d0), hi = std::min(c1, d1);
            if (lo < hi)  // a shared boundary day is a handover, not an overlap
              ck.Error(r.rule, "date ranges of " + c.code + " and " + d.code + " overlap (from " +
                                   Ymd::FromDays(lo).ToString() + ")");
          }
        }
        std::string all;
        for (const auto& p : plain) all += (all.empty() ? "" : ",") + p;
        auto names = SplitList(r.Get(names_col));
        std::set<std::string> own;  // the same name twice in one row
        for (const auto& n : names) {
          if (!own.insert(key_of(n)).second) continue;
          note_name(actor_names, n, all, r.rule, "actor");
        }
      }
    }
  }
  // ---- agents
  {
    std::vector<std::string> files;
    ck.Dir(lang + "/agents", &files);
    std::map<std::string, std::string> ids;
    for (const auto& rel : files) {
      File f;
      if (!ck.Read(rel, {"id", "sector", names_col}, &f)) continue;
      for (const auto& r : f.rows) {
        ck.Required(r, {"id", names_col.c_str()});
        const std::string& id = r.Get("id");
        if (!id.empty()) {
          auto [it, fresh] = ids.emplace(id, r.rule);
          if (!fresh) ck.Error(r.rule, "duplicate id '" + id + "' (first at " + it->second + ")");
        }
        const std::string& sector = r.Get("sector");
        // English (PETRARCH) agents may have two blocks: GOVMED.
        const bool size_ok = sector.size() == 3 || (lang != "ar" && sector.size() == 6);
        if (!sector.empty() && (!size_ok || !IsUpperCode(sector)))
          ck.Error(r.rule, "sector must be 3 capital letters: '" + sector + "'");
        std::set<std::string> own;
        for (const auto& n : SplitList(r.Get(names_col))) {
          if (!own.insert(key_of(n)).second) continue;
          note_name(agent_names, n, sector.empty() ? "(member)" : sector, r.rule, "agent");
        }
      }
    }
  }
  }  // langs

  // ---- places
  {
    std::map<std::string, std::string> ids;
    for (const char* rel : {"geo/places.tsv", "geo/regions.ar.tsv"}) {
      File f;
      if (!ck.Read(rel, {"id", "names_ar", "country", "lat", "lon"}, &f)) continue;
      for (const auto& r : f.rows) {
        ck.Required(r, {"id", "names_ar", "lat", "lon"});  // seas and border areas have no country
        auto [it, fresh] = ids.emplace(r.Get("id"), r.rule);
        if (!fresh && !r.Get("id").empty()) ck.Error(r.rule, "duplicate id '" + r.Get("id") + "' (first at " + it->second + ")");
        double lat = 0, lon = 0;
        if (!r.Get("lat").empty() && (!ParseNumber(r.Get("lat"), &lat) || lat < -90 || lat > 90))
          ck.Error(r.rule, "bad lat '" + r.Get("lat") + "'");
        if (!r.Get("lon").empty() && (!ParseNumber(r.Get("lon"), &lon) || lon < -180 || lon > 180))
          ck.Error(r.rule, "bad lon '" + r.Get("lon") + "'");
        if (!r.Get("geonames_id").empty() && !AllDigits(r.Get("geonames_id")))
          ck.Error(r.rule, "bad geonames_id '" + r.Get("geonames_id") + "'");
        if (!r.Get("population").empty() && !AllDigits(r.Get("population")))
          ck.Error(r.rule, "bad population '" + r.Get("population") + "'");
        const std::string& c = r.Get("country");
        // Natural Earth places may sit in territories the country tables lack (GIB, SJM).
        if (!c.empty() && (c.size() != 3 || !IsUpperCode(c))) ck.Error(r.rule, "bad country code '" + c + "'");
        for (const auto& n : SplitList(r.Get("names_ar"))) place_names[key_of(n)].insert(c);
      }
    }
    for (const auto& [n, cs] : place_names) rep->ambiguous_place_names += cs.size() > 1;
  }
  // ---- triggers, cues, modality (the lexicon's own loaders know their options)
  {
    std::map<std::string, std::string> ids;
    for (const std::string& lang : langs) {
    std::vector<std::string> files;
    ck.Dir(lang + "/triggers", &files);
    if (files.empty()) ck.Error(lang + "/triggers.tsv", "missing");
    if (lang != "ar") ids.clear();
    for (const auto& rel : files) {
    File f;
    if (ck.Read(rel, {"id", "cameo", "type", "forms"}, &f)) {
      for (const auto& r : f.rows) {
        ck.Required(r, {"id", "cameo", "type", "forms"});
        auto [it, fresh] = ids.emplace(r.Get("id"), r.rule);
        if (!fresh && !r.Get("id").empty()) ck.Error(r.rule, "duplicate id '" + r.Get("id") + "' (first at " + it->second + ")");
        if (!r.Get("cameo").empty() && !cameo.Find(r.Get("cameo"))) ck.Error(r.rule, "unknown CAMEO code '" + r.Get("cameo") + "'");
        const std::string& type = r.Get("type");
        if (type != "verb" && type != "noun") ck.Error(r.rule, "type must be verb or noun: '" + type + "'");
        for (const auto& opt : SplitList(r.Get("options"), ' ')) {
          size_t eq = opt.find('=');
          std::string key = opt.substr(0, eq), val = eq == std::string::npos ? "" : opt.substr(eq + 1);
          // Other options are the loader's to judge (the "(load)" step below).
          if (key == "third") {
            if (!cameo.Find(val)) ck.Error(r.rule, "unknown CAMEO code '" + val + "'");
          } else if (key == "if") {
            size_t colon = val.find(':');
            if (colon == std::string::npos || !cameo.Find(val.substr(colon + 1)))
              ck.Error(r.rule, "'if' wants TOPIC:CAMEO, got '" + val + "'");
          }
        }
      }
    }
    }
    }
  }
  {
    // Cue kinds are the loader's to judge (they grow with the coder): the "(load)" step below.
    for (const std::string& lang : langs) {
      File f;
      if (ck.Read(lang + "/cues.tsv", {"kind", "forms"}, &f))
        for (const auto& r : f.rows) ck.Required(r, {"kind", "forms"});
    }
  }
  {
    File f;
    if (ck.Read("modality.tsv", {"from", "intent"}, &f))
      for (const auto& r : f.rows)
        if (!cameo.Find(r.Get("intent"))) ck.Error(r.rule, "unknown CAMEO code '" + r.Get("intent") + "'");
  }
  // Finally the loader itself: anything it refuses that the checks above missed.
  if (rep->errors.empty()) {
    Lexicon lex;
    Status st = lex.LoadSources(dir);
    if (!st.ok()) ck.Error("(load)", st.message());
  }
  return Status::OK();
}

}  // namespace hadath
