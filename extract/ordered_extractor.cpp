#include "extract/ordered_extractor.hpp"

#include <algorithm>
#include <chrono>

namespace irgraph::extract {

OrderedExtractor::OrderedExtractor(const Pipeline& pipeline, unsigned threads, Consume consume, std::size_t chunk)
    : pipeline_(pipeline), threads_(std::max(1u, threads)), consume_(std::move(consume)), chunk_(std::max<std::size_t>(1, chunk)) {
  for (unsigned i = 1; i < threads_; ++i) workers_.emplace_back([this] { work(); });
}

OrderedExtractor::~OrderedExtractor() {
  // unconsumed work is dropped (an exception is on its way); queued jobs are
  // not started, and the workers finish the chunk they hold
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
}

void OrderedExtractor::work() {
  for (;;) {
    std::unique_ptr<Job> job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    run(*job);
  }
}

void OrderedExtractor::run(Job& job) const {
  try {
    Extracted out;
    out.records.reserve(job.documents.size());
    for (const auto& d : job.documents) out.records.push_back(pipeline_.extract(d));
    out.documents = std::move(job.documents);
    job.done.set_value(std::move(out));
  } catch (...) {
    job.done.set_exception(std::current_exception());
  }
}

std::unique_ptr<OrderedExtractor::Job> OrderedExtractor::take_queued() {
  std::lock_guard<std::mutex> lock(mu_);
  if (queue_.empty()) return nullptr;
  auto job = std::move(queue_.front());
  queue_.pop_front();
  return job;
}

void OrderedExtractor::submit(Document doc) {
  if (threads_ == 1) {
    auto records = pipeline_.extract(doc);
    consume_(std::move(doc), std::move(records));
    return;
  }
  pending_bytes_ += doc.text.size();
  pending_.push_back(std::move(doc));
  if (pending_.size() >= chunk_ || pending_bytes_ >= kChunkBytes) launch();
}

void OrderedExtractor::launch() {
  if (pending_.empty()) return;
  auto job = std::make_unique<Job>();
  job->documents.swap(pending_);
  in_flight_.push_back({job->done.get_future(), pending_bytes_});
  in_flight_bytes_ += pending_bytes_;
  pending_bytes_ = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(job));
  }
  wake_.notify_one();
  // the workers extract the newer chunks while this thread consumes the older ones
  while (in_flight_.size() > kChunksPerWorker * workers_.size() || (in_flight_.size() > 1 && in_flight_bytes_ > kMaxBytes))
    consume_oldest();
}

void OrderedExtractor::consume_oldest() {
  // rather than wait for the oldest chunk, this thread extracts queued ones
  auto& oldest = in_flight_.front().result;
  while (oldest.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    if (auto job = take_queued()) run(*job);
    else break;
  Extracted x = oldest.get();
  in_flight_bytes_ -= in_flight_.front().bytes;
  in_flight_.pop_front();
  for (std::size_t i = 0; i < x.documents.size(); ++i) consume_(std::move(x.documents[i]), std::move(x.records[i]));
}

void OrderedExtractor::finish() {
  launch();
  while (!in_flight_.empty()) consume_oldest();
}

}  // namespace irgraph::extract
