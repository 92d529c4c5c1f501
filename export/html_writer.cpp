// One self-contained HTML page: the graph library (Cytoscape.js, from the npm
// registry, inlined at build time), the viewer, and the graph as JSON. No
// network at view time.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>
#include <ostream>

#include "core/embedded_data.hpp"
#include "core/error.hpp"
#include "export/exporter.hpp"
#include "export/layout.hpp"
#include "export/style.hpp"
#include "export/text_escape.hpp"

namespace irgraph::exporters {

namespace {

/// The viewer's shape for a node type (Cytoscape.js names).
const char* viewer_shape(NodeType t) {
  switch (t) {
    case NodeType::Country: return "rectangle";
    case NodeType::Official: return "ellipse";
    case NodeType::Agreement: return "round-rectangle";
    case NodeType::Place: return "pentagon";
    case NodeType::Organization: return "cut-rectangle";
  }
  return "ellipse";
}

/// Text inside a <script> element. In JavaScript only "</script" could close
/// the element early: "<\/" means "</" in JavaScript strings and regular
/// expressions alike. In JSON every '<' is written \u003c, so neither
/// "</script" nor "<!--<script" (which keeps the element open past its end
/// tag) can appear.
std::string in_script(std::string_view s, bool json) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (json && s[i] == '<') {
      out += "\\u003c";
      continue;
    }
    const bool closing = s[i] == '<' && i + 1 < s.size() && s[i + 1] == '/';
    const bool script_tag = closing && i + 7 < s.size() &&
                            (s.substr(i + 2, 6) == "script" || s.substr(i + 2, 6) == "SCRIPT" || s.substr(i + 2, 6) == "Script");
    if (script_tag) {
      out += "<\\/";
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

class HtmlExporter : public Exporter {
 public:
  std::string_view name() const override { return "html"; }
  std::string_view description() const override {
    return "one self-contained page: pan, zoom, search, click for evidence, filter by type and date, shortest connection";
  }
  std::string_view extension() const override { return "html"; }

  /// Entities above which the page comes laid out (the browser's cose takes minutes at thousands).
  static constexpr std::size_t kBrowserLayoutLimit = 300;

  void write(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out) const override {
    Selection sel = select(g, f);
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    auto str = [&](std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); };
    w.StartObject();
    w.Key("styles");
    w.StartObject();
    for (NodeType t : kNodeTypes) {
      TypeStyle st = style_of(t);
      str(irgraph::name(t));
      w.StartObject();
      w.Key("fill");
      str(st.fill);
      w.Key("border");
      str(st.border);
      w.Key("shape");
      str(viewer_shape(t));
      w.EndObject();
    }
    w.EndObject();
    // a big graph is laid out here, not by the browser at load (cose froze a page of 3,500 entities for
    // minutes); a small one in the browser, where cose keeps labels apart in a second or less
    const bool laid_out = sel.nodes.size() > kBrowserLayoutLimit;
    std::vector<Point> position;
    if (laid_out) {
      std::map<const graph::Node*, std::size_t> index;  // position in sel.nodes
      for (const graph::Node* n : sel.nodes) index.emplace(n, index.size());
      std::vector<std::pair<std::size_t, std::size_t>> links;
      for (const auto& r : sel.relations) links.emplace_back(index.at(r.source), index.at(r.target));
      position = force_layout(sel.nodes.size(), links);
    }
    w.Key("nodes");
    w.StartArray();
    for (std::size_t i = 0; i < sel.nodes.size(); ++i) {
      const graph::Node* n = sel.nodes[i];
      w.StartObject();
      w.Key("id");
      str(n->key);
      if (laid_out) {
        w.Key("x");
        w.Int(static_cast<int>(position[i].x));
        w.Key("y");
        w.Int(static_cast<int>(position[i].y));
      }
      w.Key("name");
      str(n->name);
      w.Key("type");
      str(irgraph::name(n->type));
      w.Key("aliases");
      w.StartArray();
      for (const auto& a : n->aliases) str(a.text);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    std::size_t id = 0;
    for (const auto& r : sel.relations) {
      w.StartObject();
      w.Key("id");
      str("e" + std::to_string(++id));
      w.Key("source");
      str(r.source->key);
      w.Key("target");
      str(r.target->key);
      w.Key("relation");
      str(irgraph::name(r.relation->type));
      w.Key("values");
      w.StartArray();
      for (const auto& v : r.relation->values()) str(v);
      w.EndArray();
      w.Key("evidence");
      w.StartArray();
      for (const auto& e : r.relation->evidence) {
        w.StartObject();
        w.Key("sentence");
        str(e.text);
        w.Key("doc");
        str(e.doc_id);
        w.Key("date");
        str(e.date);
        w.Key("rule");
        str(e.extractor + "/" + e.rule);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();

    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>irgraph: knowledge graph of international relations</title>\n<style>\n"
        << data::embedded_file("viewer.css") << "</style>\n</head>\n<body>\n<div id=\"side\">\n<header>\n<h1>irgraph</h1>\n"
        << "<input id=\"search\" type=\"text\" placeholder=\"Find an entity, then Enter\">\n<div id=\"status\"></div>\n</header>\n"
        << "<section><b>Entities</b><br>\n";
    for (NodeType t : kNodeTypes) {
      TypeStyle st = style_of(t);
      out << "<label><input type=\"checkbox\" class=\"type\" value=\"" << irgraph::name(t)
          << "\" checked><span class=\"swatch\" style=\"background:" << st.fill << ";border-color:" << st.border << "\"></span>"
          << irgraph::name(t) << "</label>\n";
    }
    out << "</section>\n<section><b>Relations</b><br>\n";
    for (RelationType r : kRelationTypes)
      out << "<label><input type=\"checkbox\" class=\"rel\" value=\"" << irgraph::name(r) << "\" checked>" << irgraph::name(r)
          << "</label>\n";
    out << "</section>\n<section><b>Dates</b> (relations with evidence in the range)<br>\n"
           "<input id=\"from\" type=\"date\" aria-label=\"from\"> <input id=\"to\" type=\"date\" aria-label=\"to\"></section>\n"
           "<section><b>Shortest connection</b><br>\n"
           "<input id=\"path-from\" type=\"text\" placeholder=\"from\"><input id=\"path-to\" type=\"text\" placeholder=\"to\">\n"
           "<button id=\"connect\">Connect</button></section>\n"
           "<div id=\"details\">Click an entity or a relation to read its evidence.</div>\n</div>\n<div id=\"cy\"></div>\n"
           "<script>\n"
        << in_script(data::embedded_file("cytoscape.min.js"), false) << "\n</script>\n"
        << "<script type=\"application/json\" id=\"irgraph-data\">"
        << in_script(std::string_view(buf.GetString(), buf.GetSize()), true) << "</script>\n<script>\n"
        << in_script(data::embedded_file("viewer.js"), false) << "\n</script>\n</body>\n</html>\n";
    if (!out) throw Error("html: writing failed");
  }
};

}  // namespace

std::unique_ptr<Exporter> make_html_exporter() { return std::make_unique<HtmlExporter>(); }

}  // namespace irgraph::exporters
