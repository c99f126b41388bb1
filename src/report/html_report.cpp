// The HTML report (report.hpp: format_html): one page that carries its data (the JSON report and
// the graph's structure) and the script that draws it, so that it opens anywhere without network.
#include "permeq/core/version.hpp"
#include "permeq/report/report.hpp"
#include "src/report/wording.hpp"
#include "src/report/graph_paths.hpp"
#include "src/report/html/html_assets.hpp"
#include "src/report/report_json.hpp"
#include "src/report/verdict_style.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace permeq {

namespace {

using json = nlohmann::json;

/// The witnesses' whole-graph draws (every input and parameter at the witness's size) are what
/// the JSON report needs to replay a witness; the page shows the node's own values, and without
/// the draws a large model's page stays small.
void drop_graph_draws(json& report) {
  for (auto& node : report["nodes"])
    if (node["witness"].is_object()) node["witness"].erase("graph_values");
  for (const char* nested : {"instance", "backward", "intra"})
    if (report.contains(nested) && report[nested].is_object()) drop_graph_draws(report[nested]);
}

/// Nodes with their module and predecessors (index of the producing node, or -1 - k for graph
/// input k), the inputs (marked when permuted) and the outputs with their producers.
json graph_structure(const Graph& graph, const CheckReport& report) {
  std::map<std::string, int, std::less<>> producer;
  for (std::size_t k = 0; k < graph.inputs.size(); ++k) producer[graph.inputs[k].name] = -1 - static_cast<int>(k);
  for (std::size_t k = 0; k < graph.nodes.size(); ++k)
    for (const auto& out : graph.nodes[k].outputs) producer[out] = static_cast<int>(k);
  std::set<std::string, std::less<>> permuted;
  for (const auto& p : report.permuted) permuted.insert(p.input);

  json inputs = json::array();
  for (const auto& in : graph.inputs) inputs.push_back({{"name", in.name}, {"permuted", permuted.count(in.name) > 0}});
  json nodes = json::array();
  for (const auto& node : graph.nodes) {
    json preds = json::array();
    for (const auto& in : node.inputs)
      if (const auto it = producer.find(in); it != producer.end()) preds.push_back(it->second);
    nodes.push_back({{"name", node.name}, {"op", node.op}, {"scope", node.scope}, {"in", preds}});
  }
  json outputs = json::array();
  for (const auto& out : graph.outputs) {
    const auto it = producer.find(out);
    outputs.push_back({{"name", out}, {"producer", it == producer.end() ? json(nullptr) : json(it->second)}});
  }
  return {{"name", graph.name}, {"inputs", inputs}, {"nodes", nodes}, {"outputs", outputs}};
}

/// The first culprit in evaluation order (an unpermitted one if there is any), as a node of the
/// drawn graph: a backward culprit is shown at the forward node whose derivative rule it is.
const Node* first_culprit(const CheckReport& report, const Graph& graph) {
  const NodeReport* chosen = nullptr;
  for (const auto& n : report.nodes)
    if (n.verdict == Verdict::Breaks && (!chosen || (chosen->permitted && !n.permitted))) chosen = &n;
  if (!chosen) return nullptr;
  const std::string& name = chosen->origin.empty() ? chosen->node : chosen->origin;
  return graph.find_node(name);
}


/// JSON inside a <script> element: '<' may only appear in strings, where \u003c means the same,
/// so no "</script>" in a node name can end the element.
std::string script_safe(const std::string& json_text) {
  std::string out;
  out.reserve(json_text.size());
  for (const char c : json_text) out += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return out;
}

std::string verdict_colours() {
  std::string css = ":root {";
  const std::pair<const char*, detail::VerdictStyle> styles[] = {{"holds", detail::holds_style},
                                                                 {"breaks", detail::breaks_style},
                                                                 {"permitted", detail::permitted_break_style},
                                                                 {"inherits", detail::inherits_style},
                                                                 {"unknown", detail::unknown_style}};
  for (const auto& [name, style] : styles)
    css += " --" + std::string(name) + ": " + style.fill + "; --" + name + "-font: " + style.font + ";";
  return css + " }\n";
}

}  // namespace

std::string format_html(const CheckReport& report, const Graph& graph, const HtmlOptions& options) {
  json data;
  data["report"] = detail::report_json(report);
  drop_graph_draws(data["report"]);
  data["graph"] = graph_structure(graph, report);
  data["path"] = json::array();
  if (const Node* culprit = first_culprit(report, graph); culprit && !culprit->outputs.empty())
    data["path"] = detail::path_from_permuted_input(graph, report, culprit->outputs.front());
  data["command"] = options.command;
  data["fold_above_nodes"] = options.fold_above_nodes;
  data["version"] = PERMEQ_VERSION_STRING;

  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<title>permeq: " + markup_text(report.graph) + "</title>\n";
  page += "<link rel=\"icon\" href=\"data:,\">\n<style>\n" + verdict_colours() + detail::html_style + "</style>\n</head>\n<body>\n";
  page += "<noscript>This report draws itself with JavaScript; the same data is in permeq check --format json.</noscript>\n";
  page += "<div id=\"app\"></div>\n<script id=\"permeq-data\" type=\"application/json\">" + script_safe(data.dump()) + "</script>\n";
  page += "<script>\n" + std::string(detail::html_script) + "</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace permeq
