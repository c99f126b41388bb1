// src/ops/definitions/reduction.hpp: reductions and scans along axes.
#pragma once

#include "src/ops/definitions/normalization.hpp"

namespace permeq::ops {

/// ReduceSum / ReduceMean / ReduceMax over `axes` (all axes when absent), keepdims default 1.
template <class Def>
struct Reduce : OpBase {
  /// ONNX passes axes as an input from opset 13 (ReduceSum) or 18 (the others).
  /// An empty axes list with noop_with_empty_axes = 1 leaves the input as it is: a Reshape to its
  /// own shape.
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    Attributes attrs{{"keepdims", n.int_attr("keepdims", 1)}};
    if (const auto axes = n.ints_attr("axes")) attrs["axes"] = *axes;
    else if (n.present(1)) attrs["axes"] = n.constant_ints(1, "axes");
    const bool no_axes = !attrs.count("axes") || std::get<std::vector<std::int64_t>>(attrs.at("axes")).empty();
    if (n.int_attr("noop_with_empty_axes", 0) != 0 && no_axes) return {"Reshape", {n.input(0)}, {{"shape", to_dims(n.type(0).shape)}}};
    return {std::string(Def::name), {n.input(0)}, attrs};
  }
  static constexpr std::array<AttrSpec, 2> attributes{{
      {"axes", AttrType::Ints, false, "reduced axes (default: all)"},
      {"keepdims", AttrType::Int, false, "keep reduced axes with size 1 (default 1)"},
  }};
  /// The axes it keeps; the reduced ones are read whole.
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t k, int axis) {
    if (k != 0) return std::nullopt;
    const auto axes = reduced_axes(node, in[0].size());
    const bool keep = node.get_int("keepdims", 1) != 0;
    for (int i = 0, kept = 0; i < static_cast<int>(in[0].size()); ++i) {
      const bool reduced = std::find(axes.begin(), axes.end(), i) != axes.end();
      if (reduced && !keep) continue;
      if (kept++ == axis) return reduced ? std::nullopt : std::optional<int>(i);
    }
    return std::nullopt;
  }
  static Shape out_shape(const Node& node, const Shape& in) {
    const auto axes = reduced_axes(node, in.size());
    const bool keep = node.get_int("keepdims", 1) != 0;
    Shape out;
    for (std::size_t i = 0; i < in.size(); ++i) {
      const bool reduced = std::find(axes.begin(), axes.end(), static_cast<int>(i)) != axes.end();
      if (!reduced) out.push_back(in[i]);
      else if (keep) out.push_back(1);
    }
    return out;
  }
  /// Sums and extrema of int64 values (lengths.max() in a padding mask) stay int64.
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    if constexpr (requires { Def::integers; })
      if (in[0].dtype == DType::Int64) return {{DType::Int64, out_shape(node, in[0].shape)}};
    expect_dtype(node, in[0], DType::Float, "input");
    return {{DType::Float, out_shape(node, in[0].shape)}};
  }
  /// A cotangent of the reduced shape copied back over the reduced axes (divided by the count of
  /// copies for a mean): the reverse of the reduction.
  static Value spread(VjpContext& c, const Value& g, bool mean) {
    const auto& node = c.node();
    std::vector<std::int64_t> inserted;
    if (node.get_int("keepdims", 1) == 0)
      for (const int a : reduced_axes(node, c.input_type(0).shape.size())) inserted.push_back(a);
    Attributes attrs;
    if (!inserted.empty()) attrs["axes"] = inserted;
    if (mean) attrs["mean"] = std::int64_t{1};
    return c.emit("ExpandLike", {g, c.input(0)}, attrs);
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return claim_removing_axes(actions[0], reduced_axes(node, in[0].shape.size()), node.get_int("keepdims", 1) != 0);
  }
  /// Within a token: token-wise. Over the one permuted axis: a pooling lemma. Over one of two
  /// axes permuted alike (the keys of a conjugated [n, n] matrix B' = P B P^T, as in the backward
  /// of attention's softmax): the row sums are attention mixing with values 1,
  /// sum_j B_sigma(i) sigma(j) = sum_j B_sigma(i) j, so ReduceSum takes the attention-mix lemma.
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto reduced = reduced_axes(node, in[0].shape.size());
    const auto acted = acted_axes(actions[0]);
    const auto is_reduced = [&](int a) { return std::find(reduced.begin(), reduced.end(), a) != reduced.end(); };
    const auto reduced_acted = std::count_if(acted.begin(), acted.end(), is_reduced);
    if (reduced_acted == 0) return "token-wise-map";
    if (acted.size() == 1) return Def::pool_lemma;
    const bool alike = acted.size() == 2 && actions[0].axes[0].offset == actions[0].axes[1].offset;
    return alike && reduced_acted == 1 ? Def::conjugated_lemma : std::string_view{};
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions& options) {
    const auto& x = *in[0];
    const auto axes = reduced_axes(node, x.rank());
    Shape kept = x.shape;
    for (const int a : axes) kept[static_cast<std::size_t>(a)] = 1;
    const auto target = broadcast_map(x.shape, kept);  // each element's reduced slot
    std::vector<std::optional<S>> acc(static_cast<std::size_t>(element_count(kept)));
    for (std::size_t i = 0; i < x.data.size(); ++i) {
      auto& slot = acc[static_cast<std::size_t>(target[i])];
      const S value = [&] {
        if constexpr (requires { Def::template prepare<S>(x.data[i], options); }) return Def::template prepare<S>(x.data[i], options);
        else return x.data[i];
      }();
      slot = slot ? Def::template combine<S>(*slot, value) : value;
    }
    const S count = Domain<S>::from_int(element_count(x.shape) / element_count(kept));
    Tensor<S> out(x.dtype, out_shape(node, x.shape));
    for (std::size_t i = 0; i < acc.size(); ++i) {
      if (!acc[i]) fail(node, "reduces over an empty axis of " + to_string(x.shape));
      out.data[i] = Def::template finish<S>(*acc[i], count, options);
    }
    return {out};
  }
};

struct ReduceSum : Reduce<ReduceSum> {
  static constexpr std::string_view name = "ReduceSum", summary = "sum over axes", reference = "ONNX ReduceSum (axes as attribute)", pool_lemma = "sum-pool",
                                    conjugated_lemma = "attention-mix";
  static constexpr bool integers = true;
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_max(in); }
  template <class S> static S combine(const S& a, const S& b) { return a + b; }
  template <class S> static S finish(const S& a, const S&, const EvalOptions&) { return a; }
  static void vjp(VjpContext& c) { c.give(0, spread(c, *c.cotangent(), false)); }
};
/// Global pooling is a reduction over the spatial axes 2.. with the axes kept.
inline OnnxTranslation global_pool_translation(const OnnxNode& n, std::string_view op) {
  std::vector<std::int64_t> axes;
  for (std::int64_t a = 2; a < static_cast<std::int64_t>(n.rank(0)); ++a) axes.push_back(a);
  if (axes.empty()) n.fail("input must be [N, C, D1, ...] with at least one spatial axis, got " + to_string(n.type(0)));
  return {std::string(op), {n.input(0)}, {{"axes", axes}, {"keepdims", std::int64_t{1}}}};
}

struct ReduceMean : Reduce<ReduceMean> {
  static constexpr std::string_view name = "ReduceMean", summary = "mean over axes", reference = "ONNX ReduceMean (axes as attribute)", pool_lemma = "mean-pool",
                                    conjugated_lemma = "";
  static constexpr std::array<std::string_view, 2> onnx_names{"ReduceMean", "GlobalAveragePool"};
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    return n.op_type == "GlobalAveragePool" ? global_pool_translation(n, name) : Reduce<ReduceMean>::from_onnx(n);
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_max(in); }
  template <class S> static S combine(const S& a, const S& b) { return a + b; }
  template <class S> static S finish(const S& a, const S& count, const EvalOptions&) { return Domain<S>::divide(a, count); }
  static void vjp(VjpContext& c) { c.give(0, spread(c, *c.cotangent(), true)); }  /// Over a contiguous tail of axes: fixed-order sums of contiguous blocks.
  template <class F>
  static std::optional<std::vector<Tensor<F>>> fast(const Node& node, std::span<const numeric::Operand<F>> ops, const FastContext&) {
    if (ops.size() != 1) return std::nullopt;
    return single<F>(numeric::reduce_mean_tail(node, ops[0]));
  }
  /// Whole reduced blocks move when every acted axis lies before the reduced tail, where the
  /// output keeps the same axis numbers (with or without keepdims).
  static bool commutes_bitwise(const BitwiseQuery& q) {
    const auto axes = reduced_axes(q.node, q.input_shapes[0].size());
    if (axes.empty()) return false;
    for (const auto& ax : q.input_actions[0].axes)
      if (ax.axis >= axes.front()) return false;
    return same_axes(q.input_actions[0], q.claimed);
  }
};
/// ReduceMax and ReduceMin: dx = [x == y] * g / count(x == y). The cotangent is split evenly
/// among tied extrema, which is unchanged by permuting them; an index-selecting subgradient
/// (torch.max(dim), ArgMax's first index) would send it all to one position and break
/// equivariance at ties, so permeq does not use it.
inline void extremum_vjp(VjpContext& c, std::string_view op, std::string_view extrema, std::string_view torch_name) {
  c.kink(std::string(op) + " is not differentiable where " + std::string(extrema) + " tie; the rule splits the cotangent evenly among the tied " +
         std::string(extrema) + " (as " + std::string(torch_name) + " does), which permutes with the tokens");
  const auto x = c.input(0);
  const auto hit = c.emit("Equal", {x, Reduce<ReduceSum>::spread(c, c.output(), false)});
  const auto share = c.emit("Cast", {hit}, {{"to", std::string("float")}});
  std::vector<std::int64_t> axes;
  for (const int a : reduced_axes(c.node(), c.input_type(0).shape.size())) axes.push_back(a);
  const auto count = c.emit("ReduceSum", {share}, {{"axes", axes}, {"keepdims", std::int64_t{1}}});
  c.give(0, c.div(c.mul(share, Reduce<ReduceSum>::spread(c, *c.cotangent(), false)), count));
}

struct ReduceMax : Reduce<ReduceMax> {
  static constexpr std::string_view name = "ReduceMax", summary = "maximum over axes", reference = "ONNX ReduceMax (axes as attribute)", pool_lemma = "max-pool",
                                    conjugated_lemma = "";
  static constexpr std::array<std::string_view, 2> onnx_names{"ReduceMax", "GlobalMaxPool"};
  static constexpr bool integers = true;
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    return n.op_type == "GlobalMaxPool" ? global_pool_translation(n, name) : Reduce<ReduceMax>::from_onnx(n);
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S> static S combine(const S& a, const S& b) { return Domain<S>::select(Domain<S>::less(a, b), b, a); }
  template <class S> static S finish(const S& a, const S&, const EvalOptions&) { return a; }
  /// The cotangent is split evenly among the elements equal to the maximum (torch.amax's rule).
  static void vjp(VjpContext& c) { extremum_vjp(c, "ReduceMax", "maxima", "torch.amax"); }
};
struct ReduceMin : Reduce<ReduceMin> {
  static constexpr std::string_view name = "ReduceMin", summary = "minimum over axes", reference = "ONNX ReduceMin (axes as attribute)", pool_lemma = "",
                                    conjugated_lemma = "";
  static constexpr bool integers = true;
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S> static S combine(const S& a, const S& b) { return Domain<S>::select(Domain<S>::less(b, a), b, a); }
  template <class S> static S finish(const S& a, const S&, const EvalOptions&) { return a; }
  static void vjp(VjpContext& c) { extremum_vjp(c, "ReduceMin", "minima", "torch.amin"); }
};

/// Sum of squares and its square root. No pooling lemma is claimed for them (the pooling lemmas
/// are stated for ReduceSum, ReduceMean and ReduceMax).
struct ReduceSumSquare : Reduce<ReduceSumSquare> {
  static constexpr std::string_view name = "ReduceSumSquare", summary = "sum of squares over axes", reference = "ONNX ReduceSumSquare (axes as attribute)",
                                    pool_lemma = "", conjugated_lemma = "";
  static Degree degree(const Node&, std::span<const Degree> in) { return in[0] ? std::optional(*in[0] * 2) : std::nullopt; }
  template <class S> static S prepare(const S& x, const EvalOptions&) { return x * x; }
  template <class S> static S combine(const S& a, const S& b) { return a + b; }
  template <class S> static S finish(const S& a, const S&, const EvalOptions&) { return a; }
  static void vjp(VjpContext& c) { c.give(0, c.mul(c.scale(c.input(0), 2.0), spread(c, *c.cotangent(), false))); }
};
struct ReduceL2 : Reduce<ReduceL2> {
  static constexpr std::string_view name = "ReduceL2", summary = "Euclidean norm over axes", reference = "ONNX ReduceL2 (axes as attribute)",
                                    pool_lemma = "", conjugated_lemma = "";
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S> static S prepare(const S& x, const EvalOptions&) { return x * x; }
  template <class S> static S combine(const S& a, const S& b) { return a + b; }
  template <class S> static S finish(const S& a, const S&, const EvalOptions& options) { return Domain<S>::function(Sqrt::function, a, options); }
  /// d|x| = x / |x|.
  static void vjp(VjpContext& c) { c.give(0, c.mul(c.input(0), spread(c, c.div(*c.cotangent(), c.output()), false))); }
};
struct ReduceL1 : Reduce<ReduceL1> {
  static constexpr std::string_view name = "ReduceL1", summary = "sum of absolute values over axes", reference = "ONNX ReduceL1 (axes as attribute)",
                                    pool_lemma = "", conjugated_lemma = "";
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S> static S prepare(const S& x, const EvalOptions&) { return Domain<S>::select(Domain<S>::less(x, Domain<S>::from_int(0)), -x, x); }
  template <class S> static S combine(const S& a, const S& b) { return a + b; }
  template <class S> static S finish(const S& a, const S&, const EvalOptions&) { return a; }
  /// d|x| = sign(x), with the subgradient 0 at x = 0 (as torch takes it).
  static void vjp(VjpContext& c) {
    c.kink("ReduceL1 is not differentiable where an element is 0; the rule takes the subgradient 0 there (as torch does)");
    const auto sign = c.emit("Sub", {c.emit("Cast", {c.emit("Less", {c.scalar(0.0), c.input(0)})}, {{"to", std::string("float")}}),
                                     c.emit("Cast", {c.emit("Less", {c.input(0), c.scalar(0.0)})}, {{"to", std::string("float")}})});
    c.give(0, c.mul(sign, spread(c, *c.cotangent(), false)));
  }
};
/// log(sum x) and log(sum exp x): soft pooling (torch.logsumexp over the tokens).
struct ReduceLogSum : Reduce<ReduceLogSum> {
  static constexpr std::string_view name = "ReduceLogSum", summary = "log of the sum over axes", reference = "ONNX ReduceLogSum (axes as attribute)",
                                    pool_lemma = "", conjugated_lemma = "";
  static bool positive_input(const Node&, std::size_t) { return true; }  // a logarithm of the sum
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S> static S combine(const S& a, const S& b) { return a + b; }
  template <class S> static S finish(const S& a, const S&, const EvalOptions& options) { return Domain<S>::function(Log::function, a, options); }
  static void vjp(VjpContext& c) { c.give(0, spread(c, c.div(*c.cotangent(), c.emit("Exp", {c.output()})), false)); }
};
struct ReduceLogSumExp : Reduce<ReduceLogSumExp> {
  static constexpr std::string_view name = "ReduceLogSumExp", summary = "log of the sum of exponentials over axes",
                                    reference = "ONNX ReduceLogSumExp (axes as attribute)", pool_lemma = "", conjugated_lemma = "";
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S> static S prepare(const S& x, const EvalOptions& options) { return Domain<S>::function(Exp::function, x, options); }
  template <class S> static S combine(const S& a, const S& b) { return a + b; }
  template <class S> static S finish(const S& a, const S&, const EvalOptions& options) { return Domain<S>::function(Log::function, a, options); }
  /// dx = g * exp(x - y): the softmax of x over the reduced axes.
  static void vjp(VjpContext& c) {
    c.give(0, c.mul(c.emit("Exp", {c.sub(c.input(0), spread(c, c.output(), false))}), spread(c, *c.cotangent(), false)));
  }
};

struct ArgMax : OpBase {
  static constexpr std::string_view name = "ArgMax", summary = "index of the maximum along an axis (int64; of float or int64 values)", reference = "ONNX ArgMax";
  static constexpr std::array<AttrSpec, 3> attributes{{
      {"axis", AttrType::Int, false, "the searched axis (default 0)"},
      {"keepdims", AttrType::Int, false, "keep the axis with size 1 (default 1)"},
      {"select_last_index", AttrType::Int, false, "on ties take the last index (default 0: the first)"},
  }};
  static Shape out_shape(const Node& node, const Shape& in) {
    const int axis = axis_attr(node, "axis", 0, in.size());
    Shape out = in;
    if (node.get_int("keepdims", 1) != 0) out[static_cast<std::size_t>(axis)] = 1;
    else out.erase(out.begin() + axis);
    return out;
  }
  /// Float scores, or int64 values (CLIP's end-of-text position: the largest token id).
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    if (in[0].dtype != DType::Float && in[0].dtype != DType::Int64) fail(node, "input must be float or int64, got " + to_string(in[0]));
    return {{DType::Int64, out_shape(node, in[0].shape)}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return claim_removing_axes(actions[0], {axis_attr(node, "axis", 0, in[0].shape.size())}, node.get_int("keepdims", 1) != 0);
  }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return actions[0].offset_on(axis_attr(node, "axis", 0, in[0].shape.size())) ? "" : "token-wise-map";
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& x = *in[0];
    const bool last = node.get_int("select_last_index", 0) != 0;
    Tensor<S> out(DType::Int64, out_shape(node, x.shape));
    std::size_t slot = 0;
    for_each_slice(x.shape, axis_attr(node, "axis", 0, x.rank()), [&](std::int64_t start, std::int64_t stride, std::int64_t length) {
      S best = x.data[static_cast<std::size_t>(start)];
      S best_index = Domain<S>::from_int(0);
      for (std::int64_t j = 1; j < length; ++j) {
        const S& v = x.data[static_cast<std::size_t>(start + j * stride)];
        const auto better = last ? !Domain<S>::less(v, best) : Domain<S>::less(best, v);
        best = Domain<S>::select(better, v, best);
        best_index = Domain<S>::select(better, Domain<S>::from_int(j), best_index);
      }
      out.data[slot++] = best_index;
    });
    // for_each_slice visits slices in (outer, inner) order, which is the row-major output order.
    return {out};
  }
};

/// The k largest (or smallest) values along an axis and their indices, ties broken toward the
/// lower index (ONNX's rule). Along an acted axis the values are invariant (they depend on the
/// multiset only) but the indices are not, at ties least of all: the claim there is invariance
/// of both outputs, which the indices break. Off the axis it is a per-slice map (top-k expert
/// routing over the experts of each token).
struct TopK : OpBase {
  static constexpr std::string_view name = "TopK", summary = "k largest or smallest values along an axis, and their indices (int64)", reference = "ONNX TopK (k as attribute)";
  /// Values, and the indices when the node lists them (an import drops indices nothing reads:
  /// sort pooling uses the values only, and the indices would carry an obligation of their own).
  static constexpr int outputs = -1;
  static constexpr bool optional_trailing_outputs = true;
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    const auto k = n.constant_ints(1, "K");
    if (k.size() != 1) n.fail("K must hold one value");
    return {"TopK", {n.input(0)}, {{"k", k[0]}, {"axis", n.int_attr("axis", -1)}, {"largest", n.int_attr("largest", 1)}, {"sorted", n.int_attr("sorted", 1)}}};
  }
  static constexpr std::array<AttrSpec, 4> attributes{{
      {"k", AttrType::Int, true, "how many values"},
      {"axis", AttrType::Int, false, "the searched axis (default -1)"},
      {"largest", AttrType::Int, false, "1 (default): the largest; 0: the smallest"},
      {"sorted", AttrType::Int, false, "results in sorted order (default 1; permeq always sorts)"},
  }};
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    if (in[0].dtype == DType::Bool) fail(node, "input must be float or int64, got " + to_string(in[0]));
    const int axis = axis_attr(node, "axis", -1, in[0].shape.size());
    const auto k = node.get_int("k", 1);
    if (k < 0 || k > in[0].shape[static_cast<std::size_t>(axis)]) fail(node, "k = " + std::to_string(k) + " does not fit axis " + std::to_string(axis) + " of " + to_string(in[0]));
    if (node.outputs.empty() || node.outputs.size() > 2) fail(node, "has " + std::to_string(node.outputs.size()) + " outputs; it gives 1 or 2 (Values, Indices)");
    Shape shape = in[0].shape;
    shape[static_cast<std::size_t>(axis)] = k;
    std::vector<TensorType> out{{in[0].dtype, shape}, {DType::Int64, shape}};
    out.resize(node.outputs.size());
    return out;
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int axis = axis_attr(node, "axis", -1, in[0].shape.size());
    const auto kept = claim_removing_axes(actions[0], {axis}, true).outputs[0];
    return std::vector<Action>(node.outputs.size(), kept);
  }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return actions[0].offset_on(axis_attr(node, "axis", -1, in[0].shape.size())) ? "" : "token-wise-map";
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_nonpolynomial(in); }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& x = *in[0];
    const auto types = infer(node, std::array<TensorType, 1>{x.type()});
    const int axis = axis_attr(node, "axis", -1, x.rank());
    const auto k = node.get_int("k", 1);
    const bool largest = node.get_int("largest", 1) != 0;
    Tensor<S> values(types[0].dtype, types[0].shape), indices(DType::Int64, types[0].shape);
    const auto split = split_at_axis(types[0].shape, static_cast<std::size_t>(axis));
    std::vector<S> sorted, order;
    std::size_t slice = 0;
    for_each_slice(x.shape, axis, [&](std::int64_t start, std::int64_t stride, std::int64_t length) {
      sorted.clear();
      order.clear();
      for (std::int64_t j = 0; j < length; ++j) {
        sorted.push_back(x.data[static_cast<std::size_t>(start + j * stride)]);
        order.push_back(Domain<S>::from_int(j));
      }
      sort_slice<S>(sorted, order, largest);
      // Output slices follow the same (outer, inner) order with the axis shortened to k.
      const auto outer = static_cast<std::int64_t>(slice) / split.inner, inner = static_cast<std::int64_t>(slice) % split.inner;
      for (std::int64_t j = 0; j < k; ++j) {
        const auto to = static_cast<std::size_t>((outer * k + j) * split.inner + inner);
        values.data[to] = sorted[static_cast<std::size_t>(j)];
        indices.data[to] = order[static_cast<std::size_t>(j)];
      }
      ++slice;
    });
    if (node.outputs.size() == 1) return {values};
    return {values, indices};
  }
  /// Sorts values (and their indices alike) best first, stably: a tie keeps the lower index
  /// first. Concrete domains sort; the symbolic domain runs the same order as a network of
  /// adjacent compare-exchanges (bubble sort, stable because it swaps only the strictly better).
  template <class S>
  static void sort_slice(std::vector<S>& values, std::vector<S>& order, bool largest) {
    const auto better = [&](const S& a, const S& b) { return largest ? Domain<S>::less(b, a) : Domain<S>::less(a, b); };
    if constexpr (std::is_same_v<typename Domain<S>::Bool, bool>) {
      std::vector<std::size_t> at(values.size());
      std::iota(at.begin(), at.end(), 0);
      std::stable_sort(at.begin(), at.end(), [&](std::size_t a, std::size_t b) { return better(values[a], values[b]); });
      std::vector<S> v, o;
      for (const auto i : at) {
        v.push_back(values[i]);
        o.push_back(order[i]);
      }
      values = std::move(v);
      order = std::move(o);
    } else {
      for (std::size_t pass = 0; pass + 1 < values.size(); ++pass)
        for (std::size_t j = 0; j + 1 < values.size() - pass; ++j) {
          const auto swap = better(values[j + 1], values[j]);
          const S first = Domain<S>::select(swap, values[j + 1], values[j]), second = Domain<S>::select(swap, values[j], values[j + 1]);
          const S first_index = Domain<S>::select(swap, order[j + 1], order[j]), second_index = Domain<S>::select(swap, order[j], order[j + 1]);
          values[j] = first;
          values[j + 1] = second;
          order[j] = first_index;
          order[j + 1] = second_index;
        }
    }
  }
  /// The values' cotangent goes back to the positions the indices name.
  static void vjp(VjpContext& c) {
    if (!c.cotangent(0)) return;
    c.kink("TopK routes the cotangent to the positions it picked, which is not differentiable where values tie (as torch does)");
    const auto axis = static_cast<std::int64_t>(axis_attr(c.node(), "axis", -1, c.input_type(0).shape.size()));
    const auto indices = c.emit_n("TopK", {c.input(0)}, c.node().attrs, 2)[1];
    c.give(0, c.emit("ScatterElementsAdd", {*c.cotangent(0), indices, c.input(0)}, {{"axis", axis}}));
  }
};

struct CumSum : OpBase {
  static constexpr std::string_view name = "CumSum", summary = "running sum along an axis", reference = "ONNX CumSum (axis as attribute)";
  static OnnxTranslation from_onnx(const OnnxNode& n) {
    return {"CumSum", {n.input(0)}, {{"axis", n.constant_ints(1, "axis")[0]}, {"exclusive", n.int_attr("exclusive", 0)}, {"reverse", n.int_attr("reverse", 0)}}};
  }
  static constexpr std::array<AttrSpec, 3> attributes{{
      {"axis", AttrType::Int, true, "the scanned axis"},
      {"exclusive", AttrType::Int, false, "exclude the current element (default 0)"},
      {"reverse", AttrType::Int, false, "scan from the end (default 0)"},
  }};
  /// Every axis: a running sum from the start reads, along the scanned axis, only the positions
  /// up to its own (not so from the end).
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t, int axis) {
    if (node.get_int("reverse", 0) != 0 && axis == axis_attr(node, "axis", 0, in[0].size())) return std::nullopt;
    return axis;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    (void)axis_attr(node, "axis", 0, in[0].shape.size());
    return {in[0]};
  }
  static Claim claim(const Node&, std::span<const TensorType>, std::span<const Action> actions) { return claim_first_input(actions); }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_max(in); }
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    return actions[0].offset_on(axis_attr(node, "axis", 0, in[0].shape.size())) ? "" : "token-wise-map";
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto& x = *in[0];
    const bool exclusive = node.get_int("exclusive", 0) != 0, reverse = node.get_int("reverse", 0) != 0;
    Tensor<S> out(x.dtype, x.shape);
    for_each_slice(x.shape, axis_attr(node, "axis", 0, x.rank()), [&](std::int64_t start, std::int64_t stride, std::int64_t length) {
      S total = Domain<S>::from_int(0);
      for (std::int64_t step = 0; step < length; ++step) {
        const auto at = static_cast<std::size_t>(start + (reverse ? length - 1 - step : step) * stride);
        if (exclusive) { out.data[at] = total; total = total + x.data[at]; }
        else { total = total + x.data[at]; out.data[at] = total; }
      }
    });
    return {out};
  }
  /// x_i reaches the outputs after it (before it when reversed): the cotangent is the running sum
  /// of g in the opposite direction, with the same exclusivity.
  static void vjp(VjpContext& c) {
    const auto& node = c.node();
    c.give(0, c.emit("CumSum", {*c.cotangent()}, {{"axis", node.get_int("axis", 0)}, {"exclusive", node.get_int("exclusive", 0)},
                                                  {"reverse", std::int64_t{node.get_int("reverse", 0) != 0 ? 0 : 1}}}));
  }
};

/// The operators this file defines, in the order `permeq ops` lists them.
using ReductionOperators = OperatorList<ReduceSum, ReduceMean, ReduceMax, ReduceMin, ReduceSumSquare, ReduceL2, ReduceL1, ReduceLogSum, ReduceLogSumExp, ArgMax,
                                        TopK, CumSum>;

}  // namespace permeq::ops
