// Benchmark: refutation with an output verdict for encoders too large for exact evaluation (a
// causal mask in every layer, weights free). Prints one JSON line: time, peak resident memory,
// culprits (lifted witnesses), the output verdict and how the numeric run decided it.
//
//   refutation_at_scale LAYERS D_MODEL HEADS D_FF [SEQ]
// bench/refutation_at_scale.sh runs the 32-layer d = 4096 and 80-layer d = 8192 shapes.

#include <permeq/permeq.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: refutation_at_scale LAYERS D_MODEL HEADS D_FF [SEQ]\n";
    return 2;
  }
  const int layers = std::atoi(argv[1]);
  permeq::EncoderConfig c;
  c.d_model = std::atoll(argv[2]);
  c.heads = std::atoll(argv[3]);
  c.d_ff = std::atoll(argv[4]);
  c.causal = true;
  c.norm = permeq::NormPlacement::Pre;
  c.activation = permeq::Activation::Silu;
  permeq::GraphBuilder b("causal_encoder_" + std::to_string(layers) + "x" + std::to_string(c.d_model));
  b.dim("seq", argc > 5 ? std::atoll(argv[5]) : 4);
  auto x = b.input("x", {"seq", c.d_model});
  for (int layer = 0; layer < layers; ++layer) x = b.encoder_layer(x, c, "layer" + std::to_string(layer));
  b.output(x);
  const auto graph = b.build();

  const auto start = std::chrono::steady_clock::now();
  const auto report = permeq::check_forward(graph);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::size_t lifted = 0, replayed = 0;
  for (const auto& n : report.nodes)
    if (n.verdict == permeq::Verdict::Breaks && n.witness) {
      lifted += n.break_sizes.size() == 2;
      replayed += permeq::replay_witness(graph, n.node, *n.witness);
    }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const nlohmann::json line{{"case", graph.name},
                            {"layers", layers},
                            {"d_model", c.d_model},
                            {"nodes", report.nodes.size()},
                            {"seconds", seconds},
                            {"peak_rss_mb", static_cast<double>(usage.ru_maxrss) / 1024.0},
                            {"culprits", report.culprits.size()},
                            {"lifted_witnesses", lifted},
                            {"witnesses_replayed", replayed},
                            {"output_verdict", permeq::to_string(report.outputs[0].verdict)},
                            {"output_note", report.outputs[0].note},
                            {"exit_code", report.exit_code()}};
  std::cout << line.dump() << std::endl;
  return 0;
}
