#include "serve/curation_service.hpp"

#include <rapidjson/document.h>

#include <charconv>

#include "core/error.hpp"
#include "graph/curation.hpp"
#include "graph/json_out.hpp"
#include "serve/answer.hpp"
#include "store/json_views.hpp"
#include "store/session.hpp"

namespace irgraph::serve {

namespace {

constexpr const char* kReadOnly = "curation is off: start irgraph serve with --allow-curation to change the graph";

template <class F>
Answer guarded(std::mutex& m, F&& f) {
  std::lock_guard<std::mutex> lock(m);
  return answer_of(std::forward<F>(f));
}

}  // namespace

Answer CurationService::list() {
  return guarded(mutex_, [&] {
    store::Store db(db_path_, store::Store::Mode::ReadOnly);
    graph::JsonOut j;
    j.w.StartObject();
    j.key("editable");
    j.w.Bool(editable_);
    j.key("rules");
    j.w.StartArray();
    for (const auto& r : db.curation_rules()) store::write_rule_json(j, r);
    j.w.EndArray();
    j.w.EndObject();
    return j.text();
  });
}

Answer CurationService::add(const std::string& body) {
  if (!editable_) return {403, error_body(kReadOnly)};
  return guarded(mutex_, [&] {
    rapidjson::Document d;
    d.Parse(body.data(), body.size());
    if (d.HasParseError() || !d.IsObject()) throw UsageError("the body is not a JSON object");
    auto str = [&](const char* k) -> std::string {
      auto it = d.FindMember(k);
      if (it == d.MemberEnd() || it->value.IsNull()) return {};
      if (!it->value.IsString()) throw UsageError(std::string("\"") + k + "\" is not a string");
      return std::string(it->value.GetString(), it->value.GetStringLength());
    };
    graph::CurationRule stated;
    const std::string action = str("action");
    auto a = graph::curation_action_from(action);
    if (!a) throw UsageError("\"action\" must be merge, split, block, rename or reject");
    stated.action = *a;
    stated.subject = str("subject");
    stated.relation = str("relation");
    stated.object = str("object");
    stated.note = str("note");
    try {
      graph::validate(stated);
    } catch (const UsageError&) {
      throw;
    } catch (const Error& e) {
      throw UsageError(e.what());
    }
    store::Session session(db_path_);
    const graph::CurationRule stored = session.curate(graph::resolve(session.graph(), stated));
    graph::JsonOut j;
    store::write_rule_json(j, stored);
    return j.text();
  });
}

Answer CurationService::undo(const Params& p) {
  if (!editable_) return {403, error_body(kReadOnly)};
  return guarded(mutex_, [&] {
    auto it = p.find("id");
    std::int64_t id = 0;
    const std::string v = it == p.end() ? "" : it->second;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size() || id < 1)
      throw UsageError("parameter 'id' must be a rule's number");
    store::Session session(db_path_);
    if (!session.undo(id)) throw LookupError("no rule with id " + v);
    return std::string("{\"undone\": ") + v + "}";
  });
}

}  // namespace irgraph::serve
