#pragma once
/// Runs the standard pipeline on a text written for a test and reads the
/// records back as "Type:Name" and "relation:source->target" strings.
#include <set>
#include <string>

#include "extract/pipeline.hpp"

namespace irgraph::extract::testing {

struct Result {
  DocumentRecords r;
  /// "Type:Name" of every node
  std::set<std::string> nodes() const {
    std::set<std::string> s;
    for (const auto& n : r.nodes) s.insert(std::string(name(n.type)) + ":" + n.name);
    return s;
  }
  /// "relation:source->target" (and "[value]" when it has one)
  std::set<std::string> relations(bool with_value = false) const {
    std::set<std::string> s;
    for (const auto& x : r.relations) {
      std::string v = with_value && !x.evidence.value.empty() ? "[" + x.evidence.value + "]" : "";
      s.insert(std::string(name(x.type)) + ":" + r.nodes[static_cast<std::size_t>(x.source)].name + "->" +
               r.nodes[static_cast<std::size_t>(x.target)].name + v);
    }
    return s;
  }
  const NodeRecord* node(const std::string& n) const {
    for (const auto& x : r.nodes)
      if (x.name == n) return &x;
    return nullptr;
  }
  const RelationRecord* relation(RelationType t) const {
    for (const auto& x : r.relations)
      if (x.type == t) return &x;
    return nullptr;
  }
};

inline Result run(const std::string& text, const std::string& date = "2021-03-15") {  // a Monday
  static const Pipeline pipeline;
  Document d;
  d.id = "test";
  d.date = date;
  d.text = text;
  return {pipeline.extract(d)};
}

inline bool has(const std::set<std::string>& s, const std::string& x) { return s.count(x) > 0; }

}  // namespace irgraph::extract::testing
