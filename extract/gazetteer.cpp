#include "extract/gazetteer.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <map>
#include <cstdlib>
#include <set>
#include <mutex>

#include "core/embedded_data.hpp"
#include "core/error.hpp"

namespace irgraph::extract {

std::vector<std::string> split_list(std::string_view field) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= field.size()) {
    std::size_t bar = field.find('|', pos);
    std::string_view part = field.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return out;
}

std::vector<std::vector<std::string>> read_tsv(std::string_view content) {
  std::vector<std::vector<std::string>> rows;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::size_t c = 0;
    while (true) {
      std::size_t tab = line.find('\t', c);
      cols.emplace_back(line.substr(c, tab == std::string_view::npos ? std::string_view::npos : tab - c));
      if (tab == std::string_view::npos) break;
      c = tab + 1;
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

namespace {

std::string col(const std::vector<std::string>& row, std::size_t i) { return i < row.size() ? row[i] : std::string(); }

/// Phrase key of a surface form: its tokens' folded forms joined by spaces.
std::string phrase_key(std::string_view surface) {
  std::string key, storage;
  for (const auto& t : tokenize(surface, storage)) {
    if (!key.empty()) key += ' ';
    key += t.folded;
  }
  return key;
}

int type_rank(NodeType t) {
  switch (t) {
    case NodeType::Country: return 0;
    case NodeType::Organization: return 1;
    case NodeType::Agreement: return 2;
    case NodeType::Place: return 3;
    case NodeType::Official: return 4;
  }
  return 5;
}

bool looks_like_acronym(std::string_view s) {
  int upper = 0, lower = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    if (c == ' ') return false;
    if ((c >= 'A' && c <= 'Z') || c == U'İ') ++upper;
    else if (c >= 'a' && c <= 'z') ++lower;
  }
  return upper >= 2 && lower <= 1;  // "NATO", "U.N.", "MİT", "DRC", "OPEC+"; not "Hamas"
}

}  // namespace

std::uint32_t Gazetteer::add_entry(GazetteerEntry e) {
  std::string k = std::string(key_prefix(e.type)) + ":" + e.key;
  if (auto it = by_key_.find(k); it != by_key_.end()) return it->second;
  entries_.push_back(std::move(e));
  forms_.emplace_back();
  auto id = static_cast<std::uint32_t>(entries_.size() - 1);
  by_key_.emplace(std::move(k), id);
  return id;
}

void Gazetteer::add(std::uint32_t entry, std::string_view surface, NameForm form) {
  if (surface.empty()) return;
  if (form == NameForm::Name && looks_like_acronym(surface)) form = NameForm::Acronym;
  std::string key = phrase_key(surface);
  if (key.empty()) return;
  auto& list = phrases_[key];
  for (const auto& c : list)
    if (c.entry == entry) return;
  list.push_back({entry, form});
  forms_[entry].emplace_back(surface);
}

namespace {
constexpr std::size_t kTownBits = 1u << 18;
std::size_t word_hash(std::string_view w) { return std::hash<std::string_view>{}(w) & (kTownBits - 1); }
}  // namespace

void Gazetteer::add_towns(std::string_view file) {
  // 100k rows of "key<TAB>name<TAB>country<TAB>population", sorted by key: read in place
  town_first_words_.assign(kTownBits / 64, 0);
  std::size_t pos = 0;
  while (pos < file.size()) {
    std::size_t nl = file.find('\n', pos);
    std::string_view line = file.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? file.size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    std::string_view cols[4];
    std::size_t at = 0;
    for (auto& c : cols) {
      std::size_t tab = line.find('\t', at);
      c = line.substr(at, tab == std::string_view::npos ? std::string_view::npos : tab - at);
      at = tab == std::string_view::npos ? line.size() : tab + 1;
    }
    if (cols[0].empty() || cols[2].empty()) throw Error("gazetteer: towns.tsv: a row without key or country");
    if (!towns_.empty() && cols[0] < towns_.back().key) throw Error("gazetteer: towns.tsv is not sorted by key at " + std::string(cols[0]));
    // a country, body or agreement of that name is that one; a place of that name elsewhere
    // leaves the town in the table (the extractor picks by the countries an article names)
    if (auto it = phrases_.find(cols[0]); it != phrases_.end()) {
      bool other = false;
      for (const auto& c : it->second) other |= entries_[c.entry].type != NodeType::Place;
      if (other) continue;
    }
    std::uint32_t population = 0;
    for (char c : cols[3])
      if (c >= '0' && c <= '9') population = population * 10 + static_cast<std::uint32_t>(c - '0');
    towns_.push_back({cols[0], cols[1], cols[2], population});
    const std::size_t h = word_hash(cols[0].substr(0, cols[0].find(' ')));
    town_first_words_[h / 64] |= std::uint64_t{1} << (h % 64);
  }
  // the keys are sorted, so each two-letter bucket is one run of rows
  town_buckets_.assign(27 * 27, {0, 0});
  for (std::uint32_t i = 0; i < towns_.size();) {
    const std::size_t b = town_bucket(towns_[i].key);
    std::uint32_t j = i;
    while (j < towns_.size() && town_bucket(towns_[j].key) == b) ++j;
    if (town_buckets_[b].second != 0) throw Error("gazetteer: towns.tsv is not sorted by key");
    town_buckets_[b] = {i, j};
    i = j;
  }
}

std::size_t Gazetteer::town_bucket(std::string_view key) {
  auto letter = [](char c) -> std::size_t { return c >= 'a' && c <= 'z' ? static_cast<std::size_t>(c - 'a' + 1) : 0; };
  return letter(key.empty() ? ' ' : key[0]) * 27 + letter(key.size() < 2 ? ' ' : key[1]);
}

std::span<const TownRow> Gazetteer::towns(std::string_view key) const {
  if (towns_.empty()) return {};
  const auto [first, last] = town_buckets_[town_bucket(key)];
  auto [lo, hi] = std::equal_range(towns_.begin() + first, towns_.begin() + last, TownRow{key, {}, {}, 0},
                                   [](const TownRow& x, const TownRow& y) { return x.key < y.key; });
  return {lo, hi};
}

std::pair<std::uint32_t, std::span<const TownRow>> Gazetteer::town_at(const std::vector<Token>& tokens, std::uint32_t i,
                                                                     std::uint32_t end) const {
  std::pair<std::uint32_t, std::span<const TownRow>> best{0, {}};
  if (i >= end || !tokens[i].word() || !tokens[i].cap() || towns_.empty()) return best;
  if (tokens[i].is(kAllCaps)) return best;  // an acronym ("SAN", "EDE") is no town
  const std::size_t h = word_hash(tokens[i].folded);
  if (!(town_first_words_[h / 64] & (std::uint64_t{1} << (h % 64)))) return best;
  std::string key;
  for (std::uint32_t n = 0; i + n < end; ++n) {
    const Token& t = tokens[i + n];
    if (n > 0 && t.is(kLineBefore)) break;
    if (n > 0) key += ' ';
    key += t.folded;
    const auto [first, last] = town_buckets_[town_bucket(key)];
    auto end_of_bucket = towns_.begin() + last;
    auto lo = std::lower_bound(towns_.begin() + first, end_of_bucket, std::string_view(key),
                               [](const TownRow& x, std::string_view k) { return x.key < k; });
    if (lo == end_of_bucket || lo->key.substr(0, key.size()) != key) break;  // no town goes on like this
    if (lo->key.size() == key.size() && t.word()) best = {n + 1, towns(key)};
  }
  return best;
}

void Gazetteer::build_trie() {
  ends_.assign(1, nullptr);  // node 0 is the root
  ends_.reserve(phrases_.size() * 3 / 2);
  trie_.reserve(phrases_.size() * 3 / 2);
  words_.reserve(phrases_.size());
  for (const auto& [key, list] : phrases_) {
    std::uint32_t node = 0;
    std::size_t pos = 0;
    while (pos <= key.size()) {
      std::size_t sp = key.find(' ', pos);
      std::string_view word = std::string_view(key).substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
      auto found = words_.find(word);
      if (found == words_.end()) found = words_.emplace(std::string(word), static_cast<std::uint32_t>(words_.size())).first;
      const std::uint32_t w = found->second;
      auto [child, added] = trie_.emplace((std::uint64_t{node} << 32) | w, static_cast<std::uint32_t>(ends_.size()));
      if (added) ends_.push_back(nullptr);
      node = child->second;
      if (sp == std::string::npos) break;
      pos = sp + 1;
    }
    ends_[node] = &list;
  }
}

Gazetteer::Gazetteer(std::string_view iso_json, std::string_view country_names, std::string_view countries_news,
                     std::string_view cities, std::string_view places, std::string_view organizations,
                     std::string_view agreements, std::string_view titles, std::string_view towns,
                     std::string_view former_countries_json, std::string_view regions) {
  // the tables are sized once (the towns make 100k rows)
  const std::size_t towns_rows = static_cast<std::size_t>(std::count(towns.begin(), towns.end(), '\n'));
  const std::size_t rows = static_cast<std::size_t>(std::count(cities.begin(), cities.end(), '\n')) + 4096;
  entries_.reserve(rows);
  forms_.reserve(rows);
  by_key_.reserve(rows);
  phrases_.reserve(rows * 4 / 3);
  towns_.reserve(towns_rows);
  // Countries: every ISO 3166-1 entry. Inverted names ("Korea, Republic of") are not news names.
  rapidjson::Document iso;
  iso.Parse(iso_json.data(), iso_json.size());
  if (iso.HasParseError() || !iso.IsObject() || !iso.HasMember("3166-1"))
    throw Error("gazetteer: iso_3166-1.json is not the iso-codes list");
  for (const auto& c : iso["3166-1"].GetArray()) {
    std::string a3 = c["alpha_3"].GetString();
    auto str = [&](const char* k) { return c.HasMember(k) ? std::string(c[k].GetString()) : std::string(); };
    std::string common = str("common_name"), nm = str("name"), official = str("official_name");
    if (official.rfind("the ", 0) == 0) official.erase(0, 4);
    std::string display = !common.empty() ? common : nm;
    std::uint32_t id = add_entry({NodeType::Country, a3, display, a3, "country"});
    for (const auto& s : {common, nm, official})
      if (!s.empty() && s.find(',') == std::string::npos) add(id, s, NameForm::Name);
  }
  // Former states (ISO 3166-3: the Soviet Union, Czechoslovakia, Yugoslavia) are countries
  // where the hand-kept news names give them names; their ISO names are not news names.
  std::set<std::string> former;
  if (!former_countries_json.empty()) {
    rapidjson::Document iso3;
    iso3.Parse(former_countries_json.data(), former_countries_json.size());
    if (iso3.HasParseError() || !iso3.IsObject() || !iso3.HasMember("3166-3"))
      throw Error("gazetteer: iso_3166-3.json is not the iso-codes list");
    for (const auto& c : iso3["3166-3"].GetArray()) former.insert(c["alpha_3"].GetString());
  }
  // dependent territories and the state that administers them (4th column; the hand-kept file first)
  std::map<std::string, std::string> territory_of;
  auto country_rows = [&](std::string_view file, bool display_from_first) {
    for (const auto& row : read_tsv(file)) {
      if (!col(row, 3).empty()) territory_of.emplace(col(row, 0), col(row, 3));
      std::uint32_t id;
      if (auto e = by_key_.find("country:" + col(row, 0)); e != by_key_.end()) id = e->second;
      else if (display_from_first && former.count(col(row, 0))) id = add_entry({NodeType::Country, col(row, 0), "", col(row, 0), "former country"});
      else continue;  // a code iso-codes does not know (e.g. Kosovo's XKX): not an ISO country
      auto names = split_list(col(row, 1));
      if (display_from_first && !names.empty()) entries_[id].name = names.front();
      for (const auto& n : names)
        if (display_from_first || !phrases_.count(phrase_key(n))) add(id, n, NameForm::Name);
      for (const auto& d : split_list(col(row, 2)))
        if (display_from_first || !phrases_.count(phrase_key(d))) add(id, d, NameForm::Demonym);
    }
  };
  // Hand-kept news names first: where a generated demonym is shared ("American"
  // is also the demonym of U.S. Minor Outlying Islands) the news usage wins.
  country_rows(countries_news, true);
  country_rows(country_names, false);
  // Dependent territories are places (the ontology): in the state that administers
  // them (4th column; the hand-kept file first), in none where it is disputed or
  // unknown ("-"). Their phrases keep pointing at the same entry.
  for (const auto& [a3, state] : territory_of) {
    auto it = by_key_.find("country:" + a3);
    if (it == by_key_.end()) continue;
    GazetteerEntry& e = entries_[it->second];
    e.type = NodeType::Place;
    e.country = state == "-" ? "" : state;
    e.key = fold(e.name) + (e.country.empty() ? "" : ":" + fold(e.country));
    e.kind = "territory";
    by_key_.emplace("place:" + e.key, it->second);
  }
  for (std::uint32_t i = 0; i < entries_.size(); ++i)
    if (entries_[i].type == NodeType::Country) countries_.emplace(entries_[i].key, i);

  // Agreements and organisations before places: they win ties on the same phrase.
  for (const auto& row : read_tsv(organizations)) {
    std::string nm = col(row, 0);
    std::uint32_t id = add_entry({NodeType::Organization, fold(nm), nm, col(row, 3) == "-" ? "" : col(row, 3), col(row, 2)});
    add(id, nm, NameForm::Name);
    for (const auto& a : split_list(col(row, 1))) add(id, a, NameForm::Name);
  }
  for (const auto& row : read_tsv(agreements)) {
    std::string nm = col(row, 0);
    std::uint32_t id = add_entry({NodeType::Agreement, fold(nm), nm, "", col(row, 2)});
    add(id, nm, NameForm::Name);
    for (const auto& a : split_list(col(row, 1))) add(id, a, NameForm::Name);
  }
  // Places: hand-kept exonyms and regions first (their spelling is the display name), then GeoNames cities.
  for (const auto& row : read_tsv(places)) {
    std::string nm = col(row, 0), cc = col(row, 1) == "-" ? "" : col(row, 1);
    std::uint32_t id = add_entry({NodeType::Place, fold(nm) + (cc.empty() ? "" : ":" + fold(cc)), nm, cc, col(row, 2)});
    add(id, nm, NameForm::Name);
    for (const auto& a : split_list(col(row, 3))) add(id, a, NameForm::Name);
  }
  // GeoNames cities, then towns: a name already taken (a country, an organisation,
  // a hand-kept place, a city) is that one.
  for (const auto& row : read_tsv(cities)) {
    std::string nm = col(row, 0), cc = col(row, 1);
    std::vector<std::string> names{nm};
    for (const auto& a : split_list(col(row, 4))) names.push_back(a);
    bool taken = false;
    for (const auto& n : names) taken |= phrases_.count(phrase_key(n)) > 0;
    if (taken) continue;
    GazetteerEntry city{NodeType::Place, fold(nm) + ":" + fold(cc), nm, cc, "city"};
    city.population = static_cast<std::uint32_t>(std::strtoul(col(row, 3).c_str(), nullptr, 10));
    std::uint32_t id = add_entry(std::move(city));
    for (const auto& n : names) add(id, n, NameForm::Name);
  }
  // first-level regions (ISO 3166-2): a name taken already is that one
  for (const auto& row : read_tsv(regions)) {
    std::string nm = col(row, 0), cc = col(row, 1) == "-" ? "" : col(row, 1);
    std::vector<std::string> names{nm};
    for (const auto& a : split_list(col(row, 3))) names.push_back(a);
    bool taken = false;
    for (const auto& n : names) taken |= phrases_.count(phrase_key(n)) > 0;
    if (taken) continue;
    std::uint32_t id = add_entry({NodeType::Place, fold(nm) + (cc.empty() ? "" : ":" + fold(cc)), nm, cc, col(row, 2)});
    for (const auto& n : names) add(id, n, NameForm::Name);
  }
  add_towns(towns);
  for (const auto& row : read_tsv(titles)) {
    TitleWord w;
    std::string cls = col(row, 1);
    w.cls = cls == "head" ? TitleClass::Head : cls == "modifier" ? TitleClass::Modifier : TitleClass::None;
    if (w.cls == TitleClass::None) throw Error("gazetteer: titles.tsv: bad class '" + cls + "' for " + col(row, 0));
    w.canonical = col(row, 2);
    w.cap_only = col(row, 3) == "cap";
    titles_[fold(col(row, 0))] = std::move(w);
  }
  // Rank candidates once so match() takes the first.
  for (auto& [k, list] : phrases_)
    std::stable_sort(list.begin(), list.end(), [&](const Candidate& a, const Candidate& b) {
      return type_rank(entries_[a.entry].type) < type_rank(entries_[b.entry].type);
    });
  build_trie();
}

const Gazetteer& Gazetteer::instance() {
  static const Gazetteer g(data::embedded_file("iso_3166-1.json"), data::embedded_file("country-names.tsv"),
                           data::embedded_file("countries-news.tsv"), data::embedded_file("cities.tsv"),
                           data::embedded_file("places.tsv"), data::embedded_file("organizations.tsv"),
                           data::embedded_file("agreements.tsv"), data::embedded_file("titles.tsv"),
                           data::embedded_file("towns.tsv"), data::embedded_file("iso_3166-3.json"),
                           data::embedded_file("regions.tsv"));
  return g;
}

namespace {

bool has_ascii_lower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::optional<GazetteerMatch> Gazetteer::match(std::string_view text, const std::vector<Token>& tokens, std::uint32_t i,
                                               std::uint32_t end) const {
  if (i >= end || !tokens[i].word()) return std::nullopt;
  const Token& first = tokens[i];
  auto surface = [&](const Token& t) { return text.substr(t.begin, t.end - t.begin); };
  // Names start with a capital or a number, acronyms have no lower-case
  // letter: most tokens of running text can start no match at all.
  if (!first.cap() && !first.is(kNumber) && has_ascii_lower(surface(first))) return std::nullopt;
  std::optional<GazetteerMatch> best;
  std::uint32_t node = 0;
  for (std::uint32_t n = 0; i + n < end; ++n) {
    const Token& t = tokens[i + n];
    if (n > 0 && t.is(kLineBefore)) break;
    auto w = words_.find(std::string_view(t.folded));
    if (w == words_.end()) break;
    auto child = trie_.find((std::uint64_t{node} << 32) | w->second);
    if (child == trie_.end()) break;
    node = child->second;
    const auto* candidates = ends_[node];
    if (!candidates || !t.word()) continue;  // a phrase ends on a word
    for (const auto& c : *candidates) {
      if (c.form == NameForm::Acronym) {
        // every letter in capitals: "US" but not "us", "WHO" but not "Who"
        bool caps = true;
        for (std::uint32_t k = i; k <= i + n && caps; ++k)
          if (tokens[k].word() && has_ascii_lower(surface(tokens[k]))) caps = false;
        if (!caps) continue;
      } else if (!first.cap() && !first.is(kNumber)) {  // "2015 nuclear deal" starts with a number
        continue;
      }
      best = GazetteerMatch{c.entry, n + 1, c.form};
      break;
    }
  }
  return best;
}

const GazetteerEntry* Gazetteer::country(std::string_view alpha3) const {
  auto it = countries_.find(alpha3);
  return it == countries_.end() ? nullptr : &entries_[it->second];
}

std::vector<std::uint32_t> Gazetteer::lookup(std::string_view folded_name) const {
  std::vector<std::uint32_t> out;
  if (auto it = phrases_.find(phrase_key(folded_name)); it != phrases_.end())
    for (const auto& c : it->second) out.push_back(c.entry);
  return out;
}

const TitleWord& Gazetteer::title_word(std::string_view folded) const {
  static const TitleWord none;
  auto it = titles_.find(folded);
  return it == titles_.end() ? none : it->second;
}

}  // namespace irgraph::extract
