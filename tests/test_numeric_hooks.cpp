// The numeric hooks each operator declares next to its semantics (src/ops/float_path.hpp),
// checked on every operator sample against the operator's own generic definition:
//   - a float kernel computes what the definition computes: bit for bit in float, or (another
//     summation order, a vectorised approximation) within float rounding of the double result;
//   - a claimed bitwise commutation holds: f(sigma x) and sigma f(x) are the same bits, and no
//     sample that breaks claims one (the numeric engine would record a difference of 0 for it).
#include <doctest/doctest.h>

#include <permeq/permeq.hpp>

#include "src/ops/float_path.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>

using namespace permeq;

namespace {

/// Dyadic nonzero floats k/8 (Div and Reciprocal defined), indices valid for every indexed axis
/// of the samples, 0/1 conditions.
std::vector<Tensor<float>> draw_inputs(const OperatorSample& sample, std::mt19937_64& rng) {
  std::vector<Tensor<float>> inputs;
  for (const auto& type : sample.inputs) {
    Tensor<float> t(type.dtype, type.shape);
    for (auto& v : t.data) {
      if (type.dtype == DType::Float) {
        const int k = std::uniform_int_distribution<int>(1, 64)(rng);
        v = static_cast<float>(std::uniform_int_distribution<int>(0, 1)(rng) ? k : -k) / 8.0f;
      } else {
        v = static_cast<float>(std::uniform_int_distribution<int>(0, type.dtype == DType::Bool ? 1 : 2)(rng));
      }
    }
    inputs.push_back(std::move(t));
  }
  return inputs;
}

std::vector<numeric::Operand<float>> operands_of(const std::vector<Tensor<float>>& tensors) {
  std::vector<numeric::Operand<float>> operands;
  for (const auto& t : tensors) operands.push_back(numeric::operand_of(t));
  return operands;
}

bool same_bits(float a, float b) { return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0; }

bool same_bits(const Tensor<float>& a, const Tensor<float>& b) {
  if (a.shape != b.shape || a.data.size() != b.data.size()) return false;
  for (std::size_t i = 0; i < a.data.size(); ++i)
    if (!same_bits(a.data[i], b.data[i])) return false;
  return true;
}

struct Run {
  std::optional<std::vector<Tensor<float>>> fast;
  std::vector<TensorType> output_types;
};

Run run_fast(const OperatorSample& sample, const std::vector<Tensor<float>>& inputs) {
  const Node node = sample.node();
  Run run;
  run.output_types = find_operator(sample.op)->infer(node, sample.inputs);
  const auto operands = operands_of(inputs);
  run.fast = ops::numeric_hooks(sample.op).fast_float(node, operands, ops::FastContext{run.output_types, 1, EvalOptions{FunctionSemantics::Real}});
  return run;
}

}  // namespace

TEST_CASE("float kernels compute what their operator's definition computes, on every sample") {
  std::mt19937_64 rng(11);
  const EvalOptions real{FunctionSemantics::Real};
  int kernels = 0, bitwise = 0;
  for (const auto& sample : operator_samples()) {
    if (!ops::numeric_hooks(sample.op).fast_float) continue;
    CAPTURE(sample.label);
    const Node node = sample.node();
    const auto inputs = draw_inputs(sample, rng);
    const auto run = run_fast(sample, inputs);
    if (!run.fast) continue;  // not the kernel's case: the generic definition runs instead
    ++kernels;
    std::vector<const Tensor<float>*> pointers;
    for (const auto& t : inputs) pointers.push_back(&t);
    const auto generic = evaluate_node<float>(node, pointers, real);
    std::vector<Tensor<double>> wide;
    for (const auto& t : inputs) wide.push_back(Tensor<double>(t.dtype, t.shape, std::vector<double>(t.data.begin(), t.data.end())));
    std::vector<const Tensor<double>*> wide_pointers;
    for (const auto& t : wide) wide_pointers.push_back(&t);
    const auto reference = evaluate_node<double>(node, wide_pointers, real);
    REQUIRE(run.fast->size() == generic.size());
    // Rounding bound of a float result against the double one: (K + 4) u M with K the longest
    // axis (terms summed) and M the size of the terms (products of inputs up to 8 in magnitude).
    std::int64_t longest = 1;
    double largest_input = 1.0;
    for (const auto& t : inputs) {
      for (const auto d : t.shape) longest = std::max(longest, d);
      for (const auto v : t.data) largest_input = std::max(largest_input, static_cast<double>(std::fabs(v)));
    }
    const double tolerance = 8.0 * static_cast<double>(longest + 4) * (std::numeric_limits<float>::epsilon() / 2) *
                             static_cast<double>(longest) * largest_input * largest_input;
    for (std::size_t k = 0; k < generic.size(); ++k) {
      const auto& got = (*run.fast)[k];
      CHECK(got.shape == run.output_types[k].shape);
      REQUIRE(got.shape == generic[k].shape);
      if (same_bits(got, generic[k])) {
        ++bitwise;
        continue;
      }
      for (std::size_t i = 0; i < got.data.size(); ++i) {
        CAPTURE(i);
        if (std::isnan(reference[k].data[i])) CHECK(std::isnan(got.data[i]));
        else CHECK(std::fabs(static_cast<double>(got.data[i]) - reference[k].data[i]) <= tolerance * std::max(1.0, std::fabs(reference[k].data[i])));
      }
    }
  }
  MESSAGE(kernels << " samples ran a float kernel, " << bitwise << " results bit for bit equal to the generic float evaluation");
  CHECK(kernels >= 40);
  CHECK(bitwise >= kernels / 2);
}

TEST_CASE("a claimed bitwise commutation holds bit for bit, and no breaking sample claims one") {
  std::mt19937_64 rng(13);
  int claims = 0;
  for (const auto& sample : operator_samples()) {
    const auto& hooks = ops::numeric_hooks(sample.op);
    if (!hooks.commutes_bitwise || !hooks.fast_float || sample.outputs != 1) continue;
    CAPTURE(sample.label);
    const Node node = sample.node();
    const auto* info = find_operator(sample.op);
    const auto actions = sample.actions();
    const auto claim = info->claim(node, sample.inputs, actions, sample_tokens);
    if (!claim.representable || claim.outputs.size() != 1) continue;
    const auto output_shape = info->infer(node, sample.inputs)[0].shape;
    std::vector<Shape> shapes;
    for (const auto& t : sample.inputs) shapes.push_back(t.shape);
    if (!hooks.commutes_bitwise({node, shapes, actions, output_shape, claim.outputs[0]})) continue;
    CHECK(sample.expect != SampleExpect::Breaks);
    const auto inputs = draw_inputs(sample, rng);
    const auto plain = run_fast(sample, inputs);
    if (!plain.fast) continue;
    ++claims;
    Permutation shuffled(static_cast<std::size_t>(sample_tokens));
    std::iota(shuffled.begin(), shuffled.end(), 0);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (const auto& sigma : {transposition(sample_tokens), n_cycle(sample_tokens), shuffled}) {
      std::vector<Tensor<float>> moved;
      for (std::size_t k = 0; k < inputs.size(); ++k) moved.push_back(apply_action(inputs[k], actions[k], sigma));
      const auto permuted = run_fast(sample, moved);
      REQUIRE(permuted.fast);
      CHECK(same_bits(permuted.fast->front(), apply_action(plain.fast->front(), claim.outputs[0], sigma)));
    }
  }
  MESSAGE(claims << " samples claim a bitwise commutation");
  CHECK(claims >= 20);
}
