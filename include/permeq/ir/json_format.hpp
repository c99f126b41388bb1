// permeq/ir/json_format.hpp: the JSON graph format (documented in docs/graph-format.md).
//
// Reading checks every field and names the file, the node and the field on error; attribute
// values are read by the type the operator's schema declares. Writing then reading gives back
// the same graph.
#pragma once

#include "permeq/ir/graph.hpp"

#include <filesystem>
#include <string>

namespace permeq {

inline constexpr int graph_format_version = 1;

/// Parses a graph; `source` names the file in error messages. Throws permeq::Error(Input).
[[nodiscard]] Graph parse_graph_json(const std::string& text, const std::string& source = "<string>");
[[nodiscard]] Graph load_graph_json(const std::filesystem::path& path);

[[nodiscard]] std::string to_graph_json(const Graph& graph);
void save_graph_json(const Graph& graph, const std::filesystem::path& path);

/// The 1-based line of each node's definition in a graph file's text (for reports that point
/// into the file). Nodes written over several lines are found at the line of their "name".
[[nodiscard]] std::map<std::string, int, std::less<>> locate_nodes(const std::string& text);

}  // namespace permeq
