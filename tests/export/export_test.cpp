#include <doctest/doctest.h>

#include <graphviz/cgraph.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "export/exporter.hpp"
#include "export/layout.hpp"
#include "export/render.hpp"

using namespace irgraph;
using namespace irgraph::graph;

namespace {

const std::vector<std::string> kHostile = {
    "Quote \" inside", "Back\\slash", "Trailing backslash\\", "New\nline", "Tab\tbed", "<tag> & ]]>",
    "Comma, here", "'}) DETACH DELETE n //", "Emoji 🌍🕊", "עברית RTL", std::string(20000, 'x'),
    "</script><script>alert(1)</script>", "<!--<script> stays text", "Non\xEF\xBF\xBE char\xEF\xBF\xBF",
    "Ctl\x01 \x1b[31mred"};

KnowledgeGraph hostile_graph() {
  KnowledgeGraph g;
  g.upsert_node("country:TUR", NodeType::Country, "Türkiye");
  for (std::size_t i = 0; i < kHostile.size(); ++i) {
    std::string key = "official:hostile-" + std::to_string(i);
    g.upsert_node(key, NodeType::Official, kHostile[i]);
    Evidence e;
    e.doc_id = "doc \"" + std::to_string(i) + "\"";
    e.text = kHostile[i];
    e.value = kHostile[i].substr(0, 50);
    e.date = "2020-01-0" + std::to_string(1 + i % 9);
    e.extractor = "test";
    e.rule = "hostile";
    g.add_evidence(key, RelationType::OfficialOf, "country:TUR", e);
  }
  g.set_document({"doc \"0\"", "Title <b>", "2020-01-01", "https://x.test/?a=1&b=2"});
  return g;
}

std::string write(const KnowledgeGraph& g, const std::string& format, const exporters::Filter& f = {}) {
  std::ostringstream out;
  exporters::make_exporter(format)->write(g, f, out);
  return out.str();
}

}  // namespace

TEST_CASE("exporters are built by name; unknown names are usage errors") {
  CHECK(exporters::make_exporter("dot")->extension() == "dot");
  CHECK(exporters::make_exporter("jsonld")->extension() == "jsonld");
  CHECK_THROWS_AS(exporters::make_exporter("xls"), UsageError);
}

TEST_CASE("DOT with hostile names reads back through cgraph") {
  auto g = hostile_graph();
  std::string dot = write(g, "dot");
  Agraph_t* back = agmemread(dot.c_str());
  REQUIRE(back != nullptr);
  CHECK(agnnodes(back) == static_cast<int>(kHostile.size() + 1));
  CHECK(agnedges(back) == static_cast<int>(kHostile.size()));
  Agnode_t* n = agnode(back, const_cast<char*>("official:hostile-1"), 0);
  REQUIRE(n);
  std::string label = agget(n, const_cast<char*>("label"));
  CHECK(label.rfind("Back\\\\slash\\n", 0) == 0);  // a literal backslash, escaped for Graphviz labels; then the role
  Agnode_t* q = agnode(back, const_cast<char*>("official:hostile-0"), 0);
  CHECK(std::string(agget(q, const_cast<char*>("label"))).rfind("Quote \" inside", 0) == 0);
  Agnode_t* t = agnode(back, const_cast<char*>("country:TUR"), 0);
  CHECK(std::string(agget(t, const_cast<char*>("shape"))) == "box");
  agclose(back);
  CHECK(dot.find("Trailing backslash\\\\") != std::string::npos);
  CHECK(dot.find("Tab bed") != std::string::npos);  // tabs inside values become spaces
}

TEST_CASE("JSON-LD with hostile names parses back, with context, types and evidence") {
  auto g = hostile_graph();
  std::string text = write(g, "jsonld");
  rapidjson::Document d;
  d.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(d.HasParseError());
  REQUIRE(d.HasMember("@context"));
  CHECK(std::string(d["@context"]["@vocab"].GetString()) == "https://schema.org/");
  const auto& graph = d["@graph"].GetArray();
  int nodes = 0, statements = 0, articles = 0;
  bool found_long = false, found_rtl = false;
  for (const auto& item : graph) {
    std::string first_type = item["@type"].IsArray() ? item["@type"][0].GetString() : item["@type"].GetString();
    if (first_type == "ir:Official" || first_type == "ir:Country") {
      ++nodes;
      std::string nm = item["name"].GetString();
      found_long |= nm.size() == 20000;
      found_rtl |= nm == "עברית RTL";
    } else if (first_type == "rdf:Statement") {
      ++statements;
      CHECK(item["evidence"].IsArray());
      CHECK(item["evidence"][0]["eventDate"].IsString());
    } else if (first_type == "NewsArticle") {
      ++articles;
    }
  }
  CHECK(nodes == static_cast<int>(kHostile.size() + 1));
  CHECK(statements == static_cast<int>(kHostile.size()));
  CHECK(articles == static_cast<int>(kHostile.size()));
  CHECK(found_long);
  CHECK(found_rtl);
}

TEST_CASE("exports are deterministic and filters apply to every writer") {
  auto g = hostile_graph();
  for (const auto& info : exporters::exporters()) {
    if (exporters::make_exporter(info.name)->writes_folder()) continue;
    CAPTURE(info.name);
    CHECK(write(g, std::string(info.name)) == write(g, std::string(info.name)));
  }
  exporters::Filter f;
  f.node_types = {NodeType::Country};
  auto sel = exporters::select(g, f);
  CHECK(sel.nodes.size() == 1);
  CHECK(sel.relations.empty());
  exporters::Filter dates;
  dates.from_date = "2020-01-03";
  dates.to_date = "2020-01-04";
  CHECK(exporters::select(g, dates).relations.size() == 4);  // names 2, 3, 11 and 12 carry those dates
}

TEST_CASE("render writes an SVG through Graphviz") {
  auto g = hostile_graph();
  std::ostringstream s;
  exporters::render(g, {}, s);
  CHECK(s.str().find("<svg") != std::string::npos);
  CHECK(s.str().find("Legend") != std::string::npos);
  std::ostringstream png;
  exporters::render(g, {}, png, {"png", "", true});
  CHECK(png.str().substr(1, 3) == "PNG");
}

TEST_CASE("render's format: the option, else the file's extension; anything else is named") {
  CHECK(exporters::render_format("out.SVG", "") == "svg");
  CHECK(exporters::render_format("a.b/out.png", "") == "png");
  CHECK(exporters::render_format("-", "png") == "png");
  CHECK_THROWS_WITH_AS(exporters::render_format("x.bmp", ""), doctest::Contains("cannot tell the format"), UsageError);
  CHECK_THROWS_WITH_AS(exporters::render_format("x.svg", "pdf"), doctest::Contains("unknown format 'pdf'"), UsageError);
  CHECK_THROWS_AS(exporters::render_format("a.svg/out", ""), UsageError);
}

TEST_CASE("every writer takes the hostile names (files for the external validators)") {
  auto g = hostile_graph();
  namespace fs = std::filesystem;
  // The validators read what the hostile_exports fixture writes (IRGRAPH_HOSTILE_DIR);
  // the same case run among the unit tests writes elsewhere, so the two never race.
  const char* target = std::getenv("IRGRAPH_HOSTILE_DIR");
  fs::path dir = target ? fs::path(target) : fs::path(IRGRAPH_TEST_TMP) / "hostile-unit";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& info : exporters::exporters()) {
    auto e = exporters::make_exporter(info.name);
    if (e->writes_folder()) {
      e->write_folder(g, {}, (dir / std::string(info.name)).string());
      CHECK(fs::exists(dir / std::string(info.name) / "import.cypher"));
      continue;
    }
    // named by format, not extension: gexf and gexf1.3 both end in .gexf
    std::ofstream out(dir / ("hostile." + std::string(info.name)), std::ios::binary);
    e->write(g, {}, out);
    out.close();
    CHECK(fs::file_size(dir / ("hostile." + std::string(info.name))) > 1000);
  }
}

TEST_CASE("the HTML page's data cannot end or open its script element, and XML formats hold no non-characters") {
  auto g = hostile_graph();
  const std::string html = write(g, "html");
  const auto data = html.find("id=\"irgraph-data\">");
  REQUIRE(data != std::string::npos);
  const auto end = html.find("</script>", data);
  REQUIRE(end != std::string::npos);
  const std::string json = html.substr(data + 18, end - data - 18);
  CHECK(json.find('<') == std::string::npos);  // no "<!--<script", no "</script"
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  CHECK_FALSE(d.HasParseError());
  CHECK(json.find("\\u003c!--\\u003cscript> stays text") != std::string::npos);
  for (const char* format : {"graphml", "gexf", "gexf1.3"}) {
    const std::string xml = write(g, format);
    CHECK(xml.find("\xEF\xBF\xBE") == std::string::npos);
    CHECK(xml.find("\xEF\xBF\xBF") == std::string::npos);
    CHECK(xml.find('\x01') == std::string::npos);
    CHECK(xml.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("the page's layout: the same graph the same positions, linked entities drawn apart, the rest below") {
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  for (std::size_t i = 0; i + 1 < 40; ++i) edges.emplace_back(i, i + 1);  // a chain of 40; 10 more alone
  const auto a = exporters::force_layout(50, edges), b = exporters::force_layout(50, edges);
  REQUIRE(a.size() == 50);
  double bottom = 0;
  for (std::size_t i = 0; i < 50; ++i) {
    CHECK(a[i].x == b[i].x);
    CHECK(a[i].y == b[i].y);
    if (i < 40) bottom = std::max(bottom, a[i].y);
  }
  for (std::size_t i = 40; i < 50; ++i) CHECK(a[i].y > bottom);
  // no two linked entities on one spot
  for (std::size_t i = 0; i < 40; ++i)
    for (std::size_t j = i + 1; j < 40; ++j) CHECK((a[i].x != a[j].x || a[i].y != a[j].y));
}
