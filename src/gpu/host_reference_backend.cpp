// src/gpu/host_reference_backend.cpp: the device backend's kernels in plain float32 loops on the
// CPU. Tests run it where a GPU would run (the selection, per-node dispatch and fallback logic
// are then exercised on any machine), and the GPU test compares the CUDA kernels with it.
#include "src/gpu/device.hpp"

#include <cmath>
#include <limits>
#include <string>

namespace permeq::gpu {
namespace {

class HostReferenceBackend final : public DeviceBackend {
 public:
  std::string name() const override { return "host reference backend"; }

  void matmul(const ProductShape& s, const float* a, const float* b, std::string_view, float* c) override {
    for (std::int64_t t = 0; t < s.batches; ++t) {
      const float* at = a + t * s.m * s.k;
      const float* bt = b + (s.shared_right ? 0 : t * s.k * s.p);
      float* ct = c + t * s.m * s.p;
      for (std::int64_t i = 0; i < s.m; ++i)
        for (std::int64_t j = 0; j < s.p; ++j) {
          float sum = 0.0f;
          for (std::int64_t l = 0; l < s.k; ++l) sum += at[i * s.k + l] * bt[l * s.p + j];
          ct[i * s.p + j] = sum;
        }
    }
  }

  bool softmax_rows(std::int64_t rows, std::int64_t columns, const float* x, float* y) override {
    for (std::int64_t r = 0; r < rows; ++r) {
      const float* in = x + r * columns;
      float* out = y + r * columns;
      float shift = -std::numeric_limits<float>::infinity();
      for (std::int64_t j = 0; j < columns; ++j) shift = std::fmax(shift, in[j]);
      if (columns > 0 && std::isinf(shift) && shift < 0) return false;
      float total = 0.0f;
      for (std::int64_t j = 0; j < columns; ++j) total += out[j] = std::exp(in[j] - shift);
      for (std::int64_t j = 0; j < columns; ++j) out[j] /= total;
    }
    return true;
  }

  void normalize_rows(std::int64_t rows, std::int64_t columns, const float* x, const float* scale, const float* bias, float epsilon, bool centered,
                      float* y) override {
    for (std::int64_t r = 0; r < rows; ++r) {
      const float* in = x + r * columns;
      float* out = y + r * columns;
      float mean = 0.0f;
      if (centered) {
        for (std::int64_t j = 0; j < columns; ++j) mean += in[j];
        mean /= static_cast<float>(columns);
      }
      float second = 0.0f;
      for (std::int64_t j = 0; j < columns; ++j) second += (in[j] - mean) * (in[j] - mean);
      const float denominator = std::sqrt(second / static_cast<float>(columns) + epsilon);
      for (std::int64_t j = 0; j < columns; ++j) out[j] = (in[j] - mean) / denominator * scale[j] + (bias ? bias[j] : 0.0f);
    }
  }

  void binary(BinaryOp op, const float* a, std::size_t size, const float* b, std::size_t b_size, float* y) override {
    for (std::size_t i = 0; i < size; ++i) {
      const float u = a[i], v = b[i % b_size];
      y[i] = op == BinaryOp::Add ? u + v : op == BinaryOp::Sub ? u - v : op == BinaryOp::Mul ? u * v : u / v;
    }
  }

  void forget(std::string_view) override {}
};

}  // namespace

std::unique_ptr<DeviceBackend> make_host_reference_backend() { return std::make_unique<HostReferenceBackend>(); }

}  // namespace permeq::gpu
