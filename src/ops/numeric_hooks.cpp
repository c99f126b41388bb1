// src/ops/numeric_hooks.cpp: collects the numeric hooks (src/ops/float_path.hpp) the operator
// definitions declare, one table entry per operator of the list.
#include "src/ops/float_path.hpp"
#include "src/ops/operator_list.hpp"

#include <string_view>
#include <unordered_map>

namespace permeq::ops {
namespace {

template <class Op, class F>
constexpr bool has_fast = requires(const Node& node, std::span<const numeric::Operand<F>> operands, const FastContext& context) {
  Op::template fast<F>(node, operands, context);
};

template <class Op>
NumericHooks hooks_of() {
  NumericHooks hooks;
  if constexpr (has_fast<Op, float>) {
    hooks.fast_float = [](const Node& node, std::span<const numeric::Operand<float>> operands, const FastContext& context) {
      return Op::template fast<float>(node, operands, context);
    };
    hooks.fast_double = [](const Node& node, std::span<const numeric::Operand<double>> operands, const FastContext& context) {
      return Op::template fast<double>(node, operands, context);
    };
  }
  if constexpr (requires(const BitwiseQuery& query) { Op::commutes_bitwise(query); })
    hooks.commutes_bitwise = [](const BitwiseQuery& query) { return Op::commutes_bitwise(query); };
  if constexpr (requires(const Node& node, std::span<const Shape> shapes) { Op::replay_work(node, shapes); })
    hooks.replay_work = [](const Node& node, std::span<const Shape> shapes) { return Op::replay_work(node, shapes); };
  if constexpr (requires { Op::freivalds_product; }) hooks.freivalds_product = Op::freivalds_product;
  if constexpr (requires(const Node& node) { Op::affine_product(node); })
    hooks.affine_product = [](const Node& node) { return Op::affine_product(node); };
  if constexpr (requires(const Node& node, std::span<const Shape> shapes) { Op::aligned_axis(node, shapes, std::size_t{0}, 0); })
    hooks.aligned_axis = [](const Node& node, std::span<const Shape> shapes, std::size_t k, int axis) { return Op::aligned_axis(node, shapes, k, axis); };
  if constexpr (requires(const Node& node, const Shape& shape) { Op::resized(node, shape); })
    hooks.resized = [](const Node& node, const Shape& shape) { return Op::resized(node, shape); };
  return hooks;
}

template <class... Ops>
std::unordered_map<std::string_view, NumericHooks> build_table(OperatorList<Ops...>) {
  return {{Ops::name, hooks_of<Ops>()}...};
}

}  // namespace

std::int64_t NumericHooks::work(const Node& node, std::span<const Shape> inputs) const {
  if (replay_work) return replay_work(node, inputs);
  std::int64_t total = 0;
  for (const auto& shape : inputs) total += element_count(shape);
  return total;
}

const NumericHooks& numeric_hooks(std::string_view op) {
  static const auto table = build_table(AllOperators{});
  static const NumericHooks none;
  const auto it = table.find(op);
  return it == table.end() ? none : it->second;
}

std::optional<int> aligned_input_axis(const Node& node, std::span<const Shape> inputs, const Shape& output, std::size_t k, int axis) {
  if (k >= inputs.size() || axis < 0 || static_cast<std::size_t>(axis) >= output.size()) return std::nullopt;
  if (node.outputs.size() != 1) return std::nullopt;
  std::optional<int> aligned;
  if (const auto hook = numeric_hooks(node.op).aligned_axis) {
    aligned = hook(node, inputs, k, axis);
  } else if (const auto* info = find_operator(node.op); info && info->prefix_local(node)) {
    // Numpy broadcasting lines the axes up from the right.
    const auto shift = static_cast<int>(output.size()) - static_cast<int>(inputs[k].size());
    if (axis >= shift) aligned = axis - shift;
  }
  // An axis of another length is broadcast (read whole), not aligned.
  if (aligned && (*aligned < 0 || static_cast<std::size_t>(*aligned) >= inputs[k].size() ||
                  inputs[k][static_cast<std::size_t>(*aligned)] != output[static_cast<std::size_t>(axis)]))
    return std::nullopt;
  return aligned;
}

}  // namespace permeq::ops
