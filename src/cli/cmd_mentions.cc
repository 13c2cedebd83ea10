// hadath mentions: every actor, agent, place and date mention of the inputs,
// as JSON Lines (lexicon/mentions.h says how they are found and resolved).
#include <fmt/core.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "ingest/reader.h"
#include "lexicon/lexicon.h"
#include "lexicon/mentions.h"
#include "util/utf8.h"

namespace hadath::cli {

namespace {

struct MentionsArgs {
  std::vector<std::string> inputs;
  std::string text, date, input_format = "auto";
  bool rules = false;
};

void PrintMentions(const Lexicon& lex, const std::string& doc_id, const std::string& text, const std::string& date,
                   bool rules) {
  Ymd d;
  if (!Ymd::Parse(date, &d)) d = Ymd{};
  utf8::OffsetMap offsets(text);
  std::string out;
  for (const Mention& m : FindMentions(lex, text, d)) {
    nlohmann::ordered_json j;
    j["doc_id"] = doc_id;
    j["kind"] = MentionKindName(m.kind);
    j["text"] = text.substr(m.begin, m.end - m.begin);
    j["start"] = offsets.ToCodePoint(m.begin);
    j["end"] = offsets.ToCodePoint(m.end);
    if (m.kind == Mention::Kind::kDate) {
      j["date"] = m.date;
      j["basis"] = m.code;
    } else {
      j["code"] = m.code;
      j["country"] = m.country;
      j["sector"] = m.sector;
      j["name"] = m.name;
      j["id"] = m.id;
    }
    if (m.place) {
      j["lat"] = m.place->lat;
      j["lon"] = m.place->lon;
      if (m.place->geonames_id) j["geonames_id"] = *m.place->geonames_id;
      else j["geonames_id"] = nullptr;
    }
    j["sentence_index"] = m.sentence;
    if (!m.why.empty()) j["resolved_by"] = m.why;
    if (rules) j["rules"] = m.rules;
    out += j.dump();
    out += '\n';
  }
  fmt::print("{}", out);
}

}  // namespace

void RegisterMentions(CLI::App& app, Globals& g) {
  auto args = std::make_shared<MentionsArgs>();
  CLI::App* cmd = app.add_subcommand("mentions", "every actor, agent, place and date mention, as JSON Lines");
  cmd->footer(
      "One object per mention: doc_id, kind (actor|agent|place|date), text, start, end (code point offsets\n"
      "into the text `hadath extract` prints), code, country, sector, name, id; places add lat, lon,\n"
      "geonames_id; dates add date and basis. resolved_by says how an ambiguous name was resolved.\n"
      "Examples:\n"
      "  hadath mentions --text \"استقبل الرئيس الروسي في موسكو وزير الخارجية الإيراني\"\n"
      "  hadath mentions --rules --date 2012-05-01 article.txt");
  cmd->add_option("inputs", args->inputs, "files, directories, or - for stdin (extracted first, as `hadath code` does)");
  cmd->add_option("--text", args->text, "find the mentions of this text instead of inputs");
  cmd->add_option("--date", args->date, "YYYY-MM-DD when the input carries no date (chooses actors' roles)");
  cmd->add_flag("--rules", args->rules, "add the file:line of every entry used");
  cmd->add_option("--input-format", args->input_format, "format of stdin")
      ->check(CLI::IsMember({"auto", "txt", "html", "jsonl", "warc"}));
  cmd->callback([&g, args] {
    if (args->text.empty() && args->inputs.empty()) {
      fmt::print(stderr, "hadath mentions: give INPUT... or --text \"…\" (see --help)\n");
      g.exit_code = 2;
      return;
    }
    auto engine = OpenEngine(g);
    if (!engine) { g.exit_code = 2; return; }
    const Lexicon& lex = engine->lexicon();
    if (!args->text.empty()) {
      std::string clean;
      utf8::Sanitize(args->text, &clean);
      PrintMentions(lex.ForText(clean), "text", clean, args->date, args->rules);
      return;
    }
    size_t failed = ForEachExtracted(*engine, args->inputs, args->input_format, [&](const Extracted& ex) {
      PrintMentions(lex.ForDocument(ex.lang, ex.text), ex.id, ex.text, ex.date.empty() ? args->date : ex.date, args->rules);
    });
    g.exit_code = failed ? 1 : 0;
  });
}

}  // namespace hadath::cli
