// Exact runs over the real constants, the draws they start from, and the certified replay that
// turns a difference seen with generic functions into a difference of the real graph.

#include "src/check/analysis.hpp"

#include "permeq/core/error.hpp"
#include "src/eval/real_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace permeq {

namespace {
/// Constants larger than this stay out of RealConstants (their nodes are evaluated in the runs).
constexpr std::int64_t max_constant_elements = 2'000'000;

bool acted(const Analysis& a, const std::string& name) {
  const auto it = a.states.find(name);
  return it != a.states.end() && it->second.depends;
}
}  // namespace

const RealConstants& real_constants(const Analysis& a) {
  if (a.constants) return *a.constants;
  auto constants = std::make_shared<RealConstants>();
  const auto& g = a.graph;
  ValueMap<RealBounds> bounds;
  for (const auto& p : g.graph.parameters)
    if (p.data && !acted(a, p.info.name)) {
      auto exact = stored_values(p, g.types.at(p.info.name));
      bounds[p.info.name] = to_bounds(exact);
      constants->values[p.info.name] = std::move(exact);
    }
  for (const auto index : g.order) {
    const auto& node = g.graph.nodes[index];
    const auto& state = a.states.at(node.outputs[0]);
    if (!state.determined || state.depends) continue;
    const auto left_out = [&](const std::string& why) {
      for (const auto& out : node.outputs) constants->undecided[out] = why;
    };
    std::vector<const Tensor<RealBounds>*> inputs;
    for (const auto& in : node.inputs)
      if (const auto it = bounds.find(in); it != bounds.end()) inputs.push_back(&it->second);
    if (inputs.size() != node.inputs.size()) {
      left_out("an input of " + node.name + " was left out");
      continue;
    }
    if (std::any_of(node.outputs.begin(), node.outputs.end(), [&](const std::string& out) { return element_count(g.types.at(out).shape) > max_constant_elements; })) {
      left_out("larger than " + std::to_string(max_constant_elements) + " values");
      continue;
    }
    try {
      const auto selects_before = undecided_selects();
      auto outputs = evaluate_node<RealBounds>(node, inputs, {});
      if (undecided_selects() != selects_before) {
        // A mask or a floor on a comparison the bounds do not decide (log(exp(2)) = 2): the hull
        // of both branches is no value of the graph, and a run could not use it as one.
        left_out(node.name + " (" + node.op + "): a comparison of bounds that do not decide it");
        continue;
      }
      for (std::size_t k = 0; k < outputs.size(); ++k) {
        Tensor<Rational> mid(outputs[k].dtype, outputs[k].shape), radius(outputs[k].dtype, outputs[k].shape);
        bool exact = true;
        for (std::size_t i = 0; i < outputs[k].data.size(); ++i) {
          mid.data[i] = outputs[k].data[i].midpoint();
          radius.data[i] = outputs[k].data[i].radius();
          exact = exact && outputs[k].data[i].exact();
        }
        if (!exact) constants->radius[node.outputs[k]] = std::move(radius);
        constants->values[node.outputs[k]] = std::move(mid);
        bounds[node.outputs[k]] = std::move(outputs[k]);
      }
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Evaluation) throw;
      left_out(node.name + " (" + node.op + "): " + e.what());
    }
  }
  a.constants = std::move(constants);
  return *a.constants;
}

bool reads_undecided_constant(const Analysis& a, const Node& node) {
  const auto& undecided = real_constants(a).undecided;
  return std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return undecided.count(in) > 0; });
}

ExactRun exact_run(const Analysis& a, const ValueMap<Rational>& draws, const Permutation* sigma, const ExactRun* plain,
                   const std::map<std::size_t, std::string>* permitted, const EvalOptions& options) {
  const auto& g = a.graph;
  const auto& constants = real_constants(a);
  ExactRun run;
  run.values = draws;
  if (sigma) {
    for (const auto& in : g.graph.inputs) run.values[in.name] = apply_action(run.values.at(in.name), a.states.at(in.name).action, *sigma);
    if (a.weights_acted)
      for (const auto& p : g.graph.parameters) run.values[p.info.name] = apply_action(run.values.at(p.info.name), a.states.at(p.info.name).action, *sigma);
  }
  for (const auto& [name, value] : constants.values) run.values.emplace(name, value);
  for (const auto& [name, radius] : constants.radius) run.stand_in.insert(name);
  for (const auto index : g.order) {
    const auto& node = g.graph.nodes[index];
    if (std::all_of(node.outputs.begin(), node.outputs.end(), [&](const std::string& out) { return run.values.count(out) > 0; })) continue;
    const auto before = oracle_stand_ins();
    auto outputs = evaluate_node<Rational>(node, node_inputs(node, run.values), options);
    bool stand_in = oracle_stand_ins() != before ||
                    std::any_of(node.inputs.begin(), node.inputs.end(), [&](const std::string& in) { return run.stand_in.count(in) > 0; });
    if (sigma && plain && permitted && permitted->count(index) && a.claims[index].representable)
      for (std::size_t k = 0; k < outputs.size(); ++k) {
        outputs[k] = apply_action(plain->values.at(node.outputs[k]), a.claims[index].outputs[k], *sigma);
        stand_in = stand_in || plain->stand_in.count(node.outputs[k]) > 0;
      }
    for (std::size_t k = 0; k < outputs.size(); ++k) {
      run.values[node.outputs[k]] = std::move(outputs[k]);
      if (stand_in) run.stand_in.insert(node.outputs[k]);
    }
  }
  return run;
}

std::string_view to_string(DrawKind kind) {
  switch (kind) {
    case DrawKind::Generic: return "generic";
    case DrawKind::Small: return "small";
    case DrawKind::Ties: return "ties";
    case DrawKind::DeadWeights: return "dead-weight";
    case DrawKind::Boundaries: return "boundaries";
  }
  return "?";
}

namespace {
/// The magnitudes of the graph's constants that generic draws (|x| <= 8) do not reach:
/// thresholds such as relu(x - 100).
std::vector<Rational> boundary_magnitudes(const Analysis& a) {
  std::set<Rational> magnitudes;
  for (const auto& [name, t] : real_constants(a).values)
    for (const auto& v : t.data)
      if (abs(v) > 8 && abs(v) < Rational(1'000'000'000)) magnitudes.insert(abs(v));
  std::vector<Rational> largest(magnitudes.rbegin(), magnitudes.rend());
  if (largest.size() > 32) largest.resize(32);
  return largest;
}
}  // namespace

ValueMap<Rational> draw_values(const Analysis& a, std::uint64_t seed, DrawKind kind, bool binary_integers) {
  std::mt19937_64 engine(seed);
  return draw_values(a, engine, kind, binary_integers);
}

ValueMap<Rational> draw_values(const Analysis& a, std::mt19937_64& engine, DrawKind kind, bool binary_integers) {
  const auto& g = a.graph;
  const auto boundaries = kind == DrawKind::Boundaries ? boundary_magnitudes(a) : std::vector<Rational>{};
  auto float_value = [&]() -> Rational {
    switch (kind) {
      case DrawKind::Ties:
      case DrawKind::DeadWeights: return Rational(std::uniform_int_distribution<int>(-1, 1)(engine));
      case DrawKind::Small: return Rational(std::uniform_int_distribution<int>(-64, 64)(engine), 256);
      case DrawKind::Boundaries:
        // Without constants to aim at, large magnitudes: whole numbers up to 64.
        if (boundaries.empty()) return Rational(std::uniform_int_distribution<int>(-64, 64)(engine));
        // Three values in four at a constant's magnitude or just beyond it, either sign, so that
        // each entry passes a threshold x > c (or x < -c) with probability 3/8 and a few entries
        // almost surely do; the rest ordinary values.
        if (std::uniform_int_distribution<int>(0, 3)(engine) != 0) {
          const Rational& m = boundaries[std::uniform_int_distribution<std::size_t>(0, boundaries.size() - 1)(engine)];
          const Rational beyond = m + Rational(std::uniform_int_distribution<int>(0, 8)(engine), 8);
          return std::uniform_int_distribution<int>(0, 1)(engine) ? beyond : Rational(-beyond);
        }
        return Rational(std::uniform_int_distribution<int>(-64, 64)(engine), 8);
      case DrawKind::Generic: break;
    }
    return Rational(std::uniform_int_distribution<int>(-64, 64)(engine), 8);
  };
  ValueMap<Rational> values;
  auto fill = [&](const ValueInfo& info) {
    const auto& type = g.types.at(info.name);
    Tensor<Rational> t(type.dtype, type.shape);
    const auto bound = type.dtype == DType::Int64 && !binary_integers ? index_bound(g, info.name) : 2;
    for (auto& v : t.data)
      v = type.dtype == DType::Float ? float_value() : Rational(std::uniform_int_distribution<std::int64_t>(0, std::max<std::int64_t>(bound, 1) - 1)(engine));
    values[info.name] = std::move(t);
  };
  for (const auto& in : g.graph.inputs) fill(in);
  for (const auto& p : g.graph.parameters) {
    if (p.data) {
      values[p.info.name] = stored_values(p, g.types.at(p.info.name));
    } else if (kind == DrawKind::DeadWeights && g.types.at(p.info.name).dtype == DType::Float) {
      // Weights that are all zero: every unit after them ties (dead ReLUs), and a readout that
      // breaks ties by position (ArgMax, TopK, MaxPool) shows it.
      values[p.info.name] = Tensor<Rational>(DType::Float, g.types.at(p.info.name).shape);
    } else {
      fill(p.info);
    }
  }
  return values;
}

/// Evaluates the nodes of `cone` in domain S on `draws` (moved by sigma when given, with the
/// permitted nodes passing on the claimed output of `plain`), the constants replacing their
/// nodes; `convert` brings a draw or a constant into S.
template <class S, class Convert>
ValueMap<S> run_cone(const Analysis& a, const ValueMap<Rational>& draws, const std::vector<std::size_t>& cone, const Permutation* sigma,
                     const ValueMap<S>* plain, const std::map<std::size_t, std::string>* permitted, const EvalOptions& options, Convert convert) {
  const auto& g = a.graph;
  ValueMap<S> values;
  for (const auto& [name, t] : draws) {
    auto v = convert(name, t);
    if (sigma && (g.graph.find_input(name) || a.weights_acted)) v = apply_action(v, a.states.at(name).action, *sigma);
    values[name] = std::move(v);
  }
  for (const auto& [name, t] : real_constants(a).values) values.emplace(name, convert(name, t));
  for (const auto index : cone) {
    const auto& node = g.graph.nodes[index];
    if (std::all_of(node.outputs.begin(), node.outputs.end(), [&](const std::string& out) { return values.count(out) > 0; })) continue;
    auto outputs = evaluate_node<S>(node, node_inputs(node, values), options);
    if (sigma && plain && permitted && permitted->count(index) && a.claims[index].representable)
      for (std::size_t k = 0; k < outputs.size(); ++k) outputs[k] = apply_action(plain->at(node.outputs[k]), a.claims[index].outputs[k], *sigma);
    for (std::size_t k = 0; k < outputs.size(); ++k) values[node.outputs[k]] = std::move(outputs[k]);
  }
  return values;
}

RealRun real_run(const Analysis& a, const ValueMap<Rational>& draws, const Permutation& sigma, const std::map<std::size_t, std::string>* permitted) {
  const EvalOptions real{FunctionSemantics::Real};
  auto convert = [](const std::string&, const Tensor<Rational>& t) {
    Tensor<double> out(t.dtype, t.shape);
    for (std::size_t i = 0; i < t.data.size(); ++i) out.data[i] = to_double(t.data[i]);
    return out;
  };
  RealRun run;
  run.sigma = sigma;
  try {
    run.plain = run_cone<double>(a, draws, a.graph.order, nullptr, nullptr, permitted, real, convert);
    run.moved = run_cone<double>(a, draws, a.graph.order, &sigma, &run.plain, permitted, real, convert);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Evaluation) throw;
    run.plain.clear();
    run.moved.clear();
  }
  // The draws are exact; a constant known only within bounds enters with them.
  const auto& radius = real_constants(a).radius;
  auto bounds = [&](const std::string& name, const Tensor<Rational>& t) {
    const auto r = radius.find(name);
    return to_bounds(t, r == radius.end() ? nullptr : &r->second);
  };
  try {
    run.plain_bounds = run_cone<RealBounds>(a, draws, a.graph.order, nullptr, nullptr, permitted, real, bounds);
    run.moved_bounds = run_cone<RealBounds>(a, draws, a.graph.order, &sigma, &run.plain_bounds, permitted, real, bounds);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Evaluation) throw;
    run.plain_bounds.clear();
    run.moved_bounds.clear();
  }
  return run;
}

std::vector<std::optional<Mismatch>> far_differences(const RealRun& run, const std::string& value, const std::vector<Action>& actions) {
  std::vector<std::optional<Mismatch>> found(actions.size());
  if (!run.plain.count(value) || !run.moved.count(value) || !run.plain_bounds.count(value) || !run.moved_bounds.count(value)) return found;
  const auto& plain = run.plain.at(value);
  const auto& got = run.moved.at(value);
  const auto& plain_bounds = run.plain_bounds.at(value);
  const auto& got_bounds = run.moved_bounds.at(value);
  double scale = 0.0;
  for (const double v : plain.data) scale = std::max(scale, std::fabs(v));
  if (!std::isfinite(scale)) return found;
  for (std::size_t c = 0; c < actions.size(); ++c) {
    const auto expected = apply_action(plain, actions[c], run.sigma);
    if (got.shape != expected.shape) continue;
    const auto expected_bounds = apply_action(plain_bounds, actions[c], run.sigma);
    for (std::size_t i = 0; i < got.data.size() && !found[c]; ++i)
      if (std::isfinite(got.data[i]) && std::isfinite(expected.data[i]) && std::fabs(got.data[i] - expected.data[i]) > 1e-6 * (1.0 + scale) &&
          certainly_differ(got_bounds.data[i], expected_bounds.data[i]))
        found[c] = Mismatch{value, unflatten(i, got.shape), Rational(got.data[i]), Rational(expected.data[i])};
  }
  return found;
}

}  // namespace permeq
