#pragma once
/// The ontology contract (see the project's ontology document): node types,
/// relation types and their names, shared by extractors, graph and exporters.
#include <array>
#include <optional>
#include <string_view>

namespace irgraph {

enum class NodeType : unsigned char { Country, Official, Agreement, Place, Organization };
inline constexpr std::array<NodeType, 5> kNodeTypes = {NodeType::Country, NodeType::Official, NodeType::Agreement,
                                                       NodeType::Place, NodeType::Organization};

enum class RelationType : unsigned char {
  MetWith, Accompanied, Signed, GuarantorOf, PartyTo, OfficialOf, LocatedIn, Visited
};
inline constexpr std::array<RelationType, 8> kRelationTypes = {
    RelationType::MetWith, RelationType::Accompanied, RelationType::Signed, RelationType::GuarantorOf,
    RelationType::PartyTo, RelationType::OfficialOf, RelationType::LocatedIn, RelationType::Visited};

/// The exact ontology name: "Country", "Official", ...
constexpr std::string_view name(NodeType t) {
  switch (t) {
    case NodeType::Country: return "Country";
    case NodeType::Official: return "Official";
    case NodeType::Agreement: return "Agreement";
    case NodeType::Place: return "Place";
    case NodeType::Organization: return "Organization";
  }
  return "?";
}

/// The exact ontology name: "metWith", "officialOf", ...
constexpr std::string_view name(RelationType r) {
  switch (r) {
    case RelationType::MetWith: return "metWith";
    case RelationType::Accompanied: return "accompanied";
    case RelationType::Signed: return "signed";
    case RelationType::GuarantorOf: return "guarantorOf";
    case RelationType::PartyTo: return "partyTo";
    case RelationType::OfficialOf: return "officialOf";
    case RelationType::LocatedIn: return "locatedIn";
    case RelationType::Visited: return "visited";
  }
  return "?";
}

/// The name of the relation's property ("mode", "role", "status"), empty when it has none.
constexpr std::string_view property_name(RelationType r) {
  switch (r) {
    case RelationType::MetWith: return "mode";
    case RelationType::OfficialOf: return "role";
    case RelationType::Visited: return "status";
    default: return "";
  }
}

/// metWith is symmetric: its two ends are stored in key order.
constexpr bool symmetric(RelationType r) { return r == RelationType::MetWith; }

std::optional<NodeType> node_type_from(std::string_view s);
std::optional<RelationType> relation_type_from(std::string_view s);

/// Key prefix of a node type in canonical keys: "country", "official", "agreement", "place", "org".
constexpr std::string_view key_prefix(NodeType t) {
  switch (t) {
    case NodeType::Country: return "country";
    case NodeType::Official: return "official";
    case NodeType::Agreement: return "agreement";
    case NodeType::Place: return "place";
    case NodeType::Organization: return "org";
  }
  return "?";
}

}  // namespace irgraph
