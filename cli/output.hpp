#pragma once
/// Where commands write files. An output is checked before any work is done
/// (never the store, never a device, FIFO or folder, its folder must exist),
/// written to a fresh temporary file made with O_EXCL beside the target
/// (a planted link is never followed), and moved into place only when all of
/// it was written; a failure, an exception or SIGINT/SIGTERM/SIGHUP removes
/// the temporary file. A symlink to a regular file is written through: its
/// target is replaced and the link stays.
#include <functional>
#include <memory>
#include <ostream>
#include <string>

namespace irgraph::cli {

/// Throws UsageError when `path` is the store at `db` (or one of its WAL,
/// shared-memory or journal files).
void check_not_store(const std::string& path, const std::string& db);

class OutputFile {
 public:
  /// Checks `path` (see above) and creates the temporary file. Throws
  /// UsageError for a path that must not be written, Error when the folder
  /// cannot be written.
  OutputFile(const std::string& path, const std::string& db);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream();
  /// The temporary file's name, for writers that take a file name (Graphviz).
  const std::string& temp_path() const { return temp_; }
  /// Flushes, checks every byte reached the disk, moves the file into place.
  /// Throws Error naming the file and the cause ("disk full while writing X").
  void commit();
  /// Runs `writer` on stream(), then commit(). When the writer gives up
  /// because a write failed, the Error names the file and the cause as
  /// commit() does, not the writer's own "writing failed".
  void write(const std::function<void(std::ostream&)>& writer);

 private:
  std::string path_, target_, temp_;
  int fd_ = -1, slot_ = -1;
  struct Stream;
  std::unique_ptr<Stream> stream_;
};

/// A folder written whole or not at all: files go to a fresh temporary
/// folder beside `path`, which is renamed onto it by commit(). `path` must
/// not exist or be an empty folder (a used folder's stale files would be read
/// with the new ones).
class OutputFolder {
 public:
  OutputFolder(const std::string& path, const std::string& db);
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  const std::string& temp_path() const { return temp_; }
  void commit();

 private:
  std::string path_, temp_;
  bool done_ = false;
  int slot_ = -1;
};

/// A stream for text read from the store and printed for people (path,
/// show): each line is written with its control characters blanked, so an
/// escape sequence from an article (or from a store written by an older
/// version) never reaches the terminal. Lines are passed on as they end;
/// the rest when the stream is flushed or destroyed.
class TerminalText : public std::ostream {
 public:
  explicit TerminalText(std::ostream& to);
  ~TerminalText() override;

 private:
  struct Buffer;
  std::unique_ptr<Buffer> buffer_;
};

/// An Error for a failed write of `what` from errno ("disk full while writing X").
std::string write_failure(const std::string& what, int err);

}  // namespace irgraph::cli
