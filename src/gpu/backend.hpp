// src/gpu/backend.hpp: the numeric engine's device backend interface. No CUDA type and no permeq
// header beyond the standard library appear here: src/gpu/cuda_backend.cu (nvcc) implements it,
// and everything else compiles without nvcc.
//
// A backend computes float32 node kernels on host operands and returns host results: matrix
// products (cuBLAS on a GPU), row softmax, row normalisation and broadcast arithmetic. Weights a
// product reads are uploaded once and kept on the device under their name until the engine
// releases them after their last reader (so a model that does not fit streams layer by layer).
// What a backend does not support runs on the CPU (node_dispatch.hpp decides, per node).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace permeq::gpu {

/// True when this build compiled the CUDA backend (CMake option PERMEQ_CUDA).
[[nodiscard]] bool cuda_backend_built() noexcept;

/// What the machine offers: whether a GPU is visible to the backend, its name, and why not.
struct DeviceProbe {
  bool visible = false;
  std::string name;    ///< e.g. "NVIDIA H200"; empty when none is visible
  std::string reason;  ///< why none is visible ("no CUDA device: ...", "built without the CUDA backend")
};


/// The four broadcast arithmetic operators a backend computes.
enum class BinaryOp { Add, Sub, Mul, Div };

/// One batched row-major product C[t] = A[t] B[t or 0]: A is [batches, m, k], B [b_batches, k, p]
/// with b_batches 1 (shared) or batches, C [batches, m, p].
struct ProductShape {
  std::int64_t batches = 1, m = 0, k = 0, p = 0;
  bool shared_right = true;
};

/// Float32 kernels on host operands with host results. Calls may come from two threads (the
/// numeric engine runs both generators side by side); node_dispatch serialises them.
class DeviceBackend {
 public:
  virtual ~DeviceBackend() = default;
  /// The device's name, as the report shows it.
  [[nodiscard]] virtual std::string name() const = 0;
  /// C = A B (see ProductShape). `right_key` non-empty: B is a weight kept on the device under
  /// that name until forget(right_key).
  virtual void matmul(const ProductShape& shape, const float* a, const float* b, std::string_view right_key, float* c) = 0;
  /// Softmax of each row of [rows, columns]; false (y unspecified) when a row is -inf throughout,
  /// which the operator's definition reports as an error.
  virtual bool softmax_rows(std::int64_t rows, std::int64_t columns, const float* x, float* y) = 0;
  /// (x - mean) / sqrt(var + epsilon) * scale + bias over each row (`centered` false: RMSNorm,
  /// x / sqrt(mean(x^2) + epsilon) * scale); scale and bias (may be null) have `columns` values.
  virtual void normalize_rows(std::int64_t rows, std::int64_t columns, const float* x, const float* scale, const float* bias, float epsilon, bool centered,
                              float* y) = 0;
  /// y[i] = a[i] op b[i % b_size] for i < size; b_size divides size.
  virtual void binary(BinaryOp op, const float* a, std::size_t size, const float* b, std::size_t b_size, float* y) = 0;
  /// Drops the device copy of a weight kept under `key` (no effect when none is kept).
  virtual void forget(std::string_view key) = 0;
};

/// A device memory shortage the engine recovers from by running the node on the CPU.
struct DeviceOutOfMemory : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The CUDA runtime's side (cuda_backend.cu when built, no_cuda.cpp otherwise).
[[nodiscard]] DeviceProbe probe_cuda_runtime();
[[nodiscard]] std::unique_ptr<DeviceBackend> open_cuda_runtime_backend();

}  // namespace permeq::gpu
