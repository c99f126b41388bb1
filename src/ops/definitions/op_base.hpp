// src/ops/definitions/op_base.hpp: defaults every operator definition inherits, and the family
// templates (unary pointwise, broadcasting binary) that most definitions are instances of.
#pragma once

#include "src/autodiff/vjp_context.hpp"
#include "src/ops/kernels.hpp"
#include "src/ops/onnx_mapping.hpp"

namespace permeq::ops {

using namespace permeq::kernels;
using autodiff::VjpContext;

inline DType dtype_attr(const Node& node, std::string_view fallback, std::string_view key = "dtype") {
  const auto text = node.get_string(key, fallback);
  const auto dtype = parse_dtype(text);
  if (!dtype) fail(node, std::string(key) + " must be float, int64 or bool, got \"" + text + "\"");
  return *dtype;
}

struct OpBase {
  static constexpr int min_inputs = 1, max_inputs = 1, outputs = 1;  // outputs -1: as many as the node lists
  static constexpr std::array<AttrSpec, 0> attributes{};
};

/// A pointwise map on one float tensor; `Def::apply<S>(x, node, options)` gives its value.
template <class Def>
struct UnaryPointwise : OpBase {
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "input");
    return {in[0]};
  }
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action> actions) {
    return claim_first_input(actions);
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  static std::string_view family(const Node&, std::span<const TensorType>, std::span<const Action>) { return "pointwise-function"; }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions& options) {
    return {map_unary(*in[0], [&](const S& x) { return Def::template apply<S>(x, node, options); })};
  }
};

/// A pointwise map on one tensor of the given dtype, keeping it (Not on bool, Abs and Ceil on
/// float or int64 values).
template <class Def, DType... Allowed>
struct TypedPointwise : UnaryPointwise<Def> {
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    if (((in[0].dtype != Allowed) && ...)) {
      std::string allowed;
      ((allowed += (allowed.empty() ? "" : " or ") + std::string(to_string(Allowed))), ...);
      fail(node, "input must be " + allowed + ", got " + to_string(in[0]));
    }
    return {in[0]};
  }
};

/// A pointwise non-rational function evaluated through the domain (oracle, real or symbolic).
template <class Def>
struct FunctionPointwise : UnaryPointwise<Def> {
  template <class S>
  static S apply(const S& x, const Node&, const EvalOptions& options) {
    return Domain<S>::function(Def::function, x, options);
  }
};

/// Numpy-broadcasting binary operator; `Def::apply<S>(a, b)` gives its value.
template <class Def, DType OutType = DType::Float>
struct BinaryBroadcast : OpBase {
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static constexpr int min_inputs = 2, max_inputs = 2;
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    if (in[0].dtype != in[1].dtype)
      fail(node, "operands must have the same dtype, got " + to_string(in[0]) + " and " + to_string(in[1]));
    return {infer_broadcast(node, in, OutType == DType::Bool ? DType::Bool : in[0].dtype)};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return claim_broadcast(in, actions, infer(node, in)[0].shape.size());
  }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return family_broadcast(in, actions, infer(node, in)[0].shape.size());
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const DType dtype = OutType == DType::Bool ? DType::Bool : in[0]->dtype;
    return {map_broadcast<S>(in, dtype, [&](const S& a, const S& b) { return Def::template apply<S>(node, a, b); })};
  }
};

}  // namespace permeq::ops
