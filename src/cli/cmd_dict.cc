// hadath dict: the dictionaries' own tools — compile (the cached image),
// check (every problem, file:line), stats (entry counts), lookup (what a phrase
// resolves to and why), import-petrarch (PETRARCH/Phoenix → hadath TSV).
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "lexicon/check.h"
#include "lexicon/image.h"
#include "lexicon/lexicon.h"
#include "lexicon/mentions.h"
#include "lexicon/petrarch.h"
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

void Stats(Globals& g, bool json) {
  auto engine = OpenEngine(g);
  if (!engine) { g.exit_code = 2; return; }
  const Lexicon& lex = engine->lexicon();
  std::map<std::string, size_t> kinds, files, sectors, countries;
  for (const auto& a : lex.actors) {
    if (a.kind == ActorEntry::Kind::kActor) {
      ++kinds[a.person ? "actors: persons" : "actors: organisations"];
      ++files[FileOf(a.rule)];
      const std::string code = a.codes.empty() ? "" : a.codes.back().code;
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
  kinds["triggers"] = lex.triggers.size();
  kinds["cue forms"] = lex.cues.size();
  kinds["names: actor"] = lex.actor_matcher.size();
  kinds["names: agent"] = lex.agent_matcher.size();
  kinds["names: place"] = lex.place_matcher.size();
  if (json) {
    nlohmann::ordered_json j;
    j["kinds"] = kinds;
    j["files"] = files;
    j["sectors"] = sectors;
    j["actor_countries"] = countries;
    j["source"] = lex.load_info().from_image ? "image" : "sources";
    fmt::print("{}\n", j.dump(1));
    return;
  }
  auto table = [](const char* title, const std::map<std::string, size_t>& m) {
    fmt::print("== {}\n", title);
    for (const auto& [k, v] : m) fmt::print("  {:<34} {:>6}\n", k, v);
  };
  table("entries by kind", kinds);
  table("entries by file", files);
  table("named actors (latest code) and agents by sector", sectors);
  std::vector<std::pair<size_t, std::string>> top;
  for (const auto& [k, v] : countries) top.emplace_back(v, k);
  std::sort(top.rbegin(), top.rend());
  fmt::print("== named actors by country ({} countries)\n", top.size());
  for (const auto& [v, k] : top) fmt::print("  {:<6} {:>5}\n", k, v);
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
  for (const auto& t : toks) forms += (forms.empty() ? "" : " ") + t.norm;
  nlohmann::ordered_json res = nlohmann::ordered_json::array();
  if (!json) fmt::print("phrase «{}» → matching forms: {}\n", text, forms);
  int found = 0;
  auto show = [&](const char* matcher, const PhraseMatcher& m, auto describe) {
    for (size_t i = 0; i < toks.size(); ++i) {
      for (const PhraseMatch& pm : m.MatchAt(toks, i)) {
        std::string span;
        for (size_t k = pm.begin; k < pm.end; ++k) span += (span.empty() ? "" : " ") + toks[k].norm;
        nlohmann::ordered_json j = describe(pm.payload);
        j = nlohmann::ordered_json{{"matcher", matcher}, {"tokens", std::to_string(pm.begin) + "-" + std::to_string(pm.end)},
                                   {"span", span}, {"prefix", pm.prefix}, {"suffix", pm.suffix}, {"entry", j}};
        ++found;
        if (json) { res.push_back(j); continue; }
        std::string clitics;
        if (!pm.prefix.empty()) clitics += " prefix " + pm.prefix;
        if (!pm.suffix.empty()) clitics += " suffix " + pm.suffix;
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

void ImportPetrarch(Globals& g, const std::vector<std::string>& inputs, const std::string& out_dir) {
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      for (const auto& e : fs::directory_iterator(in, ec)) {
        std::string n = e.path().filename().string();
        if (n.size() > 11 && (n.ends_with(".actors.txt") || n.ends_with(".agents.txt"))) files.push_back(e.path().string());
      }
    } else {
      files.push_back(in);
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    fmt::print(stderr, "hadath dict import-petrarch: no *.actors.txt or *.agents.txt among the inputs\n");
    g.exit_code = 2;
    return;
  }
  size_t repaired = 0, dropped = 0, kept = 0, failed = 0;
  for (const auto& f : files) {
    std::string label = fs::path(f).filename().string();
    ImportResult r;
    bool agents = label.ends_with(".agents.txt");
    Status st = agents ? ImportPetrarchAgents(f, label, &r) : ImportPetrarchActors(f, label, &r);
    if (!st.ok()) { ReportError(f, st); ++failed; continue; }
    for (const auto& n : r.notes) {
      fmt::print(stderr, "{}: {}: {}\n", n.where, n.action, n.message);
      repaired += n.action == "repaired";
      kept += n.action == "kept";
      dropped += n.action != "repaired" && n.action != "kept";
    }
    // Phoenix.Countries.actors.txt → actors/phoenix_countries.tsv; agents → agents.tsv
    std::string stem = label.substr(0, label.find(agents ? ".agents.txt" : ".actors.txt"));
    std::string name;
    for (char c : stem) name.push_back(c == '.' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    std::string rel = agents ? "agents.tsv" : "actors/" + name + ".tsv";
    fmt::print(stderr, "{}: {} entries, {} names, {} codes → {}\n", label, r.entries, r.names, r.codes,
               out_dir.empty() ? "(not written: give -o DIR)" : out_dir + "/" + rel);
    if (!out_dir.empty()) {
      Status w = WriteFileAtomic(out_dir + "/" + rel, r.tsv);
      if (!w.ok()) { ReportError(out_dir + "/" + rel, w); ++failed; }
    }
  }
  fmt::print(stderr, "hadath dict import-petrarch: {} files, {} problems repaired, {} dropped or skipped, {} overlaps kept (reported)\n",
             files.size(), repaired, dropped, kept);
  g.exit_code = failed ? 1 : 0;
}

}  // namespace

void RegisterDict(CLI::App& app, Globals& g) {
  CLI::App* dict = app.add_subcommand("dict", "the dictionaries: compile, check, stats, lookup, import-petrarch");
  dict->require_subcommand(1);
  dict->footer(
      "Examples:\n"
      "  hadath dict compile                      compile data/ into the cached image, report its load time\n"
      "  hadath dict check                        every malformed line, duplicate name and bad date range\n"
      "  hadath dict stats                        entry counts by kind, file, sector and country\n"
      "  hadath dict lookup --date 2010-01-01 \"بوتين\"   what a phrase resolves to, and why\n"
      "  hadath dict import-petrarch -o /tmp/en ../shared/reference/dictionaries/petrarch2");

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
  CLI::App* stats = dict->add_subcommand("stats", "entry counts per kind, file, sector and country");
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
  CLI::App* imp = dict->add_subcommand("import-petrarch",
                                       "PETRARCH/Phoenix actor and agent dictionaries → hadath TSV (English names)");
  imp->add_option("inputs", *inputs, "*.actors.txt / *.agents.txt files, or directories holding them")->required();
  imp->add_option("-o,--output", *odir, "output directory (actors/*.tsv, agents.tsv); without it only the report");
  imp->callback([&g, inputs, odir] { ImportPetrarch(g, *inputs, *odir); });
}

}  // namespace hadath::cli
