#include "code/coder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <optional>

#include "lexicon/surnames.h"
#include "text/english.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace hadath {
namespace {

// The rules (data file:line) a phrase or an event was derived by, as views: of the lexicon's
// entries, of literals, or of strings a Composed keeps for the document (a rule with a note,
// "… (passive)"). The event's own list copies them (Event::rules); a phrase copied while it is
// composed, which the coder does often, copies no string. A temporary string does not compile:
// keep it in the document's Composed first.
class RuleList {
 public:
  RuleList() = default;
  RuleList(std::initializer_list<std::string_view> rules) { for (std::string_view r : rules) push_back(r); }
  void push_back(const std::string& rule) { push_back(std::string_view(rule)); }
  void push_back(const char* rule) { push_back(std::string_view(rule)); }
  void push_back(std::string_view rule) {
    if (n_ < kInline) { inline_[n_++] = rule; return; }
    if (n_ == kInline) more_.assign(inline_.begin(), inline_.end());
    more_.push_back(rule);
    ++n_;
  }
  void push_back(std::string&&) = delete;
  // Inserts [b, e) before `at`.
  void insert(const std::string_view* at, const std::string_view* b, const std::string_view* e) {
    std::vector<std::string_view> all(begin(), at);
    all.insert(all.end(), b, e);
    all.insert(all.end(), at, end());
    Assign(all.data(), all.data() + all.size());
  }
  const std::string_view* begin() const { return n_ <= kInline ? inline_.data() : more_.data(); }
  const std::string_view* end() const { return begin() + n_; }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  std::string_view back() const { return end()[-1]; }
  // As the strings of an event or a trace line, appended to *out.
  void AppendTo(std::vector<std::string>* out) const { out->insert(out->end(), begin(), end()); }

 private:
  // (a phrase has one to three rules, a trigger read a few: no allocation for up to four)
  static constexpr size_t kInline = 4;
  void Assign(const std::string_view* b, const std::string_view* e) {
    n_ = 0;
    more_.clear();
    for (; b != e; ++b) push_back(*b);
  }
  std::array<std::string_view, kInline> inline_;
  std::vector<std::string_view> more_;  // all of them, past kInline
  size_t n_ = 0;
};
// The rule strings composed while a document is coded (a rule with a note): kept, and not moved,
// until the document's events are built.
class Composed {
 public:
  const std::string& Keep(std::string rule) { return kept_.emplace_back(std::move(rule)); }
 private:
  std::deque<std::string> kept_;
};

// An actor as the coder sees it: possibly several mentions composed.
struct Phrase {
  size_t begin = 0, end = 0;            // tokens [begin, end)
  size_t head_begin = 0, head_end = 0;  // the span reported as the actor's text
  std::string code, country, sector, name;
  std::string full_code;                // a named actor's own code, when one was adopted
  RuleList rules;
  std::string prep;                     // introducing preposition, "" if none
  int group = 0;                        // coordination group
  bool antecedent = false;              // a pronoun-suffixed role noun coded by the actor before it
  bool counted = false;                 // a counted demonym: «خمسة بريطانيين» (people, often victims)
};

// A phrase standing for a country alone over tokens [begin, end) (a country a rule infers: the
// story's, the dateline's, a place's), in a group of its own.
Phrase CountryPhrase(size_t begin, size_t end, const std::string& country) {
  Phrase p;
  p.begin = p.head_begin = begin;
  p.end = p.head_end = end;
  p.code = p.country = country;
  p.group = -1;
  return p;
}

// A phrase standing for an event's actor (an act told before) over tokens [begin, end).
Phrase ActorPhrase(const ActorRef& a, size_t begin, size_t end) {
  Phrase p = CountryPhrase(begin, end, a.country);
  p.code = a.code;
  p.sector = a.sector;
  p.name = a.name;
  return p;
}

const char* kAl = "\xD8\xA7\xD9\x84";     // ال
const char* kLl = "\xD9\x84\xD9\x84";     // لل
const char* kWaw = "\xD9\x88";            // و
const char* kFa = "\xD9\x81";             // ف
const char* kBa = "\xD8\xA8";             // ب
const char* kLam = "\xD9\x84";            // ل
const char* kKaf = "\xD9\x83";            // ك
const char* kSin = "\xD8\xB3";            // س
// Function words and endings the coder's grammar reads (not rules for analysts: the cue,
// trigger and settings files hold those).
const char* kFi = "\xD9\x81\xD9\x8A";                  // في
const char* kMin = "\xD9\x85\xD9\x86";                 // من
const char* kAn = "\xD8\xA7\xD9\x86";                 // أن / إن (folded)
const char* kBiAn = "\xD8\xA8\xD8\xA7\xD9\x86";      // بأن (folded)
const char* kMimman = "\xD9\x85\xD9\x85\xD9\x86";    // ممن
const char* kMaa = "\xD9\x85\xD8\xB9";                 // مع
const char* kKhilal = "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84";  // خلال
const char* kBin = "\xD8\xA8\xD9\x86";                 // بن
const char* kBint = "\xD8\xA8\xD9\x86\xD8\xAA";      // بنت
const char* kHeh = "\xD9\x87";                           // ه: a third-person pronoun suffix starts with it
const char* kYa = "\xD9\x8A";                            // ي: the first-person suffix
const char* kWawAlef = "\xD9\x88\xD8\xA7";             // وا: the plural ending of a past verb

// «قتلوا», «احتجزوا»: a form longer than its ending that ends in the plural «ـوا».
bool EndsInPluralWaw(std::string_view w) { return w.size() > 4 && w.substr(w.size() - 4) == kWawAlef; }

bool StartsWith(std::string_view s, const char* p) { return s.rfind(p, 0) == 0; }

// The preposition carried by a clitic prefix chain («وبال» → «ب»), or "".
std::string PrepOfPrefix(std::string_view prefix) {
  if (StartsWith(prefix, kWaw) || StartsWith(prefix, kFa)) prefix = prefix.substr(2);
  if (StartsWith(prefix, kLl)) return kLam;
  if (StartsWith(prefix, kBa)) return kBa;
  if (StartsWith(prefix, kLam)) return kLam;
  if (StartsWith(prefix, kKaf)) return kKaf;
  return "";
}
bool HasConj(std::string_view prefix) { return StartsWith(prefix, kWaw) || StartsWith(prefix, kFa); }
bool HasArticle(std::string_view prefix) { return HasArabicArticle(prefix); }
bool HasFuture(std::string_view prefix) { return prefix.find(kSin) != std::string::npos; }

std::string CountryOf(std::string_view code) { return std::string(code.size() >= 3 ? code.substr(0, 3) : code); }
// A state's country code: three letters, not an international or non-state body (IGO, IMG, NGO).
bool IsStateCountry(std::string_view c) { return c.size() == 3 && c != "IGO" && c != "IMG" && c != "NGO"; }
std::string SectorOf(const std::string& code) { return code.size() >= 6 ? code.substr(3, 3) : ""; }

struct SentenceView {
  const std::vector<Token>* toks;
  std::vector<int> actor_at, agent_at, place_at, trig_at, cue_at;  // index into match vectors, -1 none
  std::vector<PhraseMatch> actors, agents, places, trigs, cues;
  std::vector<int> clause;  // clause id per token
  std::vector<uint64_t> topics;  // bit TopicId(t) set when a cue of topic t is in the sentence
  std::vector<char> noun_at;     // per token: a trigger of type "noun" starts there
  std::vector<int8_t> kind_at;   // per token: the CueKind of the cue cue_at points to, -1 none
};

// The kind of the cue starting at token i (as CueAt(…)->kind), -1 when none or past the end.
inline int KindAt(const SentenceView& v, size_t i) { return i < v.kind_at.size() ? v.kind_at[i] : -1; }
constexpr uint32_t KindBit(CueKind k) { return uint32_t{1} << static_cast<int>(k); }
// Whether the cue at token i is of kind k (as CueAt(…)->kind == k, without reading the entry).
inline bool KindIs(const SentenceView& v, size_t i, CueKind k) { return KindAt(v, i) == static_cast<int>(k); }
// Whether the cue at token i is of one of the kinds of `mask` (KindBit()s).
inline bool KindIn(const SentenceView& v, size_t i, uint32_t mask) {
  const int k = KindAt(v, i);
  return k >= 0 && ((mask >> k) & 1);
}

// Whether the sentence has a cue of the topic (a loop over its cues looking for one can be
// skipped when not: most topics are in few sentences).
inline bool HasTopic(const SentenceView& v, int topic_id) {
  const size_t w = static_cast<size_t>(topic_id) / 64;
  return w < v.topics.size() && ((v.topics[w] >> (topic_id % 64)) & 1);
}
// Whether a cue of the topic (its TopicId()) satisfies `pred` (read only when the sentence has
// such a cue at all).
template <typename Pred>
bool AnyCueOfTopic(const SentenceView& v, const Lexicon& lex, int topic_id, Pred pred) {
  if (!HasTopic(v, topic_id)) return false;
  for (const PhraseMatch& cm : v.cues)
    if (lex.CueTopicOf(cm.payload) == topic_id && pred(cm)) return true;
  return false;
}

// A per-sentence vector of this thread's, recycled sentence after sentence (its capacity
// kept: no allocation once warm): `Tag` (the line) tells the buffers apart. Set to n copies
// of x, or cleared.
template <int Tag, typename T>
std::vector<T>& Recycled(size_t n, const T& x) {
  thread_local std::vector<T> buf;
  buf.assign(n, x);
  return buf;
}
template <int Tag, typename T>
std::vector<T>& Recycled() {
  thread_local std::vector<T> buf;
  buf.clear();
  return buf;
}

// Whether a list parsed at load (trigger options, settings) holds `item`.
bool ListHas(const std::vector<std::string>& list, std::string_view item) {
  if (item.empty()) return false;
  // (the size and the last byte before a call to memcmp: most items of a list differ there; an
  // Arabic word's first byte is one of a few lead bytes)
  for (const std::string& x : list)
    if (x.size() == item.size() && x.back() == item.back() && std::memcmp(x.data(), item.data(), item.size()) == 0) return true;
  return false;
}

void IndexByStart(size_t n, const std::vector<PhraseMatch>& ms, std::vector<int>* out) {
  std::vector<int>& at = *out;
  at.assign(n, -1);
  for (size_t k = 0; k < ms.size(); ++k)
    if (at[ms[k].begin] < 0) at[ms[k].begin] = static_cast<int>(k);
}

const CueEntry* CueAt(const SentenceView& v, const Lexicon& lex, size_t i) {
  if (i >= v.toks->size() || v.cue_at[i] < 0) return nullptr;
  return &lex.cues[v.cues[v.cue_at[i]].payload];
}

// English: a word of the setting `rough_count_words` ("about", "around", "over") right before a
// number means "roughly", "more than" ("about 3,000 people"), not a preposition.
bool RoughCountAt(const Lexicon& lex, const std::vector<Token>& toks, size_t j) {
  return j + 1 < toks.size() && toks[j + 1].kind == TokenKind::kNumber &&
         ListHas(lex.coder_settings.rough_count_words, toks[j].norm);
}

// The end of the longest phrase of `list` (words as tokens) starting at token `j`, else `j`.
size_t WordPhraseEnd(const WordPhrases& list, const std::vector<Token>& toks, size_t j) {
  size_t end = j;
  // (the length first: it is in the token, its hash is not)
  if (!list.MaySize(toks[j].norm.size()) || !list.MayStart(toks[j].norm, TokenFormHash(toks[j]))) return end;
  for (const auto& words : list.phrases) {
    if (toks[j].norm != words[0]) continue;
    size_t k = 1;
    while (k < words.size() && j + k < toks.size() && toks[j + k].norm == words[k]) ++k;
    if (k == words.size() && j + k > end) end = j + k;
  }
  return end;
}
bool IsTopic(const CueEntry* c, std::string_view topic) { return c && c->kind == CueKind::kTopic && c->topic == topic; }
// The same for a topic named in this file, TOPIC("name"): its TopicId(), looked up once per
// place it is named, compared as an integer.
#define TOPIC(name) ([] { static const int topic_id = TopicId(name); return topic_id; }())
inline bool IsTopic(const CueEntry* c, int topic_id) { return c && c->topic_id == topic_id; }

// English: the indefinite article.
bool IsIndefiniteArticle(std::string_view w) { return w == "a" || w == "an"; }

// English: a word no dictionary claims (a topic word counts as one: "drones").
bool PlainEnglishWord(const SentenceView& v, const Lexicon& lex, size_t j) {
  const CueEntry* c = CueAt(v, lex, j);
  return j < v.toks->size() && (*v.toks)[j].kind == TokenKind::kWord && (!c || c->kind == CueKind::kTopic) &&
         v.trig_at[j] < 0 && v.agent_at[j] < 0 && v.place_at[j] < 0 && v.actor_at[j] < 0;
}

// English: whether the demonym `m` is an actor by itself. Before one or two plain words it
// heads a noun phrase that stands for its country ("Iranian drones", "Ukrainian cities";
// `*end` moves past them); a plural form ("Palestinians", "two Britons") or one after "a"/"an"
// ("an Australian") is a nationality noun.
bool EnglishDemonymPhrase(const SentenceView& v, const Lexicon& lex, const std::vector<int>& det_start,
                          const PhraseMatch& m, size_t* end) {
  const std::vector<Token>& toks = *v.toks;
  std::string_view last = toks[m.end - 1].norm;
  const bool plural = last.size() > 3 && last.back() == 's';
  if (plural) return true;
  size_t j = m.end;
  while (j < toks.size() && j < m.end + 2 && PlainEnglishWord(v, lex, j)) ++j;
  if (j > m.end) {
    *end = j;
    return true;
  }
  if (det_start[m.begin] < 0) return false;
  std::string_view det = toks[static_cast<size_t>(det_start[m.begin])].norm;
  return det == "a" || det == "an";
}

// English: the end of a news dateline at the start of a sentence ("SANAA (Agency) —",
// "AKCAKALE, Turkey (Agency) —", "WASHINGTON —"), else 0: a city in capitals, optionally a
// comma and up to three capitalised words, optionally an agency in parentheses, then a dash.
// Its place names are where the reporter is, not actors.
size_t EnglishDateline(const std::string& text, const std::vector<Token>& toks) {
  const size_t n = toks.size();
  auto surface = [&](size_t j) { return std::string_view(text).substr(toks[j].begin, toks[j].end - toks[j].begin); };
  auto caps = [&](size_t j) {
    if (toks[j].kind != TokenKind::kWord) return false;
    size_t letters = 0;
    for (char ch : surface(j)) {
      if (ch >= 'a' && ch <= 'z') return false;
      letters += ch >= 'A' && ch <= 'Z';
    }
    return letters >= 2;
  };
  size_t j = 0;
  while (j < n && j < 4 && caps(j)) ++j;
  if (j == 0 || j >= n) return 0;
  if (toks[j].norm == ",") {
    ++j;
    for (size_t k = 0; k < 3 && j < n && toks[j].kind == TokenKind::kWord && surface(j)[0] >= 'A' && surface(j)[0] <= 'Z'; ++k) ++j;
  }
  if (j < n && toks[j].norm == "(") {
    size_t k = j + 1;
    while (k < n && k < j + 8 && toks[k].norm != ")") ++k;
    if (k >= n || toks[k].norm != ")") return 0;
    j = k + 1;
  }
  if (j >= n) return 0;
  const std::string_view d = surface(j);
  return (d == "\xE2\x80\x94" || d == "\xE2\x80\x93" || d == "-" || d == "--") ? j + 1 : 0;
}

// English: a role noun ("people", "police", "soldiers") that no actor phrase holds.
bool BareRoleAt(const SentenceView& v, const std::vector<Phrase>& phrases, size_t j) {
  if (v.agent_at[j] < 0) return false;
  for (const Phrase& p : phrases)
    if (j >= p.begin && j < p.end) return false;
  return true;
}

// English: the role noun right before `tb` (at most four plain words between: "people
// marched", "police fired"), in its clause, else null.
const PhraseMatch* EnglishBareRoleBefore(const SentenceView& v, const Lexicon& lex, const std::vector<Phrase>& phrases,
                                         size_t tb) {
  size_t j = tb;
  for (size_t gap = 0; j > 0 && gap <= 4; ++gap) {
    --j;
    if (v.agent_at[j] >= 0 && v.agents[v.agent_at[j]].end <= tb && BareRoleAt(v, phrases, j))
      return v.clause[j] == v.clause[tb] ? &v.agents[v.agent_at[j]] : nullptr;
    const CueEntry* c = CueAt(v, lex, j);  // (a location preposition too: "crowds dressed in black marched")
    if (!PlainEnglishWord(v, lex, j) && !(c && c->kind == CueKind::kLocationPrep)) return nullptr;
  }
  return nullptr;
}

// English: the role noun that is the object after `te` (determiners, numbers, plain words and
// "of" before it: "more than 2,800 soldiers", "dozens of protesters"), before `stop`, else null.
const PhraseMatch* EnglishBareRoleAfter(const SentenceView& v, const Lexicon& lex, const std::vector<Phrase>& phrases,
                                        size_t te, size_t stop) {
  const std::vector<Token>& toks = *v.toks;
  for (size_t j = te; j < stop && j < te + 6; ++j) {
    if (BareRoleAt(v, phrases, j)) return &v.agents[v.agent_at[j]];
    const CueEntry* c = CueAt(v, lex, j);
    const bool skip = toks[j].kind == TokenKind::kNumber || PlainEnglishWord(v, lex, j) ||
                      (c && (c->kind == CueKind::kDeterminer || (c->kind == CueKind::kPreposition && toks[j].norm == "of"))) ||
                      RoughCountAt(lex, toks, j);  // ("about 3,000 people", "over 200 students")
    if (!skip) return nullptr;
  }
  return nullptr;
}

// A phrase for the role noun `m` of country `country` ("people" in France: FRACVL).
Phrase EnglishRolePhrase(const Lexicon& lex, const PhraseMatch& m, const std::string& country) {
  const AgentEntry& a = lex.agents[m.payload];
  Phrase p;
  p.begin = p.head_begin = m.begin;
  p.end = p.head_end = m.end;
  p.country = country;
  p.sector = a.sector;
  p.code = country + a.sector;
  p.rules.push_back(a.rule);
  p.group = -1;
  return p;
}

// English: whether the trigger `tm`, listed as a verb and a noun, stands inside a
// prepositional phrase after adjectives and demonyms only ("killed in Israeli air and ground
// attacks"): a noun. Not after a country ("militants in Iraq attacked"), nor right after "and"
// ("crossed into its territory and arrested").
bool EnglishNounInPrepPhrase(const SentenceView& v, const Lexicon& lex, const PhraseMatch& tm) {
  const std::vector<Token>& toks = *v.toks;
  bool noun_too = false;
  if (v.noun_at[tm.begin])
    for (const PhraseMatch& o : v.trigs)
      noun_too |= o.begin == tm.begin && o.end == tm.end && lex.TriggerIsNoun(o.payload);
  const CueEntry* before = tm.begin > 0 ? CueAt(v, lex, tm.begin - 1) : nullptr;
  if (!noun_too || (before && before->kind == CueKind::kCoordinator)) return false;
  for (size_t j = tm.begin, steps = 0; j > 0 && steps < 6; ++steps) {
    const size_t q = j - 1;
    const CueEntry* cq = CueAt(v, lex, q);
    if (cq && (cq->kind == CueKind::kPreposition || cq->kind == CueKind::kLocationPrep))
      return q + 1 < tm.begin;  // (right after the preposition: the caller's rule)
    const PhraseMatch* demonym = nullptr;
    for (const PhraseMatch& m : v.actors)
      if (m.end == j && lex.actors[m.payload].kind == ActorEntry::Kind::kDemonym) demonym = &m;
    if (demonym) {
      j = demonym->begin;
      continue;
    }
    if (toks[q].kind == TokenKind::kWord &&
        (PlainEnglishWord(v, lex, q) || (cq && (cq->kind == CueKind::kCoordinator || cq->kind == CueKind::kDeterminer)))) {
      j = q;
      continue;
    }
    return false;
  }
  return false;
}

// English: whether the list of actors going on at `j` (a comma) ends with "and"/"or": only
// commas, determiners and actor or role-noun names before the coordinator ("…, the United
// Arab Emirates, Bahrain and Egypt").
bool EnglishListGoesOn(const SentenceView& v, const Lexicon& lex, size_t j) {
  const std::vector<Token>& toks = *v.toks;
  for (size_t steps = 0; j < toks.size() && steps < 12; ++steps) {
    const CueEntry* c = CueAt(v, lex, j);
    if (c && c->kind == CueKind::kCoordinator) return true;
    if (v.actor_at[j] >= 0) j = v.actors[v.actor_at[j]].end;
    else if (v.agent_at[j] >= 0) j = v.agents[v.agent_at[j]].end;
    else if ((toks[j].kind == TokenKind::kPunct && toks[j].norm == ",") || (c && c->kind == CueKind::kDeterminer)) j = c ? v.cues[v.cue_at[j]].end : j + 1;
    else return false;
  }
  return false;
}

// English relative clauses after an actor phrase: "Egypt's foreign minister, who arrived on
// Monday, met …", "troops that crossed the border shelled …". The relative clause gets clause
// ids of its own and the main clause resumes after it — at the closing comma when it opened
// with one, else before the next verb trigger (or passive auxiliary) after its first word.
// Without a comma, a relative word followed by an actor, a role noun, a determiner, a number or
// a pronoun (`topic:pronoun`) is not a subject relative and is left alone ("told Russia that
// Ukraine …"). `antecedent[clause id]` is the index of the phrase the relative clause is about
// (-1 elsewhere): the subject of its verb when it has none of its own.
void EnglishRelativeClauses(SentenceView* v, const Lexicon& lex, const std::vector<Phrase>& phrases,
                            const std::vector<int>& det_start, std::vector<int>* antecedent) {
  const std::vector<Token>& toks = *v->toks;
  const size_t n = toks.size();
  auto comma = [&](size_t i) { return i < n && toks[i].kind == TokenKind::kPunct && toks[i].norm == ","; };
  auto boundary = [&](size_t i) {
    return KindIn(*v, i, KindBit(CueKind::kComplementizer) | KindBit(CueKind::kRelative) | KindBit(CueKind::kConjunction)) ||
           (toks[i].kind == TokenKind::kPunct && (toks[i].norm == ":" || toks[i].norm == ";"));
  };
  auto verb_at = [&](size_t j) {
    if (j >= n || v->trig_at[j] < 0 || det_start[j] >= 0) return false;
    bool verb = false;
    for (const PhraseMatch& tm : v->trigs) verb |= tm.begin == j && lex.TriggerIsVerb(tm.payload);
    const CueEntry* p = CueAt(*v, lex, j - 1);
    return verb && !(p && (p->kind == CueKind::kPreposition || p->kind == CueKind::kLocationPrep) && toks[j - 1].norm != "to");
  };
  struct Region { size_t begin, end; int phrase; };
  std::vector<Region> regions;
  for (size_t pi = 0; pi < phrases.size(); ++pi) {
    size_t r = phrases[pi].end;
    const bool opened = comma(r);
    if (opened) ++r;
    const CueEntry* c = CueAt(*v, lex, r);
    if (!c || c->kind != CueKind::kRelative || (!regions.empty() && r < regions.back().end)) continue;
    const size_t nx = v->cues[v->cue_at[r]].end;
    if (nx >= n) continue;
    if (!opened) {
      const CueEntry* cn = CueAt(*v, lex, nx);
      if (v->actor_at[nx] >= 0 || v->agent_at[nx] >= 0 || toks[nx].kind != TokenKind::kWord ||
          (cn && cn->kind == CueKind::kDeterminer) || IsTopic(cn, TOPIC("pronoun")))
        continue;
    }
    size_t e = nx + 1;
    if (opened) {
      while (e < n && !comma(e)) ++e;
    } else {
      while (e < n && !comma(e) && !boundary(e) && !verb_at(e)) {
        const CueEntry* ce = CueAt(*v, lex, e);
        if (ce && ce->kind == CueKind::kPassiveAux && verb_at(e + 1)) break;
        ++e;
      }
    }
    regions.push_back({r, e, static_cast<int>(pi)});
  }
  // A relative clause between commas after a noun no dictionary knows ("The Kurdish-led
  // forces, which fought …, fired …") is set off too, with no antecedent.
  for (size_t r = 1; r < n; ++r) {
    if (!KindIs(*v, r, CueKind::kRelative) || !comma(r - 1)) continue;
    bool covered = false;
    for (const Region& g : regions) covered |= r >= g.begin && r < g.end;
    if (covered) continue;
    size_t e = r + 1;
    while (e < n && !comma(e)) ++e;
    if (e >= n) continue;  // no closing comma: an ordinary clause boundary
    regions.push_back({r, e, -1});
  }
  std::sort(regions.begin(), regions.end(), [](const Region& a, const Region& b) { return a.begin < b.begin; });
  std::vector<Region> kept;
  for (const Region& g : regions)
    if (kept.empty() || g.begin >= kept.back().end) kept.push_back(g);
  regions.swap(kept);
  if (regions.empty()) return;
  int id = 0, cur = 0, saved = 0;
  size_t ri = 0;
  const Region* open = nullptr;
  std::vector<int> ante(1, -1);
  for (size_t i = 0; i < n; ++i) {
    if (open && i == open->end) { cur = saved; open = nullptr; }
    if (ri < regions.size() && i == regions[ri].begin) {
      open = &regions[ri++];
      saved = cur;
      cur = ++id;
      ante.resize(id + 1, -1);
      ante[id] = open->phrase;
    } else if (i > 0 && boundary(i)) {
      cur = ++id;
      ante.resize(id + 1, -1);
    }
    v->clause[i] = cur;
  }
  *antecedent = std::move(ante);
}

// A sentence's matches, found for the whole document before any sentence is coded (Coder::Code).
struct Matched {
  std::vector<PhraseMatch> trigs, cues, actors, places, agents;
  std::vector<size_t> surnames;  // tokens read as a person's surname (AddSurnames)
  bool coded = false;  // trigger candidates left after the first checks (or traced)
};

// English (setting `surname_min_letters`, lexicon/surnames.h): a person of the actor dictionary
// the document names in full ("Hong Kong leader Carrie Lam") is also the last word of that name
// alone ("Lam apologised …"). Adds those actor matches to the coded sentences of *matched (in
// order of their first token), lists their tokens in `surnames` and drops the cue matches over
// them.
void AddSurnames(const Lexicon& lex, std::string_view text, const TokenizedText& sentences,
                 std::vector<Matched>* matched) {
  thread_local Surnames surnames;
  thread_local std::vector<PhraseMatch> uncoded;
  surnames.Reset(lex, text);
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Matched& m = (*matched)[si];
    if (!m.coded) lex.actor_matcher.FindAllInto(sentences[si].tokens, &uncoded);
    surnames.NoteNames(sentences[si].tokens, m.coded ? m.actors : uncoded);
  }
  for (size_t si = 0; si < sentences.size() && !surnames.empty(); ++si) {
    Matched& m = (*matched)[si];
    if (!m.coded) continue;
    surnames.AddTo(sentences[si].tokens, &m.actors, &m.surnames);
    // (a surname is no cue word: "May said …" is no modal "may")
    for (const size_t t : m.surnames)
      std::erase_if(m.cues, [&](const PhraseMatch& cm) { return cm.begin <= t && t < cm.end; });
  }
}

}  // namespace

void Coder::Code(const Extracted& doc, const std::string& fallback_date, std::vector<Event>* events,
                 std::vector<SentenceTrace>* trace) const {
  const Lexicon& lex = lex_->ForDocument(doc.lang, doc.text);
  const bool en = lex.english();  // English hooks: determiners, coordination, passives, premodifiers
  Ymd doc_date;
  std::string doc_date_str = doc.date.empty() ? fallback_date : doc.date;
  if (!Ymd::Parse(doc_date_str, &doc_date)) doc_date = Ymd{};
  const std::string& text = doc.text;
  utf8::OffsetMap offsets(text);
  const std::string id_base = HexDigits(Fnv1a64(text, Fnv1a64("\n", Fnv1a64(doc.id))), 12);  // = HexHash(id + "\n" + text)
  auto cp = [&](size_t byte) { return offsets.ToCodePoint(byte); };

  Composed composed;  // the rules with a note composed for this document's events
  const size_t first_event = events->size();
  // Where each event of this document was traced (sentence entry, trigger line), for a drop below.
  std::vector<std::pair<size_t, size_t>> event_trace;
  thread_local TokenizedText scratch;  // this thread's tokens of its previous document, recycled
  lex.tokenizer().Split(text, &scratch);
  const TokenizedText& sentences = scratch;
  // Settings (ar/settings.tsv), parsed and checked when the lexicon was loaded.
  const CoderSettings& cfg = lex.coder_settings;
  const long history_days = cfg.history_days;
  const std::vector<std::string>& location_target_roots = cfg.location_target_roots;
  const size_t unrealized_window = cfg.unrealized_window;
  const std::vector<std::string>& background_clause_roots = cfg.background_clause_roots;
  const std::vector<std::string>& anchor_topics = cfg.anchor_topics;
  const std::string& prospective_topic = cfg.prospective_topic;
  const std::string& undergo_topic = cfg.undergo_topic;
  const std::string& witness_topic = cfg.witness_topic;
  // Actor words the settings name (ar/settings.tsv): forms of address skipped around names
  // (`honorific_topic`), and the outlet's own country named as «المملكة» (`home_topic`, by the
  // outlet → country list `home_sources`: «source=CODE|…»).
  const std::string& honorific_topic = cfg.honorific_topic;
  const std::string& home_topic = cfg.home_topic;
  const std::vector<std::string>& reciprocal_codes = cfg.reciprocal_codes;
  const std::vector<std::string>& place_state_sectors = cfg.place_state_sectors;
  const std::vector<std::string>& circumstance_roots = cfg.circumstance_roots;
  const std::vector<std::string>& location_recipient_roots = cfg.location_recipient_roots;
  std::string home_country;
  for (const auto& [outlet, country] : cfg.home_sources)
    if (outlet == (doc.source.empty() ? doc.site : doc.source)) home_country = country;
  // A domestic story (setting `home_role_sectors`): in an outlet of `home_sources`, a document
  // whose first two sentences (title and lead) name no country but the outlet's own
  // (international bodies and militant groups do not count). Its state role nouns with no
  // country of their own are of that country: «أعلنت وزارة الداخلية القبض على …».
  static const std::vector<std::string> kNone;
  // The actors and places of the title and lead (sentences 0 and 1), matched once for the
  // checks below and the sentence loop.
  thread_local std::vector<PhraseMatch> head_actors[2], head_places[2];
  bool head_done[2] = {false, false};
  auto head = [&](size_t si) {
    if (!head_done[si]) {
      head_done[si] = true;
      lex.actor_matcher.FindAllInto(sentences[si].tokens, &head_actors[si]);
      lex.place_matcher.FindAllInto(sentences[si].tokens, &head_places[si]);
    }
  };
  // English: any story is "domestic" in the same way — its country is the one country its title
  // and lead name ("Soldiers seized power in Gabon …": "the junta", "the army" later are Gabon's);
  // the check below drops it when they name another.
  if (en && home_country.empty() && !cfg.home_role_sectors.empty())
    for (size_t si = 0; si < sentences.size() && si < 2 && home_country.empty(); ++si) {
      head(si);
      for (const PhraseMatch& m : head_actors[si]) {
        const std::string c = CountryOf(lex.actors[m.payload].CodeOn(doc_date));
        if (IsStateCountry(c)) { home_country = c; break; }
      }
      for (const PhraseMatch& m : head_places[si])
        if (home_country.empty() && !lex.places[m.payload].country.empty()) home_country = lex.places[m.payload].country;
    }
  const std::vector<std::string>& home_role_sectors = home_country.empty() ? kNone : cfg.home_role_sectors;
  bool domestic = !home_role_sectors.empty();
  for (size_t si = 0; si < sentences.size() && si < 2 && domestic; ++si) {
    head(si);
    for (const PhraseMatch& m : head_actors[si]) {
      const std::string c = CountryOf(lex.actors[m.payload].CodeOn(doc_date));
      if (IsStateCountry(c) && c != home_country) domestic = false;
    }
    // (a name of several places, one of them in the home country, is that one: "La Paz" is
    // Bolivia's capital in a Bolivian story, not the Mexican city)
    auto home_reading = [&](const PhraseMatch& m) {
      for (const PhraseMatch& o : head_places[si])
        if (o.begin == m.begin && o.end == m.end && lex.places[o.payload].country == home_country) return true;
      for (const PhraseMatch& o : head_actors[si])
        if (o.begin == m.begin && o.end == m.end && CountryOf(lex.actors[o.payload].CodeOn(doc_date)) == home_country) return true;
      return false;
    };
    for (const PhraseMatch& m : head_places[si])
      if (!lex.places[m.payload].country.empty() && lex.places[m.payload].country != home_country && !home_reading(m))
        domestic = false;
  }
  // The countries the document names (actors and places, each mention counted), computed when
  // first needed.
  std::optional<std::map<std::string, int>> doc_countries;
  auto countries_here = [&]() -> const std::map<std::string, int>& {
    if (doc_countries) return *doc_countries;
    doc_countries.emplace();
    for (size_t si = 0; si < sentences.size(); ++si) {
      for (const PhraseMatch& m : lex.actor_matcher.FindAll(sentences[si].tokens))
        ++(*doc_countries)[CountryOf(lex.actors[m.payload].CodeOn(doc_date))];
      for (const PhraseMatch& m : lex.place_matcher.FindAll(sentences[si].tokens)) ++(*doc_countries)[lex.places[m.payload].country];
    }
    return *doc_countries;
  };
  // English: the country the document has named most so far (actors and places, each mention,
  // in its title and lead and in the sentences read with a trigger, this one included; IGOs
  // aside), a tie broken by the dateline's country (dateline_country, below), else none. Counted
  // as the sentences are read: no second pass over the document.
  std::string dateline_country;  // English: the country of the first dateline ("KATHMANDU (Agency) —")
  std::vector<std::pair<std::string, int>> named_so_far;
  auto count_named = [&](const std::vector<PhraseMatch>& actors, const std::vector<PhraseMatch>& places) {
    auto add = [&](const std::string& c) {
      if (!IsStateCountry(c)) return;
      auto it = std::find_if(named_so_far.begin(), named_so_far.end(), [&](const auto& x) { return x.first == c; });
      if (it == named_so_far.end()) named_so_far.emplace_back(c, 1);
      else ++it->second;
    };
    for (const PhraseMatch& m : actors) add(CountryOf(lex.actors[m.payload].CodeOn(doc_date)));
    for (const PhraseMatch& m : places) add(lex.places[m.payload].country);
  };
  auto most_named = [&]() {
    std::string country;
    int best = 0, tied = 0;
    for (const auto& [c, k] : named_so_far) {  // (states only: count_named keeps no other)
      if (k < best) continue;
      tied = k > best ? 1 : tied + 1;
      if (k > best || c == dateline_country) country = c;
      best = k;
    }
    if (tied > 1 && country != dateline_country) country.clear();
    return country;
  };
  // The theatre of a led coalition (settings `coalition_agents`, `coalition_leaders`): the
  // theatre country the document names most; its leader's country is that of a coalition role
  // noun with no country («طيران التحالف»).
  std::optional<std::string> coalition_leader;
  auto leader_here = [&]() -> const std::string& {
    if (coalition_leader) return *coalition_leader;
    coalition_leader.emplace();
    int best = 0;
    for (const auto& [theatre, leader] : cfg.coalition_leaders) {
      auto it = countries_here().find(theatre);
      const int c = it == countries_here().end() ? 0 : it->second;
      if (c > best) { best = c; *coalition_leader = leader; }
      else if (c == best && best > 0 && leader != *coalition_leader) coalition_leader->clear();
    }
    return *coalition_leader;
  };
  // English: the date a sentence with none of its own takes — the last date named earlier in
  // its paragraph ("… on Monday. Britain also expelled …": Monday too).
  std::optional<DateMention> paragraph_date;
  std::optional<DateMention> story_date;  // English: the last date read in an earlier paragraph ("later in the day")
  int base_named = -1;  // whether the document names a military base (cue topic `base_named`); -1: not yet known
  std::optional<Phrase> pronoun_antecedent;  // English: the source of the first event of the last sentence that coded one (antecedent_sentence)
  size_t antecedent_sentence = SIZE_MAX;
  // English: per sector, the country of the last actor phrase of that sector in the sentences
  // read so far ("Israeli troops …": MIL → ISR), for role nouns with no country (setting
  // `theatre_role_sectors`)
  std::vector<std::pair<std::string, std::string>> story_roles;
  int dateline_capital = -1;     // ... and its place (lex.places), when it is that country's capital
  // A sentence that can code no event: only its dates matter (English: the paragraph's date),
  // and only if a later sentence of its paragraph needs that date — read then.
  std::vector<const std::vector<Token>*> dates_unread;  // such sentences since the last one read, in order
  // English: the first dateline's country and capital, read from the places before its dash.
  // (a capital the gazetteer spells otherwise — "LOME" for Lomé — names its country as the
  // capital of en/countries.tsv)
  auto note_dateline = [&](size_t dateline_end, const std::vector<PhraseMatch>& places,
                           const std::vector<Token>& toks) {
    for (const PhraseMatch& pm : places)
      if (pm.begin < dateline_end && dateline_country.empty()) {
        dateline_country = lex.places[pm.payload].country;
        if (lex.places[pm.payload].capital) dateline_capital = static_cast<int>(pm.payload);
      }
    if (dateline_country.empty())
      for (const PhraseMatch& am : lex.actor_matcher.MatchAt(toks, 0))
        if (am.end <= dateline_end && lex.actors[am.payload].kind == ActorEntry::Kind::kCapital)
          dateline_country = CountryOf(lex.actors[am.payload].CodeOn(doc_date));
  };
  size_t si_now = 0;  // the sentence being read
  auto pass_over = [&](const Sentence& sent, SentenceView& v) {
    if (!en) return;
    if (si_now < 2) {  // (the title and lead count for most_named, read once for the domestic check)
      head(si_now);
      count_named(head_actors[si_now], head_places[si_now]);
    }
    dates_unread.push_back(&sent.tokens);
    // (a dateline before a lead with no trigger still places the story)
    if (dateline_country.empty() && !sent.tokens.empty() && (sent.begin == 0 || text[sent.begin - 1] == '\n'))
      if (size_t i = EnglishDateline(text, sent.tokens); i > 0) {
        lex.place_matcher.FindAllInto(sent.tokens, &v.places);
        note_dateline(i, v.places, sent.tokens);
      }
  };
  // English (setting `headline_date`): the lead's date — the first date named in the first
  // paragraph after the title — read when a headline with no date of its own first needs it.
  std::optional<std::optional<DateMention>> lead_date;
  auto lead_date_now = [&]() -> const std::optional<DateMention>& {
    if (lead_date) return *lead_date;
    lead_date.emplace();
    auto new_paragraph = [&](size_t k) { return text.find('\n', sentences[k - 1].end) < sentences[k].begin; };
    size_t first = 1;
    while (first < sentences.size() && !new_paragraph(first)) ++first;
    for (size_t k = first; k < sentences.size() && !*lead_date && (k == first || !new_paragraph(k)); ++k)
      if (std::vector<DateMention> d = lex.dates().Find(sentences[k].tokens, doc_date); !d.empty()) lead_date->emplace(d.front());
    return *lead_date;
  };
  auto paragraph_date_now = [&]() -> const std::optional<DateMention>& {
    for (const std::vector<Token>* t : dates_unread)
      if (std::vector<DateMention> d = lex.dates().Find(*t, doc_date); !d.empty()) paragraph_date = d.back();
    dates_unread.clear();
    return paragraph_date;
  };
  // The dictionary matches of every sentence, found one matcher at a time over the whole
  // document before any sentence is coded: a dictionary stays in the processor's caches while
  // it reads the document, instead of five taken in turn around the coding of each sentence
  // (English's trigger and actor dictionaries are large). A sentence with no trigger candidate
  // codes no event, and unless it is traced only its dates are still needed (the paragraph's
  // date, below): the other matchers skip it (most sentences of a wire story have none).
  thread_local std::vector<Matched> matched;
  // (recycled from document to document; what one very long document grew is given back)
  constexpr size_t kKeptSentences = 4096;
  if (matched.size() > kKeptSentences && sentences.size() <= kKeptSentences) {
    matched.resize(kKeptSentences);
    matched.shrink_to_fit();
  }
  if (matched.size() < sentences.size()) matched.resize(sentences.size());
  for (size_t si = 0; si < sentences.size(); ++si) {
    lex.trigger_matcher.FindAllInto(sentences[si].tokens, &matched[si].trigs);
    matched[si].coded = trace || !matched[si].trigs.empty();
  }
  for (size_t si = 0; si < sentences.size(); ++si) {
    Matched& m = matched[si];
    if (!m.coded) continue;
    const std::vector<Token>& toks = sentences[si].tokens;
    const size_t n = toks.size();
    lex.cue_matcher.FindAllInto(toks, &m.cues);
    // Option `object=` (split verb phrases): a verb row with no word of its object topic within
    // its window before a stop is no candidate at all (ar/triggers/split.tsv: «فتح» in «حركة فتح»).
    std::erase_if(m.trigs, [&](const PhraseMatch& tm) {
      if (!lex.TriggerHasObject(tm.payload)) return false;
      const TriggerEntry::Options& o = lex.triggers[tm.payload].opt;
      // (the window: tokens tm.end … tm.end + object_within, before a punctuation mark)
      size_t stop = tm.end;
      while (stop < n && stop <= tm.end + o.object_within && toks[stop].kind != TokenKind::kPunct) ++stop;
      for (const PhraseMatch& cm : m.cues)
        if (cm.begin >= tm.end && cm.begin < stop && lex.cues[cm.payload].kind == CueKind::kTopic &&
            ListHas(o.object, lex.cues[cm.payload].topic))
          return false;
      return true;
    });
    // English: a word in "-tive"/"-sive" is an adjective or a noun, never a verb form, even
    // when its stem is a verb's ("executive" is not "execute", "offensive" not "offend"); and
    // "March" with its capital inside a sentence is the month ("signed an agreement in March").
    if (en)
      std::erase_if(m.trigs, [&](const PhraseMatch& tm) {
        if (tm.begin > 0 && ListHas(cfg.capital_month_words, toks[tm.begin].norm) && std::isupper(static_cast<unsigned char>(text[toks[tm.begin].begin])) &&
            toks[tm.begin - 1].kind == TokenKind::kWord)
          return true;
        if (!lex.TriggerIsVerb(tm.payload)) return false;
        std::string_view w = toks[tm.begin].norm;
        if (!w.empty() && w.back() == 's') w.remove_suffix(1);
        return w.size() > 5 && (w.ends_with("tive") || w.ends_with("sive"));
      });
    m.coded = trace || !m.trigs.empty();  // (as above: no candidate left)
  }
  // (the title's and lead's actors and places may have been matched already, above)
  for (size_t si = 0; si < sentences.size(); ++si)
    if (matched[si].coded) {
      if (si < 2 && head_done[si]) matched[si].actors = head_actors[si];
      else lex.actor_matcher.FindAllInto(sentences[si].tokens, &matched[si].actors);
    }
  for (size_t si = 0; si < sentences.size(); ++si)
    if (matched[si].coded) {
      if (si < 2 && head_done[si]) matched[si].places = head_places[si];
      else lex.place_matcher.FindAllInto(sentences[si].tokens, &matched[si].places);
    }
  for (size_t si = 0; si < sentences.size(); ++si)
    if (matched[si].coded) lex.agent_matcher.FindAllInto(sentences[si].tokens, &matched[si].agents);
  for (size_t si = 0; si < sentences.size(); ++si) matched[si].surnames.clear();
  if (en && cfg.surname_min_letters > 0) AddSurnames(lex, text, sentences, &matched);

  for (size_t si = 0; si < sentences.size(); ++si) {
    si_now = si;
    const Sentence& sent = sentences[si];
    if (si == 0 || text.find('\n', sentences[si - 1].end) < sent.begin) {
      if (paragraph_date) story_date = paragraph_date;
      paragraph_date.reset();
      dates_unread.clear();
    }
    const std::vector<Token>& toks = sent.tokens;
    const size_t n = toks.size();
    thread_local SentenceView v;  // recycled sentence after sentence: its vectors keep their capacity
    v.toks = &toks;
    if (!matched[si].coded) {
      pass_over(sent, v);
      continue;
    }
    // (swapped, not copied: each sentence's matches are read once; the buffers go back to
    // `matched` for the next document)
    Matched& m = matched[si];
    std::swap(v.trigs, m.trigs);
    std::swap(v.cues, m.cues);
    std::swap(v.actors, m.actors);
    std::swap(v.places, m.places);
    std::swap(v.agents, m.agents);
    const std::vector<size_t>& surnames = m.surnames;
    v.topics.clear();
    for (const PhraseMatch& cm : v.cues)
      if (const int t = lex.CueTopicOf(cm.payload); t >= 0) {
        if (static_cast<size_t>(t) / 64 >= v.topics.size()) v.topics.resize(t / 64 + 1, 0);
        v.topics[t / 64] |= uint64_t{1} << (t % 64);
      }
    // English: a role noun inside the object phrase of a split verb is a word of that phrase
    // ("declared a nationwide state of emergency": not the role noun "state").
    if (en)
      std::erase_if(v.agents, [&](const PhraseMatch& am) {
        for (const PhraseMatch& tm : v.trigs) {
          if (!lex.TriggerHasObject(tm.payload)) continue;
          const TriggerEntry::Options& o = lex.triggers[tm.payload].opt;
          for (const PhraseMatch& cm : v.cues)
            if (cm.begin >= tm.end && cm.begin <= tm.end + o.object_within && cm.end - cm.begin > 1 &&
                am.begin >= cm.begin && am.end <= cm.end && lex.cues[cm.payload].kind == CueKind::kTopic &&
                ListHas(o.object, lex.cues[cm.payload].topic))
              return true;
        }
        return false;
      });
    // A named actor inside an event phrase of several words is a word of that phrase: «فتح
    // تحقيقا», «فتح النار» (not the Fatah movement).
    if (!en)
      v.actors.erase(std::remove_if(v.actors.begin(), v.actors.end(),
                                    [&](const PhraseMatch& am) {
                                      for (const PhraseMatch& tm : v.trigs)
                                        if (tm.end - tm.begin > 1 && am.begin >= tm.begin && am.end <= tm.end) return true;
                                      return false;
                                    }),
                     v.actors.end());
    if (!en) DropArticlePlaces(&v.places);  // («المالية» is not «ال» + Malé)
    if (!en) {  // («باكرا» is early, not «بـ» + Accra)
      DropPlainWordNames(cfg.plain_words, toks, &v.actors);
      DropPlainWordNames(cfg.plain_words, toks, &v.places);
    }
    // A country name read with the article split off is the demonym when one spells the same
    // («السورية»: not «ال» + «سورية», Syria, but Syrian — «الحكومة السورية»).
    if (!en)
      std::erase_if(v.actors, [&](const PhraseMatch& am) {
        if (lex.actors[am.payload].kind != ActorEntry::Kind::kCountry || !HasArticle(am.prefix)) return false;
        for (const PhraseMatch& o : v.actors)
          if (o.begin == am.begin && o.end == am.end && lex.actors[o.payload].kind == ActorEntry::Kind::kDemonym) return true;
        return false;
      });
    // «القاعدة» alone is the base, not al-Qaeda, in a document that names a base: an actor
    // matched on a word of the cue topic `base_noun` («القاعدة») is dropped when the document has
    // a word of the topic `base_named` without the article («قاعدة العند», «قاعدة جوية»);
    // «تنظيم القاعدة» stays the group.
    auto base_noun_at = [&](const PhraseMatch& am) {
      if (am.end != am.begin + 1) return false;
      for (const PhraseMatch& cm : v.cues)
        if (cm.begin == am.begin && cm.end == am.end && IsTopic(&lex.cues[cm.payload], TOPIC("base_noun"))) return true;
      return false;
    };
    if (!en && std::any_of(v.actors.begin(), v.actors.end(), base_noun_at)) {
      if (base_named < 0) {  // (looked up once per document, and only when needed)
        base_named = 0;
        for (size_t sj = 0; sj < sentences.size() && !base_named; ++sj)
          for (const PhraseMatch& cm : lex.cue_matcher.FindAll(sentences[sj].tokens))
            if (IsTopic(&lex.cues[cm.payload], TOPIC("base_named")) && !HasArticle(cm.prefix)) { base_named = 1; break; }
      }
      if (base_named == 1)
        std::erase_if(v.actors, base_noun_at);
    }
    // A capital alone between quotation marks is a title, not the state: the newspaper in
    // «زود "الرياض" بنسخة منه», «قال لـ«الرياض»» (quotes are normalized to '"').
    if (!en)
      std::erase_if(v.actors, [&](const PhraseMatch& am) {
        auto quote = [&](size_t j) { return j < n && toks[j].kind == TokenKind::kPunct && toks[j].norm == "\""; };
        return lex.actors[am.payload].kind == ActorEntry::Kind::kCapital && am.begin > 0 && quote(am.begin - 1) &&
               quote(am.end);
      });
    // A role noun that ends inside a named body written with its demonym is that body's head:
    // «رئيس [البرلمان] اللبناني» is the Lebanese speaker, not «رئيس» + «البرلمان اللبناني» —
    // the body gives way to its demonym, which the role noun takes as its country.
    if (!en)
      for (const PhraseMatch& ag : v.agents) {
        auto ov = std::find_if(v.actors.begin(), v.actors.end(), [&](const PhraseMatch& am) {
          return am.begin > ag.begin && am.begin < ag.end && am.end > ag.end;
        });
        if (ov == v.actors.end()) continue;
        const size_t ob = ov->begin, oe = ov->end;
        std::optional<PhraseMatch> dem;
        for (const PhraseMatch& m : lex.actor_matcher.MatchAt(toks, ag.end))
          if (m.end == oe && lex.actors[m.payload].kind == ActorEntry::Kind::kDemonym) { dem = m; break; }
        if (!dem) continue;
        std::erase_if(v.actors, [&](const PhraseMatch& am) { return am.begin == ob && am.end == oe; });
        v.actors.insert(std::lower_bound(v.actors.begin(), v.actors.end(), *dem,
                                         [](const PhraseMatch& a, const PhraseMatch& b) { return a.begin < b.begin; }),
                        *dem);
      }
    IndexByStart(n, v.actors, &v.actor_at);
    IndexByStart(n, v.agents, &v.agent_at);
    IndexByStart(n, v.places, &v.place_at);
    IndexByStart(n, v.trigs, &v.trig_at);
    v.noun_at.assign(n, 0);
    for (const PhraseMatch& tm : v.trigs)
      if (lex.TriggerIsNoun(tm.payload)) v.noun_at[tm.begin] = 1;
    IndexByStart(n, v.cues, &v.cue_at);
    v.kind_at.assign(n, -1);
    for (size_t k = 0; k < v.cues.size(); ++k)  // (the cue cue_at points to: the first of its start)
      if (const size_t b = v.cues[k].begin; v.cue_at[b] == static_cast<int>(k))
        v.kind_at[b] = static_cast<int8_t>(lex.CueKindOf(v.cues[k].payload));
    std::vector<DateMention> dates = lex.dates().Find(toks, doc_date);
    bool sport_sentence = false;
    for (const int t : cfg.discard_topic_ids) sport_sentence |= HasTopic(v, t);
    // A headline: a sentence with no final stop (a title or a line of its own).
    bool headline = n > 0;
    for (size_t j = n; j-- > 0 && headline;) {
      if (toks[j].kind != TokenKind::kPunct) break;
      std::string_view p = toks[j].norm;
      headline = !(p == "." || p == "!" || p == "?" || p == "\xD8\x9F" || p == "\xE2\x80\xA6" || p == ":");
    }

    auto cue_kind = [&](size_t i) -> const CueEntry* {
      if (i >= n || v.cue_at[i] < 0) return nullptr;
      return &lex.cues[v.cues[v.cue_at[i]].payload];
    };
    // Whether a number or a word of cue topic `numeral` ends right before token j: a
    // preposition there is partitive («عشرات من», «ثلاثة من»), not a phrase's preposition.
    auto counted_before = [&](size_t j) {
      if (j == 0) return false;
      if (toks[j - 1].kind == TokenKind::kNumber) return true;
      for (const PhraseMatch& cm : v.cues)
        if (cm.end == j && lex.cues[cm.payload].kind == CueKind::kTopic && lex.cues[cm.payload].topic == "numeral") return true;
      return false;
    };
    auto is_comma = [&](size_t i) { return i < n && toks[i].kind == TokenKind::kPunct && toks[i].norm == ","; };
    // «من» right after a number or a word of the setting `quantity_topics` («عشرات من»,
    // «الآلاف من») is partitive: what follows it is the quantity's own noun.
    // Returns the first token of the quantity, or SIZE_MAX when «من» at j is not partitive.
    auto partitive_from = [&](size_t j) -> size_t {
      if (en || j == 0 || j >= n || toks[j].norm != kMin) return SIZE_MAX;
      if (toks[j - 1].kind == TokenKind::kNumber) return j - 1;
      for (const PhraseMatch& cm : v.cues)
        if (cm.end == j && lex.cues[cm.payload].kind == CueKind::kTopic && ListHas(cfg.quantity_topics, lex.cues[cm.payload].topic))
          return cm.begin;
      return SIZE_MAX;
    };
    auto partitive_at = [&](size_t j) { return partitive_from(j) != SIZE_MAX; };
    // English: det_start[e] = start of a determiner ("the", "Russia's") ending at token e, else -1.
    std::vector<int>& det_start = Recycled<__LINE__>(n + 1, -1);
    if (en)
      for (const PhraseMatch& cm : v.cues)
        if (lex.CueKindOf(cm.payload) == CueKind::kDeterminer) det_start[cm.end] = static_cast<int>(cm.begin);
    auto skip_det = [&](size_t i) {
      while (i > 0 && det_start[i] >= 0) i = static_cast<size_t>(det_start[i]);
      return i;
    };
    // English: an actor after a participle of `owner_participles` and "by" ("villages held by
    // Ukrainian forces", "a school run by the United Nations") holds the thing named before it: it
    // is not the subject of the verb after it, and it is the side an act of violence on that thing hits.
    auto owner_agent = [&](const Phrase& p) {
      for (const PhraseMatch& cm : v.cues)
        if (cm.begin > 0 && lex.cues[cm.payload].kind == CueKind::kPassiveAgent && (p.begin == cm.end || skip_det(p.begin) == cm.end) &&
            ListHas(cfg.owner_participles, toks[cm.begin - 1].norm))
          return true;
      return false;
    };

    // ---- clauses
    std::vector<bool>& named = Recycled<__LINE__>(en ? n : 0, false);  // English: tokens of actor or role-noun names, determiners
    if (en) {
      for (const auto* ms : {&v.actors, &v.agents})
        for (const PhraseMatch& m : *ms)
          for (size_t q = m.begin; q < m.end; ++q) named[q] = true;
      for (size_t q = 0; q < n; ++q)
        if (KindIs(v, q, CueKind::kDeterminer)) named[q] = true;
    }
    v.clause.assign(n, 0);
    int clause = 0;
    for (size_t i = 0; i < n; ++i) {
      bool boundary = KindIn(v, i, KindBit(CueKind::kComplementizer) | KindBit(CueKind::kRelative) |
                                       KindBit(CueKind::kConjunction) | KindBit(CueKind::kSubordinate));
      if (toks[i].kind == TokenKind::kPunct && (toks[i].norm == ":" || toks[i].norm == ";")) boundary = true;
      // English: the "that" that ends a multiword uncertainty cue ("reports that", "denied that",
      // "claiming that") opens the clause it reports, as "that" alone does.
      // (cues are indexed by their first word: look back for one that ends here)
      if (en && !boundary && toks[i].norm == "that")
        for (size_t k = i; !boundary && k-- > 0 && i - k <= 4;)
          if (v.cue_at[k] >= 0 && v.cues[v.cue_at[k]].end == i + 1)
            boundary = KindIs(v, k, CueKind::kUncertain);  // (not "warned that", "demanded that": their target is in it)
      // English: "that" after a preposition is a determiner ("in that interval"), and "which"
      // after one ("the town in which …") keeps the clause: no boundary.
      if (en && boundary && KindIs(v, i, CueKind::kRelative) && i > 0 &&
          KindIn(v, i - 1, KindBit(CueKind::kPreposition) | KindBit(CueKind::kLocationPrep)))
        boundary = false;
      // English: a verb of saying that starts a multiword trigger ("declared martial law"), or a
      // split one whose object follows ("declared a nationwide state of emergency"), is that verb.
      if (en && boundary && KindIs(v, i, CueKind::kComplementizer) && v.trig_at[i] >= 0 &&
          (v.trigs[v.trig_at[i]].end > i + 1 || lex.TriggerHasObject(v.trigs[v.trig_at[i]].payload)))
        boundary = false;
      // English: "told X to …" is a directive, not reported speech ("told Israel's ambassador to
      // leave the country"): no boundary.
      if (en && boundary && KindIs(v, i, CueKind::kComplementizer) && ListHas(cfg.directive_speech_verbs, toks[i].norm)) {
        size_t k = i + 1;
        while (k < n && named[k] && k < i + 8) ++k;
        // (the "to" may end a role noun: "ambassador to")
        if (k > i + 1 && k < n && (toks[k].norm == "to" || toks[k - 1].norm == "to")) boundary = false;
      }
      // English: ", and Moscow warned …": "and" after a comma before a new subject and its verb
      // joins two clauses, not two actors.
      if (en && KindIs(v, i, CueKind::kCoordinator) && i > 0 && is_comma(i - 1)) {
        size_t k = v.cues[v.cue_at[i]].end;
        if (KindIs(v, k, CueKind::kDeterminer)) k = v.cues[v.cue_at[k]].end;
        size_t e = k;
        while (e < n && named[e] && e < k + 6) ++e;
        // (not after a subject that is only names and appositions: "Vietnam's president, To
        // Lam, and his Laotian counterpart signed …" is one coordinated subject)
        bool names_only = true;
        for (size_t q = i; names_only && q > 0 && v.clause[q - 1] == clause; --q)
          names_only = named[q - 1] || is_comma(q - 1);
        boundary |= !names_only && e > k && e < n && (v.trig_at[e] >= 0 || KindIs(v, e, CueKind::kPassiveAux));
      }
      if (boundary && i > 0) {
        ++clause;
        // English: an attribution after the report (", Kuwaiti newspapers reported") starts at
        // its comma: the speaker is not part of the reported clause.
        if (en && KindIs(v, i, CueKind::kComplementizer)) {
          size_t k = i;
          while (k > 0 && i - k < 6 && (named[k - 1] || (toks[k - 1].kind == TokenKind::kWord && KindAt(v, k - 1) < 0 &&
                                                          v.trig_at[k - 1] < 0))) --k;
          if (k < i && k > 0 && is_comma(k - 1))
            for (size_t q = k; q < i; ++q) v.clause[q] = clause;
        }
      }
      v.clause[i] = clause;
    }
    // A clause opened by a relative pronoun after its antecedent («السفينة التي خطفها
    // قراصنة»), or a temporal clause put before its main clause («عندما اغتيل القائد، أعلن»)
    // describes or presupposes its events: up to the first comma they are background, not
    // news (for the CAMEO roots of the setting `background_clause_roots`). A temporal clause
    // after its main clause tells the event itself («قتل خمسة عندما انفجرت سيارة»).
    std::vector<size_t>& bg_clause = Recycled<__LINE__>(static_cast<size_t>(clause) + 1, SIZE_MAX);  // its first token
    for (size_t i = 0; i < n && !en; ++i) {
      if (i > 0 && v.clause[i] == v.clause[i - 1]) continue;
      const CueEntry* c = cue_kind(i);
      bool preposed = true;  // only punctuation and conjunctions before it
      for (size_t j = 0; j < i && preposed; ++j)
        preposed = toks[j].kind == TokenKind::kPunct || (cue_kind(j) && cue_kind(j)->kind == CueKind::kConjunction);
      // (or put before a later main clause: right after a comma with «و», and closed by another
      // comma — «كان التهييج قوميا، أما اليوم، وبعد أن احتل الجيش المدينة، أصبح …»; without
      // «و» it follows the clause before: «قتل خمسة، فيما أصيب عشرة في هجوم آخر، بحسب …»)
      // A main clause must follow it, after a comma: a sentence that is only «فيما قتل ثلاثة
      // جنود» is a new piece of news («meanwhile»), not a setting.
      bool closed = false;
      for (size_t j = i + 1; j + 1 < n && !closed; ++j) closed = is_comma(j) && toks[j + 1].kind == TokenKind::kWord;
      if (!preposed && c && c->kind == CueKind::kSubordinate && i > 0 && is_comma(i - 1) &&
          HasConj(v.cues[v.cue_at[i]].prefix))
        preposed = true;
      preposed &= closed;
      if (c && ((c->kind == CueKind::kRelative && i > 0) || (c->kind == CueKind::kSubordinate && preposed)))
        bg_clause[v.clause[i]] = i;
    }

    if (en && (si < 2 || !v.trigs.empty())) count_named(v.actors, v.places);  // (as read without a trace)
    // ---- actor phrases
    std::vector<Phrase>& phrases = Recycled<__LINE__, Phrase>();
    // Tokens of places introduced by «في»/«بـ» are not actors («في جنوب لبنان»).
    std::vector<bool>& in_located_place = Recycled<__LINE__>(n, false);
    for (const PhraseMatch& pm : v.places) {
      const CueEntry* c = pm.begin > 0 ? cue_kind(pm.begin - 1) : nullptr;
      if (PrepOfPrefix(pm.prefix) == kBa || (c && c->kind == CueKind::kLocationPrep))
        for (size_t j = pm.begin; j < pm.end; ++j) in_located_place[j] = true;
    }
    // A role noun with no country of its own followed by a preposition
    // («ممثلين عن …», «وفد من …») takes the code of the phrase after it.
    struct Pending { size_t begin, end; std::string prefix, sector; RuleList rules; };
    std::optional<Pending> pending;
    auto actor_code = [&](const ActorEntry& a) { return a.CodeOn(doc_date); };
    // (English: one word of the cue topic `direction` may stand between a preposition and its
    // place or actor: "through central Hong Kong", "rockets into northern Israel")
    auto skip_direction = [&](size_t i) {
      if (en && i > 1 && AnyCueOfTopic(v, lex, TOPIC("direction"), [&](const PhraseMatch& cm) { return cm.end == i && cm.begin + 1 == i; }))
        return skip_det(i - 1);
      return i;
    };
    auto location_prep_before = [&](size_t i) {
      i = skip_direction(skip_det(i));
      const CueEntry* c = i > 0 ? cue_kind(i - 1) : nullptr;
      // (English: "the city of Kharkiv", "the town of Goma" name a place as "in" does)
      if (en && i > 1 && toks[i - 1].norm == "of" && IsTopic(cue_kind(i - 2), TOPIC("territory"))) return true;
      return c && c->kind == CueKind::kLocationPrep;
    };
    auto prep_before = [&](size_t i) -> std::string {
      i = skip_direction(skip_det(i));
      if (i == 0) return "";
      const CueEntry* c = cue_kind(i - 1);
      // (English: "detained about 3,000 people" has a direct object)
      if (en && RoughCountAt(lex, toks, i - 1)) return "";
      if (c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep) && (en || !counted_before(i - 1)))
        return std::string(toks[i - 1].norm);
      return "";
    };
    // An agent of sector `NON` (ar/agents/not_actors.tsv) is a noun whose genitive names no
    // actor: «شارع فلسطين», «زي الشرطة العراقية», «معبر رفح». The phrase right after it is dropped.
    size_t not_actor_end = SIZE_MAX;
    // The end of a role noun written around a demonym at i+1 (head noun, demonym, rest of the
    // role: «وحدة إسرائيلية خاصة»), or i when there is none; its agent in split_role_payload.
    uint32_t split_role_payload = 0;
    auto split_role_end = [&](size_t i) -> size_t {
      if (en || i + 2 >= n || toks[i].kind != TokenKind::kWord || v.actor_at[i + 1] < 0) return i;
      const PhraseMatch& dm = v.actors[v.actor_at[i + 1]];
      if (lex.actors[dm.payload].kind != ActorEntry::Kind::kDemonym || !(dm.prefix.empty() || dm.prefix == kAl) ||
          dm.end >= n)
        return i;
      thread_local std::vector<Token> joined;  // (recycled: this runs for every demonym after a word)
      joined.assign(1, toks[i]);
      for (size_t k = dm.end; k < n && k < dm.end + 4; ++k) joined.push_back(toks[k]);
      for (const PhraseMatch& m : lex.agent_matcher.MatchAt(joined, 0)) {
        if (m.end < 2 || lex.agents[m.payload].sector.empty() || lex.agents[m.payload].sector == "NON") continue;
        split_role_payload = m.payload;
        return dm.end + (m.end - 1);
      }
      return i;
    };
    // English: words after the first of a multiword trigger are not role nouns.
    std::vector<bool>& in_trigger_tail = Recycled<__LINE__>(en ? n : 0, false);
    if (en)
      for (const PhraseMatch& tm : v.trigs)
        for (size_t j = tm.begin + 1; j < tm.end; ++j) in_trigger_tail[j] = true;
    // (a dateline, at the start of a line, names no actor)
    const bool line_start = sent.begin == 0 || text[sent.begin - 1] == '\n';
    // (a sentence of a domestic story that names another country is not about home: its role
    // nouns keep no country)
    bool foreign_here = false;
    if (domestic) {
      for (const PhraseMatch& m : v.actors) {
        const std::string c = CountryOf(lex.actors[m.payload].CodeOn(doc_date));
        foreign_here |= IsStateCountry(c) && c != home_country;
      }
      for (const PhraseMatch& m : v.places)
        foreign_here |= !lex.places[m.payload].country.empty() && lex.places[m.payload].country != home_country;
    }
    // Arabic: a form of address (cue topic of the setting `honorific_topic`: «صاحب السمو
    // الملكي», «معالي», «الأستاذ») starting at j, else nullptr.
    auto honorific_at = [&](size_t j) -> const PhraseMatch* {
      if (en || j >= n || v.cue_at[j] < 0) return nullptr;
      for (const PhraseMatch& cm : v.cues)
        if (cm.begin == j && IsTopic(&lex.cues[cm.payload], honorific_topic.c_str())) return &cm;
      return nullptr;
    };
    // Arabic: «المملكة» (cue topic of the setting `home_topic`) at j in an outlet of the setting
    // `home_sources`: the outlet's own country.
    auto home_at = [&](size_t j) -> const PhraseMatch* {
      if (en || home_country.empty() || j >= n || v.cue_at[j] < 0) return nullptr;
      for (const PhraseMatch& cm : v.cues)
        if (cm.begin == j && IsTopic(&lex.cues[cm.payload], home_topic.c_str())) return &cm;
      return nullptr;
    };
    // Arabic: whether the word at j, with the clitic prefix `prefix`, is introduced by «بـ» as
    // the object of a verb trigger before it in its clause that takes its target with «بـ»
    // (`target=ب`): «أشاد بالسعودية», «اعترفت بفلسطين» — an actor, not a place.
    auto ba_object = [&](size_t j, std::string_view prefix) {
      if (en || PrepOfPrefix(prefix) != kBa) return false;
      for (size_t q = j; q-- > 0 && v.clause[q] == v.clause[j] && j - q <= 8;) {
        if (v.trig_at[q] < 0) continue;
        for (const PhraseMatch& tm : v.trigs) {
          if (tm.begin != q) continue;
          const TriggerEntry& t = lex.triggers[tm.payload];
          if (t.type == "verb" && PrepOfPrefix(tm.prefix).empty() && !HasArticle(tm.prefix) && tm.end <= j &&
              std::find(t.target_preps.begin(), t.target_preps.end(), kBa) != t.target_preps.end())
            return true;
        }
        return false;
      }
      return false;
    };
    size_t i = en && line_start && n > 0 ? EnglishDateline(text, toks) : 0;
    if (i > 0 && dateline_country.empty()) note_dateline(i, v.places, toks);
    size_t honor_begin = 0, honor_end = SIZE_MAX;  // the last form of address passed over, and its clitic prefix
    std::string honor_prefix;
    while (i < n) {
      const PhraseMatch* ag = v.agent_at[i] >= 0 ? &v.agents[v.agent_at[i]] : nullptr;
      const PhraseMatch* ac = v.actor_at[i] >= 0 ? &v.actors[v.actor_at[i]] : nullptr;
      if (ag && ac && ac->end >= ag->end) ag = nullptr;  // a named actor wins over a role noun
      if (en && ag && in_trigger_tail[i]) ag = nullptr;   // English: "promised military aid", "deployed troops"
      // A form of address is no actor («صاحب السمو الملكي»: «الملكي» is not «الملك»).
      // (its preposition is the phrase's after it: «اتصل بفخامة الرئيس …» → «ب»)
      if (!ac && honorific_at(i)) {
        honor_prefix = honorific_at(i)->prefix;
        honor_begin = i;
        i = honor_end = honorific_at(i)->end;
        continue;
      }
      // A coalition named by no country in a document with no theatre names no one, and
      // governs no complement: «طياري التحالف في القاعدة» (settings `coalition_agents`).
      if (ag && !en && ListHas(cfg.coalition_agents, lex.agents[ag->payload].id) && leader_here().empty()) {
        i = ag->end;
        continue;
      }
      if (ag && lex.agents[ag->payload].sector == "NON") {
        not_actor_end = ag->end;
        i = ag->end;
        pending.reset();
        continue;
      }
      // English: a country, demonym or organisation before a role noun modifies it
      // ("Iranian officials", "Russia's foreign ministry", "Hamas official").
      const PhraseMatch* premod = nullptr;
      if (en && ac && !ag) {
        size_t j = ac->end;
        if (j < n && (toks[j].norm == "'s" || toks[j].norm == "'")) ++j;
        const PhraseMatch* ag2 = j < n && v.agent_at[j] >= 0 ? &v.agents[v.agent_at[j]] : nullptr;
        const PhraseMatch* ac2 = j < n && v.actor_at[j] >= 0 ? &v.actors[v.actor_at[j]] : nullptr;
        if (ag2 && !(ac2 && ac2->end >= ag2->end)) { premod = ac; ag = ag2; ac = nullptr; }
      }
      Phrase p;
      p.begin = i;
      std::string first_prefix;
      if (ag) {
        const AgentEntry& a = lex.agents[ag->payload];
        p.end = ag->end;
        p.sector = a.sector;
        p.rules.push_back(a.rule);
        first_prefix = ag->prefix;
        // Takes an actor entry's code into the phrase; a named actor's full code
        // (e.g. IGOUNOIAE) wins over country + role.
        auto adopt = [&](const ActorEntry& e) {
          std::string code = actor_code(e);
          p.country = CountryOf(code);
          if (!SectorOf(code).empty()) p.sector = SectorOf(code);
          if (e.kind == ActorEntry::Kind::kActor) { p.name = e.name_en; p.full_code = code; }
          p.rules.push_back(e.rule);
        };
        // (a representative's country after «لـ»: «المندوب الدائم للمملكة العربية السعودية لدى
        // الأمم المتحدة», «سفير لخادم الحرمين» — setting `lam_genitive_agents`)
        const bool lam_genitive = a.sector.empty() || (!en && ListHas(cfg.lam_genitive_agents, a.id));
        const bool member_noun = a.sector.empty();
        if (premod) {
          const ActorEntry& e = lex.actors[premod->payload];
          if (e.kind == ActorEntry::Kind::kActor) adopt(e);
          else { p.country = CountryOf(actor_code(e)); p.rules.push_back(e.rule); }
        }
        {
          // Modifiers of the role noun: a demonym («الإيراني»), a genitive actor
          // («خارجية إيران»), «في/من» + organisation («قياديين في حماس»), for a
          // member noun «لـ» + organisation («الأمين العام للأمم المتحدة»). One
          // unmatched word (an adjective: «رفيع») may stand before or after them.
          // After a pronoun suffix («نظيره») only a demonym can follow.
          const bool suffixed = !ag->suffix.empty();
          size_t j = p.end;
          bool skipped = false;
          while (j < n) {
            const PhraseMatch* m = v.actor_at[j] >= 0 ? &v.actors[v.actor_at[j]] : nullptr;
            const ActorEntry* e = m ? &lex.actors[m->payload] : nullptr;
            bool bare = m && (m->prefix.empty() || m->prefix == kAl);
            if (e && bare && p.country.empty() && e->kind == ActorEntry::Kind::kDemonym) {
              // (a member noun's demonym before «لـ» + its organisation is the branch's seat, not
              // its owner: «الفرع المصري لتنظيم داعش» is the organisation's)
              const PhraseMatch* org = !en && member_noun && m->end < n && v.actor_at[m->end] >= 0
                                           ? &v.actors[v.actor_at[m->end]] : nullptr;
              if (org && lex.actors[org->payload].kind == ActorEntry::Kind::kActor && PrepOfPrefix(org->prefix) == kLam &&
                  !HasConj(org->prefix)) {
                adopt(lex.actors[org->payload]);
                p.end = j = org->end;
                continue;
              }
              p.country = actor_code(*e);
              p.rules.push_back(e->rule);
              p.end = j = m->end;
              continue;
            }
            if (suffixed) break;
            // Allegiance after a role noun with no country: «القوات الموالية للحكومة اليمنية» are
            // Yemen's, «المسلحين الموالين للحوثيين» the Houthis' (cue topics `allegiance`,
            // `belonging`); a foreign state they are loyal to is their sponsor, not their country
            // («الميليشيات الموالية لإيران»), and those opposed to someone («المقاتلين المناهضين
            // للحوثيين», topic `opposed`) are not theirs. Either way the complement after «لـ» is
            // part of the phrase, never another party.
            if (!en && p.country.empty() && !skipped && j + 1 < n && v.cue_at[j] >= 0) {
              bool loyal = false, opposed = false;
              for (const PhraseMatch& cm : v.cues)
                if (cm.begin == j && cm.end == j + 1) {
                  loyal |= IsTopic(&lex.cues[cm.payload], TOPIC("allegiance")) || IsTopic(&lex.cues[cm.payload], TOPIC("belonging"));
                  opposed |= IsTopic(&lex.cues[cm.payload], TOPIC("opposed"));
                }
              const size_t k = j + 1;
              const PhraseMatch* m2 = v.actor_at[k] >= 0 ? &v.actors[v.actor_at[k]] : nullptr;
              const PhraseMatch* a2 = v.agent_at[k] >= 0 ? &v.agents[v.agent_at[k]] : nullptr;
              if (a2 && m2 && m2->end >= a2->end) a2 = nullptr;
              const std::string_view pre = m2 ? m2->prefix : a2 ? a2->prefix : std::string_view();
              if ((loyal || opposed) && (m2 || a2) && PrepOfPrefix(pre) == kLam && !HasConj(pre)) {
                size_t end = m2 ? m2->end : a2->end;
                std::string country, sector;
                const std::string* rule = nullptr;
                const PhraseMatch* named = m2;
                if (a2) {  // a role noun: its demonym or the person named after it
                  named = end < n && v.actor_at[end] >= 0 ? &v.actors[v.actor_at[end]] : nullptr;
                  if (named && lex.actors[named->payload].kind == ActorEntry::Kind::kDemonym &&
                      (named->prefix.empty() || named->prefix == kAl)) {
                    country = CountryOf(actor_code(lex.actors[named->payload]));
                    rule = &lex.actors[named->payload].rule;
                    end = named->end;
                    named = nullptr;
                  } else if (!(named && named->prefix.empty() && lex.actors[named->payload].kind == ActorEntry::Kind::kActor)) {
                    named = nullptr;
                  }
                }
                if (named && lex.actors[named->payload].kind == ActorEntry::Kind::kActor) {
                  const std::string code = actor_code(lex.actors[named->payload]);
                  country = CountryOf(code);
                  sector = SectorOf(code);
                  rule = &lex.actors[named->payload].rule;
                  end = named->end;
                } else if (named) {
                  end = named->end;  // a state: a sponsor
                }
                if (loyal && !opposed && country.size() == 3 && country != "IGO" && country != "NGO") {
                  p.country = country;
                  // (armed men loyal to a named group are its fighters: «مسلحون موالون للحوثيين»)
                  if (p.sector.empty() || (p.sector == "UAF" && !sector.empty() && named && !lex.actors[named->payload].person))
                    p.sector = sector;
                  p.rules.push_back(lex.cues[v.cues[v.cue_at[j]].payload].rule);
                  if (rule) p.rules.push_back(*rule);
                }
                p.end = j = end;
                break;
              }
            }
            // (a representative's «لدى» + the state or body he is posted to belongs to his role:
            // «المندوب الدائم للسعودية لدى الأمم المتحدة» — the UN is no other party)
            if (!en && lam_genitive && !member_noun && !p.country.empty() && j + 1 < n && !m &&
                toks[j].norm == "\xD9\x84\xD8\xAF\xD9\x8A" && v.actor_at[j + 1] >= 0) {  // «لدى»
              p.end = j = v.actors[v.actor_at[j + 1]].end;
              continue;
            }
            if (e && p.country.empty() && !skipped &&
                (e->kind == ActorEntry::Kind::kCountry || e->kind == ActorEntry::Kind::kActor) &&
                (m->prefix.empty() || (lam_genitive && PrepOfPrefix(m->prefix) == kLam && !HasConj(m->prefix)))) {
              adopt(*e);
              p.end = j = m->end;
              continue;
            }
            if (!en && p.country.empty() && !skipped) {
              // «حكومة المملكة», «سفير المملكة»: the outlet's own country (settings home_sources)
              const PhraseMatch* hm = m ? nullptr : home_at(j);
              if (hm && (hm->prefix.empty() || (lam_genitive && PrepOfPrefix(hm->prefix) == kLam && !HasConj(hm->prefix)))) {
                p.country = home_country;
                p.rules.push_back(lex.cues[hm->payload].rule);
                p.rules.push_back("ar/settings.tsv:home_sources");
                p.end = j = hm->end;
                continue;
              }
              // «وزير الخارجية بجمهورية مصر العربية»: a country after «بـ» right after a government
              // role noun is its country (the Saudi official style); not a capital («السفير بالرياض»
              // is posted there), nor after other roles («ناشطا بالسعودية» is in it).
              if (m && e->kind == ActorEntry::Kind::kCountry && j == p.end && PrepOfPrefix(m->prefix) == kBa && p.sector == "GOV" &&
                  !HasConj(m->prefix) && !HasArticle(m->prefix) && !suffixed) {
                p.country = CountryOf(actor_code(*e));
                p.rules.push_back(e->rule);
                p.end = j = m->end;
                continue;
              }
              // A state role noun (setting `place_state_sectors`) followed by «في»/«بـ» and a place is
              // of that place's country («الجهات الأمنية بجدة», «الشرطة في ولاية بافاريا»)
              // (not a government role: «الموفد الخاص للأمم المتحدة في الصومال» is posted there)
              if (ListHas(place_state_sectors, p.sector) && !member_noun) {
                const CueEntry* lc = cue_kind(j);
                const size_t pj = lc && lc->kind == CueKind::kLocationPrep && toks[j].norm == kFi ? j + 1 : j;
                if (pj < n && v.place_at[pj] >= 0) {
                  const PhraseMatch& pm = v.places[v.place_at[pj]];
                  const PlaceEntry& pl = lex.places[pm.payload];
                  if ((pj > j ? pm.prefix.empty() : (PrepOfPrefix(pm.prefix) == kBa && !HasConj(pm.prefix))) && !pl.country.empty()) {
                    p.country = pl.country;
                    p.rules.push_back(pl.rule);
                    p.end = j = pm.end;
                    continue;
                  }
                }
              }
              // A place as the role noun's genitive: an official or body of that place, of its
              // country («محافظ البصرة», «شرطة دبي», «محافظ جدة»).
              if (v.place_at[j] >= 0 && (!m || e->kind == ActorEntry::Kind::kCapital)) {
                const PhraseMatch& pm = v.places[v.place_at[j]];
                const PlaceEntry& pl = lex.places[pm.payload];
                if (pm.prefix.empty() && !pl.country.empty()) {
                  p.country = pl.country;
                  p.rules.push_back(pl.rule);
                  p.end = j = pm.end;
                  continue;
                }
              }
            }
            if (m) break;
            const CueEntry* c = cue_kind(j);
            // English: "the foreign minister of (the) Iran", "militants from Hamas".
            size_t j1 = j + 1;
            if (en && c && j1 < n && v.cue_at[j1] >= 0 && lex.cues[v.cues[v.cue_at[j1]].payload].kind == CueKind::kDeterminer)
              j1 = v.cues[v.cue_at[j1]].end;
            if (c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep) && p.country.empty() &&
                j1 < n && v.actor_at[j1] >= 0) {
              const PhraseMatch& m2 = v.actors[v.actor_at[j1]];
              const ActorEntry& e2 = lex.actors[m2.payload];
              if ((e2.kind == ActorEntry::Kind::kActor || (en && e2.kind == ActorEntry::Kind::kCountry)) && m2.prefix.empty()) {
                adopt(e2);
                p.end = j = m2.end;
                continue;
              }
            }
            // English: "police in Cairo", "protesters in Lima": a role noun takes the country of
            // the place right after "in"/"at" — or "of", its genitive: "the governor of Kherson",
            // "the mayor of the northern city of Goma" (one word of `topic:direction` may stand
            // before the place).
            if (en && c && p.country.empty() && j1 < n && v.place_at[j1] < 0 && v.cue_at[j1] >= 0 &&
                IsTopic(&lex.cues[v.cues[v.cue_at[j1]].payload], TOPIC("direction")))
              j1 = v.cues[v.cue_at[j1]].end;
            // (and "the city of", "the province of": a `topic:territory` word and "of")
            if (en && c && toks[j].norm == "of" && p.country.empty() && j1 + 2 < n && v.place_at[j1] < 0 && v.cue_at[j1] >= 0 &&
                IsTopic(&lex.cues[v.cues[v.cue_at[j1]].payload], TOPIC("territory")) && toks[v.cues[v.cue_at[j1]].end].norm == "of")
              j1 = v.cues[v.cue_at[j1]].end + 1;
            // (not unidentified attackers, `unattributed_sectors`: "gunmen in Kaduna" are where they struck, not whose)
            if (en && c && ((c->kind == CueKind::kLocationPrep && !ListHas(cfg.unattributed_sectors, p.sector)) || toks[j].norm == "of") &&
                p.country.empty() && j1 < n &&
                v.place_at[j1] >= 0 && !lex.places[v.places[v.place_at[j1]].payload].country.empty()) {
              const PhraseMatch& pm = v.places[v.place_at[j1]];
              p.country = lex.places[pm.payload].country;
              p.rules.push_back(lex.places[pm.payload].rule);
              p.end = j = pm.end;
              continue;
            }
            bool plain_word = toks[j].kind == TokenKind::kWord && !c && v.trig_at[j] < 0 && v.agent_at[j] < 0 &&
                              v.place_at[j] < 0;
            if (plain_word && !skipped) {
              skipped = true;
              ++j;
              // An adjective after the demonym joins the phrase when the phrase ends there.
              bool ends = j >= n || toks[j].kind == TokenKind::kPunct;
              if (!p.country.empty()) {
                if (ends) p.end = j;
                break;
              }
              continue;
            }
            break;
          }
        }
        // A pronoun suffix with no country of its own («قواته», «عناصرها») refers to the
        // actor named last before it in the sentence: «أعلن الجيش الأميركي أن قواته قتلت …».
        if (!ag->suffix.empty() && p.country.empty() && !phrases.empty() && !en &&
            ag->suffix.rfind(kHeh, 0) == 0 &&  // a third-person suffix: «ه», «ها», «هم» (not «ي»: «طياري»)
            p.begin - phrases.back().end <= 8) {      // named just before (a pronoun far away may refer to a noun)
          p.antecedent = true;
          const Phrase& ante = phrases.back();
          p.country = ante.country;
          if (p.sector.empty()) { p.sector = ante.sector; p.full_code = ante.code; }
          p.rules.push_back(ante.rules.empty() ? std::string_view("antecedent")
                                               : std::string_view(composed.Keep(std::string(ante.rules.back()) + " (antecedent)")));
        }
        p.head_begin = p.begin;
        p.head_end = p.end;
        // apposition: «…، علي باقري خاني» or «… ميخائيل بوغدانوف»
        size_t k = p.end;
        if (is_comma(k)) ++k;
        // (Arabic: across forms of address, a one-word title and the given names before a listed
        // person's name: «وزير الخارجية الأستاذ عادل بن أحمد الجبير», «ولي العهد الأمير محمد بن
        // سلمان», «أمير منطقة عسير صاحب السمو الملكي الأمير فيصل بن خالد»)
        bool name_words = false;
        if (!en) {
          size_t q = k;
          while (honorific_at(q)) q = honorific_at(q)->end;
          if (q < n && v.actor_at[q] < 0 && v.agent_at[q] >= 0 && v.agents[v.agent_at[q]].end == q + 1 &&
              (lex.agents[v.agents[v.agent_at[q]].payload].sector == "GOV" ||
               lex.agents[v.agents[v.agent_at[q]].payload].sector == "REL"))
          {
            // (a title of another sector after a whole role noun with its country starts another
            // person: «التقى الرئيس اللبناني البطريرك الراعي» — the patriarch is the object)
            if (!p.country.empty() && !p.sector.empty() && p.end == k &&
                lex.agents[v.agents[v.agent_at[q]].payload].sector != p.sector)
              q = n;
            else
              ++q;  // «الأمير», «الملك», «الشيخ» (a title, not a body: «رئيس قوة الأمم المتحدة»)
          }
          size_t w = q;
          bool ibn = false;  // («بن»: a name chain)
          while (w < n && w < q + 3 && v.actor_at[w] < 0 && toks[w].kind == TokenKind::kWord && !cue_kind(w) &&
                 v.trig_at[w] < 0 && v.agent_at[w] < 0 && v.place_at[w] < 0) {
            ibn |= toks[w].norm == kBin || toks[w].norm == kBint;
            ++w;
          }
          // (given names only in a chain with «بن», or after a form of address or a title)
          if (w > q && !ibn && q == k) w = k;
          if (w < n && v.actor_at[w] >= 0 && w > k) {
            name_words = true;
            k = w;
          }
        }
        if (k < n && v.actor_at[k] >= 0) {
          const PhraseMatch& m = v.actors[v.actor_at[k]];
          const ActorEntry& e = lex.actors[m.payload];
          std::string code = actor_code(e);
          // (a cleric named right after an official's whole role, or an official after a cleric's,
          // is another person: «التقى الرئيس اللبناني البطريرك الراعي»)
          const bool other_calling = !en && !p.country.empty() && !p.sector.empty() && k == p.end &&
                                     (SectorOf(code) == "REL") != (p.sector == "REL") && !SectorOf(code).empty();
          if (e.kind == ActorEntry::Kind::kActor && m.prefix.empty() && (!name_words || e.person) && !other_calling &&
              (p.country.empty() || CountryOf(code) == p.country) &&
              !(en && k > p.end && !e.person)) {  // English: after a comma, only a person ("people, Gaza")
            adopt(e);
            p.head_begin = k;
            p.head_end = p.end = m.end;
          }
        }
        // A role noun with a possessive pronoun opening a reported clause refers to the speaker:
        // «أعلن الجيش الأميركي أن قواته قتلت …» — its forces are American.
        // So is a state role noun (setting `place_state_sectors`) with no country opening one: the
        // speaker's own («أعلنت السلطات الإماراتية أن النيابة العامة أحالت …»), when the speaker
        // is of a state (not IGO, NGO, IMG).
        // (not the parties of the story, setting `party_agents`: «قالت الخارجية القطرية إن الجانبين
        // بحثا» — the two sides are the ones told before, not Qatar)
        const bool state_role = !en && ag->suffix.empty() && ListHas(place_state_sectors, p.sector) && p.end == ag->end &&
                                !ListHas(cfg.party_agents, lex.agents[ag->payload].id);
        if (p.country.empty() && !en && (!ag->suffix.empty() || state_role) && i > 0 && cue_kind(i - 1) &&
            cue_kind(i - 1)->kind == CueKind::kComplementizer && !phrases.empty() &&
            (!state_role || std::any_of(phrases.begin(), phrases.end(), [&](const Phrase& q) {
              return q.end < i && q.prep.empty() && v.clause[q.begin] == v.clause[i - 1] - 1 && IsStateCountry(q.country);
            }))) {
          const Phrase* speaker = nullptr;
          for (const auto& q : phrases)
            if (q.end < i && q.prep.empty() && v.clause[q.begin] == v.clause[i - 1] - 1) speaker = &q;
          if (speaker && !speaker->country.empty()) {
            p.country = speaker->country;
            p.rules.insert(p.rules.end(), speaker->rules.begin(), speaker->rules.end());
            p.head_begin = p.begin;
            p.head_end = p.end;
          }
        }
        // English: the same with a possessive of the cue topic `possessive` after a verb of
        // saying ("the Pakistani army said (that) its troops killed …" — its troops are Pakistani).
        if (p.country.empty() && en && det_start[i] >= 0 && !phrases.empty()) {
          size_t k = static_cast<size_t>(det_start[i]);
          const bool poss = AnyCueOfTopic(v, lex, TOPIC("possessive"), [&](const PhraseMatch& cm) { return cm.begin == k && cm.end == i; });
          if (poss && k > 0 && cue_kind(k - 1) && cue_kind(k - 1)->kind == CueKind::kRelative) --k;
          if (poss && k > 0 && cue_kind(k - 1) && cue_kind(k - 1)->kind == CueKind::kComplementizer) {
            const Phrase* speaker = nullptr;
            for (const auto& q : phrases)
              if (!speaker && q.end < k && q.prep.empty() && v.clause[q.begin] + 1 == v.clause[k - 1]) speaker = &q;
            if (speaker && !speaker->country.empty()) {  // (the subject: "X accused Y … and said their …")
              p.country = speaker->country;
              p.rules.insert(p.rules.end(), speaker->rules.begin(), speaker->rules.end());
              p.head_begin = p.begin;
              p.head_end = p.end;
            }
          }
        }
        // (a state role noun in a domestic story: the home country, unless a preposition and an
        // actor after it say whose it is: «وفد من الحوثيين»)
        // (never a role noun of the setting `foreign_only_agents`: an outlet's own government is
        // no «النظام», which at home is the law: «وفق النظام», «مخالفي نظام الإقامة»)
        if (p.country.empty() && domestic && !foreign_here && !p.antecedent && ag->suffix.empty() &&
            ListHas(home_role_sectors, p.sector) && !ListHas(cfg.foreign_only_agents, lex.agents[ag->payload].id) &&
            !(cue_kind(p.end) && (cue_kind(p.end)->kind == CueKind::kPreposition || cue_kind(p.end)->kind == CueKind::kLocationPrep) &&
              p.end + 1 < n && v.actor_at[p.end + 1] >= 0)) {
          p.country = home_country;
          p.rules.push_back(en ? "en/settings.tsv:home_role_sectors" : "ar/settings.tsv:home_role_sectors");
        }
        // (a coalition's forces or aircraft with no country: the coalition of the document's theatre)
        // (a resistance named by no country fights at home: the country the document names most,
        // the outlet's own aside — «المقاومة الشعبية» in a story about Yemen; setting `theatre_agents`;
        // also police, setting `theatre_role_sectors`; a story has more than one sentence)
        if (p.country.empty() && !en && !domestic && sentences.size() > 1 && !p.antecedent && ag->suffix.empty() &&
            (ListHas(cfg.theatre_agents, lex.agents[ag->payload].id) || ListHas(cfg.theatre_role_sectors, p.sector)) &&
            !(cue_kind(p.end) && (cue_kind(p.end)->kind == CueKind::kPreposition || cue_kind(p.end)->kind == CueKind::kLocationPrep) &&
              p.end + 1 < n && v.actor_at[p.end + 1] >= 0)) {
          int best = 0;  // (a tie names no one)
          for (const auto& [c, k] : countries_here())
            if (IsStateCountry(c) && c != home_country && k >= best) {
              p.country = k > best ? c : std::string();
              best = k;
            }
          if (!p.country.empty())
            p.rules.push_back(ListHas(cfg.theatre_agents, lex.agents[ag->payload].id) ? "ar/settings.tsv:theatre_agents" : "ar/settings.tsv:theatre_role_sectors");
        }
        // English: a role noun of the setting `theatre_agents` ("the government", "police",
        // "security forces", "prosecutors") or a title before an unlisted name with no country of
        // its own, outside a domestic story's home sentences, as a subject: the country of the
        // nearest actor of its sector before it in the document ("Egyptian police … Police
        // detained"), else the country the document names most (a tie: the dateline's, if tied,
        // else none): "Police arrested two men" in a story of Kenya and Somalia; GOV the other
        // way round. Not a noun that modifies another ("commerce ministry",
        // "Student leaders": a plain word or a possessive before it; a noun trigger after it), nor
        // one with a genitive or place after it ("police in Cairo": its own country), nor an
        // object or a passive's patient.
        // (a title before a name no dictionary lists is that person's office, of any sector of
        // `home_role_sectors`: "Finance Minister Yanis Varoufakis", "Major General X Y")
        auto capitalised = [&](size_t q) { return q < n && PlainEnglishWord(v, lex, q) && std::isupper(static_cast<unsigned char>(text[toks[q].begin])); };
        const bool titled = en && capitalised(p.end) && capitalised(p.end + 1) && ListHas(cfg.home_role_sectors, p.sector);
        bool story_role = p.country.empty() && en && sentences.size() > 1 && !p.antecedent && ag->suffix.empty() &&
                          (titled || ListHas(cfg.theatre_agents, lex.agents[ag->payload].id));
        if (story_role) {
          size_t b = skip_det(p.begin);
          while (titled && b > 0 && capitalised(b - 1)) --b;  // ("Acting Finance Minister …")
          if (b > 0 && ((b == p.begin && PlainEnglishWord(v, lex, b - 1)) || v.actor_at[b - 1] >= 0 || toks[b - 1].norm == "-")) story_role = false;
          if (p.end < n && v.trig_at[p.end] >= 0 && lex.triggers[v.trigs[v.trig_at[p.end]].payload].type == "noun") story_role = false;
          if (const CueEntry* c = cue_kind(p.end); c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep))
            for (size_t q = p.end + 1; q < n && q <= p.end + 4 && story_role; ++q)
              if (v.actor_at[q] >= 0 || v.place_at[q] >= 0 || v.agent_at[q] >= 0) story_role = false;
          if (b > 0 && (toks[b - 1].norm == "'s" || toks[b - 1].norm == "'")) story_role = false;  // ("the North's military")
          // (a subject, not yet a patient: no preposition before it, no verb before it in its
          // clause, no passive after it — "several soldiers were killed")
          if (!prep_before(b).empty()) story_role = false;
          for (size_t q = b; q-- > 0 && v.clause[q] == v.clause[p.begin] && story_role;)
            if (v.trig_at[q] >= 0) story_role = false;
          size_t aux = p.end;
          if (aux < n && ListHas(cfg.perfect_auxiliaries, toks[aux].norm)) ++aux;
          if (cue_kind(aux) && cue_kind(aux)->kind == CueKind::kPassiveAux) story_role = false;
        }
        if (story_role) {
          auto antecedent = [&]() {
            for (size_t q = phrases.size(); q-- > 0 && p.country.empty();)
              if (phrases[q].sector == p.sector && IsStateCountry(phrases[q].country))
                p.country = phrases[q].country;
            for (const auto& [sector, country] : story_roles)
              if (p.country.empty() && sector == p.sector) p.country = country;
            if (!p.country.empty()) p.rules.push_back("en/settings.tsv:theatre_agents (the last actor of its sector named before it)");
          };
          auto theatre = [&]() {
            p.country = most_named();
            if (!p.country.empty()) p.rules.push_back("en/settings.tsv:theatre_agents (the country the document names most)");
          };
          // (a government noun or title reads the story first: a diplomatic story names the
          // officials of many states — "Greek and German negotiators … Deputy Finance Minister X")
          if (p.sector != "GOV") { antecedent(); if (p.country.empty()) theatre(); }
          else { theatre(); if (p.country.empty()) antecedent(); }
          if (titled && !p.country.empty())  // (the name is part of the phrase)
            while (capitalised(p.end)) p.end = p.head_end = p.end + 1;
        }
        if (p.country.empty() && !en && ListHas(cfg.coalition_agents, lex.agents[ag->payload].id)) {
          p.country = leader_here();
          p.rules.push_back("ar/settings.tsv:coalition_leaders");
        }
        // English: a word of the setting `former_words` before a demonym and a state role noun
        // names a former office holder, CAMEO's elite: "the former Brazilian president" → BRAELI
        // ("former president" alone is a role noun of its own)
        if (en && premod && p.begin > 0 && ListHas(cfg.former_words, toks[p.begin - 1].norm) && p.full_code.empty() &&
            (p.sector == "GOV" || p.sector == "MIL" || p.sector == "COP" || p.sector == "JUD" || p.sector == "LEG" || p.sector == "SPY")) {
          p.sector = "ELI";
          p.rules.push_back("en/settings.tsv:former_words");
        }
        if (p.country.empty()) {
          const CueEntry* c = cue_kind(p.end);
          if (c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep) && p.end + 1 < n)
            pending = Pending{p.begin, p.end, std::string(ag->prefix), p.sector, p.rules};
          i = std::max(i + 1, p.end);
          continue;
        }
        p.code = p.full_code.empty() ? p.country + p.sector : p.full_code;
      } else if (ac) {
        const ActorEntry& e = lex.actors[ac->payload];
        first_prefix = ac->prefix;
        p.end = ac->end;
        p.head_begin = p.begin;
        p.head_end = p.end;
        std::string code = actor_code(e);
        bool keep = true;
        if (e.kind == ActorEntry::Kind::kCapital)
          keep = PrepOfPrefix(ac->prefix) != kBa && !location_prep_before(i);
        if (e.kind == ActorEntry::Kind::kCountry) keep = !location_prep_before(i);
        if (e.kind == ActorEntry::Kind::kCountry || e.kind == ActorEntry::Kind::kCapital)
          keep = keep && !in_located_place[i];
        if (e.kind == ActorEntry::Kind::kCountry && ba_object(i, ac->prefix)) keep = true;  // «أشاد بالسعودية»
        // A name written without the article does not take one: «المالي» is not «مالي».
        if ((e.kind == ActorEntry::Kind::kCountry || e.kind == ActorEntry::Kind::kCapital || e.kind == ActorEntry::Kind::kActor) &&
            HasArticle(ac->prefix))
          keep = false;
        if (e.kind == ActorEntry::Kind::kDemonym) {
          // A bare demonym is an actor only when coordinated with the phrase
          // just before it («وسائل إعلام روسية وإيرانية»).
          keep = HasConj(ac->prefix) && !phrases.empty() && phrases.back().end == i;
          if (keep) p.sector = phrases.back().sector;
          // ... or counted: people of that country, «خمسة بريطانيين», «12 إيرانيا» (a number, or
          // a word of the cue topic `numeral`, right before it).
          // («مئات الأفغان», and partitive: «الآلاف من النيباليين»)
          if (!en && !keep && (ac->prefix.empty() || ac->prefix == kAl) && i > 0) {
            const CueEntry* c = cue_kind(i - 1);
            keep = counted_before(i) || (c && c->kind == CueKind::kPreposition && counted_before(i - 1));
            p.counted = keep;
          }
          // ... or as the adjective of an indefinite verbal noun right before it: «قصف إسرائيلي»,
          // «غارة جوية أميركية» (its agent; its object for a `genitive=target` noun: «مقتل أميركي»).
          if (!en && !keep && ac->prefix.empty())
            for (const PhraseMatch& tm : v.trigs)
              keep |= tm.end == i && lex.TriggerIsNoun(tm.payload) && tm.prefix.empty() && tm.suffix.empty();
          // English: a demonym right before a trigger or a passive is its actor ("Israeli strikes",
          // "Palestinians protested", "two Iranians were arrested").
          if (en && !keep && ac->end < n) {
            const CueEntry* c = cue_kind(ac->end);
            keep = v.trig_at[ac->end] >= 0 || (c && c->kind == CueKind::kPassiveAux);
          }
          // English: "American and British warships": the first demonym shares the role noun
          // (or stands for its country: "American or Iraqi personnel").
          if (en && !keep && cue_kind(ac->end) && cue_kind(ac->end)->kind == CueKind::kCoordinator) {
            const size_t j = v.cues[v.cue_at[ac->end]].end;
            const PhraseMatch* d2 = j < n && v.actor_at[j] >= 0 ? &v.actors[v.actor_at[j]] : nullptr;
            if (d2 && lex.actors[d2->payload].kind == ActorEntry::Kind::kDemonym) {
              keep = true;
              if (d2->end < n && v.agent_at[d2->end] >= 0) p.sector = lex.agents[v.agents[v.agent_at[d2->end]].payload].sector;
            }
          }
          if (en && !keep) keep = EnglishDemonymPhrase(v, lex, det_start, *ac, &p.end);
          p.head_end = p.end;
        }
        if (!keep) { i = ac->end; continue; }
        p.country = CountryOf(code);
        if (p.sector.empty()) p.sector = SectorOf(code);
        p.code = e.kind == ActorEntry::Kind::kActor ? code : p.country + p.sector;
        if (e.kind == ActorEntry::Kind::kActor) p.name = e.name_en;
        p.rules.push_back(e.rule);
        // Arabic: the offices a named person holds, listed after the name, are that person
        // («الأمير محمد بن نايف ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية»): role nouns
        // with no country of their own join the phrase (one followed by a country, a demonym or
        // another name is someone else: «الجبير وزير الخارجية المصري»).
        if (!en && e.kind == ActorEntry::Kind::kActor && e.person) {
          size_t j = p.end;
          // (first the rest of the name the entry leaves out: «… بن عبدالعزيز آل سعود»)
          auto name_link = [&](size_t q) {
            std::string_view w = toks[q].norm;
            return w == kBin || w == kBint || w == kAl ||
                   w == "\xD8\xA2\xD9\x84";  // بن بنت ال آل
          };
          while (j + 1 < n && name_link(j) && toks[j + 1].kind == TokenKind::kWord && v.actor_at[j + 1] < 0 &&
                 v.agent_at[j + 1] < 0 && !cue_kind(j + 1) && v.trig_at[j + 1] < 0)
            j += 2;
          if (j > p.end) p.end = p.head_end = j;
          while (j < n && v.agent_at[j] >= 0 && v.actor_at[j] < 0) {
            const PhraseMatch& am = v.agents[v.agent_at[j]];
            if (!am.prefix.empty() || !am.suffix.empty() || lex.agents[am.payload].sector == "NON") break;
            size_t chain = am.end;  // (a chain of role nouns ending in a country is someone else:
            while (chain < n && v.agent_at[chain] >= 0 && v.actor_at[chain] < 0) chain = v.agents[v.agent_at[chain]].end;
            if (chain < n && v.actor_at[chain] >= 0) break;  //  «رئيس وزراء جمهورية باكستان»)
            j = am.end;
          }
          p.end = j;
        }
      } else if (const PhraseMatch* hm = home_at(i)) {
        // «المملكة» in an outlet of the setting `home_sources`: its own country, an actor like a
        // country name (a place after «في»/«بـ»: «المقيمين بالمملكة»).
        if ((PrepOfPrefix(hm->prefix) == kBa || location_prep_before(i)) && !ba_object(i, hm->prefix)) {
          i = hm->end;
          continue;
        }
        first_prefix = hm->prefix;
        p.end = p.head_end = hm->end;
        p.head_begin = p.begin;
        p.country = p.code = home_country;
        p.rules = {lex.cues[hm->payload].rule, "ar/settings.tsv:home_sources"};
        // («المملكة الهولندية»: a demonym after it names another kingdom)
        if (const PhraseMatch* dm = hm->end < n && v.actor_at[hm->end] >= 0 ? &v.actors[v.actor_at[hm->end]] : nullptr;
            dm && lex.actors[dm->payload].kind == ActorEntry::Kind::kDemonym && (dm->prefix.empty() || dm->prefix == kAl)) {
          p.country = p.code = CountryOf(actor_code(lex.actors[dm->payload]));
          p.end = p.head_end = dm->end;
          p.rules = {lex.actors[dm->payload].rule};
        }
      } else if (const size_t end = split_role_end(i); end > i) {
        // A role noun split by its demonym: «وحدة إسرائيلية خاصة» (وحدة خاصة), «طائرة أميركية
        // بدون طيار» (طائرة بدون طيار), «قوات روسية خاصة»: Arabic puts the nationality right
        // after the head noun, before the role's other words.
        const PhraseMatch& dm = v.actors[v.actor_at[i + 1]];
        const AgentEntry& a = lex.agents[split_role_payload];
        p.end = p.head_end = end;
        p.head_begin = p.begin;
        p.country = CountryOf(actor_code(lex.actors[dm.payload]));
        p.sector = a.sector;
        p.code = p.country + p.sector;
        p.rules = {a.rule, lex.actors[dm.payload].rule};
      } else {
        ++i;
        continue;
      }
      if (pending && (pending->end + 1 == p.begin ||
                      (en && pending->end + 1 == skip_det(p.begin) &&  // English: "warplanes of the …", not "missiles at a …"
                       (toks[pending->end].norm == "of" || toks[pending->end].norm == "from")))) {
        p.begin = p.head_begin = pending->begin;
        first_prefix = pending->prefix;
        if (p.sector.empty()) p.sector = pending->sector;
        if (p.full_code.empty()) p.code = p.country + p.sector;
        p.rules.insert(p.rules.begin(), pending->rules.begin(), pending->rules.end());
      }
      pending.reset();
      if (p.begin == not_actor_end) { i = std::max(p.end, i + 1); continue; }  // «شارع فلسطين»
      p.prep = PrepOfPrefix(first_prefix);
      if (p.prep.empty() && p.begin == honor_end) p.prep = PrepOfPrefix(honor_prefix);
      if (p.prep.empty() && p.begin == honor_end) p.prep = prep_before(honor_begin);  // «مع معالي الوزير»
      if (p.prep.empty()) p.prep = prep_before(p.begin);
      // English: "those of X" stands for the noun before it ("several governments, including those
      // of Germany and France, summoned …"): X is that noun's, no complement.
      if (en && p.prep == "of" && p.begin >= 2 && ListHas(cfg.of_pronouns, toks[p.begin - 2].norm)) p.prep.clear();
      // A partitive «من» after a quantity introduces the phrase itself, not a complement:
      // «عشرات من أعضاء الحزب» are party members (a subject or an object like any other).
      // The phrase then starts at its quantity («سبعة من عناصر الشرطة»: a counted subject).
      if (p.begin >= 1 && PrepOfPrefix(first_prefix).empty() && partitive_at(p.begin - 1)) {
        p.prep.clear();
        const size_t q = partitive_from(p.begin - 1);
        if (phrases.empty() || phrases.back().end <= q) {
          p.begin = q;
          p.prep = prep_before(q);  // (the quantity's own preposition: «على خمسة من قيادات»)
        }
      }
      bool coord = HasConj(first_prefix) && !phrases.empty() && phrases.back().end == p.begin;
      if (en && !phrases.empty() && phrases.back().end < p.begin && p.begin - phrases.back().end <= 4) {
        // English: "Iran and Russia", "Iran, Russia and China" (not when this phrase is the
        // subject of a verb right after it: "… Russia and Iran supplied …").
        size_t j = phrases.back().end;
        bool joined = true, has_and = false;
        while (j < p.begin && joined) {
          const CueEntry* c = cue_kind(j);
          if (c && c->kind == CueKind::kCoordinator) { has_and = true; j = v.cues[v.cue_at[j]].end; }
          else if (is_comma(j)) ++j;
          else if (det_start[p.begin] >= 0 && j == static_cast<size_t>(det_start[p.begin])) j = p.begin;
          else joined = false;
        }
        const CueEntry* after_p = cue_kind(p.end);
        if (!has_and) has_and = after_p && after_p->kind == CueKind::kCoordinator;  // "Iran, Russia and …"
        if (!has_and && is_comma(p.end)) has_and = EnglishListGoesOn(v, lex, p.end);  // "A, the B, C and D"
        bool subject_next = p.end < n && v.trig_at[p.end] >= 0;
        bool verb_before = false;  // the previous phrase is an object: a verb precedes it in the clause
        for (size_t q = phrases.back().begin; q-- > 0 && v.clause[q] == v.clause[p.begin] && !verb_before;)
          verb_before = v.trig_at[q] >= 0;
        coord = joined && has_and && !(subject_next && verb_before) && v.clause[phrases.back().begin] == v.clause[p.begin];
      }
      p.group = coord ? phrases.back().group : static_cast<int>(phrases.size());
      if (coord) p.prep = phrases.back().prep;
      i = std::max(p.end, i + 1);
      for (const size_t t : surnames)
        if (p.begin <= t && t < p.end) p.rules.push_back(Surnames::kRule);
      phrases.push_back(std::move(p));
    }

    // English: an actor joined by a hyphen to a participle of cue topic `actor_modifier` before
    // another actor of its noun phrase only describes it ("the al-Qaeda-linked group
    // al-Shabaab", "Iran-backed Houthi rebels"): the actor is the one after.
    if (en)
      for (size_t k = 0; k < phrases.size(); ++k) {
        const size_t e = phrases[k].end;
        if (e >= n || toks[e].begin == 0 || text[toks[e].begin - 1] != '-' || v.cue_at[e] < 0 ||
            !IsTopic(&lex.cues[v.cues[v.cue_at[e]].payload], TOPIC("actor_modifier")))
          continue;
        bool head_after = false;
        for (size_t q = k + 1; q < phrases.size(); ++q)
          head_after |= phrases[q].begin > e && phrases[q].begin <= e + 3 && v.clause[phrases[q].begin] == v.clause[e];
        if (head_after) phrases.erase(phrases.begin() + static_cast<std::ptrdiff_t>(k--));
      }

    // English: a sentence that opens with a personal pronoun ("It demanded …", "He accused …",
    // cue topic `subject_pronoun`) right after a sentence that coded an event goes on with its
    // story: the pronoun is the source of that sentence's first event (TABARI's pronoun
    // dereferencing), unless the sentence names an actor before its first trigger.
    if (en && pronoun_antecedent && antecedent_sentence + 1 == si && n > 1 && v.trig_at[0] < 0) {
      const CueEntry* pc = nullptr;
      for (const PhraseMatch& cm : v.cues)
        if (cm.begin == 0 && IsTopic(&lex.cues[cm.payload], TOPIC("subject_pronoun"))) pc = &lex.cues[cm.payload];
      size_t first_trig = n;
      for (const PhraseMatch& tm : v.trigs) first_trig = std::min(first_trig, tm.begin);
      if (pc && first_trig < n && (phrases.empty() || phrases.front().begin >= first_trig)) {
        Phrase p = *pronoun_antecedent;
        p.begin = p.head_begin = 0;
        p.end = p.head_end = 1;
        p.prep.clear();
        p.group = static_cast<int>(n) + 1;  // (a group of its own: groups are compared, never indexed)
        p.antecedent = false;
        p.counted = false;
        p.rules.push_back(pc->rule);
        phrases.insert(phrases.begin(), std::move(p));
      }
    }
    // English: "the two leaders", "both sides", "the two countries" (a noun of the setting
    // `pair_nouns` after "the two" or "both") are the parties of the story's last event with a
    // source and a target of states: "Moon met Kim … the two leaders signed a declaration" →
    // KOR, PRK; "the army and the RSF fought … urged both sides" → SDN.
    if (en && !cfg.pair_nouns.empty())
      for (size_t q = 0; q + 1 < n; ++q) {
        const size_t w = WordPhraseEnd(cfg.pair_words, toks, q);  // ("the two", "both")
        if (w == q) continue;
        if (w >= n || !ListHas(cfg.pair_nouns, toks[w].norm)) continue;
        // (two parties: of two states, or a state's forces and rebels of one — not police and students)
        const Event* pe = nullptr;
        for (size_t k = events->size(); k-- > 0 && (*events)[k].doc_id == doc.id && !pe;) {
          const Event& e = (*events)[k];
          if (IsStateCountry(e.source.country) && e.target && IsStateCountry(e.target->country) &&
              (e.source.country != e.target->country || e.source.sector == "REB" || e.target->sector == "REB"))
            pe = &e;
        }
        // (and neither is named before them in their clause: "China lodged protests with both
        // countries" are two others)
        for (size_t k = 0; pe && k < phrases.size(); ++k)
          if (phrases[k].begin < q && v.clause[phrases[k].begin] == v.clause[q] &&
              (phrases[k].country == pe->source.country || phrases[k].country == pe->target->country))
            pe = nullptr;
        // (two states joined by "and" earlier in its own sentence, in another clause, are the
        // pair before any event: "tension between India and Pakistan rose, and Washington urged
        // both neighbours to …")
        std::string pair_src, pair_tgt;
        for (size_t k = 0; k < phrases.size(); ++k)
          for (size_t k2 = k + 1; k2 < phrases.size(); ++k2) {
            const Phrase& a = phrases[k];
            const Phrase& b = phrases[k2];
            if (a.group == b.group && a.end <= q && b.end <= q && v.clause[a.begin] != v.clause[q] &&
                v.clause[b.begin] != v.clause[q] && IsStateCountry(a.country) && IsStateCountry(b.country) && a.country != b.country) {
              pair_src = a.country;
              pair_tgt = b.country;
            }
          }
        if (pair_src.empty() && pe) {
          pair_src = pe->source.country;
          pair_tgt = pe->target->country;
        }
        if (pair_src.empty()) continue;
        phrases.erase(std::remove_if(phrases.begin(), phrases.end(), [&](const Phrase& p) { return p.begin <= w && p.end > q; }),
                      phrases.end());
        auto at = std::find_if(phrases.begin(), phrases.end(), [&](const Phrase& p) { return p.begin > q; });
        for (const std::string* a : {&pair_tgt, &pair_src}) {  // (inserted before each other: source first)
          if (a == &pair_src && *a == pair_tgt) continue;
          Phrase p = CountryPhrase(q, w + 1, *a);
          p.prep = prep_before(q);
          p.group = static_cast<int>(n + 2 + q);  // (a group of its own: groups are compared, never indexed)
          p.rules.push_back("en/settings.tsv:pair_nouns");
          at = phrases.insert(at, std::move(p));
        }
        q = w;
      }
    if (en)  // (the sectors' last countries, for the role nouns of later sentences)
      for (const Phrase& q : phrases) {
        if (q.sector.empty() || !IsStateCountry(q.country)) continue;
        auto it = std::find_if(story_roles.begin(), story_roles.end(), [&](const auto& r) { return r.first == q.sector; });
        if (it == story_roles.end()) story_roles.emplace_back(q.sector, q.country);
        else it->second = q.country;
      }
    std::vector<int> rel_antecedent;  // English: per clause id, the phrase a relative clause is about
    if (en) EnglishRelativeClauses(&v, lex, phrases, det_start, &rel_antecedent);

    SentenceTrace* st = nullptr;
    if (trace) {
      trace->emplace_back();
      st = &trace->back();
      st->index = si;
      st->text = text.substr(sent.begin, sent.end - sent.begin);
      for (const auto& p : phrases) {
        size_t b = toks[p.begin].begin, e = toks[p.end - 1].end;
        st->actors.push_back({text.substr(b, e - b), p.code, p.prep, p.group, {}});
        p.rules.AppendTo(&st->actors.back().rules);
      }
      int cur = -1;
      for (size_t j = 0; j < n; ++j) {
        if (v.clause[j] != cur) { cur = v.clause[j]; st->clauses.emplace_back(); }
        if (!st->clauses.back().empty()) st->clauses.back() += ' ';
        st->clauses.back() += text.substr(toks[j].begin, toks[j].end - toks[j].begin);
      }
    }

    // ---- triggers
    // A verb form right after a preposition («إلى طرد», «لإدانة») is a verbal noun,
    auto read_as_verb_of = [&](const PhraseMatch& tm) {
      if (!lex.TriggerIsVerb(tm.payload)) return false;
      if (en) {
        // English: after a determiner ("the attack", "Russia's visit"), a determiner and one
        // word ("a deadly attack"; not a past form after a noun: "the border shelled"), or a
        // preposition other than "to" ("after meeting"), a verb form is a noun.
        std::string_view w = toks[tm.begin].norm;
        const bool past = w.size() > 4 && (w.compare(w.size() - 2, 2, "ed") == 0 ||
                                           w.compare(w.size() - 3, 3, "ing") == 0);  // "a statement apologising"
        // (a plural demonym is a nationality noun, the subject of a verb after it: "thousands of
        // Georgians took to the streets")
        const bool demonym_before = tm.begin > 0 && v.actor_at[tm.begin - 1] >= 0 &&
                                    lex.actors[v.actors[v.actor_at[tm.begin - 1]].payload].kind == ActorEntry::Kind::kDemonym &&
                                    !(toks[tm.begin - 1].norm.size() > 3 && toks[tm.begin - 1].norm.back() == 's');
        // ... and so is a form that is also a noun trigger inside a prepositional phrase
        // ("killed in Israeli air and ground attacks").
        // (A word ending a name is no preposition or number of the sentence: "Moon Jae-in
        // criticized", "MS-13 attacked".)
        bool name_before = false;
        for (const PhraseMatch& m : v.actors) name_before |= m.end == tm.begin && m.begin + 1 < tm.begin;
        if (!name_before && EnglishNounInPrepPhrase(v, lex, tm)) return false;
        // ... and a past participle between a number and the noun it qualifies is an adjective
        // ("rescued 20 kidnapped schoolgirls", "two wounded soldiers"; not "3 killed Monday").
        if (tm.begin > 0 && tm.end < n && !name_before && toks[tm.begin - 1].kind == TokenKind::kNumber && w.size() > 3 &&
            w.compare(w.size() - 2, 2, "ed") == 0 &&
            (v.agent_at[tm.end] >= 0 || v.actor_at[tm.end] >= 0 || PlainEnglishWord(v, lex, tm.end))) {
          bool date_next = false;
          for (const auto& d : dates) date_next |= d.tok_begin == tm.end;
          if (!date_next) return false;
        }
        // ... and so is one right after a demonym adjective ("Israeli strikes", "a Russian attack";
        // not after a nationality noun: "Palestinians protested").
        for (const PhraseMatch& m : v.actors)
          if (m.end == tm.begin && lex.actors[m.payload].kind == ActorEntry::Kind::kDemonym) {
            std::string_view last = toks[m.end - 1].norm;
            if (!(last.size() > 3 && last.back() == 's')) return false;
          }
        // ("a militant attack": after "a"/"an", a role noun and a form with no -s are a noun phrase)
        const bool a_role = tm.begin > 0 && det_start[tm.begin - 1] >= 0 &&
                            IsIndefiniteArticle(toks[det_start[tm.begin - 1]].norm) &&
                            !w.empty() && w.back() != 's';
        if (det_start[tm.begin] >= 0 || (tm.begin > 0 && det_start[tm.begin - 1] >= 0 && (v.actor_at[tm.begin - 1] < 0 || demonym_before) &&
                                         (v.agent_at[tm.begin - 1] < 0 || a_role) && !past))
          return false;
        // ... and so is one after a determiner and two or three adjectives ("an unprovoked and
        // unjustified attack", "the first direct strike", "a heinous and cowardly attack"): plain
        // words with no plural -s (-ous, -ss are no plurals), "and" between two of them ("the two
        // sides attack" stays a verb), before a form that is also a noun trigger.
        const bool noun_too = v.noun_at[tm.begin];  // (only a form that is also a noun trigger: "a finance bill broke into" is a verb)
        if (!past && !name_before && noun_too)
          for (size_t k = 2; k <= 3 && k <= tm.begin; ++k) {
            const size_t d = tm.begin - k;  // (the first word after the determiner)
            if (det_start[d] < 0) continue;
            bool adjectives = true;
            for (size_t q = d; q < tm.begin && adjectives; ++q) {
              std::string_view a = toks[q].norm;
              adjectives = (q > d && q + 1 < tm.begin && a == "and") ||
                           (PlainEnglishWord(v, lex, q) && a.size() > 2 &&
                            (a.back() != 's' || a.compare(a.size() - 2, 2, "us") == 0 || a.compare(a.size() - 2, 2, "ss") == 0));
            }
            if (adjectives) return false;
          }
        const CueEntry* c = tm.begin > 0 ? cue_kind(tm.begin - 1) : nullptr;
        return name_before ||
               !(c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep) && toks[tm.begin - 1].norm != "to");
      }
      if (!PrepOfPrefix(tm.prefix).empty() || HasArticle(tm.prefix)) return false;
      // A form marked plural («أطلقوا») is a finite verb whatever precedes it: no verbal noun ends in «ـوا».
      std::string_view first = toks[tm.begin].norm;  // (the verb of «أطلقوا النار» is its first word)
      if (EndsInPluralWaw(first) && (tm.suffix.empty() || tm.end > tm.begin + 1))
        return true;
      // ... and so is one joined by «و» to a verbal noun right before it («عمليات خطف وقتل»,
      // «حالات تعذيب وقتل عمد»), unless a number or an actor follows it as its object or
      // subject («وقع انفجار وقتل 5 أشخاص»).
      auto bare_actor_at = [&](size_t j) {
        const PhraseMatch* m = v.actor_at[j] >= 0 ? &v.actors[v.actor_at[j]] : v.agent_at[j] >= 0 ? &v.agents[v.agent_at[j]] : nullptr;
        return m && PrepOfPrefix(m->prefix).empty();
      };
      if (HasConj(tm.prefix) && (tm.end >= n || (toks[tm.end].kind != TokenKind::kNumber && !bare_actor_at(tm.end))))
        for (const PhraseMatch& o : v.trigs)
          if (o.end == tm.begin && lex.TriggerIsNoun(o.payload)) return false;
      // ... and so is one whose next word carries «لل» (lam + article): a verb takes its object
      // without «لـ», a verbal noun its object with it («ميدان قتل للأبرياء», «قتل للمدنيين»)
      if (tm.suffix.empty() && tm.end < n && toks[tm.end].kind == TokenKind::kWord &&
          std::string_view(toks[tm.end].norm).substr(0, 4) == kLl && !bare_actor_at(tm.end))
        for (const PhraseMatch& o : v.trigs)
          if (o.begin == tm.begin && o.end == tm.end && lex.TriggerIsNoun(o.payload)) return false;
      // ... and so is one right after a bare «أنّ/إنّ» (no pronoun: «أنه قتل» is the verb), which
      // takes a noun («إن خطف السفن جريمة», «أن قتل المدنيين يشكل»), unless a count follows
      // («إن قتل 5 أشخاص», loosely for «إنه قُتل») or a time word before it makes it «أنْ» + verb
      // («بعد أن قتل»: «بعد», «قبل», «منذ» are frames).
      size_t an = tm.begin;  // (an opening quote may stand between: «إن "خطف السفن جريمة"»)
      while (an > 0 && toks[an - 1].kind == TokenKind::kPunct &&
             (toks[an - 1].norm == "\xC2\xAB" || toks[an - 1].norm == "\"")) --an;
      if (an >= 1 && (toks[an - 1].norm == kAn || toks[an - 1].norm == kBiAn) &&
          cue_kind(an - 1) && cue_kind(an - 1)->kind == CueKind::kComplementizer &&
          !(an >= 2 && cue_kind(an - 2) && cue_kind(an - 2)->kind != CueKind::kComplementizer) &&
          (tm.end >= n || toks[tm.end].kind != TokenKind::kNumber))
        for (const PhraseMatch& o : v.trigs)
          if (o.begin == tm.begin && o.end == tm.end && lex.TriggerIsNoun(o.payload)) return false;
      const CueEntry* c = tm.begin > 0 ? cue_kind(tm.begin - 1) : nullptr;
      if (!c)  // (a cue of several words ending right before it: «قبل عملية خطف»)
        for (const PhraseMatch& cm : v.cues)
          if (cm.end == tm.begin && cm.begin + 1 < cm.end) c = &lex.cues[cm.payload];
      // ... and so is one after a frame noun («تهمة قتل», «محاولة اغتيال»)
      return !(c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep ||
                     c->kind == CueKind::kBackground));
    };
    // (asked again and again of the same trigger, in loops over the others: answered once per
    // trigger of the sentence, whose matches and tables no longer change)
    std::vector<int8_t>& verb_memo = Recycled<__LINE__, int8_t>(v.trigs.size(), -1);
    auto used_as_verb = [&](const PhraseMatch& tm) {
      const PhraseMatch* p = &tm;
      if (std::less<const PhraseMatch*>()(p, v.trigs.data()) || !std::less<const PhraseMatch*>()(p, v.trigs.data() + v.trigs.size()))
        return read_as_verb_of(tm);  // (not one of the sentence's trigger matches)
      int8_t& known = verb_memo[static_cast<size_t>(p - v.trigs.data())];
      if (known < 0) known = read_as_verb_of(tm) ? 1 : 0;
      return known == 1;
    };
    // The subject a clause takes from the clause before it, for a verb at tb with no subject
    // of its own before it, when the verb shows an object (without one it is as often
    // passive: «الجنود الذين قتلوا في», «قالت المصادر إنه قتل»): after a relative right before
    // the verb, its antecedent — the phrase just before the relative («الجنود الذين أطلقوا
    // النار», «… الذين قصفوا القرية»; `object`: an actor, role noun or number after the verb,
    // or an object in its form); after a complementizer (`loose_object`: also a plain word)
    // with a pronoun suffix at most one word before it, the subject of the clause before it
    // («أكد الجيش أنه قصف», «وقال التحالف إنه نفذ غارات»). nullptr when neither.
    // A complementizer that carries a pronoun suffix («أنه», «إنها», «بأنهم»).
    auto PronounComplementizer = [&](const PhraseMatch& cm) {
      if (!cm.suffix.empty()) return true;
      if (cm.end != cm.begin + 1) return false;
      for (const Segment& seg : lex.tokenizer().Segments(toks[cm.begin].norm))
        if (!seg.suffix.empty()) return true;
      return false;
    };
    auto ClauseSubject = [&](size_t tb, bool object, bool loose_object) -> const Phrase* {
      if (en || tb == 0) return nullptr;
      for (size_t j = tb; j-- > 0 && tb - j <= 2 && v.clause[j] == v.clause[tb];) {
        const int ci = v.cue_at[j];
        if (ci < 0 || v.cues[ci].end > tb) continue;
        const PhraseMatch& cm = v.cues[ci];
        const CueKind kind = lex.cues[cm.payload].kind;
        if (kind == CueKind::kRelative && cm.end == tb && j > 0 && object) {
          for (const auto& p : phrases)
            if (p.end == j) return &p;
          return nullptr;
        }
        if (kind == CueKind::kComplementizer && PronounComplementizer(cm) && loose_object) {
          // the first phrase with no preposition of the clause before; a clause that itself
          // starts with such a complementizer has the subject of the one before it («قال
          // التحالف إنه نفذ غارات، مشيرا إلى أنها استهدفت …»)
          for (int c = v.clause[j] - 1; c >= 0; --c) {
            size_t first = 0;
            while (first < n && v.clause[first] != c) ++first;
            const int fc = first < n ? v.cue_at[first] : -1;
            if (fc >= 0 && lex.cues[v.cues[fc].payload].kind == CueKind::kComplementizer && PronounComplementizer(v.cues[fc]))
              continue;
            for (const auto& p : phrases)
              if (v.clause[p.begin] == c && p.prep.empty()) return &p;
            return nullptr;
          }
          return nullptr;
        }
        return nullptr;
      }
      return nullptr;
    };
    const Phrase* last_source = nullptr;
    std::optional<Phrase> last_placed;  // a copy of a subject an iteration built, that last_source points to
    int k_in_sentence = 0;
    std::vector<bool>& framed_end = Recycled<__LINE__>(n + 1, false);  // a noun trigger ending here was framed as background
    std::vector<bool>& bg_end = Recycled<__LINE__>(n + 1, false);       // ... or was background by its frame or clause
    std::vector<bool>& rejected_noun_end = Recycled<__LINE__>(n + 1, false);  // a noun trigger ending here coded no event
    // (an event was coded in it; the highest id is not always the last token's: an English
    // relative clause between commas takes a new one and the clause after it the old one back)
    std::vector<bool>& clause_coded =
        Recycled<__LINE__>(v.clause.empty() ? 1 : static_cast<size_t>(*std::max_element(v.clause.begin(), v.clause.end())) + 1, false);
    // Options `unless_next` / `unless_near`: false when a token in [from, to) is what the option
    // names: `date` (starts a date), `number`, or a cue topic.
    auto OptionAllows = [&](const std::vector<std::string>& option, size_t from, size_t to) {
      to = std::min(to, n);
      for (const std::string& what : option) {
        for (size_t j = from; j < to; ++j) {
          if (what == "number" && toks[j].kind == TokenKind::kNumber) return false;
          if (what == "date")
            for (const auto& d : dates)
              if (d.tok_begin == j) return false;
        }
        for (const PhraseMatch& cm : v.cues)
          if (cm.begin >= from && cm.begin < to && lex.cues[cm.payload].kind == CueKind::kTopic &&
              lex.cues[cm.payload].topic == what)
            return false;
      }
      return true;
    };
    // Option `object=` (split verb phrases, Arabic VSO): where the object word of a verb row
    // begins — a word of one of its topics at most `object_within` words after the verb, in its
    // clause, with no stop or other trigger between (the subject stands there: «أطلق ثلاثة
    // مسلحين ملثمين النار»); SIZE_MAX when there is none, or the verb carries a pronoun object.
    auto object_after = [&](const PhraseMatch& tm) -> size_t {
      const TriggerEntry::Options& o = lex.triggers[tm.payload].opt;
      if (o.object.empty() || !tm.suffix.empty()) return SIZE_MAX;
      for (size_t j = tm.end; j < n && j <= tm.end + o.object_within; ++j) {
        if (v.clause[j] != v.clause[tm.begin] || toks[j].kind == TokenKind::kPunct) break;
        // (the cues starting at j, next to each other from cue_at[j]: matches come in token order)
        for (size_t k = v.cue_at[j] < 0 ? v.cues.size() : static_cast<size_t>(v.cue_at[j]); k < v.cues.size() && v.cues[k].begin == j; ++k)
          if (const PhraseMatch& cm = v.cues[k]; lex.cues[cm.payload].kind == CueKind::kTopic && ListHas(o.object, lex.cues[cm.payload].topic)) {
            // (not after a preposition — «بالنار» — nor the genitive of a word that may carry one
            // and is no actor's: «نداء لوقف النار»)
            if (!PrepOfPrefix(cm.prefix).empty()) return SIZE_MAX;
            if (j > tm.end) {
              bool in_phrase = false;
              for (const auto& p : phrases) in_phrase |= j - 1 >= p.begin && j - 1 < p.end;
              for (const PhraseMatch& a : v.agents) in_phrase |= j - 1 >= a.begin && j - 1 < a.end;
              for (size_t q = 1; !in_phrase && q < toks[j - 1].segs.size(); ++q)
                if (!PrepOfPrefix(std::string(toks[j - 1].segs[q].prefix)).empty()) return SIZE_MAX;
            }
            return j;
          }
        bool in_name = false;  // (a trigger word inside an actor's name is part of the subject: «مسلحون من حركة فتح»)
        for (const auto& p : phrases) in_name |= j >= p.begin && j < p.end && (p.begin < j || p.end > j + 1);
        if (v.trig_at[j] >= 0 && !in_name) break;
      }
      return SIZE_MAX;
    };
    // One reading per trigger span: a form listed as verb and as noun («قتل»)
    // is a verb when used as one, else a noun.
    std::vector<const PhraseMatch*>& trig_reads = Recycled<__LINE__, const PhraseMatch*>();
    for (size_t k = 0; k < v.trigs.size();) {
      size_t e = k;
      while (e < v.trigs.size() && v.trigs[e].begin == v.trigs[k].begin && v.trigs[e].end == v.trigs[k].end) ++e;
      // A verb takes no possessive «ـي» (its own first-person object is «ـني»): «قتلى» (the
      // dead) is not «قتل» + «ي». Such a reading is dropped.
      auto impossible = [&](const PhraseMatch& m) {
        return !en && lex.TriggerIsVerb(m.payload) && m.suffix == kYa;
      };
      while (k < e && impossible(v.trigs[k])) ++k;
      if (k == e) continue;
      // (English, option `also`: a second reading, coded beside the one picked below when its
      // object follows — "expelled a senior Indian diplomat": an expulsion, 174, and reduced
      // relations, 161; it is never the pick itself)
      const PhraseMatch* also_read = nullptr;
      bool main_read = false;  // (a span read only by `also` rows reads them as usual)
      for (size_t q = k; q < e && en; ++q) main_read |= !lex.TriggerAlso(v.trigs[q].payload);
      if (main_read)
        for (size_t q = k; q < e; ++q)
          if (lex.TriggerAlso(v.trigs[q].payload)) {
            if (!also_read && (!lex.TriggerHasObject(v.trigs[q].payload) || object_after(v.trigs[q]) != SIZE_MAX))
              also_read = &v.trigs[q];
            if (q == k) ++k;
          }
      if (k == e) continue;
      const PhraseMatch* pick = &v.trigs[k];
      bool verb_use = false;
      for (size_t q = k; q < e; ++q) verb_use |= !impossible(v.trigs[q]) && used_as_verb(v.trigs[q]);
      // A form that is a verb and a verbal noun («قتل», «خطف») is the noun when the verb before
      // it in its clause takes an event as its object (option `refers`): «أدان خطف الصحافيين»,
      // «يرفض قتل الأبرياء» — a finite verb does not follow another with no «أن» between.
      if (verb_use && !en) {
        bool has_noun = false;
        for (size_t q = k; q < e; ++q) has_noun |= lex.TriggerIsNoun(v.trigs[q].payload);
        for (size_t j = v.trigs[k].begin; has_noun && j-- > 0 && v.clause[j] == v.clause[v.trigs[k].begin];) {
          if (v.trig_at[j] < 0) continue;
          bool verb_here = false, refers = false;
          for (const PhraseMatch& o : v.trigs)
            if (o.begin == j && used_as_verb(o)) {
              verb_here = true;
              refers |= lex.triggers[o.payload].opt.refers;
            }
          if (refers) verb_use = false;
          if (verb_here) break;
        }
      }
      for (size_t q = k; q < e; ++q) {
        bool is_verb = lex.TriggerIsVerb(v.trigs[q].payload);
        if (is_verb == verb_use && !impossible(v.trigs[q]) && !(main_read && lex.TriggerAlso(v.trigs[q].payload))) { pick = &v.trigs[q]; break; }
      }
      // Of the readings of that kind, a row with `object=` whose object follows is the reading
      // («أطلق مسلحون النار» shoots; «أطلق» with «سراح» near releases), and one whose object
      // does not follow yields to a row without the option. (English too: "granted him asylum")
      {
        auto fits = [&](const PhraseMatch& m) { return object_after(m) != SIZE_MAX; };
        auto has_object = [&](const PhraseMatch& m) { return lex.TriggerHasObject(m.payload); };
        for (size_t q = k; q < e && !(has_object(*pick) && fits(*pick)); ++q) {
          const PhraseMatch& m = v.trigs[q];
          if (impossible(m) || (lex.TriggerIsVerb(m.payload)) != verb_use || (main_read && lex.TriggerAlso(m.payload))) continue;
          if (has_object(m) ? fits(m) : has_object(*pick)) pick = &m;
        }
      }
      trig_reads.push_back(pick);
      if (also_read && (lex.TriggerIsVerb(also_read->payload)) == verb_use) trig_reads.push_back(also_read);
      k = e;
    }
    // English: the object noun of a split verb phrase is that verb's, no event of its own ("froze
    // security cooperation with X" is no cooperation, "lifted the sanctions on X" no sanction).
    if (en)
      for (size_t r = 0; r < trig_reads.size(); ++r)
        if (const size_t ob = object_after(*trig_reads[r]); ob != SIZE_MAX && ob >= trig_reads[r]->end) {
          size_t oe = ob + 1;  // (the object's words: "security cooperation")
          for (const PhraseMatch& cm : v.cues)
            if (cm.begin == ob && lex.cues[cm.payload].kind == CueKind::kTopic) oe = std::max(oe, cm.end);
          std::erase_if(trig_reads, [&](const PhraseMatch* m) { return m->begin >= ob && m->begin < oe; });
        }
    // Arabic: the scope of an uncertainty cue («اتهم», «المتهمين», «ربما», «يعتقد», «مزاعم») is its
    // own clause and what that clause embeds (a complement «أن …», a relative clause: what is
    // claimed or believed), up to the next coordinate clause: a conjunction («بينما», «لكن», «في
    // حين»), «:» or «;», or a comma and a verb with «و» («…، ووقعت اشتباكات»: a new report).
    // Hypothetical cues keep the whole sentence: a condition holds for its result too, and a plan
    // or a fear is often spelt out over the clauses after it («خطتهم، كما شرحها …، كانت تقوم على
    // قتل … وخطف …»); so does every cue in English. scope_breaks[i]: boundaries among [0, i).
    std::vector<int>& scope_breaks = Recycled<__LINE__>(n + 1, 0);
    for (size_t i = 0; i < n && !en; ++i) {
      const CueEntry* c = cue_kind(i);
      bool brk = (c && c->kind == CueKind::kConjunction && v.cues[v.cue_at[i]].begin == i) ||
                 (toks[i].kind == TokenKind::kPunct && (toks[i].norm == ":" || toks[i].norm == ";"));
      if (!brk && i > 0 && is_comma(i - 1)) {
        for (const PhraseMatch* r : trig_reads)
          brk |= r->begin == i && StartsWith(r->prefix, kWaw) && used_as_verb(*r);
        brk |= c && c->kind == CueKind::kLightVerb && StartsWith(v.cues[v.cue_at[i]].prefix, kWaw);
      }
      scope_breaks[i + 1] = scope_breaks[i] + (brk ? 1 : 0);
    }
    for (const PhraseMatch* tmp : trig_reads) {
      const PhraseMatch& tm = *tmp;
      const TriggerEntry& trig = lex.triggers[tm.payload];
      SentenceTrace::TriggerLine* tl = nullptr;
      if (st) {
        st->triggers.emplace_back();
        tl = &st->triggers.back();
        tl->text = text.substr(toks[tm.begin].begin, toks[tm.end - 1].end - toks[tm.begin].begin);
        tl->cameo = trig.cameo;
        tl->rule = trig.rule;
        tl->reading = used_as_verb(tm) ? "verb" : "noun";
      }
      const bool read_as_verb = used_as_verb(tm);
      auto reject = [&](const char* why) {
        if (tl) tl->decision = why;
        if (!read_as_verb) rejected_noun_end[tm.end] = true;
      };
      size_t tb = tm.begin, te = tm.end;
      // A verb right after a verbal noun, or after «الذي/التي» that follows it, describes the
      // noun's event («تفجير استهدف موكبه», «الهجوم الذي استهدف الحامية»): when the noun is no
      // new event (background, a reference, history), neither is the verb.
      if (read_as_verb && !en && tb > 0) {
        size_t j = tb;
        const CueEntry* c = cue_kind(j - 1);
        if (c && c->kind == CueKind::kRelative) --j;
        // (a verb joined by «و» right after a noun is coordinated with the verb before that noun,
        // not a description of the noun: «رفضت وقف إطلاق النار واحتجزت 68 رهينة»)
        bool after_noun = false;
        for (const PhraseMatch& o : v.trigs) after_noun |= o.end == j && !used_as_verb(o);
        if (HasConj(tm.prefix) && j == tb && after_noun) j = 0;
        if (j > 0 && rejected_noun_end[j]) {
          rejected_noun_end[tm.end] = true;  // a chain: «هجوم استهدف ... وقتل»
          if (tl) tl->decision = "describes a verbal noun just before it that is no new event";
          continue;
        }
      }
      bool inside_actor = false;
      for (const auto& p : phrases) inside_actor |= (tb >= p.begin && tb < p.end);
      // (a one-word name that is a verb with its object after its subject is the verb: «فتح
      // جنود النار» — not Fatah)
      if (inside_actor && !trig.opt.object.empty() && read_as_verb && object_after(tm) != SIZE_MAX) {
        inside_actor = false;
        for (const auto& p : phrases) inside_actor |= tb >= p.begin && tb < p.end && (p.begin != tb || p.end != te);
      }
      if (inside_actor) { reject("part of an actor's name"); continue; }
      int cl = v.clause[tb];
      // «من» right before a finite verb is the relative «who»: «القبض على من أطلقوا النار» — those
      // who fired, presupposed like any relative clause.
      if (read_as_verb && !en && tb > 0 && (toks[tb - 1].norm == kMin || toks[tb - 1].norm == kMimman) &&
          ListHas(background_clause_roots, std::string_view(trig.cameo).substr(0, 2))) {
        if (tl) tl->decision = "after the relative «من» (who): background";
        rejected_noun_end[tm.end] = true;
        continue;
      }
      // An indefinite noun described by a clause with no relative pronoun (a «صفة جملة», the
      // relative clause of an indefinite antecedent): a singular past verb whose pronoun object
      // refers back to the noun right before it, with its own subject after it — «سفينة يونانية
      // خطفها القراصنة», «عسكريين ماليين خطفهم مقاتلو الطوارق» — describes that noun and is
      // background like a relative clause (a plural verb, «مسلحين خطفوه», has its subject before
      // it; a definite noun before the verb, «الرهينة خطفها مسلحون», is its topic).
      const std::string_view vstem = std::string_view(toks[tb].norm).substr(0, toks[tb].norm.size() - std::min(tm.suffix.size(), toks[tb].norm.size()));
      const bool plural_stem = EndsInPluralWaw(vstem) || (vstem.size() > 4 && vstem.substr(vstem.size() - 2) == "\xD9\x88");  // «قتلوه»: «ـو» + «ه»
      if (read_as_verb && !en && tb > 0 && !tm.suffix.empty() && tm.prefix.empty() && !plural_stem &&
          toks[tb - 1].kind == TokenKind::kWord && toks[tb - 1].arabic && v.trig_at[tb - 1] < 0 &&
          ListHas(background_clause_roots, std::string_view(trig.cameo).substr(0, 2))) {
        std::string_view prev = toks[tb - 1].norm;
        // (a particle of two letters is no noun: «ثم أعدمهما رمياً بالرصاص», «قد خطفها»)
        const bool particle = prev.size() <= 4;
        bool definite = particle || prev.substr(0, 4) == kAl || (prev.size() > 6 && prev.substr(2, 4) == kAl) ||
                        prev.substr(0, 4) == "\xD9\x84\xD9\x84";  // «ال…», «وال…», «بال…», «لل…»
        bool cue_before = false, subject_after = false;
        for (const PhraseMatch& cm : v.cues) cue_before |= cm.begin < tb && cm.end >= tb;
        for (const auto& p : phrases) subject_after |= p.begin == te && p.prep.empty();
        // (a subject the lexicon does not know is still a word: «خطفها القراصنة», «خطفتهم جماعة
        // متمردة» — not a cue, a date, a number or another trigger)
        bool dated_after = false;
        for (const auto& d : dates) dated_after |= d.tok_begin == te;
        subject_after |= te < n && toks[te].kind == TokenKind::kWord && toks[te].arabic && v.cue_at[te] < 0 &&
                         v.trig_at[te] < 0 && !dated_after;
        if (!definite && !cue_before && subject_after) {
          if (tl) tl->decision = "describes the indefinite noun before it (a relative clause with no pronoun): background";
          rejected_noun_end[tm.end] = true;
          continue;
        }
      }
      // (English renumbers clauses after bg_clause was sized, EnglishRelativeClauses; it marks none)
      bool in_bg_clause = static_cast<size_t>(cl) < bg_clause.size() && bg_clause[cl] != SIZE_MAX;
      for (size_t j = in_bg_clause ? bg_clause[cl] : tb; j < tb; ++j) in_bg_clause &= !is_comma(j);
      // A sentence about sport or fiction (a word of the setting `discard_topics`: «المنتخب»,
      // «المباراة», «المسلسل») speaks of attacks and injuries on a pitch or a screen: no event
      // of `discard_roots`.
      if (sport_sentence && ListHas(cfg.discard_roots, std::string_view(trig.cameo).substr(0, 2))) {
        reject("a sentence about sport or fiction (settings discard_topics, discard_roots)");
        continue;
      }
      if (in_bg_clause && ListHas(background_clause_roots, std::string_view(trig.cameo).substr(0, 2))) {
        if (tl) tl->decision = "in a relative or subordinate clause (setting background_clause_roots): background";
        rejected_noun_end[tm.end] = true;  // (a verb or noun right after it describes it)
        bg_end[tm.end] = !read_as_verb;
        continue;
      }
      // An adverb of purpose («احتجاجا على») tells why the act before it was done: after a noun
      // of its own CAMEO root in its clause, with no other event word between (but nouns joined
      // to it by «و»), that noun is the act — and when it is background by its frame or its
      // clause, so is the adverb («والذين يواصلون مظاهراتهم واعتصامهم، احتجاجا على», «بعد "يوم
      // غضب" نفذه أنصاره احتجاجا على»). A noun dropped for another reason (a definite masdar:
      // «أصروا على التظاهر احتجاجا على») leaves the adverb its own event.
      if (trig.opt.adverb && !en) {
        bool act_dropped = false;
        for (size_t j = tb; j-- > 0 && v.clause[j] == cl;) {
          if (v.trig_at[j] < 0) continue;
          const PhraseMatch& o = v.trigs[v.trig_at[j]];
          if (used_as_verb(o) || !bg_end[o.end]) break;
          // (not after a frame of the cue topic `series` — «موجة», «سلسلة»: «تشهد المدن موجة
          // احتجاجات احتجاجا على نقص الخدمات» reports the wave and what it is against)
          bool series = false;
          for (const PhraseMatch& cm : v.cues)
            series |= (cm.end == o.begin || cm.end + 1 == o.begin) && lex.cues[cm.payload].kind == CueKind::kTopic &&
                      lex.cues[cm.payload].topic == "series";
          if (series) break;
          if (std::string_view(lex.triggers[o.payload].cameo).substr(0, 2) == std::string_view(trig.cameo).substr(0, 2)) {
            act_dropped = true;
            break;
          }
          if (!HasConj(o.prefix)) break;  // (a conjunct of another root: the act may be before it)
          j = o.begin;
        }
        if (act_dropped) {
          reject("tells why an act before it was done that is no new event (option adverb)");
          continue;
        }
      }
      RuleList rules = {trig.rule};
      // Trigger options (ar/triggers.tsv). `unless_next=`: the form is another word before a
      // date, a number or a topic word («فجر أمس» dawn, «فجر 5» a rocket, «تظاهرة المسرح» a
      // festival); `unless_near=`: ... within two words of a topic word («تفجر الخلاف»).
      if (!OptionAllows(trig.opt.unless_next, te, te + 1) || !OptionAllows(trig.opt.unless_near, tb >= 2 ? tb - 2 : 0, te + 2)) {
        reject("another sense of the word (a trigger option unless_next/unless_near)");
        continue;
      }
      // `object=X`: a split verb phrase — the verb, its subject, then its object noun («فتح جنود
      // النار»); without the object it is another verb («أطلق حملة», «فتح الباب»).
      if (!trig.opt.object.empty() && (!read_as_verb || object_after(tm) == SIZE_MAX)) {
        reject("no object of its option object= after it within object_within words, in its clause");
        continue;
      }
      // (English: its object follows it bare; "to" right after the verb makes the verb form a
      // noun: "Ethiopia and Eritrea declare end to two decades of war" — the declaration is the act)
      if (en && !trig.opt.object.empty() && te < n && toks[te].norm == "to" &&
          std::find(trig.target_preps.begin(), trig.target_preps.end(), "to") == trig.target_preps.end()) {  // (not "spoke to X by phone")
        reject("a split verb form right before \"to\": a noun, its object no object (English)");
        continue;
      }
      // (`unless_near=` reads the words around its object too: «أطلق الجنود النار في الهواء»)
      if (!trig.opt.object.empty() && !OptionAllows(trig.opt.unless_near, object_after(tm), object_after(tm) + 4)) {
        reject("another sense of the phrase (option unless_near, near its object)");
        continue;
      }
      if (tl && !trig.opt.object.empty()) {  // (explain shows the object it read: «أطلق … النار»)
        const size_t ob = object_after(tm);
        tl->text += " \xE2\x80\xA6 " + text.substr(toks[ob].begin, toks[ob].end - toks[ob].begin);
      }
      // `only_near=X`: a verb with no pronoun object is a trigger only within three words of X in
      // its own clause — a general verb in the sense the entry codes: «تجمع», «خرج», «نزل» with
      // protesters as subject are a demonstration («المتظاهرين الذين تجمعوا» is not: another clause).
      if (trig.opt.has_only_near) {
        size_t from = tb >= 3 ? tb - 3 : 0, to = std::min(n, te + 5);  // (after it: up to five words)
        // (before it, as far as its subject may stand: to the start of its clause or the verb
        // before it — «الآلاف من المتظاهرين من طلاب المدارس تدفقوا»)
        // (not past a stop within the three words: «… أمام مبنى العمادة، وبعد وفاتها شكل الوزير لجنة»)
        bool stop_between = false;
        for (size_t j = from; j < tb; ++j) stop_between |= toks[j].kind == TokenKind::kPunct;
        while (!stop_between && from > 0 && v.clause[from - 1] == v.clause[tb] && v.trig_at[from - 1] < 0 &&
               toks[from - 1].kind != TokenKind::kPunct)
          --from;
        // (Arabic's subject between them does not count — «تلقى نائب خادم الحرمين
        // الشريفين صاحب السمو الملكي الأمير محمد بن نايف اتصالا هاتفيا»: actor phrases, role
        // nouns and forms of address right after the verb are passed over)
        if (!en) {
          size_t j = te;
          for (bool moved = true; moved && j < n && j < te + 20;) {
            moved = false;
            for (const auto& p : phrases)
              if (p.begin == j && p.prep.empty()) { j = p.end; moved = true; break; }
            if (moved) continue;
            if (const PhraseMatch* h = honorific_at(j)) { j = h->end; moved = true; }
            else if (v.agent_at[j] >= 0) { j = v.agents[v.agent_at[j]].end; moved = true; }
          }
          if (j > te) to = std::min(n, j + 5);
        }
        while (from < tb && v.clause[from] != v.clause[tb]) ++from;
        while (to > te && v.clause[to - 1] != v.clause[tb]) --to;
        // (a word with the article does not count: «المتظاهرون» tells more of a known event)
        bool near = false;
        const std::vector<std::string>& wants = trig.opt.only_near;
        for (const PhraseMatch& cm : v.cues) {
          const CueEntry& c = lex.cues[cm.payload];
          near |= cm.begin >= from && cm.begin < to && c.kind == CueKind::kTopic && ListHas(wants, c.topic) &&
                  (!HasArticle(cm.prefix) || cm.begin == te || cm.end == tb);  // (or it is the subject:
                                                                              // «سار المتظاهرون»)
        }
        if (ListHas(wants, "number"))  // a count: «وأصابت ستة آخرين», «أصاب 4 جنود»
          for (size_t j = from; j < to; ++j) near |= toks[j].kind == TokenKind::kNumber && (j < tb || j >= te);
        // (a noun needs only the word near it: «سقطت قذائف هاون»)
        if ((trig.type == "verb" && (!used_as_verb(tm) || !tm.suffix.empty())) || !near) {
          reject("not a verb with a word its option only_near wants near, in its clause");
          continue;
        }
      }
      // `subject=X`: (Arabic verbs) a trigger only when its subject is a word of topic X — what
      // protesters did is a protest, what others did to them is not. The subject stands right
      // after the verb (past a date or «خلالها»), in the nominative unless counted: «أحرق
      // المتظاهرون», «أعاق آلاف المتظاهرين», «رشق نحو 200 متظاهر» — «فرقت المتظاهرين» is an
      // object; or, for a plural verb («ـوا», «ـون»), at most six words before it in its sentence with
      // no actor, other role noun, trigger or stop between: «وكان متظاهرون في المدينة قد
      // حطموا», «وجه 200 متظاهر كلمات جارحة وهتفوا». A word after a preposition is no subject.
      if (!trig.opt.subject.empty()) {
        auto subject_cue = [&](size_t j, bool starts) -> const PhraseMatch* {
          for (const PhraseMatch& cm : v.cues)
            if ((starts ? cm.begin : cm.end) == j && lex.cues[cm.payload].kind == CueKind::kTopic &&
                ListHas(trig.opt.subject, lex.cues[cm.payload].topic) && PrepOfPrefix(cm.prefix).empty() &&
                !HasArticle(cm.prefix) &&  // (a definite word counts only when listed with its article)
                (cm.begin == 0 || v.cue_at[cm.begin - 1] < 0 ||
                 lex.cues[v.cues[v.cue_at[cm.begin - 1]].payload].kind != CueKind::kPreposition))
              return &cm;
          return nullptr;
        };
        bool found = false;
        if (!en && read_as_verb && tm.suffix.empty()) {
          size_t j = te;
          for (bool moved = true; moved && j < n;) {
            moved = false;
            for (const auto& d : dates)
              if (d.tok_begin == j && d.tok_end > j) { j = d.tok_end; moved = true; }
            if (!moved && j < n && toks[j].norm.size() > std::string_view(kKhilal).size() &&
                StartsWith(toks[j].norm, kKhilal)) {  // «خلالها»
              ++j;
              moved = true;
            }
          }
          bool counted = false;  // (a number, a quantity word, a partitive «من»: «نحو 200», «الآلاف من»)
          while (j < n && !subject_cue(j, true)) {
            size_t next = toks[j].kind == TokenKind::kNumber || partitive_at(j) ? j + 1 : j;
            for (const PhraseMatch& cm : v.cues)
              if (next == j && cm.begin == j && lex.cues[cm.payload].kind == CueKind::kTopic &&
                  ListHas(cfg.quantity_topics, lex.cues[cm.payload].topic))
                next = cm.end;
            if (next == j) break;
            j = next;
            counted = true;
          }
          if (const PhraseMatch* cm = subject_cue(j, true)) {
            // (uncounted, a sound plural in the nominative, «ـون» or «ـات»: «فرقت المتظاهرين» is
            // an object, «قال متظاهر» one person speaking, not a crowd)
            std::string_view w = toks[cm->end - 1].norm;
            const bool nominative = w.size() > 4 && (w.substr(w.size() - 4) == "\xD9\x88\xD9\x86" ||  // ون
                                                     w.substr(w.size() - 4) == "\xD8\xA7\xD8\xAA");   // ات
            found = counted || cm->end > cm->begin + 1 || nominative;
          }
          // (a plural verb: past «ـوا», or an imperfective form in «ـون»: «متظاهرون يحرقون»)
          std::string_view vw = toks[tb].norm;
          const bool plural = EndsInPluralWaw(vw) || (trig.opt.imperfect && vw.size() > 4 &&
                                                     vw.substr(vw.size() - 4) == "\xD9\x88\xD9\x86");  // ون
          if (!found && plural) {
            for (size_t k = tb; k-- > 0 && tb - k <= 6 && !found;) {
              if (const PhraseMatch* cm = subject_cue(k + 1, false)) {
                // (its count is part of it: «حشد يقدر بنحو 10 آلاف متظاهر» is after a preposition)
                size_t b = cm->begin;
                bool after_prep = false;
                for (bool moved = true; moved && b > 0 && !after_prep;) {
                  moved = false;
                  if (toks[b - 1].kind == TokenKind::kNumber) { --b; moved = true; continue; }
                  for (const PhraseMatch& q : v.cues)
                    if (q.end == b && lex.cues[q.payload].kind == CueKind::kTopic &&
                        ListHas(cfg.quantity_topics, lex.cues[q.payload].topic)) {
                      after_prep = !PrepOfPrefix(q.prefix).empty();
                      b = q.begin;
                      moved = true;
                      break;
                    }
                }
                const CueEntry* before = b > 0 ? cue_kind(b - 1) : nullptr;
                found = !after_prep && !(before && before->kind == CueKind::kPreposition);
                break;
              }
              // (an actor or role noun after a preposition is a complement, passed over: «للوزير»)
              const bool actor = (v.actor_at[k] >= 0 && PrepOfPrefix(v.actors[v.actor_at[k]].prefix).empty()) ||
                                 (v.agent_at[k] >= 0 && PrepOfPrefix(v.agents[v.agent_at[k]].prefix).empty());
              if ((toks[k].kind == TokenKind::kPunct && !is_comma(k)) || v.trig_at[k] >= 0 || actor) break;
            }
          }
        }
        if (!found) {
          reject("its subject is not a word its option subject names (protesters)");
          continue;
        }
      }

      // `imperfect`: an imperfective form tells a habit, a general truth, a purpose or a
      // description («أي هجوم يقتل أبرياء», «لكي يفجر نفسه», «متظاهرين يحتجون على»), not a
      // reported event — unless a date is in its clause or (with `counted=`) a counted noun
      // follows it («تفجير يقتل 60 شخصا»), or it is in a headline: a line with no final stop,
      // where the present tells the news (««داعش» يعدم رهينة»). The future «سـ» is intent.
      if (trig.opt.imperfect && !HasFuture(tm.prefix) && !headline) {
        bool dated = false;
        for (const auto& d : dates) dated |= v.clause[d.tok_begin] == cl;
        bool counted = trig.opt.has_counted && !OptionAllows(trig.opt.counted, te, te + 1);
        // (after a verb of perception it is what was seen: «شاهد مسلحين يطلقون النار»)
        bool witnessed = false;
        for (const PhraseMatch& cm : v.cues)
          witnessed |= cm.end <= tb && tb - cm.end <= 3 && v.clause[cm.begin] == cl &&
                       lex.cues[cm.payload].kind == CueKind::kTopic && lex.cues[cm.payload].topic == witness_topic;
        if (!dated && !counted && !witnessed) {
          reject("an imperfective form with no date or count in its clause (option imperfect): not a reported event");
          continue;
        }
      }

      // A question asserts nothing: the trigger's sentence part ends with «؟».
      bool question = false;
      for (size_t j = te; j < n; ++j) {
        if (toks[j].kind != TokenKind::kPunct) continue;
        std::string_view p = toks[j].norm;
        if (p == "?" || p == "\xD8\x9F") { question = true; break; }
        if (p == "." || p == "!") break;
      }

      // What one suffers is done to one: after «تعرض لـ» an attempt or a series is no frame
      // («تعرض المرجع لمحاولة اغتيال في النجف», «تعرضت القوات لسلسلة هجمات»).
      // (the frame word carries the «لـ» of «تعرض لـ»; the sufferer and a time word may stand
      // between: «بتعرض المرجع الشيعي أمس لمحاولة اغتيال»)
      auto undergone = [&](size_t j) {
        const int fc = v.cue_at[j];
        const bool lam = fc >= 0 && PrepOfPrefix(v.cues[fc].prefix) == kLam;
        for (const PhraseMatch& cm : v.cues)
          if (cm.end <= j && (cm.end == j || (lam && j - cm.end <= 6 && v.clause[cm.begin] == v.clause[j])) &&
              lex.cues[cm.payload].kind == CueKind::kTopic && lex.cues[cm.payload].topic == undergo_topic) {
            bool between = false;  // (no other trigger between)
            for (size_t k = cm.end; k < j; ++k) between |= v.trig_at[k] >= 0;
            if (!between) return true;
          }
        return false;
      };
      // modality
      bool negated = false, uncertain = false, hypothetical = false, intent = HasFuture(tm.prefix);
      for (const PhraseMatch& cm : v.cues) {
        if (cm.end > tb) break;
        const CueEntry& c = lex.cues[cm.payload];
        bool near = tb - cm.end <= 2 && v.clause[cm.begin] == cl;
        switch (c.kind) {
          case CueKind::kNegation: if (near) { negated = true; rules.push_back(c.rule); } break;
          case CueKind::kUncertain: {  // (to the end of its clause: scope_breaks)
            // (English: to a new report joined by "and" — "accused X of lying and said its
            // diplomats had met …" — or by ", and", ", but", ", while": "The motive was unclear,
            // but police arrested …")
            bool new_report = false;
            for (size_t j = cm.end; en && j + 1 < tb && !new_report; ++j) {
              const CueEntry* a = cue_kind(j);
              const CueEntry* b = cue_kind(j + 1);
              new_report = (a && a->kind == CueKind::kCoordinator && b && b->kind == CueKind::kComplementizer) ||
                           (is_comma(j) && b && (b->kind == CueKind::kCoordinator || b->kind == CueKind::kConjunction));
            }
            if (!new_report && scope_breaks[tb + 1] == scope_breaks[cm.end]) { uncertain = true; rules.push_back(c.rule); }
            break;
          }
          case CueKind::kHypothetical:
            // (English: not over ", but", ", while" before a new report: "It was unclear whether
            // Hamas fired the rocket, but Israel struck Gaza on Monday")
            if (en) {
              bool new_report = false;
              for (size_t j = cm.end; j + 1 < tb && !new_report; ++j)
                new_report = is_comma(j) && cue_kind(j + 1) && cue_kind(j + 1)->kind == CueKind::kConjunction;
              if (new_report) break;
            }
            // (English: "May" with a capital inside a sentence is the month, not the modal)
            if (en && cm.begin > 0 && ListHas(cfg.capital_month_words, toks[cm.begin].norm) && std::isupper(static_cast<unsigned char>(text[toks[cm.begin].begin]))) break;
            // English: "would" right before the verb in a clause reported by a past verb of
            // saying is the reported future ("Ghana said it would expel the envoy"): an
            // announced act, as "will" — unless another hypothetical cue follows in the sentence.
            if (en && toks[cm.begin].norm == "would" && tb == cm.end && v.clause[cm.begin] == cl) {
              size_t cs = cm.begin;
              while (cs > 0 && v.clause[cs - 1] == cl) --cs;
              const CueEntry* c0 = cue_kind(cs);
              const size_t say = c0 && c0->kind == CueKind::kRelative && cs > 0 ? cs - 1 : cs;
              const CueEntry* cs_cue = cue_kind(say);
              bool other = false;
              for (const PhraseMatch& o : v.cues)
                other |= &o != &cm && o.begin >= cs && lex.cues[o.payload].kind == CueKind::kHypothetical;  // ("… if Israel attacked")
              // (en/cues.tsv topic:past_saying: "said", "told", "announced" …)
              const bool past_saying = AnyCueOfTopic(v, lex, TOPIC("past_saying"), [&](const PhraseMatch& o) { return o.begin == say; });
              if (cs_cue && cs_cue->kind == CueKind::kComplementizer && !other && past_saying) {
                intent = true;
                rules.push_back(composed.Keep(c.rule + " (reported future after a verb of saying: intent)"));
                break;
              }
            }
            hypothetical = true; rules.push_back(c.rule); break;
          case CueKind::kIntent:  // (a verbal noun after «بـ» is what was threatened, however far: «هدد X بقتل»)
            // (English: in the trigger's clause — "vows to retaliate after shelling kills soldiers")
            if ((tb - cm.end <= 8 && (!en || v.clause[cm.begin] == cl)) ||
                (!read_as_verb && PrepOfPrefix(tm.prefix) == kBa && v.clause[cm.begin] == cl)) {
              intent = true;
              rules.push_back(c.rule);
            }
            break;
          case CueKind::kUnrealized: {  // «لشن هجوم», «حاول تفجير»: planned, attempted, possible
            // (not over a new coordinate clause, a comma and a verb with «و», as for uncertainty:
            // «دون وقوع إصابات، وسقطت قذيفة» — the shell fell)
            const bool new_report = !en && scope_breaks[tb] != scope_breaks[cm.end];
            if (tb - cm.end <= unrealized_window && v.clause[cm.begin] == cl && !undergone(cm.begin) && !new_report) {
              hypothetical = true;
              rules.push_back(c.rule);
            }
            break;
          }
          default: break;
        }
      }
      // A verbal noun qualified right after it as prospective («ضربة وشيكة», «هجوم محتمل»,
      // «ضربات جوية قد …»): a word of the cue topic of the setting `prospective_topic`.
      // So is one that a verb of the setting `judged_topic` right after it judges or classes
      // («اغتيال الصحافي يشكل اعتداء على حرية التعبير»): the act is the topic of a judgement.
      if (!read_as_verb && !hypothetical)
        for (const PhraseMatch& cm : v.cues) {
          const CueEntry& c = lex.cues[cm.payload];
          // (the judging verb may follow the noun's genitive and a place: «قتل المدنيين في غزة
          // يشكل»; up to five words, no punctuation or other trigger between)
          bool judged = !cfg.judged_topic.empty() && c.topic == cfg.judged_topic && cm.begin >= te && cm.begin <= te + 5;
          for (size_t j = te; judged && j < cm.begin; ++j)  // (nor a cue but «في»: «ضد ما وصفته» is no judge of it)
            judged = toks[j].kind != TokenKind::kPunct && v.trig_at[j] < 0 &&
                     (!cue_kind(j) || cue_kind(j)->kind == CueKind::kLocationPrep);
          // (or before it, as its object or the subject of its «أن» clause, with only the judge
          // and quotes between: «واعتبرت الحكومة أن تفجير الخميس عمل إرهابي»)
          if (!judged && !cfg.judged_topic.empty() && c.topic == cfg.judged_topic && !en && cm.end <= tb && tb - cm.end <= 6 &&
              ListHas(background_clause_roots, std::string_view(trig.cameo).substr(0, 2))) {  // (violence and protest)
            judged = true;
            bool that = cm.end == tb;  // (its object right after it, or an «أن» clause)
            for (size_t k = cm.end; judged && k < tb; ++k) {
              const bool comp = cue_kind(k) && cue_kind(k)->kind == CueKind::kComplementizer;
              that |= comp;
              judged = comp || toks[k].norm == "\xC2\xAB" || toks[k].norm == "\"" ||
                       (toks[k].kind == TokenKind::kWord && v.trig_at[k] < 0 && v.cue_at[k] < 0);  // (its subject)
            }
            judged &= that;
          }
          if ((judged || (cm.begin >= te && v.clause[cm.begin] == cl)) && c.kind == CueKind::kTopic &&
              ((c.topic == prospective_topic && cm.begin >= te && cm.begin <= te + 2) || judged)) {
            hypothetical = true;
            rules.push_back(c.rule);
          }
        }
      // English: a verification cue anywhere in the trigger's sentence ("…, a claim that could not
      // be independently verified", "Iraq did not confirm that …"; en/cues.tsv topic:unverified)
      // leaves what it reports unverified; a noun trigger followed in its clause by a called_off
      // cue ("the strikes were called off") was not carried out.
      // (and the terms of a deal before an intent: "Under the deal, Israel will release …", topic deal_terms)
      // (a verification cue after the trigger, in another clause, is about the report unless its
      // clause makes it about a count, a word of topic tally_noun before it: "…; the toll could not
      // be verified" leaves the strike a report)
      auto about_report = [&](const PhraseMatch& cm) {
        if (cm.end <= tb || v.clause[cm.begin] == cl) return true;
        return !AnyCueOfTopic(v, lex, TOPIC("tally_noun"), [&](const PhraseMatch& c2) {
          return c2.begin < cm.begin && v.clause[c2.begin] == v.clause[cm.begin];
        });
      };
      if (en && (HasTopic(v, TOPIC("unverified")) || HasTopic(v, TOPIC("deal_terms")) || HasTopic(v, TOPIC("called_off"))))
        for (const PhraseMatch& cm : v.cues)
          if (!uncertain && !hypothetical &&
              ((IsTopic(&lex.cues[cm.payload], TOPIC("unverified")) && about_report(cm)) ||
               (intent && cm.end <= tb && IsTopic(&lex.cues[cm.payload], TOPIC("deal_terms"))) ||
               (!read_as_verb && cm.begin >= te && v.clause[cm.begin] == cl && IsTopic(&lex.cues[cm.payload], TOPIC("called_off"))))) {
            (IsTopic(&lex.cues[cm.payload], TOPIC("unverified")) ? uncertain : hypothetical) = true;
            rules.push_back(lex.cues[cm.payload].rule);
          }
      const bool cue_uncertain = uncertain;
      uncertain |= question;
      bool drop = negated || uncertain || hypothetical;
      if (drop && !keep_negated_) {
        reject(negated ? "negated" : cue_uncertain ? "uncertain (a cue before it)" : uncertain ? "a question (its sentence part ends in «؟»)" : "hypothetical (a cue before it, or a prospective word right after a noun)");
        continue;
      }

      // A verbal noun that is the object of a verb with the option `refers` («أدان الهجوم»,
      // «استنكر تفجيرات») names an event already known: the condemnation is the news.
      // (English too: "Russia condemned the attack"; "and" ends the object: "condemned X and
      // launched an attack")
      if (!used_as_verb(tm)) {
        const TriggerEntry* ref = nullptr;
        // (one verb in an aside closed by a comma before the object is passed over: «استنكر علاوي
        // في بيان تلقت الصحيفة نسخة منه، تفجيرات المدينة»)
        bool comma_between = false, aside_passed = false;
        for (size_t j = tb; j-- > 0 && v.clause[j] == cl && !ref;) {
          // (but not between two bare nouns of one object: "suspended budget support and
          // development aid to X")
          if (en && cue_kind(j) && cue_kind(j)->kind == CueKind::kCoordinator) {
            bool actor_between = false;
            for (const auto& p : phrases) actor_between |= p.begin > j && p.begin < tb;
            bool trigger_before = false;  // (the first noun, or the verb phrase that ends in it)
            for (const PhraseMatch& o : v.trigs) trigger_before |= j > 0 && o.begin < j && o.end == j;
            if (actor_between || !trigger_before) break;
          }
          comma_between |= is_comma(j);
          if (v.trig_at[j] < 0) continue;
          bool verb_here = false;
          for (const PhraseMatch& o : v.trigs) {
            if (o.begin != j || !used_as_verb(o)) continue;
            verb_here = true;
            if (lex.triggers[o.payload].opt.refers) ref = &lex.triggers[o.payload];
          }
          if (verb_here && !ref && comma_between && !aside_passed) { aside_passed = true; continue; }
          if (verb_here) break;
        }
        // (English: a noun that names its own perpetrator is reported too: "condemned the
        // Israeli strike", "condemned the attack by Somali militants")
        if (ref && en) {
          for (const auto& p : phrases)
            if (p.end == tb || (det_start[tb] >= 0 && p.end == static_cast<size_t>(det_start[tb]))) ref = nullptr;
          for (size_t j = te; ref && j < n && j < te + 4 && v.clause[j] == cl; ++j)
            if (cue_kind(j) && cue_kind(j)->kind == CueKind::kPassiveAgent) ref = nullptr;
        }
        if (ref) {
          rules.push_back(ref->rule);
          reject("the object of a verb that refers to an event (option refers): not a new event");
          continue;
        }
      }

      // source
      const Phrase* src = nullptr;
      const Phrase* genitive_target = nullptr;
      bool src_by_light_verb = false;  // "X held talks", "X pressed its offensive"
      auto in_clause = [&](const Phrase& p) { return v.clause[p.begin] == cl; };
      const bool as_verb = used_as_verb(tm);
      bool src_from_clause = false;  // the subject came from the clause before (ClauseSubject)
      bool reciprocal = false;       // a noun's sides after «بين»: source and target group
      bool src_after_complement = false;  // a noun's source named after its complement («… يقوم بها X»)
      if (en && trig.type == "verb" && !as_verb) { reject("an English verb form used as a noun (after a determiner or preposition)"); continue; }
      // (but a role-noun form between its subject and a number or an actor is the verb of a
      // headline: "Dutch court convicts three Syrians", "Kenyan court convicts the two men")
      if (en && as_verb && v.agent_at[tb] >= 0 &&
          !(te < n && (toks[te].kind == TokenKind::kNumber || (cue_kind(te) && cue_kind(te)->kind == CueKind::kDeterminer) || v.actor_at[te] >= 0) &&
            std::any_of(phrases.begin(), phrases.end(), [&](const auto& p) { return p.end == tb && p.prep.empty(); }))) {
        reject("a role noun, not a verb (\"protesters\")");
        continue;
      }
      // (nor a noun that is the first word of a longer role noun: "riot police")
      if (en && !as_verb && v.agent_at[tb] >= 0 && v.agents[v.agent_at[tb]].begin == tb && v.agents[v.agent_at[tb]].end > te) {
        reject("a word of a role noun, not an event (\"riot police\")");
        continue;
      }
      // (nor a noun that modifies a noun of cue topic `compound_head` right after it: "a protest
      // camp", "attack helicopters", "protest leaders")
      if (en && !as_verb && te < n && v.cue_at[te] >= 0 && IsTopic(&lex.cues[v.cues[v.cue_at[te]].payload], TOPIC("compound_head"))) {
        reject("a noun modifying the noun after it, not an event (\"protest camp\")");
        continue;
      }
      // (nor a noun: civilians named by what they do, "dozens of protesters", are people, not an act)
      if (en && !as_verb && v.agent_at[tb] >= 0 && v.agents[v.agent_at[tb]].end == te &&
          lex.agents[v.agents[v.agent_at[tb]].payload].sector == "CVL") {
        reject("a role noun, not an event (\"protesters\")");
        continue;
      }
      // English: a verb form hyphened to the word before it is a compound adjective ("Iran-backed
      // groups", "Saudi-led coalition"), no act.
      if (en && as_verb && tb > 0 && toks[tb].begin == toks[tb - 1].end + 1 && text[toks[tb - 1].end] == '-') {
        reject("a verb form hyphened to the word before it: an adjective (English)");
        continue;
      }
      // English: a noun in the name a speaker gives something — after "what X called", or after
      // "called the move a …" (a word of topic `naming_verb`, then its object and a second
      // determiner) — is a characterization, no act: "what it called a coup by the regime's own
      // men", "called the move a new form of coup by Washington". (Not past another trigger, a
      // comma or "and": "called … an attack and announced new sanctions".)
      if (en && !as_verb && tb > 0 && HasTopic(v, TOPIC("naming_verb"))) {
        bool named = false;
        for (const PhraseMatch& cm : v.cues) {
          if (named || cm.end >= tb || tb - cm.end > 8 || !IsTopic(&lex.cues[cm.payload], TOPIC("naming_verb")) || v.clause[cm.begin] != cl)
            continue;
          bool clear = true, second_det = false;
          for (size_t j = cm.end; j < tb && clear; ++j) {
            clear = v.trig_at[j] < 0 && !is_comma(j) && !(cue_kind(j) && cue_kind(j)->kind == CueKind::kCoordinator);
            second_det |= j > cm.end && cue_kind(j) && cue_kind(j)->kind == CueKind::kDeterminer && toks[j].norm.size() <= 2;  // ("a", "an")
          }
          bool what = false;
          for (const PhraseMatch& wm : v.cues)
            what |= wm.end <= cm.begin && cm.begin - wm.end <= 2 && IsTopic(&lex.cues[wm.payload], TOPIC("naming_what"));
          named = clear && (what || second_det);
        }
        if (named) { reject("a noun in the name a speaker gives something (\"what it called a coup\"): no act (English)"); continue; }
      }
      // English: an act told with a habitual adverb of topic `habitual` in its clause, at most
      // four words from it ("such raids are usually carried out by bandits", "police routinely
      // detain critics"), is a generic statement, no event.
      if (en && AnyCueOfTopic(v, lex, TOPIC("habitual"), [&](const PhraseMatch& cm) {
            return v.clause[cm.begin] == cl && (cm.end <= tb ? tb - cm.end <= 4 : cm.begin >= te && cm.begin - te <= 4);
          })) {
        reject("a habitual adverb near it in its clause (topic habitual): a generic statement (English)");
        continue;
      }
      // English: an infinitive after a noun of topic `decision_noun` ("the decision to strike",
      // "an order to attack", "the right to respond") names the act decided or allowed, no act.
      if (en && tb > 1 && toks[tb - 1].norm == "to" &&
          AnyCueOfTopic(v, lex, TOPIC("decision_noun"), [&](const PhraseMatch& cm) { return cm.end == tb - 1; })) {
        reject("an infinitive after a noun of topic decision_noun (\"the decision to strike\"): no act (English)");
        continue;
      }
      // English: a noun after a word of topic `generic_act` ("any attack", "a possible strike",
      // "future attacks") names no act that happened.
      if (en && !as_verb && AnyCueOfTopic(v, lex, TOPIC("generic_act"), [&](const PhraseMatch& cm) { return cm.end == tb; })) {
        reject("a noun after a word of topic generic_act (\"any attack\"): no act (English)");
        continue;
      }
      // English: a verb of the same root right after a noun trigger tells that noun's event
      // ("Israeli airstrikes hit Gaza": one attack, coded on the noun; not a role noun, which
      // is no event: "protesters gathered").
      if (en && as_verb && tb > 0) {
        bool same = false;
        for (const PhraseMatch& o : v.trigs)
          same |= o.end == tb && lex.TriggerIsNoun(o.payload) && !used_as_verb(o) &&
                  lex.triggers[o.payload].cameo.compare(0, 2, trig.cameo, 0, 2) == 0 &&
                  !(v.agent_at[o.begin] >= 0 && v.agents[v.agent_at[o.begin]].end == o.end);
        if (same) { reject("tells the event of the noun right before it (English)"); continue; }
      }
      // English: a violence noun in apposition after a comma (", an attack that …", ", a deadly
      // strike") restates the act of violence coded before it in its sentence: no second event.
      if (en && !as_verb && tb >= 2 && (trig.cameo.compare(0, 2, "18") == 0 || trig.cameo.compare(0, 2, "19") == 0 ||
                                        trig.cameo.compare(0, 2, "20") == 0)) {
        size_t j = tb;
        while (j > 0 && tb - j < 3 && !is_comma(j - 1) && cue_kind(j - 1) == nullptr && toks[j - 1].kind == TokenKind::kWord) --j;  // (adjectives)
        if (j > 0 && cue_kind(j - 1) && cue_kind(j - 1)->kind == CueKind::kDeterminer) --j;
        bool restates = false;
        if (j > 0 && j < tb && is_comma(j - 1))
          for (size_t k = events->size(); k-- > 0 && (*events)[k].doc_id == doc.id && (*events)[k].sentence_index == si && !restates;)
            restates = (*events)[k].root == "18" || (*events)[k].root == "19" || (*events)[k].root == "20";
        if (restates) { reject("a violence noun in apposition, restating the act before it (English)"); continue; }
      }
      // English: an infinitive of purpose after an act coded in its clause tells why that act
      // was done ("summoned the ambassador to protest", "rallied to demand"), not a new event.
      // (not the complement of an intent cue: "expressed readiness to meet", "vowed to retaliate")
      if (en && as_verb && tb > 0 && toks[tb - 1].norm == "to" && clause_coded[cl]) {
        bool intent_to = false;
        for (const PhraseMatch& cm : v.cues) intent_to |= cm.end == tb && lex.cues[cm.payload].kind == CueKind::kIntent;
        // (nor after a visit: "travelled to Washington to meet officials" tells what the visit held)
        for (size_t k = events->size(); k-- > 0 && (*events)[k].doc_id == doc.id && (*events)[k].sentence_index == si;)
          intent_to |= (*events)[k].root == "04";
        if (!intent_to) {
          reject("an infinitive of purpose after an act coded in its clause (English)");
          continue;
        }
      }
      // English: a participle clause after a comma (", killing 166 people", ", striking cities")
      // tells more of the event before it, not a new one.
      // (but a verbal act of another root aimed at a party named right after it is an act of
      // its own: "resigned on Saturday, accusing Iran of …", "recalled its envoy, blaming X")
      auto own_act = [&] {
        const std::string_view proot = std::string_view(trig.cameo).substr(0, 2);
        return (proot == "10" || proot == "11" || proot == "12" || proot == "13") &&
               std::any_of(phrases.begin(), phrases.end(), [&](const auto& p) { return p.begin == te && p.prep.empty(); }) &&
               !(!events->empty() && events->back().doc_id == doc.id && events->back().sentence_index == si &&
                 events->back().root == proot);
      };
      if (en && as_verb && tb > 0 && is_comma(tb - 1) && toks[tb].norm.size() > 4 &&
          toks[tb].norm.compare(toks[tb].norm.size() - 3, 3, "ing") == 0 && !own_act()) {
        reject("a participle clause after a comma: more of the event before it (English)");
        continue;
      }
      // English: a verb in an undated "whose" clause describes its antecedent ("Russia, whose
      // forces back Assad, condemned …"; "Prigozhin, whose men had fought for Russia for
      // months"): background, not an event told.
      if (en && as_verb && cl > 0) {
        size_t cb = 0;
        while (cb < n && v.clause[cb] != cl) ++cb;
        bool dated = false;
        for (const auto& d : dates) dated |= v.clause[d.tok_begin] == cl;
        if (cb < tb && toks[cb].norm == "whose" && !dated) {
          reject("a description in a \"whose\" clause, not an event (English)");
          continue;
        }
      }
      // A split verb phrase (option object=) with words between the verb and its object has its
      // subject there or none: «أطلقت هذه المجموعة النار» — not an actor before the verb, nor the
      // subject of the clause before. (English keeps its subject before the verb: "the EU lifted
      // a package of sanctions")
      const bool split_subject = !en && as_verb && !trig.opt.object.empty() && object_after(tm) > te;
      if (as_verb) {
        // English: a verb after "and" with no subject of its own shares the previous event's
        // subject ("Israel condemned Russia and demanded …").
        if (en && tb > 0 && last_source && cue_kind(tb - 1) && cue_kind(tb - 1)->kind == CueKind::kCoordinator)
          src = last_source;
        // (and so does "and he"/"and she" before it: "accused X of …, and he urged Y to …")
        if (en && !src && tb > 1 && last_source && ListHas(cfg.person_pronouns, toks[tb - 1].norm) &&
            cue_kind(tb - 2) && cue_kind(tb - 2)->kind == CueKind::kCoordinator)
          src = last_source;
        // (and "he"/"she" after a subordinating word of topic `pronoun_clause` — "hours after he
        // lifted …", "when she arrived" — is the first person named before it in the sentence,
        // subject or object, not a speaker: "the opposition moved to impeach President Yoon
        // hours after he lifted martial law")
        if (en && !src && tb > 1 && ListHas(cfg.person_pronouns, toks[tb - 1].norm) &&
            std::any_of(v.cues.begin(), v.cues.end(), [&](const PhraseMatch& cm) {
              return cm.begin == tb - 2 && cm.end == tb - 1 && IsTopic(&lex.cues[cm.payload], TOPIC("pronoun_clause"));
            }))
          for (const auto& p : phrases) {
            if (src || p.end > tb - 2 || p.name.empty() || !p.prep.empty()) continue;
            bool speaker = false;
            for (const PhraseMatch& cm : v.cues) speaker |= cm.end == p.begin && lex.cues[cm.payload].kind == CueKind::kComplementizer;
            speaker |= cue_kind(p.end) && cue_kind(p.end)->kind == CueKind::kComplementizer;
            if (!speaker) src = &p;
          }
        // (with no event before it, the subject of its clause, not the object of the verb before:
        // "police surrounded the university and arrested students", "and then took over")
        if (en && !src && tb > 0) {
          const size_t c = tb > 1 && toks[tb - 1].norm == "then" ? tb - 2 : tb - 1;
          if (cue_kind(c) && cue_kind(c)->kind == CueKind::kCoordinator)
            for (const auto& p : phrases) {
              if (p.end > c || !in_clause(p) || !p.prep.empty()) continue;
              // (not a source of the report: "According to Colombia, … and arrested …")
              bool speaker = false;
              for (const PhraseMatch& cm : v.cues) speaker |= cm.end == p.begin && lex.cues[cm.payload].kind == CueKind::kComplementizer;
              if (!speaker) { src = &p; break; }
            }
        }
        // (after a reported clause that names no one, the speaker: "Borrell said the vote was a
        // worrying step and urged Tbilisi to …", "Turkey said the raid violated its sovereignty and
        // summoned the Iraqi envoy" — the one who said is the one who urged, not the vote)
        if (en && !src && tb > 1 && cue_kind(tb - 1) && cue_kind(tb - 1)->kind == CueKind::kCoordinator) {
          size_t cs = tb;
          while (cs > 0 && v.clause[cs - 1] == cl) --cs;
          size_t say = cs;  // (the verb of saying opens the clause, or stands before "that")
          if (const CueEntry* c = cue_kind(cs); c && c->kind == CueKind::kRelative && cs > 0) say = cs - 1;
          for (const auto& d : dates)  // (past the date of the saying: "said on Friday that …")
            if (say > 0 && say + 1 == cs && d.tok_end == say + 1 && d.tok_begin > 0) {
              say = d.tok_begin - 1;
              if (say > 0 && cue_kind(say) && (cue_kind(say)->kind == CueKind::kPreposition || cue_kind(say)->kind == CueKind::kLocationPrep)) --say;
            }
          const CueEntry* sc = cue_kind(say);
          bool named = false;  // (an actor, a role noun or a pronoun in the reported clause is its subject)
          for (size_t q = say + 1; q + 1 < tb && !named; ++q)
            named = v.actor_at[q] >= 0 || v.agent_at[q] >= 0 || IsTopic(cue_kind(q), TOPIC("pronoun"));
          if (sc && sc->kind == CueKind::kComplementizer && say > 0 && say < tb && !named)
            for (const auto& p : phrases)
              if (p.end <= say && p.prep.empty() && v.clause[p.begin] == v.clause[say - 1]) src = &p;
        }
        if (!src && !split_subject) {
          for (const auto& p : phrases)
            if (p.end <= tb && in_clause(p) && p.prep.empty() && !(en && owner_agent(p))) src = &p;
          // A fronted phrase closed by a comma is no subject when an actor follows the verb:
          // «وخلال غزو روسيا لأوكرانيا، أعربت إسرائيل عن دعمها» (a subject set off by commas
          // is an apposition and stays one: «خوان ديل أولمو، القاضي الإسباني، دعا نظيره»).
          bool comma = false;
          for (size_t j = src ? src->end : tb; j < tb && !en; ++j) comma |= is_comma(j);
          comma &= src && src->begin > 0 && !is_comma(src->begin - 1);
          for (const auto& p : phrases)
            if (comma && p.begin == te && p.prep.empty() && in_clause(p)) src = &p;
        }
        // English: a role noun with no country right before the verb, after another verb or two
        // plain words since the phrase found ("Kenyan police fired tear gas as protesters threw
        // stones", "parliament passes law as crowds protest"), is the verb's subject, not that
        // phrase (the rules below may still give it a country).
        if (en && src && src->end <= tb && !split_subject)
          if (const PhraseMatch* role = EnglishBareRoleBefore(v, lex, phrases, tb); role && role->begin >= src->end) {
            bool verb_between = false, other = false;
            size_t plain = 0;
            for (size_t q = src->end; q < skip_det(role->begin); ++q) {
              if (v.trig_at[q] >= 0) verb_between = true;
              else if (PlainEnglishWord(v, lex, q)) ++plain;
              else other = true;
            }
            // (not a noun modifier inside a noun phrase, "its first direct military attack", nor
            // a participle after its noun, "soldiers backed by drones")
            const size_t rb = skip_det(role->begin);
            for (size_t q = rb >= 3 ? rb - 3 : 0; q < rb; ++q)
              if (cue_kind(q) && cue_kind(q)->kind == CueKind::kDeterminer) other = verb_between = false, plain = 0;
            for (size_t q = tb; q <= te && q < n; ++q)
              if (ListHas(cfg.agent_words, toks[q].norm)) verb_between = false, plain = 0;
            if (verb_between || (plain >= 2 && !other)) src = nullptr;
          }
        // (the verb shows an object: in its form, or an actor, role noun or number right after it)
        const bool object = te > tb + 1 || (te < n && (toks[te].kind == TokenKind::kNumber || v.actor_at[te] >= 0 ||
                                                       v.agent_at[te] >= 0));
        // (or, after «أنه», any word that is no cue, place or date: «أنه قصف مواقع»)
        bool loose_object = object || (te < n && toks[te].kind == TokenKind::kWord && !cue_kind(te) && v.place_at[te] < 0);
        for (const auto& d : dates) loose_object &= d.tok_begin != te;
        if (!src && !en && tm.suffix.empty() && !split_subject) src_from_clause = (src = ClauseSubject(tb, object, loose_object)) != nullptr;
        // English: a relative clause's verb with no subject of its own ("troops that crossed …").
        if (!src && en && cl < static_cast<int>(rel_antecedent.size()) && rel_antecedent[cl] >= 0)
          src = &phrases[rel_antecedent[cl]];
        // English: a pronoun subject right after a verb of saying is the speaker ("Niger said
        // (that) it was breaking off relations with …").
        if (!src && en) {
          size_t cs = tb;
          while (cs > 0 && v.clause[cs - 1] == cl) --cs;
          size_t say = cs;  // the verb of saying: the clause's first word, or before "that"
          if (const CueEntry* c = cue_kind(cs); c && c->kind == CueKind::kRelative && cs > 0) say = cs - 1;
          // (before "that", past the date of the saying: "said on Monday that it …")
          for (const auto& d : dates)
            if (say > 0 && d.tok_end == say + 1 && d.tok_begin > 0 && say + 1 == cs) {
              say = d.tok_begin - 1;
              if (say > 0 && cue_kind(say) && (cue_kind(say)->kind == CueKind::kPreposition || cue_kind(say)->kind == CueKind::kLocationPrep)) --say;
              // (and past an adverb of that date: "said late on Friday that he …", topic:date_adverb)
              if (say > 0 && IsTopic(cue_kind(say), TOPIC("date_adverb"))) --say;
            }
          const CueEntry* sc = cue_kind(say);
          // (past a short phrase after the saying: "said on state television that they …", "said in
          // a statement that it …": a preposition at most six words before "that", right after it)
          if (!(sc && sc->kind == CueKind::kComplementizer) && say < cs)
            for (size_t q = say, k = 0; k < 6 && q > 1 && (v.trig_at[q] < 0 || lex.triggers[v.trigs[v.trig_at[q]].payload].type == "noun"); ++k, --q)
              if (const CueEntry* pc = cue_kind(q); pc && (pc->kind == CueKind::kPreposition || pc->kind == CueKind::kLocationPrep)) {
                if (const CueEntry* c2 = cue_kind(q - 1); c2 && c2->kind == CueKind::kComplementizer) {
                  say = q - 1, sc = c2;
                  break;
                }
              }
          size_t j = v.cue_at[cs] >= 0 ? v.cues[v.cue_at[cs]].end : cs;
          // (past the date of the saying: "said on Monday it had killed …")
          for (const auto& d : dates)
            if (d.tok_end < tb && (d.tok_begin == j || (d.tok_begin == j + 1 && cue_kind(j) &&
                                                         (cue_kind(j)->kind == CueKind::kPreposition || cue_kind(j)->kind == CueKind::kLocationPrep))))
              j = d.tok_end;
          if (sc && sc->kind == CueKind::kComplementizer && say > 0 && j < tb && IsTopic(cue_kind(j), TOPIC("pronoun")))
            for (const auto& p : phrases)
              if (p.end <= say && p.prep.empty() && v.clause[p.begin] == v.clause[say - 1]) src = &p;
          // ("he"/"she" is a person, never a body: "the foreign ministry said he had stepped down"
          // is someone else; topic:institution)
          if (src && j < tb && ListHas(cfg.person_pronouns, toks[j].norm))
            for (size_t q = src->begin; src && q < src->end; ++q)
              if (IsTopic(cue_kind(q), TOPIC("institution"))) src = nullptr;
        }
        // A verb marked plural («احتجزوا», «قتلوا») has its subject before it or in itself: a
        // verb before its subject agrees in the singular (VSO), so what follows is its object.
        std::string_view vform = toks[tm.begin].norm;
        const bool plural_verb = trig.type == "verb" && EndsInPluralWaw(vform);
        if (!src && !en && !plural_verb) {
          // VSO: the subject follows the verb before any preposition or other trigger.
          for (const auto& p : phrases) {
            if (p.begin < te || !in_clause(p)) continue;
            // (an actor named as a place after «في» is an adverbial: «استقبل في قصر اليمامة …»)
            if (!p.prep.empty() && location_prep_before(p.begin) && p.begin <= te + 2) continue;
            bool blocked = false;
            size_t passed = 0;  // words of places, dates and forms of address passed over
            size_t chain = te;   // (only right after the verb, one after another)
            for (size_t j = te; j < p.begin && !blocked; ++j) {
              const CueEntry* c = cue_kind(j);
              // (a place phrase, a date or a form of address before the subject: «وصل إلى جدة
              // أمس الرئيس …», «استقبل في مكتبه بالرياض صاحب السمو …»)
              size_t skip_to = j;
              if (c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep) && j + 1 < p.begin &&
                  v.place_at[j + 1] >= 0 && v.places[v.place_at[j + 1]].prefix.empty() && v.actor_at[j + 1] < 0)
                skip_to = v.places[v.place_at[j + 1]].end;
              else if (c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep) && j + 1 < p.begin &&
                       v.place_at[j + 1] >= 0 && v.actor_at[j + 1] >= 0 &&
                       lex.actors[v.actors[v.actor_at[j + 1]].payload].kind != ActorEntry::Kind::kActor)
                skip_to = v.places[v.place_at[j + 1]].end;  // «في الرياض» (a capital after «في» is a place)
              else if (v.place_at[j] >= 0 && PrepOfPrefix(v.places[v.place_at[j]].prefix) == kBa)
                skip_to = v.places[v.place_at[j]].end;
              else if (c && c->kind == CueKind::kLocationPrep) {
                // «في مكتبه», «في قصر اليمامة»: a location of one or two words, or a phrase after «في»
                size_t q = j + 1;
                for (const auto& o : phrases)
                  if (o.begin == q && !o.prep.empty()) q = o.end;
                while (q < p.begin && q < j + 3 && toks[q].kind == TokenKind::kWord && !cue_kind(q) &&
                       v.trig_at[q] < 0 && v.actor_at[q] < 0 &&
                       (v.agent_at[q] < 0 || !v.agents[v.agent_at[q]].suffix.empty()))  // («في مكتبه»)
                  q = v.agent_at[q] >= 0 ? v.agents[v.agent_at[q]].end : q + 1;
                skip_to = q > j + 1 ? q : j;
              }
              else if (const PhraseMatch* h = honorific_at(j))
                skip_to = h->end;
              else
                for (const auto& d : dates)
                  if (d.tok_begin == j) skip_to = d.tok_end;
              if (skip_to > j && skip_to <= p.begin && j == chain) {
                passed += skip_to - j;
                chain = skip_to;
                j = skip_to - 1;
                continue;
              }
              blocked = (c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep) &&
                         !partitive_at(j)) ||  // (not a partitive «عشرات من», «ثلاثة من»)
                        v.trig_at[j] >= 0 ||
                        // a role noun with no country holds the subject slot: «خطف مسلحون …
                        // خمسة بريطانيين» (a member noun, «أعضاء», is part of the phrase after it)
                        // (unless the phrase is its complement, maybe after more role nouns:
                        // «رئيسة اتحاد المصارف اليونانية», «مسلحي جماعة أنصار الله»)
                        (v.agent_at[j] >= 0 && !lex.agents[v.agents[v.agent_at[j]].payload].sector.empty() &&
                         [&] {
                           size_t k = v.agents[v.agent_at[j]].end;
                           // (a role noun closed by a definite word is a whole phrase, no genitive
                           // chain: «استقبل وزير الخارجية سفير الكويت» — the minister is the subject)
                           if (!en && k > j + 1 && StartsWith(toks[k - 1].norm, kAl)) return true;
                           // (nor is a role noun ending in a word with the article or the plural
                           // «ـون», which no genitive follows, before a role noun: «اغتال المسلحون
                           // القاضي», «اغتال مسلحون مجهولون القاضي»)
                           if (!en && k == p.begin && v.agent_at[k] >= 0) {
                             const std::string_view pre = k == j + 1 ? v.agents[v.agent_at[j]].prefix : std::string_view();
                             std::string_view w = toks[k - 1].norm;
                             w.remove_prefix(std::min(pre.size(), w.size()));
                             if (HasArticle(pre) || StartsWith(w, kAl) ||
                                 (w.size() > 6 && w.substr(w.size() - 4) == "\xD9\x88\xD9\x86"))  // ون
                               return true;
                           }
                           while (k < p.begin && v.agent_at[k] >= 0) k = v.agents[v.agent_at[k]].end;
                           return k != p.begin;
                         }());
            }
            if (!blocked && p.prep.empty() && p.begin - te - passed <= (p.counted ? 4 : 6) && !p.antecedent) src = &p;
            break;
          }
        }
        if (!src && HasConj(tm.prefix) && last_source && !split_subject) src = last_source;
      } else {
        // A noun with a pronoun possessor («محادثاتهم») has an unknown source — unless a light verb
        // before it in its clause has a subject, whom the pronoun names: «أعربت الحكومة عن إدانتها».
        if (!tm.suffix.empty() && !en) {
          for (size_t j = tb; j-- > 0 && v.clause[j] == cl && tb - j <= 6 && !src;) {
            const CueEntry* c = cue_kind(j);
            if (!c || c->kind != CueKind::kLightVerb) continue;
            for (const auto& p : phrases)
              if (p.end <= tb && in_clause(p) && p.prep.empty() && p.begin > j) src = &p;
            if (src) rules.push_back(c->rule);
            break;
          }
        }
        // A noun with a pronoun possessor («محادثاتهم») has an unknown source, except in Arabic
        // a third-person possessor with an actor named at most ten words before it, without a
        // preposition: that actor («وأكد الوزير الأردني خلال لقائه نظيره الفرنسي …»); the
        // phrase right after the noun is then its object.
        const Phrase* possessor = nullptr;
        // (not a noun of violence, whose possessor is as often its victim, «اغتيالهم», or whose
        // events are already told, «هجماته»; not a purpose after «لـ»)
        // (but an attack noun whose victim follows with «على»/«ضد» has its attacker as possessor:
        // «قالت الحكومة التركية إن غاراتها على مواقع الحزب …» — the government's raids)
        const bool aimed = te < n && (toks[te].norm == "\xD8\xB9\xD9\x84\xD9\x8A" ||           // على (folded)
                                      toks[te].norm == "\xD8\xB6\xD8\xAF");                      // ضد
        if (!src && !tm.suffix.empty() && !en && tm.suffix.rfind(kHeh, 0) == 0 && (!trig.actorless || aimed) &&
            !trig.opt.genitive_target && PrepOfPrefix(tm.prefix) != kLam)
          for (const auto& p : phrases)
            if (p.end <= tb && p.prep.empty() && tb - p.end <= 10 && !p.antecedent && (!trig.actorless || !p.country.empty()))
              possessor = &p;
        if (!tm.suffix.empty() && !src && !possessor) { reject("noun with a pronoun possessor: source unknown"); continue; }
        if (possessor) {
          src = possessor;
          rules.push_back(composed.Keep(trig.rule + " (possessor: the actor before it)"));
          for (const auto& p : phrases)
            if (p.begin == te && p.prep.empty()) genitive_target = &p;
        }
        // `genitive=target`: the actor after a verbal noun of a transitive act is its object
        // («اغتيال الوزير», «خطف صحافيين»), not its agent.
        const bool genitive_is_target = trig.opt.genitive_target;
        for (const auto& p : phrases)
          if (p.begin == te && p.prep.empty() && !en && !possessor) (genitive_is_target ? genitive_target : src) = &p;
        // Arabic: an armed actor after «لـ» right after an indefinite noun of violence, or after
        // one adjective, owns it: «غارات مكثفة للتحالف», «قصف لطيران التحالف» (the coalition's
        // strikes, not strikes on it); its target comes after «على».
        if (!en && !src && !possessor && !genitive_is_target && trig.actorless && !HasArticle(tm.prefix) &&
            PrepOfPrefix(tm.prefix).empty())
          for (const auto& p : phrases)
            if (!src && p.prep == kLam && (p.begin == te || (p.begin == te + 1 && toks[te].kind == TokenKind::kWord &&
                                                            !cue_kind(te) && v.trig_at[te] < 0 && v.actor_at[te] < 0 &&
                                                            v.agent_at[te] < 0 && v.place_at[te] < 0)) &&
                (ListHas(cfg.armed_sectors, p.sector) || p.country == "IMG")) {
              src = &p;
              rules.push_back(composed.Keep(trig.rule + " (an armed actor after «ل»: its owner)"));
            }
        // Option `source=P|Q` (nouns): the actor after P right after the noun, or after one word,
        // is its source — aid «من» a donor: «سفينة مساعدات من الأمم المتحدة»; or after a word of
        // the cue topic `belonging` and «لـ»: «شحنة مساعدات تابعة للأمم المتحدة».
        if (!en && !src && !possessor && !trig.opt.source_preps.empty())
          for (const auto& p : phrases) {
            if (src || v.clause[p.begin] != cl || p.begin < te || p.begin > te + 2) continue;
            bool belongs = false;
            for (size_t q = te; q < p.begin && !belongs; ++q)
              for (const PhraseMatch& cm : v.cues)
                belongs |= cm.begin == q && lex.cues[cm.payload].kind == CueKind::kTopic && lex.cues[cm.payload].topic == "belonging";
            const bool by_prep = std::find(trig.opt.source_preps.begin(), trig.opt.source_preps.end(), p.prep) != trig.opt.source_preps.end();
            if (by_prep || (belongs && p.prep == kLam)) {
              src = &p;
              rules.push_back(composed.Keep(trig.rule + " (source after «" + (by_prep ? p.prep : std::string("لـ")) + "»)"));
            }
          }
        // English: the actor right before the noun ("Israeli strikes", "Russia's condemnation").
        if (en)
          for (const auto& p : phrases)
            if (p.end == tb || (det_start[tb] >= 0 && p.end == static_cast<size_t>(det_start[tb]) &&
                                (toks[p.end].norm == "'s" || toks[p.end].norm == "'")))
              src = &p;
        if (!src && !HasArticle(tm.prefix) && PrepOfPrefix(tm.prefix) != kLam) {
          // light verb: «أجرى X محادثات», «عقد X اجتماعا» (not a noun of purpose: «تقوم قوة
          // بالانتشار لقتال …» — the light verb governs another noun)
          for (size_t j = tb; j-- > 0 && v.clause[j] == cl;) {
            const CueEntry* c = cue_kind(j);
            const PhraseMatch* lm = c ? &v.cues[v.cue_at[j]] : nullptr;
            if (c && c->kind != CueKind::kLightVerb) c = nullptr;
            // (a word that is also another cue: "pledged" is intent and a light verb)
            if (!c && en)
              for (const PhraseMatch& cm : v.cues)
                if (!c && cm.begin == j && lex.cues[cm.payload].kind == CueKind::kLightVerb) {
                  c = &lex.cues[cm.payload];
                  lm = &cm;
                }
            // (option light=X: a word of topic X is this noun's light verb too — «أعلنت الشرطة
            // اعتقال …» names the arrester, «أعلن الجيش مقتل …» no killer)
            if (!c && !trig.opt.light.empty())
              for (const PhraseMatch& cm : v.cues)
                if (!c && cm.begin == j && lex.cues[cm.payload].kind == CueKind::kTopic &&
                    ListHas(trig.opt.light, lex.cues[cm.payload].topic)) {
                  c = &lex.cues[cm.payload];
                  lm = &cm;
                }
            if (c) {
              // (English: the noun is the light verb's object, at most five words after it, and
              // the subject stands before the light verb: "carried out their first air strikes")
              if (en && tb - lm->end > 5) break;
              // (nor a noun inside a prepositional phrase after the light verb's own object: "made
              // no comment on the protests"; "of" and "in" stay inside the object: "a wave of
              // attacks", "$3 billion in aid")
              if (en) {
                bool in_pp = false;
                for (size_t q = lm->end; q < tb && !in_pp; ++q)
                  if (const CueEntry* pc = cue_kind(q); pc && (pc->kind == CueKind::kPreposition || pc->kind == CueKind::kLocationPrep))
                    in_pp = toks[q].norm != "of" && toks[q].norm != "in";
                if (in_pp) break;
              }
              // (English: not a bare phrase after an infinitive's "to" before the light verb — the
              // object of another verb of purpose: "X agreed to bar Y's airlines and to impose
              // sanctions on Z" → X; topic:to_infinitive)
              size_t first_inf = n;
              if (en && HasTopic(v, TOPIC("to_infinitive")))
                for (const PhraseMatch& cm : v.cues)
                  if (cm.end < j && cm.begin < first_inf && v.clause[cm.begin] == cl && IsTopic(&lex.cues[cm.payload], TOPIC("to_infinitive")))
                    first_inf = cm.begin;
              for (const auto& p : phrases)
                if (p.end <= (en ? j : tb) && in_clause(p) && p.prep.empty() && !(src && p.begin > first_inf)) src = &p;
              if (!src && lm->suffix.empty()) src = ClauseSubject(j, true, true);  // «أنه نفذ غارات»
              // (English: a pronoun subject of the light verb right after a verb of saying, with
              // "that" and the saying's date between, is the speaker: "X said on Wednesday that he
              // had started a hunger strike")
              if (!src && en) {
                size_t k = j;
                while (k > 0 && ListHas(cfg.perfect_auxiliaries, toks[k - 1].norm)) --k;
                if (k > 1 && IsTopic(cue_kind(k - 1), TOPIC("pronoun"))) {
                  size_t say = k - 1;
                  if (cue_kind(say - 1) && cue_kind(say - 1)->kind == CueKind::kRelative) --say;
                  for (const auto& d : dates)
                    if (d.tok_end == say && d.tok_begin > 0) {
                      say = d.tok_begin;
                      if (cue_kind(say - 1) && (cue_kind(say - 1)->kind == CueKind::kPreposition ||
                                                cue_kind(say - 1)->kind == CueKind::kLocationPrep)) --say;
                    }
                  if (say > 0 && cue_kind(say - 1) && cue_kind(say - 1)->kind == CueKind::kComplementizer)
                    for (const auto& p : phrases)
                      if (p.end < say && p.prep.empty() && v.clause[p.begin] == v.clause[say - 2 < n ? say - 2 : 0]) src = &p;
                }
              }
              // («أنها بدأت في شن غارات»: an aspectual verb, cue topic `aspectual`, and its
              // preposition may stand between the complementizer and the light verb)
              if (!src && lm->suffix.empty() && !en) {
                size_t k = j;
                if (k > 0 && (toks[k - 1].norm == kFi || toks[k - 1].norm == kBa)) --k;
                for (const PhraseMatch& am : v.cues)
                  if (!src && am.end == k && am.begin > 0 && lex.cues[am.payload].kind == CueKind::kTopic &&
                      lex.cues[am.payload].topic == "aspectual")
                    src = ClauseSubject(am.begin, true, true);
              }
              if (src) rules.push_back(c->rule);
              src_by_light_verb = src != nullptr;
              break;
            }
          }
        }
        // ... or after it, with a pronoun for the noun: «هجوم شنه مسلحون», «غارة نفذتها طائرات»
        if (!src && !en && !HasArticle(tm.prefix) && te < n && v.cue_at[te] >= 0) {
          const PhraseMatch& cm = v.cues[v.cue_at[te]];
          if (lex.cues[cm.payload].kind == CueKind::kLightVerb && !cm.suffix.empty()) {
            for (const auto& p : phrases) {
              if (p.begin < cm.end) continue;
              if (p.prep.empty() && p.begin - cm.end <= 2 && v.clause[p.begin] == v.clause[cm.end - 1]) {
                src = &p;
                rules.push_back(lex.cues[cm.payload].rule);
              }
              break;
            }
            // (with no subject after it, the light verb's subject is that of the event before it
            // in the clause: «قتل التنظيم 37 مسلحا في هجوم شنه ليلا على قرية»)
            if (!src && last_source && v.clause[last_source->begin] == cl && last_source->end <= tb) {
              bool named_after = false;
              for (const auto& p : phrases) named_after |= p.begin >= cm.end && p.begin - cm.end <= 2 && p.prep.empty();
              if (!named_after) {
                src = last_source;
                rules.push_back(lex.cues[cm.payload].rule);
              }
            }
          }
        }
        // ... or, after «في» or «خلال», the subject of its clause: the circumstance of what the
        // subject did («وصل الوزير إلى الدوحة في زيارة رسمية لقطر», «أكد الرئيس في اتصال
        // هاتفي مع …»), for the roots of the setting `circumstance_roots` (meetings, visits, calls;
        // not violence: «قتل 5 أشخاص في هجوم» has an unknown agent)
        if (!src && !en && !HasArticle(tm.prefix) && PrepOfPrefix(tm.prefix).empty() && !trig.actorless && tb > 0 &&
            ListHas(circumstance_roots, trig.cameo.substr(0, 2)) &&
            (toks[tb - 1].norm == kFi || toks[tb - 1].norm == kKhilal)) {
          for (const auto& p : phrases)
            if (p.end < tb && in_clause(p) && p.prep.empty()) {
              src = &p;
              rules.push_back(composed.Keep(trig.rule + " (after «في»/«خلال»: the subject of its clause)"));
              break;
            }
        }
        // (English: after a word of the cue topic `circumstance`, "for", "in", "during", with or
        // without an article: "arrived in Beijing for talks with …", "said in a phone call with …")
        // (and a symmetric act, option `reciprocal`: "soldiers were killed in a clash with …",
        // the subject is one side of the clash)
        if (!src && en && ((!trig.actorless && ListHas(circumstance_roots, trig.cameo.substr(0, 2))) ||
                           (trig.opt.reciprocal && !as_verb))) {
          size_t d = det_start[tb] >= 0 && IsIndefiniteArticle(toks[det_start[tb]].norm)
                         ? static_cast<size_t>(det_start[tb]) : tb;
          // (a symmetric act may take two adjectives: "died in the first deadly clash with")
          for (int k = 0; trig.opt.reciprocal && k < 2 && d > 0 && PlainEnglishWord(v, lex, d - 1); ++k) --d;
          if (trig.opt.reciprocal) d = skip_det(d);
          const bool after_circ = d > 0 && AnyCueOfTopic(v, lex, TOPIC("circumstance"), [&](const PhraseMatch& cm) { return cm.end == d; });
          if (after_circ)
            for (const auto& p : phrases)
              if (p.end < tb && in_clause(p) && p.prep.empty()) {
                src = &p;
                rules.push_back(composed.Keep(trig.rule + " (after a circumstance word: the subject of its clause)"));
                break;
              }
        }
        // ... or a few words after it, the subject of a light verb with «بها»/«به» for the noun:
        // «أول زيارة لدولة خليجية يقوم بها وزير الخارجية السوري»
        if (!src && !en && !HasArticle(tm.prefix) && PrepOfPrefix(tm.prefix) != kLam) {
          for (size_t j = te + 1; j < n && j <= te + 4 && v.clause[j] == cl && v.trig_at[j] < 0; ++j) {
            const CueEntry* c = cue_kind(j);
            if (!c || c->kind != CueKind::kLightVerb || !v.cues[v.cue_at[j]].suffix.empty()) continue;
            const size_t r = v.cues[v.cue_at[j]].end;  // «بها», «به», «بهم»: «بـ» and a pronoun for the noun
            if (r >= n || toks[r].norm.rfind("\xD8\xA8\xD9\x87", 0) != 0 || toks[r].norm.size() > 8) break;
            for (const auto& p : phrases) {
              if (p.begin <= r) continue;
              if (p.prep.empty() && p.begin - r <= 2 && v.clause[p.begin] == cl) {
                src = &p;
                src_after_complement = true;  // (the target may stand before it: «زيارة إلى الأردن يقوم بها»)
                rules.push_back(c->rule);
              }
              break;
            }
            break;
          }
        }
        // ... or the sides after a reciprocal preposition (setting `reciprocal_preps`: «بين»):
        // «اشتباكات بين الجيش وقوات المعارضة» — each side is the source of one event and the
        // target of the other.
        if (!src && !en && !HasArticle(tm.prefix) && !trig.opt.genitive_target) {
          const std::vector<std::string>& recip = cfg.reciprocal_preps;
          for (const auto& p : phrases) {
            if (p.begin <= te || p.begin > te + 3 || !in_clause(p) || !ListHas(recip, p.prep)) continue;
            for (const auto& q : phrases) reciprocal |= &q != &p && q.group == p.group;
            if (reciprocal) src = &p;
            break;
          }
        }
      }
      // Passive voice: «اغتيل القائد على يد مسلحين», «اعتقل الناشط من قبل الشرطة» — the actor
      // after the agent marker is the source; the subject slot after the verb holds the target.
      const Phrase* passive_target = nullptr;
      bool src_after_by = false;  // the source was named after "by" («على يد»)
      // Passive reading of a verb: with the option `passive` (a passive form: «أصيب», «اغتيل»)
      // its subject is the victim; with `counted=X|Y` a subject right after the verb that
      // starts with a number or a word of cue topic X («قتل 5 جنود», «قتل ثلاثة جنود») is read
      // so too. The perpetrator, if any, comes after a `passive_agent` cue («على يد»).
      if (as_verb && src && !en) {
        const bool from_conj = src == last_source;  // «وأصيب»: the previous event's subject
        bool passive = trig.opt.passive;
        if (!passive && src->begin >= te && src->begin <= te + 4 && trig.opt.has_counted)  // («قتل نحو عشرين من الجنود»)
          passive = !OptionAllows(trig.opt.counted, te, src->begin + 1);
        // («قالت الشرطة إنه قتل 3 أشخاص»: a count right after the verb is its subject)
        if (!passive && src_from_clause && trig.opt.has_counted)
          passive = !OptionAllows(trig.opt.counted, te, te + 2);
        // A counted people before a violence verb (roots of the setting location_target_roots)
        // with no object after it were its victims: «أربعة إيطاليين خطفوا في ليبيا».
        if (!passive && src->counted && src->end <= tb && te == tb + 1 &&
            !(te < n && (toks[te].kind == TokenKind::kNumber || v.actor_at[te] >= 0 || v.agent_at[te] >= 0))) {
          const CameoCode* tc = trig.cameo_code;
          passive = tc && ListHas(location_target_roots, tc->root);
        }
        // ... and so were counted people before a verb with `counted=` and no object after it:
        // «العشرات من المتمردين قتلوا في المعارك», «ثلاثة جنود قتلوا» (a count is a tally of
        // victims; «مسلحون قتلوا ثلاثة» has its object).
        if (!passive && trig.opt.has_counted && src->end <= tb && te == tb + 1 && src->prep.empty() &&
            (counted_before(src->begin) || !OptionAllows(trig.opt.counted, src->begin, src->begin + 1)) &&
            !(te < n && (toks[te].kind == TokenKind::kNumber || v.actor_at[te] >= 0 || v.agent_at[te] >= 0)))
          passive = true;
        if (passive) {
          if (!from_conj && !src_from_clause) passive_target = src;
          // the subject slot right after a passive verb is its victim, before one before it
          for (const auto& p : phrases) {
            if (p.begin < te || !in_clause(p)) continue;
            if (p.prep.empty() && p.begin - te <= 3) passive_target = &p;
            break;
          }
          src = nullptr;
          rules.push_back(composed.Keep(trig.rule + " (passive)"));
        }
      }
      // English passive: a be-auxiliary right before the verb (or before one adverb):
      // the subject is the target, the actor after "by" (if any) the source.
      bool en_passive = false;
      const Phrase* en_subject = nullptr;
      if (en && as_verb) {
        auto aux_at = [&](size_t j) { const CueEntry* c = cue_kind(j); return c && c->kind == CueKind::kPassiveAux; };
        std::string_view w = toks[tb].norm;  // a progressive ("was breaking off") is active
        const bool ing = w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
        en_passive = !ing && ((tb > 0 && aux_at(tb - 1)) ||
                              (tb > 1 && aux_at(tb - 2) && toks[tb - 1].kind == TokenKind::kWord && !cue_kind(tb - 1) &&
                               v.actor_at[tb - 1] < 0 && v.agent_at[tb - 1] < 0));
        if (en_passive) { en_subject = src; src = nullptr; rules.push_back(lex.cues[v.cues[v.cue_at[tb - 1] >= 0 && aux_at(tb - 1) ? v.cue_at[tb - 1] : v.cue_at[tb - 2]].payload].rule); }
      }
      // English reduced passive: a participle in -ed between an actor and "by" ("protesters detained
      // by Iranian police", "two journalists abducted by gunmen"): the actor after "by" is the source,
      // the actor before the participle the target. ("a deal brokered by X" keeps its own reading.)
      if (en && as_verb && !en_passive && src && src->end == tb && te < n && cue_kind(te) &&
          cue_kind(te)->kind == CueKind::kPassiveAgent) {
        std::string_view w = toks[te - 1].norm;
        if (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) {
          en_passive = true;
          en_subject = src;
          src = nullptr;
          rules.push_back(composed.Keep(trig.rule + " (a participle before \"by\": passive)"));
        }
      }
      // (and a `refers` participle with "by" right after a noun in apposition, ", an attack
      // condemned by X", ", a move criticised by X": X is the source, and its target, below,
      // the party of the act told before the apposition)
      bool appo_participle = false;
      if (en && as_verb && !en_passive && trig.opt.refers && tb >= 3 && te < n && cue_kind(te) &&
          cue_kind(te)->kind == CueKind::kPassiveAgent) {
        for (size_t j = tb - 1; j > 0 && j + 5 > tb; --j)
          if (toks[j].kind == TokenKind::kPunct) {
            appo_participle = toks[j].norm == "," && j + 2 < tb && IsIndefiniteArticle(toks[j + 1].norm);
            break;
          }
        if (appo_participle) {
          en_passive = true;
          en_subject = src = nullptr;
          rules.push_back(composed.Keep(trig.rule + " (a participle before \"by\" on a noun in apposition: passive)"));
        }
      }
      // English option `passive` on an active verb whose form ends in the preposition that
      // names the doer ("received a phone call from X"): X is the source, the subject the target.
      if (en && as_verb && trig.opt.passive && !en_passive) {
        const Phrase* subj = src && src->end <= tb ? src : nullptr;
        src = nullptr;
        for (const auto& p : phrases)
          if (p.begin >= te && in_clause(p)) { if (skip_det(p.begin) <= te + 1) src = &p; break; }
        if (!subj || !src) { reject("a reversed verb (option passive) needs its subject and the actor after it"); continue; }
        passive_target = subj;
        rules.push_back(composed.Keep(trig.rule + " (reversed: the actor after it is the source)"));
      }
      for (const PhraseMatch& cm : v.cues) {
        if (en && as_verb && !en_passive) break;  // English active voice: "by" is not an agent marker
        if (cm.begin < te || v.clause[cm.begin] != cl || lex.cues[cm.payload].kind != CueKind::kPassiveAgent) continue;
        // (the agent of the nearest event word before it: «خرجوا للاحتجاج على مقتل مدنيين على يد
        // قوات التحالف» — the coalition killed, it did not protest; and of this trigger, not of
        // a later act: before any comma after it). An event word between them is this act's means
        // or occasion when both are violence (setting shared_agent_roots), and shares its agent:
        // «أصيب ستة جنود في هجوم انتحاري نسب إلى الشباب».
        auto violent = [&](const TriggerEntry& t) {
          const CameoCode* c = t.cameo_code;
          return c && ListHas(cfg.shared_agent_roots, c->root);
        };
        bool other_trigger = false, comma_between = false;
        // (English nouns too: "The protests followed an agreement signed during a visit by X" —
        // X is the visitor, not the protesters)
        for (size_t j = te; j < cm.begin && (!en || !as_verb); ++j) {
          other_trigger |= v.trig_at[j] >= 0 && !(violent(trig) && violent(lex.triggers[v.trigs[v.trig_at[j]].payload]));
          comma_between |= is_comma(j) && !en;
        }
        if (other_trigger || comma_between) break;
        // (English: "by" after a participle of the setting `owner_participles` names that word's
        // agent, who holds or backs a thing the act hits, not the act's doer: "the strikes hit
        // depots used by the Houthis", "raided a hospital run by Hamas", "militias backed by Iran")
        if (en && cm.begin > te && ListHas(cfg.owner_participles, toks[cm.begin - 1].norm)) break;
        const Phrase* agent = nullptr;
        for (const auto& p : phrases) {
          // (English: or after a determiner and one more word: "led by the opposition presidential
          // candidate X")
          if (p.begin == cm.end || (p.begin == cm.end + 1 && toks[cm.end].kind == TokenKind::kPunct) ||
              (en && skip_det(p.begin) == cm.end) ||
              (en && p.begin > cm.end && skip_det(p.begin - 1) == cm.end && toks[p.begin - 1].kind == TokenKind::kWord &&
               !(cue_kind(p.begin - 1) && (cue_kind(p.begin - 1)->kind == CueKind::kPreposition ||
                                           cue_kind(p.begin - 1)->kind == CueKind::kLocationPrep)))) {
            if (src && src->begin >= te && src->end <= cm.begin) passive_target = src;
            src = agent = &p;
            src_after_by = true;
            rules.push_back(lex.cues[cm.payload].rule);
            break;
          }
        }
        // A verb right before the agent marker is passive even when its agent is no actor
        // phrase («خمسة إثيوبيين خطفوا على أيدي مسلحين»): its subject before it is the victim.
        if (!agent && !en && as_verb && cm.begin == te && src && src->end <= tb) {
          if (!passive_target) passive_target = src;
          src = nullptr;
          rules.push_back(lex.cues[cm.payload].rule);
        }
        break;
      }
      if (en_passive) passive_target = en_subject;
      // English: a passive act of violence with no "by" of its own ("five soldiers were killed
      // when their vehicle struck a bomb planted by Islamic State militants") takes the agent
      // of a violent participle or trigger later in the sentence: "planted by X", "an attack by X".
      // (So does an active one with no subject actor, after a violence noun in apposition and its
      // participle: "gunmen stormed a hotel, an assault claimed by X", "…, an attack carried out
      // by X": X did it, and is not its target.)
      if (en && (en_passive || as_verb) && !src) {
        const CameoCode* own = trig.cameo_code;
        if (own && ListHas(cfg.shared_agent_roots, own->root))
          for (const PhraseMatch& cm : v.cues) {
            if (cm.begin <= te || cm.begin == 0 || lex.cues[cm.payload].kind != CueKind::kPassiveAgent) continue;
            const size_t w = cm.begin - 1;  // the participle or event noun before "by"
            bool violent = false;
            auto violent_noun = [&](size_t j) {
              if (v.trig_at[j] < 0) return false;
              const CameoCode* c = lex.triggers[v.trigs[v.trig_at[j]].payload].cameo_code;
              return c && ListHas(cfg.shared_agent_roots, c->root);
            };
            if (en_passive) violent = violent_noun(w);
            else  // (active: a violence noun one or two words before "by", a comma before it)
              for (size_t j = w; j + 4 > cm.begin && j > te && !violent && toks[j].kind == TokenKind::kWord; --j)
                violent = j < w && violent_noun(j) && v.trig_at[j] != v.trig_at[w] &&
                          std::any_of(toks.begin() + te, toks.begin() + j, [](const auto& t) { return t.kind == TokenKind::kPunct && t.norm == ","; });
            // (en/cues.tsv topic:violent_means: "planted", "laid", "fired" …)
            violent |= en_passive && AnyCueOfTopic(v, lex, TOPIC("violent_means"), [&](const PhraseMatch& o) { return o.begin == w && o.end == w + 1; });
            if (!violent) continue;
            for (const auto& p : phrases)
              if (skip_det(p.begin) == cm.end || p.begin == cm.end) { src = &p; break; }
            if (src) { src_after_by = true; rules.push_back(composed.Keep(lex.cues[cm.payload].rule + " (the agent of a violent act later in the sentence)")); }
            break;
          }
      }
      // ... and one suffered in a clash ("soldiers were killed in a clash with Chinese troops"):
      // the other side of the clash (a noun with option `reciprocal`, its "with" actor) did it.
      if (en && en_passive && !src) {
        const CameoCode* own = trig.cameo_code;
        if (own && ListHas(cfg.shared_agent_roots, own->root))
          for (const PhraseMatch& o : v.trigs) {
            const TriggerEntry& ot = lex.triggers[o.payload];
            if (o.begin <= te || o.begin > te + 4 || v.clause[o.begin] != cl || ot.type != "noun" || !ot.opt.reciprocal) continue;
            const size_t w = o.end < n && toks[o.end].norm == "with" ? o.end + 1 : toks[o.end - 1].norm == "with" ? o.end : 0;
            if (!w) continue;
            for (const auto& p : phrases)
              if (skip_det(p.begin) == w || p.begin == w) { src = &p; break; }
            if (src) { src_after_by = true; rules.push_back(composed.Keep(ot.rule + " (the other side of the clash it was suffered in)")); }
            break;
          }
      }
      // English: violence whose subject names a natural disaster (cue topic `natural_disaster`,
      // between the subject's start and the verb: "Nepal's strongest earthquake in 80 years
      // killed …", "floods killed 40 people") is no act of anyone.
      if (en && as_verb && !en_passive && (trig.cameo.compare(0, 2, "18") == 0 || trig.cameo.compare(0, 2, "19") == 0 ||
                                           trig.cameo.compare(0, 2, "20") == 0)) {
        size_t b = src && src->end <= tb ? src->begin : tb;
        while (b > 0 && v.clause[b - 1] == cl && !is_comma(b - 1) && tb - b < 12 && !(src && src->end <= tb)) --b;
        const bool disaster = AnyCueOfTopic(v, lex, TOPIC("natural_disaster"), [&](const PhraseMatch& cm) {
          return cm.begin >= b && cm.end <= tb && v.clause[cm.begin] == cl;
        });
        if (disaster) { reject("a natural disaster, not an act (English)"); continue; }
      }
      // English (option `attribution`): "X said (that) Y was behind / responsible for Z" — the
      // speaker accuses Y (the subject of the trigger); with no speaker, no event.
      // (the speaker of the trigger's clause: the actor before a verb of saying at most four
      // words before the clause — "said that", "told parliament that", "announced that")
      auto clause_speaker = [&](const Phrase* other) -> const Phrase* {
        size_t cs = tb;
        while (cs > 0 && v.clause[cs - 1] == cl) --cs;
        size_t say = SIZE_MAX;
        for (size_t k = tb; say == SIZE_MAX && k-- > 0 && (k >= cs || cs - k <= 4);)
          for (const PhraseMatch& cm : v.cues)  // ("announced" is a light verb too)
            if (cm.begin == k && lex.cues[cm.payload].kind == CueKind::kComplementizer) { say = k; break; }
        const Phrase* speaker = nullptr;
        if (say != SIZE_MAX)
          for (const auto& p : phrases)
            if (p.end <= say && p.prep.empty() && (!other || p.group != other->group)) speaker = &p;
        return speaker;
      };
      if (en && trig.opt.attribution && as_verb) {
        const Phrase* subj = src && src->end <= tb ? src : nullptr;
        src = clause_speaker(subj);
        if (!src || !subj) { reject("an attribution needs its speaker and its subject (option attribution)"); continue; }
        passive_target = subj;
        rules.push_back(composed.Keep(trig.rule + " (the speaker accuses the subject)"));
      }
      // English: an arrest told in the passive with no agent, in a clause reported by a state
      // (a country, or a role noun of the setting `place_state_sectors`), was made by that state:
      // "Saudi Arabia announced that 18 nationals had been detained", "police said 24 people had
      // been arrested" (or by its army: "the Sudanese army said the president had been arrested").
      if (en && en_passive && !src && as_verb && trig.cameo.compare(0, 2, "17") == 0 && trig.cameo.compare(0, 3, "174") != 0)
        if (const Phrase* sp = clause_speaker(en_subject);
            sp && !sp->country.empty() && (sp->sector.empty() || sp->sector == "MIL" || ListHas(cfg.place_state_sectors, sp->sector))) {
          src = sp;
          rules.push_back(composed.Keep(trig.rule + " (a passive arrest reported by a state: the state made it)"));
        }
      // (and in a one-country story, in a sentence that names no other country, by that country:
      // "Three of the plotters were arrested" in a story of Burundi → BDI; in another story, by
      // the country it names most, when the sentence names no other: "More than 2,000 people were
      // detained" in a story of Kazakhstan and Russia's troops)
      std::optional<Phrase> home_state;
      std::string state_country;
      if (en && en_passive && !src && as_verb && trig.cameo.compare(0, 2, "17") == 0 && trig.cameo.compare(0, 3, "174") != 0) {
        if (domestic && !foreign_here) state_country = home_country;
        else if (!domestic) {
          state_country = most_named();
          for (const PhraseMatch& m : v.actors) {
            const std::string c = CountryOf(lex.actors[m.payload].CodeOn(doc_date));
            if (IsStateCountry(c) && c != state_country) state_country.clear();
          }
        }
      }
      if (!state_country.empty()) {
        home_state = CountryPhrase(tb, te, state_country);
        home_state->rules.push_back("en/settings.tsv:home_role_sectors (a passive arrest with no agent: the state of the story's country made it)");
        src = &*home_state;
      }
      // English: a subject that starts with "no" negates ("No American or Iraqi personnel were killed").
      if (en) {
        const Phrase* subj = en_passive ? en_subject : (src && src->end <= tb ? src : nullptr);
        if (subj) {
          size_t first = subj->begin;
          for (const auto& p : phrases)
            if (p.group == subj->group) first = std::min(first, p.begin);
          first = skip_det(first);
          const CueEntry* c = first > 0 ? cue_kind(first - 1) : nullptr;
          if (c && c->kind == CueKind::kNegation) {
            rules.push_back(c->rule);
            if (!keep_negated_) { reject("negated (a subject with \"no\")"); continue; }
            drop = true;
          }
        }
      }
      // Violence and protest stand without a known perpetrator (trigger option `actorless`),
      // but a definite verbal noun with no perpetrator («الاغتيال», «المظاهرات») refers back
      // to an event already told or speaks of it in general, and one after «لـ» («للتعذيب»)
      // names a purpose: neither reports a new event.
      // English: a role noun with no country of its own as the subject of a protest or an
      // attack ("thousands of people marched in Caracas", "police fired tear gas in Paris")
      // is of the country of the place the clause names.
      std::optional<Phrase> placed_src, domestic_tgt;
      // (and, setting `place_state_sectors`, a state role noun as the subject of any verb:
      // "police arrested dozens of protesters in Caracas" → VENCOP)
      // (a protest or violence trigger of the CAMEO import, roots of `location_target_roots`,
      // as the hand-written actorless ones: "demonstrators rallied outside the parliament in Tbilisi")
      const bool en_actorless = trig.actorless || ListHas(location_target_roots, trig.cameo.substr(0, 2));
      if (en && !src && (en_actorless || (as_verb && !place_state_sectors.empty())))
        if (const PhraseMatch* role = EnglishBareRoleBefore(v, lex, phrases, tb);
            role && (en_actorless || ListHas(place_state_sectors, lex.agents[role->payload].sector)) &&
            !ListHas(cfg.unattributed_sectors, lex.agents[role->payload].sector)) {  // ("gunmen … in Djibo": no one's)
          const PlaceEntry* pl = nullptr;
          for (const PhraseMatch& pm : v.places)
            if (v.clause[pm.begin] == cl && pm.begin >= te && location_prep_before(pm.begin) && !lex.places[pm.payload].country.empty()) {
              pl = &lex.places[pm.payload];
              break;
            }
          if (pl) {
            placed_src = EnglishRolePhrase(lex, *role, pl->country);
            placed_src->rules.push_back(pl->rule);
            src = &*placed_src;
          }
        }
      // English: an arrest told in the passive with no agent and a place named after it was made
      // by the state of that place ("a French journalist was detained in Tehran" → IRN); so was
      // a grant of asylum ("the former president was granted asylum in Moscow" → RUS).
      if (en && !src && en_passive && as_verb &&
          ((trig.cameo.compare(0, 2, "17") == 0 && trig.cameo.compare(0, 3, "174") != 0) || trig.cameo == "075"))
        for (const PhraseMatch& pm : v.places)
          if (v.clause[pm.begin] == cl && pm.begin >= te && location_prep_before(pm.begin) && !lex.places[pm.payload].country.empty()) {
            placed_src = CountryPhrase(pm.begin, pm.end, lex.places[pm.payload].country);
            placed_src->rules.push_back(lex.places[pm.payload].rule);
            src = &*placed_src;
            rules.push_back(composed.Keep(trig.rule + " (a passive arrest in a place: that place's state made it)"));
            break;
          }
      // English: "talks between Serbia and Kosovo": the actors after "between" are the parties.
      if (en && !src && !as_verb && trig.opt.reciprocal && te + 1 < n && toks[te].norm == "between")
        for (const auto& p : phrases)
          if (p.prep == "between" && skip_det(p.begin) == te + 1) {
            size_t members = 0;
            for (const auto& q : phrases) members += q.group == p.group;
            if (members >= 2) src = &p;
            break;
          }
      // Arabic: a state role noun with no country of its own (sectors of the setting
      // `place_state_sectors`: «الشرطة», «السلطات», «قوات الأمن») as the subject of a verb is the
      // state of the place its clause names: «اعتقلت الشرطة خمسة أشخاص في بيروت» → LBNCOP.
      // (not for a verb of violence: the police are as often its victims, «16 شرطيا خطفوا»,
      // «لسيارات الشرطة فجر نفسه»; violence by unnamed forces stays unattributed)
      if (!en && !src && as_verb && !trig.actorless && !place_state_sectors.empty()) {
        const PhraseMatch* role = nullptr;
        auto state_role = [&](size_t j) {
          if (v.agent_at[j] < 0 || !BareRoleAt(v, phrases, j)) return false;
          const PhraseMatch& am = v.agents[v.agent_at[j]];
          // (not one whose complement names its body: «الموفد الخاص للأمم المتحدة في الصومال»)
          for (size_t q = am.end; q < n && q <= am.end + 1; ++q)
            if (v.actor_at[q] >= 0 && !PrepOfPrefix(v.actors[v.actor_at[q]].prefix).empty()) return false;
          return PrepOfPrefix(am.prefix).empty() && ListHas(place_state_sectors, lex.agents[am.payload].sector);
        };
        for (size_t j = tb; j-- > 0 && v.clause[j] == cl && tb - j <= 3 && !role;)  // before the verb
          if (state_role(j) && !location_prep_before(j) && !prep_before(j).size()) role = &v.agents[v.agent_at[j]];
        for (size_t j = te; j < n && j <= te + 1 && v.clause[j] == cl && !role; ++j)  // right after it
          if (state_role(j)) role = &v.agents[v.agent_at[j]];
        const PlaceEntry* pl = nullptr;
        for (const PhraseMatch& pm : v.places)
          if (role && !pl && v.clause[pm.begin] == cl && (PrepOfPrefix(pm.prefix) == kBa || location_prep_before(pm.begin)) &&
              !lex.places[pm.payload].country.empty())
            pl = &lex.places[pm.payload];
        if (role && pl) {
          placed_src = EnglishRolePhrase(lex, *role, pl->country);
          placed_src->rules.push_back(pl->rule);
          placed_src->rules.push_back("ar/settings.tsv:place_state_sectors");
          src = &*placed_src;
        }
      }
      // (an act that a topic word after it turns into another root of the setting
      // `background_clause_roots`, violence or protest, stands without its source as they do:
      // «احتجزوا أربعة من الشرطة رهائن» is a hostage-taking, `if=hostage:181`)
      bool violent_by_topic = false;
      for (const auto& q : trig.qualifiers)
        if (!en && ListHas(background_clause_roots, std::string_view(q.cameo).substr(0, 2)) &&
            std::string_view(q.cameo).substr(0, 2) != std::string_view(trig.cameo).substr(0, 2))
          for (const PhraseMatch& cm : v.cues)
            violent_by_topic |= cm.begin >= te && v.clause[cm.begin] == cl && lex.cues[cm.payload].kind == CueKind::kTopic &&
                                lex.cues[cm.payload].topic == q.topic;
      // Arabic (option `first_person`): a first-person verb («ندعم», «نرفض») quoted after a speaker and a colon is the
      // speaker's act: «وزير الخارجية البريطاني لـ«الشرق الأوسط»: ندعم التحالف», «وقال الوزير:
      // "ندين الهجوم"» — the speaker is the last actor before the colon, not after a preposition.
      // (the actor after such a verb is its object, never its subject: «we» act)
      if ((!src || src->begin >= te) && !en && as_verb && trig.opt.first_person) {  // option `first_person`
        src = nullptr;
        size_t colon = SIZE_MAX;
        for (size_t j = tb; j-- > 0;) {
          if (toks[j].kind != TokenKind::kPunct) break;
          if (toks[j].norm == ":") { colon = j; break; }
        }
        if (colon != SIZE_MAX)
          for (const auto& p : phrases)
            if (p.end <= colon && p.prep.empty() && !p.country.empty()) src = &p;
        if (src) rules.push_back(composed.Keep(trig.rule + " (first person after a speaker and «:»)"));
      }
      // Arabic: a headline's kicker, a state named before a colon at its start («تونس: القبض على
      // عشرة أشخاص», «الإمارات: إحالة 41 متهما»), is the state that does what a verbal noun of the
      // codes of the setting `own_target_codes` tells (arrests, referrals, closures, releases);
      // of other acts it is only the place («سوريا: مقتل 20 في غارة»).
      if (!src && !en && !as_verb && headline && !trig.actorless &&
          std::any_of(cfg.own_target_codes.begin(), cfg.own_target_codes.end(),
                      [&](const std::string& c) { return trig.cameo.compare(0, c.size(), c) == 0; }))
        for (const auto& p : phrases)
          if (p.begin == 0 && p.end < tb && p.prep.empty() && p.code == p.country && p.country.size() == 3 &&
              toks[p.end].kind == TokenKind::kPunct && toks[p.end].norm == ":") {
            src = &p;
            rules.push_back(composed.Keep(trig.rule + " (a state before the headline's colon)"));
            break;
          }
      // English: a noun joined by "and" to a noun of the same root coded just before it in its
      // sentence shares that event's source ("placing a tariff on X and a 10 percent duty on Y").
      if (en && !src && !as_verb && last_source && !events->empty() && events->back().doc_id == doc.id &&
          events->back().sentence_index == si && events->back().root == trig.cameo.substr(0, 2)) {
        size_t j = tb;
        while (j > 0 && tb - j < 5 && toks[j - 1].kind != TokenKind::kPunct && v.trig_at[j - 1] < 0 && v.actor_at[j - 1] < 0 &&
               !(cue_kind(j - 1) && cue_kind(j - 1)->kind == CueKind::kCoordinator))
          --j;
        if (j > 0 && cue_kind(j - 1) && cue_kind(j - 1)->kind == CueKind::kCoordinator && toks[j - 1].norm == "and") {
          src = last_source;
          rules.push_back(composed.Keep(trig.rule + " (joined by \"and\" to the act before it: its source)"));
        }
      }
      if (!src && !trig.actorless && !violent_by_topic) { reject("no source actor found"); continue; }
      // English: after "the"/"this"/a possessive, or after a preposition ("accused India of
      // shelling"), a noun with no perpetrator of its own is a back-reference or a complement.
      // (English: "a", "an" and the counts of `topic:indefinite` — "two", "dozens of" — are no definite determiners)
      auto en_indefinite_det = [&](size_t d) {
        if (IsIndefiniteArticle(toks[d].norm)) return true;
        // (a date's possessive dates a new event: "Tuesday's airstrike on a market")
        for (const auto& dm : dates)
          if (dm.tok_end == d + 1 || (dm.tok_end == d && (toks[d].norm == "'s" || toks[d].norm == "'"))) return true;
        return AnyCueOfTopic(v, lex, TOPIC("indefinite"), [&](const PhraseMatch& cm) { return cm.begin == d; });
      };
      const bool en_definite = en && ((det_start[tb] >= 0 && !en_indefinite_det(static_cast<size_t>(det_start[tb]))) ||
                                      (tb > 0 && cue_kind(tb - 1) && cue_kind(tb - 1)->kind == CueKind::kPreposition));
      // It does report one as the object of a light verb («شن المسلحون الهجوم», «نفذوا عملية
      // الخطف»), and after «تعرض لـ» (to suffer: «تعرضت القافلة لهجوم») «لـ» is no purpose.
      auto topic_at = [&](size_t j, const std::string& topic) {
        for (const PhraseMatch& cm : v.cues)
          if (cm.begin == j && lex.cues[cm.payload].kind == CueKind::kTopic && lex.cues[cm.payload].topic == topic) return true;
        return false;
      };
      bool reported = false;
      for (size_t j = tb; !en && j-- > 0 && tb - j <= 3 && v.clause[j] == cl && !reported;)
        reported = (cue_kind(j) && cue_kind(j)->kind == CueKind::kLightVerb) ||
                   (PrepOfPrefix(tm.prefix) == kLam && topic_at(j, undergo_topic));
      // (a count of them before «من» picks some out: «اثنين من التفجيرات وقعا في سوق» reports them)
      if (!en && !reported && HasArticle(tm.prefix) && tb >= 2 && toks[tb - 1].norm == kMin && counted_before(tb - 1))
        reported = true;
      // (and so does a relative clause naming who carried it out: «الهجوم الأكثر دموية الذي
      // نفذته طالبان», «الهجوم الذي شنه مسلحون على»)
      for (size_t j = te; !en && !reported && !src && HasArticle(tm.prefix) && j < n && j <= te + 3; ++j) {
        if (toks[j].kind == TokenKind::kPunct || v.trig_at[j] >= 0) break;
        const CueEntry* rel = cue_kind(j);
        if (!rel || rel->kind != CueKind::kRelative) continue;
        const CueEntry* lv = cue_kind(j + 1);
        if (lv && lv->kind == CueKind::kLightVerb)
          for (const auto& p : phrases)
            if (!src && p.begin == v.cues[v.cue_at[j + 1]].end && p.prep.empty()) {
              src = &p;  // (who carried it out is its source)
              reported = true;
            }
        break;
      }
      if (!src && !as_verb && !reported && (HasArticle(tm.prefix) || PrepOfPrefix(tm.prefix) == kLam || en_definite)) {
        reject("definite or purpose noun with no perpetrator: a back-reference or topic");
        continue;
      }
      // A count of ten or more before a verbal noun is a tally of many acts, not one event
      // («وقوع 199 هجوما خلال تسعة أشهر»).
      // (a year that ends a date is no count: «24 مارس 2001 مقتل شرطيين»)
      bool year_before = false;
      for (const auto& d : dates) year_before |= tb > 0 && d.tok_begin < tb && d.tok_end >= tb && d.tok_end - 1 == tb - 1;
      if (!as_verb && !en && tb > 0 && toks[tb - 1].kind == TokenKind::kNumber && !year_before) {
        long count = 0;
        for (char ch : toks[tb - 1].norm) count = (ch >= '0' && ch <= '9' && count < 1000000) ? count * 10 + (ch - '0') : count;
        if (count >= 10) {
          reject("a tally of ten or more acts: statistics, not an event");
          continue;
        }
      }
      // ... nor does one framed as background: «في أعقاب هجوم», «بتهمة قتل», «محاولات اغتيال».
      // The frame decides whatever the noun's genitive («منذ اغتيال الرئيس»), and a noun joined
      // by «و» to a framed one shares its frame («عمليات اختطاف وتعذيب»).
      if (!as_verb && tb > 0 && (!src || !en || src->end != tb)) {  // (English: "said their fighters answered earlier raids")
        // (an opening quote mark may stand between the frame and its noun: «بعد "يوم غضب"»)
        const bool quoted = !en && tb > 1 && toks[tb - 1].kind == TokenKind::kPunct &&
                            (toks[tb - 1].norm == "\"" || toks[tb - 1].norm == "\xC2\xAB" || toks[tb - 1].norm == "\xE2\x80\x9C");
        const size_t fe = quoted ? tb - 1 : tb;  // where the frame ends
        const CueEntry* c = cue_kind(fe - 1);
        if (c && !en && undergone(fe - 1)) c = nullptr;
        if (!c) {  // the frame word may be a multiword cue ending right before the trigger
          for (const PhraseMatch& cm : v.cues)
            if (cm.end == fe) c = &lex.cues[cm.payload];
        }
        // (but «جاء ذلك بعد محادثات أجراها …»: the news an article's statement followed is
        // news too — a background cue right after a phrase of the cue topic `news_frame`)
        if (c && c->kind == CueKind::kBackground && !en) {
          size_t fb = fe - 1;
          for (const PhraseMatch& cm : v.cues)
            if (cm.end == fe && &lex.cues[cm.payload] == c) fb = cm.begin;
          for (const PhraseMatch& cm : v.cues)
            if (cm.end == fb && lex.cues[cm.payload].kind == CueKind::kTopic && lex.cues[cm.payload].topic == "news_frame") c = nullptr;
          // (a series that a light verb before it in its clause launched is news: «شنت مقاتلات
          // التحالف سلسلة غارات على القاعدة» — cue topic `series`, not «سلسلة تفجيرات شهدتها»)
          const bool series = AnyCueOfTopic(v, lex, TOPIC("series"), [&](const PhraseMatch& cm) { return cm.begin == fb; });
          for (size_t j = fb; series && c && j-- > 0 && v.clause[j] == cl && fb - j <= 6;) {
            const CueEntry* lc = cue_kind(j);
            if (lc && lc->kind == CueKind::kLightVerb) c = nullptr;
          }
        }
        // (a frame before «تعرض لـ» frames what was suffered: «إثر تعرضه لعملية تفجير», «بعد
        // تعرضه للتعذيب»; and one before a first conjunct that is no trigger frames the list:
        // «حالات اغتصاب وتعذيب»)
        auto background_ends_at = [&](size_t j) {
          for (const PhraseMatch& cm : v.cues)
            if (cm.end == j && lex.cues[cm.payload].kind == CueKind::kBackground) return true;
          return false;
        };
        if (!(c && c->kind == CueKind::kBackground) && !en) {
          bool framed = false;
          for (size_t j = tb; j-- > 0 && tb - j <= 3 && v.clause[j] == cl && !framed;) {
            if (toks[j].kind == TokenKind::kPunct) break;
            if (topic_at(j, undergo_topic)) {
              framed = background_ends_at(j);
              // (unless harm told before it is what the act caused: «لقي جندي حتفه إثر تعرضه
              // لهجوم» reports the attack; the setting `harm_topic`)
              for (const PhraseMatch& cm : v.cues)
                framed &= !(cm.end <= j && !cfg.harm_topic.empty() && lex.cues[cm.payload].kind == CueKind::kTopic &&
                            lex.cues[cm.payload].topic == cfg.harm_topic);
              break;
            }
          }
          if (!framed && HasConj(tm.prefix) && tb >= 2 && v.trig_at[tb - 1] < 0 && v.cue_at[tb - 1] < 0 &&
              toks[tb - 1].kind == TokenKind::kWord && v.clause[tb - 1] == cl)
            framed = background_ends_at(tb - 1);
          if (framed) {
            framed_end[te] = bg_end[te] = true;
            reject("framed as background (a frame noun before it)");
            continue;
          }
        }
        // (a noun joined by «و» to one that codes no event shares its reading: «الاغتيالات وقصف المنازل»)
        if ((c && c->kind == CueKind::kBackground) || (HasConj(tm.prefix) && (framed_end[tb] || rejected_noun_end[tb]))) {
          framed_end[te] = bg_end[te] = true;
          reject("framed as background (a frame noun before it)");
          continue;
        }
        // ... and so is the means or place of an act that codes no event, in its noun phrase:
        // «أعلن مسؤوليته عن مقتل المئات في هجمات انتحارية», «منذ اغتياله بسيارة مفخخة» (unless
        // a light verb right after it tells more of it: «في هجوم شنه متمردون»).
        const bool told_after = te < n && cue_kind(te) && cue_kind(te)->kind == CueKind::kLightVerb;
        if (!src && !told_after && (PrepOfPrefix(tm.prefix) == kBa || toks[tb - 1].norm == kFi)) {
          bool shares = false;
          const size_t from = PrepOfPrefix(tm.prefix) == kBa ? tb : tb - 1;
          for (size_t j = from; j > 0 && from - j <= 6 && !shares; --j) {
            shares = rejected_noun_end[j];
            if (toks[j - 1].kind == TokenKind::kPunct || v.clause[j - 1] != cl) break;
            if (!shares && v.trig_at[j - 1] >= 0 && used_as_verb(v.trigs[v.trig_at[j - 1]])) break;
          }
          if (shares) {
            framed_end[te] = true;
            reject("the means or place of an act in its noun phrase that codes no event");
            continue;
          }
        }
      }
      // English: the frame may stand before the noun's determiner and premodifier ("in
      // retaliation for the U.S. drone strike").
      if (en && !as_verb && src && src->end == tb) {
        const size_t b = skip_det(src->begin);
        bool framed = false;
        for (const PhraseMatch& cm : v.cues) framed |= cm.end == b && lex.cues[cm.payload].kind == CueKind::kBackground;
        if (framed) {
          reject("framed as background (a frame before the noun phrase)");
          continue;
        }
      }
      // Arabic: an adverbial trigger (option `adverb`, «احتجاجا») in a clause whose event of the
      // same root was coded before it tells how or why that act was done («تظاهر المئات في رام
      // الله احتجاجا على …»): one protest, not a second one with the place as protester.
      if (!en && trig.opt.adverb && clause_coded[cl]) {
        bool same_root = false;
        for (size_t k = events->size(); k-- > 0 && (*events)[k].doc_id == doc.id && (*events)[k].sentence_index == si;)
          same_root |= (*events)[k].root == std::string_view(trig.cameo).substr(0, 2);
        if (same_root) { reject("the manner of an event of its root coded before it in its clause"); continue; }
      }
      // English: a violence noun after a word of the cue topic `means` ("in", "during") in a
      // clause whose violence verb was coded tells how that act was done ("killed three men in a
      // strike on a car", "were killed in an Israeli air raid"): one event, coded on the verb.
      // (so is one after an arrest: "arrested 300 people in raids on …")
      if (en && !as_verb && clause_coded[cl] && (trig.cameo.compare(0, 2, "18") == 0 ||
                                                 trig.cameo.compare(0, 2, "19") == 0 || trig.cameo.compare(0, 2, "20") == 0)) {
        size_t b = src && src->end == tb ? src->begin : tb;
        for (int k = 0; k < 2 && b > 0 && det_start[b] < 0 && (PlainEnglishWord(v, lex, b - 1) || v.agent_at[b - 1] >= 0); ++k)
          --b;  // "a deadly attack", "a militant attack"
        b = skip_det(b);
        const bool means = b > 0 && AnyCueOfTopic(v, lex, TOPIC("means"), [&](const PhraseMatch& cm) { return cm.end == b; });
        bool violent_verb = false;  // (a violence verb coded before it in its clause)
        for (size_t k = events->size(); k-- > 0 && (*events)[k].doc_id == doc.id && (*events)[k].sentence_index == si;)
          violent_verb |= (*events)[k].root == "17" || (*events)[k].root == "18" || (*events)[k].root == "19" || (*events)[k].root == "20";
        // (not a symmetric act with its other side after "with": "killed in a clash with X" is
        // a clash between the victims' side and X)
        const bool other_side = trig.opt.reciprocal && src && ((te < n && toks[te].norm == "with") || toks[te - 1].norm == "with");
        if (means && violent_verb && !other_side) {
          reject("the means of the violent act before it in its clause (English)");
          continue;
        }
      }

      // target
      const Phrase* tgt = passive_target ? passive_target : genitive_target;
      if (reciprocal) tgt = src;
      size_t after = std::max(te, src && src->begin >= te && !src_after_complement ? src->end : te);
      if (en && !as_verb) after = te;  // English: "the killing of X by Y" (the source's group is skipped below)
      // English: a noun whose verb tells what it did ("Israeli airstrikes hit Gaza") takes the
      // verb's object as its target; the verb itself is no second event (below).
      bool noun_via_verb = false;
      if (en && !as_verb && te < n && v.trig_at[te] >= 0 && used_as_verb(v.trigs[v.trig_at[te]])) {
        after = v.trigs[v.trig_at[te]].end;
        noun_via_verb = true;
      }
      // English: a verb with no object of its own before "and" and another verb shares that
      // verb's object ("protesters stormed and set fire to the embassy").
      size_t obj_at = te;
      if (en && as_verb && !tgt && te + 1 < n && cue_kind(te) && cue_kind(te)->kind == CueKind::kCoordinator &&
          v.trig_at[te + 1] >= 0 && v.trigs[v.trig_at[te + 1]].begin == te + 1 && used_as_verb(v.trigs[v.trig_at[te + 1]]) &&
          after == te)
        after = obj_at = v.trigs[v.trig_at[te + 1]].end;
      const Phrase* fallback = nullptr;
      // The target search stops at the next verb trigger, negation or light verb in the clause.
      size_t stop = n;
      for (size_t j = after; j < n && stop == n; ++j) {
        if (v.clause[j] != cl) stop = j;
        // (English: ", and" with no actor since the trigger ends its object; after one, it ends
        // a list: "condemned the raid, and Nicaragua …" — "condemned Norway, Sweden, and Iran")
        else if (en && is_comma(j) && j + 1 < n && cue_kind(j + 1) && cue_kind(j + 1)->kind == CueKind::kCoordinator &&
                 std::none_of(phrases.begin(), phrases.end(), [&](const auto& p) { return p.begin >= after && p.begin < j; }))
          stop = j;
        else if (v.trig_at[j] >= 0 && v.trigs[v.trig_at[j]].begin != tb && used_as_verb(v.trigs[v.trig_at[j]]) &&
                 !(en && trig.opt.reciprocal && j > after && std::any_of(v.cues.begin(), v.cues.end(), [&](const PhraseMatch& cm) {
                   return cm.end == j && IsTopic(&lex.cues[cm.payload], TOPIC("to_infinitive"));
                 })))
          stop = j;  // (English: not a verb of purpose after a symmetric act, whose partner follows it:
                     // "signed agreements to establish full relations with X" — topic:to_infinitive)
        else if (const CueEntry* c = cue_kind(j); c && (c->kind == CueKind::kNegation || (c->kind == CueKind::kLightVerb && !en)))
          stop = j;  // (a light verb starts a predication of its own: «في هجوم شنه مسلحون»)
      }
      // Arabic: an act on words (cue topic `statement`: «تصريحات», «اتهامات», «بيان») right after
      // the trigger is an act on their author, the actor at most four words after them, bare or
      // after «لـ»: «ترفض تصريحات المالكي ضد السعودية» → Maliki, «رفضه للتصريحات غير المسؤولة
      // لنائب الرئيس العراقي» → Iraq's vice-president (not whom the words were about).
      if (!en && !tgt && !en_passive && !trig.actorless)  // (not violence or protest: «احتجاجا على تصريحات»)
        for (const PhraseMatch& cm : v.cues) {
          if (tgt || cm.begin < after || cm.begin > after + 1 || cm.begin >= stop || v.clause[cm.begin] != cl ||
              lex.cues[cm.payload].kind != CueKind::kTopic || lex.cues[cm.payload].topic != "statement" ||
              (cm.begin > 0 && toks[cm.begin - 1].norm == kFi))  // (not the medium: «ندد في بيان أصدره مكتبه»)
            continue;
          for (const auto& p : phrases)
            if (!tgt && p.begin >= cm.end && p.begin <= cm.end + 4 && p.begin < stop && (p.prep.empty() || p.prep == kLam) &&
                !(src && p.group == src->group))
              tgt = &p;
          if (tgt) rules.push_back(lex.cues[cm.payload].rule);
        }
      // A verb whose object is a pronoun suffix («قدمته») takes its target only through a preposition.
      bool object_is_pronoun = as_verb && !tm.suffix.empty();
      // (English: the actors of a saying after the act are its speakers, no target: "Russia was
      // behind the attack, Washington and London say")
      auto speaker_group = [&](const Phrase& p) {
        size_t e = p.end;
        for (const auto& q : phrases) if (q.group == p.group) e = std::max(e, q.end);
        return en && e < n && cue_kind(e) && cue_kind(e)->kind == CueKind::kComplementizer && p.begin > 0 && is_comma(skip_det(p.begin) - 1);
      };
      bool own_agent = false;  // (English: a threat's own country skipped as the agent of the act it threatens)
      for (const auto& p : phrases) {
        if (tgt || en_passive) break;  // the passive already gave the target
        if (p.begin < after || (src && p.group == src->group)) continue;
        if (speaker_group(p)) break;
        // (an actor with the source's own code is the source again, in apposition: «خادم الحرمين
        // الشريفين الملك سلمان»; an event between the two would be dropped below: look further,
        // counting the distance from its end)
        // (English sets appositions off before the verb: an object with the subject's code is a
        // domestic target — "Myanmar's junta sentenced Aung San Suu Kyi")
        if (src && !en && !p.code.empty() && p.code == src->code) { after = std::max(after, p.end); continue; }
        // (English: the threatener's own country after a threat is the agent of the act it
        // threatens, not its target: "Netanyahu warned that Israel would strike Hezbollah" → the
        // actor after it)
        if (en && src && trig.cameo.compare(0, 2, "13") == 0 && p.prep.empty() && p.sector.empty() && p.code == p.country &&
            p.country == src->country) {
          after = std::max(after, p.end);
          own_agent = true;
          continue;
        }
        if (p.begin >= stop || p.begin - after > 12) break;
        // (Arabic: the nationality of another noun trigger between, right after it or its
        // adjective, is that act's author, no target: «قتل عشرون مسلحا في غارات جوية عراقية»)
        if (!en && p.prep.empty() && p.sector.empty() && p.code == p.country) {
          bool nationality = false;
          for (const PhraseMatch& m2 : v.trigs)
            nationality |= m2.begin != tb && m2.begin >= after && m2.end <= p.begin && p.begin - m2.end <= 1 &&
                           !used_as_verb(m2);
          if (nationality) continue;
        }
        bool prep_ok = trig.target_preps.empty()
                           ? p.prep != kFi && !(object_is_pronoun && p.prep.empty())  // not «في» (a location)
                           : std::find(trig.target_preps.begin(), trig.target_preps.end(), p.prep) !=
                                 trig.target_preps.end();
        // English: a verb's direct object, or an actor after one of its target prepositions.
        if (en)
          prep_ok = (noun_via_verb && p.prep.empty()) ||
                    (as_verb && !trig.opt.prep_target && (p.prep.empty() || skip_det(p.begin) == obj_at)) ||  // "commented on X": the
                                                                                  // preposition is the trigger's
                    std::find(trig.target_preps.begin(), trig.target_preps.end(), p.prep) != trig.target_preps.end();
        if (prep_ok) { tgt = &p; break; }
        if (p.prep.empty() && !fallback && as_verb && !object_is_pronoun && !(en && trig.opt.prep_target)) fallback = &p;
      }
      if (!tgt) tgt = fallback;
      // (the target of such a threat is the object of the verb of the act it threatens, right after
      // it: "warned that Israel would strike Hezbollah")
      if (en && !tgt && own_agent && stop < n && v.trig_at[stop] >= 0 && v.clause[stop] == cl) {
        const size_t ve = v.trigs[v.trig_at[stop]].end;
        for (const auto& p : phrases)
          if (!tgt && p.begin >= ve && p.begin <= ve + 2 && p.prep.empty() && v.clause[p.begin] == cl && !(src && p.group == src->group))
            tgt = &p;
      }
      // English: "him"/"her" right after a verb is a person named before it in its sentence (the
      // last one, not of the subject's group): "Morales landed … after Mexico granted him asylum".
      if (en && !tgt && as_verb && te < n && ListHas(cfg.object_person_pronouns, toks[te].norm))
        for (const auto& p : phrases)
          if (p.end <= tb && !p.name.empty() && !(src && p.group == src->group) && p.prep.empty() &&
              !(cue_kind(p.end) && cue_kind(p.end)->kind == CueKind::kComplementizer))  // (not the speaker)
            tgt = &p;
      // English: a split verb phrase (option object=) whose object noun is followed by a relative
      // clause naming where it applied takes the actor after a target preposition there: "lifted
      // the sanctions that it imposed on Sudan", "eased the embargo it had placed on Cuba".
      if (en && !tgt && as_verb && !trig.opt.object.empty() && object_after(tm) != SIZE_MAX) {
        const size_t ob = object_after(tm);
        for (const auto& p : phrases) {
          if (p.begin <= ob || p.begin > ob + 8 || (src && p.group == src->group)) continue;
          bool comma = false;
          for (size_t j = ob; j < p.begin; ++j) comma |= toks[j].kind == TokenKind::kPunct;
          if (comma) break;
          if (std::find(trig.target_preps.begin(), trig.target_preps.end(), p.prep) != trig.target_preps.end()) { tgt = &p; break; }
        }
      }
      // Arabic headline style: a subject before a verb of meeting or talks and an actor joined by
      // «و» right after the verb is the other party («ولي العهد يبحث ووزير الخارجية المصري …»):
      // a verb with `target=مع` reads that «و» as «with».
      if (!en && !tgt && as_verb && src && src->end <= tb && te < n &&
          std::find(trig.target_preps.begin(), trig.target_preps.end(), kMaa) != trig.target_preps.end()) {
        const PhraseMatch* m = v.actor_at[te] >= 0 ? &v.actors[v.actor_at[te]] : v.agent_at[te] >= 0 ? &v.agents[v.agent_at[te]] : nullptr;
        if (m && HasConj(m->prefix) && PrepOfPrefix(m->prefix).empty())
          for (const auto& p : phrases)
            if (p.begin == te && p.group != src->group) tgt = &p;
      }
      // English: the object of an arrest or another coercive act (root 17) that is a role noun
      // with no country of its own is of the source's country ("Turkish authorities detained
      // 2,800 soldiers").
      // (not an expulsion, 174: who is expelled is foreign — "expelled 23 diplomats")
      const bool en_domestic_root = trig.cameo.compare(0, 2, "17") == 0 && trig.cameo.compare(0, 3, "174") != 0;
      if (en && !tgt && as_verb && !en_passive && src && !src->country.empty() && en_domestic_root)
        if (const PhraseMatch* role = EnglishBareRoleAfter(v, lex, phrases, te, stop); role) {
          domestic_tgt = EnglishRolePhrase(lex, *role, src->country);
          tgt = &*domestic_tgt;
        }
      // ... and so is the subject of such a passive ("two journalists were arrested by Turkish police").
      if (en && !tgt && as_verb && en_passive && src && !src->country.empty() && en_domestic_root) {
        size_t b = tb;
        while (b > 0 && ((cue_kind(b - 1) && cue_kind(b - 1)->kind == CueKind::kPassiveAux) ||
                         ListHas(cfg.perfect_auxiliaries, toks[b - 1].norm)))
          --b;  // ("24 people had been arrested")
        if (const PhraseMatch* role = EnglishBareRoleBefore(v, lex, phrases, b); role) {
          domestic_tgt = EnglishRolePhrase(lex, *role, src->country);
          tgt = &*domestic_tgt;
        }
      }
      // Option `self_target`: an act on the source's own country ("declared martial law").
      if (!tgt && src && !src->country.empty() && trig.opt.self_target) {
        domestic_tgt = CountryPhrase(src->begin, src->end, src->country);
        tgt = &*domestic_tgt;
      }
      // English: the coordinated subject of a symmetric act (trigger option `reciprocal`: meet,
      // sign an agreement, clash) with no target acts on each other ("Colombia and FARC rebels
      // signed a peace accord", "Putin and Xi met"), as do the actors of "talks between A and B".
      // (`reciprocal` may already be set above: the Arabic sides after «بين»)
      // (Arabic too, and for the CAMEO codes of the setting `reciprocal_codes`: «وقعت السعودية
      // وفرنسا اتفاقية», «اجتمع الرئيسان المصري والفرنسي»)
      if (src && !tgt && (trig.opt.reciprocal || (!en && ListHas(reciprocal_codes, trig.cameo)))) {
        size_t members = 0;
        for (const auto& p : phrases) members += p.group == src->group;
        // (Arabic: two or three parties; a longer list is a tournament or a conference, not a
        // meeting between them: «يلتقي البحرين والجزائر والإمارات والكويت …»)
        reciprocal = members >= 2 && (en || members <= 3);
      }
      // (checked after the location: a root of the setting `location_recipient_roots` takes its
      // location's country as target: «حطت طائرة مساعدات سعودية في مطار عدن»)
      // English: a verb that refers to an event (option `refers`) whose object is an event noun
      // with no perpetrator named acts on whoever did it: "X condemned the bombing" is an event
      // with no target, not none.
      // The event it refers to, when the article told it before (of the noun's root; violence,
      // roots 18-20, as one), has its perpetrator as the target: "Israel struck Gaza … Turkey
      // condemned the attack" → ISR.
      bool refers_event = false;
      // (and so does one whose event noun stands before it as the antecedent of its relative
      // clause, its subject between: "… struck a compound in Doha, an attack that Qatar denounced
      // as state terrorism")
      auto antecedent_of = [&](const PhraseMatch& o) {
        return src && src->end == tb && src->prep.empty() && o.end + 1 == src->begin && cue_kind(o.end) &&
               cue_kind(o.end)->kind == CueKind::kRelative && lex.TriggerIsNoun(o.payload) && !used_as_verb(o);
      };
      if (en && !tgt && as_verb && trig.opt.refers)
        for (const PhraseMatch& o : v.trigs)
          if (!refers_event && ((o.begin >= te && o.begin <= te + 3 && v.clause[o.begin] == cl && lex.TriggerIsNoun(o.payload) &&
                                 !used_as_verb(o) &&
                                 std::none_of(phrases.begin(), phrases.end(), [&](const auto& p) { return p.begin >= te && p.begin < o.end; })) ||
                                antecedent_of(o))) {
            refers_event = true;
            auto family = [](std::string_view r) { return r == "18" || r == "19" || r == "20" ? std::string_view("18") : r; };
            const std::string_view root = family(std::string_view(lex.triggers[o.payload].cameo).substr(0, 2));
            // (a violence noun with no violence told before names a forcible act told as another
            // root: a seizure by force, 171, a violent repression, 175, or a riot, 145 — "police
            // stormed the embassy … condemned the raid" → the police; not an arrest or a curfew)
            // (not when violence was told with no perpetrator: its author is unknown)
            bool found = false;
            for (int pass = 0; pass < 2 && !found && (pass == 0 || root == "18"); ++pass)
            for (size_t k = events->size(); k-- > 0 && (*events)[k].doc_id == doc.id;) {
              const Event& e = (*events)[k];
              if (pass == 0 ? family(e.root) != root : e.cameo != "171" && e.cameo != "175" && e.cameo != "145") continue;
              if (e.source.country.empty()) {  // (one told with no perpetrator: an earlier one may name it)
                found |= pass == 0 && e.source.code.empty();
                continue;
              }
              found = true;
              if (!(src && e.source.code == src->code)) {
                domestic_tgt = ActorPhrase(e.source, o.begin, o.end);
                tgt = &*domestic_tgt;
                rules.push_back(composed.Keep(trig.rule + " (the perpetrator of the event it refers to, told before)"));
              }
              break;
            }
            // (a coup, an act on its own country — option self_target — told of no perpetrator
            // before: the country of the story's dateline, "LIBREVILLE — … France condemned the coup")
            if (!tgt && lex.triggers[o.payload].opt.self_target && !dateline_country.empty() &&
                !(src && src->country == dateline_country)) {
              domestic_tgt = CountryPhrase(o.begin, o.end, dateline_country);
              tgt = &*domestic_tgt;
              rules.push_back(composed.Keep(trig.rule + " (an act on its own country: the country of the story's dateline)"));
            }
          }
      // English: so does a general noun that names an act told before (topic:reference_noun right
      // after the verb or its determiner: "Pakistan condemned the move as illegal", "France condemned
      // the takeover"): its target is the party of the article's last event before it (of any root)
      // that is not the subject's own.
      if (en && !tgt && !refers_event && as_verb && trig.opt.refers && te < n) {
        size_t j = te;
        // ("condemned what it called an open war on …": the speaker's own name for the act)
        j = WordPhraseEnd(cfg.naming_phrases, toks, j);  // (setting `naming_phrases`)
        if (const CueEntry* c = cue_kind(j); c && c->kind == CueKind::kDeterminer) j = v.cues[v.cue_at[j]].end;
        auto reference_at = [&](size_t q) {  // (a word may carry several topics: "war" is `force` too)
          return AnyCueOfTopic(v, lex, TOPIC("reference_noun"), [&](const PhraseMatch& cm) { return cm.begin == q; });
        };
        // (past one adjective: "an open war", "the latest move")
        const CueEntry* adj = j < n ? cue_kind(j) : nullptr;
        if (j + 1 < n && !reference_at(j) && reference_at(j + 1) && toks[j].kind == TokenKind::kWord &&
            !(adj && (adj->kind == CueKind::kPreposition || adj->kind == CueKind::kLocationPrep || adj->kind == CueKind::kDeterminer ||
                      adj->kind == CueKind::kComplementizer || adj->kind == CueKind::kRelative)) &&
            v.trig_at[j] < 0 && v.actor_at[j] < 0)
          ++j;
        if (j < n && v.clause[j] == cl && reference_at(j) && v.actor_at[j] < 0 && v.trig_at[j] < 0) {
          for (size_t k = events->size(); k-- > 0 && (*events)[k].doc_id == doc.id;) {
            const Event& e = (*events)[k];
            if (e.source.country.empty() || (src && e.source.country == src->country)) continue;
            domestic_tgt = ActorPhrase(e.source, j, j + 1);
            tgt = &*domestic_tgt;
            refers_event = true;  // (none told before: no target, no event)
            rules.push_back(composed.Keep(trig.rule + " (the party of the act it names, told before)"));
            break;
          }
        }
      }
      // English: a `refers` verb in an object relative clause on a noun in apposition to the act told
      // before it ("Turkish jets bombed a village, an attack that Baghdad condemned"; "…, a move that
      // the opposition denounced as a coup"): the relative pronoun is its object, so its target is
      // the party of that act — the source of the sentence's last event told before the apposition.
      if (en && !tgt && as_verb && trig.opt.refers && ((!en_passive && src && src->begin < tb) || (appo_participle && src))) {
        size_t cs = tb;
        while (cs > 0 && v.clause[cs - 1] == cl) --cs;
        bool appo = appo_participle;  // (", a/an [one word] NOUN" right before the pronoun, and the subject after it)
        // (a relative pronoun that opens the sentence has no apposition before it)
        if (cs > 0 && cue_kind(cs) && cue_kind(cs)->kind == CueKind::kRelative && src->begin > cs)
          for (size_t j = cs - 1; j > 0 && j + 5 > cs; --j)
            if (toks[j].kind == TokenKind::kPunct) {
              appo = toks[j].norm == "," && j + 2 < cs && IsIndefiniteArticle(toks[j + 1].norm);
              break;
            }
        for (size_t k = events->size(); appo && k-- > 0 && (*events)[k].doc_id == doc.id && (*events)[k].sentence_index == si;) {
          const Event& e = (*events)[k];
          if (e.source.country.empty() || e.source.code == src->code) continue;
          domestic_tgt = ActorPhrase(e.source, cs, cs + 1);
          tgt = &*domestic_tgt;
          refers_event = true;
          rules.push_back(composed.Keep(trig.rule + " (in a relative clause on an apposition to the act before it: that act's perpetrator)"));
          break;
        }
      }
      // English: a condemnation or rejection (roots 11, 12) of a coup with no target named ("the
      // African Union condemned the coup attempt") is aimed at the country where it happened — a
      // coup is its own soldiers' (setting `coup_words`, a word of the trigger or at most three
      // words after it): the story's home country, else the country it names most.
      if (en && !tgt && !reciprocal && (trig.cameo.compare(0, 2, "11") == 0 || trig.cameo.compare(0, 2, "12") == 0) &&
          !cfg.coup_words.empty()) {
        bool coup = false;
        for (size_t q = tb; q < n && q < te + 3 && v.clause[q] == cl && !coup; ++q) coup = ListHas(cfg.coup_words, toks[q].norm);
        const std::string country = coup ? (domestic ? home_country : most_named()) : std::string();
        if (!country.empty() && !(src && src->country == country)) {
          domestic_tgt = CountryPhrase(tb, te, country);
          tgt = &*domestic_tgt;
          rules.push_back("en/settings.tsv:coup_words (a coup with no perpetrator named: the story's country)");
        }
      }
      // English: a demand (setting `open_demand_triggers`) with no addressee named ("nine countries
      // demanded a full review of the count", "protesters demanded an inquiry") is made of the
      // authorities of the country the story is about: the home country of a one-country story
      // (its own people's demand too), else the country it names most, not the demander's own.
      if (en && !tgt && !reciprocal && !refers_event && src && !src->country.empty() &&
          ListHas(cfg.open_demand_triggers, trig.id)) {
        const std::string country = domestic ? home_country : most_named();
        if (!country.empty() && (domestic || src->country != country)) {
          domestic_tgt = CountryPhrase(tb, te, country);
          tgt = &*domestic_tgt;
          rules.push_back("en/settings.tsv:open_demand_triggers (no addressee named: the story's country)");
        }
      }
      // English: humanitarian aid (root 07, a word of the cue topic `humanitarian` in its clause)
      // whose recipient is not named, in a story datelined in another country, went to the
      // dateline's country ("KATHMANDU — … Pakistan dispatched four transport planes with a field
      // hospital"; not "provided support for the operation": military aid names its side).
      const bool relief = AnyCueOfTopic(v, lex, TOPIC("humanitarian"), [&](const PhraseMatch& cm) { return v.clause[cm.begin] == cl; });
      // (and so does a visit with no destination named: "ASMARA — … Abiy arrived on Sunday for the
      // first visit by an Ethiopian leader in twenty years")
      if (en && ((relief && as_verb && trig.cameo.compare(0, 2, "07") == 0) || trig.cameo == "042") && !tgt && !reciprocal &&
          !dateline_country.empty() && src && !src->country.empty() && src->country != dateline_country) {
        domestic_tgt = CountryPhrase(tb, te, dateline_country);
        tgt = &*domestic_tgt;
        rules.push_back(composed.Keep(trig.rule + " (no recipient or destination named: the country of the story's dateline)"));
      }
      // English: an act of `own_target_codes` by the state (a country, its army or a sector of
      // `place_state_sectors`), in the active, whose object is counted people no actor names — a
      // number, a word of `toll_count_words` or of cue topic `indefinite` right after the verb
      // ("Police in Lagos arrested two men", "troops detained dozens of people", "arrested 25") —
      // is done at home (own target, below): it needs no target here.
      const bool home_act = en && as_verb && !en_passive && !tgt && src && te < n && v.clause[te] == cl &&
                            (toks[te].kind == TokenKind::kNumber || ListHas(cfg.toll_count_words, toks[te].norm) ||
                             IsTopic(cue_kind(te), TOPIC("indefinite"))) &&
                            IsStateCountry(src->country) &&
                            (src->sector.empty() || src->sector == "MIL" || ListHas(place_state_sectors, src->sector)) &&
                            std::any_of(cfg.own_target_codes.begin(), cfg.own_target_codes.end(),
                                        [&](const std::string& c) { return trig.cameo.compare(0, c.size(), c) == 0; });
      const bool target_missing = !tgt && !reciprocal && trig.needs_target && !refers_event && !home_act;
      bool recipient_root = !en && ListHas(location_recipient_roots, trig.cameo.substr(0, 2));
      // English: a trigger whose words end in a location preposition ("arrived in", "landed in")
      // takes the place right after it as its target, as a recipient ("arrived in Beijing" → CHN).
      // (or any preposition: "travelled to Jeddah")
      const PhraseMatch* prep_place = nullptr;
      // (any preposition for a visit, 042, by a state or its government: "travelled to Jeddah";
      // not "Saudi agents flew to Istanbul")
      if (en && target_missing && te > tb + 1 && te < n && v.place_at[te] >= 0 && cue_kind(te - 1) &&
          (cue_kind(te - 1)->kind == CueKind::kLocationPrep ||
           (cue_kind(te - 1)->kind == CueKind::kPreposition && trig.cameo == "042" && src &&
            (src->sector.empty() || src->sector == "GOV")))) {
        recipient_root = true;
        prep_place = &v.places[v.place_at[te]];
      }
      // ... and so does a place after one of its target prepositions ("fired rockets at Tel Aviv").
      if (en && target_missing && !prep_place && !trig.target_preps.empty())
        for (const PhraseMatch& pm : v.places) {
          if (pm.begin <= te || v.clause[pm.begin] != cl || lex.places[pm.payload].country.empty()) continue;
          // (a determiner right before the place: "at the …", "into the Jenin camp"; it may start
          // right at the trigger's end when the trigger ends in the preposition)
          size_t b = det_start[pm.begin] >= 0 && static_cast<size_t>(det_start[pm.begin]) >= te
                         ? static_cast<size_t>(det_start[pm.begin]) : pm.begin;
          // ("at the port of Ashdod", "into the city of Kursk": a noun of topic:territory and "of"
          // before the place)
          if (b == pm.begin && b >= te + 3 && toks[b - 1].norm == "of" && IsTopic(cue_kind(b - 2), TOPIC("territory"))) {
            b -= 2;
            if (det_start[b] >= 0 && static_cast<size_t>(det_start[b]) >= te) b = static_cast<size_t>(det_start[b]);
          }
          // (b == te: the trigger ends in the preposition, "exercises around")
          if (b >= te && std::find(trig.target_preps.begin(), trig.target_preps.end(), toks[b - 1].norm) != trig.target_preps.end()) {
            prep_place = &pm;
            recipient_root = true;
            break;
          }
          // (or the place of a common noun after one: "fired missiles at targets in Syria", "at
          // positions in northern Iraq": "in" up to two words before the place, the preposition
          // at most six words before "in" or "on")
          bool in_object = false;
          for (size_t i = b > 2 ? b - 2 : 0; i < b && !in_object; ++i) {
            if (i <= te + 1 || (toks[i].norm != "in" && toks[i].norm != "on")) continue;  // ("into the zone on the Golan Heights")
            for (size_t k = i - 1; k < n && k + 7 > i && k + 1 >= te && !in_object; --k)  // (the trigger's own last word: "sent troops into")
              in_object = v.clause[k] == cl &&
                          std::find(trig.target_preps.begin(), trig.target_preps.end(), toks[k].norm) != trig.target_preps.end();
          }
          if (in_object) {
            prep_place = &pm;
            recipient_root = true;
            break;
          }
        }
      // English: a place that is the direct object of a verb of force (roots 18-20: "occupied
      // Kherson", "rebels entered Aleppo", "missiles struck the port of Odesa") is its target: right
      // after the verb, past a determiner and a noun of topic:territory with "of". (Only with a
      // named source: an act with neither party stays uncoded, "fighters attacked El Fasher".)
      if (en && as_verb && src && !tgt && !prep_place && !reciprocal && te < n &&
          (trig.cameo.compare(0, 2, "18") == 0 || trig.cameo.compare(0, 2, "19") == 0 || trig.cameo.compare(0, 2, "20") == 0)) {
        size_t j = te;
        if (const CueEntry* c = cue_kind(j); c && c->kind == CueKind::kDeterminer) j = v.cues[v.cue_at[j]].end;
        if (j + 1 < n && IsTopic(cue_kind(j), TOPIC("territory")) && toks[j + 1].norm == "of") j += 2;
        if (j < n && v.clause[j] == cl && v.place_at[j] >= 0 && v.actor_at[j] < 0 &&
            !lex.places[v.places[v.place_at[j]].payload].country.empty()) {
          prep_place = &v.places[v.place_at[j]];
          recipient_root = true;
        }
      }
      // English: "in (a district of) the Kenyan capital", "in the Nigerian city of Kaduna": a
      // country phrase ending in a word of topic:territory after "in"/"of" places an act of
      // force (roots 18-20) with no target named in that country, its target.
      if (en && !tgt && !prep_place && !reciprocal &&
          (trig.cameo.compare(0, 2, "18") == 0 || trig.cameo.compare(0, 2, "19") == 0 || trig.cameo.compare(0, 2, "20") == 0))
        for (const auto& p : phrases)
          if (p.begin >= te && v.clause[p.begin] == cl && p.sector.empty() && !p.country.empty() &&
              (p.prep == "in" || p.prep == "of") && p.end > p.begin + 1 && IsTopic(cue_kind(p.end - 1), TOPIC("territory")) &&
              !(src && src->country == p.country)) {
            tgt = &p;
            rules.push_back(composed.Keep(trig.rule + " (an act in a country's capital or city: its target)"));
            break;
          }
      // English: an act of force (roots 18-20) with no target whose object is a thing held by an
      // actor ("Russian shelling of villages held by Ukrainian forces", "strikes on depots used
      // by the Houthis") hits that actor's side: the holder is its target. (So does a killing
      // whose subject tells that act: "shelling of villages held by X killed four people".)
      if (en && !tgt && !reciprocal &&
          (trig.cameo.compare(0, 2, "18") == 0 || trig.cameo.compare(0, 2, "19") == 0 || trig.cameo.compare(0, 2, "20") == 0))
        for (const auto& p : phrases)
          if ((p.begin >= te || (as_verb && p.end <= tb)) && v.clause[p.begin] == cl && &p != src && !(src && src->country == p.country) && owner_agent(p)) {
            tgt = &p;
            rules.push_back(composed.Keep(trig.rule + " (an act on a thing held by an actor: its holder is the target)"));
            break;
          }
      if (target_missing && !recipient_root && !tgt) { reject("needs a target and none was found"); continue; }
      // English: a definite noun ("the American strike", "the attack") with no target of its
      // own refers back to an event already told (unless "by" or a light verb names who did it).
      const size_t np_begin = src && src->end == tb ? src->begin : tb;  // "the [Peruvian] raid"
      if (en && !as_verb && !tgt && !src_after_by && !src_by_light_verb && det_start[np_begin] >= 0 &&
          !en_indefinite_det(static_cast<size_t>(det_start[np_begin]))) {
        reject("a definite noun with no target: a back-reference (English)");
        continue;
      }

      // location: a place after «في» or «بـ», in the trigger's clause, nearest to the trigger
      const PhraseMatch* loc = nullptr;
      size_t best_dist = SIZE_MAX;
      for (const PhraseMatch& pm : v.places) {
        if (v.clause[pm.begin] != cl) continue;
        bool located = PrepOfPrefix(pm.prefix) == kBa || location_prep_before(pm.begin);
        if (!located) continue;
        // (not a country that is part of an actor phrase: «وزير الخارجية بجمهورية مصر», «أشاد
        // بالسعودية»; a place after «في» in one is still where it happened: «مركزا للشرطة في بيروت»)
        bool in_phrase = false;
        for (const auto& p : phrases) in_phrase |= !en && PrepOfPrefix(pm.prefix) == kBa && pm.begin >= p.begin && pm.begin < p.end;
        if (in_phrase) continue;
        size_t d = pm.begin >= te ? pm.begin - te : tb - pm.end + 1;
        if (d < best_dist) { best_dist = d; loc = &pm; }
        // One name, several places («عمان»: Oman, Amman): the one whose country the sentence
        // names by an actor or a demonym («العاصمة الأردنية عمان»), else the document does most.
        else if (loc && d == best_dist && pm.begin == loc->begin && pm.end == loc->end) {
          auto named = [&](const std::string& c) {
            int in_sentence = 0;
            for (const PhraseMatch& am : v.actors)
              if ((am.end <= pm.begin || am.begin >= pm.end) && CountryOf(lex.actors[am.payload].CodeOn(doc_date)) == c) in_sentence = 1;
            auto it = countries_here().find(c);
            return in_sentence * 100000 + (it == countries_here().end() ? 0 : it->second);
          };
          if (named(lex.places[pm.payload].country) > named(lex.places[loc->payload].country)) loc = &pm;
        }
      }
      // (aid «إلى» a place went there: «وصلت سفينة مساعدات سعودية إلى ميناء عدن»)
      if (prep_place) loc = prep_place;
      // English: a place that is the object of a verb of the roots of `location_target_roots`
      // ("struck Kharkiv", "shelled the port of Odesa", "attacked the southern city of Goma":
      // determiners, plain words and "of" between) is where it was done — and so, with no victim
      // named, its target (below).
      if (en && !loc && !tgt && as_verb && ListHas(location_target_roots, trig.cameo.substr(0, 2)))
        for (const PhraseMatch& pm : v.places) {
          if (pm.begin < te || pm.begin > te + 5 || v.clause[pm.begin] != cl || lex.places[pm.payload].country.empty()) continue;
          bool object = true;
          for (size_t q = te; q < pm.begin && object; ++q)
            object = toks[q].norm == "of" || PlainEnglishWord(v, lex, q) ||
                     (cue_kind(q) && cue_kind(q)->kind == CueKind::kDeterminer);
          if (object) loc = &pm;
          break;
        }
      // English: "in the capital", naming no city, is the capital the story is datelined in
      // ("CARACAS — … marched in the capital and other cities").
      PhraseMatch capital_pm;
      if (en && !loc && dateline_capital >= 0)
        for (size_t j = 2; j < n && !loc; ++j)
          if (v.clause[j] == cl && toks[j].norm == "capital" && toks[j - 1].norm == "the" &&
              (location_prep_before(j - 1) ||  // (or the object of an attack: "took control of the capital")
               (j - 1 == te && as_verb && !tgt && ListHas(location_target_roots, trig.cameo.substr(0, 2)))) &&
              v.actor_at[j] < 0 && v.place_at[j] < 0 && (j + 1 >= n || v.place_at[j + 1] < 0)) {
            capital_pm.begin = j - 1;
            capital_pm.end = j + 1;
            capital_pm.payload = static_cast<uint32_t>(dateline_capital);
            loc = &capital_pm;
          }
      if (target_missing && recipient_root && !loc)
        for (const PhraseMatch& pm : v.places)
          if (!loc && pm.begin > te && v.clause[pm.begin] == cl && pm.prefix.empty()) {
            size_t q = pm.begin - 1;  // (a kind of place may stand between: «إلى ميناء عدن», cue topic `place_noun`)
            for (const PhraseMatch& cm : v.cues)
              if (cm.end == pm.begin && cm.begin > te && lex.cues[cm.payload].kind == CueKind::kTopic &&
                  lex.cues[cm.payload].topic == "place_noun")
                q = cm.begin - 1;
            if (toks[q].norm == "\xD8\xA7\xD9\x84\xD9\x8A") loc = &pm;  // «إلى»
          }
      if (target_missing && !tgt) {  // (English: "in the Kenyan capital" gave one above)
        const std::string& lc = loc ? lex.places[loc->payload].country : std::string();
        if (lc.empty() || (src && src->country == lc)) {
          reject("needs a target and none was found");
          continue;
        }
      }

      // date: in the trigger's clause, nearest; else the date heading a chronology line
      // («27 ديسمبر 2007: اغتيال …»); else the document date
      const DateMention* dm = nullptr;
      bool chronology_line = false;  // dated by a heading «DATE:»: an entry of a chronology
      best_dist = SIZE_MAX;
      for (const auto& d : dates) {
        if (v.clause[d.tok_begin] != cl) continue;
        size_t dist = d.tok_begin >= te ? d.tok_begin - te : tb - d.tok_end + 1;
        // (English: a weekday or a date beats a relative word in the same clause, which only
        // tells the time of day: "struck Kyiv overnight on Monday" is Monday's)
        if (en && dm && (dm->basis == "relative") != (d.basis == "relative")) {
          if (d.basis != "relative") best_dist = dist, dm = &d;
          continue;
        }
        if (dist < best_dist) { best_dist = dist; dm = &d; }
      }
      if (!dm && cl > 0)
        for (const auto& d : dates) {
          if (v.clause[d.tok_begin] != 0 || d.basis != "explicit") continue;
          bool heading = true;  // the first clause is the date alone, ended by «:»
          size_t j = 0;
          for (; j < n && v.clause[j] == 0 && heading; ++j)
            heading = (j >= d.tok_begin && j < d.tok_end) || toks[j].kind == TokenKind::kPunct;
          if (heading && j < n && toks[j].norm == ":") dm = &d, chronology_line = true;
          break;
        }

      // A verbal noun with no perpetrator, no victim, no place, no date and no count in its clause
      // speaks of such acts in general («خيار الضربات الجوية», «ضربات جوية يمكن أن»): a reported
      // event is anchored by at least one of them (a count: a number or a word of the cue topics
      // of the setting `anchor_topics`, «مقتل تسعة من رجال الشرطة», «أسفر عن تفجير مطعم»), or by
      // a light verb whose object it is («نفذ الجيش ضربة عسكرية»), or by an event coded before it
      // in its clause («أصيب الوزير في انفجار»). (A threat is coded as one.)
      bool anchored = src || tgt || loc || dm || en || as_verb || intent || clause_coded[cl] || trig.opt.adverb;
      for (size_t j = tb; j-- > 0 && v.clause[j] == cl && !anchored;)
        anchored = cue_kind(j) && cue_kind(j)->kind == CueKind::kLightVerb;
      for (size_t j = 0; j < n && !anchored; ++j) anchored = v.clause[j] == cl && toks[j].kind == TokenKind::kNumber;
      for (const PhraseMatch& cm : v.cues) {
        if (anchored) break;
        const CueEntry& c = lex.cues[cm.payload];
        anchored = v.clause[cm.begin] == cl && c.kind == CueKind::kTopic && ListHas(anchor_topics, c.topic);
      }
      if (!anchored) {
        reject("a verbal noun with no perpetrator, victim, place or date: a general mention");
        continue;
      }

      // English: a sentence with no date of its own takes the paragraph's (for the event's date
      // only: history is judged on its own clause). Another clause's date in the same sentence
      // is that clause's ("…, who arrived on Monday, met …").
      const DateMention* event_dm = dm;
      if (!dm && en && dates.empty() && paragraph_date_now()) event_dm = &*paragraph_date;
      // (a headline takes the lead's date: "Colombia and FARC sign peace deal" over "… signed
      // a peace agreement on Monday")
      if (!event_dm && si == 0 && headline && cfg.headline_takes_lead_date && dates.empty() && lead_date_now())
        event_dm = &**lead_date;
      // (and a clause told as the same day as the story so far, cue topic `same_day`: "later in
      // the day", "that evening" — the last date read before, in an earlier paragraph too)
      if (!event_dm && en && dates.empty() && story_date)
        for (const PhraseMatch& cm : v.cues)
          if (v.clause[cm.begin] == cl && IsTopic(&lex.cues[cm.payload], TOPIC("same_day"))) event_dm = &*story_date;
      // (a clause introduced by an interval from the one before it, data/dates.tsv kind
      // `interval`, is dated from that one's date: "… on Tuesday, hours after the government
      // imposed a curfew" on Tuesday, "… on Sunday, a day after protesters stormed …" on
      // Saturday; with no date before it, from the date the sentence takes)
      std::optional<DateMention> interval_dm;
      if (!dm && en && cl > 0) {
        size_t cb = 0;
        while (cb < n && v.clause[cb] != cl) ++cb;
        int days = 0;
        size_t ib = 0;
        std::string rule;
        if (cb > 0 && cb < n && lex.dates().IntervalEndingAt(toks, cb + 1, &days, &ib, &rule)) {
          // (the last date before it, "…, witnesses said, hours after", but not one of a relative
          // clause: "X, who resigned on Sunday, landed … a day after")
          auto in_relative_clause = [&](size_t t) {
            size_t j = t;
            while (j > 0 && v.clause[j - 1] == v.clause[t]) --j;
            const CueEntry* c = cue_kind(j);
            return c && c->kind == CueKind::kRelative;
          };
          const DateMention* base = event_dm;
          for (const auto& d : dates)
            if (d.tok_end <= ib && !in_relative_clause(d.tok_begin)) base = &d;
          if (days == 0) {
            if (base) event_dm = base;
          } else if (const Ymd from = base ? base->date : doc_date; from.valid()) {
            interval_dm.emplace();
            interval_dm->tok_begin = ib;
            interval_dm->tok_end = cb + 1;
            interval_dm->date = Ymd::FromDays(from.ToDays() + days);
            interval_dm->basis = "relative";
            interval_dm->rule = rule;
            event_dm = &*interval_dm;
          }
        }
      }

      // code
      std::string cameo = trig.cameo;
      // (Arabic: a topic word after a background cue belongs to that frame, not to the act's
      // object: «طالبت الحكومة مجلس الأمن بتحرك ضد الحوثيين بعد خرقهم للهدنة» demands action,
      // not a truce)
      size_t topic_end = n;
      for (const PhraseMatch& cm : v.cues)
        if (!en && cm.begin >= te && cm.begin < topic_end && v.clause[cm.begin] == cl &&
            lex.cues[cm.payload].kind == CueKind::kBackground)
          topic_end = cm.begin;
      // (English: also the verb's subject and the words between it and the verb, which tell what
      // the subject is or carried: "a medical team arrived in X", "planes carrying food landed in X")
      const size_t topic_begin = en && as_verb && src && src->end <= tb ? src->begin : te;
      for (const auto& q : trig.qualifiers) {
        bool hit = false;
        for (const PhraseMatch& cm : v.cues) {
          const CueEntry& c = lex.cues[cm.payload];
          if (cm.begin >= topic_begin && (cm.begin >= te || cm.begin < tb) && cm.begin < topic_end && v.clause[cm.begin] == cl && c.kind == CueKind::kTopic && c.topic == q.topic) {
            hit = true;
            rules.push_back(c.rule);
            break;
          }
        }
        if (hit) { cameo = q.cameo; break; }
      }
      // An "attack" by an unarmed political actor (a government, a party, the media, a
      // parliament) on another, with no weapons named, is a verbal attack: criticize (111).
      // Option `unarmed=CODE` (attack → 111), sectors from the setting `armed_sectors`; a
      // weapon word (`armed_topic`) anywhere in the clause keeps the attack.
      bool weapons_named = false;  // (a word of `armed_topic` in the clause)
      // (English: people named by a plural nationality noun, "thousands of angry Armenians", are
      // civilians — no sector — for an unarmed reading that is a riot, root 14: "broke into the
      // parliament" is their violent protest, not a seizure by the state)
      const bool en_people = en && src && src->sector.empty() && src->head_end > src->head_begin &&
                             trig.opt.unarmed.compare(0, 2, "14") == 0 && v.actor_at[src->head_end - 1] >= 0 &&
                             lex.actors[v.actors[v.actor_at[src->head_end - 1]].payload].kind == ActorEntry::Kind::kDemonym &&
                             toks[src->head_end - 1].norm.size() > 3 && toks[src->head_end - 1].norm.back() == 's';
      // (... and so, with no actor as the subject, is the first role noun of its clause when it is
      // no armed one: "Protesters against a tax law broke into the parliament" — their riot)
      std::string_view agent_sector;
      if (en && !src && trig.opt.unarmed.compare(0, 2, "14") == 0)
        for (size_t j = tb; j-- > 0 && v.clause[j] == cl;)
          if (v.agent_at[j] >= 0) agent_sector = lex.agents[v.agents[v.agent_at[j]].payload].sector;
      const bool unarmed_applies = !trig.opt.unarmed.empty() && cameo == trig.cameo &&
                                   ((src && (!src->sector.empty() || en_people)) || !agent_sector.empty());
      if (const std::string& unarmed = trig.opt.unarmed; unarmed_applies) {
        const std::string& armed_topic = cfg.armed_topic;
        for (const PhraseMatch& cm : v.cues) {
          const CueEntry& c = lex.cues[cm.payload];
          weapons_named |= c.kind == CueKind::kTopic && c.topic == armed_topic && v.clause[cm.begin] == cl;
        }
        if (!ListHas(cfg.armed_sectors, src ? std::string_view(src->sector) : agent_sector) && !weapons_named) cameo = unarmed;
      }
      // A dated reference more than `history_days` (ar/settings.tsv) before the article is
      // history, not news — unless it is an entry of a chronology («21 مايو 2005: اغتيال …»):
      // there the line states the event, with its own date.
      if (dm && dm->basis == "explicit" && doc_date.valid() && history_days > 0 && !chronology_line &&
          dm->date.ToDays() < doc_date.ToDays() - history_days) {
        reject("an explicit date long before the article (setting history_days): background");
        continue;
      }
      // Without an explicit date, a word of the `history_topic` cue topic in the clause («العام
      // الماضي», «في الثمانينات»), or a year after a `year_topic` word («عام 2005», «يوليو 2005»)
      // more than `history_days` before the article, also makes it background.
      if (!(dm && dm->basis == "explicit") && doc_date.valid() && history_days > 0) {
        const std::string &hist = cfg.history_topic, &year = cfg.year_topic;
        bool past = false;
        // (a relative clause is set in the time of its antecedent's clause: «قمع الجنرال عامي 1965
        // و1966 الحزب وكل من كان يواليه في مذبحة أسفرت عن مقتل …»)
        size_t cs = tb;
        while (cs > 0 && v.clause[cs - 1] == cl) --cs;
        const bool relative_clause = cs > 0 && ((cue_kind(cs) && cue_kind(cs)->kind == CueKind::kRelative) ||
                                                toks[cs - 1].norm == kMin || toks[cs - 1].norm == kMimman);
        auto in_time_clause = [&](size_t j) { return v.clause[j] == cl || (relative_clause && v.clause[j] + 1 == cl); };
        // (English: an act dated by a weekday in its own clause is this week's news; a past year
        // after it dates a noun of its object: "a court on Thursday convicted two men for the
        // downing of a plane in 2014")
        const bool own_weekday = en && dm && dm->basis == "weekday" && dm->tok_begin < n && v.clause[dm->tok_begin] == cl;
        for (const PhraseMatch& cm : v.cues) {
          const CueEntry& c = lex.cues[cm.payload];
          if (c.kind != CueKind::kTopic || !in_time_clause(cm.begin)) continue;
          if (c.topic == hist && v.clause[cm.begin] == cl) past = true;  // (a history word counts in its own clause only)
          // (not a reference point: «منذ عام 2003», «بعد عام 2003» — a background cue before it)
          const CueEntry* before = cm.begin > 0 ? cue_kind(cm.begin - 1) : nullptr;
          size_t num = cm.end < n && toks[cm.end].kind == TokenKind::kPunct ? cm.end + 1 : cm.end;  // «(شباط) 2005»
          if (c.topic == year && num < n && toks[num].kind == TokenKind::kNumber && in_time_clause(num) &&
              !(before && before->kind == CueKind::kBackground) && !(own_weekday && num > dm->tok_begin)) {
            int y = 0;
            for (char ch : toks[num].norm) y = (ch >= '0' && ch <= '9' && y < 10000) ? y * 10 + (ch - '0') : 100000;
            Ymd end_of_year;
            end_of_year.y = y; end_of_year.m = 12; end_of_year.d = 31;
            past |= y >= 1000 && y <= 9999 && end_of_year.ToDays() < doc_date.ToDays() - history_days;
          }
          if (past) { rules.push_back(c.rule); break; }
        }
        if (past) {
          reject("a past year or a history word in its clause (settings history_topic, year_topic): background");
          continue;
        }
      }
      // A word of the setting `habitual_topic` in the clause («يوميا», «بشكل يومي», «باستمرار»,
      // the present «تتعرض لـ») tells what happens again and again, not one event.
      if (!cfg.habitual_topic.empty() && !en && !dm && !headline) {  // (a date or a headline tells one event)
        const PhraseMatch* habit = nullptr;
        for (const PhraseMatch& cm : v.cues) {
          if (habit || v.clause[cm.begin] != cl || lex.cues[cm.payload].kind != CueKind::kTopic ||
              lex.cues[cm.payload].topic != cfg.habitual_topic)
            continue;
          bool comma = false;  // (in the trigger's stretch of the clause: no comma between)
          for (size_t j = std::min(cm.begin, tb); j < std::max(cm.end, te); ++j) comma |= is_comma(j);
          if (!comma) habit = &cm;
        }
        if (habit) {
          rules.push_back(lex.cues[habit->payload].rule);
          reject("a habitual adverb in its clause (setting habitual_topic): a habit, not an event");
          continue;
        }
      }
      const PlaceEntry* place = loc ? &lex.places[loc->payload] : nullptr;
      std::string modality = hypothetical ? "hypothetical" : "asserted";
      if (intent && !hypothetical) {
        std::string mapped = lex.intent.Map(cameo);
        if (!mapped.empty()) { cameo = mapped; modality = "intended"; }
        // An announced or planned act with no intent code (data/modality.tsv) has not
        // happened: «أعلنت عزمها تنفيذ اعتصام», «ستنتقد» are no protest, no criticism.
        if (mapped.empty() && !en) {
          reject("announced or planned, and data/modality.tsv has no intent code for it: not an event");
          continue;
        }
      }

      // English: a noun with no perpetrator in apposition to the act told before it in its sentence
      // (", an attack that Qatar denounced", ", a move that …"): a name for that act, not a new one.
      if (en && !src && !as_verb && tb >= 2) {
        size_t a = tb;
        while (a > 0 && tb - a < 3 && !IsIndefiniteArticle(toks[a - 1].norm) && toks[a - 1].kind == TokenKind::kWord) --a;
        bool appo = a >= 2 && IsIndefiniteArticle(toks[a - 1].norm) && toks[a - 2].norm == ",";
        bool told = false;
        for (size_t k = events->size(); appo && !told && k-- > 0 && (*events)[k].doc_id == doc.id && (*events)[k].sentence_index == si;)
          told = (*events)[k].root == cameo.substr(0, 2);
        if (told) {
          reject("a noun in apposition to the act told before it in its sentence: that act, not a new one");
          continue;
        }
      }
      // English: the toll of an attack is not an act of its own (one rule, settings toll_*).
      // (a) A verb of a root of `toll_verb_roots` (a killing or wounding) whose subject is a
      // violence noun of `toll_act_roots` with no author named before it ("a drone attack that
      // killed three soldiers", "the bombing that killed his father", "clashes south of the city
      // killed several fighters"): the noun's event, coded on the noun. Between them: at most six
      // words with no other trigger, comma, role noun or bare actor (that is the verb's subject:
      // "during the raid gunmen killed"), in the verb's clause or before a relative word right
      // before the verb ("a bombing in Pulwama on Feb. 14 that killed 40").
      // (b) A killing or wounding of `toll_codes` with no perpetrator whose victims are counted:
      // in the passive ("at least 40 civilians were killed"), or with an act of violence or a
      // weapon as subject ("the missile that killed two men"). Not when unidentified attackers
      // are named (unattributed_sectors: "were shot dead by gunmen"), nor when the victims are an
      // international body's ("two U.N. peacekeepers were killed": IGO, NGO).
      if (en && as_verb) {
        bool toll = false;
        if (tb > 0 && ListHas(cfg.toll_verb_roots, std::string_view(trig.cameo).substr(0, 2))) {
          for (const PhraseMatch& o : v.trigs) {
            if (toll || o.end > tb || tb - o.end > 6) continue;
            const auto& ot = lex.triggers[o.payload];
            if (ot.type != "noun" || used_as_verb(o) || !ListHas(cfg.toll_act_roots, std::string_view(ot.cameo).substr(0, 2)))
              continue;
            if (v.agent_at[o.begin] >= 0 && v.agents[v.agent_at[o.begin]].end == o.end) continue;  // (a role noun)
            // (a noun that names its author keeps the toll as the author's act: "a U.S. drone strike
            // killed the group's leader")
            if (std::any_of(phrases.begin(), phrases.end(), [&](const auto& p) { return p.end + 1 >= o.begin && p.end <= o.begin; }))
              continue;
            bool clear = true;
            const bool relative = o.end < tb && cue_kind(tb - 1) && cue_kind(tb - 1)->kind == CueKind::kRelative;
            for (size_t j = o.end; j < tb - (relative ? 1 : 0) && clear; ++j)
              clear = (relative || v.clause[j] == cl) && v.trig_at[j] < 0 && v.agent_at[j] < 0 && !is_comma(j);
            for (const auto& p : phrases) clear &= !(p.begin >= o.end && p.begin < tb && p.prep.empty());
            toll = clear && (relative || v.clause[o.begin] == cl);
          }
        }
        if (!toll && !src && !cfg.toll_codes.empty() &&
            std::any_of(cfg.toll_codes.begin(), cfg.toll_codes.end(),
                        [&](const std::string& c) { return cameo.compare(0, c.size(), c) == 0; }) &&
            !(tgt && (tgt->code.compare(0, 3, "IGO") == 0 || tgt->code.compare(0, 3, "NGO") == 0))) {
          auto counted = [&](size_t j) { return toks[j].kind == TokenKind::kNumber || ListHas(cfg.toll_count_words, toks[j].norm); };
          size_t cs = tb;  // (a relative clause's subject is its antecedent: "an attack that killed 12")
          while (cs > 0 && v.clause[cs - 1] == cl) --cs;
          const bool rel = cue_kind(cs) && cue_kind(cs)->kind == CueKind::kRelative;
          auto subject_clause = [&](size_t j) { return v.clause[j] == cl || (rel && v.clause[j] + 1 == cl); };
          if (en_passive) {  // the subject, before the auxiliaries: back to a punctuation mark, six words at most
            for (size_t j = tb, k = 0; j-- > 0 && k < 7 && v.clause[j] == cl && toks[j].kind != TokenKind::kPunct && !toll; ++k)
              toll = counted(j);
          } else {  // the object, after at most two words ("at least", "more than"), and an act as subject
            for (size_t j = te; j < n && j < te + 3 && v.clause[j] == cl && toks[j].kind != TokenKind::kPunct && !toll; ++j)
              toll = counted(j);
            bool act_subject = false;
            for (size_t j = tb; toll && !act_subject && j-- > 0 && subject_clause(j);) act_subject = v.trig_at[j] >= 0;
            for (const PhraseMatch& cm : v.cues)  // (or a weapon: "the missile that killed two men", setting armed_topic)
              act_subject |= toll && cm.begin < tb && subject_clause(cm.begin) && lex.cues[cm.payload].kind == CueKind::kTopic &&
                             lex.cues[cm.payload].topic == cfg.armed_topic;
            toll = act_subject;
          }
          for (const PhraseMatch& am : v.agents)
            if (toll && subject_clause(am.begin) && am.begin < n && ListHas(cfg.unattributed_sectors, lex.agents[am.payload].sector))
              toll = false;
        }
        if (toll) {
          reject("the toll of an attack, not an act (settings toll_verb_roots, toll_act_roots, toll_codes, toll_count_words)");
          continue;
        }
      }
      // English: an act of violence (shared_agent_roots) told in the passive with no agent and not
      // a toll ("A Qatari officer was also killed", "a Russian pilot was shot dead") is the work of
      // the perpetrator of the story's last attack with a known source on the same country as this
      // victim's; victims of a side no attack told has hit keep no perpetrator ("five Russian
      // peacekeepers were killed" after an Azerbaijani offensive on Karabakh).
      std::optional<Phrase> story_src;
      if (en && en_passive && as_verb && !src && tgt && !tgt->country.empty() &&
          ListHas(cfg.shared_agent_roots, std::string_view(trig.cameo).substr(0, 2)) &&
          std::none_of(v.cues.begin(), v.cues.end(), [&](const PhraseMatch& cm) {  // (no "by" of its own: "by armed men")
            return cm.begin >= te && v.clause[cm.begin] == cl && lex.cues[cm.payload].kind == CueKind::kPassiveAgent;
          }))
        for (size_t k = events->size(); k-- > 0 && (*events)[k].doc_id == doc.id;) {
          const Event& e = (*events)[k];
          if (!ListHas(cfg.shared_agent_roots, e.root) || e.source.code.empty() || !e.target) continue;
          if (e.target->country != tgt->country) continue;
          if (e.source.country != "IGO" && e.source.code != tgt->code) {
            story_src = ActorPhrase(e.source, tb, te);
            src = &*story_src;
            rules.push_back(composed.Keep(trig.rule + " (passive with no agent: the perpetrator of the story's last attack on the same country)"));
          }
          break;
        }
      std::vector<const Phrase*> srcs, tgts;
      if (src) {
        for (const auto& p : phrases) if (p.group == src->group) srcs.push_back(&p);
        if (placed_src && src == &*placed_src) srcs = {src};
        if (home_state && src == &*home_state) srcs = {src};
        if (story_src && src == &*story_src) srcs = {src};
      } else {
        srcs.push_back(nullptr);  // an actorless event
      }
      if (tgt) for (const auto& p : phrases) if (p.group == tgt->group) tgts.push_back(&p);
      if (domestic_tgt && tgt == &*domestic_tgt) tgts = {tgt};
      if (reciprocal) tgts = srcs;
      // English: a symmetric act (option `reciprocal`) with both sides named is each side's act
      // on the other ("Indian troops clashed with Chinese troops", "signed a pact with X");
      // a meeting (root 04) is recorded once, in the order told; a verb's direct object is
      // acted on, not a side of the act ("the rebels, who have fought the army since 2012").
      const bool both_sides = en && !reciprocal && trig.opt.reciprocal && trig.cameo.compare(0, 2, "04") != 0 && src && tgt && !tgts.empty() &&
                              src->group != tgt->group && !(domestic_tgt && tgt == &*domestic_tgt) &&
                              !(as_verb && tgt->prep.empty());
      if (both_sides) {
        const std::vector<const Phrase*> first = srcs;
        srcs.insert(srcs.end(), tgts.begin(), tgts.end());
        tgts.insert(tgts.end(), first.begin(), first.end());
      }
      if (tgts.empty()) tgts.push_back(nullptr);

      auto make_ref = [&](const Phrase& p) {
        ActorRef r;
        size_t b = toks[p.head_begin].begin, e = toks[p.head_end - 1].end;
        r.text = text.substr(b, e - b);
        r.code = p.code;
        r.country = p.country;
        r.sector = p.sector;
        r.name = p.name;
        r.start = cp(b);
        r.end = cp(e);
        return r;
      };
      for (const Phrase* s : srcs) {
        bool self_dropped = false;  // (one event without a target, when every target is the source)
        for (const Phrase* t : tgts) {
          if (reciprocal && t == s) continue;
          if (both_sides && s && t && s->group == t->group) continue;
          // (English: two named actors of one code are two parties — "Myanmar's junta sentenced
          // Aung San Suu Kyi")
          // (nor an English arrest or other coercion of a state's own people: "Saudi Arabia
          // announced that 18 Saudi nationals had been detained")
          if (t && s && t->code == s->code && !(domestic_tgt && t == &*domestic_tgt) && !(en && s->name != t->name) &&
              !(en && trig.cameo.compare(0, 2, "17") == 0 && t != s && t->group != s->group)) {
            // An act on itself is no event, but violence or protest (actorless) stands without
            // the target: «وخرج متظاهرون من مساجد الخرطوم» has no second party.
            if (!trig.actorless || self_dropped || tgts.size() > 1) continue;
            self_dropped = true;
            t = nullptr;
          }
          std::string code = cameo;
          // (each side of a symmetric act by its own sector: "worshippers clashed with police" is
          // their riot, 145, and the police's force, 190)
          if (both_sides && unarmed_applies && s && s != src && !s->sector.empty())
            code = ListHas(cfg.armed_sectors, s->sector) || weapons_named ? trig.cameo : trig.opt.unarmed;
          if (!trig.third_location.empty() && place && t && s && place->country != s->country &&
              place->country != t->country && modality == "asserted")
            code = trig.third_location;
          const CameoCode* cc = lex.cameo().Find(code);
          if (!cc) continue;
          // The event is built in place at the end of *events (taken back below when it is not
          // coded after all), with room for eight at first: an English story has ~5 events, and
          // growing one by one moved every event of it again at 1, 2 and 4.
          if (events->size() == events->capacity()) events->reserve(std::max<size_t>(8, 2 * events->capacity()));
          Event& ev = events->emplace_back();
          ev.doc_id = doc.id;
          ev.doc_url = doc.url;
          ev.doc_source = doc.source.empty() ? doc.site : doc.source;
          ev.doc_title = doc.title;
          ev.doc_date = doc_date.ToString();
          ev.sentence_index = si;
          ev.sentence = text.substr(sent.begin, sent.end - sent.begin);
          if (event_dm) {
            ev.date = event_dm->date.ToString();
            ev.date_basis = event_dm->basis;
          } else if (doc_date.valid()) {
            ev.date = doc_date.ToString();
            ev.date_basis = "document";
          }
          if (s) {
            ev.source = make_ref(*s);
            if (en && antecedent_sentence != si) {
              pronoun_antecedent = *s;
              antecedent_sentence = si;
            }
          } else if (place && !place->country.empty() && ListHas(cfg.location_source_roots, cc->root)) {
            // Protesters named by no country are people of the place where they protest
            // (setting `location_source_roots`): «تظاهر المئات في بغداد» → IRQCVL.
            size_t lb = toks[loc->begin].begin, le = toks[loc->end - 1].end;
            ev.source.text = text.substr(lb, le - lb);
            ev.source.country = place->country;
            ev.source.sector = "CVL";
            ev.source.code = place->country + "CVL";
            ev.source.start = cp(lb);
            ev.source.end = cp(le);
          } else if (std::string c; en && !place && ListHas(cfg.location_source_roots, cc->root) &&
                                     !(c = domestic ? home_country : most_named()).empty()) {
            // English: ... and with no place named, people of the story's country (its home
            // country, else the country it has named most so far): "hundreds of people took to
            // the streets to cheer the soldiers" in a story of Gabon → GABCVL
            ev.source.country = c;
            ev.source.sector = "CVL";
            ev.source.code = c + "CVL";
            ev.source.start = ev.source.end = cp(toks[tb].begin);
          } else {  // unknown perpetrator: an empty actor placed at the trigger
            ev.source.start = ev.source.end = cp(toks[tb].begin);
          }
          if (t) ev.target = make_ref(*t);
          // Violence with no named victim: the people of the place where it struck are its
          // target («هجوم على مركز للأمن في إسطنبول» → TUR). Roots from the setting
          // `location_target_roots` (ar/settings.tsv); an empty setting turns this off.
          // (and, setting `location_recipient_roots`, aid with no recipient named: the place it reached)
          const bool to_place = ListHas(location_target_roots, cc->root) || (target_missing && recipient_root);
          if (!t && place && !place->country.empty() && to_place && !(s && s->code == place->country)) {
            ActorRef r;
            size_t lb = toks[loc->begin].begin, le = toks[loc->end - 1].end;
            r.text = text.substr(lb, le - lb);
            r.code = r.country = place->country;
            r.start = cp(lb);
            r.end = cp(le);
            ev.target = r;
          }
          // English (setting `home_target_roots`): a protest with no target and no place, in a
          // story whose title and lead name one country only, is against that country ("three
          // days of protests over unemployment" in a story about Iraq → IRQCVL → IRQ).
          bool home_target = false;
          // (not a reaction to an event whose perpetrator is unknown: "condemned the attack")
          if (en && !t && !ev.target && domestic && !place && !home_country.empty() && ListHas(cfg.home_target_roots, cc->root) &&
              !refers_event &&
              !(s && s->country != home_country)) {
            ActorRef r;
            r.code = r.country = home_country;
            r.start = r.end = cp(toks[tb].begin);
            ev.target = r;
            home_target = true;
            // (and protesters named by no actor are that country's people, as at a place)
            if (!s && ev.source.code.empty()) {
              ev.source.code = home_country + "CVL";
              ev.source.country = home_country;
              ev.source.sector = "CVL";
            }
          }
          // Arabic and English (setting `own_target_codes`): an arrest, a closure, a ban or a release by a
          // state whose object names no country of its own («ألقت السلطات المغربية القبض على خلية»,
          // «أطلقت بورما سراح آلاف السجناء») is done at home, on the source's own country — or
          // on the country of the place where it is done, when that is another.
          // English: violence (roots 18–20) that names no victim, told by the same actor phrase as
          // an attack coded before it in its sentence with a target, strikes that attack's target
          // ("Israeli strikes on Gaza killed 12 people", "X strikes Y's bases and kills two
          // commanders"), not the source's home below.
          if (en && !t && !ev.target && s && (cc->root == "18" || cc->root == "19" || cc->root == "20"))
            for (size_t k = events->size() - 1; k-- > 0 && (*events)[k].doc_id == doc.id && (*events)[k].sentence_index == si;) {
              const Event& pe = (*events)[k];
              if (pe.target && pe.target->country != s->country && pe.source.start == ev.source.start &&
                  pe.source.end == ev.source.end && (pe.root == "18" || pe.root == "19" || pe.root == "20")) {
                ev.target = pe.target;
                break;
              }
            }
          bool own_target = false;
          // (English: by the state — a country, its army or a sector of `place_state_sectors`; not
          // rebels or pirates, whose victims' country is not told)
          if (!t && !ev.target && s && IsStateCountry(s->country) &&
              (!en || s->sector.empty() || s->sector == "MIL" || ListHas(place_state_sectors, s->sector)) &&
              std::any_of(cfg.own_target_codes.begin(), cfg.own_target_codes.end(),
                          [&](const std::string& c) { return cc->code.compare(0, c.size(), c) == 0; })) {
            ActorRef r;
            r.code = r.country = place && !place->country.empty() ? place->country : s->country;
            r.text = ev.source.text;
            r.start = ev.source.start;
            r.end = ev.source.end;
            ev.target = r;
            own_target = true;
          }
          // English: an event with neither a source nor a target (after the location's country)
          // names no actor at all and is no CAMEO event ("three people were killed").
          if (en && !s && !ev.target) {
            if (tl) tl->decision = "no actor at all (English)";
            events->pop_back();
            continue;
          }
          // English (setting `dyadic_roots`): cooperation, aid, yielding and demands are done to
          // someone; one with no target found ("Washington offered help") is not coded.
          if (en && !ev.target && ListHas(cfg.dyadic_roots, cc->root)) {
            if (tl) tl->decision = "no target, and its root needs one (setting dyadic_roots)";
            events->pop_back();
            continue;
          }
          // (and setting `dyadic_files`: a row of the imported CAMEO.2.0 verb patterns codes, as
          // PETRARCH does, only between two actors — "asking for", "called criminal")
          // (not of the roots of `open_target_roots`: "vowed revenge", "rejected the result")
          if (en && !ev.target && !cfg.dyadic_files.empty() && !ListHas(cfg.open_target_roots, trig.cameo.substr(0, 2)) &&
              ListHas(cfg.dyadic_files, trig.rule.substr(0, trig.rule.rfind(':')))) {
            if (tl) tl->decision = "no target, and its trigger file needs one (setting dyadic_files)";
            events->pop_back();
            continue;
          }
          // English: a noun of violence that names its author only — no victim, no place — speaks
          // of the act, it does not report one ("said the attack was planned by X", "condemned
          // what he called an unprovoked attack", "described it as the costliest attack"); one
          // whose author follows "by" tells who did it ("condemned the attack by X"). So does a
          // verb of violence whose object names no party and no place ("the army blew up the
          // office", "police attacked demonstrators", "Kyiv had shelled the dam for months"): a
          // one-sided act, no CAMEO event, whose victim the actor resolution did not find.
          if (en && (as_verb || !src_after_by) && !ev.target && !loc && !ev.source.code.empty() &&
              (cc->root == "18" || cc->root == "19" || cc->root == "20")) {
            if (tl) tl->decision = as_verb ? "a violence verb with its author only, no victim or place (English)"
                                           : "a violence noun with its author only, no victim or place (English)";
            events->pop_back();
            continue;
          }
          ev.cameo = cc->code;
          ev.root = cc->root;
          ev.cameo_name = cc->label;
          ev.quad_class = cc->quad_class;
          ev.goldstein = cc->goldstein;
          ev.plover = cc->plover;
          ev.plover_mode = cc->plover_mode;
          size_t tbb = toks[tb].begin, tee = toks[te - 1].end;
          ev.trigger_text = text.substr(tbb, tee - tbb);
          ev.trigger_start = cp(tbb);
          ev.trigger_end = cp(tee);
          if (place) {
            size_t lb = toks[loc->begin].begin, le = toks[loc->end - 1].end;
            ev.location.text = text.substr(lb, le - lb);
            ev.location.name = place->name_en;
            ev.location.country = place->country;
            ev.location.lat = place->lat;
            ev.location.lon = place->lon;
            ev.location.geonames_id = place->geonames_id;
          }
          ev.negated = drop;
          ev.modality = modality;
          // English (setting `home_appeal_codes`): an appeal for restraint or calm with no target
          // and no place, by another party than that country, in a story whose title and lead
          // name one country only and that has told unrest or violence (roots 14-20) against
          // it, is addressed to that country's parties ("Egypt and Saudi Arabia called for
          // restraint" in a story of fighting in Sudan → SDN).
          bool home_appeal = false;
          if (en && !t && !ev.target && domestic && !place && !home_country.empty() &&
              !(s && s->country == home_country) &&
              std::any_of(cfg.home_appeal_codes.begin(), cfg.home_appeal_codes.end(),
                          [&](const std::string& c) { return cc->code.compare(0, c.size(), c) == 0; })) {
            bool unrest = false;
            for (size_t k = events->size(); k-- > 0 && (*events)[k].doc_id == doc.id && !unrest;)
              unrest = (*events)[k].root >= "14" && (*events)[k].root <= "20" && (*events)[k].target &&
                       (*events)[k].target->country == home_country;
            if (unrest) {
              ActorRef r;
              r.code = r.country = home_country;
              r.start = r.end = cp(toks[tb].begin);
              ev.target = r;
              home_appeal = true;
            }
          }
          // (room for every rule pushed below at once: growing one at a time reallocated ~4 times an event)
          ev.rules.reserve(rules.size() + (s ? s->rules.size() : 0) + (t ? t->rules.size() : 0) + 4);
          rules.AppendTo(&ev.rules);
          if (s) s->rules.AppendTo(&ev.rules);
          if (t) t->rules.AppendTo(&ev.rules);
          if (place) ev.rules.push_back(place->rule);
          if (!s && !ev.source.code.empty()) ev.rules.push_back("ar/settings.tsv:location_source_roots");
          if (home_target)
            ev.rules.push_back("en/settings.tsv:home_target_roots");
          else if (home_appeal)
            ev.rules.push_back("en/settings.tsv:home_appeal_codes");
          else if (own_target)
            ev.rules.push_back(en ? "en/settings.tsv:own_target_codes" : "ar/settings.tsv:own_target_codes");
          else if (!t && ev.target)
            ev.rules.push_back(target_missing ? "ar/settings.tsv:location_recipient_roots" : "ar/settings.tsv:location_target_roots");
          if (event_dm) ev.rules.push_back(event_dm->rule);
          ev.event_id = id_base + ":" + std::to_string(si) + ":" + std::to_string(k_in_sentence++);
          if (tl) {
            tl->decision = "event";
            tl->cameo = ev.cameo;
            tl->source = ev.source.code.empty() ? "(unknown perpetrator)" : ev.source.code + " «" + ev.source.text + "»";
            tl->target = ev.target ? ev.target->code + " «" + ev.target->text + "»" : "(none)";
            tl->date = ev.date;
            tl->date_basis = ev.date_basis;
            tl->location = ev.location.country.empty() ? "" : ev.location.name + " (" + ev.location.country + ")";
            tl->modality = ev.modality;
          }
          if (trace) event_trace.emplace_back(trace->size() - 1, st->triggers.size() - 1);
          clause_coded[cl] = true;
        }
      }
      // (a subject built for this trigger lives in this iteration: keep a copy — of any of the
      // three it may be; last_source pointed into a dead home_state or story_src before)
      for (const std::optional<Phrase>* built : {&placed_src, &home_state, &story_src})
        if (src && *built && src == &**built) {
          last_placed = **built;
          src = &*last_placed;
          break;
        }
      last_source = src;
    }
    if (en && !dates.empty()) {
      paragraph_date = dates.back();
      dates_unread.clear();
    }
  }
  // In an article, violence told with neither party nor place («وأصيب ثلاثة آخرون», «وتدور
  // معارك») is a detail of the events of the story that name them: when an event of the roots
  // of the setting `detail_roots` in another sentence of the document names a party, it is not
  // coded again.
  if (!cfg.detail_roots.empty()) {
    auto partyless = [](const Event& e) { return e.source.country.empty() && !(e.target && !e.target->country.empty()) &&
                                                 e.location.country.empty(); };
    std::vector<size_t> told;  // sentences with an event of `detail_roots` that names a party
    for (size_t i = first_event; i < events->size(); ++i)
      if (ListHas(cfg.detail_roots, (*events)[i].root) && !partyless((*events)[i])) told.push_back((*events)[i].sentence_index);
    std::sort(told.begin(), told.end());
    told.erase(std::unique(told.begin(), told.end()), told.end());
    if (!told.empty()) {
      size_t out = first_event;
      for (size_t i = first_event; i < events->size(); ++i) {
        Event& e = (*events)[i];
        if (ListHas(cfg.detail_roots, e.root) && partyless(e) && (told.size() > 1 || told[0] != e.sentence_index)) {
          if (trace && i - first_event < event_trace.size()) {
            auto [ts, tt] = event_trace[i - first_event];
            (*trace)[ts].triggers[tt].decision =
                "a detail of the article's attributed violence, naming no party or place (ar/settings.tsv:detail_roots)";
          }
          continue;
        }
        if (out != i) (*events)[out] = std::move(e);
        ++out;
      }
      events->resize(out);
    }
  }
}

}  // namespace hadath
