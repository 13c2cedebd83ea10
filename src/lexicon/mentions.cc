#include "lexicon/mentions.h"

#include <algorithm>
#include <map>
#include <set>

#include "lexicon/surnames.h"

namespace hadath {

namespace {

const std::string kAl = "\xD8\xA7\xD9\x84";  // ال
const std::string kLl = "\xD9\x84\xD9\x84";  // لل
const std::string kBa = "\xD8\xA8";          // ب
const std::string kLam = "\xD9\x84";         // ل

// The preposition carried by a clitic prefix chain («وبال» → «ب»), or "".
std::string PrepOf(std::string_view prefix) {
  if (prefix.rfind("\xD9\x88", 0) == 0 || prefix.rfind("\xD9\x81", 0) == 0) prefix = prefix.substr(2);
  if (prefix.rfind(kLl, 0) == 0) return kLam;
  if (prefix.rfind(kBa, 0) == 0) return kBa;
  if (prefix.rfind(kLam, 0) == 0) return kLam;
  return "";
}

bool Bare(std::string_view prefix) { return prefix.empty() || prefix == kAl; }

// Groups of FindAll: matches sharing one span, by start token.
struct Groups {
  std::vector<PhraseMatch> all;
  std::vector<int> at;  // first match index starting at token i, -1 if none
  void Init(std::vector<PhraseMatch> ms, size_t n) {
    all = std::move(ms);
    at.assign(n, -1);
    for (size_t k = 0; k < all.size(); ++k)
      if (at[all[k].begin] < 0) at[all[k].begin] = static_cast<int>(k);
  }
  // The candidates starting at i: [first, last).
  std::pair<size_t, size_t> At(size_t i) const {
    if (i >= at.size() || at[i] < 0) return {0, 0};
    size_t a = static_cast<size_t>(at[i]), b = a;
    while (b < all.size() && all[b].begin == all[a].begin && all[b].end == all[a].end) ++b;
    return {a, b};
  }
};

using Countries = std::map<std::string, int>;

struct Candidate {
  size_t match;          // index into Groups::all
  std::string country;
  bool country_level;    // a country (outranks any city)
  long long population;
};

// The context rule of data/README.md: sentence country, document country,
// country-level entry, population, then dictionary order.
size_t Choose(const std::vector<Candidate>& cs, const Countries& sentence, const Countries& doc, std::string* why) {
  size_t best = 0;
  auto score = [&](const Candidate& c) {
    int ctx = sentence.count(c.country) ? 2 : doc.count(c.country) ? 1 : 0;
    return std::make_tuple(ctx, c.country_level ? 1 : 0, c.population);
  };
  for (size_t k = 1; k < cs.size(); ++k)
    if (score(cs[k]) > score(cs[best])) best = k;
  if (cs.size() > 1 && why) {
    bool same = true;
    for (const auto& c : cs) same &= c.country == cs[0].country;
    if (!same) {
      int ctx = std::get<0>(score(cs[best]));
      *why = ctx == 2 ? "sentence country" : ctx == 1 ? "document country" : cs[best].country_level ? "country over city" : "population";
    }
  }
  return best;
}

}  // namespace

std::string CountryOfCode(const std::string& code) {
  if (code.size() < 3) return "";
  return code.substr(0, 3);  // IGO/NGO/IMG… too, as the coder and the GSR do
}

std::string SectorOfCode(const std::string& code) {
  if (code.size() < 6) return "";
  return code.substr(3, 3);
}

const char* MentionKindName(Mention::Kind k) {
  switch (k) {
    case Mention::Kind::kActor: return "actor";
    case Mention::Kind::kAgent: return "agent";
    case Mention::Kind::kPlace: return "place";
    case Mention::Kind::kDate: return "date";
  }
  return "?";
}

std::vector<Mention> FindMentions(const Lexicon& lex, const std::string& text, const Ymd& doc_date) {
  std::vector<Mention> out;
  // This thread's tokens of the previous text are recycled (no allocation in the steady state).
  thread_local TokenizedText scratch;
  lex.tokenizer().Split(text, &scratch);
  const TokenizedText& sentences = scratch;
  struct Sent {
    Groups actors, agents, places, cues;
    Countries countries;  // unambiguous countries named in it
  };
  std::vector<Sent> ss(sentences.size());
  Countries doc;
  auto actor_country = [&](const PhraseMatch& m) { return CountryOfCode(lex.actors[m.payload].CodeOn(doc_date)); };
  // The actor matches of every sentence first: a surname (English, lexicon/surnames.h) may come
  // before the full name ("Lam" in the title, "Carrie Lam" in the lead).
  std::vector<std::vector<PhraseMatch>> actors_of(sentences.size());
  thread_local Surnames surnames;
  surnames.Reset(lex, text);
  for (size_t si = 0; si < sentences.size(); ++si) {
    actors_of[si] = lex.actor_matcher.FindAll(sentences[si].tokens);
    DropPlainWordNames(lex.coder_settings.plain_words, sentences[si].tokens, &actors_of[si]);  // («باكرا» is not «بـ» + Accra)
    surnames.NoteNames(sentences[si].tokens, actors_of[si]);
  }
  // Per sentence, the tokens read as a surname (their actor match is added as the name's).
  std::vector<std::vector<size_t>> surname_at(sentences.size());
  for (size_t si = 0; si < sentences.size() && !surnames.empty(); ++si)
    surnames.AddTo(sentences[si].tokens, &actors_of[si], &surname_at[si]);
  for (size_t si = 0; si < sentences.size(); ++si) {
    const auto& toks = sentences[si].tokens;
    Sent& s = ss[si];
    s.actors.Init(std::move(actors_of[si]), toks.size());
    s.agents.Init(lex.agent_matcher.FindAll(toks), toks.size());
    std::vector<PhraseMatch> places = lex.place_matcher.FindAll(toks);
    DropArticlePlaces(&places);  // (Arabic: «المشهد» is not «ال» + Mashhad)
    DropPlainWordNames(lex.coder_settings.plain_words, toks, &places);
    s.places.Init(std::move(places), toks.size());
    s.cues.Init(lex.cue_matcher.FindAll(toks), toks.size());
    // Context: spans whose candidates, actors and places together, all name
    // one country («طرابلس» names LBY as a capital, LBY and LBN as places:
    // no context).
    struct SpanCountry { size_t begin, end; std::string country; bool one; };
    std::vector<SpanCountry> spans;  // few per sentence: a linear scan is cheapest
    auto note = [&](const Groups& g, auto country_of) {
      for (const auto& m : g.all) {
        std::string c = country_of(m);
        auto it = std::find_if(spans.begin(), spans.end(),
                               [&](const SpanCountry& x) { return x.begin == m.begin && x.end == m.end; });
        if (it == spans.end()) spans.push_back({m.begin, m.end, c, !c.empty()});
        else if (it->country != c) it->one = false;
      }
    };
    note(s.actors, actor_country);
    note(s.places, [&](const PhraseMatch& m) { return lex.places[m.payload].country; });
    for (const auto& x : spans)
      if (x.one) { ++s.countries[x.country]; ++doc[x.country]; }
  }

  for (size_t si = 0; si < sentences.size(); ++si) {
    const auto& toks = sentences[si].tokens;
    const size_t n = toks.size();
    const Sent& s = ss[si];
    auto location_prep_before = [&](size_t i) {
      if (i == 0) return false;
      auto [a, b] = s.cues.At(i - 1);
      for (size_t k = a; k < b; ++k)
        if (s.cues.all[k].end == i && lex.cues[s.cues.all[k].payload].kind == CueKind::kLocationPrep) return true;
      return false;
    };
    auto choose_actor = [&](size_t i, std::string* why) -> const PhraseMatch* {
      auto [a, b] = s.actors.At(i);
      if (a == b) return nullptr;
      std::vector<Candidate> cs;
      for (size_t k = a; k < b; ++k) {
        const ActorEntry& e = lex.actors[s.actors.all[k].payload];
        cs.push_back({k, actor_country(s.actors.all[k]), e.kind == ActorEntry::Kind::kCountry,
                      e.kind == ActorEntry::Kind::kCapital ? 1 : 0});
      }
      return &s.actors.all[cs[Choose(cs, s.countries, doc, why)].match];
    };
    auto choose_place = [&](size_t i, std::string* why) -> const PhraseMatch* {
      auto [a, b] = s.places.At(i);
      if (a == b) return nullptr;
      std::vector<Candidate> cs;
      for (size_t k = a; k < b; ++k) {
        const PlaceEntry& p = lex.places[s.places.all[k].payload];
        cs.push_back({k, p.country, p.id.rfind("country:", 0) == 0, p.population});
      }
      return &s.places.all[cs[Choose(cs, s.countries, doc, why)].match];
    };
    auto place_mention = [&](const PhraseMatch& pm, const std::string& why) {
      const PlaceEntry& p = lex.places[pm.payload];
      Mention m;
      m.kind = Mention::Kind::kPlace;
      m.sentence = si;
      m.begin = toks[pm.begin].begin;
      m.end = toks[pm.end - 1].end;
      m.country = p.country;
      m.name = p.name_en;
      m.id = p.id;
      m.rules.push_back(p.rule);
      m.place = &p;
      m.why = why;
      out.push_back(std::move(m));
    };

    size_t i = 0;
    while (i < n) {
      std::string why;
      const PhraseMatch* ag = nullptr;
      if (auto [a, b] = s.agents.At(i); a != b) ag = &s.agents.all[a];
      const PhraseMatch* ac = choose_actor(i, &why);
      std::string pwhy;
      const PhraseMatch* pl = choose_place(i, &pwhy);
      if (ag && ac && ac->end >= ag->end) ag = nullptr;      // a named actor wins over a role noun
      if (ag && pl && pl->end > ag->end) ag = nullptr;
      if (ag) {
        const AgentEntry& a = lex.agents[ag->payload];
        Mention m;
        m.kind = Mention::Kind::kAgent;
        m.sentence = si;
        m.begin = toks[i].begin;
        size_t end = ag->end;
        m.sector = a.sector;
        m.id = a.id;
        m.name = a.name_en;
        m.rules.push_back(a.rule);
        const bool member = a.sector.empty();
        const bool suffixed = !ag->suffix.empty();
        std::string full;
        // A demonym, a genitive country/actor, or (member nouns) «لـ» + organisation.
        for (int step = 0; step < 2 && end < n; ++step) {
          std::string w;
          const PhraseMatch* x = choose_actor(end, &w);
          if (!x) break;
          const ActorEntry& e = lex.actors[x->payload];
          const std::string code = e.CodeOn(doc_date);
          if (e.kind == ActorEntry::Kind::kDemonym && Bare(x->prefix) && m.country.empty()) {
            m.country = CountryOfCode(code);
          } else if (!suffixed && m.country.empty() && full.empty() &&
                     (x->prefix.empty() || (member && PrepOf(x->prefix) == kLam)) &&
                     e.kind != ActorEntry::Kind::kDemonym) {
            m.country = CountryOfCode(code);
            if (e.kind == ActorEntry::Kind::kActor) {
              full = code;
              m.name = e.name_en;
              m.id = e.id;
            }
          } else {
            break;
          }
          m.rules.push_back(e.rule);
          end = x->end;
        }
        if (!full.empty()) {
          m.code = full;
          if (!SectorOfCode(full).empty()) m.sector = SectorOfCode(full);
        } else {
          m.code = m.country + m.sector;
        }
        m.end = toks[end - 1].end;
        out.push_back(std::move(m));
        i = end;
        continue;
      }
      if (ac && !(pl && pl->end > ac->end)) {
        const ActorEntry& e = lex.actors[ac->payload];
        const bool located = PrepOf(ac->prefix) == kBa || location_prep_before(i);
        const bool geo = e.kind == ActorEntry::Kind::kCountry || e.kind == ActorEntry::Kind::kCapital;
        if (geo && located && pl && pl->end == ac->end) {
          place_mention(*pl, pwhy);
          i = pl->end;
          continue;
        }
        if (e.kind == ActorEntry::Kind::kDemonym) {
          // A demonym no role noun took: a people («عراقيين»), or the
          // nationality of the plain noun before it («وحدة إسرائيلية»).
          Mention m;
          m.kind = Mention::Kind::kActor;
          m.sentence = si;
          size_t b = i;
          if (i > 0 && toks[i - 1].kind == TokenKind::kWord &&
              (out.empty() || out.back().end <= toks[i - 1].begin) &&
              s.cues.At(i - 1).first == s.cues.At(i - 1).second) {
            // An adjective agrees in definiteness with its noun: «دورية بريطانية»,
            // «القوات البريطانية», not «واصيب الكوريون».
            auto definite = [&](const Token& t, std::string_view prefix) {
              if (prefix.find(kAl) != std::string::npos || prefix.find(kLl) != std::string::npos) return true;
              if (t.norm.rfind(kAl, 0) == 0) return true;
              for (const Segment& g : t.segs)
                if (g.prefix.find(kAl) != std::string::npos || g.prefix.find(kLl) != std::string::npos) return true;
              return false;
            };
            if (definite(toks[i - 1], "") == definite(toks[i], ac->prefix)) b = i - 1;
          }
          m.begin = toks[b].begin;
          m.end = toks[ac->end - 1].end;
          m.code = m.country = CountryOfCode(e.CodeOn(doc_date));
          m.name = e.name_en;
          m.id = e.id;
          m.rules.push_back(e.rule);
          m.why = "demonym";
          out.push_back(std::move(m));
          i = ac->end;
          continue;
        }
        if (!(geo && located)) {
          Mention m;
          m.kind = Mention::Kind::kActor;
          m.sentence = si;
          m.begin = toks[i].begin;
          m.end = toks[ac->end - 1].end;
          m.code = e.CodeOn(doc_date);
          m.country = CountryOfCode(m.code);
          m.sector = SectorOfCode(m.code);
          m.name = e.name_en;
          m.id = e.id;
          m.rules.push_back(e.rule);
          m.why = why;
          if (std::find(surname_at[si].begin(), surname_at[si].end(), i) != surname_at[si].end()) {
            m.rules.push_back(Surnames::kRule);
            m.why = "surname: the person this document names in full";
          }
          out.push_back(std::move(m));
        }
        i = ac->end;
        continue;
      }
      if (pl) {
        place_mention(*pl, pwhy);
        i = pl->end;
        continue;
      }
      ++i;
    }
    for (const DateMention& d : lex.dates().Find(toks, doc_date)) {
      Mention m;
      m.kind = Mention::Kind::kDate;
      m.sentence = si;
      m.begin = toks[d.tok_begin].begin;
      m.end = toks[d.tok_end - 1].end;
      m.date = d.date.ToString();
      m.code = d.basis;
      m.rules.push_back(d.rule);
      out.push_back(std::move(m));
    }
  }
  // In text order (stable): sort (begin, index) pairs, then move each mention once.
  std::vector<std::pair<size_t, uint32_t>> order(out.size());
  bool sorted = true;
  for (size_t k = 0; k < out.size(); ++k) {
    order[k] = {out[k].begin, static_cast<uint32_t>(k)};
    sorted &= k == 0 || out[k - 1].begin <= out[k].begin;
  }
  if (sorted) return out;
  std::sort(order.begin(), order.end());  // pairs: equal begins keep their index order
  std::vector<Mention> in_order;
  in_order.reserve(out.size());
  for (const auto& o : order) in_order.push_back(std::move(out[o.second]));
  return in_order;
}

}  // namespace hadath
