#pragma once
/// The one exception hierarchy of irgraph. Library code throws these and
/// never prints; only the CLI's main() catches and maps them to exit codes.
/// Messages name the component and the place: "extract: a.txt:3: ...".
#include <cstdint>
#include <stdexcept>
#include <string>

namespace irgraph {

/// Any failure irgraph reports to a user.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Input that cannot be read as an article: bad encoding, bad JSON, unreadable file.
/// Carries where it happened so a caller can skip the item and go on.
class InputError : public Error {
 public:
  InputError(std::string file, std::uint64_t line, std::uint64_t byte, const std::string& reason);
  const std::string& file() const noexcept { return file_; }
  std::uint64_t line() const noexcept { return line_; }   ///< 1-based; 0 when not known
  std::uint64_t byte() const noexcept { return byte_; }   ///< 0-based offset in the file
  const std::string& reason() const noexcept { return reason_; }

 private:
  std::string file_;
  std::uint64_t line_;
  std::uint64_t byte_;
  std::string reason_;
};

/// The store cannot be opened or written (not a database, newer schema, I/O).
class StoreError : public Error {
 public:
  using Error::Error;
};

/// A query names something the graph does not hold, or holds more than once.
class LookupError : public Error {
 public:
  using Error::Error;
};

/// Bad command-line usage detected by library code (unknown format, bad option value).
class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace irgraph
