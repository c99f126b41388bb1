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
// tolerance is no evidence of a break; one more than `far` times above it is a break; in between
// is unknown. The report carries the largest difference, relative difference and tolerance.
#include "permeq/check/checker.hpp"

#include "permeq/core/error.hpp"
#include "permeq/symmetry/witness.hpp"
#include "src/check/analysis.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <exception>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <unordered_map>

namespace permeq {
namespace {

constexpr double far = 100.0;     ///< a difference this many tolerances away is a break
constexpr double safety = 8.0;    ///< slack over the first-order rounding bound
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
double max_abs_of(const Tensor<F>& t) {
  double m = 0.0;
  for (const auto v : t.data)
    if (std::isfinite(v)) m = std::max(m, static_cast<double>(std::fabs(v)));
  return m;
}

template <class F>
class NumericRun {
 public:
  NumericRun(const Analysis& a, const CheckOptions& options)
      : a_(a), options_(options), rng_(options.seed), u_(std::numeric_limits<F>::epsilon() / 2) {}

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
      std::vector<const Tensor<F>*> inputs;
      for (const auto& in : node.inputs) inputs.push_back(&value(in));
      auto outputs = evaluate_node<F>(node, inputs, real_);

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
        // The two generators are independent tests: run side by side (the kernels inside then
        // stay on one thread each).
        const std::array<std::pair<std::string, Permutation>, 2> gens{{{"transposition", transposition(a_.tokens)}, {"n-cycle", n_cycle(a_.tokens)}}};
        const double tol = generic_tolerance(inputs, outputs);
        prepare_row_sums(node, index);
        std::array<Comparison, 2> results;
        std::array<std::exception_ptr, 2> errors;
#pragma omp parallel for num_threads(2) if (options_.threads != 1)
        for (int g = 0; g < 2; ++g) {
          try {
            results[static_cast<std::size_t>(g)] = compare(node, index, inputs, outputs, gens[static_cast<std::size_t>(g)].second, tol,
                                                           options_.seed ^ (index * 2 + static_cast<std::size_t>(g)));
          } catch (...) {
            errors[static_cast<std::size_t>(g)] = std::current_exception();
          }
        }
        for (const auto& e : errors)
          if (e) std::rethrow_exception(e);
        Comparison worst;
        std::string worst_generator;
        for (std::size_t g = 0; g < 2; ++g)
          if (results[g].worst_ratio >= worst.worst_ratio) {
            worst = results[g];
            worst_generator = gens[g].first;
          }
        r.max_abs_error = worst.max_abs;
        r.max_rel_error = worst.max_rel;
        r.tolerance = worst.tolerance;
        if (worst.worst_ratio > far) {
          r.verdict = Verdict::Breaks;
          r.note = "inputs transform as claimed, the output is not " + r.action + " (" + worst_generator + ": difference " +
                   fmt(worst.max_abs) + ", " + fmt(worst.worst_ratio) + " x the tolerance " + fmt(worst.tolerance) + ")";
          confirm_exactly(node, index, inputs, worst_generator == gens[0].first ? gens[0] : gens[1], r);
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

      for (std::size_t k = 0; k < outputs.size(); ++k) values_[node.outputs[k]] = std::move(outputs[k]);
      for (const auto& in : node.inputs) release(in);
      report.nodes.push_back(std::move(r));
      ++done;
      if (options_.advance) options_.advance("numeric check", done, total);
      else if (options_.progress && (done % 50 == 0 || done == total))
        options_.progress("numeric: " + std::to_string(done) + "/" + std::to_string(total) + " nodes");
    }
    for (const auto& out : g.graph.outputs) {
      OutputReport o;
      o.output = out;
      const auto& s = a_.states.at(out);
      o.action = s.representable ? describe(s.action) : "unknown";
      const auto& upstream = culprits_of[out];
      if (!upstream.empty()) {
        o.verdict = Verdict::Breaks;
        o.culprits.assign(upstream.begin(), upstream.end());
        o.note = "for these weights, in floating point (differences far above the rounding tolerance)";
      } else if (!s.representable || undecided.count(out)) {
        o.verdict = Verdict::Unknown;
        o.note = "some node's difference is near the rounding tolerance, or its action is unknown";
      } else {
        o.verdict = s.action.invariant() ? Verdict::Invariant : Verdict::Equivariant;
        for (const auto& ax : s.action.axes) o.axes.push_back(ax.axis);
        o.note = "for these weights, within floating-point rounding at n = " + std::to_string(a_.tokens) + ": evidence, not proof";
      }
      report.outputs.push_back(std::move(o));
    }
  }

 private:
  static std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
  }

  /// Values of graph inputs (random, variance 1; integers below the gathered axis) and of
  /// parameters (stored data, else random), created when first needed.
  Tensor<F> draw(const std::string& name, const TensorType& type) {
    Tensor<F> t(type.dtype, type.shape);
    if (type.dtype == DType::Float) {
      // Uniform in [-sqrt 3, sqrt 3): mean 0 and variance 1 like a normal draw, at a fraction of
      // the cost (random BERT-base weights are 85 million draws).
      std::uniform_real_distribution<double> uniform(-1.7320508075688772, 1.7320508075688772);
      for (auto& v : t.data) v = static_cast<F>(uniform(rng_));
    } else {
      const auto bound = type.dtype == DType::Int64 ? index_bound(a_.graph, name) : 2;
      std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(bound, 1) - 1);
      for (auto& v : t.data) v = static_cast<F>(pick(rng_));
    }
    return t;
  }

  const Tensor<F>& value(const std::string& name) {
    if (const auto it = values_.find(name); it != values_.end()) return it->second;
    const auto* p = a_.graph.graph.find_parameter(name);
    if (!p) throw Error(ErrorKind::Internal, "numeric engine: value '" + name + "' is missing");
    const auto& type = a_.graph.types.at(name);
    if (!p->data) return values_[name] = draw(name, type);
    Tensor<F> t(type.dtype, type.shape);
    const auto& stored = *p->data;
    if (const auto f32 = stored.float32_values(); !f32.empty() && std::is_same_v<F, float>) std::copy(f32.begin(), f32.end(), t.data.begin());
    else
      for (std::size_t i = 0; i < t.data.size(); ++i) t.data[i] = static_cast<F>(stored[i]);
    return values_[name] = std::move(t);
  }

  void release(const std::string& name) {
    if (--uses_[name] <= 0) values_.erase(name);
  }

  /// Largest number of terms summed into one output element: the size of a contracted or
  /// reduced axis, bounded by the input sizes; at least the number of tokens.
  std::int64_t reduction_length(const std::vector<const Tensor<F>*>& inputs, const std::vector<Tensor<F>>& outputs) const {
    std::int64_t longest = a_.tokens;
    for (const auto* in : inputs)
      for (const auto d : in->shape) longest = std::max(longest, d);
    for (const auto& out : outputs)
      for (const auto d : out.shape) longest = std::max(longest, d);
    return longest;
  }

  /// Replays a float break at the node in exact arithmetic, on the node's float inputs read as
  /// the exact binary fractions they are. Confirmed: the exact witness is attached. Not confirmed
  /// (the difference came from rounding or from a real function the exact engine treats as
  /// generic): the node is unknown. Too much work for exact arithmetic: the float evidence stands,
  /// and the note says it was not replayed.
  void confirm_exactly(const Node& node, std::size_t index, const std::vector<const Tensor<F>*>& inputs,
                       const std::pair<std::string, Permutation>& generator, NodeReport& r) const {
    std::int64_t work = 0;
    for (const auto* in : inputs) work += static_cast<std::int64_t>(in->data.size());
    if (node.op == "MatMul" || node.op == "Gemm" || node.op == "Conv1d") work *= std::max<std::int64_t>(inputs[0]->shape.back(), 1);
    if (work > max_exact_replay_work) {
      r.note += "; too large to replay exactly at the node";
      return;
    }
    std::vector<Tensor<Rational>> exact;
    std::vector<Action> actions;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      if (std::any_of(inputs[k]->data.begin(), inputs[k]->data.end(), [](F v) { return !std::isfinite(v); })) {
        r.note += "; not replayed exactly (an input holds an infinity or NaN)";
        return;
      }
      exact.push_back(convert_tensor<Rational>(*inputs[k], [](F v) { return Rational(static_cast<double>(v)); }));
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

  /// Rounding tolerance of a node evaluated twice on the same real numbers in different orders.
  double generic_tolerance(const std::vector<const Tensor<F>*>& inputs, const std::vector<Tensor<F>>& outputs) const {
    double magnitude = 0.0;
    for (const auto* in : inputs) magnitude = std::max(magnitude, max_abs_of(*in));
    for (const auto& out : outputs) magnitude = std::max(magnitude, max_abs_of(out));
    return safety * static_cast<double>(reduction_length(inputs, outputs) + 4) * u_ * std::max(magnitude, 1.0);
  }

  /// Compares f(sigma x) with sigma f(x) at one node for one generator. Thread-safe: draws from
  /// its own `seed`, reads shared state only.
  Comparison compare(const Node& node, std::size_t index, const std::vector<const Tensor<F>*>& inputs, const std::vector<Tensor<F>>& outputs,
                     const Permutation& sigma, double tol, std::uint64_t seed) const {
    // Inputs the action leaves alone (weights, constants) are used in place, not copied.
    std::vector<Tensor<F>> moved;
    moved.reserve(inputs.size());
    std::vector<const Tensor<F>*> ptrs;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      const auto& action = a_.states.at(node.inputs[k]).action;
      if (action.invariant()) ptrs.push_back(inputs[k]);
      else ptrs.push_back(&moved.emplace_back(apply_action(*inputs[k], action, sigma)));
    }
    const auto& claim = a_.claims[index];
    if (is_freivalds_product(node, ptrs)) return freivalds(*ptrs[0], *ptrs[1], index, outputs[0], claim.outputs[0], sigma, seed);

    const auto got = evaluate_node<F>(node, ptrs, real_);
    Comparison c;
    for (std::size_t k = 0; k < outputs.size(); ++k) {
      const auto expected = apply_action(outputs[k], claim.outputs[k], sigma);
      if (expected.shape != got[k].shape) {
        c.add(0.0, std::numeric_limits<double>::infinity(), tol);
        continue;
      }
      // One pass for the largest difference; NaN on one side only is a difference too.
      double max_abs = 0.0, max_rel = 0.0;
      bool nan_mismatch = false;
      const F* g = got[k].data.data();
      const F* e = expected.data.data();
      for (std::size_t i = 0, size = got[k].data.size(); i < size; ++i) {
        const double diff = std::fabs(static_cast<double>(g[i]) - static_cast<double>(e[i]));
        max_abs = std::max(max_abs, diff);
        if (e[i] != 0) max_rel = std::max(max_rel, diff / std::fabs(static_cast<double>(e[i])));
        nan_mismatch = nan_mismatch || (std::isnan(g[i]) != std::isnan(e[i]));
      }
      if (nan_mismatch) c.add(0.0, std::numeric_limits<double>::infinity(), tol);
      c.add(max_abs, 0.0, tol);
      c.max_rel = std::max(c.max_rel, max_rel);
    }
    return c;
  }

  static bool is_freivalds_product(const Node& node, const std::vector<const Tensor<F>*>& operands) {
    return node.op == "MatMul" && operands[0]->shape.size() >= 2 && operands[1]->shape.size() >= 2;
  }

  /// |B| 1 for a MatMul whose right operand is fixed (a weight): the same for both generators.
  void prepare_row_sums(const Node& node, std::size_t index) {
    if (node.op != "MatMul" || !a_.states.at(node.inputs[1]).action.invariant()) return;
    const auto& B = values_.at(node.inputs[1]);
    if (B.shape.size() != 2) return;
    using Matrix = Eigen::Matrix<F, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    Eigen::Map<const Matrix> b(B.data.data(), B.shape[0], B.shape[1]);
    row_abs_sums_[index] = b.cwiseAbs().rowwise().sum();
  }

  /// MatMul with both operands of rank >= 2 and equal batch shapes after broadcasting: compares
  /// A' (B' r) with (sigma f(x)) r for one random +-1 vector r.
  Comparison freivalds(const Tensor<F>& A, const Tensor<F>& B, std::size_t index, const Tensor<F>& output, const Action& out_action,
                       const Permutation& sigma, std::uint64_t seed) const {
    const auto expected = apply_action(output, out_action, sigma);
    std::mt19937_64 rng(seed);
    const auto m = A.shape[A.rank() - 2], k = A.shape.back(), p = B.shape.back();
    const auto a_batches = element_count(A.shape) / (m * k), b_batches = element_count(B.shape) / (k * p);
    const auto batches = element_count(expected.shape) / (m * p);
    if ((a_batches != batches && a_batches != 1) || (b_batches != batches && b_batches != 1)) {
      // General broadcasting: fall back to the full product.
      const std::vector<const Tensor<F>*> ptrs{&A, &B};
      Node matmul;
      matmul.name = "freivalds";
      matmul.op = "MatMul";
      const auto got = evaluate_node<F>(matmul, ptrs, real_);
      Comparison c;
      const double tol = safety * static_cast<double>(k + 4) * u_ * std::max({max_abs_of(A) * max_abs_of(B) * static_cast<double>(k), 1.0});
      for (std::size_t i = 0; i < got[0].data.size(); ++i) c.add(got[0].data[i], expected.data[i], tol);
      return c;
    }
    std::uniform_int_distribution<int> coin(0, 1);
    using Matrix = Eigen::Matrix<F, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    using Vector = Eigen::Matrix<F, Eigen::Dynamic, 1>;
    Vector r(p);
    for (std::int64_t j = 0; j < p; ++j) r[j] = coin(rng) ? F(1) : F(-1);
    Comparison c;
    for (std::int64_t t = 0; t < batches; ++t) {
      Eigen::Map<const Matrix> a(A.data.data() + (a_batches == 1 ? 0 : t * m * k), m, k);
      Eigen::Map<const Matrix> b(B.data.data() + (b_batches == 1 ? 0 : t * k * p), k, p);
      Eigen::Map<const Matrix> e(expected.data.data() + t * m * p, m, p);
      const Vector br = b * r;
      const Vector got = a * br;
      const Vector want = e * r;
      // Rounding of both sides is bounded by the magnitudes |A| (|B| |r|) and |E| |r|.
      const auto cached = row_abs_sums_.find(index);
      const Vector b_abs_rows = cached != row_abs_sums_.end() && b_batches == 1 ? cached->second : Vector(b.cwiseAbs().rowwise().sum());
      const Vector magnitude = a.cwiseAbs() * b_abs_rows;
      const Vector want_abs = e.cwiseAbs().rowwise().sum();
      for (std::int64_t i = 0; i < m; ++i) {
        const double tol = safety * static_cast<double>(k + p + 4) * u_ * std::max({static_cast<double>(magnitude[i]), static_cast<double>(want_abs[i]), 1e-30});
        c.add(got[i], want[i], tol);
      }
    }
    return c;
  }

  const Analysis& a_;
  const CheckOptions& options_;
  std::mt19937_64 rng_;
  double u_;
  EvalOptions real_{FunctionSemantics::Real};
  std::unordered_map<std::string, Tensor<F>> values_;
  std::unordered_map<std::string, int> uses_;
  std::unordered_map<std::size_t, Eigen::Matrix<F, Eigen::Dynamic, 1>> row_abs_sums_;  ///< by node index
};

}  // namespace

void run_numeric_engine(const Analysis& a, const CheckOptions& options, CheckReport& report) {
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
                 "differ by more than " + std::to_string(static_cast<int>(far)) + " times the rounding tolerance (K + 4) u M; closer differences are unknown. "
                 "Not a proof.";
}

}  // namespace permeq
