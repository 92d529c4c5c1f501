// Helpers the mention extractors share: word tests, title and person-name
// parsing, and the mention a span makes.
#include "extract/mentions/mention_rules.hpp"

#include <algorithm>

#include "extract/names.hpp"

namespace irgraph::extract::mention_rules {

// ---------------------------------------------------------------- word lists
// (the lists are in lexicon.cpp; each token's classes are looked up once)

AgreementHead agreement_head(const Annotation& a, std::uint32_t i) {
  if (a.is(i, kAgreementHeadMerge)) return {true, true};
  if (a.is(i, kAgreementHeadOther)) return {true, false};
  if (i < a.tokens.size() && a.tokens[i].folded == "cease") return {true, false};  // "cease-fire": checked by the caller
  return {};
}




/// A mention of `type` over tokens [first, last) of a sentence, its surface taken from the text.
bool quoted_nickname(const Annotation& a, std::uint32_t k, std::uint32_t end) {
  if (k + 2 >= end) return false;
  const Token& open = a.tokens[k];
  return !open.word() && (open.folded == "\"" || open.folded == "'") && a.tokens[k + 1].word() && a.tokens[k + 1].cap() &&
         !a.tokens[k + 1].is(kSpaceBefore) && a.tokens[k + 2].folded == open.folded && !a.tokens[k + 2].is(kSpaceBefore);
}

std::string name_surface(const Annotation& a, std::uint32_t first, std::uint32_t last) {
  for (std::uint32_t k = first + 1; k + 3 <= last; ++k)
    if (quoted_nickname(a, k, last)) return std::string(a.surface(first, k)) + " " + name_surface(a, k + 3, last);
  return std::string(a.surface(first, last));
}

Mention span_mention(const Annotation& a, NodeType type, std::uint32_t sentence, std::uint32_t first, std::uint32_t last) {
  Mention m;
  m.type = type;
  m.sentence = sentence;
  m.first = first;
  m.last = last;
  m.surface = type == NodeType::Official ? name_surface(a, first, last) : std::string(a.surface(first, last));
  return m;
}

// -------------------------------------------------------------- title parse


std::string capitalise(std::string_view s) {
  std::string r(s);
  if (!r.empty() && r[0] >= 'a' && r[0] <= 'z') r[0] = static_cast<char>(r[0] - 'a' + 'A');
  return r;
}

/// The title word at token i: its lexicon entry (plural heads accepted).
const TitleWord* title_word_at(const Annotation& a, std::uint32_t i, bool* plural, bool lenient) {
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
std::optional<Title> parse_title(const Annotation& a, std::uint32_t i, std::uint32_t end, bool lenient) {
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
        // "Chief of the General Staff": the one head word a domain may hold
        const bool general_staff = folded_is(a, m, "general") && folded_is(a, m + 1, "staff");
        if (!w2 || (w2->cls != TitleClass::Modifier && !general_staff)) break;
        if (general_staff) domain.push_back("General");
        else if (a.tokens[m].folded == "state" || a.tokens[m].folded == "staff") domain.push_back(capitalise(a.tokens[m].folded));
        else domain.push_back(word_for_role(a, m, *w2));
        ++m;
        if (folded_is(a, m, "and") && title_word_at(a, m + 1)) { domain.push_back("and"); ++m; }
      }
      if (domain.empty()) break;
      // "Minister of Foreign Affairs" -> "Foreign Minister"; "Secretary of State" stays
      if (!domain.empty() && domain.back() == "Affairs") domain.pop_back();
      std::string dom;
      for (const auto& d : domain) dom += (dom.empty() ? "" : " ") + d;
      if (dom == "State" || (dom.size() >= 5 && dom.compare(dom.size() - 5, 5, "Staff") == 0) || words.empty()) {
        words.push_back("of " + dom);
      } else {
        std::string h = words.back();
        words.back() = dom + " " + h;
      }
      k = m;
      last_good = k;
      continue;
    }
    // "Ambassador Extraordinary and Plenipotentiary": two heads joined
    if (tk->folded == "and" && head && k + 1 < end && a.tokens[k + 1].cap()) {
      const TitleWord* w2 = title_word_at(a, k + 1);
      if (w2 && w2->cls == TitleClass::Head && !(k + 2 < end && a.tokens[k + 2].cap() && !title_word_at(a, k + 2) &&
                                                 a.tokens[k + 2].word() && !folded_is(a, k + 2, "of"))) {
        words.push_back("and");
        words.push_back(word_for_role(a, k + 1, *w2));
        k += 2;
        last_good = k;
        continue;
      }
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


/// Is the sentence of token k written in title case (a headline: no lower-case word
/// but the function words headlines keep in lower case)?
bool title_case(const Annotation& a, std::uint32_t k) {
  const Sentence& s = a.sentence_of(k);
  for (std::uint32_t q = s.first_token; q < s.last_token; ++q) {
    const Token& t = a.tokens[q];
    if (t.word() && !t.cap() && !t.is(kNumber) &&
        !in_list(t.folded, {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "as",
                            "from", "vs", "'s"}))
      return false;
  }
  return true;
}

/// A monarch's title that is also a given or family name stays in a name already begun when a
/// name goes on after it or the name ends there: "Sikandar Sultan Raja", "Hossein Amir Abdollahian",
/// "Martin Luther King said"; not "Charles King of ...", not after one word at a name's end.
static bool monarch_word_in_name(const Annotation& a, std::uint32_t k, std::uint32_t end, int words) {
  if (!in_list(a.tokens[k].folded, {"king", "sultan", "prince", "amir", "emir"})) return false;
  if (title_word_at(a, k - 1)) return false;  // "Crown Prince", "Saudi King" after a title word
  const std::uint32_t n = k + 1;
  if (n < end && !a.tokens[n].is(kLineBefore) && name_word(a, n) && !title_word_at(a, n) && a.owner[n] < 0)
    return true;
  if (words < 2) return false;
  return n >= end || (a.tokens[n].word() ? !a.tokens[n].cap() && a.tokens[n].folded != "of"
                                         : a.tokens[n].folded != "(");
}

/// A person's name starting at token i: capitalised words, particles
/// (al-, bin, van ...), initials ("W."), hyphenated parts; ends on a
/// capitalised word. Returns the end token, or i when there is none.
std::uint32_t parse_person_name(const Annotation& a, std::uint32_t i, std::uint32_t end, bool allow_gazetteer) {
  std::uint32_t k = i, last_ok = i;
  int words = 0;
  while (k < end && words < 6) {
    const Token& t = a.tokens[k];
    if (k > i && t.is(kLineBefore)) break;
    // in a sentence written in ordinary case, a capitalised "Said" after a name is its surname
    // ("Amina Said met"); in a headline it is the verb ("Erdogan Said To Visit")
    const bool said_surname = words > 0 && t.cap() && t.folded == "said" && !title_case(a, k);
    if (name_word(a, k) || said_surname) {
      if (words > 0 && a.is(k, kHeadlineVerb) && !said_surname) break;
      // no name starts with a word of a title ("General Staff" after "Gen Sergei Rudskoi of the Russian")
      if (words == 0 && title_word_at(a, k)) break;
      // a country, organisation or agreement name is not part of a person's name
      if (!allow_gazetteer && a.owner[k] >= 0) {
        const Mention& m = a.mentions[static_cast<std::size_t>(a.owner[k])];
        if (m.type != NodeType::Place) break;
      }
      // a title word starts a new phrase ("Erdoğan and German Chancellor"), unless a hyphen
      // glues it to a name word that is no title: "Amir-Abdollahian" (but "Vice-President")
      const bool glued_name = folded_is(a, k + 1, "-") && !a.tokens[k + 1].is(kSpaceBefore) && k + 2 < end &&
                              !a.tokens[k + 2].is(kSpaceBefore) && name_word(a, k + 2) && !title_word_at(a, k + 2);
      if (title_word_at(a, k) && a.title_exact(k).cls == TitleClass::Head && words > 0 && !glued_name &&
          !monarch_word_in_name(a, k, end, words))
        break;
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
    // a nickname in quotes inside a name: José "Pepe" Mujica, Andrés 'Cuervo' Larroque
    if (words > 0 && quoted_nickname(a, k, end) && name_word(a, k + 3) && !title_word_at(a, k + 3) && a.owner[k + 3] < 0) {
      k += 3;
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

std::string role_core(std::string_view role) {
  // "Deputy Foreign Minister" must not answer for "Foreign Minister"
  return fold(role);
}

}  // namespace irgraph::extract::mention_rules
