// Places the text itself marks: geographic words, "the village of X", "in Eastern X", "near X, Syria", "Mount X".
#include <algorithm>
#include <map>
#include <set>
#include <span>

#include "extract/mentions/mention_rules.hpp"
#include "extract/names.hpp"

namespace irgraph::extract {

namespace {

using namespace mention_rules;


/// Places named by a geographic word ("Silala River", "Gulf of Aden", "Duhok
/// province", "Athens International Airport") or introduced by a demonym
/// ("the Jordanian city of Ramtha").
class PlaceMentions : public MentionExtractor {
 public:
  std::string_view name() const override { return "places"; }
  std::string_view description() const override {
    return "places named by a geographic word (river, gulf, province, airport ...) or as \"the <demonym> city of X\"";
  }
  std::vector<Rule> rules() const override {
    return {
        {"name-feature", "a name and a geographic word (\"Silala River\", \"Duhok province\", \"Athens International Airport\")"},
        {"feature-of-name", "a geographic word of a name (\"Gulf of Aden\", \"Strait of Hormuz\")"},
        {"prefix-name", "Mount, Lake, Cape or Fort and a name (\"Mount Sinjar\")"},
        {"kind-of-name", "\"the village of X\", \"the island of X\""},
        {"name-comma-kind", "\"X, a city in ...\", \"X, an area outside ...\""},
        {"compass-name", "a place preposition, a compass word and a name (\"in Eastern Ghouta\")"},
        {"locative-name", "a name after a place preposition that a country, a distance from a place or a list with a place follows"},
        {"name-area", "\"the Orinoco area\", \"the Kurram valley\""},
        {"demonym-place-word", "\"the Jordanian city of Ramtha\", \"the Syrian town Sarmada\""},
    };
  }
  void run(Annotation& a) const override {
    for (const auto& s : a.sentences) {
      for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
        if (a.owner[i] >= 0 || !a.tokens[i].word()) continue;
        std::string_view f = a.tokens[i].folded;
        // suffix: <Name> River / Desert / Airport / Governorate ..., or <Name> province
        if (a.is(i, kPlaceSuffix) && (a.tokens[i].cap() || a.is(i, kPlaceSuffixLower)) && i > s.first_token) {
          std::uint32_t first = i;
          std::string country;
          while (first > s.first_token && first - 1 != s.first_token + 0 && i - first < 4) {
            std::uint32_t p = first - 1;
            if (!name_word(a, p) || a.is(p, kHeadlineVerb)) break;
            if (a.owner[p] >= 0) {
              const Mention& pm = a.mentions[static_cast<std::size_t>(a.owner[p])];
              // a place, or a country by its name ("the Vatican Gardens"), names the feature
              const bool country_name = pm.type == NodeType::Country && pm.form == NameForm::Name;
              if (pm.type != NodeType::Place && !country_name) break;
              if (country.empty()) country = country_name ? pm.key.substr(8) : pm.country;
              first = pm.first;
              continue;
            }
            first = p;
          }
          if (first == s.first_token && first < i && !a.tokens[first].cap()) ++first;
          // "United States District Court", "Nile River Authority": the feature names a body
          const bool body = i + 1 < s.last_token && a.tokens[i + 1].cap() &&
                            (a.is(i + 1, kOrgHead) || a.is(i + 1, kCompanyWord) || a.is(i + 1, kThingWord));
          if (first < i && !body && !(f == "base" && !folded_is(a, i - 1, "air"))) {
            add(a, s, first, i + 1, country, "name-feature");
            continue;
          }
        }
        // prefix: Gulf of Aden, Strait of Hormuz, Sea of Azov, Lake Victoria
        if (a.is(i, kPlacePrefix) && a.tokens[i].cap() && folded_is(a, i + 1, "of") && i + 2 < s.last_token && name_word(a, i + 2)) {
          std::uint32_t last = i + 3;
          if (a.owner[i + 2] >= 0) last = std::max(last, a.mentions[static_cast<std::size_t>(a.owner[i + 2])].last);
          add(a, s, i, last, "", "feature-of-name");
          i = last - 1;
          continue;
        }
        // in Eastern Ghouta, near North Waziristan: a compass word and a name nothing else took
        if (a.is(i, kCompass) && a.tokens[i].cap() && i > s.first_token && locative(a, i - 1) && name_word(a, i + 1) &&
            a.owner[i + 1] < 0) {
          std::uint32_t e = i + 1;
          while (e < s.last_token && e - i <= 2 && name_word(a, e) && a.owner[e] < 0 && !a.is(e, kHeadlineVerb)) ++e;
          if (e < s.last_token && a.tokens[e].cap() && a.tokens[e].word()) { i = e - 1; continue; }  // a longer name
          if (!thing_words(a, i + 1, e)) {
            add(a, s, i, e, "", "compass-name");
            i = e - 1;
            continue;
          }
        }
        // near Sarmada, Syria / from Rufaila, south of Mosul / in Qamenas, Sarmin and Talamenes:
        // a name after a place preposition that a country, a distance from a place or a list with a place follows
        if (name_word(a, i) && i > s.first_token && locative(a, i - 1) && !a.is(i, kHeadlineVerb)) {
          std::uint32_t e = i;
          while (e < s.last_token && e - i < 3 && name_word(a, e) && a.owner[e] < 0) ++e;
          if (e > i && e + 1 < s.last_token && folded_is(a, e, ",") && !thing_words(a, i, e) && !is_gazetteer_span(a, i, e)) {
            std::string country;
            bool place = false;
            if (const Mention* c = owned_at(a, e + 1); c && c->type == NodeType::Country && c->form == NameForm::Name &&
                (c->last >= s.last_token || !a.tokens[c->last].cap() || folded_is(a, c->last, ","))) {
              place = true;
              country = c->key.substr(8);
            }
            const bool listed = !place && listed_with_place(a, s, e);
            if (place || listed) {
              add(a, s, i, e, country, "locative-name");
              if (listed) add_list_members(a, s, e);
              i = e - 1;
              continue;
            }
          }
        }
        // the Orinoco area, the Kurram valley: "the" + a name + a lower-case area word
        if (name_word(a, i) && i > s.first_token && folded_is(a, i - 1, "the") && a.owner[i] < 0) {
          std::uint32_t e = i;
          while (e < s.last_token && e - i < 2 && name_word(a, e) && a.owner[e] < 0) ++e;
          const std::string_view w = a.tokens[e - 1].folded;
          const bool adjective = w.size() > 4 && (w.substr(w.size() - 2) == "an" || w.substr(w.size() - 3) == "ese");
          if (e > i && e < s.last_token && !a.tokens[e].cap() && a.is(e, kAreaWord) && !thing_words(a, i, e) &&
              !is_gazetteer_span(a, i, e) && !a.tokens[i].is(kAllCaps) && w.size() >= 3 && !adjective) {
            add(a, s, i, e, "", "name-area");
            i = e;
            continue;
          }
        }
        // Mount Sinjar, Lake Khuvsgul, Cape Town's neighbours: a capitalised prefix word and a name
        if (a.is(i, kPlacePrefixName) && a.tokens[i].cap() && name_word(a, i + 1) && a.owner[i + 1] < 0 &&
            a.tokens[i + 1].is(kSpaceBefore)) {
          std::uint32_t e = i + 1;
          while (e < s.last_token && e - i <= 3 && name_word(a, e) && a.owner[e] < 0 && !a.is(e, kHeadlineVerb) &&
                 !a.is(e, kOrgHead) && !a.is(e, kThingWord) && !a.is(e, kCompanyWord))
            ++e;
          if (e == i + 1 || (i > s.first_token && a.is(i - 1, kCompass))) continue;  // "Western Cape High Court"
          add(a, s, i, e, "", "prefix-name");
          i = e - 1;
          continue;
        }
        // the village of Safina, the island of Failaka, the area of Sabboura (with no demonym before)
        if (a.is(i, kPlaceKind) && !a.tokens[i].cap() && folded_is(a, i + 1, "of") && i > s.first_token &&
            (folded_is(a, i - 1, "the") || (a.owner[i - 1] >= 0 && a.mentions[static_cast<std::size_t>(a.owner[i - 1])].type ==
                                                                       NodeType::Country))) {
          std::uint32_t k = i + 2, e = k;
          while (e < s.last_token && e - k < 3 && name_word(a, e) && a.owner[e] < 0 && !a.is(e, kHeadlineVerb)) {
            ++e;
            if (folded_is(a, e, "-") && !a.tokens[e].is(kSpaceBefore) && e + 1 < s.last_token && a.tokens[e + 1].word()) e += 2;
          }
          if (e > k && !a.is(e - 1, kOrgHead) && !a.is(e - 1, kThingWord)) {
            std::string country;
            if (a.owner[i - 1] >= 0) {
              const Mention& c = a.mentions[static_cast<std::size_t>(a.owner[i - 1])];
              if (c.type == NodeType::Country) country = c.key.substr(8);
            }
            add(a, s, k, e, country, "kind-of-name");
            i = e - 1;
            continue;
          }
        }
        // the towns of Jabla and Baniyas; towns in Northern Iraq including Rabiyah and Zumar:
        // a list of names that a plural kind of place opens
        if (a.is(i, kPlaceKinds) && !a.tokens[i].cap()) {
          std::uint32_t k = i + 1;
          std::string country;
          if (folded_is(a, k, "of")) {
            ++k;
          } else if (folded_is(a, k, "in") && owned_at(a, k + 1 + (a.is(k + 1, kCompass) ? 1 : 0))) {
            // "in (Northern) Iraq, including": the list's country
            std::uint32_t c = k + 1 + (a.is(k + 1, kCompass) ? 1 : 0);
            const Mention* m = owned_at(a, c);
            if (m->type != NodeType::Country) continue;
            country = m->key.substr(8);
            k = m->last;
            if (folded_is(a, k, ",")) ++k;
            if (folded_is(a, k, "including")) ++k;
            else if (folded_is(a, k, "such") && folded_is(a, k + 1, "as")) k += 2;
            else continue;
          } else {
            continue;
          }
          if (add_list(a, s, k, country)) i = k;
          continue;
        }
        // Amarah, a city in southern Iraq / Sabboura, an area outside Damascus
        if (name_word(a, i) && i > s.first_token && (a.owner[i - 1] < 0 || folded_is(a, i - 1, ","))) {
          std::uint32_t e = i;
          while (e < s.last_token && e - i < 3 && name_word(a, e) && a.owner[e] < 0) ++e;
          if (e > i && folded_is(a, e, ",") && (folded_is(a, e + 1, "a") || folded_is(a, e + 1, "an")) &&
              a.is(e + 2, kPlaceKind) && tok(a, e + 3) && in_list(a.tokens[e + 3].folded, {"in", "of", "near", "outside", "on", "south", "north", "east", "west"}) &&
              (i == s.first_token || !name_word(a, i - 1))) {
            add(a, s, i, e, "", "name-comma-kind");
            i = e - 1;
            continue;
          }
        }
        // the Jordanian city of Ramtha / the Syrian town Sarmada
        if (a.is(i, kPlaceKind) && i > s.first_token && a.owner[i - 1] >= 0) {
          const Mention& c = a.mentions[static_cast<std::size_t>(a.owner[i - 1])];
          if (c.type != NodeType::Country || c.form != NameForm::Demonym) continue;
          std::uint32_t k = i + 1;
          if (folded_is(a, k, "of")) ++k;
          if (k >= s.last_token || a.owner[k] >= 0 || !name_word(a, k)) continue;
          std::uint32_t e = k;
          while (e < s.last_token && e - k < 3 && name_word(a, e) && a.owner[e] < 0) {
            ++e;
            if (folded_is(a, e, "-") && !a.tokens[e].is(kSpaceBefore) && e + 1 < s.last_token && a.tokens[e + 1].word()) e += 2;
          }
          add(a, s, k, e, c.key.substr(8), "demonym-place-word");
          i = e - 1;
        }
      }
    }
  }

 private:
  /// A preposition that puts what follows in a place: "in", "near", "outside", "from", "to".
  static bool locative(const Annotation& a, std::uint32_t i) { return a.is(i, kLocative) && a.owner[i] < 0; }
  static const Mention* owned_at(const Annotation& a, std::uint32_t k) {
    if (k >= a.tokens.size() || a.owner[k] < 0) return nullptr;
    const Mention& m = a.mentions[static_cast<std::size_t>(a.owner[k])];
    return m.first == k ? &m : nullptr;
  }
  static bool thing_words(const Annotation& a, std::uint32_t first, std::uint32_t last) {
    for (std::uint32_t k = first; k < last; ++k)
      if (a.is(k, kThingWord) || a.is(k, kOrgHead) || a.is(k, kCompanyWord) || a.is(k, kStopCap) || title_word_at(a, k))
        return true;
    return false;
  }
  /// After the name, at `comma`: "(,) about 45km south of <place>" or ", X and <place>" / ", <place> and Y".
  static bool listed_with_place(const Annotation& a, const Sentence& s, std::uint32_t comma) {
    // a list of one-to-three-word names joined by "," and "and", one of them a place
    std::uint32_t k = comma;
    bool place = false, ok = true;
    while (k < s.last_token && (folded_is(a, k, ",") || folded_is(a, k, "and"))) {
      ++k;
      if (folded_is(a, k, "and")) ++k;
      if (const Mention* m = owned_at(a, k); m && m->type == NodeType::Place) {
        place = true;
        k = m->last;
        continue;
      }
      std::uint32_t e = k;
      while (e < s.last_token && e - k < 3 && name_word(a, e) && a.owner[e] < 0) ++e;
      if (e == k) { ok = false; break; }
      k = e;
    }
    if (place && ok) return true;
    // ", (about 45km) south of <place>", ", an area outside <place>"
    const std::uint32_t q = after_direction(a, comma + 1, s.last_token);
    const Mention* p = q ? owned_at(a, q) : nullptr;
    return p && (p->type == NodeType::Place || p->type == NodeType::Country);
  }

  /// The other names of a list of places that starts at `comma` ("..., Sarmin and Binnish").
  static void add_list_members(Annotation& a, const Sentence& s, std::uint32_t comma) {
    std::uint32_t k = comma;
    while (k < s.last_token && (folded_is(a, k, ",") || folded_is(a, k, "and"))) {
      ++k;
      if (folded_is(a, k, "and")) ++k;
      if (const Mention* m = owned_at(a, k)) { k = m->last; continue; }
      std::uint32_t e = k;
      while (e < s.last_token && e - k < 3 && name_word(a, e) && a.owner[e] < 0) ++e;
      if (e == k || thing_words(a, k, e)) return;
      add(a, s, k, e, "", "locative-name");
      k = e;
    }
  }

  /// "A, B and C" from `k`: names of at most three words that nothing took, each a place
  /// (in `country` when the list gives one). False when no name stands at `k`.
  static bool add_list(Annotation& a, const Sentence& s, std::uint32_t k, const std::string& country) {
    bool any = false;
    while (k < s.last_token) {
      std::uint32_t e = k;
      while (e < s.last_token && e - k < 3 && name_word(a, e) && a.owner[e] < 0 && !a.is(e, kHeadlineVerb)) {
        ++e;
        if (folded_is(a, e, "-") && !a.tokens[e].is(kSpaceBefore) && e + 1 < s.last_token && a.tokens[e + 1].word()) e += 2;
      }
      if (e == k || a.is(e - 1, kOrgHead) || a.is(e - 1, kThingWord) || thing_words(a, k, e)) break;
      add(a, s, k, e, country, "kind-of-name");
      any = true;
      k = e;
      if (folded_is(a, k, ",")) ++k;
      if (folded_is(a, k, "and")) ++k;
      if (k == e) break;  // no comma or "and": the list ended
    }
    return any;
  }

  static void add(Annotation& a, const Sentence& s, std::uint32_t first, std::uint32_t last, const std::string& country,
                  const char* rule) {
    // a place inside (Athens in "Athens International Airport") is part of the name, and
    // where the name ends on a feature word the feature lies in the inner place's country
    std::string inner;
    for (std::uint32_t k = first; k < last; ++k)
      if (a.owner[k] >= 0) {
        Mention& pm = a.mentions[static_cast<std::size_t>(a.owner[k])];
        if (pm.type != NodeType::Place && pm.type != NodeType::Country) return;
        if (inner.empty()) inner = pm.type == NodeType::Country ? pm.key.substr(8) : pm.country;
        a.release(pm);
      }
    Mention men = span_mention(a, NodeType::Place, s.index, first, last);
    if (inner.empty())  // the name starts with a known place that no mention took ("Athens International Airport")
      if (auto g = a.gaz.match(a.doc.text, a.tokens, first, last); g && g->length < last - first) {
        const auto& e = a.gaz.entry(g->entry);
        if (e.type == NodeType::Place || e.type == NodeType::Country) inner = e.type == NodeType::Country ? e.key : e.country;
      }
    men.country = country.empty() && std::string_view(rule) == "name-feature" ? inner : country;
    men.key = "place:" + fold(men.surface) + (men.country.empty() ? "" : ":" + fold(men.country));
    men.extractor = "places";
    men.rule = rule;
    a.add_mention(std::move(men));
  }
};

}  // namespace

std::unique_ptr<MentionExtractor> make_place_mentions() { return std::make_unique<PlaceMentions>(); }

}  // namespace irgraph::extract
