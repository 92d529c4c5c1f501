#include "graph/atom.hpp"

#include <mutex>
#include <ostream>
#include <unordered_set>

namespace irgraph::graph {

namespace {

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Table {
  std::mutex mu;
  std::unordered_set<std::string, Hash, std::equal_to<>> strings;  // nodes never move: pointers stay valid
};

Table& table() {
  static Table* t = new Table;  // never destroyed: atoms may outlive static destructors
  return *t;
}

}  // namespace

const std::string& Atom::nothing() {
  static const std::string* e = new std::string;
  return *e;
}

const std::string& Atom::intern(std::string_view v) {
  Table& t = table();
  std::lock_guard<std::mutex> lock(t.mu);
  auto it = t.strings.find(v);
  if (it == t.strings.end()) it = t.strings.emplace(v).first;
  return *it;
}

std::size_t Atom::table_size() {
  Table& t = table();
  std::lock_guard<std::mutex> lock(t.mu);
  return t.strings.size();
}

std::ostream& operator<<(std::ostream& out, const Atom& a) { return out << a.str(); }

}  // namespace irgraph::graph
