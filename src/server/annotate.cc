#include "server/annotate.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "lexicon/lexicon.h"
#include "lexicon/surnames.h"
#include "text/dates.h"
#include "util/utf8.h"

namespace hadath::server {

namespace {

// Code point offset → byte offset, for one text.
std::vector<size_t> BytesAtCodePoints(const std::string& text) {
  std::vector<size_t> at;
  at.reserve(text.size() + 1);
  size_t i = 0;
  while (i < text.size()) {
    at.push_back(i);
    utf8::Next(text, &i);
  }
  at.push_back(text.size());
  return at;
}

}  // namespace

std::vector<Span> AnnotateSpans(const Engine& engine, const Extracted& doc, const std::vector<Event>& events) {
  const std::string& text = doc.text;
  const std::vector<size_t> byte_at = BytesAtCodePoints(text);
  const size_t n_cp = byte_at.size() - 1;
  utf8::OffsetMap cp_at(text);
  std::map<std::tuple<size_t, size_t, std::string>, Span> spans;
  auto add = [&](size_t start, size_t end, const std::string& kind, Span proto, int event) {
    if (start >= end || end > n_cp) return;
    auto key = std::make_tuple(start, end, kind);
    auto it = spans.find(key);
    if (it == spans.end()) {
      proto.start = start;
      proto.end = end;
      proto.kind = kind;
      it = spans.emplace(key, std::move(proto)).first;
    } else if (it->second.rule.empty()) {
      it->second.rule = proto.rule;  // (an event's actor span takes its dictionary entry's line)
    }
    if (event >= 0 && std::find(it->second.events.begin(), it->second.events.end(), event) == it->second.events.end())
      it->second.events.push_back(event);
  };

  // (the document's language: English text is read by the English lexicon, as the coder does)
  const Lexicon& lex = engine.lexicon().ForDocument(doc.lang, text);
  const TokenizedText sentences = lex.tokenizer().Split(text);

  // Events: actors, trigger, and the location's words inside the trigger's sentence.
  for (size_t k = 0; k < events.size(); ++k) {
    const Event& e = events[k];
    const int ev = static_cast<int>(k);
    auto actor = [&](const ActorRef& a, const char* role) {
      Span s;
      s.role = role;
      s.code = a.code;
      s.label = a.name;
      add(a.start, a.end, "actor", s, ev);
    };
    actor(e.source, "source");
    if (e.target) actor(*e.target, "target");
    Span t;
    t.code = e.cameo;
    t.label = e.cameo_name;
    for (const auto& r : e.rules)
      if (r.find("triggers") != std::string::npos) { t.rule = r; break; }
    add(e.trigger_start, e.trigger_end, "trigger", t, ev);
    if (!e.location.text.empty() && e.trigger_start < n_cp) {
      size_t tb = byte_at[e.trigger_start];
      for (const Sentence& s : sentences) {
        if (tb < s.begin || tb >= s.end) continue;
        size_t at = text.find(e.location.text, s.begin);
        if (at != std::string::npos && at + e.location.text.size() <= s.end) {
          Span p;
          p.code = e.location.country;
          p.label = e.location.name;
          add(cp_at.ToCodePoint(at), cp_at.ToCodePoint(at + e.location.text.size()), "place", p, ev);
        }
        break;
      }
    }
  }

  // Dictionaries: every actor and place phrase, every date expression.
  Ymd doc_date;
  if (!Ymd::Parse(doc.date, &doc_date)) doc_date = Ymd{};
  // (the actors of every sentence first: a surname, lexicon/surnames.h, may come before the
  // full name)
  std::vector<std::vector<PhraseMatch>> actors_of;
  Surnames surnames;
  surnames.Reset(lex, text);
  for (const Sentence& s : sentences) {
    actors_of.push_back(lex.actor_matcher.FindAll(s.tokens));
    surnames.NoteNames(s.tokens, actors_of.back());
  }
  std::vector<size_t> surname_tokens;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const auto& toks = sentences[si].tokens;
    if (toks.empty()) continue;
    auto range = [&](size_t b, size_t e) {
      return std::make_pair(cp_at.ToCodePoint(toks[b].begin), cp_at.ToCodePoint(toks[e - 1].end));
    };
    surname_tokens.clear();
    surnames.AddTo(toks, &actors_of[si], &surname_tokens);
    for (const PhraseMatch& m : actors_of[si]) {
      if (m.payload >= lex.actors.size() || m.end <= m.begin || m.end > toks.size()) continue;
      const ActorEntry& a = lex.actors[m.payload];
      auto [b, e] = range(m.begin, m.end);
      Span sp;
      sp.code = a.codes.empty() ? "" : a.CodeOn(doc_date);
      sp.label = a.name_en;
      sp.rule = a.rule;
      // ("Lam" for Carrie Lam: no other match starts at a surname's token)
      if (std::find(surname_tokens.begin(), surname_tokens.end(), m.begin) != surname_tokens.end())
        sp.rule += std::string(", ") + Surnames::kRule;
      add(b, e, "actor", sp, -1);
    }
    for (const PhraseMatch& m : lex.place_matcher.FindAll(toks)) {
      if (m.payload >= lex.places.size() || m.end <= m.begin || m.end > toks.size()) continue;
      const PlaceEntry& p = lex.places[m.payload];
      auto [b, e] = range(m.begin, m.end);
      Span sp;
      sp.code = p.country;
      sp.label = p.name_en;
      sp.rule = p.rule;
      add(b, e, "place", sp, -1);
    }
    for (const DateMention& d : lex.dates().Find(toks, doc_date)) {
      if (d.tok_end <= d.tok_begin || d.tok_end > toks.size()) continue;
      auto [b, e] = range(d.tok_begin, d.tok_end);
      Span sp;
      sp.role = d.basis;
      sp.code = d.date.valid() ? d.date.ToString() : "";
      sp.rule = d.rule;
      add(b, e, "date", sp, -1);
    }
  }

  std::vector<Span> out;
  out.reserve(spans.size());
  for (auto& [k, s] : spans) out.push_back(std::move(s));
  std::stable_sort(out.begin(), out.end(), [](const Span& a, const Span& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  return out;
}

nlohmann::ordered_json SpansToJson(const std::vector<Span>& spans) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (const Span& s : spans) {
    nlohmann::ordered_json j;
    j["start"] = s.start;
    j["end"] = s.end;
    j["kind"] = s.kind;
    if (!s.role.empty()) j["role"] = s.role;
    j["code"] = s.code;
    j["label"] = s.label;
    if (!s.rule.empty()) j["rule"] = s.rule;
    j["events"] = s.events;
    a.push_back(std::move(j));
  }
  return a;
}

}  // namespace hadath::server
