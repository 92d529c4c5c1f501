#pragma once
/// What extraction emits: nodes and relations of one document, each with
/// its evidence and the extractor and rule that produced it. Extractors know
/// nothing of the graph: they hand records to a Sink.
#include <cstdint>
#include <string>
#include <vector>

#include "core/ontology.hpp"

namespace irgraph::extract {

/// One entity of one document, after in-document coreference.
struct NodeRecord {
  int id = -1;                       ///< document-local id, referenced by relations
  NodeType type = NodeType::Country;
  std::string name;                  ///< fullest surface form seen in the document
  std::vector<std::string> aliases;  ///< every other surface form (including demonyms)
  std::string key;                   ///< canonical key when the gazetteer fixes it ("TUR", "moscow:rus"), else empty
  std::string country;               ///< alpha-3 of a place or body, when known
  std::string extractor, rule;       ///< trace: who found its first mention
  std::uint32_t begin = 0, end = 0;  ///< span of its first mention
};

/// Where and how a relation was seen.
struct EvidenceRecord {
  std::string doc_id;
  std::uint32_t sentence = 0;        ///< 0-based sentence index
  std::uint32_t begin = 0, end = 0;  ///< byte span of the sentence in the document text
  std::string text;                  ///< the sentence
  std::string date;                  ///< event date YYYY-MM-DD, or empty
  std::string value;                 ///< the relation's property: mode, role or status ("" when none)
  std::string extractor, rule;       ///< trace
};

struct RelationRecord {
  RelationType type = RelationType::MetWith;
  int source = -1, target = -1;      ///< NodeRecord ids
  EvidenceRecord evidence;
};

/// Everything extracted from one document.
struct DocumentRecords {
  std::string doc_id;
  std::vector<NodeRecord> nodes;
  std::vector<RelationRecord> relations;
};

}  // namespace irgraph::extract
