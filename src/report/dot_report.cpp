#include "permeq/report/report.hpp"
#include "src/report/verdict_style.hpp"
#include "src/report/wording.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace permeq {

namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  }
  return out + "\"";
}

std::string label_of(const CheckReport& report, const NodeReport& n) {
  std::string label = n.node + "\n" + n.op + "\n" + std::string(to_string(n.verdict));
  if (n.verdict == Verdict::Breaks) label = n.node + "\n" + n.op + "\nBREAKS" + (n.permitted ? " (permitted)" : "");
  if (n.witness) {
    auto line = witness_line(report, *n.witness, "\n");
    // "n=2,sigma=[1,0]": compact, like the rest of the label.
    const auto first_break = line.begin() + static_cast<std::ptrdiff_t>(line.find('\n'));
    line.erase(std::remove(line.begin(), first_break, ' '), first_break);
    label += "\nwitness " + line;
  }
  return label;
}

/// Scope tree: modules become nested clusters.
struct Cluster {
  std::vector<const NodeReport*> nodes;
  std::map<std::string, Cluster> children;
};

void write_cluster(std::ostringstream& dot, const CheckReport& report, const Cluster& cluster, const std::string& path, int depth, int& counter) {
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  for (const auto* n : cluster.nodes) {
    const auto s = detail::style_of(n->verdict, n->permitted.has_value());
    dot << indent << quoted(n->node) << " [label=" << quoted(label_of(report, *n)) << ", fillcolor=" << quoted(s.fill) << ", fontcolor=" << quoted(s.font)
        << (n->verdict == Verdict::Breaks ? ", penwidth=2, color=\"#b71c1c\"" : "") << "];\n";
  }
  for (const auto& [name, child] : cluster.children) {
    const std::string child_path = path.empty() ? name : path + "/" + name;
    dot << indent << "subgraph cluster_" << counter++ << " {\n" << indent << "  label=" << quoted(child_path) << ";\n"
        << indent << "  style=\"rounded\"; color=\"#9e9e9e\";\n";
    write_cluster(dot, report, child, child_path, depth + 1, counter);
    dot << indent << "}\n";
  }
}

}  // namespace

std::string format_dot(const CheckReport& report, const Graph& graph) {
  std::ostringstream dot;
  dot << "digraph permeq {\n  rankdir=TB;\n  label=" << quoted("permeq: " + report.graph + " (n = " + std::to_string(report.tokens) + ")")
      << "; labelloc=t;\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n";
  std::set<std::string> permuted;
  for (const auto& p : report.permuted) permuted.insert(p.input);
  for (const auto& in : graph.inputs)
    dot << "  " << quoted(in.name) << " [shape=ellipse, fillcolor=" << quoted(permuted.count(in.name) ? "#bbdefb" : "#f5f5f5")
        << ", label=" << quoted(in.name + (permuted.count(in.name) ? "\n(permuted)" : "")) << "];\n";
  Cluster root;
  for (const auto& n : report.nodes) {
    Cluster* at = &root;
    std::string rest = n.scope;
    while (!rest.empty()) {
      const auto slash = rest.find('/');
      at = &at->children[rest.substr(0, slash)];
      rest = slash == std::string::npos ? "" : rest.substr(slash + 1);
    }
    at->nodes.push_back(&n);
  }
  int counter = 0;
  write_cluster(dot, report, root, "", 1, counter);
  std::map<std::string, std::string> producer;
  for (const auto& in : graph.inputs) producer[in.name] = in.name;
  for (const auto& node : graph.nodes)
    for (const auto& out : node.outputs) producer[out] = node.name;
  for (const auto& node : graph.nodes)
    for (const auto& in : node.inputs)
      if (const auto it = producer.find(in); it != producer.end()) dot << "  " << quoted(it->second) << " -> " << quoted(node.name) << ";\n";
  for (const auto& out : graph.outputs) {
    const auto o = std::find_if(report.outputs.begin(), report.outputs.end(), [&](const OutputReport& r) { return r.output == out; });
    const std::string verdict = o == report.outputs.end() ? "" : std::string(to_string(o->verdict));
    dot << "  " << quoted("output:" + out) << " [shape=ellipse, label=" << quoted(out + "\n" + verdict) << ", fillcolor="
        << quoted(verdict == "breaks" ? "#ef9a9a" : verdict == "unknown" ? "#e0e0e0" : "#a5d6a7") << "];\n";
    if (const auto it = producer.find(out); it != producer.end()) dot << "  " << quoted(it->second) << " -> " << quoted("output:" + out) << ";\n";
  }
  dot << "}\n";
  return dot.str();
}

}  // namespace permeq
