// hadath dict: the dictionaries' own tools — compile (the cached image),
// check (every problem, file:line), stats (entry counts), lookup (what a phrase
// resolves to and why), import-petrarch (PETRARCH/Phoenix → hadath TSV),
// import-cameo-verbs (PETRARCH's CAMEO verb patterns → hadath triggers).
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "lexicon/cameo.h"
#include "lexicon/check.h"
#include "lexicon/image.h"
#include "lexicon/lexicon.h"
#include "lexicon/mentions.h"
#include "lexicon/petrarch.h"
#include "text/english.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace fs = std::filesystem;

namespace hadath::cli {

namespace {

double Ms(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

const char* ActorKindName(ActorEntry::Kind k) {
  switch (k) {
    case ActorEntry::Kind::kCountry: return "country";
    case ActorEntry::Kind::kCapital: return "capital";
    case ActorEntry::Kind::kDemonym: return "demonym";
    case ActorEntry::Kind::kActor: return "actor";
  }
  return "?";
}

std::string FileOf(const std::string& rule) { return rule.substr(0, rule.rfind(':')); }

std::string CodesString(const ActorEntry& e) {
  std::string s;
  for (const auto& c : e.codes) {
    if (!s.empty()) s += "; ";
    s += c.code;
    if (c.from.valid() || c.to.valid()) s += " " + c.from.ToString() + ".." + c.to.ToString();
  }
  return s;
}

void Compile(Globals& g, const std::string& out_path, int runs) {
  const std::string dir = ResolveDataDir(g.data_dir, g.argv0);
  auto t0 = std::chrono::steady_clock::now();
  uint64_t key = 0;
  Status st = Lexicon::SourceKey(dir, &key);
  Lexicon lex;
  if (st.ok()) st = lex.LoadSources(dir);
  if (!st.ok()) {
    fmt::print(stderr, "hadath: {}: {}\n", dir, st.message());
    g.exit_code = 2;
    return;
  }
  const std::string bytes = lex.Serialize(key);
  auto t1 = std::chrono::steady_clock::now();
  std::string path = out_path;
  if (path.empty()) {
    for (const auto& c : Lexicon::CacheDirs()) {
      std::string p = c + "/" + Lexicon::ImageName(key);
      if (WriteFileAtomic(p, bytes).ok()) { path = p; break; }
    }
    if (path.empty()) {
      fmt::print(stderr, "hadath: no writable cache directory (set HADATH_CACHE)\n");
      g.exit_code = 1;
      return;
    }
  } else if (Status w = WriteFileAtomic(path, bytes); !w.ok()) {
    fmt::print(stderr, "hadath: {}\n", w.message());
    g.exit_code = 1;
    return;
  }
  // Load it back, several times: the median is the load time.
  std::vector<double> times;
  for (int r = 0; r < std::max(1, runs); ++r) {
    Lexicon back;
    auto a = std::chrono::steady_clock::now();
    Status ls = back.LoadImage(dir, path, key);
    auto b = std::chrono::steady_clock::now();
    if (!ls.ok()) {
      fmt::print(stderr, "hadath: {}: the image does not load back: {}\n", path, ls.message());
      g.exit_code = 1;
      return;
    }
    times.push_back(Ms(a, b));
  }
  std::sort(times.begin(), times.end());
  fmt::print("image    {}\nsize     {} bytes\nkey      {:016x} ({} source files)\nentries  {}\n"
             "compile  {:.1f} ms (TSV parsed, names normalized, matchers built)\nload     {:.2f} ms (median of {}: mapped, checked, entries decoded)\n",
             path, bytes.size(), key, Lexicon::SourceFiles(dir).size(), lex.Stats(), Ms(t0, t1),
             times[times.size() / 2], times.size());
}

void Check(Globals& g, bool quiet) {
  const std::string dir = ResolveDataDir(g.data_dir, g.argv0);
  CheckReport rep;
  Status st = CheckDictionaries(dir, &rep);
  if (!st.ok()) {
    fmt::print(stderr, "hadath: {}\n", st.message());
    g.exit_code = 2;
    return;
  }
  for (const auto& e : rep.errors) fmt::print("{}: {}\n", e.where, e.message);
  if (!quiet)
    fmt::print(stderr, "hadath dict check: {} files, {} rows, {} errors; {} place names shared by places in different countries (resolved by context)\n",
               rep.files, rep.rows, rep.errors.size(), rep.ambiguous_place_names);
  g.exit_code = rep.errors.empty() ? 0 : 1;
}

// Entry counts of one language's lexicon (the Arabic one, or the English one it owns).
struct LangStats {
  std::map<std::string, size_t> kinds, files, sectors, countries;
};

LangStats CountEntries(const Lexicon& lex) {
  LangStats st;
  auto& [kinds, files, sectors, countries] = st;
  for (const auto& a : lex.actors) {
    if (a.kind == ActorEntry::Kind::kActor) {
      ++kinds[a.person ? "actors: persons" : "actors: organisations"];
      ++files[FileOf(a.rule)];
      std::string latest = a.CodeOn(Ymd{});
      std::string c = latest.substr(0, 3);
      ++countries[c];
      std::string sec = latest.size() >= 6 ? latest.substr(3, 3) : "(none)";
      if (c == "IGO" || c == "NGO" || c == "IMG") sec = c;
      ++sectors[sec];
    } else if (a.kind == ActorEntry::Kind::kCountry) {
      ++kinds["countries"];
    }
  }
  for (const auto& a : lex.agents) { ++kinds["agents"]; ++files[FileOf(a.rule)]; ++sectors["agent " + (a.sector.empty() ? std::string("(member)") : a.sector)]; }
  for (const auto& p : lex.places) {
    ++kinds[p.id.rfind("country:", 0) == 0 ? "places: countries" : "places"];
    if (p.id.rfind("country:", 0) != 0) ++files[FileOf(p.rule)];
  }
  for (const auto& t : lex.triggers) ++files[FileOf(t.rule)];
  kinds["triggers"] = lex.triggers.size();
  kinds["cue forms"] = lex.cues.size();
  kinds["names: actor"] = lex.actor_matcher.size();
  kinds["names: agent"] = lex.agent_matcher.size();
  kinds["names: place"] = lex.place_matcher.size();
  return st;
}

// `hadath dict stats`: the counts of each language's dictionaries (ar, then en when data/en
// exists). Actors, agents and triggers are counted per file; an English actor that shares an
// Arabic actor's id counts in English too (its English names are entries of their own).
void Stats(Globals& g, bool json) {
  auto engine = OpenEngine(g);
  if (!engine) { g.exit_code = 2; return; }
  const Lexicon& ar = engine->lexicon();
  std::vector<std::pair<std::string, const Lexicon*>> langs = {{"ar", &ar}};
  if (const Lexicon& en = ar.ForLang("en"); &en != &ar) langs.emplace_back("en", &en);
  if (json) {
    nlohmann::ordered_json j;
    for (const auto& [lang, lex] : langs) {
      LangStats st = CountEntries(*lex);
      nlohmann::ordered_json l;
      l["kinds"] = st.kinds;
      l["files"] = st.files;
      l["sectors"] = st.sectors;
      l["actor_countries"] = st.countries;
      j["languages"][lang] = l;
    }
    j["source"] = ar.load_info().from_image ? "image" : "sources";
    fmt::print("{}\n", j.dump(1));
    return;
  }
  auto table = [](const std::string& title, const std::map<std::string, size_t>& m) {
    fmt::print("== {}\n", title);
    for (const auto& [k, v] : m) fmt::print("  {:<34} {:>6}\n", k, v);
  };
  for (const auto& [lang, lex] : langs) {
    LangStats st = CountEntries(*lex);
    table(lang + ": entries by kind", st.kinds);
    table(lang + ": entries by file", st.files);
    table(lang + ": named actors (latest code) and agents by sector", st.sectors);
    std::vector<std::pair<size_t, std::string>> top;
    for (const auto& [k, v] : st.countries) top.emplace_back(v, k);
    std::sort(top.rbegin(), top.rend());
    fmt::print("== {}: named actors by country ({} countries)\n", lang, top.size());
    for (const auto& [v, k] : top) fmt::print("  {:<6} {:>5}\n", k, v);
  }
}

void Lookup(Globals& g, const std::string& phrase, const std::string& date_str, bool json) {
  auto engine = OpenEngine(g);
  if (!engine) { g.exit_code = 2; return; }
  const Lexicon& lex = engine->lexicon();
  Ymd date;
  if (!date_str.empty() && !Ymd::Parse(date_str, &date)) {
    fmt::print(stderr, "hadath dict lookup: --date wants YYYY-MM-DD\n");
    g.exit_code = 2;
    return;
  }
  std::string text;
  utf8::Sanitize(phrase, &text);
  auto sentences = lex.tokenizer().Split(text);
  std::vector<Token> toks;
  for (auto& s : sentences) for (auto& t : s.tokens) toks.push_back(t);
  std::string forms;
  for (const auto& t : toks) forms.append(forms.empty() ? "" : " ").append(t.norm);
  nlohmann::ordered_json res = nlohmann::ordered_json::array();
  if (!json) fmt::print("phrase «{}» → matching forms: {}\n", text, forms);
  int found = 0;
  auto show = [&](const char* matcher, const PhraseMatcher& m, auto describe) {
    for (size_t i = 0; i < toks.size(); ++i) {
      for (const PhraseMatch& pm : m.MatchAt(toks, i)) {
        std::string span;
        for (size_t k = pm.begin; k < pm.end; ++k) span.append(span.empty() ? "" : " ").append(toks[k].norm);
        nlohmann::ordered_json j = describe(pm.payload);
        j = nlohmann::ordered_json{{"matcher", matcher}, {"tokens", std::to_string(pm.begin) + "-" + std::to_string(pm.end)},
                                   {"span", span}, {"prefix", pm.prefix}, {"suffix", pm.suffix}, {"entry", j}};
        ++found;
        if (json) { res.push_back(j); continue; }
        std::string clitics;
        if (!pm.prefix.empty()) clitics += " prefix " + std::string(pm.prefix);
        if (!pm.suffix.empty()) clitics += " suffix " + std::string(pm.suffix);
        fmt::print("  [{}] tokens {}-{} «{}»{}\n", matcher, pm.begin, pm.end, span, clitics);
        for (auto it = j["entry"].begin(); it != j["entry"].end(); ++it)
          fmt::print("      {:<12} {}\n", it.key(), it.value().is_string() ? it.value().get<std::string>() : it.value().dump());
      }
    }
  };
  show("actor", lex.actor_matcher, [&](uint32_t p) {
    const ActorEntry& e = lex.actors[p];
    return nlohmann::ordered_json{{"id", e.id}, {"kind", ActorKindName(e.kind)}, {"name", e.name_en},
                                  {"codes", CodesString(e)},
                                  {"code_on_date", e.CodeOn(date) + (date.valid() ? " on " + date.ToString() : " (latest)")},
                                  {"person", e.person}, {"wikidata", e.wikidata}, {"rule", e.rule}};
  });
  show("agent", lex.agent_matcher, [&](uint32_t p) {
    const AgentEntry& a = lex.agents[p];
    return nlohmann::ordered_json{{"id", a.id}, {"sector", a.sector.empty() ? "(member: takes its group's code)" : a.sector},
                                  {"name", a.name_en}, {"rule", a.rule}};
  });
  show("place", lex.place_matcher, [&](uint32_t p) {
    const PlaceEntry& e = lex.places[p];
    return nlohmann::ordered_json{{"id", e.id}, {"name", e.name_en}, {"country", e.country}, {"lat", e.lat}, {"lon", e.lon},
                                  {"geonames_id", e.geonames_id ? std::to_string(*e.geonames_id) : ""},
                                  {"population", e.population}, {"rule", e.rule}};
  });
  show("trigger", lex.trigger_matcher, [&](uint32_t p) {
    const TriggerEntry& t = lex.triggers[p];
    return nlohmann::ordered_json{{"id", t.id}, {"cameo", t.cameo}, {"type", t.type}, {"rule", t.rule}};
  });
  show("cue", lex.cue_matcher, [&](uint32_t p) {
    const CueEntry& c = lex.cues[p];
    return nlohmann::ordered_json{{"kind", static_cast<int>(c.kind)}, {"topic", c.topic}, {"rule", c.rule}};
  });
  // And what `hadath mentions` makes of the phrase as a whole.
  utf8::OffsetMap offsets(text);
  auto ms = FindMentions(lex, text, date);
  if (json) {
    nlohmann::ordered_json j{{"phrase", text}, {"forms", forms}, {"matches", res}};
    nlohmann::ordered_json mj = nlohmann::ordered_json::array();
    for (const auto& m : ms)
      mj.push_back({{"kind", MentionKindName(m.kind)}, {"text", text.substr(m.begin, m.end - m.begin)}, {"code", m.code},
                    {"country", m.country}, {"name", m.name}, {"rules", m.rules}, {"why", m.why}});
    j["mentions"] = mj;
    fmt::print("{}\n", j.dump());
  } else {
    fmt::print("mentions:\n");
    for (const auto& m : ms) {
      std::string rules;
      for (const auto& r : m.rules) rules += (rules.empty() ? "" : " ") + r;
      fmt::print("  {:<6} «{}» code={} country={} name={} {}{}\n", MentionKindName(m.kind),
                 text.substr(m.begin, m.end - m.begin), m.kind == Mention::Kind::kDate ? m.date : m.code, m.country,
                 m.name, rules, m.why.empty() ? "" : " (" + m.why + ")");
    }
    if (ms.empty()) fmt::print("  (none)\n");
  }
  if (!found) g.exit_code = 1;
}

// Names given by the hand-written files of `dir` (`base`.tsv and `base`/*.tsv not
// starting with `skip_prefix`), column `col`: the imported entries leave them out.
void ClaimHandWritten(const std::string& dir, const std::string& base, const std::string& col,
                      const std::string& skip_prefix, const std::string& skip_file, NameClaims* claims) {
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::exists(dir + "/" + base + ".tsv", ec)) files.push_back(dir + "/" + base + ".tsv");
  std::vector<std::string> more;
  for (const auto& e : fs::directory_iterator(dir + "/" + base, ec)) {
    std::string n = e.path().filename().string();
    if (e.path().extension() == ".tsv" && n.rfind(skip_prefix, 0) != 0 &&
        (skip_file.empty() || fs::weakly_canonical(e.path(), ec) != fs::weakly_canonical(skip_file, ec)))
      more.push_back(e.path().string());
  }
  std::sort(more.begin(), more.end());
  files.insert(files.end(), more.begin(), more.end());
  for (const auto& f : files) {
    std::string content;
    if (!ReadFile(f, &content).ok()) continue;
    std::istringstream in(content);
    std::string line;
    int lineno = 0, idx = -1, type_idx = -1;
    std::string rel = fs::path(f).lexically_relative(fs::path(dir).parent_path()).string();
    while (std::getline(in, line)) {
      ++lineno;
      if (utf8::Trim(line).empty() || utf8::Trim(line)[0] == '#') continue;
      std::vector<std::string> raw;
      size_t start = 0;
      while (true) {
        size_t tab = line.find('\t', start);
        raw.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      if (idx < 0) {
        auto it = std::find(raw.begin(), raw.end(), col);
        if (it == raw.end()) break;
        idx = static_cast<int>(it - raw.begin());
        auto ty = std::find(raw.begin(), raw.end(), "type");
        type_idx = ty == raw.end() ? -1 : static_cast<int>(ty - raw.begin());
        continue;
      }
      if (idx >= static_cast<int>(raw.size())) continue;
      const bool noun = type_idx >= 0 && type_idx < static_cast<int>(raw.size()) && raw[type_idx] == "noun";
      for (const auto& n : SplitList(raw[idx])) {
        claims->Claim(n, "hand-written " + rel + ":" + std::to_string(lineno));
        if (noun && n.find(' ') == std::string::npos) claims->noun_stems.insert(english::StemOf(NameClaims::Key(n)));
      }
    }
  }
}

// Writes the notes as a report: a head with counts, then one `file:line: action: reason` a line.
bool WriteReport(const std::string& path, const std::string& title, const std::vector<std::string>& head,
                 const std::vector<ImportNote>& notes) {
  std::map<std::string, size_t> by_action;
  for (const auto& n : notes)
    if (n.action != "summary") ++by_action[n.action];
  std::string s = "# " + title + "\n# GENERATED; DO NOT EDIT. One line per problem: file:line: action: reason.\n";
  for (const auto& h : head) s += "# " + h + "\n";
  for (const auto& [a, c] : by_action) s += "# " + a + ": " + std::to_string(c) + "\n";
  // By kind: the message with its quoted parts, parentheses and numbers blanked.
  std::map<std::string, size_t> kinds;
  for (const auto& n : notes) {
    if (n.action == "summary") continue;
    std::string k = n.action + ": ";
    bool quoted = false;
    int paren = 0;
    for (size_t i = 0; i < n.message.size(); ++i) {
      char c = n.message[i];
      if (c == '\'' && (quoted || i == 0 || n.message[i - 1] == ' ' || n.message[i - 1] == '(')) {
        if (!quoted) k += "'…'";
        quoted = !quoted;
        continue;
      }
      if (quoted) continue;
      if (c == '(') { if (!paren++) k += "(…)"; continue; }
      if (c == ')' && paren) { --paren; continue; }
      if (paren) continue;
      if (c >= '0' && c <= '9') { if (k.back() != '#') k += '#'; continue; }
      if (c == ':' && (k.ends_with("tsv") || k.ends_with("txt"))) break;  // "… given by en/x.tsv:12"
      k += c;
    }
    ++kinds[k];
  }
  std::vector<std::pair<size_t, std::string>> top;
  for (const auto& [k, c] : kinds) top.emplace_back(c, k);
  std::sort(top.rbegin(), top.rend());
  s += "# by kind:\n";
  for (const auto& [c, k] : top) s += "#   " + std::to_string(c) + "  " + k + "\n";
  for (const auto& n : notes)
    if (n.action == "summary") s += "# " + n.message + "\n";
  for (const auto& n : notes)
    if (n.action != "summary") s += n.where + ": " + n.action + ": " + n.message + "\n";
  Status w = WriteFileAtomic(path, s);
  if (!w.ok()) { ReportError(path, w); return false; }
  return true;
}

void ImportPetrarch(Globals& g, const std::vector<std::string>& inputs, const std::string& out_dir,
                    const std::string& report) {
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      for (const auto& e : fs::directory_iterator(in, ec)) {
        std::string n = e.path().filename().string();
        if (n.ends_with(".actors.txt") || n.ends_with(".agents.txt") || n.ends_with(".discards.txt"))
          files.push_back(e.path().string());
      }
    } else {
      files.push_back(in);
    }
  }
  // Actors first (in name order), then agents, then discards.
  auto rank = [](const std::string& f) { return f.ends_with(".actors.txt") ? 0 : f.ends_with(".agents.txt") ? 1 : 2; };
  std::sort(files.begin(), files.end(), [&](const std::string& a, const std::string& b) {
    return std::make_pair(rank(a), fs::path(a).filename()) < std::make_pair(rank(b), fs::path(b).filename());
  });
  if (files.empty()) {
    fmt::print(stderr, "hadath dict import-petrarch: no *.actors.txt, *.agents.txt or *.discards.txt among the inputs\n");
    g.exit_code = 2;
    return;
  }
  NameClaims actor_claims, agent_claims;
  {  // the country codes an actor code may start with: data/geo/countries.tsv
    TsvFile geo;
    if (LoadTsv(ResolveDataDir(g.data_dir, g.argv0), "geo/countries.tsv", {"code"}, &geo).ok())
      for (const auto& r : geo.rows) actor_claims.countries.insert(r.Get("code"));
  }
  if (!out_dir.empty()) {
    for (const char* col : {"names_en", "demonyms_en", "capital_en"})
      ClaimHandWritten(out_dir, "countries", col, "\x01", "", &actor_claims);
    ClaimHandWritten(out_dir, "actors", "names_en", "phoenix_", "", &actor_claims);
    // a place written by hand is no actor: Phoenix's "al-Aqsa" (a brigade) named the mosque
    ClaimHandWritten(out_dir, "places", "names_en", "\x01", "", &actor_claims);
    ClaimHandWritten(out_dir, "agents", "names_en", "phoenix", "", &agent_claims);
  }
  size_t hand_actor_names = actor_claims.owner.size(), hand_agent_names = agent_claims.owner.size();
  std::vector<ImportNote> all;
  std::vector<std::string> head{
      "hadath dict import-petrarch -o " + (out_dir.empty() ? std::string("(none)") : out_dir) + " <inputs>",
      "names already given by hand-written files: " + std::to_string(hand_actor_names) + " actor, " +
          std::to_string(hand_agent_names) + " agent"};
  size_t repaired = 0, dropped = 0, failed = 0;
  for (const auto& f : files) {
    std::string label = fs::path(f).filename().string();
    ImportResult r;
    const int kind = rank(f);
    Status st = kind == 0 ? ImportPetrarchActors(f, label, &r, &actor_claims)
                : kind == 1 ? ImportPetrarchAgents(f, label, &r, &agent_claims)
                            : ImportPetrarchDiscards(f, label, &r);
    if (!st.ok()) { ReportError(f, st); ++failed; continue; }
    for (const auto& n : r.notes) {
      // (a warning is said on stderr even with --report: it changes what the import gives)
      if (report.empty() || n.action == "warning") fmt::print(stderr, "{}: {}: {}\n", n.where, n.action, n.message);
      repaired += n.action == "repaired";
      dropped += n.action != "repaired" && n.action != "warning";
      all.push_back(n);
    }
    // Phoenix.Countries.actors.txt → actors/phoenix_countries.tsv; Phoenix.agents.txt →
    // agents/phoenix.tsv; Phoenix.discards.txt → discards.tsv
    std::string stem = label.substr(0, label.find(kind == 0 ? ".actors.txt" : kind == 1 ? ".agents.txt" : ".discards.txt"));
    std::string name;
    for (char c : stem) name.push_back(c == '.' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    std::string rel = kind == 0 ? "actors/" + name + ".tsv" : kind == 1 ? "agents/" + name + ".tsv" : "discards.tsv";
    std::string line = fmt::format("{}: {} entries, {} names, {} codes → {}", label, r.entries, r.names, r.codes,
                                   out_dir.empty() ? "(not written: give -o DIR)" : "en/" + rel);
    fmt::print(stderr, "{}\n", line);
    head.push_back(line);
    if (!out_dir.empty()) {
      std::error_code ec;
      fs::create_directories(fs::path(out_dir + "/" + rel).parent_path(), ec);
      Status w = WriteFileAtomic(out_dir + "/" + rel, r.tsv);
      if (!w.ok()) { ReportError(out_dir + "/" + rel, w); ++failed; }
    }
  }
  std::string summary = fmt::format("{} files, {} problems repaired, {} dropped or skipped", files.size(), repaired, dropped);
  head.push_back(summary);
  fmt::print(stderr, "hadath dict import-petrarch: {}{}\n", summary, report.empty() ? "" : " (listed in " + report + ")");
  if (!report.empty() && !WriteReport(report, "hadath dict import-petrarch: PETRARCH/Phoenix → hadath", head, all)) ++failed;
  g.exit_code = failed ? 1 : 0;
}

void ImportCameo(Globals& g, const std::string& input, const std::string& output, const std::string& report,
                 bool one_word_verbs) {
  const std::string dir = ResolveDataDir(g.data_dir, g.argv0);
  CameoTable cameo;
  if (Status st = cameo.Load(dir); !st.ok()) { ReportError(dir, st); g.exit_code = 2; return; }
  NameClaims claims;
  ClaimHandWritten(dir + "/en", "triggers", "forms", "\x01", output, &claims);
  size_t hand = claims.owner.size();
  ImportResult r;
  std::string label = fs::path(input).filename().string();
  if (Status st = ImportCameoVerbs(input, label, cameo, &r, &claims, one_word_verbs); !st.ok()) {
    ReportError(input, st);
    g.exit_code = 2;
    return;
  }
  std::vector<std::string> head{"hadath dict import-cameo-verbs " + label + " -o " + (output.empty() ? "(none)" : output),
                                fmt::format("{} trigger rows ({} from verbs, {} from patterns), {} forms; {} forms given by hand-written en/triggers*.tsv (left out of the import)",
                                            r.entries, r.codes, r.entries - r.codes, r.names, hand)};
  for (const auto& h : head) fmt::print(stderr, "{}\n", h);
  for (const auto& n : r.notes) {
    if (n.action == "summary") fmt::print(stderr, "{}\n", n.message);
    else if (report.empty()) fmt::print(stderr, "{}: {}: {}\n", n.where, n.action, n.message);
  }
  int failed = 0;
  if (!output.empty()) {
    std::error_code ec;
    fs::create_directories(fs::path(output).parent_path(), ec);
    if (Status w = WriteFileAtomic(output, r.tsv); !w.ok()) { ReportError(output, w); ++failed; }
  }
  if (!report.empty() && !WriteReport(report, "hadath dict import-cameo-verbs: CAMEO verb patterns → hadath triggers", head, r.notes))
    ++failed;
  g.exit_code = failed ? 1 : 0;
}

}  // namespace

void RegisterDict(CLI::App& app, Globals& g) {
  CLI::App* dict = app.add_subcommand("dict", "the dictionaries: compile, check, stats, lookup, import-petrarch, import-cameo-verbs");
  dict->require_subcommand(1);
  dict->footer(
      "Examples:\n"
      "  hadath dict compile                      compile data/ into the cached image, report its load time\n"
      "  hadath dict check                        every malformed line, duplicate name and bad date range\n"
      "  hadath dict stats                        entry counts by kind, file, sector and country, per language\n"
      "  hadath dict lookup --date 2010-01-01 \"بوتين\"   what a phrase resolves to, and why\n"
      "  hadath dict import-petrarch -o data/en --report data/en/IMPORT_REPORT.txt ../shared/reference/dictionaries/petrarch2\n"
      "  hadath dict import-cameo-verbs -o data/en/triggers/cameo.tsv --report data/en/CAMEO_VERBS_REPORT.txt \\\n"
      "      ../shared/reference/dictionaries/petrarch2/CAMEO.2.0.txt");

  auto out = std::make_shared<std::string>();
  auto runs = std::make_shared<int>(5);
  CLI::App* compile = dict->add_subcommand("compile", "compile the TSV dictionaries into the binary image (cached)");
  compile->add_option("-o,--output", *out, "write the image here instead of the cache");
  compile->add_option("--runs", *runs, "load the image back this many times and report the median");
  compile->callback([&g, out, runs] { Compile(g, *out, *runs); });

  auto quiet = std::make_shared<bool>(false);
  CLI::App* check = dict->add_subcommand("check", "report every problem of the dictionaries (file:line: reason); exit 1 on any");
  check->add_flag("-q,--quiet", *quiet, "no summary line");
  check->callback([&g, quiet] { Check(g, *quiet); });

  auto sjson = std::make_shared<std::string>("table");
  CLI::App* stats = dict->add_subcommand("stats", "entry counts per kind, file, sector and country, for each language (ar, en)");
  stats->add_option("--format", *sjson, "table or json")->check(CLI::IsMember({"table", "json"}));
  stats->callback([&g, sjson] { Stats(g, *sjson == "json"); });

  auto phrase = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto lformat = std::make_shared<std::string>("table");
  CLI::App* lookup = dict->add_subcommand("lookup", "what a phrase resolves to and why (entries, codes on a date, file:line)");
  lookup->add_option("phrase", *phrase, "Arabic (or English) phrase")->required();
  lookup->add_option("--date", *date, "YYYY-MM-DD: the date that chooses among an actor's roles");
  lookup->add_option("--format", *lformat, "table or json")->check(CLI::IsMember({"table", "json"}));
  lookup->callback([&g, phrase, date, lformat] { Lookup(g, *phrase, *date, *lformat == "json"); });

  auto inputs = std::make_shared<std::vector<std::string>>();
  auto odir = std::make_shared<std::string>();
  auto report = std::make_shared<std::string>();
  CLI::App* imp = dict->add_subcommand("import-petrarch",
                                       "PETRARCH/Phoenix actor, agent and discard dictionaries → hadath TSV (English)");
  imp->add_option("inputs", *inputs, "*.actors.txt / *.agents.txt / *.discards.txt files, or directories holding them")
      ->required();
  imp->add_option("-o,--output", *odir,
                  "output directory (actors/<file>.tsv, agents/<file>.tsv, discards.tsv); names its hand-written "
                  "countries.tsv, actors*.tsv, places.tsv and agents*.tsv give are left out of the import");
  imp->add_option("--report", *report, "write every repaired or dropped item here (file:line: action: reason) "
                                       "instead of stderr");
  imp->callback([&g, inputs, odir, report] { ImportPetrarch(g, *inputs, *odir, *report); });

  auto cinput = std::make_shared<std::string>();
  auto coutput = std::make_shared<std::string>();
  auto creport = std::make_shared<std::string>();
  CLI::App* cv = dict->add_subcommand("import-cameo-verbs",
                                      "PETRARCH's CAMEO verb dictionary → hadath English triggers");
  cv->add_option("input", *cinput, "CAMEO.2.0.txt")->required();
  cv->add_option("-o,--output", *coutput, "the trigger file to write (data/en/triggers/cameo.tsv); forms that the "
                                         "data directory's hand-written en/triggers*.tsv give are left out");
  cv->add_option("--report", *creport, "write every pattern not expressed, and why, here instead of stderr");
  auto one_word = std::make_shared<bool>(false);
  cv->add_flag("--one-word-verbs", *one_word,
               "also import one-word verbs alone (\"propose\" → 020); off by default: the English "
               "stemmer would match nouns too (proposal)");
  cv->callback([&g, cinput, coutput, creport, one_word] { ImportCameo(g, *cinput, *coutput, *creport, *one_word); });
}

}  // namespace hadath::cli
