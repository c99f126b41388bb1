// src/check/engines.hpp: the parts of the forward check that check_architecture orchestrates:
// the exact phase (random exact runs, node tests, confirmed witnesses), the numeric engine, the
// proof phase (Z3) and lifting. The engines report findings (src/check/findings.hpp), which one
// assembly turns into node and output verdicts. Internal to permeq_check.
#pragma once

#include "src/check/analysis.hpp"
#include "src/check/findings.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace permeq {

struct Generator {
  std::string name;
  Permutation sigma;
};
/// The transposition (0 1) and the n-cycle: together they generate S_n.
[[nodiscard]] std::vector<Generator> generators(std::int64_t n);

/// The first entry where `got` differs from `expected` (any entry when the shapes differ).
[[nodiscard]] std::optional<Mismatch> first_difference(const std::string& value, const Tensor<Rational>& got, const Tensor<Rational>& expected);
/// The graph inputs and parameters of a run.
[[nodiscard]] ValueMap<Rational> graph_values_of(const Analysis& a, const ValueMap<Rational>& run);
/// Bound on the chance that a break went unnoticed. A break fails for one of the two generators
/// (the generator lemma); for that generator the `trials` draws are independent, and a nonzero
/// polynomial of degree D in the draws vanishes at a uniform draw from 129 values per variable
/// with probability at most D/129 (Schwartz-Zippel). Only for polynomial values.
[[nodiscard]] std::optional<double> miss_bound(const Degree& degree, int trials);

/// Node `index`'s claim (or the `outputs` actions given instead) tested on one run; a witness
/// when it fails. The witness is exact for the values of the run, which may rest on generic
/// function values: see confirmed_break.
[[nodiscard]] std::optional<Witness> test_node(const Analysis& a, std::size_t index, const ValueMap<Rational>& run, const Generator& gen,
                                               const std::vector<Action>* outputs = nullptr);
/// Whether a node witness breaks the claim for certain with the real functions and the real
/// constants (certified bounds), not only with the generic oracle.
[[nodiscard]] bool confirmed_break(const Analysis& a, std::size_t index, const Witness& witness);

/// Claims a value could satisfy: `claimed` first, then invariant, then the token permutation on
/// each axis of length n (alone, and on all of them together). A node is a culprit only when its
/// output fails all of them; an output breaks only when it fails all of them.
[[nodiscard]] std::vector<Action> candidate_actions(const Analysis& a, const std::string& value, const Action& claimed);
/// A token permutation that moves an output in blocks (its token axis merged with another, as a
/// flatten does) does not permute the output like the tokens: such an output holds only as
/// invariant or as permuted like the tokens on some axis, and otherwise breaks.
[[nodiscard]] bool merges_tokens(const Analysis& a, const Action& action);

/// A difference a run showed between a value moved by sigma and an action applied to it.
struct RunDifference {
  std::size_t draw = 0;  ///< index into ExactPhase::draws
  std::size_t generator = 0;
  Mismatch mismatch;
  bool real = false;  ///< rests on no stand-in (generic function value, rounded constant)
};

struct OutputCandidate {
  Action action;
  std::vector<RunDifference> differences;  ///< the first in each run
};

/// What the exact runs showed: per node a confirmed witness or none, per output and candidate
/// claim the differences seen.
struct ExactPhase {
  std::vector<ValueMap<Rational>> draws;  ///< the graph inputs and weights of each run
  std::vector<DrawKind> kinds;
  std::map<std::size_t, Witness> culprit_witness;
  /// Culprits whose witnesses all come from runs where their inputs were already broken upstream.
  std::set<std::size_t> local_breaks;
  std::map<std::size_t, std::string> unconfirmed;  ///< breaks seen only with stand-ins
  std::set<std::size_t> untested;                  ///< the time budget ran out first
  std::set<std::string, std::less<>> broken_values;
  std::optional<std::string> evaluation_failure;
  std::map<std::string, std::vector<OutputCandidate>, std::less<>> outputs;
  std::size_t largest_rational_bits = 0;
};

struct PhaseContext {
  const CheckOptions& options;
  const std::map<std::size_t, std::string>& permitted;
  std::function<bool()> out_of_time;
  std::function<void(const std::string&)> say;
  /// Seconds spent on end-to-end proofs so far: they are a fallback, so a check spends at most
  /// `end_to_end_budget` on them (later ones are unknown, with the reason).
  std::shared_ptr<double> end_to_end_spent = std::make_shared<double>(0.0);
  double end_to_end_budget = 2.0;
};

[[nodiscard]] ExactPhase run_exact_phase(const Analysis& a, const PhaseContext& context);
/// The exact phase's findings per node (`exact_skipped`: evaluation was skipped, not failed).
[[nodiscard]] EngineFindings exact_findings(const Analysis& a, const ExactPhase& phase, const CheckOptions& options, bool exact_skipped);

/// The numeric engine (numeric_engine.cpp): the per-node float tests, and after a break the
/// end-to-end pass at the outputs, on the device options.device selects (`used`: which device ran
/// and how much of the work). `breaks_expected` (the architecture-level check already refuted
/// nodes): the moved inputs' forward passes run beside the per-node tests, node by node, so that
/// each drawn weight is drawn and read once; otherwise they run after a break, as passes of their
/// own. Throws permeq::Error(Usage) for bad tolerances or permuted weights.
[[nodiscard]] EngineFindings numeric_findings(const Analysis& a, const CheckOptions& options, DeviceUse& used, bool breaks_expected = false);
/// The numeric engine's findings when its evaluation failed (`why`): every node that depends on
/// the permuted inputs is not tested, so nothing downstream is decided by this run.
[[nodiscard]] EngineFindings numeric_evaluation_failed(const Analysis& a, const std::string& why);
/// What the numeric engine's verdicts cover, in words (the report's scope).
[[nodiscard]] std::string numeric_scope(const Analysis& a, const CheckOptions& options, const DeviceUse& used);

/// Whether breaks reach the graph's outputs at a token count too large for the numeric engine's
/// whole passes (src/check/numeric/prefix_outputs.cpp): the outputs' first token positions under
/// the transposition (0 1), every value cut to the positions its readers need.
struct PrefixOutputs {
  std::map<std::string, FloatOutputFinding, std::less<>> outputs;  ///< per output: whether the break shows, and how
  std::string scope;                                               ///< what was evaluated, in words
  std::optional<std::string> failure;                              ///< why nothing was evaluated
};
[[nodiscard]] PrefixOutputs numeric_prefix_outputs(const Analysis& a, const CheckOptions& options);
/// The values that evaluation holds, summed over the graph (a bound on its peak); nullopt when no
/// output can be judged on its first positions.
[[nodiscard]] std::optional<std::int64_t> numeric_prefix_values(const Analysis& a);

/// The first culprit (in evaluation order) whose outputs satisfy another candidate claim on every
/// run of the phase: propagation should continue from that claim (reversing twice, a dead branch,
/// an identity gather).
[[nodiscard]] std::optional<std::pair<std::string, std::vector<Action>>> better_claim(const Analysis& a, const ExactPhase& phase,
                                                                                     const std::set<std::string, std::less<>>& rejected);

/// Searches n = 2 .. n-1 for the smallest witness at `node`: at that n the node must fail every
/// candidate claim, and the witness must replay.
[[nodiscard]] std::optional<Witness> smallest_witness(const Graph& graph, ActionSpec spec, const ClaimOverrides& overrides, const std::string& node,
                                                      const CheckOptions& options);

/// Proves end to end (bounded, at the analysis's sizes) that `value` moves by `action` when the
/// graph's inputs are permuted, whatever its nodes' own obligations say.
[[nodiscard]] ProofResult prove_end_to_end(const Analysis& a, const std::string& value, const Action& action, const PhaseContext& context);

/// Whether node `index`'s claim is proved, by its own bounded obligation or end to end: a better
/// claim is adopted only when it is, so that agreement on the runs never redirects propagation.
[[nodiscard]] bool claim_proved(const Analysis& a, std::size_t index, const PhaseContext& context);

/// The proof phase: every node that depends on the permuted inputs gets its obligation proved
/// (size-generic lemma only when its claim is the same at every size, else bounded), refuted with
/// a confirmed witness (lifted to inputs the graph produces where the solver finds them), or left
/// as it was. A node whose own obligation fails for inputs the graph cannot produce, but whose
/// value is proved end to end, holds.
void prove_nodes(const Analysis& a, const Graph& graph, const ActionSpec& spec, const ClaimOverrides& overrides, const PhaseContext& context,
                 const ExactPhase& phase, CheckReport& report);

/// The bounded (or, with `size_generic`, lemma) obligation of node `index`'s claim.
[[nodiscard]] NodeObligation obligation_of(const Analysis& a, std::size_t index, bool size_generic);

/// A witness found at a smaller n, carried to the checked n at its node (src/check/lifting.cpp).
struct LiftedBreak {
  std::int64_t tokens = 0;
  bool by_restriction = false;  ///< replayed at the witness's n, carried by prefix-locality
  Mismatch mismatch;            ///< at `tokens` (the witness's own, by restriction)
  std::string how;              ///< in words, for the report
};
/// Carries witness `w` (found at `small`'s n) to `large`'s n at node `node`: literally where the
/// node and its fixed inputs fit `max_values` exact values at that n, else by restriction.
/// nullopt, with `why`, when neither replays.
[[nodiscard]] std::optional<LiftedBreak> lift_witness(const Graph& graph, const Analysis& small, const Analysis& large, const std::string& node,
                                                      const Witness& w, std::int64_t max_values, std::string& why);
/// After the proof phase, when exact evaluation was skipped: every node still unknown gets a
/// witness at a small n lifted to the checked n where one exists (verdict Breaks, with the sizes
/// it covers), and the nodes it feeds inherit.
void lift_culprits(const Analysis& a, const Graph& graph, const ActionSpec& spec, const ClaimOverrides& overrides, const PhaseContext& context,
                   CheckReport& report);

/// Output verdicts and the report's culprits, after the node verdicts (and the proof phase):
/// by `rules`, a proof of the output's claim (node by node, or end to end) or a witness of the
/// graph itself that every candidate claim fails, else unknown (exact runs in `phase`); or the
/// numeric engine's end-to-end pass (`findings`). A breaking node is listed as a culprit unless
/// every output it feeds holds.
void assemble_outputs(const Analysis& a, const Graph& graph, const PhaseContext& context, const ExactPhase& phase, const EngineFindings& findings,
                      const AssemblyRules& rules, CheckReport& report);

}  // namespace permeq
