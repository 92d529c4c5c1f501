#pragma once
/// Extraction pipeline: mention extractors annotate a document, coreference
/// groups mentions into entities, relation extractors emit relations into a
/// Sink. Each extractor describes itself; its name and rule ids are written
/// on every record it produces (the trace).
#include <memory>
#include <string_view>
#include <vector>

#include "extract/annotation.hpp"
#include "extract/records.hpp"

namespace irgraph::extract {

/// Receives what extraction finds in one document.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void on_node(const NodeRecord& node) = 0;
  virtual void on_relation(const RelationRecord& relation) = 0;
};

/// A Sink that keeps everything (the graph builder reads it; tests inspect it).
class CollectingSink : public Sink {
 public:
  void on_node(const NodeRecord& n) override { records.nodes.push_back(n); }
  void on_relation(const RelationRecord& r) override { records.relations.push_back(r); }
  DocumentRecords records;
};

/// One rule of an extractor: its id (written on every record it makes, beside
/// the extractor's name) and what it does, in a line.
struct Rule {
  std::string_view id, description;
};

/// Finds mentions (typed spans) and adds them to the annotation.
class MentionExtractor {
 public:
  virtual ~MentionExtractor() = default;
  virtual std::string_view name() const = 0;
  virtual std::string_view description() const = 0;
  /// Every rule id it writes on a mention.
  virtual std::vector<Rule> rules() const = 0;
  virtual void run(Annotation& a) const = 0;
};

/// Emits relations between the entities of an annotated document.
class RelationExtractor {
 public:
  virtual ~RelationExtractor() = default;
  virtual std::string_view name() const = 0;
  virtual std::string_view description() const = 0;
  /// Every rule id it writes on a relation's evidence.
  virtual std::vector<Rule> rules() const = 0;
  /// `emitted` holds the relations found so far by earlier extractors (some rules build on them).
  virtual void run(const Annotation& a, const std::vector<RelationRecord>& emitted, Sink& sink) const = 0;
};

/// Registry entry used by `--help` listings and the trace.
struct ExtractorInfo {
  std::string_view name, description;
  std::vector<Rule> rules;
};

class Pipeline {
 public:
  /// The standard pipeline over the embedded gazetteer.
  Pipeline();
  explicit Pipeline(const Gazetteer& gaz);
  ~Pipeline();

  /// Runs every extractor on `doc` and hands nodes then relations to `sink`.
  void run(const Document& doc, Sink& sink) const;
  /// Convenience: the records of one document.
  DocumentRecords extract(const Document& doc) const;


 private:
  const Gazetteer& gaz_;
  std::vector<std::unique_ptr<MentionExtractor>> mention_extractors_;
  std::vector<std::unique_ptr<RelationExtractor>> relation_extractors_;
};

// The standard extractors in the order they run (pipeline.cpp; each extractor is
// a file of extract/mentions/ or extract/relations/).
std::vector<std::unique_ptr<MentionExtractor>> make_mention_extractors();
std::vector<std::unique_ptr<RelationExtractor>> make_relation_extractors();
/// The standard extractors and their rules, in the order they run (no gazetteer is loaded).
const std::vector<ExtractorInfo>& standard_extractors();
/// The one-line description of rule `rule` of extractor `extractor`, or "" when none declares it.
std::string_view rule_description(std::string_view extractor, std::string_view rule);
/// Groups mentions into entities (in-document coreference); called by Pipeline between the two stages.
void resolve_coreference(Annotation& a);

}  // namespace irgraph::extract
