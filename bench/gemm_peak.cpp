// Benchmark: Eigen's float matrix-product peak on this machine for the products of one forward
// pass of a BERT-base-shaped encoder (the products the numeric check computes), the reference
// bench/numeric_vs_torch.sh holds the check's time against.
//
// Per layer, with n tokens: X W_qkv [n, d] x [d, 3d]; per head Q K^T [n, d/h] x [d/h, n] and
// P V [n, n] x [n, d/h]; X W_o^T [n, d] x [d, d]^T; X W_1 [n, d] x [d, ff]; H W_2 [n, ff] x [ff, d].
// Every layer has weights of its own (read from memory as in the check, not from a warm cache).
// The whole pass runs several times in each of two ways, and the fastest pass of each counts:
//   eigen-threaded   Eigen's own OpenMP threading of each product (Eigen::setNbThreads)
//   column-blocks    each product's columns split into one block per thread, each block one
//                    single-threaded Eigen product (how the engine calls Eigen, float_kernels.cpp)
// Heads run side by side over the threads in both (single-threaded products).
// Prints one JSON line: flop, the best pass time and GFLOP/s of each way, and the peak (the faster).
//
// Usage: gemm_peak [THREADS [REPEATS]]   (2, 7); the shape from BERT_D, BERT_HEADS, BERT_FF,
// BERT_LAYERS, BERT_SEQ as for bench/make_bert_base_onnx.py (768, 12, 3072, 12, 128).
#include <Eigen/Core>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <omp.h>

namespace {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstMap = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;
using OutMap = Eigen::Map<Matrix, 0, Eigen::OuterStride<>>;

std::int64_t env_or(const char* name, std::int64_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::stoll(v) : fallback;
}

/// C = A op(B) for row-major A [m, k], B [k, p] (or [p, k] transposed), on `threads` threads.
void product(const float* a, const float* b, float* c, std::int64_t m, std::int64_t k, std::int64_t p, bool tb, int threads, bool column_blocks) {
  auto part = [&](std::int64_t p0, std::int64_t p1) {
    const ConstMap A(a, m, k, Eigen::OuterStride<>(k));
    OutMap C(c + p0, m, p1 - p0, Eigen::OuterStride<>(p));
    if (tb) C.noalias() = A * ConstMap(b + p0 * k, p1 - p0, k, Eigen::OuterStride<>(k)).transpose();
    else C.noalias() = A * ConstMap(b + p0, k, p1 - p0, Eigen::OuterStride<>(p));
  };
  if (!column_blocks || threads <= 1) {
    Eigen::setNbThreads(column_blocks ? 1 : threads);
    part(0, p);
    return;
  }
  Eigen::setNbThreads(1);
#pragma omp parallel for num_threads(threads) schedule(static, 1)
  for (int t = 0; t < threads; ++t) {
    auto edge = [&](int i) { return i == threads ? p : std::min(p, (p * i / threads + 8) / 16 * 16); };
    if (edge(t + 1) > edge(t)) part(edge(t), edge(t + 1));
  }
}

struct Layer {
  std::vector<float> qkv, out, ff1, ff2;
};

}  // namespace

int main(int argc, char** argv) {
  const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 7;
  const auto d = env_or("BERT_D", 768), heads = env_or("BERT_HEADS", 12), ff = env_or("BERT_FF", 3072), layers = env_or("BERT_LAYERS", 12),
             n = env_or("BERT_SEQ", 128);
  const auto dh = d / heads;
  std::mt19937 rng(0);
  std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
  auto random = [&](std::int64_t size) {
    std::vector<float> v(static_cast<std::size_t>(size));
    for (auto& x : v) x = uniform(rng);
    return v;
  };
  std::vector<Layer> weights;
  for (std::int64_t l = 0; l < layers; ++l) weights.push_back({random(d * 3 * d), random(d * d), random(d * ff), random(ff * d)});
  const auto x = random(n * d), scores = random(heads * n * n);
  std::vector<float> qkv(static_cast<std::size_t>(n * 3 * d)), attn(static_cast<std::size_t>(heads * n * n)), ctx(static_cast<std::size_t>(n * d)),
      y(static_cast<std::size_t>(n * d)), h(static_cast<std::size_t>(n * ff));
  const double flop = static_cast<double>(layers) * 2.0 *
                      static_cast<double>(n * d * 3 * d + heads * (n * dh * n + n * n * dh) + n * d * d + n * d * ff + n * ff * d);

  auto pass = [&](bool column_blocks) {
    for (const auto& w : weights) {
      product(x.data(), w.qkv.data(), qkv.data(), n, d, 3 * d, false, threads, column_blocks);
      Eigen::setNbThreads(1);
#pragma omp parallel for num_threads(threads) schedule(static)
      for (std::int64_t head = 0; head < heads; ++head) {
        // Q K^T with K^T laid out [dh, n], then P V with V [n, dh] (the exporter's layouts).
        product(qkv.data() + head * n * dh, qkv.data() + d * n + head * dh * n, attn.data() + head * n * n, n, dh, n, false, 1, true);
        product(scores.data() + head * n * n, qkv.data() + 2 * d * n + head * n * dh, ctx.data() + head * n * dh, n, n, dh, false, 1, true);
      }
      product(ctx.data(), w.out.data(), y.data(), n, d, d, true, threads, column_blocks);
      product(y.data(), w.ff1.data(), h.data(), n, d, ff, false, threads, column_blocks);
      product(h.data(), w.ff2.data(), y.data(), n, ff, d, false, threads, column_blocks);
    }
  };
  auto best = [&](bool column_blocks) {
    double fastest = 1e30;
    pass(column_blocks);  // warm-up: threads started, buffers faulted in
    for (int r = 0; r < repeats; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      pass(column_blocks);
      fastest = std::min(fastest, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return fastest;
  };
  const double threaded = best(false), blocks = best(true);
  const double fastest = std::min(threaded, blocks);
  std::cout << "{\"threads\": " << threads << ", \"repeats\": " << repeats << ", \"flop\": " << flop << ", \"eigen_threaded_seconds\": " << threaded
            << ", \"eigen_threaded_gflops\": " << flop / threaded / 1e9 << ", \"column_blocks_seconds\": " << blocks
            << ", \"column_blocks_gflops\": " << flop / blocks / 1e9 << ", \"peak_gflops\": " << flop / fastest / 1e9
            << ", \"products_seconds_at_peak\": " << fastest << "}\n";
  return 0;
}
