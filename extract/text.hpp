#pragma once
/// The text layer: Unicode normalisation, folding for matching, tokens with
/// byte offsets, and sentence splitting. Everything works on UTF-8 bytes and
/// reports offsets into the (NFC-normalised) document text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace irgraph::extract {

/// Offset of the first byte that is not valid UTF-8 (overlong forms,
/// surrogates and code points above U+10FFFF count as invalid), or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

/// Offset of the first control character (C0 but tab, LF and CR when
/// `line_breaks`; DEL; C1) or non-character (U+FFFE, U+FFFF) in valid
/// UTF-8, or nullopt. These break XML, terminals and one-line formats.
std::optional<std::size_t> find_control(std::string_view s, bool line_breaks);

/// What find_control(s, true) finds, replaced in place by characters of the
/// same length: C0 and DEL by a space, a C1 control (2 bytes) by two spaces,
/// U+FFFE and U+FFFF by U+FFFD. Every byte offset stays.
void blank_controls(std::string& s);

/// Offset where JSON nesting ([ and {, outside strings) first goes deeper
/// than `max_depth`, or nullopt: a cheap check before a parser recurses.
std::optional<std::size_t> find_deep_json(std::string_view json, std::size_t max_depth);

/// NFC normalisation (ICU). The input must be valid UTF-8.
std::string nfc(std::string_view s);

/// Folded form for matching: case folded, diacritics removed (Ç→c, İ/ı→i,
/// ß→ss, ø→o), dots and apostrophes dropped, any other non-alphanumeric run
/// turned into one space, trimmed. "Çavuşoğlu" and "CAVUSOGLU" both give
/// "cavusoglu"; "U.S." gives "us"; "Nur-Sultan" gives "nur sultan".
std::string fold(std::string_view s);
/// fold() appended to `out` (no allocation when `out` has room).
void fold_append(std::string_view s, std::string& out);

/// A slug usable in identifiers: fold() with spaces turned into '-'.
std::string slug(std::string_view s);

enum TokenFlag : std::uint8_t {
  kWord = 1,         ///< letters or digits
  kCapitalized = 2,  ///< first character is an upper-case letter
  kAllCaps = 4,      ///< two or more letters, all upper case ("NATO", "U.S.")
  kNumber = 8,       ///< starts with a digit
  kSpaceBefore = 16, ///< white space precedes it (so "U.N.-brokered" has none before "-")
  kLineBefore = 32,  ///< a line break precedes it
};

struct Token {
  std::uint32_t begin = 0, end = 0;  ///< byte span in the document text
  std::string_view folded;           ///< fold() of the surface; for punctuation the character itself
  std::uint8_t flags = 0;
  bool is(TokenFlag f) const { return (flags & f) != 0; }
  bool word() const { return is(kWord); }
  bool cap() const { return is(kCapitalized); }
};

/// Splits `text` into tokens: words (with internal apostrophes such as
/// O'Brien, and dotted acronyms such as "U.S." kept whole), numbers ("1.5"),
/// and single punctuation marks. A possessive "'s" is a token of its own.
/// Tokens' folded forms are views into `text` and into `storage` (which the
/// call fills, one buffer for all tokens): both must outlive the tokens, and
/// `storage` must not change while they are used.
std::vector<Token> tokenize(std::string_view text, std::string& storage);

struct Sentence {
  std::uint32_t index = 0;           ///< 0-based position in the document
  std::uint32_t begin = 0, end = 0;  ///< byte span in the document text
  std::uint32_t first_token = 0, last_token = 0;  ///< token range [first, last) in the document's tokens
};

/// The most tokens a sentence has: what one sentence may cost the extractors
/// (and its evidence copies) is bounded, so extraction time grows linearly
/// with the text whatever its punctuation. News sentences stay far below.
inline constexpr std::uint32_t kMaxSentenceTokens = 400;

/// Sentence boundaries over the tokens of `text`. A line break always ends a
/// sentence; '.', '!' and '?' end one when a capitalised word, a quote or a
/// digit follows, unless the period closes an abbreviation ("Sept.", "Dr.",
/// "St."), an initial ("George W. Bush"), or a dotted acronym ("U.S.") that a
/// name continues. A run longer than kMaxSentenceTokens is cut at its last
/// ';', ',' or ':' past half the bound, else at the bound.
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens);

/// Decodes one code point at `i` (advancing it); returns U+FFFD on bad input.
char32_t next_code_point(std::string_view s, std::size_t& i);

}  // namespace irgraph::extract
