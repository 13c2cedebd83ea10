// hadath tokens: how hadath reads a text — sentences, tokens, matching forms,
// clitic alternatives, stems and offsets. The tool a dictionary author uses.
#include <fmt/core.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "ingest/reader.h"
#include "lexicon/lexicon.h"
#include "text/stemmer.h"
#include "util/utf8.h"

namespace hadath::cli {

namespace {
struct TokensArgs {
  std::vector<std::string> inputs;
  std::string text, format = "table", input_format = "auto";
};

const char* KindName(TokenKind k) {
  switch (k) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
  }
  return "?";
}

std::string SegmentString(const Segment& s) {
  std::string out;
  if (!s.prefix.empty()) out.append(s.prefix).append("+");
  out += s.stem;
  if (!s.suffix.empty()) out.append("+").append(s.suffix);
  return out;
}

std::string TokenStem(const Token& t) {
  if (t.kind != TokenKind::kWord) return "";
  if (t.arabic) return Stem(t.norm, StemLang::kArabic);
  bool latin = false;
  for (unsigned char c : t.norm) latin |= (c >= 'a' && c <= 'z');
  return latin ? Stem(t.norm, StemLang::kEnglish) : "";
}

void PrintDoc(const Lexicon& lex, const std::string& doc_id, const std::string& text, bool json) {
  utf8::OffsetMap offsets(text);
  auto sentences = lex.tokenizer().Split(text, /*all_alternatives=*/true);
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    if (json) {
      nlohmann::ordered_json j;
      j["doc_id"] = doc_id;
      j["sentence_index"] = si;
      j["start"] = offsets.ToCodePoint(s.begin);
      j["end"] = offsets.ToCodePoint(s.end);
      j["text"] = text.substr(s.begin, s.end - s.begin);
      nlohmann::ordered_json toks = nlohmann::ordered_json::array();
      for (const Token& t : s.tokens) {
        nlohmann::ordered_json tj;
        tj["text"] = text.substr(t.begin, t.end - t.begin);
        tj["norm"] = t.norm;
        tj["kind"] = KindName(t.kind);
        tj["start"] = offsets.ToCodePoint(t.begin);
        tj["end"] = offsets.ToCodePoint(t.end);
        tj["stem"] = TokenStem(t);
        nlohmann::ordered_json segs = nlohmann::ordered_json::array();
        for (size_t k = 1; k < t.segs.size(); ++k)
          segs.push_back({{"prefix", t.segs[k].prefix}, {"stem", t.segs[k].stem}, {"suffix", t.segs[k].suffix}});
        tj["segments"] = segs;
        toks.push_back(tj);
      }
      j["tokens"] = toks;
      fmt::print("{}\n", j.dump());
    } else {
      fmt::print("# {} sentence {} [{}-{}]\n", doc_id, si, offsets.ToCodePoint(s.begin), offsets.ToCodePoint(s.end));
      for (const Token& t : s.tokens) {
        std::string alts;
        for (size_t k = 1; k < t.segs.size(); ++k) alts += (k > 1 ? " " : "") + SegmentString(t.segs[k]);
        fmt::print("{:>5}-{:<5} {:<6} {:<20} {:<20} {:<12} {}\n", offsets.ToCodePoint(t.begin),
                   offsets.ToCodePoint(t.end), KindName(t.kind), text.substr(t.begin, t.end - t.begin), t.norm,
                   TokenStem(t), alts);
      }
    }
  }
}
}  // namespace

void RegisterTokens(CLI::App& app, Globals& g) {
  auto args = std::make_shared<TokensArgs>();
  CLI::App* cmd = app.add_subcommand("tokens", "show how hadath reads a text: sentences, tokens, forms, clitics, offsets");
  cmd->footer(
      "Table columns: start-end (code point offsets into the extracted text), kind, surface, matching\n"
      "form (data/ar/normalize.tsv), Snowball stem, and the clitic alternatives (prefix+stem+suffix,\n"
      "data/ar/clitics.tsv; a stem a suffix was split off also as spelt alone, data/ar/stem_endings.tsv:\n"
      "زيارته → زياره+ه) the dictionaries are matched against.\n"
      "Examples:\n"
      "  hadath tokens --text \"وبموسكو التقى الوزيران\"\n"
      "  hadath tokens --format json article.txt");
  cmd->add_option("inputs", args->inputs, "files, directories, or - for stdin (extracted first, as `hadath code` does)");
  cmd->add_option("--text", args->text, "tokenize this text instead of inputs");
  cmd->add_option("--format", args->format, "table or json (one object per sentence)")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--input-format", args->input_format, "format of stdin")
      ->check(CLI::IsMember({"auto", "txt", "html", "jsonl"}));
  cmd->callback([&g, args] {
    if (args->text.empty() && args->inputs.empty()) {
      fmt::print(stderr, "hadath tokens: give INPUT... or --text \"…\" (see --help)\n");
      g.exit_code = 2;
      return;
    }
    auto engine = OpenEngine(g);
    if (!engine) { g.exit_code = 2; return; }
    const Lexicon& lex = engine->lexicon();
    bool json = args->format == "json";
    if (!args->text.empty()) {
      std::string clean;
      utf8::Sanitize(args->text, &clean);
      PrintDoc(lex.ForText(clean), "text", clean, json);
      return;
    }
    size_t failed = ForEachExtracted(*engine, args->inputs, args->input_format,
                                     [&](const Extracted& ex) { PrintDoc(lex.ForDocument(ex.lang, ex.text), ex.id, ex.text, json); });
    g.exit_code = failed ? 1 : 0;
  });
}

}  // namespace hadath::cli
