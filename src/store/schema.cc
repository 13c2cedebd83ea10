#include "store/schema.h"

namespace hadath::store {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1,
       "documents, events, mentions",
       {
           "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
           // doc_key: the input's own id, else 'sha:' + content_hash. raw_hash: the input bytes and
           // metadata (a re-run skips unchanged documents before extracting them); content_hash:
           // the extracted text and date (the same article under another id is a duplicate).
           "CREATE TABLE documents ("
           " id {pk}, doc_key TEXT NOT NULL UNIQUE,"
           " url TEXT NOT NULL, source TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL,"
           " date_origin TEXT NOT NULL, site TEXT NOT NULL, lang TEXT NOT NULL,"
           " raw_hash TEXT NOT NULL, content_hash TEXT NOT NULL,"
           " chars BIGINT NOT NULL, invalid_bytes BIGINT NOT NULL, num_mentions BIGINT NOT NULL,"
           " origin TEXT NOT NULL, ingested_at TEXT NOT NULL)",
           "CREATE INDEX documents_content_hash ON documents (content_hash)",
           "CREATE INDEX documents_raw_hash ON documents (raw_hash)",
           // One row per happening. Fields are those of the representative mention (the
           // earliest stored); location: the earliest mention with a known country.
           // dyad: the deduplication key of the actors (see Store docs).
           "CREATE TABLE events ("
           " id {pk}, date TEXT NOT NULL, root TEXT NOT NULL, cameo TEXT NOT NULL, cameo_name TEXT NOT NULL,"
           " quad_class INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL, dyad TEXT NOT NULL,"
           " source_code TEXT NOT NULL, source_name TEXT NOT NULL, source_country TEXT NOT NULL,"
           " source_sector TEXT NOT NULL, source_text TEXT NOT NULL,"
           " target_code TEXT, target_name TEXT, target_country TEXT, target_sector TEXT, target_text TEXT,"
           " location_name TEXT NOT NULL, location_country TEXT NOT NULL,"
           " location_lat DOUBLE PRECISION, location_lon DOUBLE PRECISION, location_geonames_id BIGINT,"
           " num_mentions BIGINT NOT NULL, num_sources BIGINT NOT NULL, num_articles BIGINT NOT NULL,"
           " first_mention_id BIGINT, date_added TEXT NOT NULL)",
           "CREATE INDEX events_match ON events (root, dyad, date)",
           // Every report of an event: the coded event as `hadath code` emits it.
           "CREATE TABLE mentions ("
           " id {pk}, event_id BIGINT NOT NULL REFERENCES events (id),"
           " document_id BIGINT NOT NULL REFERENCES documents (id),"
           " mention_key TEXT NOT NULL, sentence_index INTEGER NOT NULL, sentence TEXT NOT NULL,"
           " date TEXT NOT NULL, date_basis TEXT NOT NULL,"
           " cameo TEXT NOT NULL, cameo_name TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL,"
           " goldstein DOUBLE PRECISION NOT NULL, plover TEXT NOT NULL, plover_mode TEXT NOT NULL,"
           " source_text TEXT NOT NULL, source_code TEXT NOT NULL, source_country TEXT NOT NULL,"
           " source_sector TEXT NOT NULL, source_name TEXT NOT NULL, source_start INTEGER NOT NULL,"
           " source_end INTEGER NOT NULL,"
           " target_text TEXT, target_code TEXT, target_country TEXT, target_sector TEXT, target_name TEXT,"
           " target_start INTEGER, target_end INTEGER,"
           " trigger_text TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,"
           " location_text TEXT NOT NULL, location_name TEXT NOT NULL, location_country TEXT NOT NULL,"
           " location_lat DOUBLE PRECISION, location_lon DOUBLE PRECISION, location_geonames_id BIGINT,"
           " negated INTEGER NOT NULL, modality TEXT NOT NULL, confidence DOUBLE PRECISION NOT NULL,"
           " rules TEXT NOT NULL)",
           "CREATE INDEX mentions_document ON mentions (document_id)",
           "CREATE INDEX mentions_event ON mentions (event_id, document_id)",
       }},
      {2,
       "actors and places seen; indexes for queries",
       {
           "CREATE TABLE actors (code TEXT NOT NULL, name TEXT NOT NULL, country TEXT NOT NULL,"
           " sector TEXT NOT NULL, first_date TEXT, last_date TEXT, PRIMARY KEY (code, name))",
           "CREATE TABLE places (place_key TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL,"
           " lat DOUBLE PRECISION, lon DOUBLE PRECISION, geonames_id BIGINT, first_date TEXT, last_date TEXT)",
           // Backfill from the mentions a version-1 database already holds.
           "INSERT INTO actors (code, name, country, sector, first_date, last_date)"
           " SELECT code, name, min(country), min(sector), min(date), max(date) FROM ("
           "  SELECT source_code AS code, source_name AS name, source_country AS country,"
           "   source_sector AS sector, NULLIF(date, '') AS date FROM mentions"
           "  UNION ALL SELECT target_code, target_name, target_country, target_sector, NULLIF(date, '')"
           "   FROM mentions WHERE target_code IS NOT NULL) a"
           " WHERE code <> '' GROUP BY code, name",
           "INSERT INTO places (place_key, name, country, lat, lon, geonames_id, first_date, last_date)"
           " SELECT k, min(location_name), min(location_country), min(location_lat), min(location_lon),"
           "  min(location_geonames_id), min(NULLIF(date, '')), max(NULLIF(date, '')) FROM ("
           "  SELECT COALESCE(CAST(location_geonames_id AS TEXT), location_country || '|' || location_name) AS k,"
           "   location_name, location_country, location_lat, location_lon, location_geonames_id, date"
           "  FROM mentions WHERE location_country <> '' OR location_name <> '') p GROUP BY k",
           "CREATE INDEX events_date ON events (date)",
           "CREATE INDEX events_source ON events (source_code)",
           "CREATE INDEX events_target ON events (target_code)",
           "CREATE INDEX events_location ON events (location_country)",
           "CREATE INDEX documents_date ON documents (date)",
       }},
      {3,
       "document texts; covering indexes for dyads and timelines",
       {
           // The extracted text of each document (Extracted::text, whose code point offsets the
           // mentions' *_start/*_end use), for the document view. Kept apart from documents so
           // that scans of the metadata stay small. Documents stored before version 3 have none.
           "CREATE TABLE document_texts (document_id BIGINT PRIMARY KEY REFERENCES documents (id),"
           " text TEXT NOT NULL)",
           // GROUP BY source, target (dyads) and GROUP BY date, quad class (timelines) read
           // these indexes only, already in group order: no table lookups, no sort for grouping.
           "CREATE INDEX events_dyad ON events (source_code, target_code, quad_class, goldstein,"
           " num_mentions, date, source_name, target_name)",
           "CREATE INDEX events_day ON events (date, quad_class, goldstein)",
       }},
  };
  return kMigrations;
}

}  // namespace hadath::store
