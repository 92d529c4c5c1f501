// JSON-LD 1.0 with an embedded @context: nodes typed by the ontology (and
// schema.org), every relation as a direct triple, and one statement node
// per relation carrying its evidence (documents, sentences, spans, dates).
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <ostream>
#include <unordered_set>

#include "core/error.hpp"
#include "export/exporter.hpp"

namespace irgraph::exporters {

namespace {

/// RapidJSON's output stream concept over a std::ostream, writing in 64 KiB
/// blocks: rapidjson::OStreamWrapper calls ostream::put for every character.
class BlockStream {
 public:
  using Ch = char;
  explicit BlockStream(std::ostream& out) : out_(out) { buf_.reserve(kBlock); }
  ~BlockStream() { Flush(); }
  void Put(char c) {
    buf_.push_back(c);
    if (buf_.size() >= kBlock) Flush();
  }
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  std::ostream& out_;
  std::string buf_;
};

using Writer = rapidjson::PrettyWriter<BlockStream>;

void str(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void key(Writer& w, std::string_view s) { w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void kv(Writer& w, std::string_view k, std::string_view v) {
  key(w, k);
  str(w, v);
}

void write_context(Writer& w) {
  key(w, "@context");
  w.StartObject();
  kv(w, "@vocab", "https://schema.org/");
  kv(w, "ir", kVocabulary);
  kv(w, "xsd", "http://www.w3.org/2001/XMLSchema#");
  kv(w, "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  kv(w, "prov", "http://www.w3.org/ns/prov#");
  kv(w, "owl", "http://www.w3.org/2002/07/owl#");
  auto iri_term = [&](std::string_view term, std::string_view id) {
    key(w, term);
    w.StartObject();
    kv(w, "@id", id);
    kv(w, "@type", "@id");
    w.EndObject();
  };
  auto typed_term = [&](std::string_view term, std::string_view id, std::string_view type) {
    key(w, term);
    w.StartObject();
    kv(w, "@id", id);
    kv(w, "@type", type);
    w.EndObject();
  };
  for (RelationType r : kRelationTypes) iri_term(name(r), "ir:" + std::string(name(r)));
  iri_term("subject", "rdf:subject");
  iri_term("predicate", "rdf:predicate");
  iri_term("object", "rdf:object");
  iri_term("evidence", "ir:evidence");
  iri_term("document", "prov:wasDerivedFrom");
  iri_term("sameAs", "owl:sameAs");
  typed_term("datePublished", "https://schema.org/datePublished", "xsd:date");
  typed_term("eventDate", "ir:eventDate", "xsd:date");
  typed_term("firstDate", "ir:firstDate", "xsd:date");
  typed_term("lastDate", "ir:lastDate", "xsd:date");
  typed_term("evidenceCount", "ir:evidenceCount", "xsd:integer");
  typed_term("sentenceIndex", "ir:sentenceIndex", "xsd:integer");
  typed_term("charStart", "ir:charStart", "xsd:integer");
  typed_term("charEnd", "ir:charEnd", "xsd:integer");
  kv(w, "key", "ir:key");
  kv(w, "countryCode", "ir:countryCode");
  kv(w, "sentence", "ir:sentence");
  kv(w, "mode", "ir:mode");
  kv(w, "role", "ir:role");
  kv(w, "status", "ir:status");
  kv(w, "extractor", "ir:extractor");
  kv(w, "rule", "ir:rule");
  kv(w, "aliasReason", "ir:aliasReason");
  w.EndObject();
}

class JsonLdExporter : public Exporter {
 public:
  std::string_view name() const override { return "jsonld"; }
  std::string_view description() const override {
    return "JSON-LD 1.0, embedded @context: typed nodes, direct relation triples, one statement node per relation with its evidence";
  }
  std::string_view extension() const override { return "jsonld"; }

  void write(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out) const override {
    Selection sel = select(g, f);
    BlockStream os(out);
    Writer w(os);
    w.SetIndent(' ', 1);
    w.StartObject();
    write_context(w);
    key(w, "@graph");
    w.StartArray();
    // direct triples: relations are in (source key, type, target key) order and
    // nodes in key order, so a node's outgoing relations are the run at `next`
    auto next = sel.relations.begin();
    for (const graph::Node* n : sel.nodes) {
      w.StartObject();
      kv(w, "@id", node_iri(n->key));
      key(w, "@type");
      w.StartArray();
      str(w, "ir:" + std::string(irgraph::name(n->type)));
      str(w, schema_type(n->type));
      w.EndArray();
      kv(w, "name", n->name);
      if (!n->aliases.empty()) {
        key(w, "alternateName");
        w.StartArray();
        for (const auto& a : n->aliases) str(w, a.text);
        w.EndArray();
      }
      kv(w, "key", n->key);
      if (const auto* former = sel.former(n)) {
        key(w, "sameAs");
        w.StartArray();
        for (const auto& k : *former) str(w, node_iri(k));
        w.EndArray();
      }
      if (!n->country.empty()) kv(w, "countryCode", n->country);
      while (next != sel.relations.end() && next->source->key < n->key) ++next;  // sources the filter left out
      while (next != sel.relations.end() && next->source == n) {
        const RelationType type = next->relation->type;
        key(w, irgraph::name(type));
        w.StartArray();
        for (; next != sel.relations.end() && next->source == n && next->relation->type == type; ++next)
          str(w, node_iri(next->target->key));
        w.EndArray();
      }
      w.EndObject();
    }
    std::vector<graph::Atom> cited;  // each document once, in order of first citation
    std::unordered_set<const std::string*> seen;  // atoms: one address per distinct id
    for (const auto& r : sel.relations) {
      const std::string sid = statement_iri(r.source->key, r.relation->type, r.target->key);
      w.StartObject();
      kv(w, "@id", sid);
      key(w, "@type");
      w.StartArray();
      str(w, "rdf:Statement");
      str(w, "ir:Assertion");
      w.EndArray();
      kv(w, "subject", node_iri(r.source->key));
      kv(w, "predicate", "ir:" + std::string(irgraph::name(r.relation->type)));
      kv(w, "object", node_iri(r.target->key));
      key(w, "evidenceCount");
      w.Int64(static_cast<std::int64_t>(r.relation->evidence.size()));
      auto [lo, hi] = r.relation->date_range();
      if (!lo.empty()) {
        kv(w, "firstDate", lo);
        kv(w, "lastDate", hi);
      }
      auto prop = property_name(r.relation->type);
      auto values = r.relation->values();
      if (!prop.empty() && !values.empty()) {
        key(w, prop);
        w.StartArray();
        for (const auto& v : values) str(w, v);
        w.EndArray();
      }
      key(w, "evidence");
      w.StartArray();
      for (std::size_t i = 0; i < r.relation->evidence.size(); ++i) {
        const auto& e = r.relation->evidence[i];
        w.StartObject();
        kv(w, "@id", sid + "#e" + std::to_string(i + 1));
        kv(w, "@type", "ir:Evidence");
        kv(w, "document", document_iri(g, e.doc_id));
        key(w, "sentenceIndex");
        w.Int64(e.sentence);
        key(w, "charStart");
        w.Int64(e.begin);
        key(w, "charEnd");
        w.Int64(e.end);
        kv(w, "sentence", e.text);
        if (!e.date.empty()) kv(w, "eventDate", e.date);
        if (!prop.empty() && !e.value.empty()) kv(w, prop, e.value);
        kv(w, "extractor", e.extractor);
        kv(w, "rule", e.rule);
        w.EndObject();
        if (seen.insert(&e.doc_id.str()).second) cited.push_back(e.doc_id);
      }
      w.EndArray();
      w.EndObject();
    }
    std::sort(cited.begin(), cited.end());
    for (const graph::Atom& id : cited) {
      const graph::DocumentMeta* d = g.document(id);
      w.StartObject();
      kv(w, "@id", document_iri(g, id));
      kv(w, "@type", "NewsArticle");
      kv(w, "identifier", id);
      if (d) {
        if (!d->title.empty()) kv(w, "headline", d->title);
        if (!d->date.empty()) kv(w, "datePublished", d->date);
        if (!d->url.empty()) kv(w, "url", d->url);
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    os.Put('\n');
    os.Flush();
    if (!out) throw Error("jsonld: writing failed");
  }
};

}  // namespace

std::unique_ptr<Exporter> make_jsonld_exporter() { return std::make_unique<JsonLdExporter>(); }

}  // namespace irgraph::exporters
