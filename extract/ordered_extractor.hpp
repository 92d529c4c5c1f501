#pragma once
/// Extraction on worker threads with results in input order: documents are
/// submitted in chunks to a fixed pool of threads - 1 workers while the
/// caller's thread reads input and consumes (stores) finished chunks. The
/// consumer sees exactly the sequence a single thread would produce, so the
/// graph does not depend on the number of threads.
///
/// The pool has one thread fewer than `threads` because the caller's thread
/// is busy too (reading and storing are about 40% of single-thread ingest):
/// one thread per chunk, as std::async gives, left it a third of a core on
/// two cores. Up to 16 chunks per worker (and 64 MiB of text) are queued or
/// extracting, so the workers keep going while the caller commits a batch
/// of documents (256 by default: 8 chunks of store work at once). When the
/// caller would wait for the oldest chunk, it extracts queued chunks itself,
/// so no core idles while there is extraction left.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "extract/pipeline.hpp"

namespace irgraph::extract {

class OrderedExtractor {
 public:
  using Consume = std::function<void(Document&&, DocumentRecords&&)>;

  /// `threads` counts the caller's thread: 1 extracts inline; n > 1 starts
  /// n - 1 workers, each taking chunks of `chunk` documents in order.
  OrderedExtractor(const Pipeline& pipeline, unsigned threads, Consume consume, std::size_t chunk = 32);
  ~OrderedExtractor();
  OrderedExtractor(const OrderedExtractor&) = delete;
  OrderedExtractor& operator=(const OrderedExtractor&) = delete;

  void submit(Document doc);
  /// Extracts and consumes everything submitted (call before the end, and
  /// whenever the input pauses; submit() may go on after it). An exception
  /// from extraction or from the consumer comes out here or from submit().
  void finish();

 private:
  struct Extracted {
    std::vector<Document> documents;
    std::vector<DocumentRecords> records;
  };
  struct Job {
    std::vector<Document> documents;
    std::promise<Extracted> done;
  };
  const Pipeline& pipeline_;
  unsigned threads_;
  Consume consume_;
  std::size_t chunk_;
  struct InFlight {
    std::future<Extracted> result;
    std::size_t bytes;
  };
  static constexpr std::size_t kChunksPerWorker = 16;
  static constexpr std::size_t kChunkBytes = 1u << 20;  ///< a chunk closes at `chunk` documents or 1 MiB of text
  static constexpr std::size_t kMaxBytes = 64u << 20;   ///< text in flight beyond one chunk
  std::vector<Document> pending_;
  std::size_t pending_bytes_ = 0;
  std::deque<InFlight> in_flight_;  ///< queued or extracting, oldest first
  std::size_t in_flight_bytes_ = 0;

  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::unique_ptr<Job>> queue_;  ///< not yet taken by a worker
  bool stop_ = false;
  std::vector<std::thread> workers_;

  void launch();
  void consume_oldest();
  void work();
  void run(Job& job) const;
  std::unique_ptr<Job> take_queued();
};

}  // namespace irgraph::extract
