// Paths through the graph from the permuted inputs, for the reports (see graph_paths.hpp).
#include "src/report/graph_paths.hpp"

#include <deque>
#include <map>
#include <set>

namespace permeq::detail {

std::vector<std::string> path_from_permuted_input(const Graph& graph, const CheckReport& report, const std::string& value) {
  std::map<std::string, const Node*> producer;
  for (const auto& node : graph.nodes)
    for (const auto& out : node.outputs) producer[out] = &node;
  std::set<std::string> permuted;
  for (const auto& p : report.permuted) permuted.insert(p.input);
  // Breadth-first search backwards from the value to a permuted input.
  std::map<std::string, std::string> next;  // value -> the value it feeds on the way back
  std::deque<std::string> queue{value};
  std::set<std::string> seen{value};
  while (!queue.empty()) {
    const auto current = queue.front();
    queue.pop_front();
    if (permuted.count(current)) {
      std::vector<std::string> chain{current};
      for (auto v = current; v != value;) {
        v = next[v];
        chain.push_back(producer.at(v)->name);
      }
      return chain;
    }
    const auto it = producer.find(current);
    if (it == producer.end()) continue;
    for (const auto& in : it->second->inputs)
      if (seen.insert(in).second) {
        next[in] = current;
        queue.push_back(in);
      }
  }
  return {};
}

}  // namespace permeq::detail
