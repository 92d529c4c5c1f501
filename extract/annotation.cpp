#include "extract/annotation.hpp"

#include <algorithm>

namespace irgraph::extract {

Annotation::Annotation(const Document& d, const Gazetteer& g) : doc(d), gaz(g) {
  tokens = tokenize(doc.text, folded_storage_);
  sentences = split_sentences(doc.text, tokens);
  owner.assign(tokens.size(), -1);
  if (!doc.date.empty()) doc_date = parse_date(doc.date);
  if (auto d = find_dateline(doc.text)) dateline_end_ = d->end;
  date_cache_.resize(sentences.size());
  by_sentence_.resize(sentences.size());
  static const TitleWord no_title;
  title_exact_.assign(tokens.size(), &no_title);
  title_singular_.assign(tokens.size(), nullptr);
  word_classes_.assign(tokens.size(), 0);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].word() || tokens[i].is(kNumber)) continue;  // the word lists and titles hold words only
    std::string_view f = tokens[i].folded;
    word_classes_[i] = word_classes(f);
    title_exact_[i] = &gaz.title_word(f);
    if (title_exact_[i]->cls == TitleClass::None && f.size() > 3 && f.back() == 's')
      title_singular_[i] = &gaz.title_word(f.substr(0, f.size() - 1));
  }
}

std::string_view Annotation::surface(std::uint32_t first, std::uint32_t last) const {
  if (first >= last || last > tokens.size()) return {};
  return std::string_view(doc.text).substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
}

const Sentence& Annotation::sentence_of(std::uint32_t token) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), token,
                             [](std::uint32_t t, const Sentence& s) { return t < s.first_token; });
  return *(it - 1);
}

int Annotation::add_mention(Mention m, bool nest_countries) {
  if (m.first >= m.last || m.last > tokens.size()) return -1;
  auto nested = [&](std::uint32_t k) {
    return nest_countries && owner[k] >= 0 && mentions[static_cast<std::size_t>(owner[k])].type == NodeType::Country;
  };
  for (std::uint32_t k = m.first; k < m.last; ++k)
    if (owner[k] >= 0 && !nested(k)) {
      const Mention& o = mentions[static_cast<std::size_t>(owner[k])];
      if (o.last > o.first) return -1;  // an emptied mention leaves its tokens free
    }
  int id = static_cast<int>(mentions.size());
  for (std::uint32_t k = m.first; k < m.last; ++k)
    if (!nested(k)) owner[k] = id;
  if (m.sentence < by_sentence_.size()) by_sentence_[m.sentence].push_back(id);
  mentions.push_back(std::move(m));
  return id;
}

void Annotation::release(Mention& m) {
  for (std::uint32_t k = m.first; k < m.last; ++k)
    if (owner[k] >= 0 && &mentions[static_cast<std::size_t>(owner[k])] == &m) owner[k] = -1;
  m.last = m.first;
}

std::vector<int> Annotation::mentions_in(std::uint32_t sentence) const {
  std::vector<int> out;
  if (sentence >= by_sentence_.size()) return out;
  for (int i : by_sentence_[sentence]) {
    const Mention& m = mentions[static_cast<std::size_t>(i)];
    if (m.sentence == sentence && m.last > m.first) out.push_back(i);  // a mention may be moved or emptied later
  }
  std::sort(out.begin(), out.end(), [&](int x, int y) {
    return mentions[static_cast<std::size_t>(x)].first < mentions[static_cast<std::size_t>(y)].first;
  });
  return out;
}

std::string Annotation::sentence_date(std::uint32_t sentence) const {
  auto& cached = date_cache_.at(sentence);
  if (!cached) {
    const Sentence& s = sentences[sentence];
    // the dateline ("CAIRO - 26 July 2022: ... met on Monday") dates the document, not the sentence's event
    std::uint32_t first = s.first_token;
    while (first < s.last_token && tokens[first].end <= dateline_end_) ++first;
    auto d = event_date(doc.text, tokens, first, s.last_token, doc_date);
    cached = d ? d->iso() : std::string();
  }
  return *cached;
}

int Annotation::entity_at(std::uint32_t token) const {
  if (token >= owner.size() || owner[token] < 0) return -1;
  return mentions[static_cast<std::size_t>(owner[token])].entity;
}

std::uint32_t after_direction(const Annotation& a, std::uint32_t from, std::uint32_t end, std::uint32_t limit) {
  bool direction = false;
  std::uint32_t k = from;
  for (; k < end && k < from + limit; ++k) {
    const Token& t = a.tokens[k];
    const std::string_view f = t.folded;
    if (a.is(k, kCompass) || f == "outside" || f == "near" || f == "outskirts") { direction = true; continue; }
    if (t.is(kNumber) || a.is(k, kPlaceKind) || f == "," || f == "(" || f == ")" || f == "about" || f == "some" ||
        f == "around" || f == "roughly" || f == "km" || f == "kilometres" || f == "kilometers" || f == "miles" ||
        f == "mile" || f == "of" || f == "the" || f == "a" || f == "an" || f == "just" || f == "located" || f == "lies" ||
        f == "also" || f == "from")
      continue;
    if (f.size() > 2 && f.substr(f.size() - 2) == "km" && f[0] >= '0' && f[0] <= '9') continue;  // "45km"
    return direction ? k : 0;
  }
  return direction && k == end ? end : 0;
}

}  // namespace irgraph::extract
