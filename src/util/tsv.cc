#include "util/tsv.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/utf8.h"

namespace hadath {

const std::string& TsvRow::Get(const std::string& column) const {
  static const std::string kEmpty;
  if (!header) return kEmpty;
  for (size_t i = 0; i < header->size(); ++i) {
    if ((*header)[i] == column) return i < cells.size() ? cells[i] : kEmpty;
  }
  return kEmpty;
}

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  // A regular file is read in one piece into a string of its size; anything else
  // (a pipe, a file that changed size while read) goes through a string stream.
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > 0) {
    out->resize(size);
    in.read(out->data(), static_cast<std::streamsize>(size));
    if (static_cast<uintmax_t>(in.gcount()) == size && in.peek() == std::char_traits<char>::eof()) return Status::OK();
    in.clear();
    in.seekg(0);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  *out = ss.str();
  return Status::OK();
}

static std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    std::string cell = line.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
    if (!cell.empty() && cell.back() == '\r') cell.pop_back();
    cells.push_back(utf8::Trim(cell));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cells;
}

Status LoadTsv(const std::string& data_dir, const std::string& relative,
               const std::vector<std::string>& required, TsvFile* out) {
  std::string content;
  HADATH_RETURN_IF_ERROR(ReadFile(data_dir + "/" + relative, &content));
  out->path = relative;
  out->header.clear();
  out->rows.clear();
  std::istringstream in(content);
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (lineno == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    std::string t = utf8::Trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (out->header.empty()) {
      out->header = SplitTabs(line);
      continue;
    }
    TsvRow row;
    row.line = lineno;
    row.rule = relative + ":" + std::to_string(lineno);
    row.cells = SplitTabs(line);
    while (row.cells.size() > out->header.size() && row.cells.back().empty()) row.cells.pop_back();
    if (row.cells.size() > out->header.size()) {
      return Status::Corrupt(row.rule + ": " + std::to_string(row.cells.size()) +
                             " cells, header has " + std::to_string(out->header.size()));
    }
    out->rows.push_back(std::move(row));
  }
  if (out->header.empty()) return Status::Corrupt(relative + ": no header line");
  for (const auto& col : required) {
    bool found = false;
    for (const auto& h : out->header) found |= (h == col);
    if (!found) return Status::Corrupt(relative + ": missing column '" + col + "'");
  }
  for (auto& row : out->rows) row.header = &out->header;
  return Status::OK();
}

std::vector<std::string> SplitList(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t p = s.find(sep, start);
    std::string piece = utf8::Trim(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (!piece.empty()) out.push_back(piece);
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

}  // namespace hadath
