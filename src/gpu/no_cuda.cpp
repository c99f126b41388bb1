// src/gpu/no_cuda.cpp: the CUDA runtime's side of device.hpp in a build without the CUDA backend
// (PERMEQ_CUDA off): no device is ever visible, and opening one is an Error(Unavailable).
#include "src/gpu/backend.hpp"

#include "permeq/core/error.hpp"

namespace permeq::gpu {

namespace {
constexpr const char* not_built = "this permeq was built without the CUDA backend (configure with -DPERMEQ_CUDA=ON where the CUDA toolkit is installed)";
}

bool cuda_backend_built() noexcept { return false; }

DeviceProbe probe_cuda_runtime() { return {false, "", not_built}; }

std::unique_ptr<DeviceBackend> open_cuda_runtime_backend() { throw Error(ErrorKind::Unavailable, std::string("--device cuda: ") + not_built); }

}  // namespace permeq::gpu
