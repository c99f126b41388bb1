// src/ops/operator_list.hpp: THE list of operators, joined from the lists each definition file
// ends with. Adding an operator means writing its one definition and naming it in its file's
// list; the concept below refuses an incomplete definition.
#pragma once

#include "src/ops/definitions/activations.hpp"
#include "src/ops/definitions/data_movement.hpp"
#include "src/ops/definitions/einsum.hpp"
#include "src/ops/definitions/elementwise.hpp"
#include "src/ops/definitions/gradient_support.hpp"
#include "src/ops/definitions/indexing.hpp"
#include "src/ops/definitions/linear_algebra.hpp"
#include "src/ops/definitions/normalization.hpp"
#include "src/ops/definitions/pad_and_tile.hpp"
#include "src/ops/definitions/pooling.hpp"
#include "src/ops/definitions/reduction.hpp"
#include "src/ops/definitions/sources_and_masks.hpp"

#include <concepts>

namespace permeq::ops {

template <class... Lists>
struct JoinedLists;
template <class... Ops>
struct JoinedLists<OperatorList<Ops...>> {
  using type = OperatorList<Ops...>;
};
template <class... First, class... Second, class... Rest>
struct JoinedLists<OperatorList<First...>, OperatorList<Second...>, Rest...> {
  using type = typename JoinedLists<OperatorList<First..., Second...>, Rest...>::type;
};

/// Every operator: the definition files' own lists, joined.
using AllOperators = JoinedLists<ElementwiseOperators, ActivationOperators, LinearAlgebraOperators, NormalizationOperators, ReductionOperators,
                                 DataMovementOperators, PadAndTileOperators, IndexingOperators, EinsumOperators, SourceAndMaskOperators,
                                 PoolingOperators, GradientSupportOperators>::type;

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
