// src/ops/definitions/sources_and_masks.hpp: operators that create values (Constant, Range) or
// shape masks (Trilu), and convolution over a sequence axis (Conv1d).
#pragma once

#include "src/ops/definitions/data_movement.hpp"
#include "src/ops/definitions/linear_algebra.hpp"

namespace permeq::ops {

struct Constant : OpBase {
  static constexpr std::string_view name = "Constant", summary = "a tensor given by its values (one value fills the shape)",
                                    reference = "ONNX Constant / ConstantOfShape";
  /// One value fills the shape, whatever its size.
  static bool prefix_local(const Node& node) { return node.get_floats("values").size() == 1; }
  /// A fill of the first positions: the same value in a smaller shape.
  static std::optional<Node> resized(const Node& node, const Shape& output) {
    if (!prefix_local(node)) return std::nullopt;
    Node cut = node;
    cut.attrs["shape"] = to_dims(output);
    return cut;
  }
  static constexpr std::array<std::string_view, 1> onnx_names{"ConstantOfShape"};  // ONNX Constant is folded
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    Attributes attrs{{"shape", to_dims(n.constant_ints(0, "shape"))}, {"values", std::vector<double>{0.0}}};
    if (n.attrs.count("value")) {
      if (!n.attrs.count("value_dtype") || std::get<std::vector<double>>(n.attrs.at("value")).size() != 1)
        n.fail("attribute 'value' must be a tensor of one element");
      attrs["values"] = n.attrs.at("value");
      attrs["dtype"] = n.attrs.at("value_dtype");
      if (std::isnan(std::get<std::vector<double>>(attrs.at("values"))[0])) n.fail("the fill value is NaN");
    }
    return {"Constant", {}, attrs};
  }
  static constexpr int min_inputs = 0, max_inputs = 0;
  static constexpr std::array<AttrSpec, 3> attributes{{
      {"shape", AttrType::Dims, true, "the shape; may name dimensions"},
      {"values", AttrType::Floats, true, "row-major values, or one value to fill with"},
      {"dtype", AttrType::String, false, "float (default), int64 or bool"},
  }};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType>) {
    const Shape shape = node.get_sizes("shape");
    const auto values = node.get_floats("values");
    if (values.size() != 1 && static_cast<std::int64_t>(values.size()) != element_count(shape))
      fail(node, "has " + std::to_string(values.size()) + " values for shape " + to_string(shape) + " (needs 1 or " + std::to_string(element_count(shape)) + ")");
    return {{dtype_attr(node, "float"), shape}};
  }
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action>) { return {{Action{}}}; }
  static Degree degree(const Node&, std::span<const Degree>) { return 0; }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S>, const EvalOptions&) {
    const auto type = infer(node, {})[0];
    const auto values = node.get_floats("values");
    Tensor<S> out(type.dtype, type.shape);
    for (std::size_t i = 0; i < out.data.size(); ++i)
      out.data[i] = Domain<S>::constant(rational_from_double(values[values.size() == 1 ? 0 : i]));
    return {out};
  }
};

struct Range : OpBase {
  static constexpr std::string_view name = "Range", summary = "start, start+delta, ... below limit (positions)", reference = "ONNX Range (bounds as attributes)";
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    return {"Range", {}, {{"start", n.constant_ints(0, "start")[0]}, {"limit", to_dims(n.constant_ints(1, "limit"))},
                          {"delta", n.constant_ints(2, "delta")[0]}, {"dtype", std::string(to_string(n.type(0).dtype))}}};
  }
  /// Entry i is start + i delta, whatever the limit.
  static bool prefix_local(const Node&) { return true; }
  /// The first values: the same start and step, stopping after output[0] of them.
  static std::optional<Node> resized(const Node& node, const Shape& output) {
    if (output.size() != 1) return std::nullopt;
    Node cut = node;
    cut.attrs["limit"] = to_dims({node.get_int("start", 0) + output[0] * node.get_int("delta", 1)});
    return cut;
  }
  static constexpr int min_inputs = 0, max_inputs = 0;
  static constexpr std::array<AttrSpec, 4> attributes{{
      {"start", AttrType::Int, false, "first value (default 0)"},
      {"limit", AttrType::Dims, true, "exclusive bound, one entry; may name a dimension (\"seq\")"},
      {"delta", AttrType::Int, false, "step (default 1)"},
      {"dtype", AttrType::String, false, "int64 (default) or float"},
  }};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType>) {
    const auto limit = node.get_sizes("limit");
    const auto start = node.get_int("start", 0), delta = node.get_int("delta", 1);
    if (limit.size() != 1) fail(node, "limit must have exactly one entry");
    if (delta == 0) fail(node, "delta must not be 0");
    const auto span = limit[0] - start;
    const auto count = std::max<std::int64_t>(0, (span + delta + (delta > 0 ? -1 : 1)) / delta);
    return {{dtype_attr(node, "int64"), {count}}};
  }
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action>) { return {{Action{}}}; }
  static Degree degree(const Node&, std::span<const Degree>) { return 0; }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S>, const EvalOptions&) {
    const auto type = infer(node, {})[0];
    Tensor<S> out(type.dtype, type.shape);
    for (std::int64_t i = 0; i < type.shape[0]; ++i)
      out.data[static_cast<std::size_t>(i)] = Domain<S>::from_int(node.get_int("start", 0) + i * node.get_int("delta", 1));
    return {out};
  }
};

/// An identity matrix (ones on the diagonal shifted by k) shaped like its 2-D input; the input's
/// values are not read, so the result is the same whatever acts on them.
struct EyeLike : OpBase {
  static constexpr std::string_view name = "EyeLike", summary = "ones on the k-th diagonal, shaped like the input", reference = "ONNX EyeLike";
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    Attributes attrs{{"k", n.int_attr("k", 0)}};
    if (n.attrs.count("dtype")) {
      const auto to = n.int_attr("dtype", 1);
      attrs["dtype"] = std::string(to == 9 ? "bool" : (to == 1 || to == 10 || to == 11 || to == 16) ? "float" : "int64");
    } else attrs["dtype"] = std::string(to_string(n.type(0).dtype));
    return {"EyeLike", {n.input(0)}, attrs};
  }
  static constexpr std::array<AttrSpec, 2> attributes{{
      {"k", AttrType::Int, false, "diagonal offset (default 0)"},
      {"dtype", AttrType::String, false, "float, int64 or bool (default: the input's)"},
  }};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_rank(node, in[0], 2, "input");
    return {{dtype_attr(node, to_string(in[0].dtype)), in[0].shape}};
  }
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action>) { return {{Action{}}}; }
  static Degree degree(const Node&, std::span<const Degree>) { return 0; }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto type = infer(node, std::array<TensorType, 1>{in[0]->type()})[0];
    Tensor<S> out(type.dtype, type.shape);
    const auto k = node.get_int("k", 0);
    for (std::int64_t i = 0; i < type.shape[0]; ++i)
      for (std::int64_t j = 0; j < type.shape[1]; ++j) out.data[static_cast<std::size_t>(i * type.shape[1] + j)] = Domain<S>::from_int(j - i == k ? 1 : 0);
    return {out};
  }
  /// The input's values are not read: their cotangent is zero.
  static void vjp(VjpContext& c) { c.give(0, c.zeros_like(c.input(0))); }
};

struct Trilu : MovementBase {
  static constexpr std::string_view name = "Trilu", summary = "keeps the upper or lower triangle of the last two axes, zeroes the rest",
                                    reference = "ONNX Trilu (k as attribute)";
  /// Keeps entry [i, j] by j - i alone: the same at every n when k is an attribute.
  static bool prefix_local(const Node& node) { return node.inputs.size() == 1; }
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    return {"Trilu", {n.input(0)}, {{"upper", n.int_attr("upper", 1)}, {"k", n.present(1) ? n.constant_ints(1, "k")[0] : std::int64_t{0}}}};
  }
  static constexpr std::array<AttrSpec, 2> attributes{{
      {"upper", AttrType::Int, false, "1 keeps j - i >= k (default), 0 keeps j - i <= k"},
      {"k", AttrType::Int, false, "diagonal offset (default 0)"},
  }};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    if (in[0].shape.size() < 2) fail(node, "input must have rank >= 2, got " + to_string(in[0]));
    return {in[0]};
  }
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action> actions) { return claim_first_input(actions); }
  /// Position-dependent on its last two axes: token-wise only when the tokens are elsewhere.
  static std::string_view family(const Node&, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto acted = acted_axes(actions[0]);
    const int first_matrix_axis = static_cast<int>(in[0].shape.size()) - 2;
    return std::all_of(acted.begin(), acted.end(), [&](int a) { return a < first_matrix_axis; }) ? "token-wise-map" : "";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    Tensor<S> out = *in[0];
    const auto rows = out.shape[out.rank() - 2], cols = out.shape.back();
    const bool upper = node.get_int("upper", 1) != 0;
    const auto k = node.get_int("k", 0);
    for (std::size_t flat = 0; flat < out.data.size(); ++flat) {
      const auto j = static_cast<std::int64_t>(flat) % cols, i = (static_cast<std::int64_t>(flat) / cols) % rows;
      if (upper ? j - i < k : j - i > k) out.data[flat] = Domain<S>::from_int(0);
    }
    return {out};
  }
  /// A mask: the kept entries pass their cotangent back, the zeroed ones none.
  static void vjp(VjpContext& c) { c.give(0, c.emit("Trilu", {*c.cotangent()}, c.node().attrs)); }
};

/// 1-D convolution in ONNX layout: X [N, C_in, L], W [C_out, C_in/group, K], optional B [C_out].
struct Conv1d : OpBase {
  static constexpr std::string_view name = "Conv1d", summary = "1-D convolution over the last axis ([N, C, L] layout)", reference = "ONNX Conv (1-D)";
  static constexpr std::array<std::string_view, 1> onnx_names{"Conv"};
  /// A rank-4 kernel is a 2-D convolution (Conv2d, pooling.hpp).
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    if (n.rank(1) == 4) {
      auto inputs = n.inputs;
      while (!inputs.empty() && inputs.back().empty()) inputs.pop_back();
      Attributes attrs{{"group", n.int_attr("group", 1)}};
      for (const char* key : {"kernel_shape", "pads", "strides", "dilations"})
        if (const auto v = n.ints_attr(key)) attrs[key] = *v;
      if (n.attrs.count("auto_pad")) attrs["auto_pad"] = n.attrs.at("auto_pad");
      return {"Conv2d", inputs, attrs};
    }
    if (n.rank(1) != 3) n.fail("only 1-D and 2-D convolutions are supported (W of rank 3 or 4), got W " + to_string(n.type(1)));
    if (n.attrs.count("auto_pad") && std::get<std::string>(n.attrs.at("auto_pad")) != "NOTSET") n.fail("auto_pad is not supported; export with explicit pads");
    Attributes attrs{{"group", n.int_attr("group", 1)}};
    for (const char* key : {"pads", "strides", "dilations"})
      if (const auto v = n.ints_attr(key)) attrs[key] = *v;
    auto inputs = n.inputs;
    while (!inputs.empty() && inputs.back().empty()) inputs.pop_back();
    return {"Conv1d", inputs, attrs};
  }
  static constexpr int min_inputs = 2, max_inputs = 3;
  static constexpr std::array<AttrSpec, 4> attributes{{
      {"pads", AttrType::Ints, false, "[begin, end] zero padding (default [0, 0])"},
      {"strides", AttrType::Ints, false, "[stride] (default [1])"},
      {"dilations", AttrType::Ints, false, "[dilation] (default [1])"},
      {"group", AttrType::Int, false, "channel groups (default 1)"},
  }};
  struct Geometry {
    std::int64_t batch, c_in, length, c_out, kernel, group, pad_begin, stride, dilation, out_length;
  };
  static std::int64_t single(const Node& node, std::string_view key, std::size_t index, std::int64_t fallback) {
    const auto v = node.get_ints(key);
    return v.size() > index ? v[index] : fallback;
  }
  static Geometry geometry(const Node& node, std::span<const TensorType> in) {
    expect_rank(node, in[0], 3, "X");
    expect_rank(node, in[1], 3, "W");
    Geometry g{in[0].shape[0], in[0].shape[1], in[0].shape[2], in[1].shape[0], in[1].shape[2], node.get_int("group", 1),
               single(node, "pads", 0, 0), single(node, "strides", 0, 1), single(node, "dilations", 0, 1), 0};
    if (g.group < 1 || g.c_in % g.group != 0 || g.c_out % g.group != 0 || in[1].shape[1] * g.group != g.c_in)
      fail(node, "W " + to_string(in[1]) + " does not fit X " + to_string(in[0]) + " with group " + std::to_string(g.group));
    if (in.size() == 3 && in[2].shape != Shape{g.c_out}) fail(node, "B " + to_string(in[2]) + " must have shape [" + std::to_string(g.c_out) + "]");
    if (g.stride < 1 || g.dilation < 1) fail(node, "strides and dilations must be positive");
    const auto span = g.length + g.pad_begin + single(node, "pads", 1, 0) - g.dilation * (g.kernel - 1) - 1;
    if (span < 0) fail(node, "kernel of size " + std::to_string(g.kernel) + " is longer than the padded input " + to_string(in[0]));
    g.out_length = span / g.stride + 1;
    return g;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    const auto g = geometry(node, in);
    return {{DType::Float, {g.batch, g.c_out, g.out_length}}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto g = geometry(node, in);
    Action out;
    if (const auto o = actions[0].offset_on(0)) out.add(0, *o);
    // What a token-wise map would give: output t is centred on input t + (its offset shift).
    if (const auto o = actions[0].offset_on(2); o && g.stride == 1) out.add(2, *o + g.pad_begin - g.dilation * ((g.kernel - 1) / 2));
    return {{out}};
  }
  static Degree degree(const Node& node, std::span<const Degree> in) { return Gemm::degree(node, in); }
  /// Permuted batch, or a kernel of one over the permuted length: token-wise linear.
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    if (!all_invariant(actions.subspan(1)) || actions[0].offset_on(1)) return {};
    const auto g = geometry(node, in);
    const bool pointwise_in_length = g.kernel == 1 && g.stride == 1 && g.pad_begin == 0 && single(node, "pads", 1, 0) == 0;
    return !actions[0].offset_on(2) || pointwise_in_length ? "token-wise-linear" : "";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    std::vector<TensorType> types;
    for (const auto* t : in) types.push_back(t->type());
    const auto g = geometry(node, types);
    const auto& x = *in[0];
    const auto& w = *in[1];
    const auto per_group_in = g.c_in / g.group, per_group_out = g.c_out / g.group;
    Tensor<S> out(DType::Float, {g.batch, g.c_out, g.out_length});
    for (std::int64_t b = 0; b < g.batch; ++b)
      for (std::int64_t co = 0; co < g.c_out; ++co)
        for (std::int64_t t = 0; t < g.out_length; ++t) {
          S sum = in.size() == 3 ? in[2]->data[static_cast<std::size_t>(co)] : Domain<S>::from_int(0);
          const auto group = co / per_group_out;
          for (std::int64_t ci = 0; ci < per_group_in; ++ci)
            for (std::int64_t r = 0; r < g.kernel; ++r) {
              const auto pos = t * g.stride + r * g.dilation - g.pad_begin;
              if (pos < 0 || pos >= g.length) continue;
              sum = sum + x.data[static_cast<std::size_t>((b * g.c_in + group * per_group_in + ci) * g.length + pos)] *
                              w.data[static_cast<std::size_t>((co * per_group_in + ci) * g.kernel + r)];
            }
          out.data[static_cast<std::size_t>((b * g.c_out + co) * g.out_length + t)] = sum;
        }
    return {out};
  }
  /// As a sum over kernel taps r: Y = B + sum_r W_r X_r, with X_r the strided window of the padded
  /// input that tap r meets (start r*d, step s, ending (K-1-r)*d before the end, so no length is
  /// written down) and W_r = W[:, :, r] (per group: [G, C_out/G, C_in/G] against [N, G, C_in/G, L']).
  /// Then dX_r = W_r^T g is written back into the padded shape, dW_r = g X_r^T is summed over the
  /// batch, and dB sums g over batch and length.
  static void vjp(VjpContext& c) {
    std::vector<TensorType> types;
    for (std::size_t i = 0; i < c.input_count(); ++i) types.push_back(c.input_type(i));
    const auto geo = geometry(c.node(), types);
    const Value g = *c.cotangent(), x = c.input(0), w = c.input(1);
    if (c.present(2) && c.wants(2))
      c.give(2, c.emit("ReduceSum", {g}, {{"axes", std::vector<std::int64_t>{0, 2}}, {"keepdims", std::int64_t{0}}}));
    if (!c.wants(0) && !c.wants(1)) return;
    const auto groups = geo.group, pad_end = single(c.node(), "pads", 1, 0);
    if (groups > 1 && c.varies(x, 1)) c.unsupported("a grouped convolution whose channel count follows the token count");
    const auto reshape = [&](const Value& v, const std::vector<std::int64_t>& shape) { return c.emit("Reshape", {v}, {{"shape", to_dims(shape)}}); };
    // [N, C, L] -> [N, G, C/G, L] and [C_out, C_in/G] -> [G, C_out/G, C_in/G]; nothing for one group.
    const auto split_channels = [&](const Value& v) {
      return groups == 1 ? v : reshape(v, {0, groups, c.type(v).shape[1] / groups, -1});
    };
    const auto split_weight = [&](const Value& v) { return groups == 1 ? v : reshape(v, {groups, -1, c.type(v).shape[1]}); };
    const bool padded = geo.pad_begin != 0 || pad_end != 0;
    const Value xp = padded ? c.emit("Pad", {x}, {{"pads", std::vector<std::int64_t>{0, 0, geo.pad_begin, 0, 0, pad_end}}}) : x;
    const auto tap = [&](std::int64_t r) {
      const auto back = (geo.kernel - 1 - r) * geo.dilation;
      return std::array<std::int64_t, 3>{r * geo.dilation, back == 0 ? slice_to_end : -back, geo.stride};
    };
    const Value gg = split_channels(g);
    std::optional<Value> dxp;
    std::vector<Value> dw_taps;
    for (std::int64_t r = 0; r < geo.kernel; ++r) {
      const auto [start, end, step] = tap(r);
      const Value w_r = reshape(emit_slice(c, w, {2}, {r}, {r + 1}), {0, 0});  // [C_out, C_in/G]
      const Value wg = split_weight(w_r);
      if (c.wants(0)) {
        Value dx_r = c.emit("MatMul", {c.transpose_last2(wg), gg});
        if (groups > 1) dx_r = reshape(dx_r, {0, geo.c_in, -1});
        Attributes window{{"starts", to_dims({start})}, {"ends", to_dims({end})}, {"axes", std::vector<std::int64_t>{2}}, {"steps", std::vector<std::int64_t>{step}}};
        const Value scattered = c.emit("SliceScatter", {dx_r, xp}, std::move(window));
        dxp = dxp ? c.add(*dxp, scattered) : scattered;
      }
      if (c.wants(1)) {
        const Value x_r = emit_slice(c, xp, {2}, {start}, {end}, {step});
        Value dw_r = c.sum_like(c.emit("MatMul", {gg, c.transpose_last2(split_channels(x_r))}), wg);
        if (groups > 1) dw_r = c.emit("ReshapeLike", {dw_r, w_r});
        dw_taps.push_back(reshape(dw_r, {0, 0, 1}));
      }
    }
    if (c.wants(0)) c.give(0, padded ? emit_slice(c, *dxp, {2}, {geo.pad_begin}, {pad_end == 0 ? slice_to_end : -pad_end}) : *dxp);
    if (c.wants(1)) c.give(1, dw_taps.size() == 1 ? dw_taps[0] : c.emit("Concat", dw_taps, {{"axis", std::int64_t{2}}}));
  }
  static std::int64_t replay_work(const Node&, std::span<const Shape> in) { return product_replay_work(in); }
};

/// The operators this file defines, in the order `permeq ops` lists them.
using SourceAndMaskOperators = OperatorList<Constant, Range, EyeLike, Trilu, Conv1d>;

}  // namespace permeq::ops
