// The equivariance measurement (permeq/check/measure.hpp): forward passes of the numeric engine
// (src/check/numeric/forward.hpp) on inputs and on the same inputs with their tokens permuted,
// every node's value compared with its propagated action moved by the permutation.
#include "permeq/check/measure.hpp"

#include "permeq/core/error.hpp"
#include "permeq/import/safetensors.hpp"
#include "src/check/analysis.hpp"
#include "src/check/numeric/forward.hpp"
#include "src/ops/float_kernels.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <random>

namespace permeq {
namespace {

using Clock = std::chrono::steady_clock;

ErrorDistribution distribution(std::vector<double> samples) {
  ErrorDistribution d;
  d.samples = samples.size();
  if (samples.empty()) return d;
  std::sort(samples.begin(), samples.end());
  const auto at = [&](double q) { return samples[static_cast<std::size_t>(std::ceil(q * static_cast<double>(samples.size()))) - 1]; };
  d.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
  d.median = samples.size() % 2 ? samples[samples.size() / 2] : (samples[samples.size() / 2 - 1] + samples[samples.size() / 2]) / 2;
  d.p95 = at(0.95);
  d.max = samples.back();
  return d;
}

/// The 97.5% quantile of Student's t with `dof` degrees of freedom (two-sided 95% intervals).
double t_quantile(std::size_t dof) {
  static constexpr double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                                     2.120,  2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  return dof >= 1 && dof <= std::size(table) ? table[dof - 1] : 1.96;
}

/// sum(numerators) / sum(denominators) over independent inputs, with the delta method's standard
/// error (the residuals a_j - R d_j) and Student's t; clipped to [0, 1], where fractions lie.
Estimate ratio_estimate(const std::vector<double>& numerators, const std::vector<double>& denominators) {
  const auto m = numerators.size();
  const double a = std::accumulate(numerators.begin(), numerators.end(), 0.0), d = std::accumulate(denominators.begin(), denominators.end(), 0.0);
  Estimate e;
  if (!(d > 0)) return {std::numeric_limits<double>::quiet_NaN(), 0.0, 1.0};
  const double ratio = a / d;
  double spread = std::numeric_limits<double>::infinity();
  if (m >= 2) {
    double squares = 0;
    for (std::size_t j = 0; j < m; ++j) squares += std::pow(numerators[j] - ratio * denominators[j], 2);
    spread = t_quantile(m - 1) * std::sqrt(squares / static_cast<double>(m * (m - 1))) / (d / static_cast<double>(m));
  }
  const auto clip = [](double v) { return std::clamp(v, 0.0, 1.0); };
  e.value = clip(ratio);
  e.low = clip(ratio - spread);
  e.high = clip(ratio + spread);
  return e;
}

Permutation uniform_permutation(std::int64_t n, std::mt19937_64& rng) {
  Permutation sigma(static_cast<std::size_t>(n));
  std::iota(sigma.begin(), sigma.end(), std::int64_t{0});
  std::shuffle(sigma.begin(), sigma.end(), rng);
  return sigma;
}

/// A random cycle through `d` random tokens: moves exactly d of them.
Permutation displacing(std::int64_t n, std::int64_t d, std::mt19937_64& rng) {
  auto chosen = uniform_permutation(n, rng);
  Permutation sigma(static_cast<std::size_t>(n));
  std::iota(sigma.begin(), sigma.end(), std::int64_t{0});
  for (std::int64_t k = 0; k < d; ++k) sigma[static_cast<std::size_t>(chosen[static_cast<std::size_t>(k)])] = chosen[static_cast<std::size_t>((k + 1) % d)];
  return sigma;
}

Permutation swapping(std::int64_t n, std::int64_t i, std::int64_t j) {
  Permutation sigma(static_cast<std::size_t>(n));
  std::iota(sigma.begin(), sigma.end(), std::int64_t{0});
  std::swap(sigma[static_cast<std::size_t>(i)], sigma[static_cast<std::size_t>(j)]);
  return sigma;
}

std::int64_t fixed_points(const Permutation& sigma) {
  std::int64_t fixed = 0;
  for (std::size_t i = 0; i < sigma.size(); ++i) fixed += sigma[i] == static_cast<std::int64_t>(i);
  return fixed;
}

template <class F>
double squared_norm(const Tensor<F>& t) {
  double s = 0;
  for (const auto v : t.data) s += static_cast<double>(v) * static_cast<double>(v);
  return s;
}

/// ||got - expected|| / ||expected||: 0 when both vanish, infinite when only `expected` does or a
/// NaN shows on one side.
template <class F>
double relative_error(const Tensor<F>& got, const Tensor<F>& expected, double expected_norm) {
  if (got.shape != expected.shape) return std::numeric_limits<double>::infinity();
  double diff = 0;
  for (std::size_t i = 0; i < got.data.size(); ++i) {
    const double g = static_cast<double>(got.data[i]), e = static_cast<double>(expected.data[i]);
    if (std::isnan(g) || std::isnan(e)) {
      if (std::isnan(g) != std::isnan(e)) return std::numeric_limits<double>::infinity();
      continue;
    }
    diff += (g - e) * (g - e);
  }
  if (expected_norm > 0) return std::sqrt(diff) / expected_norm;
  return diff > 0 ? std::numeric_limits<double>::infinity() : 0.0;
}

template <class F>
double inner_product(const Tensor<F>& a, const Tensor<F>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.data.size() && i < b.data.size(); ++i) s += static_cast<double>(a.data[i]) * static_cast<double>(b.data[i]);
  return s;
}

/// The inputs of one size: drawn, or read from the file (every graph input, one or S samples).
template <class F>
std::vector<std::map<std::string, Tensor<F>, std::less<>>> input_draws(const Analysis& a, numeric::GraphEvaluation<F>& evaluation, const MeasureOptions& options,
                                                                       const SafetensorsFile* file) {
  std::vector<std::map<std::string, Tensor<F>, std::less<>>> draws;
  const auto& g = a.graph;
  if (!file) {
    for (int j = 0; j < options.inputs; ++j) {
      auto& draw = draws.emplace_back();
      const std::uint64_t seed = options.check.seed + 0x632be59bd9b4e019ULL * static_cast<std::uint64_t>(j + 1);
      for (const auto& in : g.graph.inputs) draw[in.name] = evaluation.draw_seeded(in.name, g.types.at(in.name), seed);
    }
    return draws;
  }
  std::optional<std::int64_t> samples;
  for (const auto& in : g.graph.inputs) {
    const auto& type = g.types.at(in.name);
    const auto* t = file->find(in.name);
    if (!t) throw Error(ErrorKind::Input, file->path + ": no tensor named '" + in.name + "' (the graph input, of shape " + to_string(type.shape) + ")");
    std::int64_t count = 1;
    if (t->shape != type.shape) {
      Shape tail(t->shape.begin() + (t->shape.empty() ? 0 : 1), t->shape.end());
      if (t->shape.empty() || tail != type.shape)
        throw Error(ErrorKind::Input, file->path + ": tensor '" + in.name + "' has shape " + to_string(t->shape) + "; the graph input is " +
                                          to_string(type.shape) + " at n = " + std::to_string(a.tokens) + " (or [S, ...] for S inputs)");
      count = t->shape.front();
    }
    if (samples && *samples != count)
      throw Error(ErrorKind::Input, file->path + ": tensor '" + in.name + "' holds " + std::to_string(count) + " inputs, another tensor " +
                                        std::to_string(*samples));
    samples = count;
  }
  if (!samples || *samples < 1) throw Error(ErrorKind::Input, file->path + ": no inputs");
  draws.resize(static_cast<std::size_t>(*samples));
  for (const auto& in : g.graph.inputs) {
    const auto& type = g.types.at(in.name);
    const auto* t = file->find(in.name);
    const auto size = static_cast<std::size_t>(element_count(type.shape));
    for (std::size_t j = 0; j < draws.size(); ++j) {
      Tensor<F> value(type.dtype, type.shape);
      for (std::size_t i = 0; i < size; ++i) value.data[i] = static_cast<F>(t->values[j * size + i]);
      draws[j][in.name] = std::move(value);
    }
  }
  return draws;
}

template <class F>
SizeMeasurement measure_at(const Graph& graph, const MeasureOptions& options, std::optional<std::int64_t> tokens, const SafetensorsFile* file) {
  CheckOptions o = options.check;
  o.tokens = tokens;
  const ActionSpec spec = resolve_action_spec(graph, o);
  for (const auto& p : spec.permuted)
    if (p.block != 1 || p.repeat != 1)
      throw Error(ErrorKind::Usage, "--permute " + to_string(p) + ": permeq measure permutes whole tokens (no head blocks)");
  const Analysis a = analyse(graph, spec);
  if (a.weights_acted) throw Error(ErrorKind::Usage, "permeq measure permutes inputs only, not weights");
  const auto n = a.tokens;
  if (n < 2) throw Error(ErrorKind::Usage, "permeq measure needs at least 2 tokens, got n = " + std::to_string(n));
  std::int64_t total_values = 0;
  for (const auto& [name, type] : a.graph.types) total_values += element_count(type.shape);
  if (total_values > o.max_numeric_values)
    throw Error(ErrorKind::Usage, "permeq measure refuses the graph: it holds " + std::to_string(total_values) + " values at n = " + std::to_string(n) +
                                      ", above the numeric engine's limit of " + std::to_string(o.max_numeric_values));

  numeric::GraphEvaluation<F> evaluation(a, o);
  const auto draws = input_draws<F>(a, evaluation, options, file);
  const auto& g = a.graph;
  auto moved_inputs = [&](const std::map<std::string, Tensor<F>, std::less<>>& x, const Permutation& sigma) {
    std::map<std::string, Tensor<F>, std::less<>> moved;
    for (const auto& [name, value] : x) moved[name] = apply_action(value, a.states.at(name).action, sigma);
    return moved;
  };

  SizeMeasurement size;
  size.tokens = n;
  size.inputs = static_cast<int>(draws.size());
  size.permutations = options.permutations;
  // The nodes measured: their first output depends on the permuted inputs and has an action.
  std::map<std::string, std::size_t, std::less<>> tracked;  // value -> index into size.nodes
  for (const auto index : g.order) {
    const auto& node = g.graph.nodes[index];
    if (node.outputs.empty()) continue;
    const auto& state = a.states.at(node.outputs[0]);
    if (!state.depends) continue;
    NodeMeasurement m{node.name, node.op, node.scope, state.representable ? describe(state.action) : "unknown", {}};
    if (state.representable) tracked[node.outputs[0]] = size.nodes.size();
    size.nodes.push_back(std::move(m));
  }
  struct OutputSamples {
    std::vector<double> uniform, adjacent, distant;
    std::map<std::int64_t, std::vector<double>> by_displacement;
    std::vector<double> symmetric, standard, energy;  // per input
  };
  std::map<std::string, OutputSamples, std::less<>> output_samples;
  for (const auto& out : g.graph.outputs) {
    OutputMeasurement m;
    m.output = out;
    const auto& state = a.states.at(out);
    m.action = state.representable ? describe(state.action) : "unknown";
    m.invariant = state.representable && state.action.invariant();
    if (!state.depends) m.note = "does not depend on the permuted inputs";
    else if (!state.representable) m.note = "its action is unknown to permeq, so there is nothing to compare it with";
    else output_samples[out];
    size.outputs.push_back(std::move(m));
  }

  std::vector<std::vector<double>> node_errors(size.nodes.size());
  std::mt19937_64 rng(o.seed ^ 0x5851f42d4c957f2dULL ^ static_cast<std::uint64_t>(n));
  for (const auto& x : draws) {
    std::map<std::string, Tensor<F>, std::less<>> plain;
    std::map<std::string, double, std::less<>> norms;
    auto outputs = evaluation.pass(x, [&](const Node& node, const std::vector<Tensor<F>>& values) {
      if (!values.empty() && tracked.count(node.outputs[0])) {
        norms[node.outputs[0]] = std::sqrt(squared_norm(values[0]));
        plain[node.outputs[0]] = values[0];
      }
    });
    for (const auto& [out, _] : output_samples) norms[out] = std::sqrt(squared_norm(outputs.at(out)));
    // sigma f(x) for each measured output; the error of f(sigma x) against it.
    auto output_errors = [&](const Permutation& sigma, const std::map<std::string, Tensor<F>, std::less<>>& moved, auto&& record) {
      for (const auto& [out, _] : output_samples) {
        const auto expected = apply_action(outputs.at(out), a.states.at(out).action, sigma);
        record(out, relative_error(moved.at(out), expected, norms.at(out)), inner_product(expected, moved.at(out)), squared_norm(moved.at(out)));
      }
    };
    std::map<std::string, double, std::less<>> symmetric, standard, energy;
    for (int i = 0; i < options.permutations; ++i) {
      const auto sigma = uniform_permutation(n, rng);
      const auto moved = evaluation.pass(moved_inputs(x, sigma), [&](const Node& node, const std::vector<Tensor<F>>& values) {
        if (values.empty()) return;
        const auto it = tracked.find(node.outputs[0]);
        if (it == tracked.end()) return;
        const auto& before = plain.at(it->first);
        const auto expected = numeric::apply_action_fast(numeric::operand_of(before), a.states.at(it->first).action, sigma);
        node_errors[it->second].push_back(relative_error(values[0], expected, norms.at(it->first)));
      });
      const double weight = static_cast<double>(n - 1) * static_cast<double>(fixed_points(sigma) - 1);
      output_errors(sigma, moved, [&](const std::string& out, double error, double product, double moved_energy) {
        output_samples[out].uniform.push_back(error);
        symmetric[out] += product / options.permutations;
        // The character sums to 0 over S_n (E fix(sigma) = 1), so subtracting the energies, which
        // average to the same with either weight, leaves the estimate unbiased and its spread
        // that of the error: weight * -||f(sigma x) - f(x)||^2 / 2 for an invariant readout.
        standard[out] += weight * (product - (norms.at(out) * norms.at(out) + moved_energy) / 2) / options.permutations;
        // E||f(sigma x)||^2 = E||f(x)||^2: averaging both sides makes the estimate's numerator and
        // denominator differ by the error alone, so the interval is as narrow as the error is small.
        energy[out] += (norms.at(out) * norms.at(out) + moved_energy) / 2 / options.permutations;
      });
    }
    for (auto& [out, s] : output_samples) {
      s.symmetric.push_back(symmetric[out]);
      s.standard.push_back(standard[out]);
      s.energy.push_back(energy[out]);
    }
    auto outputs_only = [](const Node&, const std::vector<Tensor<F>>&) {};
    for (std::int64_t d = 2; d <= n; ++d) {
      const auto sigma = displacing(n, d, rng);
      output_errors(sigma, evaluation.pass(moved_inputs(x, sigma), outputs_only),
                    [&](const std::string& out, double error, double, double) { output_samples[out].by_displacement[d].push_back(error); });
    }
    const auto half = n / 2;
    for (int k = 0; k < 2; ++k) {
      const auto i = std::uniform_int_distribution<std::int64_t>(0, n - 2)(rng);
      const auto adjacent = swapping(n, i, i + 1);
      output_errors(adjacent, evaluation.pass(moved_inputs(x, adjacent), outputs_only),
                    [&](const std::string& out, double error, double, double) { output_samples[out].adjacent.push_back(error); });
      const auto j = std::uniform_int_distribution<std::int64_t>(0, n - 1 - half)(rng);
      const auto distant = swapping(n, j, j + half);
      output_errors(distant, evaluation.pass(moved_inputs(x, distant), outputs_only),
                    [&](const std::string& out, double error, double, double) { output_samples[out].distant.push_back(error); });
    }
  }

  for (std::size_t k = 0; k < size.nodes.size(); ++k) size.nodes[k].error = distribution(std::move(node_errors[k]));
  for (auto& m : size.outputs) {
    const auto it = output_samples.find(m.output);
    if (it == output_samples.end()) continue;
    auto& s = it->second;
    m.error = distribution(s.uniform);
    for (auto& [d, errors] : s.by_displacement) m.by_displacement.push_back({d, distribution(errors)});
    m.adjacent = distribution(s.adjacent);
    m.distant = distribution(s.distant);
    m.symmetric_fraction = ratio_estimate(s.symmetric, s.energy);
    if (m.invariant) {
      m.trivial_fraction = m.symmetric_fraction;
      m.standard_fraction = ratio_estimate(s.standard, s.energy);
    }
  }
  return size;
}

bool stores_weights(const Graph& graph) {
  return std::any_of(graph.parameters.begin(), graph.parameters.end(),
                     [](const Parameter& p) { return p.kind == ParameterKind::Weight && p.data.has_value(); });
}

}  // namespace

Measurement measure_equivariance(const Graph& graph, const MeasureOptions& options) {
  const auto started = Clock::now();
  if (options.inputs < 1) throw Error(ErrorKind::Usage, "--inputs must be at least 1, got " + std::to_string(options.inputs));
  if (options.permutations < 2)
    throw Error(ErrorKind::Usage, "--permutations must be at least 2, got " + std::to_string(options.permutations));
  std::optional<SafetensorsFile> file;
  if (!options.inputs_file.empty()) file = read_safetensors(options.inputs_file);
  const bool float64 = options.check.precision == Precision::Float64;
  Measurement m;
  m.graph = graph.name;
  m.weights = stores_weights(graph) ? "stored" : "random";
  m.precision = float64 ? "float64" : "float32";
  m.seed = options.check.seed;
  m.inputs = file ? options.inputs_file : "random";
  m.rounding_level = 1024.0 * (float64 ? std::numeric_limits<double>::epsilon() : std::numeric_limits<float>::epsilon()) / 2;
  set_kernel_threads(options.check.threads);
  std::vector<std::optional<std::int64_t>> sizes;
  for (const auto n : options.seq_lens) sizes.emplace_back(n);
  if (sizes.empty()) sizes.emplace_back(options.check.tokens);
  for (const auto& n : sizes) {
    auto size = float64 ? measure_at<double>(graph, options, n, file ? &*file : nullptr) : measure_at<float>(graph, options, n, file ? &*file : nullptr);
    for (const auto& node : size.nodes)
      if (node.error.samples && node.error.max > m.rounding_level) {
        size.first_above_rounding = node.node;
        break;
      }
    m.sizes.push_back(std::move(size));
  }
  m.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return m;
}

}  // namespace permeq
