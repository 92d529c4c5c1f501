// Graph-scale benchmark on a synthetic knowledge graph of realistic shape:
// heavy-tailed degrees by preferential attachment, the ontology's node and
// relation types, one to three evidence items per relation, and sentences
// that support about 2.5 relations each (as extraction gives: "A met B" also
// yields A's and B's officialOf). Phases in separate processes, so that peak
// memory is that of a process holding and using the graph:
//   irgraph_graph_bench generate NODES EDGES_PER_NODE WORK_DIR   build, write the store
//   irgraph_graph_bench query NODES WORK_DIR                    as `irgraph path`: topology only, paths
//   irgraph_graph_bench use NODES WORK_DIR                      load, peak memory, paths, exports
// Prints one line per figure.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <streambuf>

#include "export/exporter.hpp"
#include "graph/query.hpp"
#include "graph/path_finder.hpp"
#include "store/store.hpp"

using namespace irgraph;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

/// Counts bytes written, keeps none (export throughput without disk).
class CountingBuf : public std::streambuf {
 public:
  CountingBuf() { setp(buf_, buf_ + sizeof buf_); }
  std::size_t bytes() const { return counted_ + static_cast<std::size_t>(pptr() - pbase()); }
  void reset() {
    counted_ = 0;
    setp(buf_, buf_ + sizeof buf_);
  }

 protected:
  // a 64 KiB put area, as a file stream has: writers are measured against a
  // buffered sink, the way they write files
  int_type overflow(int_type c) override {
    counted_ += static_cast<std::size_t>(pptr() - pbase());
    setp(buf_, buf_ + sizeof buf_);
    if (c != traits_type::eof()) sputc(static_cast<char>(c));
    return traits_type::not_eof(c);
  }

 private:
  char buf_[1 << 16];
  std::size_t counted_ = 0;
};

NodeType type_for(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> d(0, 99);
  int x = d(rng);
  if (x < 5) return NodeType::Country;
  if (x < 60) return NodeType::Official;
  if (x < 70) return NodeType::Agreement;
  if (x < 85) return NodeType::Place;
  return NodeType::Organization;
}

}  // namespace

namespace {

std::string store_path(const std::filesystem::path& work, std::size_t n) {
  return (work / ("bench-" + std::to_string(n) + ".db")).string();
}

int generate(std::size_t n, std::size_t per_node, const std::filesystem::path& work) {
  std::mt19937_64 rng(42);
  const std::size_t docs = std::max<std::size_t>(100, n / 5), sentences = 40;
  auto t0 = Clock::now();
  graph::KnowledgeGraph g;
  std::vector<std::string> keys(n);
  for (std::size_t i = 0; i < n; ++i) {
    NodeType t = type_for(rng);
    keys[i] = std::string(key_prefix(t)) + ":n" + std::to_string(i);
    g.upsert_node(keys[i], t, "Entity " + std::to_string(i));
    g.add_document_mention(keys[i], "doc" + std::to_string(i % docs));
  }
  // preferential attachment over a list of endpoints
  std::vector<std::size_t> ends;
  ends.reserve(n * per_node * 2);
  std::uniform_int_distribution<int> rel(0, static_cast<int>(kRelationTypes.size()) - 1), evn(1, 3), day(1, 28), month(1, 12);
  std::size_t evidence = 0;
  for (std::size_t i = 1; i < n; ++i) {
    for (std::size_t k = 0; k < per_node && k < i; ++k) {
      std::size_t j = ends.empty() || (rng() % 4 == 0) ? rng() % i : ends[rng() % ends.size()];
      if (j == i) continue;
      ends.push_back(i);
      ends.push_back(j);
      RelationType rt = kRelationTypes[static_cast<std::size_t>(rel(rng))];
      int m = evn(rng);
      for (int e = 0; e < m; ++e) {
        graph::Evidence ev;
        const std::size_t doc = rng() % docs;
        ev.doc_id = "doc" + std::to_string(doc);
        ev.sentence = static_cast<std::uint32_t>(rng() % sentences);
        ev.begin = ev.sentence * 120;
        ev.end = ev.begin + 110;
        // the text of a sentence depends on its document and position only
        ev.text = "Synthetic sentence " + std::to_string(ev.sentence) + " of document " + std::to_string(doc) +
                  ", in which one entity of the benchmark graph meets, signs or visits another.";
        char date[16];
        std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 15 + static_cast<int>(rng() % 9), month(rng), day(rng));
        ev.date = date;
        ev.extractor = "bench";
        ev.rule = "synthetic-" + std::to_string(e);
        if (g.add_evidence(keys[i], rt, keys[j], std::move(ev))) ++evidence;
      }
    }
  }
  std::printf("graph %zu nodes: %zu relations, %zu evidence; built in memory in %.2f s\n", g.node_count(), g.relation_count(),
              evidence, seconds_since(t0));
  const std::string db = store_path(work, n);
  for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
  store::Store st(db);
  auto t = Clock::now();
  store::WriteTransaction tx(st);
  st.rewrite_graph(g);
  tx.commit();
  std::printf("graph %zu nodes: store write %.2f s (%.1f MB)\n", n, seconds_since(t),
              static_cast<double>(std::filesystem::file_size(db)) / 1e6);
  // the random pairs for both irgraph and NetworkX
  std::ofstream pairs(work / ("pairs-" + std::to_string(n) + ".txt"));
  for (int q = 0; q < 1000; ++q) pairs << keys[rng() % n] << '\t' << keys[rng() % n] << '\n';
  return 0;
}

/// Latency of `search(a, b)` (true when connected) over the generate phase's random pairs.
struct Latencies {
  std::vector<double> ms;  ///< sorted
  std::size_t found = 0;
  double median() const { return ms[ms.size() / 2]; }
  double p99() const { return ms[ms.size() * 99 / 100 - 1]; }
};
template <class Search>
Latencies time_pairs(std::size_t n, const std::filesystem::path& work, Search search) {
  Latencies l;
  std::ifstream pairs(work / ("pairs-" + std::to_string(n) + ".txt"));
  std::string a, b;
  while (std::getline(pairs, a, '\t') && std::getline(pairs, b)) {
    auto t = Clock::now();
    const bool connected = search(a, b);
    l.ms.push_back(seconds_since(t) * 1000.0);
    l.found += connected;
  }
  if (l.ms.empty()) throw std::runtime_error("no pairs: run the generate phase first");
  std::sort(l.ms.begin(), l.ms.end());
  return l;
}

/// Shortest connections as `irgraph path` answers them on a large store:
/// entities and relation ends loaded, each hop's evidence read from the store.
int query(std::size_t n, const std::filesystem::path& work) {
  store::Store st(store_path(work, n), store::Store::Mode::ReadOnly);
  auto t = Clock::now();
  store::Topology topology = st.load_topology();
  graph::PathFinder finder(topology.entities, topology.relations);
  std::printf("graph %zu nodes: topology from store and path index %.2f s (entities and relation ends; evidence stays in the store)\n",
              n, seconds_since(t));
  std::size_t evidence = 0;
  const Latencies l = time_pairs(n, work, [&](const std::string& a, const std::string& b) {
    auto p = finder.shortest_path(a, b);
    if (p)
      for (const auto& h : *p) evidence += st.relation(h.relation_id).evidence.size();
    return p.has_value();
  });
  std::printf("graph %zu nodes: shortest connection on the topology, hops' evidence read from the store: median %.3f ms, p99 %.3f ms "
              "(%zu of %zu connected, %zu evidence items read)\n",
              n, l.median(), l.p99(), l.found, l.ms.size(), evidence);
  std::printf("graph %zu nodes: peak memory of the topology process %ld MB\n", n, peak_rss_mb());
  return 0;
}

int use(std::size_t n, const std::filesystem::path& work) {
  graph::KnowledgeGraph loaded;
  {
    store::Store st(store_path(work, n), store::Store::Mode::ReadOnly);
    auto t = Clock::now();
    loaded = st.load();
    std::printf("graph %zu nodes: load from store %.2f s\n", n, seconds_since(t));
  }
  std::printf("graph %zu nodes: memory after load %ld MB (peak RSS of the process that loads and uses the graph)\n", n,
              peak_rss_mb());
  fflush(stdout);

  // shortest connection: 1,000 random pairs, on one index of the graph
  auto t_index = Clock::now();
  graph::PathFinder finder(loaded);
  std::printf("graph %zu nodes: path index built in %.2f s\n", n, seconds_since(t_index));
  const Latencies l =
      time_pairs(n, work, [&](const std::string& a, const std::string& b) { return finder.shortest_path(a, b).has_value(); });
  std::printf("graph %zu nodes: shortest connection median %.3f ms, p99 %.3f ms (%zu of %zu connected)\n", n, l.median(),
              l.p99(), l.found, l.ms.size());
  fflush(stdout);

  for (const auto& info : exporters::exporters()) {
    auto e = exporters::make_exporter(info.name);
    if (e->writes_folder() || info.name == "html") continue;  // the page is for people, not for 1M nodes
    // the median of three runs (one run from a million nodes: each takes minutes)
    const int repeat = n >= 1000000 ? 1 : 3;
    CountingBuf buf;
    std::vector<double> runs;
    for (int r = 0; r < repeat; ++r) {
      buf.reset();
      std::ostream out(&buf);
      auto t = Clock::now();
      e->write(loaded, {}, out);
      runs.push_back(seconds_since(t));
    }
    std::sort(runs.begin(), runs.end());
    double s = runs[runs.size() / 2];
    std::printf("graph %zu nodes: export %-8s %.2f s (%s), %.1f MB, %.1f MB/s\n", n, std::string(info.name).c_str(), s,
                repeat == 1 ? "1 run" : "median of 3",
                static_cast<double>(buf.bytes()) / 1e6, static_cast<double>(buf.bytes()) / 1e6 / s);
    fflush(stdout);
  }
  std::printf("graph %zu nodes: peak memory %ld MB (loading, path index, exports)\n", n, peak_rss_mb());
  // the same graph for the NetworkX peer
  std::ofstream gm(work / ("bench-" + std::to_string(n) + ".graphml"));
  exporters::make_exporter("graphml")->write(loaded, {}, gm);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  try {
    if (mode == "generate" && argc == 5) return generate(std::stoull(argv[2]), std::stoull(argv[3]), argv[4]);
    if (mode == "use" && argc == 4) return use(std::stoull(argv[2]), argv[3]);
    if (mode == "query" && argc == 4) return query(std::stoull(argv[2]), argv[3]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irgraph_graph_bench: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "usage: %s generate NODES EDGES_PER_NODE WORK_DIR | use NODES WORK_DIR | query NODES WORK_DIR\n", argv[0]);
  return 2;
}
