#pragma once
/// Atom: an interned, immutable string, 32 bits wide. Evidence repeats a few
/// values millions of times (document ids, dates, extractor and rule names,
/// and the same sentence for every relation it supports); as atoms each
/// distinct value is stored once per process and compares by number. An
/// evidence item holds six of them: 24 bytes instead of 48 as pointers.
/// The table only grows: it holds the distinct values the process has seen.
/// Interning takes a lock; reading an atom's string does not.
#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace irgraph::graph {

class Atom {
 public:
  Atom() = default;  // the empty string
  Atom(std::string_view v) : id_(v.empty() ? 0 : intern(v)) {}  // NOLINT: implicit by design
  Atom(const std::string& v) : Atom(std::string_view(v)) {}    // NOLINT
  Atom(const char* v) : Atom(std::string_view(v)) {}           // NOLINT

  const std::string& str() const { return lookup(id_); }
  operator const std::string&() const { return str(); }  // NOLINT: reads like the string it is
  operator std::string_view() const { return str(); }    // NOLINT
  const char* c_str() const { return str().c_str(); }
  const char* data() const { return str().data(); }
  std::size_t size() const { return str().size(); }
  bool empty() const { return id_ == 0; }

  friend bool operator==(const Atom& a, const Atom& b) { return a.id_ == b.id_; }
  friend bool operator==(const Atom& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const Atom& a, const char* b) { return a.str() == b; }
  friend bool operator==(const Atom& a, const std::string& b) { return a.str() == b; }
  friend std::strong_ordering operator<=>(const Atom& a, const Atom& b) {
    return a.id_ == b.id_ ? std::strong_ordering::equal : a.str().compare(b.str()) <=> 0;
  }
  friend std::string operator+(const std::string& a, const Atom& b) { return a + b.str(); }
  friend std::string operator+(const char* a, const Atom& b) { return a + b.str(); }
  friend std::string operator+(const Atom& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const Atom& a, const char* b) { return a.str() + b; }
  friend std::ostream& operator<<(std::ostream& out, const Atom& a);

  /// Distinct non-empty values interned so far (for statistics).
  static std::size_t table_size();

 private:
  std::uint32_t id_ = 0;  ///< 0 is the empty string
  static std::uint32_t intern(std::string_view v);
  static const std::string& lookup(std::uint32_t id);
};

}  // namespace irgraph::graph
