// The CUDA backend on a GPU: its kernels against the host reference backend, then on every fixture
// (the example graphs and the PyTorch-exported ONNX models) a forward pass on the GPU against one
// on the CPU (every node's values, up to rounding) and the numeric engine with --device cuda
// against the CPU engine, node by node: the same verdicts, differences equal up to rounding. Without a visible GPU (or without the backend built) it says so and exits 77, which
// ctest reports as skipped, never as passed.
//
// Usage: gpu_backend_check SOURCE_DIR
#include "tests/device_comparison.hpp"

#include "permeq/core/error.hpp"
#include "permeq/import/model_file.hpp"
#include "src/gpu/device.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

namespace {

using namespace permeq;

constexpr int skipped = 77;

/// The largest |x - y| against `tolerance(i)`; a failure line when any exceeds it.
template <class Tolerance>
void expect_close(const std::string& what, const std::vector<float>& got, const std::vector<float>& want, Tolerance tolerance, std::vector<std::string>& failures) {
  for (std::size_t i = 0; i < got.size(); ++i) {
    const double diff = std::fabs(static_cast<double>(got[i]) - static_cast<double>(want[i]));
    if (!(diff <= tolerance(i))) {
      failures.push_back(what + ": element " + std::to_string(i) + " is " + std::to_string(got[i]) + " on the GPU, " + std::to_string(want[i]) +
                         " on the host");
      return;
    }
  }
}

/// The CUDA kernels against the host reference backend on random operands, sizes that are not
/// multiples of the block size included.
std::vector<std::string> check_kernels(gpu::DeviceBackend& device) {
  constexpr double u = std::numeric_limits<float>::epsilon() / 2;
  std::vector<std::string> failures;
  const auto host = gpu::make_host_reference_backend();
  for (const auto& s : {gpu::ProductShape{1, 33, 70, 19, true}, gpu::ProductShape{3, 128, 64, 300, true}, gpu::ProductShape{12, 17, 64, 17, false}}) {
    const auto a = testing::random_floats(static_cast<std::size_t>(s.batches * s.m * s.k), 1);
    const auto b = testing::random_floats(static_cast<std::size_t>((s.shared_right ? 1 : s.batches) * s.k * s.p), 2);
    std::vector<float> got(static_cast<std::size_t>(s.batches * s.m * s.p)), want(got.size());
    for (int repeat = 0; repeat < 2; ++repeat) {  // the second time from the kept weight
      device.matmul(s, a.data(), b.data(), s.shared_right ? "w" : "", got.data());
      host->matmul(s, a.data(), b.data(), "", want.data());
      // Each side within (k + 4) 2u |A||B|, |A||B| <= 4k here.
      expect_close("matmul " + std::to_string(s.m) + "x" + std::to_string(s.k) + "x" + std::to_string(s.p), got, want,
                   [&](std::size_t) { return 2 * static_cast<double>(s.k + 4) * 2 * u * 4 * static_cast<double>(s.k); }, failures);
    }
    device.forget("w");
  }
  for (const std::int64_t columns : {1, 7, 256, 1000}) {
    const std::int64_t rows = 37;
    const auto x = testing::random_floats(static_cast<std::size_t>(rows * columns), 3), scale = testing::random_floats(static_cast<std::size_t>(columns), 4),
               bias = testing::random_floats(static_cast<std::size_t>(columns), 5);
    std::vector<float> got(x.size()), want(x.size());
    if (!device.softmax_rows(rows, columns, x.data(), got.data()) || !host->softmax_rows(rows, columns, x.data(), want.data()))
      failures.push_back("softmax reported a masked row that is not");
    expect_close("softmax, " + std::to_string(columns) + " columns", got, want, [&](std::size_t) { return 2 * static_cast<double>(columns + 4) * 2 * u; },
                 failures);
    for (const bool centered : {true, false}) {
      device.normalize_rows(rows, columns, x.data(), scale.data(), centered ? bias.data() : nullptr, 1e-5f, centered, got.data());
      host->normalize_rows(rows, columns, x.data(), scale.data(), centered ? bias.data() : nullptr, 1e-5f, centered, want.data());
      // Normalised values are at most sqrt(columns) in size, times |scale| <= 2.
      expect_close(std::string(centered ? "layer" : "RMS") + " norm, " + std::to_string(columns) + " columns", got, want,
                   [&](std::size_t) { return 2 * static_cast<double>(columns + 4) * 2 * u * (2 * std::sqrt(static_cast<double>(columns)) + 2) * 4; }, failures);
    }
  }
  auto masked = testing::random_floats(20, 6);
  std::fill(masked.begin() + 10, masked.end(), -std::numeric_limits<float>::infinity());
  std::vector<float> out(20);
  if (device.softmax_rows(2, 10, masked.data(), out.data())) failures.push_back("softmax did not report a row masked throughout");
  const auto a = testing::random_floats(3001, 7), b = testing::random_floats(3001, 8);
  for (const auto op : {gpu::BinaryOp::Add, gpu::BinaryOp::Sub, gpu::BinaryOp::Mul, gpu::BinaryOp::Div}) {
    std::vector<float> got(a.size()), want(a.size());
    device.binary(op, a.data(), a.size(), b.data(), 1, got.data());  // a scalar
    host->binary(op, a.data(), a.size(), b.data(), 1, want.data());
    if (got != want) failures.push_back("arithmetic with a scalar differs from IEEE float32");
    device.binary(op, a.data(), a.size(), b.data(), a.size(), got.data());
    host->binary(op, a.data(), a.size(), b.data(), a.size(), want.data());
    if (got != want) failures.push_back("element-wise arithmetic differs from IEEE float32");
  }
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: gpu_backend_check SOURCE_DIR\n";
    return 2;
  }
  const std::string source = argv[1];
  if (!gpu::cuda_backend_built()) {
    std::cout << "SKIPPED: this permeq was built without the CUDA backend (PERMEQ_CUDA=OFF); nothing was tested\n";
    return skipped;
  }
  const auto probe = gpu::probe_cuda();
  if (!probe.visible) {
    std::cout << "SKIPPED: no GPU is visible (" << probe.reason << "); the CUDA backend is compiled but nothing ran on a GPU\n";
    return skipped;
  }
  std::cout << "GPU: " << probe.name << "\n";
  int failed = 0;
  try {
    const auto device = gpu::open_device_backend();
    for (const auto& f : check_kernels(*device)) {
      std::cout << "FAIL kernels: " << f << "\n";
      ++failed;
    }
  } catch (const std::exception& e) {
    std::cout << "FAIL kernels: " << e.what() << "\n";
    ++failed;
  }
  std::vector<std::string> models;
  for (const auto* folder : {"/examples/graphs", "/tests/fixtures/onnx"})
    for (const auto& entry : std::filesystem::directory_iterator(source + folder)) models.push_back(entry.path().string());
  std::sort(models.begin(), models.end());
  std::size_t nodes = 0, on_device = 0, compared = 0;
  for (const auto& path : models) {
    Graph graph;
    try {
      graph = load_model(path).graph;
      // Fixtures the CPU engine itself refuses (an unsupported operator) have nothing to compare.
      CheckOptions cpu_only;
      cpu_only.engine = Engine::Numeric;
      (void)check_forward(graph, cpu_only);
    } catch (const Error& e) {
      std::cout << "skip " << path << ": " << e.what() << "\n";
      continue;
    }
    try {
      std::size_t forward_on_device = 0;
      for (const auto& m : testing::compare_forward_values(graph, 1e-4, forward_on_device)) {
        std::cout << "FAIL " << path << ": forward values: " << m << "\n";
        ++failed;
      }
      const auto c = testing::compare_with_cpu(graph, {});
      ++compared;
      nodes += c.nodes;
      on_device += c.use.device_evaluations;
      for (const auto& m : c.mismatches) {
        std::cout << "FAIL " << path << ": " << m << "\n";
        ++failed;
      }
      std::cout << (c.mismatches.empty() ? "ok   " : "FAIL ") << path << ": " << c.nodes << " nodes, " << c.use.device_evaluations << " evaluations on the GPU, "
                << c.use.host_evaluations << " on the CPU\n";
    } catch (const std::exception& e) {
      std::cout << "FAIL " << path << ": " << e.what() << "\n";
      ++failed;
    }
  }
  std::cout << "summary: " << compared << " models, " << nodes << " nodes compared with the CPU engine, " << on_device << " evaluations on " << probe.name
            << "; " << failed << " failures\n";
  return failed == 0 && compared > 0 ? 0 : 1;
}
