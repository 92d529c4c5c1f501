// GEXF for Gephi and NetworkX: declared attributes (nodes sized by their
// documents and relations, coloured by type), and a dynamic graph (timeformat
// date) whose edges carry one point spell per date of their evidence (the
// event date the text gives, else the document's publication date), so
// Gephi's timeline plays the relations over time. `gexf` writes GEXF
// 1.2draft, which Gephi, NetworkX 2.x and graphology read; `gexf1.3` the 1.3
// schema (edge kinds) for Gephi 0.9+ and NetworkX 3. Symmetric relations
// (metWith) are mutual edges: both directions, one edge.
#include <map>
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
  explicit GexfExporter(bool v13) : v13_(v13) {}
  std::string_view name() const override { return v13_ ? "gexf1.3" : "gexf"; }
  std::string_view description() const override {
    return v13_ ? "GEXF 1.3 for Gephi 0.9+ and NetworkX 3: as gexf, with edge kinds"
                : "GEXF 1.2 for Gephi, NetworkX and graphology: attributes to size and colour by, a time spell per evidence date";
  }
  std::string_view extension() const override { return "gexf"; }

  void write(const graph::KnowledgeGraph& g, const Filter& f, std::ostream& out) const override {
    Selection sel = select(g, f);
    std::map<const graph::Node*, std::size_t> degree;
    for (const auto& r : sel.relations) ++degree[r.source], ++degree[r.target];
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << (v13_ ? "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
                 : "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
                   "version=\"1.2\">\n")
        << "  <meta><creator>irgraph</creator><description>knowledge graph of international relations</description></meta>\n"
           "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
           "    <attributes class=\"node\">\n"
           "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
           "      <attribute id=\"key\" title=\"key\" type=\"string\"/>\n"
           "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
           "      <attribute id=\"country\" title=\"country\" type=\"string\"/>\n"
           "      <attribute id=\"documents\" title=\"documents\" type=\"integer\"/>\n"
           "      <attribute id=\"relations\" title=\"relations\" type=\"integer\"/>\n"
           "      <attribute id=\"former_keys\" title=\"formerKeys\" type=\"string\"/>\n"
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
      att("documents", std::to_string(n->documents.size()));
      att("relations", std::to_string(degree[n]));
      if (const auto* former = sel.former(n)) att("former_keys", joined(*former));
      out << "</attvalues><viz:color r=\"" << channel(st.border, 0) << "\" g=\"" << channel(st.border, 1) << "\" b=\""
          << channel(st.border, 2) << "\"/><viz:size value=\"" << 10 + std::min<std::size_t>(n->documents.size(), 40)
          << ".0\"/></node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    std::size_t id = 0;
    for (const auto& r : sel.relations) {
      std::string rel(irgraph::name(r.relation->type));
      out << "      <edge id=\"e" << ++id << "\" source=\"" << xml_escape(r.source->key) << "\" target=\""
          << xml_escape(r.target->key) << "\" label=\"" << rel << "\"";
      if (v13_) out << " kind=\"" << rel << "\"";  // 1.3: parallel edges of different relations stay apart
      if (symmetric(r.relation->type)) out << " type=\"mutual\"";
      out << " weight=\"" << r.relation->evidence.size() << ".0\"><attvalues>";
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
        else if (const auto* d = g.document(e.doc_id); d && !d->date.empty()) dates.insert(d->date);
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

 private:
  bool v13_;
};

}  // namespace

std::unique_ptr<Exporter> make_gexf_exporter() { return std::make_unique<GexfExporter>(false); }
std::unique_ptr<Exporter> make_gexf13_exporter() { return std::make_unique<GexfExporter>(true); }

}  // namespace irgraph::exporters
