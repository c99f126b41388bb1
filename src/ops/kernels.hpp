// src/ops/kernels.hpp: building blocks shared by operator definitions (broadcasting, axis loops,
// the common shape, claim and degree rules), so each definition states only what is its own.
#pragma once

#include "permeq/core/error.hpp"
#include "permeq/ops/operator.hpp"
#include "src/ops/domain.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <exception>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

namespace permeq::kernels {

/// C = op(A) op(B) for row-major float or double buffers (op: transpose or not), by Eigen's
/// blocked, vectorised and threaded product: the numeric engine spends its time here
/// (float_kernels.cpp).
template <class S>
void float_matrix_product(const S* a, const S* b, S* c, std::int64_t m, std::int64_t k, std::int64_t p, bool ta, bool tb);

[[noreturn]] inline void fail(const Node& node, const std::string& message) {
  throw Error(ErrorKind::Input, node.describe() + ": " + message);
}
[[noreturn]] inline void fail_eval(const Node& node, const std::string& message) {
  throw Error(ErrorKind::Evaluation, node.describe() + ": " + message);
}

inline int axis_attr(const Node& node, std::string_view key, std::int64_t fallback, std::size_t rank) {
  const auto axis = normalize_axis(node.get_int(key, fallback), rank);
  if (!axis) fail(node, "attribute '" + std::string(key) + "' = " + std::to_string(node.get_int(key, fallback)) +
                            " is out of range for rank " + std::to_string(rank));
  return *axis;
}

/// The axes a reduction node reduces (`axes`, sorted and unique; every axis when absent). The
/// numeric engine's kernels read them through this too.
inline std::vector<int> reduced_axes(const Node& node, std::size_t rank) {
  std::vector<int> axes;
  for (const auto a : node.get_ints("axes")) {
    const auto axis = normalize_axis(a, rank);
    if (!axis) fail(node, "axis " + std::to_string(a) + " is out of range for rank " + std::to_string(rank));
    axes.push_back(*axis);
  }
  if (axes.empty())
    for (std::size_t i = 0; i < rank; ++i) axes.push_back(static_cast<int>(i));
  std::sort(axes.begin(), axes.end());
  axes.erase(std::unique(axes.begin(), axes.end()), axes.end());
  return axes;
}

/// A contiguous or strided window on one axis: the common core of Slice and Split.
struct AxisWindow {
  int axis = 0;
  std::int64_t start = 0, step = 1, count = 0;
};

/// Slice's windows, one per sliced axis, from its starts/ends/axes/steps attributes as numpy
/// slicing reads them (negative indices count from the end, clamped to the axis). The numeric
/// engine's kernels read them through this too.
inline std::vector<AxisWindow> slice_windows(const Node& node, const Shape& shape) {
  const auto starts = node.get_sizes("starts"), ends = node.get_sizes("ends");
  auto axes = node.get_ints("axes");
  auto steps = node.get_ints("steps");
  if (!node.has("axes"))
    for (std::size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<std::int64_t>(i));
  if (!node.has("steps")) steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size())
    fail(node, "starts, ends, axes and steps must have the same length");
  std::vector<AxisWindow> result;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const auto axis = normalize_axis(axes[i], shape.size());
    if (!axis) fail(node, "axis " + std::to_string(axes[i]) + " is out of range for " + to_string(shape));
    if (steps[i] == 0) fail(node, "step must not be 0");
    const auto dim = shape[static_cast<std::size_t>(*axis)];
    auto clampi = [&](std::int64_t v, std::int64_t lo, std::int64_t hi) { return std::clamp(v < 0 ? v + dim : v, lo, hi); };
    const auto start = steps[i] > 0 ? clampi(starts[i], 0, dim) : clampi(starts[i], -1, dim - 1);
    const auto end = steps[i] > 0 ? clampi(ends[i], 0, dim) : clampi(ends[i], -1, dim - 1);
    const auto span = steps[i] > 0 ? end - start : start - end;
    const auto stride = std::abs(steps[i]);
    result.push_back({*axis, start, steps[i], span <= 0 ? 0 : (span + stride - 1) / stride});
  }
  return result;
}

/// The action a reshape keeps. An acted axis survives when some output axis has the same size and
/// the same product of sizes before it (both then cover the same flat index ranges). With
/// `tokens` known, a whole-axis action is followed through any reshape that keeps sigma's n
/// positions one factor of the flat index: sigma moves the digit (flat / inner) mod n, where
/// inner is the acted axis's stride times its block. When that digit lies whole inside one output
/// axis, the output action is that axis read as runs of n blocks (AxisAction): merging [h, d_h]
/// into h * d_h turns an action on h into blocks of d_h and one on d_h into h alike runs, [T, B*H,
/// d] to [T*B, H*d] (nn.MultiheadAttention's batch merge) gives blocks of B, and splitting undoes
/// that. nullopt: the reshape cuts sigma's digit, or puts two acted digits on one axis.
/// The numeric engine's kernels read it through this (without `tokens`).
inline std::optional<Action> reshaped_action(const Action& in, const Shape& from, const Shape& to, std::int64_t tokens = 0) {
  auto product = [](const Shape& s, std::size_t begin, std::size_t end) {
    std::int64_t p = 1;
    for (std::size_t i = begin; i < end; ++i) p *= s[i];
    return p;
  };
  Action out;
  for (const auto& a : in.axes) {
    const auto axis = static_cast<std::size_t>(a.axis);
    const std::int64_t before = product(from, 0, axis), length = from[axis];
    std::optional<int> target;
    AxisAction moved = a;
    for (std::size_t j = 0; j < to.size() && !target; ++j)
      if (product(to, 0, j) == before && to[j] == length) target = static_cast<int>(j);
    if (!target) {
      // In flat element units: sigma permutes `repeat` runs of n blocks of `block_elements`,
      // starting `offset_elements` into every period of the acted axis.
      if (tokens <= 0 || a.extent(tokens) > length) return std::nullopt;
      const std::int64_t unit = product(from, axis + 1, from.size()), period = unit * length;
      const std::int64_t block_elements = unit * a.block, offset_elements = unit * a.offset, runs_elements = block_elements * tokens * a.repeat;
      for (std::size_t j = 0; j < to.size() && !target; ++j) {
        const std::int64_t stride = product(to, j + 1, to.size()), span = stride * to[j];
        if (block_elements % stride != 0 || offset_elements % stride != 0) continue;
        const bool runs_fill = offset_elements == 0 && runs_elements == period;
        // One period: the structure carries over, offset included. Several periods: only when
        // the runs fill each period, so they stay contiguous. One run (the runs of a period split
        // over a coarser axis): every run moves alike, which is an action on this axis alone.
        if (span == period) moved = AxisAction{0, offset_elements / stride, block_elements / stride, a.repeat};
        else if (runs_fill && span % period == 0) moved = AxisAction{0, 0, block_elements / stride, a.repeat * (span / period)};
        else if (runs_fill && span == block_elements * tokens) moved = AxisAction{0, 0, block_elements / stride, 1};
        else continue;
        target = static_cast<int>(j);
      }
      if (!target) return std::nullopt;
    }
    if (out.on(*target)) return std::nullopt;
    out.add(*target, moved);
  }
  return out;
}

inline void expect_dtype(const Node& node, const TensorType& type, DType dtype, std::string_view what) {
  if (type.dtype != dtype)
    fail(node, std::string(what) + " must be " + std::string(to_string(dtype)) + ", got " + to_string(type));
}
inline void expect_rank(const Node& node, const TensorType& type, std::size_t rank, std::string_view what) {
  if (type.shape.size() != rank)
    fail(node, std::string(what) + " must have rank " + std::to_string(rank) + ", got " + to_string(type));
}

/// Maps each flat index of `out` to the flat index of a broadcast operand `in`.
inline std::vector<std::int64_t> broadcast_map(const Shape& out, const Shape& in) {
  const auto count = element_count(out);
  std::vector<std::int64_t> map(static_cast<std::size_t>(count));
  const auto in_strides = strides_of(in);
  const std::size_t lead = out.size() - in.size();
  std::vector<std::int64_t> index(out.size(), 0);
  for (std::int64_t flat = 0; flat < count; ++flat) {
    std::int64_t source = 0;
    for (std::size_t i = 0; i < in.size(); ++i)
      if (in[i] != 1) source += index[lead + i] * in_strides[i];
    map[static_cast<std::size_t>(flat)] = source;
    for (std::size_t i = out.size(); i-- > 0;) {
      if (++index[i] < out[i]) break;
      index[i] = 0;
    }
  }
  return map;
}

template <class S>
Tensor<S> broadcast_to(const Tensor<S>& in, const Shape& out) {
  Tensor<S> result(in.dtype, out);
  const auto map = broadcast_map(out, in.shape);
  for (std::size_t i = 0; i < map.size(); ++i) result.data[i] = in.data[static_cast<std::size_t>(map[i])];
  return result;
}

/// Elementwise loops over floats this long are split across the kernel threads (OpenMP); exact
/// and symbolic domains always run on one thread.
inline constexpr std::int64_t parallel_elements = 1 << 15;

/// Runs body(begin, end) over [0, size) in chunks, in parallel for floating-point domains. An
/// exception may not leave an OpenMP region (the process would terminate): the first one is
/// kept and rethrown after it.
template <class S, class Body>
void for_chunks(std::int64_t size, std::int64_t chunk, Body&& body) {
  if constexpr (std::is_floating_point_v<S>) {
    std::exception_ptr error;
#pragma omp parallel for if (size >= parallel_elements)
    for (std::int64_t c = 0; c < size; c += chunk) {
      try {
        body(static_cast<std::size_t>(c), static_cast<std::size_t>(std::min(size, c + chunk)));
      } catch (...) {
#pragma omp critical(permeq_kernel_error)
        if (!error) error = std::current_exception();
      }
    }
    if (error) std::rethrow_exception(error);
  } else {
    body(std::size_t{0}, static_cast<std::size_t>(size));
  }
}

template <class S, class F>
Tensor<S> map_unary(const Tensor<S>& in, F&& f) {
  Tensor<S> out(in.dtype, in.shape);
  for_chunks<S>(static_cast<std::int64_t>(in.data.size()), 1 << 14, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) out.data[i] = f(in.data[i]);
  });
  return out;
}

/// Where element i of a broadcast result reads an operand: the same index (same shape), i modulo
/// the operand's size (it matches the result's trailing axes: a bias, a per-feature scale), or a
/// precomputed map for any other broadcast.
class BroadcastIndex {
 public:
  BroadcastIndex(const Shape& out, const Shape& in) {
    const auto count = element_count(in);
    Shape trimmed(std::find_if(in.begin(), in.end(), [](std::int64_t d) { return d != 1; }), in.end());
    if (in == out) modulo_ = 0;
    else if (count == 1) modulo_ = 1;
    else if (trimmed.size() <= out.size() && std::equal(trimmed.begin(), trimmed.end(), out.end() - static_cast<std::ptrdiff_t>(trimmed.size())))
      modulo_ = count;
    else map_ = broadcast_map(out, in);
  }
  [[nodiscard]] std::size_t operator()(std::size_t i) const {
    if (!map_.empty()) return static_cast<std::size_t>(map_[i]);
    return modulo_ == 0 ? i : i % static_cast<std::size_t>(modulo_);
  }
  /// The operand index for result element i + 1, given `j` for element i: no division.
  [[nodiscard]] std::size_t next(std::size_t i, std::size_t j) const {
    if (!map_.empty()) return i + 1 < map_.size() ? static_cast<std::size_t>(map_[i + 1]) : 0;
    if (modulo_ == 0) return j + 1;
    return ++j == static_cast<std::size_t>(modulo_) ? 0 : j;
  }

 private:
  std::int64_t modulo_ = 0;  ///< 0: same index
  std::vector<std::int64_t> map_;
};

/// Elementwise over broadcast operands; `f` receives one scalar per operand.
template <class S, class F>
Tensor<S> map_broadcast(std::span<const Tensor<S>* const> in, DType dtype, F&& f) {
  Shape shape = in[0]->shape;
  for (std::size_t k = 1; k < in.size(); ++k) shape = *broadcast_shapes(shape, in[k]->shape);
  Tensor<S> out(dtype, shape);
  std::vector<BroadcastIndex> index;
  for (const auto* t : in) index.emplace_back(shape, t->shape);
  // Elements [begin, end): each operand's position is found once, then stepped without division.
  auto range = [&](std::size_t begin, std::size_t end) {
    std::array<std::size_t, 3> j{};
    for (std::size_t k = 0; k < in.size(); ++k) j[k] = index[k](begin);
    for (std::size_t i = begin; i < end; ++i) {
      if constexpr (std::is_invocable_v<F, const S&, const S&, const S&>) out.data[i] = f(in[0]->data[j[0]], in[1]->data[j[1]], in[2]->data[j[2]]);
      else out.data[i] = f(in[0]->data[j[0]], in[1]->data[j[1]]);
      for (std::size_t k = 0; k < in.size(); ++k) j[k] = index[k].next(i, j[k]);
    }
  };
  for_chunks<S>(static_cast<std::int64_t>(out.data.size()), 1 << 14, range);
  return out;
}

/// Output type of a numpy-broadcasting operator.
inline TensorType infer_broadcast(const Node& node, std::span<const TensorType> in, DType dtype) {
  Shape shape = in[0].shape;
  for (std::size_t k = 1; k < in.size(); ++k) {
    const auto joined = broadcast_shapes(shape, in[k].shape);
    if (!joined) {
      std::string shapes;
      for (const auto& t : in) shapes += (shapes.empty() ? "" : " and ") + to_string(t.shape);
      fail(node, "shapes " + shapes + " do not broadcast");
    }
    shape = *joined;
  }
  return {dtype, shape};
}

/// Claim of a broadcasting operator: every input's acted axis lands on the aligned output axis.
inline Claim claim_broadcast(std::span<const TensorType> in, std::span<const Action> actions, std::size_t out_rank) {
  Action out;
  for (std::size_t k = 0; k < in.size(); ++k)
    for (const auto& a : actions[k].axes)
      out.add(a.axis + static_cast<int>(out_rank - in[k].shape.size()), a);
  return {{out}};
}

inline Claim claim_first_input(std::span<const Action> actions, int outputs = 1) {
  return {std::vector<Action>(static_cast<std::size_t>(outputs), actions[0])};
}

/// Claim for an operator that removes `axes` (sorted) from its first input, e.g. a reduction.
inline Claim claim_removing_axes(const Action& in, const std::vector<int>& removed, bool keepdims) {
  Action out;
  for (const auto& a : in.axes) {
    if (std::find(removed.begin(), removed.end(), a.axis) != removed.end()) continue;
    const int shift = keepdims ? 0 : static_cast<int>(std::count_if(removed.begin(), removed.end(), [&](int r) { return r < a.axis; }));
    out.add(a.axis - shift, a);
  }
  return {{out}};
}

/// Size-generic family of a broadcasting map: token-wise exactly when every operand that extends
/// along an acted output axis is acted there alike (a fixed [n, d] table is not).
inline std::string_view family_broadcast(std::span<const TensorType> in, std::span<const Action> actions, std::size_t out_rank) {
  const Claim claim = claim_broadcast(in, actions, out_rank);
  for (const auto& a : claim.outputs[0].axes)
    for (std::size_t k = 0; k < in.size(); ++k) {
      const int aligned = a.axis - static_cast<int>(out_rank - in[k].shape.size());
      if (aligned >= 0 && in[k].shape[static_cast<std::size_t>(aligned)] > 1 && actions[k].offset_on(aligned) != a.offset) return {};
    }
  return "token-wise-map";
}

/// The acted axes of an action, as a sorted list.
inline std::vector<int> acted_axes(const Action& action) {
  std::vector<int> axes;
  for (const auto& a : action.axes) axes.push_back(a.axis);
  return axes;
}

inline bool all_invariant(std::span<const Action> actions) {
  return std::all_of(actions.begin(), actions.end(), [](const Action& a) { return a.invariant(); });
}

inline Degree degree_max(std::span<const Degree> in) {
  int best = 0;
  for (const auto& d : in) {
    if (!d) return std::nullopt;
    best = std::max(best, *d);
  }
  return best;
}
inline Degree degree_sum(std::span<const Degree> in) {
  int total = 0;
  for (const auto& d : in) {
    if (!d) return std::nullopt;
    total += *d;
  }
  return total;
}
/// Non-polynomial in general; still constant (degree 0) when every input is constant.
inline Degree degree_nonpolynomial(std::span<const Degree> in) {
  for (const auto& d : in)
    if (!d || *d != 0) return std::nullopt;
  return 0;
}

template <class S>
using Inputs = std::span<const Tensor<S>* const>;
template <class S>
using Outputs = std::vector<Tensor<S>>;

}  // namespace permeq::kernels
