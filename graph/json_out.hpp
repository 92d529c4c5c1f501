#pragma once
/// JSON documents of the graph (path, show and stats --json, the HTTP API of
/// serve), written by RapidJSON (the shapes are documented in the README).
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdint>
#include <ostream>
#include <string_view>

#include "graph/knowledge_graph.hpp"

namespace irgraph::graph {

class JsonOut {
  rapidjson::StringBuffer buffer_;  // (before the writer, which holds a reference to it)

 public:
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w{buffer_};
  void key(std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void str(std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void field(std::string_view k, std::string_view v) { key(k), str(v); }
  void field(std::string_view k, std::uint64_t v) { key(k), w.Uint64(v); }
  /// {"key", "name", "type"} of an entity.
  void entity(const graph::Node& n) {
    w.StartObject();
    field("key", n.key);
    field("name", n.name);
    field("type", irgraph::name(n.type));
    w.EndObject();
  }
  /// "values": [...] and "evidence": [{"document", "sentence", "sentenceIndex", "begin", "end", "date", "rule"}]
  /// of a relation, as fields of the object being written.
  void values_and_evidence(const graph::Relation& r) {
    key("values");
    w.StartArray();
    for (const auto& v : r.values()) str(v);
    w.EndArray();
    key("evidence");
    w.StartArray();
    for (const auto& e : r.evidence) {
      w.StartObject();
      field("document", e.doc_id);
      field("sentence", e.text);
      field("sentenceIndex", e.sentence);
      field("begin", e.begin);
      field("end", e.end);
      field("date", e.date);
      field("rule", e.extractor + "/" + e.rule);
      w.EndObject();
    }
    w.EndArray();
  }
  /// "k": {"name": count, ...}
  template <class Pairs>
  void counts(std::string_view k, const Pairs& pairs) {
    key(k);
    w.StartObject();
    for (const auto& [name, n] : pairs) field(name, n);
    w.EndObject();
  }
  /// Writes the document and a line end to `out`.
  void print(std::ostream& out) { out << buffer_.GetString() << "\n"; }
  /// The document written so far.
  std::string text() const { return buffer_.GetString(); }
};

}  // namespace irgraph::graph
