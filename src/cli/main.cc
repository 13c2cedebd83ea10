// hadath — Arabic-first political event coder. Entry point of the CLI.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "cli/commands.h"
#include "hadath/engine.h"

int main(int argc, char** argv) {
  hadath::cli::Globals g;
  g.argv0 = argc > 0 ? argv[0] : "";
  CLI::App app{
      "hadath (حدث) turns raw news into political event data: who did what to whom, where and when,\n"
      "coded in CAMEO, with every event traceable to the words and rules that produced it.\n\n"
      "Examples:\n"
      "  hadath code article.txt                   events as JSON Lines\n"
      "  hadath code --format table pages/         a readable table for a directory of pages\n"
      "  hadath code --date 2024-01-05 - < a.txt   stdin, with a publication date\n"
      "  hadath extract page.html                  the article text and metadata\n"
      "  hadath tokens --text \"وبموسكو\"           how hadath reads a text\n",
      "hadath"};
  app.require_subcommand(1);
  app.option_defaults()->always_capture_default();
  app.add_option("--data", g.data_dir,
                 "data directory (dictionaries and rules); default: $HADATH_DATA, then the installed\n"
                 "share/hadath/data, then the source tree's data/")
      ->envname("HADATH_DATA");
  hadath::cli::RegisterCode(app, g);
  hadath::cli::RegisterExtract(app, g);
  hadath::cli::RegisterTokens(app, g);
  hadath::cli::RegisterExplain(app, g);
  hadath::cli::RegisterMentions(app, g);
  hadath::cli::RegisterDict(app, g);
  hadath::cli::RegisterIngest(app, g);
  hadath::cli::RegisterQuery(app, g);
  hadath::cli::RegisterExport(app, g);
  hadath::cli::RegisterServe(app, g);
  app.add_subcommand("version", "print hadath's version")->callback([&] {
    fmt::print("hadath {}\n", hadath::Version());
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return g.exit_code;
}
