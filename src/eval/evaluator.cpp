#include "permeq/eval/evaluator.hpp"

#include "permeq/core/error.hpp"
#include "src/eval/real_bounds.hpp"

#include <algorithm>

namespace permeq {

template <class S>
std::vector<const Tensor<S>*> node_inputs(const Node& node, const ValueMap<S>& values) {
  std::vector<const Tensor<S>*> inputs;
  for (const auto& name : node.inputs) {
    const auto it = values.find(name);
    if (it == values.end()) throw Error(ErrorKind::Input, node.describe() + ": input '" + name + "' has no value");
    inputs.push_back(&it->second);
  }
  return inputs;
}

template <class S>
ValueMap<S> evaluate(const InstantiatedGraph& graph, ValueMap<S> values, const EvalOptions& options) {
  for (const auto& in : graph.graph.inputs)
    if (!values.count(in.name)) throw Error(ErrorKind::Input, "no value given for graph input '" + in.name + "'");
  for (const auto& p : graph.graph.parameters)
    if (!values.count(p.info.name)) throw Error(ErrorKind::Input, "no value given for parameter '" + p.info.name + "'");
  for (const auto index : graph.order) {
    const auto& node = graph.graph.nodes[index];
    // Outputs given with the bindings (constants computed with the real functions) are kept.
    if (std::all_of(node.outputs.begin(), node.outputs.end(), [&](const std::string& out) { return values.count(out) > 0; })) continue;
    auto outputs = evaluate_node<S>(node, node_inputs(node, values), options);
    for (std::size_t k = 0; k < outputs.size(); ++k) values[node.outputs[k]] = std::move(outputs[k]);
  }
  return values;
}

Tensor<Rational> stored_values(const Parameter& parameter, const TensorType& type) {
  Tensor<Rational> tensor(type.dtype, type.shape);
  if (!parameter.data) throw Error(ErrorKind::Internal, "parameter '" + parameter.info.name + "' has no stored values");
  for (std::size_t i = 0; i < tensor.data.size(); ++i) {
    try {
      tensor.data[i] = rational_from_double((*parameter.data)[i]);
    } catch (const Error&) {
      throw Error(ErrorKind::Input, "parameter '" + parameter.info.name + "' value " + std::to_string(i) + " is not finite");
    }
  }
  return tensor;
}

template ValueMap<Rational> evaluate(const InstantiatedGraph&, ValueMap<Rational>, const EvalOptions&);
template ValueMap<double> evaluate(const InstantiatedGraph&, ValueMap<double>, const EvalOptions&);
template std::vector<const Tensor<Rational>*> node_inputs(const Node&, const ValueMap<Rational>&);
template std::vector<const Tensor<double>*> node_inputs(const Node&, const ValueMap<double>&);
template std::vector<const Tensor<RealBounds>*> node_inputs(const Node&, const ValueMap<RealBounds>&);

}  // namespace permeq
