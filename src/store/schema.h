// The store's schema as a list of migrations. Migration N takes a database
// from version N−1 to N; it runs in one transaction together with the row
// `INSERT INTO schema_version VALUES (N, …)`. Never edit a released migration:
// add the next one.
#pragma once

#include <string>
#include <vector>

namespace hadath::store {

struct Migration {
  int version;
  std::string what;                  // one line, for people
  std::vector<std::string> sql;      // dialect-neutral (see Db::Sql)
};

const std::vector<Migration>& Migrations();

}  // namespace hadath::store
