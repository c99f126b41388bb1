// The numeric engine: the per-node tests of the exact engine, in floating point, on the graph's
// own weights, streamed through the graph so that only live values are held.
//
// For every node that depends on the permuted inputs, and for both generators of S_n, the node is
// applied to its inputs permuted by their propagated actions and compared with its output
// permuted by the claimed action. Matrix products are compared through a random +-1 vector
// (Freivalds): (A' B') r = A' (B' r) costs a matrix-vector product instead of a second product.
//
// Error model. Both sides compute the same real numbers, so they differ only by rounding: by at
// most about (K + 4) u M per element, with u the unit roundoff, K the number of terms summed into
// one output element (a reduction length) and M the size of the terms (for products |A|(|B| |r|),
// otherwise the largest magnitude among the node's inputs and output). A difference below that
// tolerance is no evidence of a break; one more than a band of tolerances above it is a break; in
// between is unknown. The tolerance is a factor (default 8) times (K + 4) u M, and the band
// (default 100) is counted in tolerances: CheckOptions::numeric_tolerance_factor and
// numeric_unknown_band (--tolerance, --unknown-band). The report carries the largest difference,
// relative difference and tolerance.
//
// Speed. Stored float32 weights are read in place (never copied into tensors); the hot operators
// run on the engine's own kernels (src/check/numeric/kernels.hpp); anything else goes through the
// operator's generic definition (evaluate_node).
//
// Exact shortcut. A node whose kernel is one of the engine's pointwise, trailing-reduction, last-
// axis softmax, transpose, reshape or slice kernels, whose permuted axes are none of the axes it
// reduces over (or slices), and whose claimed output action is exactly the action the operator's
// structure carries (every operand that extends along an acted output axis is acted there alike,
// with the same offset), gives f(sigma x) == sigma f(x) bit for bit: the kernel computes each
// output element from the same operand elements by the same floating-point operations wherever they
// lie (kernels.hpp states the contract), and sigma only moves whole elements (pointwise maps),
// whole reduced blocks (reductions over unacted trailing axes) or whole index ranges (transpose,
// reshape, a slice that keeps every acted axis whole and in order). Evaluating both sides would
// give a difference of exactly 0, so the engine records that result (difference 0, the node's
// rounding tolerance) without the evaluation. Any other node, including one whose claim differs
// from the structural action or whose operand is spread along an acted axis without being acted (a
// positional table), is evaluated and compared.
#include "permeq/check/checker.hpp"

#include "permeq/core/error.hpp"
#include "permeq/symmetry/witness.hpp"
#include "src/check/engines.hpp"
#include "src/check/numeric/forward.hpp"
#include "src/check/numeric/kernels.hpp"
#include "src/ops/kernels.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <exception>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <unordered_map>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace permeq {
namespace {

using numeric::Operand;

/// Exact replays of float breaks are attempted up to this many scalar operations.
constexpr std::int64_t max_exact_replay_work = 4'000'000;

struct Comparison {
  double max_abs = 0.0, max_rel = 0.0, worst_ratio = 0.0, tolerance = 0.0;
  void add(double got, double expected, double tol) {
    const double diff = std::fabs(got - expected);
    if (std::isnan(got) != std::isnan(expected) || std::isinf(diff)) {
      worst_ratio = std::numeric_limits<double>::infinity();
      max_abs = std::numeric_limits<double>::infinity();
      return;
    }
    if (std::isnan(diff)) return;
    max_abs = std::max(max_abs, diff);
    if (expected != 0) max_rel = std::max(max_rel, diff / std::fabs(expected));
    const double ratio = tol > 0 ? diff / tol : (diff > 0 ? std::numeric_limits<double>::infinity() : 0.0);
    if (ratio >= worst_ratio) {
      worst_ratio = ratio;
      tolerance = tol;
    }
  }
};

template <class F>
Tensor<F> to_tensor(const Operand<F>& x) {
  return Tensor<F>(x.dtype, x.shape, std::vector<F>(x.data, x.data + x.size));
}

/// Random +-1 vectors of Freivalds' test, and what is shared by both generators when the right
/// operand is fixed (a weight): B r for each generator's r, and |B| 1.
template <class F>
struct FreivaldsPrep {
  using Vector = Eigen::Matrix<F, Eigen::Dynamic, 1>;
  std::array<Vector, 2> r;
  bool fixed_b = false;
  std::array<Vector, 2> br;
  Vector b_abs_rows;
  bool rows = false;  ///< A as [rows, k] and f(x) as [rows, p] (fixed 2-D B): |A| |B| 1 and |f(x)| 1 below
  Vector a_magnitude, out_abs_rows;
};

template <class F>
class NumericRun : public numeric::GraphEvaluation<F> {
  using Base = numeric::GraphEvaluation<F>;
  using Base::a_, Base::options_, Base::real_, Base::values_, Base::views_, Base::uses_, Base::threads_;
  using Base::draw, Base::operand, Base::tensor, Base::release, Base::magnitude, Base::forward, Base::fast_eval, Base::transpose_perm;

 public:
  NumericRun(const Analysis& a, const CheckOptions& options) : Base(a, options), u_(std::numeric_limits<F>::epsilon() / 2) {}

  void run(CheckReport& report) {
    const auto& g = a_.graph;
    // Remaining uses of each value: graph outputs stay until the end.
    for (const auto index : g.order)
      for (const auto& in : g.graph.nodes[index].inputs) ++uses_[in];
    for (const auto& out : g.graph.outputs) ++uses_[out];
    for (const auto& in : g.graph.inputs) values_[in.name] = draw(in.name, g.types.at(in.name));

    std::map<std::string, std::set<std::string>, std::less<>> culprits_of;
    std::set<std::string, std::less<>> undecided;  // values downstream of an unknown node
    std::size_t done = 0;
    const auto total = g.order.size();
    for (const auto index : g.order) {
      const auto& node = g.graph.nodes[index];
      std::vector<Operand<F>> ops;
      bool fast = true;
      auto outputs = this->forward_from_values(node, ops, fast);

      NodeReport r;
      r.node = node.name;
      r.op = node.op;
      r.scope = node.scope;
      std::set<std::string> upstream;
      bool depends = false, inputs_undecided = false;
      for (const auto& in : node.inputs) {
        inputs_undecided = inputs_undecided || undecided.count(in) > 0;
        const auto& s = a_.states.at(in);
        depends = depends || s.depends;
        r.inputs.emplace_back(in, s.representable ? describe(s.action) : "unknown");
        if (const auto it = culprits_of.find(in); it != culprits_of.end()) upstream.insert(it->second.begin(), it->second.end());
      }
      const auto& claim = a_.claims[index];
      r.method = std::string("numeric ") + (std::is_same_v<F, float> ? "float32" : "float64");
      if (!depends) {
        r.method = "static";
        r.verdict = Verdict::Invariant;
        r.action = "invariant";
      } else if (!claim.representable) {
        r.verdict = Verdict::Unknown;
        r.note = claim.reason;
      } else {
        r.action = describe(claim.outputs[0]);
        const std::array<std::pair<std::string, Permutation>, 2> gens{{{"transposition", transposition(a_.tokens)}, {"n-cycle", n_cycle(a_.tokens)}}};
        std::array<Comparison, 2> results;
        const bool freivalds_node = is_freivalds_product(node, ops);
        if (fast && commutes_exactly(node, index, ops, outputs)) {
          // Both sides bit for bit equal (see the top of this file): difference 0.
          const double tol = generic_tolerance(node, ops, outputs);
          for (auto& c : results) c.add(0.0, 0.0, tol);
        } else {
          const double tol = freivalds_node ? 0.0 : generic_tolerance(node, ops, outputs);
          FreivaldsPrep<F> prep;
          if (freivalds_node) prep = prepare_freivalds(node, index, ops, outputs);
          // The generic evaluator reads tensors: materialise the stored operands before the
          // generators run side by side.
          if (!fast)
            for (const auto& in : node.inputs) (void)tensor(in);
          // The two generators are independent tests: run side by side when there is enough work
          // to pay for waking a second thread (the kernels inside then stay on one thread each).
          std::size_t work = 0;
          for (std::size_t k = 0; k < ops.size(); ++k)
            if (!action_of(node.inputs[k]).invariant()) work += ops[k].size;
          for (const auto& o : outputs) work += o.data.size();
          // A second matrix product (Gemm) is enough work too: two single-threaded products side
          // by side beat two split ones in a row.
          const bool side_by_side = threads_ > 1 && (work >= (std::size_t{1} << 20) || node.op == "Gemm");
          if (side_by_side) {
            std::array<std::exception_ptr, 2> errors;
#pragma omp parallel for num_threads(2)
            for (int gi = 0; gi < 2; ++gi) {
              const auto k = static_cast<std::size_t>(gi);
              try {
                results[k] = compare(node, index, ops, outputs, gens[k].second, tol, fast, prep, k);
              } catch (...) {
                errors[k] = std::current_exception();
              }
            }
            for (const auto& e : errors)
              if (e) std::rethrow_exception(e);
          } else {
            // One after the other, outside any parallel region, so that the kernels inside may
            // use the threads.
            for (std::size_t k = 0; k < 2; ++k) results[k] = compare(node, index, ops, outputs, gens[k].second, tol, fast, prep, k);
          }
        }
        Comparison worst;
        std::string worst_generator;
        for (std::size_t gi = 0; gi < 2; ++gi)
          if (results[gi].worst_ratio >= worst.worst_ratio) {
            worst = results[gi];
            worst_generator = gens[gi].first;
          }
        r.max_abs_error = worst.max_abs;
        r.max_rel_error = worst.max_rel;
        r.tolerance = worst.tolerance;
        if (worst.worst_ratio > options_.numeric_unknown_band) {
          r.verdict = Verdict::Breaks;
          r.note = "inputs transform as claimed, the output is not " + r.action + " (" + worst_generator + ": difference " +
                   fmt(worst.max_abs) + ", " + fmt(worst.worst_ratio) + " x the tolerance " + fmt(worst.tolerance) + ")";
          confirm_exactly(node, index, ops, worst_generator == gens[0].first ? gens[0] : gens[1], r);
        } else if (worst.worst_ratio > 1.0) {
          r.verdict = Verdict::Unknown;
          r.note = "difference " + fmt(worst.max_abs) + " is near the rounding tolerance " + fmt(worst.tolerance) + ": no verdict";
        } else {
          r.verdict = claim.outputs[0].invariant() ? Verdict::Invariant : Verdict::Equivariant;
          r.note = "agrees within rounding (largest difference " + fmt(worst.max_abs) + ", tolerance " + fmt(worst.tolerance) + ")";
        }
        if (r.verdict != Verdict::Breaks && !upstream.empty()) {
          r.verdict = Verdict::Inherits;
          r.inherited_from.assign(upstream.begin(), upstream.end());
        }
      }
      if (r.verdict == Verdict::Breaks) upstream.insert(node.name);
      for (const auto& out : node.outputs) {
        culprits_of[out] = upstream;
        if (inputs_undecided || r.verdict == Verdict::Unknown) undecided.insert(out);
      }
      if (r.verdict == Verdict::Breaks) report.culprits.push_back(node.name);

      ops.clear();
      for (std::size_t k = 0; k < outputs.size(); ++k) values_[node.outputs[k]] = std::move(outputs[k]);
      for (const auto& in : node.inputs) release(in);
      report.nodes.push_back(std::move(r));
      ++done;
      if (options_.advance) options_.advance("numeric check", done, total);
      else if (options_.progress && (done % 50 == 0 || done == total))
        options_.progress("numeric: " + std::to_string(done) + "/" + std::to_string(total) + " nodes");
    }
    // An output downstream of a culprit breaks only if the graph's own output shows it: one more
    // forward pass on the moved inputs, compared with every candidate claim.
    std::map<std::string, Tensor<F>, std::less<>> plain_outputs;
    for (const auto& out : g.graph.outputs) plain_outputs[out] = tensor(out);
    std::map<std::string, std::string, std::less<>> shown;  // output -> how the break shows
    std::map<std::string, std::string, std::less<>> hidden;  // output -> why it does not
    const bool needed = std::any_of(g.graph.outputs.begin(), g.graph.outputs.end(), [&](const std::string& out) {
      return !culprits_of[out].empty() && a_.states.at(out).representable;
    });
    if (needed)
      for (const auto& [generator, sigma] : {std::pair{std::string("transposition"), transposition(a_.tokens)}, {std::string("n-cycle"), n_cycle(a_.tokens)}}) {
        const auto moved = moved_outputs(sigma);
        for (const auto& out : g.graph.outputs) {
          if (culprits_of[out].empty() || shown.count(out) || !a_.states.at(out).representable) continue;
          const auto& plain = plain_outputs.at(out);
          const double scale = numeric::max_abs_finite(plain.data.data(), plain.data.size());
          // Far above any rounding of a forward pass: a relative difference of 1e-2 in float32
          // (1e-8 in float64) of the output's largest magnitude.
          const double threshold = (std::is_same_v<F, float> ? 1e-2 : 1e-8) * std::max(scale, 1e-30);
          double smallest = std::numeric_limits<double>::infinity();
          for (const auto& candidate : candidate_actions(a_, out, a_.states.at(out).action)) {
            const auto expected = apply_action(plain, candidate, sigma);
            double diff = moved.at(out).shape == expected.shape ? 0.0 : std::numeric_limits<double>::infinity();
            for (std::size_t i = 0; diff < std::numeric_limits<double>::infinity() && i < expected.data.size(); ++i) {
              const double d = std::fabs(static_cast<double>(moved.at(out).data[i]) - static_cast<double>(expected.data[i]));
              diff = std::isnan(d) ? std::numeric_limits<double>::infinity() : std::max(diff, d);
            }
            smallest = std::min(smallest, diff);
          }
          if (smallest > threshold)
            shown[out] = generator + ": the output differs from every candidate claim by at least " + fmt(smallest) + ", above the threshold " +
                         fmt(threshold) + " (" + (std::is_same_v<F, float> ? "1e-2" : "1e-8") + " of its largest magnitude " + fmt(scale) +
                         ", far above rounding); " + draws_text();
          else hidden[out] = "the graph's output agrees with a candidate claim within " + fmt(smallest) + " under the " + generator;
        }
      }
    for (const auto& out : g.graph.outputs) {
      OutputReport o;
      o.output = out;
      const auto& s = a_.states.at(out);
      o.action = s.representable ? describe(s.action) : "unknown";
      const auto& upstream = culprits_of[out];
      if (!upstream.empty() && shown.count(out)) {
        o.verdict = Verdict::Breaks;
        o.culprits.assign(upstream.begin(), upstream.end());
        o.note = "for these weights, in floating point, end to end (" + shown.at(out) + ")";
      } else if (!upstream.empty()) {
        o.verdict = Verdict::Unknown;
        o.culprits.assign(upstream.begin(), upstream.end());
        o.note = "upstream nodes break for these weights, but " + hidden[out] + ": no verdict";
      } else if (!s.representable || undecided.count(out)) {
        o.verdict = Verdict::Unknown;
        o.note = "some node's difference is near the rounding tolerance, or its action is unknown";
      } else if (merges_tokens(a_, s.action)) {
        o.verdict = Verdict::Unknown;
        o.note = "its token axis is merged with another (it moves " + describe(s.action) + "), which is not a permutation of its tokens";
      } else {
        o.verdict = s.action.invariant() ? Verdict::Invariant : Verdict::Equivariant;
        for (const auto& ax : s.action.axes) o.axes.push_back(ax.axis);
        o.note = "for these weights, within floating-point rounding at n = " + std::to_string(a_.tokens) + ": evidence, not proof";
      }
      report.outputs.push_back(std::move(o));
    }
  }

 private:
  using Matrix = Eigen::Matrix<F, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using Vector = Eigen::Matrix<F, Eigen::Dynamic, 1>;
  using MatrixMap = Eigen::Map<const Matrix>;

  static std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
  }

  /// How the run's random values were drawn, so that a reader can replay it.
  std::string draws_text() const {
    const bool drawn_weights = std::any_of(a_.graph.graph.parameters.begin(), a_.graph.graph.parameters.end(),
                                           [](const Parameter& p) { return p.kind == ParameterKind::Weight && !p.data; });
    return std::string("draw: the inputs") + (drawn_weights ? " and the free weights" : "") + " from seed " + std::to_string(options_.seed) +
           " (each value from the seed and its name, uniform of variance 1, drawn when first read and released after its last use), n = " +
           std::to_string(a_.tokens);
  }

  /// The graph's outputs on the inputs moved by sigma: a second forward pass with the same weights
  /// (every value is drawn from its own seed), streamed like the first.
  std::map<std::string, Tensor<F>, std::less<>> moved_outputs(const Permutation& sigma) {
    std::map<std::string, Tensor<F>, std::less<>> inputs;
    for (const auto& in : a_.graph.graph.inputs) inputs[in.name] = apply_action(this->draw(in.name, a_.graph.types.at(in.name)), a_.states.at(in.name).action, sigma);
    return this->pass(std::move(inputs), [](const Node&, const std::vector<Tensor<F>>&) {});
  }

  // -------------------------------------------------------------------------------------------
  // The exact shortcut (see the top of this file).

  const Action& action_of(const std::string& value) const { return a_.states.at(value).action; }

  static bool same_action(const Action& derived, const Action& claimed) { return derived.axes == claimed.axes; }

  /// True when f(sigma x) == sigma f(x) bit for bit for this node's kernel and every sigma, so
  /// that evaluating and comparing would report a difference of exactly 0.
  bool commutes_exactly(const Node& node, std::size_t index, const std::vector<Operand<F>>& ops, const std::vector<Tensor<F>>& outputs) const {
    const auto& claim = a_.claims[index];
    if (!claim.representable || claim.outputs.size() != 1 || outputs.size() != 1) return false;
    const auto& claimed = claim.outputs[0];
    const auto& op = node.op;
    if (numeric::binary_of(op) && ops.size() == 2) {
      // Pointwise with broadcasting: output axis d reads operand axis d - (R - r_k).
      const auto& out_shape = outputs[0].shape;
      const int R = static_cast<int>(out_shape.size());
      Action derived;
      for (std::size_t k = 0; k < 2; ++k) {
        const int shift = R - static_cast<int>(ops[k].shape.size());
        for (const auto& ax : action_of(node.inputs[k]).axes) {
          if (ops[k].shape[static_cast<std::size_t>(ax.axis)] != out_shape[static_cast<std::size_t>(ax.axis + shift)]) return false;
          if (const auto o = derived.offset_on(ax.axis + shift); o && *o != ax.offset) return false;
          derived.add(ax.axis + shift, ax.offset);
        }
      }
      // Every operand spread along an acted output axis must be acted there alike.
      for (const auto& ax : derived.axes)
        for (std::size_t k = 0; k < 2; ++k) {
          const int aligned = ax.axis - (R - static_cast<int>(ops[k].shape.size()));
          if (aligned < 0 || ops[k].shape[static_cast<std::size_t>(aligned)] == 1) continue;
          if (action_of(node.inputs[k]).offset_on(aligned) != std::optional<std::int64_t>(ax.offset)) return false;
        }
      return same_action(derived, claimed);
    }
    if (ops.size() != 1) return false;
    const auto& in_action = action_of(node.inputs[0]);
    if (op == "Sqrt" || op == "Erf" || op == "Pow") return same_action(in_action, claimed);
    if (op == "ReduceMean") {
      // The kernel reduces a trailing block of axes; acted axes must all lie before it, where the
      // output keeps the same axis numbers (with or without keepdims).
      const auto axes = kernels::reduced_axes(node, ops[0].shape.size());
      if (axes.empty()) return false;
      for (const auto& ax : in_action.axes)
        if (ax.axis >= axes.front()) return false;
      return same_action(in_action, claimed);
    }
    if (op == "Softmax") {
      const int last = static_cast<int>(ops[0].shape.size()) - 1;
      for (const auto& ax : in_action.axes)
        if (ax.axis == last) return false;
      return same_action(in_action, claimed);
    }
    if (op == "Transpose") {
      const auto p = transpose_perm(node, ops[0].shape.size());
      if (!p) return false;
      Action derived;
      for (std::size_t j = 0; j < p->size(); ++j)
        if (const auto o = in_action.offset_on(static_cast<int>((*p)[j]))) derived.add(static_cast<int>(j), *o);
      return same_action(derived, claimed);
    }
    if (op == "Slice") {
      // Copies of input elements: commutes when every acted axis keeps its whole range in order.
      const auto w = numeric::slice_windows(node, ops[0].shape);
      if (!w) return false;
      for (const auto& ax : in_action.axes) {
        const auto& win = (*w)[static_cast<std::size_t>(ax.axis)];
        if (win.start != 0 || win.step != 1 || win.count != ops[0].shape[static_cast<std::size_t>(ax.axis)]) return false;
      }
      return same_action(in_action, claimed);
    }
    if (op == "Reshape") {
      const auto derived = kernels::reshaped_action(in_action, ops[0].shape, outputs[0].shape);
      return derived && same_action(*derived, claimed);
    }
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Tolerances.

  /// Largest number of terms summed into one output element: the size of a contracted or
  /// reduced axis, bounded by the input sizes; at least the number of tokens.
  std::int64_t reduction_length(const std::vector<Operand<F>>& ops, const std::vector<Tensor<F>>& outputs) const {
    std::int64_t longest = a_.tokens;
    for (const auto& in : ops)
      for (const auto d : in.shape) longest = std::max(longest, d);
    for (const auto& out : outputs)
      for (const auto d : out.shape) longest = std::max(longest, d);
    return longest;
  }

  /// Rounding tolerance of a node evaluated twice on the same real numbers in different orders.
  double generic_tolerance(const Node& node, const std::vector<Operand<F>>& ops, const std::vector<Tensor<F>>& outputs) {
    double m = 0.0;
    for (std::size_t k = 0; k < ops.size(); ++k) m = std::max(m, magnitude(node.inputs[k], ops[k].data, ops[k].size));
    for (std::size_t k = 0; k < outputs.size(); ++k) m = std::max(m, magnitude(node.outputs[k], outputs[k].data.data(), outputs[k].data.size()));
    return options_.numeric_tolerance_factor * static_cast<double>(reduction_length(ops, outputs) + 4) * u_ * std::max(m, 1.0);
  }

  // -------------------------------------------------------------------------------------------
  // The comparison.

  /// Replays a float break at the node in exact arithmetic, on the node's float inputs read as
  /// the exact binary fractions they are. Confirmed: the exact witness is attached. Not confirmed
  /// (the difference came from rounding or from a real function the exact engine treats as
  /// generic): the node is unknown. Too much work for exact arithmetic: the float evidence stands,
  /// and the note says it was not replayed.
  void confirm_exactly(const Node& node, std::size_t index, const std::vector<Operand<F>>& ops, const std::pair<std::string, Permutation>& generator,
                       NodeReport& r) const {
    std::int64_t work = 0;
    for (const auto& in : ops) work += static_cast<std::int64_t>(in.size);
    if (node.op == "MatMul" || node.op == "Gemm" || node.op == "Conv1d") work *= std::max<std::int64_t>(ops[0].shape.back(), 1);
    if (work > max_exact_replay_work) {
      r.note += "; too large to replay exactly at the node";
      return;
    }
    std::vector<Tensor<Rational>> exact;
    std::vector<Action> actions;
    for (std::size_t k = 0; k < ops.size(); ++k) {
      if (std::any_of(ops[k].data, ops[k].data + ops[k].size, [](F v) { return std::isnan(v); })) {
        r.note += "; not replayed exactly (an input holds NaN)";
        return;
      }
      // Infinities (masks) are exact as extended rationals (infinite_rational).
      exact.push_back(convert_tensor<Rational>(to_tensor(ops[k]), [](F v) {
        return std::isinf(v) ? rational_from_double(static_cast<double>(v)) : Rational(static_cast<double>(v));
      }));
      actions.push_back(a_.states.at(node.inputs[k]).action);
    }
    auto witness = find_mismatch(node, node.inputs, exact, actions, a_.claims[index].outputs, generator.second, generator.first);
    if (witness) {
      witness->token_dim = a_.token_dim;
      r.witness = std::move(witness);
      r.note += "; confirmed exactly at the node (witness attached)";
    } else {
      r.verdict = Verdict::Unknown;
      r.note += "; but exact evaluation at the node shows no break, so the float difference is rounding or a property of the "
                "real function: no verdict";
    }
  }

  /// Compares f(sigma x) with sigma f(x) at one node for one generator. Thread-safe: reads
  /// shared state only.
  Comparison compare(const Node& node, std::size_t index, const std::vector<Operand<F>>& ops, const std::vector<Tensor<F>>& outputs,
                     const Permutation& sigma, double tol, bool fast, const FreivaldsPrep<F>& prep, std::size_t generator) const {
    const auto& claim = a_.claims[index];
    if (node.op == "MatMul")
      if (auto c = freivalds_rows(node, ops, outputs[0], claim.outputs[0], sigma, prep, generator)) return *c;
    // Where sigma f(x) reads f(x), run by run; an input of the same shape and action reads alike.
    std::vector<std::optional<numeric::PermutedRuns>> out_runs(outputs.size());
    if (!is_freivalds_product(node, ops))
      for (std::size_t k = 0; k < outputs.size(); ++k) out_runs[k] = numeric::permuted_runs(outputs[k].shape, claim.outputs[k], sigma);
    // Inputs the action leaves alone (weights, constants) are used in place, not copied.
    std::vector<Tensor<F>> moved;
    moved.reserve(ops.size());
    std::vector<Operand<F>> permuted;
    for (std::size_t k = 0; k < ops.size(); ++k) {
      const auto& action = action_of(node.inputs[k]);
      if (action.invariant()) {
        permuted.push_back(ops[k]);
      } else if (!outputs.empty() && out_runs[0] && ops[k].shape == outputs[0].shape && action == claim.outputs[0]) {
        permuted.push_back(numeric::operand_of(moved.emplace_back(numeric::apply_runs(ops[k], *out_runs[0]))));
      } else {
        permuted.push_back(numeric::operand_of(moved.emplace_back(numeric::apply_action_fast(ops[k], action, sigma))));
      }
    }
    if (is_freivalds_product(node, permuted)) return freivalds(permuted[0], permuted[1], outputs[0], claim.outputs[0], sigma, prep, generator);

    std::vector<Tensor<F>> got;
    std::optional<std::vector<Tensor<F>>> fast_got;
    if (fast) fast_got = fast_eval(node, permuted);
    if (fast_got) {
      got = std::move(*fast_got);
    } else {
      std::vector<Tensor<F>> copies;
      copies.reserve(ops.size());
      std::vector<const Tensor<F>*> ptrs;
      std::size_t next_moved = 0;
      for (std::size_t k = 0; k < ops.size(); ++k) {
        if (!action_of(node.inputs[k]).invariant()) ptrs.push_back(&moved[next_moved++]);
        else if (const auto it = values_.find(node.inputs[k]); it != values_.end()) ptrs.push_back(&it->second);
        else ptrs.push_back(&copies.emplace_back(to_tensor(ops[k])));
      }
      got = evaluate_node<F>(node, ptrs, real_);
    }
    Comparison c;
    for (std::size_t k = 0; k < outputs.size(); ++k) {
      if (outputs[k].shape != got[k].shape) {
        c.add(0.0, std::numeric_limits<double>::infinity(), tol);
        continue;
      }
      // Against sigma f(x) read in place, run by run; one pass for the largest difference; NaN
      // on one side only is a difference too.
      const auto& runs = *out_runs[k];
      const auto inner = static_cast<std::size_t>(runs.inner);
      double max_abs = 0.0, max_rel = 0.0;
      bool nan_mismatch = false;
      const F* g = got[k].data.data();
      for (std::size_t run = 0; run < runs.source.size(); ++run) {
        const F* gr = g + run * inner;
        const F* e = outputs[k].data.data() + runs.source[run];
        for (std::size_t i = 0; i < inner; ++i) {
          const double diff = std::fabs(static_cast<double>(gr[i]) - static_cast<double>(e[i]));
          max_abs = std::max(max_abs, diff);
          if (diff > 0 && e[i] != 0) max_rel = std::max(max_rel, diff / std::fabs(static_cast<double>(e[i])));
          nan_mismatch = nan_mismatch || (std::isnan(gr[i]) != std::isnan(e[i]));
        }
      }
      if (nan_mismatch) c.add(0.0, std::numeric_limits<double>::infinity(), tol);
      c.add(max_abs, 0.0, tol);
      c.max_rel = std::max(c.max_rel, max_rel);
    }
    return c;
  }

  static bool is_freivalds_product(const Node& node, const std::vector<Operand<F>>& operands) {
    return node.op == "MatMul" && operands.size() == 2 && operands[0].shape.size() >= 2 && operands[1].shape.size() >= 2;
  }

  /// The random vectors (one per generator, as drawn before: seed ^ (2 index + generator)) and,
  /// for a fixed 2-D right operand, B r and |B| 1 in one pass over B, shared by both generators.
  FreivaldsPrep<F> prepare_freivalds(const Node& node, std::size_t index, const std::vector<Operand<F>>& ops, const std::vector<Tensor<F>>& outputs) const {
    FreivaldsPrep<F> prep;
    const auto& B = ops[1];
    const auto p = B.shape.back();
    for (std::size_t gi = 0; gi < 2; ++gi) {
      std::mt19937_64 rng(options_.seed ^ (index * 2 + gi));
      std::uniform_int_distribution<int> coin(0, 1);
      prep.r[gi].resize(p);
      for (std::int64_t j = 0; j < p; ++j) prep.r[gi][j] = coin(rng) ? F(1) : F(-1);
    }
    if (B.shape.size() != 2 || !action_of(node.inputs[1]).invariant()) return prep;
    prep.fixed_b = true;
    const auto k = B.shape[0];
    for (auto& v : prep.br) v.resize(k);
    prep.b_abs_rows.resize(k);
    {
      // One pass over each row of B for the three sums.
      using namespace Eigen::internal;
      using P = typename packet_traits<F>::type;
      constexpr std::int64_t width = packet_traits<F>::size;
      const F* r0 = prep.r[0].data();
      const F* r1 = prep.r[1].data();
      for (std::int64_t i = 0; i < k; ++i) {
        const F* row = B.data + i * p;
        P s0 = pset1<P>(F(0)), s1 = s0, sa = s0;
        std::int64_t j = 0;
        for (; j + width <= p; j += width) {
          const P v = ploadu<P>(row + j);
          s0 = pmadd(v, ploadu<P>(r0 + j), s0);
          s1 = pmadd(v, ploadu<P>(r1 + j), s1);
          sa = padd(sa, pabs(v));
        }
        F t0 = predux(s0), t1 = predux(s1), ta = predux(sa);
        for (; j < p; ++j) {
          t0 += row[j] * r0[j];
          t1 += row[j] * r1[j];
          ta += std::fabs(row[j]);
        }
        prep.br[0][i] = t0;
        prep.br[1][i] = t1;
        prep.b_abs_rows[i] = ta;
      }
    }
    const auto& A = ops[0];
    if (k > 0 && A.shape.back() == k && outputs.size() == 1 && outputs[0].data.size() == A.size / static_cast<std::size_t>(k) * static_cast<std::size_t>(p)) {
      const auto rows = static_cast<std::int64_t>(A.size) / k;
      prep.rows = true;
      prep.a_magnitude = MatrixMap(A.data, rows, k).cwiseAbs() * prep.b_abs_rows;
      prep.out_abs_rows = MatrixMap(outputs[0].data.data(), rows, p).cwiseAbs().rowwise().sum();
    }
    return prep;
  }

  /// Freivalds for X W with a fixed 2-D W when the actions move whole rows of X and of f(x):
  /// A' (W r) and (sigma f(x)) r are rows of A (W r) and f(x) r, computed on the unpermuted
  /// operands and read through the row permutation, without copying either. nullopt: the
  /// actions act within rows.
  std::optional<Comparison> freivalds_rows(const Node& node, const std::vector<Operand<F>>& ops, const Tensor<F>& output, const Action& out_action,
                                           const Permutation& sigma, const FreivaldsPrep<F>& prep, std::size_t generator) const {
    if (!prep.fixed_b || !prep.rows) return std::nullopt;
    const auto& A = ops[0];
    const auto k = ops[1].shape[0], p = ops[1].shape[1];
    const auto rows = static_cast<std::int64_t>(A.size) / k;
    const auto a_rows = numeric::row_sources(numeric::permuted_runs(A.shape, action_of(node.inputs[0]), sigma), k, rows);
    const auto e_rows = numeric::row_sources(numeric::permuted_runs(output.shape, out_action, sigma), p, rows);
    if (!a_rows || !e_rows) return std::nullopt;
    const Vector got = MatrixMap(A.data, rows, k) * prep.br[generator];
    const Vector want = MatrixMap(output.data.data(), rows, p) * prep.r[generator];
    Comparison c;
    for (std::int64_t i = 0; i < rows; ++i) {
      const auto ai = (*a_rows)[static_cast<std::size_t>(i)], ei = (*e_rows)[static_cast<std::size_t>(i)];
      const double tol = options_.numeric_tolerance_factor * static_cast<double>(k + p + 4) * u_ *
                         std::max({static_cast<double>(prep.a_magnitude[ai]), static_cast<double>(prep.out_abs_rows[ei]), 1e-30});
      c.add(got[ai], want[ei], tol);
    }
    return c;
  }

  /// MatMul with both operands of rank >= 2 and equal batch shapes after broadcasting: compares
  /// A' (B' r) with (sigma f(x)) r for one random +-1 vector r.
  Comparison freivalds(const Operand<F>& A, const Operand<F>& B, const Tensor<F>& output, const Action& out_action, const Permutation& sigma,
                       const FreivaldsPrep<F>& prep, std::size_t generator) const {
    const auto expected = numeric::apply_action_fast(numeric::operand_of(output), out_action, sigma);
    const auto m = A.shape[A.shape.size() - 2], k = A.shape.back(), p = B.shape.back();
    const auto mk = std::max<std::int64_t>(m * k, 1), kp = std::max<std::int64_t>(k * p, 1), mp = std::max<std::int64_t>(m * p, 1);
    const auto a_batches = static_cast<std::int64_t>(A.size) / mk, b_batches = static_cast<std::int64_t>(B.size) / kp;
    const auto batches = static_cast<std::int64_t>(expected.data.size()) / mp;
    if ((a_batches != batches && a_batches != 1) || (b_batches != batches && b_batches != 1) || expected.shape.size() < 2 ||
        expected.shape.back() != p || static_cast<std::int64_t>(prep.r[generator].size()) != p) {
      // General broadcasting: fall back to the full product.
      const auto a = to_tensor(A), b = to_tensor(B);
      const std::vector<const Tensor<F>*> ptrs{&a, &b};
      Node matmul;
      matmul.name = "freivalds";
      matmul.op = "MatMul";
      const auto got = evaluate_node<F>(matmul, ptrs, real_);
      Comparison c;
      const double tol = options_.numeric_tolerance_factor * static_cast<double>(k + 4) * u_ *
                         std::max({numeric::max_abs_finite(A.data, A.size) * numeric::max_abs_finite(B.data, B.size) * static_cast<double>(k), 1.0});
      if (got[0].data.size() != expected.data.size()) {
        c.add(0.0, std::numeric_limits<double>::infinity(), tol);
        return c;
      }
      for (std::size_t i = 0; i < got[0].data.size(); ++i) c.add(got[0].data[i], expected.data[i], tol);
      return c;
    }
    const Vector& r = prep.r[generator];
    Comparison c;
    // Rounding of both sides is bounded by the magnitudes |A| (|B| |r|) and |E| |r|.
    auto check_rows = [&](const Vector& got, const Vector& want, const Vector& magnitude, const Vector& want_abs) {
      for (Eigen::Index i = 0; i < got.size(); ++i) {
        const double tol = options_.numeric_tolerance_factor * static_cast<double>(k + p + 4) * u_ * std::max({static_cast<double>(magnitude[i]), static_cast<double>(want_abs[i]), 1e-30});
        c.add(got[i], want[i], tol);
      }
    };
    if (b_batches == 1 && a_batches == batches) {
      // One right operand: every row of every batch of A' times the same B r.
      const auto rows = static_cast<std::int64_t>(A.size) / std::max<std::int64_t>(k, 1);
      MatrixMap a(A.data, rows, k), b(B.data, k, p), e(expected.data.data(), rows, p);
      const Vector br = prep.fixed_b ? prep.br[generator] : Vector(b * r);
      const Vector b_abs_rows = prep.fixed_b ? prep.b_abs_rows : Vector(b.cwiseAbs().rowwise().sum());
      check_rows(a * br, e * r, a.cwiseAbs() * b_abs_rows, e.cwiseAbs().rowwise().sum());
      return c;
    }
    for (std::int64_t t = 0; t < batches; ++t) {
      MatrixMap a(A.data + (a_batches == 1 ? 0 : t * m * k), m, k);
      MatrixMap b(B.data + (b_batches == 1 ? 0 : t * k * p), k, p);
      MatrixMap e(expected.data.data() + t * m * p, m, p);
      const Vector br = b * r;
      const Vector b_abs_rows = b.cwiseAbs().rowwise().sum();
      check_rows(a * br, e * r, a.cwiseAbs() * b_abs_rows, e.cwiseAbs().rowwise().sum());
    }
    return c;
  }

  double u_;
};

/// "8", "2.5", "1e+03": a factor as a person would type it on the command line.
std::string number_text(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", x);
  return buffer;
}

}  // namespace

std::int64_t numeric_peak_values(const Analysis& a) {
  // The engine's own streaming: inputs from the start, a parameter from its first use (drawn or
  // read then), every value until its last use, the graph's outputs to the end.
  const auto& g = a.graph;
  std::map<std::string, std::int64_t, std::less<>> uses;
  for (const auto index : g.order)
    for (const auto& in : g.graph.nodes[index].inputs) ++uses[in];
  for (const auto& out : g.graph.outputs) ++uses[out];
  std::set<std::string, std::less<>> live;
  std::int64_t held = 0, peak = 0;
  for (const auto& in : g.graph.inputs) {
    live.insert(in.name);
    held += element_count(g.types.at(in.name).shape);
  }
  for (const auto index : g.order) {
    const auto& node = g.graph.nodes[index];
    std::int64_t working = 0;
    for (const auto& in : node.inputs)
      if (live.insert(in).second) held += element_count(g.types.at(in).shape);
    // Both sides of the comparison beside the output.
    for (const auto& out : node.outputs) working += 3 * element_count(g.types.at(out).shape);
    peak = std::max(peak, held + working);
    for (const auto& out : node.outputs)
      if (live.insert(out).second) held += element_count(g.types.at(out).shape);
    for (const auto& in : node.inputs)
      if (--uses[in] <= 0 && live.erase(in)) held -= element_count(g.types.at(in).shape);
  }
  return std::max(peak, held);
}

void run_numeric_engine(const Analysis& a, const CheckOptions& options, CheckReport& report) {
  if (!(options.numeric_tolerance_factor > 0) || !std::isfinite(options.numeric_tolerance_factor))
    throw Error(ErrorKind::Usage, "--tolerance must be a positive factor, got " + number_text(options.numeric_tolerance_factor));
  if (!(options.numeric_unknown_band >= 1) || !std::isfinite(options.numeric_unknown_band))
    throw Error(ErrorKind::Usage, "--unknown-band must be a factor of at least 1 (1: no unknown band), got " + number_text(options.numeric_unknown_band));
  if (a.weights_acted)
    throw Error(ErrorKind::Usage, "the numeric engine permutes inputs only; permuted weights (intra-token transforms) need the exact or proof engine");
  set_kernel_threads(options.threads);
  if (options.precision == Precision::Float64) NumericRun<double>(a, options).run(report);
  else NumericRun<float>(a, options).run(report);
  const bool stored = std::any_of(a.graph.graph.parameters.begin(), a.graph.graph.parameters.end(), [](const Parameter& p) {
    return p.kind == ParameterKind::Weight && p.data.has_value();
  });
  report.engine = std::string("numeric ") + (options.precision == Precision::Float64 ? "float64" : "float32");
  report.scope = "numeric test in " + std::string(options.precision == Precision::Float64 ? "float64" : "float32") + " at n = " +
                 std::to_string(a.tokens) + " with both generators of S_n, on " + (stored ? "the model's stored weights" : "random weights (uniform, variance 1)") +
                 " and one random input: an instance-level verdict for these weights. A node breaks when f(sigma x) and sigma f(x) "
                 "differ by more than " + number_text(options.numeric_unknown_band) + " times the rounding tolerance " +
                 number_text(options.numeric_tolerance_factor) + " (K + 4) u M (--unknown-band " + number_text(options.numeric_unknown_band) +
                 ", --tolerance " + number_text(options.numeric_tolerance_factor) + "); a node within the tolerance agrees, one between is unknown. "
                 "Not a proof.";
}

}  // namespace permeq
