// permeq/eval/evaluator.hpp: runs an instantiated graph in a scalar domain (exact rationals or
// double). Each node is evaluated by its operator's one definition (`evaluate_node`).
#pragma once

#include "permeq/ir/graph.hpp"
#include "permeq/ops/operator.hpp"

#include <map>
#include <string>

namespace permeq {

template <class S>
using ValueMap = std::map<std::string, Tensor<S>, std::less<>>;

/// Evaluates every node; `bindings` must hold every graph input and every parameter (use
/// `stored_parameters` for those with data), and may hold node outputs, which are kept as given.
/// Returns all values, bindings included.
template <class S>
[[nodiscard]] ValueMap<S> evaluate(const InstantiatedGraph& graph, ValueMap<S> bindings, const EvalOptions& options = {});

/// The inputs of `node`, looked up in `values`, in the node's order.
template <class S>
[[nodiscard]] std::vector<const Tensor<S>*> node_inputs(const Node& node, const ValueMap<S>& values);

/// Stored parameter values converted exactly (decimal reading, see rational_from_double).
[[nodiscard]] Tensor<Rational> stored_values(const Parameter& parameter, const TensorType& type);

}  // namespace permeq
