// src/ops/definitions/pooling.hpp: windows sliding over the spatial axes of [N, C, D1, ..., Dk]
// tensors: average and max pooling, and 2-D convolution (patch embeddings). One geometry rule
// (kernel, strides, pads, dilations, auto_pad, ceil_mode) serves all of them.
#pragma once

#include "src/ops/definitions/einsum.hpp"
#include "src/ops/definitions/sources_and_masks.hpp"

#include <limits>

namespace permeq::ops {

/// Where the windows lie on each spatial axis.
struct SpatialGeometry {
  std::vector<std::int64_t> in, kernel, strides, dilations, pad_begin, pad_end, out;
};

/// The window attributes every spatial operator reads (auto_pad and ceil_mode too).
inline constexpr AttrSpec kernel_shape_attr{"kernel_shape", AttrType::Ints, true, "window size per spatial axis"};
inline constexpr AttrSpec strides_attr{"strides", AttrType::Ints, false, "step per spatial axis (default 1)"};
inline constexpr AttrSpec pads_attr{"pads", AttrType::Ints, false, "[begin_1, ..., begin_k, end_1, ..., end_k] (default 0)"};
inline constexpr AttrSpec dilations_attr{"dilations", AttrType::Ints, false, "spacing of window elements (default 1)"};
inline constexpr AttrSpec auto_pad_attr{"auto_pad", AttrType::String, false, "NOTSET (default: pads), SAME_UPPER, SAME_LOWER or VALID"};
inline constexpr AttrSpec ceil_mode_attr{"ceil_mode", AttrType::Int, false, "1: round the output size up (default 0)"};

inline SpatialGeometry spatial_geometry(const Node& node, const Shape& x, std::vector<std::int64_t> kernel) {
  if (x.size() < 3) fail(node, "input must be [N, C, D1, ...] with at least one spatial axis, got " + to_string(x));
  const std::size_t k = x.size() - 2;
  SpatialGeometry g;
  g.in.assign(x.begin() + 2, x.end());
  g.kernel = std::move(kernel);
  const auto list = [&](std::string_view key, std::size_t count, std::int64_t fallback) {
    auto v = node.get_ints(key);
    if (v.empty()) v.assign(count, fallback);
    if (v.size() != count) fail(node, std::string(key) + " needs " + std::to_string(count) + " entries, got " + std::to_string(v.size()));
    return v;
  };
  if (g.kernel.size() != k) fail(node, "kernel_shape needs " + std::to_string(k) + " entries for input " + to_string(x) + ", got " + std::to_string(g.kernel.size()));
  g.strides = list("strides", k, 1);
  g.dilations = list("dilations", k, 1);
  const auto pads = list("pads", 2 * k, 0);
  g.pad_begin.assign(pads.begin(), pads.begin() + static_cast<std::ptrdiff_t>(k));
  g.pad_end.assign(pads.begin() + static_cast<std::ptrdiff_t>(k), pads.end());
  const auto auto_pad = node.get_string("auto_pad", "NOTSET");
  const bool ceil = node.get_int("ceil_mode", 0) != 0;
  for (std::size_t i = 0; i < k; ++i) {
    if (g.kernel[i] < 1 || g.strides[i] < 1 || g.dilations[i] < 1) fail(node, "kernel_shape, strides and dilations must be positive");
    const auto span = (g.kernel[i] - 1) * g.dilations[i] + 1;
    if (auto_pad == "SAME_UPPER" || auto_pad == "SAME_LOWER") {
      const auto out = (g.in[i] + g.strides[i] - 1) / g.strides[i];
      const auto total = std::max<std::int64_t>((out - 1) * g.strides[i] + span - g.in[i], 0);
      g.pad_begin[i] = auto_pad == "SAME_UPPER" ? total / 2 : total - total / 2;
      g.pad_end[i] = total - g.pad_begin[i];
    } else if (auto_pad == "VALID") {
      g.pad_begin[i] = g.pad_end[i] = 0;
    } else if (auto_pad != "NOTSET") {
      fail(node, "auto_pad must be NOTSET, SAME_UPPER, SAME_LOWER or VALID, got \"" + auto_pad + "\"");
    }
    const auto room = g.in[i] + g.pad_begin[i] + g.pad_end[i] - span;
    if (room < 0) fail(node, "the window of size " + std::to_string(span) + " is longer than spatial axis " + std::to_string(i + 2) + " of " + to_string(x) + " with its pads");
    auto out = (ceil ? (room + g.strides[i] - 1) / g.strides[i] : room / g.strides[i]) + 1;
    // A window rounded up must still start inside the input or its leading pad.
    if (ceil && (out - 1) * g.strides[i] >= g.in[i] + g.pad_begin[i]) --out;
    g.out.push_back(out);
  }
  return g;
}

/// Calls `f(out_index, positions)` for every output position of the spatial grid, with the input
/// coordinates of its window (k entries per element; entries outside [0, D) are padding).
template <class F>
void for_each_window(const SpatialGeometry& g, F&& f) {
  const std::size_t k = g.out.size();
  std::vector<std::int64_t> at(k, 0), tap(k, 0), coordinate(k, 0);
  std::int64_t out_index = 0;
  const auto outputs = element_count(Shape(g.out.begin(), g.out.end()));
  const auto taps = element_count(Shape(g.kernel.begin(), g.kernel.end()));
  std::vector<std::vector<std::int64_t>> window(static_cast<std::size_t>(taps), std::vector<std::int64_t>(k));
  for (; out_index < outputs; ++out_index) {
    std::fill(tap.begin(), tap.end(), 0);
    for (std::int64_t t = 0; t < taps; ++t) {
      for (std::size_t i = 0; i < k; ++i) window[static_cast<std::size_t>(t)][i] = at[i] * g.strides[i] - g.pad_begin[i] + tap[i] * g.dilations[i];
      for (std::size_t i = k; i-- > 0;) {
        if (++tap[i] < g.kernel[i]) break;
        tap[i] = 0;
      }
    }
    f(out_index, window);
    for (std::size_t i = k; i-- > 0;) {
      if (++at[i] < g.out[i]) break;
      at[i] = 0;
    }
  }
}

/// The flat spatial offset of `coordinate`, or -1 when it lies in the padding.
inline std::int64_t spatial_offset(const SpatialGeometry& g, const std::vector<std::int64_t>& coordinate) {
  std::int64_t offset = 0;
  for (std::size_t i = 0; i < coordinate.size(); ++i) {
    if (coordinate[i] < 0 || coordinate[i] >= g.in[i]) return -1;
    offset = offset * g.in[i] + coordinate[i];
  }
  return offset;
}

/// Batch and channel actions pass through a per-channel window operator; a spatial action passes
/// only where the window is one element that does not move (kernel 1, stride 1, no pads).
inline Action spatial_claim(const Action& in, const SpatialGeometry& g, bool channels_mix) {
  Action out;
  for (const auto& a : in.axes) {
    if (a.axis == 0 || (a.axis == 1 && !channels_mix)) out.add(a.axis, a);
    else if (a.axis >= 2) {
      const auto i = static_cast<std::size_t>(a.axis - 2);
      if (g.kernel[i] == 1 && g.strides[i] == 1 && g.pad_begin[i] == 0 && g.pad_end[i] == 0) out.add(a.axis, a);
    }
  }
  return out;
}

/// The derivative rules' view of a window operator: the input padded so every window fits (pads
/// of the full rank), and one strided Slice of the padded input per kernel tap, whose element at
/// output position o is what tap t of o's window reads.
struct TapWindows {
  std::vector<std::int64_t> pads;
  std::vector<std::vector<std::int64_t>> taps;
  std::vector<Attributes> windows;
  Attributes crop;  ///< the Slice of the padded shape that is the input
};

inline TapWindows tap_windows(VjpContext& c, const SpatialGeometry& g, std::size_t rank) {
  for (std::size_t a = 2; a < rank; ++a)
    if (c.varies(c.input(0), a)) c.unsupported("a window operator whose spatial size follows the token count");
  const std::size_t k = g.out.size();
  TapWindows t;
  t.pads.assign(2 * rank, 0);
  std::vector<std::int64_t> axes, crop_starts, crop_ends;
  for (std::size_t i = 0; i < k; ++i) {
    const auto span = (g.kernel[i] - 1) * g.dilations[i] + 1;
    const auto reach = (g.out[i] - 1) * g.strides[i] + span;  // padded length the windows need
    t.pads[2 + i] = g.pad_begin[i];
    t.pads[rank + 2 + i] = std::max(g.pad_end[i], reach - g.in[i] - g.pad_begin[i]);
    axes.push_back(static_cast<std::int64_t>(2 + i));
    crop_starts.push_back(g.pad_begin[i]);
    crop_ends.push_back(g.pad_begin[i] + g.in[i]);
  }
  t.crop = {{"starts", to_dims(crop_starts)}, {"ends", to_dims(crop_ends)}, {"axes", axes}};
  std::vector<std::int64_t> tap(k, 0);
  const auto count = element_count(Shape(g.kernel.begin(), g.kernel.end()));
  for (std::int64_t n = 0; n < count; ++n) {
    std::vector<std::int64_t> starts, ends;
    for (std::size_t i = 0; i < k; ++i) {
      starts.push_back(tap[i] * g.dilations[i]);
      ends.push_back(starts.back() + (g.out[i] - 1) * g.strides[i] + 1);
    }
    t.taps.push_back(tap);
    t.windows.push_back({{"starts", to_dims(starts)}, {"ends", to_dims(ends)}, {"axes", axes}, {"steps", g.strides}});
    for (std::size_t i = k; i-- > 0;) {
      if (++tap[i] < g.kernel[i]) break;
      tap[i] = 0;
    }
  }
  return t;
}

/// Pool<Def>: y at o = sum over taps of weight(o, t) * window_t(o); the input's cotangent is the
/// sum over taps of g * weight written back at each tap's window, cropped to the input.
template <class Def>
struct Pool : OpBase {
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    if (n.int_attr("storage_order", 0) != 0) n.fail("storage_order 1 is not supported");
    OnnxNode without = n;
    without.attrs.erase("storage_order");  // only the Indices output, which permeq does not give, depends on it
    return default_onnx_translation<Def>(without);
  }
  static SpatialGeometry geometry(const Node& node, const Shape& x) { return spatial_geometry(node, x, node.get_ints("kernel_shape")); }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "X");
    const auto g = geometry(node, in[0].shape);
    Shape out{in[0].shape[0], in[0].shape[1]};
    out.insert(out.end(), g.out.begin(), g.out.end());
    return {{DType::Float, out}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return {{spatial_claim(actions[0], geometry(node, in[0].shape), false)}};
  }
  static std::string_view family(const Node&, std::span<const TensorType>, std::span<const Action> actions) {
    const auto acted = acted_axes(actions[0]);
    return std::all_of(acted.begin(), acted.end(), [](int a) { return a < 2; }) ? "token-wise-map" : "";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& x = *in[0];
    const auto g = geometry(node, x.shape);
    Tensor<S> out(DType::Float, infer(node, std::array<TensorType, 1>{x.type()})[0].shape);
    const auto plane_in = element_count(Shape(g.in.begin(), g.in.end())), plane_out = element_count(Shape(g.out.begin(), g.out.end()));
    for (std::int64_t plane = 0; plane < x.shape[0] * x.shape[1]; ++plane)
      for_each_window(g, [&](std::int64_t o, const std::vector<std::vector<std::int64_t>>& window) {
        std::vector<const S*> values;
        std::int64_t padded = 0;
        for (const auto& coordinate : window) {
          const auto at = spatial_offset(g, coordinate);
          if (at >= 0) values.push_back(&x.data[static_cast<std::size_t>(plane * plane_in + at)]);
          else if (within_pads(g, coordinate)) ++padded;
        }
        out.data[static_cast<std::size_t>(plane * plane_out + o)] = Def::template pool<S>(node, values, padded);
      });
    return {out};
  }
  static void vjp(VjpContext& c) {
    const auto& shape = c.input_type(0).shape;
    const auto g = geometry(c.node(), shape);
    const auto t = tap_windows(c, g, shape.size());
    const auto padded = c.emit("Pad", {c.input(0)}, {{"pads", t.pads}, {"value", Def::padding_value}});
    std::optional<Value> total, cache;
    for (std::size_t n = 0; n < t.taps.size(); ++n) {
      const auto share = Def::tap_share(c, g, t.taps[n], c.emit("Slice", {padded}, t.windows[n]), cache);
      const auto scattered = c.emit("SliceScatter", {c.mul(*c.cotangent(), share), padded}, t.windows[n]);
      total = total ? c.add(*total, scattered) : scattered;
    }
    c.give(0, c.emit("Slice", {*total}, t.crop));
  }
  /// Inside the explicit pads (not past them, where a rounded-up window may reach).
  static bool within_pads(const SpatialGeometry& g, const std::vector<std::int64_t>& coordinate) {
    for (std::size_t i = 0; i < coordinate.size(); ++i)
      if (coordinate[i] < -g.pad_begin[i] || coordinate[i] >= g.in[i] + g.pad_end[i]) return false;
    return true;
  }
};

struct AveragePool : Pool<AveragePool> {
  static constexpr std::string_view name = "AveragePool", summary = "mean over sliding windows of the spatial axes", reference = "ONNX AveragePool";
  static constexpr std::array<AttrSpec, 7> attributes{{kernel_shape_attr, strides_attr, pads_attr, dilations_attr, auto_pad_attr, ceil_mode_attr,
                                                       {"count_include_pad", AttrType::Int, false, "1: padding counts in the mean's divisor (default 0)"}}};
  static Degree degree(const Node&, std::span<const Degree> in) { return in[0]; }
  template <class S>
  static S pool(const Node& node, const std::vector<const S*>& values, std::int64_t padded) {
    S total = Domain<S>::from_int(0);
    for (const auto* v : values) total = total + *v;
    const auto count = static_cast<std::int64_t>(values.size()) + (node.get_int("count_include_pad", 0) != 0 ? padded : 0);
    if (count == 0) fail_eval(node, "a window lies entirely in the padding");
    return Domain<S>::divide(total, Domain<S>::from_int(count));
  }
  static constexpr double padding_value = 0.0;
  /// Tap t's weight at each output position: 1 / (the window's divisor) where t reads a counted
  /// element, 0 where it reads padding that does not count; a constant of the geometry.
  static Value tap_share(VjpContext& c, const SpatialGeometry& g, const std::vector<std::int64_t>& tap, const Value&, std::optional<Value>&) {
    const bool include_pad = c.node().get_int("count_include_pad", 0) != 0;
    std::vector<double> weights;
    std::vector<std::int64_t> shape{1, 1};
    shape.insert(shape.end(), g.out.begin(), g.out.end());
    for_each_window(g, [&](std::int64_t, const std::vector<std::vector<std::int64_t>>& window) {
      std::int64_t count = 0;
      const auto counted = [&](const std::vector<std::int64_t>& at) { return spatial_offset(g, at) >= 0 || (include_pad && within_pads(g, at)); };
      for (const auto& at : window) count += counted(at) ? 1 : 0;
      // The window's element for this tap: its position in the row-major tap order.
      std::size_t flat = 0;
      for (std::size_t i = 0; i < tap.size(); ++i) flat = flat * static_cast<std::size_t>(g.kernel[i]) + static_cast<std::size_t>(tap[i]);
      weights.push_back(counted(window[flat]) && count > 0 ? 1.0 / static_cast<double>(count) : 0.0);
    });
    return c.emit("Constant", {}, {{"shape", to_dims(shape)}, {"values", weights}});
  }
};

struct MaxPool : Pool<MaxPool> {
  static constexpr std::string_view name = "MaxPool", summary = "maximum over sliding windows of the spatial axes", reference = "ONNX MaxPool (values output only)";
  static constexpr std::array<AttrSpec, 6> attributes{{kernel_shape_attr, strides_attr, pads_attr, dilations_attr, auto_pad_attr, ceil_mode_attr}};
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S>
  static S pool(const Node& node, const std::vector<const S*>& values, std::int64_t) {
    if (values.empty()) fail_eval(node, "a window lies entirely in the padding");
    S best = *values[0];
    for (std::size_t i = 1; i < values.size(); ++i) best = Domain<S>::select(Domain<S>::less(best, *values[i]), *values[i], best);
    return best;
  }
  static constexpr double padding_value = std::numeric_limits<double>::lowest();
  /// The cotangent is split evenly among the elements equal to the window's maximum (as for
  /// ReduceMax), so tied elements are treated alike.
  static Value tap_share(VjpContext& c, const SpatialGeometry&, const std::vector<std::int64_t>&, const Value& window, std::optional<Value>& ties) {
    if (!ties) ties = tie_count(c);
    return c.div(hit(c, window), *ties);
  }
  static Value hit(VjpContext& c, const Value& window) {
    return c.emit("Cast", {c.emit("Equal", {window, c.output()})}, {{"to", std::string("float")}});
  }
  /// How many elements of each window equal its maximum.
  static Value tie_count(VjpContext& c) {
    c.kink("MaxPool is not differentiable where a window's maxima tie; the rule splits the cotangent evenly among them");
    const auto& shape = c.input_type(0).shape;
    const auto g = geometry(c.node(), shape);
    const auto t = tap_windows(c, g, shape.size());
    const auto padded = c.emit("Pad", {c.input(0)}, {{"pads", t.pads}, {"value", padding_value}});
    std::vector<Value> hits;
    for (const auto& w : t.windows) hits.push_back(hit(c, c.emit("Slice", {padded}, w)));
    return c.emit("Sum", hits);
  }
};

/// 2-D convolution in ONNX layout: X [N, C_in, H, W], W [C_out, C_in/group, kH, kW], optional B.
/// ONNX Conv with a rank-4 kernel arrives here (Conv1d reads rank 3).
struct Conv2d : OpBase {
  static constexpr std::string_view name = "Conv2d", summary = "2-D convolution over the last two axes ([N, C, H, W] layout)", reference = "ONNX Conv (2-D)";
  static constexpr std::array<std::string_view, 0> onnx_names{};
  static constexpr int min_inputs = 2, max_inputs = 3;
  static constexpr std::array<AttrSpec, 6> attributes{{
      {"kernel_shape", AttrType::Ints, false, "window size (default: W's spatial shape)"}, strides_attr, pads_attr, dilations_attr, auto_pad_attr,
      {"group", AttrType::Int, false, "channel groups (default 1)"},
  }};
  static SpatialGeometry geometry(const Node& node, std::span<const TensorType> in) {
    expect_rank(node, in[0], 4, "X");
    expect_rank(node, in[1], 4, "W");
    const Shape kernel(in[1].shape.begin() + 2, in[1].shape.end());
    if (node.has("kernel_shape") && node.get_ints("kernel_shape") != std::vector<std::int64_t>(kernel.begin(), kernel.end()))
      fail(node, "kernel_shape does not match W " + to_string(in[1]));
    const auto group = node.get_int("group", 1);
    const auto c_in = in[0].shape[1], c_out = in[1].shape[0];
    if (group < 1 || c_in % group != 0 || c_out % group != 0 || in[1].shape[1] * group != c_in)
      fail(node, "W " + to_string(in[1]) + " does not fit X " + to_string(in[0]) + " with group " + std::to_string(group));
    if (in.size() == 3 && in[2].shape != Shape{c_out}) fail(node, "B " + to_string(in[2]) + " must have shape [" + std::to_string(c_out) + "]");
    return spatial_geometry(node, in[0].shape, std::vector<std::int64_t>(kernel.begin(), kernel.end()));
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "X");
    const auto g = geometry(node, in);
    return {{DType::Float, {in[0].shape[0], in[1].shape[0], g.out[0], g.out[1]}}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return {{spatial_claim(actions[0], geometry(node, in), true)}};
  }
  static Degree degree(const Node& node, std::span<const Degree> in) { return Gemm::degree(node, in); }
  /// A permuted batch with fixed weights: token-wise linear.
  static std::string_view family(const Node&, std::span<const TensorType>, std::span<const Action> actions) {
    const auto acted = acted_axes(actions[0]);
    return all_invariant(actions.subspan(1)) && acted.size() == 1 && acted[0] == 0 ? "token-wise-linear" : "";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    std::vector<TensorType> types;
    for (const auto* t : in) types.push_back(t->type());
    const auto g = geometry(node, types);
    const auto& x = *in[0];
    const auto& w = *in[1];
    const auto batch = x.shape[0], c_in = x.shape[1], c_out = w.shape[0], group = node.get_int("group", 1);
    const auto per_group_in = c_in / group, per_group_out = c_out / group;
    const auto plane_in = g.in[0] * g.in[1], plane_out = g.out[0] * g.out[1], taps = g.kernel[0] * g.kernel[1];
    Tensor<S> out(DType::Float, infer(node, types)[0].shape);
    for (std::int64_t b = 0; b < batch; ++b)
      for (std::int64_t co = 0; co < c_out; ++co) {
        const auto first_in = (co / per_group_out) * per_group_in;
        for_each_window(g, [&](std::int64_t o, const std::vector<std::vector<std::int64_t>>& window) {
          S sum = in.size() == 3 ? in[2]->data[static_cast<std::size_t>(co)] : Domain<S>::from_int(0);
          for (std::int64_t ci = 0; ci < per_group_in; ++ci)
            for (std::int64_t t = 0; t < taps; ++t) {
              const auto at = spatial_offset(g, window[static_cast<std::size_t>(t)]);
              if (at < 0) continue;
              sum = sum + x.data[static_cast<std::size_t>((b * c_in + first_in + ci) * plane_in + at)] *
                              w.data[static_cast<std::size_t>((co * per_group_in + ci) * taps + t)];
            }
          out.data[static_cast<std::size_t>((b * c_out + co) * plane_out + o)] = sum;
        });
      }
    return {out};
  }
  /// As a sum over kernel taps t: Y = B + sum_t W_t X_t, X_t the strided window of the padded
  /// input tap t reads and W_t = W[:, :, t]: dX_t = W_t^T g written back at the window,
  /// dW_t = sum over batch and positions of g X_t, dB = sum of g over batch and positions.
  static void vjp(VjpContext& c) {
    if (c.node().get_int("group", 1) != 1) c.unsupported("the gradient of a grouped 2-D convolution");
    std::vector<TensorType> types;
    for (std::size_t i = 0; i < c.input_count(); ++i) types.push_back(c.input_type(i));
    const auto geo = geometry(c.node(), types);
    const auto t = tap_windows(c, geo, 4);
    const Value g = *c.cotangent(), w = c.input(1);
    if (c.present(2) && c.wants(2)) c.give(2, c.emit("ReduceSum", {g}, {{"axes", std::vector<std::int64_t>{0, 2, 3}}, {"keepdims", std::int64_t{0}}}));
    if (!c.wants(0) && !c.wants(1)) return;
    const auto padded = c.emit("Pad", {c.input(0)}, {{"pads", t.pads}, {"value", 0.0}});
    std::optional<Value> dx, dw;
    for (std::size_t n = 0; n < t.taps.size(); ++n) {
      const auto a = t.taps[n][0], b = t.taps[n][1];
      const Attributes kernel_tap{{"starts", to_dims({a, b})}, {"ends", to_dims({a + 1, b + 1})}, {"axes", std::vector<std::int64_t>{2, 3}}};
      if (c.wants(0)) {
        const auto w_t = c.emit("Reshape", {c.emit("Slice", {w}, kernel_tap)}, {{"shape", to_dims({0, 0})}});
        const auto scattered = c.emit("SliceScatter", {c.emit("Einsum", {w_t, g}, {{"equation", std::string("oc,nohw->nchw")}}), padded}, t.windows[n]);
        dx = dx ? c.add(*dx, scattered) : scattered;
      }
      if (c.wants(1)) {
        const auto x_t = c.emit("Slice", {padded}, t.windows[n]);
        const auto dw_t = c.emit("Einsum", {g, x_t}, {{"equation", std::string("nohw,nchw->oc")}});
        const auto placed = c.emit("SliceScatter", {c.emit("Reshape", {dw_t}, {{"shape", to_dims({0, 0, 1, 1})}}), w}, kernel_tap);
        dw = dw ? c.add(*dw, placed) : placed;
      }
    }
    if (c.wants(0)) c.give(0, c.emit("Slice", {*dx}, t.crop));
    if (c.wants(1)) c.give(1, *dw);
  }
};

/// The operators this file defines, in the order `permeq ops` lists them.
using PoolingOperators = OperatorList<AveragePool, MaxPool, Conv2d>;

}  // namespace permeq::ops
