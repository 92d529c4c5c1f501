// Mention extractors (gazetteer, agreements, organisations, officials,
// descriptions) and in-document coreference.
#include <algorithm>
#include <map>
#include <set>

#include "extract/names.hpp"
#include "extract/pipeline.hpp"

namespace irgraph::extract {

namespace {

// ---------------------------------------------------------------- word lists
// (the lists are in lexicon.cpp; each token's classes are looked up once)

/// Head nouns of agreement names, and whether "<Name> <head>" of that head
/// names the same thing as any other head of its group ("Astana process",
/// "Astana platform", "Astana talks" are one).
struct AgreementHead {
  bool known = false;
  bool mergeable = false;
};
AgreementHead agreement_head(const Annotation& a, std::uint32_t i) {
  if (a.is(i, kAgreementHeadMerge)) return {true, true};
  if (a.is(i, kAgreementHeadOther)) return {true, false};
  if (i < a.tokens.size() && a.tokens[i].folded == "cease") return {true, false};  // "cease-fire": checked by the caller
  return {};
}

bool in_list(std::string_view f, std::initializer_list<std::string_view> l) {
  return std::find(l.begin(), l.end(), f) != l.end();
}

const Token* tok(const Annotation& a, std::uint32_t i) { return i < a.tokens.size() ? &a.tokens[i] : nullptr; }

bool folded_is(const Annotation& a, std::uint32_t i, std::string_view f) {
  const Token* t = tok(a, i);
  return t && t->folded == f;
}

/// A mention of `type` over tokens [first, last) of a sentence, its surface taken from the text.
Mention span_mention(const Annotation& a, NodeType type, std::uint32_t sentence, std::uint32_t first, std::uint32_t last) {
  Mention m;
  m.type = type;
  m.sentence = sentence;
  m.first = first;
  m.last = last;
  m.surface = std::string(a.surface(first, last));
  return m;
}

// -------------------------------------------------------------- title parse

struct Title {
  std::uint32_t end = 0;  ///< token after the title
  std::string role;       ///< canonical ("Deputy Foreign Minister")
  bool plural = false;    ///< "ministers"
  bool counterpart = false;
  std::vector<std::string> coordinated;  ///< "foreign and defense ministers" -> {"Foreign Minister", "Defense Minister"}
};

std::string capitalise(std::string_view s) {
  std::string r(s);
  if (!r.empty() && r[0] >= 'a' && r[0] <= 'z') r[0] = static_cast<char>(r[0] - 'a' + 'A');
  return r;
}

/// The title word at token i: its lexicon entry (plural heads accepted).
const TitleWord* title_word_at(const Annotation& a, std::uint32_t i, bool* plural = nullptr, bool lenient = false) {
  const Token* t = tok(a, i);
  if (!t || !t->word()) return nullptr;
  const TitleWord* w = &a.title_exact(i);
  if (w->cls == TitleClass::None && a.title_singular(i)) {
    w = a.title_singular(i);
    if (w->cls != TitleClass::Head) return nullptr;
    if (plural) *plural = true;
  }
  if (w->cls == TitleClass::None) return nullptr;
  // "chief", "head", "leader" count as titles only capitalised, unless the
  // context already says a title comes ("Sadr, the leader of ...")
  if (w->cap_only && !t->cap() && w->cls == TitleClass::Head && !lenient) return nullptr;
  return w;
}

std::string word_for_role(const Annotation& a, std::uint32_t i, const TitleWord& w) {
  if (!w.canonical.empty()) return w.canonical;
  std::string f(a.tokens[i].folded);
  if (f.size() > 3 && f.back() == 's' && a.gaz.title_word(f).cls == TitleClass::None) f.pop_back();
  if (f == "mp") return "MP";
  return capitalise(f);
}

/// Parses a title starting at token i ("Foreign Minister", "Minister of
/// Foreign Affairs", "Secretary-General", "foreign and defense ministers",
/// "counterpart").
std::optional<Title> parse_title(const Annotation& a, std::uint32_t i, std::uint32_t end, bool lenient = false) {
  Title t;
  if (folded_is(a, i, "counterpart") || folded_is(a, i, "counterparts")) {
    t.end = i + 1;
    t.counterpart = true;
    t.plural = folded_is(a, i, "counterparts");
    return t;
  }
  std::vector<std::string> words;
  std::vector<std::vector<std::string>> alternatives;  // coordinated modifiers: foreign and defense
  bool head = false, plural = false;
  std::uint32_t k = i, last_good = i;
  while (k < end) {
    bool pl = false;
    const TitleWord* w = title_word_at(a, k, &pl, lenient);
    if (w) {
      words.push_back(word_for_role(a, k, *w));
      if (w->cls == TitleClass::Head) { head = true; last_good = k + 1; plural = pl; }
      ++k;
      continue;
    }
    // joiners: hyphen without spaces (Secretary-General), "of"/"for" (Minister of Foreign Affairs),
    // "and" between modifiers (foreign and defense ministers)
    const Token* tk = tok(a, k);
    if (!tk) break;
    if (tk->folded == "-" && !tk->is(kSpaceBefore) && k + 1 < end && !a.tokens[k + 1].is(kSpaceBefore) &&
        title_word_at(a, k + 1) && !words.empty()) {
      words.back() += "-";
      ++k;
      // glue next word onto this one
      const TitleWord* w2 = title_word_at(a, k);
      words.back() += word_for_role(a, k, *w2);
      if (w2->cls == TitleClass::Head || head) { head = true; last_good = k + 1; }  // "Prime Minister-designate"
      ++k;
      continue;
    }
    if ((tk->folded == "of" || tk->folded == "for") && head && k + 1 < end) {
      std::uint32_t m = k + 1;
      if (folded_is(a, m, "the")) ++m;
      std::vector<std::string> domain;
      while (m < end) {
        const TitleWord* w2 = title_word_at(a, m);
        if (!w2 || w2->cls != TitleClass::Modifier) break;
        if (a.tokens[m].folded == "state" || a.tokens[m].folded == "staff") domain.push_back(capitalise(a.tokens[m].folded));
        else domain.push_back(word_for_role(a, m, *w2));
        ++m;
        if (folded_is(a, m, "and") && title_word_at(a, m + 1)) { domain.push_back("and"); ++m; }
      }
      if (domain.empty()) break;
      // "Minister of Foreign Affairs" -> "Foreign Minister"; "Secretary of State" stays
      if (!domain.empty() && domain.back() == "Affairs") domain.pop_back();
      std::string dom;
      for (const auto& d : domain) dom += (dom.empty() ? "" : " ") + d;
      if (dom == "State" || dom == "Staff" || words.empty()) {
        words.push_back("of " + dom);
      } else {
        std::string h = words.back();
        words.back() = dom + " " + h;
      }
      k = m;
      last_good = k;
      continue;
    }
    if (tk->folded == "and" && !head && !words.empty()) {
      // "foreign and defense ministers": modifiers on both sides of "and", then a head
      std::uint32_t m = k + 1;
      std::vector<std::string> second;
      while (m < end) {
        const TitleWord* w2 = title_word_at(a, m);
        if (!w2 || w2->cls != TitleClass::Modifier) break;
        second.push_back(word_for_role(a, m, *w2));
        ++m;
      }
      bool pl2 = false;
      const TitleWord* h2 = title_word_at(a, m, &pl2);
      if (second.empty() || !h2 || h2->cls != TitleClass::Head) break;
      alternatives.push_back(words);
      words = second;
      k = m;
      continue;
    }
    break;
  }
  if (!head) return std::nullopt;
  t.end = last_good;
  // drop trailing words past the last head that "of"-handling did not take
  std::string role;
  for (const auto& w : words) {
    if (!role.empty() && role.back() != '-' ) role += ' ';
    role += w;
  }
  t.role = role;
  t.plural = plural;
  if (!alternatives.empty()) {
    std::string head_word = words.back();
    for (auto& alt : alternatives) {
      std::string r;
      for (const auto& w : alt) r += w + " ";
      t.coordinated.push_back(r + head_word);
    }
    t.coordinated.push_back(role);
  }
  return t;
}

// --------------------------------------------------------------- name parse

bool name_word(const Annotation& a, std::uint32_t i) {
  const Token* t = tok(a, i);
  if (!t || !t->word() || t->is(kNumber)) return false;
  if (!t->cap()) return false;
  if (a.is(i, kStopCap)) return false;
  return true;
}

/// A person's name starting at token i: capitalised words, particles
/// (al-, bin, van ...), initials ("W."), hyphenated parts; ends on a
/// capitalised word. Returns the end token, or i when there is none.
std::uint32_t parse_person_name(const Annotation& a, std::uint32_t i, std::uint32_t end, bool allow_gazetteer = false) {
  std::uint32_t k = i, last_ok = i;
  int words = 0;
  while (k < end && words < 6) {
    const Token& t = a.tokens[k];
    if (k > i && t.is(kLineBefore)) break;
    if (name_word(a, k)) {
      if (words > 0 && a.is(k, kHeadlineVerb)) break;
      // a country, organisation or agreement name is not part of a person's name
      if (!allow_gazetteer && a.owner[k] >= 0) {
        const Mention& m = a.mentions[static_cast<std::size_t>(a.owner[k])];
        if (m.type != NodeType::Place) break;
      }
      // a title word starts a new phrase ("Erdoğan and German Chancellor")
      if (title_word_at(a, k) && a.title_exact(k).cls == TitleClass::Head && words > 0) break;
      ++words;
      ++k;
      last_ok = k;
      // initial: "W."
      if (a.tokens[k - 1].end - a.tokens[k - 1].begin == 1 && folded_is(a, k, ".") && !a.tokens[k].is(kSpaceBefore)) {
        ++k;
        last_ok = k;
      }
      // hyphenated: Jean-Baptiste, Al-Sisi
      if (folded_is(a, k, "-") && !a.tokens[k].is(kSpaceBefore) && k + 1 < end && !a.tokens[k + 1].is(kSpaceBefore) &&
          a.tokens[k + 1].word()) {
        k += 2;
        last_ok = k;
      }
      continue;
    }
    if (t.word() && a.is(k, kNameParticle) && words < 5) {
      // al-Assad, bin Salman, van der Leyen: a particle needs a capitalised word after it
      std::uint32_t m = k + 1;
      if (folded_is(a, m, "-") && !a.tokens[m].is(kSpaceBefore)) ++m;
      while (m < end && a.tokens[m].word() && a.is(m, kNameParticle) && !a.tokens[m].cap()) ++m;
      if (m < end && name_word(a, m)) {
        k = m;
        continue;
      }
    }
    break;
  }
  return words == 0 ? i : last_ok;
}

/// Is the span a gazetteer entity (then it is not a person)?
bool is_gazetteer_span(const Annotation& a, std::uint32_t first, std::uint32_t last) {
  auto m = a.gaz.match(a.doc.text, a.tokens, first, last);
  return m && m->length == last - first;
}

// ----------------------------------------------------------- extractors

class GazetteerMentions : public MentionExtractor {
 public:
  std::string_view name() const override { return "gazetteer"; }
  std::string_view description() const override {
    return "countries (names, demonyms, acronyms), places, organisations and fixed-name agreements from the gazetteers; "
           "towns only in a place context of a document that names their country";
  }
  void run(Annotation& a) const override {
    // towns with their rows (homonyms); taken at the end, when the document names their country
    std::vector<std::pair<Mention, std::span<const TownRow>>> towns;
    for (const auto& s : a.sentences) {
      for (std::uint32_t i = s.first_token; i < s.last_token;) {
        auto m = a.gaz.match(a.doc.text, a.tokens, i, s.last_token);
        // a town where its name is longer than any entry here, and the text says it is a place
        auto [town_length, town_rows] = a.tokens[i].cap() && (context_before(a, s, i, towns) || context_after_hint(a, s, i))
                                            ? a.gaz.town_at(a.tokens, i, s.last_token)
                                            : std::pair<std::uint32_t, std::span<const TownRow>>{};
        const bool town = town_length > (m ? m->length : 0) && place_context(a, s, i, i + town_length, towns);
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
        // "La Libertad", "San Salvador": a capitalised particle before makes it another place
        if (men.type == NodeType::Place && i > s.first_token && a.tokens[i - 1].cap() &&
            in_list(a.tokens[i - 1].folded, {"la", "el", "al", "san", "santa", "los", "las", "le", "les", "port", "fort", "saint", "st"})) {
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
      if (!g.generated || g.population == 0) continue;  // hand-kept places and regions are the ones news means
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
                            const std::vector<std::pair<Mention, std::span<const TownRow>>>& towns) {
    if (last < s.last_token && a.is(last, kPlaceWord) && a.tokens[last].folded != "capital") return true;
    if (last + 1 < s.last_token && folded_is(a, last, ",")) {
      auto c = a.gaz.match(a.doc.text, a.tokens, last + 1, s.last_token);
      if (c && a.gaz.entry(c->entry).type == NodeType::Country && c->form == NameForm::Name) return true;
    }
    return context_before(a, s, first, towns);
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

  /// The words before: "in/near/outside X", "the town of X", "south of X", "Aleppo and X".
  static bool context_before(const Annotation& a, const Sentence& s, std::uint32_t first,
                             const std::vector<std::pair<Mention, std::span<const TownRow>>>& towns) {
    if (first <= s.first_token) return false;
    if (a.is(first, kStopCap)) return false;  // "in June"
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k)
      if (a.is(k, kSportWord)) return false;  // "defeat at home to Godoy Cruz": a club, not the town
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

/// Places named by a geographic word ("Silala River", "Gulf of Aden", "Duhok
/// province", "Athens International Airport") or introduced by a demonym
/// ("the Jordanian city of Ramtha").
class PlaceMentions : public MentionExtractor {
 public:
  std::string_view name() const override { return "places"; }
  std::string_view description() const override {
    return "places named by a geographic word (river, gulf, province, airport ...) or as \"the <demonym> city of X\"";
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
          if (first < i && !(f == "base" && !folded_is(a, i - 1, "air"))) {
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

/// "the Sochi agreement", "Geneva talks", "the 2015 nuclear deal", "Resolution 2254".
class AgreementMentions : public MentionExtractor {
 public:
  std::string_view name() const override { return "agreements"; }
  std::string_view description() const override {
    return "named agreements, treaties, processes, platforms, talks and resolutions from their head nouns";
  }
  void run(Annotation& a) const override {
    for (const auto& s : a.sentences) {
      for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
        const Token& t = a.tokens[i];
        if (!t.word()) continue;
        // Resolution 2254
        if (t.folded == "resolution" && t.cap() && i + 1 < s.last_token && a.tokens[i + 1].is(kNumber)) {
          add(a, s, i, i + 2, "resolution " + std::string(a.tokens[i + 1].folded), "resolution-number");
          continue;
        }
        AgreementHead h = agreement_head(a, i);
        if (!h.known) continue;
        std::uint32_t head_end = i + 1;
        if (t.folded == "cease") {  // cease-fire
          if (!(folded_is(a, i + 1, "-") && folded_is(a, i + 2, "fire"))) continue;
          head_end = i + 3;
        }
        if (a.owner[i] >= 0) continue;
        // modifier: a place, capitalised words, or a year with lower-case adjectives
        std::uint32_t m = i;
        bool named = false, place_only = false, gazetteer_place = false;
        if (m > s.first_token && a.owner[m - 1] >= 0) {
          const Mention& pm = a.mentions[static_cast<std::size_t>(a.owner[m - 1])];
          if (pm.type == NodeType::Place && pm.last == m) {
            m = pm.first;
            named = true;
            place_only = true;
            gazetteer_place = true;
          }
        }
        if (!named) {
          std::uint32_t k = m;
          while (k > s.first_token && name_word(a, k - 1) && !(k - 1 == s.first_token) &&
                 agreement_head(a, k - 1).known == false) {
            if (a.owner[k - 1] >= 0) {
              // an acronym of a body names the series: "NAM Youth Summit"
              const Mention& om = a.mentions[static_cast<std::size_t>(a.owner[k - 1])];
              if (om.form != NameForm::Acronym || om.type != NodeType::Organization || k == i) break;
            }
            --k;
          }
          if (k < m) { m = k; named = true; place_only = (m + 1 == i); }
        }
        if (!named) {
          // "the 2015 nuclear deal": a year, then at most two lower-case words
          std::uint32_t k = m;
          while (k > s.first_token && m - k < 2 && a.tokens[k - 1].word() && !a.tokens[k - 1].cap() &&
                 !a.tokens[k - 1].is(kNumber))
            --k;
          if (k > s.first_token) {
            const Token& y = a.tokens[k - 1];
            if (y.is(kNumber) && y.folded.size() == 4 && (y.folded.rfind("19", 0) == 0 || y.folded.rfind("20", 0) == 0)) {
              m = k - 1;
              named = true;
            }
          }
        }
        // "the Treaty of Lausanne", "Memorandum of Understanding on ..."; capitalised head + of + Name
        if (!named && t.cap() && folded_is(a, head_end, "of") && head_end + 1 < s.last_token &&
            name_word(a, head_end + 1) && !is_gazetteer_span(a, head_end + 1, head_end + 2) &&
            !in_list(a.tokens[head_end + 1].folded, {"understanding", "cooperation", "intent", "action", "principles", "agreement"})) {
          add(a, s, i, head_end + 2, fold(a.surface(i, head_end + 2)), "head-of-name");
          continue;
        }
        if (!named) continue;
        // "Congress of the National Dialogue": part of a longer name
        {
          std::uint32_t of = m;
          if (of > s.first_token && folded_is(a, of - 1, "the")) --of;
          if (of > s.first_token + 1 && folded_is(a, of - 1, "of") && a.tokens[of - 2].cap() && of - 2 != s.first_token)
            continue;
        }
        // a sentence-initial capital is no name ("The deal", "Talks")
        for (std::uint32_t k = m; k < i; ++k)
          if (a.owner[k] >= 0) {
            const Mention& om = a.mentions[static_cast<std::size_t>(a.owner[k])];
            if (om.type != NodeType::Place && !(om.type == NodeType::Organization && om.form == NameForm::Acronym)) named = false;
          }
        if (!named) continue;
        // "Twitter platform", "a new format": only a place makes a platform or format a diplomatic one
        if ((t.folded == "platform" || t.folded == "format") && !gazetteer_place) continue;
        // "the Office for Trade Negotiations": the words name a body, not an agreement
        if (m > s.first_token + 1 && (folded_is(a, m - 1, "for") || folded_is(a, m - 1, "of")) && a.tokens[m - 2].cap() &&
            (a.is(m - 2, kCompanyWord) || a.is(m - 2, kOrgHead)))
          continue;
        // the name goes on: "Strategic Framework Agreement", "Political Dialogue and Cooperation Meeting"
        if (t.cap()) {
          for (;;) {
            if (head_end < s.last_token && a.tokens[head_end].cap() && a.owner[head_end] < 0 &&
                (agreement_head(a, head_end).known || a.is(head_end, kEventHead))) {
              ++head_end;
              continue;
            }
            std::uint32_t q = head_end;
            if (folded_is(a, q, "and")) {
              ++q;
              while (q < s.last_token && q - head_end <= 3 && name_word(a, q) && a.owner[q] < 0 &&
                     !agreement_head(a, q).known && !a.is(q, kEventHead))
                ++q;
              if (q > head_end + 1 && q < s.last_token && a.tokens[q].cap() && a.owner[q] < 0 &&
                  (agreement_head(a, q).known || a.is(q, kEventHead))) {
                head_end = q + 1;
                continue;
              }
            }
            break;
          }
        }
        std::string core = fold(a.surface(m, i));
        std::string key = h.mergeable && gazetteer_place && head_end == i + 1 ? core : fold(a.surface(m, head_end));
        // free the place tokens taken by the gazetteer: they are the agreement's name here
        for (std::uint32_t k = m; k < i; ++k) a.owner[k] = -1;
        add(a, s, m, head_end, key, place_only ? "place-head" : "name-head");
        i = head_end - 1;
      }
    }
  }

 private:
  static void add(Annotation& a, const Sentence& s, std::uint32_t first, std::uint32_t last, const std::string& key,
                  const char* rule) {
    Mention men = span_mention(a, NodeType::Agreement, s.index, first, last);
    men.key = "agreement:" + key;
    men.extractor = "agreements";
    men.rule = rule;
    // a place mention the agreement swallowed is dropped
    for (auto& pm : a.mentions)
      if (pm.sentence == s.index && pm.first >= first && pm.last <= last &&
          (pm.type == NodeType::Place || pm.type == NodeType::Organization))
        a.release(pm);
    a.add_mention(std::move(men));
  }
};

/// "National Intelligence Organization (MİT)", "Supreme National Security Council".
class OrganizationMentions : public MentionExtractor {
 public:
  std::string_view name() const override { return "organizations"; }
  std::string_view description() const override {
    return "organisations named by a head noun (Council, Agency, Party ...) and acronyms introduced in parentheses";
  }
  void run(Annotation& a) const override {
    for (const auto& s : a.sentences) {
      for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
        const Token& t = a.tokens[i];
        if (!t.word() || !t.cap() || !a.is(i, kOrgHead) || a.owner[i] >= 0) continue;
        // extend left over capitalised words ("and" between two of them: "National
        // Security and Foreign Policy Committee"); a demonym may open the name
        // ("Swedish Environmental Research Institute"); headline verbs stop it
        std::uint32_t first = i;
        bool bilateral = false;  // "Saudi-Greek Strategic Partnership Council"
        while (first > s.first_token) {
          std::uint32_t p = first - 1;
          if (folded_is(a, p, "and") && p > s.first_token + 1 && name_word(a, p - 1) && a.owner[p - 1] < 0 && first < i) {
            first = p;
            continue;
          }
          if (a.is(p, kHeadlineVerb)) break;
          if (name_word(a, p) && a.owner[p] < 0 && p != s.first_token) { first = p; continue; }
          // "High-Level Cooperation Council": hyphenated words inside the name
          if (folded_is(a, p, "-") && !a.tokens[p].is(kSpaceBefore) && !a.tokens[first].is(kSpaceBefore) && p > s.first_token &&
              name_word(a, p - 1) && a.owner[p - 1] < 0) {
            first = p - 1;
            continue;
          }
          if (a.owner[p] >= 0 && first < i) {
            const Mention& pm = a.mentions[static_cast<std::size_t>(a.owner[p])];
            if (pm.type == NodeType::Country && pm.form == NameForm::Demonym && pm.last == first) {
              first = pm.first;
              // a second demonym joined by a hyphen: a bilateral council, i.e. a format between two states
              if (first >= 2 && folded_is(a, first - 1, "-") && !a.tokens[first - 1].is(kSpaceBefore) && a.owner[first - 2] >= 0) {
                const Mention& qm = a.mentions[static_cast<std::size_t>(a.owner[first - 2])];
                if (qm.type == NodeType::Country) {
                  first = qm.first;
                  bilateral = true;
                }
              }
            }
          }
          break;
        }
        if (folded_is(a, first, "and")) ++first;
        // extend right: "Council of Europe", "Congress of the National Dialogue"
        std::uint32_t last = i + 1;
        if (folded_is(a, last, "of") || folded_is(a, last, "for")) {
          std::uint32_t k = last + 1;
          if (folded_is(a, k, "the")) ++k;
          std::uint32_t e = k;
          while (e < s.last_token && (name_word(a, e) || (folded_is(a, e, "and") && name_word(a, e + 1)))) ++e;
          if (e > k) last = e;
        }
        int words = 0;
        for (std::uint32_t k = first; k < last; ++k)
          if (a.tokens[k].word() && a.tokens[k].cap()) ++words;
        bool acronym_follows = folded_is(a, last, "(") && last + 2 < s.last_token && a.tokens[last + 1].is(kAllCaps) &&
                               folded_is(a, last + 2, ")");
        if (words < 2 && !acronym_follows) continue;
        // generic heads name a body only in a longer name ("Kurdistan Regional Government", not "Central Government")
        if (a.is(i, kGenericOrgHead) && words < 3 && !acronym_follows) continue;
        // a title word inside means a person's title ("Security Council Chief")
        bool titled = false;
        for (std::uint32_t k = first; k < last; ++k)
          if (a.title_exact(k).cls == TitleClass::Head && k != i) titled = true;
        if (titled) continue;
        Mention men = span_mention(a, bilateral ? NodeType::Agreement : NodeType::Organization, s.index, first, last);
        men.key = std::string(bilateral ? "agreement:" : "org:") + fold(men.surface);
        men.extractor = "organizations";
        men.rule = bilateral ? "bilateral-council" : "head-noun";
        // places inside the name are part of it; countries stay mentioned (a Swedish institute mentions Sweden)
        for (std::uint32_t k = first; k < last; ++k)
          if (a.owner[k] >= 0) {
            Mention& pm = a.mentions[static_cast<std::size_t>(a.owner[k])];
            if (pm.type == NodeType::Place) {
              a.release(pm);
            }
          }
        int id = a.add_mention(std::move(men), /*nest_countries=*/true);
        if (id >= 0) i = last - 1;
      }
      // acronym definitions: <org or unknown capitalised name> ( ACR )
      for (std::uint32_t i = s.first_token; i + 2 < s.last_token; ++i) {
        if (!(folded_is(a, i, "(") && a.tokens[i + 1].is(kAllCaps) && folded_is(a, i + 2, ")"))) continue;
        if (i == s.first_token || a.owner[i - 1] < 0) continue;
        const Mention& org = a.mentions[static_cast<std::size_t>(a.owner[i - 1])];
        if (org.type != NodeType::Organization && org.type != NodeType::Agreement) continue;
        int acr = a.owner[i + 1];
        Mention men = span_mention(a, org.type, s.index, i + 1, i + 2);
        men.form = NameForm::Acronym;
        men.key = org.key;  // the acronym names the same entity
        men.gazetteer = org.gazetteer;
        men.extractor = "organizations";
        men.rule = "acronym-definition";
        if (acr >= 0) {
          Mention& old = a.mentions[static_cast<std::size_t>(acr)];
          if (old.type == org.type) old.key = org.key;  // gazetteer acronym of the same kind: follow the definition
          continue;
        }
        a.add_mention(std::move(men));
      }
    }
  }
};

/// Officials: "Russian Foreign Minister Sergei Lavrov", "Lavrov, Russia's
/// foreign minister", "his Russian counterpart Vladimir Putin",
/// "National Intelligence Organization (MİT) Chief Hakan Fidan",
/// "the Bashar Assad regime", and later mentions of names already found.
class OfficialMentions : public MentionExtractor {
 public:
  std::string_view name() const override { return "officials"; }
  std::string_view description() const override {
    return "officials from titles before or after their names, counterparts, regimes, and repeated names";
  }
  void run(Annotation& a) const override {
    for (const auto& s : a.sentences) titled(a, s);
    for (const auto& s : a.sentences) appositions(a, s);
    for (const auto& s : a.sentences) possessive_names(a, s);
    for (const auto& s : a.sentences) regimes(a, s);
    known_names(a);
  }

 private:
  /// Country or organisation stated just before a title: "Russian", "Russia's", "U.S.", "MİT".
  static void qualifier_before(const Annotation& a, std::uint32_t title_first, const Sentence& s, Mention& out) {
    std::uint32_t k = title_first;
    if (k > s.first_token && a.tokens[k - 1].folded == "'s") --k;
    if (k > s.first_token && folded_is(a, k - 1, ")")) {  // "Organization (MİT) Chief"
      std::uint32_t open = k - 1;
      while (open > s.first_token && !folded_is(a, open, "(")) --open;
      k = open;
    }
    // "Czech Senate President", "UAE Embassy Charge d'Affaires", "Venezuela's Ecological Mining Minister":
    // up to three capitalised words naming the body or the portfolio stand between
    std::uint32_t body = 0;
    while (body < 3 && k > s.first_token + 1 && a.owner[k - 1] < 0 && name_word(a, k - 1) &&
           !a.is(k - 1, kHeadlineVerb) && !a.tokens[k].is(kLineBefore))
      --k, ++body;
    if (body > 0 && k > s.first_token && a.tokens[k - 1].folded == "'s") --k;
    if (k <= s.first_token || a.owner[k - 1] < 0) return;
    const Mention& q = a.mentions[static_cast<std::size_t>(a.owner[k - 1])];
    if (q.last != k) return;
    if (body > 0 && q.type != NodeType::Country) return;
    if (q.type == NodeType::Country) out.country = q.key.substr(q.key.find(':') + 1);
    else if (q.type == NodeType::Organization) {
      out.org = a.owner[k - 1];
      out.country = q.country;
    }
  }

  /// "A Turkish delegation (,) led/headed by <title> <name>": the delegation's country.
  static std::string delegation_country(const Annotation& a, std::uint32_t title_first, const Sentence& s) {
    std::uint32_t k = title_first;
    if (k < s.first_token + 3) return {};
    if (!folded_is(a, k - 1, "by")) return {};
    if (!(folded_is(a, k - 2, "led") || folded_is(a, k - 2, "headed"))) return {};
    std::uint32_t d = k - 3;
    if (folded_is(a, d, ",")) --d;
    if (!(folded_is(a, d, "delegation") || folded_is(a, d, "team"))) return {};
    for (std::uint32_t b = d; b > s.first_token && d - b < 3; --b) {
      int o = a.owner[b - 1];
      if (o >= 0 && a.mentions[static_cast<std::size_t>(o)].type == NodeType::Country)
        return a.mentions[static_cast<std::size_t>(o)].key.substr(8);
    }
    return {};
  }

  static const Mention* mention_at(const Annotation& a, std::uint32_t k, NodeType type) {
    if (k >= a.tokens.size() || a.owner[k] < 0) return nullptr;
    const Mention& m = a.mentions[static_cast<std::size_t>(a.owner[k])];
    return m.type == type && m.first == k ? &m : nullptr;
  }

  /// Does a name that ends at `k` end a phrase ("..., Adriana Mira, met" / "... Imad Fakhoury.")?
  static bool name_closes(const Annotation& a, std::uint32_t k, std::uint32_t end) {
    if (k >= end) return true;
    const Token& t = a.tokens[k];
    return in_set(t.folded, {",", ".", ";", ")", "\"", "'", ":"}) || (t.word() && !t.cap());
  }

  static bool in_set(std::string_view f, std::initializer_list<std::string_view> l) {
    return std::find(l.begin(), l.end(), f) != l.end();
  }

  /// "his Iranian and Russian counterparts, Ebrahim Raisi and Vladimir Putin",
  /// "Foreign Ministers Ayman Safadi and Sameh Shoukry": one official per name,
  /// countries paired in order when as many are stated. Returns the last token used.
  static std::uint32_t plural_titled(Annotation& a, const Sentence& s, std::uint32_t i, const Title& title) {
    std::vector<std::string> countries;
    for (std::uint32_t k = i; k > s.first_token;) {
      std::uint32_t p = k - 1;
      if (folded_is(a, p, "and") || folded_is(a, p, ",")) { k = p; continue; }
      if (a.owner[p] < 0) break;
      const Mention& m = a.mentions[static_cast<std::size_t>(a.owner[p])];
      if (m.type != NodeType::Country || m.last != k) break;
      countries.insert(countries.begin(), m.key.substr(8));
      k = m.first;
    }
    std::uint32_t k = title.end;
    if (folded_is(a, k, ",")) ++k;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> names;
    while (k < s.last_token) {
      std::uint32_t e = parse_person_name(a, k, s.last_token);
      if (e == k || word_count(a.surface(k, e)) < 2 || is_gazetteer_span(a, k, e)) break;
      names.emplace_back(k, e);
      k = e;
      if (folded_is(a, k, ",") && folded_is(a, k + 1, "and")) k += 2;
      else if (folded_is(a, k, "and") || folded_is(a, k, ",")) ++k;
      else break;
    }
    if (names.size() < 2) return title.end - 1;
    for (std::size_t n = 0; n < names.size(); ++n) {
      Mention men = span_mention(a, NodeType::Official, s.index, names[n].first, names[n].second);
      men.role = title.counterpart ? "" : title.role;
      if (countries.size() == names.size()) men.country = countries[n];
      else if (countries.size() == 1 && !title.counterpart) men.country = countries[0];
      men.extractor = "officials";
      men.rule = title.counterpart ? "plural-counterparts" : "plural-title";
      a.add_mention(std::move(men));
    }
    return names.back().second - 1;
  }

  static void titled(Annotation& a, const Sentence& s) {
    for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
      if (a.owner[i] >= 0) continue;
      auto title = parse_title(a, i, s.last_token);
      if (!title) continue;
      if (title->plural) {
        i = plural_titled(a, s, i, *title);
        continue;
      }
      Mention men;
      std::uint32_t k = title->end;
      bool after_comma = false;  // "the Deputy Minister of Foreign Affairs, Adriana Mira,"
      // "Ambassador to Azerbaijan": the post, not the official's country
      if (folded_is(a, k, "to"))
        if (const Mention* c = mention_at(a, k + 1, NodeType::Country)) k = c->last;
      // "her counterpart from Australia"
      if (title->counterpart && folded_is(a, k, "from"))
        if (const Mention* c = mention_at(a, k + 1, NodeType::Country)) {
          men.country = c->key.substr(8);
          k = c->last;
        }
      // "of|for <country, body or phrase>": "Head of Iran Small Industries ... Organization (ISIPO) Ali Rasoulian",
      // "spokesperson for the Iranian Ministry of Foreign Affairs, Nasser Kanaani"
      if (folded_is(a, k, "of") || folded_is(a, k, "for")) {
        std::uint32_t q = k + 1;
        if (folded_is(a, q, "the")) ++q;
        std::uint32_t e = q, after_mention = 0;
        bool lower = false;
        while (e < s.last_token && e - q < 10) {
          if (a.owner[e] >= 0) {
            const Mention& m = a.mentions[static_cast<std::size_t>(a.owner[e])];
            if (m.type == NodeType::Country && men.country.empty()) men.country = m.key.substr(8);
            else if (m.type == NodeType::Organization && men.org < 0) {
              men.org = a.owner[e];
              if (men.country.empty()) men.country = m.country;
            } else if (m.type == NodeType::Official) break;
            e = std::max(m.last, e + 1);
            after_mention = e;
            continue;
          }
          // "Minister for the Middle East Tobias Ellwood", "Deputy Minister ... of Kazakhstan Arystan Kabikenov":
          // a full name right after the country or body starts the official
          if (after_mention == e && name_word(a, e) && word_count(a.surface(e, parse_person_name(a, e, s.last_token))) >= 2)
            break;
          // a place that no mention took ("the Middle East" before a name) is part of the phrase
          if (name_word(a, e))
            if (auto g = a.gaz.match(a.doc.text, a.tokens, e, s.last_token); g && a.gaz.entry(g->entry).type == NodeType::Place) {
              e += g->length;
              after_mention = e;
              continue;
            }
          if (folded_is(a, e, "(") && e + 2 < s.last_token && a.tokens[e + 1].is(kAllCaps) && folded_is(a, e + 2, ")")) {
            e += 3;
            if (after_mention == e - 3) after_mention = e;
            continue;
          }
          const Token& t = a.tokens[e];
          if (name_word(a, e) || in_set(t.folded, {"and", "of", "the", "for", "'s"})) { ++e; continue; }
          if (t.word() && !t.cap() && !t.is(kNumber)) { lower = true; ++e; continue; }
          break;
        }
        if (folded_is(a, e, ",")) {
          k = e + 1;
          after_comma = true;
        } else if (after_mention && !lower) {
          k = after_mention;
          if (folded_is(a, k, ",")) { ++k; after_comma = true; }
        } else {
          i = title->end - 1;
          continue;
        }
      } else if (folded_is(a, k, ",")) {
        ++k;  // "Jordanian planning minister, Imad Fakhoury." / "his Mexican counterpart, Andrés Manuel López Obrador."
        after_comma = true;
      }
      // honorifics and ranks: "H.E.", "H E", "HRH", "Dr.", "Lt. Col.", "Maj. Gen.", "Sheikh"
      k = skip_ranks(a, s, k);
      std::uint32_t name_first = k;
      // a headline verb is no name ("President Announces Action Plan")
      if (a.is(name_first, kHeadlineVerb)) { i = title->end - 1; continue; }
      if (after_comma && title_word_at(a, name_first)) { i = title->end - 1; continue; }
      std::uint32_t name_last = parse_person_name(a, name_first, s.last_token);
      if (name_last == name_first || (after_comma && (word_count(a.surface(name_first, name_last)) < 2 ||
                                                      !name_closes(a, name_last, s.last_token)))) {
        i = title->end - 1;
        continue;
      }
      if (is_gazetteer_span(a, name_first, name_last)) { i = name_last - 1; continue; }
      // "Director of the National Archives", "Minister of Climate Change", "Chief Executive Officer of the Fund":
      // a name that ends on a body's or a thing's word is no person
      if (thing_name(a, name_first, name_last)) { i = name_last - 1; continue; }
      // "Chief Election Commissioner X", "Chief of Defence Forces Gen. X": a title goes on, the words were no name
      if (name_last < s.last_token && a.tokens[name_last].cap() && title_word_at(a, name_last) &&
          a.title_exact(name_last).cls == TitleClass::Head) {
        i = name_last - 1;
        continue;
      }
      // "General Engineering Co": a company, not a person
      if (a.is(name_last - 1, kCompanyWord)) { i = name_last - 1; continue; }
      men.type = NodeType::Official;
      men.sentence = s.index;
      men.first = name_first;
      men.last = name_last;
      men.surface = std::string(a.surface(name_first, name_last));
      men.role = title->role;
      men.extractor = "officials";
      men.rule = title->counterpart ? "counterpart-name" : after_comma ? "title-comma-name" : "title-name";
      if (men.country.empty() && men.org < 0) qualifier_before(a, i, s, men);
      if (men.country.empty()) men.country = delegation_country(a, i, s);
      // "Under Secretary Uzra Zeya of the United States"
      if (men.country.empty() && men.org < 0 && folded_is(a, name_last, "of")) {
        std::uint32_t q = name_last + 1;
        if (folded_is(a, q, "the")) ++q;
        if (const Mention* c = mention_at(a, q, NodeType::Country); c && c->form == NameForm::Name)
          men.country = c->key.substr(8);
      }
      if (title->counterpart) {
        // "X and his Russian counterpart Y": Y holds X's role
        for (int m = static_cast<int>(a.mentions.size()) - 1; m >= 0; --m) {
          const Mention& p = a.mentions[static_cast<std::size_t>(m)];
          if (p.sentence == s.index && p.type == NodeType::Official && p.first < i) { men.role = p.role; break; }
        }
      }
      // a place the name swallowed belongs to the official
      for (std::uint32_t q = name_first; q < name_last; ++q)
        if (a.owner[q] >= 0 && a.mentions[static_cast<std::size_t>(a.owner[q])].type == NodeType::Place) {
          Mention& pm = a.mentions[static_cast<std::size_t>(a.owner[q])];
          a.release(pm);
        }
      if (a.add_mention(std::move(men)) >= 0) {
        // the title and its of-phrase belong to the official too (countries and bodies keep theirs)
        for (std::uint32_t q = i; q < name_first; ++q)
          if (a.owner[q] < 0) a.owner[q] = static_cast<int>(a.mentions.size() - 1);
      }
      i = name_last - 1;
    }
  }

  /// "Sedat Önal, the deputy foreign minister," / "Lavrov, Russia's foreign minister".
  static void appositions(Annotation& a, const Sentence& s) {
    for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
      if (a.owner[i] >= 0 || !name_word(a, i)) continue;
      std::uint32_t e = parse_person_name(a, i, s.last_token);
      if (e == i || !folded_is(a, e, ",")) { if (e > i) i = e - 1; continue; }
      std::uint32_t k = e + 1;
      // "X, the deputy minister", "X, an Iraqi general", "X, the former deputy minister"
      if (folded_is(a, k, "the") || folded_is(a, k, "a") || folded_is(a, k, "an")) ++k;
      while (k < s.last_token && a.is(k, kTitleTime)) ++k;
      Mention men;
      if (k < s.last_token && a.owner[k] >= 0) {
        const Mention& q = a.mentions[static_cast<std::size_t>(a.owner[k])];
        if (q.type == NodeType::Country) men.country = q.key.substr(8);
        else if (q.type == NodeType::Organization) { men.org = a.owner[k]; men.country = q.country; }
        else { i = e; continue; }
        k = q.last;
        if (folded_is(a, k, "'s")) ++k;
      }
      auto title = parse_title(a, k, s.last_token, /*lenient=*/true);
      if (!title || title->counterpart || title->plural) { i = e; continue; }
      std::uint32_t after = title->end;
      // "Iris Pang, the chief economist at ...": the title word only qualifies another noun
      if (after == k + 1 && after < s.last_token && a.tokens[after].word() && !a.tokens[after].cap() && !a.tokens[after].is(kNumber) &&
          !in_set(a.tokens[after].folded, {"of", "for", "to", "in", "at", "and", "who", "since", "until", "from", "on",
                                           "with", "said", "says", "told", "was", "is", "has", "had", "will", "would"})) {
        i = e;
        continue;
      }
      if ((folded_is(a, after, "of") || folded_is(a, after, "for")) && folded_is(a, after + 1, "the")) ++after;
      if ((folded_is(a, after, "of") || folded_is(a, after, "for") || folded_is(a, after, "the")) && after + 1 < s.last_token &&
          a.owner[after + 1] >= 0 && men.country.empty()) {
        const Mention& q = a.mentions[static_cast<std::size_t>(a.owner[after + 1])];
        if (q.type == NodeType::Country) men.country = q.key.substr(8);
        else if (q.type == NodeType::Organization) { men.org = a.owner[after + 1]; men.country = q.country; }
      }
      int words = 0;
      for (std::uint32_t q = i; q < e; ++q) words += name_word(a, q) ? 1 : 0;
      if (words < 2 && !known_surname(a, a.tokens[i].folded)) { i = e; continue; }
      if (is_gazetteer_span(a, i, e) || thing_name(a, i, e) || a.is(i, kHeadlineVerb)) { i = e; continue; }
      men.type = NodeType::Official;
      men.sentence = s.index;
      men.first = i;
      men.last = e;
      men.surface = std::string(a.surface(i, e));
      men.role = title->role;
      men.extractor = "officials";
      men.rule = "name-apposition";
      a.add_mention(std::move(men));
      i = e;
    }
  }

  /// Past honorifics and rank abbreviations, with their dots: "Lt. Col.", "H.E.", "Maj. Gen.", "Sheikh".
  static std::uint32_t skip_ranks(const Annotation& a, const Sentence& s, std::uint32_t k) {
    while (k < s.last_token && a.owner[k] < 0 &&
           (((a.is(k, kHonorific) || a.is(k, kRank)) && a.tokens[k].cap()) || folded_is(a, k, ".")))
      ++k;
    return k;
  }

  /// Does the name end on a word of a body or a thing ("Archives", "Climate Change", "Interior Ministry")?
  static bool thing_name(const Annotation& a, std::uint32_t first, std::uint32_t last) {
    if (last <= first) return false;
    const std::uint32_t w = last - 1;
    return a.is(w, kThingWord) || a.is(w, kOrgHead) || a.is(w, kCompanyWord) || a.is(first, kThingWord);
  }

  /// "Uganda's Yoweri Museveni", "Kenya's Uhuru Kenyatta": a full name owned by a
  /// country is one of its officials (the role unknown). The name must close the
  /// phrase and be no body, company, place or agreement ("Russia's Gazprom Neft Bank").
  static void possessive_names(Annotation& a, const Sentence& s) {
    for (std::uint32_t i = s.first_token + 2; i < s.last_token; ++i) {
      if (a.owner[i] >= 0 || !name_word(a, i) || !folded_is(a, i - 1, "'s") || a.owner[i - 2] < 0) continue;
      const Mention& c = a.mentions[static_cast<std::size_t>(a.owner[i - 2])];
      if (c.type != NodeType::Country || c.form != NameForm::Name || c.last != i - 1) continue;
      std::uint32_t e = parse_person_name(a, i, s.last_token);
      if (e == i || word_count(a.surface(i, e)) < 2 || !name_closes(a, e, s.last_token)) continue;
      if (is_gazetteer_span(a, i, e) || !plain_person_words(a, i, e) || !political(a, s)) continue;
      Mention men = span_mention(a, NodeType::Official, s.index, i, e);
      men.country = c.key.substr(8);
      men.extractor = "officials";
      men.rule = "possessive-name";
      a.add_mention(std::move(men));
      i = e - 1;
    }
  }

  /// Does the sentence speak of public roles ("leaders", "summit", a title ...)? Sports and
  /// business news name athletes and companies by "Senegal's X" as well.
  static bool political(const Annotation& a, const Sentence& s) {
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
      if (a.is(k, kPoliticalWord)) return true;
      if (const TitleWord* w = title_word_at(a, k); w && w->cls == TitleClass::Head) return true;
    }
    return false;
  }

  /// No word of [first, last) is a company, body, place or agreement head, a title, or owned by a mention.
  static bool plain_person_words(const Annotation& a, std::uint32_t first, std::uint32_t last) {
    for (std::uint32_t q = first; q < last; ++q) {
      if (a.owner[q] >= 0 || a.is(q, kCompanyWord) || a.is(q, kThingWord) || a.is(q, kOrgHead) || a.is(q, kPlaceSuffix) || a.is(q, kPlaceWord) ||
          a.is(q, kAgreementHeadMerge) || a.is(q, kAgreementHeadOther) || title_word_at(a, q))
        return false;
    }
    return true;
  }

  static bool known_surname(const Annotation& a, std::string_view folded) {
    for (const auto& m : a.mentions)
      if (m.type == NodeType::Official && last_name_key(m.surface) == person_key(folded)) return true;
    return false;
  }

  /// "the Bashar Assad regime", "the Trump administration".
  static void regimes(Annotation& a, const Sentence& s) {
    for (std::uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
      std::string_view f = a.tokens[i].folded;
      const bool possessive_only = f == "reign" || f == "rule" || f == "cabinet";  // "Saddam Hussein's reign"
      if (f != "regime" && f != "administration" && f != "government" && !possessive_only) continue;
      std::uint32_t end = i;
      if (folded_is(a, i - 1, "'s")) --end;
      else if (possessive_only) continue;
      // find the name right before
      std::uint32_t first = end;
      while (first > s.first_token && (name_word(a, first - 1) || a.is(first - 1, kNameParticle) ||
                                       folded_is(a, first - 1, "-")))
        --first;
      while (first < end && !name_word(a, first)) ++first;
      if (first == end || a.owner[first] >= 0) continue;
      if (end == i) {  // "the Bashar Assad regime", "a Donald Trump administration", "Syria's Assad regime"
        if (first == s.first_token) continue;
        // "the Open Government Partnership", "the Left government": a government is named by a full name
        if (i + 1 < s.last_token && a.tokens[i + 1].cap() && a.tokens[i + 1].word()) continue;
        if (f == "government" && word_count(a.surface(first, end)) < 2) continue;
        if (!folded_is(a, first - 1, "the") && !folded_is(a, first - 1, "a") && a.tokens[first - 1].folded != "'s") continue;
      } else if (word_count(a.surface(first, end)) < 2) {
        continue;  // "Saddam Hussein's reign": a full name
      }
      if (parse_person_name(a, first, end) != end) continue;
      if (is_gazetteer_span(a, first, end) || !plain_person_words(a, first, end)) continue;
      Mention men = span_mention(a, NodeType::Official, s.index, first, end);
      men.role = "Leader";
      men.extractor = "officials";
      men.rule = "regime";
      a.add_mention(std::move(men));
    }
  }

  /// Later (and earlier) mentions of names already found: "Lavrov", "Putin", "Tayyip Erdoğan".
  static void known_names(Annotation& a) {
    std::map<std::string, std::string> full;     // person_key of full name -> surface
    std::map<std::string, int> surnames;          // last-name key -> count of distinct full names
    for (const auto& m : a.mentions)
      if (m.type == NodeType::Official && !m.surface.empty()) full.emplace(person_key(m.surface), m.surface);
    std::set<std::string> seen;
    for (const auto& [k, surface] : full)
      if (seen.insert(k).second) ++surnames[last_name_key(surface)];
    // given names of full names: "a friend of Vladimir" is no city of Russia in an article on Vladimir Putin
    std::set<std::string> given;
    for (const auto& [k, surface] : full)
      if (k.find(' ') != std::string::npos) given.insert(k.substr(0, k.find(' ')));
    if (full.empty()) return;
    for (const auto& s : a.sentences) {
      for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
        if (!name_word(a, i)) continue;
        int o = a.owner[i];
        if (o >= 0) {
          const Mention& m = a.mentions[static_cast<std::size_t>(o)];
          // a gazetteer place or organisation that is in fact a known surname ("Bolton")
          if (m.type == NodeType::Country || m.type == NodeType::Official || m.type == NodeType::Agreement ||
              m.form == NameForm::Acronym) { i = std::max(i, m.last) - 1 + (m.last > i ? 0 : 1); continue; }
          if ((!surnames.count(person_key(m.surface)) && !(m.type == NodeType::Place && given.count(person_key(m.surface)))) ||
              m.first != i)
            continue;
        }
        std::uint32_t e = parse_person_name(a, i, s.last_token, true);
        if (e == i) continue;
        std::string key = person_key(a.surface(i, e));
        bool hit = full.count(key) > 0;
        if (!hit) {
          // a suffix of a known full name: "Tayyip Erdoğan", or a bare surname "Lavrov"
          for (const auto& [k, surface] : full)
            if (is_short_form(k, key) || is_first_word_form(k, key)) hit = true;
        }
        if (!hit) { i = e - 1; continue; }
        if (o >= 0) {  // take the tokens over from the place
          Mention& pm = a.mentions[static_cast<std::size_t>(o)];
          a.release(pm);
        }
        Mention men = span_mention(a, NodeType::Official, s.index, i, e);
        men.extractor = "officials";
        men.rule = "known-name";
        a.add_mention(std::move(men));
        i = e - 1;
      }
    }
  }
};

/// "the Russian foreign and defense ministers", "the Russian foreign minister":
/// descriptions that stand for officials named elsewhere in the document.
class DescriptionMentions : public MentionExtractor {
 public:
  std::string_view name() const override { return "descriptions"; }
  std::string_view description() const override {
    return "role descriptions (\"the Russian foreign minister\") resolved to officials named in the document";
  }
  void run(Annotation& a) const override {
    for (const auto& s : a.sentences) {
      for (std::uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
        if (a.owner[i] >= 0) continue;
        int q = a.owner[i - 1];
        if (q < 0) continue;
        const Mention& qm = a.mentions[static_cast<std::size_t>(q)];
        if (qm.type != NodeType::Country || qm.last != i) continue;
        // "the Russian ..." or "Russia's ..."
        std::uint32_t start = i;
        if (folded_is(a, i, "'s")) ++start;
        auto title = parse_title(a, start, s.last_token);
        if (!title || title->counterpart) continue;
        if (title->end < s.last_token && name_word(a, title->end)) continue;  // a name follows: not a description
        if (qm.form != NameForm::Demonym && start == i) continue;
        Mention men;
        men.type = NodeType::Official;
        men.description = true;
        men.sentence = s.index;
        men.first = start;
        men.last = title->end;
        men.surface = std::string(a.surface(qm.first, title->end));
        men.country = qm.key.substr(8);
        men.roles = title->coordinated.empty() ? std::vector<std::string>{title->role} : title->coordinated;
        men.extractor = "descriptions";
        men.rule = title->plural ? "plural-role" : "role";
        a.add_mention(std::move(men));
        i = title->end - 1;
      }
    }
    groups(a);
  }

 private:
  /// "the two leaders", "both countries", "the three guarantor countries": the
  /// last two (three) officials or countries named before.
  static void groups(Annotation& a) {
    for (const auto& s : a.sentences) {
      for (std::uint32_t i = s.first_token; i + 1 < s.last_token; ++i) {
        std::string_view f = a.tokens[i].folded;
        int n = f == "both" || f == "two" ? 2 : f == "three" ? 3 : f == "four" ? 4 : 0;
        if (!n || a.owner[i] >= 0) continue;
        if (f != "both" && !(i > s.first_token && in_list(a.tokens[i - 1].folded, {"the", "these", "those"}))) continue;
        std::uint32_t k = i + 1;
        if (k < s.last_token && in_list(a.tokens[k].folded, {"guarantor", "neighbouring", "neighboring", "allied", "friendly"})) ++k;
        if (k >= s.last_token || a.owner[k] >= 0) continue;
        std::string_view noun = a.tokens[k].folded;
        NodeType type;
        if (in_list(noun, {"leaders", "ministers", "presidents", "officials", "heads", "premiers", "diplomats", "envoys"}))
          type = NodeType::Official;
        else if (in_list(noun, {"countries", "nations", "states", "governments"}))
          type = NodeType::Country;
        else
          continue;
        Mention men = span_mention(a, type, s.index, i, k + 1);
        men.description = true;
        men.group = n;
        men.extractor = "descriptions";
        men.rule = "group";
        a.add_mention(std::move(men));
        i = k;
      }
    }
  }
};

// ------------------------------------------------------------ coreference

std::string role_core(std::string_view role) {
  // "Deputy Foreign Minister" must not answer for "Foreign Minister"
  return fold(role);
}

}  // namespace

std::vector<std::unique_ptr<MentionExtractor>> make_mention_extractors() {
  std::vector<std::unique_ptr<MentionExtractor>> v;
  v.push_back(std::make_unique<GazetteerMentions>());
  v.push_back(std::make_unique<PlaceMentions>());
  v.push_back(std::make_unique<AgreementMentions>());
  v.push_back(std::make_unique<OrganizationMentions>());
  v.push_back(std::make_unique<OfficialMentions>());
  v.push_back(std::make_unique<DescriptionMentions>());
  return v;
}

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
  for (int mi : order) {
    Mention& m = a.mentions[static_cast<std::size_t>(mi)];
    std::string key = person_key(m.surface);
    int target = -1;
    if (auto it = person_entities.find(key); it != person_entities.end()) {
      target = it->second;
    } else {
      // the unique known longer name this one ends with ("Putin" -> "Vladimir Putin")
      std::set<int> candidates;
      for (const auto& [k, ent] : person_entities)
        if (is_short_form(k, key)) candidates.insert(ent);
      // else the unique longer name it starts ("Uhuru" -> "Uhuru Kenyatta", "Xi" -> "Xi Jinping")
      if (candidates.empty())
        for (const auto& [k, ent] : person_entities)
          if (is_first_word_form(k, key)) candidates.insert(ent);
      if (candidates.size() == 1) target = *candidates.begin();
      else if (candidates.size() > 1) continue;  // ambiguous surname: left unresolved
    }
    if (target < 0) {
      target = new_entity(m, mi);
      person_entities.emplace(key, target);
    } else {
      a.entities[static_cast<std::size_t>(target)].mentions.push_back(mi);
      add_alias(a.entities[static_cast<std::size_t>(target)], m.surface);
      person_entities.emplace(key, target);
    }
    m.entity = target;
    Entity& e = a.entities[static_cast<std::size_t>(target)];
    if (e.role.empty()) e.role = m.role;
    if (e.country.empty()) e.country = m.country;
    if (e.org < 0 && m.org >= 0) e.org = m.org;
  }
  // organisations of officials: mention index -> entity
  for (auto& e : a.entities)
    if (e.type == NodeType::Official && e.org >= 0) e.org = a.mentions[static_cast<std::size_t>(e.org)].entity;

  // 3. descriptions: the officials of that country holding that role; groups: the last ones named
  for (std::size_t mi = 0; mi < a.mentions.size(); ++mi) {
    Mention& m = a.mentions[mi];
    if (!m.description) continue;
    if (m.group > 0) {
      std::vector<const Mention*> before;
      for (const auto& o : a.mentions)
        if (!o.description && o.entity >= 0 && o.type == m.type && o.last > o.first &&
            (o.sentence < m.sentence || (o.sentence == m.sentence && o.last <= m.first)))
          before.push_back(&o);
      std::sort(before.begin(), before.end(), [](const Mention* x, const Mention* y) {
        return x->sentence != y->sentence ? x->sentence > y->sentence : x->first > y->first;
      });
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
      std::vector<int> hits;
      for (std::size_t ei = 0; ei < a.entities.size(); ++ei) {
        const Entity& e = a.entities[ei];
        if (e.type == NodeType::Official && e.country == m.country && !e.role.empty() && role_core(e.role) == role_core(role))
          hits.push_back(static_cast<int>(ei));
      }
      if (hits.size() == 1) m.refers.push_back(hits.front());
    }
  }
}

}  // namespace irgraph::extract
