// Every operator's derivative rule (VJP), checked on every operator sample (permeq/ops/samples.hpp):
//   - against central finite differences in double with the real functions (away from kinks);
//   - for polynomial operators, against the exact five-point difference quotient in rationals,
//     which equals the derivative for polynomials of degree <= 4;
//   - every operator with a float input and a float output has a rule and a checked sample.
// The objective is sum_k <R_k, out_k> for fixed random R_k, so every output element's cotangent is
// generic, and the gradient graph comes from the public `differentiate`.
#include <doctest/doctest.h>

#include <permeq/autodiff/gradient.hpp>
#include <permeq/permeq.hpp>

#include <cmath>
#include <optional>
#include <random>
#include <set>

using namespace permeq;

namespace {

/// Inputs whose operator needs them positive (logarithms, roots, divisors): the operator says.
bool needs_positive(const OperatorSample& s, std::size_t input) { return find_operator(s.op)->positive_input(s.node(), input); }

/// Kinks sit at 0 (ReLU) and at ties (max); values with |x| >= 1/4 on a grid of 1/8 ... 2 keep
/// finite differences of step 1e-6 away from both, except where ties are drawn on purpose.
Tensor<Rational> draw(const OperatorSample& s, std::size_t input, std::mt19937_64& rng) {
  const auto& type = s.inputs[input];
  Tensor<Rational> t(type.dtype, type.shape);
  std::set<Rational> seen;
  for (auto& v : t.data) {
    if (type.dtype == DType::Float) {
      do {
        const int k = std::uniform_int_distribution<int>(2, 16)(rng);
        const bool negative = !needs_positive(s, input) && std::uniform_int_distribution<int>(0, 1)(rng) == 1;
        v = Rational(negative ? -k : k, 8) + Rational(std::uniform_int_distribution<int>(0, 63)(rng), 8 * 64);
      } while (seen.count(v));  // distinct values: no ties for max, argmax or sorting
      seen.insert(v);
    } else if (type.dtype == DType::Bool) {
      v = std::uniform_int_distribution<int>(0, 1)(rng);
    } else {
      v = std::uniform_int_distribution<int>(0, 2)(rng);
    }
  }
  return t;
}

struct Setup {
  Graph graph;  ///< inputs in0.., the sample node, objective = sum_k sum(out_k * R_k)
  std::vector<std::string> float_inputs;
  InstantiatedGraph forward;
};

bool has_float_path(const OperatorSample& s) {
  bool float_in = false;
  for (const auto& t : s.inputs) float_in = float_in || t.dtype == DType::Float;
  if (!float_in) return false;
  std::vector<TensorType> out = find_operator(s.op)->infer(s.node(), s.inputs);
  return std::any_of(out.begin(), out.end(), [](const TensorType& t) { return t.dtype == DType::Float; });
}

Setup make_setup(const OperatorSample& s, std::mt19937_64& rng) {
  Setup setup;
  Graph& g = setup.graph;
  g.name = "vjp_" + s.op;
  const Node node = s.node();
  for (std::size_t i = 0; i < s.inputs.size(); ++i) {
    SymbolicShape shape(s.inputs[i].shape.begin(), s.inputs[i].shape.end());
    g.inputs.push_back({node.inputs[i], s.inputs[i].dtype, shape});
    if (s.inputs[i].dtype == DType::Float) setup.float_inputs.push_back(node.inputs[i]);
  }
  g.nodes.push_back(node);
  const auto out_types = find_operator(s.op)->infer(node, s.inputs);
  std::string total;
  for (std::size_t k = 0; k < out_types.size(); ++k) {
    if (out_types[k].dtype != DType::Float) continue;
    const std::string r = "R" + std::to_string(k);
    std::vector<double> values;
    for (std::int64_t e = 0; e < element_count(out_types[k].shape); ++e)
      values.push_back(std::uniform_int_distribution<int>(-16, 16)(rng) / 8.0);
    Parameter p;
    p.info = {r, DType::Float, SymbolicShape(out_types[k].shape.begin(), out_types[k].shape.end())};
    p.kind = ParameterKind::Buffer;
    p.data = StoredValues(values);
    g.parameters.push_back(p);
    const std::string product = "weighted" + std::to_string(k), summed = "summed" + std::to_string(k);
    g.nodes.push_back({product, "Mul", {node.outputs[k], r}, {product}, {}, ""});
    g.nodes.push_back({summed, "ReduceSum", {product}, {summed}, {{"keepdims", std::int64_t{0}}}, ""});
    if (total.empty()) {
      total = summed;
    } else {
      const std::string next = "total" + std::to_string(k);
      g.nodes.push_back({next, "Add", {total, summed}, {next}, {}, ""});
      total = next;
    }
  }
  g.outputs = {total};
  setup.forward = instantiate(g);
  return setup;
}

/// An exact tensor in the domain S (exact, or rounded to double).
template <class S>
Tensor<S> in_domain(const Tensor<Rational>& exact) {
  Tensor<S> t(exact.dtype, exact.shape);
  for (std::size_t i = 0; i < t.data.size(); ++i) {
    if constexpr (std::is_same_v<S, Rational>) t.data[i] = exact.data[i];
    else t.data[i] = to_double(exact.data[i]);
  }
  return t;
}

template <class S>
ValueMap<S> convert(const ValueMap<Rational>& exact) {
  ValueMap<S> out;
  for (const auto& [name, t] : exact) out[name] = in_domain<S>(t);
  return out;
}

/// Binds every parameter of the graph to its stored values, in the domain S.
template <class S>
void bind_parameters(const InstantiatedGraph& graph, ValueMap<S>& bindings) {
  for (const auto& p : graph.graph.parameters) bindings[p.info.name] = in_domain<S>(stored_values(p, graph.types.at(p.info.name)));
}

/// The gradient graph of sum(op(...)); a failure to build it is a test failure (and nullopt).
std::optional<GradientGraph> sum_gradient(const Setup& setup) {
  std::optional<GradientGraph> gg;
  CHECK_NOTHROW(gg = differentiate(setup.graph, LossSpec{LossKind::Sum, ""}));
  return gg;
}

template <class S>
S objective(const InstantiatedGraph& forward, const ValueMap<S>& inputs, const EvalOptions& options) {
  ValueMap<S> bindings = inputs;
  bind_parameters(forward, bindings);
  const auto values = evaluate(forward, bindings, options);
  return values.at(forward.graph.outputs.front()).data.front();
}


/// The gradient graph's value for each float input, in the domain S.
template <class S>
std::map<std::string, Tensor<S>> gradients(const Setup& setup, const GradientGraph& gg, const ValueMap<S>& inputs, const EvalOptions& options) {
  const auto inst = instantiate(gg.graph);
  ValueMap<S> bindings = inputs;
  bind_parameters(inst, bindings);
  const auto values = evaluate(inst, bindings, options);
  std::map<std::string, Tensor<S>> result;
  for (const auto& out : gg.outputs)
    if (out.role == GradientRole::InputGradient) result.emplace(out.of, values.at(out.output));
  (void)setup;
  return result;
}

}  // namespace

TEST_CASE("every operator's derivative rule matches finite differences (double, real functions)") {
  std::mt19937_64 rng(7);
  std::set<std::string> checked;
  int samples = 0, elements = 0;
  for (const auto& s : operator_samples()) {
    if (!has_float_path(s)) continue;
    CAPTURE(s.label);
    // An operator without a rule is reported by the coverage check below; skipping it here lets
    // every other operator's rule be checked in the same run.
    if (!find_operator(s.op)->vjp) continue;
    const Setup setup = make_setup(s, rng);
    const auto differentiated = sum_gradient(setup);
    if (!differentiated) continue;
    const GradientGraph& gg = *differentiated;
    ValueMap<Rational> exact;
    for (std::size_t i = 0; i < s.inputs.size(); ++i) exact["in" + std::to_string(i)] = draw(s, i, rng);
    const EvalOptions real{FunctionSemantics::Real};
    const auto at = convert<double>(exact);
    const auto grads = gradients<double>(setup, gg, at, real);
    for (const auto& name : setup.float_inputs) {
      const auto& g = grads.at(name);
      REQUIRE(g.shape == at.at(name).shape);
      for (std::size_t e = 0; e < g.data.size(); ++e) {
        const double h = 1e-6;
        auto plus = at, minus = at;
        plus.at(name).data[e] += h;
        minus.at(name).data[e] -= h;
        const double fd = (objective(setup.forward, plus, real) - objective(setup.forward, minus, real)) / (2 * h);
        CAPTURE(name);
        CAPTURE(e);
        CHECK(g.data[e] == doctest::Approx(fd).epsilon(1e-5).scale(1.0));
        ++elements;
      }
    }
    checked.insert(s.op);
    ++samples;
  }
  MESSAGE(samples << " samples, " << elements << " gradient elements checked against finite differences");
  // Every operator that maps floats to floats has a rule and was checked here.
  for (const auto& info : operators()) {
    const bool float_op = std::any_of(operator_samples().begin(), operator_samples().end(),
                                      [&](const OperatorSample& s) { return s.op == info.name && has_float_path(s); });
    if (!float_op) continue;
    CAPTURE(info.name);
    CHECK(static_cast<bool>(info.vjp));
    CHECK(checked.count(std::string(info.name)) == 1);
  }
}

TEST_CASE("derivative rules of polynomial operators equal exact difference quotients") {
  std::mt19937_64 rng(11);
  int samples = 0;
  for (const auto& s : operator_samples()) {
    if (!has_float_path(s)) continue;
    std::vector<Degree> ones(s.inputs.size(), Degree{1});
    for (std::size_t i = 0; i < s.inputs.size(); ++i)
      if (s.inputs[i].dtype != DType::Float) ones[i] = 0;
    const Degree degree = find_operator(s.op)->degree(s.node(), ones);
    if (!degree || *degree > 4) continue;
    CAPTURE(s.label);
    if (!find_operator(s.op)->vjp) continue;  // reported by the finite-difference test case's coverage check
    const Setup setup = make_setup(s, rng);
    const auto differentiated = sum_gradient(setup);
    if (!differentiated) continue;
    const GradientGraph& gg = *differentiated;
    ValueMap<Rational> at;
    for (std::size_t i = 0; i < s.inputs.size(); ++i) at["in" + std::to_string(i)] = draw(s, i, rng);
    const EvalOptions generic{};
    const auto grads = gradients<Rational>(setup, gg, at, generic);
    for (const auto& name : setup.float_inputs)
      for (std::size_t e = 0; e < at.at(name).data.size(); ++e) {
        // f'(0) = (f(-2) - 8 f(-1) + 8 f(1) - f(2)) / 12, exact for degree <= 4.
        auto shifted = [&](int k) {
          auto moved = at;
          moved.at(name).data[e] += Rational(k);
          return objective(setup.forward, moved, generic);
        };
        const Rational quotient = (shifted(-2) - Rational(8) * shifted(-1) + Rational(8) * shifted(1) - shifted(2)) / Rational(12);
        CAPTURE(name);
        CAPTURE(e);
        CHECK(grads.at(name).data[e] == quotient);
      }
    ++samples;
  }
  CHECK(samples >= 20);
}

namespace {

/// dL/dx for L = sum(op(x)), evaluated exactly at `x`, with the gradient graph's kink notes.
std::pair<Tensor<Rational>, std::vector<std::string>> exact_sum_gradient(const std::string& op, Attributes attrs, const Tensor<Rational>& x) {
  Graph g;
  g.name = "kink_" + op;
  g.inputs.push_back({"x", DType::Float, SymbolicShape(x.shape.begin(), x.shape.end())});
  g.nodes.push_back({"sample", op, {"x"}, {"y"}, std::move(attrs), ""});
  g.outputs = {"y"};
  const auto gg = differentiate(g, LossSpec{LossKind::Sum, ""});
  const auto inst = instantiate(gg.graph);
  const auto values = evaluate(inst, ValueMap<Rational>{{"x", x}}, EvalOptions{});
  for (const auto& out : gg.outputs)
    if (out.role == GradientRole::InputGradient && out.of == "x") return {values.at(out.output), gg.kinks};
  FAIL("no gradient of x");
  return {};
}

Tensor<Rational> rationals(Shape shape, std::initializer_list<int> values) {
  Tensor<Rational> t(DType::Float, std::move(shape));
  std::size_t i = 0;
  for (const int v : values) t.data.at(i++) = Rational(v);
  return t;
}

}  // namespace

TEST_CASE("derivative rules at kinks: ReduceMax splits ties evenly, Relu takes 0 at 0, ArgMax routing is flagged, and each says so") {
  SUBCASE("ReduceMax over features with ties") {
    const auto [grad, kinks] = exact_sum_gradient("ReduceMax", {{"axes", std::vector<std::int64_t>{1}}, {"keepdims", std::int64_t{0}}},
                                                  rationals({3, 3}, {1, 1, 0, 2, 0, 2, -1, 5, 5}));
    const std::vector<Rational> expected{Rational(1, 2), Rational(1, 2), 0, Rational(1, 2), 0, Rational(1, 2), 0, Rational(1, 2), Rational(1, 2)};
    CHECK(grad.data == expected);
    REQUIRE(kinks.size() == 1);
    CHECK(kinks.front().find("evenly") != std::string::npos);
  }
  SUBCASE("ReduceMax over everything, three-way tie") {
    const auto [grad, kinks] = exact_sum_gradient("ReduceMax", {}, rationals({2, 2}, {3, 3, 1, 3}));
    const std::vector<Rational> expected{Rational(1, 3), Rational(1, 3), 0, Rational(1, 3)};
    CHECK(grad.data == expected);
    CHECK(kinks.size() == 1);
  }
  SUBCASE("max pooling by ArgMax routing: flagged, and at a tie the gradient does not permute") {
    // y = GatherElements(x, ArgMax(x over tokens)): the max over tokens, as torch.max(dim) exports.
    Graph graph;
    graph.name = "argmax_routing";
    graph.inputs.push_back({"x", DType::Float, SymbolicShape{std::int64_t{3}, std::int64_t{1}}});
    graph.nodes.push_back({"pick", "ArgMax", {"x"}, {"index"}, {{"axis", std::int64_t{0}}, {"keepdims", std::int64_t{1}}}, ""});
    graph.nodes.push_back({"pool", "GatherElements", {"x", "index"}, {"y"}, {{"axis", std::int64_t{0}}}, ""});
    graph.outputs = {"y"};
    const auto gg = differentiate(graph, LossSpec{LossKind::Sum, ""});
    REQUIRE(gg.kinks.size() == 1);
    CHECK(gg.kinks.front().find("ArgMax") != std::string::npos);
    const auto inst = instantiate(gg.graph);
    auto gradient_at = [&](const Tensor<Rational>& x) {
      const auto values = evaluate(inst, ValueMap<Rational>{{"x", x}}, EvalOptions{});
      for (const auto& out : gg.outputs)
        if (out.role == GradientRole::InputGradient) return values.at(out.output).data;
      FAIL("no gradient of x");
      return std::vector<Rational>{};
    };
    // Tokens 0 and 2 tie, so swapping them leaves x as it is; equivariance would need the swap to
    // leave the gradient as it is too, but the gradient lands on token 0 only.
    const auto x = rationals({3, 1}, {5, 1, 5});
    const auto g = gradient_at(x);
    CHECK(g == std::vector<Rational>{1, 0, 0});
    CHECK(gradient_at(x) != std::vector<Rational>{g[2], g[1], g[0]});
  }
  SUBCASE("Relu at and around 0") {
    const auto [grad, kinks] = exact_sum_gradient("Relu", {}, rationals({1, 3}, {-1, 0, 2}));
    const std::vector<Rational> expected{0, 0, 1};
    CHECK(grad.data == expected);
    REQUIRE(kinks.size() == 1);
    CHECK(kinks.front().find("subgradient 0") != std::string::npos);
  }
}
