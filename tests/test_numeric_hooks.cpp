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

std::vector<Tensor<double>> widened(const std::vector<Tensor<float>>& narrow) {
  std::vector<Tensor<double>> wide;
  for (const auto& t : narrow) wide.push_back(Tensor<double>(t.dtype, t.shape, std::vector<double>(t.data.begin(), t.data.end())));
  return wide;
}

template <class S>
std::vector<const Tensor<S>*> pointers_to(const std::vector<Tensor<S>>& tensors) {
  std::vector<const Tensor<S>*> pointers;
  for (const auto& t : tensors) pointers.push_back(&t);
  return pointers;
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
    const auto generic = evaluate_node<float>(node, pointers_to(inputs), real);
    const auto wide = widened(inputs);
    const auto reference = evaluate_node<double>(node, pointers_to(wide), real);
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

namespace {

/// `t`'s first p positions along `axis`.
Tensor<double> first_positions(const Tensor<double>& t, std::size_t axis, std::int64_t p) {
  Shape shape = t.shape;
  shape[axis] = p;
  Tensor<double> out(t.dtype, shape);
  for (std::size_t i = 0; i < out.data.size(); ++i) {
    auto index = unflatten(i, shape);
    std::int64_t from = 0;
    for (std::size_t k = 0; k < index.size(); ++k) from = from * t.shape[k] + index[k];
    out.data[i] = t.data[static_cast<std::size_t>(from)];
  }
  return out;
}

}  // namespace

TEST_CASE("an aligned axis is a prefix: the inputs' first positions along it give the output's first positions, on every sample") {
  // The contract of aligned_axis and resized (src/ops/float_path.hpp), which the evaluation of
  // an output's first token positions at a huge n rests on.
  std::mt19937_64 rng(5);
  const EvalOptions real{FunctionSemantics::Real};
  int aligned = 0, resized = 0;
  for (const auto& sample : operator_samples()) {
    if (sample.outputs != 1) continue;
    CAPTURE(sample.label);
    const Node node = sample.node();
    const auto& hooks = ops::numeric_hooks(sample.op);
    const auto inputs = widened(draw_inputs(sample, rng));
    std::vector<Shape> shapes;
    for (const auto& t : inputs) shapes.push_back(t.shape);
    const auto full = evaluate_node<double>(node, pointers_to(inputs), real)[0];
    for (std::size_t axis = 0; axis < full.shape.size(); ++axis) {
      if (full.shape[axis] < 2) continue;
      CAPTURE(axis);
      const auto p = full.shape[axis] - 1;
      Shape expected = full.shape;
      expected[axis] = p;
      std::vector<Tensor<double>> cut = inputs;
      bool any = false;
      for (std::size_t k = 0; k < inputs.size(); ++k)
        if (const auto a = ops::aligned_input_axis(node, shapes, full.shape, k, static_cast<int>(axis))) {
          cut[k] = first_positions(inputs[k], static_cast<std::size_t>(*a), p);
          any = true;
        }
      // Remade at the cut shape where the engine remakes it: its output cut through aligned
      // inputs, or a source.
      Node evaluated = node;
      if (hooks.resized && (any || node.inputs.empty()))
        if (auto remade = hooks.resized(node, expected)) evaluated = *remade;
      if (!any && evaluated.attrs == node.attrs) continue;  // nothing aligned: the axis is computed whole
      (any ? aligned : resized) += 1;
      const auto got = evaluate_node<double>(evaluated, pointers_to(cut), real)[0];
      REQUIRE(got.shape == expected);
      const auto want = first_positions(full, axis, p);
      for (std::size_t i = 0; i < got.data.size(); ++i) {
        CAPTURE(i);
        if (std::isnan(want.data[i])) CHECK(std::isnan(got.data[i]));
        else CHECK(std::fabs(got.data[i] - want.data[i]) <= 1e-9 * std::max(1.0, std::fabs(want.data[i])));
      }
    }
  }
  MESSAGE(aligned << " sample axes aligned with an input, " << resized << " made at the cut shape");
  CHECK(aligned >= 60);
}
