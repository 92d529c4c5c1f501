#include "extract/records_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <limits>

#include "core/error.hpp"
#include "extract/dates.hpp"
#include "extract/text.hpp"

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
  if (!o.IsObject()) throw Error(std::string("records: expected an object holding \"") + k + "\"");
  auto it = o.FindMember(k);
  if (it == o.MemberEnd()) throw Error(std::string("records: missing \"") + k + "\"");
  return it->value;
}
/// Runs a document.hpp check, its message prefixed with "records: ".
template <class Check>
void checked(Check check, std::string_view value, const char* k) {
  try {
    check(value, k);
  } catch (const Error& e) {
    throw Error(std::string("records: ") + e.what());
  }
}
/// A string that may hold line breaks (titles, texts, sentences): UTF-8, no NUL.
std::string text_str(const rapidjson::Value& o, const char* k) {
  const auto& v = member(o, k);
  if (!v.IsString()) throw Error(std::string("records: \"") + k + "\" is not a string");
  std::string s(v.GetString(), v.GetStringLength());
  checked(check_text, s, k);
  return s;
}
/// A one-line string (ids, names, keys, trace): check_field's rules.
std::string str(const rapidjson::Value& o, const char* k) {
  std::string s = text_str(o, k);
  checked(check_field, s, k);
  return s;
}
/// Empty, or a real date written YYYY-MM-DD.
std::string date_str(const rapidjson::Value& o, const char* k) {
  std::string s = str(o, k);
  if (s.empty()) return s;
  auto d = s.size() == 10 ? parse_date(s) : std::nullopt;
  if (!d || d->iso() != s) throw Error(std::string("records: \"") + k + "\" is not a date written YYYY-MM-DD");
  return s;
}
std::uint32_t u32(const rapidjson::Value& o, const char* k) {
  const auto& v = member(o, k);
  if (!v.IsUint()) throw Error(std::string("records: \"") + k + "\" is not an unsigned number");
  return v.GetUint();
}
int i32(const rapidjson::Value& o, const char* k) {
  const auto& v = member(o, k);
  if (!v.IsInt()) throw Error(std::string("records: \"") + k + "\" is not a number");
  return v.GetInt();
}
/// [begin, end] with begin <= end <= `limit`.
std::pair<std::uint32_t, std::uint32_t> span(const rapidjson::Value& o, std::size_t limit) {
  const auto& v = member(o, "span");
  if (!v.IsArray() || v.Size() != 2 || !v[0].IsUint() || !v[1].IsUint())
    throw Error("records: \"span\" is not [begin, end]");
  const std::uint32_t b = v[0].GetUint(), e = v[1].GetUint();
  if (b > e || e > limit) throw Error("records: \"span\" [" + std::to_string(b) + ", " + std::to_string(e) + "] lies outside the text");
  return {b, e};
}

/// Reads and checks records. `text`, when given, is the document's text: spans
/// must lie in it and every evidence sentence must be the text at its span.
DocumentRecords read_records(const rapidjson::Value& o, const std::string* text) {
  if (!o.IsObject()) throw Error("records: \"records\" is not an object");
  const std::size_t limit = text ? text->size() : std::numeric_limits<std::uint32_t>::max();
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
    if (x.name.empty()) throw Error("records: empty \"name\"");
    const auto& aliases = member(n, "aliases");
    if (!aliases.IsArray()) throw Error("records: \"aliases\" is not an array");
    for (const auto& a : aliases.GetArray()) {
      if (!a.IsString()) throw Error("records: \"aliases\" holds something that is not a string");
      x.aliases.emplace_back(a.GetString(), a.GetStringLength());
      checked(check_field, x.aliases.back(), "aliases");
    }
    x.key = str(n, "key");
    x.country = str(n, "country");
    if (!x.country.empty() &&
        (x.country.size() != 3 || !std::all_of(x.country.begin(), x.country.end(), [](char c) { return c >= 'A' && c <= 'Z'; })))
      throw Error("records: \"country\" is not an ISO alpha-3 code");
    x.extractor = str(n, "extractor");
    x.rule = str(n, "rule");
    std::tie(x.begin, x.end) = span(n, limit);
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
    const int count = static_cast<int>(r.nodes.size());
    if (x.source < 0 || x.source >= count) throw Error("records: \"source\" is not a node id");
    if (x.target < 0 || x.target >= count) throw Error("records: \"target\" is not a node id");
    x.evidence.doc_id = r.doc_id;
    x.evidence.sentence = u32(v, "sentence");
    std::tie(x.evidence.begin, x.evidence.end) = span(v, limit);
    x.evidence.text = text_str(v, "text");
    blank_controls(x.evidence.text);
    if (text && std::string_view(*text).substr(x.evidence.begin, x.evidence.end - x.evidence.begin) != x.evidence.text)
      throw Error("records: \"text\" is not the document's text at \"span\"");
    x.evidence.date = date_str(v, "date");
    x.evidence.value = str(v, "value");
    x.evidence.extractor = str(v, "extractor");
    x.evidence.rule = str(v, "rule");
    r.relations.push_back(std::move(x));
  }
  return r;
}

rapidjson::Document parse(std::string_view json) {
  if (auto deep = find_deep_json(json, kMaxJsonDepth))
    throw Error("records: JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels at byte " + std::to_string(*deep));
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
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

DocumentRecords records_from_json(std::string_view json) { return read_records(parse(json), nullptr); }

std::string to_json_line(const ExtractedDocument& d) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  kv(w, "id", d.document.id);
  kv(w, "title", d.document.title);
  kv(w, "date", d.document.date);
  kv(w, "url", d.document.url);
  kv(w, "origin", d.document.origin);
  kv(w, "source", d.document.source);
  kv(w, "public_id", d.document.public_id());
  kv(w, "text", d.document.text);
  w.Key("records");
  write_records(w, d.records);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

ExtractedDocument from_json_line(std::string_view line) {
  auto j = parse(line);
  if (!j.IsObject()) throw Error("records: the line is not a JSON object");
  ExtractedDocument d;
  d.document.id = str(j, "id");
  if (d.document.id.empty()) throw Error("records: empty \"id\"");
  d.document.title = text_str(j, "title");
  d.document.date = date_str(j, "date");
  d.document.url = str(j, "url");
  d.document.origin = str(j, "origin");
  if (j.HasMember("source")) d.document.source = str(j, "source");  // absent from older extract output
  d.document.text = text_str(j, "text");
  // blanking keeps every byte offset: spans stay valid
  blank_controls(d.document.title);
  blank_controls(d.document.text);
  // the id is the input's, or made where the article was read (a path): then
  // its public id is its content's. Older extract output says neither.
  if (j.HasMember("public_id")) {
    const std::string public_id = str(j, "public_id");
    d.document.id_from_input = public_id == d.document.id;
    if (!d.document.id_from_input && public_id != d.document.public_id())
      throw Error("records: \"public_id\" is neither the id nor the content's (\"content:\" and its hash)");
  } else {
    d.document.id_from_input = !extract::id_is_local(d.document.id, d.document.origin);
  }
  d.records = read_records(member(j, "records"), &d.document.text);
  if (d.records.doc_id != d.document.id) throw Error("records: document id and records' id differ");
  return d;
}

}  // namespace irgraph::extract
