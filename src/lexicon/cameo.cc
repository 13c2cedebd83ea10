#include "lexicon/cameo.h"

#include <cstdlib>

#include "util/tsv.h"

namespace hadath {

Status CameoTable::Load(const std::string& data_dir) {
  TsvFile f;
  HADATH_RETURN_IF_ERROR(LoadTsv(data_dir, "cameo.tsv",
                                 {"code", "root", "quad_class", "goldstein", "plover_event", "plover_mode"}, &f));
  codes_.clear();
  for (const auto& row : f.rows) {
    CameoCode c;
    c.code = row.Get("code");
    c.root = row.Get("root");
    c.label = row.Get("label");
    c.plover = row.Get("plover_event");
    c.plover_mode = row.Get("plover_mode");
    c.quad_class = std::atoi(row.Get("quad_class").c_str());
    c.goldstein = std::atof(row.Get("goldstein").c_str());
    if (c.code.empty() || c.root.size() != 2 || c.code.compare(0, 2, c.root) != 0)
      return Status::Corrupt(row.rule + ": bad code/root");
    codes_[c.code] = std::move(c);
  }
  return Status::OK();
}

const CameoCode* CameoTable::Find(const std::string& code) const {
  auto it = codes_.find(code);
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace hadath
