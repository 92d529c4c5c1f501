#pragma once
/// What the mention extractors share (one extractor a file in this folder):
/// word tests over an annotated document, the parsers of official titles and
/// of persons' names, and each extractor's factory.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/pipeline.hpp"

namespace irgraph::extract {

// one factory an extractor, in the order the pipeline runs them
std::unique_ptr<MentionExtractor> make_gazetteer_mentions();
std::unique_ptr<MentionExtractor> make_place_mentions();
std::unique_ptr<MentionExtractor> make_agreement_mentions();
std::unique_ptr<MentionExtractor> make_organization_mentions();
std::unique_ptr<MentionExtractor> make_official_mentions();
std::unique_ptr<MentionExtractor> make_description_mentions();

namespace mention_rules {

/// Head nouns of agreement names, and whether "<Name> <head>" of that head
/// names the same thing as any other head of its group ("Astana process",
/// "Astana platform", "Astana talks" are one).
struct AgreementHead {
  bool known = false;
  bool mergeable = false;
};
AgreementHead agreement_head(const Annotation& a, std::uint32_t i);

// (the word tests run on every token: inline)
inline bool in_list(std::string_view f, std::initializer_list<std::string_view> l) {
  return std::find(l.begin(), l.end(), f) != l.end();
}
inline const Token* tok(const Annotation& a, std::uint32_t i) { return i < a.tokens.size() ? &a.tokens[i] : nullptr; }
inline bool folded_is(const Annotation& a, std::uint32_t i, std::string_view f) {
  const Token* t = tok(a, i);
  return t && t->folded == f;
}
/// A mention of `type` over tokens [first, last) of a sentence, its surface taken from the text.
Mention span_mention(const Annotation& a, NodeType type, std::uint32_t sentence, std::uint32_t first, std::uint32_t last);

struct Title {
  std::uint32_t end = 0;  ///< token after the title
  std::string role;       ///< canonical ("Deputy Foreign Minister")
  bool plural = false;    ///< "ministers"
  bool counterpart = false;
  std::vector<std::string> coordinated;  ///< "foreign and defense ministers" -> {"Foreign Minister", "Defense Minister"}
};

std::string capitalise(std::string_view s);
/// The title word at token i: its lexicon entry (plural heads accepted).
const TitleWord* title_word_at(const Annotation& a, std::uint32_t i, bool* plural = nullptr, bool lenient = false);
std::string word_for_role(const Annotation& a, std::uint32_t i, const TitleWord& w);
/// A title starting at token i ("Deputy Foreign Minister", "Minister of Foreign Affairs", "foreign and defense ministers").
std::optional<Title> parse_title(const Annotation& a, std::uint32_t i, std::uint32_t end, bool lenient = false);

/// A capitalised word that may be part of a person's name.
inline bool name_word(const Annotation& a, std::uint32_t i) {
  const Token* t = tok(a, i);
  return t && t->word() && !t->is(kNumber) && t->cap() && !a.is(i, kStopCap);
}
/// A person's name starting at token i: capitalised words, particles
/// (al-, bin, van ...), initials ("W."), hyphenated parts; ends on a
/// capitalised word. Returns the end token, or i when there is none.
/// Is the sentence of token k written in title case (a headline)?
bool title_case(const Annotation& a, std::uint32_t k);
/// Does a one-word nickname in quotes start at `k` ("Pepe" in José "Pepe" Mujica)?
bool quoted_nickname(const Annotation& a, std::uint32_t k, std::uint32_t end);
/// A person's name as the graph writes it: the text of [first, last) without a quoted nickname.
std::string name_surface(const Annotation& a, std::uint32_t first, std::uint32_t last);
std::uint32_t parse_person_name(const Annotation& a, std::uint32_t i, std::uint32_t end, bool allow_gazetteer = false);
/// Is the span a gazetteer entity (then it is not a person)?
bool is_gazetteer_span(const Annotation& a, std::uint32_t first, std::uint32_t last);
/// A role as descriptions compare it.
std::string role_core(std::string_view role);

}  // namespace mention_rules
}  // namespace irgraph::extract
