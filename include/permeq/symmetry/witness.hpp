// permeq/symmetry/witness.hpp: a concrete exact counterexample to a node's symmetry claim.
#pragma once

#include "permeq/core/rational.hpp"
#include "permeq/ir/graph.hpp"
#include "permeq/symmetry/action.hpp"

#include <string>
#include <optional>
#include <utility>
#include <vector>

namespace permeq {

struct Mismatch {
  std::string value;            ///< which output of the node (value name)
  std::vector<std::int64_t> index;
  Rational permuted_then_applied;  ///< f(rho x) at index
  Rational applied_then_permuted;  ///< rho f(x) at index
};

/// A concrete exact counterexample at one node: with these input values, applying the node to the
/// permuted inputs differs from permuting its output.
struct Witness {
  std::int64_t tokens = 0;
  std::string token_dim;  ///< the dimension name bound to `tokens` ("" when fixed in the graph)
  std::string generator;  ///< "transposition" or "n-cycle"
  Permutation sigma;
  std::vector<std::pair<std::string, Tensor<Rational>>> node_inputs;  ///< in the node's input order
  std::vector<Action> input_actions, output_actions;                  ///< the claim being refuted
  std::vector<std::pair<std::string, Tensor<Rational>>> graph_values;  ///< the draws: graph inputs and parameters
  std::vector<std::pair<std::string, Tensor<Rational>>> permuted_then_applied, applied_then_permuted;
  Mismatch first_difference;
};

/// Applies `node` to `inputs` permuted by sigma (each along its input action) and compares with
/// its outputs permuted along the output actions, exactly (generic functions). Returns a witness
/// when they differ. `input_names` label the inputs in the witness.
[[nodiscard]] std::optional<Witness> find_mismatch(const Node& node, const std::vector<std::string>& input_names,
                                                   const std::vector<Tensor<Rational>>& inputs, const std::vector<Action>& input_actions,
                                                   const std::vector<Action>& output_actions, const Permutation& sigma,
                                                   const std::string& generator);

}  // namespace permeq
