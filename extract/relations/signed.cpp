// signed: parties that signed, reached or concluded an agreement.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "extract/relations/relation_rules.hpp"

namespace irgraph::extract {

namespace {

using namespace relation_rules;

class Signed : public RelationExtractor {
 public:
  std::string_view name() const override { return "signed"; }
  std::string_view description() const override {
    return "signed: \"X and Y signed A\", \"A was signed/reached/concluded between X and Y\"";
  }
  std::vector<Rule> rules() const override {
    return {
        {"active", "officials or countries before \"signed\", \"reached\", \"concluded\" an agreement"},
        {"passive-between", "\"A was signed between X and Y\""},
    };
  }
  void run(const Annotation& a, const std::vector<RelationRecord>&, Sink& sink) const override {
    std::vector<RelationRecord> out;
    Emitter emit(a, out, sink, name());
    for (const auto& s : a.sentences) {
      auto slots = slots_of(a, s.index);
      std::vector<std::size_t> agreements;
      for (std::size_t i = 0; i < slots.size(); ++i)
        if (slots[i].type == NodeType::Agreement) agreements.push_back(i);
      if (agreements.empty()) continue;
      for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
        std::string_view f = a.tokens[k].folded;
        if (!in(f, {"signed", "sign", "signs", "signing", "inked", "concluded", "reached", "struck", "clinched"})) continue;
        if (negated_or_conditional(a, s, k) || planned(a, s, k)) continue;
        // the agreement: the nearest one before a passive trigger, else the first one after
        int agreement = -1;
        bool passive = k > s.first_token && in(a.tokens[k - 1].folded, {"was", "were", "been", "be", "is"});
        for (auto i : agreements) {
          if (passive && slots[i].last <= k) agreement = slots[i].entities.front();
          if (!passive && slots[i].first > k && agreement < 0) agreement = slots[i].entities.front();
        }
        if (agreement < 0) continue;
        std::vector<int> parties;
        std::string_view rule;
        std::uint32_t b = k + 1;
        while (b < s.last_token && b < k + 8 && a.tokens[b].folded != "between" && a.tokens[b].folded != "by") ++b;
        if (b < s.last_token && b < k + 8 && passive) {
          auto g = group_after(a, slots, b + 1, s.last_token, {NodeType::Official}, 3);
          if (g.empty()) g = group_after(a, slots, b + 1, s.last_token, {NodeType::Country}, 3);
          parties = entities_of(slots, g);
          rule = "passive-between";
        } else if (!passive) {
          auto g = group_before(a, slots, k, {NodeType::Official}, 4);
          if (g.empty()) g = group_before(a, slots, k, {NodeType::Country}, 4);
          parties = entities_of(slots, g);
          rule = "active";
        }
        for (int p : parties) emit(RelationType::Signed, p, agreement, s.index, "", rule);
      }
    }
  }
};

}  // namespace

std::unique_ptr<RelationExtractor> make_signed() { return std::make_unique<Signed>(); }

}  // namespace irgraph::extract
