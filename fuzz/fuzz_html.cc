// The extractor (src/extract/): the input as an HTML page (first byte odd) or as
// scraped text, decoded, parsed with gumbo, walked, cleaned, dated. Invariants: the
// result is valid UTF-8, and the date, when found, is YYYY-MM-DD.
#include <cstdint>
#include <string>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hadath;
  if (size == 0) return 0;
  const auto& st = fuzz::GetStages();
  Document doc;
  doc.format = (data[0] & 1) ? InputFormat::kHtml : InputFormat::kText;
  doc.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  doc.origin = "fuzz";
  doc.crawl_date = (data[0] & 2) ? "2024-01-05" : "";
  Extracted out;
  Status s = st.extractor.Extract(doc, &out);
  if (s.ok()) {
    fuzz::Check(fuzz::IsUtf8(out.text), "extracted text is not UTF-8");
    fuzz::Check(fuzz::IsUtf8(out.title), "extracted title is not UTF-8");
    Ymd d;
    fuzz::Check(out.date.empty() || Ymd::Parse(out.date, &d), "extracted date is not YYYY-MM-DD");
  }
  return 0;
}
