// metWith: meetings, talks and calls between officials.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

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
        {"fronted-meeting", "\"In talks with X in Bali, Y presented ...\": the official after the fronted meeting phrase"},
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
        // an object of an earlier verb or preposition is no subject: "they met with Minister X, and visited the
        // Knesset to meet with Y", "In addition to Gen X, the group held talks with Y"
        if (!subjg.empty()) {
          const Slot& first = slots[subjg.front()];
          const std::uint32_t before = first.first - title_tokens(a, first, s.first_token);
          if (before > s.first_token &&
              in(a.tokens[before - 1].folded, {"with", "by", "to", "met", "meet", "meets", "received", "hosted", "of", "from"}))
            subjg.clear();
        }
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
        if (subj.empty() && !obj.empty()) {
          auto [fronted_subj, fronted_obj] = fronted_meeting(a, s, slots, k, objg);
          if (!fronted_subj.empty()) {
            subj = std::move(fronted_subj);
            obj = std::move(fronted_obj);
            rule = "fronted-meeting";
          }
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
  /// "In talks with X on the sidelines of ..., Y presented", "After a meeting with X, Y said": a
  /// sentence that opens with a meeting phrase has its subject right after the phrase's comma.
  /// Returns the subject's and the object's entities (none when the sentence is not so built).
  static std::pair<std::vector<int>, std::vector<int>> fronted_meeting(const Annotation& a, const Sentence& s,
                                                                       const std::vector<Slot>& slots, std::uint32_t trigger,
                                                                       std::vector<std::size_t> object) {
    const std::uint32_t first = s.first_token;
    if (trigger > first + 5 || !in(a.tokens[first].folded, {"in", "during", "after", "following", "before", "at", "ahead"}))
      return {};
    for (std::uint32_t q = first + 1; q < trigger; ++q)  // "In talks", "After a five-hour meeting"
      if (a.owner[q] >= 0 || a.tokens[q].cap() || !a.tokens[q].word()) return {};
    // "with X, Chinese Foreign Minister Y said": the object group read on over the comma to the
    // subject; a list of objects ends with "and" ("with A, B and C, Y said")
    if (object.size() >= 2) {
      const Slot& last = slots[object.back()];
      const Slot& prev = slots[object[object.size() - 2]];
      const std::uint32_t last_from = last.first - title_tokens(a, last, prev.last);
      bool comma_only = last_from > prev.last;
      for (std::uint32_t q = prev.last; q < last_from; ++q) comma_only &= a.tokens[q].folded == ",";
      if (comma_only && last.last < s.last_token && a.tokens[last.last].word() && !in(a.tokens[last.last].folded, {"and", "or"})) {
        std::vector<int> subject = last.entities;
        object.pop_back();
        return {subject, entities_of(slots, object)};
      }
    }
    std::uint32_t comma = slots[object.back()].last;
    while (comma < s.last_token && a.tokens[comma].folded != ",") ++comma;
    if (comma >= s.last_token) return {};
    auto subject = group_after(a, slots, comma + 1, s.last_token, {NodeType::Official}, 4);
    if (subject.empty()) return {};
    // the subject's own title may stand between: "..., Chinese Foreign Minister Wang Yi"
    const Slot& head = slots[subject.front()];
    if (head.first - title_tokens(a, head, comma + 1) > comma + 2) return {};
    return {entities_of(slots, subject), entities_of(slots, object)};
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
