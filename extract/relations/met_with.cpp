// metWith: meetings, talks and calls between officials.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "extract/relations/relation_rules.hpp"

namespace irgraph::extract {

namespace {

using namespace relation_rules;

class MetWith : public RelationExtractor {
 public:
  std::string_view name() const override { return "met-with"; }
  std::string_view description() const override {
    return "metWith: met, held talks, discussed, spoke by phone, received or hosted; pairwise for groups";
  }
  std::vector<Rule> rules() const override {
    return {
        {"subject-verb-object", "officials before and after a meeting verb (\"X met Y\", \"X received Y\", \"a meeting, held in Z, with Y\")"},
        {"pronoun-subject", "\"he\" or \"she\" before a meeting verb stands for the official named last before it (or first in the sentence before)"},
        {"coordinated-subjects", "coordinated officials before \"met\", \"held talks\", \"spoke\" (\"X and Y met\")"},
        {"talks-between", "\"talks between X and Y\""},
    };
  }
  void run(const Annotation& a, const std::vector<RelationRecord>&, Sink& sink) const override {
    std::vector<RelationRecord> out;
    Emitter emit(a, out, sink, name());
    for (const auto& s : a.sentences) {
      auto slots = slots_of(a, s.index);
      int officials = 0;
      for (const auto& sl : slots) officials += sl.type == NodeType::Official ? static_cast<int>(sl.entities.size()) : 0;
      if (officials < 2) continue;
      const std::string mode = meeting_mode(a, s);
      for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
        std::string_view f = a.tokens[k].folded;
        bool verb = in(f, {"met", "meet", "meets", "meeting", "meetings", "talks", "talked", "spoke", "speaks",
                           "phoned", "received", "receives", "hosted", "hosts", "discussed", "discuss", "discusses",
                           "conversation", "consultations", "telephoned", "call", "conferred", "negotiations"});
        if (!verb || a.owner[k] >= 0) continue;
        // denied, cancelled or conditional meetings, and ones still to come, did not happen
        if (negated_or_conditional(a, s, k) || (in(f, {"meet", "meets", "discuss", "talks", "call"}) && planned(a, s, k))) continue;
        // "talks between X and Y" / "a meeting between X and Y"
        std::uint32_t next = k + 1;
        if (next < s.last_token && a.tokens[next].folded == "between") {
          auto g = group_after(a, slots, next + 1, s.last_token, {NodeType::Official}, 3);
          pairwise(emit, entities_of(slots, g), s.index, mode, "talks-between");
          continue;
        }
        auto subjg = group_before(a, slots, k, {NodeType::Official});
        // another person between the subject and the verb ("X, while an American president after his talks with Y")
        if (!subjg.empty() && person_between(a, slots[subjg.back()].last, k)) subjg.clear();
        auto subj = entities_of(slots, subjg);
        std::uint32_t obj_from = k + 1;
        if (obj_from < s.last_token && in(a.tokens[obj_from].folded, {"with", "by"})) ++obj_from;
        // "received an official visit from his Mexican counterpart, X": hosting verbs reach further
        const std::uint32_t reach = in(f, {"talks", "meeting", "discussed", "received", "receives", "hosted", "hosts"}) ? 10 : 4;
        auto objg = group_after(a, slots, obj_from, s.last_token, {NodeType::Official}, reach);
        // "met several times during the Barack Obama administration": a phrase of time or place, no object
        if (!objg.empty() && !in(a.tokens[obj_from - 1].folded, {"with", "by"})) {
          for (std::uint32_t q = obj_from; q < slots[objg.front()].first; ++q) {
            if (a.owner[q] >= 0) break;  // the object's own title
            if (in(a.tokens[q].folded, {"with", "by"})) break;
            if (in(a.tokens[q].folded, {"during", "under", "since", "after", "before", "in", "at", "about", "over", "against",
                                        "despite", "amid", "throughout"})) {
              objg.clear();
              break;
            }
          }
        }
        // "a meeting, held in the Chinese capital Beijing, with the outgoing ... Ambassador, X": the with-phrase
        // after a participle
        if (objg.empty() && in(f, {"meeting", "talks", "meetings"})) {
          for (std::uint32_t q = k + 1; q < s.last_token && q < k + 14; ++q) {
            if (a.owner[q] >= 0 && a.mentions[static_cast<std::size_t>(a.owner[q])].type == NodeType::Official) break;
            if (a.tokens[q].folded != "with") continue;
            objg = group_after(a, slots, q + 1, s.last_token, {NodeType::Official}, 4);
            break;
          }
        }
        auto obj = entities_of(slots, objg);
        std::string_view rule = "subject-verb-object";
        // "Wang Yi came as he wrapped up a tour, which included a meeting with X": the pronoun's official
        if (subj.empty() && !obj.empty()) {
          subj = pronoun_subject(a, s, slots, k, objg);
          rule = "pronoun-subject";
        }
        if (!subj.empty() && !obj.empty()) {
          for (int x : subj)
            for (int y : obj) emit(RelationType::MetWith, std::min(x, y), std::max(x, y), s.index, mode, rule);
        } else if (subj.size() >= 2 && obj.empty() &&
                   in(f, {"met", "discussed", "talks", "talked", "spoke", "conferred", "negotiations"})) {
          pairwise(emit, subj, s.index, mode, "coordinated-subjects");
        }
      }
    }
  }

 private:
  /// "he"/"she" before a meeting verb, or "his"/"her" right before a meeting noun, stands for the official
  /// named last before it in the sentence; with none there, in "During his meeting with X, President Y said",
  /// for the first official after the object's phrase, else for the first official of the sentence before.
  static std::vector<int> pronoun_subject(const Annotation& a, const Sentence& s, const std::vector<Slot>& slots,
                                          std::uint32_t trigger, const std::vector<std::size_t>& object) {
    std::uint32_t pronoun = trigger;
    if (trigger > s.first_token && in(a.tokens[trigger - 1].folded, {"his", "her"})) pronoun = trigger - 1;
    for (std::uint32_t q = trigger; pronoun == trigger && q > s.first_token && trigger - q < 10; --q)
      if (in(a.tokens[q - 1].folded, {"he", "she"})) pronoun = q - 1;
    if (pronoun == trigger) return {};
    auto single = [](const Slot& sl) { return sl.entities.size() == 1 ? sl.entities : std::vector<int>{}; };
    for (auto it = slots.rbegin(); it != slots.rend(); ++it)
      if (it->type == NodeType::Official && it->last <= pronoun) {
        // another person may stand between ("Biden ... an American president after his talks"): no guess
        if (person_between(a, it->last, pronoun)) return {};
        return pronoun - it->last <= 15 ? single(*it) : std::vector<int>{};
      }
    // cataphora: the object's phrase, a comma, then the subject
    if (!object.empty()) {
      const std::uint32_t after = slots[object.back()].last;
      for (std::uint32_t q = after; q < s.last_token && q < after + 12; ++q) {
        if (a.tokens[q].folded != ",") continue;
        for (std::size_t j = object.back() + 1; j < slots.size(); ++j)
          if (slots[j].type == NodeType::Official && slots[j].first > q && slots[j].first <= q + 4) return single(slots[j]);
        break;
      }
    }
    if (pronoun > s.first_token + 3 || s.index == 0) return {};
    for (const auto& sl : slots_of(a, s.index - 1))
      if (sl.type == NodeType::Official) return single(sl);
    return {};
  }

  /// A title word no mention took between two tokens: a person the text does not name.
  static bool person_between(const Annotation& a, std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t q = from; q < to; ++q) {
      if (a.owner[q] >= 0 && a.mentions[static_cast<std::size_t>(a.owner[q])].description) return true;  // "an American president"
      if (a.owner[q] < 0 && a.gaz.title_word(a.tokens[q].folded).cls == TitleClass::Head) return true;
    }
    return false;
  }

  static void pairwise(Emitter& emit, const std::vector<int>& people, std::uint32_t sentence, const std::string& mode,
                       std::string_view rule) {
    for (std::size_t i = 0; i < people.size(); ++i)
      for (std::size_t j = i + 1; j < people.size(); ++j)
        emit(RelationType::MetWith, std::min(people[i], people[j]), std::max(people[i], people[j]), sentence, mode, rule);
  }
};

}  // namespace

std::unique_ptr<RelationExtractor> make_met_with() { return std::make_unique<MetWith>(); }

}  // namespace irgraph::extract
