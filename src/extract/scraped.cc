#include <sstream>

#include "extract/extractor.h"
#include "util/utf8.h"

namespace hadath {

std::vector<Block> ScrapedBlocks(const std::string& text) {
  std::vector<Block> blocks;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::string t = utf8::Trim(line);
    if (!t.empty()) blocks.push_back({t, false});
  }
  return blocks;
}

}  // namespace hadath
