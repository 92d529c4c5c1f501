// libFuzzer target: the whole extraction pipeline and resolution on one article.
#include <cstddef>
#include <cstdint>

#include "core/error.hpp"
#include "extract/document.hpp"
#include "extract/pipeline.hpp"
#include "graph/resolver.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irgraph;
  static const extract::Pipeline pipeline;
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  extract::Document doc;
  try {
    doc = extract::read_text_article(raw, "fuzz.txt");
  } catch (const InputError&) {
    return 0;
  }
  doc.date = "2021-03-15";
  auto records = pipeline.extract(doc);
  for (const auto& r : records.relations)
    if (r.source < 0 || r.target < 0 || r.source >= static_cast<int>(records.nodes.size()) ||
        r.target >= static_cast<int>(records.nodes.size()) || r.evidence.end > doc.text.size())
      __builtin_trap();
  graph::KnowledgeGraph g;
  graph::Resolver resolver(g);
  resolver.add(records);
  resolver.add(records);  // the same document twice resolves onto the same nodes
  return 0;
}
