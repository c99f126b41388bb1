// src/ops/definitions/op_base.hpp: defaults every operator definition inherits, and the family
// templates (unary pointwise, broadcasting binary) that most definitions are instances of.
#pragma once

#include "src/autodiff/vjp_context.hpp"
#include "src/core/thread_team.hpp"
#include "src/ops/float_kernels.hpp"
#include "src/ops/float_path.hpp"
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

/// The same action, axis for axis (offsets, blocks and runs included).
inline bool same_axes(const Action& derived, const Action& claimed) { return derived.axes == claimed.axes; }

/// A float kernel that computes every element of its one output from the element at the same
/// position of its one input commutes bit for bit with exactly the input's own action.
inline bool commutes_like_input(const BitwiseQuery& q) { return q.input_actions.size() == 1 && same_axes(q.input_actions[0], q.claimed); }

/// One output tensor as a kernel's result.
template <class F>
std::optional<std::vector<Tensor<F>>> single(std::optional<Tensor<F>> out) {
  if (!out) return std::nullopt;
  std::vector<Tensor<F>> result;
  result.push_back(std::move(*out));
  return result;
}

/// Pointwise with numpy broadcasting (output axis d reads operand axis d - (R - r_k)): commutes
/// bit for bit when the output's action is the one the operands' actions carry, and every
/// operand spread along an acted output axis is acted there alike (not a positional table).
inline bool commutes_broadcast(const BitwiseQuery& q) {
  const int R = static_cast<int>(q.output_shape.size());
  Action derived;
  for (std::size_t k = 0; k < q.input_shapes.size(); ++k) {
    const int shift = R - static_cast<int>(q.input_shapes[k].size());
    for (const auto& ax : q.input_actions[k].axes) {
      if (q.input_shapes[k][static_cast<std::size_t>(ax.axis)] != q.output_shape[static_cast<std::size_t>(ax.axis + shift)]) return false;
      if (const auto o = derived.offset_on(ax.axis + shift); o && *o != ax.offset) return false;
      derived.add(ax.axis + shift, ax.offset);
    }
  }
  for (const auto& ax : derived.axes)
    for (std::size_t k = 0; k < q.input_shapes.size(); ++k) {
      const int aligned = ax.axis - (R - static_cast<int>(q.input_shapes[k].size()));
      if (aligned < 0 || q.input_shapes[k][static_cast<std::size_t>(aligned)] == 1) continue;
      if (q.input_actions[k].offset_on(aligned) != std::optional<std::int64_t>(ax.offset)) return false;
    }
  return same_axes(derived, q.claimed);
}

/// The size-generic family of a broadcasting operator: family_broadcast (kernels.hpp), and every
/// operand spread along an acted output axis moves there exactly as the claim says, head blocks
/// and runs included, not only from the same offset: tokens in blocks of 2 (a reshape of
/// [n, 4] to [2n, 2]) added to two alike runs of other tokens (a tile) are moved by no one
/// permutation, which the lemma's opaque tokens would hide at sizes the exact test cannot reach.
/// (To be folded into family_broadcast, which compares offsets only.)
inline std::string_view family_broadcast_alike(std::span<const TensorType> in, std::span<const Action> actions, std::size_t out_rank) {
  const auto family = family_broadcast(in, actions, out_rank);
  if (family.empty()) return family;
  const Claim claim = claim_broadcast(in, actions, out_rank);
  for (const auto& a : claim.outputs[0].axes)
    for (std::size_t k = 0; k < in.size(); ++k) {
      const int aligned = a.axis - static_cast<int>(out_rank - in[k].shape.size());
      if (aligned < 0 || in[k].shape[static_cast<std::size_t>(aligned)] <= 1) continue;
      const auto* moved = actions[k].on(aligned);
      if (!moved || moved->offset != a.offset || moved->block != a.block || moved->repeat != a.repeat) return {};
    }
  return family;
}

/// A list of operator definitions: each definition file ends with the list of its own operators,
/// and src/ops/operator_list.hpp joins them.
template <class... Ops>
struct OperatorList {};

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
  /// The same map on float operands read in place.
  template <class F>
  static std::optional<std::vector<Tensor<F>>> fast(const Node& node, std::span<const numeric::Operand<F>> ops, const FastContext& context) {
    if (ops.size() != 1 || ops[0].dtype != DType::Float) return std::nullopt;
    Tensor<F> out(DType::Float, ops[0].shape);
    const F* x = ops[0].data;
    for (std::size_t i = 0; i < ops[0].size; ++i) out.data[i] = Def::template apply<F>(x[i], node, context.functions);
    return single<F>(std::move(out));
  }
  static bool commutes_bitwise(const BitwiseQuery& q) { return commutes_like_input(q); }
  static bool prefix_local(const Node&) { return true; }
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

/// A vectorised float kernel for a pointwise function (specialised next to the function's
/// definition); the function's real implementation element by element otherwise.
template <class Def>
struct PacketFunction {
  static constexpr bool available = false;
};

/// A pointwise non-rational function evaluated through the domain (oracle, real or symbolic).
template <class Def>
struct FunctionPointwise : UnaryPointwise<Def> {
  static bool positive_input(const Node&, std::size_t) { return Def::function.positive_argument; }
  template <class S>
  static S apply(const S& x, const Node&, const EvalOptions& options) {
    return Domain<S>::function(Def::function, x, options);
  }
  template <class F>
  static std::optional<std::vector<Tensor<F>>> fast(const Node& node, std::span<const numeric::Operand<F>> ops, const FastContext& context) {
    if constexpr (PacketFunction<Def>::available) {
      if (ops.size() != 1 || ops[0].dtype != DType::Float) return std::nullopt;
      Tensor<F> out(DType::Float, ops[0].shape);
      // Large tensors (BERT's GELU: 393K values per layer) in one range per thread, on multiples
      // of 64 elements: each value is computed alone, so the split does not change a bit.
      const std::size_t n = ops[0].size;
      const int parts = context.threads > 1 && n >= (std::size_t{1} << 18) ? context.threads : 1;
      parallel_for(parts, parts, [&](std::int64_t part) {
        const auto at = [&](std::int64_t k) { return k == parts ? n : n * static_cast<std::size_t>(k) / static_cast<std::size_t>(parts) / 64 * 64; };
        PacketFunction<Def>::run(ops[0].data + at(part), out.data.data() + at(part), at(part + 1) - at(part));
      });
      return single<F>(std::move(out));
    } else {
      return UnaryPointwise<Def>::template fast<F>(node, ops, context);
    }
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
    return family_broadcast_alike(in, actions, infer(node, in)[0].shape.size());
  }
  static bool prefix_local(const Node&) { return true; }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const DType dtype = OutType == DType::Bool ? DType::Bool : in[0]->dtype;
    return {map_broadcast<S>(in, dtype, [&](const S& a, const S& b) { return Def::template apply<S>(node, a, b); })};
  }
  /// The same on float operands read in place, for the simple broadcasts (same shape, trailing
  /// axes, one value).
  template <class F>
    requires(OutType == DType::Float)
  static std::optional<std::vector<Tensor<F>>> fast(const Node& node, std::span<const numeric::Operand<F>> ops, const FastContext&) {
    if (ops.size() != 2) return std::nullopt;
    return single<F>(numeric::binary(ops[0], ops[1], [&](F a, F b) { return Def::template apply<F>(node, a, b); }));
  }
  static bool commutes_bitwise(const BitwiseQuery& q)
    requires(OutType == DType::Float)
  {
    return commutes_broadcast(q);
  }
};

}  // namespace permeq::ops
