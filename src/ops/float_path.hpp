// src/ops/float_path.hpp: what an operator definition tells the numeric engine, next to its
// semantics: its float kernel, whether that kernel commutes with a permutation bit for bit, how
// much work replaying it exactly costs, and whether it is a matrix product Freivalds' test can
// check. The engine (src/check/numeric_engine.cpp) asks these hooks and never names an operator.
//
// Hooks a definition may declare (all optional; registry.cpp collects them):
//   template <class F> static std::optional<std::vector<Tensor<F>>> fast(const Node&, std::span<const numeric::Operand<F>>, const FastContext&);
//       The operator on float operands read in place; nullopt when these operands are not the
//       kernel's case (the generic definition runs instead). It follows the determinism contract
//       of src/ops/float_kernels.hpp.
//   static bool commutes_bitwise(const BitwiseQuery&);
//       True only when `fast` gives f(sigma x) == sigma f(x) bit for bit for every sigma moving the
//       queried input actions to the claimed output action (the engine then records difference 0
//       without evaluating; the conformance test checks each claim).
//   static std::int64_t replay_work(const Node&, std::span<const Shape>);
//       Scalar operations an exact replay at the node costs; the default is the inputs' size.
//   static constexpr bool freivalds_product = true;
//       f(A, B) = A B (batched): Freivalds' test compares it through a random vector.
//   static AffineProduct affine_product(const Node&);
//       f(A, B, C) = alpha op(A) op(B) + beta C (2-D): Freivalds' test compares it through a
//       random vector when A's rows move and op(B), C stay.
//   static std::optional<int> aligned_axis(const Node&, std::span<const Shape> inputs, std::size_t k, int axis);
//       Prefix evaluation (src/check/numeric/prefix_outputs.cpp: an output's first token positions
//       at a token count too large to evaluate whole, and witnesses carried to it): the axis of
//       input k aligned with the output's axis `axis`, or nullopt. Aligned: the output's first p
//       positions along `axis` read input k only at its first p positions along that axis (the
//       same position i, or for a running sum positions up to i), by a rule that reads neither
//       the axis's length nor positions past p, so that cutting both to their first p positions
//       gives the output's first p positions. Elementwise operators (prefix_local) need not
//       declare it: their equal-length broadcast axes are aligned.
//   static std::optional<Node> resized(const Node&, const Shape& output);
//       The node remade to give the first positions of its output, shaped `output` (a fill of a
//       smaller shape, a reshape to the cut shape); nullopt when it cannot be.
#pragma once

#include "permeq/core/tensor.hpp"
#include "permeq/ir/graph.hpp"
#include "permeq/ops/operator.hpp"
#include "permeq/symmetry/action.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace permeq::numeric {

/// A value as the kernels read it: a computed tensor or a parameter's stored data, in place.
template <class F>
struct Operand {
  const F* data = nullptr;
  std::size_t size = 0;
  Shape shape;
  DType dtype = DType::Float;
};

template <class F>
Operand<F> operand_of(const Tensor<F>& t) {
  return {t.data.data(), t.data.size(), t.shape, t.dtype};
}

}  // namespace permeq::numeric

namespace permeq::ops {

/// What a float kernel may use besides its operands.
struct FastContext {
  std::span<const TensorType> outputs;  ///< the node's output types in the graph
  int threads = 1;                      ///< threads the kernel may use
  EvalOptions functions{FunctionSemantics::Real};
};

/// The question `commutes_bitwise` answers for one node.
struct BitwiseQuery {
  const Node& node;
  std::span<const Shape> input_shapes;
  std::span<const Action> input_actions;
  const Shape& output_shape;
  const Action& claimed;  ///< the claimed action on the (single) output
};

/// Y = alpha op(A) op(B) + beta C, op a transpose or not (Gemm).
struct AffineProduct {
  bool transpose_a = false, transpose_b = false;
  double alpha = 1.0, beta = 1.0;
};

template <class F>
using FastKernel = std::optional<std::vector<Tensor<F>>> (*)(const Node&, std::span<const numeric::Operand<F>>, const FastContext&);

struct NumericHooks {
  FastKernel<float> fast_float = nullptr;
  FastKernel<double> fast_double = nullptr;
  bool (*commutes_bitwise)(const BitwiseQuery&) = nullptr;
  std::int64_t (*replay_work)(const Node&, std::span<const Shape>) = nullptr;
  bool freivalds_product = false;
  AffineProduct (*affine_product)(const Node&) = nullptr;
  std::optional<int> (*aligned_axis)(const Node&, std::span<const Shape>, std::size_t, int) = nullptr;
  std::optional<Node> (*resized)(const Node&, const Shape&) = nullptr;

  template <class F>
  [[nodiscard]] FastKernel<F> fast() const {
    if constexpr (std::is_same_v<F, float>) return fast_float;
    else return fast_double;
  }
  /// The exact replay's cost; the inputs' size unless the operator says otherwise.
  [[nodiscard]] std::int64_t work(const Node& node, std::span<const Shape> inputs) const;
};

/// The numeric hooks of an operator (all empty for an unknown name).
[[nodiscard]] const NumericHooks& numeric_hooks(std::string_view op);

/// The axis of input `k` aligned with axis `axis` of the node's (first) output (see
/// `aligned_axis` above): the operator's own hook, else equal-length broadcast axes for
/// elementwise operators (prefix_local), else nullopt. `output` is the output's shape.
[[nodiscard]] std::optional<int> aligned_input_axis(const Node& node, std::span<const Shape> inputs, const Shape& output, std::size_t k, int axis);

}  // namespace permeq::ops
