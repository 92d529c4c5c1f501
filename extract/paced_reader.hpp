#pragma once
/// read_inputs() on a thread of its own, for readers that must not wait on
/// their input: a slow feed on standard input or a pipe leaves the caller
/// free to extract and commit what it holds while the next article is on
/// its way.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "extract/document.hpp"

namespace irgraph::extract {

/// Reads `inputs` on another thread and delivers what read_inputs() finds
/// (documents, errors, warnings) to `handler` on the calling thread, in
/// order. Whenever nothing has arrived for `idle`, `on_idle` is called on the
/// calling thread (then again only after something arrived). At most
/// `max_queued` documents wait for the caller; the reader waits beyond that.
/// An exception from the reader comes out here; one from the handler stops
/// the reader and comes out here too.
void read_inputs_paced(const std::vector<std::string>& inputs, const ReadHandler& handler,
                       const std::function<void()>& on_idle,
                       std::chrono::milliseconds idle = std::chrono::milliseconds(200), std::size_t max_queued = 64);

}  // namespace irgraph::extract
