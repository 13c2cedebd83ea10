// Surnames (English, setting `surname_min_letters`; 0: off): a person of the actor dictionary
// that a document names in full ("Hong Kong leader Carrie Lam") is, in that whole document,
// also the last word of the name written alone ("Lam apologised …"), in the title before the
// lead as in the sentences after it. The coder, `hadath mentions` and the explorer's
// annotations read surnames through this one class, so that they agree.
//
// The rules (data/README.md, "English surnames"): the last word has letters only, a capital
// first, at least `surname_min_letters` of them; a last word two persons of the document share
// stands for neither; alone means not inside a name matched there and not next to another
// capitalised word ("Kelvin Lam", "Lam Cheuk-ting"; a title abbreviation before it is no name:
// "Mr. Lam"); a word of `capital_month_words` inside a sentence is the month ("in May" after
// "Theresa May").
//
// Use: Reset(), NoteNames() for every sentence, then AddTo() for the sentences wanted.
// Thread safety: one object per thread (it holds the document's state).
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon/lexicon.h"

namespace hadath {

class Surnames {
 public:
  // The rule's rule name, for an actor phrase that holds a surname.
  static constexpr const char* kRule = "en/settings.tsv:surname_min_letters";

  // Starts a document: `text` is the text its tokens point into. REQUIRES: `lex` and `text`
  // outlive the calls that follow.
  void Reset(const Lexicon& lex, std::string_view text);
  // Pass 1, for every sentence of the document: the persons its actor matches name in full.
  void NoteNames(const std::vector<Token>& toks, const std::vector<PhraseMatch>& actors);
  // Whether some full name was noted (AddTo() adds nothing otherwise).
  bool empty() const { return last_words_.empty(); }
  // Pass 2: the surnames of a sentence whose actor matches are *actors, each added to them as
  // a one-word match of the person (in order of first token); their tokens are appended to
  // *tokens, in token order.
  void AddTo(const std::vector<Token>& toks, std::vector<PhraseMatch>* actors, std::vector<size_t>* tokens);

 private:
  static constexpr uint32_t kTwoPersons = UINT32_MAX;
  // AddTo()'s search: (token, actor entry) of each surname into found_, in token order.
  void Find(const std::vector<Token>& toks, const std::vector<PhraseMatch>& actors);
  // The letters of a word of letters only, the first a capital ("Lam", "Déby"), else 0.
  size_t SurnameLetters(const Token& t) const;
  const Lexicon* lex_ = nullptr;
  std::string_view text_;
  bool enabled_ = false;
  std::vector<std::pair<std::string_view, uint32_t>> last_words_;  // (surname, actor or kTwoPersons)
  std::vector<uint32_t> hashes_;  // TokenFormHash of each last word (compared first)
  std::vector<std::pair<size_t, uint32_t>> found_;  // Find()'s answer
};

}  // namespace hadath
