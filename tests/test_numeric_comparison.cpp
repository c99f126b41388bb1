// The numeric engine's comparison of f(sigma x) with sigma f(x) without moving whole tensors:
// permutations as small per-axis tables (PermutedRuns), the difference read through them
// (permuted_difference), and Freivalds' test on acted operands read in place
// (freivalds_in_place). Each is checked against the plain definition (permeq::apply_action and an
// element-by-element comparison), and, end to end, breaks in attention-shaped nodes whose last axis
// is acted are still refuted.
#include <doctest/doctest.h>

#include <permeq/permeq.hpp>

#include "src/check/numeric/freivalds.hpp"

#include <cmath>
#include <limits>
#include <random>

using namespace permeq;

namespace {

Tensor<float> random_tensor(const Shape& shape, std::mt19937_64& rng) {
  Tensor<float> t(DType::Float, shape);
  std::uniform_real_distribution<float> uniform(-2.0f, 2.0f);
  for (auto& v : t.data) v = uniform(rng);
  return t;
}

Action acting(std::vector<AxisAction> axes) {
  Action a;
  a.axes = std::move(axes);
  return a;
}

/// Actions for n = 4: one axis, two axes (the last among them), offsets, head blocks, repeats,
/// none.
std::vector<Action> sample_actions() {
  return {acting({{1, 0}}),
          acting({{3, 2}}),
          acting({{1, 1}, {3, 0}}),
          acting({{0, 0}, {2, 0, 1, 2}}),
          acting({{3, 0, 2, 1}}),
          acting({{1, 0}, {3, 1, 1, 1}}),
          acting({{2, 0, 2, 1}}),
          Action{}};
}

/// [2, 5, 3, 6], each acted axis grown to hold what the action covers.
Shape sample_shape(const Action& action) {
  Shape shape{2, 5, 3, 6};
  for (const auto& a : action.axes) shape[static_cast<std::size_t>(a.axis)] = std::max(shape[static_cast<std::size_t>(a.axis)], a.extent(4));
  return shape;
}

}  // namespace

TEST_CASE("permuted runs move a tensor exactly as apply_action does, for every action shape") {
  std::mt19937_64 rng(7);
  for (const auto& sigma : {transposition(4), n_cycle(4), Permutation{2, 0, 3, 1}})
    for (const auto& action : sample_actions()) {
      const auto shape = sample_shape(action);
      CAPTURE(to_string(shape));
      const auto x = random_tensor(shape, rng);
      const auto expected = apply_action(x, action, sigma);
      const auto runs = numeric::permuted_runs(shape, action, sigma);
      CHECK(runs.count() * static_cast<std::size_t>(runs.inner) == x.data.size());
      const auto got = numeric::apply_runs(numeric::operand_of(x), runs);
      CHECK(got.data == expected.data);
      for (std::size_t run = 0; run < runs.count(); ++run)
        for (std::int64_t j = 0; j < runs.inner; ++j)
          REQUIRE(expected.data[run * static_cast<std::size_t>(runs.inner) + static_cast<std::size_t>(j)] ==
                  x.data[static_cast<std::size_t>(runs.source(run) + j)]);
    }
}

TEST_CASE("the permuted difference is the largest element-by-element difference against sigma f(x)") {
  std::mt19937_64 rng(11);
  const auto sigma = n_cycle(4);
  for (const auto& action : sample_actions()) {
    const auto shape = sample_shape(action);
    CAPTURE(to_string(shape));
    const auto fx = random_tensor(shape, rng);
    const auto moved = apply_action(fx, action, sigma);
    const auto runs = numeric::permuted_runs(shape, action, sigma);
    // f(sigma x) equal to sigma f(x): no difference.
    auto none = numeric::permuted_difference(moved.data.data(), fx.data.data(), runs);
    CHECK(none.max_abs == 0.0);
    CHECK(none.max_rel == 0.0);
    CHECK_FALSE(none.nan_mismatch);
    // Perturbations at a few places, the largest last: found wherever it lies.
    auto got = moved;
    const std::size_t last = got.data.size() - 1, middle = got.data.size() / 2;
    got.data[0] += 0.25f;
    got.data[middle] += 0.5f;
    got.data[last] -= 1.0f;
    double max_abs = 0.0, max_rel = 0.0;
    for (std::size_t i = 0; i < got.data.size(); ++i) {
      const double d = std::fabs(static_cast<double>(got.data[i]) - static_cast<double>(moved.data[i]));
      max_abs = std::max(max_abs, d);
      if (d > 0 && moved.data[i] != 0) max_rel = std::max(max_rel, d / std::fabs(static_cast<double>(moved.data[i])));
    }
    const auto d = numeric::permuted_difference(got.data.data(), fx.data.data(), runs);
    CHECK(d.max_abs == max_abs);
    CHECK(d.max_rel == max_rel);
    CHECK_FALSE(d.nan_mismatch);
    // NaN on one side only is a mismatch; on both sides it is not.
    got = moved;
    got.data[middle] = std::numeric_limits<float>::quiet_NaN();
    CHECK(numeric::permuted_difference(got.data.data(), fx.data.data(), runs).nan_mismatch);
    auto fx_nan = fx;
    std::fill(fx_nan.data.begin(), fx_nan.data.end(), std::numeric_limits<float>::quiet_NaN());
    std::fill(got.data.begin(), got.data.end(), std::numeric_limits<float>::quiet_NaN());
    const auto both = numeric::permuted_difference(got.data.data(), fx_nan.data.data(), runs);
    CHECK_FALSE(both.nan_mismatch);
    CHECK(both.max_abs == 0.0);
  }
}

TEST_CASE("Freivalds' test on acted operands read in place passes a true product and refutes a wrong element") {
  // Attention's two products, heads first: Q [h, n, d] (rows acted) x K^T [h, d, n] (columns
  // acted) -> [h, n, n] (both), and P [h, n, n] (both) x V [h, n, d] (rows) -> [h, n, d] (rows);
  // and a product against a shared [k, p] weight.
  struct Case {
    Shape a, b;
    Action a_action, b_action, y_action;
  };
  const std::int64_t n = 6, h = 2, d = 5;
  const std::vector<Case> cases{
      {{h, n, d}, {h, d, n}, acting({{1, 0}}), acting({{2, 0}}), acting({{1, 0}, {2, 0}})},
      {{h, n, n}, {h, n, d}, acting({{1, 0}, {2, 0}}), acting({{1, 0}}), acting({{1, 0}})},
      {{h, n, d}, {d, 7}, acting({{1, 0}}), Action{}, acting({{1, 0}})},
  };
  std::mt19937_64 rng(3);
  for (const auto& sigma : {transposition(n), n_cycle(n)})
    for (const auto& c : cases) {
      CAPTURE(to_string(c.a));
      const auto a = random_tensor(c.a, rng), b = random_tensor(c.b, rng);
      // Y = A B in double, rounded once.
      const auto m = c.a[1], k = c.a[2], p = c.b.back();
      Tensor<float> y(DType::Float, Shape{h, m, p});
      for (std::int64_t t = 0; t < h; ++t)
        for (std::int64_t i = 0; i < m; ++i)
          for (std::int64_t j = 0; j < p; ++j) {
            double s = 0.0;
            for (std::int64_t l = 0; l < k; ++l)
              s += static_cast<double>(a.data[static_cast<std::size_t>((t * m + i) * k + l)]) *
                   static_cast<double>(b.data[static_cast<std::size_t>((c.b.size() == 3 ? t * k * p : 0) + l * p + j)]);
            y.data[static_cast<std::size_t>((t * m + i) * p + j)] = static_cast<float>(s);
          }
      const auto r = numeric::freivalds_vector<float>(1, 0, 0, p);
      const auto ok = numeric::freivalds_in_place(numeric::operand_of(a), c.a_action, numeric::operand_of(b), c.b_action, y, c.y_action, sigma, r, 8.0);
      REQUIRE(ok.has_value());
      CHECK(ok->worst_ratio <= 1.0);
      // One element of f(x) off by 1: its row of (sigma Y) r is off by 1, far above rounding.
      auto wrong = y;
      wrong.data[wrong.data.size() / 3] += 1.0f;
      const auto caught = numeric::freivalds_in_place(numeric::operand_of(a), c.a_action, numeric::operand_of(b), c.b_action, wrong, c.y_action, sigma, r, 8.0);
      REQUIRE(caught.has_value());
      CHECK(caught->worst_ratio > 100.0);
      // The claimed output action wrong (rows left alone): refuted too.
      const auto unmoved = numeric::freivalds_in_place(numeric::operand_of(a), c.a_action, numeric::operand_of(b), c.b_action, y, Action{}, sigma, r, 8.0);
      REQUIRE(unmoved.has_value());
      CHECK(unmoved->worst_ratio > 100.0);
    }
}

TEST_CASE("attention's products and softmax over acted last axes agree within rounding, and a break there is refuted") {
  // scores = Q K^T per head, probs = Softmax(scores (+ a positional table)), out = probs V (or
  // probs times a fixed table over the keys). Q, K^T and V move with the tokens; the scores and
  // probabilities on both token axes, the last one included.
  for (const bool broken : {false, true}) {
    CAPTURE(broken);
    GraphBuilder b(broken ? "attention_broken" : "attention");
    b.dim("seq", 6);
    const auto q = b.input("q", {2, "seq", 4}, DType::Float, 1);
    const auto kt = b.input("kt", {2, 4, "seq"}, DType::Float, 2);
    const auto v = b.input("v", {2, "seq", 4}, DType::Float, 1);
    auto scores = b.node1("MatMul", {q, kt}, {}, "scores");
    if (broken) scores = b.node1("Add", {scores, b.weight("table", {"seq", "seq"})}, {}, "positional");
    const auto probs = b.node1("Softmax", {scores}, {{"axis", std::int64_t{-1}}}, "probs");
    const auto values = broken ? b.weight("fixed_values", {2, "seq", 4}) : v;
    b.output(b.node1("MatMul", {probs, values}, {}, "mix"));
    CheckOptions options;
    options.engine = Engine::Numeric;
    options.tokens = 6;
    const CheckReport report = check_forward(b.build(), options);
    std::map<std::string, const NodeReport*> by_name;
    for (const auto& node : report.nodes) by_name[node.node] = &node;
    for (const auto* name : {"scores", "probs", "mix"}) {
      CAPTURE(name);
      REQUIRE(by_name.count(name));
      const auto& node = *by_name.at(name);
      CHECK(node.method == Method::NumericFloat32);
      REQUIRE(node.max_abs_error.has_value());
      REQUIRE(node.tolerance.has_value());
      if (!broken || std::string(name) == "scores") {
        CHECK(node.verdict == Verdict::Equivariant);
        CHECK(*node.max_abs_error <= *node.tolerance);
      }
    }
    if (broken) {
      REQUIRE(by_name.count("positional"));
      const auto& positional = *by_name.at("positional");
      CHECK(positional.verdict == Verdict::Breaks);
      CHECK(*positional.max_abs_error > 100 * *positional.tolerance);
      // Keys summed against a table that does not move with them.
      const auto& mix = *by_name.at("mix");
      CHECK(mix.verdict == Verdict::Breaks);
      CHECK(*mix.max_abs_error > 100 * *mix.tolerance);
      CHECK(report.outputs.at(0).verdict == Verdict::Breaks);
    } else {
      CHECK(report.outputs.at(0).verdict == Verdict::Equivariant);
    }
  }
}
