#include "extract/paced_reader.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

namespace irgraph::extract {

namespace {

struct Warning {
  InputError error;
};
struct Failure {
  InputError error;
};
struct End {
  std::exception_ptr exception;  ///< what stopped the reader, or null at the end of the inputs
};
using Item = std::variant<Document, Failure, Warning, End>;

/// What the two threads share; owned by both, so a reader still blocked on
/// its input when the caller gives up touches nothing the caller freed.
struct Channel {
  std::mutex mu;
  std::condition_variable changed;
  std::deque<Item> items;
  std::size_t documents = 0;
  bool stop = false;  ///< the caller gave up: the reader ends at its next item
};

/// Thrown into read_inputs() when the caller gave up, to unwind the reader.
struct Stopped {};

}  // namespace

void read_inputs_paced(const std::vector<std::string>& inputs, const ReadHandler& handler,
                       const std::function<void()>& on_idle, std::chrono::milliseconds idle, std::size_t max_queued) {
  auto channel = std::make_shared<Channel>();
  std::thread reader([channel, inputs, max_queued] {
    auto put = [&](Item item, bool document) {
      std::unique_lock<std::mutex> lock(channel->mu);
      channel->changed.wait(lock, [&] { return channel->stop || !document || channel->documents < max_queued; });
      if (channel->stop) throw Stopped{};
      channel->documents += document;
      channel->items.push_back(std::move(item));
      channel->changed.notify_all();
    };
    ReadHandler h;
    h.on_document = [&](Document&& d) { put(std::move(d), true); };
    h.on_error = [&](const InputError& e) { put(Failure{e}, false); };
    h.on_warning = [&](const InputError& e) { put(Warning{e}, false); };
    std::exception_ptr failure;
    try {
      read_inputs(inputs, h);
    } catch (const Stopped&) {
      return;
    } catch (...) {
      failure = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(channel->mu);
    channel->items.push_back(End{failure});
    channel->changed.notify_all();
  });
  // the reader may be blocked on its input (a pipe nobody writes to): on an
  // exception here it is left to end on its own, holding only the channel
  struct Finish {
    std::thread& reader;
    Channel& channel;
    bool joined = false;
    ~Finish() {
      if (joined) return;
      {
        std::lock_guard<std::mutex> lock(channel.mu);
        channel.stop = true;
      }
      channel.changed.notify_all();
      reader.detach();
    }
  } finish{reader, *channel};

  bool idle_called = false;
  for (;;) {
    std::optional<Item> item;
    {
      std::unique_lock<std::mutex> lock(channel->mu);
      if (!channel->changed.wait_for(lock, idle, [&] { return !channel->items.empty(); })) {
        lock.unlock();
        if (!idle_called && on_idle) on_idle();
        idle_called = true;
        continue;
      }
      item.emplace(std::move(channel->items.front()));
      channel->items.pop_front();
      if (std::holds_alternative<Document>(*item)) --channel->documents;
      channel->changed.notify_all();
    }
    idle_called = false;
    if (auto* d = std::get_if<Document>(&*item)) {
      if (handler.on_document) handler.on_document(std::move(*d));
    } else if (auto* f = std::get_if<Failure>(&*item)) {
      if (handler.on_error) handler.on_error(f->error);
    } else if (auto* w = std::get_if<Warning>(&*item)) {
      if (handler.on_warning) handler.on_warning(w->error);
    } else {
      reader.join();
      finish.joined = true;
      if (auto e = std::get<End>(*item).exception) std::rethrow_exception(e);
      return;
    }
  }
}

}  // namespace irgraph::extract
