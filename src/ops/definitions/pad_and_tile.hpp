// src/ops/definitions/pad_and_tile.hpp: data movement that grows or crops a tensor along its
// axes: constant padding (negative pads crop) and numpy tiling.
#pragma once

#include "src/ops/definitions/data_movement.hpp"

namespace permeq::ops {

/// Constant padding; a negative pad crops that many positions instead (a token shift that drops
/// the last token is pads [1, -1] on the token axis).
struct Pad : MovementBase {
  static constexpr std::string_view name = "Pad", summary = "pads with a constant (negative pads crop)", reference = "ONNX Pad (mode constant; pads and value as attributes)";
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    const auto mode = n.attrs.count("mode") ? std::get<std::string>(n.attrs.at("mode")) : std::string("constant");
    if (mode != "constant") n.fail("only mode \"constant\" is supported, got \"" + mode + "\"");
    auto pads = n.present(1) ? n.constant_ints(1, "pads") : n.ints_attr("pads").value_or(std::vector<std::int64_t>{});
    if (n.present(3)) {
      // Pads listed for some axes only: spread them over all axes.
      const auto rank = static_cast<std::int64_t>(n.rank(0));
      const auto axes = n.constant_ints(3, "axes");
      if (pads.size() != 2 * axes.size()) n.fail("pads needs " + std::to_string(2 * axes.size()) + " entries for " + std::to_string(axes.size()) + " axes");
      std::vector<std::int64_t> full(static_cast<std::size_t>(2 * rank), 0);
      for (std::size_t i = 0; i < axes.size(); ++i) {
        const auto a = axes[i] < 0 ? axes[i] + rank : axes[i];
        if (a < 0 || a >= rank) n.fail("axis " + std::to_string(axes[i]) + " is out of range for rank " + std::to_string(rank));
        full[static_cast<std::size_t>(a)] = pads[i];
        full[static_cast<std::size_t>(a + rank)] = pads[i + axes.size()];
      }
      pads = full;
    }
    double value = 0.0;
    if (n.present(2)) value = n.constant_scalar(2, "constant_value");
    else if (n.attrs.count("value")) value = std::get<double>(n.attrs.at("value"));  // opset 2-10
    return {"Pad", {n.input(0)}, {{"pads", pads}, {"value", value}}};
  }
  static constexpr std::array<AttrSpec, 2> attributes{{
      {"pads", AttrType::Ints, true, "[begin_0, ..., begin_r-1, end_0, ..., end_r-1]; negative entries crop"},
      {"value", AttrType::Float, false, "fill value (default 0)"},
  }};
  static std::vector<std::int64_t> pads(const Node& node, std::size_t rank) {
    auto p = node.get_ints("pads");
    if (p.size() != 2 * rank) fail(node, "pads needs " + std::to_string(2 * rank) + " entries, got " + std::to_string(p.size()));
    return p;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    const auto p = pads(node, in[0].shape.size());
    Shape out = in[0].shape;
    for (std::size_t i = 0; i < out.size(); ++i) {
      out[i] += p[i] + p[i + out.size()];
      if (out[i] < 0) fail(node, "pads " + to_string(Shape(p)) + " crop axis " + std::to_string(i) + " of " + to_string(in[0]) + " below size 0");
    }
    return {{in[0].dtype, out}};
  }
  /// The tokens move by the leading pad; a crop that cuts into them leaves no action on that
  /// axis (the claim is then invariance, which the test refutes unless it holds).
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions, std::int64_t tokens) {
    const auto p = pads(node, in[0].shape.size());
    const auto out_shape = infer(node, in)[0].shape;
    Action out;
    for (const auto& a : actions[0].axes) {
      const auto axis = static_cast<std::size_t>(a.axis);
      const auto shifted = a.offset + p[axis];
      const auto extent = a.structured() ? a.extent(tokens) - a.offset : tokens;
      if (shifted >= 0 && shifted + extent <= out_shape[axis]) out.add(a.axis, AxisAction{a.axis, shifted, a.block, a.repeat});
    }
    return {{out}};
  }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions, std::int64_t tokens) {
    const auto p = pads(node, in[0].shape.size());
    for (const auto& a : actions[0].axes) {
      const auto axis = static_cast<std::size_t>(a.axis);
      // Cropping the acted axis: positions are lost or the window depends on the token count.
      if (p[axis] < 0 || p[axis + in[0].shape.size()] < 0) return {};
    }
    (void)tokens;
    return "token-wise-map";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& x = *in[0];
    const auto p = pads(node, x.rank());
    Tensor<S> out(x.dtype, infer(node, std::array<TensorType, 1>{x.type()})[0].shape);
    const S fill = Domain<S>::constant(rational_from_double(node.get_float("value", 0.0)));
    const auto in_strides = strides_of(x.shape);
    std::vector<std::int64_t> index(out.rank(), 0);
    for (std::size_t flat = 0; flat < out.data.size(); ++flat) {
      std::int64_t source = 0;
      bool inside = true;
      for (std::size_t i = 0; i < out.rank() && inside; ++i) {
        const auto from = index[i] - p[i];
        inside = from >= 0 && from < x.shape[i];
        source += from * in_strides[i];
      }
      out.data[flat] = inside ? x.data[static_cast<std::size_t>(source)] : fill;
      for (std::size_t i = out.rank(); i-- > 0;) {
        if (++index[i] < out.shape[i]) break;
        index[i] = 0;
      }
    }
    return {out};
  }
  /// The cotangent without the padding: pads are constants, so the window is [begin, -end).
  /// With crops, the cotangent padded back with zeros where the input was cropped: Pad by -pads.
  static void vjp(VjpContext& c) {
    const auto rank = c.input_type(0).shape.size();
    const auto p = pads(c.node(), rank);
    if (std::any_of(p.begin(), p.end(), [](std::int64_t v) { return v < 0; })) {
      std::vector<std::int64_t> back;
      for (const auto v : p) back.push_back(-v);
      return c.give(0, c.emit("Pad", {*c.cotangent()}, {{"pads", back}, {"value", 0.0}}));
    }
    std::vector<std::int64_t> axes, starts, ends;
    for (std::size_t i = 0; i < rank; ++i)
      if (p[i] != 0 || p[i + rank] != 0) {
        axes.push_back(static_cast<std::int64_t>(i));
        starts.push_back(p[i]);
        ends.push_back(p[i + rank] == 0 ? slice_to_end : -p[i + rank]);
      }
    c.give(0, axes.empty() ? *c.cotangent() : emit_slice(c, *c.cotangent(), axes, starts, ends));
  }
};

/// Repeats the tensor along each axis (numpy tile). An acted axis repeated r times holds r alike
/// runs of the tokens (a structured action), when the tokens fill the axis.
struct Tile : MovementBase {
  static constexpr std::string_view name = "Tile", summary = "repeats the tensor along each axis", reference = "ONNX Tile (repeats as attribute)";
  static OnnxTranslation from_onnx(const OnnxNode& n) { return {"Tile", {n.input(0)}, {{"repeats", n.constant_ints(1, "repeats")}}}; }
  static constexpr std::array<AttrSpec, 1> attributes{{{"repeats", AttrType::Ints, true, "copies per axis"}}};
  static std::vector<std::int64_t> repeats(const Node& node, std::size_t rank) {
    const auto r = node.get_ints("repeats");
    if (r.size() != rank) fail(node, "repeats needs " + std::to_string(rank) + " entries, got " + std::to_string(r.size()));
    for (const auto v : r)
      if (v < 0) fail(node, "repeats must not be negative");
    return r;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    const auto r = repeats(node, in[0].shape.size());
    Shape out = in[0].shape;
    for (std::size_t i = 0; i < out.size(); ++i) out[i] *= r[i];
    return {{in[0].dtype, out}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions, std::int64_t tokens) {
    const auto r = repeats(node, in[0].shape.size());
    Action out;
    for (const auto& a : actions[0].axes) {
      const auto copies = r[static_cast<std::size_t>(a.axis)];
      if (copies == 1) out.add(a.axis, a);
      else if (copies > 1 && !a.structured() && a.offset == 0 && in[0].shape[static_cast<std::size_t>(a.axis)] == tokens)
        out.add(a.axis, AxisAction{a.axis, 0, 1, copies});
      else if (copies > 1)
        return Claim::unrepresentable("tiling axis " + std::to_string(a.axis) + " repeats a window of the tokens among other positions, which no action describes");
    }
    return {{out}};
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& x = *in[0];
    Tensor<S> out(x.dtype, infer(node, std::array<TensorType, 1>{x.type()})[0].shape);
    const auto in_strides = strides_of(x.shape);
    std::vector<std::int64_t> index(out.rank(), 0);
    for (std::size_t flat = 0; flat < out.data.size(); ++flat) {
      std::int64_t source = 0;
      for (std::size_t i = 0; i < out.rank(); ++i) source += (index[i] % x.shape[i]) * in_strides[i];
      out.data[flat] = x.data[static_cast<std::size_t>(source)];
      for (std::size_t i = out.rank(); i-- > 0;) {
        if (++index[i] < out.shape[i]) break;
        index[i] = 0;
      }
    }
    return {out};
  }
  /// The copies' cotangents summed: split each tiled axis into [copies, size] and sum the copies.
  static void vjp(VjpContext& c) {
    const auto& in = c.input_type(0).shape;
    const auto r = repeats(c.node(), in.size());
    std::vector<std::int64_t> split, summed;
    for (std::size_t i = 0; i < in.size(); ++i)
      if (c.varies(c.input(0), i)) c.unsupported("a tiled tensor whose size follows the token count");
    for (std::size_t i = 0; i < in.size(); ++i) {
      if (r[i] != 1) {
        summed.push_back(static_cast<std::int64_t>(split.size()));
        split.push_back(r[i]);
      }
      split.push_back(in[i]);
    }
    if (summed.empty()) return c.give(0, *c.cotangent());
    const auto parts = c.emit("Reshape", {*c.cotangent()}, {{"shape", to_dims(split)}});
    c.give(0, c.emit("ReduceSum", {parts}, {{"axes", summed}, {"keepdims", std::int64_t{0}}}));
  }
};

/// The operators this file defines, in the order `permeq ops` lists them.
using PadAndTileOperators = OperatorList<Pad, Tile>;

}  // namespace permeq::ops
