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
