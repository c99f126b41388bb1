// permeq/check/measure.hpp: how equivariant a model with given weights is, as numbers
// (`permeq measure MODEL`). The checker says whether f(sigma x) = sigma f(x); this says by how much
// it fails, node by node and output by output, for the model's stored weights (or random ones).
//
// For random inputs x (or inputs read from a file) and K uniformly random permutations sigma of
// the tokens, every node's value v is compared with its propagated action: the relative error
// ||v(sigma x) - sigma v(x)|| / ||v(x)|| (Frobenius norms), as a function of the graph's inputs,
// so that a break shows at its node and in everything downstream of it. Outputs also get the
// error against how far sigma moves the tokens (permutations displacing exactly d tokens; adjacent
// transpositions (i i+1) against distant ones (i i+n/2)), and the symmetric fraction: the share of
// the output's energy E||f(x)||^2 in its S_n-symmetric part P f(x) = E_sigma sigma^-1 f(sigma x)
// (the orthogonal projection onto the equivariant functions when the inputs' law is invariant
// under permutations, as i.i.d. tokens are). Since P is an orthogonal projection,
// ||P f||^2 = <f, P f> = E_{x, sigma} <sigma f(x), f(sigma x)>, an average of one inner product per
// draw, and ||f||^2 = E (||f(x)||^2 + ||f(sigma x)||^2) / 2 (sigma x is distributed as x): both
// unbiased, and they differ by E ||sigma f(x) - f(sigma x)||^2 / 2 alone, so the ratio's confidence
// interval (from the spread over the inputs: a ratio estimator, Student's t) is as narrow as the
// error is small. For an invariant readout P f is the trivial isotypic component; the standard
// component (partition (n-1, 1)) is the projection (n-1) E_sigma (fix(sigma) - 1) f(sigma x), by
// the character of the standard representation, estimated alike, its energy from
// -(n-1) (fix(sigma) - 1) ||f(sigma x) - f(x)||^2 / 2 (unbiased: the character averages to 0)
// (Lavie et al., 2024).
//
// Everything runs in the numeric engine's floating point (src/check/numeric/forward.hpp): errors
// at the level of the unit roundoff are rounding, not a break. This is measurement, never proof.
#pragma once

#include "permeq/check/checker.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace permeq {

struct MeasureOptions {
  /// Which inputs are permuted, other sizes, seed (weights and inputs are drawn from it),
  /// precision and threads, as for `check --engine numeric`. `check.tokens` is the one n measured
  /// when `seq_lens` is empty.
  CheckOptions check;
  std::vector<std::int64_t> seq_lens;  ///< the values of n swept; empty: one, as `check` picks it
  int inputs = 8;                      ///< random inputs per n (when no `inputs_file`)
  int permutations = 32;               ///< uniformly random permutations per input
  /// A safetensors file holding, for each graph input, a tensor of its shape (one input) or with
  /// one leading axis more (that many inputs); empty: random inputs.
  std::string inputs_file;
};

/// A relative error's distribution over the draws measured.
struct ErrorDistribution {
  std::size_t samples = 0;
  double mean = 0, median = 0, p95 = 0, max = 0;
};

/// An estimate with its 95% confidence interval (clipped to the range the quantity can take).
struct Estimate {
  double value = 0, low = 0, high = 0;
};

struct NodeMeasurement {
  std::string node, op, scope;
  std::string action;  ///< the propagated action of its first output, in words
  ErrorDistribution error;
};

struct DisplacementError {
  std::int64_t displaced = 0;  ///< tokens sigma moves
  ErrorDistribution error;
};

struct OutputMeasurement {
  std::string output, action;
  bool invariant = false;   ///< an invariant readout: its action moves nothing
  std::string note;         ///< why something is not measured (an action permeq cannot represent)
  ErrorDistribution error;  ///< over the uniformly random permutations
  std::vector<DisplacementError> by_displacement;  ///< d = 2 .. n
  ErrorDistribution adjacent, distant;             ///< transpositions (i i+1) and (i i+n/2)
  std::optional<Estimate> symmetric_fraction;
  std::optional<Estimate> trivial_fraction, standard_fraction;  ///< invariant readouts
};

struct SizeMeasurement {
  std::int64_t tokens = 0;
  int inputs = 0, permutations = 0;
  /// Every node that depends on the permuted inputs, in evaluation order (values fixed by the
  /// weights alone are not listed: they cannot move).
  std::vector<NodeMeasurement> nodes;
  /// The first node whose largest error is above the rounding level: where the symmetry breaks.
  std::optional<std::string> first_above_rounding;
  std::vector<OutputMeasurement> outputs;
};

struct Measurement {
  std::string graph;
  std::string weights;    ///< "stored" or "random"
  std::string precision;  ///< "float32" or "float64"
  std::uint64_t seed = 0;
  std::string inputs;     ///< "random" or the inputs file
  /// Relative errors up to this are counted as rounding: 2^10 unit roundoffs of the precision
  /// (6.1e-5 in float32, 1.1e-13 in float64), far above what reordered sums of these depths give
  /// and far below a break that moves a value by a fraction of its size.
  double rounding_level = 0;
  std::vector<SizeMeasurement> sizes;
  double seconds = 0;
};

/// Measures `graph`'s equivariance for its stored weights (random ones where it stores none).
/// Throws permeq::Error(Usage) for bad options and permeq::Error(Input) for a bad inputs file.
[[nodiscard]] Measurement measure_equivariance(const Graph& graph, const MeasureOptions& options = {});

}  // namespace permeq
