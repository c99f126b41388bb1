// src/ops/dispatch.hpp: evaluate_node for any scalar domain, by dispatching on the operator name
// to its one definition. Included by each library that instantiates a domain.
#pragma once

#include "src/ops/operator_list.hpp"

#include <unordered_map>

namespace permeq {

namespace ops {
template <class S>
using EvalFn = std::vector<Tensor<S>> (*)(const Node&, std::span<const Tensor<S>* const>, const EvalOptions&);

template <class S, class... Ops>
std::unordered_map<std::string_view, EvalFn<S>> build_dispatch(OperatorList<Ops...>) {
  return {{Ops::name, &Ops::template eval<S>}...};
}
}  // namespace ops

template <class S>
std::vector<Tensor<S>> evaluate_node(const Node& node, std::span<const Tensor<S>* const> inputs, const EvalOptions& options) {
  static const auto dispatch = ops::build_dispatch<S>(ops::AllOperators{});
  const auto entry = dispatch.find(node.op);
  if (entry == dispatch.end()) throw Error(ErrorKind::Input, node.describe() + ": unknown operator");
  try {
    return entry->second(node, inputs, options);
  } catch (const Error& e) {
    // Domain arithmetic (a division by zero, a function of an infinity) does not know the node.
    const std::string message = e.what();
    if (message.find(node.describe()) != std::string::npos) throw;
    throw Error(e.kind(), node.describe() + ": " + message);
  }
}

}  // namespace permeq
