// hadath export: an event store → GDELT 2.0 tables, JSON Lines or CSV.
#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "cli/commands.h"
#include "cli/store_flags.h"
#include "code/event_json.h"
#include "store/export.h"

namespace hadath::cli {

namespace {
struct ExportArgs {
  std::string db = "hadath.db", format = "jsonl", table = "events", output;
  bool header = false;
  QueryFilter filter;
};

std::string Join(const std::vector<std::string>& cells, char sep) {
  std::string s;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) s += sep;
    s += cells[i];
  }
  return s;
}

std::string CsvLine(const std::vector<Value>& row) {
  std::vector<std::string> cells;
  for (const auto& v : row) cells.push_back(store::CsvField(store::ValueText(v)));
  return Join(cells, ',');
}

std::string CsvHeader(const std::vector<std::string>& cols) {
  std::vector<std::string> cells;
  for (const auto& c : cols) cells.push_back(store::CsvField(c));
  return Join(cells, ',');
}
}  // namespace

void RegisterExport(CLI::App& app, Globals& g) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", "write an event store as GDELT 2.0 tables, JSON Lines or CSV");
  cmd->footer(
      "--format gdelt writes the GDELT 2.0 layout, tab-separated, no header (add --header for one):\n"
      "the events table (61 columns) or, with --table mentions, the mentions table (16 columns).\n"
      "Columns hadath does not compute (AvgTone, actor geography, ethnic and religion codes) are\n"
      "empty. --format jsonl writes one object per event (or per mention: the EVENT_FORMAT.md\n"
      "object of `hadath code` plus store_event_id and confidence); csv the same columns with a header.\n\n"
      "Examples:\n"
      "  hadath export --format gdelt -o events.tsv\n"
      "  hadath export --format gdelt --table mentions -o mentions.tsv\n"
      "  hadath export --db postgresql://me@localhost/news --format csv --from 2015-07-01 --root 19");
  AddDbOption(cmd, &args->db);
  cmd->add_option("--format", args->format, "gdelt, jsonl or csv")->check(CLI::IsMember({"gdelt", "jsonl", "csv"}));
  cmd->add_option("--table", args->table, "events (deduplicated) or mentions (every report)")
      ->check(CLI::IsMember({"events", "mentions"}));
  cmd->add_option("-o,--output", args->output, "write to FILE instead of stdout");
  cmd->add_flag("--header", args->header, "gdelt: first line with the GDELT column names");
  AddFilterOptions(cmd, &args->filter);
  cmd->callback([&g, args] {
    StoreOptions sopt;
    sopt.create_if_missing = false;
    auto store = OpenStoreOrReport(args->db, sopt);
    if (!store) { g.exit_code = 2; return; }
    std::FILE* out = stdout;
    if (!args->output.empty()) {
      out = std::fopen(args->output.c_str(), "w");
      if (!out) {
        fmt::print(stderr, "hadath: {}: cannot write: {}\n", args->output, std::strerror(errno));
        g.exit_code = 2;
        return;
      }
    }
    const std::string& f = args->format;
    const bool events = args->table == "events";
    size_t rows = 0;
    Status st;
    if (events) {
      if (f == "csv") fmt::print(out, "{}\n", CsvHeader(store::EventColumns()));
      if (f == "gdelt" && args->header) fmt::print(out, "{}\n", Join(store::GdeltEventColumns(), '\t'));
      st = store->ForEachEvent(args->filter, [&](const EventRecord& e) {
        ++rows;
        if (f == "gdelt") {
          fmt::print(out, "{}\n", Join(store::GdeltEventRow(e), '\t'));
        } else if (f == "csv") {
          fmt::print(out, "{}\n", CsvLine(store::EventValues(e)));
        } else {
          nlohmann::ordered_json j;
          auto vals = store::EventValues(e);
          for (size_t i = 0; i < vals.size(); ++i) j[store::EventColumns()[i]] = store::ValueJson(vals[i]);
          fmt::print(out, "{}\n", j.dump());
        }
      });
    } else {
      if (f == "csv") fmt::print(out, "{}\n", CsvHeader(store::MentionCsvColumns()));
      if (f == "gdelt" && args->header) fmt::print(out, "{}\n", Join(store::GdeltMentionColumns(), '\t'));
      st = store->ForEachMention(args->filter, [&](const MentionRecord& m) {
        ++rows;
        if (f == "gdelt") fmt::print(out, "{}\n", Join(store::GdeltMentionRow(m), '\t'));
        else if (f == "csv") fmt::print(out, "{}\n", CsvLine(store::MentionCsvValues(m)));
        else fmt::print(out, "{}\n", store::MentionToJson(m).dump());
      });
    }
    bool write_failed = std::fflush(out) != 0 || (out != stdout && std::fclose(out) != 0);
    if (!st.ok()) {
      fmt::print(stderr, "hadath: {}: {}\n", args->db, st.message());
      g.exit_code = 2;
      return;
    }
    if (write_failed) {
      fmt::print(stderr, "hadath: {}: write failed\n", args->output.empty() ? "<stdout>" : args->output);
      g.exit_code = 2;
      return;
    }
    g.exit_code = 0;
  });
}

}  // namespace hadath::cli
