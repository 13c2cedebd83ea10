// hadath explain: how each event was derived — the actors composed, the
// clauses, every trigger with the decision taken and why, and the rules.
#include <fmt/core.h>

#include <memory>

#include "cli/commands.h"
#include "code/coder.h"
#include "ingest/reader.h"
#include "lexicon/lexicon.h"
#include "text/dates.h"
#include "util/utf8.h"

namespace hadath::cli {

namespace {
struct ExplainArgs {
  std::vector<std::string> inputs;
  std::string text, date, input_format = "auto";
  bool all = false;
};

void Explain(const Engine& engine, const Extracted& ex, const std::string& date, bool all) {
  Coder coder(&engine.lexicon(), /*keep_negated=*/false);
  std::vector<Event> events;
  std::vector<SentenceTrace> trace;
  coder.Code(ex, date, &events, &trace);
  fmt::print("# document {}  date {}{}\n", ex.id, ex.date.empty() ? date : ex.date,
             ex.date.empty() ? (date.empty() ? " (none)" : " (--date)") : " (" + ex.date_origin + ")");
  for (const auto& st : trace) {
    if (!all && st.triggers.empty()) continue;
    fmt::print("\n[{}] {}\n", st.index, st.text);
    if (st.clauses.size() > 1)
      for (size_t c = 0; c < st.clauses.size(); ++c) fmt::print("  clause {}: {}\n", c, st.clauses[c]);
    for (const auto& a : st.actors) {
      std::string rules;
      for (const auto& r : a.rules) rules += (rules.empty() ? "" : ", ") + r;
      fmt::print("  actor   {:<10} «{}»{}{}   [{}]\n", a.code, a.text, a.prep.empty() ? "" : "  after «" + a.prep + "»",
                 a.group >= 0 ? fmt::format("  group {}", a.group) : "", rules);
    }
    for (const auto& t : st.triggers) {
      fmt::print("  trigger «{}» ({}, {}, {})\n", t.text, t.reading, t.cameo, t.rule);
      if (t.decision == "event") {
        fmt::print("    → event {}: {} → {}", t.cameo, t.source, t.target);
        fmt::print("  date {} ({})", t.date.empty() ? "?" : t.date, t.date_basis.empty() ? "none" : t.date_basis);
        if (!t.location.empty()) fmt::print("  at {}", t.location);
        if (t.modality != "asserted") fmt::print("  [{}]", t.modality);
        fmt::print("\n");
      } else {
        fmt::print("    × rejected: {}\n", t.decision.empty() ? "no event" : t.decision);
      }
    }
  }
  fmt::print("\n{} event{}\n", events.size(), events.size() == 1 ? "" : "s");
}
}  // namespace

void RegisterExplain(CLI::App& app, Globals& g) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand("explain", "show how each event was derived, and why candidates were rejected");
  cmd->footer(
      "For each sentence with a trigger: its clauses, the actor phrases hadath composed (code, the\n"
      "preposition before them, coordination group, the data lines that made them), and every\n"
      "trigger with the event it produced (source, target, date and how it was resolved, place,\n"
      "modality) or the reason it produced none.\n"
      "Examples:\n"
      "  hadath explain --date 2023-10-27 --text \"والتقى الوزير الإيراني بنظيره الروسي في موسكو الخميس.\"\n"
      "  hadath explain article.txt");
  cmd->add_option("inputs", args->inputs, "files, directories, or - for stdin");
  cmd->add_option("--text", args->text, "explain this text instead of inputs");
  cmd->add_option("--date", args->date, "document date YYYY-MM-DD (for inputs that carry none)")
      ->check([](const std::string& s) {
        Ymd d;
        return Ymd::Parse(s, &d) && s.size() == 10 ? std::string() : "expected YYYY-MM-DD, got '" + s + "'";
      });
  cmd->add_option("--input-format", args->input_format, "format of stdin")
      ->check(CLI::IsMember({"auto", "txt", "html", "jsonl", "warc"}));
  cmd->add_flag("--all", args->all, "also show sentences without triggers");
  cmd->callback([&g, args] {
    if (args->text.empty() && args->inputs.empty()) {
      fmt::print(stderr, "hadath explain: give INPUT... or --text \"…\" (see --help)\n");
      g.exit_code = 2;
      return;
    }
    auto engine = OpenEngine(g);
    if (!engine) { g.exit_code = 2; return; }
    if (!args->text.empty()) {
      Document d;
      d.id = "text";
      d.body = args->text;
      d.date = args->date;
      Extracted ex;
      Status st = engine->Extract(d, &ex);
      if (!st.ok()) { ReportError("--text", st); g.exit_code = 1; return; }
      Explain(*engine, ex, args->date, args->all);
      return;
    }
    size_t failed = ForEachExtracted(*engine, args->inputs, args->input_format,
                                     [&](const Extracted& ex) { Explain(*engine, ex, args->date, args->all); });
    g.exit_code = failed ? 1 : 0;
  });
}

}  // namespace hadath::cli
