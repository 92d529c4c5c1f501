// Relation extractors: each reads the annotated document and emits the
// relations of one ontology type (or a family of cues) with their evidence.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "extract/pipeline.hpp"

namespace irgraph::extract {

namespace {

/// A mention as a relation participant: its token span and the entities it stands for.
struct Slot {
  int mention = -1;
  std::uint32_t first = 0, last = 0;
  NodeType type = NodeType::Country;
  std::vector<int> entities;
};

std::vector<Slot> slots_of(const Annotation& a, std::uint32_t sentence) {
  std::vector<Slot> out;
  for (int mi : a.mentions_in(sentence)) {
    const Mention& m = a.mentions[static_cast<std::size_t>(mi)];
    Slot s{mi, m.first, m.last, m.type, {}};
    if (m.description) s.entities = m.refers;
    else if (m.entity >= 0) s.entities = {m.entity};
    if (s.entities.empty()) continue;
    out.push_back(std::move(s));
  }
  return out;
}

bool in(std::string_view f, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), f) != set.end();
}

/// Emits relations with their evidence: the sentence, its date, the trace.
class Emitter {
 public:
  Emitter(const Annotation& a, std::vector<RelationRecord>& out, Sink& sink, std::string_view extractor)
      : a_(a), out_(out), sink_(sink), extractor_(extractor) {}

  void operator()(RelationType type, int source, int target, std::uint32_t sentence, std::string value,
                  std::string_view rule) {
    if (source < 0 || target < 0 || source == target) return;
    const auto& s = a_.sentences.at(sentence);
    RelationRecord r;
    r.type = type;
    r.source = source;
    r.target = target;
    r.evidence.doc_id = a_.doc.id;
    r.evidence.sentence = s.index;
    r.evidence.begin = s.begin;
    r.evidence.end = s.end;
    r.evidence.text = std::string(a_.doc.text.substr(s.begin, s.end - s.begin));
    // geography has no event date
    if (type != RelationType::LocatedIn) r.evidence.date = a_.sentence_date(sentence);
    r.evidence.value = std::move(value);
    r.evidence.extractor = std::string(extractor_);
    r.evidence.rule = std::string(rule);
    // one evidence per (relation, sentence, rule) is enough
    for (const auto& o : out_)
      if (o.type == r.type && o.source == r.source && o.target == r.target && o.evidence.sentence == r.evidence.sentence)
        return;
    out_.push_back(r);
    sink_.on_relation(r);
  }

 private:
  const Annotation& a_;
  std::vector<RelationRecord>& out_;
  Sink& sink_;
  std::string_view extractor_;
};

/// Negation, refusal, cancellation or a condition before the trigger in its clause.
bool negated_or_conditional(const Annotation& a, const Sentence& s, std::uint32_t trigger) {
  std::uint32_t from = trigger > s.first_token + 8 ? trigger - 8 : s.first_token;
  for (std::uint32_t k = from; k < trigger; ++k) {
    std::string_view f = a.tokens[k].folded;
    if (in(f, {"not", "never", "no", "refused", "refuses", "declined", "denied", "denies", "cancelled", "canceled",
               "cancels", "postponed", "if", "unless", "won", "didn", "doesn", "wouldn", "failed", "rejected"}))
      return true;
    if (f == "'" && k + 1 < trigger && a.tokens[k + 1].folded == "t") return true;
  }
  // "... the meeting was cancelled" after the trigger
  for (std::uint32_t k = trigger + 1; k < s.last_token && k < trigger + 5; ++k)
    if (in(a.tokens[k].folded, {"cancelled", "canceled", "postponed", "called"}) &&
        !(a.tokens[k].folded == "called" && k + 1 < s.last_token && a.tokens[k + 1].folded != "off"))
      return true;
  return false;
}

/// Future or planned: "will visit", "is expected to visit", "plans to travel".
bool planned(const Annotation& a, const Sentence& s, std::uint32_t trigger) {
  std::uint32_t from = trigger > s.first_token + 6 ? trigger - 6 : s.first_token;
  for (std::uint32_t k = from; k < trigger; ++k) {
    std::string_view f = a.tokens[k].folded;
    if (in(f, {"will", "shall", "expected", "scheduled", "plans", "planned", "planning", "due", "set", "upcoming",
               "intends", "would", "going"}))
      return true;
  }
  return false;
}

/// Tokens that may stand between coordinated participants: ",", "and",
/// "his", "her", "counterpart"; title and qualifier tokens are owned by mentions.
bool coordination_gap(const Annotation& a, std::uint32_t from, std::uint32_t to, bool allow_qualifiers) {
  for (std::uint32_t k = from; k < to; ++k) {
    const Token& t = a.tokens[k];
    if (in(t.folded, {",", "and", "as", "well", "his", "her", "their", "its", "the", "counterpart", "counterparts", "both",
                      "(", ")", "then", "former"}))
      continue;
    if (allow_qualifiers && a.owner[k] >= 0) continue;
    return false;
  }
  return true;
}

/// The coordinated group of slots of `types` ending right before token `before`
/// ("X, Y and Z accompanied"): indices into slots, in text order.
std::vector<std::size_t> group_before(const Annotation& a, const std::vector<Slot>& slots, std::uint32_t before,
                                      std::initializer_list<NodeType> types, std::uint32_t max_gap = 12) {
  std::vector<std::size_t> g;
  int i = static_cast<int>(slots.size()) - 1;
  while (i >= 0 && slots[static_cast<std::size_t>(i)].last > before) --i;
  // nearest slot of the type before the trigger, within max_gap tokens
  while (i >= 0 && std::find(types.begin(), types.end(), slots[static_cast<std::size_t>(i)].type) == types.end()) --i;
  if (i < 0 || before - slots[static_cast<std::size_t>(i)].last > max_gap) return g;
  g.push_back(static_cast<std::size_t>(i));
  std::uint32_t left = slots[static_cast<std::size_t>(i)].first;
  for (int j = i - 1; j >= 0; --j) {
    const Slot& s = slots[static_cast<std::size_t>(j)];
    if (std::find(types.begin(), types.end(), s.type) == types.end()) {
      // qualifiers (countries, organisations) inside a titled name are fine
      continue;
    }
    if (!coordination_gap(a, s.last, left, true)) break;
    g.push_back(static_cast<std::size_t>(j));
    left = s.first;
  }
  std::reverse(g.begin(), g.end());
  return g;
}

/// Tokens in [from, slot.first) that belong to the slot's mention or to the
/// countries and bodies inside its title ("Head of Iran Small Industries ... Organization").
std::uint32_t title_tokens(const Annotation& a, const Slot& slot, std::uint32_t from) {
  std::uint32_t n = 0;
  for (std::uint32_t k = slot.first; k > from && a.owner[k - 1] >= 0; --k) {
    const Mention& m = a.mentions[static_cast<std::size_t>(a.owner[k - 1])];
    if (a.owner[k - 1] != slot.mention && m.type != NodeType::Country && m.type != NodeType::Organization) break;
    ++n;
  }
  return n;
}

/// The coordinated group of slots of `types` starting after token `after`.
std::vector<std::size_t> group_after(const Annotation& a, const std::vector<Slot>& slots, std::uint32_t after,
                                     std::uint32_t end, std::initializer_list<NodeType> types, std::uint32_t max_gap = 12) {
  std::vector<std::size_t> g;
  std::size_t i = 0;
  while (i < slots.size() && slots[i].first < after) ++i;
  while (i < slots.size() && std::find(types.begin(), types.end(), slots[i].type) == types.end()) ++i;
  // the gap counts no token of the slot's own title ("met with Head of ... Organization (KOSGEB) Ali Rasoulian")
  if (i >= slots.size() || slots[i].first >= end || slots[i].first - after - title_tokens(a, slots[i], after) > max_gap) return g;
  g.push_back(i);
  std::uint32_t right = slots[i].last;
  for (std::size_t j = i + 1; j < slots.size(); ++j) {
    const Slot& s = slots[j];
    if (s.first >= end) break;
    if (std::find(types.begin(), types.end(), s.type) == types.end()) continue;
    if (!coordination_gap(a, right, s.first, true)) break;
    g.push_back(j);
    right = s.last;
  }
  return g;
}

std::vector<int> entities_of(const std::vector<Slot>& slots, const std::vector<std::size_t>& group) {
  std::vector<int> out;
  for (auto i : group)
    for (int e : slots[i].entities)
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  return out;
}

std::string meeting_mode(const Annotation& a, const Sentence& s) {
  for (std::uint32_t k = s.first_token; k < s.last_token; ++k)
    if (in(a.tokens[k].folded, {"phone", "telephone", "phoned", "call", "videoconference", "video", "telephoned"}))
      return "call";
  return "meeting";
}

// ----------------------------------------------------------------- metWith

class MetWith : public RelationExtractor {
 public:
  std::string_view name() const override { return "met-with"; }
  std::string_view description() const override {
    return "metWith: met, held talks, discussed, spoke by phone, received or hosted; pairwise for groups";
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
        auto subj = entities_of(slots, group_before(a, slots, k, {NodeType::Official}));
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
        auto obj = entities_of(slots, objg);
        if (!subj.empty() && !obj.empty()) {
          for (int x : subj)
            for (int y : obj) emit(RelationType::MetWith, std::min(x, y), std::max(x, y), s.index, mode, "subject-verb-object");
        } else if (subj.size() >= 2 && obj.empty() &&
                   in(f, {"met", "discussed", "talks", "talked", "spoke", "conferred", "negotiations"})) {
          pairwise(emit, subj, s.index, mode, "coordinated-subjects");
        }
      }
    }
  }

 private:
  static void pairwise(Emitter& emit, const std::vector<int>& people, std::uint32_t sentence, const std::string& mode,
                       std::string_view rule) {
    for (std::size_t i = 0; i < people.size(); ++i)
      for (std::size_t j = i + 1; j < people.size(); ++j)
        emit(RelationType::MetWith, std::min(people[i], people[j]), std::max(people[i], people[j]), sentence, mode, rule);
  }
};

// -------------------------------------------------------------- accompanied

class Accompanied : public RelationExtractor {
 public:
  std::string_view name() const override { return "accompanied"; }
  std::string_view description() const override {
    return "accompanied: \"X, Y and Z accompanied W\", \"W, accompanied by X\"";
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

// ---------------------------------------------------------------- signed

class Signed : public RelationExtractor {
 public:
  std::string_view name() const override { return "signed"; }
  std::string_view description() const override {
    return "signed: \"X and Y signed A\", \"A was signed/reached/concluded between X and Y\"";
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

// ------------------------------------------------------- guarantorOf, partyTo

class GuarantorParty : public RelationExtractor {
 public:
  std::string_view name() const override { return "guarantor-party"; }
  std::string_view description() const override {
    return "guarantorOf: guarantor countries of an agreement (resolved to the countries named); "
           "partyTo: launched, joined, brokered or mediated it";
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

// ---------------------------------------------------------------- visited

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
                               "continuing", "moving", "moved", "on", "to", "in", "at", "the", "his", "her", "their", "a", "-"});
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
    for (const auto& s : a.sentences) {
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
            emit(RelationType::Visited, who, target, s.index, status, travel ? "travel-verb" : "talks-in-place");
          }
        }
      }
    }
  }
};

// -------------------------------------------------------------- locatedIn

/// Tokens [from, to) read ", a city in (the) (southern)" or "in (northern)": the place is in what follows.
bool in_country_phrase(const Annotation& a, std::uint32_t from, std::uint32_t to) {
  std::uint32_t k = to;
  while (k > from && (a.is(k - 1, kCompass) || a.tokens[k - 1].folded == "the")) --k;
  if (k == from || a.tokens[k - 1].folded != "in") return false;
  --k;
  if (k == from) return true;  // "Basra in Iraq"
  // ", a city in" / ", an area in" / ", the capital in"
  if (a.tokens[from].folded != ",") return false;
  for (std::uint32_t q = from + 1; q < k; ++q)
    if (!in(a.tokens[q].folded, {"a", "an", "the"}) && !a.is(q, kPlaceKind)) return false;
  return true;
}

class LocatedIn : public RelationExtractor {
 public:
  std::string_view name() const override { return "located-in"; }
  std::string_view description() const override {
    return "locatedIn: \"the Kazakh capital Astana\", \"Idlib, Syria\", and the gazetteer's country when the document names it";
  }
  void run(const Annotation& a, const std::vector<RelationRecord>&, Sink& sink) const override {
    std::vector<RelationRecord> out;
    Emitter emit(a, out, sink, name());
    std::map<std::string, int> countries;  // alpha-3 -> entity
    for (std::size_t i = 0; i < a.entities.size(); ++i)
      if (a.entities[i].type == NodeType::Country) countries.emplace(a.entities[i].key, static_cast<int>(i));
    std::set<int> stated;
    for (const auto& s : a.sentences) {
      auto slots = slots_of(a, s.index);
      for (std::size_t i = 0; i + 1 < slots.size(); ++i) {
        const Slot& c = slots[i];
        const Slot& p = slots[i + 1];
        // "the Kazakh capital Astana", "the Syrian city of Aleppo"
        if (c.type == NodeType::Country && p.type == NodeType::Place && p.first > c.last && p.first <= c.last + 3) {
          bool word = false;
          for (std::uint32_t k = c.last; k < p.first; ++k)
            if (in(a.tokens[k].folded, {"capital", "city", "town", "province", "region", "district", "village", "port"}))
              word = true;
          if (word) {
            emit(RelationType::LocatedIn, p.entities.front(), c.entities.front(), s.index, "", "demonym-placeword");
            stated.insert(p.entities.front());
          }
        }
        // "Idlib, Syria"
        if (c.type == NodeType::Place && p.type == NodeType::Country && p.first == c.last + 1 &&
            a.tokens[c.last].folded == ",") {
          emit(RelationType::LocatedIn, c.entities.front(), p.entities.front(), s.index, "", "place-comma-country");
          stated.insert(c.entities.front());
        }
        // "Amarah, a city in southern Iraq", "the Ishtar Gate in Iraq", "the Tabqa Dam in northern Syria"
        if (c.type == NodeType::Place && p.type == NodeType::Country && p.first > c.last && p.first <= c.last + 8 &&
            !(p.last < s.last_token && a.tokens[p.last].folded == "'s") && in_country_phrase(a, c.last, p.first)) {
          emit(RelationType::LocatedIn, c.entities.front(), p.entities.front(), s.index, "", "place-in-country");
          stated.insert(c.entities.front());
        }
        // "the village of Safina, about 45km south of Mosul", "Sabboura, an area outside Damascus":
        // in the country of the place it is measured from
        if (c.type == NodeType::Place && p.type == NodeType::Place && p.first > c.last && p.first <= c.last + 12 &&
            !stated.count(c.entities.front()) && after_direction(a, c.last, p.first) == p.first) {
          const Entity& ref = a.entities[static_cast<std::size_t>(p.entities.front())];
          auto it = countries.find(ref.country);
          if (!ref.country.empty() && it != countries.end() && a.entities[static_cast<std::size_t>(c.entities.front())].country.empty()) {
            emit(RelationType::LocatedIn, c.entities.front(), it->second, s.index, "", "near-place");
            stated.insert(c.entities.front());
          }
        }
      }
    }
    // the gazetteer's country, when the document names that country
    for (std::size_t i = 0; i < a.entities.size(); ++i) {
      const Entity& e = a.entities[i];
      if (e.type != NodeType::Place || e.country.empty() || stated.count(static_cast<int>(i))) continue;
      auto it = countries.find(e.country);
      if (it == countries.end()) continue;
      const Mention& m = a.mentions[static_cast<std::size_t>(e.mentions.front())];
      emit(RelationType::LocatedIn, static_cast<int>(i), it->second, m.sentence, "", "gazetteer-country");
    }
  }
};

// -------------------------------------------------------------- officialOf

class OfficialOf : public RelationExtractor {
 public:
  std::string_view name() const override { return "official-of"; }
  std::string_view description() const override {
    return "officialOf with role: the country or body stated with the title, the delegation's country, "
           "and a delegation member's leader's country";
  }
  void run(const Annotation& a, const std::vector<RelationRecord>& emitted, Sink& sink) const override {
    std::vector<RelationRecord> out;
    Emitter emit(a, out, sink, name());
    std::map<std::string, int> countries;
    for (std::size_t i = 0; i < a.entities.size(); ++i)
      if (a.entities[i].type == NodeType::Country) countries.emplace(a.entities[i].key, static_cast<int>(i));
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
          emit(RelationType::OfficialOf, static_cast<int>(i), it->second, sentence, role, "stated-country");
          country_of[i] = e.country;
        }
      }
      if (e.org >= 0) emit(RelationType::OfficialOf, static_cast<int>(i), e.org, sentence, role, "stated-body");
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

std::vector<std::unique_ptr<RelationExtractor>> make_relation_extractors() {
  std::vector<std::unique_ptr<RelationExtractor>> v;
  v.push_back(std::make_unique<MetWith>());
  v.push_back(std::make_unique<Accompanied>());
  v.push_back(std::make_unique<Signed>());
  v.push_back(std::make_unique<GuarantorParty>());
  v.push_back(std::make_unique<LocatedIn>());
  v.push_back(std::make_unique<OfficialOf>());
  v.push_back(std::make_unique<Visited>());  // after officialOf: it needs officials' countries
  return v;
}

}  // namespace irgraph::extract
