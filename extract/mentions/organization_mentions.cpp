// Organisations by head nouns and acronyms defined in parentheses.
#include <algorithm>
#include <map>
#include <set>
#include <span>

#include "extract/mentions/mention_rules.hpp"
#include "extract/names.hpp"

namespace irgraph::extract {

namespace {

using namespace mention_rules;


/// "National Intelligence Organization (MİT)", "Supreme National Security Council".
class OrganizationMentions : public MentionExtractor {
 public:
  std::string_view name() const override { return "organizations"; }
  std::string_view description() const override {
    return "organisations named by a head noun (Council, Agency, Party ...) and acronyms introduced in parentheses";
  }
  std::vector<Rule> rules() const override {
    return {
        {"head-noun", "capitalised words and an organisation head (\"Supreme National Security Council\")"},
        {"bilateral-council", "\"the Turkish-Iranian High-Level Cooperation Council\""},
        {"acronym-definition", "a name and its acronym in parentheses (\"Small Industries ... Organization (ISIPO)\")"},
    };
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

}  // namespace

std::unique_ptr<MentionExtractor> make_organization_mentions() { return std::make_unique<OrganizationMentions>(); }

}  // namespace irgraph::extract
