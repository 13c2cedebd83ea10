#include <fmt/core.h>

#include "cli/commands.h"
#include "ingest/reader.h"
#include "util/utf8.h"

namespace hadath::cli {

void ReportError(const std::string& origin, const Status& st) {
  fmt::print(stderr, "hadath: {}: {}\n", origin, st.message());
}

size_t ForEachExtracted(const Engine& engine, const std::vector<std::string>& inputs,
                        const std::string& input_format, const std::function<void(const Extracted&)>& fn) {
  ReadOptions ropt;
  ParseInputFormat(input_format, &ropt.stdin_format);
  size_t failed = 0;
  ErrorSink on_error = [&](const std::string& origin, const Status& st) { ++failed; ReportError(origin, st); };
  DocSink on_doc = [&](Document&& doc) {
    Extracted ex;
    Status st = engine.Extract(doc, &ex);
    if (!st.ok()) { on_error(doc.origin, st); return true; }
    fn(ex);
    return true;
  };
  ReadStats stats;
  ReadInputs(inputs, ropt, on_doc, on_error, &stats);
  return failed;
}

std::unique_ptr<Engine> OpenEngine(const Globals& g, bool keep_negated) {
  EngineOptions opt;
  opt.data_dir = ResolveDataDir(g.data_dir, g.argv0);
  opt.keep_negated = keep_negated;
  std::unique_ptr<Engine> eng;
  Status st = Engine::Open(opt, &eng);
  if (!st.ok()) {
    fmt::print(stderr, "hadath: cannot load data: {}\n", st.message());
    return nullptr;
  }
  return eng;
}

static std::string Clip(const std::string& s, size_t width) {
  size_t n = utf8::Length(s);
  if (n <= width) return s;
  std::string out;
  size_t i = 0, k = 0;
  while (i < s.size() && k + 1 < width) { size_t b = i; utf8::Next(s, &i); out.append(s, b, i - b); ++k; }
  return out + "…";
}

static std::string Actor(const ActorRef& a) {
  return fmt::format("{} «{}»", a.code.empty() ? "---" : a.code, Clip(a.text, 28));
}

std::string FormatEventHeader() { return "date        cameo  event                           source → target  @ place  [doc#sentence]"; }

std::string FormatEventRow(const Event& e) {
  std::string where;
  if (!e.location.country.empty()) {
    where = fmt::format("  @ {} ({}", e.location.name.empty() ? e.location.text : e.location.name, e.location.country);
    if (e.location.lat) where += fmt::format(" {:.2f},{:.2f}", *e.location.lat, *e.location.lon);
    where += ")";
  }
  std::string mod = e.modality == "asserted" ? "" : " [" + e.modality + "]";
  if (e.negated) mod += " [negated]";
  return fmt::format("{:<10}  {:<5}  {:<30}  {} → {}{}{}  [{}#{}]", e.date.empty() ? "?" : e.date, e.cameo,
                     Clip(e.cameo_name, 30), Actor(e.source), e.target ? Actor(*e.target) : std::string("(none)"),
                     where, mod, e.doc_id, e.sentence_index);
}

}  // namespace hadath::cli
