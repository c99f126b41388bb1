// src/ops/float_kernels.hpp: building blocks of the operators' float kernels (the `fast` hooks of
// src/ops/float_path.hpp, declared in the definitions). They compute the hot operators of transformer graphs (matrix
// products on weights read in place, pointwise arithmetic, mean over trailing axes, softmax over
// the last axis, transposes, slices) without the generic evaluator's per-element index work.
// Data movement (transpose, slice, and reshape in the engine) only copies elements.
//
// Determinism contract, relied upon by the engine's exact shortcut (numeric_engine.cpp,
// through the definitions' `commutes_bitwise` hooks): every pointwise kernel computes output element i from the operand
// elements it reads by the same sequence of floating-point operations whatever i is and wherever
// the buffers lie in memory (IEEE +, -, *, / and sqrt are correctly rounded, so vector and scalar
// code agree; functions with a vector implementation (exp, erf) are always evaluated through the
// same packet code, the tail of a buffer in a zero-padded packet); every reduction sums one
// contiguous block in an order fixed by the index within the block (eight interleaved partial
// sums, combined in a fixed tree). So permuting whole rows of the inputs permutes the rows of
// the output bit for bit.
#pragma once

#include "permeq/core/error.hpp"
#include "permeq/core/shape.hpp"
#include "permeq/core/tensor.hpp"
#include "permeq/ir/graph.hpp"
#include "permeq/symmetry/action.hpp"
#include "src/ops/float_path.hpp"
#include "src/ops/kernels.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <optional>
#include <type_traits>
#include <vector>

namespace permeq::numeric {

// ---------------------------------------------------------------------------------------------
// Permutations along acted axes, by runs of contiguous elements.

/// sigma along the acted axes as one source index per position of every axis (the identity on
/// axes and positions it leaves alone): X'[i_0, ..., i_r] = X[map_0(i_0), ..., map_r(i_r)]. An
/// axis is acted at most once (Action::add), so every map is a permutation of its axis.
inline std::vector<std::vector<std::int64_t>> axis_sources(const Shape& shape, const Action& action, const Permutation& sigma) {
  const auto n = static_cast<std::int64_t>(sigma.size());
  const auto rank = shape.size();
  std::vector<std::vector<std::int64_t>> map(rank);
  for (std::size_t d = 0; d < rank; ++d) {
    map[d].resize(static_cast<std::size_t>(shape[d]));
    for (std::int64_t i = 0; i < shape[d]; ++i) map[d][static_cast<std::size_t>(i)] = i;
  }
  for (const auto& a : action.axes) {
    if (a.axis < 0 || static_cast<std::size_t>(a.axis) >= rank || shape[static_cast<std::size_t>(a.axis)] < a.extent(n))
      throw Error(ErrorKind::Internal, "action on axis " + std::to_string(a.axis) + " from " + std::to_string(a.offset) + " does not fit shape " +
                                           to_string(shape) + " for " + std::to_string(n) + " tokens");
    // Head blocks and alike runs: position offset + (run * n + i) * block + b reads block sigma[i].
    for (std::int64_t run = 0; run < a.repeat; ++run)
      for (std::int64_t i = 0; i < n; ++i)
        for (std::int64_t b = 0; b < a.block; ++b) {
          const auto base = a.offset + run * n * a.block + b;
          map[static_cast<std::size_t>(a.axis)][static_cast<std::size_t>(base + i * a.block)] = base + sigma[static_cast<std::size_t>(i)] * a.block;
        }
  }
  return map;
}

/// Where each run of `inner` contiguous elements of sigma-acted tensor X' comes from in X, with
/// inner the product of the axes after the last acted axis, factored over that axis: run
/// o * tail.size() + t reads X[outer[o] + tail[t] ...]. Small tables (one entry per position of
/// the last acted axis, one per index of the axes before it) instead of one per run: a
/// [12, 128, 128] attention matrix acted on its last two axes is 1536 + 128 entries, not 196608.
struct PermutedRuns {
  std::int64_t inner = 1;
  std::vector<std::int64_t> outer{0}, tail{0};
  [[nodiscard]] std::size_t count() const { return outer.size() * tail.size(); }
  [[nodiscard]] std::int64_t source(std::size_t run) const { return outer[run / tail.size()] + tail[run % tail.size()]; }
};

/// The offset of every index of the axes before `last` in a tensor of `shape`, each axis read
/// through its map (row-major order of the indices).
inline std::vector<std::int64_t> mapped_offsets(const Shape& shape, const std::vector<std::vector<std::int64_t>>& map, std::size_t last) {
  const auto strides = strides_of(shape);
  std::size_t count = 1;
  for (std::size_t d = 0; d < last; ++d) count *= static_cast<std::size_t>(shape[d]);
  std::vector<std::int64_t> offsets(count, 0);
  if (count == 0) return offsets;
  std::vector<std::int64_t> index(last, 0);
  for (std::size_t o = 0; o < count; ++o) {
    std::int64_t base = 0;
    for (std::size_t d = 0; d < last; ++d) base += map[d][static_cast<std::size_t>(index[d])] * strides[d];
    offsets[o] = base;
    for (std::size_t d = last; d-- > 0;) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return offsets;
}

inline PermutedRuns permuted_runs(const Shape& shape, const Action& action, const Permutation& sigma) {
  PermutedRuns runs;
  const auto map = axis_sources(shape, action, sigma);
  std::size_t last = 0;
  for (const auto& a : action.axes) last = std::max(last, static_cast<std::size_t>(a.axis) + 1);
  for (std::size_t d = last; d < shape.size(); ++d) runs.inner *= shape[d];
  if (last == 0) return runs;
  const auto tail_stride = strides_of(shape)[last - 1];
  runs.tail.resize(static_cast<std::size_t>(shape[last - 1]));
  for (std::size_t i = 0; i < runs.tail.size(); ++i) runs.tail[i] = map[last - 1][i] * tail_stride;
  runs.outer = mapped_offsets(shape, map, last - 1);
  return runs;
}

template <class F>
Tensor<F> apply_runs(const Operand<F>& x, const PermutedRuns& runs);

/// sigma applied along the acted axes (the same values as permeq::apply_action, by runs).
template <class F>
Tensor<F> apply_action_fast(const Operand<F>& x, const Action& action, const Permutation& sigma) {
  Tensor<F> out;
  out.dtype = x.dtype;
  out.shape = x.shape;
  if (action.invariant()) {
    out.data.assign(x.data, x.data + x.size);
    return out;
  }
  const auto runs = permuted_runs(x.shape, action, sigma);
  return apply_runs(x, runs);
}

/// X' from X by precomputed runs.
template <class F>
Tensor<F> apply_runs(const Operand<F>& x, const PermutedRuns& runs) {
  Tensor<F> out;
  out.dtype = x.dtype;
  out.shape = x.shape;
  out.data.resize(x.size);
  const auto inner = static_cast<std::size_t>(runs.inner);
  const auto tail = runs.tail.size();
  F* o = out.data.data();
  for (std::size_t r = 0; r < runs.outer.size(); ++r, o += tail * inner) {
    const F* from = x.data + runs.outer[r];
    if (inner == 1)
      for (std::size_t t = 0; t < tail; ++t) o[t] = from[runs.tail[t]];
    else
      for (std::size_t t = 0; t < tail; ++t) std::memcpy(o + t * inner, from + runs.tail[t], inner * sizeof(F));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fixed-order pieces.

/// Sum of x[0..n) in an order fixed by the indices alone: eight interleaved partial sums
/// (element i goes to sum i mod 8), combined pairwise.
template <class F>
F ordered_sum(const F* x, std::size_t n) {
  F acc[8] = {F(0), F(0), F(0), F(0), F(0), F(0), F(0), F(0)};
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (std::size_t l = 0; l < 8; ++l) acc[l] += x[i + l];
  for (; i < n; ++i) acc[i % 8] += x[i];
  return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

/// out[i] = op(packet of in)[lane] for every i, always through the packet code (the tail in a
/// zero-padded packet), so element i's value does not depend on i or on alignment.
template <class F, class PacketOp>
void packet_transform(const F* in, F* out, std::size_t n, PacketOp&& op) {
  using P = typename Eigen::internal::packet_traits<F>::type;
  constexpr std::size_t width = static_cast<std::size_t>(Eigen::internal::packet_traits<F>::size);
  std::size_t i = 0;
  for (; i + width <= n; i += width) Eigen::internal::pstoreu(out + i, op(Eigen::internal::ploadu<P>(in + i)));
  if (i < n) {
    F buffer[width];
    std::fill(buffer, buffer + width, F(0));
    std::copy(in + i, in + n, buffer);
    Eigen::internal::pstoreu(buffer, op(Eigen::internal::ploadu<P>(buffer)));
    std::copy(buffer, buffer + (n - i), out + i);
  }
}

/// Largest finite |x| (0 when none): the magnitude entering the rounding tolerance.
template <class F>
double max_abs_finite(const F* x, std::size_t n) {
  using namespace Eigen::internal;
  using P = typename packet_traits<F>::type;
  constexpr std::size_t width = static_cast<std::size_t>(packet_traits<F>::size);
  const F big = std::numeric_limits<F>::max();
  // |NaN| <= max and |inf| <= max are false: both count as 0.
  const P limit = pset1<P>(big);
  P m = pset1<P>(F(0));
  std::size_t i = 0;
  for (; i + width <= n; i += width) {
    const P a = pabs(ploadu<P>(x + i));
    m = pmax(m, pand(a, pcmp_le(a, limit)));
  }
  F result = predux_max(m);
  for (; i < n; ++i) {
    const F a = std::fabs(x[i]);
    if (a <= big && a > result) result = a;
  }
  return static_cast<double>(result);
}

/// For a tensor whose rows (the last `row_length` elements) the action moves whole: the source
/// row of each row of X' (nullopt when the action acts within rows).
inline std::optional<std::vector<std::int64_t>> row_sources(const PermutedRuns& runs, std::int64_t row_length, std::int64_t rows) {
  if (row_length <= 0 || runs.inner % row_length != 0) return std::nullopt;
  std::vector<std::int64_t> source(static_cast<std::size_t>(rows));
  for (std::int64_t i = 0; i < rows; ++i) {
    const auto flat = i * row_length;
    source[static_cast<std::size_t>(i)] = (runs.source(static_cast<std::size_t>(flat / runs.inner)) + flat % runs.inner) / row_length;
  }
  return source;
}

// ---------------------------------------------------------------------------------------------
// Pointwise kernels.



/// How a broadcast operand is read: element i of the result reads operand element
/// (i / repeat) mod period. Covers the same shape, the result's trailing axes (a bias), one value,
/// and those followed by axes of size 1 (a per-row statistic [rows, 1] against [rows, d]).
/// nullopt: another broadcast.
struct BroadcastLayout {
  std::int64_t repeat = 1, period = 1;
};

inline std::optional<BroadcastLayout> broadcast_layout(const Shape& out, const Shape& in) {
  if (in.size() > out.size()) return std::nullopt;
  Shape padded(out.size() - in.size(), 1);
  padded.insert(padded.end(), in.begin(), in.end());
  std::size_t t = padded.size();
  BroadcastLayout layout;
  while (t > 0 && padded[t - 1] == 1) layout.repeat *= out[--t];
  std::size_t lead = 0;
  while (lead < t && padded[lead] == 1) ++lead;
  for (std::size_t i = lead; i < t; ++i)
    if (padded[i] != out[i]) return std::nullopt;
  layout.period = element_count(in);
  if (layout.period == 1) layout.repeat = 1;
  return layout;
}

template <class F, bool ScalarA, bool ScalarB, class Op>
void binary_block(const F* a, const F* b, F* out, std::size_t n, Op op) {
  for (std::size_t j = 0; j < n; ++j) out[j] = op(a[ScalarA ? 0 : j], b[ScalarB ? 0 : j]);
}

template <class F, class Op>
void binary_loop(const F* a, BroadcastLayout la, const F* b, BroadcastLayout lb, F* out, std::int64_t size, Op op) {
  // Chunks within which each operand is one value (repeat > 1 or one element) or contiguous:
  // the smallest such length (they are all products of trailing axes, so each divides the next).
  std::int64_t block = size;
  for (const auto& l : {la, lb}) {
    if (l.repeat > 1) block = std::min(block, l.repeat);
    else if (l.period > 1) block = std::min(block, l.period);
  }
  if (block <= 0) return;
  const bool sa = la.repeat > 1 || la.period == 1, sb = lb.repeat > 1 || lb.period == 1;
  for (std::int64_t start = 0; start < size; start += block) {
    const F* pa = a + (start / la.repeat) % la.period;
    const F* pb = b + (start / lb.repeat) % lb.period;
    const auto n = static_cast<std::size_t>(block);
    if (sa && sb) binary_block<F, true, true>(pa, pb, out + start, n, op);
    else if (sa) binary_block<F, true, false>(pa, pb, out + start, n, op);
    else if (sb) binary_block<F, false, true>(pa, pb, out + start, n, op);
    else binary_block<F, false, false>(pa, pb, out + start, n, op);
  }
}

/// op(a, b) elementwise with numpy broadcasting of the simple kinds (same shape, trailing axes,
/// one value). nullopt: another broadcast, or operands that are not float.
template <class F, class Op>
std::optional<Tensor<F>> binary(const Operand<F>& a, const Operand<F>& b, Op op) {
  if (a.dtype != DType::Float || b.dtype != DType::Float) return std::nullopt;
  const auto shape = broadcast_shapes(a.shape, b.shape);
  if (!shape) return std::nullopt;
  const auto pa = broadcast_layout(*shape, a.shape), pb = broadcast_layout(*shape, b.shape);
  if (!pa || !pb) return std::nullopt;
  Tensor<F> out(DType::Float, *shape);
  binary_loop(a.data, *pa, b.data, *pb, out.data.data(), static_cast<std::int64_t>(out.data.size()), op);
  return out;
}

/// erf: for float, a 13/8-degree rational approximation accurate to a couple of ulp on [-4, 4]
/// (+-1 beyond, NaN kept), the one Eigen uses, evaluated in packets; for double, std::erf.
template <class F>
void erf_kernel(const F* in, F* out, std::size_t n) {
  if constexpr (std::is_same_v<F, float>) {
    using namespace Eigen::internal;
    using P = packet_traits<float>::type;
    packet_transform(in, out, n, [](const P& a_x) {
      const P x = pmax(pmin(a_x, pset1<P>(4.f)), pset1<P>(-4.f));
      const P x2 = pmul(x, x);
      P p = pmadd(x2, pset1<P>(-2.72614225801306e-10f), pset1<P>(2.77068142495902e-08f));
      p = pmadd(x2, p, pset1<P>(-2.10102402082508e-06f));
      p = pmadd(x2, p, pset1<P>(-5.69250639462346e-05f));
      p = pmadd(x2, p, pset1<P>(-7.34990630326855e-04f));
      p = pmadd(x2, p, pset1<P>(-2.95459980854025e-03f));
      p = pmadd(x2, p, pset1<P>(-1.60960333262415e-02f));
      p = pmul(x, p);
      P q = pmadd(x2, pset1<P>(-1.45660718464996e-05f), pset1<P>(-2.13374055278905e-04f));
      q = pmadd(x2, q, pset1<P>(-1.68282697438203e-03f));
      q = pmadd(x2, q, pset1<P>(-7.37332916720468e-03f));
      q = pmadd(x2, q, pset1<P>(-1.42647390514189e-02f));
      const P r = pdiv(p, q);
      return pselect(pcmp_eq(a_x, a_x), r, a_x);  // NaN stays NaN
    });
  } else {
    for (std::size_t i = 0; i < n; ++i) out[i] = std::erf(in[i]);
  }
}

// ---------------------------------------------------------------------------------------------
// Reductions and normalisations over trailing axes.

/// ReduceMean over a contiguous tail of axes: each output element is the fixed-order sum of one
/// contiguous block divided by the block's length. nullopt: other axes.
template <class F>
std::optional<Tensor<F>> reduce_mean_tail(const Node& node, const Operand<F>& x) {
  if (x.dtype != DType::Float || x.shape.empty()) return std::nullopt;
  const auto axes = kernels::reduced_axes(node, x.shape.size());
  if (axes.empty()) return std::nullopt;
  const int rank = static_cast<int>(x.shape.size());
  for (std::size_t i = 0; i < axes.size(); ++i)
    if (axes[i] != rank - static_cast<int>(axes.size()) + static_cast<int>(i)) return std::nullopt;
  std::int64_t block = 1;
  for (const int a : axes) block *= x.shape[static_cast<std::size_t>(a)];
  if (block <= 0) return std::nullopt;
  Shape out_shape;
  const bool keep = node.get_int("keepdims", 1) != 0;
  for (int i = 0; i < rank; ++i) {
    if (std::find(axes.begin(), axes.end(), i) == axes.end()) out_shape.push_back(x.shape[static_cast<std::size_t>(i)]);
    else if (keep) out_shape.push_back(1);
  }
  Tensor<F> out(DType::Float, out_shape);
  const F count = static_cast<F>(block);
  for (std::size_t r = 0; r < out.data.size(); ++r) out.data[r] = ordered_sum(x.data + r * static_cast<std::size_t>(block), static_cast<std::size_t>(block)) / count;
  return out;
}

/// Softmax over the last axis: shift by the row's maximum, exp in packets, fixed-order sum,
/// divide. nullopt: another axis.
template <class F>
std::optional<Tensor<F>> softmax_last(const Node& node, const Operand<F>& x) {
  if (x.dtype != DType::Float || x.shape.empty()) return std::nullopt;
  const auto axis = normalize_axis(node.get_int("axis", -1), x.shape.size());
  if (!axis || static_cast<std::size_t>(*axis) != x.shape.size() - 1) return std::nullopt;
  const auto length = static_cast<std::size_t>(x.shape.back());
  Tensor<F> out(DType::Float, x.shape);
  if (length == 0) return out;
  const std::size_t rows = x.size / length;
  using P = typename Eigen::internal::packet_traits<F>::type;
  for (std::size_t r = 0; r < rows; ++r) {
    const F* in = x.data + r * length;
    F* o = out.data.data() + r * length;
    F shift = in[0];
    for (std::size_t j = 1; j < length; ++j) shift = shift < in[j] ? in[j] : shift;
    // Every entry -inf: NaN in PyTorch; the operator's definition reports it.
    if (std::isinf(shift) && shift < 0) return std::nullopt;
    const P s = Eigen::internal::pset1<P>(shift);
    packet_transform(in, o, length, [&](const P& v) { return Eigen::internal::pexp(Eigen::internal::psub(v, s)); });
    const F total = ordered_sum(o, length);
    for (std::size_t j = 0; j < length; ++j) o[j] = o[j] / total;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Data movement.

template <class F>
Tensor<F> transpose(const Operand<F>& x, const std::vector<std::int64_t>& perm) {
  const auto rank = x.shape.size();
  Shape shape;
  for (const auto p : perm) shape.push_back(x.shape[static_cast<std::size_t>(p)]);
  Tensor<F> out(x.dtype, shape);
  if (out.data.empty()) return out;
  const auto in_strides = strides_of(x.shape);
  std::vector<std::int64_t> stride(rank);
  for (std::size_t j = 0; j < rank; ++j) stride[j] = in_strides[static_cast<std::size_t>(perm[j])];
  if (rank == 0) {
    out.data[0] = x.data[0];
    return out;
  }
  const auto inner = shape.back();
  const auto inner_stride = stride.back();
  const auto rows = static_cast<std::int64_t>(out.data.size()) / inner;
  std::vector<std::int64_t> index(rank - 1, 0);
  F* o = out.data.data();
  for (std::int64_t r = 0; r < rows; ++r) {
    std::int64_t src = 0;
    for (std::size_t j = 0; j + 1 < rank; ++j) src += index[j] * stride[j];
    const F* in = x.data + src;
    if (inner_stride == 1) std::memcpy(o, in, static_cast<std::size_t>(inner) * sizeof(F));
    else
      for (std::int64_t i = 0; i < inner; ++i) o[i] = in[i * inner_stride];
    o += inner;
    for (std::size_t j = rank - 1; j-- > 0;) {
      if (++index[j] < shape[j]) break;
      index[j] = 0;
    }
  }
  return out;
}

/// Slice's window on every axis (start, step, count), as the operator defines it
/// (kernels::slice_windows); unsliced axes are (0, 1, dim). nullopt: an axis sliced twice, which
/// the generic evaluator handles.
struct Window {
  std::int64_t start = 0, step = 1, count = 0;
};

inline std::optional<std::vector<Window>> slice_windows(const Node& node, const Shape& shape) {
  std::vector<Window> windows;
  for (const auto d : shape) windows.push_back({0, 1, d});
  std::vector<bool> seen(shape.size(), false);
  for (const auto& w : kernels::slice_windows(node, shape)) {
    const auto axis = static_cast<std::size_t>(w.axis);
    if (seen[axis]) return std::nullopt;
    seen[axis] = true;
    windows[axis] = {w.start, w.step, w.count};
  }
  return windows;
}

template <class F>
Tensor<F> slice(const Operand<F>& x, const std::vector<Window>& windows) {
  const auto rank = x.shape.size();
  Shape shape;
  for (const auto& w : windows) shape.push_back(w.count);
  Tensor<F> out(x.dtype, shape);
  if (out.data.empty()) return out;
  if (rank == 0) {
    out.data[0] = x.data[0];
    return out;
  }
  const auto strides = strides_of(x.shape);
  const auto& w_last = windows.back();
  const auto inner = w_last.count, inner_stride = w_last.step * strides.back();
  const auto rows = static_cast<std::int64_t>(out.data.size()) / inner;
  std::vector<std::int64_t> index(rank - 1, 0);
  F* o = out.data.data();
  for (std::int64_t r = 0; r < rows; ++r) {
    std::int64_t src = w_last.start * strides.back();
    for (std::size_t d = 0; d + 1 < rank; ++d) src += (windows[d].start + index[d] * windows[d].step) * strides[d];
    const F* in = x.data + src;
    if (inner_stride == 1) std::memcpy(o, in, static_cast<std::size_t>(inner) * sizeof(F));
    else
      for (std::int64_t i = 0; i < inner; ++i) o[i] = in[i * inner_stride];
    o += inner;
    for (std::size_t d = rank - 1; d-- > 0;) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

}  // namespace permeq::numeric
