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

struct Softmax : OpBase {
  static constexpr std::string_view name = "Softmax", summary = "exp(x_i) / sum_j exp(x_j) along an axis", reference = "ONNX Softmax (opset 13)";
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static constexpr std::array<AttrSpec, 1> attributes{{{"axis", AttrType::Int, false, "the normalised axis (default -1)"}}};
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
      auto at = [&](std::int64_t j) { return static_cast<std::size_t>(start + j * stride); };
      // Softmax is unchanged by a constant added to the slice (exp(a + c) = exp(a) exp(c)): a
      // lemma of the real exp. The real forms (floats, certified bounds) subtract the maximum
      // (stable); the exact, generic and symbolic forms subtract the slice's mean, so that a
      // per-row constant cancels term by term and the generic exp and the prover see the identity.
      S shift = Domain<S>::from_int(0);
      bool stable = false;
      if constexpr (requires(const S& v) { Domain<S>::shift_max(v, v); }) {
        stable = !Domain<S>::floating || options.functions == FunctionSemantics::Real;  // real functions: floats on request, bounds always
        if (stable) {
          shift = x.data[at(0)];
          for (std::int64_t j = 1; j < length; ++j) shift = Domain<S>::shift_max(shift, x.data[at(j)]);
        }
      }
      if (!stable) {
        for (std::int64_t j = 0; j < length; ++j) shift = shift + x.data[at(j)];
        shift = Domain<S>::divide(shift, Domain<S>::from_int(length));
      }
      S total = Domain<S>::from_int(0);
      for (std::int64_t j = 0; j < length; ++j) {
        out.data[at(j)] = Domain<S>::function(Exp::function, x.data[at(j)] - shift, options);
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
};

/// Shared by LayerNorm and RMSNorm: normalise over the trailing axes from `axis`, then scale
/// (and shift). `centered` subtracts the mean first (LayerNorm) or not (RMSNorm).
template <class Def, bool centered>
struct TrailingNorm : OpBase {
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
    return {in[0]};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return claim_broadcast(in, actions, infer(node, in)[0].shape.size());
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
      for (std::int64_t j = 0; j < width; ++j) {
        S y = Domain<S>::divide(x.data[base + j] - mean, denominator) * scale.data[static_cast<std::size_t>(j)];
        if (bias) y = y + bias->data[static_cast<std::size_t>(j)];
        out.data[base + j] = y;
      }
    }
    return {out};
  }
  /// With xhat = (x - mean) / sigma (LayerNorm) or x / sigma (RMSNorm), sigma = sqrt(mean(.^2) + eps)
  /// recomputed with keepdims reductions over the normalised axes, and dxhat = g * scale:
  ///   dx = (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)) / sigma   (RMSNorm: without mean(dxhat)),
  ///   dscale = g * xhat and dbias = g, each summed down to its broadcast shape.
  static void vjp(VjpContext& c) {
    const auto& g = *c.cotangent();
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
    c.give(0, c.div(inner, sigma));
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

}  // namespace permeq::ops
