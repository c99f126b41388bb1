// permeq/check/checker.hpp: the forward inter-token checker.
//
// Given which graph inputs are permuted along which axis, the checker propagates the action
// through the graph (each operator's claim), then tests every node and every output with exact
// rational evaluation under both generators of S_n (the transposition (0 1) and the n-cycle) on
// random exact inputs and weights. A node whose inputs transform as claimed but whose output does
// not is a culprit and gets a witness, minimised over n = 2, 3, ...; nodes downstream inherit.
//
// This engine never says "proved": a passing exact random test is evidence, reported with its
// failure probability where the node is polynomial in the random draws (Schwartz-Zippel).
#pragma once

#include "permeq/autodiff/gradient.hpp"
#include "permeq/eval/evaluator.hpp"
#include "permeq/prove/prover.hpp"
#include "permeq/symmetry/witness.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace permeq {

struct PermutedInput {
  std::string input;
  int axis = 0;
  /// Head blocks (see AxisAction): the permutation moves blocks of `block` positions, or acts
  /// alike in `repeat` consecutive runs. Intra-token head symmetries only.
  std::int64_t block = 1, repeat = 1;
  friend bool operator==(const PermutedInput&, const PermutedInput&) = default;
};

/// Parses "NAME:AXIS" (AXIS may be negative), optionally ":blocks=B" and ":runs=R"; throws
/// permeq::Error(Usage).
[[nodiscard]] PermutedInput parse_permuted_input(const std::string& text);
/// "NAME:AXIS" with the head-block suffixes, as parse_permuted_input reads it.
[[nodiscard]] std::string to_string(const PermutedInput& p);

/// A break the user accepts by design ("positional encoding"): nodes matching `node` (a glob
/// over node names, * and ?) or whose operator is `op` are assumed to transform as claimed, so
/// the nodes after them are checked as if the position information travelled with the tokens.
struct PermittedBreak {
  std::string node;  ///< glob; empty matches every node
  std::string op;    ///< operator name; empty matches every operator
  std::string reason;
  [[nodiscard]] bool matches(const Node& candidate) const;
};

/// Which engines decide: `Exact` tests only (evidence); `Proof` proves every node (a node not
/// proved is unknown); `Auto` tests first, then proves what holds, keeping the exact witness for
/// what breaks and the test's evidence where no proof is found.
/// `Numeric` runs the same per-node tests in floating point on the graph's own weights (stored
/// data, else random draws of variance 1): an instance-level verdict with an error model, never a proof.
enum class Engine { Auto, Proof, Exact, Numeric };

enum class Precision { Float32, Float64 };

/// Where the numeric engine runs: the CPU, a CUDA GPU (the backend in src/gpu/, built when the
/// CUDA toolkit is found), or `Auto`: the GPU when one is visible and the backend is built, else
/// the CPU. Asking for `Cuda` without a visible GPU is an Error(Unavailable), never a CPU run.
enum class ComputeDevice { Cpu, Cuda, Auto };
[[nodiscard]] ComputeDevice parse_device(std::string_view text);  ///< "cpu", "cuda", "auto"

/// Which symmetry a check decides: permutations of the tokens (inter-token), permutations of the
/// features with the matching weight transform (intra-token, Xu et al.), or both.
enum class Property { Inter, Intra, All };
[[nodiscard]] Property parse_property(std::string_view text);  ///< "inter", "intra", "all"
[[nodiscard]] std::string_view to_string(Property property);   ///< "inter", "intra", "all"

/// Which way a check goes: the graph itself, its gradient graph (check_backward), or both.
enum class Direction { Forward, Backward, Both };
/// Parses "forward", "backward" or "both"; throws permeq::Error(Usage).
[[nodiscard]] Direction parse_direction(std::string_view text);
[[nodiscard]] std::string_view to_string(Direction direction);  ///< "forward", "backward", "both"

struct CheckOptions {
  /// Inputs permuted together. Empty: the graph's "token_axes", else every input with an axis
  /// whose dimension is named seq, tokens or n.
  std::vector<PermutedInput> permute;
  /// Number of tokens n; default: the graph's size for the token dimension, else 4.
  std::optional<std::int64_t> tokens;
  DimBindings dims;               ///< other named dimensions
  int trials = 3;                 ///< independent random draws per generator
  std::uint64_t seed = 20240617;  ///< draws are reproducible from the seed
  bool minimize_witness = true;   ///< search n = 2, 3, ... for the smallest witness
  std::function<void(const std::string&)> progress;  ///< called with a line per stage
  /// Called as long work advances (the numeric engine, node by node): stage, done, total. The CLI
  /// draws it as a bar on a terminal.
  std::function<void(std::string_view stage, std::size_t done, std::size_t total)> advance;
  std::vector<PermittedBreak> permitted;
  /// Wall-clock budget; nodes not tested when it runs out are unknown. Unset: no budget.
  std::optional<double> time_budget_seconds;
  Engine engine = Engine::Auto;
  ProofLimits proof_limits;
  /// Exact evaluation is skipped (the prover works alone) when the graph holds more values than
  /// this (inputs, parameters and intermediate values, at the checked sizes).
  std::int64_t max_exact_values = 2'000'000;
  /// The numeric engine refuses graphs where it would hold more values than this at once (at the
  /// checked sizes): it streams through the graph, holding live values and drawing or reading each
  /// weight when first used, so this bounds its peak, not the model's size.
  std::int64_t max_numeric_values = 2'000'000'000;
  Precision precision = Precision::Float32;  ///< numeric engine
  /// Numeric engine: a node agrees when its two sides differ by at most this factor times the
  /// first-order rounding bound (K + 4) u M; the slack covers what that bound leaves out.
  double numeric_tolerance_factor = 8.0;
  /// Numeric engine: a node breaks when the difference exceeds this many tolerances; between
  /// one and this many it is unknown (too close to rounding to call).
  double numeric_unknown_band = 100.0;
  int threads = 0;                           ///< numeric engine's kernel threads; 0: all cores
  ComputeDevice device = ComputeDevice::Cpu;  ///< numeric engine's device
  /// For `check`: which symmetry. Intra: `permute` names the permuted feature axes (default
  /// `feature_seeds`), and the weight transform is inferred (`infer_feature_transform`).
  Property property = Property::Inter;
};

/// The weight transform matching a feature permutation Q (Xu et al., CVPR 2024:
/// f_{T(W)}(XQ) = f_W(X) Q): every input and weight axis that Q must act on, found node by node
/// in evaluation order by trying, for the weights a node reads, the fewest permuted axes that make
/// the node's exact test pass. Weights on other axes are left alone, which leaves the independent
/// symmetries (an MLP's hidden units) to their own checks.
struct FeatureTransform {
  std::int64_t features = 0;            ///< length of the permuted axis
  std::vector<PermutedInput> seeds;     ///< the axes asked for (the inputs' features)
  std::vector<PermutedInput> permuted;  ///< seeds, then weights: one entry per permuted axis
  /// Nodes that no transform of their weights makes equivariant (a fixed LayerNorm scale, a
  /// buffer over features): the check then shows the break there with a witness.
  std::vector<std::string> failures;
};

/// The last axis of every float input that has one and is not its token axis: the features; for
/// a graph of token ids only, the feature axis of each embedding table the ids look up.
[[nodiscard]] std::vector<PermutedInput> feature_seeds(const Graph& graph);
/// Infers the transform from `seeds` (permuted input or weight axes, all of one length). Throws
/// permeq::Error(Usage) for bad seeds.
[[nodiscard]] FeatureTransform infer_feature_transform(const Graph& graph, std::vector<PermutedInput> seeds, const CheckOptions& options = {});

/// The draws are k/8 for integers k in [-64, 64]: 129 distinct values.
inline constexpr int random_value_count = 129;

enum class Verdict {
  Equivariant,  ///< output permuted like the claim says (on some axes)
  Invariant,    ///< output unchanged
  Breaks,       ///< a culprit: inputs transform as claimed, the output does not (witness attached)
  Inherits,     ///< locally fine, but receives a broken value from upstream
  Unknown,      ///< the engine cannot decide (reason in `note`)
};
[[nodiscard]] std::string_view to_string(Verdict verdict);

/// What a node's verdict rests on: nothing (`None`), an exact argument (`Static`: no input depends
/// on the permuted inputs), the exact random test, the numeric test in float32 or float64, a proof
/// (NodeReport::proof_method says which), a solver counterexample replayed exactly, or a witness
/// found at a smaller n and lifted to the checked n (replayed there exactly, or by restriction).
enum class Method {
  None,
  Static,
  ExactRandom,
  NumericFloat32,
  NumericFloat64,
  Proof,
  CounterexampleReplayed,
  WitnessLiftedExact,
  WitnessLiftedRestriction,
};

struct NodeReport {
  std::string node, op, scope;
  std::vector<std::pair<std::string, std::string>> inputs;  ///< input value and its action, in words
  Verdict verdict = Verdict::Unknown;
  Method method = Method::None;
  std::string proof_method;  ///< Method::Proof: the prover's method ("bounded", "lemma <id>", "invariant inputs", ...)
  std::string action;  ///< described output action (first output)
  std::string note;
  std::optional<double> miss_probability;  ///< bound on a missed break, when polynomial
  std::optional<Witness> witness;
  std::vector<std::string> inherited_from;  ///< culprits upstream, for Inherits
  std::optional<std::string> permitted;     ///< why this node's break is accepted (policy)
  bool proved = false;                      ///< the node's obligation is proved (see proof_scope)
  /// The node's value is proved to move as claimed as a function of the graph's inputs (bounded,
  /// end to end), although its own obligation fails for inputs the graph does not produce.
  bool proved_end_to_end = false;
  bool size_generic = false;                ///< ... for all n and all widths
  std::string proof_scope;
  std::vector<std::string> assumptions;     ///< facts the proof relies on
  /// Breaks: the token counts the witness is replayed at (its own n, and the checked n when it was
  /// found at a smaller one and lifted), how it was carried there, and the mismatch at the
  /// checked n.
  std::vector<std::int64_t> break_sizes;
  std::string break_scope;
  std::optional<Mismatch> lifted_difference;
  /// Numeric engine: largest |f(sigma x) - sigma f(x)| met, its relative size, and the tolerance
  /// of the error model it was judged against.
  std::optional<double> max_abs_error, max_rel_error, tolerance;
  /// Backward reports: the forward node whose derivative rule emitted this node, "loss" for the
  /// loss's own nodes; empty for the forward nodes themselves.
  std::string origin;
  /// Forward reports with a backward check attached: the worst verdict over this node and the
  /// nodes of its derivative rule in the gradient graph (the "backward" column).
  std::optional<Verdict> backward;
  bool backward_proved = false;
};
/// The method in the words every report format prints: "none", "static", "exact-random",
/// "numeric float32", "numeric float64", "proof (<proof_method>)", "proof (counterexample
/// replayed)", "witness lifted (exact)", "witness lifted (restriction)".
[[nodiscard]] std::string method_text(const NodeReport& node);

struct OutputReport {
  std::string output;
  Verdict verdict = Verdict::Unknown;
  std::string action;
  std::vector<int> axes;  ///< permuted axes when equivariant
  std::vector<std::string> culprits;
  std::vector<std::string> assumed;  ///< permitted breaks upstream that the verdict assumes
  std::string note;
  std::optional<double> miss_probability;
  /// Breaks: draws of the graph's inputs and weights for which the output moves otherwise than
  /// its claim (and than every other candidate claim), confirmed with the real functions.
  std::optional<Witness> witness;
  bool proved = false;       ///< every node it depends on is proved, or the output end to end: the verdict is a theorem
  std::string proof_scope;   ///< "for all n, all widths" or the bounded sizes
  /// Backward reports: "loss", "input gradient" or "weight gradient", and what it differentiates.
  std::string role, gradient_of;
};

struct ExpectationResult {
  std::string output;
  std::string expected;  ///< "equivariant", "invariant" or "equivariant or invariant" (+ axis)
  bool met = false;
  std::string explanation;  ///< why it is unmet: the culprit node and its witness, in words
};

/// How a report fares against a policy (see permeq/check/policy.hpp).
struct PolicyOutcome {
  std::string source;  ///< the policy file
  std::vector<ExpectationResult> expectations;
  std::vector<std::string> unpermitted_culprits;
  int exit_code = 0;
};

/// Where the numeric engine ran. On a GPU, node evaluations the backend does not support ran on
/// the CPU (their values copied back and forth), counted and named here.
struct DeviceUse {
  std::string kind;  ///< "cpu" or "cuda"
  std::string name;  ///< the GPU's name (e.g. "NVIDIA H200"), or the CPU's
  std::size_t device_evaluations = 0, host_evaluations = 0;  ///< node evaluations on the GPU, on the CPU
  std::vector<std::string> host_operators;  ///< operators evaluated on the CPU although the GPU ran
};

struct CheckReport {
  std::string graph;
  std::string source;  ///< the graph file, when read from one
  std::int64_t tokens = 0;
  std::vector<PermutedInput> permuted;
  int trials = 0;
  std::uint64_t seed = 0;
  std::vector<std::string> warnings;
  std::vector<NodeReport> nodes;  ///< in evaluation order
  std::vector<OutputReport> outputs;
  std::vector<std::string> culprits;
  std::string scope;  ///< what the verdicts cover, in words
  double seconds = 0.0;
  /// Size of the largest exact number met (bits of numerator plus denominator): how much the
  /// rationals grew through the graph.
  std::size_t largest_rational_bits = 0;
  std::optional<PolicyOutcome> policy;
  /// Wall time per phase in seconds ("load", "check", ...), filled by the caller and the engines.
  std::vector<std::pair<std::string, double>> timing;
  std::string engine;  ///< "auto", "proof", "exact", "numeric float32", ...
  /// "any": trained weights are free (every verdict holds or breaks for all weights: the
  /// architecture); "stored": the graph's stored weights (this instance).
  std::string weights = "any";
  std::optional<DeviceUse> device;  ///< the numeric engine's device, when it ran
  bool exact_skipped = false;  ///< the graph was too large for exact evaluation (max_exact_values)
  /// With `--engine auto` on a graph with stored weights, or too large for exact evaluation: the
  /// numeric engine's instance-level report on the stored weights, beside the architecture one.
  std::shared_ptr<const CheckReport> instance;
  /// Forward, or Backward for the check of a gradient graph (see check_backward).
  Direction direction = Direction::Forward;
  std::string loss;                ///< backward: the loss, in words
  std::vector<std::string> kinks;  ///< backward: non-differentiable points and the subgradient used
  /// `--direction both`: the backward report, beside this forward one (which then carries the
  /// per-node `backward` column).
  std::shared_ptr<const CheckReport> backward;
  /// Inter (token permutations) or Intra (feature permutations, with `transform`).
  Property property = Property::Inter;
  std::optional<FeatureTransform> transform;
  /// `--property all`: the intra-token report, beside this inter-token one.
  std::shared_ptr<const CheckReport> intra;

  /// Under a policy: the policy's exit code. Otherwise 0 every output equivariant or invariant,
  /// 1 some output breaks, 2 otherwise inconclusive.
  [[nodiscard]] int exit_code() const;
};

/// Runs the forward inter-token check. Throws permeq::Error(Usage) for a bad action
/// specification and permeq::Error(Input) for a bad graph.
[[nodiscard]] CheckReport check_forward(const Graph& graph, const CheckOptions& options = {});

/// Backward inter-token check (Xu et al., CVPR 2024): differentiates `loss` of the graph's output
/// (permeq/autodiff/gradient.hpp) and checks the gradient graph like any graph, with the loss's
/// target or labels permuted with the tokens. Equivariant input gradients and invariant weight
/// gradients are the backward property; a culprit is a forward node (the same as the forward
/// check's), a loss node (a loss that is not invariant) or a derivative rule. A node without a
/// derivative rule makes every gradient unknown.
[[nodiscard]] CheckReport check_backward(const Graph& graph, const LossSpec& loss, const CheckOptions& options = {});

/// The forward check, the backward check, or both: the forward report with the backward one in
/// `backward` and each node's backward column filled.
[[nodiscard]] CheckReport check(const Graph& graph, Direction direction, const LossSpec& loss, const CheckOptions& options = {});

/// The proof obligations of a graph's nodes as SMT-LIB2 files (bounded obligations for the nodes
/// without a size-generic lemma; a note naming the lemma for the others).
[[nodiscard]] std::vector<ProofFile> graph_proof_files(const Graph& graph, const CheckOptions& options);

/// Carries a witness found at a smaller n to `tokens` tokens and replays it exactly at `node`, with
/// the graph's weights free: its values fill the first positions of every token axis (zeros
/// elsewhere) where the node and its fixed inputs fit the exact limit at that n, else by
/// restriction to the first tokens where the node and its fixed inputs are prefix-local. True when
/// the node breaks at `tokens` (see src/check/lifting.cpp).
[[nodiscard]] bool replay_lifted_witness(const Graph& graph, const std::string& node, const Witness& witness, std::int64_t tokens,
                                         const DimBindings& dims = {});

/// Re-evaluates a witness exactly at `node` of `graph`; true when the mismatch it records is real.
[[nodiscard]] bool replay_witness(const Graph& graph, const std::string& node, const Witness& witness, const DimBindings& dims = {});

}  // namespace permeq
