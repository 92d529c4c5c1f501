#include "graph/curation.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>

#include "core/error.hpp"
#include "extract/text.hpp"
#include "graph/query.hpp"

namespace irgraph::graph {

namespace {

constexpr std::pair<CurationAction, std::string_view> kActions[] = {{CurationAction::Merge, "merge"},
                                                                      {CurationAction::Split, "split"},
                                                                      {CurationAction::Block, "block"},
                                                                      {CurationAction::Rename, "rename"},
                                                                      {CurationAction::Reject, "reject"}};

/// Does `key` name an entity of type `t` ("official:..." for an Official)?
bool of_type(const std::string& key, NodeType t) {
  const std::string_view p = key_prefix(t);
  return key.size() > p.size() && key.compare(0, p.size(), p) == 0 && key[p.size()] == ':';
}

}  // namespace

std::string_view name(CurationAction a) {
  for (const auto& [action, text] : kActions)
    if (action == a) return text;
  return "?";
}

std::optional<CurationAction> curation_action_from(std::string_view s) {
  for (const auto& [action, text] : kActions)
    if (text == s) return action;
  return std::nullopt;
}

std::string CurationRule::describe() const {
  switch (action) {
    case CurationAction::Merge: return "merge " + subject + " into " + object;
    case CurationAction::Split: return "split \"" + object + "\" off " + subject;
    case CurationAction::Block: return "block \"" + subject + "\"" + (relation.empty() ? "" : " as " + relation);
    case CurationAction::Rename: return "rename " + subject + " to \"" + object + "\"";
    case CurationAction::Reject: return "reject " + subject + " " + relation + " " + object;
  }
  return "?";
}

void validate(const CurationRule& r) {
  auto require = [](const std::string& field, const char* what) {
    if (field.find_first_not_of(" \t") == std::string::npos) throw Error(std::string("curation: ") + what + " is empty");
  };
  require(r.subject, r.action == CurationAction::Block ? "the name to block" : "the entity");
  switch (r.action) {
    case CurationAction::Merge:
      require(r.object, "the entity to merge into");
      if (r.subject == r.object) throw Error("curation: an entity cannot be merged into itself");
      break;
    case CurationAction::Split: require(r.object, "the name to split off"); break;
    case CurationAction::Rename: require(r.object, "the new name"); break;
    case CurationAction::Block:
      if (!r.relation.empty() && !node_type_from(r.relation))
        throw Error("curation: unknown node type \"" + r.relation + "\" (Country, Official, Agreement, Place, Organization)");
      break;
    case CurationAction::Reject:
      require(r.object, "the relation's target");
      if (!relation_type_from(r.relation)) throw Error("curation: unknown relation type \"" + r.relation + "\"");
      break;
  }
}

CurationRule resolve(const KnowledgeGraph& g, CurationRule r) {
  const std::string what = "curate " + std::string(name(r.action)) + ": ";
  auto label = [&](const std::string& key) {
    const Node* n = g.find(key);
    return n ? n->name + " (" + std::string(irgraph::name(n->type)) + ")" : key;
  };
  switch (r.action) {
    case CurationAction::Merge: {
      const std::string a = r.subject, b = r.object;
      r.subject = lookup(g, a);
      r.object = lookup(g, b);
      if (r.subject == r.object) throw UsageError(what + "'" + a + "' and '" + b + "' are one entity already");
      if (g.find(r.subject)->type != g.find(r.object)->type)
        throw UsageError(what + label(r.subject) + " and " + label(r.object) + " are of different types");
      break;
    }
    case CurationAction::Split: {
      r.subject = lookup(g, r.subject);
      const Node& n = *g.find(r.subject);
      const bool has = n.name == r.object || std::any_of(n.aliases.begin(), n.aliases.end(), [&](const Alias& x) { return x.text == r.object; });
      if (!has) {
        std::string names;
        for (const auto& x : n.aliases) names += (names.empty() ? "" : ", ") + x.text;
        throw LookupError(what + label(r.subject) + " has no name '" + r.object + "'" +
                          (names.empty() ? std::string(" (it has no other name)") : "; its other names: " + names));
      }
      break;
    }
    case CurationAction::Block:
      if (!r.relation.empty()) {
        auto t = node_type_from(r.relation);
        if (!t) throw UsageError(what + "unknown node type '" + r.relation + "' (Country, Official, Agreement, Place, Organization)");
        r.relation = std::string(irgraph::name(*t));
      }
      break;
    case CurationAction::Rename: r.subject = lookup(g, r.subject); break;
    case CurationAction::Reject: {
      r.subject = lookup(g, r.subject);
      r.object = lookup(g, r.object);
      auto type = relation_type_from(r.relation);
      if (!type) throw UsageError(what + "unknown relation type '" + r.relation + "'");
      r.relation = std::string(irgraph::name(*type));
      if (!g.relation(r.subject, *type, r.object) && !(symmetric(*type) && g.relation(r.object, *type, r.subject)))
        throw LookupError(what + "no relation " + label(r.subject) + " " + r.relation + " " + label(r.object));
      break;
    }
  }
  validate(r);
  return r;
}

Curation::Curation(std::vector<CurationRule> rules) : rules_(std::move(rules)) {}

bool Curation::blocks(const extract::NodeRecord& r) const {
  std::string folded;
  for (const auto& rule : rules_) {
    if (rule.action != CurationAction::Block) continue;
    if (!rule.relation.empty() && node_type_from(rule.relation) != r.type) continue;
    if (folded.empty()) folded = extract::fold(r.name);
    if (extract::fold(rule.subject) == folded) return true;
  }
  return false;
}

const CurationRule* Curation::split_of(const extract::NodeRecord& r) const {
  std::string folded;
  for (const auto& rule : rules_) {
    if (rule.action != CurationAction::Split || !of_type(rule.subject, r.type)) continue;
    if (folded.empty()) folded = extract::fold(r.name);
    if (extract::fold(rule.object) == folded) return &rule;
  }
  return nullptr;
}

bool Curation::splits(const std::string& key, const std::string& alias) const {
  return std::any_of(rules_.begin(), rules_.end(), [&](const CurationRule& rule) {
    return rule.action == CurationAction::Split && rule.subject == key && extract::fold(rule.object) == extract::fold(alias);
  });
}

std::string Curation::merged(const KnowledgeGraph& g, const std::string& key) const {
  std::string at = key;
  // rules in order, each followed once: a chain A -> B -> C ends at C, a cycle ends
  for (const auto& rule : rules_)
    if (rule.action == CurationAction::Merge && rule.subject == at)
      if (std::string into = g.current_key(rule.object); !into.empty()) at = std::move(into);
  return at;
}

std::vector<std::string> Curation::apply(KnowledgeGraph& g) const {
  std::vector<std::string> gone;
  for (const auto& rule : rules_) {
    switch (rule.action) {
      case CurationAction::Merge: {
        const std::string into = g.current_key(rule.object);
        if (g.find(rule.subject) && !into.empty() && into != rule.subject) {
          g.merge_nodes(rule.subject, into, "merged by curation #" + std::to_string(rule.id));
          gone.push_back(rule.subject);
        }
        break;
      }
      case CurationAction::Rename: {
        const std::string key = g.current_key(rule.subject);
        if (const Node* n = key.empty() ? nullptr : g.find(key); n && n->name != rule.object)
          g.rename(key, rule.object, "renamed by curation #" + std::to_string(rule.id));
        break;
      }
      case CurationAction::Reject: {
        const std::string s = g.current_key(rule.subject), t = g.current_key(rule.object);
        if (auto type = relation_type_from(rule.relation); type && !s.empty() && !t.empty() && g.relation(s, *type, t))
          g.remove_relation(s, *type, t);
        break;
      }
      case CurationAction::Split:
      case CurationAction::Block: break;  // the resolver applies them to each mention
    }
  }
  return gone;
}

std::vector<CurationRule> Curation::touching(const KnowledgeGraph& g, const std::string& key) const {
  std::vector<CurationRule> out;
  auto is = [&](const std::string& k) { return k == key || (!k.empty() && g.current_key(k) == key); };
  for (const auto& rule : rules_) {
    bool hit = false;
    switch (rule.action) {
      case CurationAction::Merge:
      case CurationAction::Reject: hit = is(rule.subject) || is(rule.object); break;
      case CurationAction::Split:
      case CurationAction::Rename: hit = is(rule.subject); break;
      case CurationAction::Block: break;
    }
    if (hit) out.push_back(rule);
  }
  return out;
}

std::string rules_to_json(const std::vector<CurationRule>& rules) {
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  auto field = [&](const char* k, const std::string& v) {
    w.Key(k);
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  };
  w.StartObject();
  w.Key("irgraphCuration");
  w.Int(1);
  w.Key("rules");
  w.StartArray();
  for (const auto& r : rules) {
    w.StartObject();
    field("action", std::string(name(r.action)));
    field("subject", r.subject);
    if (!r.relation.empty()) field("relation", r.relation);
    if (!r.object.empty()) field("object", r.object);
    field("note", r.note);
    field("created", r.created_at);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

std::vector<CurationRule> rules_from_json(std::string_view text) {
  rapidjson::Document j;
  j.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (j.HasParseError())
    throw Error("bad JSON at byte " + std::to_string(j.GetErrorOffset()) + ": " + rapidjson::GetParseError_En(j.GetParseError()));
  if (!j.IsObject() || !j.HasMember("irgraphCuration") || !j.HasMember("rules") || !j["rules"].IsArray())
    throw Error("not an irgraph curation file (an object with \"irgraphCuration\" and \"rules\")");
  if (!j["irgraphCuration"].IsInt() || j["irgraphCuration"].GetInt() != 1)
    throw Error("curation file version is not 1 (made by a newer irgraph?)");
  std::vector<CurationRule> out;
  std::size_t n = 0;
  for (const auto& v : j["rules"].GetArray()) {
    ++n;
    try {
      if (!v.IsObject()) throw Error("not an object");
      auto str = [&](const char* k) -> std::string {
        auto it = v.FindMember(k);
        if (it == v.MemberEnd()) return {};
        if (!it->value.IsString()) throw Error(std::string("\"") + k + "\" is not a string");
        std::string s(it->value.GetString(), it->value.GetStringLength());
        if (extract::find_invalid_utf8(s)) throw Error(std::string("\"") + k + "\" is not UTF-8");
        if (s.find('\0') != std::string::npos || extract::find_control(s, false))
          throw Error(std::string("\"") + k + "\" holds a control character");
        return s;
      };
      CurationRule r;
      const std::string action = str("action");
      auto a = curation_action_from(action);
      if (!a) throw Error("unknown action \"" + action + "\" (merge, split, block, rename, reject)");
      r.action = *a;
      r.subject = str("subject");
      r.relation = str("relation");
      r.object = str("object");
      r.note = str("note");
      r.created_at = str("created");
      validate(r);
      out.push_back(std::move(r));
    } catch (const Error& e) {
      throw Error("rule " + std::to_string(n) + ": " + e.what());
    }
  }
  return out;
}

}  // namespace irgraph::graph
