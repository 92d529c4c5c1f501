#include "extract/lexicon.hpp"

#include <string>
#include <unordered_map>

namespace irgraph::extract {

namespace {

using Table = std::unordered_map<std::string_view, std::uint32_t>;

void add(Table& t, WordClass cls, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) t[w] |= cls;
}

Table build() {
  Table t;
  // clang-format off
  add(t, kStopCap, {
      "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "or", "but", "nor",
      "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our", "my", "your", "this",
      "that", "these", "those", "there", "here", "mr", "mrs", "ms", "dr", "meanwhile", "however", "also",
      "after", "before", "during", "while", "when", "where", "if", "as", "so", "yet", "both", "all", "some",
      "last", "next", "earlier", "later", "then", "now", "today", "yesterday", "tomorrow", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
      "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb",
      "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "share", "read", "photo", "file",
      "according", "under", "prior", "ahead", "headlining", "speaking", "writing", "addressing", "following",
      "despite", "secondly", "firstly", "first", "second", "third", "finally", "new", "year", "why", "what",
      "who", "how", "which", "said", "says", "not", "no", "yes", "thanks", "thank", "dear", "his", "mrs",
      "sir", "madam", "excellency", "several", "many", "most", "more", "each", "every", "other", "another",
      "such", "than", "through", "between", "against", "about", "over", "into", "within", "without", "until",
      "since", "upon", "although", "because", "whether", "though", "unlike", "like", "among", "amid", "via",
      "per", "around"});
  add(t, kHeadlineVerb, {
      "returns", "return", "says", "say", "said", "meets", "meet", "met", "visits", "visit", "calls", "urges",
      "warns", "signs", "sign", "holds", "arrives", "leaves", "condemns", "slams", "rejects", "welcomes",
      "discusses", "announces", "accuses", "backs", "vows", "agrees", "hails", "receives", "praises", "heads",
      "begins", "ends", "launches", "joins", "denies", "confirms", "stresses", "emphasize", "emphasizes",
      "reaffirms", "seeks", "wins", "plans", "to", "in", "at", "on", "for", "with", "and", "as", "after",
      "over", "amid", "against", "talks", "congratulates", "expresses", "affirms", "inaugurates", "opens",
      "attends", "leads", "takes", "makes", "combine", "join", "unite", "boost", "face", "sends", "send",
      "ask", "asks", "tells", "meets"});
  add(t, kCompanyWord, {
      "co", "corp", "corporation", "ltd", "limited", "inc", "plc", "llc", "group", "company", "holdings",
      "bank", "ministry", "department", "office", "agency", "council", "committee", "commission", "forces",
      "force", "army", "police", "government", "affairs", "party", "university", "college", "school",
      "hospital", "foundation"});
  add(t, kHonorific, {
      "he", "h", "e", "hrh", "hh", "dr", "mr", "mrs", "ms", "prof", "his", "her", "excellency", "highness",
      "majesty", "royal"});
  add(t, kNameParticle, {
      "al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "del", "della", "van", "von", "der", "den",
      "le", "la", "du", "dos", "das", "ben", "y", "ul", "ud"});
  add(t, kAgreementHeadMerge, {
      "agreement", "agreements", "deal", "accord", "accords", "memorandum", "process", "platform", "format",
      "talks", "negotiations", "understanding", "framework", "dialogue"});
  add(t, kAgreementHeadOther, {
      "treaty", "ceasefire", "truce", "pact", "protocol", "declaration", "initiative", "roadmap",
      "convention", "charter", "summit", "communique", "consensus"});
  add(t, kOrgHead, {
      "organization", "organisation", "agency", "council", "committee", "commission", "union", "party",
      "front", "movement", "army", "forces", "brigade", "brigades", "alliance", "league", "association",
      "bank", "fund", "court", "assembly", "institute", "authority", "service", "guard", "guards", "corps",
      "coalition", "federation", "bureau", "secretariat", "directorate", "congress", "government"});
  add(t, kPlaceWord, {
      "city", "town", "village", "province", "region", "district", "capital", "governorate", "port", "state"});
  add(t, kPlaceSuffix, {
      "river", "desert", "airport", "governorate", "province", "district", "valley", "mountains", "lake",
      "island", "islands", "peninsula", "canal", "dam", "strait", "sea", "bay", "base", "oasis", "plateau",
      "crossing", "airbase", "palace", "bridge", "square", "gate", "gardens", "park", "road", "highway", "mountain",
      "hills", "heights"});
  add(t, kPlaceSuffixLower, {
      "province", "governorate", "district"});
  add(t, kPlacePrefix, {
      "gulf", "strait", "sea", "bay", "straits"});
  add(t, kPlaceKind, {
      "city", "town", "village", "province", "region", "district", "capital", "port", "area", "island", "suburb",
      "neighbourhood", "neighborhood", "municipality", "county", "governorate", "enclave", "settlement", "camp"});
  add(t, kPlaceKinds, {"cities", "towns", "villages", "provinces", "regions", "districts", "islands", "suburbs",
                       "neighbourhoods", "neighborhoods", "municipalities", "counties", "governorates", "settlements"});
  add(t, kPlacePrefixName, {"mount", "lake", "cape", "fort", "mt"});
  add(t, kGenericOrgHead, {
      "government", "forces", "army", "guard", "guards", "corps", "service", "authority", "bank", "fund",
      "court", "front"});
  add(t, kTravel, {
      "visit", "visits", "visited", "visiting", "travel", "travels", "traveled", "travelled", "traveling",
      "travelling", "arrived", "arrive", "arrives", "trip", "flew", "fly", "flies", "tour", "toured", "touring",
      "returning", "returned", "returns", "headed", "heading", "leaving"});
  add(t, kTalks, {"talks", "met", "meeting", "meet", "negotiations"});
  // (no word that is also a common surname: Hall, House, Park, Power, Law, North, West ...)
  add(t, kThingWord, {
      "day", "days", "week", "month", "year", "anniversary", "cup", "games", "olympics", "championship", "festival",
      "award", "prize", "airlines", "airways", "railways", "railway", "times", "news", "daily", "herald", "tribune",
      "television", "tv", "radio", "museum", "stadium", "centre", "center", "palace", "tower",
      "street", "road", "avenue", "square", "bridge", "gardens", "club", "fc", "republic",
      "kingdom", "empire", "revolution", "constitution", "war", "act", "bill", "plan", "project",
      "program", "programme", "strategy", "vision", "policy", "market", "exchange", "index", "energy", "oil",
      "gas", "motors", "airport", "port", "online", "media", "press", "telecom", "mobile", "network",
      "northern", "southern", "eastern", "western", "central", "academy", "archives", "chamber", "presidency",
      "public", "people", "state", "change", "governance", "cyberspace", "election", "elections", "exhibition",
      "chart", "trade", "education", "services", "unions", "owners", "workers", "command", "protection",
      "tribunal", "examination", "certificate", "jubilee", "infrastructure", "communication", "development",
      "banking", "transport", "sciences", "health", "security", "defence", "defense", "affairs", "relations",
      "operations", "resources", "industry", "commerce", "investment", "investments", "finance", "agriculture",
      "ministry", "internal", "interior", "national", "international", "federal", "royal", "highness",
      "majesty", "excellency", "plaza", "mall", "hotel", "resort", "cathedral", "mosque", "church", "temple",
      "officer", "manager", "investigator", "economist", "guest", "committees", "councils", "commissions",
      "governors", "teachers", "prosecutions", "decree", "code", "criminal", "penal", "makers", "administrative",
      "electoral", "judicial", "legislative", "municipal", "provincial", "regional", "complex", "aid", "relief",
      "humanitarian", "shipyard"});
  add(t, kRank, {
      "col", "gen", "maj", "lt", "brig", "capt", "sgt", "adm", "cmdr", "cdr", "cpl", "pvt", "lieut", "sheikh",
      "sheikha", "shaikh", "sayyid", "sayed", "hon", "rev",
      "eng", "engr", "amb", "sen", "rep", "gov", "pres", "dato", "datuk", "pehin", "alhaji"});
  add(t, kCompass, {
      "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
      "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "upper",
      "lower"});
  add(t, kLocative, {"in", "near", "outside", "from", "into", "towards", "toward", "across", "inside"});
  add(t, kPoliticalWord, {
      "leader", "leaders", "summit", "delegation", "delegations", "government", "governments", "regime", "officials",
      "heads", "cabinet", "parliament", "elected", "election", "presidential", "diplomatic", "diplomat", "diplomats",
      "talks", "visit", "bilateral", "ruling", "opposition", "coup", "sanctions", "treaty", "ceasefire"});
  add(t, kSportWord, {
      "match", "matches", "goal", "goals", "scored", "striker", "midfielder", "defender", "goalkeeper", "coach",
      "league", "championship", "tournament", "fixture", "defeat", "defeated", "victory", "draw", "semi-final",
      "quarter-final", "final", "season", "squad", "club", "fc", "stadium", "medal", "olympic", "olympics",
      "cup", "innings", "wicket", "kickoff", "kick-off"});
  add(t, kAreaWord, {"area", "region", "valley", "basin", "delta", "highlands", "countryside", "corridor", "enclave",
                     "pocket", "strip", "belt", "plain", "plains", "oilfield", "field", "mountains"});
  add(t, kEventHead, {"meeting", "conference", "forum", "summit", "dialogue", "council", "commission", "partnership"});
  // bodies that are no part of a state: their officials serve no country ("Thai Hotels Association",
  // "Qatar Airways Group")
  add(t, kPrivateBody, {
      "co", "corp", "corporation", "ltd", "limited", "inc", "plc", "llc", "group", "company", "holdings", "bank",
      "university", "college", "school", "hospital", "foundation", "association", "associations", "airways",
      "airlines", "federation", "chamber", "chambers", "club", "union", "institute", "society", "network", "alliance",
      "league", "fund", "trust", "media", "news", "times", "tv", "radio", "energy", "oil", "gas", "motors",
      // people of a country, not its state ("head of Malawi's journalists")
      "journalists", "farmers", "workers", "teachers", "doctors", "nurses", "lawyers", "students", "traders",
      "employers", "businesses", "miners", "fishermen", "artists", "writers", "athletes", "players", "footballers"});
  add(t, kTitleTime, {"former", "then", "outgoing", "incoming", "current", "acting", "new", "late", "interim", "previous"});
  // clang-format on
  return t;
}

}  // namespace

std::uint32_t word_classes(std::string_view folded) {
  static const Table table = build();
  auto it = table.find(folded);
  return it == table.end() ? 0 : it->second;
}

}  // namespace irgraph::extract
