// visited: travel, visits and itineraries, and talks held abroad.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "extract/relations/relation_rules.hpp"

namespace irgraph::extract {

namespace {

using namespace relation_rules;

/// The stops after the first destination of a trip: "a visit to Cameroon, followed by
/// Benin and then ending the trip in Guinea-Bissau", "visited Ghana on Monday and Togo
/// on Wednesday". Only connectors, days and dates may stand between two stops.
void extend_itinerary(const Annotation& a, const std::vector<Slot>& slots, std::vector<std::size_t>& places) {
  if (places.empty()) return;
  std::uint32_t last = slots[places.back()].last;
  for (std::size_t j = places.back() + 1; j < slots.size(); ++j) {
    const Slot& next = slots[j];
    if (next.first < last) continue;
    if (next.type != NodeType::Place && next.type != NodeType::Country) {
      if (next.type == NodeType::Official) break;
      continue;  // an organisation between ends nothing, but is no stop
    }
    bool connects = next.first > last;
    for (std::uint32_t k = last; k < next.first && connects; ++k) {
      const Token& t = a.tokens[k];
      connects = t.is(kNumber) || a.is(k, kStopCap) ||
                 in(t.folded, {",", "and", "then", "followed", "by", "before", "later", "finally", "ending", "ended", "ends",
                               "end", "trip", "tour", "visit", "visits", "stop", "stops", "next", "also", "continued",
                               "continuing", "moving", "moved", "on", "to", "in", "at", "the", "his", "her", "their", "a", "-",
                               "including", "via"});
    }
    if (!connects || next.first > last + 12) break;
    places.push_back(j);
    last = next.last;
  }
}

class Visited : public RelationExtractor {
 public:
  std::string_view name() const override { return "visited"; }
  std::string_view description() const override {
    return "visited: visits, travel and arrivals (status done or planned), and talks held in a foreign place";
  }
  std::vector<Rule> rules() const override {
    return {
        {"travel-verb", "an official before a travel verb and the places after it, stop by stop (\"visited Ghana on Monday and Togo\")"},
        {"talks-in-place", "officials at talks held in a place of another country than theirs"},
        {"pronoun-subject", "\"his visit to X, President Y\": the official a pronoun before the travel word stands for"},
        {"received-by-host", "\"X was received by the Turkish president\": a visit to the host's country"},
    };
  }
  void run(const Annotation& a, const std::vector<RelationRecord>& emitted, Sink& sink) const override {
    std::vector<RelationRecord> out;
    Emitter emit(a, out, sink, name());
    // officials' countries, including those officialOf inferred
    std::vector<std::string> home(a.entities.size());
    for (std::size_t i = 0; i < a.entities.size(); ++i) home[i] = a.entities[i].country;
    for (const auto& r : emitted)
      if (r.type == RelationType::OfficialOf && a.entities[static_cast<std::size_t>(r.target)].type == NodeType::Country &&
          home[static_cast<std::size_t>(r.source)].empty())
        home[static_cast<std::size_t>(r.source)] = a.entities[static_cast<std::size_t>(r.target)].key;
    const std::map<std::string, int> countries = country_entities(a);  // alpha-3 -> entity
    for (const auto& s : a.sentences) {
      received_by_host(a, s, home, countries, emit);
      std::optional<std::vector<Slot>> sentence_slots;  // built at the first trigger
      for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
        std::string_view f = a.tokens[k].folded;
        bool travel = a.is(k, kTravel);
        if (travel && in(f, {"returning", "returned", "returns", "headed", "heading"}) &&
            !(k + 1 < s.last_token && a.tokens[k + 1].folded == "to"))
          travel = false;  // "returned home", "headed by": no destination
        bool talks = a.is(k, kTalks);
        if ((!travel && !talks) || a.owner[k] >= 0) continue;
        if (!sentence_slots) sentence_slots = slots_of(a, s.index);
        const auto& slots = *sentence_slots;
        if (f == "visiting" && k > s.first_token && in(a.tokens[k - 1].folded, {"the", "a"})) continue;
        if (negated_or_conditional(a, s, k)) continue;
        auto subj = group_before(a, slots, k, {NodeType::Official}, talks ? 12 : 10);
        std::string_view rule = travel ? "travel-verb" : "talks-in-place";
        if (subj.empty() && travel) {
          // "On the margins of his official visit to the Holy See, President X attended": the pronoun's official
          std::uint32_t to = k + 1;
          while (to < s.last_token && in(a.tokens[to].folded, {"to", "in", "at", "for"})) ++to;
          auto where = group_after(a, slots, to, s.last_token, {NodeType::Place, NodeType::Country}, 1);
          if (where.size() > 1) where.resize(1);  // "..., Armenian President X": the demonym is no second stop
          for (int e : pronoun_subject(a, s, slots, k, where))
            for (std::size_t j = 0; j < slots.size(); ++j)
              if (slots[j].type == NodeType::Official && slots[j].entities.size() == 1 && slots[j].entities.front() == e)
                subj = {j};
          rule = "pronoun-subject";
        }
        if (subj.empty()) continue;
        // "Czech President Milos Zeman (spoke) against his planned visit to Taiwan": the visit is another's
        bool others = false;
        for (std::uint32_t q = slots[subj.back()].last; q < k; ++q)
          others |= in(a.tokens[q].folded, {"against", "about", "over", "despite", "regarding", "opposed", "opposing",
                                            "criticised", "criticized", "condemned", "welcomed", "invited", "invitation"});
        if (others) continue;
        std::vector<int> who_list = entities_of(slots, subj);
        if (talks) {
          // everyone at the talks: "his meeting with his Iranian and Russian counterparts ... in Tehran"
          std::uint32_t obj_from = k + 1;
          if (obj_from < s.last_token && in(a.tokens[obj_from].folded, {"with", "between"})) ++obj_from;
          for (int e : entities_of(slots, group_after(a, slots, obj_from, s.last_token, {NodeType::Official}, 10)))
            if (std::find(who_list.begin(), who_list.end(), e) == who_list.end()) who_list.push_back(e);
        }
        std::uint32_t from = k + 1;
        std::vector<std::size_t> places;
        if (travel) {
          while (from < s.last_token && in(a.tokens[from].folded, {"to", "in", "at", "for"})) ++from;
          places = group_after(a, slots, from, s.last_token, {NodeType::Place, NodeType::Country}, 1);
          extend_itinerary(a, slots, places);
        } else {
          // talks ... in <Place>: the first "in <Place>" of the clause
          for (std::uint32_t q = from; q + 1 < s.last_token && q < k + 20; ++q) {
            if (a.tokens[q].folded != "in") continue;
            auto g = group_after(a, slots, q + 1, s.last_token, {NodeType::Place}, 0);
            if (!g.empty()) { places = {g.front()}; break; }
          }
        }
        if (places.empty()) continue;
        std::string status = planned(a, s, k) ? "planned" : "done";
        for (int who : who_list) {
          const std::string& who_country = home[static_cast<std::size_t>(who)];
          for (auto pi : places) {
            int target = slots[pi].entities.front();
            const Entity& p = a.entities[static_cast<std::size_t>(target)];
            std::string place_country = p.type == NodeType::Country ? p.key : p.country;
            if (talks) {
              // talks at home are no visit; an unknown home says nothing
              if (who_country.empty() || place_country.empty() || who_country == place_country) continue;
            } else if (!who_country.empty() && who_country == place_country) {
              continue;
            }
            emit(RelationType::Visited, who, target, s.index, status, rule);
          }
        }
      }
    }
  }

 private:
  /// "Salvadoran President X was received with all honours by the Turkish president, Y
  /// (in Ankara)": X visited the place named after the host, else the host's country
  /// (never a place of X's own country).
  static void received_by_host(const Annotation& a, const Sentence& s, const std::vector<std::string>& home,
                               const std::map<std::string, int>& countries, Emitter& emit) {
    for (std::uint32_t k = s.first_token + 1; k + 1 < s.last_token; ++k) {
      if (!in(a.tokens[k].folded, {"received", "welcomed", "hosted"}) ||
          !in(a.tokens[k - 1].folded, {"was", "were", "is", "been", "be", "being"}))
        continue;
      std::uint32_t by = k + 1;
      while (by < s.last_token && by < k + 6 && a.tokens[by].folded != "by") ++by;
      if (by >= s.last_token || a.tokens[by].folded != "by" || negated_or_conditional(a, s, k)) continue;
      const auto slots = slots_of(a, s.index);
      const auto guests = group_before(a, slots, k - 1, {NodeType::Official});
      auto hosts = group_after(a, slots, by + 1, s.last_token, {NodeType::Official}, 8);
      if (guests.empty() || hosts.empty()) continue;
      // where: "in Beijing" after the host, else the host's country
      const std::string& host_country = home[static_cast<std::size_t>(slots[hosts.front()].entities.front())];
      int where = -1;
      std::string where_country;
      for (const auto& slot : slots)
        if (slot.first > slots[hosts.back()].last && slot.type == NodeType::Place && slot.first > 0 &&
            in(a.tokens[slot.first - 1].folded, {"in", "at"})) {
          where = slot.entities.front();
          where_country = a.entities[static_cast<std::size_t>(where)].country;
          break;
        }
      if (where < 0) {
        auto c = countries.find(host_country);
        if (host_country.empty() || c == countries.end()) continue;
        where = c->second;
        where_country = host_country;
      }
      for (int guest : entities_of(slots, guests)) {
        const std::string& guest_country = home[static_cast<std::size_t>(guest)];
        if (!guest_country.empty() && guest_country == where_country) continue;  // received at home
        emit(RelationType::Visited, guest, where, s.index, planned(a, s, k) ? "planned" : "done", "received-by-host");
      }
    }
  }
};

}  // namespace

std::unique_ptr<RelationExtractor> make_visited() { return std::make_unique<Visited>(); }

}  // namespace irgraph::extract
