// permeq/ops/operator.hpp: the operator library seen from outside: one registry entry per operator.
//
// Each operator is defined once (src/ops/definitions/): name, attribute schema, shape rule,
// semantics generic over the scalar domain, symmetry claim and polynomial degree. Everything
// else in permeq (validator, evaluator, checker, JSON reader, `permeq ops`, the conformance
// tests) iterates `operators()`; nothing keeps a second list.
#pragma once

#include "permeq/core/rational.hpp"
#include "permeq/core/tensor.hpp"
#include "permeq/ir/attributes.hpp"
#include "permeq/ir/graph.hpp"
#include "permeq/symmetry/action.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace permeq {

namespace autodiff {
class VjpContext;
}

/// How non-rational pointwise functions (exp, erf, tanh, sqrt, sin, ...) are evaluated.
enum class FunctionSemantics {
  /// The real function (double only).
  Real,
  /// A fixed pseudo-random function of the exact argument, one per function name, with the range
  /// facts the operators rely on (exp > 0, sigmoid in (0,1), sqrt > 0). A pointwise function
  /// commutes with every permutation whatever it is, so a pass reached with the oracle holds for
  /// every pointwise function of that name and range; a break is a break for the oracle's function.
  GenericOracle,
};

struct EvalOptions {
  FunctionSemantics functions = FunctionSemantics::GenericOracle;
};

/// Polynomial degree of a value in the random draws (inputs and weights); nullopt when the
/// value is not a polynomial of them (division, comparisons, transcendental functions).
using Degree = std::optional<int>;

/// How an operator's output relates to its first input's elements.
enum class DataMovement {
  None,        ///< computes new values
  Rearranges,  ///< the output's elements are input 0's elements, rearranged, selected or repeated
  Reshapes,    ///< input 0's elements in the same order under another shape
};

struct OperatorInfo {
  std::string_view name;
  std::string_view summary;
  std::string_view reference;  ///< where the semantics come from (ONNX spec, paper)
  int min_inputs = 0, max_inputs = 0;
  int outputs = 1;  ///< -1: as many as the node lists (Split)
  /// Outputs after the first are optional and change nothing else (TopK's indices, LayerNorm's
  /// statistics): an import leaves out those nothing reads, so they carry no obligation.
  bool optional_trailing_outputs = false;
  std::span<const AttrSpec> attributes;
  /// Shape and dtype rule; throws permeq::Error(Input) naming the node and the shapes.
  std::function<std::vector<TensorType>(const Node&, std::span<const TensorType>)> infer;
  /// Symmetry metadata: the output actions the operator should produce for these input actions,
  /// when the permutation acts on `tokens` positions.
  std::function<Claim(const Node&, std::span<const TensorType>, std::span<const Action>, std::int64_t tokens)> claim;
  std::function<Degree(const Node&, std::span<const Degree>)> degree;
  /// The size-generic proof family this node belongs to under these input actions (a lemma id
  /// such as "token-wise-linear" or "softmax-over-tokens", see proofs/README.md), or "" when only
  /// a bounded proof applies.
  std::function<std::string_view(const Node&, std::span<const TensorType>, std::span<const Action>, std::int64_t tokens)> family;
  /// Reverse-mode rule (src/autodiff/vjp_context.hpp): emits the inputs' cotangents from the
  /// outputs'. Empty for operators without one; differentiating through them is "unknown".
  std::function<void(autodiff::VjpContext&)> vjp;
  /// The claim carries structured axis actions (head blocks, see AxisAction) through; for other
  /// operators an input with one makes the node's claim unrepresentable (unknown).
  bool structured_actions = false;
  /// True when every output entry is computed from the input entries at the same positions
  /// (broadcast) by a rule that reads neither n nor other positions: a witness restricted to the
  /// first positions stays a witness (witness lifting).
  std::function<bool(const Node&)> prefix_local;
  /// The axis of input 0 whose positions input `k` holds indices of (Gather's indices), nullopt
  /// when input `k` is no index.
  std::function<std::optional<int>(const Node&, std::span<const TensorType>, std::size_t k)> index_axis;
  /// True when input `k` must be positive for the real function to be defined and smooth there
  /// (a logarithm's or root's argument, a divisor, a variance): tests that draw values draw it
  /// positive.
  std::function<bool(const Node&, std::size_t k)> positive_input;
  DataMovement movement = DataMovement::None;
};

[[nodiscard]] std::span<const OperatorInfo> operators();
[[nodiscard]] const OperatorInfo* find_operator(std::string_view name);

/// Threads the floating-point kernels (matrix products) may use; 0: all cores.
void set_kernel_threads(int threads);

/// Evaluates one node over scalar domain S (Rational, double or float). Inputs follow the node's input
/// list (optional inputs are trailing and simply absent). Throws permeq::Error(Evaluation).
template <class S>
[[nodiscard]] std::vector<Tensor<S>> evaluate_node(const Node& node, std::span<const Tensor<S>* const> inputs,
                                                   const EvalOptions& options);

}  // namespace permeq
