#pragma once
/// Atom: an interned, immutable string, one pointer wide. Evidence repeats a
/// few values millions of times (document ids, dates, extractor and rule
/// names, and the same sentence for every relation it supports); as atoms
/// each distinct value is stored once per process and compares by pointer.
/// The table only grows: it holds the distinct values the process has seen.
#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

namespace irgraph::graph {

class Atom {
 public:
  Atom() : s_(&nothing()) {}
  Atom(std::string_view v) : s_(v.empty() ? &nothing() : &intern(v)) {}  // NOLINT: implicit by design
  Atom(const std::string& v) : Atom(std::string_view(v)) {}            // NOLINT
  Atom(const char* v) : Atom(std::string_view(v)) {}                   // NOLINT

  const std::string& str() const { return *s_; }
  operator const std::string&() const { return *s_; }  // NOLINT: reads like the string it is
  operator std::string_view() const { return *s_; }    // NOLINT
  const char* c_str() const { return s_->c_str(); }
  const char* data() const { return s_->data(); }
  std::size_t size() const { return s_->size(); }
  bool empty() const { return s_->empty(); }

  friend bool operator==(const Atom& a, const Atom& b) { return a.s_ == b.s_; }
  friend bool operator==(const Atom& a, std::string_view b) { return *a.s_ == b; }
  friend bool operator==(const Atom& a, const char* b) { return *a.s_ == b; }
  friend bool operator==(const Atom& a, const std::string& b) { return *a.s_ == b; }
  friend std::strong_ordering operator<=>(const Atom& a, const Atom& b) { return a.s_->compare(*b.s_) <=> 0; }
  friend std::string operator+(const std::string& a, const Atom& b) { return a + *b.s_; }
  friend std::string operator+(const char* a, const Atom& b) { return a + *b.s_; }
  friend std::string operator+(const Atom& a, const std::string& b) { return *a.s_ + b; }
  friend std::string operator+(const Atom& a, const char* b) { return *a.s_ + b; }
  friend std::ostream& operator<<(std::ostream& out, const Atom& a);

  /// Distinct non-empty values interned so far (for statistics).
  static std::size_t table_size();

 private:
  const std::string* s_;
  static const std::string& nothing();
  static const std::string& intern(std::string_view v);
};

}  // namespace irgraph::graph
