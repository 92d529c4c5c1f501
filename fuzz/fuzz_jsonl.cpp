// libFuzzer target: the JSON Lines reader and the records codec on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "core/error.hpp"
#include "extract/document.hpp"
#include "extract/records_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irgraph;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::istringstream in(bytes);
  extract::ReadHandler h{[](extract::Document&& d) { (void)d.content_hash(); }, [](const InputError&) {}};
  extract::read_json_lines(in, "fuzz.jsonl", h);
  try {
    auto d = extract::from_json_line(bytes);
    if (extract::from_json_line(extract::to_json_line(d)).records.nodes.size() != d.records.nodes.size()) __builtin_trap();
  } catch (const Error&) {
  }
  return 0;
}
