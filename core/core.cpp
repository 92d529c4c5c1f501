#include "core/error.hpp"

#include "core/embedded_data.hpp"

namespace irgraph {

namespace {
std::string where(const std::string& file, std::uint64_t line, std::uint64_t byte) {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  s += ": byte " + std::to_string(byte);
  return s;
}
}  // namespace

InputError::InputError(std::string file, std::uint64_t line, std::uint64_t byte, const std::string& reason)
    : Error("input: " + where(file, line, byte) + ": " + reason),
      file_(std::move(file)), line_(line), byte_(byte), reason_(reason) {}

namespace data {
std::string_view embedded_file(std::string_view name) {
  for (const auto& f : embedded_files())
    if (f.name == name) return f.content;
  throw Error("data: no embedded file named " + std::string(name));
}
}  // namespace data

}  // namespace irgraph

#include "core/ontology.hpp"

namespace irgraph {

std::optional<NodeType> node_type_from(std::string_view s) {
  for (auto t : kNodeTypes)
    if (name(t) == s) return t;
  return std::nullopt;
}

std::optional<RelationType> relation_type_from(std::string_view s) {
  for (auto r : kRelationTypes)
    if (name(r) == s) return r;
  return std::nullopt;
}

}  // namespace irgraph
