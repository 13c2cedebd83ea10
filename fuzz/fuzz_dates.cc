// The date grammar (src/text/dates.h): ParseString on the raw string (metadata,
// bylines) and Find over its tokens against a document date chosen by the first two
// bytes. Invariants: every date found is a valid calendar date; mention token ranges
// lie inside the sentence.
#include <cstdint>
#include <string>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hadath;
  if (size < 2) return 0;
  const auto& st = fuzz::GetStages();
  Ymd doc_date = Ymd::FromDays(static_cast<int64_t>((data[0] << 8) | data[1]) * 3 - 20000);  // 1915…2083
  if (data[0] == 0xff) doc_date = Ymd{};
  const std::string text(reinterpret_cast<const char*>(data) + 2, size - 2);
  Ymd d;
  if (st.dates.ParseString(text, &d)) {
    fuzz::Check(d.valid(), "ParseString returned an invalid date");
    Ymd back;
    fuzz::Check(Ymd::Parse(d.ToString(), &back), "a parsed date does not print as YYYY-MM-DD");
  }
  for (const Sentence& s : st.tokenizer.Split(text)) {
    for (const DateMention& m : st.dates.Find(s.tokens, doc_date)) {
      fuzz::Check(m.tok_begin < m.tok_end && m.tok_end <= s.tokens.size(), "date mention outside its sentence");
      fuzz::Check(m.date.valid(), "Find returned an invalid date");
    }
  }
  return 0;
}
