// src/ops/definitions/normalization.hpp: softmax and the per-token normalisations.
#pragma once

#include "src/ops/definitions/elementwise.hpp"

namespace permeq::ops {

/// Calls `f(outer, inner, stride, length)` once per 1-D slice of `shape` along `axis`.
template <class F>
void for_each_slice(const Shape& shape, int axis, F&& f) {
  const auto split = split_at_axis(shape, static_cast<std::size_t>(axis));
  for (std::int64_t o = 0; o < split.outer; ++o)
    for (std::int64_t i = 0; i < split.inner; ++i)
      f(o * split.length * split.inner + i, split.inner, split.length);
}

/// A row of a softmax whose every entry is -inf: PyTorch computes NaN for all of it (0 / 0), so
/// it is reported, never passed on as numbers.
template <class S>
void reject_fully_masked_row(const Node& node, const Tensor<S>& x, std::int64_t start, std::int64_t stride, std::int64_t length) {
  for (std::int64_t j = 0; j < length; ++j)
    if (!Domain<S>::minus_infinity(x.data[static_cast<std::size_t>(start + j * stride)])) return;
  fail_eval(node, "a row of " + std::to_string(length) + " entries is -inf throughout (fully masked): PyTorch computes NaN for the whole row");
}

/// A softmax slice's entries less a constant. Softmax is unchanged by a constant added to the
/// slice (exp(a + c) = exp(a) exp(c)): a lemma of the real exp. The real forms (floats on request,
/// certified bounds always) subtract the maximum, which keeps exp in range; the exact, generic and
/// symbolic forms subtract the slice's mean, which no permutation of the slice changes, so that a
/// per-row constant cancels term by term and the generic exp and the prover see the identity.
/// The mean is taken as (x_j n - sum) / n: one rounding in floating arithmetic, so the double
/// and exact generic forms give the generic exp the same arguments wherever the exact ones round
/// to them.
template <class S, class At>
std::vector<S> softmax_arguments(const Tensor<S>& x, const At& at, std::int64_t length, const EvalOptions& options) {
  std::vector<S> arguments;
  arguments.reserve(static_cast<std::size_t>(length));
  if constexpr (requires(const S& v) { Domain<S>::shift_max(v, v); }) {
    if (!Domain<S>::floating || options.functions == FunctionSemantics::Real) {
      S shift = x.data[at(0)];
      for (std::int64_t j = 1; j < length; ++j) shift = Domain<S>::shift_max(shift, x.data[at(j)]);
      for (std::int64_t j = 0; j < length; ++j) arguments.push_back(x.data[at(j)] - shift);
      return arguments;
    }
  }
  // The mean of the entries that are not masked with -inf (any constant is a valid shift).
  S total = Domain<S>::from_int(0);
  std::int64_t finite = 0;
  for (std::int64_t j = 0; j < length; ++j)
    if (!Domain<S>::minus_infinity(x.data[at(j)])) {
      total = total + x.data[at(j)];
      ++finite;
    }
  const S count = Domain<S>::from_int(std::max<std::int64_t>(finite, 1));
  for (std::int64_t j = 0; j < length; ++j) arguments.push_back(Domain<S>::divide(x.data[at(j)] * count - total, count));
  return arguments;
}

struct Softmax : OpBase {
  static constexpr std::string_view name = "Softmax", summary = "exp(x_i) / sum_j exp(x_j) along an axis", reference = "ONNX Softmax (opset 13)";
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static constexpr std::array<AttrSpec, 1> attributes{{{"axis", AttrType::Int, false, "the normalised axis (default -1)"}}};
  /// Every axis but the normalised one, which is read whole.
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t k, int axis) {
    if (k != 0 || axis == axis_attr(node, "axis", -1, in[0].size())) return std::nullopt;
    return axis;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "input");
    (void)axis_attr(node, "axis", -1, in[0].shape.size());
    return {in[0]};
  }
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action> actions) { return claim_first_input(actions); }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int axis = axis_attr(node, "axis", -1, in[0].shape.size());
    const auto acted = acted_axes(actions[0]);
    if (std::find(acted.begin(), acted.end(), axis) == acted.end()) return "token-wise-map";
    if (acted.size() == 1) return "softmax-over-tokens";
    const bool alike = acted.size() == 2 && actions[0].axes[0].offset == actions[0].axes[1].offset;
    return alike ? "attention-softmax" : "";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions& options) {
    const auto& x = *in[0];
    Tensor<S> out(x.dtype, x.shape);
    for_each_slice(x.shape, axis_attr(node, "axis", -1, x.rank()), [&](std::int64_t start, std::int64_t stride, std::int64_t length) {
      reject_fully_masked_row(node, x, start, stride, length);
      auto at = [&](std::int64_t j) { return static_cast<std::size_t>(start + j * stride); };
      const auto arguments = softmax_arguments(x, at, length, options);
      S total = Domain<S>::from_int(0);
      for (std::int64_t j = 0; j < length; ++j) {
        out.data[at(j)] = Domain<S>::function(Exp::function, arguments[static_cast<std::size_t>(j)], options);
        total = total + out.data[at(j)];
      }
      for (std::int64_t j = 0; j < length; ++j) out.data[at(j)] = Domain<S>::divide(out.data[at(j)], total);
    });
    return {out};
  }
  /// dx = y * (g - sum(g * y, axis, keepdims)): per token when the axis is within a token.
  static void vjp(VjpContext& c) {
    const std::int64_t axis = axis_attr(c.node(), "axis", -1, c.input_type(0).shape.size());
    const auto y = c.output();
    const auto& g = *c.cotangent();
    const auto along = c.emit("ReduceSum", {c.mul(g, y)}, {{"axes", std::vector<std::int64_t>{axis}}, {"keepdims", std::int64_t{1}}});
    c.give(0, c.mul(y, c.sub(g, along)));
  }
  /// Over the last axis: shift by the row's maximum, exp in packets, fixed-order sum.
  template <class F>
  static std::optional<std::vector<Tensor<F>>> fast(const Node& node, std::span<const numeric::Operand<F>> ops, const FastContext&) {
    if (ops.size() != 1) return std::nullopt;
    return single<F>(numeric::softmax_last(node, ops[0]));
  }
  /// Whole rows move when the normalised last axis is not acted.
  static bool commutes_bitwise(const BitwiseQuery& q) {
    const int last = static_cast<int>(q.input_shapes[0].size()) - 1;
    for (const auto& ax : q.input_actions[0].axes)
      if (ax.axis == last) return false;
    return same_axes(q.input_actions[0], q.claimed);
  }
};

struct LogSoftmax : OpBase {
  static constexpr std::string_view name = "LogSoftmax", summary = "x_i - log sum_j exp(x_j) along an axis", reference = "ONNX LogSoftmax (opset 13)";
  static constexpr std::array<AttrSpec, 1> attributes{{{"axis", AttrType::Int, false, "the normalised axis (default -1)"}}};
  /// Every axis but the normalised one, which is read whole.
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t k, int axis) {
    if (k != 0 || axis == axis_attr(node, "axis", -1, in[0].size())) return std::nullopt;
    return axis;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) { return Softmax::infer(node, in); }
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action> actions) { return claim_first_input(actions); }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  /// Token-wise when the axis is not acted; no lemma is stated for the permuted axis itself.
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return actions[0].offset_on(axis_attr(node, "axis", -1, in[0].shape.size())) ? "" : "token-wise-map";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions& options) {
    const auto& x = *in[0];
    Tensor<S> out(x.dtype, x.shape);
    for_each_slice(x.shape, axis_attr(node, "axis", -1, x.rank()), [&](std::int64_t start, std::int64_t stride, std::int64_t length) {
      reject_fully_masked_row(node, x, start, stride, length);
      auto at = [&](std::int64_t j) { return static_cast<std::size_t>(start + j * stride); };
      const auto arguments = softmax_arguments(x, at, length, options);
      S total = Domain<S>::from_int(0);
      for (const auto& a : arguments) total = total + Domain<S>::function(Exp::function, a, options);
      const S log_total = Domain<S>::function(Log::function, total, options);
      for (std::int64_t j = 0; j < length; ++j) out.data[at(j)] = arguments[static_cast<std::size_t>(j)] - log_total;
    });
    return {out};
  }
  /// dx = g - softmax(x) * sum(g) = g - exp(y) * sum(g).
  static void vjp(VjpContext& c) {
    const std::int64_t axis = axis_attr(c.node(), "axis", -1, c.input_type(0).shape.size());
    const auto& g = *c.cotangent();
    const auto total = c.emit("ReduceSum", {g}, {{"axes", std::vector<std::int64_t>{axis}}, {"keepdims", std::int64_t{1}}});
    c.give(0, c.sub(g, c.mul(c.emit("Exp", {c.output()}), total)));
  }
};

/// Per-channel affine normalisation with stored statistics (axis 1 is the channel axis):
/// y = (x - mean) / sqrt(var + epsilon) * scale + bias. Inference only.
struct BatchNormalization : OpBase {
  static constexpr std::string_view name = "BatchNormalization", summary = "(x - mean) / sqrt(var + eps) * scale + bias per channel (axis 1), inference",
                                    reference = "ONNX BatchNormalization (training_mode 0)";
  static constexpr int min_inputs = 5, max_inputs = 5;
  static bool positive_input(const Node&, std::size_t k) { return k == 4; }  // the stored variance
  static constexpr std::array<AttrSpec, 2> attributes{{
      {"epsilon", AttrType::Float, false, "added to the variance (default 1e-5)"},
      {"momentum", AttrType::Float, false, "training only; ignored in inference"},
  }};
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    if (n.int_attr("training_mode", 0) != 0) n.fail("training_mode = 1 (batch statistics) is not supported; export the model in eval mode");
    auto t = default_onnx_translation<BatchNormalization>(n);
    return t;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "X");
    if (in[0].shape.size() < 2) fail(node, "X must have rank >= 2, got " + to_string(in[0]));
    const Shape channels{in[0].shape[1]};
    static constexpr std::array<std::string_view, 4> names{"scale", "B", "input_mean", "input_var"};
    for (std::size_t k = 1; k < 5; ++k)
      if (in[k].shape != channels) fail(node, std::string(names[k - 1]) + " " + to_string(in[k]) + " must have shape " + to_string(channels));
    return {in[0]};
  }
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action> actions) { return claim_first_input(actions); }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  static std::string_view family(const Node&, std::span<const TensorType>, std::span<const Action> actions) {
    return !actions[0].offset_on(1) && all_invariant(actions.subspan(1)) ? "token-wise-map" : "";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions& options) {
    const auto& x = *in[0];
    const auto split = split_at_axis(x.shape, 1);
    const S epsilon = Domain<S>::constant(rational_from_double(node.get_float("epsilon", 1e-5)));
    Tensor<S> out(x.dtype, x.shape);
    for (std::int64_t ch = 0; ch < split.length; ++ch) {
      const auto c = static_cast<std::size_t>(ch);
      const S factor = Domain<S>::divide(in[1]->data[c], Domain<S>::function(Sqrt::function, in[4]->data[c] + epsilon, options));
      for (std::int64_t o = 0; o < split.outer; ++o)
        for (std::int64_t i = 0; i < split.inner; ++i) {
          const auto at = static_cast<std::size_t>((o * split.length + ch) * split.inner + i);
          out.data[at] = (x.data[at] - in[3]->data[c]) * factor + in[2]->data[c];
        }
    }
    return {out};
  }
  /// With r = 1 / sqrt(var + eps) per channel and sums over every axis but the channel axis:
  /// dx = g scale r, dscale = sum(g (x - mean) r), dB = sum(g), dmean = -sum(g) scale r,
  /// dvar = sum(g (x - mean)) scale (-r^3 / 2).
  static void vjp(VjpContext& c) {
    const auto rank = c.input_type(0).shape.size();
    std::vector<std::int64_t> channel_shape(rank - 1, 1), others{0};
    channel_shape[0] = c.input_type(0).shape[1];
    for (std::size_t a = 2; a < rank; ++a) others.push_back(static_cast<std::int64_t>(a));
    const auto per_channel = [&](const Value& v) { return c.emit("Reshape", {v}, {{"shape", to_dims(channel_shape)}}); };
    const auto sum_out = [&](const Value& v) { return c.emit("ReduceSum", {v}, {{"axes", others}, {"keepdims", std::int64_t{0}}}); };
    const auto& g = *c.cotangent();
    const auto r = c.emit("Reciprocal", {c.emit("Sqrt", {c.add(c.input(4), c.scalar(c.node().get_float("epsilon", 1e-5)))})});
    const auto scale_r = c.mul(c.input(1), r);
    const auto centered = c.sub(c.input(0), per_channel(c.input(3)));
    if (c.wants(0)) c.give(0, c.mul(g, per_channel(scale_r)));
    if (c.wants(2)) c.give(2, sum_out(g));
    if (c.wants(3)) c.give(3, c.neg(c.mul(sum_out(g), scale_r)));
    if (c.wants(1) || c.wants(4)) {
      const auto moment = sum_out(c.mul(g, centered));
      if (c.wants(1)) c.give(1, c.mul(moment, r));
      if (c.wants(4)) c.give(4, c.mul(c.mul(moment, c.input(1)), c.scale(c.mul(r, c.mul(r, r)), -0.5)));
    }
  }
};

/// Normalises each (sample, channel) over the spatial axes 2.. , then scales and shifts per
/// channel. Permuting spatial positions commutes with it (mean and variance are symmetric).
struct InstanceNormalization : OpBase {
  static constexpr std::string_view name = "InstanceNormalization", summary = "per (sample, channel) normalisation over the spatial axes, scale and bias per channel",
                                    reference = "ONNX InstanceNormalization";
  static constexpr int min_inputs = 3, max_inputs = 3;
  static constexpr std::array<AttrSpec, 1> attributes{{{"epsilon", AttrType::Float, false, "added to the variance (default 1e-5)"}}};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "input");
    if (in[0].shape.size() < 3) fail(node, "input must have rank >= 3, got " + to_string(in[0]));
    for (std::size_t k = 1; k < 3; ++k)
      if (in[k].shape != Shape{in[0].shape[1]}) fail(node, std::string(k == 1 ? "scale " : "B ") + to_string(in[k]) + " must have shape [" + std::to_string(in[0].shape[1]) + "]");
    return {in[0]};
  }
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action> actions) { return claim_first_input(actions); }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  static std::string_view family(const Node&, std::span<const TensorType>, std::span<const Action> actions) {
    const auto acted = acted_axes(actions[0]);
    return acted.size() <= 1 && !actions[0].offset_on(1) && !actions[0].offset_on(2) && all_invariant(actions.subspan(1)) &&
                   std::all_of(acted.begin(), acted.end(), [](int a) { return a == 0; })
               ? "token-wise-map"
               : "";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions& options) {
    const auto& x = *in[0];
    const auto channels = x.shape[1];
    const auto width = element_count(Shape(x.shape.begin() + 2, x.shape.end()));
    const S epsilon = Domain<S>::constant(rational_from_double(node.get_float("epsilon", 1e-5)));
    const S count = Domain<S>::from_int(width);
    Tensor<S> out(x.dtype, x.shape);
    for (std::int64_t row = 0; row < x.shape[0] * channels; ++row) {
      const auto base = static_cast<std::size_t>(row * width);
      const auto c = static_cast<std::size_t>(row % channels);
      S mean = Domain<S>::from_int(0);
      for (std::int64_t j = 0; j < width; ++j) mean = mean + x.data[base + j];
      mean = Domain<S>::divide(mean, count);
      S variance = Domain<S>::from_int(0);
      for (std::int64_t j = 0; j < width; ++j) variance = variance + (x.data[base + j] - mean) * (x.data[base + j] - mean);
      const S sigma = Domain<S>::function(Sqrt::function, Domain<S>::divide(variance, count) + epsilon, options);
      for (std::int64_t j = 0; j < width; ++j) out.data[base + j] = Domain<S>::divide(x.data[base + j] - mean, sigma) * in[1]->data[c] + in[2]->data[c];
    }
    return {out};
  }
  /// LayerNorm's rule over the spatial axes, with per-channel scale: xhat = (x - mean) / sigma,
  /// dxhat = g scale, dx = (dxhat - mean(dxhat) - xhat mean(dxhat xhat)) / sigma,
  /// dscale = sum(g xhat), dB = sum(g) (sums over every axis but the channel axis).
  static void vjp(VjpContext& c) {
    const auto rank = c.input_type(0).shape.size();
    std::vector<std::int64_t> spatial, others{0}, channel_shape(rank - 1, 1);
    channel_shape[0] = c.input_type(0).shape[1];
    for (std::size_t a = 2; a < rank; ++a) {
      spatial.push_back(static_cast<std::int64_t>(a));
      others.push_back(static_cast<std::int64_t>(a));
    }
    const auto mean = [&](const Value& v) { return c.emit("ReduceMean", {v}, {{"axes", spatial}, {"keepdims", std::int64_t{1}}}); };
    const auto sum_out = [&](const Value& v) { return c.emit("ReduceSum", {v}, {{"axes", others}, {"keepdims", std::int64_t{0}}}); };
    const auto& g = *c.cotangent();
    const auto centered = c.sub(c.input(0), mean(c.input(0)));
    const auto sigma = c.emit("Sqrt", {c.add(mean(c.mul(centered, centered)), c.scalar(c.node().get_float("epsilon", 1e-5)))});
    const auto normalized = c.div(centered, sigma);
    if (c.wants(2)) c.give(2, sum_out(g));
    if (c.wants(1)) c.give(1, sum_out(c.mul(g, normalized)));
    if (!c.wants(0)) return;
    const auto d_normalized = c.mul(g, c.emit("Reshape", {c.input(1)}, {{"shape", to_dims(channel_shape)}}));
    const auto inner = c.sub(c.sub(d_normalized, mean(d_normalized)), c.mul(normalized, mean(c.mul(d_normalized, normalized))));
    c.give(0, c.div(inner, sigma));
  }
};

/// Shared by LayerNorm and RMSNorm: normalise over the trailing axes from `axis`, then scale
/// (and shift). `centered` subtracts the mean first (LayerNorm) or not (RMSNorm).
template <class Def, bool centered>
struct TrailingNorm : OpBase {
  /// LayerNorm may also give the mean and the reciprocal standard deviation (ONNX's optional
  /// outputs Mean and InvStdDev, shaped like X with the normalised axes of size 1).
  static constexpr int outputs = centered ? -1 : 1;
  static constexpr bool optional_trailing_outputs = true;
  static constexpr std::array<AttrSpec, 2> attributes{{
      {"axis", AttrType::Int, false, "first normalised axis; normalises axes [axis, rank) (default -1)"},
      {"epsilon", AttrType::Float, false, "added to the variance (default 1e-5)"},
  }};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "X");
    const int axis = axis_attr(node, "axis", -1, in[0].shape.size());
    const Shape normalized(in[0].shape.begin() + axis, in[0].shape.end());
    for (std::size_t k = 1; k < in.size(); ++k)
      if (!broadcast_shapes(in[k].shape, normalized) || in[k].shape.size() > normalized.size())
        fail(node, std::string(k == 1 ? "scale " : "bias ") + to_string(in[k]) + " must broadcast to the normalised shape " + to_string(normalized));
    if (node.outputs.size() > (centered ? 3u : 1u)) fail(node, "has " + std::to_string(node.outputs.size()) + " outputs; it gives at most " + (centered ? "3 (Y, Mean, InvStdDev)" : "1"));
    std::vector<TensorType> out{in[0]};
    Shape statistics = in[0].shape;
    for (auto i = static_cast<std::size_t>(axis); i < statistics.size(); ++i) statistics[i] = 1;
    for (std::size_t k = 1; k < node.outputs.size(); ++k) out.push_back({DType::Float, statistics});
    return out;
  }
  /// X's leading axes; the normalised axes are read whole.
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t k, int axis) {
    if (k != 0 || axis >= axis_attr(node, "axis", -1, in[0].size())) return std::nullopt;
    return axis;
  }
  static std::vector<int> normalized_axes(const Node& node, std::size_t rank) {
    std::vector<int> axes;
    for (int a = axis_attr(node, "axis", -1, rank); a < static_cast<int>(rank); ++a) axes.push_back(a);
    return axes;
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto types = infer(node, in);
    Claim claim = claim_broadcast(in, actions, types[0].shape.size());
    const auto statistics = claim_removing_axes(actions[0], normalized_axes(node, in[0].shape.size()), true).outputs[0];
    for (std::size_t k = 1; k < types.size(); ++k) claim.outputs.push_back(statistics);
    return claim;
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int axis = axis_attr(node, "axis", -1, in[0].shape.size());
    const auto acted = acted_axes(actions[0]);
    const bool per_token = std::all_of(acted.begin(), acted.end(), [&](int a) { return a < axis; });
    return per_token && all_invariant(actions.subspan(1)) ? Def::lemma : std::string_view{};
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions& options) {
    const auto& x = *in[0];
    const int axis = axis_attr(node, "axis", -1, x.rank());
    const Shape normalized(x.shape.begin() + axis, x.shape.end());
    const auto width = element_count(normalized);
    const auto scale = broadcast_to(*in[1], normalized);
    std::optional<Tensor<S>> bias;
    if (in.size() == 3) bias = broadcast_to(*in[2], normalized);
    const S epsilon = Domain<S>::constant(rational_from_double(node.get_float("epsilon", 1e-5)));
    const S count = Domain<S>::from_int(width);
    Tensor<S> out(x.dtype, x.shape);
    Outputs<S> statistics;
    for (std::size_t k = 1; k < node.outputs.size(); ++k) {
      Shape shape = x.shape;
      for (auto i = static_cast<std::size_t>(axis); i < shape.size(); ++i) shape[i] = 1;
      statistics.emplace_back(DType::Float, shape);
    }
    for (std::int64_t row = 0; row < element_count(x.shape) / width; ++row) {
      const auto base = static_cast<std::size_t>(row * width);
      S mean = Domain<S>::from_int(0);
      if constexpr (centered) {
        for (std::int64_t j = 0; j < width; ++j) mean = mean + x.data[base + j];
        mean = Domain<S>::divide(mean, count);
      }
      S second_moment = Domain<S>::from_int(0);
      for (std::int64_t j = 0; j < width; ++j) second_moment = second_moment + (x.data[base + j] - mean) * (x.data[base + j] - mean);
      const S denominator = Domain<S>::function(Sqrt::function, Domain<S>::divide(second_moment, count) + epsilon, options);
      if (!statistics.empty()) statistics[0].data[static_cast<std::size_t>(row)] = mean;
      if (statistics.size() > 1) statistics[1].data[static_cast<std::size_t>(row)] = Domain<S>::divide(Domain<S>::from_int(1), denominator);
      for (std::int64_t j = 0; j < width; ++j) {
        S y = Domain<S>::divide(x.data[base + j] - mean, denominator) * scale.data[static_cast<std::size_t>(j)];
        if (bias) y = y + bias->data[static_cast<std::size_t>(j)];
        out.data[base + j] = y;
      }
    }
    Outputs<S> result{std::move(out)};
    for (auto& t : statistics) result.push_back(std::move(t));
    return result;
  }
  /// With xhat = (x - mean) / sigma (LayerNorm) or x / sigma (RMSNorm), sigma = sqrt(mean(.^2) + eps)
  /// recomputed with keepdims reductions over the normalised axes, and dxhat = g * scale:
  ///   dx = (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)) / sigma   (RMSNorm: without mean(dxhat)),
  ///   dscale = g * xhat and dbias = g, each summed down to its broadcast shape.
  /// LayerNorm's Mean and InvStdDev outputs add, with s = 1 / sigma and means spread back over
  /// the normalised axes: dx += mean-spread(g_mean) - (x - mean) mean-spread(g_s s^3).
  static void vjp(VjpContext& c) {
    const bool statistics_cotangent = c.node().outputs.size() > 1 && (c.cotangent(1) || (c.node().outputs.size() > 2 && c.cotangent(2)));
    const auto g = c.cotangent() ? *c.cotangent() : c.cotangent_or_zeros(0);
    if (c.present(2)) c.give_unbroadcast(2, g);
    if (!c.wants(0) && !c.wants(1)) return;
    const auto rank = c.input_type(0).shape.size();
    std::vector<std::int64_t> axes;
    for (auto a = static_cast<std::size_t>(axis_attr(c.node(), "axis", -1, rank)); a < rank; ++a) axes.push_back(static_cast<std::int64_t>(a));
    const auto mean = [&](const Value& v) { return c.emit("ReduceMean", {v}, {{"axes", axes}, {"keepdims", std::int64_t{1}}}); };
    Value shifted = c.input(0);
    if constexpr (centered) shifted = c.sub(shifted, mean(shifted));
    const auto epsilon = c.scalar(c.node().get_float("epsilon", 1e-5));
    const auto sigma = c.emit("Sqrt", {c.add(mean(c.mul(shifted, shifted)), epsilon)});
    const auto normalized = c.div(shifted, sigma);
    if (c.wants(1)) c.give_unbroadcast(1, c.mul(g, normalized));
    if (!c.wants(0)) return;
    const auto d_normalized = c.mul(g, c.input(1));
    auto inner = c.sub(d_normalized, c.mul(normalized, mean(c.mul(d_normalized, normalized))));
    if constexpr (centered) inner = c.sub(inner, mean(d_normalized));
    Value dx = c.div(inner, sigma);
    if (statistics_cotangent) {
      const auto spread = [&](const Value& v) { return c.emit("ExpandLike", {v, c.input(0)}, {{"mean", std::int64_t{1}}}); };
      if (c.cotangent(1)) dx = c.add(dx, spread(*c.cotangent(1)));
      if (c.node().outputs.size() > 2 && c.cotangent(2)) {
        const auto s = c.emit("Reciprocal", {sigma});
        dx = c.sub(dx, c.mul(shifted, spread(c.mul(*c.cotangent(2), c.mul(s, c.mul(s, s))))));
      }
    }
    c.give(0, dx);
  }
};

struct LayerNorm : TrailingNorm<LayerNorm, true> {
  static constexpr std::string_view name = "LayerNorm", summary = "(x - mean) / sqrt(var + eps) * scale + bias over trailing axes",
                                    reference = "ONNX LayerNormalization (opset 17)", lemma = "layernorm";
  static constexpr std::array<std::string_view, 1> onnx_names{"LayerNormalization"};
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    Attributes attrs{{"axis", n.int_attr("axis", -1)}};
    if (n.attrs.count("epsilon")) attrs["epsilon"] = n.attrs.at("epsilon");
    auto inputs = n.inputs;
    while (!inputs.empty() && inputs.back().empty()) inputs.pop_back();
    return {"LayerNorm", inputs, attrs};
  }
  static constexpr int min_inputs = 2, max_inputs = 3;
};

struct RMSNorm : TrailingNorm<RMSNorm, false> {
  static constexpr std::string_view name = "RMSNorm", summary = "x / sqrt(mean(x^2) + eps) * scale over trailing axes",
                                    reference = "ONNX RMSNormalization (opset 23); Zhang & Sennrich 2019", lemma = "rmsnorm";
  static constexpr int min_inputs = 2, max_inputs = 2;
};

/// The operators this file defines, in the order `permeq ops` lists them.
using NormalizationOperators = OperatorList<Softmax, LogSoftmax, LayerNorm, RMSNorm, BatchNormalization, InstanceNormalization>;

}  // namespace permeq::ops
