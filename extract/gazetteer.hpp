#pragma once
/// Gazetteers: countries (ISO 3166-1 from iso-codes, with the names and
/// demonyms news uses), places, organisations, agreements, and the lexicon of
/// official titles. Built once from the data files in extract/gazetteers/
/// (compiled into the library); looked up by sequences of folded tokens.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/ontology.hpp"
#include "extract/text.hpp"

namespace irgraph::extract {

/// How a surface form names its entry.
enum class NameForm : std::uint8_t {
  Name,     ///< a proper name ("Turkey", "Moscow", "United Nations")
  Demonym,  ///< an adjective or people ("Turkish", "Russians"): a country mention
  Acronym,  ///< an acronym ("NATO", "U.N."): must be written in capitals
};

struct GazetteerEntry {
  NodeType type;
  std::string key;      ///< canonical key: alpha-3 for countries, folded name otherwise
  std::string name;     ///< display name ("Turkey", "United Nations")
  std::string country;  ///< alpha-3 the place or body belongs to, or empty
  std::string kind;     ///< sub-kind from the data file ("city", "armed group", ...)
  std::uint32_t population = 0;  ///< GeoNames cities: their population (0 for every other entry)
};

/// A town of the large GeoNames list (towns.tsv): its name is often something
/// else too, so the extractor takes it only where the text says it is a place.
/// Views into the embedded data.
struct TownRow {
  std::string_view key;      ///< phrase key: folded words joined by spaces
  std::string_view name;     ///< GeoNames name
  std::string_view country;  ///< alpha-3
  std::uint32_t population = 0;
};

struct GazetteerMatch {
  std::uint32_t entry = 0;   ///< index into Gazetteer::entries()
  std::uint32_t length = 0;  ///< tokens matched
  NameForm form = NameForm::Name;
};

enum class TitleClass : std::uint8_t { None, Head, Modifier };

struct TitleWord {
  TitleClass cls = TitleClass::None;
  std::string canonical;  ///< spelling used in roles ("Defense" for "defence")
  bool cap_only = false;  ///< counts only when written with a capital
};

class Gazetteer {
 public:
  /// The gazetteer built from the embedded data files (built on first use; thread-safe).
  static const Gazetteer& instance();

  /// Builds from data file contents (tests use small ones).
  Gazetteer(std::string_view iso_json, std::string_view country_names, std::string_view countries_news,
            std::string_view cities, std::string_view places, std::string_view organizations,
            std::string_view agreements, std::string_view titles, std::string_view towns = {},
            std::string_view former_countries_json = {}, std::string_view regions = {});

  /// Longest entry whose name matches tokens [i, end), case rules applied:
  /// names must start with a capital, acronyms must be in capitals.
  /// Priority on equal length: Country, Organization, Agreement, Place. Towns are not entries.
  std::optional<GazetteerMatch> match(std::string_view text, const std::vector<Token>& tokens, std::uint32_t i,
                                      std::uint32_t end) const;

  /// The longest town name at token i (capitalised): its length in tokens and its rows
  /// (homonyms, largest first), or an empty span.
  std::pair<std::uint32_t, std::span<const TownRow>> town_at(const std::vector<Token>& tokens, std::uint32_t i,
                                                              std::uint32_t end) const;
  /// Every town of that phrase key.
  std::span<const TownRow> towns(std::string_view key) const;

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  const GazetteerEntry& entry(std::uint32_t i) const { return entries_.at(i); }

  /// The country entry for an alpha-3 code, or nullptr.
  const GazetteerEntry* country(std::string_view alpha3) const;
  /// Every entry a folded name or alias resolves to (all types).
  std::vector<std::uint32_t> lookup(std::string_view folded_name) const;
  /// Surface forms of an entry (names, acronyms, demonyms) as written in the data.
  const std::vector<std::string>& surface_forms(std::uint32_t entry) const { return forms_.at(entry); }

  const TitleWord& title_word(std::string_view folded) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Candidate {
    std::uint32_t entry;
    NameForm form;
  };
  void add(std::uint32_t entry, std::string_view surface, NameForm form);
  std::uint32_t add_entry(GazetteerEntry e);

  std::vector<GazetteerEntry> entries_;
  std::vector<std::vector<std::string>> forms_;
  /// Hashes std::string and std::string_view alike, so lookups by view allocate nothing.
  struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <class V>
  using ByText = std::unordered_map<std::string, V, TransparentHash, std::equal_to<>>;
  void build_trie();
  void add_towns(std::string_view file);

  std::vector<TownRow> towns_;  ///< sorted by key: 100k names kept out of the trie, read in place
  /// one bit a hash of a town's first word: most capitalised tokens start no town
  std::vector<std::uint64_t> town_first_words_;
  /// rows of towns_ by the key's first two letters: the binary search runs in a small range
  std::vector<std::pair<std::uint32_t, std::uint32_t>> town_buckets_;
  static std::size_t town_bucket(std::string_view key);

  ByText<std::vector<Candidate>> phrases_;  ///< token-folded phrase -> candidates
  ByText<std::uint32_t> countries_;         ///< alpha-3 -> entry
  ByText<std::uint32_t> by_key_;            ///< type prefix + key -> entry
  ByText<TitleWord> titles_;
  // The phrases as a trie over word ids, so match() walks token by token and
  // stops at the first token no phrase continues with (one lookup per token,
  // no phrase strings built).
  ByText<std::uint32_t> words_;                          ///< folded token -> word id
  std::unordered_map<std::uint64_t, std::uint32_t> trie_;  ///< (node << 32 | word id) -> child node
  std::vector<const std::vector<Candidate>*> ends_;        ///< node -> candidates of the phrase ending there, or null
};

/// Splits a '|'-separated field; empty parts are dropped.
std::vector<std::string> split_list(std::string_view field);
/// Rows of a tab-separated data file: '#' lines and blank lines skipped.
std::vector<std::vector<std::string>> read_tsv(std::string_view content);

}  // namespace irgraph::extract
