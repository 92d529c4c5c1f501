// libFuzzer target: merge's untrusted records, and every exporter fed from
// the graph they build. A record either is refused with an Error or resolves
// into a graph that every writer writes; the JSON-LD must parse back.
#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <sstream>

#include "core/error.hpp"
#include "export/exporter.hpp"
#include "extract/records_json.hpp"
#include "graph/resolver.hpp"
#include "store/store.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace irgraph;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  extract::ExtractedDocument x;
  try {
    x = extract::from_json_line(bytes);
  } catch (const Error&) {
    return 0;
  }
  graph::KnowledgeGraph g;
  graph::Resolver resolver(g);
  resolver.add(x.records);
  g.set_document(store::meta_of(x.document));
  for (const auto& info : exporters::exporters()) {
    auto e = exporters::make_exporter(std::string(info.name));
    if (e->writes_folder()) continue;
    std::ostringstream out;
    e->write(g, {}, out);
    if (info.name == "jsonld") {
      rapidjson::Document back;
      const std::string s = out.str();
      back.Parse(s.data(), s.size());
      if (back.HasParseError()) __builtin_trap();
    }
  }
  return 0;
}
