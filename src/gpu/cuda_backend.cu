// src/gpu/cuda_backend.cu: the device backend (backend.hpp) on a CUDA GPU: cuBLAS for the matrix
// products, plain kernels for the row softmax, the row normalisations and broadcast arithmetic.
//
// Arithmetic. Everything is float32. Products use cublasGemmStridedBatchedEx with float32 operands
// and CUBLAS_COMPUTE_32F in the default math mode, which never uses TF32 or lower precisions;
// cuBLAS may split and order the sums of a product as it likes (and contract to FMA). The row
// kernels reduce with a fixed tree per row: thread t sums the row's elements t, t + 256, ... in
// order, then the block adds the 256 partial sums pairwise; every row of a given length is
// reduced by the same operations wherever it lies, so the engine's exact shortcut holds for them.
// nvcc contracts a * b + c to FMA (its default). src/gpu/error_model.hpp says how the engine's
// tolerance covers all of this.
//
// Memory. Operands are copied to the device for each node and results back (activations live on
// the host); a weight read by a product is uploaded once and kept under its name until forget().
// When an allocation fails, the kept weights and scratch buffers are dropped and the allocation is
// tried once more; failing again is DeviceOutOfMemory, and the engine runs that node on the CPU.
//
// Loading. The CUDA runtime is linked statically and cuBLAS is opened with dlopen when a backend
// is first opened: linked dynamically, cuBLAS and cuBLASLt cost every run of `permeq` (a CPU
// check, `--version`) about 1.5 s and 200 MiB at start-up.
//
// Every CUDA and cuBLAS status is checked; a failure is an Error(Unavailable) naming the call.
#include "src/gpu/backend.hpp"

#include "permeq/core/error.hpp"

#include <cublas_v2.h>
#include <cuda_runtime.h>
#include <dlfcn.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace permeq::gpu {
namespace {

constexpr int block_threads = 256;
/// Grid-stride loops cover any size with at most this many blocks.
constexpr std::int64_t max_blocks = 65535;

[[noreturn]] void fail(const std::string& call, const std::string& detail) {
  throw Error(ErrorKind::Unavailable, "CUDA backend: " + call + " failed: " + detail);
}

void check(cudaError_t status, const char* call) {
  if (status == cudaSuccess) return;
  (void)cudaGetLastError();  // reset the last error, so that later calls report their own
  if (status == cudaErrorMemoryAllocation) throw DeviceOutOfMemory(std::string(call) + ": out of device memory");
  fail(call, cudaGetErrorString(status));
}

/// cublasGemmStridedBatchedEx, the exported C function (the header adds a C++ overload).
using GemmStridedBatched = cublasStatus_t (*)(cublasHandle_t, cublasOperation_t, cublasOperation_t, int, int, int, const void*, const void*, cudaDataType,
                                              int, long long, const void*, cudaDataType, int, long long, const void*, void*, cudaDataType, int, long long,
                                              int, cublasComputeType_t, cublasGemmAlgo_t);

/// The cuBLAS functions the backend calls, from the library opened at run time.
struct Cublas {
  decltype(&cublasCreate_v2) create = nullptr;
  decltype(&cublasDestroy_v2) destroy = nullptr;
  decltype(&cublasSetMathMode) set_math_mode = nullptr;
  GemmStridedBatched gemm_strided_batched = nullptr;
  decltype(&cublasGetStatusString) status_string = nullptr;
};

/// cuBLAS of the toolkit the backend was built with (PERMEQ_CUBLAS_LIBRARY, e.g. libcublas.so.13),
/// opened once and kept for the process.
const Cublas& cublas() {
  static const Cublas api = [] {
    void* library = dlopen(PERMEQ_CUBLAS_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!library) fail("dlopen(" PERMEQ_CUBLAS_LIBRARY ")", dlerror());
    auto symbol = [&](auto& function, const char* name) {
      function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(library, name));
      if (!function) fail(std::string("dlsym(") + name + ")", PERMEQ_CUBLAS_LIBRARY " does not export it");
    };
    Cublas a;
    symbol(a.create, "cublasCreate_v2");
    symbol(a.destroy, "cublasDestroy_v2");
    symbol(a.set_math_mode, "cublasSetMathMode");
    symbol(a.gemm_strided_batched, "cublasGemmStridedBatchedEx");
    symbol(a.status_string, "cublasGetStatusString");
    return a;
  }();
  return api;
}

void check(cublasStatus_t status, const char* call) {
  if (status == CUBLAS_STATUS_SUCCESS) return;
  if (status == CUBLAS_STATUS_ALLOC_FAILED) throw DeviceOutOfMemory(std::string(call) + ": out of device memory");
  fail(call, cublas().status_string(status));
}

/// A cuBLAS dimension: an int, or an error naming it.
int cublas_dimension(std::int64_t value, const char* what) {
  if (value < 0 || value > INT_MAX) fail("cublasGemmStridedBatchedEx", std::string(what) + " = " + std::to_string(value) + " exceeds cuBLAS's int range");
  return static_cast<int>(value);
}

unsigned grid_for(std::int64_t units) { return static_cast<unsigned>(std::clamp<std::int64_t>(units, 1, max_blocks)); }

/// Device memory for `count` floats, freed with the buffer.
class DeviceBuffer {
 public:
  DeviceBuffer() = default;
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;
  DeviceBuffer(DeviceBuffer&& other) noexcept : data_(std::exchange(other.data_, nullptr)), capacity_(std::exchange(other.capacity_, 0)) {}
  DeviceBuffer& operator=(DeviceBuffer&&) = delete;
  ~DeviceBuffer() { release(); }
  void release() noexcept {
    if (data_) (void)cudaFree(data_);
    data_ = nullptr;
    capacity_ = 0;
  }
  /// Room for `count` floats (contents not kept); false when the device has no memory for it.
  [[nodiscard]] bool reserve(std::size_t count) {
    if (count <= capacity_) return true;
    release();
    void* p = nullptr;
    const auto status = cudaMalloc(&p, std::max<std::size_t>(count, 1) * sizeof(float));
    if (status == cudaErrorMemoryAllocation) {
      (void)cudaGetLastError();
      return false;
    }
    check(status, "cudaMalloc");
    data_ = static_cast<float*>(p);
    capacity_ = count;
    return true;
  }
  [[nodiscard]] float* data() const { return data_; }

 private:
  float* data_ = nullptr;
  std::size_t capacity_ = 0;
};

// -------------------------------------------------------------------------------------------
// Kernels. One block per row (grid-stride over rows), block_threads threads per block.

/// The sum of every thread's `value` in a fixed pairwise order, returned to every thread.
__device__ float block_sum(float value, float* shared) {
  shared[threadIdx.x] = value;
  __syncthreads();
  for (unsigned stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride) shared[threadIdx.x] += shared[threadIdx.x + stride];
    __syncthreads();
  }
  const float total = shared[0];
  __syncthreads();
  return total;
}

__device__ float block_max(float value, float* shared) {
  shared[threadIdx.x] = value;
  __syncthreads();
  for (unsigned stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride) shared[threadIdx.x] = fmaxf(shared[threadIdx.x], shared[threadIdx.x + stride]);
    __syncthreads();
  }
  const float top = shared[0];
  __syncthreads();
  return top;
}

__global__ void softmax_rows_kernel(std::int64_t rows, std::int64_t columns, const float* x, float* y, int* masked_row) {
  __shared__ float shared[block_threads];
  for (std::int64_t row = blockIdx.x; row < rows; row += gridDim.x) {
    const float* in = x + row * columns;
    float* out = y + row * columns;
    float top = -INFINITY;
    for (std::int64_t j = threadIdx.x; j < columns; j += blockDim.x) top = fmaxf(top, in[j]);
    top = block_max(top, shared);
    if (isinf(top) && top < 0) {
      if (threadIdx.x == 0) *masked_row = 1;
      continue;
    }
    float partial = 0.0f;
    for (std::int64_t j = threadIdx.x; j < columns; j += blockDim.x) {
      const float e = expf(in[j] - top);
      out[j] = e;
      partial += e;
    }
    const float total = block_sum(partial, shared);
    for (std::int64_t j = threadIdx.x; j < columns; j += blockDim.x) out[j] = out[j] / total;
  }
}

__global__ void normalize_rows_kernel(std::int64_t rows, std::int64_t columns, const float* x, const float* scale, const float* bias, float epsilon,
                                      bool centered, float* y) {
  __shared__ float shared[block_threads];
  const float count = static_cast<float>(columns);
  for (std::int64_t row = blockIdx.x; row < rows; row += gridDim.x) {
    const float* in = x + row * columns;
    float* out = y + row * columns;
    float mean = 0.0f;
    if (centered) {
      float partial = 0.0f;
      for (std::int64_t j = threadIdx.x; j < columns; j += blockDim.x) partial += in[j];
      mean = block_sum(partial, shared) / count;
    }
    float partial = 0.0f;
    for (std::int64_t j = threadIdx.x; j < columns; j += blockDim.x) partial += (in[j] - mean) * (in[j] - mean);
    const float denominator = sqrtf(block_sum(partial, shared) / count + epsilon);
    for (std::int64_t j = threadIdx.x; j < columns; j += blockDim.x) {
      const float v = (in[j] - mean) / denominator * scale[j];
      out[j] = bias ? v + bias[j] : v;
    }
  }
}

__global__ void binary_kernel(int op, const float* a, std::size_t size, const float* b, std::size_t b_size, float* y) {
  const std::size_t step = static_cast<std::size_t>(blockDim.x) * gridDim.x;
  for (std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < size; i += step) {
    const float u = a[i], v = b[i % b_size];
    y[i] = op == 0 ? u + v : op == 1 ? u - v : op == 2 ? u * v : u / v;
  }
}

// -------------------------------------------------------------------------------------------

class CudaBackend final : public DeviceBackend {
 public:
  CudaBackend() {
    int device = 0;
    check(cudaGetDevice(&device), "cudaGetDevice");
    cudaDeviceProp properties{};
    check(cudaGetDeviceProperties(&properties, device), "cudaGetDeviceProperties");
    name_ = properties.name;
    check(cublas().create(&handle_), "cublasCreate");
    check(cublas().set_math_mode(handle_, CUBLAS_DEFAULT_MATH), "cublasSetMathMode");
  }
  CudaBackend(const CudaBackend&) = delete;
  CudaBackend& operator=(const CudaBackend&) = delete;
  ~CudaBackend() override {
    weights_.clear();
    if (handle_) (void)cublas().destroy(handle_);
  }

  std::string name() const override { return name_; }

  void matmul(const ProductShape& s, const float* a, const float* b, std::string_view right_key, float* c) override {
    const int m = cublas_dimension(s.m, "m"), k = cublas_dimension(s.k, "k"), p = cublas_dimension(s.p, "p");
    const int batches = cublas_dimension(s.batches, "batches");
    const auto a_count = static_cast<std::size_t>(s.batches) * static_cast<std::size_t>(s.m) * static_cast<std::size_t>(s.k);
    const auto b_count = static_cast<std::size_t>(s.shared_right ? 1 : s.batches) * static_cast<std::size_t>(s.k) * static_cast<std::size_t>(s.p);
    const auto c_count = static_cast<std::size_t>(s.batches) * static_cast<std::size_t>(s.m) * static_cast<std::size_t>(s.p);
    reserve({{&a_scratch_, a_count}, {&c_scratch_, c_count}});
    // A kept weight, else B as scratch (reserving it may drop kept weights, none of them in use).
    const float* device_b = !right_key.empty() && s.shared_right ? kept_weight(right_key, b, b_count) : nullptr;
    if (!device_b) {
      reserve({{&a_scratch_, a_count}, {&b_scratch_, b_count}, {&c_scratch_, c_count}});
      upload(b_scratch_.data(), b, b_count);
      device_b = b_scratch_.data();
    }
    upload(a_scratch_.data(), a, a_count);
    // Row-major C = A B is column-major C^T = B^T A^T: cuBLAS multiplies B (p x k, leading p) by
    // A (k x m, leading k) into C (p x m, leading p).
    const float one = 1.0f, zero = 0.0f;
    const long long stride_a = static_cast<long long>(s.m) * s.k, stride_c = static_cast<long long>(s.m) * s.p;
    const long long stride_b = s.shared_right ? 0 : static_cast<long long>(s.k) * s.p;
    check(cublas().gemm_strided_batched(handle_, CUBLAS_OP_N, CUBLAS_OP_N, p, m, k, &one, device_b, CUDA_R_32F, p, stride_b, a_scratch_.data(), CUDA_R_32F, k,
                                     stride_a, &zero, c_scratch_.data(), CUDA_R_32F, p, stride_c, batches, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT),
          "cublasGemmStridedBatchedEx");
    download(c, c_scratch_.data(), c_count);
  }

  bool softmax_rows(std::int64_t rows, std::int64_t columns, const float* x, float* y) override {
    const auto count = static_cast<std::size_t>(rows) * static_cast<std::size_t>(columns);
    reserve({{&a_scratch_, count}, {&c_scratch_, count}, {&flag_, 1}});
    upload(a_scratch_.data(), x, count);
    check(cudaMemset(flag_.data(), 0, sizeof(int)), "cudaMemset");
    softmax_rows_kernel<<<grid_for(rows), block_threads>>>(rows, columns, a_scratch_.data(), c_scratch_.data(), reinterpret_cast<int*>(flag_.data()));
    check(cudaGetLastError(), "softmax kernel launch");
    int masked = 0;
    check(cudaMemcpy(&masked, flag_.data(), sizeof(int), cudaMemcpyDeviceToHost), "cudaMemcpy (softmax flag)");
    if (masked) return false;
    download(y, c_scratch_.data(), count);
    return true;
  }

  void normalize_rows(std::int64_t rows, std::int64_t columns, const float* x, const float* scale, const float* bias, float epsilon, bool centered,
                      float* y) override {
    const auto count = static_cast<std::size_t>(rows) * static_cast<std::size_t>(columns);
    const auto width = static_cast<std::size_t>(columns);
    reserve({{&a_scratch_, count}, {&b_scratch_, 2 * width}, {&c_scratch_, count}});
    upload(a_scratch_.data(), x, count);
    upload(b_scratch_.data(), scale, width);
    if (bias) upload(b_scratch_.data() + width, bias, width);
    normalize_rows_kernel<<<grid_for(rows), block_threads>>>(rows, columns, a_scratch_.data(), b_scratch_.data(), bias ? b_scratch_.data() + width : nullptr,
                                                             epsilon, centered, c_scratch_.data());
    check(cudaGetLastError(), "normalisation kernel launch");
    download(y, c_scratch_.data(), count);
  }

  void binary(BinaryOp op, const float* a, std::size_t size, const float* b, std::size_t b_size, float* y) override {
    reserve({{&a_scratch_, size}, {&b_scratch_, b_size}, {&c_scratch_, size}});
    upload(a_scratch_.data(), a, size);
    upload(b_scratch_.data(), b, b_size);
    const auto blocks = (static_cast<std::int64_t>(std::min<std::size_t>(size, std::size_t{1} << 62)) + block_threads - 1) / block_threads;
    binary_kernel<<<grid_for(blocks), block_threads>>>(static_cast<int>(op), a_scratch_.data(), size, b_scratch_.data(), b_size, c_scratch_.data());
    check(cudaGetLastError(), "arithmetic kernel launch");
    download(y, c_scratch_.data(), size);
  }

  void forget(std::string_view key) override { weights_.erase(std::string(key)); }

 private:
  static void upload(float* device, const float* host, std::size_t count) {
    check(cudaMemcpy(device, host, count * sizeof(float), cudaMemcpyHostToDevice), "cudaMemcpy (to the device)");
  }
  static void download(float* host, const float* device, std::size_t count) {
    check(cudaMemcpy(host, device, count * sizeof(float), cudaMemcpyDeviceToHost), "cudaMemcpy (to the host)");
  }

  /// Room in every listed buffer; on a shortage the kept weights and all scratch buffers are
  /// dropped and the buffers reserved once more (callers reserve before they upload).
  void reserve(std::initializer_list<std::pair<DeviceBuffer*, std::size_t>> wanted) {
    bool fits = true;
    for (const auto& [buffer, count] : wanted) fits = fits && buffer->reserve(count);
    if (fits) return;
    weights_.clear();
    for (auto* buffer : {&a_scratch_, &b_scratch_, &c_scratch_}) buffer->release();
    for (const auto& [buffer, count] : wanted)
      if (!buffer->reserve(count)) throw DeviceOutOfMemory("cudaMalloc of " + std::to_string(count) + " floats: out of device memory");
  }

  /// The device copy of weight `key`, uploaded on first use; null when it does not fit beside
  /// the scratch buffers (the caller then uploads it as scratch).
  const float* kept_weight(std::string_view key, const float* host, std::size_t count) {
    const std::string name(key);
    if (const auto it = weights_.find(name); it != weights_.end()) return it->second.data();
    DeviceBuffer buffer;
    if (!buffer.reserve(count)) return nullptr;
    upload(buffer.data(), host, count);
    return weights_.emplace(name, std::move(buffer)).first->second.data();
  }

  std::string name_;
  cublasHandle_t handle_ = nullptr;
  DeviceBuffer a_scratch_, b_scratch_, c_scratch_, flag_;
  std::unordered_map<std::string, DeviceBuffer> weights_;
};

}  // namespace

bool cuda_backend_built() noexcept { return true; }

DeviceProbe probe_cuda_runtime() {
  int count = 0;
  const auto status = cudaGetDeviceCount(&count);
  if (status != cudaSuccess) {
    (void)cudaGetLastError();
    return {false, "", std::string("no CUDA device is visible: ") + cudaGetErrorString(status)};
  }
  if (count == 0) return {false, "", "no CUDA device is visible"};
  int device = 0;
  cudaDeviceProp properties{};
  if (cudaGetDevice(&device) != cudaSuccess || cudaGetDeviceProperties(&properties, device) != cudaSuccess) {
    (void)cudaGetLastError();
    return {false, "", "the CUDA runtime lists a device but cannot describe it"};
  }
  return {true, properties.name, ""};
}

std::unique_ptr<DeviceBackend> open_cuda_runtime_backend() { return std::make_unique<CudaBackend>(); }

}  // namespace permeq::gpu
