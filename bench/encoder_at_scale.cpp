// Benchmark: the check of a pre-norm encoder of any depth and width, weights free: `proof` (no
// mask: every node proved for all n) or `refute` (a causal mask in every layer: culprits refuted
// at the nodes, and the output decided by the streamed numeric run). Prints one JSON line: time,
// peak resident memory, nodes proved, culprits, the output verdict and its note (for a break, the
// seed, draw and difference that replay it).
//
//   encoder_at_scale proof|refute LAYERS D_MODEL HEADS D_FF [SEQ]
// bench/scaling.sh runs it over depths and widths.

#include <permeq/permeq.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

int main(int argc, char** argv) {
  if (argc < 6 || (std::string(argv[1]) != "proof" && std::string(argv[1]) != "refute")) {
    std::cerr << "usage: encoder_at_scale proof|refute LAYERS D_MODEL HEADS D_FF [SEQ]\n";
    return 2;
  }
  const int layers = std::atoi(argv[2]);
  permeq::EncoderConfig c;
  c.d_model = std::atoll(argv[3]);
  c.heads = std::atoll(argv[4]);
  c.d_ff = std::atoll(argv[5]);
  c.causal = std::string(argv[1]) == "refute";
  c.norm = permeq::NormPlacement::Pre;
  c.activation = permeq::Activation::Silu;
  permeq::GraphBuilder b(std::string(c.causal ? "causal_" : "") + "encoder_" + std::to_string(layers) + "x" + std::to_string(c.d_model));
  b.dim("seq", argc > 6 ? std::atoll(argv[6]) : 4);
  auto x = b.input("x", {"seq", c.d_model});
  for (int layer = 0; layer < layers; ++layer) x = b.encoder_layer(x, c, "layer" + std::to_string(layer));
  b.output(x);
  const auto graph = b.build();

  const auto start = std::chrono::steady_clock::now();
  const auto report = permeq::check_forward(graph);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::size_t lifted = 0, replayed = 0, proved = 0;
  for (const auto& n : report.nodes) {
    proved += n.proved;
    if (n.verdict == permeq::Verdict::Breaks && n.witness) {
      lifted += n.break_sizes.size() == 2;
      replayed += permeq::replay_witness(graph, n.node, *n.witness);
    }
  }
  std::int64_t parameters = 0;
  for (const auto& p : graph.parameters) {
    std::int64_t count = 1;
    for (const auto& d : p.info.shape) count *= std::get<std::int64_t>(d);
    parameters += count;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const nlohmann::json line{{"case", graph.name},
                            {"layers", layers},
                            {"d_model", c.d_model},
                            {"parameters", parameters},
                            {"nodes", report.nodes.size()},
                            {"nodes_proved", proved},
                            {"output_proved", report.outputs[0].proved},
                            {"output_scope", report.outputs[0].proof_scope},
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
