// src/ops/operator_list.hpp: THE list of operators. Adding an operator means writing its one
// definition and naming it here; the concept below refuses an incomplete definition.
#pragma once

#include "src/ops/definitions/data_movement.hpp"
#include "src/ops/definitions/einsum.hpp"
#include "src/ops/definitions/elementwise.hpp"
#include "src/ops/definitions/gradient_support.hpp"
#include "src/ops/definitions/linear_algebra.hpp"
#include "src/ops/definitions/normalization.hpp"
#include "src/ops/definitions/pooling.hpp"
#include "src/ops/definitions/reduction.hpp"
#include "src/ops/definitions/sources_and_masks.hpp"

#include <concepts>

namespace permeq::ops {

template <class... Ops>
struct OperatorList {};

using AllOperators = OperatorList<
    // elementwise.hpp
    Add, Sub, Mul, Div, Neg, Reciprocal, Pow, Relu, Gelu, Silu, Tanh, Sigmoid, Exp, Log, Sqrt, Sin, Cos, Erf, Softplus, Sinh, Cosh, Equal, Less,
    LessOrEqual, Where, Cast, Abs, Ceil, Not, And, Or, Xor, Mod, Clip, Sum, Mean, Max, Min, LeakyRelu, Elu, HardSigmoid, HardSwish,
    // linear_algebra.hpp
    MatMul, Gemm, Linear,
    // normalization.hpp
    Softmax, LogSoftmax, LayerNorm, RMSNorm, BatchNormalization, InstanceNormalization,
    // reduction.hpp
    ReduceSum, ReduceMean, ReduceMax, ReduceSumSquare, ReduceL2, ArgMax, TopK, CumSum,
    // data_movement.hpp
    Reshape, Transpose, Concat, Split, Slice, Expand, Pad, Tile, Gather, ScatterND, GatherElements,
    // einsum.hpp
    Einsum,
    // sources_and_masks.hpp
    Constant, Range, EyeLike, Trilu, Conv1d,
    // pooling.hpp
    AveragePool, MaxPool, Conv2d,
    // gradient_support.hpp
    SumLike, ExpandLike, ReshapeLike, SliceScatter, ScatterAdd, ScatterElementsAdd>;

template <class Op, class S>
concept EvaluableIn = requires(const Node& node, Inputs<S> in, const EvalOptions& options) {
  { Op::template eval<S>(node, in, options) } -> std::same_as<Outputs<S>>;
};

template <class Op>
concept OperatorDefinition = requires(const Node& node, std::span<const TensorType> types, std::span<const Degree> degrees) {
  { Op::name } -> std::convertible_to<std::string_view>;
  { Op::summary } -> std::convertible_to<std::string_view>;
  { Op::reference } -> std::convertible_to<std::string_view>;
  { Op::min_inputs } -> std::convertible_to<int>;
  { Op::max_inputs } -> std::convertible_to<int>;
  { Op::outputs } -> std::convertible_to<int>;
  { std::span<const AttrSpec>(Op::attributes) };
  { Op::infer(node, types) } -> std::same_as<std::vector<TensorType>>;
  { Op::degree(node, degrees) } -> std::same_as<Degree>;
} && (requires(const Node& node, std::span<const TensorType> types, std::span<const Action> actions) {
  { Op::claim(node, types, actions) } -> std::same_as<Claim>;
} || requires(const Node& node, std::span<const TensorType> types, std::span<const Action> actions, std::int64_t tokens) {
  { Op::claim(node, types, actions, tokens) } -> std::same_as<Claim>;
}) && EvaluableIn<Op, Rational> && EvaluableIn<Op, double>;
// The symbolic domain (src/prove/symbolic.hpp) is checked where it is instantiated.

}  // namespace permeq::ops
