// The subcommands of the hadath executable. Each Register* adds one
// subcommand to the CLI11 app; its callback runs it and stores the exit code.
//   exit 0: every input processed; 1: some inputs failed (the rest were
//   processed); 2: usage error or data that could not be loaded.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "hadath/engine.h"
#include "hadath/event.h"

namespace hadath::cli {

struct Globals {
  std::string data_dir;
  std::string argv0;
  int exit_code = 0;
};

void RegisterCode(CLI::App& app, Globals& g);
void RegisterExtract(CLI::App& app, Globals& g);
void RegisterTokens(CLI::App& app, Globals& g);
void RegisterExplain(CLI::App& app, Globals& g);
void RegisterMentions(CLI::App& app, Globals& g);
void RegisterDict(CLI::App& app, Globals& g);
void RegisterIngest(CLI::App& app, Globals& g);
void RegisterQuery(CLI::App& app, Globals& g);
void RegisterExport(CLI::App& app, Globals& g);
void RegisterServe(CLI::App& app, Globals& g);

// Opens the engine or prints the reason and returns nullptr.
std::unique_ptr<Engine> OpenEngine(const Globals& g, bool keep_negated = false);

// One readable line per event (for people, not scripts).
std::string FormatEventRow(const Event& e);
std::string FormatEventHeader();

// Prints "hadath: ORIGIN: reason" to stderr.
void ReportError(const std::string& origin, const Status& st);

// Reads and extracts every input (files, directories, "-" with `input_format`), calls `fn`
// on each article in input order, reports each bad input on stderr; returns how many failed.
size_t ForEachExtracted(const Engine& engine, const std::vector<std::string>& inputs,
                        const std::string& input_format, const std::function<void(const Extracted&)>& fn);

}  // namespace hadath::cli
