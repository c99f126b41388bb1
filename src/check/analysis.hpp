// src/check/analysis.hpp: what every checking engine starts from: the validated action
// specification and the propagation of the action through the graph (each operator's claim).
// Internal to permeq_check; the exact engine (checker.cpp) and the numeric engine share it.
#pragma once

#include "permeq/check/checker.hpp"
#include "src/eval/real_bounds.hpp"

#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace permeq {

/// The validated action specification: which inputs are permuted, on which axis, and n.
struct ActionSpec {
  std::vector<PermutedInput> permuted;
  std::string token_dim;  ///< the dimension name bound to n ("" if the axis is concrete)
  std::int64_t tokens = 0;
  DimBindings bindings;
  std::vector<std::string> warnings;
  bool weights_acted = false;  ///< some permuted entries are parameters (intra-token transforms)
};

/// What propagation knows about a value.
struct ValueState {
  Action action;
  bool depends = false;      ///< computed from a permuted input
  bool representable = true;
  Degree degree;
  bool determined = false;  ///< fixed by the graph's stored data alone (constants, buffers)
};

/// Every value fixed by the graph's stored data alone (constants, buffers, tables built from
/// Range), computed with the real functions (src/eval/real_bounds.hpp), never with the generic
/// oracle: exp(2) < 5 is false. Runs and proofs use these values.
struct RealConstants {
  ValueMap<Rational> values;  ///< exact values, or the midpoints of certified bounds
  std::map<std::string, Tensor<Rational>, std::less<>> radius;  ///< the values known only within bounds
  std::map<std::string, std::string, std::less<>> undecided;    ///< fixed values left out, and why
};

struct Analysis {
  std::string token_dim;
  std::int64_t tokens = 0;
  InstantiatedGraph graph;
  std::map<std::string, ValueState, std::less<>> states;
  std::vector<Claim> claims;  ///< per node index
  bool weights_acted = false;
  std::set<std::string, std::less<>> overridden;  ///< nodes whose claim was given (ClaimOverrides)
  mutable std::shared_ptr<const RealConstants> constants;  ///< computed on first use (real_constants)
};

/// Claims given instead of the operators' own, per node name: where a node fails its operator's
/// claim but satisfies another one on every run (see better_claim), propagation continues from it.
using ClaimOverrides = std::map<std::string, std::vector<Action>, std::less<>>;

[[nodiscard]] ActionSpec resolve_action_spec(const Graph& graph, const CheckOptions& options);
[[nodiscard]] Analysis analyse(const Graph& graph, const ActionSpec& spec, const ClaimOverrides& overrides = {});
/// How many values an integer input may take: the size of the axis it gathers from (8 when no
/// Gather reads it), so random token ids are valid indices; 2 (0 and 1) when arithmetic on it
/// computes an index (position ids from a padding mask).
[[nodiscard]] std::int64_t index_bound(const InstantiatedGraph& g, const std::string& value);
/// The graph with its trained weights' stored values dropped ("any weights"); buffers and constants
/// keep their values.
[[nodiscard]] Graph with_free_weights(const Graph& graph);
/// One exact evaluation of the graph on random draws (inputs and free weights), from `seed`.
[[nodiscard]] ValueMap<Rational> draw_run(const Analysis& a, std::uint64_t seed);
/// Node `index`'s claim holds on every run under both generators (exact test, no proof).
[[nodiscard]] bool node_holds(const Analysis& a, std::size_t index, const std::vector<ValueMap<Rational>>& runs);
/// Values the numeric engine holds at once at its peak (live values, a node's comparison
/// buffers): it streams through the graph, drawing free weights when first read.
[[nodiscard]] std::int64_t numeric_peak_values(const Analysis& a);

/// The analysis's constants (computed once; values above `max_exact_values`-sized tensors are left
/// out and listed in `undecided`).
[[nodiscard]] const RealConstants& real_constants(const Analysis& a);
/// Whether an input of `node` is a fixed value the real constants left out (`undecided`: a
/// comparison, floor or index of bounds that do not decide it, such as log(exp(2)) = 2): runs hold
/// a stand-in for it (the generic functions' value), so no break of the node can be confirmed on it.
[[nodiscard]] bool reads_undecided_constant(const Analysis& a, const Node& node);

/// One exact evaluation of the graph, and which of its values rest on stand-ins: values of the
/// generic function oracle, constants known only within bounds, or constants left undecided. A
/// difference in a value that rests on no stand-in is a difference of the real graph.
struct ExactRun {
  ValueMap<Rational> values;
  std::set<std::string, std::less<>> stand_in;
};
/// Evaluates the graph on `draws` (graph inputs and parameters) with the real constants; with
/// `sigma`, on the draws moved by their actions, and then `permitted` nodes pass on the claimed
/// output of `plain` instead of their own. With real functions in `options`, pointwise functions
/// take the C library's value rounded to a multiple of 1/4096 (a stand-in near the real value).
[[nodiscard]] ExactRun exact_run(const Analysis& a, const ValueMap<Rational>& draws, const Permutation* sigma = nullptr,
                                 const ExactRun* plain = nullptr, const std::map<std::size_t, std::string>* permitted = nullptr, const EvalOptions& options = {});

/// What a draw of inputs and weights looks like: generic values k/8 (the Schwartz-Zippel draws),
/// small values k/256 (a real softmax that generic values saturate still shows a bias there), ties
/// (values in {-1, 0, 1}: tied scores, ReLU at 0, ArgMax ties) and boundaries (values near the
/// graph's constants, which reach thresholds far outside the generic range).
enum class DrawKind { Generic, Small, Ties, DeadWeights, Boundaries };
[[nodiscard]] std::string_view to_string(DrawKind kind);
/// Draws every graph input and free weight (stored ones keep their data) of `kind`. Integer
/// inputs are drawn below the length they index, or 0 and 1 with `binary_integers` (masks, and
/// indices computed from them, as a cumulative sum of a padding mask is).
[[nodiscard]] ValueMap<Rational> draw_values(const Analysis& a, std::uint64_t seed, DrawKind kind, bool binary_integers = false);
/// The same from a running engine (the generic draws of a check come from one engine, in turn).
[[nodiscard]] ValueMap<Rational> draw_values(const Analysis& a, std::mt19937_64& engine, DrawKind kind, bool binary_integers = false);

/// The graph evaluated in double with the real functions on `draws`, plain and moved by sigma
/// (permitted nodes as in exact_run); empty where evaluation failed. Beside it the same runs in
/// certified bounds (src/eval/real_bounds.hpp: the real functions, constants within their bounds),
/// which decide whether a difference is one of the real graph: a double run cannot (log(exp(2))
/// may round below 2, and the midpoint of a constant's bounds, floor(log(exp(2))) in [1, 2], is no
/// value of the graph). Empty where the bounds do not decide a comparison, a floor or an index.
struct RealRun {
  Permutation sigma;
  ValueMap<double> plain, moved;
  ValueMap<RealBounds> plain_bounds, moved_bounds;
};
[[nodiscard]] RealRun real_run(const Analysis& a, const ValueMap<Rational>& draws, const Permutation& sigma,
                               const std::map<std::size_t, std::string>* permitted = nullptr);
/// For each action, the first entry where `value` moved differs from the action applied to it by
/// far more than double rounding (1e-6 of the value's scale, where rounding in graphs of this
/// depth stays near 1e-13) and certainly, by disjoint certified bounds: a difference of the real
/// graph. The entry's values shown are the double run's.
[[nodiscard]] std::vector<std::optional<Mismatch>> far_differences(const RealRun& run, const std::string& value, const std::vector<Action>& actions);

}  // namespace permeq
