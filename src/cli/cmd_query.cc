// hadath query: the questions analysts ask of an event store.
#include <fmt/core.h>

#include <memory>

#include "cli/commands.h"
#include "cli/store_flags.h"
#include "store/export.h"
#include "util/utf8.h"

namespace hadath::cli {

namespace {
struct QueryArgs {
  std::string kind = "events", db = "hadath.db", format = "table", by = "month";
  QueryFilter filter;
};

std::string Cell(const Value& v) {
  if (auto* d = std::get_if<double>(&v)) return fmt::format("{:.2f}", *d);
  return store::ValueText(v);
}

std::string Fit(const std::string& s, size_t width) {
  size_t n = utf8::Length(s);
  if (n > width) {
    std::string out;
    size_t i = 0, k = 0;
    while (i < s.size() && k + 1 < width) { size_t b = i; utf8::Next(s, &i); out.append(s, b, i - b); ++k; }
    return out + "…";
  }
  return s + std::string(width - n, ' ');
}

void PrintTable(const Table& t, std::FILE* out) {
  constexpr size_t kMax = 40;
  std::vector<size_t> w(t.columns.size());
  for (size_t c = 0; c < t.columns.size(); ++c) w[c] = std::min(kMax, utf8::Length(t.columns[c]));
  for (const auto& row : t.rows)
    for (size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], std::min(kMax, utf8::Length(Cell(row[c]))));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (size_t c = 0; c < cells.size(); ++c) s += (c ? "  " : "") + Fit(cells[c], w[c]);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    fmt::print(out, "{}\n", s);
  };
  line(t.columns);
  for (const auto& row : t.rows) {
    std::vector<std::string> cells;
    for (const auto& v : row) cells.push_back(Cell(v));
    line(cells);
  }
  fmt::print(out, "({} row{})\n", t.rows.size(), t.rows.size() == 1 ? "" : "s");
}
}  // namespace

void PrintRows(const Table& t, const std::string& format, std::FILE* out) {
  if (format == "table") return PrintTable(t, out);
  if (format == "csv") {
    std::string s;
    for (size_t c = 0; c < t.columns.size(); ++c) s += (c ? "," : "") + store::CsvField(t.columns[c]);
    fmt::print(out, "{}\n", s);
    for (const auto& row : t.rows) {
      s.clear();
      for (size_t c = 0; c < row.size(); ++c) s += (c ? "," : "") + store::CsvField(store::ValueText(row[c]));
      fmt::print(out, "{}\n", s);
    }
    return;
  }
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const auto& row : t.rows) {
    nlohmann::ordered_json j;
    for (size_t c = 0; c < row.size(); ++c) j[t.columns[c]] = store::ValueJson(row[c]);
    if (format == "json") all.push_back(std::move(j));
    else fmt::print(out, "{}\n", j.dump());
  }
  if (format == "json") fmt::print(out, "{}\n", all.dump(1));
}

void RegisterQuery(CLI::App& app, Globals& g) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand("query", "ask an event store: events, dyads, timeline, actors, documents");
  cmd->footer(
      "QUERY is one of:\n"
      "  events     the deduplicated events, by date (default)\n"
      "  dyads      who interacted with whom most: events, mentions, mean Goldstein, quad classes\n"
      "  timeline   events per --by period with quad-class counts and mean Goldstein\n"
      "  actors     actors by number of events, as source and as target\n"
      "  documents  stored documents and how many events each reported\n\n"
      "Examples:\n"
      "  hadath query dyads --limit 10\n"
      "  hadath query timeline --actor ISR --actor PSE --by month\n"
      "  hadath query events --root 19 --country SYR --from 2015-01-01 --format csv\n"
      "  hadath query events --doc snn-2015-07-21-00000      the events one document produced\n"
      "  hadath query events --text حماس --format jsonl");
  cmd->add_option("query", args->kind, "what to ask (default: events)")
      ->check(CLI::IsMember({"events", "dyads", "timeline", "actors", "documents"}));
  AddDbOption(cmd, &args->db);
  AddFilterOptions(cmd, &args->filter);
  cmd->add_option("--by", args->by, "timeline period")->check(CLI::IsMember({"day", "month", "year"}));
  cmd->add_option("--format", args->format, "table (for people), jsonl, json (one array) or csv")
      ->check(CLI::IsMember({"table", "jsonl", "json", "csv"}));
  cmd->callback([&g, args] {
    StoreOptions sopt;
    sopt.create_if_missing = false;
    auto store = OpenStoreOrReport(args->db, sopt);
    if (!store) { g.exit_code = 2; return; }
    Table t;
    Status st = store->Query(args->kind, args->filter, args->by, &t);
    if (!st.ok()) {
      fmt::print(stderr, "hadath: {}: {}\n", args->db, st.message());
      g.exit_code = 2;
      return;
    }
    PrintRows(t, args->format, stdout);
    g.exit_code = 0;
  });
}

}  // namespace hadath::cli
