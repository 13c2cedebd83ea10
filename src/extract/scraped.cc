#include <cstring>

#include "extract/extractor.h"
#include "util/utf8.h"

namespace hadath {

std::vector<Block> ScrapedBlocks(const std::string& text) {
  std::vector<Block> blocks;
  // Lines split at '\n' (memchr), not through an istringstream: one per document.
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    const char* e = nl ? nl : end;
    std::string t = utf8::Trim(std::string_view(p, static_cast<size_t>(e - p)));
    if (!t.empty()) blocks.push_back({std::move(t), false});
    p = nl ? nl + 1 : end;
  }
  return blocks;
}

}  // namespace hadath
