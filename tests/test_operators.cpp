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
#include <random>
#include <set>

using namespace permeq;

namespace {

enum class Expect { Holds, Breaks, Unrepresentable };

struct Case {
  std::string label;
  std::string op;
  Attributes attrs;
  std::vector<TensorType> inputs;
  std::vector<std::optional<int>> acted;  ///< per input: the axis the permutation acts on (from 0)
  Expect expect = Expect::Holds;
  int outputs = 1;
};

constexpr std::int64_t n = 4;
const TensorType f43{DType::Float, {4, 3}};
TensorType f(Shape s) { return {DType::Float, std::move(s)}; }
TensorType i64(Shape s) { return {DType::Int64, std::move(s)}; }
TensorType b(Shape s) { return {DType::Bool, std::move(s)}; }
std::vector<std::int64_t> ints(std::initializer_list<std::int64_t> v) { return v; }
std::vector<Dim> dims(std::initializer_list<std::int64_t> v) { return {v.begin(), v.end()}; }
const std::optional<int> none = std::nullopt;

std::vector<Case> cases() {
  std::vector<Case> c;
  auto unary = [&](const std::string& op, Attributes attrs = {}) { c.push_back({op, op, std::move(attrs), {f43}, {0}}); };
  for (const auto* op : {"Neg", "Reciprocal", "Relu", "Silu", "Tanh", "Sigmoid", "Exp", "Log", "Sqrt", "Sin", "Cos", "Gelu"}) unary(op);
  unary("Gelu", {{"approximate", std::string("tanh")}});
  unary("Pow", {{"exponent", 3.0}});
  unary("Pow", {{"exponent", -2.0}});
  unary("Pow", {{"exponent", 0.5}});
  for (const auto* op : {"Add", "Sub", "Mul", "Div"}) {
    c.push_back({std::string(op) + " with a broadcast row", op, {}, {f43, f({3})}, {0, none}});
    c.push_back({std::string(op) + " of two permuted operands", op, {}, {f43, f43}, {0, 0}});
  }
  c.push_back({"Add of a fixed [n, d] table (positional encoding)", "Add", {}, {f43, f43}, {0, none}, Expect::Breaks});
  c.push_back({"Equal", "Equal", {}, {f43, f({3})}, {0, none}});
  c.push_back({"Less", "Less", {}, {f43, f43}, {0, 0}});
  c.push_back({"Where", "Where", {}, {b({4, 3}), f43, f({3})}, {0, 0, none}});
  c.push_back({"Where with a fixed [n, n] mask", "Where", {}, {b({4, 4}), f({4, 4}), f({1})}, {none, 0, none}, Expect::Breaks});
  c.push_back({"MatMul token rows", "MatMul", {}, {f43, f({3, 5})}, {0, none}});
  c.push_back({"MatMul scores (both sides)", "MatMul", {}, {f({2, 4, 3}), f({2, 3, 4})}, {1, 2}});
  c.push_back({"MatMul mixing (scores times values)", "MatMul", {}, {f({4, 4}), f43}, {0, 0}, Expect::Breaks});
  c.push_back({"MatMul with a 1-D right operand", "MatMul", {}, {f43, f({3})}, {0, none}});
  c.push_back({"Gemm", "Gemm", {{"alpha", 0.5}, {"beta", 2.0}}, {f43, f({3, 5}), f({5})}, {0, none, none}});
  c.push_back({"Gemm transB", "Gemm", {{"transB", std::int64_t{1}}}, {f43, f({5, 3})}, {0, none}});
  c.push_back({"Linear", "Linear", {}, {f43, f({3, 5}), f({5})}, {0, none, none}});
  c.push_back({"Softmax over features", "Softmax", {{"axis", std::int64_t{-1}}}, {f43}, {0}});
  c.push_back({"Softmax over tokens", "Softmax", {{"axis", std::int64_t{0}}}, {f43}, {0}});
  c.push_back({"LayerNorm", "LayerNorm", {{"epsilon", 0.0009765625}}, {f({4, 4}), f({4}), f({4})}, {0, none, none}});
  c.push_back({"RMSNorm", "RMSNorm", {{"epsilon", 0.0009765625}}, {f({4, 4}), f({4})}, {0, none}});
  c.push_back({"LayerNorm with per-token scale", "LayerNorm", {{"axis", std::int64_t{0}}, {"epsilon", 0.0009765625}}, {f({4, 4}), f({4, 4})}, {0, none}, Expect::Breaks});
  for (const auto* op : {"ReduceSum", "ReduceMean", "ReduceMax"}) {
    c.push_back({std::string(op) + " over tokens", op, {{"axes", ints({0})}, {"keepdims", std::int64_t{0}}}, {f43}, {0}});
    c.push_back({std::string(op) + " over features", op, {{"axes", ints({1})}}, {f43}, {0}});
  }
  c.push_back({"ArgMax over features", "ArgMax", {{"axis", std::int64_t{1}}}, {f43}, {0}});
  c.push_back({"ArgMax over tokens", "ArgMax", {{"axis", std::int64_t{0}}}, {f43}, {0}, Expect::Breaks});
  c.push_back({"CumSum over features", "CumSum", {{"axis", std::int64_t{1}}}, {f43}, {0}});
  c.push_back({"CumSum over tokens", "CumSum", {{"axis", std::int64_t{0}}, {"exclusive", std::int64_t{1}}}, {f43}, {0}, Expect::Breaks});
  c.push_back({"Reshape splitting features", "Reshape", {{"shape", dims({0, 2, 3})}}, {f({4, 6})}, {0}});
  c.push_back({"Reshape flattening tokens into features", "Reshape", {{"shape", dims({-1})}}, {f({4, 6})}, {0}, Expect::Unrepresentable});
  c.push_back({"Transpose", "Transpose", {{"perm", ints({1, 0})}}, {f43}, {0}});
  c.push_back({"Concat features", "Concat", {{"axis", std::int64_t{1}}}, {f43, f({4, 2})}, {0, 0}});
  c.push_back({"Concat a CLS row before the tokens", "Concat", {{"axis", std::int64_t{0}}}, {f({1, 3}), f43}, {none, 0}});
  c.push_back({"Split features", "Split", {{"axis", std::int64_t{1}}}, {f({4, 6})}, {0}, Expect::Holds, 2});
  c.push_back({"Split tokens", "Split", {{"axis", std::int64_t{0}}, {"split", ints({1, 3})}}, {f43}, {0}, Expect::Breaks, 2});
  c.push_back({"Slice features", "Slice", {{"starts", dims({1})}, {"ends", dims({3})}, {"axes", ints({1})}}, {f43}, {0}});
  c.push_back({"Slice reversed features", "Slice", {{"starts", dims({-1})}, {"ends", dims({-100})}, {"axes", ints({1})}, {"steps", ints({-1})}}, {f43}, {0}});
  c.push_back({"Slice the first tokens", "Slice", {{"starts", dims({0})}, {"ends", dims({2})}}, {f43}, {0}, Expect::Breaks});
  c.push_back({"Expand", "Expand", {{"shape", dims({4, 3})}}, {f({4, 1})}, {0}});
  c.push_back({"Pad tokens (like a CLS slot)", "Pad", {{"pads", ints({1, 0, 0, 2})}, {"value", 0.5}}, {f43}, {0}});
  c.push_back({"Gather embedding lookup", "Gather", {}, {f({6, 3}), i64({4})}, {none, 0}});
  c.push_back({"Gather feature select", "Gather", {{"axis", std::int64_t{1}}}, {f43, i64({2})}, {0, none}});
  c.push_back({"Gather token 0 (readout)", "Gather", {}, {f43, i64({})}, {0, none}, Expect::Breaks});
  c.push_back({"GatherElements", "GatherElements", {{"axis", std::int64_t{1}}}, {f43, i64({4, 2})}, {0, 0}});
  c.push_back({"Constant", "Constant", {{"shape", dims({2, 3})}, {"values", std::vector<double>{1, -2, 0.5, 3, 0.25, -1}}}, {}, {}});
  c.push_back({"Constant fill", "Constant", {{"shape", dims({4, 4})}, {"values", std::vector<double>{-8}}}, {}, {}});
  c.push_back({"Range", "Range", {{"start", std::int64_t{1}}, {"limit", dims({9})}, {"delta", std::int64_t{2}}}, {}, {}});
  c.push_back({"Trilu over batched matrices", "Trilu", {{"upper", std::int64_t{0}}}, {f({4, 3, 3})}, {0}});
  c.push_back({"Trilu of permuted scores (causal mask)", "Trilu", {{"k", std::int64_t{1}}}, {f({2, 4, 4})}, {1}, Expect::Breaks});
  c.push_back({"Conv1d kernel 1 over tokens", "Conv1d", {}, {f({1, 3, 4}), f({2, 3, 1}), f({2})}, {2, none, none}});
  c.push_back({"Conv1d over a permuted batch", "Conv1d", {{"pads", ints({1, 1})}}, {f({4, 3, 5}), f({2, 3, 3})}, {0, none}});
  c.push_back({"Conv1d kernel 3 over tokens", "Conv1d", {{"pads", ints({1, 1})}}, {f({1, 3, 4}), f({2, 3, 3}), f({2})}, {2, none, none}, Expect::Breaks});
  c.push_back({"Conv1d grouped", "Conv1d", {{"group", std::int64_t{3}}}, {f({1, 3, 4}), f({3, 1, 1})}, {2, none}});
  return c;
}

Node node_of(const Case& c) {
  Node node;
  node.name = "case";
  node.op = c.op;
  node.attrs = c.attrs;
  for (std::size_t i = 0; i < c.inputs.size(); ++i) node.inputs.push_back("in" + std::to_string(i));
  for (int k = 0; k < c.outputs; ++k) node.outputs.push_back("out" + std::to_string(k));
  return node;
}

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
  }
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
