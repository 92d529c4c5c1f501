#pragma once
/// Closed-class word lists the extractors share (stop words of names, head
/// nouns of agreements and organisations, geographic words ...), looked up
/// once per token: Annotation keeps each token's classes as a bit mask.
#include <cstdint>
#include <string_view>

namespace irgraph::extract {

enum WordClass : std::uint32_t {
  /// Capitalised words that start sentences or headlines but never names.
  kStopCap = 1u << 0,
  /// Verbs that title-case headlines capitalise ("Ambassador Robert Ford Returns to Syria").
  kHeadlineVerb = 1u << 1,
  /// Last words of company and institution names, never of a person's name.
  kCompanyWord = 1u << 2,
  /// Honorifics between a title and a name ("H.E.", "HRH", "Dr.").
  kHonorific = 1u << 3,
  /// Particles inside personal names (al-Assad, bin Salman, van der Leyen).
  kNameParticle = 1u << 4,
  /// Head nouns of agreement names where "<Name> <head>" names the same thing as any
  /// other head of the group ("Astana process", "Astana platform", "Astana talks" are one).
  kAgreementHeadMerge = 1u << 5,
  /// Head nouns of agreement names that stay apart ("Sochi memorandum" is not a "Sochi summit").
  kAgreementHeadOther = 1u << 6,
  /// Head nouns of organisation names ("... Council", "... Agency").
  kOrgHead = 1u << 7,
  /// Words that say the name before them is a place ("Idlib province", "Aleppo city").
  kPlaceWord = 1u << 8,
  /// Geographic words after a name that make it a place ("Euphrates River", "Hmeimim Air Base").
  kPlaceSuffix = 1u << 9,
  /// Place suffixes that count written in lower case too ("Idlib province").
  kPlaceSuffixLower = 1u << 10,
  /// Geographic words before "of <Name>" ("Gulf of Aden", "Strait of Hormuz").
  kPlacePrefix = 1u << 11,
  /// Kinds of place in "the <demonym> <kind> of <Name>" ("the Jordanian city of Ramtha").
  kPlaceKind = 1u << 12,
  /// Organisation heads that name a body only in a longer name ("Kurdistan Regional Government", not "Central Government").
  kGenericOrgHead = 1u << 13,
  /// Words of travel that make a visit ("visited", "flew", "trip").
  kTravel = 1u << 14,
  /// Words of talks that place their participants where they are held ("talks", "met").
  kTalks = 1u << 15,
  /// time qualifiers of a title: "the former deputy minister", "the outgoing PM"
  kTitleTime = 1u << 16,
  /// words that end names of things, not persons ("Republic Day", "Gazprom Neft", "Lagos Stadium")
  kThingWord = 1u << 17,
  /// words that start a place's name: "Mount Sinjar", "Lake Victoria"
  kPlacePrefixName = 1u << 18,
  /// rank abbreviations and forms of address before a name, beyond kHonorific (readers ask for both)
  /// ("Lt. Col. Amer Sartawi", "Maj. Gen. X", "Sheikh X", "Hon X")
  kRank = 1u << 19,
  /// words that end the name of a meeting series or a bilateral body named like an agreement
  /// ("Political Dialogue and Cooperation Meeting", "Strategic Partnership Council")
  kEventHead = 1u << 20,
  /// lower-case words after "the <Name>" that make it a place: "the Orinoco area", "the Kurram valley"
  kAreaWord = 1u << 21,
  /// words of public life: "leaders", "summit", "delegation", "government" ...
  kPoliticalWord = 1u << 22,
  /// words of sport: a place name in such a sentence stands for a club ("defeat at home to Godoy Cruz")
  kSportWord = 1u << 23,
  /// compass words: "northern", "south", "central" ...
  kCompass = 1u << 24,
  /// prepositions that put what follows in a place: "in", "near", "outside", "from", "into" ...
  kLocative = 1u << 25,
  /// heads of bodies that are no part of a state ("Association", "Airways", "Group", "Bank" ...)
  kPrivateBody = 1u << 26,
  /// plural kinds of place that open a list of places: "the towns of A and B", "villages in X including A, B and C"
  kPlaceKinds = 1u << 27,
};

/// The classes of a folded word (0 when it is in no list).
std::uint32_t word_classes(std::string_view folded);

}  // namespace irgraph::extract
