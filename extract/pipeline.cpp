#include "extract/pipeline.hpp"

#include "extract/mentions/mention_rules.hpp"
#include "extract/relations/relation_rules.hpp"

namespace irgraph::extract {

std::vector<std::unique_ptr<MentionExtractor>> make_mention_extractors() {
  std::vector<std::unique_ptr<MentionExtractor>> v;
  v.push_back(make_gazetteer_mentions());
  v.push_back(make_place_mentions());  // after the gazetteer: its places are the known ones
  v.push_back(make_agreement_mentions());
  v.push_back(make_organization_mentions());
  v.push_back(make_official_mentions());
  v.push_back(make_description_mentions());
  return v;
}

std::vector<std::unique_ptr<RelationExtractor>> make_relation_extractors() {
  std::vector<std::unique_ptr<RelationExtractor>> v;
  v.push_back(make_met_with());
  v.push_back(make_accompanied());
  v.push_back(make_signed());
  v.push_back(make_guarantor_party());
  v.push_back(make_located_in());
  v.push_back(make_official_of());
  v.push_back(make_visited());  // after officialOf: it needs officials' countries
  return v;
}

Pipeline::Pipeline() : Pipeline(Gazetteer::instance()) {}

Pipeline::Pipeline(const Gazetteer& gaz)
    : gaz_(gaz), mention_extractors_(make_mention_extractors()), relation_extractors_(make_relation_extractors()) {}

Pipeline::~Pipeline() = default;

void Pipeline::run(const Document& doc, Sink& sink) const {
  Annotation a(doc, gaz_);
  for (const auto& x : mention_extractors_) x->run(a);
  resolve_coreference(a);
  for (std::size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    NodeRecord n;
    n.id = static_cast<int>(i);
    n.type = e.type;
    n.name = e.name;
    n.aliases = e.aliases;
    n.key = e.key;
    n.country = e.country;
    n.extractor = e.extractor;
    n.rule = e.rule;
    const Mention& m = a.mentions[static_cast<std::size_t>(e.mentions.front())];
    n.begin = a.tokens[m.first].begin;
    n.end = a.tokens[m.last - 1].end;
    sink.on_node(n);
  }
  std::vector<RelationRecord> emitted;
  struct Tee : Sink {
    Sink& inner;
    std::vector<RelationRecord>& all;
    Tee(Sink& s, std::vector<RelationRecord>& v) : inner(s), all(v) {}
    void on_node(const NodeRecord& n) override { inner.on_node(n); }
    void on_relation(const RelationRecord& r) override {
      all.push_back(r);
      inner.on_relation(r);
    }
  } tee(sink, emitted);
  for (const auto& x : relation_extractors_) {
    const std::vector<RelationRecord> before = emitted;  // what earlier extractors found; stable while this one emits
    x->run(a, before, tee);
  }
}

DocumentRecords Pipeline::extract(const Document& doc) const {
  CollectingSink sink;
  sink.records.doc_id = doc.id;
  run(doc, sink);
  return std::move(sink.records);
}

const std::vector<ExtractorInfo>& standard_extractors() {
  // the extractors' names, descriptions and rules are literals: the list outlives them
  static const std::vector<ExtractorInfo> list = [] {
    std::vector<ExtractorInfo> v;
    for (const auto& x : make_mention_extractors()) v.push_back({x->name(), x->description(), x->rules()});
    for (const auto& x : make_relation_extractors()) v.push_back({x->name(), x->description(), x->rules()});
    return v;
  }();
  return list;
}

std::string_view rule_description(std::string_view extractor, std::string_view rule) {
  for (const auto& x : standard_extractors())
    if (x.name == extractor)
      for (const auto& r : x.rules)
        if (r.id == rule) return r.description;
  return {};
}

}  // namespace irgraph::extract
