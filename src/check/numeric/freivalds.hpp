// src/check/numeric/freivalds.hpp: the numeric engine's comparison of f(sigma x) with sigma f(x)
// at one node (the largest difference against the rounding tolerance), and Freivalds' test for
// matrix products: (A' B') r = A' (B' r) for a random +-1 vector r costs a matrix-vector product
// instead of a second product. Included by numeric_engine.cpp only.
#pragma once

#include "permeq/ops/operator.hpp"
#include "permeq/symmetry/action.hpp"
#include "src/core/thread_team.hpp"
#include "src/ops/float_kernels.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <vector>

namespace permeq::numeric {

struct Comparison {
  double max_abs = 0.0, max_rel = 0.0, worst_ratio = 0.0, tolerance = 0.0;
  void add(double got, double expected, double tol) {
    const double diff = std::fabs(got - expected);
    if (std::isnan(got) != std::isnan(expected) || std::isinf(diff)) {
      worst_ratio = std::numeric_limits<double>::infinity();
      max_abs = std::numeric_limits<double>::infinity();
      return;
    }
    if (std::isnan(diff)) return;
    max_abs = std::max(max_abs, diff);
    if (expected != 0) max_rel = std::max(max_rel, diff / std::fabs(expected));
    const double ratio = tol > 0 ? diff / tol : (diff > 0 ? std::numeric_limits<double>::infinity() : 0.0);
    if (ratio >= worst_ratio) {
      worst_ratio = ratio;
      tolerance = tol;
    }
  }
};

/// The largest absolute and relative difference between f(sigma x), computed in the order of
/// X', and sigma f(x) read in place from f(x) through `runs`, and whether NaN stands on one side
/// only (a difference too). NaN on both sides (and inf - inf) is no difference, as in
/// Comparison::add. Each run of the last acted axis is gathered into a small buffer, then
/// compared as contiguous memory in vector registers.
struct Difference {
  double max_abs = 0.0, max_rel = 0.0;
  bool nan_mismatch = false;
};

template <class F>
void accumulate_difference(const F* got, const F* expected, std::size_t length, Difference& into) {
  // The relative difference costs a division per element, so it is computed only for a block
  // where some element exceeds the largest so far: d > max_rel |e| (e = 0 with d > 0 passes
  // this test too and is skipped below). Ties do not (rounding makes many elements tie at a few
  // ulps); the rounding of the product can hide a ratio above max_rel by at most an ulp of
  // max_rel, a reported figure only (the verdict reads the absolute difference against the
  // tolerance). A branch-free test: with short-circuit conditions the loop runs 3x slower.
  const double bound = into.max_rel;
  double max_abs = into.max_abs;
  int nan_mismatch = 0, may_exceed = 0;
#pragma omp simd reduction(max : max_abs) reduction(| : nan_mismatch, may_exceed)
  for (std::size_t i = 0; i < length; ++i) {
    const double g = static_cast<double>(got[i]), e = static_cast<double>(expected[i]);
    const double diff = std::fabs(g - e);
    nan_mismatch |= static_cast<int>((g != g) != (e != e));
    const double d = diff == diff ? diff : 0.0;
    max_abs = max_abs > d ? max_abs : d;
    may_exceed |= static_cast<int>(d > bound * std::fabs(e));
  }
  double max_rel = bound;
  if (may_exceed) {
#pragma omp simd reduction(max : max_rel)
    for (std::size_t i = 0; i < length; ++i) {
      const double g = static_cast<double>(got[i]), e = static_cast<double>(expected[i]);
      const double diff = std::fabs(g - e);
      const double rel = diff > 0 && e != 0 ? diff / std::fabs(e) : 0.0;
      max_rel = max_rel > rel ? max_rel : rel;
    }
  }
  into.max_abs = max_abs;
  into.max_rel = max_rel;
  into.nan_mismatch = into.nan_mismatch || nan_mismatch != 0;
}

template <class F>
Difference permuted_difference(const F* got, const F* expected, const PermutedRuns& runs) {
  Difference d;
  const auto inner = static_cast<std::size_t>(runs.inner), tail = runs.tail.size();
  std::vector<F> gathered(inner == 1 ? tail : 0);
  for (std::size_t o = 0; o < runs.outer.size(); ++o, got += tail * inner) {
    const F* from = expected + runs.outer[o];
    if (inner == 1) {
      for (std::size_t t = 0; t < tail; ++t) gathered[t] = from[runs.tail[t]];
      accumulate_difference(got, gathered.data(), tail, d);
    } else {
      for (std::size_t t = 0; t < tail; ++t) accumulate_difference(got + t * inner, from + runs.tail[t], inner, d);
    }
  }
  return d;
}

template <class F>
Tensor<F> to_tensor(const Operand<F>& x) {
  return Tensor<F>(x.dtype, x.shape, std::vector<F>(x.data, x.data + x.size));
}

/// Random +-1 vectors of Freivalds' test, and what is shared by both generators when the right
/// operand is fixed (a weight): B r for each generator's r, and |B| 1.
template <class F>
struct FreivaldsPrep {
  using Vector = Eigen::Matrix<F, Eigen::Dynamic, 1>;
  using MatrixMap = Eigen::Map<const Eigen::Matrix<F, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;
  std::array<Vector, 2> r;
  bool fixed_b = false;
  std::array<Vector, 2> br;
  Vector b_abs_rows;
  bool rows = false;  ///< A as [rows, k] and f(x) as [rows, p] (fixed 2-D B): |A| |B| 1 and |f(x)| 1 below
  Vector a_magnitude, out_abs_rows;
};

/// The random +-1 vector of Freivalds' test at node `index` for one generator, from the seed.
template <class F>
Eigen::Matrix<F, Eigen::Dynamic, 1> freivalds_vector(std::uint64_t seed, std::size_t index, std::size_t generator, std::int64_t size) {
  std::mt19937_64 rng(seed ^ (index * 2 + generator));
  std::uniform_int_distribution<int> coin(0, 1);
  Eigen::Matrix<F, Eigen::Dynamic, 1> r(size);
  for (std::int64_t j = 0; j < size; ++j) r[j] = coin(rng) ? F(1) : F(-1);
  return r;
}

/// op(B) r for both generators' r (prep.r) and |op(B)| 1, in one pass over B stored [rows, cols]
/// (op(B) = B, or B^T when `transposed`), into prep.br and prep.b_abs_rows. The pass is bound by
/// memory: a large B is split over `threads` threads of the team (disjoint ranges of the
/// results, so the split does not change a bit).
template <class F>
void fixed_right_products(const F* b, std::int64_t rows, std::int64_t cols, bool transposed, FreivaldsPrep<F>& prep, int threads) {
  using namespace Eigen::internal;
  using P = typename packet_traits<F>::type;
  constexpr std::int64_t width = packet_traits<F>::size;
  const F* r0 = prep.r[0].data();
  const F* r1 = prep.r[1].data();
  const auto k = transposed ? cols : rows;
  for (auto& v : prep.br) v.setZero(k);
  prep.b_abs_rows.setZero(k);
  prep.fixed_b = true;
  F* o0 = prep.br[0].data();
  F* o1 = prep.br[1].data();
  F* oa = prep.b_abs_rows.data();
  const int parts = rows * cols >= (std::int64_t{1} << 20) ? std::max(threads, 1) : 1;
  if (!transposed) {
    // Row i of B against r: three sums in one pass over the row.
    parallel_for(parts, parts, [&](std::int64_t part) {
      for (std::int64_t i = rows * part / parts; i < rows * (part + 1) / parts; ++i) {
        const F* row = b + i * cols;
        P s0 = pset1<P>(F(0)), s1 = s0, sa = s0;
        std::int64_t j = 0;
        for (; j + width <= cols; j += width) {
          const P v = ploadu<P>(row + j);
          s0 = pmadd(v, ploadu<P>(r0 + j), s0);
          s1 = pmadd(v, ploadu<P>(r1 + j), s1);
          sa = padd(sa, pabs(v));
        }
        F t0 = predux(s0), t1 = predux(s1), ta = predux(sa);
        for (; j < cols; ++j) {
          t0 += row[j] * r0[j];
          t1 += row[j] * r1[j];
          ta += std::fabs(row[j]);
        }
        o0[i] = t0;
        o1[i] = t1;
        oa[i] = ta;
      }
    });
    return;
  }
  // B^T r = sum over rows j of r[j] B[j, :], row after row; the threads take ranges of columns.
  parallel_for(parts, parts, [&](std::int64_t part) {
    const auto l0 = cols * part / parts / 16 * 16, l1 = part + 1 == parts ? cols : cols * (part + 1) / parts / 16 * 16;
    for (std::int64_t j = 0; j < rows; ++j) {
      const F* row = b + j * cols;
      const F w0 = r0[j], w1 = r1[j];
      for (std::int64_t l = l0; l < l1; ++l) {
        o0[l] += w0 * row[l];
        o1[l] += w1 * row[l];
        oa[l] += std::fabs(row[l]);
      }
    }
  });
}

/// The random vectors (one per generator, as drawn before: seed ^ (2 index + generator)) and,
/// for a fixed 2-D right operand, B r and |B| 1 in one pass over B, shared by both generators.
template <class F>
FreivaldsPrep<F> prepare_freivalds(const std::vector<Operand<F>>& ops, bool fixed_right, const std::vector<Tensor<F>>& outputs, std::uint64_t seed, std::size_t index,
                                   int threads) {
using MatrixMap = typename FreivaldsPrep<F>::MatrixMap;
  FreivaldsPrep<F> prep;
  const auto& B = ops[1];
  const auto p = B.shape.back();
  for (std::size_t gi = 0; gi < 2; ++gi) prep.r[gi] = freivalds_vector<F>(seed, index, gi, p);
  if (B.shape.size() != 2 || !fixed_right) return prep;
  const auto k = B.shape[0];
  fixed_right_products(B.data, k, p, false, prep, threads);
  const auto& A = ops[0];
  if (k > 0 && A.shape.back() == k && outputs.size() == 1 && outputs[0].data.size() == A.size / static_cast<std::size_t>(k) * static_cast<std::size_t>(p)) {
    const auto rows = static_cast<std::int64_t>(A.size) / k;
    prep.rows = true;
    prep.a_magnitude = MatrixMap(A.data, rows, k).cwiseAbs() * prep.b_abs_rows;
    prep.out_abs_rows = MatrixMap(outputs[0].data.data(), rows, p).cwiseAbs().rowwise().sum();
  }
  return prep;
}

/// For Y = alpha op(A) op(B) + beta C with a fixed 2-D B (Gemm, Linear): the random vectors and
/// op(B) r, |op(B)| 1 in one pass over B, shared by both generators. fixed_b false: another
/// case (the comparison then takes another path).
template <class F>
FreivaldsPrep<F> prepare_affine(const ops::AffineProduct& form, const std::vector<Operand<F>>& ops, bool fixed_right, const std::vector<Tensor<F>>& outputs,
                                std::uint64_t seed, std::size_t index, int threads) {
  FreivaldsPrep<F> prep;
  if (!fixed_right || ops.size() < 2 || outputs.size() != 1 || outputs[0].shape.empty() || ops[1].shape.size() != 2) return prep;
  const auto& B = ops[1];
  const auto p = outputs[0].shape.back();
  if (B.shape[form.transpose_b ? 0 : 1] != p) return prep;
  for (std::size_t gi = 0; gi < 2; ++gi) prep.r[gi] = freivalds_vector<F>(seed, index, gi, p);
  fixed_right_products(B.data, B.shape[0], B.shape[1], form.transpose_b, prep, threads);
  return prep;
}

/// Freivalds for X W with a fixed 2-D W when the actions move whole rows of X and of f(x):
/// A' (W r) and (sigma f(x)) r are rows of A (W r) and f(x) r, computed on the unpermuted
/// operands and read through the row permutation, without copying either. nullopt: the
/// actions act within rows.
template <class F>
std::optional<Comparison> freivalds_rows(const std::vector<Operand<F>>& ops, const Action& left_action, const Tensor<F>& output, const Action& out_action,
                                       const Permutation& sigma, const FreivaldsPrep<F>& prep, std::size_t generator, double tolerance_factor) {
using MatrixMap = typename FreivaldsPrep<F>::MatrixMap;
using Vector = typename FreivaldsPrep<F>::Vector;
constexpr double u_ = std::numeric_limits<F>::epsilon() / 2;
  if (!prep.fixed_b || !prep.rows) return std::nullopt;
  const auto& A = ops[0];
  const auto k = ops[1].shape[0], p = ops[1].shape[1];
  const auto rows = static_cast<std::int64_t>(A.size) / k;
  const auto a_rows = numeric::row_sources(numeric::permuted_runs(A.shape, left_action, sigma), k, rows);
  const auto e_rows = numeric::row_sources(numeric::permuted_runs(output.shape, out_action, sigma), p, rows);
  if (!a_rows || !e_rows) return std::nullopt;
  const Vector got = MatrixMap(A.data, rows, k) * prep.br[generator];
  const Vector want = MatrixMap(output.data.data(), rows, p) * prep.r[generator];
  Comparison c;
  for (std::int64_t i = 0; i < rows; ++i) {
    const auto ai = (*a_rows)[static_cast<std::size_t>(i)], ei = (*e_rows)[static_cast<std::size_t>(i)];
    const double tol = tolerance_factor * static_cast<double>(k + p + 4) * u_ *
                       std::max({static_cast<double>(prep.a_magnitude[ai]), static_cast<double>(prep.out_abs_rows[ei]), 1e-30});
    c.add(got[ai], want[ei], tol);
  }
  return c;
}

/// Y = alpha op(A) op(B) + beta C (Gemm, Linear) when the actions move whole rows of A (not
/// transposed, read as [rows, k]) and of Y, and leave op(B) and C alone: Freivalds' test on the
/// random vector r, alpha A' (op(B) r) + beta (C r) against (sigma Y) r, computed on the
/// unpermuted A and Y and read through the row permutation, without copying either; C is read in
/// place at the row it holds in f(sigma x) (it is not moved). Rounding of both sides is bounded by
/// (k + p + 4) u times |alpha| |A| (|op(B)| 1) + |beta| |C| 1 and |Y| 1 per row. op(B) r and |op(B)| 1 come
/// from prepare_affine (one pass over B for both generators). nullopt: another
/// case (A transposed, A or Y acted within rows, op(B) or C acted, C not broadcast by rows).
template <class F>
std::optional<Comparison> freivalds_affine_rows(const ops::AffineProduct& form, const std::vector<Operand<F>>& ops, const std::vector<const Action*>& actions,
                                              const Tensor<F>& output, const Action& out_action, const Permutation& sigma,
                                              const FreivaldsPrep<F>& prep, std::size_t generator, double tolerance_factor) {
  using Matrix = Eigen::Matrix<F, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using MatrixMap = Eigen::Map<const Matrix>;
  using Vector = Eigen::Matrix<F, Eigen::Dynamic, 1>;
  constexpr double u = std::numeric_limits<F>::epsilon() / 2;
  if (!prep.fixed_b || form.transpose_a || ops.size() < 2 || ops.size() > 3 || actions.size() != ops.size() || ops[1].shape.size() != 2 || output.shape.empty())
    return std::nullopt;
  const Vector& r = prep.r[generator];
  for (std::size_t i = 1; i < ops.size(); ++i)
    if (!actions[i]->invariant()) return std::nullopt;
  const auto& A = ops[0];
  const auto& B = ops[1];
  const auto k = B.shape[form.transpose_b ? 1 : 0], p = B.shape[form.transpose_b ? 0 : 1];
  if (A.shape.empty() || A.shape.back() != k || k <= 0 || p <= 0 || output.shape.back() != p || r.size() != p) return std::nullopt;
  const auto rows = static_cast<std::int64_t>(A.size) / k;
  if (static_cast<std::int64_t>(output.data.size()) != rows * p) return std::nullopt;
  // C(i, j) = c[(c_rows == 1 ? 0 : i) * c_cols + (c_cols == 1 ? 0 : j)].
  std::int64_t c_rows = 1, c_cols = 1;
  if (ops.size() == 3) {
    const auto& c = ops[2].shape;
    if (c.size() > 2) return std::nullopt;
    c_rows = c.size() == 2 ? c[0] : 1;
    c_cols = c.empty() ? 1 : c.back();
    if ((c_rows != 1 && c_rows != rows) || (c_cols != 1 && c_cols != p)) return std::nullopt;
  }
  const auto a_rows = row_sources(permuted_runs(A.shape, *actions[0], sigma), k, rows);
  const auto e_rows = row_sources(permuted_runs(output.shape, out_action, sigma), p, rows);
  if (!a_rows || !e_rows) return std::nullopt;
  const Vector& br = prep.br[generator];
  const Vector& b_abs_rows = prep.b_abs_rows;
  if (br.size() != k) return std::nullopt;
  const MatrixMap a(A.data, rows, k), y(output.data.data(), rows, p);
  const Vector got = a * br, want = y * r, a_magnitude = a.cwiseAbs() * b_abs_rows, want_abs = y.cwiseAbs().rowwise().sum();
  // C r and |C| 1 for each row C has (one row when broadcast).
  Vector cr = Vector::Zero(c_rows), c_abs = Vector::Zero(c_rows);
  if (ops.size() == 3)
    for (std::int64_t i = 0; i < c_rows; ++i) {
      const F* row = ops[2].data + i * c_cols;
      for (std::int64_t j = 0; j < p; ++j) {
        const F v = row[c_cols == 1 ? 0 : j];
        cr[i] += v * r[j];
        c_abs[i] += std::fabs(v);
      }
    }
  const double alpha = form.alpha, beta = ops.size() == 3 ? form.beta : 0.0;
  Comparison c;
  for (std::int64_t i = 0; i < rows; ++i) {
    const auto ai = (*a_rows)[static_cast<std::size_t>(i)], ei = (*e_rows)[static_cast<std::size_t>(i)], ci = c_rows == 1 ? 0 : i;
    const double lhs = alpha * static_cast<double>(got[ai]) + beta * static_cast<double>(cr[ci]);
    const double magnitude = std::fabs(alpha) * static_cast<double>(a_magnitude[ai]) + std::fabs(beta) * static_cast<double>(c_abs[ci]);
    const double tol = tolerance_factor * static_cast<double>(k + p + 4) * u * std::max({magnitude, static_cast<double>(want_abs[ei]), 1e-30});
    c.add(lhs, want[ei], tol);
  }
  return c;
}

/// MatMul [batch..., m, k] x [batch..., k, p] (or a shared [k, p]) with acted operands, without
/// moving them: sigma acts as one permutation per axis (axis_sources), so with A'[i, l] =
/// A[am(i), ak(l)], B'[l, j] = B[bk(l), bp(j)] and (sigma Y)[i, j] = Y[ym(i), yp(j)] (per batch,
/// each through its batch map):
///   (B' r)[l] = (B rb)[bk(l)] with rb[bp(j)] = r[j];  (A' (B' r))[i] = (A u)[am(i)] with
///   u[ak(l)] = (B' r)[l];  ((sigma Y) r)[i] = (Y ry)[ym(i)] with ry[yp(j)] = r[j];
/// the same real numbers as Freivalds' test on the moved operands, summed in another order, so the
/// same rounding bound holds: (k + p + 4) u times |A'| (|B'| 1) and |sigma Y| 1 per row, read the
/// same way. nullopt: broadcast batch axes (the caller moves the operands instead).
template <class F>
std::optional<Comparison> freivalds_in_place(const Operand<F>& A, const Action& a_action, const Operand<F>& B, const Action& b_action, const Tensor<F>& Y,
                                           const Action& y_action, const Permutation& sigma, const Eigen::Matrix<F, Eigen::Dynamic, 1>& r,
                                           double tolerance_factor) {
  using MatrixMap = typename FreivaldsPrep<F>::MatrixMap;
  using Vector = typename FreivaldsPrep<F>::Vector;
  constexpr double u = std::numeric_limits<F>::epsilon() / 2;
  const auto rank = Y.shape.size();
  if (rank < 2 || A.shape.size() != rank || (B.shape.size() != rank && B.shape.size() != 2)) return std::nullopt;
  const auto batch_rank = rank - 2, b_batch_rank = B.shape.size() - 2;
  const auto m = A.shape[rank - 2], k = A.shape[rank - 1], p = B.shape.back();
  if (B.shape[b_batch_rank] != k || Y.shape[rank - 2] != m || Y.shape[rank - 1] != p || static_cast<std::int64_t>(r.size()) != p) return std::nullopt;
  for (std::size_t d = 0; d < batch_rank; ++d)
    if (A.shape[d] != Y.shape[d] || (b_batch_rank > 0 && B.shape[d] != Y.shape[d])) return std::nullopt;
  const auto am = axis_sources(A.shape, a_action, sigma), bm = axis_sources(B.shape, b_action, sigma), ym = axis_sources(Y.shape, y_action, sigma);
  const auto a_batches = mapped_offsets(A.shape, am, batch_rank), b_batches = mapped_offsets(B.shape, bm, b_batch_rank),
             y_batches = mapped_offsets(Y.shape, ym, batch_rank);
  const auto& a_rows = am[rank - 2];
  const auto& a_cols = am[rank - 1];
  const auto& b_rows = bm[b_batch_rank];
  const auto& b_cols = bm[b_batch_rank + 1];
  const auto& y_rows = ym[rank - 2];
  const auto& y_cols = ym[rank - 1];
  Vector rb(p), ry(p);
  for (std::int64_t j = 0; j < p; ++j) {
    rb[b_cols[static_cast<std::size_t>(j)]] = r[j];
    ry[y_cols[static_cast<std::size_t>(j)]] = r[j];
  }
  Vector br, b_abs, u_vec(k), u_abs(k);
  Comparison c;
  for (std::size_t t = 0; t < a_batches.size(); ++t) {
    if (t == 0 || b_batch_rank > 0) {
      const MatrixMap b(B.data + b_batches[b_batch_rank > 0 ? t : 0], k, p);
      br = b * rb;
      b_abs = b.cwiseAbs().rowwise().sum();
    }
    for (std::int64_t l = 0; l < k; ++l) {
      const auto to = a_cols[static_cast<std::size_t>(l)], from = b_rows[static_cast<std::size_t>(l)];
      u_vec[to] = br[from];
      u_abs[to] = b_abs[from];
    }
    const MatrixMap a(A.data + a_batches[t], m, k), y(Y.data.data() + y_batches[t], m, p);
    const Vector got = a * u_vec, magnitude = a.cwiseAbs() * u_abs, want = y * ry, want_abs = y.cwiseAbs().rowwise().sum();
    for (std::int64_t i = 0; i < m; ++i) {
      const auto ai = a_rows[static_cast<std::size_t>(i)], yi = y_rows[static_cast<std::size_t>(i)];
      const double tol = tolerance_factor * static_cast<double>(k + p + 4) * u *
                         std::max({static_cast<double>(magnitude[ai]), static_cast<double>(want_abs[yi]), 1e-30});
      c.add(got[ai], want[yi], tol);
    }
  }
  return c;
}

/// MatMul with both operands of rank >= 2 and equal batch shapes after broadcasting: compares
/// A' (B' r) with (sigma f(x)) r for one random +-1 vector r.
template <class F>
Comparison freivalds(const Node& node, const Operand<F>& A, const Operand<F>& B, const Tensor<F>& output, const Action& out_action, const Permutation& sigma,
                   const FreivaldsPrep<F>& prep, std::size_t generator, double tolerance_factor, const EvalOptions& real) {
using MatrixMap = typename FreivaldsPrep<F>::MatrixMap;
using Vector = typename FreivaldsPrep<F>::Vector;
constexpr double u_ = std::numeric_limits<F>::epsilon() / 2;
  const auto expected = numeric::apply_action_fast(numeric::operand_of(output), out_action, sigma);
  const auto m = A.shape[A.shape.size() - 2], k = A.shape.back(), p = B.shape.back();
  const auto mk = std::max<std::int64_t>(m * k, 1), kp = std::max<std::int64_t>(k * p, 1), mp = std::max<std::int64_t>(m * p, 1);
  const auto a_batches = static_cast<std::int64_t>(A.size) / mk, b_batches = static_cast<std::int64_t>(B.size) / kp;
  const auto batches = static_cast<std::int64_t>(expected.data.size()) / mp;
  if ((a_batches != batches && a_batches != 1) || (b_batches != batches && b_batches != 1) || expected.shape.size() < 2 ||
      expected.shape.back() != p || static_cast<std::int64_t>(prep.r[generator].size()) != p) {
    // General broadcasting: fall back to the full product.
    const auto a = to_tensor(A), b = to_tensor(B);
    const std::vector<const Tensor<F>*> ptrs{&a, &b};
    const auto got = evaluate_node<F>(node, ptrs, real);
    Comparison c;
    const double tol = tolerance_factor * static_cast<double>(k + 4) * u_ *
                       std::max({numeric::max_abs_finite(A.data, A.size) * numeric::max_abs_finite(B.data, B.size) * static_cast<double>(k), 1.0});
    if (got[0].data.size() != expected.data.size()) {
      c.add(0.0, std::numeric_limits<double>::infinity(), tol);
      return c;
    }
    for (std::size_t i = 0; i < got[0].data.size(); ++i) c.add(got[0].data[i], expected.data[i], tol);
    return c;
  }
  const Vector& r = prep.r[generator];
  Comparison c;
  // Rounding of both sides is bounded by the magnitudes |A| (|B| |r|) and |E| |r|.
  auto check_rows = [&](const Vector& got, const Vector& want, const Vector& magnitude, const Vector& want_abs) {
    for (Eigen::Index i = 0; i < got.size(); ++i) {
      const double tol = tolerance_factor * static_cast<double>(k + p + 4) * u_ * std::max({static_cast<double>(magnitude[i]), static_cast<double>(want_abs[i]), 1e-30});
      c.add(got[i], want[i], tol);
    }
  };
  if (b_batches == 1 && a_batches == batches) {
    // One right operand: every row of every batch of A' times the same B r.
    const auto rows = static_cast<std::int64_t>(A.size) / std::max<std::int64_t>(k, 1);
    MatrixMap a(A.data, rows, k), b(B.data, k, p), e(expected.data.data(), rows, p);
    const Vector br = prep.fixed_b ? prep.br[generator] : Vector(b * r);
    const Vector b_abs_rows = prep.fixed_b ? prep.b_abs_rows : Vector(b.cwiseAbs().rowwise().sum());
    check_rows(a * br, e * r, a.cwiseAbs() * b_abs_rows, e.cwiseAbs().rowwise().sum());
    return c;
  }
  for (std::int64_t t = 0; t < batches; ++t) {
    MatrixMap a(A.data + (a_batches == 1 ? 0 : t * m * k), m, k);
    MatrixMap b(B.data + (b_batches == 1 ? 0 : t * k * p), k, p);
    MatrixMap e(expected.data.data() + t * m * p, m, p);
    const Vector br = b * r;
    const Vector b_abs_rows = b.cwiseAbs().rowwise().sum();
    check_rows(a * br, e * r, a.cwiseAbs() * b_abs_rows, e.cwiseAbs().rowwise().sum());
  }
  return c;
}

}  // namespace permeq::numeric
