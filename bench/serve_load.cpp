// A bounded load on `irgraph serve`: N clients on loopback, each asking in
// turn for a search, an entity, a neighbourhood and a connection for the
// whole run, as a page in use does. Prints requests per second, latency
// percentiles and the errors (any answer that is not 200, or none).
// Usage: irgraph_serve_load HOST PORT SECONDS CLIENTS FROM_NAME TO_NAME [KINDS]
// KINDS: the requests asked, comma-separated among search, entity,
// neighbourhood, path (default: all four, with two searches and two entities).
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 7 && argc != 8) {
    std::fprintf(stderr, "usage: irgraph_serve_load HOST PORT SECONDS CLIENTS FROM_NAME TO_NAME [search,entity,neighbourhood,path]\n");
    return 2;
  }
  const std::string host = argv[1];
  const int port = std::stoi(argv[2]);
  const auto seconds = std::chrono::seconds(std::stoi(argv[3]));
  const int clients = std::stoi(argv[4]);
  const std::string from = httplib::detail::encode_query_param(argv[5]), to = httplib::detail::encode_query_param(argv[6]);
  const std::string kinds = argc == 8 ? argv[7] : "search,entity,neighbourhood,path,search,entity";
  std::vector<std::string> paths;
  int searches = 0, entities = 0;
  for (std::size_t pos = 0; pos <= kinds.size();) {
    const auto comma = kinds.find(',', pos);
    const std::string kind = kinds.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (kind == "search") paths.push_back("/api/search?q=" + (searches++ % 2 ? to.substr(0, 4) : from.substr(0, 3)));
    else if (kind == "entity") paths.push_back("/api/entity?key=" + (entities++ % 2 ? to : from));
    else if (kind == "neighbourhood") paths.push_back("/api/neighbourhood?key=" + from + "&depth=2");
    else if (kind == "path") paths.push_back("/api/path?from=" + from + "&to=" + to + "&k=3");
    else {
      std::fprintf(stderr, "irgraph_serve_load: unknown request kind '%s'\n", kind.c_str());
      return 2;
    }
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  std::mutex mutex;
  std::vector<double> latencies;  // ms
  std::atomic<long> errors{0};
  const auto start = std::chrono::steady_clock::now();
  const auto end = start + seconds;
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      httplib::Client client(host, port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(10, 0);
      std::vector<double> mine;
      for (std::size_t i = static_cast<std::size_t>(c); std::chrono::steady_clock::now() < end; ++i) {
        const auto t = std::chrono::steady_clock::now();
        auto res = client.Get(paths[i % paths.size()].c_str());
        mine.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
        if (!res || res->status != 200) ++errors;
      }
      std::lock_guard<std::mutex> lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::sort(latencies.begin(), latencies.end());
  auto pct = [&](double p) {
    return latencies.empty() ? 0.0 : latencies[std::min(latencies.size() - 1, static_cast<std::size_t>(p * latencies.size()))];
  };
  std::printf("serve load (%s): %d clients for %.1f s: %zu requests, %.0f requests/s, latency p50 %.2f ms, p99 %.2f ms, max %.2f ms, %ld errors\n",
              kinds.c_str(), clients, elapsed, latencies.size(), latencies.size() / elapsed, pct(0.50), pct(0.99),
              latencies.empty() ? 0.0 : latencies.back(), errors.load());
  return errors.load() == 0 && !latencies.empty() ? 0 : 1;
}
