// libFuzzer target: the text layer on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/dates.hpp"
#include "extract/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irgraph::extract;
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  (void)find_invalid_utf8(raw);
  (void)fold(raw);  // must cope with invalid UTF-8 too
  (void)parse_date(raw);
  if (find_invalid_utf8(raw)) return 0;
  std::string text = nfc(raw);
  std::string storage;
  auto tokens = tokenize(text, storage);
  auto inside = [](std::string_view part, std::string_view whole) {
    return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
  };
  for (const auto& t : tokens) {
    if (t.begin > t.end || t.end > text.size()) __builtin_trap();
    if (t.word() && !t.is(kNumber) && !t.folded.empty() && !inside(t.folded, storage) && !inside(t.folded, text))
      __builtin_trap();  // a folded word views the tokenizer's buffer (or the text, when it folds to nothing)
  }
  auto sentences = split_sentences(text, tokens);
  for (const auto& s : sentences) {
    if (s.first_token >= s.last_token || s.last_token > tokens.size()) __builtin_trap();
    (void)event_date(text, tokens, s.first_token, s.last_token, Date{2020, 2, 29});
  }
  return 0;
}
