#pragma once
/// `irgraph serve`'s HTTP layer (cpp-httplib): the JSON API of GraphService
/// under /api/, its OpenAPI description at /openapi.json, and the web page
/// with its scripts, all compiled into the binary (nothing from the network).
#include <memory>
#include <string>

namespace irgraph::serve {

class GraphService;
class CurationService;

class HttpServer {
 public:
  HttpServer(GraphService& service, CurationService& curation);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds to `host`:`port` (0: a free port). Returns the port bound; throws
  /// irgraph::Error naming the address when it cannot be bound.
  int bind(const std::string& host, int port);
  /// Answers requests until stop() (from another thread).
  void listen();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace irgraph::serve
