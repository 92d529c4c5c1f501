#pragma once
/// Matching keys for person names: spellings that news uses for one person
/// (Sergey/Sergei, Shoygu/Shoigu, Mohammed/Muhammad, al-Assad/Assad) give
/// one key; different given names (Kim Jong Un, Kim Yo Jong) do not.
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

/// Is `short_key` the given name (or, for East Asian names, the family name)
/// that `full_key` starts with: one word, the first of two or more ("xi" of
/// "xi jinping", "uhuru" of "uhuru kenyatta", "salman" of "salman bin abdulaziz")?
bool is_first_word_form(const std::string& full_key, const std::string& short_key);

/// Number of words in a name.
std::size_t word_count(std::string_view name);

}  // namespace irgraph::extract
