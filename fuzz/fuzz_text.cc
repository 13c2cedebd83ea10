// The normalizer and the tokenizer (src/text/). Invariants: sentences and tokens are
// ordered, non-overlapping byte spans inside the text on code point boundaries; every
// matching form is valid UTF-8; segs[0] is the whole token.
#include <cstdint>
#include <string>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hadath;
  if (size == 0) return 0;
  const auto& st = fuzz::GetStages();
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string norm = st.normalizer.Normalize(text);
  if (fuzz::IsUtf8(text)) fuzz::Check(fuzz::IsUtf8(norm), "Normalize output is not UTF-8");
  auto boundary = [&](size_t b) {
    return b == text.size() || (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80;
  };
  size_t last = 0;
  for (const Sentence& s : st.tokenizer.Split(text, (data[0] & 1) != 0)) {
    fuzz::Check(s.begin >= last && s.begin <= s.end && s.end <= text.size(), "sentence span out of order");
    size_t tl = s.begin;
    for (const Token& t : s.tokens) {
      fuzz::Check(t.begin >= tl && t.begin < t.end && t.end <= s.end, "token span outside its sentence");
      if (fuzz::IsUtf8(text)) {
        fuzz::Check(boundary(t.begin) && boundary(t.end), "token span not on a code point boundary");
        fuzz::Check(fuzz::IsUtf8(t.norm), "token matching form is not UTF-8");
      }
      fuzz::Check(!t.segs.empty() && t.segs[0].stem == t.norm && t.segs[0].prefix.empty(), "segs[0] is not the token");
      tl = t.end;
    }
    last = s.end;
  }
  return 0;
}
