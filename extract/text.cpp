#include "extract/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"

namespace irgraph::extract {

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const std::size_t n = s.size();
  while (i < n) {
    if (p[i] < 0x80) { ++i; continue; }
    const std::size_t start = i;
    UChar32 c;
    int32_t idx = static_cast<int32_t>(i);
    // U8_NEXT handles overlongs, surrogates and > U+10FFFF as errors (c < 0).
    U8_NEXT(p, idx, static_cast<int32_t>(std::min<std::size_t>(n, INT32_MAX)), c);
    if (c < 0) return start;
    i = static_cast<std::size_t>(idx);
  }
  return std::nullopt;
}

std::optional<std::size_t> find_control(std::string_view s, bool line_breaks) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::uint8_t c = p[i];
    if (c < 0x20) {
      if (!(line_breaks && (c == '\t' || c == '\n' || c == '\r'))) return i;
    } else if (c == 0x7F) {
      return i;
    } else if (c == 0xC2 && i + 1 < s.size() && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) {
      return i;  // C1 control
    } else if (c == 0xEF && i + 2 < s.size() && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF)) {
      return i;  // U+FFFE, U+FFFF
    }
  }
  return std::nullopt;
}

void blank_controls(std::string& s) {
  std::size_t from = 0;
  while (auto at = find_control(std::string_view(s).substr(from), true)) {
    const std::size_t i = from + *at;
    const auto c = static_cast<std::uint8_t>(s[i]);
    if (c == 0xEF) s.replace(i, 3, "\xEF\xBF\xBD");  // U+FFFD, same length
    else if (c == 0xC2) s.replace(i, 2, "  ");
    else s[i] = ' ';
    from = i + 1;
  }
}

std::optional<std::size_t> find_deep_json(std::string_view json, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  if (p[i] < 0x80) return p[i++];
  UChar32 c;
  int32_t idx = static_cast<int32_t>(i);
  U8_NEXT(p, idx, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(idx);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

std::string nfc(std::string_view s) {
  // Pure ASCII is already NFC: skip ICU for the common case.
  bool ascii = true;
  for (unsigned char c : s)
    if (c >= 0x80) { ascii = false; break; }
  if (ascii) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw Error("text: ICU NFC normaliser unavailable");
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (norm->isNormalized(in, status) && U_SUCCESS(status)) return std::string(s);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = norm->normalize(in, status);
  if (U_FAILURE(status)) throw Error("text: NFC normalisation failed");
  std::string r;
  out.toUTF8String(r);
  return r;
}

namespace {

void append_utf8(std::string& out, char32_t c) {
  char buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), err);
  if (!err) out.append(buf, static_cast<std::size_t>(len));
}

/// Folded form of one non-ASCII code point: its letters and digits without
/// diacritics, case-folded; empty when it folds to nothing (marks); " " for
/// separators and punctuation. Cached: news text reuses few such characters.
const std::string& fold_code_point(char32_t c) {
  static std::mutex mu;
  static std::unordered_map<char32_t, std::string> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(c);
  if (it != cache.end()) return it->second;
  std::string out;
  switch (c) {  // letters without a decomposition that news spells in ASCII
    case U'ı': case U'İ': out = "i"; break;
    case U'ß': out = "ss"; break;
    case U'ø': case U'Ø': out = "o"; break;
    case U'đ': case U'Đ': out = "d"; break;
    case U'ł': case U'Ł': out = "l"; break;
    case U'æ': case U'Æ': out = "ae"; break;
    case U'œ': case U'Œ': out = "oe"; break;
    case U'þ': case U'Þ': out = "th"; break;
    case U'\u2019': case U'\u2018': case U'\u02BC': case U'\u00B4': out = ""; break;  // apostrophes
    default: {
      UErrorCode status = U_ZERO_ERROR;
      const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
      icu::UnicodeString decomposed;
      if (U_SUCCESS(status) && nfkd->getDecomposition(static_cast<UChar32>(c), decomposed)) {
        for (int32_t i = 0; i < decomposed.length();) {
          UChar32 d = decomposed.char32At(i);
          i += U16_LENGTH(d);
          if (u_getCombiningClass(d) != 0 || u_charType(d) == U_NON_SPACING_MARK) continue;
          if (u_isalnum(d)) append_utf8(out, static_cast<char32_t>(u_foldCase(d, U_FOLD_CASE_DEFAULT)));
          else if (d < 0x80 && (d == '.' || d == '\'')) continue;
          else out += ' ';
        }
      } else if (u_getCombiningClass(static_cast<UChar32>(c)) != 0 || u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) {
        out = "";
      } else if (u_isalnum(static_cast<UChar32>(c))) {
        append_utf8(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)));
      } else {
        out = " ";
      }
    }
  }
  return cache.emplace(c, std::move(out)).first->second;
}

}  // namespace

void fold_append(std::string_view s, std::string& out) {
  const std::size_t start = out.size();
  bool pending_space = false;
  auto put = [&](std::string_view piece) {
    for (char ch : piece) {
      if (ch == ' ') { pending_space = out.size() > start; continue; }
      if (pending_space) { out += ' '; pending_space = false; }
      out += ch;
    }
  };
  for (std::size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      if (b >= 'A' && b <= 'Z') { char c = static_cast<char>(b - 'A' + 'a'); put({&c, 1}); }
      else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) { char c = static_cast<char>(b); put({&c, 1}); }
      else if (b == '.' || b == '\'') continue;
      else put(" ");
      continue;
    }
    put(fold_code_point(next_code_point(s, i)));
  }
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  fold_append(s, out);
  return out;
}

std::string slug(std::string_view s) {
  std::string f = fold(s);
  for (char& c : f)
    if (c == ' ') c = '-';
  return f;
}

namespace {

bool is_letter_or_digit(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}
bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}
bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x80 && u_isUWhiteSpace(static_cast<UChar32>(c)));
}
bool is_apostrophe(char32_t c) { return c == '\'' || c == U'\u2019'; }

/// End of a dotted acronym of single letters ("U.S.", "U.N.", "D.C.") starting
/// at `at`, or 0 when none starts there. Needs two letters at least.
std::size_t dotted_acronym_end(std::string_view text, std::size_t at) {
  std::size_t i = at;
  int letters = 0;
  while (i + 1 < text.size()) {
    std::size_t j = i;
    char32_t c = next_code_point(text, j);
    if (!(c < 0x80 ? ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) : u_isalpha(static_cast<UChar32>(c)))) break;
    if (j >= text.size() || text[j] != '.') break;
    ++letters;
    i = j + 1;
  }
  if (letters < 2) return 0;
  if (i < text.size()) {
    std::size_t k = i;
    if (is_letter_or_digit(next_code_point(text, k))) return 0;
  }
  return i;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, std::string& storage) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5);
  storage.clear();
  storage.reserve(text.size());
  // Folded words go into `storage` (one buffer, no allocation per token); their
  // views are set at the end, once the buffer no longer moves.
  constexpr std::uint32_t kInText = UINT32_MAX;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> folded_at;  // (offset, length) in storage
  folded_at.reserve(text.size() / 5);
  std::size_t i = 0;
  bool space_before = true, line_before = true;
  const std::size_t n = text.size();
  auto peek = [&](std::size_t at) -> char32_t {
    if (at >= n) return 0;
    std::size_t j = at;
    return next_code_point(text, j);
  };
  while (i < n) {
    std::size_t start = i;
    char32_t c = next_code_point(text, i);
    if (is_space(c)) {
      space_before = true;
      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) line_before = true;
      continue;
    }
    Token t;
    t.begin = static_cast<std::uint32_t>(start);
    if (is_letter_or_digit(c)) {
      t.flags |= kWord;
      const bool digit_start = c < 0x80 && c >= '0' && c <= '9';
      if (digit_start) t.flags |= kNumber;
      if (is_upper(c)) t.flags |= kCapitalized;
      if (std::size_t acr = dotted_acronym_end(text, start); acr != 0) {
        i = acr;  // U.S., U.N., D.C.: one token, dots included
        if (is_upper(c)) t.flags |= kAllCaps;
      } else {
        bool all_upper = is_upper(c);
        int letters = digit_start ? 0 : 1;
        while (i < n) {
          std::size_t j = i;
          char32_t d = next_code_point(text, j);
          if (is_letter_or_digit(d)) {
            if (is_lower(d)) all_upper = false;
            if (!(d >= '0' && d <= '9')) ++letters;
            i = j;
          } else if (is_apostrophe(d) && !digit_start && is_letter_or_digit(peek(j))) {
            // O'Brien, Sana'a stay whole; the possessive 's does not
            std::size_t k = j;
            char32_t e = next_code_point(text, k);
            if ((e == 's' || e == 'S') && !is_letter_or_digit(peek(k))) break;
            i = j;
          } else if (digit_start && (d == '.' || d == ',') && peek(j) >= '0' && peek(j) <= '9') {
            i = j;  // 1.5, 1,500
          } else {
            break;
          }
        }
        if (letters >= 2 && all_upper && !digit_start) t.flags |= kAllCaps;
      }
    }
    if (space_before) t.flags |= kSpaceBefore;
    if (line_before) t.flags |= kLineBefore;
    t.end = static_cast<std::uint32_t>(i);
    std::string_view surface = text.substr(t.begin, t.end - t.begin);
    std::uint32_t at = kInText;
    if (t.is(kNumber)) {
      t.folded = surface;  // "1.5", "31.12.2018": dots matter in numbers
    } else if (t.word()) {
      at = static_cast<std::uint32_t>(storage.size());
      fold_append(surface, storage);
      if (storage.size() == at) {  // folds to nothing: keep the surface
        at = kInText;
        t.folded = surface;
      } else {
      }
    } else if (is_apostrophe(c) && (peek(i) == 's' || peek(i) == 'S')) {
      std::size_t j = i;
      next_code_point(text, j);
      if (!is_letter_or_digit(peek(j))) {  // possessive 's
        i = j;
        t.end = static_cast<std::uint32_t>(i);
        t.folded = "'s";
      } else {
        t.folded = "'";
      }
    } else {
      t.folded = surface;
      if (c == U'\u2019' || c == U'\u2018') t.folded = "'";
      else if (c == U'\u201C' || c == U'\u201D' || c == U'\u00AB' || c == U'\u00BB') t.folded = "\"";
      else if (c == U'\u2013' || c == U'\u2014') t.folded = "-";
    }
    tokens.push_back(t);
    folded_at.emplace_back(at, at == kInText ? 0 : static_cast<std::uint32_t>(storage.size() - at));
    space_before = line_before = false;
  }
  for (std::size_t k = 0; k < tokens.size(); ++k)
    if (folded_at[k].first != kInText)
      tokens[k].folded = std::string_view(storage).substr(folded_at[k].first, folded_at[k].second);
  return tokens;
}

namespace {

const std::unordered_set<std::string_view>& abbreviations() {
  static const std::unordered_set<std::string_view> a = {
      "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "cpt", "maj", "adm", "gov",
      "sen", "rep", "prof", "rev", "hon", "jr", "sr", "no", "nos", "vol", "vs", "etc", "approx",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "corp",
      "ltd", "co", "bros", "dept", "est", "fig", "gens", "mt", "ft", "pres", "amb", "cmdr",
      "e", "g", "i", "al"};
  return a;
}

// Words that start a new sentence after a dotted acronym ("... the U.S. The talks ...").
const std::unordered_set<std::string_view>& sentence_starters() {
  static const std::unordered_set<std::string_view> s = {
      "the", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those", "but", "and",
      "in", "on", "at", "a", "an", "his", "her", "their", "its", "our", "meanwhile", "however",
      "there", "as", "after", "before", "while", "when", "if", "so", "yet", "both", "last", "earlier"};
  return s;
}

bool closes_quote_or_bracket(const Token& t) {
  return !t.word() && (t.folded == "\"" || t.folded == "'" || t.folded == ")" || t.folded == "]");
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Sentence> out;
  const std::uint32_t n = static_cast<std::uint32_t>(tokens.size());
  std::uint32_t first = 0;
  auto close = [&](std::uint32_t last) {  // tokens [first, last)
    if (last <= first) return;
    Sentence s;
    s.index = static_cast<std::uint32_t>(out.size());
    s.first_token = first;
    s.last_token = last;
    s.begin = tokens[first].begin;
    s.end = tokens[last - 1].end;
    out.push_back(s);
    first = last;
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    if (i > first && tokens[i].is(kLineBefore)) { close(i); }
    if (i - first >= kMaxSentenceTokens) {
      // no real sentence is this long (a table, a list, text without stops):
      // cut at the last ';', ',' or ':' of its second half, else here
      std::uint32_t cut = i;
      for (std::uint32_t k = i - 1; k > first + kMaxSentenceTokens / 2; --k)
        if (!tokens[k].word() && (tokens[k].folded == ";" || tokens[k].folded == "," || tokens[k].folded == ":")) {
          cut = k + 1;
          break;
        }
      close(cut);
    }
    const Token& t = tokens[i];
    bool end_mark = !t.word() && (t.folded == "." || t.folded == "!" || t.folded == "?");
    bool acronym_end = t.word() && t.is(kAllCaps) && text[t.end - 1] == '.';
    if (!end_mark && !acronym_end) continue;
    std::uint32_t j = i + 1;
    while (j < n && closes_quote_or_bracket(tokens[j]) && !tokens[j].is(kSpaceBefore)) ++j;
    if (j >= n) continue;
    const Token& next = tokens[j];
    if (next.is(kLineBefore)) continue;  // the line break closes it
    if (!next.is(kSpaceBefore) && j == i + 1) continue;
    bool starts = next.cap() || next.is(kNumber) || next.folded == "\"" || next.folded == "'" || next.folded == "(";
    if (!starts) continue;
    if (end_mark && t.folded == "." && i > first) {
      const Token& prev = tokens[i - 1];
      bool attached = !t.is(kSpaceBefore) && prev.word();
      if (attached && abbreviations().count(prev.folded) && !(next.folded == "\"")) continue;
      // initial: a single capital letter ("George W. Bush")
      if (attached && prev.cap() && prev.end - prev.begin == 1) continue;
    }
    if (acronym_end && !sentence_starters().count(next.folded)) continue;
    close(j);
    i = j - 1;
  }
  close(n);
  return out;
}

}  // namespace irgraph::extract
