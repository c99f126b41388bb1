// src/gpu/node_dispatch.hpp: which nodes of a graph the device backend (backend.hpp) computes, and
// the session the numeric engine holds while it runs on a device: per node, the backend's kernel
// when it supports the operator and these operands, else nothing (the engine then runs the node
// on the CPU, and the session counts it and names its operator for the report).
//
// Supported: MatMul of X W with a 2-D W, and batched with equal batch axes (attention); Softmax
// over the last axis; LayerNorm and RMSNorm over the last axis with one output; Add, Sub, Mul and
// Div where the second operand broadcasts along leading axes (a bias, a scale; Add and Mul either
// way round). Each kernel computes a row (or an element) by the same operations wherever it lies,
// as the CPU kernels do, so the engine's exact shortcut (src/check/numeric_engine.cpp) holds
// for them too.
#pragma once

#include "permeq/check/checker.hpp"
#include "permeq/core/tensor.hpp"
#include "permeq/ir/graph.hpp"
#include "src/gpu/backend.hpp"
#include "src/ops/float_path.hpp"

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace permeq::gpu {

/// The node on `backend`, or nullopt when the backend does not support it (or these operands).
/// `weight_keys[k]` names operand k when it is a weight the backend may keep (else empty).
/// DeviceOutOfMemory passes through.
[[nodiscard]] std::optional<std::vector<Tensor<float>>> run_on_device(DeviceBackend& backend, const Node& node,
                                                                      std::span<const numeric::Operand<float>> operands,
                                                                      std::span<const std::string> weight_keys);

/// The numeric engine's device while it runs: calls are serialised (the engine's two generators
/// may run side by side), and every node evaluation is counted where it ran.
class DeviceSession {
 public:
  DeviceSession(std::unique_ptr<DeviceBackend> backend, std::string name);
  /// The node on the device; nullopt (counted as a CPU evaluation) when the backend does not
  /// support it or the device is out of memory: the caller runs it on the CPU.
  [[nodiscard]] std::optional<std::vector<Tensor<float>>> run(const Node& node, std::span<const numeric::Operand<float>> operands,
                                                              std::span<const std::string> weight_keys);
  /// A node evaluation that ran on the CPU without asking the device (the generic definitions).
  void note_host(const std::string& op);
  /// The weight `key` is no longer read: its device copy is dropped.
  void forget(const std::string& key);
  [[nodiscard]] DeviceUse use() const;

 private:
  std::unique_ptr<DeviceBackend> backend_;
  std::string name_;
  mutable std::mutex mutex_;
  std::size_t device_evaluations_ = 0, host_evaluations_ = 0;
  std::set<std::string> host_operators_;
  bool out_of_memory_ = false;
};

}  // namespace permeq::gpu
