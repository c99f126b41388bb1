// The numeric engine: the per-node tests of the exact engine, in floating point, on the graph's
// own weights, streamed through the graph so that only live values are held. It states what it
// saw as findings (src/check/findings.hpp); the verdicts are assembled by the same code as the
// exact engine's, with the numeric engine's rules (AssemblyRules).
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
// Outputs. A break at a node reaches an output only if the graph's own output shows it: the
// forward pass on the inputs moved by each generator, compared with every candidate claim. When
// the architecture-level check has already refuted nodes, these two passes run beside the
// per-node tests, node by node on the same weights (each drawn or widened once: at 70B-like sizes
// drawing is most of a pass); otherwise they run after a break, as passes of their own, so that a
// check without breaks pays nothing for them.
//
// Speed. Stored float32 weights are read in place (never copied into tensors); the hot operators
// run on the engine's own kernels (src/ops/float_kernels.hpp); anything else goes through the
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
#include "src/check/numeric/freivalds.hpp"
#include "src/check/numeric/output_difference.hpp"
#include "src/gpu/device.hpp"
#include "src/gpu/error_model.hpp"
#include "src/ops/float_kernels.hpp"
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
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace permeq {
namespace {

/// The engine allocates and frees activation-sized buffers (about 0.1 to 10 MB) at every node.
/// With glibc's defaults the free space at the top of the heap is handed back to the kernel
/// (trimmed) almost at once, so the next buffer is fresh pages: a page fault and a zero fill per
/// 4 KB, which cost more than the whole check's arithmetic (BERT-base: 2.1 s against 0.8 s).
/// Keeping up to 64 MB of free heap, and serving buffers up to 32 MB from the heap, reuses the
/// pages. Larger buffers (streamed weights of big models) are still mapped and unmapped on their
/// own, so the resident memory of a streamed check stays about one layer.
void keep_freed_buffers_mapped() {
#ifdef __GLIBC__
  static const bool once = [] {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    return true;
  }();
  (void)once;
#endif
}

using numeric::Comparison;
using numeric::FreivaldsPrep;
using numeric::Operand;
using numeric::short_number;
using numeric::to_tensor;

/// Exact replays of float breaks are attempted up to this many scalar operations.
constexpr std::int64_t max_exact_replay_work = 4'000'000;

template <class F>
class NumericRun : public numeric::GraphEvaluation<F> {
  using Base = numeric::GraphEvaluation<F>;
  using Base::a_, Base::options_, Base::real_, Base::values_, Base::views_, Base::uses_, Base::threads_;
  using Base::draw, Base::operand, Base::tensor, Base::release, Base::magnitude, Base::forward, Base::fast_eval, Base::for_both;

 public:
  NumericRun(const Analysis& a, const CheckOptions& options, bool breaks_expected)
      : Base(a, options), u_(std::numeric_limits<F>::epsilon() / 2), tolerance_factor_(options.numeric_tolerance_factor), lanes_on_(breaks_expected) {}

  /// Runs the kernels the device supports there; the tolerance then allows the device's rounding
  /// (src/gpu/error_model.hpp: the unit roundoff doubled).
  void run_on(gpu::DeviceSession* device) {
    this->use_device(device);
    if (device) tolerance_factor_ = options_.numeric_tolerance_factor * gpu::device_rounding_factor;
  }

  EngineFindings run() {
    EngineFindings findings;
    const auto& g = a_.graph;
    // Remaining uses of each value: graph outputs stay until the end.
    for (const auto index : g.order)
      for (const auto& in : g.graph.nodes[index].inputs) ++uses_[in];
    for (const auto& out : g.graph.outputs) ++uses_[out];
    for (const auto& in : g.graph.inputs) values_[in.name] = draw(in.name, g.types.at(in.name));
    if (lanes_on_)
      for (std::size_t k = 0; k < 2; ++k)
        for (const auto& in : g.graph.inputs) lanes_[k][in.name] = apply_action(values_.at(in.name), action_of(in.name), generators()[k].second);

    std::size_t done = 0;
    const auto total = g.order.size();
    for (const auto index : g.order) {
      const auto& node = g.graph.nodes[index];
      std::vector<Operand<F>> ops;
      bool fast = true;
      auto outputs = this->forward_from_values(node, ops, fast);
      if (lanes_on_) advance_lanes(node);

      NodeFinding r;
      const bool depends = std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return a_.states.at(in).depends; });
      const auto& claim = a_.claims[index];
      r.method = std::is_same_v<F, float> ? Method::NumericFloat32 : Method::NumericFloat64;
      if (!depends) {
        r.method = Method::Static;
        r.evidence = Evidence::Independent;
      } else if (!claim.representable) {
        r.evidence = Evidence::NoClaim;
        r.note = claim.reason;
      } else {
        const auto claimed = describe(claim.outputs[0]);
        const auto gens = generators();
        std::array<Comparison, 2> results;
        const bool freivalds_node = is_freivalds_product(node, ops);
        if (fast && commutes_exactly(node, index, ops, outputs)) {
          // Both sides bit for bit equal (see the top of this file): difference 0.
          const double tol = generic_tolerance(node, ops, outputs);
          for (auto& c : results) c.add(0.0, 0.0, tol);
        } else {
          const double tol = freivalds_node ? 0.0 : generic_tolerance(node, ops, outputs);
          FreivaldsPrep<F> prep;
          // The fixed right operand's pass (a weight read once), shared by both generators.
          if (freivalds_node) prep = numeric::prepare_freivalds(ops, action_of(node.inputs[1]).invariant(), outputs, options_.seed, index, threads_);
          else if (const auto affine = ops::numeric_hooks(node.op).affine_product; affine && ops.size() >= 2)
            prep = numeric::prepare_affine(affine(node), ops, action_of(node.inputs[1]).invariant(), outputs, options_.seed, index, threads_);
          // The generic evaluator reads tensors: materialise the stored operands before the
          // generators run side by side.
          if (!fast)
            for (const auto& in : node.inputs) (void)tensor(in);
          // The two generators are independent tests: run side by side when there is enough work
          // to pay for waking a second thread (the kernels inside then stay on one thread each).
          // From 1<<17 elements (a [12, 128, 128] softmax: 0.7 ms per generator); a worker the
          // scheduler is late to start costs nothing (src/core/thread_team.hpp).
          std::size_t work = 0;
          for (std::size_t k = 0; k < ops.size(); ++k)
            if (!action_of(node.inputs[k]).invariant()) work += ops[k].size;
          for (const auto& o : outputs) work += o.data.size();
          // A second product is enough work too (what an exact replay would cost, the operator
          // says): two single-threaded products side by side beat two split ones in a row.
          std::vector<Shape> shapes;
          for (const auto& in : ops) shapes.push_back(in.shape);
          const auto& hooks = ops::numeric_hooks(node.op);
          const bool heavy = !freivalds_node && !hooks.affine_product && hooks.replay_work && hooks.work(node, shapes) >= (std::int64_t{1} << 20);
          const bool side_by_side = threads_ > 1 && (work >= (std::size_t{1} << 17) || heavy);
          for_both(side_by_side, [&](std::size_t k) { results[k] = compare(node, index, ops, outputs, gens[k].second, tol, fast, prep, k); });
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
          r.evidence = Evidence::Refuted;
          r.note = "inputs transform as claimed, the output is not " + claimed + " (" + worst_generator + ": difference " +
                   short_number(worst.max_abs) + ", " + short_number(worst.worst_ratio) + " x the tolerance " + short_number(worst.tolerance) + ")";
          confirm_exactly(node, index, ops, worst_generator == gens[0].first ? gens[0] : gens[1], r);
        } else if (worst.worst_ratio > 1.0) {
          r.evidence = Evidence::Undecided;
          r.note = "difference " + short_number(worst.max_abs) + " is near the rounding tolerance " + short_number(worst.tolerance) + ": no verdict";
        } else {
          r.evidence = Evidence::NoBreakSeen;
          r.note = "agrees within rounding (largest difference " + short_number(worst.max_abs) + ", tolerance " + short_number(worst.tolerance) + ")";
        }
      }

      ops.clear();
      for (std::size_t k = 0; k < outputs.size(); ++k) values_[node.outputs[k]] = std::move(outputs[k]);
      for (const auto& in : node.inputs) {
        release(in);
        if (uses_[in] <= 0)
          for (auto& lane : lanes_) lane.erase(in);
      }
      findings.nodes.push_back(std::move(r));
      ++done;
      if (options_.advance) options_.advance("numeric check", done, total);
      else if (options_.progress && (done % 50 == 0 || done == total))
        options_.progress("numeric: " + std::to_string(done) + "/" + std::to_string(total) + " nodes");
    }
    // An output downstream of a culprit breaks only if the graph's own output shows it: one more
    // forward pass on the moved inputs, compared with every candidate claim.
    std::map<std::string, Tensor<F>, std::less<>> plain_outputs;
    for (const auto& out : g.graph.outputs) plain_outputs[out] = tensor(out);
    auto& seen = findings.float_outputs;  // output -> how the break shows, or why it does not
    const bool needed = std::any_of(findings.nodes.begin(), findings.nodes.end(), [](const NodeFinding& f) { return f.evidence == Evidence::Refuted; });
    if (needed)
      for (std::size_t gi = 0; gi < 2; ++gi) {
        const auto& [generator, sigma] = generators()[gi];
        const auto moved = lanes_on_ ? lane_outputs(gi, plain_outputs) : moved_outputs(sigma);
        for (const auto& out : g.graph.outputs) {
          if ((seen.count(out) && seen.at(out).shown) || !a_.states.at(out).representable) continue;
          const auto& plain = plain_outputs.at(out);
          const double scale = numeric::max_abs_finite(plain.data.data(), plain.data.size());
          const double share = numeric::output_break_share<F>(tolerance_factor_, a_.tokens);
          const double threshold = share * std::max(scale, 1e-30);
          const double smallest = numeric::smallest_candidate_difference(moved.at(out), plain, candidate_actions(a_, out, a_.states.at(out).action),
                                                                         [&](const Action&) -> const Permutation& { return sigma; });
          if (smallest > threshold)
            seen[out] = {true, generator + ": the output differs from every candidate claim by at least " + short_number(smallest) + ", above the threshold " +
                         short_number(threshold) + " (" + short_number(share) + " of its largest magnitude " + short_number(scale) +
                         ", far above rounding); " + numeric::draws_text(a_, options_.seed)};
          else seen[out] = {false, "the graph's output agrees with a candidate claim within " + short_number(smallest) + " under the " + generator};
        }
      }
    return findings;
  }

 private:
  /// The two generators of S_n, the transposition first.
  const std::array<std::pair<std::string, Permutation>, 2>& generators() const {
    if (!generators_) generators_ = std::array<std::pair<std::string, Permutation>, 2>{{{"transposition", transposition(a_.tokens)}, {"n-cycle", n_cycle(a_.tokens)}}};
    return *generators_;
  }

  /// One node of the moved inputs' forward passes (the lanes), on the operands the plain pass
  /// already holds: a value that does not depend on the inputs (a weight, drawn once) is shared,
  /// the others are the lane's own. The two lanes run side by side when the node is large
  /// (each product then on one thread, reading the same weight).
  void advance_lanes(const Node& node) {
    if (std::none_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return a_.states.at(in).depends; })) return;
    std::array<std::vector<Operand<F>>, 2> lane_ops;
    std::array<std::vector<const Tensor<F>*>, 2> lane_tensors;
    std::size_t work = 0;
    for (std::size_t k = 0; k < 2; ++k)
      for (const auto& in : node.inputs) {
        const auto it = lanes_[k].find(in);
        lane_ops[k].push_back(it != lanes_[k].end() ? numeric::operand_of(it->second) : operand(in));
        work += lane_ops[k].back().size;
      }
    std::array<std::optional<std::vector<Tensor<F>>>, 2> got;
    for_both(threads_ > 1 && work >= (std::size_t{1} << 20), [&](std::size_t k) { got[k] = fast_eval(node, lane_ops[k]); });
    // The generic definition reads tensors: the shared ones materialised here, outside any
    // parallel region.
    for (std::size_t k = 0; k < 2; ++k) {
      if (got[k]) continue;
      this->note_host_evaluation(node);
      for (const auto& in : node.inputs) {
        const auto it = lanes_[k].find(in);
        lane_tensors[k].push_back(it != lanes_[k].end() ? &it->second : &tensor(in));
      }
      got[k] = evaluate_node<F>(node, lane_tensors[k], real_);
    }
    for (std::size_t k = 0; k < 2; ++k)
      for (std::size_t o = 0; o < node.outputs.size(); ++o) lanes_[k][node.outputs[o]] = std::move((*got[k])[o]);
  }

  /// The graph's outputs in lane `k` (an output that does not depend on the inputs is the plain one).
  std::map<std::string, Tensor<F>, std::less<>> lane_outputs(std::size_t k, const std::map<std::string, Tensor<F>, std::less<>>& plain) const {
    std::map<std::string, Tensor<F>, std::less<>> moved;
    for (const auto& out : a_.graph.graph.outputs) {
      const auto it = lanes_[k].find(out);
      moved[out] = it != lanes_[k].end() ? it->second : plain.at(out);
    }
    return moved;
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

  /// True when f(sigma x) == sigma f(x) bit for bit for this node's kernel and every sigma, so
  /// that evaluating and comparing would report a difference of exactly 0: the operator's
  /// `commutes_bitwise` hook says so for these input actions and the claimed output action.
  bool commutes_exactly(const Node& node, std::size_t index, const std::vector<Operand<F>>& ops, const std::vector<Tensor<F>>& outputs) const {
    const auto& claim = a_.claims[index];
    if (!claim.representable || claim.outputs.size() != 1 || outputs.size() != 1) return false;
    const auto commutes = ops::numeric_hooks(node.op).commutes_bitwise;
    if (!commutes) return false;
    std::vector<Shape> shapes;
    std::vector<Action> actions;
    for (std::size_t k = 0; k < ops.size(); ++k) {
      shapes.push_back(ops[k].shape);
      actions.push_back(action_of(node.inputs[k]));
    }
    return commutes({node, shapes, actions, outputs[0].shape, claim.outputs[0]});
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
    return tolerance_factor_ * static_cast<double>(reduction_length(ops, outputs) + 4) * u_ * std::max(m, 1.0);
  }

  // -------------------------------------------------------------------------------------------
  // The comparison.

  /// Replays a float break at the node in exact arithmetic, on the node's float inputs read as
  /// the exact binary fractions they are. Confirmed: the exact witness is attached. Not confirmed
  /// (the difference came from rounding or from a real function the exact engine treats as
  /// generic): the node is unknown. Too much work for exact arithmetic: the float evidence stands,
  /// and the note says it was not replayed.
  void confirm_exactly(const Node& node, std::size_t index, const std::vector<Operand<F>>& ops, const std::pair<std::string, Permutation>& generator,
                       NodeFinding& r) const {
    std::vector<Shape> shapes;
    for (const auto& in : ops) shapes.push_back(in.shape);
    if (ops::numeric_hooks(node.op).work(node, shapes) > max_exact_replay_work) {
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
      r.evidence = Evidence::Undecided;
      r.note += "; but exact evaluation at the node shows no break, so the float difference is rounding or a property of the "
                "real function: no verdict";
    }
  }

  /// Compares f(sigma x) with sigma f(x) at one node for one generator. Thread-safe: reads
  /// shared state only.
  Comparison compare(const Node& node, std::size_t index, const std::vector<Operand<F>>& ops, const std::vector<Tensor<F>>& outputs,
                     const Permutation& sigma, double tol, bool fast, const FreivaldsPrep<F>& prep, std::size_t generator) const {
    const auto& claim = a_.claims[index];
    if (const auto affine = ops::numeric_hooks(node.op).affine_product; affine && outputs.size() == 1 && !outputs[0].shape.empty()) {
      std::vector<const Action*> actions;
      for (const auto& in : node.inputs) actions.push_back(&action_of(in));
      if (auto c = numeric::freivalds_affine_rows(affine(node), ops, actions, outputs[0], claim.outputs[0], sigma, prep, generator, tolerance_factor_)) return *c;
    }
    if (is_freivalds_product(node, ops)) {
      if (auto c = numeric::freivalds_rows(ops, action_of(node.inputs[0]), outputs[0], claim.outputs[0], sigma, prep, generator, tolerance_factor_)) return *c;
      if (auto c = numeric::freivalds_in_place(ops[0], action_of(node.inputs[0]), ops[1], action_of(node.inputs[1]), outputs[0], claim.outputs[0], sigma,
                                               prep.r[generator], tolerance_factor_))
        return *c;
    }
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
    if (is_freivalds_product(node, permuted)) return numeric::freivalds(node, permuted[0], permuted[1], outputs[0], claim.outputs[0], sigma, prep, generator, tolerance_factor_, real_);

    std::vector<Tensor<F>> got;
    std::optional<std::vector<Tensor<F>>> fast_got;
    if (fast) fast_got = fast_eval(node, permuted);
    if (fast_got) {
      got = std::move(*fast_got);
    } else {
      this->note_host_evaluation(node);
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
      // Against sigma f(x) read in place, run by run, in one pass.
      const auto d = numeric::permuted_difference(got[k].data.data(), outputs[k].data.data(), *out_runs[k]);
      if (d.nan_mismatch) c.add(0.0, std::numeric_limits<double>::infinity(), tol);
      c.add(d.max_abs, 0.0, tol);
      c.max_rel = std::max(c.max_rel, d.max_rel);
    }
    return c;
  }

  static bool is_freivalds_product(const Node& node, const std::vector<Operand<F>>& operands) {
    return ops::numeric_hooks(node.op).freivalds_product && operands.size() == 2 && operands[0].shape.size() >= 2 && operands[1].shape.size() >= 2;
  }

  double u_;
  double tolerance_factor_;  ///< --tolerance, times the device's rounding factor on a GPU
  bool lanes_on_;            ///< the moved inputs' passes run beside the per-node tests
  std::array<std::unordered_map<std::string, Tensor<F>>, 2> lanes_;  ///< per generator: its pass's live values
  mutable std::optional<std::array<std::pair<std::string, Permutation>, 2>> generators_;
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

EngineFindings numeric_findings(const Analysis& a, const CheckOptions& options, DeviceUse& used, bool breaks_expected) {
  if (!(options.numeric_tolerance_factor > 0) || !std::isfinite(options.numeric_tolerance_factor))
    throw Error(ErrorKind::Usage, "--tolerance must be a positive factor, got " + number_text(options.numeric_tolerance_factor));
  if (!(options.numeric_unknown_band >= 1) || !std::isfinite(options.numeric_unknown_band))
    throw Error(ErrorKind::Usage, "--unknown-band must be a factor of at least 1 (1: no unknown band), got " + number_text(options.numeric_unknown_band));
  if (a.weights_acted)
    throw Error(ErrorKind::Usage, "the numeric engine permutes inputs only; permuted weights (intra-token transforms) need the exact or proof engine");
  set_kernel_threads(options.threads);
  keep_freed_buffers_mapped();
  const auto device = gpu::choose_device(options.device, options.precision, options.device == ComputeDevice::Cpu ? gpu::DeviceProbe{} : gpu::probe_cuda());
  std::unique_ptr<gpu::DeviceSession> session;
  if (device.cuda) session = std::make_unique<gpu::DeviceSession>(gpu::open_device_backend(), device.name);
  EngineFindings findings;
  if (options.precision == Precision::Float64) {
    findings = NumericRun<double>(a, options, breaks_expected).run();
  } else {
    NumericRun<float> run(a, options, breaks_expected);
    run.run_on(session.get());
    findings = run.run();
  }
  used = session ? session->use() : DeviceUse{"cpu", gpu::host_cpu_name(), 0, 0, {}};
  return findings;
}

EngineFindings numeric_evaluation_failed(const Analysis& a, const std::string& why) {
  EngineFindings findings;
  for (const auto index : a.graph.order) {
    const auto& node = a.graph.graph.nodes[index];
    NodeFinding f;
    if (std::none_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return a.states.at(in).depends; })) {
      f.evidence = Evidence::Independent;
      f.method = Method::Static;
    } else {
      f.note = "numeric evaluation failed: " + why;
    }
    findings.nodes.push_back(std::move(f));
  }
  return findings;
}

std::string numeric_scope(const Analysis& a, const CheckOptions& options, const DeviceUse& used) {
  const bool stored = std::any_of(a.graph.graph.parameters.begin(), a.graph.graph.parameters.end(), [](const Parameter& p) {
    return p.kind == ParameterKind::Weight && p.data.has_value();
  });
  const bool gpu = used.kind == "cuda";
  return "numeric test in " + std::string(options.precision == Precision::Float64 ? "float64" : "float32") +
         (gpu ? " on the GPU " + used.name + " (the nodes it supports; the others and the comparisons on the CPU)" : "") + " at n = " +
         std::to_string(a.tokens) + " with both generators of S_n, on " + (stored ? "the model's stored weights" : "random weights (uniform, variance 1)") +
         " and one random input: an instance-level verdict for these weights. A node breaks when f(sigma x) and sigma f(x) "
         "differ by more than " + number_text(options.numeric_unknown_band) + " times the rounding tolerance " +
         number_text(options.numeric_tolerance_factor) + " (K + 4) u M" + (gpu ? " with u doubled for the GPU's rounding" : "") +
         " (--unknown-band " + number_text(options.numeric_unknown_band) + ", --tolerance " + number_text(options.numeric_tolerance_factor) +
         "); a node within the tolerance agrees, one between is unknown. Not a proof.";
}

}  // namespace permeq
