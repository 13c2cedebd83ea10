// PhraseMatcher: finds dictionary phrases (sequences of matching forms) in a
// token sequence, across clitic alternatives.
//
// The first word of a phrase may carry prefix clitics and, for one-word
// phrases, a suffix clitic («وبموسكو» → موسكو, «حكومتها» → حكومة); inner words
// must match exactly; the last word of a multiword phrase may carry a suffix.
// Thread safety: immutable after the Add() calls; Match*() are const.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/tokenizer.h"

namespace hadath {

struct PhraseMatch {
  size_t begin = 0, end = 0;     // token range [begin, end)
  uint32_t payload = 0;          // caller's entry index
  std::string prefix;            // clitic prefix stripped from the first token
  std::string suffix;            // clitic suffix stripped from the last token
};

class PhraseMatcher {
 public:
  // `forms`: matching forms of the phrase's words (already normalized).
  void Add(const std::vector<std::string>& forms, uint32_t payload);

  // All phrases starting at token i, longest first.
  std::vector<PhraseMatch> MatchAt(const std::vector<Token>& toks, size_t i) const;

  // Leftmost-longest, non-overlapping matches over the whole sequence. When
  // several entries share the longest span, all of them are returned (same
  // begin/end), in the order they were added.
  std::vector<PhraseMatch> FindAll(const std::vector<Token>& toks) const;

  size_t size() const { return phrases_.size(); }
  // Adds the first word of every phrase to *out.
  void FirstForms(std::unordered_set<std::string>* out) const {
    for (const auto& [form, ids] : by_first_) out->insert(form);
  }

 private:
  struct Phrase {
    std::vector<std::string> forms;
    uint32_t payload;
  };
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_first_;  // first form → phrase indices
};

}  // namespace hadath
