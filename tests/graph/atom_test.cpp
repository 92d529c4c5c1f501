#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "graph/atom.hpp"

using irgraph::graph::Atom;

TEST_CASE("an atom is its string, interned once: equal values are one atom, order is the strings' order") {
  Atom a("Sochi"), b(std::string("Sochi")), c("Ankara"), empty, also_empty("");
  CHECK(a == b);
  CHECK(&a.str() == &b.str());  // stored once
  CHECK(a == "Sochi");
  CHECK(a.size() == 5);
  CHECK(c < a);
  CHECK(empty.empty());
  CHECK(empty == also_empty);
  CHECK(empty.str().empty());
  CHECK(empty < c);
  CHECK(sizeof(Atom) == 4);
}

TEST_CASE("atoms beyond one storage chunk keep their strings, also while other threads intern") {
  const std::size_t before = Atom::table_size();
  std::vector<Atom> mine;
  for (int i = 0; i < 70000; ++i) mine.emplace_back("atom-test-" + std::to_string(i));  // more than one 65,536 chunk
  CHECK(Atom::table_size() == before + 70000);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40000; ++i) {
        Atom x("atom-thread-" + std::to_string(t) + "-" + std::to_string(i));
        Atom y("atom-test-" + std::to_string(i));  // already there
        if (x.str() != "atom-thread-" + std::to_string(t) + "-" + std::to_string(i) || !(y == mine[i])) ++wrong[t];
      }
    });
  for (auto& th : threads) th.join();
  CHECK(wrong == std::vector<int>(4, 0));
  for (int i = 0; i < 70000; i += 997) CHECK(mine[i].str() == "atom-test-" + std::to_string(i));
  CHECK(Atom::table_size() == before + 70000 + 4 * 40000);
}
