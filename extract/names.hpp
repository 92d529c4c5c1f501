#pragma once
/// Matching keys for person names: spellings that news uses for one person
/// (Sergey/Sergei, Shoygu/Shoigu, Mohammed/Muhammad, al-Assad/Assad) give
/// one key; different given names (Kim Jong Un, Kim Yo Jong) do not.
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace irgraph::extract {

/// Key of a full or partial name: folded, particles al-/el- dropped, ibn as
/// bin, y as i, doubled letters single, ou as u, ph as f, the Mohammed family as one.
std::string person_key(std::string_view name);

/// person_key of the last word of the name (the surname in most news usage).
std::string last_name_key(std::string_view name);

/// Is `short_key` a shorter form of `full_key` (both person_key()s): its last
/// words ("putin" of "vladimir putin", "tayyip erdogan" of "recep tayyip
/// erdogan")? Not after bin/bint/abu: "salman" is not "muhamad bin salman".
bool is_short_form(const std::string& full_key, const std::string& short_key);

/// Does `word` bind the name after it to the one before ("bin", "bint", "abu"):
/// "salman" is no short form of "muhamad bin salman".
inline bool binds_next_name(std::string_view word) { return word == "bin" || word == "bint" || word == "abu"; }

/// Full names (person_key()s) indexed by their short forms, so that a
/// document's names are matched in time linear in their number: ending(k)
/// holds the values of every full name that k is_short_form() of; starting(k)
/// of every one whose first word k is, one word of two or more: the given
/// name, or for East Asian names the family name ("xi" of "xi jinping",
/// "uhuru" of "uhuru kenyatta", "salman" of "salman bin abdulaziz").
template <class Value>
class ShortForms {
 public:
  void add(const std::string& full_key, const Value& v) {
    const auto first_space = full_key.find(' ');
    if (first_space == std::string::npos) return;
    if (first_space > 0 && first_space + 1 < full_key.size()) first_[full_key.substr(0, first_space)].insert(v);
    std::size_t word_start = 0;
    for (auto sp = first_space; sp != std::string::npos && sp + 1 < full_key.size();
         word_start = sp + 1, sp = full_key.find(' ', sp + 1)) {
      const std::string_view prev = std::string_view(full_key).substr(word_start, sp - word_start);
      if (!binds_next_name(prev)) ending_[full_key.substr(sp + 1)].insert(v);
    }
  }
  const std::set<Value>& ending(const std::string& short_key) const { return find(ending_, short_key); }
  const std::set<Value>& starting(const std::string& short_key) const { return find(first_, short_key); }

 private:
  static const std::set<Value>& find(const std::map<std::string, std::set<Value>, std::less<>>& m, const std::string& k) {
    static const std::set<Value> none;
    const auto it = m.find(k);
    return it == m.end() ? none : it->second;
  }
  std::map<std::string, std::set<Value>, std::less<>> ending_, first_;
};

/// Number of words in a name.
std::size_t word_count(std::string_view name);

}  // namespace irgraph::extract
