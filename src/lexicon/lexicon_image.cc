// The Lexicon's compiled image: what it holds, how it is keyed and cached.
//
// Payload: one section per language — the Arabic lexicon, a flag, then the
// English one when data/en/ exists. A section is, in order: its language,
// actors, agents, places, triggers, cues, intent map, tokenizer vocabulary
// (records), then the five phrase matchers (aligned blobs, used in place).
// Rule ids (file:line) travel with every entry.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "lexicon/image.h"
#include "lexicon/lexicon.h"
#include "util/tsv.h"

namespace fs = std::filesystem;

namespace hadath {

namespace {

// Every field of these structs must be written by Serialize() and read by
// Deserialize(). When one of these fails, a field was added or changed:
// serialize it, then update the size here (kLayout keys the cache, so stale
// images are recompiled).
#if defined(__x86_64__) && defined(__GLIBCXX__)
static_assert(sizeof(ActorEntry) == 168, "ActorEntry changed: update lexicon_image.cc");
static_assert(sizeof(AgentEntry) == 128, "AgentEntry changed: update lexicon_image.cc");
static_assert(sizeof(PlaceEntry) == 176, "PlaceEntry changed: update lexicon_image.cc");
static_assert(sizeof(TriggerEntry) == 520, "TriggerEntry changed: update lexicon_image.cc");  // (`opt` is parsed from `options` when read; `cameo_code` derived)
static_assert(sizeof(CueEntry) == 80, "CueEntry changed: update lexicon_image.cc");  // (topic_id is derived when read)
#endif
const std::string kLayout = std::to_string(sizeof(ActorEntry)) + "." + std::to_string(sizeof(AgentEntry)) + "." +
                            std::to_string(sizeof(PlaceEntry)) + "." + std::to_string(sizeof(TriggerEntry)) + "." +
                            std::to_string(sizeof(CueEntry)) + ".actorless";

void PutYmd(ImageWriter& w, const Ymd& d) {
  w.U32(static_cast<uint32_t>(d.y));
  w.U32(static_cast<uint32_t>(d.m));
  w.U32(static_cast<uint32_t>(d.d));
}

Ymd GetYmd(ImageReader& r) {
  Ymd d;
  d.y = static_cast<int>(r.U32());
  d.m = static_cast<int>(r.U32());
  d.d = static_cast<int>(r.U32());
  return d;
}

std::string S(ImageReader& r) { return std::string(r.Str()); }

}  // namespace

std::vector<std::string> Lexicon::SourceFiles(const std::string& dir) {
  // Every .tsv below the data directory (hidden entries skipped): what the
  // lexicon reads, plus files it does not, which only cost a recompile.
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() == ".tsv" && it->is_regular_file(ec))
      out.push_back(fs::relative(it->path(), dir, ec).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Status Lexicon::SourceKey(const std::string& dir, uint64_t* key) {
  // Each file hashed as it is read, the hash of all before it the seed: one buffer, the size of
  // the largest file, instead of one string of all the sources (~9 MB, copied as it grew and
  // faulted in page by page: 10 of the 48 ms a one-document run took).
  uint64_t h = FastHash64("hadath-lexicon " + std::to_string(kImageVersion) + " " HADATH_VERSION " " + kLayout + "\n",
                          0x6861646174680002ULL);
  std::string content;
  for (const auto& rel : SourceFiles(dir)) {
    HADATH_RETURN_IF_ERROR(ReadFile(dir + "/" + rel, &content));
    h = FastHash64(rel + '\0' + std::to_string(content.size()) + '\0', h);
    h = FastHash64(content, h);
  }
  *key = h;
  if (*key == 0) *key = 1;
  return Status::OK();
}

std::vector<std::string> Lexicon::CacheDirs() {
  std::vector<std::string> dirs;
  if (const char* c = std::getenv("HADATH_CACHE"); c && *c) dirs.push_back(c);
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) dirs.push_back(std::string(x) + "/hadath");
  if (const char* h = std::getenv("HOME"); h && *h) dirs.push_back(std::string(h) + "/.cache/hadath");
  std::error_code ec;
  fs::path tmp = fs::temp_directory_path(ec);
  if (ec) tmp = "/tmp";
  dirs.push_back((tmp / ("hadath-cache-" + std::to_string(::getuid()))).string());
  return dirs;
}

std::string Lexicon::ImageName(uint64_t key) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "lexicon-%016llx.img", static_cast<unsigned long long>(key));
  return buf;
}

Status Lexicon::Load(const std::string& dir) {
  info_ = LoadInfo();
  const char* no_image = std::getenv("HADATH_NO_IMAGE");
  if (no_image && *no_image && std::string(no_image) != "0") {
    info_.note = "HADATH_NO_IMAGE set";
    return LoadSources(dir);
  }
  uint64_t key = 0;
  HADATH_RETURN_IF_ERROR(SourceKey(dir, &key));
  info_.source_key = key;
  const std::string name = ImageName(key);
  std::error_code ec;
  for (const auto& cdir : CacheDirs()) {
    std::string path = cdir + "/" + name;
    if (!fs::exists(path, ec)) continue;
    Status st = LoadImage(dir, path, key);
    if (st.ok()) return st;
    info_.note = st.message();  // damaged: recompile below and overwrite it
  }
  HADATH_RETURN_IF_ERROR(LoadSources(dir));
  info_.source_key = key;
  const std::string bytes = Serialize(key);
  for (const auto& cdir : CacheDirs()) {
    std::string path = cdir + "/" + name;
    Status st = WriteFileAtomic(path, bytes);
    if (!st.ok()) {
      info_.note = st.message();
      continue;
    }
    info_.image_path = path;
    // Older images in this directory are stale: remove them (best effort).
    for (const auto& e : fs::directory_iterator(cdir, ec)) {
      std::string f = e.path().filename().string();
      if (f != name && f.rfind("lexicon-", 0) == 0 && e.path().extension() == ".img") fs::remove(e.path(), ec);
    }
    break;
  }
  return Status::OK();
}

std::string Lexicon::Serialize(uint64_t source_key) const {
  ImageWriter w;
  SerializeBody(w);
  // The English lexicon follows the Arabic one, when there is one.
  w.U32(en_ ? 1 : 0);
  if (en_) en_->SerializeBody(w);
  return w.Finish(source_key, HADATH_VERSION);
}

void Lexicon::SerializeBody(ImageWriter& w) const {
  w.Str(lang_);
  w.U32(static_cast<uint32_t>(actors.size()));
  for (const auto& a : actors) {
    w.U32(static_cast<uint32_t>(a.kind));
    w.Str(a.id);
    w.Str(a.name_en);
    w.Str(a.rule);
    w.Str(a.wikidata);
    w.U32(a.person ? 1 : 0);
    w.U32(static_cast<uint32_t>(a.codes.size()));
    for (const auto& c : a.codes) {
      w.Str(c.code);
      PutYmd(w, c.from);
      PutYmd(w, c.to);
      w.U32(c.former ? 1 : 0);
    }
  }
  w.U32(static_cast<uint32_t>(agents.size()));
  for (const auto& a : agents) {
    w.Str(a.id);
    w.Str(a.sector);
    w.Str(a.name_en);
    w.Str(a.rule);
  }
  w.U32(static_cast<uint32_t>(places.size()));
  for (const auto& p : places) {
    w.Str(p.id);
    w.Str(p.name_en);
    w.Str(p.country);
    w.Str(p.rule);
    w.F64(p.lat);
    w.F64(p.lon);
    w.U32(p.geonames_id ? 1 : 0);
    w.U64(static_cast<uint64_t>(p.geonames_id.value_or(0)));
    w.U64(static_cast<uint64_t>(p.population));
    w.U32(p.capital ? 1 : 0);
  }
  w.U32(static_cast<uint32_t>(triggers.size()));
  for (const auto& t : triggers) {
    w.Str(t.id);
    w.Str(t.cameo);
    w.Str(t.type);
    w.Str(t.rule);
    w.U32(static_cast<uint32_t>(t.target_preps.size()));
    for (const auto& p : t.target_preps) w.Str(p);
    w.Str(t.third_location);
    w.U32(t.needs_target ? 1 : 0);
    w.U32(t.actorless ? 1 : 0);
    w.U32(static_cast<uint32_t>(t.qualifiers.size()));
    for (const auto& q : t.qualifiers) {
      w.Str(q.topic);
      w.Str(q.cameo);
    }
    w.U32(static_cast<uint32_t>(t.options.size()));
    for (const auto& [key, value] : t.options) {
      w.Str(key);
      w.Str(value);
    }
  }
  w.U32(static_cast<uint32_t>(cues.size()));
  for (const auto& c : cues) {
    w.U32(static_cast<uint32_t>(c.kind));
    w.Str(c.topic);
    w.Str(c.rule);
  }
  w.U32(static_cast<uint32_t>(intent.prefix_to_code.size()));
  for (const auto& [from, to] : intent.prefix_to_code) {
    w.Str(from);
    w.Str(to);
  }
  w.U32(static_cast<uint32_t>(vocab_.size()));
  for (const auto& v : vocab_) w.Str(v);
  for (const PhraseMatcher* m : {&actor_matcher, &agent_matcher, &place_matcher, &trigger_matcher, &cue_matcher})
    w.Blob(m->blob());
}

Status Lexicon::Deserialize(std::string_view payload) {
  ImageReader r(payload.data(), payload.size());
  HADATH_RETURN_IF_ERROR(DeserializeBody(r));
  const uint32_t has_en = r.U32();
  if (!r.ok() || has_en > 1) return Status::Corrupt("truncated language flag");
  en_.reset();
  if (has_en) {
    auto en = std::make_unique<Lexicon>();
    en->lang_ = "en";
    HADATH_RETURN_IF_ERROR(en->DeserializeBody(r).WithContext("en"));
    en_ = std::move(en);
  }
  if (!r.done()) return Status::Corrupt("trailing bytes");
  return Status::OK();
}

Status Lexicon::DeserializeBody(ImageReader& r) {
  if (r.Str() != lang_) return Status::Corrupt("language section '" + lang_ + "' missing");
  actors.resize(r.Count(24));
  for (auto& a : actors) {
    a.kind = static_cast<ActorEntry::Kind>(r.U32());
    a.id = S(r);
    a.name_en = S(r);
    a.rule = S(r);
    a.wikidata = S(r);
    a.person = r.U32() != 0;
    a.codes.resize(r.Count(32));
    for (auto& c : a.codes) {
      c.code = S(r);
      c.from = GetYmd(r);
      c.to = GetYmd(r);
      c.former = r.U32() != 0;
    }
  }
  agents.resize(r.Count(16));
  for (auto& a : agents) {
    a.id = S(r);
    a.sector = S(r);
    a.name_en = S(r);
    a.rule = S(r);
  }
  places.resize(r.Count(56));
  for (auto& p : places) {
    p.id = S(r);
    p.name_en = S(r);
    p.country = S(r);
    p.rule = S(r);
    p.lat = r.F64();
    p.lon = r.F64();
    bool has_geo = r.U32() != 0;
    long long gid = static_cast<long long>(r.U64());
    if (has_geo) p.geonames_id = gid;
    p.population = static_cast<long long>(r.U64());
    p.capital = r.U32() != 0;
  }
  triggers.resize(r.Count(32));
  for (auto& t : triggers) {
    t.id = S(r);
    t.cameo = S(r);
    t.type = S(r);
    t.rule = S(r);
    t.target_preps.resize(r.Count(4));
    for (auto& p : t.target_preps) p = S(r);
    t.third_location = S(r);
    t.needs_target = r.U32() != 0;
    t.actorless = r.U32() != 0;
    t.qualifiers.resize(r.Count(8));
    for (auto& q : t.qualifiers) {
      q.topic = S(r);
      q.cameo = S(r);
    }
    t.options.clear();
    for (uint32_t n = r.Count(8); n > 0 && r.ok(); --n) {
      std::string key = S(r);
      t.options[key] = S(r);
    }
    if (r.ok() && !ParseTriggerOptions(nullptr, t.rule, &t).ok()) return Status::Corrupt("bad trigger options");
  }
  cues.resize(r.Count(12));
  for (auto& c : cues) {
    c.kind = static_cast<CueKind>(r.U32());
    c.topic = S(r);
    c.rule = S(r);
    if (c.kind == CueKind::kTopic) c.topic_id = TopicId(c.topic);
  }
  intent.prefix_to_code.resize(r.Count(8));
  for (auto& [from, to] : intent.prefix_to_code) {
    from = S(r);
    to = S(r);
  }
  vocab_.resize(r.Count(4));
  for (auto& v : vocab_) v = S(r);
  if (!r.ok()) return Status::Corrupt("truncated entries");
  const char* names[] = {"actor", "agent", "place", "trigger", "cue"};
  int k = 0;
  for (PhraseMatcher* m : {&actor_matcher, &agent_matcher, &place_matcher, &trigger_matcher, &cue_matcher}) {
    std::string_view blob = r.Blob();
    if (!r.ok()) return Status::Corrupt(std::string(names[k]) + " matcher: truncated");
    HADATH_RETURN_IF_ERROR(m->Attach(blob).WithContext(names[k]));
    ++k;
  }
  // Every payload index must name an entry.
  auto check = [](const PhraseMatcher& m, size_t n, const char* what) {
    for (size_t i = 0; i < m.size(); ++i)
      if (m.PhrasePayload(i) >= n) return Status::Corrupt(std::string(what) + " matcher: entry index out of range");
    return Status::OK();
  };
  HADATH_RETURN_IF_ERROR(check(actor_matcher, actors.size(), "actor"));
  HADATH_RETURN_IF_ERROR(check(agent_matcher, agents.size(), "agent"));
  HADATH_RETURN_IF_ERROR(check(place_matcher, places.size(), "place"));
  HADATH_RETURN_IF_ERROR(check(trigger_matcher, triggers.size(), "trigger"));
  HADATH_RETURN_IF_ERROR(check(cue_matcher, cues.size(), "cue"));
  return Status::OK();
}

Status Lexicon::LoadImage(const std::string& dir, const std::string& path, uint64_t key) {
  auto image = std::make_shared<MappedImage>();
  HADATH_RETURN_IF_ERROR(image->Open(path, key));
  HADATH_RETURN_IF_ERROR(LoadSmallTables(dir));
  en_.reset();
  actors.clear(); agents.clear(); places.clear(); triggers.clear(); cues.clear();
  intent.prefix_to_code.clear();
  Status st = Deserialize(image->payload());
  if (!st.ok()) {
    en_.reset();
    actors.clear(); agents.clear(); places.clear(); triggers.clear(); cues.clear();
    for (PhraseMatcher* m : {&actor_matcher, &agent_matcher, &place_matcher, &trigger_matcher, &cue_matcher})
      *m = PhraseMatcher();
    return st.WithContext(path);
  }
  if (en_) {
    // The English lexicon reads the same mapping; its small tables come from the sources.
    Status es = en_->LoadSmallTables(dir);
    if (!es.ok()) { en_.reset(); return es.WithContext(path); }
    en_->image_ = image;
    en_->tokenizer_.SetVocabulary(en_->vocab_);
    for (PhraseMatcher* m : {&en_->actor_matcher, &en_->agent_matcher, &en_->place_matcher})
      m->SetBareOnly(true);  // (as Lexicon::Load: actors, agents and places match no English stem)
    en_->info_.from_image = true;
    en_->info_.image_path = path;
    en_->info_.source_key = image->source_key();
  }
  image_ = std::move(image);
  tokenizer_.SetVocabulary(vocab_);
  info_.from_image = true;
  info_.image_path = path;
  info_.source_key = image_->source_key();
  Derive();
  if (en_) en_->Derive();
  return Status::OK();
}

}  // namespace hadath
