// hadath extract: inputs → the article text and metadata hadath codes.
#include <fmt/core.h>

#include <memory>

#include "cli/commands.h"
#include "code/event_json.h"
#include "ingest/reader.h"

namespace hadath::cli {

namespace {
struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string format = "json", input_format = "auto";
  bool keep_boilerplate = false;
};
}  // namespace

void RegisterExtract(CLI::App& app, Globals& g) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "print each document's article text and metadata");
  cmd->footer(
      "One JSON object per document: id, url, title, date, date_origin, site, lang, invalid_bytes, text.\n"
      "Event offsets (start/end) of `hadath code` are code point offsets into this text.");
  cmd->add_option("inputs", args->inputs, "files, directories, or - for stdin")->required();
  cmd->add_option("--format", args->format, "json (one object per line) or text (title, metadata, text)")
      ->check(CLI::IsMember({"json", "text"}));
  cmd->add_option("--input-format", args->input_format, "format of stdin (and of files with unknown extensions)")
      ->check(CLI::IsMember({"auto", "txt", "html", "jsonl"}));
  cmd->add_flag("--keep-boilerplate", args->keep_boilerplate, "also list what was removed, and why");
  cmd->callback([&g, args] {
    auto engine = OpenEngine(g);
    if (!engine) { g.exit_code = 2; return; }
    ReadOptions ropt;
    ParseInputFormat(args->input_format, &ropt.stdin_format);
    size_t failed = 0;
    ErrorSink on_error = [&](const std::string& origin, const Status& st) {
      ++failed;
      ReportError(origin, st);
    };
    DocSink on_doc = [&](Document&& doc) {
      Extracted ex;
      Status st = engine->Extract(doc, &ex);
      if (!st.ok()) { on_error(doc.origin, st); return true; }
      if (args->format == "json") {
        fmt::print("{}\n", ExtractedToJson(ex, args->keep_boilerplate).dump());
      } else {
        fmt::print("# {}\n# id: {}  date: {} ({})  site: {}  lang: {}\n\n{}\n", ex.title, ex.id, ex.date,
                   ex.date_origin, ex.site, ex.lang, ex.text);
        if (args->keep_boilerplate)
          for (const auto& r : ex.removed) fmt::print("\n[removed: {}] {}", r.reason, r.text);
        fmt::print("\n");
      }
      return true;
    };
    ReadStats stats;
    ReadInputs(args->inputs, ropt, on_doc, on_error, &stats);
    g.exit_code = failed ? 1 : 0;
  });
}

}  // namespace hadath::cli
