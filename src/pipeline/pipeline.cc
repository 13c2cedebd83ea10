#include "pipeline/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace hadath {
namespace {

struct WorkItem {
  size_t seq = 0;
  Document doc;
  std::optional<PipelineResult> ready;  // a read error: nothing to compute
};

}  // namespace

void RunPipeline(const Engine& engine, const std::vector<std::string>& inputs, const ReadOptions& read,
                 const PipelineOptions& options, const std::function<bool(PipelineResult&&)>& on_result,
                 PipelineStats* stats) {
  const size_t threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const size_t window = options.window ? options.window : 64 * threads;
  constexpr size_t kBatch = 16;  // results that wake the deliverer

  std::mutex mu;
  std::condition_variable work_cv, done_cv, space_cv;
  std::deque<WorkItem> work;                 // read, not yet taken by a worker
  std::map<size_t, PipelineResult> done;     // computed, not yet delivered
  // Results already delivered, handed back to be destroyed by a worker: their strings and
  // vectors were allocated by a worker, and glibc's malloc frees a block into the arena of the
  // thread that allocated it, under that arena's lock — freed here, on the delivering thread,
  // every free would contend with the worker allocating in the same arena (most of the futex
  // calls of a run on short English documents). A worker frees them and reuses the memory.
  std::vector<PipelineResult> trash;
  size_t next_seq = 0, next_emit = 0;
  bool reading_finished = false, stop = false;

  auto admit = [&](WorkItem&& item) {        // reader side: bounded by `window`
    std::unique_lock<std::mutex> lock(mu);
    space_cv.wait(lock, [&] { return stop || next_seq - next_emit < window; });
    if (stop) return false;
    item.seq = next_seq++;
    if (item.ready) {
      done.emplace(item.seq, std::move(*item.ready));
      done_cv.notify_one();
    } else {
      work.push_back(std::move(item));
      work_cv.notify_one();
    }
    return true;
  };

  std::thread reader([&] {
    ErrorSink on_error = [&](const std::string& origin, const Status& st) {
      WorkItem item;
      PipelineResult r;
      r.origin = origin;
      r.status = st;
      r.read_error = true;
      item.ready = std::move(r);
      admit(std::move(item));
    };
    DocSink on_doc = [&](Document&& d) {
      WorkItem item;
      item.doc = std::move(d);
      return admit(std::move(item));
    };
    ReadStats rs;
    ReadInputs(inputs, read, on_doc, on_error, &rs);
    std::lock_guard<std::mutex> lock(mu);
    reading_finished = true;
    work_cv.notify_all();
    done_cv.notify_all();
  });

  // A worker takes up to kTake documents at once (never more than its share of the queue),
  // and the deliverer takes every result ready in order at once: each lock of `mu` and each
  // wake-up serves several short documents (English wire stories are ~1.5 KB each).
  constexpr size_t kTake = 8;
  std::vector<std::thread> workers;
  for (size_t w = 0; w < threads; ++w) {
    workers.emplace_back([&] {
      std::vector<PipelineResult> garbage;  // swapped with `trash`: the two buffers are reused
      std::vector<WorkItem> items;
      std::vector<std::pair<size_t, PipelineResult>> results;
      while (true) {
        items.clear();
        {
          std::unique_lock<std::mutex> lock(mu);
          work_cv.wait(lock, [&] { return stop || !work.empty() || reading_finished; });
          if (stop || (work.empty() && reading_finished)) return;
          const size_t take = std::clamp<size_t>(work.size() / threads, 1, kTake);
          for (size_t k = 0; k < take; ++k) {
            items.push_back(std::move(work.front()));
            work.pop_front();
          }
          garbage.swap(trash);
        }
        garbage.clear();  // (outside the lock)
        results.clear();
        for (WorkItem& item : items) {
          PipelineResult r;
          r.origin = item.doc.origin;
          r.status = engine.Extract(item.doc, &r.doc);
          if (r.status.ok() && options.code) r.status = engine.Code(r.doc, &r.events, options.fallback_date);
          if (options.keep_raw) r.raw = std::move(item.doc);
          results.emplace_back(item.seq, std::move(r));
        }
        std::lock_guard<std::mutex> lock(mu);
        for (auto& [seq, r] : results) done.emplace(seq, std::move(r));
        // Wake the deliverer for a batch, not for every document (a wake-up costs more
        // than a short document); always when the queue has run dry.
        if (work.empty() || done.size() >= kBatch) done_cv.notify_one();
      }
    });
  }

  // Deliver in input order on this thread.
  std::vector<PipelineResult> ready;      // taken from `done` under one lock
  std::vector<PipelineResult> delivered;  // the previous ones, to go to `trash`
  bool going = true;
  while (going) {
    {
      std::unique_lock<std::mutex> lock(mu);
      for (PipelineResult& d : delivered) trash.push_back(std::move(d));
      delivered.clear();
      done_cv.wait(lock, [&] { return done.count(next_emit) || (reading_finished && next_emit == next_seq); });
      if (!done.count(next_emit)) break;  // everything read has been delivered
      for (auto it = done.begin(); it != done.end() && it->first == next_emit && ready.size() < kBatch; ++next_emit) {
        ready.push_back(std::move(it->second));
        it = done.erase(it);
      }
      if (next_seq - next_emit <= window / 2) space_cv.notify_one();  // the reader refills half a window
    }
    for (PipelineResult& r : ready) {
      if (!going) break;
      if (r.status.ok()) {
        ++stats->documents;
        stats->events += r.events.size();
      } else {
        ++stats->failed;
      }
      going = on_result(std::move(r));
      delivered.push_back(std::move(r));  // (whatever the callback left in it)
    }
    ready.clear();
    if (!going) {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
      work_cv.notify_all();
      space_cv.notify_all();
    }
  }
  reader.join();
  for (auto& t : workers) t.join();
}

}  // namespace hadath
