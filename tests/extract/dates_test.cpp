#include <doctest/doctest.h>

#include "extract/dates.hpp"

using namespace irgraph::extract;

TEST_CASE("document dates in the forms news writes") {
  CHECK(parse_date("Published 31.12.2018 00:00")->iso() == "2018-12-31");
  CHECK(parse_date("2019-03-05T10:00:00Z")->iso() == "2019-03-05");
  CHECK(parse_date("December 31, 2018")->iso() == "2018-12-31");
  CHECK(parse_date("Updated Dec. 3, 2020 at noon")->iso() == "2020-12-03");
  CHECK(parse_date("4 July 2021")->iso() == "2021-07-04");
  CHECK_FALSE(parse_date("31.02.2018").has_value());
  CHECK_FALSE(parse_date("no date here").has_value());
  CHECK(find_document_date("Headline\n\nPublished 01.02.2020 10:00\n\nText.")->iso() == "2020-02-01");
}

TEST_CASE("a document's date comes from a date line or a dateline, never from a date in the story") {
  CHECK(find_document_date("Headline\nBy Ana Ruiz | July 5, 2022\n\nText.")->iso() == "2022-07-05");
  CHECK(find_document_date("Headline\n\nUpdated: Monday, 2022-07-04 10:30 GMT\n\nText.")->iso() == "2022-07-04");
  CHECK(find_document_date("CAIRO \u2013 26 July 2022: The minister received a call.")->iso() == "2022-07-26");
  CHECK(find_document_date("ABUJA, Jun 22 2022 (IPS) - For forty days he rode.")->iso() == "2022-06-22");
  CHECK(find_document_date("New York (November 25, 2021): Authorities detained him.")->iso() == "2021-11-25");
  CHECK(find_document_date("SINGAPORE (May 6, 2021) \u2014 While the pandemic raged, trade grew.")->iso() == "2021-05-06");
  CHECK(find_document_date("Police today (July 28, 2022) recovered the body of a man.")->iso() == "2022-07-28");
  CHECK_FALSE(find_document_date("Police said on Monday (July 25, 2022) the body was found.").has_value());
  CHECK_FALSE(find_document_date("Story\n\nGhana defeated Togo 2 -1 March 2017").has_value());
  // a date inside the story's sentences: the story's past, not its publication
  CHECK_FALSE(find_document_date("Boxing\n\nOn Feb. 9, 1940, in New York City, a Chilean boxer faced the champion.")
                  .has_value());
  CHECK_FALSE(find_document_date("The treaty signed on 5 March 2015 by the two countries still holds, officials said.")
                  .has_value());
  CHECK_FALSE(find_document_date("Headline\n\nafrol News, 27 January - A man was killed.").has_value());  // no year
  auto at = locate_date("Signed on 5 March 2015 in Oslo");
  REQUIRE(at);
  CHECK(at->begin == 10);
  CHECK(at->end == 22);
}

namespace {
std::string when(const std::string& sentence, const std::string& doc_date) {
  std::string storage;
  auto tokens = tokenize(sentence, storage);
  auto d = event_date(sentence, tokens, 0, static_cast<std::uint32_t>(tokens.size()), parse_date(doc_date));
  return d ? d->iso() : "";
}
}  // namespace

TEST_CASE("relative dates resolve against the document date") {
  // 2018-12-31 was a Monday
  CHECK(when("The ministers met on Saturday in Ankara.", "2018-12-31") == "2018-12-29");
  CHECK(when("They spoke yesterday.", "2018-12-31") == "2018-12-30");
  CHECK(when("They will meet on Friday.", "2018-12-31") == "2019-01-04");
  CHECK(when("The deal was reached on Sept. 17.", "2018-12-31") == "2018-09-17");
  CHECK(when("A delegation will travel on Jan. 8.", "2018-12-31") == "2019-01-08");
  CHECK(when("It was signed on 5 March 2015.", "2018-12-31") == "2015-03-05");
  CHECK(when("Nothing dated here.", "2018-12-31") == "");
  CHECK(when("They met on Saturday.", "") == "");
}
