// Descriptions that stand for officials or countries named elsewhere: "the Russian foreign minister", "the two leaders".
#include <algorithm>
#include <map>
#include <set>
#include <span>

#include "extract/mentions/mention_rules.hpp"
#include "extract/names.hpp"

namespace irgraph::extract {

namespace {

using namespace mention_rules;


/// "the Russian foreign and defense ministers", "the Russian foreign minister":
/// descriptions that stand for officials named elsewhere in the document.
class DescriptionMentions : public MentionExtractor {
 public:
  std::string_view name() const override { return "descriptions"; }
  std::string_view description() const override {
    return "role descriptions (\"the Russian foreign minister\") resolved to officials named in the document";
  }
  std::vector<Rule> rules() const override {
    return {
        {"role", "\"the Russian foreign minister\": the official of that country with that role"},
        {"plural-role", "\"the Russian foreign and defense ministers\": each official of that country with those roles"},
        {"group", "\"the two leaders\", \"the three guarantor countries\": the ones named just before"},
    };
  }
  void run(Annotation& a) const override {
    for (const auto& s : a.sentences) {
      for (std::uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
        if (a.owner[i] >= 0) continue;
        int q = a.owner[i - 1];
        if (q < 0) continue;
        const Mention& qm = a.mentions[static_cast<std::size_t>(q)];
        if (qm.type != NodeType::Country || qm.last != i) continue;
        // "the Russian ..." or "Russia's ..."
        std::uint32_t start = i;
        if (folded_is(a, i, "'s")) ++start;
        // "the French leader": a title word that counts capitalised only, read here in lower case too
        auto title = parse_title(a, start, s.last_token, folded_is(a, start, "leader"));
        if (!title || title->counterpart) continue;
        if (title->end < s.last_token && name_word(a, title->end)) continue;  // a name follows: not a description
        if (qm.form != NameForm::Demonym && start == i) continue;
        // "the last Japanese prime minister to visit Beijing", "the first French president", "a former
        // Russian minister": one of many holders, not the one the document names
        if (qm.first > s.first_token &&
            in_list(a.tokens[qm.first - 1].folded, {"last", "first", "only", "next", "second", "third", "former",
                                                     "previous", "late", "future", "youngest", "oldest", "another"}))
          continue;
        Mention men;
        men.type = NodeType::Official;
        men.description = true;
        men.sentence = s.index;
        men.first = start;
        men.last = title->end;
        men.surface = std::string(a.surface(qm.first, title->end));
        men.country = qm.key.substr(8);
        men.roles = title->coordinated.empty() ? std::vector<std::string>{title->role} : title->coordinated;
        men.extractor = "descriptions";
        men.rule = title->plural ? "plural-role" : "role";
        a.add_mention(std::move(men));
        i = title->end - 1;
      }
    }
    groups(a);
  }

 private:
  /// "the two leaders", "both countries", "the three guarantor countries": the
  /// last two (three) officials or countries named before.
  static void groups(Annotation& a) {
    for (const auto& s : a.sentences) {
      for (std::uint32_t i = s.first_token; i + 1 < s.last_token; ++i) {
        std::string_view f = a.tokens[i].folded;
        int n = f == "both" || f == "two" ? 2 : f == "three" ? 3 : f == "four" ? 4 : 0;
        if (!n || a.owner[i] >= 0) continue;
        if (f != "both" && !(i > s.first_token && in_list(a.tokens[i - 1].folded, {"the", "these", "those"}))) continue;
        std::uint32_t k = i + 1;
        if (k < s.last_token && in_list(a.tokens[k].folded, {"guarantor", "neighbouring", "neighboring", "allied", "friendly"})) ++k;
        if (k >= s.last_token || a.owner[k] >= 0) continue;
        std::string_view noun = a.tokens[k].folded;
        NodeType type;
        if (in_list(noun, {"leaders", "ministers", "presidents", "officials", "heads", "premiers", "diplomats", "envoys"}))
          type = NodeType::Official;
        else if (in_list(noun, {"countries", "nations", "states", "governments"}))
          type = NodeType::Country;
        else
          continue;
        Mention men = span_mention(a, type, s.index, i, k + 1);
        men.description = true;
        men.group = n;
        men.extractor = "descriptions";
        men.rule = "group";
        a.add_mention(std::move(men));
        i = k;
      }
    }
  }
};

}  // namespace

std::unique_ptr<MentionExtractor> make_description_mentions() { return std::make_unique<DescriptionMentions>(); }

}  // namespace irgraph::extract
