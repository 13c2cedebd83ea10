#include "lexicon/lexicon.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <set>
#include <sstream>

#include "lexicon/image.h"
#include "text/english.h"
#include "util/hash.h"
#include "util/tsv.h"
#include "util/utf8.h"

#include <unistd.h>

namespace fs = std::filesystem;

namespace hadath {

bool DatedCode::Covers(const Ymd& d) const {
  if (!d.valid()) return !to.valid();
  // (valid dates order as their (year, month, day): no day count needed)
  if (from.valid() && d.Before(from)) return false;
  if (to.valid() && to.Before(d)) return false;
  return true;
}

void Lexicon::Derive() {
  trigger_flags_.assign(triggers.size(), 0);
  for (size_t k = 0; k < triggers.size(); ++k) {
    TriggerEntry& t = triggers[k];
    t.cameo_code = cameo_.Find(t.cameo);
    trigger_flags_[k] = (t.type == "verb" ? kVerbTrigger : 0) | (t.type == "noun" ? kNounTrigger : 0) |
                        (t.opt.object.empty() ? 0 : kObjectTrigger) | (t.opt.also ? kAlsoTrigger : 0);
  }
  cue_kinds_.resize(cues.size());
  cue_topics_.resize(cues.size());
  for (size_t k = 0; k < cues.size(); ++k) {
    cue_kinds_[k] = static_cast<uint8_t>(cues[k].kind);
    cue_topics_[k] = cues[k].topic_id;
  }
  coder_settings.discard_topic_ids.clear();
  for (const std::string& t : coder_settings.discard_topics)
    if (!t.empty()) coder_settings.discard_topic_ids.push_back(TopicId(t));
}

int TopicId(std::string_view topic) {
  static std::mutex mu;
  static std::unordered_map<std::string, int> ids;
  std::lock_guard<std::mutex> lock(mu);
  auto it = ids.find(std::string(topic));
  if (it != ids.end()) return it->second;
  const int id = static_cast<int>(ids.size());
  ids.emplace(std::string(topic), id);
  return id;
}

const std::string& ActorEntry::CodeOn(const Ymd& date) const {
  static const std::string kEmpty;
  if (codes.empty()) return kEmpty;
  for (const auto& c : codes)
    if (c.Covers(date) && (date.valid() || !c.former)) return c.code;
  // No role covers the date: the latest role that started before it, else the first listed.
  const DatedCode* best = nullptr;
  for (const auto& c : codes) {
    if (c.former && !date.valid()) continue;
    if (date.valid() && c.from.valid() && date.Before(c.from)) continue;
    if (!best || (c.from.valid() && (!best->from.valid() || best->from.Before(c.from)))) best = &c;
  }
  return best ? best->code : codes.front().code;
}

Status ParseDatedCodes(const std::string& s, std::vector<DatedCode>* out) {
  out->clear();
  for (const auto& item : SplitList(s, ';')) {
    std::istringstream in(item);
    DatedCode dc;
    std::string range;
    in >> dc.code >> range;
    if (dc.code.size() < 3) return Status::InvalidArgument("bad actor code '" + dc.code + "'");
    for (char c : dc.code)
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
        return Status::InvalidArgument("bad actor code '" + dc.code + "'");
    if (!range.empty()) {
      size_t dots = range.find("..");
      if (dots == std::string::npos) return Status::InvalidArgument("date range needs '..': '" + range + "'");
      std::string a = range.substr(0, dots), b = range.substr(dots + 2);
      if (!a.empty() && !Ymd::Parse(a, &dc.from)) return Status::InvalidArgument("bad date '" + a + "'");
      if (!b.empty() && !Ymd::Parse(b, &dc.to)) return Status::InvalidArgument("bad date '" + b + "'");
      if (dc.from.valid() && dc.to.valid() && dc.to.ToDays() < dc.from.ToDays())
        return Status::InvalidArgument("date range runs backwards: '" + range + "'");
    }
    out->push_back(std::move(dc));
  }
  if (out->empty()) return Status::InvalidArgument("no code");
  return Status::OK();
}

void AddFormerRoles(std::vector<DatedCode>* codes) {
  static const char* kState[] = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"};
  const size_t given = codes->size();
  for (size_t i = 0; i < given; ++i) {
    const DatedCode& c = (*codes)[i];
    if (!c.to.valid() || c.code.size() != 6) continue;
    const std::string country = c.code.substr(0, 3), sector = c.code.substr(3);
    if (country == "IGO" || country == "NGO" || country == "IMG") continue;
    if (std::none_of(std::begin(kState), std::end(kState), [&](const char* k) { return sector == k; })) continue;
    const Ymd after = Ymd::FromDays(c.to.ToDays() + 1);
    bool covered = false;
    int64_t next = INT64_MAX;  // the first day another given code starts after this one ended
    for (size_t k = 0; k < given; ++k) {
      covered |= (*codes)[k].Covers(after);
      if ((*codes)[k].from.valid() && (*codes)[k].from.ToDays() > c.to.ToDays()) next = std::min(next, (*codes)[k].from.ToDays());
    }
    if (covered) continue;
    DatedCode eli;
    eli.former = true;
    eli.code = country + "ELI";
    eli.from = after;
    if (next != INT64_MAX) eli.to = Ymd::FromDays(next - 1);
    codes->push_back(std::move(eli));
  }
}

bool IsPersonRow(const std::string& kind, const std::string& name_en, const std::string& codes) {
  if (kind == "person") return true;
  if (!kind.empty()) return false;
  // Words that name organisations, institutions and groups; acronyms.
  static const std::unordered_set<std::string> kOrgWords = {
      "academy", "administration", "agency", "alliance", "army", "assembly", "association", "authority",
      "bank", "battalion", "battalions", "board", "brigade", "brigades", "bureau", "cabinet", "center",
      "centre", "chamber", "coalition", "command", "commission", "committee", "committees", "company",
      "conference", "congress", "corporation", "corps", "council", "court", "department", "directorate",
      "division", "embassy", "faction", "federation", "force", "forces", "forum", "foundation", "front",
      "fund", "government", "group", "guard", "guards", "institute", "league", "legion", "militia",
      "militias", "ministry", "mission", "movement", "network", "office", "organisation", "organization",
      "parliament", "party", "police", "presidency", "programme", "program", "secretariat", "senate",
      "service", "services", "society", "state", "tribe", "tribes", "union", "unit", "units", "university",
      "agency", "bloc", "list", "hezbollah", "hamas", "fatah", "taliban", "qaeda", "jihad", "houthis",
      "kataib", "jaish", "ansar", "harakat", "tahrir", "sham", "shabaab", "boko", "haram", "regime",
      "opposition", "rebels", "monarchy", "kremlin", "pentagon", "knesset", "majlis", "jirga"};
  std::string word;
  auto flush = [&]() {
    bool org = false;
    if (word.size() >= 2) {
      bool upper = true;
      for (char c : word) upper &= (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      std::string low;
      for (char c : word) low.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      if (low.rfind("al-", 0) == 0) low = low.substr(3);
      org = upper || kOrgWords.count(low);
    }
    word.clear();
    return org;
  };
  for (char c : name_en + " ") {
    if (c == ' ' || c == '(' || c == ')' || c == ',' || c == '/' || c == '\'' || c == '"') {
      if (flush()) return false;
    } else {
      word.push_back(c);
    }
  }
  (void)codes;
  return !name_en.empty();
}

std::vector<std::string> Lexicon::Forms(const std::string& phrase) const {
  std::vector<std::string> forms;
  for (const auto& s : tokenizer_.Split(phrase))
    for (const auto& t : s.tokens) forms.emplace_back(t.norm);
  return forms;
}

const Lexicon& Lexicon::ForText(std::string_view text) const {
  size_t latin = 0, arabic = 0;
  for (unsigned char c : text) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++latin;
    else if (c >= 0xD8 && c <= 0xDB) ++arabic;  // lead bytes of U+0600..U+06FF
  }
  return ForLang(latin > arabic ? "en" : "ar");
}

std::vector<std::string> Lexicon::NameForms(const std::string& name) const {
  std::vector<std::string> forms = Forms(name);
  // English: a one-word name of two or three letters is an acronym, written in
  // lower case by imported dictionaries ("un", "eu"): match it as the tokenizer
  // folds "UN", "U.N." ("u.n."), never as the word "us" or "is".
  if (english() && forms.size() == 1 && forms[0].size() >= 2 && forms[0].size() <= 3 &&
      std::all_of(forms[0].begin(), forms[0].end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    std::string dotted;
    for (char c : forms[0]) { dotted.push_back(c); dotted.push_back('.'); }
    forms[0] = dotted;
  }
  return forms;
}

Lexicon::Lexicon() = default;
Lexicon::~Lexicon() = default;

Status Lexicon::LoadSmallTables(const std::string& dir) {
  HADATH_RETURN_IF_ERROR(normalizer_.Load(dir));
  HADATH_RETURN_IF_ERROR(tokenizer_.Load(dir, &normalizer_, lang_));
  HADATH_RETURN_IF_ERROR(dates_.Load(dir, &normalizer_));
  HADATH_RETURN_IF_ERROR(cameo_.Load(dir));
  HADATH_RETURN_IF_ERROR(LoadSettings(dir));
  return Status::OK();
}

Status Lexicon::LoadSources(const std::string& dir) {
  HADATH_RETURN_IF_ERROR(LoadLanguage(dir));
  en_.reset();
  std::error_code ec;
  if (lang_ == "ar" && fs::is_directory(fs::path(dir) / "en", ec)) {
    auto en = std::make_unique<Lexicon>();
    en->lang_ = "en";
    HADATH_RETURN_IF_ERROR(en->LoadLanguage(dir));
    en_ = std::move(en);
  }
  info_.from_image = false;
  Derive();
  if (en_) en_->Derive();
  return Status::OK();
}

Status Lexicon::LoadLanguage(const std::string& dir) {
  HADATH_RETURN_IF_ERROR(LoadSmallTables(dir));
  HADATH_RETURN_IF_ERROR(LoadCountries(dir));
  HADATH_RETURN_IF_ERROR(LoadActors(dir));
  HADATH_RETURN_IF_ERROR(LoadAgents(dir));
  HADATH_RETURN_IF_ERROR(LoadPlaces(dir, "geo/places.tsv"));
  HADATH_RETURN_IF_ERROR(LoadPlaces(dir, "geo/regions.ar.tsv"));
  if (std::error_code ec; english() && fs::exists(fs::path(dir) / Path("places.tsv"), ec))
    HADATH_RETURN_IF_ERROR(LoadPlaces(dir, Path("places.tsv")));  // en/places.tsv: English spellings
  HADATH_RETURN_IF_ERROR(LoadCues(dir));  // (before the triggers: their derived accusatives read its prepositions)
  HADATH_RETURN_IF_ERROR(LoadTriggers(dir));
  HADATH_RETURN_IF_ERROR(LoadModality(dir));
  for (PhraseMatcher* m : {&actor_matcher, &agent_matcher, &place_matcher, &trigger_matcher, &cue_matcher})
    m->Build();
  // The tokenizer keeps a clitic split only when its stem starts some entry;
  // in English, a stem reading only when it starts a trigger, and only the trigger and cue
  // matchers read it (actors, agents and places list their inflected forms as written:
  // "official|officials"; a trigger word must not make "state" match "states").
  std::unordered_set<std::string> vocab;
  if (english()) {
    for (PhraseMatcher* m : {&actor_matcher, &agent_matcher, &place_matcher}) m->SetBareOnly(true);
    trigger_matcher.FirstForms(&vocab);
    vocab_.assign(vocab.begin(), vocab.end());
    std::sort(vocab_.begin(), vocab_.end());
    tokenizer_.SetVocabulary(std::move(vocab));
    return Status::OK();
  }
  for (const PhraseMatcher* m : {&actor_matcher, &agent_matcher, &place_matcher, &trigger_matcher, &cue_matcher})
    m->FirstForms(&vocab);
  TsvFile date_words;  // the date grammar's words (weekdays with «و», «بال»…)
  HADATH_RETURN_IF_ERROR(LoadTsv(dir, "dates.tsv", {"forms"}, &date_words));
  for (const auto& row : date_words.rows)
    for (const auto& form : SplitList(row.Get("forms"))) {
      auto f = Forms(form);
      if (!f.empty()) vocab.insert(f[0]);
    }
  vocab_.assign(vocab.begin(), vocab.end());
  std::sort(vocab_.begin(), vocab_.end());
  tokenizer_.SetVocabulary(std::move(vocab));
  return Status::OK();
}

Status Lexicon::LoadCountries(const std::string& dir) {
  std::vector<std::string> sfx = {""};
  std::error_code ec;
  if (!english() || fs::exists(fs::path(dir) / Path("demonym_suffixes.tsv"), ec)) {
    TsvFile suffixes;
    HADATH_RETURN_IF_ERROR(LoadTsv(dir, Path("demonym_suffixes.tsv"), {"suffix"}, &suffixes));
    for (const auto& r : suffixes.rows)
      if (r.Get("suffix") != "-") sfx.push_back(normalizer_.Normalize(r.Get("suffix")));
  }
  const std::string names_col = NamesColumn(), demonyms_col = "demonyms_" + lang_, capital_col = "capital_" + lang_;

  // Country centroids, so that «في أوكرانيا» locates an event.
  TsvFile geo;
  HADATH_RETURN_IF_ERROR(LoadTsv(dir, "geo/countries.tsv", {"code", "lat", "lon"}, &geo));
  std::map<std::string, const TsvRow*> centroid;
  for (const auto& r : geo.rows) centroid[r.Get("code")] = &r;

  TsvFile f;
  HADATH_RETURN_IF_ERROR(LoadTsv(dir, Path("countries.tsv"), {"code", "name_en", names_col, demonyms_col, capital_col}, &f));
  for (const auto& row : f.rows) {
    const std::string& code = row.Get("code");
    if (code.size() != 3) return Status::Corrupt(row.rule + ": country code must have 3 letters");
    if (auto it = centroid.find(code); it != centroid.end()) {
      PlaceEntry p;
      p.id = "country:" + code;
      p.name_en = row.Get("name_en");
      p.country = code;
      p.rule = row.rule;
      p.lat = std::atof(it->second->Get("lat").c_str());
      p.lon = std::atof(it->second->Get("lon").c_str());
      uint32_t pidx = static_cast<uint32_t>(places.size());
      places.push_back(std::move(p));
      for (const auto& n : SplitList(row.Get(names_col))) place_matcher.Add(Forms(n), pidx);
    }
    auto add = [&](ActorEntry::Kind kind, const std::vector<std::string>& names, bool derive) {
      ActorEntry e;
      e.kind = kind;
      e.id = "country:" + code;
      e.name_en = row.Get("name_en");
      e.rule = row.rule;
      e.codes.push_back({code, {}, {}});
      uint32_t idx = static_cast<uint32_t>(actors.size());
      actors.push_back(std::move(e));
      for (const auto& n : names) {
        bool irregular = !n.empty() && n[0] == '*';
        std::vector<std::string> forms = Forms(irregular ? n.substr(1) : n);
        if (forms.empty()) continue;
        if (derive && !irregular) {
          for (const auto& s : sfx) {
            // Every word of a multiword demonym agrees: «الكوريين الجنوبيين».
            std::vector<std::string> f2 = forms;
            if (english()) f2.back() += s;  // "South Koreans"
            else for (auto& w : f2) w += s;
            if (f2.size() > 1 && !english()) {  // definite: «الكوريين الجنوبيين» (the first «ال» is a clitic)
              std::vector<std::string> f3 = f2;
              for (size_t k = 1; k < f3.size(); ++k) f3[k] = "\xD8\xA7\xD9\x84" + f3[k];
              actor_matcher.Add(f3, idx);
            }
            actor_matcher.Add(f2, idx);
          }
        } else {
          actor_matcher.Add(forms, idx);
        }
      }
    };
    add(ActorEntry::Kind::kCountry, SplitList(row.Get(names_col)), false);
    add(ActorEntry::Kind::kDemonym, SplitList(row.Get(demonyms_col)), true);
    add(ActorEntry::Kind::kCapital, SplitList(row.Get(capital_col)), false);
  }
  return Status::OK();
}

// "ar/actors.tsv" plus every "ar/actors/*.tsv", sorted: analysts add files
// per region or topic without touching the others.
static std::vector<std::string> DictFiles(const std::string& dir, const std::string& base) {
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::exists(fs::path(dir) / (base + ".tsv"), ec)) files.push_back(base + ".tsv");
  fs::path sub = fs::path(dir) / base;
  if (fs::is_directory(sub, ec)) {
    std::vector<std::string> more;
    for (const auto& e : fs::directory_iterator(sub, ec))
      if (e.path().extension() == ".tsv") more.push_back(base + "/" + e.path().filename().string());
    std::sort(more.begin(), more.end());
    files.insert(files.end(), more.begin(), more.end());
  }
  return files;
}

Status Lexicon::LoadActors(const std::string& dir) {
  auto files = DictFiles(dir, Path("actors"));
  if (files.empty() && !english()) return Status::NotFound("ar/actors.tsv: missing");
  // English entries share ids with the Arabic ones: an empty `codes` cell takes the
  // Arabic entry's codes, and an Arabic actor with no English entry is matched by its
  // `name_en` (rule: the Arabic row).
  std::deque<TsvFile> arabic_files;  // rows point into their file's header: keep them in place
  std::map<std::string, const TsvRow*> arabic;
  std::vector<const TsvRow*> arabic_order;
  if (english()) {
    for (const auto& file : DictFiles(dir, "ar/actors")) {
      TsvFile& af = arabic_files.emplace_back();
      HADATH_RETURN_IF_ERROR(LoadTsv(dir, file, {"id", "name_en", "codes"}, &af));
      for (const auto& row : af.rows) {
        arabic_order.push_back(&row);
        arabic.emplace(row.Get("id"), &row);
      }
    }
  }
  std::unordered_set<std::string> seen;
  const std::string names_col = NamesColumn();
  auto add_row = [&](const TsvRow& row, const TsvRow* inherit, const std::vector<std::string>& names) -> Status {
    ActorEntry e;
    e.kind = ActorEntry::Kind::kActor;
    e.id = row.Get("id");
    e.name_en = row.Get("name_en");
    e.rule = row.rule;
    e.wikidata = row.Get("wikidata");
    std::string codes = row.Get("codes");
    if (codes.empty() && inherit) {
      codes = inherit->Get("codes");
      if (e.name_en.empty()) e.name_en = inherit->Get("name_en");
      if (e.wikidata.empty()) e.wikidata = inherit->Get("wikidata");
    }
    std::string kind = row.Get("kind");
    if (kind.empty() && inherit) kind = inherit->Get("kind");
    e.person = IsPersonRow(kind, e.name_en, codes);
    if (codes.empty()) return Status::Corrupt(row.rule + ": no codes, and no Arabic entry with id '" + e.id + "' to inherit them from");
    Status st = ParseDatedCodes(codes, &e.codes);
    if (!st.ok()) return st.WithContext(row.rule);
    if (e.person) AddFormerRoles(&e.codes);
    uint32_t idx = static_cast<uint32_t>(actors.size());
    if (names.empty()) return Status::Corrupt(row.rule + ": no name in " + names_col);
    actors.push_back(std::move(e));
    for (const auto& n : names) {
      actor_matcher.Add(NameForms(n), idx);
      if (!english()) names_.insert(NameForms(n));
    }
    seen.insert(row.Get("id"));
    return Status::OK();
  };
  for (const auto& file : files) {
    TsvFile f;
    HADATH_RETURN_IF_ERROR(LoadTsv(dir, file, {"id", "name_en", names_col, "codes"}, &f));
    for (const auto& row : f.rows) {
      const TsvRow* inherit = nullptr;
      if (auto it = arabic.find(row.Get("id")); it != arabic.end()) inherit = it->second;
      HADATH_RETURN_IF_ERROR(add_row(row, inherit, SplitList(row.Get(names_col))));
    }
  }
  for (const TsvRow* row : arabic_order) {
    if (seen.count(row->Get("id")) || row->Get("name_en").empty()) continue;
    HADATH_RETURN_IF_ERROR(add_row(*row, nullptr, {row->Get("name_en")}));
  }
  return Status::OK();
}

Status Lexicon::LoadAgents(const std::string& dir) {
  auto files = DictFiles(dir, Path("agents"));
  if (files.empty()) return Status::NotFound(Path("agents.tsv") + ": missing");
  const std::string names_col = NamesColumn();
  for (const auto& file : files) {
    TsvFile f;
    HADATH_RETURN_IF_ERROR(LoadTsv(dir, file, {"id", "sector", names_col}, &f));
    for (const auto& row : f.rows) {
      AgentEntry a{row.Get("id"), row.Get("sector"), row.Get("name_en"), row.rule};
      // PETRARCH agents may carry two sector blocks (English only).
      bool ok = a.sector.empty() || a.sector.size() == 3 || (english() && a.sector.size() == 6);
      if (!ok) return Status::Corrupt(row.rule + ": sector must have 3 letters");
      uint32_t idx = static_cast<uint32_t>(agents.size());
      agents.push_back(std::move(a));
      for (const auto& n : SplitList(row.Get(names_col))) {
        agent_matcher.Add(NameForms(n), idx);
        if (!english()) names_.insert(NameForms(n));
      }
    }
  }
  return Status::OK();
}

Status Lexicon::LoadPlaces(const std::string& dir, const std::string& file) {
  TsvFile f;
  // English: the gazetteer's `name_en`, plus `names_en` where a file has it.
  std::vector<std::string> required = {"id", english() ? "name_en" : "names_ar", "country", "lat", "lon"};
  HADATH_RETURN_IF_ERROR(LoadTsv(dir, file, required, &f));
  for (const auto& row : f.rows) {
    PlaceEntry p;
    p.id = row.Get("id");
    p.name_en = row.Get("name_en");
    p.country = row.Get("country");
    p.rule = row.rule;
    char* end = nullptr;
    p.lat = std::strtod(row.Get("lat").c_str(), &end);
    if (*end) return Status::Corrupt(row.rule + ": bad lat");
    p.lon = std::strtod(row.Get("lon").c_str(), &end);
    if (*end) return Status::Corrupt(row.rule + ": bad lon");
    if (!row.Get("geonames_id").empty()) p.geonames_id = std::atoll(row.Get("geonames_id").c_str());
    p.population = std::atoll(row.Get("population").c_str());
    p.capital = row.Get("capital") == "1";
    uint32_t idx = static_cast<uint32_t>(places.size());
    places.push_back(std::move(p));
    if (english()) {
      place_matcher.Add(Forms(row.Get("name_en")), idx);
      for (const auto& n : SplitList(row.Get("names_en"))) place_matcher.Add(Forms(n), idx);
    } else {
      for (const auto& n : SplitList(row.Get("names_ar"))) place_matcher.Add(Forms(n), idx);
    }
  }
  return Status::OK();
}

Status Lexicon::LoadTriggers(const std::string& dir) {
  auto files = DictFiles(dir, Path("triggers"));
  if (files.empty()) return Status::NotFound(Path("triggers.tsv") + ": missing");
  // Arabic nouns also match in the indefinite accusative («نظموا اعتصاما», «شن هجوما»),
  // derived once every row is read: a form listed in any row keeps that row, and a form that
  // names an actor or a role noun is left to them.
  struct Pending { std::string form; uint32_t row; std::vector<std::string> fixed; };  // noun form as written
  std::vector<Pending> accusatives;
  std::set<std::vector<std::string>> listed;                  // matching forms of every listed phrase
  std::set<std::vector<std::string>> verb_forms;              // … of every verb form
  for (const auto& file : files) {
  TsvFile f;
  HADATH_RETURN_IF_ERROR(LoadTsv(dir, file, {"id", "cameo", "type", "forms"}, &f));
  for (const auto& row : f.rows) {
    TriggerEntry t;
    t.id = row.Get("id");
    t.cameo = row.Get("cameo");
    t.type = row.Get("type");
    t.rule = row.rule;
    if (!cameo_.Find(t.cameo)) return Status::Corrupt(row.rule + ": unknown CAMEO code '" + t.cameo + "'");
    if (t.type != "verb" && t.type != "noun") return Status::Corrupt(row.rule + ": type must be verb or noun");
    for (const auto& opt : SplitList(row.Get("options"), ' ')) {
      size_t eq = opt.find('=');
      std::string key = opt.substr(0, eq), val = eq == std::string::npos ? "" : opt.substr(eq + 1);
      if (key == "target") {
        for (const auto& p : SplitList(val)) t.target_preps.push_back(normalizer_.Normalize(p));
      } else if (key == "third") {
        if (!cameo_.Find(val)) return Status::Corrupt(row.rule + ": unknown CAMEO code '" + val + "'");
        t.third_location = val;
      } else if (key == "if") {
        size_t colon = val.find(':');
        if (colon == std::string::npos || !cameo_.Find(val.substr(colon + 1)))
          return Status::Corrupt(row.rule + ": 'if' wants TOPIC:CAMEO, got '" + val + "'");
        t.qualifiers.push_back({val.substr(0, colon), val.substr(colon + 1)});
      } else if (key == "needs_target") {
        t.needs_target = true;
      } else if (key == "actorless") {
        t.actorless = true;
      } else {
        t.options[key] = val;  // read by the coder (src/code/coder.cc), checked below
      }
    }
    HADATH_RETURN_IF_ERROR(ParseTriggerOptions(&cameo_, row.rule, &t));
    uint32_t idx = static_cast<uint32_t>(triggers.size());
    const std::vector<std::string> row_forms = SplitList(row.Get("forms"));
    const auto opt_na = t.options.find("no_accusative");
    const std::vector<std::string> no_accusative = opt_na == t.options.end() ? std::vector<std::string>{} : SplitList(opt_na->second);
    for (const auto& w : no_accusative) {
      bool found = false;
      for (const auto& n : row_forms)
        for (const auto& word : SplitList(n, ' ')) found |= word == w;
      if (!found) return Status::Corrupt(row.rule + ": option 'no_accusative' names '" + w + "', not a word of this row's forms");
    }
    if (!english() && t.type == "noun")
      for (const auto& n : row_forms) accusatives.push_back({n, idx, no_accusative});
    triggers.push_back(std::move(t));
    const bool verb = triggers.back().type == "verb";
    for (const auto& n : row_forms) {
      std::vector<std::string> forms = Forms(n);
      if (!english()) {
        listed.insert(forms);
        if (verb) verb_forms.insert(forms);
      }
      trigger_matcher.Add(forms, idx);
      // English verbs also match through their first word's Snowball stem
      // ("condemned", "condemns" → condemn); nouns match as written.
      if (english() && verb && !forms.empty()) {
        std::string stem = english::StemOf(forms[0]);
        if (stem != forms[0]) {
          forms[0] = stem;
          trigger_matcher.Add(forms, idx);
        }
      }
    }
  }
  }
  auto is_prep = [&](const std::string& w) {
    std::vector<std::string> f = Forms(w);
    return f.size() == 1 && prepositions_.count(f[0]) > 0;
  };
  for (const auto& [form, idx, fixed] : accusatives) {
    std::string acc = ArabicIndefiniteAccusative(form, is_prep, fixed);
    if (acc.empty()) continue;
    std::vector<std::string> base = Forms(form), forms = Forms(acc);
    // A verbal noun written as a verb («قتل», «خطف», «قصف») has an «ـا» form that is the
    // verb's dual («قتلا»: the two were killed), which news writes far more often; an
    // adjective that agrees tells the noun («قصفا مدفعيا»).
    if (!base.empty() && verb_forms.count({base[0]}) &&
        std::equal(base.begin() + 1, base.end(), forms.begin() + 1, forms.end()))
      continue;
    // (not a form an actor or a role noun is named by: «انتحاريا», «جريحا» are people)
    bool fresh = !names_.count(forms) && listed.insert(forms).second;
    if (fresh) trigger_matcher.Add(forms, idx);
  }
  prepositions_.clear();
  names_.clear();
  return Status::OK();
}

Status Lexicon::LoadCues(const std::string& dir) {
  static const std::map<std::string, CueKind> kKinds = {
      {"negation", CueKind::kNegation},       {"uncertain", CueKind::kUncertain},
      {"hypothetical", CueKind::kHypothetical}, {"intent", CueKind::kIntent},
      {"complementizer", CueKind::kComplementizer}, {"relative", CueKind::kRelative},
      {"preposition", CueKind::kPreposition}, {"location_prep", CueKind::kLocationPrep},
      {"light_verb", CueKind::kLightVerb},   {"conjunction", CueKind::kConjunction},
      {"background", CueKind::kBackground},   {"unrealized", CueKind::kUnrealized},
      {"passive_agent", CueKind::kPassiveAgent},
      {"determiner", CueKind::kDeterminer},     {"coordinator", CueKind::kCoordinator},
      {"passive_aux", CueKind::kPassiveAux}, {"subordinate", CueKind::kSubordinate}};
  // cues.tsv, then cues/*.tsv (sorted): the topics of one family's triggers may live beside them.
  for (const auto& file : DictFiles(dir, Path("cues"))) {
  TsvFile f;
  HADATH_RETURN_IF_ERROR(LoadTsv(dir, file, {"kind", "forms"}, &f));
  for (const auto& row : f.rows) {
    const std::string& kind = row.Get("kind");
    CueEntry cue{CueKind::kTopic, "", row.rule};
    if (kind.rfind("topic:", 0) == 0) {
      cue.topic = kind.substr(6);
      cue.topic_id = TopicId(cue.topic);
    } else {
      auto it = kKinds.find(kind);
      if (it == kKinds.end()) return Status::Corrupt(row.rule + ": unknown cue kind '" + kind + "'");
      cue.kind = it->second;
    }
    for (const auto& n : SplitList(row.Get("forms"))) {
      uint32_t idx = static_cast<uint32_t>(cues.size());
      cues.push_back(cue);
      std::vector<std::string> forms = Forms(n);
      if (cue.kind == CueKind::kPreposition && forms.size() == 1) prepositions_.insert(forms[0]);
      cue_matcher.Add(forms, idx);
    }
  }
  }
  return Status::OK();
}

Status Lexicon::LoadModality(const std::string& dir) {
  TsvFile f;
  HADATH_RETURN_IF_ERROR(LoadTsv(dir, "modality.tsv", {"from", "intent"}, &f));
  for (const auto& row : f.rows) {
    if (!cameo_.Find(row.Get("intent"))) return Status::Corrupt(row.rule + ": unknown CAMEO code '" + row.Get("intent") + "'");
    intent.prefix_to_code.emplace_back(row.Get("from"), row.Get("intent"));
  }
  std::stable_sort(intent.prefix_to_code.begin(), intent.prefix_to_code.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return Status::OK();
}

namespace {

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A word as written, without its short vowels, tanween, shadda and tatweel (U+064B..U+065F,
// U+0670, U+0640): «هجوماً» → «هجوما».
std::string Bare(const std::string& w) {
  std::string out;
  for (size_t i = 0; i < w.size();) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    len = std::min(len, w.size() - i);
    bool mark = false;
    if (len == 2) {
      unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(w[i + 1]) & 0x3Fu);
      mark = (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640;
    }
    if (!mark) out.append(w, i, len);
    i += len;
  }
  return out;
}

}  // namespace

bool HasArabicArticle(std::string_view prefix) {
  return prefix.find("\xD8\xA7\xD9\x84") != std::string_view::npos ||  // ال
         prefix.find("\xD9\x84\xD9\x84") != std::string_view::npos;    // لل (ل + ال)
}

void DropArticlePlaces(std::vector<PhraseMatch>* places) {
  std::erase_if(*places, [](const PhraseMatch& pm) { return HasArabicArticle(pm.prefix); });
}

void DropPlainWordNames(const std::vector<std::string>& plain_words, const std::vector<Token>& toks,
                        std::vector<PhraseMatch>* names) {
  if (plain_words.empty()) return;
  std::erase_if(*names, [&](const PhraseMatch& pm) {
    return !pm.prefix.empty() && pm.begin < toks.size() &&
           std::find(plain_words.begin(), plain_words.end(), toks[pm.begin].norm) != plain_words.end();
  });
}

std::string ArabicIndefiniteAccusative(const std::string& phrase,
                                       const std::function<bool(const std::string&)>& is_preposition,
                                       const std::vector<std::string>& fixed) {
  static const std::string kAlef = "\xD8\xA7", kArticle = "\xD8\xA7\xD9\x84", kLil = "\xD9\x84\xD9\x84",
                           kYa = "\xD9\x8A", kAt = "\xD8\xA7\xD8\xAA";
  // No «ـا» after «ة», «ء», «ى», an alef («ا», «أ», «آ», «إ»), nor on the plural «ـات» (its
  // accusative ends in «ـاتٍ»); the other letters of Arabic take it.
  auto takes_alef = [&](const std::string& w) {
    if (std::find(fixed.begin(), fixed.end(), w) != fixed.end()) return false;  // option no_accusative
    if (w.size() < 4 || static_cast<unsigned char>(w[w.size() - 2]) < 0xD8 ||
        static_cast<unsigned char>(w[w.size() - 2]) > 0xDB)
      return false;  // not an Arabic word of two letters or more
    for (const char* end : {"\xD8\xA9", "\xD8\xA1", "\xD9\x89", "\xD8\xA7", "\xD8\xA3", "\xD8\xA2", "\xD8\xA5"})
      if (EndsWith(w, end)) return false;
    return !EndsWith(w, kAt);
  };
  std::vector<std::string> words = SplitList(phrase, ' ');
  if (words.empty()) return "";
  for (auto& w : words) w = Bare(w);
  if (words[0].rfind(kArticle, 0) == 0) return "";  // definite: no tanween
  const bool head = takes_alef(words[0]);
  bool changed = head, adjective = false;
  std::string out = words[0] + (head ? kAlef : "");
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (is_preposition(w) || w.rfind(kLil, 0) == 0) {  // «عن الطعام», «للغضب»: stays as it is
      for (size_t k = i; k < words.size(); ++k) out += " " + words[k];
      break;
    }
    if (w.rfind(kArticle, 0) == 0) return "";  // a definite genitive: «إطلاق النار»
    if (EndsWith(w, kYa) && takes_alef(w)) {   // a nisba adjective agrees: «اتصالا هاتفيا»
      out += " " + w + kAlef;
      changed = adjective = true;
    } else if (!takes_alef(w)) {
      // «مسيرة احتجاجية», «قافلة مساعدات»: unchanged; after a head that took «ـا» it is a
      // genitive («توقيع اتفاقية», «تبادل أسرى»): the head then takes none.
      if (head && !adjective) return "";
      out += " " + w;
    } else if (adjective) {  // after an adjective, another one: «تمرينا عسكريا مشتركا»
      out += " " + w + kAlef;
      changed = true;
    } else {
      return "";  // a genitive («إطلاق نار», «أعمال شغب») or an adjective («قرض ميسر»): cannot be told
    }
  }
  return changed ? out : "";
}

Status ParseTriggerOptions(const CameoTable* cameo, const std::string& rule, TriggerEntry* t) {
  TriggerEntry::Options& o = t->opt;
  o = TriggerEntry::Options{};
  auto list = [&](const std::string& key, const std::string& val, std::vector<std::string>* out) {
    *out = SplitList(val);
    return out->empty() ? Status::Corrupt(rule + ": option '" + key + "' wants a '|' list") : Status::OK();
  };
  for (const auto& [key, val] : t->options) {
    const bool flag = key == "refers" || key == "passive" || key == "imperfect" || key == "adverb" ||
                      key == "prep_target" || key == "self_target" || key == "reciprocal" || key == "first_person" ||
                      key == "attribution" || key == "also";
    if (flag && !val.empty()) return Status::Corrupt(rule + ": option '" + key + "' takes no value");
    if (key == "refers") o.refers = true;
    else if (key == "adverb") o.adverb = true;
    else if (key == "passive") o.passive = true;
    else if (key == "imperfect") o.imperfect = true;
    else if (key == "prep_target") o.prep_target = true;
    else if (key == "self_target") o.self_target = true;
    else if (key == "reciprocal") o.reciprocal = true;
    else if (key == "first_person") o.first_person = true;
    else if (key == "attribution") o.attribution = true;
    else if (key == "also") o.also = true;
    else if (key == "genitive") {
      if (val != "target") return Status::Corrupt(rule + ": option 'genitive' wants 'target', got '" + val + "'");
      o.genitive_target = true;
    } else if (key == "unarmed") {
      if (cameo && !cameo->Find(val)) return Status::Corrupt(rule + ": unknown CAMEO code '" + val + "'");
      o.unarmed = val;
    } else if (key == "unless_next") {
      o.has_unless_next = true;
      HADATH_RETURN_IF_ERROR(list(key, val, &o.unless_next));
    } else if (key == "unless_near") {
      o.has_unless_near = true;
      HADATH_RETURN_IF_ERROR(list(key, val, &o.unless_near));
    } else if (key == "counted") {
      o.has_counted = true;
      HADATH_RETURN_IF_ERROR(list(key, val, &o.counted));
    } else if (key == "only_near") {
      o.has_only_near = true;
      HADATH_RETURN_IF_ERROR(list(key, val, &o.only_near));
    } else if (key == "light") {
      HADATH_RETURN_IF_ERROR(list(key, val, &o.light));
    } else if (key == "subject") {
      HADATH_RETURN_IF_ERROR(list(key, val, &o.subject));
    } else if (key == "object") {
      HADATH_RETURN_IF_ERROR(list(key, val, &o.object));
    } else if (key == "object_within") {
      char* end = nullptr;
      long w = std::strtol(val.c_str(), &end, 10);
      if (val.empty() || *end != '\0' || w < 1 || w > 12)
        return Status::Corrupt(rule + ": option 'object_within' wants a number of words from 1 to 12, got '" + val + "'");
      o.object_within = static_cast<size_t>(w);
    } else if (key == "no_accusative") {  // (Arabic nouns) words that take no «ـا»: read by LoadTriggers
      std::vector<std::string> forms;
      HADATH_RETURN_IF_ERROR(list(key, val, &forms));
    } else if (key == "source") {
      HADATH_RETURN_IF_ERROR(list(key, val, &o.source_preps));
    } else {
      return Status::Corrupt(rule + ": unknown option '" + key + "'");
    }
  }
  if (o.object_within && o.object.empty())
    return Status::Corrupt(rule + ": option 'object_within' needs option 'object'");
  if (!o.object.empty() && !o.object_within) o.object_within = 5;
  return Status::OK();
}

namespace {
// The settings that are lists of single words compared with tokens (each folded as the
// tokenizer folds a word), or null.
std::vector<std::string> CoderSettings::*CueWordList(const std::string& key) {
  static const std::pair<const char*, std::vector<std::string> CoderSettings::*> kLists[] = {
      {"rough_count_words", &CoderSettings::rough_count_words},
      {"of_pronouns", &CoderSettings::of_pronouns},
      {"capital_month_words", &CoderSettings::capital_month_words},
      {"person_pronouns", &CoderSettings::person_pronouns},
      {"object_person_pronouns", &CoderSettings::object_person_pronouns},
      {"agent_words", &CoderSettings::agent_words},
      {"directive_speech_verbs", &CoderSettings::directive_speech_verbs},
      {"perfect_auxiliaries", &CoderSettings::perfect_auxiliaries},
      {"toll_count_words", &CoderSettings::toll_count_words},
      {"owner_participles", &CoderSettings::owner_participles},
  };
  for (const auto& [name, list] : kLists)
    if (key == name) return list;
  return nullptr;
}
}  // namespace

Status Lexicon::LoadSettings(const std::string& dir) {
  coder_settings = CoderSettings{};
  std::error_code ec;
  if (!fs::exists(fs::path(dir) / Path("settings.tsv"), ec)) return Status::OK();  // optional
  TsvFile f;
  HADATH_RETURN_IF_ERROR(LoadTsv(dir, Path("settings.tsv"), {"key", "value"}, &f));
  CoderSettings& c = coder_settings;
  for (const auto& row : f.rows) {
    const std::string& key = row.Get("key");
    const std::string& val = row.Get("value");
    auto number = [&](long* out) {
      char* end = nullptr;
      long v = std::strtol(val.c_str(), &end, 10);
      if (val.empty() || *end != '\0' || v < 0)
        return Status::Corrupt(row.rule + ": '" + key + "' wants a whole number ≥ 0, got '" + val + "'");
      *out = v;
      return Status::OK();
    };
    auto roots = [&](std::vector<std::string>* out) {
      *out = SplitList(val);
      for (const auto& r : *out)
        if (r.size() != 2 || !std::isdigit(static_cast<unsigned char>(r[0])) || !std::isdigit(static_cast<unsigned char>(r[1])))
          return Status::Corrupt(row.rule + ": '" + key + "' wants CAMEO roots like 18|19, got '" + r + "'");
      return Status::OK();
    };
    auto codes = [&](std::vector<std::string>* out) {
      *out = SplitList(val);
      for (const auto& code : *out)
        if (!cameo_.Find(code)) return Status::Corrupt(row.rule + ": unknown CAMEO code '" + code + "'");
      return Status::OK();
    };
    auto word = [&](std::string* out) {
      if (val.empty()) return Status::Corrupt(row.rule + ": '" + key + "' wants a value");
      *out = val;
      return Status::OK();
    };
    // a word of a cue list as the tokenizer gives it (English: lower case, "n't" → "not")
    auto word_form = [&](const std::string& w) { return lang_ == "en" ? english::Fold(w, normalizer_) : normalizer_.Normalize(w); };
    if (key == "history_days") {
      HADATH_RETURN_IF_ERROR(number(&c.history_days));
    } else if (key == "surname_min_letters") {
      HADATH_RETURN_IF_ERROR(number(&c.surname_min_letters));
    } else if (key == "unrealized_window") {
      long w = 0;
      HADATH_RETURN_IF_ERROR(number(&w));
      c.unrealized_window = static_cast<size_t>(w);
    } else if (key == "headline_date") {
      if (val != "lead" && val != "document")
        return Status::Corrupt(row.rule + ": 'headline_date' wants lead or document, got '" + val + "'");
      c.headline_takes_lead_date = val == "lead";
    } else if (key == "armed_sectors") {
      c.armed_sectors = SplitList(val);
      for (const auto& sec : c.armed_sectors)
        if (sec.size() != 3) return Status::Corrupt(row.rule + ": 'armed_sectors' wants three-letter sectors, got '" + sec + "'");
    } else if (key == "location_target_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.location_target_roots));
    } else if (key == "background_clause_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.background_clause_roots));
    } else if (key == "anchor_topics") {
      c.anchor_topics = SplitList(val);
    } else if (key == "armed_topic") {
      HADATH_RETURN_IF_ERROR(word(&c.armed_topic));
    } else if (key == "history_topic") {
      HADATH_RETURN_IF_ERROR(word(&c.history_topic));
    } else if (key == "year_topic") {
      HADATH_RETURN_IF_ERROR(word(&c.year_topic));
    } else if (key == "prospective_topic") {
      HADATH_RETURN_IF_ERROR(word(&c.prospective_topic));
    } else if (key == "judged_topic") {
      HADATH_RETURN_IF_ERROR(word(&c.judged_topic));
    } else if (key == "habitual_topic") {
      HADATH_RETURN_IF_ERROR(word(&c.habitual_topic));
    } else if (key == "harm_topic") {
      HADATH_RETURN_IF_ERROR(word(&c.harm_topic));
    } else if (key == "undergo_topic") {
      HADATH_RETURN_IF_ERROR(word(&c.undergo_topic));
    } else if (key == "witness_topic") {
      HADATH_RETURN_IF_ERROR(word(&c.witness_topic));
    } else if (key == "quantity_topics") {
      c.quantity_topics = SplitList(val);
    } else if (key == "discard_topics") {
      c.discard_topics = SplitList(val);
    } else if (key == "discard_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.discard_roots));
    } else if (key == "honorific_topic") {
      HADATH_RETURN_IF_ERROR(word(&c.honorific_topic));
    } else if (key == "home_topic") {
      HADATH_RETURN_IF_ERROR(word(&c.home_topic));
    } else if (key == "home_sources") {
      c.home_sources.clear();
      for (const auto& item : SplitList(val)) {
        const size_t eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || item.size() - eq - 1 != 3)
          return Status::Corrupt(row.rule + ": 'home_sources' wants outlet=CODE items, got '" + item + "'");
        c.home_sources.emplace_back(item.substr(0, eq), item.substr(eq + 1));
      }
    } else if (key == "reciprocal_codes") {
      c.reciprocal_codes = SplitList(val);
      for (const auto& code : c.reciprocal_codes)
        if (!cameo_.Find(code)) return Status::Corrupt(row.rule + ": unknown CAMEO code '" + code + "'");
    } else if (key == "place_state_sectors" || key == "home_role_sectors") {
      auto& out = key == "place_state_sectors" ? c.place_state_sectors : c.home_role_sectors;
      out = SplitList(val);
      for (const auto& sec : out)
        if (sec.size() != 3) return Status::Corrupt(row.rule + ": '" + key + "' wants three-letter sectors, got '" + sec + "'");
    } else if (key == "circumstance_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.circumstance_roots));
    } else if (key == "home_target_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.home_target_roots));
    } else if (key == "location_source_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.location_source_roots));
    } else if (key == "location_recipient_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.location_recipient_roots));
    } else if (key == "coalition_agents") {
      c.coalition_agents = SplitList(val);
    } else if (key == "lam_genitive_agents") {
      c.lam_genitive_agents = SplitList(val);
    } else if (key == "theatre_role_sectors") {
      c.theatre_role_sectors = SplitList(val);
    } else if (key == "plain_words") {
      c.plain_words.clear();
      for (const auto& w : SplitList(val)) c.plain_words.push_back(normalizer_.Normalize(w));
    } else if (key == "theatre_agents") {
      c.theatre_agents = SplitList(val);
    } else if (key == "former_words") {
      c.former_words = SplitList(val);
    } else if (key == "toll_codes") {
      HADATH_RETURN_IF_ERROR(codes(&c.toll_codes));
    } else if (key == "toll_verb_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.toll_verb_roots));
    } else if (key == "toll_act_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.toll_act_roots));
    } else if (key == "pair_nouns") {
      c.pair_nouns = SplitList(val);
    } else if (key == "open_demand_triggers") {
      c.open_demand_triggers = SplitList(val);
    } else if (key == "unattributed_sectors") {
      c.unattributed_sectors = SplitList(val);
    } else if (key == "coup_words") {
      c.coup_words = SplitList(val);
    } else if (key == "foreign_only_agents") {
      c.foreign_only_agents = SplitList(val);
    } else if (key == "party_agents") {
      c.party_agents = SplitList(val);
    } else if (key == "coalition_leaders") {
      c.coalition_leaders.clear();
      for (const auto& item : SplitList(val)) {
        const size_t eq = item.find('=');
        if (eq != 3 || item.size() != 7)
          return Status::Corrupt(row.rule + ": 'coalition_leaders' wants THEATRE=LEADER country codes, got '" + item + "'");
        c.coalition_leaders.emplace_back(item.substr(0, 3), item.substr(4));
      }
    } else if (key == "detail_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.detail_roots));
    } else if (key == "own_target_codes") {
      HADATH_RETURN_IF_ERROR(codes(&c.own_target_codes));
    } else if (key == "home_appeal_codes") {
      HADATH_RETURN_IF_ERROR(codes(&c.home_appeal_codes));
    } else if (key == "shared_agent_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.shared_agent_roots));
    } else if (key == "dyadic_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.dyadic_roots));
    } else if (key == "dyadic_files") {
      c.dyadic_files = SplitList(val);
    } else if (key == "open_target_roots") {
      HADATH_RETURN_IF_ERROR(roots(&c.open_target_roots));
    } else if (std::vector<std::string> CoderSettings::*list = CueWordList(key)) {
      auto& out = c.*list;
      out.clear();
      for (const auto& w : SplitList(val)) {
        if (w.find(' ') != std::string::npos)
          return Status::Corrupt(row.rule + ": '" + key + "' wants single words, got '" + w + "'");
        out.push_back(word_form(w));
      }
    } else if (key == "pair_words" || key == "naming_phrases") {  // phrases of words, as tokens
      auto& out = key == "pair_words" ? c.pair_words : c.naming_phrases;
      out = WordPhrases{};
      for (const auto& item : SplitList(val)) {
        std::vector<std::string> words;
        std::istringstream in(item);
        for (std::string w; in >> w;) words.push_back(word_form(w));
        if (words.empty() || words[0].empty()) return Status::Corrupt(row.rule + ": '" + key + "' has an empty phrase");
        if (words[0].size() < 64) out.first_sizes |= uint64_t{1} << words[0].size();
        out.first_hashes |= uint64_t{1} << (Fnv1a32(words[0]) % 64);
        out.phrases.push_back(std::move(words));
      }
    } else if (key == "reciprocal_preps") {
      c.reciprocal_preps.clear();
      for (const auto& w : SplitList(val)) c.reciprocal_preps.push_back(normalizer_.Normalize(w));
    } else {
      return Status::Corrupt(row.rule + ": unknown setting '" + key + "'");
    }
  }
  return Status::OK();
}

std::string IntentMap::Map(const std::string& cameo) const {
  for (const auto& [from, to] : prefix_to_code)
    if (cameo.compare(0, from.size(), from) == 0) return to;
  return "";
}

std::string Lexicon::Stats() const {
  std::ostringstream s;
  if (english()) s << "[en] ";
  s << "actors=" << actors.size() << " agents=" << agents.size() << " places=" << places.size()
    << " triggers=" << triggers.size() << " cues=" << cues.size() << " cameo=" << cameo_.size();
  if (en_) s << "\n" << en_->Stats();
  return s.str();
}

}  // namespace hadath
