#pragma once
/// Curation: an analyst's corrections, kept as rules that every build of the
/// graph applies (each ingest, `forget`, a replaced document, a rebuild), so
/// that a correction survives whatever is read later.
///
/// - merge A into B: A's key redirects to B (its IRI stays valid);
/// - split a name off an entity: mentions of that name become an entity of
///   their own (three men named Abdullah in one node);
/// - block a name (of one type, or of any): it never becomes an entity;
/// - rename an entity: its label, whatever fuller names arrive;
/// - reject a relation: it is never drawn again from any evidence.
///
/// Rules name entities by key, so a rules file made on one store applies to
/// another built from the same articles.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/records.hpp"
#include "graph/knowledge_graph.hpp"

namespace irgraph::graph {

enum class CurationAction { Merge, Split, Block, Rename, Reject };

std::string_view name(CurationAction a);
std::optional<CurationAction> curation_action_from(std::string_view s);

struct CurationRule {
  std::int64_t id = 0;  ///< its number in the store (0: not stored yet)
  CurationAction action = CurationAction::Merge;
  /// merge: the key merged away; split, rename: the entity's key; block: the
  /// name; reject: the source's key
  std::string subject;
  /// reject: the relation type; block: the node type ("" for any)
  std::string relation;
  /// merge: the key that stays; split: the name split off; rename: the new
  /// name; reject: the target's key
  std::string object;
  std::string note;
  std::string created_at;  ///< UTC, ISO 8601

  /// What the rule does, in words ("merge official:abdullah into official:abdullah-abdullah").
  std::string describe() const;
  /// Same action on the same things (notes and times aside).
  bool same_decision(const CurationRule& o) const {
    return action == o.action && subject == o.subject && relation == o.relation && object == o.object;
  }
};

/// Checks a rule's fields (an action's required parts, a known relation or
/// node type). Throws irgraph::Error saying what is wrong.
void validate(const CurationRule& r);

/// A rule as a person states it (entities by any of their names, types as
/// words), checked against `g` and stated by keys: both entities of a merge
/// exist and are of one type, a split name is one of the entity's names, a
/// rejected relation exists. Throws UsageError or LookupError saying what is wrong.
CurationRule resolve(const KnowledgeGraph& g, CurationRule stated);

/// The rules as a small JSON file a team shares: {"irgraphCuration": 1,
/// "rules": [{"action", "subject", "relation", "object", "note", "created"}]}.
std::string rules_to_json(const std::vector<CurationRule>& rules);
/// Reads such a file's text; every rule validated. Throws irgraph::Error
/// naming the rule (by its number) and what is wrong.
std::vector<CurationRule> rules_from_json(std::string_view text);

/// The rules in force, in the order they were made, with the questions the
/// resolver asks them while it builds the graph.
class Curation {
 public:
  Curation() = default;
  explicit Curation(std::vector<CurationRule> rules);

  bool empty() const { return rules_.empty(); }
  const std::vector<CurationRule>& rules() const { return rules_; }

  /// Is this mention's name blocked (for its type or any)?
  bool blocks(const extract::NodeRecord& r) const;
  /// The rule splitting this mention's name off an entity of its type, if any.
  const CurationRule* split_of(const extract::NodeRecord& r) const;
  /// Is `alias` split off the entity `key` (so it is never its alias again)?
  bool splits(const std::string& key, const std::string& alias) const;
  /// Where a mention resolved to `key` goes: the entity merge rules send it to,
  /// when that one exists in `g`; else `key`.
  std::string merged(const KnowledgeGraph& g, const std::string& key) const;

  /// Applies what needs both ends in the graph: merges whose two entities
  /// exist, renames, rejected relations. Returns the keys merged away (their
  /// names now belong to the entity that took them).
  std::vector<std::string> apply(KnowledgeGraph& g) const;

  /// The rules that name `key` or a key redirected to it.
  std::vector<CurationRule> touching(const KnowledgeGraph& g, const std::string& key) const;

 private:
  std::vector<CurationRule> rules_;
};

}  // namespace irgraph::graph
