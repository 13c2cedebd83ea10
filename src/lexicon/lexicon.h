// Lexicon: every dictionary hadath codes with, loaded from data/ and compiled
// into phrase matchers (see data/README.md for the file formats). One Lexicon
// per language: the Arabic one (data/ar/) owns the English one (data/en/, when
// that directory exists); ForLang() picks the one for a document's language.
// The English files mirror the Arabic ones with `names_en` for `names_ar`:
//   ar/countries.tsv     country names, demonyms, capitals (as metonyms)
//   ar/actors.tsv        people, organisations, institutions with dated codes
//   ar/agents.tsv        role nouns → sector («وزير الخارجية» → GOV)
//   ar/demonym_suffixes.tsv  inflections derived from a demonym stem
//   geo/places.tsv, geo/regions.ar.tsv   the gazetteer
//   ar/triggers.tsv      event verbs and nouns → CAMEO codes
//   ar/cues.tsv          negation, uncertainty, modality, clause words
//   cameo.tsv            CAMEO codes → root, quad class, Goldstein, PLOVER
//
// Load() uses the compiled image of these files (image.h) when one matching
// their content is cached, else compiles them and caches the image: matchers
// are then read in place from a read-only mapping shared by every thread;
// entries are decoded from it (a few thousand small structs). The normalizer,
// clitics, date words and CAMEO table are small and always read from TSV.
// Thread safety: immutable after Load(); shared read-only by all workers.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/status.h"
#include "lexicon/cameo.h"
#include "lexicon/matcher.h"
#include "text/dates.h"
#include "text/tokenizer.h"

namespace hadath {

struct DatedCode {
  std::string code;
  Ymd from, to;  // invalid = open end
  bool former = false;  // derived by AddFormerRoles: never chosen for an undated document
  bool Covers(const Ymd& d) const;
};

struct ActorEntry {
  enum class Kind { kCountry, kCapital, kDemonym, kActor };
  Kind kind = Kind::kActor;
  std::string id, name_en, rule;
  std::string wikidata;
  bool person = false;  // a named person (else an organisation, institution or country)
  std::vector<DatedCode> codes;
  // The code in force on `date` (latest role when the date is unknown or no
  // role covers it: the most recent one that started before it).
  const std::string& CodeOn(const Ymd& date) const;
};

struct AgentEntry {
  std::string id, sector, name_en, rule;  // sector "" = takes its group's code
};

struct PlaceEntry {
  std::string id, name_en, country, rule;
  double lat = 0, lon = 0;
  std::optional<long long> geonames_id;
  long long population = 0;
  bool capital = false;
};

// A qualifier of a trigger: when a word of `topic` follows the trigger in its
// clause, the event takes `cameo` instead of the trigger's own code.
struct Qualifier {
  std::string topic, cameo;
};

struct TriggerEntry {
  std::string id, cameo, type, rule;      // type: verb | noun
  std::vector<std::string> target_preps;  // prepositions that introduce the target
  std::string third_location;             // code when met at a third country's place
  bool needs_target = false;
  bool actorless = false;                 // an event even when no source is found
  const CameoCode* cameo_code = nullptr;  // its CAMEO code's row (derived at load, not stored)
  std::vector<Qualifier> qualifiers;      // "if=weapons:072"
  // Coder options (data/README.md, ar/triggers.tsv): genitive, unless_next, unless_near,
  // unarmed, refers → their value ("" for a flag), as written (stored in the image).
  std::map<std::string, std::string> options;
  // The same options parsed once at load (ParseTriggerOptions), as the coder reads them.
  struct Options {
    bool genitive_target = false;                     // genitive=target
    bool refers = false, passive = false, imperfect = false, adverb = false;
    bool prep_target = false, self_target = false, reciprocal = false;  // (English)
    std::string unarmed;                              // unarmed=CODE ("" when absent)
    bool has_unless_next = false, has_unless_near = false, has_counted = false, has_only_near = false;
    bool first_person = false;  // («ندعم»: the speaker before «:» is the source; the actor after, the object)
    bool attribution = false;   // (English) "X said Y was behind Z": the speaker accuses the subject
    bool also = false;          // (English) a second reading, coded beside the row it shares its words with
    std::vector<std::string> unless_next, unless_near, counted, only_near;  // '|' lists
    std::vector<std::string> subject;  // subject=X|Y: (Arabic verbs) only with a subject of these topics
    std::vector<std::string> light;  // light=X|Y: (nouns) words of these topics act as its light verbs
    std::vector<std::string> source_preps;  // source=P|Q: (nouns) the actor after P right after it is its source
    // object=X|Y: (verbs) a split verb phrase: a trigger only when a word of these topics follows
    // within `object_within` words in its clause («أطلق مسلحون النار»: the subject stands between)
    std::vector<std::string> object;
    size_t object_within = 0;  // object_within=N (default 5 with object=)
  } opt;
};

// Parses `t.options` into `t.opt`; `rule` names the line for errors (a bad value, a flag with a
// value, an unknown option). `cameo`, when not null, validates unarmed=CODE (the compiled
// image holds options checked when it was compiled).
Status ParseTriggerOptions(const CameoTable* cameo, const std::string& rule, TriggerEntry* t);

// The indefinite accusative of an Arabic noun phrase as news writes it, derived for `noun`
// triggers at load (data/README.md, ar/triggers.tsv "Derived accusatives"): «ـا» on a word
// that takes it (not one ending in «ة», «ء», «ى», «ا», «أ» or the plural «ات»), and on the
// adjectives that agree with it: «هجوم» → «هجوما», «اتصال هاتفي» → «اتصالا هاتفيا», «نداء
// إنساني» → «نداء إنسانيا»; a prepositional phrase after it stays: «إضراب عن الطعام» →
// «إضرابا عن الطعام». "" when nothing changes, the phrase is definite, or it is a genitive
// construct or may be one (the head of «إطلاق النار», «إطلاق نار», «قرض ميسر» takes no
// «ـا» in a construct, and only a nisba «ـي» tells an adjective from a genitive noun).
// `is_preposition` says whether a word (as written) is a preposition; `fixed` lists words that
// take no «ـا» whatever their ending (trigger option `no_accusative`: diptote plurals «قذائف»,
// the plural «انتحاريون», the loanword «فيتو»).
std::string ArabicIndefiniteAccusative(const std::string& phrase,
                                       const std::function<bool(const std::string&)>& is_preposition,
                                       const std::vector<std::string>& fixed = {});

// Whether the Arabic clitic prefix split off a word holds the article («ال», «بال», «لل» …).
bool HasArabicArticle(std::string_view prefix);

// Arabic: drops the places read with the article split off their word. A place name written
// without «ال» never takes it: «المالية» is financial or Malian, not «ال» + Malé; «المشهد» is
// the scene, not Mashhad. (Names that do take it, «الرياض», are listed with it.)
void DropArticlePlaces(std::vector<PhraseMatch>* places);

// Arabic: drops the names (actors, places) read on a word of `plain_words` (coder setting) with
// a clitic split off: «باكرا» is early, not «بـ» + Accra. `plain_words` holds matching forms.
void DropPlainWordNames(const std::vector<std::string>& plain_words, const std::vector<Token>& toks,
                        std::vector<PhraseMatch>* names);

// Phrases of words (matching forms, compared with tokens), with the byte lengths of their first
// words: most tokens start no phrase, and their length alone says so.
struct WordPhrases {
  std::vector<std::vector<std::string>> phrases;
  uint64_t first_sizes = 0;  // bit k: a phrase's first word has k bytes (k < 64)
  uint64_t first_hashes = 0;  // bit Fnv1a32(w) % 64 of every phrase's first word w
  // False when no phrase starts with w (`hash`: Fnv1a32(w)); true when one may.
  bool MayStart(std::string_view w, uint32_t hash) const {
    return MaySize(w.size()) && ((first_hashes >> (hash % 64)) & 1);
  }
  // False when no phrase's first word has `size` bytes.
  bool MaySize(size_t size) const { return size >= 64 || ((first_sizes >> size) & 1); }
  bool empty() const { return phrases.empty(); }
};

// The coder's settings (ar/settings.tsv), parsed and checked at load; defaults when unset.
struct CoderSettings {
  long history_days = 365;
  std::vector<std::string> armed_sectors = {"MIL", "REB", "UAF", "COP"};
  std::string armed_topic = "weapons", history_topic = "history", year_topic = "year";
  size_t unrealized_window = 3;
  // `headline_date`: "lead" — a headline (the title, a first line with no final stop) with no
  // date of its own takes the first date of the lead paragraph after it; else "document".
  bool headline_takes_lead_date = false;
  // `surname_min_letters` (English; 0: off): a person of the actor dictionary named in a
  // document by a name of two words or more is, in that whole document, also the last word of
  // that name written alone with a capital, when it has at least this many letters ("Carrie
  // Lam" … "Lam apologised"); a last word two such persons share stands for neither.
  long surname_min_letters = 0;
  std::vector<std::string> location_target_roots, background_clause_roots;  // CAMEO roots
  std::vector<std::string> anchor_topics = {"numeral"};
  std::string prospective_topic = "prospective", undergo_topic = "undergo", witness_topic = "witness";
  std::string judged_topic;  // a verb of this cue topic right after a verbal noun judges it («يشكل»): no event
  std::string habitual_topic;  // a word of this cue topic in a trigger's clause («يوميا») tells a habit: no event
  std::string harm_topic;  // a word of this cue topic before a frame + «تعرض لـ» («لقي حتفه إثر تعرضه لهجوم»): the act is reported
  std::vector<std::string> quantity_topics = {"numeral"};  // «عشرات من X»: a partitive «من» after their words
  std::vector<std::string> discard_topics;   // a sentence with a word of one codes no `discard_roots`
  std::vector<int> discard_topic_ids;        // their TopicId()s (derived at load)
  std::vector<std::string> discard_roots;
  std::vector<std::string> reciprocal_preps;  // «بين»: a verbal noun's coordinated sides act on each other
  std::vector<std::string> shared_agent_roots;  // an event word of these roots between another and its agent marker shares it
  std::vector<std::string> dyadic_roots;  // (English) roots whose events need a target: no event without one
  std::vector<std::string> dyadic_files;  // (English) trigger files (as in a rule, "en/triggers/cameo.tsv") whose rows need a target
  std::vector<std::string> open_target_roots;  // (English) ... except rows of these roots
  // Actors in whole articles: forms of address, the outlet's own country («المملكة»), symmetric
  // acts, state role nouns that take their place's or the outlet's country.
  std::string honorific_topic = "honorific", home_topic = "home";
  std::vector<std::pair<std::string, std::string>> home_sources;  // outlet → country code
  std::vector<std::string> reciprocal_codes;                       // CAMEO codes
  std::vector<std::string> place_state_sectors, home_role_sectors;  // sectors
  std::vector<std::string> circumstance_roots, location_recipient_roots;  // CAMEO roots
  std::vector<std::string> own_target_codes;  // a state's act of these code prefixes with no target: on its own country
  std::vector<std::string> home_appeal_codes;  // English: an appeal of these code prefixes with no target in a one-country story: to that country
  std::vector<std::string> detail_roots;      // in an article, an event of these roots naming no party is a detail of one that does
  std::vector<std::string> coalition_agents;  // agent ids of a coalition's forces named by no country
  std::vector<std::string> lam_genitive_agents;  // agent ids whose country may follow with «لـ» («المندوب الدائم للسعودية»)
  std::vector<std::string> plain_words;  // ordinary words never read as a clitic + a name («باكرا»), matching forms
  std::vector<std::string> theatre_agents;  // agent ids of the country the document names most («المقاومة»)
  std::vector<std::string> theatre_role_sectors;  // sectors of role nouns of the country the document names most
  std::vector<std::string> foreign_only_agents;  // agent ids never of the outlet's own country («النظام»)
  std::vector<std::string> party_agents;  // agent ids of the parties of a story («الجانبين»): never the speaker's state
  std::vector<std::pair<std::string, std::string>> coalition_leaders;  // theatre country → leader country
  std::vector<std::string> home_target_roots;  // English: an event of these roots with no target in a one-country story: that country
  std::vector<std::string> location_source_roots;  // an actorless event of these roots: the place's civilians
  std::vector<std::string> coup_words;  // (English) a condemnation of a coup with no target: the story's country
  std::vector<std::string> unattributed_sectors;  // (English) role nouns of unidentified attackers: no country from a place or story
  std::vector<std::string> open_demand_triggers;  // (English) trigger ids: a demand with no addressee is to the story's country
  std::vector<std::string> pair_nouns;  // (English) "the two leaders", "both sides": the last event's two parties
  std::vector<std::string> former_words;  // (English) before a demonym and a state role noun: a former office holder (ELI)
  // English cue words the coder compares tokens with (matching forms; none by default):
  std::vector<std::string> rough_count_words;  // before a number: "roughly", no preposition ("about 40")
  std::vector<std::string> of_pronouns;  // "those of X": X is the noun told before, no complement
  std::vector<std::string> capital_month_words;  // capitalised inside a sentence: the month ("May")
  std::vector<std::string> person_pronouns;  // "he", "she": a person, never a body
  std::vector<std::string> object_person_pronouns;  // "him", "her" after a verb: a person named before
  std::vector<std::string> agent_words;  // "by" inside a trigger phrase: a participle after its noun
  std::vector<std::string> directive_speech_verbs;  // "told X to …": an order, no reported speech
  std::vector<std::string> perfect_auxiliaries;  // "had", "has", "have" passed over before a verb
  WordPhrases pair_words;  // "the two", "both" before a noun of pair_nouns
  WordPhrases naming_phrases;  // "what it called": skipped after a refers verb
  std::vector<std::string> toll_codes, toll_count_words;  // (English) a killing of a counted number with no perpetrator: a toll
  std::vector<std::string> toll_verb_roots, toll_act_roots;  // (English) a killing whose subject is an act of violence naming no author: a toll
  std::vector<std::string> owner_participles;  // (English) "used by X": X holds the thing, it does not act
};

// Intent / expectation: a code family mapped to its 03 (or 13) counterpart,
// longest prefix first (data/modality.tsv).
struct IntentMap {
  std::vector<std::pair<std::string, std::string>> prefix_to_code;
  std::string Map(const std::string& cameo) const;  // "" when no mapping
};

enum class CueKind {
  kNegation, kUncertain, kHypothetical, kIntent, kComplementizer, kRelative,
  kPreposition, kLocationPrep, kLightVerb, kConjunction, kBackground, kPassiveAgent, kTopic,
  // English: determiners/possessives between a preposition and its actor ("with the
  // Russian minister") and before nouns ("the attack"); coordinators joining actors
  // ("Iran and Russia"); be-auxiliaries marking a passive ("was attacked by").
  kDeterminer, kCoordinator, kPassiveAux,
  kUnrealized,  // «لشن», «بهدف», «حاول»: right before a trigger, the act has not (yet) happened
  kSubordinate  // «عندما», «حينما»: starts a clause whose events are background
};

struct CueEntry {
  CueKind kind;
  std::string topic;  // for kTopic: the group name ("weapons")
  std::string rule;
  int topic_id = -1;  // for kTopic: TopicId(topic) (derived when loaded, not stored)
};

// A process-wide small integer for a cue topic name, the same in every lexicon (the coder
// compares topics as integers). Thread-safe; ids are dense from 0.
int TopicId(std::string_view topic);


class MappedImage;

// How a Lexicon was loaded (for `hadath dict` and the benchmarks).
struct LoadInfo {
  bool from_image = false;
  std::string image_path;   // the image used or written ("" when none could be written)
  uint64_t source_key = 0;  // hash of every source file's content
  std::string note;         // why the image was not used or written, if so
};

class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The cached image when valid, else the sources (then caches the image).
  // HADATH_NO_IMAGE=1 in the environment forces the sources.
  Status Load(const std::string& data_dir);
  // Compiles the TSV sources, ignoring any image.
  Status LoadSources(const std::string& data_dir);
  // Uses the image at `path`; `key` 0 skips the source-key check.
  Status LoadImage(const std::string& data_dir, const std::string& path, uint64_t key);
  // The image of this lexicon (header + payload), keyed by `source_key`.
  std::string Serialize(uint64_t source_key) const;

  // Every source file of the lexicon, relative to `data_dir`, sorted.
  static std::vector<std::string> SourceFiles(const std::string& data_dir);
  // Hash of the image format, hadath's version and every source file's name and content.
  static Status SourceKey(const std::string& data_dir, uint64_t* key);
  // Directories an image may be cached in, most preferred first:
  // $HADATH_CACHE, $XDG_CACHE_HOME/hadath, ~/.cache/hadath, <temp>/hadath-cache-UID.
  static std::vector<std::string> CacheDirs();
  static std::string ImageName(uint64_t key);

  const LoadInfo& load_info() const { return info_; }

  // "ar" or "en".
  const std::string& lang() const { return lang_; }
  bool english() const { return lang_ == "en"; }
  // The lexicon for a document language: the English one for "en" when it
  // was loaded, else this one.
  const Lexicon& ForLang(std::string_view lang) const { return lang == "en" && en_ ? *en_ : *this; }
  const Lexicon* english_lexicon() const { return en_.get(); }
  // The lexicon for a text given without its language (`--text`): English when it has
  // more Latin letters than Arabic ones.
  const Lexicon& ForText(std::string_view text) const;
  // The lexicon for a document: by its language ("ar", "en"), or, when extraction could not
  // tell ("und": too few letters, as in a one-line "IGAD criticized Sudan."), by its text.
  const Lexicon& ForDocument(std::string_view lang, std::string_view text) const {
    return lang == "ar" || lang == "en" ? ForLang(lang) : ForText(text);
  }

  const Normalizer& normalizer() const { return normalizer_; }
  const Tokenizer& tokenizer() const { return tokenizer_; }
  const DateGrammar& dates() const { return dates_; }
  const CameoTable& cameo() const { return cameo_; }

  PhraseMatcher actor_matcher, agent_matcher, place_matcher, trigger_matcher, cue_matcher;
  std::vector<ActorEntry> actors;      // payloads of actor_matcher
  std::vector<AgentEntry> agents;
  std::vector<PlaceEntry> places;
  std::vector<TriggerEntry> triggers;
  // Facts of triggers[k] the coder asks of every candidate, from a compact table built at load
  // (a TriggerEntry spans several cache lines).
  bool TriggerIsVerb(size_t k) const { return trigger_flags_[k] & kVerbTrigger; }
  bool TriggerIsNoun(size_t k) const { return trigger_flags_[k] & kNounTrigger; }
  bool TriggerHasObject(size_t k) const { return trigger_flags_[k] & kObjectTrigger; }
  bool TriggerAlso(size_t k) const { return trigger_flags_[k] & kAlsoTrigger; }  // option `also`
  std::vector<CueEntry> cues;
  // The same for cues[k]: its kind and topic id, read for every cue of every sentence.
  CueKind CueKindOf(size_t k) const { return static_cast<CueKind>(cue_kinds_[k]); }
  int CueTopicOf(size_t k) const { return cue_topics_[k]; }
  IntentMap intent;
  // Coder settings (ar/settings.tsv, optional), parsed into typed fields at load (bad values
  // and unknown keys are `file:line` errors).
  CoderSettings coder_settings;

  // Matching forms of a dictionary phrase, word by word.
  std::vector<std::string> Forms(const std::string& phrase) const;
  // Forms of a name: as Forms(), but an English one-word name of 2-3 letters is an acronym.
  std::vector<std::string> NameForms(const std::string& name) const;

  std::string Stats() const;

 private:
  Status LoadLanguage(const std::string& dir);  // this language's dictionaries
  Status LoadCountries(const std::string& dir);
  Status LoadActors(const std::string& dir);
  Status LoadAgents(const std::string& dir);
  Status LoadPlaces(const std::string& dir, const std::string& file);
  Status LoadTriggers(const std::string& dir);
  Status LoadCues(const std::string& dir);
  Status LoadModality(const std::string& dir);
  Status LoadSettings(const std::string& dir);
  Status LoadSmallTables(const std::string& dir);
  Status Deserialize(std::string_view payload);
  void SerializeBody(class ImageWriter& w) const;
  Status DeserializeBody(class ImageReader& r);
  // While loading Arabic (for the derived accusatives of trigger nouns): matching forms of
  // `preposition` cues, and of every actor and role-noun name.
  std::unordered_set<std::string> prepositions_;
  std::set<std::vector<std::string>> names_;
  Status CheckPayloads() const;
  std::string Path(const std::string& file) const { return lang_ + "/" + file; }
  std::string NamesColumn() const { return "names_" + lang_; }

  LoadInfo info_;
  std::string lang_ = "ar";
  std::unique_ptr<Lexicon> en_;  // the English lexicon (only in the Arabic one)
  // Derived after loading (not stored in the image): the trigger and cue facts above.
  enum : uint8_t { kVerbTrigger = 1, kNounTrigger = 2, kObjectTrigger = 4, kAlsoTrigger = 8 };
  std::vector<uint8_t> trigger_flags_;  // per trigger: type verb / noun, options object= and also set
  std::vector<uint8_t> cue_kinds_;      // per cue: its kind
  std::vector<int> cue_topics_;         // per cue: its topic_id
  void Derive();  // (at the end of LoadSources and LoadImage, for the English lexicon too)
  std::shared_ptr<MappedImage> image_;
  std::vector<std::string> vocab_;  // first words of every entry, for the tokenizer
  Normalizer normalizer_;
  Tokenizer tokenizer_;
  DateGrammar dates_;
  CameoTable cameo_;
};

// Parses "IRNGOV 2021-09-01..2024-08-25; IRN" into dated codes.
Status ParseDatedCodes(const std::string& s, std::vector<DatedCode>* out);

// A person's state role (a country's GOV, MIL, LEG, JUD, COP or SPY) that has ended is followed
// by the country's elite code (`ELI`, CAMEO's former officials) from the next day until another
// of the person's codes covers the date: Ghani, `AFGGOV 2014-09-29..2021-08-15`, is `AFGELI`
// in 2022. Appends those codes to `codes`; a code the data gives always wins.
void AddFormerRoles(std::vector<DatedCode>* codes);

// Whether an actor row names a person: the optional `kind` column
// (person | org), else inferred from its English name and code.
bool IsPersonRow(const std::string& kind, const std::string& name_en, const std::string& codes);

}  // namespace hadath
