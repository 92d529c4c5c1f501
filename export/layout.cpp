#include "export/layout.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#include <cmath>

namespace irgraph::exporters {

std::vector<Point> force_layout(std::size_t n, const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
  std::vector<Point> out(n);
  // the nodes with an edge, renumbered densely
  std::vector<std::size_t> index(n, n), linked;
  for (const auto& [a, b] : edges)
    for (std::size_t v : {a, b})
      if (index[v] == n) {
        index[v] = linked.size();
        linked.push_back(v);
      }
  constexpr double kSpacing = 90;  // pixels a node needs around it
  double side = 0;
  if (!linked.empty()) {
    using Topology = boost::rectangle_topology<boost::minstd_rand>;
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Graph g(linked.size());
    for (const auto& [a, b] : edges)
      if (a != b) boost::add_edge(index[a], index[b], g);
    side = std::max(400.0, std::sqrt(static_cast<double>(linked.size())) * kSpacing);
    boost::minstd_rand random(20181231);  // fixed: the same graph, the same drawing
    Topology space(random, 0, 0, side, side);
    std::vector<Topology::point_type> position(linked.size());
    auto positions = boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, g));
    boost::random_graph_layout(g, positions, space);
    boost::fruchterman_reingold_force_directed_layout(g, positions, space,
                                                      boost::cooling(boost::linear_cooling<double>(120)));
    for (std::size_t i = 0; i < linked.size(); ++i)
      out[linked[i]] = {std::round(position[i][0]), std::round(position[i][1])};
  }
  // the rest in rows under the drawing
  const std::size_t per_row = std::max<std::size_t>(10, static_cast<std::size_t>(std::max(side, 900.0) / kSpacing));
  std::size_t k = 0;
  for (std::size_t v = 0; v < n; ++v)
    if (index[v] == n) {
      out[v] = {static_cast<double>(k % per_row) * kSpacing, side + kSpacing * (2 + static_cast<double>(k / per_row) * 0.6)};
      ++k;
    }
  return out;
}

}  // namespace irgraph::exporters
