// src/ops/definitions/indexing.hpp: operators that read or write by index tensors (Gather,
// GatherElements, ScatterND, OneHot); semantics follow the ONNX specification of the same name.
#pragma once

#include "src/ops/definitions/data_movement.hpp"

namespace permeq::ops {

inline std::int64_t checked_index(const Node& node, std::int64_t index, std::int64_t dim) {
  if (index < -dim || index >= dim)
    throw Error(ErrorKind::Evaluation, node.describe() + ": index " + std::to_string(index) + " is out of range for an axis of size " + std::to_string(dim));
  return index < 0 ? index + dim : index;
}

/// Selecting by index: degree of the data when the indices are constants, else not polynomial.
inline Degree degree_indexed(std::span<const Degree> in) {
  return in[1] && *in[1] == 0 ? in[0] : degree_nonpolynomial(in);
}

/// What Gather and GatherElements share: data and indices, and the indexed axis.
struct GatherBase : OpBase {
  /// Input 1 holds positions along input 0's gathered axis.
  static std::optional<int> index_axis(const Node& node, std::span<const TensorType> in, std::size_t k) {
    if (k != 1 || in.empty()) return std::nullopt;
    return normalize_axis(node.get_int("axis", 0), in[0].shape.size());
  }
  static constexpr int min_inputs = 2, max_inputs = 2;
  static constexpr std::array<AttrSpec, 1> attributes{{{"axis", AttrType::Int, false, "the indexed axis (default 0)"}}};
};

struct Gather : GatherBase {
  static constexpr std::string_view name = "Gather", summary = "data[..., indices, ...] along an axis (embedding lookup, index select)", reference = "ONNX Gather";
  /// The indices' axes, and the data's axes other than the gathered one (read whole).
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t k, int axis) {
    const int gathered = axis_attr(node, "axis", 0, in[0].size()), index_rank = static_cast<int>(in[1].size());
    if (axis < gathered) return k == 0 ? std::optional<int>(axis) : std::nullopt;
    if (axis < gathered + index_rank) return k == 1 ? std::optional<int>(axis - gathered) : std::nullopt;
    return k == 0 ? std::optional<int>(axis - index_rank + 1) : std::nullopt;
  }
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

struct GatherElements : GatherBase {
  static constexpr std::string_view name = "GatherElements", summary = "out[i][j] = data[indices[i][j]][j] along an axis", reference = "ONNX GatherElements";
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

/// Each index becomes a row of `depth` values, `on` at the index and `off` elsewhere, along a new
/// axis (expert dispatch masks of top-1 routing: F.one_hot(argmax)). A negative index counts from
/// the end; an index outside [-depth, depth) gives a row of `off` (ONNX's rule).
struct OneHot : OpBase {
  static constexpr std::string_view name = "OneHot", summary = "a row of depth values per index, on at the index, off elsewhere (new axis)",
                                    reference = "ONNX OneHot (depth and values as attributes)";
  static constexpr int min_inputs = 1, max_inputs = 1;
  static constexpr std::array<AttrSpec, 5> attributes{{
      {"depth", AttrType::Int, true, "the length of the new axis (number of classes)"},
      {"axis", AttrType::Int, false, "where the new axis goes in the output (default -1: last)"},
      {"off", AttrType::Float, false, "the value away from the index (default 0)"},
      {"on", AttrType::Float, false, "the value at the index (default 1)"},
      {"dtype", AttrType::String, false, "int64 (default), float or bool"},
  }};
  /// ONNX's depth and values inputs must be constants (PyTorch exports both as Constant nodes).
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    const double depth = n.constant_scalar(1, "depth");
    if (std::nearbyint(depth) != depth || depth < 1) n.fail("depth must be a positive integer, got " + std::to_string(depth));
    const auto& values = n.constant(2, "values");
    if (values.data.size() != 2) n.fail("values must hold two elements [off, on], got shape " + to_string(values.shape));
    if (std::isnan(values.data[0]) || std::isnan(values.data[1])) n.fail("values must not be NaN");
    return {"OneHot", {n.input(0)}, {{"depth", static_cast<std::int64_t>(depth)}, {"axis", n.int_attr("axis", -1)}, {"off", values.data[0]},
                                     {"on", values.data[1]}, {"dtype", std::string(to_string(n.type(2).dtype))}}};
  }
  static int new_axis(const Node& node, std::size_t input_rank) { return axis_attr(node, "axis", -1, input_rank + 1); }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Int64, "indices");
    const auto depth = node.get_int("depth", 0);
    if (depth < 1) fail(node, "depth must be >= 1, got " + std::to_string(depth));
    Shape out = in[0].shape;
    out.insert(out.begin() + new_axis(node, in[0].shape.size()), depth);
    return {{dtype_attr(node, "int64"), out}};
  }
  /// Output axis a reads input axis a before the new axis and a - 1 after it.
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t, int axis) {
    const int inserted = new_axis(node, in[0].size());
    if (axis == inserted) return std::nullopt;
    return axis < inserted ? axis : axis - 1;
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int inserted = new_axis(node, in[0].shape.size());
    Action out;
    for (const auto& a : actions[0].axes) out.add(a.axis < inserted ? a.axis : a.axis + 1, a.offset);
    return {{out}};
  }
  /// Every output row is a function of its own index alone, the same for every position.
  static std::string_view family(const Node&, std::span<const TensorType>, std::span<const Action>) { return "token-wise-map"; }
  static Degree degree(const Node&, std::span<const Degree> in) { return in[0] && *in[0] == 0 ? Degree{0} : degree_nonpolynomial(in); }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& indices = *in[0];
    const auto type = infer(node, std::array<TensorType, 1>{indices.type()})[0];
    const int inserted = new_axis(node, indices.rank());
    const auto depth = node.get_int("depth", 0);
    const auto split = split_at_axis(type.shape, static_cast<std::size_t>(inserted));
    const S on = Domain<S>::constant(rational_from_double(node.get_float("on", 1.0)));
    const S off = Domain<S>::constant(rational_from_double(node.get_float("off", 0.0)));
    Tensor<S> out(type.dtype, type.shape);
    for (std::int64_t o = 0; o < split.outer; ++o)
      for (std::int64_t k = 0; k < depth; ++k)
        for (std::int64_t i = 0; i < split.inner; ++i) {
          const S& index = indices.data[static_cast<std::size_t>(o * split.inner + i)];
          const auto hit = [&](std::int64_t value) { return Domain<S>::equal(index, Domain<S>::from_int(value)); };
          out.data[static_cast<std::size_t>((o * depth + k) * split.inner + i)] = Domain<S>::select(hit(k), on, Domain<S>::select(hit(k - depth), on, off));
        }
    return {out};
  }
};

/// The operators this file defines, in the order `permeq ops` lists them.
using IndexingOperators = OperatorList<Gather, ScatterND, GatherElements, OneHot>;

}  // namespace permeq::ops
