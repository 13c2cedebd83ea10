// hadath — the event store: coded documents, their mentions, and the events
// the mentions report, deduplicated across documents (GDELT-style).
//
//   std::unique_ptr<hadath::Store> db;
//   hadath::Status st = hadath::Store::Open("hadath.db", {}, &db);   // or "postgresql://…"
//   db->Begin();
//   if (!db->IsUnchanged(raw)) { engine->Extract(raw, &doc); engine->Code(doc, &events);
//                                db->Put(raw, doc, events, &result); }
//   db->Commit();
//
// One interface, two backends with the same schema and semantics: SQLite (a file, WAL
// journal) and PostgreSQL (libpq). Opening a database applies the schema migrations it
// lacks (table schema_version); a database newer than this hadath is refused.
//
// Deduplication (README "Event store"): a mention joins an existing event when it has the
// same CAMEO root, the same dyad (source code, target code; either direction for roots 04
// CONSULT and 06 COOPERATE MATERIALLY), a date within DedupOptions::window_days of the
// event's date, and, when both are known, the same location country. Otherwise it starts a
// new event. Events carry num_mentions, num_sources, num_articles.
//
// Thread safety: a Store is used by one thread at a time. Several processes may use one
// database: SQLite serializes writers and never blocks readers (WAL); PostgreSQL serializes
// write batches with an advisory lock.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "hadath/document.h"
#include "hadath/event.h"
#include "hadath/status.h"

namespace hadath {

// A cell: NULL, integer, real or text.
using Value = std::variant<std::monostate, int64_t, double, std::string>;

struct DedupOptions {
  int window_days = 1;        // |event date − mention date| ≤ window_days
  bool match_country = true;  // known location countries must agree
};

struct StoreOptions {
  bool create_if_missing = true;  // false: a missing SQLite file is an error (query/export)
  DedupOptions dedup;
  // Schema version to migrate to; 0 = the latest. Tests use it to build old databases.
  int target_version = 0;
};

// What Put() did with a document.
enum class PutResult {
  kAdded,       // new document, its mentions added
  kReplaced,    // same id, new content: previous mentions removed, new ones added
  kUnchanged,   // same id and same content: nothing written
  kDuplicate,   // another document already has this content: nothing written
};

// An event row: the representative mention's fields plus the counts.
struct EventRecord {
  int64_t id = 0;
  std::string date, cameo, root;
  int quad_class = 0;
  double goldstein = 0;
  ActorRef source;
  std::optional<ActorRef> target;
  Location location;
  int64_t num_mentions = 0, num_sources = 0, num_articles = 0;
  int64_t first_sentence_index = 0;  // of the representative (earliest) mention
  std::string first_doc_id, first_url, first_source;
  std::string date_added;            // UTC "YYYY-MM-DD HH:MM:SS" of the first mention
};

// A mention row: the coded event as `hadath code` emits it, and where it sits.
struct MentionRecord {
  int64_t id = 0, event_id = 0;
  Event event;
  double confidence = 0;     // 0..1, see MentionConfidence()
  std::string lang;
  int64_t doc_chars = 0;     // code points of the extracted text
  std::string event_date;    // the event row's date
  std::string ingested_at;
};

// Filters shared by queries and exports. Empty fields do not filter.
struct QueryFilter {
  std::string from, to;               // event date range, inclusive, YYYY-MM-DD
  std::vector<std::string> actors;    // code prefixes; each must be the source or the target
  std::string country;                // ISO alpha-3: an actor's country or the location's
  std::string root;                   // CAMEO root "04"
  int quad_class = 0;                 // 1..4
  std::string text;                   // substring of a mention's sentence or its document's title
  std::string doc;                    // a document id: only events it reported
  int64_t limit = 0;                  // 0: no limit
};

// A result table for queries.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

struct StoreStats {
  int64_t documents = 0, events = 0, mentions = 0, actors = 0, places = 0;
};

// A documented per-mention confidence in [0, 1]: 1 for an asserted statement with both
// actors and an explicit date; less for no target (×0.8), a date taken from the document
// (×0.9), an intended/hypothetical modality (×0.7) and a negation (×0.5).
double MentionConfidence(const Event& e);

class Store {
 public:
  // `where`: "postgresql://…" / "postgres://…" (libpq URL), else an SQLite file path
  // (an optional "sqlite:" prefix is removed).
  static Status Open(const std::string& where, const StoreOptions& options, std::unique_ptr<Store>* out);
  virtual ~Store();

  const std::string& backend() const;  // "sqlite" or "postgresql"
  int schema_version() const;
  static int LatestSchemaVersion();

  // Batches: every Put() between Begin() and Commit() is one transaction.
  // A crash loses at most the open batch; the database stays consistent.
  Status Begin();
  Status Commit();
  Status Rollback();

  // Fast path before extraction: true when a document with this raw input (same id, or
  // same bytes when the input has no id) is already stored unchanged.
  // REQUIRES: inside Begin()/Commit().
  Status IsUnchanged(const Document& raw, bool* unchanged);
  // Stores a coded document. REQUIRES: inside Begin()/Commit().
  Status Put(const Document& raw, const Extracted& doc, const std::vector<Event>& events, PutResult* result);

  Status Stats(StoreStats* out);

  // Queries for people and scripts. `kind`: events | dyads | timeline | actors | documents.
  // `by` (timeline): day | month | year.
  Status Query(const std::string& kind, const QueryFilter& filter, const std::string& by, Table* out);

  // Streams event / mention rows matching `filter`, in id order.
  Status ForEachEvent(const QueryFilter& filter, const std::function<void(const EventRecord&)>& fn);
  Status ForEachMention(const QueryFilter& filter, const std::function<void(const MentionRecord&)>& fn);

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hadath
