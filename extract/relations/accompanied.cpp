// accompanied: delegation members and the official they accompanied.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "extract/relations/relation_rules.hpp"

namespace irgraph::extract {

namespace {

using namespace relation_rules;

class Accompanied : public RelationExtractor {
 public:
  std::string_view name() const override { return "accompanied"; }
  std::string_view description() const override {
    return "accompanied: \"X, Y and Z accompanied W\", \"W, accompanied by X\"";
  }
  std::vector<Rule> rules() const override {
    return {
        {"accompanied-by", "\"W, accompanied by X and Y\""},
        {"accompanied-active", "\"X and Y accompanied W\""},
    };
  }
  void run(const Annotation& a, const std::vector<RelationRecord>&, Sink& sink) const override {
    std::vector<RelationRecord> out;
    Emitter emit(a, out, sink, name());
    for (const auto& s : a.sentences) {
      auto slots = slots_of(a, s.index);
      for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
        if (!in(a.tokens[k].folded, {"accompanied", "accompany", "accompanies", "accompanying"})) continue;
        if (negated_or_conditional(a, s, k)) continue;
        if (k + 1 < s.last_token && a.tokens[k + 1].folded == "by") {
          auto leader = group_before(a, slots, k, {NodeType::Official}, 6);
          auto members = group_after(a, slots, k + 2, s.last_token, {NodeType::Official}, 3);
          if (leader.empty()) continue;
          int w = slots[leader.back()].entities.front();
          for (int x : entities_of(slots, members)) emit(RelationType::Accompanied, x, w, s.index, "", "accompanied-by");
        } else {
          auto members = group_before(a, slots, k, {NodeType::Official}, 2);
          auto leader = group_after(a, slots, k + 1, s.last_token, {NodeType::Official}, 2);
          if (leader.empty()) continue;
          int w = slots[leader.front()].entities.front();
          for (int x : entities_of(slots, members)) emit(RelationType::Accompanied, x, w, s.index, "", "accompanied-active");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<RelationExtractor> make_accompanied() { return std::make_unique<Accompanied>(); }

}  // namespace irgraph::extract
