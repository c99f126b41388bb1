// Per-operator conformance, run over every entry of the operator registry:
//   - the shape rule agrees with what evaluation produces, in both domains;
//   - exact and double evaluation agree on dyadic inputs (generic-function semantics);
//   - the declared symmetry claim agrees with what evaluation observes under random permutations
//     (holds where the case says equivariant, fails where it says breaks);
//   - every registered operator has at least one case here.
#include <doctest/doctest.h>

#include <permeq/permeq.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <map>
#include <set>

using namespace permeq;

namespace {

using Case = OperatorSample;
using Expect = SampleExpect;
constexpr std::int64_t n = sample_tokens;

std::vector<OperatorSample> cases() { return {operator_samples().begin(), operator_samples().end()}; }

Node node_of(const Case& c) { return c.node(); }
/// Dyadic draws (k/8, nonzero so that Div and Reciprocal are defined); valid indices; 0/1 conditions.
std::vector<Tensor<Rational>> draw_inputs(const Case& c, std::mt19937_64& rng) {
  std::vector<Tensor<Rational>> inputs;
  for (const auto& type : c.inputs) {
    Tensor<Rational> t(type.dtype, type.shape);
    for (auto& v : t.data) {
      if (type.dtype == DType::Float) {
        const int k = std::uniform_int_distribution<int>(1, 64)(rng);
        v = Rational(std::uniform_int_distribution<int>(0, 1)(rng) ? k : -k, 8);
      } else if (type.dtype == DType::Bool) {
        v = std::uniform_int_distribution<int>(0, 1)(rng);
      } else {
        v = std::uniform_int_distribution<int>(0, 2)(rng);  // valid for every indexed axis above
      }
    }
    inputs.push_back(std::move(t));
  }
  return inputs;
}

template <class S>
std::vector<Tensor<S>> run(const Node& node, const std::vector<Tensor<S>>& inputs, const EvalOptions& options = {}) {
  std::vector<const Tensor<S>*> pointers;
  for (const auto& t : inputs) pointers.push_back(&t);
  return evaluate_node<S>(node, pointers, options);
}

Permutation random_permutation(std::mt19937_64& rng) {
  Permutation p(n);
  std::iota(p.begin(), p.end(), 0);
  std::shuffle(p.begin(), p.end(), rng);
  return p;
}

}  // namespace

TEST_CASE("every registered operator has a conformance case") {
  std::set<std::string> covered;
  for (const auto& c : cases()) covered.insert(c.op);
  for (const auto& op : operators()) {
    CAPTURE(op.name);
    CHECK(covered.count(std::string(op.name)) == 1);
  }
}

TEST_CASE("operator conformance: shape rule, exact against double, declared symmetry") {
  std::mt19937_64 rng(7);
  for (const auto& c : cases()) {
    CAPTURE(c.label);
    const auto* info = find_operator(c.op);
    REQUIRE(info != nullptr);
    const Node node = node_of(c);
    const auto types = info->infer(node, c.inputs);
    REQUIRE(types.size() == node.outputs.size());

    // Shape rule against evaluation, and exact against double with the same generic functions.
    const auto exact_inputs = draw_inputs(c, rng);
    std::vector<Tensor<double>> double_inputs;
    for (const auto& t : exact_inputs) double_inputs.push_back(convert_tensor<double>(t, [](const Rational& r) { return to_double(r); }));
    const auto exact = run(node, exact_inputs);
    const auto approx = run(node, double_inputs);
    REQUIRE(exact.size() == types.size());
    for (std::size_t k = 0; k < types.size(); ++k) {
      CHECK(exact[k].type() == types[k]);
      CHECK(approx[k].type() == types[k]);
      for (std::size_t i = 0; i < exact[k].data.size(); ++i) {
        const double e = to_double(exact[k].data[i]);
        CHECK(std::fabs(approx[k].data[i] - e) <= 1e-9 * (1.0 + std::fabs(e)));
      }
    }

    // The declared symmetry against what evaluation observes.
    if (c.acted.empty()) continue;
    std::vector<Action> actions;
    for (const auto& axis : c.acted) {
      Action a;
      if (axis) a.add(*axis, 0);
      actions.push_back(a);
    }
    const Claim claim = info->claim(node, c.inputs, actions, n);
    if (c.expect == Expect::Unrepresentable) {
      CHECK_FALSE(claim.representable);
      continue;
    }
    REQUIRE(claim.representable);
    bool all_hold = true;
    std::vector<Permutation> sigmas{transposition(n), n_cycle(n)};
    for (int i = 0; i < 6; ++i) sigmas.push_back(random_permutation(rng));
    for (int draw = 0; draw < 3; ++draw) {
      const auto x = draw_inputs(c, rng);
      const auto fx = run(node, x);
      for (const auto& sigma : sigmas) {
        std::vector<Tensor<Rational>> permuted;
        for (std::size_t i = 0; i < x.size(); ++i) permuted.push_back(apply_action(x[i], actions[i], sigma));
        const auto f_permuted = run(node, permuted);
        for (std::size_t k = 0; k < fx.size(); ++k)
          all_hold = all_hold && f_permuted[k].data == apply_action(fx[k], claim.outputs[k], sigma).data;
      }
    }
    CHECK(all_hold == (c.expect == Expect::Holds));
    // A size-generic family may only be claimed where the symmetry really holds.
    if (!info->family(node, c.inputs, actions, n).empty()) CHECK(c.expect == Expect::Holds);
  }
}

TEST_CASE("the size-generic families cover the cases the prover relies on") {
  std::map<std::string, std::string> family_of;
  for (const auto& c : cases()) {
    if (c.acted.empty() || c.expect == Expect::Unrepresentable) continue;
    std::vector<Action> actions;
    for (const auto& axis : c.acted) {
      Action a;
      if (axis) a.add(*axis, 0);
      actions.push_back(a);
    }
    family_of[c.label] = std::string(find_operator(c.op)->family(node_of(c), c.inputs, actions, n));
  }
  // .at(): a renamed sample fails here instead of reading as "no family".
  CHECK(family_of.at("MatMul token rows") == "token-wise-linear");
  CHECK(family_of.at("MatMul scores (both sides)") == "attention-scores");
  CHECK(family_of.at("Linear") == "token-wise-linear");
  CHECK(family_of.at("Softmax over tokens") == "softmax-over-tokens");
  CHECK(family_of.at("LayerNorm") == "layernorm");
  CHECK(family_of.at("RMSNorm") == "rmsnorm");
  CHECK(family_of.at("ReduceSum over tokens") == "sum-pool");
  CHECK(family_of.at("ReduceMean over tokens") == "mean-pool");
  CHECK(family_of.at("ReduceMax over tokens") == "max-pool");
  CHECK(family_of.at("Gather embedding lookup") == "embedding-lookup");
  CHECK(family_of.at("Relu") == "pointwise-function");
  CHECK(family_of.at("Add of a fixed [n, d] table (positional encoding)").empty());
  CHECK(family_of.at("Conv1d kernel 3 over tokens").empty());
  CHECK(family_of.at("Gather token 0 (readout)").empty());
}

TEST_CASE("double evaluation with real functions matches the C library") {
  const Node exp_node{"e", "Exp", {"x"}, {"y"}, {}, ""};
  const Node gelu_node{"g", "Gelu", {"x"}, {"y"}, {}, ""};
  const Node softmax_node{"s", "Softmax", {"x"}, {"y"}, {}, ""};
  const Tensor<double> x(DType::Float, {3}, {-1.0, 0.0, 2.0});
  const EvalOptions real{FunctionSemantics::Real};
  const auto e = run(exp_node, std::vector{x}, real)[0];
  CHECK(e.data[2] == doctest::Approx(std::exp(2.0)));
  const auto g = run(gelu_node, std::vector{x}, real)[0];
  CHECK(g.data[0] == doctest::Approx(-0.15865525393145707));
  const auto s = run(softmax_node, std::vector{x}, real)[0];
  CHECK(s.data[0] + s.data[1] + s.data[2] == doctest::Approx(1.0));
  CHECK(s.data[2] == doctest::Approx(std::exp(2.0) / (std::exp(-1.0) + 1.0 + std::exp(2.0))));
}

TEST_CASE("the generic-function oracle is deterministic and respects its ranges") {
  const Node exp_node{"e", "Exp", {"x"}, {"y"}, {}, ""};
  const Node sig_node{"s", "Sigmoid", {"x"}, {"y"}, {}, ""};
  Tensor<Rational> x(DType::Float, {64});
  for (int i = 0; i < 64; ++i) x.data[static_cast<std::size_t>(i)] = Rational(i - 32, 3);
  const auto e1 = run(exp_node, std::vector{x})[0], e2 = run(exp_node, std::vector{x})[0];
  CHECK(e1.data == e2.data);
  std::set<std::string> distinct;
  for (const auto& v : e1.data) {
    CHECK(v > 0);
    distinct.insert(to_string(v));
  }
  CHECK(distinct.size() > 20);  // a function, not a constant
  const auto sigmoid = run(sig_node, std::vector{x})[0];
  for (const auto& v : sigmoid.data) CHECK((v > 0 && v < 1));
}

TEST_CASE("evaluation errors name the node") {
  const Node div{"ratio", "Div", {"a", "b"}, {"y"}, {}, ""};
  const Tensor<Rational> a(DType::Float, {1}, {Rational(1)}), zero(DType::Float, {1}, {Rational(0)});
  CHECK_THROWS_WITH_AS(run(div, std::vector{a, zero}), doctest::Contains("division by zero"), Error);
  const Node gather{"lookup", "Gather", {"t", "i"}, {"y"}, {}, ""};
  const Tensor<Rational> table(DType::Float, {2, 1}, {Rational(1), Rational(2)}), index(DType::Int64, {1}, {Rational(5)});
  CHECK_THROWS_WITH_AS(run(gather, std::vector{table, index}), doctest::Contains("node 'lookup' (Gather): index 5 is out of range"), Error);
}

TEST_CASE("infinite mask values: exp(-inf) is 0 in every domain, a fully masked softmax row is reported") {
  const double inf = std::numeric_limits<double>::infinity();
  const Node softmax{"attn/softmax", "Softmax", {"x"}, {"y"}, {{"axis", std::int64_t{-1}}}, ""};
  // Row 0 is causal-masked after its first entry, row 1 is masked throughout.
  const std::vector<double> scores{0.5, -inf, -inf, -inf, -inf, -inf};
  Tensor<Rational> exact(DType::Float, {1, 3});
  Tensor<double> real(DType::Float, {1, 3});
  for (std::size_t i = 0; i < 3; ++i) {
    exact.data[i] = rational_from_double(scores[i]);
    real.data[i] = scores[i];
  }
  const auto exact_y = run(softmax, std::vector{exact})[0];
  CHECK(exact_y.data == std::vector<Rational>{Rational(1), Rational(0), Rational(0)});
  const auto real_y = run(softmax, std::vector{real}, EvalOptions{FunctionSemantics::Real})[0];
  CHECK(real_y.data == std::vector<double>{1.0, 0.0, 0.0});
  const auto generic_y = run(softmax, std::vector{real})[0];
  CHECK(generic_y.data == std::vector<double>{1.0, 0.0, 0.0});

  Tensor<Rational> masked_exact(DType::Float, {2, 3});
  Tensor<double> masked_real(DType::Float, {2, 3});
  for (std::size_t i = 0; i < 6; ++i) {
    masked_exact.data[i] = rational_from_double(scores[i]);
    masked_real.data[i] = scores[i];
  }
  CHECK_THROWS_WITH_AS(run(softmax, std::vector{masked_exact}), doctest::Contains("node 'attn/softmax' (Softmax): a row of 3 entries is -inf throughout"), Error);
  CHECK_THROWS_WITH_AS(run(softmax, std::vector{masked_real}, EvalOptions{FunctionSemantics::Real}), doctest::Contains("fully masked"), Error);
  const Node log_softmax{"attn/log_softmax", "LogSoftmax", {"x"}, {"y"}, {{"axis", std::int64_t{-1}}}, ""};
  CHECK_THROWS_WITH_AS(run(log_softmax, std::vector{masked_exact}), doctest::Contains("PyTorch computes NaN"), Error);
  // Any other function of an infinity is an error, never a guess.
  const Node tanh{"act", "Tanh", {"x"}, {"y"}, {}, ""};
  CHECK_THROWS_WITH_AS(run(tanh, std::vector{exact}), doctest::Contains("node 'act' (Tanh): Tanh of -inf"), Error);
}

TEST_CASE("Cast from float to int64 truncates toward zero in every domain, on the parallel path too") {
  Node cast;
  cast.name = "bucket";
  cast.op = "Cast";
  cast.attrs = {{"to", std::string("int64")}};
  cast.inputs = {"x"};
  cast.outputs = {"y"};
  // T5's relative position buckets: log(distance) scaled and cast to an index.
  const std::vector<double> values{-2.5, -0.5, 0.5, 2.7, 3.0};
  const std::vector<double> truncated{-2, 0, 0, 2, 3};
  const auto exact = run<Rational>(cast, {Tensor<Rational>(DType::Float, {5}, {Rational(-5, 2), Rational(-1, 2), Rational(1, 2), Rational(27, 10), Rational(3)})});
  CHECK(exact[0].dtype == DType::Int64);
  for (std::size_t i = 0; i < values.size(); ++i) CHECK(exact[0].data[i] == Rational(static_cast<long>(truncated[i])));
  const auto in_double = run<double>(cast, {Tensor<double>(DType::Float, {5}, values)});
  CHECK(in_double[0].data == truncated);
  // Above kernels::parallel_elements the elements are mapped in parallel chunks.
  Tensor<float> many(DType::Float, {40000});
  for (std::size_t i = 0; i < many.data.size(); ++i) many.data[i] = static_cast<float>(i % 7) - 3.25f;
  const auto in_float = run<float>(cast, {many});
  for (std::size_t i = 0; i < many.data.size(); i += 997) CHECK(in_float[0].data[i] == std::trunc(many.data[i]));
}

TEST_CASE("OneHot follows ONNX: a negative index counts from the end, an index out of range gives a row of off values") {
  const Node one_hot{"dispatch", "OneHot", {"i"}, {"y"}, {{"depth", std::int64_t{3}}, {"axis", std::int64_t{0}}, {"off", -1.0}, {"on", 2.0}, {"dtype", std::string("float")}}, ""};
  const Tensor<Rational> indices(DType::Int64, {4}, {Rational(1), Rational(-1), Rational(3), Rational(0)});
  const auto y = run(one_hot, std::vector{indices})[0];
  CHECK(y.dtype == DType::Float);
  CHECK(y.shape == Shape{3, 4});  // the classes first (axis 0), the indices' axis after
  const std::vector<Rational> expected{-1, -1, -1, 2,   // class 0: index 0 at position 3
                                       2,  -1, -1, -1,  // class 1
                                       -1, 2,  -1, -1}; // class 2: -1 counts from the end; 3 is out of range
  CHECK(y.data == expected);
}
