#pragma once
/// Entity resolution across documents: turns one document's records into
/// graph nodes and relations, merging each entity with the node that
/// already stands for it (ISO code, gazetteer key, alias, person-name
/// variant, surname), and recording why.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/records.hpp"
#include "graph/curation.hpp"
#include "graph/knowledge_graph.hpp"

namespace irgraph::graph {

/// Names of the graph's nodes, for finding the node a name means.
class NameIndex {
 public:
  explicit NameIndex(const KnowledgeGraph& g);
  void index(const Node& n);
  void index_name(const std::string& key, NodeType type, const std::string& name);
  void unindex(const std::string& key);
  /// Keys of nodes that a name could mean (any alias, diacritics and case ignored;
  /// person-name variants and unique surnames for officials).
  std::vector<std::string> candidates(const std::string& name) const;

  std::map<std::string, std::set<std::string>> by_alias;    ///< type prefix|fold(alias) -> node keys
  std::map<std::string, std::set<std::string>> by_person;   ///< person_key(name) -> official keys
  std::map<std::string, std::set<std::string>> by_surname;  ///< last-name key -> officials with two or more words
  std::map<std::string, std::set<std::string>> by_suffix;   ///< shorter forms of two words or more -> officials ("tayip erdogan")
  std::map<std::string, std::set<std::string>> by_words;    ///< name_words(name) -> official keys
  std::map<std::string, std::set<std::string>> by_prefix;   ///< leading forms (of name_words) -> officials ("samia suluhu")

 private:
  const KnowledgeGraph& g_;
};

class Resolver {
 public:
  /// Indexes the graph's current nodes; keep one Resolver per graph while
  /// adding documents. `curation` (kept by the caller) is applied to every
  /// document added.
  explicit Resolver(KnowledgeGraph& g, const Curation* curation = nullptr);

  /// Adds a document's nodes and relations; returns the node key of each
  /// NodeRecord id ("" for a mention a curation rule blocks).
  std::vector<std::string> add(const extract::DocumentRecords& records);

  const NameIndex& names() const { return names_; }

 private:
  KnowledgeGraph& g_;
  NameIndex names_;
  const Curation* curation_ = nullptr;

  std::string resolve_official(const extract::NodeRecord& r);
  std::string resolve_other(const extract::NodeRecord& r);
  /// The surname-only officials a new full name is the fuller form of (none when another full name
  /// with that surname is known: then whose surname it is stays open).
  std::vector<std::string> surname_nodes_for(const std::string& full_name) const;
  void absorb(const std::string& key, const extract::NodeRecord& r);
  /// A new node for a record, under `key` (its origin, its country).
  void create(const std::string& key, const extract::NodeRecord& r, const std::string& doc_id);
};

/// The canonical key a record gets when it is new: "country:TUR",
/// "official:sergei-lavrov", "place:moscow:rus", "org:united-nations", "agreement:sochi".
std::string canonical_key(const extract::NodeRecord& r);

/// The shorter forms of two words or more a person key can appear as
/// ("tayip erdogan" of "recep tayip erdogan"), patronymics respected.
std::vector<std::string> short_forms(const std::string& person_key);

/// A name's words as written, case and diacritics folded, hyphens as spaces
/// ("mishal al ahmad"): no transliteration nor dropped particles, so that a
/// leading form matches only the words the longer name begins with.
std::string name_words(const std::string& name);

/// The leading forms of two words or more a name_words() key can appear as,
/// the last family names dropped ("samia suluhu" of "samia suluhu hassan",
/// "mohamed bin zayed" of "mohamed bin zayed al nahyan"); none ends on a
/// particle ("ahmad al" is no name).
std::vector<std::string> leading_forms(const std::string& words_key);

/// Why `alias` names the same entity as `name` ("diacritics or case", "transliteration", ...).
std::string alias_reason(NodeType type, const std::string& name, const std::string& alias);

}  // namespace irgraph::graph
