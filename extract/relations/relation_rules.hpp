#pragma once
/// What the relation extractors share (one extractor a file in this folder):
/// the participants of a sentence (slots), coordinated groups before and after
/// a trigger, negation and planning cues, the emitter that attaches evidence,
/// and each extractor's factory.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "extract/pipeline.hpp"

namespace irgraph::extract {

// one factory an extractor
std::unique_ptr<RelationExtractor> make_met_with();
std::unique_ptr<RelationExtractor> make_accompanied();
std::unique_ptr<RelationExtractor> make_signed();
std::unique_ptr<RelationExtractor> make_guarantor_party();
std::unique_ptr<RelationExtractor> make_located_in();
std::unique_ptr<RelationExtractor> make_official_of();
std::unique_ptr<RelationExtractor> make_visited();

namespace relation_rules {

/// A mention as a relation participant: its token span and the entities it stands for.
struct Slot {
  int mention = -1;
  std::uint32_t first = 0, last = 0;
  NodeType type = NodeType::Country;
  std::vector<int> entities;
};

/// The participants of a sentence, in text order.
std::vector<Slot> slots_of(const Annotation& a, std::uint32_t sentence);
inline bool in(std::string_view f, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), f) != set.end();
}

/// Emits relations with their evidence: the sentence, its date, the trace.
class Emitter {
 public:
  Emitter(const Annotation& a, std::vector<RelationRecord>& out, Sink& sink, std::string_view extractor)
      : a_(a), out_(out), sink_(sink), extractor_(extractor) {
    for (const auto& o : out_) emitted_.insert(key(o.type, o.source, o.target, o.evidence.sentence));
  }

  void operator()(RelationType type, int source, int target, std::uint32_t sentence, std::string value,
                  std::string_view rule) {
    if (source < 0 || target < 0 || source == target) return;
    const auto& s = a_.sentences.at(sentence);
    // one evidence per (relation, sentence) is enough (a set: a scan of the
    // relations so far made documents with many relations quadratic)
    if (!emitted_.insert(key(type, source, target, s.index)).second) return;
    RelationRecord r;
    r.type = type;
    r.source = source;
    r.target = target;
    r.evidence.doc_id = a_.doc.id;
    r.evidence.sentence = s.index;
    r.evidence.begin = s.begin;
    r.evidence.end = s.end;
    r.evidence.text = std::string(a_.doc.text.substr(s.begin, s.end - s.begin));
    // geography has no event date
    if (type != RelationType::LocatedIn) r.evidence.date = a_.sentence_date(sentence);
    r.evidence.value = std::move(value);
    r.evidence.extractor = std::string(extractor_);
    r.evidence.rule = std::string(rule);
    out_.push_back(r);
    sink_.on_relation(r);
  }

 private:
  const Annotation& a_;
  std::vector<RelationRecord>& out_;
  Sink& sink_;
  std::string_view extractor_;
  using Key = std::tuple<RelationType, int, int, std::uint32_t>;
  static Key key(RelationType t, int source, int target, std::uint32_t sentence) { return {t, source, target, sentence}; }
  std::set<Key> emitted_;
};

/// Negation, refusal, cancellation or a condition before the trigger in its clause.
bool negated_or_conditional(const Annotation& a, const Sentence& s, std::uint32_t trigger);
/// Future or planned: "will visit", "is expected to visit", "plans to travel".
bool planned(const Annotation& a, const Sentence& s, std::uint32_t trigger);
/// Tokens that may stand between coordinated participants.
bool coordination_gap(const Annotation& a, std::uint32_t from, std::uint32_t to, bool allow_qualifiers);
/// The coordinated group of slots of `types` ending right before token `before`: indices into slots, in text order.
std::vector<std::size_t> group_before(const Annotation& a, const std::vector<Slot>& slots, std::uint32_t before,
                                      std::initializer_list<NodeType> types, std::uint32_t max_gap = 12);
/// Tokens in [from, slot.first) that belong to the slot's own title.
std::uint32_t title_tokens(const Annotation& a, const Slot& slot, std::uint32_t from);
/// The coordinated group of slots of `types` starting after token `after`.
std::vector<std::size_t> group_after(const Annotation& a, const std::vector<Slot>& slots, std::uint32_t after,
                                     std::uint32_t end, std::initializer_list<NodeType> types, std::uint32_t max_gap = 12);
std::vector<int> entities_of(const std::vector<Slot>& slots, const std::vector<std::size_t>& group);
/// The document's countries: alpha-3 key -> entity.
std::map<std::string, int> country_entities(const Annotation& a);
/// A title word no mention took, or a description of someone else, between two tokens: a person
/// the text does not name stands there ("X, while an American president after his talks with Y").
bool person_between(const Annotation& a, std::uint32_t from, std::uint32_t to);
/// The official a pronoun before `trigger` stands for: "he"/"she" before it, or "his"/"her" right before
/// it, for the official named last before in the sentence (none across another person); with none there,
/// in "During his meeting with X, President Y said", the first official after the object's phrase
/// (`object`: its slots); else the first official of the sentence before.
std::vector<int> pronoun_subject(const Annotation& a, const Sentence& s, const std::vector<Slot>& slots, std::uint32_t trigger,
                                 const std::vector<std::size_t>& object);

/// "call" when the sentence speaks of a phone or video call, else "meeting".
std::string meeting_mode(const Annotation& a, const Sentence& s);

}  // namespace relation_rules
}  // namespace irgraph::extract
