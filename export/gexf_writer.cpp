// GEXF 1.3 for Gephi: declared attributes, viz colours by type, and a dynamic
// graph (timeformat date) whose edges carry one point spell per dated
// evidence, so Gephi's timeline plays the relations over time.
#include <ostream>
#include <set>

#include "core/error.hpp"
#include "export/exporter.hpp"
#include "export/style.hpp"
#include "export/text_escape.hpp"

namespace irgraph::exporters {

namespace {

class GexfExporter : public Exporter {
 public:
  std::string_view name() const override { return "gexf"; }
  std::string_view description() const override {
    return "GEXF 1.3 for Gephi: attributes, colours by type, one time spell per dated evidence";
  }
  std::string_view extension() const override { return "gexf"; }

  void write(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out) const override {
    Selection sel = select(g, f);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
           "  <meta><creator>irgraph</creator><description>knowledge graph of international relations</description></meta>\n"
           "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
           "    <attributes class=\"node\">\n"
           "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
           "      <attribute id=\"key\" title=\"key\" type=\"string\"/>\n"
           "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
           "      <attribute id=\"country\" title=\"country\" type=\"string\"/>\n"
           "    </attributes>\n"
           "    <attributes class=\"edge\">\n"
           "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
           "      <attribute id=\"evidence\" title=\"evidence\" type=\"integer\"/>\n"
           "      <attribute id=\"value\" title=\"value\" type=\"string\"/>\n"
           "      <attribute id=\"first_date\" title=\"first date\" type=\"string\"/>\n"
           "      <attribute id=\"last_date\" title=\"last date\" type=\"string\"/>\n"
           "      <attribute id=\"sentence\" title=\"sentence\" type=\"string\"/>\n"
           "    </attributes>\n"
           "    <nodes>\n";
    auto att = [&](const char* k, const std::string& v) {
      if (!v.empty()) out << "<attvalue for=\"" << k << "\" value=\"" << xml_escape(v) << "\"/>";
    };
    for (const graph::Node* n : sel.nodes) {
      TypeStyle st = style_of(n->type);
      out << "      <node id=\"" << xml_escape(n->key) << "\" label=\"" << xml_escape(n->name) << "\"><attvalues>";
      att("type", std::string(irgraph::name(n->type)));
      att("key", n->key);
      att("aliases", joined_aliases(*n));
      att("country", n->country);
      out << "</attvalues><viz:color r=\"" << channel(st.border, 0) << "\" g=\"" << channel(st.border, 1) << "\" b=\""
          << channel(st.border, 2) << "\"/><viz:size value=\"" << 10 + std::min<std::size_t>(n->documents.size(), 40)
          << ".0\"/></node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    std::size_t id = 0;
    for (const auto& r : sel.relations) {
      std::string rel(irgraph::name(r.relation->type));
      out << "      <edge id=\"e" << ++id << "\" source=\"" << xml_escape(r.source->key) << "\" target=\""
          << xml_escape(r.target->key) << "\" label=\"" << rel << "\" kind=\"" << rel << "\" weight=\""
          << r.relation->evidence.size() << ".0\"><attvalues>";
      att("relation", rel);
      att("evidence", std::to_string(r.relation->evidence.size()));
      auto values = r.relation->values();
      att("value", values.empty() ? "" : values.front());
      auto [lo, hi] = r.relation->date_range();
      att("first_date", lo);
      att("last_date", hi);
      att("sentence", r.relation->evidence.front().text);
      out << "</attvalues>";
      std::set<std::string> dates;  // one point spell per date: spells must not overlap
      for (const auto& e : r.relation->evidence)
        if (!e.date.empty()) dates.insert(e.date);
      if (!dates.empty()) {
        out << "<spells>";
        for (const auto& d : dates) out << "<spell start=\"" << d << "\" end=\"" << d << "\"/>";
        out << "</spells>";
      }
      out << "</edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
    if (!out) throw Error("gexf: writing failed");
  }
};

}  // namespace

std::unique_ptr<Exporter> make_gexf_exporter() { return std::make_unique<GexfExporter>(); }

}  // namespace irgraph::exporters
