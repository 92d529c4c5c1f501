// Helpers the relation extractors share: participants (slots), coordination,
// negation and planning cues, and the emitter that attaches evidence.
#include "extract/relations/relation_rules.hpp"

#include <algorithm>

namespace irgraph::extract::relation_rules {

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
                      "(", ")", "then", "former", "'s"}))
      continue;
    if (allow_qualifiers && a.owner[k] >= 0) continue;
    return false;
  }
  return true;
}

/// The coordinated group of slots of `types` ending right before token `before`
/// ("X, Y and Z accompanied"): indices into slots, in text order.
std::vector<std::size_t> group_before(const Annotation& a, const std::vector<Slot>& slots, std::uint32_t before,
                                      std::initializer_list<NodeType> types, std::uint32_t max_gap) {
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
                                     std::uint32_t end, std::initializer_list<NodeType> types, std::uint32_t max_gap) {
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

std::map<std::string, int> country_entities(const Annotation& a) {
  std::map<std::string, int> countries;
  for (std::size_t i = 0; i < a.entities.size(); ++i)
    if (a.entities[i].type == NodeType::Country) countries.emplace(a.entities[i].key, static_cast<int>(i));
  return countries;
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

/// "he"/"she" before a meeting verb, or "his"/"her" right before a meeting noun, stands for the official
/// named last before it in the sentence; with none there, in "During his meeting with X, President Y said",
/// for the first official after the object's phrase, else for the first official of the sentence before.
std::vector<int> pronoun_subject(const Annotation& a, const Sentence& s, const std::vector<Slot>& slots,
                                        std::uint32_t trigger, const std::vector<std::size_t>& object) {
  std::uint32_t pronoun = trigger;
  // "his meeting", "his official visit", "her first state visit"
  for (std::uint32_t q = trigger; q > s.first_token && trigger - q < 3 && pronoun == trigger; --q) {
    if (in(a.tokens[q - 1].folded, {"his", "her"})) pronoun = q - 1;
    else if (!a.tokens[q - 1].word() || a.tokens[q - 1].cap()) break;
  }
  for (std::uint32_t q = trigger; pronoun == trigger && q > s.first_token && trigger - q < 10; --q)
    if (in(a.tokens[q - 1].folded, {"he", "she"})) pronoun = q - 1;
  if (pronoun == trigger) return {};
  auto single = [](const Slot& sl) { return sl.entities.size() == 1 ? sl.entities : std::vector<int>{}; };
  for (auto it = slots.rbegin(); it != slots.rend(); ++it)
    if (it->type == NodeType::Official && it->last <= pronoun) {
      // another person may stand between ("Biden ... an American president after his talks"): no guess
      if (person_between(a, it->last, pronoun)) return {};
      for (std::uint32_t q = it->last; q < pronoun; ++q)
        if (in(a.tokens[q].folded, {";", ":"})) return {};  // another clause: "Xi praised Abe; he was the last ..."
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
bool person_between(const Annotation& a, std::uint32_t from, std::uint32_t to) {
  for (std::uint32_t q = from; q < to; ++q) {
    if (a.owner[q] >= 0 && a.mentions[static_cast<std::size_t>(a.owner[q])].description) return true;  // "an American president"
    if (a.owner[q] < 0 && a.gaz.title_word(a.tokens[q].folded).cls == TitleClass::Head) return true;
  }
  return false;
}

}  // namespace irgraph::extract::relation_rules
