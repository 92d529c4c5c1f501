// serve: the store over HTTP on this machine: a JSON API (described at
// /openapi.json) and a web page to search, expand, connect and read evidence.
#include <csignal>
#include <iostream>
#include <pthread.h>
#include <thread>

#include "cli/command.hpp"
#include "serve/curation_service.hpp"
#include "serve/graph_service.hpp"
#include "serve/http_server.hpp"

namespace irgraph::cli {

namespace {

class ServeCommand : public Command {
 public:
  std::string_view name() const override { return "serve"; }
  std::string_view description() const override {
    return "answer on HTTP: a web page to search, expand, connect and read evidence, and its JSON API (/openapi.json)";
  }
  void setup(CLI::App& app) override {
    app.add_option("--host", host_, "address to listen on (another than 127.0.0.1 opens the store to the network)")
        ->capture_default_str();
    app.add_option("--port", port_, "port (0: any free one, printed)")->capture_default_str()->check(CLI::Range(0, 65535));
    app.add_flag("--allow-curation", curation_,
                 "let the page and POST/DELETE /api/curation change the graph by curation rules (off: read-only)");
    app.footer("The store may be ingested into meanwhile (answers follow it). Ctrl-C stops.");
  }
  int run(const GlobalOptions& global, std::ostream& out, std::ostream&) override {
    // SIGINT and SIGTERM are waited for by a thread of their own, which stops the server
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    serve::GraphService service(global.db);
    serve::CurationService curation(global.db, curation_);
    serve::HttpServer server(service, curation);
    const int port = server.bind(host_, port_);
    out << "irgraph serve: http://" << (host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_) << ":" << port
        << "/ (store " << global.db << (curation_ ? "; curation allowed" : "; read-only") << "; Ctrl-C stops)" << std::endl;
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&signals, &sig);
      server.stop();
    });
    server.listen();
    pthread_kill(waiter.native_handle(), SIGTERM);  // stopped otherwise: let the waiter go
    waiter.join();
    return kOk;
  }

 private:
  std::string host_ = "127.0.0.1";
  int port_ = 8080;
  bool curation_ = false;
};

}  // namespace

std::unique_ptr<Command> make_serve_command() { return std::make_unique<ServeCommand>(); }

}  // namespace irgraph::cli
