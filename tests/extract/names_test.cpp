#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/names.hpp"

using namespace irgraph::extract;

TEST_CASE("person keys join the spellings news uses for one person") {
  CHECK(person_key("Sergey Shoygu") == person_key("Sergei Shoigu"));
  CHECK(person_key("Bashar al-Assad") == person_key("Bashar Assad"));
  CHECK(person_key("Kim Jong Un") != person_key("Kim Yo Jong"));
  CHECK(last_name_key("Vladimir Putin") == person_key("Putin"));
}

TEST_CASE("short forms: the index answers what the pairwise tests answer") {
  // ShortForms replaced a scan of every full name per name (quadratic in a
  // document's names); it must agree with is_short_form and with the first-word rule
  const std::vector<std::string> full = {"vladimir putin", "recep tayip erdogan", "muhamad bin salman",
                                         "salman bin abdulaziz", "xi jinping", "uhuru kenyata", "putin",
                                         "abu bakr al bagdadi", "kim jong un"};
  const std::vector<std::string> parts = {"putin", "tayip erdogan", "erdogan", "salman", "bin salman", "abdulaziz",
                                          "xi", "jinping", "uhuru", "kim", "jong un", "un", "bakr al bagdadi",
                                          "bagdadi", "vladimir putin", "", "recep"};
  ShortForms<int> index;
  for (std::size_t i = 0; i < full.size(); ++i) index.add(full[i], static_cast<int>(i));
  for (const auto& p : parts) {
    CAPTURE(p);
    std::set<int> ending, starting;
    for (std::size_t i = 0; i < full.size(); ++i) {
      if (is_short_form(full[i], p)) ending.insert(static_cast<int>(i));
      // the first word of two or more
      if (!p.empty() && p.find(' ') == std::string::npos && full[i].size() > p.size() + 1 &&
          full[i].compare(0, p.size(), p) == 0 && full[i][p.size()] == ' ')
        starting.insert(static_cast<int>(i));
    }
    CHECK(index.ending(p) == ending);
    CHECK(index.starting(p) == starting);
  }
  CHECK(index.ending("salman").count(2) == 0);  // not after "bin"
  CHECK(index.ending("putin") == std::set<int>{0});
  CHECK(index.starting("xi") == std::set<int>{4});
}
