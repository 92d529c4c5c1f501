#include "cli/output.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <streambuf>

#include "core/error.hpp"
#include "extract/text.hpp"

namespace fs = std::filesystem;

namespace irgraph::cli {

namespace {

// --- removal of temporary outputs on SIGINT, SIGTERM, SIGHUP ------------------
// Fixed storage: the handler reads it without allocating.
struct Pending {
  std::array<char, 4096> path{};
  volatile sig_atomic_t used = 0, folder = 0;
};
std::array<Pending, 4> pending;

void remove_folder_now(const char* dir) {
  // best effort, while the process ends: the folder holds only files irgraph wrote
  if (DIR* d = opendir(dir)) {
    while (dirent* e = readdir(d))
      if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) unlinkat(dirfd(d), e->d_name, 0);
    closedir(d);
  }
  rmdir(dir);
}

extern "C" void on_fatal_signal(int sig) {
  for (auto& p : pending)
    if (p.used) {
      if (p.folder) remove_folder_now(p.path.data());
      else unlink(p.path.data());
    }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

int track(const std::string& path, bool folder) {
  static bool installed = false;
  if (!installed) {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction sa {};
      sa.sa_handler = on_fatal_signal;
      sigemptyset(&sa.sa_mask);
      sigaction(sig, &sa, nullptr);
    }
    installed = true;
  }
  for (std::size_t i = 0; i < pending.size(); ++i)
    if (!pending[i].used && path.size() < pending[i].path.size()) {
      std::memcpy(pending[i].path.data(), path.c_str(), path.size() + 1);
      pending[i].folder = folder;
      pending[i].used = 1;
      return static_cast<int>(i);
    }
  return -1;  // not tracked: removed on failure and exceptions only
}

void untrack(int slot) {
  if (slot >= 0) pending[static_cast<std::size_t>(slot)].used = 0;
}

/// The mode a file or folder created with `mode` gets under the process's umask
/// (mkstemp and mkdtemp ignore it and create private ones).
mode_t with_umask(mode_t mode) {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mode & ~mask;
}

std::string folder_of(const std::string& path) {
  std::string parent = fs::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

void check_folder_exists(const std::string& path) {
  const std::string folder = folder_of(path);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw Error("output " + path + ": " + folder + ": no such folder");
}

}  // namespace

std::string write_failure(const std::string& what, int err) {
  switch (err) {
    case ENOSPC: return "disk full while writing " + what;
    case EDQUOT: return "disk quota exceeded while writing " + what;
    case EFBIG: return "file size limit reached while writing " + what;
    case EROFS: return what + ": read-only file system";
    case EACCES:
    case EPERM: return what + ": permission denied";
    default: return "writing " + what + " failed: " + std::strerror(err);
  }
}

void check_not_store(const std::string& path, const std::string& db) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::string file = db + suffix;
    if (fs::exists(file, ec) && fs::exists(path, ec) && fs::equivalent(path, file, ec))
      throw UsageError("output " + path + " is the store" + (*suffix ? std::string(" (its ") + (suffix + 1) + " file)" : "") +
                       ": choose another file");
  }
}

// --- OutputFile ----------------------------------------------------------------

/// A buffered stream onto a file descriptor that keeps the errno of a failed write.
struct OutputFile::Stream : std::streambuf {
  explicit Stream(int fd) : fd(fd), os(this) { setp(buf.data(), buf.data() + buf.size()); }
  int fd;
  int error = 0;
  std::array<char, 1 << 16> buf;
  std::ostream os;

  bool drain() {
    const char* p = pbase();
    while (p < pptr() && error == 0) {
      const ssize_t n = ::write(fd, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0) {
        if (errno != EINTR) error = errno;
      } else {
        p += n;
      }
    }
    setp(buf.data(), buf.data() + buf.size());
    return error == 0;
  }
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }
};

OutputFile::OutputFile(const std::string& path, const std::string& db) : path_(path), target_(path) {
  if (path.empty()) throw UsageError("output: empty file name (use - for standard output)");
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(path, ec))) {
    target_ = fs::weakly_canonical(path, ec).string();
    if (ec) throw Error("output " + path + ": cannot resolve the link: " + ec.message());
  }
  check_folder_exists(target_);
  check_not_store(target_, db);
  auto st = fs::status(target_, ec);
  if (fs::exists(st) && !fs::is_regular_file(st))
    throw UsageError("output " + path + " is not a regular file (" +
                     (fs::is_directory(st) ? std::string("a folder") : std::string("a device, FIFO or socket")) +
                     "): give a file name, or - for standard output");
  const std::string name = fs::path(target_).filename().string();
  std::string pattern = (fs::path(folder_of(target_)) / ("." + name + ".irgraph-XXXXXX")).string();
  fd_ = ::mkstemp(pattern.data());  // O_CREAT|O_EXCL, mode 0600: a planted file or link is never opened
  if (fd_ < 0) throw Error(write_failure("output " + path + " (temporary file in " + folder_of(target_) + ")", errno));
  temp_ = pattern;
  ::fcntl(fd_, F_SETFD, FD_CLOEXEC);
  // the final file gets the target's mode, or what a new file would have
  struct stat old {};
  if (::stat(target_.c_str(), &old) == 0) {
    ::fchmod(fd_, old.st_mode & 07777);
  } else {
    ::fchmod(fd_, with_umask(0666));
  }
  slot_ = track(temp_, false);
  stream_ = std::make_unique<Stream>(fd_);
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
  untrack(slot_);
}

std::ostream& OutputFile::stream() { return stream_->os; }

void OutputFile::commit() {
  stream_->os.flush();
  if (stream_->error != 0 || !stream_->os) throw Error(write_failure(path_, stream_->error ? stream_->error : EIO));
  // Graphviz and others write by name: the descriptor has seen nothing then, which is fine
  if (::fsync(fd_) != 0 && errno != EINVAL) throw Error(write_failure(path_, errno));
  const int closed = ::close(fd_);
  fd_ = -1;
  if (closed != 0) throw Error(write_failure(path_, errno));
  if (::rename(temp_.c_str(), target_.c_str()) != 0) throw Error(write_failure(path_, errno));
  temp_.clear();
}

void OutputFile::write(const std::function<void(std::ostream&)>& writer) {
  try {
    writer(stream());
  } catch (const Error&) {
    if (stream_->error != 0) throw Error(write_failure(path_, stream_->error));
    throw;
  }
  commit();
}

// --- OutputFolder --------------------------------------------------------------

OutputFolder::OutputFolder(const std::string& path, const std::string& db) : path_(path) {
  if (path.empty()) throw UsageError("output: empty folder name");
  std::string clean = fs::path(path).lexically_normal().string();
  while (clean.size() > 1 && clean.back() == '/') clean.pop_back();
  check_folder_exists(clean);
  check_not_store(clean, db);
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (fs::exists(st)) {
    if (!fs::is_directory(st)) throw UsageError("output " + path + " is not a folder");
    if (!fs::is_empty(path, ec))
      throw UsageError("output folder " + path + " is not empty: its old files would be read with the new ones; give a new or empty folder");
  }
  path_ = clean;
  std::string pattern = (fs::path(folder_of(clean)) / ("." + fs::path(clean).filename().string() + ".irgraph-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) throw Error(write_failure("output folder " + path, errno));
  temp_ = pattern;
  slot_ = track(temp_, true);
}

OutputFolder::~OutputFolder() {
  if (!done_) {
    std::error_code ec;
    fs::remove_all(temp_, ec);
  }
  untrack(slot_);
}

void OutputFolder::commit() {
  // rename(2) replaces an empty folder, never a full one
  if (::rename(temp_.c_str(), path_.c_str()) != 0) throw Error(write_failure("output folder " + path_, errno));
  ::chmod(path_.c_str(), with_umask(0777));
  done_ = true;
}

struct TerminalText::Buffer : std::streambuf {
  explicit Buffer(std::ostream& to) : to(to) {}
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    line.push_back(traits_type::to_char_type(c));
    if (c == '\n') pass_on();
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) overflow(traits_type::to_int_type(s[i]));
    return n;
  }
  int sync() override {
    pass_on();
    return to.flush() ? 0 : -1;
  }
  void pass_on() {
    extract::blank_controls(line);
    to << line;
    line.clear();
  }
  std::ostream& to;
  std::string line;
};

TerminalText::TerminalText(std::ostream& to) : std::ostream(nullptr), buffer_(std::make_unique<Buffer>(to)) {
  rdbuf(buffer_.get());
}

TerminalText::~TerminalText() { buffer_->pubsync(); }

}  // namespace irgraph::cli
