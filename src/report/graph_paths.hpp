// src/report/graph_paths.hpp: how the permutation reaches a value, for the reports that show it
// (explain's sentence, the HTML report's highlighted path).
#pragma once

#include "permeq/check/checker.hpp"

#include <string>
#include <vector>

namespace permeq::detail {

/// The shortest chain from a permuted graph input to `value`: the input's name, then the nodes
/// that lead to `value` (its producer last). Empty when no permuted input reaches it.
[[nodiscard]] std::vector<std::string> path_from_permuted_input(const Graph& graph, const CheckReport& report, const std::string& value);

}  // namespace permeq::detail
