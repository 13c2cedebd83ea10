// hadath ingest: inputs → events in a store (SQLite file or PostgreSQL).
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <memory>

#include "cli/commands.h"
#include "cli/store_flags.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace hadath::cli {

namespace {
struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db = "hadath.db", input_format = "auto", date;
  size_t batch = 500;
  size_t threads = 0;
  int window = 1;
  bool any_country = false, keep_negated = false, quiet = false;
};

struct Counts {
  size_t seen = 0, added = 0, replaced = 0, unchanged = 0, duplicate = 0, mentions = 0, failed = 0;
};
}  // namespace

void RegisterIngest(CLI::App& app, Globals& g) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "code inputs into an event store (SQLite or PostgreSQL)");
  cmd->footer(
      "Examples:\n"
      "  hadath ingest feed.jsonl.gz                       into ./hadath.db (SQLite, created if missing)\n"
      "  hadath ingest --db news.db pages/ more.jsonl      any inputs `hadath code` reads\n"
      "  hadath ingest --db postgresql://me@localhost/news feed.jsonl\n\n"
      "A document already stored with the same id (or, without an id, the same bytes) and the same\n"
      "content is skipped; a changed one replaces its previous mentions; the same text under another\n"
      "id is a duplicate and adds nothing. Work is committed every --batch documents: after a crash\n"
      "or kill, run the same command again to finish. Mentions of one happening are merged into one\n"
      "event (same CAMEO root, same dyad, either direction for 04/06, dates within --dedup-window\n"
      "days, same location country when both are known). Exit status: 0 all inputs stored, 1 some\n"
      "inputs failed (the others were stored), 2 usage, data or database errors.");
  cmd->add_option("inputs", args->inputs, "files, directories, or - for stdin")->required();
  AddDbOption(cmd, &args->db);
  cmd->add_option("--batch", args->batch, "documents per transaction")->check(CLI::PositiveNumber);
  cmd->add_option("-j,--threads", args->threads, "extract+code worker threads (default: one per core); one writer");
  cmd->add_option("--dedup-window", args->window, "days between two reports of one event")
      ->check(CLI::Range(0, 365));
  cmd->add_flag("--dedup-any-country", args->any_country, "merge reports whatever their location countries");
  cmd->add_option("--input-format", args->input_format, "format of stdin (and of files with unknown extensions)")
      ->check(CLI::IsMember({"auto", "txt", "html", "jsonl"}));
  cmd->add_option("--date", args->date, "publication date YYYY-MM-DD for inputs that carry none")->check(CheckDate);
  cmd->add_flag("--keep-negated", args->keep_negated, "also store negated, uncertain and hypothetical events");
  cmd->add_flag("-q,--quiet", args->quiet, "no progress and no summary on stderr");
  cmd->callback([&g, args] {
    auto engine = OpenEngine(g, args->keep_negated);
    if (!engine) { g.exit_code = 2; return; }
    StoreOptions sopt;
    sopt.dedup.window_days = args->window;
    sopt.dedup.match_country = !args->any_country;
    auto store = OpenStoreOrReport(args->db, sopt);
    if (!store) { g.exit_code = 2; return; }

    ReadOptions ropt;
    ParseInputFormat(args->input_format, &ropt.stdin_format);
    Counts n;
    Status fatal;
    size_t in_batch = 0;
    const bool progress = !args->quiet && ::isatty(STDERR_FILENO);
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    auto last_shown = t0;
    auto show = [&](bool final) {
      double secs = std::chrono::duration<double>(Clock::now() - t0).count();
      fmt::print(stderr, "\rhadath: {} documents, {} mentions, {:.0f} docs/s, {:.0f} s{}", n.seen, n.mentions,
                 secs > 0 ? n.seen / secs : 0.0, secs, final ? "\n" : "   ");
    };

    auto on_error = [&](const std::string& origin, const Status& st) {
      ++n.failed;
      if (progress) fmt::print(stderr, "\r");
      ReportError(origin, st);
    };
    fatal = store->Begin();
    // Extraction and coding run on --threads workers (src/pipeline); documents come back
    // here in input order and are written by this one thread, batch by batch.
    PipelineOptions popt;
    popt.threads = args->threads;
    popt.fallback_date = args->date;
    popt.keep_raw = true;
    PipelineStats pstats;
    RunPipeline(*engine, args->inputs, ropt, popt, [&](PipelineResult&& res) {
      if (!fatal.ok()) return false;
      if (res.read_error) {
        on_error(res.origin, res.status);
        return true;
      }
      ++n.seen;
      bool unchanged = false;
      fatal = store->IsUnchanged(res.raw, &unchanged);
      if (!fatal.ok()) return false;
      if (unchanged) {
        ++n.unchanged;
      } else if (!res.status.ok()) {
        on_error(res.origin, res.status);
        return true;
      } else {
        PutResult r;
        fatal = store->Put(res.raw, res.doc, res.events, &r);
        if (!fatal.ok()) { fatal = fatal.WithContext(res.origin); return false; }
        switch (r) {
          case PutResult::kAdded: ++n.added; n.mentions += res.events.size(); break;
          case PutResult::kReplaced: ++n.replaced; n.mentions += res.events.size(); break;
          case PutResult::kUnchanged: ++n.unchanged; break;
          case PutResult::kDuplicate: ++n.duplicate; break;
        }
      }
      if (++in_batch >= args->batch) {
        in_batch = 0;
        fatal = store->Commit();
        if (fatal.ok()) fatal = store->Begin();
        if (!fatal.ok()) return false;
      }
      if (progress && Clock::now() - last_shown > std::chrono::milliseconds(250)) {
        last_shown = Clock::now();
        show(false);
      }
      return true;
    }, &pstats);
    if (fatal.ok()) fatal = store->Commit();
    else store->Rollback();
    if (progress) show(true);
    if (!fatal.ok()) {
      fmt::print(stderr, "hadath: {}: {} (the last batch was rolled back; run again to resume)\n", args->db,
                 fatal.message());
      g.exit_code = 2;
      return;
    }
    StoreStats ss;
    Status st = store->Stats(&ss);
    if (!args->quiet) {
      fmt::print(stderr,
                 "hadath: {} document{}: {} added, {} replaced, {} unchanged, {} duplicate{}; {} mentions stored\n",
                 n.seen, n.seen == 1 ? "" : "s", n.added, n.replaced, n.unchanged, n.duplicate,
                 n.failed ? fmt::format(", {} failed", n.failed) : "", n.mentions);
      if (st.ok())
        fmt::print(stderr, "hadath: {} ({}): {} documents, {} events, {} mentions, {} actors, {} places\n", args->db,
                   store->backend(), ss.documents, ss.events, ss.mentions, ss.actors, ss.places);
    }
    g.exit_code = n.failed ? 1 : 0;
  });
}

}  // namespace hadath::cli
