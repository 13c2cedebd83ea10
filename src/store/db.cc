#include "store/db.h"

#include <cstdlib>

namespace hadath::store {

int64_t Stmt::Int(int i) const {
  Value v = Get(i);
  if (auto* n = std::get_if<int64_t>(&v)) return *n;
  if (auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) return std::strtoll(s->c_str(), nullptr, 10);
  return 0;
}

double Stmt::Double(int i) const {
  Value v = Get(i);
  if (auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Stmt::Text(int i) const {
  Value v = Get(i);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return "";
}

std::string Db::Sql(std::string_view sql) const {
  const bool pg = dialect() == Dialect::kPostgres;
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '?' && pg) {
      out += '$' + std::to_string(++n);
    } else if (c == '{') {
      size_t e = sql.find('}', i);
      std::string_view tok = sql.substr(i + 1, e - i - 1);
      if (tok == "pk") out += pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY";
      else if (tok == "strpos") out += pg ? "strpos" : "instr";
      else if (tok == "is") out += pg ? "IS NOT DISTINCT FROM" : "IS";  // equality, NULL = NULL
      else out.append(sql.substr(i, e - i + 1));
      i = e;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace hadath::store
