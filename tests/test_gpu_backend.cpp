// The numeric engine's device backend on machines without a GPU: which device a check runs on and
// its errors, that the CUDA sources are compiled in when the build says so, the per-node dispatch
// and its CPU fallback (with the host reference backend standing in for the GPU), the engine on
// that backend against the CPU engine node by node, and the device error model against simulated
// truncating summation. tests/gpu_backend_check.cpp runs the same comparison on a real GPU.
#include <doctest/doctest.h>

#include "tests/device_comparison.hpp"

#include "permeq/check/checker.hpp"
#include "permeq/core/error.hpp"
#include "permeq/import/model_file.hpp"
#include "permeq/report/report.hpp"
#include "src/gpu/device.hpp"
#include "src/gpu/error_model.hpp"
#include "src/gpu/node_dispatch.hpp"

#include <nlohmann/json.hpp>

#include <cfenv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

using namespace permeq;

namespace {

/// `text` holds `part` (the message says which text, when it does not).
void check_contains(const std::string& text, const std::string& part) {
  INFO("looking for '", part, "' in: ", text);
  CHECK(text.find(part) != std::string::npos);
}

Node node_of(std::string op, std::size_t inputs, Attributes attrs = {}) {
  Node n;
  n.name = "n";
  n.op = std::move(op);
  for (std::size_t k = 0; k < inputs; ++k) n.inputs.push_back("x" + std::to_string(k));
  n.outputs = {"y"};
  n.attrs = std::move(attrs);
  return n;
}

numeric::Operand<float> operand(const std::vector<float>& v, Shape shape) { return {v.data(), v.size(), std::move(shape), DType::Float}; }

std::optional<std::vector<Tensor<float>>> dispatch(const Node& node, std::vector<numeric::Operand<float>> ops) {
  const auto backend = gpu::make_host_reference_backend();
  const std::vector<std::string> keys(ops.size());
  return gpu::run_on_device(*backend, node, ops, keys);
}

}  // namespace

TEST_CASE("device choice: cpu stays, auto takes a visible GPU, cuda without one is an Unavailable error") {
  const gpu::DeviceProbe none{false, "", "no CUDA device is visible"};
  const gpu::DeviceProbe h200{true, "NVIDIA H200", ""};
  CHECK_FALSE(gpu::choose_device(ComputeDevice::Cpu, Precision::Float32, h200).cuda);
  CHECK_FALSE(gpu::choose_device(ComputeDevice::Auto, Precision::Float32, none).cuda);
  const auto automatic = gpu::choose_device(ComputeDevice::Auto, Precision::Float32, h200);
  CHECK(automatic.cuda);
  CHECK(automatic.name == "NVIDIA H200");
  CHECK_FALSE(gpu::choose_device(ComputeDevice::Auto, Precision::Float64, h200).cuda);  // the backend is float32
  CHECK(gpu::choose_device(ComputeDevice::Cuda, Precision::Float32, h200).name == "NVIDIA H200");
  try {
    (void)gpu::choose_device(ComputeDevice::Cuda, Precision::Float32, none);
    FAIL("--device cuda without a GPU must be an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Unavailable);
    CHECK(exit_code_for(e.kind()) == 5);
    check_contains(std::string(e.what()), "no CUDA device is visible");
  }
  try {
    (void)gpu::choose_device(ComputeDevice::Cuda, Precision::Float64, h200);
    FAIL("--device cuda --float64 must be an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Usage);
    check_contains(std::string(e.what()), "float32");
  }
  CHECK(parse_device("auto") == ComputeDevice::Auto);
  CHECK(parse_device("cuda") == ComputeDevice::Cuda);
  CHECK_THROWS_AS((void)parse_device("gpu"), Error);
}

TEST_CASE("the CUDA backend is compiled in exactly when the build configured it") {
  // CMake passes PERMEQ_CUDA (ON where the CUDA toolkit is found) to this test.
  CHECK(gpu::cuda_backend_built() == static_cast<bool>(PERMEQ_EXPECT_CUDA_BACKEND));
  const auto probe = gpu::probe_cuda();
  if (!probe.visible) {
    CHECK_FALSE(probe.reason.empty());
    if (!gpu::cuda_backend_built()) check_contains(probe.reason, "built without the CUDA backend");
  } else {
    CHECK_FALSE(probe.name.empty());
  }
}

TEST_CASE("--device cuda without a visible GPU fails with exit code 5 before any node runs") {
  if (gpu::probe_cuda().visible) return;  // this machine has a GPU: tests/gpu_backend_check.cpp covers it
  const auto graph = load_model(PERMEQ_SOURCE_DIR "/examples/graphs/deepsets.json").graph;
  CheckOptions options;
  options.engine = Engine::Numeric;
  options.device = ComputeDevice::Cuda;
  try {
    (void)check_forward(graph, options);
    FAIL("expected an Unavailable error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Unavailable);
    check_contains(std::string(e.what()), "--device cuda");
  }
  options.device = ComputeDevice::Auto;  // auto falls back to the CPU and says so
  const auto report = check_forward(graph, options);
  REQUIRE(report.device.has_value());
  CHECK(report.device->kind == "cpu");
}

TEST_CASE("dispatch: the backend computes the nodes it supports, and declines the rest") {
  SUBCASE("MatMul: X W with a 2-D W, and batched with equal batch axes") {
    const auto x = testing::random_floats(2 * 3 * 4, 1), w = testing::random_floats(4 * 5, 2);
    const auto out = dispatch(node_of("MatMul", 2), {operand(x, {2, 3, 4}), operand(w, {4, 5})});
    REQUIRE(out);
    CHECK((*out)[0].shape == Shape{2, 3, 5});
    for (std::int64_t r = 0; r < 6; ++r)
      for (std::int64_t j = 0; j < 5; ++j) {
        double expected = 0;
        for (std::int64_t l = 0; l < 4; ++l) expected += static_cast<double>(x[r * 4 + l]) * w[l * 5 + j];
        CHECK((*out)[0].data[r * 5 + j] == doctest::Approx(expected).epsilon(1e-5));
      }
    const auto b = testing::random_floats(2 * 4 * 3, 3);
    const auto batched = dispatch(node_of("MatMul", 2), {operand(x, {2, 3, 4}), operand(b, {2, 4, 3})});
    REQUIRE(batched);
    CHECK((*batched)[0].shape == Shape{2, 3, 3});
    double second = 0;  // batch 1, row 2, column 1
    for (std::int64_t l = 0; l < 4; ++l) second += static_cast<double>(x[12 + 2 * 4 + l]) * b[12 + l * 3 + 1];
    CHECK((*batched)[0].data[9 + 2 * 3 + 1] == doctest::Approx(second).epsilon(1e-5));
    // Broadcast batch axes (B [1, 4, 3] against A [2, 3, 4]) are the CPU's.
    CHECK_FALSE(dispatch(node_of("MatMul", 2), {operand(x, {2, 3, 4}), operand(testing::random_floats(12, 4), {1, 4, 3})}));
  }
  SUBCASE("Softmax over the last axis only; a row masked throughout is left to the definition's error") {
    auto x = testing::random_floats(6, 5);
    const auto out = dispatch(node_of("Softmax", 1), {operand(x, {2, 3})});
    REQUIRE(out);
    CHECK((*out)[0].data[0] + (*out)[0].data[1] + (*out)[0].data[2] == doctest::Approx(1.0f));
    CHECK((*out)[0].data[1] / (*out)[0].data[0] == doctest::Approx(std::exp(x[1] - x[0])).epsilon(1e-5));
    CHECK_FALSE(dispatch(node_of("Softmax", 1, {{"axis", std::int64_t{0}}}), {operand(x, {2, 3})}));
    x[3] = x[4] = x[5] = -std::numeric_limits<float>::infinity();
    CHECK_FALSE(dispatch(node_of("Softmax", 1), {operand(x, {2, 3})}));
  }
  SUBCASE("LayerNorm and RMSNorm over the last axis") {
    const std::vector<float> x{1, 2, 3, 4, -1, 0, 1, 6}, scale{1, 2, 1, 1}, bias{0, 0, 1, 0};
    const auto ln = dispatch(node_of("LayerNorm", 3, {{"epsilon", 0.0}}), {operand(x, {2, 4}), operand(scale, {4}), operand(bias, {4})});
    REQUIRE(ln);
    const double sd = std::sqrt(1.25);  // row 0: mean 2.5, variance 1.25
    CHECK((*ln)[0].data[1] == doctest::Approx(-0.5 / sd * 2).epsilon(1e-6));
    CHECK((*ln)[0].data[2] == doctest::Approx(0.5 / sd + 1).epsilon(1e-6));
    const auto rms = dispatch(node_of("RMSNorm", 2, {{"epsilon", 0.0}}), {operand(x, {2, 4}), operand(scale, {4})});
    REQUIRE(rms);
    CHECK((*rms)[0].data[3] == doctest::Approx(4 / std::sqrt(7.5)).epsilon(1e-6));  // mean of squares 30 / 4
    CHECK_FALSE(dispatch(node_of("LayerNorm", 3, {{"axis", std::int64_t{0}}}), {operand(x, {2, 4}), operand(scale, {4}), operand(bias, {4})}));
  }
  SUBCASE("arithmetic with the second operand broadcast along leading axes; Add and Mul either way round") {
    const std::vector<float> a{1, 2, 3, 4, 5, 6}, b{10, 20, 30};
    const auto sub = dispatch(node_of("Sub", 2), {operand(a, {2, 3}), operand(b, {3})});
    REQUIRE(sub);
    CHECK((*sub)[0].data == std::vector<float>{-9, -18, -27, -6, -15, -24});
    const auto add = dispatch(node_of("Add", 2), {operand(b, {1, 3}), operand(a, {2, 3})});
    REQUIRE(add);
    CHECK((*add)[0].shape == Shape{2, 3});
    CHECK((*add)[0].data == std::vector<float>{11, 22, 33, 14, 25, 36});
    CHECK_FALSE(dispatch(node_of("Sub", 2), {operand(b, {3}), operand(a, {2, 3})}));  // b - a: the CPU's
    CHECK_FALSE(dispatch(node_of("Mul", 2), {operand(a, {2, 3}), operand(b, {3, 1})}));  // a column: not along leading axes
    CHECK_FALSE(dispatch(node_of("Gather", 2), {operand(a, {2, 3}), operand(b, {3})}));
  }
}

TEST_CASE("the engine on a device agrees with the CPU engine node by node (host reference backend as the device)") {
  const gpu::ScopedDeviceOverride device("host reference backend", [] { return gpu::make_host_reference_backend(); });
  std::size_t on_device = 0, checked = 0;
  std::vector<std::string> models;
  for (const auto& entry : std::filesystem::directory_iterator(PERMEQ_SOURCE_DIR "/examples/graphs")) models.push_back(entry.path().string());
  for (const auto* onnx : {"encoder_prenorm_gelu.onnx", "rmsnorm_classifier.onnx", "gpt_causal.onnx", "multihead_attention.onnx"})
    models.push_back(std::string(PERMEQ_SOURCE_DIR "/tests/fixtures/onnx/") + onnx);
  for (const auto& path : models) {
    CAPTURE(path);
    const auto graph = load_model(path).graph;
    const auto c = testing::compare_with_cpu(graph, {});
    for (const auto& m : c.mismatches) FAIL_CHECK(m);
    CHECK(c.use.name == "host reference backend");
    on_device += c.use.device_evaluations;
    checked += c.nodes;
  }
  CHECK(checked > 100);
  CHECK(on_device > 100);  // products, softmax, normalisations and arithmetic ran on the device
}

TEST_CASE("a forward pass on a device gives the CPU's values up to rounding, node by node (host reference backend as the device)") {
  const gpu::ScopedDeviceOverride device("host reference backend", [] { return gpu::make_host_reference_backend(); });
  std::size_t on_device = 0;
  for (const auto* model : {"/examples/graphs/encoder_learned_pe.json", "/examples/graphs/gpt_causal.json", "/tests/fixtures/onnx/rmsnorm_classifier.onnx",
                            "/tests/fixtures/onnx/encoder_prenorm_gelu.onnx"}) {
    CAPTURE(model);
    std::size_t here = 0;
    for (const auto& m : testing::compare_forward_values(load_model(std::string(PERMEQ_SOURCE_DIR) + model).graph, 1e-4, here)) FAIL_CHECK(m);
    on_device += here;
  }
  CHECK(on_device > 20);
}

TEST_CASE("the report names the device and what fell back to the CPU") {
  const gpu::ScopedDeviceOverride device("host reference backend", [] { return gpu::make_host_reference_backend(); });
  const auto graph = load_model(PERMEQ_SOURCE_DIR "/examples/graphs/gpt_causal.json").graph;
  CheckOptions options;
  options.engine = Engine::Numeric;
  options.device = ComputeDevice::Auto;  // auto takes the (stand-in) GPU
  const auto report = check_forward(graph, options);
  REQUIRE(report.device.has_value());
  CHECK(report.device->kind == "cuda");
  CHECK(report.device->device_evaluations > 0);
  CHECK(report.device->host_evaluations > 0);
  CHECK_FALSE(report.device->host_operators.empty());
  check_contains(report.scope, "on the GPU host reference backend");
  check_contains(report.scope, "with u doubled for the GPU's rounding");
  const auto text = format_report(report, "text", {});
  check_contains(text, "device: cuda (host reference backend): " + std::to_string(report.device->device_evaluations) + " node evaluations on the GPU");
  const auto json = nlohmann::json::parse(format_report(report, "json", {}));
  CHECK(json["device"]["kind"] == "cuda");
  CHECK(json["device"]["name"] == "host reference backend");
  CHECK(json["device"]["device_evaluations"] == report.device->device_evaluations);
  // On the CPU the report names the CPU and no line about a device is printed.
  options.device = ComputeDevice::Cpu;
  const auto on_cpu = check_forward(graph, options);
  REQUIRE(on_cpu.device.has_value());
  CHECK(on_cpu.device->kind == "cpu");
  CHECK_FALSE(on_cpu.device->name.empty());
  CHECK(format_report(on_cpu, "text", {}).find("device:") == std::string::npos);
}

namespace {

/// A float32 sum of a[i] b[i] in the order `order`, with fused multiply-adds, under the current
/// rounding mode (kept out of line so the mode set around the call applies to its operations).
[[gnu::noinline]] float fused_sum(const std::vector<float>& a, const std::vector<float>& b, const std::vector<std::size_t>& order) {
  volatile float total = 0.0f;
  for (const auto i : order) total = std::fma(a[i], b[i], static_cast<float>(total));
  return total;
}

/// The same as a pairwise tree over `order` (how a block reduction adds), products rounded first.
[[gnu::noinline]] float tree_sum(const std::vector<float>& a, const std::vector<float>& b, const std::vector<std::size_t>& order) {
  std::vector<float> level;
  for (const auto i : order) {
    volatile float product = a[i] * b[i];
    level.push_back(static_cast<float>(product));
  }
  while (level.size() > 1) {
    std::vector<float> next;
    for (std::size_t i = 0; i + 1 < level.size(); i += 2) {
      volatile float s = level[i] + level[i + 1];
      next.push_back(static_cast<float>(s));
    }
    if (level.size() % 2) next.push_back(level.back());
    level.swap(next);
  }
  return level.empty() ? 0.0f : level[0];
}

}  // namespace

TEST_CASE("device error model: truncating sums in any order, fused or not, stay within (K + 4) 2u M of the exact sum") {
  constexpr double u = std::numeric_limits<float>::epsilon() / 2;
  std::mt19937_64 rng(7);
  bool truncation_changed_a_sum = false;
  for (const std::size_t k : {16u, 255u, 4096u}) {
    for (int trial = 0; trial < 4; ++trial) {
      // Positive terms: truncation errors all point one way, the worst case for the bound.
      std::uniform_real_distribution<float> uniform(trial % 2 ? 0.0f : -1.0f, 1.0f);
      std::vector<float> a(k), b(k);
      for (auto& x : a) x = uniform(rng);
      for (auto& x : b) x = uniform(rng);
      long double exact = 0, magnitude = 0;
      for (std::size_t i = 0; i < k; ++i) {
        exact += static_cast<long double>(a[i]) * b[i];
        magnitude += std::fabs(static_cast<long double>(a[i]) * b[i]);
      }
      std::vector<std::size_t> order(k);
      std::iota(order.begin(), order.end(), 0);
      std::shuffle(order.begin(), order.end(), rng);
      const float nearest = fused_sum(a, b, order);
      REQUIRE(std::fesetround(FE_TOWARDZERO) == 0);
      const float fused = fused_sum(a, b, order);
      std::shuffle(order.begin(), order.end(), rng);
      const float tree = tree_sum(a, b, order);
      std::fesetround(FE_TONEAREST);
      truncation_changed_a_sum = truncation_changed_a_sum || fused != nearest;
      // One side's bound (factor 1), and the tolerance between two sides (the default factor 8).
      const double side = static_cast<double>(k + 4) * gpu::device_rounding_factor * u * static_cast<double>(magnitude);
      CAPTURE(k);
      CHECK(std::fabs(static_cast<double>(fused) - static_cast<double>(exact)) <= side);
      CHECK(std::fabs(static_cast<double>(tree) - static_cast<double>(exact)) <= side);
      CHECK(std::fabs(static_cast<double>(fused) - static_cast<double>(tree)) <= 8 * side);
    }
  }
  CHECK(truncation_changed_a_sum);  // the simulation did round differently
}
