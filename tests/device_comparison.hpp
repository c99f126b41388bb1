// tests/device_comparison.hpp: the numeric engine on a device against the CPU engine, node by node:
// the same verdicts, and differences that agree up to both sides' rounding; every node's forward
// values alike up to rounding (a kernel wrong alike at every position keeps the verdicts); and
// random operands for the kernels. Used by
// test_gpu_backend.cpp (the host reference backend standing in for a GPU) and by
// gpu_backend_check.cpp (the CUDA backend, on a machine with a GPU).
#pragma once

#include "permeq/check/checker.hpp"
#include "permeq/ir/graph.hpp"
#include "src/check/analysis.hpp"
#include "src/check/numeric/forward.hpp"
#include "src/gpu/device.hpp"
#include "src/gpu/node_dispatch.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace permeq::testing {

/// `size` floats uniform in [-2, 2), from `seed`: a kernel's operands.
inline std::vector<float> random_floats(std::size_t size, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<float> uniform(-2.0f, 2.0f);
  std::vector<float> v(size);
  for (auto& x : v) x = uniform(rng);
  return v;
}

struct DeviceComparison {
  std::size_t nodes = 0;
  std::vector<std::string> mismatches;  ///< one line per disagreement
  DeviceUse use;                        ///< where the device run ran its nodes
};

/// Runs the numeric engine on the CPU and with --device cuda (the GPU, or the test override) and
/// compares the reports.
inline DeviceComparison compare_with_cpu(const Graph& graph, CheckOptions options) {
  options.engine = Engine::Numeric;
  options.device = ComputeDevice::Cpu;
  const auto cpu = check_forward(graph, options);
  options.device = ComputeDevice::Cuda;
  const auto device = check_forward(graph, options);
  DeviceComparison c;
  if (device.device) c.use = *device.device;
  if (!device.device || device.device->kind != "cuda") c.mismatches.push_back("the device run did not run on the device");
  if (cpu.nodes.size() != device.nodes.size()) {
    c.mismatches.push_back("node counts differ: " + std::to_string(cpu.nodes.size()) + " and " + std::to_string(device.nodes.size()));
    return c;
  }
  c.nodes = cpu.nodes.size();
  for (std::size_t i = 0; i < cpu.nodes.size(); ++i) {
    const auto& a = cpu.nodes[i];
    const auto& b = device.nodes[i];
    const std::string where = "node '" + a.node + "' (" + a.op + ")";
    if (a.verdict != b.verdict)
      c.mismatches.push_back(where + ": " + std::string(to_string(a.verdict)) + " on the CPU, " + std::string(to_string(b.verdict)) + " on the device (" +
                             b.note + ")");
    if (a.max_abs_error.has_value() != b.max_abs_error.has_value()) {
      c.mismatches.push_back(where + ": a difference on one side only");
      continue;
    }
    if (!a.max_abs_error) continue;
    const double x = *a.max_abs_error, y = *b.max_abs_error;
    const double rounding = a.tolerance.value_or(0.0) + b.tolerance.value_or(0.0);
    // A break's difference is of the size of the values: equal to 1% (the two runs' values differ by
    // rounding upstream); a difference within rounding, within both tolerances.
    const bool infinite = std::isinf(x) || std::isinf(y);
    if ((infinite && x != y) || (!infinite && std::fabs(x - y) > 0.01 * std::max(x, y) + rounding))
      c.mismatches.push_back(where + ": difference " + std::to_string(x) + " on the CPU, " + std::to_string(y) + " on the device");
  }
  for (std::size_t i = 0; i < cpu.outputs.size() && i < device.outputs.size(); ++i)
    if (cpu.outputs[i].verdict != device.outputs[i].verdict)
      c.mismatches.push_back("output '" + cpu.outputs[i].output + "': " + std::string(to_string(cpu.outputs[i].verdict)) + " on the CPU, " +
                             std::string(to_string(device.outputs[i].verdict)) + " on the device");
  return c;
}

/// One forward pass on the CPU and one on the device (open_device_backend: the GPU, or the test
/// override), from the same draws: a line for every node output whose values differ by more than
/// `relative` of its largest magnitude (at least 1), and the node evaluations on the device.
inline std::vector<std::string> compare_forward_values(const Graph& graph, double relative, std::size_t& on_device) {
  CheckOptions options;
  const auto a = analyse(graph, resolve_action_spec(graph, options));
  std::map<std::string, std::vector<float>> cpu_values;
  auto pass = [&](gpu::DeviceSession* session, auto&& visit) {
    numeric::GraphEvaluation<float> evaluation(a, options);
    evaluation.use_device(session);
    std::map<std::string, Tensor<float>, std::less<>> inputs;
    for (const auto& in : a.graph.graph.inputs) inputs[in.name] = evaluation.draw(in.name, a.graph.types.at(in.name));
    (void)evaluation.pass(std::move(inputs), visit);
  };
  pass(nullptr, [&](const Node& node, const std::vector<Tensor<float>>& values) {
    for (std::size_t k = 0; k < values.size(); ++k) cpu_values[node.outputs[k]] = values[k].data;
  });
  std::vector<std::string> mismatches;
  gpu::DeviceSession session(gpu::open_device_backend(), "device");
  pass(&session, [&](const Node& node, const std::vector<Tensor<float>>& values) {
    for (std::size_t k = 0; k < values.size(); ++k) {
      const auto& want = cpu_values.at(node.outputs[k]);
      const auto& got = values[k].data;
      double scale = 1.0, worst = 0.0;
      for (const float v : want)
        if (std::isfinite(v)) scale = std::max(scale, static_cast<double>(std::fabs(v)));
      bool nan_differs = got.size() != want.size();
      for (std::size_t i = 0; i < got.size() && !nan_differs; ++i) {
        nan_differs = std::isnan(got[i]) != std::isnan(want[i]);
        if (std::isfinite(got[i]) && std::isfinite(want[i])) worst = std::max(worst, std::fabs(static_cast<double>(got[i]) - static_cast<double>(want[i])));
      }
      if (nan_differs || worst > relative * scale)
        mismatches.push_back("node '" + node.name + "' (" + node.op + "): values differ by " + std::to_string(worst) + " (largest magnitude " +
                             std::to_string(scale) + ")" + (nan_differs ? ", NaN or shape on one side only" : ""));
    }
  });
  on_device = session.use().device_evaluations;
  return mismatches;
}

}  // namespace permeq::testing
