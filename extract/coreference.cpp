// In-document coreference: mentions grouped into the document's entities
// (gazetteer keys, full names and their short forms, descriptions and groups
// resolved to what the document named).
#include <algorithm>
#include <map>
#include <set>

#include "extract/mentions/mention_rules.hpp"
#include "extract/names.hpp"

namespace irgraph::extract {

using namespace mention_rules;

void resolve_coreference(Annotation& a) {
  // Mentions emptied by a later extractor (a place inside an agreement name) drop out.
  std::map<std::string, int> by_key;
  auto new_entity = [&](const Mention& m, int mi) {
    Entity e;
    e.type = m.type;
    e.name = m.surface;
    e.country = m.country;
    e.role = m.role;
    e.extractor = m.extractor;
    e.rule = m.rule;
    if (m.gazetteer < 0 && !m.key.empty()) e.key = m.key.substr(m.key.find(':') + 1);  // pattern key ("sochi")
    if (m.gazetteer >= 0) {
      const auto& g = a.gaz.entry(static_cast<std::uint32_t>(m.gazetteer));
      e.key = g.key;
      e.name = g.name;  // the gazetteer's display name; the surface becomes an alias
    }
    e.mentions.push_back(mi);
    a.entities.push_back(std::move(e));
    return static_cast<int>(a.entities.size() - 1);
  };
  auto add_alias = [&](Entity& e, const std::string& s) {
    if (s.empty() || s == e.name) return;
    if (std::find(e.aliases.begin(), e.aliases.end(), s) == e.aliases.end()) e.aliases.push_back(s);
  };

  // 1. everything but officials: by key
  for (std::size_t mi = 0; mi < a.mentions.size(); ++mi) {
    Mention& m = a.mentions[mi];
    if (m.last <= m.first || m.type == NodeType::Official || m.description) continue;
    auto it = by_key.find(m.key);
    if (it == by_key.end()) {
      int id = new_entity(m, static_cast<int>(mi));
      by_key.emplace(m.key, id);
      m.entity = id;
      add_alias(a.entities[static_cast<std::size_t>(id)], m.surface);
    } else {
      m.entity = it->second;
      Entity& e = a.entities[static_cast<std::size_t>(it->second)];
      e.mentions.push_back(static_cast<int>(mi));
      // the fullest form is the name: "Astana platform" < "Astana process"? keep the first, but prefer longer names
      if (m.form == NameForm::Name && e.type != NodeType::Country && m.gazetteer < 0 &&
          a.mentions[static_cast<std::size_t>(e.mentions.front())].gazetteer < 0 && m.surface.size() > e.name.size() &&
          m.type != NodeType::Agreement) {
        add_alias(e, e.name);
        e.name = m.surface;
      } else {
        add_alias(e, m.surface);
      }
    }
  }

  // 2. officials: full names first (longest first), then shorter forms to the unique longer name ending with them
  std::vector<int> order;
  for (std::size_t mi = 0; mi < a.mentions.size(); ++mi)
    if (a.mentions[mi].type == NodeType::Official && !a.mentions[mi].description && a.mentions[mi].last > a.mentions[mi].first)
      order.push_back(static_cast<int>(mi));
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return word_count(a.mentions[static_cast<std::size_t>(x)].surface) > word_count(a.mentions[static_cast<std::size_t>(y)].surface);
  });
  std::map<std::string, int> person_entities;  // person_key -> entity
  ShortForms<int> short_forms;                  // the same, by their short forms
  for (int mi : order) {
    Mention& m = a.mentions[static_cast<std::size_t>(mi)];
    std::string key = person_key(m.surface);
    int target = -1;
    if (auto it = person_entities.find(key); it != person_entities.end()) {
      target = it->second;
    } else {
      // the unique known longer name this one ends with ("Putin" -> "Vladimir Putin")
      std::set<int> candidates = short_forms.ending(key);
      // else the unique longer name it starts ("Uhuru" -> "Uhuru Kenyatta", "Xi" -> "Xi Jinping")
      if (candidates.empty()) candidates = short_forms.starting(key);
      if (candidates.size() == 1) target = *candidates.begin();
      else if (candidates.size() > 1) continue;  // ambiguous surname: left unresolved
    }
    if (target < 0) {
      target = new_entity(m, mi);
    } else {
      a.entities[static_cast<std::size_t>(target)].mentions.push_back(mi);
      add_alias(a.entities[static_cast<std::size_t>(target)], m.surface);
    }
    if (person_entities.emplace(key, target).second) short_forms.add(key, target);
    m.entity = target;
    Entity& e = a.entities[static_cast<std::size_t>(target)];
    if (e.role.empty()) e.role = m.role;
    if (e.country.empty()) e.country = m.country;
    if (e.org < 0 && m.org >= 0) e.org = m.org;
  }
  // organisations of officials: mention index -> entity
  for (auto& e : a.entities)
    if (e.type == NodeType::Official && e.org >= 0) e.org = a.mentions[static_cast<std::size_t>(e.org)].entity;

  // 3. descriptions: the officials of that country holding that role; groups: the last ones named.
  // Both look things up in indexes built once (a scan of the document per
  // description made long texts quadratic).
  // named mentions with an entity, per type, in text order
  std::map<NodeType, std::vector<const Mention*>> named;
  for (const auto& o : a.mentions)
    if (!o.description && o.entity >= 0 && o.last > o.first) named[o.type].push_back(&o);
  for (auto& [type, list] : named)
    std::stable_sort(list.begin(), list.end(), [](const Mention* x, const Mention* y) {
      return x->sentence != y->sentence ? x->sentence < y->sentence : x->first < y->first;
    });
  // officials with a role, by (country, role core); a country a description gives is moved in
  std::map<std::pair<std::string, std::string>, std::vector<int>> by_role;
  for (std::size_t ei = 0; ei < a.entities.size(); ++ei) {
    const Entity& e = a.entities[ei];
    if (e.type == NodeType::Official && !e.role.empty()) by_role[{e.country, role_core(e.role)}].push_back(static_cast<int>(ei));
  }
  for (std::size_t mi = 0; mi < a.mentions.size(); ++mi) {
    Mention& m = a.mentions[mi];
    if (!m.description) continue;
    if (m.group > 0) {
      // the named mentions before it, latest first: a group refers to what was named
      // shortly before ("Turkey, Iran and Russia ... the three countries"), so the
      // search looks back over at most kGroupLookBack of them
      constexpr std::size_t kGroupLookBack = 64;
      std::vector<const Mention*> before;
      if (auto it = named.find(m.type); it != named.end()) {
        const auto& list = it->second;
        auto end = std::partition_point(list.begin(), list.end(), [&](const Mention* o) {
          return o->sentence < m.sentence || (o->sentence == m.sentence && o->last <= m.first);
        });
        for (auto k = end; k != list.begin() && before.size() < kGroupLookBack;) before.push_back(*--k);
      }
      // the latest coordinated list of exactly that many ("Turkey, Iran and Russia"), else the last ones named
      for (std::size_t b = 0; b + 1 < before.size() && m.refers.empty(); ++b) {
        std::vector<const Mention*> run{before[b]};
        for (std::size_t c = b + 1; c < before.size(); ++c) {
          const Mention* right = run.back();
          const Mention* left = before[c];
          if (left->sentence != right->sentence) break;
          bool joined = true;
          for (std::uint32_t t = left->last; t < right->first; ++t)
            if (!in_list(a.tokens[t].folded, {",", "and"})) joined = false;
          if (!joined) break;
          run.push_back(left);
        }
        std::set<int> ents;
        for (const Mention* r : run) ents.insert(r->entity);
        if (static_cast<int>(ents.size()) == m.group && static_cast<int>(run.size()) == m.group)
          for (auto it = run.rbegin(); it != run.rend(); ++it) m.refers.push_back((*it)->entity);
      }
      for (const Mention* o : before) {
        if (static_cast<int>(m.refers.size()) == m.group) break;
        if (std::find(m.refers.begin(), m.refers.end(), o->entity) == m.refers.end()) m.refers.push_back(o->entity);
      }
      if (static_cast<int>(m.refers.size()) != m.group) m.refers.clear();  // not enough named: no guess
      continue;
    }
    for (const auto& role : m.roles) {
      const std::string core = role_core(role);
      std::vector<int> hits;
      if (auto it = by_role.find({m.country, core}); it != by_role.end()) hits = it->second;
      // "the French leader": the one head of state or government of that country the document names
      if (hits.empty() && core == "leader" && !m.country.empty()) {
        for (const char* head : {"president", "prime minister", "premier", "chancellor", "king", "emir", "sultan"})
          if (auto it = by_role.find({m.country, head}); it != by_role.end())
            hits.insert(hits.end(), it->second.begin(), it->second.end());
        if (hits.size() == 1) m.refers.push_back(hits.front());
        continue;
      }
      // none of that country: the one official of that role whose country no phrase stated is the one
      // described ("the Greek president and prime minister" ... "prime minister Kyriakos Mitsotakis")
      // (a role that many hold, "minister", "spokesman", says too little)
      const bool specific = core != "minister" && core != "official" && core != "spokesman" && core != "spokesperson" &&
                            core != "ambassador" && core != "envoy" && core != "leader" && core != "chief" && core != "head" &&
                            core != "director" && core != "deputy" && core != "adviser" && core != "advisor";
      if (hits.empty() && !m.country.empty() && specific) {
        auto& stateless = by_role[{std::string(), core}];
        // ... but not one named in the description's own sentence: there they are two people ("the Ghanaian
        // president made a visit to Peru, where he was received by President X": X is the host)
        auto in_sentence = [&](int ei) {
          for (int mi : a.entities[static_cast<std::size_t>(ei)].mentions)
            if (a.mentions[static_cast<std::size_t>(mi)].sentence == m.sentence) return true;
          return false;
        };
        for (int ei : stateless)
          if (a.entities[static_cast<std::size_t>(ei)].org < 0 && !in_sentence(ei)) hits.push_back(ei);
        if (hits.size() == 1) {
          Entity& e = a.entities[static_cast<std::size_t>(hits.front())];
          e.country = m.country;
          e.country_description = static_cast<int>(m.sentence);
          stateless.erase(std::find(stateless.begin(), stateless.end(), hits.front()));
          auto& to = by_role[{e.country, core}];
          to.insert(std::lower_bound(to.begin(), to.end(), hits.front()), hits.front());
        }
      }
      if (hits.size() == 1) m.refers.push_back(hits.front());
    }
  }
}

}  // namespace irgraph::extract
