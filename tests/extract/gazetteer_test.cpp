#include <doctest/doctest.h>

#include "core/embedded_data.hpp"
#include "extract/gazetteer.hpp"

using namespace irgraph;
using namespace irgraph::extract;

namespace {
/// The entry the gazetteer finds at the start of `text`, as "Type:key:length".
std::string at_start(const std::string& text) {
  const auto& g = Gazetteer::instance();
  std::string storage;
  auto t = tokenize(text, storage);
  auto m = g.match(text, t, 0, static_cast<std::uint32_t>(t.size()));
  if (!m) return "";
  const auto& e = g.entry(m->entry);
  return std::string(name(e.type)) + ":" + e.key + ":" + std::to_string(m->length);
}
}  // namespace

TEST_CASE("every ISO 3166-1 country is there, with the names news uses") {
  const auto& g = Gazetteer::instance();
  int countries = 0;
  for (const auto& e : g.entries()) countries += e.type == NodeType::Country;
  CHECK(countries >= 195);  // the states (and the former ones); the dependent territories are places
  CHECK(countries <= 215);
  CHECK(at_start("Turkey said") == "Country:TUR:1");
  CHECK(at_start("Türkiye said") == "Country:TUR:1");
  CHECK(at_start("Turkish troops") == "Country:TUR:1");
  CHECK(at_start("U.S. forces") == "Country:USA:1");
  CHECK(at_start("US forces") == "Country:USA:1");
  CHECK(at_start("United States of America") == "Country:USA:4");
  CHECK(at_start("British officials") == "Country:GBR:1");
  CHECK(at_start("Kazakh capital") == "Country:KAZ:1");
  CHECK(at_start("Russian Federation") == "Country:RUS:2");
  CHECK(g.country("DEU")->name == "Germany");
}

TEST_CASE("case rules: names start with a capital, acronyms are in capitals") {
  CHECK(at_start("us and them") == "");
  CHECK(at_start("turkey dinner") == "");
  CHECK(at_start("Who said") == "");
  CHECK(at_start("NATO allies") == "Organization:north atlantic treaty organization:1");
  CHECK(at_start("U.N. envoy") == "Organization:united nations:1");
}

TEST_CASE("places carry their country; exonyms and regions are known") {
  const auto& g = Gazetteer::instance();
  auto place = [&](const std::string& n) {
    for (auto i : g.lookup(n))
      if (g.entry(i).type == NodeType::Place) return g.entry(i).country;
    return std::string("?");
  };
  CHECK(place("Moscow") == "RUS");
  CHECK(place("Geneva") == "CHE");
  CHECK(place("Kiev") == "UKR");
  CHECK(place("Washington") == "USA");
  CHECK(place("Gaza Strip") == "PSE");
  CHECK(at_start("Kuwait City") == "Place:kuwait city:kwt:2");
  CHECK(at_start("Kuwait said") == "Country:KWT:1");  // the country wins its own name
}

TEST_CASE("title lexicon") {
  const auto& g = Gazetteer::instance();
  CHECK(g.title_word("minister").cls == TitleClass::Head);
  CHECK(g.title_word("foreign").cls == TitleClass::Modifier);
  CHECK(g.title_word("defence").canonical == "Defense");
  CHECK(g.title_word("chief").cap_only);
  CHECK(g.title_word("banana").cls == TitleClass::None);
}

TEST_CASE("data file helpers") {
  CHECK(split_list("a| b ||c") == std::vector<std::string>{"a", "b", "c"});
  auto rows = read_tsv("# comment\na\tb\n\nc\td\te\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].size() == 3);
}

TEST_CASE("towns.tsv keys are what the tokenizer makes of them, sorted, so the extractor reads the file in place") {
  std::string_view file = data::embedded_file("towns.tsv");
  std::size_t rows = 0, bad = 0, unsorted = 0;
  std::string previous;
  for (const auto& row : read_tsv(file)) {
    REQUIRE(row.size() >= 3);
    std::string storage, key;
    for (const auto& t : tokenize(row[0], storage)) key += (key.empty() ? "" : " ") + std::string(t.folded);
    if (key != row[0]) ++bad;
    unsorted += previous > row[0];
    previous = row[0];
    ++rows;
  }
  CHECK(rows > 50000);
  CHECK(bad == 0);
  CHECK(unsorted == 0);
}

TEST_CASE("towns: found by phrase, homonyms largest first, never over a gazetteer entry") {
  const auto& g = Gazetteer::instance();
  auto babylon = g.towns("babylon");
  REQUIRE(!babylon.empty());
  for (const auto& t : babylon) CHECK(t.key == "babylon");
  CHECK(g.towns("turkey").empty());  // a country first
  CHECK(g.towns("no such town anywhere").empty());
  std::string storage;
  std::string text = "Shells hit Jabla again";
  auto tokens = tokenize(text, storage);
  auto [length, rows] = g.town_at(tokens, 2, static_cast<std::uint32_t>(tokens.size()));
  CHECK(length == 1);
  REQUIRE(!rows.empty());
  CHECK(rows.front().country == "SYR");
}

TEST_CASE("dependent territories are places of the state that administers them, or of none where that is disputed") {
  CHECK(at_start("Hong Kong said") == "Place:hong kong:chn:2");
  CHECK(at_start("Puerto Rico said") == "Place:puerto rico:usa:2");
  CHECK(at_start("Greenland said") == "Place:greenland:dnk:1");
  CHECK(at_start("Western Sahara said") == "Place:western sahara:2");
  CHECK(at_start("Taiwan said") == "Country:TWN:1");  // state-like entities stay countries
  CHECK(at_start("Palestine said") == "Country:PSE:1");
  CHECK(at_start("Soviet Union") == "Country:SUN:2");  // a former state is a country
}
