#pragma once
/// The working state of one document while extractors run: tokens,
/// sentences, mentions (typed spans) and the document's entities. Mention
/// extractors add mentions; coreference groups them into entities; relation
/// extractors read both and emit relations.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ontology.hpp"
#include "extract/dates.hpp"
#include "extract/document.hpp"
#include "extract/gazetteer.hpp"
#include "extract/lexicon.hpp"
#include "extract/records.hpp"
#include "extract/text.hpp"

namespace irgraph::extract {

/// A typed span of text naming an entity (or, for descriptions, standing for
/// officials named elsewhere: "the Russian foreign and defense ministers").
struct Mention {
  NodeType type = NodeType::Country;
  std::uint32_t sentence = 0;
  std::uint32_t first = 0, last = 0;  ///< token range [first, last)
  std::string surface;                ///< the name as written (for officials: the name part only)
  NameForm form = NameForm::Name;
  int gazetteer = -1;                 ///< gazetteer entry, or -1
  std::string key;                    ///< grouping key within the document
  std::string country;                ///< alpha-3 stated with it ("Russian Foreign Minister ...")
  int org = -1;                       ///< mention index of an organisation stated with it ("MİT Chief ...")
  std::string role;                   ///< title of an official, canonical spelling
  bool description = false;           ///< stands for other entities (see `refers`)
  std::vector<std::string> roles;     ///< roles a description asks for
  int group = 0;                      ///< a group description ("the two leaders"): how many it stands for
  std::vector<int> refers;            ///< entities a description resolved to
  int entity = -1;                    ///< document entity after coreference
  std::string extractor, rule;        ///< trace
};

/// A document entity: mentions grouped by coreference.
struct Entity {
  NodeType type = NodeType::Country;
  std::string name;                   ///< fullest form
  std::vector<std::string> aliases;
  std::string key;                    ///< gazetteer key, when there is one
  std::string country;                ///< alpha-3 (officials: the country they serve, when known)
  std::string role;                   ///< officials: their title
  int org = -1;                       ///< officials: entity of the body they serve in
  /// officials: the sentence of a description that gave the country ("the Greek prime minister"), or -1
  int country_description = -1;
  std::vector<int> mentions;
  std::string extractor, rule;
};

class Annotation;

/// Do the tokens from `from` read a distance or a direction from a place (", about 45km
/// (28 miles) south of", ", an area outside", " near")? The token after them (where the
/// place should stand), or 0 when they do not. At most `limit` tokens are read.
std::uint32_t after_direction(const Annotation& a, std::uint32_t from, std::uint32_t end, std::uint32_t limit = 12);

class Annotation {
 public:
  Annotation(const Document& doc, const Gazetteer& gaz);

  const Document& doc;
  const Gazetteer& gaz;

 private:
  std::string folded_storage_;  ///< the tokens' folded forms (declared before them: they view into it)

 public:
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::optional<Date> doc_date;
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<int> owner;  ///< per token: the mention covering it, or -1

  std::string_view surface(std::uint32_t first, std::uint32_t last) const;
  std::string_view surface(const Token& t) const { return surface_of(t); }
  std::string_view surface_of(const Token& t) const {
    return std::string_view(doc.text).substr(t.begin, t.end - t.begin);
  }
  const Sentence& sentence_of(std::uint32_t token) const;
  /// Adds a mention if none overlaps it; returns its index or -1. With
  /// `nest_countries`, country mentions inside it stay (and keep their tokens).
  int add_mention(Mention m, bool nest_countries = false);
  /// Empties a mention and frees its tokens (a later extractor read them otherwise).
  void release(Mention& m);
  /// Mentions of a sentence, in text order.
  std::vector<int> mentions_in(std::uint32_t sentence) const;
  /// Event date of a sentence, resolved against the document date ("" when none).
  std::string sentence_date(std::uint32_t sentence) const;
  /// Entity id of the mention covering `token`, or -1.
  int entity_at(std::uint32_t token) const;
  /// The title lexicon's entry for token i's folded form (a None entry when it is no title word).
  const TitleWord& title_exact(std::uint32_t i) const { return *title_exact_[i]; }
  /// Whether token i's folded form is in the word list `c` (see lexicon.hpp).
  bool is(std::uint32_t i, WordClass c) const { return i < word_classes_.size() && (word_classes_[i] & c) != 0; }
  /// For a plural form ("ministers"), the entry of its singular; else nullptr.
  const TitleWord* title_singular(std::uint32_t i) const { return title_singular_[i]; }

 private:
  mutable std::vector<std::optional<std::string>> date_cache_;
  std::size_t dateline_end_ = 0;  ///< where the text's date line or dateline ends (0: none)
  std::vector<std::vector<int>> by_sentence_;  ///< mention ids per sentence, in insertion order
  // title lexicon lookups, once per token (extractors ask about the same token many times)
  std::vector<const TitleWord*> title_exact_, title_singular_;
  std::vector<std::uint32_t> word_classes_;
};

}  // namespace irgraph::extract
