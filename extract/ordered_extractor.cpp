#include "extract/ordered_extractor.hpp"

#include <algorithm>

namespace irgraph::extract {

OrderedExtractor::OrderedExtractor(const Pipeline& pipeline, unsigned threads, Consume consume, std::size_t chunk)
    : pipeline_(pipeline), threads_(std::max(1u, threads)), consume_(std::move(consume)), chunk_(std::max<std::size_t>(1, chunk)) {}

OrderedExtractor::~OrderedExtractor() {
  // unconsumed work is dropped (an exception is on its way); wait for the threads
  for (auto& f : in_flight_)
    if (f.valid()) f.wait();
}

void OrderedExtractor::submit(Document doc) {
  if (threads_ == 1) {
    auto records = pipeline_.extract(doc);
    consume_(std::move(doc), std::move(records));
    return;
  }
  pending_.push_back(std::move(doc));
  if (pending_.size() >= chunk_) launch();
}

void OrderedExtractor::launch() {
  if (pending_.empty()) return;
  std::vector<Document> docs;
  docs.swap(pending_);
  in_flight_.push_back(std::async(std::launch::async, [this, docs = std::move(docs)]() mutable {
    Extracted out;
    out.records.reserve(docs.size());
    for (const auto& d : docs) out.records.push_back(pipeline_.extract(d));
    out.documents = std::move(docs);
    return out;
  }));
  // the new chunk extracts while this thread consumes the older ones
  while (in_flight_.size() > threads_) consume_oldest();
}

void OrderedExtractor::consume_oldest() {
  Extracted x = in_flight_.front().get();
  in_flight_.pop_front();
  for (std::size_t i = 0; i < x.documents.size(); ++i) consume_(std::move(x.documents[i]), std::move(x.records[i]));
}

void OrderedExtractor::finish() {
  launch();
  while (!in_flight_.empty()) consume_oldest();
}

}  // namespace irgraph::extract
