// Officials: titles before or after names, appositions, counterparts, possessives, regimes, and later mentions of known names.
#include <algorithm>
#include <map>
#include <set>
#include <span>

#include "extract/mentions/mention_rules.hpp"
#include "extract/names.hpp"

namespace irgraph::extract {

namespace {

using namespace mention_rules;


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
  std::vector<Rule> rules() const override {
    return {
        {"title-name", "a title and a name (\"Russian Foreign Minister Sergei Lavrov\"), the country or body stated with the title"},
        {"title-comma-name", "a title, a comma and a full name (\"the Deputy Minister of Foreign Affairs, Adriana Mira,\")"},
        {"counterpart-name", "\"his Russian counterpart X\": X holds the role of the official before"},
        {"plural-title", "a plural title and several names (\"Foreign Ministers X and Y\")"},
        {"plural-counterparts", "\"his Iranian and Russian counterparts, X and Y\""},
        {"name-apposition", "a name and its title in apposition (\"Lavrov, Russia's foreign minister\", \"X, the former Deputy Minister of Defence of Y\")"},
        {"possessive-name", "a full name owned by a country in a sentence about public life (\"Uganda's Yoweri Museveni\")"},
        {"regime", "a leader named by a regime, administration or reign (\"the Assad regime\", \"Saddam Hussein's reign\")"},
        {"known-name", "a later (or earlier) mention of a name found with a title, its surname or given name alone"},
    };
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
    // "Taiwan's former president", "the outgoing Greek prime minister": a time word is no body
    while (k > s.first_token + 1 && a.is(k - 1, kTitleTime) && !a.tokens[k - 1].cap()) --k;
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
           !a.is(k - 1, kHeadlineVerb) && !a.tokens[k].is(kLineBefore)) {
      if (a.is(k - 1, kPrivateBody)) return;  // "Qatar Airways Group Chief Executive": a company's, not the state's
      --k, ++body;
    }
    if (body > 0 && k > s.first_token && a.tokens[k - 1].folded == "'s") --k;
    if (k <= s.first_token || a.owner[k - 1] < 0) return;
    const Mention& q = a.mentions[static_cast<std::size_t>(a.owner[k - 1])];
    if (q.last != k) return;
    if (body > 0 && q.type != NodeType::Country) return;
    // "Broadcasting Corp of China chairman X": the country ends a company's name
    if (q.type == NodeType::Country && q.first > s.first_token + 1 && folded_is(a, q.first - 1, "of"))
      for (std::uint32_t b = q.first - 1; b > s.first_token && q.first - 1 - b < 4 && name_word(a, b - 1); --b)
        if (a.is(b - 1, kPrivateBody)) return;
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
    // "Trinidad and Tobago, which was represented by Ambassador X": the country it represented
    if (folded_is(a, k - 2, "represented")) {
      std::uint32_t b = k - 2;
      while (b > s.first_token && k - b < 7 && in_list(a.tokens[b - 1].folded, {",", "which", "who", "was", "is", "were", "been", "has", "had"}))
        --b;
      if (b > s.first_token && a.owner[b - 1] >= 0) {
        const Mention& m = a.mentions[static_cast<std::size_t>(a.owner[b - 1])];
        if (m.type == NodeType::Country && m.form == NameForm::Name) return m.key.substr(8);
      }
      return {};
    }
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
    // "(left)", "(pictured)" close a name; "(BJYM)" follows a body's name
    if (t.folded == "(") return k + 1 < end && a.tokens[k + 1].word() && !a.tokens[k + 1].cap();
    return in_list(t.folded, {",", ".", ";", ")", "\"", "'", ":", "-"}) || (t.word() && !t.cap());
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
      // "Ambassador to Azerbaijan", "Ambassador in Cairo": the post, not the official's country
      if (folded_is(a, k, "to") || folded_is(a, k, "in")) {
        if (const Mention* c = mention_at(a, k + 1, NodeType::Country)) k = c->last;
        else if (const Mention* p = mention_at(a, k + 1, NodeType::Place)) k = p->last;
        else if (auto g = a.gaz.match(a.doc.text, a.tokens, k + 1, s.last_token);  // a place no mention took before a name
                 g && a.gaz.entry(g->entry).type == NodeType::Place)
          k += 1 + g->length;
      }
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
          // "... of the Republic of Armenia to the Holy See X": the post after the country
          if (after_mention == e && (folded_is(a, e, "to") || folded_is(a, e, "in"))) {
            std::uint32_t q = e + 1;
            if (folded_is(a, q, "the")) ++q;
            if (q < s.last_token && a.owner[q] >= 0) {
              const Mention& pm = a.mentions[static_cast<std::size_t>(a.owner[q])];
              if (pm.first == q && (pm.type == NodeType::Country || pm.type == NodeType::Place)) {
                e = pm.last;
                after_mention = e;
                continue;
              }
            }
          }
          if (folded_is(a, e, "(") && e + 2 < s.last_token && a.tokens[e + 1].is(kAllCaps) && folded_is(a, e + 2, ")")) {
            e += 3;
            if (after_mention == e - 3) after_mention = e;
            continue;
          }
          const Token& t = a.tokens[e];
          if (name_word(a, e) || in_list(t.folded, {"and", "of", "the", "for", "'s"})) { ++e; continue; }
          if (t.word() && !t.cap() && !t.is(kNumber)) { lower = true; ++e; continue; }
          break;
        }
        // "president of the Thai Hotels Association": the country names the body, which is no part of the state
        for (std::uint32_t q = k + 1; q < e; ++q)
          if (a.owner[q] < 0 && a.is(q, kPrivateBody) && a.tokens[q].cap()) {
            if (men.org < 0) men.country.clear();
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
      // the title's acronym: "Chief Election Commissioner (CEC) Sikandar Sultan Raja"
      if (!after_comma && folded_is(a, k, "(") && k + 2 < s.last_token && a.tokens[k + 1].is(kAllCaps) &&
          folded_is(a, k + 2, ")"))
        k += 3;
      // honorifics and ranks: "H.E.", "H E", "HRH", "Dr.", "Lt. Col.", "Maj. Gen.", "Sheikh"
      k = skip_ranks(a, s, k);
      std::uint32_t name_first = k;
      // "Vice Premier He Lifeng", "Speaker You Si-kun": a Chinese or Korean family name that
      // is also an English function word stands right after the title, before the given name
      if (k + 1 < s.last_token && a.tokens[k].cap() && in_list(a.tokens[k].folded, {"he", "you", "an", "so", "do"}) &&
          a.tokens[k + 1].is(kSpaceBefore) && name_word(a, k + 1) &&
          !a.is(k + 1, kHeadlineVerb) && !title_word_at(a, k + 1) && !title_word_at(a, k) && a.owner[k + 1] < 0)
        ++k;
      const std::uint32_t family_word = k - name_first;
      // a headline verb is no name ("President Announces Action Plan")
      if (a.is(name_first, kHeadlineVerb)) { i = title->end - 1; continue; }
      if (after_comma && title_word_at(a, name_first)) { i = title->end - 1; continue; }
      std::uint32_t name_last = parse_person_name(a, name_first + family_word, s.last_token);
      if (name_last == name_first + family_word) name_last = name_first;  // no given name after it: no name
      if (name_last == name_first || (after_comma && (word_count(a.surface(name_first, name_last)) < 2 ||
                                                      !name_closes(a, name_last, s.last_token)))) {
        i = title->end - 1;
        continue;
      }
      // "Chairman of the State Great Khural G.Zandanshatar": an initial glued to the surname starts the name,
      // the capitalised words before it name the body
      for (std::uint32_t j = name_first + 1; j + 2 < name_last; ++j)
        if (a.tokens[j].end - a.tokens[j].begin == 1 && a.tokens[j].cap() && folded_is(a, j + 1, ".") &&
            !a.tokens[j + 1].is(kSpaceBefore) && !a.tokens[j + 2].is(kSpaceBefore) && a.tokens[j].is(kSpaceBefore)) {
          name_first = j;
          break;
        }
      // "General Secretary of Bangladesh Adivasi Forum Sanjib Drong": the body's head word ends the body
      // (a forum is a body here, though "the Business Forum" is mostly an event and no organisation)
      for (std::uint32_t j = name_last - 2; j > name_first && j < name_last; --j)
        if ((a.is(j - 1, kOrgHead) || folded_is(a, j - 1, "forum")) && a.tokens[j - 1].cap() &&
            word_count(a.surface(j, name_last)) >= 2) {
          // a body no part of the state: the country only names it
          for (std::uint32_t b = name_first; b < j; ++b)
            if ((a.is(b, kPrivateBody) || folded_is(a, b, "forum")) && men.org < 0) men.country.clear();
          name_first = j;
          break;
        }
      if (is_gazetteer_span(a, name_first, name_last)) { i = name_last - 1; continue; }
      // a line in capitals ("KING KUSAE EDU ASONA ROYAL STOOL, COMMISSION OF INQUIRY"): case tells no name's end
      if (shouted(a, i, title->end) && shouted(a, name_first, name_last)) { i = name_last - 1; continue; }
      // "Director of the National Archives", "Minister of Climate Change", "Chief Executive Officer of the Fund":
      // a name that ends on a body's or a thing's word is no person
      if (thing_name(a, name_first, name_last)) { i = name_last - 1; continue; }
      // one letter is no name ("Gen Z")
      if (name_last == name_first + 1 && a.tokens[name_first].end - a.tokens[name_first].begin == 1) { i = name_last - 1; continue; }
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
      men.surface = name_surface(a, name_first, name_last);
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
          !in_list(a.tokens[after].folded, {"of", "for", "to", "in", "at", "and", "who", "since", "until", "from", "on",
                                           "with", "said", "says", "told", "was", "is", "has", "had", "will", "would"})) {
        i = e;
        continue;
      }
      if ((folded_is(a, after, "of") || folded_is(a, after, "for")) && folded_is(a, after + 1, "the")) ++after;
      if ((folded_is(a, after, "of") || folded_is(a, after, "for") || folded_is(a, after, "the")) && after + 1 < s.last_token &&
          a.owner[after + 1] >= 0 && men.country.empty()) {
        const Mention& q = a.mentions[static_cast<std::size_t>(a.owner[after + 1])];
        if (q.type == NodeType::Country) {
          // "X, president of the Thai Hotels Association": the country names a private body
          bool private_body = false;
          for (std::uint32_t b = q.last; b < s.last_token && b < q.last + 5 && name_word(a, b); ++b)
            private_body |= a.is(b, kPrivateBody);
          // "X, head of Malawi's journalists": people of the country, not its state
          if (folded_is(a, q.last, "'s") && q.last + 1 < s.last_token && a.is(q.last + 1, kPrivateBody)) private_body = true;
          if (!private_body) men.country = q.key.substr(8);
        } else if (q.type == NodeType::Organization) {
          men.org = a.owner[after + 1];
          men.country = q.country;
        }
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
           (((a.is(k, kHonorific) || a.is(k, kRank)) && a.tokens[k].cap() && a.surface(a.tokens[k]) != "He") ||
            folded_is(a, k, ".")))
      ++k;  // ("H.E." and "HE" are His Excellency; "Vice Premier He Lifeng" is a family name)
    return k;
  }

  /// Are the words of [first, last) written in capitals ("KING KUSAE"), not an acronym of two letters ("PM")?
  static bool shouted(const Annotation& a, std::uint32_t first, std::uint32_t last) {
    bool any = false;
    for (std::uint32_t k = first; k < last; ++k) {
      const Token& t = a.tokens[k];
      if (!t.word()) continue;
      if (!t.is(kAllCaps) || t.end - t.begin < 3) return false;
      any = true;
    }
    return any;
  }

  /// Does the name hold a word of a body or a thing ("Archives", "Climate Change", "Interior Ministry",
  /// "... Royal Stool")?
  static bool thing_name(const Annotation& a, std::uint32_t first, std::uint32_t last) {
    if (last <= first) return false;
    const std::uint32_t w = last - 1;
    // a thing's word first ("National Archives"), but "Bill" also starts a name ("President Bill Clinton")
    const bool thing_first = a.is(first, kThingWord) && !(folded_is(a, first, "bill") && last > first + 1);
    if (a.is(w, kThingWord) || a.is(w, kOrgHead) || a.is(w, kCompanyWord) || thing_first) return true;
    // "King Kusae Edu Asona Royal Stool": a thing's word inside is no part of a person's name either
    for (std::uint32_t k = first + 1; k < w; ++k)
      if (a.tokens[k].word() && a.is(k, kThingWord)) return true;
    return false;
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
      // a verb, not a name, stands before an article: "Israel's Golan Needs a Government Boost"
      if (e < s.last_token && in_list(a.tokens[e].folded, {"a", "an", "the"})) continue;
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
      // "the Moon Jae-in administration": a word glued by a hyphen belongs to the name whatever its case,
      // but not the second half of a compound adjective ("the BJP-led government", "a US-backed regime")
      auto glued_after_hyphen = [&](std::uint32_t k) {
        const std::string_view w = a.tokens[k].folded;
        const bool compound = w.ends_with("ed") || in_list(w, {"run", "era", "style", "type", "born", "made", "friendly"});
        return k > s.first_token + 1 && a.tokens[k].word() && !a.tokens[k].is(kSpaceBefore) && !compound &&
               folded_is(a, k - 1, "-") && !a.tokens[k - 1].is(kSpaceBefore);
      };
      while (first > s.first_token && (name_word(a, first - 1) || a.is(first - 1, kNameParticle) ||
                                       folded_is(a, first - 1, "-") || glued_after_hyphen(first - 1)))
        --first;
      while (first < end && !name_word(a, first)) ++first;
      if (first == end || a.owner[first] >= 0) continue;
      if (end == i) {  // "the Bashar Assad regime", "a Donald Trump administration", "Syria's Assad regime"
        if (first == s.first_token) continue;
        // "the Open Government Partnership", "the Left government": a government is named by a full name
        if (i + 1 < s.last_token && a.tokens[i + 1].cap() && a.tokens[i + 1].word()) continue;
        if (f == "government" && word_count(a.surface(first, end)) < 2) continue;
        // "the previous Moon Jae-in administration", "the former Trump administration"
        std::uint32_t det = first - 1;
        if (det > s.first_token && a.is(det, kTitleTime) && !a.tokens[det].cap()) --det;
        if (!folded_is(a, det, "the") && !folded_is(a, det, "a") && a.tokens[det].folded != "'s") continue;
      } else if (word_count(a.surface(first, end)) < 2) {
        continue;  // "Saddam Hussein's reign": a full name
      }
      if (parse_person_name(a, first, end) != end) continue;
      if (is_gazetteer_span(a, first, end) || !plain_person_words(a, first, end)) continue;
      if (end == first + 1 && a.tokens[first].is(kAllCaps)) continue;  // "the new MAS administration": a party
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
    ShortForms<bool> short_forms;
    for (const auto& [k, surface] : full) short_forms.add(k, true);
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
        // a suffix of a known full name: "Tayyip Erdoğan", or a bare surname "Lavrov"
        if (!hit) hit = !short_forms.ending(key).empty() || !short_forms.starting(key).empty();
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

}  // namespace

std::unique_ptr<MentionExtractor> make_official_mentions() { return std::make_unique<OfficialMentions>(); }

}  // namespace irgraph::extract
