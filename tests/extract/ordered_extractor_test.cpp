#include <doctest/doctest.h>

#include "extract/ordered_extractor.hpp"
#include "extract/records_json.hpp"

using namespace irgraph::extract;

namespace {
std::vector<Document> documents(int n) {
  const char* texts[] = {
      "Turkish Foreign Minister Mevlüt Çavuşoğlu met his Russian counterpart Sergei Lavrov in Moscow on Saturday.",
      "German Chancellor Angela Merkel visited Ankara, where she met President Recep Tayyip Erdoğan.",
      "Iran, Russia and Turkey, the guarantors of the Astana process, signed a memorandum in Sochi.",
      "No one met anyone today."};
  std::vector<Document> out;
  for (int i = 0; i < n; ++i) {
    Document d;
    d.id = "doc-" + std::to_string(i);
    d.date = "2019-01-0" + std::to_string(1 + i % 9);
    d.text = texts[i % 4];
    out.push_back(d);
  }
  return out;
}
}  // namespace

TEST_CASE("extraction on threads hands results over in input order, as one thread would") {
  Pipeline pipeline;
  std::vector<std::string> expected;
  for (const auto& d : documents(23)) expected.push_back(d.id + " " + records_to_json(pipeline.extract(d)));
  for (unsigned threads : {1u, 2u, 4u}) {
    for (std::size_t chunk : {1u, 3u, 64u}) {
      std::vector<std::string> got;
      OrderedExtractor x(pipeline, threads, [&](Document&& d, DocumentRecords&& r) { got.push_back(d.id + " " + records_to_json(r)); },
                         chunk);
      for (auto& d : documents(23)) x.submit(std::move(d));
      x.finish();
      CAPTURE(threads);
      CAPTURE(chunk);
      CHECK(got == expected);
    }
  }
}

TEST_CASE("an error in the consumer comes out to the caller, and no thread is left behind") {
  Pipeline pipeline;
  int consumed = 0;
  auto run = [&] {
    OrderedExtractor x(pipeline, 2, [&](Document&&, DocumentRecords&&) {
      if (++consumed == 5) throw std::runtime_error("store full");
    }, 2);
    for (auto& d : documents(20)) x.submit(std::move(d));
    x.finish();
  };
  CHECK_THROWS_WITH_AS(run(), "store full", std::runtime_error);
  CHECK(consumed == 5);
}
