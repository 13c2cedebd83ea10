// hadath code: inputs → events (JSON Lines or a readable table).
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/commands.h"
#include "code/event_json.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "text/dates.h"

namespace hadath::cli {

namespace {
struct CodeArgs {
  std::vector<std::string> inputs;
  std::string output, format = "jsonl", input_format = "auto", date;
  bool keep_negated = false, quiet = false, strict = false;
  size_t threads = 0;
};
}  // namespace

void RegisterCode(CLI::App& app, Globals& g) {
  auto args = std::make_shared<CodeArgs>();
  CLI::App* cmd = app.add_subcommand("code", "code news into events (JSON Lines, see EVENT_FORMAT.md)");
  cmd->footer(
      "INPUT is a file (.txt scraped text, .html/.htm, .jsonl or .jsonl.gz with id, url, source,\n"
      "date, title and text or html per line, .warc or .warc.gz), a directory (read recursively),\n"
      "or - for stdin. A bad input or WARC record is reported on stderr (\"hadath: FILE: reason\")\n"
      "and the others are still coded; the exit status is 1 when any input failed (--strict: at the\n"
      "first failure), 2 on usage or data errors.");
  cmd->add_option("inputs", args->inputs, "files, directories, or - for stdin")->required();
  cmd->add_option("-o,--output", args->output, "write to FILE instead of stdout");
  cmd->add_option("--format", args->format, "jsonl (one event per line) or table (for people)")
      ->check(CLI::IsMember({"jsonl", "table"}));
  cmd->add_option("--input-format", args->input_format, "format of stdin (and of files with unknown extensions)")
      ->check(CLI::IsMember({"auto", "txt", "html", "jsonl", "warc"}));
  cmd->add_option("--date", args->date, "publication date YYYY-MM-DD for inputs that carry none")
      ->check([](const std::string& s) {
        Ymd d;
        return Ymd::Parse(s, &d) && s.size() == 10 ? std::string() : "expected YYYY-MM-DD, got '" + s + "'";
      });
  cmd->add_flag("--strict", args->strict, "stop at the first bad input or record (exit 1)");
  cmd->add_option("-j,--threads", args->threads, "worker threads (default: one per core); output order and content do not depend on it");
  cmd->add_flag("--keep-negated", args->keep_negated, "also emit negated, uncertain and hypothetical events (negated: true)");
  cmd->add_flag("-q,--quiet", args->quiet, "no summary line on stderr");
  cmd->callback([&g, args] {
    auto engine = OpenEngine(g, args->keep_negated);
    if (!engine) { g.exit_code = 2; return; }
    std::FILE* out = stdout;
    if (!args->output.empty()) {
      out = std::fopen(args->output.c_str(), "w");
      if (!out) {
        fmt::print(stderr, "hadath: {}: cannot write: {}\n", args->output, std::strerror(errno));
        g.exit_code = 2;
        return;
      }
    }
    ReadOptions ropt;
    ParseInputFormat(args->input_format, &ropt.stdin_format);
    bool table = args->format == "table";
    if (table) fmt::print(out, "{}\n", FormatEventHeader());
    // Reading, extraction and coding run on --threads workers; results come
    // back here in input order, so the output is the same for any thread count.
    PipelineOptions popt;
    popt.threads = args->threads;
    popt.fallback_date = args->date;
    const bool progress = !args->quiet && ::isatty(2);
    auto t0 = std::chrono::steady_clock::now(), last = t0;
    bool stopped_strict = false;
    PipelineStats stats;
    std::string line;
    RunPipeline(*engine, args->inputs, ropt, popt, [&](PipelineResult&& r) {
      if (!r.status.ok()) {
        if (progress) fmt::print(stderr, "\r\033[K");
        ReportError(r.origin, r.status);
        if (args->strict) { stopped_strict = true; return false; }
        return true;
      }
      for (const Event& e : r.events) {
        if (table) fmt::print(out, "{}\n", FormatEventRow(e));
        else {
          line.clear();
          AppendEventJson(e, &line);  // = EventToJson(e).dump(), without the JSON tree
          line += '\n';
          std::fwrite(line.data(), 1, line.size(), out);
        }
      }
      if (progress) {
        auto now = std::chrono::steady_clock::now();
        if (now - last > std::chrono::seconds(1)) {
          last = now;
          double secs = std::chrono::duration<double>(now - t0).count();
          fmt::print(stderr, "\r\033[Khadath: {} documents, {} events, {:.0f} docs/s", stats.documents + 1,
                     stats.events + r.events.size(), (stats.documents + 1) / secs);
        }
      }
      return true;
    }, &stats);
    if (progress) fmt::print(stderr, "\r\033[K");
    const size_t n_docs = stats.documents, n_events = stats.events, n_failed = stats.failed;
    if (std::fflush(out) != 0 || (out != stdout && std::fclose(out) != 0)) {
      fmt::print(stderr, "hadath: {}: write failed\n", args->output.empty() ? "<stdout>" : args->output);
      g.exit_code = 2;
      return;
    }
    if (!args->quiet && !stopped_strict)
      fmt::print(stderr, "hadath: {} document{} coded, {} event{}{}{}\n", n_docs, n_docs == 1 ? "" : "s", n_events,
                 n_events == 1 ? "" : "s", n_failed ? fmt::format(", {} failed", n_failed) : "",
                 args->output.empty() ? "" : " → " + args->output);
    g.exit_code = n_failed || stopped_strict ? 1 : 0;
    // Freeing the dictionaries costs ~30 M instructions (~7 ms, a tenth of a one-document run)
    // and the process exits next: they are left to the exit, reachable from a static (so no
    // leak is reported).
    static auto* const kept = new std::vector<std::unique_ptr<Engine>>;
    kept->push_back(std::move(engine));
  });
}

}  // namespace hadath::cli
