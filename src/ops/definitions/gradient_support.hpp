// src/ops/definitions/gradient_support.hpp: operators reverse mode needs beside the forward ones.
//
// A derivative rule must not bake a size that follows the token count into an attribute (the same
// gradient graph is checked at every n), so these take their target shape from a second input,
// `like`, whose values are ignored: SumLike undoes a broadcast (torch's sum_to_size), ExpandLike
// undoes a reduction, ReshapeLike undoes a reshape, SliceScatter undoes a Slice, ScatterAdd and
// ScatterElementsAdd undo Gather and GatherElements. They are not ONNX operators.
#pragma once

#include "src/ops/definitions/data_movement.hpp"
#include "src/ops/definitions/indexing.hpp"

namespace permeq::ops {

/// Base of the `*Like` operators: two inputs, the second only lends its shape.
struct ShapedLike : OpBase {
  static constexpr int min_inputs = 2, max_inputs = 2;
  static Degree degree(const Node&, std::span<const Degree> in) { return in[0]; }
};

struct SumLike : ShapedLike {
  static constexpr std::string_view name = "SumLike",
                                    summary = "sums x down to the shape of like, over the axes where like was broadcast (reverse of broadcasting)",
                                    reference = "permeq reverse mode (torch.Tensor.sum_to_size)";
  /// Summing or repeating along axes moves no positions: head blocks pass through.
  static constexpr bool structured_actions = true;
  /// For each axis of x: the aligned axis of like, or -1 when x's axis is summed away.
  static std::vector<int> kept_axes(const Node& node, const Shape& x, const Shape& like) {
    if (like.size() > x.size() || broadcast_shapes(x, like) != x)
      fail(node, "cannot sum " + to_string(x) + " down to " + to_string(like) + ": it does not broadcast to it");
    const auto lead = static_cast<int>(x.size() - like.size());
    std::vector<int> kept(x.size(), -1);
    for (int i = lead; i < static_cast<int>(x.size()); ++i)
      if (like[static_cast<std::size_t>(i - lead)] == x[static_cast<std::size_t>(i)]) kept[static_cast<std::size_t>(i)] = i - lead;
    return kept;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "x");
    (void)kept_axes(node, in[0].shape, in[1].shape);
    return {{DType::Float, in[1].shape}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto kept = kept_axes(node, in[0].shape, in[1].shape);
    Action out;
    for (const auto& a : actions[0].axes)
      if (const int k = kept[static_cast<std::size_t>(a.axis)]; k >= 0) out.add(k, a);
    return {{out}};
  }
  /// Like a reduction: token-wise when no acted axis is summed, the sum-pool lemma over one.
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto kept = kept_axes(node, in[0].shape, in[1].shape);
    const auto acted = acted_axes(actions[0]);
    const bool sums_acted = std::any_of(acted.begin(), acted.end(), [&](int a) { return kept[static_cast<std::size_t>(a)] < 0; });
    if (!sums_acted) return "token-wise-map";
    return acted.size() == 1 ? "sum-pool" : std::string_view{};
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& x = *in[0];
    const auto kept = kept_axes(node, x.shape, in[1]->shape);
    Shape slots(x.shape.size(), 1);
    for (std::size_t i = 0; i < x.shape.size(); ++i)
      if (kept[i] >= 0) slots[i] = x.shape[i];
    const auto target = broadcast_map(x.shape, slots);
    Tensor<S> out(DType::Float, in[1]->shape);
    for (auto& v : out.data) v = Domain<S>::from_int(0);
    for (std::size_t i = 0; i < x.data.size(); ++i) {
      auto& slot = out.data[static_cast<std::size_t>(target[i])];
      slot = slot + x.data[i];
    }
    return {out};
  }
  /// Each element of x went into one sum: it gets that sum's cotangent back.
  static void vjp(VjpContext& c) { c.give(0, c.expand_like(*c.cotangent(), c.input(0))); }
};

struct ExpandLike : ShapedLike {
  static constexpr std::string_view name = "ExpandLike",
                                    summary = "inserts size-1 axes at axes, then broadcasts x to the shape of like (reverse of a reduction)",
                                    reference = "permeq reverse mode (torch.Tensor.expand_as)";
  /// Summing or repeating along axes moves no positions: head blocks pass through.
  static constexpr bool structured_actions = true;
  static constexpr std::array<AttrSpec, 2> attributes{{
      {"axes", AttrType::Ints, false, "positions, in the result, of the axes to insert (default none)"},
      {"mean", AttrType::Int, false, "1: divide by the number of copies each element makes (the reverse of a mean; default 0)"},
  }};
  /// x's shape with the size-1 axes inserted, and for each of x's axes its position in the result.
  static std::pair<Shape, std::vector<int>> unsqueezed(const Node& node, const Shape& x, const Shape& like) {
    auto axes = node.get_ints("axes");
    const auto rank = static_cast<std::int64_t>(x.size() + axes.size());
    for (auto& a : axes) {
      if (a < 0) a += rank;
      if (a < 0 || a >= rank) fail(node, "axis out of range for rank " + std::to_string(rank));
    }
    Shape shape;
    std::vector<int> position;
    for (std::int64_t i = 0, k = 0; i < rank; ++i) {
      if (std::find(axes.begin(), axes.end(), i) != axes.end()) {
        shape.push_back(1);
      } else {
        position.push_back(static_cast<int>(i));
        shape.push_back(x[static_cast<std::size_t>(k++)]);
      }
    }
    if (shape.size() > like.size() || broadcast_shapes(shape, like) != like)
      fail(node, "cannot expand " + to_string(shape) + " to " + to_string(like));
    const auto lead = static_cast<int>(like.size() - shape.size());
    for (auto& p : position) p += lead;
    return {shape, position};
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    (void)unsqueezed(node, in[0].shape, in[1].shape);
    return {{in[0].dtype, in[1].shape}};
  }
  /// x's acted axes keep their action; along an axis where x is broadcast the result is constant,
  /// so it is also permuted like `like` there (which keeps downstream maps token-wise).
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto [shape, position] = unsqueezed(node, in[0].shape, in[1].shape);
    Action out;
    for (const auto& a : actions[0].axes) out.add(position[static_cast<std::size_t>(a.axis)], a);
    const auto lead = static_cast<int>(in[1].shape.size() - shape.size());
    for (const auto& a : actions[1].axes) {
      const int aligned = a.axis - lead;
      if (aligned < 0 || shape[static_cast<std::size_t>(aligned)] == 1) out.add(a.axis, a);
    }
    return {{out}};
  }
  /// Row i of the result is x (or x's row i): a function of token i alone.
  static std::string_view family(const Node&, std::span<const TensorType>, std::span<const Action>) { return "token-wise-map"; }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto [shape, position] = unsqueezed(node, in[0]->shape, in[1]->shape);
    const Tensor<S> reshaped(in[0]->dtype, shape, in[0]->data);
    auto out = broadcast_to(reshaped, in[1]->shape);
    if (node.get_int("mean", 0) != 0 && !out.data.empty()) {
      const S copies = Domain<S>::from_int(element_count(in[1]->shape) / std::max<std::int64_t>(1, element_count(shape)));
      for (auto& v : out.data) v = Domain<S>::divide(v, copies);
    }
    return {out};
  }
  /// Sums (mean = 1: averages, which divides by the number of copies exactly) the cotangent over
  /// every axis x was broadcast along, then drops the inserted axes.
  static void vjp(VjpContext& c) {
    const auto& g = *c.cotangent();
    const Value x = c.input(0);
    const bool mean = c.node().get_int("mean", 0) != 0;
    if (!mean && c.node().get_ints("axes").empty()) return c.give(0, c.sum_like(g, x));
    const Shape like = c.input_type(1).shape;
    const Shape shape = unsqueezed(c.node(), c.type(x).shape, like).first;
    const auto lead = like.size() - shape.size();
    std::vector<std::int64_t> axes;
    for (std::size_t i = 0; i < like.size(); ++i)
      if (i < lead || shape[i - lead] == 1) axes.push_back(static_cast<std::int64_t>(i));
    Value r = g;
    if (!axes.empty()) r = c.emit(mean ? "ReduceMean" : "ReduceSum", {g}, {{"axes", axes}, {"keepdims", std::int64_t{1}}});
    c.give(0, c.type(r).shape == c.type(x).shape ? r : c.emit("ReshapeLike", {r, x}));
  }
};

struct ReshapeLike : ShapedLike {
  static constexpr std::string_view name = "ReshapeLike", summary = "x's elements in the shape of like (reverse of a reshape)",
                                    reference = "permeq reverse mode (torch.Tensor.view_as)";
  static constexpr DataMovement movement = DataMovement::Reshapes;
  /// Its claim is Reshape's, head blocks included.
  static constexpr bool structured_actions = true;
  static Node as_reshape(const Node& node, const Shape& like) {
    Node reshape = node;
    reshape.op = "Reshape";
    std::vector<Dim> dims(like.begin(), like.end());
    reshape.attrs = {{"shape", dims}};
    return reshape;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    return Reshape::infer(as_reshape(node, in[1].shape), in.first(1));
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions, std::int64_t tokens) {
    return Reshape::claim(as_reshape(node, in[1].shape), in.first(1), actions.first(1), tokens);
  }
  static std::string_view family(const Node&, std::span<const TensorType>, std::span<const Action>) { return "token-wise-map"; }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    if (element_count(in[0]->shape) != element_count(in[1]->shape))
      fail_eval(node, "cannot reshape " + to_string(in[0]->shape) + " to " + to_string(in[1]->shape));
    return {Tensor<S>(in[0]->dtype, in[1]->shape, in[0]->data)};
  }
  static void vjp(VjpContext& c) { c.give(0, c.emit("ReshapeLike", {*c.cotangent(), c.input(0)})); }
};

/// Zeros shaped like `like` with x written at the window a Slice with the same attributes takes
/// (the reverse of Slice).
struct SliceScatter : OpBase {
  static constexpr std::string_view name = "SliceScatter",
                                    summary = "zeros shaped like like, with x written at the window Slice (same attributes) takes (reverse of Slice)",
                                    reference = "permeq reverse mode (torch.slice_scatter into zeros)";
  static constexpr int min_inputs = 2, max_inputs = 2;
  static constexpr auto attributes = Slice::attributes;
  static std::vector<AxisWindow> windows(const Node& node, const Shape& x, const Shape& like) {
    auto result = Slice::windows(node, like);
    Shape window = like;
    for (const auto& w : result) window[static_cast<std::size_t>(w.axis)] = w.count;
    if (x != window) fail(node, "x " + to_string(x) + " does not fill the window " + to_string(window) + " of " + to_string(like));
    return result;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "x");
    (void)windows(node, in[0].shape, in[1].shape);
    return {{DType::Float, in[1].shape}};
  }
  static const AxisWindow* window_on(const std::vector<AxisWindow>& ws, int axis) {
    const auto w = std::find_if(ws.begin(), ws.end(), [&](const AxisWindow& x) { return x.axis == axis; });
    return w == ws.end() ? nullptr : &*w;
  }
  /// x's rows land at start + their index on a unit-step window, so an acted axis stays acted,
  /// shifted; strided or reversed windows spread a block apart (the claim drops the axis). Where
  /// like is permuted on a sliced axis and x is not, the result is claimed permuted like `like`
  /// (as a gradient of like should be): true when the permuted rows fall outside the window, where
  /// the result is zero; otherwise this node shows the break (the reverse of the Slice that broke).
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto ws = windows(node, in[0].shape, in[1].shape);
    Action out;
    for (const auto& a : actions[0].axes) {
      const auto* w = window_on(ws, a.axis);
      if (!w) out.add(a.axis, a.offset);
      else if (w->step == 1) out.add(a.axis, a.offset + w->start);
    }
    for (const auto& a : actions[1].axes)
      if (window_on(ws, a.axis) && !actions[0].offset_on(a.axis)) out.add(a.axis, a.offset);
    return {{out}};
  }
  /// Row i of the result is x's row i (shifted) or zero; like lends only its shape.
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto ws = windows(node, in[0].shape, in[1].shape);
    for (const auto& a : actions[0].axes)
      if (const auto* w = window_on(ws, a.axis); w && w->step != 1) return {};
    for (const auto& a : actions[1].axes)
      if (window_on(ws, a.axis) && !actions[0].offset_on(a.axis)) return {};
    return "token-wise-map";
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return in[0]; }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& x = *in[0];
    const auto ws = windows(node, x.shape, in[1]->shape);
    Tensor<S> out(DType::Float, in[1]->shape);
    for (auto& v : out.data) v = Domain<S>::from_int(0);
    const auto out_strides = strides_of(out.shape);
    std::vector<std::int64_t> first(x.rank(), 0), step(x.rank(), 1), index(x.rank(), 0);
    for (const auto& w : ws) {
      first[static_cast<std::size_t>(w.axis)] = w.start;
      step[static_cast<std::size_t>(w.axis)] = w.step;
    }
    for (std::size_t flat = 0; flat < x.data.size(); ++flat) {
      std::int64_t target = 0;
      for (std::size_t i = 0; i < x.rank(); ++i) target += (first[i] + index[i] * step[i]) * out_strides[i];
      out.data[static_cast<std::size_t>(target)] = x.data[flat];
      for (std::size_t i = x.rank(); i-- > 0;) {
        if (++index[i] < x.shape[i]) break;
        index[i] = 0;
      }
    }
    return {out};
  }
  static void vjp(VjpContext& c) { c.give(0, c.emit("Slice", {*c.cotangent()}, c.node().attrs)); }
};

/// Base of the scatter-adds: x, int64 indices and `like` (which lends only its shape).
struct ScatterBase : OpBase {
  static constexpr int min_inputs = 3, max_inputs = 3;
  static constexpr std::array<AttrSpec, 1> attributes{{{"axis", AttrType::Int, false, "the indexed axis of like (default 0)"}}};
  static int axis(const Node& node, const Shape& like) { return axis_attr(node, "axis", 0, like.size()); }
  /// Polynomial in x when the indices are constants.
  static Degree degree(const Node&, std::span<const Degree> in) { return in[1] && *in[1] == 0 ? in[0] : degree_nonpolynomial(in.first(2)); }
};

/// Zeros shaped like `like` (Gather's data), plus each slice of x added at the position its index
/// names along the axis: the reverse of Gather. Repeated indices add up.
struct ScatterAdd : ScatterBase {
  static constexpr std::string_view name = "ScatterAdd",
                                    summary = "zeros shaped like like, plus x's slices added at the positions indices name along axis (reverse of Gather)",
                                    reference = "permeq reverse mode (reverse of Gather: torch.index_add into zeros)";
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "x");
    const auto gathered = Gather::infer(node, std::array<TensorType, 2>{in[2], in[1]})[0].shape;
    if (in[0].shape != gathered) fail(node, "x " + to_string(in[0]) + " must have the shape Gather gives, " + to_string(gathered));
    return {{DType::Float, in[2].shape}};
  }
  /// x's axes off the index axes keep their action; along the index axes x and the indices moved
  /// together leave the sums alone (the claim drops them). Where like is permuted on the indexed
  /// axis, the result is claimed permuted like `like` (as a gradient of like should be): true when
  /// the indices pick no permuted position, where the result is zero; otherwise this node shows
  /// the break (the reverse of the Gather that broke).
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int a0 = axis(node, in[2].shape), index_rank = static_cast<int>(in[1].shape.size());
    Action out;
    for (const auto& a : actions[0].axes) {
      if (a.axis < a0) out.add(a.axis, a.offset);
      else if (a.axis >= a0 + index_rank) out.add(a.axis - index_rank + 1, a.offset);
    }
    if (const auto o = actions[2].offset_on(a0)) out.add(a0, *o);
    return {{out}};
  }
  /// Fixed indices and x permuted off the index axes: row i of the result is built from x's row i.
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int a0 = axis(node, in[2].shape), index_rank = static_cast<int>(in[1].shape.size());
    if (!actions[1].invariant()) {  // ids and x permuted alike (an embedding table's gradient): sum_t h(id_t, x_t)
      if (actions[1].axes.size() != 1 || actions[0].axes.size() != 1 || !actions[2].invariant()) return {};
      const auto& ids = actions[1].axes.front();
      const auto& x = actions[0].axes.front();
      return x.axis == a0 + ids.axis && x.offset == ids.offset ? "sum-pool" : "";
    }
    if (actions[2].offset_on(a0)) return {};
    for (const auto& a : actions[0].axes)
      if (a.axis >= a0 && a.axis < a0 + index_rank) return {};
    return "token-wise-map";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    (void)infer(node, std::array<TensorType, 3>{in[0]->type(), in[1]->type(), in[2]->type()});
    const auto& x = *in[0];
    const auto& indices = *in[1];
    const auto split = split_at_axis(in[2]->shape, static_cast<std::size_t>(axis(node, in[2]->shape)));
    Tensor<S> out(DType::Float, in[2]->shape);
    for (auto& v : out.data) v = Domain<S>::from_int(0);
    const auto count = static_cast<std::int64_t>(indices.data.size());
    for (std::int64_t o = 0; o < split.outer; ++o)
      for (std::int64_t t = 0; t < count; ++t) {
        const auto row = checked_index(node, Domain<S>::index(indices.data[static_cast<std::size_t>(t)]), split.length);
        for (std::int64_t i = 0; i < split.inner; ++i) {
          auto& slot = out.data[static_cast<std::size_t>((o * split.length + row) * split.inner + i)];
          slot = slot + x.data[static_cast<std::size_t>((o * count + t) * split.inner + i)];
        }
      }
    return {out};
  }
  static void vjp(VjpContext& c) {
    c.give(0, c.emit("Gather", {*c.cotangent(), c.input(1)}, {{"axis", c.node().get_int("axis", 0)}}));
  }
};

/// Zeros shaped like `like` (GatherElements' data), plus x[p] added where indices[p] points along
/// the axis: the reverse of GatherElements. Repeated indices add up.
struct ScatterElementsAdd : ScatterBase {
  static constexpr std::string_view name = "ScatterElementsAdd",
                                    summary = "zeros shaped like like, plus x[p] added at indices[p] along axis (reverse of GatherElements)",
                                    reference = "permeq reverse mode (reverse of GatherElements: ScatterElements with reduction add into zeros)";
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "x");
    expect_dtype(node, in[1], DType::Int64, "indices");
    const Shape& like = in[2].shape;
    const int a0 = axis(node, like);
    if (in[0].shape != in[1].shape) fail(node, "x " + to_string(in[0]) + " and indices " + to_string(in[1]) + " must have the same shape");
    if (in[1].shape.size() != like.size()) fail(node, "indices " + to_string(in[1]) + " and like " + to_string(in[2]) + " must have the same rank");
    for (std::size_t i = 0; i < like.size(); ++i)
      if (static_cast<int>(i) != a0 && in[1].shape[i] > like[i]) fail(node, "indices " + to_string(in[1]) + " exceed like " + to_string(in[2]));
    return {{DType::Float, like}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int a0 = axis(node, in[2].shape);
    Action out;
    for (const auto& a : actions[0].axes)
      if (a.axis != a0) out.add(a.axis, a.offset);
    if (const auto o = actions[2].offset_on(a0)) out.add(a0, *o);  // as ScatterAdd: like's action on the indexed axis
    return {{out}};
  }
  /// x and indices permuted alike, off the indexed axis: row i of the result comes from their row i.
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int a0 = axis(node, in[2].shape);
    return !actions[0].offset_on(a0) && !actions[2].offset_on(a0) && actions[0] == actions[1] ? "token-wise-map" : "";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    (void)infer(node, std::array<TensorType, 3>{in[0]->type(), in[1]->type(), in[2]->type()});
    const auto& x = *in[0];
    const auto& indices = *in[1];
    const auto a0 = static_cast<std::size_t>(axis(node, in[2]->shape));
    Tensor<S> out(DType::Float, in[2]->shape);
    for (auto& v : out.data) v = Domain<S>::from_int(0);
    const auto out_strides = strides_of(out.shape);
    std::vector<std::int64_t> index(indices.rank(), 0);
    for (std::size_t flat = 0; flat < indices.data.size(); ++flat) {
      std::int64_t target = 0;
      for (std::size_t i = 0; i < index.size(); ++i)
        target += (i == a0 ? checked_index(node, Domain<S>::index(indices.data[flat]), out.shape[i]) : index[i]) * out_strides[i];
      auto& slot = out.data[static_cast<std::size_t>(target)];
      slot = slot + x.data[flat];
      for (std::size_t i = index.size(); i-- > 0;) {
        if (++index[i] < indices.shape[i]) break;
        index[i] = 0;
      }
    }
    return {out};
  }
  static void vjp(VjpContext& c) {
    c.give(0, c.emit("GatherElements", {*c.cotangent(), c.input(1)}, {{"axis", c.node().get_int("axis", 0)}}));
  }
};

/// The operators this file defines, in the order `permeq ops` lists them.
using GradientSupportOperators = OperatorList<SumLike, ExpandLike, ReshapeLike, SliceScatter, ScatterAdd, ScatterElementsAdd>;

}  // namespace permeq::ops
