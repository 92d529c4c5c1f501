#include "extract/names.hpp"

#include <vector>

#include "extract/text.hpp"

namespace irgraph::extract {

namespace {

std::string normalise_word(std::string w) {
  if (w == "ibn") return "bin";
  std::string out;
  out.reserve(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c == 'y') c = 'i';
    if (c == 'p' && i + 1 < w.size() && w[i + 1] == 'h') { c = 'f'; ++i; }
    if (c == 'u' && !out.empty() && out.back() == 'o') { out.back() = 'u'; continue; }
    if (!out.empty() && out.back() == c) continue;  // doubled letters
    out += c;
  }
  // Mohammed, Mohammad, Muhammad, Mohamed, Muhammed
  if (out.size() >= 6 && out[0] == 'm' && (out[1] == 'o' || out[1] == 'u') && out.compare(2, 3, "ham") == 0 &&
      out.size() <= 7 && out.back() == 'd')
    return "muhamad";
  return out;
}

std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words;
  std::string f = fold(name);
  std::size_t pos = 0;
  while (pos < f.size()) {
    std::size_t sp = f.find(' ', pos);
    std::string w = f.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
    pos = sp == std::string::npos ? f.size() : sp + 1;
    if (w == "al" || w == "el") continue;  // al-Assad = Assad
    words.push_back(normalise_word(w));
  }
  return words;
}

}  // namespace

std::string person_key(std::string_view name) {
  std::string key;
  for (const auto& w : words_of(name)) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

std::string last_name_key(std::string_view name) {
  auto w = words_of(name);
  if (w.empty()) return {};
  // "Mohammed bin Salman": Salman is the father's name, not a surname that
  // "King Salman" could be a short form of
  if (w.size() >= 2 && binds_next_name(w[w.size() - 2])) return {};
  return w.back();
}

bool is_short_form(const std::string& full, const std::string& part) {
  if (part.empty() || full.size() <= part.size()) return false;
  if (full.compare(full.size() - part.size(), part.size(), part) != 0 || full[full.size() - part.size() - 1] != ' ')
    return false;
  std::string before = full.substr(0, full.size() - part.size() - 1);
  auto sp = before.rfind(' ');
  std::string prev = sp == std::string::npos ? before : before.substr(sp + 1);
  return !binds_next_name(prev);
}

std::size_t word_count(std::string_view name) { return words_of(name).size(); }

}  // namespace irgraph::extract
