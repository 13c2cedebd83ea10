#include "lexicon/surnames.h"

#include <algorithm>

#include <unicode/uchar.h>

#include "text/english.h"
#include "util/utf8.h"

namespace hadath {

void Surnames::Reset(const Lexicon& lex, std::string_view text) {
  lex_ = &lex;
  text_ = text;
  enabled_ = lex.english() && lex.coder_settings.surname_min_letters > 0;
  last_words_.clear();
  hashes_.clear();
}

size_t Surnames::SurnameLetters(const Token& t) const {
  if (t.kind != TokenKind::kWord || t.end > text_.size() || t.begin >= t.end) return 0;
  const std::string_view w = text_.substr(t.begin, t.end - t.begin);
  size_t letters = 0;
  for (size_t pos = 0; pos < w.size();) {
    const char32_t c = utf8::Next(w, &pos);
    if (!u_isalpha(static_cast<UChar32>(c)) || (letters == 0 && !u_isupper(static_cast<UChar32>(c)))) return 0;
    ++letters;
  }
  return letters;
}

void Surnames::NoteNames(const std::vector<Token>& toks, const std::vector<PhraseMatch>& actors) {
  if (!enabled_) return;
  const auto min_letters = static_cast<size_t>(lex_->coder_settings.surname_min_letters);
  for (const PhraseMatch& am : actors) {
    // (the length first: most matches are one word, "Russia", and their entries need no reading)
    if (am.end - am.begin < 2 || am.end > toks.size()) continue;
    const ActorEntry& e = lex_->actors[am.payload];
    if (e.kind != ActorEntry::Kind::kActor || !e.person) continue;
    const Token& last = toks[am.end - 1];
    if (SurnameLetters(last) < min_letters) continue;
    auto it = std::find_if(last_words_.begin(), last_words_.end(), [&](const auto& lw) { return lw.first == last.norm; });
    if (it == last_words_.end()) {
      last_words_.emplace_back(last.norm, am.payload);
      hashes_.push_back(TokenFormHash(last));
    } else if (it->second != kTwoPersons && lex_->actors[it->second].id != e.id) {
      it->second = kTwoPersons;
    }
  }
}

void Surnames::AddTo(const std::vector<Token>& toks, std::vector<PhraseMatch>* actors, std::vector<size_t>* tokens) {
  Find(toks, *actors);
  for (const auto& [token, actor] : found_) {
    const size_t t = token;  // (a structured binding is captured by lambdas in C++20 only from clang 16)
    auto at = std::find_if(actors->begin(), actors->end(), [&](const PhraseMatch& am) { return am.begin > t; });
    PhraseMatch& sm = *actors->insert(at, PhraseMatch{});
    sm.begin = t;
    sm.end = t + 1;
    sm.payload = actor;
    tokens->push_back(t);
  }
}

void Surnames::Find(const std::vector<Token>& toks, const std::vector<PhraseMatch>& actors) {
  found_.clear();
  if (!enabled_ || last_words_.empty()) return;
  const std::vector<std::string>& months = lex_->coder_settings.capital_month_words;
  for (size_t t = 0; t < toks.size(); ++t) {
    // (most words start with a small ASCII letter: no surname, as SurnameLetters would find;
    // then the few last words, by their form)
    if (toks[t].begin >= text_.size()) continue;
    const auto first = static_cast<unsigned char>(text_[toks[t].begin]);
    if (first < 0x80 && !(first >= 'A' && first <= 'Z')) continue;
    const uint32_t h = TokenFormHash(toks[t]);
    size_t k = 0;
    while (k < hashes_.size() && !(hashes_[k] == h && last_words_[k].first == toks[t].norm)) ++k;
    if (k == hashes_.size()) continue;
    const auto it = last_words_.begin() + static_cast<std::ptrdiff_t>(k);
    if (it->second == kTwoPersons || !SurnameLetters(toks[t])) continue;
    // (not a word of a name matched here, nor a word of another full name: "Kelvin Lam",
    // "Lam Cheuk-ting"; a title abbreviation before it is no name: "Mr. Lam")
    bool inside = false;
    for (const PhraseMatch& am : actors) inside |= am.begin <= t && t < am.end;
    if (inside) continue;
    if (t > 0 && SurnameLetters(toks[t - 1]) && !english::IsAbbreviation(toks[t - 1].norm)) continue;
    if (t + 1 < toks.size() && SurnameLetters(toks[t + 1])) continue;  // (a first name: "Lam Cheuk-ting")
    // (a month inside a sentence, setting `capital_month_words`: "signed in May" after "Theresa May")
    if (t > 0 && !toks[t].norm.empty() && std::find(months.begin(), months.end(), toks[t].norm) != months.end()) continue;
    found_.emplace_back(t, it->second);
  }
}

}  // namespace hadath
