// src/check/analysis.hpp: what every checking engine starts from: the validated action
// specification and the propagation of the action through the graph (each operator's claim).
// Internal to permeq_check; the exact engine (checker.cpp) and the numeric engine share it.
#pragma once

#include "permeq/check/checker.hpp"

#include <map>
#include <string>
#include <vector>

namespace permeq {

/// The validated action specification: which inputs are permuted, on which axis, and n.
struct ActionSpec {
  std::vector<PermutedInput> permuted;
  std::string token_dim;  ///< the dimension name bound to n ("" if the axis is concrete)
  std::int64_t tokens = 0;
  DimBindings bindings;
  std::vector<std::string> warnings;
  bool weights_acted = false;  ///< some permuted entries are parameters (intra-token transforms)
};

/// What propagation knows about a value.
struct ValueState {
  Action action;
  bool depends = false;      ///< computed from a permuted input
  bool representable = true;
  Degree degree;
  bool determined = false;  ///< fixed by the graph's stored data alone (constants, buffers)
};

struct Analysis {
  std::string token_dim;
  std::int64_t tokens = 0;
  InstantiatedGraph graph;
  std::map<std::string, ValueState, std::less<>> states;
  std::vector<Claim> claims;  ///< per node index
  bool weights_acted = false;
};

[[nodiscard]] ActionSpec resolve_action_spec(const Graph& graph, const CheckOptions& options);
[[nodiscard]] Analysis analyse(const Graph& graph, const ActionSpec& spec);
/// How many values an integer input may take: the size of the axis it gathers from (8 when no
/// Gather reads it), so random token ids are valid indices.
[[nodiscard]] std::int64_t index_bound(const InstantiatedGraph& g, const std::string& value);
/// The graph with its trained weights' stored values dropped ("any weights"); buffers and constants
/// keep their values.
[[nodiscard]] Graph with_free_weights(const Graph& graph);
/// One exact evaluation of the graph on random draws (inputs and free weights), from `seed`.
[[nodiscard]] ValueMap<Rational> draw_run(const Analysis& a, std::uint64_t seed);
/// Node `index`'s claim holds on every run under both generators (exact test, no proof).
[[nodiscard]] bool node_holds(const Analysis& a, std::size_t index, const std::vector<ValueMap<Rational>>& runs);
/// The numeric engine (numeric_engine.cpp): fills report.nodes, outputs, culprits and scope.
void run_numeric_engine(const Analysis& a, const CheckOptions& options, CheckReport& report);

}  // namespace permeq
