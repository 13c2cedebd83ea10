// Flags shared by `hadath ingest`, `query` and `export`: the database and the filters.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "hadath/store.h"
#include "text/dates.h"

namespace hadath::cli {

inline constexpr const char* kDbHelp =
    "the event store: an SQLite file (default ./hadath.db, $HADATH_DB) or a PostgreSQL URL\n"
    "postgresql://user@host:port/dbname";

inline void AddDbOption(CLI::App* cmd, std::string* db) {
  cmd->add_option("--db", *db, kDbHelp)->envname("HADATH_DB");
}

inline std::string CheckDate(const std::string& s) {
  Ymd d;
  return Ymd::Parse(s, &d) && s.size() == 10 ? std::string() : "expected YYYY-MM-DD, got '" + s + "'";
}

inline void AddFilterOptions(CLI::App* cmd, QueryFilter* f) {
  cmd->add_option("--from", f->from, "events on or after this date (YYYY-MM-DD)")->check(CheckDate);
  cmd->add_option("--to", f->to, "events on or before this date (YYYY-MM-DD)")->check(CheckDate);
  cmd->add_option("--actor", f->actors,
                  "actor code prefix (IRN, ISRMIL, IGOUNO) as source or target; repeat for a dyad:\n"
                  "--actor ISR --actor PSE")
      ->take_all();
  cmd->add_option("--country", f->country, "ISO alpha-3 of an actor or of the location (SAU)");
  cmd->add_option("--root", f->root, "CAMEO root code (04, 19)");
  cmd->add_option("--quad", f->quad_class, "quad class: 1 verbal cooperation, 2 material cooperation,\n"
                                           "3 verbal conflict, 4 material conflict")
      ->check(CLI::Range(1, 4));
  cmd->add_option("--text", f->text, "substring of a reporting sentence or of a document title");
  cmd->add_option("--doc", f->doc, "only events reported by this document id");
  cmd->add_option("--limit", f->limit, "at most N rows (0: all)")->check(CLI::NonNegativeNumber);
}

// Opens the store or prints why not (exit status 2 for the caller).
inline std::unique_ptr<Store> OpenStoreOrReport(const std::string& db, const StoreOptions& opt) {
  std::unique_ptr<Store> s;
  Status st = Store::Open(db, opt, &s);
  if (!st.ok()) {
    fmt::print(stderr, "hadath: {}\n", st.message());
    return nullptr;
  }
  return s;
}

}  // namespace hadath::cli
