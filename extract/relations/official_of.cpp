// officialOf: the country or body an official serves, where the text states it.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "extract/relations/relation_rules.hpp"

namespace irgraph::extract {

namespace {

using namespace relation_rules;

class OfficialOf : public RelationExtractor {
 public:
  std::string_view name() const override { return "official-of"; }
  std::string_view description() const override {
    return "officialOf with role: the country or body stated with the title, the delegation's country, "
           "and a delegation member's leader's country";
  }
  std::vector<Rule> rules() const override {
    return {
        {"stated-country", "the country stated with the title, the name or in apposition"},
        {"description-country", "\"the Greek prime minister\": the one prime minister of the document whose country no phrase states"},
        {"stated-body", "the body stated with the title (\"MIT Chief Hakan Fidan\")"},
        {"delegation-member", "a delegation member serves the country of the official they accompanied"},
        {"host-of-visit", "\"a visit to China, where he was received by President Xi\": the host serves the country visited"},
    };
  }
  void run(const Annotation& a, const std::vector<RelationRecord>& emitted, Sink& sink) const override {
    std::vector<RelationRecord> out;
    Emitter emit(a, out, sink, name());
    const std::map<std::string, int> countries = country_entities(a);  // alpha-3 -> entity
    std::vector<std::string> country_of(a.entities.size());
    for (std::size_t i = 0; i < a.entities.size(); ++i) {
      const Entity& e = a.entities[i];
      if (e.type != NodeType::Official) continue;
      // evidence: the mention that stated the country (or the body), else the first
      std::uint32_t sentence = a.mentions[static_cast<std::size_t>(e.mentions.front())].sentence;
      std::string role = e.role;
      for (int mi : e.mentions) {
        const Mention& m = a.mentions[static_cast<std::size_t>(mi)];
        if (!m.country.empty() || m.org >= 0) { sentence = m.sentence; if (!m.role.empty()) role = m.role; break; }
      }
      if (!e.country.empty()) {
        auto it = countries.find(e.country);
        if (it != countries.end()) {
          if (e.country_description >= 0)
            emit(RelationType::OfficialOf, static_cast<int>(i), it->second, static_cast<std::uint32_t>(e.country_description),
                 role, "description-country");
          else
            emit(RelationType::OfficialOf, static_cast<int>(i), it->second, sentence, role, "stated-country");
          country_of[i] = e.country;
        }
      }
      if (e.org >= 0) emit(RelationType::OfficialOf, static_cast<int>(i), e.org, sentence, role, "stated-body");
    }
    // "a visit to China, where he was received by President Xi Jinping": the host serves the country visited
    for (const auto& s : a.sentences)
      for (std::uint32_t k = s.first_token + 2; k + 2 < s.last_token; ++k) {
        if (a.tokens[k].folded != "where" || a.tokens[k - 1].folded != ",") continue;
        const int c = a.entity_at(k - 2);
        if (c < 0 || a.entities[static_cast<std::size_t>(c)].type != NodeType::Country) continue;
        const Mention& cm = a.mentions[static_cast<std::size_t>(a.owner[k - 2])];
        bool visit = false;  // a visit word shortly before the country: "visit to", "trip to", "arrived in"
        for (std::uint32_t q = cm.first; q > s.first_token && cm.first - q < 12 && !visit; --q)
          visit = in(a.tokens[q - 1].folded, {"visit", "visits", "visited", "visiting", "trip", "tour", "toured",
                                                   "travelled", "traveled", "flew", "arrived", "went"});
        if (!visit) continue;
        std::uint32_t by = k + 1;
        while (by < s.last_token && by < k + 8 && !in(a.tokens[by].folded, {"received", "welcomed", "hosted"})) ++by;
        if (by >= s.last_token || by >= k + 8 || !in(a.tokens[by - 1].folded, {"was", "were"})) continue;
        ++by;
        if (by >= s.last_token || a.tokens[by].folded != "by") continue;
        for (std::uint32_t t = by + 1; t < s.last_token && t < by + 8; ++t) {
          const int h = a.entity_at(t);
          if (h < 0) continue;
          const Entity& host = a.entities[static_cast<std::size_t>(h)];
          if (host.type == NodeType::Official && country_of[static_cast<std::size_t>(h)].empty() && host.country.empty()) {
            country_of[static_cast<std::size_t>(h)] = a.entities[static_cast<std::size_t>(c)].country;
            emit(RelationType::OfficialOf, h, c, s.index, host.role, "host-of-visit");
          }
          break;
        }
      }
    // members of a delegation serve the leader's country (copied first: emitting grows `emitted`)
    std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> delegations;
    for (const auto& r : emitted)
      if (r.type == RelationType::Accompanied)
        delegations.emplace_back(static_cast<std::size_t>(r.source), static_cast<std::size_t>(r.target), r.evidence.sentence);
    for (const auto& [member, leader, sentence] : delegations) {
      if (!country_of[member].empty() || country_of[leader].empty()) continue;
      country_of[member] = country_of[leader];
      emit(RelationType::OfficialOf, static_cast<int>(member), countries.at(country_of[leader]), sentence,
           a.entities[member].role, "delegation-member");
    }
  }
};

}  // namespace

std::unique_ptr<RelationExtractor> make_official_of() { return std::make_unique<OfficialOf>(); }

}  // namespace irgraph::extract
