// Reader for hadath's data files: UTF-8, tab-separated, '#' starts a comment
// line, blank lines ignored. The first non-comment line is a header naming the
// columns; rows are accessed by column name. Every row knows its file:line so
// that events can name the rules that produced them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "hadath/status.h"

namespace hadath {

struct TsvRow {
  std::string rule;                 // "<relative path>:<line>"
  int line = 0;
  std::vector<std::string> cells;
  const std::vector<std::string>* header = nullptr;
  // Returns the cell of `column`, or "" when the column or cell is absent.
  const std::string& Get(const std::string& column) const;
};

struct TsvFile {
  std::string path;                 // relative name used in rule ids, e.g. "ar/actors.tsv"
  std::vector<std::string> header;
  std::vector<TsvRow> rows;
};

// Loads `data_dir/relative`. Fails with file:line on a row that has more
// cells than the header, or when one of `required` columns is missing.
Status LoadTsv(const std::string& data_dir, const std::string& relative,
               const std::vector<std::string>& required, TsvFile* out);

// Splits on `sep`, trimming each piece and dropping empty pieces.
std::vector<std::string> SplitList(const std::string& s, char sep = '|');

Status ReadFile(const std::string& path, std::string* out);

}  // namespace hadath
