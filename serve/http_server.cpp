#include "serve/http_server.hpp"

#include <httplib.h>

#include "core/embedded_data.hpp"
#include "core/error.hpp"
#include "serve/curation_service.hpp"
#include "serve/graph_service.hpp"

namespace irgraph::serve {

struct HttpServer::Impl {
  httplib::Server server;
};

namespace {

/// An embedded file served as it is, with its media type.
void serve_file(httplib::Server& s, const std::string& path, std::string_view file, const char* type) {
  s.Get(path, [file, type](const httplib::Request&, httplib::Response& res) {
    const std::string_view body = data::embedded_file(file);
    res.set_content(body.data(), body.size(), type);
    res.set_header("Cache-Control", "no-cache");
  });
}

}  // namespace

HttpServer::HttpServer(GraphService& service, CurationService& curation) : impl_(std::make_unique<Impl>()) {
  httplib::Server& s = impl_->server;
  s.set_payload_max_length(1 << 16);  // the API takes no bodies
  // one thread per open connection: a page keeps its connection alive, so a
  // pool as small as the cores would leave later clients waiting for a free one
  s.new_task_queue = [] { return new httplib::ThreadPool(64); };
  s.set_keep_alive_max_count(100);
  s.set_tcp_nodelay(true);  // small answers go at once (with Nagle and delayed ACKs each waited 40 ms)
  s.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
  using Handler = Answer (GraphService::*)(const Params&);
  const std::pair<const char*, Handler> routes[] = {
      {"/api/search", &GraphService::search},         {"/api/entity", &GraphService::entity},
      {"/api/neighbourhood", &GraphService::neighbourhood}, {"/api/path", &GraphService::path},
      {"/api/relation", &GraphService::relation},     {"/api/document", &GraphService::document},
      {"/api/stats", &GraphService::stats}};
  for (const auto& [route, handler] : routes)
    s.Get(route, [&service, handler = handler](const httplib::Request& req, httplib::Response& res) {
      Params params(req.params.begin(), req.params.end());
      const Answer a = (service.*handler)(params);
      res.status = a.status;
      res.set_content(a.body, "application/json; charset=utf-8");
      res.set_header("Cache-Control", "no-store");
    });
  // curation: a change comes as JSON from this server's own page only (a page
  // elsewhere can send neither that type nor a DELETE without a preflight,
  // which is never answered, and its Origin is checked besides)
  auto reply = [](httplib::Response& res, const Answer& a) {
    res.status = a.status;
    res.set_content(a.body, "application/json; charset=utf-8");
    res.set_header("Cache-Control", "no-store");
  };
  auto foreign = [](const httplib::Request& req) {
    const std::string origin = req.get_header_value("Origin");
    return !origin.empty() && origin != "http://" + req.get_header_value("Host");
  };
  s.Get("/api/curation", [&curation, reply](const httplib::Request&, httplib::Response& res) { reply(res, curation.list()); });
  s.Post("/api/curation", [&curation, reply, foreign](const httplib::Request& req, httplib::Response& res) {
    if (foreign(req) || req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
      return reply(res, {403, "{\"error\": \"a change must come from this server's page, as application/json\"}"});
    reply(res, curation.add(req.body));
  });
  s.Delete("/api/curation", [&curation, reply, foreign](const httplib::Request& req, httplib::Response& res) {
    if (foreign(req)) return reply(res, {403, "{\"error\": \"a change must come from this server's page\"}"});
    reply(res, curation.undo(Params(req.params.begin(), req.params.end())));
  });
  serve_file(s, "/openapi.json", "openapi.json", "application/json; charset=utf-8");
  serve_file(s, "/", "index.html", "text/html; charset=utf-8");
  serve_file(s, "/app.js", "app.js", "text/javascript; charset=utf-8");
  serve_file(s, "/app.css", "app.css", "text/css; charset=utf-8");
  serve_file(s, "/lib/graphology.js", "graphology.umd.min.js", "text/javascript; charset=utf-8");
  serve_file(s, "/lib/sigma.js", "sigma.min.js", "text/javascript; charset=utf-8");
  // anything else: a JSON 404 for the API, a plain one for the rest
  s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // an API answer with its own error
    const std::string what = res.status == 404 ? "no such resource" : "request refused";
    if (req.path.rfind("/api/", 0) == 0) res.set_content("{\"error\": \"" + what + "\"}", "application/json");
    else res.set_content(what + "\n", "text/plain; charset=utf-8");
  });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content("{\"error\": \"internal error\"}", "application/json");
  });
}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const std::string& host, int port) {
  httplib::Server& s = impl_->server;
  const int bound = port == 0 ? s.bind_to_any_port(host) : (s.bind_to_port(host, port) ? port : -1);
  if (bound < 0) throw Error("serve: cannot listen on " + host + ":" + std::to_string(port) + " (in use, or not an address of this machine)");
  return bound;
}

void HttpServer::listen() { impl_->server.listen_after_bind(); }

void HttpServer::stop() { impl_->server.stop(); }

}  // namespace irgraph::serve
