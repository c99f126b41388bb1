// The float matrix product behind MatMul and Gemm in the numeric engine: Eigen's blocked,
// vectorised product, threaded with OpenMP (set_kernel_threads).
#include "src/ops/kernels.hpp"

#include <Eigen/Core>

namespace permeq {

void set_kernel_threads(int threads) { Eigen::setNbThreads(threads); }

namespace kernels {

template <class S>
void float_matrix_product(const S* a, const S* b, S* c, std::int64_t m, std::int64_t k, std::int64_t p, bool ta, bool tb) {
  using Matrix = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  Eigen::Map<const Matrix> A(a, ta ? k : m, ta ? m : k), B(b, tb ? p : k, tb ? k : p);
  Eigen::Map<Matrix> C(c, m, p);
  if (!ta && !tb) C.noalias() = A * B;
  else if (ta && !tb) C.noalias() = A.transpose() * B;
  else if (!ta) C.noalias() = A * B.transpose();
  else C.noalias() = A.transpose() * B.transpose();
}

template void float_matrix_product(const float*, const float*, float*, std::int64_t, std::int64_t, std::int64_t, bool, bool);
template void float_matrix_product(const double*, const double*, double*, std::int64_t, std::int64_t, std::int64_t, bool, bool);

}  // namespace kernels
}  // namespace permeq
