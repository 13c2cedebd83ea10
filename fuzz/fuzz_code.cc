// The event coder (src/code/, through Engine::Code), on an article as Extract gives it: the
// first byte picks its language (bits 0-1: "en", "ar", "und"), the next two its date (or none),
// the rest, made valid UTF-8 as Extract makes it, its text. Invariants: events come in sentence
// order; the sentence, trigger, source and target spans of each lie inside the text (code
// points) and the sentence is a part of it; its date is YYYY-MM-DD or empty; its CAMEO code
// starts with its root.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "hadath/engine.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hadath;
  if (size < 3) return 0;
  static const Engine* engine = [] {
    EngineOptions eo;
    eo.data_dir = fuzz::DataDir();
    std::unique_ptr<Engine> e;
    if (Status st = Engine::Open(eo, &e); !st.ok()) {
      std::fprintf(stderr, "fuzz_code: setup: %s\n", st.ToString().c_str());
      std::abort();
    }
    return e.release();
  }();
  static const char* const kLangs[] = {"en", "ar", "und", "en"};
  Extracted doc;
  doc.id = "fuzz";
  doc.lang = kLangs[data[0] & 3];
  if (data[1] != 0xff) {
    const Ymd d = Ymd::FromDays(static_cast<int64_t>((data[1] << 8) | data[2]) * 3 - 20000);  // 1915…2083
    doc.date = d.ToString();
  }
  utf8::Sanitize(std::string_view(reinterpret_cast<const char*>(data) + 3, size - 3), &doc.text);
  std::vector<Event> events;
  if (!engine->Code(doc, &events, "2024-03-14").ok()) return 0;
  const size_t n = utf8::Length(doc.text);
  size_t last_sentence = 0;
  for (const Event& e : events) {
    fuzz::Check(e.sentence_index >= last_sentence, "events out of sentence order");
    last_sentence = e.sentence_index;
    fuzz::Check(doc.text.find(e.sentence) != std::string::npos, "an event's sentence is not in the text");
    fuzz::Check(e.trigger_start <= e.trigger_end && e.trigger_end <= n, "trigger span outside the text");
    fuzz::Check(e.source.start <= e.source.end && e.source.end <= n, "source span outside the text");
    if (e.target) fuzz::Check(e.target->start <= e.target->end && e.target->end <= n, "target span outside the text");
    Ymd d;
    fuzz::Check(e.date.empty() || Ymd::Parse(e.date, &d), "event date is not YYYY-MM-DD");
    fuzz::Check(!e.cameo.empty() && e.cameo.compare(0, e.root.size(), e.root) == 0, "CAMEO code without its root");
  }
  return 0;
}
