// src/ops/definitions/linear_algebra.hpp: matrix products (MatMul, Gemm, Linear).
#pragma once

#include "src/ops/definitions/op_base.hpp"

namespace permeq::ops {

/// An exact replay of a product costs about its operands' size times the contracted length.
inline std::int64_t product_replay_work(std::span<const Shape> in) {
  std::int64_t work = 0;
  for (const auto& shape : in) work += element_count(shape);
  return in.empty() || in[0].empty() ? work : work * std::max<std::int64_t>(in[0].back(), 1);
}

/// Reverse of numpy matmul on inputs ia (A) and ib (B) with the product's cotangent g: A gets
/// g B^T and B gets A^T g, each summed down to its operand's shape (batch broadcasting); 1-D
/// operands are promoted to matrices on the way, as the product promotes them. The products keep
/// a proved family: A^T g sums over the tokens for a weight gradient (sum-pool) and is attention
/// mixing when A is [.., n, n]; when only g is [.., n, n] (the keys of attention scores), B's
/// cotangent is written (g^T A)^T, which is attention mixing too.
inline void matmul_vjp(VjpContext& c, std::size_t ia, std::size_t ib, const Value& g) {
  const Value a = c.input(ia), b = c.input(ib);
  const bool a_vector = c.type(a).shape.size() == 1, b_vector = c.type(b).shape.size() == 1;
  const auto reshape = [&](const Value& v, const std::vector<std::int64_t>& shape) {
    return c.emit("Reshape", {v}, {{"shape", to_dims(shape)}});
  };
  Value g2 = g;  // [batch..., m, p]
  if (a_vector || b_vector) {
    std::vector<std::int64_t> shape(c.type(g).shape.size() - (a_vector ? 0 : 1) - (b_vector ? 0 : 1), 0);  // 0 copies a batch dim
    shape.push_back(a_vector ? 1 : 0);
    shape.push_back(b_vector ? 1 : -1);
    g2 = reshape(g, shape);
  }
  if (c.wants(ia)) {
    const Value bt = b_vector ? reshape(b, {1, -1}) : c.transpose_last2(b);  // B^T
    c.give(ia, c.sum_like(c.emit("MatMul", {g2, bt}), a));                 // [batch..., m, k] summed to A
  }
  if (!c.wants(ib)) return;
  const Value a2 = a_vector ? reshape(a, {1, -1}) : a;  // [.., m, k]
  const auto square = [&](const Value& v) {
    const auto rank = c.type(v).shape.size();
    return c.varies(v, rank - 2) && c.varies(v, rank - 1);
  };
  if (square(g2) && !square(a2)) {
    const Value gradient_t = c.emit("MatMul", {c.transpose_last2(g2), a2});  // [batch..., p, k]
    c.give(ib, b_vector ? c.sum_like(gradient_t, b) : c.sum_like(c.transpose_last2(gradient_t), b));
    return;
  }
  const Value gradient = c.emit("MatMul", {c.transpose_last2(a2), g2});  // [batch..., k, p]
  c.give(ib, b_vector ? c.sum_like(c.transpose_last2(gradient), b) : c.sum_like(gradient, b));
}

/// Numpy matmul: batched over leading axes with broadcasting; 1-D operands are promoted.
struct MatMul : OpBase {
  static constexpr std::string_view name = "MatMul", summary = "matrix product, batched and broadcast like numpy.matmul",
                                    reference = "ONNX MatMul";
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static constexpr int min_inputs = 2, max_inputs = 2;
  /// Batch axes line up with the operands' (broadcast like numpy), rows with A's, columns with
  /// B's; the contracted axis is read whole.
  static std::optional<int> aligned_axis(const Node&, std::span<const Shape> in, std::size_t k, int axis) {
    if (in.size() != 2 || in[0].size() < 2 || in[1].size() < 2) return std::nullopt;
    const int rank = static_cast<int>(std::max(in[0].size(), in[1].size())), own = static_cast<int>(in[k].size());
    if (axis == rank - 2) return k == 0 ? std::optional<int>(own - 2) : std::nullopt;
    if (axis == rank - 1) return k == 1 ? std::optional<int>(own - 1) : std::nullopt;
    return axis >= rank - own ? std::optional<int>(axis - (rank - own)) : std::nullopt;
  }

  struct Layout {
    Shape a, b;      // promoted to rank >= 2
    Shape batch;     // broadcast batch shape
    std::int64_t m = 0, k = 0, p = 0;
    bool squeeze_m = false, squeeze_p = false;
    Shape out;
  };
  static Layout layout(const Node& node, const Shape& a_in, const Shape& b_in) {
    Layout l;
    if (a_in.empty() || b_in.empty()) fail(node, "operands must have rank >= 1, got " + to_string(a_in) + " and " + to_string(b_in));
    l.a = a_in.size() == 1 ? Shape{1, a_in[0]} : a_in;
    l.b = b_in.size() == 1 ? Shape{b_in[0], 1} : b_in;
    l.squeeze_m = a_in.size() == 1;
    l.squeeze_p = b_in.size() == 1;
    l.m = l.a[l.a.size() - 2];
    l.k = l.a.back();
    l.p = l.b.back();
    if (l.b[l.b.size() - 2] != l.k)
      fail(node, "inner dimensions differ: " + to_string(a_in) + " x " + to_string(b_in));
    const auto batch = broadcast_shapes(Shape(l.a.begin(), l.a.end() - 2), Shape(l.b.begin(), l.b.end() - 2));
    if (!batch) fail(node, "batch dimensions do not broadcast: " + to_string(a_in) + " x " + to_string(b_in));
    l.batch = *batch;
    l.out = l.batch;
    if (!l.squeeze_m) l.out.push_back(l.m);
    if (!l.squeeze_p) l.out.push_back(l.p);
    return l;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "A");
    expect_dtype(node, in[1], DType::Float, "B");
    return {{DType::Float, layout(node, in[0].shape, in[1].shape).out}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const auto l = layout(node, in[0].shape, in[1].shape);
    const int ra = static_cast<int>(in[0].shape.size()), rb = static_cast<int>(in[1].shape.size());
    const int batch_rank = static_cast<int>(l.batch.size());
    // Contracted axes are dropped: a sum over a permuted index is invariant exactly when both
    // factors are permuted alike there, and otherwise the test shows the break.
    Action out;
    for (const auto& a : actions[0].axes) {
      if (a.axis == ra - 1) continue;  // contracted
      if (ra >= 2 && a.axis == ra - 2) out.add(batch_rank, a);
      else out.add(a.axis + batch_rank - (ra - 2), a);
    }
    for (const auto& a : actions[1].axes) {
      if (rb >= 2 ? a.axis == rb - 2 : a.axis == 0) continue;  // contracted
      if (a.axis == rb - 1) out.add(batch_rank + (l.squeeze_m ? 0 : 1), a);
      else out.add(a.axis + batch_rank - (rb - 2), a);
    }
    return {{out}};
  }
  static Degree degree(const Node&, std::span<const Degree> in) { return degree_sum(in); }
  /// Rows times fixed weights: token-wise linear. Rows against rows: attention scores (conjugated
  /// action). Permuted weights against permuted rows, summed over tokens: attention mixing. Both
  /// factors permuted only along the contracted axis: a sum over the tokens (sum pooling).
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const int ra = static_cast<int>(in[0].shape.size()), rb = static_cast<int>(in[1].shape.size());
    if (ra < 2 || rb < 2) return {};
    const auto l = layout(node, in[0].shape, in[1].shape);
    const auto a = acted_axes(actions[0]), b = acted_axes(actions[1]);
    const Shape batch_b(in[1].shape.begin(), in[1].shape.end() - 2);
    if (b.empty()) {
      for (const int axis : a) {
        if (axis == ra - 1) return {};
        const int aligned = axis - (ra - 2 - static_cast<int>(batch_b.size()));
        if (axis < ra - 2 && aligned >= 0 && batch_b[static_cast<std::size_t>(aligned)] > 1) return {};
      }
      return "token-wise-linear";
    }
    if (a.empty()) {  // fixed weights times permuted columns (W^T g of a convolution tap): column-wise linear
      const Shape batch_a(in[0].shape.begin(), in[0].shape.end() - 2);
      for (const int axis : b) {
        if (axis == rb - 2) return {};
        const int aligned = axis - (rb - 2 - static_cast<int>(batch_a.size()));
        if (axis < rb - 2 && aligned >= 0 && batch_a[static_cast<std::size_t>(aligned)] > 1) return {};
      }
      return "token-wise-linear";
    }
    const auto o = actions[0].axes.front().offset;
    const bool same_offsets = std::all_of(actions[0].axes.begin(), actions[0].axes.end(), [&](const AxisAction& x) { return x.offset == o; }) &&
                              std::all_of(actions[1].axes.begin(), actions[1].axes.end(), [&](const AxisAction& x) { return x.offset == o; });
    if (!same_offsets || in[0].shape.size() != in[1].shape.size() || l.batch.size() + 2 != in[0].shape.size()) return {};
    if (a == std::vector<int>{ra - 2} && b == std::vector<int>{rb - 1}) return "attention-scores";
    // X^T g with both permuted along the contracted axis (a weight gradient): sum_t h(x_t, g_t).
    if (a == std::vector<int>{ra - 1} && b == std::vector<int>{rb - 2}) return "sum-pool";
    if (a == std::vector<int>{ra - 2, ra - 1} && b == std::vector<int>{rb - 2}) return "attention-mix";
    return {};
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const auto l = layout(node, in[0]->shape, in[1]->shape);
    if constexpr (std::is_floating_point_v<S>) {
      if (in[1]->shape.size() == 2) {  // X W: every row of every batch times one matrix
        Tensor<S> out(DType::Float, l.out);
        const auto rows = element_count(in[0]->shape) / l.k;
        float_matrix_product(in[0]->data.data(), in[1]->data.data(), out.data.data(), rows, l.k, l.p, false, false);
        return {out};
      }
    }
    Shape a_full = l.batch, b_full = l.batch;
    a_full.insert(a_full.end(), {l.m, l.k});
    b_full.insert(b_full.end(), {l.k, l.p});
    const Tensor<S> a = broadcast_to(Tensor<S>(in[0]->dtype, l.a, in[0]->data), a_full);
    const Tensor<S> b = broadcast_to(Tensor<S>(in[1]->dtype, l.b, in[1]->data), b_full);
    Tensor<S> out(DType::Float, l.out);
    const std::int64_t batches = element_count(l.batch);
    if constexpr (std::is_floating_point_v<S>) {
      for (std::int64_t t = 0; t < batches; ++t)
        float_matrix_product(a.data.data() + t * l.m * l.k, b.data.data() + t * l.k * l.p, out.data.data() + t * l.m * l.p, l.m, l.k, l.p, false, false);
      return {out};
    }
    for (std::int64_t t = 0; t < batches; ++t)
      for (std::int64_t i = 0; i < l.m; ++i)
        for (std::int64_t j = 0; j < l.p; ++j) {
          S sum = Domain<S>::from_int(0);
          for (std::int64_t r = 0; r < l.k; ++r)
            sum = sum + a.data[static_cast<std::size_t>((t * l.m + i) * l.k + r)] * b.data[static_cast<std::size_t>((t * l.k + r) * l.p + j)];
          out.data[static_cast<std::size_t>((t * l.m + i) * l.p + j)] = sum;
        }
    return {out};
  }
  static void vjp(VjpContext& c) { matmul_vjp(c, 0, 1, *c.cotangent()); }

  static constexpr bool freivalds_product = true;
  static std::int64_t replay_work(const Node&, std::span<const Shape> in) { return product_replay_work(in); }
  /// X W with a 2-D W: one product over all rows; batched with equal batch axes (attention
  /// heads): one product per batch, the batches split over the threads.
  template <class F>
  static std::optional<std::vector<Tensor<F>>> fast(const Node&, std::span<const numeric::Operand<F>> ops, const FastContext& context) {
    if (ops.size() != 2) return std::nullopt;
    const auto& A = ops[0];
    const auto& B = ops[1];
    if (A.dtype != DType::Float || B.dtype != DType::Float || A.shape.size() < 2) return std::nullopt;
    if (B.shape.size() == 2) {
      if (A.shape.back() != B.shape[0]) return std::nullopt;
      const auto k = B.shape[0], p = B.shape[1];
      Shape shape(A.shape.begin(), A.shape.end() - 1);
      shape.push_back(p);
      Tensor<F> out(DType::Float, shape);
      const auto rows = k > 0 ? static_cast<std::int64_t>(A.size) / k : 0;
      float_matrix_product(A.data, B.data, out.data.data(), rows, k, p, false, false);
      return single<F>(std::move(out));
    }
    const auto rank = A.shape.size();
    if (rank < 3 || B.shape.size() != rank || !std::equal(A.shape.begin(), A.shape.end() - 2, B.shape.begin()) || A.shape.back() != B.shape[rank - 2])
      return std::nullopt;
    const auto m = A.shape[rank - 2], k = A.shape.back(), p = B.shape.back();
    Shape shape(A.shape.begin(), A.shape.end() - 1);
    shape.push_back(p);
    Tensor<F> out(DType::Float, shape);
    const auto batches = m * p > 0 ? static_cast<std::int64_t>(out.data.size()) / (m * p) : 0;
    F* o = out.data.data();
    // Batches (attention heads) in contiguous runs, one per thread.
    const int parts = static_cast<int>(std::min<std::int64_t>(std::max(context.threads, 1), batches));
    parallel_for(parts, parts, [&](std::int64_t part) {
      for (std::int64_t t = batches * part / parts; t < batches * (part + 1) / parts; ++t)
        float_matrix_product(A.data + t * m * k, B.data + t * k * p, o + t * m * p, m, k, p, false, false);
    });
    return single<F>(std::move(out));
  }
};

/// Y = alpha * A' B' + beta * C with A' = A or A^T, B' = B or B^T (2-D).
struct Gemm : OpBase {
  static constexpr std::string_view name = "Gemm", summary = "alpha * op(A) op(B) + beta * C (2-D, C broadcast)", reference = "ONNX Gemm";
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static constexpr int min_inputs = 2, max_inputs = 3;
  static constexpr std::array<AttrSpec, 4> attributes{{
      {"transA", AttrType::Int, false, "transpose A first (default 0)"},
      {"transB", AttrType::Int, false, "transpose B first (default 0)"},
      {"alpha", AttrType::Float, false, "scale of the product (default 1)"},
      {"beta", AttrType::Float, false, "scale of C (default 1)"},
  }};
  /// Rows line up with op(A)'s, columns with op(B)'s, C's axes by broadcasting.
  static std::optional<int> aligned_axis(const Node& node, std::span<const Shape> in, std::size_t k, int axis) {
    if (k == 0 && axis == 0) return node.get_int("transA", 0) != 0 ? 1 : 0;
    if (k == 1 && axis == 1) return node.get_int("transB", 0) != 0 ? 0 : 1;
    if (k == 2 && axis >= 2 - static_cast<int>(in[2].size())) return axis - (2 - static_cast<int>(in[2].size()));
    return std::nullopt;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_rank(node, in[0], 2, "A");
    expect_rank(node, in[1], 2, "B");
    const bool ta = node.get_int("transA", 0) != 0, tb = node.get_int("transB", 0) != 0;
    const auto m = in[0].shape[ta ? 1 : 0], k = in[0].shape[ta ? 0 : 1];
    const auto k2 = in[1].shape[tb ? 1 : 0], n = in[1].shape[tb ? 0 : 1];
    if (k != k2) fail(node, "inner dimensions differ: " + to_string(in[0]) + " x " + to_string(in[1]));
    if (in.size() == 3 && !broadcast_shapes(in[2].shape, {m, n}) )
      fail(node, "C " + to_string(in[2]) + " does not broadcast to " + to_string(Shape{m, n}));
    return {{DType::Float, {m, n}}};
  }
  static Claim claim(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const bool ta = node.get_int("transA", 0) != 0, tb = node.get_int("transB", 0) != 0;
    Action out;
    if (const auto* a = actions[0].on(ta ? 1 : 0)) out.add(0, *a);
    if (const auto* b = actions[1].on(tb ? 0 : 1)) out.add(1, *b);
    if (in.size() == 3)
      for (const auto& c : actions[2].axes) out.add(c.axis + 2 - static_cast<int>(in[2].shape.size()), c);
    return {{out}};
  }
  /// Rows times fixed weights plus a C shared by every row: token-wise linear. A fixed C with a
  /// row per token ([m, n] or [m, 1], m > 1) adds each token its own bias, which breaks.
  static std::string_view family(const Node& node, std::span<const TensorType> in, std::span<const Action> actions) {
    const bool ta = node.get_int("transA", 0) != 0;
    const bool rows_only = acted_axes(actions[0]) == std::vector<int>{ta ? 1 : 0};
    const bool bias_per_row = in.size() == 3 && in[2].shape.size() == 2 && in[2].shape[0] > 1;
    return rows_only && all_invariant(actions.subspan(1)) && !bias_per_row ? "token-wise-linear" : "";
  }
  static Degree degree(const Node&, std::span<const Degree> in) {
    const Degree product = degree_sum(in.subspan(0, 2));
    if (in.size() < 3) return product;
    const std::array<Degree, 2> parts{product, in[2]};
    return degree_max(parts);
  }
  template <class S>
  static Outputs<S> eval(const Node& node, Inputs<S> in, const EvalOptions&) {
    const bool ta = node.get_int("transA", 0) != 0, tb = node.get_int("transB", 0) != 0;
    const S alpha = Domain<S>::constant(rational_from_double(node.get_float("alpha", 1.0)));
    const S beta = Domain<S>::constant(rational_from_double(node.get_float("beta", 1.0)));
    const auto& a = *in[0];
    const auto& b = *in[1];
    const auto m = a.shape[ta ? 1 : 0], k = a.shape[ta ? 0 : 1], n = b.shape[tb ? 0 : 1];
    Tensor<S> out(DType::Float, {m, n});
    std::optional<Tensor<S>> c;
    if (in.size() == 3 && in[2]) c = broadcast_to(*in[2], {m, n});
    if constexpr (std::is_floating_point_v<S>) {
      float_matrix_product(a.data.data(), b.data.data(), out.data.data(), m, k, n, ta, tb);
      for (std::size_t i = 0; i < out.data.size(); ++i) out.data[i] = alpha * out.data[i] + (c ? beta * c->data[i] : S(0));
      return {out};
    }
    for (std::int64_t i = 0; i < m; ++i)
      for (std::int64_t j = 0; j < n; ++j) {
        S sum = Domain<S>::from_int(0);
        for (std::int64_t r = 0; r < k; ++r)
          sum = sum + a.data[static_cast<std::size_t>(ta ? r * m + i : i * k + r)] * b.data[static_cast<std::size_t>(tb ? j * k + r : r * n + j)];
        sum = alpha * sum;
        if (c) sum = sum + beta * c->data[static_cast<std::size_t>(i * n + j)];
        out.data[static_cast<std::size_t>(i * n + j)] = sum;
      }
    return {out};
  }
  /// dA' = alpha g B'^T and dB' = alpha A'^T g, each written as one Gemm (transposed back where
  /// the operand was transposed); dC = beta g summed to C's shape.
  static void vjp(VjpContext& c) {
    const auto& g = *c.cotangent();
    const bool ta = c.node().get_int("transA", 0) != 0, tb = c.node().get_int("transB", 0) != 0;
    const double alpha = c.node().get_float("alpha", 1.0), beta = c.node().get_float("beta", 1.0);
    const auto gemm = [&](const Value& x, const Value& y, bool tx, bool ty) {
      Attributes attrs{{"transA", std::int64_t{tx}}, {"transB", std::int64_t{ty}}};
      if (alpha != 1.0) attrs["alpha"] = alpha;
      return c.emit("Gemm", {x, y}, std::move(attrs));
    };
    const Value a = c.input(0), b = c.input(1);
    if (c.wants(0)) c.give(0, ta ? gemm(b, g, tb, true) : gemm(g, b, false, !tb));
    if (c.wants(1)) c.give(1, tb ? gemm(g, a, true, ta) : gemm(a, g, !ta, false));
    if (c.present(2) && c.wants(2)) c.give_unbroadcast(2, beta == 1.0 ? g : c.scale(g, beta));
  }

  static std::int64_t replay_work(const Node&, std::span<const Shape> in) { return product_replay_work(in); }
  static AffineProduct affine_product(const Node& node) {
    return {node.get_int("transA", 0) != 0, node.get_int("transB", 0) != 0, node.get_float("alpha", 1.0), node.get_float("beta", 1.0)};
  }
  /// C read as a [rows, cols] broadcast to [m, n]: C(i, j) = c[(rows == 1 ? 0 : i) * cols + (cols
  /// == 1 ? 0 : j)]. nullopt: C does not broadcast that way.
  static std::optional<std::pair<std::int64_t, std::int64_t>> bias_layout(const Shape& c, std::int64_t m, std::int64_t n) {
    if (c.size() > 2) return std::nullopt;
    const std::int64_t rows = c.size() == 2 ? c[0] : 1, cols = c.empty() ? 1 : c.back();
    if ((rows != 1 && rows != m) || (cols != 1 && cols != n)) return std::nullopt;
    return std::make_pair(rows, cols);
  }
  template <class F>
  static std::optional<std::vector<Tensor<F>>> fast(const Node& node, std::span<const numeric::Operand<F>> ops, const FastContext&) {
    if (ops.size() != 2 && ops.size() != 3) return std::nullopt;
    const auto& A = ops[0];
    const auto& B = ops[1];
    if (A.dtype != DType::Float || B.dtype != DType::Float || A.shape.size() != 2 || B.shape.size() != 2) return std::nullopt;
    const bool ta = node.get_int("transA", 0) != 0, tb = node.get_int("transB", 0) != 0;
    const auto m = A.shape[ta ? 1 : 0], k = A.shape[ta ? 0 : 1], n = B.shape[tb ? 0 : 1];
    if (B.shape[tb ? 1 : 0] != k) return std::nullopt;
    std::optional<std::pair<std::int64_t, std::int64_t>> c_layout;
    if (ops.size() == 3) {
      if (ops[2].dtype != DType::Float) return std::nullopt;
      c_layout = bias_layout(ops[2].shape, m, n);
      if (!c_layout) return std::nullopt;
    }
    Tensor<F> out(DType::Float, {m, n});
    float_matrix_product(A.data, B.data, out.data.data(), m, k, n, ta, tb);
    const F alpha = static_cast<F>(node.get_float("alpha", 1.0)), beta = static_cast<F>(node.get_float("beta", 1.0));
    F* o = out.data.data();
    for (std::int64_t i = 0; i < m; ++i) {
      F* row = o + i * n;
      if (!c_layout) {
        for (std::int64_t j = 0; j < n; ++j) row[j] = alpha * row[j] + F(0);
        continue;
      }
      const F* c = ops[2].data + (c_layout->first == 1 ? 0 : i) * c_layout->second;
      if (c_layout->second == 1)
        for (std::int64_t j = 0; j < n; ++j) row[j] = alpha * row[j] + beta * c[0];
      else
        for (std::int64_t j = 0; j < n; ++j) row[j] = alpha * row[j] + beta * c[j];
    }
    return single<F>(std::move(out));
  }
};

/// Y = X W + b on the last axis, W of shape [in, out] (math layout), b optional of shape [out].
struct Linear : OpBase {
  static constexpr std::string_view name = "Linear", summary = "X W + b over the last axis (W is [in, out])", reference = "math layout of torch.nn.Linear";
  /// Rearranging positions commutes with this operator's claim, head blocks included.
  static constexpr bool structured_actions = true;
  static constexpr int min_inputs = 2, max_inputs = 3;
  /// Every axis of X but the last (which it contracts) lines up with the output's; the output's
  /// last axis with W's columns and the bias.
  static std::optional<int> aligned_axis(const Node&, std::span<const Shape> in, std::size_t k, int axis) {
    const int last = static_cast<int>(in[0].size()) - 1;
    if (k == 0 && axis < last) return axis;
    if (k == 1 && axis == last) return 1;
    if (k == 2 && axis == last) return 0;
    return std::nullopt;
  }
  static std::vector<TensorType> infer(const Node& node, std::span<const TensorType> in) {
    expect_dtype(node, in[0], DType::Float, "X");
    expect_rank(node, in[1], 2, "W");
    if (in[0].shape.empty() || in[0].shape.back() != in[1].shape[0])
      fail(node, "X " + to_string(in[0]) + " does not match W " + to_string(in[1]) + " (last axis of X must equal W's rows)");
    if (in.size() == 3 && in[2].shape != Shape{in[1].shape[1]})
      fail(node, "bias " + to_string(in[2]) + " must have shape [" + std::to_string(in[1].shape[1]) + "]");
    Shape out = in[0].shape;
    out.back() = in[1].shape[1];
    return {{DType::Float, out}};
  }
  static Claim claim(const Node&, std::span<const TensorType> in, std::span<const Action> actions) {
    const int last = static_cast<int>(in[0].shape.size()) - 1;
    Action out;
    for (const auto& a : actions[0].axes)
      if (a.axis != last) out.add(a.axis, a);
    if (const auto* w = actions[1].on(1)) out.add(last, *w);
    if (in.size() == 3)
      if (const auto* b = actions[2].on(0)) out.add(last, *b);
    return {{out}};
  }
  static Degree degree(const Node& node, std::span<const Degree> in) { return Gemm::degree(node, in); }
  static std::string_view family(const Node&, std::span<const TensorType> in, std::span<const Action> actions) {
    const bool last_acted = actions[0].offset_on(static_cast<int>(in[0].shape.size()) - 1).has_value();
    return !last_acted && all_invariant(actions.subspan(1)) ? "token-wise-linear" : "";
  }
  template <class S>
  static Outputs<S> eval(const Node&, Inputs<S> in, const EvalOptions&) {
    const auto& x = *in[0];
    const auto& w = *in[1];
    const auto rows = element_count(x.shape) / w.shape[0], k = w.shape[0], n = w.shape[1];
    Shape shape = x.shape;
    shape.back() = n;
    Tensor<S> out(DType::Float, shape);
    for (std::int64_t i = 0; i < rows; ++i)
      for (std::int64_t j = 0; j < n; ++j) {
        S sum = (in.size() == 3 && in[2]) ? in[2]->data[static_cast<std::size_t>(j)] : Domain<S>::from_int(0);
        for (std::int64_t r = 0; r < k; ++r)
          sum = sum + x.data[static_cast<std::size_t>(i * k + r)] * w.data[static_cast<std::size_t>(r * n + j)];
        out.data[static_cast<std::size_t>(i * n + j)] = sum;
      }
    return {out};
  }
  /// X W is a matmul (dX = g W^T per token, dW = X^T g over the tokens); db sums g over all rows.
  static void vjp(VjpContext& c) {
    matmul_vjp(c, 0, 1, *c.cotangent());
    if (c.present(2) && c.wants(2)) c.give(2, c.sum_like(*c.cotangent(), c.input(2)));
  }

  static std::int64_t replay_work(const Node&, std::span<const Shape> in) { return product_replay_work(in); }
  static AffineProduct affine_product(const Node&) { return {}; }
  /// X W + b as one product over all rows, then the bias (the builder's layers; the generic
  /// definition's scalar loops would dominate a large model).
  template <class F>
  static std::optional<std::vector<Tensor<F>>> fast(const Node&, std::span<const numeric::Operand<F>> ops, const FastContext&) {
    if (ops.size() != 2 && ops.size() != 3) return std::nullopt;
    const auto& X = ops[0];
    const auto& W = ops[1];
    if (X.dtype != DType::Float || W.dtype != DType::Float || X.shape.empty() || W.shape.size() != 2 || X.shape.back() != W.shape[0])
      return std::nullopt;
    const auto k = W.shape[0], p = W.shape[1];
    if (ops.size() == 3 && (ops[2].dtype != DType::Float || static_cast<std::int64_t>(ops[2].size) != p)) return std::nullopt;
    Shape shape = X.shape;
    shape.back() = p;
    Tensor<F> out(DType::Float, shape);
    const auto rows = k > 0 ? static_cast<std::int64_t>(X.size) / k : 0;
    if (rows <= 16) {
      // A few tokens: W read once for all rows, front to back, a panel of columns at a time (the
      // rows' panels, up to 512 KiB, stay in the second-level cache), without the packing a
      // matrix product spends on a large W. Each output element is the same sum in the same
      // order whatever the other rows are.
      using Row = Eigen::Array<F, 1, Eigen::Dynamic>;
      const std::int64_t panel = std::max<std::int64_t>(64, (std::int64_t{512} << 10) / static_cast<std::int64_t>(sizeof(F)) / std::max<std::int64_t>(rows, 1));
      std::fill(out.data.begin(), out.data.end(), F(0));
      for (std::int64_t j0 = 0; j0 < p; j0 += panel) {
        const auto width = std::min(panel, p - j0);
        for (std::int64_t r = 0; r < k; ++r) {
          const Eigen::Map<const Row> w_row(W.data + r * p + j0, width);
          for (std::int64_t i = 0; i < rows; ++i) Eigen::Map<Row>(out.data.data() + i * p + j0, width) += X.data[i * k + r] * w_row;
        }
      }
    } else {
      float_matrix_product(X.data, W.data, out.data.data(), rows, k, p, false, false);
    }
    if (ops.size() == 3)
      for (std::int64_t i = 0; i < rows; ++i) {
        F* row = out.data.data() + i * p;
        for (std::int64_t j = 0; j < p; ++j) row[j] += ops[2].data[j];
      }
    return single<F>(std::move(out));
  }
};

/// The operators this file defines, in the order `permeq ops` lists them.
using LinearAlgebraOperators = OperatorList<MatMul, Gemm, Linear>;

}  // namespace permeq::ops
