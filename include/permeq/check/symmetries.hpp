// permeq/check/symmetries.hpp: the permutation symmetries of a graph's weight space that permeq
// can prove (`permeq symmetries GRAPH`): the residual stream's feature permutation, each MLP's
// hidden units, attention heads (as blocks) and the coordinates within heads, each found by
// inferring the weight transform from one weight axis and checked as an intra-token property.
#pragma once

#include "permeq/check/checker.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace permeq {

/// A graph-level counterexample: applying `sigma` on a candidate's axes to one random exact draw
/// of the inputs and weights changes an output (replay: `replay_symmetry_witness`).
struct SymmetryWitness {
  std::string generator;  ///< "transposition" or "n-cycle"
  Permutation sigma;
  std::uint64_t seed = 0;  ///< the draw
  std::string output;
  std::vector<std::int64_t> index;
  Rational before, after;
};

/// Which family a weight-space symmetry belongs to: the residual stream's features, an MLP's hidden
/// units, attention heads moved as blocks, the coordinates within each head alike, or a head
/// permutation that mixes the heads' coordinates (a rejected within-heads candidate, reported apart).
enum class SymmetryKind { ResidualStream, HiddenUnits, AttentionHeads, WithinHeads, MixingHeads };
/// "residual stream", "hidden units", "attention heads", "within heads", "mixing heads".
[[nodiscard]] std::string_view to_string(SymmetryKind kind);

/// One generator family: a permutation sigma of `size` positions acting on the listed input and
/// weight axes at once (head blocks as PermutedInput says).
struct WeightSymmetry {
  SymmetryKind kind = SymmetryKind::HiddenUnits;
  std::int64_t size = 0;
  std::vector<PermutedInput> permuted;
  Verdict verdict = Verdict::Unknown;  ///< Equivariant or Invariant: a symmetry
  bool proved = false;
  std::string proof_scope;
  /// Why a rejected candidate is no symmetry: the first node no transform repairs.
  std::string note;
  std::optional<SymmetryWitness> witness;  ///< rejected candidates: the evaluation that refutes them
};


/// A per-head generator's proof (prove_block_map: the values the map reaches, node by node, until
/// each is shown equal): proved at `scope`'s sizes, or why not (never proved on draws alone).
struct GeneratorProof {
  bool proved = false;
  std::string method;
  std::string scope;
  std::string reason;  ///< why it is not proved
  double seconds = 0.0;
};

/// Tran et al.'s per-head invertible maps on a within-head symmetry's axes: the query side
/// right-multiplied by M_h and the key side by M_h^-T, or the value side by N_h and the output
/// projection's rows by N_h^-1, an independent matrix per head. `holds`: random invertible
/// rational M_h in every head at once, outputs compared exactly over `draws` draws (evidence).
/// `generators`: per head, the transvection I + c E_01 and the scaling diag(c, 1, ..) with c
/// symbolic, each proved for every real c; with that head's permutations (PerHeadCheck) they
/// generate GL(d_h), so `proved` (every generator here and every per-head permutation proved)
/// covers the whole group GL(d_h)^heads at the proofs' sizes.
struct GeneralLinearGenerator {
  std::int64_t head = 0;
  std::string name;  ///< "transvection I + c E_01", "scaling diag(c, 1, ..)"
  GeneratorProof proof;
};
struct GeneralLinearCheck {
  std::vector<PermutedInput> members;
  std::int64_t heads = 0, width = 0;
  std::string rule;  ///< in words, which weight takes which matrix
  bool holds = false;
  int draws = 0;
  std::vector<GeneralLinearGenerator> generators;
  bool proved = false;
};

/// The full head group (Tran et al.): on a within-head family, a permutation of each head's
/// coordinates of its own, independent of the other heads (with the head permutations, the wreath
/// product S_dh wr S_h). The family's own proof covers the same permutation in every head; here
/// each head's generators (the transposition and the d_h-cycle of that head's coordinates, the
/// other heads untouched) are each proved (prove_block_map) and checked on an exact draw, then a
/// different random permutation in every head at once is checked on exact draws (evidence).
/// `proved`: every generator proved, which covers S_dh^heads at the proofs' sizes.
struct PerHeadGenerator {
  std::int64_t head = 0;
  std::string name;  ///< "transposition" or "cycle"
  Permutation sigma;
  bool holds = false;  ///< outputs unchanged on an exact draw
  GeneratorProof proof;
};
struct PerHeadCheck {
  std::vector<PermutedInput> members;
  std::int64_t heads = 0, width = 0;
  std::vector<PerHeadGenerator> generators;
  bool holds = false;
  int draws = 0;
  bool proved = false;
};

struct SymmetryReport {
  std::string graph;
  std::vector<WeightSymmetry> symmetries;  ///< checked generators that hold
  std::vector<WeightSymmetry> rejected;    ///< candidates that are not symmetries, or unknown
  std::vector<GeneralLinearCheck> general_linear;
  std::vector<PerHeadCheck> per_head;  ///< one per within-head family with one head layout
  double seconds = 0.0;
  /// 0 every candidate kept holds and is proved, and every GL and per-head generator is proved; 2 otherwise.
  [[nodiscard]] int exit_code() const;
};

/// Tries every weight axis (plain, and as head blocks where a reshape splits it into heads),
/// infers each candidate's transform and checks it. `options` sets trials, seed and limits.
[[nodiscard]] SymmetryReport find_symmetries(const Graph& graph, const CheckOptions& options = {});

/// The model with its stored weights moved by a random element of its proved weight-space
/// symmetry group: one uniformly random permutation per family, for every family that leaves the
/// inputs and outputs alone (hidden units, heads, within heads; not the residual stream). The
/// function is unchanged; the weights are not (Xu et al.'s model authorisation). Deterministic in
/// `seed`. Throws permeq::Error(Usage) when the graph stores no weights.
struct PermutedModel {
  Graph graph;
  std::vector<std::pair<WeightSymmetry, Permutation>> applied;
};
[[nodiscard]] PermutedModel permute_weights(const Graph& graph, std::uint64_t seed, const CheckOptions& options = {});

/// Whether `candidate` is `original` moved by permute_weights with `seed`: the same graph, and
/// every stored weight equal, bit for bit, to the original's moved by proved symmetries. When it
/// is, the two compute the same function for every input, by the proofs of those symmetries.
struct Equivalence {
  bool equivalent = false;
  std::string reason;  ///< the first difference, or the argument
  std::string proof_scope;
  /// find_equivalence: the permutation found for each family (equivalent or not: the closest).
  std::vector<std::pair<WeightSymmetry, Permutation>> recovered;
  /// find_equivalence, not equivalent: ||moved original - candidate|| / ||candidate|| over every
  /// stored weight, for the closest symmetry found (small for a fine-tuned copy).
  std::optional<double> relative_difference;
};
[[nodiscard]] Equivalence prove_equivalent(const Graph& original, const Graph& candidate, std::uint64_t seed, const CheckOptions& options = {});

/// The same without the key: for each proved family that leaves inputs and outputs alone, the
/// permutation of its positions that matches the candidate's weights (each position recognised by
/// the sorted values it holds in the family's weights; equal ones first, else the assignment of
/// least squared distance), then the original moved by them compared bit for bit with the
/// candidate. Equivalent only on exact equality, by the proofs of those symmetries. Throws
/// permeq::Error(Usage) when either graph stores no weights.
[[nodiscard]] Equivalence find_equivalence(const Graph& original, const Graph& candidate, const CheckOptions& options = {});

/// Re-evaluates a rejected candidate's witness exactly: true when the output still changes.
[[nodiscard]] bool replay_symmetry_witness(const Graph& graph, const WeightSymmetry& candidate, const CheckOptions& options = {});

}  // namespace permeq
