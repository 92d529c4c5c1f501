#include "graph/resolver.hpp"

#include <algorithm>

#include "extract/names.hpp"
#include "extract/text.hpp"

namespace irgraph::graph {

using extract::fold;
using extract::last_name_key;
using extract::person_key;
using extract::slug;
using extract::word_count;

std::string canonical_key(const extract::NodeRecord& r) {
  std::string prefix(key_prefix(r.type));
  switch (r.type) {
    case NodeType::Country: return prefix + ":" + (r.key.empty() ? slug(r.name) : r.key);
    case NodeType::Official: return prefix + ":" + slug(r.name);
    case NodeType::Place: {
      if (!r.key.empty()) return prefix + ":" + slug(r.key.substr(0, r.key.find(':'))) +
                                 (r.key.find(':') == std::string::npos ? "" : ":" + r.key.substr(r.key.find(':') + 1));
      return prefix + ":" + slug(r.name) + (r.country.empty() ? "" : ":" + fold(r.country));
    }
    default: return prefix + ":" + slug(r.key.empty() ? r.name : r.key);
  }
}

std::vector<std::string> short_forms(const std::string& key) {
  std::vector<std::string> out;
  for (std::size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1)) {
    std::string rest = key.substr(sp + 1);
    if (rest.find(' ') == std::string::npos) break;  // a bare surname is matched by by_surname
    if (extract::is_short_form(key, rest)) out.push_back(rest);
  }
  return out;
}

std::string name_words(const std::string& name) {
  std::string out;
  for (char c : fold(name)) {
    if (c == '-' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> leading_forms(const std::string& key) {
  static constexpr std::string_view kParticles[] = {"al", "el", "bin", "bint", "ibn", "abu", "ben", "de", "da", "do", "dos",
                                                    "das", "del", "della", "di", "van", "von", "der", "den", "la", "le"};
  std::vector<std::string> out;
  const std::size_t first_space = key.find(' ');
  if (first_space == std::string::npos) return out;
  for (std::size_t sp = key.find(' ', first_space + 1); sp != std::string::npos; sp = key.find(' ', sp + 1)) {
    std::string lead = key.substr(0, sp);
    const std::string_view last = std::string_view(lead).substr(lead.rfind(' ') + 1);
    if (std::find(std::begin(kParticles), std::end(kParticles), last) == std::end(kParticles)) out.push_back(std::move(lead));
  }
  return out;
}

std::string alias_reason(NodeType type, const std::string& name, const std::string& alias) {
  if (fold(alias) == fold(name)) return "diacritics or case";
  if (type == NodeType::Official) {
    if (person_key(alias) == person_key(name)) return "transliteration";
    if (extract::is_short_form(person_key(name), person_key(alias)))
      return word_count(alias) == 1 ? "surname" : "first name dropped";
    const auto leads = leading_forms(name_words(name));
    if (std::find(leads.begin(), leads.end(), name_words(alias)) != leads.end()) return "last name dropped";
  }
  if (type == NodeType::Country) return "country name or demonym";
  bool acronym = std::count_if(alias.begin(), alias.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) >= 2 &&
                 alias.find(' ') == std::string::npos;
  if (acronym) return "acronym";
  return "surface form in the same document";
}

NameIndex::NameIndex(const KnowledgeGraph& g) : g_(g) {
  g_.for_each_node([&](const Node& n) { index(n); });
}

Resolver::Resolver(KnowledgeGraph& g, const Curation* curation) : g_(g), names_(g), curation_(curation) {}

void NameIndex::index_name(const std::string& key, NodeType type, const std::string& name) {
  by_alias[std::string(key_prefix(type)) + "|" + fold(name)].insert(key);
  if (type == NodeType::Official) {
    by_person[person_key(name)].insert(key);
    if (word_count(name) >= 2 && !last_name_key(name).empty()) by_surname[last_name_key(name)].insert(key);
    for (const auto& shorter : short_forms(person_key(name))) by_suffix[shorter].insert(key);
    const std::string words = name_words(name);
    by_words[words].insert(key);
    for (const auto& lead : leading_forms(words)) by_prefix[lead].insert(key);
  }
}

void NameIndex::index(const Node& n) {
  index_name(n.key, n.type, n.name);
  for (const auto& a : n.aliases) index_name(n.key, n.type, a.text);
}

void NameIndex::unindex(const std::string& key) {
  for (auto* m : {&by_alias, &by_person, &by_surname, &by_suffix, &by_words, &by_prefix})
    for (auto it = m->begin(); it != m->end();) {
      it->second.erase(key);
      it = it->second.empty() ? m->erase(it) : std::next(it);
    }
}

std::vector<std::string> NameIndex::candidates(const std::string& name) const {
  std::vector<std::string> out;
  auto push = [&](const std::set<std::string>& keys) {
    for (const auto& k : keys)
      if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  };
  std::string f = fold(name);
  for (auto t : kNodeTypes)
    if (auto it = by_alias.find(std::string(key_prefix(t)) + "|" + f); it != by_alias.end()) push(it->second);
  if (auto it = by_person.find(person_key(name)); it != by_person.end()) push(it->second);
  if (word_count(name) == 1)
    if (auto it = by_surname.find(last_name_key(name)); it != by_surname.end()) push(it->second);
  if (g_.find(name)) push({name});
  return out;
}

void Resolver::absorb(const std::string& key, const extract::NodeRecord& r) {
  const Node* n = g_.find(key);
  // the fullest form is the name: an official's longer name wins ("Vladimir Putin" over "Putin")
  if (r.type == NodeType::Official && word_count(r.name) > word_count(n->name)) {
    g_.rename(key, r.name, alias_reason(r.type, r.name, n->name));
  } else {
    g_.add_alias(key, r.name, alias_reason(r.type, g_.find(key)->name, r.name));
  }
  for (const auto& a : r.aliases)
    if (!curation_ || !curation_->splits(key, a)) g_.add_alias(key, a, alias_reason(r.type, g_.find(key)->name, a));
  if (!r.country.empty() && g_.find(key)->country.empty() && r.type != NodeType::Official) g_.set_country(key, r.country);
  names_.index(*g_.find(key));
}

std::string Resolver::resolve_official(const extract::NodeRecord& r) {
  // 1. the same person key (variants of spelling), by name or alias
  if (auto it = names_.by_person.find(person_key(r.name)); it != names_.by_person.end())
    return it->second.size() == 1 ? *it->second.begin() : std::string();  // two people with this key: no guess
  // 2. a bare surname: the one official with that surname
  if (word_count(r.name) == 1) {
    if (auto it = names_.by_surname.find(last_name_key(r.name)); it != names_.by_surname.end() && it->second.size() == 1)
      return *it->second.begin();
    return {};
  }
  // 3. a longer or shorter form of a known multi-word name, the first names dropped ("Tayyip Erdoğan" /
  //    "Recep Tayyip Erdoğan") or the last family names ("Samia Suluhu" / "Samia Suluhu Hassan"),
  //    found through indexes, not by scanning every official; one candidate or none
  const std::string pk = person_key(r.name);
  std::set<std::string> forms;
  const std::string words = name_words(r.name);
  if (auto it = names_.by_suffix.find(pk); it != names_.by_suffix.end()) forms.insert(it->second.begin(), it->second.end());
  if (auto it = names_.by_prefix.find(words); it != names_.by_prefix.end()) forms.insert(it->second.begin(), it->second.end());
  for (const auto& shorter : short_forms(pk))
    if (auto it = names_.by_person.find(shorter); it != names_.by_person.end()) forms.insert(it->second.begin(), it->second.end());
  for (const auto& lead : leading_forms(words))
    if (auto it = names_.by_words.find(lead); it != names_.by_words.end()) forms.insert(it->second.begin(), it->second.end());
  if (forms.size() == 1) return *forms.begin();
  return {};
}

std::vector<std::string> Resolver::surname_nodes_for(const std::string& full_name) const {
  // another full name with that surname already: whose surname it is stays open
  if (auto surnames = names_.by_surname.find(last_name_key(full_name));
      surnames != names_.by_surname.end() && !surnames->second.empty())
    return {};
  std::vector<std::string> singles;
  if (auto it = names_.by_person.find(last_name_key(full_name)); it != names_.by_person.end())
    for (const auto& k : it->second)
      if (const Node* s = g_.find(k); s && word_count(s->name) == 1) singles.push_back(k);
  return singles;
}

std::string Resolver::resolve_other(const extract::NodeRecord& r) {
  std::string key = canonical_key(r);
  if (g_.find(key)) return key;
  if (r.type == NodeType::Country) return {};
  // an alias already known for one node of this type ("MİT" defined in an earlier article)
  std::set<std::string> hits;
  std::string prefix(key_prefix(r.type));
  for (const auto& n : [&] { auto v = r.aliases; v.push_back(r.name); return v; }()) {
    if (auto it = names_.by_alias.find(prefix + "|" + fold(n)); it != names_.by_alias.end()) hits.insert(it->second.begin(), it->second.end());
  }
  // a place is matched by name only within its country
  if (r.type == NodeType::Place && !r.country.empty())
    for (auto it = hits.begin(); it != hits.end();) {
      const Node* n = g_.find(*it);
      it = (n && !n->country.empty() && n->country != r.country) ? hits.erase(it) : std::next(it);
    }
  if (hits.size() == 1) return *hits.begin();
  return {};
}

void Resolver::create(const std::string& key, const extract::NodeRecord& r, const std::string& doc_id) {
  Node& n = g_.upsert_node(key, r.type, r.name);
  n.origin = r.extractor + "/" + r.rule + " in " + doc_id + " [" + std::to_string(r.begin) + "," + std::to_string(r.end) + ")";
  if (r.type != NodeType::Official) g_.set_country(key, r.country);
}

std::vector<std::string> Resolver::add(const extract::DocumentRecords& records) {
  std::vector<std::string> keys(records.nodes.size());
  for (const auto& r : records.nodes) {
    // a name a curation rule blocks is no entity: its relations go with it
    if (curation_ && curation_->blocks(r)) continue;
    // a name split off an entity is an entity of its own, whatever else it resembles
    if (const CurationRule* split = curation_ ? curation_->split_of(r) : nullptr) {
      std::string key = canonical_key(r);
      if (key == split->subject) key += "-2";
      key = curation_->merged(g_, key);
      if (!g_.find(key)) create(key, r, records.doc_id);
      keys[static_cast<std::size_t>(r.id)] = key;
      absorb(key, r);
      g_.add_document_mention(key, records.doc_id);
      continue;
    }
    std::string key = r.type == NodeType::Official ? resolve_official(r) : resolve_other(r);
    // a full name arriving after its surname-only node takes that node, whose key stays its IRI
    // ("official:obama" keeps its identifier when "Barack Obama" arrives; the fuller name becomes its label);
    // after several (rare), it gets a key of its own and they merge into it
    std::vector<std::string> singles;
    if (key.empty() && r.type == NodeType::Official && word_count(r.name) >= 2) {
      singles = surname_nodes_for(r.name);
      if (singles.size() == 1) {
        key = singles.front();
        singles.clear();
      }
    }
    // the key of an entity a curation merged away: the entity that took it
    if (key.empty() && curation_ && singles.empty()) {
      const std::string minted = canonical_key(r);
      if (std::string took = curation_->merged(g_, minted); took != minted) key = std::move(took);
    }
    if (key.empty()) {
      key = canonical_key(r);
      // two different people with one slug (rare): keep them apart
      if (const Node* clash = g_.find(key); clash) {
        const std::string base = key;
        for (int i = 2; g_.find(key); ++i) key = base + "-" + std::to_string(i);
      }
      create(key, r, records.doc_id);
      for (const auto& k : singles) {
        names_.unindex(k);
        g_.merge_nodes(k, key, "surname");
      }
    }
    if (curation_) key = curation_->merged(g_, key);
    keys[static_cast<std::size_t>(r.id)] = key;
    absorb(key, r);
    g_.add_document_mention(key, records.doc_id);
  }
  for (const auto& rel : records.relations) {
    Evidence ev;
    ev.doc_id = rel.evidence.doc_id.empty() ? records.doc_id : rel.evidence.doc_id;
    ev.sentence = rel.evidence.sentence;
    ev.begin = rel.evidence.begin;
    ev.end = rel.evidence.end;
    ev.text = rel.evidence.text;
    ev.date = rel.evidence.date;
    ev.value = rel.evidence.value;
    ev.extractor = rel.evidence.extractor;
    ev.rule = rel.evidence.rule;
    const std::string& s = keys.at(static_cast<std::size_t>(rel.source));
    const std::string& t = keys.at(static_cast<std::size_t>(rel.target));
    if (s == t || s.empty() || t.empty()) continue;  // "": a blocked name
    g_.add_evidence(s, rel.type, t, std::move(ev));
  }
  if (curation_ && !curation_->empty()) {
    // merges whose two entities now exist, renames, rejected relations; the
    // names of an entity merged away now lead to the one that took it
    for (const auto& gone : curation_->apply(g_)) {
      names_.unindex(gone);
      if (const Node* n = g_.find(g_.current_key(gone))) names_.index(*n);
    }
    for (const auto& rule : curation_->rules())
      if (rule.action == CurationAction::Rename)
        if (const Node* n = g_.find(g_.current_key(rule.subject))) names_.index(*n);
  }
  return keys;
}

}  // namespace irgraph::graph
