// guarantorOf and partyTo: guarantors, and who launched, joined or brokered an agreement.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "extract/relations/relation_rules.hpp"

namespace irgraph::extract {

namespace {

using namespace relation_rules;

class GuarantorParty : public RelationExtractor {
 public:
  std::string_view name() const override { return "guarantor-party"; }
  std::string_view description() const override {
    return "guarantorOf: guarantor countries of an agreement (resolved to the countries named); "
           "partyTo: launched, joined, brokered or mediated it";
  }
  std::vector<Rule> rules() const override {
    return {
        {"guarantors-in-sentence", "countries named with the guarantors of an agreement"},
        {"guarantors-antecedent", "\"the guarantor countries\": the countries the document coordinated last"},
        {"brokered-by", "\"U.N.-brokered Geneva talks\": partyTo"},
        {"launched-joined", "\"X and Y launched, joined or mediated A\": partyTo"},
    };
  }
  void run(const Annotation& a, const std::vector<RelationRecord>&, Sink& sink) const override {
    std::vector<RelationRecord> out;
    Emitter emit(a, out, sink, name());
    std::vector<int> last_country_group;  // the latest coordinated countries ("Turkey, Iran and Russia")
    for (const auto& s : a.sentences) {
      auto slots = slots_of(a, s.index);
      std::vector<int> countries;
      for (const auto& sl : slots)
        if (sl.type == NodeType::Country && std::find(countries.begin(), countries.end(), sl.entities.front()) == countries.end())
          countries.push_back(sl.entities.front());
      int agreement = -1;
      for (const auto& sl : slots)
        if (sl.type == NodeType::Agreement) { agreement = sl.entities.front(); break; }
      bool guarantor = false;
      for (std::uint32_t k = s.first_token; k < s.last_token; ++k)
        if (in(a.tokens[k].folded, {"guarantor", "guarantors", "guarantee", "guaranteed"}) && a.owner[k] < 0) guarantor = true;
      if (guarantor && agreement >= 0) {
        const std::vector<int>& who = countries.size() >= 1 ? countries : last_country_group;
        for (int c : who)
          emit(RelationType::GuarantorOf, c, agreement, s.index, "", countries.empty() ? "guarantors-antecedent" : "guarantors-in-sentence");
      }
      // partyTo: "<Org>-brokered <Agreement>"
      for (std::size_t i = 0; i + 1 < slots.size(); ++i) {
        const Slot& o = slots[i];
        if (o.type != NodeType::Organization && o.type != NodeType::Country) continue;
        std::uint32_t k = o.last;
        if (k + 1 < s.last_token && a.tokens[k].folded == "-" &&
            in(a.tokens[k + 1].folded, {"brokered", "backed", "sponsored", "led", "mediated", "hosted"})) {
          for (std::size_t j = i + 1; j < slots.size() && slots[j].first <= k + 4; ++j)
            if (slots[j].type == NodeType::Agreement)
              emit(RelationType::PartyTo, o.entities.front(), slots[j].entities.front(), s.index, "", "brokered-by");
        }
      }
      // partyTo: "X, Y and Z launched/joined/mediated <Agreement>"
      for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
        if (!in(a.tokens[k].folded, {"launched", "joined", "brokered", "mediated", "sponsored", "co-sponsored", "initiated"}))
          continue;
        if (k > s.first_token && a.tokens[k - 1].folded == "-") continue;
        if (negated_or_conditional(a, s, k)) continue;
        auto ag = group_after(a, slots, k + 1, s.last_token, {NodeType::Agreement}, 3);
        if (ag.empty()) continue;
        auto g = group_before(a, slots, k, {NodeType::Country, NodeType::Organization}, 3);
        for (int p : entities_of(slots, g))
          emit(RelationType::PartyTo, p, slots[ag.front()].entities.front(), s.index, "", "launched-joined");
      }
      // remember coordinated countries for "the three guarantor countries" later
      for (std::size_t i = 0; i < slots.size(); ++i) {
        if (slots[i].type != NodeType::Country) continue;
        auto g = group_after(a, slots, slots[i].first, s.last_token, {NodeType::Country}, 0);
        auto ents = entities_of(slots, g);
        if (ents.size() >= 2) { last_country_group = ents; break; }
      }
    }
  }
};

}  // namespace

std::unique_ptr<RelationExtractor> make_guarantor_party() { return std::make_unique<GuarantorParty>(); }

}  // namespace irgraph::extract
