// src/gpu/selection.cpp: choosing the numeric engine's device (device.hpp), and the test override
// that stands a host backend in for a GPU.
#include "src/gpu/device.hpp"

#include "permeq/core/error.hpp"

#include <fstream>
#include <mutex>
#include <optional>
#include <utility>

namespace permeq {

ComputeDevice parse_device(std::string_view text) {
  if (text == "cpu") return ComputeDevice::Cpu;
  if (text == "cuda") return ComputeDevice::Cuda;
  if (text == "auto") return ComputeDevice::Auto;
  throw Error(ErrorKind::Usage, "--device must be cpu, cuda or auto, got '" + std::string(text) + "'");
}

}  // namespace permeq

namespace permeq::gpu {
namespace {

struct Override {
  std::string name;
  std::function<std::unique_ptr<DeviceBackend>()> open;
};

std::mutex override_mutex;
std::optional<Override> active_override;

}  // namespace

ScopedDeviceOverride::ScopedDeviceOverride(std::string name, std::function<std::unique_ptr<DeviceBackend>()> open) {
  const std::lock_guard lock(override_mutex);
  active_override = Override{std::move(name), std::move(open)};
}

ScopedDeviceOverride::~ScopedDeviceOverride() {
  const std::lock_guard lock(override_mutex);
  active_override.reset();
}

std::string host_cpu_name() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line))
    if (line.rfind("model name", 0) == 0)
      if (const auto colon = line.find(':'); colon != std::string::npos && colon + 2 <= line.size()) return line.substr(colon + 2);
  return "CPU";
}

DeviceProbe probe_cuda() {
  {
    const std::lock_guard lock(override_mutex);
    if (active_override) return {true, active_override->name, ""};
  }
  return probe_cuda_runtime();
}

DeviceChoice choose_device(ComputeDevice requested, Precision precision, const DeviceProbe& probe) {
  if (requested == ComputeDevice::Cpu) return {};
  if (requested == ComputeDevice::Auto) {
    // A float64 check stays on the CPU: the backend computes in float32.
    if (!probe.visible || precision == Precision::Float64) return {};
    return {true, probe.name};
  }
  if (precision == Precision::Float64)
    throw Error(ErrorKind::Usage, "--device cuda computes in float32; drop --float64, or use --device cpu for a float64 check");
  if (!probe.visible)
    throw Error(ErrorKind::Unavailable, "--device cuda: no GPU to run on (" + probe.reason + "); use --device cpu or auto");
  return {true, probe.name};
}

std::unique_ptr<DeviceBackend> open_device_backend() {
  {
    const std::lock_guard lock(override_mutex);
    if (active_override) return active_override->open();
  }
  return open_cuda_runtime_backend();
}

}  // namespace permeq::gpu
