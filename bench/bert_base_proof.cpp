// Benchmark: whole-graph proof of a 12-layer encoder shaped like BERT-base (d = 768, 12 heads,
// d_ff = 3072, no positions), and refutation of the same graph with a causal mask.
// Prints one JSON line per case; bench/run.sh runs it beside the PyTorch check.

#include <permeq/permeq.hpp>

#include <chrono>
#include <iostream>

namespace {

permeq::Graph bert_base(bool causal) {
  permeq::GraphBuilder b(causal ? "bert_base_causal" : "bert_base");
  b.dim("seq", 4);
  permeq::EncoderConfig c;
  c.d_model = 768;
  c.heads = 12;
  c.d_ff = 3072;
  c.activation = permeq::Activation::Gelu;
  c.causal = causal;
  auto x = b.input("x", {"seq", 768});
  for (int layer = 0; layer < 12; ++layer) x = b.encoder_layer(x, c, "layer" + std::to_string(layer));
  b.output(x);
  return b.build();
}

}  // namespace

int main() {
  for (const bool causal : {false, true}) {
    const auto graph = bert_base(causal);
    const auto start = std::chrono::steady_clock::now();
    const auto report = permeq::check_forward(graph);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::size_t proved = 0, replayed = 0;
    for (const auto& n : report.nodes) {
      proved += n.proved;
      if (n.witness && permeq::replay_witness(graph, n.node, *n.witness)) ++replayed;
    }
    std::cout << "{\"case\": \"" << graph.name << "\", \"nodes\": " << report.nodes.size() << ", \"seconds\": " << seconds
              << ", \"output_verdict\": \"" << permeq::to_string(report.outputs[0].verdict) << "\", \"proved\": "
              << (report.outputs[0].proved ? "true" : "false") << ", \"scope\": \"" << report.outputs[0].proof_scope
              << "\", \"nodes_proved\": " << proved << ", \"culprits\": " << report.culprits.size() << ", \"witnesses_replayed\": " << replayed
              << "}" << std::endl;
  }
}
