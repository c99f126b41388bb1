// src/gpu/device.hpp: which device the numeric engine runs on, and opening its backend
// (src/gpu/backend.hpp).
//
// choose_device decides from the request (--device cpu|cuda|auto) and a probe of the machine; the
// CUDA runtime is asked only when the backend was built (PERMEQ_CUDA). Tests stand a host
// reference backend in for the GPU (ScopedDeviceOverride) to exercise the selection, dispatch and
// fallback logic on machines without one.
#pragma once

#include "permeq/check/checker.hpp"
#include "src/gpu/backend.hpp"

#include <functional>
#include <memory>
#include <string>

namespace permeq::gpu {

/// Asks the CUDA runtime (or the test override) once per call; never throws.
[[nodiscard]] DeviceProbe probe_cuda();

/// The CPU's model name (from /proc/cpuinfo), or "CPU" when it cannot be read.
[[nodiscard]] std::string host_cpu_name();

struct DeviceChoice {
  bool cuda = false;
  std::string name;  ///< the GPU's name when cuda
};

/// The device a check runs on. Cpu: the CPU. Auto: the GPU when visible, the CPU otherwise.
/// Cuda: the GPU, or Error(Unavailable) saying why there is none; Error(Usage) with float64
/// (the backend computes in float32).
[[nodiscard]] DeviceChoice choose_device(ComputeDevice requested, Precision precision, const DeviceProbe& probe);

/// Opens the backend of the chosen GPU: the CUDA runtime's, or the test override's. Throws
/// Error(Unavailable) when it cannot.
[[nodiscard]] std::unique_ptr<DeviceBackend> open_device_backend();

/// The reference backend: the same kernels in plain loops on the CPU (float32, one thread). Tests
/// run it where a GPU would run, and compare the GPU's kernels with it.
[[nodiscard]] std::unique_ptr<DeviceBackend> make_host_reference_backend();

/// For tests: while alive, probe_cuda reports a visible device named `name` and
/// open_device_backend returns `open()`, whatever the machine has.
class ScopedDeviceOverride {
 public:
  ScopedDeviceOverride(std::string name, std::function<std::unique_ptr<DeviceBackend>()> open);
  ~ScopedDeviceOverride();
  ScopedDeviceOverride(const ScopedDeviceOverride&) = delete;
  ScopedDeviceOverride& operator=(const ScopedDeviceOverride&) = delete;
};

}  // namespace permeq::gpu
