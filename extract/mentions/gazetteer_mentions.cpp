// Mentions from the gazetteers: countries, places, organisations, fixed-name agreements, and GeoNames towns where the text makes them places.
#include <algorithm>
#include <map>
#include <set>
#include <span>

#include "extract/mentions/mention_rules.hpp"
#include "extract/names.hpp"

namespace irgraph::extract {

namespace {

using namespace mention_rules;


class GazetteerMentions : public MentionExtractor {
 public:
  std::string_view name() const override { return "gazetteer"; }
  std::string_view description() const override {
    return "countries (names, demonyms, acronyms), places, organisations and fixed-name agreements from the gazetteers; "
           "towns only in a place context of a document that names their country";
  }
  std::vector<Rule> rules() const override {
    return {
        {"name", "a country, place, organisation or agreement by a name the gazetteers list"},
        {"demonym", "a country by its demonym or adjective (\"Turkish\", \"Russians\")"},
        {"acronym", "a country or body by its acronym, written in capitals (\"U.S.\", \"NATO\")"},
        {"town-in-context", "a GeoNames town where the words around make it a place (\"in X\", \"X, Syria\"), in an article naming its country"},
        {"town-homonym", "a GeoNames city of a country the article never names is its town homonym in one it names"},
        {"name-state", "\"Lagos State\": a state, not the city of its name"},
        {"compass-region", "a capitalised compass word before a region or continent makes another region (\"West Asia\")"},
    };
  }
  void run(Annotation& a) const override {
    // towns with their rows (homonyms); taken at the end, when the document names their country
    std::vector<std::pair<Mention, std::span<const TownRow>>> towns;
    for (const auto& s : a.sentences) {
      // "defeat at home to Godoy Cruz": in a sentence about sport, a town name is a club
      // (looked up once per sentence: per word it made a long sentence quadratic)
      bool sport = false;
      for (std::uint32_t k = s.first_token; k < s.last_token && !sport; ++k) sport = a.is(k, kSportWord);
      for (std::uint32_t i = s.first_token; i < s.last_token;) {
        auto m = a.gaz.match(a.doc.text, a.tokens, i, s.last_token);
        // a town where its name is longer than any entry here, and the text says it is a place
        auto [town_length, town_rows] = a.tokens[i].cap() && (context_before(a, s, i, towns, sport) || context_after_hint(a, s, i))
                                            ? a.gaz.town_at(a.tokens, i, s.last_token)
                                            : std::pair<std::uint32_t, std::span<const TownRow>>{};
        const bool town = town_length > (m ? m->length : 0) && place_context(a, s, i, i + town_length, towns, sport);
        if (!m && !town) { ++i; continue; }
        const std::uint32_t length = town ? town_length : m->length;
        const GazetteerEntry* e = town ? nullptr : &a.gaz.entry(m->entry);
        Mention men = span_mention(a, town ? NodeType::Place : e->type, s.index, i, i + length);
        if (!town) {
          men.form = m->form;
          men.gazetteer = static_cast<int>(m->entry);
          men.key = std::string(key_prefix(e->type)) + ":" + e->key;
          men.country = e->country;
        }
        men.extractor = "gazetteer";
        men.rule = town ? "town-in-context"
                        : m->form == NameForm::Demonym ? "demonym" : m->form == NameForm::Acronym ? "acronym" : "name";
        // A place name followed by a capitalised name word is part of a longer
        // name ("Victoria Nuland", "Washington Post"), unless a place word follows.
        if (men.type == NodeType::Place && men.last < s.last_token && name_word(a, men.last) &&
            a.tokens[men.last].is(kSpaceBefore) && !a.is(men.last, kPlaceWord) &&
            !a.gaz.match(a.doc.text, a.tokens, men.last, s.last_token)) {
          i = men.last;
          continue;
        }
        // "Freeport-McMoRan", "Victoria-Brown": a capitalised word glued by a hyphen that names no place
        // makes a compound name; "Addis Ababa-Djibouti" (a place after) and "Nairobi-based" stay places
        if (men.type == NodeType::Place && men.last + 1 < s.last_token && folded_is(a, men.last, "-") &&
            !a.tokens[men.last].is(kSpaceBefore) && !a.tokens[men.last + 1].is(kSpaceBefore) &&
            name_word(a, men.last + 1) && !a.gaz.match(a.doc.text, a.tokens, men.last + 1, s.last_token)) {
          i = men.last;
          continue;
        }
        // "La Libertad", "Buena Vista", "Torre Mercedes": a capitalised word before, that nothing
        // took and that is no title, compass or function word, makes it part of a longer name
        // (a country's name too, in ordinary text: "Te Tai Tonga MP", "Air Tanzania", "Michael Jordan")
        // (any word may open a sentence capitalised: "Especially Nigeria", "Former Panama president")
        const bool country_name = men.type == NodeType::Country && men.form == NameForm::Name && i > s.first_token + 1 &&
                                  !a.is(i - 1, kTitleTime) && !title_case(a, i);
        if ((men.type == NodeType::Place || country_name) && i > s.first_token && a.tokens[i - 1].cap() && a.tokens[i - 1].word() &&
            a.tokens[i].is(kSpaceBefore) && a.owner[i - 1] < 0 && !a.is(i - 1, kStopCap) && !a.is(i - 1, kCompass) &&
            !title_word_at(a, i - 1) && !a.is(i - 1, kHeadlineVerb) && !a.is(i - 1, kRank) && !a.is(i - 1, kHonorific) &&
            !a.tokens[i - 1].is(kAllCaps) && !a.is(i - 1, kPlaceWord) && !in_list(a.tokens[i - 1].folded, {"greater", "metro", "downtown"})) {
          i = men.last;
          continue;
        }
        // "West Asia", "North Africa", "Eastern Europe": a capitalised compass word makes another region
        if (men.type == NodeType::Place && e && e->country.empty() && i > s.first_token && a.is(i - 1, kCompass) &&
            a.tokens[i - 1].cap() && a.owner[i - 1] < 0 && i - 1 != s.first_token) {
          men.first = i - 1;
          men.surface = std::string(a.surface(men.first, men.last));
          men.key = "place:" + fold(men.surface);
          men.gazetteer = -1;
          men.rule = "compass-region";
        }
        // "Mesa de Enlace", "Santa Maria de Dota": a particle and a capitalised word after make a longer name
        if (men.type == NodeType::Place && men.last + 1 < s.last_token &&
            in_list(a.tokens[men.last].folded, {"de", "del", "da", "do", "dos", "das", "di"}) && a.tokens[men.last + 1].cap() &&
            a.tokens[men.last + 1].word()) {
          i = men.last;
          continue;
        }
        // "Idlib province", "Aleppo Governorate": the place word belongs to the place
        if (men.type == NodeType::Place && men.last < s.last_token && a.is(men.last, kPlaceWord) &&
            a.tokens[men.last].folded != "capital" && a.tokens[men.last].folded != "city") {
          men.last += 1;
          men.surface = std::string(a.surface(men.first, men.last));
          // "Lagos State", "New York State": the state, not the city
          if (a.tokens[men.last - 1].folded == "state" && a.tokens[men.last - 1].cap()) {
            men.key = "place:" + fold(men.surface) + (men.country.empty() ? "" : ":" + fold(men.country));
            men.gazetteer = -1;
            men.rule = "name-state";
          }
        }
        i += length;
        if (town) towns.push_back({std::move(men), town_rows});
        else a.add_mention(std::move(men));
      }
    }
    // Of the towns of that name, the one in a country its sentence names, else
    // in the country the document names most (ties: the larger town).
    std::map<std::string, int> named;
    std::set<std::pair<std::uint32_t, std::string>> in_sentence;
    for (const auto& m : a.mentions)
      if (m.type == NodeType::Country) ++named[m.country], in_sentence.emplace(m.sentence, m.country);
    // A gazetteer place in a country the document never names, with a town of that name in a
    // country it does name, is that town ("La Libertad" of an article on El Salvador, not Peru's region).
    for (auto& m : a.mentions) {
      if (m.type != NodeType::Place || m.gazetteer < 0 || m.country.empty() || named.count(m.country)) continue;
      std::string key;
      for (std::uint32_t k = m.first; k < m.last; ++k) {
        if (k + 1 == m.last && k > m.first && a.is(k, kPlaceWord)) break;  // "... province"
        key += (key.empty() ? "" : " ") + std::string(a.tokens[k].folded);
      }
      const GazetteerEntry& g = a.gaz.entry(static_cast<std::uint32_t>(m.gazetteer));
      if (g.population == 0) continue;  // only GeoNames cities: hand-kept places and regions are the ones news means
      for (const TownRow& row : a.gaz.towns(key)) {
        auto n = named.find(std::string(row.country));
        // a town a tenth of the city's size or more: Paris, Texas never stands for Paris
        if (n == named.end() || (g.population > 0 && row.population * 10ull < g.population)) continue;
        m.gazetteer = -1;
        m.country = n->first;
        m.key = "place:" + fold(row.name) + ":" + fold(m.country);
        m.rule = "town-homonym";
        break;
      }
    }
    for (auto& [t, rows] : towns) {
      const TownRow* best = nullptr;
      int best_score = 0;
      for (const TownRow& row : rows) {  // largest first: a tie keeps the larger
        auto n = named.find(std::string(row.country));
        if (n == named.end()) continue;
        const int score = (in_sentence.count({t.sentence, n->first}) ? 1000000 : 0) + n->second;
        if (score > best_score) best = &row, best_score = score;
      }
      if (!best) continue;
      // the town's node: its GeoNames name and country (the spelling written stays an alias)
      t.country = std::string(best->country);
      t.key = "place:" + fold(best->name) + ":" + fold(t.country);
      a.add_mention(std::move(t));
    }
  }

 private:
  /// Does the text say that tokens [first, last) name a place? "in/near/outside X",
  /// "the town of X", "south of X", "X, Syria", "X province", or coordinated
  /// with a place just before ("Aleppo and X").
  static bool place_context(const Annotation& a, const Sentence& s, std::uint32_t first, std::uint32_t last,
                            const std::vector<std::pair<Mention, std::span<const TownRow>>>& towns, bool sport) {
    if (last < s.last_token && a.is(last, kPlaceWord) && a.tokens[last].folded != "capital") return true;
    if (last + 1 < s.last_token && folded_is(a, last, ",")) {
      auto c = a.gaz.match(a.doc.text, a.tokens, last + 1, s.last_token);
      if (c && a.gaz.entry(c->entry).type == NodeType::Country && c->form == NameForm::Name) return true;
    }
    return context_before(a, s, first, towns, sport);
  }

  /// Does something after a capitalised word at `first` perhaps say it is a place (", Syria", "province")?
  /// (A cheap test before the town look-up: most capitalised words are no town in no place context.)
  static bool context_after_hint(const Annotation& a, const Sentence& s, std::uint32_t first) {
    for (std::uint32_t k = first + 1; k < s.last_token && k <= first + 4; ++k) {
      if (folded_is(a, k, ",") || a.is(k, kPlaceWord)) return true;
      if (!name_word(a, k) && !folded_is(a, k, "-")) return false;  // the name ended on no place sign
    }
    return false;
  }

  /// The words before: "in/near/outside X", "the town of X", "south of X", "Aleppo and X";
  /// never in a sentence about sport (`sport`), where a town name is a club.
  static bool context_before(const Annotation& a, const Sentence& s, std::uint32_t first,
                             const std::vector<std::pair<Mention, std::span<const TownRow>>>& towns, bool sport) {
    if (first <= s.first_token || sport) return false;
    if (a.is(first, kStopCap)) return false;  // "in June"
    const std::string_view p = a.tokens[first - 1].folded;
    if (a.is(first - 1, kLocative) || p == "at" || p == "to" || p == "around") return true;
    // "Kenya's Voi"
    if (p == "'s" && first >= s.first_token + 2 && a.owner[first - 2] >= 0 &&
        a.mentions[static_cast<std::size_t>(a.owner[first - 2])].type == NodeType::Country)
      return true;
    if (p == "of" && first >= s.first_token + 2 &&
        (a.is(first - 2, kPlaceKind) ||
         in_list(a.tokens[first - 2].folded, {"outskirts", "north", "south", "east", "west", "northeast", "northwest",
                                               "southeast", "southwest", "centre", "center", "suburbs", "residents"})))
      return true;
    if ((p == "," || p == "and") && first >= s.first_token + 2) {
      const std::uint32_t before = first - 2;
      if (a.owner[before] >= 0 && a.mentions[static_cast<std::size_t>(a.owner[before])].type == NodeType::Place) return true;
      if (!towns.empty() && towns.back().first.last == before + 1) return true;
      // "in Kafr Ruma, Sarmin": a list of names that a place preposition opens
      std::uint32_t k = before + 1;
      while (k > s.first_token && k + 8 > first &&
             (name_word(a, k - 1) || folded_is(a, k - 1, ",") || folded_is(a, k - 1, "and") || folded_is(a, k - 1, "-")))
        --k;
      if (k > s.first_token && k < first - 1 && name_word(a, k) && a.is(k - 1, kLocative)) return true;
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<MentionExtractor> make_gazetteer_mentions() { return std::make_unique<GazetteerMentions>(); }

}  // namespace irgraph::extract
