#include "lexicon/matcher.h"

#include <algorithm>

namespace hadath {

void PhraseMatcher::Add(const std::vector<std::string>& forms, uint32_t payload) {
  if (forms.empty()) return;
  by_first_[forms[0]].push_back(static_cast<uint32_t>(phrases_.size()));
  phrases_.push_back({forms, payload});
}

std::vector<PhraseMatch> PhraseMatcher::MatchAt(const std::vector<Token>& toks, size_t i) const {
  std::vector<PhraseMatch> out;
  if (i >= toks.size()) return out;
  const Token& first = toks[i];
  for (const Segment& seg : first.segs) {
    auto it = by_first_.find(seg.stem);
    if (it == by_first_.end()) continue;
    for (uint32_t pi : it->second) {
      const Phrase& ph = phrases_[pi];
      size_t n = ph.forms.size();
      if (i + n > toks.size()) continue;
      // A multiword phrase may not have a suffix on its first word.
      if (n > 1 && !seg.suffix.empty()) continue;
      bool ok = true;
      std::string last_suffix = n == 1 ? seg.suffix : "";
      for (size_t k = 1; k < n && ok; ++k) {
        const Token& t = toks[i + k];
        if (t.norm == ph.forms[k]) continue;
        ok = false;
        if (k == n - 1) {
          for (const Segment& s : t.segs) {
            if (s.prefix.empty() && !s.suffix.empty() && s.stem == ph.forms[k]) {
              ok = true;
              last_suffix = s.suffix;
              break;
            }
          }
        }
      }
      if (!ok) continue;
      bool dup = false;
      for (const auto& m : out) dup |= (m.payload == ph.payload && m.end == i + n);
      if (!dup) out.push_back({i, i + n, ph.payload, seg.prefix, last_suffix});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    if (a.end != b.end) return a.end > b.end;
    // Prefer the reading that strips fewer clitics.
    return a.prefix.size() + a.suffix.size() < b.prefix.size() + b.suffix.size();
  });
  return out;
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(const std::vector<Token>& toks) const {
  std::vector<PhraseMatch> out;
  size_t i = 0;
  while (i < toks.size()) {
    auto here = MatchAt(toks, i);
    if (here.empty()) { ++i; continue; }
    size_t end = here[0].end;
    const std::string pre = here[0].prefix, suf = here[0].suffix;
    for (auto& m : here)
      if (m.end == end && m.prefix == pre && m.suffix == suf) out.push_back(std::move(m));
    i = end;
  }
  return out;
}

}  // namespace hadath
