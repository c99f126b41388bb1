// src/ops/definitions/data_movement.hpp: operators that move, copy or select elements without
// arithmetic (reshape, transpose, concat, split, slice, expand, pad, gather). Their values are as
// polynomial as their data input.
#pragma once

#include "src/ops/definitions/reduction.hpp"

#include <limits>

namespace permeq::ops {

/// Shape rule, index map and claim of pure data movement: every output element copies one input
/// element (of input `source_input` of `sources`) or is a fill value.
struct MovementBase : OpBase {
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_max(in); }
  /// Data movement whose claim is representable keeps each token's coordinate (shifted at most),
  /// so it is a token-wise map; the definitions below narrow this where it is not so.
  static std::string_view family(const Node&, std::span<const TensorType>, std::span<const Action>) { return "token-wise-map"; }
};

/// A Slice `end` that means "to the end of the axis" at every size.
inline constexpr std::int64_t slice_to_end = std::numeric_limits<std::int64_t>::max();

/// Emits a Slice of v (derivative rules): indices that must not follow the token count count from
/// the end (negative) or are slice_to_end.
inline Value emit_slice(VjpContext& c, const Value& v, std::vector<std::int64_t> axes, const std::vector<std::int64_t>& starts,
                        const std::vector<std::int64_t>& ends, std::vector<std::int64_t> steps = {}) {
  Attributes attrs{{"starts", to_dims(starts)}, {"ends", to_dims(ends)}, {"axes", std::move(axes)}};
  if (!steps.empty()) attrs["steps"] = std::move(steps);
  return c.emit("Slice", {v}, std::move(attrs));
}

struct Reshape : MovementBase {
  static constexpr std::string_view name = "Reshape", summary = "same elements, new shape (0 copies a dimension, -1 is inferred)",
                                    reference = "ONNX Reshape (shape as attribute)";
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static constexpr std::array<std::string_view, 4> onnx_names{"Reshape", "Unsqueeze", "Squeeze", "Flatten"};
  /// All four become a Reshape to the concrete target shape; the importer names the dimensions
  /// that follow the sequence length.
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    const Shape& in = n.type(0).shape;
    const auto rank = static_cast<std::int64_t>(in.size());
    Shape out;
    if (n.op_type == "Reshape") {
      out = n.constant_ints(1, "shape");
      for (std::size_t i = 0; i < out.size(); ++i)
        if (out[i] == 0 && n.int_attr("allowzero", 0) == 0 && i < in.size()) out[i] = in[i];
      std::int64_t known = 1;
      for (const auto d : out)
        if (d < -1 || (d != -1 && __builtin_mul_overflow(known, d, &known))) n.fail("shape " + to_string(out) + " is not a valid target shape");
      for (auto& d : out)
        if (d == -1 && known != 0) d = element_count(in) / known;
    } else if (n.op_type == "Flatten") {
      auto axis = n.int_attr("axis", 1);
      if (axis < 0) axis += rank;
      if (axis < 0 || axis > rank) n.fail("axis " + std::to_string(n.int_attr("axis", 1)) + " is out of range for rank " + std::to_string(rank));
      out = {element_count(Shape(in.begin(), in.begin() + axis)), element_count(Shape(in.begin() + axis, in.end()))};
    } else {
      auto axes = n.ints_attr("axes").value_or(n.present(1) ? n.constant_ints(1, "axes") : std::vector<std::int64_t>{});
      const bool unsqueeze = n.op_type == "Unsqueeze";
      const auto out_rank = unsqueeze ? rank + static_cast<std::int64_t>(axes.size()) : rank;
      for (auto& a : axes) {
        a = a < 0 ? a + out_rank : a;
        if (a < 0 || a >= out_rank) n.fail("axis out of range for rank " + std::to_string(out_rank));
      }
      if (std::set<std::int64_t>(axes.begin(), axes.end()).size() != axes.size()) n.fail("axes repeat");
      const auto listed = [&](std::int64_t i) { return std::find(axes.begin(), axes.end(), i) != axes.end(); };
      if (unsqueeze) {
        for (std::int64_t i = 0, k = 0; i < out_rank; ++i) out.push_back(listed(i) ? 1 : in[static_cast<std::size_t>(k++)]);
      } else {
        for (std::int64_t i = 0; i < rank; ++i) {
          const auto d = in[static_cast<std::size_t>(i)];
          if (axes.empty() ? d == 1 : listed(i)) {
            if (d != 1) n.fail("cannot squeeze axis " + std::to_string(i) + " of size " + std::to_string(d));
          } else out.push_back(d);
        }
      }
    }
    return {"Reshape", {n.input(0)}, {{"shape", to_dims(out)}}};
  }
  static constexpr std::array<AttrSpec, 1> attributes{{{"shape", AttrType::Dims, true, "target shape; may name dimensions"}}};
  static Shape out_shape(const Node& node, const Shape& in) {
    Shape out = node.get_sizes("shape");
    std::int64_t known = 1;
    int inferred = -1;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i] == 0) {
        if (i >= in.size()) fail(node, "shape entry 0 at position " + std::to_string(i) + " has no input dimension to copy");
        out[i] = in[i];
      }
      if (out[i] == -1) {
        if (inferred >= 0) fail(node, "shape has more than one -1");
        inferred = static_cast<int>(i);
      } else if (out[i] < -1 || __builtin_mul_overflow(known, out[i], &known)) {
        fail(node, "shape " + to_string(out) + " is not a valid target shape");
      }
    }
    if (inferred >= 0) {
      if (known == 0 || element_count(in) % known != 0) fail(node, "cannot infer -1 in " + to_string(out) + " from " + to_string(in));
      out[static_cast<std::size_t>(inferred)] = element_count(in) / known;
    }
    if (element_count(out) != element_count(in))
      fail(node, "cannot reshape " + to_string(in) + " (" + std::to_string(element_count(in)) + " elements) to " + to_string(out));
    return out;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) { return {{in[0].dtype, out_shape(node, in[0].shape)}}; }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions, std::int64_t tokens) {
    const Shape& from = in[0].shape;
    const Shape to = out_shape(node, from);
    const auto out = reshaped_action(actions[0], from, to, tokens);
    if (!out) {
      const auto cut = std::find_if(actions[0].axes.begin(), actions[0].axes.end(), [&](const auto& a) { return !reshaped_action(Action{{a}}, from, to, tokens); });
      return Claim::unrepresentable("the reshape from " + to_string(from) + " to " + to_string(to) + " merges or splits the permuted axis " +
                                    std::to_string(cut == actions[0].axes.end() ? -1 : cut->axis) + " in a way no action describes");
    }
    return {{*out}};
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    return {Tensor<S>(in[0]->dtype, out_shape(node, in[0]->shape), in[0]->data)};
  }
  static void vjp(VjpContext& c) { c.give(0, c.emit("ReshapeLike", {*c.cotangent(), c.input(0)})); }
};

struct Transpose : MovementBase {
  static constexpr std::string_view name = "Transpose", summary = "permutes axes (output axis i is input axis perm[i])", reference = "ONNX Transpose";
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static constexpr std::array<AttrSpec, 1> attributes{{{"perm", AttrType::Ints, false, "axis order (default: reversed)"}}};
  static std::vector<std::int64_t> perm(const Node& node, std::size_t rank) {
    auto p = node.get_ints("perm");
    if (!node.has("perm"))
      for (std::size_t i = rank; i-- > 0;) p.push_back(static_cast<std::int64_t>(i));
    auto sorted = p;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size(); ++i)
      if (sorted[i] != static_cast<std::int64_t>(i) || sorted.size() != rank)
        fail(node, "perm must be a permutation of 0.." + std::to_string(rank) + "-1");
    return p;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    const auto p = perm(node, in[0].shape.size());
    Shape out;
    for (const auto axis : p) out.push_back(in[0].shape[static_cast<std::size_t>(axis)]);
    return {{in[0].dtype, out}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto p = perm(node, in[0].shape.size());
    Action out;
    for (std::size_t j = 0; j < p.size(); ++j)
      if (const auto* a = actions[0].on(static_cast<int>(p[j]))) out.add(static_cast<int>(j), *a);
    return {{out}};
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& x = *in[0];
    const auto p = perm(node, x.rank());
    const auto out_type = infer(node, std::array<TensorType, 1>{x.type()})[0];
    Tensor<S> out(x.dtype, out_type.shape);
    const auto in_strides = strides_of(x.shape);
    std::vector<std::int64_t> index(out.rank(), 0);
    for (std::size_t flat = 0; flat < out.data.size(); ++flat) {
      std::int64_t source = 0;
      for (std::size_t j = 0; j < p.size(); ++j) source += index[j] * in_strides[static_cast<std::size_t>(p[j])];
      out.data[flat] = x.data[static_cast<std::size_t>(source)];
      for (std::size_t j = out.rank(); j-- > 0;) {
        if (++index[j] < out.shape[j]) break;
        index[j] = 0;
      }
    }
    return {out};
  }
  /// The inverse permutation.
  static void vjp(VjpContext& c) {
    const auto p = perm(c.node(), c.input_type(0).shape.size());
    std::vector<std::int64_t> inverse(p.size());
    for (std::size_t j = 0; j < p.size(); ++j) inverse[static_cast<std::size_t>(p[j])] = static_cast<std::int64_t>(j);
    c.give(0, c.emit("Transpose", {*c.cotangent()}, {{"perm", inverse}}));
  }
};

struct Concat : MovementBase {
  static constexpr std::string_view name = "Concat", summary = "joins tensors along an axis", reference = "ONNX Concat";
  static constexpr int max_inputs = 64;
  static constexpr std::array<AttrSpec, 1> attributes{{{"axis", AttrType::Int, true, "the joined axis"}}};
  /// torch.cat skips empty 1-D tensors beside tensors of higher rank (its legacy rule) and the
  /// exporter keeps them (torchaudio's Emformer joins an empty memory): they are dropped here.
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    auto empty_vector = [&](std::size_t i) { return n.type(i).shape == Shape{0}; };
    bool higher_rank = false;
    for (std::size_t i = 0; i < n.inputs.size(); ++i) higher_rank = higher_rank || n.type(i).shape.size() > 1;
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < n.inputs.size(); ++i)
      if (!(higher_rank && empty_vector(i))) kept.push_back(n.input(i));
    return {"Concat", kept, {{"axis", n.int_attr("axis", 0)}}};
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    const int axis = axis_attr(node, "axis", 0, in[0].shape.size());
    Shape out = in[0].shape;
    for (std::size_t k = 1; k < in.size(); ++k) {
      Shape expect = in[k].shape;
      if (expect.size() != out.size() || in[k].dtype != in[0].dtype) fail(node, "input " + std::to_string(k) + " " + to_string(in[k]) + " does not match input 0 " + to_string(in[0]));
      expect[static_cast<std::size_t>(axis)] = out[static_cast<std::size_t>(axis)];
      if (expect != out) fail(node, "input " + std::to_string(k) + " " + to_string(in[k]) + " differs from " + to_string(in[0]) + " off the concatenated axis " + std::to_string(axis));
      out[static_cast<std::size_t>(axis)] += in[k].shape[static_cast<std::size_t>(axis)];
    }
    return {{in[0].dtype, out}};
  }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int axis = axis_attr(node, "axis", 0, in[0].shape.size());
    int acted_on_axis = 0;
    for (const auto& a : actions) acted_on_axis += a.offset_on(axis).has_value();
    const auto first_acted = std::find_if(actions.begin(), actions.end(), [](const Action& a) { return !a.invariant(); });
    if (first_acted == actions.end()) return "token-wise-map";
    for (const auto& a : actions)
      for (const auto& ax : first_acted->axes)
        if (ax.axis != axis && a.offset_on(ax.axis) != ax.offset) return {};
    return acted_on_axis <= 1 ? "token-wise-map" : "";
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int axis = axis_attr(node, "axis", 0, in[0].shape.size());
    Action out;
    std::int64_t start = 0;
    for (std::size_t k = 0; k < in.size(); ++k) {
      for (const auto& a : actions[k].axes) out.add(a.axis, a.axis == axis ? start + a.offset : a.offset);
      start += in[k].shape[static_cast<std::size_t>(axis)];
    }
    return {{out}};
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    std::vector<TensorType> types;
    for (const auto* t : in) types.push_back(t->type());
    const int axis = axis_attr(node, "axis", 0, in[0]->rank());
    Tensor<S> out(in[0]->dtype, infer(node, types)[0].shape);
    const auto split = split_at_axis(out.shape, static_cast<std::size_t>(axis));
    std::int64_t start = 0;
    for (const auto* t : in) {
      const auto len = t->shape[static_cast<std::size_t>(axis)];
      for (std::int64_t o = 0; o < split.outer; ++o)
        for (std::int64_t r = 0; r < len * split.inner; ++r)
          out.data[static_cast<std::size_t>((o * split.length + start) * split.inner + r)] = t->data[static_cast<std::size_t>(o * len * split.inner + r)];
      start += len;
    }
    return {out};
  }
  /// Each part's window of the cotangent. When one part's length follows the token count, the
  /// parts before it are indexed from the start and the parts after it from the end.
  static void vjp(VjpContext& c) {
    const auto count = c.input_count();
    const int axis = axis_attr(c.node(), "axis", 0, c.input_type(0).shape.size());
    std::optional<std::size_t> varying;
    std::vector<std::int64_t> before(count + 1, 0), after(count + 1, 0);  // lengths before part k / from part k on
    for (std::size_t k = 0; k < count; ++k) {
      if (c.varies(c.input(k), static_cast<std::size_t>(axis))) {
        if (varying) c.unsupported("more than one part's length follows the token count");
        varying = k;
      }
      before[k + 1] = before[k] + c.input_type(k).shape[static_cast<std::size_t>(axis)];
    }
    for (std::size_t k = count; k-- > 0;) after[k] = after[k + 1] + c.input_type(k).shape[static_cast<std::size_t>(axis)];
    for (std::size_t k = 0; k < count; ++k) {
      if (!c.wants(k) || before[k + 1] == before[k]) continue;
      const bool from_end = varying && k > *varying, end_from_end = varying && k >= *varying;
      const auto start = from_end ? -after[k] : before[k];
      const auto end = end_from_end ? (after[k + 1] == 0 ? slice_to_end : -after[k + 1]) : before[k + 1];
      c.give(k, emit_slice(c, *c.cotangent(), {axis}, {start}, {end}));
    }
  }
};

template <class S>
Tensor<S> take_windows(const Tensor<S>& x, const std::vector<AxisWindow>& windows) {
  Shape shape = x.shape;
  for (const auto& w : windows) shape[static_cast<std::size_t>(w.axis)] = w.count;
  Tensor<S> out(x.dtype, shape);
  const auto in_strides = strides_of(x.shape);
  std::vector<std::int64_t> first(x.rank(), 0), step(x.rank(), 1);
  for (const auto& w : windows) {
    first[static_cast<std::size_t>(w.axis)] = w.start;
    step[static_cast<std::size_t>(w.axis)] = w.step;
  }
  std::vector<std::int64_t> index(shape.size(), 0);
  for (std::size_t flat = 0; flat < out.data.size(); ++flat) {
    std::int64_t source = 0;
    for (std::size_t i = 0; i < shape.size(); ++i) source += (first[i] + index[i] * step[i]) * in_strides[i];
    out.data[flat] = x.data[static_cast<std::size_t>(source)];
    for (std::size_t i = shape.size(); i-- > 0;) {
      if (++index[i] < shape[i]) break;
      index[i] = 0;
    }
  }
  return out;
}

/// Windows keep the symmetry when each one holds all permuted positions or none of them.
inline std::string_view window_family(const Action& in, const std::vector<AxisWindow>& windows, std::int64_t tokens) {
  for (const auto& w : windows)
    if (const auto o = in.offset_on(w.axis)) {
      const auto last = w.start + (w.count - 1) * w.step;
      const auto lo = std::min(w.start, last), hi = std::max(w.start, last);
      const bool holds_all = w.step == 1 && *o >= w.start && *o + tokens <= w.start + w.count;
      const bool holds_none = w.count == 0 || hi < *o || lo >= *o + tokens;
      if (!holds_all && !holds_none) return {};
    }
  return "token-wise-map";
}

/// The action a window keeps: an acted axis fully inside a unit-step window stays acted (shifted);
/// otherwise the claim drops it, and the test shows whether the window really is invariant.
inline Action window_action(const Action& in, const std::vector<AxisWindow>& windows, std::int64_t tokens) {
  Action out;
  for (const auto& a : in.axes) {
    const auto w = std::find_if(windows.begin(), windows.end(), [&](const AxisWindow& x) { return x.axis == a.axis; });
    if (w == windows.end()) out.add(a.axis, a);
    else if (a.structured()) {
      // Head blocks in runs (a packed Q/K/V projection): a window of whole runs keeps them.
      const auto run = tokens * a.block;
      if (w->step == 1 && a.offset == 0 && w->start % run == 0 && w->count % run == 0 && w->count > 0 && w->start + w->count <= a.extent(tokens))
        out.add(a.axis, AxisAction{a.axis, 0, a.block, w->count / run});
    } else if (w->step == 1 && a.offset >= w->start && a.offset + tokens <= w->start + w->count) {
      out.add(a.axis, a.offset - w->start);
    }
  }
  return out;
}

struct Slice : MovementBase {
  static constexpr std::string_view name = "Slice", summary = "a strided window per axis (numpy slicing)", reference = "ONNX Slice (starts/ends/axes/steps as attributes)";
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    Attributes attrs{{"starts", to_dims(n.constant_ints(1, "starts"))}, {"ends", to_dims(n.constant_ints(2, "ends"))}};
    if (n.present(3)) attrs["axes"] = n.constant_ints(3, "axes");
    if (n.present(4)) attrs["steps"] = n.constant_ints(4, "steps");
    return {"Slice", {n.input(0)}, attrs};
  }
  static constexpr std::array<AttrSpec, 4> attributes{{
      {"starts", AttrType::Dims, true, "first index per sliced axis (negative counts from the end)"},
      {"ends", AttrType::Dims, true, "end index per sliced axis (exclusive; clamped)"},
      {"axes", AttrType::Ints, false, "sliced axes (default 0..k-1)"},
      {"steps", AttrType::Ints, false, "step per sliced axis (default 1)"},
  }};
  static std::vector<AxisWindow> windows(const Node& node, const Shape& shape) { return slice_windows(node, shape); }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    Shape out = in[0].shape;
    for (const auto& w : windows(node, out)) out[static_cast<std::size_t>(w.axis)] = w.count;
    return {{in[0].dtype, out}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions, std::int64_t tokens) {
    return {{window_action(actions[0], windows(node, in[0].shape), tokens)}};
  }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions, std::int64_t tokens) {
    return window_family(actions[0], windows(node, in[0].shape), tokens);
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) { return {take_windows(*in[0], windows(node, in[0]->shape))}; }
  /// The cotangent written back into zeros at the same window (any steps; the attributes are
  /// reused as they are, so they follow the token count exactly as the forward Slice does).
  static void vjp(VjpContext& c) { c.give(0, c.emit("SliceScatter", {*c.cotangent(), c.input(0)}, c.node().attrs)); }
};

struct Split : MovementBase {
  static constexpr std::string_view name = "Split", summary = "cuts a tensor into consecutive parts along an axis", reference = "ONNX Split (split sizes as attribute)";
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    Attributes attrs{{"axis", n.int_attr("axis", 0)}};
    if (const auto split = n.ints_attr("split")) attrs["split"] = *split;
    else if (n.present(1)) attrs["split"] = n.constant_ints(1, "split");
    return {"Split", {n.input(0)}, attrs};
  }
  static constexpr int outputs = -1;
  static constexpr std::array<AttrSpec, 2> attributes{{
      {"axis", AttrType::Int, false, "the cut axis (default 0)"},
      {"split", AttrType::Ints, false, "part sizes (default: equal parts, one per output)"},
  }};
  static std::vector<AxisWindow> windows(const Node& node, const Shape& shape) {
    const int axis = axis_attr(node, "axis", 0, shape.size());
    const auto dim = shape[static_cast<std::size_t>(axis)];
    auto sizes = node.get_ints("split");
    const auto parts = static_cast<std::int64_t>(node.outputs.size());
    if (!node.has("split")) {
      if (dim % parts != 0) fail(node, "axis " + std::to_string(axis) + " of size " + std::to_string(dim) + " does not split into " + std::to_string(parts) + " equal parts");
      sizes.assign(static_cast<std::size_t>(parts), dim / parts);
    }
    if (static_cast<std::int64_t>(sizes.size()) != parts) fail(node, "split lists " + std::to_string(sizes.size()) + " sizes for " + std::to_string(parts) + " outputs");
    std::vector<AxisWindow> result;
    std::int64_t start = 0;
    for (const auto s : sizes) {
      result.push_back({axis, start, 1, s});
      start += s;
    }
    if (start != dim) fail(node, "split sizes add up to " + std::to_string(start) + ", axis " + std::to_string(axis) + " has " + std::to_string(dim));
    return result;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    std::vector<TensorType> out;
    for (const auto& w : windows(node, in[0].shape)) {
      Shape s = in[0].shape;
      s[static_cast<std::size_t>(w.axis)] = w.count;
      out.push_back({in[0].dtype, s});
    }
    return out;
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions, std::int64_t tokens) {
    Claim c;
    for (const auto& w : windows(node, in[0].shape)) c.outputs.push_back(window_action(actions[0], {w}, tokens));
    return c;
  }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions, std::int64_t tokens) {
    return window_family(actions[0], windows(node, in[0].shape), tokens);
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    Outputs<S> out;
    for (const auto& w : windows(node, in[0]->shape)) out.push_back(take_windows(*in[0], {w}));
    return out;
  }
  static void vjp(VjpContext& c) {
    std::vector<Value> parts;
    for (std::size_t k = 0; k < c.node().outputs.size(); ++k) parts.push_back(c.cotangent_or_zeros(k));
    c.give(0, c.emit("Concat", parts, {{"axis", c.node().get_int("axis", 0)}}));
  }
};

struct Expand : MovementBase {
  static constexpr std::string_view name = "Expand", summary = "broadcasts to a shape", reference = "ONNX Expand (shape as attribute)";
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    return {"Expand", {n.input(0)}, {{"shape", to_dims(n.constant_ints(1, "shape"))}}};
  }
  static constexpr std::array<AttrSpec, 1> attributes{{{"shape", AttrType::Dims, true, "target shape (broadcast both ways, like numpy)"}}};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    const auto target = broadcast_shapes(in[0].shape, node.get_sizes("shape"));
    if (!target) fail(node, "cannot expand " + to_string(in[0]) + " to " + to_string(node.get_sizes("shape")));
    return {{in[0].dtype, *target}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return claim_broadcast(in, actions, infer(node, in)[0].shape.size());
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    return {broadcast_to(*in[0], infer(node, std::array<TensorType, 1>{in[0]->type()})[0].shape)};
  }
  static void vjp(VjpContext& c) { c.give_unbroadcast(0, *c.cotangent()); }
};

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

inline std::int64_t checked_index(const Node& node, std::int64_t index, std::int64_t dim) {
  if (index < -dim || index >= dim)
    throw Error(ErrorKind::Evaluation, node.describe() + ": index " + std::to_string(index) + " is out of range for an axis of size " + std::to_string(dim));
  return index < 0 ? index + dim : index;
}

/// Selecting by index: degree of the data when the indices are constants, else not polynomial.
inline Degree degree_indexed(std::span<const Degree> in) {
  return in[1] && *in[1] == 0 ? in[0] : degree_nonpolynomial(in);
}

struct Gather : OpBase {
  static constexpr std::string_view name = "Gather", summary = "data[..., indices, ...] along an axis (embedding lookup, index select)", reference = "ONNX Gather";
  static constexpr int min_inputs = 2, max_inputs = 2;
  static constexpr std::array<AttrSpec, 1> attributes{{{"axis", AttrType::Int, false, "the indexed axis (default 0)"}}};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[1], DType::Int64, "indices");
    const int axis = axis_attr(node, "axis", 0, in[0].shape.size());
    Shape out(in[0].shape.begin(), in[0].shape.begin() + axis);
    out.insert(out.end(), in[1].shape.begin(), in[1].shape.end());
    out.insert(out.end(), in[0].shape.begin() + axis + 1, in[0].shape.end());
    return {{in[0].dtype, out}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int axis = axis_attr(node, "axis", 0, in[0].shape.size());
    const int index_rank = static_cast<int>(in[1].shape.size());
    Action out;
    for (const auto& a : actions[0].axes) {
      if (a.axis < axis) out.add(a.axis, a.offset);
      else if (a.axis > axis) out.add(a.axis + index_rank - 1, a.offset);
      // the indexed axis itself is consumed: selecting fixed positions claims invariance
    }
    for (const auto& a : actions[1].axes) out.add(axis + a.axis, a.offset);
    return {{out}};
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_indexed(in); }
  /// A fixed table looked up by permuted ids: embedding lookup. Permuted rows indexed by fixed
  /// positions on another axis: token-wise. Fixed positions of the permuted axis: neither.
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int axis = axis_attr(node, "axis", 0, in[0].shape.size());
    if (actions[0].invariant() && !actions[1].invariant()) return "embedding-lookup";
    if (actions[1].invariant() && !actions[0].offset_on(axis)) return "token-wise-map";
    return {};
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& data = *in[0];
    const auto& indices = *in[1];
    const int axis = axis_attr(node, "axis", 0, data.rank());
    const auto split = split_at_axis(data.shape, static_cast<std::size_t>(axis));
    Tensor<S> out(data.dtype, infer(node, std::array<TensorType, 2>{data.type(), indices.type()})[0].shape);
    const auto count = static_cast<std::int64_t>(indices.data.size());
    for (std::int64_t o = 0; o < split.outer; ++o)
      for (std::int64_t t = 0; t < count; ++t) {
        const auto row = checked_index(node, Domain<S>::index(indices.data[static_cast<std::size_t>(t)]), split.length);
        for (std::int64_t i = 0; i < split.inner; ++i)
          out.data[static_cast<std::size_t>((o * count + t) * split.inner + i)] = data.data[static_cast<std::size_t>((o * split.length + row) * split.inner + i)];
      }
    return {out};
  }
  /// Scatter-add of the cotangent into zeros shaped like the data; indices get none.
  static void vjp(VjpContext& c) {
    if (c.wants(0)) c.give(0, c.emit("ScatterAdd", {*c.cotangent(), c.input(1), c.input(0)}, {{"axis", c.node().get_int("axis", 0)}}));
  }
};

/// Writes `updates` into a copy of `data` at the index tuples of `indices` (last axis of length
/// q addresses the first q axes of data), replacing or combining (reduction "add" / "mul").
struct ScatterND : OpBase {
  static constexpr std::string_view name = "ScatterND", summary = "data with slices at index tuples replaced (or added, multiplied) by updates", reference = "ONNX ScatterND";
  static constexpr int min_inputs = 3, max_inputs = 3;
  static constexpr std::array<AttrSpec, 1> attributes{{{"reduction", AttrType::String, false, "\"none\" (default), \"add\" or \"mul\""}}};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[1], DType::Int64, "indices");
    const auto reduction = node.get_string("reduction", "none");
    if (reduction != "none" && reduction != "add" && reduction != "mul") fail(node, "reduction must be \"none\", \"add\" or \"mul\", got \"" + reduction + "\"");
    if (in[1].shape.empty()) fail(node, "indices must have rank >= 1");
    const auto q = static_cast<std::size_t>(in[1].shape.back());
    if (q > in[0].shape.size()) fail(node, "index tuples of length " + std::to_string(q) + " do not fit data " + to_string(in[0]));
    Shape updates(in[1].shape.begin(), in[1].shape.end() - 1);
    updates.insert(updates.end(), in[0].shape.begin() + static_cast<std::ptrdiff_t>(q), in[0].shape.end());
    if (in[2].shape != updates || in[2].dtype != in[0].dtype) fail(node, "updates " + to_string(in[2]) + " must have shape " + to_string(updates) + " and data's dtype");
    return {in[0]};
  }
  /// Data's action, which holds when the written slices carry it alike (indices address fixed
  /// leading axes, the tokens lie in the slices); the test refutes it otherwise.
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action> actions) { return claim_first_input(actions); }
  static Degree degree(const Node& node, std::span<const Degree> in) {
    if (!in[1] || *in[1] != 0) return degree_nonpolynomial(in);
    const std::array<Degree, 2> parts{in[0], in[2]};
    return node.get_string("reduction", "none") == "mul" ? degree_sum(parts) : degree_max(parts);
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& data = *in[0];
    const auto& indices = *in[1];
    const auto& updates = *in[2];
    const auto reduction = node.get_string("reduction", "none");
    Tensor<S> out = data;
    const auto q = static_cast<std::size_t>(indices.shape.back());
    const auto slice = element_count(Shape(data.shape.begin() + static_cast<std::ptrdiff_t>(q), data.shape.end()));
    const auto strides = strides_of(data.shape);
    const auto tuples = static_cast<std::int64_t>(indices.data.size() / std::max<std::size_t>(q, 1));
    for (std::int64_t t = 0; t < (q == 0 ? 1 : tuples); ++t) {
      std::int64_t base = 0;
      for (std::size_t i = 0; i < q; ++i)
        base += checked_index(node, Domain<S>::index(indices.data[static_cast<std::size_t>(t) * q + i]), data.shape[i]) * strides[i];
      for (std::int64_t j = 0; j < slice; ++j) {
        auto& target = out.data[static_cast<std::size_t>(base + j)];
        const auto& u = updates.data[static_cast<std::size_t>(t * slice + j)];
        target = reduction == "add" ? target + u : reduction == "mul" ? target * u : u;
      }
    }
    return {out};
  }
  /// Tuples of one index (q = 1): data's cotangent is g with the written slices zeroed (replaced)
  /// or g itself (added); the updates' cotangent is g gathered at the indices.
  static void vjp(VjpContext& c) {
    const auto reduction = c.node().get_string("reduction", "none");
    const auto& indices = c.input_type(1).shape;
    if (reduction == "mul" || indices.back() != 1) c.unsupported("ScatterND's gradient with reduction \"mul\" or index tuples longer than 1");
    const auto& g = *c.cotangent();
    if (c.wants(0))
      c.give(0, reduction == "add" ? g : c.emit("ScatterND", {g, c.input(1), c.zeros_like(c.input(2))}));
    if (c.wants(2)) {
      const Shape rows(indices.begin(), indices.end() - 1);
      const auto flat = c.emit("Reshape", {c.input(1)}, {{"shape", to_dims(rows)}});
      c.give(2, c.emit("Gather", {g, flat}, {{"axis", std::int64_t{0}}}));
    }
  }
};

struct GatherElements : OpBase {
  static constexpr std::string_view name = "GatherElements", summary = "out[i][j] = data[indices[i][j]][j] along an axis", reference = "ONNX GatherElements";
  static constexpr int min_inputs = 2, max_inputs = 2;
  static constexpr std::array<AttrSpec, 1> attributes{{{"axis", AttrType::Int, false, "the indexed axis (default 0)"}}};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[1], DType::Int64, "indices");
    if (in[0].shape.size() != in[1].shape.size()) fail(node, "data " + to_string(in[0]) + " and indices " + to_string(in[1]) + " must have the same rank");
    (void)axis_attr(node, "axis", 0, in[0].shape.size());
    return {{in[0].dtype, in[1].shape}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int axis = axis_attr(node, "axis", 0, in[0].shape.size());
    Action out;
    for (const auto& a : actions[0].axes) if (a.axis != axis) out.add(a.axis, a.offset);
    for (const auto& a : actions[1].axes) out.add(a.axis, a.offset);
    return {{out}};
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_indexed(in); }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int axis = axis_attr(node, "axis", 0, in[0].shape.size());
    return !actions[0].offset_on(axis) && actions[0] == actions[1] ? "token-wise-map" : "";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& data = *in[0];
    const auto& indices = *in[1];
    const auto axis = static_cast<std::size_t>(axis_attr(node, "axis", 0, data.rank()));
    Tensor<S> out(data.dtype, indices.shape);
    const auto data_strides = strides_of(data.shape);
    std::vector<std::int64_t> index(indices.rank(), 0);
    for (std::size_t flat = 0; flat < indices.data.size(); ++flat) {
      std::int64_t source = 0;
      for (std::size_t i = 0; i < index.size(); ++i) {
        const auto coordinate = i == axis ? checked_index(node, Domain<S>::index(indices.data[flat]), data.shape[i]) : index[i];
        if (i != axis && coordinate >= data.shape[i]) fail_eval(node, "indices shape " + to_string(indices.shape) + " exceeds data shape " + to_string(data.shape));
        source += coordinate * data_strides[i];
      }
      out.data[flat] = data.data[static_cast<std::size_t>(source)];
      for (std::size_t i = index.size(); i-- > 0;) {
        if (++index[i] < indices.shape[i]) break;
        index[i] = 0;
      }
    }
    return {out};
  }
  static void vjp(VjpContext& c) {
    if (!c.wants(0)) return;
    if (const auto from = c.producer_op(c.input(1)); from == "ArgMax" || from == "ArgMin")
      c.kink("GatherElements routes the cotangent to the index " + from + " picked, which is not differentiable where values tie: " + from +
             " takes the first tied position, so at ties the gradient goes to one token and does not permute with the tokens "
             "(the checks draw inputs without ties; ReduceMax, which splits the cotangent among ties, avoids this)");
    c.give(0, c.emit("ScatterElementsAdd", {*c.cotangent(), c.input(1), c.input(0)}, {{"axis", c.node().get_int("axis", 0)}}));
  }
};

}  // namespace permeq::ops
