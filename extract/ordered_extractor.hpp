#pragma once
/// Extraction on worker threads with results in input order: documents are
/// submitted in chunks, each chunk extracted on a thread of its own while
/// the caller's thread consumes (stores) the chunk before it. The consumer
/// sees exactly the sequence a single thread would produce, so the graph
/// does not depend on the number of threads.
#include <cstddef>
#include <functional>
#include <future>
#include <deque>
#include <vector>

#include "extract/pipeline.hpp"

namespace irgraph::extract {

class OrderedExtractor {
 public:
  using Consume = std::function<void(Document&&, DocumentRecords&&)>;

  /// `threads` counts the caller's thread: 1 extracts inline; n > 1 keeps up
  /// to n - 1 chunks of `chunk` documents extracting at a time.
  OrderedExtractor(const Pipeline& pipeline, unsigned threads, Consume consume, std::size_t chunk = 32);
  ~OrderedExtractor();
  OrderedExtractor(const OrderedExtractor&) = delete;
  OrderedExtractor& operator=(const OrderedExtractor&) = delete;

  void submit(Document doc);
  /// Extracts and consumes everything submitted (call before the end; an
  /// exception from extraction or from the consumer comes out here or from submit()).
  void finish();

 private:
  struct Extracted {
    std::vector<Document> documents;
    std::vector<DocumentRecords> records;
  };
  const Pipeline& pipeline_;
  unsigned threads_;
  Consume consume_;
  std::size_t chunk_;
  std::vector<Document> pending_;
  std::deque<std::future<Extracted>> in_flight_;

  void launch();
  void consume_oldest();
};

}  // namespace irgraph::extract
