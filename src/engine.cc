#include "hadath/engine.h"

#include <cstdlib>
#include <filesystem>

#include "code/coder.h"
#include "extract/extractor.h"
#include "lexicon/lexicon.h"

namespace fs = std::filesystem;

namespace hadath {

struct Engine::Impl {
  std::string data_dir;
  Lexicon lexicon;
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<Coder> coder;
};

const char* Version() { return HADATH_VERSION; }

std::string ResolveDataDir(const std::string& explicit_dir, const std::string& argv0) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("HADATH_DATA"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec && !argv0.empty()) exe = fs::absolute(argv0, ec);
  if (!exe.empty()) {
    fs::path installed = exe.parent_path().parent_path() / HADATH_INSTALL_DATA_REL;
    if (fs::exists(installed / "cameo.tsv", ec)) return installed.string();
  }
  return HADATH_SOURCE_DATA_DIR;
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Status Engine::Open(const EngineOptions& options, std::unique_ptr<Engine>* out) {
  auto impl = std::make_unique<Impl>();
  impl->data_dir = options.data_dir.empty() ? ResolveDataDir("", "") : options.data_dir;
  std::error_code ec;
  if (!fs::is_directory(impl->data_dir, ec))
    return Status::NotFound("data directory '" + impl->data_dir + "' does not exist (set --data or HADATH_DATA)");
  HADATH_RETURN_IF_ERROR(impl->lexicon.Load(impl->data_dir).WithContext(impl->data_dir));
  impl->extractor = std::make_unique<Extractor>();
  HADATH_RETURN_IF_ERROR(impl->extractor->Load(impl->data_dir, &impl->lexicon.dates()).WithContext(impl->data_dir));
  impl->coder = std::make_unique<Coder>(&impl->lexicon, options.keep_negated);
  out->reset(new Engine(std::move(impl)));
  return Status::OK();
}

Status Engine::Extract(const Document& doc, Extracted* out) const { return impl_->extractor->Extract(doc, out); }

Status Engine::Code(const Extracted& doc, std::vector<Event>* events, const std::string& fallback_date) const {
  impl_->coder->Code(doc, fallback_date, events);
  return Status::OK();
}

const std::string& Engine::data_dir() const { return impl_->data_dir; }
const Lexicon& Engine::lexicon() const { return impl_->lexicon; }

}  // namespace hadath
