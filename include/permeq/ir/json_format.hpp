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

}  // namespace permeq
