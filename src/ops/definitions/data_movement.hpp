// src/ops/definitions/data_movement.hpp: operators that move, copy or select elements without
// arithmetic (reshape, transpose, concat, split, slice, expand; padding and tiling in
// pad_and_tile.hpp, indexing in indexing.hpp). Their values are as polynomial as their data input.
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
  static constexpr DataMovement movement = DataMovement::Reshapes;
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
  /// Output axis b keeps input axis a when both have the same length, the same number of
  /// elements before them and the same block of elements after them (row-major: position j along
  /// it is the same run of elements): axes a reshape keeps, moved by inserted or removed 1s.
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t, int axis) {
    const Shape out = out_shape(node, in[0]);
    const auto b = static_cast<std::size_t>(axis);
    const auto before = element_count(Shape(out.begin(), out.begin() + axis)), after = element_count(Shape(out.begin() + axis + 1, out.end()));
    for (std::size_t a = 0; a < in[0].size(); ++a)
      if (in[0][a] == out[b] && element_count(Shape(in[0].begin(), in[0].begin() + static_cast<std::ptrdiff_t>(a))) == before &&
          element_count(Shape(in[0].begin() + static_cast<std::ptrdiff_t>(a) + 1, in[0].end())) == after)
        return static_cast<int>(a);
    return std::nullopt;
  }
  /// The same reshape of an input cut along aligned axes: to the cut shape.
  static std::optional<Node> resized(const Node& node, const Shape& output) {
    Node cut = node;
    cut.attrs["shape"] = to_dims(output);
    return cut;
  }
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
  /// The same elements in the graph's output shape.
  template <class F>
  static std::optional<std::vector<Tensor<F>>> fast(const Node&, std::span<const numeric::Operand<F>> ops, const FastContext& context) {
    if (ops.size() != 1 || context.outputs.size() != 1) return std::nullopt;
    const auto& type = context.outputs[0];
    if (type.dtype != ops[0].dtype || element_count(type.shape) != static_cast<std::int64_t>(ops[0].size)) return std::nullopt;
    return single<F>(Tensor<F>(ops[0].dtype, type.shape, std::vector<F>(ops[0].data, ops[0].data + ops[0].size)));
  }
  static bool commutes_bitwise(const BitwiseQuery& q) {
    const auto derived = reshaped_action(q.input_actions[0], q.input_shapes[0], q.output_shape);
    return derived && same_axes(*derived, q.claimed);
  }
};

struct Transpose : MovementBase {
  static constexpr std::string_view name = "Transpose", summary = "permutes axes (output axis i is input axis perm[i])", reference = "ONNX Transpose";
  static constexpr DataMovement movement = DataMovement::Rearranges;
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
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t, int axis) {
    return static_cast<int>(perm(node, in[0].size())[static_cast<std::size_t>(axis)]);
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
  template <class F>
  static std::optional<std::vector<Tensor<F>>> fast(const Node& node, std::span<const numeric::Operand<F>> ops, const FastContext&) {
    if (ops.size() != 1) return std::nullopt;
    return single<F>(numeric::transpose(ops[0], perm(node, ops[0].shape.size())));
  }
  /// Whole index ranges move: commutes when the claim is the input's action carried by perm.
  static bool commutes_bitwise(const BitwiseQuery& q) {
    const auto p = perm(q.node, q.input_shapes[0].size());
    Action derived;
    for (std::size_t j = 0; j < p.size(); ++j)
      if (const auto o = q.input_actions[0].offset_on(static_cast<int>(p[j]))) derived.add(static_cast<int>(j), *o);
    return same_axes(derived, q.claimed);
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
  /// Every axis but the joined one.
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t, int axis) {
    if (axis == axis_attr(node, "axis", 0, in[0].size())) return std::nullopt;
    return axis;
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
    // Off the joined axis every part must move alike: the same offset, blocks and runs.
    for (const auto& a : actions)
      for (const auto& ax : first_acted->axes)
        if (ax.axis != axis && (!a.on(ax.axis) || *a.on(ax.axis) != ax)) return {};
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

/// The action a window keeps: an acted axis fully inside a unit-step window stays acted (shifted);
/// otherwise the claim drops it, and the test shows whether the window really is invariant.
inline Action window_action(const Action& in, const std::vector<AxisWindow>& windows, std::int64_t tokens);

/// Windows keep the symmetry when each one holds all permuted positions (and window_action keeps
/// the axis acted: the claim is then the window of the action) or none of them. The permuted
/// positions of a structured axis are its whole extent, n blocks in each run, not n positions.
inline std::string_view window_family(const Action& in, const std::vector<AxisWindow>& windows, std::int64_t tokens) {
  for (const auto& w : windows)
    if (const auto* a = in.on(w.axis)) {
      const auto last = w.start + (w.count - 1) * w.step;
      const auto lo = std::min(w.start, last), hi = std::max(w.start, last);
      const bool holds_all = window_action(in, {w}, tokens).on(w.axis) != nullptr;
      const bool holds_none = w.count == 0 || hi < a->offset || lo >= a->extent(tokens);
      if (!holds_all && !holds_none) return {};
    }
  return "token-wise-map";
}

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
  static constexpr DataMovement movement = DataMovement::Rearranges;
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
  /// Axes it does not slice, and a sliced axis read from its start one position at a time (its
  /// end clamps to the input's length).
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t k, int axis) {
    if (k != 0) return std::nullopt;
    for (const auto& w : windows(node, in[0]))
      if (w.axis == axis && (w.start != 0 || w.step != 1)) return std::nullopt;
    return axis;
  }
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
  /// Copies of the input's elements through numeric::slice's windows.
  template <class F>
  static std::optional<std::vector<Tensor<F>>> fast(const Node& node, std::span<const numeric::Operand<F>> ops, const FastContext&) {
    if (ops.size() != 1) return std::nullopt;
    const auto w = numeric::slice_windows(node, ops[0].shape);
    if (!w) return std::nullopt;
    return single<F>(numeric::slice(ops[0], *w));
  }
  /// Commutes when every acted axis keeps its whole range in order.
  static bool commutes_bitwise(const BitwiseQuery& q) {
    const auto w = numeric::slice_windows(q.node, q.input_shapes[0]);
    if (!w) return false;
    for (const auto& ax : q.input_actions[0].axes) {
      const auto& win = (*w)[static_cast<std::size_t>(ax.axis)];
      if (win.start != 0 || win.step != 1 || win.count != q.input_shapes[0][static_cast<std::size_t>(ax.axis)]) return false;
    }
    return same_axes(q.input_actions[0], q.claimed);
  }
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
  static constexpr DataMovement movement = DataMovement::Rearranges;
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    return {"Expand", {n.input(0)}, {{"shape", to_dims(n.constant_ints(1, "shape"))}}};
  }
  static constexpr std::array<AttrSpec, 1> attributes{{{"shape", AttrType::Dims, true, "target shape (broadcast both ways, like numpy)"}}};
  /// Broadcast: the input's axes of the output's length, lined up from the right.
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t, int axis) {
    const auto out = broadcast_shapes(in[0], node.get_sizes("shape"));
    const int shift = out ? static_cast<int>(out->size()) - static_cast<int>(in[0].size()) : 0;
    if (!out || axis < shift) return std::nullopt;
    return axis - shift;
  }
  /// The same broadcast of an input cut along aligned axes: to the cut shape.
  static std::optional<Node> resized(const Node& node, const Shape& output) {
    Node cut = node;
    cut.attrs["shape"] = to_dims(output);
    return cut;
  }
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

/// The operators this file defines, in the order `permeq ops` lists them.
using DataMovementOperators = OperatorList<Reshape, Transpose, Concat, Split, Slice, Expand>;

}  // namespace permeq::ops
