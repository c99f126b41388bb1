// The float matrix product behind MatMul and Gemm in the numeric engine: Eigen's blocked,
// vectorised product. Threads (set_kernel_threads) split the result's columns into one block per
// thread, each an independent single-threaded Eigen product: one fork and join per product.
// Eigen's own threading of a product this size (128 rows) synchronises inside the product and
// is several times slower on two cores, dramatically so when another process shares them. The
// blocks run on the thread team (src/core/thread_team.hpp): when a worker is late, the caller
// computes its block instead of waiting for it.
#include "src/ops/kernels.hpp"
#include "src/core/thread_team.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <atomic>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace permeq {

namespace {
std::atomic<int> kernel_threads{0};  ///< 0: all available

int available_threads() {
#ifdef _OPENMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}
}  // namespace

void set_kernel_threads(int threads) {
  Eigen::setNbThreads(1);  // the products below thread themselves
  kernel_threads = threads <= 0 ? std::max(available_threads(), 1) : threads;
  start_team(kernel_threads);
}

namespace kernels {

template <class S>
void float_matrix_product(const S* a, const S* b, S* c, std::int64_t m, std::int64_t k, std::int64_t p, bool ta, bool tb) {
  using Matrix = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using Block = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;
  using OutBlock = Eigen::Map<Matrix, 0, Eigen::OuterStride<>>;
  Eigen::Map<const Matrix> A(a, ta ? k : m, ta ? m : k);
  // Columns [p0, p1) of C = op(A) op(B): op(B)'s columns p0..p1 are B's columns (rows if tb).
  auto part = [&](std::int64_t p0, std::int64_t p1) {
    OutBlock C(c + p0, m, p1 - p0, Eigen::OuterStride<>(p));
    if (!tb) {
      const Block B(b + p0, k, p1 - p0, Eigen::OuterStride<>(p));
      if (ta) C.noalias() = A.transpose() * B;
      else C.noalias() = A * B;
    } else {
      const Block B(b + p0 * k, p1 - p0, k, Eigen::OuterStride<>(k));
      if (ta) C.noalias() = A.transpose() * B.transpose();
      else C.noalias() = A * B.transpose();
    }
  };
  int threads = kernel_threads.load(std::memory_order_relaxed);
  if (threads <= 0) threads = std::max(available_threads(), 1);
  if (inside_parallel_for()) threads = 1;
  // Blocks narrower than 64 columns or products below ~4 MFLOP are not worth a fork.
  threads = static_cast<int>(std::min<std::int64_t>(threads, std::max<std::int64_t>(p / 64, 1)));
  if (m * k * p < (1 << 21)) threads = 1;
  if (threads <= 1) {
    part(0, p);
    return;
  }
  parallel_for(threads, threads, [&](std::int64_t t) {
    // Column blocks on multiples of 16 (whole vector registers).
    auto edge = [&](std::int64_t i) { return i == threads ? p : std::min(p, (p * i / threads + 8) / 16 * 16); };
    const auto p0 = edge(t), p1 = edge(t + 1);
    if (p1 > p0) part(p0, p1);
  });
}

template void float_matrix_product(const float*, const float*, float*, std::int64_t, std::int64_t, std::int64_t, bool, bool);
template void float_matrix_product(const double*, const double*, double*, std::int64_t, std::int64_t, std::int64_t, bool, bool);

}  // namespace kernels
}  // namespace permeq
