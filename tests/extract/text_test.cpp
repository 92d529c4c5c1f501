#include <doctest/doctest.h>

#include "extract/text.hpp"

using namespace irgraph::extract;

namespace {
std::vector<std::string> sentences(const std::string& text) {
  std::string storage;
  auto tokens = tokenize(text, storage);
  std::vector<std::string> out;
  for (const auto& s : split_sentences(text, tokens)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}
}  // namespace

TEST_CASE("fold ignores case, diacritics, dots and apostrophes") {
  CHECK(fold("Çavuşoğlu") == "cavusoglu");
  CHECK(fold("CAVUSOGLU") == "cavusoglu");
  CHECK(fold("İbrahim Kalın") == "ibrahim kalin");
  CHECK(fold("U.S.") == "us");
  CHECK(fold("Nur-Sultan") == "nur sultan");
  CHECK(fold("Zürich  Straße") == "zurich strasse");
  CHECK(fold("O’Brien") == "obrien");
  CHECK(fold("  --  ") == "");
}

TEST_CASE("nfc composes decomposed text") {
  const std::string decomposed = "C\xCC\xA7" "avus\xCC\xA7og\xCC\x86lu";  // C + combining cedilla ...
  CHECK(nfc(decomposed) == "Çavuşoğlu");
  CHECK(nfc("plain ascii") == "plain ascii");
}

TEST_CASE("invalid UTF-8 is found at its byte") {
  CHECK_FALSE(find_invalid_utf8("Çavuşoğlu met Lavrov").has_value());
  CHECK(find_invalid_utf8(std::string("abc\xC3(def", 8)) == std::optional<std::size_t>(3));
  CHECK(find_invalid_utf8(std::string("ok \xC0\xAF", 5)) == std::optional<std::size_t>(3));    // overlong '/'
  CHECK(find_invalid_utf8(std::string("x\xED\xA0\x80", 4)) == std::optional<std::size_t>(1));  // surrogate
}

TEST_CASE("tokens keep byte offsets and acronyms whole") {
  const std::string text = "The U.N.-brokered talks in Zürich, O'Brien's 1.5-hour plan.";
  std::string storage;
  auto t = tokenize(text, storage);
  REQUIRE(t.size() >= 10);
  CHECK(text.substr(t[1].begin, t[1].end - t[1].begin) == "U.N.");
  CHECK(t[1].is(kAllCaps));
  CHECK(t[1].folded == "un");
  CHECK(t[2].folded == "-");
  CHECK_FALSE(t[2].is(kSpaceBefore));
  CHECK(t[3].folded == "brokered");
  CHECK(text.substr(t[6].begin, t[6].end - t[6].begin) == "Zürich");
  CHECK(t[6].cap());
  CHECK(t[8].folded == "obrien");
  CHECK(t[9].folded == "'s");
  CHECK(t[10].folded == "1.5");
  CHECK(t[10].is(kNumber));
}

TEST_CASE("sentences survive abbreviations, acronyms and initials") {
  auto s = sentences("The U.S. envoy met Dr. Smith on Sept. 17 in St. Petersburg. George W. Bush was not there. "
                     "Troops left the U.S. The talks ended.\nA new line starts a sentence");
  REQUIRE(s.size() == 5);
  CHECK(s[0] == "The U.S. envoy met Dr. Smith on Sept. 17 in St. Petersburg.");
  CHECK(s[1] == "George W. Bush was not there.");
  CHECK(s[2] == "Troops left the U.S.");
  CHECK(s[3] == "The talks ended.");
  CHECK(s[4] == "A new line starts a sentence");
}

TEST_CASE("quotes close sentences with them") {
  auto s = sentences("\"We agreed,\" he said. \"The third theme was peace.\" Then they left.");
  REQUIRE(s.size() == 3);
  CHECK(s[1] == "\"The third theme was peace.\"");
}

TEST_CASE("folded words are views into one buffer, not a string per token") {
  const std::string text = "Çavuşoğlu MET Lavrov in Zürich; 1.5 ’s";
  std::string storage;
  auto t = tokenize(text, storage);
  REQUIRE(t.size() >= 6);
  CHECK(t[0].folded == "cavusoglu");
  CHECK(t[1].folded == "met");
  CHECK(t[4].folded == "zurich");
  for (std::size_t i : {0, 1, 2, 3, 4}) {
    CHECK(t[i].folded.data() >= storage.data());
    CHECK(t[i].folded.data() + t[i].folded.size() <= storage.data() + storage.size());
  }
  CHECK(storage.size() == std::string("cavusoglumetlavrovinzurich").size());
}

TEST_CASE("a run of text with no sentence end is cut into bounded sentences") {
  // what one sentence may cost the extractors is bounded (issue 13, item 12):
  // 5,000 words without a stop become sentences of at most kMaxSentenceTokens
  // tokens, cut after a comma where one is near the bound
  std::string text;
  for (int i = 0; i < 5000; ++i) text += i % 150 == 149 ? "word, " : "word ";
  text += "end.";
  std::string storage;
  const auto tokens = tokenize(text, storage);
  const auto s = split_sentences(text, tokens);
  REQUIRE(s.size() >= 5000 / kMaxSentenceTokens);
  std::uint32_t covered = 0;
  for (const auto& x : s) {
    CHECK(x.last_token - x.first_token <= kMaxSentenceTokens);
    CHECK(x.first_token == covered);  // no token lost
    covered = x.last_token;
  }
  CHECK(covered == tokens.size());
  CHECK(tokens[s.front().last_token - 1].folded == ",");  // cut after a comma, not inside a phrase
  // ordinary sentences are untouched
  CHECK(sentences("Lavrov met Blinken, and they talked. Then they left.").size() == 2);
}
