#include "code/coder.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

#include "util/hash.h"
#include "util/utf8.h"

namespace hadath {
namespace {

// An actor as the coder sees it: possibly several mentions composed.
struct Phrase {
  size_t begin = 0, end = 0;            // tokens [begin, end)
  size_t head_begin = 0, head_end = 0;  // the span reported as the actor's text
  std::string code, country, sector, name;
  std::string full_code;                // a named actor's own code, when one was adopted
  std::vector<std::string> rules;
  std::string prep;                     // introducing preposition, "" if none
  int group = 0;                        // coordination group
};

const char* kAl = "\xD8\xA7\xD9\x84";     // ال
const char* kLl = "\xD9\x84\xD9\x84";     // لل
const char* kWaw = "\xD9\x88";            // و
const char* kFa = "\xD9\x81";             // ف
const char* kBa = "\xD8\xA8";             // ب
const char* kLam = "\xD9\x84";            // ل
const char* kKaf = "\xD9\x83";            // ك
const char* kSin = "\xD8\xB3";            // س

bool StartsWith(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

// The preposition carried by a clitic prefix chain («وبال» → «ب»), or "".
std::string PrepOfPrefix(std::string prefix) {
  if (StartsWith(prefix, kWaw) || StartsWith(prefix, kFa)) prefix = prefix.substr(2);
  if (StartsWith(prefix, kLl)) return kLam;
  if (StartsWith(prefix, kBa)) return kBa;
  if (StartsWith(prefix, kLam)) return kLam;
  if (StartsWith(prefix, kKaf)) return kKaf;
  return "";
}
bool HasConj(const std::string& prefix) { return StartsWith(prefix, kWaw) || StartsWith(prefix, kFa); }
bool HasArticle(const std::string& prefix) {
  return prefix.find(kAl) != std::string::npos || prefix.find(kLl) != std::string::npos;
}
bool HasFuture(const std::string& prefix) { return prefix.find(kSin) != std::string::npos; }

std::string CountryOf(const std::string& code) { return code.size() >= 3 ? code.substr(0, 3) : code; }
std::string SectorOf(const std::string& code) { return code.size() >= 6 ? code.substr(3, 3) : ""; }

struct SentenceView {
  const std::vector<Token>* toks;
  std::vector<int> actor_at, agent_at, place_at, trig_at, cue_at;  // index into match vectors, -1 none
  std::vector<PhraseMatch> actors, agents, places, trigs, cues;
  std::vector<int> clause;  // clause id per token
};

// Whether a list parsed at load (trigger options, settings) holds `item`.
bool ListHas(const std::vector<std::string>& list, std::string_view item) {
  return !item.empty() && std::find(list.begin(), list.end(), item) != list.end();
}

std::vector<int> IndexByStart(size_t n, const std::vector<PhraseMatch>& ms) {
  std::vector<int> at(n, -1);
  for (size_t k = 0; k < ms.size(); ++k)
    if (at[ms[k].begin] < 0) at[ms[k].begin] = static_cast<int>(k);
  return at;
}

}  // namespace

void Coder::Code(const Extracted& doc, const std::string& fallback_date, std::vector<Event>* events,
                 std::vector<SentenceTrace>* trace) const {
  const Lexicon& lex = lex_->ForLang(doc.lang);
  const bool en = lex.english();  // English hooks: determiners, coordination, passives, premodifiers
  Ymd doc_date;
  std::string doc_date_str = doc.date.empty() ? fallback_date : doc.date;
  if (!Ymd::Parse(doc_date_str, &doc_date)) doc_date = Ymd{};
  const std::string& text = doc.text;
  utf8::OffsetMap offsets(text);
  const std::string id_base = HexHash(doc.id + "\n" + text, 12);
  auto cp = [&](size_t byte) { return offsets.ToCodePoint(byte); };

  std::vector<Sentence> sentences = lex.tokenizer().Split(text);
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
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& sent = sentences[si];
    const std::vector<Token>& toks = sent.tokens;
    const size_t n = toks.size();
    SentenceView v;
    v.toks = &toks;
    v.actors = lex.actor_matcher.FindAll(toks);
    v.agents = lex.agent_matcher.FindAll(toks);
    v.places = lex.place_matcher.FindAll(toks);
    v.trigs = lex.trigger_matcher.FindAll(toks);
    v.cues = lex.cue_matcher.FindAll(toks);
    v.actor_at = IndexByStart(n, v.actors);
    v.agent_at = IndexByStart(n, v.agents);
    v.place_at = IndexByStart(n, v.places);
    v.trig_at = IndexByStart(n, v.trigs);
    v.cue_at = IndexByStart(n, v.cues);
    std::vector<DateMention> dates = lex.dates().Find(toks, doc_date);
    bool sport_sentence = false;
    for (const PhraseMatch& cm : v.cues)
      sport_sentence |= lex.cues[cm.payload].kind == CueKind::kTopic && ListHas(cfg.discard_topics, lex.cues[cm.payload].topic);
    // A headline: a sentence with no final stop (a title or a line of its own).
    bool headline = n > 0;
    for (size_t j = n; j-- > 0 && headline;) {
      if (toks[j].kind != TokenKind::kPunct) break;
      const std::string& p = toks[j].norm;
      headline = !(p == "." || p == "!" || p == "?" || p == "\xD8\x9F" || p == "\xE2\x80\xA6" || p == ":");
    }

    auto cue_kind = [&](size_t i) -> const CueEntry* {
      if (i >= n || v.cue_at[i] < 0) return nullptr;
      return &lex.cues[v.cues[v.cue_at[i]].payload];
    };
    auto is_comma = [&](size_t i) { return i < n && toks[i].kind == TokenKind::kPunct && toks[i].norm == ","; };
    // «من» right after a number or a word of the setting `quantity_topics` («عشرات من»,
    // «الآلاف من») is partitive: what follows it is the quantity's own noun.
    // Returns the first token of the quantity, or SIZE_MAX when «من» at j is not partitive.
    auto partitive_from = [&](size_t j) -> size_t {
      if (en || j == 0 || j >= n || toks[j].norm != "\xD9\x85\xD9\x86") return SIZE_MAX;
      if (toks[j - 1].kind == TokenKind::kNumber) return j - 1;
      for (const PhraseMatch& cm : v.cues)
        if (cm.end == j && lex.cues[cm.payload].kind == CueKind::kTopic && ListHas(cfg.quantity_topics, lex.cues[cm.payload].topic))
          return cm.begin;
      return SIZE_MAX;
    };
    auto partitive_at = [&](size_t j) { return partitive_from(j) != SIZE_MAX; };
    // English: det_start[e] = start of a determiner ("the", "Russia's") ending at token e, else -1.
    std::vector<int> det_start(n + 1, -1);
    if (en)
      for (const PhraseMatch& cm : v.cues)
        if (lex.cues[cm.payload].kind == CueKind::kDeterminer) det_start[cm.end] = static_cast<int>(cm.begin);
    auto skip_det = [&](size_t i) {
      while (i > 0 && det_start[i] >= 0) i = static_cast<size_t>(det_start[i]);
      return i;
    };

    // ---- clauses
    v.clause.assign(n, 0);
    int clause = 0;
    for (size_t i = 0; i < n; ++i) {
      const CueEntry* c = cue_kind(i);
      bool boundary = c && (c->kind == CueKind::kComplementizer || c->kind == CueKind::kRelative ||
                            c->kind == CueKind::kConjunction || c->kind == CueKind::kSubordinate);
      if (toks[i].kind == TokenKind::kPunct && (toks[i].norm == ":" || toks[i].norm == ";")) boundary = true;
      if (boundary && i > 0) ++clause;
      v.clause[i] = clause;
    }
    // A clause opened by a relative pronoun after its antecedent («السفينة التي خطفها
    // قراصنة»), or a temporal clause put before its main clause («عندما اغتيل القائد، أعلن»)
    // describes or presupposes its events: up to the first comma they are background, not
    // news (for the CAMEO roots of the setting `background_clause_roots`). A temporal clause
    // after its main clause tells the event itself («قتل خمسة عندما انفجرت سيارة»).
    std::vector<size_t> bg_clause(static_cast<size_t>(clause) + 1, SIZE_MAX);  // its first token
    for (size_t i = 0; i < n && !en; ++i) {
      if (i > 0 && v.clause[i] == v.clause[i - 1]) continue;
      const CueEntry* c = cue_kind(i);
      bool preposed = true;  // only punctuation and conjunctions before it
      for (size_t j = 0; j < i && preposed; ++j)
        preposed = toks[j].kind == TokenKind::kPunct || (cue_kind(j) && cue_kind(j)->kind == CueKind::kConjunction);
      if (c && ((c->kind == CueKind::kRelative && i > 0) || (c->kind == CueKind::kSubordinate && preposed)))
        bg_clause[v.clause[i]] = i;
    }

    // ---- actor phrases
    std::vector<Phrase> phrases;
    // Tokens of places introduced by «في»/«بـ» are not actors («في جنوب لبنان»).
    std::vector<bool> in_located_place(n, false);
    for (const PhraseMatch& pm : v.places) {
      const CueEntry* c = pm.begin > 0 ? cue_kind(pm.begin - 1) : nullptr;
      if (PrepOfPrefix(pm.prefix) == kBa || (c && c->kind == CueKind::kLocationPrep))
        for (size_t j = pm.begin; j < pm.end; ++j) in_located_place[j] = true;
    }
    // A role noun with no country of its own followed by a preposition
    // («ممثلين عن …», «وفد من …») takes the code of the phrase after it.
    struct Pending { size_t begin, end; std::string prefix, sector; std::vector<std::string> rules; };
    std::optional<Pending> pending;
    auto actor_code = [&](const ActorEntry& a) { return a.CodeOn(doc_date); };
    auto location_prep_before = [&](size_t i) {
      i = skip_det(i);
      const CueEntry* c = i > 0 ? cue_kind(i - 1) : nullptr;
      return c && c->kind == CueKind::kLocationPrep;
    };
    auto prep_before = [&](size_t i) -> std::string {
      i = skip_det(i);
      if (i == 0) return "";
      const CueEntry* c = cue_kind(i - 1);
      if (c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep)) return toks[i - 1].norm;
      return "";
    };
    size_t i = 0;
    while (i < n) {
      const PhraseMatch* ag = v.agent_at[i] >= 0 ? &v.agents[v.agent_at[i]] : nullptr;
      const PhraseMatch* ac = v.actor_at[i] >= 0 ? &v.actors[v.actor_at[i]] : nullptr;
      if (ag && ac && ac->end >= ag->end) ag = nullptr;  // a named actor wins over a role noun
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
              p.country = actor_code(*e);
              p.rules.push_back(e->rule);
              p.end = j = m->end;
              continue;
            }
            if (suffixed) break;
            if (e && p.country.empty() && !skipped &&
                (e->kind == ActorEntry::Kind::kCountry || e->kind == ActorEntry::Kind::kActor) &&
                (m->prefix.empty() || (member_noun && PrepOfPrefix(m->prefix) == kLam && !HasConj(m->prefix)))) {
              adopt(*e);
              p.end = j = m->end;
              continue;
            }
            // «وزير الخارجية بدولة الإمارات»: «بـ» + a country gives a role noun with no country
            // yet its country.
            if (e && !en && p.country.empty() && e->kind == ActorEntry::Kind::kCountry &&
                PrepOfPrefix(m->prefix) == kBa && !HasConj(m->prefix)) {
              adopt(*e);
              p.end = j = m->end;
              continue;
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
        p.head_begin = p.begin;
        p.head_end = p.end;
        // apposition: «…، علي باقري خاني» or «… ميخائيل بوغدانوف»
        size_t k = p.end;
        if (is_comma(k)) ++k;
        if (k < n && v.actor_at[k] >= 0) {
          const PhraseMatch& m = v.actors[v.actor_at[k]];
          const ActorEntry& e = lex.actors[m.payload];
          std::string code = actor_code(e);
          if (e.kind == ActorEntry::Kind::kActor && m.prefix.empty() &&
              (p.country.empty() || CountryOf(code) == p.country)) {
            adopt(e);
            p.head_begin = k;
            p.head_end = p.end = m.end;
          }
        }
        // A role noun with a possessive pronoun opening a reported clause refers to the speaker:
        // «أعلن الجيش الأميركي أن قواته قتلت …» — its forces are American.
        if (p.country.empty() && !en && !ag->suffix.empty() && i > 0 && cue_kind(i - 1) &&
            cue_kind(i - 1)->kind == CueKind::kComplementizer && !phrases.empty()) {
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
        if (p.country.empty()) {
          const CueEntry* c = cue_kind(p.end);
          if (c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep) && p.end + 1 < n)
            pending = Pending{p.begin, p.end, ag->prefix, p.sector, p.rules};
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
        // A name written without the article does not take one: «المالي» is not «مالي».
        if ((e.kind == ActorEntry::Kind::kCountry || e.kind == ActorEntry::Kind::kCapital || e.kind == ActorEntry::Kind::kActor) &&
            HasArticle(ac->prefix))
          keep = false;
        if (e.kind == ActorEntry::Kind::kDemonym) {
          // A bare demonym is an actor only when coordinated with the phrase
          // just before it («وسائل إعلام روسية وإيرانية»).
          keep = HasConj(ac->prefix) && !phrases.empty() && phrases.back().end == i;
          if (keep) p.sector = phrases.back().sector;
          // ... or as the adjective of an indefinite verbal noun right before it: «قصف إسرائيلي»,
          // «غارة جوية أميركية» (its agent; its object for a `genitive=target` noun: «مقتل أميركي»).
          if (!en && !keep && ac->prefix.empty())
            for (const PhraseMatch& tm : v.trigs)
              keep |= tm.end == i && lex.triggers[tm.payload].type == "noun" && tm.prefix.empty() && tm.suffix.empty();
          // English: a demonym right before a trigger or a passive is its actor ("Israeli strikes",
          // "Palestinians protested", "two Iranians were arrested").
          if (en && !keep && ac->end < n) {
            const CueEntry* c = cue_kind(ac->end);
            keep = v.trig_at[ac->end] >= 0 || (c && c->kind == CueKind::kPassiveAux);
          }
        }
        if (!keep) { i = ac->end; continue; }
        p.country = CountryOf(code);
        if (p.sector.empty()) p.sector = SectorOf(code);
        p.code = e.kind == ActorEntry::Kind::kActor ? code : p.country + p.sector;
        if (e.kind == ActorEntry::Kind::kActor) p.name = e.name_en;
        p.rules.push_back(e.rule);
      } else {
        ++i;
        continue;
      }
      if (pending && pending->end + 1 == p.begin) {
        p.begin = p.head_begin = pending->begin;
        first_prefix = pending->prefix;
        if (p.sector.empty()) p.sector = pending->sector;
        if (p.full_code.empty()) p.code = p.country + p.sector;
        p.rules.insert(p.rules.begin(), pending->rules.begin(), pending->rules.end());
      }
      pending.reset();
      p.prep = PrepOfPrefix(first_prefix);
      if (p.prep.empty()) p.prep = prep_before(p.begin);
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
        bool subject_next = p.end < n && v.trig_at[p.end] >= 0;
        bool verb_before = false;  // the previous phrase is an object: a verb precedes it in the clause
        for (size_t q = phrases.back().begin; q-- > 0 && v.clause[q] == v.clause[p.begin] && !verb_before;)
          verb_before = v.trig_at[q] >= 0;
        coord = joined && has_and && !(subject_next && verb_before);
      }
      p.group = coord ? phrases.back().group : static_cast<int>(phrases.size());
      if (coord) p.prep = phrases.back().prep;
      i = std::max(p.end, i + 1);
      phrases.push_back(std::move(p));
    }

    SentenceTrace* st = nullptr;
    if (trace) {
      trace->emplace_back();
      st = &trace->back();
      st->index = si;
      st->text = text.substr(sent.begin, sent.end - sent.begin);
      for (const auto& p : phrases) {
        size_t b = toks[p.begin].begin, e = toks[p.end - 1].end;
        st->actors.push_back({text.substr(b, e - b), p.code, p.prep, p.group, p.rules});
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
    auto used_as_verb = [&](const PhraseMatch& tm) {
      if (lex.triggers[tm.payload].type != "verb") return false;
      if (en) {
        // English: after a determiner ("the attack", "Russia's visit"), a determiner and one
        // word ("a deadly attack"), or a preposition other than "to" ("after meeting"), a
        // verb form is a noun.
        if (det_start[tm.begin] >= 0 || (tm.begin > 0 && det_start[tm.begin - 1] >= 0 && v.actor_at[tm.begin - 1] < 0))
          return false;
        const CueEntry* c = tm.begin > 0 ? cue_kind(tm.begin - 1) : nullptr;
        return !(c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep) && toks[tm.begin - 1].norm != "to");
      }
      if (!PrepOfPrefix(tm.prefix).empty() || HasArticle(tm.prefix)) return false;
      // A form marked plural («أطلقوا») is a finite verb whatever precedes it: no verbal noun ends in «ـوا».
      const std::string& first = toks[tm.begin].norm;  // (the verb of «أطلقوا النار» is its first word)
      if (first.size() > 4 && first.compare(first.size() - 4, 4, "\xD9\x88\xD8\xA7") == 0 && (tm.suffix.empty() || tm.end > tm.begin + 1))
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
          if (o.end == tm.begin && lex.triggers[o.payload].type == "noun") return false;
      const CueEntry* c = tm.begin > 0 ? cue_kind(tm.begin - 1) : nullptr;
      if (!c)  // (a cue of several words ending right before it: «قبل عملية خطف»)
        for (const PhraseMatch& cm : v.cues)
          if (cm.end == tm.begin && cm.begin + 1 < cm.end) c = &lex.cues[cm.payload];
      // ... and so is one after a frame noun («تهمة قتل», «محاولة اغتيال»)
      return !(c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep ||
                     c->kind == CueKind::kBackground));
    };
    const Phrase* last_source = nullptr;
    int k_in_sentence = 0;
    std::vector<bool> framed_end(n + 1, false);  // a noun trigger ending here was framed as background
    std::vector<bool> rejected_noun_end(n + 1, false);  // a noun trigger ending here coded no event
    std::vector<bool> clause_coded(v.clause.empty() ? 1 : v.clause.back() + 1, false);  // an event was coded in it
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
    // One reading per trigger span: a form listed as verb and as noun («قتل»)
    // is a verb when used as one, else a noun.
    std::vector<const PhraseMatch*> trig_reads;
    for (size_t k = 0; k < v.trigs.size();) {
      size_t e = k;
      while (e < v.trigs.size() && v.trigs[e].begin == v.trigs[k].begin && v.trigs[e].end == v.trigs[k].end) ++e;
      // A verb takes no possessive «ـي» (its own first-person object is «ـني»): «قتلى» (the
      // dead) is not «قتل» + «ي». Such a reading is dropped.
      auto impossible = [&](const PhraseMatch& m) {
        return !en && lex.triggers[m.payload].type == "verb" && m.suffix == "\xD9\x8A";
      };
      while (k < e && impossible(v.trigs[k])) ++k;
      if (k == e) continue;
      const PhraseMatch* pick = &v.trigs[k];
      bool verb_use = false;
      for (size_t q = k; q < e; ++q) verb_use |= !impossible(v.trigs[q]) && used_as_verb(v.trigs[q]);
      // A form that is a verb and a verbal noun («قتل», «خطف») is the noun when the verb before
      // it in its clause takes an event as its object (option `refers`): «أدان خطف الصحافيين»,
      // «يرفض قتل الأبرياء» — a finite verb does not follow another with no «أن» between.
      if (verb_use && !en) {
        bool has_noun = false;
        for (size_t q = k; q < e; ++q) has_noun |= lex.triggers[v.trigs[q].payload].type == "noun";
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
        bool is_verb = lex.triggers[v.trigs[q].payload].type == "verb";
        if (is_verb == verb_use && !impossible(v.trigs[q])) { pick = &v.trigs[q]; break; }
      }
      trig_reads.push_back(pick);
      k = e;
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
        if (j > 0 && rejected_noun_end[j]) {
          rejected_noun_end[tm.end] = true;  // a chain: «هجوم استهدف ... وقتل»
          if (tl) tl->decision = "describes a verbal noun just before it that is no new event";
          continue;
        }
      }
      bool inside_actor = false;
      for (const auto& p : phrases) inside_actor |= (tb >= p.begin && tb < p.end);
      if (inside_actor) { reject("part of an actor's name"); continue; }
      int cl = v.clause[tb];
      // «من» right before a finite verb is the relative «who»: «القبض على من أطلقوا النار» — those
      // who fired, presupposed like any relative clause.
      if (read_as_verb && !en && tb > 0 && (toks[tb - 1].norm == "\xD9\x85\xD9\x86" || toks[tb - 1].norm == "\xD9\x85\xD9\x85\xD9\x86") &&
          ListHas(background_clause_roots, std::string_view(trig.cameo).substr(0, 2))) {
        if (tl) tl->decision = "after the relative «من» (who): background";
        rejected_noun_end[tm.end] = true;
        continue;
      }
      bool in_bg_clause = bg_clause[cl] != SIZE_MAX;
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
        continue;
      }
      std::vector<std::string> rules = {trig.rule};
      // Trigger options (ar/triggers.tsv). `unless_next=`: the form is another word before a
      // date, a number or a topic word («فجر أمس» dawn, «فجر 5» a rocket, «تظاهرة المسرح» a
      // festival); `unless_near=`: ... within two words of a topic word («تفجر الخلاف»).
      if (!OptionAllows(trig.opt.unless_next, te, te + 1) || !OptionAllows(trig.opt.unless_near, tb >= 2 ? tb - 2 : 0, te + 2)) {
        reject("another sense of the word (a trigger option unless_next/unless_near)");
        continue;
      }
      // `only_near=X`: a verb with no pronoun object is a trigger only within three words of X in
      // its own clause — a general verb in the sense the entry codes: «تجمع», «خرج», «نزل» with
      // protesters as subject are a demonstration («المتظاهرين الذين تجمعوا» is not: another clause).
      if (trig.opt.has_only_near) {
        size_t from = tb >= 3 ? tb - 3 : 0, to = std::min(n, te + 5);  // (after it: up to five words)
        // (before it, as far as its subject may stand: to the start of its clause or the verb
        // before it — «الآلاف من المتظاهرين من طلاب المدارس تدفقوا»)
        while (from > 0 && v.clause[from - 1] == v.clause[tb] && v.trig_at[from - 1] < 0 &&
               toks[from - 1].kind != TokenKind::kPunct)
          --from;
        while (from < tb && v.clause[from] != v.clause[tb]) ++from;
        while (to > te && v.clause[to - 1] != v.clause[tb]) --to;
        // (a word with the article does not count: «المتظاهرون» tells more of a known event)
        bool near = false;
        const std::vector<std::string>& wants = trig.opt.only_near;
        for (const PhraseMatch& cm : v.cues) {
          const CueEntry& c = lex.cues[cm.payload];
          near |= cm.begin >= from && cm.begin < to && c.kind == CueKind::kTopic && ListHas(wants, c.topic) &&
                  !HasArticle(cm.prefix);
        }
        if (ListHas(wants, "number"))  // a count: «وأصابت ستة آخرين», «أصاب 4 جنود»
          for (size_t j = from; j < to; ++j) near |= toks[j].kind == TokenKind::kNumber && (j < tb || j >= te);
        // (a noun needs only the word near it: «سقطت قذائف هاون»)
        if ((trig.type == "verb" && (!used_as_verb(tm) || !tm.suffix.empty())) || !near) {
          reject("not a verb with a word its option only_near wants near, in its clause");
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
        const std::string& p = toks[j].norm;
        if (p == "?" || p == "\xD8\x9F") { question = true; break; }
        if (p == "." || p == "!") break;
      }

      // modality
      bool negated = false, uncertain = false, hypothetical = false, intent = HasFuture(tm.prefix);
      for (const PhraseMatch& cm : v.cues) {
        if (cm.end > tb) break;
        const CueEntry& c = lex.cues[cm.payload];
        bool near = tb - cm.end <= 2 && v.clause[cm.begin] == cl;
        switch (c.kind) {
          case CueKind::kNegation: if (near) { negated = true; rules.push_back(c.rule); } break;
          case CueKind::kUncertain: uncertain = true; rules.push_back(c.rule); break;
          case CueKind::kHypothetical: hypothetical = true; rules.push_back(c.rule); break;
          case CueKind::kIntent:  // (a verbal noun after «بـ» is what was threatened, however far: «هدد X بقتل»)
            if (tb - cm.end <= 8 || (!read_as_verb && PrepOfPrefix(tm.prefix) == kBa && v.clause[cm.begin] == cl)) {
              intent = true;
              rules.push_back(c.rule);
            }
            break;
          case CueKind::kUnrealized:  // «لشن هجوم», «حاول تفجير»: planned, attempted, possible
            if (tb - cm.end <= unrealized_window && v.clause[cm.begin] == cl) { hypothetical = true; rules.push_back(c.rule); }
            break;
          default: break;
        }
      }
      // A verbal noun qualified right after it as prospective («ضربة وشيكة», «هجوم محتمل»,
      // «ضربات جوية قد …»): a word of the cue topic of the setting `prospective_topic`.
      if (!read_as_verb && !hypothetical)
        for (const PhraseMatch& cm : v.cues) {
          const CueEntry& c = lex.cues[cm.payload];
          if (cm.begin >= te && cm.begin <= te + 2 && v.clause[cm.begin] == cl && c.kind == CueKind::kTopic &&
              c.topic == prospective_topic) {
            hypothetical = true;
            rules.push_back(c.rule);
          }
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
      if (!used_as_verb(tm) && !en) {
        const TriggerEntry* ref = nullptr;
        for (size_t j = tb; j-- > 0 && v.clause[j] == cl && !ref;) {
          if (v.trig_at[j] < 0) continue;
          bool verb_here = false;
          for (const PhraseMatch& o : v.trigs) {
            if (o.begin != j || !used_as_verb(o)) continue;
            verb_here = true;
            if (lex.triggers[o.payload].opt.refers) ref = &lex.triggers[o.payload];
          }
          if (verb_here) break;
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
      auto in_clause = [&](const Phrase& p) { return v.clause[p.begin] == cl; };
      const bool as_verb = used_as_verb(tm);
      if (en && trig.type == "verb" && !as_verb) { reject("an English verb form used as a noun (after a determiner or preposition)"); continue; }
      if (as_verb) {
        // English: a verb after "and" with no subject of its own shares the previous event's
        // subject ("Israel condemned Russia and demanded …").
        if (en && tb > 0 && last_source && cue_kind(tb - 1) && cue_kind(tb - 1)->kind == CueKind::kCoordinator)
          src = last_source;
        // «أكد الحلف أنه قتل 150 مسلحا»: a complementizer carrying a pronoun, with the verb right
        // after it, reports the speaker's own act — the subject is the actor before the
        // complementizer (and a counted noun after the verb is its object).
        if (!src && !en && tb >= 2 && v.clause[tb - 1] == cl && cue_kind(tb - 1) &&
            cue_kind(tb - 1)->kind == CueKind::kComplementizer) {
          std::string_view c = toks[tb - 1].norm;
          if (c.rfind(kBa, 0) == 0) c.remove_prefix(2);
          const bool pronoun = c == "\xD8\xA7\xD9\x86\xD9\x87" || c == "\xD8\xA7\xD9\x86\xD9\x87\xD8\xA7" ||
                               c == "\xD8\xA7\xD9\x86\xD9\x87\xD9\x85" || c == "\xD8\xA7\xD9\x86\xD9\x87\xD9\x85\xD8\xA7";
          if (pronoun)  // (انه، انها، انهم، انهما)
            for (const auto& p : phrases)
              if (p.end <= tb - 1 && v.clause[p.begin] == v.clause[tb - 2] && p.prep.empty()) src = &p;
        }
        if (!src)
          for (const auto& p : phrases)
            if (p.end <= tb && in_clause(p) && p.prep.empty()) src = &p;
        // A verb marked plural («احتجزوا», «قتلوا») has its subject before it or in itself: a
        // verb before its subject agrees in the singular (VSO), so what follows is its object.
        const std::string& vform = toks[tm.begin].norm;
        const bool plural_verb = trig.type == "verb" && vform.size() > 4 && vform.compare(vform.size() - 4, 4, "\xD9\x88\xD8\xA7") == 0;
        if (!src && !en && !plural_verb) {
          // VSO: the subject follows the verb before any preposition or other trigger.
          for (const auto& p : phrases) {
            if (p.begin < te || !in_clause(p)) continue;
            bool blocked = false;
            for (size_t j = te; j < p.begin && !blocked; ++j) {
              const CueEntry* c = cue_kind(j);
              blocked = (c && (c->kind == CueKind::kPreposition || c->kind == CueKind::kLocationPrep) && !partitive_at(j)) ||
                        v.trig_at[j] >= 0;
            }
            if (!blocked && p.prep.empty() && p.begin - te <= 6) src = &p;
            break;
          }
        }
        if (!src && HasConj(tm.prefix) && last_source) src = last_source;
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
        if (!tm.suffix.empty() && !src) { reject("noun with a pronoun possessor: source unknown"); continue; }  // «محادثاتهم»
        // `genitive=target`: the actor after a verbal noun of a transitive act is its object
        // («اغتيال الوزير», «خطف صحافيين»), not its agent.
        const bool genitive_is_target = trig.opt.genitive_target;
        for (const auto& p : phrases)
          if (p.begin == te && p.prep.empty() && !en) (genitive_is_target ? genitive_target : src) = &p;
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
            if (c && c->kind == CueKind::kLightVerb) {
              for (const auto& p : phrases)
                if (p.end <= tb && in_clause(p) && p.prep.empty()) src = &p;
              if (src) rules.push_back(c->rule);
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
      }
      // Passive voice: «اغتيل القائد على يد مسلحين», «اعتقل الناشط من قبل الشرطة» — the actor
      // after the agent marker is the source; the subject slot after the verb holds the target.
      const Phrase* passive_target = nullptr;
      // Passive reading of a verb: with the option `passive` (a passive form: «أصيب», «اغتيل»)
      // its subject is the victim; with `counted=X|Y` a subject right after the verb that
      // starts with a number or a word of cue topic X («قتل 5 جنود», «قتل ثلاثة جنود») is read
      // so too. The perpetrator, if any, comes after a `passive_agent` cue («على يد»).
      if (as_verb && src && !en) {
        const bool from_conj = src == last_source;  // «وأصيب»: the previous event's subject
        bool passive = trig.opt.passive;
        if (!passive && src->begin >= te && src->begin <= te + 2 && trig.opt.has_counted)
          passive = !OptionAllows(trig.opt.counted, te, src->begin + 1);
        if (passive) {
          if (!from_conj) passive_target = src;
          // the subject slot right after a passive verb is its victim, before one before it
          for (const auto& p : phrases) {
            if (p.begin < te || !in_clause(p)) continue;
            if (p.prep.empty() && p.begin - te <= 3) passive_target = &p;
            break;
          }
          src = nullptr;
          rules.push_back(trig.rule + " (passive)");
        }
      }
      // English passive: a be-auxiliary right before the verb (or before one adverb):
      // the subject is the target, the actor after "by" (if any) the source.
      bool en_passive = false;
      const Phrase* en_subject = nullptr;
      if (en && as_verb) {
        auto aux_at = [&](size_t j) { const CueEntry* c = cue_kind(j); return c && c->kind == CueKind::kPassiveAux; };
        en_passive = (tb > 0 && aux_at(tb - 1)) ||
                     (tb > 1 && aux_at(tb - 2) && toks[tb - 1].kind == TokenKind::kWord && !cue_kind(tb - 1) &&
                      v.actor_at[tb - 1] < 0 && v.agent_at[tb - 1] < 0);
        if (en_passive) { en_subject = src; src = nullptr; rules.push_back(lex.cues[v.cues[v.cue_at[tb - 1] >= 0 && aux_at(tb - 1) ? v.cue_at[tb - 1] : v.cue_at[tb - 2]].payload].rule); }
      }
      for (const PhraseMatch& cm : v.cues) {
        if (en && as_verb && !en_passive) break;  // English active voice: "by" is not an agent marker
        if (cm.begin < te || v.clause[cm.begin] != cl || lex.cues[cm.payload].kind != CueKind::kPassiveAgent) continue;
        // (the agent of this trigger, not of a later act: before any comma after it)
        bool comma_between = false;
        for (size_t j = te; j < cm.begin && !en; ++j) comma_between |= is_comma(j);
        if (comma_between) break;
        for (const auto& p : phrases) {
          if (p.begin == cm.end || (p.begin == cm.end + 1 && toks[cm.end].kind == TokenKind::kPunct) ||
              (en && skip_det(p.begin) == cm.end)) {
            if (src && src->begin >= te && src->end <= cm.begin) passive_target = src;
            src = &p;
            rules.push_back(lex.cues[cm.payload].rule);
            break;
          }
        }
        break;
      }
      if (en_passive) passive_target = en_subject;
      // Violence and protest stand without a known perpetrator (trigger option `actorless`),
      // but a definite verbal noun with no perpetrator («الاغتيال», «المظاهرات») refers back
      // to an event already told or speaks of it in general, and one after «لـ» («للتعذيب»)
      // names a purpose: neither reports a new event.
      if (!src && !trig.actorless) { reject("no source actor found"); continue; }
      // English: after "the"/"this"/a possessive, or after a preposition ("accused India of
      // shelling"), a noun with no perpetrator of its own is a back-reference or a complement.
      const bool en_definite = en && ((det_start[tb] >= 0 && toks[det_start[tb]].norm != "a" && toks[det_start[tb]].norm != "an") ||
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
      if (!src && !as_verb && !reported && (HasArticle(tm.prefix) || PrepOfPrefix(tm.prefix) == kLam || en_definite)) {
        reject("definite or purpose noun with no perpetrator: a back-reference or topic");
        continue;
      }
      // A count of ten or more before a verbal noun is a tally of many acts, not one event
      // («وقوع 199 هجوما خلال تسعة أشهر»).
      if (!as_verb && !en && tb > 0 && toks[tb - 1].kind == TokenKind::kNumber) {
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
      if (!as_verb && tb > 0 && (!src || !en)) {
        const CueEntry* c = cue_kind(tb - 1);
        if (!c) {  // the frame word may be a multiword cue ending right before the trigger
          for (const PhraseMatch& cm : v.cues)
            if (cm.end == tb) c = &lex.cues[cm.payload];
        }
        // (a noun joined by «و» to one that codes no event shares its reading: «الاغتيالات وقصف المنازل»)
        if ((c && c->kind == CueKind::kBackground) || (HasConj(tm.prefix) && (framed_end[tb] || rejected_noun_end[tb]))) {
          framed_end[te] = true;
          reject("framed as background (a frame noun before it)");
          continue;
        }
        // ... and so is the means or place of an act that codes no event, in its noun phrase:
        // «أعلن مسؤوليته عن مقتل المئات في هجمات انتحارية», «منذ اغتياله بسيارة مفخخة» (unless
        // a light verb right after it tells more of it: «في هجوم شنه متمردون»).
        const bool told_after = te < n && cue_kind(te) && cue_kind(te)->kind == CueKind::kLightVerb;
        if (!src && !told_after && (PrepOfPrefix(tm.prefix) == kBa || toks[tb - 1].norm == "\xD9\x81\xD9\x8A")) {
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

      // target
      const Phrase* tgt = passive_target ? passive_target : genitive_target;
      size_t after = std::max(te, src && src->begin >= te ? src->end : te);
      const Phrase* fallback = nullptr;
      // The target search stops at the next verb trigger, negation or light verb in the clause.
      size_t stop = n;
      for (size_t j = after; j < n && stop == n; ++j) {
        if (v.clause[j] != cl) stop = j;
        else if (v.trig_at[j] >= 0 && v.trigs[v.trig_at[j]].begin != tb && used_as_verb(v.trigs[v.trig_at[j]])) stop = j;
        else if (const CueEntry* c = cue_kind(j); c && (c->kind == CueKind::kNegation || (c->kind == CueKind::kLightVerb && !en)))
          stop = j;  // (a light verb starts a predication of its own: «في هجوم شنه مسلحون»)
      }
      // A verb whose object is a pronoun suffix («قدمته») takes its target only through a preposition.
      bool object_is_pronoun = as_verb && !tm.suffix.empty();
      for (const auto& p : phrases) {
        if (tgt || en_passive) break;  // the passive already gave the target
        if (p.begin < after || (src && p.group == src->group)) continue;
        if (src && !en && p.code == src->code) continue;  // (never its own target: «زيارة أوباما … لرئيس أمريكي … لكينيا»)
        if (p.begin >= stop || p.begin - after > 12) break;
        bool prep_ok = trig.target_preps.empty()
                           ? p.prep != "\xD9\x81\xD9\x8A" && !(object_is_pronoun && p.prep.empty())  // not «في» (a location)
                           : std::find(trig.target_preps.begin(), trig.target_preps.end(), p.prep) !=
                                 trig.target_preps.end();
        // English: a verb's direct object, or an actor after one of its target prepositions.
        if (en)
          prep_ok = (as_verb && (p.prep.empty() || skip_det(p.begin) == te)) ||  // "commented on X": the
                                                                                  // preposition is the trigger's
                    std::find(trig.target_preps.begin(), trig.target_preps.end(), p.prep) != trig.target_preps.end();
        if (prep_ok) { tgt = &p; break; }
        if (p.prep.empty() && !fallback && as_verb && !object_is_pronoun) fallback = &p;
      }
      if (!tgt) tgt = fallback;
      if (!tgt && trig.needs_target) { reject("needs a target and none was found"); continue; }

      // location: a place after «في» or «بـ», in the trigger's clause, nearest to the trigger
      const PhraseMatch* loc = nullptr;
      size_t best_dist = SIZE_MAX;
      for (const PhraseMatch& pm : v.places) {
        if (v.clause[pm.begin] != cl) continue;
        bool located = PrepOfPrefix(pm.prefix) == kBa || location_prep_before(pm.begin);
        if (!located) continue;
        bool in_phrase = false;  // (a country that an actor phrase took: «وزير الخارجية بدولة الإمارات»)
        for (const auto& p : phrases) in_phrase |= !en && pm.begin >= p.begin && pm.begin < p.end;
        if (in_phrase) continue;
        size_t d = pm.begin >= te ? pm.begin - te : tb - pm.end + 1;
        if (d < best_dist) { best_dist = d; loc = &pm; }
      }

      // date: in the trigger's clause, nearest; else the date heading a chronology line
      // («27 ديسمبر 2007: اغتيال …»); else the document date
      const DateMention* dm = nullptr;
      best_dist = SIZE_MAX;
      for (const auto& d : dates) {
        if (v.clause[d.tok_begin] != cl) continue;
        size_t dist = d.tok_begin >= te ? d.tok_begin - te : tb - d.tok_end + 1;
        if (dist < best_dist) { best_dist = dist; dm = &d; }
      }
      if (!dm && cl > 0)
        for (const auto& d : dates) {
          if (v.clause[d.tok_begin] != 0 || d.basis != "explicit") continue;
          bool heading = true;  // the first clause is the date alone, ended by «:»
          size_t j = 0;
          for (; j < n && v.clause[j] == 0 && heading; ++j)
            heading = (j >= d.tok_begin && j < d.tok_end) || toks[j].kind == TokenKind::kPunct;
          if (heading && j < n && toks[j].norm == ":") dm = &d;
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

      // code
      std::string cameo = trig.cameo;
      for (const auto& q : trig.qualifiers) {
        bool hit = false;
        for (const PhraseMatch& cm : v.cues) {
          const CueEntry& c = lex.cues[cm.payload];
          if (cm.begin >= te && v.clause[cm.begin] == cl && c.kind == CueKind::kTopic && c.topic == q.topic) {
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
      if (const std::string& unarmed = trig.opt.unarmed; !unarmed.empty() && src && !src->sector.empty() &&
                                                                 cameo == trig.cameo) {
        bool armed = ListHas(cfg.armed_sectors, src->sector);
        const std::string& armed_topic = cfg.armed_topic;
        for (const PhraseMatch& cm : v.cues) {
          const CueEntry& c = lex.cues[cm.payload];
          armed |= c.kind == CueKind::kTopic && c.topic == armed_topic && v.clause[cm.begin] == cl;
        }
        if (!armed) cameo = unarmed;
      }
      // A dated reference more than `history_days` (ar/settings.tsv) before the article is
      // history, not news.
      if (dm && dm->basis == "explicit" && doc_date.valid() && history_days > 0 &&
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
        for (const PhraseMatch& cm : v.cues) {
          const CueEntry& c = lex.cues[cm.payload];
          if (c.kind != CueKind::kTopic || v.clause[cm.begin] != cl) continue;
          if (c.topic == hist) past = true;
          // (not a reference point: «منذ عام 2003», «بعد عام 2003» — a background cue before it)
          const CueEntry* before = cm.begin > 0 ? cue_kind(cm.begin - 1) : nullptr;
          size_t num = cm.end < n && toks[cm.end].kind == TokenKind::kPunct ? cm.end + 1 : cm.end;  // «(شباط) 2005»
          if (c.topic == year && num < n && toks[num].kind == TokenKind::kNumber && v.clause[num] == cl &&
              !(before && before->kind == CueKind::kBackground)) {
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

      std::vector<const Phrase*> srcs, tgts;
      if (src) {
        for (const auto& p : phrases) if (p.group == src->group) srcs.push_back(&p);
      } else {
        srcs.push_back(nullptr);  // an actorless event
      }
      if (tgt) for (const auto& p : phrases) if (p.group == tgt->group) tgts.push_back(&p);
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
          if (t && s && t->code == s->code) {
            // An act on itself is no event, but violence or protest (actorless) stands without
            // the target: «وخرج متظاهرون من مساجد الخرطوم» has no second party.
            if (!trig.actorless || self_dropped || tgts.size() > 1) continue;
            self_dropped = true;
            t = nullptr;
          }
          std::string code = cameo;
          if (!trig.third_location.empty() && place && t && s && place->country != s->country &&
              place->country != t->country && modality == "asserted")
            code = trig.third_location;
          const CameoCode* cc = lex.cameo().Find(code);
          if (!cc) continue;
          Event ev;
          ev.doc_id = doc.id;
          ev.doc_url = doc.url;
          ev.doc_source = doc.source.empty() ? doc.site : doc.source;
          ev.doc_title = doc.title;
          ev.doc_date = doc_date.ToString();
          ev.sentence_index = si;
          ev.sentence = text.substr(sent.begin, sent.end - sent.begin);
          if (dm) {
            ev.date = dm->date.ToString();
            ev.date_basis = dm->basis;
          } else if (doc_date.valid()) {
            ev.date = doc_date.ToString();
            ev.date_basis = "document";
          }
          if (s) {
            ev.source = make_ref(*s);
          } else {  // unknown perpetrator: an empty actor placed at the trigger
            ev.source.start = ev.source.end = cp(toks[tb].begin);
          }
          if (t) ev.target = make_ref(*t);
          // Violence with no named victim: the people of the place where it struck are its
          // target («هجوم على مركز للأمن في إسطنبول» → TUR). Roots from the setting
          // `location_target_roots` (ar/settings.tsv); an empty setting turns this off.
          if (!t && place && !place->country.empty() && ListHas(location_target_roots, cc->root) &&
              !(s && s->code == place->country)) {
            ActorRef r;
            size_t lb = toks[loc->begin].begin, le = toks[loc->end - 1].end;
            r.text = text.substr(lb, le - lb);
            r.code = r.country = place->country;
            r.start = cp(lb);
            r.end = cp(le);
            ev.target = r;
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
          ev.rules = rules;
          if (s) for (const auto& r : s->rules) ev.rules.push_back(r);
          if (t) for (const auto& r : t->rules) ev.rules.push_back(r);
          if (place) ev.rules.push_back(place->rule);
          if (!t && ev.target) ev.rules.push_back("ar/settings.tsv:location_target_roots");
          if (dm) ev.rules.push_back(dm->rule);
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
          events->push_back(std::move(ev));
          clause_coded[cl] = true;
        }
      }
      last_source = src;
    }
  }
}

}  // namespace hadath
