// src/ops/registry.cpp: turns the operator list into the registry and the per-domain dispatch.

#include "src/ops/dispatch.hpp"

#include <unordered_map>

namespace permeq {
namespace {

template <class Op>
OperatorInfo info_of() {
  static_assert(ops::OperatorDefinition<Op>, "incomplete operator definition");
  OperatorInfo info;
  info.name = Op::name;
  info.summary = Op::summary;
  info.reference = Op::reference;
  info.min_inputs = Op::min_inputs;
  info.max_inputs = Op::max_inputs;
  info.outputs = Op::outputs;
  info.attributes = std::span<const AttrSpec>(Op::attributes);
  info.infer = [](const Node& node, std::span<const TensorType> in) { return Op::infer(node, in); };
  info.claim = [](const Node& node, std::span<const TensorType> in, std::span<const Action> actions, std::int64_t tokens) {
    if constexpr (requires { Op::claim(node, in, actions, tokens); }) return Op::claim(node, in, actions, tokens);
    else return Op::claim(node, in, actions);
  };
  info.degree = [](const Node& node, std::span<const Degree> in) { return Op::degree(node, in); };
  info.family = [](const Node& node, std::span<const TensorType> in, std::span<const Action> actions, std::int64_t tokens) -> std::string_view {
    if constexpr (requires { Op::family(node, in, actions, tokens); }) return Op::family(node, in, actions, tokens);
    else if constexpr (requires { Op::family(node, in, actions); }) return Op::family(node, in, actions);
    else return {};
  };
  if constexpr (requires(autodiff::VjpContext& context) { Op::vjp(context); })
    info.vjp = [](autodiff::VjpContext& context) { Op::vjp(context); };
  if constexpr (requires { Op::structured_actions; }) info.structured_actions = Op::structured_actions;
  if constexpr (requires(const Node& node) { Op::prefix_local(node); })
    info.prefix_local = [](const Node& node) { return Op::prefix_local(node); };
  else info.prefix_local = [](const Node&) { return false; };
  if constexpr (requires(const Node& node, std::span<const TensorType> in) { Op::index_axis(node, in, std::size_t{0}); })
    info.index_axis = [](const Node& node, std::span<const TensorType> in, std::size_t k) { return Op::index_axis(node, in, k); };
  else info.index_axis = [](const Node&, std::span<const TensorType>, std::size_t) -> std::optional<int> { return std::nullopt; };
  if constexpr (requires(const Node& node) { Op::positive_input(node, std::size_t{0}); })
    info.positive_input = [](const Node& node, std::size_t k) { return Op::positive_input(node, k); };
  else info.positive_input = [](const Node&, std::size_t) { return false; };
  if constexpr (requires { Op::movement; }) info.movement = Op::movement;
  if constexpr (requires { Op::optional_trailing_outputs; }) info.optional_trailing_outputs = Op::optional_trailing_outputs;
  return info;
}

template <class... Ops>
std::vector<OperatorInfo> build_registry(ops::OperatorList<Ops...>) {
  return {info_of<Ops>()...};
}

const std::vector<OperatorInfo>& registry() {
  static const std::vector<OperatorInfo> entries = build_registry(ops::AllOperators{});
  return entries;
}

}  // namespace

std::span<const OperatorInfo> operators() { return registry(); }

const OperatorInfo* find_operator(std::string_view name) {
  for (const auto& info : registry())
    if (info.name == name) return &info;
  return nullptr;
}

// One explicit instantiation per domain this library offers; the prover library instantiates its
// symbolic domain the same way (src/prove/symbolic_eval.cpp).
template std::vector<Tensor<Rational>> evaluate_node(const Node&, std::span<const Tensor<Rational>* const>, const EvalOptions&);
template std::vector<Tensor<double>> evaluate_node(const Node&, std::span<const Tensor<double>* const>, const EvalOptions&);
template std::vector<Tensor<float>> evaluate_node(const Node&, std::span<const Tensor<float>* const>, const EvalOptions&);

}  // namespace permeq

