// permeq/autodiff/gradient.hpp: reverse-mode differentiation of a graph into an ordinary graph.
//
//   permeq::GradientGraph g = permeq::differentiate(graph, permeq::parse_loss("mse"));
//   // g.graph: the forward nodes, the loss, and the backward nodes; its outputs are the loss and
//   // dL/d(input) for every float input and dL/d(weight) for every trained weight.
//
// Each operator's derivative rule (its VJP) lives in the operator's one definition; this driver
// walks the graph backwards, adds up cotangents and undoes broadcasts. The gradient graph is
// evaluated, checked and proved by the same engines as any forward graph, which is how permeq
// shows backward equivariance (Xu et al., CVPR 2024): input gradients permute with the tokens,
// weight gradients do not change.
#pragma once

#include "permeq/core/error.hpp"
#include "permeq/ir/graph.hpp"

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace permeq {

enum class LossKind {
  Sum,                    ///< sum of every element of the output
  Mean,                   ///< mean of every element
  SquaredError,           ///< mean of (y - target)^2; the target is permuted with the tokens
  TokenCrossEntropy,      ///< mean over tokens of -log softmax(y)[label]; labels permuted with the tokens
  SequenceCrossEntropy,   ///< -log softmax(y)[label] on an output without a token axis (a pooled readout)
  NextTokenCrossEntropy,  ///< language-model pairing: logits at token t against the label at t + 1
  PositionWeightedSum,    ///< sum over tokens of (t + 1) * y_t: weights that depend on the position
};

struct LossInfo {
  LossKind kind;
  std::string_view name;     ///< the CLI spelling
  std::string_view summary;  ///< one line for --help
};

/// Every loss permeq knows, in the order `--help` lists them.
[[nodiscard]] std::span<const LossInfo> losses();

struct LossSpec {
  LossKind kind = LossKind::Sum;
  std::string output;  ///< the differentiated graph output; empty: the first float output
};

/// Parses "sum", "mean", "mse", "token-ce", "sequence-ce", "next-token-ce", "position-weighted",
/// optionally followed by ":OUTPUT". Throws permeq::Error(Usage) listing the choices.
[[nodiscard]] LossSpec parse_loss(std::string_view text);
[[nodiscard]] std::string_view to_string(LossKind kind);

/// A node with no derivative rule for its use (an unsupported mode, a shape the rule cannot
/// express for every token count). Backward checks turn it into "unknown".
class NotDifferentiable : public Error {
 public:
  explicit NotDifferentiable(const std::string& message) : Error(ErrorKind::Input, message) {}
};

enum class GradientRole { Loss, InputGradient, WeightGradient };

struct GradientOutput {
  std::string output;  ///< the gradient graph's output value
  GradientRole role = GradientRole::Loss;
  std::string of;      ///< the forward input or weight it is the gradient of ("" for the loss)
};

struct GradientGraph {
  Graph graph;
  std::vector<GradientOutput> outputs;  ///< in the graph's output order
  /// For every node added to the forward graph: the forward node whose derivative rule emitted it,
  /// or "loss" for the loss's own nodes. Forward nodes keep their names and are not listed.
  std::map<std::string, std::string, std::less<>> origin;
  /// Inputs the loss adds (its target or labels), each permuted with the tokens where it has a
  /// token axis (recorded in graph.token_axes).
  std::vector<std::string> loss_inputs;
  /// Non-differentiable points met and the subgradient chosen, one line per forward node.
  std::vector<std::string> kinks;
  std::string loss_description;  ///< "mse against target 'target' on output 'y'"
};

/// Differentiates `loss(graph output)` with respect to every float input and every trained weight.
/// `bindings` fixes named dimensions as for `instantiate`; the token dimension stays named, so the
/// result is valid at every token count. Throws permeq::Error(Usage) for a loss that does not fit
/// the output, NotDifferentiable for a node without a rule.
[[nodiscard]] GradientGraph differentiate(const Graph& graph, const LossSpec& loss, const DimBindings& bindings = {});

}  // namespace permeq
