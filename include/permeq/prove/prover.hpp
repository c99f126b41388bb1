// permeq/prove/prover.hpp: proofs of node obligations with Z3 (kept out of this header).
//
// An obligation says: for every value of a node's inputs (and weights), applying the node to the
// inputs permuted by sigma equals permuting its output, for sigma the transposition (0 1) and the
// n-cycle; by the generator lemma that covers every permutation. A node is proved either by a
// size-generic lemma of its family (for all n and all widths) or by a bounded proof at its own
// sizes with its inputs symbolic. A solver counterexample counts only after the exact engine
// replays it. Timeouts and unsupported cases are Unknown, never Proved.
#pragma once

#include "permeq/ir/graph.hpp"
#include "permeq/symmetry/action.hpp"
#include "permeq/symmetry/witness.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace permeq {

struct ProofLimits {
  unsigned timeout_ms = 10000;         ///< per solver query
  unsigned memory_mb = 4096;           ///< Z3's memory ceiling
  std::int64_t max_symbolic_values = 6000;  ///< larger bounded obligations are Unknown, not attempted
};

enum class ProofStatus { Proved, Refuted, Unknown };

struct ProofResult {
  ProofStatus status = ProofStatus::Unknown;
  std::string method;  ///< "lemma <id>", "bounded", "invariant inputs"
  std::string scope;   ///< what the proof covers, in words
  bool size_generic = false;  ///< for all n and all widths
  std::vector<std::string> assumptions;
  std::string reason;  ///< why Unknown, or what was refuted
  std::optional<Witness> witness;  ///< replayed counterexample for Refuted
  bool cached = false;
};

/// A size-generic lemma: its claim and the SMT-LIB2 text that proves it.
struct Lemma {
  std::string id, title, claim;
  std::vector<std::string> scope, assumptions;
  std::string expected;  ///< "unsat"
  std::string smt2;
  bool size_generic = true;  ///< false for the bounded checks of the reindexing lemma
};

/// One node's obligation as the checker sees it.
struct NodeObligation {
  Node node;
  std::vector<TensorType> input_types;
  std::vector<Action> input_actions, output_actions;
  /// Inputs whose values are fixed by the graph (constants, stored buffers); the others are
  /// symbolic: every input, every weight.
  std::vector<std::optional<Tensor<Rational>>> fixed_inputs;
  /// For fixed inputs known only within bounds (real functions of constants, such as exp(2)):
  /// the bounds' radius around the fixed value. A proof then covers every value within them.
  std::vector<std::optional<Tensor<Rational>>> fixed_radius;
  std::int64_t tokens = 0;
  std::string family;  ///< from the operator definition; "" when none applies
};

/// A claim about one value of a graph as a function of the graph's inputs and free weights (end
/// to end), rather than about one node given its inputs: applying the graph to inputs permuted by
/// sigma moves `value` by `value_action`. Decides outputs whose upstream nodes break their own
/// obligations (a dead branch, a break that cancels) without relying on those obligations.
struct GraphObligation {
  const InstantiatedGraph* graph = nullptr;
  std::string value;
  Action value_action;
  /// The action on each graph input and parameter (invariant when absent).
  std::map<std::string, Action, std::less<>> actions;
  /// Values computed from constants alone (they replace their nodes), with the radius of the
  /// bounds where they are known only within bounds.
  const std::map<std::string, Tensor<Rational>, std::less<>>* fixed = nullptr;
  const std::map<std::string, Tensor<Rational>, std::less<>>* fixed_radius = nullptr;
  std::int64_t tokens = 0;
};

/// Proves a graph obligation at its sizes (bounded, both generators). Refuted results carry the
/// solver's draws in `witness->graph_values` and the generator, for the caller to replay through
/// the graph; Unknown when the cone is too large, an index is symbolic or the solver gives up.
[[nodiscard]] ProofResult prove_graph_claim(const GraphObligation& obligation, const ProofLimits& limits = {});

/// Proves node obligations; results are cached by signature (operator, attributes, shapes,
/// actions, fixed inputs), so a 12-layer model proves each distinct layer once.
class Prover {
 public:
  explicit Prover(ProofLimits limits = {});
  ~Prover();
  Prover(const Prover&) = delete;
  Prover& operator=(const Prover&) = delete;

  ProofResult prove(const NodeObligation& obligation);
  /// The bounded obligation for one generator as SMT-LIB2 (for export-proofs).
  std::string bounded_smt2(const NodeObligation& obligation, bool n_cycle);

  std::size_t cache_hits() const { return hits_; }
  std::size_t solver_calls() const { return calls_; }

 private:
  ProofLimits limits_;
  std::map<std::string, ProofResult, std::less<>> cache_;
  std::size_t hits_ = 0, calls_ = 0;
};

/// Proves a family lemma (cached per process). Unknown when the solver does not answer in time.
[[nodiscard]] ProofResult prove_lemma(std::string_view id, const ProofLimits& limits = {});
[[nodiscard]] std::vector<std::string> lemma_ids();
[[nodiscard]] std::optional<Lemma> lemma(std::string_view id);

/// What the solver answered: unsat (the claim holds), sat (a counterexample exists), unknown
/// (with the solver's reason: a timeout, an incomplete theory) or an error of the solver itself (a
/// query it rejects, memory): never an error in the user's input, and never a pass.
struct SolverResult {
  enum class Answer { Sat, Unsat, Unknown, Error };
  Answer answer = Answer::Unknown;
  std::string reason;  ///< for Unknown and Error
  /// "sat", "unsat", "unknown" or "error": SMT-LIB's words, as proofs/ files state expectations.
  [[nodiscard]] std::string_view text() const;
};

/// Runs Z3 on SMT-LIB2 text.
[[nodiscard]] SolverResult solve_smt2(const std::string& text, const ProofLimits& limits = {});

/// A file of proofs/: name and text; the text opens with a comment stating the claim, scope,
/// assumptions and expected answer (";; expected: unsat").
struct ProofFile {
  std::string name;
  std::string text;
  std::string expected;
};

/// A file-name fragment: lower case, runs of other characters as one '-'.
[[nodiscard]] std::string file_slug(const std::string& text);

/// Every obligation of the standard operator library: the family lemmas, the reindexing checks,
/// and one bounded obligation per operator sample and generator.
[[nodiscard]] std::vector<ProofFile> standard_proof_files(const ProofLimits& limits = {});

}  // namespace permeq
