#include <doctest/doctest.h>

#include "extract/lexicon.hpp"

using namespace irgraph::extract;

TEST_CASE("word classes: one lookup gives every list a word is in") {
  CHECK((word_classes("province") & kPlaceSuffix) != 0);
  CHECK((word_classes("province") & kPlaceSuffixLower) != 0);
  CHECK((word_classes("province") & kPlaceWord) != 0);
  CHECK((word_classes("river") & kPlaceSuffixLower) == 0);
  CHECK((word_classes("the") & kStopCap) != 0);
  CHECK((word_classes("process") & kAgreementHeadMerge) != 0);
  CHECK((word_classes("treaty") & kAgreementHeadOther) != 0);
  CHECK((word_classes("visited") & kTravel) != 0);
  CHECK((word_classes("met") & kTalks) != 0);
  CHECK(word_classes("lavrov") == 0);
  CHECK(word_classes("") == 0);
  CHECK(word_classes("Province") == 0);  // folded forms only
}
