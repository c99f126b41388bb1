// The size-generic lemmas checked against the operators' own semantics (the TASO way).
//
// A lemma (src/prove/lemmas.cpp) proves equivariance for an abstract model of a node: opaque
// token rows, uninterpreted per-token maps, sums over tokens. It says nothing about whether a
// given operator IS such a model; that is decided by the operator's `family` rule. This test
// closes the gap: for every operator sample (include/permeq/ops/samples.hpp), every action of its
// inputs built from its token-sized axes, and n = 2..4 tokens, it asks the operator's `family`
// rule, evaluates the operator in the symbolic domain (src/prove/symbolic.hpp) and proves with
// Z3 (unsat of the negation) that the evaluation is an instance of the claimed lemma's model:
//
//   token-wise-map, token-wise-linear, layernorm, rmsnorm, embedding-lookup, attention-scores:
//     out[t, c] = g_c(rows of the tokens in t, weights) for one g, where t is the output's tuple of
//     token indices (one per acted output axis): two copies of the inputs that agree on the rows of
//     t and t' give equal outputs at t and t' (positions outside the tokens depend on weights only);
//   pointwise-function: out[p] = f(x[p]) for one f;
//   sum-pool, mean-pool, max-pool: out = sum_j h(row j) (divided by n, or a maximum), with h the
//     operator itself on the one-token input made of row j;
//   attention-mix: out[i] = sum_j m(i, j) with m(i, i) the operator on token i alone and
//     m(i, j) its two-token value on (i, j) minus that;
//   softmax-over-tokens, attention-softmax: out_j = e(x_j) / sum_k e(x_k) along the axis with
//     e(v) = exp(v - c) for a shift c that is the same for every entry of the slice and unchanged by
//     permuting the slice (so e is one positive function for the input and its permutation).
//
// A lemma whose model an operator does not satisfy would make "proved" unsound for that operator.
#include <doctest/doctest.h>

#include "lemma_models.hpp"

using namespace permeq;
using namespace lemma_models;


TEST_CASE("every family an operator rule claims is a lemma, and every lemma is some operator's family") {
  std::set<std::string> claimed;
  for (const auto& c : family_cases()) claimed.insert(c.family);
  for (const auto& family : claimed) {
    CAPTURE(family);
    CHECK(prove::find_lemma(family) != nullptr);
  }
  for (const auto& lemma : prove::lemmas()) {
    if (!lemma.size_generic) continue;  // the reindexing lemma's bounded checks, not a family
    CAPTURE(lemma.id);
    CHECK((claimed.count(lemma.id) == 1) != (lemmas_without_operator.count(lemma.id) == 1));
  }
}

TEST_CASE("every claimed family's lemma models the operator's symbolic semantics, n = 2..4") {
  const auto start = std::chrono::steady_clock::now();
  const auto cases = family_cases();
  std::set<std::pair<std::string, std::string>> pairs;
  std::map<std::string, int> per_family;
  std::map<std::string, std::set<std::int64_t>> sizes;
  for (const auto& c : cases) {
    INFO(describe_case(c), ": family ", c.family);
    CHECK(check_family(c) == "");
    pairs.insert({c.node.op, c.family});
    ++per_family[c.family];
    sizes[c.family].insert(c.n);
  }
  std::ostringstream summary;
  for (const auto& [family, count] : per_family) summary << " " << family << " " << count;
  MESSAGE(cases.size(), " instances (", pairs.size(), " operator-family pairs) checked in ",
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), " s:", summary.str());
  // Every family some operator claims was checked at every n.
  for (const auto& [family, checked] : sizes) {
    CAPTURE(family);
    CHECK(checked == std::set<std::int64_t>{2, 3, 4});
  }
}

TEST_CASE("regression: Gemm with a fixed C holding one row per token claims no family; its rows are not a token-wise map") {
  // Found by the enumeration above: transA, A [3, n] permuted along op(A)'s rows, B and C [n, 1]
  // fixed. Each token gets its own bias C[i], so the node breaks, yet the rule claimed
  // token-wise-linear, which `--engine proof` would have taken as a proof for all n.
  const auto* gemm = find_operator("Gemm");
  REQUIRE(gemm);
  for (const Shape& bias : {Shape{sample_tokens, 1}, Shape{1, 2}, Shape{2}}) {
    CAPTURE(to_string(bias));
    const OperatorSample sample{"Gemm transA with a fixed C", "Gemm", {{"transA", std::int64_t{1}}},
                                {{DType::Float, {3, sample_tokens}}, {DType::Float, {3, 2}}, {DType::Float, bias}}, {1, std::nullopt, std::nullopt}};
    FamilyCase c{sample.label, sample.node(), sample.inputs, sample.actions(), {}, sample_tokens, "token-wise-linear"};
    c.outputs = gemm->claim(c.node, c.inputs, c.actions, c.n).outputs;
    const bool per_token_bias = bias[0] == sample_tokens && bias.size() == 2;
    // The rule claims the family exactly where the operator is the lemma's model.
    CHECK(gemm->family(c.node, c.inputs, c.actions, c.n).empty() == per_token_bias);
    CHECK(check_family(c).empty() == !per_token_bias);
  }
}

TEST_CASE("each family's model check refutes an operator outside the family") {
  // The checks above must be able to fail: each model, imposed on an instance that is not an
  // instance of it, is refuted (or the evaluation is not of the model's form).
  const TensorType f43{DType::Float, {sample_tokens, 3}}, square{DType::Float, {sample_tokens, sample_tokens}};
  const TensorType scores{DType::Float, {2, sample_tokens, sample_tokens}};
  struct Misfit {
    OperatorSample sample;
    std::vector<std::vector<int>> acted;  ///< per input: the axes permuted alike
    std::string family;
  };
  const std::vector<Misfit> misfits{
      {{"Add of a fixed [n, d] table", "Add", {}, {f43, f43}, {}}, {{0}, {}}, "token-wise-map"},
      {{"Trilu of permuted scores", "Trilu", {}, {square}, {}}, {{0, 1}}, "attention-scores"},
      {{"Softmax over features", "Softmax", {{"axis", std::int64_t{-1}}}, {f43}, {}}, {{0}}, "pointwise-function"},
      {{"CumSum over tokens", "CumSum", {{"axis", std::int64_t{0}}}, {f43}, {}}, {{0}}, "layernorm"},
      {{"ReduceMax over tokens", "ReduceMax", {{"axes", std::vector<std::int64_t>{0}}, {"keepdims", std::int64_t{0}}}, {f43}, {}}, {{0}}, "sum-pool"},
      {{"ReduceSum over tokens", "ReduceSum", {{"axes", std::vector<std::int64_t>{0}}, {"keepdims", std::int64_t{0}}}, {f43}, {}}, {{0}}, "mean-pool"},
      {{"ReduceMean over tokens", "ReduceMean", {{"axes", std::vector<std::int64_t>{0}}, {"keepdims", std::int64_t{0}}}, {f43}, {}}, {{0}}, "max-pool"},
      {{"ReduceMax over keys", "ReduceMax", {{"axes", std::vector<std::int64_t>{1}}, {"keepdims", std::int64_t{0}}}, {square}, {}}, {{0, 1}}, "attention-mix"},
      {{"LogSoftmax over tokens", "LogSoftmax", {{"axis", std::int64_t{0}}}, {f43}, {}}, {{0}}, "softmax-over-tokens"},
      {{"LogSoftmax over keys", "LogSoftmax", {{"axis", std::int64_t{-1}}}, {scores}, {}}, {{1, 2}}, "attention-softmax"},
  };
  std::set<std::string> refuted;
  for (const auto& misfit : misfits) {
    FamilyCase c{misfit.sample.label, misfit.sample.node(), misfit.sample.inputs, {}, {}, sample_tokens, misfit.family};
    for (const auto& axes : misfit.acted) {
      Action a;
      for (const int axis : axes) a.add(axis, 0);
      c.actions.push_back(a);
    }
    const auto* info = find_operator(c.node.op);
    REQUIRE(info);
    c.outputs = info->claim(c.node, c.inputs, c.actions, c.n).outputs;
    INFO(describe_case(c), ": imposed family ", c.family);
    CHECK(info->family(c.node, c.inputs, c.actions, c.n) != c.family);
    CHECK_FALSE(check_family(c).empty());
    refuted.insert(c.family);
  }
  // Every model with a check is exercised (embedding-lookup and rmsnorm share the token-wise one).
  std::set<std::string> claimed;
  for (const auto& c : family_cases()) claimed.insert(c.family);
  for (const auto& family : {"embedding-lookup", "rmsnorm", "token-wise-linear"}) claimed.erase(family);
  CHECK(refuted == claimed);
}
