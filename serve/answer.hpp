#pragma once
/// How the API's answers are made: a JSON body with status 200, or an error
/// {"error": MESSAGE} whose status says whose fault it is (400 a bad
/// parameter, 404 nothing of that name, 500 the server's).
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "graph/json_out.hpp"
#include "serve/graph_service.hpp"

namespace irgraph::serve {

inline std::string error_body(std::string_view message) {
  graph::JsonOut j;
  j.w.StartObject();
  j.field("error", message);
  j.w.EndObject();
  return j.text();
}

/// Runs `f` (which returns the JSON body) and maps what it throws to a status.
template <class F>
Answer answer_of(F&& f) {
  try {
    return {200, f()};
  } catch (const UsageError& e) {
    return {400, error_body(e.what())};
  } catch (const LookupError& e) {
    return {404, error_body(e.what())};
  } catch (const std::exception& e) {
    return {500, error_body(e.what())};
  }
}

}  // namespace irgraph::serve
