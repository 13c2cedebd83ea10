// hadath extract: inputs → the article text and metadata hadath codes.
#include <fmt/core.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "cli/commands.h"
#include "code/event_json.h"
#include "ingest/reader.h"

namespace hadath::cli {

namespace {
struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string format = "json", input_format = "auto";
  bool keep_boilerplate = false, strict = false, quiet = false;
};
}  // namespace

void RegisterExtract(CLI::App& app, Globals& g) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "print each document's article text and metadata");
  cmd->footer(
      "INPUT is a file (.txt scraped text, .html/.htm, .jsonl/.jsonl.gz, .warc/.warc.gz), a directory\n"
      "(read recursively), or - for stdin. Pages in any charset (BOM, HTTP/meta charset, else detected)\n"
      "come out as UTF-8.\n\n"
      "json: one object per document: id, url, title, date, date_origin, site, lang, invalid_bytes,\n"
      "text, encoding (and removed: [{reason, text}] with --keep-boilerplate).\n"
      "text: '# title', a metadata line, the text, then with --keep-boilerplate '[removed: reason] line'.\n"
      "Event offsets (start/end) of `hadath code` are code point offsets into this text.\n\n"
      "Each bad document or WARC record is one line on stderr (\"hadath: FILE[: record N at byte X]: reason\"),\n"
      "the others are still extracted; a summary line follows. Exit status: 0 all extracted, 1 some failed\n"
      "(with --strict: the first failure, at once), 2 usage or data errors.");
  cmd->add_option("inputs", args->inputs, "files, directories, or - for stdin")->required();
  cmd->add_option("--format", args->format, "json (one object per line) or text (title, metadata, text)")
      ->check(CLI::IsMember({"json", "text"}));
  cmd->add_option("--input-format", args->input_format, "format of stdin (and of files with unknown extensions)")
      ->check(CLI::IsMember({"auto", "txt", "html", "jsonl", "warc"}));
  cmd->add_flag("--keep-boilerplate", args->keep_boilerplate, "also list what was removed, and why");
  cmd->add_flag("--strict", args->strict, "stop at the first bad input or record (exit 1)");
  cmd->add_flag("-q,--quiet", args->quiet, "no summary line on stderr");
  cmd->callback([&g, args] {
    auto engine = OpenEngine(g);
    if (!engine) { g.exit_code = 2; return; }
    ReadOptions ropt;
    ParseInputFormat(args->input_format, &ropt.stdin_format);
    size_t failed = 0, extracted = 0;
    ErrorSink on_error = [&](const std::string& origin, const Status& st) {
      ++failed;
      ReportError(origin, st);
      if (args->strict) {
        std::fflush(stdout);
        std::exit(1);
      }
    };
    DocSink on_doc = [&](Document&& doc) {
      Extracted ex;
      Status st = engine->Extract(doc, &ex);
      if (!st.ok()) { on_error(doc.origin, st); return true; }
      ++extracted;
      if (args->format == "json") {
        auto j = ExtractedToJson(ex, args->keep_boilerplate);
        j["encoding"] = ex.encoding;
        fmt::print("{}\n", j.dump());
      } else {
        fmt::print("# {}\n# id: {}  date: {} ({})  site: {}  lang: {}  encoding: {}  invalid bytes: {}\n\n{}\n", ex.title,
                   ex.id, ex.date, ex.date_origin, ex.site, ex.lang, ex.encoding, ex.invalid_bytes, ex.text);
        if (args->keep_boilerplate)
          for (const auto& r : ex.removed) fmt::print("\n[removed: {}] {}", r.reason, r.text);
        fmt::print("\n");
      }
      return true;
    };
    ReadStats stats;
    ReadInputs(args->inputs, ropt, on_doc, on_error, &stats);
    std::fflush(stdout);
    if (!args->quiet)
      fmt::print(stderr, "hadath: {} document{} extracted{}{}\n", extracted, extracted == 1 ? "" : "s",
                 failed ? fmt::format(", {} failed", failed) : "",
                 stats.skipped ? fmt::format(", {} WARC record{} skipped (not pages)", stats.skipped,
                                             stats.skipped == 1 ? "" : "s")
                               : "");
    g.exit_code = failed ? 1 : 0;
  });
}

}  // namespace hadath::cli
