#include "extract/records_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/error.hpp"

namespace irgraph::extract {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void kv(Writer& w, const char* k, const std::string& v) {
  w.Key(k);
  w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
}

void write_records(Writer& w, const DocumentRecords& r) {
  w.StartObject();
  kv(w, "doc", r.doc_id);
  w.Key("nodes");
  w.StartArray();
  for (const auto& n : r.nodes) {
    w.StartObject();
    w.Key("id");
    w.Int(n.id);
    kv(w, "type", std::string(name(n.type)));
    kv(w, "name", n.name);
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : n.aliases) w.String(a.data(), static_cast<rapidjson::SizeType>(a.size()));
    w.EndArray();
    kv(w, "key", n.key);
    kv(w, "country", n.country);
    kv(w, "extractor", n.extractor);
    kv(w, "rule", n.rule);
    w.Key("span");
    w.StartArray();
    w.Uint(n.begin);
    w.Uint(n.end);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (const auto& x : r.relations) {
    const auto& e = x.evidence;
    w.StartObject();
    kv(w, "type", std::string(name(x.type)));
    w.Key("source");
    w.Int(x.source);
    w.Key("target");
    w.Int(x.target);
    w.Key("sentence");
    w.Uint(e.sentence);
    w.Key("span");
    w.StartArray();
    w.Uint(e.begin);
    w.Uint(e.end);
    w.EndArray();
    kv(w, "text", e.text);
    kv(w, "date", e.date);
    kv(w, "value", e.value);
    kv(w, "extractor", e.extractor);
    kv(w, "rule", e.rule);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

const rapidjson::Value& member(const rapidjson::Value& o, const char* k) {
  if (!o.IsObject()) throw Error("records: expected an object");
  auto it = o.FindMember(k);
  if (it == o.MemberEnd()) throw Error(std::string("records: missing \"") + k + "\"");
  return it->value;
}
std::string str(const rapidjson::Value& o, const char* k) {
  const auto& v = member(o, k);
  if (!v.IsString()) throw Error(std::string("records: \"") + k + "\" is not a string");
  return std::string(v.GetString(), v.GetStringLength());
}
std::uint32_t u32(const rapidjson::Value& v) {
  if (!v.IsUint()) throw Error("records: expected an unsigned number");
  return v.GetUint();
}
int i32(const rapidjson::Value& o, const char* k) {
  const auto& v = member(o, k);
  if (!v.IsInt()) throw Error(std::string("records: \"") + k + "\" is not a number");
  return v.GetInt();
}
std::pair<std::uint32_t, std::uint32_t> span(const rapidjson::Value& o) {
  const auto& v = member(o, "span");
  if (!v.IsArray() || v.Size() != 2) throw Error("records: \"span\" is not [begin, end]");
  return {u32(v[0]), u32(v[1])};
}

DocumentRecords read_records(const rapidjson::Value& o) {
  DocumentRecords r;
  r.doc_id = str(o, "doc");
  const auto& nodes = member(o, "nodes");
  if (!nodes.IsArray()) throw Error("records: \"nodes\" is not an array");
  for (const auto& n : nodes.GetArray()) {
    NodeRecord x;
    x.id = i32(n, "id");
    auto t = node_type_from(str(n, "type"));
    if (!t) throw Error("records: unknown node type " + str(n, "type"));
    x.type = *t;
    x.name = str(n, "name");
    for (const auto& a : member(n, "aliases").GetArray())
      if (a.IsString()) x.aliases.emplace_back(a.GetString(), a.GetStringLength());
    x.key = str(n, "key");
    x.country = str(n, "country");
    x.extractor = str(n, "extractor");
    x.rule = str(n, "rule");
    std::tie(x.begin, x.end) = span(n);
    if (x.id != static_cast<int>(r.nodes.size())) throw Error("records: node ids must be 0, 1, 2 ...");
    r.nodes.push_back(std::move(x));
  }
  const auto& rels = member(o, "relations");
  if (!rels.IsArray()) throw Error("records: \"relations\" is not an array");
  for (const auto& v : rels.GetArray()) {
    RelationRecord x;
    auto t = relation_type_from(str(v, "type"));
    if (!t) throw Error("records: unknown relation " + str(v, "type"));
    x.type = *t;
    x.source = i32(v, "source");
    x.target = i32(v, "target");
    if (x.source < 0 || x.target < 0 || x.source >= static_cast<int>(r.nodes.size()) ||
        x.target >= static_cast<int>(r.nodes.size()))
      throw Error("records: relation end out of range");
    x.evidence.doc_id = r.doc_id;
    x.evidence.sentence = u32(member(v, "sentence"));
    std::tie(x.evidence.begin, x.evidence.end) = span(v);
    x.evidence.text = str(v, "text");
    x.evidence.date = str(v, "date");
    x.evidence.value = str(v, "value");
    x.evidence.extractor = str(v, "extractor");
    x.evidence.rule = str(v, "rule");
    r.relations.push_back(std::move(x));
  }
  return r;
}

rapidjson::Document parse(std::string_view json) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError())
    throw Error(std::string("records: bad JSON at byte ") + std::to_string(d.GetErrorOffset()) + ": " +
                rapidjson::GetParseError_En(d.GetParseError()));
  return d;
}

}  // namespace

std::string records_to_json(const DocumentRecords& r) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  write_records(w, r);
  return std::string(buf.GetString(), buf.GetSize());
}

DocumentRecords records_from_json(std::string_view json) { return read_records(parse(json)); }

std::string to_json_line(const ExtractedDocument& d) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  kv(w, "id", d.document.id);
  kv(w, "title", d.document.title);
  kv(w, "date", d.document.date);
  kv(w, "url", d.document.url);
  kv(w, "origin", d.document.origin);
  kv(w, "text", d.document.text);
  w.Key("records");
  write_records(w, d.records);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

ExtractedDocument from_json_line(std::string_view line) {
  auto j = parse(line);
  ExtractedDocument d;
  d.document.id = str(j, "id");
  d.document.title = str(j, "title");
  d.document.date = str(j, "date");
  d.document.url = str(j, "url");
  d.document.origin = str(j, "origin");
  d.document.text = str(j, "text");
  d.records = read_records(member(j, "records"));
  if (d.records.doc_id != d.document.id) throw Error("records: document id and records' id differ");
  return d;
}

}  // namespace irgraph::extract
