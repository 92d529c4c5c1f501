// locatedIn: places in countries and places, from the sentence and from the gazetteer.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "extract/relations/relation_rules.hpp"

namespace irgraph::extract {

namespace {

using namespace relation_rules;

/// A continent or world region of the gazetteer ("Africa", "Middle East"): in no country.
bool wide_region(const Annotation& a, const Slot& place) {
  const Mention& m = a.mentions[static_cast<std::size_t>(place.mention)];
  if (m.gazetteer < 0) return false;
  const auto& e = a.gaz.entry(static_cast<std::uint32_t>(m.gazetteer));
  return e.country.empty() && (e.kind == "continent" || e.kind == "region");
}

/// Is the span [first, last) ("X, Country") a stretch of a list ("A, X, Country and B")?
bool in_list(const Annotation& a, std::uint32_t first, std::uint32_t last, const Sentence& s) {
  const bool before = first > s.first_token && in(a.tokens[first - 1].folded, {",", "and", "or"});
  std::uint32_t next = last + 1;  // ", and the Dominican Republic"
  while (next < s.last_token && in(a.tokens[next].folded, {"and", "or", "the"})) ++next;
  const bool after = next < s.last_token && in(a.tokens[last].folded, {",", "and", "or", "&"}) && a.owner[next] >= 0 &&
                     (a.mentions[static_cast<std::size_t>(a.owner[next])].type == NodeType::Country ||
                      a.mentions[static_cast<std::size_t>(a.owner[next])].type == NodeType::Place);
  return before || after;
}

/// Tokens [from, to) read ", a city in (the) (southern)", "in (northern)" or "in the
/// (northwest) province of": the place is in what follows. With `bare` false, a bare
/// "in" ("Basra in Iraq") does not count.
bool in_country_phrase(const Annotation& a, std::uint32_t from, std::uint32_t to, bool bare = true) {
  std::uint32_t k = to;
  // "in the northwest province of": the kind of the place it is in
  if (k >= from + 3 && a.tokens[k - 1].folded == "of" && a.is(k - 2, kPlaceKind)) {
    k -= 2;
    bare = true;
  }
  while (k > from && (a.is(k - 1, kCompass) || a.tokens[k - 1].folded == "the")) --k;
  if (k == from || a.tokens[k - 1].folded != "in") return false;
  --k;
  if (k == from) return bare;  // "Basra in Iraq"
  // ", a city in" / ", an area in" / ", the capital in" (a bare ", in" joins a list: "across Europe, in India")
  if (a.tokens[from].folded != ",") return false;
  bool kind = false;
  for (std::uint32_t q = from + 1; q < k; ++q) {
    if (a.is(q, kPlaceKind)) { kind = true; continue; }
    if (!in(a.tokens[q].folded, {"a", "an", "the"})) return false;
  }
  return kind;
}

class LocatedIn : public RelationExtractor {
 public:
  std::string_view name() const override { return "located-in"; }
  std::string_view description() const override {
    return "locatedIn: \"the Kazakh capital Astana\", \"Idlib, Syria\", and the gazetteer's country when the document names it";
  }
  std::vector<Rule> rules() const override {
    return {
        {"demonym-placeword", "\"the Kazakh capital Astana\""},
        {"place-comma-country", "\"Idlib, Syria\""},
        {"place-in-country", "\"X, a city in southern Iraq\", \"X in Iraq\", \"X in the northwest province of Y\""},
        {"near-place", "\"X, about 45km south of Mosul\": in the country of the place it is measured from"},
        {"gazetteer-country", "the gazetteer's country of a place, where the document names that country"},
    };
  }
  void run(const Annotation& a, const std::vector<RelationRecord>&, Sink& sink) const override {
    std::vector<RelationRecord> out;
    Emitter emit(a, out, sink, name());
    const std::map<std::string, int> countries = country_entities(a);  // alpha-3 -> entity
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
        // "Idlib, Syria" (by the country's name, not in a list: "England, France and Germany", and never
        // a continent or region: "in Africa, Algeria has become")
        if (c.type == NodeType::Place && p.type == NodeType::Country && p.first == c.last + 1 && !wide_region(a, c) &&
            a.tokens[c.last].folded == "," && a.mentions[static_cast<std::size_t>(p.mention)].form == NameForm::Name &&
            !in_list(a, c.first, p.last, s)) {
          emit(RelationType::LocatedIn, c.entities.front(), p.entities.front(), s.index, "", "place-comma-country");
          stated.insert(c.entities.front());
        }
        // "Amarah, a city in southern Iraq", "the Ishtar Gate in Iraq", "the Tabqa Dam in northern Syria"
        if (c.type == NodeType::Place && p.type == NodeType::Country && p.first > c.last && p.first <= c.last + 8 &&
            !(p.last < s.last_token && a.tokens[p.last].folded == "'s") && in_country_phrase(a, c.last, p.first)) {
          emit(RelationType::LocatedIn, c.entities.front(), p.entities.front(), s.index, "", "place-in-country");
          stated.insert(c.entities.front());
        }
        // "Jabla in the northwest province of Latakia", "Zakho, a town in the Duhok governorate"
        if (c.type == NodeType::Place && p.type == NodeType::Place && p.first > c.last && p.first <= c.last + 8 &&
            !wide_region(a, c) && !(p.last < s.last_token && a.tokens[p.last].folded == "'s") &&
            in_country_phrase(a, c.last, p.first, false)) {
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

}  // namespace

std::unique_ptr<RelationExtractor> make_located_in() { return std::make_unique<LocatedIn>(); }

}  // namespace irgraph::extract
