// Agreements by their head nouns: "the Sochi agreement", "Resolution 2254", "Strategic Framework Agreement".
#include <algorithm>
#include <map>
#include <set>
#include <span>

#include "extract/mentions/mention_rules.hpp"
#include "extract/names.hpp"

namespace irgraph::extract {

namespace {

using namespace mention_rules;


/// "the Sochi agreement", "Geneva talks", "the 2015 nuclear deal", "Resolution 2254".
class AgreementMentions : public MentionExtractor {
 public:
  std::string_view name() const override { return "agreements"; }
  std::string_view description() const override {
    return "named agreements, treaties, processes, platforms, talks and resolutions from their head nouns";
  }
  std::vector<Rule> rules() const override {
    return {
        {"resolution-number", "\"Resolution 2254\""},
        {"place-head", "a place and an agreement head (\"Sochi agreement\", \"Astana process\")"},
        {"name-head", "capitalised words or a year and an agreement head (\"Strategic Framework Agreement\", \"2015 nuclear deal\")"},
        {"head-of-name", "a capitalised head, \"of\" and a name (\"Treaty of Lausanne\")"},
    };
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
    for (int id : a.mentions_in(s.index)) {  // the sentence's, not the document's: linear in the text
      Mention& pm = a.mentions[static_cast<std::size_t>(id)];
      if (pm.first >= first && pm.last <= last && (pm.type == NodeType::Place || pm.type == NodeType::Organization))
        a.release(pm);
    }
    a.add_mention(std::move(men));
  }
};

}  // namespace

std::unique_ptr<MentionExtractor> make_agreement_mentions() { return std::make_unique<AgreementMentions>(); }

}  // namespace irgraph::extract
